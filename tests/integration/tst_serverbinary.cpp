// End-to-end tests of the real hubbub-server executable: started with QProcess on 127.0.0.1,
// driven by real WebSocket clients, stopped with SIGTERM or killed with SIGKILL, and restarted
// on the same SQLite file.

#include "serverprocess.h"
#include "testclient.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocketProtocol>

#include <memory>

using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

namespace {

constexpr int StartTimeoutMs = 20000;
constexpr int ExitTimeoutMs = 20000;

QString serverBinary()
{
    return QStringLiteral(HUBBUB_SERVER_BINARY);
}

//! The environment of every child: info logging off, so that stderr holds only real problems
//! (and, for the start-up errors, exactly the one error line).
QProcessEnvironment quietEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_LOGGING_RULES"_s, u"*.info=false"_s);
    return env;
}

QStringList lines(const QByteArray &text)
{
    QStringList result = QString::fromUtf8(text).split(u'\n');
    if (!result.isEmpty() && result.constLast().isEmpty())
        result.removeLast();
    return result;
}

//! A run of the binary that is expected to end by itself (errors, --promote).
struct Exit
{
    bool finished = false;
    QProcess::ExitStatus status = QProcess::CrashExit;
    int code = -1;
    QByteArray out;
    QByteArray err;

    QString describe() const
    {
        return u"finished %1, status %2, code %3\nstdout: %4\nstderr: %5"_s.arg(finished)
            .arg(int(status))
            .arg(code)
            .arg(QString::fromUtf8(out), QString::fromUtf8(err));
    }
};

Exit runToExit(const QStringList &arguments)
{
    QProcess process;
    process.setProcessEnvironment(quietEnvironment());
    process.start(serverBinary(), arguments);
    Exit exit;
    if (!process.waitForStarted(StartTimeoutMs))
        return exit;
    exit.finished = process.waitForFinished(ExitTimeoutMs);
    if (!exit.finished) {
        process.kill();
        (void)process.waitForFinished(ExitTimeoutMs);
    }
    exit.status = process.exitStatus();
    exit.code = process.exitCode();
    exit.out = process.readAllStandardOutput();
    exit.err = process.readAllStandardError();
    return exit;
}

QString describe(const QJsonObject &reply)
{
    return reply.isEmpty() ? u"no reply"_s
                           : QString::fromUtf8(QJsonDocument(reply).toJson(QJsonDocument::Compact));
}

QJsonObject hello(TestClient &client)
{
    return client.request(u"hello"_s, {{u"protocol"_s, 1}, {u"client"_s, u"tst_serverbinary/1"_s}});
}

//! Every post in the feed, newest first, by paging with `before` (bounded).
bool fetchFeed(TestClient &client, QList<QJsonObject> &posts, QString &problem)
{
    posts.clear();
    QJsonObject params {{u"limit"_s, 100}};
    for (int page = 0; page < 100; ++page) {
        const QJsonObject reply = client.request(u"feed.page"_s, params);
        if (!isOk(reply)) {
            problem = u"feed.page failed: "_s + describe(reply);
            return false;
        }
        const QJsonArray array = reply.value("posts"_L1).toArray();
        for (const QJsonValue &post : array)
            posts.append(post.toObject());
        if (!reply.value("more"_L1).toBool())
            return true;
        if (array.isEmpty()) {
            problem = u"feed.page says more but returned nothing"_s;
            return false;
        }
        params.insert(u"before"_s, array.last().toObject().value("id"_L1).toInteger());
    }
    problem = u"feed did not end after 100 pages"_s;
    return false;
}

