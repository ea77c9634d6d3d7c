// Starting the desktop app and who it is signed in as, with two app instances in one process
// against one real server on loopback: start-up with and without a remembered token or user
// options, an expired token, signing out, and renaming from the menu.

#include "appcontroller.h"
#include "channelmodel.h"
#include "chatinput.h"
#include "chatmodel.h"
#include "chatview.h"
#include "clientsettings.h"
#include "composer.h"
#include "connection.h"
#include "connectionstatus.h"
#include "feedmodel.h"
#include "feedview.h"
#include "mainwindow.h"
#include "notifier.h"
#include "offlinebanner.h"
#include "outbox.h"
#include "peoplemodel.h"
#include "postdelegate.h"
#include "posteditdialog.h"
#include "readstate.h"
#include "reply.h"
#include "reviewdialog.h"
#include "session.h"
#include "sidebar.h"
#include "signindialog.h"
#include "testclient.h"
#include "twoappsfixture.h"
#include "widgettesting.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QJsonArray>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <memory>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Hubbub::Test;
using Action = PostDelegate::Action;

class TestMainWindowSignIn final : public TwoAppsFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void startsWithRememberedToken();
    void offlineStartSaysNotLoaded();
    void unreadSurvivesRestart();
    void expiredTokenShowsSignIn();
    void startWithUserOptions();
    void startWithNothingShowsSignIn();
    void signOut();
    void renameFromMenu();
};

void TestMainWindowSignIn::init()
{
    QVERIFY(startApps());
}

void TestMainWindowSignIn::cleanup()
{
    stopApps();
}

void TestMainWindowSignIn::startsWithRememberedToken()
{
    const QUrl server = m_server->url();
    const QString token = m_ada->settings.token(server);
    QVERIFY(!token.isEmpty());
    QCOMPARE(m_ada->settings.lastServer(), Deployment(server));

    // Quit and start again with the same settings: no dialog, the window at once.
    m_ada.reset();
    QTRY_COMPARE(m_bob->session.people()->rowCount(), 1);
    m_ada = std::make_unique<TestApp>(m_adaDir->path());
    m_ada->controller.start({});
    QVERIFY(m_ada->window());
    QVERIFY(m_ada->window()->isVisible());
    QVERIFY(!m_ada->controller.signInDialog());
    QCOMPARE(m_ada->session.user().username, QStringLiteral("ada")); // before the server answers
    QVERIFY(!m_ada->session.connection()->isOnline());

    QTRY_VERIFY_WITH_TIMEOUT(m_ada->isReady(), 10000);
    QCOMPARE(m_ada->session.connection()->user().username, QStringLiteral("ada"));
    QCOMPARE(m_ada->session.connection()->token(), token);
    QTRY_COMPARE(m_ada->window()->connectionStatus()->text(),
        QStringLiteral("Connected to 127.0.0.1 as ada · 2 online"));
    QVERIFY(!m_ada->controller.signInDialog());
    QCOMPARE(m_ada->window()->windowTitle(), QStringLiteral("Feed — Hubbub"));

    // With the server down the window still opens straight away, and says why it waits.
    m_ada.reset();
    m_server->stop();
    m_ada = std::make_unique<TestApp>(m_adaDir->path());
    m_ada->controller.start({});
    QVERIFY(m_ada->window() && m_ada->window()->isVisible());
    QVERIFY(!m_ada->controller.signInDialog());
    QTRY_VERIFY(
        m_ada->window()->connectionStatus()->text().startsWith(QStringLiteral("Reconnecting in ")));
    QVERIFY(m_ada->window()->offlineBanner()->retryButton()->isVisible());
    QVERIFY(!m_ada->controller.signInDialog());
}

void TestMainWindowSignIn::offlineStartSaysNotLoaded()
{
    // bob posts, so that an empty feed after a restart would be a lie.
    m_bob->session.createPost(QStringLiteral("Already there"), QStringLiteral("Yes"));
    QTRY_COMPARE(m_ada->session.feed()->rowCount(), 1);

    // Started while the server is down with nothing cached (a first start on this computer, or
    // after a sign-out; with a cache, tst_mainwindowoffline): the feed must not claim there is
    // nothing.
    m_ada.reset();
    m_server->stop();
    QDir data(QDir(m_adaDir->path()).filePath(QStringLiteral("data")));
    const QStringList cached = data.entryList({QStringLiteral("cache-*")}, QDir::Files);
    QVERIFY(!cached.isEmpty());
    for (const QString &name : cached)
        QVERIFY(data.remove(name));
    m_ada = std::make_unique<TestApp>(m_adaDir->path());
    m_ada->controller.start({});
    QVERIFY(m_ada->window() && m_ada->window()->isVisible());
    FeedView *feed = m_ada->window()->feedView();
    QTRY_VERIFY(
        m_ada->window()->connectionStatus()->text().startsWith(QStringLiteral("Reconnecting in ")));
    QCOMPARE(m_ada->session.feed()->rowCount(), 0);
    QVERIFY2(feed->placeholderText().startsWith(QStringLiteral("Offline: the posts have not "
                                                               "loaded yet")),
        qPrintable(feed->placeholderText()));

    // Back online, the posts arrive; only a feed that loaded and is empty says "no posts".
    QVERIFY(m_server->restart(true));
    m_ada->window()->offlineBanner()->retryButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(m_ada->isReady(), 10000);
    QTRY_COMPARE(m_ada->session.feed()->rowCount(), 1);
    QCOMPARE(feed->placeholderText(), QStringLiteral("No posts yet. Write the first one above."));
}

