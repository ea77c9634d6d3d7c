#pragma once

#include "error.h"

namespace Hubbub::Server {

class SqlConnection;

//! The PostgreSQL schema's version (hubbub_meta.schema_version); it counts apart from SQLite's.
inline constexpr int PostgresSchemaVersion = 1;

//! Creates the schema in an empty PostgreSQL database (its current schema, the search_path's
//! first), or checks the version of one made before. Several instances starting at once create
//! it once: they take one advisory lock for it. A database holding other tables is refused.
Status migratePostgres(SqlConnection &connection);

} // namespace Hubbub::Server
