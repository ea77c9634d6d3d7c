#include "server.h"

#include "announcer.h"
#include "cluster.h"
#include "handlers/accounthandler.h"
#include "handlers/adminhandler.h"
#include "handlers/authhandler.h"
#include "handlers/chathandler.h"
#include "handlers/directhandler.h"
#include "handlers/feedhandler.h"
#include "handlers/filehandler.h"
#include "handlers/imagehandler.h"
#include "handlers/imageinspector.h"
#include "handlers/presencehandler.h"
#include "handlers/readhandler.h"
#include "handlers/replyhandler.h"
#include "handlers/searchhandler.h"
#include "handlers/synchandler.h"
#include "handlers/userhandler.h"
#include "handlers/versionhandler.h"
#include "logging.h"
#include "metrics/metricsserver.h"
#include "net/listener.h"
#include "net/tlscontext.h"
#include "net/transport.h"
#include "net/wireframe.h"
#include "passwords.h"
#include "protocollimits.h"
#include "serverframe.h"
#include "session.h"
#include "store/accountstore.h"
#include "store/eventfollower.h"
#include "store/eventsequencer.h"
#include "store/filestore.h"
#include "store/imagestore.h"
#include "store/sqlconnection.h"
#include "store/userstore.h"
#include "store/writer.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSet>
#include <QSysInfo>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

