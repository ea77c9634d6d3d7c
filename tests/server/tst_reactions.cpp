// Reactions (part "react" of issue 12) against a real in-process server on loopback:
// reaction.set on messages and posts, the reaction.changed event live and in sync, a set that is
// already so (two devices of one user converge), the emoji rules and the per-entry limit,
// authorization of the target, and reactions going with their message or post.

#include "testclient.h"
#include "testserver.h"
#include "twousers.h"

#include <QJsonArray>
#include <QTest>

using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 General = 1;

QJsonObject onMessage(qint64 messageId, const QString &emoji, bool on = true)
{
    return {{u"messageId"_s, messageId}, {u"emoji"_s, emoji}, {u"on"_s, on}};
}

QJsonObject onPost(qint64 postId, const QString &emoji, bool on = true)
{
    return {{u"postId"_s, postId}, {u"emoji"_s, emoji}, {u"on"_s, on}};
}

QJsonObject reaction(const QString &emoji, const QList<qint64> &userIds)
{
    QJsonArray users;
    for (qint64 id : userIds)
        users.append(id);
    return {{u"emoji"_s, emoji}, {u"count"_s, userIds.size()}, {u"userIds"_s, users}};
}

int eventsNamed(const TestClient &client, const QString &name)
{
    int count = 0;
    for (const QJsonObject &event : client.events())
        count += eventName(event) == name ? 1 : 0;
    return count;
}

} // namespace

class tst_Reactions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void reactionOnMessageIsLiveAndInHistory();
    void reactionOnPostIsInFeedAndPost();
    void twoDevicesConverge();
    void emojiRejects_data();
    void emojiRejects();
    void emojiAccepted_data();
    void emojiAccepted();
    void twentyDistinctPerEntry();
    void targetRejects_data();
    void targetRejects();
    void reactionsGoWithTheirEntry();
    void reactionEventInSyncAfterReconnect();

private:
    qint64 sendMessage(TestClient &client, const QString &text);
    qint64 createPost(TestClient &client, const QString &title);

    TwoUsers m_fx;
};

void tst_Reactions::init()
{
    QVERIFY(m_fx.setUp());
}

void tst_Reactions::cleanup()
{
    m_fx.tearDown();
}

qint64 tst_Reactions::sendMessage(TestClient &client, const QString &text)
{
    const QJsonObject reply
        = client.request(u"chat.send"_s, {{u"channelId"_s, General}, {u"text"_s, text}});
    return idOf(objectOf(reply, "message"));
}

qint64 tst_Reactions::createPost(TestClient &client, const QString &title)
{
    const QJsonObject reply
        = client.request(u"post.create"_s, {{u"title"_s, title}, {u"content"_s, u"Text"_s}});
    return idOf(postOf(reply));
}

void tst_Reactions::reactionOnMessageIsLiveAndInHistory()
{
    const qint64 messageId = sendMessage(*m_fx.bob, u"ship it?"_s);
    QVERIFY(messageId > 0);
    m_fx.bob->clearEvents();

    const QJsonObject first = m_fx.ada->request(u"reaction.set"_s, onMessage(messageId, u"👍"_s));
    QVERIFY2(isOk(first), qPrintable(dump(first)));
    QCOMPARE(first.value("reactions"_L1).toArray(),
        (QJsonArray {reaction(u"👍"_s, {m_fx.ada->userId()})}));
    QCOMPARE(intOf(first, "messageId"), messageId);
    QCOMPARE(intOf(first, "channelId"), General);

    const QJsonObject event = m_fx.bob->waitEventNamed(u"reaction.changed"_s);
    QCOMPARE(seqOf(event), seqOf(first));
    QCOMPARE(intOf(event, "messageId"), messageId);
    QCOMPARE(intOf(event, "channelId"), General);
    QCOMPARE(event.value("reactions"_L1), first.value("reactions"_L1));

    // First-reacted order: the emoji by their first reaction, the users by theirs.
    QVERIFY(isOk(m_fx.bob->request(u"reaction.set"_s, onMessage(messageId, u"🎉"_s))));
    const QJsonObject third = m_fx.bob->request(u"reaction.set"_s, onMessage(messageId, u"👍"_s));
    const QJsonArray expected {reaction(u"👍"_s, {m_fx.ada->userId(), m_fx.bob->userId()}),
        reaction(u"🎉"_s, {m_fx.bob->userId()})};
    QCOMPARE(third.value("reactions"_L1).toArray(), expected);

    const QJsonObject history = m_fx.ada->request(u"chat.history"_s, {{u"channelId"_s, General}});
    const QJsonObject stored = history.value("messages"_L1).toArray().last().toObject();
    QCOMPARE(stored.value("reactions"_L1).toArray(), expected);

    // Taking one away: the emoji goes when its last user does.
    const QJsonObject off
        = m_fx.bob->request(u"reaction.set"_s, onMessage(messageId, u"🎉"_s, false));
    QCOMPARE(off.value("reactions"_L1).toArray(),
        (QJsonArray {reaction(u"👍"_s, {m_fx.ada->userId(), m_fx.bob->userId()})}));
}

