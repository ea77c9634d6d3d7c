// Unit tests for Session (server/session.h) in isolation: replies leave in request order
// whatever order they are filled in, and send() does not wait for pending replies.
#include "serverconfig.h"
#include "session.h"

#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

#include <memory>

using namespace Hubbub::Server;
using namespace Qt::StringLiterals;

namespace {

constexpr int TimeoutMs = 10000;

//! A connected WebSocket pair on loopback: the server side wrapped in a Session, the client
//! side recording every text frame it receives.
class Pair
{
public:
    bool connect()
    {
        if (!m_server.listen(QHostAddress::LocalHost, 0)) {
            qWarning() << "listen failed:" << m_server.errorString();
            return false;
        }
        QObject::connect(&m_client, &QWebSocket::textMessageReceived, &m_client,
            [this](const QString &frame) { received.append(frame); });
        QSignalSpy pending(&m_server, &QWebSocketServer::newConnection);
        QSignalSpy connected(&m_client, &QWebSocket::connected);
        m_client.open(QUrl(u"ws://127.0.0.1:%1/"_s.arg(m_server.serverPort())));
        if (!connected.wait(TimeoutMs) && connected.isEmpty())
            return false;
        if (pending.isEmpty() && !pending.wait(TimeoutMs))
            return false;
        QWebSocket *socket = m_server.nextPendingConnection();
        if (!socket)
            return false;
        session = std::make_unique<Session>(socket, ServerConfig {});
        return true;
    }

    QWebSocketServer m_server {u"tst_session"_s, QWebSocketServer::NonSecureMode};
    QWebSocket m_client;
    std::unique_ptr<Session> session;
    QStringList received;
};

} // namespace

class tst_Session : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void basics();
    void repliesInRequestOrder_data();
    void repliesInRequestOrder();
    void sendGoesOutImmediately();
};

void tst_Session::basics()
{
    Pair pair;
    QVERIFY(pair.connect());
    Session &session = *pair.session;
    QCOMPARE(session.peerAddress(), u"127.0.0.1"_s);
    QVERIFY(!session.isAuthenticated());
    QVERIFY(!session.isDropping());
    QCOMPARE(session.socket()->parent(), &session);
    QCOMPARE(session.openSlot(), quint64(0));
    QCOMPARE(session.openSlot(), quint64(1));
}

void tst_Session::repliesInRequestOrder_data()
{
    QTest::addColumn<QList<int>>("fillOrder");
    QTest::addRow("2, 0, 1") << QList<int> {2, 0, 1};
    QTest::addRow("0, 1, 2") << QList<int> {0, 1, 2};
    QTest::addRow("2, 1, 0") << QList<int> {2, 1, 0};
    QTest::addRow("1, 2, 0") << QList<int> {1, 2, 0};
    QTest::addRow("1, 0, 2") << QList<int> {1, 0, 2};
    QTest::addRow("0, 2, 1") << QList<int> {0, 2, 1};
}

void tst_Session::repliesInRequestOrder()
{
    QFETCH(QList<int>, fillOrder);
    Pair pair;
    QVERIFY(pair.connect());
    Session &session = *pair.session;

    QList<quint64> reserved;
    for (int i = 0; i < 3; ++i)
        reserved.append(session.openSlot());
    const QStringList expected = {u"reply 0"_s, u"reply 1"_s, u"reply 2"_s};
    for (int index : fillOrder)
        session.fillSlot(reserved.at(index), expected.at(index));

    QTRY_COMPARE_WITH_TIMEOUT(pair.received.size(), qsizetype(3), TimeoutMs);
    QCOMPARE(pair.received, expected);
    QVERIFY(!session.isDropping());
}

void tst_Session::sendGoesOutImmediately()
{
    Pair pair;
    QVERIFY(pair.connect());
    Session &session = *pair.session;

    const quint64 first = session.openSlot();
    const quint64 second = session.openSlot();
    session.fillSlot(second, u"reply 1"_s);
    // Slot 0 is still open: the filled reply 1 waits, an event does not.
    session.send(u"event A"_s);
    QTRY_COMPARE_WITH_TIMEOUT(pair.received, QStringList {u"event A"_s}, TimeoutMs);

    session.fillSlot(first, u"reply 0"_s);
    session.send(u"event B"_s);
    QTRY_COMPARE_WITH_TIMEOUT(pair.received,
        (QStringList {u"event A"_s, u"reply 0"_s, u"reply 1"_s, u"event B"_s}), TimeoutMs);

    // Later slots continue from where the first ones left off.
    const quint64 third = session.openSlot();
    QCOMPARE(third, quint64(2));
    session.fillSlot(third, u"reply 2"_s);
    QTRY_COMPARE_WITH_TIMEOUT(pair.received.size(), qsizetype(5), TimeoutMs);
    QCOMPARE(pair.received.last(), u"reply 2"_s);
}

QTEST_GUILESS_MAIN(tst_Session)
#include "tst_session.moc"
