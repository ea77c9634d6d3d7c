#pragma once

#include "messagedelegate.h"
#include "reactionpicker.h"

#include <QDateTime>
#include <QHash>
#include <QPersistentModelIndex>
#include <QPointer>
#include <QWidget>

#include <functional>

class QKeyEvent;
class QLabel;
class QListView;
class QMenu;
class QTimer;
class QToolButton;

namespace Hubbub::Client {

class AttachmentBar;
class ChatInput;
class ChatModel;
class ReadTracker;
class ReplyBar;
class Session;
class Uploads;

//! One channel's conversation: a header with the name and topic, the messages (kept at the
//! bottom while the user is there, older history loading at the top), who is typing, and the
//! message box with editing of one's own last message.
class ChatView final : public QWidget
{
    Q_OBJECT
public:
    explicit ChatView(Session *session, QWidget *parent = nullptr);
    ~ChatView() override;
    Q_DISABLE_COPY_MOVE(ChatView)

    //! Shows `channelId` (0 shows nothing).
    void setChannel(qint64 channelId, const QString &knownName = {});
    qint64 channel() const { return m_channelId; }
    //! The channel's name: from the channel list, else the one given with setChannel() (the
    //! name it had when last seen), else empty.
    QString channelName() const;

    QListView *listView() const { return m_list; }
    ChatInput *input() const { return m_input; }
    //! The files being attached to the next message (part "files").
    AttachmentBar *attachments() const { return m_attachments; }
    QLabel *typingLabel() const { return m_typing; }
    //! The actions for a row of listView()'s model, or nullptr when there are none. The caller
    //! owns the menu. Actions: "editAction", "deleteAction", "copyAction", "retryAction",
    //! "discardAction", "messageAuthorAction" (by objectName).
    QMenu *contextMenuFor(const QModelIndex &index);
    //! Starts editing one of the user's messages in the message box.
    void startEditing(qint64 messageId);
    //! The message being edited, or 0.
    qint64 editingMessage() const { return m_editingId; }
    //! Whether new messages keep the list scrolled to the bottom.
    bool isPinnedToBottom() const { return m_pinned; }
    //! What the pane says instead of, or above, the messages: that they have not loaded yet
    //! (offline, connecting, loading), or that there are none; empty when it says nothing.
    QString placeholderText() const;
    MessageDelegate *delegate() const { return m_delegate; }
    //! Marks what the user sees read and places the "New messages" line (part "read").
    ReadTracker *readTracker() const { return m_readTracker; }
    //! The local time the date separators go by ("Today" becomes "Yesterday" at midnight);
    //! QDateTime::currentDateTime() unless a test sets another.
    void setClock(std::function<QDateTime()> clock);

    // Part "react" (chatviewreplies.cpp): replies, jumps to a message, reactions.
    //! Composes a reply to `messageId`: the reply bar shows its quote above the message box.
    void startReply(qint64 messageId);
    void cancelReply();
    qint64 replyingTo() const { return m_replyTo; }
    ReplyBar *replyBar() const { return m_replyBar; }
    //! Shows the message in this channel, loading the history around it when it is not loaded
    //! (chat.around), and marks it briefly.
    void jumpToMessage(qint64 messageId);
    //! Opens the reaction picker for a message at `globalPos`; the last one opened, or null.
    void showReactionPicker(qint64 messageId, const QPoint &globalPos);
    ReactionPicker *reactionPicker() const { return m_picker; }
Q_SIGNALS:
    //! "Message NAME" on someone's message: talk to its author directly.
    void directMessageRequested(qint64 userId);
    //! An author's avatar or name was clicked: show their card at `globalPos`.
    void userActivated(const Hubbub::User &user, const QPoint &globalPos);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateHeader();
    QString elidedTopic() const;
    void updateTyping();
    void updateLengthHint();
    void updatePlaceholder();
    //! Moves "Today" on when the local date has changed, and waits for the next midnight.
    void updateToday();
    void submit(const QString &text);
    void editLast();
    void cancelEditing();
    void showContextMenu(const QModelIndex &index, const QPoint &globalPos);
    void confirmDelete(qint64 messageId);
    void copyText(const QModelIndex &index);
    void activateLink(const QModelIndex &index, MessageDelegate::Link link);
    //! The outbox entry a row stands for (Outbox::changeShownBy, the rule FeedView uses too).
    QString pendingChangeOf(const QModelIndex &index) const;

    void scrollToBottom();
    void onScrolled(int value);
    void onRangeChanged();
    void onRowsAboutToBeInserted(int first);
    void onRowsInserted(int first);
    //! Asks for older history when the top is in sight.
    void maybeFetchOlder();

    // Part "react" (chatviewreplies.cpp).
    void setupReplies();
    void addReplyActions(QMenu *menu, const QModelIndex &row);
    //! R on a message in the list replies to it; true when the key was used.
    bool replyKey(const QKeyEvent *key);
    void scrollToMessage(qint64 messageId);
    void toggleReaction(qint64 messageId, const QString &emoji, bool on);
    //! Newer messages after a jump back in time, when the bottom is in sight.
    void maybeFetchNewer();
    QString nameOf(qint64 userId) const;

    Session *m_session;
    qint64 m_channelId = 0;
    QPointer<ChatModel> m_model; //!< owned by the session

    QLabel *m_name;
    QLabel *m_topic;
    QString m_topicText;
    QString m_knownName; //!< The name setChannel() was given, for before the list has loaded.
    class List;
    QListView *m_list; //!< a List
    MessageDelegate *m_delegate;
    class ProxyModel;
    ProxyModel *m_proxy;
    QLabel *m_typing;
    QLabel *m_lengthHint;
    QWidget *m_editBar;
    QToolButton *m_cancelEdit;
    ChatInput *m_input;
    AttachmentBar *m_attachments; // part "files"

    qint64 m_editingId = 0;
    bool m_pinned = true;
    QHash<qint64, QString> m_drafts; //!< unsent text per channel
    QHash<qint64, Uploads *> m_uploadsOf; //!< files being attached, per channel (children)
    std::function<QDateTime()> m_clock;
    QTimer *m_dayTimer; //!< "dayTimer": fires at the next local midnight
    ReplyBar *m_replyBar = nullptr;
    qint64 m_replyTo = 0;
    QTimer *m_highlightTimer = nullptr;
    QPointer<ReactionPicker> m_picker;
    //! The top visible row and its offset, kept in place while older rows go in above it.
    QPersistentModelIndex m_anchor;
    int m_anchorTop = 0;
    ReadTracker *m_readTracker = nullptr;
};

} // namespace Hubbub::Client
