#pragma once

#include "error.h"
#include "store/createonce.h"
#include "types.h"

#include <QList>

#include <optional>

namespace Hubbub::Server {

class SqlConnection;
class WriteTx;

//! Direct conversations: channels of kind "direct" with a fixed set of members, one per set
//! (docs/protocol.md, "Direct messages").
namespace DirectStore {

//! The name_key of the conversation of these members (sorted ids): the ids behind a control
//! character no channel name may hold, so it is unique per set and never a channel's.
QString memberKey(const QList<qint64> &memberIds);
//! The conversation of exactly these members (sorted ids), with the seq of its creation.
Result<std::optional<Earlier<Channel>>> find(SqlConnection &c, const QList<qint64> &memberIds);
//! Creates the conversation of these members (sorted ids, all existing users); its event will
//! carry seq tx.head() + 1.
Result<Channel> create(WriteTx &tx, const QList<qint64> &memberIds);
//! The conversations `userId` is a member of, newest activity (creation or last message) first.
Result<QList<Channel>> list(SqlConnection &c, qint64 userId);

} // namespace DirectStore
} // namespace Hubbub::Server
