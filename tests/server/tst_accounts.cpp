// A user's own account (feature "accounts": account.password, session.*) and who may send
// each verb of issue 13 part "accounts" at all: a real server on loopback, real WebSocket
// clients, a real SQLite file. The admin's verbs themselves are in tst_admin.

#include "accountfixture.h"
#include "messagetype.h"
#include "types.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Hubbub;
using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

namespace {

const QString Password = u"correct horse"_s;
const QString NewPassword = u"battery staple"_s;
constexpr int SignedOut = 4001;

QString errorMessage(const QJsonObject &reply)
{
    return objectOf(reply, "error").value("message"_L1).toString();
}

//! The sessions of session.list; empty (with a warning) when it fails.
QJsonArray sessionsOf(TestClient &client)
{
    const QJsonObject reply = client.request(u"session.list"_s);
    if (!isOk(reply))
        qWarning("session.list failed: %s", qPrintable(dump(reply)));
    return reply.value("sessions"_L1).toArray();
}

//! The session of session.list whose `client` is this one (empty when none is).
QJsonObject sessionWithClient(const QJsonArray &sessions, const QString &client)
{
    for (const QJsonValue &session : sessions) {
        if (stringOf(session.toObject(), "client") == client)
            return session.toObject();
    }
    return {};
}

//! Whether `token` still signs in, on a connection of its own.
bool tokenWorks(const QUrl &url, const QString &token)
{
    TestClient probe;
    if (!probe.open(url))
        return false;
    return isOk(probe.request(u"auth.token"_s, {{u"token"_s, token}}));
}

//! Whether `username` / `password` signs in, on a connection of its own.
QJsonObject tryLogin(const QUrl &url, const QString &username, const QString &password)
{
    TestClient probe;
    if (!probe.open(url))
        return {};
    return probe.login(username, password);
}

//! A verb of issue 13 part "accounts" with parameters that make it succeed for an admin.
//! "$member", "$other" (the other one of admin and member), "$invite" (an open invite) and
//! "$session" (another signed-in device of the caller) are filled in when a row runs.
struct VerbRow
{
    const char *verb;
    QJsonObject params;
    bool adminOnly;
};

QList<VerbRow> verbRows()
{
    return {
        {"account.password", {{u"password"_s, Password}, {u"newPassword"_s, NewPassword}}, false},
        {"session.list", {}, false},
        {"session.revoke", {{u"sessionId"_s, u"$session"_s}}, false},
        {"session.revoke_all", {}, false},
        {"admin.users", {}, true},
        // For the member this is promoting herself.
        {"admin.role", {{u"userId"_s, u"$member"_s}, {u"role"_s, u"admin"_s}}, true},
        {"admin.disable", {{u"userId"_s, u"$other"_s}}, true},
        {"admin.enable", {{u"userId"_s, u"$other"_s}}, true},
        {"admin.reset_password", {{u"userId"_s, u"$other"_s}}, true},
        {"invite.create", {{u"expiresInHours"_s, 24}}, true},
        {"invite.list", {}, true},
        {"invite.revoke", {{u"inviteId"_s, u"$invite"_s}}, true},
        {"audit.list", {{u"limit"_s, 10}}, true},
    };
}

void addVerbRows()
{
    QTest::addColumn<QString>("verb");
    QTest::addColumn<QJsonObject>("params");
    QTest::addColumn<bool>("adminOnly");
    for (const VerbRow &row : verbRows())
        QTest::addRow("%s", row.verb)
            << QString::fromLatin1(row.verb) << row.params << row.adminOnly;
}

} // namespace

class tst_Accounts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void everyNewVerbHasARow();
    void beforeLogin_data() { addVerbRows(); }
    void beforeLogin();
    void asMember_data() { addVerbRows(); }
    void asMember();
    void asAdmin_data() { addVerbRows(); }
    void asAdmin();

    void passwordWrongCurrent();
    void passwordChangeEndsOtherSessions();
    void passwordTooShort();
    void passwordGuessesAreThrottled();

    void sessionList();
    void revokeAnotherDevice();
    void revokeUnknownOrForeignSession();
    void revokeOwnSession();
    void revokeAll();

    void hostileInput_data();
    void hostileInput();

