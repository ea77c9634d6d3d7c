#include "net/transport.h"

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

//! One sendmsg(); the bytes the kernel took, 0 when it would block, -1 on an error (which the
//! QTcpSocket then meets and reports itself when it writes the rest).
qint64 sendVector(qintptr descriptor, iovec *vectors, int count)
{
    msghdr message {};
    message.msg_iov = vectors;
    message.msg_iovlen = decltype(message.msg_iovlen)(count);
    for (;;) {
        const ssize_t written = ::sendmsg(int(descriptor), &message, SendFlags);
        if (written >= 0)
            return qint64(written);
        if (errno != EINTR)
            return errno == EAGAIN || errno == EWOULDBLOCK ? 0 : -1;
    }
}
#endif

} // namespace

Transport::Transport(QObject *parent)
    : QTcpSocket(parent)
{ }

Transport::~Transport() = default;

bool Transport::setSocketDescriptor(qintptr descriptor, SocketState state, OpenMode mode)
{
    const bool done = QTcpSocket::setSocketDescriptor(descriptor, state, mode);
    m_descriptor = done ? descriptor : -1;
    return done;
}

bool Transport::hasQueued()
{
    if (m_queued && bytesToWrite() == 0)
        m_queued = false;
    return m_queued;
}

qint64 Transport::writeFrames(const QList<QByteArray> &frames)
{
    if (m_writesClosed)
        return 0;
    // The state guards the descriptor too: once closed, its number may belong to another file.
    if (state() != ConnectedState)
        return 0;
    qsizetype first = 0;
    qsizetype offset = 0;
#ifdef Q_OS_UNIX
    // Straight to the kernel only while nothing is queued before these frames: order is kept.
    while (first < frames.size() && !hasQueued()) {
        iovec vectors[MaxIovecs];
        int count = 0;
        qint64 offered = 0;
        for (qsizetype i = first; i < frames.size() && count < MaxIovecs; ++i, ++count) {
            const qsizetype skip = i == first ? offset : 0;
            vectors[count].iov_base = const_cast<char *>(frames.at(i).constData() + skip);
            vectors[count].iov_len = size_t(frames.at(i).size() - skip);
            offered += frames.at(i).size() - skip;
        }
        const qint64 written = sendVector(m_descriptor, vectors, count);
        for (qint64 left = written; left > 0;) {
            const qsizetype rest = frames.at(first).size() - offset;
            if (left < rest) {
                offset += qsizetype(left);
                break;
            }
            left -= rest;
            ++first;
            offset = 0;
        }
        if (written < offered)
            break; // the kernel is full (or the socket failed): the rest goes to the buffer
    }
#endif
    if (first == frames.size())
        return 0;
    m_queued = true;
    write(frames.at(first).constData() + offset, frames.at(first).size() - offset);
    for (qsizetype i = first + 1; i < frames.size(); ++i)
        write(frames.at(i));
    return bytesToWrite();
}

bool Transport::closeWrites(const QByteArray &lastBytes)
{
#ifdef Q_OS_UNIX
    if (m_writesClosed)
        return true;
    if (state() != ConnectedState)
        return false;
    writeFrames({lastBytes});
    m_writesClosed = true;
    if (hasQueued())
        connect(this, &QIODevice::bytesWritten, this, &Transport::shutdownWhenWritten);
    else
        shutdownWhenWritten();
    return true;
#else
    Q_UNUSED(lastBytes);
    return false;
#endif
}

void Transport::shutdownWhenWritten()
{
#ifdef Q_OS_UNIX
    if (!hasQueued() && state() == ConnectedState) {
        disconnect(this, &QIODevice::bytesWritten, this, &Transport::shutdownWhenWritten);
        ::shutdown(int(m_descriptor), SHUT_WR);
    }
#endif
}

} // namespace Hubbub::Server
