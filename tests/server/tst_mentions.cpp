// Mentions (part "rich" of issue 12) against a real server on loopback: `@name` in messages and
// posts is found on create and edit, stored by user id with its place in the text, carried in
// replies, events, history, pages and `sync`, and follows renames; case and normal form are
// ignored, e-mail addresses are no mentions, a direct conversation mentions only its members,
// and a resend by nonce answers with the same mentions.

#include "serverwrites.h"
#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

namespace {

//! A text's mentions as "userId@start+length", in order.
QStringList mentionsOf(const QJsonObject &entry)
{
    QStringList list;
    for (const QJsonValue &value : entry.value("mentions"_L1).toArray()) {
        const QJsonObject m = value.toObject();
        list.append(
            u"%1@%2+%3"_s.arg(intOf(m, "userId")).arg(intOf(m, "start")).arg(intOf(m, "length")));
    }
    return list;
}

QString at(qint64 userId, qsizetype start, qsizetype length)
{
    return u"%1@%2+%3"_s.arg(userId).arg(start).arg(length);
}

QJsonObject messageOf(const QJsonObject &frame)
{
    return objectOf(frame, "message");
}

} // namespace

class tst_Mentions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void helloAnnouncesFeatures();
    void sendFindsMentions();
    void caseAndNormalFormAreIgnored();
    void trailingPunctuationIsNotTheName();
    void editRecomputesMentions();
    void renamedUserKeepsTheMention();
    void postsMentionInContentOnly();
    void directConversationMentionsMembersOnly();
    void syncCarriesMentions();
    void resendAnswersWithTheSameMentions();
    void tokensAreBounded();

private:
    void start();
    qint64 general();
    //! Sends `text` as ada to `channelId`; the reply's message.
    QJsonObject send(const QString &text, qint64 channelId = 0);
    //! The user ids message_mentions holds for a message, read from the file.
    QList<qint64> storedMentions(qint64 messageId);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_ada;
    std::unique_ptr<TestClient> m_bob;
    std::unique_ptr<TestClient> m_carol;
};

void tst_Mentions::init()
{
    m_server = std::make_unique<TestServer>();
    m_ada = std::make_unique<TestClient>();
    m_bob = std::make_unique<TestClient>();
    m_carol = std::make_unique<TestClient>();
}

void tst_Mentions::cleanup()
{
    m_carol.reset();
    m_bob.reset();
    m_ada.reset();
    m_server.reset();
}

void tst_Mentions::start()
{
    QVERIFY(m_server->start());
    const std::pair<TestClient *, QString> users[]
        = {{m_ada.get(), u"ada"_s}, {m_bob.get(), u"bob"_s}, {m_carol.get(), u"carol.smith"_s}};
    for (const auto &[client, name] : users) {
        QVERIFY(client->open(m_server->url()));
        const QJsonObject reply = client->registerUser(name);
        QVERIFY2(isOk(reply), qPrintable(dump(reply)));
    }
}

qint64 tst_Mentions::general()
{
    const QJsonObject list = m_ada->request(u"channel.list"_s);
    return idOf(list.value("channels"_L1).toArray().first().toObject());
}

QJsonObject tst_Mentions::send(const QString &text, qint64 channelId)
{
    const QJsonObject reply = m_ada->request(
        u"chat.send"_s, {{u"channelId"_s, channelId ? channelId : general()}, {u"text"_s, text}});
    if (!isOk(reply))
        qWarning("chat.send failed: %s", qPrintable(dump(reply)));
    return messageOf(reply);
}

