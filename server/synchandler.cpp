#include "synchandler.h"

#include "eventstore.h"
#include "protocollimits.h"
#include "session.h"
#include "validation.h"

#include <QCoreApplication>
#include <QTimer>

namespace Hubbub::Server {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Hubbub::Server::SyncHandler", text);
}
} // namespace

QList<MessageType> SyncHandler::types() const
{
    return {MessageType::Hello, MessageType::Ping, MessageType::Sync};
}

void SyncHandler::handle(Session &session, const Request &request, const Responder &reply)
{
    const Params params(request.params);
    switch (request.type) {
    case MessageType::Hello:
        return hello(session, params, reply);
    case MessageType::Sync:
        return sync(params, reply);
    default:
        return reply.ok({{QStringLiteral("time"), nowTimestamp()}});
    }
}

void SyncHandler::hello(Session &session, const Params &params, const Responder &reply)
{
    const Result<qint64> protocol = params.integer(QStringLiteral("protocol"));
    if (!protocol)
        return reply.fail(protocol.error());
    const Result<std::optional<QString>> client = params.optionalString(QStringLiteral("client"));
    if (!client)
        return reply.fail(client.error());
    if (*client && Validation::charCount(**client) > Limits::ClientNameMax) {
        return reply.fail(makeError(ErrorCode::TooLarge,
            tr("The client name is longer than %1 characters.").arg(Limits::ClientNameMax),
            QStringLiteral("client")));
    }
    if (*protocol != ProtocolVersion) {
        reply.fail(makeError(ErrorCode::UnsupportedProtocol,
            tr("This server speaks protocol version %1 only.").arg(ProtocolVersion)));
        // Let the reply go out first, then close.
        QPointer<Session> peer = &session;
        QTimer::singleShot(0, peer, [peer] {
            if (peer)
                peer->close(QWebSocketProtocol::CloseCodeProtocolError,
                    QStringLiteral("unsupported protocol"));
        });
        return;
    }
    const Result<qint64> head = EventStore::head(m_ctx.reader);
    if (!head)
        return reply.fail(head.error());
    reply.ok({{QStringLiteral("protocol"), ProtocolVersion},
        {QStringLiteral("server"), QStringLiteral("hubbub/" HUBBUB_VERSION)},
        {QStringLiteral("head"), *head}});
}

void SyncHandler::sync(const Params &params, const Responder &reply)
{
    const Result<qint64> since = params.integer(QStringLiteral("since"));
    if (!since)
        return reply.fail(since.error());
    if (*since < 0) {
        return reply.fail(makeError(
            ErrorCode::Invalid, tr("'since' must not be negative."), QStringLiteral("since")));
    }
    const Result<EventStore::Since> events
        = EventStore::since(m_ctx.reader, *since, m_ctx.config.syncMaxBytes);
    if (!events)
        return reply.fail(events.error());
    // The stored frames are already JSON objects: join them instead of parsing them again.
    QString frame = QStringLiteral("{\"type\":\"reply\",\"id\":")
        + QString::number(reply.requestId()) + QStringLiteral(",\"ok\":true,\"head\":")
        + QString::number(events->head) + QStringLiteral(",\"events\":[")
        + events->frames.join(QLatin1Char(',')) + QStringLiteral("]}");
    reply.okEncoded(frame);
}

} // namespace Hubbub::Server
