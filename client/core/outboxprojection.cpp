#include "outboxprojection.h"

#include "chatmodel.h"
#include "feedmodel.h"
#include "sessionstate.h"

namespace Hubbub::Client {

OutboxProjection::OutboxProjection(Outbox *outbox, SessionState &state, QObject *parent)
    : QObject(parent)
    , m_outbox(outbox)
    , m_state(state)
{
    connect(m_outbox, &Outbox::added, this, &OutboxProjection::onAdded);
    connect(m_outbox, &Outbox::changed, this, &OutboxProjection::onChanged);
    connect(m_outbox, &Outbox::removed, this, &OutboxProjection::onRemoved);
}

PendingModel *OutboxProjection::modelFor(const Outbox::Entry &entry) const
{
    switch (entry.kind().domain) {
    case ChangeDomain::Feed:
        return m_state.feed;
    case ChangeDomain::Chat:
        return m_state.openChat(entry.channelId());
    }
    return nullptr;
}

void OutboxProjection::showChannel(qint64 channelId)
{
    const QList<Outbox::Entry> entries = m_outbox->entries();
    for (const Outbox::Entry &entry : entries) {
        if (entry.kind().domain == ChangeDomain::Chat && entry.channelId() == channelId)
            onAdded(entry);
    }
}

void OutboxProjection::onAdded(const Outbox::Entry &entry)
{
    PendingModel *model = modelFor(entry);
    if (!model)
        return;
    switch (entry.kind().op) {
    case ChangeOp::Create:
        model->addPending(entry.localId, entry.params, m_state.user,
            QDateTime::fromMSecsSinceEpoch(entry.createdAtMs).toUTC());
        if (entry.status == Outbox::Status::Failed)
            model->updatePending(entry.localId, entry.params, entry.error);
        break;
    case ChangeOp::Edit:
    case ChangeOp::Delete:
        showOverlay(model, entry.kind().domain, entry.targetId());
        break;
    case ChangeOp::Attach:
        break; // the row changes when the server has it
    }
}

void OutboxProjection::onChanged(const Outbox::Entry &entry)
{
    PendingModel *model = modelFor(entry);
    if (!model)
        return;
    switch (entry.kind().op) {
    case ChangeOp::Create:
        model->updatePending(entry.localId, entry.params,
            entry.status == Outbox::Status::Failed ? entry.error : QString());
        break;
    case ChangeOp::Edit:
    case ChangeOp::Delete:
        showOverlay(model, entry.kind().domain, entry.targetId());
        break;
    case ChangeOp::Attach:
        break;
    }
}

void OutboxProjection::onRemoved(const Outbox::Entry &entry)
{
    // Acknowledged or discarded: the stored row (if any) is already in place.
    PendingModel *model = modelFor(entry);
    if (!model)
        return;
    switch (entry.kind().op) {
    case ChangeOp::Create:
        model->removePending(entry.localId);
        break;
    case ChangeOp::Edit:
    case ChangeOp::Delete:
        // Another queued change to the same row keeps its own marker.
        showOverlay(model, entry.kind().domain, entry.targetId());
        break;
    case ChangeOp::Attach:
        break;
    }
}

void OutboxProjection::showOverlay(PendingModel *model, ChangeDomain domain, qint64 targetId)
{
    Overlay overlay;
    const QList<Outbox::Entry> changes = m_outbox->changesOf(domain, targetId);
    for (const Outbox::Entry &change : changes) {
        if (change.kind().op == ChangeOp::Edit)
            overlay.edit = change.params; // the newest edit is what the row shows
        else
            overlay.deleting = true;
    }
    // The refusal the row reports is that of the change the row stands for.
    if (const auto shown = m_outbox->entry(m_outbox->changeShownBy(domain, {}, targetId));
        shown && shown->status == Outbox::Status::Failed)
        overlay.failure = shown->error;
    model->setOverlay(targetId, overlay);
}

void OutboxProjection::acknowledge(const Outbox::Entry &entry, const QJsonObject &result, bool gone)
{
    PendingModel *model = modelFor(entry);
    if (!model)
        return;
    if (entry.kind().op == ChangeOp::Delete)
        model->remove(entry.targetId());
    else if (!gone)
        model->applyStored(result);
}

} // namespace Hubbub::Client
