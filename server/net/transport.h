#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QString>

#include <span>

namespace Hubbub::Server {

//! The byte stream under one connection. Writes go straight to the kernel while nothing waits
//! before them, and only what the kernel cannot take now is kept. Two kinds: on Linux a
//! descriptor in the thread's one epoll set (EpollTransport), elsewhere a QTcpSocket
//! (SocketTransport), whose notifiers Qt's event dispatcher polls one by one.
class Transport : public QObject
{
    Q_OBJECT
public:
    //! Takes an accepted, connected descriptor; null (and the descriptor closed) on failure.
    static Transport *adopt(qintptr descriptor, QObject *parent = nullptr);

    using QObject::QObject;
    ~Transport() override;
    Q_DISABLE_COPY_MOVE(Transport)

    virtual bool isConnected() const = 0;
    //! Empty once disconnected. An IPv4 peer reads as IPv4 ("192.168.1.20") on a dual-stack
    //! socket too, not as "::ffff:192.168.1.20" (addressText()).
    virtual QString peerAddress() const = 0;
    //! Up to `maxBytes` of what has arrived; empty when nothing more is there now. Reading on
    //! after empty is how the peer's end of the stream is found.
    virtual QByteArray read(qint64 maxBytes) = 0;
    //! Reads and discards everything that has arrived.
    virtual void skipAll() = 0;
    //! While paused nothing is read and readyRead() is not emitted; the kernel's buffer fills
    //! and TCP slows the peer down.
    virtual void pauseReading(bool paused) = 0;
    //! Writes the frames in order: as many as the kernel takes now without copying them (one
    //! sendmsg() for a burst), the rest is kept until the socket is writable. Nothing on a
    //! socket that is no longer connected. Returns the bytes left waiting.
    virtual qint64 writeFrames(std::span<const QByteArray> frames) = 0;
    //! The bytes written but not yet taken by the kernel (what writeFrames() last returned,
    //! less what has gone since).
    virtual qint64 unsentBytes() const = 0;
    //! Ends the sending side (RFC 6455, 7.1.1): writes `lastBytes` (a close frame, or the
    //! refusal of a handshake) after anything still waiting, then half-closes the TCP
    //! connection; nothing is written after it. Reading goes on until the peer closes, so a
    //! request it sent meanwhile is read, not answered with a reset that would destroy the
    //! close frame before the peer reads it. False where half-closing is not supported.
    virtual bool closeWrites(const QByteArray &lastBytes) = 0;
    //! Closes once what waits is written.
    virtual void disconnectFromHost() = 0;
    //! Closes at once; disconnected() is emitted before it returns, unless it had been.
    virtual void abort() = 0;

Q_SIGNALS:
    //! Bytes have arrived (or the end of the stream): read() until it is empty.
    void readyRead();
    //! The connection is closed; emitted once.
    void disconnected();
};

//! How an address is shown and keyed (login throttle, signed-in devices): an IPv4-mapped IPv6
//! address as the IPv4 address it carries.
QString addressText(const QHostAddress &address);

} // namespace Hubbub::Server
