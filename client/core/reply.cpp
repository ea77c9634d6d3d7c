#include "reply.h"

#include <QCoreApplication>

namespace Hubbub::Client {

Reply Reply::success(QJsonObject result)
{
    Reply r;
    r.m_result = std::move(result);
    return r;
}

Reply Reply::serverError(Error error)
{
    Reply r;
    r.m_outcome = Outcome::ServerError;
    r.m_error = std::move(error);
    return r;
}

Reply Reply::timeout()
{
    Reply r;
    r.m_outcome = Outcome::Timeout;
    r.m_error = makeError(ErrorCode::Internal,
        QCoreApplication::translate("Hubbub::Client::Reply", "The server did not answer in time."));
    return r;
}

Reply Reply::disconnected()
{
    Reply r;
    r.m_outcome = Outcome::Disconnected;
    r.m_error = makeError(ErrorCode::Internal,
        QCoreApplication::translate(
            "Hubbub::Client::Reply", "The connection to the server was lost."));
    return r;
}

} // namespace Hubbub::Client
