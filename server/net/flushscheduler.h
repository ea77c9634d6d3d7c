#pragma once

#include <QObject>

#include <vector>

namespace Hubbub::Server {

class Connection;

//! Collects the connections that have frames waiting and flushes them all once per pass of
//! the event loop, so that the later frames of a pass to one peer (a second commit, replies
//! to a pipelined burst) leave in one send() instead of one each; the first frames of a pass
//! leave at once (Connection::send). It also counts the passes.
//!
//! The flush runs when the thread's event dispatcher is about to wait again (its aboutToBlock
//! and awake signals), not from a posted event: a posted event costs one more pass of the loop
//! (and, with a notifier per socket, a poll() of every connection).
class FlushScheduler final : public QObject
{
    Q_OBJECT
public:
    explicit FlushScheduler(QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(FlushScheduler)

    void add(Connection *connection);
    //! A connection going away before its turn.
    void forget(Connection *connection);
    //! Counts the passes of the event loop (each flush starts one).
    quint64 pass() const { return m_pass; }
    //! Writes every waiting frame now (also before a close, which must come last).
    void flushAll();

private:
    // Plain pointers, which a connection takes out itself when it goes (forget): a QPointer
    // per entry is a reference count on a cold cache line per peer per pass.
    std::vector<Connection *> m_waiting;
    std::vector<Connection *> *m_flushing = nullptr; //!< the batch being written, if any
    quint64 m_pass = 0;
    bool m_posted = false;
    bool m_onDispatcher = false; //!< flushed by the dispatcher's signals, else by a posted call
};

} // namespace Hubbub::Server
