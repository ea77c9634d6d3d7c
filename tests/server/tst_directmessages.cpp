// Direct conversations against a real in-process server on loopback: dm.open and dm.list, the
// authorization matrix of the chat verbs for non-members (even an admin), events with an
// audience (members get the frame, everyone else a `hidden` stub with the same seq, live and
// in sync), typing to members only, limits, and a restart.

#include "store/userstore.h"
#include "store/writer.h"
#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QTest>

#include <memory>

using namespace Hubbub;
using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 General = 1;

QJsonObject openParams(const QList<qint64> &userIds)
{
    QJsonArray array;
    for (qint64 id : userIds)
        array.append(id);
    return {{u"userIds"_s, array}};
}

QList<qint64> memberIdsOf(const QJsonObject &channel)
{
    QList<qint64> ids;
    for (const QJsonValue &member : channel.value("members"_L1).toArray())
        ids.append(member.toObject().value("id"_L1).toInteger());
    return ids;
}

QList<qint64> channelIdsOf(const QJsonObject &reply)
{
    QList<qint64> ids;
    for (const QJsonValue &channel : reply.value("channels"_L1).toArray())
        ids.append(channel.toObject().value("id"_L1).toInteger());
    return ids;
}

//! The `hidden` stub of `seq`, exactly: nothing of the event leaks beside its seq.
bool isHiddenStub(const QJsonObject &event, qint64 seq)
{
    return event
        == QJsonObject {{u"type"_s, u"event"_s}, {u"seq"_s, seq}, {u"event"_s, u"hidden"_s}};
}

} // namespace

class tst_DirectMessages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void openIsIdempotentAndListed();
    void groupOfThree();
    void openRejects_data();
    void openRejects();
    void sevenOthersAtMost();
    void membersChatAsInAChannel();
    void nonMemberFindsNothing();
    void othersSeeOnlyHiddenSeqs();
    void syncShowsMembersOnly();
    void syncCapCountsWhatIsSent();
    void typingReachesMembersOnly();
    void survivesRestart();

private:
    //! Registers and logs in a client of `name` on the running server.
    TestClient *join(const QString &name);
    //! ada opens a conversation with bob; its channel JSON.
    QJsonObject openAdaBob();

    std::unique_ptr<TestServer> m_server;
    std::vector<std::unique_ptr<TestClient>> m_clients;
    // Carol registers first; she is made an admin: a non-member admin sees nothing either.
    TestClient *m_carol = nullptr;
    TestClient *m_ada = nullptr;
    TestClient *m_bob = nullptr;
};

void tst_DirectMessages::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY(m_server->start());
    m_carol = join(u"carol"_s);
    m_ada = join(u"ada"_s);
    m_bob = join(u"bob"_s);
    QVERIFY(m_carol && m_ada && m_bob);
    const Server::WriteOutcome promoted
        = m_server->server()->writer().runAndWait([](Server::WriteTx &tx) -> Result<QJsonObject> {
              Result<User> user = Server::UserStore::setRole(tx, u"carol"_s, Role::Admin);
              if (!user)
                  return user.error();
              return user->toJson();
          });
    QVERIFY(promoted.result.ok());
}

void tst_DirectMessages::cleanup()
{
    m_clients.clear();
    m_server.reset();
}

TestClient *tst_DirectMessages::join(const QString &name)
{
    auto client = std::make_unique<TestClient>();
    if (!client->open(m_server->url()))
        return nullptr;
    const QJsonObject reply = client->registerUser(name);
    if (!isOk(reply)) {
        qWarning("register %s failed: %s", qPrintable(name), qPrintable(dump(reply)));
        return nullptr;
    }
    m_clients.push_back(std::move(client));
    return m_clients.back().get();
}

QJsonObject tst_DirectMessages::openAdaBob()
{
    const QJsonObject reply = m_ada->request(u"dm.open"_s, openParams({m_bob->userId()}));
    if (!isOk(reply))
        qWarning("dm.open failed: %s", qPrintable(dump(reply)));
    return objectOf(reply, "channel");
}

