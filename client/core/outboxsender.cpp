#include "outboxsender.h"

#include "connection.h"
#include "imagecache.h"
#include "logging.h"
#include "outboxprojection.h"
#include "reply.h"

#include <chrono>

using namespace std::chrono_literals;

namespace Hubbub::Client {

OutboxSender::OutboxSender(Outbox *outbox, Connection *connection, ImageCache *images,
    OutboxProjection *projection, QObject *parent)
    : QObject(parent)
    , m_outbox(outbox)
    , m_connection(connection)
    , m_images(images)
    , m_projection(projection)
{
    m_retryTimer.setSingleShot(true);
    // A coarse timer may fire up to 5 % early; a resend before rate_limited's retryAfterMs is
    // refused again.
    m_retryTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_retryTimer, &QTimer::timeout, this, &OutboxSender::pump);
    connect(m_outbox, &Outbox::added, this, &OutboxSender::pump);
}

void OutboxSender::pump()
{
    if (m_outbox->inFlight() || !m_connection->isOnline() || m_retryTimer.isActive())
        return;
    const auto next = m_outbox->nextQueued();
    if (!next)
        return;
    m_outbox->setStatus(next->localId, Outbox::Status::Sending);
    send(*next);
}

void OutboxSender::resume()
{
    m_outbox->requeueSending();
    pump();
}

void OutboxSender::reset()
{
    m_retryTimer.stop();
    m_outbox->requeueSending();
    m_outbox->resetFaults();
}

void OutboxSender::retry(const QString &localId)
{
    m_outbox->retry(localId);
    pump();
}

bool OutboxSender::discard(const QString &localId)
{
    const auto entry = m_outbox->entry(localId);
    if (entry && entry->status == Outbox::Status::Sending)
        return false; // too late: its answer is on the way
    m_outbox->remove(localId);
    return true;
}

void OutboxSender::send(const Outbox::Entry &entry)
{
    const QString localId = entry.localId;
    if (!entry.image.isEmpty()) {
        // The image goes first; the entry then names it, so a resend does not upload again.
        QJsonObject params {{QStringLiteral("data"), QString::fromLatin1(entry.image.toBase64())}};
        if (!entry.imageMime.isEmpty())
            params.insert(QStringLiteral("mime"), entry.imageMime);
        const QByteArray bytes = entry.image;
        m_connection->request(
            MessageType::ImageUpload, params, this,
            [this, localId, bytes](const Reply &reply) {
                const auto current = m_outbox->entry(localId);
                if (!current)
                    return pump();
                if (!reply.ok())
                    return onAnswer(*current, reply);
                const QString imageId = reply.result().value(QStringLiteral("imageId")).toString();
                m_images->insert(imageId, bytes);
                m_outbox->setUploadedImage(localId, imageId);
                send(*m_outbox->entry(localId));
            },
            180s);
        return;
    }
    m_connection->request(entry.type, entry.params, this, [this, localId](const Reply &reply) {
        if (const auto current = m_outbox->entry(localId))
            onAnswer(*current, reply);
        else
            pump(); // dropped meanwhile (another account's queue was opened)
    });
}

void OutboxSender::waitAndRetry(int ms)
{
    m_retryTimer.start(ms);
}

void OutboxSender::onAnswer(const Outbox::Entry &entry, const Reply &reply)
{
    const ChangeKind &kind = entry.kind();
    const Error error = reply.error();
    if (reply.isTransportFailure() || error.code == ErrorCode::Unauthorized) {
        // Not known whether it arrived. It goes again after the resync (or, after a timeout
        // on a live connection, in a second); the nonce (creates) or the nature of the change
        // (edits, deletes) makes that safe. Unauthorized: signed out under it; keep it.
        m_outbox->setStatus(entry.localId, Outbox::Status::Queued);
        if (reply.outcome() == Reply::Outcome::Timeout)
            waitAndRetry(TimeoutRetryMs);
        return;
    }
    // A delete of something already gone did what it was meant to; an edit or a review of
    // something deleted meanwhile has nothing left to change (the user is told: it is lost).
    const bool gone
        = !reply.ok() && error.code == ErrorCode::NotFound && kind.op != ChangeOp::Create;
    if (reply.ok() || gone) {
        const QJsonObject result = reply.result();
        m_projection->acknowledge(entry, result, gone);
        if (kind.followUp && reply.ok()) {
            if (const auto edit = kind.followUp(entry.params, result))
                m_outbox->enqueue(edit->type, edit->params);
        }
        m_outbox->remove(entry.localId);
        if (gone && kind.lostNotice)
            Q_EMIT lost(entry);
        pump();
        return;
    }
    // A server fault (a full disk, a shutdown in progress) is worth two more tries before the
    // change is shown as not sent.
    if (error.code == ErrorCode::Internal
        && m_outbox->addFault(entry.localId) < FaultsBeforeFailing) {
        m_outbox->setStatus(entry.localId, Outbox::Status::Queued);
        waitAndRetry(FaultRetryMs);
        return;
    }
    m_outbox->resetFaults(entry.localId);
    if (error.code == ErrorCode::RateLimited) {
        m_outbox->setStatus(entry.localId, Outbox::Status::Queued);
        const qint64 wait = error.retryAfterMs > 0 ? error.retryAfterMs : RateLimitedRetryMs;
        waitAndRetry(int(std::min<qint64>(wait, MaxRetryMs)));
        return;
    }
    // Refused for good: it stays, Failed, with the server's reason, until the user fixes,
    // retries or discards it; the changes after it go on.
    qCInfo(lcClient) << messageTypeName(entry.type) << "refused:" << error.toString();
    m_outbox->setStatus(entry.localId, Outbox::Status::Failed, error.message);
    Q_EMIT refused(entry.localId, error.message);
    pump();
}

} // namespace Hubbub::Client
