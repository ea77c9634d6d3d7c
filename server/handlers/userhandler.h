#pragma once

#include "handlers/handler.h"

namespace Hubbub::Server {

//! user.rename, user.profile (display name and avatar) and user.list.
class UserHandler final : public Handler
{
public:
    using Handler::Handler;
    QList<MessageType> types() const override;
    void handle(const Caller &caller, const Request &request, const Responder &reply) override;

private:
    void rename(const Caller &caller, const Params &params, const Responder &reply);
    void profile(const Caller &caller, const Params &params, const Responder &reply);
    void list(const Responder &reply);
    //! Refreshes the user every connection of theirs holds, then answers.
    void updated(const WriteOutcome &outcome, const Responder &reply);
};

} // namespace Hubbub::Server
