// image.upload and image.get against a real server on loopback: content addressing, formats,
// limits, images attached to posts, and the collector of unreferenced images.

#include "testclient.h"
#include "testserver.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <chrono>

using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

namespace {

QString base64(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QByteArray fixture(const QString &name)
{
    const QString path = QFINDTESTDATA(u"../data/images/"_s + name);
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

//! An image encoded by Qt at run time (PNG, BMP: formats Qt can write).
QByteArray encoded(int width, int height, const char *format)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    if (!buffer.open(QIODevice::WriteOnly) || !image.save(&buffer, format))
        return {};
    return bytes;
}

quint32 crc32(const QByteArray &bytes)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char ch : bytes) {
        crc ^= quint8(ch);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 1u) ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
    }
    return ~crc;
}

void appendBigEndian(QByteArray &out, quint32 value)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        out.append(char((value >> shift) & 0xFFu));
}

QByteArray pngChunk(const char *type, const QByteArray &data)
{
    const QByteArray body = QByteArray(type, 4) + data;
    QByteArray chunk;
    appendBigEndian(chunk, quint32(data.size()));
    chunk.append(body);
    appendBigEndian(chunk, crc32(body));
    return chunk;
}

//! A PNG whose header claims width x height, with an empty pixel stream: cheap to send, and
//! anything that decodes it before checking the size would allocate width x height x 3 bytes.
QByteArray pngClaiming(quint32 width, quint32 height)
{
    QByteArray ihdr;
    appendBigEndian(ihdr, width);
    appendBigEndian(ihdr, height);
    ihdr.append(char(8)); // bit depth
    ihdr.append(char(2)); // truecolour
    ihdr.append(3, char(0)); // deflate, adaptive filtering, no interlace
    // A zlib stream holding one empty final stored block, and its Adler-32.
    const QByteArray idat = QByteArray::fromHex("7801010000ffff00000001");
    QByteArray png = QByteArray::fromHex("89504e470d0a1a0a");
    png.append(pngChunk("IHDR", ihdr));
    png.append(pngChunk("IDAT", idat));
    png.append(pngChunk("IEND", QByteArray()));
    return png;
}

QJsonObject upload(TestClient &client, const QByteArray &bytes)
{
    return client.request(u"image.upload"_s, {{u"data"_s, base64(bytes)}});
}

QString imageIdOf(const QJsonObject &reply)
{
    return reply.value("imageId"_L1).toString();
}

//! A server and one logged-in member.
class Images
{
public:
    bool start()
    {
        return server.start() && ada.open(server.url()) && isOk(ada.registerUser(u"ada"_s));
    }

    TestServer server;
    TestClient ada;
};

} // namespace

class tst_Images : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void uploadAndGet_data();
    void uploadAndGet();
    void sameBytesAreStoredOnce();
    void craftedPngDeclaresItsSize();
    void rejectedUpload_data();
    void rejectedUpload();
    void getUnknownImage();
    void postWithImage();
    void collectorKeepsOnlyReferencedImages();
    void uploadRepliesKeepRequestOrder();
};

void tst_Images::uploadAndGet_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("mimeParam"); // empty: not sent
    QTest::addColumn<QString>("mime");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");

    QTest::addRow("png") << fixture(u"tiny.png"_s) << QString() << u"image/png"_s << 3 << 2;
    QTest::addRow("png with mime")
        << fixture(u"tiny.png"_s) << u"image/png"_s << u"image/png"_s << 3 << 2;
    QTest::addRow("jpeg") << fixture(u"tiny.jpg"_s) << QString() << u"image/jpeg"_s << 5 << 4;
    QTest::addRow("jpeg with mime")
        << fixture(u"tiny.jpg"_s) << u"image/jpeg"_s << u"image/jpeg"_s << 5 << 4;
    QTest::addRow("gif") << fixture(u"tiny.gif"_s) << QString() << u"image/gif"_s << 2 << 3;
    QTest::addRow("png 8192 wide")
        << encoded(8192, 1, "PNG") << QString() << u"image/png"_s << 8192 << 1;
    QTest::addRow("png 8192 high")
        << encoded(1, 8192, "PNG") << QString() << u"image/png"_s << 1 << 8192;
}

