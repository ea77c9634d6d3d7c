// What ChatView says besides the messages, against a real server and a real signed-in Session:
// a channel whose history has not loaded says so (offline, connecting, loading) instead of
// looking empty; a loaded empty channel invites the first message; a burst of joins and
// leaves is one short line; and the date separators move on at midnight without a restart.

#include "channelmodel.h"
#include "chatmodel.h"
#include "chatview.h"
#include "connection.h"
#include "messagedelegate.h"
#include "session.h"
#include "testclient.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QListView>
#include <QTest>
#include <QTimer>

#include <chrono>
#include <memory>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Hubbub::Test;
using namespace std::chrono_literals;

namespace {

const QString Password = QStringLiteral("correct horse");
const QString Offline = QStringLiteral(
    "Offline: the messages have not loaded yet. They will show as soon as the server answers.");
const QString Connecting = QStringLiteral("Connecting… The messages have not loaded yet.");
const QString Empty = QStringLiteral("No messages yet. Write the first one below.");

bool send(TestClient &client, qint64 channelId, const QString &text)
{
    return isOk(client.request(QStringLiteral("chat.send"),
        {{QStringLiteral("channelId"), channelId}, {QStringLiteral("text"), text}}));
}

//! Counts the paint events of a widget.
class PaintCounter final : public QObject
{
public:
    explicit PaintCounter(QWidget *widget) { widget->installEventFilter(this); }
    int count = 0;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++count;
        return false;
    }
};

} // namespace

class tst_ChatViewStates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void notLoadedSaysSo();
    void emptyChannelInvitesFirstMessage();
    void presenceBurstIsOneLine();
    void daySeparatorsFollowTheClock();

private:
    QListView *list() const { return m_view->listView(); }
    QLabel *placeholder() const
    {
        return list()->findChild<QLabel *>(QStringLiteral("chatPlaceholder"));
    }
    qint64 createChannel(const QString &name);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<TestClient> m_bob;
    std::unique_ptr<ChatView> m_view;
};

qint64 tst_ChatViewStates::createChannel(const QString &name)
{
    const QJsonObject reply
        = m_bob->request(QStringLiteral("channel.create"), {{QStringLiteral("name"), name}});
    const qint64 id = intOf(objectOf(reply, "channel"), "id");
    if (id > 0 && !QTest::qWaitFor([&] { return m_session->channels()->rowOf(id) >= 0; }, 10000))
        return 0;
    return id;
}

void tst_ChatViewStates::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY(m_server->start());
    m_bob = std::make_unique<TestClient>();
    QVERIFY(m_bob->open(m_server->url()));
    QVERIFY(isOk(m_bob->registerUser(QStringLiteral("bob"), Password)));

    m_session = std::make_unique<Session>(Session::Paths {});
    m_session->signIn(m_server->url(), QStringLiteral("ada"), Password, true);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->connection()->isOnline(), 10000);

    m_view = std::make_unique<ChatView>(m_session.get());
    m_view->resize(480, 420);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QVERIFY(placeholder());
}

void tst_ChatViewStates::cleanup()
{
    m_view.reset();
    m_session.reset();
    m_bob.reset();
    m_server.reset();
}

void tst_ChatViewStates::notLoadedSaysSo()
{
    const qint64 channel = createChannel(QStringLiteral("lounge"));
    QVERIFY(channel > 0);
    QVERIFY(send(*m_bob, channel, QStringLiteral("already here")));

    // The server goes away before ada ever opened the channel: it must not look empty.
    const quint16 port = quint16(m_server->url().port());
    m_session->connection()->backoff().setInitial(60s);
    m_server->stop();
    QTRY_COMPARE(m_session->connection()->state(), Connection::State::Waiting);
    m_view->setChannel(channel);
    QCOMPARE(list()->model()->rowCount(), 0);
    QCOMPARE(m_view->placeholderText(), Offline);
    QVERIFY(placeholder()->isVisible());
    QCOMPARE(placeholder()->text(), Offline);

    // A message written meanwhile shows, and the notice stays above it: still not the history.
    m_session->sendMessage(channel, QStringLiteral("queued"));
    QTRY_COMPARE(list()->model()->rowCount(), 1);
    QCOMPARE(m_view->placeholderText(), Offline);
    QTRY_VERIFY(placeholder()->isVisible());
    const QRect row = list()->visualRect(list()->model()->index(0, 0));
    const int rowTop = list()->viewport()->mapTo(list(), row.topLeft()).y();
    QVERIFY2(placeholder()->geometry().bottom() < rowTop,
        qPrintable(QStringLiteral("%1 vs %2").arg(placeholder()->geometry().bottom()).arg(rowTop)));

    // Back online: "Connecting…" on the way, then the history, and nothing to say any more.
    QStringList said;
    connect(m_session->connection(), &Connection::stateChanged, this,
        [&] { said.append(m_view->placeholderText()); });
    QVERIFY(m_server->restart(true));
    QCOMPARE(quint16(m_server->url().port()), port);
    m_session->connection()->retryNow();
    QTRY_VERIFY_WITH_TIMEOUT(m_session->chat(channel)->isLoaded(), 10000);
    QVERIFY2(said.contains(Connecting), qPrintable(said.join(QLatin1Char('|'))));
    QTRY_COMPARE(list()->model()->rowCount(), 2);
    QCOMPARE(m_view->placeholderText(), QString());
    QVERIFY(!placeholder()->isVisible());
}

