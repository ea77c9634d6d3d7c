#include "handlers/chathandler.h"

#include "handlers/filehandler.h"
#include "protocollimits.h"
#include "store/chatstore.h"
#include "store/filestore.h"
#include "store/mentionstore.h"
#include "store/sqlconnection.h"
#include "store/versionstore.h"
#include "validation.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Hubbub::Server {

namespace {

//! The messages of this file, under one context that lupdate can see. The server sends
//! them in English (it knows no reader's language); the client shows its own text.
struct ChatText
{
    Q_DECLARE_TR_FUNCTIONS(Hubbub::Server::ChatHandler)
};

Error channelNotFound()
{
    return makeError(ErrorCode::NotFound, ChatText::tr("This channel does not exist."),
        QStringLiteral("channelId"));
}

//! Chat text as stored: trimmed, then checked.
Result<QString> chatText(const Params &params)
{
    Result<QString> text = params.string(QStringLiteral("text"));
    if (!text)
        return text;
    QString trimmed = text->trimmed();
    if (auto error = Validation::checkChatText(trimmed))
        return *error;
    return trimmed;
}

//! The audience of the channel's events, for a caller who may read it; `not_found` when the
//! channel does not exist for the caller (a direct conversation of others does not).
Result<Audience> readableChannel(SqlConnection &c, qint64 userId, qint64 channelId)
{
    Result<std::optional<Audience>> audience = ChatStore::readerAudience(c, userId, channelId);
    if (!audience)
        return audience.error();
    if (!*audience)
        return channelNotFound();
    return **audience;
}

//! A message the caller may read and the audience of its channel, for authorization;
//! `not_found` when it is gone or in a direct conversation of others.
struct ReadableMessage
{
    Message message;
    Audience audience;
};

Result<ReadableMessage> existingMessage(WriteTx &tx, qint64 userId, qint64 messageId)
{
    Result<std::optional<Message>> message = ChatStore::message(tx.sql(), messageId);
    if (!message)
        return message.error();
    Result<std::optional<Audience>> audience = *message
        ? ChatStore::readerAudience(tx.sql(), userId, (*message)->channelId)
        : Result<std::optional<Audience>>(std::optional<Audience>());
    if (!audience)
        return audience.error();
    if (!*audience) {
        return makeError(ErrorCode::NotFound,
            ChatText::tr("This message does not exist (it may have been deleted)."),
            QStringLiteral("messageId"));
    }
    return ReadableMessage {**message, **audience};
}

//! Finds and stores what the message's text mentions, and sets them on it (part "rich");
//! `replacing` (an edit) drops what the earlier text mentioned.
Status storeMentions(WriteTx &tx, Message &message, bool replacing)
{
    Result<QList<Mention>> mentions
        = MentionStore::resolve(tx.sql(), message.text, message.channelId);
    if (!mentions)
        return mentions.error();
    // A new message without mentions has no rows to replace: no statement.
    if (replacing || !mentions->isEmpty()) {
        if (Status s = MentionStore::storeForMessage(tx, message.id, *mentions); !s)
            return s;
    }
    message.mentions = *mentions;
    return Ok {};
}

//! The quote of a reply's original, which must be a message of the same channel (part
//! "react"); `not_found` field replyTo otherwise, as for a message that does not exist.
Result<std::optional<ReplyQuote>> replyQuote(
    SqlConnection &c, qint64 channelId, std::optional<qint64> replyTo)
{
    if (!replyTo)
        return std::optional<ReplyQuote>();
    Result<std::optional<Message>> original = ChatStore::message(c, *replyTo);
    if (!original)
        return original.error();
    if (!*original || (*original)->channelId != channelId) {
        return makeError(ErrorCode::NotFound,
            ChatText::tr("The message replied to does not exist in this channel."),
            QStringLiteral("replyTo"));
    }
    return std::optional<ReplyQuote>(ReplyQuote {
        (*original)->id, false, (*original)->author, ReplyQuote::quoteOf((*original)->text)});
}

} // namespace

QList<MessageType> ChatHandler::types() const
{
    return {MessageType::ChannelList, MessageType::ChannelCreate, MessageType::ChatHistory,
        MessageType::ChatSend, MessageType::ChatEdit, MessageType::ChatDelete};
}

