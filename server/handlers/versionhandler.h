#pragma once

#include "handlers/handler.h"

namespace Hubbub::Server {

//! chat.versions, post.versions: the edit history of a message or post (part "rich").
class VersionHandler final : public Handler
{
public:
    using Handler::Handler;
    QList<MessageType> types() const override;
    void handle(const Caller &caller, const Request &request, const Responder &reply) override;

private:
    void messageVersions(const User &user, const Params &params, const Responder &reply);
    void postVersions(const Params &params, const Responder &reply);
};

} // namespace Hubbub::Server
