#include "feedview.h"

#include "downloads.h"
#include "uploads.h"

#include "composer.h"
#include "connection.h"
#include "deleteconfirmation.h"
#include "downloadsbar.h"
#include "edithistorydialog.h"
#include "feedlistview.h"
#include "feedmodel.h"
#include "imagecache.h"
#include "imageviewer.h"
#include "loadstate.h"
#include "mentioncompleter.h"
#include "outbox.h"
#include "posteditdialog.h"
#include "reviewdialog.h"
#include "session.h"

#include <QBoxLayout>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QListView>
#include <QMenu>
#include <QScrollBar>

#include <algorithm>

namespace Hubbub::Client {

FeedView::FeedView(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_composer(new Composer(this))
    , m_list(new FeedListView(this))
    , m_delegate(new PostDelegate(session, this))
{
    setObjectName(QStringLiteral("feedView"));
    m_list->setObjectName(QStringLiteral("feedList"));
    m_list->setAccessibleName(tr("Feed"));
    m_list->setAccessibleDescription(
        tr("Posts, newest first. Enter reviews the current post, Space shows all of a long one; "
           "the menu key shows everything a post offers."));
    m_list->setItemDelegate(m_delegate);
    // The list keeps the row being read in place itself when posts arrive or change above it.
    m_list->setModel(m_session->feed());
    new MentionCompleter(m_composer->textEdit(), [this] { return peopleNames(m_session); });
    // Cards differ in height and are long: scroll by pixels.
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->verticalScrollBar()->setSingleStep(m_list->fontMetrics().height() * 2);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setMouseTracking(true);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->setFrameShape(QFrame::NoFrame);
    // The cards are Base on Window, like paper on a desk, in light and dark palettes alike.
    m_list->viewport()->setBackgroundRole(QPalette::Window);
    m_list->installEventFilter(this);
    m_list->viewport()->installEventFilter(this);

    auto *layout = new QVBoxLayout(this);
    // The same margin as the delegate's around a card, so the composer lines up with them.
    const int margin = std::max(2, fontMetrics().height() / 2);
    layout->setContentsMargins(0, margin, 0, 0);
    layout->setSpacing(margin / 2);
    auto *composerRow = new QHBoxLayout;
    composerRow->setContentsMargins(margin, 0, margin, 0);
    composerRow->addWidget(m_composer);
    layout->addLayout(composerRow);
    layout->addWidget(m_list, 1);
    // Part "files": a download started from a post shows its progress here, as in the chat.
    layout->addWidget(new DownloadsBar(m_session->downloads(), this));

    m_composer->setUploads(new Uploads(m_session->connection(), this)); // part "files"
    connect(m_composer, &Composer::postRequested, this,
        [this](const QString &title, const QString &content, const QByteArray &image,
            const QString &mime) {
            m_session->createPost(title, content, image, mime, m_composer->files());
            // Our own post goes on top: show it.
            m_list->scrollToTop();
        });
    connect(m_delegate, &PostDelegate::actionTriggered, this, &FeedView::trigger);
    setupReactions();
    connect(m_delegate, &PostDelegate::downloadRequested, this,
        [this](const File &file) { m_session->downloads()->start(file); });
    connect(m_list, &QListView::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_list->indexAt(pos);
        if (index.isValid()) {
            m_list->setCurrentIndex(index);
            showContextMenu(index, m_list->viewport()->mapToGlobal(pos));
        }
    });

    // Before the first page arrives an empty list means "not loaded", never "no posts".
    connect(m_session->connection(), &Connection::stateChanged, this, &FeedView::updatePlaceholder);
    connect(m_session->feed(), &QAbstractItemModel::modelReset, this, &FeedView::updatePlaceholder);
    updatePlaceholder();

    connect(m_session->images(), &ImageCache::imageReady, m_list->viewport(),
        qOverload<>(&QWidget::update));
    connect(m_session->images(), &ImageCache::imageFailed, m_list->viewport(),
        qOverload<>(&QWidget::update));
    // "5 min ago" must not stay that way for an hour.
    m_clock.setInterval(std::chrono::seconds(30));
    connect(&m_clock, &QTimer::timeout, m_list->viewport(), qOverload<>(&QWidget::update));
    m_clock.start();
}

FeedView::~FeedView() = default;

QListView *FeedView::listView() const
{
    return m_list;
}

QString FeedView::placeholderText() const
{
    return m_list->placeholderText();
}

void FeedView::updatePlaceholder()
{
    QString text;
    switch (loadStateOf(m_session->connection()->state(), m_session->feed()->isLoaded())) {
    case LoadState::Loaded:
        text = tr("No posts yet. Write the first one above.");
        break;
    case LoadState::Loading:
        text = tr("Loading posts…");
        break;
    case LoadState::Connecting:
        text = tr("Connecting… The posts have not loaded yet.");
        break;
    case LoadState::Offline:
        text = tr("Offline: the posts have not loaded yet. They will show as soon as the "
                  "server answers.");
        break;
    }
    m_list->setPlaceholderText(text);
}

QRect FeedView::actionRect(int row, PostDelegate::Action action) const
{
    const QModelIndex index = m_session->feed()->index(row);
    if (!index.isValid())
        return {};
    const QStyleOptionViewItem option = m_list->optionFor(index);
    if (!option.rect.isValid())
        return {};
    return m_delegate->actionRect(option, index, action);
}

void FeedView::trigger(PostDelegate::Action action, const QModelIndex &index)
{
    // Later, not inside the list's mouse handling: Discard removes the very row clicked on.
    const QPersistentModelIndex persistent(index);
    QTimer::singleShot(0, this, [this, action, persistent] { onAction(action, persistent); });
}

void FeedView::onAction(PostDelegate::Action action, const QPersistentModelIndex &persistent)
{
    if (!persistent.isValid())
        return;
    const QModelIndex index = persistent;
    switch (action) {
    case PostDelegate::Action::Review:
        openReview(index);
        break;
    case PostDelegate::Action::Edit:
        openEditor(index);
        break;
    case PostDelegate::Action::Delete:
        confirmDelete(index);
        break;
    case PostDelegate::Action::Retry:
        m_session->retry(localIdFor(index));
        break;
    case PostDelegate::Action::Discard:
        m_session->discard(localIdFor(index));
        break;
    case PostDelegate::Action::OpenImage:
        openImage(index);
        break;
    case PostDelegate::Action::ShowMore:
    case PostDelegate::Action::ShowLess:
        setExpanded(index, action == PostDelegate::Action::ShowMore);
        break;
    case PostDelegate::Action::EditHistory:
        (new EditHistoryDialog(m_session, 0, index.data(FeedModel::IdRole).toLongLong(), this))
            ->open();
        break;
    case PostDelegate::Action::None:
        break;
    }
}

QString FeedView::localIdFor(const QModelIndex &index) const
{
    return m_session->outbox()->changeShownBy(ChangeDomain::Feed,
        index.data(FeedModel::LocalIdRole).toString(), index.data(FeedModel::IdRole).toLongLong());
}

void FeedView::setExpanded(const QModelIndex &index, bool expanded)
{
    m_delegate->setExpanded(index, expanded);
    // Now rather than on the list's next pass, so the card can be put back in sight: folding a
    // long text read to its end would leave the card above the viewport.
    m_list->doItemsLayout();
    if (!expanded)
        m_list->scrollTo(index);
}

void FeedView::openReview(const QModelIndex &index)
{
    const qint64 postId = index.data(FeedModel::IdRole).toLongLong();
    if (postId <= 0)
        return;
    auto *dialog
        = new ReviewDialog(m_session, postId, index.data(FeedModel::TitleRole).toString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_session->createReview(dialog->postId(), dialog->rating(), dialog->comment());
    });
    dialog->open();
}

