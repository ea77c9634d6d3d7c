// Presence and typing: ephemeral frames between real clients of a real server on loopback.

#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

namespace {

QByteArray describe(const QJsonObject &frame)
{
    return frame.isEmpty() ? QByteArrayLiteral("<nothing>")
                           : QJsonDocument(frame).toJson(QJsonDocument::Compact);
}

//! Presence frames `event` ("online"/"offline") about the user with this id.
qsizetype presenceCount(const TestClient &client, const QString &event, qint64 userId)
{
    qsizetype count = 0;
    for (const QJsonObject &frame : client.ephemeral()) {
        if (frame.value("type"_L1).toString() == u"presence"
            && frame.value("event"_L1).toString() == event
            && frame.value("user"_L1).toObject().value("id"_L1).toInteger() == userId)
            ++count;
    }
    return count;
}

qsizetype typingCount(const TestClient &client, qint64 userId)
{
    qsizetype count = 0;
    for (const QJsonObject &frame : client.ephemeral()) {
        if (frame.value("type"_L1).toString() == u"typing"
            && frame.value("user"_L1).toObject().value("id"_L1).toInteger() == userId)
            ++count;
    }
    return count;
}

QList<qint64> onlineIds(TestClient &client)
{
    const QJsonObject reply = client.request(u"presence.list"_s);
    QList<qint64> ids;
    if (!isOk(reply)) {
        qWarning("presence.list failed: %s", describe(reply).constData());
        return {-1};
    }
    const QJsonArray users = reply.value("users"_L1).toArray();
    for (const QJsonValue &user : users)
        ids.append(user.toObject().value("id"_L1).toInteger());
    std::sort(ids.begin(), ids.end());
    return ids;
}

QList<qint64> sorted(QList<qint64> ids)
{
    std::sort(ids.begin(), ids.end());
    return ids;
}

bool resume(TestClient &client, const QString &token)
{
    const QJsonObject reply = client.request(u"auth.token"_s, {{u"token"_s, token}});
    if (!isOk(reply))
        qWarning("auth.token failed: %s", describe(reply).constData());
    return isOk(reply);
}

//! Makes `from` send a typing frame and waits until `to` has it. Every frame the server sent to
//! `to` before handling this request has then arrived too (one socket keeps its order), so a
//! frame that is still missing was never sent.
bool barrier(TestClient &from, TestClient &to)
{
    const qint64 fromId = from.userId();
    const qsizetype before = typingCount(to, fromId);
    if (!isOk(from.request(u"chat.typing"_s, {{u"channelId"_s, 1}})))
        return false;
    return QTest::qWaitFor([&] { return typingCount(to, fromId) > before; }, 10000);
}

} // namespace

class tst_Presence : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void onlineAndOffline();
    void typing();
};

void tst_Presence::onlineAndOffline()
{
    TestServer server;
    QVERIFY(server.start());
    TestClient bob;
    QVERIFY(bob.open(server.url()));
    QVERIFY(isOk(bob.registerUser(u"bob"_s)));

    // Ada's first connection authenticates: bob hears she is online.
    TestClient ada1;
    QVERIFY(ada1.open(server.url()));
    QVERIFY(isOk(ada1.registerUser(u"ada"_s)));
    const QJsonObject ada = ada1.user();
    const qint64 adaId = ada1.userId();
    const QJsonObject online = bob.waitEphemeral([adaId](const QJsonObject &frame) {
        return frame.value("type"_L1).toString() == u"presence"
            && frame.value("user"_L1).toObject().value("id"_L1).toInteger() == adaId;
    });
    QVERIFY2(!online.isEmpty(), "bob got no presence frame for ada");
    const QJsonObject expected {
        {u"type"_s, u"presence"_s}, {u"event"_s, u"online"_s}, {u"user"_s, ada}};
    QCOMPARE(online, expected); // and so no seq
    QVERIFY(!online.contains("seq"_L1));
    QCOMPARE(onlineIds(bob), sorted({adaId, bob.userId()}));
    QCOMPARE(onlineIds(ada1), sorted({adaId, bob.userId()}));

    // A second connection of ada: no second online frame.
    TestClient ada2;
    QVERIFY(ada2.open(server.url()));
    QVERIFY(resume(ada2, ada1.token()));
    QVERIFY(barrier(ada1, bob));
    QCOMPARE(presenceCount(bob, u"online"_s, adaId), 1);
    QCOMPARE(onlineIds(bob), sorted({adaId, bob.userId()}));

    // Closing one of her two connections: still online.
    ada2.close();
    QTRY_COMPARE_WITH_TIMEOUT(server.server()->connectionCount(), 2, 5000);
    QVERIFY(barrier(ada1, bob));
    QCOMPARE(presenceCount(bob, u"offline"_s, adaId), 0);
    QCOMPARE(onlineIds(bob), sorted({adaId, bob.userId()}));

    // Closing the last one: offline.
    ada1.close();
    const QJsonObject offline = bob.waitEphemeral([adaId](const QJsonObject &frame) {
        return frame.value("type"_L1).toString() == u"presence"
            && frame.value("event"_L1).toString() == u"offline"
            && frame.value("user"_L1).toObject().value("id"_L1).toInteger() == adaId;
    });
    QVERIFY2(!offline.isEmpty(), "bob got no offline frame for ada");
    QCOMPARE(offline,
        (QJsonObject {{u"type"_s, u"presence"_s}, {u"event"_s, u"offline"_s}, {u"user"_s, ada}}));
    QCOMPARE(presenceCount(bob, u"offline"_s, adaId), 1);
    QCOMPARE(onlineIds(bob), QList<qint64> {bob.userId()});
    QCOMPARE(server.server()->authenticatedCount(), 1);
    // Presence frames are not events.
    QVERIFY(bob.events().isEmpty());
}

