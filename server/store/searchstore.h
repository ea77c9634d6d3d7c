#pragma once

#include "error.h"
#include "store/searchquery.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace Hubbub::Server {

class SqlConnection;

//! Full-text search over messages and posts (schema step 6), filtered to what the caller may
//! read.
namespace SearchStore {

enum class Scope { All, Messages, Posts };
enum class Order { Newest, Relevance };

struct Query
{
    qint64 userId = 0; //!< the caller: direct conversations of others are never found
    QString match; //!< an FTS5 query from SearchQuery::toFts
    QList<SearchQuery::Term> terms; //!< the same, parsed (PostgreSQL writes its own query)
    Scope scope = Scope::All;
    std::optional<qint64> channelId; //!< messages of this channel only (no posts)
    std::optional<qint64> authorId;
    QString after; //!< stored timestamp form, exclusive; empty: no bound
    QString before; //!< the same
    Order order = Order::Newest;
    int limit = 20;
    int offset = 0;
};

//! A few words around the match; highlights are [start, length] in UTF-16 code units.
struct Snippet
{
    QString text;
    QList<std::pair<int, int>> highlights;

    QJsonObject toJson() const;
};

struct Hit
{
    bool post = false;
    qint64 id = 0;
    QString createdAt;
    double rank = 0; //!< bm25 (PostgreSQL: minus ts_rank): lower is better
    Snippet snippet;
};

struct Page
{
    QList<Hit> hits;
    bool more = false;
};

//! One page of matches, newest or best first.
Result<Page> search(SqlConnection &c, const Query &query);

//! Parses the text snippet() returns with `open`/`close` markers into text and highlights.
Snippet parseSnippet(const QString &marked);

} // namespace SearchStore
} // namespace Hubbub::Server
