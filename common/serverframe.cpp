#include "serverframe.h"

#include "codec.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace Hubbub {

namespace {

// The keys of the frame itself; everything else in a frame is its data.
const QString TypeKey = QStringLiteral("type");
const QString IdKey = QStringLiteral("id");
const QString OkKey = QStringLiteral("ok");
const QString ErrorKey = QStringLiteral("error");
const QString SeqKey = QStringLiteral("seq");
const QString EventKey = QStringLiteral("event");
const QString UserKey = QStringLiteral("user");
const QString ChannelIdKey = QStringLiteral("channelId");

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Decoding errors are diagnostics for the client's log, not sentences shown to its user.
Error malformed(const QString &what)
{
    return makeError(ErrorCode::BadRequest, QStringLiteral("Malformed server frame: ") + what);
}

QJsonObject without(QJsonObject object, std::initializer_list<QString> keys)
{
    for (const QString &key : keys)
        object.remove(key);
    return object;
}

Result<User> decodeUser(const QJsonObject &frame)
{
    const QJsonValue value = frame.value(UserKey);
    if (!value.isObject())
        return malformed(QStringLiteral("'user' is not an object."));
    const QJsonObject user = value.toObject();
    if (!Codec::isProtocolInteger(user.value(QLatin1StringView("id"))))
        return malformed(QStringLiteral("'user.id' is not an id."));
    if (!user.value(QLatin1StringView("username")).isString())
        return malformed(QStringLiteral("'user.username' is not a string."));
    if (!user.value(QLatin1StringView("role")).isString())
        return malformed(QStringLiteral("'user.role' is not a string."));
    return User::fromJson(user);
}

Result<ServerFrame> decodeReply(const QJsonObject &object)
{
    ServerFrame frame;
    frame.kind = ServerFrame::Kind::Reply;
    const QJsonValue ok = object.value(OkKey);
    if (!ok.isBool())
        return malformed(QStringLiteral("a reply without an 'ok' boolean."));
    frame.ok = ok.toBool();
    const QJsonValue id = object.value(IdKey);
    if (Codec::isProtocolInteger(id))
        frame.id = static_cast<qint64>(id.toDouble());
    else if (!id.isNull() || frame.ok) // only a refused frame may answer `id: null`
        return malformed(QStringLiteral("a reply without a request id."));
    if (frame.ok) {
        frame.data = without(object, {TypeKey, IdKey, OkKey});
        return frame;
    }
    const QJsonValue error = object.value(ErrorKey);
    if (!error.isObject())
        return malformed(QStringLiteral("a failed reply without an 'error' object."));
    const QJsonObject details = error.toObject();
    if (!details.value(QLatin1StringView("code")).isString()
        || !details.value(QLatin1StringView("message")).isString())
        return malformed(QStringLiteral("an error without a 'code' and 'message' string."));
    const QJsonValue field = details.value(QLatin1StringView("field"));
    if (!field.isUndefined() && !field.isString())
        return malformed(QStringLiteral("an error 'field' that is not a string."));
    const QJsonValue retry = details.value(QLatin1StringView("retryAfterMs"));
    if (!retry.isUndefined() && !Codec::isProtocolInteger(retry))
        return malformed(QStringLiteral("a 'retryAfterMs' that is not a whole number of ms."));
    // An error code this version does not know reads as `internal` (see Error::fromJson).
    frame.error = Error::fromJson(details);
    frame.errorCode = details.value(QLatin1StringView("code")).toString();
    frame.data = without(object, {TypeKey, IdKey, OkKey, ErrorKey});
    return frame;
}

Result<ServerFrame> decodeEvent(const QJsonObject &object)
{
    ServerFrame frame;
    frame.kind = ServerFrame::Kind::Event;
    const QJsonValue seq = object.value(SeqKey);
    if (!Codec::isProtocolInteger(seq) || seq.toDouble() < 1)
        return malformed(QStringLiteral("an event without a 'seq' of 1 or more."));
    const QJsonValue name = object.value(EventKey);
    if (!name.isString() || name.toString().isEmpty())
        return malformed(QStringLiteral("an event without an 'event' name."));
    frame.seq = static_cast<qint64>(seq.toDouble());
    frame.eventName = name.toString();
    frame.event = eventTypeFromName(frame.eventName); // nullopt: an extension, to be skipped
    frame.data = without(object, {TypeKey, SeqKey, EventKey});
    return frame;
}

//! Presence and typing frames name a user beside one field of their own (`key`).
Result<ServerFrame> withUser(ServerFrame frame, const QJsonObject &object, const QString &key)
{
    Result<User> user = decodeUser(object);
    if (!user)
        return user.error();
    frame.user = *user;
    frame.data = without(object, {TypeKey, key, UserKey});
    return frame;
}

Result<ServerFrame> decodePresence(const QJsonObject &object)
{
    ServerFrame frame;
    frame.kind = ServerFrame::Kind::Presence;
    const QJsonValue change = object.value(EventKey);
    if (change == QJsonValue(QStringLiteral("online")))
        frame.online = true;
    else if (change != QJsonValue(QStringLiteral("offline")))
        return malformed(QStringLiteral("a presence that is neither 'online' nor 'offline'."));
    return withUser(std::move(frame), object, EventKey);
}

Result<ServerFrame> decodeTyping(const QJsonObject &object)
{
    ServerFrame frame;
    frame.kind = ServerFrame::Kind::Typing;
    const QJsonValue channelId = object.value(ChannelIdKey);
    if (!Codec::isProtocolInteger(channelId))
        return malformed(QStringLiteral("a typing frame without a 'channelId'."));
    frame.channelId = static_cast<qint64>(channelId.toDouble());
    return withUser(std::move(frame), object, ChannelIdKey);
}

//! Part "read": `read` and `prefs` frames name a channel and one value of their own.
Result<ServerFrame> decodeChannelValue(
    const QJsonObject &object, ServerFrame::Kind kind, const QString &key, bool isInteger)
{
    ServerFrame frame;
    frame.kind = kind;
    const QJsonValue channelId = object.value(ChannelIdKey);
    if (!Codec::isProtocolInteger(channelId))
        return malformed(QStringLiteral("a read state frame without a 'channelId'."));
    const QJsonValue value = object.value(key);
    if (isInteger ? !Codec::isProtocolInteger(value) : !value.isString())
        return malformed(QStringLiteral("a read state frame without a '%1'.").arg(key));
    frame.channelId = static_cast<qint64>(channelId.toDouble());
    frame.data = without(object, {TypeKey, ChannelIdKey});
    return frame;
}

} // namespace

