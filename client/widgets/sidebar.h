#pragma once

#include <QWidget>

class QLabel;
class QListView;
class QToolButton;

namespace Hubbub::Client {

class Session;

//! The left column: Feed, the channels with unread badges and a + to create one, and who is
//! online. Choosing an entry (a click, Enter or Space on it, or the select functions) emits
//! feedSelected() or channelSelected(); moving the focus through the list does not.
class Sidebar final : public QWidget
{
    Q_OBJECT
public:
    explicit Sidebar(Session *session, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(Sidebar)

    void selectFeed();
    void selectChannel(qint64 channelId);
    //! Selects the n-th channel (0-based) if it exists.
    void selectChannelAt(int row);

    QListView *channelList() const { return m_channels; }
    QListView *peopleList() const { return m_people; }
    QToolButton *feedButton() const { return m_feed; }
    QToolButton *addChannelButton() const { return m_addChannel; }

Q_SIGNALS:
    void feedSelected();
    void channelSelected(qint64 channelId);
    void createChannelRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateFeedButton();
    void updatePeopleHeader();

    Session *m_session;
    QToolButton *m_feed;
    QToolButton *m_addChannel;
    QListView *m_channels;
    QLabel *m_peopleHeader;
    QListView *m_people;
};

} // namespace Hubbub::Client