void tst_DirectMessages::openIsIdempotentAndListed()
{
    const QJsonObject reply = m_ada->request(u"dm.open"_s, openParams({m_bob->userId()}));
    QVERIFY2(isOk(reply), qPrintable(dump(reply)));
    const QJsonObject channel = objectOf(reply, "channel");
    const qint64 seq = seqOf(reply);
    QCOMPARE(stringOf(channel, "kind"), u"direct"_s);
    QCOMPARE(stringOf(channel, "name"), QString());
    QCOMPARE(memberIdsOf(channel), (QList<qint64> {m_ada->userId(), m_bob->userId()}));

    // Bob gets the conversation live; carol only its seq.
    const QJsonObject created
        = m_bob->waitEvent([&](const QJsonObject &e) { return seqOf(e) == seq; });
    QCOMPARE(eventName(created), u"channel.created"_s);
    QCOMPARE(objectOf(created, "channel"), channel);
    const QJsonObject stub
        = m_carol->waitEvent([&](const QJsonObject &e) { return seqOf(e) == seq; });
    QVERIFY2(isHiddenStub(stub, seq), qPrintable(dump(stub)));

    // Opened again, by either member, listing ada or not: the same conversation, the same seq,
    // no second event.
    for (TestClient *client : {m_ada, m_bob}) {
        const QList<qint64> others = client == m_ada
            ? QList<qint64> {m_bob->userId(), m_bob->userId(), m_ada->userId()}
            : QList<qint64> {m_ada->userId()};
        const QJsonObject again = client->request(u"dm.open"_s, openParams(others));
        QVERIFY2(isOk(again), qPrintable(dump(again)));
        QCOMPARE(objectOf(again, "channel"), channel);
        QCOMPARE(seqOf(again), seq);
    }
    QCOMPARE(m_ada->request(u"hello"_s, {{u"protocol"_s, 1}}).value("head"_L1).toInteger(), seq);

    QCOMPARE(channelIdsOf(m_ada->request(u"dm.list"_s)), QList<qint64> {idOf(channel)});
    QCOMPARE(channelIdsOf(m_bob->request(u"dm.list"_s)), QList<qint64> {idOf(channel)});
    const QJsonObject carols = m_carol->request(u"dm.list"_s);
    QVERIFY2(isOk(carols), qPrintable(dump(carols)));
    QCOMPARE(channelIdsOf(carols), QList<qint64> {});
    // channel.list stays the public channels, each saying so.
    const QJsonObject list = m_ada->request(u"channel.list"_s);
    QCOMPARE(channelIdsOf(list), QList<qint64> {General});
    QCOMPARE(list.value("channels"_L1).toArray().first().toObject().value("kind"_L1).toString(),
        u"public"_s);
}

void tst_DirectMessages::groupOfThree()
{
    TestClient *dave = join(u"dave"_s);
    QVERIFY(dave);
    const QJsonObject reply
        = m_ada->request(u"dm.open"_s, openParams({m_carol->userId(), m_bob->userId()}));
    QVERIFY2(isOk(reply), qPrintable(dump(reply)));
    const QJsonObject channel = objectOf(reply, "channel");
    QCOMPARE(memberIdsOf(channel),
        (QList<qint64> {m_carol->userId(), m_ada->userId(), m_bob->userId()}));
    // A different set from the pair ada-bob: its own conversation.
    const QJsonObject pair = openAdaBob();
    QVERIFY(idOf(pair) != idOf(channel));

    const QJsonObject sent = m_bob->request(
        u"chat.send"_s, {{u"channelId"_s, idOf(channel)}, {u"text"_s, u"three of us"_s}});
    QVERIFY2(isOk(sent), qPrintable(dump(sent)));
    for (TestClient *member : {m_ada, m_carol}) {
        const QJsonObject event
            = member->waitEvent([&](const QJsonObject &e) { return seqOf(e) == seqOf(sent); });
        QCOMPARE(eventName(event), u"message.created"_s);
    }
    const QJsonObject stub
        = dave->waitEvent([&](const QJsonObject &e) { return seqOf(e) == seqOf(sent); });
    QVERIFY2(isHiddenStub(stub, seqOf(sent)), qPrintable(dump(stub)));
    // Newest activity first.
    QCOMPARE(
        channelIdsOf(m_ada->request(u"dm.list"_s)), (QList<qint64> {idOf(channel), idOf(pair)}));
    QCOMPARE(channelIdsOf(m_carol->request(u"dm.list"_s)), QList<qint64> {idOf(channel)});
}

