#pragma once

#include "testclient.h"
#include "testserver.h"

#include <QJsonObject>
#include <QStringList>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace Hubbub::Client {
class ChatModel;
class Session;
} // namespace Hubbub::Client

// Helpers for the tests of the client Session and its parts against a real in-process server.
namespace Hubbub::Test {

inline const QString SessionPassword = QStringLiteral("correct horse");
inline constexpr int SignInTimeout = 20000; //!< password hashing is slow on purpose
inline constexpr int DeliveryTimeout = 20000;
inline constexpr qint64 General = 1; //!< the channel every server starts with

//! A TCP relay between the client and the server that can swallow what the server sends and
//! cut every connection: a reply lost on the way, as on a flaky network.
class Relay final : public QObject
{
public:
    explicit Relay(quint16 target);
    Q_DISABLE_COPY_MOVE(Relay)

    bool listen();
    QUrl url() const;
    //! Drop whatever the server sends from now on.
    bool swallowReplies = false;
    void cutAll();

private:
    void onNewConnection();

    QTcpServer m_listener;
    quint16 m_target;
};

//! What most session tests start from: a server with bob signed up, a data folder and a
//! Session (not signed in yet) keeping its outboxes there. Made in init(), dropped in cleanup().
struct SessionFixture
{
    std::unique_ptr<TestServer> server;
    std::unique_ptr<TestClient> bob;
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<Client::Session> session;

    bool setUp();
    void tearDown();
    quint16 port() const { return quint16(server->url().port()); }
};

//! Reconnect quickly: the tests restart the server and wait for the client to come back.
void reconnectFast(Client::Session &session);
bool waitOnline(Client::Session &session, int timeoutMs = SignInTimeout);
//! Signs in (creating the account) and waits for the feed and channels to load.
bool signIn(Client::Session &session, const QUrl &url, const QString &username, bool create = true);
//! Starts the server again on the port it had, after stop().
bool startOnPort(TestServer &server, quint16 port);
//! A second user with their own bare connection, signed up.
std::unique_ptr<TestClient> member(TestServer &server, const QString &username);
//! A bare connection signed in with `token`.
std::unique_ptr<TestClient> reconnect(TestServer &server, const QString &token);

//! Titles of every post on the server, newest first.
QStringList titlesOnServer(TestClient &client);
//! Texts of every message in a channel on the server, oldest first.
QStringList textsOnServer(TestClient &client, qint64 channelId = General);
//! Titles in the session's feed, of the pending rows or of the others.
QStringList feedTitles(Client::Session &session, bool pending = false);
//! Texts of the message rows of a chat, of the pending rows or of the others.
QStringList chatTexts(Client::ChatModel *model, bool pending = false);
//! The id of the `key` object of a reply, e.g. idOf(reply, "post").
qint64 idOf(const QJsonObject &reply, const char *key);

} // namespace Hubbub::Test
