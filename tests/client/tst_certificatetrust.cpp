// Trust on first use in the client's Connection, against a real in-process server speaking
// wss:// with certificates made for the test: the first connection is held and asks, a pinned
// certificate connects without asking, a changed one is held (not retried) and names both
// fingerprints, and a certificate signed by a CA the system trusts asks nothing. A deployment
// of several addresses: the certificate pinned for one is trusted on the others, while another
// certificate still asks and a changed one is still held.

#include "connection.h"
#include "deployment.h"
#include "net/tlscontext.h"
#include "server.h"
#include "testcertificates.h"
#include "testclient.h"
#include "testserver.h"

#include <QFile>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

namespace {

const QString Password = u"correct horse"_s;
constexpr int SignInTimeout = 20000; //!< password hashing is slow on purpose

} // namespace

class tst_CertificateTrust : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void firstConnectionIsHeldUntilTrusted();
    void refusedFirstCertificateFailsTheSignIn();
    void pinnedCertificateConnectsWithoutAsking();
    void changedCertificateIsHeldAndNamesBoth();
    void certificateSignedByTrustedAuthorityAsksNothing();
    void pinnedCertificateBehindAnotherLeafIsNotTrusted();
    void pinnedForAnotherAddressOfTheDeployment();
    void otherCertificateThanTheDeploymentsStillAsks();
    void changedCertificateStillHeldWhereAnotherAddressHasIt();

private:
    //! Connects `connection` to the server as a new account; the lookup answers `pins`.
    void startSignIn(Connection &connection, const QString &username);
    //! The server by two names: "localhost" (first, so tried first) and 127.0.0.1, as two
    //! instances of one deployment sharing a certificate look to the client.
    Deployment twoNames() const;
    QUrl byName() const;

    std::unique_ptr<TestServer> m_server;
    QHash<QString, QString> m_pins; //!< host:port -> fingerprint, as the app's settings keep
};

void tst_CertificateTrust::init()
{
    m_pins.clear();
    m_server = std::make_unique<TestServer>();
    m_server->config().tls = true; // its own self-signed certificate beside the database
    QVERIFY(m_server->start());
    QVERIFY(!m_server->server()->tlsFingerprint().isEmpty());
    QCOMPARE(m_server->url().scheme(), u"wss"_s);
}

void tst_CertificateTrust::cleanup()
{
    m_server.reset();
}

void tst_CertificateTrust::startSignIn(Connection &connection, const QString &username)
{
    connection.setPinLookup(
        [this](const QUrl &server) { return m_pins.value(server.authority()); });
    connection.signIn(m_server->url(), username, Password, true);
}

void tst_CertificateTrust::firstConnectionIsHeldUntilTrusted()
{
    Connection connection;
    QSignalSpy untrusted(&connection, &Connection::certificateUntrusted);
    QSignalSpy signedIn(&connection, &Connection::signedIn);
    QSignalSpy failed(&connection, &Connection::signInFailed);
    startSignIn(connection, u"alice"_s);
    QVERIFY(untrusted.wait(10000));
    const auto check = untrusted.first().first().value<CertificateCheck>();
    QCOMPARE(check.fingerprint, m_server->server()->tlsFingerprint());
    QVERIFY(check.pinned.isEmpty());
    QVERIFY(!check.changed());
    QCOMPARE(check.server, m_server->url());
    QVERIFY(!check.problems.isEmpty()); // self-signed: the system's reason is shown too
    QVERIFY(connection.isHeldForCertificate());
    QCOMPARE(connection.state(), Connection::State::Disconnected);
    QVERIFY(connection.lastError().contains(u"not trusted yet"_s));

    // Held: nothing happens until the user answers; no retry, no failure.
    QTest::qWait(1500);
    QCOMPARE(untrusted.size(), 1);
    QCOMPARE(signedIn.size(), 0);
    QCOMPARE(failed.size(), 0);

    // The user trusts it: the same sign-in goes on (the password was kept for it).
    m_pins.insert(m_server->url().authority(), check.fingerprint);
    connection.retryCertificate();
    QVERIFY(signedIn.wait(SignInTimeout));
    QCOMPARE(untrusted.size(), 1);
    QVERIFY(!connection.isHeldForCertificate());
    QTRY_COMPARE_WITH_TIMEOUT(connection.state(), Connection::State::Online, 10000);
    QCOMPARE(connection.user().username, u"alice"_s);
}