QString ServerFrame::toString() const
{
    const QString rest = QString::fromUtf8(compact(data));
    switch (kind) {
    case Kind::Reply:
        return QStringLiteral("Reply(id %1, %2, %3)")
            .arg(id ? QString::number(*id) : QStringLiteral("null"),
                ok ? QStringLiteral("ok")
                    : error.code == ErrorCode::Internal && !errorCode.isEmpty()
                    ? errorCode + QStringLiteral(": ") + error.message // a code we do not know
                    : error.toString(),
                rest);
    case Kind::Event:
        return QStringLiteral("Event(seq %1, %2%3, %4)")
            .arg(QString::number(seq), eventName, event ? QString() : QStringLiteral(" (unknown)"),
                rest);
    case Kind::Presence:
        return QStringLiteral("Presence(%1 %2, %3)")
            .arg(user.toString(), online ? QStringLiteral("online") : QStringLiteral("offline"),
                rest);
    case Kind::Typing:
        return QStringLiteral("Typing(%1 in %2, %3)")
            .arg(user.toString(), QString::number(channelId), rest);
    case Kind::Read:
        return QStringLiteral("Read(in %1, %2)").arg(QString::number(channelId), rest);
    case Kind::Prefs:
        return QStringLiteral("Prefs(in %1, %2)").arg(QString::number(channelId), rest);
    }
    return QString();
}

