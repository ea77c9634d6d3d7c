// Unit tests for the single writer (server/store/writer.h): group commit, savepoints, ordering,
// shutdown and event retention, on a real SQLite file.
#include "store/chatstore.h"
#include "store/schema.h"
#include "store/sqlconnection.h"
#include "store/writer.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <chrono>
#include <future>
#include <map>
#include <memory>

using namespace Hubbub;
using namespace Hubbub::Server;
using namespace Qt::StringLiterals;

namespace {

constexpr int LongTimeoutMs = 60000;

QString uniqueName()
{
    static int counter = 0;
    return u"tst_writer-read-"_s + QString::number(++counter);
}

//! A reader on the same file, as the network thread has.
std::unique_ptr<SqlConnection> openReader(const QString &path)
{
    Result<std::unique_ptr<SqlConnection>> opened
        = SqlConnection::open(path, uniqueName(), Durability::Full);
    if (!opened) {
        qWarning() << "open failed:" << opened.error().toString();
        return nullptr;
    }
    return std::move(*opened);
}

qint64 scalar(SqlConnection &c, const QString &sql)
{
    QSqlQuery query(c.database());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

qint64 channelCount(SqlConnection &c, const QString &name)
{
    QSqlQuery query(c.database());
    if (!query.prepare(u"SELECT COUNT(*) FROM channels WHERE name = ?"_s))
        return -1;
    query.addBindValue(name);
    if (!query.exec() || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

qint64 seqOf(const QByteArray &frame)
{
    return QJsonDocument::fromJson(frame).object().value(u"seq"_s).toInteger(-1);
}

//! A job that creates channel `name` and publishes `channel.created`.
WriteJob createChannelJob(const QString &name)
{
    return [name](WriteTx &tx) -> Result<QJsonObject> {
        Result<Channel> channel = ChatStore::createChannel(tx, name, u""_s);
        if (!channel)
            return channel.error();
        return tx.publish(EventType::ChannelCreated, {{u"channel"_s, channel->toJson()}});
    };
}

QString errorText(const Result<QJsonObject> &result)
{
    return result.ok() ? QString() : result.error().toString();
}

} // namespace

class tst_Writer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (!qEnvironmentVariableIsEmpty("HUBBUB_TEST_POSTGRES"))
            QSKIP("SQLite only: the writer on SQLite files of its own (BEGIN IMMEDIATE, "
                  "savepoints); the other server tests run it on PostgreSQL");
    }
    void thousandJobsInOrder();
    void failingJobInMiddleOfBatch();
    void failedReleaseFailsTheJob_data();
    void failedReleaseFailsTheJob();
    void runAndWait();
    void stopCommitsQueued();
    void submitAfterStopIsRefused();
    void eventRetention();
};

void tst_Writer::thousandJobsInOrder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"hubbub.db"_s);
    Writer writer(path, Durability::Full, 100000);
    const Status started = writer.start();
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));

    constexpr int Jobs = 1000;
    QList<qint64> eventSeqs;
    bool eventsHadOneFrameEach = true;
    connect(&writer, &Writer::committed, this, [&](const QByteArrayList &events) {
        eventsHadOneFrameEach = eventsHadOneFrameEach && events.size() == 1;
        for (const QByteArray &frame : events)
            eventSeqs.append(seqOf(frame));
    });

    struct Done
    {
        int index;
        bool ok;
        QString error;
        qint64 lastSeq;
        qint64 resultSeq;
        bool onOwnerThread;
        qsizetype eventsBefore;
    };
    QList<Done> done;
    QThread *const owner = QThread::currentThread();
    for (int i = 0; i < Jobs; ++i) {
        writer.submit(
            createChannelJob(u"room-"_s + QString::number(i)), [&, i](const WriteOutcome &outcome) {
                done.append(
                    Done {i, outcome.result.ok(), errorText(outcome.result), outcome.lastSeq,
                        outcome.result.ok() ? outcome.result->value(u"seq"_s).toInteger(-1) : -1,
                        QThread::currentThread() == owner, eventSeqs.size()});
            });
    }
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), Jobs, LongTimeoutMs);

    // Callbacks: on this thread, in submission order, each after its job's events.
    for (int i = 0; i < Jobs; ++i) {
        const Done &d = done.at(i);
        QCOMPARE(d.index, i);
        QVERIFY2(d.ok, qPrintable(d.error));
        QVERIFY(d.onOwnerThread);
        QCOMPARE(d.lastSeq, qint64(i + 1));
        QCOMPARE(d.resultSeq, qint64(i + 1));
        QCOMPARE(d.eventsBefore, qsizetype(i + 1));
    }

    // Events: strictly increasing by exactly one, starting after the empty log's head 0.
    QVERIFY(eventsHadOneFrameEach);
    QCOMPARE(eventSeqs.size(), qsizetype(Jobs));
    for (int i = 0; i < Jobs; ++i)
        QCOMPARE(eventSeqs.at(i), qint64(i + 1));

    const Writer::Stats stats = writer.stats();
    QCOMPARE(stats.jobs, qint64(Jobs));
    QVERIFY2(stats.transactions < stats.jobs,
        qPrintable(u"%1 transactions for %2 jobs: no group commit"_s.arg(stats.transactions)
                       .arg(stats.jobs)));

    // Everything is in the file.
    auto reader = openReader(path);
    QVERIFY(reader);
    QCOMPARE(
        scalar(*reader, u"SELECT COUNT(*) FROM channels WHERE name LIKE 'room-%'"_s), qint64(Jobs));
    QCOMPARE(scalar(*reader, u"SELECT COUNT(*) FROM events"_s), qint64(Jobs));
    QCOMPARE(scalar(*reader, u"SELECT MAX(seq) FROM events"_s), qint64(Jobs));
}

