#pragma once

#include <QByteArray>
#include <QString>

namespace Hubbub::Server {

//! Server-to-client WebSocket frames (RFC 6455, section 5.2), built once and written as they
//! are. A server never masks, so one event frame is the same bytes for every connection.
namespace WireFrame {

//! One final text frame carrying `text` as UTF-8.
QByteArray text(const QString &text);
//! One final text frame carrying `utf8`, which must be valid UTF-8.
QByteArray textUtf8(const QByteArray &utf8);
//! A ping with no payload; the peer's pong proves it is still there.
QByteArray ping();
//! A pong echoing a ping's body (at most 125 bytes, as the ping's was).
QByteArray pong(const QByteArray &payload);
//! A close frame: `code`, then `reason` as UTF-8, cut at a character to the 123 bytes a
//! control frame leaves for it.
QByteArray close(quint16 code, const QString &reason);

} // namespace WireFrame

} // namespace Hubbub::Server
