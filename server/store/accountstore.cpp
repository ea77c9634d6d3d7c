#include "store/accountstore.h"

#include "store/sqlconnection.h"
#include "store/sqldialect.h"
#include "store/userstore.h"
#include "store/writer.h"
#include "validation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlQuery>

namespace Hubbub::Server::AccountStore {

namespace {

//! The messages of this file, under one context that lupdate can see. The server sends
//! them in English (it knows no reader's language); the client shows its own text.
struct AccountStoreText
{
    Q_DECLARE_TR_FUNCTIONS(Hubbub::Server::AccountStore)
};

//! The five user columns of the table aliased `alias`, for userFrom().
QString userColumns(const QString &alias)
{
    return QStringLiteral("%1.id, %1.username, %1.role, %1.display_name, %1.avatar_image_id")
        .arg(alias);
}

//! A user from a LEFT JOIN: none when the row has no such user.
std::optional<User> optionalUserFrom(const QSqlQuery &q, int first)
{
    if (q.value(first).isNull())
        return std::nullopt;
    return UserStore::userFrom(q, first);
}

Error noSuchUser()
{
    return makeError(ErrorCode::NotFound, AccountStoreText::tr("There is no such user."),
        QStringLiteral("userId"));
}

//! After an UPDATE of one user's row that changes it only when it differs: true when it did,
//! false when it already was so, `not_found` when there is no such user.
Result<bool> changedUser(WriteTx &tx, const Result<QSqlQuery *> &update, qint64 userId)
{
    if (!update)
        return update.error();
    if ((*update)->numRowsAffected() == 1)
        return true;
    Result<std::optional<User>> user = UserStore::findById(tx.sql(), userId);
    if (!user)
        return user.error();
    if (!*user)
        return noSuchUser();
    return false;
}

//! Invites used or expired this long ago are deleted.
constexpr int InviteKeepDays = 30;

QString inviteSelect()
{
    return QStringLiteral("SELECT i.id, i.created_at, i.expires_at, i.used_at, %1, %2 "
                          "FROM invites i JOIN users c ON c.id = i.created_by "
                          "LEFT JOIN users u ON u.id = i.used_by ")
        .arg(userColumns(QStringLiteral("c")), userColumns(QStringLiteral("u")));
}

Invite inviteFrom(const QSqlQuery &q)
{
    Invite invite;
    invite.id = q.value(0).toLongLong();
    invite.createdAt = q.value(1).toString();
    invite.expiresAt = q.value(2).toString();
    invite.usedAt = q.value(3).toString();
    invite.createdBy = UserStore::userFrom(q, 4);
    invite.usedBy = optionalUserFrom(q, 9);
    return invite;
}

} // namespace

QJsonObject Invite::toJson() const
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("createdBy"), createdBy.toJson()},
        {QStringLiteral("createdAt"), createdAt}, {QStringLiteral("expiresAt"), expiresAt},
        {QStringLiteral("usedBy"), usedBy ? QJsonValue(usedBy->toJson()) : QJsonValue()},
        {QStringLiteral("usedAt"), usedAt.isEmpty() ? QJsonValue() : QJsonValue(usedAt)}};
}

QJsonObject AuditEntry::toJson() const
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("at"), at},
        {QStringLiteral("actor"), actor ? QJsonValue(actor->toJson()) : QJsonValue()},
        {QStringLiteral("action"), action},
        {QStringLiteral("target"), target ? QJsonValue(target->toJson()) : QJsonValue()},
        {QStringLiteral("detail"), detail}};
}

Result<QString> addSession(WriteTx &tx, qint64 userId, const QByteArray &tokenHash,
    qint64 lifetimeDays, const QString &client, const QString &address)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    quint64 bits[2];
    QRandomGenerator::system()->generate(std::begin(bits), std::end(bits));
    const QString id = QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(bits), sizeof bits).toHex().left(24));
    Result<QSqlQuery *> q = tx.sql().run(
        QStringLiteral("INSERT INTO sessions (token_hash, user_id, created_at, expires_at, id, "
                       "client, address, last_used_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        {tokenHash, userId, formatTimestamp(now), formatTimestamp(now.addDays(lifetimeDays)), id,
            client, address, formatTimestamp(now)});
    if (!q)
        return q.error();
    return id;
}

