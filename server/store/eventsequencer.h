#pragma once

#include "store/writer.h"

#include <QByteArrayList>

#include <atomic>
#include <functional>
#include <map>

namespace Hubbub::Server {

//! Puts the events of several instances in one order on the network thread (PostgreSQL).
//! Events arrive from this instance's writer as it commits them and from the EventFollower,
//! which reads everyone's by seq. Each seq is broadcast once, in seq order, with no gap: one
//! that comes early waits for those before it, and asks the follower to read them. A reply
//! to a change is held until its events have gone out, so the author sees them in order too.
class EventSequencer final
{
public:
    struct Event
    {
        qint64 seq = 0;
        QByteArray frame;
        Audience audience; //!< empty: everyone
    };
    using Broadcast = std::function<void(const QByteArrayList &, const QList<EventAudience> &)>;
    //! `fetch(after)`: read the events after `after` from the database (EventFollower::wake).
    EventSequencer(qint64 delivered, Broadcast broadcast, std::function<void(qint64)> fetch);

    //! Events in seq order; those at or below delivered() are dropped as already sent.
    void offer(const QList<Event> &events);
    //! One committed job's events, seqs firstSeq.. in order.
    void offerCommitted(
        qint64 firstSeq, const QByteArrayList &frames, const QList<EventAudience> &audiences);
    //! Runs `then` once every event up to `seq` has been broadcast (at once if it has).
    void afterDelivered(qint64 seq, std::function<void()> then);
    //! The events before `seq` are gone from the log (pruned) before this instance read
    //! them: give up on them and go on from there. Returns how many were skipped.
    qint64 skipTo(qint64 seq);

    qint64 delivered() const { return m_delivered.load(std::memory_order_relaxed); }
    //! For the follower's thread: what it need not read again.
    const std::atomic<qint64> &deliveredCounter() const { return m_delivered; }
    qint64 waiting() const { return qint64(m_pending.size()); }

private:
    void drain();

    std::atomic<qint64> m_delivered;
    Broadcast m_broadcast;
    std::function<void(qint64)> m_fetch;
    std::map<qint64, Event> m_pending;
    std::multimap<qint64, std::function<void()>> m_continuations;
    qint64 m_fetchAsked = -1; //!< the delivered seq a fetch was last asked for
};

} // namespace Hubbub::Server
