#include "store/imagestore.h"

#include "store/sqlconnection.h"
#include "store/writer.h"
#include "types.h"

#include <QDateTime>
#include <QSqlQuery>

namespace Hubbub::Server::ImageStore {

Status store(WriteTx &tx, const QString &imageId, const QString &mime, int width, int height,
    const QByteArray &data)
{
    // Re-uploading refreshes the age so the collector does not take an image that is about to be
    // attached to a post.
    Result<QSqlQuery *> q = tx.sql().run(
        QStringLiteral("INSERT INTO images (id, mime, width, height, data, created_at) "
                       "VALUES (?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT (id) DO UPDATE SET created_at = excluded.created_at"),
        {imageId, mime, width, height, data, nowTimestamp()});
    if (!q)
        return q.error();
    return Ok {};
}

Result<std::optional<StoredImage>> get(SqlConnection &c, const QString &imageId)
{
    Result<QSqlQuery *> q
        = c.run(QStringLiteral("SELECT mime, data FROM images WHERE id = ?"), {imageId});
    if (!q)
        return q.error();
    if (!(*q)->next())
        return std::optional<StoredImage>();
    StoredImage image {(*q)->value(0).toString(), (*q)->value(1).toByteArray()};
    (*q)->finish();
    return std::optional<StoredImage>(std::move(image));
}

Result<bool> exists(SqlConnection &c, const QString &imageId)
{
    Result<QSqlQuery *> q = c.run(QStringLiteral("SELECT 1 FROM images WHERE id = ?"), {imageId});
    if (!q)
        return q.error();
    const bool found = (*q)->next();
    (*q)->finish();
    return found;
}

Result<qint64> collectGarbage(WriteTx &tx, std::chrono::seconds age)
{
    const QString cutoff
        = formatTimestamp(QDateTime::currentDateTimeUtc().addSecs(-qint64(age.count())));
    Result<QSqlQuery *> q
        = tx.sql().run(QStringLiteral("DELETE FROM images WHERE created_at < ? AND NOT EXISTS "
                                      "(SELECT 1 FROM posts WHERE posts.image_id = images.id) "
                                      "AND NOT EXISTS (SELECT 1 FROM users "
                                      "WHERE users.avatar_image_id = images.id)"),
            {cutoff});
    if (!q)
        return q.error();
    return qint64((*q)->numRowsAffected());
}

} // namespace Hubbub::Server::ImageStore
