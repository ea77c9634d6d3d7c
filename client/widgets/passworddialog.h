#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace Hubbub::Client {

class Session;

//! Changes the signed-in user's password (account.password): the current one, the new one
//! twice. In Choose mode, after a sign-in with a one-time code from an admin, there is no
//! current password to give and the dialog cannot be skipped: Cancel signs out. On success
//! the server has signed every other device out; the dialog closes with Accepted.
class PasswordDialog final : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { Change, Choose };
    PasswordDialog(Session *session, Mode mode, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(PasswordDialog)

    void accept() override;
    void reject() override;
    QString errorText() const;
    //! How many other devices the change signed out (valid once accepted).
    int signedOut() const { return m_signedOut; }

private:
    void updateState();
    void showError(const QString &message);

    Session *m_session;
    Mode m_mode;
    QLineEdit *m_current = nullptr;
    QLineEdit *m_new;
    QLineEdit *m_confirm;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    bool m_saving = false;
    int m_signedOut = 0;
};

} // namespace Hubbub::Client
