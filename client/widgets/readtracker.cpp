#include "readtracker.h"

#include "chatmodel.h"
#include "chatview.h"
#include "readstate.h"
#include "session.h"

#include <QGuiApplication>
#include <QListView>
#include <QScrollBar>
#include <QWindow>

namespace Hubbub::Client {

ReadTracker::ReadTracker(ChatView *view, Session *session)
    : QObject(view)
    , m_view(view)
    , m_session(session)
{
    QListView *list = m_view->listView();
    connect(list->verticalScrollBar(), &QScrollBar::valueChanged, this, &ReadTracker::maybeMark);
    connect(list->verticalScrollBar(), &QScrollBar::rangeChanged, this, &ReadTracker::maybeMark);
    QAbstractItemModel *model = list->model();
    const auto changed = [this] {
        maybePlaceLine();
        maybeMark();
    };
    connect(model, &QAbstractItemModel::rowsInserted, this, changed);
    connect(model, &QAbstractItemModel::modelReset, this, changed);
    connect(qGuiApp, &QGuiApplication::focusWindowChanged, this, &ReadTracker::maybeMark);
    m_view->installEventFilter(this);
    connect(m_session->readState(), &ReadState::loaded, this, [this, changed] {
        if (m_channelId != 0 && m_stoppedAt < 0)
            m_stoppedAt = m_session->readState()->lastReadId(m_channelId);
        changed();
    });
}

bool ReadTracker::eventFilter(QObject *watched, QEvent *event)
{
    // The feed in its place is leaving the channel too: the next look at it is a new visit
    // with its own line. (A minimised window hides it spontaneously: not a leaving.)
    if (watched == m_view && !event->spontaneous()) {
        if (event->type() == QEvent::Hide)
            leave();
        else if (event->type() == QEvent::Show)
            channelChanged();
    }
    return QObject::eventFilter(watched, event);
}

void ReadTracker::leave()
{
    // No channel until the next visit starts: while the view is being shown again its scroll
    // bar changes before its Show event, and a mark then would move the read position before
    // the visit has read it for the "New messages" line.
    m_channelId = 0;
    m_stoppedAt = -1;
    m_lineDecided = false;
    setLine(0);
}

void ReadTracker::channelChanged()
{
    m_channelId = m_view->channel();
    m_stoppedAt = m_channelId != 0 ? m_session->readState()->lastReadId(m_channelId) : -1;
    m_lineDecided = false;
    m_scrollToLine = true;
    setLine(0);
    maybePlaceLine();
    maybeMark();
}

int ReadTracker::rowOf(qint64 messageId) const
{
    const QAbstractItemModel *model = m_view->listView()->model();
    for (int row = model->rowCount() - 1; row >= 0; --row) {
        if (model->index(row, 0).data(ChatModel::IdRole).toLongLong() == messageId)
            return row;
    }
    return -1;
}

void ReadTracker::maybePlaceLine()
{
    if (!m_view->isVisible())
        return;
    ChatModel *chat = m_channelId != 0 ? m_session->chat(m_channelId) : nullptr;
    if (m_lineDecided || !chat || !chat->isLoaded() || m_stoppedAt < 0)
        return;
    // Above the first message after the read position that someone else wrote: the user's
    // own messages were read as they were written.
    const QAbstractItemModel *model = m_view->listView()->model();
    const qint64 me = m_session->user().id;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        const qint64 id = index.data(ChatModel::IdRole).toLongLong();
        if (id > m_stoppedAt
            && index.data(ChatModel::KindRole).value<ChatModel::Kind>() == ChatModel::Kind::Message
            && index.data(ChatModel::AuthorIdRole).toLongLong() != me) {
            if (row == 0 && chat->canFetchMore({})) {
                // Unread from the oldest row loaded on, and older history not loaded: where
                // reading stopped is further up. The line waits for those rows (the user
                // scrolling up loads them); the view stays at the bottom meanwhile.
                m_scrollToLine = false;
                return;
            }
            m_lineDecided = true;
            setLine(id);
            // Start reading where the line is, unless it is in view already or the user has
            // scrolled meanwhile.
            m_view->listView()->doItemsLayout();
            if (m_scrollToLine && m_view->listView()->visualRect(index).top() < 0)
                m_view->listView()->scrollTo(index, QAbstractItemView::PositionAtTop);
            return;
        }
    }
    m_lineDecided = true;
}

void ReadTracker::setLine(qint64 messageId)
{
    const qint64 old = std::exchange(m_lineAbove, messageId);
    if (old == messageId)
        return;
    MessageDelegate *delegate = m_view->delegate();
    delegate->setNewMessagesAbove(messageId);
    const QAbstractItemModel *model = m_view->listView()->model();
    for (qint64 id : {old, messageId}) {
        if (const int row = id != 0 ? rowOf(id) : -1; row >= 0)
            Q_EMIT delegate->sizeHintChanged(model->index(row, 0));
    }
}

void ReadTracker::maybeMark()
{
    if (m_channelId == 0 || !m_view->isVisible() || !m_view->window()->isActiveWindow()
        || !m_view->isPinnedToBottom())
        return;
    // The newest message the server knows (rows still sending have no id yet).
    const QAbstractItemModel *model = m_view->listView()->model();
    for (int row = model->rowCount() - 1; row >= 0; --row) {
        const qint64 id = model->index(row, 0).data(ChatModel::IdRole).toLongLong();
        if (id > 0) {
            m_session->readState()->markRead(m_channelId, id);
            return;
        }
    }
}

} // namespace Hubbub::Client
