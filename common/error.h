#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace Hubbub {

//! The `error.code` values of protocol v1. Append only.
enum class ErrorCode {
    BadRequest,
    Invalid,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    TooLarge,
    RateLimited,
    TooOld,
    UnsupportedProtocol,
    Internal,
};

QString errorCodeName(ErrorCode code);
std::optional<ErrorCode> errorCodeFromName(QStringView name);

//! An error as a value: a code, a sentence a person can read, and the field it concerns.
struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message;
    QString field; //!< set for `invalid` and field-level `too_large`
    qint64 retryAfterMs = -1; //!< set for `rate_limited`

    //! The `error` object of a reply.
    QJsonObject toJson() const;
    static Error fromJson(const QJsonObject &object);
    QString toString() const;
    bool operator==(const Error &) const = default;
};

Error makeError(ErrorCode code, const QString &message, const QString &field = {});

//! A value or an Error. Small on purpose: `if (!r) return r.error();`.
template<typename T>
class Result
{
public:
    Result(T value)
        : m_data(std::move(value))
    { }
    Result(Error error)
        : m_data(std::move(error))
    { }

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    T &value() { return std::get<T>(m_data); }
    const T &value() const { return std::get<T>(m_data); }
    T &operator*() { return value(); }
    const T &operator*() const { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    const Error &error() const { return std::get<Error>(m_data); }

private:
    std::variant<T, Error> m_data;
};

//! Result of an operation that yields nothing but may fail.
struct Ok
{ };
using Status = Result<Ok>;

} // namespace Hubbub
