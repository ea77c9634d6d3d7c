#include "store/writer.h"

#include "logging.h"
#include "metrics/metrics.h"
#include "serverframe.h"
#include "store/eventsequencer.h"
#include "store/schema.h"
#include "store/sqlconnection.h"
#include "types.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QSqlQuery>

#include <algorithm>
#include <chrono>
#include <future>

namespace Hubbub::Server {

namespace {
constexpr std::size_t MaxBatch = 4096;
constexpr qint64 PruneEvery = 1000;
//! pg_advisory_xact_lock's key for the writers of all instances ("Hubb").
constexpr qint64 WriterLockKey = 0x48756262;

qint64 steadyNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

//! Runs a transaction statement through the connection's statement cache: they run several
//! times per batch, and preparing each anew costs more than the insert they wrap.
Status transactionStep(SqlConnection &sql, const QString &statement)
{
    // PostgreSQL cannot PREPARE transaction control; its simple query protocol is one round
    // trip all the same.
    if (sql.isPostgres())
        return sql.execOnce(statement);
    Result<QSqlQuery *> query = sql.run(statement);
    if (!query)
        return query.error();
    (*query)->finish();
    return Ok {};
}
} // namespace

Result<qint64> WriteTx::appendEvent(
    EventType type, const QJsonObject &payload, const Audience &audience)
{
    Q_ASSERT(std::is_sorted(audience.cbegin(), audience.cend()));
    const qint64 seq = m_head + 1;
    QByteArray frame = encodeEvent(seq, type, payload);
    // Bound as a string, so the log keeps TEXT (a QByteArray would bind as a BLOB). The
    // audience is NULL for everyone, else its ids joined with ',' (EventStore::since reads it).
    Result<QSqlQuery *> insert = m_sql.run(
        QStringLiteral("INSERT INTO events (seq, frame, created_at, audience) VALUES (?, ?, ?, ?)"),
        {seq, QString::fromUtf8(frame), nowTimestamp(),
            audience.isEmpty() ? QVariant() : QVariant(joinAudience(audience))});
    if (!insert)
        return insert.error();
    m_head = seq;
    m_events.append(std::move(frame));
    if (!audience.isEmpty() || !m_audiences.isEmpty()) {
        // The first event with an audience fills in the everyone-entries of those before it.
        for (qsizetype i = m_audiences.size(); i < m_events.size() - 1; ++i)
            m_audiences.append(EventAudience {seq - (m_events.size() - 1 - i), {}});
        m_audiences.append(EventAudience {seq, audience});
    }
    return seq;
}

QString joinAudience(const Audience &audience)
{
    QString joined;
    for (qint64 id : audience) {
        if (!joined.isEmpty())
            joined.append(u',');
        joined.append(QString::number(id));
    }
    return joined;
}

Result<QJsonObject> WriteTx::publish(
    EventType type, const QJsonObject &payload, const Audience &audience)
{
    Result<qint64> seq = appendEvent(type, payload, audience);
    if (!seq)
        return seq.error();
    QJsonObject result = payload;
    result.insert(QStringLiteral("seq"), *seq);
    return result;
}

Writer::Writer(DatabaseTarget target, qint64 eventRetention, QObject *parent)
    : QObject(parent)
    , m_target(std::move(target))
    , m_retention(std::max<qint64>(1, eventRetention))
{ }

Writer::~Writer()
{
    stop();
}

Status Writer::start()
{
    std::promise<Status> opened;
    std::future<Status> openedFuture = opened.get_future();
    m_thread.reset(QThread::create([this, &opened] {
        auto connection = SqlConnection::open(
            m_target, QStringLiteral("hubbub-write-%1").arg(quintptr(this), 0, 16));
        if (!connection) {
            opened.set_value(connection.error());
            return;
        }
        m_sql = std::move(*connection);
        Status migrated = migrate(*m_sql);
        if (migrated) {
            Result<QSqlQuery *> head
                = m_sql->run(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM events"));
            if (!head) {
                migrated = head.error();
            } else {
                (*head)->next();
                m_head = (*head)->value(0).toLongLong();
                m_startHead = m_head;
                (*head)->finish();
            }
        }
        if (!migrated) {
            m_sql.reset();
            opened.set_value(migrated);
            return;
        }
        m_running.store(true, std::memory_order_relaxed);
        opened.set_value(Ok {});
        run();
        m_running.store(false, std::memory_order_relaxed);
        m_sql.reset();
    }));
    m_thread->setObjectName(QStringLiteral("hubbub-writer"));
    m_thread->start();
    Status status = openedFuture.get();
    if (!status) {
        m_thread->wait();
        m_thread.reset();
    }
    return status;
}

void Writer::stop()
{
    if (!m_thread)
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread->wait();
    m_thread.reset();
    // Group commit at a glance (hubbub-bench reads this line for its rows-per-commit figure).
    const Stats done = stats();
    qCInfo(lcDb) << "writer committed" << done.jobs << "jobs in" << done.transactions
                 << "transactions";
}

void Writer::submit(WriteJob job, WriteDone done)
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_stopping) {
            m_queue.push_back(Item {std::move(job), std::move(done), nullptr});
            m_wake.notify_one();
            return;
        }
    }
    // Shutting down: refuse rather than lose it silently.
    WriteOutcome refused;
    refused.result = makeError(
        ErrorCode::Internal, tr("The server is shutting down; the change was not stored."));
    if (done)
        done(refused);
}

