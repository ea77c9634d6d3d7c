#pragma once

#include "error.h"
#include "types.h"

#include <QByteArray>
#include <QList>

#include <optional>

class QSqlQuery;

namespace Hubbub::Server {

class SqlConnection;
class WriteTx;

//! Users and their login sessions (token hashes only).
namespace UserStore {

struct Credentials
{
    User user;
    QByteArray passwordHash; //!< empty: a one-time code was used and no password chosen yet
    bool disabled = false;
    //! The hash is of a one-time code from an admin (admin.reset_password), valid until
    //! codeExpiresAt: signing in with it uses it up, and the session must choose a password.
    bool mustChangePassword = false;
    QString codeExpiresAt;
};

//! The account a session token belongs to.
struct SessionUser
{
    User user;
    bool mustChangePassword = false;
    QString lastUsedAt;
};

//! What user.profile changes: an unset member stays as it is; an empty string clears it.
struct ProfileChange
{
    std::optional<QString> displayName; //!< trimmed, NFC and checked already
    std::optional<QString> avatarId; //!< an existing image id, or empty for none
};

//! A profile after setProfile(): `changed` false when it already was so (no event is due);
//! then `seq` is that of the user's last profile change (0: never changed).
struct Profile
{
    User user;
    bool changed = false;
    qint64 seq = 0;
};

//! A user read from five columns of a row (id, username, role, display_name, avatar_image_id)
//! starting at `first`.
User userFrom(const QSqlQuery &q, int first);

//! The user whose name matches ignoring case and normal form (Validation::usernameKey).
Result<std::optional<Credentials>> findCredentials(SqlConnection &c, const QString &username);
Result<std::optional<User>> findById(SqlConnection &c, qint64 id);
//! The user, who must exist (a foreign key points at them); `internal` otherwise.
Result<User> mustFindById(SqlConnection &c, qint64 id);
//! The user of an unexpired session token hash, unless the account is disabled.
Result<std::optional<SessionUser>> findBySession(SqlConnection &c, const QByteArray &tokenHash);

//! `conflict` when the name is taken, ignoring case and normal form. `username` is stored as
//! given: the handlers pass it NFC-normalised.
Result<User> create(WriteTx &tx, const QString &username, const QByteArray &passwordHash);
Result<User> rename(WriteTx &tx, qint64 userId, const QString &username);
Result<User> setRole(WriteTx &tx, const QString &username, Role role);
Status removeSession(WriteTx &tx, const QByteArray &tokenHash);
Status removeExpiredSessions(WriteTx &tx);
Result<Profile> setProfile(WriteTx &tx, qint64 userId, const ProfileChange &change);
//! Remembers the seq of the user.updated event a profile change published.
Status setProfileSeq(WriteTx &tx, qint64 userId, qint64 seq);
//! Every user up to `limit`, sorted by name ignoring case (Validation::usernameKey).
Result<QList<User>> list(SqlConnection &c, int limit);
//! The role as stored now (a promotion takes effect without a new login).
Result<Role> currentRole(WriteTx &tx, qint64 userId);

} // namespace UserStore
} // namespace Hubbub::Server
