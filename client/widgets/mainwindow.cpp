#include "mainwindow.h"

#include "accountdialog.h"
#include "admindialog.h"
#include "channelmodel.h"
#include "charwidth.h"
#include "chatinput.h"
#include "chatmodel.h"
#include "chatview.h"
#include "clientsettings.h"
#include "connection.h"
#include "connectionstatus.h"
#include "entryreveal.h"
#include "feedmodel.h"
#include "feedview.h"
#include "newchanneldialog.h"
#include "notifier.h"
#include "offlinebanner.h"
#include "profilecard.h"
#include "profiledialog.h"
#include "protocollimits.h"
#include "reply.h"
#include "searchpanel.h"
#include "session.h"
#include "sidebar.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace Hubbub::Client {

MainWindow::MainWindow(Session *session, ClientSettings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_settings(settings)
    , m_sidebar(new Sidebar(session, this))
    , m_stack(new QStackedWidget(this))
    , m_feedView(new FeedView(session, this))
    , m_chatView(new ChatView(session, this))
    , m_status(new ConnectionStatus(session, this))
    , m_banner(new OfflineBanner(session, this))
    , m_notifier(new Notifier(this, this))
    , m_search(new SearchPanel(session, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_stack->addWidget(m_feedView);
    m_stack->addWidget(m_chatView);
    m_stack->addWidget(m_search);

    // The search field sits above the sidebar; its results take the page on the right.
    auto *left = new QWidget(this);
    auto *leftColumn = new QVBoxLayout(left);
    leftColumn->setContentsMargins(0, 0, 0, 0);
    leftColumn->addWidget(m_search->field());
    leftColumn->addWidget(m_sidebar, 1);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    const int em = charWidth(fontMetrics());
    m_sidebar->setMinimumWidth(em * 18);
    splitter->setSizes({em * 26, em * 90});
    auto *central = new QWidget(this);
    auto *column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(m_banner);
    column->addWidget(splitter, 1);
    setCentralWidget(central);
    statusBar()->addWidget(m_status, 1);

    connect(m_sidebar, &Sidebar::feedSelected, this, &MainWindow::showFeed);
    connect(m_sidebar, &Sidebar::channelSelected, this, &MainWindow::showChannel);
    connect(m_sidebar, &Sidebar::createChannelRequested, this, &MainWindow::createChannel);
    connect(m_sidebar, &Sidebar::directMessageRequested, this, &MainWindow::openDirectMessage);
    connect(m_chatView, &ChatView::directMessageRequested, this, &MainWindow::openDirectMessage);
    connect(m_sidebar, &Sidebar::personActivated, this, &MainWindow::showProfile);
    connect(m_chatView, &ChatView::userActivated, this, &MainWindow::showProfile);
    connect(m_session, &Session::unreadChanged, this, &MainWindow::updateTitle);
    connect(m_session, &Session::userChanged, this, &MainWindow::updateTitle);
    connect(m_session, &Session::userChanged, this, &MainWindow::updateAdminAction);
    connect(m_session->connection(), &Connection::online, this, &MainWindow::updateAdminAction);
    // The channel open may be listed only after the window shows (the last one, restored).
    ChannelModel *channels = m_session->channels();
    connect(channels, &ChannelModel::modelReset, this, &MainWindow::updateTitle);
    connect(channels, &ChannelModel::rowsInserted, this, &MainWindow::updateTitle);
    connect(m_session, &Session::signedIn, this, [this](const User &user) {
        // Signed out and in as someone else: their last view, not the one before. Signed in
        // again at another address of the same deployment: the same account, left as it is.
        if (user.id != m_viewUser
            || m_session->connection()->deployment().key() != m_viewServer.key())
            restoreView();
    });
    connect(m_session, &Session::notify, m_notifier, &Notifier::notify);
    connect(m_session, &Session::changeLost, this, [this](const QString &notice, qint64 where) {
        statusBar()->showMessage(notice, 20000);
        m_notifier->notify(tr("Not saved"), notice, where);
    });
    connect(m_session, &Session::unreadChanged, m_notifier, &Notifier::setUnread);
    connect(m_session, &Session::requestFailed, this,
        [this](const QString &notice) { statusBar()->showMessage(notice, 8000); });
    connect(m_notifier, &Notifier::activated, this, [this](qint64 channelId) {
        if (m_session->user().id == 0)
            return; // signed out: the sign-in dialog is what shows
        showNormal();
        raise();
        activateWindow();
        if (channelId == 0)
            m_sidebar->selectFeed();
        else if (channelId > 0)
            m_sidebar->selectChannel(channelId);
    });
    connect(m_session, &Session::signInFailed, this, [this](const Error &error) {
        // The remembered token was refused: back to the sign-in dialog.
        if (error.code == ErrorCode::Unauthorized)
            Q_EMIT signOutRequested();
    });
    m_notifier->setEnabled(m_settings->notificationsEnabled());
    connect(m_search, &SearchPanel::searchStarted, this, [this] {
        if (m_stack->currentWidget() != m_search)
            m_pageBeforeSearch = m_stack->currentWidget();
        m_stack->setCurrentWidget(m_search);
    });
    connect(m_search, &SearchPanel::searchClosed, this, [this] {
        if (m_stack->currentWidget() == m_search)
            m_stack->setCurrentWidget(m_pageBeforeSearch ? m_pageBeforeSearch : m_feedView);
    });
    connect(m_search, &SearchPanel::openMessage, this, &MainWindow::jumpToMessage);
    connect(m_search, &SearchPanel::openPost, this, &MainWindow::openPost);

    buildMenus();
    // The dialogs of an account go with it.
    connect(this, &MainWindow::signOutRequested, this, &MainWindow::closeAccountDialogs);
    connect(this, &MainWindow::switchAccountRequested, this, &MainWindow::closeAccountDialogs);
    if (!restoreGeometry(m_settings->windowGeometry()))
        resize(em * 150, fontMetrics().height() * 46);
    restoreState(m_settings->windowState());
    restoreView();
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu *app = menuBar()->addMenu(tr("&Hubbub"));
    QAction *rename = app->addAction(tr("Change &username…"), this, &MainWindow::renameUser);
    app->addAction(tr("Edit &profile…"), this, &MainWindow::editProfile)
        ->setObjectName(QStringLiteral("editProfileAction"));
    m_accountAction = app->addAction(tr("&Account and devices…"), this, &MainWindow::showAccount);
    m_accountAction->setObjectName(QStringLiteral("accountAction"));
    m_adminAction = app->addAction(tr("Ad&ministration…"), this, &MainWindow::showAdministration);
    m_adminAction->setObjectName(QStringLiteral("adminAction"));
    updateAdminAction();
    rename->setObjectName(QStringLiteral("renameAction"));
    QAction *notifications = app->addAction(tr("Desktop &notifications"));
    notifications->setObjectName(QStringLiteral("notificationsAction"));
    notifications->setCheckable(true);
    notifications->setChecked(m_settings->notificationsEnabled());
    connect(notifications, &QAction::toggled, this, [this](bool on) {
        m_settings->setNotificationsEnabled(on);
        m_notifier->setEnabled(on);
    });
    app->addSeparator();
    app->addAction(tr("S&witch server or account…"), this, &MainWindow::switchAccountRequested)
        ->setObjectName(QStringLiteral("switchAccountAction"));
    app->addAction(tr("Sign &out"), this, &MainWindow::signOutRequested)
        ->setObjectName(QStringLiteral("signOutAction"));
    QAction *quit = app->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *feed = view->addAction(tr("&Feed"), m_sidebar, &Sidebar::selectFeed);
    feed->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    for (int i = 0; i < 8; ++i) {
        auto *action = new QAction(this);
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_2 + i)));
        connect(action, &QAction::triggered, this, [this, i] { m_sidebar->selectChannelAt(i); });
        addAction(action);
    }
    QAction *search = view->addAction(tr("&Search…"), m_search, &SearchPanel::focusField);
    search->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_K), QKeySequence::Find});
    search->setShortcutContext(Qt::WindowShortcut);
    view->addAction(tr("New &channel…"), this, &MainWindow::createChannel)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    QAction *retry = view->addAction(
        tr("&Reconnect now"), this, [this] { m_session->connection()->retryNow(); });
    retry->setShortcut(QKeySequence::Refresh);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Hubbub"), this, &MainWindow::showAbout)
        ->setMenuRole(QAction::AboutRole);
}

