#include "readstate.h"

#include "channelmodel.h"
#include "connection.h"
#include "reply.h"

#include <QJsonArray>

#include <algorithm>

namespace Hubbub::Client {

namespace {
//! Enough for the `read` frames of one burst of marks to arrive before counts are fetched.
constexpr int RefreshDelayMs = 150;
} // namespace

ReadState::ReadState(Connection *connection, ChannelModel *channels, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_channels(channels)
{
    m_markTimer.setSingleShot(true);
    connect(&m_markTimer, &QTimer::timeout, this, &ReadState::sendDueMarks);
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(RefreshDelayMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &ReadState::refresh);
    // After the catch-up `sync` EventRouter sends on the same signal: its counts are then
    // replaced by the server's, not added to them.
    connect(m_connection, &Connection::online, this, &ReadState::refresh);
    connect(m_connection, &Connection::online, this, &ReadState::sendDueMarks);
    connect(m_connection, &Connection::readMoved, this, &ReadState::onRead);
    connect(
        m_connection, &Connection::notifyLevelChanged, m_channels, &ChannelModel::setNotifyLevel);
}

void ReadState::refresh()
{
    if (m_refreshing) {
        m_refreshAgain = true;
        return;
    }
    m_refreshing = true;
    m_connection->request(MessageType::ReadState, {}, this, [this](const Reply &reply) {
        m_refreshing = false;
        if (reply.ok()) {
            const QJsonArray channels = reply.result().value(QStringLiteral("channels")).toArray();
            for (const QJsonValue &value : channels) {
                const QJsonObject line = value.toObject();
                const qint64 id = line.value(QStringLiteral("channelId")).toInteger();
                m_lastRead[id] = std::max(
                    m_lastRead.value(id, 0), line.value(QStringLiteral("lastReadId")).toInteger());
                m_channels->setCounts(id, line.value(QStringLiteral("unread")).toInt(),
                    line.value(QStringLiteral("mentions")).toInt());
                m_channels->setNotifyLevel(id, line.value(QStringLiteral("notify")).toString());
            }
            Q_EMIT loaded();
        }
        // A server without read state refuses the verb: the counts stay this app's own.
        if (std::exchange(m_refreshAgain, false))
            m_refreshTimer.start();
    });
}

void ReadState::onRead(qint64 channelId, qint64 lastReadId)
{
    if (lastReadId <= m_lastRead.value(channelId, 0))
        return;
    m_lastRead[channelId] = lastReadId;
    m_refreshTimer.start();
}

qint64 ReadState::lastReadId(qint64 channelId) const
{
    const qint64 known = m_lastRead.value(channelId, -1);
    if (known < 0)
        return -1;
    return std::max({known, m_sent.value(channelId, 0), m_wanted.value(channelId, 0)});
}

void ReadState::markRead(qint64 channelId, qint64 messageId)
{
    if (messageId <= 0 || messageId <= m_lastRead.value(channelId, 0)
        || messageId <= m_wanted.value(channelId, 0))
        return;
    m_wanted[channelId] = messageId;
    sendDueMarks();
}

void ReadState::sendDueMarks()
{
    if (!m_connection->isOnline())
        return; // read.state at the next online says where things stand; marks then resume
    int nextInMs = -1;
    for (auto it = m_wanted.begin(); it != m_wanted.end();) {
        const qint64 channelId = it.key();
        QElapsedTimer &last = m_lastMarkSent[channelId];
        if (last.isValid() && last.elapsed() < MarkIntervalMs) {
            const int wait = int(MarkIntervalMs - last.elapsed());
            nextInMs = nextInMs < 0 ? wait : std::min(nextInMs, wait);
            ++it;
            continue;
        }
        last.start();
        ++m_marksSent;
        m_sent[channelId] = std::max(m_sent.value(channelId, 0), it.value());
        m_connection->request(MessageType::ReadMark,
            {{QStringLiteral("channelId"), channelId}, {QStringLiteral("messageId"), it.value()}},
            this, [this, channelId](const Reply &reply) {
                if (!reply.ok())
                    return; // deleted meanwhile, or an old server: the next mark will do
                const qint64 id = reply.result().value(QStringLiteral("lastReadId")).toInteger();
                m_lastRead[channelId] = std::max(m_lastRead.value(channelId, 0), id);
            });
        it = m_wanted.erase(it);
    }
    if (nextInMs >= 0 && !m_markTimer.isActive())
        m_markTimer.start(nextInMs);
}

void ReadState::setNotifyLevel(qint64 channelId, const QString &level)
{
    m_connection->request(MessageType::ChannelNotify,
        {{QStringLiteral("channelId"), channelId}, {QStringLiteral("level"), level}}, this,
        [this](const Reply &reply) {
            if (!reply.ok()) {
                // Offline or refused: the menu closed as if it had worked; say it did not.
                Q_EMIT failed(
                    tr("The notification setting was not saved: %1").arg(reply.error().message));
                return;
            }
            m_channels->setNotifyLevel(
                reply.result().value(QStringLiteral("channelId")).toInteger(),
                reply.result().value(QStringLiteral("level")).toString());
        });
}

QHash<qint64, qint64> ReadState::positions() const
{
    QHash<qint64, qint64> positions;
    for (auto it = m_lastRead.cbegin(); it != m_lastRead.cend(); ++it)
        positions.insert(it.key(), lastReadId(it.key()));
    return positions;
}

void ReadState::restorePositions(const QHash<qint64, qint64> &positions)
{
    for (auto it = positions.cbegin(); it != positions.cend(); ++it) {
        if (it.value() >= 0 && it.value() > m_lastRead.value(it.key(), -1))
            m_lastRead.insert(it.key(), it.value());
    }
}

void ReadState::reset()
{
    m_lastRead.clear();
    m_wanted.clear();
    m_sent.clear();
    m_lastMarkSent.clear();
    m_markTimer.stop();
    m_refreshTimer.stop();
    m_channels->resetNotifyLevels();
}

} // namespace Hubbub::Client
