#pragma once

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <memory>

#include "deployment.h"
#include "mainwindow.h"
#include "signindialog.h"

namespace Hubbub {
struct Error;
struct User;
} // namespace Hubbub

namespace Hubbub::Client {

class CertificateDialog;
class ClientSettings;
class PasswordDialog;
struct CertificateCheck;
class Session;

//! Decides what the user sees first: the main window straight away with a remembered token,
//! an automatic sign-in (for the local quick start), or the sign-in dialog. Cancel on the dialog
//! quits when there is nothing signed in to go back to (first start, after Sign out), and
//! returns to the running account when it was opened to switch to another.
class AppController final : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        Deployment server; //!< empty: the last server
        QString username; //!< with password: sign in (or create the account) without a dialog
        QString password;
    };

    AppController(Session *session, ClientSettings *settings, QObject *parent = nullptr);
    ~AppController() override;
    Q_DISABLE_COPY_MOVE(AppController)

    void start(const Options &options);
    MainWindow *mainWindow() const { return m_window; }
    SignInDialog *signInDialog() const { return m_dialog; }
    //! The question about a server's certificate, while it is asked.
    CertificateDialog *certificateDialog() const;

Q_SIGNALS:
    //! The user closed the sign-in dialog without signing in, with nothing to go back to.
    void quitRequested();

private:
    void showSignIn(const QString &message = {});
    void showMainWindow();
    void signOut();
    void switchAccount();
    void onSignInCancelled();
    void askAboutCertificate(const CertificateCheck &check);
    void askForNewPassword();
    void showSecretsNotice();
    //! Shows the counts the last run kept for this account, then keeps them current.
    void restoreUnread();
    void saveUnread();

    Session *m_session;
    ClientSettings *m_settings;
    Deployment m_server;
    QPointer<MainWindow> m_window;
    QPointer<SignInDialog> m_dialog;
    QPointer<CertificateDialog> m_certificateDialog;
    QPointer<PasswordDialog> m_passwordDialog;
    QString m_secretsNotice; //!< said once the window shows
    bool m_unreadRestored = false;
    //! While switching: the account to go back to if the dialog is cancelled.
    Deployment m_returnTo;
    //! While switching: an attempt started, so the session left m_returnTo.
    bool m_leftReturnTo = false;
};

} // namespace Hubbub::Client
