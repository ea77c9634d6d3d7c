// The event log against a real in-process server on loopback: broadcast order, sync after a
// reconnect, retention, restarts, durable acknowledgements and group commit.

#include "store/writer.h"
#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>
#include <map>
#include <memory>
#include <vector>

using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

namespace {

QJsonObject helloParams()
{
    return {{u"protocol"_s, 1}, {u"client"_s, u"tst_sync/1"_s}};
}

//! The server's head as `hello` reports it; -1 on failure.
qint64 headOf(TestClient &client)
{
    const QJsonObject reply = client.request(u"hello"_s, helloParams());
    return isOk(reply) ? reply.value("head"_L1).toInteger() : -1;
}

//! Opens `client` and logs it in with an existing token (no password hashing).
bool resume(TestClient &client, const QUrl &url, const QString &token)
{
    if (!client.open(url))
        return false;
    if (!isOk(client.request(u"hello"_s, helloParams())))
        return false;
    const QJsonObject reply = client.request(u"auth.token"_s, {{u"token"_s, token}});
    if (!isOk(reply)) {
        qWarning("auth.token failed: %s", qPrintable(dump(reply)));
        return false;
    }
    return true;
}

QJsonObject chatSend(qint64 channelId, const QString &text)
{
    return {{u"channelId"_s, channelId}, {u"text"_s, text}};
}

QJsonObject postCreate(const QString &title)
{
    return {{u"title"_s, title}, {u"content"_s, QString(u"content of "_s + title)}};
}

//! Waits for every reply; their seqs in `seqs`. False when one is missing or not ok.
bool waitAll(
    TestClient &client, const QList<qint64> &requestIds, QList<qint64> *seqs, int timeoutMs = 30000)
{
    bool allOk = true;
    for (qint64 id : requestIds) {
        const QJsonObject reply = client.waitReply(id, timeoutMs);
        if (!isOk(reply)) {
            qWarning("request %lld failed: %s", id, qPrintable(dump(reply)));
            allOk = false;
            continue;
        }
        if (seqs)
            seqs->append(seqOf(reply));
    }
    return allOk;
}

//! `count` chat.send requests sent without waiting; returns their request ids.
QList<qint64> pipelineSends(
    TestClient &client, int count, const QString &prefix, qint64 channelId = 1)
{
    QList<qint64> ids;
    for (int i = 0; i < count; ++i)
        ids.append(client.send(u"chat.send"_s, chatSend(channelId, prefix + QString::number(i))));
    return ids;
}

QList<qint64> seqsOf(const QList<QJsonObject> &events)
{
    QList<qint64> seqs;
    for (const QJsonObject &event : events)
        seqs.append(seqOf(event));
    return seqs;
}

QList<qint64> range(qint64 first, qint64 last)
{
    QList<qint64> list;
    for (qint64 s = first; s <= last; ++s)
        list.append(s);
    return list;
}

QList<QJsonObject> eventsAfter(const QList<QJsonObject> &events, qint64 seq)
{
    QList<QJsonObject> after;
    for (const QJsonObject &event : events) {
        if (seqOf(event) > seq)
            after.append(event);
    }
    return after;
}

QList<QJsonObject> objects(const QJsonArray &array)
{
    QList<QJsonObject> list;
    for (const QJsonValue &value : array)
        list.append(value.toObject());
    return list;
}

//! Lets many pipelined requests through the per-connection rate limit.
void allowBursts(Hubbub::Server::ServerConfig &config)
{
    config.requestsPerSecond = 1e6;
    config.requestBurst = 1e6;
}

} // namespace

class tst_Sync : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void broadcastReachesEveryClientOnceInOrder();
    void syncAfterReconnect();
    void syncMergesWithConcurrentLiveEvents();
    void syncOnFreshServer();
    void syncRejects_data();
    void syncRejects();
    void syncTooOldAfterPruning();
    void restartKeepsEverything();
    void acknowledgedWriteIsDurable();
    void groupCommitBatches();
};

