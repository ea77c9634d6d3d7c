#include "accountfixture.h"

#include "testserver.h"

#include "serverwrites.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>
#include <QTest>

namespace Hubbub::Test {

bool AdminAndMember::setUp(Server::Registration registration)
{
    server = std::make_unique<TestServer>();
    if (!server->start())
        return false;
    admin = std::make_unique<TestClient>();
    member = std::make_unique<TestClient>();
    if (!admin->open(server->url()) || !member->open(server->url())
        || !isOk(admin->registerUser(QStringLiteral("root")))
        || !isOk(member->registerUser(QStringLiteral("mia")))
        || !promote(*server, QStringLiteral("root")))
        return false;
    return registration == Server::Registration::Open || restartWith(registration);
}

bool AdminAndMember::restartWith(Server::Registration registration)
{
    admin.reset();
    member.reset();
    server->config().registration = registration;
    if (!server->restart())
        return false;
    admin = signIn(QStringLiteral("root"));
    member = signIn(QStringLiteral("mia"));
    return admin && member;
}

void AdminAndMember::tearDown()
{
    admin.reset();
    member.reset();
    server.reset();
}

std::unique_ptr<TestClient> AdminAndMember::signIn(
    const QString &username, const QString &password, const QString &client)
{
    auto connection = std::make_unique<TestClient>();
    if (!connection->open(server->url()) || !isOk(hello(*connection, client)))
        return nullptr;
    const QJsonObject reply = connection->login(username, password);
    if (!isOk(reply)) {
        qWarning("signIn(%s) failed: %s", qPrintable(username), qPrintable(dump(reply)));
        return nullptr;
    }
    return connection;
}

std::unique_ptr<TestClient> AdminAndMember::resume(const QString &token)
{
    auto connection = std::make_unique<TestClient>();
    if (!connection->open(server->url()) || !isOk(hello(*connection)))
        return nullptr;
    const QJsonObject reply
        = connection->request(QStringLiteral("auth.token"), {{QStringLiteral("token"), token}});
    if (!isOk(reply)) {
        qWarning("resume failed: %s", qPrintable(dump(reply)));
        return nullptr;
    }
    return connection;
}

QJsonObject hello(TestClient &client, const QString &clientName)
{
    return client.request(QStringLiteral("hello"),
        {{QStringLiteral("protocol"), 1}, {QStringLiteral("client"), clientName}});
}

QString accountState(const QString &databasePath)
{
    static int calls = 0;
    ++calls;
    const StoredDatabase stored(databasePath, databaseUrlFor(databasePath));
    // Never equal to another call's: a state that cannot be read fails a before/after check.
    if (!stored.isOpen())
        return QStringLiteral("cannot open the database (call %1): %2")
            .arg(calls)
            .arg(stored.errorString());
    const bool postgres = stored.database().driverName() == QStringLiteral("QPSQL");
    const QString hex = postgres ? QStringLiteral("encode(%1, 'hex')") : QStringLiteral("hex(%1)");
    const QStringList queries {
        QStringLiteral("SELECT id, username, role, disabled, must_change_password, "
                       "code_expires_at, password_hash FROM users ORDER BY id"),
        QStringLiteral("SELECT id, %1, user_id, expires_at FROM sessions ORDER BY id")
            .arg(hex.arg(QStringLiteral("token_hash"))),
        QStringLiteral("SELECT * FROM invites ORDER BY id"),
        QStringLiteral("SELECT * FROM audit ORDER BY id"),
        QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM events"),
    };
    QStringList lines;
    for (const QString &sql : queries) {
        QSqlQuery query(stored.database());
        if (!query.exec(sql)) {
            lines.append(QStringLiteral("failed (call %1): %2").arg(calls).arg(sql));
            continue;
        }
        while (query.next()) {
            QStringList values;
            for (int i = 0; i < query.record().count(); ++i)
                values.append(query.value(i).toString());
            lines.append(values.join(u'|'));
        }
    }
    return lines.join(u'\n');
}

int closeCodeOf(TestClient &client, int timeoutMs)
{
    if (!QTest::qWaitFor(
            [&client] { return client.socket().state() == QAbstractSocket::UnconnectedState; },
            timeoutMs))
        return -1;
    return int(client.socket().closeCode());
}

bool hasPresence(const TestClient &client, const QString &event, qint64 userId)
{
    for (const QJsonObject &frame : client.ephemeral()) {
        if (stringOf(frame, "type") == u"presence" && stringOf(frame, "event") == event
            && idOf(objectOf(frame, "user")) == userId)
            return true;
    }
    return false;
}

} // namespace Hubbub::Test
