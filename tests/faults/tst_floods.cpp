// Floods against the real hubbub-server binary. While each one runs, a well-behaved client on
// its own thread sends `ping` every 100 ms; every ping must be answered within 1 s. The
// server's resident memory (VmRSS) must stay within a bound set relative to its size before
// the flood, and the flood's limits must answer what docs/protocol.md "Rate and connection
// limits" says:
// - handshakeFlood: 5,000 TCP connections that never finish the WebSocket handshake are held
//   open, then aborted by the server's 10 s handshake timeout;
// - requestFlood: 100,000 tiny requests from one client as fast as it writes: each answered,
//   in order, ok or `rate_limited` with `retryAfterMs`, and the connection is kept;
// - loginFlood: 1,000 concurrent wrong-password logins: `unauthorized` or `rate_limited`,
//   the hashing stays bounded, and the per-address and per-username throttles hold afterwards
//   (another loopback address, 127.0.0.2, stands in for another machine).
// HUBBUB_LONG_TESTS=1: 15,000 connections, 500,000 requests, 3,000 logins.

#include "processprobe.h"
#include "rawpeer.h"
#include "sanitizers.h"
#include "serverprocess.h"
#include "testclient.h"
#include "testenv.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QMutex>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <memory>
#include <vector>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#include <unistd.h>
#endif

using namespace Hubbub::Test;
using namespace Hubbub::Test::ProcessProbe;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 MiB = 1024 * 1024;
// A well-behaved client's ping is answered within 1 s throughout a flood. AddressSanitizer
// makes the server several times slower (the login flood's argon2id hashing most: up to 0.5 s
// on an idle machine) while CI runs two tests at once, so that build (CI's second stage)
// allows 5 s; the 1 s promise is asserted in the normal build.
constexpr qint64 PingDeadlineMs = UnderAddressSanitizer ? 5000 : 1000;

