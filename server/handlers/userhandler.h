#pragma once

#include "handlers/handler.h"

namespace Hubbub::Server {

//! user.rename.
class UserHandler final : public Handler
{
public:
    using Handler::Handler;
    QList<MessageType> types() const override;
    void handle(Session &session, const Request &request, const Responder &reply) override;
};

} // namespace Hubbub::Server
