#include "handlers/filehandler.h"

#include "protocollimits.h"
#include "validation.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QStorageInfo>

namespace Hubbub::Server {

namespace {

//! The messages of this file, under one context that lupdate can see. The server sends
//! them in English (it knows no reader's language); the client shows its own text.
struct FileText
{
    Q_DECLARE_TR_FUNCTIONS(Hubbub::Server::FileHandler)
};

//! Room kept free on the disk beyond an upload's remaining bytes, for the database.
constexpr qint64 DiskReserve = 64 * 1024 * 1024;

QString keyOf(qint64 userId, const QString &fileId)
{
    return QString::number(userId) + u':' + fileId;
}

Error noSuchUpload()
{
    return makeError(ErrorCode::NotFound,
        FileText::tr("There is no such upload (it was finished, cancelled or abandoned)."),
        QStringLiteral("fileId"));
}

Error noSuchFile()
{
    return makeError(
        ErrorCode::NotFound, FileText::tr("There is no such file."), QStringLiteral("fileId"));
}

//! A file id given by the client: a SHA-256 in hex, either case (stored in lower case).
Result<QString> fileIdParam(const Params &params, const QString &key, bool notFound)
{
    const Result<QString> id = params.string(key);
    if (!id)
        return id.error();
    const QString lower = id->toLower();
    if (!Validation::isImageId(lower)) {
        if (notFound)
            return key == u"fileId" ? noSuchFile() : noSuchUpload();
        return makeError(
            ErrorCode::Invalid, FileText::tr("This must be a SHA-256 digest in hexadecimal."), key);
    }
    return lower;
}

//! A file name as stored: trimmed, 1..255 characters, no control characters and no path.
Result<QString> fileName(const Params &params)
{
    const Result<QString> name = params.string(QStringLiteral("name"));
    if (!name)
        return name.error();
    const QString trimmed = name->trimmed();
    const Error invalid = makeError(ErrorCode::Invalid,
        FileText::tr("A file name has 1 to 255 characters, without control characters, '/' or "
                     "'\\'."),
        QStringLiteral("name"));
    if (trimmed.isEmpty() || trimmed == u"." || trimmed == u"..")
        return invalid;
    if (Validation::charCount(trimmed) > Limits::FileNameMax) {
        return makeError(ErrorCode::TooLarge,
            FileText::tr("A file name has at most 255 characters."), QStringLiteral("name"));
    }
    for (const QChar ch : trimmed) {
        if (ch.category() == QChar::Other_Control || ch == u'/' || ch == u'\\')
            return invalid;
    }
    return trimmed;
}

Result<QString> mimeParam(const Params &params)
{
    const Result<std::optional<QString>> mime = params.optionalString(QStringLiteral("mime"));
    if (!mime)
        return mime.error();
    if (!*mime || (*mime)->isEmpty())
        return QStringLiteral("application/octet-stream");
    static const QRegularExpression form(
        QStringLiteral("^[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*$"));
    const QString lower = (*mime)->toLower();
    if (lower.size() > Limits::FileMimeMax || !form.match(lower).hasMatch()) {
        return makeError(ErrorCode::Invalid,
            FileText::tr("The type must look like 'application/pdf'."), QStringLiteral("mime"));
    }
    return lower;
}

//! True when `key` is a number above `max`: too large, however large (integer() refuses
//! numbers past 2^53 as not whole, which would answer `invalid` for 1e16 bytes).
bool above(const Params &params, const QString &key, qint64 max)
{
    const QJsonValue value = params.value(key);
    return value.isDouble() && value.toDouble() > double(max);
}

//! The bytes a base64 text decodes to (padded or not); the text is checked when decoded.
qint64 decodedSize(const QString &encoded)
{
    qint64 length = encoded.size();
    while (length > 0 && encoded.at(length - 1) == u'=' && encoded.size() - length < 2)
        --length;
    return length * 3 / 4;
}

} // namespace

FileHandler::FileHandler(ServerContext &context)
    : Handler(context)
    , m_dir(FileDisk::directoryFor(context.config.databasePath))
{ }

QList<MessageType> FileHandler::types() const
{
    return {MessageType::FileBegin, MessageType::FileChunk, MessageType::FileFinish,
        MessageType::FileCancel, MessageType::FileGet};
}

void FileHandler::handle(const Caller &caller, const Request &request, const Responder &reply)
{
    const Params params(request.params);
    const User &user = *caller.user;
    switch (request.type) {
    case MessageType::FileBegin:
        return begin(user, params, reply);
    case MessageType::FileChunk:
        return chunk(user, params, reply);
    case MessageType::FileFinish:
        return finish(user, params, reply);
    case MessageType::FileCancel:
        return cancel(user, params, reply);
    case MessageType::FileGet:
        return get(user, params, reply);
    default:
        return reply.fail(makeError(ErrorCode::BadRequest, FileText::tr("Not a file request.")));
    }
}

void FileHandler::begin(const User &user, const Params &params, const Responder &reply)
{
    const Result<QString> name = fileName(params);
    if (!name)
        return reply.fail(name.error());
    if (above(params, QStringLiteral("size"), Limits::FileBytesMax)) {
        return reply.fail(makeError(ErrorCode::TooLarge,
            FileText::tr("A file can be at most 100 MiB."), QStringLiteral("size")));
    }
    const Result<qint64> size = params.integer(QStringLiteral("size"));
    if (!size)
        return reply.fail(size.error());
    if (*size < 0) {
        return reply.fail(makeError(ErrorCode::Invalid,
            FileText::tr("The size must not be negative."), QStringLiteral("size")));
    }
    const Result<QString> fileId = fileIdParam(params, QStringLiteral("sha256"), false);
    if (!fileId)
        return reply.fail(fileId.error());
    const Result<QString> mime = mimeParam(params);
    if (!mime)
        return reply.fail(mime.error());

    const Result<std::optional<qint64>> stored = FileStore::storedSize(m_ctx.reader, *fileId);
    if (!stored)
        return reply.fail(stored.error());
    if (*stored) {
        // The content is here already (the same bytes, by their hash): nothing to send. Its
        // id and its size are the proof of having it (docs/protocol.md, "Files").
        if (**stored != *size) {
            return reply.fail(makeError(ErrorCode::Invalid,
                FileText::tr("The size does not match the file with this SHA-256."),
                QStringLiteral("size")));
        }
        m_ctx.writer.submit(
            [userId = user.id, id = *fileId, name = *name, mime = *mime](
                WriteTx &tx) -> Result<QJsonObject> {
                Result<File> file = FileStore::claimStored(tx, userId, id, name, mime);
                if (!file)
                    return file.error();
                return QJsonObject {{QStringLiteral("fileId"), id},
                    {QStringLiteral("complete"), true}, {QStringLiteral("file"), file->toJson()}};
            },
            [reply](const WriteOutcome &outcome) { reply.finish(outcome); });
        return;
    }
    const QStorageInfo disk(m_dir);
    if (disk.isValid() && disk.bytesAvailable() < *size + DiskReserve) {
        return reply.fail(makeError(
            ErrorCode::Internal, FileText::tr("The server has no room for this file right now.")));
    }
    const FileStore::Upload meta {user.id, *fileId, *name, *size, *mime};
    m_ctx.writer.submit(
        [meta, dir = m_dir](WriteTx &tx) -> Result<QJsonObject> {
            // Counted here, in order with every other begin: counted on the read connection,
            // a burst of begins would each see the uploads committed before it.
            const Result<int> inFlight
                = FileStore::uploadsInFlight(tx.sql(), meta.userId, meta.fileId);
            if (!inFlight)
                return inFlight.error();
            if (*inFlight >= Limits::FileUploadsPerUser) {
                return rateLimited(
                    FileText::tr("You have %1 uploads in progress; finish or cancel one first.")
                        .arg(Limits::FileUploadsPerUser),
                    1000);
            }
            if (Status s = FileStore::beginUpload(tx, dir, meta); !s)
                return s.error();
            return QJsonObject {{QStringLiteral("fileId"), meta.fileId},
                {QStringLiteral("received"),
                    std::max<qint64>(0,
                        FileDisk::partialSize(
                            FileDisk::partialPath(dir, meta.userId, meta.fileId)))}};
        },
        [reply](const WriteOutcome &outcome) { reply.finish(outcome); });
}

Result<FileHandler::Upload *> FileHandler::uploadOf(qint64 userId, const QString &fileId)
{
    const QString key = keyOf(userId, fileId);
    auto it = m_uploads.find(key);
    if (it != m_uploads.end())
        return &*it; // steps are queued or running: their state is ahead of the disk
    const Result<std::optional<FileStore::Upload>> row
        = FileStore::upload(m_ctx.reader, userId, fileId);
    if (!row)
        return row.error();
    if (!*row)
        return nullptr;
    const qint64 size = FileDisk::partialSize(FileDisk::partialPath(m_dir, userId, fileId));
    if (size < 0)
        return nullptr;
    return &*m_uploads.insert(key, Upload {**row, size, size, false, {}});
}

void FileHandler::chunk(const User &user, const Params &params, const Responder &reply)
{
    const Result<QString> fileId = fileIdParam(params, QStringLiteral("fileId"), true);
    if (!fileId)
        return reply.fail(fileId.error());
    const Result<qint64> offset = params.integer(QStringLiteral("offset"));
    if (!offset)
        return reply.fail(offset.error());
    const Result<QString> data = params.string(QStringLiteral("data"));
    if (!data)
        return reply.fail(data.error());
    constexpr qsizetype maxEncoded = (Limits::FileChunkBytesMax + 2) / 3 * 4;
    if (data->size() > maxEncoded) {
        return reply.fail(makeError(ErrorCode::TooLarge,
            FileText::tr("A chunk can be at most 4 MiB."), QStringLiteral("data")));
    }
    const qint64 bytes = decodedSize(*data);
    if (bytes > Limits::FileChunkBytesMax) { // 4 MiB + 1 or + 2 encodes to as many characters
        return reply.fail(makeError(ErrorCode::TooLarge,
            FileText::tr("A chunk can be at most 4 MiB."), QStringLiteral("data")));
    }
    if (data->size() % 4 == 1 || bytes == 0) {
        return reply.fail(makeError(ErrorCode::Invalid,
            FileText::tr("The chunk is not valid base64, or empty."), QStringLiteral("data")));
    }
    const Result<Upload *> upload = uploadOf(user.id, *fileId);
    if (!upload)
        return reply.fail(upload.error());
    if (!*upload)
        return reply.fail(noSuchUpload());
    Upload &state = **upload;
    const QString key = keyOf(user.id, *fileId);
    if (*offset != state.accepted) {
        const qint64 expected = state.accepted;
        releaseIfIdle(key);
        return reply.fail(makeError(ErrorCode::Invalid,
            FileText::tr("The chunk must start at byte %1.").arg(expected),
            QStringLiteral("offset")));
    }
    if (state.accepted + bytes > state.meta.size) {
        releaseIfIdle(key);
        return reply.fail(makeError(ErrorCode::Invalid,
            FileText::tr("The chunk goes past the end of the file."), QStringLiteral("data")));
    }
    state.accepted += bytes;
    const QString path = FileDisk::partialPath(m_dir, user.id, *fileId);
    enqueue(key,
        Step {[this, key, path, offset = *offset, encoded = *data, reply] {
                  onWorker(
                      [path, offset, encoded]() -> Result<qint64> {
                          auto decoded = QByteArray::fromBase64Encoding(
                              encoded.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
                          if (!decoded) {
                              return makeError(ErrorCode::Invalid,
                                  FileText::tr("The chunk is not valid base64, or empty."),
                                  QStringLiteral("data"));
                          }
                          return FileDisk::writeChunk(path, offset, decoded.decoded);
                      },
                      [this, key, reply](Result<qint64> written) {
                          auto it = m_uploads.find(key);
                          if (written) {
                              if (it != m_uploads.end())
                                  it->written = *written;
                              reply.ok({{QStringLiteral("received"), *written}});
                              return stepDone(key);
                          }
                          if (it == m_uploads.end())
                              return reply.fail(written.error());
                          if (written.error().code == ErrorCode::Internal
                              || written.error().code == ErrorCode::NotFound) {
                              // A disk that refuses the bytes: the upload stops and its partial
                              // file goes, freeing the room, before the answer says so.
                              const FileStore::Upload meta = it->meta;
                              forget(key);
                              m_ctx.writer.submit(
                                  [meta, dir = m_dir](WriteTx &tx) -> Result<QJsonObject> {
                                      if (Status s = FileStore::dropUpload(
                                              tx, dir, meta.userId, meta.fileId);
                                          !s)
                                          return s.error();
                                      return QJsonObject();
                                  },
                                  [reply, error = written.error()](
                                      const WriteOutcome &) { reply.fail(error); });
                              return;
                          }
                          // Refused (not base64, not where the file ends): the chunks queued
                          // behind it are refused in turn, and the client resends from the
                          // bytes the file holds.
                          reply.fail(written.error());
                          it->accepted = it->written;
                          stepDone(key);
                      });
              },
            reply});
}

void FileHandler::finish(const User &user, const Params &params, const Responder &reply)
{
    const Result<QString> fileId = fileIdParam(params, QStringLiteral("fileId"), true);
    if (!fileId)
        return reply.fail(fileId.error());
    const Result<Upload *> upload = uploadOf(user.id, *fileId);
    if (!upload)
        return reply.fail(upload.error());
    if (!*upload)
        return reply.fail(noSuchUpload());
    const QString key = keyOf(user.id, *fileId);
    enqueue(key,
        Step {[this, key, reply] {
                  Upload &state = m_uploads[key];
                  if (state.written != state.meta.size) {
                      reply.fail(makeError(ErrorCode::Invalid,
                          FileText::tr("The upload is not complete: %1 of %2 bytes received.")
                              .arg(state.written)
                              .arg(state.meta.size),
                          QStringLiteral("size")));
                      return stepDone(key);
                  }
                  const FileStore::Upload meta = state.meta;
                  const QString path = FileDisk::partialPath(m_dir, meta.userId, meta.fileId);
                  onWorker([path] { return FileDisk::hashAndSync(path); },
                      [this, key, meta, reply](Result<QString> hash) {
                          if (hash && *hash == meta.fileId) {
                              m_ctx.writer.submit(
                                  [meta, dir = m_dir](WriteTx &tx) -> Result<QJsonObject> {
                                      Result<File> file = FileStore::finishUpload(tx, dir, meta);
                                      if (!file)
                                          return file.error();
                                      return QJsonObject {{QStringLiteral("file"), file->toJson()}};
                                  },
                                  [this, key, reply](const WriteOutcome &outcome) {
                                      reply.finish(outcome);
                                      if (outcome.result)
                                          forget(key);
                                      else
                                          stepDone(key);
                                  });
                              return;
                          }
                          // Bytes that are not the announced file are of no use: dropped, so a
                          // new begin starts from zero.
                          const Error error = hash ? makeError(ErrorCode::Invalid,
                                                  FileText::tr("The bytes received do not "
                                                               "match the SHA-256 given; "
                                                               "the upload was dropped."),
                                                  QStringLiteral("sha256"))
                                                   : hash.error();
                          forget(key);
                          m_ctx.writer.submit(
                              [meta, dir = m_dir](WriteTx &tx) -> Result<QJsonObject> {
                                  if (Status s
                                      = FileStore::dropUpload(tx, dir, meta.userId, meta.fileId);
                                      !s)
                                      return s.error();
                                  return QJsonObject();
                              },
                              [reply, error](const WriteOutcome &) { reply.fail(error); });
                      });
              },
            reply});
}

void FileHandler::cancel(const User &user, const Params &params, const Responder &reply)
{
    const Result<QString> fileId = fileIdParam(params, QStringLiteral("fileId"), true);
    if (!fileId)
        return reply.fail(fileId.error());
    const QString key = keyOf(user.id, *fileId);
    const auto drop = [this, key, userId = user.id, id = *fileId, reply] {
        forget(key);
        m_ctx.writer.submit(
            [userId, id, dir = m_dir](WriteTx &tx) -> Result<QJsonObject> {
                if (Status s = FileStore::dropUpload(tx, dir, userId, id); !s)
                    return s.error();
                return QJsonObject();
            },
            [reply](const WriteOutcome &outcome) { reply.finish(outcome); });
    };
    // Behind the chunks already queued, so that none of them writes after the removal.
    if (m_uploads.contains(key))
        return enqueue(key, Step {drop, reply, true});
    drop(); // idempotent: cancelling what is gone answers ok
}

void FileHandler::get(const User &user, const Params &params, const Responder &reply)
{
    const Result<QString> fileId = fileIdParam(params, QStringLiteral("fileId"), true);
    if (!fileId)
        return reply.fail(fileId.error());
    const Result<std::optional<qint64>> offset = params.optionalInteger(QStringLiteral("offset"));
    if (!offset)
        return reply.fail(offset.error());
    if (offset->value_or(0) < 0) {
        return reply.fail(makeError(ErrorCode::Invalid,
            FileText::tr("The offset must not be negative."), QStringLiteral("offset")));
    }
    if (above(params, QStringLiteral("length"), Limits::FileChunkBytesMax)) {
        return reply.fail(makeError(ErrorCode::TooLarge,
            FileText::tr("At most 4 MiB can be read at once."), QStringLiteral("length")));
    }
    const Result<std::optional<qint64>> length = params.optionalInteger(QStringLiteral("length"));
    if (!length)
        return reply.fail(length.error());
    if (length->value_or(1) < 1) {
        return reply.fail(makeError(ErrorCode::Invalid,
            FileText::tr("The length must be at least 1."), QStringLiteral("length")));
    }
    const qint64 wanted = length->value_or(Limits::FileChunkBytesMax);
    const Result<std::optional<File>> file = FileStore::readable(m_ctx.reader, user.id, *fileId);
    if (!file)
        return reply.fail(file.error());
    if (!*file)
        return reply.fail(noSuchFile());
    const qint64 start = offset->value_or(0);
    if (start > (*file)->size) {
        return reply.fail(makeError(ErrorCode::Invalid,
            FileText::tr("The offset is past the end of the file."), QStringLiteral("offset")));
    }
    const qint64 bytes = std::min(wanted, (*file)->size - start);
    onWorker(
        [path = FileDisk::contentPath(m_dir, *fileId), start, bytes]() -> Result<QString> {
            Result<QByteArray> read = FileDisk::read(path, start, bytes);
            if (!read)
                return read.error();
            return QString::fromLatin1(read->toBase64());
        },
        [reply, file = **file, start](Result<QString> data) {
            if (!data)
                return reply.fail(data.error());
            reply.ok({{QStringLiteral("file"), file.toJson()}, {QStringLiteral("offset"), start},
                {QStringLiteral("data"), *data}});
        });
}

Result<std::optional<QStringList>> attachedFileIds(const Params &params)
{
    const QJsonValue value = params.value(QStringLiteral("files"));
    if (value.isUndefined() || value.isNull())
        return std::optional<QStringList>();
    if (!value.isArray()) {
        return makeError(ErrorCode::BadRequest,
            FileText::tr("'files' must be an array of file ids."), QStringLiteral("files"));
    }
    const QJsonArray array = value.toArray();
    if (array.size() > Limits::FilesPerEntryMax) {
        return makeError(ErrorCode::TooLarge,
            FileText::tr("At most %1 files can be attached.").arg(Limits::FilesPerEntryMax),
            QStringLiteral("files"));
    }
    QStringList ids;
    for (const QJsonValue &id : array) {
        if (!id.isString()) {
            return makeError(ErrorCode::BadRequest,
                FileText::tr("'files' must be an array of file ids."), QStringLiteral("files"));
        }
        const QString lower = id.toString().toLower();
        if (!Validation::isImageId(lower)) {
            return makeError(ErrorCode::NotFound,
                FileText::tr("There is no such file, or its upload is not finished."),
                QStringLiteral("files"));
        }
        if (ids.contains(lower)) {
            return makeError(ErrorCode::Invalid, FileText::tr("The same file is attached twice."),
                QStringLiteral("files"));
        }
        ids.append(lower);
    }
    return std::optional<QStringList>(ids);
}

void FileHandler::enqueue(const QString &key, Step step)
{
    m_uploads[key].steps.push_back(std::move(step));
    runNext(key);
}

void FileHandler::runNext(const QString &key)
{
    auto it = m_uploads.find(key);
    if (it == m_uploads.end() || it->busy || it->steps.empty())
        return;
    it->busy = true;
    Step step = std::move(it->steps.front());
    it->steps.pop_front();
    step.run();
}

void FileHandler::stepDone(const QString &key)
{
    auto it = m_uploads.find(key);
    if (it == m_uploads.end())
        return;
    it->busy = false;
    if (!releaseIfIdle(key))
        runNext(key);
}

bool FileHandler::releaseIfIdle(const QString &key)
{
    auto it = m_uploads.find(key);
    if (it == m_uploads.end() || it->busy || !it->steps.empty())
        return false;
    // Idle: the row and the partial file say all there is, and are read again by the next
    // chunk. Kept, the state would outlive an upload the collector drops.
    m_uploads.erase(it);
    return true;
}

void FileHandler::forget(const QString &key)
{
    auto it = m_uploads.find(key);
    if (it == m_uploads.end())
        return;
    std::deque<Step> waiting = std::move(it->steps);
    m_uploads.erase(it);
    for (const Step &step : waiting) {
        if (step.cancel)
            step.run(); // cancelling what is gone answers ok, after the removal commits
        else
            step.reply.fail(noSuchUpload());
    }
}

} // namespace Hubbub::Server
