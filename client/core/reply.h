#pragma once

#include "error.h"

#include <QJsonObject>

namespace Hubbub::Client {

//! What a request ends with: the server's result, the server's error, or no answer at all
//! (the connection dropped or the reply did not come in time).
class Reply final
{
public:
    enum class Outcome { Ok, ServerError, Timeout, Disconnected };

    static Reply success(QJsonObject result);
    static Reply serverError(Error error);
    static Reply timeout();
    static Reply disconnected();

    bool ok() const { return m_outcome == Outcome::Ok; }
    Outcome outcome() const { return m_outcome; }
    //! True when the server never answered: the request may or may not have been applied.
    bool isTransportFailure() const
    {
        return m_outcome == Outcome::Timeout || m_outcome == Outcome::Disconnected;
    }
    const QJsonObject &result() const { return m_result; }
    //! For a server error the server's; for a transport failure one made here.
    const Error &error() const { return m_error; }

private:
    Outcome m_outcome = Outcome::Ok;
    QJsonObject m_result;
    Error m_error;
};

} // namespace Hubbub::Client
