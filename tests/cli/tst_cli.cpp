// hubbub-cli end to end: the real binary through QProcess, against the real hubbub-server binary
// on loopback, with its settings and token in a folder of the test's (--config /
// HUBBUB_CLI_CONFIG, no keychain). Every exit code, the password sources, export read back
// field by field, tail across restarts of the server and of itself, and a server of two
// addresses that moves from one to the other.

#include "serverprocess.h"
#include "testclient.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

#include <csignal>
#include <sys/types.h>

using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

namespace {

const QString Password = u"correct horse"_s;

struct Run
{
    bool finished = false;
    int code = -1;
    QByteArray out;
    QByteArray err;
    qint64 elapsedMs = 0;

    QString describe() const
    {
        return u"exit %1 after %2 ms\nstdout: %3\nstderr: %4"_s.arg(finished ? code : -1)
            .arg(elapsedMs)
            .arg(QString::fromUtf8(out), QString::fromUtf8(err));
    }
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    QJsonObject jsonError() const
    {
        return QJsonDocument::fromJson(err).object().value("error"_L1).toObject();
    }
};

//! RFC 4180: records end with CRLF; a quoted field may hold commas, CR, LF and doubled quotes.
//! nullopt when the bytes are not well-formed CSV (an unquoted quote or a bare LF).
std::optional<QList<QStringList>> parseCsv(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    bool wasQuoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == u'"') {
            if (!field.isEmpty() || wasQuoted)
                return std::nullopt;
            quoted = wasQuoted = true;
        } else if (c == u',') {
            record.append(field);
            field.clear();
            wasQuoted = false;
        } else if (c == u'\r') {
            if (i + 1 >= text.size() || text.at(i + 1) != u'\n')
                return std::nullopt;
            ++i;
            record.append(field);
            records.append(record);
            record.clear();
            field.clear();
            wasQuoted = false;
        } else if (c == u'\n') {
            return std::nullopt;
        } else {
            if (wasQuoted)
                return std::nullopt;
            field += c;
        }
    }
    if (quoted || !field.isEmpty() || !record.isEmpty())
        return std::nullopt; // the last record must end with CRLF
    return records;
}

QString optionalText(const QJsonValue &value)
{
    return value.isString() ? value.toString() : QString();
}

QString number(const QJsonValue &value)
{
    return value.isDouble() ? QString::number(value.toInteger()) : QString();
}

} // namespace

class tst_Cli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void help();
    void passwordSources();
    void passwordPrompt();
    void notSignedIn();
    void postAndSend();
    void historyPages();
    void search();
    void exportRoundTrip();
    void exportPaging();
    void admin();
    void oneTimeCode();
    void unreachableAndSilentServers();
    void tailStateAcrossRestarts();
    void tailStoppedDuringABurst();
    void tailNewStateFile();
    void tailBadStates();
    void tailAcrossServerRestart();
    void tailEndsWhenTheTokenIsRefused();
    void tailFailsOverToTheNextAddress();
    void tlsTrust();
    void translated();
    void keychain();

private:
    //! Runs hubbub-cli with `config` as its settings folder (HUBBUB_CLI_CONFIG), `input` on
    //! standard input, `environment` added, in English.
    Run cli(const QString &config, const QStringList &arguments, const QByteArray &input = {},
        const QList<QPair<QString, QString>> &environment = {}, int timeoutMs = 30000);
    //! Runs hubbub-cli in `environment` as it is.
    Run run(const QProcessEnvironment &environment, const QStringList &arguments,
        const QByteArray &input = {}, int timeoutMs = 30000);
    QProcessEnvironment environmentFor(
        const QString &config, const QList<QPair<QString, QString>> &environment) const;
    //! Starts `tail` with `arguments`; the caller waits for its lines.
    std::unique_ptr<QProcess> startTail(const QString &config, const QStringList &arguments);
    //! The seqs of the events after `after` in the server's database.
    QList<qint64> storedSeqs(qint64 after) const;
    qint64 head() const { return storedSeqs(0).value(storedSeqs(0).size() - 1, 0); }
    //! A TestClient signed in as `username` on the server.
    std::unique_ptr<TestClient> client(const QString &username);
    QString configDir(const QString &name) const { return m_dir.filePath(u"config-"_s + name); }

    QTemporaryDir m_dir;
    QString m_db;
    std::unique_ptr<ServerProcess> m_server;
    quint16 m_port = 0;
    QString m_url;
};

QProcessEnvironment tst_Cli::environmentFor(
    const QString &config, const QList<QPair<QString, QString>> &environment) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : {u"HUBBUB_PASSWORD"_s, u"HUBBUB_NEW_PASSWORD"_s, u"LANGUAGE"_s,
             u"LC_MESSAGES"_s, u"QT_LOGGING_RULES"_s})
        env.remove(name);
    env.insert(u"LANG"_s, u"C.UTF-8"_s);
    env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    env.insert(u"HUBBUB_CLI_CONFIG"_s, configDir(config));
    for (const auto &[name, value] : environment)
        env.insert(name, value);
    return env;
}

Run tst_Cli::cli(const QString &config, const QStringList &arguments, const QByteArray &input,
    const QList<QPair<QString, QString>> &environment, int timeoutMs)
{
    return run(environmentFor(config, environment), arguments, input, timeoutMs);
}

Run tst_Cli::run(const QProcessEnvironment &environment, const QStringList &arguments,
    const QByteArray &input, int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    QElapsedTimer clock;
    clock.start();
    process.start(QStringLiteral(HUBBUB_CLI_BINARY), arguments);
    Run run;
    if (!process.waitForStarted(10000))
        return run;
    process.write(input);
    process.closeWriteChannel();
    // Spins the event loop (not waitForFinished): a server in this process must keep answering.
    run.finished = QTest::qWaitFor(
        [&process] { return process.state() == QProcess::NotRunning; }, timeoutMs);
    run.elapsedMs = clock.elapsed();
    if (!run.finished) {
        process.kill();
        process.waitForFinished();
    }
    run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

std::unique_ptr<QProcess> tst_Cli::startTail(const QString &config, const QStringList &arguments)
{
    auto process = std::make_unique<QProcess>();
    process->setProcessEnvironment(environmentFor(config, {}));
    process->start(QStringLiteral(HUBBUB_CLI_BINARY), QStringList {u"tail"_s} + arguments);
    process->waitForStarted(10000);
    process->closeWriteChannel();
    return process;
}

QList<qint64> tst_Cli::storedSeqs(qint64 after) const
{
    QList<qint64> seqs;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"tst_cli_reader"_s);
        db.setDatabaseName(m_db);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (db.open()) {
            QSqlQuery query(db);
            query.prepare(u"SELECT seq FROM events WHERE seq > ? ORDER BY seq"_s);
            query.addBindValue(after);
            if (query.exec()) {
                while (query.next())
                    seqs.append(query.value(0).toLongLong());
            }
        }
    }
    QSqlDatabase::removeDatabase(u"tst_cli_reader"_s);
    return seqs;
}

std::unique_ptr<TestClient> tst_Cli::client(const QString &username)
{
    auto client = std::make_unique<TestClient>();
    if (!client->open(QUrl(m_url)))
        return nullptr;
    const QJsonObject login = client->login(username, Password);
    if (!login.value("ok"_L1).toBool())
        return nullptr;
    return client;
}

//! Reads lines from a running process until `count` have come (or `timeoutMs`).
static QList<QByteArray> readLines(
    QProcess &process, QByteArray &buffer, qsizetype count, int timeoutMs = 20000)
{
    QList<QByteArray> lines;
    (void)QTest::qWaitFor(
        [&] {
            buffer += process.readAllStandardOutput();
            while (buffer.contains('\n')) {
                const qsizetype end = buffer.indexOf('\n');
                lines.append(buffer.left(end));
                buffer.remove(0, end + 1);
            }
            return lines.size() >= count || process.state() == QProcess::NotRunning;
        },
        timeoutMs);
    return lines;
}

//! Waits for a process to end (spinning the event loop); true also when it had ended already,
//! which QProcess::waitForFinished() reports as false.
static bool waitForExit(QProcess &process, int timeoutMs = 15000)
{
    return QTest::qWaitFor(
        [&process] { return process.state() == QProcess::NotRunning; }, timeoutMs);
}

static qint64 seqOf(const QByteArray &line)
{
    return QJsonDocument::fromJson(line).object().value("seq"_L1).toInteger(-1);
}

