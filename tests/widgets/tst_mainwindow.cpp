// The whole window as users drive it: two app instances in one process (each its own settings
// file, data folder, Session, AppController and MainWindow) against one real server on
// loopback. The feed and chat round trips between the two windows, unread counts in the sidebar
// and title, the status bar through a server outage, keyboard shortcuts and desktop
// notifications. Starting, signing in and out: tst_mainwindowsignin.

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

namespace {

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

class TestMainWindow final : public TwoAppsFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void feedBetweenTwoWindows();
    void chatBetweenTwoWindows();
    void statusBarThroughOutage();
    void keyboardShortcuts();
    void notifications();
};

void TestMainWindow::init()
{
    QVERIFY(startApps());
}

void TestMainWindow::cleanup()
{
    stopApps();
}

void TestMainWindow::feedBetweenTwoWindows()
{
    MainWindow *ada = m_ada->window();
    MainWindow *bob = m_bob->window();
    FeedModel *adaFeed = m_ada->session.feed();
    FeedModel *bobFeed = m_bob->session.feed();
    const QString title = QStringLiteral("Lunch on Friday");

    // Ada writes in her composer and posts with Ctrl+Enter.
    QVERIFY(activateWindow(ada));
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
    QVERIFY(activateWindow(bob));
    QVERIFY(clickCardAction(bob->feedView(), row, Action::Review));
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
    QVERIFY(activateWindow(ada));
    row = rowWith(adaFeed, FeedModel::TitleRole, title);
    QVERIFY(clickCardAction(ada->feedView(), row, Action::Edit));
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
    QVERIFY(clickCardAction(ada->feedView(), row, Action::Delete));
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
    QVERIFY(activateWindow(ada));

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
    QVERIFY(activateWindow(bob));
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
    QVERIFY(activateWindow(ada));
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
    QVERIFY(ada->offlineBanner()->isHidden());
    QCOMPARE(status->outboxText(), QString());

    // Long reconnect delays, so that only Retry now brings them back within the test.
    for (TestApp *app : {m_ada.get(), m_bob.get()}) {
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
    QVERIFY(ada->offlineBanner()->retryButton()->isVisible());
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
    QTest::mouseClick(ada->offlineBanner()->retryButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(
        status->text(), QStringLiteral("Connected to 127.0.0.1 as ada · 1 online"), 10000);
    QVERIFY(ada->offlineBanner()->isHidden());
    QTRY_COMPARE(m_ada->session.outbox()->count(), 0);
    QCOMPARE(status->outboxText(), QString());

    QTest::mouseClick(bob->offlineBanner()->retryButton(), Qt::LeftButton);
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

void TestMainWindow::keyboardShortcuts()
{
    // In creation order: general, then beta, then alpha (tst_sidebar: the order holds).
    const qint64 beta = createChannel(QStringLiteral("beta"));
    const qint64 alpha = createChannel(QStringLiteral("alpha"));
    QVERIFY(alpha > 0 && beta > 0);
    MainWindow *window = m_ada->window();
    QVERIFY(activateWindow(window));
    QVERIFY(window->feedView()->isVisible());

    QTest::keyClick(window, Qt::Key_3, Qt::ControlModifier);
    QTRY_VERIFY(window->chatView()->isVisible());
    QCOMPARE(window->chatView()->channel(), beta);
    QCOMPARE(m_ada->session.currentView(), beta);
    QCOMPARE(window->windowTitle(), QStringLiteral("#beta — Hubbub"));
    QCOMPARE(window->sidebar()->channelList()->currentIndex().row(), 1);

    QTest::keyClick(window, Qt::Key_4, Qt::ControlModifier);
    QTRY_COMPARE(window->chatView()->channel(), alpha);

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
    QVERIFY(activateWindow(ada));
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
    QVERIFY(activateWindow(bob));
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
