#include "passworddialog.h"

#include "connection.h"
#include "protocollimits.h"
#include "reply.h"
#include "session.h"

#include <QBoxLayout>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace Hubbub::Client {

namespace {

QLineEdit *passwordEdit(const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setEchoMode(QLineEdit::Password);
    edit->setMaxLength(Limits::PasswordMax);
    return edit;
}

} // namespace

PasswordDialog::PasswordDialog(Session *session, Mode mode, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_mode(mode)
    , m_new(passwordEdit(QStringLiteral("newPasswordEdit"), tr("New password"), this))
    , m_confirm(
          passwordEdit(QStringLiteral("confirmPasswordEdit"), tr("Confirm new password"), this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("passwordDialog"));
    auto *intro = new QLabel(this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    if (mode == Mode::Change) {
        setWindowTitle(tr("Change password"));
        intro->setText(tr("Your other devices will be signed out. This one stays signed in."));
        m_current
            = passwordEdit(QStringLiteral("currentPasswordEdit"), tr("Current password"), this);
        form->addRow(tr("&Current password:"), m_current);
        m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Change password"));
    } else {
        setWindowTitle(tr("Choose a new password"));
        intro->setText(tr("You signed in with a one-time code from an admin. Choose your own "
                          "password to go on; the code no longer works."));
        m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Save password"));
        m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Sign &out"));
    }
    m_new->setPlaceholderText(tr("At least %1 characters").arg(Limits::PasswordMin));
    m_confirm->setPlaceholderText(tr("Type the new password again"));
    form->addRow(tr("&New password:"), m_new);
    form->addRow(tr("Con&firm:"), m_confirm);
    m_error->setObjectName(QStringLiteral("passwordError"));
    m_error->setWordWrap(true);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xd0, 0x30, 0x30));
    m_error->setPalette(errorPalette);
    m_error->hide();

    auto *column = new QVBoxLayout(this);
    column->addWidget(intro);
    column->addLayout(form);
    column->addWidget(m_error);
    column->addWidget(m_buttons);
    m_new->setMinimumWidth(fontMetrics().averageCharWidth() * 32);
    // Wide enough for its title in the window frame, in every language.
    intro->setWordWrap(true);
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);

    for (QLineEdit *edit : {m_current, m_new, m_confirm}) {
        if (edit)
            connect(edit, &QLineEdit::textChanged, this, &PasswordDialog::updateState);
    }
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PasswordDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &PasswordDialog::reject);
    (m_current ? m_current : m_new)->setFocus();
    updateState();
}

void PasswordDialog::reject()
{
    // Not while the server is saving: the answer decides what happened.
    if (!m_saving)
        QDialog::reject();
}

QString PasswordDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void PasswordDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void PasswordDialog::updateState()
{
    const bool filled = (!m_current || !m_current->text().isEmpty()) && !m_new->text().isEmpty()
        && !m_confirm->text().isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(filled && !m_saving);
    for (QLineEdit *edit : {m_current, m_new, m_confirm}) {
        if (edit)
            edit->setEnabled(!m_saving);
    }
}

void PasswordDialog::accept()
{
    if (m_saving || !m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
        return;
    if (m_new->text().size() < Limits::PasswordMin) {
        showError(tr("Choose a password of at least %1 characters.").arg(Limits::PasswordMin));
        m_new->setFocus();
        return;
    }
    if (m_new->text() != m_confirm->text()) {
        showError(tr("The two new passwords differ. Type the same password in both fields."));
        m_confirm->selectAll();
        m_confirm->setFocus();
        return;
    }
    if (m_current && m_current->text() == m_new->text()) {
        showError(tr("The new password is the same as the current one."));
        m_new->selectAll();
        m_new->setFocus();
        return;
    }
    showError({});
    m_saving = true;
    updateState();
    const auto done = [this](const Reply &reply) {
        m_saving = false;
        updateState();
        if (reply.ok()) {
            m_signedOut = reply.result().value(QStringLiteral("signedOut")).toInt();
            QDialog::accept();
            return;
        }
        showError(reply.isTransportFailure()
                ? tr("The server did not answer, so the new password may not have been saved. "
                     "Try again when Hubbub is back online.")
                : reply.error().message);
        QLineEdit *focus = reply.error().field == u"password" && m_current ? m_current : m_new;
        focus->selectAll();
        focus->setFocus();
    };
    Connection *connection = m_session->connection();
    if (m_mode == Mode::Choose) {
        connection->choosePassword(m_new->text(), this, done);
        return;
    }
    connection->request(MessageType::AccountPassword,
        {{QStringLiteral("password"), m_current->text()},
            {QStringLiteral("newPassword"), m_new->text()}},
        this, done, std::chrono::seconds(60));
}

} // namespace Hubbub::Client
