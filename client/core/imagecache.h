#pragma once

#include <QCache>
#include <QImage>
#include <QObject>
#include <QSet>
#include <QSize>
#include <QString>

namespace Hubbub::Client {

class Connection;

//! Images by imageId: a memory LRU of decoded images and scaled thumbnails, in front of a
//! disk cache in the platform cache folder, in front of `image.get`. Nothing is fetched until
//! a view asks for it (a row became visible); each thumbnail size is scaled once.
class ImageCache final : public QObject
{
    Q_OBJECT
public:
    //! `diskDir` empty: memory only. `memoryBytes` bounds the decoded images kept.
    ImageCache(Connection *connection, const QString &diskDir,
        qint64 memoryBytes = 96 * 1024 * 1024, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ImageCache)

    //! The full image, or a null one while it loads (imageReady() follows).
    QImage image(const QString &imageId);
    //! The image scaled to fit `bound` (never enlarged), or null while it loads.
    QImage thumbnail(const QString &imageId, const QSize &bound);
    //! Puts freshly uploaded bytes in the caches so our own post shows without a download.
    //! Returns false when the bytes are not an image this build can decode.
    bool insert(const QString &imageId, const QByteArray &bytes);

    bool isLoading(const QString &imageId) const { return m_loading.contains(imageId); }
    int downloads() const { return m_downloads; }

Q_SIGNALS:
    void imageReady(const QString &imageId);
    void imageFailed(const QString &imageId, const QString &message);

private:
    static bool isValidId(const QString &imageId);
    QString diskPath(const QString &imageId) const;
    //! From memory or disk; null when neither has it.
    QImage loadLocal(const QString &imageId);
    void fetch(const QString &imageId);
    void onOnline();

    Connection *m_connection;
    QString m_diskDir;
    QCache<QString, QImage> m_images; //!< cost in bytes
    QCache<QString, QImage> m_thumbnails;
    QSet<QString> m_loading;
    QSet<QString> m_wanted; //!< asked for while offline
    QSet<QString> m_failed; //!< refused or undecodable: not asked for again
    int m_downloads = 0;
};

} // namespace Hubbub::Client
