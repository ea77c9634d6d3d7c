// Trust on first use as a person meets it: the app (AppController, as client/main.cpp builds
// it) against a real wss:// server on loopback. The first sign-in shows the certificate's
// fingerprint and connects once trusted, and the next start asks nothing; a changed
// certificate warns with both fingerprints, Enter does not replace the trusted one, and only
// the tick plus the button does; --trust-fingerprint (scripts/run.sh) asks nothing.

#include "appcontroller.h"
#include "certificatedialog.h"
#include "clientsettings.h"
#include "connection.h"
#include "landiscovery.h"
#include "mainwindow.h"
#include "net/tlscontext.h"
#include "offlinebanner.h"
#include "server.h"
#include "session.h"
#include "signindialog.h"
#include "testclient.h"
#include "testserver.h"
#include "twoappsfixture.h"

#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include <memory>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

namespace {

constexpr int SignInTimeout = 20000;

//! Every label's text in `dialog`, joined: what the person reads.
QString shownText(QWidget *dialog)
{
    QStringList texts;
    const auto labels = dialog->findChildren<QLabel *>();
    for (const QLabel *label : labels)
        texts.append(label->text());
    return texts.join(u'\n');
}

} // namespace

class TestCertificateDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void firstSignInAsksOnceThenRemembers();
    void changedCertificateNeedsTheTickAndTheButton();
    void givenFingerprintAsksNothing();
    void refusedAtAUserStartFallsBackToTheSignInDialog();
    void changedUnderAnOpenWindowAsksAgainFromRetry();
    void discoveredServerFillsTheAddressAndHintsTheFingerprint();
    void fingerprintInTwoLines();

private:
    AppController::Options options(const QString &username) const;

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCertificateDialog::init()
{
    m_server = std::make_unique<TestServer>();
    m_server->config().tls = true;
    QVERIFY(m_server->start());
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(QDir(m_dir->path()).mkpath(u"data"_s));
}

void TestCertificateDialog::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

AppController::Options TestCertificateDialog::options(const QString &username) const
{
    return {m_server->url(), username, TwoAppsFixture::Password};
}