//! Checks that `sync since 0` returns the events 1..head without a gap; returns head or -1.
qint64 checkContiguousEvents(TestClient &client, QString &problem)
{
    const QJsonObject reply = client.request(u"sync"_s, {{u"since"_s, 0}}, 30000);
    if (!isOk(reply)) {
        problem = u"sync failed: "_s + describe(reply);
        return -1;
    }
    const qint64 head = reply.value("head"_L1).toInteger(-1);
    const QJsonArray events = reply.value("events"_L1).toArray();
    if (events.size() != head) {
        problem = u"sync since 0 returned %1 events for head %2"_s.arg(events.size()).arg(head);
        return -1;
    }
    for (qsizetype i = 0; i < events.size(); ++i) {
        const qint64 seq = events.at(i).toObject().value("seq"_L1).toInteger();
        if (seq != i + 1) {
            problem = u"event %1 has seq %2"_s.arg(i + 1).arg(seq);
            return -1;
        }
    }
    return head;
}

QString integrityCheck(const QString &path)
{
    const QString name = u"tst_serverbinary_integrity"_s;
    QString result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (!db.open()) {
            result = u"open failed: "_s + db.lastError().text();
        } else {
            QSqlQuery query(db);
            if (!query.exec(u"PRAGMA integrity_check"_s)) {
                result = u"integrity_check failed: "_s + query.lastError().text();
            } else {
                QStringList rows;
                while (query.next())
                    rows.append(query.value(0).toString());
                result = rows.join(u'\n');
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

QJsonObject postParams(const QString &title, const QString &nonce = {}, int padding = 0)
{
    QJsonObject params {{u"title"_s, title},
        {u"content"_s, QString(u"body of "_s + title + QString(padding, u'x'))}};
    if (!nonce.isEmpty())
        params.insert(u"nonce"_s, nonce);
    return params;
}

} // namespace

class tst_ServerBinary : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void startupPrintsListeningLineAndServes();
    void sigtermClosesWithGoingAwayAndKeepsAcknowledged();
    void sigkillLosesNoAcknowledgedPost();
    void startupErrors_data();
    void startupErrors();
    void promoteMakesAdmin();
    void closedRegistrationForbidsRegister();
    void normalDurabilityWorks();
};

void tst_ServerBinary::startupPrintsListeningLineAndServes()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ServerProcess server(serverBinary(), dir.filePath(u"hubbub.db"_s));
    QVERIFY2(server.start(), qPrintable(server.diagnostics()));
    QVERIFY(server.port() != 0);

    TestClient client;
    QVERIFY(client.open(server.url()));
    const QJsonObject hi = hello(client);
    QVERIFY2(isOk(hi), qPrintable(describe(hi)));
    QCOMPARE(hi.value("protocol"_L1).toInteger(), 1);
    QVERIFY2(hi.value("server"_L1).toString().startsWith(u"hubbub/"_s), qPrintable(describe(hi)));
    QCOMPARE(hi.value("head"_L1).toInteger(-1), 0);

    const QJsonObject registered = client.registerUser(u"starter"_s);
    QVERIFY2(isOk(registered), qPrintable(describe(registered)));
    const QJsonObject created = client.request(u"post.create"_s, postParams(u"First"_s));
    QVERIFY2(isOk(created), qPrintable(describe(created)));
    QCOMPARE(created.value("seq"_L1).toInteger(), 1);
    QCOMPARE(created.value("post"_L1).toObject().value("title"_L1).toString(), u"First"_s);

    QVERIFY2(server.terminate(), qPrintable(server.diagnostics()));
    // Nothing else ever goes to stdout: scripts read the port from that one line.
    QCOMPARE(lines(server.standardOutput()),
        QStringList {u"Listening on ws://127.0.0.1:%1"_s.arg(server.port())});
}

