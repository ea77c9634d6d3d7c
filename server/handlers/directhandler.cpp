#include "handlers/directhandler.h"

#include "protocollimits.h"
#include "store/directstore.h"
#include "store/sqlconnection.h"
#include "store/userstore.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>

namespace Hubbub::Server {

namespace {

//! The messages of this file, under one context that lupdate can see. The server sends
//! them in English (it knows no reader's language); the client shows its own text.
struct DirectText
{
    Q_DECLARE_TR_FUNCTIONS(Hubbub::Server::DirectHandler)
};

const QString UserIdsKey = QStringLiteral("userIds");

//! The members of the conversation dm.open names: the caller and the distinct others, sorted.
Result<QList<qint64>> membersOf(const User &user, const Params &params)
{
    const QJsonValue value = params.value(UserIdsKey);
    if (!value.isArray()) {
        return makeError(ErrorCode::BadRequest,
            DirectText::tr("The field 'userIds' must be an array of user ids."));
    }
    QList<qint64> members {user.id};
    for (const QJsonValue &element : value.toArray()) {
        // Each id is checked as a lone `userIds` field would be, with the same errors.
        const Result<qint64> id = Params(QJsonObject {{UserIdsKey, element}}).id(UserIdsKey);
        if (!id)
            return id.error();
        if (!members.contains(*id))
            members.append(*id);
        if (members.size() > Limits::DirectMembersMax) {
            return makeError(ErrorCode::TooLarge,
                DirectText::tr("A conversation has at most %1 members.")
                    .arg(Limits::DirectMembersMax),
                UserIdsKey);
        }
    }
    if (members.size() < 2) {
        return makeError(ErrorCode::Invalid,
            DirectText::tr("Name at least one other user to talk to."), UserIdsKey);
    }
    std::sort(members.begin(), members.end());
    return members;
}

QJsonObject channelReply(const Channel &channel, qint64 seq)
{
    return {{QStringLiteral("channel"), channel.toJson()}, {QStringLiteral("seq"), seq}};
}

} // namespace

QList<MessageType> DirectHandler::types() const
{
    return {MessageType::DmOpen, MessageType::DmList};
}

void DirectHandler::handle(const Caller &caller, const Request &request, const Responder &reply)
{
    const User &user = *caller.user;
    if (request.type == MessageType::DmOpen)
        return open(user, Params(request.params), reply);
    return list(user, reply);
}

void DirectHandler::open(const User &user, const Params &params, const Responder &reply)
{
    const Result<QList<qint64>> members = membersOf(user, params);
    if (!members)
        return reply.fail(members.error());
    // On the writer, so that two opens of the same set at once make one conversation.
    m_ctx.writer.submit(
        [members = *members](WriteTx &tx) -> Result<QJsonObject> {
            Result<std::optional<Earlier<Channel>>> existing = DirectStore::find(tx.sql(), members);
            if (!existing)
                return existing.error();
            if (*existing)
                return channelReply((*existing)->entry, (*existing)->seq);
            for (qint64 id : members) {
                Result<std::optional<User>> found = UserStore::findById(tx.sql(), id);
                if (!found)
                    return found.error();
                if (!*found) {
                    return makeError(ErrorCode::NotFound,
                        DirectText::tr("There is no user with id %1.").arg(id), UserIdsKey);
                }
            }
            Result<Channel> channel = DirectStore::create(tx, members);
            if (!channel)
                return channel.error();
            return tx.publish(EventType::ChannelCreated,
                {{QStringLiteral("channel"), channel->toJson()}}, members);
        },
        [reply](const WriteOutcome &outcome) { reply.finish(outcome); });
}

void DirectHandler::list(const User &user, const Responder &reply)
{
    const Result<QList<Channel>> channels = DirectStore::list(m_ctx.reader, user.id);
    if (!channels)
        return reply.fail(channels.error());
    QJsonArray array;
    for (const Channel &channel : *channels)
        array.append(channel.toJson());
    reply.ok({{QStringLiteral("channels"), array}});
}

} // namespace Hubbub::Server
