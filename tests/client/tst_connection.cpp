// Connection against a real in-process server: sign-in with a password or a token and how each
// fails, reconnecting after a server restart with every missed event delivered once and in
// order, too_old leading to a reload, and (against a hand-written WebSocket server that stops
// answering) request timeouts, the keep-alive that drops a silent link, a handshake step that
// never answers or a server fault on token sign-in leading to a reconnect, and a request made
// while the socket is going away.

#include "connection.h"
#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

#include <memory>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Hubbub::Test;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

const QString Password = u"correct horse"_s;
constexpr int SignInTimeout = 20000; //!< password hashing is slow on purpose

//! A WebSocket server that plays a Hubbub server just far enough: it answers hello, auth.token,
//! sync and presence.list (unless told not to), and (if told) ping; every other request goes
//! unanswered.
class SilentServer final : public QObject
{
public:
    SilentServer()
    {
        connect(&m_server, &QWebSocketServer::newConnection, this, &SilentServer::onNewConnection);
    }
    Q_DISABLE_COPY_MOVE(SilentServer)

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QUrl url() const { return QUrl(u"ws://127.0.0.1:%1/"_s.arg(m_server.serverPort())); }
    //! Request types received, in order.
    QStringList received;
    bool answerPings = false;
    //! Handshake steps to leave unanswered.
    QStringList unanswered;
    //! If set, auth.token is refused with this error code.
    QString authError;
    //! Closes every connection from the server's side.
    void dropAll()
    {
        const auto sockets = findChildren<QWebSocket *>();
        for (QWebSocket *socket : sockets)
            socket->abort();
    }

private:
    void onNewConnection()
    {
        while (QWebSocket *socket = m_server.nextPendingConnection()) {
            socket->setParent(this);
            connect(socket, &QWebSocket::textMessageReceived, this,
                [this, socket](const QString &text) { onText(socket, text); });
        }
    }

    void onText(QWebSocket *socket, const QString &text)
    {
        const QJsonObject request = QJsonDocument::fromJson(text.toUtf8()).object();
        const QString type = request.value("type"_L1).toString();
        received.append(type);
        if (unanswered.contains(type))
            return;
        QJsonObject result;
        if (type == "auth.token"_L1 && !authError.isEmpty()) {
            const QJsonObject error {
                {u"code"_s, authError}, {u"message"_s, u"Something broke on the server."_s}};
            const QJsonObject reply {{u"type"_s, u"reply"_s}, {u"id"_s, request.value("id"_L1)},
                {u"ok"_s, false}, {u"error"_s, error}};
            socket->sendTextMessage(
                QString::fromUtf8(QJsonDocument(reply).toJson(QJsonDocument::Compact)));
            return;
        }
        if (type == "hello"_L1) {
            result = {{u"protocol"_s, 1}, {u"server"_s, u"silent/1"_s}, {u"head"_s, 0}};
        } else if (type == "auth.token"_L1) {
            result = {{u"user"_s,
                QJsonObject {{u"id"_s, 1}, {u"username"_s, u"ada"_s}, {u"role"_s, u"member"_s}}}};
        } else if (type == "sync"_L1) {
            result = {{u"events"_s, QJsonArray()}, {u"head"_s, 0}};
        } else if (type == "presence.list"_L1) {
            result = {{u"users"_s, QJsonArray()}};
        } else if (type == "ping"_L1 && answerPings) {
            result = {{u"time"_s, nowTimestamp()}};
        } else {
            return;
        }
        result.insert(u"type"_s, u"reply"_s);
        result.insert(u"id"_s, request.value("id"_L1));
        result.insert(u"ok"_s, true);
        socket->sendTextMessage(
            QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Compact)));
    }

    QWebSocketServer m_server {u"silent"_s, QWebSocketServer::NonSecureMode};
};

//! Another member on a raw connection, signed in with `token` (after a server restart).
std::unique_ptr<TestClient> connectWithToken(TestServer &server, const QString &token)
{
    auto client = std::make_unique<TestClient>();
    if (!client->open(server.url()))
        return nullptr;
    if (!isOk(client->request(u"auth.token"_s, {{u"token"_s, token}})))
        return nullptr;
    return client;
}

bool createPost(TestClient &client, const QString &title)
{
    return isOk(client.request(u"post.create"_s, {{u"title"_s, title}, {u"content"_s, u"x"_s}}));
}