void ChatHandler::handle(const Caller &caller, const Request &request, const Responder &reply)
{
    const Params params(request.params);
    const User &user = *caller.user;
    switch (request.type) {
    case MessageType::ChannelList:
        return listChannels(reply);
    case MessageType::ChannelCreate:
        return createChannel(params, reply);
    case MessageType::ChatHistory:
        return history(user, params, reply);
    case MessageType::ChatSend:
        return send(user, params, reply);
    case MessageType::ChatEdit:
        return edit(user, params, reply);
    case MessageType::ChatDelete:
        return remove(user, params, reply);
    default:
        return reply.fail(makeError(ErrorCode::BadRequest, ChatText::tr("Not a chat request.")));
    }
}

void ChatHandler::listChannels(const Responder &reply)
{
    const Result<QList<Channel>> channels = ChatStore::channels(m_ctx.reader);
    if (!channels)
        return reply.fail(channels.error());
    QJsonArray array;
    for (const Channel &channel : *channels)
        array.append(channel.toJson());
    reply.ok({{QStringLiteral("channels"), array}});
}

void ChatHandler::createChannel(const Params &params, const Responder &reply)
{
    const Result<QString> name = params.string(QStringLiteral("name"));
    if (!name)
        return reply.fail(name.error());
    const Result<std::optional<QString>> topic = params.optionalString(QStringLiteral("topic"));
    if (!topic)
        return reply.fail(topic.error());
    const QString trimmedName = name->trimmed();
    const QString trimmedTopic = topic->value_or(QString()).trimmed();
    if (auto error = Validation::checkChannelName(trimmedName))
        return reply.fail(*error);
    if (auto error = Validation::checkChannelTopic(trimmedTopic))
        return reply.fail(*error);
    m_ctx.writer.submit(
        [trimmedName, trimmedTopic](WriteTx &tx) -> Result<QJsonObject> {
            Result<Channel> channel = ChatStore::createChannel(tx, trimmedName, trimmedTopic);
            if (!channel)
                return channel.error();
            return tx.publish(
                EventType::ChannelCreated, {{QStringLiteral("channel"), channel->toJson()}});
        },
        [reply](const WriteOutcome &outcome) { reply.finish(outcome); });
}

void ChatHandler::history(const User &user, const Params &params, const Responder &reply)
{
    const Result<qint64> channelId = params.id(QStringLiteral("channelId"));
    if (!channelId)
        return reply.fail(channelId.error());
    const Result<std::optional<qint64>> before = params.optionalId(QStringLiteral("before"));
    if (!before)
        return reply.fail(before.error());
    const Result<int> limit = params.limit(
        QStringLiteral("limit"), 1, Limits::HistoryPageMax, Limits::HistoryPageDefault);
    if (!limit)
        return reply.fail(limit.error());
    if (Result<Audience> readable = readableChannel(m_ctx.reader, user.id, *channelId); !readable)
        return reply.fail(readable.error());
    const Result<ChatStore::History> history
        = ChatStore::history(m_ctx.reader, *channelId, *before, *limit);
    if (!history)
        return reply.fail(history.error());
    QJsonArray array;
    for (const Message &message : history->messages)
        array.append(message.toJson());
    reply.ok({{QStringLiteral("messages"), array}, {QStringLiteral("more"), history->more}});
}

