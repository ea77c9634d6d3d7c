#pragma once

#include "net/connection.h"

#include <memory>

#include <QPointer>
#include <QSet>
#include <QTcpServer>
#include <QTimer>

#include <chrono>
#include <deque>
#include <functional>

namespace Hubbub::Server {

class TlsContext;

//! Accepts TCP connections and takes each through the WebSocket handshake within the
//! handshake timeout; upgraded connections are handed out with connectionUpgraded(). Beyond
//! the cap (`admit` says no) a connection is closed straight away, so running out of
//! descriptors can never make the accept loop spin.
class Listener final : public QTcpServer, private Connection::Receiver
{
    Q_OBJECT
public:
    Listener(const Connection::Services &services, std::chrono::milliseconds handshakeTimeout,
        std::function<bool()> admit, QObject *parent = nullptr);
    ~Listener() override;
    Q_DISABLE_COPY_MOVE(Listener)

    //! Connections accepted and not upgraded yet.
    int handshaking() const { return int(m_handshaking.size()); }
    //! Stops the handshake timer and ends every handshake under way (at shutdown).
    void abortHandshakes();
    //! Connections accepted from now on speak TLS with `context` (null: plain TCP); those
    //! already accepted keep what they started with.
    void setTls(std::shared_ptr<const TlsContext> context) { m_tls = std::move(context); }

Q_SIGNALS:
    //! The slot takes `connection` over: its receiver and its parent.
    void connectionUpgraded(Hubbub::Server::Connection *connection);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    // Connection::Receiver, during the handshake
    void upgraded(Connection &connection) override;
    void received(Connection &, FrameReader::Message &&) override { }
    void closed(Connection &connection) override;

    void sweepHandshakes();

    const Connection::Services &m_services;
    std::chrono::milliseconds m_timeout;
    std::function<bool()> m_admit;
    QSet<Connection *> m_handshaking;
    struct Deadline
    {
        std::chrono::steady_clock::time_point at;
        QPointer<Connection> connection;
    };
    std::deque<Deadline> m_deadlines; //!< in order, as the timeout is fixed
    QTimer m_timer;
    std::shared_ptr<const TlsContext> m_tls;
};

} // namespace Hubbub::Server
