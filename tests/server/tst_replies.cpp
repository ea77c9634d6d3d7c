// Replies (part "react" of issue 12) against a real in-process server on loopback: chat.send's
// replyTo and the quote every Message carries, the quote of a deleted or edited original,
// idempotent resends of a reply, the event in sync after a reconnect, and chat.around.

#include "testclient.h"
#include "testserver.h"
#include "twousers.h"

#include <QJsonArray>
#include <QTest>

using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 General = 1;
//! Stands for "a message of another channel" in data rows (its id is known only later).
constexpr qint64 OtherChannelMessage = -42;

QJsonObject sendParams(qint64 channelId, const QString &text, qint64 replyTo = 0)
{
    QJsonObject params {{u"channelId"_s, channelId}, {u"text"_s, text}};
    if (replyTo != 0)
        params.insert(u"replyTo"_s, replyTo);
    return params;
}

QJsonObject messageOf(const QJsonObject &reply)
{
    return objectOf(reply, "message");
}

QList<qint64> idsOf(const QJsonArray &messages)
{
    QList<qint64> ids;
    for (const QJsonValue &message : messages)
        ids.append(message.toObject().value("id"_L1).toInteger());
    return ids;
}

//! The message with this id in a chat.history reply ({} when absent).
QJsonObject inHistory(TestClient &client, qint64 channelId, qint64 messageId)
{
    const QJsonObject reply = client.request(u"chat.history"_s, {{u"channelId"_s, channelId}});
    const QJsonArray messages = reply.value("messages"_L1).toArray();
    for (const QJsonValue &m : messages) {
        if (idOf(m.toObject()) == messageId)
            return m.toObject();
    }
    return {};
}

} // namespace

class tst_Replies : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void replyQuotesTheOriginal();
    void messageWithoutReplyHasNullReplyTo();
    void quoteIsTheFirstLineCut();
    void replyRejects_data();
    void replyRejects();
    void quoteFollowsEditAndDelete();
    void resentReplyIsStoredOnce();
    void replyEventInSyncAfterReconnect();

    void aroundCentresOnTheMessage();
    void aroundAtTheEdges();
    void aroundStaysInItsChannel();
    void aroundRejects_data();
    void aroundRejects();

private:
    TwoUsers m_fx;
};

void tst_Replies::init()
{
    QVERIFY(m_fx.setUp());
}

void tst_Replies::cleanup()
{
    m_fx.tearDown();
}

void tst_Replies::replyQuotesTheOriginal()
{
    const QJsonObject original
        = m_fx.ada->request(u"chat.send"_s, sendParams(General, u"Lunch at noon?\nOr later"_s));
    QVERIFY2(isOk(original), qPrintable(dump(original)));
    const qint64 originalId = idOf(messageOf(original));
    m_fx.ada->clearEvents();

    const QJsonObject reply
        = m_fx.bob->request(u"chat.send"_s, sendParams(General, u"Noon works"_s, originalId));
    QVERIFY2(isOk(reply), qPrintable(dump(reply)));
    const QJsonObject quote = objectOf(messageOf(reply), "replyTo");
    QCOMPARE(idOf(quote), originalId);
    QCOMPARE(stringOf(quote, "text"), u"Lunch at noon?"_s);
    QCOMPARE(stringOf(objectOf(quote, "author"), "username"), u"ada"_s);
    QVERIFY(!quote.contains("deleted"_L1));

    // The event carries the same quote, and so does history.
    const QJsonObject event = m_fx.ada->waitEventNamed(u"message.created"_s);
    QCOMPARE(objectOf(event, "message"), messageOf(reply));
    QCOMPARE(inHistory(*m_fx.ada, General, idOf(messageOf(reply))), messageOf(reply));
}

void tst_Replies::messageWithoutReplyHasNullReplyTo()
{
    const QJsonObject reply = m_fx.ada->request(u"chat.send"_s, sendParams(General, u"plain"_s));
    QVERIFY2(isOk(reply), qPrintable(dump(reply)));
    QVERIFY(messageOf(reply).value("replyTo"_L1).isNull());
    QCOMPARE(messageOf(reply).value("reactions"_L1).toArray(), QJsonArray());
}