//! The seqs `connection` delivered, in delivery order.
class SeqRecorder
{
public:
    explicit SeqRecorder(Connection *connection)
    {
        QObject::connect(connection, &Connection::eventReceived, &m_context,
            [this](qint64 seq, EventType, const QJsonObject &data) {
                seqs.append(seq);
                // What is handed out is the event's payload, without the frame around it.
                payloadsOnly = payloadsOnly && !data.isEmpty() && !data.contains("seq"_L1)
                    && !data.contains("event"_L1) && !data.contains("type"_L1);
            });
    }
    QList<qint64> seqs;
    bool payloadsOnly = true;

private:
    QObject m_context;
};

QList<qint64> range(qint64 first, qint64 last)
{
    QList<qint64> seqs;
    for (qint64 seq = first; seq <= last; ++seq)
        seqs.append(seq);
    return seqs;
}

//! The server's newest seq as `hello` reports it.
qint64 headOf(TestClient &client)
{
    const QJsonObject reply = client.request(u"hello"_s, {{u"protocol"_s, 1}});
    return isOk(reply) ? reply.value("head"_L1).toInteger() : -1;
}

} // namespace

class tst_Connection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void registerAndSignIn();
    void signInWithExistingAccount();
    void wrongPassword();
    void unreachableServer();
    void resumeWithToken();
    void resumeFromStoredSeq();
    void badToken_data();
    void badToken();
    void requestWhileOfflineFailsLater();
    void signOutRevokesToken();
    void reconnectDeliversEveryMissedEventOnce();
    void tooOldReloads_data();
    void tooOldReloads();
    void requestTimeout();
    void timeoutSkipsCallbackOfDeadContext();
    void keepAliveDropsSilentLink();
    void keepAliveKeepsAnsweringLink();
    void requestWhileSocketGoesAway_data();
    void requestWhileSocketGoesAway();
    void handshakeTimeoutReconnects_data();
    void handshakeTimeoutReconnects();
    void tokenSignInServerFaultRetries_data();
    void tokenSignInServerFaultRetries();
};

void tst_Connection::registerAndSignIn()
{
    TestServer server;
    QVERIFY(server.start());
    Connection connection;
    QSignalSpy signedIn(&connection, &Connection::signedIn);
    QSignalSpy online(&connection, &Connection::online);
    QSignalSpy reload(&connection, &Connection::reloadRequired);
    QSignalSpy states(&connection, &Connection::stateChanged);
    QSignalSpy presence(&connection, &Connection::presenceListed);
    QSignalSpy failed(&connection, &Connection::signInFailed);

    connection.signIn(server.url(), u"ada"_s, Password, true);
    QCOMPARE(connection.state(), Connection::State::Connecting);
    QTRY_COMPARE_WITH_TIMEOUT(online.size(), 1, SignInTimeout);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(signedIn.size(), 1);
    const User user = signedIn.at(0).at(0).value<User>();
    QCOMPARE(user.username, u"ada"_s);
    QVERIFY(user.id > 0);
    const QString token = signedIn.at(0).at(1).toString();
    QCOMPARE(token.size(), 43);
    QCOMPARE(connection.token(), token);
    QCOMPARE(connection.user(), user);
    QVERIFY(connection.isOnline());
    QCOMPARE(connection.url(), server.url());
    // A first sign-in loads the views from scratch.
    QCOMPARE(reload.size(), 1);
    QCOMPARE(connection.lastSeq(), 0);
    QCOMPARE(connection.msUntilRetry(), 0);
    QVERIFY(connection.lastError().isEmpty());

    QList<Connection::State> seen;
    for (const auto &args : std::as_const(states))
        seen.append(args.at(0).value<Connection::State>());
    QCOMPARE(seen,
        (QList<Connection::State> {Connection::State::Connecting, Connection::State::SigningIn,
            Connection::State::Syncing, Connection::State::Online}));
    // We are online ourselves, so the list has us.
    QCOMPARE(presence.size(), 1);
    const auto users = presence.at(0).at(0).value<QList<User>>();
    QCOMPARE(users.size(), 1);
    QCOMPARE(users.at(0).id, user.id);

    // A request on the live connection.
    std::optional<Reply> answer;
    QObject context;
    connection.request(
        MessageType::ChannelList, {}, &context, [&answer](const Reply &reply) { answer = reply; });
    QTRY_VERIFY(answer.has_value());
    QVERIFY(answer->ok());
    QCOMPARE(answer->result().value("channels"_L1).toArray().size(), 1);

    // A server error comes back as the server's error.
    answer.reset();
    connection.request(MessageType::PostGet, {{u"postId"_s, 999}}, &context,
        [&answer](const Reply &reply) { answer = reply; });
    QTRY_VERIFY(answer.has_value());
    QCOMPARE(answer->outcome(), Reply::Outcome::ServerError);
    QCOMPARE(answer->error().code, ErrorCode::NotFound);
    QVERIFY(!answer->isTransportFailure());
}

