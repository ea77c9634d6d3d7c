// The sign-in dialog against a real server on loopback, driven with the keyboard and mouse:
// what a typed server address becomes, creating an account, a wrong password, a server that is
// not there, buttons that wait for a username and password, and the checks made before anything
// is sent.

#include "clientsettings.h"
#include "connection.h"
#include "connectionstatus.h"
#include "protocollimits.h"
#include "session.h"
#include "signindialog.h"
#include "testclient.h"
#include "testserver.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Hubbub::Test;

namespace {

const QString Password = QStringLiteral("correct horse");

} // namespace

class TestSignInDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void normalizeServer_data();
    void normalizeServer();
    void normalizeServers_data();
    void normalizeServers();
    void buttonsWaitForUsernameAndPassword();
    void severalAddresses();
    void createAccount();
    void createAccountAsksPasswordTwice();
    void unicodeUsernames();
    void enterLogsIn();
    void wrongPassword();
    void unreachableServer();
    void silentServerTimesOut();
    void cancelWhileConnecting();
    void errorDoesNotSqueezeTheForm();
    void checkedBeforeSending_data();
    void checkedBeforeSending();

private:
    QLineEdit *edit(const char *name) const;
    QPushButton *button(const char *name) const;
    //! Replaces the text of a field the way a user does: select all, then type.
    void retype(QLineEdit *field, const QString &text);
    void fill(const QUrl &server, const QString &username, const QString &password);

    TestServer m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ClientSettings> m_settings;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<SignInDialog> m_dialog;
};

void TestSignInDialog::initTestCase()
{
    QVERIFY(m_server.start());
}

void TestSignInDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<ClientSettings>(m_dir->filePath(QStringLiteral("hubbub.ini")));
    QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("data"))));
    m_session = std::make_unique<Session>(Session::Paths {
        m_dir->filePath(QStringLiteral("data")), m_dir->filePath(QStringLiteral("cache"))});
    m_dialog = std::make_unique<SignInDialog>(m_session.get(), m_settings.get());
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
}

void TestSignInDialog::cleanup()
{
    m_dialog.reset();
    m_session.reset();
    m_settings.reset();
    m_dir.reset();
}

QLineEdit *TestSignInDialog::edit(const char *name) const
{
    return m_dialog->findChild<QLineEdit *>(QLatin1String(name));
}

QPushButton *TestSignInDialog::button(const char *name) const
{
    return m_dialog->findChild<QPushButton *>(QLatin1String(name));
}

void TestSignInDialog::retype(QLineEdit *field, const QString &text)
{
    field->setFocus();
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(field, Qt::Key_Backspace);
    QTest::keyClicks(field, text);
}

void TestSignInDialog::fill(const QUrl &server, const QString &username, const QString &password)
{
    retype(edit("serverEdit"), server.toString());
    retype(edit("usernameEdit"), username);
    retype(edit("passwordEdit"), password);
}

void TestSignInDialog::normalizeServer_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QUrl>("expected");
    const QUrl invalid;
    // A bare address is wss:// (servers speak TLS unless told not to) on Hubbub's port.
    QTest::addRow("host only") << QStringLiteral("localhost")
                               << QUrl(QStringLiteral("wss://localhost:7300/"));
    QTest::addRow("host and port")
        << QStringLiteral("host:7400") << QUrl(QStringLiteral("wss://host:7400/"));
    QTest::addRow("ip, spaces") << QStringLiteral("  192.168.1.10  ")
                                << QUrl(QStringLiteral("wss://192.168.1.10:7300/"));
    QTest::addRow("ws, no port") << QStringLiteral("ws://h")
                                 << QUrl(QStringLiteral("ws://h:7300/"));
    QTest::addRow("ws with port and path")
        << QStringLiteral("ws://h:7400/hub") << QUrl(QStringLiteral("ws://h:7400/hub"));
    QTest::addRow("http becomes ws")
        << QStringLiteral("http://h") << QUrl(QStringLiteral("ws://h:7300/"));
    QTest::addRow("https becomes wss")
        << QStringLiteral("https://h") << QUrl(QStringLiteral("wss://h/"));
    QTest::addRow("wss keeps its port")
        << QStringLiteral("wss://h") << QUrl(QStringLiteral("wss://h/"));
    QTest::addRow("ipv6") << QStringLiteral("[::1]:7301")
                          << QUrl(QStringLiteral("wss://[::1]:7301/"));
    QTest::addRow("ftp is not a server") << QStringLiteral("ftp://h") << invalid;
    QTest::addRow("no host") << QStringLiteral("ws://") << invalid;
    QTest::addRow("bad port") << QStringLiteral("h:port") << invalid;
    QTest::addRow("empty: the default") << QString() << ClientSettings::defaultServer();
    QTest::addRow("blank: the default") << QStringLiteral("   ") << ClientSettings::defaultServer();
}

