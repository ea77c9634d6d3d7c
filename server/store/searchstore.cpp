#include "store/searchstore.h"

#include "store/sqlconnection.h"

#include <QJsonArray>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

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

//! What a candidate query returns: the newest matches (no score: bm25 reads the whole
//! doclist of every term to weigh it, 75 ms for a word in most rows), the best matches among
//! those at or after `floor`, or the rowid of the RelevanceWindow-th newest match.
enum class Pass { Newest, Best, Floor };

// Relevance ranks the newest this many matches (after the filters): ranking every match of a
// common word takes seconds on a million rows (docs/performance.md "Search").
constexpr int RelevanceWindow = 1000;

//! The SQL and values of one table's candidate list, with every filter.
struct Candidates
{
    QString sql;
    QVariantList values;
};

Candidates candidates(const Query &q, bool posts, Pass pass, qint64 floor, int rows)
{
    const QString fts = posts ? QStringLiteral("posts_fts") : QStringLiteral("messages_fts");
    const QString t = posts ? QStringLiteral("p") : QStringLiteral("m");
    Candidates c;
    c.sql = QStringLiteral("SELECT f.rowid, %1.created_at, %2 FROM %3 f")
                .arg(t, pass == Pass::Best ? QStringLiteral("bm25(%1)").arg(fts) : u"0"_s, fts);
    if (posts) {
        c.sql += QStringLiteral(" JOIN posts p ON p.id = f.rowid WHERE posts_fts MATCH ?");
        c.values = {q.match};
    } else {
        c.sql += QStringLiteral(" JOIN messages m ON m.id = f.rowid"
                                " JOIN channels ch ON ch.id = m.channel_id"
                                " WHERE messages_fts MATCH ? AND ")
            + MayReadChannel;
        c.values = {q.match, q.userId};
        if (q.channelId) {
            c.sql += QStringLiteral(" AND m.channel_id = ?");
            c.values.append(*q.channelId);
        }
    }
    if (q.authorId) {
        c.sql += QStringLiteral(" AND %1.author_id = ?").arg(t);
        c.values.append(*q.authorId);
    }
    if (!q.after.isEmpty()) {
        c.sql += QStringLiteral(" AND %1.created_at > ?").arg(t);
        c.values.append(q.after);
    }
    if (!q.before.isEmpty()) {
        c.sql += QStringLiteral(" AND %1.created_at < ?").arg(t);
        c.values.append(q.before);
    }
    if (floor > 0) {
        c.sql += QStringLiteral(" AND f.rowid >= ?");
        c.values.append(floor);
    }
    switch (pass) {
    case Pass::Newest:
        c.sql += QStringLiteral(" ORDER BY f.rowid DESC LIMIT ?");
        c.values.append(rows);
        break;
    case Pass::Best:
        c.sql += QStringLiteral(" ORDER BY f.rank LIMIT ?");
        c.values.append(rows);
        break;
    case Pass::Floor:
        c.sql += QStringLiteral(" ORDER BY f.rowid DESC LIMIT 1 OFFSET ?");
        c.values.append(RelevanceWindow - 1);
        break;
    }
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

//! One table's candidates for the page: the newest, or the best among the newest matches.
Status collectTable(SqlConnection &c, const Query &q, bool posts, int rows, QList<Hit> &hits)
{
    if (q.order == Order::Newest)
        return collect(c, candidates(q, posts, Pass::Newest, 0, rows), posts, hits);
    QList<Hit> floor;
    if (Status s = collect(c, candidates(q, posts, Pass::Floor, 0, 0), posts, floor); !s)
        return s;
    const qint64 from = floor.isEmpty() ? 0 : floor.first().id;
    return collect(c, candidates(q, posts, Pass::Best, from, rows), posts, hits);
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

Result<Page> search(SqlConnection &c, const Query &query)
{
    // Each table gives its own first offset + limit + 1 in the requested order; merged, they
    // hold the requested page and tell whether there is more.
    const int rows = query.offset + query.limit + 1;
    QList<Hit> hits;
    if (query.scope != Scope::Posts) {
        if (Status s = collectTable(c, query, false, rows, hits); !s)
            return s.error();
    }
    if (query.scope != Scope::Messages && !query.channelId) {
        if (Status s = collectTable(c, query, true, rows, hits); !s)
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
