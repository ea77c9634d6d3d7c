// Several real hubbub-server processes on one PostgreSQL database (label postgres; only against
// the fixture's cluster, each case in a database of its own, or the last in a cluster of its
// own): one global seq that every client sees once, in order and without a gap, whichever
// instance it is on and whichever instance wrote; every acknowledged create stored once across
// SIGKILLs of an instance, resends with the same nonce reaching another instance, a lost
// notification, and a restart of PostgreSQL itself; presence per user across instances.
// Figures (delays, restart and resume times) are printed with qInfo.
//
// The storm client is stormclient.{h,cpp}; the databases and the private cluster
// postgresscratch.{h,cpp}.

#include "postgresscratch.h"
#include "serverprocess.h"
#include "stormclient.h"
#include "testclient.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace Hubbub::Test;
using namespace Hubbub::Test::Cluster;
using namespace Qt::StringLiterals;

namespace {

constexpr int Instances = 3;
constexpr int StormClients = 6; //!< two per instance
constexpr int Creates = 150; //!< per client: posts and chat messages, every one with a nonce
constexpr int Window = 8; //!< per client, in flight
constexpr int Kills = 4;
constexpr int PollMs = 500; //!< ServerConfig::followerPoll, the default
constexpr int OfflineBoundMs = 20000; //!< docs: offline within 20 s of an instance's death

qint64 totalAcked(const std::vector<std::unique_ptr<StormClient>> &clients)
{
    qint64 acked = 0;
    for (const auto &c : clients)
        acked += c->acked();
    return acked;
}

bool allFinished(const std::vector<std::unique_ptr<StormClient>> &clients)
{
    for (const auto &c : clients) {
        if (!c->finished())
            return false;
    }
    return true;
}

//! Presence frames `event` ("online"/"offline") about `userId` that `observer` got.
qsizetype presenceCount(const TestClient &observer, const QString &event, qint64 userId)
{
    qsizetype n = 0;
    for (const QJsonObject &frame : observer.ephemeral()) {
        if (stringOf(frame, "type") == u"presence" && stringOf(frame, "event") == event
            && idOf(objectOf(frame, "user")) == userId)
            ++n;
    }
    return n;
}

//! Everything wrong with the stored log and rows against what the clients were told: the log
//! is 1..head without a gap, each post and message has exactly one created event (its
//! created_seq) and nothing else is in the log, and every create of every client is stored
//! once under its nonce with the id and seq its reply gave.
QStringList checkStored(const ScratchDatabase &db,
    const std::vector<std::unique_ptr<StormClient>> &clients, const QList<StoredEvent> &events)
{
    QStringList problems;
    QHash<qint64, qint64> postCreated; // post id -> seq of its post.created
    QHash<qint64, qint64> messageCreated;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const StoredEvent &e = events.at(i);
        if (e.seq != i + 1 || seqOf(e.frame) != e.seq)
            problems.append(
                u"log: row %1 has seq %2, frame seq %3"_s.arg(i).arg(e.seq).arg(seqOf(e.frame)));
        const QString name = eventName(e.frame);
        QHash<qint64, qint64> &created = name == u"post.created" ? postCreated : messageCreated;
        const qint64 id = idOf(objectOf(e.frame, name == u"post.created" ? "post" : "message"));
        if (name != u"post.created" && name != u"message.created")
            problems.append(u"log: unexpected event at %1: %2"_s.arg(e.seq).arg(dump(e.frame)));
        else if (created.contains(id))
            problems.append(u"log: %1 of id %2 twice, at %3 and %4"_s.arg(name).arg(id).arg(
                created.value(id), e.seq));
        else
            created.insert(id, e.seq);
    }
    // (author, nonce) -> (id, created_seq) of posts and messages
    QHash<QString, std::pair<qint64, qint64>> stored;
    for (const QString &table : {u"posts"_s, u"messages"_s}) {
        const QHash<qint64, qint64> &created = table == u"posts" ? postCreated : messageCreated;
        const QList<QVariantList> rows
            = db.select(u"SELECT id, author_id, nonce, created_seq FROM "_s + table, {}, problems);
        if (rows.size() != created.size())
            problems.append(u"%1: %2 rows, %3 created events"_s.arg(table)
                                .arg(rows.size())
                                .arg(created.size()));
        for (const QVariantList &row : rows) {
            const qint64 id = row.at(0).toLongLong();
            const qint64 seq = row.at(3).toLongLong();
            if (created.value(id) != seq)
                problems.append(
                    u"%1 id %2: created_seq %3, its event at %4"_s.arg(table).arg(id).arg(seq).arg(
                        created.value(id)));
            stored.insert(table + row.at(1).toString() + u'/' + row.at(2).toString(), {id, seq});
        }
    }
    qsizetype planned = 0;
    for (const auto &c : clients) {
        planned += c->creates().size();
        for (const Create &create : c->creates()) {
            const QString key = (create.post ? u"posts"_s : u"messages"_s)
                + QString::number(c->userId()) + u'/' + create.nonce;
            const auto it = stored.constFind(key);
            if (!create.acked)
                problems.append(u"%1 was never acknowledged"_s.arg(create.nonce));
            else if (it == stored.cend())
                problems.append(
                    u"%1 acknowledged (id %2) but not stored"_s.arg(create.nonce).arg(create.id));
            else if (it->first != create.id || it->second != create.seq)
                problems.append(
                    u"%1 acknowledged as id %2 seq %3, stored as id %4 seq %5"_s.arg(create.nonce)
                        .arg(create.id)
                        .arg(create.seq)
                        .arg(it->first)
                        .arg(it->second));
        }
    }
    if (stored.size() != planned)
        problems.append(u"%1 rows stored for %2 creates"_s.arg(stored.size()).arg(planned));
    return problems;
}