void tst_Cli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(u"hubbub.db"_s);
    m_server = std::make_unique<ServerProcess>(QStringLiteral(HUBBUB_SERVER_BINARY), m_db);
    // normal durability: acknowledged changes survive a killed server (not a power cut), and
    // the thousand writes of these tests need no fsync each.
    const QStringList options {u"--durability"_s, u"normal"_s};
    QVERIFY2(m_server->start(options), qPrintable(m_server->diagnostics()));
    m_port = m_server->port();
    m_url = u"ws://127.0.0.1:%1"_s.arg(m_port);
    for (const QString &name : {u"alice"_s, u"bob"_s, u"carol"_s, u"dave"_s}) {
        TestClient client;
        QVERIFY(client.open(QUrl(m_url)));
        const QJsonObject registered = client.registerUser(name, Password);
        QVERIFY2(
            registered.value("ok"_L1).toBool(), QJsonDocument(registered).toJson().constData());
    }
    QVERIFY2(m_server->terminate(), qPrintable(m_server->diagnostics()));
    QProcess promote;
    promote.start(
        QStringLiteral(HUBBUB_SERVER_BINARY), {u"--db"_s, m_db, u"--promote"_s, u"alice"_s});
    QVERIFY(promote.waitForFinished(20000));
    QCOMPARE(promote.exitCode(), 0);
    QVERIFY2(m_server->start(options, m_port), qPrintable(m_server->diagnostics()));

    for (const QString &name : {u"alice"_s, u"bob"_s, u"carol"_s}) {
        const Run login = cli(name, {u"login"_s, u"--server"_s, m_url, u"--user"_s, name}, {},
            {{u"HUBBUB_PASSWORD"_s, Password}});
        QVERIFY2(login.code == 0, qPrintable(login.describe()));
    }
}

void tst_Cli::help()
{
    const Run general = cli(u"help"_s, {u"--help"_s});
    QVERIFY2(general.code == 0, qPrintable(general.describe()));
    const QString text = QString::fromUtf8(general.out);
    for (const QString &command : {u"login"_s, u"logout"_s, u"whoami"_s, u"channels"_s, u"post"_s,
             u"send"_s, u"history"_s, u"search"_s, u"export"_s, u"tail"_s, u"admin users"_s,
             u"admin role"_s, u"admin disable"_s, u"admin enable"_s, u"admin reset-password"_s,
             u"invite create"_s, u"invite list"_s, u"invite revoke"_s, u"audit"_s}) {
        QVERIFY2(text.contains(u"\n  "_s + command + u' '), qPrintable(command));
        // Every command has its help, the same both ways.
        const Run byHelp = cli(u"help"_s, QStringList {u"help"_s} + command.split(u' '));
        const Run byOption = cli(u"help"_s, command.split(u' ') + QStringList {u"--help"_s});
        QVERIFY2(byHelp.code == 0 && byOption.code == 0, qPrintable(byHelp.describe()));
        QCOMPARE(byHelp.out, byOption.out);
        QVERIFY2(byHelp.out.contains("Usage:") && byHelp.out.contains(command.toUtf8()),
            byHelp.out.constData());
    }
    for (int code = 0; code <= 8; ++code)
        QVERIFY2(text.contains(u"\n  %1  "_s.arg(code)), qPrintable(text));
    QVERIFY(cli(u"help"_s, {u"--version"_s}).out.startsWith("hubbub-cli " HUBBUB_VERSION));

    // Usage errors: 2, on standard error, nothing on standard output.
    const QList<QStringList> wrong {{}, {u"frobnicate"_s}, {u"post"_s},
        {u"post"_s, u"a"_s, u"b"_s, u"c"_s}, {u"send"_s, u"general"_s}, {u"admin"_s},
        {u"admin"_s, u"nothing"_s}, {u"history"_s, u"general"_s, u"--limit"_s, u"0"_s},
        {u"history"_s, u"general"_s, u"--limit"_s, u"many"_s}, {u"--no-such-option"_s, u"whoami"_s},
        {u"whoami"_s, u"--server"_s, u"http://127.0.0.1:1"_s},
        {u"export"_s, u"feed"_s, u"--format"_s, u"xml"_s}, {u"tail"_s, u"--since"_s, u"-1"_s},
        {u"whoami"_s, u"--timeout"_s, u"0"_s}, {u"help"_s, u"frobnicate"_s}};
    for (const QStringList &arguments : wrong) {
        const Run run = cli(u"alice"_s, arguments);
        QVERIFY2(run.code == 2 && run.out.isEmpty() && !run.err.isEmpty(),
            qPrintable(arguments.join(u' ') + u'\n' + run.describe()));
    }
    // With --json the usage error is JSON too.
    const Run json = cli(u"alice"_s, {u"--json"_s, u"frobnicate"_s});
    QCOMPARE(json.code, 2);
    QCOMPARE(json.jsonError().value("code"_L1).toString(), u"usage"_s);
}

