// What reaches the connections of other instances besides events: typing, read marks and
// notification levels, a rename, a sign-out everywhere, files; and an instance refused when
// PostgreSQL has no connection left for it.

#include "fileupload.h"
#include "postgresscratch.h"
#include "serverprocess.h"
#include "testclient.h"
#include "testserver.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>

using namespace Hubbub;
using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

class tst_ClusterBus final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void typingReadMarksAndLevelsReachOtherInstances();
    void aRenameAndASignOutReachOtherInstances();
    void aFileUploadedOnOneIsReadOnAnother();
    void anInstanceWithoutADatabaseConnectionIsRefused();
    void anInstanceTakenForDeadPutsItsPresenceBack();
    void sessionsEndedWhileNotListeningAreClosed();

private:
    //! A role of this process's own: the cluster's roles are shared by the tests running.
    static QString cappedRole()
    {
        return u"hubbub_capped_%1"_s.arg(QCoreApplication::applicationPid());
    }
    //! Starts instances A and B on `url`, sharing one data folder.
    bool startTwo(const QString &url);
    //! A client signed in on `server` as `name` (registered on first use).
    std::unique_ptr<TestClient> signedIn(ServerProcess &server, const QString &name);

    std::unique_ptr<Cluster::ScratchDatabase> m_db;
    std::unique_ptr<QTemporaryDir> m_dataDir;
    std::unique_ptr<ServerProcess> m_a;
    std::unique_ptr<ServerProcess> m_b;
    QSet<QString> m_registered;
};

void tst_ClusterBus::initTestCase()
{
    if (const QString why = Cluster::skipReason(); !why.isEmpty())
        QSKIP(qPrintable(why));
}

void tst_ClusterBus::init()
{
    m_db = std::make_unique<Cluster::ScratchDatabase>(testPostgresUrl());
    QVERIFY2(m_db->isValid(), qPrintable(m_db->errorString()));
    m_dataDir = std::make_unique<QTemporaryDir>();
    m_registered.clear();
}

void tst_ClusterBus::cleanup()
{
    m_a.reset();
    m_b.reset();
    m_db.reset(); // its objects and grants go with it, so the role can go after it
    QString error;
    Cluster::execOn(testPostgresUrl(), {u"DROP ROLE IF EXISTS "_s + cappedRole()}, &error);
}

bool tst_ClusterBus::startTwo(const QString &url)
{
    m_a = std::make_unique<ServerProcess>(QStringLiteral(HUBBUB_SERVER_BINARY), url);
    m_b = std::make_unique<ServerProcess>(QStringLiteral(HUBBUB_SERVER_BINARY), url);
    for (ServerProcess *server : {m_a.get(), m_b.get()}) {
        if (!server->start({u"--data-dir"_s, m_dataDir->path()})) {
            qWarning("an instance did not start: %s", qPrintable(server->diagnostics()));
            return false;
        }
    }
    return true;
}

std::unique_ptr<TestClient> tst_ClusterBus::signedIn(ServerProcess &server, const QString &name)
{
    auto client = std::make_unique<TestClient>();
    if (!client->open(server.url()))
        return nullptr;
    const QJsonObject reply
        = m_registered.contains(name) ? client->login(name) : client->registerUser(name);
    if (!isOk(reply))
        return nullptr;
    m_registered.insert(name);
    return client;
}

