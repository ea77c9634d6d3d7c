#pragma once

#include "types.h"

#include <QWidget>

class QLabel;
class QListView;
class QMenu;
class QSortFilterProxyModel;
class QToolButton;

namespace Hubbub::Client {

class Session;

//! The left column: Feed, the channels with unread badges and a + to create one, the direct
//! conversations, and who is online (double-click or "Message" on someone starts one). Choosing an
//! entry (a click, Enter or Space on it, or the select functions) emits feedSelected() or
//! channelSelected(); moving the focus through the list does not. Lists that have not loaded say so
//! (offline, connecting), never look empty.
class Sidebar final : public QWidget
{
    Q_OBJECT
public:
    explicit Sidebar(Session *session, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(Sidebar)

    void selectFeed();
    //! Opens a channel, also one not listed yet (the last one open, while the list loads):
    //! it is selected once listed, and the feed opens instead if the loaded list lacks it.
    void selectChannel(qint64 channelId);
    //! Selects the n-th channel (0-based) if it exists.
    void selectChannelAt(int row);

    QListView *channelList() const;
    QListView *directList() const;
    QListView *peopleList() const;
    QToolButton *feedButton() const { return m_feed; }
    QToolButton *addChannelButton() const { return m_addChannel; }
    QLabel *peopleHeader() const { return m_peopleHeader; }
    //! What the channel and people lists say while they have no rows.
    QString channelPlaceholder() const;
    QString peoplePlaceholder() const;
    //! The context menu of the channel or conversation in `row` of the session's ChannelModel:
    //! its notification level (part "read"), as checkable actions "notifyAll",
    //! "notifyMentions", "notifyNone". The caller owns it.
    QMenu *channelMenuFor(int row);

Q_SIGNALS:
    void feedSelected();
    void channelSelected(qint64 channelId);
    void createChannelRequested();
    //! The user asked to talk to someone (the people list's double-click or "Message").
    void directMessageRequested(qint64 userId);
    //! A person in the people list was clicked: show their card at `globalPos`.
    void personActivated(const Hubbub::User &user, const QPoint &globalPos);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateFeedButton();
    void updatePeople();
    void updateChannelPlaceholder();
    //! Selects the open channel's row again after the list changed under it.
    void reselect();
    //! Opens the channel or conversation at `index` of the channels' model.
    void openSource(const QModelIndex &source);
    //! "Message" for someone in the people list (not the user).
    void showPeopleMenu(const QModelIndex &index, const QPoint &globalPos);
    void updateDirectPlaceholder();

    Session *m_session;
    QToolButton *m_feed;
    QToolButton *m_addChannel;
    class PlaceholderList;
    PlaceholderList *m_channels;
    QSortFilterProxyModel *m_publicModel; //!< the channels' model, public ones
    QSortFilterProxyModel *m_directModel; //!< the channels' model, direct ones
    PlaceholderList *m_directs;
    QLabel *m_peopleHeader;
    PlaceholderList *m_people;
    qint64 m_open = 0; //!< the channel open, 0 the feed
};

} // namespace Hubbub::Client