void tst_Replies::quoteIsTheFirstLineCut()
{
    // 250 characters, each a surrogate pair: the quote keeps 200 whole ones.
    QString longLine;
    for (int i = 0; i < 250; ++i)
        longLine += u"😀"_s;
    const QJsonObject original
        = m_fx.ada->request(u"chat.send"_s, sendParams(General, longLine + u"\nsecond line"_s));
    QVERIFY2(isOk(original), qPrintable(dump(original)));
    const QJsonObject reply = m_fx.bob->request(
        u"chat.send"_s, sendParams(General, u"so many"_s, idOf(messageOf(original))));
    QVERIFY2(isOk(reply), qPrintable(dump(reply)));
    const QString quoted = stringOf(objectOf(messageOf(reply), "replyTo"), "text");
    QCOMPARE(quoted.size(), 400);
    QCOMPARE(quoted, longLine.left(400));
}

void tst_Replies::replyRejects_data()
{
    QTest::addColumn<QJsonValue>("replyTo");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    QTest::addRow("unknown message") << QJsonValue(9999) << u"not_found"_s << u"replyTo"_s;
    QTest::addRow("other channel")
        << QJsonValue(OtherChannelMessage) << u"not_found"_s << u"replyTo"_s;
    QTest::addRow("zero") << QJsonValue(0) << u"not_found"_s << u"replyTo"_s;
    QTest::addRow("negative") << QJsonValue(-5) << u"invalid"_s << u"replyTo"_s;
    QTest::addRow("a string") << QJsonValue(u"1"_s) << u"bad_request"_s << QString();
}

void tst_Replies::replyRejects()
{
    QFETCH(QJsonValue, replyTo);
    QFETCH(QString, code);
    QFETCH(QString, field);
    const QJsonObject other = m_fx.ada->request(
        u"channel.create"_s, {{u"name"_s, u"elsewhere"_s}, {u"topic"_s, u""_s}});
    QVERIFY2(isOk(other), qPrintable(dump(other)));
    const qint64 otherChannel = idOf(objectOf(other, "channel"));
    const QJsonObject elsewhere
        = m_fx.ada->request(u"chat.send"_s, sendParams(otherChannel, u"over here"_s));
    QVERIFY2(isOk(elsewhere), qPrintable(dump(elsewhere)));
    if (replyTo.toInteger() == OtherChannelMessage)
        replyTo = idOf(messageOf(elsewhere)); // a message, but not in #general

    QJsonObject params = sendParams(General, u"answer"_s);
    params.insert(u"replyTo"_s, replyTo);
    const qint64 headBefore = m_fx.ada->lastSeq();
    const QJsonObject reply = m_fx.bob->request(u"chat.send"_s, params);
    QCOMPARE(errorCode(reply), code);
    QCOMPARE(errorField(reply), field);
    // Nothing was stored: the next message gets the next seq.
    const QJsonObject next = m_fx.bob->request(u"chat.send"_s, sendParams(General, u"next"_s));
    QCOMPARE(seqOf(next), headBefore + 1);
}

void tst_Replies::quoteFollowsEditAndDelete()
{
    const QJsonObject original
        = m_fx.ada->request(u"chat.send"_s, sendParams(General, u"first version"_s));
    const qint64 originalId = idOf(messageOf(original));
    const QJsonObject reply
        = m_fx.bob->request(u"chat.send"_s, sendParams(General, u"answer"_s, originalId));
    QVERIFY2(isOk(reply), qPrintable(dump(reply)));
    const qint64 replyId = idOf(messageOf(reply));

    QVERIFY(isOk(m_fx.ada->request(
        u"chat.edit"_s, {{u"messageId"_s, originalId}, {u"text"_s, u"second version"_s}})));
    QCOMPARE(stringOf(objectOf(inHistory(*m_fx.bob, General, replyId), "replyTo"), "text"),
        u"second version"_s);

    m_fx.bob->clearEvents();
    QVERIFY(isOk(m_fx.ada->request(u"chat.delete"_s, {{u"messageId"_s, originalId}})));
    // Clients learn it from message.deleted; history now quotes {id, deleted: true}.
    const QJsonObject deleted = m_fx.bob->waitEventNamed(u"message.deleted"_s);
    QCOMPARE(intOf(deleted, "messageId"), originalId);
    const QJsonObject quote = objectOf(inHistory(*m_fx.bob, General, replyId), "replyTo");
    QCOMPARE(quote, (QJsonObject {{u"id"_s, originalId}, {u"deleted"_s, true}}));

    // A reply to the deleted original is refused like any unknown message.
    QCOMPARE(
        errorField(m_fx.bob->request(u"chat.send"_s, sendParams(General, u"late"_s, originalId))),
        u"replyTo"_s);
}

