// Usernames in any script over the wire (protocol-v1 Limits, "username"): letters, marks and
// digits of every script plus `_ . -`, 3..32 code points after NFC, stored NFC, unique ignoring
// case by Unicode case folding, found at login by the same folding. A real server on loopback
// with its SQLite file, real WebSocket clients.

#include "testclient.h"
#include "testserver.h"

#include <QJsonDocument>
#include <QTest>

#include <memory>

using namespace Hubbub;
using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

namespace {

const QString Password = u"correct horse"_s;

QByteArray describe(const QJsonObject &frame)
{
    return frame.isEmpty() ? QByteArrayLiteral("<no reply>")
                           : QJsonDocument(frame).toJson(QJsonDocument::Compact);
}

QString usernameOf(const QJsonObject &reply)
{
    return reply.value("user"_L1).toObject().value("username"_L1).toString();
}

//! "e" followed by U+0301, the decomposed (NFD) form of "é".
const QString DecomposedE = u"e\u0301"_s;

} // namespace

class tst_Usernames : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void accepted_data();
    void accepted();
    void refused_data();
    void refused();
    void decomposedIsStoredComposed();
    void caseFoldedConflict_data();
    void caseFoldedConflict();
    void loginFindsFoldedName();
    void renameToUnicode();

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_client;
};

void tst_Usernames::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY(m_server->start());
    m_client = std::make_unique<TestClient>();
    QVERIFY(m_client->open(m_server->url()));
}

void tst_Usernames::cleanup()
{
    m_client.reset();
    m_server.reset();
}

void tst_Usernames::accepted_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("stored");

    QTest::addRow("French") << u"Hélène"_s << u"Hélène"_s;
    QTest::addRow("Korean") << u"김민준"_s << u"김민준"_s;
    QTest::addRow("Greek") << u"Ὀδυσσεύς"_s << u"Ὀδυσσεύς"_s;
    QTest::addRow("Cyrillic") << u"Анна_К"_s << u"Анна_К"_s;
    QTest::addRow("Devanagari with marks") << u"प्रिया"_s << u"प्रिया"_s;
    QTest::addRow("Arabic-Indic digits") << u"١٢٣"_s << u"١٢٣"_s;
    QTest::addRow("ASCII stays valid") << u"ada.l-ove_1"_s << u"ada.l-ove_1"_s;
    // One code point beyond the BMP counts once (two UTF-16 units).
    QTest::addRow("32 Gothic letters")
        << u"\U00010330"_s.repeated(32) << u"\U00010330"_s.repeated(32);
    // 64 code points as sent, 32 once composed: counted after NFC.
    QTest::addRow("32 e-acute sent decomposed") << DecomposedE.repeated(32) << u"é"_s.repeated(32);
    QTest::addRow("32 Hangul syllables") << u"가"_s.repeated(32) << u"가"_s.repeated(32);
}

void tst_Usernames::accepted()
{
    QFETCH(QString, name);
    QFETCH(QString, stored);
    const QJsonObject reply = m_client->registerUser(name, Password);
    QVERIFY2(isOk(reply), describe(reply).constData());
    QCOMPARE(usernameOf(reply), stored);

    TestClient again;
    QVERIFY(again.open(m_server->url()));
    const QJsonObject login = again.login(stored, Password);
    QVERIFY2(isOk(login), describe(login).constData());
    QCOMPARE(usernameOf(login), stored);
}

void tst_Usernames::refused_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("code");

    const QString invalid = u"invalid"_s;
    QTest::addRow("emoji") << u"ana\U0001F600"_s << invalid;
    QTest::addRow("emoji with ZWJ") << u"ana\U0001F469\u200D\U0001F4BB"_s << invalid;
    QTest::addRow("space") << u"김 민준"_s << invalid;
    QTest::addRow("no-break space") << u"Hélène\u00A0D"_s << invalid;
    QTest::addRow("ideographic space") << u"김\u3000민준"_s << invalid;
    QTest::addRow("control") << u"ana\u0007"_s << invalid;
    QTest::addRow("tab") << u"ana\tb"_s << invalid;
    QTest::addRow("zero-width joiner") << u"an\u200Da"_s << invalid;
    QTest::addRow("right-to-left mark") << u"ana\u200F"_s << invalid;
    QTest::addRow("lone surrogate") << u"ana"_s + QChar(char16_t(0xD800)) << invalid;
    QTest::addRow("symbol") << u"a€b"_s << invalid;
    QTest::addRow("at sign") << u"hélène@home"_s << invalid;
    QTest::addRow("two Hangul") << u"민준"_s << invalid;
    QTest::addRow("2 once composed") << DecomposedE.repeated(2) << invalid;
    QTest::addRow("33 Hangul") << u"가"_s.repeated(33) << u"too_large"_s;
    QTest::addRow("33 e-acute sent decomposed") << DecomposedE.repeated(33) << u"too_large"_s;
    QTest::addRow("a whole page") << u"가"_s.repeated(100000) << u"too_large"_s;
}

void tst_Usernames::refused()
{
    QFETCH(QString, name);
    QFETCH(QString, code);
    const QJsonObject reply = m_client->registerUser(name, Password);
    QCOMPARE(errorCode(reply), code);
    QCOMPARE(errorField(reply), u"username"_s);
}

