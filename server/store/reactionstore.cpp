#include "store/reactionstore.h"

#include "protocollimits.h"
#include "store/sqlconnection.h"
#include "store/writer.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlQuery>

#include <algorithm>

namespace Hubbub::Server::ReactionStore {

namespace {

//! The messages of this file, under one context that lupdate can see. The server sends
//! them in English (it knows no reader's language); the client shows its own text.
struct ReactionStoreText
{
    Q_DECLARE_TR_FUNCTIONS(Hubbub::Server::ReactionStore)
};

QString column(const Target &target)
{
    return target.messageId != 0 ? QStringLiteral("message_id") : QStringLiteral("post_id");
}

QString table(const Target &target)
{
    return target.messageId != 0 ? QStringLiteral("messages") : QStringLiteral("posts");
}

qint64 idOf(const Target &target)
{
    return target.messageId != 0 ? target.messageId : target.postId;
}

//! Adds one row (in reaction id order) to a list of reactions in first-reacted order.
void add(QList<Reaction> &reactions, const QString &emoji, qint64 userId)
{
    const auto it = std::find_if(reactions.begin(), reactions.end(),
        [&emoji](const Reaction &r) { return r.emoji == emoji; });
    if (it != reactions.end())
        it->userIds.append(userId);
    else
        reactions.append(Reaction {emoji, {userId}});
}

//! Fills `reactions` of entries whose ids lie in one range: a page of history or of the feed.
template<typename Entry>
Status fillRange(SqlConnection &c, QList<Entry> &entries, const QString &idColumn)
{
    if (entries.isEmpty())
        return Ok {};
    QHash<qint64, qsizetype> at;
    qint64 lowest = entries.first().id;
    qint64 highest = lowest;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        at.insert(entries.at(i).id, i);
        lowest = std::min(lowest, entries.at(i).id);
        highest = std::max(highest, entries.at(i).id);
    }
    Result<QSqlQuery *> q = c.run(QStringLiteral("SELECT %1, emoji, user_id FROM reactions "
                                                 "WHERE %1 BETWEEN ? AND ? ORDER BY id")
                                      .arg(idColumn),
        {lowest, highest});
    if (!q)
        return q.error();
    while ((*q)->next()) {
        if (const auto it = at.constFind((*q)->value(0).toLongLong()); it != at.cend())
            add(entries[*it].reactions, (*q)->value(1).toString(), (*q)->value(2).toLongLong());
    }
    return Ok {};
}

} // namespace

Status fill(SqlConnection &c, QList<Message> &messages)
{
    return fillRange(c, messages, QStringLiteral("message_id"));
}

Status fill(SqlConnection &c, QList<Post> &posts)
{
    return fillRange(c, posts, QStringLiteral("post_id"));
}

Result<QList<Reaction>> of(SqlConnection &c, const Target &target)
{
    Result<QSqlQuery *> q
        = c.run(QStringLiteral("SELECT emoji, user_id FROM reactions WHERE %1 = ? ORDER BY id")
                    .arg(column(target)),
            {idOf(target)});
    if (!q)
        return q.error();
    QList<Reaction> reactions;
    while ((*q)->next())
        add(reactions, (*q)->value(0).toString(), (*q)->value(1).toLongLong());
    return reactions;
}

Result<Change> set(WriteTx &tx, const Target &target, qint64 userId, const QString &emoji, bool on)
{
    Result<QList<Reaction>> current = of(tx.sql(), target);
    if (!current)
        return current.error();
    const auto same = std::find_if(current->cbegin(), current->cend(),
        [&emoji](const Reaction &r) { return r.emoji == emoji; });
    const bool isOn = same != current->cend() && same->userIds.contains(userId);
    Change change;
    if (isOn == on) {
        // Already so: nothing is written, and the answer carries the seq of the last change,
        // the same a second device got when it made it.
        Result<QSqlQuery *> q = tx.sql().run(
            QStringLiteral("SELECT COALESCE(reactions_seq, created_seq) FROM %1 WHERE id = ?")
                .arg(table(target)),
            {idOf(target)});
        if (!q)
            return q.error();
        if ((*q)->next())
            change.seq = (*q)->value(0).toLongLong();
        (*q)->finish();
        change.reactions = *current;
        return change;
    }
    if (on && same == current->cend() && current->size() >= Limits::ReactionsPerEntryMax) {
        return makeError(ErrorCode::TooLarge,
            ReactionStoreText::tr("At most %1 different reactions fit on one entry.")
                .arg(Limits::ReactionsPerEntryMax),
            QStringLiteral("emoji"));
    }
    Result<QSqlQuery *> q = on
        ? tx.sql().run(QStringLiteral("INSERT INTO reactions (%1, user_id, emoji) VALUES (?, ?, ?)")
                           .arg(column(target)),
            {idOf(target), userId, emoji})
        : tx.sql().run(
            QStringLiteral("DELETE FROM reactions WHERE %1 = ? AND user_id = ? AND emoji = ?")
                .arg(column(target)),
            {idOf(target), userId, emoji});
    if (!q)
        return q.error();
    change.seq = tx.head() + 1;
    Result<QSqlQuery *> stamp = tx.sql().run(
        QStringLiteral("UPDATE %1 SET reactions_seq = ? WHERE id = ?").arg(table(target)),
        {change.seq, idOf(target)});
    if (!stamp)
        return stamp.error();
    Result<QList<Reaction>> now = of(tx.sql(), target);
    if (!now)
        return now.error();
    change.reactions = *now;
    change.changed = true;
    return change;
}

} // namespace Hubbub::Server::ReactionStore
