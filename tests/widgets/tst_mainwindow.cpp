// The whole window as users drive it: two app instances in one process (each its own settings
// file, data folder, Session, AppController and MainWindow) against one real server on
// loopback. Start-up with and without a remembered token, the feed and chat round trips between
// the two windows, unread counts in the sidebar and title, the status bar through a server
// outage, signing out, keyboard shortcuts and desktop notifications.

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
#include "outbox.h"
#include "peoplemodel.h"
#include "postdelegate.h"
#include "posteditdialog.h"
#include "reply.h"
#include "reviewdialog.h"
#include "session.h"
#include "sidebar.h"
#include "signindialog.h"
#include "testclient.h"
#include "testserver.h"

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

#include <functional>
#include <memory>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Hubbub::Test;
using Action = PostDelegate::Action;

namespace {

const QString Password = QStringLiteral("correct horse");

//! One running copy of the app, as client/main.cpp builds it, with everything it stores in
//! `dir` so that nothing touches the real user settings.
class App final
{
public:
    explicit App(const QString &dir)
        : settings(QDir(dir).filePath(QStringLiteral("hubbub.ini")))
        , session(Session::Paths {QDir(dir).filePath(QStringLiteral("data")),
              QDir(dir).filePath(QStringLiteral("cache"))})
        , controller(&session, &settings)
    { }

    MainWindow *window() const { return controller.mainWindow(); }
    bool isReady() const
    {
        return window() && window()->isVisible() && session.connection()->isOnline()
            && session.feed()->isLoaded();
    }

    ClientSettings settings;
    Session session;
    AppController controller;
};

//! The visible top-level widget of type T (dialogs opened with open() are top-level windows).
template<class T>
T *findWindow()
{
    const QWidgetList widgets = QApplication::topLevelWidgets();
    for (QWidget *widget : widgets) {
        if (auto *found = qobject_cast<T *>(widget); found && found->isVisible())
            return found;
    }
    return nullptr;
}

//! Runs `act` on the next modal dialog once it shows (it opens inside the nested event loop of
//! the click that asks for it). Gives up after about ten seconds by rejecting whatever modal
//! dialog is open, so a test that never sees its dialog fails instead of hanging.
void onNextModal(std::function<void(QDialog *)> act)
{
    auto *timer = new QTimer;
    timer->setInterval(10);
    auto attempts = std::make_shared<int>(0);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, attempts, act] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (dialog && dialog->isVisible()) {
            timer->deleteLater();
            act(dialog);
        } else if (++*attempts > 1000) {
            timer->deleteLater();
            if (dialog)
                dialog->reject();
        }
    });
    timer->start();
}

int rowWith(const QAbstractItemModel *model, int role, const QString &text)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(role).toString() == text)
            return row;
    }
    return -1;
}

int countWith(const QAbstractItemModel *model, int role, const QString &text)
{
    int count = 0;
    for (int row = 0; row < model->rowCount(); ++row)
        count += model->index(row, 0).data(role).toString() == text ? 1 : 0;
    return count;
}

//! Scrolls `row` of a feed view into sight and clicks its `action` link with the mouse.
bool clickAction(FeedView *view, int row, Action action)
{
    QListView *list = view->listView();
    list->scrollTo(list->model()->index(row, 0), QAbstractItemView::PositionAtTop);
    const QRect rect = view->actionRect(row, action);
    if (rect.isEmpty() || !list->viewport()->rect().contains(rect.center()))
        return false;
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    return true;
}

//! Clicks a sidebar channel row with the mouse.
bool clickChannel(Sidebar *sidebar, int row)
{
    QListView *list = sidebar->channelList();
    const QModelIndex index = list->model()->index(row, 0);
    list->scrollTo(index);
    const QRect rect = list->visualRect(index);
    if (!index.isValid() || rect.isEmpty())
        return false;
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    return true;
}

