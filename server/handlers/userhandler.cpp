#include "handlers/userhandler.h"

#include "store/userstore.h"
#include "validation.h"

namespace Hubbub::Server {

QList<MessageType> UserHandler::types() const
{
    return {MessageType::UserRename};
}

void UserHandler::handle(const Caller &caller, const Request &request, const Responder &reply)
{
    const Result<QString> username = Params(request.params).string(QStringLiteral("username"));
    if (!username)
        return reply.fail(username.error());
    if (auto error = Validation::checkUsername(*username))
        return reply.fail(*error);
    const qint64 userId = caller.user->id;
    m_ctx.writer.submit(
        [userId, username = Validation::normalizedUsername(*username)](
            WriteTx &tx) -> Result<QJsonObject> {
            Result<User> user = UserStore::rename(tx, userId, username);
            if (!user)
                return user.error();
            return tx.publish(EventType::UserRenamed, {{QStringLiteral("user"), user->toJson()}});
        },
        [this, reply](const WriteOutcome &outcome) {
            if (outcome.result)
                m_ctx.hub.updateUser(
                    User::fromJson(outcome.result->value(QLatin1StringView("user")).toObject()));
            reply.finish(outcome);
        });
}

} // namespace Hubbub::Server
