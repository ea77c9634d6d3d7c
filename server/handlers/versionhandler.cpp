#include "handlers/versionhandler.h"

#include "store/chatstore.h"
#include "store/poststore.h"
#include "store/sqlconnection.h"
#include "store/versionstore.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Hubbub::Server {

namespace {

//! The messages of this file, under one context that lupdate can see. The server sends
//! them in English (it knows no reader's language); the client shows its own text.
struct VersionText
{
    Q_DECLARE_TR_FUNCTIONS(Hubbub::Server::VersionHandler)
};

QJsonObject versionsReply(const QList<EntryVersion> &versions)
{
    QJsonArray array;
    for (const EntryVersion &version : versions)
        array.append(version.toJson());
    return {{QStringLiteral("versions"), array}};
}

} // namespace

QList<MessageType> VersionHandler::types() const
{
    return {MessageType::ChatVersions, MessageType::PostVersions};
}

void VersionHandler::handle(const Caller &caller, const Request &request, const Responder &reply)
{
    const Params params(request.params);
    switch (request.type) {
    case MessageType::ChatVersions:
        return messageVersions(*caller.user, params, reply);
    case MessageType::PostVersions:
        return postVersions(params, reply);
    default:
        return reply.fail(
            makeError(ErrorCode::BadRequest, VersionText::tr("Not an edit history request.")));
    }
}

// Whoever may read a message may read its versions: every earlier text was shown to all of
// them when it was current, so the history reveals nothing they could not have seen.
void VersionHandler::messageVersions(const User &user, const Params &params, const Responder &reply)
{
    const Result<qint64> messageId = params.id(QStringLiteral("messageId"));
    if (!messageId)
        return reply.fail(messageId.error());
    const Result<std::optional<Message>> message = ChatStore::message(m_ctx.reader, *messageId);
    if (!message)
        return reply.fail(message.error());
    const Result<bool> may = *message
        ? ChatStore::mayRead(m_ctx.reader, user.id, (*message)->channelId)
        : Result<bool>(false);
    if (!may)
        return reply.fail(may.error());
    if (!*may) {
        // A message in someone else's direct conversation does not exist for this caller.
        return reply.fail(makeError(ErrorCode::NotFound,
            VersionText::tr("This message does not exist (it may have been deleted)."),
            QStringLiteral("messageId")));
    }
    const Result<QList<EntryVersion>> versions
        = VersionStore::messageVersions(m_ctx.reader, **message);
    if (!versions)
        return reply.fail(versions.error());
    reply.ok(versionsReply(*versions));
}

void VersionHandler::postVersions(const Params &params, const Responder &reply)
{
    const Result<qint64> postId = params.id(QStringLiteral("postId"));
    if (!postId)
        return reply.fail(postId.error());
    const Result<std::optional<Post>> post = PostStore::get(m_ctx.reader, *postId);
    if (!post)
        return reply.fail(post.error());
    if (!*post) {
        return reply.fail(makeError(ErrorCode::NotFound,
            VersionText::tr("This post does not exist (it may have been deleted)."),
            QStringLiteral("postId")));
    }
    const Result<QList<EntryVersion>> versions = VersionStore::postVersions(m_ctx.reader, **post);
    if (!versions)
        return reply.fail(versions.error());
    reply.ok(versionsReply(*versions));
}

} // namespace Hubbub::Server