void TestSignInDialog::normalizeServer()
{
    QFETCH(QString, typed);
    QFETCH(QUrl, expected);
    const QUrl url = SignInDialog::normalizeServer(typed);
    QCOMPARE(url, expected);
    QCOMPARE(url.isValid(), expected.isValid());
}

void TestSignInDialog::normalizeServers_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QList<QUrl>>("expected");
    QTest::addColumn<QString>("bad");
    const QUrl one(QStringLiteral("wss://hub1:7300/"));
    const QUrl two(QStringLiteral("wss://hub2:7300/"));
    QTest::addRow("one") << QStringLiteral("hub1") << QList<QUrl> {one} << QString();
    QTest::addRow("comma") << QStringLiteral("hub1, hub2") << QList<QUrl> {one, two} << QString();
    QTest::addRow("spaces only") << QStringLiteral(" hub1   hub2 ") << QList<QUrl> {one, two}
                                 << QString();
    QTest::addRow("commas without spaces, an empty part")
        << QStringLiteral("hub1,,wss://hub2:7300,") << QList<QUrl> {one, two} << QString();
    QTest::addRow("order kept") << QStringLiteral("hub2, hub1") << QList<QUrl> {two, one}
                                << QString();
    QTest::addRow("a repeat once")
        << QStringLiteral("hub1, wss://hub1:7300/") << QList<QUrl> {one} << QString();
    QTest::addRow("each its own scheme and port")
        << QStringLiteral("ws://a:7400, b")
        << QList<QUrl> {QUrl(QStringLiteral("ws://a:7400/")), QUrl(QStringLiteral("wss://b:7300/"))}
        << QString();
    QTest::addRow("one bad: none")
        << QStringLiteral("hub1, ftp://x") << QList<QUrl> {} << QStringLiteral("ftp://x");
    QTest::addRow("empty: the default")
        << QString() << QList<QUrl> {ClientSettings::defaultServer()} << QString();
    QTest::addRow("only commas: the default")
        << QStringLiteral(" , ") << QList<QUrl> {ClientSettings::defaultServer()} << QString();
}

void TestSignInDialog::normalizeServers()
{
    QFETCH(QString, typed);
    QFETCH(QList<QUrl>, expected);
    QFETCH(QString, bad);
    QString found;
    QCOMPARE(SignInDialog::normalizeServers(typed, &found).addresses(), expected);
    QCOMPARE(found, bad);
}

