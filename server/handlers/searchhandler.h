#pragma once

#include "handlers/handler.h"
#include "store/readworker.h"

namespace Hubbub::Server {

//! search: full-text search over messages and posts, on a read connection of its own so a
//! slow query never stalls the network thread.
class SearchHandler final : public Handler
{
public:
    explicit SearchHandler(ServerContext &context);
    QList<MessageType> types() const override;
    void handle(const Caller &caller, const Request &request, const Responder &reply) override;

private:
    ReadWorker m_worker;
};

} // namespace Hubbub::Server
