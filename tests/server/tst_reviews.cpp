// One review per person and post, against a real server on loopback: reviewing again replaces
// the author's review (same id, new rating, updatedAt, `replaced` in the event), nonces still make
// a resend count once, posts carry their newest comments (recentReviews), hello announces both,
// and a database written before the rule has its duplicate reviews folded when the server starts.

#include "passwords.h"
#include "store/schema.h"
#include "store/sqlconnection.h"
#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

using namespace Hubbub;
using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

namespace {

QJsonObject reviewOf(const QJsonObject &frame)
{
    return frame.value("review"_L1).toObject();
}

QJsonObject ratingOf(const QJsonObject &post)
{
    return post.value("rating"_L1).toObject();
}

QJsonObject rating(double average, qint64 count)
{
    return {{u"average"_s, average}, {u"count"_s, count}};
}

QJsonObject reviewParams(
    qint64 postId, int stars, const QString &comment, const QString &nonce = QString())
{
    QJsonObject params {{u"postId"_s, postId}, {u"rating"_s, stars}, {u"comment"_s, comment}};
    if (!nonce.isEmpty())
        params.insert(u"nonce"_s, nonce);
    return params;
}

//! The comments of a post's recentReviews, in order, as "author: comment".
QStringList recentOf(const QJsonObject &post)
{
    QStringList list;
    for (const QJsonValue &value : post.value("recentReviews"_L1).toArray()) {
        const QJsonObject review = value.toObject();
        list.append(review.value("author"_L1).toObject().value("username"_L1).toString() + u": "_s
            + review.value("comment"_L1).toString());
    }
    return list;
}

} // namespace

class tst_Reviews : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void helloAnnouncesFeatures();
    void reviewingAgainReplaces();
    void nonceRepeatsAfterReplacement();
    void postsCarryTheNewestComments();
    void oldDatabaseIsFolded();

private:
    //! Starts the server and signs in ada, bob and carol (bob also on `bobWatch`).
    void startWithMembers();
    //! A post by ada; returns its id.
    qint64 createPost(const QString &title);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_ada;
    std::unique_ptr<TestClient> m_bob;
    std::unique_ptr<TestClient> m_bobWatch;
    std::unique_ptr<TestClient> m_carol;
};

void tst_Reviews::init()
{
    m_server = std::make_unique<TestServer>();
    m_ada = std::make_unique<TestClient>();
    m_bob = std::make_unique<TestClient>();
    m_bobWatch = std::make_unique<TestClient>();
    m_carol = std::make_unique<TestClient>();
}

void tst_Reviews::cleanup()
{
    m_carol.reset();
    m_bobWatch.reset();
    m_bob.reset();
    m_ada.reset();
    m_server.reset();
}

void tst_Reviews::startWithMembers()
{
    QVERIFY(m_server->start());
    for (TestClient *client : {m_ada.get(), m_bob.get(), m_bobWatch.get(), m_carol.get()})
        QVERIFY(client->open(m_server->url()));
    // The three passwords are hashed at once.
    const qint64 ada = m_ada->send(
        u"auth.register"_s, {{u"username"_s, u"ada"_s}, {u"password"_s, u"correct horse"_s}});
    const qint64 carol = m_carol->send(
        u"auth.register"_s, {{u"username"_s, u"carol"_s}, {u"password"_s, u"correct horse"_s}});
    QVERIFY(isOk(m_bob->registerUser(u"bob"_s)));
    QVERIFY(isOk(m_ada->waitReply(ada)));
    QVERIFY(isOk(m_carol->waitReply(carol)));
    QVERIFY(isOk(m_bobWatch->request(u"auth.token"_s, {{u"token"_s, m_bob->token()}})));
}

qint64 tst_Reviews::createPost(const QString &title)
{
    const QJsonObject created
        = m_ada->request(u"post.create"_s, {{u"title"_s, title}, {u"content"_s, u"Text"_s}});
    return isOk(created) ? idOf(postOf(created)) : -1;
}

