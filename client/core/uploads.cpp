#include "uploads.h"

#include "connection.h"
#include "protocollimits.h"
#include "reply.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>

namespace Hubbub::Client {

Uploads::Uploads(Connection *connection, QObject *parent)
    : QAbstractListModel(parent)
    , m_connection(connection)
{
    connect(m_connection, &Connection::online, this, &Uploads::resumeAll);
}

Uploads::~Uploads() = default;

int Uploads::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant Uploads::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Item &item = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return item.name;
    case SizeRole:
        return item.size;
    case SentRole:
        return item.sent;
    case StateRole:
        return QVariant::fromValue(item.state);
    case ErrorRole:
        return item.error;
    case LocalIdRole:
        return item.localId;
    default:
        return {};
    }
}

QString Uploads::add(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable()) {
        Q_EMIT refused(tr("“%1” cannot be read.").arg(info.fileName()));
        return {};
    }
    if (info.size() > Limits::FileBytesMax) {
        Q_EMIT refused(tr("“%1” is larger than 100 MiB.").arg(info.fileName()));
        return {};
    }
    Item item;
    item.localId = QString::number(m_next++);
    item.path = info.absoluteFilePath();
    item.name = info.fileName();
    item.size = info.size();
    item.mime = QMimeDatabase().mimeTypeForFile(info).name();
    beginInsertRows({}, int(m_items.size()), int(m_items.size()));
    m_items.append(item);
    endInsertRows();
    Q_EMIT stateChanged();

    // Hashing 100 MiB takes a moment: off the GUI thread.
    QPointer<Uploads> self(this);
    QThreadPool::globalInstance()->start([self, localId = item.localId, path = item.path] {
        QFile file(path);
        QString hash;
        if (file.open(QIODevice::ReadOnly)) {
            QCryptographicHash sha(QCryptographicHash::Sha256);
            if (sha.addData(&file))
                hash = QString::fromLatin1(sha.result().toHex());
        }
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, localId, hash] {
                if (!self)
                    return;
                const int row = self->rowOf(localId);
                if (row < 0)
                    return;
                Item &item = self->m_items[row];
                if (hash.isEmpty()) {
                    item.state = State::Failed;
                    item.error = tr("“%1” cannot be read.").arg(item.name);
                } else {
                    item.fileId = hash;
                    item.state = State::Uploading;
                }
                self->changed(row);
                self->step(localId);
            },
            Qt::QueuedConnection);
    });
    return item.localId;
}

void Uploads::cancel(const QString &localId)
{
    const int row = rowOf(localId);
    if (row < 0)
        return;
    const Item item = m_items.at(row);
    if (!item.fileId.isEmpty() && item.state != State::Done && m_connection->isOnline()) {
        m_connection->request(MessageType::FileCancel, {{QStringLiteral("fileId"), item.fileId}},
            this, [](const Reply &) {});
    }
    beginRemoveRows({}, row, row);
    m_items.removeAt(row);
    endRemoveRows();
    Q_EMIT stateChanged();
}

void Uploads::clear()
{
    while (!m_items.isEmpty()) {
        const Item &last = m_items.constLast();
        if (last.state == State::Done) {
            beginRemoveRows({}, int(m_items.size()) - 1, int(m_items.size()) - 1);
            m_items.removeLast();
            endRemoveRows();
        } else {
            cancel(last.localId);
        }
    }
    Q_EMIT stateChanged();
}

QList<File> Uploads::files() const
{
    QList<File> files;
    for (const Item &item : m_items) {
        if (item.state == State::Done)
            files.append(item.file);
    }
    return files;
}

bool Uploads::allDone() const
{
    if (m_items.isEmpty())
        return false;
    for (const Item &item : m_items) {
        if (item.state != State::Done)
            return false;
    }
    return true;
}

int Uploads::rowOf(const QString &localId) const
{
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        if (m_items.at(i).localId == localId)
            return int(i);
    }
    return -1;
}

void Uploads::changed(int row)
{
    const QModelIndex at = index(row);
    Q_EMIT dataChanged(at, at);
    Q_EMIT stateChanged();
}

