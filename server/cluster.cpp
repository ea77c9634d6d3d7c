#include "cluster.h"

#include "logging.h"
#include "serverframe.h"
#include "store/eventfollower.h"
#include "store/sqlconnection.h"
#include "store/userstore.h"
#include "store/writer.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlQuery>

#include <atomic>

using namespace Qt::StringLiterals;

namespace Hubbub::Server {

namespace {
//! Heartbeats are stamped and compared by PostgreSQL's clock, never the instances' own: their
//! machines' clocks may differ by more than the timeout.
const QString DbNow = u"extract(epoch from clock_timestamp())::bigint"_s;

//! Each presence message differs from every other: PostgreSQL delivers identical payloads sent
//! in one transaction once, and an online, offline, online of one batch would lose one.
std::atomic<quint64> presenceCounter {0};

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

//! Inside a writer job: tells every instance (this one too) that `user` went on or offline.
Status announcePresence(WriteTx &tx, const User &user, bool online)
{
    const QJsonObject message {
        {u"op"_s, u"presence"_s}, {u"frame"_s, QString::fromUtf8(encodePresence(user, online))}};
    Result<QSqlQuery *> q = tx.sql().run(u"SELECT pg_notify(?, ?)"_s,
        {tx.sql().notifyChannel(u"hubbub_bus"_s), QString::fromUtf8(compact(message))});
    if (!q)
        return q.error();
    (*q)->finish();
    return Ok {};
}

//! SQL for the heartbeat_at at or below which an instance is dead. Heartbeats are whole
//! seconds, rounded down: with "below", an instance lived up to a second past InstanceTimeout,
//! and its users went offline up to 21 s after it died instead of 20.
QString deadline()
{
    return u"(%1 - %2)"_s.arg(DbNow).arg(Cluster::InstanceTimeout.count());
}

//! Whether `userId` has a connection on a live instance other than `instanceId`.
Result<bool> onlineElsewhere(WriteTx &tx, qint64 userId, const QString &instanceId)
{
    Result<QSqlQuery *> q = tx.sql().run(
        u"SELECT 1 FROM presence p JOIN instances i ON i.id = p.instance_id "
        "WHERE p.user_id = ? AND p.instance_id <> ? AND i.heartbeat_at > %1 LIMIT 1"_s.arg(
            deadline()),
        {userId, instanceId});
    if (!q)
        return q.error();
    const bool found = (*q)->next();
    (*q)->finish();
    return found;
}
} // namespace

Cluster::Cluster(Writer &writer, EventFollower &follower, QObject *parent)
    : QObject(parent)
    , m_writer(writer)
    , m_follower(follower)
    , m_id(QString::number(QRandomGenerator::system()->generate64(), 36))
{
    m_heartbeat.setInterval(HeartbeatInterval);
    // A coarse timer may fire up to 5 % (250 ms) late, past the 20 s bound of going offline.
    m_heartbeat.setTimerType(Qt::PreciseTimer);
    connect(&m_heartbeat, &QTimer::timeout, this, &Cluster::heartbeat);
    connect(&m_follower, &EventFollower::busMessage, this, &Cluster::onBus);
}

Status Cluster::join()
{
    const QString id = m_id;
    WriteOutcome outcome = m_writer.runAndWait([id](WriteTx &tx) -> Result<QJsonObject> {
        Result<QSqlQuery *> q = tx.sql().run(
            u"INSERT INTO instances (id, started_at, heartbeat_at) VALUES (?, ?, %1)"_s.arg(DbNow),
            {id, nowTimestamp()});
        if (!q)
            return q.error();
        return QJsonObject();
    });
    if (!outcome.result)
        return outcome.result.error();
    m_heartbeat.start();
    return Ok {};
}

void Cluster::leave()
{
    m_heartbeat.stop();
    const QString id = m_id;
    m_writer.runAndWait([id](WriteTx &tx) -> Result<QJsonObject> {
        Result<QSqlQuery *> users
            = tx.sql().run(u"SELECT user_id FROM presence WHERE instance_id = ?"_s, {id});
        if (!users)
            return users.error();
        QList<qint64> ids;
        while ((*users)->next())
            ids.append((*users)->value(0).toLongLong());
        (*users)->finish();
        if (Result<QSqlQuery *> q = tx.sql().run(u"DELETE FROM instances WHERE id = ?"_s, {id}); !q)
            return q.error();
        for (qint64 userId : std::as_const(ids)) {
            if (Status s = announceIfAlone(tx, userId, id, false); !s)
                return s.error();
        }
        return QJsonObject();
    });
}

Status Cluster::announceIfAlone(WriteTx &tx, qint64 userId, const QString &instanceId, bool online)
{
    Result<bool> elsewhere = onlineElsewhere(tx, userId, instanceId);
    if (!elsewhere)
        return elsewhere.error();
    if (*elsewhere)
        return Ok {};
    Result<std::optional<User>> user = UserStore::findById(tx.sql(), userId);
    if (!user)
        return user.error();
    if (!*user)
        return Ok {};
    return announcePresence(tx, **user, online);
}

Result<bool> Cluster::addPresence(WriteTx &tx, const QString &instanceId, qint64 userId)
{
    // Announced only when the row is new: a user is online once however often this runs.
    Result<QSqlQuery *> q
        = tx.sql().run(u"INSERT INTO presence (instance_id, user_id, connections) VALUES (?, ?, 1) "
                       "ON CONFLICT (instance_id, user_id) DO NOTHING RETURNING 1"_s,
            {instanceId, userId});
    if (!q)
        return q.error();
    const bool added = (*q)->next();
    (*q)->finish();
    if (added)
        if (Status s = announceIfAlone(tx, userId, instanceId, true); !s)
            return s.error();
    return added;
}

Result<bool> Cluster::removePresence(WriteTx &tx, const QString &instanceId, qint64 userId)
{
    Result<QSqlQuery *> q
        = tx.sql().run(u"DELETE FROM presence WHERE instance_id = ? AND user_id = ? RETURNING 1"_s,
            {instanceId, userId});
    if (!q)
        return q.error();
    const bool removed = (*q)->next();
    (*q)->finish();
    if (removed)
        if (Status s = announceIfAlone(tx, userId, instanceId, false); !s)
            return s.error();
    return removed;
}

void Cluster::userOnline(const User &user)
{
    const QString id = m_id;
    const qint64 userId = user.id;
    m_writer.submit(
        [id, userId](WriteTx &tx) -> Result<QJsonObject> {
            Result<bool> added = addPresence(tx, id, userId);
            if (!added)
                return added.error();
            return QJsonObject();
        },
        nullptr); // a failure (the database away) is mended by the next heartbeat
}

void Cluster::userOffline(const User &user)
{
    const QString id = m_id;
    const qint64 userId = user.id;
    m_writer.submit(
        [id, userId](WriteTx &tx) -> Result<QJsonObject> {
            Result<bool> removed = removePresence(tx, id, userId);
            if (!removed)
                return removed.error();
            return QJsonObject();
        },
        nullptr);
}

Result<QList<User>> Cluster::onlineUsers(SqlConnection &reader)
{
    Result<QSqlQuery *> q = reader.run(
        u"SELECT id, username, role, display_name, avatar_image_id FROM users WHERE id IN "
        "(SELECT p.user_id FROM presence p JOIN instances i ON i.id = p.instance_id WHERE "
        "i.heartbeat_at > %1)"_s.arg(deadline()));
    if (!q)
        return q.error();
    QList<User> users;
    while ((*q)->next())
        users.append(UserStore::userFrom(**q, 0));
    (*q)->finish();
    return users;
}

void Cluster::heartbeat()
{
    const QString id = m_id;
    // The users this instance has connections of, as it knows them now: the table is made to
    // agree (a presence job that failed while the database was away, or rows another instance
    // removed when this one looked dead for a while).
    QSet<qint64> local;
    if (m_localUsers)
        local = m_localUsers();
    m_writer.submit(
        [id, local](WriteTx &tx) -> Result<QJsonObject> {
            Result<QSqlQuery *> q = tx.sql().run(
                u"INSERT INTO instances (id, started_at, heartbeat_at) VALUES (?, ?, %1) "
                "ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at"_s.arg(DbNow),
                {id, nowTimestamp()});
            if (!q)
                return q.error();
            Result<QSqlQuery *> rows
                = tx.sql().run(u"SELECT user_id FROM presence WHERE instance_id = ?"_s, {id});
            if (!rows)
                return rows.error();
            QSet<qint64> stored;
            while ((*rows)->next())
                stored.insert((*rows)->value(0).toLongLong());
            (*rows)->finish();
            for (qint64 userId : local) {
                if (!stored.contains(userId))
                    if (Result<bool> added = addPresence(tx, id, userId); !added)
                        return added.error();
            }
            for (qint64 userId : std::as_const(stored)) {
                if (!local.contains(userId))
                    if (Result<bool> removed = removePresence(tx, id, userId); !removed)
                        return removed.error();
            }

            // The dead: their users who are on no live instance go offline everywhere.
            Result<QSqlQuery *> gone = tx.sql().run(
                u"SELECT DISTINCT p.user_id FROM presence p JOIN instances i ON "
                "i.id = p.instance_id WHERE i.heartbeat_at <= %1 AND NOT EXISTS (SELECT 1 FROM "
                "presence o JOIN instances oi ON oi.id = o.instance_id WHERE o.user_id = "
                "p.user_id AND oi.heartbeat_at > %1)"_s.arg(deadline()));
            if (!gone)
                return gone.error();
            QList<qint64> offline;
            while ((*gone)->next())
                offline.append((*gone)->value(0).toLongLong());
            (*gone)->finish();
            Result<QSqlQuery *> removed = tx.sql().run(
                u"DELETE FROM instances WHERE heartbeat_at <= %1 RETURNING id"_s.arg(deadline()));
            if (!removed)
                return removed.error();
            while ((*removed)->next())
                qCWarning(lcServer) << "instance" << (*removed)->value(0).toString()
                                    << "stopped answering; its connections are offline";
            (*removed)->finish();
            for (qint64 userId : std::as_const(offline)) {
                Result<std::optional<User>> user = UserStore::findById(tx.sql(), userId);
                if (user && *user)
                    if (Status s = announcePresence(tx, **user, false); !s)
                        return s.error();
            }
            return QJsonObject();
        },
        nullptr);
}

void Cluster::publish(QJsonObject message)
{
    message.insert(u"from"_s, m_id);
    m_follower.publish(compact(message));
}

void Cluster::publishDurably(QJsonObject message)
{
    message.insert(u"from"_s, m_id);
    const QString payload = QString::fromUtf8(compact(message));
    // From the writer, which connects again before its next transaction when the database was
    // away; an instance that was not listening then checks its sessions (Server).
    m_writer.submit(
        [payload](WriteTx &tx) -> Result<QJsonObject> {
            Result<QSqlQuery *> q = tx.sql().run(
                u"SELECT pg_notify(?, ?)"_s, {tx.sql().notifyChannel(u"hubbub_bus"_s), payload});
            if (!q)
                return q.error();
            (*q)->finish();
            return QJsonObject();
        },
        nullptr);
}

void Cluster::onBus(const QByteArray &payload)
{
    const QJsonObject message = QJsonDocument::fromJson(payload).object();
    if (message.value(u"from"_s).toString() == m_id)
        return; // applied here when it was sent
    Q_EMIT received(message);
}

} // namespace Hubbub::Server