void tst_ClusterBus::typingReadMarksAndLevelsReachOtherInstances()
{
    QVERIFY(startTwo(m_db->url()));
    auto aliceOnA = signedIn(*m_a, u"alice"_s);
    auto aliceOnB = signedIn(*m_b, u"alice"_s);
    auto bobOnB = signedIn(*m_b, u"bob"_s);
    QVERIFY(aliceOnA && aliceOnB && bobOnB);
    const qint64 general = 1;
    const QJsonObject sent
        = bobOnB->request(u"chat.send"_s, {{u"channelId"_s, general}, {u"text"_s, u"hi"_s}});
    QVERIFY(isOk(sent));
    const qint64 messageId = intOf(objectOf(sent, "message"), "id");

    // Typing on A reaches the other user on B, and not alice's own connection there.
    QVERIFY(isOk(aliceOnA->request(u"chat.typing"_s, {{u"channelId"_s, general}})));
    const QJsonObject typing = bobOnB->waitEphemeral(
        [](const QJsonObject &frame) { return frame.value(u"type"_s) == u"typing"_s; });
    QCOMPARE(stringOf(objectOf(typing, "user"), "username"), u"alice"_s);
    QCOMPARE(intOf(typing, "channelId"), general);

    // A read mark on A reaches alice's connection on B; a level too.
    QVERIFY(isOk(aliceOnA->request(
        u"read.mark"_s, {{u"channelId"_s, general}, {u"messageId"_s, messageId}})));
    const QJsonObject read = aliceOnB->waitEphemeral(
        [](const QJsonObject &frame) { return frame.value(u"type"_s) == u"read"_s; });
    QCOMPARE(intOf(read, "lastReadId"), messageId);
    QVERIFY(isOk(aliceOnA->request(
        u"channel.notify"_s, {{u"channelId"_s, general}, {u"level"_s, u"mentions"_s}})));
    const QJsonObject prefs = aliceOnB->waitEphemeral(
        [](const QJsonObject &frame) { return frame.value(u"type"_s) == u"prefs"_s; });
    QCOMPARE(stringOf(prefs, "level"), u"mentions"_s);

    // Each came once: the bus is not applied twice.
    QTest::qWait(300);
    int typings = 0;
    for (const QJsonObject &frame : bobOnB->ephemeral())
        typings += frame.value(u"type"_s) == u"typing"_s ? 1 : 0;
    QCOMPARE(typings, 1);
    int reads = 0;
    for (const QJsonObject &frame : aliceOnB->ephemeral())
        reads += frame.value(u"type"_s) == u"read"_s ? 1 : 0;
    QCOMPARE(reads, 1);
}

void tst_ClusterBus::aRenameAndASignOutReachOtherInstances()
{
    QVERIFY(startTwo(m_db->url()));
    auto aliceOnA = signedIn(*m_a, u"alice"_s);
    auto aliceOnB = signedIn(*m_b, u"alice"_s);
    auto bobOnA = signedIn(*m_a, u"bob"_s);
    QVERIFY(aliceOnA && aliceOnB && bobOnA);

    // Renamed on A: alice's connection on B now types under the new name.
    QVERIFY(isOk(aliceOnA->request(u"user.rename"_s, {{u"username"_s, u"alicia"_s}})));
    QTest::qWait(300); // the bus message reaches B
    QVERIFY(isOk(aliceOnB->request(u"chat.typing"_s, {{u"channelId"_s, 1}})));
    const QJsonObject typing = bobOnA->waitEphemeral(
        [](const QJsonObject &frame) { return frame.value(u"type"_s) == u"typing"_s; });
    QCOMPARE(stringOf(objectOf(typing, "user"), "username"), u"alicia"_s);

    // Signed out everywhere on A: the connection on B is closed too.
    QVERIFY(isOk(aliceOnA->request(u"session.revoke_all"_s)));
    QTRY_VERIFY_WITH_TIMEOUT(!aliceOnB->isConnected(), 5000);
    QVERIFY(bobOnA->isConnected());
}

void tst_ClusterBus::aFileUploadedOnOneIsReadOnAnother()
{
    QVERIFY(startTwo(m_db->url()));
    auto aliceOnA = signedIn(*m_a, u"alice"_s);
    auto bobOnB = signedIn(*m_b, u"bob"_s);
    QVERIFY(aliceOnA && bobOnB);
    QByteArray bytes;
    for (int i = 0; i < 200000; ++i)
        bytes.append(char(i * 7));
    const QJsonObject upload = uploadFile(*aliceOnA, bytes, u"data.bin"_s, 64 * 1024);
    QVERIFY(isOk(upload));
    const QString fileId = stringOf(objectOf(upload, "file"), "id");
    const QJsonObject sent = aliceOnA->request(u"chat.send"_s,
        {{u"channelId"_s, 1}, {u"text"_s, u"see attached"_s}, {u"files"_s, QJsonArray {fileId}}});
    QVERIFY(isOk(sent));
    // Bob, on the other instance, reads it through the attachment.
    QCOMPARE(downloadFile(*bobOnB, fileId, 50 * 1024), bytes);
}