void tst_Images::uploadAndGet()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, mimeParam);
    QFETCH(QString, mime);
    QFETCH(int, width);
    QFETCH(int, height);
    QVERIFY2(!bytes.isEmpty(), "fixture missing");

    Images t;
    QVERIFY(t.start());
    QJsonObject params {{u"data"_s, base64(bytes)}};
    if (!mimeParam.isEmpty())
        params.insert(u"mime"_s, mimeParam);
    const QJsonObject reply = t.ada.request(u"image.upload"_s, params);
    QVERIFY2(isOk(reply), qPrintable(dump(reply)));
    const QString imageId = imageIdOf(reply);
    QCOMPARE(imageId.size(), 64);
    QCOMPARE(imageId, sha256Hex(bytes));
    QCOMPARE(reply.value("width"_L1).toInteger(), width);
    QCOMPARE(reply.value("height"_L1).toInteger(), height);

    const QJsonObject got = t.ada.request(u"image.get"_s, {{u"imageId"_s, imageId}});
    QVERIFY2(isOk(got), qPrintable(dump(got)));
    QCOMPARE(got.value("mime"_L1).toString(), mime);
    QCOMPARE(QByteArray::fromBase64(got.value("data"_L1).toString().toLatin1()), bytes);
    QCOMPARE(storedRows(t.server.databasePath(), u"images"_s), 1);
}

void tst_Images::sameBytesAreStoredOnce()
{
    Images t;
    QVERIFY(t.start());
    TestClient bob;
    QVERIFY(bob.open(t.server.url()));
    QVERIFY(isOk(bob.registerUser(u"bob"_s)));
    const QByteArray png = fixture(u"tiny.png"_s);
    QVERIFY(!png.isEmpty());

    const QJsonObject first = upload(t.ada, png);
    QVERIFY2(isOk(first), qPrintable(dump(first)));
    const QJsonObject second = upload(t.ada, png);
    QVERIFY2(isOk(second), qPrintable(dump(second)));
    const QJsonObject byBob = upload(bob, png);
    QVERIFY2(isOk(byBob), qPrintable(dump(byBob)));
    QCOMPARE(imageIdOf(second), imageIdOf(first));
    QCOMPARE(imageIdOf(byBob), imageIdOf(first));
    QCOMPARE(second.value("width"_L1).toInteger(), 3);
    QCOMPARE(storedRows(t.server.databasePath(), u"images"_s), 1);

    // Pipelined duplicates are one image too.
    const QByteArray jpeg = fixture(u"tiny.jpg"_s);
    const qint64 a = t.ada.send(u"image.upload"_s, {{u"data"_s, base64(jpeg)}});
    const qint64 b = t.ada.send(u"image.upload"_s, {{u"data"_s, base64(jpeg)}});
    const QJsonObject ra = t.ada.waitReply(a);
    const QJsonObject rb = t.ada.waitReply(b);
    QVERIFY2(isOk(ra), qPrintable(dump(ra)));
    QVERIFY2(isOk(rb), qPrintable(dump(rb)));
    QCOMPARE(imageIdOf(ra), imageIdOf(rb));
    QVERIFY(imageIdOf(ra) != imageIdOf(first));
    QCOMPARE(storedRows(t.server.databasePath(), u"images"_s), 2);
}

void tst_Images::craftedPngDeclaresItsSize()
{
    // The hand-made header of the too_large row is a PNG Qt reads the size of.
    QByteArray png = pngClaiming(9000, 9000);
    QBuffer buffer(&png);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    QImageReader reader(&buffer);
    QCOMPARE(reader.format(), QByteArray("png"));
    QCOMPARE(reader.size(), QSize(9000, 9000));
    // The CRC function agrees with a real encoder: rebuild the fixture's IHDR chunk.
    const QByteArray real = fixture(u"tiny.png"_s);
    QVERIFY(real.size() > 33);
    QCOMPARE(pngChunk("IHDR", real.mid(16, 13)), real.mid(8, 25));
}