//! How many posts titled `title` the server holds.
int serverPostCount(TestClient &client, const QString &title)
{
    const QJsonObject reply
        = client.request(QStringLiteral("feed.page"), {{QStringLiteral("limit"), 100}});
    int count = 0;
    const QJsonArray posts = reply.value(QStringLiteral("posts")).toArray();
    for (const QJsonValue &post : posts)
        count += post.toObject().value(QStringLiteral("title")).toString() == title ? 1 : 0;
    return count;
}

} // namespace

class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void startsWithRememberedToken();
    void expiredTokenShowsSignIn();
    void startWithUserOptions();
    void startWithNothingShowsSignIn();
    void feedBetweenTwoWindows();
    void chatBetweenTwoWindows();
    void statusBarThroughOutage();
    void signOut();
    void renameFromMenu();
    void keyboardShortcuts();
    void notifications();

private:
    //! Starts an app in `dir` signing in as `username` (creating the account) with no dialog,
    //! and waits until its window shows, online with the feed loaded.
    std::unique_ptr<App> startApp(QTemporaryDir &dir, const QString &username);
    //! Makes `window` the active window, as a click on it would.
    bool activate(QWidget *window);
    //! Creates a channel through ada's session and waits until both apps list it.
    qint64 createChannel(const QString &name);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<QTemporaryDir> m_adaDir;
    std::unique_ptr<QTemporaryDir> m_bobDir;
    std::unique_ptr<App> m_ada;
    std::unique_ptr<App> m_bob;
};

std::unique_ptr<App> TestMainWindow::startApp(QTemporaryDir &dir, const QString &username)
{
    if (!dir.isValid() || !QDir(dir.path()).mkpath(QStringLiteral("data")))
        return nullptr;
    auto app = std::make_unique<App>(dir.path());
    app->controller.start({m_server->url(), username, Password});
    if (!QTest::qWaitFor([&] { return app->isReady(); }, 20000))
        return nullptr;
    if (app->controller.signInDialog() || !QTest::qWaitForWindowExposed(app->window()))
        return nullptr;
    return app;
}

bool TestMainWindow::activate(QWidget *window)
{
    window->activateWindow();
    return QTest::qWaitFor([window] { return QApplication::activeWindow() == window; }, 5000);
}

qint64 TestMainWindow::createChannel(const QString &name)
{
    // Shared: the answer may come after a timeout has ended this function.
    auto id = std::make_shared<qint64>(0);
    m_ada->session.createChannel(name, {}, m_ada->window(), [id](const Reply &reply) {
        *id = reply.ok() ? reply.result()
                               .value(QStringLiteral("channel"))
                               .toObject()
                               .value(QStringLiteral("id"))
                               .toInteger()
                         : -1;
    });
    const bool listed = QTest::qWaitFor(
        [&] {
            return *id > 0 && m_ada->session.channels()->rowOf(*id) >= 0
                && m_bob->session.channels()->rowOf(*id) >= 0;
        },
        10000);
    return listed ? *id : 0;
}

void TestMainWindow::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY(m_server->start());
    // Each test starts from empty settings.
    m_adaDir = std::make_unique<QTemporaryDir>();
    m_bobDir = std::make_unique<QTemporaryDir>();
    m_ada = startApp(*m_adaDir, QStringLiteral("ada"));
    QVERIFY(m_ada);
    m_bob = startApp(*m_bobDir, QStringLiteral("bob"));
    QVERIFY(m_bob);
    QTRY_COMPARE(m_ada->session.people()->rowCount(), 2);
    QTRY_COMPARE(m_bob->session.people()->rowCount(), 2);
}

void TestMainWindow::cleanup()
{
    const QWidgetList widgets = QApplication::topLevelWidgets();
    for (QWidget *widget : widgets) {
        if (widget->isVisible()
            && (qobject_cast<QDialog *>(widget) || qobject_cast<QMenu *>(widget))
            && !qobject_cast<SignInDialog *>(widget)) {
            widget->close();
        }
    }
    m_ada.reset();
    m_bob.reset();
    m_server.reset();
    m_adaDir.reset();
    m_bobDir.reset();
}

