#include "chatview.h"

#include "attachmentbar.h"
#include "downloads.h"
#include "downloadsbar.h"
#include "uploads.h"

#include "channelmodel.h"
#include "charwidth.h"
#include "chatinput.h"
#include "chatmodel.h"
#include "connection.h"
#include "deleteconfirmation.h"
#include "edithistorydialog.h"
#include "imagecache.h"
#include "loadstate.h"
#include "mentioncompleter.h"
#include "outbox.h"
#include "protocollimits.h"
#include "readtracker.h"
#include "session.h"

#include <QAction>
#include <QApplication>
#include <QBoxLayout>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QIdentityProxyModel>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QResizeEvent>
#include <QScrollBar>
#include <QTimer>
#include <QToolButton>

#include <algorithm>

namespace Hubbub::Client {

namespace {
//! The length hint shows from this many characters on.
constexpr int LengthHintFrom = Limits::ChatTextMax - 500;
} // namespace

//! The chat model as the list sees it, minus fetching: QListView asks for more whenever its
//! last row is in sight, but "more" is older history, which belongs at the top. ChatView
//! fetches it itself when the top comes into sight.
class ChatView::ProxyModel final : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    bool canFetchMore(const QModelIndex &) const override { return false; }
    void fetchMore(const QModelIndex &) override { }
};

//! The message list: rows wrap again as soon as the width changes, and a conversation shorter
//! than the pane sits at its bottom, by the message box, as in every chat app.
class ChatView::List final : public QListView
{
public:
    explicit List(QWidget *parent)
        : QListView(parent)
        , m_placeholder(new QLabel(this))
    {
        // The strip above the rows (see updateGeometries()) shows the viewport's colour.
        setBackgroundRole(QPalette::Base);
        setAutoFillBackground(true);
        m_placeholder->setObjectName(QStringLiteral("chatPlaceholder"));
        m_placeholder->setTextFormat(Qt::PlainText);
        m_placeholder->setWordWrap(true);
        m_placeholder->setForegroundRole(QPalette::PlaceholderText);
        m_placeholder->setAttribute(Qt::WA_TransparentForMouseEvents);
        const int unit = fontMetrics().height();
        m_placeholder->setContentsMargins(unit, unit / 2, unit, unit / 2);
        m_placeholder->hide();
    }

    //! Shown in the strip above the rows: all of the pane while there are none.
    void setPlaceholderText(const QString &text)
    {
        m_placeholder->setText(text);
        placePlaceholder();
    }
    QString placeholderText() const { return m_placeholder->text(); }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QListView::resizeEvent(event);
        if (event->size().width() == event->oldSize().width())
            return;
        // QListView's Adjust mode re-lays out a top-to-bottom list only when its height
        // changes, yet visualRect() asks the delegate for each row's height at the new width: a
        // row that wraps to more lines was painted over the rows below, kept at their old
        // positions. Lay out now, not after Adjust's 100 ms delay, which shows the overlap
        // while the user drags the window edge. A scroll bar appearing during this layout
        // narrows the viewport again: that nested resize waits for the next event loop pass.
        if (m_layingOut) {
            scheduleDelayedItemsLayout();
            return;
        }
        m_layingOut = true;
        doItemsLayout();
        m_layingOut = false;
    }

    void updateGeometries() override
    {
        QListView::updateGeometries();
        // Rows shorter than the pane start this far down, so the newest one sits at the bottom.
        // (QListView keeps the contents size of the last rows it laid out when none are left.)
        const int rows = model() && model()->rowCount() > 0 ? contentsSize().height() : 0;
        const int gap = qMax(0, viewport()->height() + m_topGap - rows);
        if (gap != m_topGap) {
            m_topGap = gap;
            setViewportMargins(0, gap, 0, 0);
        }
        placePlaceholder();
    }

private:
    void placePlaceholder()
    {
        const bool empty = !model() || model()->rowCount() == 0;
        const QRect strip(0, 0, width(), m_topGap);
        m_placeholder->setAlignment(empty ? Qt::AlignCenter : Qt::AlignHCenter | Qt::AlignBottom);
        m_placeholder->setGeometry(strip);
        // Above many queued messages there may be no room: the rows matter more then.
        m_placeholder->setVisible(!m_placeholder->text().isEmpty()
            && m_placeholder->heightForWidth(strip.width()) <= strip.height());
    }

    QLabel *m_placeholder;
    bool m_layingOut = false;
    int m_topGap = 0;
};

