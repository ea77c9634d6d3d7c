#include "server.h"

#include "handlers/authhandler.h"
#include "handlers/chathandler.h"
#include "handlers/feedhandler.h"
#include "handlers/imagehandler.h"
#include "handlers/imageinspector.h"
#include "handlers/presencehandler.h"
#include "handlers/synchandler.h"
#include "handlers/userhandler.h"
#include "logging.h"
#include "net/transport.h"
#include "net/wireframe.h"
#include "passwords.h"
#include "protocollimits.h"
#include "serverframe.h"
#include "session.h"
#include "store/imagestore.h"
#include "store/sqlconnection.h"
#include "store/userstore.h"
#include "store/writer.h"

#include <QCoreApplication>
#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocket>
#include <QWebSocketServer>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#include <unistd.h>
#endif
#ifdef Q_OS_WIN
#include <winsock2.h>
#endif

namespace Hubbub::Server {

namespace {

//! Descriptors kept free for SQLite (database, WAL, shm, journals) and the listener.
constexpr int ReservedDescriptors = 64;
constexpr quint64 OutgoingFrameSize = 64 * 1024 * 1024;

void closeNative(qintptr descriptor)
{
#ifdef Q_OS_WIN
    ::closesocket(SOCKET(descriptor));
#else
    ::close(int(descriptor));
#endif
}

} // namespace

//! A QTcpServer with our own backlog that refuses connections beyond the cap straight away, so
//! that running out of descriptors can never make the accept loop spin.
class Listener final : public QTcpServer
{
public:
    Listener(std::function<bool()> admit, QObject *parent)
        : QTcpServer(parent)
        , m_admit(std::move(admit))
    { }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        if (!m_admit()) {
            closeNative(descriptor);
            return;
        }
        auto *socket = new Transport(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            closeNative(descriptor);
            return;
        }
        addPendingConnection(socket);
    }

private:
    std::function<bool()> m_admit;
};

int raiseFileLimit()
{
#ifdef Q_OS_UNIX
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return -1;
    if (limit.rlim_cur < limit.rlim_max) {
        rlimit raised = limit;
        raised.rlim_cur = limit.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &raised) == 0)
            limit = raised;
    }
    return limit.rlim_cur == RLIM_INFINITY ? 1 << 20
                                           : int(std::min<rlim_t>(limit.rlim_cur, 1 << 20));
#else
    return -1;
#endif
}

Server::Server(ServerConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    m_workers.setMaxThreadCount(std::max(1, QThread::idealThreadCount()));
    m_pingTimer.setInterval(m_config.pingInterval);
    connect(&m_pingTimer, &QTimer::timeout, this, &Server::checkPeers);
    m_handshakeTimer.setSingleShot(true);
    connect(&m_handshakeTimer, &QTimer::timeout, this, &Server::sweepHandshakes);
    m_gcTimer.setInterval(m_config.imageGcInterval);
    connect(&m_gcTimer, &QTimer::timeout, this, &Server::collectGarbage);
    m_backlogTimer.setInterval(0);
    connect(&m_backlogTimer, &QTimer::timeout, this, &Server::serveDeferred);
    m_shutdownTimer.setSingleShot(true);
    connect(&m_shutdownTimer, &QTimer::timeout, this, &Server::finishShutdown);
}

Server::~Server()
{
    shutdown();
    finishShutdown(); // no waiting for the peers now
}

Status Server::open()
{
    if (!Passwords::initialize())
        return makeError(ErrorCode::Internal, tr("libsodium could not be initialised"));
    configureImageAllocationLimit();

    m_writer = std::make_unique<Writer>(
        m_config.databasePath, m_config.durability, m_config.eventRetention);
    if (Status s = m_writer->start(); !s)
        return s;
    connect(m_writer.get(), &Writer::committed, this, &Server::broadcast);

    Result<std::unique_ptr<SqlConnection>> reader = SqlConnection::open(m_config.databasePath,
        QStringLiteral("hubbub-read-%1").arg(quintptr(this), 0, 16), m_config.durability);
    if (!reader)
        return reader.error();
    m_reader = std::move(*reader);

    m_context = std::make_unique<ServerContext>(
        ServerContext {m_config, *m_reader, *m_writer, m_workers, *this, m_throttle});
    m_handlerStore.push_back(std::make_unique<AuthHandler>(*m_context));
    m_handlerStore.push_back(std::make_unique<UserHandler>(*m_context));
    m_handlerStore.push_back(std::make_unique<FeedHandler>(*m_context));
    m_handlerStore.push_back(std::make_unique<ImageHandler>(*m_context));
    m_handlerStore.push_back(std::make_unique<ChatHandler>(*m_context));
    m_handlerStore.push_back(std::make_unique<PresenceHandler>(*m_context));
    m_handlerStore.push_back(std::make_unique<SyncHandler>(*m_context));
    for (const auto &handler : m_handlerStore) {
        for (MessageType type : handler->types())
            m_handlers[std::size_t(type)] = handler.get();
    }
    for (std::size_t i = 0; i < m_handlers.size(); ++i) {
        if (!m_handlers[i]) {
            return makeError(ErrorCode::Internal,
                QStringLiteral("no handler for %1").arg(messageTypeName(MessageType(i))));
        }
    }
    collectGarbage();
    m_gcTimer.start();
    return Ok {};
}

