// What an admin runs from the app (features "admin", "invites", "audit"): disabling and
// enabling accounts, one-time password codes, roles, invites and the audit log, between real
// clients of a real server on loopback with a real SQLite file. Who may send each verb is in
// tst_accounts.

#include "accountfixture.h"
#include "serverwrites.h"
#include "types.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTest>

using namespace Hubbub;
using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Hubbub::Server::Registration)

namespace {

const QString Password = u"correct horse"_s;
const QString NewPassword = u"battery staple"_s;
constexpr int SignedOut = 4001;
constexpr int AccountDisabled = 4003;
constexpr qint64 General = 1; // the channel every new database has
const QString Past = u"2000-01-01T00:00:00.000Z"_s;

QString errorMessage(const QJsonObject &reply)
{
    return objectOf(reply, "error").value("message"_L1).toString();
}

bool isCode(const QString &code)
{
    static const QRegularExpression pattern(
        u"^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$"_s);
    return pattern.match(code).hasMatch();
}

QJsonObject tryLogin(const QUrl &url, const QString &username, const QString &password)
{
    TestClient probe;
    if (!probe.open(url))
        return {};
    return probe.login(username, password);
}

bool tokenWorks(const QUrl &url, const QString &token)
{
    TestClient probe;
    return probe.open(url) && isOk(probe.request(u"auth.token"_s, {{u"token"_s, token}}));
}

//! admin.users' line of that user (empty when not listed).
QJsonObject accountOf(TestClient &admin, qint64 userId)
{
    const QJsonObject reply = admin.request(u"admin.users"_s);
    if (!isOk(reply))
        qWarning("admin.users failed: %s", qPrintable(dump(reply)));
    for (const QJsonValue &line : reply.value("users"_L1).toArray()) {
        if (idOf(objectOf(line.toObject(), "user")) == userId)
            return line.toObject();
    }
    return {};
}

//! hello, then auth.register with an invite (left out when null).
QJsonObject registerWith(TestClient &client, const QString &username, const QJsonValue &invite)
{
    (void)hello(client);
    QJsonObject params {{u"username"_s, username}, {u"password"_s, Password}};
    if (!invite.isNull())
        params.insert(u"invite"_s, invite);
    return client.request(u"auth.register"_s, params);
}

QJsonArray auditOf(TestClient &admin, const QJsonObject &params = {})
{
    const QJsonObject reply = admin.request(u"audit.list"_s, params);
    if (!isOk(reply))
        qWarning("audit.list failed: %s", qPrintable(dump(reply)));
    return reply.value("entries"_L1).toArray();
}

QStringList actionsOf(const QJsonArray &entries)
{
    QStringList actions;
    for (const QJsonValue &entry : entries)
        actions.append(stringOf(entry.toObject(), "action"));
    return actions;
}

qsizetype eventsNamed(const TestClient &client, const QString &name)
{
    return std::count_if(client.events().cbegin(), client.events().cend(),
        [&name](const QJsonObject &event) { return eventName(event) == name; });
}

} // namespace

class tst_Admin : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void disableClosesEveryConnection();
    void enableLetsThemBackIn();
    void disableWhileSigningIn();
    void notOnYourself_data();
    void notOnYourself();

    void resetPassword();
    void resetCodeExpires();

    void roleChange();

    void registrationModes_data();
    void registrationModes();
    void inviteWorksOnce();
    void badInvite_data();
    void badInvite();
    void inviteGuessesAreThrottled();
    void openInvitesAreBounded();

    void auditLog();
    void auditOfModeration();
    void promoteFromCommandLine();

private:
    qint64 miaId() const { return m_f.member->userId(); }

    AdminAndMember m_f;
};

void tst_Admin::init()
{
    QVERIFY(m_f.setUp());
}

void tst_Admin::cleanup()
{
    m_f.tearDown();
}

void tst_Admin::disableClosesEveryConnection()
{
    auto phone = m_f.signIn(u"mia"_s, Password, u"phone/1"_s);
    auto tablet = m_f.signIn(u"mia"_s, Password, u"tablet/1"_s);
    QVERIFY(phone && tablet);
    const QString token = m_f.member->token();

    const QJsonObject reply = m_f.admin->request(u"admin.disable"_s, {{u"userId"_s, miaId()}});
    QVERIFY2(isOk(reply), qPrintable(dump(reply)));
    QCOMPARE(idOf(objectOf(reply, "user")), miaId());
    QCOMPARE(reply.value("disabled"_L1), QJsonValue(true));
    QCOMPARE(intOf(reply, "signedOut"), 3);

    for (TestClient *client : {m_f.member.get(), phone.get(), tablet.get()}) {
        QCOMPARE(closeCodeOf(*client), AccountDisabled);
        QCOMPARE(client->socket().closeReason(), u"account disabled"_s);
    }
    QTRY_VERIFY_WITH_TIMEOUT(hasPresence(*m_f.admin, u"offline"_s, miaId()), 5000);
    QVERIFY(m_f.admin->isConnected());

    TestClient probe;
    QVERIFY(probe.open(m_f.server->url()));
    QCOMPARE(errorCode(probe.request(u"auth.token"_s, {{u"token"_s, token}})), u"unauthorized"_s);
    const QJsonObject right = probe.login(u"mia"_s, Password);
    QCOMPARE(errorCode(right), u"forbidden"_s);
    QCOMPARE(errorMessage(right), u"This account has been disabled; ask an admin."_s);
    QVERIFY(!right.contains("token"_L1));
    const QJsonObject wrong = probe.login(u"mia"_s, u"wrong horse"_s);
    QCOMPARE(errorCode(wrong), u"unauthorized"_s);
    QCOMPARE(errorMessage(wrong), u"Wrong username or password."_s);
    QCOMPARE(errorCode(probe.request(u"feed.page"_s)), u"unauthorized"_s);

    const QJsonObject line = accountOf(*m_f.admin, miaId());
    QCOMPARE(line.value("disabled"_L1), QJsonValue(true));
    QCOMPARE(intOf(line, "sessions"), 0);
    QCOMPARE(line.value("online"_L1), QJsonValue(false));
    const QJsonArray presence = m_f.admin->request(u"presence.list"_s).value("users"_L1).toArray();
    for (const QJsonValue &user : presence)
        QVERIFY(idOf(user.toObject()) != miaId());
}

