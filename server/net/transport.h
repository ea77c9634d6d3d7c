#pragma once

#include <QByteArray>
#include <QList>
#include <QTcpSocket>

namespace Hubbub::Server {

//! The TCP socket under each connection. Writes go straight to the kernel while nothing waits
//! before them, and only what the kernel cannot take now is buffered. That saves a copy and a
//! pass through the event loop per frame, and an idle connection keeps no write buffer.
class Transport final : public QTcpSocket
{
    Q_OBJECT
public:
    explicit Transport(QObject *parent = nullptr);
    ~Transport() override;
    Q_DISABLE_COPY_MOVE(Transport)

    bool setSocketDescriptor(
        qintptr descriptor, SocketState state = ConnectedState, OpenMode mode = ReadWrite) override;

    //! Writes the frames in order: as many as the kernel takes now without copying them (one
    //! sendmsg() for a burst), the rest through the socket's buffer. Nothing on a socket that
    //! is no longer connected. Returns the bytes left waiting in the socket's buffer.
    qint64 writeFrames(const QList<QByteArray> &frames);
    //! Ends the sending side (RFC 6455, 7.1.1): writes `lastBytes` (a close frame, or the
    //! refusal of a handshake) after anything still queued, then half-closes the TCP
    //! connection; nothing is written after it. Reading goes on until the peer closes, so a
    //! request it sent meanwhile is read, not answered with a reset that would destroy the
    //! close frame before the peer reads it. False where half-closing is not supported.
    bool closeWrites(const QByteArray &lastBytes);

private:
    //! Whether bytes wait in QTcpSocket's buffer. Tracked here so that the usual case, a
    //! socket with nothing queued, does not touch the socket's private data at all: with a
    //! thousand peers, every object touched per peer is a cache miss.
    bool hasQueued();
    void shutdownWhenWritten();

    qintptr m_descriptor = -1;
    bool m_queued = false;
    bool m_writesClosed = false;
};

} // namespace Hubbub::Server
