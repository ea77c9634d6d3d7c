#include "connection.h"

#include "codec.h"
#include "errortext.h"
#include "logging.h"
#include "protocollimits.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QLocale>
#include <QSslConfiguration>
#include <QSslError>
#include <QSysInfo>
#include <QWebSocket>

#include <algorithm>

using namespace std::chrono_literals;

namespace Hubbub::Client {

namespace {

constexpr qint64 MaxMessageBytes = 16 * 1024 * 1024 + 1024;

//! The server's close codes for an ended session (docs/protocol.md).
constexpr int CloseSignedOut = 4001;
constexpr int CloseAccountDisabled = 4003;

//! What the user is told when the server ended the session, from its close code and reason.
QString endedSessionMessage(int closeCode, const QString &reason)
{
    if (closeCode == CloseAccountDisabled) {
        return Connection::tr(
            "An admin has disabled your account. Ask an admin to enable it again.");
    }
    if (reason == u"password reset") {
        return Connection::tr("An admin has reset your password. Sign in with the one-time code "
                              "they give you.");
    }
    return Connection::tr("This device was signed out, from another device or because the "
                          "password changed. Sign in again.");
}

//! hello's `client`: the program, the system and the machine's name, which the server keeps
//! with each sign-in so that a list of signed-in devices says which is which.
QString helloClient(const QString &program)
{
    const QString described
        = QStringLiteral("%1 (%2; %3)")
              .arg(program, QSysInfo::prettyProductName(), QSysInfo::machineHostName());
    return described.left(Limits::ClientNameMax);
}

//! Deadlines run on the monotonic clock: a laptop that slept must not find every request
//! timed out at once, nor a clock change move them.
qint64 nowMs()
{
    static const QElapsedTimer clock = [] {
        QElapsedTimer timer;
        timer.start();
        return timer;
    }();
    return clock.elapsed();
}

} // namespace

Connection::Connection(QObject *parent)
    : QObject(parent)
    , m_clientName(QStringLiteral("hubbub-desktop/" HUBBUB_VERSION))
{
    m_timeoutTimer.setInterval(250);
    connect(&m_timeoutTimer, &QTimer::timeout, this, &Connection::checkTimeouts);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &Connection::openSocket);
    // A host that accepts the TCP connection but never answers the upgrade would keep the
    // socket connecting for good: QWebSocket has no timeout of its own in Qt 6.4.
    m_connectTimer.setSingleShot(true);
    m_connectTimer.setInterval(15s);
    connect(&m_connectTimer, &QTimer::timeout, this, &Connection::onConnectTimeout);
    m_keepAliveTimer.setInterval(1000);
    connect(&m_keepAliveTimer, &QTimer::timeout, this, [this] {
        if (!m_socket || m_state == State::Connecting || !m_lastReceived.isValid())
            return;
        const qint64 idle = m_lastReceived.elapsed();
        if (idle > 2 * m_keepAlive.count()) {
            // Nothing at all came back, not even the ping's reply: the link is dead even if
            // TCP has not noticed (a pulled cable, a sleeping laptop).
            qCInfo(lcClientNet) << "no traffic for" << idle << "ms; reconnecting";
            m_socket->abort();
            return;
        }
        if (idle > m_keepAlive.count() && !m_pingOutstanding && m_user.id != 0) {
            m_pingOutstanding = true;
            sendRequest(
                MessageType::Ping, {}, this, [this](const Reply &) { m_pingOutstanding = false; },
                m_keepAlive);
        }
    });
}

Connection::~Connection()
{
    m_autoReconnect = false;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        delete m_socket;
    }
}

void Connection::signIn(const Deployment &deployment, const QString &username,
    const QString &password, bool createAccount, const QString &invite)
{
    dropSocket();
    m_heldCheck.reset();
    m_authMode = createAccount ? AuthMode::Register : AuthMode::Password;
    m_username = username;
    m_password = password;
    m_invite = createAccount ? invite.trimmed() : QString();
    m_mustChangePassword = false;
    m_lastCloseCode = 1000;
    m_token.clear();
    m_autoReconnect = false;
    start(deployment);
}

