#pragma once

#include "handlers/handler.h"

namespace Hubbub::Server {

//! dm.open and dm.list: direct conversations (docs/protocol.md, "Direct messages").
class DirectHandler final : public Handler
{
public:
    using Handler::Handler;
    QList<MessageType> types() const override;
    void handle(const Caller &caller, const Request &request, const Responder &reply) override;

private:
    void open(const User &user, const Params &params, const Responder &reply);
    void list(const User &user, const Responder &reply);
};

} // namespace Hubbub::Server
