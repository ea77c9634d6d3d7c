// Tests of the transports under every connection (server/net/transport.h) with real sockets on
// 127.0.0.1, run for each kind this system has: on Linux the epoll set (EpollTransport, one
// QSocketNotifier for all connections) and the QTcpSocket kind (SocketTransport, forced with
// HUBBUB_NET_QT_SOCKETS), elsewhere the QTcpSocket kind only. A reader paused by its fair share
// resumes and loses nothing; a peer whose kernel buffer fills gets the rest once it reads; two
// thousand connections are served, the epoll kind without a notifier per socket; writes are not
// held for the peer's ACK (no Nagle), and the replies to a burst leave in one segment.
#include "net/connection.h"
#include "net/fairshare.h"
#include "net/flushscheduler.h"
#include "net/listener.h"
#include "net/transport.h"
#include "net/wireframe.h"
#include "protocollimits.h"
#include "rawpeer.h"
#include "serverconfig.h"
#include "session.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSocketNotifier>
#include <QTest>

#include <memory>
#include <vector>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#endif
#ifdef Q_OS_LINUX
#include <linux/tcp.h> // tcp_info with tcpi_data_segs_in, TCP_NODELAY
#elif defined(Q_OS_UNIX)
#include <netinet/tcp.h>
#endif

using namespace Hubbub::Server;
using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

namespace {

constexpr int TimeoutMs = 20000;

//! A listener whose upgraded connections become sessions; records what they hand up, and may
//! take its time over each message (so that a pipelined burst outlasts the fair share).
class Fixture final : public SessionHost
{
public:
    Fixture()
        : m_net {m_flusher, m_share, m_config.maxOutgoingBufferBytes, Hubbub::Limits::FrameBytesMax}
        , m_listener(m_net, m_config.handshakeTimeout, [] { return true; })
    {
        QObject::connect(&m_listener, &Listener::connectionUpgraded, &m_listener,
            [this](Connection *connection) {
                sessions.push_back(std::make_unique<Session>(connection, *this, m_config));
            });
    }
    ~Fixture() { sessions.clear(); }
    Q_DISABLE_COPY_MOVE(Fixture)

    bool listen() { return m_listener.listen(QHostAddress::LocalHost, 0); }
    QUrl url() const { return QUrl(u"ws://127.0.0.1:%1/"_s.arg(m_listener.serverPort())); }

    void textReceived(Session &session, const QString &text) override
    {
        texts.append(text);
        if (echo)
            session.fillSlot(session.openSlot(), text);
        QElapsedTimer spent;
        spent.start();
        while (spent.nsecsElapsed() < workNs) { }
    }
    void binaryReceived(Session &, const QByteArray &) override { }
    void disconnected(Session &) override { ++disconnects; }

    ServerConfig m_config;
    FlushScheduler m_flusher;
    FairShare m_share {m_flusher};
    Connection::Services m_net;
    Listener m_listener;
    std::vector<std::unique_ptr<Session>> sessions;
    QStringList texts;
    qint64 workNs = 0;
    bool echo = false; //!< answer every text message with itself
    int disconnects = 0;
};

#ifdef Q_OS_UNIX
//! Port of a socket address, or -1.
int portOf(const sockaddr_storage &address)
{
    if (address.ss_family == AF_INET)
        return ntohs(reinterpret_cast<const sockaddr_in *>(&address)->sin_port);
    if (address.ss_family == AF_INET6)
        return ntohs(reinterpret_cast<const sockaddr_in6 *>(&address)->sin6_port);
    return -1;
}

//! The server's end of `peer`'s connection, found among this process's descriptors by its ports
//! (the server runs in the test); -1 when there is none.
int serverEndOf(const QTcpSocket &peer)
{
    for (int fd = 0; fd < 65536; ++fd) {
        if (::fcntl(fd, F_GETFD) < 0 || fd == int(peer.socketDescriptor()))
            continue;
        sockaddr_storage local {};
        sockaddr_storage remote {};
        socklen_t localLength = sizeof local;
        socklen_t remoteLength = sizeof remote;
        if (::getsockname(fd, reinterpret_cast<sockaddr *>(&local), &localLength) == 0
            && ::getpeername(fd, reinterpret_cast<sockaddr *>(&remote), &remoteLength) == 0
            && portOf(local) == peer.peerPort() && portOf(remote) == peer.localPort())
            return fd;
    }
    return -1;
}
#endif

QByteArray textFrame(int i, int size)
{
    QByteArray json = "{\"type\":\"event\",\"n\":" + QByteArray::number(i) + ",\"pad\":\"";
    json += QByteArray(size, 'x') + "\"}";
    return WireFrame::textUtf8(json);
}

} // namespace