void tst_Cli::passwordSources()
{
    // A file, its first line; standard input; the environment.
    const QString file = m_dir.filePath(u"password.txt"_s);
    {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(Password.toUtf8() + "\nnot part of it\n");
    }
    const Run fromFile = cli(u"pw-file"_s,
        {u"login"_s, u"--server"_s, m_url, u"--user"_s, u"bob"_s, u"--password-file"_s, file});
    QVERIFY2(fromFile.code == 0, qPrintable(fromFile.describe()));
    QVERIFY2(fromFile.out.contains("Signed in to ws://127.0.0.1:"), fromFile.out.constData());
    // A password file others can read is signed in with, and said so.
    QVERIFY(QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
    const Run readable = cli(u"pw-file-2"_s,
        {u"login"_s, u"--server"_s, m_url, u"--user"_s, u"bob"_s, u"--password-file"_s, file});
    QVERIFY2(
        readable.code == 0 && readable.err.contains("chmod 600"), qPrintable(readable.describe()));
    QVERIFY(QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner));
    QCOMPARE(
        cli(u"pw-file-3"_s,
            {u"login"_s, u"--server"_s, m_url, u"--user"_s, u"bob"_s, u"--password-file"_s, file})
            .err,
        QByteArray());
    const Run fromStdin = cli(u"pw-stdin"_s,
        {u"login"_s, u"--server"_s, m_url, u"--user"_s, u"bob"_s, u"--password-file"_s, u"-"_s},
        Password.toUtf8() + "\r\n");
    QVERIFY2(fromStdin.code == 0, qPrintable(fromStdin.describe()));
    const Run fromEnvironment
        = cli(u"pw-env"_s, {u"--json"_s, u"login"_s, u"--server"_s, m_url, u"--user"_s, u"BOB"_s},
            {}, {{u"HUBBUB_PASSWORD"_s, Password}});
    QVERIFY2(fromEnvironment.code == 0, qPrintable(fromEnvironment.describe()));
    QCOMPARE(fromEnvironment.json().value("user"_L1)["username"_L1].toString(), u"bob"_s);
    // Each is a session (a device) of its own, named as the CLI.
    for (const QString &config : {u"pw-file"_s, u"pw-stdin"_s, u"pw-env"_s}) {
        const Run whoami = cli(config, {u"--json"_s, u"whoami"_s});
        QVERIFY2(whoami.code == 0, qPrintable(whoami.describe()));
        QCOMPARE(whoami.json().value("user"_L1)["username"_L1].toString(), u"bob"_s);
        QVERIFY(whoami.json().value("tokenStore"_L1).toString().endsWith(u"secrets.json"_s));
    }
    {
        // As the account's list of devices shows them: hubbub-cli, on this system and host.
        auto bob = client(u"bob"_s);
        QVERIFY(bob);
        const QJsonObject listed = bob->request(u"session.list"_s);
        QVERIFY2(listed.value("ok"_L1).toBool(), QJsonDocument(listed).toJson().constData());
        int cli = 0;
        for (const QJsonValue &session : listed.value("sessions"_L1).toArray()) {
            const QString name = session["client"_L1].toString();
            cli += name.startsWith(u"hubbub-cli/" HUBBUB_VERSION " ("_s) ? 1 : 0;
        }
        QVERIFY2(cli >= 3, QJsonDocument(listed).toJson().constData());
    }
    // The token is in the secrets file (user-only), not in the settings file.
    QFile secrets(configDir(u"pw-file"_s) + u"/secrets.json"_s);
    QVERIFY(secrets.exists());
    QCOMPARE(secrets.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    QFile ini(configDir(u"pw-file"_s) + u"/hubbub-cli.ini"_s);
    QVERIFY(ini.open(QIODevice::ReadOnly));
    QVERIFY(!ini.readAll().contains("token="));

    // No password at all (standard input is no terminal here): refused, nothing sent.
    const Run none = cli(u"pw-none"_s, {u"login"_s, u"--server"_s, m_url, u"--user"_s, u"bob"_s});
    QVERIFY2(none.code == 2 && none.err.contains("HUBBUB_PASSWORD"), qPrintable(none.describe()));
    QVERIFY(!QFile::exists(configDir(u"pw-none"_s) + u"/secrets.json"_s));
    const Run onCommandLine = cli(u"pw-none"_s,
        {u"login"_s, u"--server"_s, m_url, u"--user"_s, u"bob"_s, u"--password"_s, Password});
    QCOMPARE(onCommandLine.code, 2);
    QVERIFY(!onCommandLine.err.contains(Password.toUtf8()));
    const Run missingFile = cli(u"pw-none"_s,
        {u"login"_s, u"--server"_s, m_url, u"--user"_s, u"bob"_s, u"--password-file"_s,
            m_dir.filePath(u"nope"_s)});
    QCOMPARE(missingFile.code, 2);
    // A wrong password: 3, with the server's code.
    const Run wrong
        = cli(u"pw-none"_s, {u"--json"_s, u"login"_s, u"--server"_s, m_url, u"--user"_s, u"bob"_s},
            {}, {{u"HUBBUB_PASSWORD"_s, u"not the password"_s}});
    QVERIFY2(wrong.code == 3, qPrintable(wrong.describe()));
    QCOMPARE(wrong.jsonError().value("code"_L1).toString(), u"unauthorized"_s);

    // logout ends that session on the server: its token no longer works anywhere.
    QFile copy(configDir(u"pw-file"_s) + u"/secrets.json"_s);
    QVERIFY(copy.open(QIODevice::ReadOnly));
    const QJsonObject stored = QJsonDocument::fromJson(copy.readAll()).object();
    QCOMPARE(stored.size(), 1);
    const QString token = stored.begin().value().toString();
    const Run logout = cli(u"pw-file"_s, {u"logout"_s});
    QVERIFY2(logout.code == 0, qPrintable(logout.describe()));
    TestClient raw;
    QVERIFY(raw.open(QUrl(m_url)));
    QCOMPARE(raw.request(u"auth.token"_s, {{u"token"_s, token}})["error"_L1]["code"_L1].toString(),
        u"unauthorized"_s);
    const Run after = cli(u"pw-file"_s, {u"whoami"_s});
    QCOMPARE(after.code, 3);
}

void tst_Cli::passwordPrompt()
{
    // A terminal (script(1) gives the CLI a pseudo-terminal): the password is asked without
    // echo, and what is typed never shows.
    if (QStandardPaths::findExecutable(u"script"_s).isEmpty())
        QSKIP("script(1) is not installed");
    QProcess terminal;
    terminal.setProcessEnvironment(environmentFor(u"pw-tty"_s, {}));
    terminal.setProcessChannelMode(QProcess::MergedChannels);
    const QString command
        = u"'%1' login --server %2 --user bob"_s.arg(QStringLiteral(HUBBUB_CLI_BINARY), m_url);
    terminal.start(u"script"_s, {u"-qec"_s, command, u"/dev/null"_s});
    QVERIFY(terminal.waitForStarted(10000));
    QByteArray seen;
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     seen += terminal.readAll();
                     return seen.contains("Password for bob on ws://127.0.0.1:");
                 },
                 15000),
        seen.constData());
    terminal.write(Password.toUtf8() + "\r");
    QVERIFY(waitForExit(terminal, 30000));
    seen += terminal.readAll();
    QVERIFY2(terminal.exitCode() == 0, seen.constData());
    QVERIFY2(seen.contains("Signed in to"), seen.constData());
    QVERIFY2(!seen.contains(Password.toUtf8()), seen.constData());
    QCOMPARE(cli(u"pw-tty"_s, {u"whoami"_s}).code, 0);

    // Ctrl+C at the prompt ends the CLI and leaves the terminal echoing again. (The shell
    // ignores SIGINT so that it goes on to show the terminal's flags.)
    QProcess interrupted;
    interrupted.setProcessEnvironment(environmentFor(u"pw-tty-2"_s, {}));
    interrupted.setProcessChannelMode(QProcess::MergedChannels);
    interrupted.start(u"script"_s,
        {u"-qec"_s,
            u"trap '' INT; '%1' login --server %2 --user bob; echo \"status $?\"; stty -a"_s.arg(
                QStringLiteral(HUBBUB_CLI_BINARY), m_url),
            u"/dev/null"_s});
    seen.clear();
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     seen += interrupted.readAll();
                     return seen.contains("Password for bob");
                 },
                 15000),
        seen.constData());
    interrupted.write("\x03");
    QVERIFY(waitForExit(interrupted, 30000));
    seen += interrupted.readAll();
    QVERIFY2(seen.contains("status 130"), seen.constData()); // 128 + SIGINT
    static const QRegularExpression echoOn(QStringLiteral("(?<![-\\w])echo(?!\\w)"));
    QVERIFY2(echoOn.match(QString::fromUtf8(seen)).hasMatch(), seen.constData());
    QVERIFY(!QFile::exists(configDir(u"pw-tty-2"_s) + u"/secrets.json"_s));
}

void tst_Cli::notSignedIn()
{
    for (const QStringList &arguments : {QStringList {u"whoami"_s}, {u"post"_s, u"title"_s},
             {u"send"_s, u"general"_s, u"x"_s}, {u"history"_s, u"general"_s},
             {u"export"_s, u"feed"_s}, {u"logout"_s}, {u"admin"_s, u"users"_s}}) {
        const Run run = cli(u"nobody"_s, QStringList {u"--server"_s, m_url} + arguments);
        QVERIFY2(run.code == 3 && run.out.isEmpty() && run.err.contains("not_signed_in"),
            qPrintable(arguments.join(u' ') + u'\n' + run.describe()));
    }
    // --config works like HUBBUB_CLI_CONFIG.
    const Run viaOption
        = cli(u"nobody"_s, {u"--config"_s, configDir(u"alice"_s), u"--json"_s, u"whoami"_s});
    QVERIFY2(viaOption.code == 0, qPrintable(viaOption.describe()));
    QCOMPARE(viaOption.json().value("user"_L1)["username"_L1].toString(), u"alice"_s);
    QCOMPARE(viaOption.json().value("user"_L1)["role"_L1].toString(), u"admin"_s);
}

