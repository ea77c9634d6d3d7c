// Accounts and sessions over the wire: a real server on loopback, real WebSocket clients, a real
// SQLite file. Every test function has its own server, so the login throttle starts empty.

#include "messagetype.h"
#include "store/userstore.h"
#include "store/writer.h"
#include "testclient.h"
#include "testserver.h"
#include "types.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Hubbub;
using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

namespace {

const QString Password = u"correct horse"_s;
const QString WrongCredentials = u"Wrong username or password."_s;

QJsonObject errorOf(const QJsonObject &reply)
{
    return reply.value("error"_L1).toObject();
}

QString errorMessage(const QJsonObject &reply)
{
    return errorOf(reply).value("message"_L1).toString();
}

//! The whole frame, for failure messages.
QByteArray describe(const QJsonObject &frame)
{
    return frame.isEmpty() ? QByteArrayLiteral("<no reply>")
                           : QJsonDocument(frame).toJson(QJsonDocument::Compact);
}

QJsonObject hello(TestClient &client, int protocol = 1)
{
    return client.request(u"hello"_s, {{u"protocol"_s, protocol}, {u"client"_s, u"tst_auth/1"_s}});
}

bool isToken(const QString &token)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9_-]{43}$"_s);
    return pattern.match(token).hasMatch();
}

//! The verbs of protocol v1 as the spec lists them, with plausible parameters; hello, auth.*
//! and ping are the ones accepted before auth.
struct SpecVerb
{
    QString name;
    QJsonObject params;
};

QList<SpecVerb> verbsNeedingAuth()
{
    // A 1x1 PNG.
    const QString png
        = u"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="_s;
    return {
        {u"user.rename"_s, {{u"username"_s, u"ada2"_s}}},
        {u"feed.page"_s, {{u"limit"_s, 20}}},
        {u"post.get"_s, {{u"postId"_s, 1}}},
        {u"post.create"_s,
            {{u"title"_s, u"Hi"_s}, {u"content"_s, u"text"_s}, {u"nonce"_s, u"n1"_s}}},
        {u"post.update"_s, {{u"postId"_s, 1}, {u"title"_s, u"Hi"_s}, {u"content"_s, u"x"_s}}},
        {u"post.delete"_s, {{u"postId"_s, 1}}},
        {u"review.create"_s, {{u"postId"_s, 1}, {u"rating"_s, 5}, {u"comment"_s, u"good"_s}}},
        {u"review.list"_s, {{u"postId"_s, 1}}},
        {u"image.upload"_s, {{u"data"_s, png}, {u"mime"_s, u"image/png"_s}}},
        {u"image.get"_s, {{u"imageId"_s, QString(64, u'a')}}},
        {u"channel.list"_s, {}},
        {u"channel.create"_s, {{u"name"_s, u"random"_s}, {u"topic"_s, u"anything"_s}}},
        {u"chat.history"_s, {{u"channelId"_s, 1}}},
        {u"chat.send"_s, {{u"channelId"_s, 1}, {u"text"_s, u"hi"_s}, {u"nonce"_s, u"n2"_s}}},
        {u"chat.edit"_s, {{u"messageId"_s, 1}, {u"text"_s, u"edited"_s}}},
        {u"chat.delete"_s, {{u"messageId"_s, 1}}},
        {u"chat.typing"_s, {{u"channelId"_s, 1}}},
        {u"presence.list"_s, {}},
        {u"sync"_s, {{u"since"_s, 0}}},
        // Extensions (docs/protocol.md): profiles, direct messages.
        {u"user.profile"_s, {{u"displayName"_s, u"x"_s}}},
        {u"user.list"_s, {}},
        {u"dm.open"_s, {{u"userIds"_s, QJsonArray {1}}}},
        {u"dm.list"_s, {}},
        // Replies and reactions.
        {u"chat.around"_s, {{u"messageId"_s, 1}}},
        {u"reaction.set"_s, {{u"messageId"_s, 1}, {u"emoji"_s, u"👍"_s}, {u"on"_s, true}}},
        // Part "rich" (issue 12).
        {u"chat.versions"_s, {{u"messageId"_s, 1}}},
        {u"post.versions"_s, {{u"postId"_s, 1}}},
        // Search.
        {u"search"_s, {{u"query"_s, u"budget"_s}}},
        // Part "files".
        {u"file.begin"_s, {{u"name"_s, u"a"_s}, {u"size"_s, 1}, {u"sha256"_s, QString(64, u'a')}}},
        {u"file.chunk"_s,
            {{u"fileId"_s, QString(64, u'a')}, {u"offset"_s, 0}, {u"data"_s, u"YQ=="_s}}},
        {u"file.finish"_s, {{u"fileId"_s, QString(64, u'a')}}},
        {u"file.cancel"_s, {{u"fileId"_s, QString(64, u'a')}}},
        {u"file.get"_s, {{u"fileId"_s, QString(64, u'a')}}},
        // Read state.
        {u"read.mark"_s, {{u"channelId"_s, 1}, {u"messageId"_s, 1}}},
        {u"read.state"_s, {}},
        {u"channel.notify"_s, {{u"channelId"_s, 1}, {u"level"_s, u"none"_s}}},
        // Issue 13, part "accounts" (who else may send them: tst_accounts).
        {u"account.password"_s, {{u"password"_s, Password}, {u"newPassword"_s, u"new horse"_s}}},
        {u"session.list"_s, {}},
        {u"session.revoke"_s, {{u"sessionId"_s, QString(24, u'0')}}},
        {u"session.revoke_all"_s, {}},
        {u"admin.users"_s, {}},
        {u"admin.role"_s, {{u"userId"_s, 1}, {u"role"_s, u"admin"_s}}},
        {u"admin.disable"_s, {{u"userId"_s, 1}}},
        {u"admin.enable"_s, {{u"userId"_s, 1}}},
        {u"admin.reset_password"_s, {{u"userId"_s, 1}}},
        {u"invite.create"_s, {{u"expiresInHours"_s, 24}}},
        {u"invite.list"_s, {}},
        {u"invite.revoke"_s, {{u"inviteId"_s, 1}}},
        {u"audit.list"_s, {}},
    };
}

