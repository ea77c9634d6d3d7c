// Channels and chat messages against a real in-process server on loopback: channel.list,
// channel.create, chat.send, chat.history, chat.edit, chat.delete and nonce idempotency.

#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

#include <algorithm>

using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

namespace {

QJsonObject hello()
{
    return {{u"protocol"_s, 1}, {u"client"_s, u"tst_chat/1"_s}};
}

//! The server's head as `hello` reports it.
qint64 headOf(TestClient &client)
{
    const QJsonObject reply = client.request(u"hello"_s, hello());
    return isOk(reply) ? reply.value("head"_L1).toInteger() : -1;
}

QJsonObject sendParams(qint64 channelId, const QString &text)
{
    return {{u"channelId"_s, channelId}, {u"text"_s, text}};
}

//! Sends `texts` to `channelId` without waiting in between, then waits for every reply; the
//! ids of the created messages in `ids`. False when any reply is missing or not ok.
bool sendPipelined(
    TestClient &client, qint64 channelId, const QStringList &texts, QList<qint64> *ids = nullptr)
{
    QList<qint64> requestIds;
    for (const QString &text : texts)
        requestIds.append(client.send(u"chat.send"_s, sendParams(channelId, text)));
    bool allOk = true;
    for (qint64 requestId : std::as_const(requestIds)) {
        const QJsonObject reply = client.waitReply(requestId, 30000);
        if (!isOk(reply)) {
            qWarning("chat.send failed: %s", qPrintable(dump(reply)));
            allOk = false;
            continue;
        }
        if (ids)
            ids->append(reply.value("message"_L1).toObject().value("id"_L1).toInteger());
    }
    return allOk;
}

QList<qint64> idsOf(const QJsonArray &messages)
{
    QList<qint64> ids;
    for (const QJsonValue &message : messages)
        ids.append(message.toObject().value("id"_L1).toInteger());
    return ids;
}

//! A server with two logged-in members, ada and bob.
struct Pair
{
    TestServer server;
    TestClient ada;
    TestClient bob;

    bool start()
    {
        if (!server.start() || !ada.open(server.url()) || !bob.open(server.url()))
            return false;
        const QJsonObject a = ada.registerUser(u"ada"_s);
        const QJsonObject b = bob.registerUser(u"bob"_s);
        if (!isOk(a) || !isOk(b)) {
            qWarning("register failed: %s / %s", qPrintable(dump(a)), qPrintable(dump(b)));
            return false;
        }
        return true;
    }
};

} // namespace

class tst_Chat : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void channelListHasGeneral();
    void channelCreateBroadcasts();
    void channelCreateRejects_data();
    void channelCreateRejects();
    void channelNameLengthLimit();
    void channelTopicIsOptional_data();
    void channelTopicIsOptional();

    void chatSendBroadcastsAndTrims();
    void chatSendRejects_data();
    void chatSendRejects();
    void chatSendLengthLimit();

    void historyDefaultPage();
    void historyPaging_data();
    void historyPaging();
    void historyRejects_data();
    void historyRejects();

    void editAndDeleteByAuthor();
    void editDeleteMatrix_data();
    void editDeleteMatrix();

    void sendNonceIsIdempotent();
};

void tst_Chat::channelListHasGeneral()
{
    Pair p;
    QVERIFY(p.start());
    const QJsonObject reply = p.ada.request(u"channel.list"_s);
    QVERIFY2(isOk(reply), qPrintable(dump(reply)));
    const QJsonArray channels = reply.value("channels"_L1).toArray();
    QCOMPARE(channels.size(), 1);
    const QJsonObject general = channels.first().toObject();
    QCOMPARE(general.value("id"_L1).toInteger(), 1);
    QCOMPARE(general.value("name"_L1).toString(), u"general"_s);
    QVERIFY(general.value("topic"_L1).isString());
}

