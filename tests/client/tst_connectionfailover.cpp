// Connection with a deployment of several addresses, against a real in-process server: a
// sign-in moves past an address that refuses to the next one; a dropped connection tries the
// next address at once and waits with the backoff only after a full round; the server coming
// back on another port of the list is resumed with sync, every event exactly once; and a sign-in
// where no address answers fails once, naming them all.

#include "connection.h"
#include "deployment.h"
#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Hubbub::Test;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

const QString Password = u"correct horse"_s;
constexpr int SignInTimeout = 20000; //!< password hashing is slow on purpose

QUrl local(quint16 port)
{
    return QUrl(u"ws://127.0.0.1:%1/"_s.arg(port));
}

//! The ports `connection` tried, in order: each time it starts to connect.
class AttemptRecorder
{
public:
    explicit AttemptRecorder(Connection *connection)
    {
        QObject::connect(connection, &Connection::connecting, &m_context,
            [this, connection](const QUrl &address) {
                // What the UI shows is the address in use.
                if (address == connection->url())
                    ports.append(address.port());
            });
    }
    QList<int> ports;

private:
    QObject m_context;
};

//! The seqs `connection` delivered, in delivery order.
class SeqRecorder
{
public:
    explicit SeqRecorder(Connection *connection)
    {
        QObject::connect(connection, &Connection::eventReceived, &m_context,
            [this](qint64 seq) { seqs.append(seq); });
    }
    QList<qint64> seqs;

private:
    QObject m_context;
};

QList<qint64> range(qint64 first, qint64 last)
{
    QList<qint64> seqs;
    for (qint64 seq = first; seq <= last; ++seq)
        seqs.append(seq);
    return seqs;
}

bool createPost(TestClient &client, const QString &title)
{
    return isOk(client.request(u"post.create"_s, {{u"title"_s, title}, {u"content"_s, u"x"_s}}));
}

//! The server's newest seq as `hello` reports it.
qint64 headOf(TestClient &client)
{
    const QJsonObject reply = client.request(u"hello"_s, {{u"protocol"_s, 1}});
    return isOk(reply) ? reply.value("head"_L1).toInteger() : -1;
}

} // namespace

class tst_ConnectionFailover : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signInSkipsAddressThatRefuses();
    void signInFailsOnceWhenNoAddressAnswers();
    void failsOverToAnotherPortAndResumesWithSync();
};

void tst_ConnectionFailover::signInSkipsAddressThatRefuses()
{
    TestServer server;
    QVERIFY(server.start());
    const quint16 closed = closedPort();
    QVERIFY(closed != 0);

    Connection connection;
    // Were the next address tried only after a wait, the test would time out.
    connection.backoff().setInitial(60s);
    AttemptRecorder attempts(&connection);
    QSignalSpy online(&connection, &Connection::online);
    QSignalSpy failed(&connection, &Connection::signInFailed);
    QSignalSpy scheduled(&connection, &Connection::reconnectScheduled);
    const Deployment deployment({local(closed), server.url()});
    connection.signIn(deployment, u"ada"_s, Password, true);
    QTRY_COMPARE_WITH_TIMEOUT(online.size(), 1, SignInTimeout);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(scheduled.size(), 0);
    QCOMPARE(attempts.ports, QList<int>({closed, server.url().port()}));
    // In use: the second; the deployment (and what is kept under it) is still the first's.
    QCOMPARE(connection.url(), server.url());
    QCOMPARE(connection.deployment(), deployment);
    QCOMPARE(connection.deployment().key(), local(closed));
}

void tst_ConnectionFailover::signInFailsOnceWhenNoAddressAnswers()
{
    const quint16 first = closedPort();
    const quint16 second = closedPort();
    QVERIFY(first != 0 && second != 0);
    Connection connection;
    AttemptRecorder attempts(&connection);
    QSignalSpy failed(&connection, &Connection::signInFailed);
    QSignalSpy scheduled(&connection, &Connection::reconnectScheduled);
    connection.signIn(Deployment({local(first), local(second)}), u"ada"_s, Password);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
    // Each address once, then the user is told, naming both.
    QCOMPARE(attempts.ports, QList<int>({first, second}));
    QCOMPARE(failed.at(0).at(0).value<Error>().message,
        u"Can't reach server at ws://127.0.0.1:%1, ws://127.0.0.1:%2."_s.arg(first).arg(second));
    QCOMPARE(connection.state(), Connection::State::Disconnected);
    QCOMPARE(scheduled.size(), 0);
    QTest::qWait(200);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(attempts.ports.size(), 2);
}

