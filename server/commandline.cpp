#include "commandline.h"

#include "discovery.h"
#include "store/sqlconnection.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace Hubbub::Server {

namespace {

Error invalid(const QString &option, const QString &message)
{
    return makeError(ErrorCode::Invalid, message, option);
}

} // namespace

Result<CommandLine> CommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Hubbub feed and chat server"));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption hostOption(
        QStringLiteral("host"), tr("Address to listen on (default: all)."), QStringLiteral("ADDR"));
    const QCommandLineOption portOption(QStringLiteral("port"),
        tr("Port (default 7300; 0 picks a free one)."), QStringLiteral("N"),
        QStringLiteral("7300"));
    const QCommandLineOption dbOption(QStringLiteral("db"),
        tr("SQLite database file, or a PostgreSQL database as "
           "postgresql://USER@HOST:PORT/DBNAME, which any number of instances may share (the "
           "password from PGPASSFILE or PGPASSWORD, never here)."),
        QStringLiteral("FILE|URL"));
    const QCommandLineOption dataDirOption(QStringLiteral("data-dir"),
        tr("With PostgreSQL: the folder for uploaded files and the self-signed certificate; "
           "instances of one database share it (default: the user's data folder)."),
        QStringLiteral("DIR"));
    const QCommandLineOption migrateOption(QStringLiteral("migrate-from"),
        tr("Copy the SQLite database FILE (with its files and certificate) into the empty "
           "PostgreSQL database of --db, check it row by row, and exit."),
        QStringLiteral("FILE"));
    const QCommandLineOption durabilityOption(QStringLiteral("durability"),
        tr("full: fsync every commit (default); normal: faster, may lose the last commits on "
           "power loss."),
        QStringLiteral("full|normal"), QStringLiteral("full"));
    const QCommandLineOption registrationOption(QStringLiteral("registration"),
        tr("open: anyone may create an account (default); invite: only with an invite code "
           "from an admin; closed: only existing users log in."),
        QStringLiteral("open|invite|closed"), QStringLiteral("open"));
    const QCommandLineOption retentionOption(QStringLiteral("event-retention"),
        tr("Events kept for catching up after a reconnect (default 100000)."), QStringLiteral("N"),
        QStringLiteral("100000"));
    const QCommandLineOption promoteOption(QStringLiteral("promote"),
        tr("Make USERNAME an admin and exit."), QStringLiteral("USERNAME"));
    const QCommandLineOption verboseOption(
        QStringLiteral("verbose"), tr("Log every connection and the type of every request."));
    const QCommandLineOption tlsOption(QStringLiteral("tls"),
        tr("on: wss://, TLS 1.2 or newer (default); off: plain ws://, for a trusted network or a "
           "proxy that does TLS."),
        QStringLiteral("on|off"), QStringLiteral("on"));
    const QCommandLineOption certificateOption(QStringLiteral("tls-cert"),
        tr("PEM certificate (chain) to serve. Default: a self-signed one made on the first start "
           "beside the database. Read again on SIGHUP."),
        QStringLiteral("FILE"));
    const QCommandLineOption keyOption(QStringLiteral("tls-key"),
        tr("PEM private key of --tls-cert. Read again on SIGHUP."), QStringLiteral("FILE"));
    const QCommandLineOption nameOption(QStringLiteral("name"),
        tr("The server's name, as people on the network see it (default: the host name)."),
        QStringLiteral("NAME"));
    const QCommandLineOption noAnnounceOption(
        QStringLiteral("no-announce"), tr("Do not announce the server on the local network."));
    const QCommandLineOption discoveryPortOption(QStringLiteral("discovery-port"),
        tr("UDP port of the announcements on the local network (default 7300)."),
        QStringLiteral("N"), QStringLiteral("7300"));
    const QCommandLineOption metricsPortOption(QStringLiteral("metrics-port"),
        tr("Serve /metrics (Prometheus) and /healthz over HTTP on this port (default: off)."),
        QStringLiteral("N"));
    const QCommandLineOption metricsAddressOption(QStringLiteral("metrics-address"),
        tr("Address of the metrics port (default 127.0.0.1). Anyone who can reach it can read "
           "the metrics."),
        QStringLiteral("ADDR"));
    parser.addOptions({hostOption, portOption, dbOption, dataDirOption, migrateOption,
        durabilityOption, registrationOption, retentionOption, promoteOption, verboseOption,
        tlsOption, certificateOption, keyOption, nameOption, noAnnounceOption, discoveryPortOption,
        metricsPortOption, metricsAddressOption});

    // QCommandLineParser's own messages (unknown option, missing value) are translated by Qt.
    if (!parser.parse(arguments))
        return makeError(ErrorCode::BadRequest, parser.errorText());

    CommandLine line;
    if (parser.isSet(helpOption)) {
        line.action = Action::ShowHelp;
        line.text = parser.helpText();
        return line;
    }
    if (parser.isSet(versionOption)) {
        line.action = Action::ShowVersion;
        line.text = QCoreApplication::applicationName() + QLatin1Char(' ')
            + QCoreApplication::applicationVersion() + QLatin1Char('\n');
        return line;
    }
    if (!parser.positionalArguments().isEmpty()) {
        return makeError(ErrorCode::BadRequest,
            tr("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()));
    }

    ServerConfig &config = line.config;
    if (parser.isSet(hostOption) && !config.host.setAddress(parser.value(hostOption))) {
        return invalid(QStringLiteral("host"),
            tr("--host: '%1' is not an IP address").arg(parser.value(hostOption)));
    }

    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535) {
        return invalid(QStringLiteral("port"),
            tr("--port: '%1' is not a port number").arg(parser.value(portOption)));
    }
    config.port = quint16(port);

    const QString durability = parser.value(durabilityOption);
    if (durability == u"full")
        config.durability = Durability::Full;
    else if (durability == u"normal")
        config.durability = Durability::Normal;
    else
        return invalid(QStringLiteral("durability"), tr("--durability must be full or normal"));

    const QString registration = parser.value(registrationOption);
    if (registration == u"open")
        config.registration = Registration::Open;
    else if (registration == u"invite")
        config.registration = Registration::Invite;
    else if (registration == u"closed")
        config.registration = Registration::Closed;
    else
        return invalid(
            QStringLiteral("registration"), tr("--registration must be open, invite or closed"));

    config.eventRetention = parser.value(retentionOption).toLongLong(&ok);
    if (!ok || config.eventRetention < 1) {
        return invalid(QStringLiteral("event-retention"),
            tr("--event-retention must be a whole number of at least 1"));
    }

    const QString tls = parser.value(tlsOption);
    if (tls != u"on" && tls != u"off")
        return invalid(QStringLiteral("tls"), tr("--tls must be on or off"));
    config.tls = tls == u"on";
    if (parser.isSet(certificateOption) != parser.isSet(keyOption)) {
        return invalid(parser.isSet(certificateOption) ? QStringLiteral("tls-key")
                                                       : QStringLiteral("tls-cert"),
            tr("--tls-cert and --tls-key go together"));
    }
    if (parser.isSet(certificateOption)) {
        if (!config.tls) {
            return invalid(QStringLiteral("tls-cert"), tr("--tls-cert and --tls-key need TLS on"));
        }
        config.tlsCertificatePath = parser.value(certificateOption);
        config.tlsKeyPath = parser.value(keyOption);
        for (const QString &file : {config.tlsCertificatePath, config.tlsKeyPath}) {
            if (!QFileInfo(file).isReadable()) {
                return invalid(file == config.tlsKeyPath ? QStringLiteral("tls-key")
                                                         : QStringLiteral("tls-cert"),
                    tr("cannot read %1").arg(file));
            }
        }
    }
    config.name = parser.value(nameOption).trimmed();
    if (!config.name.isEmpty() && !Discovery::isValidName(config.name)) {
        return invalid(QStringLiteral("name"),
            tr("--name must be at most 63 characters, none of them control characters"));
    }

    config.announce = !parser.isSet(noAnnounceOption);
    const uint discoveryPort = parser.value(discoveryPortOption).toUInt(&ok);
    if (!ok || discoveryPort == 0 || discoveryPort > 65535) {
        return invalid(QStringLiteral("discovery-port"),
            tr("--discovery-port: '%1' is not a port number")
                .arg(parser.value(discoveryPortOption)));
    }
    config.discoveryPort = quint16(discoveryPort);

    if (parser.isSet(metricsPortOption)) {
        const uint metricsPort = parser.value(metricsPortOption).toUInt(&ok);
        if (!ok || metricsPort > 65535) {
            return invalid(QStringLiteral("metrics-port"),
                tr("--metrics-port: '%1' is not a port number")
                    .arg(parser.value(metricsPortOption)));
        }
        config.metricsPort = quint16(metricsPort);
    }
    if (parser.isSet(metricsAddressOption)) {
        if (!config.metricsPort) {
            return invalid(
                QStringLiteral("metrics-address"), tr("--metrics-address needs --metrics-port"));
        }
        if (!config.metricsHost.setAddress(parser.value(metricsAddressOption))) {
            return invalid(QStringLiteral("metrics-address"),
                tr("--metrics-address: '%1' is not an IP address")
                    .arg(parser.value(metricsAddressOption)));
        }
    }

    const QString db = parser.value(dbOption);
    if (db.startsWith(QLatin1StringView("postgresql:"))
        || db.startsWith(QLatin1StringView("postgres:"))) {
        if (Result<PostgresUrl> url = PostgresUrl::parse(db); !url)
            return invalid(QStringLiteral("db"), url.error().message);
        config.databaseUrl = db;
        QString dir = parser.value(dataDirOption);
        if (dir.isEmpty())
            dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        if (dir.isEmpty() || !QDir().mkpath(dir))
            return invalid(
                QStringLiteral("data-dir"), tr("no writable data folder; pass --data-dir DIR"));
        // Side files are named as beside an SQLite file "hubbub": hubbub.cert.pem, hubbub.files.
        config.databasePath = QDir(dir).filePath(QStringLiteral("hubbub"));
    } else if (parser.isSet(dataDirOption)) {
        return invalid(QStringLiteral("data-dir"),
            tr("--data-dir is for PostgreSQL; an SQLite database keeps its files beside it"));
    } else if (parser.isSet(dbOption)) {
        config.databasePath = db;
    } else {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        if (dir.isEmpty() || !QDir().mkpath(dir))
            return invalid(QStringLiteral("db"), tr("no writable data folder; pass --db FILE"));
        config.databasePath = QDir(dir).filePath(QStringLiteral("hubbub.db"));
    }
    const QFileInfo dbFile(config.databasePath);
    if (!dbFile.absoluteDir().exists()) {
        return invalid(
            QStringLiteral("db"), tr("the folder of %1 does not exist").arg(config.databasePath));
    }

    line.verbose = parser.isSet(verboseOption);
    if (parser.isSet(migrateOption)) {
        if (config.databaseUrl.isEmpty()) {
            return invalid(QStringLiteral("migrate-from"),
                tr("--migrate-from copies into PostgreSQL: pass --db postgresql://…"));
        }
        if (!QFileInfo::exists(parser.value(migrateOption))) {
            return invalid(QStringLiteral("migrate-from"),
                tr("there is no database at %1").arg(parser.value(migrateOption)));
        }
        line.action = Action::MigrateFrom;
        line.migrateFrom = parser.value(migrateOption);
    }
    if (parser.isSet(promoteOption)) {
        // Promoting into a database that is not there would create an empty one.
        if (config.databaseUrl.isEmpty() && !dbFile.exists()) {
            return invalid(
                QStringLiteral("db"), tr("there is no database at %1").arg(config.databasePath));
        }
        line.action = Action::Promote;
        line.promoteUsername = parser.value(promoteOption);
    }
    return line;
}

} // namespace Hubbub::Server
