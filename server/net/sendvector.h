#pragma once

// POSIX only: included by the transports inside #ifdef Q_OS_UNIX.

#include <QByteArray>

#include <cerrno>
#include <span>
#include <sys/socket.h>
#include <sys/uio.h>

namespace Hubbub::Server {

//! What one sendmsg() of a run of frames did.
struct SendResult
{
    size_t framesDone = 0; //!< whole frames the kernel took
    qsizetype offset = 0; //!< bytes it took of the next one
    bool stopped = false; //!< it took less than offered: the kernel is full, or failed
    bool failed = false; //!< the socket failed (reset, broken pipe)
};

//! One sendmsg() of up to 64 frames, the first from `offset` on; never blocks, never raises
//! SIGPIPE.
inline SendResult sendFrames(
    qintptr descriptor, std::span<const QByteArray> frames, qsizetype offset)
{
#ifdef MSG_NOSIGNAL
    constexpr int Flags = MSG_DONTWAIT | MSG_NOSIGNAL;
#else
    constexpr int Flags = MSG_DONTWAIT; // macOS: Qt sets SO_NOSIGPIPE on its sockets
#endif
    constexpr size_t MaxIovecs = 64;
    iovec vectors[MaxIovecs];
    size_t count = 0;
    qint64 offered = 0;
    for (; count < frames.size() && count < MaxIovecs; ++count) {
        const qsizetype skip = count == 0 ? offset : 0;
        vectors[count].iov_base = const_cast<char *>(frames[count].constData() + skip);
        vectors[count].iov_len = size_t(frames[count].size() - skip);
        offered += frames[count].size() - skip;
    }
    msghdr message {};
    message.msg_iov = vectors;
    message.msg_iovlen = decltype(message.msg_iovlen)(count);
    qint64 written = 0;
    SendResult result;
    for (;;) {
        const ssize_t n = ::sendmsg(int(descriptor), &message, Flags);
        if (n >= 0) {
            written = qint64(n);
            break;
        }
        if (errno != EINTR) {
            result.failed = errno != EAGAIN && errno != EWOULDBLOCK;
            break;
        }
    }
    result.offset = offset;
    for (qint64 left = written; left > 0;) {
        const qsizetype rest = frames[result.framesDone].size() - result.offset;
        if (left < rest) {
            result.offset += qsizetype(left);
            break;
        }
        left -= rest;
        ++result.framesDone;
        result.offset = 0;
    }
    result.stopped = written < offered;
    return result;
}

} // namespace Hubbub::Server
