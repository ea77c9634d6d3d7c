#include "localcache.h"

#include "logging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>

#include <algorithm>
#include <atomic>
#include <optional>

namespace Hubbub::Client {

namespace {

//! PRAGMA application_id of a Hubbub cache ("HbCa"): a file that is not ours is never read.
constexpr qint32 ApplicationId = 0x48624361;

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject parse(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

//! The rows of one table as last written: id → a hash of the row's bytes, so that a snapshot
//! writes only what changed.
using Written = QHash<qint64, size_t>;

} // namespace

//! The cache's SQLite connection and everything done with it, on the cache's own thread.
class CacheWriter final : public QObject
{
public:
    explicit CacheWriter(QString connectionName)
        : m_connectionName(std::move(connectionName))
    { }
    ~CacheWriter() override { closeDatabase(); }

    CachedState open(const QString &path, const QUrl &server, qint64 userId, qsizetype firstPosts);
    //! Decodes the posts open() left undecoded.
    QList<Post> decodeOlderPosts();
    void save(const CachedState &state);
    void close() { closeDatabase(); }
    void remove();
    QString path() const { return m_path; }

    std::atomic<int> writes {0};
    std::atomic<qint64> rowsWritten {0};

private:
    bool openDatabase(const QString &path);
    void closeDatabase();
    bool createSchema();
    std::optional<CachedState> read(qsizetype firstPosts);
    bool exec(const QString &sql);
    //! Brings `table` to `rows` (id → body), writing only rows that differ from `written`.
    //! `channelOf`: for the messages table, each message's channel.
    bool sync(const QString &table, const QHash<qint64, QByteArray> &rows, Written &written,
        const QHash<qint64, qint64> *channelOf = nullptr);
    bool setMeta(const QString &key, const QVariant &value);

    QString m_connectionName;
    QString m_path;
    QUrl m_server;
    qint64 m_userId = 0;
    Written m_posts;
    Written m_channels;
    Written m_chats;
    Written m_messages; // key: message id (unique across channels)
    Written m_people;
    QList<QByteArray> m_olderPosts; //!< bodies, newest first, until decodeOlderPosts()
};

bool CacheWriter::exec(const QString &sql)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (query.exec(sql))
        return true;
    qCWarning(lcClient) << "cache:" << sql.left(60) << query.lastError().text();
    return false;
}

bool CacheWriter::openDatabase(const QString &path)
{
    // Direct messages are in it: readable by the user only, like the secrets file. SQLite
    // gives its -wal and -shm files the database file's permissions.
    if (!QFileInfo::exists(path)) {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return false;
    }
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(path);
    if (!db.open()) {
        qCWarning(lcClient) << "cache: cannot open" << path << db.lastError().text();
        return false;
    }
    m_path = path;
    // WAL: a reader never sees half a snapshot, and a crash leaves the last committed one.
    // NORMAL: a power cut may lose the newest snapshot, never the file's consistency; the
    // server has everything, the cache only saves a reload.
    return exec(QStringLiteral("PRAGMA journal_mode=WAL"))
        && exec(QStringLiteral("PRAGMA synchronous=NORMAL"))
        && exec(QStringLiteral("PRAGMA busy_timeout=2000"));
}

void CacheWriter::closeDatabase()
{
    if (m_path.isEmpty())
        return;
    QSqlDatabase::database(m_connectionName, false).close();
    QSqlDatabase::removeDatabase(m_connectionName);
    m_path.clear();
    m_olderPosts.clear();
    m_posts.clear();
    m_channels.clear();
    m_chats.clear();
    m_messages.clear();
    m_people.clear();
}

void CacheWriter::remove()
{
    const QString path = m_path;
    closeDatabase();
    if (path.isEmpty())
        return;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
}

bool CacheWriter::createSchema()
{
    const QStringList statements {
        QStringLiteral("PRAGMA application_id=%1").arg(ApplicationId),
        QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE posts (id INTEGER PRIMARY KEY, body BLOB NOT NULL)"),
        QStringLiteral("CREATE TABLE channels (id INTEGER PRIMARY KEY, body BLOB NOT NULL)"),
        QStringLiteral("CREATE TABLE chats (id INTEGER PRIMARY KEY, body BLOB NOT NULL)"),
        QStringLiteral("CREATE TABLE messages (id INTEGER PRIMARY KEY,"
                       " channel_id INTEGER NOT NULL, body BLOB NOT NULL)"),
        QStringLiteral("CREATE INDEX messages_by_channel ON messages (channel_id, id)"),
        QStringLiteral("CREATE TABLE people (id INTEGER PRIMARY KEY, body BLOB NOT NULL)"),
        QStringLiteral("PRAGMA user_version=%1").arg(LocalCache::FormatVersion),
    };
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction())
        return false;
    for (const QString &statement : statements) {
        if (!exec(statement)) {
            db.rollback();
            return false;
        }
    }
    return db.commit();
}

