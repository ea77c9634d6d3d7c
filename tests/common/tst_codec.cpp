#include "codec.h"
#include "protocollimits.h"
#include "serverframe.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Hubbub;

//! Decoding request frames, the server frames read back as JSON, and typed parameter access.
class tst_Codec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodeRequest_data();
    void decodeRequest();
    void decodeStringOverloadAgrees_data();
    void decodeStringOverloadAgrees();
    void requestRoundTrips();

    void okReplyShape();
    void okReplyWithoutResult();
    void errorReplyShape();
    void errorReplyNullId();
    void errorReplyRateLimited();
    void errorReplyForUndecodableFrame();
    void eventShape();
    void largeIdsSurviveEncoding();

    void isProtocolInteger_data();
    void isProtocolInteger();

    void paramsString_data();
    void paramsString();
    void paramsOptionalString_data();
    void paramsOptionalString();
    void paramsId_data();
    void paramsId();
    void paramsOptionalId_data();
    void paramsOptionalId();
    void paramsInteger_data();
    void paramsInteger();
    void paramsLimit_data();
    void paramsLimit();
    void paramsContains();
};

namespace {

//! A JSON value as compact text, e.g. `7`, `null`, `"x"`.
QString jsonText(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

QJsonObject parseEncoded(const QString &frame)
{
    return QJsonDocument::fromJson(frame.toUtf8()).object();
}

bool parseObject(const QByteArray &json, QJsonObject *object)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return false;
    *object = document.object();
    return true;
}

//! The error code name of a failed Result, empty for success.
template<typename T>
QString outcome(const Result<T> &result)
{
    return result ? QString() : errorCodeName(result.error().code);
}

QStringList sortedKeys(const QJsonObject &object)
{
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

QByteArray nested(int depth)
{
    return QByteArray(depth, '[') + QByteArray(depth, ']');
}

const QString okCode;
const QString badRequest = u"bad_request"_s;
const QString invalid = u"invalid"_s;

} // namespace

void tst_Codec::decodeRequest_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("type"); // empty: the frame must be rejected with bad_request
    QTest::addColumn<QString>("id"); // DecodedFrame::id as JSON text

