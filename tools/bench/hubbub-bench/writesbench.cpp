// writes: C connections offering R creates/s in total, open loop (each create is sent at its
// scheduled time whether or not earlier ones were answered); ack latency is counted from the
// scheduled time, so a stalled generator cannot hide server delay. Every create is also an
// event to every connection, so the connections are plain sockets (RawFleet) that skip the
// events cheaply.
#include "benchoptions.h"
#include "fleet.h"
#include "latencies.h"
#include "modes.h"
#include "postgres.h"
#include "rawfleet.h"
#include "report.h"
#include "targetserver.h"
#include "workerpool.h"

#include <QJsonDocument>
#include <QRegularExpression>

#include <atomic>
#include <cmath>
#include <cstring>
#include <deque>
#include <map>

namespace Hubbub::Bench {

namespace {

struct Sender
{
    double rate = 0;
    qint64 startNs = 0;
    qint64 stopNs = 0;
    qint64 phaseNs = 0;
    qint64 sent = 0;
    std::deque<qint64> scheduled; //!< of the creates not answered yet, in order
};

struct WritesThread
{
    Latencies latencies;
    std::map<QString, qint64> errorCodes;
    std::atomic<qint64> acked {0};
    std::atomic<qint64> errors {0};
    std::atomic<qint64> sent {0};
    std::atomic<qint64> events {0};
};

bool contains(const char *data, std::size_t size, const char *needle)
{
    return memmem(data, size, needle, std::strlen(needle)) != nullptr;
}

//! Both servers put `type` first or last; the middle is searched only when neither matches.
bool isReply(const char *data, std::size_t size)
{
    constexpr char head[] = "{\"type\":\"reply\"";
    constexpr char tail[] = "\"type\":\"reply\"}";
    if (size >= sizeof head - 1 && std::memcmp(data, head, sizeof head - 1) == 0)
        return true;
    if (size >= sizeof tail - 1
        && std::memcmp(data + size - (sizeof tail - 1), tail, sizeof tail - 1) == 0)
        return true;
    if (size > 8 && std::memcmp(data, "{\"type\":", 8) == 0)
        return false;
    return contains(data, size, "\"type\":\"reply\"");
}

} // namespace

void runWrites(const Options &o, TargetServer &server, Report &report)
{
    WorkerPool pool(1);
    const QStringList tokens = registerUsers(pool, o.url, o.users, report);
    if (tokens.isEmpty())
        return;
    const int threads = o.threads;
    std::vector<std::unique_ptr<WritesThread>> state;
    for (int t = 0; t < threads; ++t)
        state.push_back(std::make_unique<WritesThread>());
    std::vector<Sender> senders(std::size_t(o.connections));
    const QByteArray text(200, 'w');
    const QByteArray run = QByteArray::number(nowNs(), 36);

    RawFleet fleet(
        threads, o.url, tokens, [&](int t, int index, const char *data, std::size_t size) {
            WritesThread &st = *state[std::size_t(t)];
            if (!isReply(data, size)) {
                st.events.fetch_add(1, std::memory_order_relaxed);
                return;
            }
            Sender &s = senders[std::size_t(index)];
            if (s.scheduled.empty())
                return;
            const qint64 scheduled = s.scheduled.front();
            s.scheduled.pop_front();
            if (contains(data, size, "\"ok\":true")) {
                st.latencies.add((nowNs() - scheduled) / 1000);
                st.acked.fetch_add(1, std::memory_order_relaxed);
                return;
            }
            const QJsonObject reply
                = QJsonDocument::fromJson(QByteArray(data, qsizetype(size))).object();
            QString code = reply.value(QLatin1StringView("error"))
                               .toObject()
                               .value(QLatin1StringView("code"))
                               .toString();
            ++st.errorCodes[code.isEmpty() ? QStringLiteral("malformed") : code];
            st.errors.fetch_add(1, std::memory_order_relaxed);
        });
    if (!fleet.open(o.connections, 120000)) {
        report.setFailed(QStringLiteral("%1 connections failed (%2)")
                             .arg(fleet.failed())
                             .arg(fleet.firstError()));
        return;
    }

    const qint64 start = nowNs() + 50000000;
    const qint64 stop = start + qint64(o.seconds * 1e9);
    const int connections = o.connections;
    for (int i = 0; i < connections; ++i) {
        Sender &s = senders[std::size_t(i)];
        s.rate = o.rate / connections;
        s.startNs = start;
        s.stopNs = stop;
        s.phaseNs = qint64(1e9 / s.rate * i / connections);
    }
    const qint64 cpu0 = server.cpuMicros();
    const qint64 db0 = postgresCpuMicros(o.pgDir);
    const qint64 gen0 = fleet.cpuMicros();
    fleet.setTicker([&](int t) {
        const qint64 now = nowNs();
        WritesThread &st = *state[std::size_t(t)];
        for (int i = t; i < connections; i += threads) {
            Sender &s = senders[std::size_t(i)];
            const qint64 until = std::min(now, s.stopNs);
            if (until < s.startNs + s.phaseNs)
                continue;
            const auto due = qint64(std::floor((until - s.startNs - s.phaseNs) * s.rate / 1e9)) + 1;
            while (s.sent < due) {
                const qint64 k = s.sent++;
                s.scheduled.push_back(s.startNs + s.phaseNs + qint64(double(k) * 1e9 / s.rate));
                const QByteArray request
                    = "{\"type\":\"chat.send\",\"id\":" + QByteArray::number(k + 10)
                    + ",\"channelId\":1,\"text\":\"" + text + "\",\"nonce\":\"" + run + '-'
                    + QByteArray::number(i) + '-' + QByteArray::number(k) + "\"}";
                fleet.send(t, i, request);
                st.sent.fetch_add(1, std::memory_order_relaxed);
            }
        }
    });

    QThread::usleep(ulong(std::max<qint64>(0, stop - nowNs()) / 1000));
    // What the server kept up with while it was offered the load: beyond its capacity the wait
    // for late answers below stretches the window, and acksPerSec then mixes in the drain.
    qint64 ackedAtStop = 0;
    for (auto &t : state)
        ackedAtStop += t->acked.load();
    const qint64 offered = qint64(std::llround(o.rate * o.seconds));
    // Answers still owed after the offered window count against the run, not for it.
    const bool answered = waitUntil(
        [&] {
            qint64 done = 0;
            qint64 sent = 0;
            for (auto &t : state) {
                done += t->acked.load() + t->errors.load();
                sent += t->sent.load();
            }
            return sent >= offered - connections && done >= sent;
        },
        15000);
    const qint64 end = nowNs();
    const qint64 cpu1 = server.cpuMicros();
    const qint64 db1 = postgresCpuMicros(o.pgDir);
    const qint64 gen1 = fleet.cpuMicros();
    fleet.setTicker(nullptr);

    Latencies latencies;
    qint64 acked = 0;
    qint64 errors = 0;
    qint64 sent = 0;
    qint64 events = 0;
    std::map<QString, qint64> codes;
    for (int t = 0; t < threads; ++t) {
        fleet.run(t, [&, t] {
            WritesThread &st = *state[std::size_t(t)];
            latencies.merge(st.latencies);
            acked += st.acked;
            errors += st.errors;
            sent += st.sent;
            events += st.events;
            for (auto &[code, n] : st.errorCodes)
                codes[code] += n;
        });
    }
    QString codeText;
    for (auto &[code, n] : codes)
        codeText += QStringLiteral("%1:%2 ").arg(code).arg(n);

    const double window = double(end - start) / 1e9;
    report.set(QStringLiteral("connections"), connections);
    report.set(QStringLiteral("durability"), o.durability);
    report.set(QStringLiteral("offeredPerSec"), o.rate);
    report.set(QStringLiteral("sent"), sent);
    report.set(QStringLiteral("acked"), acked);
    report.set(QStringLiteral("errors"), errors);
    report.set(QStringLiteral("errorCodes"), codeText.trimmed());
    report.set(QStringLiteral("allAnswered"), answered);
    report.set(QStringLiteral("windowSeconds"), std::round(window * 100) / 100);
    // Over the offered window plus the wait for late answers: a server that falls behind
    // stretches the window and lowers the rate.
    report.set(QStringLiteral("acksPerSec"), std::round(double(acked) / window));
    report.set(QStringLiteral("acksPerSecWhileOffered"),
        std::round(double(ackedAtStop) / double(stop - start) * 1e9));
    report.set(QStringLiteral("eventsReceived"), events);
    report.set(
        QStringLiteral("generatorCpuPercent"), std::round(100.0 * (gen1 - gen0) / (window * 1e6)));
    latencies.addTo(report.results(), QStringLiteral("ack"));
    if (cpu0 >= 0 && acked > 0)
        report.set(
            QStringLiteral("serverCpuUsPerCreate"), std::round((cpu1 - cpu0) / double(acked)));

    // PostgreSQL's own processes (the server's backends, the WAL writer): part of each create's
    // cost that the server's CPU does not show.
    if (db0 >= 0 && db1 >= 0 && acked > 0) {
        report.set(
            QStringLiteral("databaseCpuUsPerCreate"), std::round((db1 - db0) / double(acked)));
        report.set(QStringLiteral("databaseCpuPercent"),
            std::round(100.0 * double(db1 - db0) / (window * 1e6)));
    }
    if (cpu0 >= 0)
        report.set(QStringLiteral("serverCpuPercent"),
            std::round(100.0 * double(cpu1 - cpu0) / (window * 1e6)));

    // Rows per commit: only the server knows. If it logs its writer statistics when it stops
    // ("N jobs in M transactions"), read them.
    server.stop();
    static const QRegularExpression stats(QStringLiteral("([0-9]+) jobs in ([0-9]+) transactions"));
    const QRegularExpressionMatch match = stats.match(QString::fromUtf8(server.log()));
    if (match.hasMatch() && match.captured(2).toDouble() > 0) {
        report.set(QStringLiteral("rowsPerCommit"),
            std::round(match.captured(1).toDouble() / match.captured(2).toDouble() * 10) / 10);
    }
}

} // namespace Hubbub::Bench