void Uploads::step(const QString &localId)
{
    const int row = rowOf(localId);
    if (row < 0)
        return;
    Item &item = m_items[row];
    if (item.busy || (item.state != State::Uploading && item.state != State::Waiting))
        return;
    if (!m_connection->isOnline()) {
        item.state = State::Waiting;
        return changed(row);
    }
    // Where the server is: a new upload, one it holds part of, or content it has already.
    item.busy = true;
    m_connection->request(MessageType::FileBegin,
        {{QStringLiteral("name"), item.name}, {QStringLiteral("size"), item.size},
            {QStringLiteral("sha256"), item.fileId}, {QStringLiteral("mime"), item.mime}},
        this, [this, localId](const Reply &reply) {
            const int at = rowOf(localId);
            if (at < 0)
                return;
            Item &item = m_items[at];
            item.busy = false;
            if (!reply.ok())
                return failed(localId, reply);
            item.state = State::Uploading;
            if (reply.result().value(QLatin1StringView("complete")).toBool()) {
                item.file
                    = File::fromJson(reply.result().value(QLatin1StringView("file")).toObject());
                item.sent = item.size;
                item.state = State::Done;
                return changed(at);
            }
            item.sent = reply.result().value(QLatin1StringView("received")).toInteger();
            changed(at);
            sendChunk(localId);
        });
}

void Uploads::sendChunk(const QString &localId)
{
    const int row = rowOf(localId);
    if (row < 0)
        return;
    Item &item = m_items[row];
    if (item.sent >= item.size)
        return finish(localId);
    QFile file(item.path);
    QByteArray bytes;
    if (file.open(QIODevice::ReadOnly) && file.seek(item.sent))
        bytes = file.read(m_chunkBytes);
    if (bytes.isEmpty()) {
        item.state = State::Failed;
        item.error = tr("“%1” cannot be read.").arg(item.name);
        return changed(row);
    }
    item.busy = true;
    m_connection->request(MessageType::FileChunk,
        {{QStringLiteral("fileId"), item.fileId}, {QStringLiteral("offset"), item.sent},
            {QStringLiteral("data"), QString::fromLatin1(bytes.toBase64())}},
        this, [this, localId](const Reply &reply) {
            const int at = rowOf(localId);
            if (at < 0)
                return;
            Item &item = m_items[at];
            item.busy = false;
            if (!reply.ok())
                return failed(localId, reply);
            item.sent = reply.result().value(QLatin1StringView("received")).toInteger();
            changed(at);
            sendChunk(localId);
        });
}

void Uploads::finish(const QString &localId)
{
    const int row = rowOf(localId);
    Item &item = m_items[row];
    item.busy = true;
    m_connection->request(
        MessageType::FileFinish, {{QStringLiteral("fileId"), item.fileId}}, this,
        [this, localId](const Reply &reply) {
            const int at = rowOf(localId);
            if (at < 0)
                return;
            Item &item = m_items[at];
            item.busy = false;
            if (!reply.ok())
                return failed(localId, reply);
            item.file = File::fromJson(reply.result().value(QLatin1StringView("file")).toObject());
            item.state = State::Done;
            changed(at);
        },
        std::chrono::seconds(60)); // hashing 100 MiB on a busy server
}

void Uploads::failed(const QString &localId, const Reply &reply)
{
    const int row = rowOf(localId);
    Item &item = m_items[row];
    if (reply.isTransportFailure()) {
        // Paused; resumeAll() goes on once the connection is back.
        item.state = State::Waiting;
        changed(row);
        if (m_connection->isOnline())
            QTimer::singleShot(1000, this, [this, localId] { step(localId); });
        return;
    }
    const Error &error = reply.error();
    if (error.code == ErrorCode::RateLimited) {
        QTimer::singleShot(
            std::max<qint64>(error.retryAfterMs, 50), this, [this, localId] { step(localId); });
        return;
    }
    if (error.code == ErrorCode::Invalid && error.field == u"offset") {
        step(localId); // file.begin says where the server is
        return;
    }
    if (error.code == ErrorCode::NotFound && error.field == u"fileId") {
        // The server dropped the upload (abandoned, or its disk refused it): start over once.
        item.sent = 0;
        step(localId);
        return;
    }
    item.state = State::Failed;
    item.error = error.code == ErrorCode::Invalid && error.field == u"sha256"
        ? tr("“%1” changed while it was being sent.").arg(item.name)
        : error.message;
    changed(row);
}

void Uploads::resumeAll()
{
    QStringList waiting;
    for (const Item &item : std::as_const(m_items)) {
        if (item.state == State::Waiting || (item.state == State::Uploading && !item.busy))
            waiting.append(item.localId);
    }
    for (const QString &localId : std::as_const(waiting))
        step(localId);
}

} // namespace Hubbub::Client
