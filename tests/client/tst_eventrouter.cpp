// EventRouter through a real Session and a real in-process server: every EventType has a route
// and each, caused by another user, reaches the model that shows it; changes by others show
// live without resets; renames update every row; unread counts and notifications follow what
// the user looks at, and signing out clears them.

#include "channelmodel.h"
#include "chatmodel.h"
#include "connection.h"
#include "eventrouter.h"
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

class tst_EventRouter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void everyEventTypeHasARoute();
    void eachEventReachesItsModel_data();
    void eachEventReachesItsModel();
    void changesByOthersShowLive();
    void renameUpdatesRows();
    void unreadAndNotify();
    void signOutResetsUnread();

private:
    SessionFixture m_fx;
};

void tst_EventRouter::init()
{
    QVERIFY(m_fx.setUp());
}

void tst_EventRouter::cleanup()
{
    m_fx.tearDown();
}

void tst_EventRouter::everyEventTypeHasARoute()
{
    for (std::size_t i = 0; i < eventTypeNames.size(); ++i)
        QVERIFY2(EventRouter::routes(EventType(i)), eventTypeNames.at(i));
}

void tst_EventRouter::eachEventReachesItsModel_data()
{
    QTest::addColumn<EventType>("type");
    for (std::size_t i = 0; i < eventTypeNames.size(); ++i)
        QTest::addRow("%s", eventTypeNames.at(i)) << EventType(i);
}

void tst_EventRouter::eachEventReachesItsModel()
{
    // Bob causes the event on the real server; ada's session shows it in the model it belongs to.
    QFETCH(EventType, type);
    TestServer &server = *m_fx.server;
    auto &bob = m_fx.bob;
    Session &session = *m_fx.session;
    QVERIFY(signIn(session, server.url(), u"ada"_s));
    ChatModel *chat = session.chat(General);
    QTRY_VERIFY(chat->isLoaded());
    const auto post = [&](const QString &title) {
        return idOf(
            bob->request(u"post.create"_s, {{u"title"_s, title}, {u"content"_s, u""_s}}), "post");
    };
    const auto message = [&](const QString &text) {
        return idOf(bob->request(u"chat.send"_s, {{u"channelId"_s, General}, {u"text"_s, text}}),
            "message");
    };
    switch (type) {
    case EventType::UserRenamed: {
        post(u"p"_s);
        message(u"m"_s);
        QTRY_COMPARE(chat->rowCount(), 1);
        QTRY_COMPARE(session.feed()->rowCount(), 1);
        QVERIFY(isOk(bob->request(u"user.rename"_s, {{u"username"_s, u"robert"_s}})));
        QTRY_COMPARE(chat->index(0, 0).data(ChatModel::AuthorRole).toString(), u"robert"_s);
        QCOMPARE(session.feed()->index(0, 0).data(FeedModel::AuthorRole).toString(), u"robert"_s);
        break;
    }
    case EventType::UserUpdated: {
        post(u"p"_s);
        message(u"m"_s);
        QTRY_COMPARE(chat->rowCount(), 1);
        QTRY_COMPARE(session.feed()->rowCount(), 1);
        QVERIFY(isOk(bob->request(u"user.profile"_s, {{u"displayName"_s, u"Robert"_s}})));
        const auto shown = [](const QAbstractItemModel *model, int role) {
            return model->index(0, 0).data(role).value<User>().shownName();
        };
        QTRY_COMPARE(shown(chat, ChatModel::AuthorUserRole), u"Robert"_s);
        QCOMPARE(shown(session.feed(), FeedModel::AuthorUserRole), u"Robert"_s);
        break;
    }
    case EventType::PostCreated:
        post(u"new"_s);
        QTRY_COMPARE(feedTitles(session), QStringList {u"new"_s});
        break;
    case EventType::PostUpdated: {
        const qint64 id = post(u"old"_s);
        QVERIFY(isOk(bob->request(
            u"post.update"_s, {{u"postId"_s, id}, {u"title"_s, u"new"_s}, {u"content"_s, u""_s}})));
        QTRY_COMPARE(feedTitles(session), QStringList {u"new"_s});
        break;
    }
    case EventType::PostDeleted: {
        const qint64 id = post(u"gone soon"_s);
        QTRY_COMPARE(session.feed()->rowCount(), 1);
        QVERIFY(isOk(bob->request(u"post.delete"_s, {{u"postId"_s, id}})));
        QTRY_COMPARE(session.feed()->rowCount(), 0);
        break;
    }
    case EventType::ReviewCreated: {
        const qint64 id = post(u"rate me"_s);
        auto carol = member(server, u"carol"_s);
        QVERIFY(carol);
        QVERIFY(isOk(carol->request(
            u"review.create"_s, {{u"postId"_s, id}, {u"rating"_s, 5}, {u"comment"_s, u""_s}})));
        QTRY_COMPARE(session.feed()->post(id)->ratingCount, qint64(1));
        break;
    }
    case EventType::ChannelCreated:
        QVERIFY(isOk(bob->request(u"channel.create"_s, {{u"name"_s, u"books"_s}})));
        QTRY_COMPARE(session.channels()->rowCount(), 2);
        break;
    case EventType::MessageCreated:
        message(u"hello"_s);
        QTRY_COMPARE(chatTexts(chat), QStringList {u"hello"_s});
        break;
    case EventType::MessageUpdated: {
        const qint64 id = message(u"helo"_s);
        QVERIFY(
            isOk(bob->request(u"chat.edit"_s, {{u"messageId"_s, id}, {u"text"_s, u"hello"_s}})));
        QTRY_COMPARE(chatTexts(chat), QStringList {u"hello"_s});
        break;
    }
    case EventType::MessageDeleted: {
        const qint64 id = message(u"oops"_s);
        QTRY_COMPARE(chat->rowCount(), 1);
        QVERIFY(isOk(bob->request(u"chat.delete"_s, {{u"messageId"_s, id}})));
        QTRY_COMPARE(chat->rowCount(), 0);
        break;
    }
    case EventType::Hidden: {
        // Bob and carol talk directly: ada's connection gets the seqs only, applies them and
        // goes on without a gap or a resync; nothing of it shows anywhere.
        auto carol = member(server, u"carol"_s);
        QVERIFY(carol);
        const QJsonObject opened
            = bob->request(u"dm.open"_s, {{u"userIds"_s, QJsonArray {carol->userId()}}});
        const qint64 direct = idOf(opened, "channel");
        const QJsonObject sent = bob->request(
            u"chat.send"_s, {{u"channelId"_s, direct}, {u"text"_s, u"between us"_s}});
        QVERIFY(isOk(sent));
        QTRY_COMPARE(session.connection()->lastSeq(), seqOf(sent));
        QCOMPARE(session.channels()->rowOf(direct), -1);
        QCOMPARE(session.totalUnread(), 0);
        message(u"after"_s);
        QTRY_COMPARE(chatTexts(chat), QStringList {u"after"_s});
        break;
    }
    case EventType::ReactionChanged: {
        const qint64 id = message(u"react"_s);
        QTRY_COMPARE(chat->rowCount(), 1);
        QVERIFY(isOk(bob->request(
            u"reaction.set"_s, {{u"messageId"_s, id}, {u"emoji"_s, u"👍"_s}, {u"on"_s, true}})));
        QTRY_COMPARE(chat->index(0, 0).data(ChatModel::ReactionsRole).toList().size(), 1);
        break;
    }
    }
}

