// Peers whose traffic silently stops: the client is a real QWebSocket that reaches the server
// through a TCP relay in this test, and the relay stops carrying bytes in both directions, as a
// dead NAT box or a pulled cable would. Neither side sees a FIN or RST. The server must notice by
// its keep-alive (no pong for two ping intervals, checked at each interval), drop the connection,
// and tell everybody else the user went offline.

#include "testclient.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <algorithm>

using namespace Hubbub::Test;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr int PingIntervalMs = 500;

//! A TCP relay on 127.0.0.1 in front of the server. freeze() makes every connection through it
//! go silent: bytes are still taken off the sockets (so nothing backs up and closes) but never
//! passed on, in either direction.
class Relay final
{
public:
    bool listen(quint16 targetPort)
    {
        m_targetPort = targetPort;
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] { accept(); });
        return m_server.listen(QHostAddress::LocalHost, 0);
    }

    QUrl url() const { return QUrl(u"ws://127.0.0.1:%1/"_s.arg(m_server.serverPort())); }
    void freeze() { m_frozen = true; }
    qint64 bytesSwallowed() const { return m_swallowed; }

private:
    void accept()
    {
        while (QTcpSocket *client = m_server.nextPendingConnection()) {
            auto *upstream = new QTcpSocket(client);
            upstream->connectToHost(QHostAddress::LocalHost, m_targetPort);
            const auto pipe = [this](QTcpSocket *from, QTcpSocket *to) {
                QObject::connect(from, &QTcpSocket::readyRead, to, [this, from, to] {
                    const QByteArray bytes = from->readAll();
                    if (m_frozen)
                        m_swallowed += bytes.size();
                    else
                        to->write(bytes);
                });
            };
            // Bytes the client sends before the upstream connects wait in its socket buffer.
            QObject::connect(upstream, &QTcpSocket::connected, client, [pipe, client, upstream] {
                pipe(client, upstream);
                pipe(upstream, client);
                if (client->bytesAvailable() > 0)
                    Q_EMIT client->readyRead();
            });
        }
    }

    QTcpServer m_server;
    quint16 m_targetPort = 0;
    bool m_frozen = false;
    qint64 m_swallowed = 0;
};

bool isPresence(const QJsonObject &frame, const QString &event, qint64 userId)
{
    return frame.value("type"_L1).toString() == u"presence"
        && frame.value("event"_L1).toString() == event
        && frame.value("user"_L1).toObject().value("id"_L1).toInteger() == userId;
}

QList<qint64> onlineIds(TestClient &client)
{
    const QJsonObject reply = client.request(u"presence.list"_s);
    QList<qint64> ids;
    for (const QJsonValue &user : reply.value("users"_L1).toArray())
        ids.append(user.toObject().value("id"_L1).toInteger());
    return ids;
}

} // namespace

class tst_DeadPeers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void silentPeerIsDroppedAndGoesOffline();
    void silentSecondConnectionKeepsUserOnline();
};

