#include "sidebar.h"

#include "channelmodel.h"
#include "connection.h"
#include "loadstate.h"
#include "peoplemodel.h"
#include "readstate.h"
#include "session.h"

#include <QActionGroup>
#include <QContextMenuEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QToolButton>
#include <QVBoxLayout>

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
        option->text = QStringLiteral("# ") + index.data(ChannelModel::NameRole).toString();
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
    m_channels->setModel(m_session->channels());
    m_channels->setItemDelegate(new ChannelDelegate(m_channels));
    m_channels->setFrameShape(QFrame::NoFrame);
    m_channels->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_channels->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Only an explicit choice opens a channel: a click, Enter (activated) or Space. Moving
    // the focus or the current row (Tab into the list, arrow keys) changes nothing.
    const auto open = [this](const QModelIndex &index) {
        if (index.isValid())
            selectChannelAt(index.row());
    };
    connect(m_channels, &QListView::clicked, this, open);
    connect(m_channels, &QListView::activated, this, open);
    m_channels->installEventFilter(this);
    m_channels->viewport()->installEventFilter(this); // context menus by mouse

    m_people->setObjectName(QStringLiteral("peopleList"));
    m_people->setAccessibleName(tr("People online"));
    m_people->setModel(m_session->people());
    m_people->setItemDelegate(new RowDelegate(m_people));
    m_people->setFrameShape(QFrame::NoFrame);
    m_people->setSelectionMode(QAbstractItemView::NoSelection);
    m_people->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_people->setFocusPolicy(Qt::TabFocus);

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
    });
    ChannelModel *channels = m_session->channels();
    connect(channels, &ChannelModel::modelReset, this, [this] {
        updateChannelPlaceholder();
        reselect();
    });
    connect(channels, &ChannelModel::rowsInserted, this, &Sidebar::reselect);
    connect(m_session, &Session::unreadChanged, this, &Sidebar::updateFeedButton);
    updatePeople();
    updateChannelPlaceholder();
    updateFeedButton();
}

QListView *Sidebar::channelList() const
{
    return m_channels;
}

QListView *Sidebar::peopleList() const
{
    return m_people;
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
    // A channel's context menu: by mouse on the row under it, by keyboard (the Menu key, or
    // Shift+F10, which Qt does not map) on the current row.
    const auto showMenu = [this](const QModelIndex &index, const QPoint &globalPos) {
        if (!index.isValid())
            return;
        QMenu *menu = channelMenuFor(index.row());
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(globalPos);
    };
    const auto atCurrent = [this] {
        return m_channels->viewport()->mapToGlobal(
            m_channels->visualRect(m_channels->currentIndex()).center());
    };
    if (watched == m_channels && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_F10
        && static_cast<QKeyEvent *>(event)->modifiers() == Qt::ShiftModifier) {
        showMenu(m_channels->currentIndex(), atCurrent());
        return true;
    }
    if ((watched == m_channels || watched == m_channels->viewport())
        && event->type() == QEvent::ContextMenu) {
        const auto *menuEvent = static_cast<QContextMenuEvent *>(event);
        if (menuEvent->reason() == QContextMenuEvent::Mouse) {
            showMenu(
                m_channels->indexAt(m_channels->viewport()->mapFromGlobal(menuEvent->globalPos())),
                menuEvent->globalPos());
        } else {
            showMenu(m_channels->currentIndex(), atCurrent());
        }
        return true;
    }
    if (watched == m_channels && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Space
        && static_cast<QKeyEvent *>(event)->modifiers() == Qt::NoModifier
        && m_channels->currentIndex().isValid()) {
        selectChannelAt(m_channels->currentIndex().row());
        return true;
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

void Sidebar::reselect()
{
    if (m_open == 0)
        return;
    const ChannelModel *channels = m_session->channels();
    const int row = channels->rowOf(m_open);
    if (row >= 0) {
        const QModelIndex index = channels->index(row);
        if (!m_channels->selectionModel()->isSelected(index)) {
            m_channels->selectionModel()->setCurrentIndex(
                index, QItemSelectionModel::ClearAndSelect);
        }
    } else if (channels->isLoaded()) {
        selectFeed(); // the channel open is not on this server (any more)
    }
}

void Sidebar::selectFeed()
{
    m_open = 0;
    m_feed->setChecked(true);
    m_channels->selectionModel()->clearSelection();
    m_channels->selectionModel()->setCurrentIndex({}, QItemSelectionModel::NoUpdate);
    Q_EMIT feedSelected();
}

void Sidebar::selectChannel(qint64 channelId)
{
    if (channelId <= 0)
        return;
    const int row = m_session->channels()->rowOf(channelId);
    if (row >= 0) {
        selectChannelAt(row);
        return;
    }
    if (m_session->channels()->isLoaded())
        return; // no such channel
    // Not listed yet: open it now, select its row when the list comes.
    m_open = channelId;
    m_feed->setChecked(false);
    m_channels->selectionModel()->clearSelection();
    Q_EMIT channelSelected(channelId);
}

void Sidebar::selectChannelAt(int row)
{
    const QModelIndex index = m_session->channels()->index(row);
    if (!index.isValid())
        return;
    m_open = index.data(ChannelModel::IdRole).toLongLong();
    m_channels->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    m_feed->setChecked(false);
    Q_EMIT channelSelected(m_open);
}

} // namespace Hubbub::Client
