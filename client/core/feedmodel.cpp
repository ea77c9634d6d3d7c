#include "feedmodel.h"

#include "mentiontext.h"
#include "reactionlist.h"

#include <QJsonArray>

#include <algorithm>
#include <limits>

namespace Hubbub::Client {

FeedModel::FeedModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

FeedModel::Item FeedModel::makeItem(const Post &post)
{
    Item item;
    item.post = post;
    item.created = parseTimestamp(post.createdAt);
    if (!post.updatedAt.isEmpty())
        item.updated = parseTimestamp(post.updatedAt);
    return item;
}

int FeedModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_pending.size() + m_posts.size());
}

const FeedModel::Item &FeedModel::itemAt(int row) const
{
    return row < m_pending.size() ? m_pending.at(row) : m_posts.at(row - m_pending.size());
}

QVariant FeedModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Item &item = itemAt(index.row());
    const Post &post = item.post;
    const bool isPendingCreate = !item.localId.isEmpty();
    const Overlay overlay = isPendingCreate ? Overlay {} : m_pending.overlay(post.id);
    const auto title = [&] {
        return overlay.edit ? overlay.edit->value(QStringLiteral("title")).toString() : post.title;
    };
    const auto content = [&] {
        return overlay.edit ? overlay.edit->value(QStringLiteral("content")).toString()
                            : post.content;
    };
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return title();
    case ContentRole:
        return content();
    case MarkdownRole:
        return overlay.edit ? content()
                            : MentionText::toMarkdown(post.content, post.mentions, m_names);
    case Qt::ToolTipRole:
        // QLocale names the days and months; QDateTime::toString(format) would in English.
        return QLocale().toString(item.created.toLocalTime(), QLocale::LongFormat);
    case Qt::AccessibleTextRole:
        return tr("%1 by %2: %3").arg(title(), post.author.username, content());
    case IdRole:
        return post.id;
    case AuthorRole:
        return post.author.username;
    case AuthorIdRole:
        return post.author.id;
    case AuthorUserRole:
        return QVariant::fromValue(post.author);
    case ImageIdRole:
        return post.imageId;
    case CreatedAtRole:
        return item.created;
    case EditedRole:
        return item.updated.isValid() || overlay.edit.has_value();
    case UpdatedAtRole:
        return item.updated;
    case RatingAverageRole:
        return post.ratingAverage;
    case RatingCountRole:
        return post.ratingCount;
    case PendingRole:
        return isPendingCreate || overlay.edit.has_value() || overlay.deleting;
    case FailureRole:
        return isPendingCreate ? item.failure : overlay.failure;
    case LocalIdRole:
        return item.localId;
    case DeletingRole:
        return overlay.deleting;
    case FilesRole:
        return QVariant::fromValue(post.files);
    case RecentReviewsRole: {
        QVariantList list;
        for (const Review &review : post.recentReviews) {
            list.append(QVariantMap {{QStringLiteral("author"), review.author.username},
                {QStringLiteral("rating"), review.rating},
                {QStringLiteral("comment"), review.comment}});
        }
        return list;
    }
    case ReactionsRole:
        return reactionsToVariant(post.reactions);
    default:
        return {};
    }
}

QHash<int, QByteArray> FeedModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "postId"}, {AuthorRole, "author"}, {AuthorIdRole, "authorId"},
        {TitleRole, "title"}, {ContentRole, "content"}, {ImageIdRole, "imageId"},
        {CreatedAtRole, "createdAt"}, {EditedRole, "edited"}, {UpdatedAtRole, "updatedAt"},
        {RatingAverageRole, "ratingAverage"}, {RatingCountRole, "ratingCount"},
        {PendingRole, "pending"}, {FailureRole, "failure"}, {LocalIdRole, "localId"},
        {DeletingRole, "deleting"}, {RecentReviewsRole, "recentReviews"},
        {AuthorUserRole, "authorUser"}, {ReactionsRole, "reactions"}});
    return names;
}

bool FeedModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_loaded && m_more && !m_fetching && !m_reloading;
}

void FeedModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_fetching = true;
    Q_EMIT fetchMoreRequested(m_posts.isEmpty() ? 0 : m_posts.last().post.id);
}

void FeedModel::beginReload()
{
    m_reloading = true;
    m_journal.clear();
}

void FeedModel::finishReload(const QList<Post> &posts, bool more)
{
    beginResetModel();
    m_posts.clear();
    m_posts.reserve(posts.size());
    for (const Post &post : posts)
        m_posts.append(makeItem(post));
    std::sort(m_posts.begin(), m_posts.end(),
        [](const Item &a, const Item &b) { return a.post.id > b.post.id; });
    m_more = more;
    m_loaded = true;
    m_fetching = false;
    m_reloading = false;
    endResetModel();
    const QList<Journal> journal = std::exchange(m_journal, {});
    for (const Journal &entry : journal)
        applyEvent(entry.type, entry.frame);
}

QList<Post> FeedModel::storedPosts(qsizetype max) const
{
    QList<Post> posts;
    posts.reserve(std::min(max, m_posts.size()));
    for (const Item &item : m_posts) {
        if (posts.size() == max)
            break;
        posts.append(item.post);
    }
    return posts;
}

void FeedModel::appendPage(const QList<Post> &posts, bool more)
{
    QList<Item> older;
    const qint64 oldest
        = m_posts.isEmpty() ? std::numeric_limits<qint64>::max() : m_posts.last().post.id;
    for (const Post &post : posts) {
        if (post.id < oldest)
            older.append(makeItem(post));
    }
    std::sort(older.begin(), older.end(),
        [](const Item &a, const Item &b) { return a.post.id > b.post.id; });
    if (!older.isEmpty()) {
        const int first = rowCount();
        beginInsertRows({}, first, first + int(older.size()) - 1);
        m_posts.append(older);
        endInsertRows();
    }
    // Only now: a view that asks for more while the rows go in would otherwise ask again for
    // the page it is being given.
    m_fetching = false;
    m_more = more;
}

void FeedModel::fetchFailed()
{
    m_fetching = false;
}

qsizetype FeedModel::lowerBound(qint64 postId) const
{
    const auto it = std::lower_bound(m_posts.cbegin(), m_posts.cend(), postId,
        [](const Item &item, qint64 id) { return item.post.id > id; });
    return it - m_posts.cbegin();
}

bool FeedModel::inLoadedRange(qint64 postId) const
{
    if (!m_loaded)
        return false;
    // Older than everything loaded while more pages exist: it will come with its page.
    return !m_more || m_posts.isEmpty() || postId > m_posts.last().post.id;
}

int FeedModel::rowOf(qint64 postId) const
{
    const qsizetype i = lowerBound(postId);
    if (i < m_posts.size() && m_posts.at(i).post.id == postId)
        return int(m_pending.size() + i);
    return -1;
}

std::optional<Post> FeedModel::post(qint64 postId) const
{
    const int row = rowOf(postId);
    if (row < 0)
        return std::nullopt;
    return itemAt(row).post;
}

void FeedModel::emitRowChanged(int row)
{
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i);
}

void FeedModel::upsert(const Post &post)
{
    const qsizetype i = lowerBound(post.id);
    if (i < m_posts.size() && m_posts.at(i).post.id == post.id) {
        if (m_posts.at(i).post == post)
            return;
        m_posts[i] = makeItem(post);
        emitRowChanged(int(m_pending.size() + i));
        return;
    }
    if (!inLoadedRange(post.id))
        return;
    const int row = int(m_pending.size() + i);
    beginInsertRows({}, row, row);
    m_posts.insert(i, makeItem(post));
    endInsertRows();
}

