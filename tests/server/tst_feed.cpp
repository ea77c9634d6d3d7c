// The feed verbs against a real server on loopback: post.create/update/delete, feed.page,
// post.get, review.create/list, their events and seqs, validation and authorization, nonces and
// the order of replies on one connection.

#include "testclient.h"
#include "testserver.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

namespace {

QJsonObject postParams(const QString &title, const QString &content = QString())
{
    return {{u"title"_s, title}, {u"content"_s, content}};
}

//! The server's latest seq as `hello` reports it; -1 when the reply is not ok.
qint64 headOf(TestClient &client)
{
    const QJsonObject reply
        = client.request(u"hello"_s, {{u"protocol"_s, 1}, {u"client"_s, u"tst_feed/1"_s}});
    return isOk(reply) ? reply.value("head"_L1).toInteger() : -1;
}

//! The first page of up to 100 posts (the whole feed in these tests).
QJsonArray feedOf(TestClient &client)
{
    const QJsonObject reply = client.request(u"feed.page"_s, {{u"limit"_s, 100}});
    return reply.value("posts"_L1).toArray();
}

//! The event with this seq that `client` received, waiting for it.
QJsonObject eventWithSeq(TestClient &client, qint64 seq)
{
    return client.waitEvent([seq](const QJsonObject &e) { return seqOf(e) == seq; });
}

//! A server with ada, who is also logged in on a second connection (`watch`, by token), and
//! optionally bob. Registering hashes a password (slow on purpose), so rows that need no second
//! member watch ada's own events on her second connection.
class Feed
{
public:
    enum Members { AdaOnly, AdaAndBob };

    bool start(Members members = AdaAndBob)
    {
        if (!server.start() || !ada.open(server.url()) || !watch.open(server.url()))
            return false;
        if (members == AdaAndBob && !bob.open(server.url()))
            return false;
        // Both passwords are hashed at once.
        const qint64 bobRegister = members == AdaAndBob
            ? bob.send(u"auth.register"_s,
                {{u"username"_s, u"bob"_s}, {u"password"_s, u"correct horse"_s}})
            : -1;
        if (!isOk(ada.registerUser(u"ada"_s)))
            return false;
        if (!isOk(watch.request(u"auth.token"_s, {{u"token"_s, ada.token()}})))
            return false;
        if (members == AdaOnly)
            return true;
        const QJsonObject registered = bob.waitReply(bobRegister);
        bobId = registered.value("user"_L1).toObject().value("id"_L1).toInteger();
        return isOk(registered) && bobId > 0 && bobId != ada.userId();
    }

    qint64 bobId = 0;
    TestServer server;
    TestClient ada;
    TestClient watch;
    TestClient bob;
};

//! What the feed looked like before a request that must change nothing.
struct Snapshot
{
    qint64 head = -1;
    QJsonArray feed;
    qsizetype watchedEvents = 0;
};

Snapshot snapshot(Feed &f)
{
    return {headOf(f.ada), feedOf(f.ada), f.watch.events().size()};
}

//! Verifies that nothing was stored or broadcast since `before`: the head and the feed are the
//! same, and the next event ada's second connection receives is the one for a marker post created
//! afterwards.
void verifyUnchanged(Feed &f, const Snapshot &before)
{
    QCOMPARE(headOf(f.ada), before.head);
    QCOMPARE(feedOf(f.ada), before.feed);
    const QJsonObject marker = f.ada.request(u"post.create"_s, postParams(u"marker"_s));
    QVERIFY2(isOk(marker), qPrintable(dump(marker)));
    QCOMPARE(seqOf(marker), before.head + 1);
    QVERIFY(!eventWithSeq(f.watch, seqOf(marker)).isEmpty());
    QCOMPARE(f.watch.events().size(), before.watchedEvents + 1);
}

} // namespace

class tst_Feed : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void createBroadcastsWithConsecutiveSeqs();
    void createValidation_data();
    void createValidation();
    void authorization_data();
    void authorization();
    void updateAndDelete();
    void nonceMakesCreateIdempotent();
    void nonceMakesReviewIdempotent();
    void pageLimits_data();
    void pageLimits();
    void pagingWalksEveryPostOnce();
    void reviewValidation_data();
    void reviewValidation();
    void reviewAverageAndList();
    void repliesKeepRequestOrder();
};

