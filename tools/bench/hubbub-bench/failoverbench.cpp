// failover: N clients signed in on instance A of several hubbub-server instances on one
// PostgreSQL database. A is killed (SIGKILL); each client, as soon as its connection closes,
// connects to instance B, says hello, signs in with its token and asks `sync` from the last
// seq it saw. The figure is the time from the kill to that `sync` answered, per client. An
// event posted through B right after the kill must reach every client (by `sync` or live).
#include "benchclient.h"
#include "benchoptions.h"
#include "fleet.h"
#include "latencies.h"
#include "modes.h"
#include "report.h"
#include "targetserver.h"
#include "workerpool.h"

#include <QJsonArray>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <memory>

namespace Hubbub::Bench {

namespace {

constexpr int MaxAttempts = 20;
constexpr int RetryMs = 50;

//! One client; touched on its thread only (or by the main thread while nothing runs).
struct FailoverClient
{
    int thread = 0;
    QString token;
    BenchClient *client = nullptr;
    std::atomic<qint64> lastSeq {-1};
    qint64 closedNs = 0;
    qint64 resumedNs = 0;
    qint64 syncEvents = -1;
    int attempts = 0;
    bool failed = false;
    QString why;
};

//! The seq of an event frame, or -1. hubbub-server writes its keys in order (`event`, the
//! payload, `seq`, `type`), so the top-level `seq` is the last one.
qint64 eventSeq(QStringView frame)
{
    const qsizetype at = frame.lastIndexOf(QLatin1StringView("\"seq\":"));
    if (at < 0 || !frame.contains(QLatin1StringView("\"type\":\"event\"")))
        return -1;
    qint64 seq = 0;
    for (qsizetype i = at + 6; i < frame.size() && frame[i].isDigit(); ++i)
        seq = seq * 10 + frame[i].digitValue();
    return seq;
}

class FailoverRun
{
public:
    FailoverRun(const Options &o, std::vector<TargetServer *> &servers, Report &report)
        : m_o(o)
        , m_servers(servers)
        , m_report(report)
        , m_pool(o.threads)
    { }
    void run();

private:
    //! Connects `c` to `url`, hello, auth.token; then `sync` from its last seq when `resume`.
    void connect(FailoverClient &c, const QUrl &url, bool resume);
    void failed(FailoverClient &c, const QUrl &url, bool resume, const QString &why);

