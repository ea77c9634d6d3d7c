#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QTcpSocket>
#include <QUrl>

#include <optional>

namespace Hubbub::Test {

//! WebSocket opcodes (RFC 6455, 5.2); a RawFrame may carry any other value too.
enum Opcode : quint8 {
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xa,
};

//! One WebSocket frame as it goes on the wire; every field may be made to lie.
struct RawFrame
{
    quint8 opcode = Text;
    QByteArray payload;
    bool fin = true;
    quint8 rsv = 0; //!< the three reserved bits, 0..7
    bool masked = true;
    std::optional<quint64> declaredLength {}; //!< a length header that differs from the payload
};

//! The frame's bytes: the shortest length encoding (unless `declaredLength` says otherwise),
//! masked with a random key when `masked`.
QByteArray encodeFrame(const RawFrame &frame);

//! A masked, unfragmented client text frame (RFC 6455), for tests that speak WebSocket on a
//! bare socket.
QByteArray maskedTextFrame(const QByteArray &payload);

//! A WebSocket client on a bare QTcpSocket: the handshake by hand and frames exactly as the test
//! writes them, so that a test decides when it reads, what it answers, and how much it buffers.
//! It parses what arrives as soon as it arrives (until stopReading()).
class RawPeer
{
public:
    struct Options
    {
        //! The source address to connect from (another loopback address stands in for another
        //! machine); null: chosen by the system.
        QHostAddress bindAddress;
        //! SO_RCVBUF set before connecting, so that a peer that stops reading leaves the bytes
        //! in the server rather than in this process or the kernel; 0: the system's default.
        int receiveBufferBytes = 0;
        //! Answer a ping with a pong and the server's close frame with one; false: a peer that
        //! stays silent (the server's ping timeout is what ends it).
        bool answerControlFrames = true;
    };

    RawPeer();
    explicit RawPeer(const Options &options);
    Q_DISABLE_COPY_MOVE(RawPeer)

    QTcpSocket &socket() { return m_socket; }
    const QTcpSocket &socket() const { return m_socket; }

    //! The TCP connection only, no handshake (for tests of handshakes that never finish).
    bool connectTcp(const QUrl &url, int timeoutMs = 5000);
    //! Connects and upgrades; true once the server answered 101.
    bool open(const QUrl &url, int timeoutMs = 5000);

    void send(const RawFrame &frame);
    void sendJson(const QJsonObject &object);
    //! Sends {type, id, ...params} with the next id (1, 2, ...) and returns the id.
    qint64 sendRequest(const QString &type, QJsonObject params = {});
    //! The reply to `id` (taken out of frames()); an empty object on timeout or disconnect.
    QJsonObject waitReply(qint64 id, int timeoutMs = 10000);
    //! sendRequest() then waitReply().
    QJsonObject request(const QString &type, const QJsonObject &params = {}, int timeoutMs = 10000);
    //! The next frame of type "reply" whatever its id, or an empty object after `timeoutMs`.
    QJsonObject nextReply(int timeoutMs = 10000);
    //! Waits until the server has closed the connection; the close code it sent, if any.
    std::optional<int> waitClosed(int timeoutMs = 15000);

    //! Parses what arrived: text frames into frames(), pings counted and control frames
    //! answered if the options say so.
    void pump();
    //! From now on nothing is read: Qt keeps at most `bufferedBytes`, the kernel its buffer.
    void stopReading(qint64 bufferedBytes = 1);
    //! Reads (and parses) again, without a limit.
    void resumeReading();

    //! Text frames received and not yet taken by waitReply() or nextReply().
    const QList<QJsonObject> &frames() const { return m_frames; }
    void clearFrames() { m_frames.clear(); }
    //! The code of the server's close frame (1005 when it had none), once one arrived.
    std::optional<int> closeCode() const { return m_closeCode; }
    int pingsReceived() const { return m_pings; }

private:
    Options m_options;
    QTcpSocket m_socket;
    QByteArray m_buffer;
    QList<QJsonObject> m_frames;
    std::optional<int> m_closeCode;
    qint64 m_nextId = 1;
    int m_pings = 0;
    bool m_upgraded = false;
    bool m_reading = true;
};

} // namespace Hubbub::Test