void tst_Writer::failingJobInMiddleOfBatch()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"hubbub.db"_s);
    Writer writer(path, Durability::Full, 100000);
    QVERIFY(writer.start().ok());

    QList<qint64> eventSeqs;
    connect(&writer, &Writer::committed, this, [&](const QByteArrayList &events) {
        for (const QByteArray &frame : events)
            eventSeqs.append(seqOf(frame));
    });

    // A job that holds the writer until the three jobs below are queued, so that they are
    // committed in one batch with the failing one in the middle.
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    auto blockerRunning = std::make_shared<std::atomic<bool>>(false);
    QList<QString> results;
    writer.submit(
        [released, blockerRunning](WriteTx &tx) -> Result<QJsonObject> {
            *blockerRunning = true;
            (void)released.wait_for(std::chrono::seconds(30));
            Result<Channel> channel = ChatStore::createChannel(tx, u"before"_s, u""_s);
            if (!channel)
                return channel.error();
            return tx.publish(EventType::ChannelCreated, {{u"channel"_s, channel->toJson()}});
        },
        [&](const WriteOutcome &o) { results.append(u"before:"_s + errorText(o.result)); });
    QTRY_VERIFY_WITH_TIMEOUT(blockerRunning->load(), 10000);
    const qint64 transactionsBefore = writer.stats().transactions;

    struct Outcome
    {
        bool ok = false;
        qsizetype events = -1;
        qint64 lastSeq = -1;
        QString error;
        ErrorCode code = ErrorCode::Internal;
    };
    Outcome a, failed, b;
    bool aDone = false, failedDone = false, bDone = false;
    auto record = [](Outcome &into, bool &flag) {
        return [&into, &flag](const WriteOutcome &o) {
            into.ok = o.result.ok();
            into.events = o.events.size();
            into.lastSeq = o.lastSeq;
            into.error = errorText(o.result);
            if (!o.result.ok())
                into.code = o.result.error().code;
            flag = true;
        };
    };
    writer.submit(createChannelJob(u"alpha"_s), record(a, aDone));
    writer.submit(
        [](WriteTx &tx) -> Result<QJsonObject> {
            // Changes a row and appends an event, then fails: none of it may remain.
            Result<Channel> channel = ChatStore::createChannel(tx, u"doomed"_s, u""_s);
            if (!channel)
                return channel.error();
            Result<QJsonObject> published
                = tx.publish(EventType::ChannelCreated, {{u"channel"_s, channel->toJson()}});
            if (!published)
                return published;
            return makeError(ErrorCode::Invalid, u"deliberate failure after an insert"_s);
        },
        record(failed, failedDone));
    writer.submit(createChannelJob(u"beta"_s), record(b, bDone));
    release.set_value();

    QTRY_VERIFY_WITH_TIMEOUT(aDone && failedDone && bDone, LongTimeoutMs);
    QCOMPARE(results, QList<QString> {u"before:"_s});
    QVERIFY2(writer.stats().transactions == transactionsBefore + 2,
        "precondition: alpha, doomed and beta were expected in one transaction");

    QVERIFY2(a.ok, qPrintable(a.error));
    QVERIFY2(b.ok, qPrintable(b.error));
    QVERIFY(!failed.ok);
    QCOMPARE(failed.code, ErrorCode::Invalid);
    QCOMPARE(failed.events, qsizetype(0));
    QCOMPARE(a.events, qsizetype(1));
    QCOMPARE(b.events, qsizetype(1));
    // before = 1, alpha = 2, (doomed took nothing), beta = 3: no gap.
    QCOMPARE(a.lastSeq, qint64(2));
    QCOMPARE(b.lastSeq, qint64(3));
    QCOMPARE(eventSeqs, (QList<qint64> {1, 2, 3}));

    auto reader = openReader(path);
    QVERIFY(reader);
    QCOMPARE(channelCount(*reader, u"doomed"_s), qint64(0));
    QCOMPARE(channelCount(*reader, u"before"_s), qint64(1));
    QCOMPARE(channelCount(*reader, u"alpha"_s), qint64(1));
    QCOMPARE(channelCount(*reader, u"beta"_s), qint64(1));
    QCOMPARE(scalar(*reader, u"SELECT COUNT(*) FROM events"_s), qint64(3));
    QCOMPARE(scalar(*reader, u"SELECT MAX(seq) FROM events"_s), qint64(3));
    QCOMPARE(
        scalar(*reader, u"SELECT COUNT(*) FROM events WHERE frame LIKE '%doomed%'"_s), qint64(0));

    // The next job continues the sequence without a gap.
    const WriteOutcome next = writer.runAndWait(createChannelJob(u"gamma"_s));
    QVERIFY2(next.result.ok(), qPrintable(errorText(next.result)));
    QCOMPARE(next.lastSeq, qint64(4));
    QTRY_COMPARE_WITH_TIMEOUT(eventSeqs, (QList<qint64> {1, 2, 3, 4}), 10000);
}

