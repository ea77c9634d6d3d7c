// The app's local cache (LocalCache) and the Session starting from it, against a real SQLite
// file and a real in-process server: a start paints what the last run saw, offline too, and
// catches up from the cached seq with nothing reloaded, missed or counted twice; the file is
// bounded, survives the app being killed at any moment, is never misread when it is not of
// this format or this account, and goes with a sign-out.

#include "channelmodel.h"
#include "chatmodel.h"
#include "connection.h"
#include "feedmodel.h"
#include "localcache.h"
#include "peoplemodel.h"
#include "readstate.h"
#include "session.h"
#include "sessionfixture.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Hubbub::Test;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

const QUrl CacheServer(u"ws://127.0.0.1:7300"_s);
constexpr qint64 UserId = 7;

Post post(qint64 id, const QString &title)
{
    Post post;
    post.id = id;
    post.author = User {UserId, u"ada"_s};
    post.title = title;
    post.content = u"Ligne 1, \"quoted\"\n두 번째 줄 — ünïcödé"_s;
    post.createdAt = u"2026-12-06T08:00:00.000Z"_s;
    post.reactions = {Reaction {u"👍"_s, {1, UserId}}};
    return post;
}

Message message(qint64 id, qint64 channelId, const QString &text)
{
    Message message;
    message.id = id;
    message.channelId = channelId;
    message.author = User {UserId, u"ada"_s};
    message.text = text;
    message.createdAt = u"2026-12-06T08:00:00.000Z"_s;
    return message;
}

//! Snapshot `k` of the crash test: every row says k, so a mix of two snapshots shows.
CachedState snapshot(qint64 k, int posts)
{
    CachedState state;
    state.seq = k;
    state.user = User {UserId, u"ada"_s};
    for (int i = posts; i > 0; --i)
        state.posts.append(post(i, QString::number(k)));
    state.channels = {Channel {1, u"general"_s, QString::number(k)}};
    state.chats
        = {{1, {message(1, 1, QString::number(k)), message(2, 1, QString::number(k))}, false, k}};
    state.feedUnread = int(k % 1000);
    return state;
}

QString sqliteCheck(const QString &path, const QString &pragma)
{
    QString result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"check"_s);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(u"PRAGMA "_s + pragma) && query.next())
                result = query.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(u"check"_s);
    return result;
}

qint64 headOf(TestClient &client)
{
    return client.request(u"hello"_s, {{u"protocol"_s, 1}}).value("head"_L1).toInteger();
}

} // namespace

class tst_LocalCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void roundTrip();
    void writesOnlyWhatChanged();
    void discardsWhatIsNotItsOwn_data();
    void discardsWhatIsNotItsOwn();
    void survivesKillsAtAnyMoment();
    void olderPostsOfAnEarlierOpenAreDropped();
    void startsOfflineFromCache();
    void catchesUpFromCachedSeq();
    void tooOldReloads();
    void boundedHistory();
    void olderPostsBeforeCatchUp();
    void signOutDeletesCache();

private:
    SessionFixture m_fx;
    //! Signs ada in, opens #general, and quits: the cache holds what she saw.
    void firstRun(QString *token, User *ada);
};

void tst_LocalCache::init()
{
    QVERIFY(m_fx.setUp());
}

void tst_LocalCache::cleanup()
{
    m_fx.tearDown();
}

