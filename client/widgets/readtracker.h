#pragma once

#include <QObject>
#include <QPointer>

namespace Hubbub::Client {

class ChatView;
class Session;

//! Part "read" for one ChatView: marks the newest message read while the user can see it
//! (the window active and the bottom of the conversation in view), and places the
//! "New messages" line where the user had stopped reading when they opened the channel. The
//! line stays where it is, new messages or not, until the user opens another channel.
class ReadTracker final : public QObject
{
    Q_OBJECT
public:
    ReadTracker(ChatView *view, Session *session);
    Q_DISABLE_COPY_MOVE(ReadTracker)

    //! The view shows another channel now (ChatView::setChannel).
    void channelChanged();
    //! The message the "New messages" line is above (0: none).
    qint64 lineAbove() const { return m_lineAbove; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    //! The user left the channel (another view shows): the line goes.
    void leave();
    //! Marks the newest message when the user can see it.
    void maybeMark();
    //! Decides the line once per visit, when both the history and the read position are in.
    void maybePlaceLine();
    void setLine(qint64 messageId);
    int rowOf(qint64 messageId) const;

    ChatView *m_view;
    Session *m_session;
    qint64 m_channelId = 0;
    qint64 m_stoppedAt = -1; //!< the read position when the channel was opened (-1: not known)
    bool m_lineDecided = false;
    bool m_scrollToLine = true; //!< false once the line had to wait for older rows
    qint64 m_lineAbove = 0;
};

} // namespace Hubbub::Client
