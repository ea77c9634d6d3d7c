#pragma once

#include "error.h"
#include "eventtype.h"
#include "types.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Hubbub {

//! One server-to-client frame as a typed value: what decodeServerFrame() gives and what the
//! encode*() functions below write. The fields a kind does not use keep their defaults.
struct ServerFrame
{
    //! The frame's `type`: a reply to a request, a stored event, or an ephemeral frame.
    enum class Kind { Reply, Event, Presence, Typing, Read, Prefs };

    Kind kind = Kind::Reply;
    //! Reply: the id it answers; nullopt (`id: null`) when the request's id could not be read.
    std::optional<qint64> id;
    //! Reply: `ok`; when false, `error` says why, and `errorCode` is its `code` as sent, also
    //! one this version does not know (which `error.code` reads as internal).
    bool ok = false;
    Error error;
    QString errorCode;
    //! Event: its seq, its type (nullopt for an event this version does not know: a v1 client
    //! skips it) and its wire name (kept for unknown events and logs).
    qint64 seq = 0;
    std::optional<EventType> event;
    QString eventName;
    //! Presence: `online` (true) or `offline` (false).
    bool online = false;
    //! Typing: the channel someone types in; Read and Prefs: the channel whose read position
    //! (`data.lastReadId`) or notification level (`data.level`) changed.
    qint64 channelId = 0;
    //! Presence and typing: who.
    User user;
    //! What the frame holds beyond the fields above: a reply's result (e.g. `post`, `seq`), an
    //! event's payload (e.g. `post`, or `messageId` and `channelId`).
    QJsonObject data;

    QString toString() const;
    bool operator==(const ServerFrame &) const = default;
};

//! `{"type":"reply","id","ok":true,...result}` as compact JSON (UTF-8).
QByteArray encodeOkReply(qint64 id, const QJsonObject &result = {});
//! `{"type":"reply","id","ok":false,"error":{"code","message","field"?,"retryAfterMs"?}}`;
//! the id is `null` when `id` is nullopt (a frame whose id could not be read).
QByteArray encodeErrorReply(std::optional<qint64> id, const Error &error);
//! The ok reply to `sync`: `{"type":"reply","id","ok":true,"head","events":[...]}` with the
//! stored event frames (compact JSON, UTF-8) joined as they are, not parsed again.
QByteArray encodeSyncReply(qint64 id, qint64 head, const QByteArrayList &eventFrames);
//! `{"type":"event","seq","event",...data}`, e.g. data `{"post": {...}}` for post.created.
QByteArray encodeEvent(qint64 seq, EventType type, const QJsonObject &data);
//! `{"type":"presence","event":"online"|"offline","user"}`.
QByteArray encodePresence(const User &user, bool online);
//! `{"type":"typing","channelId","user"}`.
QByteArray encodeTyping(qint64 channelId, const User &user);

//! `{"type":"read","channelId","lastReadId"}`: the user's read position moved (part "read").
QByteArray encodeRead(qint64 channelId, qint64 lastReadId);
//! `{"type":"prefs","channelId","level"}`: the user's notification level changed.
QByteArray encodePrefs(qint64 channelId, const QString &level);

//! Decodes one received text frame (UTF-8). A frame that is not a server frame of protocol v1
//! (not JSON, an unknown `type`, a field missing or of the wrong JSON type) is an error whose
//! message says what is wrong; an event with an unknown name is not an error.
Result<ServerFrame> decodeServerFrame(const QByteArray &utf8);
//! The same for a frame received as text.
Result<ServerFrame> decodeServerFrame(const QString &text);
//! The same for a frame already parsed, e.g. one of the `events` of a sync reply.
Result<ServerFrame> decodeServerFrame(const QJsonObject &object);

} // namespace Hubbub