void tst_Connection::signInWithExistingAccount()
{
    TestServer server;
    QVERIFY(server.start());
    TestClient bob;
    QVERIFY(bob.open(server.url()));
    QVERIFY(isOk(bob.registerUser(u"ada"_s, Password)));
    Connection connection;
    QSignalSpy signedIn(&connection, &Connection::signedIn);
    QSignalSpy online(&connection, &Connection::online);
    // Usernames match ignoring case; the stored spelling comes back.
    connection.signIn(server.url(), u"ADA"_s, Password);
    QTRY_COMPARE_WITH_TIMEOUT(online.size(), 1, SignInTimeout);
    QCOMPARE(signedIn.at(0).at(0).value<User>().username, u"ada"_s);
    QCOMPARE(connection.user().id, bob.userId());
}

void tst_Connection::wrongPassword()
{
    TestServer server;
    QVERIFY(server.start());
    TestClient other;
    QVERIFY(other.open(server.url()));
    QVERIFY(isOk(other.registerUser(u"ada"_s, Password)));

    Connection connection;
    QSignalSpy failed(&connection, &Connection::signInFailed);
    QSignalSpy signedIn(&connection, &Connection::signedIn);
    QSignalSpy scheduled(&connection, &Connection::reconnectScheduled);
    connection.signIn(server.url(), u"ada"_s, u"wrong password"_s);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, SignInTimeout);
    const Error error = failed.at(0).at(0).value<Error>();
    QCOMPARE(error.code, ErrorCode::Unauthorized);
    QCOMPARE(error.message, u"Wrong username or password."_s);
    QCOMPARE(connection.state(), Connection::State::Disconnected);
    QCOMPARE(connection.lastError(), u"Wrong username or password."_s);
    QCOMPARE(signedIn.size(), 0);
    QCOMPARE(scheduled.size(), 0);
    QVERIFY(connection.token().isEmpty());

    // Registering a name that is taken fails the same way, with the server's reason.
    connection.signIn(server.url(), u"Ada"_s, Password, true);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, SignInTimeout);
    QCOMPARE(failed.at(1).at(0).value<Error>().code, ErrorCode::Conflict);
    QCOMPARE(scheduled.size(), 0);
    QCOMPARE(connection.state(), Connection::State::Disconnected);
}

void tst_Connection::unreachableServer()
{
    const quint16 port = closedPort();
    QVERIFY(port != 0);
    Connection connection;
    QSignalSpy failed(&connection, &Connection::signInFailed);
    QSignalSpy scheduled(&connection, &Connection::reconnectScheduled);
    const QUrl url(u"ws://127.0.0.1:%1/"_s.arg(port));
    connection.signIn(url, u"ada"_s, Password);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
    const Error error = failed.at(0).at(0).value<Error>();
    // The address as the user reads it: no stray "/" of the root path.
    QCOMPARE(error.message, u"Can't reach server at ws://127.0.0.1:%1."_s.arg(port));
    QCOMPARE(connection.state(), Connection::State::Disconnected);
    // A first sign-in does not retry by itself: the user is looking at the dialog.
    QCOMPARE(scheduled.size(), 0);
}

