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

//! PostgreSQL's query for the terms, for `CROSS JOIN %1 tq`: folded as the search columns are
//! (schemapostgres.cpp, hubbub_fold).
const QString PostgresQuery = QStringLiteral("to_tsquery('simple', hubbub_fold(CAST(? AS text)))");

Candidates candidates(const Query &q, bool postgres, bool posts, Pass pass, qint64 floor, int rows)
{
    const QString fts = posts ? QStringLiteral("posts_fts") : QStringLiteral("messages_fts");
    const QString table = posts ? QStringLiteral("posts") : QStringLiteral("messages");
    const QString t = posts ? QStringLiteral("p") : QStringLiteral("m");
    // SQLite reads the FTS5 table and joins the rows; PostgreSQL reads the rows by their
    // tsvector column (its GIN index). ts_rank's best is the highest, bm25's the lowest.
    const QString id = postgres ? t + QStringLiteral(".id") : QStringLiteral("f.rowid");
    Candidates c;
    if (postgres) {
        c.sql = QStringLiteral("SELECT %1.id, %1.created_at, %2 FROM %3 %1 CROSS JOIN %4 tq")
                    .arg(t,
                        pass == Pass::Best ? QStringLiteral("-ts_rank(%1.search, tq, 1)").arg(t)
                                           : u"0"_s,
                        table, PostgresQuery);
        c.values = {SearchQuery::toTsQuery(q.terms)};
    } else {
        c.sql = QStringLiteral("SELECT f.rowid, %1.created_at, %2 FROM %3 f JOIN %4 %1 ON %1.id = "
                               "f.rowid")
                    .arg(t, pass == Pass::Best ? QStringLiteral("bm25(%1)").arg(fts) : u"0"_s, fts,
                        table);
        c.values = {q.match};
    }
    const QString match = postgres ? QStringLiteral("%1.search @@ tq").arg(t)
                                   : QStringLiteral("%1 MATCH ?").arg(fts);
    if (posts) {
        c.sql += QStringLiteral(" WHERE ") + match;
    } else {
        c.sql += QStringLiteral(" JOIN channels ch ON ch.id = m.channel_id WHERE ") + match
            + QStringLiteral(" AND ") + MayReadChannel;
        c.values.append(q.userId);
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
        c.sql += QStringLiteral(" AND %1 >= ?").arg(id);
        c.values.append(floor);
    }
    switch (pass) {
    case Pass::Newest:
        c.sql += QStringLiteral(" ORDER BY %1 DESC LIMIT ?").arg(id);
        c.values.append(rows);
        break;
    case Pass::Best:
        // PostgreSQL: equal ranks newest first, as FTS5 happens to give them.
        c.sql += postgres ? QStringLiteral(" ORDER BY 3, %1 DESC LIMIT ?").arg(id)
                          : QStringLiteral(" ORDER BY f.rank LIMIT ?");
        c.values.append(rows);
        break;
    case Pass::Floor:
        c.sql += QStringLiteral(" ORDER BY %1 DESC LIMIT 1 OFFSET ?").arg(id);
        c.values.append(RelevanceWindow - 1);
        break;
    }
    return c;
}

bool hasWordCharacter(QStringView text)
{
    for (const QChar c : text) {
        if (c.isLetterOrNumber())
            return true;
    }
    return false;
}