Status touchSession(WriteTx &tx, const QByteArray &tokenHash, const QString &address)
{
    Result<QSqlQuery *> q = tx.sql().run(
        QStringLiteral("UPDATE sessions SET last_used_at = ?, address = ? WHERE token_hash = ?"),
        {nowTimestamp(), address, tokenHash});
    if (!q)
        return q.error();
    return Ok {};
}

Result<bool> hasSession(SqlConnection &c, const QByteArray &tokenHash)
{
    Result<QSqlQuery *> q
        = c.run(QStringLiteral("SELECT 1 FROM sessions WHERE token_hash = ?"), {tokenHash});
    if (!q)
        return q.error();
    const bool found = (*q)->next();
    (*q)->finish();
    return found;
}

Result<QList<SessionRow>> sessionsOf(SqlConnection &c, qint64 userId)
{
    Result<QSqlQuery *> q
        = c.run(QStringLiteral("SELECT id, token_hash, client, address, created_at, "
                               "COALESCE(last_used_at, created_at), expires_at FROM sessions "
                               "WHERE user_id = ? AND expires_at > ? "
                               "ORDER BY COALESCE(last_used_at, created_at) DESC, created_at DESC"),
            {userId, nowTimestamp()});
    if (!q)
        return q.error();
    QList<SessionRow> rows;
    while ((*q)->next()) {
        const QSqlQuery &r = **q;
        rows.append({r.value(0).toString(), r.value(1).toByteArray(), r.value(2).toString(),
            r.value(3).toString(), r.value(4).toString(), r.value(5).toString(),
            r.value(6).toString()});
    }
    return rows;
}

Result<QList<QByteArray>> removeSessions(
    WriteTx &tx, qint64 userId, const QByteArray &keepTokenHash)
{
    // Two statements, not one with an empty hash bound: a null QByteArray binds as NULL,
    // and "token_hash <> NULL" matches no row.
    Result<QSqlQuery *> q = keepTokenHash.isEmpty()
        ? tx.sql().run(
            QStringLiteral("DELETE FROM sessions WHERE user_id = ? RETURNING token_hash"), {userId})
        : tx.sql().run(QStringLiteral("DELETE FROM sessions WHERE user_id = ? AND token_hash <> ? "
                                      "RETURNING token_hash"),
            {userId, keepTokenHash});
    if (!q)
        return q.error();
    QList<QByteArray> ended;
    while ((*q)->next())
        ended.append((*q)->value(0).toByteArray());
    return ended;
}

Result<std::optional<QByteArray>> removeSession(WriteTx &tx, qint64 userId, const QString &id)
{
    Result<QSqlQuery *> q = tx.sql().run(
        QStringLiteral("DELETE FROM sessions WHERE user_id = ? AND id = ? RETURNING token_hash"),
        {userId, id});
    if (!q)
        return q.error();
    std::optional<QByteArray> ended;
    if ((*q)->next())
        ended = (*q)->value(0).toByteArray();
    (*q)->finish();
    return ended;
}

Result<std::optional<SignInState>> signInState(SqlConnection &c, qint64 userId)
{
    Result<QSqlQuery *> q
        = c.run(QStringLiteral("SELECT password_hash, disabled FROM users WHERE id = ?"), {userId});
    if (!q)
        return q.error();
    std::optional<SignInState> state;
    if ((*q)->next())
        state = SignInState {(*q)->value(0).toByteArray(), (*q)->value(1).toInt() != 0};
    (*q)->finish();
    return state;
}

