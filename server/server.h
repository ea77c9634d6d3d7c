#pragma once

#include "error.h"
#include "handlers/handler.h"
#include "metrics/metrics.h"
#include "net/connection.h"
#include "net/fairshare.h"
#include "net/flushscheduler.h"
#include "ratelimiter.h"
#include "serverconfig.h"
#include "session.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QThreadPool>
#include <QTimer>

#include <array>
#include <memory>
#include <span>
#include <vector>

namespace Hubbub::Server {

class Announcer;
class Listener;
class MetricsServer;
class TlsContext;
class SqlConnection;
class Writer;
class Cluster;
class EventFollower;
class EventSequencer;

//! The Hubbub server: accepts WebSocket connections, dispatches requests to the handlers,
//! and broadcasts every committed change to every authenticated connection in seq order.
class Server final : public QObject, private Hub, private SessionHost
{
    Q_OBJECT
public:
    explicit Server(ServerConfig config, QObject *parent = nullptr);
    ~Server() override;
    Q_DISABLE_COPY_MOVE(Server)

    //! Opens the database (migrating it) and starts the writer; no network yet.
    Status open();
    //! Listens on config.host:config.port (port 0 picks one), and with config.metricsPort set
    //! opens the metrics port too (MetricsServer).
    Status listen();
    //! Stops accepting, commits what is queued, closes every connection with 1001, and waits
    //! (at most config.shutdownGrace) for the peers to close their side; then stopped().
    //! Called again, it stops waiting.
    void shutdown();
    bool isStopped() const { return m_stopped; }

    QHostAddress address() const;
    quint16 port() const;
    //! Whether connections speak TLS (wss://), and the SHA-256 fingerprint of the certificate
    //! in use (empty without TLS).
    bool isTls() const { return bool(m_tls); }
    QString tlsFingerprint() const;
    //! Reads the certificate and key again (after SIGHUP): new connections use them, open
    //! ones keep theirs. On failure the one in use stays.
    Status reloadTls();
    int connectionCount() const { return int(m_sessions.size()); }
    int authenticatedCount() const { return int(m_subscribers.size()); }
    const ServerConfig &config() const { return m_config; }
    Writer &writer() { return *m_writer; }
    const Metrics &metrics() const { return m_metrics; }
    //! The metrics port's address and port; 0 when it is not open.
    QHostAddress metricsAddress() const;
    quint16 metricsPort() const;
    //! What only the network thread can read, for a scrape: connections, sign-ins, unsent bytes.
    NetworkSample sampleNetwork() const;

Q_SIGNALS:
    //! Every connection is closed and nothing is queued any more. Emitted once, possibly from
    //! within shutdown().
    void stopped();

private:
    // Hub
    void sendReply(
        const ConnectionHandle &connection, quint64 slot, const QByteArray &frame) override;
    void authenticate(const ConnectionHandle &connection, const User &user,
        const QByteArray &tokenHash, bool mustChangePassword) override;
    void setClient(const ConnectionHandle &connection, const QString &client) override;
    void deauthenticate(const ConnectionHandle &connection) override;
    void closeAfterReplies(
        const ConnectionHandle &connection, quint16 code, const QString &reason) override;
    QList<User> onlineUsers() const override;
    void sendToOtherUsers(qint64 userId, const QByteArray &frame) override;
    void sendToUsers(
        const QList<qint64> &userIds, qint64 exceptUserId, const QByteArray &frame) override;
    void updateUser(const User &user) override;
    void endSessions(const QList<QByteArray> &tokenHashes, const ConnectionHandle &keep,
        quint16 code, const QString &reason) override;
    void endUser(qint64 userId, quint16 code, const QString &reason) override;
    void passwordChosen(qint64 userId) override;
    bool isOnline(qint64 userId) const override;
    QList<QByteArray> connectedTokens(qint64 userId) const override;
    QObject *networkContext() override { return this; }

    void authenticate(
        Session &session, const User &user, const QByteArray &tokenHash, bool mustChangePassword);
    void deauthenticate(Session &session);
    //! Answers a frame that is refused before any handler sees it.
    void refuse(Session &session, std::optional<qint64> id, const Error &error,
        std::optional<MessageType> type);
    // SessionHost
    void textReceived(Session &session, const QString &text) override;
    void binaryReceived(Session &session, const QByteArray &data) override;
    void disconnected(Session &session) override;

    bool admitConnection() const;
    void onUpgraded(Connection *connection);
    void handleText(Session &session, const QString &text);
    void handleBinary(Session &session, const QByteArray &data);
    void broadcast(const QByteArrayList &events, const QList<EventAudience> &audiences);
    //! Another instance's bus message (Cluster): applied to this instance's connections.
    void applyBus(const QJsonObject &message);
    //! After the follower listens again: ends the connections whose session was revoked or
    //! whose account was disabled meanwhile, and refreshes renamed users.
    void checkSessions();
    //! A commit with events for some users only: each peer is sent, per event, the frame or
    //! its `hidden` stub, still in one send().
    void sendByAudience(const QList<QByteArray> &wires, const QList<EventAudience> &audiences);
    void sendToSubscribers(std::span<const QByteArray> frames);
    void presence(const User &user, bool online);
    void checkPeers();
    void finishShutdown();
    void collectGarbage();

    ServerConfig m_config;
    Metrics m_metrics;
    std::unique_ptr<MetricsServer> m_metricsServer;
    std::unique_ptr<SqlConnection> m_reader;
    std::unique_ptr<Writer> m_writer;
    //! PostgreSQL only: every instance's events in one order, read by the follower.
    std::unique_ptr<EventSequencer> m_sequencer;
    std::unique_ptr<EventFollower> m_follower;
    std::unique_ptr<Cluster> m_cluster;
    mutable QSet<qint64> m_onlineElsewhere; //!< isOnline's read of the presence table
    mutable QElapsedTimer m_onlineElsewhereRead;
    bool m_applyingBus = false; //!< applying another instance's message: not published again
    QThreadPool m_workers;
    LoginThrottle m_throttle;
    std::unique_ptr<ServerContext> m_context;
    std::vector<std::unique_ptr<Handler>> m_handlerStore;
    std::array<Handler *, messageTypeNames.size()> m_handlers {};

    FlushScheduler m_flusher;
    FairShare m_share {m_flusher};
    QString tlsCertificatePath() const;
    QString tlsKeyPath() const;
    Status loadTls(bool createMissing);
    QString serverName() const;

    Connection::Services m_net;
    std::shared_ptr<const TlsContext> m_tls;
    std::unique_ptr<Announcer> m_announcer;
    Listener *m_listener = nullptr;
    int m_connectionCap = 0;
    QSet<Session *> m_sessions;
    //! The authenticated sessions in one array, in no order, which every broadcast walks from
    //! end to end: per peer it reads the array and the peer's Connection and Transport, nothing
    //! else (not the Session, not a hash node). The user id is here for events with an
    //! audience, which must not cost the others a read of the Session.
    struct Subscriber
    {
        Connection *connection;
        Session *session;
        qint64 userId;
    };
    std::vector<Subscriber> m_subscribers;
    QHash<Session *, std::size_t> m_subscriberIndex; //!< where each is in m_subscribers
    QHash<qint64, int> m_connectionsPerUser;
    QTimer m_pingTimer;
    QTimer m_gcTimer;
    QTimer m_shutdownTimer;
    bool m_shuttingDown = false;
    bool m_stopped = false;
};

//! Raises the soft open-file limit to the hard limit (POSIX); returns the limit now in force,
//! or -1 where there is none to read.
int raiseFileLimit();

} // namespace Hubbub::Server
