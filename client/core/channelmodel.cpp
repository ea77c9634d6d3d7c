#include "channelmodel.h"

#include <QStringList>

#include <algorithm>

namespace Hubbub::Client {

ChannelModel::ChannelModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int ChannelModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_channels.size());
}

QVariant ChannelModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Item &item = m_channels.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return item.channel.name;
    case Qt::ToolTipRole:
    case TopicRole:
        return item.channel.topic;
    case IdRole:
        return item.channel.id;
    case UnreadRole:
        return item.unread;
    case DirectRole:
        return item.channel.isDirect();
    case MentionsRole:
        return m_mentions.value(item.channel.id);
    case NotifyRole:
        return notifyLevel(item.channel.id);
    default:
        return {};
    }
}

QHash<int, QByteArray> ChannelModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(
        {{IdRole, "channelId"}, {NameRole, "name"}, {TopicRole, "topic"}, {UnreadRole, "unread"},
            {DirectRole, "direct"}, {MentionsRole, "mentions"}, {NotifyRole, "notify"}});
    return names;
}

void ChannelModel::setChannels(const QList<Channel> &channels, Channel::Kind kind)
{
    QHash<qint64, int> unread;
    for (const Item &item : std::as_const(m_channels))
        unread.insert(item.channel.id, item.unread);
    const int before = totalUnread();
    beginResetModel();
    // The other kind comes from its own list and stays.
    m_channels.removeIf([kind](const Item &item) { return item.channel.kind == kind; });
    for (const Channel &channel : channels) {
        m_channels.append(
            {named(channel), unread.value(channel.id) + int(m_unlisted.take(channel.id))});
    }
    // Whatever order the server lists them in (protocol.md: by name), ids give creation order.
    std::sort(m_channels.begin(), m_channels.end(),
        [](const Item &a, const Item &b) { return a.channel.id < b.channel.id; });
    (kind == Channel::Kind::Direct ? m_directLoaded : m_loaded) = true;
    endResetModel();
    if (totalUnread() != before)
        Q_EMIT totalUnreadChanged(totalUnread());
}

void ChannelModel::setUserId(qint64 userId)
{
    if (userId == m_userId)
        return;
    m_userId = userId;
    for (qsizetype row = 0; row < m_channels.size(); ++row) {
        if (m_channels.at(row).channel.isDirect())
            upsert(m_channels.at(row).channel);
    }
}

void ChannelModel::renameUser(const User &user)
{
    for (qsizetype row = 0; row < m_channels.size(); ++row) {
        Channel channel = m_channels.at(row).channel;
        for (User &member : channel.members) {
            if (member.id == user.id)
                member = user;
        }
        upsert(channel);
    }
}

qint64 ChannelModel::directWith(QList<qint64> others) const
{
    if (!others.contains(m_userId))
        others.append(m_userId);
    std::sort(others.begin(), others.end());
    others.erase(std::unique(others.begin(), others.end()), others.end());
    for (const Item &item : m_channels) {
        if (!item.channel.isDirect() || item.channel.members.size() != others.size())
            continue;
        QList<qint64> ids;
        for (const User &member : item.channel.members)
            ids.append(member.id);
        std::sort(ids.begin(), ids.end());
        if (ids == others)
            return item.channel.id;
    }
    return 0;
}

Channel ChannelModel::named(Channel channel) const
{
    if (!channel.isDirect())
        return channel;
    QStringList names;
    for (const User &member : std::as_const(channel.members)) {
        if (member.id != m_userId)
            names.append(member.username);
    }
    channel.name = names.join(QStringLiteral(", "));
    return channel;
}