    // Valid requests.
    QTest::addRow("ping") << QByteArray(R"({"type":"ping","id":1})") << u"ping"_s << u"1"_s;
    QTest::addRow("hello with params")
        << QByteArray(R"({"type":"hello","id":0,"protocol":1,"client":"test/1.0"})") << u"hello"_s
        << u"0"_s;
    QTest::addRow("id is 2^53-1") << QByteArray(
        R"({"type":"sync","id":9007199254740991,"since":0})")
                                  << u"sync"_s << u"9007199254740991"_s;
    QTest::addRow("keys in any order, whitespace around")
        << QByteArray(" \n{\"id\": 3, \"postId\": 5, \"type\": \"post.get\"}\t\r\n")
        << u"post.get"_s << u"3"_s;
    QTest::addRow("non-ASCII params")
        << QByteArray(R"({"type":"chat.send","id":4,"channelId":1,"text":"h\u00e9llo )"
                      "\xf0\x9f\x98\x80\"}")
        << u"chat.send"_s << u"4"_s;
    QTest::addRow("dotted verb") << QByteArray(R"({"type":"auth.login","id":12})")
                                 << u"auth.login"_s << u"12"_s;

    // Not a JSON object: no id can be read.
    QTest::addRow("empty frame") << QByteArray() << QString() << u"null"_s;
    QTest::addRow("not JSON") << QByteArray("hello there") << QString() << u"null"_s;
    QTest::addRow("truncated object")
        << QByteArray(R"({"type":"ping","id":1)") << QString() << u"null"_s;
    QTest::addRow("garbage after object")
        << QByteArray(R"({"type":"ping","id":1} x)") << QString() << u"null"_s;
    QTest::addRow("two objects") << QByteArray(R"({"type":"ping","id":1}{"type":"ping","id":2})")
                                 << QString() << u"null"_s;
    QTest::addRow("invalid UTF-8")
        << QByteArray("{\"type\":\"ping\",\"id\":1,\"x\":\"\xc3\x28\"}") << QString() << u"null"_s;
    QTest::addRow("JSON array") << QByteArray(R"([{"type":"ping","id":1}])") << QString()
                                << u"null"_s;
    QTest::addRow("JSON string") << QByteArray(R"("ping")") << QString() << u"null"_s;
    QTest::addRow("JSON number") << QByteArray("42") << QString() << u"null"_s;
    QTest::addRow("JSON null") << QByteArray("null") << QString() << u"null"_s;
    QTest::addRow("JSON true") << QByteArray("true") << QString() << u"null"_s;
    QTest::addRow("10000 nested arrays") << QByteArray(10000, '[') << QString() << u"null"_s;
    QTest::addRow("10000 nested arrays, closed") << nested(10000) << QString() << u"null"_s;
    QTest::addRow("deep nesting inside a request")
        << QByteArray(QByteArray(R"({"type":"ping","id":1,"x":)") + nested(10000) + '}')
        << QString() << u"null"_s;
    QTest::addRow("huge number as id")
        << QByteArray(R"({"type":"ping","id":1e400})") << QString() << u"null"_s;
    QTest::addRow("huge number in params")
        << QByteArray(R"({"type":"ping","id":1,"n":1e400})") << QString() << u"null"_s;

    // An object without a usable type: the id is echoed when it is a valid one.
    QTest::addRow("empty object") << QByteArray("{}") << QString() << u"null"_s;
    QTest::addRow("missing type") << QByteArray(R"({"id":5})") << QString() << u"5"_s;
    QTest::addRow("missing type, bad id") << QByteArray(R"({"id":-5})") << QString() << u"null"_s;
    QTest::addRow("type null") << QByteArray(R"({"type":null,"id":5})") << QString() << u"5"_s;
    QTest::addRow("type number") << QByteArray(R"({"type":1,"id":5})") << QString() << u"5"_s;
    QTest::addRow("type object") << QByteArray(R"({"type":{"name":"ping"},"id":5})") << QString()
                                 << u"5"_s;
    QTest::addRow("type array") << QByteArray(R"({"type":["ping"],"id":5})") << QString() << u"5"_s;
    QTest::addRow("unknown type") << QByteArray(R"({"type":"frobnicate","id":6})") << QString()
                                  << u"6"_s;
    QTest::addRow("unknown type, upper case")
        << QByteArray(R"({"type":"PING","id":6})") << QString() << u"6"_s;
    QTest::addRow("unknown type, event name")
        << QByteArray(R"({"type":"post.created","id":6})") << QString() << u"6"_s;
    QTest::addRow("unknown type, no id")
        << QByteArray(R"({"type":"frobnicate"})") << QString() << u"null"_s;

    // A known type with a missing or unusable id: id null.
    QTest::addRow("missing id") << QByteArray(R"({"type":"ping"})") << QString() << u"null"_s;
    QTest::addRow("id null") << QByteArray(R"({"type":"ping","id":null})") << QString()
                             << u"null"_s;
    QTest::addRow("id negative") << QByteArray(R"({"type":"ping","id":-1})") << QString()
                                 << u"null"_s;
    QTest::addRow("id fractional")
        << QByteArray(R"({"type":"ping","id":1.5})") << QString() << u"null"_s;
    QTest::addRow("id string") << QByteArray(R"({"type":"ping","id":"7"})") << QString()
                               << u"null"_s;
    QTest::addRow("id bool") << QByteArray(R"({"type":"ping","id":true})") << QString()
                             << u"null"_s;
    QTest::addRow("id array") << QByteArray(R"({"type":"ping","id":[7]})") << QString()
                              << u"null"_s;
    QTest::addRow("id object") << QByteArray(R"({"type":"ping","id":{"n":7}})") << QString()
                               << u"null"_s;
    QTest::addRow("id is 2^53") << QByteArray(R"({"type":"ping","id":9007199254740992})")
                                << QString() << u"null"_s;
    QTest::addRow("id is 2^53+1") << QByteArray(R"({"type":"ping","id":9007199254740993})")
                                  << QString() << u"null"_s;
    QTest::addRow("id is 2^63") << QByteArray(R"({"type":"ping","id":9223372036854775808})")
                                << QString() << u"null"_s;
    QTest::addRow("id is 1e300") << QByteArray(R"({"type":"ping","id":1e300})") << QString()
                                 << u"null"_s;
}

