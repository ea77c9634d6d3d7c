#include "handlers/synchandler.h"

#include "net/closecode.h"

#include "protocollimits.h"
#include "serverframe.h"
#include "store/eventstore.h"
#include "validation.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <cmath>

namespace Hubbub::Server {

namespace {
//! The messages of this file, under one context that lupdate can see. The server sends
//! them in English (it knows no reader's language); the client shows its own text.
struct SyncText
{
    Q_DECLARE_TR_FUNCTIONS(Hubbub::Server::SyncHandler)
};
} // namespace

QList<MessageType> SyncHandler::types() const
{
    return {MessageType::Hello, MessageType::Ping, MessageType::Sync};
}

void SyncHandler::handle(const Caller &caller, const Request &request, const Responder &reply)
{
    const Params params(request.params);
    switch (request.type) {
    case MessageType::Hello:
        return hello(params, reply);
    case MessageType::Sync:
        return sync(caller.user ? caller.user->id : 0, params, reply);
    default:
        return reply.ok({{QStringLiteral("time"), nowTimestamp()}});
    }
}

void SyncHandler::hello(const Params &params, const Responder &reply)
{
    // Any whole number but ours is another protocol, however large (2^64 included).
    const QJsonValue version = params.value(QStringLiteral("protocol"));
    const bool otherVersion = version.isDouble() && std::isfinite(version.toDouble())
        && std::trunc(version.toDouble()) == version.toDouble()
        && version.toDouble() != double(ProtocolVersion);
    const Result<qint64> protocol
        = otherVersion ? Result<qint64>(-1) : params.integer(QStringLiteral("protocol"));
    if (!protocol)
        return reply.fail(protocol.error());
    const Result<std::optional<QString>> client = params.optionalString(QStringLiteral("client"));
    if (!client)
        return reply.fail(client.error());
    if (*client && Validation::charCount(**client) > Limits::ClientNameMax) {
        return reply.fail(makeError(ErrorCode::TooLarge,
            SyncText::tr("The client name is longer than %1 characters.")
                .arg(Limits::ClientNameMax),
            QStringLiteral("client")));
    }
    if (*protocol != ProtocolVersion) {
        reply.fail(makeError(ErrorCode::UnsupportedProtocol,
            SyncText::tr("This server speaks protocol version %1 only.").arg(ProtocolVersion)));
        m_ctx.hub.closeAfterReplies(
            reply.connection(), CloseCode::ProtocolError, QStringLiteral("unsupported protocol"));
        return;
    }
    if (*client)
        m_ctx.hub.setClient(reply.connection(), **client);
    const Result<qint64> head = EventStore::head(m_ctx.reader);
    if (!head)
        return reply.fail(head.error());
    const Registration registration = m_ctx.config.registration;
    reply.ok({{QStringLiteral("protocol"), ProtocolVersion},
        // Who may create an account here (feature "invites"): open, invite or closed.
        {QStringLiteral("registration"),
            registration == Registration::Open
                ? QStringLiteral("open")
                : (registration == Registration::Invite ? QStringLiteral("invite")
                                                        : QStringLiteral("closed"))},
        {QStringLiteral("server"), QStringLiteral("hubbub/" HUBBUB_VERSION)},
        {QStringLiteral("head"), *head},
        // Extensions a client may rely on (docs/protocol.md, "Features").
        {QStringLiteral("features"),
            QJsonArray {QStringLiteral("review.one_per_author"),
                QStringLiteral("post.recent_reviews"), QStringLiteral("dm"),
                QStringLiteral("profiles"), QStringLiteral("chat.replies"),
                QStringLiteral("reactions"), QStringLiteral("markdown"), QStringLiteral("mentions"),
                QStringLiteral("edit_history"), QStringLiteral("search"), QStringLiteral("files"),
                QStringLiteral("read_state"), QStringLiteral("notify_levels"),
                QStringLiteral("accounts"), QStringLiteral("admin"), QStringLiteral("invites"),
                QStringLiteral("audit")}}});
}

void SyncHandler::sync(qint64 userId, const Params &params, const Responder &reply)
{
    const Result<qint64> since = params.integer(QStringLiteral("since"));
    if (!since)
        return reply.fail(since.error());
    if (*since < 0) {
        return reply.fail(makeError(ErrorCode::Invalid,
            SyncText::tr("'since' must not be negative."), QStringLiteral("since")));
    }
    const Result<EventStore::Since> events
        = EventStore::since(m_ctx.reader, userId, *since, m_ctx.config.syncMaxBytes);
    if (!events)
        return reply.fail(events.error());
    // The stored frames are already JSON objects in UTF-8: joined, not parsed again.
    reply.send(encodeSyncReply(reply.requestId(), events->head, events->frames));
}

} // namespace Hubbub::Server