void tst_Usernames::decomposedIsStoredComposed()
{
    const QString decomposed = u"H"_s + DecomposedE + u"le\u0300ne"_s;
    const QJsonObject reply = m_client->registerUser(decomposed, Password);
    QVERIFY2(isOk(reply), describe(reply).constData());
    QCOMPARE(usernameOf(reply), u"Hélène"_s);
    QCOMPARE(usernameOf(reply).size(), 6);

    // The same name in either form is one account: logging in works both ways ...
    for (const QString &form : {u"Hélène"_s, decomposed}) {
        TestClient client;
        QVERIFY(client.open(m_server->url()));
        const QJsonObject login = client.login(form, Password);
        QVERIFY2(isOk(login), describe(login).constData());
        QCOMPARE(client.userId(), m_client->userId());
    }
    // ... and registering the composed form again is a conflict.
    TestClient twin;
    QVERIFY(twin.open(m_server->url()));
    const QJsonObject taken = twin.registerUser(u"Hélène"_s, Password);
    QCOMPARE(errorCode(taken), u"conflict"_s);
    QCOMPARE(errorField(taken), u"username"_s);
}

void tst_Usernames::caseFoldedConflict_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");

    QTest::addRow("É and é") << u"ÉLODIE"_s << u"élodie"_s;
    QTest::addRow("é and É decomposed") << u"élodie"_s << u"E\u0301LODIE"_s;
    QTest::addRow("Cyrillic") << u"АННА"_s << u"анна"_s;
    // Final and medial sigma fold alike.
    QTest::addRow("Greek sigma") << u"ΟΔΥΣΣΕΥΣ"_s << u"οδυσσευς"_s;
    QTest::addRow("beyond the BMP")
        << u"\U00010400\U00010401\U00010402"_s << u"\U00010428\U00010429\U0001042A"_s;
}

void tst_Usernames::caseFoldedConflict()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    const QJsonObject reply = m_client->registerUser(first, Password);
    QVERIFY2(isOk(reply), describe(reply).constData());

    TestClient other;
    QVERIFY(other.open(m_server->url()));
    const QJsonObject taken = other.registerUser(second, Password);
    QCOMPARE(errorCode(taken), u"conflict"_s);
    QCOMPARE(errorField(taken), u"username"_s);
}

void tst_Usernames::loginFindsFoldedName()
{
    QVERIFY(isOk(m_client->registerUser(u"ÉLODIE"_s, Password)));
    TestClient client;
    QVERIFY(client.open(m_server->url()));
    const QJsonObject login = client.login(u"e\u0301lodie"_s, Password);
    QVERIFY2(isOk(login), describe(login).constData());
    // The reply carries the name as stored.
    QCOMPARE(usernameOf(login), u"ÉLODIE"_s);

    // A wrong password under a folded name counts against the same account: five failures
    // in any spelling, then even the right password waits.
    for (const QString &spelling :
        {u"élodie"_s, u"ÉLODIE"_s, u"E\u0301lodie"_s, u"élodiE"_s, u"ÉLODIE"_s}) {
        TestClient wrong;
        QVERIFY(wrong.open(m_server->url()));
        QCOMPARE(errorCode(wrong.login(spelling, u"not the password"_s)), u"unauthorized"_s);
    }
    TestClient late;
    QVERIFY(late.open(m_server->url()));
    QCOMPARE(errorCode(late.login(u"élodie"_s, Password)), u"rate_limited"_s);
}

void tst_Usernames::renameToUnicode()
{
    QVERIFY(isOk(m_client->registerUser(u"minjun"_s, Password)));
    TestClient bob;
    QVERIFY(bob.open(m_server->url()));
    QVERIFY(isOk(bob.registerUser(u"Hélène"_s, Password)));

    const QJsonObject renamed = m_client->request(u"user.rename"_s, {{u"username"_s, u"김민준"_s}});
    QVERIFY2(isOk(renamed), describe(renamed).constData());
    QCOMPARE(usernameOf(renamed), u"김민준"_s);
    QCOMPARE(bob.waitEventNamed(u"user.renamed"_s)
                 .value("user"_L1)
                 .toObject()
                 .value("username"_L1)
                 .toString(),
        u"김민준"_s);

    // Someone else's name in another case or form is taken; one's own in another case is not.
    for (const QString &taken : {u"HÉLÈNE"_s, u"He\u0301le\u0300ne"_s}) {
        const QJsonObject reply = m_client->request(u"user.rename"_s, {{u"username"_s, taken}});
        QCOMPARE(errorCode(reply), u"conflict"_s);
        QCOMPARE(errorField(reply), u"username"_s);
    }
    const QJsonObject recased
        = bob.request(u"user.rename"_s, {{u"username"_s, u"He\u0301LE\u0300NE"_s}});
    QVERIFY2(isOk(recased), describe(recased).constData());
    QCOMPARE(usernameOf(recased), u"HéLÈNE"_s);
    const QJsonObject emoji
        = m_client->request(u"user.rename"_s, {{u"username"_s, u"김민준\U0001F600"_s}});
    QCOMPARE(errorCode(emoji), u"invalid"_s);
    QCOMPARE(errorField(emoji), u"username"_s);
}

QTEST_GUILESS_MAIN(tst_Usernames)
#include "tst_usernames.moc"
