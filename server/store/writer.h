#pragma once

#include "error.h"
#include "eventtype.h"
#include "serverconfig.h"
#include "store/sqlconnection.h"

#include <QByteArrayList>
#include <QJsonObject>
#include <QObject>
#include <QThread>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>

namespace Hubbub::Server {

class EventSequencer;
class Metrics;

//! Who may see an event: the user ids of its audience, sorted; empty means everyone.
using Audience = QList<qint64>;
//! An audience as events.audience stores it: the ids joined with ','.
QString joinAudience(const Audience &audience);

//! The audience of one committed event, with its seq (the hidden stub the others get names it).
struct EventAudience
{
    qint64 seq = 0;
    Audience userIds; //!< empty: everyone
};

//! What a write job sees on the writer thread: the write connection and the event log.
class WriteTx final
{
public:
    WriteTx(SqlConnection &sql, qint64 head)
        : m_sql(sql)
        , m_head(head)
    { }

    SqlConnection &sql() { return m_sql; }
    //! Appends an event in this transaction and returns its seq (head + 1). Its frame is
    //! encoded here, once: the log stores it and every peer is sent the same bytes. With an
    //! `audience` (sorted user ids) only those users are sent the frame, live and in `sync`;
    //! everyone else gets the `hidden` stub of the same seq (docs/protocol.md, "Events").
    Result<qint64> appendEvent(
        EventType type, const QJsonObject &payload, const Audience &audience = {});
    //! Appends the event and returns its payload plus `seq`: the usual reply to a change.
    Result<QJsonObject> publish(
        EventType type, const QJsonObject &payload, const Audience &audience = {});
    //! Event frames (compact JSON, UTF-8) appended by the current job, in seq order.
    const QByteArrayList &events() const { return m_events; }
    //! Empty while every event of the job is for everyone; else one entry per event.
    const QList<EventAudience> &audiences() const { return m_audiences; }
    qint64 head() const { return m_head; }

private:
    friend class Writer;
    SqlConnection &m_sql;
    qint64 m_head;
    QByteArrayList m_events;
    QList<EventAudience> m_audiences;
};

//! Result of one job once its transaction is committed (or failed).
struct WriteOutcome
{
    Result<QJsonObject> result = QJsonObject();
    QByteArrayList events; //!< event frames (compact JSON, UTF-8), only when committed
    QList<EventAudience> audiences; //!< empty when all are for everyone, else one per event
    qint64 lastSeq = 0;
};

using WriteJob = std::function<Result<QJsonObject>(WriteTx &)>;
using WriteDone = std::function<void(const WriteOutcome &)>;

//! The single writer: owns the write connection on its own thread and commits queued jobs in
//! batches (group commit). Each job runs in a savepoint, so a failing job changes nothing and
//! the others in its batch still commit. Outcomes are delivered on the thread that owns the
//! Writer, in commit order: first `committed` with the events, then the job's callback.
class Writer final : public QObject
{
    Q_OBJECT
public:
    Writer(DatabaseTarget target, qint64 eventRetention, QObject *parent = nullptr);
    Writer(QString databasePath, Durability durability, qint64 eventRetention,
        QObject *parent = nullptr)
        : Writer(DatabaseTarget {std::move(databasePath), {}, durability}, eventRetention, parent)
    { }
    ~Writer() override;
    Q_DISABLE_COPY_MOVE(Writer)

    //! Where to count events, batch sizes and commit times; set before start(). Optional.
    void setMetrics(Metrics *metrics) { m_metrics = metrics; }
    //! PostgreSQL, several instances: committed events go through the sequencer (network
    //! thread) instead of `committed`, and each job's callback waits for its events to be
    //! broadcast. Set before the first job.
    void setSequencer(EventSequencer *sequencer) { m_sequencer = sequencer; }
    //! The head when start() read it (the newest seq committed by any instance).
    qint64 startHead() const { return m_startHead; }
    //! Opens the write connection, migrates the schema and starts the thread.
    Status start();
    //! Commits everything queued, then stops the thread. Idempotent.
    void stop();

    void submit(WriteJob job, WriteDone done);
    //! Runs one job and waits for its commit; for start-up tasks and tools, never the
    //! network path.
    WriteOutcome runAndWait(WriteJob job);

    //! The number of jobs committed in each transaction, for the benchmarks.
    struct Stats
    {
        qint64 transactions = 0;
        qint64 jobs = 0;
    };
    Stats stats() const;

    //! For the health check, from any thread: whether the writer thread is running, and how
    //! long the transaction it is in has taken so far (0 when it waits for work).
    bool isRunning() const { return m_running.load(std::memory_order_relaxed); }
    qint64 busyForMs() const;

Q_SIGNALS:
    //! Events of one job, in seq order, after they are committed; `audiences` is empty when
    //! every one of them is for everyone, else it holds one entry per event.
    void committed(const QByteArrayList &events, const QList<EventAudience> &audiences);

private:
    struct Item
    {
        WriteJob job;
        WriteDone done;
        std::shared_ptr<std::promise<WriteOutcome>> waiter;
    };
    void run();
    void processBatch(std::deque<Item> &batch);
    void pruneEvents();
    //! BEGIN IMMEDIATE on SQLite. On PostgreSQL, BEGIN, then the lock all instances' writers
    //! take (so seqs are given out and committed in one order), then the head as committed
    //! by any instance. Reconnects once when the database went away under the connection.
    Status beginTransaction();
    void deliver(std::vector<std::pair<WriteOutcome, Item>> outcomes);

    DatabaseTarget m_target;
    qint64 m_retention;
    std::unique_ptr<QThread> m_thread;
    std::unique_ptr<SqlConnection> m_sql;
    qint64 m_head = 0;
    qint64 m_sinceLastPrune = 0;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Item> m_queue;
    bool m_stopping = false;
    Stats m_stats;
    Metrics *m_metrics = nullptr;
    EventSequencer *m_sequencer = nullptr;
    qint64 m_startHead = 0;
    std::atomic<bool> m_running {false};
    std::atomic<qint64> m_busySinceNs {0}; //!< steady clock; 0 while waiting for work
};

} // namespace Hubbub::Server
