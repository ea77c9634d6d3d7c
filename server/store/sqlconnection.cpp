#include "store/sqlconnection.h"

#include "logging.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QRegularExpression>
#include <QSqlError>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Hubbub::Server {

Error databaseError(const QString &context, const QString &detail)
{
    qCWarning(lcDb) << context << detail;
    return makeError(ErrorCode::Internal,
        QCoreApplication::translate("Hubbub::Server",
            "The server could not store or read this: a "
            "database error occurred."));
}

namespace {
//! The libpq keywords a URL's query may set: where and how to connect, never a password.
const QStringList &postgresKeywords()
{
    static const QStringList keywords = {u"host"_s, u"hostaddr"_s, u"port"_s, u"dbname"_s,
        u"user"_s, u"passfile"_s, u"connect_timeout"_s, u"options"_s, u"application_name"_s,
        u"keepalives"_s, u"keepalives_idle"_s, u"keepalives_interval"_s, u"keepalives_count"_s,
        u"tcp_user_timeout"_s, u"sslmode"_s, u"sslcert"_s, u"sslkey"_s, u"sslrootcert"_s,
        u"sslcrl"_s, u"sslcompression"_s, u"channel_binding"_s, u"gssencmode"_s, u"krbsrvname"_s,
        u"target_session_attrs"_s, u"service"_s};
    return keywords;
}

//! A conninfo value in single quotes, as libpq reads it.
QString quoteConninfo(QString value)
{
    value.replace(u"\\"_s, u"\\\\"_s);
    value.replace(u"'"_s, u"\\'"_s);
    return u'\'' + value + u'\'';
}
} // namespace

Result<PostgresUrl> PostgresUrl::parse(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    // Errors show the URL without its password, if it has one.
    const QString shown = url.isValid() ? url.toString(QUrl::RemovePassword) : u"the URL"_s;
    const auto invalid = [&shown](const QString &why) {
        return makeError(ErrorCode::Invalid,
            QCoreApplication::translate("Hubbub::Server", "%1 is not a usable PostgreSQL URL: %2")
                .arg(shown, why));
    };
    if (!url.isValid())
        return invalid(url.errorString());
    if (url.scheme() != u"postgresql"_s && url.scheme() != u"postgres"_s)
        return invalid(
            QCoreApplication::translate("Hubbub::Server", "it must begin with postgresql://"));
    if (!url.password().isEmpty() || url.hasFragment())
        return invalid(QCoreApplication::translate("Hubbub::Server",
            "it holds a password; put it in a password file (PGPASSFILE, ~/.pgpass) or "
            "PGPASSWORD instead, where the process list does not show it"));
    PostgresUrl parsed;
    parsed.user = url.userName();
    parsed.host = url.host();
    parsed.port = url.port(-1);
    parsed.database = url.path(QUrl::FullyDecoded).mid(1);
    if (parsed.database.contains(u'/'))
        return invalid(QCoreApplication::translate("Hubbub::Server", "the path names no database"));
    QStringList options;
    const QList<std::pair<QString, QString>> items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        if (key == u"password"_s)
            return invalid(QCoreApplication::translate("Hubbub::Server",
                "it holds a password; put it in a password file (PGPASSFILE, ~/.pgpass) or "
                "PGPASSWORD instead, where the process list does not show it"));
        if (!postgresKeywords().contains(key))
            return invalid(
                QCoreApplication::translate("Hubbub::Server", "unknown keyword %1").arg(key));
        // QPSQL joins its options with ';' and turns each into a space: none may hold one.
        if (value.contains(u';'))
            return invalid(
                QCoreApplication::translate("Hubbub::Server", "%1 holds a ';'").arg(key));
        options.append(key + u'=' + quoteConninfo(value));
    }
    parsed.options = options.join(u';');
    return parsed;
}

SqlConnection::SqlConnection(QSqlDatabase db, QString name, bool postgres)
    : m_db(std::move(db))
    , m_name(std::move(name))
    , m_postgres(postgres)
{ }

