#include "handlers/presencehandler.h"

#include "serverframe.h"
#include "store/chatstore.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Hubbub::Server {

QList<MessageType> PresenceHandler::types() const
{
    return {MessageType::PresenceList, MessageType::ChatTyping};
}

void PresenceHandler::handle(const Caller &caller, const Request &request, const Responder &reply)
{
    if (request.type == MessageType::PresenceList) {
        QJsonArray users;
        for (const User &user : m_ctx.hub.onlineUsers())
            users.append(user.toJson());
        return reply.ok({{QStringLiteral("users"), users}});
    }

    const Result<qint64> channelId = Params(request.params).id(QStringLiteral("channelId"));
    if (!channelId)
        return reply.fail(channelId.error());
    // A direct conversation of others does not exist for the caller; its typing reaches its
    // members only.
    const Result<std::optional<Audience>> audience
        = ChatStore::readerAudience(m_ctx.reader, caller.user->id, *channelId);
    if (!audience)
        return reply.fail(audience.error());
    if (!*audience) {
        return reply.fail(makeError(ErrorCode::NotFound,
            QCoreApplication::translate("Hubbub::Server", "This channel does not exist."),
            QStringLiteral("channelId")));
    }
    const QByteArray frame = encodeTyping(*channelId, *caller.user);
    if ((*audience)->isEmpty())
        m_ctx.hub.sendToOtherUsers(caller.user->id, frame);
    else
        m_ctx.hub.sendToUsers(**audience, caller.user->id, frame);
    reply.ok();
}

} // namespace Hubbub::Server
