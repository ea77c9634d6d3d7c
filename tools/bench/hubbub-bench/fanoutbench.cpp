// fanout: N subscribers, W writers posting R posts/s in total; every subscriber must receive
// every post exactly once. Latency is from the writer's send to a subscriber's receipt, read
// from "t=<steady-clock ns>" in the post's title without parsing the frame.
#include "benchclient.h"
#include "benchoptions.h"
#include "fleet.h"
#include "latencies.h"
#include "modes.h"
#include "postgres.h"
#include "rawfleet.h"
#include "report.h"
#include "targetserver.h"
#include "workerpool.h"

#include <QFile>
#include <QJsonArray>
#include <QTimer>

#include <array>
#include <atomic>
#include <cmath>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>

namespace Hubbub::Bench {

namespace {

constexpr QLatin1StringView Marker("hb w=");
//! 5 posts/s raised by a quarter 23 times is 860 posts/s: 860,000 deliveries/s at N=1000, past
//! what two shared cores sustain (16 steps stopped at 142 posts/s, which hubbub passed).
constexpr int MaxRampSteps = 24;

struct Subscriber
{
    std::vector<qint32> received; //!< per writer, this step
    std::vector<qint32> last; //!< per writer, the last seq seen (-1: none)
};

struct WriterState
{
    BenchClient *client = nullptr;
    int index = 0;
    double rate = 0; //!< posts/s of this writer in the current step
    qint64 startNs = 0;
    qint64 stopNs = 0;
    qint64 phaseNs = 0;
    qint32 sent = 0;
    std::atomic<qint32> acked {0};
    std::atomic<qint32> errors {0};
    std::map<QString, int> errorCodes; //!< on the writer's thread
    std::vector<std::array<qint64, 3>> trace; //!< --trace: seq, sent ns, acked ns
};

//! What one subscriber thread counts (touched on that thread only, or while it waits).
struct SubscriberThread
{
    Latencies latencies;
    Latencies remote; //!< of the subscribers on an instance other than the writers'
    std::vector<std::array<qint64, 4>> trace; //!< --trace: writer, seq, received ns, subscriber
    qint64 duplicates = 0;
    alignas(64) std::atomic<qint64> deliveries {0};
};

//! A writer thread: its writers and its pacing timer.
struct ThreadState
{
    std::vector<WriterState *> writers;
    QTimer *pacer = nullptr;
    alignas(64) std::atomic<qint64> deliveries {0};
};

//! Finds "hb w=W s=S t=T" in an event frame (UTF-8 bytes); false for frames that are not
//! our posts.
bool parseMarker(const char *data, std::size_t size, qint64 &writer, qint64 &seq, qint64 &sentNs)
{
    const void *found = memmem(data, size, Marker.data(), std::size_t(Marker.size()));
    if (!found)
        return false;
    const char *p = static_cast<const char *>(found) + Marker.size();
    const char *end = data + size;
    auto number = [&p, end] {
        qint64 value = 0;
        while (p < end && *p >= '0' && *p <= '9')
            value = value * 10 + (*p++ - '0');
        return value;
    };
    writer = number();
    if (end - p < 3 || std::memcmp(p, " s=", 3) != 0)
        return false;
    p += 3;
    seq = number();
    if (end - p < 3 || std::memcmp(p, " t=", 3) != 0)
        return false;
    p += 3;
    sentNs = number();
    return true;
}

class FanoutRun
{
public:
    FanoutRun(const Options &options, TargetServer &server, Report &report)
        : m_o(options)
        , m_server(server)
        , m_report(report)
        , m_pool(options.threads)
    {
        for (int t = 0; t < m_pool.size(); ++t)
            m_threads.push_back(std::make_unique<ThreadState>());
        m_content = QString(160, u'y');
    }

    ~FanoutRun()
    {
        m_pool.runEach([this](int t) { delete m_threads[std::size_t(t)]->pacer; });
    }