void tst_Sync::broadcastReachesEveryClientOnceInOrder()
{
    TestServer server;
    QVERIFY(server.start());
    std::vector<std::unique_ptr<TestClient>> clients;
    for (int i = 0; i < 5; ++i)
        clients.push_back(std::make_unique<TestClient>());
    TestClient &ada = *clients[0];
    TestClient &bob = *clients[1];
    QVERIFY(ada.open(server.url()));
    QVERIFY(bob.open(server.url()));
    QVERIFY(isOk(ada.registerUser(u"ada"_s)));
    QVERIFY(isOk(bob.registerUser(u"bob"_s)));
    // Three more connections, logged in with the writers' tokens (no password hashing).
    QVERIFY(resume(*clients[2], server.url(), ada.token()));
    QVERIFY(resume(*clients[3], server.url(), bob.token()));
    QVERIFY(resume(*clients[4], server.url(), bob.token()));
    QCOMPARE(server.server()->authenticatedCount(), 5);

    const qint64 head0 = headOf(ada);
    QVERIFY(head0 >= 0);
    for (auto &client : clients)
        client->clearEvents();

    // Two writers, ten changes each, of several kinds, all in flight at once.
    QList<qint64> adaRequests;
    QList<qint64> bobRequests;
    for (int i = 0; i < 10; ++i) {
        if (i % 2 == 0)
            adaRequests.append(ada.send(u"chat.send"_s, chatSend(1, u"a"_s + QString::number(i))));
        else
            adaRequests.append(ada.send(u"post.create"_s, postCreate(u"a"_s + QString::number(i))));
        if (i == 0)
            bobRequests.append(
                bob.send(u"channel.create"_s, {{u"name"_s, u"bobs"_s}, {u"topic"_s, u"b"_s}}));
        else
            bobRequests.append(bob.send(u"chat.send"_s, chatSend(1, u"b"_s + QString::number(i))));
    }
    QList<qint64> replySeqs;
    QVERIFY(waitAll(ada, adaRequests, &replySeqs));
    QVERIFY(waitAll(bob, bobRequests, &replySeqs));
    std::sort(replySeqs.begin(), replySeqs.end());
    QCOMPARE(replySeqs, range(head0 + 1, head0 + 20));

    // A sentinel after the twenty: once it has arrived, everything before it has too.
    const QJsonObject sentinel = ada.request(u"chat.send"_s, chatSend(1, u"sentinel"_s));
    QVERIFY2(isOk(sentinel), qPrintable(dump(sentinel)));
    QCOMPARE(seqOf(sentinel), head0 + 21);

    for (std::size_t i = 0; i < clients.size(); ++i) {
        TestClient &client = *clients[i];
        QTRY_VERIFY_WITH_TIMEOUT(client.lastSeq() >= head0 + 21, 10000);
        // Exactly once each, strictly increasing, consecutive.
        QCOMPARE(seqsOf(client.events()), range(head0 + 1, head0 + 21));
        QCOMPARE(client.events().last().value("message"_L1).toObject().value("text"_L1),
            QJsonValue(u"sentinel"_s));
    }
    // Every client saw the same frames.
    for (std::size_t i = 1; i < clients.size(); ++i)
        QCOMPARE(clients[i]->events(), clients[0]->events());
}