void tst_Reviews::helloAnnouncesFeatures()
{
    QVERIFY(m_server->start());
    QVERIFY(m_ada->open(m_server->url()));
    const QJsonObject hello = m_ada->request(u"hello"_s, {{u"protocol"_s, 1}});
    QVERIFY2(isOk(hello), qPrintable(dump(hello)));
    const QJsonArray features = hello.value("features"_L1).toArray();
    QVERIFY2(features.contains(u"review.one_per_author"_s), qPrintable(dump(hello)));
    QVERIFY2(features.contains(u"post.recent_reviews"_s), qPrintable(dump(hello)));
}

void tst_Reviews::reviewingAgainReplaces()
{
    startWithMembers();
    const qint64 postId = createPost(u"Rate me"_s);
    QVERIFY(postId > 0);

    const QJsonObject first
        = m_bob->request(u"review.create"_s, reviewParams(postId, 4, u"good"_s));
    QVERIFY2(isOk(first), qPrintable(dump(first)));

    // Bob changes his mind: his review is replaced, not joined by a second one.
    const QJsonObject again
        = m_bob->request(u"review.create"_s, reviewParams(postId, 2, u"on second thought"_s));
    QVERIFY2(isOk(again), qPrintable(dump(again)));
    QCOMPARE(seqOf(again), seqOf(first) + 1);
    const QJsonObject replaced = reviewOf(again);
    QCOMPARE(idOf(replaced), idOf(reviewOf(first)));
    QCOMPARE(replaced.value("rating"_L1).toInt(), 2);
    QCOMPARE(replaced.value("comment"_L1).toString(), u"on second thought"_s);
    QCOMPARE(replaced.value("createdAt"_L1), reviewOf(first).value("createdAt"_L1));
    QVERIFY(replaced.value("updatedAt"_L1).isString());
    QVERIFY(reviewOf(first).value("updatedAt"_L1).isNull());
    QCOMPARE(first.value("replaced"_L1).toBool(true), false);
    QCOMPARE(ratingOf(postOf(again)), rating(2, 1));

    // Everyone hears of it as review.created with replaced: true and the right rating.
    const QJsonObject event
        = m_ada->waitEvent([&](const QJsonObject &e) { return seqOf(e) == seqOf(again); });
    QCOMPARE(event.value("event"_L1).toString(), u"review.created"_s);
    QCOMPARE(event.value("replaced"_L1).toBool(), true);
    QCOMPARE(reviewOf(event), replaced);
    QCOMPARE(ratingOf(postOf(event)), rating(2, 1));

    // Another person's review still counts.
    const QJsonObject carols
        = m_carol->request(u"review.create"_s, reviewParams(postId, 5, u"love it"_s));
    QVERIFY2(isOk(carols), qPrintable(dump(carols)));
    QCOMPARE(ratingOf(postOf(carols)), rating(3.5, 2));

    const QJsonArray list
        = m_ada->request(u"review.list"_s, {{u"postId"_s, postId}}).value("reviews"_L1).toArray();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).toObject(), reviewOf(carols));
    QCOMPARE(list.at(1).toObject(), replaced);
    const QJsonObject got = m_ada->request(u"post.get"_s, {{u"postId"_s, postId}});
    QCOMPARE(ratingOf(postOf(got)), rating(3.5, 2));

    // Replacing the older review makes it the newest in the list.
    const QJsonObject third = m_bob->request(u"review.create"_s, reviewParams(postId, 3, u"ok"_s));
    QVERIFY2(isOk(third), qPrintable(dump(third)));
    QCOMPARE(ratingOf(postOf(third)), rating(4, 2));
    const QJsonArray after
        = m_ada->request(u"review.list"_s, {{u"postId"_s, postId}}).value("reviews"_L1).toArray();
    QCOMPARE(after.size(), 2);
    QCOMPARE(idOf(after.at(0).toObject()), idOf(replaced));
}

