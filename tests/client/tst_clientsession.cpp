// The client Session as the widgets see it, against a real in-process server: signing in loads
// the views, our own edits and deletes show at once and then as stored, the outbox survives an
// app restart and stays with its account. (Named tst_clientsession: tests/server already has a
// tst_session, for the server's Session.) The parts have their own tests: tst_outboxsender,
// tst_outboxprojection, tst_eventrouter, tst_typing.

#include "channelmodel.h"
#include "chatmodel.h"
#include "connection.h"
#include "feedmodel.h"
#include "outbox.h"
#include "peoplemodel.h"
#include "reply.h"
#include "session.h"
#include "sessionfixture.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Hubbub::Test;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class tst_ClientSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void signInLoadsViews();
    void ownEditsAndDeletes();
    void outboxSurvivesAppRestart();
    void outboxStaysWithItsAccount();
    void switchingAccountChangesWhoIsMe();
    void mayChange();

private:
    SessionFixture m_fx;
};

void tst_ClientSession::init()
{
    QVERIFY(m_fx.setUp());
}

void tst_ClientSession::cleanup()
{
    m_fx.tearDown();
}

void tst_ClientSession::signInLoadsViews()
{
    TestServer &server = *m_fx.server;
    auto &bob = m_fx.bob;
    QVERIFY(isOk(bob->request(
        u"post.create"_s, {{u"title"_s, u"before ada came"_s}, {u"content"_s, u""_s}})));
    QVERIFY(isOk(bob->request(u"chat.send"_s, {{u"channelId"_s, General}, {u"text"_s, u"hi"_s}})));

    Session &session = *m_fx.session;
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
    QVERIFY(session.outbox()->path().startsWith(m_fx.dir->path()));
}

void tst_ClientSession::ownEditsAndDeletes()
{
    TestServer &server = *m_fx.server;
    auto &bob = m_fx.bob;
    Session &session = *m_fx.session;
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

void tst_ClientSession::outboxSurvivesAppRestart()
{
    TestServer &server = *m_fx.server;
    const quint16 port = quint16(server.url().port());
    auto &bob = m_fx.bob;
    const QString bobToken = bob->token();
    QString token;
    User ada;
    {
        // The app's first run, on the same data folder as the fixture's session.
        Session session({m_fx.dir->path(), {}});
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
    QVERIFY(!QDir(m_fx.dir->path()).entryList({u"outbox-*.json"_s}, QDir::Files).isEmpty());
    QVERIFY(startOnPort(server, port));

    // The app starts again.
    Session &session = *m_fx.session;
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
    TestServer &server = *m_fx.server;
    const quint16 port = quint16(server.url().port());
    auto &bob = m_fx.bob;
    const QString bobToken = bob->token();
    Session &session = *m_fx.session;
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

void tst_ClientSession::switchingAccountChangesWhoIsMe()
{
    TestServer &server = *m_fx.server;
    Session session({QString(), {}});
    QVERIFY(signIn(session, server.url(), u"ada"_s));
    ChatModel *chat = session.chat(General);
    QTRY_VERIFY(chat->isLoaded());
    QVERIFY(isOk(m_fx.bob->request(
        u"chat.send"_s, {{u"channelId"_s, General}, {u"text"_s, u"@ada look at this"_s}})));
    const auto mentionsMe = [chat] {
        for (int row = 0; row < chat->rowCount(); ++row) {
            const QModelIndex index = chat->index(row);
            if (index.data(ChatModel::TextRole).toString().endsWith(u"look at this"_s))
                return index.data(ChatModel::MentionsMeRole).toBool();
        }
        return false;
    };
    QTRY_VERIFY(mentionsMe());

    // The same app, the same open conversation, another person: it is not carol's mention.
    session.signOut();
    QVERIFY(signIn(session, server.url(), u"carol"_s));
    QCOMPARE(session.chat(General), chat);
    QCOMPARE(chat->selfId(), session.user().id);
    QTRY_VERIFY(chat->isLoaded());
    QVERIFY(!mentionsMe());
}

void tst_ClientSession::mayChange()
{
    TestServer &server = *m_fx.server;
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