void tst_Codec::decodeRequest()
{
    QFETCH(QByteArray, frame);
    QFETCH(QString, type);
    QFETCH(QString, id);

    const DecodedFrame decoded = Codec::decodeRequest(frame);
    QCOMPARE(jsonText(decoded.id), id);

    if (type.isEmpty()) {
        // QVERIFY2 evaluates its message eagerly: only name the type when there is one.
        QVERIFY2(!decoded.request.has_value(),
            qPrintable(decoded.request ? messageTypeName(decoded.request->type) : QString()));
        QCOMPARE(errorCodeName(decoded.error.code), badRequest);
        QVERIFY2(!decoded.error.message.isEmpty(), "a bad_request needs a message");
        QVERIFY(decoded.error.field.isEmpty());
        return;
    }

    QVERIFY2(decoded.request.has_value(), qPrintable(decoded.error.toString()));
    QCOMPARE(messageTypeName(decoded.request->type), type);
    QCOMPARE(decoded.request->id, decoded.id.toInteger(-1));
    QCOMPARE(QString::number(decoded.request->id), id);
    QJsonObject expected;
    QVERIFY(parseObject(frame, &expected));
    QCOMPARE(decoded.request->params, expected);
}

void tst_Codec::decodeStringOverloadAgrees_data()
{
    QTest::addColumn<QString>("frame");
    QTest::addRow("valid") << uR"({"type":"chat.send","id":8,"channelId":2,"text":"ça 😀"})"_s;
    QTest::addRow("unknown type") << uR"({"type":"nope","id":8})"_s;
    QTest::addRow("not JSON") << u"{"_s;
    QTest::addRow("array") << u"[]"_s;
    QTest::addRow("missing id") << uR"({"type":"ping"})"_s;
}

void tst_Codec::decodeStringOverloadAgrees()
{
    QFETCH(QString, frame);
    const DecodedFrame fromString = Codec::decodeRequest(frame);
    const DecodedFrame fromBytes = Codec::decodeRequest(frame.toUtf8());
    QCOMPARE(fromString.request.has_value(), fromBytes.request.has_value());
    QCOMPARE(fromString.id, fromBytes.id);
    if (fromString.request) {
        QCOMPARE(fromString.request->id, fromBytes.request->id);
        QCOMPARE(fromString.request->params, fromBytes.request->params);
    } else {
        QCOMPARE(fromString.error.toString(), fromBytes.error.toString());
    }
}

void tst_Codec::requestRoundTrips()
{
    for (std::size_t i = 0; i < messageTypeNames.size(); ++i) {
        const auto type = static_cast<MessageType>(i);
        const QJsonObject params {{u"title"_s, u"Hi"_s}, {u"postId"_s, 3}};
        const QJsonObject object = Codec::request(type, qint64(100 + i), params);
        QCOMPARE(object.value(u"type").toString(), messageTypeName(type));
        QCOMPARE(object.value(u"id").toInteger(), qint64(100 + i));

        const DecodedFrame decoded = Codec::decodeRequest(Codec::encode(object));
        QVERIFY2(decoded.request.has_value(), qPrintable(decoded.error.toString()));
        QCOMPARE(static_cast<int>(decoded.request->type), static_cast<int>(i));
        QCOMPARE(decoded.request->id, qint64(100 + i));
        QCOMPARE(decoded.request->params.value(u"title").toString(), u"Hi"_s);
        QCOMPARE(decoded.request->params.value(u"postId").toInteger(), 3);
    }
}

void tst_Codec::okReplyShape()
{
    const QJsonObject post {{u"id"_s, 12}, {u"title"_s, u"Hello"_s}};
    const QString frame
        = QString::fromUtf8(encodeOkReply(7, {{u"post"_s, post}, {u"seq"_s, 1042}}));
    QVERIFY(!frame.contains(u'\n'));
    const QJsonObject reply = parseEncoded(frame);
    QCOMPARE(sortedKeys(reply), (QStringList {u"id"_s, u"ok"_s, u"post"_s, u"seq"_s, u"type"_s}));
    QCOMPARE(reply.value(u"type").toString(), u"reply"_s);
    QCOMPARE(reply.value(u"id").toInteger(), 7);
    QVERIFY(reply.value(u"ok").isBool());
    QCOMPARE(reply.value(u"ok").toBool(), true);
    QCOMPARE(reply.value(u"post").toObject(), post);
    QCOMPARE(reply.value(u"seq").toInteger(), 1042);
}

