// hubbub-server's command line (server/commandline.h): every option read into the config, the
// documented defaults, and each bad value refused with the option named and a one-line message.
// Placeholders in the arguments: {dir} a temporary folder, {db} an existing database file in it.
#include "commandline.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Hubbub;
using namespace Hubbub::Server;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Hubbub::Server::CommandLine::Action)
Q_DECLARE_METATYPE(Hubbub::Server::Durability)
Q_DECLARE_METATYPE(Hubbub::Server::Registration)

class tst_CommandLine final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void options_data();
    void options();
    void badValues_data();
    void badValues();
    void defaultDatabaseInAppData();
    void tlsAndName();
    void metrics_data();
    void metrics();
    void helpAndVersion();

private:
    //! `hubbub-server` followed by `arguments`, with the placeholders filled in.
    QStringList commandLine(const QStringList &arguments) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QTemporaryDir m_appData;
};

void tst_CommandLine::initTestCase()
{
    QCoreApplication::setApplicationName(u"hubbub-server"_s);
    QCoreApplication::setApplicationVersion(u"9.8.7"_s);
    QVERIFY(m_appData.isValid());
    // The default database goes to the app-data folder: keep it out of the user's home.
    QStandardPaths::setTestModeEnabled(true);
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_appData.path()));
}

void tst_CommandLine::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QFile db(m_dir->filePath(u"hubbub.db"_s));
    QVERIFY(db.open(QIODevice::WriteOnly)); // --promote only checks that the file is there
}

void tst_CommandLine::cleanup()
{
    m_dir.reset();
}

QStringList tst_CommandLine::commandLine(const QStringList &arguments) const
{
    QStringList line {u"hubbub-server"_s};
    for (QString argument : arguments) {
        argument.replace(u"{db}"_s, m_dir->filePath(u"hubbub.db"_s));
        argument.replace(u"{dir}"_s, m_dir->path());
        line << argument;
    }
    return line;
}

void tst_CommandLine::options_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<CommandLine::Action>("action");
    QTest::addColumn<QString>("host"); // empty: any address
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("database");
    QTest::addColumn<Durability>("durability");
    QTest::addColumn<Registration>("registration");
    QTest::addColumn<qint64>("retention");
    QTest::addColumn<QString>("promote");
    QTest::addColumn<bool>("verbose");

    const QStringList db {u"--db"_s, u"{db}"_s};
    auto row = [](const char *name, const QStringList &arguments) -> QTestData & {
        return QTest::addRow("%s", name) << arguments;
    };
    const auto serve = CommandLine::Action::Serve;
    const auto full = Durability::Full;
    const auto open = Registration::Open;
    const auto closed = Registration::Closed;
    row("defaults", db) << serve << QString() << 7300 << u"{db}"_s << full << open << qint64(100000)
                        << QString() << false;
    row("host IPv4", db + QStringList {u"--host"_s, u"127.0.0.1"_s})
        << serve << u"127.0.0.1"_s << 7300 << u"{db}"_s << full << open << qint64(100000)
        << QString() << false;
    row("host IPv6", db + QStringList {u"--host=::1"_s})
        << serve << u"::1"_s << 7300 << u"{db}"_s << full << open << qint64(100000) << QString()
        << false;
    row("port 0 picks one", db + QStringList {u"--port"_s, u"0"_s})
        << serve << QString() << 0 << u"{db}"_s << full << open << qint64(100000) << QString()
        << false;
    row("port 65535", db + QStringList {u"--port"_s, u"65535"_s})
        << serve << QString() << 65535 << u"{db}"_s << full << open << qint64(100000) << QString()
        << false;
    row("db in a folder that exists", {u"--db"_s, u"{dir}/new.db"_s})
        << serve << QString() << 7300 << u"{dir}/new.db"_s << full << open << qint64(100000)
        << QString() << false;
    row("durability full", db + QStringList {u"--durability"_s, u"full"_s})
        << serve << QString() << 7300 << u"{db}"_s << full << open << qint64(100000) << QString()
        << false;
    row("durability normal", db + QStringList {u"--durability"_s, u"normal"_s})
        << serve << QString() << 7300 << u"{db}"_s << Durability::Normal << open << qint64(100000)
        << QString() << false;
    row("registration open", db + QStringList {u"--registration"_s, u"open"_s})
        << serve << QString() << 7300 << u"{db}"_s << full << open << qint64(100000) << QString()
        << false;
    row("registration invite", db + QStringList {u"--registration"_s, u"invite"_s})
        << serve << QString() << 7300 << u"{db}"_s << full << Registration::Invite << qint64(100000)
        << QString() << false;
    row("registration closed", db + QStringList {u"--registration"_s, u"closed"_s})
        << serve << QString() << 7300 << u"{db}"_s << full << closed << qint64(100000) << QString()
        << false;
    row("event retention 1", db + QStringList {u"--event-retention"_s, u"1"_s})
        << serve << QString() << 7300 << u"{db}"_s << full << open << qint64(1) << QString()
        << false;
    row("event retention large", db + QStringList {u"--event-retention"_s, u"5000000000"_s})
        << serve << QString() << 7300 << u"{db}"_s << full << open << qint64(5000000000)
        << QString() << false;
    row("verbose", db + QStringList {u"--verbose"_s})
        << serve << QString() << 7300 << u"{db}"_s << full << open << qint64(100000) << QString()
        << true;
    row("promote", db + QStringList {u"--promote"_s, u"alice"_s})
        << CommandLine::Action::Promote << QString() << 7300 << u"{db}"_s << full << open
        << qint64(100000) << u"alice"_s << false;
    row("everything at once",
        {u"--host"_s, u"192.168.1.10"_s, u"--port"_s, u"7400"_s, u"--db"_s, u"{db}"_s,
            u"--durability"_s, u"normal"_s, u"--registration"_s, u"closed"_s,
            u"--event-retention"_s, u"250"_s, u"--verbose"_s})
        << serve << u"192.168.1.10"_s << 7400 << u"{db}"_s << Durability::Normal << closed
        << qint64(250) << QString() << true;
}

