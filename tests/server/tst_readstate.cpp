// Read state and notification levels (part "read" of issue 12): read.mark, read.state and
// channel.notify between real clients of a real server on loopback, on a real SQLite file.
// Mention counts come from real `@name` tokens, found and stored by the server (part "rich").

#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QTest>

using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 General = 1; // the channel every new database has

//! Opens `client` and logs it in with an existing token: a second device of the same user.
bool resume(TestClient &client, const QUrl &url, const QString &token)
{
    if (!client.open(url))
        return false;
    if (!isOk(client.request(u"hello"_s, {{u"protocol"_s, 1}, {u"client"_s, u"test/1"_s}})))
        return false;
    const QJsonObject reply = client.request(u"auth.token"_s, {{u"token"_s, token}});
    if (!isOk(reply))
        qWarning("auth.token failed: %s", qPrintable(dump(reply)));
    return isOk(reply);
}

qint64 send(TestClient &client, qint64 channelId, const QString &text)
{
    const QJsonObject reply
        = client.request(u"chat.send"_s, {{u"channelId"_s, channelId}, {u"text"_s, text}});
    if (!isOk(reply))
        qWarning("chat.send failed: %s", qPrintable(dump(reply)));
    return idOf(objectOf(reply, "message"));
}

QJsonObject mark(TestClient &client, qint64 channelId, qint64 messageId)
{
    return client.request(
        u"read.mark"_s, {{u"channelId"_s, channelId}, {u"messageId"_s, messageId}});
}

//! The read.state line of one channel; empty when the channel is not listed.
QJsonObject stateOf(TestClient &client, qint64 channelId)
{
    const QJsonObject reply = client.request(u"read.state"_s);
    if (!isOk(reply))
        qWarning("read.state failed: %s", qPrintable(dump(reply)));
    for (const QJsonValue &line : reply.value("channels"_L1).toArray()) {
        if (intOf(line.toObject(), "channelId") == channelId)
            return line.toObject();
    }
    return {};
}

//! Ephemeral frames of this type (`read` or `prefs`) the client has received.
QList<QJsonObject> framesOf(const TestClient &client, const QString &type)
{
    QList<QJsonObject> frames;
    for (const QJsonObject &frame : client.ephemeral()) {
        if (stringOf(frame, "type") == type)
            frames.append(frame);
    }
    return frames;
}

//! A round trip on `client`: whatever the server sent it before has then arrived (one socket
//! keeps its order), so a frame still missing was never sent.
bool barrier(TestClient &client)
{
    return isOk(client.request(u"ping"_s));
}

} // namespace

class tst_ReadState : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void markReachesEveryConnectionOfTheUser();
    void countsFollowNewMessages();
    void newAccountStartsWithHistoryRead();
    void backwardsMarkIsIgnored();
    void mentionsCountSeparately();
    void notifyLevelsAreStoredAndEchoed();
    void survivesRestart();
    void errors_data();
    void errors();
    void directConversationOnlyForMembers();
    void markStormIsCheapAndLimited();

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_ada; // ada's first device
    std::unique_ptr<TestClient> m_ada2; // ada's second device
    std::unique_ptr<TestClient> m_bob; // a third party
};

void tst_ReadState::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY(m_server->start());
    m_ada = std::make_unique<TestClient>();
    QVERIFY(m_ada->open(m_server->url()));
    QVERIFY(isOk(m_ada->registerUser(u"ada"_s)));
    m_ada2 = std::make_unique<TestClient>();
    QVERIFY(resume(*m_ada2, m_server->url(), m_ada->token()));
    m_bob = std::make_unique<TestClient>();
    QVERIFY(m_bob->open(m_server->url()));
    QVERIFY(isOk(m_bob->registerUser(u"bob"_s)));
}

void tst_ReadState::cleanup()
{
    m_ada.reset();
    m_ada2.reset();
    m_bob.reset();
    m_server.reset();
}

