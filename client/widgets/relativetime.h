#pragma once

#include <QDateTime>
#include <QString>

namespace Hubbub::Client {

//! A short human time for a list: "just now", "5 min ago", "3 h ago", "yesterday", or a date.
//! `utc` and `now` are compared as UTC; a time in the future (clock skew) reads "just now".
QString relativeTime(const QDateTime &utc, const QDateTime &now = QDateTime::currentDateTimeUtc());

} // namespace Hubbub::Client