void tst_Admin::enableLetsThemBackIn()
{
    const QString oldToken = m_f.member->token();
    QVERIFY(isOk(m_f.admin->request(u"admin.disable"_s, {{u"userId"_s, miaId()}})));
    QCOMPARE(closeCodeOf(*m_f.member), AccountDisabled);
    // Again: no change, nothing to sign out, nothing more recorded.
    const QJsonObject again = m_f.admin->request(u"admin.disable"_s, {{u"userId"_s, miaId()}});
    QVERIFY2(isOk(again), qPrintable(dump(again)));
    QCOMPARE(intOf(again, "signedOut"), 0);
    QCOMPARE(actionsOf(auditOf(*m_f.admin)).count(u"disable"_s), 1);

    const QJsonObject enabled = m_f.admin->request(u"admin.enable"_s, {{u"userId"_s, miaId()}});
    QVERIFY2(isOk(enabled), qPrintable(dump(enabled)));
    QCOMPARE(enabled.value("disabled"_L1), QJsonValue(false));
    QCOMPARE(intOf(enabled, "signedOut"), 0);
    QCOMPARE(accountOf(*m_f.admin, miaId()).value("disabled"_L1), QJsonValue(false));

    auto back = m_f.signIn(u"mia"_s);
    QVERIFY(back);
    QVERIFY(isOk(back->request(u"feed.page"_s)));
    // The sessions ended by the disable stay ended.
    QVERIFY(!tokenWorks(m_f.server->url(), oldToken));
    QCOMPARE(actionsOf(auditOf(*m_f.admin)).mid(0, 2), (QStringList {u"enable"_s, u"disable"_s}));
}

void tst_Admin::disableWhileSigningIn()
{
    // The password of a login takes a while to verify (at the shipped cost, for a real window);
    // a disable that commits meanwhile must not be undone by the session the login then starts.
    // Whichever comes first, she is not signed in once both have answered.
    Server::Passwords::setCost(Server::Passwords::Cost::Interactive);
    const auto restore
        = qScopeGuard([] { Server::Passwords::setCost(Server::Passwords::Cost::Minimum); });
    TestClient ida;
    QVERIFY(ida.open(m_f.server->url()));
    QVERIFY(isOk(ida.registerUser(u"ida"_s, Password)));
    TestClient phone;
    QVERIFY(phone.open(m_f.server->url()));
    QVERIFY(isOk(hello(phone, u"phone/1"_s)));
    const qint64 login
        = phone.send(u"auth.login"_s, {{u"username"_s, u"ida"_s}, {u"password"_s, Password}});
    const QJsonObject disabled
        = m_f.admin->request(u"admin.disable"_s, {{u"userId"_s, ida.userId()}});
    QVERIFY2(isOk(disabled), qPrintable(dump(disabled)));
    const QJsonObject reply = phone.waitReply(login);
    if (isOk(reply)) { // the login committed first: the disable closed it
        QCOMPARE(closeCodeOf(phone), AccountDisabled);
    } else {
        QCOMPARE(errorCode(reply), u"forbidden"_s);
        QVERIFY(phone.isConnected());
        QCOMPARE(errorCode(phone.request(u"feed.page"_s)), u"unauthorized"_s);
    }
    QVERIFY(!isOk(reply) || !tokenWorks(m_f.server->url(), stringOf(reply, "token")));
    const QJsonObject line = accountOf(*m_f.admin, ida.userId());
    QCOMPARE(intOf(line, "sessions"), 0);
    QCOMPARE(line.value("online"_L1), QJsonValue(false));
}

void tst_Admin::notOnYourself_data()
{
    QTest::addColumn<QString>("verb");
    QTest::addColumn<QJsonObject>("params"); // userId is the admin's own, added when it runs
    QTest::addRow("disable") << u"admin.disable"_s << QJsonObject();
    QTest::addRow("reset password") << u"admin.reset_password"_s << QJsonObject();
    QTest::addRow("demote") << u"admin.role"_s << QJsonObject {{u"role"_s, u"member"_s}};
}