namespace Hubbub::Server {

namespace {

//! Descriptors kept free for SQLite (database, WAL, shm, journals) and the listener.
constexpr int ReservedDescriptors = 64;

} // namespace

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
    , m_net {m_flusher, m_share, m_config.maxOutgoingBufferBytes, Limits::FrameBytesMax}
{
    m_workers.setMaxThreadCount(std::max(1, QThread::idealThreadCount()));
    Passwords::setCost(m_config.passwordCost);
    m_pingTimer.setInterval(m_config.pingInterval);
    connect(&m_pingTimer, &QTimer::timeout, this, &Server::checkPeers);
    m_gcTimer.setInterval(m_config.imageGcInterval);
    connect(&m_gcTimer, &QTimer::timeout, this, &Server::collectGarbage);
    m_shutdownTimer.setSingleShot(true);
    connect(&m_shutdownTimer, &QTimer::timeout, this, &Server::finishShutdown);
}

Server::~Server()
{
    shutdown();
    finishShutdown(); // no waiting for the peers now
    // Connections refer to the flusher and the fair share, members that go before the
    // QObject children would.
    delete m_listener;
    qDeleteAll(findChildren<Session *>(Qt::FindDirectChildrenOnly));
}

Status Server::open()
{
    if (!Passwords::initialize())
        return makeError(ErrorCode::Internal, tr("libsodium could not be initialised"));
    configureImageAllocationLimit();

    m_writer = std::make_unique<Writer>(DatabaseTarget::of(m_config), m_config.eventRetention);
    m_writer->setMetrics(&m_metrics);
    if (Status s = m_writer->start(); !s)
        return s;
    connect(m_writer.get(), &Writer::committed, this, &Server::broadcast);
    if (!m_config.databaseUrl.isEmpty()) {
        // Several instances may write: each seq goes out once, in order, whoever wrote it.
        // (On SQLite there is one writer, and its commits are every event, in order.)
        m_sequencer = std::make_unique<EventSequencer>(
            m_writer->startHead(),
            [this](const QByteArrayList &events, const QList<EventAudience> &audiences) {
                broadcast(events, audiences);
            },
            [this](qint64 after) {
                if (m_follower)
                    m_follower->wake(after);
            });
        m_writer->setSequencer(m_sequencer.get());
        m_follower = std::make_unique<EventFollower>(
            DatabaseTarget::of(m_config), m_sequencer->deliveredCounter(), m_config.followerPoll);
        connect(m_follower.get(), &EventFollower::eventsRead, this,
            [this](const QList<EventSequencer::Event> &events) { m_sequencer->offer(events); });
        connect(m_follower.get(), &EventFollower::eventsPruned, this, [this](qint64 oldest) {
            // Fallen so far behind that the log no longer holds what this instance's clients
            // missed: they must reload, as after a too_old.
            if (const qint64 skipped = m_sequencer->skipTo(oldest); skipped > 0) {
                qCWarning(lcDb) << skipped << "events were pruned before this instance read them";
                const QList<Session *> sessions = m_sessions.values();
                for (Session *session : sessions)
                    session->close(CloseCode::GoingAway, QStringLiteral("events lost; reconnect"));
            }
        });
        if (Status s = m_follower->start(); !s)
            return s;
        m_cluster = std::make_unique<Cluster>(*m_writer, *m_follower);
        connect(m_cluster.get(), &Cluster::received, this, &Server::applyBus);
        m_cluster->setLocalUsers([this] {
            QSet<qint64> users;
            for (auto it = m_connectionsPerUser.cbegin(); it != m_connectionsPerUser.cend(); ++it)
                users.insert(it.key());
            return users;
        });
        connect(m_follower.get(), &EventFollower::reconnected, this, &Server::checkSessions);
        if (Status s = m_cluster->join(); !s)
            return s;
    }

    Result<std::unique_ptr<SqlConnection>> reader = SqlConnection::open(
        DatabaseTarget::of(m_config), QStringLiteral("hubbub-read-%1").arg(quintptr(this), 0, 16));
    if (!reader)
        return reader.error();
    m_reader = std::move(*reader);
    m_reader->setReconnects(true);

    m_context = std::make_unique<ServerContext>(
        ServerContext {m_config, *m_reader, *m_writer, m_workers, *this, m_throttle});
    m_handlerStore.push_back(std::make_unique<AuthHandler>(*m_context));
    m_handlerStore.push_back(std::make_unique<UserHandler>(*m_context));
    m_handlerStore.push_back(std::make_unique<FeedHandler>(*m_context));
    m_handlerStore.push_back(std::make_unique<ImageHandler>(*m_context));
    m_handlerStore.push_back(std::make_unique<ChatHandler>(*m_context));
    m_handlerStore.push_back(std::make_unique<PresenceHandler>(*m_context));
    m_handlerStore.push_back(std::make_unique<SyncHandler>(*m_context));
    m_handlerStore.push_back(std::make_unique<DirectHandler>(*m_context));
    m_handlerStore.push_back(std::make_unique<ReplyHandler>(*m_context));
    m_handlerStore.push_back(std::make_unique<VersionHandler>(*m_context));
    m_handlerStore.push_back(std::make_unique<SearchHandler>(*m_context));
    if (Status s = FileDisk::prepare(FileDisk::directoryFor(m_config.databasePath)); !s)
        return s;
    m_handlerStore.push_back(std::make_unique<FileHandler>(*m_context));
    m_handlerStore.push_back(std::make_unique<ReadHandler>(*m_context));
    m_handlerStore.push_back(std::make_unique<AccountHandler>(*m_context));
    m_handlerStore.push_back(std::make_unique<AdminHandler>(*m_context));
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

    if (m_config.tls) {
        if (Status s = loadTls(true); !s)
            return s;
    }
    m_listener = new Listener(
        m_net, m_config.handshakeTimeout, [this] { return admitConnection(); }, this);
    m_listener->setTls(m_tls);
    m_listener->setListenBacklogSize(m_config.listenBacklog);
    connect(m_listener, &Listener::connectionUpgraded, this, &Server::onUpgraded);
    if (!m_listener->listen(m_config.host, m_config.port)) {
        return makeError(ErrorCode::Internal,
            tr("cannot listen on %1:%2: %3")
                .arg(m_config.host.toString())
                .arg(m_config.port)
                .arg(m_listener->errorString()));
    }
    m_pingTimer.start();
    if (m_config.announce) {
        Discovery::Announcement announcement;
        announcement.id
            = QString::fromLatin1(QByteArray::number(QRandomGenerator::system()->generate64(), 36)
                + QByteArray::number(QRandomGenerator::system()->generate64(), 36));
        announcement.name = serverName().left(Discovery::NameMax);
        announcement.port = port();
        announcement.tls = isTls();
        announcement.fingerprint = tlsFingerprint();
        m_announcer = std::make_unique<Announcer>(
            std::move(announcement), m_config.host, m_config.discoveryPort);
        m_announcer->start(); // a port in use is logged; the server runs on without it
    }
    qCInfo(lcNet) << "accepting up to" << m_connectionCap << "connections";
    if (m_config.metricsPort) {
        m_metricsServer = std::make_unique<MetricsServer>(
            MetricsServer::Sources {
                m_metrics, *m_writer, m_config.databasePath, [this] { return sampleNetwork(); }},
            m_config);
        if (Status s = m_metricsServer->listen(m_config.metricsHost, *m_config.metricsPort); !s)
            return s;
        const QHostAddress address = m_metricsServer->address();
        const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
            ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
            : address.toString();
        qCInfo(lcServer).noquote() << QStringLiteral("metrics on http://%1:%2/metrics")
                                          .arg(host)
                                          .arg(m_metricsServer->port());
    }
    return Ok {};
}

QHostAddress Server::metricsAddress() const
{
    return m_metricsServer ? m_metricsServer->address() : QHostAddress();
}

quint16 Server::metricsPort() const
{
    return m_metricsServer ? m_metricsServer->port() : 0;
}

NetworkSample Server::sampleNetwork() const
{
    NetworkSample sample;
    sample.listening = m_listener && m_listener->isListening() && !m_shuttingDown;
    sample.connections = m_sessions.size();
    sample.handshakes = m_listener ? m_listener->handshaking() : 0;
    sample.authenticated = qint64(m_subscribers.size());
    sample.users = m_connectionsPerUser.size();
    // One read per connection, once per scrape; nothing on the send path keeps a total.
    for (const Session *session : m_sessions)
        sample.unsentBytes += session->connection()->transport()->unsentBytes();
    return sample;
}

QHostAddress Server::address() const
{
    return m_listener ? m_listener->serverAddress() : QHostAddress();
}

quint16 Server::port() const
{
    return m_listener ? m_listener->serverPort() : 0;
}

QString Server::tlsFingerprint() const
{
    return m_tls ? m_tls->fingerprint() : QString();
}

QString Server::tlsCertificatePath() const
{
    return m_config.tlsCertificatePath.isEmpty()
        ? m_config.databasePath + QStringLiteral(".cert.pem")
        : m_config.tlsCertificatePath;
}

QString Server::tlsKeyPath() const
{
    return m_config.tlsKeyPath.isEmpty() ? m_config.databasePath + QStringLiteral(".key.pem")
                                         : m_config.tlsKeyPath;
}

Status Server::loadTls(bool createMissing)
{
    const QString certificate = tlsCertificatePath();
    const QString key = tlsKeyPath();
    // Our own certificate is made once, on the first start, and kept: clients pin it. A given
    // one that is missing is an error, never replaced by one of ours.
    if (createMissing && m_config.tlsCertificatePath.isEmpty()
        && !(QFileInfo::exists(certificate) && QFileInfo::exists(key))) {
        if (QFileInfo::exists(certificate) || QFileInfo::exists(key)) {
            qCWarning(lcServer) << "one of" << certificate << key
                                << "is missing: making a new certificate; apps will warn that "
                                   "it changed";
        }
        if (Status s = TlsContext::createSelfSigned(certificate, key, serverName()); !s)
            return s;
        qCInfo(lcServer) << "made a self-signed certificate" << certificate;
    }
    Result<std::shared_ptr<const TlsContext>> loaded = TlsContext::load(certificate, key);
    if (!loaded)
        return loaded.error();
    m_tls = std::move(*loaded);
    if (m_listener)
        m_listener->setTls(m_tls);
    if (m_announcer)
        m_announcer->setFingerprint(m_tls->fingerprint());
    if (m_tls->expires().isValid() && m_tls->expires() < QDateTime::currentDateTimeUtc())
        qCWarning(lcServer) << "the certificate" << certificate << "expired on" << m_tls->expires();
    return Ok {};
}

Status Server::reloadTls()
{
    if (!m_tls)
        return makeError(ErrorCode::Invalid, tr("TLS is off"));
    return loadTls(false); // a certificate that went missing is an error, not replaced
}

QString Server::serverName() const
{
    if (!m_config.name.isEmpty())
        return m_config.name;
    // A machine without a usable host name still starts, and is still announced.
    const QString host = QSysInfo::machineHostName();
    return Discovery::isValidName(host) ? host : QStringLiteral("Hubbub");
}

bool Server::admitConnection() const
{
    return !m_shuttingDown && int(m_sessions.size()) + m_listener->handshaking() < m_connectionCap;
}

void Server::onUpgraded(Connection *connection)
{
    if (m_shuttingDown) {
        connection->setParent(this);
        connection->abort();
        connection->deleteLater();
        return;
    }
    auto *session = new Session(connection, *this, m_config, this);
    m_sessions.insert(session);
    qCDebug(lcNet) << "connection from" << session->peerAddress();
}

void Server::textReceived(Session &session, const QString &text)
{
    handleText(session, text);
}

void Server::binaryReceived(Session &session, const QByteArray &data)
{
    handleBinary(session, data);
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
    return {session.user(), session.tokenHash(), session.client(),
        [session = QPointer<const Session>(&session)] {
            return session ? session->peerAddress() : QString();
        }};
}
} // namespace