void tst_Chat::channelCreateBroadcasts()
{
    Pair p;
    QVERIFY(p.start());
    const QJsonObject reply = p.ada.request(
        u"channel.create"_s, {{u"name"_s, u"  Random  "_s}, {u"topic"_s, u"Off topic"_s}});
    QVERIFY2(isOk(reply), qPrintable(dump(reply)));
    const QJsonObject channel = reply.value("channel"_L1).toObject();
    QVERIFY(channel.value("id"_L1).toInteger() > 1);
    QCOMPARE(channel.value("name"_L1).toString(), u"Random"_s); // trimmed, case kept
    QCOMPARE(channel.value("topic"_L1).toString(), u"Off topic"_s);
    const qint64 seq = reply.value("seq"_L1).toInteger();
    QVERIFY(seq > 0);

    const QJsonObject event = p.bob.waitEventNamed(u"channel.created"_s);
    QVERIFY2(!event.isEmpty(), "bob did not receive channel.created");
    QCOMPARE(event.value("seq"_L1).toInteger(), seq);
    QCOMPARE(event.value("channel"_L1).toObject(), channel);

    const QJsonObject list = p.bob.request(u"channel.list"_s);
    QVERIFY2(isOk(list), qPrintable(dump(list)));
    QVERIFY2(list.value("channels"_L1).toArray().contains(channel), qPrintable(dump(list)));

    // Taken ignoring case, also for a channel created at run time.
    const QJsonObject again = p.bob.request(u"channel.create"_s, {{u"name"_s, u"rANDOM"_s}});
    QCOMPARE(errorCode(again), u"conflict"_s);
    QCOMPARE(errorField(again), u"name"_s);
    QCOMPARE(headOf(p.bob), seq);
}

void tst_Chat::channelCreateRejects_data()
{
    QTest::addColumn<QJsonValue>("name");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");

    QTest::addRow("upper case of general")
        << QJsonValue(u"GENERAL"_s) << u"conflict"_s << u"name"_s;
    QTest::addRow("mixed case of general")
        << QJsonValue(u"General"_s) << u"conflict"_s << u"name"_s;
    QTest::addRow("general padded") << QJsonValue(u"  general "_s) << u"conflict"_s << u"name"_s;
    QTest::addRow("empty") << QJsonValue(QString()) << u"invalid"_s << u"name"_s;
    QTest::addRow("only spaces") << QJsonValue(u"    "_s) << u"invalid"_s << u"name"_s;
    QTest::addRow("65 chars") << QJsonValue(QString(65, u'c')) << u"too_large"_s << u"name"_s;
    QTest::addRow("number") << QJsonValue(42) << u"bad_request"_s << QString();
    QTest::addRow("missing") << QJsonValue(QJsonValue::Undefined) << u"bad_request"_s << QString();
}

void tst_Chat::channelCreateRejects()
{
    QFETCH(QJsonValue, name);
    QFETCH(QString, code);
    QFETCH(QString, field);

    Pair p;
    QVERIFY(p.start());
    const qint64 head = headOf(p.ada);
    QJsonObject params {{u"topic"_s, u"t"_s}};
    if (!name.isUndefined())
        params.insert(u"name"_s, name);
    const QJsonObject reply = p.ada.request(u"channel.create"_s, params);
    QCOMPARE(errorCode(reply), code);
    if (!field.isEmpty())
        QCOMPARE(errorField(reply), field);
    QCOMPARE(headOf(p.ada), head); // nothing stored, no event
    const QJsonObject list = p.ada.request(u"channel.list"_s);
    QCOMPARE(list.value("channels"_L1).toArray().size(), 1);
}

void tst_Chat::channelNameLengthLimit()
{
    Pair p;
    QVERIFY(p.start());
    const QString name64(64, u'n');
    const QJsonObject reply
        = p.ada.request(u"channel.create"_s, {{u"name"_s, name64}, {u"topic"_s, u"t"_s}});
    QVERIFY2(isOk(reply), qPrintable(dump(reply)));
    QCOMPARE(reply.value("channel"_L1).toObject().value("name"_L1).toString(), name64);
    // 64 after trimming is within the limit.
    const QString padded = u"  "_s + QString(64, u'm') + u" \t"_s;
    const QJsonObject trimmed
        = p.ada.request(u"channel.create"_s, {{u"name"_s, padded}, {u"topic"_s, u"t"_s}});
    QVERIFY2(isOk(trimmed), qPrintable(dump(trimmed)));
    QCOMPARE(trimmed.value("channel"_L1).toObject().value("name"_L1).toString(), QString(64, u'm'));
}