void tst_LocalCache::roundTrip()
{
    const QString path = LocalCache::fileFor(m_fx.dir->path(), CacheServer, UserId);
    CachedState state = snapshot(42, 3);
    state.channels.append(Channel {
        9, u"ada, bo"_s, {}, Channel::Kind::Direct, {User {UserId, u"ada"_s}, User {8, u"bo"_s}}});
    state.extras.insert(1, {3, 1, u"mentions"_s, 2});
    state.people = {User {UserId, u"ada"_s}, User {8, u"bo"_s}};
    {
        LocalCache cache;
        QCOMPARE(cache.open(path, CacheServer, UserId).seq, -1);
        QVERIFY(cache.isOpen());
        cache.save(state);
        cache.flush();
        QCOMPARE(cache.writes(), 1);
        // Direct messages are in it: the user's only, journal included.
        for (const QString &file : QStringList {path, path + u"-wal"_s}) {
            QCOMPARE(QFile::permissions(file) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
                QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        }
    }
    LocalCache cache;
    const CachedState read = cache.open(path, CacheServer, UserId);
    QCOMPARE(read.seq, 42);
    QCOMPARE(read.user.username, u"ada"_s);
    QCOMPARE(read.posts.size(), 3);
    QCOMPARE(read.posts.first().id, 3); // newest first
    QCOMPARE(read.posts.first().toJson(), state.posts.first().toJson());
    QCOMPARE(read.channels.size(), 2);
    QCOMPARE(read.channels.at(1).toJson(), state.channels.at(1).toJson());
    QCOMPARE(read.extras.value(1).unread, 3);
    QCOMPARE(read.extras.value(1).mentions, 1);
    QCOMPARE(read.extras.value(1).level, u"mentions"_s);
    QCOMPARE(read.extras.value(1).lastRead, 2);
    QCOMPARE(read.extras.value(9).lastRead, -1);
    QCOMPARE(read.chats.size(), 1);
    QCOMPARE(read.chats.first().messages.size(), 2);
    QCOMPARE(
        read.chats.first().messages.at(1).toJson(), state.chats.first().messages.at(1).toJson());
    QCOMPARE(read.chats.first().viewedAt, 42);
    QCOMPARE(read.people.size(), 2);
    QCOMPARE(read.feedUnread, 42);
}

void tst_LocalCache::writesOnlyWhatChanged()
{
    const QString path = LocalCache::fileFor(m_fx.dir->path(), CacheServer, UserId);
    LocalCache cache;
    cache.open(path, CacheServer, UserId);
    CachedState state = snapshot(1, 100);
    cache.save(state);
    cache.flush();
    const qint64 first = cache.rowsWritten();
    QCOMPARE(first, 100 + 1 + 1 + 2); // posts, channel, chat, messages

    state.seq = 2;
    cache.save(state);
    cache.flush();
    QCOMPARE(cache.rowsWritten(), first); // nothing changed but the seq

    state.seq = 3;
    state.posts[10].title = u"edited"_s;
    state.posts.removeLast(); // post 1 left the feed
    cache.save(state);
    cache.flush();
    QCOMPARE(cache.rowsWritten(), first + 2);
    cache.close();

    LocalCache again;
    const CachedState read = again.open(path, CacheServer, UserId);
    QCOMPARE(read.seq, 3);
    QCOMPARE(read.posts.size(), 99);
    QCOMPARE(read.posts.at(10).title, u"edited"_s);
    QCOMPARE(read.posts.last().id, 2);
}

void tst_LocalCache::discardsWhatIsNotItsOwn_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addRow("not SQLite") << u"garbage"_s;
    QTest::addRow("another program's database") << u"foreign"_s;
    QTest::addRow("an older build's format") << u"older"_s;
    QTest::addRow("a newer build's format") << u"newer"_s;
    QTest::addRow("another account's cache") << u"account"_s;
    QTest::addRow("another server's cache") << u"server"_s;
}