const QSet<QString> verbsBeforeAuth = {
    u"hello"_s, u"auth.register"_s, u"auth.login"_s, u"auth.token"_s, u"auth.logout"_s, u"ping"_s};

} // namespace

class tst_Auth : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void registerReturnsUserAndToken();
    void registerValidation_data();
    void registerValidation();
    void login();
    void tokenResumeAndLogout();
    void everySpecVerbHasARow();
    void verbsRequireAuth_data();
    void verbsRequireAuth();
    void helloAndPingBeforeAuth();
    void unsupportedProtocolCloses();
    void registrationClosedFromStart();
    void registrationClosedExistingUserLogsIn();
    void loginThrottling();
    void adminMayChangeOthersPosts();
    void rename();
};

void tst_Auth::registerReturnsUserAndToken()
{
    TestServer server;
    QVERIFY(server.start());
    TestClient ada;
    QVERIFY(ada.open(server.url()));
    const QJsonObject reply = ada.registerUser(u"ada"_s);
    QVERIFY2(isOk(reply), describe(reply).constData());
    const QJsonObject user = reply.value("user"_L1).toObject();
    QVERIFY2(user.value("id"_L1).isDouble(), describe(reply).constData());
    QVERIFY(user.value("id"_L1).toInteger() > 0);
    QCOMPARE(user.value("username"_L1).toString(), u"ada"_s);
    QCOMPARE(user.value("role"_L1).toString(), u"member"_s);
    QCOMPARE(user.value("displayName"_L1).toString(), QString()); // profiles (extension)
    QVERIFY(user.value("avatarId"_L1).isNull());
    QCOMPARE(user.size(), 5);
    const QString token = reply.value("token"_L1).toString();
    QVERIFY2(isToken(token), qPrintable(token));

    // The same name in another case is taken.
    TestClient other;
    QVERIFY(other.open(server.url()));
    const QJsonObject taken = other.registerUser(u"ADA"_s);
    QCOMPARE(errorCode(taken), u"conflict"_s);
    QCOMPARE(errorField(taken), u"username"_s);
    QVERIFY(!errorMessage(taken).isEmpty());
    // The rejected client is not logged in.
    QCOMPARE(errorCode(other.request(u"feed.page"_s)), u"unauthorized"_s);
}