void tst_Chat::channelTopicIsOptional_data()
{
    QTest::addColumn<QJsonValue>("topic");
    QTest::addColumn<QString>("expected");

    QTest::addRow("topic missing") << QJsonValue(QJsonValue::Undefined) << QString();
    QTest::addRow("topic null") << QJsonValue(QJsonValue::Null) << QString();
    QTest::addRow("topic empty") << QJsonValue(QString()) << QString();
    QTest::addRow("topic blank") << QJsonValue(u"   "_s) << QString();
    QTest::addRow("topic padded") << QJsonValue(u" About cats "_s) << u"About cats"_s;
}

// `topic?` is optional in the spec: leaving it out (or blank) creates a channel with "" topic.
void tst_Chat::channelTopicIsOptional()
{
    QFETCH(QJsonValue, topic);
    QFETCH(QString, expected);

    Pair p;
    QVERIFY(p.start());
    QJsonObject params {{u"name"_s, u"cats"_s}};
    if (!topic.isUndefined())
        params.insert(u"topic"_s, topic);
    const QJsonObject reply = p.ada.request(u"channel.create"_s, params);
    QVERIFY2(isOk(reply), qPrintable(dump(reply)));
    const QJsonObject channel = reply.value("channel"_L1).toObject();
    QCOMPARE(channel.value("name"_L1).toString(), u"cats"_s);
    QVERIFY(channel.value("topic"_L1).isString());
    QCOMPARE(channel.value("topic"_L1).toString(), expected);
    const QJsonObject event = p.bob.waitEventNamed(u"channel.created"_s);
    QCOMPARE(event.value("channel"_L1).toObject(), channel);
}

void tst_Chat::chatSendBroadcastsAndTrims()
{
    Pair p;
    QVERIFY(p.start());
    const QJsonObject reply = p.ada.request(u"chat.send"_s, sendParams(1, u"  hello there \n"_s));
    QVERIFY2(isOk(reply), qPrintable(dump(reply)));
    const QJsonObject message = reply.value("message"_L1).toObject();
    QVERIFY(message.value("id"_L1).toInteger() > 0);
    QCOMPARE(message.value("channelId"_L1).toInteger(), 1);
    QCOMPARE(message.value("text"_L1).toString(), u"hello there"_s);
    QCOMPARE(message.value("author"_L1).toObject().value("id"_L1).toInteger(), p.ada.userId());
    QCOMPARE(message.value("author"_L1).toObject().value("username"_L1).toString(), u"ada"_s);
    QVERIFY(message.value("editedAt"_L1).isNull());
    QVERIFY(!message.value("createdAt"_L1).toString().isEmpty());
    const qint64 seq = reply.value("seq"_L1).toInteger();
    QVERIFY(seq > 0);

    const QJsonObject event = p.bob.waitEventNamed(u"message.created"_s);
    QVERIFY2(!event.isEmpty(), "bob did not receive message.created");
    QCOMPARE(event.value("seq"_L1).toInteger(), seq);
    QCOMPARE(event.value("message"_L1).toObject(), message);
    // The sender gets it too.
    QCOMPARE(p.ada.waitEventNamed(u"message.created"_s).value("seq"_L1).toInteger(), seq);
}

void tst_Chat::chatSendRejects_data()
{
    QTest::addColumn<QJsonValue>("channelId");
    QTest::addColumn<QJsonValue>("text");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");

    const QJsonValue general(1);
    QTest::addRow("blank text") << general << QJsonValue(u"   "_s) << u"invalid"_s << u"text"_s;
    QTest::addRow("empty text") << general << QJsonValue(QString()) << u"invalid"_s << u"text"_s;
    QTest::addRow("whitespace lines")
        << general << QJsonValue(u"\n\t \r\n"_s) << u"invalid"_s << u"text"_s;
    QTest::addRow("4001 chars") << general << QJsonValue(QString(4001, u'x')) << u"too_large"_s
                                << u"text"_s;
    QTest::addRow("4001 chars padded")
        << general << QJsonValue(u" "_s + QString(4001, u'x') + u" "_s) << u"too_large"_s
        << u"text"_s;
    QTest::addRow("unknown channel")
        << QJsonValue(999) << QJsonValue(u"hi"_s) << u"not_found"_s << QString();
    QTest::addRow("text not a string") << general << QJsonValue(5) << u"bad_request"_s << QString();
    QTest::addRow("text missing") << general << QJsonValue(QJsonValue::Undefined)
                                  << u"bad_request"_s << QString();
    QTest::addRow("channelId a string")
        << QJsonValue(u"1"_s) << QJsonValue(u"hi"_s) << u"bad_request"_s << QString();
}