Status Server::listen()
{
    const int fileLimit = raiseFileLimit();
    m_connectionCap = fileLimit > 0
        ? std::max(1, std::min(m_config.maxConnections, fileLimit - ReservedDescriptors))
        : m_config.maxConnections;

    m_webSockets = new QWebSocketServer(
        QStringLiteral("hubbub/" HUBBUB_VERSION), QWebSocketServer::NonSecureMode, this);
    m_webSockets->setMaxPendingConnections(std::numeric_limits<int>::max());
    connect(m_webSockets, &QWebSocketServer::newConnection, this, &Server::onWebSocketConnection);

    m_listener = new Listener([this] { return admitConnection(); }, this);
    m_listener->setListenBacklogSize(m_config.listenBacklog);
    m_listener->setMaxPendingConnections(std::numeric_limits<int>::max());
    connect(m_listener, &QTcpServer::pendingConnectionAvailable, this, &Server::onTcpConnection);
    if (!m_listener->listen(m_config.host, m_config.port)) {
        return makeError(ErrorCode::Internal,
            tr("cannot listen on %1:%2: %3")
                .arg(m_config.host.toString())
                .arg(m_config.port)
                .arg(m_listener->errorString()));
    }
    m_pingTimer.start();
    qCInfo(lcNet) << "accepting up to" << m_connectionCap << "connections";
    return Ok {};
}

QHostAddress Server::address() const
{
    return m_listener ? m_listener->serverAddress() : QHostAddress();
}

quint16 Server::port() const
{
    return m_listener ? m_listener->serverPort() : 0;
}

bool Server::admitConnection() const
{
    return !m_shuttingDown && int(m_sessions.size() + m_handshaking.size()) < m_connectionCap;
}

namespace {
//! Identifies a connection by its peer, the one thing both the QTcpSocket and the QWebSocket
//! made from it can tell.
QString peerKey(const QHostAddress &address, quint16 port)
{
    return address.toString() + QLatin1Char('|') + QString::number(port);
}
} // namespace

void Server::onTcpConnection()
{
    while (m_listener->hasPendingConnections()) {
        QTcpSocket *socket = m_listener->nextPendingConnection();
        const QString key = peerKey(socket->peerAddress(), socket->peerPort());
        m_handshaking.insert(key, socket);
        connect(socket, &QObject::destroyed, this, [this, key, socket] {
            if (m_handshaking.value(key) == socket)
                m_handshaking.remove(key);
        });
        // handleConnection() does not arm QWebSocketServer's handshake timeout: ours is one
        // queue (in deadline order, as the timeout is fixed) swept by one timer.
        m_handshakeDeadlines.push_back(
            {std::chrono::steady_clock::now() + m_config.handshakeTimeout, socket, key});
        if (!m_handshakeTimer.isActive())
            m_handshakeTimer.start(m_config.handshakeTimeout);
        m_webSockets->handleConnection(socket);
    }
}