void FeedModel::remove(qint64 postId)
{
    m_pending.forget(postId);
    const int row = rowOf(postId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_posts.removeAt(row - m_pending.size());
    endRemoveRows();
}

void FeedModel::applyEvent(EventType type, const QJsonObject &frame)
{
    if (m_reloading)
        m_journal.append({type, frame});
    switch (type) {
    case EventType::PostCreated:
    case EventType::PostUpdated:
        upsert(Post::fromJson(frame.value(QStringLiteral("post")).toObject()));
        break;
    case EventType::ReviewCreated: {
        // Only the rating changes; never insert a post we have not loaded because of it.
        const Post post = Post::fromJson(frame.value(QStringLiteral("post")).toObject());
        if (rowOf(post.id) >= 0)
            upsert(post);
        break;
    }
    case EventType::PostDeleted:
        remove(frame.value(QStringLiteral("postId")).toInteger());
        break;
    case EventType::UserRenamed:
    case EventType::UserUpdated:
        renameUser(User::fromJson(frame.value(QStringLiteral("user")).toObject()));
        break;
    case EventType::ReactionChanged:
        if (frame.contains(QStringLiteral("postId"))) {
            setReactions(frame.value(QStringLiteral("postId")).toInteger(),
                reactionsFromJson(frame.value(QStringLiteral("reactions")).toArray()));
        }
        break;
    default:
        break;
    }
}

void FeedModel::setReactions(qint64 postId, const QList<Reaction> &reactions)
{
    const int row = rowOf(postId);
    if (row < 0)
        return;
    Item &item = m_posts[row - m_pending.size()];
    if (item.post.reactions == reactions)
        return;
    item.post.reactions = reactions;
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i, {ReactionsRole});
}

void FeedModel::renameUser(const User &user)
{
    m_names.insert(user.id, user.shownName());
    auto renameIn = [&](auto &items, int offset) {
        for (qsizetype i = 0; i < items.size(); ++i) {
            Post &post = items[i].post;
            bool changed = false;
            if (post.author.id == user.id && post.author != user) {
                post.author = user;
                changed = true;
            }
            for (const Mention &mention : std::as_const(post.mentions))
                changed = changed || mention.userId == user.id;
            // The names under the card's latest comments too.
            for (Review &review : post.recentReviews) {
                if (review.author.id == user.id && review.author != user) {
                    review.author = user;
                    changed = true;
                }
            }
            if (changed)
                emitRowChanged(int(offset + i));
        }
    };
    renameIn(m_pending, 0);
    renameIn(m_posts, int(m_pending.size()));
}

int FeedModel::pendingRowOf(const QString &localId) const
{
    return int(m_pending.indexOf(localId)); // pending rows are on top
}

void FeedModel::addPending(
    const QString &localId, const QJsonObject &params, const User &author, const QDateTime &created)
{
    if (pendingRowOf(localId) >= 0)
        return;
    Post draft;
    draft.author = author;
    draft.title = params.value(QStringLiteral("title")).toString();
    draft.content = params.value(QStringLiteral("content")).toString();
    draft.imageId = params.value(QStringLiteral("imageId")).toString();
    draft.createdAt = formatTimestamp(created);
    Item item = makeItem(draft);
    item.localId = localId;
    beginInsertRows({}, 0, 0);
    m_pending.insert(0, item);
    endInsertRows();
}

void FeedModel::updatePending(
    const QString &localId, const QJsonObject &params, const QString &failure)
{
    const int row = pendingRowOf(localId);
    if (row < 0)
        return;
    Item &item = m_pending[row];
    item.post.title = params.value(QStringLiteral("title")).toString();
    item.post.content = params.value(QStringLiteral("content")).toString();
    item.failure = failure;
    emitRowChanged(row);
}

void FeedModel::removePending(const QString &localId)
{
    const int row = pendingRowOf(localId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_pending.removeAt(row);
    endRemoveRows();
}

void FeedModel::setOverlay(qint64 postId, const Overlay &overlay)
{
    if (!m_pending.setOverlay(postId, overlay))
        return;
    if (const int row = rowOf(postId); row >= 0)
        emitRowChanged(row);
}

void FeedModel::applyStored(const QJsonObject &result)
{
    const Post post = Post::fromJson(result.value(QStringLiteral("post")).toObject());
    if (post.id > 0)
        upsert(post);
}

} // namespace Hubbub::Client
