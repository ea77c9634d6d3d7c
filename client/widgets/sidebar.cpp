#include "sidebar.h"

#include "avatar.h"
#include "channelmodel.h"
#include "connection.h"
#include "imagecache.h"
#include "loadstate.h"
#include "peoplemodel.h"
#include "readstate.h"
#include "session.h"

#include <QActionGroup>
#include <QApplication>
#include <QContextMenuEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QPainter>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <memory>

namespace Hubbub::Client {

namespace {

//! A sidebar row, channel or person: a line and a half high, so that both lists have one
//! rhythm and each row is easy to hit.
class RowDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        size.setHeight(std::max(size.height(), option.fontMetrics.height() * 3 / 2 + 4));
        return size;
    }
};

//! "# name" with a rounded unread badge on the right; bold while there is something unread.
class ChannelDelegate final : public RowDelegate
{
public:
    using RowDelegate::RowDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        const int unread = index.data(ChannelModel::UnreadRole).toInt();
        const int mentions = index.data(ChannelModel::MentionsRole).toInt();
        const bool muted = index.data(ChannelModel::NotifyRole).toString() != u"all";
        QFont badgeFont = option.font;
        badgeFont.setBold(true);
        const QFontMetrics metrics(badgeFont);
        // Mentions in their own badge before the count ("@2"), as they notify even when muted.
        QString badge;
        QString mentionBadge;
        int badgeWidth = 0;
        int mentionWidth = 0;
        if (unread > 0) {
            badge = unread > 99 ? QStringLiteral("99+") : QString::number(unread);
            badgeWidth = metrics.horizontalAdvance(badge) + metrics.height();
            opt.rect.setRight(opt.rect.right() - badgeWidth - 4);
        }
        if (mentions > 0) {
            mentionBadge = QStringLiteral("@")
                + (mentions > 99 ? QStringLiteral("99+") : QString::number(mentions));
            mentionWidth = metrics.horizontalAdvance(mentionBadge) + metrics.height();
            opt.rect.setRight(opt.rect.right() - mentionWidth - 4);
        }
        QStyledItemDelegate::paint(painter, opt, index);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setFont(badgeFont);
        const int h = metrics.height();
        const auto drawBadge
            = [&](const QRect &r, const QColor &fill, const QColor &text, const QString &label) {
                  painter->setPen(Qt::NoPen);
                  painter->setBrush(fill);
                  painter->drawRoundedRect(r, h / 2.0, h / 2.0);
                  painter->setPen(text);
                  painter->drawText(r, Qt::AlignCenter, label);
              };
        int right = option.rect.right() - 2;
        if (unread > 0) {
            // A muted channel's count in grey: there, but not asking for attention.
            const QColor fill = muted ? option.palette.color(QPalette::Mid)
                                      : option.palette.color(QPalette::Highlight);
            drawBadge(QRect(right - badgeWidth, option.rect.center().y() - h / 2, badgeWidth, h),
                fill, option.palette.color(QPalette::HighlightedText), badge);
            right -= badgeWidth + 4;
        }
        if (mentions > 0) {
            drawBadge(
                QRect(right - mentionWidth, option.rect.center().y() - h / 2, mentionWidth, h),
                QColor(0xd3, 0x2f, 0x2f), Qt::white, mentionBadge);
        }
        painter->restore();
    }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        // A conversation is named by its people, not as a channel.
        const QString name = index.data(ChannelModel::NameRole).toString();
        option->text
            = index.data(ChannelModel::DirectRole).toBool() ? name : QStringLiteral("# ") + name;
        const bool muted = index.data(ChannelModel::NotifyRole).toString() != u"all";
        if (index.data(ChannelModel::UnreadRole).toInt() > 0 && !muted)
            option->font.setBold(true);
        if (muted) {
            // A muted look: greyed and in italics, so that it reads as "quiet" in any theme.
            option->font.setItalic(true);
            option->palette.setColor(
                QPalette::Text, option->palette.color(QPalette::PlaceholderText));
        }
    }
};

QLabel *sectionHeader(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 0.9);
    label->setFont(font);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

