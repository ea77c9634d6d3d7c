#include "chatmodel.h"

#include "mentiontext.h"
#include "plaintext.h"
#include "reactionlist.h"

#include <QLocale>

#include <algorithm>
#include <limits>

namespace Hubbub::Client {

ChatModel::ChatModel(qint64 channelId, QObject *parent)
    : QAbstractListModel(parent)
    , m_channelId(channelId)
{ }

ChatModel::Item ChatModel::makeItem(const Message &message)
{
    Item item;
    item.message = message;
    item.created = parseTimestamp(message.createdAt);
    if (message.author.id != 0) {
        m_names.insert(message.author.id, message.author.shownName());
        m_usernames.insert(message.author.id, message.author.username);
    }
    return item;
}

int ChatModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : rowCountAll();
}

const ChatModel::Item &ChatModel::itemAt(int row) const
{
    return row < m_items.size() ? m_items.at(row) : m_pending.at(row - m_items.size());
}

bool ChatModel::dayStart(int row) const
{
    return row == 0
        || itemAt(row - 1).created.toLocalTime().date() != itemAt(row).created.toLocalTime().date();
}

bool ChatModel::firstInGroup(int row) const
{
    const Item &item = itemAt(row);
    if (item.kind != Kind::Message || dayStart(row))
        return true;
    const Item &previous = itemAt(row - 1);
    if (previous.kind != Kind::Message || previous.message.author.id != item.message.author.id)
        return true;
    return previous.created.secsTo(item.created) > GroupSeconds;
}

QString ChatModel::presenceText(const Item &item)
{
    QStringList joined;
    QStringList left;
    for (const auto &[user, online] : item.presence)
        (online ? joined : left).append(user.username);
    const QLocale locale;
    QStringList parts;
    // %1 is a list of %n names: the verb agrees with how many.
    if (!joined.isEmpty())
        parts.append(tr("%1 joined", "presence", int(joined.size()))
                         .arg(locale.createSeparatedList(joined)));
    if (!left.isEmpty())
        parts.append(
            tr("%1 left", "presence", int(left.size())).arg(locale.createSeparatedList(left)));
    return parts.join(QStringLiteral(" · "));
}

QVariant ChatModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Item &item = itemAt(index.row());
    const Message &message = item.message;
    const bool isPendingSend = !item.localId.isEmpty();
    const Overlay overlay = (isPendingSend || item.kind != Kind::Message)
        ? Overlay {}
        : m_pending.overlay(message.id);
    const QString text = item.kind != Kind::Message ? presenceText(item)
        : overlay.edit ? overlay.edit->value(QStringLiteral("text")).toString()
                       : message.text;
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return text;
    case Qt::ToolTipRole:
        // QLocale names the days and months; QDateTime::toString(format) would in English.
        return QLocale().toString(item.created.toLocalTime(), QLocale::LongFormat);
    case Qt::AccessibleTextRole:
        // What a screen reader says for the row: who, what, when.
        if (item.kind != Kind::Message)
            return text;
        return tr("%1: %2, %3")
            .arg(message.author.shownName(), PlainText::fromMarkdown(text),
                QLocale().toString(item.created.toLocalTime().time(), QLocale::ShortFormat));
    case IdRole:
        return message.id;
    case AuthorRole:
        return message.author.username;
    case AuthorIdRole:
        return message.author.id;
    case AuthorUserRole:
        return QVariant::fromValue(message.author);
    case CreatedAtRole:
        return item.created;
    case EditedRole:
        return !message.editedAt.isEmpty() || overlay.edit.has_value();
    case KindRole:
        return QVariant::fromValue(item.kind);
    case FirstInGroupRole:
        return firstInGroup(index.row());
    case DayStartRole:
        return dayStart(index.row());
    case PendingRole:
        return isPendingSend || overlay.edit.has_value() || overlay.deleting;
    case FailureRole:
        return isPendingSend ? item.failure : overlay.failure;
    case LocalIdRole:
        return item.localId;
    case DeletingRole:
        return overlay.deleting;
    case ReplyToIdRole:
        return message.replyTo ? message.replyTo->id : qint64(0);
    case ReplyAuthorRole:
        return message.replyTo ? message.replyTo->author.shownName() : QString();
    case ReplyTextRole:
        // The quote is one line of plain text (Markdown as it reads).
        return message.replyTo ? PlainText::fromMarkdown(message.replyTo->text) : QString();
    case ReplyDeletedRole:
        return message.replyTo && message.replyTo->deleted;
    case ReactionsRole:
        return reactionsToVariant(message.reactions);
    case MarkdownRole:
        return overlay.edit ? text : MentionText::toMarkdown(text, message.mentions, m_names);
    case MentionsMeRole:
        return m_selfId != 0 && !overlay.edit
            && std::any_of(message.mentions.cbegin(), message.mentions.cend(),
                [this](const Mention &m) { return m.userId == m_selfId; });
    case FilesRole:
        return QVariant::fromValue(message.files);
    default:
        return {};
    }
}

