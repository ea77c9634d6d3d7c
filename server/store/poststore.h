#pragma once

#include "error.h"
#include "store/createonce.h"
#include "types.h"

#include <QList>

#include <optional>

namespace Hubbub::Server {

class SqlConnection;
class WriteTx;

//! Posts and their reviews.
namespace PostStore {

struct FeedPage
{
    QList<Post> posts; //!< newest first
    bool more = false;
};

//! What post.update does with the image: keep it, remove it, or set another.
struct ImageChange
{
    enum class Kind { Keep, Remove, Set } kind = Kind::Keep;
    QString imageId;
};

//! A post with its recentReviews (so is every post of a page).
//! `withReactions` false: for the schema steps before 6, which have no reactions table yet.
Result<std::optional<Post>> get(SqlConnection &c, qint64 postId, bool withReactions = true);
Result<FeedPage> page(SqlConnection &c, std::optional<qint64> before, int limit);
//! Every review of a post, newest first by their last change.
Result<QList<Review>> reviews(SqlConnection &c, qint64 postId);

//! The post with this nonce by this author, if one was created before.
Result<std::optional<Earlier<Post>>> findByNonce(
    SqlConnection &c, qint64 authorId, const QString &nonce);
//! Inserts the post; nullopt when the author already created one with this nonce (see
//! findByNonce). `seq` is the seq its event will carry (tx.head() + 1).
Result<std::optional<Post>> insert(WriteTx &tx, qint64 authorId, const QString &title,
    const QString &content, const QString &imageId, const QString &nonce);
Result<Post> update(WriteTx &tx, qint64 postId, const QString &title, const QString &content,
    const ImageChange &image);
Status remove(WriteTx &tx, qint64 postId);
//! The author of a post; `not_found` when there is none.
Result<qint64> authorOf(WriteTx &tx, qint64 postId);
//! Stores the author's review of a post that exists and counts it in the post's rating. A
//! review is one per author and post: when the author has one there already, it is replaced
//! (same id, new rating and comment, updatedAt set). nullopt, having written nothing, when the
//! author already used this nonce for a review (see findReviewByNonce). `nonce` may be empty.
Result<std::optional<Review>> addReview(WriteTx &tx, qint64 postId, qint64 authorId, int rating,
    const QString &comment, const QString &nonce);
//! The review `authorId` stored under `nonce`, as it is now, with the seq of the event that
//! request published.
Result<std::optional<Earlier<Review>>> findReviewByNonce(
    SqlConnection &c, qint64 authorId, const QString &nonce);

} // namespace PostStore
} // namespace Hubbub::Server