void tst_ClusterBus::anInstanceWithoutADatabaseConnectionIsRefused()
{
    // A role PostgreSQL lets open four connections: one instance holds three (writer, reader,
    // follower), so a second finds none left.
    QString error;
    QVERIFY2(Cluster::execOn(m_db->url(),
                 {u"CREATE ROLE %1 LOGIN CONNECTION LIMIT 4"_s.arg(cappedRole()),
                     u"GRANT ALL ON DATABASE \"%1\" TO %2"_s.arg(m_db->name(), cappedRole()),
                     u"GRANT ALL ON SCHEMA public TO %1"_s.arg(cappedRole())},
                 &error),
        qPrintable(error));
    QUrl capped(m_db->url());
    capped.setUserName(cappedRole());
    const QString url = capped.toString();

    m_a = std::make_unique<ServerProcess>(QStringLiteral(HUBBUB_SERVER_BINARY), url);
    QVERIFY2(m_a->start({u"--data-dir"_s, m_dataDir->path()}), qPrintable(m_a->diagnostics()));
    auto alice = signedIn(*m_a, u"alice"_s);
    QVERIFY(alice);

    m_b = std::make_unique<ServerProcess>(QStringLiteral(HUBBUB_SERVER_BINARY), url);
    QVERIFY(!m_b->start({u"--data-dir"_s, m_dataDir->path()}));
    QVERIFY(m_b->waitForExit());
    QCOMPARE(m_b->process().exitCode(), 1);
    // One line that says what is wrong, in PostgreSQL's words.
    QVERIFY2(
        m_b->standardError().contains("too many connections"), m_b->standardError().constData());

    // The running instance is not hurt.
    QVERIFY(isOk(
        alice->request(u"post.create"_s, {{u"title"_s, u"still here"_s}, {u"content"_s, u"x"_s}})));
    // Once it stops, its connections are free for another.
    alice.reset();
    QVERIFY(m_a->terminate());
    m_b = std::make_unique<ServerProcess>(QStringLiteral(HUBBUB_SERVER_BINARY), url);
    QVERIFY2(m_b->start({u"--data-dir"_s, m_dataDir->path()}), qPrintable(m_b->diagnostics()));
    auto again = signedIn(*m_b, u"alice"_s);
    QVERIFY(again);
    QVERIFY(isOk(again->request(u"feed.page"_s)));
}

void tst_ClusterBus::anInstanceTakenForDeadPutsItsPresenceBack()
{
    QVERIFY(startTwo(m_db->url()));
    auto aliceOnA = signedIn(*m_a, u"alice"_s);
    auto bobOnB = signedIn(*m_b, u"bob"_s);
    QVERIFY(aliceOnA && bobOnB);
    const auto aliceListed = [&bobOnB] {
        const QJsonArray users = bobOnB->request(u"presence.list"_s).value(u"users"_s).toArray();
        for (const QJsonValue &user : users)
            if (user.toObject().value(u"username"_s) == u"alice"_s)
                return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(aliceListed(), 5000);

    // What another instance does to one that missed its heartbeats (a long pause, the
    // database away): its row goes, and its presence with it.
    QStringList problems;
    const QList<QVariantList> rows
        = m_db->select(u"SELECT id FROM instances ORDER BY started_at, id LIMIT 1"_s, {}, problems);
    QVERIFY(problems.isEmpty() && rows.size() == 1);
    QString error;
    QVERIFY2(
        Cluster::execOn(m_db->url(),
            {u"DELETE FROM instances WHERE id = '%1'"_s.arg(rows.at(0).at(0).toString())}, &error),
        qPrintable(error));
    QVERIFY(!aliceListed());
    bobOnB->clearEvents();
    // A's next heartbeat (every 5 s) finds itself gone and puts back what it holds.
    QTRY_VERIFY_WITH_TIMEOUT(aliceListed(), 8000);
    const QJsonObject online = bobOnB->waitEphemeral([](const QJsonObject &frame) {
        return frame.value(u"type"_s) == u"presence"_s
            && frame.value(u"user"_s).toObject().value(u"username"_s) == u"alice"_s;
    });
    QCOMPARE(stringOf(online, "event"), u"online"_s);
}

void tst_ClusterBus::sessionsEndedWhileNotListeningAreClosed()
{
    QVERIFY(startTwo(m_db->url()));
    auto aliceOnB = signedIn(*m_b, u"alice"_s);
    auto bobOnB = signedIn(*m_b, u"bob"_s);
    QVERIFY(aliceOnB && bobOnB);
    // Alice's sessions end and nothing is said on the bus (as when B's follower was away for
    // the message): B finds out when its follower connects again.
    QString error;
    QVERIFY2(Cluster::execOn(m_db->url(),
                 {u"DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE "
                  "username = 'alice')"_s},
                 &error),
        qPrintable(error));
    QTest::qWait(700); // more than a poll: nothing tells B on its own
    QVERIFY(aliceOnB->isConnected());
    QVERIFY2(Cluster::execOn(m_db->url(),
                 {u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
                  "current_database() AND application_name = 'hubbub-follower'"_s},
                 &error),
        qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(!aliceOnB->isConnected(), 5000);
    QVERIFY(bobOnB->isConnected());
    QVERIFY(isOk(bobOnB->request(u"feed.page"_s)));
}

QTEST_GUILESS_MAIN(tst_ClusterBus)
#include "tst_clusterbus.moc"