void FeedView::openEditor(const QModelIndex &index)
{
    const QString localId = index.data(FeedModel::LocalIdRole).toString();
    const qint64 postId = index.data(FeedModel::IdRole).toLongLong();
    const QString title = index.data(FeedModel::TitleRole).toString();
    const QString content = index.data(FeedModel::ContentRole).toString();
    const bool pendingCreate = !localId.isEmpty();
    const bool refused = !index.data(FeedModel::FailureRole).toString().isEmpty();
    auto *dialog = new PostEditDialog(title, content,
        !index.data(FeedModel::ImageIdRole).toString().isEmpty(), pendingCreate, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [=, this] {
        const ImageChange image = dialog->imageChange();
        if (dialog->title() == title && dialog->content() == content
            && image.kind == ImageChange::Kind::Keep) {
            return;
        }
        if (pendingCreate) {
            m_session->editPending(localId, dialog->title(), dialog->content());
            // Edited after the server refused it: the user fixed it, so send it again.
            if (refused)
                m_session->retry(localId);
        } else {
            m_session->updatePost(postId, dialog->title(), dialog->content(), image);
        }
    });
    dialog->open();
}

void FeedView::confirmDelete(const QModelIndex &index)
{
    const QString localId = index.data(FeedModel::LocalIdRole).toString();
    const qint64 postId = index.data(FeedModel::IdRole).toLongLong();
    const QString title = index.data(FeedModel::TitleRole).toString();
    DeleteConfirmation::ask(this, tr("Delete post"), tr("Delete this post?"),
        localId.isEmpty() ? tr("“%1” and its reviews will be deleted for everyone.").arg(title)
                          : tr("“%1” has not been sent yet; it will not be.").arg(title),
        [this, localId, postId] {
            if (!localId.isEmpty())
                m_session->discard(localId);
            else
                m_session->deletePost(postId);
        });
}