void tst_Cli::postAndSend()
{
    const Run post = cli(u"alice"_s, {u"--json"_s, u"post"_s, u"Disk space"_s, u"-"_s},
        "Filesystem  Size\n/dev/sda1   1T\n");
    QVERIFY2(post.code == 0, qPrintable(post.describe()));
    const QJsonObject created = post.json().value("post"_L1).toObject();
    QCOMPARE(created.value("title"_L1).toString(), u"Disk space"_s);
    QCOMPARE(created.value("content"_L1).toString(), u"Filesystem  Size\n/dev/sda1   1T"_s);
    QVERIFY(post.json().value("seq"_L1).toInteger() > 0);
    const Run titleOnly = cli(u"alice"_s, {u"post"_s, u"Only a title"_s});
    QVERIFY2(titleOnly.code == 0 && titleOnly.out.startsWith("Posted ["),
        qPrintable(titleOnly.describe()));

    // A channel by #name, by name in another case, by id; a person.
    QStringList ids;
    for (const QString &target : {u"#general"_s, u"GENERAL"_s, u"1"_s}) {
        const Run send = cli(u"bob"_s, {u"--json"_s, u"send"_s, target, u"to "_s + target});
        QVERIFY2(send.code == 0, qPrintable(send.describe()));
        QCOMPARE(send.json()["message"_L1]["channelId"_L1].toInteger(), 1);
        QCOMPARE(send.json()["message"_L1]["text"_L1].toString(), u"to "_s + target);
    }
    const Run direct = cli(u"bob"_s, {u"--json"_s, u"send"_s, u"@Alice"_s, u"just us"_s});
    QVERIFY2(direct.code == 0, qPrintable(direct.describe()));
    const qint64 dm = direct.json()["message"_L1]["channelId"_L1].toInteger();
    QVERIFY(dm > 1);
    const Run readBack = cli(u"alice"_s, {u"--json"_s, u"history"_s, u"@bob"_s});
    QVERIFY2(readBack.code == 0, qPrintable(readBack.describe()));
    QCOMPARE(readBack.json().value("channelId"_L1).toInteger(), dm);
    QCOMPARE(readBack.json()["messages"_L1][0]["text"_L1].toString(), u"just us"_s);
    const Run channels = cli(u"alice"_s, {u"--json"_s, u"channels"_s});
    QVERIFY2(channels.code == 0, qPrintable(channels.describe()));
    QCOMPARE(channels.json()["channels"_L1][0]["name"_L1].toString(), u"general"_s);
    QCOMPARE(channels.json()["direct"_L1][0]["id"_L1].toInteger(), dm);
    const Run listed = cli(u"alice"_s, {u"channels"_s});
    QVERIFY2(listed.out.startsWith("1\t#general\tAnything and everything\n")
            && listed.out.contains(QByteArray(QByteArray::number(dm) + "\t@bob\n")),
        listed.out.constData());

    // Not found (4): a channel, a person, a conversation that does not exist, an unknown id.
    for (const QStringList &arguments : {QStringList {u"send"_s, u"#nosuch"_s, u"x"_s},
             {u"send"_s, u"@nosuch"_s, u"x"_s}, {u"history"_s, u"@carol"_s},
             {u"history"_s, u"999999"_s}, {u"export"_s, u"#nosuch"_s}}) {
        const Run run = cli(u"alice"_s, QStringList {u"--json"_s} + arguments);
        QVERIFY2(run.code == 4, qPrintable(arguments.join(u' ') + u'\n' + run.describe()));
        QCOMPARE(run.jsonError().value("code"_L1).toString(), u"not_found"_s);
    }
    // The server's refusal of a value: 1, with its code and field.
    const Run tooLong = cli(u"alice"_s, {u"--json"_s, u"post"_s, QString(300, u'x')});
    QCOMPARE(tooLong.code, 1);
    QCOMPARE(tooLong.jsonError().value("code"_L1).toString(), u"too_large"_s);
    QCOMPARE(tooLong.jsonError().value("field"_L1).toString(), u"title"_s);
    const Run blank = cli(u"alice"_s, {u"send"_s, u"general"_s, u"-"_s}, "   \n");
    QVERIFY2(blank.code == 1 && blank.err.contains("(invalid)"), qPrintable(blank.describe()));
    // Standard input that is not UTF-8 is refused before anything is sent.
    const Run binary = cli(u"alice"_s, {u"send"_s, u"general"_s, u"-"_s}, "caf\xe9\xff\n");
    QVERIFY2(binary.code == 2 && binary.err.contains("UTF-8"), qPrintable(binary.describe()));
}

void tst_Cli::historyPages()
{
    auto writer = client(u"dave"_s);
    QVERIFY(writer);
    const QJsonObject channel = writer->request(
        u"channel.create"_s, {{u"name"_s, u"pages"_s}, {u"topic"_s, u"paging"_s}});
    const qint64 channelId = channel["channel"_L1]["id"_L1].toInteger();
    QVERIFY(channelId > 0);
    QList<qint64> sent;
    for (int i = 0; i < 7; ++i) {
        const QJsonObject reply = writer->request(
            u"chat.send"_s, {{u"channelId"_s, channelId}, {u"text"_s, u"message %1"_s.arg(i)}});
        sent.append(reply["message"_L1]["id"_L1].toInteger());
    }
    const Run newest
        = cli(u"bob"_s, {u"--json"_s, u"history"_s, u"#pages"_s, u"--limit"_s, u"3"_s});
    QVERIFY2(newest.code == 0, qPrintable(newest.describe()));
    QJsonArray messages = newest.json().value("messages"_L1).toArray();
    QCOMPARE(messages.size(), 3);
    QCOMPARE(messages.at(0)["id"_L1].toInteger(), sent.at(4));
    QCOMPARE(messages.at(2)["id"_L1].toInteger(), sent.at(6));
    QVERIFY(newest.json().value("more"_L1).toBool());
    const Run older = cli(u"bob"_s,
        {u"--json"_s, u"history"_s, u"pages"_s, u"--limit"_s, u"3"_s, u"--before"_s,
            QString::number(sent.at(4))});
    messages = older.json().value("messages"_L1).toArray();
    QCOMPARE(messages.size(), 3);
    QCOMPARE(messages.at(0)["id"_L1].toInteger(), sent.at(1));
    const Run text = cli(u"bob"_s, {u"history"_s, u"pages"_s, u"--limit"_s, u"2"_s});
    QVERIFY2(text.code == 0, qPrintable(text.describe()));
    QCOMPARE(text.out.count('\n'), 3); // two messages and where older ones are
    QVERIFY2(text.out.contains("dave: message 6\n"), text.out.constData());
    QVERIFY2(text.out.contains(QByteArray("--before " + QByteArray::number(sent.at(5)))),
        text.out.constData());
}

void tst_Cli::search()
{
    auto writer = client(u"dave"_s);
    QVERIFY(writer);
    writer->request(
        u"chat.send"_s, {{u"channelId"_s, 1}, {u"text"_s, u"Quarterly budgét review"_s}});
    const Run found = cli(u"bob"_s, {u"--json"_s, u"search"_s, u"budget"_s});
    QVERIFY2(found.code == 0, qPrintable(found.describe()));
    const QJsonArray results = found.json().value("results"_L1).toArray();
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.at(0)["message"_L1]["text"_L1].toString(), u"Quarterly budgét review"_s);
    const Run text = cli(u"bob"_s, {u"search"_s, u"budget"_s, u"--channel"_s, u"general"_s});
    QVERIFY2(text.code == 0 && text.out.contains("dave"), qPrintable(text.describe()));
    const Run nothing = cli(u"bob"_s, {u"search"_s, u"budget"_s, u"--in"_s, u"posts"_s});
    QVERIFY2(
        nothing.code == 0 && nothing.out == "Nothing found.\n", qPrintable(nothing.describe()));
    const Run bad = cli(u"bob"_s, {u"--json"_s, u"search"_s, u"***"_s});
    QCOMPARE(bad.code, 1);
    QCOMPARE(bad.jsonError().value("field"_L1).toString(), u"query"_s);
}

