// FrameReader (server/net/framereader.h) on its own: every row is a byte stream a client could
// send and what the reader must make of it, delivered whole, one byte at a time and in random
// cuts; the three must agree. The same rules against the real server, over a socket, are the
// transport rows of tests/faults/malformedrows.cpp.
#include "net/framereader.h"
#include "rawpeer.h"

#include <QRandomGenerator>
#include <QTest>
#include <QtEndian>

using namespace Hubbub::Server;
using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 Limit = 1024;

QString describe(const FrameReader::Message &message)
{
    switch (message.kind) {
    case FrameReader::Kind::Text:
        return u"text:"_s + QString::fromUtf8(message.payload);
    case FrameReader::Kind::Binary:
        return u"binary:"_s + QString::fromLatin1(message.payload.toHex());
    case FrameReader::Kind::Ping:
        return u"ping:"_s + QString::fromLatin1(message.payload);
    case FrameReader::Kind::Pong:
        return u"pong:"_s + QString::fromLatin1(message.payload);
    case FrameReader::Kind::Close:
        return u"close:%1:%2"_s.arg(message.code).arg(QString::fromUtf8(message.payload));
    case FrameReader::Kind::Failed:
        return u"failed:%1"_s.arg(message.code);
    }
    return {};
}

QByteArray frames(const QList<RawFrame> &list)
{
    QByteArray bytes;
    for (const RawFrame &frame : list)
        bytes += encodeFrame(frame);
    return bytes;
}

RawFrame piece(quint8 opcode, const QByteArray &payload, bool fin)
{
    RawFrame frame {opcode, payload};
    frame.fin = fin;
    return frame;
}

QByteArray closeBody(quint16 code, const QByteArray &reason = {})
{
    QByteArray body(2, '\0');
    qToBigEndian(code, body.data());
    return body + reason;
}

//! A masked header with the length written in the given number of bytes (0, 2 or 8 after the
//! 7-bit field), shortest form or not, and a zero mask so that the payload goes as it is.
QByteArray header(quint8 opcode, quint64 length, int lengthBytes)
{
    QByteArray bytes;
    bytes.append(char(0x80 | opcode));
    if (lengthBytes == 0) {
        bytes.append(char(0x80 | length));
    } else if (lengthBytes == 2) {
        bytes.append(char(0x80 | 126));
        bytes.append(char(length >> 8)).append(char(length));
    } else {
        bytes.append(char(0x80 | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            bytes.append(char(length >> shift));
    }
    return bytes + QByteArray(4, '\0');
}

QList<FrameReader::Message> readAll(const QByteArray &stream, const QList<qsizetype> &cuts)
{
    FrameReader reader(Limit);
    QList<FrameReader::Message> out;
    qsizetype from = 0;
    for (qsizetype i = 0; i <= cuts.size(); ++i) {
        const qsizetype to = i < cuts.size() ? cuts.at(i) : stream.size();
        reader.append(stream.mid(from, to - from));
        from = to;
        FrameReader::Message message;
        while (reader.next(message))
            out.append(message);
    }
    return out;
}

} // namespace

class tst_FrameReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void stream_data();
    void stream();
    void idleReaderHoldsNoInput();
};