void tst_ServerBinary::sigtermClosesWithGoingAwayAndKeepsAcknowledged()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ServerProcess server(serverBinary(), dir.filePath(u"hubbub.db"_s));
    QVERIFY2(server.start(), qPrintable(server.diagnostics()));

    TestClient observer;
    QVERIFY(observer.open(server.url()));
    QVERIFY(isOk(hello(observer)));

    TestClient poster;
    QVERIFY(poster.open(server.url()));
    QVERIFY2(isOk(poster.registerUser(u"terminator"_s)), "register failed");

    // Phase 1: posts fully acknowledged before the signal.
    QHash<qint64, QString> titleOfRequest;
    for (int i = 0; i < 20; ++i) {
        const QString title = u"settled %1"_s.arg(i);
        titleOfRequest.insert(poster.send(u"post.create"_s, postParams(title)), title);
    }
    QVERIFY2(QTest::qWaitFor([&] { return poster.replies().size() >= 22; }, 30000),
        qPrintable(u"only %1 replies"_s.arg(poster.replies().size())));
    // Phase 2: a pipeline of posts; SIGTERM arrives while most of it is still in flight.
    constexpr int InFlight = 200;
    QSet<qint64> phase2;
    for (int i = 0; i < InFlight; ++i) {
        const QString title = u"in flight %1"_s.arg(i);
        const qint64 id = poster.send(u"post.create"_s, postParams(title));
        titleOfRequest.insert(id, title);
        phase2.insert(id);
    }
    int phase2Acks = 0;
    QObject context;
    connect(&poster, &TestClient::frameReceived, &context, [&](const QJsonObject &frame) {
        if (phase2.contains(frame.value("id"_L1).toInteger()) && ++phase2Acks == 10)
            server.process().terminate(); // SIGTERM, no waiting here
    });
    QVERIFY2(server.waitForExit(), qPrintable(server.diagnostics()));
    QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.process().exitCode(), 0);

    QTRY_COMPARE_WITH_TIMEOUT(observer.socket().state(), QAbstractSocket::UnconnectedState, 10000);
    QCOMPARE(observer.socket().closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    QTRY_COMPARE_WITH_TIMEOUT(poster.socket().state(), QAbstractSocket::UnconnectedState, 10000);
    QCOMPARE(poster.socket().closeCode(), QWebSocketProtocol::CloseCodeGoingAway);

    // Every ok reply that reached the client is an acknowledged post.
    QHash<QString, qint64> acknowledged; // title -> seq
    qint64 lastAckedSeq = 0;
    for (const QJsonObject &reply : poster.replies()) {
        const qint64 id = reply.value("id"_L1).toInteger();
        if (!titleOfRequest.contains(id))
            continue;
        QVERIFY2(isOk(reply), qPrintable(describe(reply)));
        const qint64 seq = reply.value("seq"_L1).toInteger();
        acknowledged.insert(titleOfRequest.value(id), seq);
        lastAckedSeq = std::max(lastAckedSeq, seq);
    }
    QVERIFY2(acknowledged.size() >= 20, qPrintable(u"%1 acks"_s.arg(acknowledged.size())));
    qInfo("%lld of %lld posts acknowledged before the server stopped", qint64(acknowledged.size()),
        qint64(titleOfRequest.size()));

    QVERIFY2(server.start(), qPrintable(server.diagnostics()));
    TestClient reader;
    QVERIFY(reader.open(server.url()));
    const QJsonObject hi = hello(reader);
    QVERIFY2(isOk(hi), qPrintable(describe(hi)));
    const qint64 head = hi.value("head"_L1).toInteger(-1);
    QVERIFY2(head >= lastAckedSeq, qPrintable(u"head %1 < acked %2"_s.arg(head).arg(lastAckedSeq)));
    const QJsonObject login = reader.login(u"terminator"_s);
    QVERIFY2(isOk(login), qPrintable(describe(login)));

    QList<QJsonObject> posts;
    QString problem;
    QVERIFY2(fetchFeed(reader, posts, problem), qPrintable(problem));
    QHash<QString, int> count;
    for (const QJsonObject &post : std::as_const(posts))
        ++count[post.value("title"_L1).toString()];
    for (auto it = acknowledged.cbegin(); it != acknowledged.cend(); ++it)
        QVERIFY2(count.value(it.key()) == 1,
            qPrintable(u"'%1' found %2 times"_s.arg(it.key()).arg(count.value(it.key()))));
    for (auto it = count.cbegin(); it != count.cend(); ++it) {
        QVERIFY2(
            it.value() == 1, qPrintable(u"'%1' stored %2 times"_s.arg(it.key()).arg(it.value())));
        QVERIFY2(titleOfRequest.values().contains(it.key()), qPrintable(it.key()));
    }

    const qint64 syncedHead = checkContiguousEvents(reader, problem);
    QVERIFY2(syncedHead >= 0, qPrintable(problem));
    QCOMPARE(syncedHead, head);
    const QJsonObject next = reader.request(u"post.create"_s, postParams(u"after restart"_s));
    QVERIFY2(isOk(next), qPrintable(describe(next)));
    QCOMPARE(next.value("seq"_L1).toInteger(), head + 1);
    QVERIFY2(server.terminate(), qPrintable(server.diagnostics()));
    QCOMPARE(server.process().exitCode(), 0);
}

