#include "net/wireframe.h"

#include <QtEndian>

namespace Hubbub::Server::WireFrame {

namespace {

constexpr char FinText = char(0x81); // FIN | opcode 1
constexpr char FinClose = char(0x88); // FIN | opcode 8
constexpr char FinPong = char(0x8a); // FIN | opcode 10
constexpr qsizetype MaxCloseReason = 125 - 2; // a control frame's payload, less the code

} // namespace

QByteArray text(const QString &text)
{
    return textUtf8(text.toUtf8());
}

QByteArray textUtf8(const QByteArray &payload)
{
    const quint64 length = quint64(payload.size());
    QByteArray frame;
    frame.reserve(payload.size() + 10);
    frame.append(FinText);
    if (length < 126) {
        frame.append(char(length));
    } else if (length <= 0xFFFF) {
        frame.append(char(126));
        const quint16 big = qToBigEndian(quint16(length));
        frame.append(reinterpret_cast<const char *>(&big), sizeof big);
    } else {
        frame.append(char(127));
        const quint64 big = qToBigEndian(length);
        frame.append(reinterpret_cast<const char *>(&big), sizeof big);
    }
    frame.append(payload);
    return frame;
}

QByteArray ping()
{
    return QByteArray::fromRawData("\x89\x00", 2);
}

QByteArray pong(const QByteArray &payload)
{
    QByteArray frame;
    frame.reserve(payload.size() + 2);
    frame.append(FinPong);
    frame.append(char(payload.size()));
    frame.append(payload);
    return frame;
}

QByteArray close(quint16 code, const QString &reason)
{
    QByteArray utf8 = reason.toUtf8();
    if (utf8.size() > MaxCloseReason) {
        qsizetype cut = MaxCloseReason;
        while (cut > 0 && (uchar(utf8.at(cut)) & 0xC0) == 0x80)
            --cut; // not inside a character
        utf8.truncate(cut);
    }
    QByteArray frame;
    frame.reserve(utf8.size() + 4);
    frame.append(FinClose);
    frame.append(char(2 + utf8.size()));
    const quint16 big = qToBigEndian(code);
    frame.append(reinterpret_cast<const char *>(&big), sizeof big);
    frame.append(utf8);
    return frame;
}

} // namespace Hubbub::Server::WireFrame
