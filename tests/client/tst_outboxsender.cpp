// OutboxSender through a real Session and a real in-process server: changes made offline reach
// the server exactly once and in order after a reconnect; a resend after a lost reply does not
// duplicate (nonce), and an edit of a queued create made before its resend still arrives;
// refused changes fail with the server's reason and can be fixed, retried or discarded without
// holding up the rest; an edit or review of something deleted meanwhile is dropped rather than
// failed, and the user is told once; a server fault is tried three times before the change
// shows as not sent; rate_limited waits as long as the server says.

#include "channelmodel.h"
#include "chatmodel.h"
#include "connection.h"
#include "feedmodel.h"
#include "outbox.h"
#include "outboxsender.h"
#include "peoplemodel.h"
#include "reply.h"
#include "session.h"
#include "sessionfixture.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Hubbub::Test;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

//! Runs one statement on the server's database file from a connection of our own, as another
//! process on the machine could: how a test makes the real server fail to store a change.
bool execOnDatabase(const QString &path, const QString &sql)
{
    const QString name = u"tst_outboxsender"_s;
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
        if (db.open()) {
            QSqlQuery query(db);
            ok = query.exec(sql);
            if (!ok)
                qWarning() << sql << query.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

const QString FailPosts = u"CREATE TRIGGER fail_posts BEFORE INSERT ON posts "
                          "BEGIN SELECT RAISE(ABORT, 'simulated disk fault'); END"_s;
const QString HealPosts = u"DROP TRIGGER fail_posts"_s;

//! Every attempt the sender makes (the entry goes to Sending) and every time it put one back
//! in the queue without an answer that ended it (Sending → Queued).
struct Attempts
{
    explicit Attempts(Outbox *outbox)
    {
        QObject::connect(outbox, &Outbox::changed, &context, [this](const Outbox::Entry &entry) {
            if (entry.status == Outbox::Status::Sending) {
                ++sends;
                clock.start();
            } else if (entry.status == Outbox::Status::Queued && last == Outbox::Status::Sending) {
                ++requeues;
            }
            last = entry.status;
        });
    }
    QObject context;
    int sends = 0;
    int requeues = 0;
    Outbox::Status last = Outbox::Status::Queued;
    QElapsedTimer clock; //!< since the last attempt began
};

} // namespace

class tst_OutboxSender : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void offlineChangesDeliveredOnce();
    void resendAfterLostReplyDoesNotDuplicate_data();
    void resendAfterLostReplyDoesNotDuplicate();
    void editOfResentCreateNotLost_data();
    void editOfResentCreateNotLost();
    void reviewResentAfterLostReplyStoredOnce();
    void refusedChangeFails();
    void refusedChangeCanBeDiscarded();
    void secondQueuedEditRefused();
    void editOfDeletedEntryIsDropped_data();
    void editOfDeletedEntryIsDropped();
    void serverFaultTriedThreeTimes();
    void serverFaultHealedBeforeLastTry();
    void rateLimitedWaitsAsTold();

private:
    SessionFixture m_fx;
};

void tst_OutboxSender::init()
{
    QVERIFY(m_fx.setUp());
}

void tst_OutboxSender::cleanup()
{
    m_fx.tearDown();
}

