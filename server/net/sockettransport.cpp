#include "net/sockettransport.h"

#ifdef Q_OS_UNIX
#include "net/sendvector.h"

#include <sys/socket.h>
#endif

namespace Hubbub::Server {

SocketTransport::SocketTransport(QObject *parent)
    : Transport(parent)
{
    m_socket.setParent(this); // a member, so gone before ~QObject; a child for findChildren
    connect(&m_socket, &QIODevice::readyRead, this, &Transport::readyRead);
    connect(&m_socket, &QAbstractSocket::disconnected, this, &Transport::disconnected);
}

SocketTransport::~SocketTransport()
{
    disconnect(&m_socket, nullptr, this, nullptr);
}

bool SocketTransport::setSocketDescriptor(qintptr descriptor)
{
    const bool done = m_socket.setSocketDescriptor(descriptor);
    m_descriptor = done ? descriptor : -1;
    if (done) // as EpollTransport::adopt(): writes are already batched per pass
        m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
    return done;
}

bool SocketTransport::isConnected() const
{
    return m_socket.state() == QAbstractSocket::ConnectedState;
}

QString SocketTransport::peerAddress() const
{
    return addressText(m_socket.peerAddress());
}

QByteArray SocketTransport::read(qint64 maxBytes)
{
    const qint64 available = m_socket.bytesAvailable();
    return available > 0 ? m_socket.read(std::min(available, maxBytes)) : QByteArray();
}

void SocketTransport::skipAll()
{
    m_socket.skip(m_socket.bytesAvailable());
}

void SocketTransport::pauseReading(bool paused)
{
    // Unlimited again, Qt re-enables its read notifier when the buffer has room.
    m_socket.setReadBufferSize(paused ? 1 : 0);
}

bool SocketTransport::hasQueued()
{
    if (m_queued && m_socket.bytesToWrite() == 0)
        m_queued = false;
    return m_queued;
}

qint64 SocketTransport::writeFrames(std::span<const QByteArray> frames)
{
    // The state guards the descriptor too: once closed, its number may belong to another file.
    if (m_writesClosed || !isConnected())
        return 0;
    size_t first = 0;
    qsizetype offset = 0;
#ifdef Q_OS_UNIX
    // Straight to the kernel only while nothing is queued before these frames: order is kept.
    while (first < frames.size() && !hasQueued()) {
        const SendResult sent = sendFrames(m_descriptor, frames.subspan(first), offset);
        first += sent.framesDone;
        offset = sent.offset;
        if (sent.stopped)
            break; // the kernel is full (or the socket failed): the rest goes to the buffer
    }
#endif
    if (first == frames.size())
        return 0;
    m_queued = true;
    m_socket.write(frames[first].constData() + offset, frames[first].size() - offset);
    for (size_t i = first + 1; i < frames.size(); ++i)
        m_socket.write(frames[i]);
    return m_socket.bytesToWrite();
}

bool SocketTransport::closeWrites(const QByteArray &lastBytes)
{
#ifdef Q_OS_UNIX
    if (m_writesClosed)
        return true;
    if (!isConnected())
        return false;
    writeFrames({&lastBytes, 1});
    m_writesClosed = true;
    if (hasQueued())
        connect(&m_socket, &QIODevice::bytesWritten, this, &SocketTransport::shutdownWhenWritten);
    else
        shutdownWhenWritten();
    return true;
#else
    Q_UNUSED(lastBytes);
    return false;
#endif
}

void SocketTransport::shutdownWhenWritten()
{
#ifdef Q_OS_UNIX
    if (!hasQueued() && isConnected()) {
        disconnect(
            &m_socket, &QIODevice::bytesWritten, this, &SocketTransport::shutdownWhenWritten);
        ::shutdown(int(m_descriptor), SHUT_WR);
    }
#endif
}

void SocketTransport::disconnectFromHost()
{
    m_socket.disconnectFromHost();
}

void SocketTransport::abort()
{
    m_socket.abort();
}

} // namespace Hubbub::Server