void tst_Replies::resentReplyIsStoredOnce()
{
    const QJsonObject original = m_fx.ada->request(u"chat.send"_s, sendParams(General, u"q"_s));
    const qint64 originalId = idOf(messageOf(original));
    QJsonObject params = sendParams(General, u"a"_s, originalId);
    params.insert(u"nonce"_s, u"reply-1"_s);
    const QJsonObject first = m_fx.bob->request(u"chat.send"_s, params);
    QVERIFY2(isOk(first), qPrintable(dump(first)));
    const QJsonObject again = m_fx.bob->request(u"chat.send"_s, params);
    QCOMPARE(messageOf(again), messageOf(first));
    QCOMPARE(seqOf(again), seqOf(first));

    // Even once the original is gone the resend answers with the earlier reply, not not_found.
    QVERIFY(isOk(m_fx.ada->request(u"chat.delete"_s, {{u"messageId"_s, originalId}})));
    const QJsonObject late = m_fx.bob->request(u"chat.send"_s, params);
    QVERIFY2(isOk(late), qPrintable(dump(late)));
    QCOMPARE(idOf(messageOf(late)), idOf(messageOf(first)));
    QCOMPARE(seqOf(late), seqOf(first));
    QCOMPARE(objectOf(messageOf(late), "replyTo").value("deleted"_L1), QJsonValue(true));
}

void tst_Replies::replyEventInSyncAfterReconnect()
{
    const QJsonObject original = m_fx.ada->request(u"chat.send"_s, sendParams(General, u"q"_s));
    QTRY_COMPARE(m_fx.bob->lastSeq(), seqOf(original));
    const qint64 since = m_fx.bob->lastSeq();
    const QString token = m_fx.bob->token();
    m_fx.bob.reset();

    const QJsonObject reply = m_fx.ada->request(
        u"chat.send"_s, sendParams(General, u"while away"_s, idOf(messageOf(original))));
    QVERIFY2(isOk(reply), qPrintable(dump(reply)));

    TestClient back;
    QVERIFY(back.open(m_fx.server->url()));
    QVERIFY(isOk(back.request(u"hello"_s, {{u"protocol"_s, 1}})));
    QVERIFY(isOk(back.request(u"auth.token"_s, {{u"token"_s, token}})));
    const QJsonObject synced = back.request(u"sync"_s, {{u"since"_s, since}});
    QVERIFY2(isOk(synced), qPrintable(dump(synced)));
    const QJsonArray events = synced.value("events"_L1).toArray();
    QCOMPARE(events.size(), 1);
    QCOMPARE(objectOf(events.first().toObject(), "message"), messageOf(reply));
}

void tst_Replies::aroundCentresOnTheMessage()
{
    QList<qint64> ids;
    for (int i = 0; i < 30; ++i) {
        const QJsonObject r
            = m_fx.ada->request(u"chat.send"_s, sendParams(General, u"m%1"_s.arg(i)));
        QVERIFY2(isOk(r), qPrintable(dump(r)));
        ids.append(idOf(messageOf(r)));
    }
    const QJsonObject reply
        = m_fx.bob->request(u"chat.around"_s, {{u"messageId"_s, ids.at(15)}, {u"limit"_s, 11}});
    QVERIFY2(isOk(reply), qPrintable(dump(reply)));
    QCOMPARE(intOf(reply, "channelId"), General);
    QCOMPARE(idsOf(reply.value("messages"_L1).toArray()), ids.mid(10, 11));
    QCOMPARE(reply.value("moreBefore"_L1), QJsonValue(true));
    QCOMPARE(reply.value("moreAfter"_L1), QJsonValue(true));

    // The default page is 50: all 30 fit, none missing on either side.
    const QJsonObject all = m_fx.bob->request(u"chat.around"_s, {{u"messageId"_s, ids.at(15)}});
    QCOMPARE(idsOf(all.value("messages"_L1).toArray()), ids);
    QCOMPARE(all.value("moreBefore"_L1), QJsonValue(false));
    QCOMPARE(all.value("moreAfter"_L1), QJsonValue(false));

    // limit 1: the message alone, the same as history shows it.
    const QJsonObject one
        = m_fx.bob->request(u"chat.around"_s, {{u"messageId"_s, ids.at(3)}, {u"limit"_s, 1}});
    const QJsonArray single = one.value("messages"_L1).toArray();
    QCOMPARE(single.size(), 1);
    QCOMPARE(single.first().toObject(), inHistory(*m_fx.bob, General, ids.at(3)));
}

