#pragma once

#include <QObject>
#include <QThread>

#include <functional>
#include <memory>
#include <vector>

namespace Hubbub::Bench {

//! Worker threads, each with its own event loop and its own share of the connections, so
//! that the generator is not the bottleneck on a multi-core machine.
class WorkerPool final
{
public:
    explicit WorkerPool(int threads);
    ~WorkerPool();
    Q_DISABLE_COPY_MOVE(WorkerPool)

    int size() const { return int(m_threads.size()); }
    //! An object living on thread `i`: the parent and context for that thread's objects.
    QObject *context(int i) const { return m_contexts[std::size_t(i)]; }
    //! Runs `fn` on thread `i` later.
    void post(int i, std::function<void()> fn);
    //! Runs `fn` on thread `i` and waits for it.
    void run(int i, const std::function<void()> &fn);
    //! Runs `fn(i)` on every thread, one after the other, waiting for each.
    void runEach(const std::function<void(int)> &fn);
    //! Process CPU time of the worker threads together, in microseconds.
    qint64 cpuMicros();

private:
    std::vector<std::unique_ptr<QThread>> m_threads;
    std::vector<QObject *> m_contexts;
};

//! Steady-clock nanoseconds; comparable across the threads of this process.
qint64 nowNs();
//! Polls `done` every few milliseconds until it holds or `timeoutMs` passes.
bool waitUntil(const std::function<bool()> &done, qint64 timeoutMs);

} // namespace Hubbub::Bench
