#pragma once

#include <QJsonObject>
#include <QStringList>
#include <QUrl>

#include <atomic>
#include <functional>
#include <vector>

namespace Hubbub::Bench {

class BenchClient;
class WorkerPool;

//! Many authenticated connections spread over the worker threads. Each one says `hello` and
//! then `auth.token` with one of a few users' tokens (registering costs a password hash on
//! the server, so the connections share the tokens of a handful of users).
class Fleet final
{
public:
    //! Runs on the connection's own thread once it is authenticated.
    using Setup = std::function<void(int thread, BenchClient *client, int index)>;

    Fleet(WorkerPool &pool, QUrl url, QStringList tokens);
    ~Fleet();
    Q_DISABLE_COPY_MOVE(Fleet)

    //! Opens `count` connections (at most `concurrency` handshakes in flight per thread) and
    //! waits until all are authenticated or failed, or `timeoutMs` passes. True when all are.
    bool open(int count, const Setup &setup, qint64 timeoutMs, int concurrency = 64);
    int authenticated() const { return m_authenticated.load(); }
    int failed() const { return m_failed.load(); }
    int closed() const { return m_closed.load(); }
    //! The first failure's reason, for the report.
    QString firstError() const;
    //! Aborts and deletes every connection (each on its own thread).
    void closeAll();

private:
    struct Opener;
    void startNext(int thread);

    WorkerPool &m_pool;
    QUrl m_url;
    QStringList m_tokens;
    std::vector<std::vector<BenchClient *>> m_clients; //!< per thread, touched on it only
    std::vector<std::unique_ptr<Opener>> m_openers;
    std::atomic<int> m_authenticated {0};
    std::atomic<int> m_failed {0};
    std::atomic<int> m_closed {0};
    std::atomic<int> m_nextIndex {0};
    QString m_firstError; //!< guarded by being written once, before m_failed is raised
};

} // namespace Hubbub::Bench

namespace Hubbub::Bench {

//! One connection driven from the main thread, one request at a time: for setup steps and
//! for the history latencies (timed on the connection's own thread, from send to reply).
class Controller final
{
public:
    struct Answer
    {
        QJsonObject reply;
        double ms = -1; //!< -1 when no reply came in time
        QString errorCode() const;
    };

    Controller(WorkerPool &pool, int thread);
    ~Controller();
    Q_DISABLE_COPY_MOVE(Controller)

    bool open(const QUrl &url, qint64 timeoutMs);
    Answer call(const QString &type, const QJsonObject &params, qint64 timeoutMs);
    //! Registers a new user and signs this connection in as it; returns its token.
    QString registerUser(const QString &username, qint64 timeoutMs);

private:
    WorkerPool &m_pool;
    int m_thread;
    BenchClient *m_client = nullptr;
};

} // namespace Hubbub::Bench
