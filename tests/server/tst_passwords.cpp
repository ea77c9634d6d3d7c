// Unit tests for password hashing and session tokens (server/passwords.h).
#include "passwords.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Hubbub::Server;
using namespace Qt::StringLiterals;

class tst_Passwords : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void hashAndVerify();
    void saltedHashes();
    void verifyRejectsBadHashes_data();
    void verifyRejectsBadHashes();
    void newToken();
    void tokenHash();
};

void tst_Passwords::initTestCase()
{
    QVERIFY(Passwords::initialize());
}

void tst_Passwords::hashAndVerify()
{
    const QString password = u"correct horse battery staple"_s;
    const QByteArray hash = Passwords::hash(password);
    QVERIFY2(hash.startsWith("$argon2id$"), hash.constData());
    // Never the password itself.
    QVERIFY(!hash.contains(password.toUtf8()));
    QVERIFY(Passwords::verify(hash, password));
    QVERIFY(!Passwords::verify(hash, u"correct horse battery stapl"_s));
    QVERIFY(!Passwords::verify(hash, u"Correct horse battery staple"_s));
    QVERIFY(!Passwords::verify(hash, QString()));

    // Non-ASCII passwords are hashed as UTF-8 and verify.
    const QString unicode = u"p\u00e4ssw\u00f6rd \u20ac \U0001F511"_s;
    const QByteArray unicodeHash = Passwords::hash(unicode);
    QVERIFY(unicodeHash.startsWith("$argon2id$"));
    QVERIFY(Passwords::verify(unicodeHash, unicode));
    QVERIFY(!Passwords::verify(unicodeHash, u"passwort \u20ac \U0001F511"_s));
}

void tst_Passwords::saltedHashes()
{
    const QString password = u"same password twice"_s;
    const QByteArray first = Passwords::hash(password);
    const QByteArray second = Passwords::hash(password);
    QVERIFY(first.startsWith("$argon2id$"));
    QVERIFY(second.startsWith("$argon2id$"));
    QVERIFY(first != second);
    QVERIFY(Passwords::verify(first, password));
    QVERIFY(Passwords::verify(second, password));
}

void tst_Passwords::verifyRejectsBadHashes_data()
{
    QTest::addColumn<QByteArray>("encoded");
    QTest::addRow("empty") << QByteArray();
    QTest::addRow("garbage") << QByteArray("not a hash at all");
    QTest::addRow("truncated argon2id") << QByteArray("$argon2id$v=19$m=65536,t=2,p=1$");
    QTest::addRow("very long") << QByteArray(4096, 'a');
}

void tst_Passwords::verifyRejectsBadHashes()
{
    QFETCH(QByteArray, encoded);
    QVERIFY(!Passwords::verify(encoded, u"any password"_s));
    QVERIFY(!Passwords::verify(encoded, QString()));
}

void tst_Passwords::newToken()
{
    static const QRegularExpression base64url(u"^[A-Za-z0-9_-]{43}$"_s);
    QSet<QString> seen;
    constexpr int Tokens = 200;
    for (int i = 0; i < Tokens; ++i) {
        const QString token = Passwords::newToken();
        QCOMPARE(token.size(), qsizetype(43));
        QVERIFY2(base64url.match(token).hasMatch(), qPrintable(token));
        const QByteArray::FromBase64Result decoded
            = QByteArray::fromBase64Encoding(token.toLatin1(),
                QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
        QVERIFY(decoded);
        QCOMPARE(decoded.decoded.size(), qsizetype(32));
        seen.insert(token);
    }
    QCOMPARE(seen.size(), qsizetype(Tokens));
}

void tst_Passwords::tokenHash()
{
    const QString token = Passwords::newToken();
    const QByteArray hash = Passwords::tokenHash(token);
    QCOMPARE(hash.size(), qsizetype(32));
    QCOMPARE(Passwords::tokenHash(token), hash);
    QCOMPARE(hash, QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256));
    QVERIFY(Passwords::tokenHash(Passwords::newToken()) != hash);
    // The stored hash is not the token.
    QVERIFY(!hash.contains(token.toLatin1()));
}

QTEST_GUILESS_MAIN(tst_Passwords)
#include "tst_passwords.moc"
