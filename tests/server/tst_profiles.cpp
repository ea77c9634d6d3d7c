// Display names and avatars (docs/protocol.md "Display names and avatars", feature `profiles`):
// user.profile, the user.updated event live and in sync, user.list, and the image collector
// keeping pictures an avatar uses. A real server on loopback with its SQLite file, real
// WebSocket clients.

#include "protocollimits.h"
#include "testclient.h"
#include "testserver.h"
#include "twousers.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

#include <memory>

using namespace Hubbub;
using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

namespace {

QByteArray fixture(const QString &name)
{
    QFile file(QFINDTESTDATA(u"../data/images/"_s + name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString upload(TestClient &client, const QByteArray &bytes)
{
    const QJsonObject reply
        = client.request(u"image.upload"_s, {{u"data"_s, QString::fromLatin1(bytes.toBase64())}});
    return reply.value("imageId"_L1).toString();
}

QJsonObject userOf(const QJsonObject &frame)
{
    return objectOf(frame, "user");
}

QJsonObject setProfile(TestClient &client, const QJsonObject &params)
{
    return client.request(u"user.profile"_s, params);
}

QList<QJsonObject> eventsNamed(const TestClient &client, const QString &name)
{
    QList<QJsonObject> found;
    for (const QJsonObject &event : client.events()) {
        if (eventName(event) == name)
            found.append(event);
    }
    return found;
}

} // namespace

class tst_Profiles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void setAndClearName();
    void acceptedNames_data();
    void acceptedNames();
    void refusedNames_data();
    void refusedNames();
    void avatar();
    void refusedAvatars_data();
    void refusedAvatars();
    void unchangedEmitsNothing();
    void shownWhereverTheUserIs();
    void syncCarriesTheUserAsItWas();
    void avatarSurvivesGarbageCollection();
    void userList();

private:
    TwoUsers m_fx;
};

void tst_Profiles::init()
{
    QVERIFY(m_fx.setUp());
}

void tst_Profiles::cleanup()
{
    m_fx.tearDown();
}

void tst_Profiles::setAndClearName()
{
    // The v1 fields stay as they were; the new ones are there from the start.
    QCOMPARE(m_fx.ada->user().value("displayName"_L1).toString(), QString());
    QVERIFY(m_fx.ada->user().value("avatarId"_L1).isNull());

    // A second device of Ada's sees her change too.
    TestClient adaAgain;
    QVERIFY(adaAgain.open(m_fx.server->url()));
    QVERIFY(isOk(adaAgain.login(u"ada"_s)));

    const QJsonObject set = setProfile(*m_fx.ada, {{u"displayName"_s, u"  Ada Lovelace \n"_s}});
    QVERIFY2(isOk(set), qPrintable(dump(set)));
    QCOMPARE(userOf(set).value("displayName"_L1).toString(), u"Ada Lovelace"_s);
    QCOMPARE(userOf(set).value("username"_L1).toString(), u"ada"_s);
    QCOMPARE(userOf(set).value("role"_L1).toString(), u"member"_s);
    QCOMPARE(userOf(set).value("id"_L1).toInteger(), m_fx.ada->userId());
    QVERIFY(seqOf(set) > 0);

    for (TestClient *client : {m_fx.bob.get(), &adaAgain, m_fx.ada.get()}) {
        const QJsonObject event = client->waitEventNamed(u"user.updated"_s);
        QVERIFY2(!event.isEmpty(), "user.updated did not arrive");
        QCOMPARE(seqOf(event), seqOf(set));
        QCOMPARE(userOf(event), userOf(set));
    }

    // null and "" both remove it; an absent field stays as it is.
    const QJsonObject cleared = setProfile(*m_fx.ada, {{u"displayName"_s, QJsonValue::Null}});
    QVERIFY2(isOk(cleared), qPrintable(dump(cleared)));
    QCOMPARE(userOf(cleared).value("displayName"_L1).toString(), QString());
    QCOMPARE(seqOf(cleared), seqOf(set) + 1);
    QVERIFY(isOk(setProfile(*m_fx.ada, {{u"displayName"_s, u"Ada"_s}})));
    const QJsonObject untouched = setProfile(*m_fx.ada, {});
    QCOMPARE(userOf(untouched).value("displayName"_L1).toString(), u"Ada"_s);
    const QJsonObject empty = setProfile(*m_fx.ada, {{u"displayName"_s, u""_s}});
    QCOMPARE(userOf(empty).value("displayName"_L1).toString(), QString());
}

void tst_Profiles::acceptedNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("stored");

    QTest::addRow("Korean") << u"김민준"_s << u"김민준"_s;
    QTest::addRow("Japanese") << u"山田 花子"_s << u"山田 花子"_s;
    QTest::addRow("Arabic") << u"ليلى"_s << u"ليلى"_s;
    QTest::addRow("spaces and punctuation") << u"Dr. Ada (Lovelace)!"_s << u"Dr. Ada (Lovelace)!"_s;
    // ZWJ joins the emoji sequence; ZWNJ is part of Persian spelling.
    QTest::addRow("emoji ZWJ sequence") << u"Ada 👩\u200D💻"_s << u"Ada 👩\u200D💻"_s;
    QTest::addRow("Persian ZWNJ") << u"می\u200Cخواهم"_s << u"می\u200Cخواهم"_s;
    QTest::addRow("64 astral code points") << u"\U0001F600"_s.repeated(Limits::DisplayNameMax)
                                           << u"\U0001F600"_s.repeated(Limits::DisplayNameMax);
    QTest::addRow("128 decomposed, 64 composed")
        << u"e\u0301"_s.repeated(Limits::DisplayNameMax) << u"é"_s.repeated(Limits::DisplayNameMax);
}

void tst_Profiles::acceptedNames()
{
    QFETCH(QString, name);
    QFETCH(QString, stored);
    const QJsonObject reply = setProfile(*m_fx.ada, {{u"displayName"_s, name}});
    QVERIFY2(isOk(reply), qPrintable(dump(reply)));
    QCOMPARE(userOf(reply).value("displayName"_L1).toString(), stored);
}

void tst_Profiles::refusedNames_data()
{
    QTest::addColumn<QJsonValue>("name");
    QTest::addColumn<QString>("code");

    QTest::addRow("65 characters")
        << QJsonValue(u"x"_s.repeated(Limits::DisplayNameMax + 1)) << u"too_large"_s;
    QTest::addRow("5 MB") << QJsonValue(u"x"_s.repeated(5'000'000)) << u"too_large"_s;
    QTest::addRow("line break inside") << QJsonValue(u"Ada\nLovelace"_s) << u"invalid"_s;
    QTest::addRow("bell") << QJsonValue(u"Ada\u0007"_s) << u"invalid"_s;
    QTest::addRow("tab") << QJsonValue(u"Ada\tL"_s) << u"invalid"_s;
    QTest::addRow("right-to-left override") << QJsonValue(u"Ada\u202Egnp.exe"_s) << u"invalid"_s;
    QTest::addRow("left-to-right isolate") << QJsonValue(u"\u2066Ada"_s) << u"invalid"_s;
    QTest::addRow("right-to-left mark") << QJsonValue(u"Ada\u200F"_s) << u"invalid"_s;
    QTest::addRow("zero width space") << QJsonValue(u"A\u200Bda"_s) << u"invalid"_s;
    QTest::addRow("line separator") << QJsonValue(u"Ada\u2028B"_s) << u"invalid"_s;
    QTest::addRow("lone surrogate")
        << QJsonValue(u"Ada"_s + QChar(0xD800) + u"x"_s) << u"invalid"_s;
    QTest::addRow("unassigned") << QJsonValue(u"Ada\U000E0080"_s) << u"invalid"_s;
    // A value of the wrong type is a malformed request, as everywhere in the protocol.
    QTest::addRow("number") << QJsonValue(42) << u"bad_request"_s;
    QTest::addRow("object") << QJsonValue(QJsonObject {{u"a"_s, 1}}) << u"bad_request"_s;
}

void tst_Profiles::refusedNames()
{
    QFETCH(QJsonValue, name);
    QFETCH(QString, code);
    QVERIFY(isOk(setProfile(*m_fx.ada, {{u"displayName"_s, u"Before"_s}})));
    const QJsonObject reply = setProfile(*m_fx.ada, {{u"displayName"_s, name}});
    QCOMPARE(errorCode(reply), code);
    QCOMPARE(errorField(reply), code == u"bad_request"_s ? QString() : u"displayName"_s);
    // Nothing half-done: the name is what it was and the refused change emitted nothing.
    const QJsonObject now = setProfile(*m_fx.ada, {});
    QCOMPARE(userOf(now).value("displayName"_L1).toString(), u"Before"_s);
    QCOMPARE(eventsNamed(*m_fx.ada, u"user.updated"_s).size(), 1);
}

void tst_Profiles::avatar()
{
    const QString imageId = upload(*m_fx.ada, fixture(u"tiny.png"_s));
    QVERIFY(!imageId.isEmpty());
    const QJsonObject set = setProfile(*m_fx.ada, {{u"avatarId"_s, imageId}});
    QVERIFY2(isOk(set), qPrintable(dump(set)));
    QCOMPARE(userOf(set).value("avatarId"_L1).toString(), imageId);
    const QJsonObject seen = m_fx.bob->waitEventNamed(u"user.updated"_s);
    QCOMPARE(userOf(seen).value("avatarId"_L1).toString(), imageId);

    // A name set later keeps the avatar; null removes the avatar and keeps the name.
    const QJsonObject named = setProfile(*m_fx.ada, {{u"displayName"_s, u"Ada"_s}});
    QCOMPARE(userOf(named).value("avatarId"_L1).toString(), imageId);
    const QJsonObject removed = setProfile(*m_fx.ada, {{u"avatarId"_s, QJsonValue::Null}});
    QVERIFY2(isOk(removed), qPrintable(dump(removed)));
    QVERIFY(userOf(removed).value("avatarId"_L1).isNull());
    QCOMPARE(userOf(removed).value("displayName"_L1).toString(), u"Ada"_s);

    // Anyone's uploaded picture will do (images are content-addressed, not owned).
    const QString bobs = upload(*m_fx.bob, fixture(u"tiny.gif"_s));
    QVERIFY(isOk(setProfile(*m_fx.ada, {{u"avatarId"_s, bobs}})));
}

void tst_Profiles::refusedAvatars_data()
{
    QTest::addColumn<QJsonValue>("avatarId");
    QTest::addColumn<QString>("code");

    QTest::addRow("unknown image") << QJsonValue(u"ab"_s.repeated(32)) << u"not_found"_s;
    QTest::addRow("not an image id") << QJsonValue(u"../../etc/passwd"_s) << u"invalid"_s;
    QTest::addRow("uppercase hex") << QJsonValue(u"AB"_s.repeated(32)) << u"invalid"_s;
    QTest::addRow("empty") << QJsonValue(u""_s) << u"invalid"_s;
    QTest::addRow("number") << QJsonValue(7) << u"bad_request"_s;
}

void tst_Profiles::refusedAvatars()
{
    QFETCH(QJsonValue, avatarId);
    QFETCH(QString, code);
    const QJsonObject reply
        = setProfile(*m_fx.ada, {{u"displayName"_s, u"Ada"_s}, {u"avatarId"_s, avatarId}});
    QCOMPARE(errorCode(reply), code);
    QCOMPARE(errorField(reply), code == u"bad_request"_s ? QString() : u"avatarId"_s);
    // The whole request is refused: the name in it was not set either.
    QCOMPARE(userOf(setProfile(*m_fx.ada, {})).value("displayName"_L1).toString(), QString());
}

void tst_Profiles::unchangedEmitsNothing()
{
    const QJsonObject params {{u"displayName"_s, u"Ada"_s}};
    const QJsonObject first = setProfile(*m_fx.ada, params);
    QVERIFY2(isOk(first), qPrintable(dump(first)));
    // A resend (the reply was lost) or a second device saving the same: the same answer.
    const QJsonObject again = setProfile(*m_fx.ada, params);
    QVERIFY2(isOk(again), qPrintable(dump(again)));
    QCOMPARE(seqOf(again), seqOf(first));
    QCOMPARE(userOf(again), userOf(first));
    // Nothing was emitted: the next change is the next seq, and Bob saw one user.updated.
    const QJsonObject next = m_fx.ada->request(u"channel.create"_s, {{u"name"_s, u"after"_s}});
    QVERIFY2(isOk(next), qPrintable(dump(next)));
    QCOMPARE(seqOf(next), seqOf(first) + 1);
    QTRY_COMPARE(m_fx.bob->lastSeq(), seqOf(next));
    QCOMPARE(eventsNamed(*m_fx.bob, u"user.updated"_s).size(), 1);
}

void tst_Profiles::shownWhereverTheUserIs()
{
    const QString imageId = upload(*m_fx.ada, fixture(u"tiny.png"_s));
    QVERIFY(
        isOk(setProfile(*m_fx.ada, {{u"displayName"_s, u"김민준"_s}, {u"avatarId"_s, imageId}})));
    const auto isAda = [&](const QJsonObject &user) {
        return user.value("displayName"_L1).toString() == u"김민준"_s
            && user.value("avatarId"_L1).toString() == imageId
            && user.value("username"_L1).toString() == u"ada"_s;
    };

    // A message, a post and a review by her carry it, as do history, the feed and presence.
    const qint64 channelId = idOf(
        objectOf(m_fx.ada->request(u"channel.create"_s, {{u"name"_s, u"talk"_s}}), "channel"));
    const QJsonObject sent
        = m_fx.ada->request(u"chat.send"_s, {{u"channelId"_s, channelId}, {u"text"_s, u"hi"_s}});
    QVERIFY(isAda(objectOf(objectOf(sent, "message"), "author")));
    const QJsonObject history = m_fx.bob->request(u"chat.history"_s, {{u"channelId"_s, channelId}});
    QVERIFY(isAda(objectOf(history.value("messages"_L1).toArray().first().toObject(), "author")));
    const QJsonObject post
        = m_fx.ada->request(u"post.create"_s, {{u"title"_s, u"T"_s}, {u"content"_s, u""_s}});
    QVERIFY(isAda(objectOf(postOf(post), "author")));
    const QJsonObject review = m_fx.ada->request(u"review.create"_s,
        {{u"postId"_s, idOf(postOf(post))}, {u"rating"_s, 4}, {u"comment"_s, u"ok"_s}});
    QVERIFY2(isAda(objectOf(objectOf(review, "review"), "author")), qPrintable(dump(review)));
    const QJsonObject feed = m_fx.bob->request(u"feed.page"_s);
    QVERIFY(isAda(objectOf(feed.value("posts"_L1).toArray().first().toObject(), "author")));
    bool inPresence = false;
    for (const QJsonValue &user : m_fx.bob->request(u"presence.list"_s).value("users"_L1).toArray())
        inPresence = inPresence || isAda(user.toObject());
    QVERIFY(inPresence);

    // A new login answers with the profile too.
    TestClient adaAgain;
    QVERIFY(adaAgain.open(m_fx.server->url()));
    QVERIFY(isAda(userOf(adaAgain.login(u"ada"_s))));
}

void tst_Profiles::syncCarriesTheUserAsItWas()
{
    const qint64 channelId = idOf(
        objectOf(m_fx.ada->request(u"channel.create"_s, {{u"name"_s, u"talk"_s}}), "channel"));
    QTRY_VERIFY(m_fx.bob->lastSeq() > 0);
    const qint64 since = m_fx.bob->lastSeq();
    const QString token = m_fx.bob->token();
    m_fx.bob.reset();

    QVERIFY(isOk(m_fx.ada->request(
        u"chat.send"_s, {{u"channelId"_s, channelId}, {u"text"_s, u"before"_s}})));
    const QJsonObject changed = setProfile(*m_fx.ada, {{u"displayName"_s, u"Ada L."_s}});
    QVERIFY(isOk(changed));
    QVERIFY(isOk(
        m_fx.ada->request(u"chat.send"_s, {{u"channelId"_s, channelId}, {u"text"_s, u"after"_s}})));

    TestClient back;
    QVERIFY(back.open(m_fx.server->url()));
    QVERIFY(
        isOk(back.request(u"hello"_s, {{u"protocol"_s, 1}, {u"client"_s, u"tst_profiles/1"_s}})));
    QVERIFY(isOk(back.request(u"auth.token"_s, {{u"token"_s, token}})));
    const QJsonObject synced = back.request(u"sync"_s, {{u"since"_s, since}});
    QVERIFY2(isOk(synced), qPrintable(dump(synced)));
    const QJsonArray events = synced.value("events"_L1).toArray();
    QCOMPARE(events.size(), 3);
    const auto authorName = [&](int i) {
        return objectOf(objectOf(events.at(i).toObject(), "message"), "author")
            .value("displayName"_L1)
            .toString();
    };
    // Each event as it went out: the earlier message under the earlier (empty) name.
    QCOMPARE(authorName(0), QString());
    QCOMPARE(eventName(events.at(1).toObject()), u"user.updated"_s);
    QCOMPARE(seqOf(events.at(1).toObject()), seqOf(changed));
    QCOMPARE(userOf(events.at(1).toObject()), userOf(changed));
    QCOMPARE(authorName(2), u"Ada L."_s);
}

void tst_Profiles::avatarSurvivesGarbageCollection()
{
    cleanup();
    m_fx.server = std::make_unique<TestServer>();
    m_fx.server->config().imageGcAge = std::chrono::seconds(0);
    m_fx.server->config().imageGcInterval = std::chrono::milliseconds(200);
    QVERIFY(m_fx.server->start());
    m_fx.ada = std::make_unique<TestClient>();
    QVERIFY(m_fx.ada->open(m_fx.server->url()));
    QVERIFY(isOk(m_fx.ada->registerUser(u"ada"_s)));
    const QByteArray png = fixture(u"tiny.png"_s);

    // With age 0 the collector may take the picture between its upload and user.profile (which
    // then answers not_found, as a post would): upload again, as the app does.
    QString avatar;
    for (int attempt = 0; attempt < 20 && avatar.isEmpty(); ++attempt) {
        const QString uploaded = upload(*m_fx.ada, png);
        const QJsonObject set = setProfile(*m_fx.ada, {{u"avatarId"_s, uploaded}});
        if (isOk(set))
            avatar = uploaded;
        else
            QCOMPARE(errorCode(set), u"not_found"_s);
    }
    QVERIFY2(!avatar.isEmpty(), "the avatar was never set");

    // A picture nothing uses goes; the collection that took it kept the avatar.
    const QString unused = upload(*m_fx.ada, fixture(u"tiny.gif"_s));
    QVERIFY(!unused.isEmpty());
    const auto getCode = [this](const QString &imageId) {
        return errorCode(m_fx.ada->request(u"image.get"_s, {{u"imageId"_s, imageId}}));
    };
    QTRY_COMPARE_WITH_TIMEOUT(getCode(unused), u"not_found"_s, 10000);
    QCOMPARE(getCode(avatar), QString());

    // Once removed from the profile, it goes too.
    QVERIFY(isOk(setProfile(*m_fx.ada, {{u"avatarId"_s, QJsonValue::Null}})));
    QTRY_COMPARE_WITH_TIMEOUT(getCode(avatar), u"not_found"_s, 10000);
}

void tst_Profiles::userList()
{
    TestClient carol;
    QVERIFY(carol.open(m_fx.server->url()));
    QVERIFY(isOk(carol.registerUser(u"Carol"_s)));
    TestClient alice;
    QVERIFY(alice.open(m_fx.server->url()));
    QVERIFY(isOk(alice.registerUser(u"Émile"_s)));
    QVERIFY(isOk(setProfile(*m_fx.bob, {{u"displayName"_s, u"Robert"_s}})));
    carol.close(); // offline users are listed too

    const QJsonObject reply = m_fx.ada->request(u"user.list"_s);
    QVERIFY2(isOk(reply), qPrintable(dump(reply)));
    QCOMPARE(reply.value("more"_L1).toBool(), false);
    QStringList names;
    for (const QJsonValue &user : reply.value("users"_L1).toArray())
        names.append(user.toObject().value("username"_L1).toString());
    // By name ignoring case (and accents' case: the case-folded key).
    QCOMPARE(names, (QStringList {u"ada"_s, u"bob"_s, u"Carol"_s, u"Émile"_s}));
    QCOMPARE(reply.value("users"_L1).toArray().at(1).toObject().value("displayName"_L1).toString(),
        u"Robert"_s);

    // Only for the signed in.
    TestClient stranger;
    QVERIFY(stranger.open(m_fx.server->url()));
    QVERIFY(isOk(
        stranger.request(u"hello"_s, {{u"protocol"_s, 1}, {u"client"_s, u"tst_profiles/1"_s}})));
    QCOMPARE(errorCode(stranger.request(u"user.list"_s)), u"unauthorized"_s);
    QCOMPARE(errorCode(stranger.request(u"user.profile"_s, {{u"displayName"_s, u"x"_s}})),
        u"unauthorized"_s);
}

QTEST_GUILESS_MAIN(tst_Profiles)
#include "tst_profiles.moc"