void tst_Images::rejectedUpload_data()
{
    QTest::addColumn<QJsonObject>("params");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field"); // empty: not checked

    const QByteArray png = fixture(u"tiny.png"_s);
    const auto data = [](const QByteArray &bytes) {
        return QJsonObject {{u"data"_s, base64(bytes)}};
    };
    QTest::addRow("invalid base64")
        << QJsonObject {{u"data"_s, u"@@not*base64!!"_s}} << u"invalid"_s << u"data"_s;
    QTest::addRow("empty data") << QJsonObject {{u"data"_s, QString()}} << u"invalid"_s
                                << u"data"_s;
    QTest::addRow("text bytes") << data("This is plain text, not an image at all.\n")
                                << u"invalid"_s << u"data"_s;
    QTest::addRow("truncated png")
        << data(encoded(64, 64, "PNG").left(45)) << u"invalid"_s << u"data"_s;
    QTest::addRow("bmp bytes") << data(encoded(4, 4, "BMP")) << u"invalid"_s << u"data"_s;
    QTest::addRow("png header 9000x9000")
        << data(pngClaiming(9000, 9000)) << u"too_large"_s << u"data"_s;
    QTest::addRow("png 8193 wide") << data(encoded(8193, 1, "PNG")) << u"too_large"_s << u"data"_s;
    QTest::addRow("png 8193 high") << data(encoded(1, 8193, "PNG")) << u"too_large"_s << u"data"_s;
    // A valid PNG padded past 8 MiB: the base64 text is within the encoded bound, the bytes not.
    QByteArray padded = png;
    padded.append(8 * 1024 * 1024 + 1 - png.size(), '\0');
    QTest::addRow("decoded 8 MiB + 1") << data(padded) << u"too_large"_s << u"data"_s;
    QTest::addRow("encoded 12 MiB") << QJsonObject {{u"data"_s, QString(12 * 1024 * 1024, u'A')}}
                                    << u"too_large"_s << u"data"_s;
    QJsonObject bmpMime = data(png);
    bmpMime.insert(u"mime"_s, u"image/bmp"_s);
    QTest::addRow("mime image/bmp") << bmpMime << u"invalid"_s << u"mime"_s;
    QJsonObject numberMime = data(png);
    numberMime.insert(u"mime"_s, 5);
    QTest::addRow("mime number") << numberMime << u"bad_request"_s << QString();
    QTest::addRow("data number") << QJsonObject {{u"data"_s, 42}} << u"bad_request"_s << QString();
    QTest::addRow("data missing") << QJsonObject {{u"mime"_s, u"image/png"_s}} << u"bad_request"_s
                                  << QString();
}

void tst_Images::rejectedUpload()
{
    QFETCH(QJsonObject, params);
    QFETCH(QString, code);
    QFETCH(QString, field);

    Images t;
    QVERIFY(t.start());
    const QJsonObject reply = t.ada.request(u"image.upload"_s, params, 30000);
    QVERIFY2(!reply.isEmpty(), "no reply");
    QVERIFY2(!isOk(reply), qPrintable(dump(reply)));
    QCOMPARE(errorCode(reply), code);
    if (!field.isEmpty())
        QCOMPARE(errorField(reply), field);
    QVERIFY(!reply.value("error"_L1).toObject().value("message"_L1).toString().isEmpty());
    QCOMPARE(storedRows(t.server.databasePath(), u"images"_s), 0);
    // The connection is still usable.
    QVERIFY(isOk(t.ada.request(u"ping"_s)));
}

void tst_Images::getUnknownImage()
{
    Images t;
    QVERIFY(t.start());
    const QJsonObject unknown
        = t.ada.request(u"image.get"_s, {{u"imageId"_s, sha256Hex("never uploaded")}});
    QCOMPARE(errorCode(unknown), u"not_found"_s);
    const QJsonObject stored = upload(t.ada, fixture(u"tiny.gif"_s));
    QVERIFY2(isOk(stored), qPrintable(dump(stored)));
    QCOMPARE(errorCode(t.ada.request(u"image.get"_s, {{u"imageId"_s, QString(64, u'f')}})),
        u"not_found"_s);
    QCOMPARE(errorCode(t.ada.request(u"image.get"_s, {{u"imageId"_s, 5}})), u"bad_request"_s);
}

