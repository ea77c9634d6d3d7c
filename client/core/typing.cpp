#include "typing.h"

#include "connection.h"
#include "sessionstate.h"

namespace Hubbub::Client {

Typing::Typing(Connection *connection, const SessionState &state, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_state(state)
{
    m_pruneTimer.setInterval(1000);
    connect(&m_pruneTimer, &QTimer::timeout, this, &Typing::prune);
    connect(m_connection, &Connection::typing, this, &Typing::onTyping);
}

void Typing::send(qint64 channelId)
{
    if (!m_connection->isOnline())
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime last = m_lastSent.value(channelId);
    if (last.isValid() && last.secsTo(now) < SendSeconds)
        return;
    m_lastSent.insert(channelId, now);
    m_connection->request(
        MessageType::ChatTyping, {{QStringLiteral("channelId"), channelId}}, this, {});
}

void Typing::messageSent(qint64 channelId)
{
    m_lastSent.remove(channelId);
}

void Typing::messageArrived(qint64 channelId, qint64 authorId)
{
    auto typists = m_typing.find(channelId);
    if (typists != m_typing.end() && typists->remove(authorId))
        Q_EMIT typingChanged(channelId);
}

void Typing::clear()
{
    const QList<qint64> channels = m_typing.keys();
    m_typing.clear();
    for (qint64 channelId : channels)
        Q_EMIT typingChanged(channelId);
}

void Typing::onTyping(qint64 channelId, const User &user)
{
    if (user.id == m_state.user.id)
        return;
    m_typing[channelId].insert(
        user.id, {user.username, QDateTime::currentDateTimeUtc().addSecs(ShownSeconds)});
    if (!m_pruneTimer.isActive())
        m_pruneTimer.start();
    Q_EMIT typingChanged(channelId);
}

void Typing::prune()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (auto channel = m_typing.begin(); channel != m_typing.end();) {
        bool changed = false;
        for (auto typist = channel->begin(); typist != channel->end();) {
            if (typist->until <= now) {
                typist = channel->erase(typist);
                changed = true;
            } else {
                ++typist;
            }
        }
        const qint64 channelId = channel.key();
        channel = channel->isEmpty() ? m_typing.erase(channel) : std::next(channel);
        if (changed)
            Q_EMIT typingChanged(channelId);
    }
    if (m_typing.isEmpty())
        m_pruneTimer.stop();
}

QStringList Typing::typingIn(qint64 channelId) const
{
    QStringList names;
    const auto typists = m_typing.value(channelId);
    for (const Typist &typist : typists)
        names.append(typist.name);
    names.sort(Qt::CaseInsensitive);
    return names;
}

} // namespace Hubbub::Client