void tst_CommandLine::options()
{
    QFETCH(QStringList, arguments);
    QFETCH(CommandLine::Action, action);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, database);
    QFETCH(Durability, durability);
    QFETCH(Registration, registration);
    QFETCH(qint64, retention);
    QFETCH(QString, promote);
    QFETCH(bool, verbose);

    const Result<CommandLine> parsed = CommandLine::parse(commandLine(arguments));
    QVERIFY2(parsed.ok(), parsed ? "" : qPrintable(parsed.error().toString()));
    const CommandLine &line = *parsed;
    QCOMPARE(line.action, action);
    QCOMPARE(
        line.config.host, host.isEmpty() ? QHostAddress(QHostAddress::Any) : QHostAddress(host));
    QCOMPARE(int(line.config.port), port);
    QCOMPARE(line.config.databasePath, commandLine({database}).constLast());
    QCOMPARE(line.config.durability, durability);
    QCOMPARE(line.config.registration, registration);
    QCOMPARE(line.config.eventRetention, retention);
    QCOMPARE(line.promoteUsername, promote);
    QCOMPARE(line.verbose, verbose);
    QVERIFY(line.text.isEmpty());
    // What the command line does not set keeps ServerConfig's defaults.
    QCOMPARE(line.config.maxConnections, ServerConfig().maxConnections);
    QCOMPARE(line.config.pingInterval.count(), ServerConfig().pingInterval.count());
}