void Server::refuse(
    Session &session, std::optional<qint64> id, const Error &error, std::optional<MessageType> type)
{
    m_metrics.countError(type, error.code);
    const quint64 slot = session.openSlot();
    session.fillSlotWire(slot, WireFrame::textUtf8(encodeErrorReply(id, error)));
}

void Server::handleText(Session &session, const QString &text)
{
    // A peer over its byte budget is refused before its frame is parsed: parsing is the cost
    // being limited, so the reply cannot carry the request's id.
    if (auto wait = session.byteBucket().take(double(text.size()))) {
        m_metrics.countRequest(std::nullopt);
        refuse(session, std::nullopt, rateLimited(tr("Too much data too fast; slow down."), *wait),
            std::nullopt);
        return;
    }
    const DecodedFrame frame = Codec::decodeRequest(text);
    const std::optional<MessageType> type
        = frame.request ? std::optional(frame.request->type) : std::nullopt;
    m_metrics.countRequest(type);
    if (auto wait = session.requestBucket().take()) {
        refuse(session, frame.requestId(), rateLimited(tr("Too many requests; slow down."), *wait),
            type);
        return;
    }
    if (!frame.request) {
        refuse(session, frame.requestId(), frame.error, std::nullopt);
        return;
    }
    const Request &request = *frame.request;
    const Responder reply(*this, ConnectionHandle(&session), session.openSlot(), request.id,
        request.type, &m_metrics);
    if (!session.isAuthenticated() && !isAllowedBeforeAuth(request.type)) {
        reply.fail(makeError(ErrorCode::Unauthorized, tr("Log in first.")));
        return;
    }
    if (session.mustChangePassword() && !isAllowedBeforeAuth(request.type)
        && request.type != MessageType::AccountPassword) {
        reply.fail(makeError(ErrorCode::Forbidden,
            tr("You signed in with a one-time code: choose a new password first.")));
        return;
    }
    qCDebug(lcNet) << messageTypeName(request.type) << "from" << session.peerAddress();
    m_handlers[std::size_t(request.type)]->handle(callerOf(session), request, reply);
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
    m_metrics.countRequest(std::nullopt);
    refuse(session, std::nullopt, error, std::nullopt);
}

