// The account and administration windows of the desktop app (issue 13, "accounts an admin can
// run"), with two app instances (ada, bob) in one process against one real server on loopback:
// signed-in devices, changing the password, signing out everywhere, the admin window on a
// person (role, disable, one-time code) and invites, as a user does them.

#include "accountdialog.h"
#include "admindialog.h"
#include "appcontroller.h"
#include "connection.h"
#include "mainwindow.h"
#include "passworddialog.h"
#include "serverwrites.h"
#include "session.h"
#include "signindialog.h"
#include "testclient.h"
#include "twoappsfixture.h"
#include "widgettesting.h"

#include <QAction>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSysInfo>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

namespace {

//! The row of `list` whose column 0 contains `text`, or null.
QTreeWidgetItem *rowContaining(QTreeWidget *list, const QString &text)
{
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        if (list->topLevelItem(i)->text(0).contains(text))
            return list->topLevelItem(i);
    }
    return nullptr;
}

//! A second device of `username`: a plain client that says what it is in hello.
std::unique_ptr<TestClient> signInDevice(const QUrl &url, const QString &username,
    const QString &password, const QString &client, QString *token = nullptr)
{
    auto device = std::make_unique<TestClient>();
    if (!device->open(url))
        return nullptr;
    if (!isOk(device->request(u"hello"_s, {{u"protocol"_s, 1}, {u"client"_s, client}})))
        return nullptr;
    const QJsonObject login
        = device->request(u"auth.login"_s, {{u"username"_s, username}, {u"password"_s, password}});
    if (!isOk(login))
        return nullptr;
    if (token)
        *token = stringOf(login, "token");
    return device;
}

bool canLogIn(const QUrl &url, const QString &username, const QString &password)
{
    TestClient probe;
    return probe.open(url) && isOk(probe.request(u"hello"_s, {{u"protocol"_s, 1}}))
        && isOk(
            probe.request(u"auth.login"_s, {{u"username"_s, username}, {u"password"_s, password}}));
}

void fill(QWidget *dialog, const char *objectName, const QString &text)
{
    auto *edit = dialog->findChild<QLineEdit *>(QLatin1StringView(objectName));
    QVERIFY2(edit, objectName);
    edit->setText(text);
}

} // namespace

class TestAccountDialogs final : public TwoAppsFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(startApps()); }
    void cleanup() { stopApps(); }

    void devicesAreListedAndOneIsSignedOut();
    void changingThePasswordSignsOutTheOtherDevices();
    void aWrongCurrentPasswordChangesNothing();
    void signingOutEverywhereEndsInTheSignInDialog();
    void administrationIsForAdminsOnly();
    void disablingSomeoneSignsTheirAppOut();
    void aOneTimeCodeMakesThemChooseAPassword();
    void anInviteFromTheAppLetsSomeoneRegister();
    void aDemotionClosesTheWindowUnderItsQuestion();

private:
    //! Makes ada an admin (as `hubbub-server --promote` does) and starts her app again, so that
    //! it signs in with the role as stored now.
    bool makeAdaAdmin();
};

bool TestAccountDialogs::makeAdaAdmin()
{
    if (!promote(*m_server, u"ada"_s))
        return false;
    m_ada.reset();
    m_ada = startApp(*m_adaDir, u"ada"_s);
    return m_ada && m_ada->session.user().role == Role::Admin;
}