void tst_DirectMessages::openRejects_data()
{
    QTest::addColumn<QJsonObject>("params");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    QTest::addRow("no userIds") << QJsonObject() << u"bad_request"_s << u"userIds"_s;
    QTest::addRow("not an array") << QJsonObject {{u"userIds"_s, 2}} << u"bad_request"_s
                                  << u"userIds"_s;
    QTest::addRow("a string id") << QJsonObject {{u"userIds"_s, QJsonArray {u"2"_s}}}
                                 << u"bad_request"_s << u"userIds"_s;
    QTest::addRow("a fraction") << QJsonObject {{u"userIds"_s, QJsonArray {2.5}}}
                                << u"bad_request"_s << u"userIds"_s;
    QTest::addRow("none") << openParams({}) << u"invalid"_s << u"userIds"_s;
    // Ada is user 2: herself only is nobody else.
    QTest::addRow("self only") << openParams({2, 2}) << u"invalid"_s << u"userIds"_s;
    QTest::addRow("unknown user") << openParams({3, 999}) << u"not_found"_s << u"userIds"_s;
    QTest::addRow("eight others") << openParams({1, 3, 11, 12, 13, 14, 15, 16}) << u"too_large"_s
                                  << u"userIds"_s;
}

void tst_DirectMessages::openRejects()
{
    QFETCH(QJsonObject, params);
    QFETCH(QString, code);
    QFETCH(QString, field);
    QCOMPARE(m_ada->userId(), 2);
    const qint64 head
        = m_ada->request(u"hello"_s, {{u"protocol"_s, 1}}).value("head"_L1).toInteger();
    const QJsonObject reply = m_ada->request(u"dm.open"_s, params);
    QCOMPARE(errorCode(reply), code);
    if (code != u"bad_request"_s)
        QCOMPARE(errorField(reply), field);
    // Nothing was created.
    QCOMPARE(m_ada->request(u"hello"_s, {{u"protocol"_s, 1}}).value("head"_L1).toInteger(), head);
    QCOMPARE(channelIdsOf(m_ada->request(u"dm.list"_s)), QList<qint64> {});
}

void tst_DirectMessages::sevenOthersAtMost()
{
    QList<qint64> others {m_bob->userId(), m_carol->userId()};
    for (int i = 0; i < 5; ++i) {
        TestClient *client = join(u"member%1"_s.arg(i));
        QVERIFY(client);
        others.append(client->userId());
    }
    const QJsonObject reply = m_ada->request(u"dm.open"_s, openParams(others));
    QVERIFY2(isOk(reply), qPrintable(dump(reply)));
    QCOMPARE(memberIdsOf(objectOf(reply, "channel")).size(), 8);
    TestClient *eighth = join(u"member5"_s);
    QVERIFY(eighth);
    others.append(eighth->userId());
    const QJsonObject tooMany = m_ada->request(u"dm.open"_s, openParams(others));
    QCOMPARE(errorCode(tooMany), u"too_large"_s);
    QCOMPARE(errorField(tooMany), u"userIds"_s);
}

void tst_DirectMessages::membersChatAsInAChannel()
{
    const qint64 channelId = idOf(openAdaBob());
    const QJsonObject sent = m_ada->request(u"chat.send"_s,
        {{u"channelId"_s, channelId}, {u"text"_s, u"psst"_s}, {u"nonce"_s, u"n-1"_s}});
    QVERIFY2(isOk(sent), qPrintable(dump(sent)));
    const qint64 messageId = idOf(objectOf(sent, "message"));
    // A resend with the same nonce: the same message and seq, nothing new.
    const QJsonObject resent = m_ada->request(u"chat.send"_s,
        {{u"channelId"_s, channelId}, {u"text"_s, u"psst"_s}, {u"nonce"_s, u"n-1"_s}});
    QCOMPARE(idOf(objectOf(resent, "message")), messageId);
    QCOMPARE(seqOf(resent), seqOf(sent));

    const QJsonObject history = m_bob->request(u"chat.history"_s, {{u"channelId"_s, channelId}});
    QVERIFY2(isOk(history), qPrintable(dump(history)));
    QCOMPARE(history.value("messages"_L1).toArray().size(), 1);
    const QJsonObject edited
        = m_ada->request(u"chat.edit"_s, {{u"messageId"_s, messageId}, {u"text"_s, u"psst!"_s}});
    QVERIFY2(isOk(edited), qPrintable(dump(edited)));
    // Bob is a member but not the author: forbidden, as in a channel.
    QCOMPARE(
        errorCode(m_bob->request(u"chat.delete"_s, {{u"messageId"_s, messageId}})), u"forbidden"_s);
    QVERIFY(isOk(m_ada->request(u"chat.delete"_s, {{u"messageId"_s, messageId}})));
    QVERIFY(isOk(m_bob->request(u"chat.typing"_s, {{u"channelId"_s, channelId}})));
}

