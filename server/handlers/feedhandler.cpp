#include "handlers/feedhandler.h"

#include "handlers/filehandler.h"
#include "protocollimits.h"
#include "store/filestore.h"
#include "store/imagestore.h"
#include "store/mentionstore.h"
#include "store/poststore.h"
#include "store/sqlconnection.h"
#include "store/versionstore.h"
#include "validation.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Hubbub::Server {

namespace {

//! The messages of this file, under one context that lupdate can see. The server sends
//! them in English (it knows no reader's language); the client shows its own text.
struct FeedText
{
    Q_DECLARE_TR_FUNCTIONS(Hubbub::Server::FeedHandler)
};

//! Title and content of a create or update, checked and normalised.
struct PostFields
{
    QString title;
    QString content;
};

Result<PostFields> postFields(const Params &params)
{
    Result<QString> title = params.string(QStringLiteral("title"));
    if (!title)
        return title.error();
    Result<QString> content = params.string(QStringLiteral("content"));
    if (!content)
        return content.error();
    PostFields fields {title->trimmed(), *content};
    if (auto error = Validation::checkTitle(fields.title))
        return *error;
    if (auto error = Validation::checkContent(fields.content))
        return *error;
    return fields;
}

Error unknownImage()
{
    return makeError(ErrorCode::NotFound,
        FeedText::tr("The attached image does not exist; upload it first."),
        QStringLiteral("imageId"));
}

//! An imageId parameter: absent, null, or a well-formed id.
Result<std::optional<QString>> imageParam(const Params &params)
{
    Result<std::optional<QString>> imageId = params.optionalString(QStringLiteral("imageId"));
    if (imageId && *imageId && !Validation::isImageId(**imageId)) {
        return makeError(ErrorCode::Invalid,
            FeedText::tr("An image id is the 64-character lowercase hex SHA-256 of the image."),
            QStringLiteral("imageId"));
    }
    return imageId;
}

Status requireImage(WriteTx &tx, const QString &imageId)
{
    Result<bool> exists = ImageStore::exists(tx.sql(), imageId);
    if (!exists)
        return exists.error();
    if (!*exists)
        return unknownImage();
    return Ok {};
}

QJsonArray toArray(const auto &list)
{
    QJsonArray array;
    for (const auto &item : list)
        array.append(item.toJson());
    return array;
}

//! Finds and stores what the post's content mentions, and sets them on it (part "rich");
//! `replacing` (an update) drops what the earlier content mentioned.
Status storeMentions(WriteTx &tx, Post &post, bool replacing)
{
    Result<QList<Mention>> mentions = MentionStore::resolve(tx.sql(), post.content);
    if (!mentions)
        return mentions.error();
    if (replacing || !mentions->isEmpty()) {
        if (Status s = MentionStore::storeForPost(tx, post.id, *mentions); !s)
            return s;
    }
    post.mentions = *mentions;
    return Ok {};
}

} // namespace

QList<MessageType> FeedHandler::types() const
{
    return {MessageType::FeedPage, MessageType::PostGet, MessageType::PostCreate,
        MessageType::PostUpdate, MessageType::PostDelete, MessageType::ReviewCreate,
        MessageType::ReviewList};
}

void FeedHandler::handle(const Caller &caller, const Request &request, const Responder &reply)
{
    const Params params(request.params);
    const User &user = *caller.user;
    switch (request.type) {
    case MessageType::FeedPage:
        return page(params, reply);
    case MessageType::PostGet:
        return get(params, reply);
    case MessageType::PostCreate:
        return create(user, params, reply);
    case MessageType::PostUpdate:
        return update(user, params, reply);
    case MessageType::PostDelete:
        return remove(user, params, reply);
    case MessageType::ReviewCreate:
        return review(user, params, reply);
    case MessageType::ReviewList:
        return reviews(params, reply);
    default:
        return reply.fail(makeError(ErrorCode::BadRequest, FeedText::tr("Not a feed request.")));
    }
}

void FeedHandler::page(const Params &params, const Responder &reply)
{
    const Result<std::optional<qint64>> before = params.optionalId(QStringLiteral("before"));
    if (!before)
        return reply.fail(before.error());
    const Result<int> limit
        = params.limit(QStringLiteral("limit"), 1, Limits::FeedPageMax, Limits::FeedPageDefault);
    if (!limit)
        return reply.fail(limit.error());
    const Result<PostStore::FeedPage> page = PostStore::page(m_ctx.reader, *before, *limit);
    if (!page)
        return reply.fail(page.error());
    reply.ok(
        {{QStringLiteral("posts"), toArray(page->posts)}, {QStringLiteral("more"), page->more}});
}