//! PostgreSQL: a snippet from ts_headline() over the folded text of a column, made to read as
//! FTS5's: the text is the original's (folding keeps every character's place), and an ellipsis
//! marks where it was cut. ts_headline leaves out the non-words before its first word (and
//! writes markup-like text such as <b> as a space): what it left out at either end without a
//! word in it comes back. When the snippet cannot be found in the text, it stays as folded.
Snippet headlineSnippet(const QString &headline, const QString &folded, const QString &original)
{
    Snippet snippet = parseSnippet(headline);
    if (snippet.text.isEmpty())
        return snippet;
    qsizetype from = folded.indexOf(snippet.text);
    if (from < 0 || folded.size() != original.size())
        return snippet;
    qsizetype to = from + snippet.text.size();
    int shift = 0;
    if (!hasWordCharacter(QStringView(original).left(from))) {
        shift = int(from);
        from = 0;
    }
    if (!hasWordCharacter(QStringView(original).mid(to)))
        to = original.size();
    snippet.text = original.mid(from, to - from);
    if (from > 0) {
        snippet.text.prepend(u'…');
        shift = 1;
    }
    if (to < original.size())
        snippet.text.append(u'…');
    for (auto &[start, length] : snippet.highlights)
        start += shift;
    return snippet;
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

//! PostgreSQL's snippet of a hit: ts_headline() of a message's text, or of the post's title
//! or content, whichever has more highlights (FTS5 picks the column with the best snippet).
Status fillPostgresSnippet(SqlConnection &c, const Query &query, Hit &hit)
{
    // One fragment centred on the best match, as FTS5's snippet; MinWords only when no match
    // is found (the text begins the snippet then).
    const QString options = QStringLiteral("StartSel=%1, StopSel=%2, MaxWords=%3, MinWords=%4, "
                                           "ShortWord=0, MaxFragments=1")
                                .arg(QChar(OpenMark))
                                .arg(QChar(CloseMark))
                                .arg(SnippetTokens)
                                .arg(SnippetTokens / 2);
    const QString headline
        = QStringLiteral("ts_headline('simple', hubbub_fold(%1), tq, CAST(? AS text)), "
                         "hubbub_fold(%1), %1");
    const QString sql = hit.post
        ? QStringLiteral("SELECT %1, %2 FROM posts p CROSS JOIN %3 tq WHERE p.id = ?")
              .arg(headline.arg(u"p.title"_s), headline.arg(u"p.content"_s), PostgresQuery)
        : QStringLiteral("SELECT %1 FROM messages m CROSS JOIN %2 tq WHERE m.id = ?")
              .arg(headline.arg(u"m.text"_s), PostgresQuery);
    // Every term highlighted wherever it is, as FTS5 highlights each phrase it finds.
    const QString any = SearchQuery::toTsQuery(query.terms, true);
    Result<QSqlQuery *> q = c.run(sql,
        hit.post ? QVariantList {options, options, any, hit.id}
                 : QVariantList {options, any, hit.id});
    if (!q)
        return q.error();
    if ((*q)->next()) {
        hit.snippet = headlineSnippet(
            (*q)->value(0).toString(), (*q)->value(1).toString(), (*q)->value(2).toString());
        if (hit.post) {
            Snippet content = headlineSnippet(
                (*q)->value(3).toString(), (*q)->value(4).toString(), (*q)->value(5).toString());
            if (content.highlights.size() > hit.snippet.highlights.size())
                hit.snippet = std::move(content);
        }
    }
    (*q)->finish();
    return Ok {};
}

Status fillSnippet(SqlConnection &c, const Query &query, Hit &hit)
{
    if (c.isPostgres())
        return fillPostgresSnippet(c, query, hit);
    const QString &match = query.match;
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
    const bool pg = c.isPostgres();
    if (q.order == Order::Newest)
        return collect(c, candidates(q, pg, posts, Pass::Newest, 0, rows), posts, hits);
    QList<Hit> floor;
    if (Status s = collect(c, candidates(q, pg, posts, Pass::Floor, 0, 0), posts, floor); !s)
        return s;
    const qint64 from = floor.isEmpty() ? 0 : floor.first().id;
    return collect(c, candidates(q, pg, posts, Pass::Best, from, rows), posts, hits);
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
        if (Status s = fillSnippet(c, query, hit); !s)
            return s.error();
        page.hits.append(hit);
    }
    return page;
}

} // namespace Hubbub::Server::SearchStore