void tst_CertificateTrust::refusedFirstCertificateFailsTheSignIn()
{
    Connection connection;
    QSignalSpy untrusted(&connection, &Connection::certificateUntrusted);
    QSignalSpy failed(&connection, &Connection::signInFailed);
    startSignIn(connection, u"bob"_s);
    QVERIFY(untrusted.wait(10000));
    connection.refuseCertificate();
    QCOMPARE(failed.size(), 1);
    const auto error = failed.first().first().value<Error>();
    QCOMPARE(error.code, ErrorCode::Forbidden);
    QVERIFY2(error.message.contains(u"did not trust"_s), qPrintable(error.message));
    QVERIFY(!connection.isHeldForCertificate());
    // Nothing was created on the server: the password never left this process.
    QCOMPARE(storedRows(m_server->databasePath(), u"users"_s), 0);
}

void tst_CertificateTrust::pinnedCertificateConnectsWithoutAsking()
{
    m_pins.insert(m_server->url().authority(), m_server->server()->tlsFingerprint());
    Connection connection;
    QSignalSpy untrusted(&connection, &Connection::certificateUntrusted);
    QSignalSpy signedIn(&connection, &Connection::signedIn);
    startSignIn(connection, u"carol"_s);
    QVERIFY(signedIn.wait(SignInTimeout));
    QCOMPARE(untrusted.size(), 0);

    // And after the server restarts with the same certificate, the reconnect asks nothing.
    QSignalSpy online(&connection, &Connection::online);
    QVERIFY(m_server->restart(true));
    QVERIFY(online.wait(20000));
    QCOMPARE(untrusted.size(), 0);
}

void tst_CertificateTrust::changedCertificateIsHeldAndNamesBoth()
{
    const QString first = m_server->server()->tlsFingerprint();
    m_pins.insert(m_server->url().authority(), first);
    Connection connection;
    QSignalSpy untrusted(&connection, &Connection::certificateUntrusted);
    QSignalSpy signedIn(&connection, &Connection::signedIn);
    startSignIn(connection, u"dave"_s);
    QVERIFY(signedIn.wait(SignInTimeout));
    QTRY_COMPARE_WITH_TIMEOUT(connection.state(), Connection::State::Online, 10000);
    QTemporaryDir dir;
    const QString certificate = dir.filePath(u"other.crt"_s);
    const QString key = dir.filePath(u"other.key"_s);
    QVERIFY(Hubbub::Server::TlsContext::createSelfSigned(certificate, key, u"impostor"_s).ok());

    // The same address, another certificate: the reconnect stops and asks.
    m_server->config().tlsCertificatePath = certificate;
    m_server->config().tlsKeyPath = key;
    QVERIFY(m_server->restart(true));
    const QString second = m_server->server()->tlsFingerprint();
    QVERIFY(second != first);
    QVERIFY(untrusted.wait(20000));
    const auto check = untrusted.first().first().value<CertificateCheck>();
    QVERIFY(check.changed());
    QCOMPARE(check.pinned, first);
    QCOMPARE(check.fingerprint, second);
    QVERIFY(connection.isHeldForCertificate());
    QCOMPARE(connection.state(), Connection::State::Disconnected);
    QVERIFY2(connection.lastError().contains(u"has changed"_s), qPrintable(connection.lastError()));

    // Not retried behind the user's back, however long it waits.
    QTest::qWait(3000);
    QCOMPARE(untrusted.size(), 1);
    QCOMPARE(connection.state(), Connection::State::Disconnected);

    // "Retry" asks again; only a replaced pin lets it through, and the session resumes.
    connection.retryNow();
    QVERIFY(untrusted.wait(10000));
    QCOMPARE(untrusted.size(), 2);
    m_pins.insert(m_server->url().authority(), second);
    QSignalSpy online(&connection, &Connection::online);
    connection.retryCertificate();
    QVERIFY(online.wait(20000));
    QCOMPARE(connection.user().username, u"dave"_s);

    // Refusing a changed certificate says which: the one trusted is not the one offered.
    m_pins.insert(m_server->url().authority(), first);
    connection.retryNow(); // online: nothing to retry
    QSignalSpy failed(&connection, &Connection::signInFailed);
    QVERIFY(m_server->restart(true));
    QVERIFY(untrusted.wait(20000));
    connection.refuseCertificate();
    QCOMPARE(failed.size(), 1);
    QVERIFY(failed.first().first().value<Error>().message.contains(u"not the one you trusted"_s));
}