void Connection::resume(const Deployment &deployment, const QString &token, qint64 fromSeq)
{
    dropSocket();
    m_heldCheck.reset();
    m_authMode = AuthMode::Token;
    m_token = token;
    if (fromSeq >= 0)
        m_lastSeq = fromSeq;
    m_mustChangePassword = false;
    m_lastCloseCode = 1000;
    m_autoReconnect = true;
    start(deployment);
}

void Connection::start(const Deployment &deployment)
{
    m_deployment = deployment;
    m_address = 0;
    m_failedInRound = 0;
    m_reconnectTimer.stop();
    m_backoff.reset();
    openSocket();
}

void Connection::signOut()
{
    m_autoReconnect = false;
    // Signed in with a one-time code and waiting for a password: that session ends too.
    if (m_state == State::Online || m_state == State::Syncing
        || (m_state == State::SigningIn && m_mustChangePassword)) {
        // Not Online any more from this moment: nothing else may be sent after the logout.
        setState(State::Disconnected);
        QPointer<QWebSocket> socket = m_socket;
        sendRequest(
            MessageType::AuthLogout, {}, this,
            [this, socket](const Reply &) {
                if (socket == m_socket)
                    disconnectFromServer();
            },
            3s);
    } else {
        disconnectFromServer();
    }
    forgetAccount();
}

void Connection::leave()
{
    disconnectFromServer();
    forgetAccount();
    setState(State::Disconnected);
}

void Connection::forgetAccount()
{
    m_catchUpHeld = false;
    m_catchUpWaiting = false;
    m_token.clear();
    m_user = {};
    m_lastSeq = -1;
}

void Connection::disconnectFromServer()
{
    m_autoReconnect = false;
    m_heldCheck.reset();
    m_reconnectTimer.stop();
    dropSocket();
    setState(State::Disconnected);
}

void Connection::retryNow()
{
    if (m_heldCheck)
        return retryCertificate(); // asks again
    if (m_state != State::Waiting)
        return;
    m_reconnectTimer.stop();
    openSocket();
}

void Connection::setKeepAlive(std::chrono::milliseconds interval)
{
    m_keepAlive = std::max(interval, std::chrono::milliseconds(1));
    // Check often enough that a ping goes out (and has time to come back) before the link
    // is declared dead, however short the interval: a fixed check would miss short ones.
    m_keepAliveTimer.setInterval(std::clamp(
        m_keepAlive / 4, std::chrono::milliseconds(10), std::chrono::milliseconds(1000)));
}

qint64 Connection::msUntilRetry() const
{
    if (m_state != State::Waiting || !m_waitClock.isValid())
        return 0;
    return std::max<qint64>(0, m_waitMs - m_waitClock.elapsed());
}

qint64 Connection::request(MessageType type, const QJsonObject &params, QObject *context,
    ReplyCallback callback, std::chrono::milliseconds timeout)
{
    if (m_state != State::Online && m_state != State::Syncing) {
        // Callers decide what to do offline (the outbox keeps changes); answer asynchronously
        // so that a caller never sees its callback run inside its own call.
        QPointer<QObject> guard = context;
        const bool hasContext = context != nullptr;
        QTimer::singleShot(0, this, [guard, hasContext, callback] {
            if (callback && (!hasContext || guard))
                callback(Reply::disconnected());
        });
        return -1;
    }
    return sendRequest(type, params, context, std::move(callback),
        timeout.count() > 0 ? timeout : m_defaultTimeout);
}

