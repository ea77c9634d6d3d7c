#pragma once

#include "types.h"

#include <QAbstractListModel>
#include <QList>

namespace Hubbub::Client {

//! The channels in the order they were created (by id), each with the number of messages not
//! yet seen. Creation order, not names: a new channel goes at the end, so the position of every
//! other one (and the Ctrl+N that opens it) stays what it was. Direct conversations are rows
//! too (DirectRole true), named by their other members, so that unread counts, notifications
//! and the chat header treat them as channels; the sidebar shows the two kinds apart.
class ChannelModel final : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles {
        IdRole = Qt::UserRole + 1,
        NameRole,
        TopicRole,
        UnreadRole,
        DirectRole,
        MentionsRole, //!< unread messages that mention the user (part "read")
        NotifyRole, //!< the user's notification level: "all", "mentions" or "none"
    };
    Q_ENUM(Roles)

    explicit ChannelModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! Replaces the channels of one kind (a reload of channel.list or dm.list); unread counts
    //! of channels that remain are kept.
    void setChannels(const QList<Channel> &channels, Channel::Kind kind = Channel::Kind::Public);
    //! Whether the list has come from the server at least once: before that, no rows means
    //! "not known yet", not "no channels".
    bool isLoaded() const { return m_loaded; }
    bool isDirectLoaded() const { return m_directLoaded; }
    //! Who is signed in: a direct conversation is named by its members but this user.
    void setUserId(qint64 userId);
    //! A member renamed: the conversations named after them follow.
    void renameUser(const User &user);
    //! The direct conversation with exactly these members (the signed-in user and `others`),
    //! or 0.
    qint64 directWith(QList<qint64> others) const;
    //! Inserts in creation order, or replaces the channel with the same id in its row.
    void upsert(const Channel &channel);
    void addUnread(qint64 channelId, int count = 1);
    void clearUnread(qint64 channelId);
    int unread(qint64 channelId) const;
    //! The server's counts (read.state): they replace this app's own.
    void setCounts(qint64 channelId, int unread, int mentions);
    void addMention(qint64 channelId);
    int mentions(qint64 channelId) const { return m_mentions.value(channelId); }
    void setNotifyLevel(qint64 channelId, const QString &level);
    //! "all" unless the user chose another level.
    QString notifyLevel(qint64 channelId) const;
    //! Signed out: every channel back to "all".
    void resetNotifyLevels();
    //! Every channel's count, those not listed yet included (a restored count waits for them).
    QHash<qint64, int> unreadCounts() const;
    int totalUnread() const;
    int rowOf(qint64 channelId) const;
    Channel channelAt(int row) const { return m_channels.at(row).channel; }

Q_SIGNALS:
    void totalUnreadChanged(int total);

private:
    struct Item
    {
        Channel channel;
        int unread = 0;
    };
    //! A direct conversation's name: its members but the signed-in user, comma-joined.
    Channel named(Channel channel) const;

    QList<Item> m_channels;
    bool m_loaded = false;
    bool m_directLoaded = false;
    qint64 m_userId = 0;
    //! Counts for channels not in the list yet: restored at start before channel.list answers.
    QHash<qint64, int> m_unlisted;
    //! Part "read", by channel id, listed or not: unread mentions and notification levels
    //! (absent: none, and "all").
    QHash<qint64, int> m_mentions;
    QHash<qint64, QString> m_levels;
    void changed(qint64 channelId, const QList<int> &roles);
};

} // namespace Hubbub::Client
