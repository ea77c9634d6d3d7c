// hubbub-server --migrate-from FILE --db postgresql://…: an SQLite database copied into an
// empty PostgreSQL one, checked row by row; then served from PostgreSQL exactly as before.

#include "fileupload.h"
#include "postgresscratch.h"
#include "serverprocess.h"
#include "testclient.h"
#include "testserver.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Hubbub;
using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

class tst_MigratePostgres final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void copiesEverythingAndServesIt();
    void refusesADatabaseThatHoldsData();
    void aValueThatChangesOnTheWayCommitsNothing();

private:
    //! Runs the real binary; its exit code, with stdout+stderr in `output`.
    static int runBinary(const QStringList &arguments, QByteArray *output);
    //! Everything a client can read that the copy must keep: sync from 0 (every event, in
    //! order, byte for byte as stored), the feed and a channel's history.
    static QJsonObject snapshot(TestClient &client, qint64 channelId);
};

void tst_MigratePostgres::initTestCase()
{
    if (const QString why = Cluster::skipReason(); !why.isEmpty())
        QSKIP(qPrintable(why));
}

int tst_MigratePostgres::runBinary(const QStringList &arguments, QByteArray *output)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setProcessEnvironment(ServerProcess::quietEnvironment());
    process.start(QStringLiteral(HUBBUB_SERVER_BINARY), arguments);
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return -1;
    }
    *output = process.readAll();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

QJsonObject tst_MigratePostgres::snapshot(TestClient &client, qint64 channelId)
{
    // Without the request ids, which are the connection's own.
    const auto answer = [&client](const QString &type, const QJsonObject &params) {
        QJsonObject reply = client.request(type, params);
        reply.remove(u"id"_s);
        return reply;
    };
    return QJsonObject {{u"sync"_s, answer(u"sync"_s, {{u"since"_s, 0}})},
        {u"feed"_s, answer(u"feed.page"_s, {{u"limit"_s, 100}})},
        {u"history"_s,
            answer(u"chat.history"_s, {{u"channelId"_s, channelId}, {u"limit"_s, 200}})}};
}

void tst_MigratePostgres::copiesEverythingAndServesIt()
{
    // The source: an SQLite server (this process) with a bit of everything in it.
    TestServer source;
    source.config().databaseUrl.clear();
    QVERIFY(source.start());
    TestClient alice;
    TestClient bob;
    QVERIFY(alice.open(source.url()));
    QVERIFY(bob.open(source.url()));
    QVERIFY(isOk(alice.registerUser(u"alice"_s)));
    QVERIFY(isOk(bob.registerUser(u"Bjørn"_s)));
    const QJsonObject post = alice.request(
        u"post.create"_s, {{u"title"_s, u"Bonjour 안녕"_s}, {u"content"_s, u"Café au lait"_s}});
    QVERIFY(isOk(post));
    const qint64 postId = intOf(objectOf(post, "post"), "id");
    QVERIFY(isOk(bob.request(
        u"review.create"_s, {{u"postId"_s, postId}, {u"rating"_s, 4}, {u"comment"_s, u"Bien"_s}})));
    const QJsonObject channels = alice.request(u"channel.list"_s);
    const qint64 general
        = channels.value(u"channels"_s).toArray().first().toObject().value(u"id"_s).toInteger();
    const QByteArray bytes = QByteArray(300 * 1024, 'h') + "the end";
    const QJsonObject upload = uploadFile(alice, bytes, u"notes.txt"_s);
    QVERIFY2(isOk(upload), qPrintable(QString::fromUtf8(QJsonDocument(upload).toJson())));
    const QString fileId = stringOf(objectOf(upload, "file"), "id");
    const QJsonObject sent = alice.request(u"chat.send"_s,
        {{u"channelId"_s, general}, {u"text"_s, u"hello @Bjørn"_s},
            {u"files"_s, QJsonArray {fileId}}, {u"nonce"_s, u"n-1"_s}});
    QVERIFY(isOk(sent));
    const qint64 messageId = intOf(objectOf(sent, "message"), "id");
    QVERIFY(isOk(bob.request(
        u"reaction.set"_s, {{u"messageId"_s, messageId}, {u"emoji"_s, u"👍"_s}, {u"on"_s, true}})));
    QVERIFY(
        isOk(bob.request(u"dm.open"_s, {{u"userIds"_s, QJsonArray {intOf(alice.user(), "id")}}})));
    QVERIFY(isOk(
        bob.request(u"read.mark"_s, {{u"channelId"_s, general}, {u"messageId"_s, messageId}})));
    const QJsonObject before = snapshot(alice, general);
    QVERIFY(isOk(before.value(u"sync"_s).toObject()));
    const qint64 head = intOf(before.value(u"sync"_s).toObject(), "head");
    // A post, a review, a message, a reaction, a direct conversation: at least one event each,
    // and sync from 0 holds every one of them.
    QVERIFY2(head >= 5, qPrintable(QString::number(head)));
    QCOMPARE(before.value(u"sync"_s).toObject().value(u"events"_s).toArray().size(), head);
    alice.close();
    bob.close();
    source.stop();

    // The copy.
    Cluster::ScratchDatabase target(testPostgresUrl());
    QVERIFY2(target.isValid(), qPrintable(target.errorString()));
    QTemporaryDir dataDir;
    QByteArray output;
    QCOMPARE(runBinary({u"--migrate-from"_s, source.databasePath(), u"--db"_s, target.url(),
                           u"--data-dir"_s, dataDir.path()},
                 &output),
        0);
    QVERIFY2(output.contains("checked row by row"), output.constData());
    QVERIFY2(output.contains("1 uploaded files"), output.constData());
    QVERIFY(QFile::exists(dataDir.filePath(u"hubbub.files/"_s + fileId.left(2) + u'/' + fileId)));

    // Served from PostgreSQL: the same passwords, events, feed, history and file.
    ServerProcess copy(QStringLiteral(HUBBUB_SERVER_BINARY), target.url());
    QVERIFY2(copy.start({u"--data-dir"_s, dataDir.path()}), qPrintable(copy.diagnostics()));
    TestClient again;
    QVERIFY(again.open(copy.url()));
    QVERIFY(isOk(again.login(u"alice"_s)));
    const QJsonObject after = snapshot(again, general);
    QCOMPARE(after, before);
    QCOMPARE(downloadFile(again, fileId), bytes);
    const QJsonObject found = again.request(u"search"_s, {{u"query"_s, u"cafe"_s}});
    QVERIFY(isOk(found));
    // Numbering goes on after the copied rows: the next event and the next post.
    const QJsonObject next
        = again.request(u"post.create"_s, {{u"title"_s, u"after"_s}, {u"content"_s, u"x"_s}});
    QVERIFY(isOk(next));
    QCOMPARE(intOf(next, "seq"), head + 1);
    QVERIFY(intOf(objectOf(next, "post"), "id") > postId);
}

