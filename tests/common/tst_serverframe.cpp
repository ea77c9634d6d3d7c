#include "serverframe.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Hubbub;

Q_DECLARE_METATYPE(Hubbub::ServerFrame)

namespace Hubbub {
// QCOMPARE finds this by argument-dependent lookup: failures print the frames.
char *toString(const ServerFrame &frame)
{
    return QTest::toString(frame.toString());
}
} // namespace Hubbub

//! The server-to-client frames: every encoder's output decodes to the value it was given, the
//! bytes are those of protocol v1, and whatever is not a v1 server frame is refused by name.
class tst_ServerFrame : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void wireBytes_data();
    void wireBytes();
    void unknownEventIsSkippable();
    void toleratesExtensions();
    void malformedIsRefused_data();
    void malformedIsRefused();
    void decodesParsedAndTextFrames();
};

namespace {

const User ada {1, u"ada"_s, Role::Member};
const User root {7, u"root"_s, Role::Admin};

QJsonObject samplePost()
{
    return {{u"id"_s, 12}, {u"author"_s, ada.toJson()}, {u"title"_s, u"Été ☕ 🚀"_s},
        {u"content"_s, u"line\nbreak \"quoted\""_s}, {u"imageId"_s, QJsonValue::Null},
        {u"createdAt"_s, u"2026-11-23T09:34:42.324Z"_s}, {u"updatedAt"_s, QJsonValue::Null},
        {u"rating"_s, QJsonObject {{u"average"_s, 4.5}, {u"count"_s, 2}}}};
}

ServerFrame reply(std::optional<qint64> id, QJsonObject data)
{
    ServerFrame frame;
    frame.id = id;
    frame.ok = true;
    frame.data = std::move(data);
    return frame;
}

ServerFrame failure(std::optional<qint64> id, const Error &error)
{
    ServerFrame frame;
    frame.id = id;
    frame.error = error;
    frame.errorCode = errorCodeName(error.code);
    return frame;
}

ServerFrame eventFrame(qint64 seq, EventType type, QJsonObject data)
{
    ServerFrame frame;
    frame.kind = ServerFrame::Kind::Event;
    frame.seq = seq;
    frame.event = type;
    frame.eventName = eventTypeName(type);
    frame.data = std::move(data);
    return frame;
}

ServerFrame presence(const User &user, bool online)
{
    ServerFrame frame;
    frame.kind = ServerFrame::Kind::Presence;
    frame.user = user;
    frame.online = online;
    return frame;
}

ServerFrame typing(qint64 channelId, const User &user)
{
    ServerFrame frame;
    frame.kind = ServerFrame::Kind::Typing;
    frame.channelId = channelId;
    frame.user = user;
    return frame;
}

//! Part "read": a `read` or `prefs` frame about a channel.
ServerFrame channelValue(ServerFrame::Kind kind, qint64 channelId, const QJsonObject &data)
{
    ServerFrame frame;
    frame.kind = kind;
    frame.channelId = channelId;
    frame.data = data;
    return frame;
}

//! A payload that fits each event of the spec's table.
QJsonObject payloadOf(EventType type)
{
    switch (type) {
    case EventType::UserRenamed:
    case EventType::UserUpdated:
        return {{u"user"_s, ada.toJson()}};
    case EventType::PostCreated:
    case EventType::PostUpdated:
        return {{u"post"_s, samplePost()}};
    case EventType::PostDeleted:
        return {{u"postId"_s, 12}};
    case EventType::ReviewCreated:
        return {
            {u"review"_s, QJsonObject {{u"id"_s, 3}, {u"rating"_s, 5}}}, {u"post"_s, samplePost()}};
    case EventType::ChannelCreated:
        return {{u"channel"_s, QJsonObject {{u"id"_s, 2}, {u"name"_s, u"random"_s}}}};
    case EventType::MessageCreated:
    case EventType::MessageUpdated:
        return {{u"message"_s, QJsonObject {{u"id"_s, 9}, {u"text"_s, u"hi"_s}}}};
    case EventType::MessageDeleted:
        return {{u"messageId"_s, 9}, {u"channelId"_s, 1}};
    case EventType::Hidden:
        return {};
    case EventType::ReactionChanged:
        return {{u"messageId"_s, 9}, {u"channelId"_s, 1},
            {u"reactions"_s, QJsonArray {QJsonObject {{u"emoji"_s, u"👍"_s}, {u"count"_s, 1}}}}};
    }
    return {};
}

Error withRetry(Error error, qint64 ms)
{
    error.retryAfterMs = ms;
    return error;
}

} // namespace