void tst_LocalCache::discardsWhatIsNotItsOwn()
{
    QFETCH(QString, kind);
    const QString path = LocalCache::fileFor(m_fx.dir->path(), CacheServer, UserId);
    if (kind == "garbage"_L1) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'x'));
    } else if (kind == "account"_L1 || kind == "server"_L1) {
        LocalCache other;
        other.open(path, kind == "server"_L1 ? QUrl(u"ws://10.0.0.2:7300"_s) : CacheServer,
            kind == "account"_L1 ? UserId + 1 : UserId);
        other.save(snapshot(5, 2));
    } else {
        // A file of the right name whose tables mean something else.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"make"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery query(db);
            if (kind != "foreign"_L1)
                QVERIFY(query.exec(u"PRAGMA application_id=%1"_s.arg(0x48624361)));
            QVERIFY(query.exec(u"PRAGMA user_version=%1"_s.arg(kind == "older"_L1
                    ? LocalCache::FormatVersion - 1
                    : LocalCache::FormatVersion + 1)));
            QVERIFY(query.exec(u"CREATE TABLE meta (key TEXT, value)"_s));
            QVERIFY(query.exec(u"INSERT INTO meta VALUES ('seq', 99)"_s));
            QVERIFY(query.exec(u"CREATE TABLE posts (id INTEGER, title TEXT)"_s));
        }
        QSqlDatabase::removeDatabase(u"make"_s);
    }

    LocalCache cache;
    QCOMPARE(cache.open(path, CacheServer, UserId).seq, -1);
    QVERIFY(cache.isOpen());
    // Started afresh in its place, and usable.
    cache.save(snapshot(6, 1));
    cache.close();
    LocalCache again;
    QCOMPARE(again.open(path, CacheServer, UserId).seq, 6);
    QCOMPARE(sqliteCheck(path, u"integrity_check"_s), u"ok"_s);
}

void tst_LocalCache::survivesKillsAtAnyMoment()
{
    // A child process (this test, see main()) writes snapshot after snapshot until killed.
    const QString path = LocalCache::fileFor(m_fx.dir->path(), CacheServer, UserId);
    constexpr int Kills = 12;
    qint64 lastSeq = -1;
    auto *random = QRandomGenerator::global();
    for (int round = 0; round < Kills; ++round) {
        QProcess writer;
        writer.setProgram(QCoreApplication::applicationFilePath());
        writer.setArguments({u"--cache-writer"_s, path, QString::number(lastSeq + 1)});
        writer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        writer.start();
        QVERIFY(writer.waitForStarted());
        // Into the writes: the child says "ready" once its first snapshot is in the file.
        QVERIFY(writer.waitForReadyRead(10000));
        QTest::qWait(int(random->bounded(20, 400)));
        ::kill(pid_t(writer.processId()), SIGKILL);
        QVERIFY(writer.waitForFinished(10000));
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);

        QCOMPARE(sqliteCheck(path, u"integrity_check"_s), u"ok"_s);
        LocalCache cache;
        const CachedState state = cache.open(path, CacheServer, UserId);
        // Never older than the last round's, and always one whole snapshot.
        QVERIFY2(state.seq >= lastSeq, qPrintable(u"%1 < %2"_s.arg(state.seq).arg(lastSeq)));
        const QString k = QString::number(state.seq);
        QCOMPARE(state.posts.size(), 300);
        for (const Post &post : state.posts)
            QCOMPARE(post.title, k);
        QCOMPARE(state.channels.value(0).topic, k);
        QCOMPARE(state.chats.value(0).messages.size(), 2);
        QCOMPARE(state.chats.value(0).messages.at(1).text, k);
        QCOMPARE(state.feedUnread, int(state.seq % 1000));
        lastSeq = state.seq;
    }
    QVERIFY2(lastSeq > Kills, "the writer should have written many snapshots");
}

void tst_LocalCache::olderPostsOfAnEarlierOpenAreDropped()
{
    // Two accounts' caches, each with more posts than the first screen.
    const QString first = LocalCache::fileFor(m_fx.dir->path(), CacheServer, UserId);
    const QString second = LocalCache::fileFor(m_fx.dir->path(), CacheServer, UserId + 1);
    {
        LocalCache cache;
        cache.open(first, CacheServer, UserId);
        cache.save(snapshot(1, 150));
        cache.open(second, CacheServer, UserId + 1);
        cache.save(snapshot(2, 150));
    }
    // Switched to the second account before the first one's older posts were decoded: only
    // the second's arrive.
    LocalCache cache;
    QSignalSpy older(&cache, &LocalCache::olderPostsRead);
    QCOMPARE(cache.open(first, CacheServer, UserId, 100).posts.size(), 100);
    const CachedState state = cache.open(second, CacheServer, UserId + 1, 100);
    QVERIFY(state.olderPostsCached);
    QTRY_COMPARE(older.size(), 1);
    QTest::qWait(100);
    QCOMPARE(older.size(), 1);
    const auto posts = older.at(0).at(0).value<QList<Post>>();
    QCOMPARE(posts.size(), 50);
    QCOMPARE(posts.first().title, u"2"_s);
    // And none after a close.
    cache.open(first, CacheServer, UserId, 100);
    cache.close();
    QTest::qWait(200);
    QCOMPARE(older.size(), 1);
}

