#include "store/searchstore.h"

#include "store/sqlconnection.h"

#include <QJsonArray>
#include <QSqlQuery>

#include <algorithm>

namespace Hubbub::Server::SearchStore {

namespace {

// snippet() marks matches with these noncharacters: they are not meant to appear in text, and
// when one does the snippet simply comes without highlights (see parseSnippet).
constexpr char16_t OpenMark = 0xFDD0;
constexpr char16_t CloseMark = 0xFDD1;
constexpr int SnippetTokens = 16;

const QString MayReadChannel
    = QStringLiteral("(ch.kind = 'public' OR EXISTS (SELECT 1 FROM channel_members cm"
                     " WHERE cm.channel_id = ch.id AND cm.user_id = ?))");

//! The SQL and values of one table's candidate list: every filter, in the requested order,
//! offset + limit + 1 rows (the pages of both tables are merged before the offset is applied).
struct Candidates
{
    QString sql;
    QVariantList values;
};

Candidates messageCandidates(const Query &q, int rows)
{
    Candidates c;
    c.sql = QStringLiteral("SELECT f.rowid, m.created_at, bm25(messages_fts) FROM messages_fts f"
                           " JOIN messages m ON m.id = f.rowid"
                           " JOIN channels ch ON ch.id = m.channel_id"
                           " WHERE messages_fts MATCH ? AND ")
        + MayReadChannel;
    c.values = {q.match, q.userId};
    if (q.channelId) {
        c.sql += QStringLiteral(" AND m.channel_id = ?");
        c.values.append(*q.channelId);
    }
    if (q.authorId) {
        c.sql += QStringLiteral(" AND m.author_id = ?");
        c.values.append(*q.authorId);
    }
    if (!q.after.isEmpty()) {
        c.sql += QStringLiteral(" AND m.created_at > ?");
        c.values.append(q.after);
    }
    if (!q.before.isEmpty()) {
        c.sql += QStringLiteral(" AND m.created_at < ?");
        c.values.append(q.before);
    }
    c.sql += q.order == Order::Newest ? QStringLiteral(" ORDER BY f.rowid DESC LIMIT ?")
                                      : QStringLiteral(" ORDER BY f.rank LIMIT ?");
    c.values.append(rows);
    return c;
}

Candidates postCandidates(const Query &q, int rows)
{
    Candidates c;
    c.sql = QStringLiteral("SELECT f.rowid, p.created_at, bm25(posts_fts) FROM posts_fts f"
                           " JOIN posts p ON p.id = f.rowid WHERE posts_fts MATCH ?");
    c.values = {q.match};
    if (q.authorId) {
        c.sql += QStringLiteral(" AND p.author_id = ?");
        c.values.append(*q.authorId);
    }
    if (!q.after.isEmpty()) {
        c.sql += QStringLiteral(" AND p.created_at > ?");
        c.values.append(q.after);
    }
    if (!q.before.isEmpty()) {
        c.sql += QStringLiteral(" AND p.created_at < ?");
        c.values.append(q.before);
    }
    c.sql += q.order == Order::Newest ? QStringLiteral(" ORDER BY f.rowid DESC LIMIT ?")
                                      : QStringLiteral(" ORDER BY f.rank LIMIT ?");
    c.values.append(rows);
    return c;
}

Status collect(SqlConnection &c, const Candidates &candidates, bool post, QList<Hit> &hits)
{
    Result<QSqlQuery *> q = c.run(candidates.sql, candidates.values);
    if (!q)
        return q.error();
    while ((*q)->next()) {
        Hit hit;
        hit.post = post;
        hit.id = (*q)->value(0).toLongLong();
        hit.createdAt = (*q)->value(1).toString();
        hit.rank = (*q)->value(2).toDouble();
        hits.append(hit);
    }
    (*q)->finish();
    return Ok {};
}

Status fillSnippet(SqlConnection &c, const QString &match, Hit &hit)
{
    const QString sql = hit.post
        ? QStringLiteral("SELECT snippet(posts_fts, -1, ?, ?, ?, %1) FROM posts_fts"
                         " WHERE posts_fts MATCH ? AND rowid = ?")
              .arg(SnippetTokens)
        : QStringLiteral("SELECT snippet(messages_fts, 0, ?, ?, ?, %1) FROM messages_fts"
                         " WHERE messages_fts MATCH ? AND rowid = ?")
              .arg(SnippetTokens);
    Result<QSqlQuery *> q = c.run(sql,
        {QString(QChar(OpenMark)), QString(QChar(CloseMark)), QStringLiteral("…"), match, hit.id});
    if (!q)
        return q.error();
    if ((*q)->next())
        hit.snippet = parseSnippet((*q)->value(0).toString());
    (*q)->finish();
    return Ok {};
}

} // namespace

QJsonObject Snippet::toJson() const
{
    QJsonArray ranges;
    for (const auto &[start, length] : highlights)
        ranges.append(QJsonArray {start, length});
    return {{QStringLiteral("text"), text}, {QStringLiteral("highlights"), ranges}};
}

Snippet parseSnippet(const QString &marked)
{
    Snippet snippet;
    snippet.text.reserve(marked.size());
    int open = -1;
    bool wellFormed = true;
    for (const QChar c : marked) {
        if (c.unicode() == OpenMark) {
            wellFormed = wellFormed && open < 0;
            open = int(snippet.text.size());
        } else if (c.unicode() == CloseMark) {
            wellFormed = wellFormed && open >= 0;
            if (open >= 0 && snippet.text.size() > open)
                snippet.highlights.append({open, int(snippet.text.size()) - open});
            open = -1;
        } else {
            snippet.text.append(c);
        }
    }
    if (!wellFormed || open >= 0) {
        // The text itself held a marker: its highlights cannot be told from the real ones.
        snippet.highlights.clear();
    }
    return snippet;
}

Result<bool> mayRead(SqlConnection &c, qint64 userId, qint64 channelId)
{
    Result<QSqlQuery *> q
        = c.run(QStringLiteral("SELECT 1 FROM channels ch WHERE ch.id = ? AND ") + MayReadChannel,
            {channelId, userId});
    if (!q)
        return q.error();
    const bool found = (*q)->next();
    (*q)->finish();
    return found;
}

Result<Page> search(SqlConnection &c, const Query &query)
{
    // Each table gives its own first offset + limit + 1 in the requested order; merged, they
    // hold the requested page and tell whether there is more.
    const int rows = query.offset + query.limit + 1;
    QList<Hit> hits;
    if (query.scope != Scope::Posts) {
        if (Status s = collect(c, messageCandidates(query, rows), false, hits); !s)
            return s.error();
    }
    if (query.scope != Scope::Messages && !query.channelId) {
        if (Status s = collect(c, postCandidates(query, rows), true, hits); !s)
            return s.error();
    }
    if (query.order == Order::Newest) {
        std::stable_sort(hits.begin(), hits.end(), [](const Hit &a, const Hit &b) {
            return a.createdAt != b.createdAt ? a.createdAt > b.createdAt : a.id > b.id;
        });
    } else {
        std::stable_sort(
            hits.begin(), hits.end(), [](const Hit &a, const Hit &b) { return a.rank < b.rank; });
    }
    Page page;
    page.more = hits.size() > query.offset + query.limit;
    for (qsizetype i = query.offset; i < hits.size() && page.hits.size() < query.limit; ++i) {
        Hit hit = hits.at(i);
        if (Status s = fillSnippet(c, query.match, hit); !s)
            return s.error();
        page.hits.append(hit);
    }
    return page;
}

} // namespace Hubbub::Server::SearchStore
