// Crash durability of the real hubbub-server binary with --durability full. Several clients run
// a write storm (post.create/update/delete, review.create, chat.send/edit) while the server is
// SIGKILLed at a random moment, then restarted on the same SQLite file and port. After each
// restart the file itself is checked: every acknowledged change is there once, nothing is
// half-written (the tables equal a replay of the event log), the log has no gap and
// integrity_check passes. Unacknowledged creates are resent with their nonces and must not
// double; the clients resume with sync and their replicas must equal the database. A SIGTERM in
// the middle of a storm must exit 0, close with 1001 and keep every acknowledged change.
//
// Short form: 20 kills. HUBBUB_LONG_TESTS=1: 200 kills (full database checks every 10th cycle).
// HUBBUB_SEED=N replays a run's random choices (timing still varies).
//
// The storm and its ledger are in crashstorm.{h,cpp}, the replica and database checks in
// crashledger.{h,cpp}.

#include "crashledger.h"
#include "crashstorm.h"
#include "serverprocess.h"
#include "testclient.h"
#include "testenv.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QWebSocketProtocol>

using namespace Hubbub::Test;
using namespace Hubbub::Test::Crash;

namespace {

QString serverBinary()
{
    return QStringLiteral(HUBBUB_SERVER_BINARY);
}

const QStringList &serverArguments()
{
    static const QStringList arguments {QStringLiteral("--durability"), QStringLiteral("full")};
    return arguments;
}

} // namespace

class tst_CrashDurability : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sigkillDuringStormLosesNothingAndClientsConverge();
    void sigtermDuringStormKeepsAcknowledged();
};

