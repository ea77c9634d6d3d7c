// Unit tests for the create-once-by-nonce path (server/store/createonce.h) through the stores
// that use it, on a real SQLite file and the real writer: what a first create, a repeat, a
// repeat whose target has gone and a create without a nonce store, publish and answer.
#include "store/chatstore.h"
#include "store/createonce.h"
#include "store/poststore.h"
#include "store/sqlconnection.h"
#include "store/userstore.h"
#include "store/writer.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Hubbub;
using namespace Hubbub::Server;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 GeneralChannel = 1; // every fresh database has it

//! chat.send's steps, as ChatHandler runs them.
Result<QJsonObject> sendMessage(
    WriteTx &tx, qint64 userId, qint64 channelId, const QString &text, const QString &nonce)
{
    return createOnce<Message>(tx, nonce,
        {EventType::MessageCreated,
            [&]() -> Status {
                Result<std::optional<Channel>> channel = ChatStore::channel(tx.sql(), channelId);
                if (!channel)
                    return channel.error();
                if (!*channel)
                    return makeError(ErrorCode::NotFound, u"no channel"_s, u"channelId"_s);
                return Ok {};
            },
            [&] { return ChatStore::insert(tx, channelId, userId, text, nonce); },
            [&] { return ChatStore::findByNonce(tx.sql(), userId, nonce); },
            [](const Message &message) -> Result<QJsonObject> {
                return QJsonObject {{u"message"_s, message.toJson()}};
            }});
}

//! review.create's steps, as FeedHandler runs them.
Result<QJsonObject> addReview(
    WriteTx &tx, qint64 userId, qint64 postId, int rating, const QString &nonce)
{
    return createOnce<Review>(tx, nonce,
        {EventType::ReviewCreated,
            [&]() -> Status {
                Result<qint64> author = PostStore::authorOf(tx, postId);
                return author ? Status(Ok {}) : Status(author.error());
            },
            [&] { return PostStore::addReview(tx, postId, userId, rating, u""_s, nonce); },
            [&] { return PostStore::findReviewByNonce(tx.sql(), userId, nonce); },
            [&](const Review &review) -> Result<QJsonObject> {
                Result<std::optional<Post>> post = PostStore::get(tx.sql(), review.postId);
                if (!post)
                    return post.error();
                return QJsonObject {
                    {u"review"_s, review.toJson()}, {u"post"_s, post->value_or(Post()).toJson()}};
            }});
}

qint64 seqOf(const WriteOutcome &outcome)
{
    return outcome.result ? outcome.result->value(u"seq"_s).toInteger(-1) : -1;
}

QString errorOf(const WriteOutcome &outcome)
{
    return outcome.result ? QString() : errorCodeName(outcome.result.error().code);
}

} // namespace

class tst_CreateOnce : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void firstCreatePublishes();
    void repeatAnswersWithTheOriginal();
    void repeatWinsOverAGoneTarget();
    void goneTargetWithoutRepeatIsRefused();
    void emptyNonceCreatesEachTime();
    void nonceIsPerAuthor();
    void deletedEntryFreesItsNonce();
    void repeatedReviewCountsOnce();

private:
    WriteOutcome run(WriteJob job) { return m_writer->runAndWait(std::move(job)); }
    qint64 count(const QString &table);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Writer> m_writer;
    qint64 m_ada = 0;
    qint64 m_bob = 0;
};

qint64 tst_CreateOnce::count(const QString &table)
{
    const WriteOutcome counted = run([table](WriteTx &tx) -> Result<QJsonObject> {
        Result<QSqlQuery *> q = tx.sql().run(u"SELECT COUNT(*) FROM "_s + table);
        if (!q)
            return q.error();
        (*q)->next();
        const qint64 rows = (*q)->value(0).toLongLong();
        (*q)->finish();
        return QJsonObject {{u"rows"_s, rows}};
    });
    return counted.result ? counted.result->value(u"rows"_s).toInteger(-1) : -1;
}