void tst_Reviews::nonceRepeatsAfterReplacement()
{
    startWithMembers();
    const qint64 postId = createPost(u"Rate me"_s);
    QVERIFY(postId > 0);

    const QJsonObject first
        = m_bob->request(u"review.create"_s, reviewParams(postId, 4, u"good"_s, u"n1"_s));
    QVERIFY2(isOk(first), qPrintable(dump(first)));
    const QJsonObject second
        = m_bob->request(u"review.create"_s, reviewParams(postId, 2, u"worse"_s, u"n2"_s));
    QVERIFY2(isOk(second), qPrintable(dump(second)));
    QCOMPARE(seqOf(second), seqOf(first) + 1);
    QCOMPARE(idOf(reviewOf(second)), idOf(reviewOf(first)));
    QVERIFY(!m_bobWatch->waitEvent([&](const QJsonObject &e) { return seqOf(e) == seqOf(second); })
                 .isEmpty());
    const qsizetype eventsBefore = m_bobWatch->events().size();

    // A late resend of the first request changes nothing: it answers with the review as it is
    // now and the seq of its own event; the second one's resend likewise.
    const QJsonObject lateFirst
        = m_bob->request(u"review.create"_s, reviewParams(postId, 4, u"good"_s, u"n1"_s));
    QVERIFY2(isOk(lateFirst), qPrintable(dump(lateFirst)));
    QCOMPARE(seqOf(lateFirst), seqOf(first));
    QCOMPARE(reviewOf(lateFirst), reviewOf(second));
    QCOMPARE(ratingOf(postOf(lateFirst)), rating(2, 1));
    const QJsonObject lateSecond
        = m_bob->request(u"review.create"_s, reviewParams(postId, 2, u"worse"_s, u"n2"_s));
    QCOMPARE(seqOf(lateSecond), seqOf(second));
    QCOMPARE(reviewOf(lateSecond), reviewOf(second));

    // Nothing was published for the resends: the next event is a fresh review's.
    const QJsonObject marker
        = m_carol->request(u"review.create"_s, reviewParams(postId, 5, QString()));
    QVERIFY2(isOk(marker), qPrintable(dump(marker)));
    QCOMPARE(seqOf(marker), seqOf(second) + 1);
    QVERIFY(!m_bobWatch->waitEvent([&](const QJsonObject &e) { return seqOf(e) == seqOf(marker); })
                 .isEmpty());
    QCOMPARE(m_bobWatch->events().size(), eventsBefore + 1);
    QCOMPARE(ratingOf(postOf(marker)), rating(3.5, 2));

    // A nonce used on one post is taken on every post: a resend names its request, not a post.
    const qint64 otherPost = createPost(u"Another"_s);
    const QJsonObject elsewhere
        = m_bob->request(u"review.create"_s, reviewParams(otherPost, 1, u"no"_s, u"n1"_s));
    QCOMPARE(seqOf(elsewhere), seqOf(first));
    QCOMPARE(
        ratingOf(postOf(m_bob->request(u"post.get"_s, {{u"postId"_s, otherPost}}))), rating(0, 0));
}

