#include "fleet.h"

#include "benchclient.h"
#include "modes.h"
#include "report.h"
#include "workerpool.h"

#include <QJsonObject>

#include <QThread>

#include <algorithm>
#include <memory>
#include <mutex>

namespace Hubbub::Bench {

struct Fleet::Opener
{
    int remaining = 0;
    int inFlight = 0;
    int concurrency = 64;
    Setup setup;
};

namespace {
std::mutex errorMutex;
}

Fleet::Fleet(WorkerPool &pool, QUrl url, QStringList tokens)
    : m_pool(pool)
    , m_url(std::move(url))
    , m_tokens(std::move(tokens))
    , m_clients(std::size_t(pool.size()))
{
    for (int i = 0; i < pool.size(); ++i)
        m_openers.push_back(std::make_unique<Opener>());
}

Fleet::~Fleet()
{
    closeAll();
}

bool Fleet::open(int count, const Setup &setup, qint64 timeoutMs, int concurrency)
{
    const int target = m_authenticated.load() + m_failed.load() + count;
    const int threads = m_pool.size();
    for (int t = 0; t < threads; ++t) {
        const int share = count / threads + (t < count % threads ? 1 : 0);
        m_pool.run(t, [this, t, share, setup, concurrency] {
            Opener &opener = *m_openers[std::size_t(t)];
            opener.remaining += share;
            opener.concurrency = concurrency;
            opener.setup = setup;
            while (opener.inFlight < opener.concurrency && opener.remaining > 0)
                startNext(t);
        });
    }
    waitUntil([&] { return m_authenticated.load() + m_failed.load() >= target; }, timeoutMs);
    return m_failed.load() == 0 && m_authenticated.load() + m_failed.load() >= target;
}

QString Fleet::firstError() const
{
    std::lock_guard lock(errorMutex);
    return m_firstError;
}

void Fleet::startNext(int thread)
{
    Opener &opener = *m_openers[std::size_t(thread)];
    --opener.remaining;
    ++opener.inFlight;
    const int index = m_nextIndex.fetch_add(1);
    auto *client = new BenchClient(m_pool.context(thread));
    m_clients[std::size_t(thread)].push_back(client);
    const QString token = m_tokens.at(index % m_tokens.size());

    auto finish = [this, thread, client, index](bool ok, const QString &why) {
        Opener &opener = *m_openers[std::size_t(thread)];
        --opener.inFlight;
        if (ok) {
            if (opener.setup)
                opener.setup(thread, client, index);
            client->setClosedHandler([this] { m_closed.fetch_add(1); });
            m_authenticated.fetch_add(1);
        } else {
            {
                std::lock_guard lock(errorMutex);
                if (m_firstError.isEmpty())
                    m_firstError = why;
            }
            client->abort();
            m_failed.fetch_add(1);
        }
        while (opener.inFlight < opener.concurrency && opener.remaining > 0)
            startNext(thread);
    };

    client->open(m_url, [client, token, finish](bool opened) {
        if (!opened)
            return finish(false, QStringLiteral("could not connect"));
        client->request(QStringLiteral("hello"),
            {{QStringLiteral("protocol"), 1},
                {QStringLiteral("client"), QStringLiteral("hubbub-bench/1")}},
            nullptr);
        client->request(QStringLiteral("auth.token"), {{QStringLiteral("token"), token}},
            [finish](const QJsonObject &reply) {
                const QString code = BenchClient::errorCode(reply);
                finish(code.isEmpty(), QStringLiteral("auth.token: ") + code);
            });
    });
}

void Fleet::closeAll()
{
    for (int t = 0; t < m_pool.size(); ++t) {
        m_pool.run(t, [this, t] {
            for (BenchClient *client : m_clients[std::size_t(t)]) {
                client->setClosedHandler(nullptr);
                delete client;
            }
            m_clients[std::size_t(t)].clear();
        });
    }
}

} // namespace Hubbub::Bench

namespace Hubbub::Bench {

QString Controller::Answer::errorCode() const
{
    return ms < 0 ? QStringLiteral("timeout") : BenchClient::errorCode(reply);
}

Controller::Controller(WorkerPool &pool, int thread)
    : m_pool(pool)
    , m_thread(thread)
{
    m_pool.run(m_thread, [this] { m_client = new BenchClient(m_pool.context(m_thread)); });
}

Controller::~Controller()
{
    m_pool.run(m_thread, [this] { delete m_client; });
}

bool Controller::open(const QUrl &url, qint64 timeoutMs)
{
    auto opened = std::make_shared<std::atomic<int>>(0);
    m_pool.post(m_thread,
        [this, url, opened] { m_client->open(url, [opened](bool ok) { *opened = ok ? 1 : 2; }); });
    waitUntil([&] { return opened->load() != 0; }, timeoutMs);
    return opened->load() == 1;
}

Controller::Answer Controller::call(
    const QString &type, const QJsonObject &params, qint64 timeoutMs)
{
    struct Shared
    {
        std::mutex mutex;
        Answer answer;
        std::atomic<bool> done {false};
    };
    auto shared = std::make_shared<Shared>();
    m_pool.post(m_thread, [this, type, params, shared] {
        const qint64 sent = nowNs();
        BenchClient *client = m_client;
        m_client->request(type, params, [shared, sent, client](const QJsonObject &reply) {
            std::lock_guard lock(shared->mutex);
            shared->answer.reply = reply;
            // Up to the reply's arrival: parsing a 3 MB sync reply is this client's cost.
            shared->answer.ms = double(client->arrivalNs() - sent) / 1e6;
            shared->done = true;
        });
    });
    waitUntil([&] { return shared->done.load(); }, timeoutMs);
    std::lock_guard lock(shared->mutex);
    return shared->answer;
}

QString Controller::registerUser(const QString &username, qint64 timeoutMs)
{
    const qint64 end = nowNs() + timeoutMs * 1000000;
    while (nowNs() < end) {
        const Answer answer = call(QStringLiteral("auth.register"),
            {{QStringLiteral("username"), username},
                {QStringLiteral("password"), QStringLiteral("bench-password-1")}},
            std::max<qint64>(1, (end - nowNs()) / 1000000));
        const QString code = answer.errorCode();
        if (code.isEmpty())
            return answer.reply.value(QLatin1StringView("token")).toString();
        if (code != u"rate_limited")
            return {};
        const int wait = answer.reply.value(QLatin1StringView("error"))
                             .toObject()
                             .value(QLatin1StringView("retryAfterMs"))
                             .toInt(1000);
        QThread::msleep(ulong(std::clamp(wait, 10, 5000)));
    }
    return {};
}

QStringList registerUsers(WorkerPool &pool, const QUrl &url, int count, Report &report)
{
    Controller control(pool, 0);
    if (!control.open(url, 10000)) {
        report.setFailed(QStringLiteral("cannot connect to %1").arg(url.toString()));
        return {};
    }
    control.call(QStringLiteral("hello"),
        {{QStringLiteral("protocol"), 1},
            {QStringLiteral("client"), QStringLiteral("hubbub-bench/1")}},
        10000);
    const QString run = QString::number(nowNs() % 1000000000, 36);
    QStringList tokens;
    for (int i = 0; i < count; ++i) {
        const QString token
            = control.registerUser(QStringLiteral("bench-%1-%2").arg(run).arg(i), 30000);
        if (token.isEmpty()) {
            report.setFailed(QStringLiteral("auth.register failed"));
            return {};
        }
        tokens.append(token);
    }
    return tokens;
}

} // namespace Hubbub::Bench