void tst_CreateOnce::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_writer = std::make_unique<Writer>(m_dir->filePath(u"hubbub.db"_s), Durability::Normal, 1000);
    QVERIFY(m_writer->start().ok());
    const WriteOutcome users = run([](WriteTx &tx) -> Result<QJsonObject> {
        Result<User> ada = UserStore::create(tx, u"ada"_s, "hash"_ba);
        if (!ada)
            return ada.error();
        Result<User> bob = UserStore::create(tx, u"bob"_s, "hash"_ba);
        if (!bob)
            return bob.error();
        return QJsonObject {{u"ada"_s, ada->id}, {u"bob"_s, bob->id}};
    });
    QVERIFY(users.result);
    m_ada = users.result->value(u"ada"_s).toInteger();
    m_bob = users.result->value(u"bob"_s).toInteger();
}

void tst_CreateOnce::cleanup()
{
    m_writer.reset();
    m_dir.reset();
}

void tst_CreateOnce::firstCreatePublishes()
{
    const WriteOutcome sent = run([this](WriteTx &tx) {
        return sendMessage(tx, m_ada, GeneralChannel, u"hello"_s, u"n1"_s);
    });
    QVERIFY2(sent.result, qPrintable(errorOf(sent)));
    QCOMPARE(sent.events.size(), 1);
    QCOMPARE(seqOf(sent), sent.lastSeq);
    QCOMPARE(sent.result->value(u"message"_s).toObject().value(u"text"_s).toString(), u"hello"_s);
}

void tst_CreateOnce::repeatAnswersWithTheOriginal()
{
    const WriteOutcome first = run([this](WriteTx &tx) {
        return sendMessage(tx, m_ada, GeneralChannel, u"hello"_s, u"n1"_s);
    });
    QVERIFY(first.result);
    // The repeat's own fields are ignored once validated: it answers with what was stored.
    const WriteOutcome repeat = run([this](WriteTx &tx) {
        return sendMessage(tx, m_ada, GeneralChannel, u"other text"_s, u"n1"_s);
    });
    QVERIFY2(repeat.result, qPrintable(errorOf(repeat)));
    QVERIFY(repeat.events.isEmpty());
    QCOMPARE(*repeat.result, *first.result);
    QCOMPARE(count(u"messages"_s), 1);
    QCOMPARE(count(u"events"_s), 1);
}

void tst_CreateOnce::repeatWinsOverAGoneTarget()
{
    const WriteOutcome first = run([this](WriteTx &tx) {
        return sendMessage(tx, m_ada, GeneralChannel, u"hello"_s, u"n1"_s);
    });
    QVERIFY(first.result);
    // A repeat naming a channel that does not exist still gets the original.
    const WriteOutcome repeat
        = run([this](WriteTx &tx) { return sendMessage(tx, m_ada, 999, u"hello"_s, u"n1"_s); });
    QVERIFY2(repeat.result, qPrintable(errorOf(repeat)));
    QVERIFY(repeat.events.isEmpty());
    QCOMPARE(*repeat.result, *first.result);
}

void tst_CreateOnce::goneTargetWithoutRepeatIsRefused()
{
    const WriteOutcome withNonce
        = run([this](WriteTx &tx) { return sendMessage(tx, m_ada, 999, u"hello"_s, u"n1"_s); });
    QCOMPARE(errorOf(withNonce), u"not_found"_s);
    const WriteOutcome without
        = run([this](WriteTx &tx) { return sendMessage(tx, m_ada, 999, u"hello"_s, {}); });
    QCOMPARE(errorOf(without), u"not_found"_s);
    QCOMPARE(count(u"messages"_s), 0);
    QCOMPARE(count(u"events"_s), 0);
}