void tst_Connection::resumeWithToken()
{
    TestServer server;
    QVERIFY(server.start());
    TestClient ada;
    QVERIFY(ada.open(server.url()));
    QVERIFY(isOk(ada.registerUser(u"ada"_s, Password)));

    Connection connection;
    QSignalSpy signedIn(&connection, &Connection::signedIn);
    QSignalSpy online(&connection, &Connection::online);
    QSignalSpy reload(&connection, &Connection::reloadRequired);
    connection.resume(server.url(), ada.token());
    QTRY_COMPARE_WITH_TIMEOUT(online.size(), 1, SignInTimeout);
    QCOMPARE(signedIn.size(), 1);
    QCOMPARE(signedIn.at(0).at(0).value<User>().id, ada.userId());
    // The token is kept (auth.token returns none).
    QCOMPARE(signedIn.at(0).at(1).toString(), ada.token());
    QCOMPARE(connection.token(), ada.token());
    QCOMPARE(reload.size(), 1);
}

void tst_Connection::resumeFromStoredSeq()
{
    // What the app's cache and hubbub-cli's state file do: a new Connection, in a new
    // process, picks up after the last seq it had, with nothing reloaded and nothing repeated.
    TestServer server;
    QVERIFY(server.start());
    TestClient ada;
    QVERIFY(ada.open(server.url()));
    QVERIFY(isOk(ada.registerUser(u"ada"_s, Password)));
    for (int i = 0; i < 3; ++i)
        QVERIFY(createPost(ada, u"before %1"_s.arg(i)));
    const qint64 stored = headOf(ada);
    for (int i = 0; i < 4; ++i)
        QVERIFY(createPost(ada, u"missed %1"_s.arg(i)));
    const qint64 head = headOf(ada);
    QCOMPARE(head, stored + 4);

    Connection connection;
    SeqRecorder recorder(&connection);
    QSignalSpy online(&connection, &Connection::online);
    QSignalSpy reload(&connection, &Connection::reloadRequired);
    connection.resume(server.url(), ada.token(), stored);
    QTRY_COMPARE_WITH_TIMEOUT(online.size(), 1, SignInTimeout);
    QCOMPARE(recorder.seqs, range(stored + 1, head));
    QCOMPARE(reload.size(), 0);
    QCOMPARE(connection.lastSeq(), head);

    // 0 is a seq too: everything the server keeps, from the first event on.
    Connection fresh;
    SeqRecorder all(&fresh);
    QSignalSpy freshOnline(&fresh, &Connection::online);
    QSignalSpy freshReload(&fresh, &Connection::reloadRequired);
    fresh.resume(server.url(), ada.token(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(freshOnline.size(), 1, SignInTimeout);
    QCOMPARE(all.seqs, range(1, head));
    QCOMPARE(freshReload.size(), 0);
}

void tst_Connection::badToken_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addRow("unknown") << u"unknown"_s;
    QTest::addRow("revoked by logout") << u"revoked"_s;
    QTest::addRow("expired") << u"expired"_s;
}

void tst_Connection::badToken()
{
    QFETCH(QString, kind);
    TestServer server;
    if (kind == "expired"_L1)
        server.config().tokenLifetimeDays = 0; // a token ends the moment it is made
    QVERIFY(server.start());
    QString token = QString(43, u'A');
    TestClient ada;
    if (kind != "unknown"_L1) {
        QVERIFY(ada.open(server.url()));
        QVERIFY(isOk(ada.registerUser(u"ada"_s, Password)));
        token = ada.token();
        if (kind == "revoked"_L1)
            QVERIFY(isOk(ada.request(u"auth.logout"_s)));
    }

    Connection connection;
    QSignalSpy failed(&connection, &Connection::signInFailed);
    QSignalSpy scheduled(&connection, &Connection::reconnectScheduled);
    QSignalSpy signedIn(&connection, &Connection::signedIn);
    connection.resume(server.url(), token);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, SignInTimeout);
    const Error error = failed.at(0).at(0).value<Error>();
    QCOMPARE(error.code, ErrorCode::Unauthorized);
    QCOMPARE(error.message, u"Your session has expired or was signed out. Please sign in again."_s);
    QCOMPARE(connection.state(), Connection::State::Disconnected);
    // Forgotten, so that nothing retries with it.
    QVERIFY(connection.token().isEmpty());
    QCOMPARE(scheduled.size(), 0);
    QCOMPARE(signedIn.size(), 0);
}

void tst_Connection::requestWhileOfflineFailsLater()
{
    Connection connection;
    bool called = false;
    std::optional<Reply> answer;
    QObject context;
    const qint64 id = connection.request(MessageType::Ping, {}, &context, [&](const Reply &reply) {
        called = true;
        answer = reply;
    });
    QCOMPARE(id, qint64(-1));
    // Never inside the call itself.
    QVERIFY(!called);
    QTRY_VERIFY(called);
    QCOMPARE(answer->outcome(), Reply::Outcome::Disconnected);
    QVERIFY(answer->isTransportFailure());
    QVERIFY(!answer->error().message.isEmpty());
}

