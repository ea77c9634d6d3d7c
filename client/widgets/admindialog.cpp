#include "admindialog.h"

#include "connection.h"
#include "protocollimits.h"
#include "reply.h"
#include "session.h"
#include "statuslabel.h"
#include "types.h"

#include <QApplication>
#include <QBoxLayout>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeWidget>

namespace Hubbub::Client {

namespace {

constexpr int DataRole = Qt::UserRole; //!< the row's JSON object

QString localTime(const QString &timestamp)
{
    const QDateTime at = parseTimestamp(timestamp);
    return at.isValid() ? QLocale().toString(at.toLocalTime(), QLocale::ShortFormat) : QString();
}

QString localDate(const QString &timestamp)
{
    const QDateTime at = parseTimestamp(timestamp);
    return at.isValid() ? QLocale().toString(at.toLocalTime().date(), QLocale::ShortFormat)
                        : QString();
}

//! "ada" or "Ada Lovelace (ada)": the name people know, with the username it signs in with.
QString personName(const QJsonValue &value)
{
    const User user = User::fromJson(value.toObject());
    if (user.displayName.isEmpty())
        return user.username;
    return QStringLiteral("%1 (%2)").arg(user.displayName, user.username);
}

//! Asks before an action that others feel at once; the button says what it does, and Cancel
//! is what Enter and Escape choose. Not exec(): no nested event loop in which the dialog could
//! be closed (a demotion, a sign-out) under the box; `then` runs only if the dialog still is.
void confirm(QWidget *parent, const QString &title, const QString &text, const QString &action,
    std::function<void()> then)
{
    auto *box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::Cancel, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *yes = box->addButton(action, QMessageBox::AcceptRole);
    box->setDefaultButton(QMessageBox::Cancel);
    QObject::connect(box, &QMessageBox::buttonClicked, parent,
        [yes, then = std::move(then)](QAbstractButton *clicked) {
            if (clicked == yes)
                then();
        });
    box->open();
}

QTreeWidget *makeList(const QString &objectName, const QString &accessibleName,
    const QStringList &headers, QWidget *parent)
{
    auto *list = new QTreeWidget(parent);
    list->setObjectName(objectName);
    list->setAccessibleName(accessibleName);
    list->setRootIsDecorated(false);
    list->setUniformRowHeights(true);
    list->setAllColumnsShowFocus(true);
    list->setColumnCount(int(headers.size()));
    list->setHeaderLabels(headers);
    list->header()->setStretchLastSection(false);
    list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    return list;
}

} // namespace

AdminDialog::AdminDialog(Session *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_userId(session->user().id)
    , m_tabs(new QTabWidget(this))
    , m_people(makeList(QStringLiteral("peopleList"), tr("People"),
          {tr("Name"), tr("Role"), tr("Status"), tr("Devices"), tr("Joined")}, this))
    , m_role(new QPushButton(this))
    , m_disable(new QPushButton(this))
    , m_reset(new QPushButton(tr("&Reset password…"), this))
    , m_invites(makeList(QStringLiteral("invitesList"), tr("Invites"),
          {tr("Status"), tr("Created by"), tr("Created"), tr("Expires")}, this))
    , m_validity(new QComboBox(this))
    , m_newInvite(new QPushButton(tr("&New invite"), this))
    , m_revoke(new QPushButton(tr("&Withdraw"), this))
    , m_audit(
          makeList(QStringLiteral("auditList"), tr("Audit log"), {tr("What"), tr("When")}, this))
    , m_older(new QPushButton(tr("Load &older"), this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("adminDialog"));
    setWindowTitle(tr("Administration"));
    m_role->setObjectName(QStringLiteral("roleButton"));
    m_disable->setObjectName(QStringLiteral("disableButton"));
    m_reset->setObjectName(QStringLiteral("resetPasswordButton"));
    m_newInvite->setObjectName(QStringLiteral("newInviteButton"));
    m_revoke->setObjectName(QStringLiteral("revokeInviteButton"));
    m_older->setObjectName(QStringLiteral("olderAuditButton"));
    m_status->setObjectName(QStringLiteral("adminStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->hide();

    // People.
    auto *peoplePage = new QWidget(m_tabs);
    auto *peopleColumn = new QVBoxLayout(peoplePage);
    peopleColumn->addWidget(m_people);
    auto *peopleButtons = new QHBoxLayout;
    peopleButtons->addWidget(m_role);
    peopleButtons->addWidget(m_disable);
    peopleButtons->addWidget(m_reset);
    peopleButtons->addStretch(1);
    peopleColumn->addLayout(peopleButtons);
    m_tabs->addTab(peoplePage, tr("&People"));

    // Invites.
    auto *invitesPage = new QWidget(m_tabs);
    auto *invitesColumn = new QVBoxLayout(invitesPage);
    auto *inviteHint = new QLabel(tr("An invite code lets one person create an account while "
                                     "the server takes new accounts by invitation only. It "
                                     "works once, until it expires."),
        invitesPage);
    inviteHint->setWordWrap(true);
    invitesColumn->addWidget(inviteHint);
    invitesColumn->addWidget(m_invites);
    m_validity->setObjectName(QStringLiteral("inviteValidity"));
    m_validity->setAccessibleName(tr("Valid for"));
    for (int days : {1, 7, 30})
        m_validity->addItem(tr("Valid for %n day(s)", nullptr, days), days * 24);
    m_validity->setCurrentIndex(1);
    auto *inviteButtons = new QHBoxLayout;
    inviteButtons->addWidget(m_validity);
    inviteButtons->addWidget(m_newInvite);
    inviteButtons->addStretch(1);
    inviteButtons->addWidget(m_revoke);
    invitesColumn->addLayout(inviteButtons);
    m_tabs->addTab(invitesPage, tr("&Invites"));

    // Audit log.
    auto *auditPage = new QWidget(m_tabs);
    auto *auditColumn = new QVBoxLayout(auditPage);
    auditColumn->addWidget(m_audit);
    auto *auditButtons = new QHBoxLayout;
    auditButtons->addStretch(1);
    auditButtons->addWidget(m_older);
    auditColumn->addLayout(auditButtons);
    m_tabs->addTab(auditPage, tr("&Audit log"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *column = new QVBoxLayout(this);
    column->addWidget(m_tabs, 1);
    column->addWidget(m_status);
    column->addWidget(buttons);
    const int em = fontMetrics().averageCharWidth();
    resize(em * 100, fontMetrics().height() * 30);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_people, &QTreeWidget::itemSelectionChanged, this, &AdminDialog::updateButtons);
    connect(m_invites, &QTreeWidget::itemSelectionChanged, this, &AdminDialog::updateButtons);
    connect(session->connection(), &Connection::stateChanged, this, &AdminDialog::updateButtons);
    // Who is online and how many devices they have changes under the list: read it again a
    // moment after someone comes or goes (one request for a burst of them).
    m_refreshPeople.setSingleShot(true);
    m_refreshPeople.setInterval(500);
    connect(&m_refreshPeople, &QTimer::timeout, this, &AdminDialog::refreshPeople);
    connect(session->connection(), &Connection::presenceChanged, this, [this] {
        if (isVisible() && m_tabs->currentIndex() == 0)
            m_refreshPeople.start();
    });
    connect(m_role, &QPushButton::clicked, this, [this] {
        const QJsonObject person = selectedPerson();
        const User user = User::fromJson(person.value(QStringLiteral("user")).toObject());
        if (user.role == Role::Admin)
            return toggleAdmin();
        confirm(this, tr("Make an admin?"),
            tr("%1 will be able to edit and delete anything, and to run this window.")
                .arg(personName(person.value(QStringLiteral("user")))),
            tr("Make admin"), [this] { toggleAdmin(); });
    });
    connect(m_disable, &QPushButton::clicked, this, [this] {
        const QJsonObject person = selectedPerson();
        if (person.value(QStringLiteral("disabled")).toBool())
            return toggleDisabled();
        confirm(this, tr("Disable this account?"),
            tr("%1 is signed out everywhere at once and cannot sign in until an admin "
               "enables the account again. Their posts and messages stay.")
                .arg(personName(person.value(QStringLiteral("user")))),
            tr("Disable"), [this] { toggleDisabled(); });
    });
    connect(m_reset, &QPushButton::clicked, this, [this] {
        const QJsonObject person = selectedPerson();
        confirm(this, tr("Reset the password?"),
            tr("%1 is signed out everywhere and signs in once with a code you give them, "
               "then chooses a new password. Their old password stops working.")
                .arg(personName(person.value(QStringLiteral("user")))),
            tr("Reset password"), [this] { resetPassword(); });
    });
    connect(m_newInvite, &QPushButton::clicked, this,
        [this] { createInvite(m_validity->currentData().toInt()); });
    connect(m_revoke, &QPushButton::clicked, this, &AdminDialog::revokeSelectedInvite);
    connect(m_older, &QPushButton::clicked, this, &AdminDialog::loadOlderAudit);

    refreshPeople();
    refreshInvites();
    refreshAudit();
    updateButtons();
}

QString AdminDialog::statusText() const
{
    return m_status->isVisible() ? m_status->text() : QString();
}

void AdminDialog::setStatus(const QString &text, bool error)
{
    showStatus(m_status, text, error);
}

QJsonObject AdminDialog::selectedPerson() const
{
    const QTreeWidgetItem *item = m_people->currentItem();
    return item && item->isSelected() ? item->data(0, DataRole).toJsonObject() : QJsonObject();
}

void AdminDialog::updateButtons()
{
    const bool online = m_session->connection()->isOnline() && !m_busy;
    const QJsonObject person = selectedPerson();
    const User user = User::fromJson(person.value(QStringLiteral("user")).toObject());
    // Not on oneself: an admin keeps their own rights and account (another admin may act).
    const bool other = !person.isEmpty() && user.id != m_session->user().id;
    m_role->setText(user.role == Role::Admin ? tr("Make &member") : tr("Make &admin"));
    m_disable->setText(
        person.value(QStringLiteral("disabled")).toBool() ? tr("&Enable") : tr("&Disable"));
    m_role->setEnabled(online && other);
    m_disable->setEnabled(online && other);
    m_reset->setEnabled(online && other);
    const QTreeWidgetItem *invite = m_invites->currentItem();
    const bool open = invite && invite->isSelected()
        && invite->data(0, DataRole).toJsonObject().value(QStringLiteral("usedBy")).isNull();
    m_newInvite->setEnabled(online);
    m_revoke->setEnabled(online && open);
}

void AdminDialog::refreshPeople()
{
    m_session->connection()->request(
        MessageType::AdminUsers, {}, this, [this](const Reply &reply) { showPeople(reply); });
}

void AdminDialog::showPeople(const Reply &reply)
{
    if (!reply.ok())
        return setStatus(reply.error().message, true);
    const qint64 selected
        = User::fromJson(selectedPerson().value(QStringLiteral("user")).toObject()).id;
    m_people->clear();
    for (const QJsonValue &value : reply.result().value(QStringLiteral("users")).toArray()) {
        const QJsonObject person = value.toObject();
        const User user = User::fromJson(person.value(QStringLiteral("user")).toObject());
        QString status;
        if (person.value(QStringLiteral("disabled")).toBool())
            status = tr("Disabled");
        else if (person.value(QStringLiteral("mustChangePassword")).toBool())
            status = tr("Password reset");
        else if (person.value(QStringLiteral("online")).toBool())
            status = tr("Online");
        else
            status = tr("Active");
        auto *item = new QTreeWidgetItem(m_people,
            {personName(person.value(QStringLiteral("user"))),
                user.role == Role::Admin ? tr("Admin") : tr("Member"), status,
                QLocale().toString(person.value(QStringLiteral("sessions")).toInt()),
                localDate(person.value(QStringLiteral("createdAt")).toString())});
        item->setData(0, DataRole, person);
        if (user.id == selected)
            m_people->setCurrentItem(item);
    }
    updateButtons();
}

void AdminDialog::runOnPerson(MessageType type, const QJsonObject &params, const QString &done)
{
    m_busy = true;
    updateButtons();
    m_session->connection()->request(type, params, this, [this, done](const Reply &reply) {
        m_busy = false;
        updateButtons();
        if (reply.ok())
            setStatus(done);
        else
            setStatus(reply.error().message, true);
        refreshPeople();
        refreshAudit();
    });
}

void AdminDialog::toggleAdmin()
{
    const QJsonObject person = selectedPerson();
    if (person.isEmpty())
        return;
    const User user = User::fromJson(person.value(QStringLiteral("user")).toObject());
    const bool promote = user.role != Role::Admin;
    const QString name = personName(person.value(QStringLiteral("user")));
    runOnPerson(MessageType::AdminRole,
        {{QStringLiteral("userId"), user.id},
            {QStringLiteral("role"), promote ? QStringLiteral("admin") : QStringLiteral("member")}},
        promote ? tr("%1 is now an admin.").arg(name) : tr("%1 is now a member.").arg(name));
}

void AdminDialog::toggleDisabled()
{
    const QJsonObject person = selectedPerson();
    if (person.isEmpty())
        return;
    const User user = User::fromJson(person.value(QStringLiteral("user")).toObject());
    const bool disable = !person.value(QStringLiteral("disabled")).toBool();
    const QString name = personName(person.value(QStringLiteral("user")));
    runOnPerson(disable ? MessageType::AdminDisable : MessageType::AdminEnable,
        {{QStringLiteral("userId"), user.id}},
        disable ? tr("%1 is disabled and signed out everywhere.").arg(name)
                : tr("%1 can sign in again.").arg(name));
}

void AdminDialog::resetPassword()
{
    const QJsonObject person = selectedPerson();
    if (person.isEmpty())
        return;
    const User user = User::fromJson(person.value(QStringLiteral("user")).toObject());
    const QString name = personName(person.value(QStringLiteral("user")));
    m_busy = true;
    updateButtons();
    m_session->connection()->request(MessageType::AdminResetPassword,
        {{QStringLiteral("userId"), user.id}}, this, [this, name](const Reply &reply) {
            m_busy = false;
            updateButtons();
            refreshPeople();
            refreshAudit();
            if (!reply.ok())
                return setStatus(reply.error().message, true);
            setStatus({});
            const QString expires
                = localTime(reply.result().value(QStringLiteral("expiresAt")).toString());
            showCode(tr("One-time code"),
                tr("Give this code to %1 in person or another safe way. They sign in with it "
                   "instead of a password, once, until %2, and then choose a new password.")
                    .arg(name, expires),
                reply.result().value(QStringLiteral("code")).toString());
        });
}

void AdminDialog::refreshInvites()
{
    m_session->connection()->request(
        MessageType::InviteList, {}, this, [this](const Reply &reply) { showInvites(reply); });
}

void AdminDialog::showInvites(const Reply &reply)
{
    if (!reply.ok())
        return setStatus(reply.error().message, true);
    m_invites->clear();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QJsonValue &value : reply.result().value(QStringLiteral("invites")).toArray()) {
        const QJsonObject invite = value.toObject();
        QString status;
        if (!invite.value(QStringLiteral("usedBy")).isNull()) {
            status = tr("Used by %1").arg(personName(invite.value(QStringLiteral("usedBy"))));
        } else if (parseTimestamp(invite.value(QStringLiteral("expiresAt")).toString()) <= now) {
            status = tr("Expired");
        } else {
            status = tr("Open");
        }
        auto *item = new QTreeWidgetItem(m_invites,
            {status, personName(invite.value(QStringLiteral("createdBy"))),
                localTime(invite.value(QStringLiteral("createdAt")).toString()),
                localTime(invite.value(QStringLiteral("expiresAt")).toString())});
        item->setData(0, DataRole, invite);
    }
    updateButtons();
}

void AdminDialog::createInvite(int hours)
{
    m_busy = true;
    updateButtons();
    m_session->connection()->request(MessageType::InviteCreate,
        {{QStringLiteral("expiresInHours"), hours}}, this, [this](const Reply &reply) {
            m_busy = false;
            updateButtons();
            refreshInvites();
            refreshAudit();
            if (!reply.ok())
                return setStatus(reply.error().message, true);
            setStatus({});
            const QString expires = localTime(reply.result()
                                                  .value(QStringLiteral("invite"))
                                                  .toObject()
                                                  .value(QStringLiteral("expiresAt"))
                                                  .toString());
            showCode(tr("New invite"),
                tr("Give this code to the person you invite. They type it under \"Create "
                   "account\" when signing in, once, until %1. It is not shown again.")
                    .arg(expires),
                reply.result().value(QStringLiteral("code")).toString());
        });
}

void AdminDialog::revokeSelectedInvite()
{
    const QTreeWidgetItem *item = m_invites->currentItem();
    if (!item)
        return;
    m_busy = true;
    updateButtons();
    m_session->connection()->request(MessageType::InviteRevoke,
        {{QStringLiteral("inviteId"),
            item->data(0, DataRole).toJsonObject().value(QStringLiteral("id"))}},
        this, [this](const Reply &reply) {
            m_busy = false;
            updateButtons();
            if (reply.ok())
                setStatus(tr("The invite is withdrawn; its code no longer works."));
            else
                setStatus(reply.error().message, true);
            refreshInvites();
            refreshAudit();
        });
}

void AdminDialog::showCode(const QString &title, const QString &text, const QString &code)
{
    m_lastCode = code;
    // Opened, not exec()'d: this runs inside a reply's callback.
    auto *box = new QDialog(this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("codeDialog"));
    box->setWindowTitle(title);
    auto *label = new QLabel(text, box);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    auto *field = new QLineEdit(code, box);
    field->setObjectName(QStringLiteral("codeField"));
    field->setReadOnly(true);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(font().pointSizeF() * 1.4);
    field->setFont(mono);
    field->setAlignment(Qt::AlignCenter);
    field->setMinimumWidth(QFontMetrics(mono).horizontalAdvance(code) + fontMetrics().height() * 2);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, box);
    QPushButton *copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, box, [code, copy] {
        QApplication::clipboard()->setText(code);
        copy->setText(tr("Copied"));
    });
    connect(buttons, &QDialogButtonBox::rejected, box, &QDialog::reject);
    auto *column = new QVBoxLayout(box);
    column->addWidget(label);
    column->addWidget(field);
    column->addWidget(buttons);
    box->setMinimumWidth(fontMetrics().averageCharWidth() * 60);
    field->selectAll();
    box->open();
}

void AdminDialog::refreshAudit()
{
    m_session->connection()->request(MessageType::AuditList,
        {{QStringLiteral("limit"), Limits::AuditPageDefault}}, this,
        [this](const Reply &reply) { showAudit(reply, false); });
}

void AdminDialog::loadOlderAudit()
{
    if (m_oldestAudit <= 0)
        return;
    m_session->connection()->request(MessageType::AuditList,
        {{QStringLiteral("before"), m_oldestAudit},
            {QStringLiteral("limit"), Limits::AuditPageDefault}},
        this, [this](const Reply &reply) { showAudit(reply, true); });
}

void AdminDialog::showAudit(const Reply &reply, bool append)
{
    if (!reply.ok())
        return setStatus(reply.error().message, true);
    if (!append)
        m_audit->clear();
    for (const QJsonValue &value : reply.result().value(QStringLiteral("entries")).toArray()) {
        const QJsonObject entry = value.toObject();
        auto *item = new QTreeWidgetItem(m_audit,
            {describeAction(entry), localTime(entry.value(QStringLiteral("at")).toString())});
        item->setToolTip(0, item->text(0));
        item->setData(0, DataRole, entry);
        m_oldestAudit = entry.value(QStringLiteral("id")).toInteger();
    }
    m_older->setVisible(reply.result().value(QStringLiteral("more")).toBool());
}

QString AdminDialog::describeAction(const QJsonObject &entry)
{
    const QJsonValue actorValue = entry.value(QStringLiteral("actor"));
    const QString actor
        = actorValue.isObject() ? personName(actorValue) : tr("The server's operator");
    const QString target = personName(entry.value(QStringLiteral("target")));
    const QString action = entry.value(QStringLiteral("action")).toString();
    const QJsonObject detail = entry.value(QStringLiteral("detail")).toObject();
    if (action == u"role") {
        return detail.value(QStringLiteral("role")).toString() == u"admin"
            ? tr("%1 made %2 an admin").arg(actor, target)
            : tr("%1 made %2 a member").arg(actor, target);
    }
    if (action == u"disable")
        return tr("%1 disabled the account of %2").arg(actor, target);
    if (action == u"enable")
        return tr("%1 enabled the account of %2").arg(actor, target);
    if (action == u"reset_password")
        return tr("%1 reset the password of %2").arg(actor, target);
    if (action == u"invite.create") {
        return tr("%1 created an invite valid until %2")
            .arg(actor, localTime(detail.value(QStringLiteral("expiresAt")).toString()));
    }
    if (action == u"invite.revoke")
        return tr("%1 withdrew an invite").arg(actor);
    if (action == u"post.update")
        return tr("%1 edited a post by %2").arg(actor, target);
    if (action == u"post.delete")
        return tr("%1 deleted a post by %2").arg(actor, target);
    if (action == u"chat.edit")
        return tr("%1 edited a message by %2").arg(actor, target);
    if (action == u"chat.delete")
        return tr("%1 deleted a message by %2").arg(actor, target);
    // An action a newer server records: its name as sent.
    return tr("%1: %2").arg(actor, action);
}

} // namespace Hubbub::Client