ChatView::ChatView(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_name(new QLabel(this))
    , m_topic(new QLabel(this))
    , m_list(new List(this))
    , m_delegate(new MessageDelegate(this))
    , m_proxy(new ProxyModel(this))
    , m_typing(new QLabel(this))
    , m_lengthHint(new QLabel(this))
    , m_editBar(new QWidget(this))
    , m_cancelEdit(new QToolButton(m_editBar))
    , m_input(new ChatInput(this))
    , m_attachments(new AttachmentBar(new Uploads(session->connection(), this), this))
    , m_dayTimer(new QTimer(this))
{
    const int unit = fontMetrics().height();

    // Header: "# name" in bold, the topic beside it.
    m_name->setObjectName(QStringLiteral("channelName"));
    QFont bold = m_name->font();
    bold.setBold(true);
    m_name->setFont(bold);
    m_name->setTextFormat(Qt::PlainText);
    m_topic->setObjectName(QStringLiteral("channelTopic"));
    m_topic->setTextFormat(Qt::PlainText);
    m_topic->setForegroundRole(QPalette::PlaceholderText);
    // A long topic is elided to the window rather than widening it (see eventFilter()).
    m_topic->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_topic->installEventFilter(this);
    auto *header = new QHBoxLayout;
    header->setContentsMargins(unit * 3 / 4, unit / 2, unit * 3 / 4, unit / 2);
    header->setSpacing(unit);
    header->addWidget(m_name);
    header->addWidget(m_topic, 1);
    auto *rule = new QFrame(this);
    rule->setFrameShape(QFrame::HLine);
    rule->setFrameShadow(QFrame::Sunken);

    m_list->setObjectName(QStringLiteral("chatList"));
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setModel(m_proxy);
    m_list->setItemDelegate(m_delegate);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setUniformItemSizes(false);
    m_list->setMouseTracking(true);
    m_list->viewport()->setAttribute(Qt::WA_Hover);
    m_list->verticalScrollBar()->setSingleStep(unit);
    m_list->setAccessibleName(tr("Messages"));
    m_list->installEventFilter(this);
    m_list->viewport()->installEventFilter(this);
    auto *copy = new QAction(tr("Copy text"), m_list);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, [this] { copyText(m_list->currentIndex()); });
    m_list->addAction(copy);

    m_typing->setObjectName(QStringLiteral("typingLabel"));
    m_typing->setTextFormat(Qt::PlainText);
    m_typing->setForegroundRole(QPalette::PlaceholderText);
    m_typing->setMinimumHeight(m_typing->fontMetrics().height()); // no jump when it fills
    m_typing->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    m_typing->setAccessibleName(tr("Typing"));
    m_lengthHint->setObjectName(QStringLiteral("lengthHint"));
    m_lengthHint->setTextFormat(Qt::PlainText);
    m_lengthHint->hide();
    auto *status = new QHBoxLayout;
    status->setContentsMargins(unit * 3 / 4, 0, unit * 3 / 4, 0);
    status->addWidget(m_typing, 1);
    status->addWidget(m_lengthHint);

    // "Editing message — Esc to cancel" above the box while an edit is open.
    m_editBar->setObjectName(QStringLiteral("editBar"));
    m_editBar->setAutoFillBackground(true);
    m_editBar->setBackgroundRole(QPalette::AlternateBase);
    auto *editLabel = new QLabel(tr("Editing message — Esc to cancel"), m_editBar);
    m_cancelEdit->setText(tr("Cancel"));
    m_cancelEdit->setAutoRaise(true);
    m_cancelEdit->setAccessibleName(tr("Cancel editing"));
    connect(m_cancelEdit, &QToolButton::clicked, this, &ChatView::cancelEditing);
    auto *editLayout = new QHBoxLayout(m_editBar);
    editLayout->setContentsMargins(unit * 3 / 4, unit / 6, unit / 4, unit / 6);
    editLayout->addWidget(editLabel, 1);
    editLayout->addWidget(m_cancelEdit);
    m_editBar->hide();

    m_input->setObjectName(QStringLiteral("chatInput"));
    auto *inputRow = new QHBoxLayout;
    inputRow->setContentsMargins(unit / 2, unit / 4, unit / 2, unit / 2);
    inputRow->addWidget(m_attachments->makeAttachButton(this), 0, Qt::AlignTop); // part "files"
    inputRow->addWidget(m_input);
    m_attachments->acceptDropsOn(m_input);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(rule);
    layout->addWidget(m_list, 1);
    layout->addLayout(status);
    layout->addWidget(m_editBar);
    layout->addWidget(new DownloadsBar(m_session->downloads(), this)); // part "files"
    layout->addWidget(m_attachments);
    layout->addLayout(inputRow);
    connect(m_delegate, &MessageDelegate::downloadRequested, this,
        [this](const File &file) { m_session->downloads()->start(file); });
    setFocusProxy(m_input);

    connect(m_input, &ChatInput::submitted, this, &ChatView::submit);
    connect(m_input, &ChatInput::editLastRequested, this, &ChatView::editLast);
    connect(m_input, &ChatInput::cancelRequested, this, &ChatView::cancelEditing);
    connect(m_input, &ChatInput::edited, this, [this] {
        if (m_channelId != 0 && m_editingId == 0 && !m_input->document()->isEmpty())
            m_session->sendTyping(m_channelId);
    });
    connect(m_input, &QPlainTextEdit::textChanged, this, &ChatView::updateLengthHint);
    new MentionCompleter(m_input, [this] {
        // In a direct conversation only its members can be mentioned (the server ignores others).
        const ChannelModel *channels = m_session->channels();
        if (const int row = channels->rowOf(m_channelId); row >= 0) {
            if (const Channel channel = channels->channelAt(row); channel.isDirect()) {
                QStringList members;
                for (const User &member : channel.members)
                    members.append(member.username);
                return members;
            }
        }
        QStringList names = m_model ? m_model->knownNames() : QStringList();
        names += peopleNames(m_session);
        return names;
    });
    connect(
        m_delegate, &MessageDelegate::editHistoryRequested, this, [this](const QModelIndex &index) {
            auto *dialog = new EditHistoryDialog(
                m_session, index.data(ChatModel::IdRole).toLongLong(), 0, this);
            dialog->open();
        });
    // Avatars on the author lines, and a click on one or on a name opens the person's card.
    m_delegate->setImages(m_session->images());
    connect(m_session->images(), &ImageCache::imageReady, m_list->viewport(),
        qOverload<>(&QWidget::update));
    connect(m_delegate, &MessageDelegate::authorActivated, this, &ChatView::userActivated);
    connect(m_delegate, &MessageDelegate::linkActivated, this,
        [this](const QModelIndex &index, MessageDelegate::Link link) {
            // Later, not now: a discard removes the row the list view is still handling a
            // click on.
            QTimer::singleShot(0, this, [this, target = QPersistentModelIndex(index), link] {
                activateLink(target, link);
            });
        });

    // Connected after setModel(): these run after the list has seen the same change.
    QScrollBar *bar = m_list->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this, &ChatView::onScrolled);
    connect(bar, &QScrollBar::rangeChanged, this, &ChatView::onRangeChanged);
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeInserted, this,
        [this](const QModelIndex &, int first) { onRowsAboutToBeInserted(first); });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this,
        [this](const QModelIndex &, int first) { onRowsInserted(first); });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &ChatView::updatePlaceholder);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &ChatView::updatePlaceholder);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] {
        updatePlaceholder();
        m_anchor = QPersistentModelIndex();
        m_list->doItemsLayout();
        if (m_pinned)
            scrollToBottom();
        maybeFetchOlder();
    });
    // QListView keeps row heights until told: an edit or a regrouping can change them.
    connect(m_proxy, &QAbstractItemModel::dataChanged, this,
        [this](const QModelIndex &topLeft) { Q_EMIT m_delegate->sizeHintChanged(topLeft); });

    ChannelModel *channels = m_session->channels();
    connect(channels, &QAbstractItemModel::dataChanged, this, &ChatView::updateHeader);
    connect(channels, &QAbstractItemModel::rowsInserted, this, &ChatView::updateHeader);
    connect(channels, &QAbstractItemModel::rowsRemoved, this, &ChatView::updateHeader);
    connect(channels, &QAbstractItemModel::modelReset, this, &ChatView::updateHeader);
    // The session forgets who is typing when the connection drops, without typingChanged.
    connect(m_session->connection(), &Connection::stateChanged, this, &ChatView::updateTyping);
    // Before its history arrives an empty channel means "not loaded", never "no messages".
    connect(m_session->connection(), &Connection::stateChanged, this, &ChatView::updatePlaceholder);
    connect(m_session, &Session::typingChanged, this, [this](qint64 channelId) {
        if (channelId == m_channelId)
            updateTyping();
    });

    m_dayTimer->setObjectName(QStringLiteral("dayTimer"));
    m_dayTimer->setSingleShot(true);
    connect(m_dayTimer, &QTimer::timeout, this, &ChatView::updateToday);
    updateToday();

    m_input->setEnabled(false);
    updateHeader();
    setupReplies();
    m_readTracker = new ReadTracker(this, m_session);
}