void tst_ServerBinary::sigkillLosesNoAcknowledgedPost()
{
    constexpr int Cycles = 3;
    constexpr int PostsPerCycle = 300;
    constexpr int KillAfterAcks = 100;
    // Big posts keep the server busy, so that the kill lands while it is still committing.
    constexpr int Padding = 8000; // x 900 posts stays well under syncMaxBytes (12 MiB)

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString dbPath = dir.filePath(u"hubbub.db"_s);
    ServerProcess server(serverBinary(), dbPath);
    QVERIFY2(server.start(), qPrintable(server.diagnostics()));

    QSet<QString> sent; // every title ever sent
    QSet<QString> acknowledged; // every title with an ok reply
    for (int cycle = 0; cycle < Cycles; ++cycle) {
        TestClient client;
        QVERIFY(client.open(server.url()));
        if (cycle == 0) {
            const QJsonObject registered = client.registerUser(u"crasher"_s);
            QVERIFY2(isOk(registered), qPrintable(describe(registered)));
        } else {
            QVERIFY(isOk(hello(client)));
            const QJsonObject login = client.login(u"crasher"_s);
            QVERIFY2(isOk(login), qPrintable(describe(login)));
        }

        QHash<qint64, int> indexOfRequest;
        QHash<int, QString> nonceOf;
        auto titleOf = [cycle](int i) { return u"crash %1/%2"_s.arg(cycle).arg(i); };
        for (int i = 0; i < PostsPerCycle; ++i) {
            const QString nonce = u"nonce-%1-%2-%3"_s.arg(cycle).arg(i).arg(
                QRandomGenerator::global()->generate64(), 0, 16);
            nonceOf.insert(i, nonce);
            sent.insert(titleOf(i));
            indexOfRequest.insert(
                client.send(u"post.create"_s, postParams(titleOf(i), nonce, Padding)), i);
        }
        auto okReplies = [&] {
            QSet<int> ok;
            for (const QJsonObject &reply : client.replies()) {
                const qint64 id = reply.value("id"_L1).toInteger();
                if (indexOfRequest.contains(id) && isOk(reply))
                    ok.insert(indexOfRequest.value(id));
            }
            return ok;
        };
        // SIGKILL from inside the frame handler, the moment the chosen ack arrives, so that
        // the kill lands while the rest of the pipeline is still being written.
        int acksSeen = 0;
        QObject context;
        connect(&client, &TestClient::frameReceived, &context, [&](const QJsonObject &frame) {
            if (indexOfRequest.contains(frame.value("id"_L1).toInteger()) && isOk(frame)
                && ++acksSeen == KillAfterAcks)
                server.process().kill();
        });
        QVERIFY2(QTest::qWaitFor(
                     [&] { return server.process().state() == QProcess::NotRunning; }, 60000),
            qPrintable(u"cycle %1: only %2 acks"_s.arg(cycle).arg(acksSeen)));
        server.kill();
        QCOMPARE(server.process().exitStatus(), QProcess::CrashExit);
        // Replies already in the client's socket are acknowledgements too.
        QTRY_COMPARE_WITH_TIMEOUT(
            client.socket().state(), QAbstractSocket::UnconnectedState, 10000);
        for (const QJsonObject &reply : client.replies()) {
            if (indexOfRequest.contains(reply.value("id"_L1).toInteger()))
                QVERIFY2(isOk(reply), qPrintable(describe(reply)));
        }
        const QSet<int> ackedNow = okReplies();
        for (int i : ackedNow)
            acknowledged.insert(titleOf(i));
        qInfo("cycle %d: %lld of %d posts acknowledged before SIGKILL", cycle,
            qint64(ackedNow.size()), PostsPerCycle);

        QCOMPARE(integrityCheck(dbPath), u"ok"_s);

        QVERIFY2(server.start(), qPrintable(server.diagnostics()));
        TestClient reader;
        QVERIFY(reader.open(server.url()));
        const QJsonObject hi = hello(reader);
        QVERIFY2(isOk(hi), qPrintable(describe(hi)));
        const QJsonObject login = reader.login(u"crasher"_s);
        QVERIFY2(isOk(login), qPrintable(describe(login)));

        QList<QJsonObject> posts;
        QString problem;
        QVERIFY2(fetchFeed(reader, posts, problem), qPrintable(problem));
        QHash<QString, int> count;
        QHash<QString, qint64> idOfTitle;
        for (const QJsonObject &post : std::as_const(posts)) {
            const QString title = post.value("title"_L1).toString();
            ++count[title];
            idOfTitle.insert(title, post.value("id"_L1).toInteger());
        }
        for (const QString &title : std::as_const(acknowledged))
            QVERIFY2(count.value(title) == 1,
                qPrintable(
                    u"acknowledged '%1' found %2 times"_s.arg(title).arg(count.value(title))));
        for (auto it = count.cbegin(); it != count.cend(); ++it) {
            QVERIFY2(it.value() == 1,
                qPrintable(u"'%1' stored %2 times"_s.arg(it.key()).arg(it.value())));
            QVERIFY2(sent.contains(it.key()), qPrintable(u"unknown post '%1'"_s.arg(it.key())));
        }
        const qint64 head = checkContiguousEvents(reader, problem);
        QVERIFY2(head >= 0, qPrintable(problem));
        QCOMPARE(head, hi.value("head"_L1).toInteger(-1));
        // No deletes or edits here: one post.created event per stored post.
        QCOMPARE(head, qint64(posts.size()));

        // A client resending what it has no answer for, with the same nonces, creates each
        // post once: the ones that did commit answer with the original entry.
        QHash<qint64, int> resendOf;
        for (int i = 0; i < PostsPerCycle; ++i) {
            if (!ackedNow.contains(i))
                resendOf.insert(
                    reader.send(u"post.create"_s, postParams(titleOf(i), nonceOf[i], Padding)), i);
        }
        for (auto it = resendOf.cbegin(); it != resendOf.cend(); ++it) {
            const QJsonObject reply = reader.waitReply(it.key(), 30000);
            QVERIFY2(isOk(reply), qPrintable(describe(reply)));
            const QString title = titleOf(it.value());
            if (idOfTitle.contains(title))
                QCOMPARE(reply.value("post"_L1).toObject().value("id"_L1).toInteger(),
                    idOfTitle.value(title));
            acknowledged.insert(title);
        }
        QVERIFY2(fetchFeed(reader, posts, problem), qPrintable(problem));
        count.clear();
        for (const QJsonObject &post : std::as_const(posts))
            ++count[post.value("title"_L1).toString()];
        QCOMPARE(qsizetype(count.size()), posts.size());
        QCOMPARE(qsizetype(count.size()), acknowledged.size());
        QCOMPARE(acknowledged.size(), qsizetype(PostsPerCycle) * (cycle + 1));
    }
    QVERIFY2(server.terminate(), qPrintable(server.diagnostics()));
    QCOMPARE(integrityCheck(dbPath), u"ok"_s);
}

