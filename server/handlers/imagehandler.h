#pragma once

#include "handlers/handler.h"

namespace Hubbub::Server {

//! image.upload, image.get.
class ImageHandler final : public Handler
{
public:
    using Handler::Handler;
    QList<MessageType> types() const override;
    void handle(const Caller &caller, const Request &request, const Responder &reply) override;

private:
    void upload(const Params &params, const Responder &reply);
    void get(const Params &params, const Responder &reply);
};

} // namespace Hubbub::Server