WriteOutcome Writer::runAndWait(WriteJob job)
{
    auto waiter = std::make_shared<std::promise<WriteOutcome>>();
    std::future<WriteOutcome> future = waiter->get_future();
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping || !m_thread) {
            WriteOutcome refused;
            refused.result = makeError(ErrorCode::Internal, tr("The writer is not running."));
            return refused;
        }
        m_queue.push_back(Item {std::move(job), nullptr, waiter});
    }
    m_wake.notify_one();
    return future.get();
}

Writer::Stats Writer::stats() const
{
    std::lock_guard lock(m_mutex);
    return m_stats;
}

qint64 Writer::busyForMs() const
{
    const qint64 since = m_busySinceNs.load(std::memory_order_relaxed);
    return since == 0 ? 0 : std::max<qint64>(0, (steadyNowNs() - since) / 1000000);
}

void Writer::run()
{
    for (;;) {
        std::deque<Item> batch;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty())
                return; // stopping, and nothing left to commit
            if (m_queue.size() <= MaxBatch) {
                batch.swap(m_queue);
            } else {
                for (std::size_t i = 0; i < MaxBatch; ++i) {
                    batch.push_back(std::move(m_queue.front()));
                    m_queue.pop_front();
                }
            }
        }
        processBatch(batch);
    }
}

void Writer::processBatch(std::deque<Item> &batch)
{
    std::vector<std::pair<WriteOutcome, Item>> outcomes;
    outcomes.reserve(batch.size());
    qint64 txHead = m_head; // head when the open transaction began
    std::size_t txFirst = 0; // first outcome that belongs to the open transaction

    const qint64 startedNs = steadyNowNs();
    m_busySinceNs.store(startedNs, std::memory_order_relaxed);
    Status begun = beginTransaction();
    txHead = m_head;
    qint64 eventsCommitted = 0;
    qint64 committedJobs = 0;
    // Fails every job of the open transaction that looked committed: it is gone.
    const auto failOpenTransaction = [&](const Error &error) {
        for (std::size_t i = txFirst; i < outcomes.size(); ++i) {
            WriteOutcome &earlier = outcomes[i].first;
            if (earlier.result.ok()) {
                earlier.result = error;
                earlier.events.clear();
                earlier.audiences.clear();
                earlier.lastSeq = 0;
                --committedJobs;
            }
        }
        m_head = txHead;
    };
    for (Item &item : batch) {
        WriteOutcome outcome;
        if (!begun) {
            outcome.result = begun.error();
        } else if (Status sp = transactionStep(*m_sql, QStringLiteral("SAVEPOINT job")); !sp) {
            outcome.result = sp.error();
        } else {
            WriteTx tx(*m_sql, m_head);
            outcome.result = item.job(tx);
            if (outcome.result.ok()) {
                // Inside BEGIN a RELEASE checks no constraint and writes nothing: it fails when
                // the savepoint is gone (the transaction was rolled back under the job, or a
                // statement of the job ended it). The job has then failed like any other.
                if (Status released = transactionStep(*m_sql, QStringLiteral("RELEASE job"));
                    !released) {
                    outcome.result = released.error();
                }
            }
            if (outcome.result.ok()) {
                m_head = tx.m_head;
                outcome.events = tx.m_events;
                outcome.audiences = tx.m_audiences;
                outcome.lastSeq = m_head;
                ++committedJobs;
            } else if (transactionStep(*m_sql, QStringLiteral("ROLLBACK TO job"))
                && transactionStep(*m_sql, QStringLiteral("RELEASE job"))) {
                // Undone; the transaction goes on with the next job.
            } else {
                // The savepoint is gone: SQLite rolled back the whole transaction itself, as it
                // does for SQLITE_FULL, SQLITE_IOERR or SQLITE_NOMEM in a statement without a
                // statement journal (a plain INSERT). The jobs before this one are lost too, and
                // without a new BEGIN the rest of the batch would commit one by one in autocommit
                // mode while being reported as failed.
                m_sql->execOnce(QStringLiteral("ROLLBACK"));
                failOpenTransaction(outcome.result.error());
                txFirst = outcomes.size() + 1;
                begun = beginTransaction();
                txHead = m_head;
            }
        }
        outcomes.emplace_back(std::move(outcome), std::move(item));
    }

    if (begun && m_sql->isPostgres() && m_head > txHead) {
        // Wakes every instance's follower once this commits (EventFollower); it is only a
        // wake-up: they read the events by seq, so a lost one delays them by a poll at most.
        Result<QSqlQuery *> notified = m_sql->run(QStringLiteral("SELECT pg_notify(?, ?)"),
            {m_sql->notifyChannel(QStringLiteral("hubbub_events")), QString::number(m_head)});
        if (!notified) {
            m_sql->execOnce(QStringLiteral("ROLLBACK"));
            failOpenTransaction(notified.error());
            begun = notified.error();
        } else {
            (*notified)->finish();
        }
    }
    if (begun) {
        Status committed = transactionStep(*m_sql, QStringLiteral("COMMIT"));
        if (!committed) {
            m_sql->execOnce(QStringLiteral("ROLLBACK"));
            failOpenTransaction(committed.error());
        }
    }
    for (const auto &done : outcomes)
        eventsCommitted += done.first.events.size();
    {
        std::lock_guard lock(m_mutex);
        ++m_stats.transactions;
        m_stats.jobs += committedJobs;
    }
    if (m_metrics) {
        m_metrics->commitSeconds.observe(double(steadyNowNs() - startedNs) / 1e9);
        m_metrics->writerBatchJobs.observe(double(batch.size()));
        m_metrics->eventsStored.add(quint64(eventsCommitted));
    }

    m_sinceLastPrune += eventsCommitted;
    if (m_sinceLastPrune >= PruneEvery) {
        m_sinceLastPrune = 0;
        pruneEvents();
    }
    m_busySinceNs.store(0, std::memory_order_relaxed);

    for (auto &[outcome, item] : outcomes) {
        if (item.waiter) {
            // A synchronous caller: hand it the outcome; events still go out in order below.
            item.waiter->set_value(outcome);
        }
    }
    QMetaObject::invokeMethod(
        this, [this, outcomes = std::move(outcomes)]() mutable { deliver(std::move(outcomes)); },
        Qt::QueuedConnection);
}

