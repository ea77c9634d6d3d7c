#pragma once

#include "error.h"

namespace Hubbub::Server {

class SqlConnection;

//! The schema version this build writes (`PRAGMA user_version`).
inline constexpr int SchemaVersion = 3;

//! Brings the file up to SchemaVersion, one numbered step per transaction. A file written by a
//! newer server, or one that is not a database, is refused with a readable error.
Status migrate(SqlConnection &connection);

} // namespace Hubbub::Server