void tst_Codec::okReplyWithoutResult()
{
    const QJsonObject reply = parseEncoded(QString::fromUtf8(encodeOkReply(0)));
    QCOMPARE(sortedKeys(reply), (QStringList {u"id"_s, u"ok"_s, u"type"_s}));
    QCOMPARE(reply.value(u"id").toInteger(-1), 0);
    QCOMPARE(reply.value(u"ok").toBool(), true);
}

void tst_Codec::errorReplyShape()
{
    const Error error
        = makeError(ErrorCode::Invalid, u"The title must not be empty."_s, u"title"_s);
    const QJsonObject reply = parseEncoded(QString::fromUtf8(encodeErrorReply(7, error)));
    QCOMPARE(sortedKeys(reply), (QStringList {u"error"_s, u"id"_s, u"ok"_s, u"type"_s}));
    QCOMPARE(reply.value(u"type").toString(), u"reply"_s);
    QCOMPARE(reply.value(u"id").toInteger(), 7);
    QVERIFY(reply.value(u"ok").isBool());
    QCOMPARE(reply.value(u"ok").toBool(), false);

    const QJsonObject errorObject = reply.value(u"error").toObject();
    QCOMPARE(sortedKeys(errorObject), (QStringList {u"code"_s, u"field"_s, u"message"_s}));
    QCOMPARE(errorObject.value(u"code").toString(), u"invalid"_s);
    QCOMPARE(errorObject.value(u"message").toString(), u"The title must not be empty."_s);
    QCOMPARE(errorObject.value(u"field").toString(), u"title"_s);
    QCOMPARE(Error::fromJson(errorObject).toString(), error.toString());
}

void tst_Codec::errorReplyNullId()
{
    const Error error = makeError(ErrorCode::BadRequest, u"Not JSON."_s);
    const QString frame = QString::fromUtf8(encodeErrorReply(std::nullopt, error));
    QVERIFY2(frame.contains(uR"("id":null)"_s), qPrintable(frame));
    const QJsonObject reply = parseEncoded(frame);
    QVERIFY(reply.contains(u"id"));
    QVERIFY(reply.value(u"id").isNull());
    QCOMPARE(reply.value(u"ok").toBool(true), false);
    const QJsonObject errorObject = reply.value(u"error").toObject();
    QCOMPARE(sortedKeys(errorObject), (QStringList {u"code"_s, u"message"_s}));
    QCOMPARE(errorObject.value(u"code").toString(), u"bad_request"_s);
}

void tst_Codec::errorReplyRateLimited()
{
    Error error = makeError(ErrorCode::RateLimited, u"Too many requests."_s);
    error.retryAfterMs = 2500;
    const QJsonObject reply = parseEncoded(QString::fromUtf8(encodeErrorReply(9, error)));
    const QJsonObject errorObject = reply.value(u"error").toObject();
    QCOMPARE(errorObject.value(u"code").toString(), u"rate_limited"_s);
    QCOMPARE(errorObject.value(u"retryAfterMs").toInteger(-1), 2500);
    QVERIFY(!errorObject.contains(u"field"));
    QVERIFY(Error::fromJson(errorObject) == error);
}