void TestSignInDialog::buttonsWaitForUsernameAndPassword()
{
    QPushButton *login = button("loginButton");
    QPushButton *create = button("createButton");
    QVERIFY(login && create);
    QCOMPARE(edit("usernameEdit")->text(), QString()); // nothing remembered yet
    QVERIFY(!login->isEnabled());
    QVERIFY(!create->isEnabled());

    QTest::keyClicks(edit("usernameEdit"), QStringLiteral("ada"));
    QVERIFY(!login->isEnabled());
    QVERIFY(!create->isEnabled());
    QTest::keyClicks(edit("passwordEdit"), QStringLiteral("x"));
    QVERIFY(login->isEnabled());
    QVERIFY(create->isEnabled());

    // Emptying either field disables them again.
    QTest::keyClick(edit("usernameEdit"), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit("usernameEdit"), Qt::Key_Backspace);
    QVERIFY(!login->isEnabled());
    QVERIFY(!create->isEnabled());
    QTest::keyClicks(edit("usernameEdit"), QStringLiteral("ada"));
    QVERIFY(login->isEnabled());
    QTest::keyClick(edit("passwordEdit"), Qt::Key_Backspace);
    QVERIFY(!login->isEnabled());
    QVERIFY(!create->isEnabled());

    // Characters a username cannot have are not taken.
    QTest::keyClicks(edit("usernameEdit"), QStringLiteral(" /+@x"));
    QCOMPARE(edit("usernameEdit")->text(), QStringLiteral("adax"));
    QVERIFY(m_dialog->isVisible());
}

void TestSignInDialog::createAccount()
{
    const QUrl server = m_server.url();
    QVERIFY(m_settings->token(server).isEmpty());
    QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);
    fill(server, QStringLiteral("carol"), Password);
    QTest::mouseClick(button("createButton"), Qt::LeftButton);
    // The password once more, and Enter there creates the account.
    QCOMPARE(m_dialog->focusWidget(), edit("confirmEdit"));
    QTest::keyClicks(edit("confirmEdit"), Password);
    QTest::keyClick(edit("confirmEdit"), Qt::Key_Return);
    // Busy while the server answers: nothing can be clicked twice.
    QVERIFY(!button("createButton")->isEnabled());
    QVERIFY(!edit("usernameEdit")->isEnabled());

    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, 15000);
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    QVERIFY(!m_dialog->isVisible());
    QCOMPARE(m_dialog->errorText(), QString());
    QCOMPARE(m_session->user().username, QStringLiteral("carol"));

    // Remembered for the next start: server, user, token (never the password).
    QCOMPARE(m_settings->lastServer(), Deployment(server));
    QCOMPARE(m_settings->lastUsername(), QStringLiteral("carol"));
    QCOMPARE(m_settings->user(server).username, QStringLiteral("carol"));
    QCOMPARE(m_settings->token(server), m_session->connection()->token());
    QVERIFY(!m_settings->token(server).isEmpty());
    QVERIFY(edit("passwordEdit")->text().isEmpty());
    const QStringList keys = m_settings->raw().allKeys();
    for (const QString &key : keys)
        QVERIFY2(m_settings->raw().value(key).toString() != Password, qPrintable(key));

    // The account exists on the server: the same name and password log in.
    TestClient client;
    QVERIFY(client.open(server));
    QVERIFY(isOk(client.login(QStringLiteral("carol"), Password)));

    // A second dialog starts from what was remembered, with the password to type.
    SignInDialog again(m_session.get(), m_settings.get());
    QCOMPARE(again.findChild<QLineEdit *>(QStringLiteral("serverEdit"))->text(),
        Connection::displayAddress(server));
    QVERIFY(!again.findChild<QLineEdit *>(QStringLiteral("serverEdit"))->text().endsWith(u'/'));
    QCOMPARE(again.findChild<QLineEdit *>(QStringLiteral("usernameEdit"))->text(),
        QStringLiteral("carol"));
    QCOMPARE(again.focusWidget(), again.findChild<QLineEdit *>(QStringLiteral("passwordEdit")));
}