void Writer::deliver(std::vector<std::pair<WriteOutcome, Item>> outcomes)
{
    for (auto &[outcome, item] : outcomes) {
        if (m_sequencer && !outcome.events.isEmpty()) {
            m_sequencer->offerCommitted(
                outcome.lastSeq - outcome.events.size() + 1, outcome.events, outcome.audiences);
            if (item.done) {
                m_sequencer->afterDelivered(outcome.lastSeq,
                    [done = std::move(item.done), result = outcome] { done(result); });
            }
            continue;
        }
        if (m_sequencer && item.done && outcome.result) {
            // A resend answered with its first commit's seq (a nonce seen before, perhaps on
            // another instance): like any reply, it goes after that event.
            const qint64 seq = outcome.result->value(QLatin1StringView("seq")).toInteger();
            if (seq > m_sequencer->delivered()) {
                m_sequencer->afterDelivered(
                    seq, [done = std::move(item.done), result = outcome] { done(result); });
                continue;
            }
        }
        if (!outcome.events.isEmpty())
            Q_EMIT committed(outcome.events, outcome.audiences);
        if (item.done)
            item.done(outcome);
    }
}

Status Writer::beginTransaction()
{
    if (!m_sql->isPostgres())
        return transactionStep(*m_sql, QStringLiteral("BEGIN IMMEDIATE"));
    Status begun = transactionStep(*m_sql, QStringLiteral("BEGIN"));
    if (!begun && !m_sql->isAlive()) {
        // PostgreSQL restarted or the network went: one new connection, then the batch.
        qCWarning(lcDb) << "the database connection was lost; connecting again";
        if (Status reopened = m_sql->reopen(); !reopened)
            return reopened;
        begun = transactionStep(*m_sql, QStringLiteral("BEGIN"));
    }
    if (!begun)
        return begun;
    // One lock for every instance's writer, held to COMMIT: seqs are given out and become
    // visible in one order, so a follower reading by seq never sees N+1 before N. The head is
    // read by a statement of its own: one statement's snapshot is taken before its lock.
    Result<QSqlQuery *> locked
        = m_sql->run(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(WriterLockKey));
    if (locked)
        (*locked)->finish();
    Result<QSqlQuery *> head
        = locked ? m_sql->run(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM events")) : locked;
    if (!head || !(*head)->next()) {
        m_sql->execOnce(QStringLiteral("ROLLBACK"));
        return head ? databaseError(QStringLiteral("no head"), QString()) : head.error();
    }
    m_head = (*head)->value(0).toLongLong();
    (*head)->finish();
    return Ok {};
}

void Writer::pruneEvents()
{
    const qint64 keepFrom = m_head - m_retention + 1;
    if (keepFrom <= 1)
        return;
    Result<QSqlQuery *> pruned
        = m_sql->run(QStringLiteral("DELETE FROM events WHERE seq < ?"), {keepFrom});
    if (!pruned)
        qCWarning(lcDb) << "could not prune the event log";
}

} // namespace Hubbub::Server
