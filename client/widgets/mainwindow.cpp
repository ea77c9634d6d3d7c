#include "mainwindow.h"

#include "channelmodel.h"
#include "charwidth.h"
#include "chatinput.h"
#include "chatview.h"
#include "clientsettings.h"
#include "connection.h"
#include "connectionstatus.h"
#include "feedview.h"
#include "notifier.h"
#include "protocollimits.h"
#include "reply.h"
#include "session.h"
#include "sidebar.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>

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
    , m_notifier(new Notifier(this, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_stack->addWidget(m_feedView);
    m_stack->addWidget(m_chatView);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_sidebar);
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    const int em = charWidth(fontMetrics());
    m_sidebar->setMinimumWidth(em * 18);
    splitter->setSizes({em * 26, em * 90});
    setCentralWidget(splitter);
    statusBar()->addWidget(m_status, 1);

    connect(m_sidebar, &Sidebar::feedSelected, this, &MainWindow::showFeed);
    connect(m_sidebar, &Sidebar::channelSelected, this, &MainWindow::showChannel);
    connect(m_sidebar, &Sidebar::createChannelRequested, this, &MainWindow::createChannel);
    connect(m_session, &Session::unreadChanged, this, &MainWindow::updateTitle);
    connect(m_session, &Session::userChanged, this, &MainWindow::updateTitle);
    connect(m_session, &Session::notify, m_notifier, &Notifier::notify);
    connect(m_session, &Session::unreadChanged, m_notifier, &Notifier::setUnread);
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

    buildMenus();
    if (!restoreGeometry(m_settings->windowGeometry()))
        resize(em * 150, fontMetrics().height() * 46);
    restoreState(m_settings->windowState());
    m_sidebar->selectFeed();
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu *app = menuBar()->addMenu(tr("&Hubbub"));
    QAction *rename = app->addAction(tr("Change &username…"), this, &MainWindow::renameUser);
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
    view->addAction(tr("New &channel…"), this, &MainWindow::createChannel)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    QAction *retry = view->addAction(
        tr("&Reconnect now"), this, [this] { m_session->connection()->retryNow(); });
    retry->setShortcut(QKeySequence::Refresh);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Hubbub"), this, &MainWindow::showAbout)
        ->setMenuRole(QAction::AboutRole);
}

void MainWindow::showFeed()
{
    m_stack->setCurrentWidget(m_feedView);
    m_session->setCurrentView(0);
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
    updateTitle();
}

void MainWindow::updateTitle()
{
    QString where = tr("Feed");
    if (m_stack->currentWidget() == m_chatView) {
        const int row = m_session->channels()->rowOf(m_chatView->channel());
        if (row >= 0)
            where = QStringLiteral("#") + m_session->channels()->channelAt(row).name;
    }
    const int unread = m_session->totalUnread();
    QString title = where + QStringLiteral(" — Hubbub");
    if (unread > 0)
        title.prepend(QStringLiteral("(%1) ").arg(unread));
    setWindowTitle(title);
}

void MainWindow::createChannel()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("New channel"));
    auto *name = new QLineEdit(&dialog);
    name->setObjectName(QStringLiteral("channelNameEdit"));
    name->setMaxLength(Limits::ChannelNameMax);
    name->setPlaceholderText(tr("e.g. general"));
    auto *topic = new QLineEdit(&dialog);
    topic->setObjectName(QStringLiteral("channelTopicEdit"));
    topic->setMaxLength(Limits::ChannelTopicMax);
    topic->setPlaceholderText(tr("What is it about? (optional)"));
    auto *error = new QLabel(&dialog);
    error->setWordWrap(true);
    error->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("&Name:"), name);
    form->addRow(tr("&Topic:"), topic);
    form->addRow(error);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    QPointer<QDialog> guard(&dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&, guard] {
        if (name->text().trimmed().isEmpty()) {
            error->setText(tr("A channel needs a name."));
            error->show();
            return;
        }
        buttons->setEnabled(false);
        m_session->createChannel(name->text().trimmed(), topic->text().trimmed(), &dialog,
            [this, guard, error, buttons](const Reply &reply) {
                if (!guard)
                    return;
                buttons->setEnabled(true);
                if (!reply.ok()) {
                    error->setText(reply.error().message);
                    error->show();
                    return;
                }
                const qint64 id = reply.result()
                                      .value(QStringLiteral("channel"))
                                      .toObject()
                                      .value(QStringLiteral("id"))
                                      .toInteger();
                guard->accept();
                m_sidebar->selectChannel(id);
            });
    });
    dialog.exec();
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