void tst_DirectMessages::nonMemberFindsNothing()
{
    const qint64 channelId = idOf(openAdaBob());
    const QJsonObject sent
        = m_ada->request(u"chat.send"_s, {{u"channelId"_s, channelId}, {u"text"_s, u"secret"_s}});
    QVERIFY2(isOk(sent), qPrintable(dump(sent)));
    const qint64 messageId = idOf(objectOf(sent, "message"));

    // Carol, an admin but no member: the conversation and its message do not exist for her,
    // the same answer as for ids that exist for nobody.
    for (const qint64 channel : {channelId, qint64(999)}) {
        const QJsonObject history
            = m_carol->request(u"chat.history"_s, {{u"channelId"_s, channel}});
        QCOMPARE(errorCode(history), u"not_found"_s);
        QCOMPARE(errorField(history), u"channelId"_s);
        const QJsonObject send = m_carol->request(
            u"chat.send"_s, {{u"channelId"_s, channel}, {u"text"_s, u"let me in"_s}});
        QCOMPARE(errorCode(send), u"not_found"_s);
        QCOMPARE(errorField(send), u"channelId"_s);
        const QJsonObject typing = m_carol->request(u"chat.typing"_s, {{u"channelId"_s, channel}});
        QCOMPARE(errorCode(typing), u"not_found"_s);
        QCOMPARE(errorField(typing), u"channelId"_s);
    }
    for (const qint64 message : {messageId, qint64(999)}) {
        const QJsonObject edit = m_carol->request(
            u"chat.edit"_s, {{u"messageId"_s, message}, {u"text"_s, u"moderated"_s}});
        QCOMPARE(errorCode(edit), u"not_found"_s);
        QCOMPARE(errorField(edit), u"messageId"_s);
        const QJsonObject remove = m_carol->request(u"chat.delete"_s, {{u"messageId"_s, message}});
        QCOMPARE(errorCode(remove), u"not_found"_s);
        QCOMPARE(errorField(remove), u"messageId"_s);
    }
    // The message is untouched.
    const QJsonObject history = m_bob->request(u"chat.history"_s, {{u"channelId"_s, channelId}});
    QCOMPARE(history.value("messages"_L1).toArray().first().toObject().value("text"_L1).toString(),
        u"secret"_s);
}

