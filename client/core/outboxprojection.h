#pragma once

#include "outbox.h"

#include <QObject>

namespace Hubbub::Client {

class PendingModel;
struct SessionState;

//! Shows the changes queued in the outbox in the models: a pending row for a create, an
//! overlay for edits and deletes, the server's refusal on the row, and once the server has a
//! change, the stored row in its place. It reads the change table (ChangeKind), so a new
//! queued verb needs no code here.
class OutboxProjection final : public QObject
{
    Q_OBJECT
public:
    OutboxProjection(Outbox *outbox, SessionState &state, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(OutboxProjection)

    //! A channel was opened: its model shows the changes already queued for it.
    void showChannel(qint64 channelId);
    //! The server has the change: `result` is its reply; `gone` says the row it changes no
    //! longer exists (a delete or edit answered not_found).
    void acknowledge(const Outbox::Entry &entry, const QJsonObject &result, bool gone);

private:
    PendingModel *modelFor(const Outbox::Entry &entry) const;
    void onAdded(const Outbox::Entry &entry);
    void onChanged(const Outbox::Entry &entry);
    void onRemoved(const Outbox::Entry &entry);
    //! Recomputes how row `targetId` shows every edit and delete still queued for it.
    void showOverlay(PendingModel *model, ChangeDomain domain, qint64 targetId);

    Outbox *m_outbox;
    SessionState &m_state;
};

} // namespace Hubbub::Client
