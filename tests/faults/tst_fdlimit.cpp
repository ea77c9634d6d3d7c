// The real hubbub-server binary started with only 256 file descriptors (soft and hard). While a
// few well-behaved clients keep committing, 1,000 connection attempts arrive (plain TCP
// connections held open, and WebSocket upgrades). The server must stay at its connection cap
// without spinning (an accept loop that cannot get a descriptor burns a whole core), keep
// acknowledging the good clients' writes promptly, and accept new connections again once the
// attackers leave.
//
// HUBBUB_LONG_TESTS=1 measures over 20 s instead of 4 s.

#include "processprobe.h"
#include "serverprocess.h"
#include "testclient.h"
#include "testenv.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QWebSocket>

#include <memory>
#include <vector>

#include <sys/resource.h>
#include <unistd.h>

using namespace Hubbub::Test;

namespace {

constexpr int FileLimit = 256;
constexpr int ReservedDescriptors = 64; //!< server/server.cpp keeps these for SQLite and co.
constexpr int ConnectionCap = FileLimit - ReservedDescriptors;
constexpr int GoodClients = 3;
constexpr int CommitEveryMs = 20;
constexpr int BurstAttempts = 600;
constexpr int TrickleAttempts = 400; //!< arriving evenly during the measurement window
constexpr int AttemptsPerTick = 5;
constexpr qint64 MaxLatencyMs = 1000;
//! The property is "well under 10 % of a core at the cap"; the assertion leaves room for
//! sanitizer builds and a noisy machine and still fails on a spinning accept loop (~100 %).
constexpr double MaxCpuShare = 0.40;

QString describe(const QJsonObject &o)
{
    return o.isEmpty() ? QStringLiteral("no reply") : dump(o);
}

//! The "Max open files" soft and hard limits of a process, as /proc shows them.
QString openFileLimits(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/limits").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith("Max open files"))
            return QString::fromLatin1(line.mid(14).simplified());
    }
    return QString();
}

//! A script that lowers RLIMIT_NOFILE (soft and hard: POSIX sh's ulimit sets both) and
//! execs the server, so the QProcess's pid is the server's.
bool writeLimitedLauncher(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write("#!/bin/sh\nulimit -n " + QByteArray::number(FileLimit)
        + " || exit 97\nexec '" HUBBUB_SERVER_BINARY "' \"$@\"\n");
    file.close();
    return file.setPermissions(
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
}

//! The test process itself holds 1,000+ sockets.
bool raiseOwnFileLimit(rlim_t needed)
{
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return false;
    if (limit.rlim_cur >= needed)
        return true;
    if (limit.rlim_max != RLIM_INFINITY && limit.rlim_max < needed)
        return false;
    limit.rlim_cur = needed;
    return setrlimit(RLIMIT_NOFILE, &limit) == 0;
}

//! Connection attempts: 7 in 10 are plain TCP connections that never send a byte, the others
//! WebSocket upgrades that then stay silent. All are held open as long as the server lets them.
class Attackers
{
public:
    explicit Attackers(quint16 port)
        : m_port(port)
        , m_url(QStringLiteral("ws://127.0.0.1:%1/").arg(port))
    { }

    void launch(int count)
    {
        for (int i = 0; i < count; ++i) {
            if (m_launched++ % 10 < 7) {
                auto socket = std::make_unique<QTcpSocket>();
                socket->connectToHost(QHostAddress::LocalHost, m_port);
                m_tcp.push_back(std::move(socket));
            } else {
                auto socket = std::make_unique<QWebSocket>();
                socket->open(m_url);
                m_webSockets.push_back(std::move(socket));
            }
        }
    }

    int launched() const { return m_launched; }

    //! Connections the server holds open right now (as far as this side knows).
    int held() const
    {
        int count = 0;
        for (const auto &s : m_tcp)
            count += s->state() == QAbstractSocket::ConnectedState;
        for (const auto &s : m_webSockets)
            count += s->state() == QAbstractSocket::ConnectedState;
        return count;
    }

    int upgraded() const
    {
        int count = 0;
        for (const auto &s : m_webSockets)
            count += s->state() == QAbstractSocket::ConnectedState;
        return count;
    }

    //! No attempt is still on its way: each is held or was closed.
    bool settled() const
    {
        for (const auto &s : m_tcp) {
            if (s->state() != QAbstractSocket::ConnectedState
                && s->state() != QAbstractSocket::UnconnectedState)
                return false;
        }
        for (const auto &s : m_webSockets) {
            if (s->state() != QAbstractSocket::ConnectedState
                && s->state() != QAbstractSocket::UnconnectedState)
                return false;
        }
        return true;
    }

    void leave()
    {
        for (const auto &s : m_tcp)
            s->abort();
        for (const auto &s : m_webSockets)
            s->abort();
        m_tcp.clear();
        m_webSockets.clear();
    }

private:
    quint16 m_port;
    QUrl m_url;
    std::vector<std::unique_ptr<QTcpSocket>> m_tcp;
    std::vector<std::unique_ptr<QWebSocket>> m_webSockets;
    int m_launched = 0;
};

//! Well-behaved clients: one post.create every CommitEveryMs, round robin, each timed from
//! send to acknowledgement.
class Committers
{
public:
    QList<TestClient *> clients;
    QTimer timer;
    QElapsedTimer clock;
    QHash<TestClient *, QHash<qint64, qint64>> sentAt;
    qint64 sent = 0;
    qint64 acked = 0;
    qint64 maxLatencyMs = 0;
    QStringList problems;

    void start()
    {
        clock.start();
        timer.setInterval(CommitEveryMs);
        QObject::connect(&timer, &QTimer::timeout, &timer, [this] { commit(); });
        for (TestClient *client : std::as_const(clients)) {
            QObject::connect(client, &TestClient::frameReceived, &timer,
                [this, client](const QJsonObject &frame) { onFrame(client, frame); });
        }
        timer.start();
    }

    qint64 outstanding() const
    {
        qint64 count = 0;
        for (const auto &perClient : sentAt)
            count += perClient.size();
        return count;
    }

private:
    void commit()
    {
        TestClient *client = clients.at(qsizetype(sent % clients.size()));
        if (!client->isConnected()) {
            if (problems.size() < 10)
                problems.append(QStringLiteral("a well-behaved client was disconnected"));
            return;
        }
        const QString title = QStringLiteral("steady %1").arg(sent);
        const qint64 id = client->send(QStringLiteral("post.create"),
            {{QStringLiteral("title"), title}, {QStringLiteral("content"), QString()},
                {QStringLiteral("nonce"), title}});
        sentAt[client].insert(id, clock.elapsed());
        ++sent;
    }

    void onFrame(TestClient *client, const QJsonObject &frame)
    {
        if (frame.value(QLatin1StringView("type")).toString() != u"reply")
            return;
        const qint64 id = frame.value(QLatin1StringView("id")).toInteger();
        auto &perClient = sentAt[client];
        if (!perClient.contains(id))
            return;
        const qint64 latency = clock.elapsed() - perClient.take(id);
        maxLatencyMs = std::max(maxLatencyMs, latency);
        if (isOk(frame))
            ++acked;
        else if (problems.size() < 10)
            problems.append(describe(frame));
    }
};

} // namespace