void tst_CertificateTrust::certificateSignedByTrustedAuthorityAsksNothing()
{
    QTemporaryDir dir;
    const TestCertificateFiles authority = makeCertificateAuthority(dir.path());
    QVERIFY(!authority.certificate.isEmpty());
    const TestCertificateFiles leaf
        = makeSignedCertificate(authority, dir.path(), u"localhost"_s, u"localhost"_s);
    QVERIFY(!leaf.certificate.isEmpty());
    m_server->config().tlsCertificatePath = leaf.certificate;
    m_server->config().tlsKeyPath = leaf.key;
    QVERIFY(m_server->restart());
    QUrl url = m_server->url();
    url.setHost(u"localhost"_s); // the name the certificate is for

    // Without the CA, it is a certificate like any other: the question comes.
    {
        Connection connection;
        QSignalSpy untrusted(&connection, &Connection::certificateUntrusted);
        connection.setPinLookup([](const QUrl &) { return QString(); });
        connection.signIn(url, u"erin"_s, Password, true);
        QVERIFY(untrusted.wait(10000));
    }

    // With the CA among the system's, it validates and nothing is asked or pinned.
    const QSslConfiguration before = QSslConfiguration::defaultConfiguration();
    QSslConfiguration trusting = before;
    trusting.addCaCertificates(QSslCertificate::fromPath(authority.certificate));
    QSslConfiguration::setDefaultConfiguration(trusting);
    Connection connection;
    QSignalSpy untrusted(&connection, &Connection::certificateUntrusted);
    QSignalSpy signedIn(&connection, &Connection::signedIn);
    bool asked = false;
    connection.setPinLookup([&asked](const QUrl &) {
        asked = true;
        return QString();
    });
    connection.signIn(url, u"erin"_s, Password, true);
    const bool ok = signedIn.wait(SignInTimeout);
    QSslConfiguration::setDefaultConfiguration(before);
    QVERIFY(ok);
    QCOMPARE(untrusted.size(), 0);
    QVERIFY(!asked);
}

void tst_CertificateTrust::pinnedCertificateBehindAnotherLeafIsNotTrusted()
{
    // A man in the middle knows the pinned certificate (every server sends its own): he
    // presents a leaf of his own for the host, then the pinned certificate, then the CA that
    // signed his leaf. Only the leaf's key is proven; the pin must be compared with it alone.
    QTemporaryDir dir;
    const QString pinnedCertificate = dir.filePath(u"pinned.crt"_s);
    QVERIFY(Hubbub::Server::TlsContext::createSelfSigned(
        pinnedCertificate, dir.filePath(u"pinned.key"_s), u"localhost"_s)
                .ok());
    const QString pinned = fingerprintOf(QSslCertificate::fromPath(pinnedCertificate).value(0));
    const TestCertificateFiles authority = makeCertificateAuthority(dir.path());
    const TestCertificateFiles leaf
        = makeSignedCertificate(authority, dir.path(), u"mitm"_s, u"localhost"_s);
    QVERIFY(!leaf.certificate.isEmpty());
    const QString chain = dir.filePath(u"chain.pem"_s);
    {
        QFile out(chain);
        QVERIFY(out.open(QIODevice::WriteOnly));
        for (const QString &part : {leaf.certificate, pinnedCertificate, authority.certificate}) {
            QFile in(part);
            QVERIFY(in.open(QIODevice::ReadOnly));
            out.write(in.readAll());
        }
    }
    m_server->config().tlsCertificatePath = chain;
    m_server->config().tlsKeyPath = leaf.key;
    QVERIFY(m_server->restart());
    QUrl url = m_server->url();
    url.setHost(u"localhost"_s);

    Connection connection;
    QSignalSpy untrusted(&connection, &Connection::certificateUntrusted);
    QSignalSpy signedIn(&connection, &Connection::signedIn);
    connection.setPinLookup([pinned](const QUrl &) { return pinned; });
    connection.signIn(url, u"victim"_s, Password, true);
    QVERIFY(untrusted.wait(10000));
    const auto check = untrusted.first().first().value<CertificateCheck>();
    QCOMPARE(
        check.fingerprint, fingerprintOf(QSslCertificate::fromPath(leaf.certificate).value(0)));
    QVERIFY(check.changed());
    QTest::qWait(500);
    QCOMPARE(signedIn.size(), 0);
    QCOMPARE(storedRows(m_server->databasePath(), u"users"_s), 0); // the password never went
}

