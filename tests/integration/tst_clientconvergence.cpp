// End to end: two desktop-client cores (Session: connection, outbox, models) against the real
// hubbub-server binary. Changes made by one appear in the other; the server is killed and
// restarted mid-way, with changes queued offline and in flight; afterwards both clients show
// exactly what the database holds: nothing lost, nothing doubled.

#include "channelmodel.h"
#include "chatmodel.h"
#include "connection.h"
#include "feedmodel.h"
#include "outbox.h"
#include "serverprocess.h"
#include "session.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Hubbub::Test;

namespace {

constexpr int Slow = 60000;

//! One row as both a model and the database can describe it.
struct Row
{
    qint64 id = 0;
    QString author;
    QString text;
    bool edited = false;
    qint64 ratingCount = 0;
    bool operator==(const Row &) const = default;
};

QString describe(const QList<Row> &rows)
{
    QStringList out;
    for (const Row &r : rows) {
        out.append(QStringLiteral("%1 %2 '%3'%4 r%5")
                       .arg(r.id)
                       .arg(r.author, r.text, r.edited ? QStringLiteral(" (edited)") : QString())
                       .arg(r.ratingCount));
    }
    return out.join(QStringLiteral("\n"));
}

//! Acknowledged posts in the feed (pending rows left out), newest first.
QList<Row> feedRows(const FeedModel *model)
{
    QList<Row> rows;
    for (int i = 0; i < model->rowCount(); ++i) {
        const QModelIndex index = model->index(i);
        if (!index.data(FeedModel::LocalIdRole).toString().isEmpty())
            continue;
        rows.append({index.data(FeedModel::IdRole).toLongLong(),
            index.data(FeedModel::AuthorRole).toString(),
            index.data(FeedModel::TitleRole).toString() + QLatin1Char('|')
                + index.data(FeedModel::ContentRole).toString(),
            index.data(FeedModel::EditedRole).toBool(),
            index.data(FeedModel::RatingCountRole).toLongLong()});
    }
    return rows;
}

//! Acknowledged messages of a channel, oldest first.
QList<Row> chatRows(const ChatModel *model)
{
    QList<Row> rows;
    for (int i = 0; i < model->rowCount(); ++i) {
        const QModelIndex index = model->index(i);
        if (index.data(ChatModel::KindRole).value<ChatModel::Kind>() != ChatModel::Kind::Message
            || !index.data(ChatModel::LocalIdRole).toString().isEmpty())
            continue;
        rows.append({index.data(ChatModel::IdRole).toLongLong(),
            index.data(ChatModel::AuthorRole).toString(),
            index.data(ChatModel::TextRole).toString(), index.data(ChatModel::EditedRole).toBool(),
            0});
    }
    return rows;
}

//! The same, read straight from the server's SQLite file.
class Database final
{
public:
    explicit Database(const QString &path)
        : m_name(QStringLiteral("check-%1").arg(quintptr(this)))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    }
    ~Database() { QSqlDatabase::removeDatabase(m_name); }
    Q_DISABLE_COPY_MOVE(Database)

    QList<Row> posts() const
    {
        return rows(QStringLiteral(
            "SELECT p.id, u.username, p.title || '|' || p.content, p.updated_at IS NOT NULL,"
            " (SELECT COUNT(*) FROM reviews r WHERE r.post_id = p.id)"
            " FROM posts p JOIN users u ON u.id = p.author_id ORDER BY p.id DESC"));
    }
    QList<Row> messages(qint64 channelId) const
    {
        return rows(QStringLiteral("SELECT m.id, u.username, m.text, m.edited_at IS NOT NULL, 0"
                                   " FROM messages m JOIN users u ON u.id = m.author_id"
                                   " WHERE m.channel_id = %1 ORDER BY m.id")
                        .arg(channelId));
    }
    QString integrity() const
    {
        QSqlDatabase db = open();
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("PRAGMA integrity_check")) || !q.next())
            return q.lastError().text();
        return q.value(0).toString();
    }

private:
    QSqlDatabase open() const
    {
        QSqlDatabase db = QSqlDatabase::database(m_name);
        return db;
    }
    QList<Row> rows(const QString &sql) const
    {
        QSqlDatabase db = open();
        QSqlQuery q(db);
        QList<Row> out;
        if (!q.exec(sql)) {
            qWarning() << "query failed:" << q.lastError().text();
            return out;
        }
        while (q.next()) {
            out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                q.value(3).toBool(), q.value(4).toLongLong()});
        }
        return out;
    }

    QString m_name;
};

//! A desktop client without widgets, with its own data and cache folders.
struct Desktop
{
    explicit Desktop(const QString &root)
        : session(Session::Paths {root + QStringLiteral("/data"), root + QStringLiteral("/cache")})
    { }
    Session session;
};

} // namespace

class tst_ClientConvergence : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void changesAppearLiveAndSurviveServerRestarts();
    void inFlightMessagesAreNotDoubledByAKill();