void TestAccountDialogs::devicesAreListedAndOneIsSignedOut()
{
    QString phoneToken;
    std::unique_ptr<TestClient> phone
        = signInDevice(m_server->url(), u"ada"_s, Password, u"Ada's phone"_s, &phoneToken);
    QVERIFY(phone);
    QVERIFY(!phoneToken.isEmpty());
    AccountDialog *dialog = m_ada->window()->showAccount();
    QVERIFY(dialog);
    QTRY_COMPARE(dialog->devices()->topLevelItemCount(), 2);
    QTreeWidgetItem *mine = rowContaining(dialog->devices(), QSysInfo::machineHostName());
    QVERIFY(mine);
    QCOMPARE(mine->text(2), u"This device"_s);
    // This app names the machine first, then itself and the system (hello's client).
    QVERIFY2(mine->text(0).startsWith(QSysInfo::machineHostName() + u" — Hubbub "_s),
        qPrintable(mine->text(0)));
    QVERIFY(mine->font(0).bold());
    QTreeWidgetItem *other = rowContaining(dialog->devices(), u"Ada's phone"_s);
    QVERIFY(other);
    QCOMPARE(other->text(2), u"Online now"_s);
    QCOMPARE(other->text(1), u"127.0.0.1"_s);

    auto *signOut = dialog->findChild<QPushButton *>(u"signOutDeviceButton"_s);
    dialog->devices()->setCurrentItem(mine);
    QVERIFY(!signOut->isEnabled()); // this device signs out from the menu
    dialog->devices()->setCurrentItem(other);
    QVERIFY(signOut->isEnabled());
    QTest::mouseClick(signOut, Qt::LeftButton);
    QTRY_VERIFY(!phone->isConnected());
    // As an int: 4001 is outside QWebSocketProtocol::CloseCode's range.
    QCOMPARE(int(phone->socket().closeCode()), 4001);
    QTRY_COMPARE(dialog->devices()->topLevelItemCount(), 1);
    QCOMPARE(dialog->statusText(), u"The device is signed out."_s);
    // Its token is gone: the phone must log in again.
    TestClient again;
    QVERIFY(again.open(m_server->url()));
    QCOMPARE(
        errorCode(again.request(u"auth.token"_s, {{u"token"_s, phoneToken}})), u"unauthorized"_s);
    QVERIFY(m_ada->session.connection()->isOnline());
}

void TestAccountDialogs::changingThePasswordSignsOutTheOtherDevices()
{
    std::unique_ptr<TestClient> phone
        = signInDevice(m_server->url(), u"ada"_s, Password, u"Ada's phone"_s);
    QVERIFY(phone);
    PasswordDialog dialog(&m_ada->session, PasswordDialog::Mode::Change, m_ada->window());
    dialog.show();
    fill(&dialog, "currentPasswordEdit", Password);
    fill(&dialog, "newPasswordEdit", u"a much longer one"_s);
    fill(&dialog, "confirmPasswordEdit", u"a much longer one"_s);
    dialog.accept();
    QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.signedOut(), 1);
    QTRY_VERIFY(!phone->isConnected());
    QVERIFY(m_ada->session.connection()->isOnline());
    QVERIFY(!canLogIn(m_server->url(), u"ada"_s, Password));
    QVERIFY(canLogIn(m_server->url(), u"ada"_s, u"a much longer one"_s));
}

void TestAccountDialogs::aWrongCurrentPasswordChangesNothing()
{
    PasswordDialog dialog(&m_ada->session, PasswordDialog::Mode::Change, m_ada->window());
    dialog.show();
    fill(&dialog, "currentPasswordEdit", u"not the password"_s);
    fill(&dialog, "newPasswordEdit", u"a much longer one"_s);
    fill(&dialog, "confirmPasswordEdit", u"a different one!"_s);
    dialog.accept();
    // Checked here first: nothing is sent while the two new ones differ.
    QCOMPARE(dialog.errorText(),
        u"The two new passwords differ. Type the same password in both fields."_s);
    fill(&dialog, "confirmPasswordEdit", u"a much longer one"_s);
    dialog.accept();
    QTRY_COMPARE(dialog.errorText(), u"The current password is not right."_s);
    QVERIFY(dialog.isVisible());
    QCOMPARE(QApplication::focusWidget(), dialog.findChild<QLineEdit *>(u"currentPasswordEdit"_s));
    QVERIFY(canLogIn(m_server->url(), u"ada"_s, Password));
}

