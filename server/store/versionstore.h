#pragma once

#include "error.h"
#include "types.h"

#include <QList>

namespace Hubbub::Server {

class SqlConnection;
class WriteTx;

//! The earlier versions of edited messages and posts (docs/protocol.md "Edit history").
//! An entry never edited has no rows; its first edit stores the original and the new
//! version, each later edit the new one, so the rows are every version, the current last.
namespace VersionStore {

//! Keeps `before` and the edit that replaced it with `after` (same message, new text, set
//! edited_at), made by `editorId`. Nothing when the text did not change.
Status recordMessageEdit(WriteTx &tx, const Message &before, const Message &after, qint64 editorId);
Status recordPostEdit(WriteTx &tx, const Post &before, const Post &after, qint64 editorId);

//! Every version of a message that exists, oldest first, the current one last (one version
//! when it was never edited).
Result<QList<EntryVersion>> messageVersions(SqlConnection &c, const Message &message);
Result<QList<EntryVersion>> postVersions(SqlConnection &c, const Post &post);

} // namespace VersionStore
} // namespace Hubbub::Server
