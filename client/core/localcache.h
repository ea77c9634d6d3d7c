#pragma once

#include "sessionstate.h"
#include "types.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

class QThread;

namespace Hubbub::Client {

class CacheWriter;

//! The 16 hex digits that name one account's files on one server in the app's data folder (its
//! outbox and its local cache): the start of SHA-1 of "<server>#<user id>".
QString accountFileKey(const QUrl &server, qint64 userId);

//! What the app had seen of one account on one server when it last wrote its cache: enough
//! to paint every view at once on the next start, and the seq they stood at, to catch up
//! from with `sync`.
struct CachedState
{
    //! The last event the state includes; -1: nothing cached (a new or discarded file).
    qint64 seq = -1;
    User user;
    QList<Post> posts; //!< newest first
    bool feedMore = false; //!< older posts exist on the server
    //! Older posts than `posts` are in the file too: LocalCache::olderPostsRead() brings them.
    bool olderPostsCached = false;
    QList<Channel> channels; //!< public channels and direct conversations
    struct ChannelExtras
    {
        int unread = 0;
        int mentions = 0;
        QString level; //!< notification level; empty: "all"
        qint64 lastRead = -1; //!< the newest message read; -1: not known
    };
    QHash<qint64, ChannelExtras> extras; //!< by channel id
    struct Chat
    {
        qint64 channelId = 0;
        QList<Message> messages; //!< the newest, oldest first
        bool more = false; //!< older messages exist on the server
        qint64 viewedAt = 0; //!< ms since the epoch the user last looked at it
    };
    QList<Chat> chats;
    QList<User> people; //!< everyone with an account (user.list)
    int feedUnread = 0;
};

//! The app's local cache: one SQLite file per server and account in the app's data folder,
//! read once at start and written in the background (a thread of its own, so the window never
//! waits for the disk). SQLite in WAL mode with whole-snapshot transactions: a crash of the app
//! at any moment leaves the last committed snapshot, never a mix. Only rows that changed since
//! the last write are written.
//!
//! Bounded: the newest MaxPosts posts of the feed, the newest MaxMessages messages of each of
//! the MaxChats conversations looked at most recently; older ones are left out of the next
//! snapshot (and so leave the file). A file of another format (an older or newer build's, or
//! not one of ours) is deleted and started afresh, never read.
class LocalCache final : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype MaxPosts = 10000;
    static constexpr qsizetype MaxChats = 50;
    static constexpr qsizetype MaxMessages = 200;
    //! The format of the file (PRAGMA user_version); any other is discarded.
    static constexpr int FormatVersion = 1;

    explicit LocalCache(QObject *parent = nullptr);
    //! Waits for the last write (see flush()).
    ~LocalCache() override;
    Q_DISABLE_COPY_MOVE(LocalCache)

    //! The file of an account: "cache-<accountFileKey()>.sqlite" in `dataDir`.
    static QString fileFor(const QString &dataDir, const QUrl &server, qint64 userId);

    //! Opens (or creates) the cache of `userId` on `server` at `path` and reads it; blocks
    //! until it is read. A file that is not a cache of this format, of this account, or that
    //! SQLite cannot read, is deleted first: the state then has seq -1.
    //! Only the newest `firstPosts` posts are decoded now (a first screen shows sooner); the
    //! others are decoded in the background and come with olderPostsRead().
    CachedState open(
        const QString &path, const QUrl &server, qint64 userId, qsizetype firstPosts = MaxPosts);
    bool isOpen() const { return !m_path.isEmpty(); }
    QString path() const { return m_path; }
    //! Writes `state` in the background, replacing the whole snapshot in one transaction.
    void save(const CachedState &state);
    //! Waits until every save() so far is on disk.
    void flush();
    //! Closes the file and deletes it with its journal (sign-out).
    void remove();
    //! Closes the file, keeping it.
    void close();

    //! The number of snapshots written and rows changed so far (tests, benchmarks).
    int writes() const;
    qint64 rowsWritten() const;

Q_SIGNALS:
    //! The posts of the file older than those open() returned, newest first; not emitted when
    //! another open(), close() or remove() came meanwhile.
    void olderPostsRead(const QList<Hubbub::Post> &posts);

private:
    QThread *m_thread;
    CacheWriter *m_writer;
    QString m_path;
    //! Counts opens and closes: older posts decoded for an earlier one are not emitted.
    quint64 m_opens = 0;
};

} // namespace Hubbub::Client
