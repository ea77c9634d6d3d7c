#pragma once

// Linux only (compiled and included under Q_OS_LINUX).

#include <QObject>

#include <cstdint>

struct epoll_event;
class QSocketNotifier;

namespace Hubbub::Server {

class EpollTransport;

//! The sockets of every connection of a thread in one epoll set, which the thread's event
//! dispatcher sees as one descriptor (a QSocketNotifier on the epoll descriptor). Qt's
//! dispatcher polls every notifier's descriptor on every pass, about 1 µs per connection, so a
//! thousand connections cost a millisecond per pass; epoll_wait costs what is ready.
//!
//! Level-triggered: a socket left with bytes to read (a connection paused by its fair share,
//! which also takes its read interest out) or still writable is reported again on the next
//! pass, so no path can lose a wake-up by not draining to EAGAIN; edge-triggered would save
//! nothing here, as every handler reads until empty anyway.
class EpollSet final : public QObject
{
    Q_OBJECT
public:
    //! The set of the calling thread, made on first use; it goes when its last socket does.
    //! Null when epoll is not available.
    static EpollSet *forThisThread();
    ~EpollSet() override;
    Q_DISABLE_COPY_MOVE(EpollSet)

    bool add(int descriptor, EpollTransport *transport, std::uint32_t events);
    void modify(int descriptor, EpollTransport *transport, std::uint32_t events);
    //! Out of the set, and out of the events of the pass under way (it may be deleted next).
    void remove(int descriptor, EpollTransport *transport);

private:
    explicit EpollSet(int epoll);
    void dispatch();
    void release();

    int m_epoll;
    QSocketNotifier *m_notifier;
    int m_count = 0;
    epoll_event *m_batch = nullptr; //!< the events of the pass under way, if any
    int m_batchSize = 0;
    bool m_inNotifier = false;
};

} // namespace Hubbub::Server