void tst_Cli::exportRoundTrip()
{
    auto writer = client(u"dave"_s);
    QVERIFY(writer);
    const qint64 channelId
        = writer->request(u"channel.create"_s, {{u"name"_s, u"records"_s}})["channel"_L1]["id"_L1]
              .toInteger();
    QVERIFY(channelId > 0);
    const QStringList texts {u"Hello, world"_s, u"She said \"hi\", then \"bye\""_s,
        u"line one\nline two\n\nline four"_s,
        u"회의는 내일 10시에 해요 — café ☕ 👍🏽"_s, u"=SUM(A1:A2),\"\""_s,
        u"\"quoted, with comma\"\nand a newline"_s};
    for (const QString &text : texts) {
        const Run send = cli(u"bob"_s, {u"send"_s, u"#records"_s, u"-"_s}, text.toUtf8());
        QVERIFY2(send.code == 0, qPrintable(send.describe()));
    }
    // A reply and an edit, for the reply_to and edited_at columns.
    const QJsonObject first
        = writer->request(u"chat.history"_s, {{u"channelId"_s, channelId}, {u"limit"_s, 1}});
    const qint64 lastId = first["messages"_L1][0]["id"_L1].toInteger();
    const QJsonObject reply = writer->request(u"chat.send"_s,
        {{u"channelId"_s, channelId}, {u"text"_s, u"a reply"_s}, {u"replyTo"_s, lastId}});
    QVERIFY(reply.value("ok"_L1).toBool());
    QVERIFY(writer
                ->request(u"chat.edit"_s,
                    {{u"messageId"_s, reply["message"_L1]["id"_L1].toInteger()},
                        {u"text"_s, u"a reply, edited"_s}})
                .value("ok"_L1)
                .toBool());

    const QString jsonPath = m_dir.filePath(u"records.json"_s);
    const QString csvPath = m_dir.filePath(u"records.csv"_s);
    const Run json = cli(u"alice"_s, {u"export"_s, u"records"_s, u"--output"_s, jsonPath});
    QVERIFY2(
        json.code == 0 && json.out.contains("Exported 7 message"), qPrintable(json.describe()));
    const Run csv = cli(u"alice"_s,
        {u"--json"_s, u"export"_s, u"#records"_s, u"--format"_s, u"csv"_s, u"--output"_s, csvPath});
    QVERIFY2(csv.code == 0, qPrintable(csv.describe()));
    QCOMPARE(csv.json().value("count"_L1).toInt(), 7);
    const Run csvOut = cli(u"alice"_s, {u"export"_s, u"#records"_s, u"--format"_s, u"csv"_s});
    QVERIFY2(csvOut.code == 0, qPrintable(csvOut.describe()));

    QFile jsonFile(jsonPath);
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    const QJsonArray messages = QJsonDocument::fromJson(jsonFile.readAll()).array();
    QCOMPARE(messages.size(), 7);
    QFile csvFile(csvPath);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    const QByteArray csvBytes = csvFile.readAll();
    QCOMPARE(csvOut.out, csvBytes);
    const std::optional<QList<QStringList>> records = parseCsv(csvBytes);
    QVERIFY2(records, csvBytes.constData());
    QCOMPARE(records->size(), 8);
    const QStringList header {u"id"_s, u"channel_id"_s, u"author_id"_s, u"author"_s,
        u"author_display_name"_s, u"created_at"_s, u"edited_at"_s, u"reply_to"_s, u"text"_s,
        u"files"_s};
    QCOMPARE(records->at(0), header);
    for (int i = 0; i < 7; ++i) {
        const QJsonObject message = messages.at(i).toObject();
        const QStringList &row = records->at(i + 1);
        QCOMPARE(row.size(), header.size());
        QCOMPARE(row.at(0), number(message.value("id"_L1)));
        QCOMPARE(row.at(1), QString::number(channelId));
        QCOMPARE(row.at(2), number(message["author"_L1]["id"_L1]));
        QCOMPARE(row.at(3), message["author"_L1]["username"_L1].toString());
        QCOMPARE(row.at(4), optionalText(message["author"_L1]["displayName"_L1]));
        QCOMPARE(row.at(5), message.value("createdAt"_L1).toString());
        QCOMPARE(row.at(6), optionalText(message.value("editedAt"_L1)));
        QCOMPARE(row.at(7), number(message["replyTo"_L1]["id"_L1]));
        QCOMPARE(row.at(8), message.value("text"_L1).toString());
        QCOMPARE(row.at(9), QString());
        if (i < texts.size()) { // oldest first, exactly as sent
            QCOMPARE(message.value("text"_L1).toString(), texts.at(i));
            QCOMPARE(row.at(3), u"bob"_s);
        }
        if (i > 0)
            QVERIFY(message.value("id"_L1).toInteger() > messages.at(i - 1)["id"_L1].toInteger());
    }
    QCOMPARE(records->at(7).at(7), QString::number(lastId));
    QVERIFY(!records->at(7).at(6).isEmpty());

    // The feed: titles and contents with the same troubles.
    const Run post = cli(u"carol"_s, {u"post"_s, u"Menu, \"today\""_s, u"-"_s},
        u"김치찌개\n\"spicy\", 8€"_s.toUtf8());
    QVERIFY2(post.code == 0, qPrintable(post.describe()));
    const Run feedJson = cli(u"carol"_s, {u"export"_s, u"feed"_s});
    const Run feedCsv = cli(u"carol"_s, {u"export"_s, u"feed"_s, u"--format"_s, u"csv"_s});
    QVERIFY2(feedJson.code == 0 && feedCsv.code == 0, qPrintable(feedCsv.describe()));
    const QJsonArray posts = QJsonDocument::fromJson(feedJson.out).array();
    const std::optional<QList<QStringList>> rows = parseCsv(feedCsv.out);
    QVERIFY2(rows, feedCsv.out.constData());
    QCOMPARE(rows->size(), posts.size() + 1);
    QCOMPARE(rows->at(0).join(u','),
        u"id,author_id,author,author_display_name,created_at,updated_at,title,content,"
        "rating_average,rating_count,image_id,files"_s);
    for (qsizetype i = 0; i < posts.size(); ++i) {
        const QJsonObject p = posts.at(i).toObject();
        const QStringList &row = rows->at(i + 1);
        QCOMPARE(row.at(0), number(p.value("id"_L1)));
        QCOMPARE(row.at(1), number(p["author"_L1]["id"_L1]));
        QCOMPARE(row.at(2), p["author"_L1]["username"_L1].toString());
        QCOMPARE(row.at(4), p.value("createdAt"_L1).toString());
        QCOMPARE(row.at(5), optionalText(p.value("updatedAt"_L1)));
        QCOMPARE(row.at(6), p.value("title"_L1).toString());
        QCOMPARE(row.at(7), p.value("content"_L1).toString());
        QCOMPARE(row.at(8).toDouble(), p["rating"_L1]["average"_L1].toDouble());
        QCOMPARE(row.at(9), number(p["rating"_L1]["count"_L1]));
    }
    QCOMPARE(posts.last()["title"_L1].toString(), u"Menu, \"today\""_s);
    QCOMPARE(rows->last().at(7), u"김치찌개\n\"spicy\", 8€"_s);

    // A direct conversation, by the other person's name.
    const Run dm = cli(u"alice"_s, {u"export"_s, u"@bob"_s});
    QVERIFY2(dm.code == 0, qPrintable(dm.describe()));
    QCOMPARE(QJsonDocument::fromJson(dm.out).array().at(0)["text"_L1].toString(), u"just us"_s);
    // An output file that cannot be written: 1, and nothing half-written.
    const Run unwritable = cli(u"alice"_s,
        {u"export"_s, u"feed"_s, u"--output"_s, m_dir.filePath(u"no/such/folder/feed.json"_s)});
    QVERIFY2(unwritable.code == 1, qPrintable(unwritable.describe()));
}

void tst_Cli::exportPaging()
{
    // More than one page of each: chat.history gives 200 at most, feed.page 100.
    auto writer = client(u"dave"_s);
    QVERIFY(writer);
    const qint64 channelId
        = writer->request(u"channel.create"_s, {{u"name"_s, u"long"_s}})["channel"_L1]["id"_L1]
              .toInteger();
    // 150 per connection, 50 in flight at a time: within a connection's burst of requests.
    QList<qint64> sent;
    for (int batch = 0; batch < 3; ++batch) {
        writer = client(u"dave"_s);
        QVERIFY(writer);
        for (int i = batch * 150; i < (batch + 1) * 150; i += 50) {
            QList<qint64> ids;
            for (int j = i; j < i + 50; ++j) {
                ids.append(writer->send(
                    u"chat.send"_s, {{u"channelId"_s, channelId}, {u"text"_s, u"n%1"_s.arg(j)}}));
            }
            for (qint64 id : std::as_const(ids)) {
                const QJsonObject reply = writer->waitReply(id);
                QVERIFY2(reply.contains("message"_L1), QJsonDocument(reply).toJson().constData());
                sent.append(reply["message"_L1]["id"_L1].toInteger());
            }
        }
    }
    QCOMPARE(sent.size(), 450);
    const Run all = cli(u"bob"_s, {u"export"_s, u"long"_s});
    QVERIFY2(all.code == 0, qPrintable(all.describe().left(2000)));
    const QJsonArray messages = QJsonDocument::fromJson(all.out).array();
    QList<qint64> exported;
    for (const QJsonValue &message : messages)
        exported.append(message["id"_L1].toInteger());
    QCOMPARE(exported, sent);
    QCOMPARE(messages.last()["text"_L1].toString(), u"n449"_s);

    const qint64 before
        = QJsonDocument::fromJson(cli(u"bob"_s, {u"export"_s, u"feed"_s}).out).array().size();
    writer = client(u"dave"_s);
    QVERIFY(writer);
    for (int i = 0; i < 130; ++i)
        writer->send(u"post.create"_s, {{u"title"_s, u"p%1"_s.arg(i)}, {u"content"_s, u""_s}});
    QVERIFY(writer->request(u"ping"_s).value("ok"_L1).toBool()); // replies come in order
    const QJsonArray posts
        = QJsonDocument::fromJson(cli(u"bob"_s, {u"export"_s, u"feed"_s}).out).array();
    QCOMPARE(posts.size(), before + 130);
    for (qsizetype i = 1; i < posts.size(); ++i)
        QVERIFY(posts.at(i)["id"_L1].toInteger() > posts.at(i - 1)["id"_L1].toInteger());
    QCOMPARE(posts.last()["title"_L1].toString(), u"p129"_s);
}