void tst_Connection::signOutRevokesToken()
{
    TestServer server;
    QVERIFY(server.start());
    Connection connection;
    QSignalSpy online(&connection, &Connection::online);
    connection.signIn(server.url(), u"ada"_s, Password, true);
    QTRY_COMPARE_WITH_TIMEOUT(online.size(), 1, SignInTimeout);
    const QString token = connection.token();
    QSignalSpy scheduled(&connection, &Connection::reconnectScheduled);
    connection.signOut();
    QTRY_COMPARE(connection.state(), Connection::State::Disconnected);
    QVERIFY(connection.token().isEmpty());
    QCOMPARE(connection.user().id, qint64(0));
    QCOMPARE(connection.lastSeq(), qint64(-1));

    // The server revoked the token: it no longer signs in.
    TestClient probe;
    QVERIFY(probe.open(server.url()));
    QTRY_COMPARE(
        errorCode(probe.request(u"auth.token"_s, {{u"token"_s, token}})), u"unauthorized"_s);
    QCOMPARE(scheduled.size(), 0);
}

void tst_Connection::reconnectDeliversEveryMissedEventOnce()
{
    TestServer server;
    QVERIFY(server.start());
    TestClient bob;
    QVERIFY(bob.open(server.url()));
    QVERIFY(isOk(bob.registerUser(u"bob"_s, Password)));

    Connection connection;
    // A long first delay: the test decides when the reconnect happens (retryNow()).
    connection.backoff().setInitial(60s);
    SeqRecorder recorder(&connection);
    QSignalSpy online(&connection, &Connection::online);
    QSignalSpy reload(&connection, &Connection::reloadRequired);
    QSignalSpy signedIn(&connection, &Connection::signedIn);
    QSignalSpy scheduled(&connection, &Connection::reconnectScheduled);
    connection.signIn(server.url(), u"ada"_s, Password, true);
    QTRY_COMPARE_WITH_TIMEOUT(online.size(), 1, SignInTimeout);
    const qint64 start = connection.lastSeq();

    // Live events.
    for (int i = 0; i < 3; ++i)
        QVERIFY(createPost(bob, u"live %1"_s.arg(i)));
    QTRY_COMPARE(recorder.seqs.size(), 3);

    // The server restarts on the same port; ada's connection notices and waits.
    QVERIFY(server.restart(true));
    QTRY_COMPARE(connection.state(), Connection::State::Waiting);
    QCOMPARE(scheduled.size(), 1);
    QVERIFY(connection.msUntilRetry() > 0);
    QVERIFY(!connection.lastError().isEmpty());

    // Meanwhile bob goes on: posts, a channel and messages, an edit and a delete.
    auto writer = connectWithToken(server, bob.token());
    QVERIFY(writer);
    for (int i = 0; i < 4; ++i)
        QVERIFY(createPost(*writer, u"during %1"_s.arg(i)));
    QVERIFY(isOk(writer->request(
        u"chat.send"_s, {{u"channelId"_s, 1}, {u"text"_s, u"while you were away"_s}})));
    const QJsonObject post
        = writer->request(u"post.create"_s, {{u"title"_s, u"doomed"_s}, {u"content"_s, u""_s}});
    QVERIFY(isOk(post));
    const qint64 postId = post.value("post"_L1).toObject().value("id"_L1).toInteger();
    QVERIFY(isOk(writer->request(u"post.update"_s,
        {{u"postId"_s, postId}, {u"title"_s, u"edited"_s}, {u"content"_s, u""_s}})));
    QVERIFY(isOk(writer->request(u"post.delete"_s, {{u"postId"_s, postId}})));
    QCOMPARE(recorder.seqs.size(), 3);

    connection.retryNow();
    // More changes race the catch-up: they may arrive live during the sync, or in it.
    for (int i = 0; i < 3; ++i) {
        writer->send(
            u"post.create"_s, {{u"title"_s, u"racing %1"_s.arg(i)}, {u"content"_s, u""_s}});
    }
    QTRY_COMPARE_WITH_TIMEOUT(online.size(), 2, 10000);
    const qint64 head = start + 3 + 4 + 1 + 3 + 3;
    QTRY_COMPARE(recorder.seqs.size(), int(head - start));
    QCOMPARE(headOf(*writer), head);
    // Every seq exactly once, in order, no gap.
    QCOMPARE(recorder.seqs, range(start + 1, head));
    QVERIFY(recorder.payloadsOnly);
    QCOMPARE(connection.lastSeq(), head);
    // Resumed, not reloaded; signed in again with the token.
    QCOMPARE(reload.size(), 1);
    QCOMPARE(signedIn.size(), 2);
    QCOMPARE(connection.state(), Connection::State::Online);
    QCOMPARE(connection.msUntilRetry(), 0);

    // And live events go on after the catch-up.
    QVERIFY(createPost(*writer, u"after"_s));
    QTRY_COMPARE(recorder.seqs.size(), int(head - start + 1));
    QCOMPARE(recorder.seqs.last(), head + 1);
}