void MainWindow::restoreView()
{
    m_viewServer = m_session->connection()->deployment();
    m_viewUser = m_session->user().id;
    const qint64 channel = m_viewUser != 0 ? m_settings->lastView(m_viewServer, m_viewUser) : 0;
    if (channel > 0) {
        // Before the channel list has loaded (an offline start) the header and the title still
        // say which channel this is, by the name it had when last seen.
        m_chatView->setChannel(channel, m_settings->lastViewName(m_viewServer, m_viewUser));
        m_sidebar->selectChannel(channel);
    } else
        m_sidebar->selectFeed();
}

void MainWindow::saveView(qint64 channelId)
{
    if (m_viewUser != 0)
        m_settings->setLastView(m_viewServer, m_viewUser, channelId,
            channelId != 0 ? m_chatView->channelName() : QString());
}

void MainWindow::showFeed()
{
    m_stack->setCurrentWidget(m_feedView);
    m_session->setCurrentView(0);
    saveView(0);
    updateTitle();
}

void MainWindow::showChannel(qint64 channelId)
{
    if (m_chatView->channel() != channelId)
        m_chatView->setChannel(channelId);
    m_stack->setCurrentWidget(m_chatView);
    // Opened by a click, Enter, a shortcut or a notification: what the user types next is
    // meant for the channel.
    m_chatView->input()->setFocus(Qt::OtherFocusReason);
    m_session->setCurrentView(channelId);
    saveView(channelId);
    updateTitle();
}