CachedState CacheWriter::open(
    const QString &path, const QUrl &server, qint64 userId, qsizetype firstPosts)
{
    closeDatabase();
    QDir().mkpath(QFileInfo(path).absolutePath());
    m_server = server.adjusted(QUrl::StripTrailingSlash);
    m_userId = userId;
    const bool existed = QFileInfo::exists(path);
    if (existed && openDatabase(path)) {
        if (std::optional<CachedState> state = read(firstPosts))
            return *state;
    }
    if (existed) {
        qCInfo(lcClient) << "cache:" << path
                         << "is not a readable cache of this account; discarded";
        remove();
    }
    if (!openDatabase(path) || !createSchema()
        || !setMeta(QStringLiteral("server"), m_server.toString())
        || !setMeta(QStringLiteral("userId"), m_userId)) {
        // No cache this run: the app works as without one.
        remove();
    }
    return {};
}

QList<Post> CacheWriter::decodeOlderPosts()
{
    QList<Post> posts;
    posts.reserve(m_olderPosts.size());
    for (const QByteArray &body : std::as_const(m_olderPosts))
        posts.append(Post::fromJson(parse(body)));
    m_olderPosts.clear();
    return posts;
}

std::optional<CachedState> CacheWriter::read(qsizetype firstPosts)
{
    m_olderPosts.clear();
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(db);
    auto pragma = [&query](const QString &name) -> std::optional<qint64> {
        if (!query.exec(QStringLiteral("PRAGMA ") + name) || !query.next())
            return std::nullopt;
        return query.value(0).toLongLong();
    };
    // An older or newer build's file, or not ours at all: never read as this format.
    if (pragma(QStringLiteral("application_id")) != ApplicationId
        || pragma(QStringLiteral("user_version")) != LocalCache::FormatVersion)
        return std::nullopt;

    QHash<QString, QVariant> meta;
    if (!query.exec(QStringLiteral("SELECT key, value FROM meta")))
        return std::nullopt;
    while (query.next())
        meta.insert(query.value(0).toString(), query.value(1));
    if (QUrl(meta.value(QStringLiteral("server")).toString()) != m_server
        || meta.value(QStringLiteral("userId")).toLongLong() != m_userId)
        return std::nullopt;

    CachedState state;
    state.seq = meta.value(QStringLiteral("seq"), -1).toLongLong();
    state.user = User::fromJson(parse(meta.value(QStringLiteral("user")).toByteArray()));
    state.feedMore = meta.value(QStringLiteral("feedMore")).toBool();
    state.feedUnread = meta.value(QStringLiteral("feedUnread")).toInt();

    auto rows = [&](const QString &sql, Written &written, auto &&each) {
        if (!query.exec(sql))
            return false;
        while (query.next()) {
            const QByteArray body = query.value(1).toByteArray();
            written.insert(query.value(0).toLongLong(), qHash(body));
            each(body);
        }
        return query.lastError().type() == QSqlError::NoError;
    };
    const bool ok = rows(QStringLiteral("SELECT id, body FROM posts ORDER BY id DESC"), m_posts,
                        [&](const QByteArray &body) {
                            if (state.posts.size() < firstPosts)
                                state.posts.append(Post::fromJson(parse(body)));
                            else
                                m_olderPosts.append(body);
                        })
        && rows(QStringLiteral("SELECT id, body FROM channels ORDER BY id"), m_channels,
            [&](const QByteArray &body) {
                const QJsonObject o = parse(body);
                const Channel channel
                    = Channel::fromJson(o.value(QStringLiteral("channel")).toObject());
                state.channels.append(channel);
                state.extras.insert(channel.id,
                    {o.value(QStringLiteral("unread")).toInt(),
                        o.value(QStringLiteral("mentions")).toInt(),
                        o.value(QStringLiteral("level")).toString(),
                        o.value(QStringLiteral("lastRead")).toInteger(-1)});
            })
        && rows(QStringLiteral("SELECT id, body FROM chats ORDER BY id"), m_chats,
            [&](const QByteArray &body) {
                const QJsonObject o = parse(body);
                CachedState::Chat chat;
                chat.channelId = o.value(QStringLiteral("channelId")).toInteger();
                chat.more = o.value(QStringLiteral("more")).toBool();
                chat.viewedAt = o.value(QStringLiteral("viewedAt")).toInteger();
                state.chats.append(chat);
            })
        && rows(QStringLiteral("SELECT id, body FROM people ORDER BY id"), m_people,
            [&](const QByteArray &body) { state.people.append(User::fromJson(parse(body))); });
    if (!ok)
        return std::nullopt;
    QHash<qint64, qsizetype> chatIndex;
    for (qsizetype i = 0; i < state.chats.size(); ++i)
        chatIndex.insert(state.chats.at(i).channelId, i);
    if (!query.exec(QStringLiteral("SELECT id, body, channel_id FROM messages ORDER BY id")))
        return std::nullopt;
    while (query.next()) {
        const QByteArray body = query.value(1).toByteArray();
        m_messages.insert(query.value(0).toLongLong(), qHash(body));
        const auto it = chatIndex.constFind(query.value(2).toLongLong());
        if (it != chatIndex.cend())
            state.chats[*it].messages.append(Message::fromJson(parse(body)));
    }
    if (query.lastError().type() != QSqlError::NoError)
        return std::nullopt;
    state.olderPostsCached = !m_olderPosts.isEmpty();
    return state;
}

