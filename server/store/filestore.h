#pragma once

#include "error.h"
#include "types.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

namespace Hubbub::Server {

class SqlConnection;
class WriteTx;

//! Attachments (part "files"): the rows that say which content is stored, who uploaded what,
//! which uploads are in progress and what is attached where. The bytes are files on disk
//! (FileDisk); docs/architecture.md, "Files", says why and how the two stay in step.
namespace FileStore {

//! An upload in progress: its bytes so far are in FileDisk::partialPath().
struct Upload
{
    qint64 userId = 0;
    QString fileId;
    QString name;
    qint64 size = 0;
    QString mime;
};

//! The stored content's size, when that content is stored.
Result<std::optional<qint64>> storedSize(SqlConnection &c, const QString &fileId);
Result<std::optional<Upload>> upload(SqlConnection &c, qint64 userId, const QString &fileId);
//! Uploads the user has begun and not finished or cancelled, `except` one.
Result<int> uploadsInFlight(SqlConnection &c, qint64 userId, const QString &except);
//! Records the upload (again) and creates its empty partial file when there is none.
Status beginUpload(WriteTx &tx, const QString &dir, const Upload &upload);
//! Forgets the upload and removes its partial file.
Status dropUpload(WriteTx &tx, const QString &dir, qint64 userId, const QString &fileId);
//! Moves the checked, fsynced partial file to its content-addressed place (fsyncing the
//! folder), records the content and the user's upload of it, and forgets the upload.
Result<File> finishUpload(WriteTx &tx, const QString &dir, const Upload &upload);
//! The user uploads content that is stored already: records their upload of it.
Result<File> claimStored(
    WriteTx &tx, qint64 userId, const QString &fileId, const QString &name, const QString &mime);

//! The files a user may attach, in the order given: each one they uploaded, or may read
//! already. `not_found` field `files` for any other.
Result<QList<File>> resolveForAttach(SqlConnection &c, qint64 userId, const QStringList &ids);
Status attachToMessage(WriteTx &tx, qint64 messageId, const QList<File> &files);
//! Replaces the post's attachments.
Status attachToPost(WriteTx &tx, qint64 postId, const QList<File> &files);
//! Fills `files` of each message (one query for the lot).
Status loadFiles(SqlConnection &c, QList<Message> &messages);
Status loadFiles(SqlConnection &c, QList<Post> &posts);

//! The file as the user may see it: attached to a message they may read or to a post, or
//! uploaded by them; nullopt otherwise (which the caller answers as `not_found`).
Result<std::optional<File>> readable(SqlConnection &c, qint64 userId, const QString &fileId);

//! What the collector removed.
struct Collected
{
    qint64 files = 0;
    qint64 uploads = 0;
    QStringList contentIds; //!< rows removed: their files go once this is committed
};
//! Forgets finished uploads older than `grace`, removes content nothing references (and not
//! finished within `grace`) with its file, and abandoned uploads: those whose partial file has
//! not changed for `abandoned`, whose partial file is gone, and partial files with no upload.
//! With `sweepDisk`, also content files that have no row (left by a crash between a commit and
//! the removal of the file); the server does that at start-up.
Result<Collected> collectGarbage(WriteTx &tx, const QString &dir, std::chrono::seconds grace,
    std::chrono::seconds abandoned, bool sweepDisk);

//! Removes the files of collected content (after the collector's commit); a file whose row
//! came back meanwhile (uploaded again) stays. Runs on the writer thread, as finishUpload()
//! does, so the two never race. Returns how many were removed.
Result<qint64> removeContent(WriteTx &tx, const QString &dir, const QStringList &fileIds);

} // namespace FileStore

//! The files on disk. Pure file operations with no database, for the worker threads.
namespace FileDisk {

//! The folder of a database's files: `<database>.files`.
QString directoryFor(const QString &databasePath);
//! `<dir>/ab/<id>`, content-addressed.
QString contentPath(const QString &dir, const QString &fileId);
//! `<dir>/partial/<userId>-<id>`.
QString partialPath(const QString &dir, qint64 userId, const QString &fileId);
//! Creates the folder and its partial/ folder.
Status prepare(const QString &dir);
//! The partial file's size; -1 when there is none.
qint64 partialSize(const QString &path);
//! Writes `bytes` at `offset` of an existing partial file whose size is `offset`. Returns the
//! new size. A write the disk refuses (full, quota) fails with `internal`.
Result<qint64> writeChunk(const QString &path, qint64 offset, const QByteArray &bytes);
//! Hashes the file (lowercase hex SHA-256) and fsyncs it.
Result<QString> hashAndSync(const QString &path);
//! Reads `length` bytes at `offset`.
Result<QByteArray> read(const QString &path, qint64 offset, qint64 length);

} // namespace FileDisk
} // namespace Hubbub::Server