void tst_Codec::errorReplyForUndecodableFrame()
{
    // What the server sends back for a bad frame: bad_request, the id when one was readable.
    const DecodedFrame unknown = Codec::decodeRequest(QByteArray(R"({"type":"x.y","id":31})"));
    QVERIFY(!unknown.request);
    const QJsonObject echoed
        = parseEncoded(QString::fromUtf8(encodeErrorReply(unknown.requestId(), unknown.error)));
    QCOMPARE(echoed.value(u"id").toInteger(-1), 31);
    QCOMPARE(echoed.value(u"error").toObject().value(u"code").toString(), u"bad_request"_s);

    const DecodedFrame garbage = Codec::decodeRequest(QByteArray("\x01\x02"));
    QVERIFY(!garbage.request);
    const QJsonObject nulled
        = parseEncoded(QString::fromUtf8(encodeErrorReply(garbage.requestId(), garbage.error)));
    QVERIFY(nulled.contains(u"id"));
    QVERIFY(nulled.value(u"id").isNull());
    QCOMPARE(nulled.value(u"error").toObject().value(u"code").toString(), u"bad_request"_s);
}

void tst_Codec::eventShape()
{
    const QJsonObject post {{u"id"_s, 12}, {u"title"_s, u"Hello"_s}};
    const QJsonObject event = parseEncoded(
        QString::fromUtf8(encodeEvent(1042, EventType::PostUpdated, {{u"post"_s, post}})));
    QCOMPARE(sortedKeys(event), (QStringList {u"event"_s, u"post"_s, u"seq"_s, u"type"_s}));
    QCOMPARE(event.value(u"type").toString(), u"event"_s);
    QCOMPARE(event.value(u"seq").toInteger(), 1042);
    QCOMPARE(event.value(u"event").toString(), u"post.updated"_s);
    QCOMPARE(event.value(u"post").toObject(), post);

    const QJsonObject deleted = parseEncoded(QString::fromUtf8(
        encodeEvent(7, EventType::MessageDeleted, {{u"messageId"_s, 5}, {u"channelId"_s, 2}})));
    QCOMPARE(sortedKeys(deleted),
        (QStringList {u"channelId"_s, u"event"_s, u"messageId"_s, u"seq"_s, u"type"_s}));
    QCOMPARE(deleted.value(u"event").toString(), u"message.deleted"_s);
}

void tst_Codec::largeIdsSurviveEncoding()
{
    constexpr qint64 big = Limits::MaxSafeInteger;
    QCOMPARE(parseEncoded(QString::fromUtf8(encodeOkReply(big))).value(u"id").toInteger(), big);
    QCOMPARE(parseEncoded(QString::fromUtf8(encodeEvent(big, EventType::PostCreated, {})))
                 .value(u"seq")
                 .toInteger(),
        big);
    const DecodedFrame decoded
        = Codec::decodeRequest(Codec::encode(Codec::request(MessageType::Ping, big)));
    QVERIFY2(decoded.request.has_value(), qPrintable(decoded.error.toString()));
    QCOMPARE(decoded.request->id, big);
}

void tst_Codec::isProtocolInteger_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<bool>("expected");
    QTest::addRow("0") << QJsonValue(0) << true;
    QTest::addRow("1") << QJsonValue(1) << true;
    QTest::addRow("2^53-1") << QJsonValue(Limits::MaxSafeInteger) << true;
    QTest::addRow("2^53") << QJsonValue(Limits::MaxSafeInteger + 1) << false;
    QTest::addRow("-1") << QJsonValue(-1) << false;
    QTest::addRow("0.5") << QJsonValue(0.5) << false;
    QTest::addRow("1e300") << QJsonValue(1e300) << false;
    QTest::addRow("string") << QJsonValue(u"1"_s) << false;
    QTest::addRow("bool") << QJsonValue(true) << false;
    QTest::addRow("null") << QJsonValue(QJsonValue::Null) << false;
    QTest::addRow("undefined") << QJsonValue(QJsonValue::Undefined) << false;
}

void tst_Codec::isProtocolInteger()
{
    QFETCH(QJsonValue, value);
    QFETCH(bool, expected);
    QCOMPARE(Codec::isProtocolInteger(value), expected);
}

// Params: every row names the params object as JSON text; the key under test is the realistic
// parameter name so that `field` can be checked against it.

