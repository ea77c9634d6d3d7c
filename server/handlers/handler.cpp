#include "handlers/handler.h"

#include "session.h"
#include "store/userstore.h"

#include <QCoreApplication>

namespace Hubbub::Server {

Responder::Responder(Session &session, qint64 requestId)
    : m_session(&session)
    , m_slot(session.openSlot())
    , m_id(requestId)
{ }

Session *Responder::session() const
{
    return m_session.data();
}

void Responder::ok(QJsonObject result) const
{
    okEncoded(Codec::encode(Codec::okReply(m_id, std::move(result))));
}

void Responder::fail(const Error &error) const
{
    if (m_session)
        m_session->fillSlot(m_slot, Codec::encode(Codec::errorReply(m_id, error)));
}

void Responder::okEncoded(const QString &frame) const
{
    if (m_session)
        m_session->fillSlot(m_slot, frame);
}

void Responder::okWire(const QByteArray &frame) const
{
    if (m_session)
        m_session->fillSlotWire(m_slot, frame);
}

void Responder::finish(const WriteOutcome &outcome) const
{
    if (outcome.result)
        ok(*outcome.result);
    else
        fail(outcome.result.error());
}

Status checkMayChange(WriteTx &tx, const User &user, qint64 authorId, const QString &what)
{
    if (user.id == authorId)
        return Ok {};
    Result<Role> role = UserStore::currentRole(tx, user.id);
    if (!role)
        return role.error();
    if (*role == Role::Admin)
        return Ok {};
    return makeError(ErrorCode::Forbidden,
        QCoreApplication::translate(
            "Hubbub::Server", "Only the author or an admin can change this %1.")
            .arg(what));
}

Error rateLimited(const QString &message, qint64 retryAfterMs)
{
    Error error = makeError(ErrorCode::RateLimited, message);
    error.retryAfterMs = retryAfterMs;
    return error;
}

} // namespace Hubbub::Server
