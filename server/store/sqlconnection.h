#pragma once

#include "error.h"
#include "serverconfig.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <memory>
#include <unordered_map>

namespace Hubbub::Server {

//! One named SQLite connection with a cache of prepared statements. Used from the thread that
//! opened it only (Qt Sql's rule); the server has one on the network thread for bounded reads
//! and one on the writer thread.
class SqlConnection final
{
public:
    //! Opens (creating if needed) the file, sets WAL, foreign keys and synchronous.
    static Result<std::unique_ptr<SqlConnection>> open(
        const QString &path, const QString &name, Durability durability);
    ~SqlConnection();
    Q_DISABLE_COPY_MOVE(SqlConnection)

    //! A prepared statement for `sql`, reused across calls; values must be bound again.
    Result<QSqlQuery *> prepare(const QString &sql);
    //! Runs a prepared statement; a failure is logged and returned as `internal`.
    Status exec(QSqlQuery &query);
    //! Prepares (cached) and runs `sql` with positional values. A null QString binds as '',
    //! an invalid QVariant as NULL.
    Result<QSqlQuery *> run(const QString &sql, const QVariantList &values = {});
    //! Runs a statement that is not worth caching (PRAGMA, BEGIN, DDL).
    Status execOnce(const QString &sql);

    QSqlDatabase database() const { return m_db; }
    QString name() const { return m_name; }

private:
    SqlConnection(QSqlDatabase db, QString name);

    QSqlDatabase m_db;
    QString m_name;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
};

//! The internal error for a failed query; the message names no SQL and no path.
Error databaseError(const QString &context, const QString &detail);

} // namespace Hubbub::Server
