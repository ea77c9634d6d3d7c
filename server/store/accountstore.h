#pragma once

#include "error.h"
#include "types.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace Hubbub::Server {

class SqlConnection;
class WriteTx;

//! What an account holds beyond its name and role (docs/protocol.md, "Accounts an admin
//! runs"): its signed-in devices, whether it is disabled or must choose a new password, the
//! invites admins hand out and the audit log of what admins did.
namespace AccountStore {

//! One login session (a signed-in device). The token hash never leaves the server: `id` is a
//! random public name for it.
struct SessionRow
{
    QString id;
    QByteArray tokenHash;
    QString client; //!< hello's `client` when the session started ("" when none was given)
    QString address; //!< the peer's address then
    QString createdAt;
    QString lastUsedAt; //!< the last auth.token with it, to the hour; createdAt until then
    QString expiresAt;
};

//! An account as admin.users lists it.
struct AccountRow
{
    User user;
    bool disabled = false;
    bool mustChangePassword = false;
    QString createdAt;
    int sessions = 0;
};

struct Invite
{
    qint64 id = 0;
    User createdBy;
    QString createdAt;
    QString expiresAt;
    std::optional<User> usedBy;
    QString usedAt;
    QJsonObject toJson() const;
};

struct AuditEntry
{
    qint64 id = 0;
    QString at;
    std::optional<User> actor; //!< none: the server's operator (`hubbub-server --promote`)
    QString action;
    std::optional<User> target;
    QJsonObject detail;
    QJsonObject toJson() const;
};

//! Starts a session; returns its public id.
Result<QString> addSession(WriteTx &tx, qint64 userId, const QByteArray &tokenHash,
    qint64 lifetimeDays, const QString &client, const QString &address);
//! Notes a use of the session (auth.token) with the address it came from.
Status touchSession(WriteTx &tx, const QByteArray &tokenHash, const QString &address);
//! The user's unexpired sessions, the most recently used first.
Result<QList<SessionRow>> sessionsOf(SqlConnection &c, qint64 userId);
//! Ends every session of the user but the one of `keepTokenHash` (none when empty) and returns
//! the token hashes ended, for the server to close their connections.
Result<QList<QByteArray>> removeSessions(
    WriteTx &tx, qint64 userId, const QByteArray &keepTokenHash = {});
//! Ends the user's session with that public id; nullopt when the user has none so named.
Result<std::optional<QByteArray>> removeSession(WriteTx &tx, qint64 userId, const QString &id);
//! Whether the session still exists (it was not ended meanwhile).
Result<bool> hasSession(SqlConnection &c, const QByteArray &tokenHash);

//! What decides whether a password verified a moment ago still opens the account.
struct SignInState
{
    QByteArray passwordHash; //!< as stored now (UserStore::Credentials::passwordHash)
    bool disabled = false;
};
//! Read again in the transaction that starts a session; nullopt for no such user.
Result<std::optional<SignInState>> signInState(SqlConnection &c, qint64 userId);

//! A new password hash; `oneTimeCodeExpiry` set makes it a one-time code (admin.reset_password)
//! that the user must replace, valid until then. Also clears a one-time code's state when not.
Status setPassword(WriteTx &tx, qint64 userId, const QByteArray &passwordHash,
    const std::optional<QString> &oneTimeCodeExpiry = std::nullopt);
//! False when the account already was so.
Result<bool> setDisabled(WriteTx &tx, qint64 userId, bool disabled);
//! Sets the role by id; false when it already was so. `not_found` for no such user.
Result<bool> setRole(WriteTx &tx, qint64 userId, Role role);
//! Every account up to `limit`, sorted like user.list.
Result<QList<AccountRow>> accounts(SqlConnection &c, int limit);

//! Stores a new invite (only the SHA-256 of its code) valid for `hours`.
Result<Invite> createInvite(WriteTx &tx, qint64 createdBy, const QByteArray &codeHash, int hours);
//! The invites not yet used and not expired: what Limits::InvitesOpenMax bounds.
Result<int> openInvites(SqlConnection &c);
//! Whether an unused, unexpired invite has that code hash (a check before hashing a password).
Result<bool> inviteUsable(SqlConnection &c, const QByteArray &codeHash);
//! Marks the invite used by `userId`; false when it is unknown, used or expired.
Result<bool> useInvite(WriteTx &tx, const QByteArray &codeHash, qint64 userId);
//! Invites newest first, at most `limit`: open ones and those used or expired in the last 30
//! days (older ones are deleted by pruneInvites()).
Result<QList<Invite>> invites(SqlConnection &c, int limit);
//! Withdraws an unused invite; nullopt when there is no unused invite with that id.
Result<std::optional<Invite>> revokeInvite(WriteTx &tx, qint64 id);
Status pruneInvites(WriteTx &tx);

//! Records an admin action in the audit log, in the transaction that makes the change.
Status record(WriteTx &tx, std::optional<qint64> actorId, const QString &action,
    std::optional<qint64> targetId, const QJsonObject &detail = {});
//! The audit log newest first, entries older than `beforeId` (0: from the newest).
Result<QList<AuditEntry>> audit(SqlConnection &c, qint64 beforeId, int limit);

} // namespace AccountStore
} // namespace Hubbub::Server