class tst_Transport final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data();
    void init();
    void cleanup();
    void pausedReaderResumes();
    void fullKernelBufferGetsTheRest();
    void twoThousandConnections();
    void writesAreNotHeldForAnAck();
    void repliesToABurstLeaveTogether();
};

void tst_Transport::initTestCase_data()
{
    QTest::addColumn<bool>("qtSockets");
#ifdef Q_OS_LINUX
    QTest::newRow("epoll") << false;
#endif
    QTest::newRow("QTcpSocket") << true;
}

void tst_Transport::init()
{
    QFETCH_GLOBAL(bool, qtSockets);
    if (qtSockets)
        qputenv("HUBBUB_NET_QT_SOCKETS", "1");
    else
        qunsetenv("HUBBUB_NET_QT_SOCKETS");
}

void tst_Transport::cleanup()
{
    qunsetenv("HUBBUB_NET_QT_SOCKETS");
}

void tst_Transport::pausedReaderResumes()
{
    // 1 ms per message against a 2 ms share: a burst of 40 pauses the connection's reading
    // (with epoll its read interest goes) and it is served in turn; what the peer sends while
    // it is paused waits in the kernel and is read once it resumes. Nothing lost, in order.
    Fixture fixture;
    fixture.workNs = 1'000'000;
    QVERIFY(fixture.listen());
    RawPeer peer;
    QVERIFY(peer.open(fixture.url()));
    QVERIFY(QTest::qWaitFor([&] { return fixture.sessions.size() == 1; }, TimeoutMs));
    QStringList expected;
    QByteArray burst;
    for (int i = 0; i < 40; ++i) {
        expected.append(u"message %1"_s.arg(i));
        burst += maskedTextFrame(expected.last().toUtf8());
    }
    peer.socket().write(burst);
    bool sawPaused = false;
    QVERIFY(QTest::qWaitFor(
        [&] {
            sawPaused = sawPaused || fixture.m_share.waiting() > 0;
            return sawPaused;
        },
        TimeoutMs));
    for (int i = 40; i < 60; ++i) {
        expected.append(u"message %1"_s.arg(i));
        peer.send({Text, expected.last().toUtf8()});
    }
    QTRY_COMPARE_WITH_TIMEOUT(fixture.texts.size(), expected.size(), TimeoutMs);
    QCOMPARE(fixture.texts, expected);
    QCOMPARE(fixture.m_share.waiting(), 0);
    // Reading is on again: one more message is served at once.
    peer.send({Text, "after"});
    QTRY_COMPARE_WITH_TIMEOUT(fixture.texts.size(), expected.size() + 1, TimeoutMs);
}

void tst_Transport::fullKernelBufferGetsTheRest()
{
    // The peer reads nothing and its receive buffer is small: part of 4 MB stays with the
    // transport (with epoll, write interest until it is gone), and reaches the peer in order
    // once it reads again; then the transport has nothing left waiting.
    Fixture fixture;
    QVERIFY(fixture.listen());
    RawPeer peer(RawPeer::Options {{}, 4096, true});
    QVERIFY(peer.open(fixture.url()));
    QVERIFY(QTest::qWaitFor([&] { return fixture.sessions.size() == 1; }, TimeoutMs));
    peer.stopReading();
    Transport *transport = fixture.sessions.front()->connection()->transport();
    QList<QByteArray> frames;
    for (int i = 0; i < 256; ++i)
        frames.append(textFrame(i, 16 * 1024 - 40));
    const qint64 waiting = transport->writeFrames(frames);
    QVERIFY2(waiting > 256 * 1024, QByteArray::number(waiting).constData());
    QTest::qWait(50);
    QCOMPARE(peer.frames().size(), 0);
    peer.resumeReading();
    peer.pump();
    QTRY_COMPARE_WITH_TIMEOUT(peer.frames().size(), qsizetype(frames.size()), TimeoutMs);
    for (int i = 0; i < frames.size(); ++i)
        QCOMPARE(peer.frames().at(i).value("n"_L1).toInt(), i);
    const QByteArray last = textFrame(256, 10);
    QCOMPARE(transport->writeFrames({&last, 1}), qint64(0)); // straight to the kernel again
    QTRY_COMPARE_WITH_TIMEOUT(peer.frames().size(), qsizetype(257), TimeoutMs);
}