void tst_Feed::createBroadcastsWithConsecutiveSeqs()
{
    Feed f;
    QVERIFY(f.start());
    // f.watch is a second connection of the author: it receives her events too.

    const qint64 head0 = headOf(f.ada);
    QVERIFY(head0 >= 0);

    const QJsonObject created
        = f.ada.request(u"post.create"_s, postParams(u"  Hello, feed \t"_s, u"  First!  "_s));
    QVERIFY2(isOk(created), qPrintable(dump(created)));
    const QJsonObject post = postOf(created);
    QCOMPARE(post.value("title"_L1).toString(), u"Hello, feed"_s);
    QCOMPARE(post.value("content"_L1).toString(), u"  First!  "_s);
    QCOMPARE(post.value("author"_L1).toObject().value("id"_L1).toInteger(), f.ada.userId());
    QCOMPARE(post.value("author"_L1).toObject().value("username"_L1).toString(), u"ada"_s);
    QVERIFY(post.value("imageId"_L1).isNull());
    QVERIFY(post.value("updatedAt"_L1).isNull());
    const QString createdAt = post.value("createdAt"_L1).toString();
    QVERIFY2(createdAt.endsWith(u'Z'), qPrintable(createdAt));
    QVERIFY2(QDateTime::fromString(createdAt, Qt::ISODateWithMs).isValid(), qPrintable(createdAt));
    QCOMPARE(post.value("rating"_L1).toObject().value("count"_L1).toInteger(), 0);
    const qint64 postId = idOf(post);
    QVERIFY(postId > 0);
    QCOMPARE(seqOf(created), head0 + 1);

    for (TestClient *client : {&f.ada, &f.bob, &f.watch}) {
        const QJsonObject event = eventWithSeq(*client, seqOf(created));
        QVERIFY2(!event.isEmpty(), "post.created did not arrive");
        QCOMPARE(eventName(event), u"post.created"_s);
        QCOMPARE(postOf(event), post);
    }

    // create, update, review, delete and create again: one seq each, no gaps.
    const QJsonObject updated = f.ada.request(u"post.update"_s,
        {{u"postId"_s, postId}, {u"title"_s, u"Edited"_s}, {u"content"_s, u"x"_s}});
    QVERIFY2(isOk(updated), qPrintable(dump(updated)));
    const QJsonObject reviewed = f.bob.request(
        u"review.create"_s, {{u"postId"_s, postId}, {u"rating"_s, 4}, {u"comment"_s, u"ok"_s}});
    QVERIFY2(isOk(reviewed), qPrintable(dump(reviewed)));
    const QJsonObject deleted = f.ada.request(u"post.delete"_s, {{u"postId"_s, postId}});
    QVERIFY2(isOk(deleted), qPrintable(dump(deleted)));
    const QJsonObject again = f.bob.request(u"post.create"_s, postParams(u"Second"_s));
    QVERIFY2(isOk(again), qPrintable(dump(again)));
    QCOMPARE(seqOf(updated), head0 + 2);
    QCOMPARE(seqOf(reviewed), head0 + 3);
    QCOMPARE(seqOf(deleted), head0 + 4);
    QCOMPARE(seqOf(again), head0 + 5);

    const QStringList names = {u"post.created"_s, u"post.updated"_s, u"review.created"_s,
        u"post.deleted"_s, u"post.created"_s};
    for (TestClient *client : {&f.ada, &f.bob, &f.watch}) {
        QVERIFY(!eventWithSeq(*client, head0 + 5).isEmpty());
        const QList<QJsonObject> &events = client->events();
        QCOMPARE(events.size(), names.size());
        for (qsizetype i = 0; i < events.size(); ++i) {
            QCOMPARE(seqOf(events.at(i)), head0 + 1 + i);
            QCOMPARE(eventName(events.at(i)), names.at(i));
        }
    }
    QCOMPARE(headOf(f.bob), head0 + 5);
}

void tst_Feed::createValidation_data()
{
    QTest::addColumn<QJsonObject>("params");
    QTest::addColumn<QString>("code"); // empty: accepted
    QTest::addColumn<QString>("field");

    const QString emoji = QString::fromUcs4(U"\U0001F600", 1);
    const QString a200 = QString(200, u'a');
    QTest::addRow("empty title") << postParams(QString(), u"x"_s) << u"invalid"_s << u"title"_s;
    QTest::addRow("blank title") << postParams(u"   "_s, u"x"_s) << u"invalid"_s << u"title"_s;
    QTest::addRow("title 201") << postParams(QString(201, u'a')) << u"too_large"_s << u"title"_s;
    QTest::addRow("title 200") << postParams(a200) << QString() << QString();
    QTest::addRow("title 200 padded")
        << postParams(u"  "_s + a200 + u"  "_s) << QString() << QString();
    QTest::addRow("title 200 emoji") << postParams(emoji.repeated(200)) << QString() << QString();
    QTest::addRow("title 201 emoji")
        << postParams(emoji.repeated(201)) << u"too_large"_s << u"title"_s;
    QTest::addRow("content 20000")
        << postParams(u"t"_s, QString(20000, u'c')) << QString() << QString();
    QTest::addRow("content 20001")
        << postParams(u"t"_s, QString(20001, u'c')) << u"too_large"_s << u"content"_s;
    QTest::addRow("title number") << QJsonObject {{u"title"_s, 42}, {u"content"_s, u"x"_s}}
                                  << u"bad_request"_s << QString();
    QTest::addRow("missing title")
        << QJsonObject {{u"content"_s, u"x"_s}} << u"bad_request"_s << QString();
    QTest::addRow("missing content")
        << QJsonObject {{u"title"_s, u"t"_s}} << u"bad_request"_s << QString();
    QTest::addRow("content null") << QJsonObject {{u"title"_s, u"t"_s},
        {u"content"_s, QJsonValue()}}
                                  << u"bad_request"_s << QString();

    QJsonObject malformed = postParams(u"t"_s);
    malformed.insert(u"imageId"_s, u"not-an-id"_s);
    QTest::addRow("imageId malformed") << malformed << u"invalid"_s << u"imageId"_s;
    QJsonObject upper = postParams(u"t"_s);
    upper.insert(u"imageId"_s, QString(64, u'A'));
    QTest::addRow("imageId uppercase") << upper << u"invalid"_s << u"imageId"_s;
    QJsonObject unknown = postParams(u"t"_s);
    unknown.insert(u"imageId"_s, QString(64, u'0'));
    QTest::addRow("imageId unknown") << unknown << u"not_found"_s << u"imageId"_s;
}

