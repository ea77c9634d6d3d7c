#pragma once

#include "handlers/handler.h"
#include "store/userstore.h"

namespace Hubbub::Server {

//! auth.register, auth.login, auth.token, auth.logout.
class AuthHandler final : public Handler
{
public:
    using Handler::Handler;
    QList<MessageType> types() const override;
    void handle(const Caller &caller, const Request &request, const Responder &reply) override;

private:
    void registerUser(const Caller &caller, const Params &params, const Responder &reply);
    void login(const Caller &caller, const Params &params, const Responder &reply);
    void resume(const Caller &caller, const Params &params, const Responder &reply);
    void logout(const Caller &caller, const Responder &reply);
    //! Stores a new session token for the user and logs the connection in; a one-time code is
    //! used up on the way (the session must then choose a password).
    void startSession(const UserStore::Credentials &credentials, const QString &client,
        const QString &address, const Responder &reply);
    //! Once the session row is committed: logs the connection in and replies {user, token}
    //! (and mustChangePassword).
    void finishSignIn(const WriteOutcome &outcome, const QString &token,
        const QByteArray &tokenHash, bool mustChangePassword, const Responder &reply);
    bool reserveHash(const Responder &reply);
};

} // namespace Hubbub::Server
