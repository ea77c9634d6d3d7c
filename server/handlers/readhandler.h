#pragma once

#include "handlers/handler.h"

#include <QHash>

namespace Hubbub::Server {

//! read.mark, read.state and channel.notify: each user's read position and notification level
//! per channel (part "read"). Not in the event log: changes go to the user's own connections
//! as ephemeral `read` and `prefs` frames, and a client fetches read.state on (re)connect.
class ReadHandler final : public Handler
{
public:
    using Handler::Handler;
    QList<MessageType> types() const override;
    void handle(const Caller &caller, const Request &request, const Responder &reply) override;

private:
    void mark(const User &user, const Params &params, const Responder &reply);
    void state(const User &user, const Responder &reply);
    void notify(const User &user, const Params &params, const Responder &reply);

    //! The read positions committed so far, per (user, channel): a mark at or below one is
    //! answered at once, without a write (a client scrolling back and forth, or two devices
    //! marking the same message). Only ever a lower bound of what is stored, as positions
    //! only move forward.
    QHash<std::pair<qint64, qint64>, qint64> m_committed;
};

} // namespace Hubbub::Server