void tst_Sync::syncAfterReconnect()
{
    TestServer server;
    QVERIFY(server.start());
    TestClient ada;
    auto carol = std::make_unique<TestClient>();
    QVERIFY(ada.open(server.url()));
    QVERIFY(carol->open(server.url()));
    QVERIFY(isOk(ada.registerUser(u"ada"_s)));
    QVERIFY(isOk(carol->registerUser(u"carol"_s)));

    // Carol sees a few changes, then goes away.
    QList<qint64> early;
    QVERIFY(waitAll(ada, pipelineSends(ada, 3, u"early"_s), &early));
    QTRY_COMPARE_WITH_TIMEOUT(carol->lastSeq(), early.last(), 10000);
    const qint64 lastSeq = carol->lastSeq();
    const QString token = carol->token();
    const qint64 carolId = carol->userId();
    carol->close();
    carol.reset();
    QTRY_COMPARE_WITH_TIMEOUT(server.server()->authenticatedCount(), 1, 5000);

    // Ten changes while she is away.
    QList<qint64> missed;
    QList<qint64> requests = pipelineSends(ada, 7, u"missed"_s);
    requests.append(ada.send(u"post.create"_s, postCreate(u"missed post"_s)));
    requests.append(
        ada.send(u"channel.create"_s, {{u"name"_s, u"while away"_s}, {u"topic"_s, u"w"_s}}));
    requests.append(ada.send(u"chat.send"_s, chatSend(1, u"missed last"_s)));
    QVERIFY(waitAll(ada, requests, &missed));
    QCOMPARE(missed, range(lastSeq + 1, lastSeq + 10));
    QTRY_COMPARE_WITH_TIMEOUT(ada.lastSeq(), lastSeq + 10, 10000);

    // She comes back with her token and catches up.
    TestClient back;
    QVERIFY(back.open(server.url()));
    QVERIFY(isOk(back.request(u"hello"_s, helloParams())));
    const QJsonObject resumed = back.request(u"auth.token"_s, {{u"token"_s, token}});
    QVERIFY2(isOk(resumed), qPrintable(dump(resumed)));
    QCOMPARE(resumed.value("user"_L1).toObject().value("id"_L1).toInteger(), carolId);
    const QJsonObject synced = back.request(u"sync"_s, {{u"since"_s, lastSeq}});
    QVERIFY2(isOk(synced), qPrintable(dump(synced)));
    QCOMPARE(synced.value("head"_L1).toInteger(), lastSeq + 10);
    const QList<QJsonObject> events = objects(synced.value("events"_L1).toArray());
    QCOMPARE(seqsOf(events), range(lastSeq + 1, lastSeq + 10));
    // The very frames that went out live.
    QCOMPARE(events, eventsAfter(ada.events(), lastSeq));
    QCOMPARE(events.at(7).value("event"_L1).toString(), u"post.created"_s);
    QCOMPARE(events.at(8).value("event"_L1).toString(), u"channel.created"_s);

    // New changes reach her live.
    const QJsonObject next = ada.request(u"chat.send"_s, chatSend(1, u"live"_s));
    QVERIFY2(isOk(next), qPrintable(dump(next)));
    QCOMPARE(seqOf(next), lastSeq + 11);
    const QJsonObject live
        = back.waitEvent([&](const QJsonObject &e) { return seqOf(e) == lastSeq + 11; });
    QVERIFY2(!live.isEmpty(), "the change after sync did not arrive live");
    QCOMPARE(live.value("message"_L1).toObject().value("text"_L1).toString(), u"live"_s);

    // Sync result plus live events: no gap, each seq once after dedupe.
    std::map<qint64, QJsonObject> merged;
    for (const QJsonObject &event : events)
        merged.emplace(seqOf(event), event);
    for (const QJsonObject &event : back.events())
        merged.emplace(seqOf(event), event);
    QList<qint64> mergedSeqs;
    for (const auto &entry : merged)
        mergedSeqs.append(entry.first);
    QCOMPARE(mergedSeqs, range(lastSeq + 1, lastSeq + 11));
}

