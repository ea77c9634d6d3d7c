#include "signindialog.h"

#include "charwidth.h"
#include "clientsettings.h"
#include "connection.h"
#include "landiscovery.h"
#include "protocollimits.h"
#include "session.h"
#include "validation.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace Hubbub::Client {

SignInDialog::SignInDialog(Session *session, ClientSettings *settings, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_settings(settings)
    , m_server(new QLineEdit(this))
    , m_foundLabel(new QLabel(tr("On your network:"), this))
    , m_found(new QListView(this))
    , m_username(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_confirm(new QLineEdit(this))
    , m_invite(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_progress(new QLabel(this))
    , m_login(new QPushButton(tr("&Log in"), this))
    , m_create(new QPushButton(tr("&Create account"), this))
{
    setWindowTitle(tr("Sign in to Hubbub"));
    setObjectName(QStringLiteral("signInDialog"));

    auto *title = new QLabel(
        tr("<b>Welcome to Hubbub</b><br>Sign in to a Hubbub server on your network."), this);
    title->setWordWrap(true);

    m_server->setObjectName(QStringLiteral("serverEdit"));
    m_server->setPlaceholderText(ClientSettings::defaultServer().toString());
    m_server->setAccessibleName(tr("Server address"));
    m_server->setToolTip(tr("The server's address. A server with several addresses: all of "
                            "them, separated by commas; when one cannot be reached, the next "
                            "is used."));
    m_username->setObjectName(QStringLiteral("usernameEdit"));
    m_username->setAccessibleName(tr("Username"));
    // Letters, marks and digits of any script and _ . - (the spec's rule): a space or an emoji
    // is not taken as typed. The length is counted after NFC at submit(); four UTF-16 units a
    // character leaves room for a name typed decomposed or beyond the BMP.
    m_username->setMaxLength(4 * Limits::UsernameMax);
    m_username->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[\\p{L}\\p{M}\\p{N}_.\\-]*")), m_username));
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setMaxLength(256);
    m_confirm->setObjectName(QStringLiteral("confirmEdit"));
    m_confirm->setAccessibleName(tr("Confirm password"));
    m_confirm->setEchoMode(QLineEdit::Password);
    m_confirm->setMaxLength(256);
    m_confirm->setPlaceholderText(tr("Type the password again"));
    m_invite->setObjectName(QStringLiteral("inviteEdit"));
    m_invite->setAccessibleName(tr("Invite code"));
    m_invite->setPlaceholderText(tr("Only if the server asks for one"));
    m_invite->setMaxLength(Limits::CodeInputMax);

    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setAccessibleName(tr("Sign-in error"));
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xd0, 0x30, 0x30));
    m_error->setPalette(errorPalette);
    m_error->hide();
    m_progress->setObjectName(QStringLiteral("progressLabel"));
    m_progress->setWordWrap(true);
    m_progress->hide();

    // Servers that announce themselves on the network: one click fills the address. What they
    // announce (their fingerprint among it) is a hint; trust is asked for when connecting.
    m_found->setObjectName(QStringLiteral("foundServers"));
    m_found->setAccessibleName(tr("Servers on your network"));
    m_found->setModel(m_session->discovery());
    m_found->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_found->setUniformItemSizes(true);
    m_found->setMaximumHeight(m_found->fontMetrics().height() * 6);
    m_foundLabel->setBuddy(m_found);
    const auto showFound = [this] {
        const bool any = m_session->discovery()->rowCount() > 0;
        m_foundLabel->setVisible(any);
        m_found->setVisible(any);
    };
    connect(m_session->discovery(), &QAbstractItemModel::rowsInserted, this, showFound);
    connect(m_session->discovery(), &QAbstractItemModel::rowsRemoved, this, showFound);
    connect(m_session->discovery(), &QAbstractItemModel::modelReset, this, showFound);
    showFound();
    // A click, or Enter on the list (which then does not sign in to the old address).
    const auto pick = [this](const QModelIndex &index) {
        setServer(index.data(LanDiscovery::UrlRole).toUrl());
        m_username->setFocus();
    };
    connect(m_found, &QListView::clicked, this, pick);
    connect(m_found, &QListView::activated, this, pick);
    m_found->installEventFilter(this);

    m_form = new QFormLayout;
    m_form->addRow(tr("&Server:"), m_server);
    m_form->addRow(tr("&Username:"), m_username);
    m_form->addRow(tr("&Password:"), m_password);
    // Asked for only when creating an account: a typo there would lock the user out.
    m_form->addRow(tr("Con&firm password:"), m_confirm);
    m_form->addRow(tr("&Invite code:"), m_invite);
    setConfirmShown(false);
    m_confirm->installEventFilter(this);
    m_invite->installEventFilter(this);

    m_login->setObjectName(QStringLiteral("loginButton"));
    m_login->setDefault(true);
    m_create->setObjectName(QStringLiteral("createButton"));
    m_create->setToolTip(tr("Create a new account on this server with this username and password"));
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_login, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_create, QDialogButtonBox::ActionRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_login, &QPushButton::clicked, this, [this] { submit(false); });
    connect(m_create, &QPushButton::clicked, this, [this] { submit(true); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addSpacing(fontMetrics().height() / 2);
    layout->addWidget(m_foundLabel);
    layout->addWidget(m_found);
    layout->addLayout(m_form);
    layout->addWidget(m_error);
    layout->addWidget(m_progress);
    layout->addWidget(buttons);
    // Wide enough for a message with a full address on one line ("ws://192.168.100.100:7300
    // did not answer…"): a narrower one broke the address mid-word.
    setMinimumWidth(charWidth(fontMetrics()) * 64);

    for (QLineEdit *edit : {m_server, m_username, m_password})
        connect(edit, &QLineEdit::textChanged, this, &SignInDialog::updateButtons);

    setServer(m_settings->lastServer());
    setUsername(m_settings->lastUsername());

    connect(m_session, &Session::signedIn, this, &SignInDialog::onSignedIn);
    connect(m_session, &Session::signInFailed, this, &SignInDialog::onFailed);
    connect(
        m_session->connection(), &Connection::stateChanged, this, &SignInDialog::onStateChanged);
    // The next address of a deployment, while still Connecting.
    connect(m_session->connection(), &Connection::connecting, this, &SignInDialog::onStateChanged);
    updateButtons();
}

void SignInDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    m_session->discovery()->start();
}

void SignInDialog::hideEvent(QHideEvent *event)
{
    m_session->discovery()->stop();
    QDialog::hideEvent(event);
}

QString SignInDialog::progressText() const
{
    return m_progress->isVisible() ? m_progress->text() : QString();
}

void SignInDialog::setConnectTimeout(std::chrono::milliseconds timeout)
{
    m_session->connection()->setConnectTimeout(timeout);
}

Deployment SignInDialog::server() const
{
    return normalizeServers(m_server->text());
}

void SignInDialog::setConfirmShown(bool shown)
{
    m_form->setRowVisible(m_confirm, shown);
    m_form->setRowVisible(m_invite, shown);
    if (!shown) {
        m_confirm->clear();
        m_invite->clear();
    }
}

bool SignInDialog::eventFilter(QObject *watched, QEvent *event)
{
    // Enter in the confirmation creates the account, as the field is there for; Log in, the
    // default button elsewhere, would sign in with an account that does not exist yet.
    if ((watched == m_confirm || watched == m_invite) && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            if (m_create->isEnabled())
                submit(true);
            return true;
        }
    }
    // Enter on the list of found servers picks one (activated); it is not the dialog's.
    if (watched == m_found && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) && m_found->currentIndex().isValid()) {
            Q_EMIT m_found->activated(m_found->currentIndex());
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void SignInDialog::reject()
{
    if (!m_busy)
        return QDialog::reject();
    m_session->signOut();
    setBusy(false);
    showError(tr("Sign-in cancelled."));
    m_server->setFocus();
}

void SignInDialog::onStateChanged()
{
    if (!m_busy)
        return;
    // The address being tried, of the several a deployment may have.
    const QString address = Connection::displayAddress(m_session->connection()->url());
    switch (m_session->connection()->state()) {
    case Connection::State::Connecting:
        m_progress->setText(tr("Connecting to %1…").arg(address));
        break;
    case Connection::State::SigningIn:
        // The server answered; the sign-in itself has its own reply timeout.
        m_reachedServer = true;
        m_progress->setText(tr("Signing in to %1…").arg(address));
        break;
    default:
        break;
    }
    m_progress->setVisible(m_busy);
    fitContents();
}

void SignInDialog::setServer(const Deployment &deployment)
{
    m_server->setText(deployment.toDisplayString());
}

void SignInDialog::setUsername(const QString &username)
{
    m_username->setText(username);
    if (!username.isEmpty())
        m_password->setFocus();
    else
        m_username->setFocus();
}

void SignInDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    fitContents();
}

