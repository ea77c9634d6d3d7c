// The window while the server is away, with two app instances in one process against one real
// server on loopback that the tests stop and start: the offline banner with its countdown and
// Retry now, the people list that does not claim nobody is online, and a start while the
// server is down: with the local cache, everything the last run saw shows at once; without one
// (the first start), the sidebar says the channels have not loaded instead of showing none.

#include "channelmodel.h"
#include "connection.h"
#include "connectionstatus.h"
#include "feedmodel.h"
#include "mainwindow.h"
#include "offlinebanner.h"
#include "peoplemodel.h"
#include "session.h"
#include "sidebar.h"
#include "twoappsfixture.h"

#include <QDir>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Hubbub::Test;

namespace {

const QRegularExpression Countdown(QStringLiteral("^Offline\\. Retrying in (\\d+) s$"));

//! The seconds the banner counts down from, or -1 when it shows something else.
int secondsShown(const OfflineBanner *banner)
{
    const QRegularExpressionMatch match = Countdown.match(banner->text());
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

//! Reconnect only when told: a long backoff, so that the banner's Retry now is what brings
//! the app back within the test.
void slowBackoff(TestApp &app)
{
    app.session.connection()->backoff().setInitial(std::chrono::seconds(40));
    app.session.connection()->backoff().setCap(std::chrono::seconds(40));
}

} // namespace

class TestMainWindowOffline final : public TwoAppsFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void bannerThroughOutage();
    void peopleUnknownWhileOffline();
    void offlineStartSidebarSaysNotLoaded();
    void offlineStartShowsWhatWasSeen();
};

void TestMainWindowOffline::init()
{
    QVERIFY(startApps());
}

void TestMainWindowOffline::cleanup()
{
    stopApps();
}

void TestMainWindowOffline::bannerThroughOutage()
{
    MainWindow *window = m_ada->window();
    OfflineBanner *banner = window->offlineBanner();
    QVERIFY(banner->isHidden());
    slowBackoff(*m_ada);
    slowBackoff(*m_bob);

    // The server goes away: a banner across the window, above everything else, counting down.
    const quint16 port = quint16(m_server->url().port());
    m_server->stop();
    QTRY_VERIFY(banner->isVisible());
    QTRY_VERIFY2(secondsShown(banner) > 0, qPrintable(banner->text()));
    const int first = secondsShown(banner);
    QVERIFY2(first >= 20 && first <= 48, qPrintable(banner->text()));
    QVERIFY(banner->y() < window->sidebar()->mapTo(window, QPoint(0, 0)).y());
    QCOMPARE(banner->width(), window->centralWidget()->width());
    QPushButton *retry = banner->retryButton();
    QVERIFY(retry->isVisible() && retry->isEnabled());
    QCOMPARE(retry->text(), QStringLiteral("Retry now"));
    QTRY_VERIFY_WITH_TIMEOUT(secondsShown(banner) < first && secondsShown(banner) > 0, 3000);

    // The server is back, but the next attempt is half a minute away: Retry now reconnects at
    // once, and the banner goes.
    m_server->config().port = port;
    QVERIFY(m_server->start());
    QCoreApplication::processEvents();
    QVERIFY(banner->isVisible());
    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_ada->session.connection()->isOnline(), 10000);
    QVERIFY(banner->isHidden());
    QTRY_COMPARE(window->connectionStatus()->text(),
        QStringLiteral("Connected to 127.0.0.1 as ada · 1 online"));

    // Bob's banner still waits for him; his Retry now brings him back too.
    OfflineBanner *bobBanner = m_bob->window()->offlineBanner();
    QVERIFY(bobBanner->isVisible());
    QTest::mouseClick(bobBanner->retryButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(bobBanner->isHidden(), 10000);
    QTRY_COMPARE(window->connectionStatus()->text(),
        QStringLiteral("Connected to 127.0.0.1 as ada · 2 online"));
}

void TestMainWindowOffline::peopleUnknownWhileOffline()
{
    Sidebar *sidebar = m_ada->window()->sidebar();
    QCOMPARE(sidebar->peopleHeader()->text(), QStringLiteral("ONLINE — 2"));
    slowBackoff(*m_ada);

    // Offline, nobody is known to be online: not "0", as if everyone had left.
    m_server->stop();
    QTRY_VERIFY(m_ada->window()->offlineBanner()->isVisible());
    QCOMPARE(m_ada->session.people()->rowCount(), 0);
    QCOMPARE(sidebar->peopleHeader()->text(), QStringLiteral("ONLINE"));
    QCOMPARE(sidebar->peoplePlaceholder(), QStringLiteral("Not known while offline."));
    QVERIFY(!m_ada->window()->connectionStatus()->text().contains(QStringLiteral("online")));

    // Back, the list and the count return.
    QVERIFY(m_server->restart(true));
    m_ada->window()->offlineBanner()->retryButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(sidebar->peopleHeader()->text(), QStringLiteral("ONLINE — 1"), 10000);
    QCOMPARE(sidebar->peopleList()->model()->rowCount(), 1);
}