ChatView::~ChatView()
{
    // Before QWidget's destructor hides this view: the tracker watches its Hide event and
    // would call into a ChatView that is no longer one (UBSan: tst_chatreplies).
    delete m_readTracker;
}

void ChatView::setChannel(qint64 channelId, const QString &knownName)
{
    if (channelId == m_channelId)
        return;
    m_knownName = knownName;
    cancelEditing();
    cancelReply();
    if (m_channelId != 0)
        m_drafts.insert(m_channelId, m_input->toPlainText());
    m_channelId = channelId;
    m_model = channelId != 0 ? m_session->chat(channelId) : nullptr;
    m_pinned = true;
    m_anchor = QPersistentModelIndex();
    m_proxy->setSourceModel(m_model);
    m_input->setTextSilently(m_drafts.take(channelId));
    // Files being attached stay with their conversation, as its draft does: never sent to the
    // one opened next.
    Uploads *&uploads = m_uploadsOf[channelId];
    if (!uploads)
        uploads = new Uploads(m_session->connection(), this);
    m_attachments->setUploads(uploads);
    m_input->setEnabled(channelId != 0);
    updateHeader();
    updateTyping();
    updateLengthHint();
    updatePlaceholder();
    m_readTracker->channelChanged();
}

QString ChatView::placeholderText() const
{
    return static_cast<const List *>(m_list)->placeholderText();
}

