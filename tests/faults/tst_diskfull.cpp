// A full disk, simulated with PRAGMA max_page_count on the writer's own connection (mounting a
// small filesystem is not possible in CI). Several clients storm the server with creates while
// the database fills up: every write answers `internal` with the documented human message,
// nothing partial is stored, the event log stays gap-free, reads and connections keep working,
// and writes succeed again once space returns.
//
// HUBBUB_LONG_TESTS=1 repeats the fill/refill cycle 10 times instead of 2.

#include "testclient.h"
#include "testenv.h"
#include "testserver.h"

#include "server.h"
#include "store/sqlconnection.h"
#include "store/writer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <future>
#include <memory>

using namespace Hubbub;
using namespace Hubbub::Test;

namespace {

constexpr int Clients = 4;
constexpr int Window = 8; //!< creates in flight per client in each round
constexpr int MaxRounds = 30; //!< 240 requests per connection: under the 400-request burst
//! Room left when the "disk" is set to fill: a few dozen creates fit, then it is full.
constexpr qint64 RoomPages = 30;
constexpr qint64 UnlimitedPages = 1073741823;
constexpr qint64 GeneralChannel = 1;

QString databaseErrorMessage()
{
    return QStringLiteral("The server could not store or read this: a database error occurred.");
}

QString describe(const QJsonObject &o)
{
    return o.isEmpty() ? QStringLiteral("no reply") : dump(o);
}

//! Sets the writer connection's max_page_count to its page count plus `room` (or to a
//! practically unlimited size when room < 0), inside a writer job. Returns {pageCount,
//! maxPageCount} as SQLite reports them.
Result<QJsonObject> limitPages(Server::Server &server, qint64 room)
{
    const Server::WriteOutcome outcome
        = server.writer().runAndWait([room](Server::WriteTx &tx) -> Result<QJsonObject> {
              QSqlQuery q(tx.sql().database());
              if (!q.exec(QStringLiteral("PRAGMA page_count")) || !q.next())
                  return makeError(ErrorCode::Internal, q.lastError().text());
              const qint64 pages = q.value(0).toLongLong();
              q.finish();
              const qint64 wanted = room < 0 ? UnlimitedPages : pages + room;
              if (!q.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(wanted)) || !q.next())
                  return makeError(ErrorCode::Internal, q.lastError().text());
              const qint64 limit = q.value(0).toLongLong();
              q.finish();
              return QJsonObject {{QStringLiteral("pageCount"), pages},
                  {QStringLiteral("maxPageCount"), limit}, {QStringLiteral("wanted"), wanted}};
          });
    return outcome.result;
}

//! Runs three jobs in one writer batch on a full database: A changes a row, B needs new pages
//! and fails with SQLITE_FULL, C changes another row. SQLite answers SQLITE_FULL on a plain
//! INSERT by rolling back the whole transaction, A included. Returns, for A and C, whether the
//! writer reported success and whether the change is in the file.
struct BatchProbe
{
    bool aReported = false;
    bool aStored = false;
    bool bReported = false;
    bool cReported = false;
    bool cStored = false;
    QString problem;
};

QString channelTopic(const QString &path, const QString &nameKey, QString &problem)
{
    const QString name = QStringLiteral("tst_diskfull_topic");
    QString topic;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.prepare(QStringLiteral("SELECT topic FROM channels WHERE name_key = ?"))) {
                q.bindValue(0, nameKey);
                if (q.exec() && q.next())
                    topic = q.value(0).toString();
            }
            if (q.lastError().isValid())
                problem = QStringLiteral("cannot read channels: ") + q.lastError().text();
        } else {
            problem = QStringLiteral("cannot open the database: ") + db.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return topic;
}

