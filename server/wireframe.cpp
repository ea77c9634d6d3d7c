#include "wireframe.h"

#include <QtEndian>

namespace Hubbub::Server::WireFrame {

namespace {

constexpr char FinText = char(0x81); // FIN | opcode 1

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

} // namespace Hubbub::Server::WireFrame