void tst_Feed::createValidation()
{
    QFETCH(QJsonObject, params);
    QFETCH(QString, code);
    QFETCH(QString, field);

    Feed f;
    QVERIFY(f.start(Feed::AdaOnly));
    const QJsonObject first = f.ada.request(u"post.create"_s, postParams(u"Existing"_s));
    QVERIFY2(isOk(first), qPrintable(dump(first)));
    QVERIFY(!eventWithSeq(f.watch, seqOf(first)).isEmpty());
    const Snapshot before = snapshot(f);

    const QJsonObject reply = f.ada.request(u"post.create"_s, params);
    QVERIFY2(!reply.isEmpty(), "no reply");
    if (code.isEmpty()) {
        QVERIFY2(isOk(reply), qPrintable(dump(reply)));
        const QJsonObject post = postOf(reply);
        QCOMPARE(post.value("title"_L1).toString(), params.value("title"_L1).toString().trimmed());
        QCOMPARE(post.value("content"_L1).toString(), params.value("content"_L1).toString());
        QCOMPARE(seqOf(reply), before.head + 1);
        const QJsonObject event = eventWithSeq(f.watch, seqOf(reply));
        QCOMPARE(postOf(event), post);
        const QJsonObject got = f.watch.request(u"post.get"_s, {{u"postId"_s, idOf(post)}});
        QCOMPARE(postOf(got), post);
        return;
    }
    QVERIFY2(!isOk(reply), qPrintable(dump(reply)));
    QCOMPARE(errorCode(reply), code);
    if (!field.isEmpty())
        QCOMPARE(errorField(reply), field);
    QVERIFY(!reply.value("error"_L1).toObject().value("message"_L1).toString().isEmpty());
    verifyUnchanged(f, before);
}

void tst_Feed::authorization_data()
{
    QTest::addColumn<QString>("verb");
    QTest::addColumn<bool>("byAuthor");
    QTest::addColumn<bool>("unknownPost");
    QTest::addColumn<QString>("code"); // empty: allowed

    for (const QString &verb : {u"post.update"_s, u"post.delete"_s}) {
        QTest::addRow("%s by author", qPrintable(verb)) << verb << true << false << QString();
        QTest::addRow("%s by other member", qPrintable(verb))
            << verb << false << false << u"forbidden"_s;
        QTest::addRow("%s unknown post by author", qPrintable(verb))
            << verb << true << true << u"not_found"_s;
        QTest::addRow("%s unknown post by other member", qPrintable(verb))
            << verb << false << true << u"not_found"_s;
    }
}

void tst_Feed::authorization()
{
    QFETCH(QString, verb);
    QFETCH(bool, byAuthor);
    QFETCH(bool, unknownPost);
    QFETCH(QString, code);

    Feed f;
    QVERIFY(f.start());
    const QJsonObject created = f.ada.request(u"post.create"_s, postParams(u"Mine"_s, u"body"_s));
    QVERIFY2(isOk(created), qPrintable(dump(created)));
    const QJsonObject original = postOf(created);
    QVERIFY(!eventWithSeq(f.bob, seqOf(created)).isEmpty());
    const Snapshot before = snapshot(f);

    const qint64 postId = unknownPost ? idOf(original) + 1000 : idOf(original);
    QJsonObject params {{u"postId"_s, postId}};
    if (verb == u"post.update") {
        params.insert(u"title"_s, u"Changed"_s);
        params.insert(u"content"_s, u"changed"_s);
    }
    TestClient &actor = byAuthor ? f.ada : f.bob;
    const QJsonObject reply = actor.request(verb, params);
    QVERIFY2(!reply.isEmpty(), "no reply");

    if (code.isEmpty()) {
        QVERIFY2(isOk(reply), qPrintable(dump(reply)));
        QCOMPARE(seqOf(reply), before.head + 1);
        const QJsonObject got = f.bob.request(u"post.get"_s, {{u"postId"_s, postId}});
        if (verb == u"post.update") {
            QCOMPARE(postOf(reply).value("title"_L1).toString(), u"Changed"_s);
            QCOMPARE(postOf(got), postOf(reply));
        } else {
            QCOMPARE(errorCode(got), u"not_found"_s);
        }
        return;
    }
    QVERIFY2(!isOk(reply), qPrintable(dump(reply)));
    QCOMPARE(errorCode(reply), code);
    // The post is exactly as it was.
    const QJsonObject got = f.bob.request(u"post.get"_s, {{u"postId"_s, idOf(original)}});
    QCOMPARE(postOf(got), original);
    verifyUnchanged(f, before);
}

