#pragma once

#include "error.h"

#include <QString>

#include <optional>

//! Server-side validation of every field limit in the spec. Each check returns the spec's
//! error (`invalid` or `too_large`, with `field` set) or nullopt when the value is acceptable.
namespace Hubbub::Validation {

//! Characters as the spec counts them: Unicode code points, not UTF-16 units.
qsizetype charCount(QStringView text);

//! The spec's username rule, applied to the name as it will be stored (NFC): 3..32 code points
//! of Unicode letters, marks and digits (categories L, M, N) and `_ . -`.
std::optional<Error> checkUsername(const QString &username);
//! The name as stored and shown: NFC, so that "é" typed as e + U+0301 is the same name.
QString normalizedUsername(const QString &username);
//! What two names must differ in to be two accounts: NFC of the simple Unicode case folding
//! of the canonical decomposition ("ÉLODIE" and "élodie" have one key).
QString usernameKey(const QString &username);
std::optional<Error> checkPassword(const QString &password);
//! An invite or one-time code as typed ("7k2m-pq9x ..."), in its one stored form: upper case,
//! without dashes or spaces, O read as 0 and I or L as 1 (Crockford's base32). Empty when it
//! cannot be a code (wrong length or another character).
QString normalizedCode(QStringView typed);
//! Title as stored: trimmed. Checked after trimming.
std::optional<Error> checkTitle(const QString &trimmedTitle);
std::optional<Error> checkContent(const QString &content);
//! Chat text as stored: trimmed. Checked after trimming.
std::optional<Error> checkChatText(const QString &trimmedText);
std::optional<Error> checkComment(const QString &comment);
std::optional<Error> checkRating(qint64 rating);
std::optional<Error> checkChannelName(const QString &trimmedName);
std::optional<Error> checkChannelTopic(const QString &topic);
std::optional<Error> checkNonce(const QString &nonce);
//! The display name as stored: trimmed, NFC. Normalises before checking (like usernames).
QString normalizedDisplayName(const QString &displayName);
//! 0..64 code points of any script, without control characters, line or paragraph separators,
//! unassigned code points or invisible format characters (bidi overrides and isolates, LRM/RLM,
//! zero width space, ...) that could make one name look like another or reorder the text
//! around it; only ZWJ and ZWNJ, which emoji sequences and several scripts need, are allowed.
std::optional<Error> checkDisplayName(const QString &normalizedName);
//! A reaction (part "react"): 1..32 UTF-8 bytes, no whitespace or control characters, and at
//! least one character that is neither a letter nor a digit (so a word is not an emoji).
std::optional<Error> checkEmoji(const QString &emoji);
//! A lowercase hex SHA-256 digest.
bool isImageId(const QString &imageId);

} // namespace Hubbub::Validation