void TestAccountDialogs::signingOutEverywhereEndsInTheSignInDialog()
{
    std::unique_ptr<TestClient> phone
        = signInDevice(m_server->url(), u"ada"_s, Password, u"Ada's phone"_s);
    QVERIFY(phone);
    AccountDialog *dialog = m_ada->window()->showAccount();
    QTRY_COMPARE(dialog->devices()->topLevelItemCount(), 2);
    dialog->signOutEverywhere();
    QTRY_VERIFY(m_ada->controller.signInDialog() && m_ada->controller.signInDialog()->isVisible());
    QTRY_VERIFY(!phone->isConnected());
    QVERIFY(m_ada->settings.token(m_server->url()).isEmpty());
    // bob is not touched.
    QVERIFY(m_bob->session.connection()->isOnline());
}

void TestAccountDialogs::administrationIsForAdminsOnly()
{
    auto *adaAdmin = m_ada->window()->findChild<QAction *>(u"adminAction"_s);
    QVERIFY(adaAdmin);
    QVERIFY(!adaAdmin->isVisible());
    QVERIFY(!m_ada->window()->showAdministration());
    QVERIFY(makeAdaAdmin());
    adaAdmin = m_ada->window()->findChild<QAction *>(u"adminAction"_s);
    QVERIFY(adaAdmin->isVisible());

    AdminDialog *admin = m_ada->window()->showAdministration();
    QVERIFY(admin);
    QTRY_COMPARE(admin->people()->topLevelItemCount(), 2);
    QTreeWidgetItem *ada = rowContaining(admin->people(), u"ada"_s);
    QTreeWidgetItem *bob = rowContaining(admin->people(), u"bob"_s);
    QVERIFY(ada && bob);
    QCOMPARE(ada->text(1), u"Admin"_s);
    QCOMPARE(bob->text(1), u"Member"_s);
    QCOMPARE(bob->text(2), u"Online"_s);
    // Nothing to do on oneself from here.
    auto *role = admin->findChild<QPushButton *>(u"roleButton"_s);
    admin->people()->setCurrentItem(ada);
    QVERIFY(!role->isEnabled());
    // Promote bob: his app learns it at once (user.updated) and shows Administration.
    admin->people()->setCurrentItem(bob);
    QCOMPARE(role->text(), u"Make &admin"_s);
    auto *bobAdmin = m_bob->window()->findChild<QAction *>(u"adminAction"_s);
    QVERIFY(!bobAdmin->isVisible());
    admin->toggleAdmin();
    QTRY_VERIFY(bobAdmin->isVisible());
    QTRY_COMPARE(admin->statusText(), u"bob is now an admin."_s);
    QTRY_COMPARE(rowContaining(admin->people(), u"bob"_s)->text(1), u"Admin"_s);
    // And back: the menu goes away again.
    admin->people()->setCurrentItem(rowContaining(admin->people(), u"bob"_s));
    admin->toggleAdmin();
    QTRY_VERIFY(!bobAdmin->isVisible());
    // The audit log has both, newest first, with the operator's promotion of ada last.
    QTRY_COMPARE(admin->audit()->topLevelItemCount(), 3);
    QCOMPARE(admin->audit()->topLevelItem(0)->text(0), u"ada made bob a member"_s);
    QCOMPARE(admin->audit()->topLevelItem(1)->text(0), u"ada made bob an admin"_s);
    QCOMPARE(
        admin->audit()->topLevelItem(2)->text(0), u"The server's operator made ada an admin"_s);
}