    const Options &m_o;
    std::vector<TargetServer *> &m_servers;
    Report &m_report;
    WorkerPool m_pool;
    std::vector<std::unique_ptr<FailoverClient>> m_clients;
    std::atomic<int> m_signedIn {0};
    std::atomic<int> m_resumed {0};
    std::atomic<int> m_failed {0};
    std::atomic<bool> m_killed {false};
    qint64 m_killNs = 0;
};

void FailoverRun::connect(FailoverClient &c, const QUrl &url, bool resume)
{
    ++c.attempts;
    auto *client = new BenchClient(m_pool.context(c.thread));
    c.client = client;
    client->setEventHandler([&c](QStringView frame) {
        const qint64 seq = eventSeq(frame);
        if (seq > c.lastSeq.load(std::memory_order_relaxed))
            c.lastSeq.store(seq, std::memory_order_relaxed);
    });
    client->open(url, [this, &c, client, url, resume](bool opened) {
        if (!opened)
            return failed(c, url, resume, QStringLiteral("could not connect"));
        client->request(QStringLiteral("hello"),
            {{QStringLiteral("protocol"), 1},
                {QStringLiteral("client"), QStringLiteral("hubbub-bench/1")}},
            nullptr);
        client->request(QStringLiteral("auth.token"), {{QStringLiteral("token"), c.token}},
            [this, &c, client, url, resume](const QJsonObject &reply) {
                if (const QString code = BenchClient::errorCode(reply); !code.isEmpty())
                    return failed(c, url, resume, QStringLiteral("auth.token: ") + code);
                if (!resume) {
                    // Once signed in on A: its death is what we wait for.
                    client->setClosedHandler([this, &c] {
                        if (!m_killed.load())
                            return;
                        c.closedNs = nowNs();
                        connect(c, m_o.instanceUrls.at(1), true);
                    });
                    m_signedIn.fetch_add(1);
                    return;
                }
                client->request(QStringLiteral("sync"),
                    {{QStringLiteral("since"), std::max<qint64>(0, c.lastSeq.load())}},
                    [this, &c, url](const QJsonObject &reply) {
                        if (const QString code = BenchClient::errorCode(reply); !code.isEmpty())
                            return failed(c, url, true, QStringLiteral("sync: ") + code);
                        c.resumedNs = nowNs();
                        const QJsonArray events
                            = reply.value(QLatin1StringView("events")).toArray();
                        c.syncEvents = events.size();
                        for (const QJsonValue &event : events) {
                            const qint64 seq
                                = event.toObject().value(QLatin1StringView("seq")).toInteger(-1);
                            if (seq > c.lastSeq.load())
                                c.lastSeq.store(seq);
                        }
                        m_resumed.fetch_add(1);
                    });
            });
    });
}

void FailoverRun::failed(FailoverClient &c, const QUrl &url, bool resume, const QString &why)
{
    c.client->setClosedHandler(nullptr);
    c.client->deleteLater();
    c.client = nullptr;
    if (resume && c.attempts < MaxAttempts) {
        // Another instance refusing for a moment (a full backlog): try again shortly, as an
        // app's reconnect would.
        QTimer::singleShot(RetryMs, m_pool.context(c.thread),
            [this, &c, url, resume] { connect(c, url, resume); });
        return;
    }
    c.failed = true;
    c.why = why;
    m_failed.fetch_add(1);
}

void FailoverRun::run()
{
    if (m_servers.size() < 2 || m_o.instanceUrls.size() < 2) {
        m_report.setFailed(QStringLiteral("failover needs two instances"));
        return;
    }
    const QUrl urlA = m_o.instanceUrls.at(0);
    const QUrl urlB = m_o.instanceUrls.at(1);
    const QStringList tokens = registerUsers(m_pool, urlA, m_o.users, m_report);
    if (tokens.isEmpty())
        return;
    const int count = m_o.connections;
    for (int i = 0; i < count; ++i) {
        auto c = std::make_unique<FailoverClient>();
        c->thread = i % m_pool.size();
        c->token = tokens.at(i % tokens.size());
        m_clients.push_back(std::move(c));
    }
    // In batches, so that the server's handshakes and logins are not all in flight at once.
    const qint64 connectStart = nowNs();
    for (int from = 0; from < count; from += 50) {
        const int to = std::min(count, from + 50);
        for (int i = from; i < to; ++i) {
            FailoverClient &c = *m_clients[std::size_t(i)];
            m_pool.post(c.thread, [this, &c, urlA] { connect(c, urlA, false); });
        }
        waitUntil([&] { return m_signedIn.load() + m_failed.load() >= to; }, 30000);
    }
    m_report.set(QStringLiteral("clients"), m_signedIn.load());
    m_report.set(QStringLiteral("connectSeconds"), double(nowNs() - connectStart) / 1e9);
    if (m_signedIn.load() < count) {
        m_report.setFailed(
            QStringLiteral("%1 of %2 clients signed in on A").arg(m_signedIn.load()).arg(count));
        return;
    }

    // A post through B that every client on A receives: each has a last seq, and A follows B.
    Controller control(m_pool, 0);
    if (!control.open(urlB, 10000)) {
        m_report.setFailed(QStringLiteral("cannot connect to B"));
        return;
    }
    control.call(QStringLiteral("hello"),
        {{QStringLiteral("protocol"), 1},
            {QStringLiteral("client"), QStringLiteral("hubbub-bench/1")}},
        10000);
    control.call(QStringLiteral("auth.token"), {{QStringLiteral("token"), tokens.first()}}, 10000);
    auto post = [&control](const QString &title) {
        const Controller::Answer answer = control.call(QStringLiteral("post.create"),
            {{QStringLiteral("title"), title}, {QStringLiteral("content"), QStringLiteral("x")}},
            10000);
        return answer.errorCode().isEmpty()
            ? answer.reply.value(QLatin1StringView("seq")).toInteger(-1)
            : qint64(-1);
    };
    auto allSeen = [this](qint64 seq) {
        for (const auto &c : m_clients) {
            if (!c->failed && c->lastSeq.load() < seq)
                return false;
        }
        return true;
    };
    const qint64 before = post(QStringLiteral("before the failover"));
    if (before < 0 || !waitUntil([&] { return allSeen(before); }, 20000)) {
        m_report.setFailed(QStringLiteral("the post through B did not reach A's clients"));
        return;
    }

    // The kill. Each client's closed handler reconnects to B at once.
    m_killed = true;
    m_killNs = nowNs();
    ::kill(pid_t(m_servers[0]->pid()), SIGKILL);
    const qint64 during = post(QStringLiteral("during the failover"));
    const bool allResumed
        = waitUntil([&] { return m_resumed.load() + m_failed.load() >= count; }, 60000);
    const bool nothingLost = during >= 0 && waitUntil([&] { return allSeen(during); }, 10000);

    Latencies resumed;
    Latencies noticed;
    qint64 attempts = 0;
    qint64 syncedEvents = 0;
    QString firstError;
    for (int t = 0; t < m_pool.size(); ++t) {
        m_pool.run(t, [&, t] {
            for (const auto &c : m_clients) {
                if (c->thread != t)
                    continue;
                if (c->resumedNs > 0)
                    resumed.add((c->resumedNs - m_killNs) / 1000);
                if (c->closedNs > 0)
                    noticed.add((c->closedNs - m_killNs) / 1000);
                // One connection to A, one to B; the rest were retries.
                attempts += std::max(0, c->attempts - 2);
                syncedEvents += std::max<qint64>(0, c->syncEvents);
                if (c->failed && firstError.isEmpty())
                    firstError = c->why;
            }
        });
    }
    m_report.set(QStringLiteral("resumed"), m_resumed.load());
    m_report.set(QStringLiteral("failed"), m_failed.load());
    m_report.set(QStringLiteral("firstError"), firstError);
    m_report.set(QStringLiteral("allResumed"), allResumed);
    m_report.set(QStringLiteral("retriesPerClient"),
        std::round(double(attempts) / std::max(1, count) * 100) / 100);
    m_report.set(QStringLiteral("eventsBySync"), syncedEvents);
    m_report.set(QStringLiteral("postDuringFailoverSeenByAll"), nothingLost);
    noticed.addTo(m_report.results(), QStringLiteral("closeSeen"));
    resumed.addTo(m_report.results(), QStringLiteral("resumed"));
    if (!allResumed || !nothingLost || m_failed.load() > 0)
        m_report.setFailed(QStringLiteral("not every client resumed with every event"));

    for (int t = 0; t < m_pool.size(); ++t) {
        m_pool.run(t, [this, t] {
            for (const auto &c : m_clients) {
                if (c->thread == t && c->client) {
                    c->client->setClosedHandler(nullptr);
                    delete c->client;
                    c->client = nullptr;
                }
            }
        });
    }
}

} // namespace

void runFailover(const Options &options, std::vector<TargetServer *> &servers, Report &report)
{
    FailoverRun run(options, servers, report);
    run.run();
}

} // namespace Hubbub::Bench
