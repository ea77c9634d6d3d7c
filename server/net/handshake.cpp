#include "net/handshake.h"

#include <QCryptographicHash>

#include <cstring>

namespace Hubbub::Server {

namespace {

bool isTokenChar(uchar c)
{
    // RFC 9110, 5.6.2: tchar
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return c && std::strchr("!#$%&'*+-.^_`|~", c) != nullptr;
}

//! A field value may hold visible characters, spaces, tabs and bytes above 0x7F; never NUL,
//! other control characters or DEL (RFC 9110, 5.5).
bool isValueChar(uchar c)
{
    return c == '\t' || (c >= 0x20 && c != 0x7f);
}

bool equalsIgnoringCase(QByteArrayView a, QByteArrayView lower)
{
    if (a.size() != lower.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const char c = a.at(i);
        if ((c >= 'A' && c <= 'Z' ? char(c + ('a' - 'A')) : c) != lower.at(i))
            return false;
    }
    return true;
}

QByteArrayView trimmed(QByteArrayView text)
{
    while (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t'))
        text = text.sliced(1);
    while (!text.isEmpty() && (text.back() == ' ' || text.back() == '\t'))
        text.chop(1);
    return text;
}

//! Whether the comma-separated list holds `lower`, in any case.
bool hasToken(QByteArrayView list, QByteArrayView lower)
{
    while (!list.isEmpty()) {
        const qsizetype comma = list.indexOf(',');
        const QByteArrayView item = comma < 0 ? list : list.first(comma);
        if (equalsIgnoringCase(trimmed(item), lower))
            return true;
        list = comma < 0 ? QByteArrayView() : list.sliced(comma + 1);
    }
    return false;
}

} // namespace

Handshake::Outcome Handshake::feed(QByteArrayView bytes)
{
    while (m_outcome == Outcome::Incomplete && !bytes.isEmpty()) {
        const qsizetype newline = bytes.indexOf('\n');
        const QByteArrayView piece = newline < 0 ? bytes : bytes.first(newline);
        m_received += piece.size() + (newline < 0 ? 0 : 1);
        if (m_received > MaxRequestBytes)
            return refuse(431);
        m_buffer.append(piece);
        if (newline < 0)
            return m_outcome;
        bytes = bytes.sliced(newline + 1);
        // Lines end in CRLF; a bare LF is refused rather than guessed at.
        if (!m_buffer.endsWith('\r'))
            return refuse(400);
        m_buffer.chop(1);
        const QByteArray line = std::exchange(m_buffer, QByteArray());
        if (m_lines > 0 && line.isEmpty()) {
            m_remainder = bytes.toByteArray();
            decide();
            break;
        }
        if (++m_lines > MaxHeaderLines + 1)
            return refuse(431);
        if (!(m_lines == 1 ? readRequestLine(line) : readHeader(line)))
            return refuse(400);
    }
    return m_outcome;
}

bool Handshake::readRequestLine(QByteArrayView line)
{
    constexpr QByteArrayView Method = "GET ";
    constexpr QByteArrayView Version = " HTTP/1.1";
    // "GET HTTP/1.1" starts with the one and ends with the other, sharing the space: no target.
    if (line.size() <= Method.size() + Version.size() || !line.startsWith(Method)
        || !line.endsWith(Version))
        return false;
    const QByteArrayView target
        = line.sliced(Method.size(), line.size() - Method.size() - Version.size());
    for (const char c : target) {
        if (uchar(c) <= 0x20 || uchar(c) >= 0x7f)
            return false;
    }
    return true;
}

bool Handshake::readHeader(QByteArrayView line)
{
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0) // no name; also a folded line, which starts with a space
        return false;
    const QByteArrayView name = line.first(colon);
    for (const char c : name) {
        if (!isTokenChar(uchar(c)))
            return false;
    }
    const QByteArrayView value = trimmed(line.sliced(colon + 1));
    for (const char c : value) {
        if (!isValueChar(uchar(c)))
            return false;
    }
    if (equalsIgnoringCase(name, "host")) {
        ++m_hosts;
    } else if (equalsIgnoringCase(name, "upgrade")) {
        m_upgradeWebSocket = m_upgradeWebSocket || hasToken(value, "websocket");
    } else if (equalsIgnoringCase(name, "connection")) {
        m_connectionUpgrade = m_connectionUpgrade || hasToken(value, "upgrade");
    } else if (equalsIgnoringCase(name, "sec-websocket-key")) {
        ++m_keys;
        m_key = value.toByteArray();
    } else if (equalsIgnoringCase(name, "sec-websocket-version")) {
        ++m_versions;
        m_versionThirteen = value == "13";
    }
    return true;
}

void Handshake::decide()
{
    if (m_hosts != 1 || !m_upgradeWebSocket || !m_connectionUpgrade || m_keys != 1
        || m_versions == 0) {
        refuse(400);
        return;
    }
    if (m_versions != 1 || !m_versionThirteen) {
        refuse(426);
        return;
    }
    // 16 random bytes, base64-encoded (RFC 6455, 4.1): exactly 24 characters with padding.
    const auto decoded
        = QByteArray::fromBase64Encoding(m_key, QByteArray::AbortOnBase64DecodingErrors);
    if (m_key.size() != 24 || !decoded || decoded.decoded.size() != 16) {
        refuse(400);
        return;
    }
    m_status = 101;
    m_outcome = Outcome::Upgrade;
}

Handshake::Outcome Handshake::refuse(int status)
{
    m_status = status;
    m_outcome = Outcome::Refuse;
    m_buffer = QByteArray();
    m_remainder = QByteArray();
    return m_outcome;
}

QByteArray Handshake::response() const
{
    switch (m_status) {
    case 101: {
        QByteArray response = QByteArrayLiteral("HTTP/1.1 101 Switching Protocols\r\n"
                                                "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                                                "Sec-WebSocket-Accept: ");
        response.append(acceptFor(m_key)).append("\r\n\r\n");
        return response;
    }
    case 426:
        return QByteArrayLiteral("HTTP/1.1 426 Upgrade Required\r\nSec-WebSocket-Version: 13\r\n"
                                 "Connection: close\r\nContent-Length: 0\r\n\r\n");
    case 431:
        return QByteArrayLiteral("HTTP/1.1 431 Request Header Fields Too Large\r\n"
                                 "Connection: close\r\nContent-Length: 0\r\n\r\n");
    default:
        return QByteArrayLiteral(
            "HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    }
}

QByteArray Handshake::acceptFor(QByteArrayView key)
{
    QCryptographicHash sha1(QCryptographicHash::Sha1);
    sha1.addData(key);
    sha1.addData(QByteArrayView("258EAFA5-E914-47DA-95CA-C5AB0DC85B11"));
    return sha1.result().toBase64();
}

} // namespace Hubbub::Server
