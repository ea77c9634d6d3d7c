#pragma once

#include "outbox.h"

#include <QObject>
#include <QTimer>

namespace Hubbub::Client {

class Connection;
class ImageCache;
class OutboxProjection;
class Reply;

//! Carries the outbox to the server, one change at a time and in order: uploads a change's
//! image first, sends it, and decides from the answer what happens to it. This is the one
//! place that says what happens when a change is refused, lost or answered with a fault.
class OutboxSender final : public QObject
{
    Q_OBJECT
public:
    OutboxSender(Outbox *outbox, Connection *connection, ImageCache *images,
        OutboxProjection *projection, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(OutboxSender)

    //! Sends the next queued change when online, nothing is in flight and no retry waits.
    void pump();
    //! Online again after a (re)connect: whatever was on its way goes again, in order.
    void resume();
    //! Signed out: no retry waits, and the next account starts with fresh fault counts.
    void reset();
    //! Failed → Queued, and send.
    void retry(const QString &localId);
    //! Drops a change unless it is on its way (its answer decides then). False if too late.
    bool discard(const QString &localId);

    //! How long the sender waits after a timeout, a fault and rate_limited without a hint.
    static constexpr int TimeoutRetryMs = 1000;
    static constexpr int FaultRetryMs = 2000;
    static constexpr int RateLimitedRetryMs = 1000;
    static constexpr int MaxRetryMs = 60000;
    //! Server faults (internal) in a row after which a change shows as not sent.
    static constexpr int FaultsBeforeFailing = 3;

Q_SIGNALS:
    //! The server refused the change for good; it stays in the outbox as Failed.
    void refused(const QString &localId, const QString &message);
    //! The row the change was for is gone (deleted meanwhile): the change was dropped, and
    //! its kind's lostNotice says so. Once per change.
    void lost(const Hubbub::Client::Outbox::Entry &entry);

private:
    void send(const Outbox::Entry &entry);
    void onAnswer(const Outbox::Entry &entry, const Reply &reply);
    void waitAndRetry(int ms);

    Outbox *m_outbox;
    Connection *m_connection;
    ImageCache *m_images;
    OutboxProjection *m_projection;
    QTimer m_retryTimer; //!< after a timeout, a fault or rate_limited
};

} // namespace Hubbub::Client