void TestMainWindow::startsWithRememberedToken()
{
    const QUrl server = m_server->url();
    const QString token = m_ada->settings.token(server);
    QVERIFY(!token.isEmpty());
    QCOMPARE(m_ada->settings.lastServer(), server);

    // Quit and start again with the same settings: no dialog, the window at once.
    m_ada.reset();
    QTRY_COMPARE(m_bob->session.people()->rowCount(), 1);
    m_ada = std::make_unique<App>(m_adaDir->path());
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
    m_ada = std::make_unique<App>(m_adaDir->path());
    m_ada->controller.start({});
    QVERIFY(m_ada->window() && m_ada->window()->isVisible());
    QVERIFY(!m_ada->controller.signInDialog());
    QTRY_VERIFY(
        m_ada->window()->connectionStatus()->text().startsWith(QStringLiteral("Reconnecting in ")));
    QVERIFY(m_ada->window()->connectionStatus()->retryButton()->isVisible());
    QVERIFY(!m_ada->controller.signInDialog());
}

void TestMainWindow::expiredTokenShowsSignIn()
{
    const QUrl server = m_server->url();
    const QString token = m_ada->settings.token(server);
    m_ada.reset();
    // The token is revoked elsewhere (as by a sign-out on another machine).
    TestClient other;
    QVERIFY(other.open(server));
    QVERIFY(isOk(other.request(QStringLiteral("auth.token"), {{QStringLiteral("token"), token}})));
    QVERIFY(isOk(other.request(QStringLiteral("auth.logout"))));

    m_ada = std::make_unique<App>(m_adaDir->path());
    m_ada->controller.start({});
    QVERIFY(m_ada->window());
    // The server refuses it: back to the dialog, saying why, with the name filled in.
    SignInDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_ada->controller.signInDialog()) && dialog->isVisible());
    QCOMPARE(
        dialog->errorText(), QStringLiteral("Your session has expired. Please sign in again."));
    QVERIFY(!m_ada->window()->isVisible());
    QVERIFY(m_ada->settings.token(server).isEmpty());
    auto *username = dialog->findChild<QLineEdit *>(QStringLiteral("usernameEdit"));
    auto *password = dialog->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    QCOMPARE(username->text(), QStringLiteral("ada"));
    QCOMPARE(
        dialog->findChild<QLineEdit *>(QStringLiteral("serverEdit"))->text(), server.toString());

    // Signing in again brings the same window back.
    QTest::keyClicks(password, Password);
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(m_ada->isReady(), 10000);
    QTRY_VERIFY(!m_ada->controller.signInDialog());
    QVERIFY(!m_ada->settings.token(server).isEmpty());
    QVERIFY(m_ada->settings.token(server) != token);
}

void TestMainWindow::startWithUserOptions()
{
    // A new name: the account is created, no dialog.
    QTemporaryDir dir;
    std::unique_ptr<App> carol = startApp(dir, QStringLiteral("carol"));
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
    App intruder(wrong.path());
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

void TestMainWindow::startWithNothingShowsSignIn()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("data")));
    App app(dir.path());
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
    QTRY_VERIFY_WITH_TIMEOUT(app.isReady(), 10000);
    QTRY_VERIFY(!app.controller.signInDialog());
    QCOMPARE(app.session.user().username, QStringLiteral("dora"));
    QCOMPARE(app.settings.lastServer(), m_server->url());
    QVERIFY(!app.settings.token(m_server->url()).isEmpty());
    QTRY_COMPARE(app.window()->connectionStatus()->text(),
        QStringLiteral("Connected to 127.0.0.1 as dora · 3 online"));
}