class tst_FdLimit : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void connectionFloodUnderDescriptorLimit();
};

void tst_FdLimit::connectionFloodUnderDescriptorLimit()
{
    const int windowMs = longTests() ? 20000 : 4000;
    if (!raiseOwnFileLimit(BurstAttempts + TrickleAttempts + 256))
        QSKIP("this process cannot hold 1,300 descriptors (RLIMIT_NOFILE hard limit)");

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString launcher = dir.filePath(QStringLiteral("limited-server.sh"));
    QVERIFY(writeLimitedLauncher(launcher));
    ServerProcess server(launcher, dir.filePath(QStringLiteral("hubbub.db")));
    QVERIFY2(server.start(), qPrintable(server.diagnostics()));
    const qint64 pid = server.process().processId();
    QCOMPARE(openFileLimits(pid), QStringLiteral("%1 %1 files").arg(FileLimit));
    QVERIFY(QFileInfo(QStringLiteral("/proc/%1/exe").arg(pid))
                .canonicalFilePath()
                .endsWith(QStringLiteral("hubbub-server")));
    QVERIFY(ProcessProbe::cpuMs(pid) >= 0);

    std::vector<std::unique_ptr<TestClient>> good;
    Committers committers;
    for (int i = 0; i < GoodClients; ++i) {
        good.push_back(std::make_unique<TestClient>());
        QVERIFY(good.back()->open(server.url()));
        const QJsonObject registered = good.back()->registerUser(QStringLiteral("steady%1").arg(i));
        QVERIFY2(isOk(registered), qPrintable(describe(registered)));
        committers.clients.append(good.back().get());
    }
    // The server's CPU time (user + system) over what `during` does, as a share of one core.
    const auto cpuShareOver = [&](const std::function<void()> &during) {
        QElapsedTimer clock;
        const qint64 before = ProcessProbe::cpuMs(pid);
        clock.start();
        during();
        const qint64 after = ProcessProbe::cpuMs(pid);
        return double(after - before) / double(clock.elapsed());
    };

    // Baseline: the good clients alone.
    committers.start();
    const double baseline = cpuShareOver([] { QTest::qWait(1000); });
    QVERIFY2(committers.problems.isEmpty(), qPrintable(committers.problems.join(u'\n')));

    // The burst: the server ends up at its cap, refusing the rest straight after accept.
    Attackers attackers(server.port());
    QElapsedTimer burstClock;
    burstClock.start();
    attackers.launch(BurstAttempts);
    QVERIFY2(
        QTest::qWaitFor(
            [&] { return attackers.settled() && attackers.held() <= ConnectionCap - GoodClients; },
            15000),
        qPrintable(QStringLiteral("after the burst: %1 held, cap %2")
                       .arg(attackers.held())
                       .arg(ConnectionCap)));
    const qint64 burstMs = burstClock.elapsed();
    const int heldAfterBurst = attackers.held();
    QVERIFY2(heldAfterBurst >= ConnectionCap / 2,
        qPrintable(QStringLiteral("only %1 attackers admitted: is the cap lower than %2?")
                       .arg(heldAfterBurst)
                       .arg(ConnectionCap)));

    // The window at the cap: attackers held open, more attempts arriving, good clients writing.
    QTimer trickle;
    trickle.setInterval(windowMs * AttemptsPerTick / TrickleAttempts);
    QObject::connect(&trickle, &QTimer::timeout, &trickle, [&] {
        if (attackers.launched() < BurstAttempts + TrickleAttempts)
            attackers.launch(AttemptsPerTick);
    });
    const double atCap = cpuShareOver([&] {
        trickle.start();
        QTest::qWait(windowMs);
        trickle.stop();
    });
    QVERIFY2(server.isRunning(), qPrintable(server.diagnostics()));
    const int heldAfterWindow = attackers.held();
    qInfo("server CPU: %.1f %% of a core with the good clients alone, %.1f %% at its cap of %d "
          "during %d ms with %d attempts arriving; burst of %d settled in %lld ms with %d held, "
          "%d held after the window (%d upgraded)",
        baseline * 100, atCap * 100, ConnectionCap, windowMs, TrickleAttempts, BurstAttempts,
        burstMs, heldAfterBurst, heldAfterWindow, attackers.upgraded());
    QVERIFY2(atCap < MaxCpuShare,
        qPrintable(QStringLiteral("the server burned %1 % of a core at its cap").arg(atCap * 100)));

    // The good clients were served all along: nothing failed, nothing was slow.
    committers.timer.stop();
    QVERIFY2(QTest::qWaitFor([&] { return committers.outstanding() == 0; }, 5000),
        qPrintable(QStringLiteral("%1 creates unanswered").arg(committers.outstanding())));
    QVERIFY2(committers.problems.isEmpty(), qPrintable(committers.problems.join(u'\n')));
    qInfo("good clients: %lld creates, all acknowledged, slowest %lld ms", committers.acked,
        committers.maxLatencyMs);
    QCOMPARE(committers.acked, committers.sent);
    QVERIFY2(committers.maxLatencyMs < MaxLatencyMs,
        qPrintable(QStringLiteral("a create took %1 ms").arg(committers.maxLatencyMs)));

    // The attackers leave: the server accepts new connections again, up to its cap.
    attackers.leave();
    // All at once, each retried while refused (the server may not have seen every close yet).
    const int fresh = ConnectionCap / 2;
    std::vector<std::unique_ptr<QWebSocket>> newcomers;
    const QUrl url = server.url();
    QElapsedTimer recovery;
    recovery.start();
    for (int i = 0; i < fresh; ++i) {
        newcomers.push_back(std::make_unique<QWebSocket>());
        newcomers.back()->open(url);
    }
    int refusedNewcomers = 0;
    const bool allAccepted = QTest::qWaitFor(
        [&] {
            int connected = 0;
            for (const auto &socket : newcomers) {
                if (socket->state() == QAbstractSocket::ConnectedState) {
                    ++connected;
                } else if (socket->state() == QAbstractSocket::UnconnectedState
                    && refusedNewcomers < 10 * fresh) {
                    ++refusedNewcomers;
                    socket->open(url);
                }
            }
            return connected == fresh;
        },
        20000);
    QVERIFY2(allAccepted,
        qPrintable(QStringLiteral("%1 refusals; still refused after %2 ms")
                       .arg(refusedNewcomers)
                       .arg(recovery.elapsed())));
    TestClient late;
    QVERIFY(late.open(server.url()));
    const QJsonObject registered = late.registerUser(QStringLiteral("latecomer"));
    QVERIFY2(isOk(registered), qPrintable(describe(registered)));
    const QJsonObject post = late.request(QStringLiteral("post.create"),
        {{QStringLiteral("title"), QStringLiteral("after the flood")},
            {QStringLiteral("content"), QString()}});
    QVERIFY2(isOk(post), qPrintable(describe(post)));
    qInfo("after the attackers left: %d new connections accepted within %lld ms (%d attempts "
          "refused meanwhile)",
        fresh, recovery.elapsed(), refusedNewcomers);

    QVERIFY2(server.terminate(), qPrintable(server.diagnostics()));
    QCOMPARE(server.process().exitCode(), 0);
}

QTEST_GUILESS_MAIN(tst_FdLimit)

#include "tst_fdlimit.moc"