void tst_Feed::updateAndDelete()
{
    Feed f;
    QVERIFY(f.start());
    const QJsonObject created = f.ada.request(u"post.create"_s, postParams(u"Draft"_s, u"one"_s));
    QVERIFY2(isOk(created), qPrintable(dump(created)));
    const QJsonObject original = postOf(created);
    const qint64 postId = idOf(original);

    const QJsonObject updated = f.ada.request(u"post.update"_s,
        {{u"postId"_s, postId}, {u"title"_s, u"  Final  "_s}, {u"content"_s, u"two"_s}});
    QVERIFY2(isOk(updated), qPrintable(dump(updated)));
    const QJsonObject post = postOf(updated);
    QCOMPARE(idOf(post), postId);
    QCOMPARE(post.value("title"_L1).toString(), u"Final"_s);
    QCOMPARE(post.value("content"_L1).toString(), u"two"_s);
    QCOMPARE(post.value("createdAt"_L1), original.value("createdAt"_L1));
    const QString updatedAt = post.value("updatedAt"_L1).toString();
    QVERIFY2(QDateTime::fromString(updatedAt, Qt::ISODateWithMs).isValid(), qPrintable(dump(post)));
    QCOMPARE(seqOf(updated), seqOf(created) + 1);
    const QJsonObject updateEvent = eventWithSeq(f.bob, seqOf(updated));
    QCOMPARE(eventName(updateEvent), u"post.updated"_s);
    QCOMPARE(postOf(updateEvent), post);
    QCOMPARE(postOf(f.bob.request(u"post.get"_s, {{u"postId"_s, postId}})), post);

    const QJsonObject reviewed = f.bob.request(
        u"review.create"_s, {{u"postId"_s, postId}, {u"rating"_s, 5}, {u"comment"_s, u"nice"_s}});
    QVERIFY2(isOk(reviewed), qPrintable(dump(reviewed)));
    QCOMPARE(f.bob.request(u"review.list"_s, {{u"postId"_s, postId}})
                 .value("reviews"_L1)
                 .toArray()
                 .size(),
        1);

    const QJsonObject deleted = f.ada.request(u"post.delete"_s, {{u"postId"_s, postId}});
    QVERIFY2(isOk(deleted), qPrintable(dump(deleted)));
    QCOMPARE(seqOf(deleted), seqOf(reviewed) + 1);
    const QJsonObject deleteEvent = eventWithSeq(f.bob, seqOf(deleted));
    QCOMPARE(eventName(deleteEvent), u"post.deleted"_s);
    QCOMPARE(deleteEvent.value("postId"_L1).toInteger(), postId);

    QCOMPARE(errorCode(f.bob.request(u"post.get"_s, {{u"postId"_s, postId}})), u"not_found"_s);
    QCOMPARE(errorCode(f.bob.request(u"review.list"_s, {{u"postId"_s, postId}})), u"not_found"_s);
    QVERIFY(feedOf(f.bob).isEmpty());
    // A deleted post stays deleted: no second delete, update or review.
    QCOMPARE(errorCode(f.ada.request(u"post.delete"_s, {{u"postId"_s, postId}})), u"not_found"_s);
    QCOMPARE(errorCode(f.ada.request(u"post.update"_s,
                 {{u"postId"_s, postId}, {u"title"_s, u"Back"_s}, {u"content"_s, QString()}})),
        u"not_found"_s);
    QCOMPARE(errorCode(f.bob.request(u"review.create"_s,
                 {{u"postId"_s, postId}, {u"rating"_s, 3}, {u"comment"_s, QString()}})),
        u"not_found"_s);
    QCOMPARE(headOf(f.ada), seqOf(deleted));
}

