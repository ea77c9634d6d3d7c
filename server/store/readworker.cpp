#include "store/readworker.h"

#include "store/sqlconnection.h"

namespace Hubbub::Server {

ReadWorker::ReadWorker(DatabaseTarget target, QString name)
    : m_target(std::move(target))
    , m_name(std::move(name))
{
    m_thread.setObjectName(m_name);
}

ReadWorker::~ReadWorker()
{
    if (!m_context)
        return;
    // The connection closes on the thread that opened it (Qt Sql's rule), after the jobs
    // queued before it.
    QMetaObject::invokeMethod(
        m_context, [this] { m_sql.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_context;
}

Status ReadWorker::start()
{
    if (m_sql)
        return Ok {};
    if (!m_context) {
        m_context = new QObject;
        m_context->moveToThread(&m_thread);
        m_thread.start();
    }
    Status status = Ok {};
    QMetaObject::invokeMethod(
        m_context,
        [this, &status] {
            Result<std::unique_ptr<SqlConnection>> sql = SqlConnection::open(m_target, m_name);
            if (sql) {
                m_sql = std::move(*sql);
                m_sql->setReconnects(true); // it only reads
            } else
                status = sql.error();
        },
        Qt::BlockingQueuedConnection);
    return status;
}

void ReadWorker::post(std::function<void(SqlConnection &)> job)
{
    QMetaObject::invokeMethod(
        m_context,
        [this, job = std::move(job)] {
            if (m_sql)
                job(*m_sql);
        },
        Qt::QueuedConnection);
}

} // namespace Hubbub::Server
