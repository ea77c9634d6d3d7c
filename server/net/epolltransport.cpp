#include "net/epolltransport.h"

#include "net/connection.h"
#include "net/epollset.h"
#include "net/sendvector.h"

#include <QHostAddress>

#include <fcntl.h>
#include <memory>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <unistd.h>

namespace Hubbub::Server {

// Connection::prefetchTransport() fetches this much of a transport before a broadcast sends.
static_assert(sizeof(EpollTransport) <= Connection::TransportPrefetchBytes);

namespace {

//! One receive buffer per thread: a read copies out only what arrived.
constexpr qint64 ScratchBytes = 256 * 1024;
thread_local std::unique_ptr<char[]> t_scratch;

} // namespace

EpollTransport::EpollTransport(QObject *parent)
    : Transport(parent)
{ }

EpollTransport::~EpollTransport()
{
    if (m_inSet)
        m_set->remove(m_descriptor, this);
    if (m_descriptor >= 0)
        ::close(m_descriptor);
}

bool EpollTransport::adopt(int descriptor)
{
    m_set = EpollSet::forThisThread();
    if (!m_set)
        return false;
    ::fcntl(descriptor, F_SETFL, ::fcntl(descriptor, F_GETFL) | O_NONBLOCK);
    // Writes are already batched (one sendmsg() per pass): Nagle's algorithm could only hold a
    // later small write until the peer's delayed ACK, 40 ms on Linux.
    const int one = 1;
    ::setsockopt(descriptor, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    m_interest = EPOLLIN;
    if (!m_set->add(descriptor, this, m_interest))
        return false;
    m_inSet = true;
    m_descriptor = descriptor;
    return true;
}

QString EpollTransport::peerAddress() const
{
    sockaddr_storage address {};
    socklen_t length = sizeof address;
    if (m_descriptor < 0
        || ::getpeername(m_descriptor, reinterpret_cast<sockaddr *>(&address), &length) != 0)
        return {};
    return addressText(QHostAddress(reinterpret_cast<const sockaddr *>(&address)));
}

void EpollTransport::onEvents(std::uint32_t events)
{
    if (events & EPOLLOUT)
        writePending();
    if (m_ended || !(events & (EPOLLIN | EPOLLHUP | EPOLLERR)))
        return;
    // The receiver reads until read() is empty, which is where the end of the stream or an
    // error is found; paused, the read interest is out, and only a hang-up or error gets here.
    if (!m_paused)
        Q_EMIT readyRead();
    if (events & (EPOLLHUP | EPOLLERR))
        end();
}

QByteArray EpollTransport::read(qint64 maxBytes)
{
    if (m_ended || m_descriptor < 0)
        return {};
    if (!t_scratch)
        t_scratch = std::make_unique<char[]>(ScratchBytes);
    for (;;) {
        const ssize_t n = ::recv(
            m_descriptor, t_scratch.get(), size_t(std::min(maxBytes, ScratchBytes)), MSG_DONTWAIT);
        if (n > 0)
            return QByteArray(t_scratch.get(), qsizetype(n));
        if (n < 0 && errno == EINTR)
            continue;
        if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK))
            end(); // the peer's end of the stream, or a reset
        return {};
    }
}

void EpollTransport::skipAll()
{
    while (!read(ScratchBytes).isEmpty()) { }
}

void EpollTransport::pauseReading(bool paused)
{
    m_paused = paused;
    updateInterest();
}

void EpollTransport::updateInterest()
{
    if (!m_inSet)
        return;
    const std::uint32_t interest
        = (m_paused ? 0u : std::uint32_t(EPOLLIN)) | (m_pending.isEmpty() ? 0u : EPOLLOUT);
    if (interest != m_interest) {
        m_interest = interest;
        m_set->modify(m_descriptor, this, interest);
    }
}

qint64 EpollTransport::writeFrames(std::span<const QByteArray> frames)
{
    if (m_writesClosed || m_ended || m_descriptor < 0)
        return 0;
    size_t first = 0;
    qsizetype offset = 0;
    if (m_pending.isEmpty()) {
        // Straight to the kernel only while nothing waits before these frames: order is kept.
        while (first < frames.size()) {
            const SendResult sent = sendFrames(m_descriptor, frames.subspan(first), offset);
            first += sent.framesDone;
            offset = sent.offset;
            if (sent.failed) {
                end();
                return 0;
            }
            if (sent.stopped)
                break;
        }
        if (first == frames.size())
            return 0;
        m_pendingOffset = offset;
        m_pendingBytes = -offset;
    }
    for (size_t i = first; i < frames.size(); ++i) {
        m_pending.append(frames[i]);
        m_pendingBytes += frames[i].size();
    }
    updateInterest();
    return m_pendingBytes;
}

void EpollTransport::writePending()
{
    while (!m_pending.isEmpty() && !m_ended) {
        const SendResult sent = sendFrames(m_descriptor, m_pending, m_pendingOffset);
        if (sent.failed) {
            end();
            return;
        }
        qint64 written = sent.offset - m_pendingOffset;
        for (size_t i = 0; i < sent.framesDone; ++i)
            written += m_pending.at(qsizetype(i)).size();
        m_pending.remove(0, qsizetype(sent.framesDone));
        m_pendingBytes -= written;
        m_pendingOffset = sent.offset;
        if (sent.stopped)
            return; // still full: the write interest stays
    }
    if (m_ended)
        return;
    m_pendingBytes = 0;
    updateInterest();
    if (m_shutdownWhenWritten) {
        m_shutdownWhenWritten = false;
        ::shutdown(m_descriptor, SHUT_WR);
    }
    if (m_closeWhenWritten)
        finish();
}

bool EpollTransport::closeWrites(const QByteArray &lastBytes)
{
    if (m_writesClosed)
        return true;
    if (m_ended || m_descriptor < 0)
        return false;
    writeFrames({&lastBytes, 1});
    m_writesClosed = true;
    if (!m_pending.isEmpty())
        m_shutdownWhenWritten = true;
    else if (!m_ended)
        ::shutdown(m_descriptor, SHUT_WR);
    return true;
}

void EpollTransport::disconnectFromHost()
{
    if (!m_pending.isEmpty() && !m_ended)
        m_closeWhenWritten = true;
    else
        finish();
}

void EpollTransport::abort()
{
    finish();
}

void EpollTransport::end()
{
    if (m_ended)
        return;
    m_ended = true;
    m_pending.clear();
    m_pendingBytes = 0;
    if (m_inSet) {
        m_inSet = false;
        m_set->remove(m_descriptor, this);
    }
    // Later: the caller may be the receiver, in the middle of reading.
    QMetaObject::invokeMethod(this, &EpollTransport::finish, Qt::QueuedConnection);
}

void EpollTransport::finish()
{
    if (m_descriptor < 0)
        return;
    if (m_inSet) {
        m_inSet = false;
        m_set->remove(m_descriptor, this);
    }
    ::close(m_descriptor);
    m_descriptor = -1;
    m_ended = true;
    m_pending.clear();
    m_pendingBytes = 0;
    Q_EMIT disconnected();
}

} // namespace Hubbub::Server
