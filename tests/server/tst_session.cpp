// Unit tests for Session (server/session.h) over the server's own WebSocket layer
// (server/net), with Qt's QWebSocket as the independent peer: replies leave in request order
// whatever order they are filled in, events do not wait for pending replies, frames written
// straight to the TCP socket arrive intact, in order, however large, and the control frames
// (ping, close from either side) are answered as RFC 6455 asks.
#include "net/connection.h"
#include "net/fairshare.h"
#include "net/flushscheduler.h"
#include "net/listener.h"
#include "net/transport.h"
#include "net/wireframe.h"
#include "protocollimits.h"
#include "serverconfig.h"
#include "session.h"

#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

#include <memory>

using namespace Hubbub::Server;
using namespace Qt::StringLiterals;

namespace {

constexpr int TimeoutMs = 10000;

//! Records what the session hands up.
class Host final : public SessionHost
{
public:
    void textReceived(Session &, const QString &text) override { texts.append(text); }
    void binaryReceived(Session &, const QByteArray &data) override { binaries.append(data); }
    void disconnected(Session &) override { ++disconnects; }

    QStringList texts;
    QList<QByteArray> binaries;
    int disconnects = 0;
};

//! A connected WebSocket pair on loopback: the server side, as the server builds it (a
//! Listener, then a Session on the upgraded Connection), and a QWebSocket client recording
//! every text frame it receives.
class Pair
{
public:
    bool connect()
    {
        m_net = std::make_unique<Connection::Services>(Connection::Services {
            m_flusher, m_share, m_config.maxOutgoingBufferBytes, Hubbub::Limits::FrameBytesMax});
        m_listener
            = std::make_unique<Listener>(*m_net, m_config.handshakeTimeout, [] { return true; });
        if (!m_listener->listen(QHostAddress::LocalHost, 0)) {
            qWarning() << "listen failed:" << m_listener->errorString();
            return false;
        }
        QObject::connect(m_listener.get(), &Listener::connectionUpgraded, m_listener.get(),
            [this](Connection *connection) {
                session = std::make_unique<Session>(connection, host, m_config);
            });
        QObject::connect(&m_client, &QWebSocket::textMessageReceived, &m_client,
            [this](const QString &frame) { received.append(frame); });
        QSignalSpy connected(&m_client, &QWebSocket::connected);
        m_client.open(QUrl(u"ws://127.0.0.1:%1/"_s.arg(m_listener->serverPort())));
        if (!connected.wait(TimeoutMs) && connected.isEmpty())
            return false;
        return QTest::qWaitFor([this] { return session != nullptr; }, TimeoutMs);
    }

    void send(const QString &text) { session->sendWire(WireFrame::text(text)); }
    Transport *transport() const { return session->connection()->transport(); }