void tst_Reactions::reactionOnPostIsInFeedAndPost()
{
    const qint64 postId = createPost(*m_fx.ada, u"Holiday photos"_s);
    QVERIFY(postId > 0);
    m_fx.ada->clearEvents();
    const QJsonObject set = m_fx.bob->request(u"reaction.set"_s, onPost(postId, u"❤️"_s));
    QVERIFY2(isOk(set), qPrintable(dump(set)));
    const QJsonArray expected {reaction(u"❤️"_s, {m_fx.bob->userId()})};
    QCOMPARE(set.value("reactions"_L1).toArray(), expected);

    const QJsonObject event = m_fx.ada->waitEventNamed(u"reaction.changed"_s);
    QCOMPARE(intOf(event, "postId"), postId);
    QVERIFY(!event.contains("messageId"_L1));
    QCOMPARE(event.value("reactions"_L1).toArray(), expected);

    const QJsonObject page = m_fx.ada->request(u"feed.page"_s);
    QCOMPARE(page.value("posts"_L1).toArray().first().toObject().value("reactions"_L1).toArray(),
        expected);
    const QJsonObject post = m_fx.ada->request(u"post.get"_s, {{u"postId"_s, postId}});
    QCOMPARE(postOf(post).value("reactions"_L1).toArray(), expected);
}

void tst_Reactions::twoDevicesConverge()
{
    const qint64 messageId = sendMessage(*m_fx.bob, u"vote"_s);
    TestClient phone;
    QVERIFY(phone.open(m_fx.server->url()));
    QVERIFY(isOk(phone.login(u"ada"_s)));
    m_fx.bob->clearEvents();

    // Both devices put the same reaction on, pipelined: one change, one event, one answer.
    const qint64 fromDesk = m_fx.ada->send(u"reaction.set"_s, onMessage(messageId, u"👀"_s));
    const qint64 fromPhone = phone.send(u"reaction.set"_s, onMessage(messageId, u"👀"_s));
    const QJsonObject desk = m_fx.ada->waitReply(fromDesk);
    const QJsonObject mobile = phone.waitReply(fromPhone);
    QVERIFY2(isOk(desk) && isOk(mobile), qPrintable(dump(desk) + dump(mobile)));
    QCOMPARE(desk.value("reactions"_L1), mobile.value("reactions"_L1));
    QCOMPARE(seqOf(desk), seqOf(mobile));
    QCOMPARE(desk.value("reactions"_L1).toArray(),
        (QJsonArray {reaction(u"👀"_s, {m_fx.ada->userId()})}));

    // Both take it off: again one change.
    const QJsonObject offDesk
        = m_fx.ada->request(u"reaction.set"_s, onMessage(messageId, u"👀"_s, false));
    const QJsonObject offPhone
        = phone.request(u"reaction.set"_s, onMessage(messageId, u"👀"_s, false));
    QCOMPARE(offDesk.value("reactions"_L1).toArray(), QJsonArray());
    QCOMPARE(offPhone.value("reactions"_L1).toArray(), QJsonArray());
    QCOMPARE(seqOf(offPhone), seqOf(offDesk));

    // A marker message after both: every reaction.changed has arrived before its event.
    const qint64 marker = sendMessage(*m_fx.ada, u"marker"_s);
    QVERIFY(!m_fx.bob
                 ->waitEvent([marker](const QJsonObject &e) {
                     return idOf(objectOf(e, "message")) == marker;
                 })
                 .isEmpty());
    QCOMPARE(eventsNamed(*m_fx.bob, u"reaction.changed"_s), 2);

    // Taking off what nobody put on answers with the entry's created seq: nothing changed ever.
    const QJsonObject fresh
        = m_fx.bob->request(u"chat.send"_s, {{u"channelId"_s, General}, {u"text"_s, u"fresh"_s}});
    const QJsonObject nothing = m_fx.ada->request(
        u"reaction.set"_s, onMessage(idOf(objectOf(fresh, "message")), u"👀"_s, false));
    QVERIFY2(isOk(nothing), qPrintable(dump(nothing)));
    QCOMPARE(nothing.value("reactions"_L1).toArray(), QJsonArray());
    QCOMPARE(seqOf(nothing), seqOf(fresh));
}

