#pragma once

#include "net/connection.h"
#include "ratelimiter.h"
#include "serverconfig.h"
#include "types.h"

#include <QObject>

#include <map>
#include <optional>

namespace Hubbub::Server {

class Session;

//! What a session reports to the server that answers its requests.
class SessionHost
{
public:
    virtual void textReceived(Session &session, const QString &text) = 0;
    virtual void binaryReceived(Session &session, const QByteArray &data) = 0;
    //! The connection is gone; the host deletes the session (deleteLater).
    virtual void disconnected(Session &session) = 0;

protected:
    ~SessionHost() = default;
};

//! The protocol's state of one connection: its login, its rate limits, and its replies, which
//! leave in the order the requests arrived even when later ones finish first. The connection
//! under it (net/Connection) carries the frames.
class Session final : public QObject, private Connection::Receiver
{
    Q_OBJECT
public:
    //! Takes `connection` (upgraded) over, as its parent and its receiver.
    Session(Connection *connection, SessionHost &host, const ServerConfig &config,
        QObject *parent = nullptr);
    ~Session() override;
    Q_DISABLE_COPY_MOVE(Session)

    Connection *connection() const { return m_connection; }
    QString peerAddress() const { return m_connection->peerAddress(); }

    bool isAuthenticated() const { return m_user.has_value(); }
    const std::optional<User> &user() const { return m_user; }
    QByteArray tokenHash() const { return m_tokenHash; }
    void setUser(const User &user, const QByteArray &tokenHash, bool mustChangePassword);
    void clearUser();
    void updateUser(const User &user);
    //! Signed in with a one-time code: only hello, auth.*, ping and account.password pass.
    bool mustChangePassword() const { return m_mustChangePassword; }
    void setMustChangePassword(bool must) { m_mustChangePassword = must; }
    //! hello's `client`, for the sessions started on this connection.
    QString client() const { return m_client; }
    void setClient(const QString &client) { m_client = client; }

    //! Reserves the next reply position.
    quint64 openSlot();
    //! Fills a reserved position; sends every reply that is now first in line.
    void fillSlot(quint64 slot, const QString &frame);
    //! The same with a built WebSocket frame (WireFrame).
    void fillSlotWire(quint64 slot, const QByteArray &frame);
    //! Sends an already built WebSocket frame (see WireFrame), e.g. one event to every peer.
    void sendWire(const QByteArray &frame) { m_connection->send(frame); }
    void ping() { m_connection->ping(); }
    //! Closes with a close frame after what is waiting (Connection::close).
    //! `code` is one of CloseCode's (net/closecode.h) or another valid code.
    void close(quint16 code, const QString &reason);
    bool isClosing() const { return m_connection->isClosing(); }
    bool isDropping() const { return m_connection->isDropping(); }
    qint64 silentForMs() const { return m_connection->silentForMs(); }

    TokenBucket &requestBucket() { return m_requests; }
    TokenBucket &byteBucket() { return m_bytes; }

private:
    // Connection::Receiver
    void received(Connection &connection, FrameReader::Message &&message) override;
    void closed(Connection &connection) override;

    Connection *m_connection; //!< a child: it lives as long as this session
    SessionHost &m_host;
    std::optional<User> m_user;
    QByteArray m_tokenHash;
    QString m_client;
    bool m_mustChangePassword = false;
    quint64 m_nextSlot = 0;
    quint64 m_nextToSend = 0;
    std::map<quint64, QByteArray> m_ready; //!< replies filled out of order, as wire frames
    TokenBucket m_requests;
    TokenBucket m_bytes;
};

} // namespace Hubbub::Server
