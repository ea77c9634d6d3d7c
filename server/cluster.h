#pragma once

#include "error.h"
#include "types.h"

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>
#include <functional>

namespace Hubbub::Server {

class EventFollower;
class SqlConnection;
class Writer;

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
    //! Users with a connection on any live instance.
    static Result<QList<qint64>> onlineUserIds(SqlConnection &reader);

    //! Sends `message` (an "op" and its fields) to the other instances.
    void publish(QJsonObject message);

Q_SIGNALS:
    //! A message from another instance, or a presence frame for every instance.
    void received(const QJsonObject &message);

private:
    void heartbeat();
    void onBus(const QByteArray &payload);

    Writer &m_writer;
    EventFollower &m_follower;
    QString m_id;
    QTimer m_heartbeat;
};

} // namespace Hubbub::Server
