#pragma once

#include "handlers/handler.h"

namespace Hubbub::Server {

//! feed.page, post.get, post.create, post.update, post.delete, review.create, review.list.
class FeedHandler final : public Handler
{
public:
    using Handler::Handler;
    QList<MessageType> types() const override;
    void handle(const Caller &caller, const Request &request, const Responder &reply) override;

private:
    void page(const Params &params, const Responder &reply);
    void get(const Params &params, const Responder &reply);
    void create(const User &user, const Params &params, const Responder &reply);
    void update(const User &user, const Params &params, const Responder &reply);
    void remove(const User &user, const Params &params, const Responder &reply);
    void review(const User &user, const Params &params, const Responder &reply);
    void reviews(const Params &params, const Responder &reply);
};

} // namespace Hubbub::Server
