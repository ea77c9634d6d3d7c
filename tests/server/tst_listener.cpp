#include "testclient.h"
#include "testserver.h"

#include <QTcpSocket>
#include <QTest>

using namespace Hubbub::Test;

//! The listener path: our own QTcpServer hands sockets to QWebSocketServer::handleConnection()
//! and arms its own handshake timer, which must end only unfinished handshakes.
class tst_Listener : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void upgradedConnectionOutlivesHandshakeTimeout();
    void silentTcpPeerIsClosedAtHandshakeTimeout();
    void manyShortConnections();
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

QTEST_GUILESS_MAIN(tst_Listener)
#include "tst_listener.moc"