void tst_Chat::chatSendRejects()
{
    QFETCH(QJsonValue, channelId);
    QFETCH(QJsonValue, text);
    QFETCH(QString, code);
    QFETCH(QString, field);

    Pair p;
    QVERIFY(p.start());
    const qint64 head = headOf(p.ada);
    QJsonObject params {{u"channelId"_s, channelId}};
    if (!text.isUndefined())
        params.insert(u"text"_s, text);
    const QJsonObject reply = p.ada.request(u"chat.send"_s, params);
    QCOMPARE(errorCode(reply), code);
    if (!field.isEmpty())
        QCOMPARE(errorField(reply), field);
    QCOMPARE(headOf(p.ada), head);
    const QJsonObject history = p.ada.request(u"chat.history"_s, {{u"channelId"_s, 1}});
    QVERIFY2(isOk(history), qPrintable(dump(history)));
    QCOMPARE(history.value("messages"_L1).toArray().size(), 0);
}

void tst_Chat::chatSendLengthLimit()
{
    Pair p;
    QVERIFY(p.start());
    const QString text4000(4000, u'y');
    const QJsonObject reply = p.ada.request(u"chat.send"_s, sendParams(1, text4000));
    QVERIFY2(isOk(reply), qPrintable(errorCode(reply)));
    QCOMPARE(reply.value("message"_L1).toObject().value("text"_L1).toString(), text4000);
    const QJsonObject padded
        = p.ada.request(u"chat.send"_s, sendParams(1, u"\n  "_s + text4000 + u" \t"_s));
    QVERIFY2(isOk(padded), qPrintable(errorCode(padded)));
    QCOMPARE(padded.value("message"_L1).toObject().value("text"_L1).toString(), text4000);
    const QJsonObject event = p.bob.waitEvent([&](const QJsonObject &e) {
        return e.value("seq"_L1).toInteger() == padded.value("seq"_L1).toInteger();
    });
    QCOMPARE(event.value("message"_L1).toObject().value("text"_L1).toString(), text4000);
}

void tst_Chat::historyDefaultPage()
{
    Pair p;
    QVERIFY(p.start());
    const QJsonObject created
        = p.ada.request(u"channel.create"_s, {{u"name"_s, u"other"_s}, {u"topic"_s, u"o"_s}});
    QVERIFY2(isOk(created), qPrintable(dump(created)));
    const qint64 other = created.value("channel"_L1).toObject().value("id"_L1).toInteger();

    QStringList texts;
    for (int i = 0; i < 60; ++i)
        texts.append(u"g"_s + QString::number(i));
    QList<qint64> generalIds;
    QVERIFY(sendPipelined(p.ada, 1, texts, &generalIds));
    QVERIFY(sendPipelined(p.bob, other, {u"o1"_s, u"o2"_s, u"o3"_s}));
    std::sort(generalIds.begin(), generalIds.end());

    const QJsonObject reply = p.bob.request(u"chat.history"_s, {{u"channelId"_s, 1}});
    QVERIFY2(isOk(reply), qPrintable(dump(reply)));
    const QJsonArray messages = reply.value("messages"_L1).toArray();
    QCOMPARE(messages.size(), 50);
    QCOMPARE(reply.value("more"_L1).toBool(), true);
    // The newest 50, oldest first.
    QCOMPARE(idsOf(messages), generalIds.mid(10));
    QCOMPARE(messages.first().toObject().value("text"_L1).toString(), u"g10"_s);
    QCOMPARE(messages.last().toObject().value("text"_L1).toString(), u"g59"_s);
    for (const QJsonValue &m : messages)
        QCOMPARE(m.toObject().value("channelId"_L1).toInteger(), 1);

    const QJsonObject otherHistory = p.ada.request(u"chat.history"_s, {{u"channelId"_s, other}});
    QVERIFY2(isOk(otherHistory), qPrintable(dump(otherHistory)));
    const QJsonArray otherMessages = otherHistory.value("messages"_L1).toArray();
    QCOMPARE(otherMessages.size(), 3);
    QCOMPARE(otherHistory.value("more"_L1).toBool(), false);
    QCOMPARE(otherMessages.at(0).toObject().value("text"_L1).toString(), u"o1"_s);
    QCOMPARE(otherMessages.at(2).toObject().value("text"_L1).toString(), u"o3"_s);
}

