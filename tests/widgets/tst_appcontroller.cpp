// What Cancel on the sign-in dialog does, and the --user start against a server that never
// answers: the app (AppController) as client/main.cpp builds it, against a real server on
// loopback, with ada and bob signed in from two app instances in this process.

#include "appcontroller.h"
#include "clientsettings.h"
#include "connection.h"
#include "connectionstatus.h"
#include "mainwindow.h"
#include "peoplemodel.h"
#include "session.h"
#include "signindialog.h"
#include "testclient.h"
#include "twoappsfixture.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QInputMethodEvent>
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

QLineEdit *edit(SignInDialog *dialog, const char *name)
{
    return dialog->findChild<QLineEdit *>(QLatin1String(name));
}

//! Replaces the text of a field as a user does: select all, delete, then type (committed
//! through the input method, as any text beyond Latin-1 arrives).
void retype(QLineEdit *field, const QString &text)
{
    field->setFocus();
    field->selectAll();
    QTest::keyClick(field, Qt::Key_Backspace);
    QInputMethodEvent typed;
    typed.setCommitString(text);
    QApplication::sendEvent(field, &typed);
}

void clickCancel(SignInDialog *dialog)
{
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    QVERIFY(buttons);
    QTest::mouseClick(buttons->button(QDialogButtonBox::Cancel), Qt::LeftButton);
}

} // namespace

class TestAppController final : public TwoAppsFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void firstStartCancelQuitsKeepingTheAddress();
    void switchCancelledReturnsToTheAccount();
    void switchCancelledAfterAFailedAttempt();
    void switchToAnotherAccount();
    void userOptionsAgainstASilentServer();
};

void TestAppController::init()
{
    QVERIFY(startApps());
}

void TestAppController::cleanup()
{
    stopApps();
}

void TestAppController::firstStartCancelQuitsKeepingTheAddress()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("data")));
    {
        TestApp app(dir.path());
        QSignalSpy quit(&app.controller, &AppController::quitRequested);
        app.controller.start({});
        SignInDialog *dialog = app.controller.signInDialog();
        QVERIFY(dialog && dialog->isVisible());
        retype(edit(dialog, "serverEdit"), QStringLiteral("192.168.7.7:7400"));
        clickCancel(dialog);
        // Nothing else to show: the app ends ...
        QCOMPARE(quit.count(), 1);
    }
    // ... and the next start offers the address that was typed.
    TestApp again(dir.path());
    again.controller.start({});
    SignInDialog *dialog = again.controller.signInDialog();
    QVERIFY(dialog);
    QCOMPARE(edit(dialog, "serverEdit")->text(), QStringLiteral("wss://192.168.7.7:7400"));
}

void TestAppController::switchCancelledReturnsToTheAccount()
{
    MainWindow *window = m_ada->window();
    QSignalSpy quit(&m_ada->controller, &AppController::quitRequested);
    QSignalSpy states(m_ada->session.connection(), &Connection::stateChanged);
    auto *action = window->findChild<QAction *>(QStringLiteral("switchAccountAction"));
    QVERIFY(action);
    action->trigger();
    SignInDialog *dialog = m_ada->controller.signInDialog();
    QVERIFY(dialog && dialog->isVisible());

    // Cancel before trying anything: back to the window, still connected all along.
    clickCancel(dialog);
    QCOMPARE(quit.count(), 0);
    QVERIFY(!dialog->isVisible());
    QVERIFY(window->isVisible());
    QCOMPARE(states.count(), 0);
    QCOMPARE(m_ada->session.user().username, QStringLiteral("ada"));
    QVERIFY(m_ada->session.connection()->isOnline());
}