void tst_ConnectionFailover::failsOverToAnotherPortAndResumesWithSync()
{
    TestServer server;
    QVERIFY(server.start());
    const QUrl firstUrl = server.url();
    const quint16 firstPort = quint16(firstUrl.port());
    const quint16 secondPort = closedPort();
    QVERIFY(secondPort != 0 && secondPort != firstPort);
    const QUrl secondUrl = local(secondPort);
    TestClient bob;
    QVERIFY(bob.open(firstUrl));
    QVERIFY(isOk(bob.registerUser(u"bob"_s, Password)));

    Connection connection;
    // A long wait between rounds: the test decides when the round after it starts.
    connection.backoff().setInitial(60s);
    AttemptRecorder attempts(&connection);
    SeqRecorder recorder(&connection);
    QSignalSpy online(&connection, &Connection::online);
    QSignalSpy reload(&connection, &Connection::reloadRequired);
    QSignalSpy signedIn(&connection, &Connection::signedIn);
    QSignalSpy scheduled(&connection, &Connection::reconnectScheduled);
    connection.signIn(Deployment({firstUrl, secondUrl}), u"ada"_s, Password, true);
    QTRY_COMPARE_WITH_TIMEOUT(online.size(), 1, SignInTimeout);
    QCOMPARE(connection.url(), firstUrl);
    const qint64 start = connection.lastSeq();
    for (int i = 0; i < 3; ++i)
        QVERIFY(createPost(bob, u"live %1"_s.arg(i)));
    QTRY_COMPARE(recorder.seqs.size(), 3);

    // The instance goes away: the next address is tried at once (nothing listens there yet),
    // and only after that round does the connection wait.
    server.stop();
    QTRY_COMPARE(connection.state(), Connection::State::Waiting);
    QCOMPARE(attempts.ports, QList<int>({firstPort, secondPort}));
    QCOMPARE(scheduled.size(), 1);

    // The deployment comes back on the other address, over the same database, and changes go
    // on there while the connection waits.
    server.config().port = secondPort;
    QVERIFY(server.restart());
    QCOMPARE(server.url(), secondUrl);
    TestClient writer;
    QVERIFY(writer.open(secondUrl));
    QVERIFY(isOk(writer.request(u"auth.token"_s, {{u"token"_s, bob.token()}})));
    for (int i = 0; i < 4; ++i)
        QVERIFY(createPost(writer, u"during %1"_s.arg(i)));
    QVERIFY(isOk(writer.request(
        u"chat.send"_s, {{u"channelId"_s, 1}, {u"text"_s, u"while you were away"_s}})));
    QCOMPARE(recorder.seqs.size(), 3);

    // The next round starts after the current address: the first (refused), then at once the
    // second, where the server now is. No further wait.
    connection.retryNow();
    for (int i = 0; i < 3; ++i) {
        writer.send(u"post.create"_s, {{u"title"_s, u"racing %1"_s.arg(i)}, {u"content"_s, u""_s}});
    }
    QTRY_COMPARE_WITH_TIMEOUT(online.size(), 2, 10000);
    QCOMPARE(attempts.ports, QList<int>({firstPort, secondPort, firstPort, secondPort}));
    QCOMPARE(scheduled.size(), 1);
    QCOMPARE(connection.url(), secondUrl);

    // Resumed with sync from the last seq, not reloaded: every seq once, in order, as stored.
    const qint64 head = start + 3 + 4 + 1 + 3;
    QTRY_COMPARE(recorder.seqs.size(), int(head - start));
    QCOMPARE(headOf(writer), head);
    QCOMPARE(storedRows(server.databasePath(), u"events"_s), head);
    QCOMPARE(recorder.seqs, range(start + 1, head));
    QCOMPARE(connection.lastSeq(), head);
    QCOMPARE(reload.size(), 1);
    QCOMPARE(signedIn.size(), 2);

    // Live events go on at the new address.
    QVERIFY(createPost(writer, u"after"_s));
    QTRY_COMPARE(recorder.seqs.size(), int(head - start + 1));
    QCOMPARE(recorder.seqs.last(), head + 1);
}

QTEST_MAIN(tst_ConnectionFailover)
#include "tst_connectionfailover.moc"