void tst_FrameReader::stream_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("expected");
    const auto row = [](const QString &name, const QByteArray &bytes, const QStringList &expected) {
        QTest::newRow(qPrintable(name)) << bytes << expected;
    };
    const QString protocolError = u"failed:1002"_s;
    const QString invalidData = u"failed:1007"_s;
    const QString tooBig = u"failed:1009"_s;

    row(u"text"_s, frames({{Text, "hello"}}), {u"text:hello"_s});
    row(u"empty text"_s, frames({{Text, {}}}), {u"text:"_s});
    row(u"binary"_s, frames({{Binary, "\x01\x02"}}), {u"binary:0102"_s});
    row(u"two messages in one read"_s, frames({{Text, "a"}, {Text, "b"}}),
        {u"text:a"_s, u"text:b"_s});
    row(u"text in three fragments"_s,
        frames({piece(Text, "he", false), piece(Continuation, "ll", false),
            piece(Continuation, "o", true)}),
        {u"text:hello"_s});
    row(u"binary in two fragments"_s,
        frames({piece(Binary, "\x01", false), piece(Continuation, "\x02", true)}),
        {u"binary:0102"_s});
    row(u"euro split after its second byte"_s,
        frames({piece(Text, "\xe2\x82", false), piece(Continuation, "\xac", true)}), {u"text:€"_s});
    row(u"four-byte character in four fragments"_s,
        frames({piece(Text, "\xf0", false), piece(Continuation, "\x9f", false),
            piece(Continuation, "\x98", false), piece(Continuation, "\x80", true)}),
        {u"text:😀"_s});
    row(u"ping inside a fragmented message"_s,
        frames({piece(Text, "\xe2", false), {Ping, "p"}, piece(Continuation, "\x82\xac", true)}),
        {u"ping:p"_s, u"text:€"_s});
    row(u"pong"_s, frames({{Pong, "x"}}), {u"pong:x"_s});
    row(u"ping of 125 bytes"_s, frames({{Ping, QByteArray(125, 'p')}}),
        {u"ping:"_s + QString(125, u'p')});
    row(u"ping of 126 bytes"_s, frames({{Ping, QByteArray(126, 'p')}}), {protocolError});
    row(u"fragmented ping"_s, frames({piece(Ping, "p", false)}), {protocolError});
    row(u"close of 126 bytes"_s, frames({{Close, closeBody(1000, QByteArray(124, 'r'))}}),
        {protocolError});

    RawFrame unmasked {Text, "hi"};
    unmasked.masked = false;
    row(u"unmasked text"_s, frames({unmasked}), {protocolError});
    unmasked.opcode = Ping;
    row(u"unmasked ping"_s, frames({unmasked}), {protocolError});
    for (quint8 rsv : {1, 2, 4}) {
        RawFrame reserved {Text, "hi"};
        reserved.rsv = rsv;
        row(u"reserved bit %1"_s.arg(rsv), frames({reserved}), {protocolError});
    }
    for (quint8 opcode : {3, 4, 5, 6, 7, 11, 12, 13, 14, 15})
        row(u"reserved opcode %1"_s.arg(opcode), frames({{opcode, {}}}), {protocolError});
    row(u"continuation without a message"_s, frames({{Continuation, "x"}}), {protocolError});
    row(u"text inside a fragmented message"_s, frames({piece(Text, "a", false), {Text, "b"}}),
        {protocolError});
    row(u"binary inside a fragmented text"_s, frames({piece(Text, "a", false), {Binary, "b"}}),
        {protocolError});
    row(u"16-bit length for 5 bytes"_s, header(Text, 5, 2) + "hello", {protocolError});
    row(u"64-bit length for 200 bytes"_s, header(Text, 200, 8) + QByteArray(200, 'x'),
        {protocolError});
    row(u"64-bit length with the top bit set"_s, header(Text, quint64(1) << 63 | 70000, 8),
        {protocolError});

    row(u"frame of exactly the limit"_s, frames({{Binary, QByteArray(Limit, '\0')}}),
        {u"binary:"_s + QString::fromLatin1(QByteArray(Limit, '\0').toHex())});
    row(u"frame header over the limit"_s, header(Binary, Limit + 1, 2), {tooBig});
    row(u"frame header of 2^63 - 1"_s, header(Binary, ~quint64(0) >> 1, 8), {tooBig});
    row(u"message over the limit in fragments"_s,
        frames({piece(Text, QByteArray(600, 'a'), false),
            piece(Continuation, QByteArray(600, 'a'), true)}),
        {tooBig});

    const QList<QPair<QString, QByteArray>> invalid = {
        {u"lone continuation byte"_s, "\x80"},
        {u"overlong slash"_s, "\xc0\xaf"},
        {u"overlong three-byte"_s, "\xe0\x80\x80"},
        {u"encoded surrogate"_s, "\xed\xa0\x80"},
        {u"above U+10FFFF"_s, "\xf4\x90\x80\x80"},
        {u"byte F5"_s, "\xf5\x80\x80\x80"},
        {u"byte FF"_s, "\xff"},
        {u"lead byte then ASCII"_s,
            "\xc3"
            "a"},
        {u"truncated at the end"_s, "ok\xe2\x82"},
    };
    for (const auto &[name, bytes] : invalid) {
        row(u"utf8 "_s + name, frames({{Text, bytes}}), {invalidData});
        row(u"utf8 "_s + name + u" in the second fragment"_s,
            frames({piece(Text, "ok", false), piece(Continuation, bytes, true)}), {invalidData});
    }
    row(u"utf8 message ending inside a character"_s,
        frames({piece(Text, "\xf0\x9f", false), piece(Continuation, "\x98", true)}), {invalidData});
    row(u"utf8 invalid in an unfinished message fails at once"_s,
        frames({piece(Text, "ok\xff", false)}), {invalidData});
    row(u"utf8 edges"_s, frames({{Text, "\xed\x9f\xbf\xee\x80\x80\xef\xbf\xbf\xf4\x8f\xbf\xbf"}}),
        {u"text:\ud7ff\ue000\uffff\U0010ffff"_s});
    row(u"utf8 is not checked in binary messages"_s, frames({{Binary, "\xff"}}), {u"binary:ff"_s});

    row(u"close without a body"_s, frames({{Close, {}}}), {u"close:1005:"_s});
    row(u"close with one byte"_s, frames({{Close, "\x03"}}), {protocolError});
    row(u"close with a reason"_s, frames({{Close, closeBody(1000, "bye \xe2\x82\xac")}}),
        {u"close:1000:bye €"_s});
    row(u"close reason of invalid UTF-8"_s, frames({{Close, closeBody(1000, "\xff")}}),
        {invalidData});
    row(u"close reason cut inside a character"_s, frames({{Close, closeBody(1000, "\xe2\x82")}}),
        {invalidData});
    for (quint16 code : {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014,
             3000, 3999, 4000, 4999}) {
        row(u"close code %1"_s.arg(code), frames({{Close, closeBody(code)}}),
            {u"close:%1:"_s.arg(code)});
    }
    for (quint16 code : {0, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65535})
        row(u"close code %1 is invalid"_s.arg(code), frames({{Close, closeBody(code)}}),
            {protocolError});
    row(u"close inside a fragmented message"_s,
        frames({piece(Text, "a", false), {Close, closeBody(1001)}}), {u"close:1001:"_s});
    row(u"nothing after a close frame"_s, frames({{Close, closeBody(1000)}, {Text, "late"}}),
        {u"close:1000:"_s});
    row(u"nothing after a failure"_s, frames({{0x3, {}}, {Text, "late"}}), {protocolError});
}