void tst_ReadState::markReachesEveryConnectionOfTheUser()
{
    const qint64 first = send(*m_bob, General, u"one"_s);
    const qint64 second = send(*m_bob, General, u"two"_s);
    send(*m_bob, General, u"three"_s);
    QCOMPARE(intOf(stateOf(*m_ada, General), "unread"), 3);

    const QJsonObject reply = mark(*m_ada, General, second);
    QVERIFY2(isOk(reply), qPrintable(dump(reply)));
    QCOMPARE(intOf(reply, "channelId"), General);
    QCOMPARE(intOf(reply, "lastReadId"), second);

    // Live on her other device, and on this one too (no seq: not an event).
    const QJsonObject live = m_ada2->waitEphemeral(
        [](const QJsonObject &frame) { return stringOf(frame, "type") == u"read"; });
    const QJsonObject expected {
        {u"type"_s, u"read"_s}, {u"channelId"_s, General}, {u"lastReadId"_s, second}};
    QCOMPARE(live, expected);
    QVERIFY(barrier(*m_ada));
    QCOMPARE(framesOf(*m_ada, u"read"_s), QList<QJsonObject> {expected});
    // Bob hears nothing of it, neither as an ephemeral frame nor as an event.
    QVERIFY(barrier(*m_bob));
    QVERIFY(framesOf(*m_bob, u"read"_s).isEmpty());
    for (const QJsonObject &event : m_bob->events())
        QVERIFY2(eventName(event).startsWith(u"message."_s), qPrintable(dump(event)));

    const QJsonObject state = stateOf(*m_ada2, General);
    QCOMPARE(intOf(state, "lastReadId"), second);
    QCOMPARE(intOf(state, "unread"), 1);
    QCOMPARE(stringOf(state, "notify"), u"all"_s);
    // Bob's own read state is his own.
    QVERIFY(first < second);
    QCOMPARE(intOf(stateOf(*m_bob, General), "lastReadId"), 0);
}

void tst_ReadState::countsFollowNewMessages()
{
    send(*m_ada, General, u"mine"_s);
    send(*m_ada, General, u"mine too"_s);
    QCOMPARE(intOf(stateOf(*m_ada, General), "unread"), 0); // her own are not unread
    QCOMPARE(intOf(stateOf(*m_bob, General), "unread"), 2);
    const qint64 last = send(*m_bob, General, u"bob's"_s);
    QCOMPARE(intOf(stateOf(*m_ada, General), "unread"), 1);
    QCOMPARE(intOf(stateOf(*m_bob, General), "unread"), 2);
    QVERIFY(isOk(mark(*m_bob, General, last)));
    QCOMPARE(intOf(stateOf(*m_bob, General), "unread"), 0);

    // Another channel counts on its own.
    const QJsonObject created = m_bob->request(u"channel.create"_s, {{u"name"_s, u"random"_s}});
    const qint64 random = idOf(objectOf(created, "channel"));
    QVERIFY(random > 0);
    send(*m_bob, random, u"elsewhere"_s);
    QCOMPARE(intOf(stateOf(*m_ada, random), "unread"), 1);
    QCOMPARE(intOf(stateOf(*m_ada, General), "unread"), 1);
}

void tst_ReadState::newAccountStartsWithHistoryRead()
{
    send(*m_bob, General, u"before carol"_s);
    const qint64 last = send(*m_bob, General, u"also before carol"_s);
    TestClient carol;
    QVERIFY(carol.open(m_server->url()));
    QVERIFY(isOk(carol.registerUser(u"carol"_s)));
    QJsonObject state = stateOf(carol, General);
    QCOMPARE(intOf(state, "lastReadId"), last);
    QCOMPARE(intOf(state, "unread"), 0);
    send(*m_bob, General, u"after carol"_s);
    state = stateOf(carol, General);
    QCOMPARE(intOf(state, "lastReadId"), last);
    QCOMPARE(intOf(state, "unread"), 1);
}

void tst_ReadState::backwardsMarkIsIgnored()
{
    const qint64 first = send(*m_bob, General, u"one"_s);
    const qint64 second = send(*m_bob, General, u"two"_s);
    QVERIFY(isOk(mark(*m_ada, General, second)));
    QVERIFY(
        !m_ada2->waitEphemeral([](const QJsonObject &f) { return stringOf(f, "type") == u"read"; })
             .isEmpty());

    // Back, and the same again: answered with the position kept, and no frame.
    QCOMPARE(intOf(mark(*m_ada, General, first), "lastReadId"), second);
    QCOMPARE(intOf(mark(*m_ada2, General, second), "lastReadId"), second);
    QVERIFY(barrier(*m_ada2));
    QCOMPARE(framesOf(*m_ada2, u"read"_s).size(), 1);
    QCOMPARE(intOf(stateOf(*m_ada, General), "lastReadId"), second);
}

