#include "testserver.h"

#include <QCoreApplication>
#include <QDir>
#include <QHash>
#include <QMutex>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrlQuery>

#include <atomic>

using namespace Qt::StringLiterals;

namespace Hubbub::Test {

namespace {

// The database URL of each TestServer on PostgreSQL, by its databasePath: storedRows() is
// called with the path by the tests written for SQLite.
QMutex urlsMutex;
QHash<QString, QString> urlsByPath;

QString connectionName(const char *what)
{
    static std::atomic<int> serial = 0;
    return u"test_support_%1_%2"_s.arg(QLatin1StringView(what)).arg(++serial);
}

// Runs `statements` in order on a connection of its own to `url`; false at the first failure.
bool execOnPostgres(const QString &url, const QStringList &statements, QString *error)
{
    const QString name = connectionName("admin");
    // Without the notices of DROP ... CASCADE on stderr, one per table.
    const QString quiet = withPostgresOptions(url, u"-c client_min_messages=warning"_s);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        if (!db.isValid()) {
            *error = u"the Qt driver QPSQL is not installed (Debian: libqt6sql6-psql)"_s;
        } else if (setPostgresUrl(db, quiet, error)) {
            if (!db.open()) {
                *error = db.lastError().text();
            } else {
                ok = true;
                QSqlQuery query(db);
                for (const QString &sql : statements) {
                    if (!query.exec(sql)) {
                        *error = sql + u": "_s + query.lastError().text();
                        ok = false;
                        break;
                    }
                }
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

qint64 countRows(const StoredDatabase &db, const QString &table)
{
    if (!db.isOpen())
        return -1;
    QSqlQuery query(db.database());
    if (query.exec(u"SELECT COUNT(*) FROM "_s + table) && query.next())
        return query.value(0).toLongLong();
    return -1;
}

} // namespace

QString testPostgresUrl()
{
    return qEnvironmentVariable("HUBBUB_TEST_POSTGRES");
}

QString withPostgresOptions(const QString &url, const QString &options)
{
    QUrl result(url);
    const QUrlQuery query(result);
    const auto encode = [](const QString &text) {
        return QString::fromLatin1(QUrl::toPercentEncoding(text, "/"));
    };
    QStringList items;
    QString allOptions = options;
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == "options"_L1)
            allOptions = value + u' ' + options;
        else
            items.append(encode(key) + u'=' + encode(value));
    }
    items.append(u"options="_s + encode(allOptions));
    result.setQuery(items.join(u'&'));
    return result.toString(QUrl::FullyEncoded);
}

bool setPostgresUrl(QSqlDatabase &db, const QString &url, QString *error)
{
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid()
        || (parsed.scheme() != "postgresql"_L1 && parsed.scheme() != "postgres"_L1)) {
        *error = u"not a postgresql:// URL: "_s + url;
        return false;
    }
    db.setUserName(parsed.userName());
    if (!parsed.host().isEmpty())
        db.setHostName(parsed.host());
    if (parsed.port() != -1)
        db.setPort(parsed.port());
    db.setDatabaseName(parsed.path(QUrl::FullyDecoded).mid(1));
    // QPSQL appends these after host, port and the rest, and libpq takes a keyword's last value:
    // host=/socket/dir wins over the URL's host. It reads ';' as a separator.
    QStringList keywords;
    for (const auto &[key, value] : QUrlQuery(parsed).queryItems(QUrl::FullyDecoded)) {
        if (value.contains(u';')) {
            *error = u"a ';' in the value of "_s + key + u" (QPSQL cannot pass it)"_s;
            return false;
        }
        QString quoted = value;
        quoted.replace(u"\\"_s, u"\\\\"_s).replace(u"'"_s, u"\\'"_s);
        keywords.append(key + u"='"_s + quoted + u'\'');
    }
    db.setConnectOptions(keywords.join(u' '));
    return true;
}

TestServer::TestServer()
{
    m_config.host = QHostAddress::LocalHost;
    m_config.port = 0;
    m_config.databasePath = QDir(m_dir.path()).filePath(QStringLiteral("hubbub.db"));
    // Plain ws:// unless a test turns TLS on (tst_tls): the other tests are about the rest.
    m_config.tls = false;
    // Silent on the network unless a test listens for it (tst_discovery, on its own port).
    m_config.announce = false;
    // The tests hash hundreds of passwords and are about what is done with a hash, not what it
    // costs: libsodium's minimum cost (the binary's tests, tst_passwords and the race in
    // tst_admin use the shipped one). Durability stays as shipped.
    m_config.passwordCost = Server::Passwords::Cost::Minimum;

    if (const QString url = testPostgresUrl(); !url.isEmpty()) {
        // A schema per server: tests running at once, and several servers of one test, share
        // the database. The pid and a count make the name unique among live processes; one
        // left by a killed process that had the same pid is dropped first.
        static std::atomic<int> serial = 0;
        m_schema = u"hubbub_t_%1_%2"_s.arg(QCoreApplication::applicationPid()).arg(++serial);
        QString error;
        if (!execOnPostgres(url,
                {u"DROP SCHEMA IF EXISTS "_s + m_schema + u" CASCADE"_s,
                    u"CREATE SCHEMA "_s + m_schema},
                &error))
            m_setupError = u"cannot make the schema "_s + m_schema + u": "_s + error;
        m_config.databaseUrl = withPostgresOptions(url, u"-c search_path="_s + m_schema);
        const QMutexLocker lock(&urlsMutex);
        urlsByPath.insert(m_config.databasePath, m_config.databaseUrl);
    }
}

TestServer::~TestServer()
{
    stop();
    if (m_schema.isEmpty())
        return;
    {
        const QMutexLocker lock(&urlsMutex);
        urlsByPath.remove(m_config.databasePath);
    }
    // Bounded: a connection the server left open would otherwise hold the drop forever.
    QString error;
    if (!execOnPostgres(testPostgresUrl(),
            {u"SET lock_timeout = '10s'"_s, u"DROP SCHEMA IF EXISTS "_s + m_schema + u" CASCADE"_s},
            &error))
        qWarning("TestServer: cannot drop the schema: %s", qPrintable(error));
}

bool TestServer::start()
{
    if (!m_setupError.isEmpty()) {
        qWarning("TestServer: %s", qPrintable(m_setupError));
        return false;
    }
    m_server = std::make_unique<Server::Server>(m_config);
    if (Status s = m_server->open(); !s) {
        qWarning("TestServer: open failed: %s", qPrintable(s.error().message));
        m_server.reset();
        return false;
    }
    if (Status s = m_server->listen(); !s) {
        qWarning("TestServer: listen failed: %s", qPrintable(s.error().message));
        m_server.reset();
        return false;
    }
    return true;
}

void TestServer::stop()
{
    if (!m_server)
        return;
    m_lastPort = m_server->port();
    m_server->shutdown();
    m_server.reset();
    // Let closing sockets and deferred deletes run.
    QTest::qWait(0);
}

bool TestServer::restart(bool keepPort)
{
    stop();
    if (keepPort)
        m_config.port = m_lastPort;
    const bool ok = start();
    m_config.port = 0;
    return ok;
}

QUrl TestServer::url() const
{
    QUrl url;
    url.setScheme(m_config.tls ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_server ? m_server->port() : 0);
    url.setPath(QStringLiteral("/"));
    return url;
}

StoredDatabase::StoredDatabase(const TestServer &server, Access access)
    : StoredDatabase(server.config().databasePath, server.config().databaseUrl, access)
{ }

StoredDatabase::StoredDatabase(
    const QString &databasePath, const QString &databaseUrl, Access access)
    : m_name(connectionName("reader"))
{
    const bool readOnly = access == Access::ReadOnly;
    if (databaseUrl.isEmpty()) {
        m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        m_db.setDatabaseName(databasePath);
        // The server's writer may hold the file's lock for a moment.
        m_db.setConnectOptions(readOnly ? u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"_s
                                        : u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    } else {
        m_db = QSqlDatabase::addDatabase(u"QPSQL"_s, m_name);
        if (!m_db.isValid()) {
            m_error = u"the Qt driver QPSQL is not installed (Debian: libqt6sql6-psql)"_s;
            return;
        }
        const QString url = readOnly
            ? withPostgresOptions(databaseUrl, u"-c default_transaction_read_only=on"_s)
            : databaseUrl;
        if (!setPostgresUrl(m_db, url, &m_error))
            return;
    }
    if (!m_db.open())
        m_error = m_db.lastError().text();
}

StoredDatabase::~StoredDatabase()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

qint64 storedRows(const QString &databasePath, const QString &table)
{
    QString url;
    {
        const QMutexLocker lock(&urlsMutex);
        url = urlsByPath.value(databasePath);
    }
    return countRows(StoredDatabase(databasePath, url), table);
}

QString databaseUrlFor(const QString &databasePath)
{
    const QMutexLocker lock(&urlsMutex);
    return urlsByPath.value(databasePath);
}

qint64 storedRows(const TestServer &server, const QString &table)
{
    return countRows(StoredDatabase(server), table);
}

} // namespace Hubbub::Test