void tst_Feed::nonceMakesCreateIdempotent()
{
    Feed f;
    QVERIFY(f.start());
    QJsonObject params = postParams(u"Once"_s, u"only once"_s);
    params.insert(u"nonce"_s, u"3f1c9a7e-nonce"_s);

    // Pipelined: the repeat reaches the server while the first may still be in flight.
    const qint64 firstId = f.ada.send(u"post.create"_s, params);
    const qint64 repeatId = f.ada.send(u"post.create"_s, params);
    const QJsonObject first = f.ada.waitReply(firstId);
    const QJsonObject repeat = f.ada.waitReply(repeatId);
    QVERIFY2(isOk(first), qPrintable(dump(first)));
    QVERIFY2(isOk(repeat), qPrintable(dump(repeat)));
    const qint64 postId = idOf(postOf(first));
    QCOMPARE(idOf(postOf(repeat)), postId);
    QCOMPARE(seqOf(repeat), seqOf(first));
    QCOMPARE(postOf(repeat), postOf(first));

    // And once more after the first is committed.
    const QJsonObject late = f.ada.request(u"post.create"_s, params);
    QVERIFY2(isOk(late), qPrintable(dump(late)));
    QCOMPARE(idOf(postOf(late)), postId);
    QCOMPARE(seqOf(late), seqOf(first));

    // A later change proves that no duplicate event was sent in between.
    const QJsonObject after = f.ada.request(u"post.create"_s, postParams(u"After"_s));
    QVERIFY2(isOk(after), qPrintable(dump(after)));
    QCOMPARE(seqOf(after), seqOf(first) + 1);
    QVERIFY(!eventWithSeq(f.bob, seqOf(after)).isEmpty());
    QCOMPARE(f.bob.events().size(), 2);
    QCOMPARE(eventName(f.bob.events().at(0)), u"post.created"_s);
    QCOMPARE(idOf(postOf(f.bob.events().at(0))), postId);
    QCOMPARE(seqOf(f.bob.events().at(0)), seqOf(first));

    // The same nonce from another user is another post.
    const QJsonObject other = f.bob.request(u"post.create"_s, params);
    QVERIFY2(isOk(other), qPrintable(dump(other)));
    QVERIFY(idOf(postOf(other)) != postId);
    QCOMPARE(seqOf(other), seqOf(after) + 1);
    QCOMPARE(postOf(other).value("author"_L1).toObject().value("id"_L1).toInteger(), f.bobId);

    const QJsonArray feed = feedOf(f.bob);
    QCOMPARE(feed.size(), 3);
    QList<qint64> ids;
    for (const QJsonValue &post : feed)
        ids.append(idOf(post.toObject()));
    QCOMPARE(ids, (QList<qint64> {idOf(postOf(other)), idOf(postOf(after)), postId}));
}

void tst_Feed::nonceMakesReviewIdempotent()
{
    Feed f;
    QVERIFY(f.start());
    const QJsonObject created = f.ada.request(u"post.create"_s, postParams(u"Rate me"_s));
    QVERIFY2(isOk(created), qPrintable(dump(created)));
    const qint64 postId = idOf(postOf(created));
    const QJsonObject params {{u"postId"_s, postId}, {u"rating"_s, 4}, {u"comment"_s, u"good"_s},
        {u"nonce"_s, u"review-nonce-1"_s}};

    // Pipelined repeat, then a late one: one review, one event, the original seq each time.
    const qint64 firstId = f.bob.send(u"review.create"_s, params);
    const qint64 repeatId = f.bob.send(u"review.create"_s, params);
    const QJsonObject first = f.bob.waitReply(firstId);
    const QJsonObject repeat = f.bob.waitReply(repeatId);
    QVERIFY2(isOk(first), qPrintable(dump(first)));
    QVERIFY2(isOk(repeat), qPrintable(dump(repeat)));
    const QJsonObject late = f.bob.request(u"review.create"_s, params);
    QVERIFY2(isOk(late), qPrintable(dump(late)));
    for (const QJsonObject &reply : {repeat, late}) {
        QCOMPARE(reply.value("review"_L1).toObject(), first.value("review"_L1).toObject());
        QCOMPARE(seqOf(reply), seqOf(first));
        QCOMPARE(reply.value("post"_L1)
                     .toObject()
                     .value("rating"_L1)
                     .toObject()
                     .value("count"_L1)
                     .toInteger(),
            1);
    }
    const QJsonObject list = f.ada.request(u"review.list"_s, {{u"postId"_s, postId}});
    QCOMPARE(list.value("reviews"_L1).toArray().size(), 1);

    // Another nonce is another request: it replaces bob's one review (tst_reviews has more). A
    // bad nonce is refused.
    QJsonObject second = params;
    second.insert(u"nonce"_s, u"review-nonce-2"_s);
    const QJsonObject other = f.bob.request(u"review.create"_s, second);
    QVERIFY2(isOk(other), qPrintable(dump(other)));
    QCOMPARE(seqOf(other), seqOf(first) + 1);
    second.insert(u"nonce"_s, QString(129, u'x'));
    QCOMPARE(errorCode(f.bob.request(u"review.create"_s, second)), u"too_large"_s);
    const QJsonObject after = f.ada.request(u"review.list"_s, {{u"postId"_s, postId}});
    QCOMPARE(after.value("reviews"_L1).toArray().size(), 1);
}

