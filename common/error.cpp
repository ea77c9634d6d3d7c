#include "error.h"

#include "nametable.h"

#include <array>

namespace Hubbub {

namespace {
constexpr std::array<const char *, 11> errorCodeNames = {
    "bad_request",
    "invalid",
    "unauthorized",
    "forbidden",
    "not_found",
    "conflict",
    "too_large",
    "rate_limited",
    "too_old",
    "unsupported_protocol",
    "internal",
};
static_assert(errorCodeNames.size() == static_cast<std::size_t>(ErrorCode::Internal) + 1);
} // namespace

QString errorCodeName(ErrorCode code)
{
    return nameInTable(errorCodeNames, code);
}

std::optional<ErrorCode> errorCodeFromName(QStringView name)
{
    return valueInTable<ErrorCode>(errorCodeNames, name);
}

QJsonObject Error::toJson() const
{
    QJsonObject object {
        {QStringLiteral("code"), errorCodeName(code)}, {QStringLiteral("message"), message}};
    if (!field.isEmpty())
        object.insert(QStringLiteral("field"), field);
    if (retryAfterMs >= 0)
        object.insert(QStringLiteral("retryAfterMs"), retryAfterMs);
    return object;
}

Error Error::fromJson(const QJsonObject &object)
{
    Error error;
    error.code = errorCodeFromName(object.value(QStringLiteral("code")).toString())
                     .value_or(ErrorCode::Internal);
    error.message = object.value(QStringLiteral("message")).toString();
    error.field = object.value(QStringLiteral("field")).toString();
    error.retryAfterMs = object.value(QStringLiteral("retryAfterMs")).toInteger(-1);
    return error;
}

QString Error::toString() const
{
    QString text = errorCodeName(code) + QStringLiteral(": ") + message;
    if (!field.isEmpty())
        text += QStringLiteral(" (field ") + field + QLatin1Char(')');
    return text;
}

Error makeError(ErrorCode code, const QString &message, const QString &field)
{
    return Error {code, message, field, -1};
}

} // namespace Hubbub
