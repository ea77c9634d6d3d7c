#pragma once

#include "error.h"
#include "handlers/handler.h"
#include "ratelimiter.h"
#include "serverconfig.h"
#include "session.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QThreadPool>
#include <QTimer>

#include <array>
#include <chrono>
#include <deque>
#include <memory>
#include <vector>

class QTcpServer;
class QTcpSocket;
class QWebSocket;
class QWebSocketServer;

namespace Hubbub::Server {

class Listener;
class SqlConnection;
class Writer;

//! The Hubbub server: accepts WebSocket connections, dispatches requests to the handlers,
//! and broadcasts every committed change to every authenticated connection in seq order.
class Server final : public QObject, private Hub
{
    Q_OBJECT
public:
    explicit Server(ServerConfig config, QObject *parent = nullptr);
    ~Server() override;
    Q_DISABLE_COPY_MOVE(Server)

    //! Opens the database (migrating it) and starts the writer; no network yet.
    Status open();
    //! Listens on config.host:config.port (port 0 picks one).
    Status listen();
    //! Stops accepting, commits what is queued, closes every connection with 1001, and waits
    //! (at most config.shutdownGrace) for the peers to close their side; then stopped().
    //! Called again, it stops waiting.
    void shutdown();
    bool isStopped() const { return m_stopped; }

    QHostAddress address() const;
    quint16 port() const;
    int connectionCount() const { return int(m_sessions.size()); }
    int authenticatedCount() const { return int(m_authenticated.size()); }
    const ServerConfig &config() const { return m_config; }
    Writer &writer() { return *m_writer; }

Q_SIGNALS:
    //! Every connection is closed and nothing is queued any more. Emitted once, possibly from
    //! within shutdown().
    void stopped();

private:
    // Hub
    void sendReply(
        const ConnectionHandle &connection, quint64 slot, const QByteArray &frame) override;
    void authenticate(
        const ConnectionHandle &connection, const User &user, const QByteArray &tokenHash) override;
    void deauthenticate(const ConnectionHandle &connection) override;
    void closeAfterReplies(
        const ConnectionHandle &connection, quint16 code, const QString &reason) override;
    QList<User> onlineUsers() const override;
    void sendToOtherUsers(qint64 userId, const QByteArray &frame) override;
    void updateUser(const User &user) override;
    QObject *networkContext() override { return this; }

    void authenticate(Session &session, const User &user, const QByteArray &tokenHash);
    void deauthenticate(Session &session);
    //! Answers a frame that is refused before any handler sees it.
    void refuse(Session &session, std::optional<qint64> id, const Error &error);

    bool admitConnection() const;
    void onTcpConnection();
    void sweepHandshakes();
    void onWebSocketConnection();
    void onTextMessage(Session &session, const QString &text);
    void onBinaryMessage(Session &session, const QByteArray &data);
    //! Defers a frame when its session has had its share of this pass; true if it did.
    bool deferred(Session &session, Session::DeferredFrame &&frame);
    void serveDeferred();
    void handleText(Session &session, const QString &text);
    void handleBinary(Session &session, const QByteArray &data);
    void onDisconnected(Session &session);
    void broadcast(const QByteArrayList &events);
    void presence(const User &user, bool online);
    void checkPeers();
    void finishShutdown();
    void collectGarbage();

    ServerConfig m_config;
    std::unique_ptr<SqlConnection> m_reader;
    std::unique_ptr<Writer> m_writer;
    QThreadPool m_workers;
    LoginThrottle m_throttle;
    std::unique_ptr<ServerContext> m_context;
    std::vector<std::unique_ptr<Handler>> m_handlerStore;
    std::array<Handler *, messageTypeNames.size()> m_handlers {};

    Listener *m_listener = nullptr;
    QWebSocketServer *m_webSockets = nullptr;
    QHash<QString, QTcpSocket *> m_handshaking; //!< by peer address and port
    struct PendingHandshake
    {
        std::chrono::steady_clock::time_point deadline;
        QPointer<QTcpSocket> socket;
        QString key;
    };
    std::deque<PendingHandshake> m_handshakeDeadlines;
    QTimer m_handshakeTimer;
    int m_connectionCap = 0;
    QSet<Session *> m_sessions;
    QList<Session *> m_backlogged; //!< sessions with deferred frames, served in turn
    QTimer m_backlogTimer;
    QSet<Session *> m_authenticated;
    QHash<qint64, int> m_connectionsPerUser;
    FlushScheduler m_flusher;
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
