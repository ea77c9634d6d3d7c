#include "metrics/metrics.h"

#include <QDateTime>
#include <QFileInfo>
#include <QLocale>
#include <QStorageInfo>

#include <algorithm>

namespace Hubbub::Server {

namespace {

QByteArray number(double value)
{
    return QByteArray::number(value, 'f', QLocale::FloatingPointShortest);
}

//! A label value as the text format wants it: backslash, double quote and line feed escaped.
QByteArray labelValue(const QString &value)
{
    QByteArray escaped;
    const QByteArray utf8 = value.toUtf8();
    escaped.reserve(utf8.size());
    for (char c : utf8) {
        if (c == '\\' || c == '"')
            escaped.append('\\').append(c);
        else if (c == '\n')
            escaped.append("\\n");
        else
            escaped.append(c);
    }
    return escaped;
}

//! Appends the # HELP and # TYPE lines of one metric.
void header(QByteArray &out, const char *name, const char *type, const char *help)
{
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
}

void sample(QByteArray &out, const char *name, const QByteArray &value)
{
    out.append(name).append(' ').append(value).append('\n');
}

void gauge(QByteArray &out, const char *name, const char *help, qint64 value)
{
    header(out, name, "gauge", help);
    sample(out, name, QByteArray::number(value));
}

void histogram(QByteArray &out, const char *name, const char *help, const Histogram &histogram)
{
    header(out, name, "histogram", help);
    const Histogram::Snapshot snapshot = histogram.snapshot();
    for (std::size_t i = 0; i < snapshot.cumulative.size(); ++i) {
        const QByteArray le
            = i < snapshot.bounds.size() ? number(snapshot.bounds[i]) : QByteArray("+Inf");
        out.append(name).append("_bucket{le=\"").append(le).append("\"} ");
        out.append(QByteArray::number(snapshot.cumulative[i])).append('\n');
    }
    out.append(name).append("_sum ").append(number(snapshot.sum)).append('\n');
    out.append(name).append("_count ").append(QByteArray::number(snapshot.count())).append('\n');
}

QByteArray typeLabel(std::size_t slot)
{
    return slot < messageTypeNames.size() ? QByteArray(messageTypeNames[slot])
                                          : QByteArray("unknown");
}

std::vector<double> powersOfTwo(double last)
{
    std::vector<double> bounds;
    for (double bound = 1; bound <= last; bound *= 2)
        bounds.push_back(bound);
    return bounds;
}

} // namespace

Histogram::Histogram(std::vector<double> bounds)
    : m_bounds(std::move(bounds))
    , m_buckets(std::make_unique<std::atomic<quint64>[]>(m_bounds.size() + 1))
{
    Q_ASSERT(std::is_sorted(m_bounds.cbegin(), m_bounds.cend()));
}

void Histogram::observe(double value)
{
    // The first bucket whose bound is at least the value ("le": less than or equal).
    const auto at = std::lower_bound(m_bounds.cbegin(), m_bounds.cend(), value);
    m_buckets[std::size_t(at - m_bounds.cbegin())].fetch_add(1, std::memory_order_relaxed);
    double sum = m_sum.load(std::memory_order_relaxed);
    while (!m_sum.compare_exchange_weak(sum, sum + value, std::memory_order_relaxed)) { }
}

Histogram::Snapshot Histogram::snapshot() const
{
    Snapshot snapshot;
    snapshot.bounds = m_bounds;
    snapshot.cumulative.reserve(m_bounds.size() + 1);
    quint64 total = 0;
    for (std::size_t i = 0; i <= m_bounds.size(); ++i) {
        total += m_buckets[i].load(std::memory_order_relaxed);
        snapshot.cumulative.push_back(total);
    }
    snapshot.sum = m_sum.load(std::memory_order_relaxed);
    return snapshot;
}

DiskSample DiskSample::read(const QString &databasePath)
{
    DiskSample disk;
    const QFileInfo database(databasePath);
    if (database.exists()) {
        const QFileInfo wal(databasePath + QStringLiteral("-wal"));
        disk.databaseBytes = database.size() + (wal.exists() ? wal.size() : 0);
    }
    const QStorageInfo storage(database.absolutePath());
    if (storage.isValid() && storage.isReady())
        disk.freeBytes = storage.bytesAvailable();
    return disk;
}

Metrics::Metrics()
    // Jobs per commit: 1 when idle, up to the writer's 4096 under load.
    : writerBatchJobs(powersOfTwo(4096))
    // Commits with synchronous=FULL take a few ms on an SSD, tens on a disk.
    , commitSeconds(
          {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10})
    , m_startedMs(QDateTime::currentMSecsSinceEpoch())
{
    m_clock.start();
}

std::size_t Metrics::slotOf(std::optional<MessageType> type)
{
    return type ? std::size_t(*type) : TypeSlots - 1;
}

void Metrics::countRequest(std::optional<MessageType> type)
{
    m_requests[slotOf(type)].add();
}

void Metrics::countError(std::optional<MessageType> type, ErrorCode code)
{
    m_errors[slotOf(type)][std::size_t(code)].add();
}

quint64 Metrics::requests(std::optional<MessageType> type) const
{
    return m_requests[slotOf(type)].value();
}

quint64 Metrics::errors(std::optional<MessageType> type, ErrorCode code) const
{
    return m_errors[slotOf(type)][std::size_t(code)].value();
}

QByteArray Metrics::exposition(const NetworkSample &network, const DiskSample &disk) const
{
    QByteArray out;
    out.reserve(16 * 1024);

    header(out, "hubbub_build_info", "gauge",
        "The running build: its version and the Qt it runs on, as labels; the value is 1.");
    out.append("hubbub_build_info{version=\"")
        .append(labelValue(QStringLiteral(HUBBUB_VERSION)))
        .append("\",qt=\"")
        .append(labelValue(QString::fromLatin1(qVersion())))
        .append("\"} 1\n");
    header(out, "hubbub_start_time_seconds", "gauge",
        "When the server started, in seconds since the Unix epoch.");
    sample(out, "hubbub_start_time_seconds", number(double(m_startedMs) / 1000));
    header(out, "hubbub_uptime_seconds", "gauge", "Seconds since the server started.");
    sample(out, "hubbub_uptime_seconds", number(double(m_clock.elapsed()) / 1000));

    gauge(out, "hubbub_listening",
        "1 while the WebSocket port is open and the server is not shutting down, else 0.",
        network.listening ? 1 : 0);
    gauge(out, "hubbub_connections", "Open WebSocket connections.", network.connections);
    gauge(out, "hubbub_handshaking_connections",
        "TCP connections still in the TLS or WebSocket handshake.", network.handshakes);
    gauge(out, "hubbub_authenticated_connections", "WebSocket connections that are signed in.",
        network.authenticated);
    gauge(out, "hubbub_signed_in_users", "Distinct users with at least one signed-in connection.",
        network.users);
    gauge(out, "hubbub_unsent_bytes",
        "Bytes accepted for sending on every connection that the kernel has not taken yet.",
        network.unsentBytes);

    header(out, "hubbub_requests_total", "counter",
        "Request frames received, by type (\"unknown\": the type could not be read).");
    for (std::size_t slot = 0; slot < TypeSlots; ++slot) {
        out.append("hubbub_requests_total{type=\"").append(typeLabel(slot)).append("\"} ");
        out.append(QByteArray::number(m_requests[slot].value())).append('\n');
    }
    header(out, "hubbub_errors_total", "counter",
        "Error replies, by request type and error code; a series appears with its first error.");
    for (std::size_t slot = 0; slot < TypeSlots; ++slot) {
        for (std::size_t code = 0; code < CodeSlots; ++code) {
            const quint64 count = m_errors[slot][code].value();
            if (count == 0)
                continue;
            out.append("hubbub_errors_total{type=\"").append(typeLabel(slot));
            out.append("\",code=\"").append(errorCodeName(ErrorCode(code)).toLatin1());
            out.append("\"} ").append(QByteArray::number(count)).append('\n');
        }
    }

    header(out, "hubbub_events_stored_total", "counter",
        "Events committed to the event log (rate() gives events per second).");
    sample(out, "hubbub_events_stored_total", QByteArray::number(eventsStored.value()));
    header(out, "hubbub_deliveries_total", "counter",
        "Event frames handed to signed-in connections to send (rate() gives deliveries per "
        "second).");
    sample(out, "hubbub_deliveries_total", QByteArray::number(deliveries.value()));
    histogram(out, "hubbub_writer_batch_jobs",
        "Jobs (changes) committed together in one writer transaction.", writerBatchJobs);
    histogram(out, "hubbub_writer_commit_duration_seconds",
        "Time of one writer transaction, from BEGIN to the end of COMMIT (with its sync to "
        "disk).",
        commitSeconds);

    if (disk.databaseBytes >= 0) {
        gauge(out, "hubbub_database_size_bytes",
            "Size of the SQLite database file and its write-ahead log.", disk.databaseBytes);
    }
    if (disk.freeBytes >= 0) {
        gauge(out, "hubbub_database_filesystem_free_bytes",
            "Bytes available to the server on the file system that holds the database.",
            disk.freeBytes);
    }
    return out;
}

} // namespace Hubbub::Server