void TestMainWindow::feedBetweenTwoWindows()
{
    MainWindow *ada = m_ada->window();
    MainWindow *bob = m_bob->window();
    FeedModel *adaFeed = m_ada->session.feed();
    FeedModel *bobFeed = m_bob->session.feed();
    const QString title = QStringLiteral("Lunch on Friday");

    // Ada writes in her composer and posts with Ctrl+Enter.
    QVERIFY(activate(ada));
    Composer *composer = ada->feedView()->composer();
    QTest::keyClicks(composer->titleEdit(), title);
    QTest::keyClicks(composer->textEdit(), QStringLiteral("Who is in?"));
    QTest::keyClick(composer->textEdit(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(composer->titleEdit()->text().isEmpty());

    // It shows in Bob's window.
    QTRY_VERIFY(rowWith(bobFeed, FeedModel::TitleRole, title) >= 0);
    int row = rowWith(bobFeed, FeedModel::TitleRole, title);
    QCOMPARE(bobFeed->index(row).data(FeedModel::AuthorRole).toString(), QStringLiteral("ada"));
    QCOMPARE(
        bobFeed->index(row).data(FeedModel::ContentRole).toString(), QStringLiteral("Who is in?"));
    QVERIFY(bob->feedView()->actionRect(row, Action::Edit).isEmpty()); // not his post

    // Bob reviews it through the card's Review… link: four stars, a comment.
    QVERIFY(activate(bob));
    QVERIFY(clickAction(bob->feedView(), row, Action::Review));
    ReviewDialog *review = nullptr;
    QTRY_VERIFY((review = findWindow<ReviewDialog>()));
    QTRY_VERIFY(review->reviewsLoaded());
    QTest::keyClick(review->starPicker(), Qt::Key_4);
    QCOMPARE(review->rating(), 4);
    QTest::keyClicks(review->commentEdit(), QStringLiteral("Count me in"));
    QTest::mouseClick(
        review->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);

    // Ada sees the rating on her card.
    QTRY_COMPARE(
        PostDelegate::ratingText(adaFeed->index(rowWith(adaFeed, FeedModel::TitleRole, title))),
        QStringLiteral("★ 4.0 (1)"));

    // Ada edits it (Edit link → dialog); Bob sees the new title.
    QVERIFY(activate(ada));
    row = rowWith(adaFeed, FeedModel::TitleRole, title);
    QVERIFY(clickAction(ada->feedView(), row, Action::Edit));
    PostEditDialog *edit = nullptr;
    QTRY_VERIFY((edit = findWindow<PostEditDialog>()));
    QCOMPARE(edit->titleEdit()->text(), title);
    edit->titleEdit()->selectAll();
    QTest::keyClicks(edit->titleEdit(), QStringLiteral("Lunch on Saturday"));
    QTest::mouseClick(edit->okButton(), Qt::LeftButton);
    QTRY_VERIFY(rowWith(bobFeed, FeedModel::TitleRole, QStringLiteral("Lunch on Saturday")) >= 0);
    QCOMPARE(rowWith(bobFeed, FeedModel::TitleRole, title), -1);
    row = rowWith(bobFeed, FeedModel::TitleRole, QStringLiteral("Lunch on Saturday"));
    QVERIFY(bobFeed->index(row).data(FeedModel::EditedRole).toBool());
    QCOMPARE(PostDelegate::ratingText(bobFeed->index(row)), QStringLiteral("★ 4.0 (1)"));

    // Ada deletes it (and confirms); it is gone from Bob's window.
    const int bobRows = bobFeed->rowCount();
    row = rowWith(adaFeed, FeedModel::TitleRole, QStringLiteral("Lunch on Saturday"));
    QVERIFY(clickAction(ada->feedView(), row, Action::Delete));
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = findWindow<QMessageBox>()));
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    QTRY_COMPARE(rowWith(bobFeed, FeedModel::TitleRole, QStringLiteral("Lunch on Saturday")), -1);
    QCOMPARE(bobFeed->rowCount(), bobRows - 1);
    QTRY_COMPARE(rowWith(adaFeed, FeedModel::TitleRole, QStringLiteral("Lunch on Saturday")), -1);
    QTRY_COMPARE(m_ada->session.outbox()->count(), 0);
    QTRY_COMPARE(m_bob->session.outbox()->count(), 0);
}