void TestAccountDialogs::disablingSomeoneSignsTheirAppOut()
{
    QVERIFY(makeAdaAdmin());
    AdminDialog *admin = m_ada->window()->showAdministration();
    QTRY_COMPARE(admin->people()->topLevelItemCount(), 2);
    admin->people()->setCurrentItem(rowContaining(admin->people(), u"bob"_s));
    admin->toggleDisabled();
    // bob's app is closed under it and his token refused: back to the sign-in dialog.
    QTRY_VERIFY_WITH_TIMEOUT(
        m_bob->controller.signInDialog() && m_bob->controller.signInDialog()->isVisible(), 15000);
    QTRY_COMPARE(rowContaining(admin->people(), u"bob"_s)->text(2), u"Disabled"_s);
    // The dialog says why (the server closed bob's connection with 4003, then refused the token).
    QCOMPARE(m_bob->controller.signInDialog()->errorText(),
        u"An admin has disabled your account. Ask an admin to enable it again."_s);
    // Signing in again with the right password says why it does not work.
    SignInDialog *dialog = m_bob->controller.signInDialog();
    dialog->setServer(m_server->url());
    fill(dialog, "usernameEdit", u"bob"_s);
    fill(dialog, "passwordEdit", Password);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"loginButton"_s), Qt::LeftButton);
    QTRY_COMPARE(dialog->errorText(), u"This account has been disabled. Ask an admin."_s);
    // Enabled again, the same click works.
    admin->people()->setCurrentItem(rowContaining(admin->people(), u"bob"_s));
    admin->toggleDisabled();
    QTRY_COMPARE(admin->statusText(), u"bob can sign in again."_s);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"loginButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_bob->session.connection()->isOnline(), 15000);
}

void TestAccountDialogs::aOneTimeCodeMakesThemChooseAPassword()
{
    QVERIFY(makeAdaAdmin());
    AdminDialog *admin = m_ada->window()->showAdministration();
    QTRY_COMPARE(admin->people()->topLevelItemCount(), 2);
    admin->people()->setCurrentItem(rowContaining(admin->people(), u"bob"_s));
    // The code shows in a box to copy; close it once it is there.
    onNextModal([](QDialog *box) {
        QCOMPARE(box->objectName(), u"codeDialog"_s);
        box->reject();
    });
    admin->resetPassword();
    QTRY_VERIFY(!admin->lastCode().isEmpty());
    const QString code = admin->lastCode();
    QVERIFY(QRegularExpression(u"^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$"_s)
                .match(code)
                .hasMatch());
    QTRY_VERIFY_WITH_TIMEOUT(
        m_bob->controller.signInDialog() && m_bob->controller.signInDialog()->isVisible(), 15000);
    // Told why at once (close code 4001, reason "password reset"), without trying the token.
    QCOMPARE(m_bob->controller.signInDialog()->errorText(),
        u"An admin has reset your password. Sign in with the one-time code they give you."_s);

    // bob types the code (in lower case, as people do) as his password.
    SignInDialog *dialog = m_bob->controller.signInDialog();
    dialog->setServer(m_server->url());
    fill(dialog, "usernameEdit", u"bob"_s);
    fill(dialog, "passwordEdit", code.toLower());
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"loginButton"_s), Qt::LeftButton);
    PasswordDialog *choose = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((choose = findWindow<PasswordDialog>()) != nullptr, 15000);
    QVERIFY(!choose->findChild<QLineEdit *>(u"currentPasswordEdit"_s));
    QVERIFY(!m_bob->session.connection()->isOnline()); // nothing else until it is chosen
    fill(choose, "newPasswordEdit", u"bob's own password"_s);
    fill(choose, "confirmPasswordEdit", u"bob's own password"_s);
    choose->accept();
    QTRY_VERIFY_WITH_TIMEOUT(m_bob->session.connection()->isOnline(), 15000);
    QVERIFY(!canLogIn(m_server->url(), u"bob"_s, code));
    QVERIFY(canLogIn(m_server->url(), u"bob"_s, u"bob's own password"_s));
}