void tst_Auth::registerValidation_data()
{
    QTest::addColumn<QJsonValue>("username"); // Undefined: left out
    QTest::addColumn<QJsonValue>("password");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("rejectedName"); // login with these must fail ("" skips)
    QTest::addColumn<QString>("rejectedPassword");
    QTest::addColumn<QString>("validName"); // a register that must then succeed
    QTest::addColumn<QString>("validPassword");

    const QJsonValue missing(QJsonValue::Undefined);
    const QString name33(33, u'u');
    const QString name32(32, u'u');
    const QString password257(257, u'p');
    const QString password256(256, u'p');

    QTest::addRow("username 2 chars")
        << QJsonValue(u"ab"_s) << QJsonValue(Password) << u"invalid"_s << u"username"_s << u"ab"_s
        << Password << u"abc"_s << Password;
    QTest::addRow("username 33 chars")
        << QJsonValue(name33) << QJsonValue(Password) << u"too_large"_s << u"username"_s << name33
        << Password << name32 << Password;
    QTest::addRow("username with space")
        << QJsonValue(u"ada lovelace"_s) << QJsonValue(Password) << u"invalid"_s << u"username"_s
        << u"ada lovelace"_s << Password << u"ada_lovelace"_s << Password;
    QTest::addRow("username with @")
        << QJsonValue(u"ada@home"_s) << QJsonValue(Password) << u"invalid"_s << u"username"_s
        << u"ada@home"_s << Password << u"ada.home"_s << Password;
    QTest::addRow("username with emoji")
        << QJsonValue(u"jörg\U0001F600"_s) << QJsonValue(Password) << u"invalid"_s << u"username"_s
        << u"jörg\U0001F600"_s << Password << u"jörg"_s << Password;
    QTest::addRow("password 7 chars")
        << QJsonValue(u"carol"_s) << QJsonValue(u"1234567"_s) << u"invalid"_s << u"password"_s
        << u"carol"_s << u"1234567"_s << u"carol"_s << u"12345678"_s;
    QTest::addRow("password 257 chars")
        << QJsonValue(u"dave"_s) << QJsonValue(password257) << u"too_large"_s << u"password"_s
        << u"dave"_s << password257 << u"dave"_s << password256;
    QTest::addRow("missing username")
        << missing << QJsonValue(Password) << u"bad_request"_s << QString() << QString()
        << QString() << u"erin"_s << Password;
    QTest::addRow("missing password")
        << QJsonValue(u"erin"_s) << missing << u"bad_request"_s << QString() << QString()
        << QString() << u"erin"_s << Password;
    QTest::addRow("password is a number")
        << QJsonValue(u"frank"_s) << QJsonValue(12345678) << u"bad_request"_s << QString()
        << u"frank"_s << u"12345678"_s << u"frank"_s << u"12345678"_s;
    QTest::addRow("username is a number")
        << QJsonValue(12345) << QJsonValue(Password) << u"bad_request"_s << QString() << u"12345"_s
        << Password << u"12345"_s << Password;
}

