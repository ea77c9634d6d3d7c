#include "logging.h"
#include "server.h"
#include "store/userstore.h"
#include "store/writer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QStandardPaths>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#endif

using namespace Hubbub;
using namespace Hubbub::Server;

namespace {

[[noreturn]] void fail(const QString &message)
{
    std::fprintf(stderr, "hubbub-server: %s\n", qPrintable(message));
    std::exit(1);
}

#ifdef Q_OS_UNIX
int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

//! SIGINT and SIGTERM become an orderly shutdown on the event loop (self-pipe); each signal
//! calls `onStop` (a second one ends the wait for the peers).
void installSignalHandlers(QObject *context, std::function<void()> onStop)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, context);
    QObject::connect(notifier, &QSocketNotifier::activated, context, [onStop] {
        char byte = 0;
        [[maybe_unused]] const auto got = ::read(signalPipe[0], &byte, 1);
        onStop();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
}
#endif

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("hubbub-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HUBBUB_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Hubbub feed and chat server"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption hostOption(QStringLiteral("host"),
        QStringLiteral("Address to listen on (default: all)."), QStringLiteral("ADDR"));
    const QCommandLineOption portOption(QStringLiteral("port"),
        QStringLiteral("Port (default 7300; 0 picks a free one)."), QStringLiteral("N"),
        QStringLiteral("7300"));
    const QCommandLineOption dbOption(
        QStringLiteral("db"), QStringLiteral("SQLite database file."), QStringLiteral("FILE"));
    const QCommandLineOption durabilityOption(QStringLiteral("durability"),
        QStringLiteral("full: fsync every commit (default); normal: faster, may lose the last "
                       "commits on power loss."),
        QStringLiteral("full|normal"), QStringLiteral("full"));
    const QCommandLineOption registrationOption(QStringLiteral("registration"),
        QStringLiteral("open: anyone may create an account (default); closed: only existing "
                       "users log in."),
        QStringLiteral("open|closed"), QStringLiteral("open"));
    const QCommandLineOption retentionOption(QStringLiteral("event-retention"),
        QStringLiteral("Events kept for catching up after a reconnect (default 100000)."),
        QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption promoteOption(QStringLiteral("promote"),
        QStringLiteral("Make USERNAME an admin and exit."), QStringLiteral("USERNAME"));
    const QCommandLineOption verboseOption(QStringLiteral("verbose"),
        QStringLiteral("Log every connection and the type of every request."));
    parser.addOptions({hostOption, portOption, dbOption, durabilityOption, registrationOption,
        retentionOption, promoteOption, verboseOption});
    parser.process(app);
    if (!parser.positionalArguments().isEmpty())
        fail(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));

    ServerConfig config;
    if (parser.isSet(hostOption)) {
        if (!config.host.setAddress(parser.value(hostOption)))
            fail(QStringLiteral("--host: '%1' is not an IP address").arg(parser.value(hostOption)));
    }
    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535)
        fail(QStringLiteral("--port: '%1' is not a port number").arg(parser.value(portOption)));
    config.port = quint16(port);

    const QString durability = parser.value(durabilityOption);
    if (durability == u"full")
        config.durability = Durability::Full;
    else if (durability == u"normal")
        config.durability = Durability::Normal;
    else
        fail(QStringLiteral("--durability must be full or normal"));

    const QString registration = parser.value(registrationOption);
    if (registration != u"open" && registration != u"closed")
        fail(QStringLiteral("--registration must be open or closed"));
    config.registrationOpen = registration == u"open";

    config.eventRetention = parser.value(retentionOption).toLongLong(&ok);
    if (!ok || config.eventRetention < 1)
        fail(QStringLiteral("--event-retention must be a whole number of at least 1"));

    if (parser.isSet(dbOption)) {
        config.databasePath = parser.value(dbOption);
    } else {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        if (dir.isEmpty() || !QDir().mkpath(dir))
            fail(QStringLiteral("no writable data folder; pass --db FILE"));
        config.databasePath = QDir(dir).filePath(QStringLiteral("hubbub.db"));
    }
    const QFileInfo dbFile(config.databasePath);
    if (!dbFile.absoluteDir().exists())
        fail(QStringLiteral("the folder of %1 does not exist").arg(config.databasePath));

    if (parser.isSet(verboseOption))
        QLoggingCategory::setFilterRules(QStringLiteral("hubbub.*.debug=true"));

    if (parser.isSet(promoteOption)) {
        if (!dbFile.exists())
            fail(QStringLiteral("there is no database at %1").arg(config.databasePath));
        Writer writer(config.databasePath, config.durability, config.eventRetention);
        if (Status s = writer.start(); !s)
            fail(QStringLiteral("cannot open %1: %2").arg(config.databasePath, s.error().message));
        const QString username = parser.value(promoteOption);
        WriteOutcome outcome = writer.runAndWait([username](WriteTx &tx) -> Result<QJsonObject> {
            Result<User> user = UserStore::setRole(tx, username, Role::Admin);
            if (!user)
                return user.error();
            return user->toJson();
        });
        writer.stop();
        if (!outcome.result)
            fail(outcome.result.error().message);
        std::printf("%s is now an admin.\n",
            qPrintable(outcome.result->value(QLatin1StringView("username")).toString()));
        return 0;
    }

    Hubbub::Server::Server server(config);
    // Stop the writer thread before exiting on an error: exit() tears down Qt Sql under it.
    if (Status s = server.open(); !s) {
        server.shutdown();
        fail(QStringLiteral("cannot open %1: %2").arg(config.databasePath, s.error().message));
    }
    if (Status s = server.listen(); !s) {
        server.shutdown();
        fail(s.error().message);
    }

    QString host = server.address().toString();
    if (server.address() == QHostAddress::Any || server.address() == QHostAddress::AnyIPv6
        || server.address() == QHostAddress::AnyIPv4)
        host = QStringLiteral("0.0.0.0");
    else if (server.address().protocol() == QAbstractSocket::IPv6Protocol)
        host = QLatin1Char('[') + host + QLatin1Char(']');
    std::printf("Listening on ws://%s:%u\n", qPrintable(host), unsigned(server.port()));
    std::fflush(stdout);
    qCInfo(lcServer) << "database" << config.databasePath;

#ifdef Q_OS_UNIX
    installSignalHandlers(&app, [&server] {
        qCInfo(lcServer) << "shutting down";
        server.shutdown(); // stopped() follows once the peers have closed (2 s at most)
    });
#endif
    QObject::connect(&server, &Hubbub::Server::Server::stopped, &app, &QCoreApplication::quit,
        Qt::QueuedConnection);
    return app.exec();
}