void tst_Connection::tooOldReloads_data()
{
    QTest::addColumn<QString>("cause");
    QTest::addRow("fell off the retained log") << u"retention"_s;
    QTest::addRow("catch-up too large") << u"size"_s;
}

void tst_Connection::tooOldReloads()
{
    QFETCH(QString, cause);
    TestServer server;
    int missed = 3;
    if (cause == "retention"_L1) {
        // Pruning runs once 1,000 events were appended since the start; keep only the newest.
        server.config().eventRetention = 1;
        server.config().durability = Server::Durability::Normal;
        server.config().requestsPerSecond = 100000;
        server.config().requestBurst = 100000;
        missed = 1001;
    } else {
        server.config().syncMaxBytes = 100; // less than one post.created event
    }
    QVERIFY(server.start());
    TestClient bob;
    QVERIFY(bob.open(server.url()));
    QVERIFY(isOk(bob.registerUser(u"bob"_s, Password)));

    Connection connection;
    connection.backoff().setInitial(60s);
    SeqRecorder recorder(&connection);
    QSignalSpy online(&connection, &Connection::online);
    QSignalSpy reload(&connection, &Connection::reloadRequired);
    connection.signIn(server.url(), u"ada"_s, Password, true);
    QTRY_COMPARE_WITH_TIMEOUT(online.size(), 1, SignInTimeout);
    QCOMPARE(reload.size(), 1);

    QVERIFY(server.restart(true));
    QTRY_COMPARE(connection.state(), Connection::State::Waiting);
    auto writer = connectWithToken(server, bob.token());
    QVERIFY(writer);
    qint64 last = 0;
    for (int i = 0; i < missed; ++i) {
        last = writer->send(
            u"chat.send"_s, {{u"channelId"_s, 1}, {u"text"_s, u"message number %1"_s.arg(i)}});
    }
    QVERIFY(isOk(writer->waitReply(last, 60000)));
    const qint64 head = headOf(*writer);
    QVERIFY(head >= missed);
    if (cause == "retention"_L1) {
        // The log really was pruned: a sync from 0 is refused.
        QCOMPARE(errorCode(writer->request(u"sync"_s, {{u"since"_s, 0}})), u"too_old"_s);
    }

    connection.retryNow();
    QTRY_COMPARE_WITH_TIMEOUT(online.size(), 2, 10000);
    // The gap cannot be filled: the views load again, and the stream goes on from the head.
    QCOMPARE(reload.size(), 2);
    QCOMPARE(connection.lastSeq(), head);
    QVERIFY(recorder.seqs.isEmpty());
    QVERIFY(createPost(*writer, u"after the reload"_s));
    QTRY_COMPARE(recorder.seqs, QList<qint64> {head + 1});
}