void tst_Chat::historyPaging_data()
{
    QTest::addColumn<int>("limit");
    QTest::addRow("limit 1") << 1;
    QTest::addRow("limit 7") << 7;
    QTest::addRow("limit 10 divides the total") << 10;
    QTest::addRow("limit 45") << 45;
    QTest::addRow("limit 60 equals the total") << 60;
    QTest::addRow("limit 61") << 61;
    QTest::addRow("limit 200") << 200;
}

void tst_Chat::historyPaging()
{
    QFETCH(int, limit);
    constexpr int total = 60;

    Pair p;
    QVERIFY(p.start());
    const QJsonObject created
        = p.ada.request(u"channel.create"_s, {{u"name"_s, u"noise"_s}, {u"topic"_s, u"n"_s}});
    QVERIFY2(isOk(created), qPrintable(dump(created)));
    const qint64 noise = created.value("channel"_L1).toObject().value("id"_L1).toInteger();

    // Interleave the two channels so that the other channel's ids sit between ours.
    QList<qint64> generalIds;
    for (int i = 0; i < total; i += 6) {
        QStringList texts;
        for (int j = i; j < i + 6; ++j)
            texts.append(u"m"_s + QString::number(j));
        QVERIFY(sendPipelined(p.ada, 1, texts, &generalIds));
        QVERIFY(sendPipelined(p.bob, noise, {u"noise"_s + QString::number(i)}));
    }
    QCOMPARE(generalIds.size(), total);
    std::sort(generalIds.begin(), generalIds.end());

    QList<qint64> walked;
    QJsonValue before = QJsonValue::Null;
    bool more = true;
    int pages = 0;
    while (more) {
        QVERIFY2(pages <= total / limit + 1, "paging does not end");
        QJsonObject params {{u"channelId"_s, 1}, {u"limit"_s, limit}};
        if (!before.isNull())
            params.insert(u"before"_s, before);
        const QJsonObject reply = p.bob.request(u"chat.history"_s, params);
        QVERIFY2(isOk(reply), qPrintable(dump(reply)));
        const QJsonArray messages = reply.value("messages"_L1).toArray();
        const int remaining = total - int(walked.size());
        QCOMPARE(messages.size(), std::min(limit, remaining));
        more = reply.value("more"_L1).toBool();
        QCOMPARE(more, remaining > limit);
        const QList<qint64> ids = idsOf(messages);
        QVERIFY2(std::is_sorted(ids.begin(), ids.end()), "a page is not oldest first");
        for (const QJsonValue &m : messages)
            QCOMPARE(m.toObject().value("channelId"_L1).toInteger(), 1);
        walked = ids + walked;
        if (!ids.isEmpty())
            before = ids.first();
        ++pages;
    }
    QCOMPARE(walked, generalIds); // every message exactly once, in order
    QCOMPARE(QSet<qint64>(walked.begin(), walked.end()).size(), total);
}

