#pragma once

#include "net/transport.h"

#include <QTcpSocket>

namespace Hubbub::Server {

//! A Transport over a QTcpSocket: the portable kind (macOS, Windows), and on Linux the one a
//! test or an A/B measurement asks for with HUBBUB_NET_QT_SOCKETS=1. Each socket has its own
//! notifiers, which the event dispatcher polls one by one on every pass.
class SocketTransport final : public Transport
{
    Q_OBJECT
public:
    explicit SocketTransport(QObject *parent = nullptr);
    ~SocketTransport() override;
    Q_DISABLE_COPY_MOVE(SocketTransport)

    bool setSocketDescriptor(qintptr descriptor);

    bool isConnected() const override;
    QString peerAddress() const override;
    QByteArray read(qint64 maxBytes) override;
    void skipAll() override;
    void pauseReading(bool paused) override;
    qint64 writeFrames(std::span<const QByteArray> frames) override;
    qint64 unsentBytes() const override { return m_socket.bytesToWrite(); }
    bool closeWrites(const QByteArray &lastBytes) override;
    void disconnectFromHost() override;
    void abort() override;

private:
    //! Whether bytes wait in QTcpSocket's buffer. Tracked here so that the usual case, a
    //! socket with nothing queued, does not touch the socket's private data at all: with a
    //! thousand peers, every object touched per peer is a cache miss.
    bool hasQueued();
    void shutdownWhenWritten();

    QTcpSocket m_socket;
    qintptr m_descriptor = -1;
    bool m_queued = false;
    bool m_writesClosed = false;
};

} // namespace Hubbub::Server
