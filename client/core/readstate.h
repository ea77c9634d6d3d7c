#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

namespace Hubbub::Client {

class ChannelModel;
class Connection;

//! The signed-in user's read positions and notification levels, kept on the server so that
//! they follow the user across devices and restarts (protocol "Read state"). The counts go
//! into the ChannelModel: read.state replaces them at every sign-in and reconnect, and again
//! when another device (or this one) moves a read position.
class ReadState final : public QObject
{
    Q_OBJECT
public:
    //! At most one read.mark per channel in this time; marks in between are folded into one.
    static constexpr int MarkIntervalMs = 1000;

    ReadState(Connection *connection, ChannelModel *channels, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ReadState)

    //! The newest message read in the channel, counting this device's marks not yet answered
    //! (one left a moment ago must not bring the "New messages" line back); -1 while not known
    //! (before read.state answered, or against a server without read state).
    qint64 lastReadId(qint64 channelId) const;
    //! Marks everything up to `messageId` read (coalesced; never backwards).
    void markRead(qint64 channelId, qint64 messageId);
    //! Asks the server to store the level ("all", "mentions", "none").
    void setNotifyLevel(qint64 channelId, const QString &level);
    //! Asks read.state again (done at every online); counts and positions become the server's.
    void refresh();
    //! Signed out: nothing of this account's state stays.
    void reset();
    //! Every channel's position known (as lastReadId() gives it), for the local cache.
    QHash<qint64, qint64> positions() const;
    //! The positions the local cache kept, shown until read.state answers with the server's.
    void restorePositions(const QHash<qint64, qint64> &positions);
    //! The number of read.mark requests sent, for tests of the coalescing.
    int marksSent() const { return m_marksSent; }

Q_SIGNALS:
    //! read.state answered: every position and count is the server's now.
    void loaded();
    //! A change asked of the server (a notification level) was not saved: `notice` says so.
    void failed(const QString &notice);

private:
    void onRead(qint64 channelId, qint64 lastReadId);
    void sendDueMarks();

    Connection *m_connection;
    ChannelModel *m_channels;
    QHash<qint64, qint64> m_lastRead;
    //! Marks waiting for their channel's interval to pass.
    QHash<qint64, qint64> m_wanted;
    //! The newest mark sent per channel, answered or not.
    QHash<qint64, qint64> m_sent;
    QHash<qint64, QElapsedTimer> m_lastMarkSent;
    QTimer m_markTimer;
    //! Folds a burst of `read` frames (a storm of marks on another device) into one read.state.
    QTimer m_refreshTimer;
    bool m_refreshing = false;
    bool m_refreshAgain = false;
    int m_marksSent = 0;
};

} // namespace Hubbub::Client
