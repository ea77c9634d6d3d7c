#pragma once

#include "error.h"
#include "types.h"

#include <QList>

namespace Hubbub::Server {

class SqlConnection;
class WriteTx;

//! Reactions on messages and posts (docs/protocol.md, "Replies and reactions").
namespace ReactionStore {

//! What a reaction is on: a message or a post (exactly one id is set).
struct Target
{
    qint64 messageId = 0;
    qint64 postId = 0;
};

//! Fills `reactions` of each message or post (one range query for the whole list).
Status fill(SqlConnection &c, QList<Message> &messages);
Status fill(SqlConnection &c, QList<Post> &posts);
Result<QList<Reaction>> of(SqlConnection &c, const Target &target);

//! What reaction.set did: the entry's reactions now, and whether they changed.
struct Change
{
    QList<Reaction> reactions;
    bool changed = false;
    //! The seq of the last change to them (this one's when changed: tx.head() + 1), or the
    //! entry's created_seq when nobody ever reacted.
    qint64 seq = 0;
};

//! Puts (`on`) or takes away the user's `emoji` on the target, which must exist; setting what
//! is already so changes nothing. A new emoji beyond Limits::ReactionsPerEntryMax distinct ones
//! is `too_large` (field `emoji`).
Result<Change> set(WriteTx &tx, const Target &target, qint64 userId, const QString &emoji, bool on);

} // namespace ReactionStore
} // namespace Hubbub::Server