void tst_Presence::typing()
{
    TestServer server;
    QVERIFY(server.start());
    TestClient ada1, ada2, bob;
    QVERIFY(ada1.open(server.url()));
    QVERIFY(ada2.open(server.url()));
    QVERIFY(bob.open(server.url()));
    QVERIFY(isOk(ada1.registerUser(u"ada"_s)));
    QVERIFY(resume(ada2, ada1.token()));
    QVERIFY(isOk(bob.registerUser(u"bob"_s)));
    const qint64 adaId = ada1.userId();

    const QJsonObject before = bob.request(u"sync"_s, {{u"since"_s, 0}});
    QVERIFY2(isOk(before), describe(before).constData());

    const QJsonObject typed = ada1.request(u"chat.typing"_s, {{u"channelId"_s, 1}});
    QVERIFY2(isOk(typed), describe(typed).constData());
    QVERIFY(!typed.contains("seq"_L1));
    const QJsonObject frame = bob.waitEphemeral(
        [](const QJsonObject &f) { return f.value("type"_L1).toString() == u"typing"; });
    QVERIFY2(!frame.isEmpty(), "bob got no typing frame");
    const QJsonObject expected {
        {u"type"_s, u"typing"_s}, {u"channelId"_s, 1}, {u"user"_s, ada1.user()}};
    QCOMPARE(frame, expected); // and so no seq

    // Ada's own connections do not hear her typing: bob's typing reaches them after it would.
    QVERIFY(barrier(bob, ada2));
    QVERIFY(barrier(bob, ada1));
    QCOMPARE(typingCount(ada2, adaId), 0);
    QCOMPARE(typingCount(ada1, adaId), 0);
    QCOMPARE(typingCount(bob, adaId), 1);

    // An unknown channel.
    const QJsonObject unknown = ada1.request(u"chat.typing"_s, {{u"channelId"_s, 9999}});
    QCOMPARE(errorCode(unknown), u"not_found"_s);
    QVERIFY(barrier(ada1, bob));
    QCOMPARE(typingCount(bob, adaId), 2); // the barrier's, not the unknown channel's

    // Typing is not stored: no event, the head did not move.
    const QJsonObject after = bob.request(u"sync"_s, {{u"since"_s, 0}});
    QVERIFY2(isOk(after), describe(after).constData());
    QCOMPARE(after.value("head"_L1).toInteger(), before.value("head"_L1).toInteger());
    QCOMPARE(after.value("events"_L1).toArray(), before.value("events"_L1).toArray());
    for (const QJsonValue &event : after.value("events"_L1).toArray()) {
        QVERIFY(event.toObject().value("type"_L1).toString() != u"typing");
        QVERIFY(event.toObject().value("event"_L1).toString() != u"typing");
    }
    QVERIFY(bob.events().isEmpty());
    QVERIFY(ada1.events().isEmpty());
}

QTEST_GUILESS_MAIN(tst_Presence)
#include "tst_presence.moc"