private:
    //! `params` with its placeholders filled in for `caller`; a second device of the caller is
    //! signed in (and kept in m_extra) when "$session" asks for one.
    QJsonObject resolve(const QJsonObject &params, TestClient &caller);

    AdminAndMember m_f;
    std::unique_ptr<TestClient> m_extra;
};

void tst_Accounts::init()
{
    QVERIFY(m_f.setUp());
}

void tst_Accounts::cleanup()
{
    m_extra.reset();
    m_f.tearDown();
}

QJsonObject tst_Accounts::resolve(const QJsonObject &params, TestClient &caller)
{
    const bool callerIsAdmin = &caller == m_f.admin.get();
    QJsonObject resolved = params;
    for (auto it = resolved.begin(); it != resolved.end(); ++it) {
        const QString value = it->toString();
        if (value == u"$member") {
            *it = m_f.member->userId();
        } else if (value == u"$other") {
            *it = callerIsAdmin ? m_f.member->userId() : m_f.admin->userId();
        } else if (value == u"$invite") {
            const QJsonObject created = m_f.admin->request(u"invite.create"_s);
            if (!isOk(created))
                qWarning("invite.create failed: %s", qPrintable(dump(created)));
            *it = idOf(objectOf(created, "invite"));
        } else if (value == u"$session") {
            const QString username = stringOf(caller.user(), "username");
            m_extra = m_f.signIn(username, Password, u"second/1"_s);
            *it = m_extra ? stringOf(sessionWithClient(sessionsOf(caller), u"second/1"_s), "id")
                          : QString();
        }
    }
    return resolved;
}

void tst_Accounts::everyNewVerbHasARow()
{
    // A verb appended to MessageType after these gets a row in the matrix, so that someone
    // decides who may send it.
    QSet<QString> added;
    for (int type = int(MessageType::AccountPassword); type < int(messageTypeNames.size()); ++type)
        added.insert(messageTypeName(MessageType(type)));
    QSet<QString> rows;
    for (const VerbRow &row : verbRows())
        rows.insert(QString::fromLatin1(row.verb));
    QCOMPARE(rows, added);
    QCOMPARE(rows.size(), 13);
    for (const QString &verb : std::as_const(added))
        QVERIFY2(!isAllowedBeforeAuth(*messageTypeFromName(verb)), qPrintable(verb));
}

void tst_Accounts::beforeLogin()
{
    QFETCH(QString, verb);
    QFETCH(QJsonObject, params);
    const QJsonObject resolved = resolve(params, *m_f.member);
    const QString before = accountState(m_f.server->databasePath());

    TestClient stranger;
    QVERIFY(stranger.open(m_f.server->url()));
    QVERIFY(isOk(hello(stranger)));
    const QJsonObject reply = stranger.request(verb, resolved);
    QCOMPARE(errorCode(reply), u"unauthorized"_s);
    QVERIFY(!errorMessage(reply).isEmpty());
    QCOMPARE(accountState(m_f.server->databasePath()), before);
    QVERIFY(stranger.isConnected());
    QVERIFY(m_f.member->isConnected());
    QVERIFY(m_f.admin->isConnected());
}

void tst_Accounts::asMember()
{
    QFETCH(QString, verb);
    QFETCH(QJsonObject, params);
    QFETCH(bool, adminOnly);
    const QJsonObject resolved = resolve(params, *m_f.member);
    const QString before = accountState(m_f.server->databasePath());

    const QJsonObject reply = m_f.member->request(verb, resolved);
    if (!adminOnly) {
        QVERIFY2(isOk(reply), qPrintable(dump(reply)));
        return;
    }
    QCOMPARE(errorCode(reply), u"forbidden"_s);
    QCOMPARE(errorMessage(reply), u"Only an admin can do this."_s);
    QVERIFY(!reply.contains("code"_L1)); // no invite or one-time code leaks out
    // Nothing changed: no role, no disabled flag, no password, session, invite or audit entry.
    QCOMPARE(accountState(m_f.server->databasePath()), before);
    QVERIFY(m_f.admin->isConnected());
    QVERIFY(isOk(m_f.admin->request(u"ping"_s)));
    QCOMPARE(
        stringOf(objectOf(m_f.member->request(u"auth.token"_s, {{u"token"_s, m_f.member->token()}}),
                     "user"),
            "role"),
        u"member"_s);
}