void TestSignInDialog::severalAddresses()
{
    TestClient client;
    QVERIFY(client.open(m_server.url()));
    QVERIFY(isOk(client.registerUser(QStringLiteral("hana"), Password)));
    const quint16 closed = closedPort();
    QVERIFY(closed != 0);
    const QUrl first(QStringLiteral("ws://127.0.0.1:%1/").arg(closed));
    const Deployment deployment({first, m_server.url()});

    // The first address refuses; the second takes the sign-in.
    QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);
    retype(edit("serverEdit"),
        QStringLiteral("ws://127.0.0.1:%1 , %2").arg(closed).arg(m_server.url().toString()));
    retype(edit("usernameEdit"), QStringLiteral("hana"));
    retype(edit("passwordEdit"), Password);
    QTest::mouseClick(button("loginButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, 15000);
    QCOMPARE(m_session->connection()->url(), m_server.url());

    // Kept for the deployment, under its first address, not the one that answered.
    QCOMPARE(m_settings->lastServer(), deployment);
    QCOMPARE(m_settings->token(deployment), m_session->connection()->token());
    QCOMPARE(m_settings->token(first), m_session->connection()->token());
    QVERIFY(m_settings->token(m_server.url()).isEmpty());
    QCOMPARE(edit("serverEdit")->text(), deployment.toDisplayString());

    // The status bar names the address in use, with its port, and lists them all.
    ConnectionStatus status(m_session.get());
    QTRY_COMPARE_WITH_TIMEOUT(m_session->connection()->state(), Connection::State::Online, 10000);
    QVERIFY2(status.text().contains(m_server.url().authority()), qPrintable(status.text()));
    const QLabel *state = status.findChild<QLabel *>(QStringLiteral("connectionState"));
    QVERIFY(state);
    QVERIFY2(state->toolTip().contains(deployment.toDisplayString()), qPrintable(state->toolTip()));
}

void TestSignInDialog::createAccountAsksPasswordTwice()
{
    QSignalSpy states(m_session->connection(), &Connection::stateChanged);
    QVERIFY(!edit("confirmEdit")->isVisible());
    fill(m_server.url(), QStringLiteral("gina"), Password);
    QTest::mouseClick(button("createButton"), Qt::LeftButton);
    QVERIFY(edit("confirmEdit")->isVisible());
    QCOMPARE(m_dialog->focusWidget(), edit("confirmEdit"));
    QCOMPARE(m_dialog->errorText(), QString());

    // A different password: said so, and nothing is sent.
    QTest::keyClicks(edit("confirmEdit"), QStringLiteral("correct horse!"));
    QTest::mouseClick(button("createButton"), Qt::LeftButton);
    QCOMPARE(m_dialog->errorText(),
        QStringLiteral("The two passwords differ. Type the same password in both fields."));
    QCOMPARE(m_dialog->focusWidget(), edit("confirmEdit"));
    QCOMPARE(edit("confirmEdit")->selectedText(), QStringLiteral("correct horse!"));
    QCoreApplication::processEvents();
    QCOMPARE(states.count(), 0);
    TestClient client;
    QVERIFY(client.open(m_server.url()));
    QCOMPARE(
        errorCode(client.login(QStringLiteral("gina"), Password)), QStringLiteral("unauthorized"));

    // Log in needs no confirmation, and hides it again.
    QSignalSpy failed(m_session.get(), &Session::signInFailed);
    QTest::mouseClick(button("loginButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 15000);
    QVERIFY(!edit("confirmEdit")->isVisible());
    QCOMPARE(m_dialog->errorText(), QStringLiteral("Wrong username or password."));
}

void TestSignInDialog::unicodeUsernames()
{
    // Korean arrives from an input method as committed text, not as key presses.
    QLineEdit *username = edit("usernameEdit");
    retype(username, QString());
    username->setFocus();
    QInputMethodEvent composed;
    composed.setCommitString(QStringLiteral("김민준"));
    QApplication::sendEvent(username, &composed);
    QCOMPARE(username->text(), QStringLiteral("김민준"));
    // A space or an emoji is not taken, by typing or by an input method.
    QTest::keyClicks(username, QStringLiteral(" "));
    QInputMethodEvent emoji;
    emoji.setCommitString(QStringLiteral("😀"));
    QApplication::sendEvent(username, &emoji);
    QCOMPARE(username->text(), QStringLiteral("김민준"));

    retype(edit("serverEdit"), m_server.url().toString());
    retype(edit("passwordEdit"), Password);
    QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);
    QTest::mouseClick(button("createButton"), Qt::LeftButton);
    QTest::keyClicks(edit("confirmEdit"), Password);
    QTest::mouseClick(button("createButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, 15000);
    QCOMPARE(m_session->user().username, QStringLiteral("김민준"));
    QCOMPARE(m_settings->lastUsername(), QStringLiteral("김민준"));

    // "é" typed as e + a combining accent is the composed name, as the server stores it.
    SignInDialog second(m_session.get(), m_settings.get());
    auto *name = second.findChild<QLineEdit *>(QStringLiteral("usernameEdit"));
    name->setText(QStringLiteral("He\u0301le\u0300ne"));
    second.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->setText(Password);
    QSignalSpy secondAccepted(&second, &QDialog::accepted);
    auto *create = second.findChild<QPushButton *>(QStringLiteral("createButton"));
    QTest::mouseClick(create, Qt::LeftButton);
    second.findChild<QLineEdit *>(QStringLiteral("confirmEdit"))->setText(Password);
    QTest::mouseClick(create, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(secondAccepted.count(), 1, 15000);
    QCOMPARE(m_settings->lastUsername(), QStringLiteral("Hélène"));
    QCOMPARE(m_settings->lastUsername().size(), 6);
}

void TestSignInDialog::enterLogsIn()
{
    TestClient client;
    QVERIFY(client.open(m_server.url()));
    QVERIFY(isOk(client.registerUser(QStringLiteral("erin"), Password)));

    QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);
    fill(m_server.url(), QStringLiteral("erin"), Password);
    // Log in is the default button: Enter in the password field presses it.
    QTest::keyClick(edit("passwordEdit"), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, 15000);
    QCOMPARE(m_session->user().username, QStringLiteral("erin"));
    QCOMPARE(m_settings->user(m_server.url()).id, client.userId());
    QTRY_VERIFY(m_session->connection()->isOnline());
}

void TestSignInDialog::wrongPassword()
{
    TestClient client;
    QVERIFY(client.open(m_server.url()));
    QVERIFY(isOk(client.registerUser(QStringLiteral("dave"), Password)));

    QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);
    QSignalSpy failed(m_session.get(), &Session::signInFailed);
    fill(m_server.url(), QStringLiteral("dave"), QStringLiteral("not the password"));
    QTest::mouseClick(button("loginButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 15000);

    QCOMPARE(m_dialog->errorText(), QStringLiteral("Wrong username or password."));
    QCOMPARE(m_dialog->findChild<QLabel *>(QStringLiteral("errorLabel"))->text(),
        QStringLiteral("Wrong username or password."));
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(accepted.count(), 0);
    QVERIFY(m_settings->token(m_server.url()).isEmpty());
    // Ready for another try: fields and buttons enabled, the password selected to retype.
    QVERIFY(edit("passwordEdit")->isEnabled());
    QVERIFY(button("loginButton")->isEnabled());
    QCOMPARE(m_dialog->focusWidget(), edit("passwordEdit"));
    QCOMPARE(edit("passwordEdit")->selectedText(), QStringLiteral("not the password"));

    // Typing the right one over it signs in, and the message goes away.
    QTest::keyClicks(edit("passwordEdit"), Password);
    QTest::mouseClick(button("loginButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, 15000);
    QCOMPARE(m_dialog->errorText(), QString());
    QVERIFY(!m_settings->token(m_server.url()).isEmpty());
}

void TestSignInDialog::unreachableServer()
{
    const quint16 port = closedPort();
    QVERIFY(port != 0);
    QUrl url;
    url.setScheme(QStringLiteral("ws"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port);

    QSignalSpy failed(m_session.get(), &Session::signInFailed);
    fill(url, QStringLiteral("frank"), Password);
    QTest::mouseClick(button("loginButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 15000);

    // The address as typed, without the root path's "/".
    const QString expected = QStringLiteral("Can't reach server at ws://127.0.0.1:%1.").arg(port);
    QCOMPARE(m_dialog->errorText(), expected);
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(m_session->connection()->state(), Connection::State::Disconnected);
    QVERIFY(m_settings->token(url).isEmpty());
    // The address is shown as it was used, so the user sees what was tried, ready to correct.
    QCOMPARE(edit("serverEdit")->text(), QStringLiteral("ws://127.0.0.1:%1").arg(port));
    QVERIFY(button("loginButton")->isEnabled());
    QVERIFY(edit("serverEdit")->isEnabled());
    QCOMPARE(m_dialog->focusWidget(), edit("serverEdit"));
}

void TestSignInDialog::silentServerTimesOut()
{
    // Accepts the TCP connection and never answers the WebSocket upgrade.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    const QString address = QStringLiteral("ws://127.0.0.1:%1").arg(silent.serverPort());
    m_dialog->setConnectTimeout(std::chrono::seconds(2));

    QSignalSpy rejected(m_dialog.get(), &QDialog::rejected);
    fill(QUrl(address), QStringLiteral("frank"), Password);
    QTest::mouseClick(button("loginButton"), Qt::LeftButton);
    QTRY_VERIFY(silent.hasPendingConnections());
    QCOMPARE(m_dialog->progressText(), QStringLiteral("Connecting to %1…").arg(address));
    QVERIFY(!edit("serverEdit")->isEnabled());

    QTRY_COMPARE_WITH_TIMEOUT(m_dialog->errorText(),
        QStringLiteral("%1 did not answer within 2 s. Check the address, and that a Hubbub "
                       "server runs there.")
            .arg(address),
        10000);
    QVERIFY(m_dialog->progressText().isEmpty());
    QCOMPARE(m_session->connection()->state(), Connection::State::Disconnected);
    QCOMPARE(rejected.count(), 0);
    QVERIFY(m_dialog->isVisible());

    // The address can be corrected at once, and the next attempt succeeds.
    QVERIFY(edit("serverEdit")->isEnabled());
    QVERIFY(edit("serverEdit")->hasFocus());
    QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);
    retype(edit("serverEdit"), m_server.url().toString());
    QTest::mouseClick(button("createButton"), Qt::LeftButton);
    QTest::keyClicks(edit("confirmEdit"), Password);
    QTest::mouseClick(button("createButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, 15000);
}

void TestSignInDialog::cancelWhileConnecting()
{
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    QSignalSpy rejected(m_dialog.get(), &QDialog::rejected);
    fill(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(silent.serverPort())),
        QStringLiteral("frank"), Password);
    QTest::mouseClick(button("loginButton"), Qt::LeftButton);
    QTRY_VERIFY(silent.hasPendingConnections());
    QVERIFY(!m_dialog->progressText().isEmpty());

    // Cancel (or Escape) stops the attempt, not the dialog.
    auto *buttons = m_dialog->findChild<QDialogButtonBox *>();
    QVERIFY(buttons);
    QTest::mouseClick(buttons->button(QDialogButtonBox::Cancel), Qt::LeftButton);
    QCOMPARE(rejected.count(), 0);
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(m_session->connection()->state(), Connection::State::Disconnected);
    QCOMPARE(m_dialog->errorText(), QStringLiteral("Sign-in cancelled."));
    QVERIFY(m_dialog->progressText().isEmpty());
    QVERIFY(edit("serverEdit")->isEnabled());
    QVERIFY(button("loginButton")->isEnabled());

    // Not busy any more, Cancel closes the dialog as before.
    QTest::keyClick(m_dialog.get(), Qt::Key_Escape);
    QCOMPARE(rejected.count(), 1);
}

void TestSignInDialog::errorDoesNotSqueezeTheForm()
{
    // Every label and field at least as tall as it asks to be, with the message shown; the
    // address in it fits on a line.
    const QString address = QStringLiteral("ws://192.168.100.100:7300");
    m_dialog->showError(
        QStringLiteral("%1 did not answer within 15 s. Check the address, and that a Hubbub "
                       "server runs there.")
            .arg(address));
    QApplication::processEvents();
    const QList<QWidget *> widgets = m_dialog->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (!widget->isVisible() || widget->isWindow())
            continue;
        const int wanted = widget->hasHeightForWidth() ? widget->heightForWidth(widget->width())
                                                       : widget->minimumSizeHint().height();
        QVERIFY2(widget->height() >= wanted,
            qPrintable(QStringLiteral("%1 %2: %3 px of %4")
                           .arg(QString::fromLatin1(widget->metaObject()->className()),
                               widget->objectName())
                           .arg(widget->height())
                           .arg(wanted)));
    }
    auto *error = m_dialog->findChild<QLabel *>(QStringLiteral("errorLabel"));
    QVERIFY(error && error->isVisible());
    QVERIFY(error->fontMetrics().horizontalAdvance(address + QStringLiteral(" did not"))
        <= error->contentsRect().width());
}

void TestSignInDialog::checkedBeforeSending_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("create");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("focus");

    const QString shortName
        = QStringLiteral("A username has %1 to %2 letters, digits, '_', '.' or '-'.")
              .arg(Limits::UsernameMin)
              .arg(Limits::UsernameMax);
    const QString shortPassword
        = QStringLiteral("Choose a password of at least %1 characters.").arg(Limits::PasswordMin);
    const QString tooShort(Limits::PasswordMin - 1, QLatin1Char('p'));
    // The server column holds "%1" for the test server.
    QTest::addRow("create: short username")
        << QStringLiteral("%1") << QStringLiteral("ab") << Password << true << shortName
        << QStringLiteral("usernameEdit");
    QTest::addRow("log in: short username")
        << QStringLiteral("%1") << QStringLiteral("ab") << Password << false << shortName
        << QStringLiteral("usernameEdit");
    QTest::addRow("create: short password")
        << QStringLiteral("%1") << QStringLiteral("gina") << tooShort << true << shortPassword
        << QStringLiteral("passwordEdit");
    QTest::addRow("not a server address")
        << QStringLiteral("ftp://files") << QStringLiteral("gina") << Password << true
        << QStringLiteral("\"ftp://files\" is not a server address. Use something like "
                          "192.168.1.10 or wss://192.168.1.10:7300.")
        << QStringLiteral("serverEdit");
}

void TestSignInDialog::checkedBeforeSending()
{
    QFETCH(QString, server);
    QFETCH(QString, username);
    QFETCH(QString, password);
    QFETCH(bool, create);
    QFETCH(QString, message);
    QFETCH(QString, focus);

    QSignalSpy states(m_session->connection(), &Connection::stateChanged);
    retype(edit("serverEdit"), server == QLatin1String("%1") ? m_server.url().toString() : server);
    retype(edit("usernameEdit"), username);
    retype(edit("passwordEdit"), password);
    QTest::mouseClick(button(create ? "createButton" : "loginButton"), Qt::LeftButton);

    // Said at once, without a connection to anything.
    QCOMPARE(m_dialog->errorText(), message);
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(m_dialog->focusWidget()->objectName(), focus);
    QVERIFY(button("loginButton")->isEnabled());
    QCoreApplication::processEvents();
    QCOMPARE(states.count(), 0);
    QCOMPARE(m_session->connection()->state(), Connection::State::Disconnected);
    QVERIFY(m_settings->token(m_server.url()).isEmpty());

    // Nothing was created on the server either.
    if (username.size() >= Limits::UsernameMin) {
        TestClient client;
        QVERIFY(client.open(m_server.url()));
        QCOMPARE(errorCode(client.login(username, password)), QStringLiteral("unauthorized"));
    }
}

QTEST_MAIN(TestSignInDialog)
#include "tst_signindialog.moc"
