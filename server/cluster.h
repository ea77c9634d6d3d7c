#pragma once

#include "error.h"
#include "types.h"

#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

#include <chrono>
#include <functional>

namespace Hubbub::Server {

class EventFollower;
class SqlConnection;
class Writer;
class WriteTx;

//! What one instance does with the others on one PostgreSQL database (not used on SQLite).
//! - Each running instance has a row in `instances` it refreshes every HeartbeatInterval; one
//!   not refreshed for InstanceTimeout is dead, and the next heartbeat of any instance removes
//!   it and its presence.
//! - Presence is per user across instances: `presence` counts an instance's connections of a
//!   user. A user comes online when the first instance gets one and goes offline when the last
//!   one anywhere closes, or its instance dies (within InstanceTimeout + HeartbeatInterval).
//!   The checks run in writer jobs, which all instances serialise on one lock.
//! - The bus: small JSON messages (typing, read marks, renames, sign-outs) NOTIFYed on
//!   'hubbub_bus' and applied by every other instance to its own connections.
class Cluster final : public QObject
{
    Q_OBJECT
public:
    static constexpr std::chrono::seconds HeartbeatInterval {5};
    static constexpr std::chrono::seconds InstanceTimeout {15};

    Cluster(Writer &writer, EventFollower &follower, QObject *parent = nullptr);

    QString instanceId() const { return m_id; }
    //! Registers this instance (waits for the commit) and starts the heartbeat.
    Status join();
    //! Removes this instance and its presence (waits), announcing who went offline.
    void leave();

    void userOnline(const User &user);
    void userOffline(const User &user);
    //! Users with a connection on any live instance, in one query.
    static Result<QList<User>> onlineUsers(SqlConnection &reader);
    //! Who has connections on this instance: the heartbeat makes the table agree with it.
    void setLocalUsers(std::function<QSet<qint64>()> localUsers)
    {
        m_localUsers = std::move(localUsers);
    }

    //! Sends `message` (an "op" and its fields) to the other instances: typing, read marks.
    void publish(QJsonObject message);
    //! The same for what must not be lost (sign-outs, disabled accounts, renames): sent by the
    //! writer, which reconnects by itself. An instance that was not listening checks its
    //! sessions when it listens again (EventFollower::reconnected).
    void publishDurably(QJsonObject message);

Q_SIGNALS:
    //! A message from another instance, or a presence frame for every instance.
    void received(const QJsonObject &message);

private:
    void heartbeat();
    //! Presence rows of this instance, each change announced when the user is on no other.
    static Result<bool> addPresence(WriteTx &tx, const QString &instanceId, qint64 userId);
    static Result<bool> removePresence(WriteTx &tx, const QString &instanceId, qint64 userId);
    static Status announceIfAlone(
        WriteTx &tx, qint64 userId, const QString &instanceId, bool online);
    void onBus(const QByteArray &payload);

    Writer &m_writer;
    EventFollower &m_follower;
    QString m_id;
    QTimer m_heartbeat;
    std::function<QSet<qint64>()> m_localUsers;
};

} // namespace Hubbub::Server
