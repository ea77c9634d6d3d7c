#pragma once

#include "handlers/handler.h"

namespace Hubbub::Server {

//! What an admin runs from the app (features "admin", "invites", "audit"): admin.users,
//! admin.role, admin.disable, admin.enable, admin.reset_password, invite.create, invite.list,
//! invite.revoke and audit.list. The role is read as stored now on every request, and every
//! change is recorded in the audit log in the transaction that makes it.
class AdminHandler final : public Handler
{
public:
    using Handler::Handler;
    QList<MessageType> types() const override;
    void handle(const Caller &caller, const Request &request, const Responder &reply) override;

private:
    void listUsers(const Responder &reply);
    void setRole(const Caller &caller, const Params &params, const Responder &reply);
    void setDisabled(
        const Caller &caller, const Params &params, bool disabled, const Responder &reply);
    void resetPassword(const Caller &caller, const Params &params, const Responder &reply);
    void createInvite(const Caller &caller, const Params &params, const Responder &reply);
    void listInvites(const Responder &reply);
    void revokeInvite(const Caller &caller, const Params &params, const Responder &reply);
    void listAudit(const Params &params, const Responder &reply);
};

} // namespace Hubbub::Server
