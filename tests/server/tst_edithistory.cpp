// Edit history (part "rich" of issue 12) against a real server on loopback: every chat.edit and
// post.update keeps the earlier version; chat.versions and post.versions list them oldest first
// with time and editor (an admin's edit names the admin), to everyone who may read the entry;
// an edit to the same text adds none, an image-only post update adds none; the errors (missing
// and malformed ids, unknown and deleted entries, a direct conversation of others) and sign-in.

#include "serverwrites.h"
#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QTest>

using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

namespace {

//! The versions of a reply as "editor: text" (or "editor: title / content"), oldest first.
QStringList versionsOf(const QJsonObject &reply)
{
    QStringList list;
    for (const QJsonValue &value : reply.value("versions"_L1).toArray()) {
        const QJsonObject v = value.toObject();
        const QString editor = stringOf(objectOf(v, "editor"), "username");
        const QString text = v.contains("text"_L1)
            ? stringOf(v, "text")
            : QString(stringOf(v, "title") + u" / "_s + stringOf(v, "content"));
        list.append(editor + u": "_s + text);
    }
    return list;
}

QJsonObject messageOf(const QJsonObject &frame)
{
    return objectOf(frame, "message");
}

} // namespace

class tst_EditHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void neverEditedHasOneVersion();
    void editsKeepEveryVersion();
    void sameTextAddsNoVersion();
    void adminEditNamesTheAdmin();
    void everyReaderMayReadVersions();
    void errors();
    void directConversationOfOthersIsNotFound();
    void postVersions();
    void needsSignIn();

private:
    void start();
    qint64 send(const QString &text, qint64 channelId = 0);
    QJsonObject edit(TestClient &client, qint64 messageId, const QString &text);
    QJsonObject versions(TestClient &client, qint64 messageId);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_ada;
    std::unique_ptr<TestClient> m_bob;
    std::unique_ptr<TestClient> m_carol;
};

void tst_EditHistory::init()
{
    m_server = std::make_unique<TestServer>();
    m_ada = std::make_unique<TestClient>();
    m_bob = std::make_unique<TestClient>();
    m_carol = std::make_unique<TestClient>();
}

void tst_EditHistory::cleanup()
{
    m_carol.reset();
    m_bob.reset();
    m_ada.reset();
    m_server.reset();
}

void tst_EditHistory::start()
{
    QVERIFY(m_server->start());
    const std::pair<TestClient *, QString> users[]
        = {{m_ada.get(), u"ada"_s}, {m_bob.get(), u"bob"_s}, {m_carol.get(), u"carol"_s}};
    for (const auto &[client, name] : users) {
        QVERIFY(client->open(m_server->url()));
        const QJsonObject reply = client->registerUser(name);
        QVERIFY2(isOk(reply), qPrintable(dump(reply)));
    }
}

qint64 tst_EditHistory::send(const QString &text, qint64 channelId)
{
    if (channelId == 0) {
        const QJsonObject list = m_ada->request(u"channel.list"_s);
        channelId = idOf(list.value("channels"_L1).toArray().first().toObject());
    }
    const QJsonObject reply
        = m_ada->request(u"chat.send"_s, {{u"channelId"_s, channelId}, {u"text"_s, text}});
    return idOf(messageOf(reply));
}

QJsonObject tst_EditHistory::edit(TestClient &client, qint64 messageId, const QString &text)
{
    return client.request(u"chat.edit"_s, {{u"messageId"_s, messageId}, {u"text"_s, text}});
}

QJsonObject tst_EditHistory::versions(TestClient &client, qint64 messageId)
{
    return client.request(u"chat.versions"_s, {{u"messageId"_s, messageId}});
}

void tst_EditHistory::neverEditedHasOneVersion()
{
    start();
    const qint64 id = send(u"first"_s);
    const QJsonObject reply = versions(*m_bob, id);
    QVERIFY2(isOk(reply), qPrintable(dump(reply)));
    QCOMPARE(versionsOf(reply), QStringList {u"ada: first"_s});
}

void tst_EditHistory::editsKeepEveryVersion()
{
    start();
    const qint64 id = send(u"one"_s);
    const QJsonObject created = m_ada->replies().last();
    const QJsonObject second = edit(*m_ada, id, u"two"_s);
    const QJsonObject third = edit(*m_ada, id, u"three"_s);
    QVERIFY(isOk(second) && isOk(third));
    const QJsonObject reply = versions(*m_ada, id);
    QCOMPARE(versionsOf(reply), (QStringList {u"ada: one"_s, u"ada: two"_s, u"ada: three"_s}));
    // Each version's time is when it became current: created, then each edit.
    const QJsonArray list = reply.value("versions"_L1).toArray();
    QCOMPARE(stringOf(list.at(0).toObject(), "at"), stringOf(messageOf(created), "createdAt"));
    QCOMPARE(stringOf(list.at(1).toObject(), "at"), stringOf(messageOf(second), "editedAt"));
    QCOMPARE(stringOf(list.at(2).toObject(), "at"), stringOf(messageOf(third), "editedAt"));
}

void tst_EditHistory::sameTextAddsNoVersion()
{
    start();
    const qint64 id = send(u"same"_s);
    QVERIFY(isOk(edit(*m_ada, id, u"same"_s)));
    QCOMPARE(versionsOf(versions(*m_ada, id)), QStringList {u"ada: same"_s});
    QVERIFY(isOk(edit(*m_ada, id, u"other"_s)));
    QVERIFY(isOk(edit(*m_ada, id, u"other"_s)));
    QCOMPARE(versionsOf(versions(*m_ada, id)), (QStringList {u"ada: same"_s, u"ada: other"_s}));
}