qint64 Connection::sendRequest(MessageType type, const QJsonObject &params, QObject *context,
    ReplyCallback callback, std::chrono::milliseconds timeout)
{
    if (!m_socket) {
        // The connection went away under the caller (e.g. inside a nested event loop).
        QPointer<QObject> guard = context;
        const bool hasContext = context != nullptr;
        QTimer::singleShot(0, this, [guard, hasContext, callback] {
            if (callback && (!hasContext || guard))
                callback(Reply::disconnected());
        });
        return -1;
    }
    const qint64 id = m_nextId++;
    Pending pending {
        type, context, context != nullptr, std::move(callback), nowMs() + timeout.count()};
    m_pending.insert(id, std::move(pending));
    if (!m_timeoutTimer.isActive())
        m_timeoutTimer.start();
    m_socket->sendTextMessage(Codec::encode(Codec::request(type, id, params)));
    return id;
}

void Connection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    qCDebug(lcClientNet) << "state" << state;
    Q_EMIT stateChanged(state);
}

void Connection::openSocket()
{
    dropSocket();
    m_socket = new QWebSocket(m_clientName, QWebSocketProtocol::VersionLatest, this);
    m_socket->setMaxAllowedIncomingMessageSize(MaxMessageBytes);
    m_socket->setMaxAllowedIncomingFrameSize(MaxMessageBytes);
    // One frame per message: Qt 6.4 servers split fragments inside UTF-8 sequences badly.
    m_socket->setOutgoingFrameSize(QWebSocket::maxOutgoingFrameSize());
    connect(m_socket, &QWebSocket::connected, this, &Connection::onConnected);
    connect(m_socket, &QWebSocket::disconnected, this, &Connection::onDisconnected);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &Connection::onText);
    connect(m_socket, &QWebSocket::sslErrors, this, &Connection::onSslErrors);
    setState(State::Connecting);
    qCInfo(lcClientNet) << "connecting to" << url().toDisplayString();
    Q_EMIT connecting(url());
    m_attemptError.clear();
    m_lastReceived.start();
    m_connectTimer.start();
    m_socket->open(url());
}

QString Connection::displayAddress(QUrl url)
{
    return Deployment::displayAddress(std::move(url));
}

void Connection::setConnectTimeout(std::chrono::milliseconds timeout)
{
    m_connectTimer.setInterval(timeout);
}

void Connection::onConnectTimeout()
{
    if (!m_socket || m_state != State::Connecting)
        return;
    const qint64 seconds
        = std::chrono::duration_cast<std::chrono::seconds>(m_connectTimer.intervalAsDuration())
              .count();
    const QString message = tr("%1 did not answer within %2 s. Check the address, and that a "
                               "Hubbub server runs there.")
                                .arg(displayAddress(url()), QLocale().toString(seconds));
    qCInfo(lcClientNet) << "no answer to the upgrade within" << seconds << "s";
    dropSocket();
    tryNextAddress(makeError(ErrorCode::Internal, message));
}

void Connection::tryNextAddress(const Error &error)
{
    m_lastError = error.message;
    const qsizetype addresses = std::max<qsizetype>(1, m_deployment.size());
    m_address = (m_address + 1) % addresses;
    if (++m_failedInRound < addresses) {
        // Another instance of the deployment may well be up: no reason to wait for it.
        qCInfo(lcClientNet) << "trying the next address";
        setState(State::Connecting);
        m_reconnectTimer.start(0);
        return;
    }
    m_failedInRound = 0;
    if (m_autoReconnect)
        return scheduleReconnect();
    Error failed = error;
    if (addresses > 1)
        failed.message = tr("Can't reach server at %1.").arg(m_deployment.toDisplayString());
    giveUp(failed);
}

void Connection::dropSocket()
{
    m_catchUpWaiting = false;
    m_keepAliveTimer.stop();
    m_connectTimer.stop();
    if (!m_socket)
        return;
    QWebSocket *socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
    failAllPending(Reply::disconnected());
    m_buffered.clear();
    m_syncing = false;
}

