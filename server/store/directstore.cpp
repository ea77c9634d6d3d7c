#include "store/directstore.h"

#include "store/chatstore.h"
#include "store/sqlconnection.h"
#include "store/sqldialect.h"
#include "store/writer.h"

#include <QSqlQuery>

namespace Hubbub::Server::DirectStore {

namespace {

Channel directChannel(qint64 id, QList<User> members)
{
    Channel channel;
    channel.id = id;
    channel.kind = Channel::Kind::Direct;
    channel.members = std::move(members);
    return channel;
}

} // namespace

QString memberKey(const QList<qint64> &memberIds)
{
    return QChar(0x01) + joinAudience(memberIds);
}

Result<std::optional<Earlier<Channel>>> find(SqlConnection &c, const QList<qint64> &memberIds)
{
    Result<QSqlQuery *> q
        = c.run(QStringLiteral("SELECT id, created_seq FROM channels WHERE name_key = ?"),
            {memberKey(memberIds)});
    if (!q)
        return q.error();
    if (!(*q)->next())
        return std::optional<Earlier<Channel>>();
    const qint64 id = (*q)->value(0).toLongLong();
    const qint64 seq = (*q)->value(1).toLongLong();
    (*q)->finish();
    Result<QList<User>> members = ChatStore::members(c, id);
    if (!members)
        return members.error();
    return std::optional<Earlier<Channel>>(Earlier<Channel> {directChannel(id, *members), seq});
}

Result<Channel> create(WriteTx &tx, const QList<qint64> &memberIds)
{
    Result<QSqlQuery *> q = tx.sql().run(
        QStringLiteral("INSERT INTO channels (name, name_key, topic, created_at, kind, created_seq)"
                       " VALUES ('', ?, '', ?, 'direct', ?) RETURNING id"),
        {memberKey(memberIds), nowTimestamp(), tx.head() + 1});
    if (!q)
        return q.error();
    Result<qint64> inserted = SqlDialect::insertedId(**q);
    if (!inserted)
        return inserted.error();
    const qint64 id = *inserted;
    for (qint64 userId : memberIds) {
        Result<QSqlQuery *> member = tx.sql().run(
            QStringLiteral("INSERT INTO channel_members (channel_id, user_id) VALUES (?, ?)"),
            {id, userId});
        if (!member)
            return member.error();
    }
    Result<QList<User>> members = ChatStore::members(tx.sql(), id);
    if (!members)
        return members.error();
    return directChannel(id, *members);
}

Result<QList<Channel>> list(SqlConnection &c, qint64 userId)
{
    // The last message has the highest id of its conversation and the newest created_seq: one
    // probe of messages_channel per conversation.
    Result<QSqlQuery *> q
        = c.run(QStringLiteral(
                    "SELECT ch.id FROM channel_members m JOIN channels ch ON ch.id = m.channel_id"
                    " WHERE m.user_id = ? AND ch.kind = 'direct'"
                    " ORDER BY %1(ch.created_seq, coalesce((SELECT created_seq FROM messages"
                    " WHERE channel_id = ch.id ORDER BY id DESC LIMIT 1), 0)) DESC, ch.id DESC")
                    // SQLite's max() of two values is PostgreSQL's greatest().
                    .arg(c.isPostgres() ? QStringLiteral("greatest") : QStringLiteral("max")),
            {userId});
    if (!q)
        return q.error();
    QList<qint64> ids;
    while ((*q)->next())
        ids.append((*q)->value(0).toLongLong());
    QList<Channel> channels;
    channels.reserve(ids.size());
    for (qint64 id : std::as_const(ids)) {
        Result<QList<User>> members = ChatStore::members(c, id);
        if (!members)
            return members.error();
        channels.append(directChannel(id, *members));
    }
    return channels;
}

} // namespace Hubbub::Server::DirectStore