void TestMainWindowSignIn::unreadSurvivesRestart()
{
    const qint64 channel = createChannel(QStringLiteral("lounge"));
    QVERIFY(channel > 0);
    ChannelModel *channels = m_ada->session.channels();
    m_bob->session.sendMessage(channel, QStringLiteral("one"));
    m_bob->session.sendMessage(channel, QStringLiteral("two"));
    QTRY_COMPARE(channels->unread(channel), 2); // ada reads the feed

    // ada quits; bob writes on while she is away.
    m_ada.reset();
    QTRY_COMPARE(m_bob->session.people()->rowCount(), 1);
    m_bob->session.sendMessage(channel, QStringLiteral("three"));
    m_bob->session.sendMessage(channel, QStringLiteral("four"));
    m_bob->session.sendMessage(channel, QStringLiteral("five"));
    QTRY_COMPARE(m_bob->session.outbox()->count(), 0);

    // Back: the two she left unread and the three that came meanwhile.
    m_ada = std::make_unique<TestApp>(m_adaDir->path());
    m_ada->controller.start({});
    channels = m_ada->session.channels();
    QTRY_VERIFY_WITH_TIMEOUT(m_ada->isReady(), 10000);
    QTRY_COMPARE(channels->unread(channel), 5);
    QTRY_VERIFY(m_ada->window()->windowTitle().startsWith(QStringLiteral("(5) ")));

    // Read now (opened in her window, in front: the server keeps where she read), they stay
    // read after the next restart; only what is new counts.
    QVERIFY(activateWindow(m_ada->window()));
    QVERIFY(clickChannel(m_ada->window()->sidebar(), channels->rowOf(channel)));
    QCOMPARE(channels->unread(channel), 0);
    ChatModel *chat = m_ada->session.chat(channel);
    QTRY_COMPARE(chat->rowCount(), 5);
    const qint64 newest = chat->index(4, 0).data(ChatModel::IdRole).toLongLong();
    QTRY_COMPARE(m_ada->session.readState()->lastReadId(channel), newest);
    QTest::mouseClick(m_ada->window()->sidebar()->feedButton(), Qt::LeftButton); // back to the feed
    m_ada.reset();
    QTRY_COMPARE(m_bob->session.people()->rowCount(), 1);
    m_bob->session.sendMessage(channel, QStringLiteral("six"));
    QTRY_COMPARE(m_bob->session.outbox()->count(), 0);
    m_ada = std::make_unique<TestApp>(m_adaDir->path());
    m_ada->controller.start({});
    channels = m_ada->session.channels();
    QTRY_VERIFY_WITH_TIMEOUT(m_ada->isReady(), 10000);
    QTRY_COMPARE(channels->unread(channel), 1);
    m_bob->session.sendMessage(channel, QStringLiteral("seven")); // live, counted once
    QTRY_COMPARE(channels->unread(channel), 2);
    QTRY_COMPARE(m_bob->session.outbox()->count(), 0);
    QCOMPARE(channels->unread(channel), 2);
}