QHash<int, QByteArray> ChatModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "messageId"}, {AuthorRole, "author"}, {AuthorIdRole, "authorId"},
        {TextRole, "text"}, {CreatedAtRole, "createdAt"}, {EditedRole, "edited"},
        {KindRole, "kind"}, {FirstInGroupRole, "firstInGroup"}, {PendingRole, "pending"},
        {FailureRole, "failure"}, {LocalIdRole, "localId"}, {DeletingRole, "deleting"},
        {DayStartRole, "dayStart"}, {AuthorUserRole, "authorUser"}, {ReplyToIdRole, "replyToId"},
        {ReplyAuthorRole, "replyAuthor"}, {ReplyTextRole, "replyText"},
        {ReplyDeletedRole, "replyDeleted"}, {ReactionsRole, "reactions"}});
    return names;
}

bool ChatModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_loaded && m_more && !m_fetching && !m_reloading;
}

void ChatModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_fetching = true;
    Q_EMIT fetchMoreRequested(m_channelId, oldestId());
}

qint64 ChatModel::oldestId() const
{
    for (const Item &item : m_items) {
        if (item.kind == Kind::Message)
            return item.message.id;
    }
    return 0;
}

void ChatModel::beginReload()
{
    m_reloading = true;
    m_journal.clear();
}

void ChatModel::finishReload(const QList<Message> &messages, bool more)
{
    beginResetModel();
    m_items.clear();
    for (const Message &message : messages)
        m_items.append(makeItem(message));
    std::sort(m_items.begin(), m_items.end(),
        [](const Item &a, const Item &b) { return a.message.id < b.message.id; });
    m_more = more;
    m_loaded = true;
    m_fetching = false;
    m_reloading = false;
    m_moreAfter = false;
    m_fetchingNewer = false;
    endResetModel();
    const auto journal = std::exchange(m_journal, {});
    for (const auto &[type, frame] : journal)
        applyEvent(type, frame);
}

QList<Message> ChatModel::storedMessages(qsizetype max) const
{
    QList<Message> messages;
    for (auto it = m_items.crbegin(); it != m_items.crend() && messages.size() < max; ++it) {
        if (it->kind == Kind::Message)
            messages.append(it->message);
    }
    std::reverse(messages.begin(), messages.end());
    return messages;
}

void ChatModel::prependPage(const QList<Message> &messages, bool more)
{
    const qint64 oldest = oldestId();
    QList<Item> older;
    for (const Message &message : messages) {
        if (oldest == 0 || message.id < oldest)
            older.append(makeItem(message));
    }
    if (!older.isEmpty()) {
        std::sort(older.begin(), older.end(),
            [](const Item &a, const Item &b) { return a.message.id < b.message.id; });
        beginInsertRows({}, 0, int(older.size()) - 1);
        m_items = older + m_items;
        endInsertRows();
        emitGroupingAround(int(older.size()) - 1);
    }
    // Only now: a view that asks for more while the rows go in would otherwise ask again for
    // the page it is being given.
    m_fetching = false;
    m_more = more;
}

void ChatModel::fetchFailed()
{
    m_fetching = false;
}

qsizetype ChatModel::insertPosition(qint64 messageId) const
{
    // New messages land at the end nearly always: look from there.
    qsizetype newest = m_items.size() - 1;
    while (newest >= 0 && m_items.at(newest).kind != Kind::Message)
        --newest;
    if (newest < 0 || m_items.at(newest).message.id < messageId)
        return m_items.size(); // after any presence lines too
    for (qsizetype i = newest; i >= 0; --i) {
        const Item &item = m_items.at(i);
        if (item.kind == Kind::Message && item.message.id < messageId)
            return i + 1;
    }
    return 0;
}

