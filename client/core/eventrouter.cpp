#include "eventrouter.h"

#include "channelmodel.h"
#include "chatmodel.h"
#include "connection.h"
#include "feedmodel.h"
#include "peoplemodel.h"
#include "plaintext.h"
#include "reply.h"
#include "serverframe.h"
#include "sessionstate.h"
#include "typing.h"

#include <QJsonArray>

namespace Hubbub::Client {

namespace {

QString elide(const QString &text, int max = 140)
{
    const QString simple = text.simplified();
    return simple.size() <= max ? simple : simple.left(max - 1) + QChar(0x2026);
}

//! Whether a message (as JSON) mentions the user: its `mentions` (part "rich") name them.
bool mentionsUser(const QJsonObject &message, qint64 userId)
{
    const QJsonArray mentions = message.value(QStringLiteral("mentions")).toArray();
    return std::any_of(mentions.begin(), mentions.end(), [userId](const QJsonValue &mention) {
        return mention.toObject().value(QStringLiteral("userId")).toInteger() == userId;
    });
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
    // Connection applies its seq and goes no further; nothing here to show.
    {EventType::Hidden, &EventRouter::nothing},
    {EventType::UserUpdated, &EventRouter::toEveryModel},
    {EventType::ReactionChanged, &EventRouter::reactionChanged},
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
    connect(m_connection, &Connection::online, this, &EventRouter::catchUp);
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
    const User user = User::fromJson(frame.value(QStringLiteral("user")).toObject());
    m_state.people->renameUser(user);
    m_state.channels->renameUser(user);
}

void EventRouter::nothing(EventType, const QJsonObject &, bool)
{ }
void EventRouter::reactionChanged(EventType type, const QJsonObject &frame, bool live)
{
    if (frame.contains(QStringLiteral("postId")))
        toFeed(type, frame, live);
    else
        toChat(type, frame, live); // names its channelId
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
    if (countsAsUnread(post.author.id, 0)) {
        ++m_feedUnread;
        Q_EMIT unreadChanged(totalUnread());
    }
    if (live && !m_windowActive)
        Q_EMIT notify(tr("New post by %1").arg(post.author.shownName()), elide(post.title), 0);
}

void EventRouter::messageCreated(EventType type, const QJsonObject &frame, bool live)
{
    toChat(type, frame, live);
    const Message message = Message::fromJson(frame.value(QStringLiteral("message")).toObject());
    if (message.author.id == m_state.user.id)
        return;
    m_typing->messageArrived(message.channelId, message.author.id);
    const bool mentionsMe
        = mentionsUser(frame.value(QStringLiteral("message")).toObject(), m_state.user.id);
    if (countsAsUnread(message.author.id, message.channelId)) {
        m_state.channels->addUnread(message.channelId);
        if (mentionsMe)
            m_state.channels->addMention(message.channelId);
    }
    // The user's level for the channel (part "read"); a mention notifies whatever the level.
    const bool wanted = mentionsMe || m_state.channels->notifyLevel(message.channelId) == u"all";
    if (live && !m_windowActive && wanted) {
        const int row = m_state.channels->rowOf(message.channelId);
        const Channel channel = row >= 0 ? m_state.channels->channelAt(row) : Channel {};
        const QString name = row >= 0 ? channel.name : QString::number(message.channelId);
        // A conversation of two is named by the author already; a group by its members.
        const QString title = !channel.isDirect()
            ? tr("%1 in #%2").arg(message.author.shownName(), name)
            : channel.members.size() <= 2 ? message.author.shownName()
                                          : tr("%1 in %2").arg(message.author.shownName(), name);
        // The text as it reads, not its Markdown source.
        Q_EMIT notify(title, elide(PlainText::fromMarkdown(message.text)), message.channelId);
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
    m_catchUpFrom = -1;
    m_catchUpTo = -1;
    const QList<qint64> ids = m_state.channels->unreadCounts().keys();
    for (qint64 id : ids)
        m_state.channels->clearUnread(id);
    Q_EMIT unreadChanged(totalUnread());
}

bool EventRouter::countsAsUnread(qint64 authorId, qint64 view) const
{
    return authorId != m_state.user.id && (m_currentView != view || !m_windowActive);
}

UnreadState EventRouter::unreadState() const
{
    // Until the catch-up is done the counts stand where the restored state left them.
    const qint64 seq = m_catchUpFrom >= 0 ? m_catchUpFrom : m_connection->lastSeq();
    return {seq, m_feedUnread, m_state.channels->unreadCounts()};
}

void EventRouter::restoreUnread(const UnreadState &state)
{
    m_feedUnread = state.feed;
    for (auto it = state.channels.cbegin(); it != state.channels.cend(); ++it)
        m_state.channels->addUnread(it.key(), it.value());
    m_catchUpFrom = state.seq;
    m_catchUpTo = -1;
    Q_EMIT unreadChanged(totalUnread());
    if (m_connection->isOnline())
        catchUp();
}

void EventRouter::catchUp()
{
    if (m_catchUpFrom < 0 || m_catchingUp)
        return;
    // Events after the first head are counted live; only the gap before it is ours to count.
    if (m_catchUpTo < 0)
        m_catchUpTo = m_connection->lastSeq();
    if (m_catchUpFrom >= m_catchUpTo) {
        m_catchUpFrom = -1;
        return;
    }
    m_catchingUp = true;
    m_connection->request(MessageType::Sync, {{QStringLiteral("since"), m_catchUpFrom}}, this,
        [this](const Reply &reply) {
            m_catchingUp = false;
            if (reply.isTransportFailure())
                return; // again at the next online
            if (reply.ok()) {
                int feed = 0;
                const QJsonArray events = reply.result().value(QStringLiteral("events")).toArray();
                for (const QJsonValue &value : events) {
                    const auto frame = decodeServerFrame(value.toObject());
                    if (!frame || frame->kind != ServerFrame::Kind::Event || !frame->event
                        || frame->seq > m_catchUpTo)
                        continue;
                    if (*frame->event == EventType::PostCreated) {
                        const Post post
                            = Post::fromJson(frame->data.value(QStringLiteral("post")).toObject());
                        feed += countsAsUnread(post.author.id, 0) ? 1 : 0;
                    } else if (*frame->event == EventType::MessageCreated) {
                        const Message message = Message::fromJson(
                            frame->data.value(QStringLiteral("message")).toObject());
                        if (countsAsUnread(message.author.id, message.channelId))
                            m_state.channels->addUnread(message.channelId);
                    }
                }
                m_feedUnread += feed;
            }
            // too_old: the log no longer reaches back; the kept counts are all there is.
            m_catchUpFrom = -1;
            Q_EMIT unreadChanged(totalUnread());
        });
}

} // namespace Hubbub::Client
