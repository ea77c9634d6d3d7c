#pragma once

#include "error.h"
#include "store/createonce.h"
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

Result<QList<Channel>> channels(SqlConnection &c);
Result<std::optional<Channel>> channel(SqlConnection &c, qint64 channelId);
Result<Channel> createChannel(WriteTx &tx, const QString &name, const QString &topic);

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