void ChatHandler::send(const User &user, const Params &params, const Responder &reply)
{
    const Result<qint64> channelId = params.id(QStringLiteral("channelId"));
    if (!channelId)
        return reply.fail(channelId.error());
    const Result<std::optional<QStringList>> fileIds = attachedFileIds(params);
    if (!fileIds)
        return reply.fail(fileIds.error());
    Result<QString> text = chatText(params);
    // Part "files": a message may be its attachments alone.
    if (!text && *fileIds && !(*fileIds)->isEmpty()
        && params.value(QStringLiteral("text")).isString()
        && params.value(QStringLiteral("text")).toString().trimmed().isEmpty())
        text = QString();
    if (!text)
        return reply.fail(text.error());
    const Result<QString> nonce = nonceParam(params);
    if (!nonce)
        return reply.fail(nonce.error());
    const Result<std::optional<qint64>> replyTo = params.optionalId(QStringLiteral("replyTo"));
    if (!replyTo)
        return reply.fail(replyTo.error());
    m_ctx.writer.submit(
        [userId = user.id, channelId = *channelId, text = *text, nonce = *nonce, replyTo = *replyTo,
            fileIds = fileIds->value_or(QStringList())](WriteTx &tx) -> Result<QJsonObject> {
            Audience audience;
            std::optional<ReplyQuote> quote;
            QList<File> files; // part "files": resolved with the channel, attached on insert
            return createOnce<Message>(tx, nonce,
                {EventType::MessageCreated,
                    [&]() -> Status {
                        Result<Audience> readable = readableChannel(tx.sql(), userId, channelId);
                        if (!readable)
                            return readable.error();
                        audience = *readable;
                        // The original must be in the same channel, so the caller may read it.
                        Result<std::optional<ReplyQuote>> q
                            = replyQuote(tx.sql(), channelId, replyTo);
                        if (!q)
                            return q.error();
                        quote = *q;
                        Result<QList<File>> found
                            = FileStore::resolveForAttach(tx.sql(), userId, fileIds);
                        if (!found)
                            return found.error();
                        files = *found;
                        return Ok {};
                    },
                    [&]() -> Result<std::optional<Message>> {
                        Result<std::optional<Message>> message
                            = ChatStore::insert(tx, channelId, userId, text, nonce, quote);
                        if (!message || !*message)
                            return message;
                        if (Status s = storeMentions(tx, **message, false); !s)
                            return s.error();
                        if (!files.isEmpty()) {
                            if (Status s = FileStore::attachToMessage(tx, (*message)->id, files);
                                !s)
                                return s.error();
                            (*message)->files = files;
                        }
                        return message;
                    },
                    [&] { return ChatStore::findByNonce(tx.sql(), userId, nonce); },
                    [](const Message &message) -> Result<QJsonObject> {
                        return QJsonObject {{QStringLiteral("message"), message.toJson()}};
                    },
                    [&] { return audience; }});
        },
        [reply](const WriteOutcome &outcome) { reply.finish(outcome); });
}

void ChatHandler::edit(const User &user, const Params &params, const Responder &reply)
{
    const Result<qint64> messageId = params.id(QStringLiteral("messageId"));
    if (!messageId)
        return reply.fail(messageId.error());
    const Result<QString> text = chatText(params);
    if (!text)
        return reply.fail(text.error());
    m_ctx.writer.submit(
        [user, messageId = *messageId, text = *text](WriteTx &tx) -> Result<QJsonObject> {
            Result<ReadableMessage> existing = existingMessage(tx, user.id, messageId);
            if (!existing)
                return existing.error();
            if (Status s = checkMayChange(tx, user, existing->message.author.id,
                    ChatText::tr("message"), QStringLiteral("chat.edit"),
                    {{QStringLiteral("messageId"), messageId},
                        {QStringLiteral("channelId"), existing->message.channelId}});
                !s)
                return s.error();
            Message changed = existing->message;
            changed.text = text;
            if (Status s = storeMentions(tx, changed, true); !s)
                return s.error();
            Result<Message> message = ChatStore::edit(tx, messageId, text);
            if (!message)
                return message.error();
            if (Status s
                = VersionStore::recordMessageEdit(tx, existing->message, *message, user.id);
                !s)
                return s.error();
            return tx.publish(EventType::MessageUpdated,
                {{QStringLiteral("message"), message->toJson()}}, existing->audience);
        },
        [reply](const WriteOutcome &outcome) { reply.finish(outcome); });
}

void ChatHandler::remove(const User &user, const Params &params, const Responder &reply)
{
    const Result<qint64> messageId = params.id(QStringLiteral("messageId"));
    if (!messageId)
        return reply.fail(messageId.error());
    m_ctx.writer.submit(
        [user, messageId = *messageId](WriteTx &tx) -> Result<QJsonObject> {
            Result<ReadableMessage> existing = existingMessage(tx, user.id, messageId);
            if (!existing)
                return existing.error();
            if (Status s = checkMayChange(tx, user, existing->message.author.id,
                    ChatText::tr("message"), QStringLiteral("chat.delete"),
                    {{QStringLiteral("messageId"), messageId},
                        {QStringLiteral("channelId"), existing->message.channelId}});
                !s)
                return s.error();
            if (Status s = ChatStore::remove(tx, messageId); !s)
                return s.error();
            Result<QJsonObject> published = tx.publish(EventType::MessageDeleted,
                {{QStringLiteral("messageId"), messageId},
                    {QStringLiteral("channelId"), existing->message.channelId}},
                existing->audience);
            if (!published)
                return published;
            return QJsonObject {
                {QStringLiteral("seq"), published->value(QLatin1StringView("seq"))}};
        },
        [reply](const WriteOutcome &outcome) { reply.finish(outcome); });
}

} // namespace Hubbub::Server
