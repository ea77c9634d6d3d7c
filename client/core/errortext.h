#pragma once

#include "error.h"
#include "messagetype.h"

#include <QJsonObject>
#include <QString>

#include <optional>

//! What the app says when the server refuses a request, in the user's language.
//!
//! The server has no idea which language its reader speaks, so it writes English; the client
//! makes its own sentence from the error's `code` and `field` (and, for sign-in, the verb). The
//! server's sentence is shown only for a code this client does not know.
namespace Hubbub::Client::ErrorText {

//! The sentence for an error the server sent: `code` is its wire name (`"invalid"`), `field`
//! the field it names if any, `verb` the request it answers if known.
QString describe(const QString &code, const QString &field, const QString &serverMessage,
    qint64 retryAfterMs = -1, std::optional<MessageType> verb = std::nullopt);

//! A reply's `error` object as the client keeps it: code, field and retry time as sent, the
//! message replaced by describe()'s sentence.
Error fromServer(const QJsonObject &error, std::optional<MessageType> verb = std::nullopt);
//! The same for an error already decoded (ServerFrame): `code` is the code as sent, which
//! `error.code` reads as internal when this version does not know it.
Error fromServer(Error error, const QString &code, std::optional<MessageType> verb = std::nullopt);

} // namespace Hubbub::Client::ErrorText