void tst_ServerBinary::startupErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("runs");
    // Placeholders: {db} a fresh database path, {busy} a port already taken on 127.0.0.1,
    // {garbage} a file of random bytes, {missing} a path in a folder that does not exist.
    const QStringList base {u"--host"_s, u"127.0.0.1"_s, u"--port"_s};
    auto row = [&base](const char *name, const QStringList &arguments, int runs = 1) {
        QTest::addRow("%s", name) << base + arguments << runs;
    };
    // A failure after the database is open races with the writer thread at exit: run it
    // several times so that a crash there does not hide behind luck (~0.1 s a run).
    row("port in use", {u"{busy}"_s, u"--db"_s, u"{db}"_s}, 10);
    row("db is random bytes", {u"0"_s, u"--db"_s, u"{garbage}"_s}, 3);
    row("durability bogus", {u"0"_s, u"--db"_s, u"{db}"_s, u"--durability"_s, u"bogus"_s});
    row("port 70000", {u"70000"_s, u"--db"_s, u"{db}"_s});
    row("port not a number", {u"http"_s, u"--db"_s, u"{db}"_s});
    row("db folder missing", {u"0"_s, u"--db"_s, u"{missing}"_s});
    row("registration bogus", {u"0"_s, u"--db"_s, u"{db}"_s, u"--registration"_s, u"maybe"_s});
    row("event retention 0", {u"0"_s, u"--db"_s, u"{db}"_s, u"--event-retention"_s, u"0"_s});
    row("stray argument", {u"0"_s, u"--db"_s, u"{db}"_s, u"extra"_s});
    QTest::addRow("host not an address") << QStringList {u"--host"_s, u"localhost.invalid"_s,
        u"--port"_s, u"0"_s, u"--db"_s, u"{db}"_s}
                                         << 1;
}