void tst_Images::postWithImage()
{
    Images t;
    QVERIFY(t.start());
    TestClient bob;
    QVERIFY(bob.open(t.server.url()));
    QVERIFY(isOk(bob.registerUser(u"bob"_s)));
    const QJsonObject uploaded = upload(t.ada, fixture(u"tiny.png"_s));
    QVERIFY2(isOk(uploaded), qPrintable(dump(uploaded)));
    const QString imageId = imageIdOf(uploaded);

    const QJsonObject created = t.ada.request(u"post.create"_s,
        {{u"title"_s, u"Look"_s}, {u"content"_s, u"a picture"_s}, {u"imageId"_s, imageId}});
    QVERIFY2(isOk(created), qPrintable(dump(created)));
    const qint64 postId = postOf(created).value("id"_L1).toInteger();
    QCOMPARE(postOf(created).value("imageId"_L1).toString(), imageId);
    const QJsonObject createdEvent = bob.waitEventNamed(u"post.created"_s);
    QCOMPARE(postOf(createdEvent).value("imageId"_L1).toString(), imageId);

    // imageId omitted: the image stays.
    const QJsonObject kept = t.ada.request(u"post.update"_s,
        {{u"postId"_s, postId}, {u"title"_s, u"Look again"_s}, {u"content"_s, QString()}});
    QVERIFY2(isOk(kept), qPrintable(dump(kept)));
    QCOMPARE(postOf(kept).value("imageId"_L1).toString(), imageId);

    // An unknown image is refused and changes nothing.
    const QJsonObject unknown = t.ada.request(u"post.update"_s,
        {{u"postId"_s, postId}, {u"title"_s, u"Other"_s}, {u"content"_s, QString()},
            {u"imageId"_s, QString(64, u'e')}});
    QCOMPARE(errorCode(unknown), u"not_found"_s);
    QCOMPARE(errorField(unknown), u"imageId"_s);
    QCOMPARE(postOf(bob.request(u"post.get"_s, {{u"postId"_s, postId}})), postOf(kept));

    // imageId null: the image goes.
    const QJsonObject removed = t.ada.request(u"post.update"_s,
        {{u"postId"_s, postId}, {u"title"_s, u"No picture"_s}, {u"content"_s, QString()},
            {u"imageId"_s, QJsonValue()}});
    QVERIFY2(isOk(removed), qPrintable(dump(removed)));
    QVERIFY(postOf(removed).value("imageId"_L1).isNull());
    const QJsonObject removedEvent = bob.waitEvent([&removed](const QJsonObject &e) {
        return e.value("seq"_L1).toInteger() == removed.value("seq"_L1).toInteger();
    });
    QCOMPARE(removedEvent.value("event"_L1).toString(), u"post.updated"_s);
    QVERIFY(postOf(removedEvent).value("imageId"_L1).isNull());
    QVERIFY(
        postOf(bob.request(u"post.get"_s, {{u"postId"_s, postId}})).value("imageId"_L1).isNull());

    // And set again.
    const QJsonObject again = t.ada.request(u"post.update"_s,
        {{u"postId"_s, postId}, {u"title"_s, u"Picture"_s}, {u"content"_s, QString()},
            {u"imageId"_s, imageId}});
    QVERIFY2(isOk(again), qPrintable(dump(again)));
    QCOMPARE(postOf(again).value("imageId"_L1).toString(), imageId);
    // The image is still there to fetch.
    QVERIFY(isOk(bob.request(u"image.get"_s, {{u"imageId"_s, imageId}})));
}