void tst_Codec::paramsString_data()
{
    QTest::addColumn<QByteArray>("params");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("value");
    QTest::addRow("present") << QByteArray(R"({"title":"Hello"})") << okCode << u"Hello"_s;
    QTest::addRow("empty string") << QByteArray(R"({"title":""})") << okCode << QString();
    QTest::addRow("non-ASCII") << QByteArray(R"({"title":"\u00e9\ud83d\ude00"})") << okCode
                               << u"é😀"_s;
    QTest::addRow("absent") << QByteArray(R"({"other":"x"})") << badRequest << QString();
    QTest::addRow("null") << QByteArray(R"({"title":null})") << badRequest << QString();
    QTest::addRow("number") << QByteArray(R"({"title":5})") << badRequest << QString();
    QTest::addRow("bool") << QByteArray(R"({"title":false})") << badRequest << QString();
    QTest::addRow("array") << QByteArray(R"({"title":["a"]})") << badRequest << QString();
    QTest::addRow("object") << QByteArray(R"({"title":{"a":1}})") << badRequest << QString();
}

void tst_Codec::paramsString()
{
    QFETCH(QByteArray, params);
    QFETCH(QString, code);
    QFETCH(QString, value);
    QJsonObject object;
    QVERIFY(parseObject(params, &object));
    const Result<QString> result = Params(object).string(u"title"_s);
    QCOMPARE(outcome(result), code);
    if (result) {
        QCOMPARE(*result, value);
    } else {
        QVERIFY(!result.error().message.isEmpty());
        QVERIFY2(result.error().message.contains(u"title"_s), qPrintable(result.error().message));
    }
}

void tst_Codec::paramsOptionalString_data()
{
    QTest::addColumn<QByteArray>("params");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("present");
    QTest::addColumn<QString>("value");
    QTest::addRow("absent") << QByteArray("{}") << okCode << false << QString();
    QTest::addRow("null") << QByteArray(R"({"imageId":null})") << okCode << false << QString();
    QTest::addRow("empty string") << QByteArray(R"({"imageId":""})") << okCode << true << QString();
    QTest::addRow("present") << QByteArray(R"({"imageId":"abc"})") << okCode << true << u"abc"_s;
    QTest::addRow("number") << QByteArray(R"({"imageId":1})") << badRequest << false << QString();
    QTest::addRow("bool") << QByteArray(R"({"imageId":true})") << badRequest << false << QString();
    QTest::addRow("array") << QByteArray(R"({"imageId":[]})") << badRequest << false << QString();
    QTest::addRow("object") << QByteArray(R"({"imageId":{}})") << badRequest << false << QString();
}

void tst_Codec::paramsOptionalString()
{
    QFETCH(QByteArray, params);
    QFETCH(QString, code);
    QFETCH(bool, present);
    QFETCH(QString, value);
    QJsonObject object;
    QVERIFY(parseObject(params, &object));
    const Result<std::optional<QString>> result = Params(object).optionalString(u"imageId"_s);
    QCOMPARE(outcome(result), code);
    if (result) {
        QCOMPARE(result->has_value(), present);
        if (present)
            QCOMPARE(**result, value);
    }
}

void tst_Codec::paramsId_data()
{
    QTest::addColumn<QByteArray>("params");
    QTest::addColumn<QString>("code");
    QTest::addColumn<qint64>("value");
    QTest::addRow("0") << QByteArray(R"({"postId":0})") << okCode << qint64(0);
    QTest::addRow("42") << QByteArray(R"({"postId":42})") << okCode << qint64(42);
    QTest::addRow("2^53-1") << QByteArray(R"({"postId":9007199254740991})") << okCode
                            << Limits::MaxSafeInteger;
    QTest::addRow("absent") << QByteArray("{}") << badRequest << qint64(0);
    QTest::addRow("null") << QByteArray(R"({"postId":null})") << badRequest << qint64(0);
    QTest::addRow("string") << QByteArray(R"({"postId":"42"})") << badRequest << qint64(0);
    QTest::addRow("bool") << QByteArray(R"({"postId":true})") << badRequest << qint64(0);
    QTest::addRow("array") << QByteArray(R"({"postId":[42]})") << badRequest << qint64(0);
    QTest::addRow("fractional") << QByteArray(R"({"postId":4.5})") << badRequest << qint64(0);
    QTest::addRow("negative") << QByteArray(R"({"postId":-1})") << invalid << qint64(0);
    QTest::addRow("2^53") << QByteArray(R"({"postId":9007199254740992})") << invalid << qint64(0);
    QTest::addRow("1e300") << QByteArray(R"({"postId":1e300})") << invalid << qint64(0);
}

