#include "net/flushscheduler.h"

#include "net/connection.h"

#include <QAbstractEventDispatcher>

#include <algorithm>
#include <utility>

namespace Hubbub::Server {

FlushScheduler::FlushScheduler(QObject *parent)
    : QObject(parent)
{
    // Every dispatcher emits one of the two as it starts a pass: aboutToBlock when it may wait
    // (before it polls), awake otherwise (Qt's own dispatchers differ in which).
    if (QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance(thread())) {
        connect(
            dispatcher, &QAbstractEventDispatcher::aboutToBlock, this, &FlushScheduler::flushAll);
        connect(dispatcher, &QAbstractEventDispatcher::awake, this, &FlushScheduler::flushAll);
        m_onDispatcher = true;
    }
}

void FlushScheduler::add(Connection *connection)
{
    m_waiting.emplace_back(connection);
    if (!m_onDispatcher && !m_posted) {
        m_posted = true;
        QMetaObject::invokeMethod(this, &FlushScheduler::flushAll, Qt::QueuedConnection);
    }
}

void FlushScheduler::forget(Connection *connection)
{
    std::replace(
        m_waiting.begin(), m_waiting.end(), connection, static_cast<Connection *>(nullptr));
    if (m_flushing) {
        std::replace(
            m_flushing->begin(), m_flushing->end(), connection, static_cast<Connection *>(nullptr));
    }
}

void FlushScheduler::flushAll()
{
    ++m_pass;
    m_posted = false;
    if (m_waiting.empty())
        return;
    std::vector<Connection *> batch;
    batch.swap(m_waiting);
    std::vector<Connection *> *outer = std::exchange(m_flushing, &batch);
    for (Connection *connection : batch) {
        if (connection)
            connection->flush();
    }
    m_flushing = outer;
}

} // namespace Hubbub::Server
