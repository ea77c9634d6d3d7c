#include "store/mentionstore.h"

#include "mentions.h"
#include "protocollimits.h"
#include "store/sqlconnection.h"
#include "store/writer.h"
#include "validation.h"

#include <QHash>
#include <QSqlQuery>

#include <algorithm>

namespace Hubbub::Server::MentionStore {

namespace {

// Each row is one user mentioned by one entry; `spans` lists where, as "start:length" joined
// by commas, so one row per user keeps the (entry, user) key that unread counts rely on.
QString spansText(const QList<Mention> &mentions, qint64 userId)
{
    QStringList spans;
    for (const Mention &m : mentions) {
        if (m.userId == userId)
            spans.append(QStringLiteral("%1:%2").arg(m.start).arg(m.length));
    }
    return spans.join(u',');
}

void appendSpans(QList<Mention> &into, qint64 userId, const QString &spans)
{
    for (const QStringView span : QStringView(spans).split(u',', Qt::SkipEmptyParts)) {
        const qsizetype colon = span.indexOf(u':');
        if (colon < 0)
            continue;
        into.append({userId, span.left(colon).toInt(), span.mid(colon + 1).toInt()});
    }
}

void sortByStart(QList<Mention> &mentions)
{
    std::sort(mentions.begin(), mentions.end(),
        [](const Mention &a, const Mention &b) { return a.start < b.start; });
}

Status store(WriteTx &tx, const QString &deleteSql, const QString &insertSql, qint64 entryId,
    const QList<Mention> &mentions)
{
    if (Result<QSqlQuery *> q = tx.sql().run(deleteSql, {entryId}); !q)
        return q.error();
    QList<qint64> users;
    for (const Mention &m : mentions) {
        if (!users.contains(m.userId))
            users.append(m.userId);
    }
    for (const qint64 userId : std::as_const(users)) {
        if (Result<QSqlQuery *> q
            = tx.sql().run(insertSql, {entryId, userId, spansText(mentions, userId)});
            !q)
            return q.error();
    }
    return Ok {};
}

Status fill(SqlConnection &c, const QString &sql, QList<Post> &entries)
{
    // Most entries mention nobody: without an '@' in any of them there is nothing to read.
    QHash<qint64, qsizetype> at;
    qint64 lowest = 0;
    qint64 highest = 0;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (!entries.at(i).content.contains(u'@'))
            continue;
        const qint64 id = entries.at(i).id;
        lowest = at.isEmpty() ? id : std::min(lowest, id);
        highest = at.isEmpty() ? id : std::max(highest, id);
        at.insert(id, i);
    }
    if (at.isEmpty())
        return Ok {};
    Result<QSqlQuery *> q = c.run(sql, {lowest, highest});
    if (!q)
        return q.error();
    while ((*q)->next()) {
        if (const auto it = at.constFind((*q)->value(0).toLongLong()); it != at.cend()) {
            appendSpans(
                entries[*it].mentions, (*q)->value(1).toLongLong(), (*q)->value(2).toString());
        }
    }
    for (const qsizetype i : std::as_const(at))
        sortByStart(entries[i].mentions);
    return Ok {};
}

} // namespace

Result<QList<Mention>> resolve(
    SqlConnection &c, const QString &text, std::optional<qint64> channelId)
{
    QList<Mention> mentions;
    if (!text.contains(u'@'))
        return mentions; // the common case, without a statement
    QHash<QString, std::optional<qint64>> known; // key -> user, per text
    const QString sql = channelId
        ? QStringLiteral(
            "SELECT u.id FROM users u JOIN channels ch ON ch.id = ? WHERE u.username_key = ?"
            " AND (ch.kind = 'public' OR EXISTS (SELECT 1 FROM channel_members m"
            " WHERE m.channel_id = ch.id AND m.user_id = u.id))")
        : QStringLiteral("SELECT u.id FROM users u WHERE u.username_key = ?");
    const auto lookUp = [&](const QString &name) -> Result<std::optional<qint64>> {
        const QString key = Validation::usernameKey(name);
        if (const auto it = known.constFind(key); it != known.cend())
            return *it;
        Result<QSqlQuery *> q = channelId ? c.run(sql, {*channelId, key}) : c.run(sql, {key});
        if (!q)
            return q.error();
        std::optional<qint64> id;
        if ((*q)->next())
            id = (*q)->value(0).toLongLong();
        (*q)->finish();
        known.insert(key, id);
        return id;
    };
    for (const Mentions::Token &token : Mentions::tokens(text, Limits::MentionTokensMax)) {
        const QStringView word = QStringView(text).mid(token.start, token.length);
        for (const QString &name : Mentions::candidates(word)) {
            if (name.size() > 4 * Limits::UsernameMax)
                continue;
            Result<std::optional<qint64>> id = lookUp(name);
            if (!id)
                return id.error();
            if (*id) {
                mentions.append({**id, int(token.start), int(name.size() + 1)});
                break;
            }
        }
    }
    return mentions;
}

Status storeForMessage(WriteTx &tx, qint64 messageId, const QList<Mention> &mentions)
{
    return store(tx, QStringLiteral("DELETE FROM message_mentions WHERE message_id = ?"),
        QStringLiteral(
            "INSERT INTO message_mentions (message_id, user_id, spans) VALUES (?, ?, ?)"),
        messageId, mentions);
}

Status storeForPost(WriteTx &tx, qint64 postId, const QList<Mention> &mentions)
{
    return store(tx, QStringLiteral("DELETE FROM post_mentions WHERE post_id = ?"),
        QStringLiteral("INSERT INTO post_mentions (post_id, user_id, spans) VALUES (?, ?, ?)"),
        postId, mentions);
}

Status fillMessages(SqlConnection &c, QList<Message> &messages)
{
    // One point query per message with an '@': a page's ids span other channels' messages, so
    // a range would read their mentions too.
    for (Message &message : messages) {
        if (!message.text.contains(u'@'))
            continue;
        Result<QSqlQuery *> q = c.run(
            QStringLiteral("SELECT user_id, spans FROM message_mentions WHERE message_id = ?"),
            {message.id});
        if (!q)
            return q.error();
        message.mentions.clear();
        while ((*q)->next())
            appendSpans(message.mentions, (*q)->value(0).toLongLong(), (*q)->value(1).toString());
        sortByStart(message.mentions);
    }
    return Ok {};
}

Status fillPosts(SqlConnection &c, QList<Post> &posts)
{
    return fill(c,
        QStringLiteral(
            "SELECT post_id, user_id, spans FROM post_mentions WHERE post_id BETWEEN ? AND ?"),
        posts);
}

} // namespace Hubbub::Server::MentionStore