void tst_Auth::registerValidation()
{
    QFETCH(QJsonValue, username);
    QFETCH(QJsonValue, password);
    QFETCH(QString, code);
    QFETCH(QString, field);
    QFETCH(QString, rejectedName);
    QFETCH(QString, rejectedPassword);
    QFETCH(QString, validName);
    QFETCH(QString, validPassword);

    TestServer server;
    QVERIFY(server.start());
    TestClient client;
    QVERIFY(client.open(server.url()));
    QVERIFY2(isOk(hello(client)), "hello failed");

    QJsonObject params;
    if (!username.isUndefined())
        params.insert(u"username"_s, username);
    if (!password.isUndefined())
        params.insert(u"password"_s, password);
    const QJsonObject rejected = client.request(u"auth.register"_s, params);
    QCOMPARE(errorCode(rejected), code);
    if (!field.isEmpty())
        QCOMPARE(errorField(rejected), field);
    QVERIFY2(!errorMessage(rejected).isEmpty(), describe(rejected).constData());
    QVERIFY(!rejected.contains("user"_L1));
    QVERIFY(!rejected.contains("token"_L1));
    // Not logged in by a rejected register; the connection stays usable.
    QCOMPARE(errorCode(client.request(u"feed.page"_s)), u"unauthorized"_s);

    // Nothing was stored under the rejected name.
    if (!rejectedName.isEmpty()) {
        TestClient probe;
        QVERIFY(probe.open(server.url()));
        const QJsonObject login = probe.login(rejectedName, rejectedPassword);
        QCOMPARE(errorCode(login), u"unauthorized"_s);
    }
    TestClient fixed;
    QVERIFY(fixed.open(server.url()));
    const QJsonObject accepted = fixed.registerUser(validName, validPassword);
    QVERIFY2(isOk(accepted), describe(accepted).constData());
    QCOMPARE(accepted.value("user"_L1).toObject().value("username"_L1).toString(), validName);
}

void tst_Auth::login()
{
    TestServer server;
    QVERIFY(server.start());
    TestClient ada;
    QVERIFY(ada.open(server.url()));
    QVERIFY(isOk(ada.registerUser(u"ada"_s)));

    TestClient client;
    QVERIFY(client.open(server.url()));
    QVERIFY(isOk(hello(client)));

    const QJsonObject wrong = client.login(u"ada"_s, u"wrong horse"_s);
    QCOMPARE(errorCode(wrong), u"unauthorized"_s);
    QCOMPARE(errorMessage(wrong), WrongCredentials);
    QVERIFY(!wrong.contains("token"_L1));
    const QJsonObject unknown = client.login(u"nobody"_s, Password);
    QCOMPARE(errorCode(unknown), u"unauthorized"_s);
    QCOMPARE(errorMessage(unknown), WrongCredentials);
    QCOMPARE(errorCode(client.request(u"feed.page"_s)), u"unauthorized"_s);

    const QJsonObject right = client.login(u"ada"_s, Password);
    QVERIFY2(isOk(right), describe(right).constData());
    QCOMPARE(right.value("user"_L1).toObject(), ada.user());
    const QString token = right.value("token"_L1).toString();
    QVERIFY2(isToken(token), qPrintable(token));
    QVERIFY(token != ada.token());
    QVERIFY2(isOk(client.request(u"feed.page"_s)), "feed.page after login");

    // Case-insensitive on the username; the stored spelling comes back.
    TestClient shouting;
    QVERIFY(shouting.open(server.url()));
    const QJsonObject upper = shouting.login(u"ADA"_s, Password);
    QVERIFY2(isOk(upper), describe(upper).constData());
    QCOMPARE(upper.value("user"_L1).toObject(), ada.user());
    QVERIFY(isToken(upper.value("token"_L1).toString()));
}

void tst_Auth::tokenResumeAndLogout()
{
    TestServer server;
    QVERIFY(server.start());
    TestClient a;
    QVERIFY(a.open(server.url()));
    QVERIFY(isOk(a.registerUser(u"ada"_s)));
    const QString token = a.token();

    TestClient b;
    QVERIFY(b.open(server.url()));
    const QJsonObject resumed = b.request(u"auth.token"_s, {{u"token"_s, token}});
    QVERIFY2(isOk(resumed), describe(resumed).constData());
    QCOMPARE(resumed.value("user"_L1).toObject(), a.user());
    QVERIFY2(isOk(b.request(u"feed.page"_s)), "feed.page after auth.token");

    TestClient c;
    QVERIFY(c.open(server.url()));
    QCOMPARE(
        errorCode(c.request(u"auth.token"_s, {{u"token"_s, u"garbage"_s}})), u"unauthorized"_s);
    QCOMPARE(errorCode(c.request(u"auth.token"_s, {{u"token"_s, QString(43, u'A')}})),
        u"unauthorized"_s);
    QCOMPARE(errorCode(c.request(u"feed.page"_s)), u"unauthorized"_s);

    const QJsonObject logout = a.request(u"auth.logout"_s);
    QVERIFY2(isOk(logout), describe(logout).constData());
    QCOMPARE(errorCode(a.request(u"feed.page"_s)), u"unauthorized"_s);

    TestClient d;
    QVERIFY(d.open(server.url()));
    QCOMPARE(errorCode(d.request(u"auth.token"_s, {{u"token"_s, token}})), u"unauthorized"_s);
    QCOMPARE(errorCode(d.request(u"feed.page"_s)), u"unauthorized"_s);
}