void tst_CrashDurability::sigkillDuringStormLosesNothingAndClientsConverge()
{
    const int kills = longTests() ? 200 : 20;
    const int checkEvery = longTests() ? 10 : 1;
    Storm storm(testSeed());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString dbPath = dir.filePath(QStringLiteral("hubbub.db"));
    ServerProcess server(serverBinary(), dbPath);
    QVERIFY2(server.start(serverArguments()), qPrintable(server.diagnostics()));
    const quint16 port = server.port();

    for (StormClient &c : storm.clients()) {
        QString problem;
        QVERIFY2(storm.registerClient(c, server.url(), problem), qPrintable(problem));
    }

    qint64 restartMsTotal = 0;
    qint64 restartMsMax = 0;
    qint64 checkMsMax = 0;
    QList<qint64> ackedPerCycle;
    qint64 resentTotal = 0;
    qint64 resentFound = 0;
    for (int cycle = 0; cycle < kills; ++cycle) {
        const bool fullCheck = cycle % checkEvery == 0 || cycle == kills - 1;
        // The storm, and a SIGKILL at a random moment in it.
        const qint64 ackedBefore = storm.ledger.acked;
        const int killAfterMs = int(storm.rng().bounded(20, 301));
        QTimer::singleShot(killAfterMs, &server.process(), [&server] { server.process().kill(); });
        storm.startCycle();
        QVERIFY2(QTest::qWaitFor(
                     [&] { return server.process().state() == QProcess::NotRunning; }, 30000),
            "the server did not die");
        server.kill(); // reaps it
        QCOMPARE(server.process().exitStatus(), QProcess::CrashExit);
        // Frames already in the clients' sockets still count as seen.
        QVERIFY2(QTest::qWaitFor([&] { return allDisconnected(storm.clients()); }, 10000),
            "a client did not notice the kill");
        storm.active = false;
        const qint64 unanswered = storm.dropUnanswered();
        const qint64 acked = storm.ledger.acked - ackedBefore;
        ackedPerCycle.append(acked);
        QVERIFY2(storm.ledger.problems.isEmpty(), qPrintable(storm.ledger.problems.join(u'\n')));

        // Restart on the same file and port.
        QElapsedTimer restartClock;
        restartClock.start();
        bool started = false;
        for (int attempt = 0; attempt < 5 && !started; ++attempt)
            started = server.start(serverArguments(), port);
        QVERIFY2(started, qPrintable(server.diagnostics()));
        QCOMPARE(server.port(), port);
        const qint64 restartMs = restartClock.elapsed();
        restartMsTotal += restartMs;
        restartMsMax = std::max(restartMsMax, restartMs);
        if (fullCheck || cycle < 3 || cycle % 10 == 0) {
            qInfo("cycle %d: SIGKILL after %d ms; %lld changes acknowledged, %lld unanswered; "
                  "restart %lld ms",
                cycle, killAfterMs, acked, unanswered, restartMs);
        }

        // The file as the crash left it: acknowledged changes there once, nothing partial.
        if (fullCheck) {
            QElapsedTimer checkClock;
            checkClock.start();
            const DbState state = checkDatabase(dbPath, storm.ledger);
            checkMsMax = std::max(checkMsMax, checkClock.elapsed());
            QVERIFY2(state.problems.isEmpty(),
                qPrintable(
                    QStringLiteral("after kill %1:\n").arg(cycle) + state.problems.join(u'\n')));
        }

        // Resume: reconnect, sync from the last applied seq, resend what got no answer.
        for (StormClient &c : storm.clients()) {
            QString problem;
            QVERIFY2(storm.resume(c, server.url(), problem),
                qPrintable(QStringLiteral("client %1: %2").arg(c.index).arg(problem)));
        }
        QStringList problems;
        const QStringList resent = storm.unacknowledgedCreates();
        const QHash<QString, qint64> stored
            = storedIds(dbPath, storm.ledger, resent, storm.clients(), problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        storm.resend(resent);
        QVERIFY2(QTest::qWaitFor([&] { return storm.pendingCount() == 0; }, 30000),
            qPrintable(QStringLiteral("%1 resends unanswered").arg(storm.pendingCount())));
        QVERIFY2(storm.ledger.problems.isEmpty(), qPrintable(storm.ledger.problems.join(u'\n')));
        resentTotal += resent.size();
        resentFound += stored.size();
        // A resend of a create that did commit answers with the original entry.
        for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
            QVERIFY2(idInLedger(storm.ledger, it.key()) == it.value(),
                qPrintable(QStringLiteral("resent %1 answered id %2; stored as %3")
                               .arg(it.key())
                               .arg(idInLedger(storm.ledger, it.key()))
                               .arg(it.value())));
        }

        // Every replica reaches the head and, on check cycles, equals the database.
        const QJsonObject hello = storm.clients()[0].connection->request(
            QStringLiteral("hello"), {{QStringLiteral("protocol"), 1}});
        QVERIFY2(isOk(hello), qPrintable(describe(hello)));
        const qint64 head = intOf(hello, "head");
        for (StormClient &c : storm.clients()) {
            QVERIFY2(QTest::qWaitFor([&] { return c.replica.lastSeq >= head; }, 20000),
                qPrintable(QStringLiteral("client %1 applied up to %2 of %3")
                               .arg(c.index)
                               .arg(c.replica.lastSeq)
                               .arg(head)));
            QVERIFY2(c.replica.problems.isEmpty(), qPrintable(c.replica.problems.join(u'\n')));
        }
        if (fullCheck) {
            const DbState state = checkDatabase(dbPath, storm.ledger);
            QVERIFY2(state.problems.isEmpty(),
                qPrintable(QStringLiteral("after resending, cycle %1:\n").arg(cycle)
                    + state.problems.join(u'\n')));
            QCOMPARE(state.head, head);
            for (StormClient &c : storm.clients()) {
                const QString posts = compareMaps("post", c.replica.posts, state.posts);
                QVERIFY2(posts.isEmpty(), qPrintable(posts));
                const QString messages = compareMaps("message", c.replica.messages, state.messages);
                QVERIFY2(messages.isEmpty(), qPrintable(messages));
            }
        }
    }

    QVERIFY2(server.terminate(), qPrintable(server.diagnostics()));
    QCOMPARE(server.process().exitCode(), 0);
    const DbState final = checkDatabase(dbPath, storm.ledger);
    QVERIFY2(final.problems.isEmpty(), qPrintable(final.problems.join(u'\n')));
    qint64 ackedMin = std::numeric_limits<qint64>::max();
    qint64 ackedMax = 0;
    for (qint64 a : std::as_const(ackedPerCycle)) {
        ackedMin = std::min(ackedMin, a);
        ackedMax = std::max(ackedMax, a);
    }
    qInfo("%d kills: %lld requests, %lld acknowledged (%lld..%lld per cycle); %lld resent, "
          "%lld of them had committed; restart %lld ms average, %lld max; database check "
          "%lld ms max; final: head %lld, %lld posts, %lld reviews, %lld messages",
        kills, storm.ledger.sent, storm.ledger.acked, ackedMin, ackedMax, resentTotal, resentFound,
        restartMsTotal / kills, restartMsMax, checkMsMax, final.head, qint64(final.posts.size()),
        final.reviews, qint64(final.messages.size()));
}

