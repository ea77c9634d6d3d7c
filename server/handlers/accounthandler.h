#pragma once

#include "handlers/handler.h"

namespace Hubbub::Server {

//! A user's own account (feature "accounts"): account.password, session.list,
//! session.revoke, session.revoke_all.
class AccountHandler final : public Handler
{
public:
    using Handler::Handler;
    QList<MessageType> types() const override;
    void handle(const Caller &caller, const Request &request, const Responder &reply) override;

private:
    void changePassword(const Caller &caller, const Params &params, const Responder &reply);
    void listSessions(const Caller &caller, const Responder &reply);
    void revokeSession(const Caller &caller, const Params &params, const Responder &reply);
    void revokeAll(const Caller &caller, const Responder &reply);
};

} // namespace Hubbub::Server
