#pragma once

#include "error.h"

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

} // namespace SearchQuery
} // namespace Hubbub::Server
