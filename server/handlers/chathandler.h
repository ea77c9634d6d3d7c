#pragma once

#include "handlers/handler.h"

namespace Hubbub::Server {

//! channel.list, channel.create, chat.history, chat.send, chat.edit, chat.delete.
class ChatHandler final : public Handler
{
public:
    using Handler::Handler;
    QList<MessageType> types() const override;
    void handle(const Caller &caller, const Request &request, const Responder &reply) override;

private:
    void listChannels(const Responder &reply);
    void createChannel(const Params &params, const Responder &reply);
    void history(const User &user, const Params &params, const Responder &reply);
    void send(const User &user, const Params &params, const Responder &reply);
    void edit(const User &user, const Params &params, const Responder &reply);
    void remove(const User &user, const Params &params, const Responder &reply);
};

} // namespace Hubbub::Server