void TestCertificateDialog::firstSignInAsksOnceThenRemembers()
{
    const QString fingerprint = m_server->server()->tlsFingerprint();
    {
        TestApp app(m_dir->path());
        app.controller.start(options(u"ada"_s));
        QTRY_VERIFY_WITH_TIMEOUT(app.controller.certificateDialog(), 10000);
        CertificateDialog *dialog = app.controller.certificateDialog();
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(dialog->windowTitle(), u"Trust this server?"_s);
        // The fingerprint is shown whole (in two lines), to compare with the server's.
        QVERIFY2(shownText(dialog).contains(CertificateDialog::grouped(fingerprint)),
            qPrintable(shownText(dialog)));
        QVERIFY(!dialog->confirmation());
        QVERIFY(dialog->trustButton()->isEnabled());
        QVERIFY(dialog->trustButton()->isDefault());
        QVERIFY(app.settings.pinnedCertificate(m_server->url()).isEmpty());

        QTest::mouseClick(dialog->trustButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(app.isReady(), SignInTimeout);
        QCOMPARE(app.settings.pinnedCertificate(m_server->url()), fingerprint);
        QCOMPARE(app.session.connection()->user().username, u"ada"_s);
    }
    // The next start resumes with the token and asks nothing.
    TestApp again(m_dir->path());
    QSignalSpy untrusted(again.session.connection(), &Connection::certificateUntrusted);
    again.controller.start({});
    QTRY_VERIFY_WITH_TIMEOUT(again.isReady(), SignInTimeout);
    QCOMPARE(untrusted.size(), 0);
    QVERIFY(!again.controller.certificateDialog());
}

void TestCertificateDialog::changedCertificateNeedsTheTickAndTheButton()
{
    QTemporaryDir other;
    const QString certificate = other.filePath(u"old.crt"_s);
    QVERIFY(Hubbub::Server::TlsContext::createSelfSigned(
        certificate, other.filePath(u"old.key"_s), u"old"_s)
                .ok());
    const QString trustedBefore = fingerprintOf(QSslCertificate::fromPath(certificate).value(0));
    const QString offered = m_server->server()->tlsFingerprint();
    {
        TestClient bob; // the account exists: the dialog logs in
        bob.trust(offered);
        QVERIFY(bob.open(m_server->url()));
        QVERIFY(isOk(bob.registerUser(u"bob"_s, TwoAppsFixture::Password)));
    }

    TestApp app(m_dir->path());
    app.settings.setPinnedCertificate(m_server->url(), trustedBefore);
    app.controller.start({}); // the sign-in dialog: no token yet
    SignInDialog *signIn = app.controller.signInDialog();
    QVERIFY(signIn);
    signIn->setServer(m_server->url());
    signIn->findChild<QLineEdit *>(u"usernameEdit"_s)->setText(u"bob"_s);
    signIn->findChild<QLineEdit *>(u"passwordEdit"_s)->setText(TwoAppsFixture::Password);
    QSignalSpy failed(&app.session, &Session::signInFailed);
    QTest::keyClick(signIn->findChild<QLineEdit *>(u"passwordEdit"_s), Qt::Key_Return);

    QTRY_VERIFY_WITH_TIMEOUT(app.controller.certificateDialog(), 10000);
    CertificateDialog *dialog = app.controller.certificateDialog();
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->windowTitle(), u"Certificate changed"_s);
    const QString text = shownText(dialog);
    QVERIFY2(text.contains(CertificateDialog::grouped(trustedBefore))
            && text.contains(CertificateDialog::grouped(offered)),
        qPrintable(text));
    QVERIFY(dialog->confirmation());
    QVERIFY(!dialog->trustButton()->isEnabled());
    QVERIFY(dialog->cancelButton()->isDefault());

    // Enter cancels: the trusted fingerprint stays, and the sign-in says why it stopped. (Sent
    // where a person's Enter goes: the focused widget.)
    QTest::keyClick(dialog->focusWidget() ? dialog->focusWidget() : dialog, Qt::Key_Return);
    QTRY_VERIFY(!app.controller.certificateDialog());
    QCOMPARE(app.settings.pinnedCertificate(m_server->url()), trustedBefore);
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY2(signIn->errorText().contains(u"not the one you trusted"_s),
        qPrintable(signIn->errorText()));

    // Again, and this time the person ticks the box and replaces it.
    QTest::keyClick(signIn->findChild<QLineEdit *>(u"passwordEdit"_s), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(app.controller.certificateDialog(), 10000);
    dialog = app.controller.certificateDialog();
    QTRY_VERIFY(dialog->isVisible());
    QTest::mouseClick(dialog->trustButton(), Qt::LeftButton); // disabled: nothing happens
    QVERIFY(app.controller.certificateDialog());
    dialog->confirmation()->click();
    QVERIFY(dialog->trustButton()->isEnabled());
    QTest::mouseClick(dialog->trustButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(app.isReady(), SignInTimeout);
    QCOMPARE(app.settings.pinnedCertificate(m_server->url()), offered);
}

void TestCertificateDialog::givenFingerprintAsksNothing()
{
    // What client/main.cpp does with --trust-fingerprint before it starts the controller.
    TestApp app(m_dir->path());
    app.settings.setPinnedCertificate(m_server->url(), m_server->server()->tlsFingerprint());
    QSignalSpy untrusted(app.session.connection(), &Connection::certificateUntrusted);
    app.controller.start(options(u"carol"_s));
    QTRY_VERIFY_WITH_TIMEOUT(app.isReady(), SignInTimeout);
    QCOMPARE(untrusted.size(), 0);
}

void TestCertificateDialog::refusedAtAUserStartFallsBackToTheSignInDialog()
{
    // --user and --password-file: no window and no dialog yet when the question comes.
    TestApp app(m_dir->path());
    app.controller.start(options(u"hal"_s));
    QTRY_VERIFY_WITH_TIMEOUT(app.controller.certificateDialog(), 10000);
    CertificateDialog *dialog = app.controller.certificateDialog();
    QVERIFY(!dialog->testAttribute(Qt::WA_QuitOnClose)); // closing it does not end the app
    QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
    // The sign-in fails, and the dialog it falls back to says why.
    QTRY_VERIFY_WITH_TIMEOUT(
        app.controller.signInDialog() && app.controller.signInDialog()->isVisible(), 10000);
    QVERIFY2(app.controller.signInDialog()->errorText().contains(u"did not trust"_s),
        qPrintable(app.controller.signInDialog()->errorText()));
    QVERIFY(!app.session.connection()->isHeldForCertificate());
}

void TestCertificateDialog::changedUnderAnOpenWindowAsksAgainFromRetry()
{
    TestApp app(m_dir->path());
    app.settings.setPinnedCertificate(m_server->url(), m_server->server()->tlsFingerprint());
    app.controller.start(options(u"gus"_s));
    QTRY_VERIFY_WITH_TIMEOUT(app.isReady(), SignInTimeout);

    // The server comes back with another certificate under the open window.
    QTemporaryDir other;
    const QString certificate = other.filePath(u"new.crt"_s);
    const QString key = other.filePath(u"new.key"_s);
    QVERIFY(Hubbub::Server::TlsContext::createSelfSigned(certificate, key, u"new"_s).ok());
    m_server->config().tlsCertificatePath = certificate;
    m_server->config().tlsKeyPath = key;
    QVERIFY(m_server->restart(true));
    QTRY_VERIFY_WITH_TIMEOUT(app.controller.certificateDialog(), 20000);
    CertificateDialog *dialog = app.controller.certificateDialog();
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(dialog->check().changed());
    // The fingerprints show whole, whatever the font: a clipped one cannot be compared.
    const auto labels = dialog->findChildren<QLabel *>();
    for (const QLabel *label : labels)
        QVERIFY2(label->width() >= label->minimumSizeHint().width(), qPrintable(label->text()));

    // Cancel: the window stays, offline, saying why; Retry asks again.
    QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
    QTRY_VERIFY(!app.controller.certificateDialog());
    OfflineBanner *banner = app.window()->offlineBanner();
    QTRY_VERIFY(banner->isVisible());
    QVERIFY(banner->retryButton()->isVisible());
    QVERIFY(banner->retryButton()->isEnabled());
    QTest::mouseClick(banner->retryButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(app.controller.certificateDialog(), 10000);
    QVERIFY(app.controller.certificateDialog()->check().changed());
}

void TestCertificateDialog::discoveredServerFillsTheAddressAndHintsTheFingerprint()
{
    // The server announces itself on loopback, on a UDP port of this test's own.
    QUdpSocket probe;
    QVERIFY(probe.bind(QHostAddress::LocalHost, 0));
    const quint16 discoveryPort = probe.localPort();
    probe.close();
    m_server->config().announce = true;
    m_server->config().discoveryPort = discoveryPort;
    m_server->config().name = u"Salle de réunion"_s;
    QVERIFY(m_server->restart());

    TestApp app(m_dir->path());
    app.session.discovery()->setPort(discoveryPort);
    app.session.discovery()->setLoopbackOnly(true);
    app.controller.start({});
    SignInDialog *signIn = app.controller.signInDialog();
    QVERIFY(signIn && signIn->isVisible());
    QListView *found = signIn->foundServers();
    QTRY_VERIFY_WITH_TIMEOUT(found->isVisible() && found->model()->rowCount() == 1, 5000);
    const QModelIndex row = found->model()->index(0, 0);
    QVERIFY(row.data().toString().startsWith(u"Salle de réunion"_s));

    // A click fills the address in; the person types a name and a password.
    QTest::mouseClick(found->viewport(), Qt::LeftButton, {}, found->visualRect(row).center());
    QCOMPARE(signIn->server(), m_server->url());
    signIn->findChild<QLineEdit *>(u"usernameEdit"_s)->setText(u"erin"_s);
    signIn->findChild<QLineEdit *>(u"passwordEdit"_s)->setText(TwoAppsFixture::Password);
    QTest::mouseClick(signIn->findChild<QPushButton *>(u"createButton"_s), Qt::LeftButton);
    auto *confirm = signIn->findChild<QLineEdit *>(u"confirmEdit"_s);
    if (confirm->isVisible()) { // creating an account asks for the password twice
        confirm->setText(TwoAppsFixture::Password);
        QTest::mouseClick(signIn->findChild<QPushButton *>(u"createButton"_s), Qt::LeftButton);
    }

    // Trust is still asked; the announced fingerprint is shown as the hint it is.
    QTRY_VERIFY_WITH_TIMEOUT(app.controller.certificateDialog(), 10000);
    CertificateDialog *dialog = app.controller.certificateDialog();
    QVERIFY2(shownText(dialog).contains(u"also the fingerprint this server announces"_s),
        qPrintable(shownText(dialog)));
    QTest::mouseClick(dialog->trustButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(app.isReady(), SignInTimeout);
    // The dialog is gone, and with it the listening.
    QTRY_VERIFY(!app.session.discovery()->isStarted());
}

void TestCertificateDialog::fingerprintInTwoLines()
{
    const QString fingerprint = m_server->server()->tlsFingerprint();
    const QString grouped = CertificateDialog::grouped(fingerprint);
    const QStringList lines = grouped.split(u'\n');
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0).count(u':'), 15); // 16 pairs on each line
    QCOMPARE(lines.at(1).count(u':'), 15);
    QCOMPARE(lines.join(u':'), fingerprint);
}

QTEST_MAIN(TestCertificateDialog)
#include "tst_certificatedialog.moc"
