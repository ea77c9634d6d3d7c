// ImageCache against a real in-process server: an image is downloaded once however often it is
// asked for, thumbnails are scaled to fit (never enlarged) and cached, the disk cache serves a
// second cache without a download, and unknown or broken images fail cleanly.

#include "connection.h"
#include "imagecache.h"
#include "testclient.h"
#include "testserver.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

namespace {

QByteArray fixture(const QString &name)
{
    const QString path = QFINDTESTDATA(u"../data/images/"_s + name);
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QByteArray png(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    if (!buffer.open(QIODevice::WriteOnly) || !image.save(&buffer, "PNG"))
        return {};
    return bytes;
}

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

class tst_ImageCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void downloadsOnce_data();
    void downloadsOnce();
    void thumbnailsFitAndAreCached();
    void diskCacheServesSecondCache();
    void damagedDiskFileIsFetchedAgain();
    void unknownImageFails();
    void malformedIdIsNotFetched();
    void insertShowsOwnUploadWithoutDownload();
    void askedOfflineFetchedWhenOnline();

private:
    //! Uploads `bytes` with the test client; returns the imageId (empty on failure).
    QString upload(const QByteArray &bytes);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_client;
    std::unique_ptr<Connection> m_connection;
};

void tst_ImageCache::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY(m_server->start());
    m_client = std::make_unique<TestClient>();
    QVERIFY(m_client->open(m_server->url()));
    QVERIFY(isOk(m_client->registerUser(u"ada"_s)));
    m_connection = std::make_unique<Connection>();
    QSignalSpy online(m_connection.get(), &Connection::online);
    m_connection->resume(m_server->url(), m_client->token());
    QTRY_COMPARE_WITH_TIMEOUT(online.size(), 1, 10000);
}

void tst_ImageCache::cleanupTestCase()
{
    m_connection.reset();
    m_client.reset();
    m_server.reset();
}

QString tst_ImageCache::upload(const QByteArray &bytes)
{
    const QJsonObject reply = m_client->request(
        u"image.upload"_s, {{u"data"_s, QString::fromLatin1(bytes.toBase64())}});
    return reply.value("imageId"_L1).toString();
}

void tst_ImageCache::downloadsOnce_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<bool>("onDisk");
    QTest::addRow("png, disk") << u"tiny.png"_s << true;
    QTest::addRow("jpeg, disk") << u"tiny.jpg"_s << true;
    QTest::addRow("gif, memory only") << u"tiny.gif"_s << false;
}

void tst_ImageCache::downloadsOnce()
{
    QFETCH(QString, fixture);
    QFETCH(bool, onDisk);
    const QByteArray bytes = ::fixture(fixture);
    QVERIFY(!bytes.isEmpty());
    const QString id = upload(bytes);
    QCOMPARE(id, sha256Hex(bytes));
    const QImage expected = QImage::fromData(bytes);
    QVERIFY(!expected.isNull());

    QTemporaryDir dir;
    ImageCache cache(m_connection.get(), onDisk ? dir.path() : QString());
    QSignalSpy ready(&cache, &ImageCache::imageReady);
    QSignalSpy failed(&cache, &ImageCache::imageFailed);
    QVERIFY(cache.image(id).isNull());
    QVERIFY(cache.isLoading(id));
    QCOMPARE(cache.downloads(), 1);
    // Every row showing the image asks; one download serves them all.
    for (int i = 0; i < 5; ++i) {
        QVERIFY(cache.image(id).isNull());
        QVERIFY(cache.thumbnail(id, QSize(32, 32)).isNull());
    }
    QCOMPARE(cache.downloads(), 1);
    QTRY_COMPARE(ready.size(), 1);
    QCOMPARE(ready.at(0).at(0).toString(), id);
    QVERIFY(!cache.isLoading(id));
    const QImage image = cache.image(id);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), expected.size());
    for (int i = 0; i < 5; ++i)
        QVERIFY(!cache.image(id).isNull());
    QCOMPARE(cache.downloads(), 1);
    QCOMPARE(ready.size(), 1);
    QCOMPARE(failed.size(), 0);
    // The disk copy holds exactly the bytes the id names.
    QCOMPARE(QFile::exists(dir.filePath(id)), onDisk);
    if (onDisk) {
        QFile file(dir.filePath(id));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(sha256Hex(file.readAll()), id);
    }
}

void tst_ImageCache::thumbnailsFitAndAreCached()
{
    const QString id = upload(png(200, 100));
    QVERIFY(!id.isEmpty());
    ImageCache cache(m_connection.get(), QString());
    QSignalSpy ready(&cache, &ImageCache::imageReady);
    QVERIFY(cache.thumbnail(id, QSize(50, 50)).isNull());
    QTRY_COMPARE(ready.size(), 1);

    const QImage small = cache.thumbnail(id, QSize(50, 50));
    // Aspect ratio kept, fitted inside the bound.
    QCOMPARE(small.size(), QSize(50, 25));
    const QImage tall = cache.thumbnail(id, QSize(20, 100));
    QCOMPARE(tall.size(), QSize(20, 10));
    // Never enlarged.
    QCOMPARE(cache.thumbnail(id, QSize(400, 400)).size(), QSize(200, 100));
    QCOMPARE(cache.thumbnail(id, QSize(200, 100)).size(), QSize(200, 100));
    // Scaled once per size: the second ask returns the cached image itself.
    QCOMPARE(cache.thumbnail(id, QSize(50, 50)).cacheKey(), small.cacheKey());
    QCOMPARE(cache.thumbnail(id, QSize(20, 100)).cacheKey(), tall.cacheKey());
    // No bound, no thumbnail.
    QVERIFY(cache.thumbnail(id, QSize(0, 0)).isNull());
    QCOMPARE(cache.downloads(), 1);
}