void tst_EventRouter::changesByOthersShowLive()
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

    // A new channel appears in the list, last (creation order).
    QVERIFY(isOk(bob->request(u"channel.create"_s, {{u"name"_s, u"books"_s}})));
    QTRY_COMPARE(session.channels()->rowCount(), 2);
    QCOMPARE(session.channels()->index(1, 0).data(ChannelModel::NameRole).toString(), u"books"_s);
    QCOMPARE(feedReset.size(), 0);
    QCOMPARE(chatReset.size(), 0);
}

void tst_EventRouter::renameUpdatesRows()
{
    TestServer &server = *m_fx.server;
    auto &bob = m_fx.bob;
    Session &session = *m_fx.session;
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

void tst_EventRouter::unreadAndNotify()
{
    TestServer &server = *m_fx.server;
    auto &bob = m_fx.bob;
    Session &session = *m_fx.session;
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
        u"chat.send"_s, {{u"channelId"_s, General}, {u"text"_s, u"are *you* `there`?"_s}})));
    QTRY_COMPARE(notify.size(), 2);
    QCOMPARE(notify.at(1).at(0).toString(), u"bob in #general"_s);
    // The text as it reads, not its Markdown.
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

void tst_EventRouter::signOutResetsUnread()
{
    TestServer &server = *m_fx.server;
    auto &bob = m_fx.bob;
    Session &session = *m_fx.session;
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

QTEST_GUILESS_MAIN(tst_EventRouter)
#include "tst_eventrouter.moc"
