#pragma once

#include "handlers/handler.h"

namespace Hubbub::Server {

//! presence.list and chat.typing: ephemeral, never stored.
class PresenceHandler final : public Handler
{
public:
    using Handler::Handler;
    QList<MessageType> types() const override;
    void handle(const Caller &caller, const Request &request, const Responder &reply) override;
};

} // namespace Hubbub::Server