void tst_Chat::historyRejects_data()
{
    QTest::addColumn<QJsonObject>("params");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");

    QTest::addRow("limit 201") << QJsonObject {{u"channelId"_s, 1}, {u"limit"_s, 201}}
                               << u"invalid"_s << u"limit"_s;
    QTest::addRow("limit 0") << QJsonObject {{u"channelId"_s, 1}, {u"limit"_s, 0}} << u"invalid"_s
                             << u"limit"_s;
    QTest::addRow("limit -1") << QJsonObject {{u"channelId"_s, 1}, {u"limit"_s, -1}} << u"invalid"_s
                              << u"limit"_s;
    QTest::addRow("limit 2.5") << QJsonObject {{u"channelId"_s, 1}, {u"limit"_s, 2.5}}
                               << u"invalid"_s << u"limit"_s;
    QTest::addRow("limit a string")
        << QJsonObject {{u"channelId"_s, 1}, {u"limit"_s, u"5"_s}} << u"bad_request"_s << QString();
    QTest::addRow("before a string") << QJsonObject {{u"channelId"_s, 1}, {u"before"_s, u"x"_s}}
                                     << u"bad_request"_s << QString();
    QTest::addRow("unknown channel")
        << QJsonObject {{u"channelId"_s, 999}} << u"not_found"_s << QString();
    QTest::addRow("channelId missing") << QJsonObject {} << u"bad_request"_s << QString();
}

void tst_Chat::historyRejects()
{
    QFETCH(QJsonObject, params);
    QFETCH(QString, code);
    QFETCH(QString, field);

    Pair p;
    QVERIFY(p.start());
    const QJsonObject reply = p.ada.request(u"chat.history"_s, params);
    QCOMPARE(errorCode(reply), code);
    if (!field.isEmpty())
        QCOMPARE(errorField(reply), field);
}

void tst_Chat::editAndDeleteByAuthor()
{
    Pair p;
    QVERIFY(p.start());
    const QJsonObject sent = p.ada.request(u"chat.send"_s, sendParams(1, u"first"_s));
    QVERIFY2(isOk(sent), qPrintable(dump(sent)));
    const QJsonObject original = sent.value("message"_L1).toObject();
    const qint64 messageId = original.value("id"_L1).toInteger();

    // Another member may neither edit nor delete it.
    const QJsonObject bobEdit
        = p.bob.request(u"chat.edit"_s, {{u"messageId"_s, messageId}, {u"text"_s, u"x"_s}});
    QCOMPARE(errorCode(bobEdit), u"forbidden"_s);
    const QJsonObject bobDelete = p.bob.request(u"chat.delete"_s, {{u"messageId"_s, messageId}});
    QCOMPARE(errorCode(bobDelete), u"forbidden"_s);
    QCOMPARE(headOf(p.bob), sent.value("seq"_L1).toInteger());

    const QJsonObject edited = p.ada.request(
        u"chat.edit"_s, {{u"messageId"_s, messageId}, {u"text"_s, u"  second  "_s}});
    QVERIFY2(isOk(edited), qPrintable(dump(edited)));
    const QJsonObject message = edited.value("message"_L1).toObject();
    QCOMPARE(message.value("id"_L1).toInteger(), messageId);
    QCOMPARE(message.value("text"_L1).toString(), u"second"_s);
    QVERIFY2(message.value("editedAt"_L1).isString()
            && !message.value("editedAt"_L1).toString().isEmpty(),
        qPrintable(dump(message)));
    QCOMPARE(message.value("createdAt"_L1), original.value("createdAt"_L1));
    QCOMPARE(edited.value("seq"_L1).toInteger(), sent.value("seq"_L1).toInteger() + 1);
    const QJsonObject updated = p.bob.waitEventNamed(u"message.updated"_s);
    QVERIFY2(!updated.isEmpty(), "bob did not receive message.updated");
    QCOMPARE(updated.value("seq"_L1).toInteger(), edited.value("seq"_L1).toInteger());
    QCOMPARE(updated.value("message"_L1).toObject(), message);

    const QJsonObject history = p.bob.request(u"chat.history"_s, {{u"channelId"_s, 1}});
    QCOMPARE(history.value("messages"_L1).toArray(), QJsonArray {message});

    const QJsonObject deleted = p.ada.request(u"chat.delete"_s, {{u"messageId"_s, messageId}});
    QVERIFY2(isOk(deleted), qPrintable(dump(deleted)));
    QCOMPARE(deleted.value("seq"_L1).toInteger(), edited.value("seq"_L1).toInteger() + 1);
    const QJsonObject gone = p.bob.waitEventNamed(u"message.deleted"_s);
    QVERIFY2(!gone.isEmpty(), "bob did not receive message.deleted");
    QCOMPARE(gone.value("seq"_L1).toInteger(), deleted.value("seq"_L1).toInteger());
    QCOMPARE(gone.value("messageId"_L1).toInteger(), messageId);
    QCOMPARE(gone.value("channelId"_L1).toInteger(), 1);

    const QJsonObject after = p.bob.request(u"chat.history"_s, {{u"channelId"_s, 1}});
    QVERIFY2(isOk(after), qPrintable(dump(after)));
    QCOMPARE(after.value("messages"_L1).toArray().size(), 0);
}