void tst_ServerFrame::roundTrip_data()
{
    QTest::addColumn<QByteArray>("encoded");
    QTest::addColumn<ServerFrame>("expected");

    const QJsonObject created {{u"post"_s, samplePost()}, {u"seq"_s, 1042}};
    QTest::addRow("ok with a result") << encodeOkReply(7, created) << reply(7, created);
    QTest::addRow("ok without a result") << encodeOkReply(0) << reply(0, {});
    const qint64 maxId = (qint64(1) << 53) - 1;
    QTest::addRow("ok, largest id") << encodeOkReply(maxId) << reply(maxId, {});

    const Error invalid = makeError(ErrorCode::Invalid, u"Too long."_s, u"title"_s);
    QTest::addRow("error with a field") << encodeErrorReply(4, invalid) << failure(4, invalid);
    const Error busy = withRetry(makeError(ErrorCode::RateLimited, u"Slow down."_s), 250);
    QTest::addRow("rate_limited") << encodeErrorReply(5, busy) << failure(5, busy);
    const Error zero = withRetry(makeError(ErrorCode::RateLimited, u"Now."_s), 0);
    QTest::addRow("retry at once") << encodeErrorReply(5, zero) << failure(5, zero);
    const Error unreadable = makeError(ErrorCode::BadRequest, u"Not JSON."_s);
    QTest::addRow("error, id null")
        << encodeErrorReply(std::nullopt, unreadable) << failure(std::nullopt, unreadable);
    for (ErrorCode code : {ErrorCode::Unauthorized, ErrorCode::TooOld,
             ErrorCode::UnsupportedProtocol, ErrorCode::Internal}) {
        const Error error = makeError(code, u"Message with \"quotes\" and ü."_s);
        QTest::addRow("error %s", qPrintable(errorCodeName(code)))
            << encodeErrorReply(8, error) << failure(8, error);
    }

    const QByteArray stored1 = encodeEvent(41, EventType::PostDeleted, {{u"postId"_s, 3}});
    const QByteArray stored2 = encodeEvent(42, EventType::PostCreated, {{u"post"_s, samplePost()}});
    QTest::addRow("sync with events")
        << encodeSyncReply(9, 42, {stored1, stored2})
        << reply(9,
               {{u"head"_s, 42},
                   {u"events"_s,
                       QJsonArray {QJsonDocument::fromJson(stored1).object(),
                           QJsonDocument::fromJson(stored2).object()}}});
    QTest::addRow("sync, nothing new")
        << encodeSyncReply(10, 0, {}) << reply(10, {{u"head"_s, 0}, {u"events"_s, QJsonArray()}});

    for (std::size_t i = 0; i < eventTypeNames.size(); ++i) {
        const auto type = static_cast<EventType>(i);
        QTest::addRow("event %s", eventTypeNames[i]) << encodeEvent(qint64(i) + 1, type,
            payloadOf(type)) << eventFrame(qint64(i) + 1, type, payloadOf(type));
    }

    QTest::addRow("online") << encodePresence(ada, true) << presence(ada, true);
    QTest::addRow("offline, admin") << encodePresence(root, false) << presence(root, false);
    QTest::addRow("typing") << encodeTyping(3, ada) << typing(3, ada);
    QTest::addRow("read") << encodeRead(3, 41)
                          << channelValue(ServerFrame::Kind::Read, 3, {{u"lastReadId"_s, 41}});
    QTest::addRow("prefs") << encodePrefs(3,
        u"mentions"_s) << channelValue(ServerFrame::Kind::Prefs, 3, {{u"level"_s, u"mentions"_s}});
}

