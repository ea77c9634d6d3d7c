#include "handlers/replyhandler.h"

#include "protocollimits.h"
#include "store/chatstore.h"
#include "store/poststore.h"
#include "store/reactionstore.h"
#include "store/sqlconnection.h"
#include "validation.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Hubbub::Server {

namespace {

//! The messages of this file, under one context that lupdate can see. The server sends
//! them in English (it knows no reader's language); the client shows its own text.
struct ReplyText
{
    Q_DECLARE_TR_FUNCTIONS(Hubbub::Server::ReplyHandler)
};

Error messageNotFound()
{
    return makeError(ErrorCode::NotFound,
        ReplyText::tr("This message does not exist (it may have been deleted)."),
        QStringLiteral("messageId"));
}

//! A message `userId` may read, with the audience of its channel's events.
struct Readable
{
    Message message;
    Audience audience;
};

//! The message, if `userId` may read it; `not_found` (field messageId) otherwise, also for a
//! message of a direct conversation the caller is not in, so that nobody learns what exists
//! where they may not look.
Result<Readable> readableMessage(SqlConnection &c, qint64 userId, qint64 messageId)
{
    Result<std::optional<Message>> message = ChatStore::message(c, messageId);
    if (!message)
        return message.error();
    if (!*message)
        return messageNotFound();
    Result<std::optional<Audience>> audience
        = ChatStore::readerAudience(c, userId, (*message)->channelId);
    if (!audience)
        return audience.error();
    if (!*audience)
        return messageNotFound();
    return Readable {**message, **audience};
}

} // namespace

QList<MessageType> ReplyHandler::types() const
{
    return {MessageType::ChatAround, MessageType::ReactionSet};
}

void ReplyHandler::handle(const Caller &caller, const Request &request, const Responder &reply)
{
    const Params params(request.params);
    switch (request.type) {
    case MessageType::ChatAround:
        return around(*caller.user, params, reply);
    case MessageType::ReactionSet:
        return setReaction(*caller.user, params, reply);
    default:
        return reply.fail(makeError(ErrorCode::BadRequest, ReplyText::tr("Not a chat request.")));
    }
}

void ReplyHandler::around(const User &user, const Params &params, const Responder &reply)
{
    const Result<qint64> messageId = params.id(QStringLiteral("messageId"));
    if (!messageId)
        return reply.fail(messageId.error());
    const Result<int> limit
        = params.limit(QStringLiteral("limit"), 1, Limits::AroundMax, Limits::AroundDefault);
    if (!limit)
        return reply.fail(limit.error());
    // A bounded read (at most AroundMax rows by index) on the reader, as chat.history is.
    const Result<Readable> readable = readableMessage(m_ctx.reader, user.id, *messageId);
    if (!readable)
        return reply.fail(readable.error());
    const Message &middle = readable->message;
    const Result<ChatStore::Around> around = ChatStore::around(m_ctx.reader, middle, *limit);
    if (!around)
        return reply.fail(around.error());
    QJsonArray array;
    for (const Message &message : around->messages)
        array.append(message.toJson());
    reply.ok({{QStringLiteral("channelId"), middle.channelId}, {QStringLiteral("messages"), array},
        {QStringLiteral("moreBefore"), around->moreBefore},
        {QStringLiteral("moreAfter"), around->moreAfter}});
}

void ReplyHandler::setReaction(const User &user, const Params &params, const Responder &reply)
{
    const bool onMessage = params.contains(QStringLiteral("messageId"));
    if (onMessage == params.contains(QStringLiteral("postId"))) {
        return reply.fail(makeError(ErrorCode::BadRequest,
            ReplyText::tr("A reaction goes on a message or on a post: give one of messageId and "
                          "postId.")));
    }
    ReactionStore::Target target;
    if (onMessage) {
        const Result<qint64> id = params.id(QStringLiteral("messageId"));
        if (!id)
            return reply.fail(id.error());
        if (*id <= 0) // no message has it; 0 would read as "on a post" below
            return reply.fail(messageNotFound());
        target.messageId = *id;
    } else {
        const Result<qint64> id = params.id(QStringLiteral("postId"));
        if (!id)
            return reply.fail(id.error());
        target.postId = *id;
    }
    const Result<QString> emoji = params.string(QStringLiteral("emoji"));
    if (!emoji)
        return reply.fail(emoji.error());
    if (auto error = Validation::checkEmoji(*emoji))
        return reply.fail(*error);
    const QJsonValue on = params.value(QStringLiteral("on"));
    if (!on.isBool()) {
        return reply.fail(
            makeError(ErrorCode::BadRequest, ReplyText::tr("'on' must be true or false.")));
    }
    m_ctx.writer.submit(
        [userId = user.id, target, emoji = *emoji, on = on.toBool()](
            WriteTx &tx) -> Result<QJsonObject> {
            QJsonObject about;
            Audience audience; // everyone, but for a message in a direct conversation
            if (target.messageId != 0) {
                Result<Readable> readable = readableMessage(tx.sql(), userId, target.messageId);
                if (!readable)
                    return readable.error();
                about = {{QStringLiteral("messageId"), readable->message.id},
                    {QStringLiteral("channelId"), readable->message.channelId}};
                audience = readable->audience;
            } else {
                if (Result<qint64> author = PostStore::authorOf(tx, target.postId); !author)
                    return author.error();
                about = {{QStringLiteral("postId"), target.postId}};
            }
            Result<ReactionStore::Change> change
                = ReactionStore::set(tx, target, userId, emoji, on);
            if (!change)
                return change.error();
            about.insert(QStringLiteral("reactions"), reactionsToJson(change->reactions));
            if (!change->changed) {
                // A set, not a toggle: what is already so emits nothing and answers as the
                // change that made it so did.
                about.insert(QStringLiteral("seq"), change->seq);
                return about;
            }
            // In a direct conversation the event goes to its members only.
            return tx.publish(EventType::ReactionChanged, about, audience);
        },
        [reply](const WriteOutcome &outcome) { reply.finish(outcome); });
}

} // namespace Hubbub::Server
