#pragma once

#include "types.h"

#include <QAbstractListModel>
#include <QList>

namespace Hubbub::Client {

class Connection;
class Reply;

//! Downloads of attachments (part "files") with file.get, 4 MiB at a time, into the Downloads
//! folder. A file never replaces another: "report.pdf" becomes "report (1).pdf" when the name
//! is taken, decided when the download completes. The bytes go to a ".part" file first. The
//! app never opens or runs what it downloaded; it only shows the folder.
class Downloads final : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles {
        NameRole = Qt::UserRole + 1,
        SizeRole, //!< qint64
        ReceivedRole, //!< qint64
        StateRole, //!< State
        PathRole, //!< where it landed, once Done
        ErrorRole,
    };
    Q_ENUM(Roles)
    enum class State { Downloading, Done, Failed };
    Q_ENUM(State)

    explicit Downloads(Connection *connection, QObject *parent = nullptr);
    ~Downloads() override;
    Q_DISABLE_COPY_MOVE(Downloads)

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    //! The folder files land in: QStandardPaths::DownloadLocation unless set.
    QString folder() const;
    void setFolder(const QString &folder) { m_folder = folder; }
    //! Starts downloading; returns the row.
    int start(const File &file);
    //! A name in `folder` not taken yet: `name`, else "stem (1).ext", "stem (2).ext", ...
    static QString freeName(const QString &folder, const QString &name);

Q_SIGNALS:
    void finished(int row, const QString &path);
    void failed(int row, const QString &message);

private:
    struct Item
    {
        File file;
        qint64 received = 0;
        State state = State::Downloading;
        QString partPath;
        QString path;
        QString error;
    };
    void fetchNext(int row);
    void fail(int row, const QString &message);
    void changed(int row);

    Connection *m_connection;
    QString m_folder;
    QList<Item> m_items;
};

} // namespace Hubbub::Client