void tst_Replies::aroundAtTheEdges()
{
    QList<qint64> ids;
    for (int i = 0; i < 10; ++i)
        ids.append(idOf(messageOf(m_fx.ada->request(u"chat.send"_s, sendParams(General, u"e"_s)))));
    const QJsonObject first
        = m_fx.bob->request(u"chat.around"_s, {{u"messageId"_s, ids.first()}, {u"limit"_s, 5}});
    QCOMPARE(idsOf(first.value("messages"_L1).toArray()), ids.mid(0, 3));
    QCOMPARE(first.value("moreBefore"_L1), QJsonValue(false));
    QCOMPARE(first.value("moreAfter"_L1), QJsonValue(true));

    const QJsonObject last
        = m_fx.bob->request(u"chat.around"_s, {{u"messageId"_s, ids.last()}, {u"limit"_s, 5}});
    QCOMPARE(idsOf(last.value("messages"_L1).toArray()), ids.mid(7, 3));
    QCOMPARE(last.value("moreBefore"_L1), QJsonValue(true));
    QCOMPARE(last.value("moreAfter"_L1), QJsonValue(false));
}

void tst_Replies::aroundStaysInItsChannel()
{
    const QJsonObject other
        = m_fx.ada->request(u"channel.create"_s, {{u"name"_s, u"other"_s}, {u"topic"_s, u""_s}});
    const qint64 otherChannel = idOf(objectOf(other, "channel"));
    QList<qint64> general;
    for (int i = 0; i < 4; ++i) {
        general.append(
            idOf(messageOf(m_fx.ada->request(u"chat.send"_s, sendParams(General, u"g"_s)))));
        QVERIFY(isOk(m_fx.ada->request(u"chat.send"_s, sendParams(otherChannel, u"o"_s))));
    }
    const QJsonObject reply
        = m_fx.bob->request(u"chat.around"_s, {{u"messageId"_s, general.at(2)}});
    QCOMPARE(idsOf(reply.value("messages"_L1).toArray()), general);
}

void tst_Replies::aroundRejects_data()
{
    QTest::addColumn<QJsonObject>("params");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    QTest::addRow("no messageId") << QJsonObject {} << u"bad_request"_s << QString();
    QTest::addRow("unknown") << QJsonObject {{u"messageId"_s, 777}} << u"not_found"_s
                             << u"messageId"_s;
    QTest::addRow("limit 0") << QJsonObject {{u"messageId"_s, 1}, {u"limit"_s, 0}} << u"invalid"_s
                             << u"limit"_s;
    QTest::addRow("limit 201") << QJsonObject {{u"messageId"_s, 1}, {u"limit"_s, 201}}
                               << u"invalid"_s << u"limit"_s;
}

void tst_Replies::aroundRejects()
{
    QFETCH(QJsonObject, params);
    QFETCH(QString, code);
    QFETCH(QString, field);
    QVERIFY(isOk(m_fx.ada->request(u"chat.send"_s, sendParams(General, u"one"_s))));
    const QJsonObject reply = m_fx.bob->request(u"chat.around"_s, params);
    QCOMPARE(errorCode(reply), code);
    QCOMPARE(errorField(reply), field);
}

QTEST_GUILESS_MAIN(tst_Replies)
#include "tst_replies.moc"