void tst_Connection::requestTimeout()
{
    SilentServer silent;
    QVERIFY(silent.listen());
    Connection connection;
    QSignalSpy online(&connection, &Connection::online);
    connection.resume(silent.url(), u"token"_s);
    QTRY_COMPARE(online.size(), 1);
    QCOMPARE(connection.user().username, u"ada"_s);

    connection.setRequestTimeout(300ms);
    std::optional<Reply> answer;
    QElapsedTimer clock;
    clock.start();
    QObject context;
    connection.request(
        MessageType::FeedPage, {}, &context, [&answer](const Reply &reply) { answer = reply; });
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 5000);
    QCOMPARE(answer->outcome(), Reply::Outcome::Timeout);
    QVERIFY(answer->isTransportFailure());
    QVERIFY(!answer->error().message.isEmpty());
    QVERIFY2(clock.elapsed() >= 300, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(silent.received.contains(u"feed.page"_s));
    // A slow answer is not a dead connection.
    QCOMPARE(connection.state(), Connection::State::Online);

    // A timeout given with the request wins over the default.
    answer.reset();
    connection.setRequestTimeout(60s);
    connection.request(
        MessageType::ChannelList, {}, &context, [&answer](const Reply &reply) { answer = reply; },
        200ms);
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 5000);
    QCOMPARE(answer->outcome(), Reply::Outcome::Timeout);
}

void tst_Connection::timeoutSkipsCallbackOfDeadContext()
{
    SilentServer silent;
    QVERIFY(silent.listen());
    Connection connection;
    QSignalSpy online(&connection, &Connection::online);
    connection.resume(silent.url(), u"token"_s);
    QTRY_COMPARE(online.size(), 1);

    bool deadCalled = false;
    auto context = std::make_unique<QObject>();
    connection.request(
        MessageType::FeedPage, {}, context.get(),
        [&deadCalled](const Reply &) { deadCalled = true; }, 200ms);
    context.reset();
    // A later request with the same timeout: when it has timed out, the first one has too.
    bool laterCalled = false;
    connection.request(
        MessageType::FeedPage, {}, nullptr, [&laterCalled](const Reply &) { laterCalled = true; },
        200ms);
    QTRY_VERIFY_WITH_TIMEOUT(laterCalled, 5000);
    QVERIFY(!deadCalled);
}

void tst_Connection::keepAliveDropsSilentLink()
{
    SilentServer silent;
    QVERIFY(silent.listen());
    Connection connection;
    connection.setKeepAlive(300ms);
    connection.backoff().setInitial(60s);
    QSignalSpy online(&connection, &Connection::online);
    connection.resume(silent.url(), u"token"_s);
    QTRY_COMPARE(online.size(), 1);
    QSignalSpy scheduled(&connection, &Connection::reconnectScheduled);
    // The server never answers the keep-alive ping: the link counts as dead.
    QTRY_COMPARE_WITH_TIMEOUT(connection.state(), Connection::State::Waiting, 10000);
    QVERIFY(silent.received.contains(u"ping"_s));
    QCOMPARE(scheduled.size(), 1);
    QVERIFY(connection.msUntilRetry() > 0);
}

void tst_Connection::keepAliveKeepsAnsweringLink()
{
    SilentServer silent;
    silent.answerPings = true;
    QVERIFY(silent.listen());
    Connection connection;
    connection.setKeepAlive(300ms);
    QSignalSpy online(&connection, &Connection::online);
    connection.resume(silent.url(), u"token"_s);
    QTRY_COMPARE(online.size(), 1);
    QSignalSpy states(&connection, &Connection::stateChanged);
    // Several keep-alive rounds, each answered: the connection stays up throughout.
    QTRY_VERIFY_WITH_TIMEOUT(silent.received.count(u"ping"_s) >= 3, 15000);
    QCOMPARE(states.size(), 0);
    QCOMPARE(connection.state(), Connection::State::Online);
}

void tst_Connection::requestWhileSocketGoesAway_data()
{
    QTest::addColumn<bool>("byServer");
    QTest::addRow("closed here") << false;
    QTest::addRow("dropped by the server") << true;
}

void tst_Connection::requestWhileSocketGoesAway()
{
    QFETCH(bool, byServer);
    SilentServer silent;
    QVERIFY(silent.listen());
    Connection connection;
    connection.backoff().setInitial(60s);
    QSignalSpy online(&connection, &Connection::online);
    connection.resume(silent.url(), u"token"_s);
    QTRY_COMPARE(online.size(), 1);

    // The pending request fails while the socket is being dropped, when the state may still
    // say Online; its callback asks again at that very moment (as the outbox does).
    std::optional<Reply> first;
    std::optional<Reply> second;
    QObject context;
    connection.request(MessageType::FeedPage, {}, &context, [&](const Reply &reply) {
        first = reply;
        connection.request(MessageType::ChannelList, {}, &context,
            [&second](const Reply &again) { second = again; });
    });
    QTRY_VERIFY(silent.received.contains(u"feed.page"_s));
    if (byServer)
        silent.dropAll();
    else
        connection.disconnectFromServer();
    QTRY_VERIFY(first.has_value());
    QCOMPARE(first->outcome(), Reply::Outcome::Disconnected);
    // No crash, and an answer all the same, later.
    QTRY_VERIFY(second.has_value());
    QCOMPARE(second->outcome(), Reply::Outcome::Disconnected);
    QVERIFY(!silent.received.contains(u"channel.list"_s));
    QTRY_COMPARE(connection.state(),
        byServer ? Connection::State::Waiting : Connection::State::Disconnected);
}