void tst_Transport::twoThousandConnections()
{
    // Every connection is served, through its handshake and an event to each; with epoll the
    // event dispatcher holds one notifier for all of them, none per socket.
    QFETCH_GLOBAL(bool, qtSockets);
    constexpr int Peers = 2000;
    Fixture fixture;
    QVERIFY(fixture.listen());
    std::vector<std::unique_ptr<QTcpSocket>> peers;
    std::vector<QByteArray> received(Peers);
    const QByteArray request = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                               "Connection: Upgrade\r\nSec-WebSocket-Key: "
                               "dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
    // In steps of 100: the listen backlog is 50, and a connection it drops retries after 1 s.
    for (int i = 0; i < Peers; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        QTcpSocket *raw = socket.get();
        QObject::connect(
            raw, &QTcpSocket::connected, raw, [raw, &request] { raw->write(request); });
        QObject::connect(raw, &QTcpSocket::readyRead, raw,
            [raw, &received, i] { received[size_t(i)] += raw->readAll(); });
        raw->connectToHost(QHostAddress::LocalHost, fixture.m_listener.serverPort());
        peers.push_back(std::move(socket));
        if ((i + 1) % 100 == 0) {
            QVERIFY2(QTest::qWaitFor(
                         [&] { return fixture.sessions.size() == size_t(i + 1); }, TimeoutMs),
                QByteArray::number(qulonglong(fixture.sessions.size())).constData());
        }
    }
    int notifiers = 0;
    for (const auto &session : fixture.sessions)
        notifiers += int(session->findChildren<QSocketNotifier *>().size());
    if (qtSockets)
        QVERIFY2(
            notifiers >= Peers, QByteArray::number(notifiers).constData()); // one each, at least
    else
        QCOMPARE(notifiers, 0);
    const QByteArray event = WireFrame::textUtf8("{\"type\":\"event\"}");
    for (const auto &session : fixture.sessions)
        session->sendWire(event);
    const QByteArray tail = QByteArray("\r\n\r\n") + event;
    const auto allHaveIt = [&] {
        for (const QByteArray &bytes : received) {
            if (!bytes.endsWith(tail))
                return false;
        }
        return true;
    };
    QVERIFY(QTest::qWaitFor(allHaveIt, TimeoutMs));
    for (const QByteArray &bytes : received)
        QVERIFY(bytes.startsWith("HTTP/1.1 101"));
    peers.clear();
    QTRY_COMPARE_WITH_TIMEOUT(fixture.disconnects, Peers, TimeoutMs);
}

void tst_Transport::writesAreNotHeldForAnAck()
{
    // Writes are batched already (one send() per pass, the replies to a burst together), so
    // Nagle's algorithm could only hold a later small write until the peer acknowledged the
    // earlier one, which a peer that delays its ACKs does after 40 ms: it held auth.token's
    // reply behind hello's in three logins of four (docs/performance.md).
#ifndef Q_OS_UNIX
    QSKIP("finds the server's descriptor with POSIX calls");
#else
    Fixture fixture;
    QVERIFY(fixture.listen());
    RawPeer peer;
    QVERIFY(peer.open(fixture.url()));
    QVERIFY(QTest::qWaitFor([&] { return fixture.sessions.size() == 1; }, TimeoutMs));
    const int descriptor = serverEndOf(peer.socket());
    QVERIFY(descriptor >= 0);
    int noDelay = 0;
    socklen_t length = sizeof noDelay;
    QCOMPARE(::getsockopt(descriptor, IPPROTO_TCP, TCP_NODELAY, &noDelay, &length), 0);
    QVERIFY(noDelay != 0);
#endif
}

void tst_Transport::repliesToABurstLeaveTogether()
{
    // Three requests in one segment: their three replies leave in one send(), so the peer
    // receives one segment, not the first reply alone and then the rest (two segments, two
    // wake-ups: a login's hello and auth.token, written together by every client).
#ifndef Q_OS_LINUX
    QSKIP("counts the segments the peer received with Linux's TCP_INFO");
#else
    Fixture fixture;
    fixture.echo = true;
    QVERIFY(fixture.listen());
    RawPeer peer;
    QVERIFY(peer.open(fixture.url()));
    QVERIFY(QTest::qWaitFor([&] { return fixture.sessions.size() == 1; }, TimeoutMs));
    const auto dataSegmentsIn = [&] {
        tcp_info info {};
        socklen_t length = sizeof info;
        if (::getsockopt(
                int(peer.socket().socketDescriptor()), IPPROTO_TCP, TCP_INFO, &info, &length)
            != 0)
            return quint32(0);
        return quint32(info.tcpi_data_segs_in);
    };
    const quint32 before = dataSegmentsIn();
    QByteArray burst;
    for (int i = 0; i < 3; ++i)
        burst += maskedTextFrame("{\"n\":" + QByteArray::number(i) + "}");
    peer.socket().write(burst);
    QTRY_COMPARE_WITH_TIMEOUT(peer.frames().size(), qsizetype(3), TimeoutMs);
    QCOMPARE(fixture.texts.size(), qsizetype(3));
    QCOMPARE(dataSegmentsIn() - before, quint32(1));
#endif
}

QTEST_GUILESS_MAIN(tst_Transport)
#include "tst_transport.moc"