void TestMainWindowOffline::offlineStartSidebarSaysNotLoaded()
{
    // Started while the server is down, and nothing cached (a first start on this computer, or
    // after a sign-out): the sidebar must not look as if there were no channels.
    m_ada.reset();
    m_server->stop();
    QDir data(QDir(m_adaDir->path()).filePath(QStringLiteral("data")));
    const QStringList cached = data.entryList({QStringLiteral("cache-*")}, QDir::Files);
    QVERIFY(!cached.isEmpty());
    for (const QString &name : cached)
        QVERIFY(data.remove(name));
    m_ada = std::make_unique<TestApp>(m_adaDir->path());
    slowBackoff(*m_ada);
    m_ada->controller.start({});
    QVERIFY(m_ada->window() && m_ada->window()->isVisible());
    Sidebar *sidebar = m_ada->window()->sidebar();
    OfflineBanner *banner = m_ada->window()->offlineBanner();
    QTRY_VERIFY(banner->isVisible());
    QVERIFY2(secondsShown(banner) > 0, qPrintable(banner->text()));
    QCOMPARE(m_ada->session.channels()->rowCount(), 0);
    QCOMPARE(sidebar->channelPlaceholder(),
        QStringLiteral("Offline: the channels have not loaded yet."));
    QCOMPARE(sidebar->peopleHeader()->text(), QStringLiteral("ONLINE"));

    // While it connects it says so; loaded, the channels show.
    QVERIFY(m_server->restart(true));
    banner->retryButton()->click();
    QVERIFY(!sidebar->channelPlaceholder().startsWith(QStringLiteral("Offline")));
    QTRY_VERIFY_WITH_TIMEOUT(m_ada->isReady(), 10000);
    QTRY_COMPARE(m_ada->session.channels()->rowCount(), 1);
    QCOMPARE(sidebar->channelList()->model()->index(0, 0).data(ChannelModel::NameRole).toString(),
        QStringLiteral("general"));
    QVERIFY(banner->isHidden());
    QTRY_COMPARE(sidebar->peopleHeader()->text(), QStringLiteral("ONLINE — 2"));
}

void TestMainWindowOffline::offlineStartShowsWhatWasSeen()
{
    // bob posted and wrote; ada's app saw it, and quits.
    const qint64 channelId = createChannel(QStringLiteral("café-crème"));
    QVERIFY(channelId > 0);
    const QString title = QStringLiteral("Réunion à 15 h");
    m_bob->session.createPost(title, QStringLiteral("Salle 2"));
    m_bob->session.sendMessage(channelId, QStringLiteral("회의실은 2층이에요"));
    QTRY_COMPARE_WITH_TIMEOUT(m_bob->session.outbox()->count(), 0, 10000);
    QTRY_COMPARE(rowWith(m_ada->session.feed(), FeedModel::TitleRole, title), 0);
    QTRY_COMPARE(m_ada->session.channels()->unread(channelId), 1);
    m_ada.reset();

    // The server is down when she starts it again: everything shows at once, marked offline.
    m_server->stop();
    m_ada = std::make_unique<TestApp>(m_adaDir->path());
    slowBackoff(*m_ada);
    m_ada->controller.start({});
    QVERIFY(m_ada->window() && m_ada->window()->isVisible());
    QVERIFY(m_ada->session.isFromCache());
    QCOMPARE(rowWith(m_ada->session.feed(), FeedModel::TitleRole, title), 0);
    QCOMPARE(m_ada->session.channels()->rowCount(), 2);
    QCOMPARE(m_ada->session.channels()->unread(channelId), 1);
    Sidebar *sidebar = m_ada->window()->sidebar();
    QVERIFY(rowWith(sidebar->channelList()->model(), ChannelModel::NameRole,
                QStringLiteral("café-crème"))
        >= 0);
    QVERIFY(!sidebar->channelPlaceholder().startsWith(QStringLiteral("Offline")));
    QTRY_VERIFY(m_ada->window()->offlineBanner()->isVisible());
    // Who is online is not known while offline, cached or not.
    QCOMPARE(sidebar->peopleHeader()->text(), QStringLiteral("ONLINE"));

    // Back online, it catches up from where the cache stood: no reload.
    QSignalSpy reload(m_ada->session.connection(), &Connection::reloadRequired);
    QVERIFY(m_server->restart(true));
    m_ada->window()->offlineBanner()->retryButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(m_ada->isReady(), 10000);
    QCOMPARE(reload.size(), 0);
    QCOMPARE(rowWith(m_ada->session.feed(), FeedModel::TitleRole, title), 0);
}

QTEST_MAIN(TestMainWindowOffline)
#include "tst_mainwindowoffline.moc"
