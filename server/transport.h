#pragma once

#include <QByteArray>
#include <QList>
#include <QTcpSocket>

namespace Hubbub::Server {

//! The TCP socket under each WebSocket. Writes go straight to the kernel while nothing waits
//! before them, and only what the kernel cannot take now is buffered. That saves a copy and a
//! pass through the event loop per frame, and an idle connection keeps no 32 KiB write buffer
//! from its handshake reply (the largest part of an idle connection's memory otherwise).
class Transport final : public QTcpSocket
{
    Q_OBJECT
public:
    explicit Transport(QObject *parent = nullptr);
    ~Transport() override;
    Q_DISABLE_COPY_MOVE(Transport)

    //! Writes the frames in order: as many as the kernel takes now without copying them (one
    //! sendmsg() for a burst), the rest through the socket's buffer.
    void writeFrames(const QList<QByteArray> &frames);

protected:
    qint64 writeData(const char *data, qint64 size) override;
};

} // namespace Hubbub::Server
