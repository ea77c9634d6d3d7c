// Session against a real in-process server: changes made offline reach the server exactly once
// after a reconnect, a resend after a lost reply does not duplicate (nonce), the outbox survives
// an app restart and stays with its account, refused changes fail with the server's reason and
// can be fixed, retried or discarded, and changes by others (edits, deletes, renames, typing)
// show up live, with unread counts and notifications. Also: an edit of a queued create made
// before its resend still reaches the server, a resent review counts once, a refused edit keeps
// its failure after an earlier edit of the same post went through, an edit of something deleted
// meanwhile is dropped rather than failed, and signing out clears the unread counts.
// (Named tst_clientsession: tests/server already has a tst_session, for the server's Session.)

#include "channelmodel.h"
#include "chatmodel.h"
#include "connection.h"
#include "feedmodel.h"
#include "outbox.h"
#include "peoplemodel.h"
#include "reply.h"
#include "session.h"
#include "testclient.h"
#include "testserver.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
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
constexpr int DeliveryTimeout = 20000;
constexpr qint64 General = 1;

//! A TCP relay between the client and the server that can swallow what the server sends and
//! cut every connection: a reply lost on the way, as on a flaky network.
class Relay final : public QObject
{
public:
    explicit Relay(quint16 target)
        : m_target(target)
    {
        connect(&m_listener, &QTcpServer::newConnection, this, &Relay::onNewConnection);
    }
    Q_DISABLE_COPY_MOVE(Relay)

    bool listen() { return m_listener.listen(QHostAddress::LocalHost, 0); }
    QUrl url() const { return QUrl(u"ws://127.0.0.1:%1/"_s.arg(m_listener.serverPort())); }
    //! Drop whatever the server sends from now on.
    bool swallowReplies = false;
    void cutAll()
    {
        const auto sockets = findChildren<QTcpSocket *>();
        for (QTcpSocket *socket : sockets)
            socket->abort();
    }

private:
    void onNewConnection()
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

    QTcpServer m_listener;
    quint16 m_target;
};

//! Reconnect quickly: the tests restart the server and wait for the client to come back.
void reconnectFast(Session &session)
{
    session.connection()->backoff().setInitial(20ms);
    session.connection()->backoff().setCap(200ms);
}

bool waitOnline(Session &session, int timeoutMs = SignInTimeout)
{
    return QTest::qWaitFor([&] { return session.connection()->isOnline(); }, timeoutMs);
}

//! Signs in (creating the account) and waits for the feed and channels to load.
bool signIn(Session &session, const QUrl &url, const QString &username, bool create = true)
{
    session.signIn(url, username, Password, create);
    return waitOnline(session)
        && QTest::qWaitFor(
            [&] { return session.feed()->isLoaded() && session.channels()->rowCount() > 0; },
            10000);
}

//! Starts the server again on the port it had, after stop().
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
    if (!client->open(server.url()) || !isOk(client->registerUser(username, Password)))
        return nullptr;
    return client;
}

std::unique_ptr<TestClient> reconnect(TestServer &server, const QString &token)
{
    auto client = std::make_unique<TestClient>();
    if (!client->open(server.url())
        || !isOk(client->request(u"auth.token"_s, {{u"token"_s, token}})))
        return nullptr;
    return client;
}

//! Titles of every post on the server, newest first.
QStringList titlesOnServer(TestClient &client)
{
    QStringList titles;
    const QJsonArray posts
        = client.request(u"feed.page"_s, {{u"limit"_s, 100}}).value("posts"_L1).toArray();
    for (const QJsonValue &post : posts)
        titles.append(post.toObject().value("title"_L1).toString());
    return titles;
}

//! Texts of every message in a channel on the server, oldest first.
QStringList textsOnServer(TestClient &client, qint64 channelId = General)
{
    QStringList texts;
    const QJsonArray messages
        = client.request(u"chat.history"_s, {{u"channelId"_s, channelId}, {u"limit"_s, 200}})
              .value("messages"_L1)
              .toArray();
    for (const QJsonValue &message : messages)
        texts.append(message.toObject().value("text"_L1).toString());
    return texts;
}

//! `role` of every row of `model`, with rows that are still pending left out unless asked.
QStringList column(const QAbstractItemModel *model, int role, int pendingRole, bool pending)
{
    QStringList values;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(pendingRole).toBool() == pending)
            values.append(index.data(role).toString());
    }
    return values;
}

QStringList feedTitles(Session &session, bool pending = false)
{
    return column(session.feed(), FeedModel::TitleRole, FeedModel::PendingRole, pending);
}

QStringList chatTexts(ChatModel *model, bool pending = false)
{
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
    return reply.value(QLatin1String(key)).toObject().value("id"_L1).toInteger();
}

} // namespace

class tst_ClientSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signInLoadsViews();
    void offlineChangesDeliveredOnce();
    void resendAfterLostReplyDoesNotDuplicate_data();
    void resendAfterLostReplyDoesNotDuplicate();
    void outboxSurvivesAppRestart();
    void outboxStaysWithItsAccount();
    void refusedChangeFails();
    void refusedChangeCanBeDiscarded();
    void editOfResentCreateNotLost_data();
    void editOfResentCreateNotLost();
    void reviewResentAfterLostReplyStoredOnce();
    void secondQueuedEditRefused();
    void editOfDeletedEntryIsDropped_data();
    void editOfDeletedEntryIsDropped();
    void signOutResetsUnread();
    void ownEditsAndDeletes();
    void changesByOthersShowLive();
    void renameUpdatesRows();
    void unreadAndNotify();
    void typing();
    void mayChange();
};