void tst_Sync::syncMergesWithConcurrentLiveEvents()
{
    TestServer server;
    allowBursts(server.config());
    QVERIFY(server.start());
    TestClient ada;
    TestClient carol;
    QVERIFY(ada.open(server.url()));
    QVERIFY(carol.open(server.url()));
    QVERIFY(isOk(ada.registerUser(u"ada"_s)));
    QVERIFY(isOk(carol.registerUser(u"carol"_s)));
    QList<qint64> early;
    QVERIFY(waitAll(ada, pipelineSends(ada, 5, u"early"_s), &early));
    QTRY_COMPARE_WITH_TIMEOUT(carol.lastSeq(), early.last(), 10000);
    const qint64 lastSeq = carol.lastSeq();
    const QString token = carol.token();
    carol.close();
    QTRY_COMPARE_WITH_TIMEOUT(server.server()->authenticatedCount(), 1, 5000);

    QList<qint64> missed;
    QVERIFY(waitAll(ada, pipelineSends(ada, 20, u"missed"_s), &missed));

    // She logs back in; changes keep coming while her sync is on its way, so some of them
    // may be both in the sync result and live.
    TestClient back;
    QVERIFY(resume(back, server.url(), token));
    const QList<qint64> during = pipelineSends(ada, 200, u"during"_s);
    QList<qint64> duringSeqs;
    QVERIFY(waitAll(ada, during.mid(0, 50), &duringSeqs));
    const qint64 syncId = back.send(u"sync"_s, {{u"since"_s, lastSeq}});
    const QJsonObject synced = back.waitReply(syncId);
    QVERIFY(waitAll(ada, during.mid(50), &duringSeqs));
    QVERIFY2(isOk(synced), qPrintable(dump(synced)));
    QCOMPARE(duringSeqs.last(), lastSeq + 220);
    // One more after everything: at least this one must arrive live.
    const QJsonObject sentinel = ada.request(u"chat.send"_s, chatSend(1, u"sentinel"_s));
    QVERIFY2(isOk(sentinel), qPrintable(dump(sentinel)));
    const qint64 finalSeq = seqOf(sentinel);
    QCOMPARE(finalSeq, lastSeq + 221);

    const qint64 head = synced.value("head"_L1).toInteger();
    const QList<QJsonObject> events = objects(synced.value("events"_L1).toArray());
    QVERIFY(head >= lastSeq + 20);
    QVERIFY(head < finalSeq);
    QCOMPARE(seqsOf(events), range(lastSeq + 1, head));

    // Every change after the sync head reaches her live, in order.
    QTRY_VERIFY_WITH_TIMEOUT(back.lastSeq() >= finalSeq, 10000);
    const QList<qint64> liveSeqs = seqsOf(back.events());
    QVERIFY(!liveSeqs.isEmpty());
    QVERIFY2(liveSeqs.first() <= head + 1,
        qPrintable(u"gap: sync head %1, first live %2"_s.arg(head).arg(liveSeqs.first())));
    QCOMPARE(liveSeqs, range(liveSeqs.first(), finalSeq));

    std::map<qint64, QJsonObject> merged;
    for (const QJsonObject &event : events)
        merged.emplace(seqOf(event), event);
    for (const QJsonObject &event : back.events()) {
        const auto [it, inserted] = merged.emplace(seqOf(event), event);
        if (!inserted) // seen in both: the same frame
            QCOMPARE(it->second, event);
    }
    QList<qint64> mergedSeqs;
    for (const auto &entry : merged)
        mergedSeqs.append(entry.first);
    QCOMPARE(mergedSeqs, range(lastSeq + 1, finalSeq));
}

void tst_Sync::syncOnFreshServer()
{
    TestServer server;
    QVERIFY(server.start());
    TestClient ada;
    QVERIFY(ada.open(server.url()));
    QVERIFY(isOk(ada.registerUser(u"ada"_s)));
    const QJsonObject reply = ada.request(u"sync"_s, {{u"since"_s, 0}});
    QVERIFY2(isOk(reply), qPrintable(dump(reply)));
    QVERIFY(reply.value("events"_L1).isArray());
    QCOMPARE(reply.value("events"_L1).toArray().size(), 0);
    QCOMPARE(reply.value("head"_L1).toInteger(), 0);
    QVERIFY(reply.contains("head"_L1));
    QCOMPARE(headOf(ada), 0);

    const QJsonObject ahead = ada.request(u"sync"_s, {{u"since"_s, 1}});
    QCOMPARE(errorCode(ahead), u"too_old"_s);
}