void Server::disconnected(Session &session)
{
    deauthenticate(session);
    m_sessions.remove(&session);
    session.deleteLater();
    if (m_shuttingDown && m_sessions.isEmpty())
        finishShutdown();
}

void Server::sendReply(const ConnectionHandle &connection, quint64 slot, const QByteArray &frame)
{
    if (Session *session = sessionOf(connection))
        session->fillSlotWire(slot, WireFrame::textUtf8(frame));
}

void Server::authenticate(const ConnectionHandle &connection, const User &user,
    const QByteArray &tokenHash, bool mustChangePassword)
{
    if (Session *session = sessionOf(connection))
        authenticate(*session, user, tokenHash, mustChangePassword);
}

void Server::setClient(const ConnectionHandle &connection, const QString &client)
{
    if (Session *session = sessionOf(connection))
        session->setClient(client);
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
            peer->close(code, reason);
    });
}

void Server::authenticate(
    Session &session, const User &user, const QByteArray &tokenHash, bool mustChangePassword)
{
    if (session.isAuthenticated() && session.user()->id != user.id)
        deauthenticate(session);
    const bool wasAuthenticated = session.isAuthenticated();
    session.setUser(user, tokenHash, mustChangePassword);
    if (wasAuthenticated || !m_sessions.contains(&session))
        return;
    m_subscriberIndex.insert(&session, m_subscribers.size());
    m_subscribers.push_back({session.connection(), &session, user.id});
    if (++m_connectionsPerUser[user.id] == 1) {
        if (m_cluster)
            m_cluster->userOnline(user); // online once, whichever instances it is on
        else
            presence(user, true);
    }
}

