#pragma once

// Linux only (compiled and included under Q_OS_LINUX).

#include "net/transport.h"

#include <QList>

#include <cstdint>

namespace Hubbub::Server {

class EpollSet;

//! A Transport on a raw descriptor in the thread's epoll set (EpollSet): read interest while
//! reading is not paused, write interest only while bytes wait for the kernel. The peer's end
//! of the stream, a reset or a hang-up ends it: disconnected() follows in a later pass, after
//! what had arrived was read.
class EpollTransport final : public Transport
{
    Q_OBJECT
public:
    explicit EpollTransport(QObject *parent = nullptr);
    ~EpollTransport() override;
    Q_DISABLE_COPY_MOVE(EpollTransport)

    //! Takes `descriptor` (connected); false if it cannot join the epoll set (left open).
    bool adopt(int descriptor);
    //! From EpollSet: what epoll_wait reported for this socket.
    void onEvents(std::uint32_t events);

    bool isConnected() const override { return m_descriptor >= 0; }
    QString peerAddress() const override;
    QByteArray read(qint64 maxBytes) override;
    void skipAll() override;
    void pauseReading(bool paused) override;
    qint64 writeFrames(std::span<const QByteArray> frames) override;
    qint64 unsentBytes() const override { return m_pendingBytes; }
    bool closeWrites(const QByteArray &lastBytes) override;
    void disconnectFromHost() override;
    void abort() override;

private:
    void updateInterest();
    void writePending();
    //! The stream has ended (end of stream, reset, hang-up): out of the epoll set now, closed
    //! and reported in a later pass.
    void end();
    void finish();

    EpollSet *m_set = nullptr;
    QList<QByteArray> m_pending; //!< what the kernel could not take yet, shared, not copied
    qint64 m_pendingBytes = 0;
    qsizetype m_pendingOffset = 0; //!< bytes of the first pending frame already sent
    int m_descriptor = -1;
    std::uint32_t m_interest = 0;
    bool m_inSet = false;
    bool m_paused = false;
    bool m_ended = false;
    bool m_writesClosed = false;
    bool m_shutdownWhenWritten = false;
    bool m_closeWhenWritten = false;
};

} // namespace Hubbub::Server
