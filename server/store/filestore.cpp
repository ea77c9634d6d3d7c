#include "store/filestore.h"

#include "logging.h"
#include "store/sqlconnection.h"
#include "store/writer.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace Hubbub::Server {

namespace {

//! The messages of this file, under one context that lupdate can see. The server sends
//! them in English (it knows no reader's language); the client shows its own text.
struct FileStoreText
{
    Q_DECLARE_TR_FUNCTIONS(Hubbub::Server::FileStore)
};

//! A JSON array of ids, bound as one string and read back with json_each() (PostgreSQL:
//! json_array_elements_text()): one prepared statement serves any number of ids.
QString jsonIds(const QList<qint64> &ids)
{
    QJsonArray array;
    for (const qint64 id : ids)
        array.append(id);
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

//! Makes a rename or a new file in `dir` durable (POSIX: the folder's entry is data too).
void syncDirectory(const QString &dir)
{
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
#else
    Q_UNUSED(dir);
#endif
}

Error diskError(const QString &what)
{
    qCWarning(lcDb) << "file store:" << what;
    return makeError(ErrorCode::Internal,
        FileStoreText::tr("The server could not store this file (its disk may be full). The "
                          "upload was stopped and its partial data removed."));
}

//! Fills the `files` of each entry (a Message or a Post) from `table` (`message_files` or
//! `post_files`, whose owner column is `column`), in one query for the whole list.
template<typename Entry>
Status loadFilesOf(
    SqlConnection &c, QList<Entry> &entries, const QString &table, const QString &column)
{
    if (entries.isEmpty())
        return Ok {};
    QList<qint64> ids;
    for (const Entry &entry : std::as_const(entries))
        ids.append(entry.id);
    Result<QSqlQuery *> q = c.run(QStringLiteral("SELECT a.%2, a.file_id, a.name, a.mime, f.size "
                                                 "FROM %1 a JOIN files f ON f.id = a.file_id "
                                                 "WHERE a.%2 IN (%3) ORDER BY a.%2, a.position")
                                      .arg(table, column,
                                          c.pick(QStringLiteral("SELECT value FROM json_each(?)"),
                                              QStringLiteral("SELECT value::bigint FROM "
                                                             "json_array_elements_text(?::json)"))),
        {jsonIds(ids)});
    if (!q)
        return q.error();
    QHash<qint64, QList<File>> byOwner;
    while ((*q)->next()) {
        byOwner[(*q)->value(0).toLongLong()].append(File {(*q)->value(1).toString(),
            (*q)->value(2).toString(), (*q)->value(4).toLongLong(), (*q)->value(3).toString()});
    }
    (*q)->finish();
    for (Entry &entry : entries)
        entry.files = byOwner.value(entry.id);
    return Ok {};
}

} // namespace

namespace FileStore {

Result<std::optional<qint64>> storedSize(SqlConnection &c, const QString &fileId)
{
    Result<QSqlQuery *> q = c.run(QStringLiteral("SELECT size FROM files WHERE id = ?"), {fileId});
    if (!q)
        return q.error();
    std::optional<qint64> size;
    if ((*q)->next())
        size = (*q)->value(0).toLongLong();
    (*q)->finish();
    return size;
}

Result<std::optional<Upload>> upload(SqlConnection &c, qint64 userId, const QString &fileId)
{
    Result<QSqlQuery *> q = c.run(QStringLiteral("SELECT name, size, mime FROM uploads "
                                                 "WHERE user_id = ? AND file_id = ?"),
        {userId, fileId});
    if (!q)
        return q.error();
    std::optional<Upload> found;
    if ((*q)->next()) {
        found = Upload {userId, fileId, (*q)->value(0).toString(), (*q)->value(1).toLongLong(),
            (*q)->value(2).toString()};
    }
    (*q)->finish();
    return found;
}

Result<int> uploadsInFlight(SqlConnection &c, qint64 userId, const QString &except)
{
    Result<QSqlQuery *> q
        = c.run(QStringLiteral("SELECT COUNT(*) FROM uploads WHERE user_id = ? AND file_id <> ?"),
            {userId, except});
    if (!q)
        return q.error();
    (*q)->next();
    const int count = (*q)->value(0).toInt();
    (*q)->finish();
    return count;
}

Status beginUpload(WriteTx &tx, const QString &dir, const Upload &upload)
{
    Result<std::optional<Upload>> earlier
        = FileStore::upload(tx.sql(), upload.userId, upload.fileId);
    if (!earlier)
        return earlier.error();
    const QString partial = FileDisk::partialPath(dir, upload.userId, upload.fileId);
    // The same content always has the same size: a different size is another file with a
    // colliding (that is, a wrong) hash, and starts over.
    if (*earlier && (*earlier)->size != upload.size)
        QFile::remove(partial);
    Result<QSqlQuery *> q = tx.sql().run(
        QStringLiteral("INSERT INTO uploads (user_id, file_id, name, size, mime, started_at) "
                       "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (user_id, file_id) DO UPDATE SET "
                       "name = excluded.name, size = excluded.size, mime = excluded.mime"),
        {upload.userId, upload.fileId, upload.name, upload.size, upload.mime, nowTimestamp()});
    if (!q)
        return q.error();
    if (FileDisk::partialSize(partial) < 0) {
        QFile file(partial);
        if (!file.open(QIODevice::WriteOnly))
            return diskError(
                QStringLiteral("cannot create %1: %2").arg(partial, file.errorString()));
    }
    return Ok {};
}

Status dropUpload(WriteTx &tx, const QString &dir, qint64 userId, const QString &fileId)
{
    Result<QSqlQuery *> q = tx.sql().run(
        QStringLiteral("DELETE FROM uploads WHERE user_id = ? AND file_id = ?"), {userId, fileId});
    if (!q)
        return q.error();
    QFile::remove(FileDisk::partialPath(dir, userId, fileId));
    return Ok {};
}

Result<File> claimStored(
    WriteTx &tx, qint64 userId, const QString &fileId, const QString &name, const QString &mime)
{
    Result<std::optional<qint64>> size = storedSize(tx.sql(), fileId);
    if (!size)
        return size.error();
    if (!*size) {
        return makeError(ErrorCode::NotFound, FileStoreText::tr("There is no such file."),
            QStringLiteral("fileId"));
    }
    // A new finish time restarts the grace period: the user is about to attach it.
    Result<QSqlQuery *> q = tx.sql().run(
        QStringLiteral("INSERT INTO user_files (user_id, file_id, name, mime, finished_at) "
                       "VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id, file_id) DO UPDATE SET "
                       "name = excluded.name, mime = excluded.mime, "
                       "finished_at = excluded.finished_at"),
        {userId, fileId, name, mime, nowTimestamp()});
    if (!q)
        return q.error();
    return File {fileId, name, **size, mime};
}

Result<File> finishUpload(WriteTx &tx, const QString &dir, const Upload &upload)
{
    const QString partial = FileDisk::partialPath(dir, upload.userId, upload.fileId);
    const QString target = FileDisk::contentPath(dir, upload.fileId);
    if (QFileInfo::exists(target)) {
        QFile::remove(partial); // the same bytes are there already
    } else {
        const QString folder = QFileInfo(target).absolutePath();
        if (!QDir().mkpath(folder))
            return diskError(QStringLiteral("cannot create %1").arg(folder));
        if (!QFile::rename(partial, target))
            return diskError(QStringLiteral("cannot move %1 to %2").arg(partial, target));
        syncDirectory(folder);
    }
    Result<QSqlQuery *> q
        = tx.sql().run(QStringLiteral("INSERT INTO files (id, size, created_at) VALUES (?, ?, ?) "
                                      "ON CONFLICT (id) DO NOTHING"),
            {upload.fileId, upload.size, nowTimestamp()});
    if (!q)
        return q.error();
    q = tx.sql().run(QStringLiteral("DELETE FROM uploads WHERE user_id = ? AND file_id = ?"),
        {upload.userId, upload.fileId});
    if (!q)
        return q.error();
    return claimStored(tx, upload.userId, upload.fileId, upload.name, upload.mime);
}

Result<QList<File>> resolveForAttach(SqlConnection &c, qint64 userId, const QStringList &ids)
{
    QList<File> files;
    for (const QString &id : ids) {
        Result<std::optional<File>> file = readable(c, userId, id);
        if (!file)
            return file.error();
        if (!*file) {
            return makeError(ErrorCode::NotFound,
                FileStoreText::tr("There is no such file, or its upload is not finished."),
                QStringLiteral("files"));
        }
        files.append(**file);
    }
    return files;
}

Status attachToMessage(WriteTx &tx, qint64 messageId, const QList<File> &files)
{
    for (qsizetype i = 0; i < files.size(); ++i) {
        Result<QSqlQuery *> q = tx.sql().run(
            QStringLiteral("INSERT INTO message_files (message_id, position, file_id, name, mime) "
                           "VALUES (?, ?, ?, ?, ?)"),
            {messageId, qint64(i), files[i].id, files[i].name, files[i].mime});
        if (!q)
            return q.error();
    }
    return Ok {};
}

Status attachToPost(WriteTx &tx, qint64 postId, const QList<File> &files)
{
    Result<QSqlQuery *> q
        = tx.sql().run(QStringLiteral("DELETE FROM post_files WHERE post_id = ?"), {postId});
    if (!q)
        return q.error();
    for (qsizetype i = 0; i < files.size(); ++i) {
        q = tx.sql().run(
            QStringLiteral("INSERT INTO post_files (post_id, position, file_id, name, mime) "
                           "VALUES (?, ?, ?, ?, ?)"),
            {postId, qint64(i), files[i].id, files[i].name, files[i].mime});
        if (!q)
            return q.error();
    }
    return Ok {};
}

Status loadFiles(SqlConnection &c, QList<Message> &messages)
{
    return loadFilesOf(c, messages, QStringLiteral("message_files"), QStringLiteral("message_id"));
}

Status loadFiles(SqlConnection &c, QList<Post> &posts)
{
    return loadFilesOf(c, posts, QStringLiteral("post_files"), QStringLiteral("post_id"));
}

Result<std::optional<File>> readable(SqlConnection &c, qint64 userId, const QString &fileId)
{
    // The caller's own upload first (their name for it), then an attachment they may read: a
    // message in a public channel or in a direct conversation they are a member of, or a post.
    Result<QSqlQuery *> q = c.run(
        QStringLiteral(
            "SELECT x.name, x.mime, f.size FROM files f JOIN ("
            " SELECT uf.name, uf.mime, 0 AS pref FROM user_files uf"
            "  WHERE uf.file_id = ? AND uf.user_id = ?"
            " UNION ALL SELECT mf.name, mf.mime, 1 FROM message_files mf"
            "  JOIN messages m ON m.id = mf.message_id JOIN channels ch ON ch.id = m.channel_id"
            "  WHERE mf.file_id = ? AND (ch.kind = 'public' OR EXISTS (SELECT 1 FROM"
            "  channel_members cm WHERE cm.channel_id = ch.id AND cm.user_id = ?))"
            " UNION ALL SELECT pf.name, pf.mime, 2 FROM post_files pf WHERE pf.file_id = ?"
            ") x ON f.id = ? ORDER BY x.pref LIMIT 1"),
        {fileId, userId, fileId, userId, fileId, fileId});
    if (!q)
        return q.error();
    std::optional<File> file;
    if ((*q)->next()) {
        file = File {fileId, (*q)->value(0).toString(), (*q)->value(2).toLongLong(),
            (*q)->value(1).toString()};
    }
    (*q)->finish();
    return file;
}

Result<Collected> collectGarbage(WriteTx &tx, const QString &dir, std::chrono::seconds grace,
    std::chrono::seconds abandoned, bool sweepDisk)
{
    Collected collected;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString graceCutoff = formatTimestamp(now.addSecs(-qint64(grace.count())));
    Result<QSqlQuery *> q = tx.sql().run(
        QStringLiteral("DELETE FROM user_files WHERE finished_at < ?"), {graceCutoff});
    if (!q)
        return q.error();

    q = tx.sql().run(
        QStringLiteral("SELECT id FROM files f WHERE created_at < ?"
                       " AND NOT EXISTS (SELECT 1 FROM user_files u WHERE u.file_id = f.id)"
                       " AND NOT EXISTS (SELECT 1 FROM message_files m WHERE m.file_id = f.id)"
                       " AND NOT EXISTS (SELECT 1 FROM post_files p WHERE p.file_id = f.id)"),
        {graceCutoff});
    if (!q)
        return q.error();
    QStringList unused;
    while ((*q)->next())
        unused.append((*q)->value(0).toString());
    (*q)->finish();
    for (const QString &id : std::as_const(unused)) {
        Result<QSqlQuery *> gone
            = tx.sql().run(QStringLiteral("DELETE FROM files WHERE id = ?"), {id});
        if (!gone)
            return gone.error();
        // The file goes after the commit (removeContent), so no committed row ever names a
        // missing file; a crash in between leaves a file without a row for the start-up sweep.
        collected.contentIds.append(id);
        ++collected.files;
    }

    // Abandoned uploads: the partial file's time is the time of the last chunk.
    q = tx.sql().run(QStringLiteral("SELECT user_id, file_id FROM uploads"));
    if (!q)
        return q.error();
    QList<std::pair<qint64, QString>> uploads;
    while ((*q)->next())
        uploads.append({(*q)->value(0).toLongLong(), (*q)->value(1).toString()});
    (*q)->finish();
    QSet<QString> live;
    const QDateTime abandonCutoff = now.addSecs(-qint64(abandoned.count()));
    for (const auto &[userId, fileId] : std::as_const(uploads)) {
        const QString partial = FileDisk::partialPath(dir, userId, fileId);
        const QFileInfo info(partial);
        if (info.exists() && info.lastModified().toUTC() >= abandonCutoff) {
            live.insert(QFileInfo(partial).fileName());
            continue;
        }
        if (Status s = dropUpload(tx, dir, userId, fileId); !s)
            return s.error();
        ++collected.uploads;
    }
    QDir partials(dir + QStringLiteral("/partial"));
    const QStringList strays = partials.entryList(QDir::Files);
    for (const QString &stray : strays) {
        if (!live.contains(stray) && partials.remove(stray))
            ++collected.uploads;
    }

    if (sweepDisk) {
        const QStringList folders = QDir(dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &folder : folders) {
            if (folder.size() != 2)
                continue;
            QDir sub(dir + u'/' + folder);
            const QStringList names = sub.entryList(QDir::Files);
            for (const QString &name : names) {
                // On PostgreSQL the folder is shared: another instance may have put a file in
                // place whose row it has not committed yet. Only the old ones are strays there.
                if (tx.sql().isPostgres()
                    && QFileInfo(sub.filePath(name))
                            .lastModified()
                            .secsTo(QDateTime::currentDateTime())
                        < abandoned.count())
                    continue;
                Result<std::optional<qint64>> size = storedSize(tx.sql(), name);
                if (!size)
                    return size.error();
                if (!*size && sub.remove(name))
                    ++collected.files;
            }
        }
    }
    return collected;
}

Result<qint64> removeContent(WriteTx &tx, const QString &dir, const QStringList &fileIds)
{
    qint64 removed = 0;
    for (const QString &id : fileIds) {
        // Uploaded again since it was collected: the row is back and the file is its own.
        Result<std::optional<qint64>> size = storedSize(tx.sql(), id);
        if (!size)
            return size.error();
        if (!*size && QFile::remove(FileDisk::contentPath(dir, id)))
            ++removed;
    }
    return removed;
}

} // namespace FileStore

namespace FileDisk {

QString directoryFor(const QString &databasePath)
{
    return databasePath + QStringLiteral(".files");
}

QString contentPath(const QString &dir, const QString &fileId)
{
    return dir + u'/' + fileId.left(2) + u'/' + fileId;
}

QString partialPath(const QString &dir, qint64 userId, const QString &fileId)
{
    return dir + QStringLiteral("/partial/") + QString::number(userId) + u'-' + fileId;
}

Status prepare(const QString &dir)
{
    if (!QDir().mkpath(dir + QStringLiteral("/partial"))) {
        return makeError(
            ErrorCode::Internal, QStringLiteral("cannot create the files folder %1").arg(dir));
    }
    return Ok {};
}

qint64 partialSize(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() ? info.size() : -1;
}

Result<qint64> writeChunk(const QString &path, qint64 offset, const QByteArray &bytes)
{
    QFile file(path);
    // ExistingOnly: an upload removed meanwhile (cancelled, collected) is not brought back.
    if (!file.open(QIODevice::ReadWrite | QIODevice::ExistingOnly)) {
        return makeError(ErrorCode::NotFound,
            FileStoreText::tr("This upload is gone (cancelled or abandoned); begin it again."),
            QStringLiteral("fileId"));
    }
    if (file.size() != offset) {
        return makeError(ErrorCode::Invalid,
            FileStoreText::tr("The chunk must start at byte %1.").arg(file.size()),
            QStringLiteral("offset"));
    }
    if (!file.seek(offset) || file.write(bytes) != bytes.size() || !file.flush()) {
        const QString why = file.errorString();
        file.close();
        // What was written of a refused chunk is cut off: the upload stays resumable from the
        // bytes acknowledged before it.
        QFile::resize(path, offset);
        return diskError(QStringLiteral("cannot write %1: %2").arg(path, why));
    }
    return offset + bytes.size();
}

Result<QString> hashAndSync(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return diskError(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return diskError(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
#ifdef Q_OS_UNIX
    if (::fsync(file.handle()) != 0)
        return diskError(QStringLiteral("cannot sync %1").arg(path));
#endif
    return QString::fromLatin1(hash.result().toHex());
}

Result<QByteArray> read(const QString &path, qint64 offset, qint64 length)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || !file.seek(offset)) {
        qCWarning(lcDb) << "file store: cannot read" << path << file.errorString();
        return makeError(
            ErrorCode::Internal, FileStoreText::tr("The server could not read this file."));
    }
    QByteArray bytes = file.read(length);
    if (bytes.size() != length) {
        qCWarning(lcDb) << "file store: short read of" << path;
        return makeError(
            ErrorCode::Internal, FileStoreText::tr("The server could not read this file."));
    }
    return bytes;
}

} // namespace FileDisk
} // namespace Hubbub::Server