//! Empty when `view` holds exactly the events after `base`, frame for frame.
QString compareView(const StormClient &c, const QList<StoredEvent> &events)
{
    const QMap<qint64, QJsonObject> &view = c.view();
    qsizetype expected = 0;
    for (const StoredEvent &e : events) {
        if (e.seq <= c.base())
            continue;
        ++expected;
        if (view.value(e.seq) != e.frame)
            return u"%1: seq %2 is %3, stored %4"_s.arg(c.username())
                .arg(e.seq)
                .arg(dump(view.value(e.seq)), dump(e.frame));
    }
    if (view.size() != expected)
        return u"%1: %2 events seen, %3 stored"_s.arg(c.username()).arg(view.size()).arg(expected);
    return {};
}

} // namespace

class tst_MultiInstance : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void stormOverThreeInstancesDeliversEverySeqOnce();
    void instanceKilledDuringStormLosesNothing();
    void lostNotificationDelaysButNeverLoses();
    void presenceIsPerUserAcrossInstances();
    void postgresRestartUnderRunningInstances();

private:
    //! A fresh database for this case in the fixture's cluster.
    bool makeDatabase();
    //! Starts (or restarts) instance `i` on `url`, all of them sharing one data folder.
    bool startInstance(int i, const QString &url);
    QUrl urlOf(int i) const { return m_servers.at(i)->url(); }
    //! Registers `count` storm clients, client k on instance k % instances.
    bool registerStormClients(int count, int instances, int creates, int window);
    void runStorm();
    //! The final checks of a storm: every client at the head, the log and the rows as the
    //! clients were told, and every view equal to the log.
    void checkConverged();
    //! sync from 0 on every instance returns the log, frame for frame.
    void checkSyncEverywhere();
    //! The backends of the instances' followers on this case's database, oldest first.
    QList<qint64> followers(QStringList &problems) const;
    //! A new connection to instance `i` signed in with `token`.
    std::unique_ptr<TestClient> signIn(int i, const QString &token);

    std::unique_ptr<PrivateCluster> m_cluster; //!< the last case's; it restarts PostgreSQL
    std::unique_ptr<ScratchDatabase> m_db;
    std::unique_ptr<QTemporaryDir> m_dataDir;
    std::vector<std::unique_ptr<ServerProcess>> m_servers;
    std::vector<std::unique_ptr<StormClient>> m_clients;
    QString m_url;
};