int ChatModel::rowOf(qint64 messageId) const
{
    for (qsizetype i = m_items.size(); i > 0; --i) {
        const Item &item = m_items.at(i - 1);
        if (item.kind == Kind::Message && item.message.id == messageId)
            return int(i - 1);
        if (item.kind == Kind::Message && item.message.id < messageId)
            return -1;
    }
    return -1;
}

std::optional<Message> ChatModel::message(qint64 messageId) const
{
    const int row = rowOf(messageId);
    if (row < 0)
        return std::nullopt;
    return m_items.at(row).message;
}

std::optional<Message> ChatModel::lastMessageBy(qint64 userId) const
{
    for (qsizetype i = m_items.size(); i > 0; --i) {
        const Item &item = m_items.at(i - 1);
        if (item.kind == Kind::Message && item.message.author.id == userId
            && !m_pending.overlay(item.message.id).deleting)
            return item.message;
    }
    return std::nullopt;
}

void ChatModel::emitRowChanged(int row)
{
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i);
}

void ChatModel::emitGroupingAround(int row)
{
    if (row + 1 < rowCountAll()) {
        const QModelIndex next = index(row + 1);
        Q_EMIT dataChanged(next, next, {FirstInGroupRole, DayStartRole});
    }
}

void ChatModel::upsert(const Message &message)
{
    if (message.channelId != m_channelId)
        return;
    if (const int row = rowOf(message.id); row >= 0) {
        if (m_items.at(row).message == message)
            return;
        m_items[row] = makeItem(message);
        emitRowChanged(row);
        return;
    }
    if (!m_loaded)
        return;
    if (m_more && message.id < oldestId())
        return; // comes with its page
    if (m_moreAfter && message.id > newestId())
        return; // comes with the newer pages
    const int row = int(insertPosition(message.id));
    beginInsertRows({}, row, row);
    m_items.insert(row, makeItem(message));
    endInsertRows();
    emitGroupingAround(row);
}

void ChatModel::remove(qint64 messageId)
{
    m_pending.forget(messageId);
    const int row = rowOf(messageId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_items.removeAt(row);
    endRemoveRows();
    if (row < rowCountAll()) {
        const QModelIndex next = index(row);
        Q_EMIT dataChanged(next, next, {FirstInGroupRole, DayStartRole});
    }
}

void ChatModel::applyEvent(EventType type, const QJsonObject &frame)
{
    if (m_reloading)
        m_journal.append({type, frame});
    switch (type) {
    case EventType::MessageCreated:
        upsert(Message::fromJson(frame.value(QStringLiteral("message")).toObject()));
        break;
    case EventType::MessageUpdated: {
        const Message message
            = Message::fromJson(frame.value(QStringLiteral("message")).toObject());
        upsert(message);
        if (message.channelId == m_channelId)
            updateQuotesOf(message.id, message);
        break;
    }
    case EventType::MessageDeleted:
        if (frame.value(QStringLiteral("channelId")).toInteger() == m_channelId) {
            const qint64 messageId = frame.value(QStringLiteral("messageId")).toInteger();
            remove(messageId);
            updateQuotesOf(messageId, std::nullopt);
        }
        break;
    case EventType::ReactionChanged:
        if (frame.value(QStringLiteral("channelId")).toInteger() == m_channelId) {
            setReactions(frame.value(QStringLiteral("messageId")).toInteger(),
                reactionsFromJson(frame.value(QStringLiteral("reactions")).toArray()));
        }
        break;
    case EventType::UserRenamed:
    case EventType::UserUpdated:
        renameUser(User::fromJson(frame.value(QStringLiteral("user")).toObject()));
        break;
    default:
        break;
    }
}

void ChatModel::setSelfId(qint64 userId)
{
    if (userId == m_selfId)
        return;
    m_selfId = userId;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {MentionsMeRole});
}