void tst_Cli::admin()
{
    const Run users = cli(u"alice"_s, {u"--json"_s, u"admin"_s, u"users"_s});
    QVERIFY2(users.code == 0, qPrintable(users.describe()));
    QStringList names;
    for (const QJsonValue &row : users.json().value("users"_L1).toArray())
        names.append(row["user"_L1]["username"_L1].toString());
    QCOMPARE(names, (QStringList {u"alice"_s, u"bob"_s, u"carol"_s, u"dave"_s}));
    const Run table = cli(u"alice"_s, {u"admin"_s, u"users"_s});
    QVERIFY2(
        table.out.count('\n') == 4 && table.out.contains("\tbob\tmember"), table.out.constData());

    const Run promote = cli(u"alice"_s, {u"--json"_s, u"admin"_s, u"role"_s, u"Bob"_s, u"admin"_s});
    QVERIFY2(promote.code == 0, qPrintable(promote.describe()));
    QCOMPARE(promote.json()["user"_L1]["role"_L1].toString(), u"admin"_s);
    const Run demote = cli(u"alice"_s, {u"admin"_s, u"role"_s, u"bob"_s, u"member"_s});
    QVERIFY2(demote.code == 0 && demote.out == "bob is a member.\n", qPrintable(demote.describe()));
    QCOMPARE(cli(u"alice"_s, {u"admin"_s, u"role"_s, u"bob"_s, u"boss"_s}).code, 2);
    QCOMPARE(cli(u"alice"_s, {u"admin"_s, u"disable"_s, u"nosuch"_s}).code, 4);
    QCOMPARE(cli(u"alice"_s, {u"admin"_s, u"disable"_s, u"987654"_s}).code, 4);
    const Run self = cli(u"alice"_s, {u"--json"_s, u"admin"_s, u"disable"_s, u"alice"_s});
    QCOMPARE(self.code, 5);
    QCOMPARE(self.jsonError().value("field"_L1).toString(), u"userId"_s);

    const Run invite
        = cli(u"alice"_s, {u"--json"_s, u"invite"_s, u"create"_s, u"--hours"_s, u"2"_s});
    QVERIFY2(invite.code == 0, qPrintable(invite.describe()));
    QVERIFY(invite.json().value("code"_L1).toString().size() >= 16);
    const qint64 inviteId = invite.json()["invite"_L1]["id"_L1].toInteger();
    const Run invites = cli(u"alice"_s, {u"--json"_s, u"invite"_s, u"list"_s});
    QCOMPARE(invites.json()["invites"_L1][0]["id"_L1].toInteger(), inviteId);
    QCOMPARE(cli(u"alice"_s, {u"invite"_s, u"revoke"_s, QString::number(inviteId)}).code, 0);
    QCOMPARE(cli(u"alice"_s, {u"invite"_s, u"revoke"_s, QString::number(inviteId)}).code, 4);
    QCOMPARE(cli(u"alice"_s, {u"invite"_s, u"revoke"_s, u"x"_s}).code, 2);
    QCOMPARE(cli(u"alice"_s, {u"invite"_s, u"create"_s, u"--hours"_s, u"9999"_s}).code, 2);

    const Run audit = cli(u"alice"_s, {u"--json"_s, u"audit"_s, u"--limit"_s, u"10"_s});
    QVERIFY2(audit.code == 0, qPrintable(audit.describe()));
    QStringList actions;
    for (const QJsonValue &entry : audit.json().value("entries"_L1).toArray())
        actions.append(entry["action"_L1].toString());
    QCOMPARE(actions.mid(0, 4),
        (QStringList {u"invite.revoke"_s, u"invite.create"_s, u"role"_s, u"role"_s}));

    // A member: 5 for each, with the server's code.
    for (const QStringList &arguments : {QStringList {u"admin"_s, u"users"_s},
             {u"admin"_s, u"enable"_s, u"carol"_s}, {u"invite"_s, u"list"_s}, {u"audit"_s}}) {
        const Run run = cli(u"bob"_s, QStringList {u"--json"_s} + arguments);
        QVERIFY2(run.code == 5, qPrintable(arguments.join(u' ') + u'\n' + run.describe()));
        QCOMPARE(run.jsonError().value("code"_L1).toString(), u"forbidden"_s);
    }
}

void tst_Cli::oneTimeCode()
{
    // dave's password replaced with a one-time code: his CLI session ends (3), and signing in
    // with the code asks for a new password.
    const Run dave = cli(u"dave"_s, {u"login"_s, u"--server"_s, m_url, u"--user"_s, u"dave"_s}, {},
        {{u"HUBBUB_PASSWORD"_s, Password}});
    QVERIFY2(dave.code == 0, qPrintable(dave.describe()));
    const Run reset = cli(u"alice"_s, {u"--json"_s, u"admin"_s, u"reset-password"_s, u"dave"_s});
    QVERIFY2(reset.code == 0, qPrintable(reset.describe()));
    const QString code = reset.json().value("code"_L1).toString();
    QVERIFY(!code.isEmpty());
    const Run ended = cli(u"dave"_s, {u"whoami"_s});
    QVERIFY2(ended.code == 3, qPrintable(ended.describe()));
    const Run noNewPassword
        = cli(u"dave"_s, {u"login"_s, u"--server"_s, m_url, u"--user"_s, u"dave"_s}, {},
            {{u"HUBBUB_PASSWORD"_s, code}});
    QVERIFY2(noNewPassword.code == 2 && noNewPassword.err.contains("HUBBUB_NEW_PASSWORD"),
        qPrintable(noNewPassword.describe()));
    const Run chosen = cli(u"dave"_s, {u"login"_s, u"--server"_s, m_url, u"--user"_s, u"dave"_s},
        {}, {{u"HUBBUB_PASSWORD"_s, code}, {u"HUBBUB_NEW_PASSWORD"_s, Password}});
    QVERIFY2(chosen.code == 0, qPrintable(chosen.describe()));
    QCOMPARE(cli(u"dave"_s, {u"whoami"_s}).code, 0);
}

void tst_Cli::unreachableAndSilentServers()
{
    // Nothing listens: 6 at once.
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        closedPort = probe.serverPort();
    }
    const QString closed = u"ws://127.0.0.1:%1"_s.arg(closedPort);
    const Run login
        = cli(u"nowhere"_s, {u"--json"_s, u"login"_s, u"--server"_s, closed, u"--user"_s, u"bob"_s},
            {}, {{u"HUBBUB_PASSWORD"_s, Password}});
    QVERIFY2(login.code == 6 && login.elapsedMs < 5000, qPrintable(login.describe()));
    QCOMPARE(login.jsonError().value("code"_L1).toString(), u"unreachable"_s);
    // A listener that never answers the upgrade: 6 after --timeout, not a hang.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    const Run hanging = cli(u"nowhere"_s,
        {u"--timeout"_s, u"1"_s, u"login"_s, u"--server"_s,
            u"ws://127.0.0.1:%1"_s.arg(silent.serverPort()), u"--user"_s, u"bob"_s},
        {}, {{u"HUBBUB_PASSWORD"_s, Password}});
    QVERIFY2(hanging.code == 6 && hanging.elapsedMs < 5000, qPrintable(hanging.describe()));
}

void tst_Cli::tailStateAcrossRestarts()
{
    const QString state = m_dir.filePath(u"tail-state.json"_s);
    const qint64 start = head();
    auto tail = startTail(u"bob"_s, {u"--state"_s, state, u"--since"_s, QString::number(start)});
    QByteArray buffer;
    QVERIFY(cli(u"alice"_s, {u"post"_s, u"first"_s}).code == 0);
    QList<QByteArray> lines = readLines(*tail, buffer, 1);
    QCOMPARE(lines.size(), 1);
    QCOMPARE(seqOf(lines.at(0)), start + 1);
    const QJsonObject line = QJsonDocument::fromJson(lines.at(0)).object();
    QCOMPARE(line.value("type"_L1).toString(), u"post.created"_s);
    QCOMPARE(line["data"_L1]["post"_L1]["title"_L1].toString(), u"first"_s);
    ::kill(pid_t(tail->processId()), SIGTERM);
    QVERIFY(waitForExit(*tail));
    QCOMPARE(tail->exitStatus(), QProcess::NormalExit);
    QCOMPARE(tail->exitCode(), 0);

    // Changes while no tail runs; the next one starts after the state's seq.
    for (int i = 0; i < 3; ++i)
        QVERIFY(cli(u"alice"_s, {u"send"_s, u"general"_s, u"while stopped %1"_s.arg(i)}).code == 0);
    tail = startTail(u"bob"_s, {u"--state"_s, state});
    buffer.clear();
    lines = readLines(*tail, buffer, 3);
    QVERIFY(cli(u"alice"_s, {u"send"_s, u"general"_s, u"live"_s}).code == 0);
    lines += readLines(*tail, buffer, 1);
    ::kill(pid_t(tail->processId()), SIGINT);
    QVERIFY(waitForExit(*tail));
    QCOMPARE(tail->exitCode(), 0);
    QList<qint64> seqs {start + 1};
    for (const QByteArray &l : lines)
        seqs.append(seqOf(l));
    QCOMPARE(seqs, storedSeqs(start));
    QFile file(state);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(
        QJsonDocument::fromJson(file.readAll()).object().value("seq"_L1).toInteger(), seqs.last());
}