void tst_MultiInstance::initTestCase()
{
    if (const QString why = Cluster::skipReason(); !why.isEmpty())
        QSKIP(qPrintable(why));
}

void tst_MultiInstance::cleanup()
{
    m_clients.clear();
    m_servers.clear(); // SIGKILLs what still runs
    m_db.reset();
    m_cluster.reset();
    m_dataDir.reset();
}

bool tst_MultiInstance::makeDatabase()
{
    m_db = std::make_unique<ScratchDatabase>(testPostgresUrl());
    if (!m_db->isValid()) {
        qWarning("%s", qPrintable(m_db->errorString()));
        return false;
    }
    m_url = m_db->url();
    return true;
}

bool tst_MultiInstance::startInstance(int i, const QString &url)
{
    if (!m_dataDir)
        m_dataDir = std::make_unique<QTemporaryDir>();
    while (int(m_servers.size()) <= i)
        m_servers.push_back(
            std::make_unique<ServerProcess>(QStringLiteral(HUBBUB_SERVER_BINARY), url));
    if (m_servers.at(i)->start({u"--data-dir"_s, m_dataDir->path()}))
        return true;
    qWarning("instance %d did not start: %s", i, qPrintable(m_servers.at(i)->diagnostics()));
    return false;
}

bool tst_MultiInstance::registerStormClients(int count, int instances, int creates, int window)
{
    for (int k = 0; k < count; ++k) {
        auto c = std::make_unique<StormClient>(u"storm%1"_s.arg(k), creates, window);
        QString problem;
        if (!c->registerOn(k % instances, urlOf(k % instances), &problem)) {
            qWarning("%s", qPrintable(problem));
            return false;
        }
        m_clients.push_back(std::move(c));
    }
    return true;
}

void tst_MultiInstance::runStorm()
{
    for (auto &c : m_clients)
        c->setActive(true);
}

std::unique_ptr<TestClient> tst_MultiInstance::signIn(int i, const QString &token)
{
    auto client = std::make_unique<TestClient>();
    if (!client->open(urlOf(i)) || !isOk(client->request(u"auth.token"_s, {{u"token"_s, token}})))
        return {};
    return client;
}

QList<qint64> tst_MultiInstance::followers(QStringList &problems) const
{
    // Each instance's follower connection names itself (application_name hubbub-follower).
    QList<qint64> pids;
    const QList<QVariantList> rows
        = m_db->select(u"SELECT pid FROM pg_stat_activity WHERE datname = ? AND application_name = "
                       "'hubbub-follower' ORDER BY backend_start, pid"_s,
            {m_db->name()}, problems);
    for (const QVariantList &row : rows)
        pids.append(row.at(0).toLongLong());
    return pids;
}