void TestMainWindow::chatBetweenTwoWindows()
{
    MainWindow *ada = m_ada->window();
    MainWindow *bob = m_bob->window();
    QVERIFY(activate(ada));

    // Ada creates a channel with the sidebar's + button; the dialog is modal.
    bool filled = false;
    onNextModal([&filled](QDialog *dialog) {
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("channelNameEdit"));
        auto *topic = dialog->findChild<QLineEdit *>(QStringLiteral("channelTopicEdit"));
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        if (!name || !topic || !buttons) {
            dialog->reject();
            return;
        }
        QTest::keyClicks(name, QStringLiteral("lounge"));
        QTest::keyClicks(topic, QStringLiteral("Anything goes"));
        QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
        filled = true;
    });
    QTest::mouseClick(ada->sidebar()->addChannelButton(), Qt::LeftButton);
    QVERIFY(filled);

    // Both sidebars list it; Ada's window switched to it.
    const qint64 channel = ada->chatView()->channel();
    QVERIFY(channel > 0);
    QVERIFY(ada->chatView()->isVisible());
    QVERIFY(!ada->feedView()->isVisible());
    QCOMPARE(ada->windowTitle(), QStringLiteral("#lounge — Hubbub"));
    ChannelModel *adaChannels = m_ada->session.channels();
    ChannelModel *bobChannels = m_bob->session.channels();
    QCOMPARE(rowWith(adaChannels, ChannelModel::NameRole, QStringLiteral("lounge")),
        adaChannels->rowOf(channel));
    QCOMPARE(ada->sidebar()->channelList()->currentIndex().data(ChannelModel::IdRole).toLongLong(),
        channel);
    QTRY_VERIFY(bobChannels->rowOf(channel) >= 0);
    QCOMPARE(
        bobChannels->channelAt(bobChannels->rowOf(channel)).topic, QStringLiteral("Anything goes"));
    QVERIFY(bob->feedView()->isVisible());

    // Ada writes; Bob, reading the feed, gets an unread badge and "(1)" in his title.
    QTest::keyClicks(ada->chatView()->input(), QStringLiteral("hello lounge"));
    QTest::keyClick(ada->chatView()->input(), Qt::Key_Return);
    QTRY_COMPARE(bobChannels->index(bobChannels->rowOf(channel)).data(ChannelModel::UnreadRole),
        QVariant(1));
    QTRY_COMPARE(bob->windowTitle(), QStringLiteral("(1) Feed — Hubbub"));
    QCOMPARE(adaChannels->index(adaChannels->rowOf(channel)).data(ChannelModel::UnreadRole),
        QVariant(0));
    QVERIFY(!ada->windowTitle().startsWith(QLatin1Char('(')));

    // Bob clicks the channel: read, and the message is there.
    QVERIFY(activate(bob));
    QVERIFY(clickChannel(bob->sidebar(), bobChannels->rowOf(channel)));
    QTRY_COMPARE(bob->chatView()->channel(), channel);
    QVERIFY(bob->chatView()->isVisible());
    QCOMPARE(bobChannels->index(bobChannels->rowOf(channel)).data(ChannelModel::UnreadRole),
        QVariant(0));
    QCOMPARE(bob->windowTitle(), QStringLiteral("#lounge — Hubbub"));
    QAbstractItemModel *bobChat = bob->chatView()->listView()->model();
    QTRY_VERIFY(rowWith(bobChat, ChatModel::TextRole, QStringLiteral("hello lounge")) >= 0);
    QCOMPARE(
        bobChat->index(rowWith(bobChat, ChatModel::TextRole, QStringLiteral("hello lounge")), 0)
            .data(ChatModel::AuthorRole)
            .toString(),
        QStringLiteral("ada"));

    // Bob answers; Ada sees it.
    QTest::keyClicks(bob->chatView()->input(), QStringLiteral("hi ada"));
    QTest::keyClick(bob->chatView()->input(), Qt::Key_Return);
    QAbstractItemModel *adaChat = ada->chatView()->listView()->model();
    QTRY_VERIFY(rowWith(adaChat, ChatModel::TextRole, QStringLiteral("hi ada")) >= 0);

    // Ada edits her message: Up loads it (not Bob's, which is newer), Enter saves it.
    QVERIFY(activate(ada));
    ChatInput *input = ada->chatView()->input();
    QTRY_VERIFY(
        !adaChat->index(rowWith(adaChat, ChatModel::TextRole, QStringLiteral("hello lounge")), 0)
             .data(ChatModel::PendingRole)
             .toBool());
    QTest::keyClick(input, Qt::Key_Up);
    QCOMPARE(input->toPlainText(), QStringLiteral("hello lounge"));
    QTest::keyClick(input, Qt::Key_End, Qt::ControlModifier);
    QTest::keyClicks(input, QStringLiteral(", everyone"));
    QTest::keyClick(input, Qt::Key_Return);
    QCOMPARE(input->toPlainText(), QString());

    // Bob sees the new text, marked as edited, in the same place.
    const QString edited = QStringLiteral("hello lounge, everyone");
    QTRY_VERIFY(rowWith(bobChat, ChatModel::TextRole, edited) >= 0);
    const QModelIndex row = bobChat->index(rowWith(bobChat, ChatModel::TextRole, edited), 0);
    QVERIFY(row.data(ChatModel::EditedRole).toBool());
    QVERIFY(row.row() < rowWith(bobChat, ChatModel::TextRole, QStringLiteral("hi ada")));
    QCOMPARE(rowWith(bobChat, ChatModel::TextRole, QStringLiteral("hello lounge")), -1);
    QCOMPARE(bobChat->rowCount(), 2);
    QCOMPARE(bob->windowTitle(), QStringLiteral("#lounge — Hubbub")); // an edit is not unread
}

