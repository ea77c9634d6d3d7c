#include "rawpeer.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>
#include <QtEndian>

namespace Hubbub::Test {

QByteArray encodeFrame(const RawFrame &frame)
{
    QByteArray out;
    out.append(char((frame.fin ? 0x80 : 0) | ((frame.rsv & 7) << 4) | (frame.opcode & 0x0f)));
    const quint64 length = frame.declaredLength.value_or(quint64(frame.payload.size()));
    const char maskBit = frame.masked ? char(0x80) : char(0);
    if (length < 126) {
        out.append(char(maskBit | char(length)));
    } else if (length <= 0xffff) {
        out.append(char(maskBit | 126));
        const quint16 big = qToBigEndian(quint16(length));
        out.append(reinterpret_cast<const char *>(&big), sizeof big);
    } else {
        out.append(char(maskBit | 127));
        const quint64 big = qToBigEndian(length);
        out.append(reinterpret_cast<const char *>(&big), sizeof big);
    }
    QByteArray payload = frame.payload;
    if (frame.masked) {
        const quint32 key = QRandomGenerator::global()->generate();
        const char mask[4] = {char(key >> 24), char(key >> 16), char(key >> 8), char(key)};
        out.append(mask, 4);
        char *data = payload.data();
        for (qsizetype i = 0; i < payload.size(); ++i)
            data[i] = char(data[i] ^ mask[i & 3]);
    }
    out.append(payload);
    return out;
}

QByteArray maskedTextFrame(const QByteArray &payload)
{
    return encodeFrame(RawFrame {Text, payload});
}

RawPeer::RawPeer()
    : RawPeer(Options {})
{ }

RawPeer::RawPeer(const Options &options)
    : m_options(options)
{
    // Parse as soon as bytes arrive: a server that closes while this peer is still sending
    // makes its kernel send a reset, which discards whatever was not read yet here (the close
    // frame included).
    QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] {
        if (m_upgraded && m_reading)
            pump();
    });
}

bool RawPeer::connectTcp(const QUrl &url, int timeoutMs)
{
    if (!m_options.bindAddress.isNull() || m_options.receiveBufferBytes > 0) {
        // Bound first: connectToHost() then uses this very socket, so the source address and
        // the receive buffer (which must be set before the window is negotiated) apply to it.
        QHostAddress from = m_options.bindAddress;
        if (from.isNull()) {
            from = QHostAddress(url.host()).protocol() == QAbstractSocket::IPv6Protocol
                ? QHostAddress::AnyIPv6
                : QHostAddress::AnyIPv4;
        }
        if (!m_socket.bind(from, 0))
            return false;
        if (m_options.receiveBufferBytes > 0) {
            m_socket.setSocketOption(
                QAbstractSocket::ReceiveBufferSizeSocketOption, m_options.receiveBufferBytes);
        }
    }
    m_socket.connectToHost(url.host(), quint16(url.port()));
    (void)QTest::qWaitFor(
        [this] {
            return m_socket.state() == QAbstractSocket::ConnectedState
                || m_socket.state() == QAbstractSocket::UnconnectedState;
        },
        timeoutMs);
    if (m_socket.state() != QAbstractSocket::ConnectedState)
        return false;
    if (m_options.receiveBufferBytes > 0) {
        // Linux reports twice the size asked for (its bookkeeping); more than that means the
        // option did not reach the connected socket, and the peer would not be slow at all.
        const int size
            = m_socket.socketOption(QAbstractSocket::ReceiveBufferSizeSocketOption).toInt();
        if (size <= 0 || size > 2 * m_options.receiveBufferBytes)
            return false;
    }
    return true;
}