void tst_Admin::notOnYourself()
{
    QFETCH(QString, verb);
    QFETCH(QJsonObject, params);
    params.insert(u"userId"_s, m_f.admin->userId());
    const QString before = accountState(m_f.server->databasePath());
    const QJsonObject reply = m_f.admin->request(verb, params);
    QCOMPARE(errorCode(reply), u"forbidden"_s);
    QCOMPARE(errorField(reply), u"userId"_s);
    QVERIFY(!reply.contains("code"_L1));
    QCOMPARE(accountState(m_f.server->databasePath()), before);
    QVERIFY(m_f.admin->isConnected());
    QVERIFY(isOk(m_f.admin->request(u"admin.users"_s)));
    QVERIFY(isOk(tryLogin(m_f.server->url(), u"root"_s, Password)));
}

void tst_Admin::resetPassword()
{
    auto phone = m_f.signIn(u"mia"_s, Password, u"phone/1"_s);
    QVERIFY(phone);
    const QJsonObject reset
        = m_f.admin->request(u"admin.reset_password"_s, {{u"userId"_s, miaId()}});
    QVERIFY2(isOk(reset), qPrintable(dump(reset)));
    QCOMPARE(idOf(objectOf(reset, "user")), miaId());
    const QString code = stringOf(reset, "code");
    QVERIFY2(isCode(code), qPrintable(code));
    const qint64 validFor
        = QDateTime::currentDateTimeUtc().secsTo(parseTimestamp(stringOf(reset, "expiresAt")));
    QVERIFY2(validFor > 24 * 3600 - 120 && validFor <= 24 * 3600, qPrintable(dump(reset)));

    QCOMPARE(closeCodeOf(*m_f.member), SignedOut);
    QCOMPARE(closeCodeOf(*phone), SignedOut);
    QVERIFY(!tokenWorks(m_f.server->url(), phone->token()));
    QCOMPARE(accountOf(*m_f.admin, miaId()).value("mustChangePassword"_L1), QJsonValue(true));
    QCOMPARE(errorCode(tryLogin(m_f.server->url(), u"mia"_s, Password)), u"unauthorized"_s);
    // A code of the right shape but not hers does not use hers up.
    QCOMPARE(errorCode(tryLogin(m_f.server->url(), u"mia"_s, u"0000-0000-0000-0000"_s)),
        u"unauthorized"_s);

    TestClient fresh;
    QVERIFY(fresh.open(m_f.server->url()));
    QVERIFY(isOk(hello(fresh, u"desk/1"_s)));
    const QJsonObject signedIn = fresh.login(u"mia"_s, code.toLower().remove(u'-'));
    QVERIFY2(isOk(signedIn), qPrintable(dump(signedIn)));
    QCOMPARE(signedIn.value("mustChangePassword"_L1), QJsonValue(true));
    // Not used up by signing in: a client that cannot choose a password (one that knows only
    // protocol v1) leaves the code for the next attempt. It is used up by the password.
    const QJsonObject twice = tryLogin(m_f.server->url(), u"mia"_s, code);
    QVERIFY2(isOk(twice), qPrintable(dump(twice)));
    QCOMPARE(twice.value("mustChangePassword"_L1), QJsonValue(true));

    // Until a password is chosen, only hello, auth.*, ping and account.password pass.
    for (const QString &verb : {u"feed.page"_s, u"session.list"_s, u"presence.list"_s}) {
        const QJsonObject refused = fresh.request(verb);
        QCOMPARE(errorCode(refused), u"forbidden"_s);
        QCOMPARE(errorMessage(refused),
            u"You signed in with a one-time code: choose a new password first."_s);
    }
    QCOMPARE(
        errorCode(fresh.request(u"chat.send"_s, {{u"channelId"_s, General}, {u"text"_s, u"hi"_s}})),
        u"forbidden"_s);
    QVERIFY(isOk(fresh.request(u"ping"_s)));
    QVERIFY(isOk(hello(fresh, u"desk/1"_s)));
    TestClient resumed;
    QVERIFY(resumed.open(m_f.server->url()));
    const QJsonObject token = resumed.request(u"auth.token"_s, {{u"token"_s, fresh.token()}});
    QVERIFY2(isOk(token), qPrintable(dump(token)));
    QCOMPARE(token.value("mustChangePassword"_L1), QJsonValue(true));
    QCOMPARE(errorCode(resumed.request(u"feed.page"_s)), u"forbidden"_s);

    const QJsonObject chosen
        = fresh.request(u"account.password"_s, {{u"newPassword"_s, NewPassword}});
    QVERIFY2(isOk(chosen), qPrintable(dump(chosen)));
    QCOMPARE(intOf(chosen, "signedOut"), 1); // the second sign-in's session
    QCOMPARE(errorCode(tryLogin(m_f.server->url(), u"mia"_s, code)), u"unauthorized"_s);
    // Everything works at once, on both connections of that session.
    QVERIFY(isOk(fresh.request(u"feed.page"_s)));
    QVERIFY(isOk(fresh.request(u"chat.send"_s, {{u"channelId"_s, General}, {u"text"_s, u"hi"_s}})));
    QVERIFY(isOk(resumed.request(u"feed.page"_s)));
    const QJsonObject again = tryLogin(m_f.server->url(), u"mia"_s, NewPassword);
    QVERIFY2(isOk(again), qPrintable(dump(again)));
    QVERIFY(!again.contains("mustChangePassword"_L1));
    TestClient later;
    QVERIFY(later.open(m_f.server->url()));
    const QJsonObject resumedLater = later.request(u"auth.token"_s, {{u"token"_s, fresh.token()}});
    QVERIFY(isOk(resumedLater));
    QVERIFY(!resumedLater.contains("mustChangePassword"_L1));
    QCOMPARE(accountOf(*m_f.admin, miaId()).value("mustChangePassword"_L1), QJsonValue(false));
    QCOMPARE(errorCode(tryLogin(m_f.server->url(), u"mia"_s, code)), u"unauthorized"_s);
    QCOMPARE(errorCode(tryLogin(m_f.server->url(), u"mia"_s, Password)), u"unauthorized"_s);
}

