#pragma once

#include "error.h"
#include "messagetype.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QString>

#include <array>
#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace Hubbub::Server {

//! A count that only goes up: bumped from any thread (one relaxed atomic add), read by a scrape.
class Counter
{
public:
    void add(quint64 n = 1) { m_value.fetch_add(n, std::memory_order_relaxed); }
    quint64 value() const { return m_value.load(std::memory_order_relaxed); }

private:
    std::atomic<quint64> m_value {0};
};

//! A Prometheus histogram with fixed upper bounds. Observed by one thread at a time (the
//! writer), read by a scrape on another: each bucket is counted on its own, and a snapshot adds
//! them up, so its `_count` is always its `+Inf` bucket whatever runs meanwhile.
class Histogram
{
public:
    //! `bounds`: the buckets' upper bounds ("le"), ascending; `+Inf` comes on top.
    explicit Histogram(std::vector<double> bounds);

    void observe(double value);

    struct Snapshot
    {
        std::vector<double> bounds;
        std::vector<quint64> cumulative; //!< one per bound, then +Inf (= count)
        double sum = 0;
        quint64 count() const { return cumulative.empty() ? 0 : cumulative.back(); }
    };
    Snapshot snapshot() const;

private:
    std::vector<double> m_bounds;
    std::unique_ptr<std::atomic<quint64>[]> m_buckets; //!< per bucket, not cumulative
    std::atomic<double> m_sum {0};
};

//! What the network thread reports when a scrape asks (Server::sampleNetwork): read there from
//! the connections it owns, so nothing on its hot path keeps these up to date.
struct NetworkSample
{
    bool listening = false; //!< the WebSocket port is open and the server is not shutting down
    qint64 connections = 0; //!< WebSocket connections (upgraded)
    qint64 handshakes = 0; //!< TCP connections still in the TLS/WebSocket handshake
    qint64 authenticated = 0; //!< connections signed in
    qint64 users = 0; //!< distinct users signed in
    qint64 unsentBytes = 0; //!< accepted for sending, not yet taken by the kernel
};

//! What the metrics thread reads from the file system at scrape time, off the network thread.
struct DiskSample
{
    qint64 databaseBytes = -1; //!< the database file plus its -wal file; -1: unreadable
    qint64 freeBytes = -1; //!< available to the server on the database's file system; -1: unknown

    //! Reads both for the database at `databasePath` (a few stat calls).
    static DiskSample read(const QString &databasePath);
};

//! The server's counters, in one object the layers report into: the network thread counts
//! requests, errors and deliveries; the writer thread counts events, batches and commit times.
//! Every field is safe to bump from its thread while a scrape reads it from another; nothing
//! here locks. Rendered in the Prometheus text format (version 0.0.4) by exposition().
class Metrics final
{
public:
    Metrics();
    Q_DISABLE_COPY_MOVE(Metrics)

    //! A request frame of a known type, or one whose type could not be read (nullopt).
    void countRequest(std::optional<MessageType> type);
    //! An error reply to a request of that type (nullopt: its type could not be read).
    void countError(std::optional<MessageType> type, ErrorCode code);

    // The network thread's.
    Counter deliveries; //!< event frames handed to connections to send
    // The writer thread's, on cache lines of their own.
    alignas(64) Counter eventsStored; //!< events committed to the log
    Histogram writerBatchJobs; //!< jobs per writer transaction
    Histogram commitSeconds; //!< BEGIN to the end of COMMIT, per writer transaction

    quint64 requests(std::optional<MessageType> type) const;
    quint64 errors(std::optional<MessageType> type, ErrorCode code) const;

    //! The whole exposition: every metric with its # HELP and # TYPE. Error series that are
    //! still zero are left out (types × codes would be hundreds of lines of zeros).
    QByteArray exposition(const NetworkSample &network, const DiskSample &disk) const;

    static constexpr std::size_t TypeSlots = messageTypeNames.size() + 1; //!< + "unknown"
    static constexpr std::size_t CodeSlots = std::size_t(ErrorCode::Internal) + 1;

private:
    static std::size_t slotOf(std::optional<MessageType> type);

    qint64 m_startedMs; //!< Unix time in ms
    QElapsedTimer m_clock; //!< since the start; only read after the constructor
    alignas(64) std::array<Counter, TypeSlots> m_requests;
    std::array<std::array<Counter, CodeSlots>, TypeSlots> m_errors;
};

} // namespace Hubbub::Server