Status setPassword(WriteTx &tx, qint64 userId, const QByteArray &passwordHash,
    const std::optional<QString> &oneTimeCodeExpiry)
{
    Result<QSqlQuery *> q = tx.sql().run(
        QStringLiteral("UPDATE users SET password_hash = ?, must_change_password = ?, "
                       "code_expires_at = ? WHERE id = ?"),
        {QString::fromLatin1(passwordHash), oneTimeCodeExpiry.has_value() ? 1 : 0,
            oneTimeCodeExpiry ? QVariant(*oneTimeCodeExpiry) : QVariant(), userId});
    if (!q)
        return q.error();
    if ((*q)->numRowsAffected() != 1)
        return noSuchUser();
    return Ok {};
}

Result<bool> setDisabled(WriteTx &tx, qint64 userId, bool disabled)
{
    Result<QSqlQuery *> q = tx.sql().run(
        QStringLiteral("UPDATE users SET disabled = ? WHERE id = ? AND disabled <> ?"),
        {disabled ? 1 : 0, userId, disabled ? 1 : 0});
    return changedUser(tx, q, userId);
}

Result<bool> setRole(WriteTx &tx, qint64 userId, Role role)
{
    Result<QSqlQuery *> q
        = tx.sql().run(QStringLiteral("UPDATE users SET role = ? WHERE id = ? AND role <> ?"),
            {roleName(role), userId, roleName(role)});
    return changedUser(tx, q, userId);
}

Result<QList<AccountRow>> accounts(SqlConnection &c, int limit)
{
    Result<QSqlQuery *> q = c.run(
        QStringLiteral("SELECT %1, u.disabled, u.must_change_password, u.created_at, "
                       "(SELECT COUNT(*) FROM sessions s WHERE s.user_id = u.id "
                       "AND s.expires_at > ?) FROM users u ORDER BY u.username_key%2 LIMIT ?")
            .arg(userColumns(QStringLiteral("u")),
                c.isPostgres() ? SqlDialect::PostgresBinaryOrder : QString()),
        {nowTimestamp(), limit});
    if (!q)
        return q.error();
    QList<AccountRow> rows;
    while ((*q)->next()) {
        const QSqlQuery &r = **q;
        rows.append({UserStore::userFrom(r, 0), r.value(5).toInt() != 0, r.value(6).toInt() != 0,
            r.value(7).toString(), r.value(8).toInt()});
    }
    return rows;
}

Result<Invite> createInvite(WriteTx &tx, qint64 createdBy, const QByteArray &codeHash, int hours)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Result<QSqlQuery *> q = tx.sql().run(
        QStringLiteral("INSERT INTO invites (code_hash, created_by, created_at, expires_at) "
                       "VALUES (?, ?, ?, ?) RETURNING id"),
        {codeHash, createdBy, formatTimestamp(now), formatTimestamp(now.addSecs(hours * 3600LL))});
    if (!q)
        return q.error();
    Result<qint64> id = SqlDialect::insertedId(**q);
    if (!id)
        return id.error();
    Result<QSqlQuery *> read
        = tx.sql().run(inviteSelect() + QStringLiteral("WHERE i.id = ?"), {*id});
    if (!read)
        return read.error();
    if (!(*read)->next())
        return databaseError(QStringLiteral("invite"), QString::number(*id));
    Invite invite = inviteFrom(**read);
    (*read)->finish();
    return invite;
}

Result<int> openInvites(SqlConnection &c)
{
    Result<QSqlQuery *> q = c.run(
        QStringLiteral("SELECT COUNT(*) FROM invites WHERE used_by IS NULL AND expires_at > ?"),
        {nowTimestamp()});
    if (!q)
        return q.error();
    const int count = (*q)->next() ? (*q)->value(0).toInt() : 0;
    (*q)->finish();
    return count;
}

Result<bool> inviteUsable(SqlConnection &c, const QByteArray &codeHash)
{
    Result<QSqlQuery *> q
        = c.run(QStringLiteral("SELECT 1 FROM invites WHERE code_hash = ? AND used_by IS NULL "
                               "AND expires_at > ?"),
            {codeHash, nowTimestamp()});
    if (!q)
        return q.error();
    const bool usable = (*q)->next();
    (*q)->finish();
    return usable;
}

