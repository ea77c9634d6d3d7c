#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace Hubbub::Client {

class Reply;
class Session;

//! The signed-in user's own account: change the password, see the devices signed in
//! (session.list) and sign one out, or sign out everywhere (feature "accounts").
class AccountDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit AccountDialog(Session *session, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(AccountDialog)

    //! Asks the server for the devices again.
    void refresh();
    QTreeWidget *devices() const { return m_devices; }
    QString statusText() const;
    //! The account it was opened for.
    qint64 userId() const { return m_userId; }
    //! What the buttons do, for tests: without asking for confirmation.
    void signOutSelected();
    void signOutEverywhere();

Q_SIGNALS:
    //! Every session ended, this one too: the app goes back to the sign-in dialog.
    void signedOutEverywhere();

private:
    void showDevices(const Reply &reply);
    void changePassword();
    void confirmSignOutEverywhere();
    void setStatus(const QString &text, bool error = false);
    void updateButtons();

    Session *m_session;
    qint64 m_userId;
    QLabel *m_who;
    QTreeWidget *m_devices;
    QPushButton *m_password;
    QPushButton *m_signOut;
    QPushButton *m_everywhere;
    QLabel *m_status;
    bool m_busy = false;
};

} // namespace Hubbub::Client
