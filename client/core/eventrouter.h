#pragma once

#include "eventtype.h"
#include "types.h"

#include <QJsonObject>
#include <QObject>

namespace Hubbub::Client {

class Connection;
class Typing;
struct SessionState;

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

    Connection *m_connection;
    SessionState &m_state;
    Typing *m_typing;
    qint64 m_currentView = 0;
    bool m_windowActive = true;
    int m_feedUnread = 0;
};

} // namespace Hubbub::Client