void SignInDialog::fitContents()
{
    // A top-level window does not follow its word-wrapped labels' height for its width.
    layout()->activate();
    const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                     : layout()->totalSizeHint().height();
    if (height() < needed)
        resize(width(), needed);
}

QString SignInDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

QUrl SignInDialog::normalizeServer(const QString &text)
{
    QString value = text.trimmed();
    if (value.isEmpty())
        return ClientSettings::defaultServer();
    // Servers speak TLS unless started with --tls off: a bare address means wss:// on
    // Hubbub's port. A typed wss:// without a port keeps TLS's own (a proxy in front).
    const bool bare = !value.contains(QLatin1String("://"));
    if (bare)
        value.prepend(QLatin1String("wss://"));
    QUrl url(value, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return {};
    if (url.scheme() == QLatin1String("http"))
        url.setScheme(QStringLiteral("ws"));
    else if (url.scheme() == QLatin1String("https"))
        url.setScheme(QStringLiteral("wss"));
    if (url.scheme() != QLatin1String("ws") && url.scheme() != QLatin1String("wss"))
        return {};
    if (url.port() == -1 && (bare || url.scheme() == QLatin1String("ws")))
        url.setPort(7300);
    if (url.path().isEmpty())
        url.setPath(QStringLiteral("/"));
    return url;
}

Deployment SignInDialog::normalizeServers(const QString &text, QString *bad)
{
    if (Deployment::split(text).isEmpty())
        return Deployment(ClientSettings::defaultServer());
    return Deployment::parse(text, &SignInDialog::normalizeServer, bad).value_or(Deployment());
}

void SignInDialog::updateButtons()
{
    const bool ready = !m_busy && !m_username->text().isEmpty() && !m_password->text().isEmpty();
    m_login->setEnabled(ready);
    m_create->setEnabled(ready);
}

void SignInDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QLineEdit *edit : {m_server, m_username, m_password, m_confirm, m_invite})
        edit->setEnabled(!busy);
    updateButtons();
    if (busy) {
        setCursor(Qt::BusyCursor);
    } else {
        unsetCursor();
        m_progress->hide();
    }
}