void Server::sweepHandshakes()
{
    // A flood of half-open connections times out all at once: abort them a slice at a time, so
    // the sockets of everyone else are served in between.
    constexpr int MaxAbortsPerPass = 64;
    const auto now = std::chrono::steady_clock::now();
    int aborted = 0;
    while (!m_handshakeDeadlines.empty() && aborted < MaxAbortsPerPass) {
        PendingHandshake &next = m_handshakeDeadlines.front();
        if (next.socket && m_handshaking.value(next.key) == next.socket) {
            if (next.deadline > now)
                break;
            qCDebug(lcNet) << "handshake timed out for" << next.key;
            m_handshaking.remove(next.key);
            next.socket->abort();
            next.socket->deleteLater();
            ++aborted;
        }
        m_handshakeDeadlines.pop_front(); // timed out, upgraded meanwhile, or gone
    }
    if (m_handshakeDeadlines.empty())
        return;
    const auto wait
        = std::chrono::ceil<std::chrono::milliseconds>(m_handshakeDeadlines.front().deadline - now);
    m_handshakeTimer.start(aborted == MaxAbortsPerPass
            ? std::chrono::milliseconds(0)
            : std::max(wait, std::chrono::milliseconds(0)));
}

void Server::onWebSocketConnection()
{
    while (m_webSockets->hasPendingConnections()) {
        QWebSocket *socket = m_webSockets->nextPendingConnection();
        // The handshake is over. The QWebSocket uses the QTcpSocket but leaves it a child of
        // the listener: make it the QWebSocket's, so it goes when the connection goes.
        // Every socket comes from Listener, which makes Transports.
        auto *transport = static_cast<Transport *>(
            m_handshaking.take(peerKey(socket->peerAddress(), socket->peerPort())));
        if (!transport) {
            qCWarning(lcNet) << "no transport for" << socket->peerAddress();
            socket->abort();
            socket->deleteLater();
            continue;
        }
        transport->setParent(socket);
        disconnect(transport, &QObject::destroyed, this, nullptr); // its handshake entry is gone
        socket->setMaxAllowedIncomingFrameSize(Limits::FrameBytesMax);
        socket->setMaxAllowedIncomingMessageSize(Limits::FrameBytesMax);
        socket->setOutgoingFrameSize(
            std::min(OutgoingFrameSize, QWebSocket::maxOutgoingFrameSize()));
        if (m_shuttingDown) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        auto *session = new Session(socket, transport, m_flusher, m_config, this);
        m_sessions.insert(session);
        connect(socket, &QWebSocket::textMessageReceived, session,
            [this, session](const QString &text) { onTextMessage(*session, text); });
        connect(socket, &QWebSocket::binaryMessageReceived, session,
            [this, session](const QByteArray &data) { onBinaryMessage(*session, data); });
        connect(socket, &QWebSocket::pong, session, [session] { session->touch(); });
        connect(socket, &QWebSocket::disconnected, session,
            [this, session] { onDisconnected(*session); });
        qCDebug(lcNet) << "connection from" << session->peerAddress();
    }
}

void Server::onTextMessage(Session &session, const QString &text)
{
    session.touch();
    if (session.isDropping() || session.isClosing()) // nothing is answered after our close frame
        return;
    if (!deferred(session, {text, {}, false}))
        handleText(session, text);
}

bool Server::deferred(Session &session, Session::DeferredFrame &&frame)
{
    if (!session.hasDeferred() && session.withinShare(m_flusher.pass()))
        return false;
    if (!session.hasDeferred())
        m_backlogged.append(&session);
    session.defer(std::move(frame));
    if (!m_backlogTimer.isActive())
        m_backlogTimer.start();
    return true;
}

void Server::serveDeferred()
{
    // One share per backlogged session per pass, in turn; the timer (interval 0) comes back
    // after the event loop has served everyone else's sockets.
    const QList<Session *> turn = m_backlogged;
    for (Session *session : turn) {
        if (!m_backlogged.contains(session))
            continue; // gone meanwhile
        const quint64 pass = m_flusher.pass();
        while (session->hasDeferred() && !session->isDropping() && !session->isClosing()
            && session->withinShare(pass)) {
            const Session::DeferredFrame frame = session->takeDeferred();
            if (frame.isBinary)
                handleBinary(*session, frame.binary);
            else
                handleText(*session, frame.text);
        }
        if (session->isDropping() || session->isClosing())
            session->clearDeferred();
        if (!session->hasDeferred())
            m_backlogged.removeOne(session);
    }
    if (m_backlogged.isEmpty())
        m_backlogTimer.stop();
}

namespace {
//! The session behind a handle: the server makes every handle from a Session.
Session *sessionOf(const ConnectionHandle &connection)
{
    return static_cast<Session *>(connection.object());
}

//! What a handler learns of the connection a request came on.
Caller callerOf(const Session &session)
{
    return {session.user(), session.tokenHash(), session.peerAddress()};
}
} // namespace