void tst_Cli::tailStoppedDuringABurst()
{
    // SIGTERM while events keep coming, one after the other: the next run with the same state
    // file prints exactly the rest.
    const QString state = m_dir.filePath(u"burst-state.json"_s);
    const qint64 start = head();
    auto first = startTail(u"bob"_s, {u"--state"_s, state, u"--since"_s, QString::number(start)});
    auto writer = client(u"dave"_s);
    QVERIFY(writer);
    QByteArray buffer;
    QList<QByteArray> lines;
    constexpr int Count = 120;
    for (int i = 0; i < Count; ++i) {
        const QJsonObject reply = writer->request(
            u"chat.send"_s, {{u"channelId"_s, 1}, {u"text"_s, u"stream %1"_s.arg(i)}});
        QVERIFY(reply.value("ok"_L1).toBool());
        if (i == 40) {
            lines += readLines(*first, buffer, 20);
            first->terminate();
        }
    }
    QVERIFY(waitForExit(*first));
    QCOMPARE(first->exitCode(), 0);
    lines += readLines(*first, buffer, Count, 0);
    const qsizetype beforeRestart = lines.size();
    QVERIFY(beforeRestart >= 20 && beforeRestart < Count);
    qInfo("the first run printed %lld of the %d", qlonglong(beforeRestart), Count);

    auto next = startTail(u"bob"_s, {u"--state"_s, state});
    QByteArray nextBuffer;
    lines += readLines(*next, nextBuffer, Count - beforeRestart);
    next->terminate();
    QVERIFY(waitForExit(*next));
    QList<qint64> seqs;
    for (const QByteArray &line : std::as_const(lines))
        seqs.append(seqOf(line));
    QCOMPARE(seqs, storedSeqs(start));
    QCOMPARE(seqs.size(), Count);
}

void tst_Cli::tailNewStateFile()
{
    // A first run with a new state file starts from now, and says so in the file at once: a
    // restart after changes it did not see still gets them.
    const QString state = m_dir.filePath(u"new-state.json"_s);
    const qint64 start = head();
    auto tail = startTail(u"bob"_s, {u"--state"_s, state});
    QVERIFY(QTest::qWaitFor([&] { return QFile::exists(state); }, 15000));
    tail->terminate();
    QVERIFY(waitForExit(*tail));
    QCOMPARE(tail->exitCode(), 0);
    QVERIFY(tail->readAllStandardOutput().isEmpty());
    QVERIFY(cli(u"alice"_s, {u"send"_s, u"general"_s, u"unseen"_s}).code == 0);
    tail = startTail(u"bob"_s, {u"--state"_s, state});
    QByteArray buffer;
    const QList<QByteArray> lines = readLines(*tail, buffer, 1);
    tail->terminate();
    QVERIFY(waitForExit(*tail));
    QCOMPARE(lines.size(), 1);
    QCOMPARE(seqOf(lines.at(0)), start + 1);
}

void tst_Cli::tailBadStates()
{
    const QString state = m_dir.filePath(u"bad-state.json"_s);
    for (const QByteArray &content : {"garbage"_ba, "{\"seq\":-5,\"server\":\"x\"}"_ba,
             "{\"seq\":1.5}"_ba, "{\"seq\":3,\"server\":\"ws://elsewhere:7300\"}"_ba}) {
        QFile file(state);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(content);
        file.close();
        const Run run = cli(u"bob"_s, {u"tail"_s, u"--state"_s, state});
        QVERIFY2(run.code == 2 && run.out.isEmpty(),
            qPrintable(QString::fromUtf8(content) + u'\n' + run.describe()));
    }
    // A seq the server does not have (beyond its head): the events cannot be had, 8.
    const Run beyond
        = cli(u"bob"_s, {u"--json"_s, u"tail"_s, u"--since"_s, QString::number(head() + 1000)});
    QVERIFY2(beyond.code == 8 && beyond.out.isEmpty(), qPrintable(beyond.describe()));
    QCOMPARE(beyond.jsonError().value("code"_L1).toString(), u"too_old"_s);
}

void tst_Cli::tailAcrossServerRestart()
{
    const qint64 start = head();
    const QString state = m_dir.filePath(u"restart-state.json"_s);
    auto tail = startTail(u"carol"_s, {u"--state"_s, state, u"--since"_s, QString::number(start)});
    QByteArray buffer;
    QList<QByteArray> lines;
    {
        auto writer = client(u"bob"_s);
        QVERIFY(writer);
        for (int i = 0; i < 5; ++i)
            writer->request(
                u"chat.send"_s, {{u"channelId"_s, 1}, {u"text"_s, u"before %1"_s.arg(i)}});
        lines += readLines(*tail, buffer, 5);
        QCOMPARE(lines.size(), 5);
        m_server->kill();
    }
    // While the server is down a command fails at once, and tail keeps trying.
    const Run down = cli(u"alice"_s, {u"post"_s, u"nobody hears"_s});
    QVERIFY2(down.code == 6 && down.elapsedMs < 5000, qPrintable(down.describe()));
    QTest::qWait(1200);
    QCOMPARE(tail->state(), QProcess::Running);
    QVERIFY2(m_server->start({u"--durability"_s, u"normal"_s}, m_port),
        qPrintable(m_server->diagnostics()));
    {
        // At once, while tail still waits to reconnect; then more once it is back.
        auto writer = client(u"bob"_s);
        QVERIFY(writer);
        for (int i = 0; i < 5; ++i)
            writer->request(
                u"chat.send"_s, {{u"channelId"_s, 1}, {u"text"_s, u"outage %1"_s.arg(i)}});
        lines += readLines(*tail, buffer, 5);
        QCOMPARE(lines.size(), 10);
        for (int i = 0; i < 5; ++i)
            writer->request(
                u"post.create"_s, {{u"title"_s, u"after %1"_s.arg(i)}, {u"content"_s, u""_s}});
        lines += readLines(*tail, buffer, 5);
    }
    tail->terminate();
    QVERIFY(waitForExit(*tail));
    QCOMPARE(tail->exitCode(), 0);
    lines += readLines(*tail, buffer, 1, 0); // nothing more
    QList<qint64> seqs;
    for (const QByteArray &line : std::as_const(lines))
        seqs.append(seqOf(line));
    QCOMPARE(seqs.size(), 15);
    QCOMPARE(seqs, storedSeqs(start));
    QVERIFY2(tail->readAllStandardError().contains("Trying again"), "a reconnect notice");
}

void tst_Cli::tailEndsWhenTheTokenIsRefused()
{
    const Run login = cli(
        u"carol"_s, {u"login"_s, u"--user"_s, u"carol"_s}, {}, {{u"HUBBUB_PASSWORD"_s, Password}});
    QVERIFY2(login.code == 0, qPrintable(login.describe()));
    auto tail = startTail(u"carol"_s, {u"--verbose"_s, u"--since"_s, QString::number(head())});
    QByteArray buffer;
    QVERIFY(cli(u"alice"_s, {u"post"_s, u"for carol"_s}).code == 0);
    QCOMPARE(readLines(*tail, buffer, 1).size(), 1);
    QVERIFY(cli(u"alice"_s, {u"admin"_s, u"disable"_s, u"carol"_s}).code == 0);
    QVERIFY2(waitForExit(*tail), tail->readAllStandardError().constData());
    QCOMPARE(tail->exitCode(), 3);
    QVERIFY(cli(u"alice"_s, {u"admin"_s, u"enable"_s, u"carol"_s}).code == 0);
    // The token is gone: signed out here too.
    QCOMPARE(cli(u"carol"_s, {u"whoami"_s}).code, 3);
}

