#pragma once

#include "handlers/handler.h"

namespace Hubbub::Server {

//! user.rename.
class UserHandler final : public Handler
{
public:
    using Handler::Handler;
    QList<MessageType> types() const override;
    void handle(const Caller &caller, const Request &request, const Responder &reply) override;
};

} // namespace Hubbub::Server