void tst_Writer::failedReleaseFailsTheJob_data()
{
    // Inside the writer's BEGIN, RELEASE of the job's savepoint checks no deferred constraint
    // (COMMIT does) and fires no trigger: it fails only when the savepoint is gone. Each row
    // makes it go with a real statement on the write connection, from inside a job that then
    // reports success, as a job would that ignored an error after which SQLite had rolled the
    // whole transaction back (SQLITE_FULL, SQLITE_IOERR).
    QTest::addColumn<QString>("statement");
    QTest::addRow("the transaction rolled back under the job") << u"ROLLBACK"_s;
    QTest::addRow("the savepoint released by the job") << u"RELEASE job"_s;
}

void tst_Writer::failedReleaseFailsTheJob()
{
    QFETCH(QString, statement);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"hubbub.db"_s);
    Writer writer(path, Durability::Full, 100000);
    QVERIFY(writer.start().ok());
    QList<qint64> eventSeqs;
    connect(&writer, &Writer::committed, this, [&](const QByteArrayList &events) {
        for (const QByteArray &frame : events)
            eventSeqs.append(seqOf(frame));
    });
    QVERIFY(writer.runAndWait(createChannelJob(u"first"_s)).result.ok()); // seq 1

    // Held until the three jobs below are queued, so that they share one batch.
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    auto blockerRunning = std::make_shared<std::atomic<bool>>(false);
    writer.submit(
        [released, blockerRunning](WriteTx &) -> Result<QJsonObject> {
            *blockerRunning = true;
            (void)released.wait_for(std::chrono::seconds(30));
            return QJsonObject();
        },
        [](const WriteOutcome &) {});
    QTRY_VERIFY_WITH_TIMEOUT(blockerRunning->load(), 10000);

    std::map<QString, WriteOutcome> outcomes;
    auto record = [&outcomes](const QString &name) {
        return [&outcomes, name](const WriteOutcome &o) { outcomes[name] = o; };
    };
    writer.submit(createChannelJob(u"alpha"_s), record(u"alpha"_s));
    writer.submit(
        [statement](WriteTx &tx) -> Result<QJsonObject> {
            Result<Channel> channel = ChatStore::createChannel(tx, u"lost"_s, u""_s);
            if (!channel)
                return channel.error();
            Result<QJsonObject> published
                = tx.publish(EventType::ChannelCreated, {{u"channel"_s, channel->toJson()}});
            if (Status s = tx.sql().execOnce(statement); !s)
                return s.error();
            return published;
        },
        record(u"lost"_s));
    writer.submit(createChannelJob(u"beta"_s), record(u"beta"_s));
    release.set_value();
    QTRY_VERIFY_WITH_TIMEOUT(outcomes.size() == 3, LongTimeoutMs);

    // The job whose RELEASE failed is refused, and so is alpha, which shared its transaction:
    // that transaction is rolled back whole, so nothing of either stays, nor any event.
    const WriteOutcome &lost = outcomes[u"lost"_s];
    QVERIFY(!lost.result.ok());
    QCOMPARE(lost.result.error().code, ErrorCode::Internal);
    QCOMPARE(lost.events.size(), qsizetype(0));
    const WriteOutcome &alpha = outcomes[u"alpha"_s];
    QVERIFY(!alpha.result.ok());
    QCOMPARE(alpha.result.error().code, ErrorCode::Internal);
    QCOMPARE(alpha.events.size(), qsizetype(0));
    // Beta runs in a new transaction and takes the next seq, as if the others had not been.
    const WriteOutcome &beta = outcomes[u"beta"_s];
    QVERIFY2(beta.result.ok(), qPrintable(errorText(beta.result)));
    QCOMPARE(beta.lastSeq, qint64(2));
    QCOMPARE(eventSeqs, (QList<qint64> {1, 2}));

    auto reader = openReader(path);
    QVERIFY(reader);
    QCOMPARE(channelCount(*reader, u"lost"_s), qint64(0));
    QCOMPARE(channelCount(*reader, u"alpha"_s), qint64(0));
    QCOMPARE(channelCount(*reader, u"beta"_s), qint64(1));
    QCOMPARE(scalar(*reader, u"SELECT COUNT(*) FROM events"_s), qint64(2));
    QCOMPARE(scalar(*reader, u"SELECT MAX(seq) FROM events"_s), qint64(2));

    // The writer goes on: the next job commits with the next seq.
    const WriteOutcome next = writer.runAndWait(createChannelJob(u"gamma"_s));
    QVERIFY2(next.result.ok(), qPrintable(errorText(next.result)));
    QCOMPARE(next.lastSeq, qint64(3));
    QCOMPARE(scalar(*reader, u"SELECT MAX(seq) FROM events"_s), qint64(3));
}