void Server::deauthenticate(Session &session)
{
    if (!session.isAuthenticated())
        return;
    const User user = *session.user();
    session.clearUser();
    const auto at = m_subscriberIndex.constFind(&session);
    if (at == m_subscriberIndex.cend())
        return;
    const std::size_t index = *at;
    m_subscriberIndex.erase(at);
    if (index + 1 != m_subscribers.size()) { // the last one takes its place
        m_subscribers[index] = m_subscribers.back();
        m_subscriberIndex[m_subscribers[index].session] = index;
    }
    m_subscribers.pop_back();
    auto it = m_connectionsPerUser.find(user.id);
    if (it != m_connectionsPerUser.end() && --*it <= 0) {
        m_connectionsPerUser.erase(it);
        if (m_cluster)
            m_cluster->userOffline(user);
        else
            presence(user, false);
    }
}

bool Server::isOnline(qint64 userId) const
{
    if (m_connectionsPerUser.contains(userId))
        return true;
    if (!m_cluster)
        return false;
    // Asked once per row of the admin's list: one read serves a whole request.
    if (!m_onlineElsewhereRead.isValid() || m_onlineElsewhereRead.elapsed() > 1000) {
        m_onlineElsewhere.clear();
        if (Result<QList<User>> online = Cluster::onlineUsers(*m_reader))
            for (const User &user : std::as_const(*online))
                m_onlineElsewhere.insert(user.id);
        m_onlineElsewhereRead.start();
    }
    return m_onlineElsewhere.contains(userId);
}

QList<User> Server::onlineUsers() const
{
    QHash<qint64, User> users;
    if (m_cluster) {
        // Everyone online on any instance (a user on none but this one is in the table too).
        if (Result<QList<User>> online = Cluster::onlineUsers(*m_reader))
            for (const User &user : std::as_const(*online))
                users.insert(user.id, user);
    }
    for (const Subscriber &subscriber : m_subscribers)
        users.insert(subscriber.session->user()->id, *subscriber.session->user());
    QList<User> list = users.values();
    std::sort(list.begin(), list.end(), [](const User &a, const User &b) {
        return a.username.compare(b.username, Qt::CaseInsensitive) < 0;
    });
    return list;
}

void Server::sendToOtherUsers(qint64 userId, const QByteArray &frame)
{
    if (m_cluster && !m_applyingBus) {
        m_cluster->publish({{QStringLiteral("op"), QStringLiteral("others")},
            {QStringLiteral("user"), userId}, {QStringLiteral("frame"), QString::fromUtf8(frame)}});
    }
    const QByteArray wire = WireFrame::textUtf8(frame);
    for (const Subscriber &subscriber : m_subscribers) {
        if (subscriber.session->user()->id != userId)
            subscriber.connection->send(wire);
    }
}

void Server::sendToUsers(const QList<qint64> &userIds, qint64 exceptUserId, const QByteArray &frame)
{
    if (m_cluster && !m_applyingBus) {
        QJsonArray ids;
        for (qint64 id : userIds)
            ids.append(id);
        m_cluster->publish({{QStringLiteral("op"), QStringLiteral("users")},
            {QStringLiteral("users"), ids}, {QStringLiteral("except"), exceptUserId},
            {QStringLiteral("frame"), QString::fromUtf8(frame)}});
    }
    const QByteArray wire = WireFrame::textUtf8(frame);
    for (const Subscriber &subscriber : m_subscribers) {
        if (subscriber.userId != exceptUserId
            && std::binary_search(userIds.cbegin(), userIds.cend(), subscriber.userId))
            subscriber.connection->send(wire);
    }
}

void Server::updateUser(const User &user)
{
    if (m_cluster && !m_applyingBus) {
        m_cluster->publishDurably(
            {{QStringLiteral("op"), QStringLiteral("user")}, {QStringLiteral("user"), user.id}});
    }
    for (const Subscriber &subscriber : m_subscribers)
        subscriber.session->updateUser(user);
}

void Server::endSessions(const QList<QByteArray> &tokenHashes, const ConnectionHandle &keep,
    quint16 code, const QString &reason)
{
    if (tokenHashes.isEmpty())
        return;
    if (m_cluster && !m_applyingBus) {
        // In pieces that fit a notification (8,000 bytes): 100 hashes are 4,400 in base64.
        for (qsizetype i = 0; i < tokenHashes.size(); i += 100) {
            QJsonArray hashes;
            for (const QByteArray &hash : tokenHashes.mid(i, 100))
                hashes.append(QString::fromLatin1(hash.toBase64()));
            m_cluster->publishDurably({{QStringLiteral("op"), QStringLiteral("sessions")},
                {QStringLiteral("tokens"), hashes}, {QStringLiteral("code"), int(code)},
                {QStringLiteral("reason"), reason}});
        }
    }
    const QSet<QByteArray> ended(tokenHashes.cbegin(), tokenHashes.cend());
    QList<Session *> matched;
    for (const Subscriber &subscriber : m_subscribers) {
        if (ended.contains(subscriber.session->tokenHash()))
            matched.append(subscriber.session);
    }
    Session *kept = sessionOf(keep);
    for (Session *session : std::as_const(matched)) {
        deauthenticate(*session); // no event reaches it from now on
        if (session != kept)
            closeAfterReplies(ConnectionHandle(session), code, reason);
    }
}