void MainWindow::jumpToMessage(qint64 channelId, qint64 messageId)
{
    // From a search result the channel may be another one: the sidebar marks it too.
    m_sidebar->selectChannel(channelId);
    if (m_chatView->channel() != channelId || m_stack->currentWidget() != m_chatView)
        showChannel(channelId);
    m_chatView->jumpToMessage(messageId);
}

void MainWindow::openPost(qint64 postId)
{
    m_sidebar->selectFeed();
    if (m_stack->currentWidget() != m_feedView)
        showFeed();
    FeedModel *feed = m_session->feed();
    revealEntry(m_feedView->listView(), feed, [feed, postId] { return feed->rowOf(postId); });
}

void MainWindow::updateTitle()
{
    QString title = tr("Feed") + QStringLiteral(" — Hubbub");
    if (m_stack->currentWidget() == m_chatView) {
        // A channel neither listed yet nor seen before has no name to show: the app's name
        // alone until it has.
        const QString name = m_chatView->channelName();
        const int row = m_session->channels()->rowOf(m_chatView->channel());
        const bool direct = row >= 0 && m_session->channels()->channelAt(row).isDirect();
        const QString hash = direct ? QString() : QStringLiteral("#");
        title = !name.isEmpty() ? hash + name + QStringLiteral(" — Hubbub")
                                : QStringLiteral("Hubbub");
    }
    const int unread = m_session->totalUnread();
    if (unread > 0)
        title.prepend(QStringLiteral("(%1) ").arg(unread));
    setWindowTitle(title);
}

void MainWindow::createChannel()
{
    NewChannelDialog dialog(m_session, this);
    if (dialog.exec() == QDialog::Accepted)
        m_sidebar->selectChannel(dialog.channelId());
}

void MainWindow::openDirectMessage(qint64 userId)
{
    if (userId <= 0 || userId == m_session->user().id)
        return;
    m_session->openDirect({userId}, this, [this](qint64 channelId, const Reply &reply) {
        if (channelId != 0)
            m_sidebar->selectChannel(channelId);
        else
            statusBar()->showMessage(
                tr("Could not start the conversation: %1").arg(reply.error().message), 10000);
    });
}