void Server::refuse(Session &session, std::optional<qint64> id, const Error &error)
{
    const quint64 slot = session.openSlot();
    session.fillSlotWire(slot, WireFrame::textUtf8(encodeErrorReply(id, error)));
}

void Server::handleText(Session &session, const QString &text)
{
    // A peer over its byte budget is refused before its frame is parsed: parsing is the cost
    // being limited, so the reply cannot carry the request's id.
    if (auto wait = session.byteBucket().take(double(text.size()))) {
        refuse(session, std::nullopt, rateLimited(tr("Too much data too fast; slow down."), *wait));
        return;
    }
    const DecodedFrame frame = Codec::decodeRequest(text);
    if (auto wait = session.requestBucket().take()) {
        refuse(session, frame.requestId(), rateLimited(tr("Too many requests; slow down."), *wait));
        return;
    }
    if (!frame.request) {
        refuse(session, frame.requestId(), frame.error);
        return;
    }
    const Request &request = *frame.request;
    const Responder reply(*this, ConnectionHandle(&session), session.openSlot(), request.id);
    if (!session.isAuthenticated() && !isAllowedBeforeAuth(request.type)) {
        reply.fail(makeError(ErrorCode::Unauthorized, tr("Log in first.")));
        return;
    }
    qCDebug(lcNet) << messageTypeName(request.type) << "from" << session.peerAddress();
    m_handlers[std::size_t(request.type)]->handle(callerOf(session), request, reply);
}

void Server::onBinaryMessage(Session &session, const QByteArray &data)
{
    session.touch();
    if (session.isDropping() || session.isClosing())
        return;
    if (!deferred(session, {{}, data, true}))
        handleBinary(session, data);
}

void Server::handleBinary(Session &session, const QByteArray &data)
{
    // Binary frames cost the same budgets as text frames.
    std::optional<qint64> wait = session.byteBucket().take(double(data.size()));
    if (!wait)
        wait = session.requestBucket().take();
    const Error error = wait ? rateLimited(tr("Too many requests; slow down."), *wait)
                             : makeError(ErrorCode::BadRequest,
                                 tr("Binary frames are not part of the protocol; send "
                                    "JSON text frames."));
    refuse(session, std::nullopt, error);
}

void Server::onDisconnected(Session &session)
{
    deauthenticate(session);
    m_sessions.remove(&session);
    m_backlogged.removeOne(&session);
    session.deleteLater();
    if (m_shuttingDown && m_sessions.isEmpty())
        finishShutdown();
}

void Server::sendReply(const ConnectionHandle &connection, quint64 slot, const QByteArray &frame)
{
    if (Session *session = sessionOf(connection))
        session->fillSlotWire(slot, WireFrame::textUtf8(frame));
}

void Server::authenticate(
    const ConnectionHandle &connection, const User &user, const QByteArray &tokenHash)
{
    if (Session *session = sessionOf(connection))
        authenticate(*session, user, tokenHash);
}

void Server::deauthenticate(const ConnectionHandle &connection)
{
    if (Session *session = sessionOf(connection))
        deauthenticate(*session);
}

void Server::closeAfterReplies(
    const ConnectionHandle &connection, quint16 code, const QString &reason)
{
    // A turn of the event loop later, so that the replies queued so far go out first.
    QPointer<Session> peer = sessionOf(connection);
    if (!peer)
        return;
    QTimer::singleShot(0, peer, [peer, code, reason] {
        if (peer)
            peer->close(QWebSocketProtocol::CloseCode(code), reason);
    });
}

void Server::authenticate(Session &session, const User &user, const QByteArray &tokenHash)
{
    if (session.isAuthenticated() && session.user()->id != user.id)
        deauthenticate(session);
    const bool wasAuthenticated = session.isAuthenticated();
    session.setUser(user, tokenHash);
    if (wasAuthenticated || !m_sessions.contains(&session))
        return;
    m_authenticated.insert(&session);
    if (++m_connectionsPerUser[user.id] == 1)
        presence(user, true);
}

void Server::deauthenticate(Session &session)
{
    if (!session.isAuthenticated())
        return;
    const User user = *session.user();
    session.clearUser();
    if (!m_authenticated.remove(&session))
        return;
    auto it = m_connectionsPerUser.find(user.id);
    if (it != m_connectionsPerUser.end() && --*it <= 0) {
        m_connectionsPerUser.erase(it);
        presence(user, false);
    }
}