void tst_Admin::resetCodeExpires()
{
    const QJsonObject reset
        = m_f.admin->request(u"admin.reset_password"_s, {{u"userId"_s, miaId()}});
    QVERIFY2(isOk(reset), qPrintable(dump(reset)));
    // A session started with the code while it was valid...
    TestClient early;
    QVERIFY(early.open(m_f.server->url()));
    QVERIFY(isOk(early.login(u"mia"_s, stringOf(reset, "code"))));
    QVERIFY(changeStored(
        *m_f.server, u"UPDATE users SET code_expires_at = ? WHERE id = ?"_s, {Past, miaId()}));
    const QJsonObject late = tryLogin(m_f.server->url(), u"mia"_s, stringOf(reset, "code"));
    QCOMPARE(errorCode(late), u"unauthorized"_s);
    QCOMPARE(errorField(late), u"code"_s);
    QVERIFY2(errorMessage(late).contains(u"expired"_s), qPrintable(dump(late)));
    QVERIFY(!late.contains("token"_L1));
    // ...cannot choose a password once it has expired: the code is not a 30-day credential.
    const QJsonObject choose
        = early.request(u"account.password"_s, {{u"newPassword"_s, u"too late for this"_s}});
    QCOMPARE(errorCode(choose), u"unauthorized"_s);
    QCOMPARE(errorField(choose), u"code"_s);
    QCOMPARE(errorCode(tryLogin(m_f.server->url(), u"mia"_s, u"too late for this"_s)),
        u"unauthorized"_s);
}

void tst_Admin::roleChange()
{
    TestClient observer;
    QVERIFY(observer.open(m_f.server->url()));
    QVERIFY(isOk(observer.registerUser(u"ned"_s)));
    QCOMPARE(errorCode(m_f.member->request(u"admin.users"_s)), u"forbidden"_s);

    const QJsonObject promoted
        = m_f.admin->request(u"admin.role"_s, {{u"userId"_s, miaId()}, {u"role"_s, u"admin"_s}});
    QVERIFY2(isOk(promoted), qPrintable(dump(promoted)));
    QCOMPARE(stringOf(objectOf(promoted, "user"), "role"), u"admin"_s);
    const qint64 seq = seqOf(promoted);
    QVERIFY(seq > 0);
    const QJsonObject event = observer.waitEvent([this](const QJsonObject &e) {
        return eventName(e) == u"user.updated" && idOf(objectOf(e, "user")) == miaId();
    });
    QVERIFY2(!event.isEmpty(), "ned got no user.updated");
    QCOMPARE(seqOf(event), seq);
    QCOMPARE(objectOf(event, "user"), objectOf(promoted, "user"));
    // An admin at once, on the connection she already had.
    QVERIFY(isOk(m_f.member->request(u"admin.users"_s)));

    // Unchanged: the user, no new event.
    const QJsonObject same
        = m_f.admin->request(u"admin.role"_s, {{u"userId"_s, miaId()}, {u"role"_s, u"admin"_s}});
    QVERIFY2(isOk(same), qPrintable(dump(same)));
    QCOMPARE(stringOf(objectOf(same, "user"), "role"), u"admin"_s);
    QVERIFY(!same.contains("seq"_L1));
    const QJsonObject head = observer.request(u"sync"_s, {{u"since"_s, seq}});
    QCOMPARE(intOf(head, "head"), seq);
    QCOMPARE(head.value("events"_L1).toArray().size(), 0);
    QCOMPARE(eventsNamed(observer, u"user.updated"_s), 1);

    // Nobody takes away their own rights; another admin may.
    const QJsonObject selfDemote
        = m_f.member->request(u"admin.role"_s, {{u"userId"_s, miaId()}, {u"role"_s, u"member"_s}});
    QCOMPARE(errorCode(selfDemote), u"forbidden"_s);
    QCOMPARE(errorField(selfDemote), u"userId"_s);
    QVERIFY(isOk(m_f.member->request(u"admin.users"_s)));
    const QJsonObject invalid
        = m_f.admin->request(u"admin.role"_s, {{u"userId"_s, miaId()}, {u"role"_s, u"root"_s}});
    QCOMPARE(errorCode(invalid), u"invalid"_s);
    QCOMPARE(errorField(invalid), u"role"_s);
    const QJsonObject demoted
        = m_f.admin->request(u"admin.role"_s, {{u"userId"_s, miaId()}, {u"role"_s, u"member"_s}});
    QVERIFY2(isOk(demoted), qPrintable(dump(demoted)));
    QCOMPARE(stringOf(objectOf(demoted, "user"), "role"), u"member"_s);
    QVERIFY(seqOf(demoted) > seq);
    QCOMPARE(errorCode(m_f.member->request(u"admin.users"_s)), u"forbidden"_s);
    QVERIFY(!observer
                 .waitEvent([&demoted](const QJsonObject &e) {
                     return eventName(e) == u"user.updated" && seqOf(e) == seqOf(demoted);
                 })
                 .isEmpty());
    // A new sign-in reports the role as stored.
    const QJsonObject login = tryLogin(m_f.server->url(), u"mia"_s, Password);
    QCOMPARE(stringOf(objectOf(login, "user"), "role"), u"member"_s);
}

