// Unit tests for the upload checks (server/imageinspector.h): type, size and dimensions from
// the header before decoding, and a bounded decode.
#include "handlers/imageinspector.h"
#include "protocollimits.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QTest>
#include <QtEndian>

using namespace Hubbub;
using namespace Hubbub::Server;
using namespace Qt::StringLiterals;

namespace {

QByteArray encodeImage(const QImage &image, const char *format)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    if (!writer.write(image))
        qWarning() << "cannot write" << format << writer.errorString();
    return bytes;
}

QImage testPicture(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(QColor(40, 120, 200));
    QPainter painter(&image);
    painter.fillRect(0, 0, width / 2, height / 2, QColor(250, 200, 0));
    return image;
}

quint32 crc32(const QByteArray &data)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char c : data) {
        crc ^= static_cast<quint8>(c);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 1u) ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
    }
    return crc ^ 0xFFFFFFFFu;
}

QByteArray be32(quint32 value)
{
    QByteArray out(4, '\0');
    qToBigEndian(value, out.data());
    return out;
}

//! One PNG chunk: length, type, data, CRC-32 over type and data.
QByteArray pngChunk(const char *type, const QByteArray &data)
{
    const QByteArray typed = QByteArray(type) + data;
    return be32(quint32(data.size())) + typed + be32(crc32(typed));
}

const QByteArray PngSignature("\x89PNG\r\n\x1a\n", 8);

//! A PNG signature and an IHDR declaring width x height, 8-bit RGB.
QByteArray pngHeader(quint32 width, quint32 height)
{
    QByteArray ihdr = be32(width) + be32(height);
    ihdr.append(char(8)); // bit depth
    ihdr.append(char(2)); // colour type: RGB
    ihdr.append(char(0)); // compression
    ihdr.append(char(0)); // filter
    ihdr.append(char(0)); // interlace
    return PngSignature + pngChunk("IHDR", ihdr);
}

//! A header-only PNG: IHDR then IEND, no pixel data at all.
QByteArray pngHeaderOnly(quint32 width, quint32 height)
{
    return pngHeader(width, height) + pngChunk("IEND", {});
}

//! A well-formed PNG declaring width x height whose one IDAT holds a complete but tiny zlib
//! stream: the header says huge, the data is a few bytes.
QByteArray pngDeclaring(quint32 width, quint32 height)
{
    const QByteArray zlib = qCompress(QByteArray(64, '\0')).mid(4);
    return pngHeader(width, height) + pngChunk("IDAT", zlib) + pngChunk("IEND", {});
}

//! A PNG declaring width x height whose IDAT chunk is cut short after `present` bytes.
QByteArray truncatedPng(quint32 width, quint32 height, int present)
{
    // A real zlib stream of zero rows (qCompress prefixes a 4-byte length).
    const QByteArray zlib = qCompress(QByteArray(1 << 20, '\0')).mid(4);
    const QByteArray part = zlib.left(present);
    return pngHeader(width, height) + be32(quint32(zlib.size())) + QByteArray("IDAT") + part;
}

void appendLe16(QByteArray &out, int value)
{
    out.append(char(value & 0xff));
    out.append(char((value >> 8) & 0xff));
}

//! The start of a GIF89a up to its first image descriptor: width x height, 128 colours.
QByteArray gifHeader(int width, int height)
{
    QByteArray gif("GIF89a");
    appendLe16(gif, width);
    appendLe16(gif, height);
    gif.append(char(0xF6)); // global colour table, 8-bit resolution, 2^(6+1) = 128 entries
    gif.append(char(0)); // background colour
    gif.append(char(0)); // aspect ratio
    for (int i = 0; i < 128; ++i) {
        gif.append(char(i * 2));
        gif.append(char(255 - i * 2));
        gif.append(char(i));
    }
    gif.append(char(0x2C)); // image descriptor
    appendLe16(gif, 0);
    appendLe16(gif, 0);
    appendLe16(gif, width);
    appendLe16(gif, height);
    gif.append(char(0)); // no local colour table, not interlaced
    return gif;
}

//! A valid GIF89a, written by hand because Qt reads GIF but cannot write it. LZW with 8-bit
//! codes: a clear code every 100 pixels keeps the code width at 8 bits, so each code is one
//! byte.
QByteArray makeGif(int width, int height)
{
    QByteArray gif = gifHeader(width, height);
    constexpr int MinCodeSize = 7;
    constexpr char Clear = char(1 << MinCodeSize);
    constexpr char End = char((1 << MinCodeSize) + 1);
    gif.append(char(MinCodeSize));

    QByteArray codes;
    codes.append(Clear);
    int sinceClear = 0;
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            if (sinceClear == 100) {
                codes.append(Clear);
                sinceClear = 0;
            }
            codes.append(char((x + y) % 128));
            ++sinceClear;
        }
    }
    codes.append(End);
    for (qsizetype at = 0; at < codes.size(); at += 255) {
        const QByteArray block = codes.mid(at, 255);
        gif.append(char(block.size()));
        gif.append(block);
    }
    gif.append(char(0)); // block terminator
    gif.append(char(0x3B)); // trailer
    return gif;
}

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString describe(const Result<InspectedImage> &result)
{
    if (!result)
        return result.error().toString();
    return u"ok %1 %2x%3"_s.arg(result->mime).arg(result->width).arg(result->height);
}

} // namespace

class tst_ImageInspector : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void accepted_data();
    void accepted();
    void invalid_data();
    void invalid();
    void tooLarge_data();
    void tooLarge();
    void truncatedLargeImageIsInvalid();
};

void tst_ImageInspector::initTestCase()
{
    configureImageAllocationLimit();
}

