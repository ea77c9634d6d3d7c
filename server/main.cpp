#include "commandline.h"
#include "logging.h"
#include "server.h"
#include "store/accountstore.h"
#include "store/sqlitetopostgres.h"
#include "store/userstore.h"
#include "store/writer.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSocketNotifier>

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

void onSignal(int number)
{
    const char byte = char(number);
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

//! SIGINT and SIGTERM become an orderly shutdown on the event loop (self-pipe); each signal
//! calls `onStop` (a second one ends the wait for the peers). SIGHUP calls `onReload`.
void installSignalHandlers(
    QObject *context, std::function<void()> onStop, std::function<void()> onReload)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, context);
    QObject::connect(notifier, &QSocketNotifier::activated, context, [onStop, onReload] {
        char byte = 0;
        if (::read(signalPipe[0], &byte, 1) != 1)
            return;
        if (byte == SIGHUP)
            onReload();
        else
            onStop();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGHUP, &action, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
}
#endif

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("hubbub-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HUBBUB_VERSION));

    const Result<CommandLine> parsed = CommandLine::parse(QCoreApplication::arguments());
    if (!parsed)
        fail(parsed.error().message);
    const CommandLine &line = *parsed;
    if (line.action == CommandLine::Action::ShowHelp
        || line.action == CommandLine::Action::ShowVersion) {
        std::fputs(qPrintable(line.text), stdout);
        return 0;
    }
    const ServerConfig &config = line.config;
    if (line.verbose)
        QLoggingCategory::setFilterRules(QStringLiteral("hubbub.*.debug=true"));

    if (line.action == CommandLine::Action::Promote) {
        Writer writer(DatabaseTarget::of(config), config.eventRetention);
        if (Status s = writer.start(); !s)
            fail(QStringLiteral("cannot open %1: %2")
                     .arg(DatabaseTarget::of(config).display(), s.error().message));
        const QString username = line.promoteUsername;
        WriteOutcome outcome = writer.runAndWait([username](WriteTx &tx) -> Result<QJsonObject> {
            Result<User> user = UserStore::setRole(tx, username, Role::Admin);
            if (!user)
                return user.error();
            // The audit log names no actor for the operator at the server's console.
            if (Status s = AccountStore::record(tx, std::nullopt, QStringLiteral("role"), user->id,
                    {{QStringLiteral("role"), QStringLiteral("admin")}});
                !s)
                return s.error();
            return user->toJson();
        });
        writer.stop();
        if (!outcome.result)
            fail(outcome.result.error().message);
        std::printf("%s is now an admin.\n",
            qPrintable(outcome.result->value(QLatin1StringView("username")).toString()));
        return 0;
    }

    if (line.action == CommandLine::Action::MigrateFrom) {
        const Result<SqliteToPostgres::Report> report = SqliteToPostgres::copy(
            line.migrateFrom, DatabaseTarget::of(config), config.databasePath);
        if (!report)
            fail(QStringLiteral("nothing was copied: %1").arg(report.error().message));
        std::printf("Copied %lld rows of %d tables from %s, checked row by row; %lld uploaded "
                    "files%s.\n",
            static_cast<long long>(report->rows), report->tables, qPrintable(line.migrateFrom),
            static_cast<long long>(report->files),
            report->certificate ? " and the TLS certificate" : "");
        return 0;
    }

    Hubbub::Server::Server server(config);
    // Stop the writer thread before exiting on an error: exit() tears down Qt Sql under it.
    if (Status s = server.open(); !s) {
        server.shutdown();
        fail(QStringLiteral("cannot open %1: %2")
                 .arg(DatabaseTarget::of(config).display(), s.error().message));
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
    std::printf("Listening on %s://%s:%u\n", server.isTls() ? "wss" : "ws", qPrintable(host),
        unsigned(server.port()));
    // For an admin to read out to the people who will be asked to trust it.
    if (server.isTls())
        std::printf("Certificate SHA-256 fingerprint: %s\n", qPrintable(server.tlsFingerprint()));
    std::fflush(stdout);
    qCInfo(lcServer) << "database" << DatabaseTarget::of(config).display();

#ifdef Q_OS_UNIX
    installSignalHandlers(
        &app,
        [&server] {
            qCInfo(lcServer) << "shutting down";
            server.shutdown(); // stopped() follows once the peers have closed (2 s at most)
        },
        [&server] {
            if (!server.isTls()) {
                std::fprintf(stderr, "hubbub-server: SIGHUP: nothing to reload (TLS is off)\n");
                return;
            }
            if (Status s = server.reloadTls(); !s) {
                std::fprintf(stderr, "hubbub-server: kept the certificate in use: %s\n",
                    qPrintable(s.error().message));
                return;
            }
            std::printf(
                "Certificate SHA-256 fingerprint: %s\n", qPrintable(server.tlsFingerprint()));
            std::fflush(stdout);
        });
#endif
    QObject::connect(&server, &Hubbub::Server::Server::stopped, &app, &QCoreApplication::quit,
        Qt::QueuedConnection);
    return app.exec();
}