void tst_ImageCache::diskCacheServesSecondCache()
{
    const QString id = upload(png(64, 48));
    QTemporaryDir dir;
    {
        ImageCache first(m_connection.get(), dir.path());
        QSignalSpy ready(&first, &ImageCache::imageReady);
        first.image(id);
        QTRY_COMPARE(ready.size(), 1);
        QCOMPARE(first.downloads(), 1);
    }
    // The next start of the app: the disk has it.
    ImageCache second(m_connection.get(), dir.path());
    QSignalSpy ready(&second, &ImageCache::imageReady);
    const QImage image = second.image(id);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(64, 48));
    QCOMPARE(second.thumbnail(id, QSize(32, 32)).size(), QSize(32, 24));
    QCOMPARE(second.downloads(), 0);
    QVERIFY(!second.isLoading(id));
    QCOMPARE(ready.size(), 0);
}

void tst_ImageCache::damagedDiskFileIsFetchedAgain()
{
    const QString id = upload(png(30, 30));
    QTemporaryDir dir;
    QFile damaged(dir.filePath(id));
    QVERIFY(damaged.open(QIODevice::WriteOnly));
    damaged.write("not an image at all");
    damaged.close();
    ImageCache cache(m_connection.get(), dir.path());
    QSignalSpy ready(&cache, &ImageCache::imageReady);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"dropping unreadable cached image"_s));
    QVERIFY(cache.image(id).isNull());
    QCOMPARE(cache.downloads(), 1);
    QTRY_COMPARE(ready.size(), 1);
    QCOMPARE(cache.image(id).size(), QSize(30, 30));
    // The file now holds the real image.
    QFile file(dir.filePath(id));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(sha256Hex(file.readAll()), id);
}

void tst_ImageCache::unknownImageFails()
{
    const QString id = sha256Hex("never uploaded");
    QTemporaryDir dir;
    ImageCache cache(m_connection.get(), dir.path());
    QSignalSpy ready(&cache, &ImageCache::imageReady);
    QSignalSpy failed(&cache, &ImageCache::imageFailed);
    QVERIFY(cache.image(id).isNull());
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).at(0).toString(), id);
    QVERIFY(!failed.at(0).at(1).toString().isEmpty());
    QVERIFY(!cache.isLoading(id));
    // Not asked for again: a refused image stays refused.
    QVERIFY(cache.image(id).isNull());
    QVERIFY(cache.thumbnail(id, QSize(10, 10)).isNull());
    QCOMPARE(cache.downloads(), 1);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(ready.size(), 0);
    QVERIFY(!QFile::exists(dir.filePath(id)));
}

void tst_ImageCache::malformedIdIsNotFetched()
{
    ImageCache cache(m_connection.get(), QString());
    QSignalSpy failed(&cache, &ImageCache::imageFailed);
    // Not 64 lowercase hex digits: never sent, never a path on disk.
    for (const QString &id : {u""_s, u"xyz"_s, u"../../etc/passwd"_s, QString(64, u'A')}) {
        QVERIFY(cache.image(id).isNull());
        QVERIFY(cache.thumbnail(id, QSize(10, 10)).isNull());
    }
    QCOMPARE(cache.downloads(), 0);
    QCOMPARE(failed.size(), 0);
}

void tst_ImageCache::insertShowsOwnUploadWithoutDownload()
{
    const QByteArray bytes = png(40, 20);
    const QString id = sha256Hex(bytes);
    QTemporaryDir dir;
    ImageCache cache(m_connection.get(), dir.path());
    QVERIFY(cache.insert(id, bytes));
    QCOMPARE(cache.image(id).size(), QSize(40, 20));
    QCOMPARE(cache.downloads(), 0);
    QVERIFY(QFile::exists(dir.filePath(id)));
    QVERIFY(!cache.insert(sha256Hex("junk"), QByteArray("junk")));
    QVERIFY(!cache.insert(u"bad id"_s, bytes));
}

void tst_ImageCache::askedOfflineFetchedWhenOnline()
{
    const QString id = upload(png(16, 16));
    Connection connection;
    ImageCache cache(&connection, QString());
    QSignalSpy ready(&cache, &ImageCache::imageReady);
    // Offline: remembered, not sent.
    QVERIFY(cache.image(id).isNull());
    QCOMPARE(cache.downloads(), 0);
    connection.resume(m_server->url(), m_client->token());
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 10000);
    QCOMPARE(cache.downloads(), 1);
    QCOMPARE(cache.image(id).size(), QSize(16, 16));
}

QTEST_GUILESS_MAIN(tst_ImageCache)
#include "tst_imagecache.moc"