void tst_MultiInstance::checkConverged()
{
    QStringList problems;
    const QList<StoredEvent> events = m_db->events(problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QVERIFY(!events.isEmpty());
    const qint64 head = events.last().seq;
    for (auto &c : m_clients) {
        QVERIFY2(QTest::qWaitFor([&] { return c->lastSeq() >= head; }, 20000),
            qPrintable(
                u"%1 applied up to %2 of %3"_s.arg(c->username()).arg(c->lastSeq()).arg(head)));
        QVERIFY2(c->problems().isEmpty(), qPrintable(c->problems().join(u'\n')));
        const QString difference = compareView(*c, events);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }
    problems = checkStored(*m_db, m_clients, events);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void tst_MultiInstance::checkSyncEverywhere()
{
    QStringList problems;
    const QList<StoredEvent> events = m_db->events(problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QVERIFY(!events.isEmpty());
    const qint64 head = events.last().seq;
    // Each instance's own reading of the log: sync from 0 returns it, frame for frame.
    for (int i = 0; i < int(m_servers.size()); ++i) {
        const std::unique_ptr<TestClient> reader = signIn(i, m_clients.front()->token());
        QVERIFY2(reader, qPrintable(u"cannot sign in on instance %1"_s.arg(i)));
        const QJsonObject sync = reader->request(u"sync"_s, {{u"since"_s, 0}}, 20000);
        QVERIFY2(isOk(sync), qPrintable(u"instance %1: %2"_s.arg(i).arg(dump(sync))));
        QCOMPARE(intOf(sync, "head"), head);
        const QJsonArray synced = sync.value("events"_L1).toArray();
        QCOMPARE(synced.size(), events.size());
        for (qsizetype k = 0; k < events.size(); ++k) {
            QVERIFY2(synced.at(k).toObject() == events.at(k).frame,
                qPrintable(u"instance %1, seq %2: synced %3, stored %4"_s.arg(i)
                               .arg(events.at(k).seq)
                               .arg(dump(synced.at(k)), dump(events.at(k).frame))));
        }
    }
}

void tst_MultiInstance::stormOverThreeInstancesDeliversEverySeqOnce()
{
    QVERIFY(makeDatabase());
    for (int i = 0; i < Instances; ++i)
        QVERIFY(startInstance(i, m_url));
    QVERIFY(registerStormClients(StormClients, Instances, Creates, Window));

    QElapsedTimer clock;
    clock.start();
    runStorm();
    QVERIFY2(QTest::qWaitFor([&] { return allFinished(m_clients); }, 60000),
        qPrintable(u"%1 of %2 creates acknowledged"_s.arg(totalAcked(m_clients))
                       .arg(StormClients * Creates)));
    const qint64 stormMs = clock.elapsed();
    checkConverged();
    checkSyncEverywhere();
    // No resume here: every client got the whole log live, each seq once and in order.
    const qint64 head = m_clients.front()->lastSeq();
    QCOMPARE(head, qint64(StormClients) * Creates);
    QList<qint64> all;
    for (qint64 seq = 1; seq <= head; ++seq)
        all.append(seq);
    for (const auto &c : m_clients)
        QVERIFY2(c->liveSeqs() == all, qPrintable(c->username() + u" saw another live stream"_s));
    qInfo("%d creates from %d clients over %d instances in %lld ms (%.0f/s), every seq live "
          "once and in order on every client",
        StormClients * Creates, StormClients, Instances, stormMs,
        1000.0 * StormClients * Creates / std::max<qint64>(stormMs, 1));
}

void tst_MultiInstance::instanceKilledDuringStormLosesNothing()
{
    QVERIFY(makeDatabase());
    for (int i = 0; i < Instances; ++i)
        QVERIFY(startInstance(i, m_url));
    QVERIFY(registerStormClients(StormClients, Instances, Creates, Window));
    const auto clientsOn = [this](int i) {
        int n = 0;
        for (const auto &c : m_clients)
            n += c->instance() == i ? 1 : 0;
        return n;
    };

    runStorm();
    const qint64 total = qint64(StormClients) * Creates;
    qint64 resumeMsMax = 0;
    for (int kill = 0; kill < Kills; ++kill) {
        const qint64 target = total * (15 + 20 * kill) / 100;
        QVERIFY2(QTest::qWaitFor([&] { return totalAcked(m_clients) >= target; }, 60000),
            qPrintable(u"stuck at %1 of %2 acknowledged"_s.arg(totalAcked(m_clients)).arg(target)));
        // The instance with the most clients: every kill cuts some off.
        int victim = 0;
        for (int i = 1; i < Instances; ++i)
            victim = clientsOn(i) > clientsOn(victim) ? i : victim;
        const qint64 ackedAtKill = totalAcked(m_clients);
        QElapsedTimer clock;
        clock.start();
        m_servers.at(victim)->kill();
        QCOMPARE(m_servers.at(victim)->process().exitStatus(), QProcess::CrashExit);
        int moved = 0;
        for (auto &c : m_clients) {
            if (c->instance() != victim)
                continue;
            QVERIFY2(QTest::qWaitFor([&] { return !c->isConnected(); }, 10000),
                qPrintable(c->username() + u" did not notice the kill"_s));
            // To the live instance with the fewest clients; sync from its last seq, then the
            // creates that got no answer again, same nonces.
            int to = -1;
            for (int i = 0; i < Instances; ++i) {
                if (i != victim && (to < 0 || clientsOn(i) < clientsOn(to)))
                    to = i;
            }
            QString problem;
            QVERIFY2(c->resume(to, urlOf(to), &problem), qPrintable(problem));
            c->resendUnacked();
            ++moved;
        }
        const qint64 resumeMs = clock.elapsed();
        resumeMsMax = std::max(resumeMsMax, resumeMs);
        clock.restart();
        QVERIFY(startInstance(victim, m_url));
        qInfo("kill %d: instance %d SIGKILLed at %lld acknowledged; its %d clients resumed "
              "elsewhere in %lld ms; restarted in %lld ms",
            kill, victim, ackedAtKill, moved, resumeMs, clock.elapsed());
    }
    QVERIFY2(QTest::qWaitFor([&] { return allFinished(m_clients); }, 60000),
        qPrintable(u"%1 of %2 creates acknowledged"_s.arg(totalAcked(m_clients)).arg(total)));
    checkConverged();
    checkSyncEverywhere();
    qInfo("%d kills: every create stored once; failover (kill to clients resumed on another "
          "instance) %lld ms at most",
        Kills, resumeMsMax);
}

void tst_MultiInstance::lostNotificationDelaysButNeverLoses()
{
    QVERIFY(makeDatabase());
    // B first, alone: its follower is the only one on this database.
    QVERIFY(startInstance(0, m_url));
    QStringList problems;
    QList<qint64> followersOfB;
    QVERIFY(
        QTest::qWaitFor([&] { return (followersOfB = followers(problems)).size() == 1; }, 5000));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QVERIFY(startInstance(1, m_url));
    TestClient b, a;
    QVERIFY(b.open(urlOf(0)));
    QVERIFY(a.open(urlOf(1)));
    QVERIFY(isOk(b.registerUser(u"bea"_s)));
    QVERIFY(isOk(a.registerUser(u"ada"_s)));
    QHash<qint64, qint64> seenAt; // seq -> ms on the clock, when b got it
    QElapsedTimer clock;
    clock.start();
    connect(&b, &TestClient::frameReceived, this, [&](const QJsonObject &frame) {
        if (stringOf(frame, "type") == u"event")
            seenAt.insert(seqOf(frame), clock.elapsed());
    });
    const auto post = [&a](const QString &title) {
        return a.request(u"post.create"_s, {{u"title"_s, title}, {u"content"_s, u"."_s}});
    };

    // Notified: B has A's write at once.
    const qint64 before = clock.elapsed();
    const QJsonObject first = post(u"notified"_s);
    QVERIFY2(isOk(first), qPrintable(dump(first)));
    QVERIFY(QTest::qWaitFor([&] { return seenAt.contains(seqOf(first)); }, 5000));
    const qint64 notifiedMs = seenAt.value(seqOf(first)) - before;

    // B's LISTEN connection goes: what A writes now wakes nothing on B.
    const QList<QVariantList> terminated
        = m_db->select(u"SELECT pg_terminate_backend(?)"_s, {followersOfB.front()}, problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QVERIFY(!terminated.isEmpty() && terminated.front().at(0).toBool());
    QVERIFY(
        QTest::qWaitFor([&] { return !followers(problems).contains(followersOfB.front()); }, 5000));
    QList<qint64> ackedAt;
    QList<qint64> seqs;
    for (int k = 0; k < 10; ++k) {
        const QJsonObject reply = post(u"unnotified %1"_s.arg(k));
        QVERIFY2(isOk(reply), qPrintable(dump(reply)));
        ackedAt.append(clock.elapsed());
        seqs.append(seqOf(reply));
    }
    QVERIFY2(QTest::qWaitFor([&] { return seenAt.contains(seqs.last()); }, 10 * PollMs),
        qPrintable(u"B has events up to %1 of %2"_s.arg(b.lastSeq()).arg(seqs.last())));
    qint64 delayMax = 0;
    for (qsizetype k = 0; k < seqs.size(); ++k)
        delayMax = std::max(delayMax, seenAt.value(seqs.at(k)) - ackedAt.at(k));
    // In order, each once, no gap: the whole log, since b signed in before the first write.
    QList<qint64> seen;
    for (const QJsonObject &event : b.events())
        seen.append(seqOf(event));
    QList<qint64> all;
    for (qint64 seq = 1; seq <= seqs.last(); ++seq)
        all.append(seq);
    QCOMPARE(seen, all);
    QVERIFY2(delayMax <= 4 * PollMs, qPrintable(u"B saw a write %1 ms late"_s.arg(delayMax)));
    // B listens again, on a new connection.
    QList<qint64> now;
    QVERIFY2(QTest::qWaitFor([&] { return (now = followers(problems)).size() == 2; }, 5000),
        qPrintable(u"followers: %1"_s.arg(now.size())));
    QVERIFY(!now.contains(followersOfB.front()));

    // The bus on that new connection: one presence frame and one typing frame, not two.
    TestClient c;
    QVERIFY(c.open(urlOf(1)));
    QVERIFY(isOk(c.registerUser(u"cyd"_s)));
    QVERIFY(!b.waitEphemeral([&](const QJsonObject &f) {
                  return stringOf(f, "event") == u"online"
                      && idOf(objectOf(f, "user")) == c.userId();
              }).isEmpty());
    QVERIFY(isOk(a.request(u"chat.typing"_s, {{u"channelId"_s, 1}})));
    QVERIFY(!b.waitEphemeral([](const QJsonObject &f) {
                  return stringOf(f, "type") == u"typing";
              }).isEmpty());
    // What the follower gets after them on the same connection: the bus is drained by then.
    const QJsonObject barrier = post(u"barrier"_s);
    QVERIFY(QTest::qWaitFor([&] { return seenAt.contains(seqOf(barrier)); }, 5000));
    QCOMPARE(presenceCount(b, u"online"_s, c.userId()), 1);
    qsizetype typing = 0;
    for (const QJsonObject &frame : b.ephemeral())
        typing += stringOf(frame, "type") == u"typing" ? 1 : 0;
    QCOMPARE(typing, 1);
    qInfo("B saw A's write %lld ms after it was sent (notified); with its LISTEN connection "
          "terminated, %lld ms after the acknowledgement at most (poll %d ms)",
        notifiedMs, delayMax, PollMs);
}

void tst_MultiInstance::presenceIsPerUserAcrossInstances()
{
    QVERIFY(makeDatabase());
    // A first, alone: its row in `instances` is the only one.
    QVERIFY(startInstance(0, m_url));
    QStringList problems;
    const QList<QVariantList> rows = m_db->select(u"SELECT id FROM instances"_s, {}, problems);
    QVERIFY2(rows.size() == 1, qPrintable(problems.join(u'\n')));
    const QString idOfA = rows.front().at(0).toString();
    QVERIFY(startInstance(1, m_url));
    QVERIFY(startInstance(2, m_url));
    // Accounts first (each signs in by token later): the observer, the user on two instances,
    // two markers, and the user whose instance dies.
    QHash<QString, QString> tokens;
    QHash<QString, qint64> ids;
    for (const QString &name : {u"olga"_s, u"uma"_s, u"mark1"_s, u"mark2"_s, u"vic"_s}) {
        TestClient client;
        QVERIFY(client.open(urlOf(2)));
        QVERIFY(isOk(client.registerUser(name)));
        tokens.insert(name, client.token());
        ids.insert(name, client.userId());
        client.close();
    }
    const std::unique_ptr<TestClient> observer = signIn(2, tokens.value(u"olga"_s));
    QVERIFY(observer);
    const auto waitPresence = [&](const QString &event, const QString &name, int timeoutMs) {
        return QTest::qWaitFor(
            [&] { return presenceCount(*observer, event, ids.value(name)) > 0; }, timeoutMs);
    };
    // Everyone registered is offline again before the case begins.
    for (const QString &name : {u"uma"_s, u"mark1"_s, u"mark2"_s, u"vic"_s})
        QVERIFY(QTest::qWaitFor(
            [&] {
                const QJsonObject list = observer->request(u"presence.list"_s);
                return !dump(list.value("users"_L1)).contains(u"\""_s + name + u"\""_s);
            },
            5000));
    observer->clearEvents();

    // uma on A, then on B: online once.
    const std::unique_ptr<TestClient> umaA = signIn(0, tokens.value(u"uma"_s));
    QVERIFY(umaA);
    QVERIFY(waitPresence(u"online"_s, u"uma"_s, 5000));
    const std::unique_ptr<TestClient> umaB = signIn(1, tokens.value(u"uma"_s));
    QVERIFY(umaB);
    // mark1 signs in on B after uma: its online comes after anything uma's second sign-in said.
    const std::unique_ptr<TestClient> mark1 = signIn(1, tokens.value(u"mark1"_s));
    QVERIFY(mark1);
    QVERIFY(waitPresence(u"online"_s, u"mark1"_s, 5000));
    QCOMPARE(presenceCount(*observer, u"online"_s, ids.value(u"uma"_s)), 1);

    // One of her connections closes: nothing (mark2 on A after it, as the marker).
    umaA->close();
    const std::unique_ptr<TestClient> mark2 = signIn(0, tokens.value(u"mark2"_s));
    QVERIFY(mark2);
    QVERIFY(waitPresence(u"online"_s, u"mark2"_s, 5000));
    QCOMPARE(presenceCount(*observer, u"offline"_s, ids.value(u"uma"_s)), 0);

    // The last one closes: offline.
    QElapsedTimer clock;
    clock.start();
    umaB->close();
    QVERIFY(waitPresence(u"offline"_s, u"uma"_s, 5000));
    const qint64 closeMs = clock.elapsed();
    QCOMPARE(presenceCount(*observer, u"online"_s, ids.value(u"uma"_s)), 1);

    // vic's only connection is on A, which dies just after its heartbeat (the longest wait).
    const std::unique_ptr<TestClient> vic = signIn(0, tokens.value(u"vic"_s));
    QVERIFY(vic);
    QVERIFY(waitPresence(u"online"_s, u"vic"_s, 5000));
    const auto heartbeatOfA = [&] {
        const QList<QVariantList> beat
            = m_db->select(u"SELECT heartbeat_at FROM instances WHERE id = ?"_s, {idOfA}, problems);
        return beat.isEmpty() ? qint64(-1) : beat.front().at(0).toLongLong();
    };
    const qint64 lastBeat = heartbeatOfA();
    QVERIFY(lastBeat > 0);
    QVERIFY(QTest::qWaitFor([&] { return heartbeatOfA() != lastBeat; }, 8000));
    clock.restart();
    m_servers.at(0)->kill();
    QVERIFY(waitPresence(u"offline"_s, u"vic"_s, OfflineBoundMs + 10000));
    const qint64 deadMs = clock.elapsed();
    QCOMPARE(presenceCount(*observer, u"offline"_s, ids.value(u"vic"_s)), 1);
    QCOMPARE(presenceCount(*observer, u"offline"_s, ids.value(u"uma"_s)), 1);
    qInfo("offline %lld ms after the last connection closed; %lld ms after the SIGKILL of its "
          "instance just after a heartbeat (bound %d ms)",
        closeMs, deadMs, OfflineBoundMs);
    QVERIFY2(deadMs <= OfflineBoundMs,
        qPrintable(u"offline %1 ms after the instance died"_s.arg(deadMs)));
}

void tst_MultiInstance::postgresRestartUnderRunningInstances()
{
    m_cluster = std::make_unique<PrivateCluster>();
    PrivateCluster &cluster = *m_cluster;
    QString error;
    QVERIFY2(cluster.start(&error), qPrintable(error));
    m_url = cluster.url();
    for (int i = 0; i < 2; ++i)
        QVERIFY(startInstance(i, m_url));
    QVERIFY(registerStormClients(4, 2, 100, 4));
    runStorm();
    QVERIFY(QTest::qWaitFor([&] { return totalAcked(m_clients) >= 100; }, 30000));

    const qint64 ackedBefore = totalAcked(m_clients);
    QElapsedTimer clock;
    clock.start();
    QProcess &restart = cluster.restartImmediately();
    QVERIFY(QTest::qWaitFor([&] { return restart.state() == QProcess::NotRunning; }, 60000));
    QVERIFY2(restart.exitCode() == 0, restart.readAll().constData());
    const qint64 restartMs = clock.elapsed();
    for (int i = 0; i < 2; ++i)
        QVERIFY2(m_servers.at(i)->isRunning(), qPrintable(m_servers.at(i)->diagnostics()));

    // Those refused with `internal` go again, same nonce, as a client retries: at a client's
    // pace (a fixed pause between rounds), until each is acknowledged.
    qint64 resumedMs = -1;
    for (int round = 0; round < 100 && !allFinished(m_clients); ++round) {
        QVERIFY(QTest::qWaitFor(
            [&] {
                for (const auto &c : m_clients) {
                    if (c->inFlight() > 0)
                        return false;
                }
                return true;
            },
            20000));
        if (resumedMs < 0 && totalAcked(m_clients) > ackedBefore)
            resumedMs = clock.elapsed();
        for (auto &c : m_clients) {
            QVERIFY2(c->isConnected(), qPrintable(c->username() + u" was disconnected"_s));
            c->resendUnacked();
        }
        QTest::qWait(100);
    }
    QVERIFY2(allFinished(m_clients),
        qPrintable(u"%1 acknowledged after 100 rounds"_s.arg(totalAcked(m_clients))));
    qint64 refused = 0;
    for (const auto &c : m_clients)
        refused += c->internalErrors();
    // Live events only: nothing lost, doubled or half-written, every view the log.
    m_db = std::make_unique<ScratchDatabase>(m_url, ScratchDatabase::Mode::Existing);
    checkConverged();
    if (QTest::currentTestFailed())
        return;
    // Reads: a resync on each connection, and sync from 0 on each instance.
    for (auto &c : m_clients) {
        QString problem;
        QVERIFY2(c->resync(&problem), qPrintable(problem));
    }
    checkSyncEverywhere();
    qInfo("PostgreSQL restarted (immediate) after %lld creates acknowledged, in %lld ms; %lld "
          "requests answered internal and were resent; writes acknowledged again %lld ms after "
          "the restart began, %lld ms after PostgreSQL accepted connections again",
        ackedBefore, restartMs, refused, resumedMs, resumedMs - restartMs);
}

QTEST_GUILESS_MAIN(tst_MultiInstance)
#include "tst_multiinstance.moc"