void TestAppController::switchCancelledAfterAFailedAttempt()
{
    const QUrl server = m_server->url();
    const QString token = m_ada->settings.token(server);
    MainWindow *window = m_ada->window();
    QSignalSpy quit(&m_ada->controller, &AppController::quitRequested);
    window->findChild<QAction *>(QStringLiteral("switchAccountAction"))->trigger();
    SignInDialog *dialog = m_ada->controller.signInDialog();
    QVERIFY(dialog && dialog->isVisible());
    QVERIFY(!window->isVisible());

    // Another server, which is not there.
    const quint16 port = closedPort();
    QVERIFY(port != 0);
    const QString elsewhere = QStringLiteral("ws://127.0.0.1:%1").arg(port);
    retype(edit(dialog, "serverEdit"), elsewhere);
    retype(edit(dialog, "usernameEdit"), QStringLiteral("ada"));
    retype(edit(dialog, "passwordEdit"), Password);
    QTest::mouseClick(
        dialog->findChild<QPushButton *>(QStringLiteral("loginButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(
        dialog->errorText(), QStringLiteral("Can't reach server at %1.").arg(elsewhere), 15000);
    QVERIFY(!window->isVisible());

    // Cancel: not the end of the app, but ada again, online with the token she had.
    clickCancel(dialog);
    QCOMPARE(quit.count(), 0);
    QVERIFY(window->isVisible());
    QCOMPARE(m_ada->settings.token(server), token);
    QTRY_COMPARE_WITH_TIMEOUT(window->connectionStatus()->text(),
        QStringLiteral("Connected to 127.0.0.1 as ada · 2 online"), 10000);
    QCOMPARE(m_ada->session.user().username, QStringLiteral("ada"));

    // The address typed is still there the next time.
    window->findChild<QAction *>(QStringLiteral("switchAccountAction"))->trigger();
    QCOMPARE(edit(m_ada->controller.signInDialog(), "serverEdit")->text(), elsewhere);
    clickCancel(m_ada->controller.signInDialog());
    QVERIFY(window->isVisible());
}

void TestAppController::switchToAnotherAccount()
{
    MainWindow *window = m_ada->window();
    window->findChild<QAction *>(QStringLiteral("switchAccountAction"))->trigger();
    SignInDialog *dialog = m_ada->controller.signInDialog();
    QVERIFY(dialog);
    retype(edit(dialog, "serverEdit"), m_server->url().toString());
    retype(edit(dialog, "usernameEdit"), QStringLiteral("Hélène"));
    retype(edit(dialog, "passwordEdit"), Password);
    auto *create = dialog->findChild<QPushButton *>(QStringLiteral("createButton"));
    QTest::mouseClick(create, Qt::LeftButton);
    retype(edit(dialog, "confirmEdit"), Password);
    QTest::mouseClick(create, Qt::LeftButton);

    QTRY_VERIFY_WITH_TIMEOUT(m_ada->isReady(), 10000);
    QCOMPARE(m_ada->window(), window);
    QCOMPARE(m_ada->session.user().username, QStringLiteral("Hélène"));
    QTRY_COMPARE_WITH_TIMEOUT(window->connectionStatus()->text(),
        QStringLiteral("Connected to 127.0.0.1 as Hélène · 2 online"), 10000);
    QCOMPARE(m_ada->settings.lastUsername(), QStringLiteral("Hélène"));
    // Bob sees ada leave and Hélène come.
    QTRY_COMPARE(m_bob->window()->connectionStatus()->text(),
        QStringLiteral("Connected to 127.0.0.1 as bob · 2 online"));
    QCOMPARE(m_bob->session.people()->rowCount(), 2);
}

void TestAppController::userOptionsAgainstASilentServer()
{
    // Accepts the TCP connection and never answers the WebSocket upgrade.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    const QString address = QStringLiteral("ws://127.0.0.1:%1").arg(silent.serverPort());

    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("data")));
    TestApp app(dir.path());
    QSignalSpy quit(&app.controller, &AppController::quitRequested);
    app.session.connection()->setConnectTimeout(std::chrono::seconds(1));
    app.controller.start({QUrl(address + QLatin1Char('/')), QStringLiteral("erin"), Password});
    QTRY_VERIFY(silent.hasPendingConnections());

    SignInDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (dialog = app.controller.signInDialog()) && dialog->isVisible(), 10000);
    QCOMPARE(dialog->errorText(),
        QStringLiteral("%1 did not answer within 1 s. Check the address, and that a Hubbub "
                       "server runs there.")
            .arg(address));
    QVERIFY(!app.window());
    QCOMPARE(quit.count(), 0);
    QCOMPARE(app.session.connection()->state(), Connection::State::Disconnected);
    QCOMPARE(edit(dialog, "serverEdit")->text(), address);
    QCOMPARE(edit(dialog, "usernameEdit")->text(), QStringLiteral("erin"));
}

QTEST_MAIN(TestAppController)
#include "tst_appcontroller.moc"