void MainWindow::renameUser()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Change username"),
        tr("New username (%1–%2 letters, digits, '_', '.', '-'):")
            .arg(Limits::UsernameMin)
            .arg(Limits::UsernameMax),
        QLineEdit::Normal, m_session->user().username, &ok);
    if (!ok || name == m_session->user().username)
        return;
    m_session->rename(name, this, [this](const Reply &reply) {
        if (!reply.ok()) {
            // Not a nested event loop inside a reply callback: the connection keeps running.
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Change username"),
                reply.error().message, QMessageBox::Ok, this);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
            return;
        }
        const User user = User::fromJson(reply.result().value(QStringLiteral("user")).toObject());
        statusBar()->showMessage(tr("You are now %1.").arg(user.username), 5000);
    });
}

void MainWindow::showProfile(const User &user, const QPoint &globalPos)
{
    if (user.id == 0)
        return;
    auto *card = new ProfileCard(m_session, user, this);
    connect(card, &ProfileCard::editRequested, this, &MainWindow::editProfile);
    connect(card, &ProfileCard::messageRequested, this, &MainWindow::openDirectMessage);
    card->popup(globalPos);
}

void MainWindow::editProfile()
{
    auto *dialog = new ProfileDialog(m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
        [this] { statusBar()->showMessage(tr("Your profile is saved."), 5000); });
    dialog->open();
}

void MainWindow::closeAccountDialogs()
{
    // Deleted later (WA_DeleteOnClose), never under a nested event loop of theirs.
    if (m_accountDialog)
        m_accountDialog->close();
    if (m_adminDialog)
        m_adminDialog->close();
}

AccountDialog *MainWindow::showAccount()
{
    // One made for another account (signed out and in again as someone else) goes.
    if (m_accountDialog && m_accountDialog->userId() != m_session->user().id) {
        m_accountDialog->close();
        m_accountDialog = nullptr;
    }
    if (!m_accountDialog) {
        m_accountDialog = new AccountDialog(m_session, this);
        m_accountDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_accountDialog, &AccountDialog::signedOutEverywhere, this,
            &MainWindow::signOutRequested);
    }
    m_accountDialog->show();
    m_accountDialog->raise();
    m_accountDialog->activateWindow();
    return m_accountDialog;
}

AdminDialog *MainWindow::showAdministration()
{
    if (m_session->user().role != Role::Admin)
        return nullptr;
    if (m_adminDialog && m_adminDialog->userId() != m_session->user().id) {
        m_adminDialog->close();
        m_adminDialog = nullptr;
    }
    if (!m_adminDialog) {
        m_adminDialog = new AdminDialog(m_session, this);
        m_adminDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_adminDialog->show();
    m_adminDialog->raise();
    m_adminDialog->activateWindow();
    return m_adminDialog;
}

void MainWindow::updateAdminAction()
{
    if (!m_adminAction)
        return;
    const Connection *connection = m_session->connection();
    // A server that does not say (not yet connected) is given the benefit of the doubt.
    const bool hasAdmin
        = connection->features().isEmpty() || connection->hasFeature(QStringLiteral("admin"));
    m_adminAction->setVisible(m_session->user().role == Role::Admin && hasAdmin);
    if (!m_adminAction->isVisible() && m_adminDialog)
        m_adminDialog->close(); // demoted meanwhile
    m_accountAction->setVisible(
        connection->features().isEmpty() || connection->hasFeature(QStringLiteral("accounts")));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Hubbub"),
        tr("<b>Hubbub %1</b><p>A self-hosted feed and chat for your local network.</p>")
            .arg(QStringLiteral(HUBBUB_VERSION)));
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::ActivationChange)
        m_session->setWindowActive(isActiveWindow());
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(saveState());
    QMainWindow::closeEvent(event);
}

} // namespace Hubbub::Client
