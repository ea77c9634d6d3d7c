#include "net/framereader.h"

#include <QtEndian>

#include <cstring>

namespace Hubbub::Server {

namespace {

constexpr quint8 OpContinuation = 0x0;
constexpr quint8 OpText = 0x1;
constexpr quint8 OpBinary = 0x2;
constexpr quint8 OpClose = 0x8;
constexpr quint8 OpPing = 0x9;
constexpr quint8 OpPong = 0xa;
constexpr quint64 MaxControlPayload = 125;

bool isControl(quint8 opcode)
{
    return opcode & 0x8;
}

//! XORs `size` bytes with the masking key, starting `offset` bytes into the key.
void unmask(char *data, qsizetype size, quint32 key, quint8 offset)
{
    unsigned char bytes[4];
    qToBigEndian(key, bytes);
    qsizetype i = 0;
    for (; i < size && ((offset + i) & 3); ++i)
        data[i] = char(data[i] ^ bytes[(offset + i) & 3]);
    // Aligned to the key now: eight bytes at a time.
    quint64 wide;
    unsigned char pattern[8]
        = {bytes[0], bytes[1], bytes[2], bytes[3], bytes[0], bytes[1], bytes[2], bytes[3]};
    std::memcpy(&wide, pattern, sizeof wide);
    for (; i + 8 <= size; i += 8) {
        quint64 word;
        std::memcpy(&word, data + i, sizeof word);
        word ^= wide;
        std::memcpy(data + i, &word, sizeof word);
    }
    for (; i < size; ++i)
        data[i] = char(data[i] ^ bytes[(offset + i) & 3]);
}

} // namespace

bool isValidCloseCode(quint16 code)
{
    return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014)
        || (code >= 3000 && code <= 4999);
}

FrameReader::FrameReader(qint64 maxMessageBytes)
    : m_maxMessage(maxMessageBytes)
{ }

void FrameReader::append(QByteArray bytes)
{
    if (m_state == State::Done || bytes.isEmpty())
        return;
    if (!hasInput()) {
        m_input = std::move(bytes); // the usual case: no copy
        m_offset = 0;
        return;
    }
    m_input.remove(0, m_offset);
    m_offset = 0;
    m_input.append(bytes);
}

bool FrameReader::next(Message &message)
{
    for (;;) {
        switch (m_state) {
        case State::Done:
            return false;
        case State::Header: {
            const int header = readHeader(message);
            if (header < 0)
                return true;
            if (header == 0) {
                releaseConsumed();
                return false;
            }
            break;
        }
        case State::Payload:
            readPayload();
            if (m_state == State::Done) { // invalid UTF-8
                message = Message {Kind::Failed, CloseCode::InvalidData,
                    QByteArrayLiteral("invalid UTF-8 in a text message")};
                return true;
            }
            if (m_remaining > 0) {
                releaseConsumed();
                return false;
            }
            m_state = State::Header;
            if (finishFrame(message))
                return true;
            break;
        }
    }
}