void ChatView::updatePlaceholder()
{
    QString text;
    if (m_model) {
        switch (loadStateOf(m_session->connection()->state(), m_model->isLoaded())) {
        case LoadState::Loaded:
            if (m_model->rowCount() == 0)
                text = tr("No messages yet. Write the first one below.");
            break;
        case LoadState::Loading:
            text = tr("Loading messages…");
            break;
        case LoadState::Connecting:
            text = tr("Connecting… The messages have not loaded yet.");
            break;
        case LoadState::Offline:
            text = tr("Offline: the messages have not loaded yet. They will show as soon as the "
                      "server answers.");
            break;
        }
    }
    static_cast<List *>(m_list)->setPlaceholderText(text);
}

void ChatView::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
    updateToday();
}

void ChatView::updateToday()
{
    const QDateTime now = (m_clock ? m_clock() : QDateTime::currentDateTime()).toLocalTime();
    if (now.date() != m_delegate->today()) {
        m_delegate->setToday(now.date());
        m_list->viewport()->update();
    }
    // A few milliseconds after midnight, so that the date has changed when it fires. At most
    // an hour ahead: a laptop asleep at midnight, or a clock set by hand, is caught up with
    // within the hour (a timer counts time awake, not the wall clock).
    const QDateTime midnight(now.date().addDays(1), QTime(0, 0));
    const qint64 wait = std::clamp<qint64>(now.msecsTo(midnight) + 50, 50, 3600 * 1000);
    m_dayTimer->start(int(wait));
}

QString ChatView::channelName() const
{
    const int row = m_channelId != 0 ? m_session->channels()->rowOf(m_channelId) : -1;
    return row >= 0 ? m_session->channels()->channelAt(row).name : m_knownName;
}