void FeedHandler::get(const Params &params, const Responder &reply)
{
    const Result<qint64> postId = params.id(QStringLiteral("postId"));
    if (!postId)
        return reply.fail(postId.error());
    const Result<std::optional<Post>> post = PostStore::get(m_ctx.reader, *postId);
    if (!post)
        return reply.fail(post.error());
    if (!*post) {
        return reply.fail(makeError(ErrorCode::NotFound, FeedText::tr("This post does not exist."),
            QStringLiteral("postId")));
    }
    reply.ok({{QStringLiteral("post"), (*post)->toJson()}});
}

void FeedHandler::create(const User &user, const Params &params, const Responder &reply)
{
    const Result<PostFields> fields = postFields(params);
    if (!fields)
        return reply.fail(fields.error());
    const Result<std::optional<QString>> imageId = imageParam(params);
    if (!imageId)
        return reply.fail(imageId.error());
    const Result<QString> nonce = nonceParam(params);
    if (!nonce)
        return reply.fail(nonce.error());
    const Result<std::optional<QStringList>> fileIds = attachedFileIds(params);
    if (!fileIds)
        return reply.fail(fileIds.error());
    m_ctx.writer.submit(
        [userId = user.id, fields = *fields, imageId = imageId->value_or(QString()), nonce = *nonce,
            fileIds = fileIds->value_or(QStringList())](WriteTx &tx) -> Result<QJsonObject> {
            QList<File> files; // part "files": resolved with the image, attached on insert
            return createOnce<Post>(tx, nonce,
                {EventType::PostCreated,
                    [&]() -> Status {
                        if (!imageId.isEmpty()) {
                            if (Status s = requireImage(tx, imageId); !s)
                                return s;
                        }
                        Result<QList<File>> found
                            = FileStore::resolveForAttach(tx.sql(), userId, fileIds);
                        if (!found)
                            return found.error();
                        files = *found;
                        return Ok {};
                    },
                    [&]() -> Result<std::optional<Post>> {
                        Result<std::optional<Post>> post = PostStore::insert(
                            tx, userId, fields.title, fields.content, imageId, nonce);
                        if (!post || !*post)
                            return post;
                        if (Status s = storeMentions(tx, **post, false); !s)
                            return s.error();
                        if (!files.isEmpty()) {
                            if (Status s = FileStore::attachToPost(tx, (*post)->id, files); !s)
                                return s.error();
                            (*post)->files = files;
                        }
                        return post;
                    },
                    [&] { return PostStore::findByNonce(tx.sql(), userId, nonce); },
                    [](const Post &post) -> Result<QJsonObject> {
                        return QJsonObject {{QStringLiteral("post"), post.toJson()}};
                    }});
        },
        [reply](const WriteOutcome &outcome) { reply.finish(outcome); });
}

void FeedHandler::update(const User &user, const Params &params, const Responder &reply)
{
    const Result<qint64> postId = params.id(QStringLiteral("postId"));
    if (!postId)
        return reply.fail(postId.error());
    const Result<PostFields> fields = postFields(params);
    if (!fields)
        return reply.fail(fields.error());
    const Result<std::optional<QString>> imageId = imageParam(params);
    if (!imageId)
        return reply.fail(imageId.error());
    PostStore::ImageChange image;
    if (*imageId) {
        image = {PostStore::ImageChange::Kind::Set, **imageId};
    } else if (params.contains(QStringLiteral("imageId"))) {
        image.kind = PostStore::ImageChange::Kind::Remove;
    }
    const Result<std::optional<QStringList>> fileIds = attachedFileIds(params);
    if (!fileIds)
        return reply.fail(fileIds.error());
    m_ctx.writer.submit(
        [user, postId = *postId, fields = *fields, image, fileIds = *fileIds](
            WriteTx &tx) -> Result<QJsonObject> {
            Result<qint64> author = PostStore::authorOf(tx, postId);
            if (!author)
                return author.error();
            if (Status s = checkMayChange(tx, user, *author, FeedText::tr("post"),
                    QStringLiteral("post.update"), {{QStringLiteral("postId"), postId}});
                !s)
                return s.error();
            // As it was, for its edit history.
            Result<std::optional<Post>> before = PostStore::get(tx.sql(), postId);
            if (!before)
                return before.error();
            if (!*before) {
                return makeError(ErrorCode::NotFound, FeedText::tr("This post does not exist."),
                    QStringLiteral("postId"));
            }
            if (image.kind == PostStore::ImageChange::Kind::Set) {
                if (Status s = requireImage(tx, image.imageId); !s)
                    return s.error();
            }
            Post changed = **before;
            changed.content = fields.content;
            if (Status s = storeMentions(tx, changed, true); !s)
                return s.error();
            if (fileIds) { // part "files": absent keeps the attachments, a list replaces them
                Result<QList<File>> files
                    = FileStore::resolveForAttach(tx.sql(), user.id, *fileIds);
                if (!files)
                    return files.error();
                if (Status s = FileStore::attachToPost(tx, postId, *files); !s)
                    return s.error();
            }
            Result<Post> post = PostStore::update(tx, postId, fields.title, fields.content, image);
            if (!post)
                return post.error();
            if (Status s = VersionStore::recordPostEdit(tx, **before, *post, user.id); !s)
                return s.error();
            return tx.publish(EventType::PostUpdated, {{QStringLiteral("post"), post->toJson()}});
        },
        [reply](const WriteOutcome &outcome) { reply.finish(outcome); });
}