void Server::endUser(qint64 userId, quint16 code, const QString &reason)
{
    if (m_cluster && !m_applyingBus) {
        m_cluster->publish(
            {{QStringLiteral("op"), QStringLiteral("end")}, {QStringLiteral("user"), userId},
                {QStringLiteral("code"), int(code)}, {QStringLiteral("reason"), reason}});
    }
    QList<Session *> matched;
    for (const Subscriber &subscriber : m_subscribers) {
        if (subscriber.userId == userId)
            matched.append(subscriber.session);
    }
    for (Session *session : std::as_const(matched)) {
        deauthenticate(*session);
        closeAfterReplies(ConnectionHandle(session), code, reason);
    }
}

void Server::passwordChosen(qint64 userId)
{
    if (m_cluster && !m_applyingBus) {
        m_cluster->publishDurably(
            {{QStringLiteral("op"), QStringLiteral("password")}, {QStringLiteral("user"), userId}});
    }
    for (const Subscriber &subscriber : m_subscribers) {
        if (subscriber.userId == userId)
            subscriber.session->setMustChangePassword(false);
    }
}

QList<QByteArray> Server::connectedTokens(qint64 userId) const
{
    QList<QByteArray> tokens;
    for (const Subscriber &subscriber : m_subscribers) {
        if (subscriber.userId == userId)
            tokens.append(subscriber.session->tokenHash());
    }
    return tokens;
}

void Server::checkSessions()
{
    // Sign-outs, disabled accounts and renames said on the bus while this instance was not
    // listening: what the database holds now decides.
    QList<Session *> ended;
    QList<Session *> disabled;
    QHash<qint64, User> renamed;
    for (const Subscriber &subscriber : m_subscribers) {
        Result<QSqlQuery *> q = m_reader->run(
            QStringLiteral("SELECT u.disabled, u.username, u.role, u.display_name, "
                           "u.avatar_image_id FROM sessions s JOIN users u ON u.id = s.user_id "
                           "WHERE s.token_hash = ?"),
            {subscriber.session->tokenHash()});
        if (!q)
            return; // the database is away again: the next reconnect checks
        if (!(*q)->next()) {
            ended.append(subscriber.session);
        } else if ((*q)->value(0).toInt() != 0) {
            disabled.append(subscriber.session);
        } else {
            const User stored {subscriber.userId, (*q)->value(1).toString(),
                roleFromName((*q)->value(2).toString()), (*q)->value(3).toString(),
                (*q)->value(4).toString()};
            const User &held = *subscriber.session->user();
            if (stored.username != held.username || stored.role != held.role
                || stored.displayName != held.displayName || stored.avatarId != held.avatarId)
                renamed.insert(stored.id, stored);
        }
        (*q)->finish();
    }
    m_applyingBus = true; // applied here only: every instance checks for itself
    for (Session *session : std::as_const(ended)) {
        deauthenticate(*session);
        closeAfterReplies(
            ConnectionHandle(session), CloseCode::SignedOut, QStringLiteral("signed out"));
    }
    for (Session *session : std::as_const(disabled)) {
        deauthenticate(*session);
        closeAfterReplies(ConnectionHandle(session), CloseCode::AccountDisabled,
            QStringLiteral("account disabled"));
    }
    for (const User &user : std::as_const(renamed))
        updateUser(user);
    m_applyingBus = false;
    if (!ended.isEmpty() || !disabled.isEmpty())
        qCInfo(lcServer) << "after the database connection came back," << ended.size()
                         << "signed-out and" << disabled.size() << "disabled connections closed";
}

