#pragma once

#include "error.h"
#include "store/sqlconnection.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QString>

//! What the stores' SQL needs beyond SqlConnection::pick() to read the same in SQLite and
//! PostgreSQL.
namespace Hubbub::Server::SqlDialect {

//! The id of the row an `INSERT ... RETURNING id` stored (SQLite 3.35+ and PostgreSQL alike;
//! QPSQL has no lastInsertId()), 0 when it stored none (ON CONFLICT DO NOTHING). Runs the
//! statement to its end and finishes it: SQLite may report a failure of the insert (a full
//! disk) only there, after handing out the row, and has then rolled back the whole
//! transaction; a job that went on would write the rest outside any transaction.
inline Result<qint64> insertedId(QSqlQuery &query)
{
    const qint64 id = query.next() ? query.value(0).toLongLong() : 0;
    while (query.next()) { }
    const QSqlError error = query.lastError();
    query.finish();
    if (error.isValid())
        return databaseError(QStringLiteral("insert failed:"), error.text());
    return id;
}

//! After a PostgreSQL ORDER BY on text: by code point, as SQLite's BINARY collation sorts
//! (the database's own collation may be a language's, which sorts "B" beside "b").
inline const QString PostgresBinaryOrder = QStringLiteral(" COLLATE \"C\"");

} // namespace Hubbub::Server::SqlDialect