void tst_Accounts::asAdmin()
{
    QFETCH(QString, verb);
    QFETCH(QJsonObject, params);
    const QJsonObject resolved = resolve(params, *m_f.admin);
    const QJsonObject reply = m_f.admin->request(verb, resolved);
    QVERIFY2(isOk(reply), qPrintable(verb + u": "_s + dump(reply)));
}

void tst_Accounts::passwordWrongCurrent()
{
    auto phone = m_f.signIn(u"mia"_s, Password, u"phone/1"_s);
    QVERIFY(phone);
    const QString before = accountState(m_f.server->databasePath());
    const QJsonObject wrong = m_f.member->request(u"account.password"_s,
        {{u"password"_s, u"wrong horse"_s}, {u"newPassword"_s, NewPassword}});
    QCOMPARE(errorCode(wrong), u"unauthorized"_s);
    QCOMPARE(errorField(wrong), u"password"_s);
    QCOMPARE(errorMessage(wrong), u"The current password is not right."_s);
    QCOMPARE(accountState(m_f.server->databasePath()), before);
    // Nobody was signed out, and the old password is still the one.
    QVERIFY(isOk(m_f.member->request(u"feed.page"_s)));
    QVERIFY(isOk(phone->request(u"feed.page"_s)));
    QVERIFY(phone->isConnected());
    QVERIFY(isOk(tryLogin(m_f.server->url(), u"mia"_s, Password)));
    QCOMPARE(errorCode(tryLogin(m_f.server->url(), u"mia"_s, NewPassword)), u"unauthorized"_s);
}

void tst_Accounts::passwordChangeEndsOtherSessions()
{
    auto phone = m_f.signIn(u"mia"_s, Password, u"phone/1"_s);
    auto tablet = m_f.signIn(u"mia"_s, Password, u"tablet/1"_s);
    QVERIFY(phone && tablet);
    // The same session on a second connection stays with the caller's.
    auto sameSession = m_f.resume(m_f.member->token());
    QVERIFY(sameSession);

    const QJsonObject changed = m_f.member->request(
        u"account.password"_s, {{u"password"_s, Password}, {u"newPassword"_s, NewPassword}});
    QVERIFY2(isOk(changed), qPrintable(dump(changed)));
    QCOMPARE(intOf(changed, "signedOut"), 2);

    QCOMPARE(closeCodeOf(*phone), SignedOut);
    QCOMPARE(phone->socket().closeReason(), u"signed out"_s);
    QCOMPARE(closeCodeOf(*tablet), SignedOut);
    // The caller stays signed in, on both of its connections.
    QVERIFY(m_f.member->isConnected());
    QVERIFY2(isOk(m_f.member->request(u"feed.page"_s)), "the caller was signed out");
    QVERIFY(sameSession->isConnected());
    QVERIFY(isOk(sameSession->request(u"feed.page"_s)));
    QVERIFY(tokenWorks(m_f.server->url(), m_f.member->token()));
    QVERIFY(!tokenWorks(m_f.server->url(), phone->token()));
    QVERIFY(!tokenWorks(m_f.server->url(), tablet->token()));

    QCOMPARE(errorCode(tryLogin(m_f.server->url(), u"mia"_s, Password)), u"unauthorized"_s);
    QVERIFY(isOk(tryLogin(m_f.server->url(), u"mia"_s, NewPassword)));
    // Other accounts are untouched.
    QVERIFY(m_f.admin->isConnected());
    QVERIFY(tokenWorks(m_f.server->url(), m_f.admin->token()));
}

