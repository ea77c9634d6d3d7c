#include "codec.h"

#include "protocollimits.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace Hubbub {

namespace {

//! The messages of this file, under one context that lupdate can see. The server sends
//! them in English (it knows no reader's language); the client shows its own text.
struct CodecText
{
    Q_DECLARE_TR_FUNCTIONS(Hubbub::Codec)
};

Error badRequest(const QString &message)
{
    return makeError(ErrorCode::BadRequest, message);
}

Error wrongType(const QString &key, const QString &expected)
{
    return badRequest(CodecText::tr("The field '%1' must be %2.").arg(key, expected));
}

bool isWholeNumber(const QJsonValue &value)
{
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    return std::isfinite(d) && std::trunc(d) == d;
}

//! RFC 8259 forbids raw control characters inside strings and escapes other than these; Qt's
//! parser lets both through, so they are refused before it runs. One pass, no allocation.
bool hasStrictStrings(const QByteArray &utf8)
{
    bool inString = false;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto c = uchar(utf8.at(i));
        if (!inString) {
            inString = c == '"';
        } else if (c == '"') {
            inString = false;
        } else if (c < 0x20) {
            return false;
        } else if (c == '\\') {
            if (++i == utf8.size())
                return false;
            switch (utf8.at(i)) {
            case '"':
            case '\\':
            case '/':
            case 'b':
            case 'f':
            case 'n':
            case 'r':
            case 't':
            case 'u':
                break;
            default:
                return false;
            }
        }
    }
    return true;
}

DecodedFrame decodeDocument(const QJsonDocument &document, const QJsonParseError &parseError)
{
    DecodedFrame result;
    if (parseError.error != QJsonParseError::NoError) {
        result.error = badRequest(
            CodecText::tr("The frame is not valid JSON: %1.").arg(parseError.errorString()));
        return result;
    }
    if (!document.isObject()) {
        result.error = badRequest(CodecText::tr("A frame must hold one JSON object."));
        return result;
    }
    const QJsonObject object = document.object();
    const QJsonValue id = object.value(QLatin1StringView("id"));
    if (Codec::isProtocolInteger(id))
        result.id = id;

    const QJsonValue type = object.value(QLatin1StringView("type"));
    if (!type.isString()) {
        result.error = badRequest(CodecText::tr("The frame has no 'type' string."));
        return result;
    }
    const std::optional<MessageType> messageType = messageTypeFromName(type.toString());
    if (!messageType) {
        result.error
            = badRequest(CodecText::tr("Unknown request type '%1'.").arg(type.toString().left(64)));
        return result;
    }
    if (id.isUndefined()) {
        result.error = badRequest(CodecText::tr("The request has no 'id'."));
        return result;
    }
    if (!Codec::isProtocolInteger(id)) {
        result.error = badRequest(CodecText::tr("The 'id' must be an integer from 0 to 2^53-1."));
        return result;
    }
    result.request = Request {*messageType, static_cast<qint64>(id.toDouble()), object};
    return result;
}

} // namespace

std::optional<qint64> DecodedFrame::requestId() const
{
    if (id.isNull())
        return std::nullopt;
    return static_cast<qint64>(id.toDouble());
}

namespace Codec {

DecodedFrame decodeRequest(const QByteArray &utf8)
{
    if (!hasStrictStrings(utf8)) {
        DecodedFrame refused;
        refused.error
            = badRequest(CodecText::tr("The frame is not valid JSON: a string holds a raw control "
                                       "character or an unknown escape."));
        return refused;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(utf8, &parseError);
    return decodeDocument(document, parseError);
}

DecodedFrame decodeRequest(const QString &frame)
{
    return decodeRequest(frame.toUtf8());
}

QString encode(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject request(MessageType type, qint64 id, QJsonObject params)
{
    params.insert(QStringLiteral("type"), messageTypeName(type));
    params.insert(QStringLiteral("id"), id);
    return params;
}

bool isProtocolInteger(const QJsonValue &value)
{
    if (!isWholeNumber(value))
        return false;
    const double d = value.toDouble();
    return d >= 0 && d <= static_cast<double>(Limits::MaxSafeInteger);
}

} // namespace Codec

Result<QString> Params::string(const QString &key) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined())
        return badRequest(CodecText::tr("The field '%1' is missing.").arg(key));
    if (!value.isString())
        return wrongType(key, CodecText::tr("a string"));
    return value.toString();
}

Result<std::optional<QString>> Params::optionalString(const QString &key) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return std::optional<QString>();
    if (!value.isString())
        return wrongType(key, CodecText::tr("a string"));
    return std::optional<QString>(value.toString());
}

Result<qint64> Params::id(const QString &key) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined())
        return badRequest(CodecText::tr("The field '%1' is missing.").arg(key));
    if (!isWholeNumber(value))
        return wrongType(key, CodecText::tr("an integer id"));
    if (!Codec::isProtocolInteger(value))
        return makeError(
            ErrorCode::Invalid, CodecText::tr("The id '%1' is out of range.").arg(key), key);
    return static_cast<qint64>(value.toDouble());
}

Result<std::optional<qint64>> Params::optionalId(const QString &key) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return std::optional<qint64>();
    Result<qint64> parsed = id(key);
    if (!parsed)
        return parsed.error();
    return std::optional<qint64>(*parsed);
}

Result<qint64> Params::integer(const QString &key) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined())
        return badRequest(CodecText::tr("The field '%1' is missing.").arg(key));
    if (!value.isDouble())
        return wrongType(key, CodecText::tr("a number"));
    if (!isWholeNumber(value)
        || std::abs(value.toDouble()) > static_cast<double>(Limits::MaxSafeInteger))
        return makeError(ErrorCode::Invalid,
            CodecText::tr("The field '%1' must be a whole number.").arg(key), key);
    return static_cast<qint64>(value.toDouble());
}

Result<std::optional<qint64>> Params::optionalInteger(const QString &key) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return std::optional<qint64>();
    Result<qint64> parsed = integer(key);
    if (!parsed)
        return parsed.error();
    return std::optional<qint64>(*parsed);
}

Result<int> Params::limit(const QString &key, int min, int max, int fallback) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return fallback;
    if (!value.isDouble())
        return wrongType(key, CodecText::tr("a number"));
    const double d = value.toDouble();
    if (!isWholeNumber(value) || d < min || d > max) {
        return makeError(ErrorCode::Invalid,
            CodecText::tr("The field '%1' must be a whole number from %2 to %3.")
                .arg(key)
                .arg(min)
                .arg(max),
            key);
    }
    return static_cast<int>(d);
}

} // namespace Hubbub
