#pragma once

#include "handlers/handler.h"

namespace Hubbub::Server {

//! hello, ping and sync: the connection-level verbs.
class SyncHandler final : public Handler
{
public:
    using Handler::Handler;
    QList<MessageType> types() const override;
    void handle(const Caller &caller, const Request &request, const Responder &reply) override;

private:
    void hello(const Params &params, const Responder &reply);
    void sync(qint64 userId, const Params &params, const Responder &reply);
};

} // namespace Hubbub::Server