void tst_ServerFrame::roundTrip()
{
    QFETCH(QByteArray, encoded);
    QFETCH(ServerFrame, expected);
    const Result<ServerFrame> decoded = decodeServerFrame(encoded);
    QVERIFY2(decoded, qPrintable(decoded ? QString() : decoded.error().toString()));
    QCOMPARE(*decoded, expected);
}

void tst_ServerFrame::wireBytes_data()
{
    // The exact bytes of protocol v1 (keys in QJsonObject's order, which clients may rely on
    // no more than on any order): these frames must not change by one byte.
    QTest::addColumn<QByteArray>("encoded");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addRow("ok")
        << encodeOkReply(9, {{u"time"_s, u"2026-11-23T09:34:43.001Z"_s}})
        << R"({"id":9,"ok":true,"time":"2026-11-23T09:34:43.001Z","type":"reply"})"_ba;
    QTest::addRow("error")
        << encodeErrorReply(6, makeError(ErrorCode::Invalid, u"1 to 5."_s, u"rating"_s))
        << R"({"error":{"code":"invalid","field":"rating","message":"1 to 5."},"id":6,"ok":false,"type":"reply"})"_ba;
    QTest::addRow("error, id null")
        << encodeErrorReply(
               std::nullopt, withRetry(makeError(ErrorCode::RateLimited, u"Slow down."_s), 20))
        << R"({"error":{"code":"rate_limited","message":"Slow down.","retryAfterMs":20},"id":null,"ok":false,"type":"reply"})"_ba;
    QTest::addRow("event")
        << encodeEvent(5, EventType::MessageDeleted, {{u"messageId"_s, 9}, {u"channelId"_s, 1}})
        << R"({"channelId":1,"event":"message.deleted","messageId":9,"seq":5,"type":"event"})"_ba;
    QTest::addRow("presence")
        << encodePresence(ada, true)
        << R"({"event":"online","type":"presence","user":{"avatarId":null,"displayName":"","id":1,"role":"member","username":"ada"}})"_ba;
    QTest::addRow("typing")
        << encodeTyping(1, root)
        << R"({"channelId":1,"type":"typing","user":{"avatarId":null,"displayName":"","id":7,"role":"admin","username":"root"}})"_ba;
    QTest::addRow("read") << encodeRead(1, 9)
                          << R"({"channelId":1,"lastReadId":9,"type":"read"})"_ba;
    QTest::addRow("prefs") << encodePrefs(1, u"none"_s)
                           << R"({"channelId":1,"level":"none","type":"prefs"})"_ba;
    QTest::addRow("sync")
        << encodeSyncReply(7, 2, {"{\"seq\":1}"_ba, "{\"seq\":2}"_ba})
        << R"({"type":"reply","id":7,"ok":true,"head":2,"events":[{"seq":1},{"seq":2}]})"_ba;
}

void tst_ServerFrame::wireBytes()
{
    QFETCH(QByteArray, encoded);
    QFETCH(QByteArray, bytes);
    QCOMPARE(encoded, bytes);
}

void tst_ServerFrame::unknownEventIsSkippable()
{
    // A later server may send events a v1 client does not know; it decodes and skips them.
    const Result<ServerFrame> decoded = decodeServerFrame(
        R"({"type":"event","seq":77,"event":"reaction.added","reaction":{"emoji":"👍"}})"_ba);
    QVERIFY2(decoded, qPrintable(decoded ? QString() : decoded.error().toString()));
    QCOMPARE(decoded->kind, ServerFrame::Kind::Event);
    QCOMPARE(decoded->seq, 77);
    QCOMPARE(decoded->event, std::nullopt);
    QCOMPARE(decoded->eventName, u"reaction.added"_s);
    QCOMPARE(decoded->data.value(u"reaction"_s).toObject().value(u"emoji"_s).toString(), u"👍"_s);
}