void tst_Accounts::passwordTooShort()
{
    auto phone = m_f.signIn(u"mia"_s, Password, u"phone/1"_s);
    QVERIFY(phone);
    const QString before = accountState(m_f.server->databasePath());
    for (const QString &bad : {u"short"_s, u"1234567"_s, QString()}) {
        const QJsonObject reply = m_f.member->request(
            u"account.password"_s, {{u"password"_s, Password}, {u"newPassword"_s, bad}});
        QCOMPARE(errorCode(reply), u"invalid"_s);
        QCOMPARE(errorField(reply), u"newPassword"_s);
    }
    const QJsonObject tooLong = m_f.member->request(
        u"account.password"_s, {{u"password"_s, Password}, {u"newPassword"_s, QString(257, u'p')}});
    QCOMPARE(errorCode(tooLong), u"too_large"_s);
    QCOMPARE(errorField(tooLong), u"newPassword"_s);

    QCOMPARE(accountState(m_f.server->databasePath()), before);
    QVERIFY(phone->isConnected());
    QVERIFY(isOk(phone->request(u"feed.page"_s)));
    QVERIFY(isOk(tryLogin(m_f.server->url(), u"mia"_s, Password)));
}

void tst_Accounts::passwordGuessesAreThrottled()
{
    // A stolen signed-in device must not be a way to guess the password faster than a login.
    const QString before = accountState(m_f.server->databasePath());
    for (int i = 0; i < 5; ++i) {
        const QJsonObject wrong = m_f.member->request(u"account.password"_s,
            {{u"password"_s, u"guess %1"_s.arg(i)}, {u"newPassword"_s, NewPassword}});
        QCOMPARE(errorCode(wrong), u"unauthorized"_s);
    }
    const QJsonObject limited = m_f.member->request(
        u"account.password"_s, {{u"password"_s, Password}, {u"newPassword"_s, NewPassword}});
    QCOMPARE(errorCode(limited), u"rate_limited"_s);
    QVERIFY(intOf(objectOf(limited, "error"), "retryAfterMs") > 0);
    // The same count as auth.login's, and the password was not changed.
    QCOMPARE(errorCode(tryLogin(m_f.server->url(), u"mia"_s, Password)), u"rate_limited"_s);
    QCOMPARE(accountState(m_f.server->databasePath()), before);
    QVERIFY(isOk(m_f.member->request(u"feed.page"_s)));
}

void tst_Accounts::sessionList()
{
    auto desktop = m_f.signIn(u"mia"_s, Password, u"hubbub-desktop/0.2"_s);
    QVERIFY(desktop);
    {
        auto phone = m_f.signIn(u"mia"_s, Password, u"phone/3"_s);
        QVERIFY(phone);
        phone->close();
    }
    // A connection that never said hello signs in with no client name.
    TestClient bare;
    QVERIFY(bare.open(m_f.server->url()));
    QVERIFY(isOk(bare.login(u"mia"_s)));

    const QJsonArray sessions = sessionsOf(*m_f.member);
    QCOMPARE(sessions.size(), 4);
    static const QRegularExpression idPattern(u"^[0-9a-f]{24}$"_s);
    QSet<QString> ids;
    for (const QJsonValue &value : sessions) {
        const QJsonObject session = value.toObject();
        QVERIFY2(idPattern.match(stringOf(session, "id")).hasMatch(), qPrintable(dump(session)));
        ids.insert(stringOf(session, "id"));
        QCOMPARE(stringOf(session, "address"), u"127.0.0.1"_s);
        const QDateTime created = parseTimestamp(stringOf(session, "createdAt"));
        const QDateTime used = parseTimestamp(stringOf(session, "lastUsedAt"));
        const QDateTime expires = parseTimestamp(stringOf(session, "expiresAt"));
        QVERIFY2(
            created.isValid() && used.isValid() && expires.isValid(), qPrintable(dump(session)));
        QVERIFY(used >= created);
        QVERIFY(created.daysTo(expires) >= 29);
        // The token, or its hash, never leaves the server.
        QVERIFY2(!dump(session).contains(m_f.member->token()), qPrintable(dump(session)));
        QCOMPARE(session.size(), 8);
    }
    QCOMPARE(ids.size(), 4);

    const QJsonObject own = sessionWithClient(sessions, u"test/1"_s);
    QCOMPARE(own.value("current"_L1), QJsonValue(true));
    QCOMPARE(own.value("online"_L1), QJsonValue(true));
    const QJsonObject other = sessionWithClient(sessions, u"hubbub-desktop/0.2"_s);
    QCOMPARE(other.value("current"_L1), QJsonValue(false));
    QCOMPARE(other.value("online"_L1), QJsonValue(true));
    const QJsonObject gone = sessionWithClient(sessions, u"phone/3"_s);
    QCOMPARE(gone.value("current"_L1), QJsonValue(false));
    QTRY_COMPARE_WITH_TIMEOUT(
        sessionWithClient(sessionsOf(*m_f.member), u"phone/3"_s).value("online"_L1),
        QJsonValue(false), 5000);
    const QJsonObject nameless = sessionWithClient(sessions, QString());
    QCOMPARE(nameless.value("online"_L1), QJsonValue(true));

    // Seen from the desktop, the desktop's is the current one.
    const QJsonArray fromDesktop = sessionsOf(*desktop);
    QCOMPARE(sessionWithClient(fromDesktop, u"hubbub-desktop/0.2"_s).value("current"_L1),
        QJsonValue(true));
    QCOMPARE(sessionWithClient(fromDesktop, u"test/1"_s).value("current"_L1), QJsonValue(false));
    // Nobody sees another user's sessions.
    const QJsonArray admins = sessionsOf(*m_f.admin);
    QCOMPARE(admins.size(), 1);
    QVERIFY(!ids.contains(stringOf(admins.first().toObject(), "id")));
}