void TestMainWindow::statusBarThroughOutage()
{
    MainWindow *ada = m_ada->window();
    MainWindow *bob = m_bob->window();
    ConnectionStatus *status = ada->connectionStatus();
    QTRY_COMPARE(status->text(), QStringLiteral("Connected to 127.0.0.1 as ada · 2 online"));
    QTRY_COMPARE(bob->connectionStatus()->text(),
        QStringLiteral("Connected to 127.0.0.1 as bob · 2 online"));
    QVERIFY(!status->retryButton()->isVisible());
    QCOMPARE(status->outboxText(), QString());

    // Long reconnect delays, so that only Retry now brings them back within the test.
    for (App *app : {m_ada.get(), m_bob.get()}) {
        app->session.connection()->backoff().setInitial(std::chrono::seconds(40));
        app->session.connection()->backoff().setCap(std::chrono::seconds(40));
    }

    // The server goes away.
    const quint16 port = quint16(m_server->url().port());
    m_server->stop();
    static const QRegularExpression reconnecting(QStringLiteral("^Reconnecting in (\\d+) s…$"));
    QTRY_VERIFY2(reconnecting.match(status->text()).hasMatch(), qPrintable(status->text()));
    const int seconds = reconnecting.match(status->text()).captured(1).toInt();
    QVERIFY2(seconds >= 20 && seconds <= 48, qPrintable(status->text()));
    QVERIFY(status->retryButton()->isVisible());
    QCOMPARE(status->retryButton()->text(), QStringLiteral("Retry now"));
    QTRY_VERIFY(reconnecting.match(bob->connectionStatus()->text()).hasMatch());

    // A post written offline waits in the outbox, and the status bar says so.
    const QString title = QStringLiteral("Written offline");
    Composer *composer = ada->feedView()->composer();
    QTest::keyClicks(composer->titleEdit(), title);
    QTest::keyClick(composer->titleEdit(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(m_ada->session.outbox()->count(), 1);
    QVERIFY(m_ada->session.feed()->index(0).data(FeedModel::PendingRole).toBool());
    // No English .qm is loaded (none exists yet), so tr()'s %n plural shows its source text.
    QCOMPARE(status->outboxText(),
        QStringLiteral("Offline — 1 change(s) will be sent when the connection is back"));

    // Back on the same port. Nothing happens by itself for a while; Retry now reconnects.
    m_server->config().port = port;
    QVERIFY(m_server->start());
    QCOMPARE(m_server->url().port(), int(port));
    QCoreApplication::processEvents();
    QVERIFY(reconnecting.match(status->text()).hasMatch());
    QTest::mouseClick(status->retryButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(
        status->text(), QStringLiteral("Connected to 127.0.0.1 as ada · 1 online"), 10000);
    QVERIFY(!status->retryButton()->isVisible());
    QTRY_COMPARE(m_ada->session.outbox()->count(), 0);
    QCOMPARE(status->outboxText(), QString());

    QTest::mouseClick(bob->connectionStatus()->retryButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(bob->connectionStatus()->text(),
        QStringLiteral("Connected to 127.0.0.1 as bob · 2 online"), 10000);
    QTRY_COMPARE(status->text(), QStringLiteral("Connected to 127.0.0.1 as ada · 2 online"));

    // The queued post reached the server exactly once, and each window shows it once.
    TestClient client;
    QVERIFY(client.open(m_server->url()));
    QVERIFY(isOk(client.registerUser(QStringLiteral("checker"), Password)));
    QCOMPARE(serverPostCount(client, title), 1);
    QTRY_COMPARE(countWith(m_bob->session.feed(), FeedModel::TitleRole, title), 1);
    QCOMPARE(countWith(m_ada->session.feed(), FeedModel::TitleRole, title), 1);
    const int row = rowWith(m_ada->session.feed(), FeedModel::TitleRole, title);
    QVERIFY(!m_ada->session.feed()->index(row).data(FeedModel::PendingRole).toBool());
}

void TestMainWindow::signOut()
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
        App restarted(m_adaDir->path());
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

void TestMainWindow::renameFromMenu()
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

void TestMainWindow::keyboardShortcuts()
{
    // Sorted by name: alpha is the first channel although it was created last.
    const qint64 beta = createChannel(QStringLiteral("beta"));
    const qint64 alpha = createChannel(QStringLiteral("alpha"));
    QVERIFY(alpha > 0 && beta > 0);
    MainWindow *window = m_ada->window();
    QVERIFY(activate(window));
    QVERIFY(window->feedView()->isVisible());

    QTest::keyClick(window, Qt::Key_2, Qt::ControlModifier);
    QTRY_VERIFY(window->chatView()->isVisible());
    QCOMPARE(window->chatView()->channel(), alpha);
    QCOMPARE(m_ada->session.currentView(), alpha);
    QCOMPARE(window->windowTitle(), QStringLiteral("#alpha — Hubbub"));
    QCOMPARE(window->sidebar()->channelList()->currentIndex().row(), 0);

    QTest::keyClick(window, Qt::Key_3, Qt::ControlModifier);
    QTRY_COMPARE(window->chatView()->channel(), beta);

    QTest::keyClick(window, Qt::Key_1, Qt::ControlModifier);
    QTRY_VERIFY(window->feedView()->isVisible());
    QVERIFY(!window->chatView()->isVisible());
    QCOMPARE(m_ada->session.currentView(), 0);
    QVERIFY(window->sidebar()->feedButton()->isChecked());
    QVERIFY(!window->sidebar()->channelList()->currentIndex().isValid());
    QCOMPARE(window->windowTitle(), QStringLiteral("Feed — Hubbub"));

    // A number past the last channel changes nothing.
    QTest::keyClick(window, Qt::Key_9, Qt::ControlModifier);
    QCoreApplication::processEvents();
    QVERIFY(window->feedView()->isVisible());
}

void TestMainWindow::notifications()
{
    const qint64 channel = createChannel(QStringLiteral("news"));
    QVERIFY(channel > 0);
    MainWindow *ada = m_ada->window();
    MainWindow *bob = m_bob->window();
    Notifier *notifier = bob->notifier();
    QVERIFY(notifier->isEnabled());
    ada->sidebar()->selectChannel(channel);
    QCOMPARE(ada->chatView()->channel(), channel);

    // Bob is looking at his feed, but his window is not the active one.
    QVERIFY(activate(ada));
    m_bob->session.setWindowActive(false);
    QVERIFY(!bob->isActiveWindow());
    const int before = notifier->shown();
    QTest::keyClicks(ada->chatView()->input(), QStringLiteral("first news"));
    QTest::keyClick(ada->chatView()->input(), Qt::Key_Return);
    QTRY_COMPARE(notifier->shown(), before + 1);
    QTRY_COMPARE(bob->windowTitle(), QStringLiteral("(1) Feed — Hubbub"));

    // A post notifies too.
    Composer *composer = ada->feedView()->composer();
    ada->sidebar()->selectFeed();
    QTest::keyClicks(composer->titleEdit(), QStringLiteral("Posted while Bob is away"));
    QTest::keyClick(composer->titleEdit(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(notifier->shown(), before + 2);
    QTRY_COMPARE(bob->windowTitle(), QStringLiteral("(2) Feed — Hubbub"));

    // Bob turns notifications off in the menu: messages still count as unread, silently.
    auto *toggle = bob->findChild<QAction *>(QStringLiteral("notificationsAction"));
    QVERIFY(toggle && toggle->isCheckable() && toggle->isChecked());
    toggle->trigger();
    QVERIFY(!toggle->isChecked());
    QVERIFY(!notifier->isEnabled());
    QVERIFY(!m_bob->settings.notificationsEnabled());
    ada->sidebar()->selectChannel(channel);
    QTest::keyClicks(ada->chatView()->input(), QStringLiteral("second news"));
    QTest::keyClick(ada->chatView()->input(), Qt::Key_Return);
    ChannelModel *bobChannels = m_bob->session.channels();
    QTRY_COMPARE(bobChannels->unread(channel), 2);
    QCOMPARE(notifier->shown(), before + 2);

    // On again, but Bob's window is active now: no notification while he is looking.
    toggle->trigger();
    QVERIFY(notifier->isEnabled());
    QVERIFY(activate(bob));
    QTest::keyClicks(ada->chatView()->input(), QStringLiteral("third news"));
    QTest::keyClick(ada->chatView()->input(), Qt::Key_Return);
    QTRY_COMPARE(bobChannels->unread(channel), 3); // he is on the feed, not in #news
    QCOMPARE(notifier->shown(), before + 2);

    // A click on a notification (the tray's signal; offscreen has no tray) opens its channel.
    QVERIFY(!notifier->isAvailable());
    Q_EMIT notifier->activated(channel);
    QCOMPARE(bob->chatView()->channel(), channel);
    QVERIFY(bob->chatView()->isVisible());
    QCOMPARE(bobChannels->unread(channel), 0);
    QCOMPARE(bob->windowTitle(), QStringLiteral("#news — Hubbub"));
    Q_EMIT notifier->activated(0);
    QVERIFY(bob->feedView()->isVisible());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