private:
    static bool signUp(Desktop &client, const QUrl &url, const QString &name);
};

bool tst_ClientConvergence::signUp(Desktop &client, const QUrl &url, const QString &name)
{
    client.session.signIn(url, name, QStringLiteral("correct horse"), true);
    return QTest::qWaitFor([&] { return client.session.connection()->isOnline(); }, Slow);
}

void tst_ClientConvergence::changesAppearLiveAndSurviveServerRestarts()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString dbPath = dir.filePath(QStringLiteral("hubbub.db"));
    ServerProcess server(QStringLiteral(HUBBUB_SERVER_BINARY), dbPath);
    QVERIFY2(server.start(), qPrintable(server.diagnostics()));
    const quint16 port = server.port();

    Desktop ada(dir.filePath(QStringLiteral("ada")));
    Desktop bob(dir.filePath(QStringLiteral("bob")));
    QVERIFY(signUp(ada, server.url(), QStringLiteral("ada")));
    QVERIFY(signUp(bob, server.url(), QStringLiteral("bob")));

    // Live: a post by Ada appears in Bob's feed; Bob's review shows on Ada's.
    ada.session.createPost(QStringLiteral("Hello"), QStringLiteral("first post"));
    QTRY_COMPARE_WITH_TIMEOUT(feedRows(bob.session.feed()).size(), 1, Slow);
    const qint64 helloId = feedRows(bob.session.feed()).constFirst().id;
    bob.session.createReview(helloId, 5, QStringLiteral("nice"));
    QTRY_COMPARE_WITH_TIMEOUT(
        ada.session.feed()->post(helloId).value_or(Post {}).ratingCount, qint64(1), Slow);

    // A channel and a message each way.
    qint64 channelId = 0;
    ada.session.createChannel(
        QStringLiteral("lounge"), QStringLiteral("everything"), this, [&](const Reply &reply) {
            if (!reply.ok())
                qWarning() << "channel.create:" << reply.error().toString();
            channelId = reply.result()
                            .value(QStringLiteral("channel"))
                            .toObject()
                            .value(QStringLiteral("id"))
                            .toInteger();
        });
    QTRY_VERIFY_WITH_TIMEOUT(channelId > 0, Slow);
    QTRY_VERIFY_WITH_TIMEOUT(bob.session.channels()->rowOf(channelId) >= 0, Slow);
    ChatModel *adaChat = ada.session.chat(channelId);
    ChatModel *bobChat = bob.session.chat(channelId);
    QTRY_VERIFY_WITH_TIMEOUT(adaChat->isLoaded() && bobChat->isLoaded(), Slow);
    bob.session.sendMessage(channelId, QStringLiteral("hi ada"));
    ada.session.sendMessage(channelId, QStringLiteral("hi bob"));
    QTRY_COMPARE_WITH_TIMEOUT(chatRows(adaChat).size(), 2, Slow);
    QTRY_COMPARE_WITH_TIMEOUT(chatRows(bobChat).size(), 2, Slow);
    qint64 bobMessageId = 0;
    for (const Row &row : chatRows(bobChat)) {
        if (row.author == QLatin1String("bob"))
            bobMessageId = row.id;
    }
    QVERIFY(bobMessageId > 0);

    // The server dies. Both keep working offline; changes wait in their outboxes.
    server.kill();
    QTRY_VERIFY_WITH_TIMEOUT(
        !ada.session.connection()->isOnline() && !bob.session.connection()->isOnline(), Slow);
    ada.session.createPost(QStringLiteral("Offline one"), QStringLiteral("made while down"));
    ada.session.createPost(QStringLiteral("Offline two"), QString());
    ada.session.updatePost(helloId, QStringLiteral("Hello (edited)"), QStringLiteral("better"));
    bob.session.editMessage(bobMessageId, channelId, QStringLiteral("hi ada, edited"));
    bob.session.sendMessage(channelId, QStringLiteral("are you there?"));
    QCOMPARE(ada.session.outbox()->count(), 3);
    QCOMPARE(bob.session.outbox()->count(), 2);
    QCOMPARE(ada.session.feed()->pendingCount(), 2);

    // Back on the same port and file: both reconnect by themselves and send their changes.
    QElapsedTimer outage;
    outage.start();
    QVERIFY2(server.start({}, port), qPrintable(server.diagnostics()));
    const qint64 serverUp = outage.elapsed();
    QTRY_VERIFY_WITH_TIMEOUT(ada.session.connection()->isOnline(), Slow);
    QTRY_VERIFY_WITH_TIMEOUT(bob.session.connection()->isOnline(), Slow);
    QTRY_COMPARE_WITH_TIMEOUT(ada.session.outbox()->count(), 0, Slow);
    QTRY_COMPARE_WITH_TIMEOUT(bob.session.outbox()->count(), 0, Slow);
    // A figure for the log, not a check: how long the clients took to catch up after the
    // server was back (bounded by the reconnect backoff, 0.5 s doubling).
    qInfo("server up after %lld ms; both clients caught up and flushed after %lld ms", serverUp,
        outage.elapsed());

    // A second outage, this time with a delete and a review queued.
    server.kill();
    QTRY_VERIFY_WITH_TIMEOUT(!ada.session.connection()->isOnline(), Slow);
    const QList<Row> beforeDelete = feedRows(ada.session.feed());
    QCOMPARE(beforeDelete.size(), 3);
    const qint64 offlineTwo = beforeDelete.constFirst().id;
    ada.session.deletePost(offlineTwo);
    bob.session.createReview(helloId, 3, QString());
    QVERIFY2(server.start({}, port), qPrintable(server.diagnostics()));
    QTRY_COMPARE_WITH_TIMEOUT(ada.session.outbox()->count(), 0, Slow);
    QTRY_COMPARE_WITH_TIMEOUT(bob.session.outbox()->count(), 0, Slow);

    // Converged: both clients equal the database, row for row.
    Database db(dbPath);
    const QList<Row> posts = db.posts();
    const QList<Row> messages = db.messages(channelId);
    QCOMPARE(posts.size(), 2); // Hello (edited), Offline one
    QCOMPARE(messages.size(), 3);
    QCOMPARE(posts.constLast().text, QStringLiteral("Hello (edited)|better"));
    // Bob's second review of Hello replaced his first: one person, one vote.
    QCOMPARE(posts.constLast().ratingCount, qint64(1));
    QTRY_VERIFY2_WITH_TIMEOUT(feedRows(ada.session.feed()) == posts,
        qPrintable(describe(feedRows(ada.session.feed())) + QStringLiteral("\n--- db\n")
            + describe(posts)),
        Slow);
    QTRY_VERIFY2_WITH_TIMEOUT(feedRows(bob.session.feed()) == posts,
        qPrintable(describe(feedRows(bob.session.feed())) + QStringLiteral("\n--- db\n")
            + describe(posts)),
        Slow);
    QTRY_VERIFY2_WITH_TIMEOUT(chatRows(adaChat) == messages,
        qPrintable(describe(chatRows(adaChat)) + QStringLiteral("\n--- db\n") + describe(messages)),
        Slow);
    QTRY_VERIFY2_WITH_TIMEOUT(chatRows(bobChat) == messages,
        qPrintable(describe(chatRows(bobChat)) + QStringLiteral("\n--- db\n") + describe(messages)),
        Slow);
    QCOMPARE(ada.session.feed()->pendingCount(), 0);
    QCOMPARE(db.integrity(), QStringLiteral("ok"));
}