void tst_ReadState::mentionsCountSeparately()
{
    const qint64 plain = send(*m_bob, General, u"hello all"_s);
    // Any case names her; an address does not.
    const qint64 mention = send(*m_bob, General, u"@ADA look"_s);
    const qint64 other = send(*m_bob, General, u"@ada and again, cc @bob"_s);
    const qint64 address = send(*m_bob, General, u"mail bob@ada.example"_s);
    // A mention of herself in her own message is no unread mention.
    const qint64 own = send(*m_ada, General, u"@ada note to self"_s);
    QVERIFY(plain > 0 && mention > plain && other > mention && address > other && own > address);

    QJsonObject state = stateOf(*m_ada, General);
    QCOMPARE(intOf(state, "unread"), 4);
    QCOMPARE(intOf(state, "mentions"), 2);
    // Bob mentioned himself: his own message, no unread mention either.
    QCOMPARE(intOf(stateOf(*m_bob, General), "mentions"), 0);

    QVERIFY(isOk(mark(*m_ada, General, mention)));
    state = stateOf(*m_ada, General);
    QCOMPARE(intOf(state, "unread"), 2);
    QCOMPARE(intOf(state, "mentions"), 1);

    // An edit that drops the mention takes it off the count; one that adds it puts it back.
    QVERIFY(isOk(m_bob->request(
        u"chat.edit"_s, {{u"messageId"_s, other}, {u"text"_s, u"and again, to all"_s}})));
    QCOMPARE(intOf(stateOf(*m_ada, General), "mentions"), 0);
    QVERIFY(isOk(m_bob->request(
        u"chat.edit"_s, {{u"messageId"_s, address}, {u"text"_s, u"mail @Ada instead"_s}})));
    state = stateOf(*m_ada, General);
    QCOMPARE(intOf(state, "unread"), 2);
    QCOMPARE(intOf(state, "mentions"), 1);
}

void tst_ReadState::notifyLevelsAreStoredAndEchoed()
{
    QJsonObject reply = m_ada->request(
        u"channel.notify"_s, {{u"channelId"_s, General}, {u"level"_s, u"mentions"_s}});
    QVERIFY2(isOk(reply), qPrintable(dump(reply)));
    QCOMPARE(stringOf(reply, "level"), u"mentions"_s);
    QCOMPARE(intOf(reply, "channelId"), General);
    const QJsonObject live = m_ada2->waitEphemeral(
        [](const QJsonObject &frame) { return stringOf(frame, "type") == u"prefs"; });
    const QJsonObject expected {
        {u"type"_s, u"prefs"_s}, {u"channelId"_s, General}, {u"level"_s, u"mentions"_s}};
    QCOMPARE(live, expected);
    QCOMPARE(stringOf(stateOf(*m_ada2, General), "notify"), u"mentions"_s);

    // The same level again: ok, no frame. Another: a frame.
    QVERIFY(isOk(m_ada2->request(
        u"channel.notify"_s, {{u"channelId"_s, General}, {u"level"_s, u"mentions"_s}})));
    QVERIFY(isOk(
        m_ada->request(u"channel.notify"_s, {{u"channelId"_s, General}, {u"level"_s, u"none"_s}})));
    QTRY_COMPARE(framesOf(*m_ada2, u"prefs"_s).size(), 2);
    QCOMPARE(stringOf(framesOf(*m_ada2, u"prefs"_s).last(), "level"), u"none"_s);
    QCOMPARE(stringOf(stateOf(*m_ada, General), "notify"), u"none"_s);

    // Bob's level is his own, and he heard nothing.
    QVERIFY(barrier(*m_bob));
    QVERIFY(framesOf(*m_bob, u"prefs"_s).isEmpty());
    QCOMPARE(stringOf(stateOf(*m_bob, General), "notify"), u"all"_s);
}

void tst_ReadState::survivesRestart()
{
    send(*m_bob, General, u"one"_s);
    const qint64 second = send(*m_bob, General, u"two"_s);
    send(*m_bob, General, u"three"_s);
    QVERIFY(isOk(mark(*m_ada, General, second)));
    QVERIFY(isOk(
        m_ada->request(u"channel.notify"_s, {{u"channelId"_s, General}, {u"level"_s, u"none"_s}})));
    const QString token = m_ada->token();
    m_ada.reset();
    m_ada2.reset();
    m_bob.reset();

    QVERIFY(m_server->restart());
    TestClient ada;
    QVERIFY(resume(ada, m_server->url(), token));
    const QJsonObject state = stateOf(ada, General);
    QCOMPARE(intOf(state, "lastReadId"), second);
    QCOMPARE(intOf(state, "unread"), 1);
    QCOMPARE(stringOf(state, "notify"), u"none"_s);
    // The server's cache of positions starts empty: a backwards mark still keeps the stored one.
    QCOMPARE(intOf(mark(ada, General, second - 1), "lastReadId"), second);
}

