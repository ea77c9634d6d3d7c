#pragma once

#include "error.h"
#include "types.h"

#include <QList>

#include <optional>

namespace Hubbub::Server {

class SqlConnection;
class WriteTx;

//! Who a message or post mentions (`@name`, docs/protocol.md "Mentions"), by user id, with
//! where in the text: a rename changes no stored row, the client shows the current name.
namespace MentionStore {

//! The mentions of `text`: each `@name` token whose name is a user's (Validation::usernameKey:
//! case and normal form ignored). In a direct conversation (`channelId` set) only its members
//! count. Read-only: the writer stores them with storeFor*().
Result<QList<Mention>> resolve(
    SqlConnection &c, const QString &text, std::optional<qint64> channelId = std::nullopt);
//! Replaces what a message or post mentions (an edit may add or drop names).
Status storeForMessage(WriteTx &tx, qint64 messageId, const QList<Mention> &mentions);
Status storeForPost(WriteTx &tx, qint64 postId, const QList<Mention> &mentions);
//! Fills `mentions` of the messages of one channel (history pages, single messages) and of
//! posts (feed pages), from the stored rows, in one range query each.
Status fillMessages(SqlConnection &c, QList<Message> &messages);
Status fillPosts(SqlConnection &c, QList<Post> &posts);

} // namespace MentionStore
} // namespace Hubbub::Server
