#include "eventrouter.h"

#include "channelmodel.h"
#include "chatmodel.h"
#include "connection.h"
#include "feedmodel.h"
#include "peoplemodel.h"
#include "sessionstate.h"
#include "typing.h"

namespace Hubbub::Client {

namespace {

QString elide(const QString &text, int max = 140)
{
    const QString simple = text.simplified();
    return simple.size() <= max ? simple : simple.left(max - 1) + QChar(0x2026);
}

} // namespace

struct EventRouter::Route
{
    EventType type;
    void (EventRouter::*apply)(EventType type, const QJsonObject &frame, bool live);
};

// Where each event goes. Models apply their events themselves; a row here names the model
// and whatever else follows (unread counts, notifications, typing).
const EventRouter::Route EventRouter::Routes[] = {
    {EventType::UserRenamed, &EventRouter::toEveryModel},
    {EventType::PostCreated, &EventRouter::postCreated},
    {EventType::PostUpdated, &EventRouter::toFeed},
    {EventType::PostDeleted, &EventRouter::toFeed},
    {EventType::ReviewCreated, &EventRouter::toFeed},
    {EventType::ChannelCreated, &EventRouter::channelCreated},
    {EventType::MessageCreated, &EventRouter::messageCreated},
    {EventType::MessageUpdated, &EventRouter::toChat},
    {EventType::MessageDeleted, &EventRouter::toChat},
};

EventRouter::EventRouter(
    Connection *connection, SessionState &state, Typing *typing, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_state(state)
    , m_typing(typing)
{
    connect(m_connection, &Connection::eventReceived, this, &EventRouter::onEvent);
    connect(m_connection, &Connection::presenceListed, m_state.people, &PeopleModel::setUsers);
    connect(m_connection, &Connection::presenceChanged, this, &EventRouter::onPresence);
    connect(m_state.channels, &ChannelModel::totalUnreadChanged, this,
        [this] { Q_EMIT unreadChanged(totalUnread()); });
}

bool EventRouter::routes(EventType type)
{
    return std::any_of(std::begin(Routes), std::end(Routes),
        [type](const Route &route) { return route.type == type; });
}

void EventRouter::onEvent(qint64, EventType type, const QJsonObject &frame)
{
    route(type, frame, m_connection->isOnline());
}

void EventRouter::route(EventType type, const QJsonObject &frame, bool live)
{
    for (const Route &route : Routes) {
        if (route.type == type)
            return (this->*route.apply)(type, frame, live);
    }
}

void EventRouter::toFeed(EventType type, const QJsonObject &frame, bool)
{
    m_state.feed->applyEvent(type, frame);
}

void EventRouter::toChat(EventType type, const QJsonObject &frame, bool)
{
    // message.deleted names its channel; the others carry the message.
    const qint64 channelId = frame.contains(QStringLiteral("message"))
        ? frame.value(QStringLiteral("message"))
              .toObject()
              .value(QStringLiteral("channelId"))
              .toInteger()
        : frame.value(QStringLiteral("channelId")).toInteger();
    if (ChatModel *chat = m_state.openChat(channelId))
        chat->applyEvent(type, frame);
}

void EventRouter::toEveryModel(EventType type, const QJsonObject &frame, bool)
{
    // Through applyEvent, so that a reload in progress replays it on the fresh page.
    m_state.feed->applyEvent(type, frame);
    for (const auto &[id, chat] : m_state.chats)
        chat->applyEvent(type, frame);
    m_state.people->renameUser(User::fromJson(frame.value(QStringLiteral("user")).toObject()));
}

void EventRouter::channelCreated(EventType, const QJsonObject &frame, bool)
{
    m_state.channels->upsert(Channel::fromJson(frame.value(QStringLiteral("channel")).toObject()));
}

void EventRouter::postCreated(EventType type, const QJsonObject &frame, bool live)
{
    toFeed(type, frame, live);
    const Post post = Post::fromJson(frame.value(QStringLiteral("post")).toObject());
    if (post.author.id == m_state.user.id)
        return;
    if (m_currentView != 0 || !m_windowActive) {
        ++m_feedUnread;
        Q_EMIT unreadChanged(totalUnread());
    }
    if (live && !m_windowActive)
        Q_EMIT notify(tr("New post by %1").arg(post.author.username), elide(post.title), 0);
}

void EventRouter::messageCreated(EventType type, const QJsonObject &frame, bool live)
{
    toChat(type, frame, live);
    const Message message = Message::fromJson(frame.value(QStringLiteral("message")).toObject());
    if (message.author.id == m_state.user.id)
        return;
    m_typing->messageArrived(message.channelId, message.author.id);
    if (m_currentView != message.channelId || !m_windowActive)
        m_state.channels->addUnread(message.channelId);
    if (live && !m_windowActive) {
        const int row = m_state.channels->rowOf(message.channelId);
        const QString channel
            = row >= 0 ? m_state.channels->channelAt(row).name : QString::number(message.channelId);
        Q_EMIT notify(tr("%1 in #%2").arg(message.author.username, channel), elide(message.text),
            message.channelId);
    }
}

void EventRouter::onPresence(const User &user, bool online)
{
    if (!m_state.people->setOnline(user, online) || user.id == m_state.user.id)
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const auto &[id, chat] : m_state.chats)
        chat->addPresenceLine(user, online, now);
}

void EventRouter::setCurrentView(qint64 channelId)
{
    m_currentView = channelId;
    if (channelId == 0) {
        if (m_feedUnread != 0) {
            m_feedUnread = 0;
            Q_EMIT unreadChanged(totalUnread());
        }
    } else {
        m_state.channels->clearUnread(channelId);
    }
}

void EventRouter::setWindowActive(bool active)
{
    m_windowActive = active;
    if (active)
        setCurrentView(m_currentView);
}

int EventRouter::totalUnread() const
{
    return m_state.channels->totalUnread() + m_feedUnread;
}

void EventRouter::resetUnread()
{
    m_feedUnread = 0;
    for (int row = 0; row < m_state.channels->rowCount(); ++row)
        m_state.channels->clearUnread(m_state.channels->channelAt(row).id);
    Q_EMIT unreadChanged(totalUnread());
}

} // namespace Hubbub::Client