    void run();

private:
    struct StepResult
    {
        double rate = 0;
        qint64 sent = 0;
        qint64 acked = 0;
        qint64 errors = 0;
        qint64 deliveries = 0;
        qint64 lost = 0;
        qint64 duplicates = 0;
        double seconds = 0;
        double serverCpuUs = 0;
        double generatorCpuPct = 0;
        double readWakeupsPerPost = 0;
        Latencies latencies;
        Latencies remote;
        std::vector<double> instanceCpuPct; //!< each instance's CPU, % of one core
        double databaseCpuPct = -1; //!< PostgreSQL's, % of one core
        double databaseCpuUs = -1; //!< PostgreSQL's CPU per delivery
        QString errorCodes;
        bool drained = false;
    };

    bool ensureWriters(int count);
    StepResult step(double rate, double seconds);
    void pace(ThreadState &state);
    void sendPost(WriterState &writer);
    void writeTrace() const;
    //! CPU of every instance together (the one server when there is one).
    qint64 serversCpuMicros() const;
    std::vector<qint64> instanceCpuMicros() const;
    QJsonObject toJson(StepResult &result) const;

    const Options &m_o;
    TargetServer &m_server;
    Report &m_report;
    WorkerPool m_pool;
    std::vector<std::unique_ptr<ThreadState>> m_threads;
    std::vector<std::unique_ptr<WriterState>> m_writers;
    std::vector<std::unique_ptr<SubscriberThread>> m_subThreads;
    std::vector<Subscriber> m_subscribers;
    std::unique_ptr<RawFleet> m_subscriberFleet;
    std::mutex m_writersMutex;
    std::unique_ptr<Fleet> m_writerFleet;
    QString m_content;
    bool m_tracing = false;
};

void FanoutRun::run()
{
    const QStringList tokens = registerUsers(m_pool, m_o.url, m_o.users, m_report);
    if (tokens.isEmpty())
        return;
    m_pool.runEach([this](int t) {
        ThreadState &state = *m_threads[std::size_t(t)];
        state.pacer = new QTimer;
        state.pacer->setTimerType(Qt::PreciseTimer);
        state.pacer->setInterval(1);
        QObject::connect(state.pacer, &QTimer::timeout, [this, &state] { pace(state); });
    });

    m_tracing = !m_o.tracePath.isEmpty() && !m_o.ramp;
    m_subscribers.resize(std::size_t(m_o.subscribers));
    const int subscriberThreads = std::max(1, m_o.subscriberThreads);
    for (int t = 0; t < subscriberThreads; ++t)
        m_subThreads.push_back(std::make_unique<SubscriberThread>());
    // Several instances: subscriber i on instance i % instances, the writers on instance 0.
    const QList<QUrl> urls = m_o.instanceUrls.isEmpty() ? QList<QUrl> {m_o.url} : m_o.instanceUrls;
    const int instances = int(urls.size());
    m_subscriberFleet = std::make_unique<RawFleet>(subscriberThreads, urls, tokens,
        [this, instances](int t, int index, const char *data, std::size_t size) {
            const qint64 now = nowNs();
            qint64 writer = 0;
            qint64 seq = 0;
            qint64 sentNs = 0;
            if (!parseMarker(data, size, writer, seq, sentNs))
                return;
            SubscriberThread &state = *m_subThreads[std::size_t(t)];
            Subscriber &sub = m_subscribers[std::size_t(index)];
            state.deliveries.fetch_add(1, std::memory_order_relaxed);
            state.latencies.add((now - sentNs) / 1000);
            if (index % instances != 0)
                state.remote.add((now - sentNs) / 1000);
            if (m_tracing)
                state.trace.push_back({writer, seq, now, index});
            if (writer >= qint64(sub.received.size())) {
                sub.received.resize(std::size_t(writer + 1), 0);
                sub.last.resize(std::size_t(writer + 1), -1);
            }
            if (seq <= sub.last[std::size_t(writer)]) {
                ++state.duplicates;
                return;
            }
            sub.last[std::size_t(writer)] = qint32(seq);
            ++sub.received[std::size_t(writer)];
        });
    m_subscriberFleet->setReadQuantumUs(m_o.readQuantumUs);
    m_writerFleet = std::make_unique<Fleet>(m_pool, m_o.url, tokens);
    const qint64 connectStart = nowNs();
    const bool connected = m_subscriberFleet->open(m_o.subscribers, 120000);
    m_report.set(QStringLiteral("subscribers"), m_subscriberFleet->authenticated());
    m_report.set(QStringLiteral("subscribeSeconds"), double(nowNs() - connectStart) / 1e9);
    if (!connected) {
        m_report.setFailed(QStringLiteral("%1 of %2 subscribers failed (%3)")
                               .arg(m_subscriberFleet->failed())
                               .arg(m_o.subscribers)
                               .arg(m_subscriberFleet->firstError()));
        return;
    }

    if (!m_o.ramp) {
        const int writers = m_o.writers > 0 ? m_o.writers : int(std::ceil(m_o.rate / 60));
        if (!ensureWriters(writers))
            return;
        StepResult result = step(m_o.rate, m_o.seconds);
        const QJsonObject json = toJson(result);
        for (auto it = json.begin(); it != json.end(); ++it)
            m_report.set(it.key(), it.value());
        if (result.lost > 0 || result.duplicates > 0 || !result.drained)
            m_report.setFailed(QStringLiteral("events lost or duplicated"));
        if (m_tracing)
            writeTrace();
    } else {
        // The sustained rate: raise the post rate by a quarter per step until p99 passes the
        // bound or anything is lost; the best passing step counts.
        QJsonArray steps;
        QJsonObject best;
        double rate = m_o.rate;
        bool capped = true;
        for (int i = 0; i < MaxRampSteps; ++i, rate *= 1.25) {
            if (!ensureWriters(int(std::ceil(rate / 60))))
                break;
            StepResult result = step(rate, m_o.rampStepSeconds);
            const QJsonObject json = toJson(result);
            steps.append(json);
            std::printf("  step %2d: %7.1f posts/s  %9.0f deliveries/s  p99 %8.2f ms  lost %lld"
                        "  errors %lld  generator CPU %.0f%%\n",
                i, rate, json.value(QLatin1StringView("deliveriesPerSec")).toDouble(),
                result.latencies.ms(0.99), result.lost, result.errors, result.generatorCpuPct);
            std::fflush(stdout);
            const bool passed = result.lost == 0 && result.duplicates == 0 && result.drained
                && result.errors == 0 && result.latencies.ms(0.99) < m_o.rampMaxP99Ms;
            if (!passed) {
                capped = false;
                break;
            }
            best = json;
        }
        // Every step passed: the figure is a floor set by the ramp, not the server's limit.
        m_report.set(QStringLiteral("rampReachedLastStep"), capped);
        m_report.set(QStringLiteral("steps"), steps);
        m_report.set(QStringLiteral("sustainedDeliveriesPerSec"),
            best.value(QLatin1StringView("deliveriesPerSec")).toDouble(0));
        m_report.set(QStringLiteral("sustainedPostsPerSec"),
            best.value(QLatin1StringView("postsPerSec")).toDouble(0));
        m_report.set(QStringLiteral("sustainedP99Ms"),
            best.value(QLatin1StringView("latencyP99Ms")).toDouble(0));
    }
    m_report.set(QStringLiteral("serverPeakRssKb"), m_server.peakRssKb());
    m_report.set(QStringLiteral("subscribersClosedByServer"), m_subscriberFleet->closed());
    m_writerFleet->closeAll();
    m_subscriberFleet.reset();
}

bool FanoutRun::ensureWriters(int count)
{
    const int have = m_writerFleet->authenticated();
    if (count <= have)
        return true;
    const bool ok = m_writerFleet->open(
        count - have,
        [this](int t, BenchClient *client, int) {
            ThreadState &state = *m_threads[std::size_t(t)];
            client->setEventHandler([&state](QStringView frame) {
                if (frame.indexOf(Marker) >= 0)
                    state.deliveries.fetch_add(1, std::memory_order_relaxed);
            });
            auto writer = std::make_unique<WriterState>();
            writer->client = client;
            state.writers.push_back(writer.get());
            // Indexes are given out on the main thread in step(), once all are open.
            std::lock_guard lock(m_writersMutex);
            m_writers.push_back(std::move(writer));
        },
        60000);
    if (!ok) {
        m_report.setFailed(
            QStringLiteral("writer connections failed (%1)").arg(m_writerFleet->firstError()));
        return false;
    }
    return true;
}

FanoutRun::StepResult FanoutRun::step(double rate, double seconds)
{
    StepResult result;
    result.rate = rate;
    const int writers = int(m_writers.size());
    const qint64 receivers = m_subscriberFleet->authenticated() + m_writerFleet->authenticated();
    // Reset the counters on each thread; nothing is in flight between steps.
    for (int t = 0; t < m_subscriberFleet->threads(); ++t) {
        m_subscriberFleet->run(t, [this, t] {
            SubscriberThread &state = *m_subThreads[std::size_t(t)];
            for (std::size_t i = std::size_t(t); i < m_subscribers.size();
                 i += std::size_t(m_subscriberFleet->threads())) {
                std::fill(m_subscribers[i].received.begin(), m_subscribers[i].received.end(), 0);
                std::fill(m_subscribers[i].last.begin(), m_subscribers[i].last.end(), -1);
            }
            state.latencies.clear();
            state.remote.clear();
            state.duplicates = 0;
            state.deliveries = 0;
        });
    }
    m_pool.runEach([this](int t) { m_threads[std::size_t(t)]->deliveries = 0; });

    TargetServer::perfCounters(true); // the measured window alone
    const qint64 cpu0 = serversCpuMicros();
    const std::vector<qint64> instanceCpu0 = instanceCpuMicros();
    const qint64 db0 = postgresCpuMicros(m_o.pgDir);
    const qint64 gen0 = m_pool.cpuMicros() + m_subscriberFleet->cpuMicros();
    const qint64 wake0 = m_subscriberFleet->wakeups();
    const qint64 start = nowNs() + 20000000;
    const qint64 stop = start + qint64(seconds * 1e9);
    for (int w = 0; w < writers; ++w) {
        WriterState &writer = *m_writers[std::size_t(w)];
        writer.index = w;
        writer.rate = rate / writers;
        writer.startNs = start;
        writer.stopNs = stop;
        writer.phaseNs = qint64(1e9 / writer.rate * w / writers);
        writer.sent = 0;
        writer.acked = 0;
        writer.errors = 0;
        writer.errorCodes.clear();
    }
    m_pool.runEach([this](int t) { m_threads[std::size_t(t)]->pacer->start(); });

    QThread::usleep(ulong((stop - nowNs()) / 1000));
    auto totals = [&](qint64 &sent, qint64 &acked, qint64 &errors) {
        sent = acked = errors = 0;
        for (auto &w : m_writers) {
            acked += w->acked.load();
            errors += w->errors.load();
        }
        sent = acked + errors;
    };
    qint64 sent = 0;
    qint64 acked = 0;
    qint64 errors = 0;
    result.drained = waitUntil(
        [&] {
            totals(sent, acked, errors);
            qint64 delivered = 0;
            for (auto &t : m_threads)
                delivered += t->deliveries.load();
            for (auto &t : m_subThreads)
                delivered += t->deliveries.load();
            qint64 expectedSent = 0;
            for (auto &w : m_writers)
                expectedSent += qint64(std::floor((stop - start - w->phaseNs) * w->rate / 1e9)) + 1;
            return sent >= expectedSent && delivered >= acked * receivers;
        },
        10000);
    const qint64 end = nowNs();
    const qint64 cpu1 = serversCpuMicros();
    const std::vector<qint64> instanceCpu1 = instanceCpuMicros();
    const qint64 db1 = postgresCpuMicros(m_o.pgDir);
    TargetServer::perfCounters(false);
    const qint64 gen1 = m_pool.cpuMicros() + m_subscriberFleet->cpuMicros();
    const qint64 wake1 = m_subscriberFleet->wakeups();
    m_pool.runEach([this](int t) { m_threads[std::size_t(t)]->pacer->stop(); });
    totals(sent, acked, errors);

    std::map<QString, int> codes;
    for (int t = 0; t < m_subscriberFleet->threads(); ++t) {
        m_subscriberFleet->run(t, [&, t] {
            SubscriberThread &state = *m_subThreads[std::size_t(t)];
            result.latencies.merge(state.latencies);
            result.remote.merge(state.remote);
            result.duplicates += state.duplicates;
            result.deliveries += state.deliveries.load();
            for (std::size_t i = std::size_t(t); i < m_subscribers.size();
                 i += std::size_t(m_subscriberFleet->threads())) {
                const Subscriber &sub = m_subscribers[i];
                for (int w = 0; w < writers; ++w) {
                    const qint32 got
                        = std::size_t(w) < sub.received.size() ? sub.received[std::size_t(w)] : 0;
                    result.lost += std::max<qint64>(0, m_writers[std::size_t(w)]->acked - got);
                }
            }
        });
    }
    m_pool.runEach([&](int t) {
        ThreadState &state = *m_threads[std::size_t(t)];
        result.deliveries += state.deliveries.load();
        for (WriterState *writer : state.writers) {
            result.sent += writer->sent;
            for (auto &[code, n] : writer->errorCodes)
                codes[code] += n;
        }
    });
    result.acked = acked;
    result.errors = errors;
    result.seconds = double(end - start) / 1e9;
    result.serverCpuUs
        = cpu0 >= 0 && result.deliveries > 0 ? double(cpu1 - cpu0) / double(result.deliveries) : -1;
    const double windowUs = double(end - start) / 1000;
    for (std::size_t i = 0; i < instanceCpu0.size(); ++i)
        result.instanceCpuPct.push_back(double(instanceCpu1[i] - instanceCpu0[i]) / windowUs * 100);
    if (db0 >= 0 && db1 >= 0) {
        result.databaseCpuPct = double(db1 - db0) / windowUs * 100;
        if (result.deliveries > 0)
            result.databaseCpuUs = double(db1 - db0) / double(result.deliveries);
    }
    result.readWakeupsPerPost = acked > 0 ? double(wake1 - wake0) / double(acked) : 0;
    result.generatorCpuPct = 100.0 * double(gen1 - gen0) / (double(end - start) / 1000);
    for (auto &[code, n] : codes)
        result.errorCodes += QStringLiteral("%1:%2 ").arg(code).arg(n);
    return result;
}

qint64 FanoutRun::serversCpuMicros() const
{
    if (m_o.instancePids.size() <= 1)
        return m_server.cpuMicros();
    qint64 total = 0;
    for (qint64 pid : m_o.instancePids)
        total += TargetServer::cpuMicrosOf(pid);
    return total;
}

std::vector<qint64> FanoutRun::instanceCpuMicros() const
{
    std::vector<qint64> cpu;
    for (qint64 pid : m_o.instancePids)
        cpu.push_back(TargetServer::cpuMicrosOf(pid));
    return cpu;
}

void FanoutRun::pace(ThreadState &state)
{
    const qint64 now = nowNs();
    for (WriterState *writer : state.writers) {
        if (writer->rate <= 0 || now < writer->startNs + writer->phaseNs)
            continue;
        const qint64 until = std::min(now, writer->stopNs);
        const auto due
            = qint32(std::floor((until - writer->startNs - writer->phaseNs) * writer->rate / 1e9))
            + 1;
        while (writer->sent < due)
            sendPost(*writer);
    }
}

void FanoutRun::sendPost(WriterState &writer)
{
    const qint32 seq = writer.sent++;
    const qint64 sentNs = nowNs();
    const QString title
        = QStringLiteral("hb w=%1 s=%2 t=%3").arg(writer.index).arg(seq).arg(sentNs);
    WriterState *w = &writer;
    const bool tracing = m_tracing;
    if (tracing)
        writer.trace.push_back({seq, sentNs, 0});
    const std::size_t slot = writer.trace.size() - 1;
    writer.client->request(QStringLiteral("post.create"),
        {{QStringLiteral("title"), title}, {QStringLiteral("content"), m_content}},
        [w, tracing, slot, sentNs](const QJsonObject &reply) {
            if (tracing && slot < w->trace.size() && w->trace[slot][1] == sentNs)
                w->trace[slot][2] = nowNs();
            const QString code = BenchClient::errorCode(reply);
            if (code.isEmpty()) {
                w->acked.fetch_add(1);
            } else {
                ++w->errorCodes[code];
                w->errors.fetch_add(1);
            }
        });
}

void FanoutRun::writeTrace() const
{
    // Plain text, one record a line: "post W S SENT ACKED" and "recv W S RECEIVED SUBSCRIBER",
    // steady-clock nanoseconds (CLOCK_MONOTONIC, as perf record -k mono).
    QFile file(m_o.tracePath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_report.setFailed(QStringLiteral("cannot write %1").arg(m_o.tracePath));
        return;
    }
    QByteArray out;
    for (const auto &writer : m_writers) {
        for (const auto &[seq, sent, acked] : writer->trace)
            out += "post " + QByteArray::number(writer->index) + ' ' + QByteArray::number(seq) + ' '
                + QByteArray::number(sent) + ' ' + QByteArray::number(acked) + '\n';
    }
    for (const auto &thread : m_subThreads) {
        for (const auto &[writer, seq, received, subscriber] : thread->trace) {
            out += "recv " + QByteArray::number(writer) + ' ' + QByteArray::number(seq) + ' '
                + QByteArray::number(received) + ' ' + QByteArray::number(subscriber) + '\n';
            if (out.size() > (1 << 20)) {
                file.write(out);
                out.clear();
            }
        }
    }
    file.write(out);
}

QJsonObject FanoutRun::toJson(StepResult &r) const
{
    QJsonObject json;
    json.insert(QStringLiteral("postsPerSecOffered"), r.rate);
    json.insert(QStringLiteral("writers"), int(m_writers.size()));
    json.insert(QStringLiteral("subscribers"), m_subscriberFleet->authenticated());
    json.insert(QStringLiteral("posts"), r.sent);
    json.insert(QStringLiteral("postsAcked"), r.acked);
    json.insert(QStringLiteral("postErrors"), r.errors);
    json.insert(QStringLiteral("postErrorCodes"), r.errorCodes.trimmed());
    json.insert(QStringLiteral("postsPerSec"), std::round(double(r.acked) / r.seconds * 10) / 10);
    json.insert(QStringLiteral("deliveries"), r.deliveries);
    json.insert(QStringLiteral("deliveriesPerSec"), std::round(double(r.deliveries) / r.seconds));
    json.insert(QStringLiteral("eventsLost"), r.lost);
    json.insert(QStringLiteral("eventsDuplicated"), r.duplicates);
    json.insert(QStringLiteral("drained"), r.drained);
    json.insert(QStringLiteral("serverCpuUsPerDelivery"), std::round(r.serverCpuUs * 100) / 100);
    json.insert(QStringLiteral("generatorCpuPercent"), std::round(r.generatorCpuPct));
    json.insert(
        QStringLiteral("subscriberReadsPerPost"), std::round(r.readWakeupsPerPost * 10) / 10);
    json.insert(QStringLiteral("readQuantumUs"), m_o.readQuantumUs);
    json.insert(QStringLiteral("windowSeconds"), std::round(r.seconds * 100) / 100);
    r.latencies.addTo(json, QStringLiteral("latency"));
    if (r.remote.count() > 0)
        r.remote.addTo(json, QStringLiteral("remoteLatency"));
    if (!r.instanceCpuPct.empty()) {
        QJsonArray cpu;
        for (double pct : r.instanceCpuPct)
            cpu.append(std::round(pct));
        json.insert(QStringLiteral("instanceCpuPercent"), cpu);
    }
    if (r.databaseCpuPct >= 0) {
        json.insert(QStringLiteral("databaseCpuPercent"), std::round(r.databaseCpuPct));
        json.insert(
            QStringLiteral("databaseCpuUsPerDelivery"), std::round(r.databaseCpuUs * 100) / 100);
    }
    return json;
}

} // namespace

void runFanout(const Options &options, TargetServer &server, Report &report)
{
    FanoutRun run(options, server, report);
    run.run();
}

} // namespace Hubbub::Bench