void tst_Admin::registrationModes_data()
{
    QTest::addColumn<Server::Registration>("mode");
    QTest::addColumn<QString>("announced");
    QTest::addColumn<bool>("withoutInvite");
    QTest::addColumn<bool>("withInvite");
    QTest::addRow("open") << Server::Registration::Open << u"open"_s << true << true;
    QTest::addRow("invite") << Server::Registration::Invite << u"invite"_s << false << true;
    QTest::addRow("closed") << Server::Registration::Closed << u"closed"_s << false << false;
}

void tst_Admin::registrationModes()
{
    QFETCH(Server::Registration, mode);
    QFETCH(QString, announced);
    QFETCH(bool, withoutInvite);
    QFETCH(bool, withInvite);
    if (mode != Server::Registration::Open)
        QVERIFY(m_f.restartWith(mode));
    const QJsonObject created = m_f.admin->request(u"invite.create"_s);
    QVERIFY2(isOk(created), qPrintable(dump(created)));

    TestClient plain;
    QVERIFY(plain.open(m_f.server->url()));
    const QJsonObject greeting = hello(plain);
    QCOMPARE(stringOf(greeting, "registration"), announced);
    const QJsonArray features = greeting.value("features"_L1).toArray();
    for (const char *feature : {"accounts", "admin", "invites", "audit"})
        QVERIFY2(features.contains(QString::fromLatin1(feature)), feature);

    const QJsonObject first = registerWith(plain, u"nia"_s, QJsonValue());
    QCOMPARE(isOk(first), withoutInvite);
    if (mode == Server::Registration::Invite)
        QCOMPARE(errorField(first), u"invite"_s);
    if (!withoutInvite)
        QCOMPARE(errorCode(first), u"forbidden"_s);
    TestClient invited;
    QVERIFY(invited.open(m_f.server->url()));
    const QJsonObject second = registerWith(invited, u"ole"_s, stringOf(created, "code"));
    QCOMPARE(isOk(second), withInvite);
    QCOMPARE(storedRows(m_f.server->databasePath(), u"users"_s),
        2 + int(withoutInvite) + int(withInvite));
    // Only a server that asks for invites uses them up.
    const QJsonObject invite
        = m_f.admin->request(u"invite.list"_s).value("invites"_L1).toArray().first().toObject();
    QCOMPARE(invite.value("usedBy"_L1).isNull(), mode != Server::Registration::Invite);
}

void tst_Admin::inviteWorksOnce()
{
    QVERIFY(m_f.restartWith(Server::Registration::Invite));
    const QJsonObject created = m_f.admin->request(u"invite.create"_s, {{u"expiresInHours"_s, 2}});
    QVERIFY2(isOk(created), qPrintable(dump(created)));
    const QString code = stringOf(created, "code");
    QVERIFY2(isCode(code), qPrintable(code));
    const QJsonObject invite = objectOf(created, "invite");
    QVERIFY(idOf(invite) > 0);
    QCOMPARE(idOf(objectOf(invite, "createdBy")), m_f.admin->userId());
    QCOMPARE(parseTimestamp(stringOf(invite, "createdAt"))
                 .secsTo(parseTimestamp(stringOf(invite, "expiresAt"))),
        2 * 3600);
    QVERIFY(invite.value("usedBy"_L1).isNull());
    QVERIFY(invite.value("usedAt"_L1).isNull());

    // A name already taken: the failed attempt does not use the invite up.
    TestClient taken;
    QVERIFY(taken.open(m_f.server->url()));
    QCOMPARE(errorCode(registerWith(taken, u"MIA"_s, code)), u"conflict"_s);

    TestClient nia;
    QVERIFY(nia.open(m_f.server->url()));
    const QJsonObject registered = registerWith(nia, u"nia"_s, code.toLower());
    QVERIFY2(isOk(registered), qPrintable(dump(registered)));
    const qint64 niaId = idOf(objectOf(registered, "user"));
    QVERIFY(isOk(nia.request(u"feed.page"_s)));

    TestClient ole;
    QVERIFY(ole.open(m_f.server->url()));
    const QJsonObject reused = registerWith(ole, u"ole"_s, code);
    QCOMPARE(errorCode(reused), u"forbidden"_s);
    QCOMPARE(errorField(reused), u"invite"_s);
    QCOMPARE(storedRows(m_f.server->databasePath(), u"users"_s), 3);

    const QJsonObject listed = m_f.admin->request(u"invite.list"_s);
    QVERIFY2(isOk(listed), qPrintable(dump(listed)));
    QVERIFY2(!dump(listed).contains(code), "invite.list shows a code again");
    const QJsonObject used = listed.value("invites"_L1).toArray().first().toObject();
    QCOMPARE(idOf(used), idOf(invite));
    QCOMPARE(idOf(objectOf(used, "usedBy")), niaId);
    QVERIFY(parseTimestamp(stringOf(used, "usedAt")).isValid());
    // A used invite cannot be withdrawn.
    const QJsonObject revoke
        = m_f.admin->request(u"invite.revoke"_s, {{u"inviteId"_s, idOf(invite)}});
    QCOMPARE(errorCode(revoke), u"not_found"_s);
    QCOMPARE(errorField(revoke), u"inviteId"_s);
}

