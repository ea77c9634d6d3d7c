// libFuzzer target: one input is one text frame. Decoding must never crash and must agree with
// itself (bytes or QString, the frame or its re-encoding, our own error reply), and every typed
// accessor and validation check the handlers use must take any value of any type.

#include "fuzztargets.h"

#include "codec.h"
#include "messagetype.h"
#include "protocollimits.h"
#include "serverframe.h"
#include "validation.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <cstdio>
#include <cstdlib>

namespace Hubbub::Fuzz {

namespace {

[[noreturn]] void finding(const char *what)
{
    std::fprintf(stderr, "fuzz_codec finding: %s\n", what);
    std::abort();
}

void check(bool condition, const char *what)
{
    if (!condition)
        finding(what);
}

//! A refusal from Params is always the client's fault, with a sentence to show.
template<typename T>
void checkRefusal(const Result<T> &result)
{
    if (result)
        return;
    const ErrorCode code = result.error().code;
    check(code == ErrorCode::BadRequest || code == ErrorCode::Invalid,
        "Params refused with a code other than bad_request/invalid");
    check(!result.error().message.isEmpty(), "Params refused without a message");
}

void checkValidation(const QString &text)
{
    const qsizetype count = Validation::charCount(text);
    check(count <= text.size() && 2 * count >= text.size(), "charCount out of [size/2, size]");
    const std::optional<Error> errors[] = {Validation::checkUsername(text),
        Validation::checkPassword(text), Validation::checkTitle(text),
        Validation::checkContent(text), Validation::checkChatText(text),
        Validation::checkComment(text), Validation::checkChannelName(text),
        Validation::checkChannelTopic(text), Validation::checkNonce(text)};
    for (const std::optional<Error> &error : errors) {
        if (!error)
            continue;
        check(error->code == ErrorCode::Invalid || error->code == ErrorCode::TooLarge,
            "validation refused with a code other than invalid/too_large");
        check(!error->field.isEmpty(), "validation refused without naming the field");
    }
    if (!Validation::checkTitle(text))
        check(
            count >= Limits::TitleMin && count <= Limits::TitleMax, "title accepted out of range");
    if (!Validation::checkChatText(text))
        check(count >= Limits::ChatTextMin && count <= Limits::ChatTextMax,
            "chat text accepted out of range");
    if (Validation::isImageId(text))
        check(text.size() == 64, "image id accepted with a length other than 64");
}

//! Every typed accessor over every key, as the handlers call them.
void exerciseParams(const QJsonObject &object)
{
    const Params params(object);
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        checkRefusal(params.string(key));
        checkRefusal(params.optionalString(key));
        const Result<qint64> id = params.id(key);
        checkRefusal(id);
        if (id)
            check(*id >= 0 && *id <= Limits::MaxSafeInteger, "Params::id accepted out of range");
        checkRefusal(params.optionalId(key));
        const Result<qint64> integer = params.integer(key);
        checkRefusal(integer);
        if (integer)
            (void)Validation::checkRating(*integer);
        const Result<int> limit = params.limit(key, 1, Limits::HistoryPageMax, 20);
        checkRefusal(limit);
        if (limit)
            check(*limit >= 1 && *limit <= Limits::HistoryPageMax, "Params::limit out of range");
        if (it.value().isString())
            checkValidation(it.value().toString());
    }
    const Result<int> absent = params.limit(QStringLiteral("\x01 absent"), 1, 100, 20);
    check(absent && *absent == 20, "Params::limit of an absent key is not the fallback");
}

void checkDecoded(const DecodedFrame &frame)
{
    check(frame.id.isNull() || Codec::isProtocolInteger(frame.id), "decoded id not null/integer");
    if (!frame.request) {
        check(frame.error.code == ErrorCode::BadRequest, "undecodable frame not bad_request");
        check(!frame.error.message.isEmpty(), "bad_request without a message");
        return;
    }
    const Request &request = *frame.request;
    check(request.id >= 0 && request.id <= Limits::MaxSafeInteger, "request id out of range");
    check(frame.id.toInteger(-1) == request.id, "DecodedFrame::id differs from the request's");
    check(messageTypeFromName(messageTypeName(request.type)) == request.type,
        "verb name does not round-trip");
    exerciseParams(request.params);

    // The request re-encoded decodes to the same verb and id.
    const DecodedFrame again = Codec::decodeRequest(Codec::encode(request.params));
    check(again.request.has_value(), "a re-encoded request no longer decodes");
    check(again.request->type == request.type && again.request->id == request.id,
        "a re-encoded request decodes to another verb or id");
}

} // namespace

void codec(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes
        = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const DecodedFrame fromBytes = Codec::decodeRequest(bytes);
    checkDecoded(fromBytes);

    // A text frame arrives as a QString: for valid UTF-8 both paths must agree.
    const QString text = QString::fromUtf8(bytes);
    const DecodedFrame fromText = Codec::decodeRequest(text);
    checkDecoded(fromText);
    if (text.toUtf8() == bytes) {
        check(fromBytes.request.has_value() == fromText.request.has_value(),
            "bytes and text decode differently");
        check(fromBytes.id == fromText.id, "bytes and text yield different ids");
    }

    // Our own error reply to this frame, read back, carries the same id and error.
    const QJsonObject reply
        = QJsonDocument::fromJson(encodeErrorReply(fromBytes.requestId(), fromBytes.error))
              .object();
    const DecodedFrame echoed = Codec::decodeRequest(Codec::encode(reply));
    check(!echoed.request.has_value(), "an error reply decodes as a request");
    check(echoed.id == fromBytes.id, "an error reply's id does not read back");
    const Error error = Error::fromJson(reply.value(QStringLiteral("error")).toObject());
    check(error.code == fromBytes.error.code, "Error code does not round-trip");

    // The same reply as a client reads it; and any bytes read as a server frame either decode
    // or are refused, without crashing.
    const Result<ServerFrame> asClient
        = decodeServerFrame(encodeErrorReply(fromBytes.requestId(), fromBytes.error));
    check(asClient && asClient->kind == ServerFrame::Kind::Reply && !asClient->ok
            && asClient->id == fromBytes.requestId() && asClient->error == fromBytes.error,
        "an error reply does not decode as the same server frame");
    const Result<ServerFrame> anyFrame = decodeServerFrame(bytes);
    check(anyFrame || !anyFrame.error().message.isEmpty(), "a refused server frame says nothing");
}

} // namespace Hubbub::Fuzz

#ifndef HUBBUB_FUZZ_REPLAY
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    Hubbub::Fuzz::codec(data, size);
    return 0;
}
#endif