void ChatModel::renameUser(const User &user)
{
    if (m_names.contains(user.id) && m_names.value(user.id) != user.shownName()) {
        m_names.insert(user.id, user.shownName());
        // Rows mentioning the user show the new name.
        for (qsizetype i = 0; i < m_items.size(); ++i) {
            const QList<Mention> &mentions = m_items.at(i).message.mentions;
            if (std::any_of(mentions.cbegin(), mentions.cend(),
                    [&user](const Mention &m) { return m.userId == user.id; }))
                emitRowChanged(int(i));
        }
    }
    m_names.insert(user.id, user.shownName());
    m_usernames.insert(user.id, user.username);
    auto renameIn = [&](auto &items, int offset) {
        for (qsizetype i = 0; i < items.size(); ++i) {
            bool changed = false;
            if (items[i].message.author.id == user.id && items[i].message.author != user) {
                items[i].message.author = user;
                changed = true;
            }
            for (auto &entry : items[i].presence) {
                if (entry.first.id == user.id && entry.first != user) {
                    entry.first = user;
                    changed = true;
                }
            }
            if (changed)
                emitRowChanged(int(offset + i));
        }
    };
    renameIn(m_items, 0);
    renameIn(m_pending, int(m_items.size()));
}

void ChatModel::addPresenceLine(const User &user, bool joined, const QDateTime &when)
{
    if (!m_loaded)
        return;
    if (!m_items.isEmpty() && m_items.last().kind != Kind::Message
        && m_items.last().burstStart.secsTo(when) <= PresenceBurstSeconds) {
        Item &line = m_items.last();
        line.kind = joined ? Kind::Joined : Kind::Left;
        line.message.author = user;
        line.created = when;
        const auto same = std::find_if(line.presence.begin(), line.presence.end(),
            [&user](const auto &entry) { return entry.first.id == user.id; });
        if (same != line.presence.end())
            *same = {user, joined};
        else
            line.presence.append({user, joined});
        emitRowChanged(int(m_items.size()) - 1);
        return;
    }
    Item item;
    item.kind = joined ? Kind::Joined : Kind::Left;
    item.message.author = user;
    item.message.channelId = m_channelId;
    item.created = when;
    item.burstStart = when;
    item.presence.append({user, joined});
    const int row = int(m_items.size());
    beginInsertRows({}, row, row);
    m_items.append(item);
    endInsertRows();
    emitGroupingAround(row);
}

int ChatModel::pendingRowOf(const QString &localId) const
{
    const qsizetype i = m_pending.indexOf(localId);
    return i < 0 ? -1 : int(m_items.size() + i); // pending rows are at the bottom
}

void ChatModel::addPending(
    const QString &localId, const QJsonObject &params, const User &author, const QDateTime &created)
{
    if (pendingRowOf(localId) >= 0)
        return;
    Message draft;
    draft.author = author;
    draft.channelId = m_channelId;
    draft.text = params.value(QStringLiteral("text")).toString();
    // A queued reply shows its quote at once, from the original as loaded here.
    if (const qint64 replyTo = params.value(QStringLiteral("replyTo")).toInteger(); replyTo > 0) {
        const std::optional<Message> original = message(replyTo);
        draft.replyTo = original
            ? ReplyQuote {replyTo, false, original->author, ReplyQuote::quoteOf(original->text)}
            : ReplyQuote {replyTo, true, {}, {}};
    }
    draft.createdAt = formatTimestamp(created);
    Item item = makeItem(draft);
    item.localId = localId;
    const int row = rowCountAll();
    beginInsertRows({}, row, row);
    m_pending.insert(m_pending.size(), item);
    endInsertRows();
}

void ChatModel::updatePending(
    const QString &localId, const QJsonObject &params, const QString &failure)
{
    const int row = pendingRowOf(localId);
    if (row < 0)
        return;
    Item &item = m_pending[row - m_items.size()];
    item.message.text = params.value(QStringLiteral("text")).toString();
    item.failure = failure;
    emitRowChanged(row);
}

