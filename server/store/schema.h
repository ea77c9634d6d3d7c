#pragma once

#include "error.h"

namespace Hubbub::Server {

class SqlConnection;

//! The schema version this build writes (`PRAGMA user_version`).
inline constexpr int SchemaVersion = 13;

//! Brings the file up to SchemaVersion, one numbered step per transaction. A file written by a
//! newer server, or one that is not a database, is refused with a readable error. `upTo` stops
//! at an older version: tests build the files older servers wrote with it.
Status migrate(SqlConnection &connection, int upTo = SchemaVersion);

} // namespace Hubbub::Server
