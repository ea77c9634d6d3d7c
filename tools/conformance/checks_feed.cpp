// The feed: posts, paging, reviews and images ("Verbs", "Objects", "Limits" and the
// author-only rule of "Authorization").
#include "spec.h"
#include "suite.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace Hubbub::Conformance {

namespace {

QString aNonce()
{
    return u"conf-"_s + QString::number(QRandomGenerator::system()->generate64(), 16);
}

// A minimal PNG, written out here from the PNG specification: a grey image of 1-bit pixels,
// all black, of any size.

quint32 crc32(const QByteArray &bytes)
{
    quint32 crc = 0xffffffffu;
    for (const char byte : bytes) {
        crc ^= quint8(byte);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

QByteArray be32(quint32 value)
{
    QByteArray bytes(4, '\0');
    qToBigEndian(value, bytes.data());
    return bytes;
}

QByteArray pngChunk(const char *type, const QByteArray &data)
{
    const QByteArray body = QByteArray(type) + data;
    return be32(quint32(data.size())) + body + be32(crc32(body));
}

QByteArray png(quint32 width, quint32 height)
{
    QByteArray header = be32(width) + be32(height);
    header.append(char(1)).append(char(0)).append(char(0)).append(char(0)).append(char(0));
    const QByteArray row = QByteArray(1, '\0') + QByteArray(int((width + 7) / 8), '\0');
    QByteArray pixels;
    for (quint32 y = 0; y < height; ++y)
        pixels += row;
    const QByteArray zlib = qCompress(pixels).mid(4); // qCompress prefixes the length
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + pngChunk("IHDR", header) + pngChunk("IDAT", zlib)
        + pngChunk("IEND", {});
}

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString uploadImage(Peer &peer, const QByteArray &bytes)
{
    const QJsonObject reply = ok(peer, u"image.upload"_s,
        {{u"data"_s, QString::fromLatin1(bytes.toBase64())}, {u"mime"_s, u"image/png"_s}});
    return reply.value(u"imageId"_s).toString();
}

// Posts

void postCreate(Context &context)
{
    auto peer = context.signIn(0);
    const QString title = context.unique(u"title"_s);
    const QString content = u"Line one.\nLine two, \u00e9t\u00e9 \U0001F600."_s;
    const QJsonObject reply = createPost(*peer, title, content);
    const QJsonObject post = postOf(reply);
    expectEqual(post.value(u"author"_s).toObject().value(u"id"_s), context.account(0).id,
        u"the post's author"_s);
    expectEqual(post.value(u"title"_s), title, u"the post's title"_s);
    expectEqual(post.value(u"content"_s), content, u"the post's content"_s);
    expectEqual(post.value(u"imageId"_s), QJsonValue::Null, u"the post's imageId"_s);
    expectEqual(post.value(u"updatedAt"_s), QJsonValue::Null, u"a new post's updatedAt"_s);
    expectEqual(
        post.value(u"rating"_s).toObject().value(u"count"_s), 0, u"a new post's rating count"_s);
    expect(idOf(reply.value(u"seq"_s)) > 0,
        u"post.create's seq is not a seq of 1 or more (got %1)"_s.arg(show(reply.value(u"seq"_s))));
    expectEqual(ok(*peer, u"post.get"_s, {{u"postId"_s, post.value(u"id"_s)}}).value(u"post"_s),
        post, u"post.get of the new post"_s);
}

void postCreateEvent(Context &context)
{
    auto author = context.signIn(0);
    auto reader = context.signIn(1);
    const QJsonObject reply = createPost(*author, context.unique(u"title"_s));
    const qint64 postId = postIdOf(reply);
    for (Peer *peer : {author.get(), reader.get()}) {
        const QJsonObject event = waitForEvent(*peer, u"post.created"_s, aboutPost(postId));
        expectEqual(event.value(u"seq"_s), reply.value(u"seq"_s), u"the event's seq"_s);
        expectEqual(event.value(u"post"_s), reply.value(u"post"_s), u"the event's post"_s);
    }
    reader->settle(200);
    expectEqual(countEvents(*reader, u"post.created"_s, aboutPost(postId)), 1,
        u"post.created events for one post"_s);
    expectEqual(countEvents(*author, u"post.created"_s, aboutPost(postId)), 1,
        u"post.created events on the author's connection"_s);
}

void titleLimits(Context &context)
{
    auto peer = context.signIn(0);
    const QString base = context.unique(u"t"_s);
    const QString longest = base + repeated(u'x', Spec::TitleMax - base.size());
    expectEqual(postOf(createPost(*peer, longest)).value(u"title"_s), longest,
        u"a title of 200 characters"_s);
    expectError(call(*peer, u"post.create"_s,
                    {{u"title"_s, QString(longest + u"x"_s)}, {u"content"_s, u""_s}}),
        u"too_large"_s, u"title"_s);
    expectError(call(*peer, u"post.create"_s, {{u"title"_s, u"   "_s}, {u"content"_s, u""_s}}),
        u"invalid"_s, u"title"_s);
    expectError(call(*peer, u"post.create"_s, {{u"title"_s, u""_s}, {u"content"_s, u""_s}}),
        u"invalid"_s, u"title"_s);
    // Characters, not UTF-16 units: 200 emoji are 200 characters.
    QString emoji;
    for (int i = 0; i < Spec::TitleMax; ++i)
        emoji += u"\U0001F4A1"_s;
    createPost(*peer, emoji);
}

void contentLimits(Context &context)
{
    auto peer = context.signIn(0);
    const QString longest = repeated(u'c', Spec::ContentMax);
    expectEqual(postOf(createPost(*peer, context.unique(u"t"_s), longest)).value(u"content"_s),
        longest, u"content of 20,000 characters"_s);
    createPost(*peer, context.unique(u"t"_s), QString());
    expectError(call(*peer, u"post.create"_s,
                    {{u"title"_s, u"too long"_s}, {u"content"_s, QString(longest + u"c"_s)}}),
        u"too_large"_s, u"content"_s);
}

void postParams(Context &context)
{
    auto peer = context.signIn(0);
    expectError(
        call(*peer, u"post.create"_s, {{u"title"_s, 5}, {u"content"_s, u""_s}}), u"bad_request"_s);
    expectError(
        call(*peer, u"post.create"_s, {{u"title"_s, u"t"_s}, {u"content"_s, QJsonArray {}}}),
        u"bad_request"_s);
    expectErrorOneOf(call(*peer, u"post.create"_s, {{u"content"_s, u"no title"_s}}),
        {u"bad_request"_s, u"invalid"_s}, u"title"_s);
    expectError(call(*peer, u"post.get"_s, {{u"postId"_s, u"1"_s}}), u"bad_request"_s);
    expectErrorOneOf(call(*peer, u"post.get"_s), {u"bad_request"_s, u"invalid"_s}, u"postId"_s);
}

void postNotFound(Context &context)
{
    auto peer = context.signIn(0);
    const qint64 postId = postIdOf(createPost(*peer, context.unique(u"t"_s)));
    ok(*peer, u"post.delete"_s, {{u"postId"_s, postId}});
    expectError(call(*peer, u"post.get"_s, {{u"postId"_s, postId}}), u"not_found"_s, u"postId"_s);
    expectError(call(*peer, u"post.update"_s,
                    {{u"postId"_s, postId}, {u"title"_s, u"t"_s}, {u"content"_s, u""_s}}),
        u"not_found"_s, u"postId"_s);
    expectError(
        call(*peer, u"post.delete"_s, {{u"postId"_s, postId}}), u"not_found"_s, u"postId"_s);
    expectError(call(*peer, u"post.get"_s, {{u"postId"_s, double(Spec::MaxSafeInteger)}}),
        u"not_found"_s, u"postId"_s);
}

void postUpdate(Context &context)
{
    auto author = context.signIn(0);
    auto reader = context.signIn(1);
    const QJsonObject created = createPost(*author, context.unique(u"t"_s));
    const qint64 postId = postIdOf(created);
    const QString title = context.unique(u"edited"_s);
    const QJsonObject reply = ok(*author, u"post.update"_s,
        {{u"postId"_s, postId}, {u"title"_s, title}, {u"content"_s, u"Edited."_s}});
    expectPost(reply.value(u"post"_s), u"post"_s);
    const QJsonObject post = postOf(reply);
    expectEqual(post.value(u"title"_s), title, u"the new title"_s);
    expectEqual(post.value(u"content"_s), u"Edited."_s, u"the new content"_s);
    expectEqual(post.value(u"id"_s), double(postId), u"the post's id"_s);
    expect(isTime(post.value(u"updatedAt"_s)),
        u"an edited post's updatedAt is not a time (got %1)"_s.arg(
            show(post.value(u"updatedAt"_s))));
    expect(idOf(reply.value(u"seq"_s)) > idOf(created.value(u"seq"_s)),
        u"post.update's seq %1 is not after the create's %2"_s.arg(
            show(reply.value(u"seq"_s)), show(created.value(u"seq"_s))));
    const QJsonObject event = waitForEvent(*reader, u"post.updated"_s, aboutPost(postId));
    expectEqual(event.value(u"seq"_s), reply.value(u"seq"_s), u"the event's seq"_s);
    expectEqual(event.value(u"post"_s).toObject().value(u"title"_s), title, u"the event's title"_s);
}

void postForbidden(Context &context)
{
    auto author = context.signIn(0);
    auto other = context.signIn(1);
    if (context.account(1).role == u"admin")
        throw CheckSkipped {u"the kit's second account is an admin"_s};
    const QJsonObject created = createPost(*author, context.unique(u"t"_s));
    const qint64 postId = postIdOf(created);
    expectError(call(*other, u"post.update"_s,
                    {{u"postId"_s, postId}, {u"title"_s, u"not mine"_s}, {u"content"_s, u""_s}}),
        u"forbidden"_s);
    expectError(call(*other, u"post.delete"_s, {{u"postId"_s, postId}}), u"forbidden"_s);
    expectEqual(ok(*other, u"post.get"_s, {{u"postId"_s, postId}}).value(u"post"_s),
        created.value(u"post"_s), u"the post after refused changes"_s);
}

void postDelete(Context &context)
{
    auto author = context.signIn(0);
    auto reader = context.signIn(1);
    const qint64 postId = postIdOf(createPost(*author, context.unique(u"t"_s)));
    const QJsonObject reply = ok(*author, u"post.delete"_s, {{u"postId"_s, postId}});
    expect(isId(reply.value(u"seq"_s)), u"post.delete gave no seq"_s);
    const QJsonObject event = waitForEvent(*reader, u"post.deleted"_s, aboutPost(postId));
    expectEqual(event.value(u"seq"_s), reply.value(u"seq"_s), u"the event's seq"_s);
    expectError(call(*reader, u"post.get"_s, {{u"postId"_s, postId}}), u"not_found"_s);
}

void postNonce(Context &context)
{
    auto author = context.signIn(0);
    auto reader = context.signIn(1);
    const QString nonce = aNonce();
    const QJsonObject params {
        {u"title"_s, context.unique(u"once"_s)}, {u"content"_s, u""_s}, {u"nonce"_s, nonce}};
    const QJsonObject first = ok(*author, u"post.create"_s, params);
    const qint64 postId = postIdOf(first);
    const QJsonObject second = ok(*author, u"post.create"_s, params);
    expectEqual(postOf(second).value(u"id"_s), double(postId), u"the resent create's post"_s);
    expectEqual(second.value(u"seq"_s), first.value(u"seq"_s), u"the resent create's seq"_s);
    waitForEvent(*reader, u"post.created"_s, aboutPost(postId));
    // Another user's nonce is their own.
    const QJsonObject others = ok(*reader, u"post.create"_s, params);
    expect(postIdOf(others) != postId, u"another user's create with the same nonce was merged"_s);
    ok(*reader, u"ping"_s);
    reader->settle(200);
    expectEqual(countEvents(*reader, u"post.created"_s, aboutPost(postId)), 1,
        u"post.created events for a create sent twice"_s);
}

// feed.page

void feedPaging(Context &context)
{
    auto peer = context.signIn(0);
    QList<qint64> mine;
    for (int i = 0; i < 3; ++i)
        mine.append(postIdOf(createPost(*peer, context.unique(u"page"_s))));
    // Walk back from just after the newest, two at a time, until the oldest of the three.
    qint64 before = mine.last() + 1;
    QList<qint64> seen;
    for (int page = 0; page < 50 && !seen.contains(mine.first()); ++page) {
        const QJsonObject reply
            = ok(*peer, u"feed.page"_s, {{u"before"_s, before}, {u"limit"_s, 2}});
        const QJsonArray posts = reply.value(u"posts"_s).toArray();
        expect(!posts.isEmpty() && posts.size() <= 2,
            u"feed.page with limit 2 gave %1 posts"_s.arg(posts.size()));
        expect(reply.value(u"more"_s).isBool(), u"feed.page's more is not a boolean"_s);
        for (const QJsonValue &post : posts) {
            expectPost(post, u"posts[]"_s);
            const qint64 id = idOf(post.toObject().value(u"id"_s));
            expect(id < before, u"feed.page before %1 gave post %2"_s.arg(before).arg(id));
            before = id;
            seen.append(id);
        }
        if (!seen.contains(mine.first()))
            expectEqual(reply.value(u"more"_s), true, u"more, with older posts to come"_s);
    }
    for (const qint64 id : mine)
        expect(seen.contains(id), u"paging back never reached post %1"_s.arg(id));
    expectEqual(seen.first(), double(mine.last()), u"the newest post first"_s);
}

void feedLimits(Context &context)
{
    auto peer = context.signIn(0);
    expectError(call(*peer, u"feed.page"_s, {{u"limit"_s, 0}}), u"invalid"_s, u"limit"_s);
    expectError(call(*peer, u"feed.page"_s, {{u"limit"_s, Spec::FeedLimitMax + 1}}), u"invalid"_s,
        u"limit"_s);
    expectError(call(*peer, u"feed.page"_s, {{u"limit"_s, u"5"_s}}), u"bad_request"_s);
    const QJsonArray most
        = ok(*peer, u"feed.page"_s, {{u"limit"_s, Spec::FeedLimitMax}}).value(u"posts"_s).toArray();
    expect(most.size() <= Spec::FeedLimitMax, u"limit 100 gave %1 posts"_s.arg(most.size()));
    const QJsonArray byDefault = ok(*peer, u"feed.page"_s).value(u"posts"_s).toArray();
    expect(byDefault.size() == qMin<qsizetype>(Spec::FeedLimitDefault, most.size()),
        u"feed.page without limit gave %1 posts (expected the default 20, or all there are)"_s.arg(
            byDefault.size()));
}

// Reviews

void reviewCreate(Context &context)
{
    auto author = context.signIn(0);
    auto reviewer = context.signIn(1);
    const qint64 postId = postIdOf(createPost(*author, context.unique(u"rate me"_s)));
    const QJsonObject reply = ok(*reviewer, u"review.create"_s,
        {{u"postId"_s, postId}, {u"rating"_s, 4}, {u"comment"_s, u"Good."_s}});
    expectReview(reply.value(u"review"_s), u"review"_s);
    expectPost(reply.value(u"post"_s), u"post"_s);
    const QJsonObject review = reply.value(u"review"_s).toObject();
    expectEqual(review.value(u"postId"_s), double(postId), u"the review's postId"_s);
    expectEqual(review.value(u"rating"_s), 4, u"the review's rating"_s);
    expectEqual(review.value(u"comment"_s), u"Good."_s, u"the review's comment"_s);
    expectEqual(review.value(u"author"_s).toObject().value(u"id"_s), context.account(1).id,
        u"the review's author"_s);
    const QJsonObject rating = postOf(reply).value(u"rating"_s).toObject();
    expectEqual(rating.value(u"count"_s), 1, u"the post's rating count"_s);
    expectEqual(rating.value(u"average"_s), 4, u"the post's rating average"_s);
    const QJsonObject event = waitForEvent(*author, u"review.created"_s, aboutPost(postId));
    expectEqual(event.value(u"seq"_s), reply.value(u"seq"_s), u"the event's seq"_s);
    expectEqual(event.value(u"review"_s), reply.value(u"review"_s), u"the event's review"_s);
    // A second person's rating counts too: (4 + 2) / 2.
    const QJsonObject second = ok(*author, u"review.create"_s,
        {{u"postId"_s, postId}, {u"rating"_s, 2}, {u"comment"_s, u""_s}});
    const QJsonObject both = postOf(second).value(u"rating"_s).toObject();
    expectEqual(both.value(u"count"_s), 2, u"the rating count after two reviews"_s);
    expectEqual(both.value(u"average"_s), 3, u"the rating average of 4 and 2"_s);
    const QJsonArray reviews
        = ok(*reviewer, u"review.list"_s, {{u"postId"_s, postId}}).value(u"reviews"_s).toArray();
    expectEqual(reviews.size(), 2, u"review.list's length"_s);
    for (const QJsonValue &entry : reviews)
        expectReview(entry, u"reviews[]"_s);
    expectEqual(reviews.at(0).toObject().value(u"id"_s),
        second.value(u"review"_s).toObject().value(u"id"_s),
        u"review.list's first (newest) review"_s);
}

void ratingBounds(Context &context)
{
    auto peer = context.signIn(0);
    const qint64 postId = postIdOf(createPost(*peer, context.unique(u"t"_s)));
    for (const double rating : {0.0, 6.0, -1.0}) {
        const QJsonObject reply = call(*peer, u"review.create"_s,
            {{u"postId"_s, postId}, {u"rating"_s, rating}, {u"comment"_s, u""_s}});
        if (errorCode(reply) != u"invalid")
            fail(
                u"rating %1: expected invalid field rating, got %2"_s.arg(rating).arg(show(reply)));
        expectError(reply, u"invalid"_s, u"rating"_s);
    }
    // Not a whole number: out of range (invalid) or of the wrong type (bad_request), both
    // readings of "an integer 1..5".
    expectErrorOneOf(call(*peer, u"review.create"_s,
                         {{u"postId"_s, postId}, {u"rating"_s, 2.5}, {u"comment"_s, u""_s}}),
        {u"invalid"_s, u"bad_request"_s}, u"rating"_s);
    expectError(call(*peer, u"review.create"_s,
                    {{u"postId"_s, postId}, {u"rating"_s, u"3"_s}, {u"comment"_s, u""_s}}),
        u"bad_request"_s);
    for (const int rating : {Spec::RatingMin, Spec::RatingMax})
        ok(*peer, u"review.create"_s,
            {{u"postId"_s, postId}, {u"rating"_s, rating}, {u"comment"_s, u""_s}});
}

void commentLimit(Context &context)
{
    auto peer = context.signIn(0);
    const qint64 postId = postIdOf(createPost(*peer, context.unique(u"t"_s)));
    const QString longest = repeated(u'r', Spec::CommentMax);
    expectError(
        call(*peer, u"review.create"_s,
            {{u"postId"_s, postId}, {u"rating"_s, 3}, {u"comment"_s, QString(longest + u"r"_s)}}),
        u"too_large"_s, u"comment"_s);
    expectEqual(ok(*peer, u"review.create"_s,
                    {{u"postId"_s, postId}, {u"rating"_s, 3}, {u"comment"_s, longest}})
                    .value(u"review"_s)
                    .toObject()
                    .value(u"comment"_s),
        longest, u"a comment of 2,000 characters"_s);
}

void reviewNotFound(Context &context)
{
    auto peer = context.signIn(0);
    const qint64 postId = postIdOf(createPost(*peer, context.unique(u"t"_s)));
    ok(*peer, u"post.delete"_s, {{u"postId"_s, postId}});
    expectError(call(*peer, u"review.create"_s,
                    {{u"postId"_s, postId}, {u"rating"_s, 3}, {u"comment"_s, u""_s}}),
        u"not_found"_s, u"postId"_s);
    expectError(
        call(*peer, u"review.list"_s, {{u"postId"_s, postId}}), u"not_found"_s, u"postId"_s);
}

// Images

void imageUpload(Context &context)
{
    auto peer = context.signIn(0);
    const QByteArray bytes = png(3, 2);
    const QJsonObject reply = ok(*peer, u"image.upload"_s,
        {{u"data"_s, QString::fromLatin1(bytes.toBase64())}, {u"mime"_s, u"image/png"_s}});
    expectEqual(reply.value(u"imageId"_s), sha256(bytes), u"imageId, the SHA-256 of the bytes"_s);
    expectEqual(reply.value(u"width"_s), 3, u"the image's width"_s);
    expectEqual(reply.value(u"height"_s), 2, u"the image's height"_s);
    expectEqual(uploadImage(*peer, bytes), sha256(bytes), u"the same bytes uploaded again"_s);
    const QJsonObject got = ok(*peer, u"image.get"_s, {{u"imageId"_s, sha256(bytes)}});
    expectEqual(got.value(u"data"_s), QString::fromLatin1(bytes.toBase64()), u"image.get's data"_s);
    expectEqual(got.value(u"mime"_s), u"image/png"_s, u"image.get's mime"_s);
    expectError(
        call(*peer, u"image.get"_s, {{u"imageId"_s, sha256("no such image")}}), u"not_found"_s);
}

void imageInvalid(Context &context)
{
    auto peer = context.signIn(0);
    expectError(
        call(*peer, u"image.upload"_s, {{u"data"_s, u"not base64!"_s}}), u"invalid"_s, u"data"_s);
    expectError(
        call(*peer, u"image.upload"_s,
            {{u"data"_s, QString::fromLatin1(QByteArray("Plain text, not an image.").toBase64())}}),
        u"invalid"_s, u"data"_s);
    QByteArray cut = png(4, 4);
    cut.chop(20);
    expectError(call(*peer, u"image.upload"_s, {{u"data"_s, QString::fromLatin1(cut.toBase64())}}),
        u"invalid"_s, u"data"_s);
    expectError(call(*peer, u"image.upload"_s, {{u"data"_s, 12}}), u"bad_request"_s);
}

void imageLimits(Context &context)
{
    auto peer = context.signIn(0);
    const QByteArray widest = png(Spec::ImageMaxSide, 1);
    const QJsonObject reply
        = ok(*peer, u"image.upload"_s, {{u"data"_s, QString::fromLatin1(widest.toBase64())}});
    expectEqual(reply.value(u"width"_s), Spec::ImageMaxSide, u"an image 8192 pixels wide"_s);
    expectError(call(*peer, u"image.upload"_s,
                    {{u"data"_s, QString::fromLatin1(png(Spec::ImageMaxSide + 1, 1).toBase64())}}),
        u"too_large"_s, u"data"_s);
    expectError(call(*peer, u"image.upload"_s,
                    {{u"data"_s, QString::fromLatin1(png(1, Spec::ImageMaxSide + 1).toBase64())}}),
        u"too_large"_s, u"data"_s);
    // One byte over 8 MiB: a real PNG followed by padding.
    QByteArray big = png(1, 1);
    big += QByteArray(Spec::ImageMaxBytes + 1 - big.size(), '\0');
    expectError(call(*peer, u"image.upload"_s, {{u"data"_s, QString::fromLatin1(big.toBase64())}}),
        u"too_large"_s, u"data"_s);
}

void imageOnPost(Context &context)
{
    auto peer = context.signIn(0);
    const QString imageId = uploadImage(*peer, png(5, 5));
    const QJsonObject created
        = createPost(*peer, context.unique(u"img"_s), u""_s, {{u"imageId"_s, imageId}});
    const qint64 postId = postIdOf(created);
    expectEqual(postOf(created).value(u"imageId"_s), imageId, u"the post's imageId"_s);
    const QJsonObject kept = ok(*peer, u"post.update"_s,
        {{u"postId"_s, postId}, {u"title"_s, u"kept"_s}, {u"content"_s, u""_s}});
    expectEqual(postOf(kept).value(u"imageId"_s), imageId, u"imageId after an update without it"_s);
    const QJsonObject removed = ok(*peer, u"post.update"_s,
        {{u"postId"_s, postId}, {u"title"_s, u"removed"_s}, {u"content"_s, u""_s},
            {u"imageId"_s, QJsonValue::Null}});
    expectEqual(postOf(removed).value(u"imageId"_s), QJsonValue::Null, u"imageId after null"_s);
    expectError(call(*peer, u"post.create"_s,
                    {{u"title"_s, u"t"_s}, {u"content"_s, u""_s},
                        {u"imageId"_s, sha256("never uploaded")}}),
        u"not_found"_s, u"imageId"_s);
}

} // namespace

QList<Check> feedChecks()
{
    return {
        {u"post.create"_s,
            u"post.create answers the stored post and a seq; post.get reads it back"_s, {}, 1,
            postCreate},
        {u"post.create_event"_s,
            u"post.created reaches the author and another client exactly once, with the reply's seq"_s,
            {}, 2, postCreateEvent},
        {u"post.title_limits"_s,
            u"titles of 200 characters (also 200 emoji) pass; 201, empty or blank are refused"_s,
            {}, 1, titleLimits},
        {u"post.content_limits"_s,
            u"content of 0 and 20,000 characters passes; 20,001 is too_large"_s, {}, 1,
            contentLimits},
        {u"post.param_types"_s, u"ill-typed or missing post params get bad_request"_s, {}, 1,
            postParams},
        {u"post.not_found"_s,
            u"get, update and delete of a post that does not exist get not_found"_s, {}, 1,
            postNotFound},
        {u"post.update"_s,
            u"post.update changes title and content, sets updatedAt and reaches others"_s, {}, 2,
            postUpdate},
        {u"post.forbidden"_s,
            u"another user's post.update and post.delete get forbidden and change nothing"_s, {}, 2,
            postForbidden},
        {u"post.delete"_s,
            u"post.delete answers a seq, post.deleted reaches others, the post is gone"_s, {}, 2,
            postDelete},
        {u"post.nonce"_s,
            u"post.create resent with the same nonce creates once (one event); another user's is separate"_s,
            {}, 2, postNonce},
        {u"feed.page"_s, u"feed.page pages back with before, newest first, with more"_s, {}, 1,
            feedPaging},
        {u"feed.page_limits"_s,
            u"feed.page limit 1..100, 20 by default; 0, 101 and \"5\" are refused"_s, {}, 1,
            feedLimits},
        {u"review.create"_s,
            u"review.create answers the review, the post's new rating and a seq; review.list is newest first"_s,
            {}, 2, reviewCreate},
        {u"review.rating_bounds"_s,
            u"ratings 1 and 5 pass; 0, 6 and -1 are invalid, 2.5 refused, \"3\" bad_request"_s, {},
            1, ratingBounds},
        {u"review.comment_limit"_s, u"a comment of 2,000 characters passes; 2,001 is too_large"_s,
            {}, 1, commentLimit},
        {u"review.not_found"_s, u"review.create and review.list of a deleted post get not_found"_s,
            {}, 1, reviewNotFound},
        {u"image.upload"_s,
            u"image.upload answers the SHA-256 id and size; image.get gives the bytes back"_s, {},
            1, imageUpload},
        {u"image.invalid"_s, u"bad base64, non-images and cut images are invalid"_s, {}, 1,
            imageInvalid},
        {u"image.limits"_s, u"8192 pixels pass; 8193 pixels and 8 MiB + 1 byte are too_large"_s, {},
            1, imageLimits},
        {u"image.on_post"_s,
            u"a post takes an imageId, keeps it on update, drops it for null; unknown is not_found"_s,
            {}, 1, imageOnPost},
    };
}

} // namespace Hubbub::Conformance
