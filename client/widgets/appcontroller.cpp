#include "appcontroller.h"

#include "certificatedialog.h"
#include "clientsettings.h"
#include "connection.h"
#include "landiscovery.h"
#include "mainwindow.h"
#include "passworddialog.h"
#include "session.h"
#include "signindialog.h"

#include <QDir>
#include <QMessageBox>
#include <QTimer>

namespace Hubbub::Client {

AppController::AppController(Session *session, ClientSettings *settings, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_settings(settings)
{
    // Trust on first use: the fingerprint the user trusted for a server, asked for on every
    // TLS connection whose certificate no CA vouches for.
    m_session->connection()->setPinLookup(
        [settings](const QUrl &server) { return settings->pinnedCertificate(server); });
    connect(m_session->connection(), &Connection::certificateUntrusted, this,
        &AppController::askAboutCertificate);
    // No keychain here: said once, the first time it happens on this computer.
    connect(m_settings->secrets(), &SecretStore::fellBackToFile, this, [this](const QString &path) {
        const QString shown = QStringLiteral("secrets/fileNoticeShown");
        if (m_settings->raw().value(shown).toBool())
            return;
        m_settings->raw().setValue(shown, true);
        m_secretsNotice = tr("No keychain service runs on this computer, so Hubbub keeps your "
                             "sign-in in a file only you can read:\n%1")
                              .arg(QDir::toNativeSeparators(path));
        showSecretsNotice();
    });
    // A rename (from the menu or on another device) must reach the settings too, or the next
    // start shows the old name and the sign-in dialog offers a name that no longer works.
    connect(m_session, &Session::userChanged, this, [this](const User &user) {
        const QString token = m_settings->token(m_server);
        if (!token.isEmpty() && m_settings->user(m_server).id == user.id)
            m_settings->setCredentials(m_server, user, token);
    });
    // Signed in with a one-time code from an admin: a password is chosen before anything else
    // (queued: the window the sign-in opens shows first, and the dialog goes over it).
    connect(m_session->connection(), &Connection::passwordChangeRequired, this,
        &AppController::askForNewPassword, Qt::QueuedConnection);
    // Online without a password to choose: chosen already (the reply was lost, and the server
    // took it), or another sign-in. The dialog has nothing left to do.
    connect(m_session->connection(), &Connection::online, this, [this] {
        if (m_passwordDialog && !m_session->connection()->mustChangePassword()) {
            m_passwordDialog->disconnect(this);
            m_passwordDialog->close();
        }
    });
    connect(m_session, &Session::unreadChanged, this, &AppController::saveUnread);
    // Every event moves the seq the counts stand at, even one that changes no count.
    connect(m_session->connection(), &Connection::eventReceived, this, &AppController::saveUnread);
}

AppController::~AppController()
{
    saveUnread();
    delete m_window;
    delete m_dialog;
}

void AppController::start(const Options &options)
{
    m_server = options.server.isEmpty() ? m_settings->lastServer() : options.server;
    const QString token = m_settings->token(m_server);
    if (!token.isEmpty()) {
        m_session->resume(m_server, token, m_settings->user(m_server));
        restoreUnread();
        showMainWindow();
        return;
    }
    if (options.username.isEmpty() || options.password.isEmpty()) {
        showSignIn();
        return;
    }
    // Log in; if there is no such account yet, create it; anything else ends in the dialog.
    auto attempt = std::make_shared<int>(0);
    auto loginError = std::make_shared<Error>();
    auto onFailed = std::make_shared<QMetaObject::Connection>();
    auto onSignedIn = std::make_shared<QMetaObject::Connection>();
    auto finish = [onFailed, onSignedIn] {
        QObject::disconnect(*onFailed);
        QObject::disconnect(*onSignedIn);
    };
    *onSignedIn = connect(m_session, &Session::signedIn, this,
        [this, finish](const User &user, const QString &token) {
            finish();
            m_settings->setCredentials(m_server, user, token);
            restoreUnread();
            showMainWindow();
        });
    *onFailed = connect(m_session, &Session::signInFailed, this,
        [this, finish, attempt, loginError, options](const Error &error) {
            if (error.code == ErrorCode::Unauthorized && (*attempt)++ == 0) {
                *loginError = error;
                m_session->signIn(m_server, options.username, options.password, true);
                return;
            }
            finish();
            // The name is taken, so the account exists and it was the password that was wrong:
            // the login's answer is the one that helps, not "already taken".
            const bool taken = *attempt > 0 && error.code == ErrorCode::Conflict;
            showSignIn(taken ? loginError->message : error.message);
            if (m_dialog)
                m_dialog->setUsername(options.username);
        });
    m_session->signIn(m_server, options.username, options.password, false);
}

void AppController::showSignIn(const QString &message)
{
    if (m_window)
        m_window->hide();
    if (!m_dialog) {
        m_dialog = new SignInDialog(m_session, m_settings);
        m_dialog->setServer(m_server);
        connect(m_dialog, &SignInDialog::attemptStarted, this, [this] {
            if (m_returnTo.isEmpty() || m_leftReturnTo)
                return;
            // Signing in elsewhere: this account's counts are kept, its token too.
            saveUnread();
            m_unreadRestored = false;
            m_leftReturnTo = true;
            m_session->leave();
        });
        connect(m_dialog, &QDialog::accepted, this, [this] {
            m_returnTo = {};
            m_leftReturnTo = false;
            m_server = m_settings->lastServer();
            m_dialog->deleteLater();
            restoreUnread();
            showMainWindow();
        });
        connect(m_dialog, &QDialog::rejected, this, &AppController::onSignInCancelled);
    }
    m_dialog->showError(message);
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

void AppController::showMainWindow()
{
    if (!m_window) {
        m_window = new MainWindow(m_session, m_settings);
        m_window->setAttribute(Qt::WA_DeleteOnClose, false);
        connect(m_window, &MainWindow::signOutRequested, this, &AppController::signOut);
        connect(m_window, &MainWindow::switchAccountRequested, this, &AppController::switchAccount);
    }
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
    showSecretsNotice();
}

void AppController::signOut()
{
    // A password refused in the dialog reaches the (hidden) window as a refused sign-in too;
    // it is the dialog's to answer, and the account being switched from keeps its token.
    if (m_dialog && m_dialog->isVisible())
        return;
    const QString reason = m_session->connection()->lastError();
    const bool expired = m_session->connection()->state() == Connection::State::Disconnected
        && m_session->connection()->token().isEmpty() && !reason.isEmpty();
    saveUnread();
    m_unreadRestored = false;
    m_session->signOut();
    m_settings->forgetToken(m_server);
    showSignIn(expired ? reason : QString());
}

void AppController::askForNewPassword()
{
    if (m_passwordDialog || !m_session->connection()->mustChangePassword())
        return;
    QWidget *over
        = m_window && m_window->isVisible() ? static_cast<QWidget *>(m_window.data()) : nullptr;
    m_passwordDialog = new PasswordDialog(m_session, PasswordDialog::Mode::Choose, over);
    m_passwordDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_passwordDialog->setAttribute(Qt::WA_QuitOnClose, false);
    m_passwordDialog->setWindowModality(Qt::ApplicationModal);
    // Cancel is "Sign out": the one-time code is used up, so the user asks the admin again.
    connect(m_passwordDialog, &QDialog::rejected, this, &AppController::signOut);
    m_passwordDialog->open();
}

void AppController::switchAccount()
{
    if (m_session->user().id == 0)
        return signOut(); // nothing to keep
    m_returnTo = m_server;
    m_leftReturnTo = false;
    showSignIn();
}

void AppController::onSignInCancelled()
{
    if (m_returnTo.isEmpty()) {
        // Nothing to go back to: the app ends, and the address typed is the next start's.
        if (m_dialog && !m_dialog->server().isEmpty())
            m_settings->setLastServer(m_dialog->server());
        Q_EMIT quitRequested();
        return;
    }
    const Deployment server = std::exchange(m_returnTo, Deployment());
    if (std::exchange(m_leftReturnTo, false)) {
        m_server = server;
        m_session->resume(m_server, m_settings->token(m_server), m_settings->user(m_server));
        restoreUnread();
    }
    showMainWindow();
}

void AppController::showSecretsNotice()
{
    if (m_secretsNotice.isEmpty() || !m_window || !m_window->isVisible())
        return; // when the window shows
    auto *box = new QMessageBox(QMessageBox::Information, tr("Where your sign-in is kept"),
        std::exchange(m_secretsNotice, QString()), QMessageBox::Ok, m_window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setModal(false);
    box->show();
}

CertificateDialog *AppController::certificateDialog() const
{
    return m_certificateDialog;
}

void AppController::askAboutCertificate(const CertificateCheck &check)
{
    delete m_certificateDialog;
    QWidget *parent = m_dialog && m_dialog->isVisible() ? static_cast<QWidget *>(m_dialog.data())
                                                        : m_window.data();
    m_certificateDialog = new CertificateDialog(
        check, m_session->discovery()->announcedFingerprint(check.server), parent);
    m_certificateDialog->setAttribute(Qt::WA_DeleteOnClose);
    // With --user there is no window yet: closing the question must not end the app.
    m_certificateDialog->setAttribute(Qt::WA_QuitOnClose, false);
    m_certificateDialog->setWindowModality(parent ? Qt::WindowModal : Qt::ApplicationModal);
    connect(m_certificateDialog, &QDialog::accepted, this, [this, check] {
        m_settings->setPinnedCertificate(check.server, check.fingerprint);
        m_session->connection()->retryCertificate();
    });
    connect(m_certificateDialog, &QDialog::rejected, this, [this] {
        // A sign-in with a password (the dialog's, or --user's) waits for an answer: it fails,
        // and the dialog says why. A resumed session stays held under its window, whose Retry
        // asks again.
        if (m_session->connection()->isHeldSignIn())
            m_session->connection()->refuseCertificate();
    });
    m_certificateDialog->show();
    m_certificateDialog->raise();
    m_certificateDialog->activateWindow();
}

void AppController::restoreUnread()
{
    if (m_session->user().id == 0)
        return;
    m_session->restoreUnread(m_settings->unread(m_server, m_session->user().id));
    m_unreadRestored = true;
}

void AppController::saveUnread()
{
    // Not before the kept counts are shown: saving first would write zeros over them.
    if (!m_unreadRestored || m_session->user().id == 0)
        return;
    m_settings->setUnread(m_server, m_session->user().id, m_session->unreadState());
}

} // namespace Hubbub::Client