void tst_CrashDurability::sigtermDuringStormKeepsAcknowledged()
{
    Storm storm(testSeed());
    storm.allowShutdownRefusals = true;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString dbPath = dir.filePath(QStringLiteral("hubbub.db"));
    ServerProcess server(serverBinary(), dbPath);
    QVERIFY2(server.start(serverArguments()), qPrintable(server.diagnostics()));
    for (StormClient &c : storm.clients()) {
        QString problem;
        QVERIFY2(storm.registerClient(c, server.url(), problem), qPrintable(problem));
    }
    // A client that only listens: the server holds no unread input from it when it closes.
    TestClient watcher;
    QVERIFY(watcher.open(server.url()));
    QVERIFY2(isOk(watcher.registerUser(QStringLiteral("watcher"))), "register failed");

    const int terminateAfterMs = int(storm.rng().bounded(50, 301));
    QTimer::singleShot(
        terminateAfterMs, &server.process(), [&server] { server.process().terminate(); });
    storm.startCycle();
    QVERIFY2(server.waitForExit(), qPrintable(server.diagnostics()));
    QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.process().exitCode(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(watcher.socket().state(), QAbstractSocket::UnconnectedState, 10000);
    QCOMPARE(watcher.socket().closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    // Writing clients too: the server half-closes after its close frame and reads on until
    // each peer closes, so a request still in flight meets no reset that would destroy the
    // close frame before the client reads it (RFC 6455, 7.1.1).
    int writingClients = 0;
    for (StormClient &c : storm.clients()) {
        QTRY_COMPARE_WITH_TIMEOUT(
            c.connection->socket().state(), QAbstractSocket::UnconnectedState, 10000);
        if (!c.pending.isEmpty())
            ++writingClients;
        QCOMPARE(c.connection->socket().closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    }
    storm.active = false;
    const qint64 unanswered = storm.dropUnanswered();
    // Every reply was ok or the documented shutdown refusal.
    QVERIFY2(storm.ledger.problems.isEmpty(), qPrintable(storm.ledger.problems.join(u'\n')));
    QVERIFY2(storm.ledger.acked > 0, "nothing was acknowledged before the SIGTERM");

    // Everything acknowledged before the close frame is in the file; nothing refused is.
    const DbState state = checkDatabase(dbPath, storm.ledger);
    QVERIFY2(state.problems.isEmpty(), qPrintable(state.problems.join(u'\n')));
    qInfo("SIGTERM after %d ms: %lld sent, %lld acknowledged, %lld refused as shutting down, "
          "%lld unanswered; head %lld; %d clients had requests in flight and got 1001",
        terminateAfterMs, storm.ledger.sent, storm.ledger.acked, storm.ledger.refused, unanswered,
        state.head, writingClients);
}

QTEST_GUILESS_MAIN(tst_CrashDurability)

#include "tst_crashdurability.moc"