bool CacheWriter::setMeta(const QString &key, const QVariant &value)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
    query.addBindValue(key);
    query.addBindValue(value);
    return query.exec();
}

bool CacheWriter::sync(const QString &table, const QHash<qint64, QByteArray> &rows,
    Written &written, const QHash<qint64, qint64> *channelOf)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery remove(db);
    remove.prepare(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(table));
    for (auto it = written.begin(); it != written.end();) {
        if (rows.contains(it.key())) {
            ++it;
            continue;
        }
        remove.addBindValue(it.key());
        if (!remove.exec())
            return false;
        ++rowsWritten;
        it = written.erase(it);
    }
    QSqlQuery upsert(db);
    upsert.prepare(channelOf
            ? QStringLiteral(
                "INSERT OR REPLACE INTO messages (id, body, channel_id) VALUES (?, ?, ?)")
            : QStringLiteral("INSERT OR REPLACE INTO %1 (id, body) VALUES (?, ?)").arg(table));
    for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
        const size_t hash = qHash(it.value());
        const auto old = written.constFind(it.key());
        if (old != written.cend() && *old == hash)
            continue;
        upsert.addBindValue(it.key());
        upsert.addBindValue(it.value());
        if (channelOf)
            upsert.addBindValue(channelOf->value(it.key()));
        if (!upsert.exec())
            return false;
        ++rowsWritten;
        written.insert(it.key(), hash);
    }
    return true;
}