void tst_Sync::syncRejects_data()
{
    QTest::addColumn<QJsonValue>("since");
    QTest::addColumn<QString>("code"); // "" = ok
    QTest::addColumn<QString>("field");
    QTest::addColumn<int>("count"); // events expected when ok; the head is 3

    QTest::addRow("since 0") << QJsonValue(0) << QString() << QString() << 3;
    QTest::addRow("since 2") << QJsonValue(2) << QString() << QString() << 1;
    QTest::addRow("since head") << QJsonValue(3) << QString() << QString() << 0;
    QTest::addRow("since head+1") << QJsonValue(4) << u"too_old"_s << QString() << 0;
    QTest::addRow("since far ahead") << QJsonValue(1000000) << u"too_old"_s << QString() << 0;
    QTest::addRow("since -1") << QJsonValue(-1) << u"invalid"_s << u"since"_s << 0;
    QTest::addRow("since 1.5") << QJsonValue(1.5) << u"invalid"_s << u"since"_s << 0;
    QTest::addRow("since a string") << QJsonValue(u"x"_s) << u"bad_request"_s << QString() << 0;
    QTest::addRow("since null") << QJsonValue(QJsonValue::Null) << u"bad_request"_s << QString()
                                << 0;
    QTest::addRow("since missing")
        << QJsonValue(QJsonValue::Undefined) << u"bad_request"_s << QString() << 0;
}

void tst_Sync::syncRejects()
{
    QFETCH(QJsonValue, since);
    QFETCH(QString, code);
    QFETCH(QString, field);
    QFETCH(int, count);

    TestServer server;
    QVERIFY(server.start());
    TestClient ada;
    QVERIFY(ada.open(server.url()));
    QVERIFY(isOk(ada.registerUser(u"ada"_s)));
    QList<qint64> seqs;
    QVERIFY(waitAll(ada, pipelineSends(ada, 3, u"m"_s), &seqs));
    QCOMPARE(seqs, range(1, 3));

    QJsonObject params;
    if (!since.isUndefined())
        params.insert(u"since"_s, since);
    const QJsonObject reply = ada.request(u"sync"_s, params);
    QCOMPARE(errorCode(reply), code);
    if (code.isEmpty()) {
        QVERIFY2(isOk(reply), qPrintable(dump(reply)));
        QCOMPARE(reply.value("head"_L1).toInteger(), 3);
        const QList<QJsonObject> events = objects(reply.value("events"_L1).toArray());
        QCOMPARE(seqsOf(events), range(4 - count, 3));
    } else if (!field.isEmpty()) {
        QCOMPARE(errorField(reply), field);
    }
}

void tst_Sync::syncTooOldAfterPruning()
{
    TestServer server;
    server.config().eventRetention = 5;
    allowBursts(server.config());
    QVERIFY(server.start());
    TestClient ada;
    QVERIFY(ada.open(server.url()));
    QVERIFY(isOk(ada.registerUser(u"ada"_s)));

    // Pruning runs every 1000 events; go past it twice.
    constexpr int changes = 2100;
    QList<qint64> seqs;
    QVERIFY(waitAll(ada, pipelineSends(ada, changes, u"n"_s), &seqs, 60000));
    QCOMPARE(seqs.size(), changes);
    const qint64 head = seqs.last();
    QCOMPARE(head, changes);
    QCOMPARE(headOf(ada), head);

    const QJsonObject old = ada.request(u"sync"_s, {{u"since"_s, 1}});
    QCOMPARE(errorCode(old), u"too_old"_s);
    const QJsonObject fromZero = ada.request(u"sync"_s, {{u"since"_s, 0}});
    QCOMPARE(errorCode(fromZero), u"too_old"_s);

    const QJsonObject recent = ada.request(u"sync"_s, {{u"since"_s, head - 3}});
    QVERIFY2(isOk(recent), qPrintable(dump(recent)));
    QCOMPARE(recent.value("head"_L1).toInteger(), head);
    QCOMPARE(seqsOf(objects(recent.value("events"_L1).toArray())), range(head - 2, head));
}

