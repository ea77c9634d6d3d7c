// libFuzzer target over the server's own RFC 6455 layer, without sockets: the opening handshake
// (Handshake), the frame reader (FrameReader, Utf8Validator) and the frames the server writes
// (WireFrame). Pure functions, so tens of thousands of inputs a second where fuzz_dispatch,
// which can only send what QWebSocket writes, manages hundreds of well-formed frames.
//
// Input layout: the first byte is a mode byte and is not parsed.
//   bit 0 set: the rest is an HTTP upgrade request, then (once upgraded) client frames;
//   bit 0 clear: the rest is client frames only.
//   bit 1: a message limit of 1000 bytes instead of 70000 (fragments that add up past it).
//   bits 2..7: the largest piece the second reading cuts the bytes into (1..64).
// Bit 0 means the same in fuzz_dispatch's raw mode (0x04..0x07), so the seeds in
// corpus-frames/ serve both targets.
//
// Every input is read twice: all at once, and cut into pieces as TCP might deliver it, with
// next() drained after each piece as Connection does. Findings (abort): a crash or sanitizer
// report; the two readings disagreeing; a handshake undecided past its size bound or upgraded
// without a well-formed 101; a text message or close reason that is not UTF-8 (checked by an
// independent decoder); a message over the limit or a control frame over 125 bytes; a close
// code that may not be sent; anything after a close frame or a failure; a server frame
// (WireFrame) that does not read back, masked, as what was written.

#include "fuzztargets.h"

#include "net/framereader.h"
#include "net/handshake.h"
#include "net/wireframe.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <optional>