void Server::applyBus(const QJsonObject &message)
{
    const QString op = message.value(QLatin1StringView("op")).toString();
    const qint64 user = message.value(QLatin1StringView("user")).toInteger();
    const QByteArray frame = message.value(QLatin1StringView("frame")).toString().toUtf8();
    const auto code = quint16(message.value(QLatin1StringView("code")).toInt());
    const QString reason = message.value(QLatin1StringView("reason")).toString();
    m_applyingBus = true;
    if (op == QLatin1StringView("presence")) {
        const QByteArray wire = WireFrame::textUtf8(frame);
        sendToSubscribers({&wire, 1});
    } else if (op == QLatin1StringView("others")) {
        sendToOtherUsers(user, frame);
    } else if (op == QLatin1StringView("users")) {
        QList<qint64> ids;
        const QJsonArray array = message.value(QLatin1StringView("users")).toArray();
        for (const QJsonValue &id : array)
            ids.append(id.toInteger());
        std::sort(ids.begin(), ids.end());
        sendToUsers(ids, message.value(QLatin1StringView("except")).toInteger(), frame);
    } else if (op == QLatin1StringView("user")) {
        // Renamed, or its role changed: read as stored now.
        if (Result<std::optional<User>> found = UserStore::findById(*m_reader, user);
            found && *found)
            updateUser(**found);
    } else if (op == QLatin1StringView("sessions")) {
        QList<QByteArray> hashes;
        const QJsonArray array = message.value(QLatin1StringView("tokens")).toArray();
        for (const QJsonValue &hash : array)
            hashes.append(QByteArray::fromBase64(hash.toString().toLatin1()));
        endSessions(hashes, {}, code, reason);
    } else if (op == QLatin1StringView("end")) {
        endUser(user, code, reason);
    } else if (op == QLatin1StringView("password")) {
        passwordChosen(user);
    }
    m_applyingBus = false;
}

void Server::broadcast(const QByteArrayList &events, const QList<EventAudience> &audiences)
{
    // Each event is one WebSocket frame, built once and written as it is to every peer; a
    // commit's events leave each peer together, in one send() (Connection::send).
    QList<QByteArray> wires;
    wires.reserve(events.size());
    for (const QByteArray &frame : events)
        wires.append(WireFrame::textUtf8(frame));
    m_metrics.deliveries.add(quint64(m_subscribers.size()) * quint64(wires.size()));
    if (!audiences.isEmpty())
        return sendByAudience(wires, audiences);
    const std::span<const QByteArray> frames(wires.constData(), size_t(wires.size()));
    sendToSubscribers(frames);
}

void Server::sendByAudience(const QList<QByteArray> &wires, const QList<EventAudience> &audiences)
{
    Q_ASSERT(wires.size() == audiences.size());
    QList<QByteArray> hidden(wires.size());
    for (qsizetype i = 0; i < wires.size(); ++i) {
        if (!audiences[i].userIds.isEmpty())
            hidden[i] = WireFrame::textUtf8(encodeEvent(audiences[i].seq, EventType::Hidden, {}));
    }
    QList<QByteArray> frames(wires.size());
    for (const Subscriber &subscriber : m_subscribers) {
        for (qsizetype i = 0; i < wires.size(); ++i) {
            const Audience &audience = audiences[i].userIds;
            frames[i] = audience.isEmpty()
                    || std::binary_search(audience.cbegin(), audience.cend(), subscriber.userId)
                ? wires[i]
                : hidden[i];
        }
        subscriber.connection->send(
            std::span<const QByteArray>(frames.constData(), size_t(frames.size())));
    }
}

void Server::sendToSubscribers(std::span<const QByteArray> frames)
{
    // Each peer's objects are cold by the next event (one send() of kernel work per peer lies
    // between), and a miss on each was most of the server's own CPU in the fan-out. Each send
    // is a system call of microseconds: time enough to fetch the next peers' lines meanwhile,
    // the connection two ahead, then (through it) the transport one ahead.
    // (send() drops a peer later, from the event loop; the size is read again all the same.)
    for (std::size_t i = 0; i < m_subscribers.size(); ++i) {
        if (i + 2 < m_subscribers.size())
            m_subscribers[i + 2].connection->prefetch();
        if (i + 1 < m_subscribers.size())
            m_subscribers[i + 1].connection->prefetchTransport();
        m_subscribers[i].connection->send(frames);
    }
}

void Server::presence(const User &user, bool online)
{
    const QByteArray wire = WireFrame::textUtf8(encodePresence(user, online));
    sendToSubscribers({&wire, 1});
}

void Server::checkPeers()
{
    // A peer that answered nothing, not even a pong, for two intervals is gone.
    const qint64 deadAfter = 2 * qint64(m_config.pingInterval.count());
    for (Session *session : std::as_const(m_sessions)) {
        if (session->silentForMs() > deadAfter)
            session->connection()->drop("it was silent for two ping intervals");
        else
            session->ping();
    }
}