SqlConnection::~SqlConnection()
{
    m_statements.clear();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

Result<QSqlDatabase> SqlConnection::connect(const DatabaseTarget &target, const QString &name)
{
    if (!target.isPostgres()) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(target.path);
        // Wait for the writer's lock rather than failing at once.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        return db;
    }
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        return makeError(ErrorCode::Internal,
            QCoreApplication::translate("Hubbub::Server",
                "Qt's PostgreSQL driver (QPSQL) is not installed; on Debian and Ubuntu it is the "
                "package libqt6sql6-psql"));
    }
    Result<PostgresUrl> url = PostgresUrl::parse(target.url);
    if (!url)
        return url.error();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    db.setUserName(url->user);
    db.setHostName(url->host);
    db.setPort(url->port);
    db.setDatabaseName(url->database);
    QString options = url->options;
    // A database that does not answer fails the start (or a reconnect) in seconds, not never.
    if (!options.contains(u"connect_timeout="_s))
        options += (options.isEmpty() ? u""_s : u";"_s) + u"connect_timeout=5"_s;
    // A database host that vanishes without closing the connection (power, network) is
    // noticed in about 25 s rather than the system's two hours: until then a writer that held
    // the instances' lock would hold up every instance's writes.
    if (!options.contains(u"keepalives_idle="_s))
        options += u";keepalives_idle=10;keepalives_interval=5;keepalives_count=3"_s;
    // Keepalives are silent while data waits for its acknowledgement: a statement sent to a
    // vanished host would wait for TCP's retransmissions (about 15 minutes) without this.
    if (!options.contains(u"tcp_user_timeout="_s))
        options += u";tcp_user_timeout=25000"_s;
    // What pg_stat_activity shows: the connection's role, e.g. hubbub-write, hubbub-follower.
    if (!options.contains(u"application_name="_s)) {
        QString role = name;
        role.remove(QRegularExpression(u"-[0-9a-f]+$"_s));
        options += u";application_name="_s + quoteConninfo(role);
    }
    db.setConnectOptions(options);
    return db;
}

Result<std::unique_ptr<SqlConnection>> SqlConnection::open(
    const DatabaseTarget &target, const QString &name)
{
    QSqlDatabase db;
    {
        // Its copy must be gone before removeDatabase() (in the destructor or below), or Qt
        // warns on stderr that the connection is still in use.
        Result<QSqlDatabase> made = connect(target, name);
        if (!made)
            return made.error();
        db = *made;
    }
    if (!db.open()) {
        const QString detail = db.lastError().text();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return makeError(ErrorCode::Internal,
            QStringLiteral("cannot open database %1: %2").arg(target.display(), detail));
    }
    std::unique_ptr<SqlConnection> connection(new SqlConnection(db, name, target.isPostgres()));
    db = QSqlDatabase(); // the connection object holds it now; removeDatabase() must see no other
    connection->m_target = target;
    if (Status s = connection->configure(); !s)
        return s.error();
    return connection;
}

Status SqlConnection::configure()
{
    const QString where = m_target.display();
    if (m_postgres) {
        QSqlQuery version(m_db);
        if (!version.exec(u"SHOW server_version_num"_s) || !version.next())
            return makeError(ErrorCode::Internal,
                QStringLiteral("cannot use database %1: %2")
                    .arg(where, version.lastError().text()));
        // Generated columns and websearch_to_tsquery (12), and the rest of what schema.cpp
        // uses; Debian 11 has 13.
        if (version.value(0).toInt() < 130000)
            return makeError(ErrorCode::Internal,
                QStringLiteral("cannot use database %1: PostgreSQL %2 is older than 13")
                    .arg(where, version.value(0).toString()));
        QSqlQuery schema(m_db);
        if (!schema.exec(u"SELECT current_schema()"_s) || !schema.next())
            return makeError(ErrorCode::Internal,
                QStringLiteral("cannot use database %1: %2").arg(where, schema.lastError().text()));
        // LISTEN takes an identifier: a digest of the schema's exact name, which no other
        // schema's (team-a and team_a, Hub and hub) shares.
        m_schema = QString::fromLatin1(QCryptographicHash::hash(
            schema.value(0).toString().toUtf8(), QCryptographicHash::Sha256)
                                           .toHex()
                                           .left(16));
        // The other side of the same: an instance whose host vanished in a transaction holds
        // the writers' lock; PostgreSQL ends such a session after a minute of silence.
        QStringList settings = {u"SET client_min_messages = warning"_s,
            u"SET idle_in_transaction_session_timeout = '60s'"_s};
        // Durability::Full is PostgreSQL's default: a commit returns once its WAL is flushed.
        if (m_target.durability == Durability::Normal)
            settings.append(u"SET synchronous_commit = off"_s);
        for (const QString &setting : settings) {
            QSqlQuery query(m_db);
            if (!query.exec(setting))
                return makeError(ErrorCode::Internal,
                    QStringLiteral("cannot use database %1: %2")
                        .arg(where, query.lastError().text()));
        }
        return Ok {};
    }

    const QString synchronous = m_target.durability == Durability::Full ? QStringLiteral("FULL")
                                                                        : QStringLiteral("NORMAL");
    const QStringList pragmas = {
        QStringLiteral("PRAGMA journal_mode=WAL"),
        QStringLiteral("PRAGMA foreign_keys=ON"),
        QStringLiteral("PRAGMA synchronous=") + synchronous,
        QStringLiteral("PRAGMA temp_store=MEMORY"),
    };
    for (const QString &pragma : pragmas) {
        QSqlQuery query(m_db);
        if (!query.exec(pragma)) {
            return makeError(ErrorCode::Internal,
                QStringLiteral("cannot use database %1: %2").arg(where, query.lastError().text()));
        }
        if (pragma.contains(QLatin1StringView("journal_mode")) && query.next()
            && query.value(0).toString().compare(QLatin1StringView("wal"), Qt::CaseInsensitive)
                != 0) {
            return makeError(ErrorCode::Internal,
                QStringLiteral("cannot use database %1: WAL mode refused").arg(where));
        }
    }
    return Ok {};
}