void ChatView::updateHeader()
{
    const int row = m_channelId != 0 ? m_session->channels()->rowOf(m_channelId) : -1;
    const Channel channel = row >= 0 ? m_session->channels()->channelAt(row) : Channel {};
    const QString name = channelName();
    // A direct conversation is named by its people, without the channel's '#'.
    m_name->setText(name.isEmpty() ? QString() : channel.isDirect() ? name : tr("# %1").arg(name));
    m_topicText = channel.topic;
    m_topic->setText(elidedTopic());
    m_topic->setToolTip(channel.topic);
    const QString messageTo = channel.isDirect() ? tr("Message %1") : tr("Message #%1");
    m_input->setPlaceholderText(name.isEmpty() ? QString() : messageTo.arg(name));
    m_input->setAccessibleName(name.isEmpty() ? tr("Message") : messageTo.arg(name));
    m_list->setAccessibleName(name.isEmpty() ? tr("Messages") : tr("Messages in #%1").arg(name));
}

void ChatView::updateTyping()
{
    const QStringList names = m_channelId != 0 ? m_session->typingIn(m_channelId) : QStringList();
    QString text;
    if (names.size() == 1)
        text = tr("%1 is typing…").arg(names.at(0));
    else if (names.size() == 2)
        text = tr("%1 and %2 are typing…").arg(names.at(0), names.at(1));
    else if (names.size() > 2)
        text = tr("Several people are typing…");
    m_typing->setText(text);
}

void ChatView::updateLengthHint()
{
    const int length = int(m_input->toPlainText().trimmed().size());
    if (length < LengthHintFrom) {
        m_lengthHint->hide();
        return;
    }
    QFont font = m_lengthHint->font();
    font.setBold(length > Limits::ChatTextMax);
    m_lengthHint->setFont(font);
    m_lengthHint->setForegroundRole(
        length > Limits::ChatTextMax ? QPalette::WindowText : QPalette::PlaceholderText);
    // Counts without plurals: "(s)" shows as is until there is an English translation.
    const QLocale locale;
    m_lengthHint->setText(length > Limits::ChatTextMax
            ? tr("%1 over the limit").arg(locale.toString(length - Limits::ChatTextMax))
            : tr("%1 left").arg(locale.toString(Limits::ChatTextMax - length)));
    m_lengthHint->setToolTip(
        tr("A message has at most %1 characters.").arg(locale.toString(Limits::ChatTextMax)));
    m_lengthHint->show();
}

void ChatView::submit(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (m_channelId == 0 || !m_model)
        return;
    if (trimmed.size() > Limits::ChatTextMax)
        return; // the length hint says why
    if (m_editingId != 0) {
        const int row = m_model->rowOf(m_editingId);
        if (row >= 0 && !trimmed.isEmpty()
            && trimmed != m_model->index(row).data(ChatModel::TextRole).toString())
            m_session->editMessage(m_editingId, m_channelId, trimmed);
        cancelEditing();
        return;
    }
    // Part "files": the attachments go with the text once all are uploaded.
    Uploads *uploads = m_attachments->uploads();
    if (!uploads->isEmpty() && !uploads->allDone())
        return; // the attachment bar shows what is still uploading
    if (trimmed.isEmpty() && uploads->isEmpty())
        return;
    m_session->sendMessage(m_channelId, trimmed, m_replyTo, uploads->files());
    uploads->clear();
    cancelReply();
    m_input->setTextSilently({});
    updateLengthHint();
    // One's own message is always worth seeing, even when reading history.
    m_pinned = true;
    scrollToBottom();
}

void ChatView::editLast()
{
    if (!m_model || m_editingId != 0)
        return;
    if (const auto last = m_model->lastMessageBy(m_session->user().id))
        startEditing(last->id);
}

void ChatView::startEditing(qint64 messageId)
{
    const int row = m_model ? m_model->rowOf(messageId) : -1;
    if (row < 0)
        return;
    m_editingId = messageId;
    // The text as shown, which includes an edit still on its way.
    m_input->setTextSilently(m_model->index(row).data(ChatModel::TextRole).toString());
    m_editBar->show();
    m_input->setFocus();
    m_list->scrollTo(m_proxy->index(row, 0));
    updateLengthHint();
}

void ChatView::cancelEditing()
{
    if (m_editingId == 0)
        return;
    m_editingId = 0;
    m_editBar->hide();
    m_input->setTextSilently({});
    updateLengthHint();
}

