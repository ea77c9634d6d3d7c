#include "store/sqlconnection.h"

#include "logging.h"

#include <QCoreApplication>
#include <QSqlError>

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

SqlConnection::SqlConnection(QSqlDatabase db, QString name)
    : m_db(std::move(db))
    , m_name(std::move(name))
{ }

SqlConnection::~SqlConnection()
{
    m_statements.clear();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

Result<std::unique_ptr<SqlConnection>> SqlConnection::open(
    const QString &path, const QString &name, Durability durability)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    // Wait for the writer's lock rather than failing at once.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        const QString detail = db.lastError().text();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return makeError(
            ErrorCode::Internal, QStringLiteral("cannot open database %1: %2").arg(path, detail));
    }
    std::unique_ptr<SqlConnection> connection(new SqlConnection(db, name));
    db = QSqlDatabase(); // the connection object holds it now; removeDatabase() must see no other

    const QString synchronous
        = durability == Durability::Full ? QStringLiteral("FULL") : QStringLiteral("NORMAL");
    const QStringList pragmas = {
        QStringLiteral("PRAGMA journal_mode=WAL"),
        QStringLiteral("PRAGMA foreign_keys=ON"),
        QStringLiteral("PRAGMA synchronous=") + synchronous,
        QStringLiteral("PRAGMA temp_store=MEMORY"),
    };
    for (const QString &pragma : pragmas) {
        QSqlQuery query(connection->m_db);
        if (!query.exec(pragma)) {
            return makeError(ErrorCode::Internal,
                QStringLiteral("cannot use database %1: %2").arg(path, query.lastError().text()));
        }
        if (pragma.contains(QLatin1StringView("journal_mode")) && query.next()
            && query.value(0).toString().compare(QLatin1StringView("wal"), Qt::CaseInsensitive)
                != 0) {
            return makeError(ErrorCode::Internal,
                QStringLiteral("cannot use database %1: WAL mode refused").arg(path));
        }
    }
    return connection;
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
    Result<QSqlQuery *> query = prepare(sql);
    if (!query)
        return query;
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        // A null QString (from an absent JSON string, or trimming one) would bind as SQL NULL;
        // text is never NULL here. A NULL column is bound as an invalid QVariant instead.
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            (*query)->bindValue(static_cast<int>(i), QString(u""_s));
        else
            (*query)->bindValue(static_cast<int>(i), value);
    }
    if (Status status = exec(**query); !status)
        return status.error();
    return query;
}

Status SqlConnection::execOnce(const QString &sql)
{
    QSqlQuery query(m_db);
    if (!query.exec(sql))
        return databaseError(QStringLiteral("statement failed:"), query.lastError().text());
    return Ok {};
}

} // namespace Hubbub::Server