void tst_Auth::everySpecVerbHasARow()
{
    // The server's verb table and the spec's list (above) must agree, so that a new verb gets a
    // row in verbsRequireAuth.
    QSet<QString> spec = verbsBeforeAuth;
    for (const SpecVerb &verb : verbsNeedingAuth())
        spec.insert(verb.name);
    QSet<QString> implemented;
    for (const char *name : messageTypeNames)
        implemented.insert(QString::fromLatin1(name));
    QCOMPARE(implemented, spec);
    for (const SpecVerb &verb : verbsNeedingAuth()) {
        const std::optional<MessageType> type = messageTypeFromName(verb.name);
        QVERIFY(type);
        QVERIFY2(!isAllowedBeforeAuth(*type), qPrintable(verb.name));
    }
}

void tst_Auth::verbsRequireAuth_data()
{
    QTest::addColumn<QString>("verb");
    QTest::addColumn<QJsonObject>("params");
    for (const SpecVerb &verb : verbsNeedingAuth())
        QTest::addRow("%s", qPrintable(verb.name)) << verb.name << verb.params;
}

void tst_Auth::verbsRequireAuth()
{
    QFETCH(QString, verb);
    QFETCH(QJsonObject, params);

    TestServer server;
    QVERIFY(server.start());
    TestClient client;
    QVERIFY(client.open(server.url()));
    const QJsonObject before = hello(client);
    QVERIFY2(isOk(before), describe(before).constData());

    const QJsonObject reply = client.request(verb, params);
    QCOMPARE(reply.value("ok"_L1), QJsonValue(false));
    QCOMPARE(errorCode(reply), u"unauthorized"_s);
    QVERIFY(!errorMessage(reply).isEmpty());

    // Nothing was stored or sent, and the connection stays open.
    const QJsonObject after = hello(client);
    QVERIFY2(isOk(after), describe(after).constData());
    QCOMPARE(after.value("head"_L1).toInteger(), before.value("head"_L1).toInteger());
    QVERIFY(client.events().isEmpty());
    QVERIFY(client.ephemeral().isEmpty());
    QVERIFY(client.isConnected());
}

void tst_Auth::helloAndPingBeforeAuth()
{
    TestServer server;
    QVERIFY(server.start());
    TestClient client;
    QVERIFY(client.open(server.url()));

    const QJsonObject ping = client.request(u"ping"_s);
    QVERIFY2(isOk(ping), describe(ping).constData());
    QVERIFY2(
        parseTimestamp(ping.value("time"_L1).toString()).isValid(), describe(ping).constData());

    const QJsonObject reply = hello(client);
    QVERIFY2(isOk(reply), describe(reply).constData());
    QCOMPARE(reply.value("protocol"_L1).toInteger(), 1);
    QVERIFY2(
        reply.value("server"_L1).toString().startsWith("hubbub/"_L1), describe(reply).constData());
    QVERIFY(reply.value("head"_L1).isDouble());
    QCOMPARE(reply.value("head"_L1).toInteger(), 0);
    QCOMPARE(reply.value("registration"_L1).toString(), u"open"_s); // the default
}