void tst_Admin::badInvite_data()
{
    QTest::addColumn<QString>("kind");
    for (const char *kind : {"missing", "empty", "not a code", "unknown", "used", "revoked",
             "expired", "a one-time password code"})
        QTest::addRow("%s", kind) << QString::fromLatin1(kind);
}

void tst_Admin::badInvite()
{
    QFETCH(QString, kind);
    QVERIFY(m_f.restartWith(Server::Registration::Invite));
    const QJsonObject created = m_f.admin->request(u"invite.create"_s);
    QVERIFY2(isOk(created), qPrintable(dump(created)));
    const qint64 inviteId = idOf(objectOf(created, "invite"));
    QJsonValue invite = stringOf(created, "code");
    if (kind == u"missing") {
        invite = QJsonValue();
    } else if (kind == u"empty") {
        invite = u"  "_s;
    } else if (kind == u"not a code") {
        invite = u"let me in"_s;
    } else if (kind == u"unknown") {
        invite = u"ABCD-EFGH-JKMN-PQRS"_s;
    } else if (kind == u"used") {
        TestClient first;
        QVERIFY(first.open(m_f.server->url()));
        QVERIFY(isOk(registerWith(first, u"first"_s, invite)));
    } else if (kind == u"revoked") {
        QVERIFY(isOk(m_f.admin->request(u"invite.revoke"_s, {{u"inviteId"_s, inviteId}})));
    } else if (kind == u"expired") {
        QVERIFY(changeStored(
            *m_f.server, u"UPDATE invites SET expires_at = ? WHERE id = ?"_s, {Past, inviteId}));
    } else if (kind == u"a one-time password code") {
        const QJsonObject reset
            = m_f.admin->request(u"admin.reset_password"_s, {{u"userId"_s, miaId()}});
        QVERIFY(isOk(reset));
        invite = stringOf(reset, "code");
    }
    const QString before = accountState(m_f.server->databasePath());

    TestClient client;
    QVERIFY(client.open(m_f.server->url()));
    const QJsonObject reply = registerWith(client, u"nia"_s, invite);
    QCOMPARE(errorCode(reply), u"forbidden"_s);
    QCOMPARE(errorField(reply), u"invite"_s);
    QVERIFY(!reply.contains("token"_L1));
    QCOMPARE(accountState(m_f.server->databasePath()), before);
    QCOMPARE(errorCode(client.request(u"feed.page"_s)), u"unauthorized"_s);
    QCOMPARE(errorCode(tryLogin(m_f.server->url(), u"nia"_s, Password)), u"unauthorized"_s);
}

void tst_Admin::inviteGuessesAreThrottled()
{
    QVERIFY(m_f.restartWith(Server::Registration::Invite));
    const QJsonObject created = m_f.admin->request(u"invite.create"_s);
    QVERIFY(isOk(created));
    TestClient guesser;
    QVERIFY(guesser.open(m_f.server->url()));
    for (int i = 0; i < 20; ++i) {
        const QJsonObject wrong
            = registerWith(guesser, u"nia"_s, u"ABCD-EFGH-JKMN-%1"_s.arg(2000 + i));
        QVERIFY2(errorCode(wrong) == u"forbidden", qPrintable(dump(wrong)));
    }
    // The address is over its limit: not even the right code is looked at now.
    const QJsonObject limited = registerWith(guesser, u"nia"_s, stringOf(created, "code"));
    QCOMPARE(errorCode(limited), u"rate_limited"_s);
    QCOMPARE(storedRows(m_f.server->databasePath(), u"users"_s), 2);
    const QJsonArray invites = m_f.admin->request(u"invite.list"_s).value("invites"_L1).toArray();
    QVERIFY(invites.first().toObject().value("usedBy"_L1).isNull());
}

void tst_Admin::openInvitesAreBounded()
{
    // At most 1,000 invites wait to be used; those already used (kept 30 days for the list)
    // do not count, or a busy month would stop every admin from inviting anyone.
    const QString now = formatTimestamp(QDateTime::currentDateTimeUtc());
    const QString later = formatTimestamp(QDateTime::currentDateTimeUtc().addDays(7));
    const auto bulk = [&](int count, const QVariant &usedBy) {
        // PostgreSQL has no randomblob() and needs the types of the values it selects.
        return changeStored(*m_f.server,
            m_f.server->isPostgres()
                ? u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1) "
                  "INSERT INTO invites (code_hash, created_by, created_at, expires_at, used_by, "
                  "used_at) SELECT sha256(convert_to(random()::text || i, 'UTF8')), ?::bigint, "
                  "?::text, ?::text, ?::bigint, ?::text FROM n"_s.arg(count)
                : u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1) "
                  "INSERT INTO invites (code_hash, created_by, created_at, expires_at, used_by, "
                  "used_at) SELECT randomblob(32), ?, ?, ?, ?, ? FROM n"_s.arg(count),
            {m_f.admin->userId(), now, later, usedBy, usedBy.isNull() ? QVariant() : now});
    };
    QVERIFY(bulk(1000, miaId()));
    const QJsonObject afterUsed = m_f.admin->request(u"invite.create"_s);
    QVERIFY2(isOk(afterUsed), qPrintable(dump(afterUsed)));

    QVERIFY(bulk(998, QVariant()));
    QVERIFY(isOk(m_f.admin->request(u"invite.create"_s))); // the 1,000th open one
    const QString before = accountState(m_f.server->databasePath());
    const QJsonObject full = m_f.admin->request(u"invite.create"_s);
    QCOMPARE(errorCode(full), u"too_large"_s);
    QVERIFY(!full.contains("code"_L1));
    QCOMPARE(accountState(m_f.server->databasePath()), before);
    // Withdrawing one makes room for one.
    QVERIFY(isOk(m_f.admin->request(
        u"invite.revoke"_s, {{u"inviteId"_s, idOf(objectOf(afterUsed, "invite"))}})));
    QVERIFY(isOk(m_f.admin->request(u"invite.create"_s)));
    QCOMPARE(m_f.admin->request(u"invite.list"_s).value("invites"_L1).toArray().size(), 1000);
}

