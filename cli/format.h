#pragma once

#include <QJsonObject>
#include <QString>

//! How hubbub-cli shows entries to people (the default output; `--json` prints them as the
//! server sends them).
namespace Hubbub::Cli::Format {

//! "2026-11-22 11:00" in local time, from the protocol's ISO 8601 UTC time.
QString time(const QString &iso);
//! The author of a message or post: the display name and the username, or the username.
QString author(const QJsonObject &user);
//! "[12] 2026-11-22 11:00 alice: text", later lines of the text indented.
QString message(const QJsonObject &message);
//! "[5] 2026-11-22 11:00 alice — Title", then the content indented.
QString post(const QJsonObject &post);

} // namespace Hubbub::Cli::Format