void tst_LocalCache::firstRun(QString *token, User *ada)
{
    TestServer &server = *m_fx.server;
    auto &bob = m_fx.bob;
    QVERIFY(isOk(
        bob->request(u"post.create"_s, {{u"title"_s, u"Café à 10 h"_s}, {u"content"_s, u"☕"_s}})));
    QVERIFY(isOk(
        bob->request(u"chat.send"_s, {{u"channelId"_s, General}, {u"text"_s, u"안녕하세요"_s}})));
    Session session({m_fx.dir->path(), {}});
    QVERIFY(signIn(session, server.url(), u"ada"_s));
    ChatModel *chat = session.chat(General);
    session.setCurrentView(General);
    QTRY_VERIFY(chat->isLoaded());
    QTRY_VERIFY(session.people()->everyone().size() >= 2);
    // ada has read #general up to bob's message.
    QTRY_VERIFY(session.readState()->lastReadId(General) >= 0);
    const qint64 read = chat->index(chat->rowCount() - 1, 0).data(ChatModel::IdRole).toLongLong();
    session.readState()->markRead(General, read);
    QCOMPARE(session.readState()->lastReadId(General), read);
    *token = session.connection()->token();
    *ada = session.user();
    // The app quits: the cache holds what it showed.
}

void tst_LocalCache::startsOfflineFromCache()
{
    QString token;
    User ada;
    firstRun(&token, &ada);
    QVERIFY(!QTest::currentTestFailed());
    const QUrl url = m_fx.server->url();
    m_fx.server->stop();

    Session &session = *m_fx.session;
    QSignalSpy reload(session.connection(), &Connection::reloadRequired);
    session.resume(url, token, ada);
    // Painted at once, before any answer: the server is not even there.
    QVERIFY(session.isFromCache());
    QCOMPARE(feedTitles(session), QStringList {u"Café à 10 h"_s});
    QCOMPARE(session.channels()->rowCount(), 1);
    QCOMPARE(session.channels()->channelAt(0).name, u"general"_s);
    QCOMPARE(chatTexts(session.chat(General)), QStringList {u"안녕하세요"_s});
    QVERIFY(session.people()->everyone().size() >= 2);
    // Where the "New messages" line goes: read up to bob's message.
    QCOMPARE(session.readState()->lastReadId(General),
        session.chat(General)->index(0, 0).data(ChatModel::IdRole).toLongLong());
    QVERIFY(!session.connection()->isOnline());
    // And changes queue in the outbox as without a cache.
    session.sendMessage(General, u"written offline"_s);
    QCOMPARE(chatTexts(session.chat(General), true), QStringList {u"written offline"_s});
    QTest::qWait(200);
    QCOMPARE(reload.size(), 0);
}

