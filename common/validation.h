#pragma once

#include "error.h"

#include <QString>

#include <optional>

//! Server-side validation of every field limit in the spec. Each check returns the spec's
//! error (`invalid` or `too_large`, with `field` set) or nullopt when the value is acceptable.
namespace Hubbub::Validation {

//! Characters as the spec counts them: Unicode code points, not UTF-16 units.
qsizetype charCount(QStringView text);

std::optional<Error> checkUsername(const QString &username);
std::optional<Error> checkPassword(const QString &password);
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
//! A lowercase hex SHA-256 digest.
bool isImageId(const QString &imageId);

} // namespace Hubbub::Validation