void ChatModel::removePending(const QString &localId)
{
    const int row = pendingRowOf(localId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_pending.removeAt(row - m_items.size());
    endRemoveRows();
    if (row < rowCountAll()) {
        const QModelIndex next = index(row);
        Q_EMIT dataChanged(next, next, {FirstInGroupRole, DayStartRole});
    }
}

void ChatModel::setOverlay(qint64 messageId, const Overlay &overlay)
{
    if (!m_pending.setOverlay(messageId, overlay))
        return;
    if (const int row = rowOf(messageId); row >= 0)
        emitRowChanged(row);
}

void ChatModel::applyStored(const QJsonObject &result)
{
    const Message message = Message::fromJson(result.value(QStringLiteral("message")).toObject());
    if (message.id > 0)
        upsert(message);
}

qint64 ChatModel::newestId() const
{
    for (qsizetype i = m_items.size(); i > 0; --i) {
        if (m_items.at(i - 1).kind == Kind::Message)
            return m_items.at(i - 1).message.id;
    }
    return 0;
}

void ChatModel::setReactions(qint64 messageId, const QList<Reaction> &reactions)
{
    const int row = rowOf(messageId);
    if (row < 0 || m_items.at(row).message.reactions == reactions)
        return;
    m_items[row].message.reactions = reactions;
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i, {ReactionsRole});
}

void ChatModel::updateQuotesOf(qint64 originalId, const std::optional<Message> &original)
{
    const ReplyQuote quote = original
        ? ReplyQuote {originalId, false, original->author, ReplyQuote::quoteOf(original->text)}
        : ReplyQuote {originalId, true, {}, {}};
    auto updateIn = [&](auto &items, int offset) {
        for (qsizetype i = 0; i < items.size(); ++i) {
            std::optional<ReplyQuote> &replyTo = items[i].message.replyTo;
            if (!replyTo || replyTo->id != originalId || *replyTo == quote)
                continue;
            replyTo = quote;
            const QModelIndex changed = index(int(offset + i));
            Q_EMIT dataChanged(
                changed, changed, {ReplyAuthorRole, ReplyTextRole, ReplyDeletedRole});
        }
    };
    updateIn(m_items, 0);
    updateIn(m_pending, int(m_items.size()));
}

void ChatModel::showAround(const QList<Message> &messages, bool moreBefore, bool moreAfter)
{
    if (messages.isEmpty())
        return;
    qint64 newestInPage = 0;
    qint64 oldestInPage = std::numeric_limits<qint64>::max();
    for (const Message &message : messages) {
        newestInPage = std::max(newestInPage, message.id);
        oldestInPage = std::min(oldestInPage, message.id);
    }
    const qint64 oldest = oldestId();
    const qint64 newest = newestId();
    // The page overlaps the loaded rows: what it has before them joins as a page of history,
    // what it has after them as newer rows.
    if (m_loaded && oldest != 0 && oldestInPage <= newest && newestInPage >= oldest) {
        QList<Message> older;
        QList<Message> newer;
        for (const Message &message : messages) {
            if (message.id < oldest)
                older.append(message);
            else if (message.id > newest)
                newer.append(message);
        }
        const bool more = m_more;
        prependPage(older, older.isEmpty() ? more : moreBefore);
        if (!newer.isEmpty())
            appendNewer(newer, moreAfter);
        return;
    }
    // A gap between the page and the loaded rows: show the page alone; the newer messages
    // load as the view scrolls down to them.
    finishReload(messages, moreBefore);
    m_moreAfter = moreAfter;
}

void ChatModel::fetchNewer()
{
    if (!m_loaded || !m_moreAfter || m_fetchingNewer || m_reloading)
        return;
    m_fetchingNewer = true;
    Q_EMIT fetchNewerRequested(m_channelId, newestId());
}

void ChatModel::appendNewer(const QList<Message> &messages, bool moreAfter)
{
    m_fetchingNewer = false;
    m_moreAfter = moreAfter;
    const qint64 newest = newestId();
    QList<Message> newer;
    for (const Message &message : messages) {
        if (message.id > newest)
            newer.append(message);
    }
    std::sort(
        newer.begin(), newer.end(), [](const Message &a, const Message &b) { return a.id < b.id; });
    if (newer.isEmpty())
        return;
    const int first = int(m_items.size());
    beginInsertRows({}, first, first + int(newer.size()) - 1);
    for (const Message &message : std::as_const(newer))
        m_items.append(makeItem(message));
    endInsertRows();
    emitGroupingAround(first - 1);
    if (first < rowCountAll()) {
        const QModelIndex i = index(first);
        Q_EMIT dataChanged(i, i, {FirstInGroupRole, DayStartRole});
    }
}

} // namespace Hubbub::Client