Result<bool> useInvite(WriteTx &tx, const QByteArray &codeHash, qint64 userId)
{
    Result<QSqlQuery *> q
        = tx.sql().run(QStringLiteral("UPDATE invites SET used_by = ?, used_at = ? "
                                      "WHERE code_hash = ? AND used_by IS NULL AND expires_at > ?"),
            {userId, nowTimestamp(), codeHash, nowTimestamp()});
    if (!q)
        return q.error();
    return (*q)->numRowsAffected() == 1;
}

Result<QList<Invite>> invites(SqlConnection &c, int limit)
{
    Result<QSqlQuery *> q
        = c.run(inviteSelect() + QStringLiteral("ORDER BY i.id DESC LIMIT ?"), {limit});
    if (!q)
        return q.error();
    QList<Invite> list;
    while ((*q)->next())
        list.append(inviteFrom(**q));
    return list;
}

Result<std::optional<Invite>> revokeInvite(WriteTx &tx, qint64 id)
{
    Result<QSqlQuery *> read = tx.sql().run(
        inviteSelect() + QStringLiteral("WHERE i.id = ? AND i.used_by IS NULL"), {id});
    if (!read)
        return read.error();
    if (!(*read)->next())
        return std::optional<Invite>();
    const Invite invite = inviteFrom(**read);
    (*read)->finish();
    Result<QSqlQuery *> q = tx.sql().run(QStringLiteral("DELETE FROM invites WHERE id = ?"), {id});
    if (!q)
        return q.error();
    return std::optional<Invite>(invite);
}

Status pruneInvites(WriteTx &tx)
{
    const QString before
        = formatTimestamp(QDateTime::currentDateTimeUtc().addDays(-InviteKeepDays));
    Result<QSqlQuery *> q = tx.sql().run(
        QStringLiteral("DELETE FROM invites WHERE COALESCE(used_at, expires_at) < ?"), {before});
    if (!q)
        return q.error();
    return Ok {};
}

Status record(WriteTx &tx, std::optional<qint64> actorId, const QString &action,
    std::optional<qint64> targetId, const QJsonObject &detail)
{
    Result<QSqlQuery *> q
        = tx.sql().run(QStringLiteral("INSERT INTO audit (at, actor_id, action, target_id, detail) "
                                      "VALUES (?, ?, ?, ?, ?)"),
            {nowTimestamp(), actorId ? QVariant(*actorId) : QVariant(), action,
                targetId ? QVariant(*targetId) : QVariant(),
                QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact))});
    if (!q)
        return q.error();
    return Ok {};
}

Result<QList<AuditEntry>> audit(SqlConnection &c, qint64 beforeId, int limit)
{
    Result<QSqlQuery *> q
        = c.run(QStringLiteral("SELECT a.id, a.at, a.action, a.detail, %1, %2 FROM audit a "
                               "LEFT JOIN users x ON x.id = a.actor_id "
                               "LEFT JOIN users t ON t.id = a.target_id "
                               "WHERE a.id < ? ORDER BY a.id DESC LIMIT ?")
                    .arg(userColumns(QStringLiteral("x")), userColumns(QStringLiteral("t"))),
            {beforeId > 0 ? beforeId : std::numeric_limits<qint64>::max(), limit});
    if (!q)
        return q.error();
    QList<AuditEntry> entries;
    while ((*q)->next()) {
        const QSqlQuery &r = **q;
        AuditEntry entry;
        entry.id = r.value(0).toLongLong();
        entry.at = r.value(1).toString();
        entry.action = r.value(2).toString();
        entry.detail = QJsonDocument::fromJson(r.value(3).toByteArray()).object();
        entry.actor = optionalUserFrom(r, 4);
        entry.target = optionalUserFrom(r, 9);
        entries.append(std::move(entry));
    }
    return entries;
}

} // namespace Hubbub::Server::AccountStore
