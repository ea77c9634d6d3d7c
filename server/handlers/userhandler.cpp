#include "handlers/userhandler.h"

#include "protocollimits.h"
#include "store/imagestore.h"
#include "store/userstore.h"
#include "validation.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Hubbub::Server {

namespace {

//! The messages of this file, under one context that lupdate can see. The server sends
//! them in English (it knows no reader's language); the client shows its own text.
struct UserText
{
    Q_DECLARE_TR_FUNCTIONS(Hubbub::Server::UserHandler)
};

const QString AvatarField = QStringLiteral("avatarId");

//! user.profile's parameters, checked: absent leaves a field as it is, null clears it.
Result<UserStore::ProfileChange> profileChange(const Params &params)
{
    UserStore::ProfileChange change;
    const QString nameField = QStringLiteral("displayName");
    if (params.contains(nameField)) {
        const Result<std::optional<QString>> name = params.optionalString(nameField);
        if (!name)
            return name.error();
        const QString normalized = Validation::normalizedDisplayName(name->value_or(QString()));
        if (auto error = Validation::checkDisplayName(normalized))
            return *error;
        change.displayName = normalized;
    }
    if (params.contains(AvatarField)) {
        const Result<std::optional<QString>> avatar = params.optionalString(AvatarField);
        if (!avatar)
            return avatar.error();
        if (*avatar && !Validation::isImageId(**avatar)) {
            return makeError(ErrorCode::Invalid,
                UserText::tr("An image id is the 64-character lowercase hex SHA-256 of the image."),
                AvatarField);
        }
        change.avatarId = avatar->value_or(QString());
    }
    return change;
}

} // namespace

QList<MessageType> UserHandler::types() const
{
    return {MessageType::UserRename, MessageType::UserProfile, MessageType::UserList};
}

void UserHandler::handle(const Caller &caller, const Request &request, const Responder &reply)
{
    switch (request.type) {
    case MessageType::UserProfile:
        return profile(caller, Params(request.params), reply);
    case MessageType::UserList:
        return list(reply);
    default:
        return rename(caller, Params(request.params), reply);
    }
}

void UserHandler::rename(const Caller &caller, const Params &params, const Responder &reply)
{
    const Result<QString> username = params.string(QStringLiteral("username"));
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
        [this, reply](const WriteOutcome &outcome) { updated(outcome, reply); });
}

void UserHandler::profile(const Caller &caller, const Params &params, const Responder &reply)
{
    const Result<UserStore::ProfileChange> change = profileChange(params);
    if (!change)
        return reply.fail(change.error());
    const qint64 userId = caller.user->id;
    m_ctx.writer.submit(
        [userId, change = *change](WriteTx &tx) -> Result<QJsonObject> {
            if (change.avatarId && !change.avatarId->isEmpty()) {
                Result<bool> exists = ImageStore::exists(tx.sql(), *change.avatarId);
                if (!exists)
                    return exists.error();
                if (!*exists) {
                    return makeError(ErrorCode::NotFound,
                        UserText::tr("The picture does not exist; upload it first."), AvatarField);
                }
            }
            Result<UserStore::Profile> profile = UserStore::setProfile(tx, userId, change);
            if (!profile)
                return profile.error();
            const QJsonObject user {{QStringLiteral("user"), profile->user.toJson()}};
            // Setting what is already so emits nothing: a resend after a dropped reply, or two
            // devices saving the same profile, converge without a second event.
            if (!profile->changed) {
                QJsonObject result = user;
                result.insert(QStringLiteral("seq"), profile->seq);
                return result;
            }
            Result<QJsonObject> published = tx.publish(EventType::UserUpdated, user);
            if (!published)
                return published;
            if (Status s = UserStore::setProfileSeq(
                    tx, userId, published->value(QLatin1StringView("seq")).toInteger());
                !s)
                return s.error();
            return published;
        },
        [this, reply](const WriteOutcome &outcome) { updated(outcome, reply); });
}

void UserHandler::list(const Responder &reply)
{
    // One scan of the username index on the network thread: about 30 ms and at most 5.5 MB
    // of reply for 10,000 users (docs/protocol.md), so no paging below that.
    Result<QList<User>> users = UserStore::list(m_ctx.reader, Limits::UserListMax + 1);
    if (!users)
        return reply.fail(users.error());
    const bool more = users->size() > Limits::UserListMax;
    QJsonArray array;
    for (qsizetype i = 0; i < std::min<qsizetype>(users->size(), Limits::UserListMax); ++i)
        array.append(users->at(i).toJson());
    reply.ok({{QStringLiteral("users"), array}, {QStringLiteral("more"), more}});
}

void UserHandler::updated(const WriteOutcome &outcome, const Responder &reply)
{
    // Every connection of the user holds the new name and picture from now on (presence).
    if (outcome.result)
        m_ctx.hub.updateUser(
            User::fromJson(outcome.result->value(QLatin1StringView("user")).toObject()));
    reply.finish(outcome);
}

} // namespace Hubbub::Server
