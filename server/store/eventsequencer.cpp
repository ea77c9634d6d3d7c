#include "store/eventsequencer.h"

namespace Hubbub::Server {

EventSequencer::EventSequencer(
    qint64 delivered, Broadcast broadcast, std::function<void(qint64)> fetch)
    : m_delivered(delivered)
    , m_broadcast(std::move(broadcast))
    , m_fetch(std::move(fetch))
{ }

void EventSequencer::offer(const QList<Event> &events)
{
    const qint64 done = delivered();
    for (const Event &event : events) {
        if (event.seq > done)
            m_pending.try_emplace(event.seq, event);
    }
    drain();
}

void EventSequencer::offerCommitted(
    qint64 firstSeq, const QByteArrayList &frames, const QList<EventAudience> &audiences)
{
    QList<Event> events;
    events.reserve(frames.size());
    for (qsizetype i = 0; i < frames.size(); ++i) {
        events.append(Event {firstSeq + i, frames.at(i),
            audiences.isEmpty() ? Audience() : audiences.at(i).userIds});
    }
    offer(events);
}

void EventSequencer::afterDelivered(qint64 seq, std::function<void()> then)
{
    if (seq <= delivered()) {
        then();
        return;
    }
    m_continuations.emplace(seq, std::move(then));
    if (m_pending.empty() && m_fetchAsked != delivered()) {
        // Nothing of it has arrived yet (another instance's event): read it now rather than
        // at the next notification or poll.
        m_fetchAsked = delivered();
        m_fetch(delivered());
    }
}

qint64 EventSequencer::skipTo(qint64 seq)
{
    const qint64 skipped = std::max<qint64>(0, seq - 1 - delivered());
    if (skipped > 0) {
        m_delivered.store(seq - 1, std::memory_order_relaxed);
        m_pending.erase(m_pending.begin(), m_pending.lower_bound(seq));
        drain();
    }
    return skipped;
}

void EventSequencer::drain()
{
    qint64 done = delivered();
    while (!m_pending.empty() && m_pending.begin()->first == done + 1) {
        // One broadcast per contiguous run: its frames leave each peer in one send().
        QByteArrayList frames;
        QList<EventAudience> audiences;
        bool anyAudience = false;
        auto it = m_pending.begin();
        while (it != m_pending.end() && it->first == done + 1) {
            frames.append(std::move(it->second.frame));
            anyAudience = anyAudience || !it->second.audience.isEmpty();
            audiences.append(EventAudience {it->first, std::move(it->second.audience)});
            done = it->first;
            it = m_pending.erase(it);
        }
        m_delivered.store(done, std::memory_order_relaxed);
        m_broadcast(frames, anyAudience ? audiences : QList<EventAudience>());
    }
    // Replies wait for their events; a continuation may offer more, so take them out first.
    while (!m_continuations.empty() && m_continuations.begin()->first <= done) {
        std::function<void()> then = std::move(m_continuations.begin()->second);
        m_continuations.erase(m_continuations.begin());
        then();
    }
    if (!m_pending.empty() && m_fetchAsked != done) {
        // A gap: another instance's events are committed but not read yet.
        m_fetchAsked = done;
        m_fetch(done);
    }
}

} // namespace Hubbub::Server