void tst_Accounts::revokeAnotherDevice()
{
    auto desktop = m_f.signIn(u"mia"_s, Password, u"hubbub-desktop/0.2"_s);
    QVERIFY(desktop);
    const QString id
        = stringOf(sessionWithClient(sessionsOf(*m_f.member), u"hubbub-desktop/0.2"_s), "id");
    QVERIFY(!id.isEmpty());

    const QJsonObject revoked = m_f.member->request(u"session.revoke"_s, {{u"sessionId"_s, id}});
    QVERIFY2(isOk(revoked), qPrintable(dump(revoked)));
    QCOMPARE(closeCodeOf(*desktop), SignedOut);
    QVERIFY(!tokenWorks(m_f.server->url(), desktop->token()));
    QVERIFY(isOk(m_f.member->request(u"feed.page"_s)));
    const QJsonArray left = sessionsOf(*m_f.member);
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.first().toObject().value("current"_L1), QJsonValue(true));
    // Gone means gone: a second revoke finds nothing.
    const QJsonObject again = m_f.member->request(u"session.revoke"_s, {{u"sessionId"_s, id}});
    QCOMPARE(errorCode(again), u"not_found"_s);
    QCOMPARE(errorField(again), u"sessionId"_s);
}

void tst_Accounts::revokeUnknownOrForeignSession()
{
    const QString adminSession = stringOf(sessionsOf(*m_f.admin).first().toObject(), "id");
    QVERIFY(!adminSession.isEmpty());
    const QString before = accountState(m_f.server->databasePath());
    for (const QString &id : {QString(24, u'0'), adminSession, adminSession.toUpper(), QString()}) {
        const QJsonObject reply = m_f.member->request(u"session.revoke"_s, {{u"sessionId"_s, id}});
        QCOMPARE(errorCode(reply), u"not_found"_s);
        QCOMPARE(errorField(reply), u"sessionId"_s);
    }
    QCOMPARE(accountState(m_f.server->databasePath()), before);
    QVERIFY(m_f.admin->isConnected());
    QVERIFY(isOk(m_f.admin->request(u"admin.users"_s)));
    QVERIFY(tokenWorks(m_f.server->url(), m_f.admin->token()));
}

void tst_Accounts::revokeOwnSession()
{
    auto desktop = m_f.signIn(u"mia"_s, Password, u"hubbub-desktop/0.2"_s);
    QVERIFY(desktop);
    const QString own = stringOf(sessionWithClient(sessionsOf(*m_f.member), u"test/1"_s), "id");
    const QJsonObject reply = m_f.member->request(u"session.revoke"_s, {{u"sessionId"_s, own}});
    QVERIFY2(isOk(reply), qPrintable(dump(reply)));
    // Logged out as by auth.logout: the connection stays open for another sign-in.
    QCOMPARE(errorCode(m_f.member->request(u"feed.page"_s)), u"unauthorized"_s);
    QVERIFY(m_f.member->isConnected());
    QVERIFY(!tokenWorks(m_f.server->url(), m_f.member->token()));
    QVERIFY(isOk(m_f.member->login(u"mia"_s)));
    // The other device was not touched.
    QVERIFY(desktop->isConnected());
    QVERIFY(isOk(desktop->request(u"feed.page"_s)));
}