void tst_Reactions::emojiRejects_data()
{
    QTest::addColumn<QJsonValue>("emoji");
    QTest::addColumn<QString>("code");
    QTest::addRow("empty") << QJsonValue(u""_s) << u"invalid"_s;
    QTest::addRow("a word") << QJsonValue(u"lol"_s) << u"invalid"_s;
    QTest::addRow("digits") << QJsonValue(u"100"_s) << u"invalid"_s;
    QTest::addRow("with a space") << QJsonValue(u"👍 👍"_s) << u"invalid"_s;
    QTest::addRow("leading space") << QJsonValue(u" 👍"_s) << u"invalid"_s;
    QTest::addRow("newline") << QJsonValue(u"👍\n"_s) << u"invalid"_s;
    QTest::addRow("control") << QJsonValue(u"\u0007!"_s) << u"invalid"_s;
    QTest::addRow("lone surrogate") << QJsonValue(QString(QChar(0xD83D))) << u"invalid"_s;
    // 9 four-byte emoji: 36 bytes.
    QTest::addRow("33+ bytes") << QJsonValue(u"😀😀😀😀😀😀😀😀😀"_s) << u"invalid"_s;
    QTest::addRow("a number") << QJsonValue(1) << u"bad_request"_s;
}

void tst_Reactions::emojiRejects()
{
    QFETCH(QJsonValue, emoji);
    QFETCH(QString, code);
    const qint64 messageId = sendMessage(*m_fx.ada, u"m"_s);
    QJsonObject params = onMessage(messageId, QString());
    params.insert(u"emoji"_s, emoji);
    const QJsonObject reply = m_fx.bob->request(u"reaction.set"_s, params);
    QCOMPARE(errorCode(reply), code);
    if (code == u"invalid"_s)
        QCOMPARE(errorField(reply), u"emoji"_s);
    QCOMPARE(storedRows(m_fx.server->databasePath(), u"reactions"_s), 0);
}

void tst_Reactions::emojiAccepted_data()
{
    QTest::addColumn<QString>("emoji");
    QTest::addRow("thumbs up") << u"👍"_s;
    QTest::addRow("skin tone") << u"👍🏽"_s;
    QTest::addRow("zwj family") << u"👨‍👩‍👧"_s;
    QTest::addRow("keycap") << u"1️⃣"_s;
    QTest::addRow("heart with selector") << u"❤️"_s;
    QTest::addRow("plus one") << u"+1"_s;
    QTest::addRow("32 bytes") << u"😀😀😀😀😀😀😀😀"_s;
}

void tst_Reactions::emojiAccepted()
{
    QFETCH(QString, emoji);
    const qint64 messageId = sendMessage(*m_fx.ada, u"m"_s);
    const QJsonObject reply = m_fx.bob->request(u"reaction.set"_s, onMessage(messageId, emoji));
    QVERIFY2(isOk(reply), qPrintable(dump(reply)));
    QCOMPARE(reply.value("reactions"_L1).toArray().first().toObject().value("emoji"_L1).toString(),
        emoji);
}

void tst_Reactions::twentyDistinctPerEntry()
{
    const qint64 messageId = sendMessage(*m_fx.ada, u"react to me"_s);
    QList<qint64> requests;
    for (int i = 0; i < 20; ++i)
        requests.append(m_fx.ada->send(
            u"reaction.set"_s, onMessage(messageId, QString(QChar(0x2600 + i)) + u"!"_s)));
    for (qint64 id : std::as_const(requests))
        QVERIFY(isOk(m_fx.ada->waitReply(id)));
    const QJsonObject extra = m_fx.bob->request(u"reaction.set"_s, onMessage(messageId, u"⛄"_s));
    QCOMPARE(errorCode(extra), u"too_large"_s);
    QCOMPARE(errorField(extra), u"emoji"_s);
    // One of the twenty is still open to others.
    const QJsonObject same = m_fx.bob->request(
        u"reaction.set"_s, onMessage(messageId, QString(QChar(0x2600)) + u"!"_s));
    QVERIFY2(isOk(same), qPrintable(dump(same)));
    QCOMPARE(same.value("reactions"_L1).toArray().size(), 20);
    // Once one emoji is gone entirely, a new one fits.
    QVERIFY(isOk(m_fx.ada->request(
        u"reaction.set"_s, onMessage(messageId, QString(QChar(0x2613)) + u"!"_s, false))));
    QVERIFY(isOk(m_fx.bob->request(u"reaction.set"_s, onMessage(messageId, u"⛄"_s))));
    QCOMPARE(storedRows(m_fx.server->databasePath(), u"reactions"_s), 21);
}

