// Display names and avatars in the client core, against a real in-process server: another
// user's user.updated reaches every model that shows them (chat authors, feed authors, the
// people list) live, and Session::setProfile uploads a picture and sets the profile.

#include "chatmodel.h"
#include "connection.h"
#include "feedmodel.h"
#include "imagecache.h"
#include "peoplemodel.h"
#include "reply.h"
#include "session.h"
#include "sessionfixture.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QImage>
#include <QSignalSpy>
#include <QTest>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

namespace {

QByteArray png(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::darkMagenta);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

User authorAt(const QAbstractItemModel *model, int row, int role)
{
    return model->index(row, 0).data(role).value<User>();
}

//! Runs setProfile and waits for its answer.
Reply setProfile(Session &session, const QString &name, const ImageChange &avatar)
{
    std::optional<Reply> answer;
    QObject context;
    session.setProfile(name, avatar, &context, [&](const Reply &reply) { answer = reply; });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, DeliveryTimeout))
        return Reply::timeout();
    return answer.value_or(Reply::timeout());
}

} // namespace

class tst_ClientProfiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void othersProfileReachesEveryModel();
    void setOwnProfile();
    void refusedNameLeavesProfile();

private:
    SessionFixture m_fx;
};

void tst_ClientProfiles::init()
{
    QVERIFY(m_fx.setUp());
}

void tst_ClientProfiles::cleanup()
{
    m_fx.tearDown();
}

void tst_ClientProfiles::othersProfileReachesEveryModel()
{
    auto &bob = m_fx.bob;
    QVERIFY(isOk(bob->request(u"chat.send"_s, {{u"channelId"_s, General}, {u"text"_s, u"hi"_s}})));
    QVERIFY(isOk(bob->request(u"post.create"_s, {{u"title"_s, u"T"_s}, {u"content"_s, u""_s}})));
    Session &session = *m_fx.session;
    QVERIFY(signIn(session, m_fx.server->url(), u"ada"_s));
    ChatModel *chat = session.chat(General);
    QTRY_VERIFY(chat->isLoaded());
    QTRY_VERIFY(session.people()->isOnline(bob->userId()));
    QAbstractItemModelTester chatTester(chat);
    QAbstractItemModelTester peopleTester(session.people());
    QAbstractItemModelTester feedTester(session.feed());
    const int bobRow = session.people()->rowOf(bob->userId());
    QCOMPARE(session.people()->index(bobRow).data().toString(), u"bob"_s);

    QSignalSpy peopleChanged(session.people(), &QAbstractItemModel::dataChanged);
    const QJsonObject set = bob->request(u"user.profile"_s, {{u"displayName"_s, u"김민준"_s}});
    QVERIFY2(isOk(set), qPrintable(dump(set)));

    QTRY_COMPARE(authorAt(chat, 0, ChatModel::AuthorUserRole).displayName, u"김민준"_s);
    QCOMPARE(authorAt(chat, 0, ChatModel::AuthorUserRole).username, u"bob"_s);
    QTRY_COMPARE(authorAt(session.feed(), 0, FeedModel::AuthorUserRole).displayName, u"김민준"_s);
    // The people list shows the display name, the username in the tooltip, in the same row.
    QTRY_COMPARE(session.people()->index(bobRow).data().toString(), u"김민준"_s);
    QCOMPARE(session.people()->index(bobRow).data(Qt::ToolTipRole).toString(), u"bob"_s);
    QVERIFY(!peopleChanged.isEmpty());
}

void tst_ClientProfiles::setOwnProfile()
{
    Session &session = *m_fx.session;
    QVERIFY(signIn(session, m_fx.server->url(), u"ada"_s));
    QSignalSpy userChanged(&session, &Session::userChanged);
    const QByteArray picture = png(40, 30);

    const Reply reply = setProfile(
        session, u"Ada Lovelace"_s, {ImageChange::Kind::Replace, picture, u"image/png"_s});
    QVERIFY2(reply.ok(), qPrintable(reply.error().message));
    const User user = User::fromJson(reply.result().value("user"_L1).toObject());
    QCOMPARE(user.displayName, u"Ada Lovelace"_s);
    QVERIFY(!user.avatarId.isEmpty());
    QTRY_COMPARE(session.user().avatarId, user.avatarId);
    QVERIFY(!userChanged.isEmpty());
    // Our own picture shows without a download.
    QCOMPARE(session.images()->image(user.avatarId).size(), QSize(40, 30));
    QCOMPARE(session.images()->downloads(), 0);
    const QJsonObject seen = m_fx.bob->waitEventNamed(u"user.updated"_s);
    QCOMPARE(objectOf(seen, "user").value("avatarId"_L1).toString(), user.avatarId);

    // Keep leaves the picture; Remove drops it.
    const Reply renamed = setProfile(session, u"Ada"_s, {});
    QVERIFY(renamed.ok());
    QCOMPARE(User::fromJson(renamed.result().value("user"_L1).toObject()).avatarId, user.avatarId);
    const Reply removed = setProfile(session, u"Ada"_s, {ImageChange::Kind::Remove, {}, {}});
    QVERIFY(removed.ok());
    QTRY_COMPARE(session.user().avatarId, QString());
    QCOMPARE(session.user().displayName, u"Ada"_s);
}

void tst_ClientProfiles::refusedNameLeavesProfile()
{
    Session &session = *m_fx.session;
    QVERIFY(signIn(session, m_fx.server->url(), u"ada"_s));
    const Reply refused = setProfile(session, u"Ada\u202E"_s, {});
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::Invalid);
    QCOMPARE(refused.error().field, u"displayName"_s);
    QCOMPARE(session.user().displayName, QString());
}

QTEST_GUILESS_MAIN(tst_ClientProfiles)
#include "tst_clientprofiles.moc"