namespace Hubbub::Fuzz {

namespace {

using Server::FrameReader;
using Server::Handshake;
using Message = FrameReader::Message;
using Kind = FrameReader::Kind;

[[noreturn]] void finding(const char *what)
{
    std::fprintf(stderr, "fuzz_frames finding: %s\n", what);
    std::abort();
}

void check(bool condition, const char *what)
{
    if (!condition)
        finding(what);
}

//! RFC 3629 by the book, one code point at a time: the reference Utf8Validator must agree with.
bool isUtf8(QByteArrayView bytes)
{
    qsizetype i = 0;
    while (i < bytes.size()) {
        const auto lead = uchar(bytes[i]);
        int extra = 0;
        char32_t cp = 0;
        if (lead < 0x80) {
            ++i;
            continue;
        } else if ((lead & 0xe0) == 0xc0) {
            extra = 1;
            cp = lead & 0x1f;
        } else if ((lead & 0xf0) == 0xe0) {
            extra = 2;
            cp = lead & 0x0f;
        } else if ((lead & 0xf8) == 0xf0) {
            extra = 3;
            cp = lead & 0x07;
        } else {
            return false;
        }
        if (i + extra >= bytes.size())
            return false;
        for (int k = 1; k <= extra; ++k) {
            const auto next = uchar(bytes[i + k]);
            if ((next & 0xc0) != 0x80)
                return false;
            cp = (cp << 6) | (next & 0x3f);
        }
        static constexpr char32_t Smallest[] = {0, 0x80, 0x800, 0x10000};
        if (cp < Smallest[extra] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return false;
        i += extra + 1;
    }
    return true;
}

bool same(const Message &a, const Message &b)
{
    return a.kind == b.kind && a.code == b.code && a.payload == b.payload;
}

bool same(const QList<Message> &a, const QList<Message> &b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
        [](const Message &x, const Message &y) { return same(x, y); });
}

//! Reads `bytes` all at once (`piece` 0) or in pieces of 1..`piece` bytes, draining next()
//! after each, and checks what any reading must satisfy.
QList<Message> readFrames(QByteArrayView bytes, qint64 limit, int piece)
{
    FrameReader reader(limit);
    QList<Message> messages;
    qint64 payloadBytes = 0;
    const auto drain = [&] {
        Message message;
        while (reader.next(message)) {
            check(messages.isEmpty()
                    || (messages.back().kind != Kind::Close
                        && messages.back().kind != Kind::Failed),
                "a message after a close frame or a failure");
            if (message.kind != Kind::Failed) // its payload is our reason, not the peer's
                payloadBytes += message.payload.size();
            switch (message.kind) {
            case Kind::Text:
                check(isUtf8(message.payload), "a text message that is not UTF-8");
                [[fallthrough]];
            case Kind::Binary:
                check(message.payload.size() <= limit, "a message over the limit");
                break;
            case Kind::Ping:
            case Kind::Pong:
                check(message.payload.size() <= 125, "a control frame over 125 bytes");
                break;
            case Kind::Close:
                check(reader.isDone(), "still reading after a close frame");
                check(message.code == Server::CloseCode::NoStatus
                        ? message.payload.isEmpty()
                        : Server::isValidCloseCode(message.code),
                    "a close code that may not be sent");
                check(message.payload.size() <= 123 && isUtf8(message.payload),
                    "a close reason over 123 bytes or not UTF-8");
                break;
            case Kind::Failed:
                check(reader.isDone(), "still reading after a failure");
                check(message.code == Server::CloseCode::ProtocolError
                        || message.code == Server::CloseCode::InvalidData
                        || message.code == Server::CloseCode::TooBig,
                    "a failure with an unexpected close code");
                check(!message.payload.isEmpty(), "a failure without a reason");
                break;
            }
            messages.append(std::move(message));
        }
    };
    if (piece == 0) {
        reader.append(bytes.toByteArray());
        drain();
    } else {
        // Piece sizes from a fixed sequence: the same input is always cut the same way.
        quint32 state = quint32(bytes.size()) * 2654435761u + quint32(piece);
        for (qsizetype at = 0; at < bytes.size();) {
            state = state * 1664525u + 1013904223u;
            const qsizetype size
                = std::min<qsizetype>(1 + (state >> 16) % piece, bytes.size() - at);
            reader.append(bytes.sliced(at, size).toByteArray());
            drain();
            at += size;
        }
    }
    // Masking is XOR: what comes out is at most what went in.
    check(payloadBytes <= bytes.size(), "more payload out than bytes in");
    return messages;
}

//! A server frame as a client would send it: the mask bit set and a fixed key after the length.
QByteArray masked(const QByteArray &serverFrame)
{
    const auto lengthByte = uchar(serverFrame.at(1));
    const qsizetype header = 2 + (lengthByte == 126 ? 2 : lengthByte == 127 ? 8 : 0);
    const char key[4] = {'\x37', '\xfa', '\x21', '\x3d'};
    QByteArray frame = serverFrame.first(header);
    frame[1] = char(lengthByte | 0x80);
    frame.append(key, 4);
    for (qsizetype i = header; i < serverFrame.size(); ++i)
        frame.append(char(serverFrame.at(i) ^ key[(i - header) % 4]));
    return frame;
}

//! Whether a frame the server writes reads back, masked, as exactly `expected`.
void checkReadsBack(const QByteArray &serverFrame, const Message &expected, const char *what)
{
    const QList<Message> back = readFrames(masked(serverFrame), 1 << 20, 0);
    check(back.size() == 1 && same(back.front(), expected), what);
}

//! The frames the server builds from what it read: text, the pong, the close it answers with.
void checkWireFrames(const QList<Message> &messages, QByteArrayView input)
{
    for (const Message &message : messages) {
        switch (message.kind) {
        case Kind::Text:
            checkReadsBack(Server::WireFrame::textUtf8(message.payload), message,
                "a text frame the server writes does not read back");
            break;
        case Kind::Ping:
            checkReadsBack(Server::WireFrame::pong(message.payload),
                {Kind::Pong, 0, message.payload}, "a pong does not read back");
            break;
        case Kind::Close:
        case Kind::Failed: {
            // Connection answers a close with its code, fails with the reason in Latin-1.
            const quint16 code = message.code == Server::CloseCode::NoStatus
                ? quint16(Server::CloseCode::Normal)
                : message.code;
            const QString reason = message.kind == Kind::Close
                ? QString::fromUtf8(message.payload)
                : QString::fromLatin1(message.payload);
            const QByteArray frame = Server::WireFrame::close(code, reason);
            check(frame.size() <= 127, "a close frame over 125 bytes of payload");
            checkReadsBack(frame, {Kind::Close, code, frame.sliced(4)},
                "a close frame the server writes does not read back");
            break;
        }
        default:
            break;
        }
    }
    // Any text as a close reason: cut at a character, never past 123 bytes.
    const QString reason = QString::fromUtf8(input.first(std::min<qsizetype>(input.size(), 600)));
    const QByteArray frame = Server::WireFrame::close(Server::CloseCode::GoingAway, reason);
    check(frame.size() <= 127 && reason.toUtf8().startsWith(frame.sliced(4)),
        "a close reason cut badly");
    checkReadsBack(frame, {Kind::Close, Server::CloseCode::GoingAway, frame.sliced(4)},
        "a cut close reason does not read back");
}

//! Reads a handshake all at once and in pieces; both must decide alike. Returns the bytes
//! after an upgrade (the first frames), or nothing.
std::optional<QByteArray> readHandshake(QByteArrayView bytes, int piece)
{
    Handshake whole;
    whole.feed(bytes);
    Handshake cut;
    quint32 state = quint32(bytes.size()) + quint32(piece);
    qsizetype at = 0;
    while (at < bytes.size() && cut.outcome() == Handshake::Outcome::Incomplete) {
        state = state * 1664525u + 1013904223u;
        const qsizetype size = std::min<qsizetype>(1 + (state >> 16) % piece, bytes.size() - at);
        cut.feed(bytes.sliced(at, size));
        at += size;
    }
    check(whole.outcome() == cut.outcome() && whole.status() == cut.status(),
        "a handshake decided differently when cut into pieces");
    switch (whole.outcome()) {
    case Handshake::Outcome::Incomplete:
        check(whole.status() == 0, "an undecided handshake with a status");
        check(bytes.size() <= Handshake::MaxRequestBytes, "a handshake undecided past its bound");
        return std::nullopt;
    case Handshake::Outcome::Refuse: {
        const int status = whole.status();
        check(status == 400 || status == 426 || status == 431, "a refusal with another status");
        const QByteArray statusLine = "HTTP/1.1 " + QByteArray::number(status) + ' ';
        check(whole.response().startsWith(statusLine), "a refusal that does not say its status");
        check(whole.takeRemainder().isEmpty(), "a refusal that keeps the bytes after it");
        return std::nullopt;
    }
    case Handshake::Outcome::Upgrade:
        break;
    }
    check(whole.status() == 101, "an upgrade without 101");
    const QByteArray response = whole.response();
    check(response == cut.response(), "a 101 that differs when the request was cut");
    check(response.startsWith("HTTP/1.1 101 Switching Protocols\r\n")
            && response.endsWith("\r\n\r\n") && response.contains("\r\nSec-WebSocket-Accept: "),
        "a malformed 101");
    check(response.count("\r\n") == 5, "a 101 with a line of the client's in it");
    // Connection reads what follows the piece that completed the request as frames.
    QByteArray remainder = whole.takeRemainder();
    check(remainder == cut.takeRemainder() + bytes.sliced(at).toByteArray(),
        "a different remainder when the request was cut");
    check(remainder.size() < bytes.size() && bytes.endsWith(remainder),
        "a remainder that is not the end of the input");
    return remainder;
}

} // namespace

void frames(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return;
    const quint8 mode = data[0];
    const QByteArrayView input(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const qint64 limit = (mode & 2) ? 1000 : 70000;
    const int piece = 1 + (mode >> 2);

    QByteArrayView frameBytes = input;
    QByteArray remainder;
    if (mode & 1) {
        const std::optional<QByteArray> upgraded = readHandshake(input, piece);
        if (!upgraded)
            return;
        remainder = *upgraded;
        frameBytes = remainder;
    }
    const QList<Message> whole = readFrames(frameBytes, limit, 0);
    const QList<Message> cut = readFrames(frameBytes, limit, piece);
    check(same(whole, cut), "frames read differently when cut into pieces");
    checkWireFrames(whole, input);
}

} // namespace Hubbub::Fuzz

#ifndef HUBBUB_FUZZ_REPLAY
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    Hubbub::Fuzz::frames(data, size);
    return 0;
}
#endif