bool SqlConnection::isAlive()
{
    if (!m_postgres)
        return true;
    QSqlQuery query(m_db);
    return query.exec(u"SELECT 1"_s) && query.next();
}

Status SqlConnection::reopen()
{
    m_inTransaction = false;
    m_statements.clear();
    m_db.close();
    if (!m_db.open())
        return makeError(ErrorCode::Internal,
            QStringLiteral("cannot open database %1: %2")
                .arg(m_target.display(), m_db.lastError().text()));
    return configure();
}

Result<QSqlQuery *> SqlConnection::prepare(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it != m_statements.end()) {
        it->second->finish();
        return it->second.get();
    }
    auto query = std::make_unique<QSqlQuery>(m_db);
    // Rows are read once, in order: without this QSqlQuery caches every row it has seen.
    query->setForwardOnly(true);
    if (!query->prepare(sql))
        return databaseError(QStringLiteral("prepare failed:"), query->lastError().text());
    QSqlQuery *raw = query.get();
    m_statements.emplace(sql, std::move(query));
    return raw;
}

Status SqlConnection::exec(QSqlQuery &query)
{
    if (!query.exec())
        return databaseError(QStringLiteral("query failed:"), query.lastError().text());
    return Ok {};
}

Result<QSqlQuery *> SqlConnection::run(const QString &sql, const QVariantList &values)
{
    Result<QSqlQuery *> query = runOnce(sql, values);
    if (query || !reconnectLost())
        return query;
    return runOnce(sql, values);
}

bool SqlConnection::reconnectLost()
{
    // Never inside a transaction: the statements after it would run outside it. The caller
    // fails and begins again, and its next BEGIN reconnects.
    if (!m_postgres || !m_reconnects || m_inTransaction || isAlive())
        return false;
    // At most one attempt every few seconds: a database that does not answer would otherwise
    // hold the thread for connect_timeout on every statement.
    if (m_lastReconnect.isValid() && m_lastReconnect.elapsed() < ReconnectIntervalMs)
        return false;
    m_lastReconnect.start();
    qCWarning(lcDb) << "the database connection" << m_name << "was lost; connecting again";
    return bool(reopen());
}

Result<QSqlQuery *> SqlConnection::runOnce(const QString &sql, const QVariantList &values)
{
    Result<QSqlQuery *> query = prepare(sql);
    if (!query)
        return query;
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        // A null QString (from an absent JSON string, or trimming one) would bind as SQL NULL;
        // text is never NULL here. A NULL column is bound as an invalid QVariant instead.
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            (*query)->bindValue(static_cast<int>(i), QString(u""_s));
        // Flags are INTEGER 0/1 in both schemas; QPSQL would bind a bool as TRUE/FALSE.
        else if (m_postgres && value.typeId() == QMetaType::Bool)
            (*query)->bindValue(static_cast<int>(i), value.toBool() ? 1 : 0);
        else
            (*query)->bindValue(static_cast<int>(i), value);
    }
    if (Status status = exec(**query); !status)
        return status.error();
    return query;
}

Status SqlConnection::execOnce(const QString &sql)
{
    // Transactions of the read connections are begun and ended here (EventStore, search).
    const bool ends = sql.startsWith(u"COMMIT"_s) || sql.startsWith(u"ROLLBACK"_s);
    if (ends)
        m_inTransaction = false;
    QSqlQuery query(m_db);
    if (query.exec(sql)) {
        if (sql.startsWith(u"BEGIN"_s))
            m_inTransaction = true;
        return Ok {};
    }
    const QString detail = query.lastError().text();
    query = QSqlQuery(); // a reopen() closes the database under it
    if (!ends && reconnectLost()) {
        QSqlQuery again(m_db);
        if (again.exec(sql)) {
            if (sql.startsWith(u"BEGIN"_s))
                m_inTransaction = true;
            return Ok {};
        }
    }
    return databaseError(QStringLiteral("statement failed:"), detail);
}

} // namespace Hubbub::Server