void tst_CreateOnce::emptyNonceCreatesEachTime()
{
    for (int i = 0; i < 2; ++i) {
        const WriteOutcome sent = run(
            [this](WriteTx &tx) { return sendMessage(tx, m_ada, GeneralChannel, u"hi"_s, {}); });
        QVERIFY2(sent.result, qPrintable(errorOf(sent)));
        QCOMPARE(sent.events.size(), 1);
    }
    QCOMPARE(count(u"messages"_s), 2);
}

void tst_CreateOnce::nonceIsPerAuthor()
{
    const WriteOutcome ada = run(
        [this](WriteTx &tx) { return sendMessage(tx, m_ada, GeneralChannel, u"a"_s, u"same"_s); });
    const WriteOutcome bob = run(
        [this](WriteTx &tx) { return sendMessage(tx, m_bob, GeneralChannel, u"b"_s, u"same"_s); });
    QVERIFY(ada.result);
    QVERIFY(bob.result);
    QCOMPARE(bob.events.size(), 1);
    QVERIFY(seqOf(bob) > seqOf(ada));
    QCOMPARE(count(u"messages"_s), 2);
}

void tst_CreateOnce::deletedEntryFreesItsNonce()
{
    const WriteOutcome first = run([this](WriteTx &tx) {
        return sendMessage(tx, m_ada, GeneralChannel, u"hello"_s, u"n1"_s);
    });
    QVERIFY(first.result);
    const qint64 id = first.result->value(u"message"_s).toObject().value(u"id"_s).toInteger();
    QVERIFY(run([id](WriteTx &tx) -> Result<QJsonObject> {
        if (Status s = ChatStore::remove(tx, id); !s)
            return s.error();
        return QJsonObject();
    }).result);
    const WriteOutcome again = run([this](WriteTx &tx) {
        return sendMessage(tx, m_ada, GeneralChannel, u"hello"_s, u"n1"_s);
    });
    QVERIFY2(again.result, qPrintable(errorOf(again)));
    QCOMPARE(again.events.size(), 1);
    QVERIFY(again.result->value(u"message"_s).toObject().value(u"id"_s).toInteger() != id);
}

void tst_CreateOnce::repeatedReviewCountsOnce()
{
    const WriteOutcome post = run([this](WriteTx &tx) -> Result<QJsonObject> {
        Result<std::optional<Post>> inserted
            = PostStore::insert(tx, m_ada, u"Rate me"_s, QString(), QString(), QString());
        if (!inserted)
            return inserted.error();
        return QJsonObject {{u"id"_s, (*inserted)->id}};
    });
    QVERIFY(post.result);
    const qint64 postId = post.result->value(u"id"_s).toInteger();

    const WriteOutcome first
        = run([&](WriteTx &tx) { return addReview(tx, m_bob, postId, 4, u"r1"_s); });
    QVERIFY2(first.result, qPrintable(errorOf(first)));
    // The repeat, with another rating and even another post, leaves the rating as it was.
    for (const qint64 target : {postId, postId + 100}) {
        const WriteOutcome repeat
            = run([&](WriteTx &tx) { return addReview(tx, m_bob, target, 1, u"r1"_s); });
        QVERIFY2(repeat.result, qPrintable(errorOf(repeat)));
        QVERIFY(repeat.events.isEmpty());
        QCOMPARE(*repeat.result, *first.result);
    }
    const QJsonObject rating
        = first.result->value(u"post"_s).toObject().value(u"rating"_s).toObject();
    QCOMPARE(rating.value(u"count"_s).toInteger(), 1);
    QCOMPARE(rating.value(u"average"_s).toDouble(), 4.0);
    QCOMPARE(count(u"reviews"_s), 1);
    const WriteOutcome unknownPost
        = run([&](WriteTx &tx) { return addReview(tx, m_bob, postId + 100, 5, u"r2"_s); });
    QCOMPARE(errorOf(unknownPost), u"not_found"_s);
}

QTEST_GUILESS_MAIN(tst_CreateOnce)
#include "tst_createonce.moc"