void tst_ReadState::errors_data()
{
    QTest::addColumn<QString>("verb");
    QTest::addColumn<QJsonObject>("params");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    // messageId -1 is replaced by a message of channel 1; -2 by one of another channel.
    QTest::newRow("mark: no channelId")
        << u"read.mark"_s << QJsonObject {{u"messageId"_s, -1}} << u"bad_request"_s << QString();
    QTest::newRow("mark: no messageId")
        << u"read.mark"_s << QJsonObject {{u"channelId"_s, 1}} << u"bad_request"_s << QString();
    QTest::newRow("mark: channelId a string")
        << u"read.mark"_s << QJsonObject {{u"channelId"_s, u"1"_s}, {u"messageId"_s, -1}}
        << u"bad_request"_s << QString();
    QTest::newRow("mark: unknown channel")
        << u"read.mark"_s << QJsonObject {{u"channelId"_s, 999}, {u"messageId"_s, -1}}
        << u"not_found"_s << u"channelId"_s;
    QTest::newRow("mark: unknown message")
        << u"read.mark"_s << QJsonObject {{u"channelId"_s, 1}, {u"messageId"_s, 999999}}
        << u"not_found"_s << u"messageId"_s;
    QTest::newRow("mark: a message of another channel")
        << u"read.mark"_s << QJsonObject {{u"channelId"_s, 1}, {u"messageId"_s, -2}}
        << u"not_found"_s << u"messageId"_s;
    QTest::newRow("notify: unknown level")
        << u"channel.notify"_s << QJsonObject {{u"channelId"_s, 1}, {u"level"_s, u"loud"_s}}
        << u"invalid"_s << u"level"_s;
    QTest::newRow("notify: level in capitals")
        << u"channel.notify"_s << QJsonObject {{u"channelId"_s, 1}, {u"level"_s, u"ALL"_s}}
        << u"invalid"_s << u"level"_s;
    QTest::newRow("notify: level a number")
        << u"channel.notify"_s << QJsonObject {{u"channelId"_s, 1}, {u"level"_s, 1}}
        << u"bad_request"_s << QString();
    QTest::newRow("notify: no level") << u"channel.notify"_s << QJsonObject {{u"channelId"_s, 1}}
                                      << u"bad_request"_s << QString();
    QTest::newRow("notify: unknown channel")
        << u"channel.notify"_s << QJsonObject {{u"channelId"_s, 999}, {u"level"_s, u"all"_s}}
        << u"not_found"_s << u"channelId"_s;
}

void tst_ReadState::errors()
{
    QFETCH(QString, verb);
    QFETCH(QJsonObject, params);
    QFETCH(QString, code);
    QFETCH(QString, field);
    const qint64 inGeneral = send(*m_bob, General, u"here"_s);
    const qint64 random = idOf(
        objectOf(m_bob->request(u"channel.create"_s, {{u"name"_s, u"random"_s}}), "channel"));
    const qint64 elsewhere = send(*m_bob, random, u"there"_s);
    if (intOf(params, "messageId") == -1)
        params.insert(u"messageId"_s, inGeneral);
    if (intOf(params, "messageId") == -2)
        params.insert(u"messageId"_s, elsewhere);

    const QJsonObject reply = m_ada->request(verb, params);
    QVERIFY2(!isOk(reply), qPrintable(dump(reply)));
    QCOMPARE(errorCode(reply), code);
    QCOMPARE(errorField(reply), field);
    // Nothing was stored and nothing was sent.
    QCOMPARE(intOf(stateOf(*m_ada, General), "lastReadId"), 0);
    QCOMPARE(stringOf(stateOf(*m_ada, General), "notify"), u"all"_s);
    QVERIFY(barrier(*m_ada2));
    QVERIFY(framesOf(*m_ada2, u"read"_s).isEmpty());
    QVERIFY(framesOf(*m_ada2, u"prefs"_s).isEmpty());

    // Before logging in, every verb of the part is refused.
    TestClient stranger;
    QVERIFY(stranger.open(m_server->url()));
    QCOMPARE(errorCode(stranger.request(verb, params)), u"unauthorized"_s);
    QCOMPARE(errorCode(stranger.request(u"read.state"_s)), u"unauthorized"_s);
}

