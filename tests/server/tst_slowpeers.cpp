// Peers that misbehave at the transport level: never finish the handshake, stop reading, stop
// answering pings, or come in beyond the connection cap. The server sheds them and keeps
// serving everybody else.

#include "rawpeer.h"
#include "testclient.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Hubbub::Test;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

//! A WebSocket peer made by hand on a QTcpSocket (tests/support/rawpeer.h), so that a test
//! decides when it reads, whether it answers pings (never), and how much it buffers.
RawPeer::Options silentPeer()
{
    RawPeer::Options options;
    options.answerControlFrames = false;
    return options;
}

bool isPresence(const QJsonObject &frame, const QString &event, qint64 userId)
{
    return frame.value("type"_L1).toString() == u"presence"
        && frame.value("event"_L1).toString() == event
        && frame.value("user"_L1).toObject().value("id"_L1).toInteger() == userId;
}

} // namespace

class tst_SlowPeers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void handshakeTimeout_data();
    void handshakeTimeout();
    void completedHandshakeIsKept();
    void slowConsumerIsDropped();
    void deadPeerIsDropped();
    void connectionCap();
};

void tst_SlowPeers::handshakeTimeout_data()
{
    QTest::addColumn<QByteArray>("sent");
    QTest::addRow("nothing") << QByteArray();
    QTest::addRow("one byte") << "G"_ba;
    QTest::addRow("partial request line") << "GET / HTT"_ba;
    QTest::addRow("headers without the blank line")
        << "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"_ba;
}