void tst_Reviews::postsCarryTheNewestComments()
{
    startWithMembers();
    const qint64 postId = createPost(u"Discuss"_s);
    const qint64 quiet = createPost(u"Nobody comments"_s);
    QVERIFY(postId > 0 && quiet > 0);

    QVERIFY(isOk(m_bob->request(u"review.create"_s, reviewParams(postId, 4, u"first!"_s))));
    QVERIFY(isOk(m_carol->request(u"review.create"_s, reviewParams(postId, 5, u"agreed"_s))));
    // A rating without a comment (or with only blanks) is not a comment to show.
    QVERIFY(isOk(m_ada->request(u"review.create"_s, reviewParams(postId, 3, u" \n "_s))));
    QVERIFY(isOk(m_carol->request(u"review.create"_s, reviewParams(quiet, 2, QString()))));

    const QJsonArray page
        = m_bobWatch->request(u"feed.page"_s, {{u"limit"_s, 10}}).value("posts"_L1).toArray();
    QCOMPARE(page.size(), 2);
    QCOMPARE(recentOf(page.at(0).toObject()), QStringList());
    QCOMPARE(recentOf(page.at(1).toObject()), (QStringList {u"carol: agreed"_s, u"bob: first!"_s}));

    // Bob's changed review is now the newest comment, in the event everyone receives too.
    const QJsonObject changed
        = m_bob->request(u"review.create"_s, reviewParams(postId, 2, u"changed my mind"_s));
    QVERIFY2(isOk(changed), qPrintable(dump(changed)));
    const QStringList expected {u"bob: changed my mind"_s, u"carol: agreed"_s};
    QCOMPARE(recentOf(postOf(changed)), expected);
    const QJsonObject event
        = m_ada->waitEvent([&](const QJsonObject &e) { return seqOf(e) == seqOf(changed); });
    QCOMPARE(recentOf(postOf(event)), expected);
    QCOMPARE(recentOf(postOf(m_ada->request(u"post.get"_s, {{u"postId"_s, postId}}))), expected);

    // An edit of the post keeps them.
    const QJsonObject edited = m_ada->request(u"post.update"_s,
        {{u"postId"_s, postId}, {u"title"_s, u"Discuss!"_s}, {u"content"_s, u"Text"_s}});
    QCOMPARE(recentOf(postOf(edited)), expected);

    // A resent create answers with the post as it is now, its comments included.
    const QJsonObject sent = m_ada->request(u"post.create"_s,
        {{u"title"_s, u"Sent twice"_s}, {u"content"_s, u"Text"_s}, {u"nonce"_s, u"n-twice"_s}});
    QVERIFY2(isOk(sent), qPrintable(dump(sent)));
    QVERIFY(
        isOk(m_bob->request(u"review.create"_s, reviewParams(idOf(postOf(sent)), 5, u"yes"_s))));
    const QJsonObject resent = m_ada->request(u"post.create"_s,
        {{u"title"_s, u"Sent twice"_s}, {u"content"_s, u"Text"_s}, {u"nonce"_s, u"n-twice"_s}});
    QVERIFY2(isOk(resent), qPrintable(dump(resent)));
    QCOMPARE(idOf(postOf(resent)), idOf(postOf(sent)));
    QCOMPARE(seqOf(resent), seqOf(sent));
    QCOMPARE(recentOf(postOf(resent)), QStringList {u"bob: yes"_s});
}