QString ChatView::pendingChangeOf(const QModelIndex &index) const
{
    return m_session->outbox()->changeShownBy(ChangeDomain::Chat,
        index.data(ChatModel::LocalIdRole).toString(), index.data(ChatModel::IdRole).toLongLong());
}

QMenu *ChatView::contextMenuFor(const QModelIndex &index)
{
    if (!index.isValid() || m_channelId == 0)
        return nullptr;
    const QModelIndex row = index.model() == m_proxy ? index : m_proxy->mapFromSource(index);
    if (!row.isValid()
        || row.data(ChatModel::KindRole).value<ChatModel::Kind>() != ChatModel::Kind::Message)
        return nullptr;

    auto *menu = new QMenu(this);
    menu->setAccessibleName(tr("Message actions"));
    const QPersistentModelIndex target(row);
    const bool isSend = !row.data(ChatModel::LocalIdRole).toString().isEmpty();
    const bool failed = !row.data(ChatModel::FailureRole).toString().isEmpty();
    const qint64 messageId = row.data(ChatModel::IdRole).toLongLong();

    if (failed) {
        QAction *retry = menu->addAction(tr("Retry"));
        retry->setObjectName(QStringLiteral("retryAction"));
        connect(retry, &QAction::triggered, this,
            [this, target] { activateLink(target, MessageDelegate::Link::Retry); });
        QAction *discard = menu->addAction(tr("Discard"));
        discard->setObjectName(QStringLiteral("discardAction"));
        connect(discard, &QAction::triggered, this,
            [this, target] { activateLink(target, MessageDelegate::Link::Discard); });
        menu->addSeparator();
    } else if (isSend) {
        // Still queued (offline, say): it can be taken back until it is on its way.
        const auto entry = m_session->outbox()->entry(row.data(ChatModel::LocalIdRole).toString());
        if (entry && entry->status == Outbox::Status::Queued) {
            QAction *discard = menu->addAction(tr("Don't send"));
            discard->setObjectName(QStringLiteral("discardAction"));
            connect(discard, &QAction::triggered, this,
                [this, target] { activateLink(target, MessageDelegate::Link::Discard); });
            menu->addSeparator();
        }
    } else if (m_session->mayChange(row.data(ChatModel::AuthorIdRole).toLongLong())
        && !row.data(ChatModel::DeletingRole).toBool()) {
        QAction *edit = menu->addAction(tr("Edit"));
        edit->setObjectName(QStringLiteral("editAction"));
        connect(edit, &QAction::triggered, this, [this, messageId] { startEditing(messageId); });
        QAction *remove = menu->addAction(tr("Delete…"));
        remove->setObjectName(QStringLiteral("deleteAction"));
        connect(remove, &QAction::triggered, this, [this, messageId] { confirmDelete(messageId); });
        menu->addSeparator();
    }
    addReplyActions(menu, row);
    QAction *copy = menu->addAction(tr("Copy text"));
    copy->setObjectName(QStringLiteral("copyAction"));
    connect(copy, &QAction::triggered, this, [this, target] { copyText(target); });
    if (const qint64 authorId = row.data(ChatModel::AuthorIdRole).toLongLong();
        authorId != 0 && authorId != m_session->user().id) {
        menu->addSeparator();
        QAction *message = menu->addAction(
            tr("Message %1").arg(row.data(ChatModel::AuthorUserRole).value<User>().shownName()));
        message->setObjectName(QStringLiteral("messageAuthorAction"));
        connect(message, &QAction::triggered, this,
            [this, authorId] { Q_EMIT directMessageRequested(authorId); });
    }
    return menu;
}

void ChatView::showContextMenu(const QModelIndex &index, const QPoint &globalPos)
{
    QMenu *menu = contextMenuFor(index);
    if (!menu)
        return;
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(globalPos);
}

void ChatView::confirmDelete(qint64 messageId)
{
    const int row = m_model ? m_model->rowOf(messageId) : -1;
    if (row < 0)
        return;
    // The start of the message, on one line, as the feed quotes a post's title.
    const QString text = m_model->index(row).data(ChatModel::TextRole).toString().simplified();
    const QString quoted
        = fontMetrics().elidedText(text, Qt::ElideRight, charWidth(fontMetrics()) * 40);
    DeleteConfirmation::ask(this, tr("Delete message"), tr("Delete this message?"),
        tr("“%1” will be deleted for everyone.").arg(quoted),
        [this, messageId, channelId = m_channelId] {
            if (m_editingId == messageId)
                cancelEditing();
            m_session->deleteMessage(messageId, channelId);
        });
}

