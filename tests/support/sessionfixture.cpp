#include "sessionfixture.h"

#include "channelmodel.h"
#include "chatmodel.h"
#include "connection.h"
#include "feedmodel.h"
#include "session.h"

#include <QJsonArray>
#include <QTcpSocket>
#include <QTest>

using namespace std::chrono_literals;

namespace Hubbub::Test {

Relay::Relay(quint16 target)
    : m_target(target)
{
    connect(&m_listener, &QTcpServer::newConnection, this, &Relay::onNewConnection);
}

bool Relay::listen()
{
    return m_listener.listen(QHostAddress::LocalHost, 0);
}

QUrl Relay::url() const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(m_listener.serverPort()));
}

void Relay::cutAll()
{
    const auto sockets = findChildren<QTcpSocket *>();
    for (QTcpSocket *socket : sockets)
        socket->abort();
}

void Relay::onNewConnection()
{
    while (QTcpSocket *client = m_listener.nextPendingConnection()) {
        client->setParent(this);
        auto *upstream = new QTcpSocket(this);
        auto forwardUp = [client, upstream] {
            if (upstream->state() == QAbstractSocket::ConnectedState)
                upstream->write(client->readAll());
        };
        connect(client, &QTcpSocket::readyRead, upstream, forwardUp);
        connect(upstream, &QTcpSocket::connected, client, forwardUp);
        connect(upstream, &QTcpSocket::readyRead, client, [this, client, upstream] {
            const QByteArray data = upstream->readAll();
            if (!swallowReplies)
                client->write(data);
        });
        connect(client, &QTcpSocket::disconnected, upstream, &QTcpSocket::abort);
        connect(upstream, &QTcpSocket::disconnected, client, &QTcpSocket::abort);
        upstream->connectToHost(QHostAddress::LocalHost, m_target);
    }
}

bool SessionFixture::setUp()
{
    server = std::make_unique<TestServer>();
    if (!server->start())
        return false;
    bob = member(*server, QStringLiteral("bob"));
    dir = std::make_unique<QTemporaryDir>();
    if (!bob || !dir->isValid())
        return false;
    session = std::make_unique<Client::Session>(Client::Session::Paths {dir->path(), {}});
    return true;
}

void SessionFixture::tearDown()
{
    session.reset();
    bob.reset();
    server.reset();
    dir.reset();
}

void reconnectFast(Client::Session &session)
{
    session.connection()->backoff().setInitial(20ms);
    session.connection()->backoff().setCap(200ms);
}

bool waitOnline(Client::Session &session, int timeoutMs)
{
    return QTest::qWaitFor([&] { return session.connection()->isOnline(); }, timeoutMs);
}

bool signIn(Client::Session &session, const QUrl &url, const QString &username, bool create)
{
    session.signIn(url, username, SessionPassword, create);
    return waitOnline(session)
        && QTest::qWaitFor(
            [&] { return session.feed()->isLoaded() && session.channels()->rowCount() > 0; },
            10000);
}

bool startOnPort(TestServer &server, quint16 port)
{
    server.config().port = port;
    const bool ok = server.start();
    server.config().port = 0;
    return ok;
}

std::unique_ptr<TestClient> member(TestServer &server, const QString &username)
{
    auto client = std::make_unique<TestClient>();
    if (!client->open(server.url()) || !isOk(client->registerUser(username, SessionPassword)))
        return nullptr;
    return client;
}

std::unique_ptr<TestClient> reconnect(TestServer &server, const QString &token)
{
    auto client = std::make_unique<TestClient>();
    if (!client->open(server.url())
        || !isOk(client->request(QStringLiteral("auth.token"), {{QStringLiteral("token"), token}})))
        return nullptr;
    return client;
}

QStringList titlesOnServer(TestClient &client)
{
    QStringList titles;
    const QJsonArray posts
        = client.request(QStringLiteral("feed.page"), {{QStringLiteral("limit"), 100}})
              .value(QLatin1String("posts"))
              .toArray();
    for (const QJsonValue &post : posts)
        titles.append(post.toObject().value(QLatin1String("title")).toString());
    return titles;
}

QStringList textsOnServer(TestClient &client, qint64 channelId)
{
    QStringList texts;
    const QJsonArray messages
        = client
              .request(QStringLiteral("chat.history"),
                  {{QStringLiteral("channelId"), channelId}, {QStringLiteral("limit"), 200}})
              .value(QLatin1String("messages"))
              .toArray();
    for (const QJsonValue &message : messages)
        texts.append(message.toObject().value(QLatin1String("text")).toString());
    return texts;
}

QStringList feedTitles(Client::Session &session, bool pending)
{
    using Client::FeedModel;
    QStringList titles;
    const FeedModel *model = session.feed();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(FeedModel::PendingRole).toBool() == pending)
            titles.append(index.data(FeedModel::TitleRole).toString());
    }
    return titles;
}

QStringList chatTexts(Client::ChatModel *model, bool pending)
{
    using Client::ChatModel;
    QStringList texts;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(ChatModel::KindRole).value<ChatModel::Kind>() == ChatModel::Kind::Message
            && index.data(ChatModel::PendingRole).toBool() == pending)
            texts.append(index.data(ChatModel::TextRole).toString());
    }
    return texts;
}

qint64 idOf(const QJsonObject &reply, const char *key)
{
    return reply.value(QLatin1String(key)).toObject().value(QLatin1String("id")).toInteger();
}

} // namespace Hubbub::Test
