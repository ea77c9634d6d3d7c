#include "downloads.h"

#include "connection.h"
#include "protocollimits.h"
#include "reply.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace Hubbub::Client {

namespace {

//! A file name from the server, made safe to create: no folders, nothing hidden, nothing the
//! file system refuses (the server allows any character but '/', '\' and controls).
QString safeName(const QString &name)
{
    QString safe = QFileInfo(name).fileName();
    for (QChar &ch : safe) {
        if (ch == u':' || ch == u'*' || ch == u'?' || ch == u'"' || ch == u'<' || ch == u'>'
            || ch == u'|')
            ch = u'_';
    }
    while (safe.startsWith(u'.'))
        safe.remove(0, 1);
    return safe.isEmpty() ? QStringLiteral("download") : safe;
}

} // namespace

Downloads::Downloads(Connection *connection, QObject *parent)
    : QAbstractListModel(parent)
    , m_connection(connection)
{ }

Downloads::~Downloads()
{
    for (const Item &item : std::as_const(m_items)) {
        if (item.state == State::Downloading)
            QFile::remove(item.partPath);
    }
}

int Downloads::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant Downloads::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Item &item = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return item.file.name;
    case SizeRole:
        return item.file.size;
    case ReceivedRole:
        return item.received;
    case StateRole:
        return QVariant::fromValue(item.state);
    case PathRole:
        return item.path;
    case ErrorRole:
        return item.error;
    default:
        return {};
    }
}

QString Downloads::folder() const
{
    return m_folder.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::DownloadLocation)
                              : m_folder;
}

QString Downloads::freeName(const QString &folder, const QString &name)
{
    const QDir dir(folder);
    const QString safe = safeName(name);
    if (!QFileInfo::exists(dir.filePath(safe)))
        return dir.filePath(safe);
    const QFileInfo info(safe);
    const QString suffix = info.completeSuffix();
    const QString stem = suffix.isEmpty() ? safe : safe.left(safe.size() - suffix.size() - 1);
    for (int n = 1;; ++n) {
        const QString candidate = suffix.isEmpty()
            ? QStringLiteral("%1 (%2)").arg(stem).arg(n)
            : QStringLiteral("%1 (%2).%3").arg(stem).arg(n).arg(suffix);
        if (!QFileInfo::exists(dir.filePath(candidate)))
            return dir.filePath(candidate);
    }
}

int Downloads::start(const File &file)
{
    Item item;
    item.file = file;
    const QString dir = folder();
    QDir().mkpath(dir);
    item.partPath = freeName(dir, safeName(file.name) + QStringLiteral(".part"));
    const int row = int(m_items.size());
    beginInsertRows({}, row, row);
    m_items.append(item);
    endInsertRows();
    QFile part(item.partPath);
    if (!part.open(QIODevice::WriteOnly)) {
        fail(row, tr("“%1” cannot be written.").arg(item.partPath));
        return row;
    }
    part.close();
    fetchNext(row);
    return row;
}

void Downloads::fetchNext(int row)
{
    Item &item = m_items[row];
    if (item.received >= item.file.size) {
        // Decided now, so a file that appeared meanwhile is not replaced; rename() never
        // replaces an existing file either.
        const QString target = freeName(folder(), item.file.name);
        if (!QFile::rename(item.partPath, target))
            return fail(row, tr("“%1” cannot be written.").arg(target));
        item.path = target;
        item.state = State::Done;
        changed(row);
        Q_EMIT finished(row, target);
        return;
    }
    m_connection->request(
        MessageType::FileGet,
        {{QStringLiteral("fileId"), item.file.id}, {QStringLiteral("offset"), item.received},
            {QStringLiteral("length"), Limits::FileChunkBytesMax}},
        this,
        [this, row](const Reply &reply) {
            Item &item = m_items[row];
            if (!reply.ok())
                return fail(row, reply.error().message);
            const QByteArray bytes = QByteArray::fromBase64(
                reply.result().value(QLatin1StringView("data")).toString().toLatin1());
            QFile part(item.partPath);
            if (bytes.isEmpty() || !part.open(QIODevice::Append)
                || part.write(bytes) != bytes.size())
                return fail(row, tr("“%1” cannot be written.").arg(item.partPath));
            part.close();
            item.received += bytes.size();
            changed(row);
            fetchNext(row);
        },
        std::chrono::seconds(60));
}

void Downloads::fail(int row, const QString &message)
{
    Item &item = m_items[row];
    QFile::remove(item.partPath);
    item.state = State::Failed;
    item.error = message;
    changed(row);
    Q_EMIT failed(row, message);
}

void Downloads::changed(int row)
{
    const QModelIndex at = index(row);
    Q_EMIT dataChanged(at, at);
}

} // namespace Hubbub::Client