void CacheWriter::save(const CachedState &state)
{
    if (m_path.isEmpty())
        return;
    QHash<qint64, QByteArray> posts;
    posts.reserve(state.posts.size());
    for (const Post &post : state.posts)
        posts.insert(post.id, compact(post.toJson()));
    QHash<qint64, QByteArray> channels;
    for (const Channel &channel : state.channels) {
        const CachedState::ChannelExtras extras = state.extras.value(channel.id);
        channels.insert(channel.id,
            compact({{QStringLiteral("channel"), channel.toJson()},
                {QStringLiteral("unread"), extras.unread},
                {QStringLiteral("mentions"), extras.mentions},
                {QStringLiteral("level"), extras.level},
                {QStringLiteral("lastRead"), extras.lastRead}}));
    }
    QHash<qint64, QByteArray> chats;
    QHash<qint64, QByteArray> messages;
    QHash<qint64, qint64> channelOf;
    for (const CachedState::Chat &chat : state.chats) {
        chats.insert(chat.channelId,
            compact({{QStringLiteral("channelId"), chat.channelId},
                {QStringLiteral("more"), chat.more}, {QStringLiteral("viewedAt"), chat.viewedAt}}));
        for (const Message &message : chat.messages) {
            messages.insert(message.id, compact(message.toJson()));
            channelOf.insert(message.id, chat.channelId);
        }
    }
    QHash<qint64, QByteArray> people;
    for (const User &user : state.people)
        people.insert(user.id, compact(user.toJson()));

    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    // The hashes of what is on disk change only with a commit.
    const Written before[] {m_posts, m_channels, m_chats, m_messages, m_people};
    const bool ok = db.transaction() && sync(QStringLiteral("posts"), posts, m_posts)
        && sync(QStringLiteral("channels"), channels, m_channels)
        && sync(QStringLiteral("chats"), chats, m_chats)
        && sync(QStringLiteral("messages"), messages, m_messages, &channelOf)
        && sync(QStringLiteral("people"), people, m_people)
        && setMeta(QStringLiteral("seq"), state.seq)
        && setMeta(QStringLiteral("user"), compact(state.user.toJson()))
        && setMeta(QStringLiteral("feedMore"), state.feedMore)
        && setMeta(QStringLiteral("feedUnread"), state.feedUnread) && db.commit();
    if (!ok) {
        qCWarning(lcClient) << "cache: snapshot not written:" << db.lastError().text();
        db.rollback();
        m_posts = before[0];
        m_channels = before[1];
        m_chats = before[2];
        m_messages = before[3];
        m_people = before[4];
        return;
    }
    ++writes;
}

// --- LocalCache ------------------------------------------------------------------------------

LocalCache::LocalCache(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread)
    , m_writer(new CacheWriter(QStringLiteral("hubbub-cache-%1").arg(quintptr(this), 0, 16)))
{
    m_thread->setObjectName(QStringLiteral("hubbub-cache"));
    m_writer->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_writer, &QObject::deleteLater);
    m_thread->start(QThread::LowPriority);
}

LocalCache::~LocalCache()
{
    flush();
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

QString accountFileKey(const QUrl &server, qint64 userId)
{
    const QByteArray key = server.adjusted(QUrl::StripTrailingSlash).toString().toUtf8() + '#'
        + QByteArray::number(userId);
    return QString::fromLatin1(
        QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex().left(16));
}

QString LocalCache::fileFor(const QString &dataDir, const QUrl &server, qint64 userId)
{
    return dataDir + QStringLiteral("/cache-") + accountFileKey(server, userId)
        + QStringLiteral(".sqlite");
}

CachedState LocalCache::open(
    const QString &path, const QUrl &server, qint64 userId, qsizetype firstPosts)
{
    CachedState state;
    bool opened = false;
    QMetaObject::invokeMethod(
        m_writer,
        [&] {
            state = m_writer->open(path, server, userId, firstPosts);
            opened = !m_writer->path().isEmpty();
        },
        Qt::BlockingQueuedConnection);
    m_path = opened ? path : QString();
    const quint64 thisOpen = ++m_opens;
    if (state.olderPostsCached) {
        QMetaObject::invokeMethod(m_writer, [this, thisOpen] {
            const QList<Post> posts = m_writer->decodeOlderPosts();
            // Back on this object's thread (it outlives the job: its destructor waits for the
            // writer). Only for the open that asked: after another open or a close they would
            // be another account's posts.
            QMetaObject::invokeMethod(this, [this, thisOpen, posts] {
                if (thisOpen == m_opens)
                    Q_EMIT olderPostsRead(posts);
            });
        });
    }
    return state;
}

void LocalCache::save(const CachedState &state)
{
    if (m_path.isEmpty())
        return;
    QMetaObject::invokeMethod(m_writer, [writer = m_writer, state] { writer->save(state); });
}

void LocalCache::flush()
{
    QMetaObject::invokeMethod(
        m_writer, [] {}, Qt::BlockingQueuedConnection);
}

void LocalCache::remove()
{
    QMetaObject::invokeMethod(
        m_writer, [this] { m_writer->remove(); }, Qt::BlockingQueuedConnection);
    m_path.clear();
    ++m_opens;
}

void LocalCache::close()
{
    QMetaObject::invokeMethod(
        m_writer, [this] { m_writer->close(); }, Qt::BlockingQueuedConnection);
    m_path.clear();
    ++m_opens;
}

int LocalCache::writes() const
{
    return m_writer->writes;
}

qint64 LocalCache::rowsWritten() const
{
    return m_writer->rowsWritten;
}

} // namespace Hubbub::Client
