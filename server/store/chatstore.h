#pragma once

#include "error.h"
#include "store/createonce.h"
#include "store/writer.h"
#include "types.h"

#include <QList>

#include <optional>

namespace Hubbub::Server {

class SqlConnection;
class WriteTx;

//! Channels and their messages.
namespace ChatStore {

struct History
{
    QList<Message> messages; //!< oldest first
    bool more = false;
};

//! The public channels (direct conversations are listed by DirectStore::list).
Result<QList<Channel>> channels(SqlConnection &c);
//! Any channel, public or direct (with its members); check mayRead() before showing it.
Result<std::optional<Channel>> channel(SqlConnection &c, qint64 channelId);
Result<Channel> createChannel(WriteTx &tx, const QString &name, const QString &topic);
//! Whether `userId` may read (and write) the channel: every channel that is public, a direct
//! conversation only for its members; false for an unknown channel. Its SQL form, for queries
//! that filter: `(ch.kind = 'public' OR EXISTS (SELECT 1 FROM channel_members m WHERE
//! m.channel_id = ch.id AND m.user_id = :uid))`.
Result<bool> mayRead(SqlConnection &c, qint64 userId, qint64 channelId);
//! Who the events of a channel are for: empty (everyone) for a public channel, the members'
//! ids (sorted) for a direct conversation. Pass it to WriteTx::publish.
Result<Audience> audienceOf(SqlConnection &c, qint64 channelId);
//! For a caller who may read the channel, its audience (audienceOf); nullopt when the caller
//! may not (or there is no such channel). One statement for a public channel.
Result<std::optional<Audience>> readerAudience(SqlConnection &c, qint64 userId, qint64 channelId);
//! The members of a channel, by id (empty for a public one).
Result<QList<User>> members(SqlConnection &c, qint64 channelId);

Result<History> history(
    SqlConnection &c, qint64 channelId, std::optional<qint64> before, int limit);
//! chat.around: up to `limit` messages of `middle`'s channel, `middle` among them, oldest first.
struct Around
{
    QList<Message> messages;
    bool moreBefore = false;
    bool moreAfter = false;
};
Result<Around> around(SqlConnection &c, const Message &middle, int limit);
Result<std::optional<Message>> message(SqlConnection &c, qint64 messageId);
//! The message with this nonce by this author, if one was sent before.
Result<std::optional<Earlier<Message>>> findByNonce(
    SqlConnection &c, qint64 authorId, const QString &nonce);
//! Inserts the message; nullopt when the author already sent one with this nonce (see
//! findByNonce). `seq` is the seq its event will carry (tx.head() + 1). `replyTo` quotes the
//! original of a reply (checked by the caller: a message of the same channel).
Result<std::optional<Message>> insert(WriteTx &tx, qint64 channelId, qint64 authorId,
    const QString &text, const QString &nonce, const std::optional<ReplyQuote> &replyTo = {});
Result<Message> edit(WriteTx &tx, qint64 messageId, const QString &text);
Status remove(WriteTx &tx, qint64 messageId);

} // namespace ChatStore
} // namespace Hubbub::Server
