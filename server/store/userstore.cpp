#include "store/userstore.h"

#include "store/sqlconnection.h"
#include "store/sqldialect.h"
#include "store/writer.h"
#include "validation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlQuery>

namespace Hubbub::Server::UserStore {

User userFrom(const QSqlQuery &q, int first)
{
    return User {q.value(first).toLongLong(), q.value(first + 1).toString(),
        roleFromName(q.value(first + 2).toString()), q.value(first + 3).toString(),
        q.value(first + 4).toString()};
}

namespace {

//! The messages of this file, under one context that lupdate can see. The server sends
//! them in English (it knows no reader's language); the client shows its own text.
struct UserStoreText
{
    Q_DECLARE_TR_FUNCTIONS(Hubbub::Server::UserStore)
};

Result<std::optional<User>> oneUser(Result<QSqlQuery *> query)
{
    if (!query)
        return query.error();
    QSqlQuery &q = **query;
    if (!q.next())
        return std::optional<User>();
    std::optional<User> user = userFrom(q, 0);
    q.finish();
    return user;
}

Error nameTaken(const QString &username)
{
    return makeError(ErrorCode::Conflict,
        UserStoreText::tr("The username '%1' is already taken.").arg(username),
        QStringLiteral("username"));
}

Result<bool> nameInUse(SqlConnection &c, const QString &key, qint64 exceptUserId)
{
    Result<QSqlQuery *> q
        = c.run(QStringLiteral("SELECT 1 FROM users WHERE username_key = ? AND id <> ?"),
            {key, exceptUserId});
    if (!q)
        return q.error();
    const bool used = (*q)->next();
    (*q)->finish();
    return used;
}

} // namespace

Result<std::optional<Credentials>> findCredentials(SqlConnection &c, const QString &username)
{
    Result<QSqlQuery *> q = c.run(QStringLiteral("SELECT id, username, role, display_name, "
                                                 "avatar_image_id, password_hash, disabled, "
                                                 "must_change_password, code_expires_at "
                                                 "FROM users WHERE username_key = ?"),
        {Validation::usernameKey(username)});
    if (!q)
        return q.error();
    if (!(*q)->next())
        return std::optional<Credentials>();
    const QSqlQuery &r = **q;
    Credentials credentials {userFrom(r, 0), r.value(5).toByteArray(), r.value(6).toInt() != 0,
        r.value(7).toInt() != 0, r.value(8).toString()};
    (*q)->finish();
    return std::optional<Credentials>(std::move(credentials));
}

Result<std::optional<User>> findById(SqlConnection &c, qint64 id)
{
    return oneUser(c.run(QStringLiteral("SELECT id, username, role, display_name, avatar_image_id "
                                        "FROM users WHERE id = ?"),
        {id}));
}

Result<User> mustFindById(SqlConnection &c, qint64 id)
{
    Result<std::optional<User>> user = findById(c, id);
    if (!user)
        return user.error();
    if (!*user)
        return databaseError(QStringLiteral("no user"), QString::number(id));
    return **user;
}

Result<std::optional<SessionUser>> findBySession(SqlConnection &c, const QByteArray &tokenHash)
{
    Result<QSqlQuery *> q = c.run(
        QStringLiteral("SELECT u.id, u.username, u.role, u.display_name, u.avatar_image_id, "
                       "u.must_change_password, COALESCE(s.last_used_at, s.created_at) "
                       "FROM sessions s JOIN users u ON u.id = s.user_id "
                       "WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = 0"),
        {tokenHash, nowTimestamp()});
    if (!q)
        return q.error();
    if (!(*q)->next())
        return std::optional<SessionUser>();
    SessionUser found {userFrom(**q, 0), (*q)->value(5).toInt() != 0, (*q)->value(6).toString()};
    (*q)->finish();
    return std::optional<SessionUser>(std::move(found));
}

Result<User> create(WriteTx &tx, const QString &username, const QByteArray &passwordHash)
{
    const QString key = Validation::usernameKey(username);
    Result<bool> used = nameInUse(tx.sql(), key, 0);
    if (!used)
        return used.error();
    if (*used)
        return nameTaken(username);
    Result<QSqlQuery *> q = tx.sql().run(
        QStringLiteral("INSERT INTO users (username, username_key, password_hash, role, "
                       "created_at) VALUES (?, ?, ?, 'member', ?) RETURNING id"),
        {username, key, QString::fromLatin1(passwordHash), nowTimestamp()});
    if (!q)
        return q.error();
    Result<qint64> id = SqlDialect::insertedId(**q);
    if (!id)
        return id.error();
    return User {*id, username, Role::Member};
}

Result<User> rename(WriteTx &tx, qint64 userId, const QString &username)
{
    const QString key = Validation::usernameKey(username);
    Result<bool> used = nameInUse(tx.sql(), key, userId);
    if (!used)
        return used.error();
    if (*used)
        return nameTaken(username);
    Result<QSqlQuery *> q = tx.sql().run(
        QStringLiteral("UPDATE users SET username = ?, username_key = ? WHERE id = ?"),
        {username, key, userId});
    if (!q)
        return q.error();
    Result<std::optional<User>> user = findById(tx.sql(), userId);
    if (!user)
        return user.error();
    if (!*user)
        return makeError(ErrorCode::NotFound, UserStoreText::tr("This account no longer exists."));
    return **user;
}

Result<User> setRole(WriteTx &tx, const QString &username, Role role)
{
    Result<QSqlQuery *> q
        = tx.sql().run(QStringLiteral("UPDATE users SET role = ? WHERE username_key = ?"),
            {roleName(role), Validation::usernameKey(username)});
    if (!q)
        return q.error();
    if ((*q)->numRowsAffected() != 1)
        return makeError(
            ErrorCode::NotFound, UserStoreText::tr("There is no user '%1'.").arg(username));
    Result<std::optional<Credentials>> found = findCredentials(tx.sql(), username);
    if (!found)
        return found.error();
    return (*found)->user;
}

Status removeSession(WriteTx &tx, const QByteArray &tokenHash)
{
    Result<QSqlQuery *> q
        = tx.sql().run(QStringLiteral("DELETE FROM sessions WHERE token_hash = ?"), {tokenHash});
    if (!q)
        return q.error();
    return Ok {};
}

Status removeExpiredSessions(WriteTx &tx)
{
    Result<QSqlQuery *> q = tx.sql().run(
        QStringLiteral("DELETE FROM sessions WHERE expires_at <= ?"), {nowTimestamp()});
    if (!q)
        return q.error();
    return Ok {};
}

Result<Profile> setProfile(WriteTx &tx, qint64 userId, const ProfileChange &change)
{
    Result<std::optional<User>> found = findById(tx.sql(), userId);
    if (!found)
        return found.error();
    if (!*found)
        return makeError(
            ErrorCode::Unauthorized, UserStoreText::tr("This account no longer exists."));
    User user = **found;
    if (change.displayName)
        user.displayName = *change.displayName;
    if (change.avatarId)
        user.avatarId = *change.avatarId;
    if (user == **found) {
        Result<QSqlQuery *> q
            = tx.sql().run(QStringLiteral("SELECT profile_seq FROM users WHERE id = ?"), {userId});
        if (!q)
            return q.error();
        const qint64 seq = (*q)->next() ? (*q)->value(0).toLongLong() : 0;
        (*q)->finish();
        return Profile {user, false, seq};
    }
    Result<QSqlQuery *> q = tx.sql().run(
        QStringLiteral("UPDATE users SET display_name = ?, avatar_image_id = ? WHERE id = ?"),
        {user.displayName, user.avatarId.isEmpty() ? QVariant() : QVariant(user.avatarId), userId});
    if (!q)
        return q.error();
    return Profile {user, true, 0};
}

Status setProfileSeq(WriteTx &tx, qint64 userId, qint64 seq)
{
    Result<QSqlQuery *> q = tx.sql().run(
        QStringLiteral("UPDATE users SET profile_seq = ? WHERE id = ?"), {seq, userId});
    if (!q)
        return q.error();
    return Ok {};
}

Result<QList<User>> list(SqlConnection &c, int limit)
{
    // Sorted by the case-folded key: "ada" before "Bob" before "émile" as a reader expects,
    // from the index the unique key already has.
    Result<QSqlQuery *> q
        = c.run(QStringLiteral("SELECT id, username, role, display_name, "
                               "avatar_image_id FROM users "
                               "ORDER BY username_key%1, id LIMIT ?")
                    .arg(c.isPostgres() ? SqlDialect::PostgresBinaryOrder : QString()),
            {limit});
    if (!q)
        return q.error();
    QList<User> users;
    while ((*q)->next())
        users.append(userFrom(**q, 0));
    return users;
}

Result<Role> currentRole(WriteTx &tx, qint64 userId)
{
    Result<QSqlQuery *> q
        = tx.sql().run(QStringLiteral("SELECT role, disabled FROM users WHERE id = ?"), {userId});
    if (!q)
        return q.error();
    if (!(*q)->next())
        return makeError(
            ErrorCode::Unauthorized, UserStoreText::tr("This account no longer exists."));
    const Role role = roleFromName((*q)->value(0).toString());
    const bool disabled = (*q)->value(1).toInt() != 0;
    (*q)->finish();
    // Disabled meanwhile (its connections are being closed): a request already on its way
    // changes nothing.
    if (disabled)
        return makeError(
            ErrorCode::Unauthorized, UserStoreText::tr("This account has been disabled."));
    return role;
}

} // namespace Hubbub::Server::UserStore
