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
    const Result<std::optional<Channel>> channel = ChatStore::channel(m_ctx.reader, *channelId);
    if (!channel)
        return reply.fail(channel.error());
    if (!*channel) {
        return reply.fail(makeError(ErrorCode::NotFound,
            QCoreApplication::translate("Hubbub::Server", "This channel does not exist."),
            QStringLiteral("channelId")));
    }
    m_ctx.hub.sendToOtherUsers(caller.user->id, encodeTyping(*channelId, *caller.user));
    reply.ok();
}

} // namespace Hubbub::Server
