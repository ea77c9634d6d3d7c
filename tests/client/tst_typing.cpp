// Typing through a real Session and a real in-process server: who types shows until their
// message arrives, ours goes out at most once per few seconds per channel.

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

class tst_Typing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void typing();
    void dropForgetsWhoTypes();

private:
    SessionFixture m_fx;
};

void tst_Typing::init()
{
    QVERIFY(m_fx.setUp());
}

void tst_Typing::cleanup()
{
    m_fx.tearDown();
}

void tst_Typing::typing()
{
    TestServer &server = *m_fx.server;
    auto &bob = m_fx.bob;
    Session &session = *m_fx.session;
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

void tst_Typing::dropForgetsWhoTypes()
{
    TestServer &server = *m_fx.server;
    Session &session = *m_fx.session;
    QVERIFY(signIn(session, server.url(), u"ada"_s));
    QVERIFY(isOk(m_fx.bob->request(u"chat.typing"_s, {{u"channelId"_s, General}})));
    QTRY_COMPARE(session.typingIn(General), QStringList {u"bob"_s});
    QSignalSpy typingChanged(&session, &Session::typingChanged);

    // Without a connection nobody is known to be typing: a frame saying they stopped could be
    // lost with it.
    server.stop();
    QTRY_VERIFY(!session.connection()->isOnline());
    QCOMPARE(session.typingIn(General), QStringList());
    QCOMPARE(typingChanged.size(), 1);
    QCOMPARE(typingChanged.at(0).at(0).toLongLong(), General);
}

QTEST_GUILESS_MAIN(tst_Typing)
#include "tst_typing.moc"
