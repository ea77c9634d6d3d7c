// ChatView's part "react" (issue 12): composing a reply, jumping to a quoted message (loading the
// history around it), and reactions. Kept apart from chatview.cpp so that the two grow
// independently.

#include "chatinput.h"
#include "chatmodel.h"
#include "chatview.h"
#include "peoplemodel.h"
#include "plaintext.h"
#include "reactionpicker.h"
#include "reply.h"
#include "replybar.h"
#include "session.h"

#include <QAbstractProxyModel>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

namespace Hubbub::Client {

namespace {
//! How long a message jumped to stays marked.
constexpr int HighlightMs = 1600;
} // namespace

void ChatView::setupReplies()
{
    m_replyBar = new ReplyBar(this);
    m_replyBar->hide();
    auto *box = static_cast<QVBoxLayout *>(layout());
    box->insertWidget(box->indexOf(m_editBar) + 1, m_replyBar);
    connect(m_replyBar, &ReplyBar::cancelled, this, [this] {
        cancelReply();
        m_input->setFocus();
    });
    connect(m_input, &ChatInput::cancelRequested, this, &ChatView::cancelReply);

    m_highlightTimer = new QTimer(this);
    m_highlightTimer->setObjectName(QStringLiteral("highlightTimer"));
    m_highlightTimer->setSingleShot(true);
    connect(m_highlightTimer, &QTimer::timeout, this, [this] {
        m_delegate->setHighlighted(0);
        m_list->viewport()->update();
    });

    m_delegate->setSelfId(m_session->user().id);
    // Signed in again (perhaps as someone else: Switch account keeps this view) or renamed.
    const auto adopt = [this](const User &user) {
        m_delegate->setSelfId(user.id);
        m_list->viewport()->update();
    };
    connect(m_session, &Session::userChanged, this, adopt);
    connect(m_session, &Session::signedIn, this, adopt);
    m_delegate->setNameLookup([this](qint64 userId) { return nameOf(userId); });
    connect(m_delegate, &MessageDelegate::quoteClicked, this, [this](const QModelIndex &index) {
        const qint64 original = index.data(ChatModel::ReplyToIdRole).toLongLong();
        if (original != 0 && !index.data(ChatModel::ReplyDeletedRole).toBool())
            QTimer::singleShot(0, this, [this, original] { jumpToMessage(original); });
    });
    connect(m_delegate, &MessageDelegate::reactionClicked, this,
        [this](const QModelIndex &index, const QString &emoji, bool on) {
            toggleReaction(index.data(ChatModel::IdRole).toLongLong(), emoji, on);
        });
}

void ChatView::startReply(qint64 messageId)
{
    const int row = m_model ? m_model->rowOf(messageId) : -1;
    if (row < 0)
        return;
    cancelEditing();
    m_replyTo = messageId;
    const QModelIndex index = m_model->index(row);
    m_replyBar->setQuote(index.data(ChatModel::AuthorUserRole).value<User>().shownName(),
        // Its first line as it reads, as the quote on the sent reply will show it.
        PlainText::fromMarkdown(
            index.data(ChatModel::TextRole).toString().section(QLatin1Char('\n'), 0, 0)));
    m_replyBar->show();
    m_input->setFocus();
}

void ChatView::cancelReply()
{
    if (m_replyTo == 0)
        return;
    m_replyTo = 0;
    m_replyBar->hide();
}

void ChatView::addReplyActions(QMenu *menu, const QModelIndex &row)
{
    const qint64 messageId = row.data(ChatModel::IdRole).toLongLong();
    if (messageId <= 0 || !row.data(ChatModel::LocalIdRole).toString().isEmpty())
        return; // not stored yet: nothing to reply or react to
    QAction *reply = menu->addAction(tr("Reply"));
    reply->setObjectName(QStringLiteral("replyAction"));
    reply->setShortcut(QKeySequence(Qt::Key_R));
    connect(reply, &QAction::triggered, this, [this, messageId] { startReply(messageId); });
    QAction *react = menu->addAction(tr("Add reaction…"));
    react->setObjectName(QStringLiteral("reactAction"));
    const QPoint at = m_list->viewport()->mapToGlobal(m_list->visualRect(row).bottomLeft());
    connect(react, &QAction::triggered, this,
        [this, messageId, at] { showReactionPicker(messageId, at); });
    menu->addSeparator();
}

bool ChatView::replyKey(const QKeyEvent *key)
{
    if (key->key() != Qt::Key_R || (key->modifiers() & ~Qt::KeypadModifier) != Qt::NoModifier)
        return false;
    const QModelIndex current = m_list->currentIndex();
    const qint64 messageId = current.data(ChatModel::IdRole).toLongLong();
    if (messageId <= 0 || !current.data(ChatModel::LocalIdRole).toString().isEmpty())
        return false;
    startReply(messageId);
    return true;
}

void ChatView::showReactionPicker(qint64 messageId, const QPoint &globalPos)
{
    if (m_picker)
        m_picker->close();
    m_picker = new ReactionPicker(this);
    connect(m_picker, &ReactionPicker::picked, this,
        [this, messageId](const QString &emoji) { toggleReaction(messageId, emoji, true); });
    m_picker->move(globalPos);
    m_picker->show();
    m_picker->customField()->setFocus();
}

void ChatView::toggleReaction(qint64 messageId, const QString &emoji, bool on)
{
    if (messageId > 0)
        m_session->setReaction(messageId, 0, emoji, on, this);
}

void ChatView::jumpToMessage(qint64 messageId)
{
    if (!m_model || messageId <= 0)
        return;
    m_pinned = false;
    if (m_model->rowOf(messageId) >= 0)
        return scrollToMessage(messageId);
    m_session->loadAround(m_channelId, messageId, this, [this, messageId](const Reply &reply) {
        if (reply.ok())
            scrollToMessage(messageId);
    });
}

void ChatView::scrollToMessage(qint64 messageId)
{
    const int row = m_model ? m_model->rowOf(messageId) : -1;
    if (row < 0)
        return;
    auto *proxy = static_cast<QAbstractProxyModel *>(m_list->model());
    const QModelIndex index = proxy->mapFromSource(m_model->index(row));
    m_list->doItemsLayout();
    m_pinned = false;
    m_list->setCurrentIndex(index);
    m_list->scrollTo(index, QAbstractItemView::PositionAtCenter);
    m_delegate->setHighlighted(messageId);
    m_list->viewport()->update();
    m_highlightTimer->start(HighlightMs);
}

void ChatView::maybeFetchNewer()
{
    if (!m_model || !m_model->hasMoreAfter())
        return;
    const QScrollBar *bar = m_list->verticalScrollBar();
    if (bar->maximum() - bar->value() > fontMetrics().height())
        return;
    m_model->fetchNewer();
}

QString ChatView::nameOf(qint64 userId) const
{
    if (userId == m_session->user().id)
        return tr("You");
    PeopleModel *people = m_session->people();
    if (const int row = people->rowOf(userId); row >= 0)
        return people->index(row).data(PeopleModel::UsernameRole).toString();
    // Someone offline: as they signed their messages here.
    if (m_model) {
        for (int row = m_model->rowCount() - 1; row >= 0; --row) {
            const QModelIndex index = m_model->index(row);
            if (index.data(ChatModel::AuthorIdRole).toLongLong() == userId)
                return index.data(ChatModel::AuthorRole).toString();
        }
    }
    return {};
}

} // namespace Hubbub::Client