void tst_SlowPeers::handshakeTimeout()
{
    QFETCH(QByteArray, sent);

    TestServer server;
    server.config().handshakeTimeout = 300ms;
    QVERIFY(server.start());

    RawPeer peer(silentPeer());
    QElapsedTimer clock;
    clock.start();
    QVERIFY(peer.connectTcp(server.url()));
    if (!sent.isEmpty())
        peer.socket().write(sent);
    QTRY_COMPARE_WITH_TIMEOUT(peer.socket().state(), QAbstractSocket::UnconnectedState, 5000);
    // Cut by the timeout, not at once (timers may fire a little early).
    QVERIFY2(clock.elapsed() >= 250, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(server.server()->connectionCount(), 0);

    // A real client still gets in afterwards.
    TestClient client;
    QVERIFY(client.open(server.url()));
    QVERIFY(isOk(client.request(u"ping"_s)));
}

void tst_SlowPeers::completedHandshakeIsKept()
{
    TestServer server;
    server.config().handshakeTimeout = 300ms;
    QVERIFY(server.start());

    // Started before the connection: the server arms the handshake deadline when it accepts.
    QElapsedTimer clock;
    clock.start();
    RawPeer peer(silentPeer());
    QVERIFY(peer.open(server.url()));
    QTRY_COMPARE(server.server()->connectionCount(), 1);
    // Asserting that something does not happen: the deadline, if it were still kept for this
    // upgraded connection, falls at most handshakeTimeout after `clock` started. The server runs
    // on this thread, so waiting past it (plus a margin for a late timer) lets its sweep run;
    // the ping round trip below then proves the connection outlived that sweep.
    const qint64 deadline = server.config().handshakeTimeout.count() + 100;
    QTRY_VERIFY_WITH_TIMEOUT(clock.elapsed() >= deadline, int(deadline) + 5000);
    QCOMPARE(peer.socket().state(), QAbstractSocket::ConnectedState);
    QCOMPARE(server.server()->connectionCount(), 1);
    QVERIFY(isOk(peer.request(u"ping"_s)));
}

void tst_SlowPeers::slowConsumerIsDropped()
{
    TestServer server;
    server.config().maxOutgoingBufferBytes = 1024 * 1024;
    // The poster pipelines thousands of requests; the request rate is not under test here.
    server.config().requestsPerSecond = 1e6;
    server.config().requestBurst = 1e6;
    QVERIFY(server.start());

    TestClient observer;
    QVERIFY(observer.open(server.url()));
    QVERIFY(isOk(observer.registerUser(u"observer"_s)));

    RawPeer slow(silentPeer());
    QVERIFY(slow.open(server.url()));
    const QJsonObject registered = slow.request(
        u"auth.register"_s, {{u"username"_s, u"sloth"_s}, {u"password"_s, u"correct horse"_s}});
    QVERIFY2(isOk(registered), QJsonDocument(registered).toJson().constData());
    const qint64 slowId = registered.value("user"_L1).toObject().value("id"_L1).toInteger();
    QVERIFY(!observer
                 .waitEphemeral(
                     [&](const QJsonObject &f) { return isPresence(f, u"online"_s, slowId); })
                 .isEmpty());

    TestClient poster;
    QVERIFY(poster.open(server.url()));
    QVERIFY(isOk(poster.registerUser(u"poster"_s)));
    QCOMPARE(server.server()->connectionCount(), 3);

    // From now on the slow peer reads nothing: Qt stops taking bytes off the socket once these
    // few KiB are buffered, the kernel buffers fill, and the server's queue grows.
    slow.stopReading(4096);
    observer.clearEvents();

    const QString filler(2000, u'x');
    constexpr int AtLeast = 2000;
    constexpr int AtMost = 10000;
    constexpr int Batch = 100;
    int posted = 0;
    bool dropped = false;
    while (posted < AtMost && (posted < AtLeast || !dropped)) {
        QList<qint64> ids;
        for (int i = 0; i < Batch; ++i) {
            ids.append(poster.send(u"post.create"_s,
                {{u"title"_s, u"post %1"_s.arg(posted + i)}, {u"content"_s, filler}}));
        }
        for (qint64 id : std::as_const(ids)) {
            const QJsonObject reply = poster.waitReply(id, 30000);
            QVERIFY2(isOk(reply), QJsonDocument(reply).toJson().constData());
        }
        posted += Batch;
        dropped = server.server()->connectionCount() == 2;
    }
    QVERIFY2(dropped, qPrintable(u"the slow peer was not dropped after %1 posts"_s.arg(posted)));
    QCOMPARE(server.server()->authenticatedCount(), 2);
    qInfo("the slow peer was dropped after %d posts", posted);

    // Everyone else saw the slow peer go, and every event in order.
    QVERIFY(!observer
                 .waitEphemeral(
                     [&](const QJsonObject &f) { return isPresence(f, u"offline"_s, slowId); })
                 .isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(observer.events().size(), posted, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(poster.events().size(), posted, 30000);
    const qint64 firstSeq = observer.events().first().value("seq"_L1).toInteger();
    for (int i = 0; i < posted; ++i) {
        const QJsonObject event = observer.events().at(i);
        QCOMPARE(event.value("event"_L1).toString(), u"post.created"_s);
        QCOMPARE(event.value("seq"_L1).toInteger(), firstSeq + i);
        QCOMPARE(
            event.value("post"_L1).toObject().value("title"_L1).toString(), u"post %1"_s.arg(i));
    }
    const QJsonObject online = observer.request(u"presence.list"_s);
    QVERIFY(isOk(online));
    for (const QJsonValue &user : online.value("users"_L1).toArray())
        QVERIFY(user.toObject().value("id"_L1).toInteger() != slowId);

    // Seen from the slow peer: once it reads again, what was sent ends and the socket closes.
    slow.resumeReading();
    QTRY_COMPARE_WITH_TIMEOUT(
        (slow.pump(), slow.socket().state()), QAbstractSocket::UnconnectedState, 30000);
}

void tst_SlowPeers::deadPeerIsDropped()
{
    TestServer server;
    TestClient setup;
    QString deadToken, liveToken;
    qint64 deadId = 0;
    {
        // Register with the default ping interval: hashing must not count against the peer.
        QVERIFY(server.start());
        QVERIFY(setup.open(server.url()));
        QVERIFY(isOk(setup.registerUser(u"ghost"_s)));
        deadToken = setup.token();
        deadId = setup.userId();
        QVERIFY(isOk(setup.registerUser(u"alive"_s)));
        liveToken = setup.token();
        setup.close();
    }
    server.config().pingInterval = 200ms;
    QVERIFY(server.restart());

    TestClient live;
    QVERIFY(live.open(server.url()));
    QVERIFY(isOk(live.request(u"auth.token"_s, {{u"token"_s, liveToken}})));
    QSignalSpy liveDisconnected(&live.socket(), &QWebSocket::disconnected);

    RawPeer dead(silentPeer());
    QElapsedTimer clock;
    clock.start();
    QVERIFY(dead.open(server.url()));
    QVERIFY(isOk(dead.request(u"auth.token"_s, {{u"token"_s, deadToken}})));
    QVERIFY(!live.waitEphemeral(
                     [&](const QJsonObject &f) { return isPresence(f, u"online"_s, deadId); })
                 .isEmpty());
    QCOMPARE(server.server()->connectionCount(), 2);

    // The raw peer reads (so it sees the close) but never answers a ping.
    QTRY_COMPARE_WITH_TIMEOUT(
        (dead.pump(), dead.socket().state()), QAbstractSocket::UnconnectedState, 5000);
    QVERIFY2(dead.pingsReceived() >= 1, "the server never pinged");
    QCOMPARE(server.server()->connectionCount(), 1);
    QVERIFY(!live.waitEphemeral(
                     [&](const QJsonObject &f) { return isPresence(f, u"offline"_s, deadId); })
                 .isEmpty());

    // Asserting that something does not happen: the live client, which answers pings, is kept.
    // Its last request came before the dead peer connected, so were its pongs not heard it would
    // have been silent longer than the dead peer at every check, and dropped by the same check
    // that dropped the dead one (two intervals of silence at least) or an earlier one. The ping
    // round trip below, on the live connection, comes after that check's aborts have run.
    QCOMPARE(liveDisconnected.size(), 0);
    QVERIFY(live.isConnected());
    QVERIFY(isOk(live.request(u"ping"_s)));
    QCOMPARE(server.server()->connectionCount(), 1);
}

void tst_SlowPeers::connectionCap()
{
    TestServer server;
    server.config().maxConnections = 5;
    QVERIFY(server.start());

    std::vector<std::unique_ptr<TestClient>> clients;
    for (int i = 0; i < 5; ++i) {
        clients.push_back(std::make_unique<TestClient>());
        QVERIFY2(clients.back()->open(server.url()), qPrintable(QString::number(i)));
    }
    QTRY_COMPARE(server.server()->connectionCount(), 5);

    TestClient refused;
    QVERIFY(!refused.open(server.url(), 2000));
    QTRY_COMPARE(refused.socket().state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(server.server()->connectionCount(), 5);
    for (const auto &client : clients)
        QVERIFY(isOk(client->request(u"ping"_s)));

    clients.front()->close();
    QTRY_COMPARE(server.server()->connectionCount(), 4);
    TestClient later;
    QVERIFY(later.open(server.url()));
    QVERIFY(isOk(later.request(u"ping"_s)));
    QCOMPARE(server.server()->connectionCount(), 5);
}

QTEST_GUILESS_MAIN(tst_SlowPeers)
#include "tst_slowpeers.moc"