void tst_Accounts::revokeAll()
{
    auto desktop = m_f.signIn(u"mia"_s, Password, u"hubbub-desktop/0.2"_s);
    QVERIFY(desktop);
    QString offlineToken;
    {
        auto phone = m_f.signIn(u"mia"_s, Password, u"phone/3"_s);
        QVERIFY(phone);
        offlineToken = phone->token();
    }
    const QJsonObject reply = m_f.member->request(u"session.revoke_all"_s);
    QVERIFY2(isOk(reply), qPrintable(dump(reply)));
    QCOMPARE(intOf(reply, "signedOut"), 3);

    QCOMPARE(closeCodeOf(*desktop), SignedOut);
    // The caller is logged out but still connected.
    QVERIFY(m_f.member->isConnected());
    QCOMPARE(errorCode(m_f.member->request(u"session.list"_s)), u"unauthorized"_s);
    QVERIFY(isOk(m_f.member->request(u"ping"_s)));
    for (const QString &token : {m_f.member->token(), desktop->token(), offlineToken})
        QVERIFY(!tokenWorks(m_f.server->url(), token));
    // Everyone else sees her go offline; the admin's list agrees.
    QTRY_VERIFY_WITH_TIMEOUT(hasPresence(*m_f.admin, u"offline"_s, m_f.member->userId()), 5000);
    const QJsonObject users = m_f.admin->request(u"admin.users"_s);
    for (const QJsonValue &line : users.value("users"_L1).toArray()) {
        if (idOf(objectOf(line.toObject(), "user")) == m_f.member->userId()) {
            QCOMPARE(intOf(line.toObject(), "sessions"), 0);
            QCOMPARE(line.toObject().value("online"_L1), QJsonValue(false));
        }
    }
    QVERIFY(tokenWorks(m_f.server->url(), m_f.admin->token()));
}

