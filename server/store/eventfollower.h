#pragma once

#include "error.h"
#include "store/eventsequencer.h"
#include "store/sqlconnection.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <chrono>
#include <memory>

class QTimer;

namespace Hubbub::Server {

//! Reads every instance's events from PostgreSQL by seq, on a thread and connection of its own
//! (PostgreSQL only). It LISTENs on 'hubbub_events', which the writers NOTIFY after each
//! commit, but a notification is only a wake-up: each read takes the events after the last
//! one delivered, so a lost or late notification delays events (by one poll interval at most)
//! and never loses one. A lost connection is opened again on the next poll.
//! The same connection carries the bus ('hubbub_bus'): small messages between the instances
//! (typing, read marks, sign-outs), sent with publish() and received by busMessage().
class EventFollower final : public QObject
{
    Q_OBJECT
public:
    EventFollower(DatabaseTarget target, const std::atomic<qint64> &delivered,
        std::chrono::milliseconds pollInterval, QObject *parent = nullptr);
    ~EventFollower() override;
    Q_DISABLE_COPY_MOVE(EventFollower)

    //! Opens the connection on the follower's thread and LISTENs; fails if it cannot.
    Status start();
    void stop();
    //! From the network thread: read the events after `after` now (a gap, or a notification).
    void wake(qint64 after);
    //! From the network thread: NOTIFY every instance's follower (and this one) on the bus.
    void publish(const QByteArray &payload);

Q_SIGNALS:
    //! Events read, in seq order; emitted on the follower's thread (connect queued).
    void eventsRead(const QList<Hubbub::Server::EventSequencer::Event> &events);
    //! The oldest event kept is `oldest`, after the `after` this instance still waits for.
    void eventsPruned(qint64 oldest);
    void busMessage(const QByteArray &payload);
    //! Listening again after the connection was lost: bus messages of that time are gone.
    void reconnected();

private:
    class Worker;
    QThread m_thread;
    Worker *m_worker = nullptr; //!< lives on m_thread
};

//! Parses events.audience (NULL or empty: everyone; else ids joined with ',').
Audience parseAudience(const QString &stored);

} // namespace Hubbub::Server

Q_DECLARE_METATYPE(Hubbub::Server::EventSequencer::Event)
