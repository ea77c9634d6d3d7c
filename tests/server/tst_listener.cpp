#include "testclient.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace Hubbub::Test;
using namespace std::chrono_literals;

//! The listener path: our own QTcpServer hands sockets to QWebSocketServer::handleConnection()
//! and arms its own handshake timer, which must end only unfinished handshakes. And the other
//! end of a connection's life: a shutdown that waits for the peers' close frames.
class tst_Listener : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void upgradedConnectionOutlivesHandshakeTimeout();
    void silentTcpPeerIsClosedAtHandshakeTimeout();
    void manyShortConnections();
    void shutdownEndsWhenThePeersHaveClosed();
    void shutdownDropsPeersThatDoNotAnswer();
};

void tst_Listener::upgradedConnectionOutlivesHandshakeTimeout()
{
    TestServer server;
    server.config().handshakeTimeout = std::chrono::milliseconds(200);
    QVERIFY(server.start());
    TestClient client;
    QVERIFY(client.open(server.url()));
    // Let several handshake timeouts pass: nothing may touch an upgraded connection.
    QTest::qWait(800);
    QVERIFY(client.isConnected());
    const QJsonObject pong = client.request(QStringLiteral("ping"));
    QCOMPARE(pong.value(QLatin1StringView("ok")).toBool(), true);
    QCOMPARE(server.server()->connectionCount(), 1);
}

void tst_Listener::silentTcpPeerIsClosedAtHandshakeTimeout()
{
    TestServer server;
    server.config().handshakeTimeout = std::chrono::milliseconds(200);
    QVERIFY(server.start());
    QTcpSocket silent;
    silent.connectToHost(QHostAddress::LocalHost, server.server()->port());
    QVERIFY(silent.waitForConnected(5000));
    QTRY_COMPARE_WITH_TIMEOUT(silent.state(), QAbstractSocket::UnconnectedState, 5000);
    QCOMPARE(server.server()->connectionCount(), 0);
}

void tst_Listener::manyShortConnections()
{
    TestServer server;
    QVERIFY(server.start());
    for (int i = 0; i < 50; ++i) {
        TestClient client;
        QVERIFY(client.open(server.url()));
        QCOMPARE(
            client.request(QStringLiteral("ping")).value(QLatin1StringView("ok")).toBool(), true);
        if (i % 2)
            client.close();
    }
    QTRY_COMPARE_WITH_TIMEOUT(server.server()->connectionCount(), 0, 5000);
}

void tst_Listener::shutdownEndsWhenThePeersHaveClosed()
{
    TestServer server;
    server.config().shutdownGrace = 5s;
    QVERIFY(server.start());
    TestClient first;
    TestClient second;
    QVERIFY(first.open(server.url()));
    QVERIFY(second.open(server.url()));
    QSignalSpy stopped(server.server(), &Hubbub::Server::Server::stopped);
    QElapsedTimer clock;
    clock.start();
    server.server()->shutdown();
    QVERIFY(stopped.isEmpty()); // the peers have not answered yet
    QTRY_VERIFY_WITH_TIMEOUT(!stopped.isEmpty(), 10000);
    // Both answered the close frame at once: no waiting out the grace period.
    QVERIFY2(clock.elapsed() < 4000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(server.server()->connectionCount(), 0);
    QCOMPARE(first.socket().closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    QCOMPARE(second.socket().closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    QCOMPARE(stopped.size(), 1);
}

void tst_Listener::shutdownDropsPeersThatDoNotAnswer()
{
    TestServer server;
    server.config().shutdownGrace = 600ms;
    QVERIFY(server.start());
    TestClient polite;
    TestClient deaf;
    QVERIFY(polite.open(server.url()));
    QVERIFY(deaf.open(server.url()));
    // From now on the deaf client reads nothing, so it never answers the close frame.
    deaf.socket().setReadBufferSize(1);
    QSignalSpy stopped(server.server(), &Hubbub::Server::Server::stopped);
    QElapsedTimer clock;
    clock.start();
    server.server()->shutdown();
    QTRY_VERIFY_WITH_TIMEOUT(!stopped.isEmpty(), 10000);
    QVERIFY2(clock.elapsed() >= 550, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(server.server()->connectionCount(), 0);
    QCOMPARE(polite.socket().closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    // Asked again, a shutdown does not start over or stop twice.
    server.server()->shutdown();
    QCOMPARE(stopped.size(), 1);
}

QTEST_GUILESS_MAIN(tst_Listener)
#include "tst_listener.moc"