//! A sidebar list that says why it is empty. Its selection is the open channel: only the
//! Sidebar changes it, so moving the current row with the keyboard leaves it where it is.
class Sidebar::PlaceholderList final : public QListView
{
public:
    using QListView::QListView;

    QString placeholderText() const { return m_placeholder; }
    void setPlaceholderText(const QString &text)
    {
        if (text == m_placeholder)
            return;
        m_placeholder = text;
        setAccessibleDescription(text);
        viewport()->update();
    }

protected:
    QItemSelectionModel::SelectionFlags selectionCommand(
        const QModelIndex &, const QEvent *) const override
    {
        return QItemSelectionModel::NoUpdate;
    }

    void paintEvent(QPaintEvent *event) override
    {
        if (model() && model()->rowCount() > 0) {
            QListView::paintEvent(event);
            return;
        }
        QPainter painter(viewport());
        painter.setPen(palette().color(QPalette::PlaceholderText));
        const int margin = fontMetrics().height() / 3;
        painter.drawText(viewport()->rect().adjusted(margin, margin, -margin, -margin),
            Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, m_placeholder);
    }

private:
    QString m_placeholder;
};

Sidebar::Sidebar(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_feed(new QToolButton(this))
    , m_addChannel(new QToolButton(this))
    , m_channels(new PlaceholderList(this))
    , m_publicModel(new QSortFilterProxyModel(this))
    , m_directModel(new QSortFilterProxyModel(this))
    , m_directs(new PlaceholderList(this))
    , m_peopleHeader(sectionHeader({}, this))
    , m_people(new PlaceholderList(this))
{
    m_feed->setObjectName(QStringLiteral("feedButton"));
    m_feed->setCheckable(true);
    m_feed->setAutoRaise(true);
    m_feed->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_feed->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_feed->setAccessibleName(tr("Feed"));
    m_feed->setToolTip(tr("Posts from everyone (Ctrl+1)"));
    QFont feedFont = m_feed->font();
    feedFont.setPointSizeF(feedFont.pointSizeF() * 1.1);
    m_feed->setFont(feedFont);
    connect(m_feed, &QToolButton::clicked, this, &Sidebar::selectFeed);

    m_addChannel->setObjectName(QStringLiteral("addChannelButton"));
    m_addChannel->setText(QStringLiteral("+"));
    m_addChannel->setAutoRaise(true);
    m_addChannel->setToolTip(tr("Create a channel"));
    m_addChannel->setAccessibleName(tr("Create a channel"));
    connect(m_addChannel, &QToolButton::clicked, this, &Sidebar::createChannelRequested);

    m_channels->setObjectName(QStringLiteral("channelList"));
    m_channels->setAccessibleName(tr("Channels"));
    // One model holds both kinds (unread counts and notifications treat them alike); each
    // list shows one.
    for (QSortFilterProxyModel *proxy : {m_publicModel, m_directModel}) {
        proxy->setSourceModel(m_session->channels());
        proxy->setFilterRole(ChannelModel::DirectRole);
        proxy->setFilterFixedString(
            proxy == m_directModel ? QStringLiteral("true") : QStringLiteral("false"));
    }
    m_channels->setModel(m_publicModel);
    m_directs->setObjectName(QStringLiteral("directList"));
    m_directs->setAccessibleName(tr("Direct messages"));
    m_directs->setModel(m_directModel);
    for (PlaceholderList *list : {m_channels, m_directs}) {
        auto *proxy = static_cast<QSortFilterProxyModel *>(list->model());
        list->setItemDelegate(new ChannelDelegate(list));
        list->setFrameShape(QFrame::NoFrame);
        list->setEditTriggers(QAbstractItemView::NoEditTriggers);
        list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        // Only an explicit choice opens a channel: a click, Enter (activated) or Space. Moving
        // the focus or the current row (Tab into the list, arrow keys) changes nothing.
        const auto open = [this, proxy](const QModelIndex &index) {
            if (index.isValid())
                openSource(proxy->mapToSource(index));
        };
        connect(list, &QListView::clicked, this, open);
        connect(list, &QListView::activated, this, open);
        list->installEventFilter(this);
        list->viewport()->installEventFilter(this); // context menus by mouse
    }

    m_people->setObjectName(QStringLiteral("peopleList"));
    m_people->setAccessibleName(tr("People online"));
    m_people->setModel(m_session->people());
    m_people->setItemDelegate(new PersonDelegate(m_session->images(), m_people));
    m_people->setFrameShape(QFrame::NoFrame);
    m_people->setSelectionMode(QAbstractItemView::NoSelection);
    m_people->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_people->setFocusPolicy(Qt::TabFocus);
    connect(m_people, &QListView::doubleClicked, this, [this](const QModelIndex &index) {
        const qint64 userId = index.data(PeopleModel::IdRole).toLongLong();
        if (index.isValid() && userId != m_session->user().id)
            Q_EMIT directMessageRequested(userId);
    });
    m_people->installEventFilter(this);
    m_people->viewport()->installEventFilter(this);
    // A click shows the person's card, once it is clear it was not the first half of the
    // double-click that opens a conversation; their avatar shows when it arrives.
    auto *cardDelay = new QTimer(this);
    cardDelay->setSingleShot(true);
    cardDelay->setInterval(QApplication::doubleClickInterval());
    auto clicked = std::make_shared<QPersistentModelIndex>();
    connect(
        m_people, &QListView::clicked, cardDelay, [cardDelay, clicked](const QModelIndex &index) {
            *clicked = index;
            cardDelay->start();
        });
    connect(m_people, &QListView::doubleClicked, cardDelay, &QTimer::stop);
    connect(cardDelay, &QTimer::timeout, this, [this, clicked] {
        if (!clicked->isValid())
            return;
        const QRect row = m_people->visualRect(*clicked);
        Q_EMIT personActivated(clicked->data(PeopleModel::UserRole).value<User>(),
            m_people->viewport()->mapToGlobal(row.bottomLeft()));
    });
    connect(m_session->images(), &ImageCache::imageReady, m_people->viewport(),
        qOverload<>(&QWidget::update));

    auto *channelHeader = new QHBoxLayout;
    channelHeader->addWidget(sectionHeader(tr("CHANNELS"), this));
    channelHeader->addStretch();
    channelHeader->addWidget(m_addChannel);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 0, 6);
    layout->addWidget(m_feed);
    layout->addSpacing(fontMetrics().height() / 2);
    layout->addLayout(channelHeader);
    layout->addWidget(m_channels, 3);
    layout->addWidget(sectionHeader(tr("DIRECT MESSAGES"), this));
    layout->addWidget(m_directs, 2);
    layout->addWidget(m_peopleHeader);
    layout->addWidget(m_people, 2);

    m_peopleHeader->setObjectName(QStringLiteral("peopleHeader"));
    // Before a list comes from the server, no rows means "not known yet", never "none".
    PeopleModel *people = m_session->people();
    for (auto signal : {&PeopleModel::rowsInserted, &PeopleModel::rowsRemoved})
        connect(people, signal, this, &Sidebar::updatePeople);
    connect(people, &PeopleModel::modelReset, this, &Sidebar::updatePeople);
    connect(m_session->connection(), &Connection::stateChanged, this, [this] {
        updatePeople();
        updateChannelPlaceholder();
        updateDirectPlaceholder();
    });
    ChannelModel *channels = m_session->channels();
    connect(channels, &ChannelModel::modelReset, this, [this] {
        updateChannelPlaceholder();
        updateDirectPlaceholder();
        reselect();
    });
    connect(channels, &ChannelModel::rowsInserted, this, &Sidebar::reselect);
    connect(m_session, &Session::unreadChanged, this, &Sidebar::updateFeedButton);
    updatePeople();
    updateChannelPlaceholder();
    updateDirectPlaceholder();
    updateFeedButton();
}

