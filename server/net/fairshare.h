#pragma once

#include <QList>
#include <QObject>
#include <QTimer>

namespace Hubbub::Server {

class Connection;
class FlushScheduler;

//! Gives each connection a slice of every pass of the event loop (Connection::withinShare). A
//! connection that has more to serve than its slice (a pipelined backlog) stops reading and
//! waits here; a zero-interval timer serves the waiting connections in turn, one slice each
//! per pass, between everyone else's sockets.
class FairShare final : public QObject
{
    Q_OBJECT
public:
    //! Every connection gets this much of a pass: well under a frame time, so the others wait
    //! at most this long per busy peer.
    static constexpr qint64 ShareNs = 2'000'000;

    explicit FairShare(FlushScheduler &flusher, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(FairShare)

    //! The pass of the event loop, for the slices.
    quint64 pass() const;
    //! Serves `connection` again in a later pass, after the others.
    void enlist(Connection *connection);
    void forget(Connection *connection);
    int waiting() const { return int(m_waiting.size()); }

private:
    void serve();

    FlushScheduler &m_flusher;
    QList<Connection *> m_waiting;
    QList<Connection *> *m_turn = nullptr; //!< the connections being served, if any
    QTimer m_timer;
};

} // namespace Hubbub::Server
