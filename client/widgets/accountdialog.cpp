#include "accountdialog.h"

#include "connection.h"
#include "passworddialog.h"
#include "relativetime.h"
#include "reply.h"
#include "session.h"
#include "statuslabel.h"
#include "types.h"

#include <QBoxLayout>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QTreeWidget>

namespace Hubbub::Client {

namespace {

enum Column { DeviceColumn, AddressColumn, ActiveColumn, SignedInColumn, ColumnCount };
constexpr int IdRole = Qt::UserRole;
constexpr int CurrentRole = Qt::UserRole + 1;

//! What hello's `client` says, as a person reads it: this app's own "hubbub-desktop/0.2.0
//! (Debian GNU/Linux 12 (bookworm); lab-pc)" becomes "lab-pc — Hubbub 0.2.0 on Debian…", and
//! hubbub-cli's the same with "Hubbub command line"; another client's text shows as it is.
QString deviceName(const QString &client)
{
    static const QRegularExpression ours(
        QStringLiteral("^hubbub-(desktop|cli)/(\\S+) \\((.*); ([^;]*)\\)$"));
    const QRegularExpressionMatch match = ours.match(client);
    if (!match.hasMatch())
        return client;
    if (match.captured(1) == QLatin1StringView("cli")) {
        return AccountDialog::tr("%1 — Hubbub command line %2 on %3")
            .arg(match.captured(4), match.captured(2), match.captured(3));
    }
    return AccountDialog::tr("%1 — Hubbub %2 on %3")
        .arg(match.captured(4), match.captured(2), match.captured(3));
}

QString localTime(const QString &timestamp)
{
    const QDateTime at = parseTimestamp(timestamp);
    return at.isValid() ? QLocale().toString(at.toLocalTime(), QLocale::ShortFormat) : QString();
}

} // namespace

AccountDialog::AccountDialog(Session *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_userId(session->user().id)
    , m_who(new QLabel(this))
    , m_devices(new QTreeWidget(this))
    , m_password(new QPushButton(tr("Change &password…"), this))
    , m_signOut(new QPushButton(tr("Sign out &device"), this))
    , m_everywhere(new QPushButton(tr("Sign out &everywhere…"), this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("accountDialog"));
    setWindowTitle(tr("Your account"));
    const User user = session->user();
    m_who->setTextFormat(Qt::PlainText);
    m_who->setWordWrap(true);
    m_who->setText(
        tr("Signed in as %1 on %2")
            .arg(user.username, Connection::displayAddress(session->connection()->url())));

    m_devices->setObjectName(QStringLiteral("devicesList"));
    m_devices->setAccessibleName(tr("Signed-in devices"));
    m_devices->setRootIsDecorated(false);
    m_devices->setUniformRowHeights(true);
    m_devices->setAllColumnsShowFocus(true);
    m_devices->setColumnCount(ColumnCount);
    m_devices->setHeaderLabels({tr("Device"), tr("Address"), tr("Last active"), tr("Signed in")});
    m_devices->header()->setStretchLastSection(false);
    m_devices->header()->setSectionResizeMode(DeviceColumn, QHeaderView::Stretch);
    for (int column : {AddressColumn, ActiveColumn, SignedInColumn})
        m_devices->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_devices->setMinimumWidth(fontMetrics().averageCharWidth() * 90);

    m_password->setObjectName(QStringLiteral("changePasswordButton"));
    m_signOut->setObjectName(QStringLiteral("signOutDeviceButton"));
    m_signOut->setToolTip(tr("End the sign-in of the selected device; it will ask for the "
                             "password again."));
    m_everywhere->setObjectName(QStringLiteral("signOutEverywhereButton"));
    m_everywhere->setToolTip(tr("End every sign-in of your account, this one too."));
    m_status->setObjectName(QStringLiteral("accountStatus"));
    m_status->setWordWrap(true);
    m_status->hide();

    auto *passwordBox = new QGroupBox(tr("Password"), this);
    auto *passwordRow = new QHBoxLayout(passwordBox);
    auto *passwordHint = new QLabel(tr("Changing it signs out your other devices."), passwordBox);
    passwordHint->setWordWrap(true);
    passwordRow->addWidget(passwordHint, 1);
    passwordRow->addWidget(m_password);

    auto *devicesBox = new QGroupBox(tr("Signed-in devices"), this);
    auto *devicesColumn = new QVBoxLayout(devicesBox);
    devicesColumn->addWidget(m_devices);
    auto *deviceButtons = new QHBoxLayout;
    deviceButtons->addWidget(m_signOut);
    deviceButtons->addStretch(1);
    deviceButtons->addWidget(m_everywhere);
    devicesColumn->addLayout(deviceButtons);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *column = new QVBoxLayout(this);
    column->addWidget(m_who);
    column->addWidget(passwordBox);
    column->addWidget(devicesBox, 1);
    column->addWidget(m_status);
    column->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_password, &QPushButton::clicked, this, &AccountDialog::changePassword);
    connect(m_signOut, &QPushButton::clicked, this, &AccountDialog::signOutSelected);
    connect(m_everywhere, &QPushButton::clicked, this, &AccountDialog::confirmSignOutEverywhere);
    connect(m_devices, &QTreeWidget::itemSelectionChanged, this, &AccountDialog::updateButtons);
    connect(session->connection(), &Connection::stateChanged, this, &AccountDialog::updateButtons);
    updateButtons();
    refresh();
}

QString AccountDialog::statusText() const
{
    return m_status->isVisible() ? m_status->text() : QString();
}

void AccountDialog::setStatus(const QString &text, bool error)
{
    showStatus(m_status, text, error);
}

void AccountDialog::updateButtons()
{
    const bool online = m_session->connection()->isOnline();
    const QTreeWidgetItem *item = m_devices->currentItem();
    const bool other = item && item->isSelected() && !item->data(0, CurrentRole).toBool();
    m_password->setEnabled(online && !m_busy);
    m_signOut->setEnabled(online && !m_busy && other);
    m_everywhere->setEnabled(online && !m_busy);
}

void AccountDialog::refresh()
{
    m_session->connection()->request(
        MessageType::SessionList, {}, this, [this](const Reply &reply) { showDevices(reply); });
}

void AccountDialog::showDevices(const Reply &reply)
{
    if (!reply.ok()) {
        setStatus(reply.isTransportFailure()
                ? tr("Hubbub is offline; the list of devices shows when it is back.")
                : reply.error().message,
            true);
        return;
    }
    const QString selected = m_devices->currentItem()
        ? m_devices->currentItem()->data(0, IdRole).toString()
        : QString();
    m_devices->clear();
    const QJsonArray sessions = reply.result().value(QStringLiteral("sessions")).toArray();
    for (const QJsonValue &value : sessions) {
        const QJsonObject session = value.toObject();
        const bool current = session.value(QStringLiteral("current")).toBool();
        QString device = deviceName(session.value(QStringLiteral("client")).toString());
        if (device.isEmpty())
            device = tr("Unknown app");
        // Said where it cannot be cut off, however long the device's name.
        const QString active = current ? tr("This device")
            : session.value(QStringLiteral("online")).toBool()
            ? tr("Online now")
            : relativeTime(parseTimestamp(session.value(QStringLiteral("lastUsedAt")).toString()));
        auto *item = new QTreeWidgetItem(m_devices,
            {device, session.value(QStringLiteral("address")).toString(), active,
                localTime(session.value(QStringLiteral("createdAt")).toString())});
        item->setData(0, IdRole, session.value(QStringLiteral("id")).toString());
        item->setData(0, CurrentRole, current);
        item->setToolTip(0, device);
        if (current) {
            QFont bold = item->font(0);
            bold.setBold(true);
            item->setFont(0, bold);
            item->setFont(ActiveColumn, bold);
        }
        if (item->data(0, IdRole).toString() == selected)
            m_devices->setCurrentItem(item);
    }
    updateButtons();
}

void AccountDialog::changePassword()
{
    // Opened, not exec()'d: the account dialog may be closed under it (a sign-out).
    auto *dialog = new PasswordDialog(m_session, PasswordDialog::Mode::Change, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        setStatus(tr("Your password is changed. %n other device(s) were signed out.", nullptr,
            dialog->signedOut()));
        refresh();
    });
    dialog->open();
}