void FeedHandler::remove(const User &user, const Params &params, const Responder &reply)
{
    const Result<qint64> postId = params.id(QStringLiteral("postId"));
    if (!postId)
        return reply.fail(postId.error());
    m_ctx.writer.submit(
        [user, postId = *postId](WriteTx &tx) -> Result<QJsonObject> {
            Result<qint64> author = PostStore::authorOf(tx, postId);
            if (!author)
                return author.error();
            if (Status s = checkMayChange(tx, user, *author, FeedText::tr("post"),
                    QStringLiteral("post.delete"), {{QStringLiteral("postId"), postId}});
                !s)
                return s.error();
            if (Status s = PostStore::remove(tx, postId); !s)
                return s.error();
            Result<QJsonObject> published
                = tx.publish(EventType::PostDeleted, {{QStringLiteral("postId"), postId}});
            if (!published)
                return published;
            // The reply carries only the seq; the event carries the id.
            return QJsonObject {
                {QStringLiteral("seq"), published->value(QLatin1StringView("seq"))}};
        },
        [reply](const WriteOutcome &outcome) { reply.finish(outcome); });
}

void FeedHandler::review(const User &user, const Params &params, const Responder &reply)
{
    const Result<qint64> postId = params.id(QStringLiteral("postId"));
    if (!postId)
        return reply.fail(postId.error());
    const Result<qint64> rating = params.integer(QStringLiteral("rating"));
    if (!rating) {
        Error error = rating.error();
        error.field = QStringLiteral("rating");
        return reply.fail(error);
    }
    if (auto error = Validation::checkRating(*rating))
        return reply.fail(*error);
    const Result<std::optional<QString>> comment = params.optionalString(QStringLiteral("comment"));
    if (!comment)
        return reply.fail(comment.error());
    const QString text = comment->value_or(QString());
    if (auto error = Validation::checkComment(text))
        return reply.fail(*error);
    const Result<QString> nonce = nonceParam(params);
    if (!nonce)
        return reply.fail(nonce.error());
    m_ctx.writer.submit(
        [userId = user.id, postId = *postId, rating = int(*rating), text, nonce = *nonce](
            WriteTx &tx) -> Result<QJsonObject> {
            return createOnce<Review>(tx, nonce,
                {EventType::ReviewCreated,
                    [&]() -> Status {
                        Result<qint64> author = PostStore::authorOf(tx, postId);
                        return author ? Status(Ok {}) : Status(author.error());
                    },
                    [&] { return PostStore::addReview(tx, postId, userId, rating, text, nonce); },
                    [&] { return PostStore::findReviewByNonce(tx.sql(), userId, nonce); },
                    [&](const Review &review) -> Result<QJsonObject> {
                        // The post as it is now, with its rating.
                        Result<std::optional<Post>> post = PostStore::get(tx.sql(), review.postId);
                        if (!post)
                            return post.error();
                        // `replaced`: the author had reviewed the post before, and a client
                        // that keeps reviews by id replaces that one.
                        return QJsonObject {{QStringLiteral("review"), review.toJson()},
                            {QStringLiteral("post"), post->value_or(Post()).toJson()},
                            {QStringLiteral("replaced"), !review.updatedAt.isEmpty()}};
                    }});
        },
        [reply](const WriteOutcome &outcome) { reply.finish(outcome); });
}

void FeedHandler::reviews(const Params &params, const Responder &reply)
{
    const Result<qint64> postId = params.id(QStringLiteral("postId"));
    if (!postId)
        return reply.fail(postId.error());
    const Result<QList<Review>> list = PostStore::reviews(m_ctx.reader, *postId);
    if (!list)
        return reply.fail(list.error());
    reply.ok({{QStringLiteral("reviews"), toArray(*list)}});
}

} // namespace Hubbub::Server