void tst_FrameReader::stream()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, expected);

    const auto check = [&](const QList<qsizetype> &cuts, const char *how) {
        QStringList got;
        for (const FrameReader::Message &message : readAll(bytes, cuts))
            got.append(describe(message));
        if (got != expected) {
            qWarning() << how << "got" << got << "expected" << expected;
            return false;
        }
        return true;
    };
    QVERIFY(check({}, "whole"));
    QList<qsizetype> everyByte;
    for (qsizetype i = 1; i < bytes.size(); ++i)
        everyByte.append(i);
    QVERIFY(check(everyByte, "one byte at a time"));
    QRandomGenerator random {quint32(qHash(QByteArray(QTest::currentDataTag())))};
    for (int round = 0; round < 5; ++round) {
        QList<qsizetype> cuts;
        for (qsizetype at = 0; at < bytes.size();) {
            at += 1 + random.bounded(9);
            if (at < bytes.size())
                cuts.append(at);
        }
        QVERIFY(check(cuts, "in random cuts"));
    }
}

void tst_FrameReader::idleReaderHoldsNoInput()
{
    FrameReader reader(Limit);
    reader.append(frames({{Text, "a"}, piece(Text, "b", false)}));
    FrameReader::Message message;
    QVERIFY(reader.next(message));
    QCOMPARE(describe(message), u"text:a"_s);
    QVERIFY(!reader.next(message)); // the fragment waits for its continuation
    QVERIFY(!reader.hasInput());
    QVERIFY(!reader.isDone());
    reader.append(frames({piece(Continuation, "c", true)}));
    QVERIFY(reader.next(message));
    QCOMPARE(describe(message), u"text:bc"_s);
}

QTEST_GUILESS_MAIN(tst_FrameReader)
#include "tst_framereader.moc"