void tst_Codec::paramsId()
{
    QFETCH(QByteArray, params);
    QFETCH(QString, code);
    QFETCH(qint64, value);
    QJsonObject object;
    QVERIFY(parseObject(params, &object));
    const Result<qint64> result = Params(object).id(u"postId"_s);
    QCOMPARE(outcome(result), code);
    if (result)
        QCOMPARE(*result, value);
    else if (code == invalid)
        QCOMPARE(result.error().field, u"postId"_s);
}

void tst_Codec::paramsOptionalId_data()
{
    QTest::addColumn<QByteArray>("params");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("present");
    QTest::addColumn<qint64>("value");
    QTest::addRow("absent") << QByteArray("{}") << okCode << false << qint64(0);
    QTest::addRow("null") << QByteArray(R"({"before":null})") << okCode << false << qint64(0);
    QTest::addRow("0") << QByteArray(R"({"before":0})") << okCode << true << qint64(0);
    QTest::addRow("99") << QByteArray(R"({"before":99})") << okCode << true << qint64(99);
    QTest::addRow("string") << QByteArray(R"({"before":"99"})") << badRequest << false << qint64(0);
    QTest::addRow("bool") << QByteArray(R"({"before":false})") << badRequest << false << qint64(0);
    QTest::addRow("object") << QByteArray(R"({"before":{}})") << badRequest << false << qint64(0);
    QTest::addRow("fractional") << QByteArray(R"({"before":0.5})") << badRequest << false
                                << qint64(0);
    QTest::addRow("negative") << QByteArray(R"({"before":-3})") << invalid << false << qint64(0);
    QTest::addRow("2^53") << QByteArray(R"({"before":9007199254740992})") << invalid << false
                          << qint64(0);
}

void tst_Codec::paramsOptionalId()
{
    QFETCH(QByteArray, params);
    QFETCH(QString, code);
    QFETCH(bool, present);
    QFETCH(qint64, value);
    QJsonObject object;
    QVERIFY(parseObject(params, &object));
    const Result<std::optional<qint64>> result = Params(object).optionalId(u"before"_s);
    QCOMPARE(outcome(result), code);
    if (result) {
        QCOMPARE(result->has_value(), present);
        if (present)
            QCOMPARE(**result, value);
    } else if (code == invalid) {
        QCOMPARE(result.error().field, u"before"_s);
    }
}

void tst_Codec::paramsInteger_data()
{
    QTest::addColumn<QByteArray>("params");
    QTest::addColumn<QString>("code");
    QTest::addColumn<qint64>("value");
    QTest::addRow("3") << QByteArray(R"({"rating":3})") << okCode << qint64(3);
    QTest::addRow("0") << QByteArray(R"({"rating":0})") << okCode << qint64(0);
    QTest::addRow("negative") << QByteArray(R"({"rating":-4})") << okCode << qint64(-4);
    QTest::addRow("2^53-1") << QByteArray(R"({"rating":9007199254740991})") << okCode
                            << Limits::MaxSafeInteger;
    QTest::addRow("-(2^53-1)") << QByteArray(R"({"rating":-9007199254740991})") << okCode
                               << -Limits::MaxSafeInteger;
    QTest::addRow("fractional") << QByteArray(R"({"rating":4.5})") << invalid << qint64(0);
    QTest::addRow("2^53") << QByteArray(R"({"rating":9007199254740992})") << invalid << qint64(0);
    QTest::addRow("-1e300") << QByteArray(R"({"rating":-1e300})") << invalid << qint64(0);
    QTest::addRow("absent") << QByteArray("{}") << badRequest << qint64(0);
    QTest::addRow("null") << QByteArray(R"({"rating":null})") << badRequest << qint64(0);
    QTest::addRow("string") << QByteArray(R"({"rating":"3"})") << badRequest << qint64(0);
    QTest::addRow("bool") << QByteArray(R"({"rating":true})") << badRequest << qint64(0);
    QTest::addRow("array") << QByteArray(R"({"rating":[3]})") << badRequest << qint64(0);
}