void tst_Admin::auditLog()
{
    const qint64 root = m_f.admin->userId();
    const auto run = [this](const QString &verb, const QJsonObject &params) {
        const QJsonObject reply = m_f.admin->request(verb, params);
        if (!isOk(reply))
            qWarning("%s failed: %s", qPrintable(verb), qPrintable(dump(reply)));
        return reply;
    };
    run(u"admin.role"_s, {{u"userId"_s, miaId()}, {u"role"_s, u"admin"_s}});
    run(u"admin.role"_s, {{u"userId"_s, miaId()}, {u"role"_s, u"member"_s}});
    run(u"admin.disable"_s, {{u"userId"_s, miaId()}});
    run(u"admin.enable"_s, {{u"userId"_s, miaId()}});
    const QJsonObject reset = run(u"admin.reset_password"_s, {{u"userId"_s, miaId()}});
    const QJsonObject invite = run(u"invite.create"_s, {{u"expiresInHours"_s, 5}});
    const qint64 inviteId = idOf(objectOf(invite, "invite"));
    run(u"invite.revoke"_s, {{u"inviteId"_s, inviteId}});

    const QJsonObject all = m_f.admin->request(u"audit.list"_s);
    QVERIFY2(isOk(all), qPrintable(dump(all)));
    QCOMPARE(all.value("more"_L1), QJsonValue(false));
    const QJsonArray entries = all.value("entries"_L1).toArray();
    QCOMPARE(actionsOf(entries),
        (QStringList {u"invite.revoke"_s, u"invite.create"_s, u"reset_password"_s, u"enable"_s,
            u"disable"_s, u"role"_s, u"role"_s, u"role"_s}));
    // What each says: who, to whom, with what.
    const QList<qint64> targets {0, 0, miaId(), miaId(), miaId(), miaId(), miaId(), root};
    const QList<QJsonObject> details {
        {{u"inviteId"_s, inviteId}},
        {{u"inviteId"_s, inviteId},
            {u"expiresAt"_s, stringOf(objectOf(invite, "invite"), "expiresAt")}},
        {{u"expiresAt"_s, stringOf(reset, "expiresAt")}},
        {},
        {},
        {{u"role"_s, u"member"_s}},
        {{u"role"_s, u"admin"_s}},
        {{u"role"_s, u"admin"_s}},
    };
    qint64 previousId = std::numeric_limits<qint64>::max();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject entry = entries.at(i).toObject();
        QVERIFY2(idOf(entry) < previousId, "not newest first");
        previousId = idOf(entry);
        QVERIFY(parseTimestamp(stringOf(entry, "at")).isValid());
        if (i + 1 < entries.size())
            QCOMPARE(idOf(objectOf(entry, "actor")), root);
        else // `hubbub-server --promote`: the operator, no account
            QVERIFY2(entry.value("actor"_L1).isNull(), qPrintable(dump(entry)));
        if (targets.at(i) == 0)
            QVERIFY2(entry.value("target"_L1).isNull(), qPrintable(dump(entry)));
        else
            QCOMPARE(idOf(objectOf(entry, "target")), targets.at(i));
        QCOMPARE(objectOf(entry, "detail"), details.at(i));
    }
    QCOMPARE(stringOf(objectOf(entries.at(2).toObject(), "target"), "username"), u"mia"_s);
    QVERIFY2(!dump(entries).contains(stringOf(reset, "code")), "the audit log shows a code");

    // Pages of three, by `before`, add up to the whole.
    QJsonArray paged;
    QJsonObject params {{u"limit"_s, 3}};
    QList<bool> more;
    for (int page = 0; page < 5; ++page) {
        const QJsonObject reply = m_f.admin->request(u"audit.list"_s, params);
        QVERIFY2(isOk(reply), qPrintable(dump(reply)));
        const QJsonArray part = reply.value("entries"_L1).toArray();
        QVERIFY(part.size() <= 3);
        for (const QJsonValue &entry : part)
            paged.append(entry);
        more.append(reply.value("more"_L1).toBool());
        if (!more.constLast())
            break;
        params.insert(u"before"_s, idOf(part.last().toObject()));
    }
    QCOMPARE(more, (QList<bool> {true, true, false}));
    QCOMPARE(paged, entries);
    QCOMPARE(auditOf(*m_f.admin, {{u"before"_s, idOf(entries.last().toObject())}}).size(), 0);
    QCOMPARE(auditOf(*m_f.admin, {{u"limit"_s, 1}}).first().toObject(), entries.first().toObject());
}

