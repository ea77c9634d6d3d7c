#include "store/poststore.h"

#include "protocollimits.h"
#include "store/filestore.h"
#include "store/mentionstore.h"
#include "store/reactionstore.h"
#include "store/sqlconnection.h"
#include "store/sqldialect.h"
#include "store/userstore.h"
#include "store/writer.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlQuery>

#include <algorithm>
#include <limits>

namespace Hubbub::Server::PostStore {

namespace {

//! The messages of this file, under one context that lupdate can see. The server sends
//! them in English (it knows no reader's language); the client shows its own text.
struct PostStoreText
{
    Q_DECLARE_TR_FUNCTIONS(Hubbub::Server::PostStore)
};

const QString PostColumns = QStringLiteral(
    "SELECT p.id, p.title, p.content, p.image_id, p.created_at, p.updated_at, p.rating_sum, "
    "p.rating_count, u.id, u.username, u.role, u.display_name, u.avatar_image_id, p.created_seq "
    "FROM posts p JOIN users u ON u.id = p.author_id ");

Post postFrom(const QSqlQuery &q)
{
    Post post;
    post.id = q.value(0).toLongLong();
    post.title = q.value(1).toString();
    post.content = q.value(2).toString();
    post.imageId = q.value(3).toString();
    post.createdAt = q.value(4).toString();
    post.updatedAt = q.value(5).toString();
    const qint64 sum = q.value(6).toLongLong();
    post.ratingCount = q.value(7).toLongLong();
    post.ratingAverage = post.ratingCount > 0 ? double(sum) / double(post.ratingCount) : 0.0;
    post.author = UserStore::userFrom(q, 8);
    return post;
}

// The columns reviewFrom() reads, in its order, from a review `r` and its author `u`.
const QString ReviewFields = QStringLiteral(
    "SELECT r.id, r.post_id, r.rating, r.comment, r.created_at, u.id, u.username, u.role, "
    "u.display_name, u.avatar_image_id, r.updated_at");
const QString ReviewColumns
    = ReviewFields + QStringLiteral(" FROM reviews r JOIN users u ON u.id = r.author_id ");
// Newest first by the last change: a review given again counts as new.
const QString ReviewOrder = QStringLiteral("COALESCE(r.updated_at, r.created_at) DESC, r.id DESC");

Review reviewFrom(const QSqlQuery &q)
{
    Review review;
    review.id = q.value(0).toLongLong();
    review.postId = q.value(1).toLongLong();
    review.rating = q.value(2).toInt();
    review.comment = q.value(3).toString();
    review.createdAt = q.value(4).toString();
    review.author = UserStore::userFrom(q, 5);
    review.updatedAt = q.value(10).toString();
    return review;
}

//! Fills each post's recentReviews. A page holds every post between its lowest and highest id,
//! so one range query covers the whole page.
Status fillRecentReviews(SqlConnection &c, QList<Post> &posts)
{
    if (posts.isEmpty())
        return Ok {};
    QHash<qint64, qsizetype> at;
    qint64 lowest = posts.first().id;
    qint64 highest = lowest;
    for (qsizetype i = 0; i < posts.size(); ++i) {
        at.insert(posts.at(i).id, i);
        lowest = std::min(lowest, posts.at(i).id);
        highest = std::max(highest, posts.at(i).id);
    }
    Result<QSqlQuery *> q = c.run(ReviewFields
            + QStringLiteral(
                " FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY r.post_id ORDER BY %1) AS n"
                " FROM reviews r WHERE r.post_id BETWEEN ? AND ? AND %2 <> '') r"
                " JOIN users u ON u.id = r.author_id WHERE r.n <= ? ORDER BY r.post_id, r.n")
                  .arg(ReviewOrder,
                      // The comment without the blanks around it (SQLite's two-argument trim).
                      c.pick(QStringLiteral("TRIM(r.comment, ' ' || CHAR(9) || CHAR(10) || "
                                            "CHAR(13))"),
                          QStringLiteral("btrim(r.comment, ' ' || chr(9) || chr(10) || chr(13))"))),
        {lowest, highest, Limits::RecentReviews});
    if (!q)
        return q.error();
    while ((*q)->next()) {
        Review review = reviewFrom(**q);
        if (const auto it = at.constFind(review.postId); it != at.cend())
            posts[*it].recentReviews.append(std::move(review));
    }
    return Ok {};
}

Error postNotFound()
{
    return makeError(ErrorCode::NotFound,
        PostStoreText::tr("This post does not exist (it may have been "
                          "deleted)."),
        QStringLiteral("postId"));
}

Result<Post> mustGet(SqlConnection &c, qint64 postId)
{
    Result<std::optional<Post>> post = get(c, postId);
    if (!post)
        return post.error();
    if (!*post)
        return postNotFound();
    return **post;
}

} // namespace

Result<std::optional<Post>> get(SqlConnection &c, qint64 postId, bool withLaterTables)
{
    Result<QSqlQuery *> q = c.run(PostColumns + QStringLiteral("WHERE p.id = ?"), {postId});
    if (!q)
        return q.error();
    if (!(*q)->next())
        return std::optional<Post>();
    QList<Post> post {postFrom(**q)};
    (*q)->finish();
    if (Status s = fillRecentReviews(c, post); !s)
        return s.error();
    if (withLaterTables) {
        if (Status s = MentionStore::fillPosts(c, post); !s)
            return s.error();
        if (Status s = ReactionStore::fill(c, post); !s)
            return s.error();
        if (Status s = FileStore::loadFiles(c, post); !s)
            return s.error();
    }
    return std::optional<Post>(post.first());
}

Result<FeedPage> page(SqlConnection &c, std::optional<qint64> before, int limit)
{
    Result<QSqlQuery *> q = c.run(PostColumns
            + QStringLiteral("WHERE p.id < ? ORDER BY p.id DESC "
                             "LIMIT ?"),
        {before.value_or(std::numeric_limits<qint64>::max()), limit + 1});
    if (!q)
        return q.error();
    FeedPage result;
    while ((*q)->next()) {
        if (result.posts.size() == limit) {
            result.more = true;
            break;
        }
        result.posts.append(postFrom(**q));
    }
    (*q)->finish();
    if (Status s = fillRecentReviews(c, result.posts); !s)
        return s.error();
    if (Status s = MentionStore::fillPosts(c, result.posts); !s)
        return s.error();
    if (Status s = ReactionStore::fill(c, result.posts); !s)
        return s.error();
    if (Status s = FileStore::loadFiles(c, result.posts); !s)
        return s.error();
    return result;
}

Result<QList<Review>> reviews(SqlConnection &c, qint64 postId)
{
    Result<std::optional<Post>> post = get(c, postId);
    if (!post)
        return post.error();
    if (!*post)
        return postNotFound();
    Result<QSqlQuery *> q = c.run(
        ReviewColumns + QStringLiteral("WHERE r.post_id = ? ORDER BY ") + ReviewOrder, {postId});
    if (!q)
        return q.error();
    QList<Review> list;
    while ((*q)->next())
        list.append(reviewFrom(**q));
    return list;
}

Result<std::optional<Earlier<Post>>> findByNonce(
    SqlConnection &c, qint64 authorId, const QString &nonce)
{
    Result<std::optional<Earlier<Post>>> earlier
        = findEarlier(c, PostColumns + QStringLiteral("WHERE p.author_id = ? AND p.nonce = ?"),
            authorId, nonce, postFrom, 13);
    if (!earlier || !*earlier)
        return earlier;
    // Every Post the server sends carries its newest comments, a repeat's answer too.
    QList<Post> post {(*earlier)->entry};
    if (Status s = fillRecentReviews(c, post); !s)
        return s.error();
    if (Status s = MentionStore::fillPosts(c, post); !s)
        return s.error();
    if (Status s = ReactionStore::fill(c, post); !s)
        return s.error();
    if (Status s = FileStore::loadFiles(c, post); !s)
        return s.error();
    (*earlier)->entry = post.first();
    return earlier;
}

Result<std::optional<Post>> insert(WriteTx &tx, qint64 authorId, const QString &title,
    const QString &content, const QString &imageId, const QString &nonce)
{
    // Built from what was stored rather than read back: one statement less per post.
    Post post;
    post.title = title;
    post.content = content;
    post.imageId = imageId;
    post.createdAt = nowTimestamp();
    Result<QSqlQuery *> q = tx.sql().run(
        QStringLiteral("INSERT INTO posts (author_id, title, content, image_id, created_at, nonce, "
                       "created_seq) VALUES (?, ?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT (author_id, nonce) DO NOTHING RETURNING id"),
        {authorId, title, content, imageId.isEmpty() ? QVariant() : QVariant(imageId),
            post.createdAt, nonce.isEmpty() ? QVariant() : QVariant(nonce), tx.head() + 1});
    if (!q)
        return q.error();
    Result<qint64> id = SqlDialect::insertedId(**q);
    if (!id)
        return id.error();
    post.id = *id;
    if (post.id == 0)
        return std::optional<Post>(); // a repeat of an earlier post
    Result<User> author = UserStore::mustFindById(tx.sql(), authorId);
    if (!author)
        return author.error();
    post.author = *author;
    return std::optional<Post>(std::move(post));
}

Result<Post> update(WriteTx &tx, qint64 postId, const QString &title, const QString &content,
    const ImageChange &image)
{
    Result<QSqlQuery *> q = [&] {
        switch (image.kind) {
        case ImageChange::Kind::Keep:
            return tx.sql().run(QStringLiteral("UPDATE posts SET title = ?, content = ?, "
                                               "updated_at = ? WHERE id = ?"),
                {title, content, nowTimestamp(), postId});
        case ImageChange::Kind::Remove:
        case ImageChange::Kind::Set:
            break;
        }
        return tx.sql().run(QStringLiteral("UPDATE posts SET title = ?, content = ?, image_id = ?, "
                                           "updated_at = ? WHERE id = ?"),
            {title, content,
                image.kind == ImageChange::Kind::Set ? QVariant(image.imageId) : QVariant(),
                nowTimestamp(), postId});
    }();
    if (!q)
        return q.error();
    return mustGet(tx.sql(), postId);
}

Status remove(WriteTx &tx, qint64 postId)
{
    Result<QSqlQuery *> q
        = tx.sql().run(QStringLiteral("DELETE FROM posts WHERE id = ?"), {postId});
    if (!q)
        return q.error();
    if ((*q)->numRowsAffected() != 1)
        return postNotFound();
    return Ok {};
}

Result<qint64> authorOf(WriteTx &tx, qint64 postId)
{
    Result<QSqlQuery *> q
        = tx.sql().run(QStringLiteral("SELECT author_id FROM posts WHERE id = ?"), {postId});
    if (!q)
        return q.error();
    if (!(*q)->next())
        return postNotFound();
    const qint64 author = (*q)->value(0).toLongLong();
    (*q)->finish();
    return author;
}

Result<std::optional<Review>> addReview(WriteTx &tx, qint64 postId, qint64 authorId, int rating,
    const QString &comment, const QString &nonce)
{
    // The nonce first, so that a repeat changes nothing; it points at the post, where the
    // author's one review is whatever it has become since.
    if (!nonce.isEmpty()) {
        Result<QSqlQuery *> claimed = tx.sql().run(
            QStringLiteral("INSERT INTO review_nonces (author_id, nonce, post_id, seq) "
                           "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"),
            {authorId, nonce, postId, tx.head() + 1});
        if (!claimed)
            return claimed.error();
        if ((*claimed)->numRowsAffected() == 0)
            return std::optional<Review>(); // a repeat of an earlier review
    }
    Result<QSqlQuery *> earlier = tx.sql().run(
        QStringLiteral(
            "SELECT id, rating, created_at FROM reviews WHERE post_id = ? AND author_id = ?"),
        {postId, authorId});
    if (!earlier)
        return earlier.error();
    Review review;
    review.postId = postId;
    review.rating = rating;
    review.comment = comment;
    const QString now = nowTimestamp();
    qint64 sumChange = rating;
    int countChange = 1;
    if ((*earlier)->next()) {
        // Reviewing again replaces the author's review: same id, new rating and comment.
        review.id = (*earlier)->value(0).toLongLong();
        sumChange = rating - (*earlier)->value(1).toLongLong();
        countChange = 0;
        review.createdAt = (*earlier)->value(2).toString();
        review.updatedAt = now;
        (*earlier)->finish();
        Result<QSqlQuery *> q = tx.sql().run(
            QStringLiteral(
                "UPDATE reviews SET rating = ?, comment = ?, updated_at = ? WHERE id = ?"),
            {rating, comment, now, review.id});
        if (!q)
            return q.error();
    } else {
        review.createdAt = now;
        Result<QSqlQuery *> q = tx.sql().run(
            QStringLiteral("INSERT INTO reviews (post_id, author_id, rating, comment, created_at) "
                           "VALUES (?, ?, ?, ?, ?) RETURNING id"),
            {postId, authorId, rating, comment, now});
        if (!q)
            return q.error();
        Result<qint64> id = SqlDialect::insertedId(**q);
        if (!id)
            return id.error();
        review.id = *id;
    }
    Result<QSqlQuery *> bump
        = tx.sql().run(QStringLiteral("UPDATE posts SET rating_sum = rating_sum + ?, "
                                      "rating_count = rating_count + ? WHERE id = ?"),
            {sumChange, countChange, postId});
    if (!bump)
        return bump.error();
    if ((*bump)->numRowsAffected() != 1)
        return postNotFound();
    Result<std::optional<User>> author = UserStore::findById(tx.sql(), authorId);
    if (!author)
        return author.error();
    review.author = author->value_or(User {authorId, {}, Role::Member});
    return std::optional<Review>(std::move(review));
}

Result<std::optional<Earlier<Review>>> findReviewByNonce(
    SqlConnection &c, qint64 authorId, const QString &nonce)
{
    return findEarlier(c,
        ReviewFields
            + QStringLiteral(
                ", n.seq FROM review_nonces n"
                " JOIN reviews r ON r.post_id = n.post_id AND r.author_id = n.author_id"
                " JOIN users u ON u.id = r.author_id"
                " WHERE n.author_id = ? AND n.nonce = ?"),
        authorId, nonce, reviewFrom, 11);
}

} // namespace Hubbub::Server::PostStore
