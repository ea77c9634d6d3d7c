#pragma once

#include <QStringList>
#include <QUrl>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace Hubbub::Bench {

//! Many authenticated subscriber connections on plain non-blocking sockets, each thread with
//! its own epoll loop. They speak the same WebSocket handshake, masked client frames, hello
//! and auth.token as every client, but hand event frames over as bytes without a QWebSocket,
//! a QString or a JSON parse on the way: a subscriber fleet receives hundreds of thousands of
//! frames per second, and the generator must not be the bottleneck.
class RawFleet final
{
public:
    //! Runs on the connection's thread for every text message after authentication.
    using Handler
        = std::function<void(int thread, int connection, const char *data, std::size_t size)>;

    RawFleet(int threads, const QUrl &url, QStringList tokens, Handler onMessage);
    //! Connection i to urls[i % urls.size()]: several instances sharing one database.
    RawFleet(int threads, const QList<QUrl> &urls, QStringList tokens, Handler onMessage);
    ~RawFleet();
    Q_DISABLE_COPY_MOVE(RawFleet)

    //! Opens `count` connections (index 0..count-1, spread over the threads) and waits until all
    //! are authenticated or failed, or `timeoutMs` passes. True when all are authenticated.
    bool open(int count, qint64 timeoutMs, int concurrency = 64);
    int threads() const { return int(m_loops.size()); }
    int authenticated() const { return m_authenticated.load(); }
    int failed() const { return m_failed.load(); }
    int closed() const { return m_closed.load(); }
    //! How often a loop woke up to read (epoll_wait() returned with sockets ready), in total.
    qint64 wakeups() const { return m_wakeups.load(); }
    QString firstError() const;
    //! Runs `fn` on thread `t`'s loop and waits for it.
    void run(int t, const std::function<void()> &fn);
    //! After a wake-up that brought frames, each loop sleeps this long before it reads again
    //! (0: it reads again at once). See docs/performance.md, "How subscribers read": a reader
    //! that blocks in epoll_wait() after every frame makes the server pay a cross-CPU wake-up
    //! per delivery, a cost of loopback that a client on another machine never puts on it.
    //! Set before open().
    void setReadQuantumUs(int us);

    //! Called on every thread about once a millisecond once set (before open()): for pacing.
    void setTicker(std::function<void(int thread)> ticker);
    //! Sends one text frame on connection `index`; only from that connection's thread (in the
    //! handler or the ticker). False when it is closed or the frame could not be written.
    bool send(int thread, int index, const QByteArray &text);
    //! Connection indexes owned by thread `t` are those with index % threads() == t.
    //! CPU time of the loop threads together, in microseconds.
    qint64 cpuMicros();

private:
    class Loop;
    friend class Loop;
    void fail(const QString &why);

    std::vector<std::unique_ptr<Loop>> m_loops;
    std::atomic<int> m_authenticated {0};
    std::atomic<int> m_failed {0};
    std::atomic<int> m_closed {0};
    std::atomic<qint64> m_wakeups {0};
    QString m_firstError;
    QStringList m_tokens;
    int m_nextIndex = 0;
};

} // namespace Hubbub::Bench