void tst_Feed::pageLimits_data()
{
    QTest::addColumn<QJsonValue>("limit"); // undefined: omitted
    QTest::addColumn<QString>("code"); // empty: accepted
    QTest::addColumn<int>("expectedCount");

    QTest::addRow("default") << QJsonValue(QJsonValue::Undefined) << QString() << 20;
    QTest::addRow("null") << QJsonValue() << QString() << 20;
    QTest::addRow("1") << QJsonValue(1) << QString() << 1;
    QTest::addRow("100") << QJsonValue(100) << QString() << 25;
    QTest::addRow("0") << QJsonValue(0) << u"invalid"_s << 0;
    QTest::addRow("101") << QJsonValue(101) << u"invalid"_s << 0;
    QTest::addRow("-1") << QJsonValue(-1) << u"invalid"_s << 0;
    QTest::addRow("2.5") << QJsonValue(2.5) << u"invalid"_s << 0;
    QTest::addRow("string 5") << QJsonValue(u"5"_s) << u"bad_request"_s << 0;
    QTest::addRow("true") << QJsonValue(true) << u"bad_request"_s << 0;
}

void tst_Feed::pageLimits()
{
    QFETCH(QJsonValue, limit);
    QFETCH(QString, code);
    QFETCH(int, expectedCount);

    TestServer server;
    QVERIFY(server.start());
    TestClient ada;
    QVERIFY(ada.open(server.url()));
    QVERIFY(isOk(ada.registerUser(u"ada"_s)));
    constexpr int posts = 25;
    QList<qint64> ids;
    for (int i = 0; i < posts; ++i)
        ids.append(ada.send(u"post.create"_s, postParams(u"Post %1"_s.arg(i))));
    for (qint64 id : std::as_const(ids))
        QVERIFY(isOk(ada.waitReply(id)));

    QJsonObject params;
    if (!limit.isUndefined())
        params.insert(u"limit"_s, limit);
    const QJsonObject reply = ada.request(u"feed.page"_s, params);
    QVERIFY2(!reply.isEmpty(), "no reply");
    if (code.isEmpty()) {
        QVERIFY2(isOk(reply), qPrintable(dump(reply)));
        const QJsonArray page = reply.value("posts"_L1).toArray();
        QCOMPARE(page.size(), expectedCount);
        QCOMPARE(reply.value("more"_L1).toBool(), expectedCount < posts);
        QCOMPARE(page.first().toObject().value("title"_L1).toString(), u"Post %1"_s.arg(posts - 1));
        return;
    }
    QVERIFY2(!isOk(reply), qPrintable(dump(reply)));
    QCOMPARE(errorCode(reply), code);
    if (code == u"invalid")
        QCOMPARE(errorField(reply), u"limit"_s);
}

void tst_Feed::pagingWalksEveryPostOnce()
{
    TestServer server;
    QVERIFY(server.start());
    TestClient ada;
    QVERIFY(ada.open(server.url()));
    QVERIFY(isOk(ada.registerUser(u"ada"_s)));

    // An empty feed.
    const QJsonObject empty = ada.request(u"feed.page"_s);
    QVERIFY2(isOk(empty), qPrintable(dump(empty)));
    QVERIFY(empty.value("posts"_L1).toArray().isEmpty());
    QCOMPARE(empty.value("more"_L1).toBool(), false);

    constexpr int count = 45;
    QList<qint64> requests;
    for (int i = 0; i < count; ++i)
        requests.append(ada.send(u"post.create"_s, postParams(u"Post %1"_s.arg(i))));
    QList<qint64> created; // oldest first
    for (qint64 id : std::as_const(requests)) {
        const QJsonObject reply = ada.waitReply(id);
        QVERIFY2(isOk(reply), qPrintable(dump(reply)));
        created.append(idOf(postOf(reply)));
    }
    QList<qint64> newestFirst(created.crbegin(), created.crend());

    for (const int limit : {20, 10, 7, 45, 100}) {
        QList<qint64> walked;
        std::optional<qint64> before;
        bool more = true;
        for (int pages = 0; more && pages < count + 2; ++pages) {
            QJsonObject params {{u"limit"_s, limit}};
            if (before)
                params.insert(u"before"_s, *before);
            const QJsonObject reply = ada.request(u"feed.page"_s, params);
            QVERIFY2(isOk(reply), qPrintable(dump(reply)));
            const QJsonArray posts = reply.value("posts"_L1).toArray();
            more = reply.value("more"_L1).toBool();
            QVERIFY2(posts.size() <= limit, qPrintable(dump(reply)));
            // A full page unless it is the last one.
            if (more)
                QCOMPARE(posts.size(), limit);
            for (const QJsonValue &post : posts)
                walked.append(idOf(post.toObject()));
            if (posts.isEmpty())
                break;
            before = idOf(posts.last().toObject());
        }
        QVERIFY2(!more, qPrintable(u"limit %1: the walk did not end"_s.arg(limit)));
        QCOMPARE(walked, newestFirst);
    }

    // Default limit from the start; nothing before the oldest post.
    const QJsonObject first = ada.request(u"feed.page"_s);
    QCOMPARE(first.value("posts"_L1).toArray().size(), 20);
    QCOMPARE(first.value("more"_L1).toBool(), true);
    const QJsonObject none = ada.request(u"feed.page"_s, {{u"before"_s, created.first()}});
    QVERIFY2(isOk(none), qPrintable(dump(none)));
    QVERIFY(none.value("posts"_L1).toArray().isEmpty());
    QCOMPARE(none.value("more"_L1).toBool(), false);
}