void tst_ReadState::directConversationOnlyForMembers()
{
    TestClient carol;
    QVERIFY(carol.open(m_server->url()));
    QVERIFY(isOk(carol.registerUser(u"carol"_s)));
    const QJsonObject opened
        = carol.request(u"dm.open"_s, {{u"userIds"_s, QJsonArray {m_ada->userId()}}});
    QVERIFY2(isOk(opened), qPrintable(dump(opened)));
    const qint64 direct = idOf(objectOf(opened, "channel"));
    QVERIFY(direct > 0);
    const qint64 message = send(carol, direct, u"just us"_s);
    QVERIFY(message > 0);

    QCOMPARE(intOf(stateOf(*m_ada, direct), "unread"), 1);
    QCOMPARE(stringOf(stateOf(*m_ada, direct), "notify"), u"all"_s);
    QVERIFY(isOk(mark(*m_ada, direct, message)));
    QCOMPARE(intOf(stateOf(*m_ada, direct), "unread"), 0);

    // For bob the conversation does not exist: not listed, and not_found for every verb.
    QVERIFY(stateOf(*m_bob, direct).isEmpty());
    QVERIFY(!stateOf(*m_bob, General).isEmpty());
    QJsonObject reply = mark(*m_bob, direct, message);
    QCOMPARE(errorCode(reply), u"not_found"_s);
    QCOMPARE(errorField(reply), u"channelId"_s);
    reply
        = m_bob->request(u"channel.notify"_s, {{u"channelId"_s, direct}, {u"level"_s, u"none"_s}});
    QCOMPARE(errorCode(reply), u"not_found"_s);
    QCOMPARE(errorField(reply), u"channelId"_s);
    // Nor can he learn the message is there by naming it in a channel he may read.
    reply = mark(*m_bob, General, message);
    QCOMPARE(errorCode(reply), u"not_found"_s);
    QCOMPARE(errorField(reply), u"messageId"_s);
    QVERIFY(barrier(*m_bob));
    QVERIFY(framesOf(*m_bob, u"read"_s).isEmpty());
}

void tst_ReadState::markStormIsCheapAndLimited()
{
    QList<qint64> ids;
    for (int i = 0; i < 5; ++i)
        ids.append(send(*m_bob, General, u"message %1"_s.arg(i)));
    QVERIFY(isOk(mark(*m_ada, General, ids.at(2))));
    QVERIFY(
        !m_ada2->waitEphemeral([](const QJsonObject &f) { return stringOf(f, "type") == u"read"; })
             .isEmpty());

    // A scrolling client's storm: 200 marks at or below the stored position, pipelined. Each is
    // answered, none reaches the writer, none is echoed.
    const qint64 jobsBefore = m_server->server()->writer().stats().jobs;
    QList<qint64> sent;
    for (int i = 0; i < 200; ++i) {
        sent.append(m_ada->send(
            u"read.mark"_s, {{u"channelId"_s, General}, {u"messageId"_s, ids.at(i % 3)}}));
    }
    int answered = 0;
    for (qint64 id : std::as_const(sent)) {
        const QJsonObject reply = m_ada->waitReply(id);
        QVERIFY2(isOk(reply), qPrintable(dump(reply)));
        QCOMPARE(intOf(reply, "lastReadId"), ids.at(2));
        ++answered;
    }
    QCOMPARE(answered, 200);
    QCOMPARE(m_server->server()->writer().stats().jobs, jobsBefore);
    QVERIFY(barrier(*m_ada2));
    QCOMPARE(framesOf(*m_ada2, u"read"_s).size(), 1);

    // Past the request budget the connection's rate limit refuses marks like any request.
    int limited = 0;
    sent.clear();
    for (int i = 0; i < 600; ++i) {
        sent.append(
            m_ada2->send(u"read.mark"_s, {{u"channelId"_s, General}, {u"messageId"_s, ids.at(4)}}));
    }
    for (qint64 id : std::as_const(sent)) {
        const QJsonObject reply = m_ada2->waitReply(id);
        QVERIFY2(!reply.isEmpty(), "a mark went unanswered");
        if (errorCode(reply) == u"rate_limited")
            ++limited;
        else
            QVERIFY2(isOk(reply), qPrintable(dump(reply)));
    }
    QVERIFY2(limited > 0, "600 marks at once were not limited");
    QCOMPARE(intOf(stateOf(*m_ada, General), "lastReadId"), ids.at(4));
    // One move forward, one frame to each device.
    QVERIFY(barrier(*m_ada));
    QCOMPARE(framesOf(*m_ada, u"read"_s).size(), 2);
}

QTEST_GUILESS_MAIN(tst_ReadState)
#include "tst_readstate.moc"
