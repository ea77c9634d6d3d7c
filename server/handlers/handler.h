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

#include <functional>
#include <optional>

namespace Hubbub::Server {

class LoginThrottle;
class Metrics;
class SqlConnection;

//! Names the connection a request came on, for the Hub, without giving the handlers the
//! connection itself; it names nothing once the connection has gone.
class ConnectionHandle
{
public:
    ConnectionHandle() = default;
    explicit ConnectionHandle(QObject *connection)
        : m_connection(connection)
    { }
    //! The connection, or null when it has gone; for the Hub only.
    QObject *object() const { return m_connection.data(); }

private:
    QPointer<QObject> m_connection;
};

//! Who sent a request, as far as a handler needs to know.
struct Caller
{
    std::optional<User> user; //!< set once the connection is logged in
    QByteArray tokenHash; //!< the SHA-256 of the token the connection logged in with
    QString client; //!< what hello's `client` said ("" when not given)
    //! Reads the peer's address from the socket when asked (for the failed-login throttle):
    //! most requests never need it, and reading it costs a system call.
    std::function<QString()> readPeerAddress;

    QString peerAddress() const { return readPeerAddress ? readPeerAddress() : QString(); }
};

//! What the handlers need from the server that holds the connections.
class Hub
{
public:
    virtual ~Hub() = default;
    //! Puts a reply (compact JSON, UTF-8) in its place in the connection's reply order;
    //! nothing when the connection has gone.
    virtual void sendReply(
        const ConnectionHandle &connection, quint64 slot, const QByteArray &frame)
        = 0;
    //! Marks the connection logged in as `user`; announces presence on a user's first
    //! connection. Nothing when the connection has gone. `mustChangePassword`: signed in with
    //! a one-time code, the connection may only choose a password (account.password).
    virtual void authenticate(const ConnectionHandle &connection, const User &user,
        const QByteArray &tokenHash, bool mustChangePassword)
        = 0;
    //! Remembers hello's `client` for the sessions the connection starts.
    virtual void setClient(const ConnectionHandle &connection, const QString &client) = 0;
    //! Logs the connection out: no more events or presence reach it.
    virtual void deauthenticate(const ConnectionHandle &connection) = 0;
    //! Closes the connection with `code` after the replies queued so far have gone out.
    virtual void closeAfterReplies(
        const ConnectionHandle &connection, quint16 code, const QString &reason)
        = 0;
    virtual QList<User> onlineUsers() const = 0;
    //! Sends an ephemeral frame (compact JSON, UTF-8) to every authenticated connection of
    //! other users.
    virtual void sendToOtherUsers(qint64 userId, const QByteArray &frame) = 0;
    //! Sends an ephemeral frame to every authenticated connection of the users in `userIds`
    //! (sorted) but `exceptUserId` (e.g. the sender; 0 for none): typing in a direct
    //! conversation reaches its members only.
    virtual void sendToUsers(
        const QList<qint64> &userIds, qint64 exceptUserId, const QByteArray &frame)
        = 0;
    //! Refreshes the user held by every connection of that user (after a rename).
    virtual void updateUser(const User &user) = 0;
    //! Signs out every connection logged in with one of `tokenHashes` (their sessions were
    //! just revoked): `keep` is only logged out, as by auth.logout; the others are closed
    //! with `code` after their queued replies.
    virtual void endSessions(const QList<QByteArray> &tokenHashes, const ConnectionHandle &keep,
        quint16 code, const QString &reason)
        = 0;
    //! Logs out and closes every connection of the user (disabled, or its password reset).
    virtual void endUser(qint64 userId, quint16 code, const QString &reason) = 0;
    //! The user has chosen a password: its connections may do everything again.
    virtual void passwordChosen(qint64 userId) = 0;
    //! Whether the user has a logged-in connection, and the tokens of those connections.
    virtual bool isOnline(qint64 userId) const = 0;
    virtual QList<QByteArray> connectedTokens(qint64 userId) const = 0;
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
    //! `slot` is the place in the connection's reply order reserved for this request; errors
    //! are counted in `metrics` (when given) under the request's `type`.
    Responder(Hub &hub, ConnectionHandle connection, quint64 slot, qint64 requestId,
        MessageType type, Metrics *metrics = nullptr);

    void ok(const QJsonObject &result = {}) const;
    void fail(const Error &error) const;
    //! Answers with a complete reply frame (compact JSON, UTF-8) built by an encoder.
    void send(const QByteArray &frame) const;
    //! The same with an error reply built elsewhere (e.g. on a worker), counted as `code`.
    void sendError(const QByteArray &frame, ErrorCode code) const;
    //! Answers with the job's result or error once it is committed.
    void finish(const WriteOutcome &outcome) const;
    //! The connection the reply goes to, for the Hub.
    const ConnectionHandle &connection() const { return m_connection; }
    qint64 requestId() const { return m_id; }

private:
    Hub *m_hub;
    ConnectionHandle m_connection;
    quint64 m_slot;
    qint64 m_id;
    Metrics *m_metrics;
    MessageType m_type;
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
    virtual void handle(const Caller &caller, const Request &request, const Responder &reply) = 0;

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

//! Only the author or an admin may change an entry; the role is read as stored now. An admin
//! changing another's entry is recorded in the audit log as `action` (e.g. "post.delete")
//! with `detail`, in the same transaction.
Status checkMayChange(WriteTx &tx, const User &user, qint64 authorId, const QString &what,
    const QString &action, const QJsonObject &detail);

//! The optional `nonce` of a create, checked: empty when there is none.
Result<QString> nonceParam(const Params &params);

//! The `rate_limited` error with its retry time.
Error rateLimited(const QString &message, qint64 retryAfterMs);

} // namespace Hubbub::Server