QByteArray encodeOkReply(qint64 id, const QJsonObject &result)
{
    QJsonObject object = result;
    object.insert(TypeKey, QStringLiteral("reply"));
    object.insert(IdKey, id);
    object.insert(OkKey, true);
    return compact(object);
}

QByteArray encodeErrorReply(std::optional<qint64> id, const Error &error)
{
    return compact({{TypeKey, QStringLiteral("reply")},
        {IdKey, id ? QJsonValue(*id) : QJsonValue(QJsonValue::Null)}, {OkKey, false},
        {ErrorKey, error.toJson()}});
}

QByteArray encodeSyncReply(qint64 id, qint64 head, const QByteArrayList &eventFrames)
{
    qsizetype size = 64;
    for (const QByteArray &event : eventFrames)
        size += event.size() + 1;
    QByteArray frame;
    frame.reserve(size);
    frame.append("{\"type\":\"reply\",\"id\":")
        .append(QByteArray::number(id))
        .append(",\"ok\":true,\"head\":")
        .append(QByteArray::number(head))
        .append(",\"events\":[");
    for (qsizetype i = 0; i < eventFrames.size(); ++i) {
        if (i > 0)
            frame.append(',');
        frame.append(eventFrames.at(i));
    }
    frame.append("]}");
    return frame;
}

QByteArray encodeEvent(qint64 seq, EventType type, const QJsonObject &data)
{
    QJsonObject object = data;
    object.insert(TypeKey, QStringLiteral("event"));
    object.insert(SeqKey, seq);
    object.insert(EventKey, eventTypeName(type));
    return compact(object);
}

QByteArray encodePresence(const User &user, bool online)
{
    return compact({{TypeKey, QStringLiteral("presence")},
        {EventKey, online ? QStringLiteral("online") : QStringLiteral("offline")},
        {UserKey, user.toJson()}});
}

QByteArray encodeTyping(qint64 channelId, const User &user)
{
    return compact(
        {{TypeKey, QStringLiteral("typing")}, {ChannelIdKey, channelId}, {UserKey, user.toJson()}});
}

QByteArray encodeRead(qint64 channelId, qint64 lastReadId)
{
    return compact({{TypeKey, QStringLiteral("read")}, {ChannelIdKey, channelId},
        {QStringLiteral("lastReadId"), lastReadId}});
}

QByteArray encodePrefs(qint64 channelId, const QString &level)
{
    return compact({{TypeKey, QStringLiteral("prefs")}, {ChannelIdKey, channelId},
        {QStringLiteral("level"), level}});
}

Result<ServerFrame> decodeServerFrame(const QJsonObject &object)
{
    const QJsonValue type = object.value(TypeKey);
    if (!type.isString())
        return malformed(QStringLiteral("no 'type' string."));
    const QString name = type.toString();
    if (name == QLatin1StringView("reply"))
        return decodeReply(object);
    if (name == QLatin1StringView("event"))
        return decodeEvent(object);
    if (name == QLatin1StringView("presence"))
        return decodePresence(object);
    if (name == QLatin1StringView("typing"))
        return decodeTyping(object);
    if (name == QLatin1StringView("read"))
        return decodeChannelValue(
            object, ServerFrame::Kind::Read, QStringLiteral("lastReadId"), true);
    if (name == QLatin1StringView("prefs"))
        return decodeChannelValue(object, ServerFrame::Kind::Prefs, QStringLiteral("level"), false);
    return malformed(QStringLiteral("unknown type '%1'.").arg(name.left(64)));
}

Result<ServerFrame> decodeServerFrame(const QByteArray &utf8)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(utf8, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return malformed(QStringLiteral("not JSON (%1).").arg(parseError.errorString()));
    if (!document.isObject())
        return malformed(QStringLiteral("not a JSON object."));
    return decodeServerFrame(document.object());
}

Result<ServerFrame> decodeServerFrame(const QString &text)
{
    return decodeServerFrame(text.toUtf8());
}

} // namespace Hubbub