void tst_ChatViewStates::emptyChannelInvitesFirstMessage()
{
    // Coming from a channel with a message or two, which left space above them.
    const qint64 busy = createChannel(QStringLiteral("busy"));
    QVERIFY(busy > 0);
    QVERIFY(send(*m_bob, busy, QStringLiteral("hello")));
    m_view->setChannel(busy);
    QTRY_COMPARE(list()->model()->rowCount(), 1);
    QCOMPARE(m_view->placeholderText(), QString());

    const qint64 channel = createChannel(QStringLiteral("quiet"));
    QVERIFY(channel > 0);
    m_view->setChannel(channel);
    // Loading while online, then loaded and empty: only now does it say there is nothing.
    QVERIFY(m_view->placeholderText() == QStringLiteral("Loading messages…")
        || m_session->chat(channel)->isLoaded());
    QTRY_VERIFY(m_session->chat(channel)->isLoaded());
    QCOMPARE(m_view->placeholderText(), Empty);
    QVERIFY(placeholder()->isVisible());
    // The whole pane is empty: the invitation sits in its middle, not cut off.
    QTRY_VERIFY2(placeholder()->height() >= list()->height() - 1,
        qPrintable(QStringLiteral("%1 of %2").arg(placeholder()->height()).arg(list()->height())));

    QVERIFY(send(*m_bob, channel, QStringLiteral("first!")));
    QTRY_COMPARE(list()->model()->rowCount(), 1);
    QCOMPARE(m_view->placeholderText(), QString());
    QVERIFY(!placeholder()->isVisible());
    // And no channel at all says nothing.
    m_view->setChannel(0);
    QCOMPARE(m_view->placeholderText(), QString());
    QVERIFY(!placeholder()->isVisible());
}

void tst_ChatViewStates::presenceBurstIsOneLine()
{
    const qint64 channel = createChannel(QStringLiteral("door"));
    QVERIFY(channel > 0);
    QVERIFY(send(*m_bob, channel, QStringLiteral("who is around?")));
    m_view->setChannel(channel);
    ChatModel *chat = m_session->chat(channel);
    QTRY_VERIFY(chat->isLoaded());
    QTRY_COMPARE(list()->model()->rowCount(), 1);

    // carol comes and goes, dave comes: three presence events within a minute, one line.
    {
        TestClient carol;
        QVERIFY(carol.open(m_server->url()));
        QVERIFY(isOk(carol.registerUser(QStringLiteral("carol"), Password)));
        QTRY_COMPARE(list()->model()->rowCount(), 2);
    }
    TestClient dave;
    QVERIFY(dave.open(m_server->url()));
    QVERIFY(isOk(dave.registerUser(QStringLiteral("dave"), Password)));
    const QString line = QStringLiteral("dave joined · carol left");
    QTRY_COMPARE(list()->model()->index(1, 0).data(ChatModel::TextRole).toString(), line);
    QCOMPARE(list()->model()->rowCount(), 2);
    const QModelIndex presence = list()->model()->index(1, 0);
    QVERIFY(
        presence.data(ChatModel::KindRole).value<ChatModel::Kind>() != ChatModel::Kind::Message);

    // On screen it is one short line: lower than a message with its author line, and below
    // the message, not over it.
    const QRect message = list()->visualRect(list()->model()->index(0, 0));
    QTRY_VERIFY(list()->visualRect(presence).top() >= message.bottom());
    const int lineHeight = list()->fontMetrics().height();
    QVERIFY2(list()->visualRect(presence).height() < 2 * lineHeight,
        qPrintable(QString::number(list()->visualRect(presence).height())));

    // Past the burst (five minutes after it began), presence starts a line of its own.
    const QDateTime began = presence.data(ChatModel::CreatedAtRole).toDateTime();
    User erin;
    erin.id = 1000;
    erin.username = QStringLiteral("erin");
    chat->addPresenceLine(erin, true, began.addSecs(ChatModel::PresenceBurstSeconds + 60));
    QCOMPARE(list()->model()->rowCount(), 3);
    QCOMPARE(list()->model()->index(1, 0).data(ChatModel::TextRole).toString(), line);
    QCOMPARE(list()->model()->index(2, 0).data(ChatModel::TextRole).toString(),
        QStringLiteral("erin joined"));
}

void tst_ChatViewStates::daySeparatorsFollowTheClock()
{
    const qint64 channel = createChannel(QStringLiteral("night"));
    QVERIFY(channel > 0);
    QVERIFY(send(*m_bob, channel, QStringLiteral("late again")));
    m_view->setChannel(channel);
    QTRY_COMPARE(list()->model()->rowCount(), 1);
    const QModelIndex row = list()->model()->index(0, 0);
    const QDate day = row.data(ChatModel::CreatedAtRole).toDateTime().toLocalTime().date();

    // A clock that runs from just before the next midnight after the message.
    const QDateTime start(day, QTime(23, 59, 59, 800));
    QElapsedTimer elapsed;
    elapsed.start();
    m_view->setClock([start, elapsed] { return start.addMSecs(elapsed.elapsed()); });
    QCOMPARE(m_view->delegate()->daySeparator(row), QStringLiteral("Today"));
    const auto *timer = m_view->findChild<QTimer *>(QStringLiteral("dayTimer"));
    QVERIFY(timer && timer->isActive());
    QVERIFY2(timer->remainingTime() <= 300, qPrintable(QString::number(timer->remainingTime())));

    // Midnight passes while the window is open: the separator is repainted as "Yesterday".
    PaintCounter paints(list()->viewport());
    QTRY_COMPARE(m_view->delegate()->daySeparator(row), QStringLiteral("Yesterday"));
    QTRY_VERIFY(paints.count > 0);
    // And the next change of day is waited for again (an hour at most, then checked anew).
    QVERIFY(timer->isActive());
    QVERIFY(timer->remainingTime() > 3500 * 1000);
}

QTEST_MAIN(tst_ChatViewStates)
#include "tst_chatviewstates.moc"