void tst_Admin::auditOfModeration()
{
    TestClient &mia = *m_f.member;
    TestClient &root = *m_f.admin;
    const auto post = [](TestClient &client, const QString &title) {
        return idOf(objectOf(
            client.request(u"post.create"_s, {{u"title"_s, title}, {u"content"_s, u"body"_s}}),
            "post"));
    };
    const auto message = [](TestClient &client, const QString &text) {
        return idOf(
            objectOf(client.request(u"chat.send"_s, {{u"channelId"_s, General}, {u"text"_s, text}}),
                "message"));
    };
    const qint64 edited = post(mia, u"one"_s);
    const qint64 deleted = post(mia, u"two"_s);
    const qint64 own = post(mia, u"three"_s);
    const qint64 rootsPost = post(root, u"root's"_s);
    const qint64 editedMessage = message(mia, u"hello"_s);
    const qint64 deletedMessage = message(mia, u"hello again"_s);
    const qint64 ownMessage = message(mia, u"mine"_s);
    QVERIFY(edited && deleted && own && rootsPost && editedMessage && deletedMessage && ownMessage);
    const qsizetype before = auditOf(root).size();

    // Changes to one's own entries are nobody's business.
    QVERIFY(isOk(mia.request(
        u"post.update"_s, {{u"postId"_s, own}, {u"title"_s, u"3"_s}, {u"content"_s, u"x"_s}})));
    QVERIFY(isOk(mia.request(u"post.delete"_s, {{u"postId"_s, own}})));
    QVERIFY(isOk(mia.request(u"chat.edit"_s, {{u"messageId"_s, ownMessage}, {u"text"_s, u"m"_s}})));
    QVERIFY(isOk(mia.request(u"chat.delete"_s, {{u"messageId"_s, ownMessage}})));
    // A refused change records nothing either.
    QCOMPARE(errorCode(mia.request(u"post.delete"_s, {{u"postId"_s, rootsPost}})), u"forbidden"_s);
    QVERIFY(isOk(root.request(u"post.delete"_s, {{u"postId"_s, rootsPost}})));
    QCOMPARE(auditOf(root).size(), before);

    QVERIFY(isOk(root.request(u"post.update"_s,
        {{u"postId"_s, edited}, {u"title"_s, u"moderated"_s}, {u"content"_s, u"x"_s}})));
    QVERIFY(isOk(root.request(u"post.delete"_s, {{u"postId"_s, deleted}})));
    QVERIFY(isOk(root.request(
        u"chat.edit"_s, {{u"messageId"_s, editedMessage}, {u"text"_s, u"moderated"_s}})));
    QVERIFY(isOk(root.request(u"chat.delete"_s, {{u"messageId"_s, deletedMessage}})));

    const QJsonArray entries = auditOf(root);
    QCOMPARE(entries.size(), before + 4);
    QCOMPARE(actionsOf(entries).mid(0, 4),
        (QStringList {u"chat.delete"_s, u"chat.edit"_s, u"post.delete"_s, u"post.update"_s}));
    const QList<QJsonObject> details {
        {{u"messageId"_s, deletedMessage}, {u"channelId"_s, General}},
        {{u"messageId"_s, editedMessage}, {u"channelId"_s, General}},
        {{u"postId"_s, deleted}},
        {{u"postId"_s, edited}},
    };
    for (int i = 0; i < 4; ++i) {
        const QJsonObject entry = entries.at(i).toObject();
        QCOMPARE(idOf(objectOf(entry, "actor")), root.userId());
        QCOMPARE(idOf(objectOf(entry, "target")), mia.userId()); // the author
        QCOMPARE(objectOf(entry, "detail"), details.at(i));
    }
}

void tst_Admin::promoteFromCommandLine()
{
#ifndef HUBBUB_SERVER_BINARY
    QSKIP("built without the hubbub-server target");
#else
    const QString binary = QStringLiteral(HUBBUB_SERVER_BINARY);
    if (!QFileInfo::exists(binary))
        QSKIP("hubbub-server is not built");
    // On the database of the running server, as docs/operations.md allows.
    QProcess promote;
    promote.start(binary,
        {u"--db"_s,
            m_f.server->isPostgres() ? m_f.server->config().databaseUrl
                                     : m_f.server->databasePath(),
            u"--promote"_s, u"MIA"_s});
    QVERIFY(promote.waitForFinished(30000));
    QCOMPARE(promote.exitStatus(), QProcess::NormalExit);
    QVERIFY2(promote.exitCode() == 0, promote.readAllStandardError().constData());

    const QJsonObject newest = auditOf(*m_f.admin, {{u"limit"_s, 1}}).first().toObject();
    QCOMPARE(stringOf(newest, "action"), u"role"_s);
    QVERIFY2(newest.value("actor"_L1).isNull(), qPrintable(dump(newest)));
    QCOMPARE(idOf(objectOf(newest, "target")), miaId());
    QCOMPARE(objectOf(newest, "detail"), (QJsonObject {{u"role"_s, u"admin"_s}}));
    QVERIFY(isOk(m_f.member->request(u"admin.users"_s)));
#endif
}

QTEST_GUILESS_MAIN(tst_Admin)
#include "tst_admin.moc"