void tst_Feed::reviewValidation_data()
{
    QTest::addColumn<QJsonValue>("rating"); // undefined: omitted
    QTest::addColumn<QJsonValue>("comment"); // undefined: omitted
    QTest::addColumn<bool>("unknownPost");
    QTest::addColumn<QString>("code"); // empty: accepted
    QTest::addColumn<QString>("field");

    const QJsonValue none(QJsonValue::Undefined);
    const QJsonValue text(u"fine"_s);
    for (int rating = 1; rating <= 5; ++rating)
        QTest::addRow("rating %d", rating)
            << QJsonValue(rating) << text << false << QString() << QString();
    QTest::addRow("rating 0") << QJsonValue(0) << text << false << u"invalid"_s << u"rating"_s;
    QTest::addRow("rating 6") << QJsonValue(6) << text << false << u"invalid"_s << u"rating"_s;
    QTest::addRow("rating -1") << QJsonValue(-1) << text << false << u"invalid"_s << u"rating"_s;
    QTest::addRow("rating 3.5") << QJsonValue(3.5) << text << false << u"invalid"_s << u"rating"_s;
    QTest::addRow("rating string")
        << QJsonValue(u"5"_s) << text << false << u"bad_request"_s << QString();
    QTest::addRow("rating missing") << none << text << false << u"bad_request"_s << QString();
    QTest::addRow("comment empty")
        << QJsonValue(3) << QJsonValue(QString()) << false << QString() << QString();
    QTest::addRow("comment 2000") << QJsonValue(3) << QJsonValue(QString(2000, u'c')) << false
                                  << QString() << QString();
    QTest::addRow("comment 2001") << QJsonValue(3) << QJsonValue(QString(2001, u'c')) << false
                                  << u"too_large"_s << u"comment"_s;
    QTest::addRow("comment number")
        << QJsonValue(3) << QJsonValue(7) << false << u"bad_request"_s << QString();
    QTest::addRow("unknown post") << QJsonValue(3) << text << true << u"not_found"_s << QString();
}

void tst_Feed::reviewValidation()
{
    QFETCH(QJsonValue, rating);
    QFETCH(QJsonValue, comment);
    QFETCH(bool, unknownPost);
    QFETCH(QString, code);
    QFETCH(QString, field);

    Feed f;
    QVERIFY(f.start(Feed::AdaOnly));
    const QJsonObject created = f.ada.request(u"post.create"_s, postParams(u"Rate me"_s));
    QVERIFY2(isOk(created), qPrintable(dump(created)));
    QVERIFY(!eventWithSeq(f.watch, seqOf(created)).isEmpty());
    const qint64 postId = idOf(postOf(created));
    const Snapshot before = snapshot(f);

    QJsonObject params {{u"postId"_s, unknownPost ? postId + 1000 : postId}};
    if (!rating.isUndefined())
        params.insert(u"rating"_s, rating);
    if (!comment.isUndefined())
        params.insert(u"comment"_s, comment);
    // The author reviews her own post: everyone logged in may create reviews.
    const QJsonObject reply = f.ada.request(u"review.create"_s, params);
    QVERIFY2(!reply.isEmpty(), "no reply");

    if (code.isEmpty()) {
        QVERIFY2(isOk(reply), qPrintable(dump(reply)));
        const QJsonObject review = reply.value("review"_L1).toObject();
        QCOMPARE(review.value("rating"_L1).toInteger(), rating.toInteger());
        QCOMPARE(review.value("postId"_L1).toInteger(), postId);
        QCOMPARE(review.value("comment"_L1).toString(), comment.toString());
        QCOMPARE(review.value("author"_L1).toObject().value("id"_L1).toInteger(), f.ada.userId());
        const QJsonObject stars = postOf(reply).value("rating"_L1).toObject();
        QCOMPARE(stars.value("average"_L1).toDouble(), rating.toDouble());
        QCOMPARE(stars.value("count"_L1).toInteger(), 1);
        QCOMPARE(seqOf(reply), before.head + 1);
        const QJsonObject event = eventWithSeq(f.watch, seqOf(reply));
        QCOMPARE(eventName(event), u"review.created"_s);
        QCOMPARE(event.value("review"_L1).toObject(), review);
        return;
    }
    QVERIFY2(!isOk(reply), qPrintable(dump(reply)));
    QCOMPARE(errorCode(reply), code);
    if (!field.isEmpty())
        QCOMPARE(errorField(reply), field);
    const QJsonObject list = f.watch.request(u"review.list"_s, {{u"postId"_s, postId}});
    QVERIFY2(isOk(list), qPrintable(dump(list)));
    QVERIFY(list.value("reviews"_L1).toArray().isEmpty());
    verifyUnchanged(f, before);
}