void tst_ServerBinary::startupErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, runs);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    QTcpServer busy;
    QVERIFY(busy.listen(QHostAddress::LocalHost, 0));
    const QString garbagePath = dir.filePath(u"garbage.db"_s);
    {
        QFile garbage(garbagePath);
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        QByteArray bytes(64 * 1024, Qt::Uninitialized);
        QRandomGenerator::global()->fillRange(
            reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / int(sizeof(quint32)));
        bytes.replace(0, 16, "not SQLite 3 :)"); // never the SQLite magic by chance
        QCOMPARE(garbage.write(bytes), bytes.size());
    }
    for (QString &argument : arguments) {
        argument.replace(u"{db}"_s, dir.filePath(u"hubbub.db"_s));
        argument.replace(u"{busy}"_s, QString::number(busy.serverPort()));
        argument.replace(u"{garbage}"_s, garbagePath);
        argument.replace(u"{missing}"_s, dir.filePath(u"no/such/folder/hubbub.db"_s));
    }

    for (int run = 1; run <= runs; ++run) {
        const Exit exit = runToExit(arguments);
        const QByteArray what
            = u"run %1 of %2: %3"_s.arg(run).arg(runs).arg(exit.describe()).toLocal8Bit();
        QVERIFY2(exit.finished, what.constData());
        QVERIFY2(exit.status == QProcess::NormalExit, what.constData());
        QVERIFY2(exit.code != 0, what.constData());
        QVERIFY2(exit.out.isEmpty(), what.constData());
        const QStringList err = lines(exit.err);
        QVERIFY2(err.size() == 1, what.constData());
        QVERIFY2(err.constFirst().startsWith(u"hubbub-server: "_s), what.constData());
        QVERIFY2(err.constFirst().size() > 16, what.constData());
    }
}

