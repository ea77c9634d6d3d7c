#pragma once

#include <QSqlQuery>
#include <QString>

//! What the stores' SQL needs beyond SqlConnection::pick() to read the same in SQLite and
//! PostgreSQL.
namespace Hubbub::Server::SqlDialect {

//! The id of the row an `INSERT ... RETURNING id` stored (SQLite 3.35+ and PostgreSQL alike;
//! QPSQL has no lastInsertId()), 0 when it stored none (ON CONFLICT DO NOTHING). Finishes the
//! statement.
inline qint64 insertedId(QSqlQuery &query)
{
    const qint64 id = query.next() ? query.value(0).toLongLong() : 0;
    query.finish();
    return id;
}

//! After a PostgreSQL ORDER BY on text: by code point, as SQLite's BINARY collation sorts
//! (the database's own collation may be a language's, which sorts "B" beside "b").
inline const QString PostgresBinaryOrder = QStringLiteral(" COLLATE \"C\"");

} // namespace Hubbub::Server::SqlDialect