BatchProbe probeFullBatch(TestServer &server)
{
    BatchProbe probe;
    Server::Writer &writer = server.server()->writer();
    const Server::WriteOutcome made
        = writer.runAndWait([](Server::WriteTx &tx) -> Result<QJsonObject> {
              Result<QSqlQuery *> q = tx.sql().run(
                  QStringLiteral("INSERT INTO channels (name, name_key, topic, created_at) "
                                 "VALUES ('probe', 'probe', '', '2026-01-01T00:00:00.000Z')"));
              if (!q)
                  return q.error();
              return QJsonObject();
          });
    if (!made.result.ok()) {
        probe.problem = made.result.error().message;
        return probe;
    }
    const Result<QJsonObject> limited = limitPages(*server.server(), 0);
    if (!limited.ok()) {
        probe.problem = limited.error().message;
        return probe;
    }
    // A job that holds the writer until A, B and C are queued, so that they share a batch.
    auto release = std::make_shared<std::promise<void>>();
    std::shared_future<void> released = release->get_future().share();
    int done = 0;
    writer.submit(
        [released](Server::WriteTx &) -> Result<QJsonObject> {
            released.wait();
            return QJsonObject();
        },
        [&done](const Server::WriteOutcome &) { ++done; });
    const auto setTopic = [](const char *nameKey, const char *topic) {
        return [nameKey, topic](Server::WriteTx &tx) -> Result<QJsonObject> {
            Result<QSqlQuery *> q
                = tx.sql().run(QStringLiteral("UPDATE channels SET topic = ? WHERE name_key = ?"),
                    {QString::fromLatin1(topic), QString::fromLatin1(nameKey)});
            if (!q)
                return q.error();
            return QJsonObject();
        };
    };
    writer.submit(setTopic("general", "probe A"), [&](const Server::WriteOutcome &outcome) {
        probe.aReported = outcome.result.ok();
        ++done;
    });
    writer.submit(
        [](Server::WriteTx &tx) -> Result<QJsonObject> {
            Result<QSqlQuery *> q = tx.sql().run(
                QStringLiteral("INSERT INTO images (id, mime, width, height, data, created_at) "
                               "VALUES ('probe', 'image/png', 1, 1, ?, '')"),
                {QByteArray(1 << 20, 'x')});
            if (!q)
                return q.error();
            return QJsonObject();
        },
        [&](const Server::WriteOutcome &outcome) {
            probe.bReported = outcome.result.ok();
            ++done;
        });
    writer.submit(setTopic("probe", "probe C"), [&](const Server::WriteOutcome &outcome) {
        probe.cReported = outcome.result.ok();
        ++done;
    });
    release->set_value();
    if (!QTest::qWaitFor([&] { return done == 4; }, 20000)) {
        probe.problem = QStringLiteral("the writer did not answer");
        return probe;
    }
    probe.aStored = channelTopic(server.databasePath(), QStringLiteral("general"), probe.problem)
        == u"probe A";
    probe.cStored
        = channelTopic(server.databasePath(), QStringLiteral("probe"), probe.problem) == u"probe C";
    (void)limitPages(*server.server(), -1);
    return probe;
}

struct Create
{
    enum class Kind { Post, Message, Review } kind = Kind::Post;
    int owner = 0;
    QString nonce;
    QString text; //!< title, message text or review comment: unique per create
    bool acked = false;
    bool failed = false;
    qint64 id = 0;
};

struct Row
{
    qint64 id = 0;
    QString text;
    qint64 createdSeq = 0;
};

//! What the file holds, read on a connection of the test's own.
struct Stored
{
    QStringList problems;
    qint64 head = 0;
    qint64 events = 0;
    QHash<QString, QList<Row>> byNonce; //!< every post, message and review by nonce
};

