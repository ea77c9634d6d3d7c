#include "store/readstore.h"

#include "protocollimits.h"
#include "store/sqlconnection.h"
#include "store/writer.h"

#include <QSqlQuery>

namespace Hubbub::Server::ReadStore {

namespace {

//! The "Who can read what" filter of the design, for a channel aliased `ch`.
const QString MayReadFilter
    = QStringLiteral("(ch.kind = 'public' OR EXISTS (SELECT 1 FROM channel_members m"
                     " WHERE m.channel_id = ch.id AND m.user_id = :uid))");

} // namespace

bool isLevel(const QString &level)
{
    return level == u"all" || level == u"mentions" || level == u"none";
}

Result<std::optional<qint64>> channelOfMessage(SqlConnection &c, qint64 messageId)
{
    Result<QSqlQuery *> q
        = c.run(QStringLiteral("SELECT channel_id FROM messages WHERE id = ?"), {messageId});
    if (!q)
        return q.error();
    std::optional<qint64> channel;
    if ((*q)->next())
        channel = (*q)->value(0).toLongLong();
    (*q)->finish();
    return channel;
}

Result<qint64> lastReadId(SqlConnection &c, qint64 userId, qint64 channelId)
{
    Result<QSqlQuery *> q
        = c.run(QStringLiteral("SELECT COALESCE((SELECT last_read_id FROM read_state"
                               " WHERE user_id = ? AND channel_id = ?),"
                               " (SELECT message_id FROM read_floor WHERE user_id = ?), 0)"),
            {userId, channelId, userId});
    if (!q)
        return q.error();
    qint64 id = 0;
    if ((*q)->next())
        id = (*q)->value(0).toLongLong();
    (*q)->finish();
    return id;
}

Result<QList<ChannelState>> state(SqlConnection &c, qint64 userId)
{
    // Each count is a range of an index (messages_channel, message_mentions_user) from the
    // read position on, cut at UnreadCountMax: a user far behind costs a bounded read.
    Result<QSqlQuery *> q = c.prepare(
        QStringLiteral("SELECT s.id, s.lr, s.level,"
                       " (SELECT COUNT(*) FROM (SELECT 1 FROM messages m WHERE m.channel_id = s.id"
                       "  AND m.id > s.lr AND m.author_id <> :uid LIMIT :cap) unread),"
                       " (SELECT COUNT(*) FROM (SELECT 1 FROM message_mentions mm"
                       "  JOIN messages m ON m.id = mm.message_id"
                       "  WHERE mm.user_id = :uid AND mm.message_id > s.lr AND m.channel_id = s.id"
                       "  AND m.author_id <> :uid LIMIT :cap) mentioned)"
                       " FROM (SELECT ch.id AS id,"
                       "  COALESCE(rs.last_read_id, (SELECT message_id FROM read_floor WHERE "
                       "user_id = :uid), 0)"
                       "  AS lr, COALESCE(p.level, 'all') AS level"
                       "  FROM channels ch"
                       "  LEFT JOIN read_state rs ON rs.user_id = :uid AND rs.channel_id = ch.id"
                       "  LEFT JOIN channel_prefs p ON p.user_id = :uid AND p.channel_id = ch.id"
                       "  WHERE ")
        + MayReadFilter + QStringLiteral(") s ORDER BY s.id"));
    if (!q)
        return q.error();
    (*q)->bindValue(QStringLiteral(":uid"), userId);
    (*q)->bindValue(QStringLiteral(":cap"), Limits::UnreadCountMax);
    if (Status s = c.exec(**q); !s)
        return s.error();
    QList<ChannelState> channels;
    while ((*q)->next()) {
        channels.append({(*q)->value(0).toLongLong(), (*q)->value(1).toLongLong(),
            (*q)->value(3).toInt(), (*q)->value(4).toInt(), (*q)->value(2).toString()});
    }
    (*q)->finish();
    return channels;
}

Result<Marked> mark(WriteTx &tx, qint64 userId, qint64 channelId, qint64 messageId)
{
    Result<qint64> current = lastReadId(tx.sql(), userId, channelId);
    if (!current)
        return current.error();
    if (messageId <= *current)
        return Marked {*current, false};
    Result<QSqlQuery *> q = tx.sql().run(
        QStringLiteral("INSERT INTO read_state (user_id, channel_id, last_read_id) VALUES (?, ?, ?)"
                       " ON CONFLICT (user_id, channel_id) DO UPDATE"
                       " SET last_read_id = excluded.last_read_id"
                       " WHERE read_state.last_read_id < excluded.last_read_id"),
        {userId, channelId, messageId});
    if (!q)
        return q.error();
    return Marked {messageId, true};
}

Result<bool> setLevel(WriteTx &tx, qint64 userId, qint64 channelId, const QString &level)
{
    Result<QSqlQuery *> old = tx.sql().run(
        QStringLiteral("SELECT level FROM channel_prefs WHERE user_id = ? AND channel_id = ?"),
        {userId, channelId});
    if (!old)
        return old.error();
    const QString before = (*old)->next() ? (*old)->value(0).toString() : QStringLiteral("all");
    (*old)->finish();
    if (before == level)
        return false;
    Result<QSqlQuery *> q = tx.sql().run(
        QStringLiteral("INSERT INTO channel_prefs (user_id, channel_id, level) VALUES (?, ?, ?)"
                       " ON CONFLICT (user_id, channel_id) DO UPDATE SET level = excluded.level"),
        {userId, channelId, level});
    if (!q)
        return q.error();
    return true;
}

} // namespace Hubbub::Server::ReadStore