void tst_ClientSession::signInLoadsViews()
{
    TestServer server;
    QVERIFY(server.start());
    auto bob = member(server, u"bob"_s);
    QVERIFY(bob);
    QVERIFY(isOk(bob->request(
        u"post.create"_s, {{u"title"_s, u"before ada came"_s}, {u"content"_s, u""_s}})));
    QVERIFY(isOk(bob->request(u"chat.send"_s, {{u"channelId"_s, General}, {u"text"_s, u"hi"_s}})));

    QTemporaryDir dir;
    Session session({dir.path(), {}});
    QSignalSpy signedIn(&session, &Session::signedIn);
    QVERIFY(signIn(session, server.url(), u"ada"_s));
    QCOMPARE(signedIn.size(), 1);
    QCOMPARE(session.user().username, u"ada"_s);
    QCOMPARE(feedTitles(session), QStringList {u"before ada came"_s});
    QCOMPARE(session.channels()->index(0, 0).data(ChannelModel::NameRole).toString(), u"general"_s);
    QTRY_VERIFY(session.people()->isOnline(session.user().id));
    QVERIFY(session.people()->isOnline(bob->userId()));
    ChatModel *chat = session.chat(General);
    QCOMPARE(session.chat(General), chat);
    QTRY_VERIFY(chat->isLoaded());
    QCOMPARE(chatTexts(chat), QStringList {u"hi"_s});
    // The outbox of this account lives in the data folder.
    QVERIFY(session.outbox()->path().startsWith(dir.path()));
}

