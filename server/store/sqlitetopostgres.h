#pragma once

#include "error.h"
#include "store/sqlconnection.h"

namespace Hubbub::Server {

//! `hubbub-server --migrate-from FILE --db postgresql://…`: copies an SQLite database into an
//! empty PostgreSQL one, and what lies beside it (uploaded files, the TLS certificate and key)
//! into the data folder.
namespace SqliteToPostgres {

struct Report
{
    int tables = 0;
    qint64 rows = 0;
    qint64 files = 0; //!< uploaded files copied
    bool certificate = false; //!< the certificate and key were copied
};

//! Brings the SQLite file up to this server's schema (as starting the server on it would),
//! creates the schema in the PostgreSQL database, which must hold no Hubbub rows, and copies
//! every table in one transaction. Before COMMIT every table is read back from both sides in
//! primary-key order and compared value by value: on any difference nothing is committed.
//! `dataBase` is where side files go (ServerConfig::databasePath under --data-dir).
Result<Report> copy(
    const QString &sqliteFile, const DatabaseTarget &postgres, const QString &dataBase);

} // namespace SqliteToPostgres
} // namespace Hubbub::Server