QListView *Sidebar::channelList() const
{
    return m_channels;
}

QListView *Sidebar::directList() const
{
    return m_directs;
}

QListView *Sidebar::peopleList() const
{
    return m_people;
}

void Sidebar::showPeopleMenu(const QModelIndex &index, const QPoint &globalPos)
{
    const qint64 userId = index.data(PeopleModel::IdRole).toLongLong();
    if (!index.isValid() || userId == m_session->user().id)
        return;
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    connect(menu->addAction(tr("Message")), &QAction::triggered, this,
        [this, userId] { Q_EMIT directMessageRequested(userId); });
    menu->popup(globalPos);
}

QString Sidebar::channelPlaceholder() const
{
    return m_channels->placeholderText();
}

QString Sidebar::peoplePlaceholder() const
{
    return m_people->placeholderText();
}

bool Sidebar::eventFilter(QObject *watched, QEvent *event)
{
    // The people list's context menu, by mouse or keyboard (Qt maps only the Menu key to a
    // context menu event; Shift+F10 is the other way), on the row under the mouse or current.
    if (watched == m_people && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_F10
        && static_cast<QKeyEvent *>(event)->modifiers() == Qt::ShiftModifier) {
        const QModelIndex current = m_people->currentIndex();
        showPeopleMenu(
            current, m_people->viewport()->mapToGlobal(m_people->visualRect(current).center()));
        return true;
    }
    if ((watched == m_people || watched == m_people->viewport())
        && event->type() == QEvent::ContextMenu) {
        const auto *menuEvent = static_cast<QContextMenuEvent *>(event);
        const QModelIndex index = menuEvent->reason() == QContextMenuEvent::Mouse
            ? m_people->indexAt(m_people->viewport()->mapFromGlobal(menuEvent->globalPos()))
            : m_people->currentIndex();
        showPeopleMenu(index,
            menuEvent->reason() == QContextMenuEvent::Mouse
                ? menuEvent->globalPos()
                : m_people->viewport()->mapToGlobal(m_people->visualRect(index).center()));
        return true;
    }
    for (PlaceholderList *list : {m_channels, m_directs}) {
        // A channel's or conversation's context menu: by mouse on the row under it, by keyboard
        // (the Menu key, or Shift+F10) on the current row.
        const auto showMenu = [this, list](const QModelIndex &index, const QPoint &globalPos) {
            const QModelIndex source
                = static_cast<QSortFilterProxyModel *>(list->model())->mapToSource(index);
            if (!source.isValid())
                return;
            QMenu *menu = channelMenuFor(source.row());
            menu->setAttribute(Qt::WA_DeleteOnClose);
            menu->popup(globalPos);
        };
        const auto atCurrent = [list] {
            return list->viewport()->mapToGlobal(list->visualRect(list->currentIndex()).center());
        };
        if (watched == list && event->type() == QEvent::KeyPress
            && static_cast<QKeyEvent *>(event)->key() == Qt::Key_F10
            && static_cast<QKeyEvent *>(event)->modifiers() == Qt::ShiftModifier) {
            showMenu(list->currentIndex(), atCurrent());
            return true;
        }
        if ((watched == list || watched == list->viewport())
            && event->type() == QEvent::ContextMenu) {
            const auto *menuEvent = static_cast<QContextMenuEvent *>(event);
            if (menuEvent->reason() == QContextMenuEvent::Mouse) {
                showMenu(list->indexAt(list->viewport()->mapFromGlobal(menuEvent->globalPos())),
                    menuEvent->globalPos());
            } else {
                showMenu(list->currentIndex(), atCurrent());
            }
            return true;
        }
        if (watched == list && event->type() == QEvent::KeyPress
            && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Space
            && static_cast<QKeyEvent *>(event)->modifiers() == Qt::NoModifier
            && list->currentIndex().isValid()) {
            openSource(static_cast<QSortFilterProxyModel *>(list->model())
                           ->mapToSource(list->currentIndex()));
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

QMenu *Sidebar::channelMenuFor(int row)
{
    ChannelModel *channels = m_session->channels();
    const qint64 channelId = channels->channelAt(row).id;
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("channelMenu"));
    menu->addSection(tr("Notify me about"));
    auto *group = new QActionGroup(menu);
    const QString current = channels->notifyLevel(channelId);
    const std::pair<const char *, QString> levels[] = {
        {"all", tr("All messages")},
        {"mentions", tr("Mentions only")},
        {"none", tr("Nothing")},
    };
    for (const auto &[level, text] : levels) {
        QAction *action = menu->addAction(text);
        const QString name = QString::fromLatin1(level);
        action->setObjectName(QStringLiteral("notify") + name.at(0).toUpper() + name.mid(1));
        action->setCheckable(true);
        action->setChecked(current == name);
        group->addAction(action);
        connect(action, &QAction::triggered, this,
            [this, channelId, name] { m_session->readState()->setNotifyLevel(channelId, name); });
    }
    return menu;
}

void Sidebar::updateFeedButton()
{
    const int unread = m_session->feedUnread();
    m_feed->setText(unread > 0 ? tr("Feed (%1 new)").arg(unread) : tr("Feed"));
}

void Sidebar::updatePeople()
{
    const PeopleModel *people = m_session->people();
    // Offline nobody is known to be online: not "0", which reads as "everyone left".
    m_peopleHeader->setText(
        people->isKnown() ? tr("ONLINE — %1").arg(people->rowCount()) : tr("ONLINE"));
    QString text;
    switch (loadStateOf(m_session->connection()->state(), people->isKnown())) {
    case LoadState::Loaded:
        break;
    case LoadState::Loading:
    case LoadState::Connecting:
        text = tr("Not known yet.");
        break;
    case LoadState::Offline:
        text = tr("Not known while offline.");
        break;
    }
    m_people->setPlaceholderText(text);
}

void Sidebar::updateChannelPlaceholder()
{
    QString text;
    switch (loadStateOf(m_session->connection()->state(), m_session->channels()->isLoaded())) {
    case LoadState::Loaded:
        text = tr("No channels yet.");
        break;
    case LoadState::Loading:
        text = tr("Loading channels…");
        break;
    case LoadState::Connecting:
        text = tr("Connecting… The channels have not loaded yet.");
        break;
    case LoadState::Offline:
        text = tr("Offline: the channels have not loaded yet.");
        break;
    }
    m_channels->setPlaceholderText(text);
}

void Sidebar::updateDirectPlaceholder()
{
    const bool loaded = m_session->channels()->isDirectLoaded();
    m_directs->setPlaceholderText(
        loaded ? tr("Double-click someone online to message them.") : QString());
}

void Sidebar::reselect()
{
    if (m_open == 0)
        return;
    const ChannelModel *channels = m_session->channels();
    const int row = channels->rowOf(m_open);
    if (row >= 0) {
        const QModelIndex source = channels->index(row);
        const bool direct = source.data(ChannelModel::DirectRole).toBool();
        PlaceholderList *list = direct ? m_directs : m_channels;
        const QModelIndex index = (direct ? m_directModel : m_publicModel)->mapFromSource(source);
        if (!list->selectionModel()->isSelected(index))
            list->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
        (direct ? m_channels : m_directs)->selectionModel()->clearSelection();
    } else if (channels->isLoaded() && channels->isDirectLoaded()) {
        selectFeed(); // the channel open is not on this server (any more)
    }
}

void Sidebar::selectFeed()
{
    m_open = 0;
    m_feed->setChecked(true);
    for (PlaceholderList *list : {m_channels, m_directs}) {
        list->selectionModel()->clearSelection();
        list->selectionModel()->setCurrentIndex({}, QItemSelectionModel::NoUpdate);
    }
    Q_EMIT feedSelected();
}

void Sidebar::selectChannel(qint64 channelId)
{
    if (channelId <= 0)
        return;
    const int row = m_session->channels()->rowOf(channelId);
    if (row >= 0) {
        openSource(m_session->channels()->index(row));
        return;
    }
    if (m_session->channels()->isLoaded() && m_session->channels()->isDirectLoaded())
        return; // no such channel
    // Not listed yet: open it now, select its row when the list comes.
    m_open = channelId;
    m_feed->setChecked(false);
    m_channels->selectionModel()->clearSelection();
    m_directs->selectionModel()->clearSelection();
    Q_EMIT channelSelected(channelId);
}

void Sidebar::selectChannelAt(int row)
{
    openSource(m_publicModel->mapToSource(m_publicModel->index(row, 0)));
}

void Sidebar::openSource(const QModelIndex &source)
{
    if (!source.isValid())
        return;
    m_open = source.data(ChannelModel::IdRole).toLongLong();
    m_feed->setChecked(false);
    reselect();
    Q_EMIT channelSelected(m_open);
}

} // namespace Hubbub::Client