void SignInDialog::submit(bool createAccount)
{
    QString bad;
    const Deployment deployment = normalizeServers(m_server->text(), &bad);
    if (deployment.isEmpty()) {
        showError(tr("\"%1\" is not a server address. Use something like 192.168.1.10 or "
                     "wss://192.168.1.10:7300.")
                      .arg(bad));
        m_server->setFocus();
        return;
    }
    // As the server will store it, so that the settings and the title show the same name.
    const QString username = Validation::normalizedUsername(m_username->text());
    const qsizetype passwordLength = m_password->text().size();
    if (Validation::checkUsername(username)) {
        showError(tr("A username has %1 to %2 letters, digits, '_', '.' or '-'.")
                      .arg(Limits::UsernameMin)
                      .arg(Limits::UsernameMax));
        m_username->setFocus();
        return;
    }
    if (createAccount && passwordLength < Limits::PasswordMin) {
        showError(tr("Choose a password of at least %1 characters.").arg(Limits::PasswordMin));
        m_password->setFocus();
        return;
    }
    if (createAccount && !m_confirm->isVisibleTo(this)) {
        // The first click on Create account asks for the password again; nothing is sent.
        showError({});
        setConfirmShown(true);
        updateButtons();
        fitContents();
        m_confirm->setFocus();
        return;
    }
    if (createAccount && m_confirm->text() != m_password->text()) {
        showError(tr("The two passwords differ. Type the same password in both fields."));
        m_confirm->selectAll();
        m_confirm->setFocus();
        return;
    }
    if (!createAccount)
        setConfirmShown(false);
    showError({});
    m_deployment = deployment;
    m_server->setText(deployment.toDisplayString());
    m_reachedServer = false;
    Q_EMIT attemptStarted();
    setBusy(true);
    m_session->signIn(deployment, username, m_password->text(), createAccount,
        createAccount ? m_invite->text() : QString());
}

void SignInDialog::onSignedIn(const User &user, const QString &token)
{
    if (!m_busy)
        return;
    setBusy(false);
    m_settings->setCredentials(m_deployment, user, token);
    m_password->clear();
    setConfirmShown(false);
    accept();
}

void SignInDialog::onFailed(const Error &error)
{
    if (!m_busy)
        return; // an attempt cancelled or timed out here has said so already
    setBusy(false);
    showError(error.message);
    if (!m_reachedServer) {
        // Nothing answered there (refused, unreachable, or silent past the bound): the address
        // is what to correct.
        m_server->setFocus();
        m_server->selectAll();
        return;
    }
    // The server takes accounts by invitation and the code was missing or not valid.
    if (error.field == u"invite" && m_invite->isVisibleTo(this)) {
        m_invite->selectAll();
        m_invite->setFocus();
        return;
    }
    m_password->selectAll();
    m_password->setFocus();
}

} // namespace Hubbub::Client