//! Sends `ping` every 100 ms from its own thread, so that whatever the flood does to this
//! process's main thread, the figure is the server's.
class Pinger final : public QObject
{
    Q_OBJECT
public:
    Pinger(QUrl url, QString token, QString fingerprint)
        : m_url(std::move(url))
        , m_token(std::move(token))
        , m_fingerprint(std::move(fingerprint))
    {
        moveToThread(&m_thread);
        m_thread.start();
        QMetaObject::invokeMethod(this, &Pinger::setUp, Qt::BlockingQueuedConnection);
    }
    ~Pinger() override
    {
        QMetaObject::invokeMethod(this, &Pinger::tearDown, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

    bool ready() const { return m_ready; }
    qint64 maxLatencyMs() const { return m_maxLatency; }
    qint64 answered() const { return m_answered; }
    //! How long the oldest unanswered ping has waited.
    qint64 oldestWaitMs()
    {
        QMutexLocker lock(&m_mutex);
        qint64 oldest = 0;
        for (qint64 sentAt : std::as_const(m_sentAt))
            oldest = std::max(oldest, m_clock.elapsed() - sentAt);
        return oldest;
    }
    QString problem()
    {
        QMutexLocker lock(&m_mutex);
        return m_problem;
    }
    //! Ping latency from now on (the maximum restarts).
    void resetMaximum() { m_maxLatency = 0; }
    //! When the slowest ping was sent, in ms on this pinger's clock.
    qint64 worstSentAt() const { return m_worstSentAt; }
    qint64 now() const { return m_clock.elapsed(); }
    QStringList slowPings()
    {
        QMutexLocker lock(&m_mutex);
        return m_slow;
    }

private:
    void setUp()
    {
        m_socket = std::make_unique<QWebSocket>();
        if (!m_fingerprint.isEmpty())
            trustFingerprint(*m_socket, m_fingerprint);
        m_timer = std::make_unique<QTimer>();
        m_clock.start();
        connect(m_socket.get(), &QWebSocket::textMessageReceived, this, &Pinger::onText);
        connect(m_socket.get(), &QWebSocket::connected, this, [this] {
            m_socket->sendTextMessage(QString::fromUtf8(QJsonDocument(
                QJsonObject {{u"type"_s, u"auth.token"_s}, {u"id"_s, 0},
                    {u"token"_s, m_token}}).toJson(QJsonDocument::Compact)));
        });
        connect(m_socket.get(), &QWebSocket::disconnected, this, [this] {
            QMutexLocker lock(&m_mutex);
            m_problem = u"the pinger was disconnected: "_s + m_socket->closeReason();
        });
        connect(m_timer.get(), &QTimer::timeout, this, [this] {
            QMutexLocker lock(&m_mutex);
            const qint64 id = ++m_nextId;
            m_sentAt.insert(id, m_clock.elapsed());
            m_socket->sendTextMessage(u"{\"type\":\"ping\",\"id\":%1}"_s.arg(id));
        });
        m_timer->setTimerType(Qt::PreciseTimer);
        m_socket->open(m_url);
    }

    void tearDown()
    {
        m_socket->disconnect(this);
        m_timer.reset();
        m_socket.reset();
    }

    void onText(const QString &text)
    {
        const QJsonObject reply = QJsonDocument::fromJson(text.toUtf8()).object();
        if (reply.value("type"_L1).toString() != u"reply")
            return;
        const qint64 id = reply.value("id"_L1).toInteger();
        QMutexLocker lock(&m_mutex);
        if (!reply.value("ok"_L1).toBool()) {
            m_problem = u"a ping failed: "_s + text;
            return;
        }
        if (id == 0) {
            m_ready = true;
            m_timer->start(100);
            return;
        }
        const qint64 sentAt = m_sentAt.take(id);
        const qint64 latency = m_clock.elapsed() - sentAt;
        if (latency > 300)
            m_slow.append(u"%1ms@%2"_s.arg(latency).arg(sentAt));
        if (latency > m_maxLatency) {
            m_maxLatency = latency;
            m_worstSentAt = sentAt;
        }
        ++m_answered;
    }

    QThread m_thread;
    QUrl m_url;
    QString m_token;
    QString m_fingerprint;
    std::unique_ptr<QWebSocket> m_socket;
    std::unique_ptr<QTimer> m_timer;
    QElapsedTimer m_clock;
    QMutex m_mutex;
    QHash<qint64, qint64> m_sentAt;
    QStringList m_slow;
    qint64 m_nextId = 0;
    QString m_problem;
    std::atomic<bool> m_ready {false};
    std::atomic<qint64> m_maxLatency {0};
    std::atomic<qint64> m_worstSentAt {0};
    std::atomic<qint64> m_answered {0};
};

//! Samples the server's RSS every 20 ms on the main thread while it lives.
class RssSampler
{
public:
    explicit RssSampler(qint64 pid)
        : m_pid(pid)
        , m_peak(residentBytes(pid))
    {
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer,
            [this] { m_peak = std::max(m_peak, residentBytes(m_pid)); });
        m_timer.start(20);
    }
    qint64 peak()
    {
        m_peak = std::max(m_peak, residentBytes(m_pid));
        return m_peak;
    }

private:
    qint64 m_pid;
    qint64 m_peak;
    QTimer m_timer;
};

QString describe(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)).left(300);
}

qint64 retryAfter(const QJsonObject &reply)
{
    const QJsonValue value = reply.value("error"_L1).toObject().value("retryAfterMs"_L1);
    return value.isDouble() ? qint64(value.toDouble()) : -1;
}

} // namespace

class tst_Floods : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void handshakeFlood_data();
    void handshakeFlood();
    void requestFlood();
    void loginFlood();

private:
    //! Registers `names` and returns their tokens (the first is the pinger's).
    QStringList registerUsers(const QStringList &names);
    void startPinger(const QString &token);
    //! Checks the pinger and reports its figure under `label`.
    void checkPings(const char *label);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<Pinger> m_pinger;
    qint64 m_pid = 0;
};

void tst_Floods::initTestCase()
{
#ifndef Q_OS_LINUX
    QSKIP("measures the server through /proc");
#else
    // One descriptor per flood connection here, plus the server's own in its process.
    rlimit limit {};
    QCOMPARE(getrlimit(RLIMIT_NOFILE, &limit), 0);
    limit.rlim_cur = limit.rlim_max;
    QCOMPARE(setrlimit(RLIMIT_NOFILE, &limit), 0);
    qInfo("open-file limit %llu", static_cast<unsigned long long>(limit.rlim_cur));
#endif
}

void tst_Floods::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<ServerProcess>(
        QStringLiteral(HUBBUB_SERVER_BINARY), m_dir->filePath(u"hubbub.db"_s));
    QVERIFY2(m_server->start(), qPrintable(m_server->diagnostics()));
    m_pid = m_server->process().processId();
}