int FrameReader::readHeader(Message &failure)
{
    const qsizetype available = m_input.size() - m_offset;
    if (available < 2)
        return 0;
    const auto *bytes = reinterpret_cast<const uchar *>(m_input.constData() + m_offset);
    const bool fin = bytes[0] & 0x80;
    const quint8 opcode = bytes[0] & 0x0f;
    const bool masked = bytes[1] & 0x80;
    const quint8 shortLength = bytes[1] & 0x7f;
    // Everything the first two bytes can show is checked before waiting for the rest.
    if (bytes[0] & 0x70)
        return fail(failure, CloseCode::ProtocolError, "reserved bits set"), -1;
    if ((opcode > OpBinary && opcode < OpClose) || opcode > OpPong)
        return fail(failure, CloseCode::ProtocolError, "reserved opcode"), -1;
    if (!masked)
        return fail(failure, CloseCode::ProtocolError, "unmasked client frame"), -1;
    if (isControl(opcode)) {
        if (!fin)
            return fail(failure, CloseCode::ProtocolError, "fragmented control frame"), -1;
        if (shortLength > MaxControlPayload)
            return fail(failure, CloseCode::ProtocolError, "control frame over 125 bytes"), -1;
    } else if (opcode == OpContinuation && m_messageOpcode == 0) {
        return fail(failure, CloseCode::ProtocolError, "continuation without a message"), -1;
    } else if (opcode != OpContinuation && m_messageOpcode != 0) {
        return fail(failure, CloseCode::ProtocolError, "new message inside a fragmented one"), -1;
    }
    const qsizetype lengthBytes = shortLength == 126 ? 2 : shortLength == 127 ? 8 : 0;
    const qsizetype headerSize = 2 + lengthBytes + 4;
    if (available < headerSize)
        return 0;
    quint64 length = shortLength;
    if (lengthBytes == 2) {
        length = qFromBigEndian<quint16>(bytes + 2);
        if (length < 126)
            return fail(failure, CloseCode::ProtocolError, "length not in its shortest form"), -1;
    } else if (lengthBytes == 8) {
        length = qFromBigEndian<quint64>(bytes + 2);
        if (length >> 63)
            return fail(failure, CloseCode::ProtocolError, "length with the top bit set"), -1;
        if (length <= 0xffff)
            return fail(failure, CloseCode::ProtocolError, "length not in its shortest form"), -1;
    }
    if (!isControl(opcode) && length > quint64(m_maxMessage - m_message.size()))
        return fail(failure, CloseCode::TooBig, "message over the size limit"), -1;
    m_mask = qFromBigEndian<quint32>(bytes + 2 + lengthBytes);
    m_offset += headerSize;
    m_opcode = opcode;
    m_fin = fin;
    m_remaining = length;
    m_maskOffset = 0;
    if (opcode == OpText || opcode == OpBinary) {
        m_messageOpcode = opcode;
        m_utf8.reset();
    }
    m_state = State::Payload;
    return 1;
}

void FrameReader::readPayload()
{
    const qsizetype take
        = qsizetype(std::min<quint64>(m_remaining, quint64(m_input.size() - m_offset)));
    if (take == 0)
        return;
    QByteArray &target = isControl(m_opcode) ? m_control : m_message;
    const qsizetype start = target.size();
    target.append(m_input.constData() + m_offset, take);
    char *data = target.data() + start;
    unmask(data, take, m_mask, m_maskOffset);
    m_maskOffset = quint8((m_maskOffset + take) & 3);
    m_offset += take;
    m_remaining -= quint64(take);
    if (m_messageOpcode == OpText && !isControl(m_opcode) && !m_utf8.feed({data, take}))
        stop();
}

bool FrameReader::finishFrame(Message &message)
{
    if (isControl(m_opcode)) {
        QByteArray payload = std::exchange(m_control, QByteArray());
        switch (m_opcode) {
        case OpPing:
            message = Message {Kind::Ping, 0, std::move(payload)};
            return true;
        case OpPong:
            message = Message {Kind::Pong, 0, std::move(payload)};
            return true;
        default:
            break;
        }
        // A close frame: nothing after it is parsed.
        if (payload.isEmpty()) {
            stop();
            message = Message {Kind::Close, CloseCode::NoStatus, {}};
            return true;
        }
        if (payload.size() == 1)
            return fail(message, CloseCode::ProtocolError, "close frame body of one byte");
        const quint16 code = qFromBigEndian<quint16>(payload.constData());
        if (!isValidCloseCode(code))
            return fail(message, CloseCode::ProtocolError, "invalid close code");
        Utf8Validator reason;
        if (!reason.feed(QByteArrayView(payload).sliced(2)) || !reason.isComplete())
            return fail(message, CloseCode::InvalidData, "close reason not UTF-8");
        stop();
        message = Message {Kind::Close, code, payload.sliced(2)};
        return true;
    }
    if (!m_fin)
        return false;
    const bool text = m_messageOpcode == OpText;
    if (text && !m_utf8.isComplete())
        return fail(message, CloseCode::InvalidData, "text message ends inside a character");
    m_messageOpcode = 0;
    message = Message {text ? Kind::Text : Kind::Binary, 0, std::exchange(m_message, QByteArray())};
    return true;
}

void FrameReader::stop()
{
    m_state = State::Done;
    m_input = QByteArray();
    m_offset = 0;
    m_message = QByteArray();
    m_control = QByteArray();
}

bool FrameReader::fail(Message &message, quint16 code, const char *why)
{
    stop();
    message = Message {Kind::Failed, code, QByteArray(why)};
    return true;
}

void FrameReader::releaseConsumed()
{
    // An idle connection keeps no buffer.
    if (m_offset == m_input.size()) {
        m_input = QByteArray();
        m_offset = 0;
    }
}

} // namespace Hubbub::Server