void tst_OutboxSender::offlineChangesDeliveredOnce()
{
    TestServer &server = *m_fx.server;
    const quint16 port = quint16(server.url().port());
    auto &bob = m_fx.bob;
    const QString bobToken = bob->token();

    Session &session = *m_fx.session;
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

void tst_OutboxSender::resendAfterLostReplyDoesNotDuplicate_data()
{
    QTest::addColumn<bool>("message");
    QTest::addRow("post") << false;
    QTest::addRow("chat message") << true;
}

void tst_OutboxSender::resendAfterLostReplyDoesNotDuplicate()
{
    QFETCH(bool, message);
    TestServer &server = *m_fx.server;
    auto &bob = m_fx.bob;
    Relay relay(quint16(server.url().port()));
    QVERIFY(relay.listen());

    Session &session = *m_fx.session;
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

void tst_OutboxSender::editOfResentCreateNotLost_data()
{
    QTest::addColumn<bool>("message");
    QTest::addRow("post") << false;
    QTest::addRow("chat message") << true;
}

void tst_OutboxSender::editOfResentCreateNotLost()
{
    QFETCH(bool, message);
    TestServer &server = *m_fx.server;
    auto &bob = m_fx.bob;
    Relay relay(quint16(server.url().port()));
    QVERIFY(relay.listen());

    Session &session = *m_fx.session;
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

void tst_OutboxSender::reviewResentAfterLostReplyStoredOnce()
{
    TestServer &server = *m_fx.server;
    auto &bob = m_fx.bob;
    const QJsonObject post
        = bob->request(u"post.create"_s, {{u"title"_s, u"rate me"_s}, {u"content"_s, u""_s}});
    const qint64 postId = idOf(post, "post");
    QVERIFY(postId > 0);
    Relay relay(quint16(server.url().port()));
    QVERIFY(relay.listen());

    Session &session = *m_fx.session;
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

void tst_OutboxSender::refusedChangeFails()
{
    TestServer &server = *m_fx.server;
    auto &bob = m_fx.bob;
    Session &session = *m_fx.session;
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

void tst_OutboxSender::refusedChangeCanBeDiscarded()
{
    TestServer &server = *m_fx.server;
    auto &bob = m_fx.bob;
    Session &session = *m_fx.session;
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
    // The event may arrive a read before the reply (the server writes an event to a peer with
    // nothing waiting at once): the entry leaves the outbox with the reply, which follows it.
    QTRY_COMPARE_WITH_TIMEOUT(session.outbox()->count(), 1, DeliveryTimeout);
    QCOMPARE(session.outbox()->failedCount(), 1);
    QCOMPARE(chatTexts(chat), QStringList {u"somewhere"_s});
}

void tst_OutboxSender::secondQueuedEditRefused()
{
    TestServer &server = *m_fx.server;
    const quint16 port = quint16(server.url().port());
    auto &bob = m_fx.bob;
    const QString bobToken = bob->token();
    Session &session = *m_fx.session;
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

void tst_OutboxSender::editOfDeletedEntryIsDropped_data()
{
    QTest::addColumn<bool>("message");
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("notice");
    QTest::addRow("post edit")
        << false << u"edit"_s << u"Your edit to “soon gone” was not saved: the post was deleted."_s;
    QTest::addRow("review") << false << u"review"_s
                            << u"Your review of “soon gone” was not saved: the post was deleted."_s;
    QTest::addRow("post delete") << false << u"delete"_s << QString();
    QTest::addRow("chat message edit")
        << true << u"edit"_s
        << u"Your edit to “soon gone” was not saved: the message was deleted."_s;
    QTest::addRow("chat message delete") << true << u"delete"_s << QString();
}

void tst_OutboxSender::editOfDeletedEntryIsDropped()
{
    QFETCH(bool, message);
    QFETCH(QString, change);
    QFETCH(QString, notice);
    TestServer &server = *m_fx.server;
    const quint16 port = quint16(server.url().port());
    Session &session = *m_fx.session;
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
    QSignalSpy lost(&session, &Session::changeLost);

    // ada changes it offline; meanwhile the entry is deleted from her other device (only its
    // author or an admin may delete it). The test decides when this session comes back: after
    // that.
    session.connection()->backoff().setInitial(60s);
    server.stop();
    QTRY_COMPARE(session.connection()->state(), Connection::State::Waiting);
    if (change == u"review"_s)
        session.createReview(id, 4, u"tasty"_s);
    else if (change == u"delete"_s && message)
        session.deleteMessage(id, General);
    else if (change == u"delete"_s)
        session.deletePost(id);
    else if (message)
        session.editMessage(id, General, u"edited"_s);
    else
        session.updatePost(id, u"edited"_s, u""_s);
    QCOMPARE(session.outbox()->count(), 1);
    QVERIFY(startOnPort(server, port));
    TestClient elsewhere;
    QVERIFY(elsewhere.open(server.url()));
    QVERIFY(isOk(elsewhere.request(u"hello"_s, {{u"protocol"_s, 1}})));
    QVERIFY(isOk(elsewhere.login(u"ada"_s, SessionPassword)));
    if (message)
        QVERIFY(isOk(elsewhere.request(u"chat.delete"_s, {{u"messageId"_s, id}})));
    else
        QVERIFY(isOk(elsewhere.request(u"post.delete"_s, {{u"postId"_s, id}})));

    // The change answers not_found: nothing is left to change, so it is done, not failed; the
    // user hears once that an edit or a review was lost (a delete lost nothing).
    session.connection()->retryNow();
    QTRY_COMPARE_WITH_TIMEOUT(session.outbox()->count(), 0, DeliveryTimeout);
    QCOMPARE(session.outbox()->failedCount(), 0);
    QCOMPARE(refused.size(), 0);
    QTRY_COMPARE(message ? chat->rowCount() : session.feed()->rowCount(), 0);
    if (message)
        QCOMPARE(textsOnServer(elsewhere), QStringList());
    else
        QCOMPARE(titlesOnServer(elsewhere), QStringList());
    QCOMPARE(lost.size(), notice.isEmpty() ? 0 : 1);
    if (!notice.isEmpty()) {
        QCOMPARE(lost.at(0).at(0).toString(), notice);
        QCOMPARE(lost.at(0).at(1).toLongLong(), message ? General : 0);
    }
}

void tst_OutboxSender::serverFaultTriedThreeTimes()
{
    TestServer &server = *m_fx.server;
    Session &session = *m_fx.session;
    QVERIFY(signIn(session, server.url(), u"ada"_s));
    QSignalSpy refused(&session, &Session::changeRefused);
    Attempts attempts(session.outbox());
    QVERIFY(execOnDatabase(server.databasePath(), FailPosts));

    QElapsedTimer clock;
    clock.start();
    const QString localId = session.createPost(u"stored on the third try, or never"_s, u""_s);
    QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, DeliveryTimeout);
    // Three tries, with a pause after each of the two faults before it shows as not sent
    // (QTimer may fire up to 5 % early).
    QCOMPARE(attempts.sends, OutboxSender::FaultsBeforeFailing);
    QVERIFY(clock.elapsed()
        >= (OutboxSender::FaultsBeforeFailing - 1) * OutboxSender::FaultRetryMs * 95 / 100);
    const auto entry = session.outbox()->entry(localId);
    QVERIFY(entry.has_value());
    QCOMPARE(entry->status, Outbox::Status::Failed);
    QCOMPARE(entry->error, refused.at(0).at(1).toString());
    QVERIFY(!entry->error.isEmpty());
    QCOMPARE(session.feed()->index(0, 0).data(FeedModel::FailureRole).toString(), entry->error);

    // The fault is gone: a retry gets three tries again, and the first one stores it.
    QVERIFY(execOnDatabase(server.databasePath(), HealPosts));
    session.retry(localId);
    QTRY_COMPARE_WITH_TIMEOUT(session.outbox()->count(), 0, DeliveryTimeout);
    QCOMPARE(attempts.sends, OutboxSender::FaultsBeforeFailing + 1);
    QCOMPARE(titlesOnServer(*m_fx.bob), QStringList {u"stored on the third try, or never"_s});
}

void tst_OutboxSender::serverFaultHealedBeforeLastTry()
{
    TestServer &server = *m_fx.server;
    Session &session = *m_fx.session;
    QVERIFY(signIn(session, server.url(), u"ada"_s));
    QSignalSpy refused(&session, &Session::changeRefused);
    Attempts attempts(session.outbox());
    QVERIFY(execOnDatabase(server.databasePath(), FailPosts));

    session.createPost(u"after one fault"_s, u""_s);
    // The first fault puts it back in the queue for a later try; the fault clears meanwhile.
    QTRY_COMPARE_WITH_TIMEOUT(attempts.requeues, 1, DeliveryTimeout);
    QVERIFY(execOnDatabase(server.databasePath(), HealPosts));
    QTRY_COMPARE_WITH_TIMEOUT(session.outbox()->count(), 0, DeliveryTimeout);
    QCOMPARE(attempts.sends, 2);
    QCOMPARE(refused.size(), 0);
    QCOMPARE(feedTitles(session), QStringList {u"after one fault"_s});
    QCOMPARE(titlesOnServer(*m_fx.bob), QStringList {u"after one fault"_s});
}

void tst_OutboxSender::rateLimitedWaitsAsTold()
{
    // A server that allows a short burst, then 5 requests a second per connection.
    TestServer &server = *m_fx.server;
    server.config().requestBurst = 10;
    server.config().requestsPerSecond = 5;
    QVERIFY(server.restart());
    Session &session = *m_fx.session;
    QVERIFY(signIn(session, server.url(), u"ada"_s));
    QSignalSpy refused(&session, &Session::changeRefused);
    Attempts attempts(session.outbox());

    constexpr int Posts = 20;
    QStringList titles;
    for (int i = 0; i < Posts; ++i) {
        titles.prepend(u"post %1"_s.arg(i));
        session.createPost(u"post %1"_s.arg(i), u""_s);
    }
    // Beyond the burst they take about (Posts - 10 + sign-in) / 5 s: well within the bound.
    QTRY_COMPARE_WITH_TIMEOUT(session.outbox()->count(), 0, DeliveryTimeout);
    QCOMPARE(refused.size(), 0);
    // rate_limited put changes back in the queue, and each waited as the server said. A
    // request beyond the burst is refused once; after waiting retryAfterMs (no less: the
    // sender's timer is precise) the bucket has refilled. So at most one refusal per request
    // beyond the burst: 20 posts + the sign-in's requests - a burst of 10 < 20. A sender that
    // tried again at once is refused hundreds of times in these seconds.
    QVERIFY(attempts.requeues >= 1);
    QVERIFY2(attempts.requeues <= Posts, qPrintable(QString::number(attempts.requeues)));
    auto client = member(server, u"carol"_s);
    QVERIFY(client);
    QCOMPARE(titlesOnServer(*client), titles);
    QCOMPARE(feedTitles(session), titles);
}

QTEST_GUILESS_MAIN(tst_OutboxSender)
#include "tst_outboxsender.moc"