void tst_Floods::cleanup()
{
    m_pinger.reset();
    if (m_server) {
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->diagnostics()));
        QVERIFY2(m_server->terminate(), qPrintable(m_server->diagnostics()));
    }
    m_server.reset();
    m_dir.reset();
}

QStringList tst_Floods::registerUsers(const QStringList &names)
{
    QStringList tokens;
    for (const QString &name : names) {
        TestClient client;
        client.trust(m_server->fingerprint());
        if (!client.open(m_server->url()) || !isOk(client.registerUser(name)))
            return {};
        tokens.append(client.token());
        client.close();
    }
    return tokens;
}

void tst_Floods::startPinger(const QString &token)
{
    m_pinger = std::make_unique<Pinger>(m_server->url(), token, m_server->fingerprint());
    QTRY_VERIFY_WITH_TIMEOUT(m_pinger->ready(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(m_pinger->answered() >= 3, 10000);
}

void tst_Floods::checkPings(const char *label)
{
    QVERIFY2(m_pinger->problem().isEmpty(), qPrintable(m_pinger->problem()));
    const qint64 waiting = m_pinger->oldestWaitMs();
    const qint64 max = std::max(m_pinger->maxLatencyMs(), waiting);
    qInfo("%s: %lld pings answered, max latency %lld ms (the slowest sent %lld ms ago)", label,
        m_pinger->answered(), max, m_pinger->now() - m_pinger->worstSentAt());
    if (max >= PingDeadlineMs) {
        qInfo("pings over 300 ms (latency@sent, pinger clock): %s; now %lld",
            qPrintable(m_pinger->slowPings().join(u' ')), m_pinger->now());
    }
    QVERIFY2(max < PingDeadlineMs, qPrintable(u"a ping took %1 ms"_s.arg(max)));
}

void tst_Floods::handshakeFlood_data()
{
    QTest::addColumn<bool>("tls");
    QTest::addRow("ws") << false;
    QTest::addRow("wss") << true;
}

void tst_Floods::handshakeFlood()
{
    QFETCH(bool, tls);
    if (tls) {
        // Half of them stop inside their ClientHello (a record header that promises 512 bytes
        // and 40 of them), the other half say nothing: each costs the server a TLS session.
        QVERIFY(m_server->terminate());
        QVERIFY2(m_server->start({u"--tls"_s, u"on"_s}), qPrintable(m_server->diagnostics()));
        m_pid = m_server->process().processId();
    }
    const QByteArray stalledRequest = tls ? QByteArray::fromHex("160301020001")
            + QByteArray::fromHex("0001fc0303") + QByteArray(29, '\x5a')
                                          : QByteArray("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpg");
    const int count = longTests() ? 15000 : 5000;
    const QStringList tokens = registerUsers({u"pinger"_s});
    QVERIFY(!tokens.isEmpty());
    startPinger(tokens.first());
    const qint64 before = residentBytes(m_pid);
    QVERIFY(before > 0);
    RssSampler rss(m_pid);
    m_pinger->resetMaximum();
    const qint64 cpuBefore = cpuMs(m_pid);

    QElapsedTimer clock;
    clock.start();
    struct Half
    {
        std::unique_ptr<QTcpSocket> socket;
        qint64 connectedAt = -1;
        qint64 closedAt = -1;
    };
    std::vector<Half> peers;
    peers.resize(std::size_t(count));
    int opened = 0;
    int connected = 0;
    int closed = 0;
    // Open in slices so the event loop keeps turning; the listen backlog is 1,024.
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     for (int n = 0; n < 200 && opened < count; ++n, ++opened) {
                         Half &peer = peers[std::size_t(opened)];
                         peer.socket = std::make_unique<QTcpSocket>();
                         QTcpSocket *socket = peer.socket.get();
                         const bool partial = opened % 2 == 1;
                         QObject::connect(socket, &QTcpSocket::connected, socket,
                             [&, socket, partial, index = opened] {
                                 peers[std::size_t(index)].connectedAt = clock.elapsed();
                                 ++connected;
                                 if (partial)
                                     socket->write(stalledRequest);
                             });
                         QObject::connect(
                             socket, &QTcpSocket::disconnected, socket, [&, index = opened] {
                                 peers[std::size_t(index)].closedAt = clock.elapsed();
                                 ++closed;
                             });
                         socket->connectToHost(QHostAddress::LocalHost, m_server->port());
                     }
                     return connected == count;
                 },
                 60000),
        qPrintable(u"%1 of %2 connected"_s.arg(connected).arg(count)));
    const qint64 allConnectedAt = clock.elapsed();
    qInfo("flood started at %lld ms on the pinger's clock", m_pinger->now() - clock.elapsed());

    // While they are all held: a real client still gets in and is served.
    TestClient newcomer;
    newcomer.trust(m_server->fingerprint());
    QVERIFY(newcomer.open(m_server->url()));
    QVERIFY(isOk(newcomer.request(u"auth.token"_s, {{u"token"_s, tokens.first()}})));
    const qint64 held = rss.peak();
    const qint64 cpuHeld = cpuMs(m_pid);

    // The server aborts each of them 10 s after accepting it (not a CLI option: the default).
    QVERIFY2(QTest::qWaitFor([&] { return closed == count; }, 40000),
        qPrintable(u"%1 of %2 closed by the server"_s.arg(closed).arg(count)));
    qInfo("server CPU: %lld ms to accept them, %lld ms to abort them", cpuHeld - cpuBefore,
        cpuMs(m_pid) - cpuHeld);
    qint64 shortest = std::numeric_limits<qint64>::max();
    qint64 longest = 0;
    for (const Half &peer : peers) {
        shortest = std::min(shortest, peer.closedAt - peer.connectedAt);
        longest = std::max(longest, peer.closedAt - peer.connectedAt);
    }
    const qint64 peak = rss.peak();
    qInfo("%d half-open connections held (all connected after %lld ms); each aborted after "
          "%lld..%lld ms; server RSS %.1f MiB before, %.1f MiB while held, peak %.1f MiB "
          "(%.1f KB per connection)",
        count, allConnectedAt, shortest, longest, double(before) / MiB, double(held) / MiB,
        double(peak) / MiB, double(peak - before) / count / 1024);
    QVERIFY2(shortest >= 9000, qPrintable(u"aborted after %1 ms"_s.arg(shortest)));
    QVERIFY2(longest <= 10000 + 15000, qPrintable(u"aborted after %1 ms"_s.arg(longest)));
    // A handshake in progress costs a QTcpSocket and a few KB of buffers; 40 KB each is a
    // generous ceiling that a per-connection leak of the request buffer would still pass.
    if (UnderAddressSanitizer) {
        qInfo("memory bound not asserted under AddressSanitizer (see sanitizers.h)");
    } else {
        QVERIFY2(peak - before < qint64(count) * 40 * 1024,
            qPrintable(u"RSS grew by %1 MiB"_s.arg(double(peak - before) / MiB)));
    }
    checkPings("handshake flood");
    QVERIFY(isOk(newcomer.request(u"ping"_s)));
}

