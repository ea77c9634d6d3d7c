#pragma once

#include "serverconfig.h"
#include "testclient.h"
#include "testserver.h"

#include <QJsonObject>
#include <QString>

#include <memory>

namespace Hubbub::Test {

//! What the account and admin tests start from: a fresh server, the admin "root" (registered,
//! then promoted as `hubbub-server --promote` does) and the member "mia", each signed in on a
//! connection of their own. Made in init() with setUp(), dropped in cleanup().
struct AdminAndMember
{
    std::unique_ptr<TestServer> server;
    std::unique_ptr<TestClient> admin;
    std::unique_ptr<TestClient> member;

    //! Registration is open while the two register; for another mode, see restartWith().
    bool setUp(Server::Registration registration = Server::Registration::Open);
    void tearDown();
    //! Restarts the server with that registration mode; admin and member sign in again on new
    //! connections.
    bool restartWith(Server::Registration registration);
    //! A new connection (hello with `client`) signed in with `username` and `password`; null
    //! when that fails.
    std::unique_ptr<TestClient> signIn(const QString &username,
        const QString &password = QStringLiteral("correct horse"),
        const QString &client = QStringLiteral("test/1"));
    //! A new connection (hello first) signed in with an existing token; null when that fails.
    //! Its user() and token() stay empty (TestClient sets them only on register and login).
    std::unique_ptr<TestClient> resume(const QString &token);
};

//! hello {protocol: 1, client}.
QJsonObject hello(TestClient &client, const QString &clientName = QStringLiteral("test/1"));

//! Everything the account verbs can change, read from the database file on a connection of
//! our own: users (role, disabled, must-change, password hash), sessions, invites, the audit
//! log and the event log's head. Equal before and after: nothing was changed.
QString accountState(const QString &databasePath);

//! Waits (bounded) until the server has closed `client`'s connection; its close code then, or
//! -1 when it stayed open.
int closeCodeOf(TestClient &client, int timeoutMs = 5000);

//! Whether `client` got a presence frame `event` ("online"/"offline") for that user.
bool hasPresence(const TestClient &client, const QString &event, qint64 userId);

} // namespace Hubbub::Test