void tst_ClientSession::offlineChangesDeliveredOnce()
{
    TestServer server;
    QVERIFY(server.start());
    const quint16 port = quint16(server.url().port());
    auto bob = member(server, u"bob"_s);
    QVERIFY(bob);
    const QString bobToken = bob->token();

    QTemporaryDir dir;
    Session session({dir.path(), {}});
    reconnectFast(session);
    QVERIFY(signIn(session, server.url(), u"ada"_s));
    ChatModel *chat = session.chat(General);
    QTRY_VERIFY(chat->isLoaded());
    QAbstractItemModelTester feedTester(
        session.feed(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester chatTester(
        chat, QAbstractItemModelTester::FailureReportingMode::Fatal);

    server.stop();
    QTRY_VERIFY(!session.connection()->isOnline());
    const QStringList titles {u"first"_s, u"second"_s, u"third"_s};
    const QStringList texts {u"one"_s, u"two"_s};
    for (const QString &title : titles)
        QVERIFY(!session.createPost(title, u"written offline"_s).isEmpty());
    for (const QString &text : texts)
        QVERIFY(!session.sendMessage(General, text).isEmpty());
    QCOMPARE(session.outbox()->count(), 5);
    // They show at once, as pending rows: posts on top (newest first), messages at the bottom.
    QCOMPARE(session.feed()->pendingCount(), 3);
    QCOMPARE(feedTitles(session, true), (QStringList {u"third"_s, u"second"_s, u"first"_s}));
    QCOMPARE(chatTexts(chat, true), texts);
    QCOMPARE(session.feed()->index(0, 0).data(FeedModel::AuthorRole).toString(), u"ada"_s);

    QVERIFY(startOnPort(server, port));
    QVERIFY(waitOnline(session));
    QTRY_COMPARE_WITH_TIMEOUT(session.outbox()->count(), 0, DeliveryTimeout);

    // Each arrived exactly once, in the order written.
    bob = reconnect(server, bobToken);
    QVERIFY(bob);
    QCOMPARE(titlesOnServer(*bob), (QStringList {u"third"_s, u"second"_s, u"first"_s}));
    QCOMPARE(textsOnServer(*bob), texts);
    // The pending rows became real rows, each once.
    QCOMPARE(session.feed()->pendingCount(), 0);
    QCOMPARE(feedTitles(session, true), QStringList());
    QCOMPARE(feedTitles(session), (QStringList {u"third"_s, u"second"_s, u"first"_s}));
    for (int row = 0; row < session.feed()->rowCount(); ++row)
        QVERIFY(session.feed()->index(row, 0).data(FeedModel::IdRole).toLongLong() > 0);
    QCOMPARE(chatTexts(chat, true), QStringList());
    QCOMPARE(chatTexts(chat), texts);
}

void tst_ClientSession::resendAfterLostReplyDoesNotDuplicate_data()
{
    QTest::addColumn<bool>("message");
    QTest::addRow("post") << false;
    QTest::addRow("chat message") << true;
}

void tst_ClientSession::resendAfterLostReplyDoesNotDuplicate()
{
    QFETCH(bool, message);
    TestServer server;
    QVERIFY(server.start());
    auto bob = member(server, u"bob"_s);
    QVERIFY(bob);
    Relay relay(quint16(server.url().port()));
    QVERIFY(relay.listen());

    QTemporaryDir dir;
    Session session({dir.path(), {}});
    reconnectFast(session);
    QVERIFY(signIn(session, relay.url(), u"ada"_s));
    ChatModel *chat = session.chat(General);
    QTRY_VERIFY(chat->isLoaded());

    // The change reaches the server, but its reply (and the event) never reach ada.
    relay.swallowReplies = true;
    const QString text = u"exactly once"_s;
    if (message)
        session.sendMessage(General, text);
    else
        session.createPost(text, u""_s);
    const QString created = QLatin1String(message ? Events::MessageCreated : Events::PostCreated);
    QVERIFY(!bob->waitEventNamed(created, DeliveryTimeout).isEmpty());
    QCOMPARE(session.outbox()->count(), 1);
    QCOMPARE(session.outbox()->entries().at(0).status, Outbox::Status::Sending);

    // The link breaks; ada reconnects, learns of the entry from the sync, and sends again
    // with the same nonce.
    relay.swallowReplies = false;
    relay.cutAll();
    QTRY_COMPARE_WITH_TIMEOUT(session.outbox()->count(), 0, DeliveryTimeout);
    QVERIFY(session.connection()->isOnline());

    if (message) {
        QCOMPARE(textsOnServer(*bob), QStringList {text});
        QCOMPARE(chatTexts(chat), QStringList {text});
        QCOMPARE(chatTexts(chat, true), QStringList());
    } else {
        QCOMPARE(titlesOnServer(*bob), QStringList {text});
        QCOMPARE(feedTitles(session), QStringList {text});
        QCOMPARE(session.feed()->pendingCount(), 0);
    }
    // The resend created nothing: one event only (bob's last request orders after any event).
    const auto events = bob->events();
    QCOMPARE(std::count_if(events.cbegin(), events.cend(),
                 [&](const QJsonObject &e) { return e.value("event"_L1).toString() == created; }),
        1);
}

void tst_ClientSession::outboxSurvivesAppRestart()
{
    TestServer server;
    QVERIFY(server.start());
    const quint16 port = quint16(server.url().port());
    auto bob = member(server, u"bob"_s);
    QVERIFY(bob);
    const QString bobToken = bob->token();
    QTemporaryDir dir;
    QString token;
    User ada;
    {
        Session session({dir.path(), {}});
        QVERIFY(signIn(session, server.url(), u"ada"_s));
        token = session.connection()->token();
        ada = session.user();
        server.stop();
        QTRY_VERIFY(!session.connection()->isOnline());
        session.createPost(u"written before the restart"_s, u"body"_s);
        session.sendMessage(General, u"queued message"_s);
        QCOMPARE(session.outbox()->count(), 2);
        // The app quits here.
    }
    QVERIFY(!QDir(dir.path()).entryList({u"outbox-*.json"_s}, QDir::Files).isEmpty());
    QVERIFY(startOnPort(server, port));

    Session session({dir.path(), {}});
    reconnectFast(session);
    session.resume(server.url(), token, ada);
    // The queue shows at once, before the server answers.
    QCOMPARE(session.outbox()->count(), 2);
    QCOMPARE(feedTitles(session, true), QStringList {u"written before the restart"_s});
    ChatModel *chat = session.chat(General);
    QCOMPARE(chatTexts(chat, true), QStringList {u"queued message"_s});
    QCOMPARE(session.feed()->index(0, 0).data(FeedModel::AuthorRole).toString(), u"ada"_s);

    QVERIFY(waitOnline(session));
    QTRY_COMPARE_WITH_TIMEOUT(session.outbox()->count(), 0, DeliveryTimeout);
    bob = reconnect(server, bobToken);
    QVERIFY(bob);
    QCOMPARE(titlesOnServer(*bob), QStringList {u"written before the restart"_s});
    QCOMPARE(textsOnServer(*bob), QStringList {u"queued message"_s});
    QTRY_COMPARE(feedTitles(session), QStringList {u"written before the restart"_s});
    QTRY_COMPARE(chatTexts(chat), QStringList {u"queued message"_s});
    QCOMPARE(chatTexts(chat, true), QStringList());
}

void tst_ClientSession::outboxStaysWithItsAccount()
{
    TestServer server;
    QVERIFY(server.start());
    const quint16 port = quint16(server.url().port());
    auto bob = member(server, u"bob"_s);
    QVERIFY(bob);
    const QString bobToken = bob->token();
    QTemporaryDir dir;
    Session session({dir.path(), {}});
    reconnectFast(session);
    QVERIFY(signIn(session, server.url(), u"ada"_s));
    const qint64 adaId = session.user().id;

    // ada queues a post offline and signs out before it could be sent.
    server.stop();
    QTRY_VERIFY(!session.connection()->isOnline());
    session.createPost(u"ada's draft"_s, u""_s);
    session.signOut();
    QCOMPARE(session.connection()->state(), Connection::State::Disconnected);
    QVERIFY(startOnPort(server, port));

    // carol signs in on the same app: ada's queue is not hers and must not go out as hers.
    QVERIFY(signIn(session, server.url(), u"carol"_s));
    QVERIFY(session.user().id != adaId);
    QCOMPARE(session.outbox()->count(), 0);
    QCOMPARE(feedTitles(session, true), QStringList());
    session.createPost(u"carol's post"_s, u""_s);
    // The outbox sends in order: once carol's post is through, anything before it went too.
    QTRY_COMPARE_WITH_TIMEOUT(session.outbox()->count(), 0, DeliveryTimeout);
    bob = reconnect(server, bobToken);
    QVERIFY(bob);
    QCOMPARE(titlesOnServer(*bob), QStringList {u"carol's post"_s});

    // Back as ada: her draft goes out, under her name.
    session.signOut();
    QVERIFY(signIn(session, server.url(), u"ada"_s, false));
    QTRY_COMPARE_WITH_TIMEOUT(session.outbox()->count(), 0, DeliveryTimeout);
    const QJsonArray posts
        = bob->request(u"feed.page"_s, {{u"limit"_s, 10}}).value("posts"_L1).toArray();
    QCOMPARE(posts.size(), 2);
    const QJsonObject newest = posts.at(0).toObject();
    QCOMPARE(newest.value("title"_L1).toString(), u"ada's draft"_s);
    QCOMPARE(newest.value("author"_L1).toObject().value("id"_L1).toInteger(), adaId);
}

void tst_ClientSession::refusedChangeFails()
{
    TestServer server;
    QVERIFY(server.start());
    auto bob = member(server, u"bob"_s);
    QVERIFY(bob);
    QTemporaryDir dir;
    Session session({dir.path(), {}});
    QVERIFY(signIn(session, server.url(), u"ada"_s));
    QAbstractItemModelTester feedTester(
        session.feed(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy refused(&session, &Session::changeRefused);

    const QString longTitle(201, u'x');
    const QString bad = session.createPost(longTitle, u"content"_s);
    const QString good = session.createPost(u"fine"_s, u"content"_s);
    QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, DeliveryTimeout);
    // The server's code and field, told in the client's own words (ErrorText), not the
    // server's English sentence.
    const QJsonObject direct
        = bob->request(u"post.create"_s, {{u"title"_s, longTitle}, {u"content"_s, u""_s}});
    QCOMPARE(errorCode(direct), u"too_large"_s);
    QCOMPARE(direct.value("error"_L1).toObject().value("field"_L1).toString(), u"title"_s);
    const QString reason = u"A title has at most 200 characters."_s;
    QVERIFY(direct.value("error"_L1).toObject().value("message"_L1).toString() != reason);
    QCOMPARE(refused.at(0).at(0).toString(), bad);
    QCOMPARE(refused.at(0).at(1).toString(), reason);
    const auto entry = session.outbox()->entry(bad);
    QVERIFY(entry.has_value());
    QCOMPARE(entry->status, Outbox::Status::Failed);
    QCOMPARE(entry->error, reason);
    QCOMPARE(session.outbox()->failedCount(), 1);
    // The refused one does not hold up the queue.
    QTRY_VERIFY_WITH_TIMEOUT(!session.outbox()->entry(good).has_value(), DeliveryTimeout);
    QCOMPARE(feedTitles(session), QStringList {u"fine"_s});
    // The row stays, pending, with the reason.
    QCOMPARE(session.feed()->pendingCount(), 1);
    const QModelIndex row = session.feed()->index(0, 0);
    QCOMPARE(row.data(FeedModel::LocalIdRole).toString(), bad);
    QCOMPARE(row.data(FeedModel::FailureRole).toString(), reason);

    // Retrying unchanged fails the same way.
    session.retry(bad);
    QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 2, DeliveryTimeout);
    QCOMPARE(session.outbox()->entry(bad)->status, Outbox::Status::Failed);

    // Fixed: it goes through, with the nonce it always had, and becomes a real row.
    const QString nonce = session.outbox()->entry(bad)->params.value("nonce"_L1).toString();
    QVERIFY(session.editPending(bad, u"a shorter title"_s, u"content"_s));
    QCOMPARE(session.feed()->index(0, 0).data(FeedModel::FailureRole).toString(), QString());
    QTRY_COMPARE_WITH_TIMEOUT(session.outbox()->count(), 0, DeliveryTimeout);
    QCOMPARE(refused.size(), 2);
    QCOMPARE(session.feed()->pendingCount(), 0);
    QCOMPARE(feedTitles(session), (QStringList {u"a shorter title"_s, u"fine"_s}));
    QCOMPARE(titlesOnServer(*bob), (QStringList {u"a shorter title"_s, u"fine"_s}));
    QVERIFY(!nonce.isEmpty());
}

void tst_ClientSession::refusedChangeCanBeDiscarded()
{
    TestServer server;
    QVERIFY(server.start());
    auto bob = member(server, u"bob"_s);
    QVERIFY(bob);
    QTemporaryDir dir;
    Session session({dir.path(), {}});
    QVERIFY(signIn(session, server.url(), u"ada"_s));
    ChatModel *chat = session.chat(General);
    QTRY_VERIFY(chat->isLoaded());
    QAbstractItemModelTester chatTester(
        chat, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy refused(&session, &Session::changeRefused);

    const QString localId = session.sendMessage(General, QString(4001, u'y'));
    QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, DeliveryTimeout);
    QCOMPARE(chat->rowCount(), 1);
    QCOMPARE(chat->index(0, 0).data(ChatModel::LocalIdRole).toString(), localId);
    QVERIFY(!chat->index(0, 0).data(ChatModel::FailureRole).toString().isEmpty());

    session.discard(localId);
    QCOMPARE(session.outbox()->count(), 0);
    QCOMPARE(chat->rowCount(), 0);
    QCOMPARE(textsOnServer(*bob), QStringList());
    // A message to a channel that does not exist is refused too, and the rest still flows.
    QSignalSpy refusedAgain(&session, &Session::changeRefused);
    session.sendMessage(999, u"nowhere"_s);
    session.sendMessage(General, u"somewhere"_s);
    QTRY_COMPARE_WITH_TIMEOUT(refusedAgain.size(), 1, DeliveryTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(chatTexts(chat), QStringList {u"somewhere"_s}, DeliveryTimeout);
    QCOMPARE(session.outbox()->count(), 1);
    QCOMPARE(session.outbox()->failedCount(), 1);
}

void tst_ClientSession::editOfResentCreateNotLost_data()
{
    QTest::addColumn<bool>("message");
    QTest::addRow("post") << false;
    QTest::addRow("chat message") << true;
}

void tst_ClientSession::editOfResentCreateNotLost()
{
    QFETCH(bool, message);
    TestServer server;
    QVERIFY(server.start());
    auto bob = member(server, u"bob"_s);
    QVERIFY(bob);
    Relay relay(quint16(server.url().port()));
    QVERIFY(relay.listen());

    QTemporaryDir dir;
    Session session({dir.path(), {}});
    QVERIFY(signIn(session, relay.url(), u"ada"_s));
    ChatModel *chat = session.chat(General);
    QTRY_VERIFY(chat->isLoaded());
    // The test decides when ada reconnects: only after she edited the queued change.
    session.connection()->backoff().setInitial(60s);

    // Stored by the server, but ada never hears so.
    relay.swallowReplies = true;
    const QString localId = message ? session.sendMessage(General, u"first draft"_s)
                                    : session.createPost(u"first draft"_s, u"first body"_s);
    const QString created = QLatin1String(message ? Events::MessageCreated : Events::PostCreated);
    QVERIFY(!bob->waitEventNamed(created, DeliveryTimeout).isEmpty());
    relay.swallowReplies = false;
    relay.cutAll();
    QTRY_COMPARE_WITH_TIMEOUT(
        session.connection()->state(), Connection::State::Waiting, DeliveryTimeout);
    const auto queued = session.outbox()->entry(localId);
    QVERIFY(queued.has_value());
    QCOMPARE(queued->status, Outbox::Status::Queued);

    // Offline, the user fixes the queued change; its resend answers with the first draft.
    const QString edited = u"second thoughts"_s;
    QVERIFY(session.editPending(localId, edited, message ? edited : u"better body"_s));
    if (message)
        QCOMPARE(chatTexts(chat, true), QStringList {edited});
    else
        QCOMPARE(feedTitles(session, true), QStringList {edited});
    session.connection()->retryNow();
    QTRY_COMPARE_WITH_TIMEOUT(session.outbox()->count(), 0, DeliveryTimeout);
    QCOMPARE(session.outbox()->failedCount(), 0);

    // The server holds the edit, on the one entry the first send made.
    if (message) {
        QCOMPARE(textsOnServer(*bob), QStringList {edited});
        QTRY_COMPARE(chatTexts(chat), QStringList {edited});
        QCOMPARE(chatTexts(chat, true), QStringList());
    } else {
        const QJsonArray posts
            = bob->request(u"feed.page"_s, {{u"limit"_s, 10}}).value("posts"_L1).toArray();
        QCOMPARE(posts.size(), 1);
        QCOMPARE(posts.at(0).toObject().value("title"_L1).toString(), edited);
        QCOMPARE(posts.at(0).toObject().value("content"_L1).toString(), u"better body"_s);
        QTRY_COMPARE(feedTitles(session), QStringList {edited});
        QCOMPARE(session.feed()->pendingCount(), 0);
    }
    const auto events = bob->events();
    QCOMPARE(std::count_if(events.cbegin(), events.cend(),
                 [&](const QJsonObject &e) { return e.value("event"_L1).toString() == created; }),
        1);
}

void tst_ClientSession::reviewResentAfterLostReplyStoredOnce()
{
    TestServer server;
    QVERIFY(server.start());
    auto bob = member(server, u"bob"_s);
    QVERIFY(bob);
    const QJsonObject post
        = bob->request(u"post.create"_s, {{u"title"_s, u"rate me"_s}, {u"content"_s, u""_s}});
    const qint64 postId = idOf(post, "post");
    QVERIFY(postId > 0);
    Relay relay(quint16(server.url().port()));
    QVERIFY(relay.listen());

    QTemporaryDir dir;
    Session session({dir.path(), {}});
    reconnectFast(session);
    QVERIFY(signIn(session, relay.url(), u"ada"_s));
    QCOMPARE(feedTitles(session), QStringList {u"rate me"_s});

    relay.swallowReplies = true;
    session.createReview(postId, 5, u"great"_s);
    QVERIFY(!bob->waitEventNamed(QLatin1String(Events::ReviewCreated), DeliveryTimeout).isEmpty());
    QCOMPARE(session.outbox()->count(), 1);
    QCOMPARE(session.outbox()->entries().at(0).status, Outbox::Status::Sending);
    // The resend after the reconnect carries the nonce the first send had.
    relay.swallowReplies = false;
    relay.cutAll();
    QTRY_COMPARE_WITH_TIMEOUT(session.outbox()->count(), 0, DeliveryTimeout);
    QCOMPARE(session.outbox()->failedCount(), 0);

    const QJsonArray reviews
        = bob->request(u"review.list"_s, {{u"postId"_s, postId}}).value("reviews"_L1).toArray();
    QCOMPARE(reviews.size(), 1);
    QCOMPARE(reviews.at(0).toObject().value("comment"_L1).toString(), u"great"_s);
    const QJsonObject stored = bob->request(u"post.get"_s, {{u"postId"_s, postId}});
    QCOMPARE(Post::fromJson(stored.value("post"_L1).toObject()).ratingCount, qint64(1));
    QTRY_COMPARE(
        session.feed()->index(0, 0).data(FeedModel::RatingCountRole).toLongLong(), qint64(1));
}

void tst_ClientSession::secondQueuedEditRefused()
{
    TestServer server;
    QVERIFY(server.start());
    const quint16 port = quint16(server.url().port());
    auto bob = member(server, u"bob"_s);
    QVERIFY(bob);
    const QString bobToken = bob->token();
    QTemporaryDir dir;
    Session session({dir.path(), {}});
    reconnectFast(session);
    QVERIFY(signIn(session, server.url(), u"ada"_s));
    QAbstractItemModelTester feedTester(
        session.feed(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    session.createPost(u"original"_s, u"text"_s);
    QTRY_COMPARE_WITH_TIMEOUT(session.outbox()->count(), 0, DeliveryTimeout);
    const qint64 postId = session.feed()->index(0, 0).data(FeedModel::IdRole).toLongLong();
    QVERIFY(postId > 0);
    QSignalSpy refused(&session, &Session::changeRefused);

    // Two edits of one post while offline; the server takes the first and refuses the second.
    server.stop();
    QTRY_VERIFY(!session.connection()->isOnline());
    session.updatePost(postId, u"first edit"_s, u"text 1"_s);
    session.updatePost(postId, QString(201, u'x'), u"text 2"_s);
    QCOMPARE(session.outbox()->count(), 2);
    QVERIFY(startOnPort(server, port));
    QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, DeliveryTimeout);
    QCOMPARE(session.outbox()->count(), 1);
    QCOMPARE(session.outbox()->failedCount(), 1);
    const Outbox::Entry failed = session.outbox()->entries().at(0);
    QCOMPARE(failed.status, Outbox::Status::Failed);
    QCOMPARE(failed.type, MessageType::PostUpdate);
    bob = reconnect(server, bobToken);
    QVERIFY(bob);
    QCOMPARE(titlesOnServer(*bob), QStringList {u"first edit"_s});

    // The first acknowledgement did not take away the second edit's marker: the row says why.
    QCOMPARE(session.feed()->rowCount(), 1);
    const QModelIndex row = session.feed()->index(0, 0);
    QCOMPARE(row.data(FeedModel::IdRole).toLongLong(), postId);
    QVERIFY(!row.data(FeedModel::FailureRole).toString().isEmpty());
    QCOMPARE(row.data(FeedModel::FailureRole).toString(), refused.at(0).at(1).toString());

    session.discard(failed.localId);
    QCOMPARE(session.outbox()->count(), 0);
    QCOMPARE(session.feed()->index(0, 0).data(FeedModel::FailureRole).toString(), QString());
    QCOMPARE(feedTitles(session), QStringList {u"first edit"_s});
}

void tst_ClientSession::editOfDeletedEntryIsDropped_data()
{
    QTest::addColumn<bool>("message");
    QTest::addRow("post") << false;
    QTest::addRow("chat message") << true;
}

void tst_ClientSession::editOfDeletedEntryIsDropped()
{
    QFETCH(bool, message);
    TestServer server;
    QVERIFY(server.start());
    const quint16 port = quint16(server.url().port());
    QTemporaryDir dir;
    Session session({dir.path(), {}});
    QVERIFY(signIn(session, server.url(), u"ada"_s));
    ChatModel *chat = session.chat(General);
    QTRY_VERIFY(chat->isLoaded());
    if (message)
        session.sendMessage(General, u"soon gone"_s);
    else
        session.createPost(u"soon gone"_s, u""_s);
    QTRY_COMPARE_WITH_TIMEOUT(session.outbox()->count(), 0, DeliveryTimeout);
    const qint64 id = message ? chat->index(0, 0).data(ChatModel::IdRole).toLongLong()
                              : session.feed()->index(0, 0).data(FeedModel::IdRole).toLongLong();
    QVERIFY(id > 0);
    QSignalSpy refused(&session, &Session::changeRefused);

    // ada edits offline; meanwhile the entry is deleted from her other device (only its author
    // or an admin may delete it). The test decides when this session comes back: after that.
    session.connection()->backoff().setInitial(60s);
    server.stop();
    QTRY_COMPARE(session.connection()->state(), Connection::State::Waiting);
    if (message)
        session.editMessage(id, General, u"edited"_s);
    else
        session.updatePost(id, u"edited"_s, u""_s);
    QCOMPARE(session.outbox()->count(), 1);
    QVERIFY(startOnPort(server, port));
    TestClient elsewhere;
    QVERIFY(elsewhere.open(server.url()));
    QVERIFY(isOk(elsewhere.request(u"hello"_s, {{u"protocol"_s, 1}})));
    QVERIFY(isOk(elsewhere.login(u"ada"_s, Password)));
    if (message)
        QVERIFY(isOk(elsewhere.request(u"chat.delete"_s, {{u"messageId"_s, id}})));
    else
        QVERIFY(isOk(elsewhere.request(u"post.delete"_s, {{u"postId"_s, id}})));

    // The edit answers not_found: nothing is left to change, so it is done, not failed.
    session.connection()->retryNow();
    QTRY_COMPARE_WITH_TIMEOUT(session.outbox()->count(), 0, DeliveryTimeout);
    QCOMPARE(session.outbox()->failedCount(), 0);
    QCOMPARE(refused.size(), 0);
    QTRY_COMPARE(message ? chat->rowCount() : session.feed()->rowCount(), 0);
    if (message)
        QCOMPARE(textsOnServer(elsewhere), QStringList());
    else
        QCOMPARE(titlesOnServer(elsewhere), QStringList());
}

void tst_ClientSession::signOutResetsUnread()
{
    TestServer server;
    QVERIFY(server.start());
    auto bob = member(server, u"bob"_s);
    QVERIFY(bob);
    QTemporaryDir dir;
    Session session({dir.path(), {}});
    QVERIFY(signIn(session, server.url(), u"ada"_s));
    session.setCurrentView(0);
    session.setWindowActive(false);
    QVERIFY(
        isOk(bob->request(u"post.create"_s, {{u"title"_s, u"unseen"_s}, {u"content"_s, u""_s}})));
    QVERIFY(
        isOk(bob->request(u"chat.send"_s, {{u"channelId"_s, General}, {u"text"_s, u"psst"_s}})));
    QTRY_COMPARE(session.feedUnread(), 1);
    QTRY_COMPARE(session.channels()->unread(General), 1);
    QCOMPARE(session.totalUnread(), 2);

    QSignalSpy unread(&session, &Session::unreadChanged);
    session.signOut();
    QCOMPARE(session.feedUnread(), 0);
    QCOMPARE(session.channels()->unread(General), 0);
    QCOMPARE(session.totalUnread(), 0);
    QVERIFY(!unread.isEmpty());
    QCOMPARE(unread.last().at(0).toInt(), 0);
}

void tst_ClientSession::ownEditsAndDeletes()
{
    TestServer server;
    QVERIFY(server.start());
    auto bob = member(server, u"bob"_s);
    QVERIFY(bob);
    QTemporaryDir dir;
    Session session({dir.path(), {}});
    QVERIFY(signIn(session, server.url(), u"ada"_s));
    ChatModel *chat = session.chat(General);
    QTRY_VERIFY(chat->isLoaded());
    QAbstractItemModelTester feedTester(
        session.feed(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester chatTester(
        chat, QAbstractItemModelTester::FailureReportingMode::Fatal);

    session.createPost(u"original"_s, u"text"_s);
    session.sendMessage(General, u"helo"_s);
    QTRY_COMPARE_WITH_TIMEOUT(session.outbox()->count(), 0, DeliveryTimeout);
    const qint64 postId = session.feed()->index(0, 0).data(FeedModel::IdRole).toLongLong();
    const qint64 messageId = chat->index(0, 0).data(ChatModel::IdRole).toLongLong();
    QVERIFY(postId > 0);
    QVERIFY(messageId > 0);

    QSignalSpy feedReset(session.feed(), &QAbstractItemModel::modelReset);
    session.updatePost(postId, u"improved"_s, u"better text"_s);
    // Shown at once as a pending edit…
    QCOMPARE(session.feed()->index(0, 0).data(FeedModel::TitleRole).toString(), u"improved"_s);
    session.editMessage(messageId, General, u"hello"_s);
    QCOMPARE(chat->index(0, 0).data(ChatModel::TextRole).toString(), u"hello"_s);
    session.createReview(postId, 4, u"good"_s);
    QTRY_COMPARE_WITH_TIMEOUT(session.outbox()->count(), 0, DeliveryTimeout);
    // …and then as the server has it.
    const QModelIndex post = session.feed()->index(0, 0);
    QCOMPARE(post.data(FeedModel::TitleRole).toString(), u"improved"_s);
    QCOMPARE(post.data(FeedModel::PendingRole).toBool(), false);
    QCOMPARE(post.data(FeedModel::EditedRole).toBool(), true);
    QCOMPARE(session.feed()->post(postId)->content, u"better text"_s);
    QTRY_COMPARE(post.data(FeedModel::RatingCountRole).toLongLong(), qint64(1));
    QCOMPARE(post.data(FeedModel::RatingAverageRole).toDouble(), 4.0);
    QCOMPARE(chat->message(messageId)->text, u"hello"_s);
    QCOMPARE(chat->index(0, 0).data(ChatModel::PendingRole).toBool(), false);
    QCOMPARE(chat->index(0, 0).data(ChatModel::EditedRole).toBool(), true);

    session.deletePost(postId);
    QCOMPARE(session.feed()->index(0, 0).data(FeedModel::DeletingRole).toBool(), true);
    session.deleteMessage(messageId, General);
    QTRY_COMPARE_WITH_TIMEOUT(session.outbox()->count(), 0, DeliveryTimeout);
    QCOMPARE(session.feed()->rowCount(), 0);
    QCOMPARE(chat->rowCount(), 0);
    QCOMPARE(titlesOnServer(*bob), QStringList());
    QCOMPARE(textsOnServer(*bob), QStringList());
    QCOMPARE(feedReset.size(), 0);
}

void tst_ClientSession::changesByOthersShowLive()
{
    TestServer server;
    QVERIFY(server.start());
    auto bob = member(server, u"bob"_s);
    QVERIFY(bob);
    QTemporaryDir dir;
    Session session({dir.path(), {}});
    QVERIFY(signIn(session, server.url(), u"ada"_s));
    ChatModel *chat = session.chat(General);
    QTRY_VERIFY(chat->isLoaded());
    QAbstractItemModelTester feedTester(
        session.feed(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester chatTester(
        chat, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy feedReset(session.feed(), &QAbstractItemModel::modelReset);
    QSignalSpy chatReset(chat, &QAbstractItemModel::modelReset);
    QSignalSpy feedChanged(session.feed(), &QAbstractItemModel::dataChanged);

    const QJsonObject created
        = bob->request(u"post.create"_s, {{u"title"_s, u"by bob"_s}, {u"content"_s, u""_s}});
    const qint64 postId = idOf(created, "post");
    QTRY_COMPARE(feedTitles(session), QStringList {u"by bob"_s});
    QVERIFY(
        !session.mayChange(session.feed()->index(0, 0).data(FeedModel::AuthorIdRole).toLongLong()));

    feedChanged.clear();
    QVERIFY(isOk(bob->request(u"post.update"_s,
        {{u"postId"_s, postId}, {u"title"_s, u"by bob, edited"_s}, {u"content"_s, u"more"_s}})));
    QTRY_COMPARE(feedTitles(session), QStringList {u"by bob, edited"_s});
    QCOMPARE(feedChanged.size(), 1);

    const QJsonObject sent
        = bob->request(u"chat.send"_s, {{u"channelId"_s, General}, {u"text"_s, u"hello ada"_s}});
    const qint64 messageId = idOf(sent, "message");
    QTRY_COMPARE(chatTexts(chat), QStringList {u"hello ada"_s});
    QVERIFY(isOk(
        bob->request(u"chat.edit"_s, {{u"messageId"_s, messageId}, {u"text"_s, u"hello, ada"_s}})));
    QTRY_COMPARE(chatTexts(chat), QStringList {u"hello, ada"_s});

    QVERIFY(isOk(bob->request(u"chat.delete"_s, {{u"messageId"_s, messageId}})));
    QTRY_COMPARE(chat->rowCount(), 0);
    QVERIFY(isOk(bob->request(u"post.delete"_s, {{u"postId"_s, postId}})));
    QTRY_COMPARE(session.feed()->rowCount(), 0);

    // A new channel appears in the list.
    QVERIFY(isOk(bob->request(u"channel.create"_s, {{u"name"_s, u"books"_s}})));
    QTRY_COMPARE(session.channels()->rowCount(), 2);
    QCOMPARE(session.channels()->index(0, 0).data(ChannelModel::NameRole).toString(), u"books"_s);
    QCOMPARE(feedReset.size(), 0);
    QCOMPARE(chatReset.size(), 0);
}

void tst_ClientSession::renameUpdatesRows()
{
    TestServer server;
    QVERIFY(server.start());
    auto bob = member(server, u"bob"_s);
    QVERIFY(bob);
    QTemporaryDir dir;
    Session session({dir.path(), {}});
    QVERIFY(signIn(session, server.url(), u"ada"_s));
    ChatModel *chat = session.chat(General);
    QTRY_VERIFY(chat->isLoaded());
    QVERIFY(isOk(bob->request(u"post.create"_s, {{u"title"_s, u"p"_s}, {u"content"_s, u""_s}})));
    QVERIFY(isOk(bob->request(u"chat.send"_s, {{u"channelId"_s, General}, {u"text"_s, u"m"_s}})));
    QTRY_COMPARE(chat->rowCount(), 1);
    QTRY_COMPARE(session.feed()->rowCount(), 1);
    QTRY_VERIFY(session.people()->isOnline(bob->userId()));

    QVERIFY(isOk(bob->request(u"user.rename"_s, {{u"username"_s, u"robert"_s}})));
    QTRY_COMPARE(session.feed()->index(0, 0).data(FeedModel::AuthorRole).toString(), u"robert"_s);
    QCOMPARE(chat->index(0, 0).data(ChatModel::AuthorRole).toString(), u"robert"_s);
    const int row = session.people()->rowOf(bob->userId());
    QCOMPARE(
        session.people()->index(row, 0).data(PeopleModel::UsernameRole).toString(), u"robert"_s);

    // Renaming ourselves: the session's user follows.
    QSignalSpy userChanged(&session, &Session::userChanged);
    std::optional<Reply> answer;
    QObject context;
    session.rename(u"ada_l"_s, &context, [&answer](const Reply &reply) { answer = reply; });
    QTRY_VERIFY(answer.has_value());
    QVERIFY(answer->ok());
    QTRY_COMPARE(userChanged.size(), 1);
    QCOMPARE(session.user().username, u"ada_l"_s);
    QCOMPARE(userChanged.at(0).at(0).value<User>().username, u"ada_l"_s);
}

void tst_ClientSession::unreadAndNotify()
{
    TestServer server;
    QVERIFY(server.start());
    auto bob = member(server, u"bob"_s);
    QVERIFY(bob);
    QTemporaryDir dir;
    Session session({dir.path(), {}});
    QVERIFY(signIn(session, server.url(), u"ada"_s));
    QSignalSpy notify(&session, &Session::notify);
    QSignalSpy unread(&session, &Session::unreadChanged);

    // Looking at the feed, window in front: a new post is seen, nothing to tell.
    session.setCurrentView(0);
    session.setWindowActive(true);
    QVERIFY(isOk(bob->request(u"post.create"_s, {{u"title"_s, u"seen"_s}, {u"content"_s, u""_s}})));
    QTRY_COMPARE(feedTitles(session), QStringList {u"seen"_s});
    QCOMPARE(session.feedUnread(), 0);
    // A message in a channel we are not looking at counts, but no notification while active.
    QVERIFY(
        isOk(bob->request(u"chat.send"_s, {{u"channelId"_s, General}, {u"text"_s, u"psst"_s}})));
    QTRY_COMPARE(session.channels()->unread(General), 1);
    QCOMPARE(session.totalUnread(), 1);
    QCOMPARE(notify.size(), 0);

    // Window in the background: everything counts and is announced.
    session.setWindowActive(false);
    QVERIFY(isOk(
        bob->request(u"post.create"_s, {{u"title"_s, u"while away"_s}, {u"content"_s, u""_s}})));
    QTRY_COMPARE(notify.size(), 1);
    QCOMPARE(notify.at(0).at(0).toString(), u"New post by bob"_s);
    QCOMPARE(notify.at(0).at(1).toString(), u"while away"_s);
    QCOMPARE(notify.at(0).at(2).toLongLong(), qint64(0));
    QCOMPARE(session.feedUnread(), 1);
    QVERIFY(isOk(bob->request(
        u"chat.send"_s, {{u"channelId"_s, General}, {u"text"_s, u"are you there?"_s}})));
    QTRY_COMPARE(notify.size(), 2);
    QCOMPARE(notify.at(1).at(0).toString(), u"bob in #general"_s);
    QCOMPARE(notify.at(1).at(1).toString(), u"are you there?"_s);
    QCOMPARE(notify.at(1).at(2).toLongLong(), General);
    QCOMPARE(session.channels()->unread(General), 2);
    QCOMPARE(session.totalUnread(), 3);
    QCOMPARE(unread.last().at(0).toInt(), 3);

    // Our own changes never count.
    session.createPost(u"mine"_s, u""_s);
    QTRY_COMPARE_WITH_TIMEOUT(session.outbox()->count(), 0, DeliveryTimeout);
    QCOMPARE(session.feedUnread(), 1);
    QCOMPARE(notify.size(), 2);

    // Back in front on the feed: its count clears; then the channel's.
    session.setWindowActive(true);
    QCOMPARE(session.feedUnread(), 0);
    QCOMPARE(session.totalUnread(), 2);
    session.setCurrentView(General);
    QCOMPARE(session.channels()->unread(General), 0);
    QCOMPARE(session.totalUnread(), 0);
    QCOMPARE(unread.last().at(0).toInt(), 0);
    // Looking at the channel: its messages do not count, but the feed's posts now do.
    QVERIFY(isOk(
        bob->request(u"chat.send"_s, {{u"channelId"_s, General}, {u"text"_s, u"seen now"_s}})));
    QVERIFY(isOk(
        bob->request(u"post.create"_s, {{u"title"_s, u"elsewhere"_s}, {u"content"_s, u""_s}})));
    QTRY_COMPARE(session.feedUnread(), 1);
    QCOMPARE(session.channels()->unread(General), 0);
    QCOMPARE(notify.size(), 2);
}

void tst_ClientSession::typing()
{
    TestServer server;
    QVERIFY(server.start());
    auto bob = member(server, u"bob"_s);
    QVERIFY(bob);
    QTemporaryDir dir;
    Session session({dir.path(), {}});
    QVERIFY(signIn(session, server.url(), u"ada"_s));
    QSignalSpy typingChanged(&session, &Session::typingChanged);

    QVERIFY(isOk(bob->request(u"chat.typing"_s, {{u"channelId"_s, General}})));
    QTRY_COMPARE(session.typingIn(General), QStringList {u"bob"_s});
    QCOMPARE(typingChanged.at(0).at(0).toLongLong(), General);
    QCOMPARE(session.typingIn(2), QStringList());
    // Sending the message ends the typing.
    QVERIFY(isOk(
        bob->request(u"chat.send"_s, {{u"channelId"_s, General}, {u"text"_s, u"done typing"_s}})));
    QTRY_COMPARE(session.typingIn(General), QStringList());

    // Our own typing goes to bob, at most once per few seconds.
    bob->clearEvents();
    session.sendTyping(General);
    session.sendTyping(General);
    const QJsonObject frame = bob->waitEphemeral(
        [](const QJsonObject &f) { return f.value("type"_L1).toString() == "typing"_L1; });
    QCOMPARE(frame.value("channelId"_L1).toInteger(), General);
    QCOMPARE(frame.value("user"_L1).toObject().value("username"_L1).toString(), u"ada"_s);
    // A round trip after both: only one typing frame came.
    QVERIFY(isOk(bob->request(u"ping"_s)));
    const auto frames = bob->ephemeral();
    QCOMPARE(std::count_if(frames.cbegin(), frames.cend(),
                 [](const QJsonObject &f) { return f.value("type"_L1).toString() == "typing"_L1; }),
        1);
}

void tst_ClientSession::mayChange()
{
    TestServer server;
    QVERIFY(server.start());
    Session session({QString(), {}});
    QVERIFY(!session.mayChange(1));
    QVERIFY(signIn(session, server.url(), u"ada"_s));
    QVERIFY(session.mayChange(session.user().id));
    QVERIFY(!session.mayChange(session.user().id + 1));
    // With no data folder the outbox lives in memory.
    QVERIFY(session.outbox()->path().isEmpty());
}

QTEST_GUILESS_MAIN(tst_ClientSession)
#include "tst_clientsession.moc"