bool RawPeer::open(const QUrl &url, int timeoutMs)
{
    if (!connectTcp(url, timeoutMs))
        return false;
    m_socket.write("GET / HTTP/1.1\r\nHost: " + url.host().toLatin1() + ':'
        + QByteArray::number(url.port())
        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    qsizetype end = -1;
    (void)QTest::qWaitFor(
        [&] {
            m_buffer += m_socket.readAll();
            end = m_buffer.indexOf("\r\n\r\n");
            return end >= 0 || m_socket.state() != QAbstractSocket::ConnectedState;
        },
        timeoutMs);
    if (end < 0)
        return false;
    // From here on every byte is parsed as it arrives (see the constructor).
    m_upgraded = m_buffer.startsWith("HTTP/1.1 101");
    m_buffer.remove(0, end + 4);
    return m_upgraded;
}

void RawPeer::send(const RawFrame &frame)
{
    m_socket.write(encodeFrame(frame));
}

void RawPeer::sendJson(const QJsonObject &object)
{
    send({Text, QJsonDocument(object).toJson(QJsonDocument::Compact)});
}

qint64 RawPeer::sendRequest(const QString &type, QJsonObject params)
{
    const qint64 id = m_nextId++;
    params.insert(QStringLiteral("type"), type);
    params.insert(QStringLiteral("id"), id);
    sendJson(params);
    return id;
}

QJsonObject RawPeer::waitReply(qint64 id, int timeoutMs)
{
    QJsonObject found;
    (void)QTest::qWaitFor(
        [&] {
            pump();
            for (qsizetype i = 0; i < m_frames.size(); ++i) {
                const QJsonObject &frame = m_frames.at(i);
                if (frame.value(QLatin1StringView("type")).toString() == u"reply"
                    && frame.value(QLatin1StringView("id")).toInteger() == id) {
                    found = m_frames.takeAt(i);
                    return true;
                }
            }
            return m_socket.state() == QAbstractSocket::UnconnectedState;
        },
        timeoutMs);
    return found;
}

QJsonObject RawPeer::request(const QString &type, const QJsonObject &params, int timeoutMs)
{
    return waitReply(sendRequest(type, params), timeoutMs);
}

QJsonObject RawPeer::nextReply(int timeoutMs)
{
    QJsonObject found;
    (void)QTest::qWaitFor(
        [&] {
            pump();
            for (qsizetype i = 0; i < m_frames.size(); ++i) {
                if (m_frames.at(i).value(QLatin1StringView("type")).toString() == u"reply") {
                    found = m_frames.takeAt(i);
                    return true;
                }
            }
            return m_socket.state() == QAbstractSocket::UnconnectedState;
        },
        timeoutMs);
    return found;
}

std::optional<int> RawPeer::waitClosed(int timeoutMs)
{
    (void)QTest::qWaitFor(
        [&] {
            pump();
            return m_socket.state() == QAbstractSocket::UnconnectedState;
        },
        timeoutMs);
    return m_closeCode;
}

void RawPeer::pump()
{
    if (m_reading && m_socket.isOpen())
        m_buffer += m_socket.readAll();
    for (;;) {
        if (m_buffer.size() < 2)
            return;
        // Server frames are unmasked and, from hubbub-server, never fragmented.
        const auto *bytes = reinterpret_cast<const uchar *>(m_buffer.constData());
        const int opcode = bytes[0] & 0x0f;
        quint64 length = bytes[1] & 0x7f;
        qsizetype header = 2;
        if (length == 126) {
            if (m_buffer.size() < 4)
                return;
            length = qFromBigEndian<quint16>(bytes + 2);
            header = 4;
        } else if (length == 127) {
            if (m_buffer.size() < 10)
                return;
            length = qFromBigEndian<quint64>(bytes + 2);
            header = 10;
        }
        if (quint64(m_buffer.size() - header) < length)
            return;
        const QByteArray payload = m_buffer.mid(header, qsizetype(length));
        m_buffer.remove(0, header + qsizetype(length));
        if (opcode == Text) {
            m_frames.append(QJsonDocument::fromJson(payload).object());
        } else if (opcode == Close && !m_closeCode) {
            m_closeCode = payload.size() >= 2 ? qFromBigEndian<quint16>(payload.constData()) : 1005;
            // Answered, so the server lets go.
            if (m_options.answerControlFrames)
                send({Close, payload.left(2)});
        } else if (opcode == Ping) {
            ++m_pings;
            if (m_options.answerControlFrames)
                send({Pong, payload});
        }
    }
}

void RawPeer::stopReading(qint64 bufferedBytes)
{
    m_reading = false;
    m_socket.setReadBufferSize(bufferedBytes);
}

void RawPeer::resumeReading()
{
    m_reading = true;
    m_socket.setReadBufferSize(0);
}

} // namespace Hubbub::Test