void tst_Reviews::oldDatabaseIsFolded()
{
    if (m_server->isPostgres())
        QSKIP("SQLite only: the migration of an SQLite file from before one review per author "
              "(PostgreSQL's schema has the rule from the start)");
    // A file as the server wrote it before the rule: bob rated post 1 three times (two of them
    // with nonces), carol once; post 2 has one review, and a deleted review held id 6.
    {
        Result<std::unique_ptr<Server::SqlConnection>> opened = Server::SqlConnection::open(
            m_server->databasePath(), u"tst_reviews-old"_s, Server::Durability::Full);
        QVERIFY(opened);
        Server::SqlConnection &c = **opened;
        QVERIFY(Server::migrate(c, 2).ok());
        QVERIFY(Server::Passwords::initialize());
        const QString hash = QString::fromLatin1(Server::Passwords::hash(u"correct horse"_s));
        const QStringList statements {
            u"INSERT INTO users (id, username, password_hash, created_at) VALUES"
            " (1, 'ada', '%1', '2026-01-01T00:00:00.000Z'),"
            " (2, 'bob', '%1', '2026-01-01T00:00:00.000Z'),"
            " (3, 'carol', '%1', '2026-01-01T00:00:00.000Z')"_s.arg(hash),
            u"INSERT INTO posts (id, author_id, title, content, created_at, rating_sum,"
            " rating_count, created_seq) VALUES"
            " (1, 1, 'Folded', '', '2026-01-01T00:00:00.000Z', 12, 4, 1),"
            " (2, 1, 'Untouched', '', '2026-01-01T00:00:00.000Z', 3, 1, 2)"_s,
            u"INSERT INTO reviews (id, post_id, author_id, rating, comment, created_at, nonce,"
            " created_seq) VALUES"
            " (1, 1, 2, 5, 'great', '2026-01-01T00:00:01.000Z', 'b1', 3),"
            " (2, 1, 3, 4, 'nice', '2026-01-01T00:00:02.000Z', NULL, 4),"
            " (3, 1, 2, 1, 'meh', '2026-01-01T00:00:03.000Z', NULL, 5),"
            " (4, 2, 3, 3, '', '2026-01-01T00:00:04.000Z', 'c1', 6),"
            " (5, 1, 2, 2, 'fine', '2026-01-01T00:00:05.000Z', 'b2', 7),"
            " (6, 2, 2, 1, 'gone', '2026-01-01T00:00:06.000Z', NULL, 8)"_s,
            u"DELETE FROM reviews WHERE id = 6"_s,
        };
        for (const QString &sql : statements)
            QVERIFY2(c.execOnce(sql).ok(), qPrintable(sql));
        // The event log up to there (only its seqs matter here).
        for (int seq = 1; seq <= 8; ++seq) {
            QVERIFY(c.execOnce(u"INSERT INTO events (seq, frame, created_at) VALUES (%1, '{}', "
                               "'2026-01-01T00:00:00.000Z')"_s.arg(seq))
                        .ok());
        }
    }

    QVERIFY(m_server->start());
    QVERIFY(m_bob->open(m_server->url()));
    QVERIFY(m_carol->open(m_server->url()));
    QVERIFY(isOk(m_bob->login(u"bob"_s)));
    QVERIFY(isOk(m_carol->login(u"carol"_s)));

    // Bob's newest review is his one review; the rating counts each person once.
    const QJsonArray reviews
        = m_bob->request(u"review.list"_s, {{u"postId"_s, 1}}).value("reviews"_L1).toArray();
    QCOMPARE(reviews.size(), 2);
    QCOMPARE(idOf(reviews.at(0).toObject()), 5);
    QCOMPARE(idOf(reviews.at(1).toObject()), 2);
    const QJsonObject post = postOf(m_bob->request(u"post.get"_s, {{u"postId"_s, 1}}));
    QCOMPARE(ratingOf(post), rating(3, 2));
    QCOMPARE(recentOf(post), (QStringList {u"bob: fine"_s, u"carol: nice"_s}));
    QCOMPARE(ratingOf(postOf(m_bob->request(u"post.get"_s, {{u"postId"_s, 2}}))), rating(3, 1));

    // A client that resumes from before the upgrade hears of the corrected rating.
    const QJsonObject sync = m_bob->request(u"sync"_s, {{u"since"_s, 8}});
    QVERIFY2(isOk(sync), qPrintable(dump(sync)));
    QCOMPARE(sync.value("head"_L1).toInteger(), 9);
    const QJsonArray events = sync.value("events"_L1).toArray();
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.at(0).toObject().value("event"_L1).toString(), u"post.updated"_s);
    QCOMPARE(ratingOf(postOf(events.at(0).toObject())), rating(3, 2));

    // Both of bob's nonces still find his review; a resend changes nothing.
    for (const auto &[nonce, seq] : {std::pair {u"b1"_s, 3}, std::pair {u"b2"_s, 7}}) {
        const QJsonObject resend
            = m_bob->request(u"review.create"_s, reviewParams(1, 5, u"again"_s, nonce));
        QVERIFY2(isOk(resend), qPrintable(dump(resend)));
        QCOMPARE(seqOf(resend), seq);
        QCOMPARE(idOf(reviewOf(resend)), 5);
        QCOMPARE(ratingOf(postOf(resend)), rating(3, 2));
    }

    // Reviewing again replaces; a new review never reuses an id, not even the deleted 6.
    const QJsonObject replaced = m_bob->request(u"review.create"_s, reviewParams(1, 5, u"!"_s));
    QCOMPARE(idOf(reviewOf(replaced)), 5);
    QCOMPARE(ratingOf(postOf(replaced)), rating(4.5, 2));
    QCOMPARE(seqOf(replaced), 10);
    const QJsonObject fresh = m_bob->request(u"review.create"_s, reviewParams(2, 4, u"new"_s));
    QVERIFY2(isOk(fresh), qPrintable(dump(fresh)));
    QCOMPARE(idOf(reviewOf(fresh)), 7);
    QCOMPARE(ratingOf(postOf(fresh)), rating(3.5, 2));
}

QTEST_GUILESS_MAIN(tst_Reviews)
#include "tst_reviews.moc"