void tst_Floods::requestFlood()
{
    const qint64 count = longTests() ? 500000 : 100000;
    const QStringList tokens = registerUsers({u"pinger"_s, u"flooder"_s});
    QVERIFY(tokens.size() == 2);
    startPinger(tokens.first());
    const qint64 before = residentBytes(m_pid);
    RssSampler rss(m_pid);
    const qint64 cpuBefore = cpuMs(m_pid);
    m_pinger->resetMaximum();

    QWebSocket flooder;
    flooder.open(m_server->url());
    QTRY_COMPARE(flooder.state(), QAbstractSocket::ConnectedState);
    qint64 received = 0;
    qint64 ok = 0;
    qint64 limited = 0;
    qint64 expectedId = 0;
    QString problem;
    QObject::connect(
        &flooder, &QWebSocket::textMessageReceived, &flooder, [&](const QString &text) {
            const QJsonObject reply = QJsonDocument::fromJson(text.toUtf8()).object();
            if (reply.value("type"_L1).toString() != u"reply")
                return;
            ++received;
            // Exactly one reply per request, in order, carrying its id.
            if (problem.isEmpty() && reply.value("id"_L1).toInteger() != expectedId++)
                problem = u"reply %1 out of order: "_s.arg(expectedId - 1) + text;
            if (reply.value("ok"_L1).toBool()) {
                ++ok;
            } else if (reply.value("error"_L1).toObject().value("code"_L1).toString()
                    == u"rate_limited"
                && retryAfter(reply) > 0) {
                ++limited;
            } else if (problem.isEmpty()) {
                problem = u"unexpected reply: "_s + text;
            }
        });
    flooder.sendTextMessage(
        u"{\"type\":\"auth.token\",\"id\":0,\"token\":\"%1\"}"_s.arg(tokens.at(1)));
    QTRY_COMPARE(ok, 1);

    QElapsedTimer clock;
    clock.start();
    qint64 sent = 0;
    // As fast as this client can write, reading its replies as it goes (a client that stopped
    // reading would be cut off at 24 MiB of backlog; that is tst_slowconsumer's subject).
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     for (int n = 0; n < 5000 && sent < count && sent - received < 50000; ++n)
                         flooder.sendTextMessage(u"{\"type\":\"ping\",\"id\":%1}"_s.arg(++sent));
                     return received == count + 1;
                 },
                 240000),
        qPrintable(u"%1 of %2 replies"_s.arg(received).arg(count)));
    const qint64 elapsed = clock.elapsed();
    const qint64 cpu = cpuMs(m_pid) - cpuBefore;
    const qint64 peak = rss.peak();
    qInfo("%lld requests in %lld ms: %lld ok, %lld rate_limited; server CPU %lld ms (%.2f us per "
          "request); RSS %.1f MiB before, peak %.1f MiB",
        count, elapsed, ok - 1, limited, cpu, double(cpu) * 1000 / double(count),
        double(before) / MiB, double(peak) / MiB);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(ok + limited, count + 1);
    // The bucket: 400 at once, then 100/s (1 s of slack for timing).
    QVERIFY2(ok - 1 >= 400, qPrintable(QString::number(ok)));
    QVERIFY2(ok - 1 <= 400 + 100 * (elapsed / 1000 + 1),
        qPrintable(u"%1 ok in %2 ms"_s.arg(ok - 1).arg(elapsed)));
    QVERIFY2(limited > count / 2, "most of the flood should be rate limited");
    QCOMPARE(flooder.state(), QAbstractSocket::ConnectedState);
    if (UnderAddressSanitizer) {
        qInfo("memory bound not asserted under AddressSanitizer (see sanitizers.h)");
    } else {
        QVERIFY2(peak - before < 64 * MiB,
            qPrintable(u"RSS grew by %1 MiB"_s.arg(double(peak - before) / MiB)));
    }
    checkPings("request flood");

    // The connection is kept and served again once its bucket refills.
    const qint64 okBefore = ok;
    QVERIFY(QTest::qWaitFor(
        [&] {
            if (ok > okBefore)
                return true;
            if (received == sent + 1)
                flooder.sendTextMessage(u"{\"type\":\"ping\",\"id\":%1}"_s.arg(++sent));
            return false;
        },
        10000));
    flooder.abort();
}

