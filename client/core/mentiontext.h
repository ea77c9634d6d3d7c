#pragma once

#include "types.h"

#include <QHash>
#include <QString>
#include <QUrl>

namespace Hubbub::Client {

//! Mentions in Markdown: each `@name` token the server found becomes a link to
//! `hubbub-mention:<userId>` showing the user's current name, which the renderer styles as a
//! mention (docs/protocol.md "Mentions"). Tokens inside code stay as typed.
namespace MentionText {

//! The URL scheme of a mention link.
QString scheme();
//! `text` with its mentions as links; `names` gives the name to show for a user (the display
//! name, else the username; absent: the name as typed), as plain text. Mentions whose offsets do
//! not fit the text (a pending edit) are left out.
QString toMarkdown(
    const QString &text, const QList<Mention> &mentions, const QHash<qint64, QString> &names);
//! The user a mention link names; 0 for any other URL.
qint64 userIdOf(const QUrl &url);
//! Whether the UTF-16 offset lies in a code span or fenced code block of the Markdown source.
bool inCode(const QString &markdown, qsizetype offset);

} // namespace MentionText
} // namespace Hubbub::Client
