#include "workerpool.h"

#include <QMetaObject>

#include <chrono>
#include <ctime>

namespace Hubbub::Bench {

WorkerPool::WorkerPool(int threads)
{
    for (int i = 0; i < std::max(1, threads); ++i) {
        auto thread = std::make_unique<QThread>();
        thread->setObjectName(QStringLiteral("bench-%1").arg(i));
        auto *context = new QObject;
        context->moveToThread(thread.get());
        QObject::connect(thread.get(), &QThread::finished, context, &QObject::deleteLater);
        thread->start();
        m_contexts.push_back(context);
        m_threads.push_back(std::move(thread));
    }
}

WorkerPool::~WorkerPool()
{
    for (std::size_t i = 0; i < m_threads.size(); ++i) {
        // Children of the context (the connections) are deleted on their own thread.
        QObject *context = m_contexts[i];
        QMetaObject::invokeMethod(
            context, [context] { qDeleteAll(context->children()); }, Qt::BlockingQueuedConnection);
        m_threads[i]->quit();
        m_threads[i]->wait();
    }
}

void WorkerPool::post(int i, std::function<void()> fn)
{
    QMetaObject::invokeMethod(context(i), std::move(fn), Qt::QueuedConnection);
}

void WorkerPool::run(int i, const std::function<void()> &fn)
{
    QMetaObject::invokeMethod(context(i), fn, Qt::BlockingQueuedConnection);
}

void WorkerPool::runEach(const std::function<void(int)> &fn)
{
    for (int i = 0; i < size(); ++i)
        run(i, [&fn, i] { fn(i); });
}

qint64 WorkerPool::cpuMicros()
{
    qint64 total = 0;
    for (int i = 0; i < size(); ++i) {
        run(i, [&total] {
            timespec ts {};
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
            total += qint64(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
        });
    }
    return total;
}

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

bool waitUntil(const std::function<bool()> &done, qint64 timeoutMs)
{
    const qint64 end = nowNs() + timeoutMs * 1000000;
    for (;;) {
        if (done())
            return true;
        if (nowNs() > end)
            return false;
        QThread::msleep(5);
    }
}

} // namespace Hubbub::Bench