void Connection::onSslErrors(const QList<QSslError> &errors)
{
    if (qobject_cast<QWebSocket *>(sender()) != m_socket || !m_socket)
        return;
    CertificateCheck check;
    check.server = url();
    for (const QSslError &error : errors)
        check.problems.append(error.errorString());
    // The leaf: the certificate whose key the handshake proved. Never one named by an error:
    // those index the chain the peer sent, which a man in the middle can fill with the pinned
    // certificate (it is public) behind a leaf of his own.
    check.certificate = m_socket->sslConfiguration().peerCertificate();
    if (check.certificate.isNull()) {
        giveUp(makeError(
            ErrorCode::Internal, tr("%1 presented no certificate.").arg(displayAddress(url()))));
        return;
    }
    check.fingerprint = QString::fromLatin1(
        check.certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
    check.pinned = m_pinLookup ? m_pinLookup(check.server) : QString();
    if (check.pinned == check.fingerprint || (check.pinned.isEmpty() && pinnedElsewhere(check))) {
        // The certificate the user trusted for this server: what the system says about it
        // (self-signed, not issued for this address) was known when they trusted it.
        m_socket->ignoreSslErrors(errors);
        return;
    }
    qCInfo(lcClientNet) << "certificate of" << check.server.authority()
                        << "not trusted:" << check.fingerprint << "pinned" << check.pinned
                        << check.problems;
    // Held, not retried: a changed certificate asked about again every few seconds would
    // teach the user to click it away.
    m_heldAutoReconnect = m_autoReconnect;
    m_autoReconnect = false;
    m_reconnectTimer.stop();
    m_lastError = check.changed()
        ? tr("The certificate of %1 has changed.").arg(displayAddress(check.server))
        : tr("The certificate of %1 is not trusted yet.").arg(displayAddress(check.server));
    m_heldCheck = check;
    m_heldSignIn = m_authMode == AuthMode::Password || m_authMode == AuthMode::Register;
    dropSocket();
    setState(State::Disconnected);
    Q_EMIT certificateUntrusted(check);
}

bool Connection::pinnedElsewhere(const CertificateCheck &check) const
{
    if (!m_pinLookup)
        return false;
    const QList<QUrl> addresses = m_deployment.addresses();
    return std::any_of(addresses.cbegin(), addresses.cend(), [&](const QUrl &address) {
        return address != check.server && m_pinLookup(address) == check.fingerprint;
    });
}

void Connection::retryCertificate()
{
    if (!m_heldCheck)
        return;
    m_heldCheck.reset();
    m_autoReconnect = m_heldAutoReconnect;
    m_lastError.clear();
    m_failedInRound = 0;
    m_backoff.reset();
    openSocket();
}

void Connection::refuseCertificate()
{
    if (!m_heldCheck)
        return;
    const CertificateCheck check = *std::exchange(m_heldCheck, std::nullopt);
    giveUp(makeError(ErrorCode::Forbidden,
        check.changed() ? tr("Not connected: the certificate of %1 is not the one you trusted.")
                              .arg(displayAddress(check.server))
                        : tr("Not connected: you did not trust the certificate of %1.")
                              .arg(displayAddress(check.server))));
}

void Connection::onConnected()
{
    m_connectTimer.stop();
    setState(State::SigningIn);
    m_lastReceived.start();
    m_pingOutstanding = false;
    m_keepAliveTimer.start();
    sendRequest(
        MessageType::Hello,
        {{QStringLiteral("protocol"), ProtocolVersion},
            {QStringLiteral("client"), helloClient(m_clientName)}},
        this, [this](const Reply &reply) { onHello(reply); }, m_defaultTimeout);
}

void Connection::abortOnTimeout(const Reply &reply)
{
    // A step of the handshake that never answers leaves the connection useless even when
    // pings still pass: start over.
    if (reply.outcome() == Reply::Outcome::Timeout && m_socket) {
        m_attemptError = reply.error().message;
        m_socket->abort();
    }
}

void Connection::onHello(const Reply &reply)
{
    if (reply.isTransportFailure())
        return abortOnTimeout(reply); // a drop is handled by onDisconnected
    if (!reply.ok()) {
        if (reply.error().code == ErrorCode::UnsupportedProtocol) {
            giveUp(makeError(ErrorCode::UnsupportedProtocol,
                tr("The server at %1 speaks a different protocol version.")
                    .arg(displayAddress(url()))));
        } else {
            giveUp(reply.error());
        }
        return;
    }
    const QJsonObject hello = reply.result();
    m_helloHead = hello.value(QStringLiteral("head")).toInteger(0);
    m_features.clear();
    for (const QJsonValue &feature : hello.value(QStringLiteral("features")).toArray())
        m_features.append(feature.toString());
    m_registration = hello.value(QStringLiteral("registration")).toString();
    authenticate();
}

void Connection::authenticate()
{
    switch (m_authMode) {
    case AuthMode::Password:
    case AuthMode::Register: {
        QJsonObject params {
            {QStringLiteral("username"), m_username}, {QStringLiteral("password"), m_password}};
        if (m_authMode == AuthMode::Register && !m_invite.isEmpty())
            params.insert(QStringLiteral("invite"), m_invite);
        sendRequest(
            m_authMode == AuthMode::Register ? MessageType::AuthRegister : MessageType::AuthLogin,
            params, this, [this](const Reply &reply) { onAuth(reply); }, 60s);
        break;
    }
    case AuthMode::Token:
        // A token check is a quick read (no password hashing): the normal timeout applies.
        sendRequest(
            MessageType::AuthToken, {{QStringLiteral("token"), m_token}}, this,
            [this](const Reply &reply) { onAuth(reply); }, m_defaultTimeout);
        break;
    case AuthMode::None:
        giveUp(makeError(ErrorCode::Unauthorized, tr("Not signed in.")));
        break;
    }
}

void Connection::onAuth(const Reply &reply)
{
    if (reply.isTransportFailure())
        return abortOnTimeout(reply);
    if (!reply.ok()) {
        const Error &error = reply.error();
        if (m_authMode == AuthMode::Token && error.code != ErrorCode::Unauthorized
            && error.code != ErrorCode::UnsupportedProtocol) {
            // A busy or failing server is not a reason to forget the token: come back later.
            m_attemptError = error.message;
            m_socket->abort();
            return;
        }
        // The message already says which (ErrorText reads the verb): a refused token has
        // expired, a refused password is wrong.
        if (error.code == ErrorCode::Unauthorized && m_authMode == AuthMode::Token) {
            m_token.clear();
            // The server closed the last connection saying why (docs/protocol.md, "Accounts an
            // admin runs"): that is the better sentence.
            Error refused = error;
            if (m_lastCloseCode == CloseAccountDisabled || m_lastCloseCode == CloseSignedOut)
                refused.message = endedSessionMessage(m_lastCloseCode, QString());
            giveUp(refused);
            return;
        }
        giveUp(error);
        return;
    }
    const QJsonObject result = reply.result();
    m_user = User::fromJson(result.value(QStringLiteral("user")).toObject());
    if (result.contains(QStringLiteral("token")))
        m_token = result.value(QStringLiteral("token")).toString();
    m_password.clear();
    m_invite.clear();
    m_lastCloseCode = QWebSocketProtocol::CloseCodeNormal;
    m_mustChangePassword = result.value(QStringLiteral("mustChangePassword")).toBool();
    m_tooOldInARow = 0;
    m_authMode = AuthMode::Token;
    m_autoReconnect = true;
    // The round of addresses starts again only once this connection has proved stable
    // (onDisconnected): instances that accept a sign-in and then drop it must not be tried in
    // turn without a pause.
    m_signedInClock.start();
    m_backoff.reset();
    m_lastError.clear();
    qCInfo(lcClientNet) << "signed in as" << m_user.username << "at" << url().toDisplayString();
    Q_EMIT signedIn(m_user, m_token);
    if (m_mustChangePassword) {
        // The server answers nothing else until a password is chosen: no sync yet.
        Q_EMIT passwordChangeRequired();
        return;
    }
    if (m_catchUpHeld) {
        m_catchUpWaiting = true;
        return;
    }
    startSync();
}

void Connection::holdCatchUp(bool hold)
{
    m_catchUpHeld = hold;
    if (!hold && std::exchange(m_catchUpWaiting, false))
        startSync();
}

void Connection::choosePassword(
    const QString &newPassword, QObject *context, ReplyCallback callback)
{
    if (!m_mustChangePassword || m_state != State::SigningIn) {
        QPointer<QObject> guard = context;
        QTimer::singleShot(0, this, [guard, callback] {
            if (callback && guard)
                callback(Reply::disconnected());
        });
        return;
    }
    sendRequest(
        MessageType::AccountPassword, {{QStringLiteral("newPassword"), newPassword}}, context,
        [this, callback](const Reply &reply) {
            if (reply.ok() && m_mustChangePassword) {
                m_mustChangePassword = false;
                startSync();
            }
            if (callback)
                callback(reply);
        },
        60s);
}

void Connection::startSync()
{
    if (!m_socket)
        return;
    setState(State::Syncing);
    m_syncing = true;
    bool reload = false;
    if (m_lastSeq < 0) {
        // First sign-in: the views load fresh pages; events from hello's head on are applied
        // on top of them (applying is idempotent), so nothing between the two is missed.
        m_lastSeq = m_helloHead;
        reload = true;
    }
    sendRequest(
        MessageType::Sync, {{QStringLiteral("since"), m_lastSeq}}, this,
        [this](const Reply &reply) { onSync(reply); }, 60s);
    if (reload)
        Q_EMIT reloadRequired();
}

void Connection::onSync(const Reply &reply)
{
    if (reply.isTransportFailure())
        return abortOnTimeout(reply);
    if (!reply.ok()) {
        if (reply.error().code == ErrorCode::TooOld && m_tooOldInARow++ < 3) {
            // The server no longer has our gap. Start over on a fresh connection, whose hello
            // gives the head that the reloaded views will start from.
            qCInfo(lcClientNet) << "sync since" << m_lastSeq << "is too old; reloading";
            m_lastSeq = -1;
            m_buffered.clear();
            m_syncing = false;
            m_reconnectAtOnce = true;
            if (m_socket)
                m_socket->abort();
            return;
        }
        qCWarning(lcClientNet) << "sync failed:" << reply.error().toString();
        m_attemptError = reply.error().message;
        if (m_socket)
            m_socket->abort();
        return;
    }
    m_tooOldInARow = 0;
    const QJsonArray events = reply.result().value(QStringLiteral("events")).toArray();
    for (const QJsonValue &value : events) {
        const auto frame = decodeServerFrame(value.toObject());
        if (frame && frame->kind == ServerFrame::Kind::Event)
            applyEvent(*frame);
        else
            qCWarning(lcClientNet) << "sync: skipping an event that is not one";
    }
    m_syncing = false;
    drainBuffered();
    if (m_syncing)
        return; // the buffer had a gap: a further sync is on its way
    finishSync();
}

void Connection::finishSync()
{
    if (m_state == State::Online)
        return;
    sendRequest(
        MessageType::PresenceList, {}, this,
        [this](const Reply &reply) {
            if (reply.isTransportFailure())
                return abortOnTimeout(reply);
            if (reply.ok()) {
                QList<User> users;
                const QJsonArray array = reply.result().value(QStringLiteral("users")).toArray();
                for (const QJsonValue &value : array)
                    users.append(User::fromJson(value.toObject()));
                Q_EMIT presenceListed(users);
            }
            setState(State::Online);
            Q_EMIT online();
        },
        m_defaultTimeout);
}

void Connection::handleEvent(const ServerFrame &frame)
{
    const qint64 seq = frame.seq;
    if (seq <= m_lastSeq)
        return;
    if (m_syncing) {
        m_buffered.append(frame);
        return;
    }
    if (seq == m_lastSeq + 1) {
        applyEvent(frame);
        drainBuffered();
        return;
    }
    // A gap in the live stream: keep this one and ask for what is missing.
    qCInfo(lcClientNet) << "gap before seq" << seq << "after" << m_lastSeq << "; syncing";
    m_buffered.append(frame);
    m_syncing = true;
    sendRequest(
        MessageType::Sync, {{QStringLiteral("since"), m_lastSeq}}, this,
        [this](const Reply &reply) { onSync(reply); }, 60s);
}

void Connection::drainBuffered()
{
    std::sort(m_buffered.begin(), m_buffered.end(),
        [](const ServerFrame &a, const ServerFrame &b) { return a.seq < b.seq; });
    while (!m_buffered.isEmpty()) {
        const qint64 seq = m_buffered.first().seq;
        if (seq <= m_lastSeq) {
            m_buffered.removeFirst();
            continue;
        }
        if (seq != m_lastSeq + 1) {
            m_syncing = true;
            sendRequest(
                MessageType::Sync, {{QStringLiteral("since"), m_lastSeq}}, this,
                [this](const Reply &reply) { onSync(reply); }, 60s);
            return;
        }
        applyEvent(m_buffered.takeFirst());
    }
}

void Connection::applyEvent(const ServerFrame &frame)
{
    if (frame.seq <= m_lastSeq)
        return;
    m_lastSeq = frame.seq;
    if (!frame.event) {
        qCDebug(lcClientNet) << "skipping event" << frame.eventName << "of a newer server";
        return;
    }
    // An event for other users (a direct conversation of others): its seq is applied, that is
    // all (docs/protocol.md, "Events").
    if (*frame.event == EventType::Hidden)
        return;
    if (*frame.event == EventType::UserRenamed || *frame.event == EventType::UserUpdated) {
        const User renamed = User::fromJson(frame.data.value(QStringLiteral("user")).toObject());
        if (renamed.id == m_user.id) {
            m_user = renamed;
            Q_EMIT userChanged(m_user);
        }
    }
    Q_EMIT eventReceived(frame.seq, *frame.event, frame.data);
}

void Connection::onText(const QString &text)
{
    m_lastReceived.start();
    const auto decoded = decodeServerFrame(text);
    if (!decoded) {
        qCWarning(lcClientNet) << "ignoring a frame:" << decoded.error().message;
        return;
    }
    const ServerFrame &frame = *decoded;
    switch (frame.kind) {
    case ServerFrame::Kind::Reply: {
        if (!frame.id) {
            qCWarning(lcClientNet) << "server could not read a request:" << frame.error.message;
            return;
        }
        auto it = m_pending.find(*frame.id);
        if (it == m_pending.end())
            return; // timed out earlier
        Pending pending = std::move(*it);
        m_pending.erase(it);
        if (pending.hasContext && !pending.context)
            return;
        if (!pending.callback)
            return;
        if (frame.ok) {
            pending.callback(Reply::success(frame.data));
        } else {
            // Shown in the user's language from here on, whichever view shows it. ErrorText
            // reads the code as sent: for a code this version does not know (which
            // frame.error.code reads as internal) the server's own sentence is shown.
            pending.callback(Reply::serverError(
                ErrorText::fromServer(frame.error, frame.errorCode, pending.type)));
        }
        break;
    }
    case ServerFrame::Kind::Event:
        if (m_user.id != 0)
            handleEvent(frame);
        break;
    case ServerFrame::Kind::Presence:
        Q_EMIT presenceChanged(frame.user, frame.online);
        break;
    case ServerFrame::Kind::Typing:
        Q_EMIT typing(frame.channelId, frame.user);
        break;
    case ServerFrame::Kind::Read:
        if (m_user.id != 0)
            Q_EMIT readMoved(
                frame.channelId, frame.data.value(QLatin1StringView("lastReadId")).toInteger());
        break;
    case ServerFrame::Kind::Prefs:
        if (m_user.id != 0)
            Q_EMIT notifyLevelChanged(
                frame.channelId, frame.data.value(QLatin1StringView("level")).toString());
        break;
    }
}

void Connection::onDisconnected()
{
    QWebSocket *socket = qobject_cast<QWebSocket *>(sender());
    if (socket != m_socket)
        return;
    // An int at once: the server's own codes (4001, 4003) are outside the enum's range, and
    // holding one in a QWebSocketProtocol::CloseCode variable is undefined behaviour.
    const int closeCode = int(m_socket->closeCode());
    const QString socketError = m_socket->errorString();
    qCInfo(lcClientNet) << "disconnected:" << closeCode << socketError;
    const QString closeReason = m_socket->closeReason();
    m_lastCloseCode = closeCode;
    dropSocket();
    // The server ended this session (docs/protocol.md, "Accounts an admin runs"): the token is
    // revoked, so trying it again would only count as a failed attempt. Say why, and stop.
    if (m_authMode == AuthMode::Token
        && (m_lastCloseCode == CloseSignedOut || m_lastCloseCode == CloseAccountDisabled)) {
        m_token.clear();
        giveUp(
            makeError(ErrorCode::Unauthorized, endedSessionMessage(m_lastCloseCode, closeReason)));
        return;
    }
    if (!m_autoReconnect && m_state == State::Disconnected)
        return;
    if (m_autoReconnect && std::exchange(m_reconnectAtOnce, false)) {
        // Not a failure: a deliberate restart (to reload after too_old).
        QTimer::singleShot(0, this, [this] {
            if (m_autoReconnect && !m_socket)
                openSocket();
        });
        return;
    }
    // Once signed in, what went wrong on this attempt if it said (a step timed out); else, and
    // always before the first sign-in, that the address did not answer.
    const QString message = m_autoReconnect && !m_attemptError.isEmpty()
        ? m_attemptError
        : tr("Can't reach server at %1.").arg(displayAddress(url()));
    if (m_signedInClock.isValid() && m_signedInClock.elapsed() >= StableConnectionMs)
        m_failedInRound = 0; // a connection that lasted: its loss starts a new round
    m_signedInClock.invalidate();
    tryNextAddress(makeError(ErrorCode::Internal, message));
}

void Connection::scheduleReconnect()
{
    const qint64 delay = m_backoff.next().count();
    m_waitMs = delay;
    m_waitClock.start();
    setState(State::Waiting);
    m_reconnectTimer.start(int(delay));
    Q_EMIT reconnectScheduled(delay);
}

void Connection::giveUp(const Error &error)
{
    m_autoReconnect = false;
    m_password.clear();
    m_lastError = error.message;
    m_reconnectTimer.stop();
    dropSocket();
    setState(State::Disconnected);
    Q_EMIT signInFailed(error);
}

void Connection::failAllPending(const Reply &reply)
{
    if (m_pending.isEmpty())
        return;
    const QHash<qint64, Pending> pending = std::exchange(m_pending, {});
    QList<qint64> ids = pending.keys();
    std::sort(ids.begin(), ids.end());
    for (qint64 id : ids) {
        const Pending &p = pending[id];
        if (p.callback && (!p.hasContext || p.context))
            p.callback(reply);
    }
}

void Connection::checkTimeouts()
{
    if (m_pending.isEmpty()) {
        m_timeoutTimer.stop();
        return;
    }
    const qint64 now = nowMs();
    QList<qint64> expired;
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        if (it->deadline <= now)
            expired.append(it.key());
    }
    std::sort(expired.begin(), expired.end());
    for (qint64 id : expired) {
        auto it = m_pending.find(id);
        if (it == m_pending.end())
            continue;
        Pending pending = std::move(*it);
        m_pending.erase(it);
        qCInfo(lcClientNet) << messageTypeName(pending.type) << id << "timed out";
        if (pending.callback && (!pending.hasContext || pending.context))
            pending.callback(Reply::timeout());
    }
}

} // namespace Hubbub::Client
