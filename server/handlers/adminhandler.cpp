#include "handlers/adminhandler.h"

#include "logging.h"
#include "net/closecode.h"
#include "passwords.h"
#include "protocollimits.h"
#include "store/accountstore.h"
#include "store/sqlconnection.h"
#include "store/userstore.h"
#include "validation.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>

namespace Hubbub::Server {

namespace {

//! The messages of this file, under one context that lupdate can see. The server sends
//! them in English (it knows no reader's language); the client shows its own text.
struct AdminText
{
    Q_DECLARE_TR_FUNCTIONS(Hubbub::Server::AdminHandler)
};

const QString UserIdField = QStringLiteral("userId");
const QString InviteIdField = QStringLiteral("inviteId");

Error notAdmin()
{
    return makeError(ErrorCode::Forbidden, AdminText::tr("Only an admin can do this."));
}

Error notOnYourself(const QString &message)
{
    return makeError(ErrorCode::Forbidden, message, UserIdField);
}

//! The caller's role as stored now: a demotion takes effect at once.
Status checkAdmin(SqlConnection &c, qint64 userId)
{
    Result<std::optional<User>> user = UserStore::findById(c, userId);
    if (!user)
        return user.error();
    if (!*user || (*user)->role != Role::Admin)
        return notAdmin();
    return Ok {};
}

//! The same in the transaction that makes a change, and the caller's session still there: an
//! admin disabled, reset or signed out by a change that committed first (another admin's, at
//! the same moment) changes nothing more, even with requests already on their way.
Status checkAdmin(WriteTx &tx, qint64 userId, const QByteArray &tokenHash)
{
    Result<bool> signedIn = AccountStore::hasSession(tx.sql(), tokenHash);
    if (!signedIn)
        return signedIn.error();
    if (!*signedIn) {
        return makeError(
            ErrorCode::Unauthorized, AdminText::tr("This sign-in was ended; log in again."));
    }
    return checkAdmin(tx.sql(), userId);
}

QByteArray hashOfCode(const QString &code)
{
    return QCryptographicHash::hash(
        Validation::normalizedCode(code).toLatin1(), QCryptographicHash::Sha256);
}

} // namespace

QList<MessageType> AdminHandler::types() const
{
    return {MessageType::AdminUsers, MessageType::AdminRole, MessageType::AdminDisable,
        MessageType::AdminEnable, MessageType::AdminResetPassword, MessageType::InviteCreate,
        MessageType::InviteList, MessageType::InviteRevoke, MessageType::AuditList};
}

void AdminHandler::handle(const Caller &caller, const Request &request, const Responder &reply)
{
    // Reads are checked here on the network thread; changes check again in their transaction.
    if (Status s = checkAdmin(m_ctx.reader, caller.user->id); !s)
        return reply.fail(s.error());
    const Params params(request.params);
    switch (request.type) {
    case MessageType::AdminUsers:
        return listUsers(reply);
    case MessageType::AdminRole:
        return setRole(caller, params, reply);
    case MessageType::AdminDisable:
        return setDisabled(caller, params, true, reply);
    case MessageType::AdminEnable:
        return setDisabled(caller, params, false, reply);
    case MessageType::AdminResetPassword:
        return resetPassword(caller, params, reply);
    case MessageType::InviteCreate:
        return createInvite(caller, params, reply);
    case MessageType::InviteList:
        return listInvites(reply);
    case MessageType::InviteRevoke:
        return revokeInvite(caller, params, reply);
    default:
        return listAudit(params, reply);
    }
}

void AdminHandler::listUsers(const Responder &reply)
{
    Result<QList<AccountStore::AccountRow>> rows
        = AccountStore::accounts(m_ctx.reader, Limits::UserListMax + 1);
    if (!rows)
        return reply.fail(rows.error());
    const bool more = rows->size() > Limits::UserListMax;
    QJsonArray users;
    for (qsizetype i = 0; i < std::min<qsizetype>(rows->size(), Limits::UserListMax); ++i) {
        const AccountStore::AccountRow &row = rows->at(i);
        users.append(QJsonObject {{QStringLiteral("user"), row.user.toJson()},
            {QStringLiteral("disabled"), row.disabled},
            {QStringLiteral("mustChangePassword"), row.mustChangePassword},
            {QStringLiteral("createdAt"), row.createdAt},
            {QStringLiteral("sessions"), row.sessions},
            {QStringLiteral("online"), m_ctx.hub.isOnline(row.user.id)}});
    }
    reply.ok({{QStringLiteral("users"), users}, {QStringLiteral("more"), more}});
}

void AdminHandler::setRole(const Caller &caller, const Params &params, const Responder &reply)
{
    const Result<qint64> userId = params.id(UserIdField);
    if (!userId)
        return reply.fail(userId.error());
    const Result<QString> roleText = params.string(QStringLiteral("role"));
    if (!roleText)
        return reply.fail(roleText.error());
    if (*roleText != u"admin" && *roleText != u"member") {
        return reply.fail(makeError(ErrorCode::Invalid,
            AdminText::tr("The role must be \"admin\" or \"member\"."), QStringLiteral("role")));
    }
    const Role role = roleFromName(*roleText);
    const qint64 adminId = caller.user->id;
    if (*userId == adminId && role != Role::Admin) {
        return reply.fail(notOnYourself(AdminText::tr(
            "You cannot take away your own admin rights; ask another admin to do it.")));
    }
    m_ctx.writer.submit(
        [adminId, token = caller.tokenHash, userId = *userId, role](
            WriteTx &tx) -> Result<QJsonObject> {
            if (Status s = checkAdmin(tx, adminId, token); !s)
                return s.error();
            Result<bool> changed = AccountStore::setRole(tx, userId, role);
            if (!changed)
                return changed.error();
            Result<User> user = UserStore::mustFindById(tx.sql(), userId);
            if (!user)
                return user.error();
            const QJsonObject payload {{QStringLiteral("user"), user->toJson()}};
            if (!*changed)
                return payload; // already so: no event, nothing to record
            if (Status s = AccountStore::record(tx, adminId, QStringLiteral("role"), userId,
                    {{QStringLiteral("role"), roleName(role)}});
                !s)
                return s.error();
            // Everyone sees the new role (User.role) as they see a new name.
            return tx.publish(EventType::UserUpdated, payload);
        },
        [this, reply](const WriteOutcome &outcome) {
            if (outcome.result)
                m_ctx.hub.updateUser(
                    User::fromJson(outcome.result->value(QLatin1StringView("user")).toObject()));
            reply.finish(outcome);
        });
}

void AdminHandler::setDisabled(
    const Caller &caller, const Params &params, bool disabled, const Responder &reply)
{
    const Result<qint64> userId = params.id(UserIdField);
    if (!userId)
        return reply.fail(userId.error());
    const qint64 adminId = caller.user->id;
    if (*userId == adminId && disabled) {
        return reply.fail(notOnYourself(AdminText::tr("You cannot disable your own account.")));
    }
    m_ctx.writer.submit(
        [adminId, token = caller.tokenHash, userId = *userId, disabled](
            WriteTx &tx) -> Result<QJsonObject> {
            if (Status s = checkAdmin(tx, adminId, token); !s)
                return s.error();
            Result<bool> changed = AccountStore::setDisabled(tx, userId, disabled);
            if (!changed)
                return changed.error();
            Result<User> user = UserStore::mustFindById(tx.sql(), userId);
            if (!user)
                return user.error();
            int ended = 0;
            if (disabled) {
                // Every token goes with the account, including any made since a first disable.
                Result<QList<QByteArray>> removed = AccountStore::removeSessions(tx, userId);
                if (!removed)
                    return removed.error();
                ended = int(removed->size());
            }
            if (*changed) {
                if (Status s = AccountStore::record(tx, adminId,
                        disabled ? QStringLiteral("disable") : QStringLiteral("enable"), userId);
                    !s)
                    return s.error();
            }
            return QJsonObject {{QStringLiteral("user"), user->toJson()},
                {QStringLiteral("disabled"), disabled}, {QStringLiteral("signedOut"), ended}};
        },
        [this, reply, userId = *userId, disabled](const WriteOutcome &outcome) {
            if (outcome.result && disabled) {
                qCInfo(lcAuth) << "an admin disabled an account";
                m_ctx.hub.endUser(
                    userId, CloseCode::AccountDisabled, QStringLiteral("account disabled"));
            }
            reply.finish(outcome);
        });
}

void AdminHandler::resetPassword(const Caller &caller, const Params &params, const Responder &reply)
{
    const Result<qint64> userId = params.id(UserIdField);
    if (!userId)
        return reply.fail(userId.error());
    const qint64 adminId = caller.user->id;
    if (*userId == adminId) {
        return reply.fail(notOnYourself(
            AdminText::tr("Change your own password in your account settings instead.")));
    }
    if (m_ctx.pendingHashes >= m_ctx.config.maxPendingHashes) {
        return reply.fail(rateLimited(
            AdminText::tr("The server is busy signing people in; try again shortly."), 1000));
    }
    ++m_ctx.pendingHashes;
    const QString code = Passwords::newCode();
    onWorker([code] { return Passwords::hash(Validation::normalizedCode(code)); },
        [this, reply, adminId, token = caller.tokenHash, userId = *userId, code](QByteArray hash) {
            --m_ctx.pendingHashes;
            if (hash.isEmpty()) {
                return reply.fail(
                    makeError(ErrorCode::Internal, AdminText::tr("The code could not be hashed.")));
            }
            const QString expiresAt = formatTimestamp(
                QDateTime::currentDateTimeUtc().addSecs(Limits::ResetCodeHours * 3600LL));
            m_ctx.writer.submit(
                [adminId, token, userId, hash, expiresAt, code](
                    WriteTx &tx) -> Result<QJsonObject> {
                    if (Status s = checkAdmin(tx, adminId, token); !s)
                        return s.error();
                    // findById, not mustFindById: an unknown id is the caller's mistake, not a
                    // database error to log, and a real database error must not read as
                    // not_found.
                    Result<std::optional<User>> user = UserStore::findById(tx.sql(), userId);
                    if (!user)
                        return user.error();
                    if (!*user) {
                        return makeError(ErrorCode::NotFound,
                            AdminText::tr("There is no such user."), UserIdField);
                    }
                    if (Status s = AccountStore::setPassword(tx, userId, hash, expiresAt); !s)
                        return s.error();
                    Result<QList<QByteArray>> removed = AccountStore::removeSessions(tx, userId);
                    if (!removed)
                        return removed.error();
                    if (Status s
                        = AccountStore::record(tx, adminId, QStringLiteral("reset_password"),
                            userId, {{QStringLiteral("expiresAt"), expiresAt}});
                        !s)
                        return s.error();
                    return QJsonObject {{QStringLiteral("user"), (*user)->toJson()},
                        {QStringLiteral("code"), code}, {QStringLiteral("expiresAt"), expiresAt}};
                },
                [this, reply, userId](const WriteOutcome &outcome) {
                    if (outcome.result) {
                        m_ctx.hub.endUser(
                            userId, CloseCode::SignedOut, QStringLiteral("password reset"));
                    }
                    reply.finish(outcome);
                });
        });
}

void AdminHandler::createInvite(const Caller &caller, const Params &params, const Responder &reply)
{
    const Result<int> hours = params.limit(QStringLiteral("expiresInHours"), Limits::InviteHoursMin,
        Limits::InviteHoursMax, Limits::InviteHoursDefault);
    if (!hours)
        return reply.fail(hours.error());
    const QString code = Passwords::newCode();
    m_ctx.writer.submit(
        [adminId = caller.user->id, token = caller.tokenHash, hours = *hours, code](
            WriteTx &tx) -> Result<QJsonObject> {
            if (Status s = checkAdmin(tx, adminId, token); !s)
                return s.error();
            // Only the open ones count: used and expired invites stay listed for 30 days and
            // cannot be withdrawn, so counting them could stop all inviting for a month.
            Result<int> open = AccountStore::openInvites(tx.sql());
            if (!open)
                return open.error();
            if (*open >= Limits::InvitesOpenMax) {
                return makeError(ErrorCode::TooLarge,
                    AdminText::tr("There are %1 invites already; withdraw some first.")
                        .arg(Limits::InvitesOpenMax));
            }
            Result<AccountStore::Invite> invite
                = AccountStore::createInvite(tx, adminId, hashOfCode(code), hours);
            if (!invite)
                return invite.error();
            if (Status s
                = AccountStore::record(tx, adminId, QStringLiteral("invite.create"), std::nullopt,
                    {{QStringLiteral("inviteId"), invite->id},
                        {QStringLiteral("expiresAt"), invite->expiresAt}});
                !s)
                return s.error();
            return QJsonObject {
                {QStringLiteral("invite"), invite->toJson()}, {QStringLiteral("code"), code}};
        },
        [reply](const WriteOutcome &outcome) { reply.finish(outcome); });
}

void AdminHandler::listInvites(const Responder &reply)
{
    Result<QList<AccountStore::Invite>> invites
        = AccountStore::invites(m_ctx.reader, Limits::InvitesOpenMax);
    if (!invites)
        return reply.fail(invites.error());
    QJsonArray array;
    for (const AccountStore::Invite &invite : std::as_const(*invites))
        array.append(invite.toJson());
    reply.ok({{QStringLiteral("invites"), array}});
}

void AdminHandler::revokeInvite(const Caller &caller, const Params &params, const Responder &reply)
{
    // Not `id`, which is the request's own id in every frame: invite.revoke {id} would
    // withdraw whichever invite had the number of the request.
    const Result<qint64> id = params.id(InviteIdField);
    if (!id)
        return reply.fail(id.error());
    m_ctx.writer.submit(
        [adminId = caller.user->id, token = caller.tokenHash, id = *id](
            WriteTx &tx) -> Result<QJsonObject> {
            if (Status s = checkAdmin(tx, adminId, token); !s)
                return s.error();
            Result<std::optional<AccountStore::Invite>> revoked
                = AccountStore::revokeInvite(tx, id);
            if (!revoked)
                return revoked.error();
            if (!*revoked) {
                return makeError(ErrorCode::NotFound,
                    AdminText::tr("There is no unused invite with that id."), InviteIdField);
            }
            if (Status s = AccountStore::record(tx, adminId, QStringLiteral("invite.revoke"),
                    std::nullopt, {{QStringLiteral("inviteId"), id}});
                !s)
                return s.error();
            return QJsonObject();
        },
        [reply](const WriteOutcome &outcome) { reply.finish(outcome); });
}

void AdminHandler::listAudit(const Params &params, const Responder &reply)
{
    const Result<std::optional<qint64>> before = params.optionalId(QStringLiteral("before"));
    if (!before)
        return reply.fail(before.error());
    const Result<int> limit
        = params.limit(QStringLiteral("limit"), 1, Limits::AuditPageMax, Limits::AuditPageDefault);
    if (!limit)
        return reply.fail(limit.error());
    Result<QList<AccountStore::AuditEntry>> entries
        = AccountStore::audit(m_ctx.reader, before->value_or(0), *limit + 1);
    if (!entries)
        return reply.fail(entries.error());
    const bool more = entries->size() > *limit;
    QJsonArray array;
    for (qsizetype i = 0; i < std::min<qsizetype>(entries->size(), *limit); ++i)
        array.append(entries->at(i).toJson());
    reply.ok({{QStringLiteral("entries"), array}, {QStringLiteral("more"), more}});
}

} // namespace Hubbub::Server