void tst_Chat::editDeleteMatrix_data()
{
    QTest::addColumn<QString>("verb");
    QTest::addColumn<QString>("target"); // own, others, deleted, unknown
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code"); // "" = ok
    QTest::addColumn<QString>("field");

    const QString edit = u"chat.edit"_s;
    const QString remove = u"chat.delete"_s;
    QTest::addRow("edit own") << edit << u"own"_s << u"new"_s << QString() << QString();
    QTest::addRow("delete own") << remove << u"own"_s << QString() << QString() << QString();
    QTest::addRow("edit others") << edit << u"others"_s << u"new"_s << u"forbidden"_s << QString();
    QTest::addRow("delete others")
        << remove << u"others"_s << QString() << u"forbidden"_s << QString();
    QTest::addRow("edit unknown") << edit << u"unknown"_s << u"new"_s << u"not_found"_s
                                  << QString();
    QTest::addRow("delete unknown")
        << remove << u"unknown"_s << QString() << u"not_found"_s << QString();
    QTest::addRow("edit deleted") << edit << u"deleted"_s << u"new"_s << u"not_found"_s
                                  << QString();
    QTest::addRow("delete deleted")
        << remove << u"deleted"_s << QString() << u"not_found"_s << QString();
    QTest::addRow("edit own blank") << edit << u"own"_s << u"  "_s << u"invalid"_s << u"text"_s;
    QTest::addRow("edit own 4001 chars")
        << edit << u"own"_s << QString(4001, u'z') << u"too_large"_s << u"text"_s;
}

void tst_Chat::editDeleteMatrix()
{
    QFETCH(QString, verb);
    QFETCH(QString, target);
    QFETCH(QString, text);
    QFETCH(QString, code);
    QFETCH(QString, field);

    Pair p;
    QVERIFY(p.start());
    QList<qint64> adaIds;
    QList<qint64> bobIds;
    QVERIFY(sendPipelined(p.ada, 1, {u"own"_s, u"to delete"_s}, &adaIds));
    QVERIFY(sendPipelined(p.bob, 1, {u"bob's"_s}, &bobIds));
    const QJsonObject removed = p.ada.request(u"chat.delete"_s, {{u"messageId"_s, adaIds.at(1)}});
    QVERIFY2(isOk(removed), qPrintable(dump(removed)));

    qint64 messageId = 0;
    if (target == u"own")
        messageId = adaIds.at(0);
    else if (target == u"others")
        messageId = bobIds.at(0);
    else if (target == u"deleted")
        messageId = adaIds.at(1);
    else
        messageId = 987654;

    const qint64 head = headOf(p.ada);
    QJsonObject params {{u"messageId"_s, messageId}};
    if (verb == u"chat.edit")
        params.insert(u"text"_s, text);
    const QJsonObject reply = p.ada.request(verb, params);
    QCOMPARE(errorCode(reply), code);
    if (code.isEmpty()) {
        QVERIFY2(isOk(reply), qPrintable(dump(reply)));
        QCOMPARE(reply.value("seq"_L1).toInteger(), head + 1);
        QCOMPARE(headOf(p.ada), head + 1);
    } else {
        QCOMPARE(reply.value("ok"_L1).toBool(true), false);
        if (!field.isEmpty())
            QCOMPARE(errorField(reply), field);
        QCOMPARE(headOf(p.ada), head); // nothing stored, no event
    }
}