void tst_LocalCache::catchesUpFromCachedSeq()
{
    QString token;
    User ada;
    firstRun(&token, &ada);
    QVERIFY(!QTest::currentTestFailed());
    TestServer &server = *m_fx.server;
    auto &bob = m_fx.bob;
    const qint64 seen = headOf(*bob);

    // What ada misses while the app is closed: posts, an edit, a delete, messages.
    QStringList titles {u"Café à 10 h"_s};
    for (int i = 0; i < 5; ++i) {
        const QString title = u"missed %1"_s.arg(i);
        QVERIFY(isOk(bob->request(u"post.create"_s, {{u"title"_s, title}, {u"content"_s, u""_s}})));
        titles.prepend(title);
    }
    const QJsonObject doomed
        = bob->request(u"post.create"_s, {{u"title"_s, u"doomed"_s}, {u"content"_s, u""_s}});
    QVERIFY(isOk(bob->request(u"post.delete"_s, {{u"postId"_s, idOf(doomed, "post")}})));
    QVERIFY(isOk(bob->request(u"post.update"_s,
        {{u"postId"_s, 1}, {u"title"_s, u"Café à 11 h"_s}, {u"content"_s, u"☕☕"_s}})));
    titles.last() = u"Café à 11 h"_s;
    for (int i = 0; i < 3; ++i) {
        QVERIFY(isOk(bob->request(
            u"chat.send"_s, {{u"channelId"_s, General}, {u"text"_s, u"while away %1"_s.arg(i)}})));
    }

    Session &session = *m_fx.session;
    QSignalSpy reload(session.connection(), &Connection::reloadRequired);
    session.setCurrentView(General); // the feed's new posts count as unread
    session.resume(server.url(), token, ada);
    QVERIFY(session.isFromCache());
    // What the app does next with the counts it keeps in its settings, as of the same seq:
    // they must not be counted again on top of the cache's.
    UnreadState kept;
    kept.seq = seen;
    session.restoreUnread(kept);
    QVERIFY(waitOnline(session));
    QCOMPARE(reload.size(), 0);
    QCOMPARE(session.connection()->lastSeq(), headOf(*bob));
    QCOMPARE(feedTitles(session), titles);
    QCOMPARE(feedTitles(session), titlesOnServer(*bob));
    QCOMPARE(chatTexts(session.chat(General)), textsOnServer(*bob));
    // Each post created while away counted once (the deleted one too, as when online).
    QCOMPARE(session.feedUnread(), 6);
}

void tst_LocalCache::tooOldReloads()
{
    QString token;
    User ada;
    firstRun(&token, &ada);
    QVERIFY(!QTest::currentTestFailed());
    TestServer &server = *m_fx.server;
    const quint16 port = m_fx.port();
    // The server can no longer fill the gap (a catch-up larger than it sends).
    server.stop();
    server.config().syncMaxBytes = 100;
    QVERIFY(startOnPort(server, port));
    auto bob = reconnect(server, m_fx.bob->token());
    QVERIFY(bob);
    QVERIFY(isOk(bob->request(
        u"post.create"_s, {{u"title"_s, u"after the cache"_s}, {u"content"_s, u""_s}})));

    Session &session = *m_fx.session;
    reconnectFast(session);
    QSignalSpy reload(session.connection(), &Connection::reloadRequired);
    session.resume(server.url(), token, ada);
    QCOMPARE(feedTitles(session), QStringList {u"Café à 10 h"_s});
    QTRY_COMPARE_WITH_TIMEOUT(reload.size(), 1, SignInTimeout);
    QVERIFY(waitOnline(session));
    QTRY_COMPARE(feedTitles(session), titlesOnServer(*bob));
    QVERIFY(!session.isFromCache());
}

void tst_LocalCache::boundedHistory()
{
    TestServer &server = *m_fx.server;
    auto &bob = m_fx.bob;
    const int count = int(LocalCache::MaxMessages) + 30;
    qint64 last = 0;
    for (int i = 0; i < count; ++i) {
        last = bob->send(
            u"chat.send"_s, {{u"channelId"_s, General}, {u"text"_s, u"message %1"_s.arg(i)}});
    }
    QVERIFY(isOk(bob->waitReply(last, 30000)));
    QString token;
    User ada;
    {
        Session session({m_fx.dir->path(), {}});
        QVERIFY(signIn(session, server.url(), u"ada"_s));
        ChatModel *chat = session.chat(General);
        QTRY_VERIFY(chat->isLoaded());
        // Scroll up until every message is loaded.
        while (chat->canFetchMore({})) {
            const int rows = chat->rowCount();
            chat->fetchMore({});
            QTRY_VERIFY(chat->rowCount() > rows || !chat->hasMore());
        }
        QCOMPARE(chatTexts(chat).size(), count);
        token = session.connection()->token();
        ada = session.user();
    }
    LocalCache cache;
    const CachedState state = cache.open(
        LocalCache::fileFor(m_fx.dir->path(), server.url(), ada.id), server.url(), ada.id);
    QCOMPARE(state.chats.size(), 1);
    // The newest ones; the older ones load from the server when scrolled to.
    QCOMPARE(state.chats.first().messages.size(), LocalCache::MaxMessages);
    QCOMPARE(state.chats.first().messages.last().text, u"message %1"_s.arg(count - 1));
    QVERIFY(state.chats.first().more);
}