void tst_MigratePostgres::refusesADatabaseThatHoldsData()
{
    TestServer source;
    source.config().databaseUrl.clear();
    QVERIFY(source.start());
    TestClient alice;
    QVERIFY(alice.open(source.url()));
    QVERIFY(isOk(alice.registerUser(u"alice"_s)));
    alice.close();
    source.stop();

    Cluster::ScratchDatabase target(testPostgresUrl());
    QVERIFY2(target.isValid(), qPrintable(target.errorString()));
    QTemporaryDir dataDir;
    QByteArray output;
    QCOMPARE(runBinary({u"--migrate-from"_s, source.databasePath(), u"--db"_s, target.url(),
                           u"--data-dir"_s, dataDir.path()},
                 &output),
        0);
    // A second copy into the same database: refused, and nothing changes.
    QStringList problems;
    const qint64 users = target.select(u"SELECT count(*) FROM users"_s, {}, problems)
                             .value(0)
                             .value(0)
                             .toLongLong();
    QVERIFY(problems.isEmpty());
    QCOMPARE(users, 1);
    QCOMPARE(runBinary({u"--migrate-from"_s, source.databasePath(), u"--db"_s, target.url(),
                           u"--data-dir"_s, dataDir.path()},
                 &output),
        1);
    QVERIFY2(output.contains("already holds Hubbub data"), output.constData());
    QCOMPARE(
        target.select(u"SELECT count(*) FROM users"_s, {}, problems).value(0).value(0).toLongLong(),
        1);
    // Without PostgreSQL as the target it is refused before anything is opened.
    QCOMPARE(runBinary({u"--migrate-from"_s, source.databasePath()}, &output), 1);
    QVERIFY2(output.contains("--db postgresql://"), output.constData());
}

void tst_MigratePostgres::aValueThatChangesOnTheWayCommitsNothing()
{
    TestServer source;
    source.config().databaseUrl.clear();
    QVERIFY(source.start());
    TestClient alice;
    QVERIFY(alice.open(source.url()));
    QVERIFY(isOk(alice.registerUser(u"alice"_s)));
    QVERIFY(isOk(alice.request(u"post.create"_s, {{u"title"_s, u"t"_s}, {u"content"_s, u"c"_s}})));
    alice.close();
    source.stop();
    // SQLite keeps what a column is given: a fraction in an INTEGER column stays one, and
    // PostgreSQL's bigint rounds it on the way in. Only the comparison after the copy sees it.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"tamper"_s);
        db.setDatabaseName(source.databasePath());
        QVERIFY(db.open());
        QSqlQuery tamper(db);
        QVERIFY(tamper.exec(u"UPDATE posts SET rating_sum = 2.5"_s));
        tamper.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"tamper"_s);

    Cluster::ScratchDatabase target(testPostgresUrl());
    QVERIFY2(target.isValid(), qPrintable(target.errorString()));
    QTemporaryDir dataDir;
    QByteArray output;
    QCOMPARE(runBinary({u"--migrate-from"_s, source.databasePath(), u"--db"_s, target.url(),
                           u"--data-dir"_s, dataDir.path()},
                 &output),
        1);
    QVERIFY2(output.contains("nothing was copied: posts row 1 differs in rating_sum"),
        output.constData());
    QStringList problems;
    QCOMPARE(
        target.select(u"SELECT count(*) FROM users"_s, {}, problems).value(0).value(0).toLongLong(),
        0);
    QVERIFY(problems.isEmpty());
}

QTEST_GUILESS_MAIN(tst_MigratePostgres)
#include "tst_migratepostgres.moc"