void TestAccountDialogs::anInviteFromTheAppLetsSomeoneRegister()
{
    // The server now takes accounts by invitation only (a restart with the option); both
    // apps reconnect by themselves.
    m_server->config().registration = Server::Registration::Invite;
    QVERIFY(m_server->restart(true));
    QVERIFY(makeAdaAdmin());
    QTRY_VERIFY_WITH_TIMEOUT(m_bob->session.connection()->isOnline(), 20000);
    AdminDialog *admin = m_ada->window()->showAdministration();
    admin->tabs()->setCurrentIndex(1);
    onNextModal([](QDialog *box) { box->reject(); });
    admin->createInvite(24);
    QTRY_VERIFY(!admin->lastCode().isEmpty());
    QTRY_COMPARE(admin->invites()->topLevelItemCount(), 1);
    QCOMPARE(admin->invites()->topLevelItem(0)->text(0), u"Open"_s);

    // Someone new: the sign-in dialog of bob's app, creating carol's account.
    Q_EMIT m_bob->window()->switchAccountRequested();
    QTRY_VERIFY(m_bob->controller.signInDialog() && m_bob->controller.signInDialog()->isVisible());
    SignInDialog *dialog = m_bob->controller.signInDialog();
    dialog->setServer(m_server->url());
    fill(dialog, "usernameEdit", u"carol"_s);
    fill(dialog, "passwordEdit", u"carol's password"_s);
    auto *create = dialog->findChild<QPushButton *>(u"createButton"_s);
    QTest::mouseClick(create, Qt::LeftButton); // shows the confirmation and the invite code
    auto *invite = dialog->findChild<QLineEdit *>(u"inviteEdit"_s);
    QVERIFY(invite->isVisible());
    fill(dialog, "confirmEdit", u"carol's password"_s);
    // Without a code: refused, and the code field is where to type.
    QTest::mouseClick(create, Qt::LeftButton);
    QTRY_COMPARE(dialog->errorText(),
        u"This server takes new accounts by invitation. Type a valid invite code from an admin: "
        "each code works once, until it expires."_s);
    QCOMPARE(QApplication::focusWidget(), invite);
    invite->setText(admin->lastCode().toLower().remove(u'-'));
    QTest::mouseClick(create, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_bob->session.connection()->isOnline() && m_bob->session.user().username == u"carol"_s,
        15000);
    admin->refreshInvites();
    QTRY_COMPARE(admin->invites()->topLevelItem(0)->text(0), u"Used by carol"_s);
}

void TestAccountDialogs::aDemotionClosesTheWindowUnderItsQuestion()
{
    QVERIFY(makeAdaAdmin());
    QPointer<AdminDialog> admin = m_ada->window()->showAdministration();
    QTRY_COMPARE(admin->people()->topLevelItemCount(), 2);
    admin->people()->setCurrentItem(rowContaining(admin->people(), u"bob"_s));
    // ada asks to disable bob: the question is open...
    QTest::mouseClick(admin->findChild<QPushButton *>(u"disableButton"_s), Qt::LeftButton);
    QTRY_VERIFY(qobject_cast<QMessageBox *>(QApplication::activeModalWidget()));
    // ...when another admin takes her rights away: the window goes, the question with it, and
    // nothing is disabled.
    QVERIFY(promote(*m_server, u"bob"_s));
    std::unique_ptr<TestClient> other
        = signInDevice(m_server->url(), u"bob"_s, Password, u"bob's laptop"_s);
    QVERIFY(other);
    QVERIFY(isOk(other->request(
        u"admin.role"_s, {{u"userId"_s, m_ada->session.user().id}, {u"role"_s, u"member"_s}})));
    QTRY_VERIFY(admin.isNull());
    QTRY_VERIFY(!QApplication::activeModalWidget());
    QVERIFY(!m_ada->window()->findChild<QAction *>(u"adminAction"_s)->isVisible());
    QVERIFY(m_ada->session.connection()->isOnline());
    QVERIFY(canLogIn(m_server->url(), u"bob"_s, Password));
}

QTEST_MAIN(TestAccountDialogs)
#include "tst_accountdialogs.moc"