void tst_Floods::loginFlood()
{
    const int count = longTests() ? 3000 : 1000;
    const QStringList tokens = registerUsers({u"pinger"_s, u"victim"_s, u"bystander"_s});
    QVERIFY(tokens.size() == 3);
    startPinger(tokens.first());
    const qint64 before = residentBytes(m_pid);
    RssSampler rss(m_pid);
    const qint64 cpuBefore = cpuMs(m_pid);
    m_pinger->resetMaximum();

    // Open every connection first, then fire all the logins at once.
    std::vector<std::unique_ptr<TestClient>> clients;
    for (int i = 0; i < count; ++i) {
        clients.push_back(std::make_unique<TestClient>());
        clients.back()->socket().open(m_server->url());
    }
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     return std::all_of(clients.begin(), clients.end(),
                         [](const auto &c) { return c->isConnected(); });
                 },
                 60000),
        "not every connection opened");
    QElapsedTimer clock;
    clock.start();
    std::vector<QString> names;
    for (int i = 0; i < count; ++i) {
        // Most try the victim; the rest names that do not exist (same cost, same answer).
        names.push_back(i % 5 < 3 ? u"victim"_s : u"nobody%1"_s.arg(i));
        clients[std::size_t(i)]->send(u"auth.login"_s,
            {{u"username"_s, names.back()}, {u"password"_s, u"wrong password %1"_s.arg(i)}});
    }
    const auto replied
        = [](const std::unique_ptr<TestClient> &c) { return !c->replies().isEmpty(); };
    QVERIFY2(QTest::qWaitFor(
                 [&] { return std::all_of(clients.begin(), clients.end(), replied); }, 120000),
        "not every login was answered");
    const qint64 elapsed = clock.elapsed();

    int unauthorized = 0;
    int victimFailures = 0;
    int limited = 0;
    for (int i = 0; i < count; ++i) {
        const TestClient &client = *clients[std::size_t(i)];
        QCOMPARE(client.replies().size(), 1);
        const QJsonObject reply = client.replies().first();
        const QString code = errorCode(reply);
        QVERIFY2(!reply.value("error"_L1).toObject().value("message"_L1).toString().isEmpty(),
            qPrintable(describe(reply)));
        if (code == u"unauthorized") {
            ++unauthorized;
            victimFailures += names[std::size_t(i)] == u"victim";
        } else {
            QVERIFY2(code == u"rate_limited" && retryAfter(reply) > 0, qPrintable(describe(reply)));
            ++limited;
        }
        QVERIFY(client.ephemeral().isEmpty()); // never logged in: no presence either
    }
    const qint64 cpu = cpuMs(m_pid) - cpuBefore;
    const qint64 peak = rss.peak();
    qInfo("%d wrong logins answered in %lld ms: %d unauthorized (%d for the victim), %d "
          "rate_limited; server CPU %lld ms; RSS %.1f MiB before, peak %.1f MiB",
        count, elapsed, unauthorized, victimFailures, limited, cpu, double(before) / MiB,
        double(peak) / MiB);
    // At most 32 hashes are in flight; once 20 failures from the address are recorded every
    // later attempt is refused without hashing. So only a few dozen are ever verified.
    QVERIFY(unauthorized >= 1);
    QVERIFY2(unauthorized <= 2 * 32, qPrintable(QString::number(unauthorized)));
    QCOMPARE(unauthorized + limited, count);
    // Each hash may hold its memory (libsodium's interactive limit, 64 MiB) on a worker thread.
    const qint64 hashMemory = qint64(std::max(2, QThread::idealThreadCount())) * 64 * MiB;
    if (UnderAddressSanitizer) {
        qInfo("memory bound not asserted under AddressSanitizer (see sanitizers.h)");
    } else {
        QVERIFY2(peak - before < hashMemory + 64 * MiB,
            qPrintable(u"RSS grew by %1 MiB"_s.arg(double(peak - before) / MiB)));
    }
    checkPings("login flood");
    clients.clear();

    // The address is over its limit: even the right password is refused from 127.0.0.1 ...
    TestClient sameAddress;
    QVERIFY(sameAddress.open(m_server->url()));
    const QJsonObject refused = sameAddress.login(u"bystander"_s);
    QVERIFY2(errorCode(refused) == u"rate_limited" && retryAfter(refused) > 0,
        qPrintable(describe(refused)));
    const QJsonObject tokenRefused
        = sameAddress.request(u"auth.token"_s, {{u"token"_s, tokens.at(2)}});
    QVERIFY2(errorCode(tokenRefused) == u"rate_limited", qPrintable(describe(tokenRefused)));

    // ... while another address logs in as usual ...
    RawPeer elsewhere(RawPeer::Options {QHostAddress(u"127.0.0.2"_s)});
    QVERIFY(elsewhere.open(m_server->url()));
    QCOMPARE(elsewhere.socket().localAddress(), QHostAddress(u"127.0.0.2"_s));
    const QJsonObject welcome = elsewhere.request(u"auth.login"_s,
        {{u"username"_s, u"bystander"_s}, {u"password"_s, u"correct horse"_s}}, 15000);
    QVERIFY2(isOk(welcome), qPrintable(describe(welcome)));

    // ... except as the attacked user, whose name is over its own limit wherever it comes from.
    QVERIFY2(victimFailures >= 5, "the victim's name was not attacked enough to test its limit");
    RawPeer victim(RawPeer::Options {QHostAddress(u"127.0.0.3"_s)});
    QVERIFY(victim.open(m_server->url()));
    const QJsonObject blocked = victim.request(u"auth.login"_s,
        {{u"username"_s, u"victim"_s}, {u"password"_s, u"correct horse"_s}}, 15000);
    QVERIFY2(errorCode(blocked) == u"rate_limited" && retryAfter(blocked) > 0,
        qPrintable(describe(blocked)));
    // Its existing sign-ins are not affected (a token from another address).
    const QJsonObject resumed
        = victim.request(u"auth.token"_s, {{u"token"_s, tokens.at(1)}}, 15000);
    QVERIFY2(isOk(resumed), qPrintable(describe(resumed)));
    checkPings("login flood, afterwards");
}

QTEST_GUILESS_MAIN(tst_Floods)
#include "tst_floods.moc"