void FeedView::openImage(const QModelIndex &index)
{
    const QString imageId = index.data(FeedModel::ImageIdRole).toString();
    if (imageId.isEmpty())
        return;
    auto *viewer = new ImageViewer(
        m_session->images(), imageId, index.data(FeedModel::TitleRole).toString(), this);
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    viewer->show();
}

void FeedView::showContextMenu(const QModelIndex &index, const QPoint &globalPos)
{
    if (!index.isValid())
        return;
    if (m_menu)
        m_menu->close();
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("postMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const QPersistentModelIndex persistent(index);
    QList<PostDelegate::Action> actions = m_delegate->actions(index);
    if (!index.data(FeedModel::ImageIdRole).toString().isEmpty())
        actions.prepend(PostDelegate::Action::OpenImage);
    if (const auto fold = m_delegate->foldAction(m_list->optionFor(index), index);
        fold != PostDelegate::Action::None) {
        actions.prepend(fold);
    }
    for (const PostDelegate::Action action : actions) {
        QString text = PostDelegate::actionText(action);
        if (action == PostDelegate::Action::Delete || action == PostDelegate::Action::Discard)
            menu->addSeparator();
        QAction *item = menu->addAction(text);
        item->setData(int(action));
        connect(item, &QAction::triggered, this,
            [this, action, persistent] { onAction(action, persistent); });
    }
    if (actions.isEmpty())
        menu->addAction(tr("Nothing to do while this post is being deleted"))->setEnabled(false);
    addReactionAction(menu, index, globalPos);
    m_menu = menu;
    menu->popup(globalPos);
}

bool FeedView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const QModelIndex current = m_list->currentIndex();
        const bool menuKey = key->key() == Qt::Key_Menu
            || (key->key() == Qt::Key_F10 && key->modifiers() == Qt::ShiftModifier);
        if (menuKey && current.isValid()) {
            const QRect rect = m_list->visualRect(current);
            showContextMenu(current, m_list->viewport()->mapToGlobal(rect.center()));
            return true;
        }
        // Space shows the whole of a long post, or folds it again.
        if (key->key() == Qt::Key_Space && key->modifiers() == Qt::NoModifier
            && current.isValid()) {
            const auto fold = m_delegate->foldAction(m_list->optionFor(current), current);
            if (fold != PostDelegate::Action::None)
                onAction(fold, current);
            return true;
        }
        const bool enter = (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && key->modifiers() == Qt::NoModifier;
        if (enter && current.isValid()) {
            if (m_delegate->actions(current).contains(PostDelegate::Action::Review))
                onAction(PostDelegate::Action::Review, current);
            return true;
        }
    } else if (watched == m_list->viewport() && event->type() == QEvent::MouseMove) {
        // Links look like links: the hand over them, the arrow elsewhere.
        const auto *mouse = static_cast<QMouseEvent *>(event);
        const QPoint pos = mouse->position().toPoint();
        const QModelIndex index = m_list->indexAt(pos);
        const bool overLink = index.isValid()
            && m_delegate->actionAt(m_list->optionFor(index), index, pos)
                != PostDelegate::Action::None;
        if (overLink)
            m_list->viewport()->setCursor(Qt::PointingHandCursor);
        else
            m_list->viewport()->unsetCursor();
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Hubbub::Client
