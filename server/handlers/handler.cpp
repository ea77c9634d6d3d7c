#include "handlers/handler.h"

#include "metrics/metrics.h"
#include "serverframe.h"
#include "store/accountstore.h"
#include "store/userstore.h"
#include "validation.h"

#include <QCoreApplication>

namespace Hubbub::Server {

Responder::Responder(Hub &hub, ConnectionHandle connection, quint64 slot, qint64 requestId,
    MessageType type, Metrics *metrics)
    : m_hub(&hub)
    , m_connection(std::move(connection))
    , m_slot(slot)
    , m_id(requestId)
    , m_metrics(metrics)
    , m_type(type)
{ }

void Responder::ok(const QJsonObject &result) const
{
    send(encodeOkReply(m_id, result));
}

void Responder::fail(const Error &error) const
{
    sendError(encodeErrorReply(m_id, error), error.code);
}

void Responder::sendError(const QByteArray &frame, ErrorCode code) const
{
    if (m_metrics)
        m_metrics->countError(m_type, code);
    send(frame);
}

void Responder::send(const QByteArray &frame) const
{
    m_hub->sendReply(m_connection, m_slot, frame);
}

void Responder::finish(const WriteOutcome &outcome) const
{
    if (outcome.result)
        ok(*outcome.result);
    else
        fail(outcome.result.error());
}

Status checkMayChange(WriteTx &tx, const User &user, qint64 authorId, const QString &what,
    const QString &action, const QJsonObject &detail)
{
    if (user.id == authorId)
        return Ok {};
    Result<Role> role = UserStore::currentRole(tx, user.id);
    if (!role)
        return role.error();
    if (*role == Role::Admin)
        return AccountStore::record(tx, user.id, action, authorId, detail);
    return makeError(ErrorCode::Forbidden,
        QCoreApplication::translate(
            "Hubbub::Server", "Only the author or an admin can change this %1.")
            .arg(what));
}

Result<QString> nonceParam(const Params &params)
{
    const Result<std::optional<QString>> nonce = params.optionalString(QStringLiteral("nonce"));
    if (!nonce)
        return nonce.error();
    if (!*nonce)
        return QString();
    if (auto error = Validation::checkNonce(**nonce))
        return *error;
    return **nonce;
}

Error rateLimited(const QString &message, qint64 retryAfterMs)
{
    Error error = makeError(ErrorCode::RateLimited, message);
    error.retryAfterMs = retryAfterMs;
    return error;
}

} // namespace Hubbub::Server