void tst_Writer::runAndWait()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"hubbub.db"_s);
    Writer writer(path, Durability::Full, 100000);
    QVERIFY(writer.start().ok());
    auto reader = openReader(path);
    QVERIFY(reader);

    const WriteOutcome first = writer.runAndWait(createChannelJob(u"one"_s));
    QVERIFY2(first.result.ok(), qPrintable(errorText(first.result)));
    QCOMPARE(first.lastSeq, qint64(1));
    QCOMPARE(first.events.size(), qsizetype(1));
    QCOMPARE(seqOf(first.events.constFirst()), qint64(1));
    QCOMPARE(first.result->value(u"seq"_s).toInteger(), qint64(1));
    QCOMPARE(first.result->value(u"channel"_s).toObject().value(u"name"_s).toString(), u"one"_s);
    // Committed when it returns: another connection sees it at once.
    QCOMPARE(channelCount(*reader, u"one"_s), qint64(1));

    // A job's own error comes back; nothing is stored.
    const WriteOutcome duplicate = writer.runAndWait(createChannelJob(u"ONE"_s));
    QVERIFY(!duplicate.result.ok());
    QCOMPARE(duplicate.result.error().code, ErrorCode::Conflict);
    QVERIFY(duplicate.events.isEmpty());
    QCOMPARE(scalar(*reader, u"SELECT MAX(seq) FROM events"_s), qint64(1));

    const WriteOutcome second = writer.runAndWait(createChannelJob(u"two"_s));
    QVERIFY2(second.result.ok(), qPrintable(errorText(second.result)));
    QCOMPARE(second.lastSeq, qint64(2));
    QCOMPARE(channelCount(*reader, u"two"_s), qint64(1));
}

