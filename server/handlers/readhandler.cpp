#include "handlers/readhandler.h"

#include "serverframe.h"
#include "store/chatstore.h"
#include "store/readstore.h"
#include "store/sqlconnection.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Hubbub::Server {

namespace {

//! The messages of this file, under one context that lupdate can see.
struct ReadText
{
    Q_DECLARE_TR_FUNCTIONS(Hubbub::Server::ReadHandler)
};

//! Bounds the cache of committed positions; past it the cache starts again (it only saves
//! writes, it decides nothing).
constexpr qsizetype CommittedCacheMax = 100'000;

Error channelNotFound()
{
    return makeError(ErrorCode::NotFound, ReadText::tr("This channel does not exist."),
        QStringLiteral("channelId"));
}

//! `not_found` for a channel the user may not read, as for one that does not exist: a direct
//! conversation of others does not exist for them.
Status requireReadable(SqlConnection &c, qint64 userId, qint64 channelId)
{
    const Result<bool> may = ChatStore::mayRead(c, userId, channelId);
    if (!may)
        return may.error();
    if (!*may)
        return channelNotFound();
    return Ok {};
}

} // namespace

QList<MessageType> ReadHandler::types() const
{
    return {MessageType::ReadMark, MessageType::ReadState, MessageType::ChannelNotify};
}

void ReadHandler::handle(const Caller &caller, const Request &request, const Responder &reply)
{
    const Params params(request.params);
    const User &user = *caller.user;
    switch (request.type) {
    case MessageType::ReadMark:
        return mark(user, params, reply);
    case MessageType::ReadState:
        return state(user, reply);
    case MessageType::ChannelNotify:
        return notify(user, params, reply);
    default:
        return reply.fail(makeError(ErrorCode::BadRequest, ReadText::tr("Not a read request.")));
    }
}

void ReadHandler::mark(const User &user, const Params &params, const Responder &reply)
{
    const Result<qint64> channelId = params.id(QStringLiteral("channelId"));
    if (!channelId)
        return reply.fail(channelId.error());
    const Result<qint64> messageId = params.id(QStringLiteral("messageId"));
    if (!messageId)
        return reply.fail(messageId.error());
    // Two indexed look-ups on the reader; the write only when the position moves forward.
    if (Status s = requireReadable(m_ctx.reader, user.id, *channelId); !s)
        return reply.fail(s.error());
    const Result<std::optional<qint64>> channelOf
        = ReadStore::channelOfMessage(m_ctx.reader, *messageId);
    if (!channelOf)
        return reply.fail(channelOf.error());
    if (*channelOf != *channelId) {
        return reply.fail(makeError(ErrorCode::NotFound,
            ReadText::tr("This message is not in this channel (it may have been deleted)."),
            QStringLiteral("messageId")));
    }
    const std::pair<qint64, qint64> key {user.id, *channelId};
    const qint64 known = m_committed.value(key, 0);
    if (*messageId <= known) {
        return reply.ok(
            {{QStringLiteral("channelId"), *channelId}, {QStringLiteral("lastReadId"), known}});
    }
    m_ctx.writer.submit(
        [userId = user.id, channelId = *channelId, messageId = *messageId](
            WriteTx &tx) -> Result<QJsonObject> {
            Result<ReadStore::Marked> marked = ReadStore::mark(tx, userId, channelId, messageId);
            if (!marked)
                return marked.error();
            return QJsonObject {{QStringLiteral("channelId"), channelId},
                {QStringLiteral("lastReadId"), marked->lastReadId},
                {QStringLiteral("moved"), marked->moved}};
        },
        [this, reply, key](const WriteOutcome &outcome) {
            if (!outcome.result)
                return reply.fail(outcome.result.error());
            QJsonObject result = *outcome.result;
            const qint64 lastReadId = result.value(QLatin1StringView("lastReadId")).toInteger();
            const bool moved = result.take(QLatin1StringView("moved")).toBool();
            if (m_committed.size() >= CommittedCacheMax)
                m_committed.clear();
            qint64 &cached = m_committed[key];
            cached = std::max(cached, lastReadId);
            if (moved)
                m_ctx.hub.sendToUsers({key.first}, 0, encodeRead(key.second, lastReadId));
            reply.ok(result);
        });
}

void ReadHandler::state(const User &user, const Responder &reply)
{
    const Result<QList<ReadStore::ChannelState>> channels = ReadStore::state(m_ctx.reader, user.id);
    if (!channels)
        return reply.fail(channels.error());
    QJsonArray array;
    for (const ReadStore::ChannelState &channel : *channels) {
        array.append(QJsonObject {{QStringLiteral("channelId"), channel.channelId},
            {QStringLiteral("lastReadId"), channel.lastReadId},
            {QStringLiteral("unread"), channel.unread},
            {QStringLiteral("mentions"), channel.mentions},
            {QStringLiteral("notify"), channel.notify}});
    }
    reply.ok({{QStringLiteral("channels"), array}});
}

void ReadHandler::notify(const User &user, const Params &params, const Responder &reply)
{
    const Result<qint64> channelId = params.id(QStringLiteral("channelId"));
    if (!channelId)
        return reply.fail(channelId.error());
    const Result<QString> level = params.string(QStringLiteral("level"));
    if (!level)
        return reply.fail(level.error());
    if (!ReadStore::isLevel(*level)) {
        return reply.fail(makeError(ErrorCode::Invalid,
            ReadText::tr("The level must be \"all\", \"mentions\" or \"none\"."),
            QStringLiteral("level")));
    }
    if (Status s = requireReadable(m_ctx.reader, user.id, *channelId); !s)
        return reply.fail(s.error());
    m_ctx.writer.submit(
        [userId = user.id, channelId = *channelId, level = *level](
            WriteTx &tx) -> Result<QJsonObject> {
            Result<bool> changed = ReadStore::setLevel(tx, userId, channelId, level);
            if (!changed)
                return changed.error();
            return QJsonObject {{QStringLiteral("channelId"), channelId},
                {QStringLiteral("level"), level}, {QStringLiteral("changed"), *changed}};
        },
        [this, reply, userId = user.id](const WriteOutcome &outcome) {
            if (!outcome.result)
                return reply.fail(outcome.result.error());
            QJsonObject result = *outcome.result;
            if (result.take(QLatin1StringView("changed")).toBool()) {
                m_ctx.hub.sendToUsers({userId}, 0,
                    encodePrefs(result.value(QLatin1StringView("channelId")).toInteger(),
                        result.value(QLatin1StringView("level")).toString()));
            }
            reply.ok(result);
        });
}

} // namespace Hubbub::Server