void TestMainWindowSignIn::expiredTokenShowsSignIn()
{
    const QUrl server = m_server->url();
    const QString token = m_ada->settings.token(server);
    m_ada.reset();
    // The token is revoked elsewhere (as by a sign-out on another machine).
    TestClient other;
    QVERIFY(other.open(server));
    QVERIFY(isOk(other.request(QStringLiteral("auth.token"), {{QStringLiteral("token"), token}})));
    QVERIFY(isOk(other.request(QStringLiteral("auth.logout"))));

    m_ada = std::make_unique<TestApp>(m_adaDir->path());
    m_ada->controller.start({});
    QVERIFY(m_ada->window());
    // The server refuses it: back to the dialog, saying why, with the name filled in.
    SignInDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_ada->controller.signInDialog()) && dialog->isVisible());
    QCOMPARE(dialog->errorText(),
        QStringLiteral("Your session has expired or was signed out. Please sign in again."));
    QVERIFY(!m_ada->window()->isVisible());
    QVERIFY(m_ada->settings.token(server).isEmpty());
    auto *username = dialog->findChild<QLineEdit *>(QStringLiteral("usernameEdit"));
    auto *password = dialog->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    QCOMPARE(username->text(), QStringLiteral("ada"));
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("serverEdit"))->text(),
        Connection::displayAddress(server));

    // Signing in again brings the same window back.
    QTest::keyClicks(password, Password);
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(m_ada->isReady(), 10000);
    QTRY_VERIFY(!m_ada->controller.signInDialog());
    QVERIFY(!m_ada->settings.token(server).isEmpty());
    QVERIFY(m_ada->settings.token(server) != token);
}

void TestMainWindowSignIn::startWithUserOptions()
{
    // A new name: the account is created, no dialog.
    QTemporaryDir dir;
    std::unique_ptr<TestApp> carol = startApp(dir, QStringLiteral("carol"));
    QVERIFY(carol);
    QVERIFY(!carol->controller.signInDialog());
    QCOMPARE(carol->session.user().username, QStringLiteral("carol"));
    QVERIFY(!carol->settings.token(m_server->url()).isEmpty());
    QCOMPARE(carol->settings.lastUsername(), QStringLiteral("carol"));
    QTRY_COMPARE(m_bob->window()->connectionStatus()->text(),
        QStringLiteral("Connected to 127.0.0.1 as bob · 3 online"));

    // An existing name with its password: logged in as that account, not a new one.
    const qint64 carolId = carol->session.user().id;
    carol.reset();
    QTemporaryDir again;
    carol = startApp(again, QStringLiteral("carol"));
    QVERIFY(carol);
    QCOMPARE(carol->session.user().id, carolId);

    // An existing name with the wrong password: the dialog, saying so, with the name kept.
    QTemporaryDir wrong;
    QVERIFY(QDir(wrong.path()).mkpath(QStringLiteral("data")));
    TestApp intruder(wrong.path());
    intruder.controller.start(
        {m_server->url(), QStringLiteral("carol"), QStringLiteral("guessing")});
    SignInDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (dialog = intruder.controller.signInDialog()) && dialog->isVisible(), 10000);
    QVERIFY(!intruder.window());
    QCOMPARE(dialog->errorText(), QStringLiteral("Wrong username or password."));
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("usernameEdit"))->text(),
        QStringLiteral("carol"));
    QVERIFY(intruder.settings.token(m_server->url()).isEmpty());
}

void TestMainWindowSignIn::startWithNothingShowsSignIn()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("data")));
    TestApp app(dir.path());
    QSignalSpy states(app.session.connection(), &Connection::stateChanged);
    app.controller.start({});
    SignInDialog *dialog = app.controller.signInDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(!app.window());
    QCOMPARE(dialog->errorText(), QString());
    auto *server = dialog->findChild<QLineEdit *>(QStringLiteral("serverEdit"));
    QCOMPARE(server->text(), ClientSettings::defaultServer().toString());
    QCoreApplication::processEvents();
    QCOMPARE(states.count(), 0); // nothing is tried before the user asks

    // The user fills it in and creates an account.
    server->selectAll();
    QTest::keyClicks(server, m_server->url().toString());
    QTest::keyClicks(
        dialog->findChild<QLineEdit *>(QStringLiteral("usernameEdit")), QStringLiteral("dora"));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("passwordEdit")), Password);
    QTest::mouseClick(
        dialog->findChild<QPushButton *>(QStringLiteral("createButton")), Qt::LeftButton);
    auto *confirm = dialog->findChild<QLineEdit *>(QStringLiteral("confirmEdit"));
    QTest::keyClicks(confirm, Password);
    QTest::keyClick(confirm, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(app.isReady(), 10000);
    QTRY_VERIFY(!app.controller.signInDialog());
    QCOMPARE(app.session.user().username, QStringLiteral("dora"));
    QCOMPARE(app.settings.lastServer(), Deployment(m_server->url()));
    QVERIFY(!app.settings.token(m_server->url()).isEmpty());
    QTRY_COMPARE(app.window()->connectionStatus()->text(),
        QStringLiteral("Connected to 127.0.0.1 as dora · 3 online"));
}

