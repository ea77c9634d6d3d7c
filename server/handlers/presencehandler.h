#pragma once

#include "handlers/handler.h"

namespace Hubbub::Server {

//! presence.list and chat.typing: ephemeral, never stored.
class PresenceHandler final : public Handler
{
public:
    using Handler::Handler;
    QList<MessageType> types() const override;
    void handle(Session &session, const Request &request, const Responder &reply) override;
};

} // namespace Hubbub::Server
