#pragma once

#include "error.h"

#include <QList>
#include <QString>

#include <optional>

namespace Hubbub::Server {

class SqlConnection;
class WriteTx;

//! Each user's read position and notification level per channel (part "read").
namespace ReadStore {

//! One line of `read.state`.
struct ChannelState
{
    qint64 channelId = 0;
    qint64 lastReadId = 0;
    int unread = 0; //!< messages after lastReadId by others, at most Limits::UnreadCountMax
    int mentions = 0; //!< of those, the ones that mention the user, at most the same
    QString notify; //!< "all", "mentions" or "none"
};

//! The notification levels, as on the wire and in channel_prefs.level.
bool isLevel(const QString &level);

//! The channel of a message, or nullopt when there is no such message.
Result<std::optional<qint64>> channelOfMessage(SqlConnection &c, qint64 messageId);
//! The user's read position in a channel as stored (the floor when they never marked one).
Result<qint64> lastReadId(SqlConnection &c, qint64 userId, qint64 channelId);
//! Every channel the user may read, with counts, oldest channel first.
Result<QList<ChannelState>> state(SqlConnection &c, qint64 userId);

//! Moves the read position forward to `messageId`; never back. Returns the position now stored
//! and whether it moved.
struct Marked
{
    qint64 lastReadId = 0;
    bool moved = false;
};
Result<Marked> mark(WriteTx &tx, qint64 userId, qint64 channelId, qint64 messageId);
//! Stores the level; returns whether it changed.
Result<bool> setLevel(WriteTx &tx, qint64 userId, qint64 channelId, const QString &level);

} // namespace ReadStore
} // namespace Hubbub::Server