void tst_ImageInspector::accepted_data()
{
    QTest::addColumn<QByteArray>("format"); // a QImageWriter format, or "gif" (hand-made)
    QTest::addColumn<QString>("mime");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addRow("png") << QByteArray("png") << u"image/png"_s << 37 << 23;
    QTest::addRow("jpeg") << QByteArray("jpeg") << u"image/jpeg"_s << 40 << 17;
    QTest::addRow("gif") << QByteArray("gif") << u"image/gif"_s << 29 << 31;
    QTest::addRow("webp") << QByteArray("webp") << u"image/webp"_s << 33 << 21;
    QTest::addRow("png 8192x1 (widest allowed)")
        << QByteArray("png") << u"image/png"_s << 8192 << 1;
    QTest::addRow("png 1x8192 (tallest allowed)")
        << QByteArray("png") << u"image/png"_s << 1 << 8192;
}

void tst_ImageInspector::accepted()
{
    QFETCH(QByteArray, format);
    QFETCH(QString, mime);
    QFETCH(int, width);
    QFETCH(int, height);

    QByteArray bytes;
    if (format == "gif") {
        bytes = makeGif(width, height);
    } else {
        if (!QImageWriter::supportedImageFormats().contains(format)) {
            QSKIP(qPrintable(u"The Qt image plugin for %1 is missing on this machine (install "
                             "qt6-image-formats-plugins); cannot make the test image."_s.arg(
                                 QString::fromLatin1(format))));
        }
        bytes = encodeImage(testPicture(width, height), format.constData());
    }
    QVERIFY(!bytes.isEmpty());

    const Result<InspectedImage> result = inspectImage(bytes);
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(result->mime, mime);
    QCOMPARE(result->width, width);
    QCOMPARE(result->height, height);
    QCOMPARE(result->imageId, sha256Hex(bytes));
    QCOMPARE(result->imageId.size(), qsizetype(64));
    QCOMPARE(result->imageId, result->imageId.toLower());
}

void tst_ImageInspector::invalid_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addRow("empty") << QByteArray();
    QTest::addRow("text") << QByteArray("hello, this is not an image");
    QTest::addRow("png signature only") << PngSignature;
    QTest::addRow("png signature then garbage") << PngSignature + QByteArray(200, '\x7f');
    QTest::addRow("png declaring 0x0") << pngHeaderOnly(0, 0);
    QTest::addRow("png header without pixel data") << pngHeaderOnly(16, 16);
    {
        const QByteArray png = encodeImage(testPicture(64, 64), "png");
        QTest::addRow("png cut in half") << png.left(png.size() / 2);
    }
    QTest::addRow("bmp (not an allowed type)") << encodeImage(testPicture(8, 8), "bmp");
    QTest::addRow("gif header only") << gifHeader(10, 10).left(13);
    QTest::addRow("exactly 8 MiB of zeros") << QByteArray(Limits::ImageBytesMax, '\0');
}

void tst_ImageInspector::invalid()
{
    QFETCH(QByteArray, bytes);
    QElapsedTimer timer;
    timer.start();
    const Result<InspectedImage> result = inspectImage(bytes);
    QVERIFY2(!result.ok(), qPrintable(describe(result)));
    QCOMPARE(result.error().code, ErrorCode::Invalid);
    QCOMPARE(result.error().field, u"data"_s);
    QVERIFY(!result.error().message.isEmpty());
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
}

void tst_ImageInspector::tooLarge_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addRow("png declaring 9000x9000") << pngDeclaring(9000, 9000);
    QTest::addRow("png declaring 10000x1") << pngDeclaring(10000, 1);
    QTest::addRow("png declaring 1x10000") << pngDeclaring(1, 10000);
    QTest::addRow("png declaring 8193x8192") << pngDeclaring(8193, 8192);
    QTest::addRow("png declaring 9000x9000, truncated") << truncatedPng(9000, 9000, 300);
    QTest::addRow("gif declaring 9000x9000") << gifHeader(9000, 9000);
    QTest::addRow("8 MiB + 1 byte of garbage") << QByteArray(Limits::ImageBytesMax + 1, 'x');
    {
        // A real PNG padded past the byte limit: refused on the size alone.
        QByteArray padded = encodeImage(testPicture(8, 8), "png");
        padded.append(QByteArray(Limits::ImageBytesMax, '\0'));
        QTest::addRow("valid png padded past 8 MiB") << padded;
    }
}

void tst_ImageInspector::tooLarge()
{
    QFETCH(QByteArray, bytes);
    QElapsedTimer timer;
    timer.start();
    const Result<InspectedImage> result = inspectImage(bytes);
    QVERIFY2(!result.ok(), qPrintable(describe(result)));
    QCOMPARE(result.error().code, ErrorCode::TooLarge);
    QVERIFY(!result.error().message.isEmpty());
    // Decided from the header or the length: no decode of 81 megapixels.
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
}

void tst_ImageInspector::truncatedLargeImageIsInvalid()
{
    // 8000x8000 is allowed by the header check, so the decoder runs; the data stops early.
    const QByteArray bytes = truncatedPng(8000, 8000, 500);
    QElapsedTimer timer;
    timer.start();
    const Result<InspectedImage> result = inspectImage(bytes);
    QVERIFY2(!result.ok(), qPrintable(describe(result)));
    QCOMPARE(result.error().code, ErrorCode::Invalid);
    QCOMPARE(result.error().field, u"data"_s);
    QVERIFY2(timer.elapsed() < 10000, qPrintable(u"%1 ms"_s.arg(timer.elapsed())));
}

QTEST_GUILESS_MAIN(tst_ImageInspector)
#include "tst_imageinspector.moc"
