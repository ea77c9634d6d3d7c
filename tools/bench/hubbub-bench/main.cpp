// hubbub-bench: a loopback load generator for protocol v1. See docs/performance.md and
// scripts/bench.sh, which runs every mode against hubbub-server and the node yardstick.
#include "benchoptions.h"
#include "modes.h"
#include "net/tlscontext.h"
#include "postgres.h"
#include "report.h"
#include "targetserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <mutex>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>

using namespace Hubbub::Bench;

namespace {

[[noreturn]] void fail(const QString &message)
{
    std::fprintf(stderr, "hubbub-bench: %s\n", qPrintable(message));
    std::exit(2);
}

//! 10,000 connections need more descriptors than the usual soft limit of 1024.
void raiseFileLimit()
{
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

bool isLoopback(const QUrl &url)
{
    const QString host = url.host();
    if (host == u"localhost")
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

//! Ends the process (and the server it started) if a mode overruns its hard deadline.
class Watchdog final
{
public:
    Watchdog(double seconds, QList<qint64> ownedPids)
        : m_thread([this, seconds, ownedPids] {
            std::unique_lock lock(m_mutex);
            const auto limit = std::chrono::milliseconds(qint64(seconds * 1000));
            if (m_wake.wait_for(lock, limit, [this] { return m_done; }))
                return;
            std::fprintf(
                stderr, "hubbub-bench: hard deadline of %.0f s passed; giving up\n", seconds);
            for (qint64 pid : ownedPids) {
                if (pid > 0)
                    ::kill(pid_t(pid), SIGKILL);
            }
            std::_Exit(3);
        })
    { }
    ~Watchdog()
    {
        {
            std::lock_guard lock(m_mutex);
            m_done = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }
    Q_DISABLE_COPY_MOVE(Watchdog)

private:
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_done = false;
    std::thread m_thread;
};

double defaultDeadline(const Options &o)
{
    if (o.mode == u"fanout")
        return 240 + (o.ramp ? 24 * (o.rampStepSeconds + 15) : o.seconds + 30);
    if (o.mode == u"writes")
        return 180 + o.seconds;
    if (o.mode == u"failover")
        return 300;
    if (o.mode == u"seed" || o.mode == u"search")
        return 1200;
    return 420;
}

//! Whether `program --help` lists `option`.
bool serverKnowsOption(const QString &program, const QString &option)
{
    QProcess help;
    help.start(program, {QStringLiteral("--help")});
    return help.waitForFinished(10000) && help.readAllStandardOutput().contains(option.toUtf8());
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("hubbub-bench"));
    std::signal(SIGPIPE, SIG_IGN);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Loopback load generator for Hubbub protocol v1.\n"
        "Modes: fanout, writes, connections, history, seed, search, files, failover."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("mode"), QStringLiteral("What to measure."));
    auto option = [&parser](const char *name, const char *help, const char *valueName = nullptr,
                      const char *defaultValue = nullptr) {
        QCommandLineOption o(QString::fromLatin1(name), QString::fromLatin1(help));
        if (valueName)
            o.setValueName(QString::fromLatin1(valueName));
        if (defaultValue)
            o.setDefaultValue(QString::fromLatin1(defaultValue));
        parser.addOption(o);
        return o;
    };
    const auto url = option("url", "Server to measure (loopback only).", "ws://127.0.0.1:PORT");
    const auto pid = option("server-pid", "Pid of that server, for its CPU and memory.", "PID");
    const auto spawn = option("spawn", "Start this hubbub-server on 127.0.0.1.", "PATH");
    const auto spawnNode = option("spawn-node", "Start this yardstick.js with node.", "PATH");
    const auto db = option("db", "Database file (--spawn, seed, history).", "FILE");
    const auto durability = option("durability", "For --spawn: full|normal.", "MODE", "full");
    const auto json = option("json", "Write the results to this file.", "FILE");
    const auto trace = option("trace",
        "fanout: write each post's send/ack time and each receipt here (breakdown.js).", "FILE");
    const auto label = option("label", "Name of the server in the results.", "NAME");
    const auto threads = option("threads", "Worker threads (default: one per core).", "N");
    const auto subscribers = option("subscribers", "fanout: subscribers.", "N", "1000");
    const auto quantum = option("read-quantum-us",
        "fanout: subscriber threads pause this long after a read (0: never).", "US", "200");
    const auto subThreads = option(
        "subscriber-threads", "fanout: subscriber epoll threads (default --threads).", "N");
    const auto writers = option("writers", "fanout: writer connections (0: by rate).", "N", "0");
    const auto rate = option("rate", "fanout: posts/s; writes: creates/s offered.", "R", "50");
    const auto seconds = option("seconds", "Measured time.", "T", "10");
    const auto ramp = option("ramp", "fanout: raise the rate step by step (sustained rate).");
    const auto step = option("step-seconds", "fanout --ramp: seconds per step.", "T", "5");
    const auto connections
        = option("connections", "writes: connections; connections: idle connections.", "N", "60");
    const auto users = option("users", "Users whose tokens the connections share.", "N", "8");
    const auto requests = option("requests", "history: requests per figure.", "N", "50");
    const auto posts = option("posts", "seed: posts.", "N", "1000000");
    const auto messages = option("messages", "seed: chat messages.", "N", "1000000");
    const auto deadline = option("deadline", "Hard limit for the whole run, seconds.", "S");
    const auto fileMiB = option("file-mib", "files: size of the file, MiB.", "N", "100");
    const auto tls = option("tls", "With --spawn or --spawn-node: serve and connect over wss://.");
    const auto instances = option("instances",
        "With --spawn and --db postgresql://...: instances of one fresh database (failover: 2+).",
        "N", "1");
    const auto pgDir = option("pg-dir",
        "Folder of the PostgreSQL cluster (scripts/pg-cluster.sh), for its CPU time.", "DIR");
    parser.process(app);

    Options o;
    if (parser.positionalArguments().size() != 1)
        fail(QStringLiteral("give exactly one mode (see --help)"));
    o.mode = parser.positionalArguments().first();
    const QStringList modes {QStringLiteral("fanout"), QStringLiteral("writes"),
        QStringLiteral("connections"), QStringLiteral("history"), QStringLiteral("seed"),
        QStringLiteral("search"), QStringLiteral("files"), QStringLiteral("failover")};
    if (!modes.contains(o.mode))
        fail(QStringLiteral("unknown mode '%1'").arg(o.mode));
    o.url = QUrl(parser.value(url));
    o.tls = parser.isSet(tls);
    o.fileMiB = std::clamp(parser.value(fileMiB).toLongLong(), qint64(1), qint64(100));
    o.serverPid = parser.value(pid).toLongLong();
    o.spawnServer = parser.value(spawn);
    o.spawnNode = parser.value(spawnNode);
    o.db = parser.value(db);
    o.instances = std::clamp(parser.value(instances).toInt(), 1, 8);
    o.pgDir = parser.value(pgDir);
    o.durability = parser.value(durability);
    o.jsonPath = parser.value(json);
    o.tracePath = parser.value(trace);
    o.threads = parser.isSet(threads) ? parser.value(threads).toInt()
                                      : std::max(1, QThread::idealThreadCount());
    o.subscribers = parser.value(subscribers).toInt();
    o.writers = parser.value(writers).toInt();
    o.readQuantumUs = std::clamp(parser.value(quantum).toInt(), 0, 5000);
    o.subscriberThreads = parser.isSet(subThreads) ? parser.value(subThreads).toInt() : o.threads;
    o.rate = parser.value(rate).toDouble();
    o.seconds = parser.value(seconds).toDouble();
    o.ramp = parser.isSet(ramp);
    o.rampStepSeconds = parser.value(step).toDouble();
    o.connections = parser.value(connections).toInt();
    o.users = std::max(1, parser.value(users).toInt());
    o.requests = std::max(1, parser.value(requests).toInt());
    o.posts = parser.value(posts).toLongLong();
    o.messages = parser.value(messages).toLongLong();
    o.deadlineSeconds
        = parser.isSet(deadline) ? parser.value(deadline).toDouble() : defaultDeadline(o);
    o.label = parser.isSet(label) ? parser.value(label)
        : !o.spawnNode.isEmpty()  ? QStringLiteral("yardstick")
                                  : QStringLiteral("hubbub");
    if (o.seconds <= 0 || o.seconds > 600 || o.rate <= 0 || o.subscribers < 0
        || o.subscribers > 20000 || o.connections < 1 || o.connections > 20000)
        fail(QStringLiteral("an option is out of range (seconds 0..600, up to 20000 "
                            "connections)"));
    if (o.durability != u"full" && o.durability != u"normal")
        fail(QStringLiteral("--durability must be full or normal"));

    raiseFileLimit();
    Report report;
    TargetServer server;
    std::vector<std::unique_ptr<TargetServer>> others; //!< instances 1.. on PostgreSQL
    QUrl scratchDatabase;
    QTemporaryDir dataDir;
    if (o.mode == u"seed") {
        if (o.db.isEmpty())
            fail(QStringLiteral("seed needs --db FILE"));
        Watchdog watchdog(o.deadlineSeconds, {});
        runSeed(o, report);
    } else {
        if (o.mode == u"search" && (o.db.isEmpty() || !seedSearchDatabase(o, report)))
            fail(QStringLiteral("search needs --db FILE (seeded when it does not exist)"));
        if (!o.spawnServer.isEmpty()) {
            if (o.db.isEmpty())
                fail(QStringLiteral("--spawn needs --db FILE"));
            QStringList arguments {QStringLiteral("--host"), QStringLiteral("127.0.0.1"),
                QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--db"), o.db,
                QStringLiteral("--durability"), o.durability};
            // The plain ws:// figures: a build with TLS (on by default) is asked for plain, a
            // baseline from before TLS has no such option.
            // Plain ws:// unless --tls (a baseline from before TLS knows no --tls at all); its
            // own self-signed certificate beside --db with it.
            if (serverKnowsOption(o.spawnServer, QStringLiteral("--tls ")))
                arguments << QStringLiteral("--tls")
                          << (o.tls ? QStringLiteral("on") : QStringLiteral("off"))
                          << QStringLiteral("--no-announce");
            else if (o.tls)
                fail(QStringLiteral("%1 has no --tls").arg(o.spawnServer));
            const bool postgres = o.db.startsWith(u"postgresql://");
            if (postgres) {
                // A fresh database for every run, and the folder its instances share.
                QString error;
                scratchDatabase = createScratchDatabase(QUrl(o.db), error);
                if (!scratchDatabase.isValid())
                    fail(QStringLiteral("cannot create a database: %1").arg(error));
                arguments[arguments.indexOf(o.db)] = scratchDatabase.toString();
                arguments << QStringLiteral("--data-dir") << dataDir.path();
            } else if (o.instances > 1 || o.mode == u"failover") {
                fail(QStringLiteral("--instances and failover need --db postgresql://..."));
            }
            // The first instance alone: it creates the schema (and the certificate).
            if (!server.spawn(o.spawnServer, arguments, 60000))
                fail(server.error());
            const int count = o.mode == u"failover" ? std::max(2, o.instances) : o.instances;
            for (int i = 1; i < count; ++i) {
                others.push_back(std::make_unique<TargetServer>());
                if (!others.back()->spawn(o.spawnServer, arguments, 60000))
                    fail(others.back()->error());
            }
            if (postgres) {
                o.instanceUrls << server.url();
                o.instancePids << server.pid();
                for (const auto &other : others) {
                    o.instanceUrls << other->url();
                    o.instancePids << other->pid();
                }
            }
        } else if (!o.spawnNode.isEmpty()) {
            QStringList arguments {QStringLiteral("--max-old-space-size=4096"), o.spawnNode,
                QStringLiteral("--port"), QStringLiteral("0")};
            // The same kind of certificate as hubbub-server's own (ECDSA P-256), made the same
            // way, so that both do the same TLS work.
            static QTemporaryDir certificates;
            if (o.tls) {
                const QString certificate = certificates.filePath(QStringLiteral("cert.pem"));
                const QString key = certificates.filePath(QStringLiteral("key.pem"));
                if (Hubbub::Status s = Hubbub::Server::TlsContext::createSelfSigned(
                        certificate, key, QStringLiteral("yardstick"));
                    !s)
                    fail(s.error().message);
                arguments << QStringLiteral("--tls-cert") << certificate
                          << QStringLiteral("--tls-key") << key;
            }
            if (!server.spawn(QStringLiteral("node"), arguments, 30000))
                fail(server.error());
        } else {
            if (!o.url.isValid() || (o.url.scheme() != u"ws" && o.url.scheme() != u"wss"))
                fail(QStringLiteral("give --url ws://127.0.0.1:PORT, --spawn or --spawn-node"));
            if (o.serverPid > 0)
                server.attach(o.serverPid);
        }
        if (server.url().isValid())
            o.url = server.url();
        if (!isLoopback(o.url))
            fail(QStringLiteral("%1 is not a loopback address; hubbub-bench only measures "
                                "servers on this machine")
                     .arg(o.url.host()));
        report.set(QStringLiteral("serverStartupMs"), server.startupMs());
        QList<qint64> owned {server.ownedPid()};
        std::vector<TargetServer *> instanceServers {&server};
        for (const auto &other : others) {
            owned << other->ownedPid();
            instanceServers.push_back(other.get());
        }
        Watchdog watchdog(o.deadlineSeconds, owned);
        if (o.mode == u"failover")
            runFailover(o, instanceServers, report);
        else if (o.mode == u"fanout")
            runFanout(o, server, report);
        else if (o.mode == u"writes")
            runWrites(o, server, report);
        else if (o.mode == u"connections")
            runConnections(o, server, report);
        else if (o.mode == u"search")
            runSearch(o, server, report);
        else if (o.mode == u"files")
            runFiles(o, server, report);
        else
            runHistory(o, server, report);
        server.stop();
        others.clear();
        if (scratchDatabase.isValid())
            dropScratchDatabase(scratchDatabase);
    }

    report.print(QStringLiteral("%1 %2").arg(o.mode, o.label));
    if (!o.jsonPath.isEmpty()) {
        const QJsonObject header {{QStringLiteral("mode"), o.mode},
            {QStringLiteral("server"), o.label}, {QStringLiteral("threads"), o.threads},
            {QStringLiteral("arguments"), QJsonArray::fromStringList(app.arguments().mid(1))}};
        if (!report.writeJson(o.jsonPath, header))
            fail(QStringLiteral("cannot write %1").arg(o.jsonPath));
    }
    return report.failed() ? 1 : 0;
}