QList<User> Server::onlineUsers() const
{
    QHash<qint64, User> users;
    for (Session *session : m_authenticated)
        users.insert(session->user()->id, *session->user());
    QList<User> list = users.values();
    std::sort(list.begin(), list.end(), [](const User &a, const User &b) {
        return a.username.compare(b.username, Qt::CaseInsensitive) < 0;
    });
    return list;
}

void Server::sendToOtherUsers(qint64 userId, const QByteArray &frame)
{
    const QByteArray wire = WireFrame::textUtf8(frame);
    for (Session *session : std::as_const(m_authenticated)) {
        if (session->user()->id != userId)
            session->sendWire(wire);
    }
}

void Server::updateUser(const User &user)
{
    for (Session *session : std::as_const(m_authenticated))
        session->updateUser(user);
}

void Server::broadcast(const QByteArrayList &events)
{
    // Each event is one WebSocket frame, built once and written as it is to every peer.
    for (const QByteArray &frame : events) {
        const QByteArray wire = WireFrame::textUtf8(frame);
        for (Session *session : std::as_const(m_authenticated))
            session->sendWire(wire);
    }
}

void Server::presence(const User &user, bool online)
{
    const QByteArray wire = WireFrame::textUtf8(encodePresence(user, online));
    for (Session *session : std::as_const(m_authenticated))
        session->sendWire(wire);
}

void Server::checkPeers()
{
    // A peer that answered nothing, not even a pong, for two intervals is gone.
    const qint64 deadAfter = 2 * qint64(m_config.pingInterval.count());
    for (Session *session : std::as_const(m_sessions)) {
        if (session->silentForMs() > deadAfter) {
            qCInfo(lcNet) << "dropping silent peer" << session->peerAddress();
            QMetaObject::invokeMethod(
                session, [session] { session->socket()->abort(); }, Qt::QueuedConnection);
        } else {
            session->ping();
        }
    }
}

void Server::collectGarbage()
{
    const std::chrono::seconds age = m_config.imageGcAge;
    m_writer->submit(
        [age](WriteTx &tx) -> Result<QJsonObject> {
            Result<qint64> images = ImageStore::collectGarbage(tx, age);
            if (!images)
                return images.error();
            if (Status s = UserStore::removeExpiredSessions(tx); !s)
                return s.error();
            return QJsonObject {{QStringLiteral("images"), *images}};
        },
        [](const WriteOutcome &outcome) {
            if (outcome.result
                && outcome.result->value(QLatin1StringView("images")).toInteger() > 0)
                qCInfo(lcDb) << "removed"
                             << outcome.result->value(QLatin1StringView("images")).toInteger()
                             << "unused images";
        });
}

void Server::shutdown()
{
    if (m_shuttingDown) {
        finishShutdown(); // asked again: stop waiting for the peers
        return;
    }
    m_shuttingDown = true;
    m_pingTimer.stop();
    m_gcTimer.stop();
    m_handshakeTimer.stop();
    if (m_listener)
        m_listener->close();
    // Let hashing and image checks finish; their results may queue more writes.
    m_workers.waitForDone();
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
    if (m_writer) {
        m_writer->stop(); // commits everything queued
        QCoreApplication::sendPostedEvents(m_writer.get(), QEvent::MetaCall);
    }
    const QList<Session *> sessions = m_sessions.values();
    for (Session *session : sessions) {
        session->close(
            QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("server shutting down"));
    }
    if (m_sessions.isEmpty()) {
        finishShutdown();
        return;
    }
    // The peers answer the close frame and close their side (onDisconnected); whoever has not
    // within the grace period is dropped.
    m_shutdownTimer.start(m_config.shutdownGrace);
}

void Server::finishShutdown()
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_shutdownTimer.stop();
    const QList<Session *> lingering = m_sessions.values();
    if (!lingering.isEmpty())
        qCInfo(lcNet) << lingering.size() << "peers did not answer the close frame in time";
    for (Session *session : lingering)
        session->socket()->abort(); // disconnected: onDisconnected removes it
    m_sessions.clear();
    m_backlogged.clear();
    m_backlogTimer.stop();
    m_authenticated.clear();
    m_connectionsPerUser.clear();
    Q_EMIT stopped();
}

} // namespace Hubbub::Server
