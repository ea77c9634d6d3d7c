#pragma once

#include "error.h"

#include <QList>
#include <QString>

namespace Hubbub::Server {

//! What a user typed in a search field, made into an FTS5 query that cannot be a syntax error.
namespace SearchQuery {

//! Plain words (all must match), "quoted phrases" and a trailing `*` (prefix, at least two
//! letters) become quoted FTS5 strings; every other character is literal, so NEAR(, column
//! filters, AND/OR/NOT and stray quotes are just text. A word in Hangul, kana or CJK is a
//! prefix, because those scripts glue particles to words with no space between (회의 finds
//! 회의는). `invalid` (field `query`) when nothing searchable is left, `too_large` past
//! Limits::SearchQueryMax characters or Limits::SearchTermsMax terms.
Result<QString> toFts(const QString &typed);

//! One term of a search: a word or a phrase (the characters between its quotes), and whether it
//! is a prefix.
struct Term
{
    QString text;
    bool prefix = false;

    bool operator==(const Term &) const = default;
};

//! What toFts() reads, before it is written as FTS5 (with the same errors).
Result<QList<Term>> parse(const QString &typed);

//! The FTS5 query for parsed terms: every term must match.
QString toFts(const QList<Term> &terms);

//! The PostgreSQL tsquery text for parsed terms, for to_tsquery('simple', ...): each term a
//! quoted operand that to_tsquery splits into words as to_tsvector does (several words become a
//! phrase, `<->`), `:*` for a prefix; joined with `&` (every term must match) or, `any`, with
//! `|` (what ts_headline highlights: each term wherever it occurs, as FTS5's snippet does).
QString toTsQuery(const QList<Term> &terms, bool any = false);

} // namespace SearchQuery
} // namespace Hubbub::Server