void AccountDialog::signOutSelected()
{
    const QTreeWidgetItem *item = m_devices->currentItem();
    if (!item || item->data(0, CurrentRole).toBool())
        return;
    m_busy = true;
    updateButtons();
    m_session->connection()->request(MessageType::SessionRevoke,
        {{QStringLiteral("sessionId"), item->data(0, IdRole).toString()}}, this,
        [this](const Reply &reply) {
            m_busy = false;
            updateButtons();
            if (reply.ok())
                setStatus(tr("The device is signed out."));
            else
                setStatus(reply.error().message, true);
            refresh();
        });
}

void AccountDialog::confirmSignOutEverywhere()
{
    auto *box = new QMessageBox(QMessageBox::Question, tr("Sign out everywhere?"),
        tr("Every device signed in to your account will be signed out, this one too. You will "
           "need your password to sign in again."),
        QMessageBox::Cancel, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *yes = box->addButton(tr("Sign out everywhere"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::buttonClicked, this, [this, yes](QAbstractButton *clicked) {
        if (clicked == yes)
            signOutEverywhere();
    });
    box->open();
}

void AccountDialog::signOutEverywhere()
{
    m_busy = true;
    updateButtons();
    m_session->connection()->request(
        MessageType::SessionRevokeAll, {}, this, [this](const Reply &reply) {
            m_busy = false;
            updateButtons();
            if (!reply.ok()) {
                setStatus(reply.error().message, true);
                return;
            }
            accept();
            Q_EMIT signedOutEverywhere();
        });
}

} // namespace Hubbub::Client