void tst_Images::collectorKeepsOnlyReferencedImages()
{
    Images t;
    t.server.config().imageGcAge = std::chrono::seconds(0);
    t.server.config().imageGcInterval = std::chrono::milliseconds(200);
    QVERIFY(t.start());
    const QByteArray png = fixture(u"tiny.png"_s);
    const QByteArray gif = fixture(u"tiny.gif"_s);
    QVERIFY(!png.isEmpty() && !gif.isEmpty());

    // With age 0 the collector may take an image between its upload and the post that attaches
    // it (the post then answers not_found); a client uploads again then, and so does this test.
    QString kept;
    QJsonObject post;
    for (int attempt = 0; attempt < 20 && post.isEmpty(); ++attempt) {
        const QJsonObject uploaded = upload(t.ada, png);
        QVERIFY2(isOk(uploaded), qPrintable(dump(uploaded)));
        kept = imageIdOf(uploaded);
        const QJsonObject created = t.ada.request(u"post.create"_s,
            {{u"title"_s, u"Kept"_s}, {u"content"_s, QString()}, {u"imageId"_s, kept}});
        if (isOk(created))
            post = postOf(created);
        else
            QCOMPARE(errorCode(created), u"not_found"_s);
    }
    QVERIFY2(!post.isEmpty(), "the post with an image was never created");

    const QJsonObject unreferenced = upload(t.ada, gif);
    QVERIFY2(isOk(unreferenced), qPrintable(dump(unreferenced)));
    const QString dropped = imageIdOf(unreferenced);
    const auto getCode = [&t](const QString &imageId) {
        return errorCode(t.ada.request(u"image.get"_s, {{u"imageId"_s, imageId}}));
    };
    QTRY_COMPARE_WITH_TIMEOUT(getCode(dropped), u"not_found"_s, 10000);

    // The run that took the unreferenced image also saw the referenced one, and kept it.
    const QJsonObject got = t.ada.request(u"image.get"_s, {{u"imageId"_s, kept}});
    QVERIFY2(isOk(got), qPrintable(dump(got)));
    QCOMPARE(QByteArray::fromBase64(got.value("data"_L1).toString().toLatin1()), png);
    QCOMPARE(storedRows(t.server.databasePath(), u"images"_s), 1);

    // Once no post refers to it any more, it goes too.
    const QJsonObject deleted
        = t.ada.request(u"post.delete"_s, {{u"postId"_s, post.value("id"_L1).toInteger()}});
    QVERIFY2(isOk(deleted), qPrintable(dump(deleted)));
    QTRY_COMPARE_WITH_TIMEOUT(getCode(kept), u"not_found"_s, 10000);
    QCOMPARE(storedRows(t.server.databasePath(), u"images"_s), 0);
}

void tst_Images::uploadRepliesKeepRequestOrder()
{
    Images t;
    QVERIFY(t.start());
    const qsizetype before = t.ada.replies().size();
    // Decoding runs on a worker thread; the pings behind it must still wait their turn.
    QList<qint64> sent;
    sent.append(t.ada.send(u"image.upload"_s, {{u"data"_s, base64(encoded(2000, 2000, "PNG"))}}));
    for (int i = 0; i < 5; ++i)
        sent.append(t.ada.send(u"ping"_s));
    sent.append(t.ada.send(u"image.upload"_s, {{u"data"_s, 42}}));
    sent.append(t.ada.send(u"ping"_s));
    QTRY_COMPARE_WITH_TIMEOUT(t.ada.replies().size(), before + sent.size(), 20000);
    QList<qint64> order;
    for (qsizetype i = before; i < t.ada.replies().size(); ++i)
        order.append(t.ada.replies().at(i).value("id"_L1).toInteger());
    QCOMPARE(order, sent);
    QVERIFY2(isOk(t.ada.replies().at(before)), qPrintable(dump(t.ada.replies().at(before))));
    QCOMPARE(t.ada.replies().at(before).value("width"_L1).toInteger(), 2000);
    QCOMPARE(errorCode(t.ada.replies().at(before + 6)), u"bad_request"_s);
}

QTEST_GUILESS_MAIN(tst_Images)
#include "tst_images.moc"