void tst_DirectMessages::othersSeeOnlyHiddenSeqs()
{
    // Carol is a v1 client: she never calls dm.*, and sees every seq once, in order, gap-free,
    // the conversation's as bare stubs among the public ones.
    const qint64 start
        = m_carol->request(u"hello"_s, {{u"protocol"_s, 1}}).value("head"_L1).toInteger();
    m_carol->clearEvents();
    m_bob->clearEvents();
    const qint64 channelId = idOf(openAdaBob());
    const QJsonObject sent
        = m_ada->request(u"chat.send"_s, {{u"channelId"_s, channelId}, {u"text"_s, u"one"_s}});
    const qint64 messageId = idOf(objectOf(sent, "message"));
    QVERIFY(isOk(
        m_bob->request(u"chat.send"_s, {{u"channelId"_s, General}, {u"text"_s, u"hi all"_s}})));
    QVERIFY(isOk(m_ada->request(
        u"chat.edit"_s, {{u"messageId"_s, messageId}, {u"text"_s, u"one, edited"_s}})));
    const QJsonObject deleted = m_ada->request(u"chat.delete"_s, {{u"messageId"_s, messageId}});
    QVERIFY2(isOk(deleted), qPrintable(dump(deleted)));
    const qint64 head = seqOf(deleted);
    QCOMPARE(head, start + 5);

    QVERIFY(!m_carol->waitEvent([&](const QJsonObject &e) { return seqOf(e) == head; }).isEmpty());
    QVERIFY(!m_bob->waitEvent([&](const QJsonObject &e) { return seqOf(e) == head; }).isEmpty());
    QStringList carolSaw;
    QStringList bobSaw;
    QList<qint64> carolSeqs;
    for (const QJsonObject &event : m_carol->events()) {
        carolSeqs.append(seqOf(event));
        carolSaw.append(eventName(event));
        if (eventName(event) == u"hidden"_s)
            QVERIFY2(isHiddenStub(event, seqOf(event)), qPrintable(dump(event)));
    }
    for (const QJsonObject &event : m_bob->events())
        bobSaw.append(eventName(event));
    QCOMPARE(carolSeqs, (QList<qint64> {start + 1, start + 2, start + 3, start + 4, start + 5}));
    QCOMPARE(carolSaw,
        (QStringList {u"hidden"_s, u"hidden"_s, u"message.created"_s, u"hidden"_s, u"hidden"_s}));
    QCOMPARE(bobSaw,
        (QStringList {u"channel.created"_s, u"message.created"_s, u"message.created"_s,
            u"message.updated"_s, u"message.deleted"_s}));
}

void tst_DirectMessages::syncShowsMembersOnly()
{
    const qint64 start
        = m_carol->request(u"hello"_s, {{u"protocol"_s, 1}}).value("head"_L1).toInteger();
    const qint64 channelId = idOf(openAdaBob());
    QVERIFY(isOk(m_ada->request(
        u"chat.send"_s, {{u"channelId"_s, channelId}, {u"text"_s, u"for bob only"_s}})));
    QVERIFY(
        isOk(m_bob->request(u"chat.send"_s, {{u"channelId"_s, General}, {u"text"_s, u"hi"_s}})));

    const QJsonObject carols = m_carol->request(u"sync"_s, {{u"since"_s, start}});
    QVERIFY2(isOk(carols), qPrintable(dump(carols)));
    const QJsonArray hers = carols.value("events"_L1).toArray();
    QCOMPARE(hers.size(), 3);
    QVERIFY2(isHiddenStub(hers.at(0).toObject(), start + 1), qPrintable(dump(hers)));
    QVERIFY2(isHiddenStub(hers.at(1).toObject(), start + 2), qPrintable(dump(hers)));
    QCOMPARE(eventName(hers.at(2).toObject()), u"message.created"_s);
    QVERIFY(!dump(carols).contains(u"for bob only"_s));

    const QJsonObject bobs = m_bob->request(u"sync"_s, {{u"since"_s, start}});
    const QJsonArray his = bobs.value("events"_L1).toArray();
    QCOMPARE(his.size(), 3);
    QCOMPARE(eventName(his.at(0).toObject()), u"channel.created"_s);
    QCOMPARE(eventName(his.at(1).toObject()), u"message.created"_s);
    QCOMPARE(stringOf(objectOf(his.at(1).toObject(), "message"), "text"), u"for bob only"_s);
    // The same frames as were sent live.
    QCOMPARE(his.at(1).toObject(),
        m_bob->waitEvent([&](const QJsonObject &e) { return seqOf(e) == start + 2; }));
}