void tst_Sync::restartKeepsEverything()
{
    TestServer server;
    QVERIFY(server.start());
    qint64 oldHead = 0;
    QString token;
    QJsonObject oldUser;
    QJsonObject feed;
    QJsonObject general;
    QJsonObject extra;
    QJsonObject channels;
    qint64 extraId = 0;
    {
        TestClient ada;
        QVERIFY(ada.open(server.url()));
        QVERIFY(isOk(ada.registerUser(u"ada"_s)));
        token = ada.token();
        oldUser = ada.user();
        QList<qint64> seqs;
        QList<qint64> requests;
        for (int i = 0; i < 3; ++i)
            requests.append(
                ada.send(u"post.create"_s, postCreate(u"post "_s + QString::number(i))));
        requests += pipelineSends(ada, 4, u"msg"_s);
        QVERIFY(waitAll(ada, requests, &seqs));
        const QJsonObject created
            = ada.request(u"channel.create"_s, {{u"name"_s, u"extra"_s}, {u"topic"_s, u"e"_s}});
        QVERIFY2(isOk(created), qPrintable(dump(created)));
        extraId = created.value("channel"_L1).toObject().value("id"_L1).toInteger();
        QVERIFY(waitAll(ada, pipelineSends(ada, 2, u"x"_s, extraId), &seqs));
        const QJsonObject first = ada.request(u"chat.history"_s, {{u"channelId"_s, 1}});
        const qint64 firstId
            = first.value("messages"_L1).toArray().first().toObject().value("id"_L1).toInteger();
        const QJsonObject edited
            = ada.request(u"chat.edit"_s, {{u"messageId"_s, firstId}, {u"text"_s, u"edited"_s}});
        QVERIFY2(isOk(edited), qPrintable(dump(edited)));
        oldHead = seqOf(edited);
        QCOMPARE(oldHead, 11);
        QCOMPARE(headOf(ada), oldHead);

        feed = ada.request(u"feed.page"_s);
        general = ada.request(u"chat.history"_s, {{u"channelId"_s, 1}});
        extra = ada.request(u"chat.history"_s, {{u"channelId"_s, extraId}});
        channels = ada.request(u"channel.list"_s);
        QVERIFY(isOk(feed) && isOk(general) && isOk(extra) && isOk(channels));
        QCOMPARE(feed.value("posts"_L1).toArray().size(), 3);
        QCOMPARE(general.value("messages"_L1).toArray().size(), 4);
    }

    QVERIFY(server.restart());

    TestClient again;
    QVERIFY(again.open(server.url()));
    const QJsonObject hello = again.request(u"hello"_s, helloParams());
    QVERIFY2(isOk(hello), qPrintable(dump(hello)));
    QCOMPARE(hello.value("head"_L1).toInteger(), oldHead);
    const QJsonObject resumed = again.request(u"auth.token"_s, {{u"token"_s, token}});
    QVERIFY2(isOk(resumed), qPrintable(dump(resumed)));
    QCOMPARE(resumed.value("user"_L1).toObject(), oldUser);

    // Replies carry their own request id; compare everything else.
    auto withoutId = [](QJsonObject reply) {
        reply.remove(u"id"_s);
        return reply;
    };
    QCOMPARE(withoutId(again.request(u"feed.page"_s)), withoutId(feed));
    QCOMPARE(
        withoutId(again.request(u"chat.history"_s, {{u"channelId"_s, 1}})), withoutId(general));
    QCOMPARE(
        withoutId(again.request(u"chat.history"_s, {{u"channelId"_s, extraId}})), withoutId(extra));
    QCOMPARE(withoutId(again.request(u"channel.list"_s)), withoutId(channels));

    // The seq continues and never repeats.
    const QJsonObject next = again.request(u"chat.send"_s, chatSend(1, u"after restart"_s));
    QVERIFY2(isOk(next), qPrintable(dump(next)));
    QCOMPARE(seqOf(next), oldHead + 1);
    const QJsonObject post = again.request(u"post.create"_s, postCreate(u"after restart"_s));
    QVERIFY2(isOk(post), qPrintable(dump(post)));
    QCOMPARE(seqOf(post), oldHead + 2);
    const QJsonObject all = again.request(u"sync"_s, {{u"since"_s, 0}});
    QVERIFY2(isOk(all), qPrintable(dump(all)));
    QCOMPARE(seqsOf(objects(all.value("events"_L1).toArray())), range(1, oldHead + 2));
}

