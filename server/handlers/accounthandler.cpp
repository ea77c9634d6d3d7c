#include "handlers/accounthandler.h"

#include "logging.h"
#include "net/closecode.h"
#include "passwords.h"
#include "protocollimits.h"
#include "ratelimiter.h"
#include "store/accountstore.h"
#include "store/userstore.h"
#include "validation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>

#include <memory>

namespace Hubbub::Server {

namespace {

//! The messages of this file, under one context that lupdate can see. The server sends
//! them in English (it knows no reader's language); the client shows its own text.
struct AccountText
{
    Q_DECLARE_TR_FUNCTIONS(Hubbub::Server::AccountHandler)
};

const QString PasswordField = QStringLiteral("password");
const QString NewPasswordField = QStringLiteral("newPassword");
const QString SessionIdField = QStringLiteral("sessionId");

//! What the connections of an ended session are told as they close.
QString signedOutReason()
{
    return QStringLiteral("signed out");
}

} // namespace

QList<MessageType> AccountHandler::types() const
{
    return {MessageType::AccountPassword, MessageType::SessionList, MessageType::SessionRevoke,
        MessageType::SessionRevokeAll};
}

void AccountHandler::handle(const Caller &caller, const Request &request, const Responder &reply)
{
    const Params params(request.params);
    switch (request.type) {
    case MessageType::AccountPassword:
        return changePassword(caller, params, reply);
    case MessageType::SessionList:
        return listSessions(caller, reply);
    case MessageType::SessionRevoke:
        return revokeSession(caller, params, reply);
    default:
        return revokeAll(caller, reply);
    }
}

void AccountHandler::changePassword(
    const Caller &caller, const Params &params, const Responder &reply)
{
    const Result<QString> newPassword = params.string(NewPasswordField);
    if (!newPassword)
        return reply.fail(newPassword.error());
    const User user = *caller.user;
    Result<std::optional<UserStore::Credentials>> found
        = UserStore::findCredentials(m_ctx.reader, user.username);
    if (!found)
        return reply.fail(found.error());
    if (!*found || (*found)->user.id != user.id) {
        return reply.fail(
            makeError(ErrorCode::Unauthorized, AccountText::tr("This account no longer exists.")));
    }
    // Signed in with a one-time code: the session itself is the proof; there is no current
    // password to give (the code is used up).
    const bool needCurrent = !(*found)->mustChangePassword;
    // The code's sessions choose a password only while the code is valid: it is not a 30-day
    // credential because a session was started with it.
    if (!needCurrent
        && parseTimestamp((*found)->codeExpiresAt) <= QDateTime::currentDateTimeUtc()) {
        return reply.fail(makeError(ErrorCode::Unauthorized,
            AccountText::tr("This one-time code has expired; ask an admin for a new one."),
            QStringLiteral("code")));
    }
    QString current;
    if (needCurrent) {
        const Result<QString> given = params.string(PasswordField);
        if (!given)
            return reply.fail(given.error());
        current = *given;
        if (current.size() > 4 * Limits::PasswordMax) {
            return reply.fail(makeError(ErrorCode::Unauthorized,
                AccountText::tr("The current password is not right."), PasswordField));
        }
    }
    if (auto error = Validation::checkPassword(*newPassword)) {
        Error e = *error;
        e.field = NewPasswordField;
        return reply.fail(e);
    }
    if (auto wait = m_ctx.throttle.retryAfter(user.username, caller.peerAddress())) {
        return reply.fail(rateLimited(
            AccountText::tr("Too many wrong passwords; wait before trying again."), *wait));
    }
    if (m_ctx.pendingHashes >= m_ctx.config.maxPendingHashes) {
        return reply.fail(rateLimited(
            AccountText::tr("The server is busy signing people in; try again shortly."), 1000));
    }
    ++m_ctx.pendingHashes;
    struct Checked
    {
        bool verified = false;
        QByteArray newHash;
    };
    onWorker(
        [storedHash = (*found)->passwordHash, needCurrent, current, newPassword = *newPassword] {
            Checked checked;
            checked.verified = !needCurrent || Passwords::verify(storedHash, current);
            if (checked.verified)
                checked.newHash = Passwords::hash(newPassword);
            return checked;
        },
        [this, reply, user, keep = caller.tokenHash, address = caller.peerAddress()](
            Checked checked) {
            --m_ctx.pendingHashes;
            if (!checked.verified) {
                m_ctx.throttle.recordFailure(user.username, address);
                return reply.fail(makeError(ErrorCode::Unauthorized,
                    AccountText::tr("The current password is not right."), PasswordField));
            }
            if (checked.newHash.isEmpty()) {
                return reply.fail(makeError(
                    ErrorCode::Internal, AccountText::tr("The password could not be hashed.")));
            }
            auto ended = std::make_shared<QList<QByteArray>>();
            m_ctx.writer.submit(
                [userId = user.id, hash = checked.newHash, keep, ended](
                    WriteTx &tx) -> Result<QJsonObject> {
                    // A session ended while the password was checked (signed out from another
                    // device, the account reset or disabled) changes nothing any more.
                    Result<bool> stillSignedIn = AccountStore::hasSession(tx.sql(), keep);
                    if (!stillSignedIn)
                        return stillSignedIn.error();
                    if (!*stillSignedIn) {
                        return makeError(ErrorCode::Unauthorized,
                            AccountText::tr("This sign-in was ended; log in again."));
                    }
                    if (Status s = AccountStore::setPassword(tx, userId, hash); !s)
                        return s.error();
                    // Whoever knew the old password is signed out everywhere else.
                    Result<QList<QByteArray>> removed
                        = AccountStore::removeSessions(tx, userId, keep);
                    if (!removed)
                        return removed.error();
                    *ended = *removed;
                    return QJsonObject {{QStringLiteral("signedOut"), removed->size()}};
                },
                [this, reply, userId = user.id, ended](const WriteOutcome &outcome) {
                    if (outcome.result) {
                        qCInfo(lcAuth) << "a password was changed";
                        m_ctx.hub.passwordChosen(userId);
                        m_ctx.hub.endSessions(*ended, {}, CloseCode::SignedOut, signedOutReason());
                    }
                    reply.finish(outcome);
                });
        });
}

void AccountHandler::listSessions(const Caller &caller, const Responder &reply)
{
    Result<QList<AccountStore::SessionRow>> rows
        = AccountStore::sessionsOf(m_ctx.reader, caller.user->id);
    if (!rows)
        return reply.fail(rows.error());
    const QList<QByteArray> connected = m_ctx.hub.connectedTokens(caller.user->id);
    QJsonArray sessions;
    for (const AccountStore::SessionRow &row : std::as_const(*rows)) {
        sessions.append(QJsonObject {{QStringLiteral("id"), row.id},
            {QStringLiteral("client"), row.client}, {QStringLiteral("address"), row.address},
            {QStringLiteral("createdAt"), row.createdAt},
            {QStringLiteral("lastUsedAt"), row.lastUsedAt},
            {QStringLiteral("expiresAt"), row.expiresAt},
            {QStringLiteral("current"), row.tokenHash == caller.tokenHash},
            {QStringLiteral("online"), connected.contains(row.tokenHash)}});
    }
    reply.ok({{QStringLiteral("sessions"), sessions}});
}

void AccountHandler::revokeSession(
    const Caller &caller, const Params &params, const Responder &reply)
{
    // Not `id`: every request frame's `id` is its request id, so a parameter of that name
    // would read the request id (docs/protocol.md, "Accounts an admin runs").
    const Result<QString> id = params.string(SessionIdField);
    if (!id)
        return reply.fail(id.error());
    auto ended = std::make_shared<QByteArray>();
    m_ctx.writer.submit(
        [userId = caller.user->id, id = *id, ended](WriteTx &tx) -> Result<QJsonObject> {
            Result<std::optional<QByteArray>> removed = AccountStore::removeSession(tx, userId, id);
            if (!removed)
                return removed.error();
            if (!*removed) {
                return makeError(ErrorCode::NotFound,
                    AccountText::tr("You have no signed-in device with that id; it may have "
                                    "signed out already."),
                    SessionIdField);
            }
            *ended = **removed;
            return QJsonObject();
        },
        [this, reply, ended](const WriteOutcome &outcome) {
            // This connection's own session: it is logged out, as by auth.logout, not closed.
            if (outcome.result)
                m_ctx.hub.endSessions(
                    {*ended}, reply.connection(), CloseCode::SignedOut, signedOutReason());
            reply.finish(outcome);
        });
}

void AccountHandler::revokeAll(const Caller &caller, const Responder &reply)
{
    auto ended = std::make_shared<QList<QByteArray>>();
    m_ctx.writer.submit(
        [userId = caller.user->id, ended](WriteTx &tx) -> Result<QJsonObject> {
            Result<QList<QByteArray>> removed = AccountStore::removeSessions(tx, userId);
            if (!removed)
                return removed.error();
            *ended = *removed;
            return QJsonObject {{QStringLiteral("signedOut"), removed->size()}};
        },
        [this, reply, ended](const WriteOutcome &outcome) {
            if (outcome.result)
                m_ctx.hub.endSessions(
                    *ended, reply.connection(), CloseCode::SignedOut, signedOutReason());
            reply.finish(outcome);
        });
}

} // namespace Hubbub::Server