    ServerConfig m_config;
    FlushScheduler m_flusher;
    FairShare m_share {m_flusher};
    std::unique_ptr<Connection::Services> m_net;
    std::unique_ptr<Listener> m_listener;
    QWebSocket m_client;
    Host host;
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
    void framesOfEverySize_data();
    void framesOfEverySize();
    void burstLeavesInOrder();
    void closeSendsWhatWaitsFirst();
    void closeReadsOnUntilThePeerCloses();
    void peerThatDoesNotReadIsDropped();
    void messagesReachTheHost();
    void pingIsAnswered();
    void closeFromThePeerIsAnswered();
};

void tst_Session::basics()
{
    Pair pair;
    QVERIFY(pair.connect());
    Session &session = *pair.session;
    QCOMPARE(session.peerAddress(), u"127.0.0.1"_s);
    QVERIFY(!session.isAuthenticated());
    QVERIFY(!session.isDropping());
    QCOMPARE(session.connection()->parent(), &session);
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
    pair.send(u"event A"_s);
    QTRY_COMPARE_WITH_TIMEOUT(pair.received, QStringList {u"event A"_s}, TimeoutMs);

    session.fillSlot(first, u"reply 0"_s);
    pair.send(u"event B"_s);
    QTRY_COMPARE_WITH_TIMEOUT(pair.received,
        (QStringList {u"event A"_s, u"reply 0"_s, u"reply 1"_s, u"event B"_s}), TimeoutMs);

    // Later slots continue from where the first ones left off.
    const quint64 third = session.openSlot();
    QCOMPARE(third, quint64(2));
    session.fillSlot(third, u"reply 2"_s);
    QTRY_COMPARE_WITH_TIMEOUT(pair.received.size(), qsizetype(5), TimeoutMs);
    QCOMPARE(pair.received.last(), u"reply 2"_s);
}

void tst_Session::framesOfEverySize_data()
{
    // Around each boundary of the WebSocket length field (7 bits, 16 bits, 64 bits), in ASCII
    // and in characters of 2, 3 and 4 bytes of UTF-8.
    QTest::addColumn<QString>("text");
    for (int length : {0, 1, 125, 126, 127, 65535, 65536, 65537, 3 * 1024 * 1024})
        QTest::addRow("ascii %d", length) << QString(length, u'a');
    QTest::addRow("two-byte 63") << QString(63, QChar(0xe9)); // 126 bytes
    QTest::addRow("three-byte 21845") << QString(21845, QChar(0x20ac)); // 65535 bytes
    QTest::addRow("emoji 40000") << u"\U0001F600"_s.repeated(40000); // 160000 bytes
}

void tst_Session::framesOfEverySize()
{
    QFETCH(QString, text);
    Pair pair;
    QVERIFY(pair.connect());
    pair.send(text);
    QTRY_COMPARE_WITH_TIMEOUT(pair.received.size(), qsizetype(1), TimeoutMs);
    QCOMPARE(pair.received.first().size(), text.size());
    QCOMPARE(pair.received.first(), text);
}

void tst_Session::burstLeavesInOrder()
{
    // More than the kernel takes at once (several MiB), so part of the burst goes out directly
    // and the rest waits in the QTcpSocket; the order must hold across the seam.
    Pair pair;
    QVERIFY(pair.connect());
    QStringList expected;
    for (int i = 0; i < 400; ++i) {
        expected.append(u"frame %1 "_s.arg(i) + QString(16 * 1024 + i, QLatin1Char('x')));
        pair.send(expected.last());
    }
    QTRY_COMPARE_WITH_TIMEOUT(pair.received.size(), expected.size(), 4 * TimeoutMs);
    QCOMPARE(pair.received, expected);
    QVERIFY(!pair.session->isDropping());
}

void tst_Session::closeSendsWhatWaitsFirst()
{
    Pair pair;
    QVERIFY(pair.connect());
    QSignalSpy closed(&pair.m_client, &QWebSocket::disconnected);
    pair.send(u"last words"_s);
    pair.session->close(QWebSocketProtocol::CloseCodeGoingAway, u"bye"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!closed.isEmpty(), TimeoutMs);
    QCOMPARE(pair.received, QStringList {u"last words"_s});
    QCOMPARE(pair.m_client.closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
}

void tst_Session::closeReadsOnUntilThePeerCloses()
{
    Pair pair;
    QVERIFY(pair.connect());
    QSignalSpy serverGone(pair.transport(), &Transport::disconnected);
    QSignalSpy clientGone(&pair.m_client, &QWebSocket::disconnected);
    pair.session->close(QWebSocketProtocol::CloseCodeGoingAway, u"bye"_s);
    // Nothing leaves after the close frame.
    pair.send(u"too late"_s);
    // Frames the client sends before it has read the close frame, as a client with requests in
    // flight does. A socket closed at once would answer them with a reset, and a reset destroys
    // the close frame in the client's buffers before it is read (RFC 6455, 7.1.1).
    for (int i = 0; i < 20; ++i)
        pair.m_client.sendTextMessage(u"in flight %1"_s.arg(i));
    pair.m_client.flush();
    QVERIFY(pair.transport()->isConnected());
    QTRY_VERIFY_WITH_TIMEOUT(!clientGone.isEmpty(), TimeoutMs);
    QCOMPARE(pair.m_client.closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    QCOMPARE(pair.m_client.closeReason(), u"bye"_s);
    QVERIFY(pair.received.isEmpty());
    // The server's side goes once the client has answered and closed.
    QTRY_VERIFY_WITH_TIMEOUT(!serverGone.isEmpty(), TimeoutMs);
}

void tst_Session::peerThatDoesNotReadIsDropped()
{
    Pair pair;
    pair.m_config.maxOutgoingBufferBytes = 1024 * 1024;
    QVERIFY(pair.connect());
    // No event loop runs below, so the client reads nothing: the kernel's buffers fill, then
    // the QTcpSocket's, until the bound is passed.
    QSignalSpy gone(pair.transport(), &Transport::disconnected);
    const QString chunk(64 * 1024, QLatin1Char('y'));
    // Bounded: 64 MiB at most, far past the 1 MiB bound plus what the kernel buffers.
    for (int i = 0; i < 1024 && !pair.session->isDropping(); ++i) {
        pair.send(chunk);
        pair.m_flusher.flushAll();
    }
    QVERIFY(pair.session->isDropping());
    QTRY_VERIFY_WITH_TIMEOUT(!gone.isEmpty(), TimeoutMs);
}

void tst_Session::messagesReachTheHost()
{
    Pair pair;
    QVERIFY(pair.connect());
    // Qt's client cuts the message into frames of 7 bytes, so the euro sign is split.
    pair.m_client.setOutgoingFrameSize(7);
    pair.m_client.sendTextMessage(u"prix: 5 €, ok"_s);
    pair.m_client.sendBinaryMessage("\x01\x02"_ba);
    QTRY_COMPARE_WITH_TIMEOUT(pair.host.binaries.size(), qsizetype(1), TimeoutMs);
    QCOMPARE(pair.host.texts, QStringList {u"prix: 5 €, ok"_s});
    QCOMPARE(pair.host.binaries.first(), "\x01\x02"_ba);
}

void tst_Session::pingIsAnswered()
{
    Pair pair;
    QVERIFY(pair.connect());
    QSignalSpy pong(&pair.m_client, &QWebSocket::pong);
    pair.m_client.ping("are you there");
    QTRY_COMPARE_WITH_TIMEOUT(pong.size(), qsizetype(1), TimeoutMs);
    QCOMPARE(pong.first().at(1).toByteArray(), "are you there"_ba);
}

void tst_Session::closeFromThePeerIsAnswered()
{
    Pair pair;
    QVERIFY(pair.connect());
    QSignalSpy clientGone(&pair.m_client, &QWebSocket::disconnected);
    pair.m_client.close(QWebSocketProtocol::CloseCodeNormal, u"done"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!clientGone.isEmpty(), TimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(pair.host.disconnects, 1, TimeoutMs);
    QVERIFY(pair.session->isClosing() || !pair.transport()->isConnected());
}

QTEST_GUILESS_MAIN(tst_Session)
#include "tst_session.moc"