void tst_Reactions::targetRejects_data()
{
    QTest::addColumn<QJsonObject>("params");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    QTest::addRow("neither") << QJsonObject {{u"emoji"_s, u"👍"_s}, {u"on"_s, true}}
                             << u"bad_request"_s << QString();
    QTest::addRow("both") << QJsonObject {{u"messageId"_s, 1}, {u"postId"_s, 1},
        {u"emoji"_s, u"👍"_s}, {u"on"_s, true}}
                          << u"bad_request"_s << QString();
    QTest::addRow("unknown message") << onMessage(999, u"👍"_s) << u"not_found"_s << u"messageId"_s;
    QTest::addRow("unknown post") << onPost(999, u"👍"_s) << u"not_found"_s << u"postId"_s;
    QTest::addRow("message 0") << onMessage(0, u"👍"_s) << u"not_found"_s << u"messageId"_s;
    QTest::addRow("post 0") << onPost(0, u"👍"_s) << u"not_found"_s << u"postId"_s;
    QTest::addRow("no on") << QJsonObject {{u"messageId"_s, 1}, {u"emoji"_s, u"👍"_s}}
                           << u"bad_request"_s << QString();
    QTest::addRow("on as text") << QJsonObject {{u"messageId"_s, 1}, {u"emoji"_s, u"👍"_s},
        {u"on"_s, u"yes"_s}} << u"bad_request"_s
                                << QString();
    QTest::addRow("no emoji") << QJsonObject {{u"messageId"_s, 1}, {u"on"_s, true}}
                              << u"bad_request"_s << QString();
}

void tst_Reactions::targetRejects()
{
    QFETCH(QJsonObject, params);
    QFETCH(QString, code);
    QFETCH(QString, field);
    QCOMPARE(sendMessage(*m_fx.ada, u"the first message"_s), 1);
    const QJsonObject reply = m_fx.bob->request(u"reaction.set"_s, params);
    QCOMPARE(errorCode(reply), code);
    QCOMPARE(errorField(reply), field);
    QCOMPARE(storedRows(m_fx.server->databasePath(), u"reactions"_s), 0);
}

void tst_Reactions::reactionsGoWithTheirEntry()
{
    const qint64 messageId = sendMessage(*m_fx.ada, u"short-lived"_s);
    const qint64 postId = createPost(*m_fx.ada, u"also short-lived"_s);
    QVERIFY(isOk(m_fx.bob->request(u"reaction.set"_s, onMessage(messageId, u"👍"_s))));
    QVERIFY(isOk(m_fx.bob->request(u"reaction.set"_s, onPost(postId, u"👍"_s))));
    QCOMPARE(storedRows(m_fx.server->databasePath(), u"reactions"_s), 2);

    QVERIFY(isOk(m_fx.ada->request(u"chat.delete"_s, {{u"messageId"_s, messageId}})));
    QVERIFY(isOk(m_fx.ada->request(u"post.delete"_s, {{u"postId"_s, postId}})));
    QCOMPARE(storedRows(m_fx.server->databasePath(), u"reactions"_s), 0);
    QCOMPARE(errorField(m_fx.bob->request(u"reaction.set"_s, onMessage(messageId, u"👍"_s))),
        u"messageId"_s);
    QCOMPARE(errorField(m_fx.bob->request(u"reaction.set"_s, onPost(postId, u"👍"_s))), u"postId"_s);
}

void tst_Reactions::reactionEventInSyncAfterReconnect()
{
    const qint64 messageId = sendMessage(*m_fx.ada, u"while you were out"_s);
    QTRY_VERIFY(m_fx.bob->lastSeq() > 0);
    const qint64 since = m_fx.bob->lastSeq();
    const QString token = m_fx.bob->token();
    m_fx.bob.reset();

    const QJsonObject set = m_fx.ada->request(u"reaction.set"_s, onMessage(messageId, u"🙌"_s));
    QVERIFY2(isOk(set), qPrintable(dump(set)));

    TestClient back;
    QVERIFY(back.open(m_fx.server->url()));
    QVERIFY(isOk(back.request(u"hello"_s, {{u"protocol"_s, 1}})));
    QVERIFY(isOk(back.request(u"auth.token"_s, {{u"token"_s, token}})));
    const QJsonObject synced = back.request(u"sync"_s, {{u"since"_s, since}});
    const QJsonArray events = synced.value("events"_L1).toArray();
    QCOMPARE(events.size(), 1);
    const QJsonObject event = events.first().toObject();
    QCOMPARE(eventName(event), u"reaction.changed"_s);
    QCOMPARE(seqOf(event), seqOf(set));
    QCOMPARE(intOf(event, "messageId"), messageId);
    QCOMPARE(event.value("reactions"_L1), set.value("reactions"_L1));
}

QTEST_GUILESS_MAIN(tst_Reactions)
#include "tst_reactions.moc"