void tst_LocalCache::olderPostsBeforeCatchUp()
{
    // More posts cached than the first screen: the newest show at once, the others follow
    // before the catch-up, so that an event about one of them finds it.
    TestServer &server = *m_fx.server;
    auto &bob = m_fx.bob;
    const int count = int(Session::FirstScreenPosts) + 50;
    qint64 last = 0;
    for (int i = 0; i < count; ++i) {
        last = bob->send(
            u"post.create"_s, {{u"title"_s, u"post %1"_s.arg(i)}, {u"content"_s, u""_s}});
    }
    const QJsonObject lastReply = bob->waitReply(last, 30000);
    QVERIFY(isOk(lastReply));
    QString token;
    User ada;
    {
        Session session({m_fx.dir->path(), {}});
        QVERIFY(signIn(session, server.url(), u"ada"_s));
        FeedModel *feed = session.feed();
        while (feed->hasMore()) {
            const int rows = feed->rowCount();
            feed->fetchMore({});
            QTRY_VERIFY(feed->rowCount() > rows || !feed->hasMore());
        }
        QCOMPARE(feed->rowCount(), count);
        token = session.connection()->token();
        ada = session.user();
    }
    // The oldest post changes while the app is closed.
    const qint64 oldest = idOf(lastReply, "post") - count + 1;
    QVERIFY(isOk(bob->request(u"post.update"_s,
        {{u"postId"_s, oldest}, {u"title"_s, u"edited while away"_s}, {u"content"_s, u""_s}})));

    Session &session = *m_fx.session;
    QSignalSpy reload(session.connection(), &Connection::reloadRequired);
    session.resume(server.url(), token, ada);
    QCOMPARE(session.feed()->rowCount(), int(Session::FirstScreenPosts));
    QTRY_COMPARE(session.feed()->rowCount(), count);
    QVERIFY(waitOnline(session));
    QCOMPARE(reload.size(), 0);
    QTRY_COMPARE(feedTitles(session).constLast(), u"edited while away"_s);
    // (titlesOnServer() reads one page: the newest 100.)
    QCOMPARE(feedTitles(session).mid(0, 100), titlesOnServer(*bob));
}

void tst_LocalCache::signOutDeletesCache()
{
    QString token;
    User ada;
    firstRun(&token, &ada);
    QVERIFY(!QTest::currentTestFailed());
    const QDir dir(m_fx.dir->path());
    QCOMPARE(dir.entryList({u"cache-*"_s}, QDir::Files).size() > 0, true);
    Session &session = *m_fx.session;
    session.resume(m_fx.server->url(), token, ada);
    QVERIFY(waitOnline(session));
    session.signOut();
    QCOMPARE(dir.entryList({u"cache-*"_s}, QDir::Files), QStringList());
    QVERIFY(!session.cache()->isOpen());
}

//! `--cache-writer PATH FIRST`: writes snapshots FIRST, FIRST+1, … until killed (at most 60 s).
static int cacheWriter(const QStringList &args)
{
    LocalCache cache;
    cache.open(args.at(2), CacheServer, UserId);
    // "ready" once a first whole snapshot of its own is in the file: a kill before it (a slow
    // start under the sanitizers) would leave the previous round's, or in the first round
    // none, and the round would check nothing this writer did.
    qint64 k = args.at(3).toLongLong();
    cache.save(snapshot(k, 300));
    cache.flush();
    fputs("ready\n", stdout);
    fflush(stdout);
    QElapsedTimer clock;
    clock.start();
    for (++k; clock.elapsed() < 60000; ++k) {
        cache.save(snapshot(k, 300));
        cache.flush();
    }
    return 0;
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 4 && args.at(1) == "--cache-writer"_L1)
        return cacheWriter(args);
    tst_LocalCache test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_localcache.moc"