Deployment tst_CertificateTrust::twoNames() const
{
    return Deployment({byName(), m_server->url()});
}

QUrl tst_CertificateTrust::byName() const
{
    QUrl url = m_server->url();
    url.setHost(u"localhost"_s);
    return url;
}

void tst_CertificateTrust::pinnedForAnotherAddressOfTheDeployment()
{
    // Pinned for 127.0.0.1 only; the connection starts at "localhost".
    m_pins.insert(m_server->url().authority(), m_server->server()->tlsFingerprint());
    Connection connection;
    connection.setPinLookup(
        [this](const QUrl &server) { return m_pins.value(server.authority()); });
    QSignalSpy untrusted(&connection, &Connection::certificateUntrusted);
    QSignalSpy online(&connection, &Connection::online);
    connection.signIn(twoNames(), u"erin"_s, Password, true);
    QTRY_COMPARE_WITH_TIMEOUT(online.size(), 1, SignInTimeout);
    QCOMPARE(untrusted.size(), 0);
    QCOMPARE(connection.url(), byName());
}

void tst_CertificateTrust::otherCertificateThanTheDeploymentsStillAsks()
{
    // The other address has a pin, but of another certificate: this one is unknown.
    const QString other = QStringList(32, u"AB"_s).join(u':');
    m_pins.insert(m_server->url().authority(), other);
    Connection connection;
    connection.setPinLookup(
        [this](const QUrl &server) { return m_pins.value(server.authority()); });
    QSignalSpy untrusted(&connection, &Connection::certificateUntrusted);
    connection.signIn(twoNames(), u"fay"_s, Password, true);
    QVERIFY(untrusted.wait(10000));
    const auto check = untrusted.first().first().value<CertificateCheck>();
    QCOMPARE(check.server, byName());
    QVERIFY(check.pinned.isEmpty());
    QVERIFY(!check.changed());
    QVERIFY(connection.isHeldForCertificate());
}

void tst_CertificateTrust::changedCertificateStillHeldWhereAnotherAddressHasIt()
{
    // "localhost" had another certificate before: a changed one there, whatever 127.0.0.1's
    // pin says.
    const QString before = QStringList(32, u"CD"_s).join(u':');
    m_pins.insert(byName().authority(), before);
    m_pins.insert(m_server->url().authority(), m_server->server()->tlsFingerprint());
    Connection connection;
    connection.setPinLookup(
        [this](const QUrl &server) { return m_pins.value(server.authority()); });
    QSignalSpy untrusted(&connection, &Connection::certificateUntrusted);
    QSignalSpy signedIn(&connection, &Connection::signedIn);
    connection.signIn(twoNames(), u"gus"_s, Password, true);
    QVERIFY(untrusted.wait(10000));
    const auto check = untrusted.first().first().value<CertificateCheck>();
    QVERIFY(check.changed());
    QCOMPARE(check.pinned, before);
    QCOMPARE(check.server, byName());
    QVERIFY(connection.isHeldForCertificate());
    QCOMPARE(signedIn.size(), 0);
}

QTEST_GUILESS_MAIN(tst_CertificateTrust)
#include "tst_certificatetrust.moc"