void tst_CommandLine::badValues_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("field"); // the option named by the error; empty: none
    QTest::addColumn<QString>("message");

    const QStringList db {u"--db"_s, u"{db}"_s};
    auto row = [&db](const char *name, const QStringList &arguments) -> QTestData & {
        return QTest::addRow("%s", name) << db + arguments;
    };
    row("host name", {u"--host"_s, u"localhost"_s})
        << u"host"_s << u"--host: 'localhost' is not an IP address"_s;
    row("host empty", {u"--host="_s}) << u"host"_s << u"--host: '' is not an IP address"_s;
    row("port 65536", {u"--port"_s, u"65536"_s})
        << u"port"_s << u"--port: '65536' is not a port number"_s;
    row("port 70000", {u"--port"_s, u"70000"_s})
        << u"port"_s << u"--port: '70000' is not a port number"_s;
    row("port negative", {u"--port=-1"_s}) << u"port"_s << u"--port: '-1' is not a port number"_s;
    row("port not a number", {u"--port"_s, u"http"_s})
        << u"port"_s << u"--port: 'http' is not a port number"_s;
    row("port empty", {u"--port="_s}) << u"port"_s << u"--port: '' is not a port number"_s;
    row("durability unknown", {u"--durability"_s, u"bogus"_s})
        << u"durability"_s << u"--durability must be full or normal"_s;
    row("durability in capitals", {u"--durability"_s, u"FULL"_s})
        << u"durability"_s << u"--durability must be full or normal"_s;
    row("registration unknown", {u"--registration"_s, u"maybe"_s})
        << u"registration"_s << u"--registration must be open, invite or closed"_s;
    row("event retention 0", {u"--event-retention"_s, u"0"_s})
        << u"event-retention"_s << u"--event-retention must be a whole number of at least 1"_s;
    row("event retention negative", {u"--event-retention=-5"_s})
        << u"event-retention"_s << u"--event-retention must be a whole number of at least 1"_s;
    row("event retention fraction", {u"--event-retention"_s, u"1.5"_s})
        << u"event-retention"_s << u"--event-retention must be a whole number of at least 1"_s;
    row("stray argument", {u"extra"_s}) << QString() << u"unexpected argument 'extra'"_s;
    row("unknown option", {u"--colour"_s}) << QString() << u"Unknown option 'colour'."_s;
    row("value missing", {u"--port"_s}) << QString() << u"Missing value after '--port'."_s;
    QTest::addRow("db folder missing")
        << QStringList {u"--db"_s, u"{dir}/no/such/hubbub.db"_s} << u"db"_s
        << u"the folder of {dir}/no/such/hubbub.db does not exist"_s;
    row("tls unknown", {u"--tls"_s, u"yes"_s}) << u"tls"_s << u"--tls must be on or off"_s;
    row("tls-cert without tls-key", {u"--tls-cert"_s, u"{db}"_s})
        << u"tls-key"_s << u"--tls-cert and --tls-key go together"_s;
    row("tls-key without tls-cert", {u"--tls-key"_s, u"{db}"_s})
        << u"tls-cert"_s << u"--tls-cert and --tls-key go together"_s;
    row("tls-cert unreadable", {u"--tls-cert"_s, u"{dir}/missing.crt"_s, u"--tls-key"_s, u"{db}"_s})
        << u"tls-cert"_s << u"cannot read {dir}/missing.crt"_s;
    row("tls-key unreadable", {u"--tls-cert"_s, u"{db}"_s, u"--tls-key"_s, u"{dir}/missing.key"_s})
        << u"tls-key"_s << u"cannot read {dir}/missing.key"_s;
    row("certificate with tls off",
        {u"--tls"_s, u"off"_s, u"--tls-cert"_s, u"{db}"_s, u"--tls-key"_s, u"{db}"_s})
        << u"tls-cert"_s << u"--tls-cert and --tls-key need TLS on"_s;
    row("name too long", {u"--name"_s, QString(64, u'n')})
        << u"name"_s << u"--name must be at most 63 characters, none of them control characters"_s;
    row("name with a control character", {u"--name"_s, u"office\u0007hub"_s})
        << u"name"_s << u"--name must be at most 63 characters, none of them control characters"_s;
    row("metrics port 65536", {u"--metrics-port"_s, u"65536"_s})
        << u"metrics-port"_s << u"--metrics-port: '65536' is not a port number"_s;
    row("metrics port not a number", {u"--metrics-port"_s, u"prometheus"_s})
        << u"metrics-port"_s << u"--metrics-port: 'prometheus' is not a port number"_s;
    row("metrics port negative", {u"--metrics-port=-1"_s})
        << u"metrics-port"_s << u"--metrics-port: '-1' is not a port number"_s;
    row("metrics address without a port", {u"--metrics-address"_s, u"0.0.0.0"_s})
        << u"metrics-address"_s << u"--metrics-address needs --metrics-port"_s;
    row("metrics address a host name",
        {u"--metrics-port"_s, u"9300"_s, u"--metrics-address"_s, u"localhost"_s})
        << u"metrics-address"_s << u"--metrics-address: 'localhost' is not an IP address"_s;
    QTest::addRow("promote without a database") << QStringList {u"--db"_s, u"{dir}/missing.db"_s,
        u"--promote"_s, u"alice"_s} << u"db"_s << u"there is no database at {dir}/missing.db"_s;
}

void tst_CommandLine::badValues()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, field);
    QFETCH(QString, message);

    const Result<CommandLine> parsed = CommandLine::parse(commandLine(arguments));
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().field, field);
    QCOMPARE(parsed.error().message, commandLine({message}).constLast());
    QCOMPARE(parsed.error().code, field.isEmpty() ? ErrorCode::BadRequest : ErrorCode::Invalid);
}

