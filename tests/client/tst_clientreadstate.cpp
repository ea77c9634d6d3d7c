// The client's read state (part "read" of issue 12): counts from the server at sign-in, shared
// by two sessions of one user, marks coalesced to one a second per channel, levels echoed, and
// the router's notifications obeying the levels. Real server on loopback, real sessions.

#include "channelmodel.h"
#include "connection.h"
#include "eventrouter.h"
#include "feedmodel.h"
#include "peoplemodel.h"
#include "readstate.h"
#include "session.h"
#include "sessionfixture.h"
#include "sessionstate.h"
#include "typing.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

class tst_ClientReadState : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void countsComeFromTheServer();
    void restoredCountsGiveWayToTheServers();
    void marksAreCoalescedAndShared();
    void levelsFollowTheUser();
    void levelChangeOfflineSaysItWasNotSaved();
    void notificationsObeyTheLevel_data();
    void notificationsObeyTheLevel();

private:
    qint64 bobSays(const QString &text);
    //! A second session of ada, as on another device (signed in with her password).
    std::unique_ptr<Session> secondDevice();

    SessionFixture m_fx;
    std::unique_ptr<QTemporaryDir> m_dir2;
};

void tst_ClientReadState::init()
{
    QVERIFY(m_fx.setUp());
    QVERIFY(signIn(*m_fx.session, m_fx.server->url(), u"ada"_s));
    m_fx.session->setCurrentView(0); // the feed: general's messages count
}

void tst_ClientReadState::cleanup()
{
    m_fx.tearDown();
    m_dir2.reset();
}

qint64 tst_ClientReadState::bobSays(const QString &text)
{
    const QJsonObject reply
        = m_fx.bob->request(u"chat.send"_s, {{u"channelId"_s, General}, {u"text"_s, text}});
    return idOf(reply, "message");
}

std::unique_ptr<Session> tst_ClientReadState::secondDevice()
{
    m_dir2 = std::make_unique<QTemporaryDir>();
    auto session = std::make_unique<Session>(Session::Paths {m_dir2->path(), {}});
    if (!signIn(*session, m_fx.server->url(), u"ada"_s, false))
        return nullptr;
    session->setCurrentView(0);
    return session;
}

void tst_ClientReadState::countsComeFromTheServer()
{
    ChannelModel *channels = m_fx.session->channels();
    QVERIFY(bobSays(u"one"_s) > 0);
    QVERIFY(bobSays(u"two"_s) > 0);
    QVERIFY(bobSays(u"three"_s) > 0);
    QTRY_COMPARE(channels->unread(General), 3);

    // A fresh session of ada (another device, or the app started again with nothing kept)
    // knows the count from read.state alone.
    std::unique_ptr<Session> other = secondDevice();
    QVERIFY(other);
    QTRY_COMPARE(other->channels()->unread(General), 3);
    QVERIFY(other->readState()->lastReadId(General) >= 0);
    QCOMPARE(other->channels()->mentions(General), 0);
    QCOMPARE(other->channels()->notifyLevel(General), u"all"_s);
}

void tst_ClientReadState::restoredCountsGiveWayToTheServers()
{
    // Counts kept by the app from an earlier run come back after sign-in (AppController does
    // so once signed in): their catch-up `sync` must not add to the server's counts.
    QVERIFY(bobSays(u"one"_s) > 0);
    QVERIFY(bobSays(u"two"_s) > 0);
    QVERIFY(bobSays(u"three"_s) > 0);
    ChannelModel *channels = m_fx.session->channels();
    QTRY_COMPARE(channels->unread(General), 3);
    m_fx.session->restoreUnread(UnreadState {0, 0, {{General, 2}}});
    // Both answers (the catch-up's and read.state's) are in well within this on loopback.
    QTest::qWait(1000);
    QCOMPARE(channels->unread(General), 3);
}

void tst_ClientReadState::marksAreCoalescedAndShared()
{
    std::unique_ptr<Session> other = secondDevice();
    QVERIFY(other);
    const qint64 first = bobSays(u"one"_s);
    const qint64 second = bobSays(u"two"_s);
    const qint64 third = bobSays(u"three"_s);
    QTRY_COMPARE(other->channels()->unread(General), 3);
    ReadState *read = m_fx.session->readState();

    // A burst of marks while scrolling: one goes out now, the newest one a second later.
    read->markRead(General, first);
    read->markRead(General, second);
    read->markRead(General, third);
    QCOMPARE(read->marksSent(), 1);
    QTRY_COMPARE(other->readState()->lastReadId(General), first);
    QTRY_COMPARE(other->channels()->unread(General), 2);
    QTRY_COMPARE_WITH_TIMEOUT(read->marksSent(), 2, 3000);
    QTRY_COMPARE(other->readState()->lastReadId(General), third);
    QTRY_COMPARE(other->channels()->unread(General), 0);
    QTRY_COMPARE(m_fx.session->channels()->unread(General), 0);

    // Backwards, or the same again: nothing is sent.
    read->markRead(General, second);
    read->markRead(General, third);
    QTest::qWait(ReadState::MarkIntervalMs + 200);
    QCOMPARE(read->marksSent(), 2);
    QCOMPARE(read->lastReadId(General), third);
}