void Server::collectGarbage()
{
    const std::chrono::seconds age = m_config.imageGcAge;
    // Part "files": the first run (at start-up) also sweeps the disk for files without a row.
    const QString filesDir = FileDisk::directoryFor(m_config.databasePath);
    const std::chrono::seconds fileGrace = m_config.fileGraceAge;
    const std::chrono::seconds abandoned = m_config.uploadAbandonAge;
    const bool sweepDisk = !m_gcTimer.isActive();
    m_writer->submit(
        [age, filesDir, fileGrace, abandoned, sweepDisk](WriteTx &tx) -> Result<QJsonObject> {
            Result<qint64> images = ImageStore::collectGarbage(tx, age);
            if (!images)
                return images.error();
            if (Status s = UserStore::removeExpiredSessions(tx); !s)
                return s.error();
            if (Status s = AccountStore::pruneInvites(tx); !s)
                return s.error();
            Result<FileStore::Collected> files
                = FileStore::collectGarbage(tx, filesDir, fileGrace, abandoned, sweepDisk);
            if (!files)
                return files.error();
            return QJsonObject {{QStringLiteral("images"), *images},
                {QStringLiteral("files"), files->files},
                {QStringLiteral("uploads"), files->uploads},
                {QStringLiteral("contentIds"), QJsonArray::fromStringList(files->contentIds)}};
        },
        [this, filesDir](const WriteOutcome &outcome) {
            if (!outcome.result)
                return;
            const QJsonObject counts = *outcome.result;
            if (counts.value(QLatin1StringView("images")).toInteger() > 0)
                qCInfo(lcDb) << "removed" << counts.value(QLatin1StringView("images")).toInteger()
                             << "unused images";
            if (counts.value(QLatin1StringView("files")).toInteger() > 0
                || counts.value(QLatin1StringView("uploads")).toInteger() > 0)
                qCInfo(lcDb) << "removed" << counts.value(QLatin1StringView("files")).toInteger()
                             << "unused files and"
                             << counts.value(QLatin1StringView("uploads")).toInteger()
                             << "abandoned uploads";
            QStringList ids;
            const QJsonArray collected = counts.value(QLatin1StringView("contentIds")).toArray();
            for (const QJsonValue &id : collected)
                ids.append(id.toString());
            if (ids.isEmpty() || m_shuttingDown)
                return;
            // Now that the rows are gone for good, their files go (on the writer thread, in
            // order with the uploads that could bring the same content back).
            m_writer->submit(
                [filesDir, ids](WriteTx &tx) -> Result<QJsonObject> {
                    Result<qint64> removed = FileStore::removeContent(tx, filesDir, ids);
                    if (!removed)
                        return removed.error();
                    return QJsonObject();
                },
                nullptr);
        });
}

void Server::shutdown()
{
    if (m_shuttingDown) {
        finishShutdown(); // asked again: stop waiting for the peers
        return;
    }
    m_shuttingDown = true;
    m_metricsServer.reset(); // a server going down answers no more scrapes
    m_pingTimer.stop();
    m_gcTimer.stop();
    if (m_announcer)
        m_announcer->stop(); // "leaving": apps forget it at once
    if (m_listener) {
        m_listener->close();
        m_listener->abortHandshakes();
    }
    // Let hashing and image checks finish; their results may queue more writes.
    m_workers.waitForDone();
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
    if (m_cluster)
        m_cluster->leave(); // its users who are on no other instance go offline now
    if (m_writer) {
        m_writer->stop(); // commits everything queued
        QCoreApplication::sendPostedEvents(m_writer.get(), QEvent::MetaCall);
    }
    if (m_follower)
        m_follower->stop();
    const QList<Session *> sessions = m_sessions.values();
    for (Session *session : sessions) {
        session->close(CloseCode::GoingAway, QStringLiteral("server shutting down"));
    }
    if (m_sessions.isEmpty()) {
        finishShutdown();
        return;
    }
    // The peers answer the close frame and close their side (disconnected()); whoever has not
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
        session->connection()->abort(); // disconnected() removes it
    m_sessions.clear();
    m_subscribers.clear();
    m_subscriberIndex.clear();
    m_connectionsPerUser.clear();
    Q_EMIT stopped();
}

} // namespace Hubbub::Server
