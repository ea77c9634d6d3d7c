#include "malformedrows.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace Hubbub::Test::MalformedRows {

namespace {

constexpr qsizetype MiB = 1024 * 1024;
constexpr qsizetype FrameLimit = 16 * MiB;

// Ids in the hostile frames: 7000 + n, far from anything else on the connection.
constexpr qint64 RowId = 7001;

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject request(const QString &type, QJsonObject params)
{
    params.insert(u"type"_s, type);
    params.insert(u"id"_s, RowId);
    return params;
}

Row textRow(const QString &name, const QByteArray &payload, Expect expect, bool login = true)
{
    return Row {name, {RawFrame {Text, payload}}, std::move(expect), login};
}

Row requestRow(const QString &name, const QString &type, const QJsonObject &params,
    const QString &code, const QString &field = {})
{
    return textRow(name, compact(request(type, params)), Expect {code, RowId, field});
}

//! The same request with its parameters written by hand (numbers JSON cannot otherwise carry).
Row literalRow(const QString &name, const QByteArray &json, const QString &code,
    const QJsonValue &id = RowId, const QString &field = {})
{
    return textRow(name, json, Expect {code, id, field});
}

Row closeRow(const QString &name, QList<RawFrame> frames, int closeCode)
{
    return Row {name, std::move(frames), Expect {QString(), QJsonValue::Null, {}, closeCode}};
}

QList<RawFrame> fragments(quint8 opcode, const QByteArray &payload, qsizetype pieceSize)
{
    QList<RawFrame> frames;
    for (qsizetype at = 0; at < payload.size(); at += pieceSize) {
        RawFrame frame {at == 0 ? opcode : quint8(Continuation), payload.mid(at, pieceSize)};
        frame.fin = at + pieceSize >= payload.size();
        frames.append(frame);
    }
    return frames;
}

} // namespace

QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(HUBBUB_TEST_DATA "/images/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

namespace {

quint32 crc32(const QByteArray &data)
{
    quint32 crc = 0xffffffffu;
    for (const char byte : data) {
        crc ^= quint8(byte);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

//! The tiny PNG fixture with its IHDR (and CRC) rewritten to declare `width` x `height`.
QByteArray pngDeclaring(quint32 width, quint32 height)
{
    QByteArray png = fixture(u"tiny.png"_s);
    qToBigEndian(width, png.data() + 16);
    qToBigEndian(height, png.data() + 20);
    qToBigEndian(crc32(png.mid(12, 17)), png.data() + 29);
    return png;
}

//! The tiny JPEG fixture with its SOF0 declaring `width` x `height`.
QByteArray jpegDeclaring(quint16 width, quint16 height)
{
    QByteArray jpeg = fixture(u"tiny.jpg"_s);
    const qsizetype sof = jpeg.indexOf("\xff\xc0");
    qToBigEndian(height, jpeg.data() + sof + 5);
    qToBigEndian(width, jpeg.data() + sof + 7);
    return jpeg;
}

//! The tiny GIF fixture with its screen and image descriptor declaring `width` x `height`.
QByteArray gifDeclaring(quint16 width, quint16 height)
{
    QByteArray gif = fixture(u"tiny.gif"_s);
    qToLittleEndian(width, gif.data() + 6);
    qToLittleEndian(height, gif.data() + 8);
    const qsizetype descriptor = gif.indexOf(',', 13);
    qToLittleEndian(width, gif.data() + descriptor + 5);
    qToLittleEndian(height, gif.data() + descriptor + 7);
    return gif;
}

QString base64(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

enum class Kind { String, Id, Number };

struct Param
{
    QString name;
    Kind kind;
    bool required;
};

struct Verb
{
    QString type;
    QJsonObject valid; //!< a request that would succeed (and store, for changes)
    QList<Param> params;
};

//! Every verb with parameters, each with a valid baseline. postId 1, messageId 1 and channelId 1
//! exist and belong to the logged-in user (see initTestCase()).
QList<Verb> verbs()
{
    const QString image = u"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"_s;
    return {
        {u"hello"_s, {{u"protocol"_s, 1}, {u"client"_s, u"corpus/1"_s}},
            {{u"protocol"_s, Kind::Number, true}, {u"client"_s, Kind::String, false}}},
        {u"auth.register"_s, {{u"username"_s, u"newcomer"_s}, {u"password"_s, Password}},
            {{u"username"_s, Kind::String, true}, {u"password"_s, Kind::String, true}}},
        {u"auth.login"_s, {{u"username"_s, u"corpus"_s}, {u"password"_s, Password}},
            {{u"username"_s, Kind::String, true}, {u"password"_s, Kind::String, true}}},
        {u"auth.token"_s, {{u"token"_s, u"x"_s}}, {{u"token"_s, Kind::String, true}}},
        {u"user.rename"_s, {{u"username"_s, u"renamed"_s}}, {{u"username"_s, Kind::String, true}}},
        {u"feed.page"_s, {{u"before"_s, 5}, {u"limit"_s, 10}},
            {{u"before"_s, Kind::Id, false}, {u"limit"_s, Kind::Number, false}}},
        {u"post.get"_s, {{u"postId"_s, 1}}, {{u"postId"_s, Kind::Id, true}}},
        {u"post.create"_s,
            {{u"title"_s, u"t"_s}, {u"content"_s, u"c"_s}, {u"imageId"_s, QJsonValue::Null},
                {u"nonce"_s, u"n-create"_s}},
            {{u"title"_s, Kind::String, true}, {u"content"_s, Kind::String, true},
                {u"imageId"_s, Kind::String, false}, {u"nonce"_s, Kind::String, false}}},
        {u"post.update"_s, {{u"postId"_s, 1}, {u"title"_s, u"t2"_s}, {u"content"_s, u"c2"_s}},
            {{u"postId"_s, Kind::Id, true}, {u"title"_s, Kind::String, true},
                {u"content"_s, Kind::String, true}, {u"imageId"_s, Kind::String, false}}},
        {u"post.delete"_s, {{u"postId"_s, 1}}, {{u"postId"_s, Kind::Id, true}}},
        {u"review.create"_s,
            {{u"postId"_s, 1}, {u"rating"_s, 4}, {u"comment"_s, u"c"_s}, {u"nonce"_s, u"n-r"_s}},
            {{u"postId"_s, Kind::Id, true}, {u"rating"_s, Kind::Number, true},
                {u"comment"_s, Kind::String, false}, {u"nonce"_s, Kind::String, false}}},
        {u"review.list"_s, {{u"postId"_s, 1}}, {{u"postId"_s, Kind::Id, true}}},
        {u"image.upload"_s,
            {{u"data"_s, base64(fixture(u"tiny.gif"_s))}, {u"mime"_s, u"image/gif"_s}},
            {{u"data"_s, Kind::String, true}, {u"mime"_s, Kind::String, false}}},
        {u"image.get"_s, {{u"imageId"_s, image}}, {{u"imageId"_s, Kind::String, true}}},
        {u"channel.create"_s, {{u"name"_s, u"fresh"_s}, {u"topic"_s, u"t"_s}},
            {{u"name"_s, Kind::String, true}, {u"topic"_s, Kind::String, false}}},
        {u"chat.history"_s, {{u"channelId"_s, 1}, {u"before"_s, 9}, {u"limit"_s, 5}},
            {{u"channelId"_s, Kind::Id, true}, {u"before"_s, Kind::Id, false},
                {u"limit"_s, Kind::Number, false}}},
        {u"chat.send"_s, {{u"channelId"_s, 1}, {u"text"_s, u"hi"_s}, {u"nonce"_s, u"n-chat"_s}},
            {{u"channelId"_s, Kind::Id, true}, {u"text"_s, Kind::String, true},
                {u"nonce"_s, Kind::String, false}, {u"replyTo"_s, Kind::Id, false}}},
        {u"chat.edit"_s, {{u"messageId"_s, 1}, {u"text"_s, u"edited"_s}},
            {{u"messageId"_s, Kind::Id, true}, {u"text"_s, Kind::String, true}}},
        {u"chat.delete"_s, {{u"messageId"_s, 1}}, {{u"messageId"_s, Kind::Id, true}}},
        {u"chat.typing"_s, {{u"channelId"_s, 1}}, {{u"channelId"_s, Kind::Id, true}}},
        {u"sync"_s, {{u"since"_s, 0}}, {{u"since"_s, Kind::Number, true}}},
        {u"user.profile"_s, {{u"displayName"_s, u"Corpus"_s}, {u"avatarId"_s, QJsonValue::Null}},
            {{u"displayName"_s, Kind::String, false}, {u"avatarId"_s, Kind::String, false}}},
        // Part "react" (issue 12).
        {u"chat.around"_s, {{u"messageId"_s, 1}, {u"limit"_s, 5}},
            {{u"messageId"_s, Kind::Id, true}, {u"limit"_s, Kind::Number, false}}},
        {u"reaction.set"_s, {{u"messageId"_s, 1}, {u"emoji"_s, u"👍"_s}, {u"on"_s, true}},
            {{u"messageId"_s, Kind::Id, true}, {u"emoji"_s, Kind::String, true}}},
    };
}

QList<QPair<QString, QJsonValue>> wrongValues(Kind kind)
{
    switch (kind) {
    case Kind::String:
        return {
            {u"number"_s, 42}, {u"object"_s, QJsonObject {{u"a"_s, u"b"_s}}}, {u"true"_s, true}};
    case Kind::Id:
        return {{u"string"_s, u"1"_s}, {u"true"_s, true}, {u"array"_s, QJsonArray {1}}};
    case Kind::Number:
        return {{u"string"_s, u"1"_s}, {u"array"_s, QJsonArray {1}}, {u"false"_s, false}};
    }
    return {};
}

QList<Row> typeRows()
{
    QList<Row> rows;
    for (const Verb &verb : verbs()) {
        for (const Param &param : verb.params) {
            // Only `rating` names its field on bad_request (docs/protocol.md).
            const QString field = param.name == u"rating" ? param.name : QString();
            for (const auto &[label, value] : wrongValues(param.kind)) {
                QJsonObject params = verb.valid;
                params.insert(param.name, value);
                rows.append(requestRow(u"%1 %2 %3"_s.arg(verb.type, param.name, label), verb.type,
                    params, u"bad_request"_s, field));
            }
            if (param.required) {
                QJsonObject params = verb.valid;
                params.remove(param.name);
                rows.append(requestRow(u"%1 without %2"_s.arg(verb.type, param.name), verb.type,
                    params, u"bad_request"_s, field));
            }
        }
    }
    return rows;
}

QList<Row> limitRows()
{
    const auto over = [](int limit) { return QString(limit + 1, u'x'); };
    // Characters outside the BMP count as one each: limit + 1 of them is over, with twice as
    // many UTF-16 units.
    const auto emoji = [](int count) {
        QString text;
        for (int i = 0; i < count; ++i)
            text += u"😀"_s;
        return text;
    };
    const QString big = u"too_large"_s;
    const QString invalid = u"invalid"_s;
    const QJsonObject post {{u"title"_s, u"t"_s}, {u"content"_s, u"c"_s}};
    const auto with = [](QJsonObject object, const QString &key, const QJsonValue &value) {
        object.insert(key, value);
        return object;
    };
    const QJsonObject update = with(post, u"postId"_s, 1);
    const QJsonObject review {{u"postId"_s, 1}, {u"rating"_s, 3}};
    const QJsonObject chat {{u"channelId"_s, 1}, {u"text"_s, u"hi"_s}};
    const QJsonObject registration {{u"username"_s, u"someone"_s}, {u"password"_s, Password}};
    const QString hexId = u"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"_s;

    return {
        requestRow(u"register username 33"_s, u"auth.register"_s,
            with(registration, u"username"_s, over(32)), big, u"username"_s),
        requestRow(u"register username 2"_s, u"auth.register"_s,
            with(registration, u"username"_s, u"ab"_s), invalid, u"username"_s),
        requestRow(u"register username with a space"_s, u"auth.register"_s,
            with(registration, u"username"_s, u"bad name"_s), invalid, u"username"_s),
        requestRow(u"register username with NUL"_s, u"auth.register"_s,
            with(registration, u"username"_s, u"ab\u0000cd"_s), invalid, u"username"_s),
        requestRow(u"register username with a control character"_s, u"auth.register"_s,
            with(registration, u"username"_s, u"ab\u0007cd"_s), invalid, u"username"_s),
        requestRow(u"register username with an emoji"_s, u"auth.register"_s,
            with(registration, u"username"_s, u"ålice\U0001F600"_s), invalid, u"username"_s),
        requestRow(u"register username with a zero-width joiner"_s, u"auth.register"_s,
            with(registration, u"username"_s, u"ål\u200Dice"_s), invalid, u"username"_s),
        requestRow(u"register password 257"_s, u"auth.register"_s,
            with(registration, u"password"_s, over(256)), big, u"password"_s),
        requestRow(u"register password 257 emoji"_s, u"auth.register"_s,
            with(registration, u"password"_s, emoji(257)), big, u"password"_s),
        requestRow(u"register password 7"_s, u"auth.register"_s,
            with(registration, u"password"_s, u"1234567"_s), invalid, u"password"_s),
        requestRow(u"rename username 33"_s, u"user.rename"_s, {{u"username"_s, over(32)}}, big,
            u"username"_s),
        requestRow(u"rename username with line break"_s, u"user.rename"_s,
            {{u"username"_s, u"abc\ndef"_s}}, invalid, u"username"_s),
        requestRow(u"profile displayName 65"_s, u"user.profile"_s, {{u"displayName"_s, over(64)}},
            big, u"displayName"_s),
        requestRow(u"profile displayName 65 emoji"_s, u"user.profile"_s,
            {{u"displayName"_s, emoji(65)}}, big, u"displayName"_s),
        requestRow(u"profile displayName 8 MiB"_s, u"user.profile"_s,
            {{u"displayName"_s, QString(8 * MiB, u'x')}}, big, u"displayName"_s),
        requestRow(u"profile displayName with NUL"_s, u"user.profile"_s,
            {{u"displayName"_s, u"ab\u0000cd"_s}}, invalid, u"displayName"_s),
        requestRow(u"profile displayName with right-to-left override"_s, u"user.profile"_s,
            {{u"displayName"_s, u"ab\u202Ecd"_s}}, invalid, u"displayName"_s),
        requestRow(u"profile displayName with lone surrogate"_s, u"user.profile"_s,
            {{u"displayName"_s, QString(u"ab"_s).append(QChar(0xDC00))}}, invalid,
            u"displayName"_s),
        requestRow(u"profile avatarId path"_s, u"user.profile"_s,
            {{u"avatarId"_s, u"../../../../etc/passwd"_s}}, invalid, u"avatarId"_s),
        requestRow(u"profile avatarId never uploaded"_s, u"user.profile"_s,
            {{u"avatarId"_s, hexId}}, u"not_found"_s, u"avatarId"_s),
        requestRow(u"post.create title 201"_s, u"post.create"_s, with(post, u"title"_s, over(200)),
            big, u"title"_s),
        requestRow(u"post.create title 201 emoji"_s, u"post.create"_s,
            with(post, u"title"_s, emoji(201)), big, u"title"_s),
        requestRow(u"post.create title only whitespace"_s, u"post.create"_s,
            with(post, u"title"_s, u" \t\r\n\u3000 "_s), invalid, u"title"_s),
        requestRow(u"post.create title 8 MiB"_s, u"post.create"_s,
            with(post, u"title"_s, QString(8 * MiB, u'x')), big, u"title"_s),
        requestRow(u"post.create content 20001"_s, u"post.create"_s,
            with(post, u"content"_s, over(20000)), big, u"content"_s),
        requestRow(u"post.create content 20001 emoji"_s, u"post.create"_s,
            with(post, u"content"_s, emoji(20001)), big, u"content"_s),
        requestRow(u"post.create nonce 129"_s, u"post.create"_s, with(post, u"nonce"_s, over(128)),
            big, u"nonce"_s),
        requestRow(u"post.create nonce empty"_s, u"post.create"_s, with(post, u"nonce"_s, u""_s),
            invalid, u"nonce"_s),
        requestRow(u"post.create imageId uppercase hex"_s, u"post.create"_s,
            with(post, u"imageId"_s, hexId.toUpper()), invalid, u"imageId"_s),
        requestRow(u"post.create imageId path"_s, u"post.create"_s,
            with(post, u"imageId"_s, u"../../../../etc/passwd"_s), invalid, u"imageId"_s),
        requestRow(u"post.create imageId 65 hex"_s, u"post.create"_s,
            with(post, u"imageId"_s, QString(hexId + u"0"_s)), invalid, u"imageId"_s),
        requestRow(u"post.create imageId never uploaded"_s, u"post.create"_s,
            with(post, u"imageId"_s, hexId), u"not_found"_s, u"imageId"_s),
        requestRow(u"post.update title 201"_s, u"post.update"_s,
            with(update, u"title"_s, over(200)), big, u"title"_s),
        requestRow(u"post.update content 20001"_s, u"post.update"_s,
            with(update, u"content"_s, over(20000)), big, u"content"_s),
        requestRow(u"post.update title empty"_s, u"post.update"_s, with(update, u"title"_s, u""_s),
            invalid, u"title"_s),
        requestRow(u"review comment 2001"_s, u"review.create"_s,
            with(review, u"comment"_s, over(2000)), big, u"comment"_s),
        requestRow(u"review nonce 129"_s, u"review.create"_s, with(review, u"nonce"_s, over(128)),
            big, u"nonce"_s),
        requestRow(u"review rating 0"_s, u"review.create"_s, with(review, u"rating"_s, 0), invalid,
            u"rating"_s),
        requestRow(u"review rating 6"_s, u"review.create"_s, with(review, u"rating"_s, 6), invalid,
            u"rating"_s),
        requestRow(u"review rating 4.5"_s, u"review.create"_s, with(review, u"rating"_s, 4.5),
            invalid, u"rating"_s),
        requestRow(u"review rating -1"_s, u"review.create"_s, with(review, u"rating"_s, -1),
            invalid, u"rating"_s),
        literalRow(u"review rating 2^64"_s,
            R"({"type":"review.create","id":7001,"postId":1,"rating":18446744073709551616})",
            invalid, RowId, u"rating"_s),
        literalRow(u"review rating -0"_s,
            R"({"type":"review.create","id":7001,"postId":1,"rating":-0})", invalid, RowId,
            u"rating"_s),
        literalRow(u"review rating 1e308"_s,
            R"({"type":"review.create","id":7001,"postId":1,"rating":1e308})", invalid, RowId,
            u"rating"_s),
        requestRow(u"review rating string Infinity"_s, u"review.create"_s,
            with(review, u"rating"_s, u"Infinity"_s), u"bad_request"_s, u"rating"_s),
        requestRow(
            u"channel name 65"_s, u"channel.create"_s, {{u"name"_s, over(64)}}, big, u"name"_s),
        requestRow(u"channel name empty"_s, u"channel.create"_s, {{u"name"_s, u"   "_s}}, invalid,
            u"name"_s),
        requestRow(u"channel name with SOH"_s, u"channel.create"_s, {{u"name"_s, u"a\u0001b"_s}},
            invalid, u"name"_s),
        requestRow(u"channel name with line break"_s, u"channel.create"_s, {{u"name"_s, u"a\nb"_s}},
            invalid, u"name"_s),
        requestRow(u"channel name with DEL"_s, u"channel.create"_s, {{u"name"_s, u"a\u007fb"_s}},
            invalid, u"name"_s),
        requestRow(u"channel name with NUL"_s, u"channel.create"_s, {{u"name"_s, u"a\u0000b"_s}},
            invalid, u"name"_s),
        requestRow(u"channel topic 501"_s, u"channel.create"_s,
            {{u"name"_s, u"ok name"_s}, {u"topic"_s, over(500)}}, big, u"topic"_s),
        requestRow(u"chat.send text 4001"_s, u"chat.send"_s, with(chat, u"text"_s, over(4000)), big,
            u"text"_s),
        requestRow(u"chat.send text 4001 emoji"_s, u"chat.send"_s,
            with(chat, u"text"_s, emoji(4001)), big, u"text"_s),
        requestRow(u"chat.send text only whitespace"_s, u"chat.send"_s,
            with(chat, u"text"_s, u"  \n\t  "_s), invalid, u"text"_s),
        requestRow(u"chat.send nonce 129"_s, u"chat.send"_s, with(chat, u"nonce"_s, over(128)), big,
            u"nonce"_s),
        requestRow(u"chat.edit text 4001"_s, u"chat.edit"_s,
            {{u"messageId"_s, 1}, {u"text"_s, over(4000)}}, big, u"text"_s),
        requestRow(u"chat.edit text empty"_s, u"chat.edit"_s,
            {{u"messageId"_s, 1}, {u"text"_s, u""_s}}, invalid, u"text"_s),
        requestRow(u"hello client 129"_s, u"hello"_s,
            {{u"protocol"_s, 1}, {u"client"_s, over(128)}}, big, u"client"_s),
        Row {u"hello protocol 2"_s, {{Text, compact(request(u"hello"_s, {{u"protocol"_s, 2}}))}},
            Expect {u"unsupported_protocol"_s, RowId, {}, 1002}},
        Row {u"hello protocol 0"_s, {{Text, compact(request(u"hello"_s, {{u"protocol"_s, 0}}))}},
            Expect {u"unsupported_protocol"_s, RowId, {}, 1002}},
        Row {u"hello protocol -1"_s, {{Text, compact(request(u"hello"_s, {{u"protocol"_s, -1}}))}},
            Expect {u"unsupported_protocol"_s, RowId, {}, 1002}},
        Row {u"hello protocol 2^64"_s,
            {{Text, R"({"type":"hello","id":7001,"protocol":18446744073709551616})"}},
            Expect {u"unsupported_protocol"_s, RowId, {}, 1002}},
        requestRow(
            u"hello protocol 1.5"_s, u"hello"_s, {{u"protocol"_s, 1.5}}, invalid, u"protocol"_s),
        requestRow(u"feed.page limit 0"_s, u"feed.page"_s, {{u"limit"_s, 0}}, invalid, u"limit"_s),
        requestRow(
            u"feed.page limit 101"_s, u"feed.page"_s, {{u"limit"_s, 101}}, invalid, u"limit"_s),
        requestRow(
            u"feed.page limit 2.5"_s, u"feed.page"_s, {{u"limit"_s, 2.5}}, invalid, u"limit"_s),
        literalRow(u"feed.page limit 2^64"_s,
            R"({"type":"feed.page","id":7001,"limit":18446744073709551616})", invalid, RowId,
            u"limit"_s),
        requestRow(u"chat.around limit 201"_s, u"chat.around"_s,
            {{u"messageId"_s, 1}, {u"limit"_s, 201}}, invalid, u"limit"_s),
        requestRow(u"reaction.set emoji 33 bytes"_s, u"reaction.set"_s,
            {{u"messageId"_s, 1}, {u"emoji"_s, emoji(9)}, {u"on"_s, true}}, invalid, u"emoji"_s),
        requestRow(u"reaction.set emoji a word"_s, u"reaction.set"_s,
            {{u"messageId"_s, 1}, {u"emoji"_s, u"lol"_s}, {u"on"_s, true}}, invalid, u"emoji"_s),
        requestRow(u"reaction.set emoji with NUL"_s, u"reaction.set"_s,
            {{u"messageId"_s, 1}, {u"emoji"_s, u"!\u0000"_s}, {u"on"_s, true}}, invalid,
            u"emoji"_s),
        requestRow(u"reaction.set on as a string"_s, u"reaction.set"_s,
            {{u"messageId"_s, 1}, {u"emoji"_s, u"👍"_s}, {u"on"_s, u"true"_s}}, u"bad_request"_s,
            QString()),
        requestRow(u"reaction.set on a message and a post"_s, u"reaction.set"_s,
            {{u"messageId"_s, 1}, {u"postId"_s, 1}, {u"emoji"_s, u"👍"_s}, {u"on"_s, true}},
            u"bad_request"_s, QString()),
        requestRow(u"chat.history limit 201"_s, u"chat.history"_s,
            {{u"channelId"_s, 1}, {u"limit"_s, 201}}, invalid, u"limit"_s),
        requestRow(u"chat.history limit -1"_s, u"chat.history"_s,
            {{u"channelId"_s, 1}, {u"limit"_s, -1}}, invalid, u"limit"_s),
        requestRow(u"sync since -1"_s, u"sync"_s, {{u"since"_s, -1}}, invalid, u"since"_s),
        requestRow(u"sync since 0.5"_s, u"sync"_s, {{u"since"_s, 0.5}}, invalid, u"since"_s),
        literalRow(u"sync since 2^53-1"_s, R"({"type":"sync","id":7001,"since":9007199254740991})",
            u"too_old"_s),
    };
}

QList<Row> numberAndIdRows()
{
    const QString bad = u"bad_request"_s;
    const QJsonValue null = QJsonValue::Null;
    return {
        literalRow(u"postId 2^53"_s, R"({"type":"post.get","id":7001,"postId":9007199254740992})",
            u"invalid"_s, RowId, u"postId"_s),
        literalRow(u"postId 2^64"_s,
            R"({"type":"post.get","id":7001,"postId":18446744073709551616})", u"invalid"_s, RowId,
            u"postId"_s),
        literalRow(u"postId 1e300"_s, R"({"type":"post.get","id":7001,"postId":1e300})",
            u"invalid"_s, RowId, u"postId"_s),
        literalRow(u"postId -1"_s, R"({"type":"post.get","id":7001,"postId":-1})", u"invalid"_s,
            RowId, u"postId"_s),
        literalRow(u"postId -0"_s, R"({"type":"post.get","id":7001,"postId":-0})", u"not_found"_s,
            RowId, u"postId"_s),
        literalRow(u"postId 1.5"_s, R"({"type":"post.get","id":7001,"postId":1.5})", bad),
        literalRow(u"postId 1e400"_s, R"({"type":"post.get","id":7001,"postId":1e400})", bad, null),
        literalRow(
            u"postId -1e400"_s, R"({"type":"post.get","id":7001,"postId":-1e400})", bad, null),
        literalRow(
            u"postId NaN literal"_s, R"({"type":"post.get","id":7001,"postId":NaN})", bad, null),
        literalRow(u"postId Infinity literal"_s,
            R"({"type":"post.get","id":7001,"postId":Infinity})", bad, null),
        literalRow(u"postId string NaN"_s, R"({"type":"post.get","id":7001,"postId":"NaN"})", bad),
        literalRow(u"postId hex"_s, R"({"type":"post.get","id":7001,"postId":0x1})", bad, null),
        literalRow(
            u"postId leading zero"_s, R"({"type":"post.get","id":7001,"postId":01})", bad, null),
        literalRow(u"postId 100000 digits"_s,
            R"({"type":"post.get","id":7001,"postId":)" + QByteArray(100000, '9') + "}", bad, null),
        literalRow(u"id true"_s, R"({"type":"ping","id":true})", bad, null),
        literalRow(u"id array"_s, R"({"type":"ping","id":[7001]})", bad, null),
        literalRow(u"id object"_s, R"({"type":"ping","id":{"n":7001}})", bad, null),
        literalRow(u"id string"_s, R"({"type":"ping","id":"7001"})", bad, null),
        literalRow(u"id 1e-7"_s, R"({"type":"ping","id":1e-7})", bad, null),
        literalRow(u"id 2^64"_s, R"({"type":"ping","id":18446744073709551616})", bad, null),
        literalRow(u"id -0 is zero"_s, R"({"type":"ping","id":-0})", u"ok"_s, 0),
        literalRow(u"id 2^53-1 is echoed"_s, R"({"type":"ping","id":9007199254740991})", u"ok"_s,
            9007199254740991.0),
        literalRow(u"id 7.0e3 is an integer"_s, R"({"type":"ping","id":7.001e3})", u"ok"_s, RowId),
        literalRow(u"unknown verb uppercase"_s, R"({"type":"POST.CREATE","id":7001})", bad),
        literalRow(u"unknown verb trailing space"_s, R"({"type":"ping ","id":7001})", bad),
        literalRow(u"unknown verb empty"_s, R"({"type":"","id":7001})", bad),
        literalRow(u"unknown verb event"_s, R"({"type":"event","id":7001,"seq":1})", bad),
        literalRow(
            u"unknown verb presence"_s, R"({"type":"presence","id":7001,"event":"online"})", bad),
        literalRow(u"unknown verb typing"_s, R"({"type":"typing","id":7001,"channelId":1})", bad),
        literalRow(u"unknown verb __proto__"_s, R"({"type":"__proto__","id":7001})", bad),
        literalRow(u"unknown verb NUL suffix"_s, "{\"type\":\"ping\\u0000\",\"id\":7001}", bad),
        literalRow(u"unknown verb 1 MiB"_s,
            R"({"type":")" + QByteArray(MiB, 'v') + R"(","id":7001})", bad),
        literalRow(u"verb unknown without id"_s, R"({"type":"nope"})", bad, null),
    };
}

QList<Row> documentRows()
{
    const QString bad = u"bad_request"_s;
    const QJsonValue null = QJsonValue::Null;
    QByteArray nestedObjects;
    for (int i = 0; i < 10000; ++i)
        nestedObjects += R"({"a":)";
    nestedObjects += "1" + QByteArray(10000, '}');
    QByteArray shallow = QByteArray(1000, '[') + QByteArray(1000, ']');
    return {
        literalRow(u"json true"_s, "true", bad, null),
        literalRow(u"json false"_s, "false", bad, null),
        literalRow(u"json -0"_s, "-0", bad, null),
        literalRow(u"json 1e400"_s, "1e400", bad, null),
        literalRow(u"json empty array"_s, "[]", bad, null),
        literalRow(u"json array of requests"_s, R"([{"type":"ping","id":7001}])", bad, null),
        literalRow(
            u"json string holding a request"_s, R"("{\"type\":\"ping\",\"id\":7001}")", bad, null),
        literalRow(u"json trailing garbage"_s, R"({"type":"ping","id":7001}x)", bad, null),
        literalRow(u"json two objects"_s, R"({"type":"ping","id":7001}{"type":"ping","id":7002})",
            bad, null),
        literalRow(u"json single quotes"_s, "{'type':'ping','id':7001}", bad, null),
        literalRow(u"json trailing comma"_s, R"({"type":"ping","id":7001,})", bad, null),
        literalRow(u"json comment"_s, R"({"type":"ping",/*x*/"id":7001})", bad, null),
        literalRow(u"json unquoted key"_s, R"({type:"ping","id":7001})", bad, null),
        literalRow(u"json raw control character in string"_s,
            "{\"type\":\"ping\",\"id\":7001,\"x\":\"a\x01"
            "b\"}",
            bad, null),
        literalRow(u"json raw newline in string"_s,
            "{\"type\":\"ping\",\"id\":7001,\"x\":\"a\nb\"}", bad, null),
        literalRow(u"json bad escape"_s, R"({"type":"ping","id":7001,"x":"\q"})", bad, null),
        literalRow(
            u"json short unicode escape"_s, R"({"type":"ping","id":7001,"x":"\u12"})", bad, null),
        literalRow(
            u"json unterminated string"_s, R"({"type":"ping","id":7001,"x":"abc)", bad, null),
        literalRow(u"json only whitespace"_s, " \t\r\n ", bad, null),
        literalRow(u"json 10000 nested objects"_s, nestedObjects, bad, null),
        literalRow(u"json 10000 nested objects in a field"_s,
            R"({"type":"ping","id":7001,"x":)" + nestedObjects + "}", bad, null),
        literalRow(u"json 1000 nested arrays in a field is fine"_s,
            R"({"type":"ping","id":7001,"x":)" + shallow + "}", u"ok"_s),
        literalRow(u"json 15 MiB string in an unknown field is fine"_s,
            R"({"type":"ping","id":7001,"x":")" + QByteArray(15 * MiB, 'x') + R"("})", u"ok"_s),
        literalRow(u"json escaped lone surrogate in an unknown field"_s,
            R"({"type":"ping","id":7001,"x":"\udc00\ud800"})", u"ok"_s),
        literalRow(
            u"json 100000 members"_s,
            []() -> QByteArray {
                QByteArray json = R"({"type":"ping","id":7001)";
                for (int i = 0; i < 100000; ++i)
                    json += ",\"k" + QByteArray::number(i) + "\":" + QByteArray::number(i);
                return json + "}";
            }(),
            u"ok"_s),
        Row {u"post.create before login"_s,
            {RawFrame {Text,
                compact(
                    request(u"post.create"_s, {{u"title"_s, u"t"_s}, {u"content"_s, u"c"_s}}))}},
            Expect {u"unauthorized"_s, RowId, {}}, false},
        Row {u"sync before login"_s,
            {RawFrame {Text, compact(request(u"sync"_s, {{u"since"_s, 0}}))}},
            Expect {u"unauthorized"_s, RowId, {}}, false},
        Row {u"logout before login"_s, {RawFrame {Text, compact(request(u"auth.logout"_s, {}))}},
            Expect {u"unauthorized"_s, RowId, {}}, false},
        Row {u"auth.token garbage before login"_s,
            {RawFrame {
                Text, compact(request(u"auth.token"_s, {{u"token"_s, QString(5000, u'A')}}))}},
            Expect {u"unauthorized"_s, RowId, {}}, false},
    };
}

QList<Row> imageRows()
{
    const auto upload = [](const QString &name, const QString &data, const QString &code,
                            const QString &field = u"data"_s) {
        return requestRow(name, u"image.upload"_s, {{u"data"_s, data}}, code, field);
    };
    const QString png = base64(fixture(u"tiny.png"_s));
    QByteArray bomb = pngDeclaring(8000, 8000);
    bomb.insert(bomb.indexOf("IDAT") + 4, QByteArray(4096, '\0'));
    return {
        upload(u"image base64 truncated to 1 mod 4"_s, png.left(png.size() - 3), u"invalid"_s),
        upload(u"image base64 with line break"_s, png.left(8) + u"\n"_s + png.mid(8), u"invalid"_s),
        upload(u"image base64url alphabet"_s, u"iVBORw0KGgo-_-_"_s, u"invalid"_s),
        upload(u"image base64 punctuation"_s, u"!!!!"_s, u"invalid"_s),
        upload(u"image base64 only padding"_s, u"===="_s, u"invalid"_s),
        upload(u"image base64 space"_s, u" "_s, u"invalid"_s),
        upload(u"image base64 non-Latin-1"_s, u"iVBO€€€€"_s, u"invalid"_s),
        upload(u"image base64 NUL"_s, u"iVBO\u0000AAA"_s, u"invalid"_s),
        upload(u"image html bytes"_s, base64("<html><body>hi</body></html>"), u"invalid"_s),
        upload(u"image svg bytes"_s, base64(R"(<svg xmlns="http://www.w3.org/2000/svg"/>)"),
            u"invalid"_s),
        upload(u"image png declaring 100000x100000"_s, base64(pngDeclaring(100000, 100000)),
            u"too_large"_s),
        upload(u"image png declaring 1000000x1000000"_s, base64(pngDeclaring(1000000, 1000000)),
            u"too_large"_s),
        upload(
            u"image png declaring 8192x8193"_s, base64(pngDeclaring(8192, 8193)), u"too_large"_s),
        upload(u"image png declaring 8000x8000 with junk data"_s, base64(bomb), u"invalid"_s),
        upload(u"image jpeg declaring 65500x65500"_s, base64(jpegDeclaring(65500, 65500)),
            u"too_large"_s),
        upload(u"image jpeg declaring 8193x1"_s, base64(jpegDeclaring(8193, 1)), u"too_large"_s),
        upload(u"image gif declaring 65535x65535"_s, base64(gifDeclaring(65535, 65535)),
            u"too_large"_s),
        upload(u"image jpeg truncated after SOF"_s,
            base64(fixture(u"tiny.jpg"_s).left(fixture(u"tiny.jpg"_s).indexOf("\xff\xc4"))),
            u"invalid"_s),
        upload(u"image 8 MiB + 1 decoded"_s, base64(QByteArray(8 * MiB + 1, '\0')), u"too_large"_s),
        requestRow(u"image mime svg"_s, u"image.upload"_s,
            {{u"data"_s, png}, {u"mime"_s, u"image/svg+xml"_s}}, u"invalid"_s, u"mime"_s),
        requestRow(u"image mime empty"_s, u"image.upload"_s, {{u"data"_s, png}, {u"mime"_s, u""_s}},
            u"invalid"_s, u"mime"_s),
        requestRow(u"image.get path traversal"_s, u"image.get"_s,
            {{u"imageId"_s, u"../../hubbub.db"_s}}, u"not_found"_s, u"imageId"_s),
        requestRow(u"image.get 1 MiB id"_s, u"image.get"_s, {{u"imageId"_s, QString(MiB, u'a')}},
            u"not_found"_s, u"imageId"_s),
    };
}

QList<Row> transportRows()
{
    const QString bad = u"bad_request"_s;
    const QJsonValue null = QJsonValue::Null;
    const QByteArray ping = R"({"type":"ping","id":7001})";
    const auto binaryRow = [&](const QString &name, QList<RawFrame> frames) {
        return Row {name, std::move(frames), Expect {bad, null, {}}};
    };
    const auto utf8Row = [](const QString &name, QList<RawFrame> frames) {
        return closeRow(name, std::move(frames), 1007);
    };
    RawFrame reservedBit {Text, ping};
    reservedBit.rsv = 4;
    RawFrame unmasked {Text, ping};
    unmasked.masked = false;
    RawFrame fragmentedPing {Ping, "abc"};
    fragmentedPing.fin = false;
    RawFrame lengthMsb {Text, ping};
    lengthMsb.declaredLength = quint64(1) << 63 | quint64(ping.size());
    RawFrame huge {Text, "{\"type\":"};
    huge.declaredLength = quint64(0x7fffffffffffffffLL);
    RawFrame overLimitHeader {Text, "{\"type\":\"ping\""};
    overLimitHeader.declaredLength = quint64(FrameLimit + 1);
    RawFrame openFragment {Text, R"({"type":)"};
    openFragment.fin = false;

    // A euro sign (E2 82 AC) cut after its second byte: a frame may end inside a character,
    // only the whole message must be valid UTF-8 (RFC 6455, 5.6 and 8.1).
    const QByteArray euro = "{\"type\":\"ping\",\"id\":7001,\"x\":\"\xe2\x82\xac\"}";
    const qsizetype cut = euro.indexOf('\xe2') + 2;
    RawFrame euroHead {Text, euro.left(cut)};
    euroHead.fin = false;
    const RawFrame euroTail {Continuation, euro.mid(cut)};
    RawFrame truncatedHead {Text, "{\"type\":\"ping\",\"id\":7001}\xf0\x9f"};
    truncatedHead.fin = false;
    RawFrame unmaskedPing {Ping, "p"};
    unmaskedPing.masked = false;
    RawFrame unmaskedClose {Close, "\x03\xe8"};
    unmaskedClose.masked = false;
    const auto closeFrame = [](quint16 code, const QByteArray &reason = {}) {
        QByteArray payload(2, '\0');
        qToBigEndian(code, payload.data());
        return RawFrame {Close, payload + reason};
    };

    const QByteArray prefix = R"({"type":"ping","id":7001,"x":")";
    const QByteArray exact = prefix + QByteArray(FrameLimit - prefix.size() - 2, 'x') + R"("})";
    const QByteArray overByOne = exact.left(exact.size() - 2) + "x\"}";

    return {
        utf8Row(u"utf8 lone continuation byte"_s, {{Text, "\x80"}}),
        utf8Row(u"utf8 invalid byte in a request"_s,
            {{Text, "{\"type\":\"ping\",\"id\":7001,\"x\":\"\xff\"}"}}),
        utf8Row(u"utf8 overlong slash"_s,
            {{Text, "{\"type\":\"ping\",\"id\":7001,\"x\":\"\xc0\xaf\"}"}}),
        utf8Row(u"utf8 encoded surrogate"_s,
            {{Text, "{\"type\":\"ping\",\"id\":7001,\"x\":\"\xed\xa0\x80\"}"}}),
        utf8Row(u"utf8 above U+10FFFF"_s,
            {{Text, "{\"type\":\"ping\",\"id\":7001,\"x\":\"\xf4\x90\x80\x80\"}"}}),
        utf8Row(
            u"utf8 truncated at the end"_s, {{Text, "{\"type\":\"ping\",\"id\":7001}\xe2\x82"}}),
        Row {u"utf8 character split across two fragments"_s, {euroHead, euroTail},
            Expect {u"ok"_s, RowId, {}}},
        Row {u"utf8 character split with a ping between the fragments"_s,
            {euroHead, RawFrame {Ping, "p"}, euroTail}, Expect {u"ok"_s, RowId, {}}},
        Row {u"utf8 message of multi-byte characters in one-byte fragments"_s,
            fragments(Text,
                "{\"type\":\"ping\",\"id\":7001,\"x\":\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"}",
                1),
            Expect {u"ok"_s, RowId, {}}},
        utf8Row(u"utf8 message ending inside a character split across fragments"_s,
            {truncatedHead, RawFrame {Continuation, "\x98"}}),
        utf8Row(u"utf8 split character completed wrongly"_s,
            {euroHead, RawFrame {Continuation, "\x41\"}"}}),
        utf8Row(u"utf8 invalid in the second fragment"_s,
            fragments(Text, "{\"type\":\"ping\",\"id\":7001,\"x\":\"\xfe\xfe\"}", 20)),
        binaryRow(u"binary empty"_s, {{Binary, {}}}),
        binaryRow(u"binary holding a request"_s, {{Binary, ping}}),
        binaryRow(u"binary png"_s, {{Binary, fixture(u"tiny.png"_s)}}),
        binaryRow(
            u"binary in three fragments"_s, fragments(Binary, QByteArray(3000, '\x01'), 1000)),
        literalRow(u"text empty"_s, QByteArray(), bad, null),
        Row {
            u"text in one-byte fragments"_s, fragments(Text, ping, 1), Expect {u"ok"_s, RowId, {}}},
        Row {u"text fragments with a ping between"_s,
            {openFragment, RawFrame {Ping, "p"}, RawFrame {Continuation, ping.mid(8)}},
            Expect {u"ok"_s, RowId, {}}},
        Row {u"text of exactly 16 MiB"_s, {{Text, exact}}, Expect {u"ok"_s, RowId, {}}},
        closeRow(u"text of 16 MiB + 1"_s, {{Text, overByOne}}, 1009),
        closeRow(u"text of 16 MiB + 1 in 64 KiB fragments"_s, fragments(Text, overByOne, 64 * 1024),
            1009),
        closeRow(u"frame header declaring 16 MiB + 1"_s, {overLimitHeader}, 1009),
        closeRow(u"frame header declaring 2^63 - 1"_s, {huge}, 1009),
        closeRow(u"frame length with the top bit set"_s, {lengthMsb}, 1002),
        closeRow(u"continuation with nothing to continue"_s, {{Continuation, ping}}, 1002),
        closeRow(u"text frame inside a fragmented message"_s, {openFragment, {Text, ping}}, 1002),
        closeRow(u"reserved opcode 3"_s, {{0x3, ping}}, 1002),
        closeRow(u"reserved control opcode 11"_s, {{0xb, {}}}, 1002),
        closeRow(u"reserved bit 1 set"_s, {reservedBit}, 1002),
        closeRow(u"ping of 126 bytes"_s, {{Ping, QByteArray(126, 'p')}}, 1002),
        closeRow(u"fragmented ping"_s, {fragmentedPing}, 1002),
        closeRow(u"close with a one-byte body"_s, {{Close, "\x03"}}, 1002),
        closeRow(u"close with code 999"_s, {closeFrame(999)}, 1002),
        closeRow(u"close with code 1004"_s, {closeFrame(1004)}, 1002),
        closeRow(u"close with code 1005"_s, {closeFrame(1005)}, 1002),
        closeRow(u"close with code 1006"_s, {closeFrame(1006)}, 1002),
        closeRow(u"close with code 1015"_s, {closeFrame(1015)}, 1002),
        closeRow(u"close with code 2999"_s, {closeFrame(2999)}, 1002),
        closeRow(u"close with code 5000"_s, {closeFrame(5000)}, 1002),
        closeRow(u"close with a reason of invalid UTF-8"_s, {closeFrame(1000, "bye\xff")}, 1007),
        closeRow(u"close with code 1000 is answered with 1000"_s, {closeFrame(1000, "bye")}, 1000),
        closeRow(u"close with code 4999 is answered with 4999"_s, {closeFrame(4999)}, 4999),
        closeRow(u"close without a body is answered with 1000"_s, {{Close, {}}}, 1000),
        // RFC 6455 5.1: a server must fail the connection on an unmasked client frame.
        closeRow(u"unmasked client frame"_s, {unmasked}, 1002),
        closeRow(u"unmasked ping"_s, {unmaskedPing}, 1002),
        closeRow(u"unmasked close"_s, {unmaskedClose}, 1002),
    };
}

//! dm.open's list of user ids (the corpus user is user 1, alone on the server).
QList<Row> directRows()
{
    const QString bad = u"bad_request"_s;
    const QString field = u"userIds"_s;
    const auto open = [](const QJsonValue &userIds) {
        return QJsonObject {{u"userIds"_s, userIds}};
    };
    return {
        requestRow(u"dm.open userIds string"_s, u"dm.open"_s, open(u"2"_s), bad),
        requestRow(u"dm.open userIds number"_s, u"dm.open"_s, open(2), bad),
        requestRow(u"dm.open userIds object"_s, u"dm.open"_s, open(QJsonObject {{u"a"_s, 2}}), bad),
        requestRow(u"dm.open userIds null"_s, u"dm.open"_s, open(QJsonValue::Null), bad),
        requestRow(u"dm.open without userIds"_s, u"dm.open"_s, {}, bad),
        requestRow(u"dm.open userIds of strings"_s, u"dm.open"_s, open(QJsonArray {u"2"_s}), bad),
        requestRow(u"dm.open userIds of fractions"_s, u"dm.open"_s, open(QJsonArray {2.5}), bad),
        requestRow(
            u"dm.open userIds of arrays"_s, u"dm.open"_s, open(QJsonArray {QJsonArray {2}}), bad),
        requestRow(
            u"dm.open userIds empty"_s, u"dm.open"_s, open(QJsonArray {}), u"invalid"_s, field),
        requestRow(
            u"dm.open userIds self"_s, u"dm.open"_s, open(QJsonArray {1, 1}), u"invalid"_s, field),
        requestRow(u"dm.open userIds unknown"_s, u"dm.open"_s, open(QJsonArray {99}),
            u"not_found"_s, field),
        requestRow(u"dm.open userIds eight others"_s, u"dm.open"_s,
            open(QJsonArray {2, 3, 4, 5, 6, 7, 8, 9}), u"too_large"_s, field),
        literalRow(u"dm.open userIds 2^53"_s,
            R"({"type":"dm.open","id":7001,"userIds":[9007199254740992]})", u"invalid"_s, RowId,
            field),
        literalRow(u"dm.open userIds -1"_s, R"({"type":"dm.open","id":7001,"userIds":[-1]})",
            u"invalid"_s, RowId, field),
    };
}

QList<Row> buildCorpus()
{
    QList<Row> rows;
    rows += documentRows();
    rows += numberAndIdRows();
    rows += typeRows();
    rows += limitRows();
    rows += directRows();
    rows += imageRows();
    rows += transportRows();
    return rows;
}

} // namespace

const QList<Row> &corpus()
{
    static const QList<Row> rows = buildCorpus();
    return rows;
}

} // namespace Hubbub::Test::MalformedRows
