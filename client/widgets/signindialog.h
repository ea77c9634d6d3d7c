#pragma once

#include "deployment.h"

#include <QDialog>
#include <QUrl>

#include <chrono>

class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;

namespace Hubbub {
struct Error;
struct User;
} // namespace Hubbub

namespace Hubbub::Client {

class ClientSettings;
class Session;

//! Server address (or several addresses of one deployment), username and password; Log in or
//! Create account (which asks for the password twice). Stays open with a clear message until the
//! server accepts, then closes with Accepted.
class SignInDialog final : public QDialog
{
    Q_OBJECT
public:
    SignInDialog(Session *session, ClientSettings *settings, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(SignInDialog)

    void setServer(const Deployment &deployment);
    //! The addresses in the field as full URLs; empty when one of them is not an address.
    Deployment server() const;
    void setUsername(const QString &username);
    //! A message shown above the form (e.g. "Your session has expired").
    void showError(const QString &message);
    QString errorText() const;
    //! "Connecting to HOST…" while an attempt runs; empty otherwise.
    QString progressText() const;
    //! How long the server may take to answer the connection before the attempt is given up
    //! (Connection::setConnectTimeout).
    void setConnectTimeout(std::chrono::milliseconds timeout);

    //! While an attempt runs, cancels it and keeps the dialog open; otherwise closes it.
    void reject() override;

    //! "localhost", "host:7400", "ws://host" → a full URL with the default port (7300); a bare
    //! address is wss://, a typed wss:// without a port keeps 443.
    static QUrl normalizeServer(const QString &text);
    //! Several addresses of one deployment, separated by commas and/or spaces, each read as
    //! normalizeServer() reads it; nothing typed is the default server. Empty when one is not
    //! an address (`bad`: which).
    static Deployment normalizeServers(const QString &text, QString *bad = nullptr);

    //! The servers found on the network, listed while the dialog shows; a click fills the
    //! address in.
    QListView *foundServers() const { return m_found; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

Q_SIGNALS:
    //! Checked and about to sign in through the session, which leaves any connection it had.
    void attemptStarted();

private:
    void submit(bool createAccount);
    void onSignedIn(const Hubbub::User &user, const QString &token);
    void onFailed(const Hubbub::Error &error);
    void setBusy(bool busy);
    void onStateChanged();
    void setConfirmShown(bool shown);
    //! Grows the dialog to what its labels need at its width: a message shown later must not
    //! squeeze the form.
    void fitContents();
    void updateButtons();

    Session *m_session;
    ClientSettings *m_settings;
    QLineEdit *m_server;
    QLabel *m_foundLabel;
    QListView *m_found;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QLineEdit *m_confirm;
    QLineEdit *m_invite; //!< shown with m_confirm: for a server that takes accounts by invite
    QFormLayout *m_form = nullptr;
    QLabel *m_error;
    QLabel *m_progress;
    QPushButton *m_login;
    QPushButton *m_create;
    Deployment m_deployment;
    bool m_busy = false;
    bool m_reachedServer = false; //!< the attempt got past the WebSocket upgrade
};

} // namespace Hubbub::Client