void tst_EditHistory::adminEditNamesTheAdmin()
{
    start();
    const qint64 id = send(u"rude words"_s);
    QCOMPARE(errorCode(edit(*m_carol, id, u"censored"_s)), u"forbidden"_s);
    QCOMPARE(versionsOf(versions(*m_bob, id)), QStringList {u"ada: rude words"_s});
    QVERIFY(promote(*m_server, u"carol"_s));
    QVERIFY(isOk(edit(*m_carol, id, u"censored"_s)));
    QCOMPARE(versionsOf(versions(*m_bob, id)),
        (QStringList {u"ada: rude words"_s, u"carol: censored"_s}));
}

void tst_EditHistory::everyReaderMayReadVersions()
{
    start();
    const qint64 id = send(u"draft"_s);
    QVERIFY(isOk(edit(*m_ada, id, u"final"_s)));
    for (TestClient *reader : {m_ada.get(), m_bob.get(), m_carol.get()})
        QCOMPARE(
            versionsOf(versions(*reader, id)), (QStringList {u"ada: draft"_s, u"ada: final"_s}));
}

void tst_EditHistory::errors()
{
    start();
    QCOMPARE(errorCode(m_bob->request(u"chat.versions"_s)), u"bad_request"_s);
    QCOMPARE(errorCode(m_bob->request(u"chat.versions"_s, {{u"messageId"_s, u"7"_s}})),
        u"bad_request"_s);
    const QJsonObject unknown = versions(*m_bob, 999999);
    QCOMPARE(errorCode(unknown), u"not_found"_s);
    QCOMPARE(errorField(unknown), u"messageId"_s);

    const qint64 id = send(u"soon gone"_s);
    QVERIFY(isOk(edit(*m_ada, id, u"going"_s)));
    QVERIFY(isOk(m_ada->request(u"chat.delete"_s, {{u"messageId"_s, id}})));
    QCOMPARE(errorCode(versions(*m_bob, id)), u"not_found"_s);

    QCOMPARE(
        errorCode(m_bob->request(u"post.versions"_s, {{u"postId"_s, 424242}})), u"not_found"_s);
    QCOMPARE(errorField(m_bob->request(u"post.versions"_s, {{u"postId"_s, 424242}})), u"postId"_s);
    QCOMPARE(errorCode(m_bob->request(u"post.versions"_s, {{u"postId"_s, -3}})), u"invalid"_s);
}

void tst_EditHistory::directConversationOfOthersIsNotFound()
{
    start();
    const qint64 direct = createDirect(*m_server, {m_ada->userId(), m_bob->userId()});
    QVERIFY(direct > 0);
    const qint64 id = send(u"just us"_s, direct);
    QVERIFY(id > 0);
    QVERIFY(isOk(edit(*m_ada, id, u"just us two"_s)));
    QCOMPARE(
        versionsOf(versions(*m_bob, id)), (QStringList {u"ada: just us"_s, u"ada: just us two"_s}));
    const QJsonObject outsider = versions(*m_carol, id);
    QCOMPARE(errorCode(outsider), u"not_found"_s);
    QCOMPARE(errorField(outsider), u"messageId"_s);
    // Word for word the answer for a message that does not exist: nothing to probe.
    QCOMPARE(objectOf(outsider, "error").value("message"_L1),
        objectOf(versions(*m_carol, 999999), "error").value("message"_L1));
}

void tst_EditHistory::postVersions()
{
    start();
    const QJsonObject created = m_ada->request(
        u"post.create"_s, {{u"title"_s, u"Plan"_s}, {u"content"_s, u"first draft"_s}});
    const qint64 id = idOf(postOf(created));
    QCOMPARE(versionsOf(m_bob->request(u"post.versions"_s, {{u"postId"_s, id}})),
        QStringList {u"ada: Plan / first draft"_s});
    const QJsonObject update {
        {u"postId"_s, id}, {u"title"_s, u"Plan B"_s}, {u"content"_s, u"second draft"_s}};
    QVERIFY(isOk(m_ada->request(u"post.update"_s, update)));
    // Only the image changes (here: none set, none kept): no new version.
    QJsonObject imageOnly = update;
    imageOnly.insert(u"imageId"_s, QJsonValue::Null);
    QVERIFY(isOk(m_ada->request(u"post.update"_s, imageOnly)));
    const QJsonObject reply = m_carol->request(u"post.versions"_s, {{u"postId"_s, id}});
    QCOMPARE(versionsOf(reply),
        (QStringList {u"ada: Plan / first draft"_s, u"ada: Plan B / second draft"_s}));
    QVERIFY(!reply.value("versions"_L1).toArray().first().toObject().contains("text"_L1));
}

void tst_EditHistory::needsSignIn()
{
    QVERIFY(m_server->start());
    QVERIFY(m_ada->open(m_server->url()));
    m_ada->request(u"hello"_s, {{u"protocol"_s, 1}, {u"client"_s, u"tst_edithistory/1"_s}});
    QCOMPARE(errorCode(versions(*m_ada, 1)), u"unauthorized"_s);
    QCOMPARE(errorCode(m_ada->request(u"post.versions"_s, {{u"postId"_s, 1}})), u"unauthorized"_s);
}

QTEST_GUILESS_MAIN(tst_EditHistory)
#include "tst_edithistory.moc"