void tst_ClientConvergence::inFlightMessagesAreNotDoubledByAKill()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString dbPath = dir.filePath(QStringLiteral("hubbub.db"));
    ServerProcess server(QStringLiteral(HUBBUB_SERVER_BINARY), dbPath);
    QVERIFY2(server.start(), qPrintable(server.diagnostics()));
    const quint16 port = server.port();

    Desktop ada(dir.filePath(QStringLiteral("ada")));
    QVERIFY(signUp(ada, server.url(), QStringLiteral("ada")));
    qint64 channelId = 0;
    ada.session.createChannel(QStringLiteral("busy"), {}, this, [&](const Reply &reply) {
        channelId = reply.result()
                        .value(QStringLiteral("channel"))
                        .toObject()
                        .value(QStringLiteral("id"))
                        .toInteger();
    });
    QTRY_VERIFY_WITH_TIMEOUT(channelId > 0, Slow);
    ChatModel *chat = ada.session.chat(channelId);
    QTRY_VERIFY_WITH_TIMEOUT(chat->isLoaded(), Slow);

    // Queue a burst and kill the server once some, but not all, are acknowledged: the rest
    // are in flight or queued, and go again after the restart under their nonces.
    constexpr int Count = 40;
    for (int i = 0; i < Count; ++i)
        ada.session.sendMessage(channelId, QStringLiteral("message %1").arg(i));
    QTRY_VERIFY_WITH_TIMEOUT(ada.session.outbox()->count() < Count - 3, Slow);
    server.kill();
    const int leftAtKill = ada.session.outbox()->count();
    QVERIFY2(leftAtKill > 0, "the burst finished before the kill; nothing was in flight");
    QVERIFY2(server.start({}, port), qPrintable(server.diagnostics()));
    QTRY_COMPARE_WITH_TIMEOUT(ada.session.outbox()->count(), 0, Slow);

    Database db(dbPath);
    const QList<Row> messages = db.messages(channelId);
    QCOMPARE(messages.size(), Count);
    for (int i = 0; i < Count; ++i)
        QCOMPARE(messages.at(i).text, QStringLiteral("message %1").arg(i));
    QTRY_VERIFY2_WITH_TIMEOUT(chatRows(chat) == messages,
        qPrintable(describe(chatRows(chat)) + QStringLiteral("\n--- db\n") + describe(messages)),
        Slow);
}

QTEST_GUILESS_MAIN(tst_ClientConvergence)
#include "tst_clientconvergence.moc"