void tst_Codec::paramsInteger()
{
    QFETCH(QByteArray, params);
    QFETCH(QString, code);
    QFETCH(qint64, value);
    QJsonObject object;
    QVERIFY(parseObject(params, &object));
    const Result<qint64> result = Params(object).integer(u"rating"_s);
    QCOMPARE(outcome(result), code);
    if (result)
        QCOMPARE(*result, value);
    else if (code == invalid)
        QCOMPARE(result.error().field, u"rating"_s);
}

void tst_Codec::paramsLimit_data()
{
    QTest::addColumn<QByteArray>("params");
    QTest::addColumn<int>("min");
    QTest::addColumn<int>("max");
    QTest::addColumn<int>("fallback");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("value");
    const int fMax = Limits::FeedPageMax;
    const int fDef = Limits::FeedPageDefault;
    const int hMax = Limits::HistoryPageMax;
    const int hDef = Limits::HistoryPageDefault;
    QTest::addRow("feed: absent") << QByteArray("{}") << 1 << fMax << fDef << okCode << 20;
    QTest::addRow("feed: null") << QByteArray(R"({"limit":null})") << 1 << fMax << fDef << okCode
                                << 20;
    QTest::addRow("feed: 1") << QByteArray(R"({"limit":1})") << 1 << fMax << fDef << okCode << 1;
    QTest::addRow("feed: 100") << QByteArray(R"({"limit":100})") << 1 << fMax << fDef << okCode
                               << 100;
    QTest::addRow("feed: 0") << QByteArray(R"({"limit":0})") << 1 << fMax << fDef << invalid << 0;
    QTest::addRow("feed: 101") << QByteArray(R"({"limit":101})") << 1 << fMax << fDef << invalid
                               << 0;
    QTest::addRow("feed: -1") << QByteArray(R"({"limit":-1})") << 1 << fMax << fDef << invalid << 0;
    QTest::addRow("feed: 2.5") << QByteArray(R"({"limit":2.5})") << 1 << fMax << fDef << invalid
                               << 0;
    QTest::addRow("feed: 1e300") << QByteArray(R"({"limit":1e300})") << 1 << fMax << fDef << invalid
                                 << 0;
    QTest::addRow("feed: 2^53") << QByteArray(R"({"limit":9007199254740992})") << 1 << fMax << fDef
                                << invalid << 0;
    QTest::addRow("feed: string") << QByteArray(R"({"limit":"10"})") << 1 << fMax << fDef
                                  << badRequest << 0;
    QTest::addRow("feed: bool") << QByteArray(R"({"limit":true})") << 1 << fMax << fDef
                                << badRequest << 0;
    QTest::addRow("feed: array") << QByteArray(R"({"limit":[10]})") << 1 << fMax << fDef
                                 << badRequest << 0;
    QTest::addRow("history: absent") << QByteArray("{}") << 1 << hMax << hDef << okCode << 50;
    QTest::addRow("history: 200") << QByteArray(R"({"limit":200})") << 1 << hMax << hDef << okCode
                                  << 200;
    QTest::addRow("history: 201") << QByteArray(R"({"limit":201})") << 1 << hMax << hDef << invalid
                                  << 0;
}

void tst_Codec::paramsLimit()
{
    QFETCH(QByteArray, params);
    QFETCH(int, min);
    QFETCH(int, max);
    QFETCH(int, fallback);
    QFETCH(QString, code);
    QFETCH(int, value);
    QJsonObject object;
    QVERIFY(parseObject(params, &object));
    const Result<int> result = Params(object).limit(u"limit"_s, min, max, fallback);
    QCOMPARE(outcome(result), code);
    if (result)
        QCOMPARE(*result, value);
    else if (code == invalid)
        QCOMPARE(result.error().field, u"limit"_s);
}

void tst_Codec::paramsContains()
{
    QJsonObject object;
    QVERIFY(parseObject(QByteArray(R"({"a":null,"b":1})"), &object));
    const Params params(object);
    QVERIFY(params.contains(u"a"_s));
    QVERIFY(params.contains(u"b"_s));
    QVERIFY(!params.contains(u"c"_s));
}

QTEST_GUILESS_MAIN(tst_Codec)
#include "tst_codec.moc"