void tst_Sync::acknowledgedWriteIsDurable()
{
    TestServer server;
    QVERIFY(server.start());
    TestClient ada;
    QVERIFY(ada.open(server.url()));
    QVERIFY(isOk(ada.registerUser(u"ada"_s)));

    {
        // The SQLite file or the PostgreSQL schema, on a connection of the test's own.
        const StoredDatabase stored(server);
        QVERIFY2(stored.isOpen(), qPrintable(stored.errorString()));
        const QSqlDatabase db = stored.database();

        for (int i = 0; i < 20; ++i) {
            const QString title = u"durable "_s + QString::number(i);
            const QJsonObject reply = ada.request(u"post.create"_s, postCreate(title));
            QVERIFY2(isOk(reply), qPrintable(dump(reply)));
            const qint64 postId = reply.value("post"_L1).toObject().value("id"_L1).toInteger();
            // Nothing else happens between the reply and this read.
            QSqlQuery query(db);
            QVERIFY(query.prepare(u"SELECT title, created_seq FROM posts WHERE id = ?"_s));
            query.addBindValue(postId);
            QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
            QVERIFY2(query.next(), qPrintable(u"post %1 is not in the file"_s.arg(postId)));
            QCOMPARE(query.value(0).toString(), title);
            QCOMPARE(query.value(1).toLongLong(), seqOf(reply));
            query.finish();

            QSqlQuery event(db);
            QVERIFY(event.prepare(u"SELECT frame FROM events WHERE seq = ?"_s));
            event.addBindValue(seqOf(reply));
            QVERIFY2(event.exec(), qPrintable(event.lastError().text()));
            QVERIFY2(event.next(), "the event is not in the file");
            event.finish();
        }
    }
}

void tst_Sync::groupCommitBatches()
{
    TestServer server;
    QVERIFY(server.start());
    std::vector<std::unique_ptr<TestClient>> clients;
    for (int i = 0; i < 5; ++i)
        clients.push_back(std::make_unique<TestClient>());
    QVERIFY(clients[0]->open(server.url()));
    QVERIFY(isOk(clients[0]->registerUser(u"ada"_s)));
    QVERIFY(clients[1]->open(server.url()));
    QVERIFY(isOk(clients[1]->registerUser(u"bob"_s)));
    for (int i = 2; i < 5; ++i)
        QVERIFY(resume(*clients[i], server.url(), clients[i % 2]->token()));

    const qint64 head0 = headOf(*clients[0]);
    QVERIFY(head0 >= 0);
    const Hubbub::Server::Writer::Stats before = server.server()->writer().stats();

    // 500 sends, 100 per connection, interleaved, none waiting for a reply.
    std::vector<QList<qint64>> requests(clients.size());
    for (int i = 0; i < 100; ++i) {
        for (std::size_t c = 0; c < clients.size(); ++c) {
            requests[c].append(clients[c]->send(u"chat.send"_s,
                chatSend(1, u"c"_s + QString::number(c) + u"-"_s + QString::number(i))));
        }
    }
    QList<qint64> seqs;
    QSet<qint64> messageIds;
    for (std::size_t c = 0; c < clients.size(); ++c) {
        for (qint64 id : std::as_const(requests[c])) {
            const QJsonObject reply = clients[c]->waitReply(id, 30000);
            QVERIFY2(isOk(reply), qPrintable(dump(reply)));
            seqs.append(seqOf(reply));
            messageIds.insert(reply.value("message"_L1).toObject().value("id"_L1).toInteger());
        }
    }
    QCOMPARE(seqs.size(), 500);
    QCOMPARE(messageIds.size(), 500);
    std::sort(seqs.begin(), seqs.end());
    QCOMPARE(seqs, range(head0 + 1, head0 + 500));

    const Hubbub::Server::Writer::Stats after = server.server()->writer().stats();
    const qint64 jobs = after.jobs - before.jobs;
    const qint64 transactions = after.transactions - before.transactions;
    QCOMPARE(jobs, 500);
    QVERIFY2(transactions < jobs,
        qPrintable(u"%1 transactions for %2 jobs: not batched"_s.arg(transactions).arg(jobs)));

    // Every connection sees all 500 events, in order.
    for (auto &client : clients) {
        QTRY_VERIFY_WITH_TIMEOUT(client->lastSeq() >= head0 + 500, 20000);
        QCOMPARE(seqsOf(eventsAfter(client->events(), head0)), range(head0 + 1, head0 + 500));
    }
}

QTEST_GUILESS_MAIN(tst_Sync)
#include "tst_sync.moc"
