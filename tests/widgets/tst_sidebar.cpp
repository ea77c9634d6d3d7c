// The sidebar and what the window opens on, with two app instances in one process against one
// real server on loopback: channels in creation order, so that Ctrl+N keeps meaning the same
// channel when one arrives live and after a reconnect; people rows as tall as channel rows; and
// the last channel (or the feed) reopened per server and account, also while offline.

#include "channelmodel.h"
#include "chatview.h"
#include "clientsettings.h"
#include "connection.h"
#include "feedview.h"
#include "mainwindow.h"
#include "offlinebanner.h"
#include "reply.h"
#include "session.h"
#include "sidebar.h"
#include "signindialog.h"
#include "twoappsfixture.h"
#include "widgettesting.h"

#include <QAction>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Hubbub::Test;

namespace {

constexpr qint64 General = 1;

//! The channel Ctrl+`digit` opens in `window`, or -1 when it opens none.
qint64 channelOfShortcut(MainWindow *window, int digit)
{
    window->sidebar()->selectFeed();
    QTest::keyClick(window, Qt::Key(Qt::Key_0 + digit), Qt::ControlModifier);
    return window->chatView()->isVisibleTo(window) ? window->chatView()->channel() : -1;
}

} // namespace

class TestSidebar final : public TwoAppsFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void shortcutsKeepTheirChannel();
    void peopleRowsAsTallAsChannelRows();
    void reopensLastView();
    void lastViewPerAccount();

private:
    //! Quits ada's app and starts it again on the same settings.
    void restartAda();
};

void TestSidebar::init()
{
    QVERIFY(startApps());
}

void TestSidebar::cleanup()
{
    stopApps();
}

void TestSidebar::restartAda()
{
    m_ada.reset();
    m_ada = std::make_unique<TestApp>(m_adaDir->path());
    m_ada->controller.start({});
}

void TestSidebar::shortcutsKeepTheirChannel()
{
    // Created in this order; by name they would be alpha, general, zeta.
    const qint64 zeta = createChannel(QStringLiteral("zeta"));
    QVERIFY(zeta > 0);
    MainWindow *window = m_ada->window();
    QVERIFY(activateWindow(window));
    QCOMPARE(channelOfShortcut(window, 2), General);
    QCOMPARE(channelOfShortcut(window, 3), zeta);

    // Bob creates "alpha", which arrives in ada's window live: it goes last, and Ctrl+2 and
    // Ctrl+3 still open what they opened.
    qint64 alpha = 0;
    m_bob->session.createChannel(
        QStringLiteral("alpha"), {}, m_bob->window(), [&alpha](const Reply &reply) {
            alpha = reply.ok() ? reply.result()
                                     .value(QStringLiteral("channel"))
                                     .toObject()
                                     .value(QStringLiteral("id"))
                                     .toInteger()
                               : -1;
        });
    QTRY_VERIFY(alpha > 0 && m_ada->session.channels()->rowOf(alpha) >= 0);
    QCOMPARE(channelOfShortcut(window, 2), General);
    QCOMPARE(channelOfShortcut(window, 3), zeta);
    QCOMPARE(channelOfShortcut(window, 4), alpha);

    // After the server restarts and the app reloads its lists: the same again.
    m_server->stop();
    QTRY_VERIFY(!m_ada->session.connection()->isOnline());
    QVERIFY(m_server->restart(true));
    window->offlineBanner()->retryButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(m_ada->session.connection()->isOnline(), 10000);
    QTRY_COMPARE(m_ada->session.channels()->rowCount(), 3);
    QCOMPARE(channelOfShortcut(window, 2), General);
    QCOMPARE(channelOfShortcut(window, 3), zeta);
    QCOMPARE(channelOfShortcut(window, 4), alpha);

    // A restarted app lists them in that order too.
    restartAda();
    QTRY_VERIFY_WITH_TIMEOUT(m_ada->isReady(), 10000);
    QTRY_COMPARE(m_ada->session.channels()->rowCount(), 3);
    window = m_ada->window();
    QVERIFY(activateWindow(window));
    QCOMPARE(channelOfShortcut(window, 2), General);
    QCOMPARE(channelOfShortcut(window, 3), zeta);
    QCOMPARE(channelOfShortcut(window, 4), alpha);
}

void TestSidebar::peopleRowsAsTallAsChannelRows()
{
    Sidebar *sidebar = m_ada->window()->sidebar();
    QListView *channels = sidebar->channelList();
    QListView *people = sidebar->peopleList();
    QCOMPARE(people->model()->rowCount(), 2);
    const int channelRow = channels->visualRect(channels->model()->index(0, 0)).height();
    QVERIFY(channelRow > 0);
    for (int row = 0; row < 2; ++row)
        QCOMPARE(people->visualRect(people->model()->index(row, 0)).height(), channelRow);
}

