#pragma once

#include "ratelimiter.h"
#include "serverconfig.h"
#include "types.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QWebSocket>

#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace Hubbub::Server {

class Session;
class Transport;

//! Collects the sessions that have frames waiting and flushes them all once per pass of the
//! event loop, so that a burst of frames to one peer (a batch of commits, its replies) leaves
//! in one send() instead of one each.
//!
//! The flush runs when the thread's event dispatcher is about to wait again (its aboutToBlock
//! and awake signals), not from a posted event: a posted event costs one more pass of the loop,
//! and each pass polls every connection's socket.
class FlushScheduler final : public QObject
{
    Q_OBJECT
public:
    explicit FlushScheduler(QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(FlushScheduler)

    void add(Session *session);
    //! A session going away before its turn.
    void forget(Session *session);
    //! Counts the passes of the event loop (each flush starts one).
    quint64 pass() const { return m_pass; }
    //! Writes every waiting frame now (also before a close, which must come last).
    void flushAll();

private:
    // Plain pointers, which a session takes out itself when it goes (forget): a QPointer per
    // entry cost a reference count on a cold cache line per peer per pass.
    std::vector<Session *> m_waiting;
    std::vector<Session *> *m_flushing = nullptr; //!< the batch being written, if any
    quint64 m_pass = 0;
    bool m_posted = false;
    bool m_onDispatcher = false; //!< flushed by the dispatcher's signals, else by a posted call
};

//! One WebSocket connection: its login state, its rate limits, and its replies, which leave in
//! the order the requests arrived even when later ones finish first.
//!
//! Outgoing frames are built once (WireFrame) and written to the TCP socket under the
//! QWebSocket (Transport); the QWebSocket still reads, answers control frames and closes. One
//! event to a thousand peers then costs one send() each, not a UTF-8 conversion, two copies and
//! an extra pass through the event loop per peer.
class Session final : public QObject
{
    Q_OBJECT
public:
    //! `transport` is the TCP socket the WebSocket runs on.
    Session(QWebSocket *socket, Transport *transport, FlushScheduler &flusher,
        const ServerConfig &config, QObject *parent = nullptr);
    ~Session() override;
    Q_DISABLE_COPY_MOVE(Session)

    QWebSocket *socket() const { return m_socket; }
    //! Read from the socket when asked: a copy kept per connection cost 60-odd bytes on each
    //! of 10,000 idle connections. Empty once the socket has disconnected.
    QString peerAddress() const { return m_socket->peerAddress().toString(); }

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
    //! The same with a built WebSocket frame (WireFrame).
    void fillSlotWire(quint64 slot, const QByteArray &frame);
    //! Sends a frame (events, presence). A peer whose unsent bytes pass the bound is dropped.
    void send(const QString &frame);
    //! Sends an already built WebSocket frame (see WireFrame), e.g. one event to every peer.
    //! Frames wait for the end of this pass of the event loop, then leave together.
    void sendWire(const QByteArray &frame);
    //! A WebSocket ping; the pong (or any other traffic) shows the peer is alive.
    void ping();
    //! Sends what is waiting, then the close frame, and half-closes the connection: the peer
    //! answers with its own close frame and closes, and the socket is gone then (or dropped
    //! as silent by the ping check). Nothing is sent after this.
    void close(QWebSocketProtocol::CloseCode code, const QString &reason);
    bool isClosing() const { return m_closing; }
    bool isDropping() const { return m_dropping; }

    //! A frame that arrived after this session had its share of the pass (see withinShare).
    struct DeferredFrame
    {
        QString text;
        QByteArray binary;
        bool isBinary = false;
    };
    //! Whether this session may still have frames handled in this pass of the event loop:
    //! each gets a slice of time per pass, so one peer's pipelined backlog cannot hold up the
    //! others for the whole backlog.
    bool withinShare(quint64 pass);
    bool hasDeferred() const { return m_backlog != nullptr; }
    //! Keeps a frame for a later pass, in order, and stops reading from the peer until the
    //! backlog is served (TCP then slows the peer down, as it would a slow server).
    void defer(DeferredFrame frame);
    DeferredFrame takeDeferred();
    //! Forgets the backlog (the session is closing) and reads again.
    void clearDeferred();

    TokenBucket &requestBucket() { return m_requests; }
    TokenBucket &byteBucket() { return m_bytes; }
    void touch() { m_lastHeard.restart(); }
    qint64 silentForMs() const { return m_lastHeard.elapsed(); }

private:
    friend class FlushScheduler;
    void flush();
    void drop(const char *reason);

    QWebSocket *m_socket;
    Transport *m_transport; //!< a child of m_socket: it lives as long as this session
    FlushScheduler &m_flusher;
    QList<QByteArray> m_waiting; //!< frames of this pass, shared with the other peers
    qint64 m_maxOutgoing;
    std::optional<User> m_user;
    QByteArray m_tokenHash;
    quint64 m_nextSlot = 0;
    quint64 m_nextToSend = 0;
    std::map<quint64, QByteArray> m_ready; //!< replies filled out of order, as wire frames
    TokenBucket m_requests;
    TokenBucket m_bytes;
    QElapsedTimer m_lastHeard;
    struct Backlog
    {
        QList<DeferredFrame> frames;
        qsizetype next = 0;
    };
    std::unique_ptr<Backlog> m_backlog; //!< only while this peer's pipeline is deferred
    quint64 m_sharePass = ~quint64(0); //!< no pass yet: the first frame always has its share
    qint64 m_shareStartNs = 0;
    bool m_dropping = false;
    bool m_closing = false; //!< our close frame is written: nothing may follow it
    bool m_flushQueued = false;
};

} // namespace Hubbub::Server
