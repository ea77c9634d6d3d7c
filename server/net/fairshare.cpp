#include "net/fairshare.h"

#include "net/connection.h"
#include "net/flushscheduler.h"

#include <algorithm>

namespace Hubbub::Server {

FairShare::FairShare(FlushScheduler &flusher, QObject *parent)
    : QObject(parent)
    , m_flusher(flusher)
{
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &FairShare::serve);
}

quint64 FairShare::pass() const
{
    return m_flusher.pass();
}

void FairShare::enlist(Connection *connection)
{
    if (!m_waiting.contains(connection))
        m_waiting.append(connection);
    if (!m_timer.isActive())
        m_timer.start();
}

void FairShare::forget(Connection *connection)
{
    m_waiting.removeOne(connection);
    if (m_turn)
        std::replace(
            m_turn->begin(), m_turn->end(), connection, static_cast<Connection *>(nullptr));
}

void FairShare::serve()
{
    // One slice per waiting connection per pass, in turn; the timer (interval 0) comes back
    // after the event loop has served everyone else's sockets.
    QList<Connection *> turn = std::exchange(m_waiting, {});
    m_turn = &turn;
    for (qsizetype i = 0; i < turn.size(); ++i) {
        if (Connection *connection = turn.at(i)) // null: gone meanwhile
            connection->serve(); // enlists itself again if it still has more
    }
    m_turn = nullptr;
    if (m_waiting.isEmpty())
        m_timer.stop();
}

} // namespace Hubbub::Server