void TestSidebar::reopensLastView()
{
    const qint64 lounge = createChannel(QStringLiteral("lounge"));
    QVERIFY(lounge > 0);
    m_ada->window()->sidebar()->selectChannel(lounge);
    QCOMPARE(m_ada->window()->chatView()->channel(), lounge);

    // Started again, the window opens on #lounge.
    restartAda();
    MainWindow *window = m_ada->window();
    QTRY_VERIFY_WITH_TIMEOUT(m_ada->isReady(), 10000);
    QVERIFY(window->chatView()->isVisible());
    QCOMPARE(window->chatView()->channel(), lounge);
    QTRY_COMPARE(window->windowTitle(), QStringLiteral("#lounge — Hubbub"));
    QCOMPARE(window->sidebar()->channelList()->selectionModel()->selectedIndexes().size(), 1);
    QCOMPARE(window->sidebar()->channelList()->selectionModel()->selectedIndexes().at(0).row(),
        m_ada->session.channels()->rowOf(lounge));
    QVERIFY(!window->sidebar()->feedButton()->isChecked());

    // Started while the server is down: on #lounge at once, with no name to show yet; the row
    // is selected when the list comes.
    m_ada.reset();
    m_server->stop();
    restartAda();
    window = m_ada->window();
    QVERIFY(window->chatView()->isVisible());
    QCOMPARE(window->chatView()->channel(), lounge);
    QCOMPARE(window->windowTitle(), QStringLiteral("Hubbub"));
    QTRY_VERIFY(window->offlineBanner()->isVisible());
    QVERIFY(m_server->restart(true));
    window->offlineBanner()->retryButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(window->windowTitle(), QStringLiteral("#lounge — Hubbub"), 10000);
    QCOMPARE(window->sidebar()->channelList()->selectionModel()->selectedIndexes().size(), 1);
    QCOMPARE(window->chatView()->channel(), lounge);

    // Back on the feed, the next start opens the feed.
    window->sidebar()->selectFeed();
    restartAda();
    QTRY_VERIFY_WITH_TIMEOUT(m_ada->isReady(), 10000);
    QVERIFY(m_ada->window()->feedView()->isVisible());
    QCOMPARE(m_ada->window()->windowTitle(), QStringLiteral("Feed — Hubbub"));

    // A channel the server does not have (another database at the same address): the feed.
    m_ada->settings.setLastView(m_server->url(), m_ada->session.user().id, 999);
    restartAda();
    QTRY_VERIFY_WITH_TIMEOUT(m_ada->isReady(), 10000);
    QTRY_VERIFY(m_ada->window()->feedView()->isVisible());
    QCOMPARE(m_ada->session.currentView(), 0);
}

void TestSidebar::lastViewPerAccount()
{
    const qint64 lounge = createChannel(QStringLiteral("lounge"));
    QVERIFY(lounge > 0);
    MainWindow *window = m_ada->window();
    window->sidebar()->selectChannel(lounge);
    const QUrl server = m_server->url();
    const qint64 ada = m_ada->session.user().id;
    QCOMPARE(m_ada->settings.lastView(server, ada), lounge);
    // Kept per server and account.
    QCOMPARE(m_ada->settings.lastView(QUrl(QStringLiteral("ws://elsewhere:7300")), ada), 0);

    // Bob signs in on ada's app: his own last view (none yet: the feed), not hers.
    window->findChild<QAction *>(QStringLiteral("signOutAction"))->trigger();
    SignInDialog *dialog = m_ada->controller.signInDialog();
    QVERIFY(dialog && dialog->isVisible());
    auto *username = dialog->findChild<QLineEdit *>(QStringLiteral("usernameEdit"));
    auto *password = dialog->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    username->setText(QStringLiteral("bob"));
    password->setText(Password);
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_ada->isReady() && m_ada->session.user().username == QStringLiteral("bob"), 10000);
    QCOMPARE(m_ada->window(), window);
    QVERIFY(window->feedView()->isVisible());
    window->sidebar()->selectChannel(General);
    const qint64 bob = m_ada->session.user().id;
    QCOMPARE(m_ada->settings.lastView(server, bob), General);
    QCOMPARE(m_ada->settings.lastView(server, ada), lounge);

    // And ada again: hers.
    window->findChild<QAction *>(QStringLiteral("signOutAction"))->trigger();
    dialog = m_ada->controller.signInDialog();
    QVERIFY(dialog && dialog->isVisible());
    username = dialog->findChild<QLineEdit *>(QStringLiteral("usernameEdit"));
    password = dialog->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    username->setText(QStringLiteral("ada"));
    password->setText(Password);
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_ada->isReady() && m_ada->session.user().username == QStringLiteral("ada"), 10000);
    QVERIFY(window->chatView()->isVisible());
    QCOMPARE(window->chatView()->channel(), lounge);
}

QTEST_MAIN(TestSidebar)
#include "tst_sidebar.moc"
