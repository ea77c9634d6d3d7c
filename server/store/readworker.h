#pragma once

#include "error.h"
#include "serverconfig.h"
#include "store/sqlconnection.h"

#include <QThread>

#include <functional>
#include <memory>

namespace Hubbub::Server {

//! A thread with a read connection of its own, for reads that can take longer than the network
//! thread may stall (a full-text search over millions of rows). Jobs run one at a time, in
//! order; the connection sees the newest committed state (WAL) when each job starts.
class ReadWorker final
{
public:
    ReadWorker(DatabaseTarget target, QString name);
    ~ReadWorker();
    Q_DISABLE_COPY_MOVE(ReadWorker)

    //! Starts the thread and opens the connection on it; idempotent once it succeeded.
    Status start();
    //! Runs `job` on the worker thread with its connection.
    void post(std::function<void(SqlConnection &)> job);

private:
    DatabaseTarget m_target;
    QString m_name;
    QThread m_thread;
    QObject *m_context = nullptr; //!< lives on m_thread; queued jobs are invoked on it
    std::unique_ptr<SqlConnection> m_sql;
};

} // namespace Hubbub::Server
