#include "session.h"

#include "logging.h"
#include "wireframe.h"

#include <QTcpSocket>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <sys/socket.h>
#include <sys/uio.h>
#endif

namespace Hubbub::Server {

namespace {

#ifdef Q_OS_UNIX
#ifdef MSG_NOSIGNAL
constexpr int SendFlags = MSG_DONTWAIT | MSG_NOSIGNAL;
#else
constexpr int SendFlags = MSG_DONTWAIT; // macOS: Qt sets SO_NOSIGPIPE on its sockets
#endif
constexpr int MaxIovecs = 64;

//! Writes as much of `frames` as the kernel takes now, without copying; returns the index of
//! the first frame not fully written and how much of it was. Stops at a full socket buffer or
//! an error (the QTcpSocket reports errors itself once it writes the rest).
std::pair<qsizetype, qsizetype> sendNow(qintptr descriptor, const QList<QByteArray> &frames)
{
    qsizetype first = 0;
    qsizetype offset = 0;
    while (first < frames.size()) {
        iovec vectors[MaxIovecs];
        int count = 0;
        qsizetype offered = 0;
        for (qsizetype i = first; i < frames.size() && count < MaxIovecs; ++i, ++count) {
            const qsizetype skip = i == first ? offset : 0;
            vectors[count].iov_base = const_cast<char *>(frames.at(i).constData() + skip);
            vectors[count].iov_len = size_t(frames.at(i).size() - skip);
            offered += frames.at(i).size() - skip;
        }
        msghdr message {};
        message.msg_iov = vectors;
        message.msg_iovlen = decltype(message.msg_iovlen)(count);
        const ssize_t written = ::sendmsg(int(descriptor), &message, SendFlags);
        if (written < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        qsizetype left = qsizetype(written);
        while (left > 0) {
            const qsizetype rest = frames.at(first).size() - offset;
            if (left < rest) {
                offset += left;
                break;
            }
            left -= rest;
            ++first;
            offset = 0;
        }
        if (qsizetype(written) < offered)
            break; // the kernel is full; the rest waits in the QTcpSocket
    }
    return {first, offset};
}
#endif

} // namespace

FlushScheduler::FlushScheduler(QObject *parent)
    : QObject(parent)
{ }

void FlushScheduler::add(Session *session)
{
    m_waiting.emplace_back(session);
    if (!m_posted) {
        m_posted = true;
        QMetaObject::invokeMethod(this, &FlushScheduler::flushAll, Qt::QueuedConnection);
    }
}

void FlushScheduler::flushAll()
{
    m_posted = false;
    std::vector<QPointer<Session>> waiting;
    waiting.swap(m_waiting);
    for (const QPointer<Session> &session : waiting) {
        if (session)
            session->flush();
    }
}

Session::Session(QWebSocket *socket, QTcpSocket *transport, FlushScheduler &flusher,
    const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_transport(transport)
    , m_flusher(flusher)
    , m_peerAddress(socket->peerAddress().toString())
    , m_maxOutgoing(config.maxOutgoingBufferBytes)
    , m_requests(config.requestsPerSecond, config.requestBurst)
    , m_bytes(config.bytesPerSecond, config.bytesBurst)
{
    m_socket->setParent(this);
    m_lastHeard.start();
}

Session::~Session() = default;

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
    m_ready.emplace(slot, frame);
    for (auto it = m_ready.begin(); it != m_ready.end() && it->first == m_nextToSend;
         it = m_ready.erase(it)) {
        send(it->second);
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
    // Like QWebSocket::sendTextMessage: nothing after our close frame, nothing on a dead socket.
    if (m_dropping || !m_transport || m_socket->state() != QAbstractSocket::ConnectedState)
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
    if (frames.isEmpty() || m_dropping || !m_transport
        || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    qsizetype first = 0;
    qsizetype offset = 0;
#ifdef Q_OS_UNIX
    // Straight to the kernel while nothing is queued before these frames, so order is kept.
    if (m_transport->bytesToWrite() == 0)
        std::tie(first, offset) = sendNow(m_transport->socketDescriptor(), frames);
#endif
    if (first == frames.size())
        return;
    // The rest waits in the QTcpSocket, which sends it as the peer reads.
    m_transport->write(frames.at(first).constData() + offset, frames.at(first).size() - offset);
    for (qsizetype i = first + 1; i < frames.size(); ++i)
        m_transport->write(frames.at(i));
    if (m_transport->bytesToWrite() > m_maxOutgoing)
        drop("its unsent data passed the bound (it is not reading)");
}

void Session::ping()
{
    static const QByteArray frame = WireFrame::ping();
    sendWire(frame);
}

void Session::close(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    flush();
    m_socket->close(code, reason);
}

void Session::drop(const char *reason)
{
    m_dropping = true;
    m_waiting.clear();
    qCInfo(lcNet) << "dropping" << m_peerAddress << "because" << reason;
    // Deferred: the caller may be iterating over the sessions. abort() discards the backlog;
    // close() would keep it until a peer that does not read reads it.
    QMetaObject::invokeMethod(
        this, [this] { m_socket->abort(); }, Qt::QueuedConnection);
}

} // namespace Hubbub::Server