void tst_ClientReadState::levelsFollowTheUser()
{
    std::unique_ptr<Session> other = secondDevice();
    QVERIFY(other);
    QSignalSpy changed(other->channels(), &ChannelModel::dataChanged);
    m_fx.session->readState()->setNotifyLevel(General, u"none"_s);
    QTRY_COMPARE(m_fx.session->channels()->notifyLevel(General), u"none"_s);
    QTRY_COMPARE(other->channels()->notifyLevel(General), u"none"_s);
    const int row = other->channels()->rowOf(General);
    QCOMPARE(other->channels()->index(row).data(ChannelModel::NotifyRole).toString(), u"none"_s);
    QVERIFY(!changed.isEmpty());

    // Signed out, nothing of it stays; signed in again, it comes back from the server.
    other->signOut();
    QCOMPARE(other->channels()->notifyLevel(General), u"all"_s);
    QVERIFY(signIn(*other, m_fx.server->url(), u"ada"_s, false));
    QTRY_COMPARE(other->channels()->notifyLevel(General), u"none"_s);
}

void tst_ClientReadState::levelChangeOfflineSaysItWasNotSaved()
{
    Session &session = *m_fx.session;
    QSignalSpy failed(&session, &Session::requestFailed);
    session.connection()->disconnectFromServer();
    QTRY_VERIFY(!session.connection()->isOnline());
    session.readState()->setNotifyLevel(General, u"mentions"_s);
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY2(
        failed.at(0).at(0).toString().startsWith(u"The notification setting was not saved: "_s),
        qPrintable(failed.at(0).at(0).toString()));
    QCOMPARE(session.channels()->notifyLevel(General), u"all"_s);
}

void tst_ClientReadState::notificationsObeyTheLevel_data()
{
    QTest::addColumn<QString>("level");
    QTest::addColumn<bool>("mentioned");
    QTest::addColumn<bool>("notified");
    QTest::newRow("all, plain") << u"all"_s << false << true;
    QTest::newRow("all, mention") << u"all"_s << true << true;
    QTest::newRow("mentions, plain") << u"mentions"_s << false << false;
    QTest::newRow("mentions, mention") << u"mentions"_s << true << true;
    QTest::newRow("none, plain") << u"none"_s << false << false;
    QTest::newRow("none, mention") << u"none"_s << true << true;
}

void tst_ClientReadState::notificationsObeyTheLevel()
{
    QFETCH(QString, level);
    QFETCH(bool, mentioned);
    QFETCH(bool, notified);
    // The router on its own, fed a message.created frame as the server sends it once part
    // "rich" adds `mentions` (ada is user 2 here: bob signed up first).
    Connection connection;
    FeedModel feed;
    ChannelModel channels;
    PeopleModel people;
    SessionState state {User {2, u"ada"_s, Role::Member}, &feed, &channels, &people, {}};
    Typing typing(&connection, state);
    EventRouter router(&connection, state, &typing);
    channels.setChannels({Channel {General, u"general"_s, {}}});
    channels.setNotifyLevel(General, level);
    router.setWindowActive(false);
    QSignalSpy notify(&router, &EventRouter::notify);

    Message sent;
    sent.id = 7;
    sent.channelId = General;
    sent.author = User {1, u"bob"_s, Role::Member};
    sent.text = u"@ada hi"_s;
    sent.createdAt = u"2026-12-05T10:00:00.000Z"_s;
    QJsonObject message = sent.toJson();
    if (mentioned) {
        message.insert(u"mentions"_s,
            QJsonArray {QJsonObject {{u"userId"_s, 2}, {u"start"_s, 0}, {u"length"_s, 4}}});
    }
    router.route(EventType::MessageCreated, {{u"message"_s, message}}, true);
    QCOMPARE(notify.size(), notified ? 1 : 0);
    QCOMPARE(channels.unread(General), 1); // counted whatever the level
    QCOMPARE(channels.mentions(General), mentioned ? 1 : 0);
}

QTEST_GUILESS_MAIN(tst_ClientReadState)
#include "tst_clientreadstate.moc"