void tst_ServerFrame::toleratesExtensions()
{
    // Extra fields are data, and an error code this version does not know reads as internal,
    // with the code as sent kept beside it (the client shows the server's sentence for it).
    const Result<ServerFrame> error = decodeServerFrame(
        R"({"type":"reply","id":3,"ok":false,"error":{"code":"gone_fishing","message":"Later."}})"_ba);
    QVERIFY(error);
    QCOMPARE(error->error.code, ErrorCode::Internal);
    QCOMPARE(error->errorCode, u"gone_fishing"_s);
    QCOMPARE(error->error.message, u"Later."_s);
    QVERIFY2(error->toString().contains(u"gone_fishing"_s), qPrintable(error->toString()));
    const Result<ServerFrame> online = decodeServerFrame(
        R"({"type":"presence","event":"online","user":{"id":2,"username":"bo","role":"member"},"device":"phone"})"_ba);
    QVERIFY(online);
    QCOMPARE(online->data, QJsonObject({{u"device"_s, u"phone"_s}}));
}

void tst_ServerFrame::malformedIsRefused_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("why");
    const QByteArray user = R"({"id":1,"username":"ada","role":"member"})"_ba;
    QTest::addRow("empty") << QByteArray() << u"not JSON"_s;
    QTest::addRow("not JSON") << "{\"type\":"_ba << u"not JSON"_s;
    QTest::addRow("an array") << "[1,2]"_ba << u"not a JSON object"_s;
    QTest::addRow("no type") << R"({"id":1,"ok":true})"_ba << u"'type'"_s;
    QTest::addRow("type a number") << R"({"type":1})"_ba << u"'type'"_s;
    QTest::addRow("a request") << R"({"type":"ping","id":1})"_ba << u"unknown type 'ping'"_s;
    QTest::addRow("reply without ok") << R"({"type":"reply","id":1})"_ba << u"'ok'"_s;
    QTest::addRow("ok a string") << R"({"type":"reply","id":1,"ok":"true"})"_ba << u"'ok'"_s;
    QTest::addRow("ok without id") << R"({"type":"reply","ok":true})"_ba << u"request id"_s;
    QTest::addRow("ok, id null") << R"({"type":"reply","id":null,"ok":true})"_ba << u"request id"_s;
    QTest::addRow("id a string") << R"({"type":"reply","id":"1","ok":true})"_ba << u"request id"_s;
    QTest::addRow("id negative") << R"({"type":"reply","id":-1,"ok":true})"_ba << u"request id"_s;
    QTest::addRow("id 1.5") << R"({"type":"reply","id":1.5,"ok":true})"_ba << u"request id"_s;
    QTest::addRow("failed, no error")
        << R"({"type":"reply","id":1,"ok":false})"_ba << u"'error' object"_s;
    QTest::addRow("error a string")
        << R"({"type":"reply","id":1,"ok":false,"error":"bad"})"_ba << u"'error' object"_s;
    QTest::addRow("error without code")
        << R"({"type":"reply","id":1,"ok":false,"error":{"message":"x"}})"_ba << u"'code'"_s;
    QTest::addRow("error without message")
        << R"({"type":"reply","id":1,"ok":false,"error":{"code":"invalid"}})"_ba << u"'code'"_s;
    QTest::addRow("field a number")
        << R"({"type":"reply","id":1,"ok":false,"error":{"code":"invalid","message":"x","field":3}})"_ba
        << u"'field'"_s;
    QTest::addRow("retry negative")
        << R"({"type":"reply","id":1,"ok":false,"error":{"code":"rate_limited","message":"x","retryAfterMs":-5}})"_ba
        << u"'retryAfterMs'"_s;
    QTest::addRow("retry a string")
        << R"({"type":"reply","id":1,"ok":false,"error":{"code":"rate_limited","message":"x","retryAfterMs":"5"}})"_ba
        << u"'retryAfterMs'"_s;
    QTest::addRow("event without seq")
        << R"({"type":"event","event":"post.deleted"})"_ba << u"'seq'"_s;
    QTest::addRow("seq 0") << R"({"type":"event","seq":0,"event":"post.deleted"})"_ba << u"'seq'"_s;
    QTest::addRow("seq a string") << R"({"type":"event","seq":"4","event":"post.deleted"})"_ba
                                  << u"'seq'"_s;
    QTest::addRow("seq beyond 2^53")
        << R"({"type":"event","seq":1e300,"event":"post.deleted"})"_ba << u"'seq'"_s;
    QTest::addRow("event without name") << R"({"type":"event","seq":4})"_ba << u"'event' name"_s;
    QTest::addRow("event name empty")
        << R"({"type":"event","seq":4,"event":""})"_ba << u"'event' name"_s;
    QTest::addRow("event name a number")
        << R"({"type":"event","seq":4,"event":3})"_ba << u"'event' name"_s;
    QTest::addRow("presence, no change")
        << R"({"type":"presence","user":)"_ba + user + "}" << u"'online' nor 'offline'"_s;
    QTest::addRow("presence away") << R"({"type":"presence","event":"away","user":)"_ba + user + "}"
                                   << u"'online' nor 'offline'"_s;
    QTest::addRow("presence, no user")
        << R"({"type":"presence","event":"online"})"_ba << u"'user' is not an object"_s;
    QTest::addRow("user id a string")
        << R"({"type":"presence","event":"online","user":{"id":"1","username":"a","role":"member"}})"_ba
        << u"'user.id'"_s;
    QTest::addRow("user without name")
        << R"({"type":"typing","channelId":1,"user":{"id":1,"role":"member"}})"_ba
        << u"'user.username'"_s;
    QTest::addRow("user without role")
        << R"({"type":"typing","channelId":1,"user":{"id":1,"username":"a"}})"_ba
        << u"'user.role'"_s;
    QTest::addRow("typing, no channel")
        << R"({"type":"typing","user":)"_ba + user + "}" << u"'channelId'"_s;
    QTest::addRow("read, no position")
        << R"({"type":"read","channelId":1})"_ba << u"'lastReadId'"_s;
    QTest::addRow("read, position a string")
        << R"({"type":"read","channelId":1,"lastReadId":"9"})"_ba << u"'lastReadId'"_s;
    QTest::addRow("prefs, no channel")
        << R"({"type":"prefs","level":"all"})"_ba << u"'channelId'"_s;
    QTest::addRow("prefs, level a number")
        << R"({"type":"prefs","channelId":1,"level":2})"_ba << u"'level'"_s;
    QTest::addRow("typing, channel -1")
        << R"({"type":"typing","channelId":-1,"user":)"_ba + user + "}" << u"'channelId'"_s;
}

void tst_ServerFrame::malformedIsRefused()
{
    QFETCH(QByteArray, frame);
    QFETCH(QString, why);
    const Result<ServerFrame> decoded = decodeServerFrame(frame);
    QVERIFY2(!decoded, qPrintable(decoded ? decoded->toString() : QString()));
    QVERIFY2(decoded.error().message.contains(why), qPrintable(decoded.error().message));
    QVERIFY(decoded.error().message.startsWith(u"Malformed server frame: "_s));
}

void tst_ServerFrame::decodesParsedAndTextFrames()
{
    const QByteArray bytes = encodeTyping(4, ada);
    const Result<ServerFrame> fromText = decodeServerFrame(QString::fromUtf8(bytes));
    const Result<ServerFrame> fromObject
        = decodeServerFrame(QJsonDocument::fromJson(bytes).object());
    QVERIFY(fromText);
    QVERIFY(fromObject);
    QCOMPARE(*fromText, typing(4, ada));
    QCOMPARE(*fromObject, typing(4, ada));
}

QTEST_APPLESS_MAIN(tst_ServerFrame)
#include "tst_serverframe.moc"