void tst_Feed::reviewAverageAndList()
{
    Feed f;
    QVERIFY(f.start());
    const QJsonObject created = f.ada.request(u"post.create"_s, postParams(u"Rate me"_s));
    QVERIFY2(isOk(created), qPrintable(dump(created)));
    const qint64 postId = idOf(postOf(created));

    const QJsonObject five = f.bob.request(
        u"review.create"_s, {{u"postId"_s, postId}, {u"rating"_s, 5}, {u"comment"_s, u"great"_s}});
    QVERIFY2(isOk(five), qPrintable(dump(five)));
    QCOMPARE(postOf(five).value("rating"_L1).toObject().value("average"_L1).toDouble(), 5.0);
    QCOMPARE(postOf(five).value("rating"_L1).toObject().value("count"_L1).toInteger(), 1);
    QCOMPARE(seqOf(five), seqOf(created) + 1);

    const QJsonObject two = f.ada.request(
        u"review.create"_s, {{u"postId"_s, postId}, {u"rating"_s, 2}, {u"comment"_s, u"meh"_s}});
    QVERIFY2(isOk(two), qPrintable(dump(two)));
    const QJsonObject stars = postOf(two).value("rating"_L1).toObject();
    QCOMPARE(stars.value("average"_L1).toDouble(), 3.5);
    QCOMPARE(stars.value("count"_L1).toInteger(), 2);
    QCOMPARE(seqOf(two), seqOf(five) + 1);

    // The other client hears of it with the review and the post's new rating.
    const QJsonObject event = eventWithSeq(f.bob, seqOf(two));
    QCOMPARE(eventName(event), u"review.created"_s);
    QCOMPARE(event.value("review"_L1).toObject(), two.value("review"_L1).toObject());
    QCOMPARE(postOf(event), postOf(two));
    QCOMPARE(postOf(event).value("rating"_L1).toObject().value("average"_L1).toDouble(), 3.5);

    const QJsonObject got = f.bob.request(u"post.get"_s, {{u"postId"_s, postId}});
    QCOMPARE(postOf(got).value("rating"_L1).toObject(), stars);
    QCOMPARE(feedOf(f.bob).first().toObject().value("rating"_L1).toObject(), stars);

    const QJsonObject list = f.bob.request(u"review.list"_s, {{u"postId"_s, postId}});
    QVERIFY2(isOk(list), qPrintable(dump(list)));
    const QJsonArray reviews = list.value("reviews"_L1).toArray();
    QCOMPARE(reviews.size(), 2);
    QCOMPARE(reviews.at(0).toObject(), two.value("review"_L1).toObject());
    QCOMPARE(reviews.at(1).toObject(), five.value("review"_L1).toObject());
}

void tst_Feed::repliesKeepRequestOrder()
{
    Feed f;
    QVERIFY(f.start(Feed::AdaOnly));
    const qsizetype before = f.ada.replies().size();

    // A write (committed by the writer) first, then requests answered on the spot.
    QList<qint64> sent;
    sent.append(f.ada.send(u"post.create"_s, postParams(u"Slow"_s, QString(20000, u'x'))));
    for (int i = 0; i < 5; ++i)
        sent.append(f.ada.send(u"ping"_s));
    sent.append(f.ada.send(u"post.create"_s, postParams(QString()))); // rejected at once
    sent.append(f.ada.send(u"feed.page"_s));
    sent.append(f.ada.send(u"post.create"_s, postParams(u"Second"_s)));
    sent.append(f.ada.send(u"ping"_s));

    QTRY_COMPARE_WITH_TIMEOUT(f.ada.replies().size(), before + sent.size(), 10000);
    QList<qint64> order;
    for (qsizetype i = before; i < f.ada.replies().size(); ++i)
        order.append(idOf(f.ada.replies().at(i)));
    QCOMPARE(order, sent);

    const QList<QJsonObject> &replies = f.ada.replies();
    QVERIFY2(isOk(replies.at(before)), qPrintable(dump(replies.at(before))));
    QVERIFY(replies.at(before + 1).value("time"_L1).isString());
    QCOMPARE(errorCode(replies.at(before + 6)), u"invalid"_s);
    QVERIFY2(isOk(replies.at(before + 7)), qPrintable(dump(replies.at(before + 7))));
    QCOMPARE(seqOf(replies.at(before + 8)), seqOf(replies.at(before)) + 1);
}

QTEST_GUILESS_MAIN(tst_Feed)
#include "tst_feed.moc"
