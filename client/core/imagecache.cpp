#include "imagecache.h"

#include "connection.h"
#include "logging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QSaveFile>

#include <chrono>

using namespace std::chrono_literals;

namespace Hubbub::Client {

namespace {

QString thumbnailKey(const QString &imageId, const QSize &bound)
{
    return imageId + QLatin1Char('@') + QString::number(bound.width()) + QLatin1Char('x')
        + QString::number(bound.height());
}

qint64 costOf(const QImage &image)
{
    return std::max<qint64>(1, image.sizeInBytes());
}

QImage decode(const QByteArray &bytes)
{
    QImage image;
    image.loadFromData(bytes);
    return image;
}

} // namespace

ImageCache::ImageCache(
    Connection *connection, const QString &diskDir, qint64 memoryBytes, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_diskDir(diskDir)
{
    // QCache counts in "cost" units of int; keep them in KiB so 96 MiB fits easily.
    m_images.setMaxCost(std::max<qint64>(1, memoryBytes * 3 / 4 / 1024));
    m_thumbnails.setMaxCost(std::max<qint64>(1, memoryBytes / 4 / 1024));
    if (!m_diskDir.isEmpty())
        QDir().mkpath(m_diskDir);
    connect(m_connection, &Connection::online, this, &ImageCache::onOnline);
}

bool ImageCache::isValidId(const QString &imageId)
{
    if (imageId.size() != 64)
        return false;
    return std::all_of(imageId.cbegin(), imageId.cend(), [](QChar c) {
        return (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            || (c >= QLatin1Char('a') && c <= QLatin1Char('f'));
    });
}

QString ImageCache::diskPath(const QString &imageId) const
{
    return m_diskDir.isEmpty() ? QString() : m_diskDir + QLatin1Char('/') + imageId;
}

QImage ImageCache::loadLocal(const QString &imageId)
{
    if (const QImage *cached = m_images.object(imageId))
        return *cached;
    const QString path = diskPath(imageId);
    if (path.isEmpty() || !QFile::exists(path))
        return {};
    QImageReader reader(path);
    reader.setAutoTransform(true);
    QImage image = reader.read();
    if (image.isNull()) {
        qCWarning(lcClient) << "dropping unreadable cached image" << imageId;
        QFile::remove(path);
        return {};
    }
    m_images.insert(imageId, new QImage(image), qsizetype(costOf(image) / 1024 + 1));
    return image;
}

QImage ImageCache::image(const QString &imageId)
{
    if (!isValidId(imageId))
        return {};
    QImage image = loadLocal(imageId);
    if (image.isNull())
        fetch(imageId);
    return image;
}

QImage ImageCache::thumbnail(const QString &imageId, const QSize &bound)
{
    if (!isValidId(imageId) || bound.isEmpty())
        return {};
    const QString key = thumbnailKey(imageId, bound);
    if (const QImage *cached = m_thumbnails.object(key))
        return *cached;
    const QImage full = image(imageId);
    if (full.isNull())
        return {};
    const QImage scaled = (full.width() <= bound.width() && full.height() <= bound.height())
        ? full
        : full.scaled(bound, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    m_thumbnails.insert(key, new QImage(scaled), qsizetype(costOf(scaled) / 1024 + 1));
    return scaled;
}

bool ImageCache::insert(const QString &imageId, const QByteArray &bytes)
{
    if (!isValidId(imageId))
        return false;
    const QImage image = decode(bytes);
    if (image.isNull())
        return false;
    const QString path = diskPath(imageId);
    if (!path.isEmpty() && !QFile::exists(path)) {
        QSaveFile file(path);
        if (file.open(QIODevice::WriteOnly)) {
            file.write(bytes);
            file.commit();
        }
    }
    m_images.insert(imageId, new QImage(image), qsizetype(costOf(image) / 1024 + 1));
    m_failed.remove(imageId);
    return true;
}

void ImageCache::fetch(const QString &imageId)
{
    if (m_loading.contains(imageId) || m_failed.contains(imageId))
        return;
    if (!m_connection->isOnline()) {
        m_wanted.insert(imageId);
        return;
    }
    m_loading.insert(imageId);
    ++m_downloads;
    m_connection->request(
        MessageType::ImageGet, {{QStringLiteral("imageId"), imageId}}, this,
        [this, imageId](const Reply &reply) {
            m_loading.remove(imageId);
            if (reply.isTransportFailure()) {
                m_wanted.insert(imageId);
                return;
            }
            if (!reply.ok()) {
                m_failed.insert(imageId);
                Q_EMIT imageFailed(imageId, reply.error().message);
                return;
            }
            const QByteArray bytes = QByteArray::fromBase64(
                reply.result().value(QStringLiteral("data")).toString().toLatin1());
            // Content addressing: what we store must be what the id names.
            const QString digest = QString::fromLatin1(
                QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
            if (digest != imageId || !insert(imageId, bytes)) {
                m_failed.insert(imageId);
                Q_EMIT imageFailed(imageId, tr("The image could not be shown."));
                return;
            }
            Q_EMIT imageReady(imageId);
        },
        120s);
}

void ImageCache::onOnline()
{
    const QSet<QString> wanted = std::exchange(m_wanted, {});
    for (const QString &imageId : wanted)
        fetch(imageId);
}

} // namespace Hubbub::Client
