#pragma once

#include "ratelimiter.h"
#include "serverconfig.h"
#include "types.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QWebSocket>

#include <map>
#include <optional>

namespace Hubbub::Server {

//! One WebSocket connection: its login state, its rate limits, and its replies, which leave in
//! the order the requests arrived even when later ones finish first.
class Session final : public QObject
{
    Q_OBJECT
public:
    Session(QWebSocket *socket, const ServerConfig &config, QObject *parent = nullptr);
    ~Session() override;
    Q_DISABLE_COPY_MOVE(Session)

    QWebSocket *socket() const { return m_socket; }
    QString peerAddress() const { return m_peerAddress; }

    bool isAuthenticated() const { return m_user.has_value(); }
    const std::optional<User> &user() const { return m_user; }
    QByteArray tokenHash() const { return m_tokenHash; }
    void setUser(const User &user, const QByteArray &tokenHash);
    void clearUser();
    void updateUser(const User &user);

    //! Reserves the next reply position.
    quint64 openSlot();
    //! Fills a reserved position; sends every reply that is now first in line.
    void fillSlot(quint64 slot, const QString &frame);
    //! Sends a frame now (events, presence). A peer whose unsent bytes pass the bound is dropped.
    void send(const QString &frame);
    bool isDropping() const { return m_dropping; }

    TokenBucket &requestBucket() { return m_requests; }
    TokenBucket &byteBucket() { return m_bytes; }
    void touch() { m_lastHeard.restart(); }
    qint64 silentForMs() const { return m_lastHeard.elapsed(); }

private:
    void drop(const char *reason);

    QWebSocket *m_socket;
    QString m_peerAddress;
    qint64 m_maxOutgoing;
    std::optional<User> m_user;
    QByteArray m_tokenHash;
    quint64 m_nextSlot = 0;
    quint64 m_nextToSend = 0;
    std::map<quint64, QString> m_ready;
    TokenBucket m_requests;
    TokenBucket m_bytes;
    QElapsedTimer m_lastHeard;
    bool m_dropping = false;
};

} // namespace Hubbub::Server