Stored readDatabase(const QString &path)
{
    Stored stored;
    const QString name = QStringLiteral("tst_diskfull_check");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            stored.problems.append(QStringLiteral("open: ") + db.lastError().text());
        } else {
            (void)db.transaction();
            QSqlQuery q(db);
            q.setForwardOnly(true);
            const auto fail = [&](const QString &what) {
                stored.problems.append(what + QStringLiteral(": ") + q.lastError().text());
            };
            if (!q.exec(QStringLiteral("PRAGMA integrity_check"))) {
                fail(QStringLiteral("integrity_check"));
            } else {
                QStringList rows;
                while (q.next())
                    rows.append(q.value(0).toString());
                if (rows != QStringList {QStringLiteral("ok")})
                    stored.problems.append(QStringLiteral("integrity_check: ") + rows.join(u' '));
            }
            if (q.exec(QStringLiteral("PRAGMA foreign_key_check")) && q.next())
                stored.problems.append(QStringLiteral("foreign_key_check found a dangling row"));

            // The log: gap-free from 1, and each creation event names an existing row whose
            // created_seq is that event.
            QHash<qint64, std::pair<QString, qint64>> created; // seq -> (event, id)
            // A review is one per author and post: later requests replace it. Each request's
            // comment is in its event; the row holds the last one.
            QHash<qint64, QString> reviewComment; // seq -> comment
            QHash<qint64, QString> lastReviewComment; // review id -> comment
            if (!q.exec(QStringLiteral("SELECT seq, frame FROM events ORDER BY seq"))) {
                fail(QStringLiteral("events"));
            } else {
                while (q.next()) {
                    const qint64 seq = q.value(0).toLongLong();
                    if (seq != stored.head + 1) {
                        stored.problems.append(
                            QStringLiteral("seq %1 follows %2").arg(seq).arg(stored.head));
                    }
                    stored.head = seq;
                    ++stored.events;
                    const QJsonObject event
                        = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
                    const QString kind = stringOf(event, "event");
                    const qint64 id = kind == u"post.created" ? intOf(objectOf(event, "post"), "id")
                        : kind == u"message.created" ? intOf(objectOf(event, "message"), "id")
                                                     : intOf(objectOf(event, "review"), "id");
                    created.insert(seq, {kind, id});
                    if (kind == u"review.created") {
                        const QString comment = stringOf(objectOf(event, "review"), "comment");
                        reviewComment.insert(seq, comment);
                        lastReviewComment.insert(id, comment);
                    }
                }
            }
            const struct
            {
                const char *event;
                const char *sql;
            } tables[] = {
                {"post.created", "SELECT id, title, nonce, created_seq FROM posts"},
                {"message.created", "SELECT id, text, nonce, created_seq FROM messages"},
                // One row per accepted request: its nonce, with the review it made or replaced.
                {"review.created",
                    "SELECT r.id, r.comment, n.nonce, n.seq FROM review_nonces n"
                    " JOIN reviews r ON r.post_id = n.post_id AND r.author_id = n.author_id"},
            };
            qint64 rows = 0;
            for (const auto &table : tables) {
                if (!q.exec(QLatin1StringView(table.sql))) {
                    fail(QLatin1StringView(table.sql));
                    continue;
                }
                const bool reviews = qstrcmp(table.event, "review.created") == 0;
                while (q.next()) {
                    ++rows;
                    Row row {
                        q.value(0).toLongLong(), q.value(1).toString(), q.value(3).toLongLong()};
                    if (reviews) {
                        if (row.text != lastReviewComment.value(row.id))
                            stored.problems.append(
                                QStringLiteral("review %1 is not its last event").arg(row.id));
                        row.text = reviewComment.value(row.createdSeq);
                    }
                    stored.byNonce[q.value(2).toString()].append(row);
                    const auto event = created.value(row.createdSeq);
                    if (event.first != QLatin1StringView(table.event) || event.second != row.id) {
                        stored.problems.append(QStringLiteral("'%1' (id %2) has no %3 event at %4")
                                                   .arg(row.text)
                                                   .arg(row.id)
                                                   .arg(QLatin1StringView(table.event))
                                                   .arg(row.createdSeq));
                    }
                }
            }
            // Only creates happen here: one row per event, one event per row.
            if (rows != stored.events) {
                stored.problems.append(
                    QStringLiteral("%1 rows but %2 events").arg(rows).arg(stored.events));
            }
            q.finish();
            db.rollback();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return stored;
}

} // namespace

