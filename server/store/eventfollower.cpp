#include "store/eventfollower.h"

#include "logging.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Hubbub::Server {

namespace {
const QString EventsChannel = u"hubbub_events"_s;
const QString BusChannel = u"hubbub_bus"_s;
//! Rows per read: a long catch-up is read in pieces, each offered as it comes.
constexpr int ReadBatch = 2000;
} // namespace

Audience parseAudience(const QString &stored)
{
    Audience ids;
    for (QStringView id : QStringView(stored).tokenize(u',', Qt::SkipEmptyParts))
        ids.append(id.toLongLong());
    std::sort(ids.begin(), ids.end());
    return ids;
}

class EventFollower::Worker final : public QObject
{
public:
    Worker(EventFollower &owner, DatabaseTarget target, const std::atomic<qint64> &delivered,
        std::chrono::milliseconds poll)
        : m_owner(owner)
        , m_target(std::move(target))
        , m_delivered(delivered)
        , m_poll(poll)
    { }

    Status open()
    {
        Result<std::unique_ptr<SqlConnection>> sql
            = SqlConnection::open(m_target, u"hubbub-follower-%1"_s.arg(quintptr(this), 0, 16));
        if (!sql)
            return sql.error();
        m_sql = std::move(*sql);
        // Once: the driver outlives a reopen(), and a second connection would deliver each
        // notification twice (every bus message, presence and typing, twice after a reconnect).
        QObject::connect(m_sql->database().driver(), &QSqlDriver::notification, this,
            [this](const QString &name, QSqlDriver::NotificationSource, const QVariant &payload) {
                if (name == m_sql->notifyChannel(BusChannel))
                    Q_EMIT m_owner.busMessage(payload.toString().toUtf8());
                else
                    read(-1);
            });
        if (Status s = listen(); !s)
            return s;
        m_timer = new QTimer(this);
        m_timer->setInterval(m_poll);
        QObject::connect(m_timer, &QTimer::timeout, this, [this] { read(-1); });
        m_timer->start();
        return Ok {};
    }

    void close()
    {
        delete m_timer;
        m_timer = nullptr;
        m_sql.reset();
    }

    Status listen()
    {
        QSqlDriver *driver = m_sql->database().driver();
        if (!driver->subscribeToNotification(m_sql->notifyChannel(EventsChannel))
            || !driver->subscribeToNotification(m_sql->notifyChannel(BusChannel))) {
            return databaseError(u"cannot LISTEN:"_s, m_sql->database().lastError().text());
        }
        return Ok {};
    }

    //! Reads what was committed after max(after, delivered, read so far).
    void read(qint64 after)
    {
        if (!m_sql)
            return;
        // Asked (a gap): from what was delivered. Woken or polled: after what was read too,
        // since everything read has been offered, in order.
        const qint64 delivered = m_delivered.load(std::memory_order_relaxed);
        qint64 from = after >= 0 ? std::max(after, delivered) : std::max(delivered, m_readUpTo);
        for (;;) {
            Result<QSqlQuery *> q = m_sql->run(
                u"SELECT seq, frame, audience FROM events WHERE seq > ? ORDER BY seq LIMIT ?"_s,
                {from, ReadBatch});
            if (!q) {
                reconnect();
                return;
            }
            QList<EventSequencer::Event> events;
            while ((*q)->next()) {
                EventSequencer::Event event;
                event.seq = (*q)->value(0).toLongLong();
                event.frame = (*q)->value(1).toString().toUtf8();
                const QVariant audience = (*q)->value(2);
                if (!audience.isNull())
                    event.audience = parseAudience(audience.toString());
                events.append(std::move(event));
            }
            (*q)->finish();
            if (events.isEmpty())
                return;
            if (events.first().seq > from + 1)
                Q_EMIT m_owner.eventsPruned(events.first().seq);
            from = events.last().seq;
            m_readUpTo = std::max(m_readUpTo, from);
            const bool more = events.size() == ReadBatch;
            Q_EMIT m_owner.eventsRead(events);
            if (!more)
                return;
        }
    }

    void publish(const QByteArray &payload)
    {
        if (!m_sql)
            return;
        Result<QSqlQuery *> q = m_sql->run(u"SELECT pg_notify(?, ?)"_s,
            {m_sql->notifyChannel(BusChannel), QString::fromUtf8(payload)});
        if (q)
            (*q)->finish();
        else
            reconnect();
    }

    void reconnect()
    {
        if (m_sql->isAlive())
            return; // a failed statement on a working connection: the next poll tries again
        if (!m_lost)
            qCWarning(lcDb) << "the follower lost its database connection; connecting again";
        m_lost = true;
        if (Status s = m_sql->reopen(); !s)
            return; // the next poll tries again
        if (Status s = listen(); !s) {
            m_sql->database().close(); // the next poll opens it again and listens
            return;
        }
        m_lost = false;
        qCInfo(lcDb) << "the follower is connected again";
        // Whatever was said on the bus meanwhile is lost: the server checks what it holds.
        Q_EMIT m_owner.reconnected();
        read(-1);
    }

private:
    EventFollower &m_owner;
    DatabaseTarget m_target;
    const std::atomic<qint64> &m_delivered;
    std::chrono::milliseconds m_poll;
    std::unique_ptr<SqlConnection> m_sql;
    QTimer *m_timer = nullptr;
    qint64 m_readUpTo = 0;
    bool m_lost = false; //!< said once per outage, not once per poll
};

EventFollower::EventFollower(DatabaseTarget target, const std::atomic<qint64> &delivered,
    std::chrono::milliseconds pollInterval, QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<QList<EventSequencer::Event>>();
    m_worker = new Worker(*this, std::move(target), delivered, pollInterval);
    m_thread.setObjectName(u"hubbub-follower"_s);
    m_worker->moveToThread(&m_thread);
}

EventFollower::~EventFollower()
{
    stop();
    delete m_worker;
}

Status EventFollower::start()
{
    m_thread.start();
    Status status = Ok {};
    QMetaObject::invokeMethod(
        m_worker, [this, &status] { status = m_worker->open(); }, Qt::BlockingQueuedConnection);
    return status;
}

void EventFollower::stop()
{
    if (!m_thread.isRunning())
        return;
    QMetaObject::invokeMethod(
        m_worker, [this] { m_worker->close(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void EventFollower::wake(qint64 after)
{
    QMetaObject::invokeMethod(
        m_worker, [this, after] { m_worker->read(after); }, Qt::QueuedConnection);
}

void EventFollower::publish(const QByteArray &payload)
{
    QMetaObject::invokeMethod(
        m_worker, [this, payload] { m_worker->publish(payload); }, Qt::QueuedConnection);
}

} // namespace Hubbub::Server
