#include "cluster.h"

#include "logging.h"
#include "serverframe.h"
#include "store/eventfollower.h"
#include "store/sqlconnection.h"
#include "store/userstore.h"
#include "store/writer.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Hubbub::Server {

namespace {
qint64 nowSeconds()
{
    return QDateTime::currentSecsSinceEpoch();
}

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

//! The heartbeat_at at or below which an instance is dead. Heartbeats are whole seconds,
//! rounded down: with "below", an instance lived up to a second past InstanceTimeout, and its
//! users went offline up to 21 s after it died instead of 20.
qint64 deadline()
{
    return nowSeconds() - Cluster::InstanceTimeout.count();
}

//! Whether `userId` has a connection on a live instance other than `instanceId`.
Result<bool> onlineElsewhere(WriteTx &tx, qint64 userId, const QString &instanceId)
{
    Result<QSqlQuery *> q = tx.sql().run(
        u"SELECT 1 FROM presence p JOIN instances i ON i.id = p.instance_id "
        "WHERE p.user_id = ? AND p.instance_id <> ? AND i.heartbeat_at > ? LIMIT 1"_s,
        {userId, instanceId, deadline()});
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
            u"INSERT INTO instances (id, started_at, heartbeat_at) VALUES (?, ?, ?)"_s,
            {id, nowTimestamp(), nowSeconds()});
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
            Result<bool> elsewhere = onlineElsewhere(tx, userId, id);
            if (!elsewhere)
                return elsewhere.error();
            Result<std::optional<User>> user = UserStore::findById(tx.sql(), userId);
            if (!*elsewhere && user && *user)
                if (Status s = announcePresence(tx, **user, false); !s)
                    return s.error();
        }
        return QJsonObject();
    });
}

void Cluster::userOnline(const User &user)
{
    const QString id = m_id;
    m_writer.submit(
        [id, user](WriteTx &tx) -> Result<QJsonObject> {
            Result<bool> elsewhere = onlineElsewhere(tx, user.id, id);
            if (!elsewhere)
                return elsewhere.error();
            Result<QSqlQuery *> q = tx.sql().run(
                u"INSERT INTO presence (instance_id, user_id, connections) VALUES (?, ?, 1) "
                "ON CONFLICT (instance_id, user_id) DO NOTHING"_s,
                {id, user.id});
            if (!q)
                return q.error();
            if (!*elsewhere)
                if (Status s = announcePresence(tx, user, true); !s)
                    return s.error();
            return QJsonObject();
        },
        nullptr);
}

void Cluster::userOffline(const User &user)
{
    const QString id = m_id;
    m_writer.submit(
        [id, user](WriteTx &tx) -> Result<QJsonObject> {
            Result<QSqlQuery *> q = tx.sql().run(
                u"DELETE FROM presence WHERE instance_id = ? AND user_id = ?"_s, {id, user.id});
            if (!q)
                return q.error();
            Result<bool> elsewhere = onlineElsewhere(tx, user.id, id);
            if (!elsewhere)
                return elsewhere.error();
            if (!*elsewhere)
                if (Status s = announcePresence(tx, user, false); !s)
                    return s.error();
            return QJsonObject();
        },
        nullptr);
}

Result<QList<qint64>> Cluster::onlineUserIds(SqlConnection &reader)
{
    Result<QSqlQuery *> q = reader.run(
        u"SELECT DISTINCT p.user_id FROM presence p JOIN instances i ON i.id = p.instance_id "
        "WHERE i.heartbeat_at > ?"_s,
        {deadline()});
    if (!q)
        return q.error();
    QList<qint64> ids;
    while ((*q)->next())
        ids.append((*q)->value(0).toLongLong());
    (*q)->finish();
    return ids;
}

void Cluster::heartbeat()
{
    const QString id = m_id;
    m_writer.submit(
        [id](WriteTx &tx) -> Result<QJsonObject> {
            const qint64 now = nowSeconds();
            Result<QSqlQuery *> q = tx.sql().run(
                u"INSERT INTO instances (id, started_at, heartbeat_at) VALUES (?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at"_s,
                {id, nowTimestamp(), now});
            if (!q)
                return q.error();
            // The dead: their users who are on no live instance go offline everywhere.
            const qint64 dead = now - InstanceTimeout.count();
            Result<QSqlQuery *> gone = tx.sql().run(
                u"SELECT DISTINCT p.user_id FROM presence p JOIN instances i ON "
                "i.id = p.instance_id WHERE i.heartbeat_at <= ? AND NOT EXISTS (SELECT 1 FROM "
                "presence o JOIN instances oi ON oi.id = o.instance_id WHERE o.user_id = "
                "p.user_id AND oi.heartbeat_at > ?)"_s,
                {dead, dead});
            if (!gone)
                return gone.error();
            QList<qint64> offline;
            while ((*gone)->next())
                offline.append((*gone)->value(0).toLongLong());
            (*gone)->finish();
            Result<QSqlQuery *> removed = tx.sql().run(
                u"DELETE FROM instances WHERE heartbeat_at <= ? RETURNING id"_s, {dead});
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

void Cluster::onBus(const QByteArray &payload)
{
    const QJsonObject message = QJsonDocument::fromJson(payload).object();
    if (message.value(u"from"_s).toString() == m_id)
        return; // applied here when it was sent
    Q_EMIT received(message);
}

} // namespace Hubbub::Server