class tst_DiskFull : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fullDiskInBatchReportsWhatIsStored();
    void fullDatabaseFailsCleanlyAndRecovers();
};

void tst_DiskFull::fullDiskInBatchReportsWhatIsStored()
{
    TestServer server;
    QVERIFY(server.start());
    const BatchProbe probe = probeFullBatch(server);
    QVERIFY2(probe.problem.isEmpty(), qPrintable(probe.problem));
    QVERIFY(!probe.bReported);
    // A was rolled back with the whole transaction: it must not be reported as stored.
    QCOMPARE(probe.aReported, probe.aStored);
    // C ran after SQLite's automatic rollback: the writer must notice it, fail A, and run C
    // in a fresh transaction, so that C is stored and reported as stored, and the head is
    // right for the next change.
    QCOMPARE(probe.cReported, probe.cStored);
    QVERIFY(probe.cReported);
}

void tst_DiskFull::fullDatabaseFailsCleanlyAndRecovers()
{
    const int fills = longTests() ? 10 : 2;
    QRandomGenerator rng(testSeed());
    TestServer server;
    QVERIFY(server.start());

    std::array<std::unique_ptr<TestClient>, Clients> clients;
    for (int i = 0; i < Clients; ++i) {
        clients[std::size_t(i)] = std::make_unique<TestClient>();
        TestClient &c = *clients[std::size_t(i)];
        QVERIFY(c.open(server.url()));
        const QJsonObject registered = c.registerUser(QStringLiteral("filler%1").arg(i));
        QVERIFY2(isOk(registered), qPrintable(describe(registered)));
    }

    QHash<QString, Create> creates;
    int nonceCounter = 0;
    // A create with a unique nonce and text; big enough that a few dozen fill the room left.
    const auto sendCreate = [&](int owner, Create::Kind kind, qint64 reviewedPost) {
        Create create;
        create.kind = kind;
        create.owner = owner;
        create.nonce = QStringLiteral("fill-%1-%2").arg(owner).arg(nonceCounter++);
        const QString padding(1000 + int(rng.bounded(800)), u'x'); // under the 2,000 of a comment
        TestClient &c = *clients[std::size_t(owner)];
        qint64 id = 0;
        switch (kind) {
        case Create::Kind::Post:
            create.text = QStringLiteral("post %1").arg(create.nonce);
            id = c.send(QStringLiteral("post.create"),
                {{QStringLiteral("title"), create.text}, {QStringLiteral("content"), padding},
                    {QStringLiteral("nonce"), create.nonce}});
            break;
        case Create::Kind::Message:
            create.text = QStringLiteral("message %1 %2").arg(create.nonce, padding);
            id = c.send(QStringLiteral("chat.send"),
                {{QStringLiteral("channelId"), GeneralChannel},
                    {QStringLiteral("text"), create.text},
                    {QStringLiteral("nonce"), create.nonce}});
            break;
        case Create::Kind::Review:
            create.text = QStringLiteral("review %1 %2").arg(create.nonce, padding);
            id = c.send(QStringLiteral("review.create"),
                {{QStringLiteral("postId"), reviewedPost}, {QStringLiteral("rating"), 4},
                    {QStringLiteral("comment"), create.text},
                    {QStringLiteral("nonce"), create.nonce}});
            break;
        }
        creates.insert(create.nonce, create);
        return std::pair<qint64, QString>(id, create.nonce);
    };
    // Waits for the replies and records them; every failure must be the database's
    // `internal` with its human message.
    QStringList problems;
    const auto collect = [&](int owner, const QList<std::pair<qint64, QString>> &sent) {
        int failures = 0;
        for (const auto &[id, nonce] : sent) {
            const QJsonObject reply = clients[std::size_t(owner)]->waitReply(id, 20000);
            Create &create = creates[nonce];
            if (isOk(reply)) {
                create.acked = true;
                const char *key = create.kind == Create::Kind::Post ? "post"
                    : create.kind == Create::Kind::Message          ? "message"
                                                                    : "review";
                create.id = intOf(objectOf(reply, key), "id");
                continue;
            }
            create.failed = true;
            ++failures;
            const QJsonObject error = objectOf(reply, "error");
            if (errorCode(reply) != u"internal"
                || stringOf(error, "message") != databaseErrorMessage())
                problems.append(QStringLiteral("%1: %2").arg(nonce, describe(reply)));
        }
        return failures;
    };

    // Something to review and read.
    const QJsonObject first = clients[0]->request(QStringLiteral("post.create"),
        {{QStringLiteral("title"), QStringLiteral("reviewed")},
            {QStringLiteral("content"), QString()},
            {QStringLiteral("nonce"), QStringLiteral("base")}});
    QVERIFY2(isOk(first), qPrintable(describe(first)));
    const qint64 reviewedPost = intOf(objectOf(first, "post"), "id");
    creates.insert(QStringLiteral("base"),
        Create {Create::Kind::Post, 0, QStringLiteral("base"), QStringLiteral("reviewed"), true,
            false, reviewedPost});

    qint64 headAfterRefill = intOf(first, "seq");
    for (int fill = 0; fill < fills; ++fill) {
        const Result<QJsonObject> limited = limitPages(*server.server(), RoomPages);
        QVERIFY2(limited.ok(), qPrintable(limited.ok() ? QString() : limited.error().message));
        QCOMPARE(intOf(*limited, "maxPageCount"), intOf(*limited, "wanted"));
        qInfo("fill %d: page_count %lld, max_page_count set to %lld", fill,
            intOf(*limited, "pageCount"), intOf(*limited, "maxPageCount"));

        // The storm: every client keeps Window creates in flight, until each has seen two
        // whole rounds fail (the disk is full) or the rounds run out.
        std::array<int, Clients> failingRounds {};
        int acceptedThisFill = 0;
        int failedThisFill = 0;
        int round = 0;
        for (; round < MaxRounds; ++round) {
            std::array<QList<std::pair<qint64, QString>>, Clients> sent;
            for (int i = 0; i < Clients; ++i) {
                for (int k = 0; k < Window; ++k) {
                    const quint32 roll = rng.bounded(100);
                    const Create::Kind kind = roll < 60 ? Create::Kind::Post
                        : roll < 85                     ? Create::Kind::Message
                                                        : Create::Kind::Review;
                    sent[std::size_t(i)].append(sendCreate(i, kind, reviewedPost));
                }
            }
            bool allFull = true;
            for (int i = 0; i < Clients; ++i) {
                const int failures = collect(i, sent[std::size_t(i)]);
                failedThisFill += failures;
                acceptedThisFill += Window - failures;
                failingRounds[std::size_t(i)]
                    = failures == Window ? failingRounds[std::size_t(i)] + 1 : 0;
                allFull = allFull && failingRounds[std::size_t(i)] >= 2;
            }
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
            if (allFull)
                break;
        }
        qInfo("fill %d: %d creates stored, %d refused in %d rounds", fill, acceptedThisFill,
            failedThisFill, round + 1);
        QVERIFY2(round < MaxRounds, "the database never filled up");
        QVERIFY2(acceptedThisFill > 0, "nothing fit in the room left");

        // Full: writes fail, reads and connections keep working.
        for (int i = 0; i < Clients; ++i) {
            TestClient &c = *clients[std::size_t(i)];
            QVERIFY(c.isConnected());
            const QJsonObject page
                = c.request(QStringLiteral("feed.page"), {{QStringLiteral("limit"), 100}});
            QVERIFY2(isOk(page), qPrintable(describe(page)));
            QVERIFY(!page.value(QLatin1StringView("posts")).toArray().isEmpty());
            const QJsonObject history = c.request(
                QStringLiteral("chat.history"), {{QStringLiteral("channelId"), GeneralChannel}});
            QVERIFY2(isOk(history), qPrintable(describe(history)));
            const QJsonObject synced = c.request(QStringLiteral("sync"),
                {{QStringLiteral("since"), std::max<qint64>(0, headAfterRefill - 1)}});
            QVERIFY2(isOk(synced), qPrintable(describe(synced)));
            QVERIFY(intOf(synced, "head") >= headAfterRefill);
            const QJsonObject reviews = c.request(
                QStringLiteral("review.list"), {{QStringLiteral("postId"), reviewedPost}});
            QVERIFY2(isOk(reviews), qPrintable(describe(reviews)));
        }
        const QJsonObject hello
            = clients[0]->request(QStringLiteral("hello"), {{QStringLiteral("protocol"), 1}});
        QVERIFY2(isOk(hello), qPrintable(describe(hello)));
        const qint64 headWhenFull = intOf(hello, "head");

        // Space returns: the very next change gets the next seq, for every client.
        const Result<QJsonObject> unlimited = limitPages(*server.server(), -1);
        QVERIFY2(
            unlimited.ok(), qPrintable(unlimited.ok() ? QString() : unlimited.error().message));
        qint64 expectedSeq = headWhenFull + 1;
        for (int i = 0; i < Clients; ++i) {
            const auto [id, nonce] = sendCreate(i, Create::Kind::Post, reviewedPost);
            const QJsonObject reply = clients[std::size_t(i)]->waitReply(id, 20000);
            QVERIFY2(isOk(reply),
                qPrintable(QStringLiteral("after space returned: ") + describe(reply)));
            creates[nonce].acked = true;
            creates[nonce].id = intOf(objectOf(reply, "post"), "id");
            QCOMPARE(intOf(reply, "seq"), expectedSeq++);
        }
        headAfterRefill = expectedSeq - 1;
    }

    // The file: intact, gap-free, every acknowledged create once, every refused one absent,
    // nothing without its event.
    const Stored stored = readDatabase(server.databasePath());
    QVERIFY2(stored.problems.isEmpty(), qPrintable(stored.problems.join(u'\n')));
    QCOMPARE(stored.head, headAfterRefill);
    qint64 acked = 0;
    qint64 failed = 0;
    for (auto it = creates.cbegin(); it != creates.cend(); ++it) {
        const QList<Row> rows = stored.byNonce.value(it.key());
        if (it->acked) {
            ++acked;
            QVERIFY2(rows.size() == 1 && rows.constFirst().id == it->id
                    && rows.constFirst().text == it->text,
                qPrintable(QStringLiteral("acknowledged %1 stored %2 times")
                               .arg(it.key())
                               .arg(rows.size())));
        } else {
            ++failed;
            QVERIFY2(rows.isEmpty(),
                qPrintable(QStringLiteral("%1 was refused but is stored").arg(it.key())));
        }
    }
    QCOMPARE(stored.events, acked); // one event per stored create, none for a refused one

    // Every client saw each event once, in order, and none for a refused create. The last
    // writer has its event before its reply (one connection keeps their order); the others may
    // still be reading the last one.
    for (int i = 0; i < Clients; ++i) {
        const QList<QJsonObject> &events = clients[std::size_t(i)]->events();
        if (i == Clients - 1)
            QCOMPARE(qint64(events.size()), stored.head);
        else
            QTRY_COMPARE_WITH_TIMEOUT(qint64(events.size()), stored.head, 5000);
        for (qsizetype k = 0; k < events.size(); ++k)
            QCOMPARE(intOf(events.at(k), "seq"), qint64(k + 1));
        QVERIFY(clients[std::size_t(i)]->isConnected());
    }
    qInfo("%lld creates acknowledged, %lld refused with `internal`; head %lld", acked, failed,
        stored.head);
}

QTEST_GUILESS_MAIN(tst_DiskFull)

#include "tst_diskfull.moc"