void tst_Chat::sendNonceIsIdempotent()
{
    Pair p;
    QVERIFY(p.start());
    QJsonObject params = sendParams(1, u"once"_s);
    params.insert(u"nonce"_s, u"nonce-1"_s);
    const QJsonObject first = p.ada.request(u"chat.send"_s, params);
    QVERIFY2(isOk(first), qPrintable(dump(first)));
    const QJsonObject second = p.ada.request(u"chat.send"_s, params);
    QVERIFY2(isOk(second), qPrintable(dump(second)));
    const qint64 messageId = first.value("message"_L1).toObject().value("id"_L1).toInteger();
    QCOMPARE(second.value("message"_L1).toObject().value("id"_L1).toInteger(), messageId);
    QCOMPARE(second.value("seq"_L1).toInteger(), first.value("seq"_L1).toInteger());
    QCOMPARE(second.value("message"_L1).toObject(), first.value("message"_L1).toObject());

    // A resend that changed nothing but the text still answers with the original entry.
    QJsonObject changed = params;
    changed.insert(u"text"_s, u"twice"_s);
    const QJsonObject third = p.ada.request(u"chat.send"_s, changed);
    QVERIFY2(isOk(third), qPrintable(dump(third)));
    QCOMPARE(third.value("message"_L1).toObject().value("id"_L1).toInteger(), messageId);
    QCOMPARE(third.value("message"_L1).toObject().value("text"_L1).toString(), u"once"_s);

    // Pipelined duplicates (a resend racing the original) also make one entry.
    QJsonObject racing = sendParams(1, u"raced"_s);
    racing.insert(u"nonce"_s, u"nonce-2"_s);
    const qint64 r1 = p.ada.send(u"chat.send"_s, racing);
    const qint64 r2 = p.ada.send(u"chat.send"_s, racing);
    const QJsonObject raced1 = p.ada.waitReply(r1);
    const QJsonObject raced2 = p.ada.waitReply(r2);
    QVERIFY2(isOk(raced1) && isOk(raced2), qPrintable(dump(raced1) + dump(raced2)));
    const qint64 racedId = raced1.value("message"_L1).toObject().value("id"_L1).toInteger();
    QCOMPARE(raced2.value("message"_L1).toObject().value("id"_L1).toInteger(), racedId);
    QCOMPARE(raced2.value("seq"_L1).toInteger(), raced1.value("seq"_L1).toInteger());

    // The same nonce from another user is that user's own entry.
    QJsonObject bobParams = sendParams(1, u"bob's"_s);
    bobParams.insert(u"nonce"_s, u"nonce-1"_s);
    const QJsonObject bobs = p.bob.request(u"chat.send"_s, bobParams);
    QVERIFY2(isOk(bobs), qPrintable(dump(bobs)));
    QVERIFY(bobs.value("message"_L1).toObject().value("id"_L1).toInteger() != messageId);
    const qint64 lastSeq = bobs.value("seq"_L1).toInteger();
    QCOMPARE(lastSeq, raced1.value("seq"_L1).toInteger() + 1);

    // Events arrive in seq order, so once bob has the last one he has all before it.
    QVERIFY(!p.bob
                 .waitEvent(
                     [&](const QJsonObject &e) { return e.value("seq"_L1).toInteger() == lastSeq; })
                 .isEmpty());
    int createdOnce = 0;
    int createdRaced = 0;
    for (const QJsonObject &event : p.bob.events()) {
        if (event.value("event"_L1).toString() != u"message.created")
            continue;
        const qint64 id = event.value("message"_L1).toObject().value("id"_L1).toInteger();
        createdOnce += id == messageId ? 1 : 0;
        createdRaced += id == racedId ? 1 : 0;
    }
    QCOMPARE(createdOnce, 1);
    QCOMPARE(createdRaced, 1);

    const QJsonObject history = p.bob.request(u"chat.history"_s, {{u"channelId"_s, 1}});
    QCOMPARE(idsOf(history.value("messages"_L1).toArray()).size(), 3);
}

QTEST_GUILESS_MAIN(tst_Chat)
#include "tst_chat.moc"