QList<qint64> tst_Mentions::storedMentions(qint64 messageId)
{
    // The SQLite file or the PostgreSQL schema, on a connection of the test's own.
    const StoredDatabase stored(*m_server);
    if (!stored.isOpen())
        return {-1};
    QList<qint64> ids;
    QSqlQuery q(stored.database());
    q.prepare(u"SELECT user_id FROM message_mentions WHERE message_id = ? ORDER BY user_id"_s);
    q.addBindValue(messageId);
    if (!q.exec())
        return {-1};
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

void tst_Mentions::helloAnnouncesFeatures()
{
    QVERIFY(m_server->start());
    QVERIFY(m_ada->open(m_server->url()));
    const QJsonObject hello
        = m_ada->request(u"hello"_s, {{u"protocol"_s, 1}, {u"client"_s, u"tst_mentions/1"_s}});
    const QJsonArray features = hello.value("features"_L1).toArray();
    for (const QString &name : {u"markdown"_s, u"mentions"_s, u"edit_history"_s})
        QVERIFY2(features.contains(name), qPrintable(dump(features)));
}

void tst_Mentions::sendFindsMentions()
{
    start();
    const qint64 bob = m_bob->userId();
    const qint64 carol = m_carol->userId();
    const QString text = u"hi @bob and @carol.smith, not bob@example.org nor @nobody"_s;
    const QJsonObject message = send(text);
    QCOMPARE(mentionsOf(message), (QStringList {at(bob, 3, 4), at(carol, 12, 12)}));
    QCOMPARE(text.mid(12, 12), u"@carol.smith"_s);

    // The event carries them to everyone, and so does the history.
    const QJsonObject event = m_bob->waitEventNamed(u"message.created"_s);
    QCOMPARE(mentionsOf(messageOf(event)), mentionsOf(message));
    const QJsonObject history = m_bob->request(u"chat.history"_s, {{u"channelId"_s, general()}});
    QCOMPARE(
        mentionsOf(history.value("messages"_L1).toArray().last().toObject()), mentionsOf(message));
    QCOMPARE(storedMentions(idOf(message)), (QList<qint64> {bob, carol}));

    // A message without any has an empty list, not a missing one.
    const QJsonObject plain = send(u"no one here"_s);
    QVERIFY(plain.value("mentions"_L1).isArray());
    QCOMPARE(mentionsOf(plain), QStringList());
}

void tst_Mentions::caseAndNormalFormAreIgnored()
{
    QVERIFY(m_server->start());
    QVERIFY(m_ada->open(m_server->url()));
    QVERIFY(isOk(m_ada->registerUser(u"ada"_s)));
    QVERIFY(m_bob->open(m_server->url()));
    QVERIFY(isOk(m_bob->registerUser(u"Zoë"_s))); // stored in NFC
    const QString decomposed = u"Zoe\u0308"_s;
    const QJsonObject message = send(u"@ZOË and @"_s + decomposed + u"!"_s);
    QCOMPARE(
        mentionsOf(message), (QStringList {at(m_bob->userId(), 0, 4), at(m_bob->userId(), 9, 5)}));
}

void tst_Mentions::trailingPunctuationIsNotTheName()
{
    start();
    const QJsonObject message = send(u"thanks @bob. and @carol.smith..."_s);
    QCOMPARE(mentionsOf(message),
        (QStringList {at(m_bob->userId(), 7, 4), at(m_carol->userId(), 17, 12)}));
}

void tst_Mentions::editRecomputesMentions()
{
    start();
    const QJsonObject message = send(u"@bob look"_s);
    QCOMPARE(storedMentions(idOf(message)), QList<qint64> {m_bob->userId()});
    const QJsonObject edited = m_ada->request(u"chat.edit"_s,
        {{u"messageId"_s, idOf(message)}, {u"text"_s, u"sorry, I meant @carol.smith"_s}});
    QVERIFY2(isOk(edited), qPrintable(dump(edited)));
    QCOMPARE(mentionsOf(messageOf(edited)), QStringList {at(m_carol->userId(), 15, 12)});
    QCOMPARE(storedMentions(idOf(message)), QList<qint64> {m_carol->userId()});
    const QJsonObject updated = m_bob->waitEventNamed(u"message.updated"_s);
    QVERIFY2(dump(updated).contains(u"\"mentions\":[{"_s), qPrintable(dump(updated)));

    const QJsonObject cleared = m_ada->request(
        u"chat.edit"_s, {{u"messageId"_s, idOf(message)}, {u"text"_s, u"never mind"_s}});
    QCOMPARE(mentionsOf(messageOf(cleared)), QStringList());
    QCOMPARE(storedMentions(idOf(message)), QList<qint64>());

    // Deleting the message drops its rows too.
    const qint64 again = idOf(send(u"@bob again"_s));
    QCOMPARE(storedMentions(again), QList<qint64> {m_bob->userId()});
    QVERIFY(isOk(m_ada->request(u"chat.delete"_s, {{u"messageId"_s, again}})));
    QCOMPARE(storedMentions(again), QList<qint64>());
}

void tst_Mentions::renamedUserKeepsTheMention()
{
    start();
    const QJsonObject message = send(u"ping @bob"_s);
    const QJsonObject renamed = m_bob->request(u"user.rename"_s, {{u"username"_s, u"robert"_s}});
    QVERIFY2(isOk(renamed), qPrintable(dump(renamed)));
    const QJsonObject history = m_carol->request(u"chat.history"_s, {{u"channelId"_s, general()}});
    QCOMPARE(mentionsOf(history.value("messages"_L1).toArray().last().toObject()),
        QStringList {at(m_bob->userId(), 5, 4)});
    QCOMPARE(mentionsOf(message), QStringList {at(m_bob->userId(), 5, 4)});
    // From now on the old name is nobody's, the new one is his.
    QCOMPARE(mentionsOf(send(u"@bob?"_s)), QStringList());
    QCOMPARE(mentionsOf(send(u"@Robert?"_s)), QStringList {at(m_bob->userId(), 0, 7)});
}

void tst_Mentions::postsMentionInContentOnly()
{
    start();
    const QJsonObject created = m_ada->request(u"post.create"_s,
        {{u"title"_s, u"@bob in the title"_s}, {u"content"_s, u"and **@carol.smith** here"_s}});
    QVERIFY2(isOk(created), qPrintable(dump(created)));
    const QJsonObject post = postOf(created);
    QCOMPARE(mentionsOf(post), QStringList {at(m_carol->userId(), 6, 12)});
    const QJsonObject page = m_bob->request(u"feed.page"_s);
    QCOMPARE(mentionsOf(page.value("posts"_L1).toArray().first().toObject()), mentionsOf(post));
    const QJsonObject got = m_bob->request(u"post.get"_s, {{u"postId"_s, idOf(post)}});
    QCOMPARE(mentionsOf(postOf(got)), mentionsOf(post));

    const QJsonObject updated = m_ada->request(u"post.update"_s,
        {{u"postId"_s, idOf(post)}, {u"title"_s, u"t"_s}, {u"content"_s, u"@bob now"_s}});
    QVERIFY2(isOk(updated), qPrintable(dump(updated)));
    QCOMPARE(mentionsOf(postOf(updated)), QStringList {at(m_bob->userId(), 0, 4)});
    const QJsonObject event = m_carol->waitEventNamed(u"post.updated"_s);
    QVERIFY2(
        dump(event).contains(u"\"userId\":%1"_s.arg(m_bob->userId())), qPrintable(dump(event)));
}

void tst_Mentions::directConversationMentionsMembersOnly()
{
    start();
    const qint64 direct = createDirect(*m_server, {m_ada->userId(), m_bob->userId()});
    QVERIFY(direct > 0);
    const QJsonObject message = send(u"@bob and @carol.smith"_s, direct);
    QCOMPARE(mentionsOf(message), QStringList {at(m_bob->userId(), 0, 4)});
    QCOMPARE(storedMentions(idOf(message)), QList<qint64> {m_bob->userId()});
}

void tst_Mentions::syncCarriesMentions()
{
    start();
    m_bob->close();
    const QJsonObject message = send(u"while you were away, @bob"_s);
    QVERIFY(!message.isEmpty());
    TestClient back;
    QVERIFY(back.open(m_server->url()));
    back.request(u"hello"_s, {{u"protocol"_s, 1}, {u"client"_s, u"tst_mentions/1"_s}});
    QVERIFY(isOk(back.login(u"bob"_s)));
    const QJsonObject synced = back.request(u"sync"_s, {{u"since"_s, 0}});
    QVERIFY2(isOk(synced), qPrintable(dump(synced)));
    bool found = false;
    for (const QJsonValue &value : synced.value("events"_L1).toArray()) {
        const QJsonObject event = value.toObject();
        if (eventName(event) == u"message.created"_s && idOf(messageOf(event)) == idOf(message)) {
            QCOMPARE(mentionsOf(messageOf(event)), mentionsOf(message));
            found = true;
        }
    }
    QVERIFY2(found, qPrintable(dump(synced)));
}

void tst_Mentions::resendAnswersWithTheSameMentions()
{
    start();
    const QJsonObject params {
        {u"channelId"_s, general()}, {u"text"_s, u"@bob once"_s}, {u"nonce"_s, u"n-1"_s}};
    const QJsonObject first = m_ada->request(u"chat.send"_s, params);
    const QJsonObject again = m_ada->request(u"chat.send"_s, params);
    QVERIFY(isOk(first) && isOk(again));
    QCOMPARE(idOf(messageOf(again)), idOf(messageOf(first)));
    QCOMPARE(mentionsOf(messageOf(again)), QStringList {at(m_bob->userId(), 0, 4)});

    const QJsonObject post {
        {u"title"_s, u"t"_s}, {u"content"_s, u"@bob"_s}, {u"nonce"_s, u"p-1"_s}};
    const QJsonObject p1 = m_ada->request(u"post.create"_s, post);
    const QJsonObject p2 = m_ada->request(u"post.create"_s, post);
    QCOMPARE(idOf(postOf(p2)), idOf(postOf(p1)));
    QCOMPARE(mentionsOf(postOf(p2)), QStringList {at(m_bob->userId(), 0, 4)});
}

void tst_Mentions::tokensAreBounded()
{
    start();
    // More tokens than the server looks up: the first ones count, the message is stored.
    QString text;
    for (int i = 0; i < 100; ++i)
        text += u"@x%1 "_s.arg(i);
    text += u"@bob"_s;
    const QJsonObject message = send(text);
    QVERIFY(idOf(message) > 0);
    QCOMPARE(mentionsOf(message), QStringList());
    QCOMPARE(mentionsOf(send(u"@bob "_s + text)), QStringList {at(m_bob->userId(), 0, 4)});
}

QTEST_GUILESS_MAIN(tst_Mentions)
#include "tst_mentions.moc"
