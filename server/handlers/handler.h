#pragma once

#include "codec.h"
#include "error.h"
#include "serverconfig.h"
#include "store/writer.h"
#include "types.h"

#include <QList>
#include <QMetaObject>
#include <QPointer>
#include <QThreadPool>

namespace Hubbub::Server {

class LoginThrottle;
class Session;
class SqlConnection;

//! What the handlers need from the server that holds the connections.
class Hub
{
public:
    virtual ~Hub() = default;
    //! Marks the session logged in as `user`; announces presence on a user's first connection.
    virtual void authenticate(Session &session, const User &user, const QByteArray &tokenHash) = 0;
    virtual void deauthenticate(Session &session) = 0;
    virtual QList<User> onlineUsers() const = 0;
    //! Sends an ephemeral frame to every authenticated connection of other users.
    virtual void sendToOtherUsers(qint64 userId, const QString &frame) = 0;
    //! Refreshes the user held by every connection of that user (after a rename).
    virtual void updateUser(const User &user) = 0;
    //! A long-lived object on the network thread, for results coming back from workers.
    virtual QObject *networkContext() = 0;
};

//! The shared parts every handler is built with.
struct ServerContext
{
    const ServerConfig &config;
    SqlConnection &reader; //!< network thread only: bounded, indexed reads
    Writer &writer;
    QThreadPool &workers; //!< hashing and image decoding
    Hub &hub;
    LoginThrottle &throttle;
    int pendingHashes = 0;
};

//! Answers one request exactly once, in its place in the connection's reply order.
class Responder
{
public:
    Responder(Session &session, qint64 requestId);

    void ok(QJsonObject result = {}) const;
    void fail(const Error &error) const;
    //! Answers with a complete, already encoded reply frame.
    void okEncoded(const QString &frame) const;
    //! Answers with a complete reply already built as a WebSocket frame (WireFrame).
    void okWire(const QByteArray &frame) const;
    //! Answers with the job's result or error once it is committed.
    void finish(const WriteOutcome &outcome) const;
    //! The session, or null when the connection has gone meanwhile.
    Session *session() const;
    qint64 requestId() const { return m_id; }

private:
    QPointer<Session> m_session;
    quint64 m_slot;
    qint64 m_id;
};

//! Handles the verbs of one domain.
class Handler
{
public:
    explicit Handler(ServerContext &context)
        : m_ctx(context)
    { }
    virtual ~Handler() = default;
    Q_DISABLE_COPY_MOVE(Handler)

    virtual QList<MessageType> types() const = 0;
    virtual void handle(Session &session, const Request &request, const Responder &reply) = 0;

protected:
    //! Runs `work` on a worker thread and `done(result)` back on the network thread.
    template<typename Work, typename Done>
    void onWorker(Work work, Done done)
    {
        QObject *context = m_ctx.hub.networkContext();
        m_ctx.workers.start([context, work = std::move(work), done = std::move(done)]() mutable {
            auto result = work();
            QMetaObject::invokeMethod(
                context,
                [done = std::move(done), result = std::move(result)]() mutable {
                    done(std::move(result));
                },
                Qt::QueuedConnection);
        });
    }

    ServerContext &m_ctx;
};

//! Only the author or an admin may change an entry; the role is read as stored now.
Status checkMayChange(WriteTx &tx, const User &user, qint64 authorId, const QString &what);

//! The `rate_limited` error with its retry time.
Error rateLimited(const QString &message, qint64 retryAfterMs);

} // namespace Hubbub::Server