void tst_DirectMessages::syncCapCountsWhatIsSent()
{
    // Fifty long messages between ada and bob: too much for one catch-up of a member, a few
    // bytes per event for anyone else, who may catch up.
    m_server->config().syncMaxBytes = 64 * 1024;
    QVERIFY(m_server->restart());
    TestClient ada;
    TestClient carol;
    QVERIFY(ada.open(m_server->url()) && carol.open(m_server->url()));
    QVERIFY(isOk(ada.request(u"auth.token"_s, {{u"token"_s, m_ada->token()}})));
    QVERIFY(isOk(carol.request(u"auth.token"_s, {{u"token"_s, m_carol->token()}})));
    const qint64 start
        = carol.request(u"hello"_s, {{u"protocol"_s, 1}}).value("head"_L1).toInteger();
    const QJsonObject opened = ada.request(u"dm.open"_s, openParams({m_bob->userId()}));
    const qint64 channelId = idOf(objectOf(opened, "channel"));
    const QString text(2000, u'x');
    for (int i = 0; i < 50; ++i) {
        QVERIFY(
            isOk(ada.request(u"chat.send"_s, {{u"channelId"_s, channelId}, {u"text"_s, text}})));
    }
    QCOMPARE(errorCode(ada.request(u"sync"_s, {{u"since"_s, start}})), u"too_old"_s);
    const QJsonObject carols = carol.request(u"sync"_s, {{u"since"_s, start}});
    QVERIFY2(isOk(carols), qPrintable(dump(carols).left(400)));
    QCOMPARE(carols.value("events"_L1).toArray().size(), 51);
}

void tst_DirectMessages::typingReachesMembersOnly()
{
    const qint64 channelId = idOf(openAdaBob());
    QVERIFY(isOk(m_bob->request(u"chat.typing"_s, {{u"channelId"_s, channelId}})));
    const QJsonObject typing = m_ada->waitEphemeral([&](const QJsonObject &f) {
        return stringOf(f, "type") == u"typing"_s && intOf(f, "channelId") == channelId;
    });
    QCOMPARE(intOf(objectOf(typing, "user"), "id"), m_bob->userId());
    // Then typing in #general, which reaches carol: whatever bob's first typing sent her would
    // have come before it on her connection.
    QVERIFY(isOk(m_bob->request(u"chat.typing"_s, {{u"channelId"_s, General}})));
    QVERIFY(!m_carol
                 ->waitEphemeral([](const QJsonObject &f) {
                     return stringOf(f, "type") == u"typing"_s && intOf(f, "channelId") == General;
                 })
                 .isEmpty());
    for (const QJsonObject &frame : m_carol->ephemeral())
        QVERIFY2(intOf(frame, "channelId") != channelId, qPrintable(dump(frame)));
    // Nor does bob hear himself.
    for (const QJsonObject &frame : m_bob->ephemeral())
        QVERIFY2(stringOf(frame, "type") != u"typing"_s, qPrintable(dump(frame)));
}

void tst_DirectMessages::survivesRestart()
{
    const QJsonObject opened = m_ada->request(u"dm.open"_s, openParams({m_bob->userId()}));
    const qint64 channelId = idOf(objectOf(opened, "channel"));
    QVERIFY(isOk(m_ada->request(
        u"chat.send"_s, {{u"channelId"_s, channelId}, {u"text"_s, u"still here"_s}})));
    const qint64 bobId = m_bob->userId();
    const QString adaToken = m_ada->token();
    const QString carolToken = m_carol->token();
    m_clients.clear();
    QVERIFY(m_server->restart());

    TestClient ada;
    TestClient carol;
    QVERIFY(ada.open(m_server->url()) && carol.open(m_server->url()));
    QVERIFY(isOk(ada.request(u"auth.token"_s, {{u"token"_s, adaToken}})));
    QVERIFY(isOk(carol.request(u"auth.token"_s, {{u"token"_s, carolToken}})));
    QCOMPARE(channelIdsOf(ada.request(u"dm.list"_s)), QList<qint64> {channelId});
    const QJsonObject again = ada.request(u"dm.open"_s, openParams({bobId}));
    QCOMPARE(idOf(objectOf(again, "channel")), channelId);
    QCOMPARE(seqOf(again), seqOf(opened));
    const QJsonObject history = ada.request(u"chat.history"_s, {{u"channelId"_s, channelId}});
    QCOMPARE(history.value("messages"_L1).toArray().size(), 1);
    QCOMPARE(
        errorCode(carol.request(u"chat.history"_s, {{u"channelId"_s, channelId}})), u"not_found"_s);
    const QJsonObject synced = carol.request(u"sync"_s, {{u"since"_s, seqOf(opened) - 1}});
    QVERIFY(isHiddenStub(synced.value("events"_L1).toArray().first().toObject(), seqOf(opened)));
}

QTEST_MAIN(tst_DirectMessages)
#include "tst_directmessages.moc"
