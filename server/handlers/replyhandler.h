#pragma once

#include "handlers/handler.h"

namespace Hubbub::Server {

//! chat.around and reaction.set: what part "react" adds beside chat.send's replyTo
//! (docs/protocol.md, "Replies and reactions").
class ReplyHandler final : public Handler
{
public:
    using Handler::Handler;
    QList<MessageType> types() const override;
    void handle(const Caller &caller, const Request &request, const Responder &reply) override;

private:
    void around(const User &user, const Params &params, const Responder &reply);
    void setReaction(const User &user, const Params &params, const Responder &reply);
};

} // namespace Hubbub::Server
