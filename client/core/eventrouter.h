#pragma once

#include "eventtype.h"
#include "sessionstate.h"
#include "types.h"

#include <QJsonObject>
#include <QObject>

namespace Hubbub::Client {

class Connection;
class Typing;

//! Takes what the server tells every client (stored events, presence) to the models that show
//! it, and keeps the unread counts and notifications that follow from it. One row of its
//! route table per EventType; a new event kind is a row there and a case in the model.
class EventRouter final : public QObject
{
    Q_OBJECT
public:
    EventRouter(
        Connection *connection, SessionState &state, Typing *typing, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(EventRouter)

    //! Applies one stored event; `live` when it happened just now (not caught up by a sync).
    void route(EventType type, const QJsonObject &frame, bool live);
    //! Whether the route table has a row for `type` (every EventType must).
    static bool routes(EventType type);

    //! What the user is looking at: 0 the feed, else a channel. Clears its unread count.
    void setCurrentView(qint64 channelId);
    qint64 currentView() const { return m_currentView; }
    void setWindowActive(bool active);
    int feedUnread() const { return m_feedUnread; }
    int totalUnread() const;
    //! Signed out: the next account must not inherit these counts.
    void resetUnread();
    //! The counts and the seq they stand at, to keep until the next run.
    UnreadState unreadState() const;
    //! At start, before going online: shows the counts kept from the last run, and once online
    //! adds what arrived since (one `sync` from their seq), counted as live events would be.
    void restoreUnread(const UnreadState &state);

Q_SIGNALS:
    void unreadChanged(int total);
    //! Something happened the user may want to hear about while looking elsewhere.
    void notify(const QString &title, const QString &body, qint64 channelId);

private:
    struct Route;
    static const Route Routes[];

    void onEvent(qint64 seq, EventType type, const QJsonObject &frame);
    void onPresence(const User &user, bool online);
    void toFeed(EventType type, const QJsonObject &frame, bool live);
    void toChat(EventType type, const QJsonObject &frame, bool live);
    void toEveryModel(EventType type, const QJsonObject &frame, bool live);
    void postCreated(EventType type, const QJsonObject &frame, bool live);
    void messageCreated(EventType type, const QJsonObject &frame, bool live);
    void channelCreated(EventType type, const QJsonObject &frame, bool live);
    void nothing(EventType type, const QJsonObject &frame, bool live);
    //! reaction.changed: to the feed for a post, to the channel's chat for a message.
    void reactionChanged(EventType type, const QJsonObject &frame, bool live);
    //! Whether an entry by `authorId` in `view` (0 the feed) counts as unread now.
    bool countsAsUnread(qint64 authorId, qint64 view) const;
    void catchUp();

    Connection *m_connection;
    SessionState &m_state;
    Typing *m_typing;
    qint64 m_currentView = 0;
    bool m_windowActive = true;
    int m_feedUnread = 0;
    //! A restored state's seq, until what came after it is counted (-1: nothing to catch up);
    //! m_catchUpTo is where the live stream took over.
    qint64 m_catchUpFrom = -1;
    qint64 m_catchUpTo = -1;
    bool m_catchingUp = false;
};

} // namespace Hubbub::Client
