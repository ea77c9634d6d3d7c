#pragma once

#include "error.h"
#include "messagetype.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace Hubbub {

inline constexpr int ProtocolVersion = 1;

//! A decoded request frame: its verb, its id, and the whole object for the parameters.
struct Request
{
    MessageType type = MessageType::Ping;
    qint64 id = 0;
    QJsonObject params;
};

//! What decoding one text frame gives: a request, or an error to answer with `id`
//! (null when no id could be read).
struct DecodedFrame
{
    std::optional<Request> request;
    Error error;
    QJsonValue id = QJsonValue::Null;

    //! `id` as a number, nullopt when it is null: what an error reply echoes.
    std::optional<qint64> requestId() const;
};

namespace Codec {

//! Decodes one text frame into a request. Never throws; a bad frame yields `bad_request`.
DecodedFrame decodeRequest(const QString &frame);
DecodedFrame decodeRequest(const QByteArray &utf8);

//! Serialises an object as one compact JSON text frame.
QString encode(const QJsonObject &object);

//! A request frame: {type: "<verb>", id, ...params}. The frames the server sends are built
//! in serverframe.h.
QJsonObject request(MessageType type, qint64 id, QJsonObject params = {});

//! Whether a JSON value is an integer in [0, 2^53 - 1].
bool isProtocolInteger(const QJsonValue &value);

} // namespace Codec

//! Typed, checked access to a request's parameters. A missing required field or a wrong
//! JSON type is `bad_request`; a value of the right type outside its range is `invalid`.
class Params
{
public:
    explicit Params(const QJsonObject &object)
        : m_object(object)
    { }

    Result<QString> string(const QString &key) const;
    //! nullopt when absent or null.
    Result<std::optional<QString>> optionalString(const QString &key) const;
    Result<qint64> id(const QString &key) const;
    Result<std::optional<qint64>> optionalId(const QString &key) const;
    //! Any JSON number that is a whole number (range checks are the caller's).
    Result<qint64> integer(const QString &key) const;
    //! As integer(), nullopt when absent or null (an optional parameter).
    Result<std::optional<qint64>> optionalInteger(const QString &key) const;
    //! A page size: absent gives `fallback`, otherwise an integer in [min, max].
    Result<int> limit(const QString &key, int min, int max, int fallback) const;
    bool contains(const QString &key) const { return m_object.contains(key); }
    QJsonValue value(const QString &key) const { return m_object.value(key); }

private:
    QJsonObject m_object;
};

} // namespace Hubbub