void tst_CommandLine::tlsAndName()
{
    const QStringList db {u"--db"_s, u"{db}"_s};
    // TLS is on by default, with the certificate made beside the database.
    Result<CommandLine> parsed = CommandLine::parse(commandLine(db));
    QVERIFY(parsed.ok());
    QVERIFY(parsed->config.tls);
    QVERIFY(parsed->config.tlsCertificatePath.isEmpty());
    QVERIFY(parsed->config.tlsKeyPath.isEmpty());
    QVERIFY(parsed->config.name.isEmpty());

    parsed = CommandLine::parse(commandLine(db + QStringList {u"--tls"_s, u"off"_s}));
    QVERIFY(parsed.ok());
    QVERIFY(!parsed->config.tls);

    // Given files (readable: the test's database file stands in for both).
    parsed = CommandLine::parse(commandLine(db
        + QStringList {u"--tls-cert"_s, u"{db}"_s, u"--tls-key"_s, u"{db}"_s, u"--name"_s,
            u"  Büro 3 — 会議室  "_s}));
    QVERIFY2(parsed.ok(), parsed ? "" : qPrintable(parsed.error().toString()));
    QVERIFY(parsed->config.tls);
    QCOMPARE(parsed->config.tlsCertificatePath, commandLine({u"{db}"_s}).constLast());
    QCOMPARE(parsed->config.tlsKeyPath, commandLine({u"{db}"_s}).constLast());
    QCOMPARE(parsed->config.name, u"Büro 3 — 会議室"_s); // trimmed, any script
}

void tst_CommandLine::metrics_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("port"); // -1: off
    QTest::addColumn<QString>("address");

    QTest::addRow("off by default") << QStringList() << -1 << u"127.0.0.1"_s;
    QTest::addRow("on, loopback by default")
        << QStringList {u"--metrics-port"_s, u"9300"_s} << 9300 << u"127.0.0.1"_s;
    QTest::addRow("port 0 picks one") << QStringList {u"--metrics-port=0"_s} << 0 << u"127.0.0.1"_s;
    QTest::addRow("IPv6 loopback")
        << QStringList {u"--metrics-port"_s, u"9300"_s, u"--metrics-address"_s, u"::1"_s} << 9300
        << u"::1"_s;
    QTest::addRow("a LAN address")
        << QStringList {u"--metrics-address=192.168.1.10"_s, u"--metrics-port=65535"_s} << 65535
        << u"192.168.1.10"_s;
}

void tst_CommandLine::metrics()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, port);
    QFETCH(QString, address);

    const Result<CommandLine> parsed
        = CommandLine::parse(commandLine(QStringList {u"--db"_s, u"{db}"_s} + arguments));
    QVERIFY2(parsed.ok(), parsed ? "" : qPrintable(parsed.error().toString()));
    QCOMPARE(parsed->config.metricsPort.has_value(), port >= 0);
    if (port >= 0)
        QCOMPARE(int(*parsed->config.metricsPort), port);
    QCOMPARE(parsed->config.metricsHost, QHostAddress(address));
    QCOMPARE(parsed->config.port, quint16(7300)); // the WebSocket port is another one
}

void tst_CommandLine::defaultDatabaseInAppData()
{
    const QString appData = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QVERIFY(!appData.isEmpty());
    QDir(appData).removeRecursively();

    const Result<CommandLine> parsed = CommandLine::parse({u"hubbub-server"_s});
    QVERIFY2(parsed.ok(), parsed ? "" : qPrintable(parsed.error().toString()));
    QCOMPARE(parsed->config.databasePath, QDir(appData).filePath(u"hubbub.db"_s));
    QVERIFY(QFileInfo(appData).isDir()); // created, so that SQLite can create the file in it
    QCOMPARE(parsed->action, CommandLine::Action::Serve);
}

void tst_CommandLine::helpAndVersion()
{
    for (const QString &flag : {u"--help"_s, u"-h"_s}) {
        // Help wins over bad values elsewhere on the line, as QCommandLineParser::process() did.
        const Result<CommandLine> help
            = CommandLine::parse(commandLine({flag, u"--port"_s, u"99999"_s}));
        QVERIFY2(help.ok(), qPrintable(flag));
        QCOMPARE(help->action, CommandLine::Action::ShowHelp);
        for (const char *option :
            {"--host", "--port", "--db", "--durability", "--registration", "--event-retention",
                "--promote", "--verbose", "--metrics-port", "--metrics-address", "--version"}) {
            QVERIFY2(help->text.contains(QLatin1StringView(option)), option);
        }
    }
    for (const QString &flag : {u"--version"_s, u"-v"_s}) {
        const Result<CommandLine> version = CommandLine::parse(commandLine({flag}));
        QVERIFY2(version.ok(), qPrintable(flag));
        QCOMPARE(version->action, CommandLine::Action::ShowVersion);
        QCOMPARE(version->text, u"hubbub-server 9.8.7\n"_s);
    }
}

QTEST_GUILESS_MAIN(tst_CommandLine)
#include "tst_commandline.moc"