void TestMainWindowSignIn::signOut()
{
    const QUrl server = m_server->url();
    const QString token = m_ada->settings.token(server);
    QVERIFY(!token.isEmpty());
    MainWindow *window = m_ada->window();
    auto *action = window->findChild<QAction *>(QStringLiteral("signOutAction"));
    QVERIFY(action);
    action->trigger();

    SignInDialog *dialog = m_ada->controller.signInDialog();
    QVERIFY(dialog && dialog->isVisible());
    QVERIFY(!window->isVisible());
    QCOMPARE(dialog->errorText(), QString());
    QVERIFY(m_ada->settings.token(server).isEmpty());
    QCOMPARE(m_ada->settings.lastUsername(), QStringLiteral("ada"));
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("usernameEdit"))->text(),
        QStringLiteral("ada"));
    // auth.logout is answered before the socket closes.
    QTRY_COMPARE(m_ada->session.connection()->state(), Connection::State::Disconnected);
    // Bob sees her leave; the old token no longer works.
    QTRY_COMPARE(m_bob->window()->connectionStatus()->text(),
        QStringLiteral("Connected to 127.0.0.1 as bob · 1 online"));
    TestClient client;
    QVERIFY(client.open(server));
    QCOMPARE(
        errorCode(client.request(QStringLiteral("auth.token"), {{QStringLiteral("token"), token}})),
        QStringLiteral("unauthorized"));

    // A restart now asks again instead of signing in.
    {
        TestApp restarted(m_adaDir->path());
        restarted.controller.start({});
        QVERIFY(restarted.controller.signInDialog());
        QVERIFY(!restarted.window());
    }

    // Signing in again shows the same window.
    auto *password = dialog->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    QTest::keyClicks(password, Password);
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(m_ada->isReady(), 10000);
    QCOMPARE(m_ada->window(), window);
    QTRY_VERIFY(!m_ada->controller.signInDialog());
    QVERIFY(!m_ada->settings.token(server).isEmpty());
    QTRY_COMPARE(window->connectionStatus()->text(),
        QStringLiteral("Connected to 127.0.0.1 as ada · 2 online"));
}

void TestMainWindowSignIn::renameFromMenu()
{
    const QUrl server = m_server->url();
    MainWindow *window = m_ada->window();
    auto *rename = window->findChild<QAction *>(QStringLiteral("renameAction"));
    QVERIFY(rename);

    // A name that is taken: the reason (from the code and field) in a message box, nothing
    // changes.
    QString prefilled;
    bool warned = false;
    onNextModal([&prefilled, &warned](QDialog *dialog) {
        auto *edit = dialog->findChild<QLineEdit *>();
        if (!edit) {
            dialog->reject();
            return;
        }
        prefilled = edit->text();
        edit->selectAll();
        QTest::keyClicks(edit, QStringLiteral("bob"));
        QTest::keyClick(edit, Qt::Key_Return);
        onNextModal([&warned](QDialog *box) {
            auto *message = qobject_cast<QMessageBox *>(box);
            warned
                = message && message->text() == QStringLiteral("This username is already taken.");
            box->accept();
        });
    });
    rename->trigger();
    QCOMPARE(prefilled, QStringLiteral("ada"));
    QTRY_VERIFY(warned);
    QTRY_VERIFY(!QApplication::activeModalWidget());
    QCOMPARE(m_ada->session.user().username, QStringLiteral("ada"));

    // A free one: the status bar says so, Bob sees it, and it is remembered for the next start.
    const QString name = QStringLiteral("ada.lovelace");
    onNextModal([&name](QDialog *dialog) {
        auto *edit = dialog->findChild<QLineEdit *>();
        if (!edit) {
            dialog->reject();
            return;
        }
        edit->selectAll();
        QTest::keyClicks(edit, name);
        QTest::keyClick(edit, Qt::Key_Return);
    });
    rename->trigger();
    QTRY_COMPARE(
        window->statusBar()->currentMessage(), QStringLiteral("You are now ada.lovelace."));
    QTRY_COMPARE(window->connectionStatus()->text(),
        QStringLiteral("Connected to 127.0.0.1 as ada.lovelace · 2 online"));
    QTRY_VERIFY(rowWith(m_bob->session.people(), PeopleModel::UsernameRole, name) >= 0);
    QCOMPARE(
        rowWith(m_bob->session.people(), PeopleModel::UsernameRole, QStringLiteral("ada")), -1);
    QCOMPARE(m_ada->settings.user(server).username, name);
    QCOMPARE(m_ada->settings.lastUsername(), name);

    // So a sign-out offers the name that works.
    window->findChild<QAction *>(QStringLiteral("signOutAction"))->trigger();
    SignInDialog *dialog = m_ada->controller.signInDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("usernameEdit"))->text(), name);
}

QTEST_MAIN(TestMainWindowSignIn)
#include "tst_mainwindowsignin.moc"