void tst_Auth::unsupportedProtocolCloses()
{
    TestServer server;
    QVERIFY(server.start());
    TestClient client;
    QVERIFY(client.open(server.url()));
    const QJsonObject reply = hello(client, 2);
    QCOMPARE(errorCode(reply), u"unsupported_protocol"_s);
    QVERIFY(!errorMessage(reply).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(client.socket().state(), QAbstractSocket::UnconnectedState, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(server.server()->connectionCount(), 0, 5000);
}

void tst_Auth::registrationClosedFromStart()
{
    TestServer server;
    server.config().registration = Server::Registration::Closed;
    QVERIFY(server.start());
    TestClient client;
    QVERIFY(client.open(server.url()));
    QCOMPARE(hello(client).value("registration"_L1).toString(), u"closed"_s);
    const QJsonObject reply = client.registerUser(u"ada"_s);
    QCOMPARE(errorCode(reply), u"forbidden"_s);
    QVERIFY(!errorMessage(reply).isEmpty());
    QVERIFY(!reply.contains("token"_L1));
    QCOMPARE(errorCode(client.request(u"feed.page"_s)), u"unauthorized"_s);
    QCOMPARE(errorCode(client.login(u"ada"_s)), u"unauthorized"_s);
}

void tst_Auth::registrationClosedExistingUserLogsIn()
{
    TestServer server;
    QVERIFY(server.start());
    User ada;
    {
        TestClient client;
        QVERIFY(client.open(server.url()));
        QVERIFY(isOk(client.registerUser(u"ada"_s)));
        ada = User::fromJson(client.user());
    }
    server.config().registration = Server::Registration::Closed;
    QVERIFY(server.restart());

    TestClient client;
    QVERIFY(client.open(server.url()));
    QCOMPARE(errorCode(client.registerUser(u"bob"_s)), u"forbidden"_s);
    const QJsonObject login = client.login(u"ada"_s);
    QVERIFY2(isOk(login), describe(login).constData());
    QCOMPARE(User::fromJson(login.value("user"_L1).toObject()), ada);
    QVERIFY2(isOk(client.request(u"feed.page"_s)), "feed.page after login");
}

void tst_Auth::loginThrottling()
{
    TestServer server;
    QVERIFY(server.start());
    {
        TestClient ada, bob;
        QVERIFY(ada.open(server.url()));
        QVERIFY(bob.open(server.url()));
        QVERIFY(isOk(ada.registerUser(u"ada"_s)));
        QVERIFY(isOk(bob.registerUser(u"bob"_s)));
    }

    TestClient client;
    QVERIFY(client.open(server.url()));
    for (int i = 0; i < 5; ++i) {
        const QJsonObject wrong = client.login(u"ada"_s, u"wrong horse"_s);
        QVERIFY2(errorCode(wrong) == u"unauthorized", describe(wrong).constData());
    }
    // The sixth attempt is refused even with the right password, and under any case.
    for (const QString &name : {u"ada"_s, u"ADA"_s}) {
        const QJsonObject limited = client.login(name, Password);
        QCOMPARE(errorCode(limited), u"rate_limited"_s);
        const QJsonValue retryAfter = errorOf(limited).value("retryAfterMs"_L1);
        QVERIFY2(retryAfter.isDouble(), describe(limited).constData());
        QVERIFY2(retryAfter.toInteger() > 0, describe(limited).constData());
        QVERIFY2(retryAfter.toInteger() <= 60000, describe(limited).constData());
        QVERIFY(!limited.contains("token"_L1));
    }
    QCOMPARE(errorCode(client.request(u"feed.page"_s)), u"unauthorized"_s);

    // Another username from the same address is not limited yet (per address: 20).
    const QJsonObject bobWrong = client.login(u"bob"_s, u"wrong horse"_s);
    QCOMPARE(errorCode(bobWrong), u"unauthorized"_s);
    QCOMPARE(errorMessage(bobWrong), WrongCredentials);
    const QJsonObject bob = client.login(u"bob"_s, Password);
    QVERIFY2(isOk(bob), describe(bob).constData());
    QCOMPARE(bob.value("user"_L1).toObject().value("username"_L1).toString(), u"bob"_s);
}

void tst_Auth::adminMayChangeOthersPosts()
{
    TestServer server;
    QVERIFY(server.start());
    TestClient ada, bob;
    QVERIFY(ada.open(server.url()));
    QVERIFY(bob.open(server.url()));
    QVERIFY(isOk(ada.registerUser(u"ada"_s)));
    QVERIFY(isOk(bob.registerUser(u"bob"_s)));

    auto createPost = [](TestClient &client, const QString &title) -> qint64 {
        const QJsonObject created
            = client.request(u"post.create"_s, {{u"title"_s, title}, {u"content"_s, u"body"_s}});
        if (!isOk(created)) {
            qWarning("post.create failed: %s", describe(created).constData());
            return 0;
        }
        return created.value("post"_L1).toObject().value("id"_L1).toInteger();
    };
    const qint64 bobsFirst = createPost(bob, u"Bob one"_s);
    const qint64 bobsSecond = createPost(bob, u"Bob two"_s);
    const qint64 adasPost = createPost(ada, u"Ada one"_s);
    QVERIFY(bobsFirst > 0 && bobsSecond > 0 && adasPost > 0);

    const QJsonObject edit {{u"title"_s, u"Edited by admin"_s}, {u"content"_s, u"moderated"_s}};
    auto update = [&edit](TestClient &client, qint64 postId) {
        QJsonObject params = edit;
        params.insert(u"postId"_s, postId);
        return client.request(u"post.update"_s, params);
    };
    auto remove = [](TestClient &client, qint64 postId) {
        return client.request(u"post.delete"_s, {{u"postId"_s, postId}});
    };

    // Plain members may not touch each other's posts.
    QCOMPARE(errorCode(update(ada, bobsFirst)), u"forbidden"_s);
    QCOMPARE(errorCode(remove(ada, bobsSecond)), u"forbidden"_s);
    QCOMPARE(errorCode(update(bob, adasPost)), u"forbidden"_s);
    QCOMPARE(errorCode(remove(bob, adasPost)), u"forbidden"_s);

    // What `hubbub-server --promote ada` does.
    const Server::WriteOutcome promoted
        = server.server()->writer().runAndWait([](Server::WriteTx &tx) -> Result<QJsonObject> {
              Result<User> user = Server::UserStore::setRole(tx, u"ada"_s, Role::Admin);
              if (!user)
                  return user.error();
              return user->toJson();
          });
    QVERIFY2(promoted.result.ok(),
        qPrintable(promoted.result.ok() ? QString() : promoted.result.error().message));
    QCOMPARE(promoted.result->value("role"_L1).toString(), u"admin"_s);

    // Ada is an admin on her existing connection, without logging in again.
    const QJsonObject updated = update(ada, bobsFirst);
    QVERIFY2(isOk(updated), describe(updated).constData());
    const QJsonObject post = updated.value("post"_L1).toObject();
    QCOMPARE(post.value("title"_L1).toString(), u"Edited by admin"_s);
    QCOMPARE(post.value("content"_L1).toString(), u"moderated"_s);
    QCOMPARE(post.value("author"_L1).toObject().value("id"_L1).toInteger(), bob.userId());
    QVERIFY(!post.value("updatedAt"_L1).isNull());
    const QJsonObject updateEvent = bob.waitEvent([bobsFirst](const QJsonObject &e) {
        return e.value("event"_L1).toString() == u"post.updated"
            && e.value("post"_L1).toObject().value("id"_L1).toInteger() == bobsFirst;
    });
    QCOMPARE(updateEvent.value("seq"_L1).toInteger(), updated.value("seq"_L1).toInteger());

    const QJsonObject deleted = remove(ada, bobsSecond);
    QVERIFY2(isOk(deleted), describe(deleted).constData());
    QVERIFY(deleted.value("seq"_L1).toInteger() > 0);
    QCOMPARE(errorCode(bob.request(u"post.get"_s, {{u"postId"_s, bobsSecond}})), u"not_found"_s);

    // Bob is still a plain member.
    QCOMPARE(errorCode(update(bob, adasPost)), u"forbidden"_s);
    QCOMPARE(errorCode(remove(bob, adasPost)), u"forbidden"_s);

    // A new login reports the new role.
    TestClient again;
    QVERIFY(again.open(server.url()));
    const QJsonObject login = again.login(u"ada"_s);
    QVERIFY2(isOk(login), describe(login).constData());
    QCOMPARE(login.value("user"_L1).toObject().value("role"_L1).toString(), u"admin"_s);
}

void tst_Auth::rename()
{
    TestServer server;
    QVERIFY(server.start());
    TestClient ada, bob;
    QVERIFY(ada.open(server.url()));
    QVERIFY(bob.open(server.url()));
    QVERIFY(isOk(ada.registerUser(u"ada"_s)));
    QVERIFY(isOk(bob.registerUser(u"bob"_s)));
    const QJsonObject created
        = ada.request(u"post.create"_s, {{u"title"_s, u"Hello"_s}, {u"content"_s, QString()}});
    QVERIFY2(isOk(created), describe(created).constData());
    const qint64 postId = created.value("post"_L1).toObject().value("id"_L1).toInteger();

    const QJsonObject renamed = ada.request(u"user.rename"_s, {{u"username"_s, u"Ada.L"_s}});
    QVERIFY2(isOk(renamed), describe(renamed).constData());
    const QJsonObject user = renamed.value("user"_L1).toObject();
    QCOMPARE(user.value("id"_L1).toInteger(), ada.userId());
    QCOMPARE(user.value("username"_L1).toString(), u"Ada.L"_s);
    QCOMPARE(user.value("role"_L1).toString(), u"member"_s);
    const qint64 seq = renamed.value("seq"_L1).toInteger();
    QVERIFY(seq > 0);

    const QJsonObject event = bob.waitEventNamed(u"user.renamed"_s);
    QVERIFY2(!event.isEmpty(), "bob got no user.renamed");
    QCOMPARE(event.value("seq"_L1).toInteger(), seq);
    QCOMPARE(event.value("user"_L1).toObject(), user);
    QCOMPARE(ada.waitEventNamed(u"user.renamed"_s).value("seq"_L1).toInteger(), seq);

    const QJsonObject got = bob.request(u"post.get"_s, {{u"postId"_s, postId}});
    QVERIFY2(isOk(got), describe(got).constData());
    QCOMPARE(got.value("post"_L1).toObject().value("author"_L1).toObject(), user);

    // Taken in any case, and invalid names.
    for (const QString &taken : {u"bob"_s, u"BOB"_s, u"Bob"_s}) {
        const QJsonObject reply = ada.request(u"user.rename"_s, {{u"username"_s, taken}});
        QCOMPARE(errorCode(reply), u"conflict"_s);
        QCOMPARE(errorField(reply), u"username"_s);
    }
    for (const QString &invalid : {u"a b"_s, u"x"_s, u"ada@home"_s, u"jörg\U0001F600"_s}) {
        const QJsonObject reply = ada.request(u"user.rename"_s, {{u"username"_s, invalid}});
        QCOMPARE(errorCode(reply), u"invalid"_s);
        QCOMPARE(errorField(reply), u"username"_s);
    }
    const QJsonObject tooLong = ada.request(u"user.rename"_s, {{u"username"_s, QString(33, u'a')}});
    QCOMPARE(errorCode(tooLong), u"too_large"_s);
    QCOMPARE(errorField(tooLong), u"username"_s);

    // Failed renames changed nothing: the name is still Ada.L and no further event was stored.
    const QJsonObject again = bob.request(u"post.get"_s, {{u"postId"_s, postId}});
    QCOMPARE(again.value("post"_L1).toObject().value("author"_L1).toObject(), user);
    const QJsonObject head = bob.request(u"sync"_s, {{u"since"_s, seq}});
    QVERIFY2(isOk(head), describe(head).constData());
    QCOMPARE(head.value("head"_L1).toInteger(), seq);
    QCOMPARE(head.value("events"_L1).toArray().size(), 0);

    // The new name logs in (in any case); the old one no longer does.
    TestClient probe;
    QVERIFY(probe.open(server.url()));
    QCOMPARE(errorCode(probe.login(u"ada"_s)), u"unauthorized"_s);
    const QJsonObject login = probe.login(u"ada.l"_s);
    QVERIFY2(isOk(login), describe(login).constData());
    QCOMPARE(login.value("user"_L1).toObject(), user);
}

QTEST_GUILESS_MAIN(tst_Auth)
#include "tst_auth.moc"