void ChannelModel::upsert(const Channel &given)
{
    const Channel channel = named(given);
    if (const int row = rowOf(channel.id); row >= 0) {
        if (m_channels.at(row).channel == channel)
            return;
        // The id, and so the row, stays: only the name or topic changed.
        m_channels[row].channel = channel;
        const QModelIndex i = index(row);
        Q_EMIT dataChanged(
            i, i, {Qt::DisplayRole, NameRole, Qt::ToolTipRole, TopicRole, DirectRole});
        return;
    }
    const auto it = std::lower_bound(m_channels.cbegin(), m_channels.cend(), channel.id,
        [](const Item &item, qint64 id) { return item.channel.id < id; });
    const int row = int(it - m_channels.cbegin());
    beginInsertRows({}, row, row);
    m_channels.insert(row, {channel, int(m_unlisted.take(channel.id))});
    endInsertRows();
    if (m_channels.at(row).unread > 0)
        Q_EMIT totalUnreadChanged(totalUnread());
}

void ChannelModel::addUnread(qint64 channelId, int count)
{
    if (count == 0)
        return;
    const int row = rowOf(channelId);
    if (row < 0) {
        m_unlisted[channelId] += count;
        return;
    }
    m_channels[row].unread += count;
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i, {UnreadRole});
    Q_EMIT totalUnreadChanged(totalUnread());
}

void ChannelModel::clearUnread(qint64 channelId)
{
    m_unlisted.remove(channelId);
    if (m_mentions.remove(channelId))
        changed(channelId, {MentionsRole});
    const int row = rowOf(channelId);
    if (row < 0 || m_channels.at(row).unread == 0)
        return;
    m_channels[row].unread = 0;
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i, {UnreadRole});
    Q_EMIT totalUnreadChanged(totalUnread());
}

int ChannelModel::unread(qint64 channelId) const
{
    const int row = rowOf(channelId);
    return row < 0 ? 0 : m_channels.at(row).unread;
}

void ChannelModel::setCounts(qint64 channelId, int unread, int mentions)
{
    if (mentions > 0 && m_mentions.value(channelId) != mentions) {
        m_mentions.insert(channelId, mentions);
        changed(channelId, {MentionsRole});
    } else if (mentions <= 0 && m_mentions.remove(channelId)) {
        changed(channelId, {MentionsRole});
    }
    const int row = rowOf(channelId);
    if (row < 0) {
        if (unread > 0)
            m_unlisted.insert(channelId, unread);
        else
            m_unlisted.remove(channelId);
        return;
    }
    if (m_channels.at(row).unread == unread)
        return;
    m_channels[row].unread = unread;
    changed(channelId, {UnreadRole});
    Q_EMIT totalUnreadChanged(totalUnread());
}

void ChannelModel::addMention(qint64 channelId)
{
    ++m_mentions[channelId];
    changed(channelId, {MentionsRole});
}

void ChannelModel::setNotifyLevel(qint64 channelId, const QString &level)
{
    if (notifyLevel(channelId) == level)
        return;
    if (level == u"all")
        m_levels.remove(channelId);
    else
        m_levels.insert(channelId, level);
    changed(channelId, {NotifyRole});
}

QString ChannelModel::notifyLevel(qint64 channelId) const
{
    return m_levels.value(channelId, QStringLiteral("all"));
}

void ChannelModel::resetNotifyLevels()
{
    const QList<qint64> ids = m_levels.keys();
    m_levels.clear();
    for (qint64 id : ids)
        changed(id, {NotifyRole});
}

void ChannelModel::changed(qint64 channelId, const QList<int> &roles)
{
    if (const int row = rowOf(channelId); row >= 0) {
        const QModelIndex i = index(row);
        Q_EMIT dataChanged(i, i, roles);
    }
}

QHash<qint64, int> ChannelModel::unreadCounts() const
{
    QHash<qint64, int> counts = m_unlisted;
    for (const Item &item : m_channels) {
        if (item.unread > 0)
            counts.insert(item.channel.id, item.unread);
    }
    return counts;
}

int ChannelModel::totalUnread() const
{
    int total = 0;
    for (const Item &item : m_channels)
        total += item.unread;
    return total;
}

int ChannelModel::rowOf(qint64 channelId) const
{
    for (qsizetype i = 0; i < m_channels.size(); ++i) {
        if (m_channels.at(i).channel.id == channelId)
            return int(i);
    }
    return -1;
}

} // namespace Hubbub::Client