void tst_Connection::handshakeTimeoutReconnects_data()
{
    QTest::addColumn<QString>("step");
    QTest::addColumn<Connection::State>("stuckIn");
    QTest::addColumn<int>("waitMs");
    QTest::addRow("hello") << u"hello"_s << Connection::State::SigningIn << 10000;
    // auth.* requests wait a fixed 60 s (password hashing is slow), not the request timeout.
    QTest::addRow("auth.token") << u"auth.token"_s << Connection::State::SigningIn << 75000;
    QTest::addRow("presence.list") << u"presence.list"_s << Connection::State::Syncing << 10000;
}

void tst_Connection::handshakeTimeoutReconnects()
{
    QFETCH(QString, step);
    QFETCH(Connection::State, stuckIn);
    QFETCH(int, waitMs);
    SilentServer silent;
    silent.unanswered = {step};
    silent.answerPings = true; // the link itself is alive
    QVERIFY(silent.listen());
    Connection connection;
    connection.setRequestTimeout(300ms);
    // Long enough that the keep-alive cannot be what ends the wait.
    connection.setKeepAlive(60s);
    connection.backoff().setInitial(60s);
    QSignalSpy states(&connection, &Connection::stateChanged);
    QSignalSpy scheduled(&connection, &Connection::reconnectScheduled);
    QSignalSpy failed(&connection, &Connection::signInFailed);
    QSignalSpy online(&connection, &Connection::online);
    connection.resume(silent.url(), u"token"_s);
    QTRY_VERIFY(states.contains(QVariantList {QVariant::fromValue(stuckIn)}));
    QTRY_VERIFY(silent.received.contains(step));

    // The step times out: the connection starts over instead of staying stuck.
    QTRY_COMPARE_WITH_TIMEOUT(connection.state(), Connection::State::Waiting, waitMs);
    QCOMPARE(scheduled.size(), 1);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(online.size(), 0);
    QVERIFY(!connection.lastError().isEmpty());
    QCOMPARE(connection.token(), u"token"_s);
}

void tst_Connection::tokenSignInServerFaultRetries_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("shown");
    // What the status line says: the client's sentence for the code, not the server's.
    QTest::addRow("internal") << u"internal"_s
                              << u"The server ran into a problem and did not do this. Try again "
                                 "later."_s;
    QTest::addRow("rate_limited") << u"rate_limited"_s
                                  << u"Too many requests. Try again in a moment."_s;
}

void tst_Connection::tokenSignInServerFaultRetries()
{
    QFETCH(QString, code);
    QFETCH(QString, shown);
    SilentServer silent;
    silent.authError = code;
    QVERIFY(silent.listen());
    Connection connection;
    connection.backoff().setInitial(60s);
    QSignalSpy scheduled(&connection, &Connection::reconnectScheduled);
    QSignalSpy failed(&connection, &Connection::signInFailed);
    QSignalSpy signedIn(&connection, &Connection::signedIn);
    connection.resume(silent.url(), u"token"_s);
    QTRY_COMPARE_WITH_TIMEOUT(connection.state(), Connection::State::Waiting, 10000);
    QVERIFY(silent.received.contains(u"auth.token"_s));
    // A failing server is no reason to give up or to forget the token: it comes back later.
    QCOMPARE(scheduled.size(), 1);
    QVERIFY(connection.msUntilRetry() > 0);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(signedIn.size(), 0);
    QCOMPARE(connection.token(), u"token"_s);
    QCOMPARE(connection.lastError(), shown);
}

QTEST_GUILESS_MAIN(tst_Connection)
#include "tst_connection.moc"
