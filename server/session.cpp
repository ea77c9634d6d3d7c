#include "session.h"

#include "logging.h"
#include "net/transport.h"
#include "net/wireframe.h"

#include <QAbstractEventDispatcher>

#include <algorithm>
#include <chrono>
#include <utility>

namespace Hubbub::Server {

FlushScheduler::FlushScheduler(QObject *parent)
    : QObject(parent)
{
    // Every dispatcher emits one of the two as it starts a pass: aboutToBlock when it may wait
    // (before it polls), awake otherwise (Qt's own dispatchers differ in which).
    if (QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance(thread())) {
        connect(
            dispatcher, &QAbstractEventDispatcher::aboutToBlock, this, &FlushScheduler::flushAll);
        connect(dispatcher, &QAbstractEventDispatcher::awake, this, &FlushScheduler::flushAll);
        m_onDispatcher = true;
    }
}

void FlushScheduler::add(Session *session)
{
    m_waiting.emplace_back(session);
    if (!m_onDispatcher && !m_posted) {
        m_posted = true;
        QMetaObject::invokeMethod(this, &FlushScheduler::flushAll, Qt::QueuedConnection);
    }
}

void FlushScheduler::forget(Session *session)
{
    std::replace(m_waiting.begin(), m_waiting.end(), session, static_cast<Session *>(nullptr));
    if (m_flushing)
        std::replace(
            m_flushing->begin(), m_flushing->end(), session, static_cast<Session *>(nullptr));
}

void FlushScheduler::flushAll()
{
    ++m_pass;
    m_posted = false;
    if (m_waiting.empty())
        return;
    std::vector<Session *> batch;
    batch.swap(m_waiting);
    std::vector<Session *> *outer = std::exchange(m_flushing, &batch);
    for (Session *session : batch) {
        if (session)
            session->flush();
    }
    m_flushing = outer;
}

Session::Session(QWebSocket *socket, Transport *transport, FlushScheduler &flusher,
    const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_transport(transport)
    , m_flusher(flusher)
    , m_maxOutgoing(config.maxOutgoingBufferBytes)
    , m_requests(config.requestsPerSecond, config.requestBurst)
    , m_bytes(config.bytesPerSecond, config.bytesBurst)
{
    m_socket->setParent(this);
    m_lastHeard.start();
}

Session::~Session()
{
    if (m_flushQueued)
        m_flusher.forget(this);
}

void Session::setUser(const User &user, const QByteArray &tokenHash)
{
    m_user = user;
    m_tokenHash = tokenHash;
}

void Session::clearUser()
{
    m_user.reset();
    m_tokenHash.clear();
}

void Session::updateUser(const User &user)
{
    if (m_user && m_user->id == user.id)
        m_user = user;
}

quint64 Session::openSlot()
{
    return m_nextSlot++;
}

void Session::fillSlot(quint64 slot, const QString &frame)
{
    fillSlotWire(slot, WireFrame::text(frame));
}

void Session::fillSlotWire(quint64 slot, const QByteArray &frame)
{
    if (slot == m_nextToSend && m_ready.empty()) {
        sendWire(frame); // the usual case: replies finish in order
        ++m_nextToSend;
        return;
    }
    m_ready.emplace(slot, frame);
    for (auto it = m_ready.begin(); it != m_ready.end() && it->first == m_nextToSend;
         it = m_ready.erase(it)) {
        sendWire(it->second);
        ++m_nextToSend;
    }
}

void Session::send(const QString &frame)
{
    if (m_dropping)
        return;
    sendWire(WireFrame::text(frame));
}

void Session::sendWire(const QByteArray &frame)
{
    // Nothing after our close frame; a socket that is no longer connected is left out when
    // the frames are written (Transport::writeFrames), which saves touching it here.
    if (m_dropping || m_closing)
        return;
    m_waiting.append(frame);
    if (!m_flushQueued) {
        m_flushQueued = true;
        m_flusher.add(this);
    }
}

void Session::flush()
{
    m_flushQueued = false;
    QList<QByteArray> frames;
    frames.swap(m_waiting); // an idle session keeps no buffer
    if (frames.isEmpty() || m_dropping || m_closing)
        return;
    if (m_transport->writeFrames(frames) > m_maxOutgoing)
        drop("its unsent data passed the bound (it is not reading)");
}

bool Session::withinShare(quint64 pass)
{
    // A slice well under a frame time: other peers wait at most this long per busy peer.
    constexpr qint64 ShareNs = 2'000'000;
    const qint64 now = std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::steady_clock::now().time_since_epoch())
                           .count();
    if (pass != m_sharePass) {
        m_sharePass = pass;
        m_shareStartNs = now;
        return true;
    }
    return now - m_shareStartNs < ShareNs;
}

void Session::defer(DeferredFrame frame)
{
    if (!m_backlog) {
        m_backlog = std::make_unique<Backlog>();
        m_transport->setReadBufferSize(1); // no more reading from the kernel for now
    }
    m_backlog->frames.append(std::move(frame));
}

Session::DeferredFrame Session::takeDeferred()
{
    DeferredFrame frame = std::move(m_backlog->frames[m_backlog->next++]);
    if (m_backlog->next == m_backlog->frames.size())
        clearDeferred();
    return frame;
}

void Session::clearDeferred()
{
    if (!m_backlog)
        return;
    m_backlog.reset();
    // Unlimited again; Qt re-enables its read notifier when the buffer has room.
    m_transport->setReadBufferSize(0);
}

void Session::ping()
{
    static const QByteArray frame = WireFrame::ping();
    sendWire(frame);
}

void Session::close(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    flush();
    if (m_closing || m_dropping)
        return;
    m_closing = true;
    if (!m_transport->closeWrites(WireFrame::close(quint16(code), reason)))
        m_socket->close(code, reason); // no half-close here: Qt's close, which may reset
}

void Session::drop(const char *reason)
{
    m_dropping = true;
    m_waiting.clear();
    qCInfo(lcNet) << "dropping" << peerAddress() << "because" << reason;
    // Deferred: the caller may be iterating over the sessions. abort() discards the backlog;
    // close() would keep it until a peer that does not read reads it.
    QMetaObject::invokeMethod(
        this, [this] { m_socket->abort(); }, Qt::QueuedConnection);
}

} // namespace Hubbub::Server