void tst_Accounts::hostileInput_data()
{
    QTest::addColumn<QString>("verb");
    QTest::addColumn<QJsonObject>("params");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field"); // "" for bad_request: no field (docs/protocol.md)

    const auto row = [](const char *name, const char *verb, const QJsonObject &params,
                         const char *code, const char *field) {
        QTest::addRow("%s", name) << QString::fromLatin1(verb) << params
                                  << QString::fromLatin1(code) << QString::fromLatin1(field);
    };
    const QJsonValue member(u"$member"_s);
    row("role: userId a string", "admin.role", {{u"userId"_s, u"2"_s}, {u"role"_s, u"admin"_s}},
        "bad_request", "");
    row("role: userId missing", "admin.role", {{u"role"_s, u"admin"_s}}, "bad_request", "");
    row("role: userId a fraction", "admin.role", {{u"userId"_s, 2.5}, {u"role"_s, u"admin"_s}},
        "bad_request", "");
    row("role: userId negative", "admin.role", {{u"userId"_s, -2}, {u"role"_s, u"admin"_s}},
        "invalid", "userId");
    row("role: unknown user", "admin.role", {{u"userId"_s, 999999}, {u"role"_s, u"admin"_s}},
        "not_found", "userId");
    row("role: root", "admin.role", {{u"userId"_s, member}, {u"role"_s, u"root"_s}}, "invalid",
        "role");
    row("role: Admin in capitals", "admin.role", {{u"userId"_s, member}, {u"role"_s, u"Admin"_s}},
        "invalid", "role");
    row("role: a number", "admin.role", {{u"userId"_s, member}, {u"role"_s, 1}}, "bad_request", "");
    row("role: missing", "admin.role", {{u"userId"_s, member}}, "bad_request", "");
    row("disable: userId a string", "admin.disable", {{u"userId"_s, u"mia"_s}}, "bad_request", "");
    row("disable: userId null", "admin.disable", {{u"userId"_s, QJsonValue()}}, "bad_request", "");
    row("disable: userId missing", "admin.disable", {}, "bad_request", "");
    row("disable: unknown user", "admin.disable", {{u"userId"_s, 999999}}, "not_found", "userId");
    row("enable: userId an array", "admin.enable", {{u"userId"_s, QJsonArray {2}}}, "bad_request",
        "");
    row("enable: unknown user", "admin.enable", {{u"userId"_s, 999999}}, "not_found", "userId");
    row("reset: userId a string", "admin.reset_password", {{u"userId"_s, u"2"_s}}, "bad_request",
        "");
    row("reset: userId too large", "admin.reset_password", {{u"userId"_s, 9007199254740992.0}},
        "invalid", "userId");
    row("reset: unknown user", "admin.reset_password", {{u"userId"_s, 999999}}, "not_found",
        "userId");
    row("invite: 0 hours", "invite.create", {{u"expiresInHours"_s, 0}}, "invalid",
        "expiresInHours");
    row("invite: 721 hours", "invite.create", {{u"expiresInHours"_s, 721}}, "invalid",
        "expiresInHours");
    row("invite: negative hours", "invite.create", {{u"expiresInHours"_s, -24}}, "invalid",
        "expiresInHours");
    row("invite: 1.5 hours", "invite.create", {{u"expiresInHours"_s, 1.5}}, "invalid",
        "expiresInHours");
    row("invite: hours a string", "invite.create", {{u"expiresInHours"_s, u"24"_s}}, "bad_request",
        "");
    // Not `id`: that is the request's own id in every frame (these two once read it).
    row("revoke invite: inviteId missing", "invite.revoke", {}, "bad_request", "");
    row("revoke invite: inviteId a string", "invite.revoke", {{u"inviteId"_s, u"1"_s}},
        "bad_request", "");
    row("revoke invite: unknown", "invite.revoke", {{u"inviteId"_s, 999999}}, "not_found",
        "inviteId");
    row("audit: limit 0", "audit.list", {{u"limit"_s, 0}}, "invalid", "limit");
    row("audit: limit 501", "audit.list", {{u"limit"_s, 501}}, "invalid", "limit");
    row("audit: limit a string", "audit.list", {{u"limit"_s, u"10"_s}}, "bad_request", "");
    row("audit: before a string", "audit.list", {{u"before"_s, u"x"_s}}, "bad_request", "");
    row("audit: before negative", "audit.list", {{u"before"_s, -1}}, "invalid", "before");
    row("revoke session: sessionId missing", "session.revoke", {}, "bad_request", "");
    row("revoke session: sessionId a number", "session.revoke", {{u"sessionId"_s, 5}},
        "bad_request", "");
    row("password: new one missing", "account.password", {{u"password"_s, Password}}, "bad_request",
        "");
    row("password: new one a number", "account.password",
        {{u"password"_s, Password}, {u"newPassword"_s, 12345678}}, "bad_request", "");
    row("password: current one missing", "account.password", {{u"newPassword"_s, NewPassword}},
        "bad_request", "");
    row("password: current one a number", "account.password",
        {{u"password"_s, 12345678}, {u"newPassword"_s, NewPassword}}, "bad_request", "");
}

void tst_Accounts::hostileInput()
{
    QFETCH(QString, verb);
    QFETCH(QJsonObject, params);
    QFETCH(QString, code);
    QFETCH(QString, field);
    const QJsonObject resolved = resolve(params, *m_f.admin);
    const QString before = accountState(m_f.server->databasePath());

    const QJsonObject reply = m_f.admin->request(verb, resolved);
    QCOMPARE(errorCode(reply), code);
    QCOMPARE(errorField(reply), field);
    QVERIFY(!errorMessage(reply).isEmpty());
    QCOMPARE(accountState(m_f.server->databasePath()), before);
    // Nobody was signed out, and both still work.
    QVERIFY(m_f.member->isConnected());
    QVERIFY(isOk(m_f.member->request(u"feed.page"_s)));
    QVERIFY(isOk(m_f.admin->request(u"admin.users"_s)));
}

QTEST_GUILESS_MAIN(tst_Accounts)
#include "tst_accounts.moc"