void tst_DeadPeers::silentPeerIsDroppedAndGoesOffline()
{
    TestServer server;
    server.config().pingInterval = std::chrono::milliseconds(PingIntervalMs);
    QVERIFY(server.start());
    Relay relay;
    QVERIFY(relay.listen(server.server()->port()));

    TestClient watcher;
    QVERIFY(watcher.open(server.url()));
    QVERIFY(isOk(watcher.registerUser(u"watcher"_s)));
    TestClient ghost;
    QVERIFY(ghost.open(relay.url()));
    QVERIFY(isOk(ghost.registerUser(u"ghost"_s)));
    const qint64 ghostId = ghost.userId();
    QVERIFY(!watcher
                 .waitEphemeral(
                     [&](const QJsonObject &f) { return isPresence(f, u"online"_s, ghostId); })
                 .isEmpty());
    QCOMPARE(server.server()->connectionCount(), 2);

    // Control: through the working relay the ghost answers pings and is kept. A peer is dropped
    // once it has been silent for two intervals, at the next check (one interval apart): a ghost
    // whose pongs were not heard would be gone three intervals after its last request at most.
    // The clock starts after that request; one more interval is slack for a loaded machine, and
    // the ping round trip below shows the connection outlived the checks of that time.
    QElapsedTimer clock;
    clock.start();
    QTRY_VERIFY_WITH_TIMEOUT(clock.elapsed() >= 3 * PingIntervalMs + PingIntervalMs, 10000);
    QCOMPARE(server.server()->connectionCount(), 2);
    QVERIFY(isOk(ghost.request(u"ping"_s)));

    // Now the wire goes dead. The watcher keeps writing meanwhile: the ghost's share piles up
    // in the relay and is swallowed.
    relay.freeze();
    clock.restart();
    for (int i = 0; i < 20; ++i)
        watcher.send(u"chat.send"_s, {{u"channelId"_s, 1}, {u"text"_s, u"while dead %1"_s.arg(i)}});
    const QJsonObject offline = watcher.waitEphemeral(
        [&](const QJsonObject &f) { return isPresence(f, u"offline"_s, ghostId); },
        10 * PingIntervalMs + 5000);
    const qint64 droppedAfter = clock.elapsed();
    QVERIFY2(!offline.isEmpty(), "no offline presence for the dead peer");
    qInfo("dead peer dropped %lld ms after its traffic stopped (ping interval %d ms)", droppedAfter,
        PingIntervalMs);
    // Dead after two silent intervals, noticed at the next check: 2-3 intervals after the last
    // pong (docs/protocol.md "Keep-alive"); the last pong came at most one interval before the
    // freeze. One more interval of slack for a loaded machine.
    QVERIFY2(droppedAfter >= PingIntervalMs, qPrintable(QString::number(droppedAfter)));
    QVERIFY2(droppedAfter <= 4 * PingIntervalMs + 1000, qPrintable(QString::number(droppedAfter)));
    QCOMPARE(offline.value("user"_L1).toObject().value("username"_L1).toString(), u"ghost"_s);
    QTRY_COMPARE(server.server()->connectionCount(), 1);
    QCOMPARE(server.server()->authenticatedCount(), 1);
    QVERIFY(relay.bytesSwallowed() > 0);

    const QList<qint64> online = onlineIds(watcher);
    QVERIFY2(!online.contains(ghostId), "presence.list still shows the dead peer");
    QVERIFY(online.contains(watcher.userId()));

    // The watcher's writes all went through while the peer was dying.
    QTRY_COMPARE_WITH_TIMEOUT(watcher.events().size(), 20, 10000);
    QVERIFY(watcher.isConnected());

    // The ghost (whose side never saw a close) can come back directly and is online again.
    TestClient back;
    QVERIFY(back.open(server.url()));
    QVERIFY(isOk(back.request(u"auth.token"_s, {{u"token"_s, ghost.token()}})));
    const auto onlineFrames = [&] {
        return std::count_if(watcher.ephemeral().begin(), watcher.ephemeral().end(),
            [&](const QJsonObject &f) { return isPresence(f, u"online"_s, ghostId); });
    };
    QTRY_COMPARE(onlineFrames(), 2);
    QVERIFY(onlineIds(watcher).contains(ghostId));
}

void tst_DeadPeers::silentSecondConnectionKeepsUserOnline()
{
    TestServer server;
    server.config().pingInterval = std::chrono::milliseconds(PingIntervalMs);
    QVERIFY(server.start());
    Relay relay;
    QVERIFY(relay.listen(server.server()->port()));

    TestClient watcher;
    QVERIFY(watcher.open(server.url()));
    QVERIFY(isOk(watcher.registerUser(u"watcher"_s)));
    TestClient direct;
    QVERIFY(direct.open(server.url()));
    QVERIFY(isOk(direct.registerUser(u"twin"_s)));
    const qint64 twinId = direct.userId();
    TestClient relayed;
    QVERIFY(relayed.open(relay.url()));
    QVERIFY(isOk(relayed.request(u"auth.token"_s, {{u"token"_s, direct.token()}})));
    QCOMPARE(server.server()->connectionCount(), 3);

    relay.freeze();
    QElapsedTimer clock;
    clock.start();
    QTRY_VERIFY_WITH_TIMEOUT(server.server()->connectionCount() == 2, 10 * PingIntervalMs + 5000);
    qInfo("dead second connection dropped after %lld ms", clock.elapsed());
    QVERIFY(clock.elapsed() <= 4 * PingIntervalMs + 1000);

    // A user is online while one of its connections is (spec "Presence"): no offline frame.
    QVERIFY(isOk(watcher.request(u"ping"_s)));
    for (const QJsonObject &frame : watcher.ephemeral())
        QVERIFY2(!isPresence(frame, u"offline"_s, twinId), "offline sent for a user still online");
    QVERIFY(onlineIds(watcher).contains(twinId));
    QVERIFY(isOk(direct.request(u"ping"_s)));
    QCOMPARE(server.server()->authenticatedCount(), 2);
}

QTEST_GUILESS_MAIN(tst_DeadPeers)
#include "tst_deadpeers.moc"
