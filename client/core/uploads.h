#pragma once

#include "types.h"

#include <QAbstractListModel>
#include <QList>

namespace Hubbub::Client {

class Connection;
class Reply;

//! The files a composer is attaching (part "files"): each is hashed off the GUI thread, then
//! sent in chunks with file.begin / file.chunk / file.finish. A dropped connection pauses the
//! uploads; once online again each asks file.begin how much the server holds and goes on from
//! there (also after a server restart). One row per file, in the order added.
class Uploads final : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles {
        NameRole = Qt::UserRole + 1,
        SizeRole, //!< qint64 bytes
        SentRole, //!< qint64 bytes the server holds
        StateRole, //!< State
        ErrorRole, //!< QString, for Failed
        LocalIdRole,
    };
    Q_ENUM(Roles)
    enum class State { Hashing, Uploading, Waiting, Done, Failed };
    Q_ENUM(State)

    explicit Uploads(Connection *connection, QObject *parent = nullptr);
    ~Uploads() override;
    Q_DISABLE_COPY_MOVE(Uploads)

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    //! Starts uploading the file at `path`; returns its local id (empty when it cannot be read
    //! or is over 100 MiB: then `refused` says why).
    QString add(const QString &path);
    //! Stops an upload (file.cancel) and removes its row.
    void cancel(const QString &localId);
    //! Removes every row (after the entry they belonged to was sent); cancels unfinished ones.
    void clear();
    //! The finished files, in order.
    QList<File> files() const;
    //! True when there are files and every one is finished.
    bool allDone() const;
    bool isEmpty() const { return m_items.isEmpty(); }
    //! Bytes per chunk (1 MiB; tests make it smaller to see progress).
    void setChunkBytes(qint64 bytes) { m_chunkBytes = bytes; }

Q_SIGNALS:
    //! A file could not be added: `message` says why, in the user's language.
    void refused(const QString &message);
    //! Any row changed state (for a send button that waits for allDone()).
    void stateChanged();

private:
    struct Item
    {
        QString localId;
        QString path;
        QString name;
        QString mime;
        qint64 size = 0;
        qint64 sent = 0;
        QString fileId;
        State state = State::Hashing;
        QString error;
        File file;
        bool busy = false; //!< a request is on its way
    };

    int rowOf(const QString &localId) const;
    void changed(int row);
    void step(const QString &localId);
    void sendChunk(const QString &localId);
    void finish(const QString &localId);
    //! Handles a failed request of upload `localId`: waits, resumes or fails the row.
    void failed(const QString &localId, const Reply &reply);
    void resumeAll();

    Connection *m_connection;
    QList<Item> m_items;
    qint64 m_chunkBytes = 1024 * 1024;
    int m_next = 1;
};

} // namespace Hubbub::Client