void tst_Writer::stopCommitsQueued()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"hubbub.db"_s);
    constexpr int Jobs = 200;
    int okCallbacks = 0;
    int failedCallbacks = 0;
    {
        Writer writer(path, Durability::Full, 100000);
        QVERIFY(writer.start().ok());
        for (int i = 0; i < Jobs; ++i) {
            writer.submit(createChannelJob(u"queued-"_s + QString::number(i)),
                [&](const WriteOutcome &o) { ++(o.result.ok() ? okCallbacks : failedCallbacks); });
        }
        writer.stop();
        // Everything queued was committed before stop() returned.
        auto reader = openReader(path);
        QVERIFY(reader);
        QCOMPARE(scalar(*reader, u"SELECT COUNT(*) FROM channels WHERE name LIKE 'queued-%'"_s),
            qint64(Jobs));
        QCOMPARE(scalar(*reader, u"SELECT MAX(seq) FROM events"_s), qint64(Jobs));
        // Their outcomes still reach their callbacks.
        QTRY_COMPARE_WITH_TIMEOUT(okCallbacks, Jobs, LongTimeoutMs);
        QCOMPARE(failedCallbacks, 0);
        writer.stop(); // idempotent
    }

    // A new writer on the file continues after the last seq.
    Writer again(path, Durability::Full, 100000);
    QVERIFY(again.start().ok());
    const WriteOutcome next = again.runAndWait(createChannelJob(u"after-restart"_s));
    QVERIFY2(next.result.ok(), qPrintable(errorText(next.result)));
    QCOMPARE(next.lastSeq, qint64(Jobs + 1));
}

void tst_Writer::submitAfterStopIsRefused()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"hubbub.db"_s);
    Writer writer(path, Durability::Full, 100000);
    QVERIFY(writer.start().ok());
    writer.stop();

    bool called = false;
    bool ok = true;
    ErrorCode code = ErrorCode::BadRequest;
    bool jobRan = false;
    writer.submit(
        [&jobRan](WriteTx &tx) -> Result<QJsonObject> {
            jobRan = true;
            return tx.publish(EventType::ChannelCreated, {});
        },
        [&](const WriteOutcome &o) {
            called = true;
            ok = o.result.ok();
            if (!ok)
                code = o.result.error().code;
        });
    QTRY_VERIFY_WITH_TIMEOUT(called, 10000);
    QVERIFY(!ok);
    QCOMPARE(code, ErrorCode::Internal);
    QVERIFY(!jobRan);

    const WriteOutcome waited = writer.runAndWait(createChannelJob(u"late"_s));
    QVERIFY(!waited.result.ok());
    QCOMPARE(waited.result.error().code, ErrorCode::Internal);

    auto reader = openReader(path);
    QVERIFY(reader);
    QCOMPARE(channelCount(*reader, u"late"_s), qint64(0));
    QCOMPARE(scalar(*reader, u"SELECT COUNT(*) FROM events"_s), qint64(0));
}

void tst_Writer::eventRetention()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"hubbub.db"_s);
    constexpr qint64 Retention = 10;
    constexpr int Events = 1500;
    Writer writer(path, Durability::Normal, Retention);
    QVERIFY(writer.start().ok());

    int done = 0;
    int failed = 0;
    for (int i = 0; i < Events; ++i) {
        writer.submit(
            [i](WriteTx &tx) -> Result<QJsonObject> {
                return tx.publish(EventType::PostDeleted, {{u"postId"_s, i}});
            },
            [&](const WriteOutcome &o) {
                ++done;
                if (!o.result.ok())
                    ++failed;
            });
    }
    QTRY_COMPARE_WITH_TIMEOUT(done, Events, LongTimeoutMs);
    QCOMPARE(failed, 0);

    auto reader = openReader(path);
    QVERIFY(reader);
    const qint64 rows = scalar(*reader, u"SELECT COUNT(*) FROM events"_s);
    QVERIFY2(rows >= Retention, qPrintable(QString::number(rows)));
    QVERIFY2(rows <= Events / 2, qPrintable(u"%1 events retained"_s.arg(rows)));
    QCOMPARE(scalar(*reader, u"SELECT MAX(seq) FROM events"_s), qint64(Events));
    // What is kept is the newest, contiguous tail of the log.
    QCOMPARE(scalar(*reader, u"SELECT MIN(seq) FROM events"_s), qint64(Events) - rows + 1);
}

QTEST_GUILESS_MAIN(tst_Writer)
#include "tst_writer.moc"
