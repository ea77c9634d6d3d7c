#pragma once

#include <QString>

namespace Hubbub::Client::PlainText {

//! Markdown source (a message, a post) as one line of plain text for a quote, a reply bar or a
//! desktop notification: the words as they read when rendered, without `**`, backticks or link
//! targets; an image counts as its alt text; whitespace folded to single spaces.
QString fromMarkdown(const QString &markdown);

} // namespace Hubbub::Client::PlainText