void tst_Cli::tailFailsOverToTheNextAddress()
{
    quint16 otherPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        otherPort = probe.serverPort();
    }
    const QString other = u"ws://127.0.0.1:%1"_s.arg(otherPort);
    // Both addresses of the deployment, the second not listening yet; remembered for the next
    // commands, which are given no --server.
    const Run login = cli(u"failover"_s,
        {u"--json"_s, u"login"_s, u"--server"_s, m_url + u", "_s + other, u"--user"_s, u"carol"_s},
        {}, {{u"HUBBUB_PASSWORD"_s, Password}});
    QVERIFY2(login.code == 0, qPrintable(login.describe()));
    QCOMPARE(login.json().value("server"_L1).toString(), m_url + u", "_s + other);
    const qint64 start = head();
    const QString state = m_dir.filePath(u"failover-state.json"_s);
    auto tail
        = startTail(u"failover"_s, {u"--state"_s, state, u"--since"_s, QString::number(start)});
    QByteArray buffer;
    QList<QByteArray> lines;
    {
        auto writer = client(u"bob"_s);
        QVERIFY(writer);
        for (int i = 0; i < 3; ++i)
            writer->request(
                u"chat.send"_s, {{u"channelId"_s, 1}, {u"text"_s, u"first %1"_s.arg(i)}});
        lines += readLines(*tail, buffer, 3);
        QCOMPARE(lines.size(), 3);
    }
    const QStringList options {u"--durability"_s, u"normal"_s};
    m_server->kill();
    // Neither address answers: a command tries both, then fails at once.
    const Run down = cli(u"failover"_s, {u"post"_s, u"nobody hears"_s});
    QVERIFY2(down.code == 6 && down.elapsedMs < 5000, qPrintable(down.describe()));

    // The deployment comes back at its second address, over the same database.
    QVERIFY2(m_server->start(options, otherPort), qPrintable(m_server->diagnostics()));
    {
        TestClient writer;
        QVERIFY(writer.open(QUrl(other)));
        QVERIFY(writer.login(u"bob"_s, Password).value("ok"_L1).toBool());
        for (int i = 0; i < 5; ++i)
            writer.request(
                u"chat.send"_s, {{u"channelId"_s, 1}, {u"text"_s, u"second %1"_s.arg(i)}});
        lines += readLines(*tail, buffer, 5);
        QCOMPARE(lines.size(), 8);
    }
    // Another command moves past the first address too, and says which one answered.
    const Run whoami = cli(u"failover"_s, {u"whoami"_s});
    QVERIFY2(whoami.code == 0, qPrintable(whoami.describe()));
    QVERIFY2(whoami.out.contains(other.toUtf8()), qPrintable(whoami.describe()));
    tail->terminate();
    QVERIFY(waitForExit(*tail));
    QCOMPARE(tail->exitCode(), 0);
    lines += readLines(*tail, buffer, 1, 0); // nothing more
    QList<qint64> seqs;
    for (const QByteArray &line : std::as_const(lines))
        seqs.append(seqOf(line));
    // Caught up with sync at the other address: every event once, as the database has them.
    QCOMPARE(seqs.size(), 8);
    QCOMPARE(seqs, storedSeqs(start));
    QVERIFY2(tail->readAllStandardError().contains("Trying again"), "a reconnect notice");

    // Back where the other tests expect it.
    QVERIFY2(m_server->terminate(), qPrintable(m_server->diagnostics()));
    QVERIFY2(m_server->start(options, m_port), qPrintable(m_server->diagnostics()));
}

void tst_Cli::tlsTrust()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ServerProcess tls(QStringLiteral(HUBBUB_SERVER_BINARY), dir.filePath(u"tls.db"_s));
    QVERIFY2(tls.start({u"--tls"_s, u"on"_s}), qPrintable(tls.diagnostics()));
    const QString url = tls.url().toString();
    const QStringList login {
        u"--json"_s, u"login"_s, u"--server"_s, url, u"--user"_s, u"tina"_s, u"--create-account"_s};
    const QList<QPair<QString, QString>> password {{u"HUBBUB_PASSWORD"_s, Password}};
    // Not trusted: 7, and the fingerprint to check is printed.
    const Run untrusted = cli(u"tls"_s, login, {}, password);
    QVERIFY2(untrusted.code == 7, qPrintable(untrusted.describe()));
    QVERIFY(untrusted.err.contains(tls.fingerprint().toUtf8()));
    QString other = tls.fingerprint();
    other.replace(0, 2, other.startsWith(u"00"_s) ? u"11"_s : u"00"_s);
    QCOMPARE(
        cli(u"tls"_s, login + QStringList {u"--trust-fingerprint"_s, other}, {}, password).code, 7);
    // Nor is it remembered: without the option it is untrusted again, not "changed".
    const Run forgotten = cli(u"tls"_s, login, {}, password);
    QVERIFY2(forgotten.code == 7 && forgotten.err.contains("is not trusted"),
        qPrintable(forgotten.describe()));
    QCOMPARE(cli(u"tls"_s, login + QStringList {u"--trust-fingerprint"_s, u"AB:CD"_s}, {}, password)
                 .code,
        2);
    const Run trusted = cli(u"tls"_s,
        login + QStringList {u"--trust-fingerprint"_s, tls.fingerprint().toLower()}, {}, password);
    QVERIFY2(trusted.code == 0, qPrintable(trusted.describe()));
    // Pinned: later commands need nothing more.
    const Run post = cli(u"tls"_s, {u"post"_s, u"over TLS"_s});
    QVERIFY2(post.code == 0, qPrintable(post.describe()));

    // At a terminal, login asks, as the app does the first time (trust on first use).
    if (QStandardPaths::findExecutable(u"script"_s).isEmpty())
        QSKIP("script(1) is not installed");
    QProcess terminal;
    terminal.setProcessEnvironment(environmentFor(u"tls-tty"_s, password));
    terminal.setProcessChannelMode(QProcess::MergedChannels);
    terminal.start(u"script"_s,
        {u"-qec"_s,
            u"'%1' login --server %2 --user tina"_s.arg(QStringLiteral(HUBBUB_CLI_BINARY), url),
            u"/dev/null"_s});
    QByteArray seen;
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     seen += terminal.readAll();
                     return seen.contains("Trust this certificate? [y/N]");
                 },
                 15000),
        seen.constData());
    QVERIFY2(seen.contains(tls.fingerprint().toUtf8()), seen.constData());
    terminal.write("y\r");
    QVERIFY(waitForExit(terminal, 30000));
    seen += terminal.readAll();
    QVERIFY2(terminal.exitCode() == 0 && seen.contains("Signed in to"), seen.constData());
    QCOMPARE(cli(u"tls-tty"_s, {u"whoami"_s}).code, 0);
}

void tst_Cli::translated()
{
    // The app's catalogue, embedded in the CLI: the server's refusal in the user's language.
    const Run german = cli(u"bob"_s, {u"admin"_s, u"users"_s}, {},
        {{u"LANG"_s, u"de_DE.UTF-8"_s}, {u"LC_ALL"_s, u"de_DE.UTF-8"_s}});
    QCOMPARE(german.code, 5);
    QVERIFY2(german.err.contains(u"Das kann nur die Administration."_s.toUtf8()),
        german.err.constData());
    const Run help = cli(u"bob"_s, {u"--help"_s}, {},
        {{u"LANG"_s, u"de_DE.UTF-8"_s}, {u"LC_ALL"_s, u"de_DE.UTF-8"_s}});
    QVERIFY2(help.code == 0 && help.out.contains("Optionen:"), help.out.constData());
}

void tst_Cli::keychain()
{
    // Without --config: the token goes to the system's keychain, here a Secret Service of the
    // test's own (tst_cli_keychain runs this under tests/support/with-keyring.sh, with HOME
    // and the XDG folders in a temporary folder). Never against a developer's own keychain.
    if (!qEnvironmentVariableIsSet("HUBBUB_TEST_KEYRING"))
        QSKIP("needs a keyring of its own: run as tst_cli_keychain");
    QProcessEnvironment env = environmentFor(u"unused"_s, {{u"HUBBUB_PASSWORD"_s, Password}});
    env.remove(u"HUBBUB_CLI_CONFIG"_s);
    const Run login = run(env, {u"login"_s, u"--server"_s, m_url, u"--user"_s, u"bob"_s});
    QVERIFY2(login.code == 0, qPrintable(login.describe()));
    const Run whoami = run(env, {u"--json"_s, u"whoami"_s});
    QVERIFY2(whoami.code == 0, qPrintable(whoami.describe()));
    QCOMPARE(whoami.json().value("tokenStore"_L1).toString(),
        u"the system's keychain (service \"hubbub-cli\")"_s);
    // Nothing in a file: not the token, not beside the settings.
    const QString data = qEnvironmentVariable("XDG_DATA_HOME");
    QVERIFY(!data.isEmpty());
    QVERIFY(!QFile::exists(data + u"/Hubbub/hubbub-cli/secrets.json"_s));
    QFile settings(qEnvironmentVariable("XDG_CONFIG_HOME") + u"/Hubbub/hubbub-cli.conf"_s);
    QVERIFY(settings.open(QIODevice::ReadOnly));
    QVERIFY(settings.readAll().contains("hasToken=true"));
    const Run logout = run(env, {u"logout"_s});
    QVERIFY2(logout.code == 0, qPrintable(logout.describe()));
    QCOMPARE(run(env, {u"whoami"_s}).code, 3);
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