void tst_ServerBinary::promoteMakesAdmin()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString dbPath = dir.filePath(u"hubbub.db"_s);
    ServerProcess server(serverBinary(), dbPath);
    QVERIFY2(server.start(), qPrintable(server.diagnostics()));
    {
        TestClient client;
        QVERIFY(client.open(server.url()));
        const QJsonObject registered = client.registerUser(u"chief"_s);
        QVERIFY2(isOk(registered), qPrintable(describe(registered)));
        QCOMPARE(registered.value("user"_L1).toObject().value("role"_L1).toString(), u"member"_s);
    }
    QVERIFY2(server.terminate(), qPrintable(server.diagnostics()));

    const Exit promoted = runToExit({u"--db"_s, dbPath, u"--promote"_s, u"chief"_s});
    QVERIFY2(promoted.finished && promoted.status == QProcess::NormalExit && promoted.code == 0,
        qPrintable(promoted.describe()));
    QCOMPARE(QString::fromUtf8(promoted.out), u"chief is now an admin.\n"_s);

    const Exit unknown = runToExit({u"--db"_s, dbPath, u"--promote"_s, u"nobody"_s});
    QVERIFY2(unknown.finished && unknown.status == QProcess::NormalExit && unknown.code != 0,
        qPrintable(unknown.describe()));
    QVERIFY2(unknown.out.isEmpty(), qPrintable(unknown.describe()));
    QVERIFY2(lines(unknown.err).size() == 1
            && lines(unknown.err).constFirst().startsWith(u"hubbub-server: "_s),
        qPrintable(unknown.describe()));

    QVERIFY2(server.start(), qPrintable(server.diagnostics()));
    TestClient client;
    QVERIFY(client.open(server.url()));
    QVERIFY(isOk(hello(client)));
    const QJsonObject login = client.login(u"chief"_s);
    QVERIFY2(isOk(login), qPrintable(describe(login)));
    QCOMPARE(login.value("user"_L1).toObject().value("role"_L1).toString(), u"admin"_s);
    QVERIFY2(server.terminate(), qPrintable(server.diagnostics()));
}

void tst_ServerBinary::closedRegistrationForbidsRegister()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ServerProcess server(serverBinary(), dir.filePath(u"hubbub.db"_s));
    QVERIFY2(server.start({u"--registration"_s, u"closed"_s}), qPrintable(server.diagnostics()));
    TestClient client;
    QVERIFY(client.open(server.url()));
    const QJsonObject reply = client.registerUser(u"outsider"_s);
    QCOMPARE(errorCode(reply), u"forbidden"_s);
    QVERIFY2(client.isConnected(), "the connection stays open after a refusal");
    QVERIFY2(server.terminate(), qPrintable(server.diagnostics()));
}

void tst_ServerBinary::normalDurabilityWorks()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ServerProcess server(serverBinary(), dir.filePath(u"hubbub.db"_s));
    QVERIFY2(server.start({u"--durability"_s, u"normal"_s}), qPrintable(server.diagnostics()));
    {
        TestClient client;
        QVERIFY(client.open(server.url()));
        QVERIFY2(isOk(client.registerUser(u"relaxed"_s)), "register failed");
        const QJsonObject created = client.request(u"post.create"_s, postParams(u"Normal"_s));
        QVERIFY2(isOk(created), qPrintable(describe(created)));
        QCOMPARE(created.value("seq"_L1).toInteger(), 1);
    }
    QVERIFY2(server.terminate(), qPrintable(server.diagnostics()));
    QCOMPARE(server.process().exitCode(), 0);

    QVERIFY2(server.start({u"--durability"_s, u"normal"_s}), qPrintable(server.diagnostics()));
    TestClient client;
    QVERIFY(client.open(server.url()));
    const QJsonObject hi = hello(client);
    QCOMPARE(hi.value("head"_L1).toInteger(-1), 1);
    QVERIFY(isOk(client.login(u"relaxed"_s)));
    QList<QJsonObject> posts;
    QString problem;
    QVERIFY2(fetchFeed(client, posts, problem), qPrintable(problem));
    QCOMPARE(posts.size(), 1);
    QCOMPARE(posts.constFirst().value("title"_L1).toString(), u"Normal"_s);
    QVERIFY2(server.terminate(), qPrintable(server.diagnostics()));
}

QTEST_GUILESS_MAIN(tst_ServerBinary)
#include "tst_serverbinary.moc"