void ChatView::copyText(const QModelIndex &index)
{
    if (!index.isValid()
        || index.data(ChatModel::KindRole).value<ChatModel::Kind>() != ChatModel::Kind::Message)
        return;
    QApplication::clipboard()->setText(index.data(ChatModel::TextRole).toString());
}

void ChatView::activateLink(const QModelIndex &index, MessageDelegate::Link link)
{
    if (!index.isValid())
        return;
    const QString localId = pendingChangeOf(index);
    if (localId.isEmpty())
        return;
    if (link == MessageDelegate::Link::Retry)
        m_session->retry(localId);
    else if (link == MessageDelegate::Link::Discard)
        m_session->discard(localId);
}

QString ChatView::elidedTopic() const
{
    QString topic = m_topicText;
    topic.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return m_topic->fontMetrics().elidedText(topic, Qt::ElideRight, m_topic->width());
}

bool ChatView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_topic && event->type() == QEvent::Resize)
        m_topic->setText(elidedTopic());
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        // Shift+F10 is the other keyboard way to a context menu; Qt maps only the Menu key.
        const auto *key = static_cast<QKeyEvent *>(event);
        if (replyKey(key))
            return true;
        if (key->key() == Qt::Key_F10 && key->modifiers() == Qt::ShiftModifier) {
            const QModelIndex current = m_list->currentIndex();
            showContextMenu(
                current, m_list->viewport()->mapToGlobal(m_list->visualRect(current).center()));
            return true;
        }
    }
    if ((watched == m_list || watched == m_list->viewport())
        && event->type() == QEvent::ContextMenu) {
        const auto *menuEvent = static_cast<QContextMenuEvent *>(event);
        if (menuEvent->reason() == QContextMenuEvent::Mouse) {
            const QPoint pos = m_list->viewport()->mapFromGlobal(menuEvent->globalPos());
            showContextMenu(m_list->indexAt(pos), menuEvent->globalPos());
        } else {
            const QModelIndex current = m_list->currentIndex();
            showContextMenu(
                current, m_list->viewport()->mapToGlobal(m_list->visualRect(current).center()));
        }
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void ChatView::scrollToBottom()
{
    QScrollBar *bar = m_list->verticalScrollBar();
    bar->setValue(bar->maximum());
}

void ChatView::onScrolled(int value)
{
    const QScrollBar *bar = m_list->verticalScrollBar();
    // A few pixels short of the end still counts as reading the newest messages.
    m_pinned = bar->maximum() - value <= fontMetrics().height() / 2;
    maybeFetchOlder();
    maybeFetchNewer();
}

void ChatView::onRangeChanged()
{
    if (m_pinned)
        scrollToBottom();
    maybeFetchOlder();
}

void ChatView::onRowsAboutToBeInserted(int first)
{
    if (first != 0 || m_pinned || m_proxy->rowCount() == 0)
        return;
    // Older history goes in above: remember where the top visible message is.
    m_anchor = m_list->indexAt(QPoint(0, 0));
    m_anchorTop = m_anchor.isValid() ? m_list->visualRect(m_anchor).top() : 0;
}

void ChatView::onRowsInserted(int first)
{
    QScrollBar *bar = m_list->verticalScrollBar();
    if (first == 0 && m_anchor.isValid()) {
        m_list->doItemsLayout(); // now, so the rows above have their heights
        const int moved = m_list->visualRect(m_anchor).top() - m_anchorTop;
        m_anchor = QPersistentModelIndex();
        bar->setValue(bar->value() + moved);
    } else if (bar->maximum() == 0 && m_model && m_model->canFetchMore({})) {
        // The rows may still fit without scrolling: then no scrolling would ever fetch more.
        m_list->doItemsLayout();
    }
    maybeFetchOlder();
}

void ChatView::maybeFetchOlder()
{
    if (!m_model || !m_model->canFetchMore({}))
        return;
    const QScrollBar *bar = m_list->verticalScrollBar();
    if (bar->value() - bar->minimum() > fontMetrics().height())
        return;
    m_model->fetchMore({});
}

} // namespace Hubbub::Client
