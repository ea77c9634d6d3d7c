// Crash durability of the real hubbub-server binary with --durability full. Several clients run
// a write storm (post.create/update/delete, review.create, chat.send/edit) while the server is
// SIGKILLed at a random moment, then restarted on the same SQLite file and port. After each
// restart the file itself is checked: every acknowledged change is there once, nothing is
// half-written (the tables equal a replay of the event log), the log has no gap and
// integrity_check passes. Unacknowledged creates are resent with their nonces and must not
// double; the clients resume with sync and their replicas must equal the database. A SIGTERM in
// the middle of a storm must exit 0, close with 1001 and keep every acknowledged change.
//
// Short form: 20 kills. HUBBUB_LONG_TESTS=1: 200 kills (full database checks every 10th cycle).
// HUBBUB_SEED=N replays a run's random choices (timing still varies).

#include "serverprocess.h"
#include "testclient.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QWebSocketProtocol>

#include <array>
#include <memory>

using namespace Hubbub::Test;

namespace {

constexpr int Clients = 3;
constexpr int Window = 16; //!< requests in flight per client during a storm
//! Stays well under the 400-request burst a fresh connection gets, so no rate_limited reply.
constexpr int MaxSendsPerCycle = 250;
constexpr qint64 GeneralChannel = 1;
constexpr qsizetype MaxProblems = 30;

QString serverBinary()
{
    return QStringLiteral(HUBBUB_SERVER_BINARY);
}

bool longForm()
{
    return qEnvironmentVariableIntValue("HUBBUB_LONG_TESTS") == 1;
}

quint32 testSeed()
{
    bool ok = false;
    const quint32 fromEnvironment = qEnvironmentVariable("HUBBUB_SEED").toUInt(&ok);
    const quint32 seed = ok ? fromEnvironment : QRandomGenerator::global()->generate();
    qInfo("seed %u (HUBBUB_SEED=%u replays the random choices)", seed, seed);
    return seed;
}

const QStringList &serverArguments()
{
    static const QStringList arguments {QStringLiteral("--durability"), QStringLiteral("full")};
    return arguments;
}

QString shutdownMessage()
{
    return QStringLiteral("The server is shutting down; the change was not stored.");
}

qint64 intOf(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1StringView(key)).toInteger();
}

QString stringOf(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1StringView(key)).toString();
}

QJsonObject objectOf(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1StringView(key)).toObject();
}

QString describe(const QJsonObject &o)
{
    return o.isEmpty() ? QStringLiteral("no reply") : dump(o);
}

void note(QStringList &problems, const QString &problem)
{
    if (problems.size() < MaxProblems)
        problems.append(problem);
}

// ---- What the clients sent, and what was acknowledged -------------------------------------

//! One state of a post (title + content) or of a message (text in `body`) as a client sent it.
struct Version
{
    QString title;
    QString body;
    bool acked = false;
    bool refused = false; //!< answered with an error: must never be the stored state
};

struct PostRecord
{
    int owner = 0;
    QList<Version> versions; //!< [0] is the create
    qint64 id = 0; //!< from the ok reply
    bool deleteSent = false;
    bool deleteAcked = false;
};

struct ReviewRecord
{
    int owner = 0;
    QString postNonce;
    QString comment;
    bool acked = false;
    bool refused = false;
    qint64 id = 0;
};

struct MessageRecord
{
    int owner = 0;
    QList<Version> versions; //!< [0] is the send
    qint64 id = 0;
};

//! Every change the storm sent, keyed by nonce (creates) with its later versions.
struct Ledger
{
    QHash<QString, PostRecord> posts;
    QHash<QString, ReviewRecord> reviews;
    QHash<QString, MessageRecord> messages;
    QStringList problems;
    qint64 sent = 0;
    qint64 acked = 0;
    qint64 refused = 0;
};

// ---- A client's replica, built from events only ------------------------------------------

struct ReplicaPost
{
    QString title;
    QString content;
    bool edited = false;
    qint64 ratingCount = 0;
    bool operator==(const ReplicaPost &o) const
    {
        return title == o.title && content == o.content && edited == o.edited
            && ratingCount == o.ratingCount;
    }
};

struct ReplicaMessage
{
    QString text;
    bool edited = false;
    bool operator==(const ReplicaMessage &o) const { return text == o.text && edited == o.edited; }
};

ReplicaPost replicaPost(const QJsonObject &post)
{
    return ReplicaPost {stringOf(post, "title"), stringOf(post, "content"),
        !post.value(QLatin1StringView("updatedAt")).isNull(),
        intOf(objectOf(post, "rating"), "count")};
}

ReplicaMessage replicaMessage(const QJsonObject &message)
{
    return ReplicaMessage {
        stringOf(message, "text"), !message.value(QLatin1StringView("editedAt")).isNull()};
}

//! What a client knows: the events it applied, each seq once and in order, as the spec asks
//! of a client that resumes with sync while live events arrive.
struct Replica
{
    QMap<qint64, ReplicaPost> posts;
    QMap<qint64, ReplicaMessage> messages;
    qint64 lastSeq = 0;
    bool resuming = false; //!< between auth and the sync reply: live events are held
    QList<QJsonObject> held;
    QStringList problems;

    void offer(const QJsonObject &event)
    {
        if (resuming)
            held.append(event);
        else
            apply(event);
    }

    void finishResume(const QJsonArray &events)
    {
        for (const QJsonValue &event : events)
            apply(event.toObject());
        resuming = false;
        const QList<QJsonObject> live = std::exchange(held, {});
        for (const QJsonObject &event : live)
            apply(event);
    }

    void apply(const QJsonObject &event)
    {
        const qint64 seq = intOf(event, "seq");
        if (seq <= lastSeq)
            return; // seen both in a sync result and live: applied once
        if (seq != lastSeq + 1) {
            note(problems,
                QStringLiteral("gap: seq %1 after %2 (%3)").arg(seq).arg(lastSeq).arg(dump(event)));
        }
        lastSeq = seq;
        const QString name = stringOf(event, "event");
        if (name == u"post.created" || name == u"post.updated") {
            const QJsonObject post = objectOf(event, "post");
            const qint64 id = intOf(post, "id");
            if ((name == u"post.created") == posts.contains(id))
                note(problems,
                    QStringLiteral("%1 for post %2 at seq %3").arg(name).arg(id).arg(seq));
            posts.insert(id, replicaPost(post));
        } else if (name == u"post.deleted") {
            if (posts.remove(intOf(event, "postId")) != 1)
                note(
                    problems, QStringLiteral("post.deleted of an unknown post at seq %1").arg(seq));
        } else if (name == u"review.created") {
            const QJsonObject post = objectOf(event, "post");
            if (!posts.contains(intOf(post, "id")))
                note(problems, QStringLiteral("review of an unknown post at seq %1").arg(seq));
            posts.insert(intOf(post, "id"), replicaPost(post));
        } else if (name == u"message.created" || name == u"message.updated") {
            const QJsonObject message = objectOf(event, "message");
            const qint64 id = intOf(message, "id");
            if ((name == u"message.created") == messages.contains(id)) {
                note(problems,
                    QStringLiteral("%1 for message %2 at seq %3").arg(name).arg(id).arg(seq));
            }
            messages.insert(id, replicaMessage(message));
        } else {
            note(problems, QStringLiteral("unexpected event %1").arg(dump(event)));
        }
    }
};

// ---- The database, read directly ----------------------------------------------------------

//! The stored state as a client would see it, and everything wrong with the file.
struct DbState
{
    qint64 head = 0;
    QMap<qint64, ReplicaPost> posts;
    QMap<qint64, ReplicaMessage> messages;
    qint64 reviews = 0;
    QStringList problems;
};

//! A stored title/body must be the last acknowledged version or a later one that was not
//! refused; `edited` must say whether it is an edit.
QString checkVersion(
    const QList<Version> &versions, const QString &title, const QString &body, bool edited)
{
    qsizetype from = 0;
    for (qsizetype i = 0; i < versions.size(); ++i) {
        if (versions.at(i).acked)
            from = i;
    }
    for (qsizetype i = from; i < versions.size(); ++i) {
        const Version &v = versions.at(i);
        if (v.title != title || v.body != body)
            continue;
        if (v.refused)
            return QStringLiteral("a refused change is stored: '%1'").arg(body);
        if (edited != (i > 0))
            return QStringLiteral("'%1' has edited=%2").arg(body).arg(edited);
        return {};
    }
    return QStringLiteral("stored '%1'/'%2' is not version %3 or later of %4 sent")
        .arg(title, body)
        .arg(from)
        .arg(versions.size());
}

struct StoredRow
{
    qint64 id = 0;
    QString title;
    QString body;
    bool edited = false;
    qint64 postId = 0;
};

class DatabaseCheck
{
public:
    DatabaseCheck(QSqlDatabase db, const Ledger &ledger, DbState &state)
        : m_db(std::move(db))
        , m_ledger(ledger)
        , m_state(state)
        , m_query(m_db)
    {
        m_query.setForwardOnly(true);
    }

    void run()
    {
        if (!m_db.transaction()) // one snapshot for every read below
            problem(QStringLiteral("BEGIN: ") + m_db.lastError().text());
        checkIntegrity();
        replayEvents();
        checkPosts();
        checkReviews();
        checkMessages();
        checkLedger();
        m_query.finish();
        m_db.rollback();
    }

private:
    struct ReplayPost
    {
        ReplicaPost post;
        qint64 createdSeq = 0;
    };

    void problem(const QString &text) { note(m_state.problems, text); }

    bool exec(const QString &sql)
    {
        if (m_query.exec(sql))
            return true;
        problem(sql + QStringLiteral(": ") + m_query.lastError().text());
        return false;
    }

    void checkIntegrity()
    {
        if (exec(QStringLiteral("PRAGMA integrity_check"))) {
            QStringList rows;
            while (m_query.next())
                rows.append(m_query.value(0).toString());
            if (rows != QStringList {QStringLiteral("ok")})
                problem(QStringLiteral("integrity_check: ") + rows.join(u'\n'));
        }
        if (exec(QStringLiteral("PRAGMA foreign_key_check")) && m_query.next()) {
            problem(QStringLiteral("foreign_key_check: row %1 of %2 points at a missing row")
                        .arg(m_query.value(1).toLongLong())
                        .arg(m_query.value(0).toString()));
        }
    }

    //! Rebuilds posts, reviews and messages from the event log alone, checking that it has
    //! no gap and that every event is about something that exists at that point.
    void replayEvents()
    {
        if (!exec(QStringLiteral("SELECT seq, frame FROM events ORDER BY seq")))
            return;
        qint64 expected = 1; // no pruning in these runs: the log starts at 1
        while (m_query.next()) {
            const qint64 seq = m_query.value(0).toLongLong();
            if (seq != expected)
                problem(
                    QStringLiteral("event log: seq %1 where %2 was due").arg(seq).arg(expected));
            expected = seq + 1;
            m_state.head = seq;
            const QJsonObject event
                = QJsonDocument::fromJson(m_query.value(1).toString().toUtf8()).object();
            if (intOf(event, "seq") != seq)
                problem(QStringLiteral("event %1 holds seq %2").arg(seq).arg(intOf(event, "seq")));
            replay(seq, event);
        }
    }

    void replay(qint64 seq, const QJsonObject &event)
    {
        const QString name = stringOf(event, "event");
        if (name == u"post.created" || name == u"post.updated") {
            const QJsonObject post = objectOf(event, "post");
            const qint64 id = intOf(post, "id");
            const bool created = name == u"post.created";
            if (created == m_posts.contains(id))
                problem(QStringLiteral("event %1: %2 for post %3").arg(seq).arg(name).arg(id));
            const qint64 createdSeq = created ? seq : m_posts.value(id).createdSeq;
            m_posts.insert(id, ReplayPost {replicaPost(post), createdSeq});
        } else if (name == u"post.deleted") {
            const qint64 id = intOf(event, "postId");
            if (m_posts.remove(id) != 1)
                problem(QStringLiteral("event %1 deletes unknown post %2").arg(seq).arg(id));
            for (auto it = m_reviewPost.begin(); it != m_reviewPost.end();)
                it = it.value() == id ? m_reviewPost.erase(it) : std::next(it);
        } else if (name == u"review.created") {
            const QJsonObject post = objectOf(event, "post");
            const qint64 postId = intOf(post, "id");
            const qint64 reviewId = intOf(objectOf(event, "review"), "id");
            if (!m_posts.contains(postId) || m_reviewPost.contains(reviewId))
                problem(QStringLiteral("event %1: review %2 of post %3")
                            .arg(seq)
                            .arg(reviewId)
                            .arg(postId));
            m_posts[postId].post = replicaPost(post);
            m_reviewPost.insert(reviewId, postId);
            m_reviewSeq.insert(reviewId, seq);
        } else if (name == u"message.created" || name == u"message.updated") {
            const QJsonObject message = objectOf(event, "message");
            const qint64 id = intOf(message, "id");
            const bool created = name == u"message.created";
            if (created == m_messages.contains(id))
                problem(QStringLiteral("event %1: %2 for message %3").arg(seq).arg(name).arg(id));
            const qint64 createdSeq = created ? seq : m_messages.value(id).second;
            m_messages.insert(id, {replicaMessage(message), createdSeq});
        } else {
            problem(QStringLiteral("event %1 is unexpected: %2").arg(seq).arg(name));
        }
    }

    void checkPosts()
    {
        if (!exec(QStringLiteral("SELECT id, title, content, updated_at IS NOT NULL, rating_sum, "
                                 "rating_count, nonce, created_seq FROM posts")))
            return;
        while (m_query.next()) {
            const qint64 id = m_query.value(0).toLongLong();
            const ReplicaPost stored {m_query.value(1).toString(), m_query.value(2).toString(),
                m_query.value(3).toBool(), m_query.value(5).toLongLong()};
            m_ratingSum.insert(id, m_query.value(4).toLongLong());
            m_state.posts.insert(id, stored);
            const QString nonce = m_query.value(6).toString();
            addByNonce(
                m_postsByNonce, nonce, StoredRow {id, stored.title, stored.content, stored.edited});
            if (!m_posts.contains(id)) {
                problem(QStringLiteral("post %1 ('%2') has no post.created event")
                            .arg(id)
                            .arg(stored.title));
                continue;
            }
            const ReplayPost &replayed = m_posts.value(id);
            if (!(replayed.post == stored))
                problem(QStringLiteral("post %1 differs from its events: '%2' vs '%3'")
                            .arg(id)
                            .arg(stored.content, replayed.post.content));
            if (m_query.value(7).toLongLong() != replayed.createdSeq)
                problem(QStringLiteral("post %1 created_seq %2, its event is %3")
                            .arg(id)
                            .arg(m_query.value(7).toLongLong())
                            .arg(replayed.createdSeq));
        }
        for (auto it = m_posts.cbegin(); it != m_posts.cend(); ++it) {
            if (!m_state.posts.contains(it.key()))
                problem(QStringLiteral("events say post %1 exists; the table has no row")
                            .arg(it.key()));
        }
    }

    void checkReviews()
    {
        if (!exec(QStringLiteral(
                "SELECT id, post_id, rating, comment, nonce, created_seq FROM reviews")))
            return;
        QHash<qint64, std::pair<qint64, qint64>> perPost; // count, sum
        qint64 rows = 0;
        while (m_query.next()) {
            ++rows;
            const qint64 id = m_query.value(0).toLongLong();
            const qint64 postId = m_query.value(1).toLongLong();
            auto &[count, sum] = perPost[postId];
            ++count;
            sum += m_query.value(2).toLongLong();
            StoredRow row {id, QString(), m_query.value(3).toString(), false, postId};
            addByNonce(m_reviewsByNonce, m_query.value(4).toString(), row);
            if (m_reviewPost.value(id) != postId)
                problem(QStringLiteral("review %1 of post %2 has no matching event")
                            .arg(id)
                            .arg(postId));
            else if (!m_query.value(5).isNull()
                && m_query.value(5).toLongLong() != m_reviewSeq.value(id))
                problem(QStringLiteral("review %1 created_seq mismatch").arg(id));
        }
        m_state.reviews = rows;
        if (rows != m_reviewPost.size())
            problem(QStringLiteral("%1 review rows, the events leave %2")
                        .arg(rows)
                        .arg(m_reviewPost.size()));
        for (auto it = m_state.posts.cbegin(); it != m_state.posts.cend(); ++it) {
            const auto [count, sum] = perPost.value(it.key());
            if (it->ratingCount != count || m_ratingSum.value(it.key()) != sum)
                problem(QStringLiteral("post %1 says %2 ratings summing to %3; reviews: %4, %5")
                            .arg(it.key())
                            .arg(it->ratingCount)
                            .arg(m_ratingSum.value(it.key()))
                            .arg(count)
                            .arg(sum));
        }
    }

    void checkMessages()
    {
        if (!exec(QStringLiteral(
                "SELECT id, text, edited_at IS NOT NULL, nonce, created_seq FROM messages")))
            return;
        while (m_query.next()) {
            const qint64 id = m_query.value(0).toLongLong();
            const ReplicaMessage stored {m_query.value(1).toString(), m_query.value(2).toBool()};
            m_state.messages.insert(id, stored);
            addByNonce(m_messagesByNonce, m_query.value(3).toString(),
                StoredRow {id, QString(), stored.text, stored.edited});
            const auto replayed = m_messages.value(id);
            if (!m_messages.contains(id) || !(replayed.first == stored)
                || replayed.second != m_query.value(4).toLongLong()) {
                problem(QStringLiteral("message %1 ('%2') does not match its events")
                            .arg(id)
                            .arg(stored.text));
            }
        }
        if (m_state.messages.size() != m_messages.size())
            problem(QStringLiteral("%1 message rows, the events leave %2")
                        .arg(m_state.messages.size())
                        .arg(m_messages.size()));
    }

    void addByNonce(
        QHash<QString, QList<StoredRow>> &byNonce, const QString &nonce, const StoredRow &row)
    {
        if (nonce.isEmpty())
            problem(QStringLiteral("row %1 ('%2') has no nonce: nobody sent it")
                        .arg(row.id)
                        .arg(row.body));
        else
            byNonce[nonce].append(row);
    }

    void checkLedger()
    {
        for (auto it = m_ledger.posts.cbegin(); it != m_ledger.posts.cend(); ++it) {
            const PostRecord &post = it.value();
            const QList<StoredRow> rows = m_postsByNonce.value(it.key());
            const Version &create = post.versions.constFirst();
            const QString what = QStringLiteral("post '%1'").arg(create.title);
            if (rows.size() > 1)
                problem(QStringLiteral("%1 stored %2 times").arg(what).arg(rows.size()));
            else if (create.refused && !rows.isEmpty())
                problem(what + QStringLiteral(": refused, but stored"));
            else if (create.acked && !post.deleteSent && rows.isEmpty())
                problem(what + QStringLiteral(": acknowledged, but missing"));
            else if (post.deleteAcked && !rows.isEmpty())
                problem(what + QStringLiteral(": deletion acknowledged, but still stored"));
            if (rows.size() != 1)
                continue;
            const StoredRow &row = rows.constFirst();
            if (post.id != 0 && row.id != post.id)
                problem(QStringLiteral("%1 has id %2, the reply said %3")
                            .arg(what)
                            .arg(row.id)
                            .arg(post.id));
            if (const QString wrong = checkVersion(post.versions, row.title, row.body, row.edited);
                !wrong.isEmpty())
                problem(what + QStringLiteral(": ") + wrong);
        }
        for (auto it = m_ledger.reviews.cbegin(); it != m_ledger.reviews.cend(); ++it) {
            const ReviewRecord &review = it.value();
            const PostRecord &post = m_ledger.posts.value(review.postNonce);
            const QList<StoredRow> rows = m_reviewsByNonce.value(it.key());
            const QString what = QStringLiteral("review '%1'").arg(review.comment);
            if (rows.size() > 1)
                problem(QStringLiteral("%1 stored %2 times").arg(what).arg(rows.size()));
            else if (review.refused && !rows.isEmpty())
                problem(what + QStringLiteral(": refused, but stored"));
            else if (review.acked && !post.deleteSent && rows.isEmpty())
                problem(what + QStringLiteral(": acknowledged, but missing"));
            else if (post.deleteAcked && !rows.isEmpty())
                problem(what + QStringLiteral(": its post is deleted, but it is stored"));
            if (rows.size() == 1
                && (rows.constFirst().body != review.comment || rows.constFirst().postId != post.id
                    || (review.id != 0 && rows.constFirst().id != review.id))) {
                problem(what + QStringLiteral(": stored with other values"));
            }
        }
        for (auto it = m_ledger.messages.cbegin(); it != m_ledger.messages.cend(); ++it) {
            const MessageRecord &message = it.value();
            const QList<StoredRow> rows = m_messagesByNonce.value(it.key());
            const Version &send = message.versions.constFirst();
            const QString what = QStringLiteral("message '%1'").arg(send.body);
            if (rows.size() > 1)
                problem(QStringLiteral("%1 stored %2 times").arg(what).arg(rows.size()));
            else if (send.refused && !rows.isEmpty())
                problem(what + QStringLiteral(": refused, but stored"));
            else if (send.acked && rows.isEmpty())
                problem(what + QStringLiteral(": acknowledged, but missing"));
            if (rows.size() != 1)
                continue;
            const StoredRow &row = rows.constFirst();
            if (message.id != 0 && row.id != message.id)
                problem(QStringLiteral("%1 has id %2, the reply said %3")
                            .arg(what)
                            .arg(row.id)
                            .arg(message.id));
            if (const QString wrong
                = checkVersion(message.versions, QString(), row.body, row.edited);
                !wrong.isEmpty())
                problem(what + QStringLiteral(": ") + wrong);
        }
        const auto unknown = [this](
                                 const QHash<QString, QList<StoredRow>> &byNonce, auto contains) {
            for (auto it = byNonce.cbegin(); it != byNonce.cend(); ++it) {
                if (!contains(it.key()))
                    problem(QStringLiteral("a row with nonce %1 that nobody sent").arg(it.key()));
            }
        };
        unknown(m_postsByNonce, [this](const QString &n) { return m_ledger.posts.contains(n); });
        unknown(
            m_reviewsByNonce, [this](const QString &n) { return m_ledger.reviews.contains(n); });
        unknown(
            m_messagesByNonce, [this](const QString &n) { return m_ledger.messages.contains(n); });
    }

    QSqlDatabase m_db;
    const Ledger &m_ledger;
    DbState &m_state;
    QSqlQuery m_query;
    QMap<qint64, ReplayPost> m_posts;
    QHash<qint64, qint64> m_reviewPost; // review id -> post id, per the events
    QHash<qint64, qint64> m_reviewSeq;
    QMap<qint64, std::pair<ReplicaMessage, qint64>> m_messages;
    QHash<qint64, qint64> m_ratingSum;
    QHash<QString, QList<StoredRow>> m_postsByNonce;
    QHash<QString, QList<StoredRow>> m_reviewsByNonce;
    QHash<QString, QList<StoredRow>> m_messagesByNonce;
};

//! Runs `body` on a read-only connection of its own to `path`.
template<typename Body>
void withReadOnlyDatabase(const QString &path, QStringList &problems, Body body)
{
    static int serial = 0;
    const QString name = QStringLiteral("tst_crashdurability_%1").arg(++serial);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (db.open())
            body(db);
        else
            note(problems, QStringLiteral("read-only open failed: ") + db.lastError().text());
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

DbState checkDatabase(const QString &path, const Ledger &ledger)
{
    DbState state;
    withReadOnlyDatabase(path, state.problems,
        [&](QSqlDatabase db) { DatabaseCheck(std::move(db), ledger, state).run(); });
    return state;
}

template<typename Value>
QString compareMaps(
    const char *what, const QMap<qint64, Value> &replica, const QMap<qint64, Value> &db)
{
    if (replica == db)
        return {};
    for (auto it = db.cbegin(); it != db.cend(); ++it) {
        if (!replica.contains(it.key()))
            return QStringLiteral("%1 %2 is stored but not in the replica")
                .arg(QLatin1StringView(what))
                .arg(it.key());
        if (!(replica.value(it.key()) == it.value()))
            return QStringLiteral("%1 %2 differs from the database")
                .arg(QLatin1StringView(what))
                .arg(it.key());
    }
    return QStringLiteral("the replica has %1 %2s, the database %3")
        .arg(replica.size())
        .arg(QLatin1StringView(what))
        .arg(db.size());
}

// ---- The clients and the storm -----------------------------------------------------------

enum class Op { PostCreate, PostUpdate, PostDelete, ReviewCreate, ChatSend, ChatEdit };

struct Pending
{
    Op op;
    QString nonce;
    qsizetype version = 0;
};

struct StormClient
{
    int index = 0;
    QString username;
    QString token;
    qint64 userId = 0;
    std::unique_ptr<TestClient> connection;
    Replica replica;
    QHash<qint64, Pending> pending; //!< request id -> what it was
    QStringList livePosts; //!< own acknowledged posts not being deleted: update/review targets
    QStringList liveMessages; //!< own acknowledged messages: edit targets
    int sentThisCycle = 0;
    int nextNonce = 0;
};

//! Drives several clients: each keeps `Window` requests in flight while `active`, picking
//! the next change at random, and records every request and its reply in the ledger.
class Storm
{
public:
    explicit Storm(quint32 seed)
        : m_rng(seed)
        , m_tag(QString::number(seed, 36))
    {
        for (int i = 0; i < Clients; ++i) {
            m_clients[std::size_t(i)].index = i;
            m_clients[std::size_t(i)].username = QStringLiteral("crash%1_%2").arg(i).arg(m_tag);
        }
    }

    Ledger ledger;
    bool active = false;
    bool allowShutdownRefusals = false;

    std::array<StormClient, Clients> &clients() { return m_clients; }
    QRandomGenerator &rng() { return m_rng; }

    //! A new connection for `c`, with the storm's frame handler.
    void connectClient(StormClient &c)
    {
        c.connection = std::make_unique<TestClient>();
        c.pending.clear();
        QObject::connect(c.connection.get(), &TestClient::frameReceived, c.connection.get(),
            [this, &c](const QJsonObject &frame) { onFrame(c, frame); });
    }

    bool registerClient(StormClient &c, const QUrl &url, QString &problem)
    {
        connectClient(c);
        if (!c.connection->open(url)) {
            problem = QStringLiteral("cannot connect");
            return false;
        }
        const QJsonObject reply = c.connection->registerUser(c.username);
        if (!isOk(reply)) {
            problem = describe(reply);
            return false;
        }
        c.token = c.connection->token();
        c.userId = c.connection->userId();
        return true;
    }

    //! Reconnects with the token and resumes with sync from the last applied seq.
    bool resume(StormClient &c, const QUrl &url, QString &problem)
    {
        connectClient(c);
        if (!c.connection->open(url)) {
            problem = QStringLiteral("cannot reconnect");
            return false;
        }
        // Live events may follow the auth reply in the same read: hold them from the start.
        c.replica.resuming = true;
        const QJsonObject auth = c.connection->request(
            QStringLiteral("auth.token"), {{QStringLiteral("token"), c.token}});
        if (!isOk(auth)) {
            problem = QStringLiteral("auth.token: ") + describe(auth);
            return false;
        }
        const QJsonObject synced = c.connection->request(
            QStringLiteral("sync"), {{QStringLiteral("since"), c.replica.lastSeq}}, 30000);
        if (!isOk(synced)) {
            problem
                = QStringLiteral("sync since %1: %2").arg(c.replica.lastSeq).arg(describe(synced));
            return false;
        }
        c.replica.finishResume(synced.value(QLatin1StringView("events")).toArray());
        return true;
    }

    void pump(StormClient &c)
    {
        while (active && c.connection && c.connection->isConnected() && c.pending.size() < Window
            && c.sentThisCycle < MaxSendsPerCycle) {
            sendOne(c);
        }
    }

    void startCycle()
    {
        for (StormClient &c : m_clients)
            c.sentThisCycle = 0;
        active = true;
        for (StormClient &c : m_clients)
            pump(c);
    }

    //! Forgets requests that got no reply: they stay unacknowledged in the ledger.
    qint64 dropUnanswered()
    {
        qint64 unanswered = 0;
        for (StormClient &c : m_clients) {
            unanswered += c.pending.size();
            c.pending.clear();
        }
        return unanswered;
    }

    qint64 pendingCount() const
    {
        qint64 count = 0;
        for (const StormClient &c : m_clients)
            count += c.pending.size();
        return count;
    }

    //! Nonces of the creates that got no answer (and can be resent: a review of a post whose
    //! deletion may have committed could answer not_found).
    QStringList unacknowledgedCreates() const
    {
        QStringList nonces;
        for (auto it = ledger.posts.cbegin(); it != ledger.posts.cend(); ++it) {
            if (!it->versions.constFirst().acked && !it->versions.constFirst().refused)
                nonces.append(it.key());
        }
        for (auto it = ledger.reviews.cbegin(); it != ledger.reviews.cend(); ++it) {
            if (!it->acked && !it->refused && !ledger.posts.value(it->postNonce).deleteSent)
                nonces.append(it.key());
        }
        for (auto it = ledger.messages.cbegin(); it != ledger.messages.cend(); ++it) {
            if (!it->versions.constFirst().acked && !it->versions.constFirst().refused)
                nonces.append(it.key());
        }
        return nonces;
    }

    //! Sends these creates again, same nonce and fields, as a client does after a reconnect.
    void resend(const QStringList &nonces)
    {
        for (const QString &nonce : nonces) {
            if (ledger.posts.contains(nonce)) {
                StormClient &c = m_clients[std::size_t(ledger.posts.value(nonce).owner)];
                track(c, Op::PostCreate, nonce, 0,
                    c.connection->send(QStringLiteral("post.create"),
                        postCreate(nonce, ledger.posts.value(nonce).versions.constFirst())));
            } else if (ledger.reviews.contains(nonce)) {
                StormClient &c = m_clients[std::size_t(ledger.reviews.value(nonce).owner)];
                track(c, Op::ReviewCreate, nonce, 0,
                    c.connection->send(QStringLiteral("review.create"),
                        reviewCreate(nonce, ledger.reviews.value(nonce))));
            } else {
                StormClient &c = m_clients[std::size_t(ledger.messages.value(nonce).owner)];
                track(c, Op::ChatSend, nonce, 0,
                    c.connection->send(QStringLiteral("chat.send"),
                        chatSend(nonce, ledger.messages.value(nonce).versions.constFirst())));
            }
        }
    }

private:
    QJsonObject postCreate(const QString &nonce, const Version &v) const
    {
        return {{QStringLiteral("title"), v.title}, {QStringLiteral("content"), v.body},
            {QStringLiteral("nonce"), nonce}};
    }

    QJsonObject reviewCreate(const QString &nonce, const ReviewRecord &r) const
    {
        return {{QStringLiteral("postId"), ledger.posts.value(r.postNonce).id},
            {QStringLiteral("rating"), 1 + int(r.comment.size() % 5)},
            {QStringLiteral("comment"), r.comment}, {QStringLiteral("nonce"), nonce}};
    }

    QJsonObject chatSend(const QString &nonce, const Version &v) const
    {
        return {{QStringLiteral("channelId"), GeneralChannel}, {QStringLiteral("text"), v.body},
            {QStringLiteral("nonce"), nonce}};
    }

    void track(StormClient &c, Op op, const QString &nonce, qsizetype version, qint64 requestId)
    {
        c.pending.insert(requestId, Pending {op, nonce, version});
        ++ledger.sent;
    }

    QString takeRandom(QStringList &list)
    {
        const qsizetype i = qsizetype(m_rng.bounded(quint32(list.size())));
        const QString taken = list.at(i);
        list.swapItemsAt(i, list.size() - 1);
        list.removeLast();
        return taken;
    }

    const QString &pickRandom(const QStringList &list)
    {
        return list.at(qsizetype(m_rng.bounded(quint32(list.size()))));
    }

    void sendOne(StormClient &c)
    {
        ++c.sentThisCycle;
        const int roll = int(m_rng.bounded(100));
        TestClient &t = *c.connection;
        if (roll < 12 && !c.livePosts.isEmpty()) {
            const QString nonce = pickRandom(c.livePosts);
            PostRecord &post = ledger.posts[nonce];
            const qsizetype k = post.versions.size();
            post.versions.append(Version {QStringLiteral("p %1 v%2").arg(nonce).arg(k),
                QStringLiteral("content of %1, version %2").arg(nonce).arg(k)});
            track(c, Op::PostUpdate, nonce, k,
                t.send(QStringLiteral("post.update"),
                    {{QStringLiteral("postId"), post.id},
                        {QStringLiteral("title"), post.versions.constLast().title},
                        {QStringLiteral("content"), post.versions.constLast().body}}));
        } else if (roll < 17 && c.livePosts.size() > 4) {
            const QString nonce = takeRandom(c.livePosts);
            PostRecord &post = ledger.posts[nonce];
            post.deleteSent = true;
            track(c, Op::PostDelete, nonce, 0,
                t.send(QStringLiteral("post.delete"), {{QStringLiteral("postId"), post.id}}));
        } else if (roll < 27 && !c.livePosts.isEmpty()) {
            const QString nonce = newNonce(c);
            ReviewRecord review {
                c.index, pickRandom(c.livePosts), QStringLiteral("review %1").arg(nonce)};
            ledger.reviews.insert(nonce, review);
            track(c, Op::ReviewCreate, nonce, 0,
                t.send(QStringLiteral("review.create"), reviewCreate(nonce, review)));
        } else if (roll < 39) {
            const QString nonce = newNonce(c);
            MessageRecord message {
                c.index, {Version {QString(), QStringLiteral("m %1").arg(nonce)}}};
            ledger.messages.insert(nonce, message);
            track(c, Op::ChatSend, nonce, 0,
                t.send(
                    QStringLiteral("chat.send"), chatSend(nonce, message.versions.constFirst())));
        } else if (roll < 45 && !c.liveMessages.isEmpty()) {
            const QString nonce = pickRandom(c.liveMessages);
            MessageRecord &message = ledger.messages[nonce];
            const qsizetype k = message.versions.size();
            message.versions.append(
                Version {QString(), QStringLiteral("m %1 v%2").arg(nonce).arg(k)});
            track(c, Op::ChatEdit, nonce, k,
                t.send(QStringLiteral("chat.edit"),
                    {{QStringLiteral("messageId"), message.id},
                        {QStringLiteral("text"), message.versions.constLast().body}}));
        } else {
            const QString nonce = newNonce(c);
            PostRecord post {c.index,
                {Version {QStringLiteral("p %1").arg(nonce),
                    QStringLiteral("content of %1").arg(nonce)}}};
            ledger.posts.insert(nonce, post);
            track(c, Op::PostCreate, nonce, 0,
                t.send(
                    QStringLiteral("post.create"), postCreate(nonce, post.versions.constFirst())));
        }
    }

    QString newNonce(StormClient &c)
    {
        return QStringLiteral("%1-%2-%3").arg(m_tag).arg(c.index).arg(c.nextNonce++);
    }

    void onFrame(StormClient &c, const QJsonObject &frame)
    {
        const QString type = stringOf(frame, "type");
        if (type == u"event") {
            c.replica.offer(frame);
            return;
        }
        if (type != u"reply")
            return;
        const auto it = c.pending.constFind(intOf(frame, "id"));
        if (it == c.pending.cend())
            return; // a request made outside the storm (auth, sync, hello)
        const Pending pending = *it;
        c.pending.erase(it);
        if (isOk(frame))
            onAcknowledged(c, pending, frame);
        else
            onRefused(c, pending, frame);
        pump(c);
    }

    void onAcknowledged(StormClient &c, const Pending &p, const QJsonObject &reply)
    {
        ++ledger.acked;
        switch (p.op) {
        case Op::PostCreate: {
            PostRecord &post = ledger.posts[p.nonce];
            post.versions.first().acked = true;
            post.id = intOf(objectOf(reply, "post"), "id");
            c.livePosts.append(p.nonce);
            if (stringOf(objectOf(reply, "post"), "title") != post.versions.constFirst().title)
                note(ledger.problems, QStringLiteral("create answered with ") + describe(reply));
            break;
        }
        case Op::PostUpdate:
            ledger.posts[p.nonce].versions[p.version].acked = true;
            break;
        case Op::PostDelete:
            ledger.posts[p.nonce].deleteAcked = true;
            break;
        case Op::ReviewCreate:
            ledger.reviews[p.nonce].acked = true;
            ledger.reviews[p.nonce].id = intOf(objectOf(reply, "review"), "id");
            break;
        case Op::ChatSend: {
            MessageRecord &message = ledger.messages[p.nonce];
            message.versions.first().acked = true;
            message.id = intOf(objectOf(reply, "message"), "id");
            c.liveMessages.append(p.nonce);
            break;
        }
        case Op::ChatEdit:
            ledger.messages[p.nonce].versions[p.version].acked = true;
            break;
        }
    }

    void onRefused(StormClient &c, const Pending &p, const QJsonObject &reply)
    {
        const QJsonObject error = objectOf(reply, "error");
        if (!allowShutdownRefusals || stringOf(error, "code") != u"internal"
            || stringOf(error, "message") != shutdownMessage()) {
            note(
                ledger.problems, QStringLiteral("client %1: %2").arg(c.index).arg(describe(reply)));
            return;
        }
        ++ledger.refused;
        switch (p.op) {
        case Op::PostCreate:
        case Op::PostUpdate:
            ledger.posts[p.nonce].versions[p.version].refused = true;
            break;
        case Op::PostDelete:
            ledger.posts[p.nonce].deleteSent = false; // not deleted after all
            break;
        case Op::ReviewCreate:
            ledger.reviews[p.nonce].refused = true;
            break;
        case Op::ChatSend:
        case Op::ChatEdit:
            ledger.messages[p.nonce].versions[p.version].refused = true;
            break;
        }
    }

    QRandomGenerator m_rng;
    QString m_tag;
    std::array<StormClient, Clients> m_clients;
};

//! The id stored for each nonce in `nonces` (absent when not stored), read from the file.
QHash<QString, qint64> storedIds(const QString &path, const Ledger &ledger,
    const QStringList &nonces, const std::array<StormClient, Clients> &clients,
    QStringList &problems)
{
    QHash<QString, qint64> ids;
    withReadOnlyDatabase(path, problems, [&](QSqlDatabase db) {
        QSqlQuery post(db), review(db), message(db);
        const bool prepared
            = post.prepare(QStringLiteral("SELECT id FROM posts WHERE author_id = ? AND nonce = ?"))
            && review.prepare(
                QStringLiteral("SELECT id FROM reviews WHERE author_id = ? AND nonce = ?"))
            && message.prepare(
                QStringLiteral("SELECT id FROM messages WHERE author_id = ? AND nonce = ?"));
        if (!prepared) {
            note(problems, QStringLiteral("prepare failed"));
            return;
        }
        for (const QString &nonce : nonces) {
            QSqlQuery &q = ledger.posts.contains(nonce) ? post
                : ledger.reviews.contains(nonce)        ? review
                                                        : message;
            const int owner = ledger.posts.contains(nonce) ? ledger.posts.value(nonce).owner
                : ledger.reviews.contains(nonce)           ? ledger.reviews.value(nonce).owner
                                                           : ledger.messages.value(nonce).owner;
            q.bindValue(0, clients[std::size_t(owner)].userId);
            q.bindValue(1, nonce);
            if (!q.exec()) {
                note(problems, QStringLiteral("nonce lookup: ") + q.lastError().text());
                return;
            }
            if (q.next())
                ids.insert(nonce, q.value(0).toLongLong());
            q.finish();
        }
    });
    return ids;
}

qint64 idInLedger(const Ledger &ledger, const QString &nonce)
{
    if (ledger.posts.contains(nonce))
        return ledger.posts.value(nonce).id;
    if (ledger.reviews.contains(nonce))
        return ledger.reviews.value(nonce).id;
    return ledger.messages.value(nonce).id;
}

bool allDisconnected(std::array<StormClient, Clients> &clients)
{
    for (StormClient &c : clients) {
        if (c.connection && c.connection->socket().state() != QAbstractSocket::UnconnectedState)
            return false;
    }
    return true;
}

} // namespace

class tst_CrashDurability : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sigkillDuringStormLosesNothingAndClientsConverge();
    void sigtermDuringStormKeepsAcknowledged();
};

void tst_CrashDurability::sigkillDuringStormLosesNothingAndClientsConverge()
{
    const int kills = longForm() ? 200 : 20;
    const int checkEvery = longForm() ? 10 : 1;
    Storm storm(testSeed());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString dbPath = dir.filePath(QStringLiteral("hubbub.db"));
    ServerProcess server(serverBinary(), dbPath);
    QVERIFY2(server.start(serverArguments()), qPrintable(server.diagnostics()));
    const quint16 port = server.port();

    for (StormClient &c : storm.clients()) {
        QString problem;
        QVERIFY2(storm.registerClient(c, server.url(), problem), qPrintable(problem));
    }

    qint64 restartMsTotal = 0;
    qint64 restartMsMax = 0;
    qint64 checkMsMax = 0;
    QList<qint64> ackedPerCycle;
    qint64 resentTotal = 0;
    qint64 resentFound = 0;
    for (int cycle = 0; cycle < kills; ++cycle) {
        const bool fullCheck = cycle % checkEvery == 0 || cycle == kills - 1;
        // The storm, and a SIGKILL at a random moment in it.
        const qint64 ackedBefore = storm.ledger.acked;
        const int killAfterMs = int(storm.rng().bounded(20, 301));
        QTimer::singleShot(killAfterMs, &server.process(), [&server] { server.process().kill(); });
        storm.startCycle();
        QVERIFY2(QTest::qWaitFor(
                     [&] { return server.process().state() == QProcess::NotRunning; }, 30000),
            "the server did not die");
        server.kill(); // reaps it
        QCOMPARE(server.process().exitStatus(), QProcess::CrashExit);
        // Frames already in the clients' sockets still count as seen.
        QVERIFY2(QTest::qWaitFor([&] { return allDisconnected(storm.clients()); }, 10000),
            "a client did not notice the kill");
        storm.active = false;
        const qint64 unanswered = storm.dropUnanswered();
        const qint64 acked = storm.ledger.acked - ackedBefore;
        ackedPerCycle.append(acked);
        QVERIFY2(storm.ledger.problems.isEmpty(), qPrintable(storm.ledger.problems.join(u'\n')));

        // Restart on the same file and port.
        QElapsedTimer restartClock;
        restartClock.start();
        bool started = false;
        for (int attempt = 0; attempt < 5 && !started; ++attempt)
            started = server.start(serverArguments(), port);
        QVERIFY2(started, qPrintable(server.diagnostics()));
        QCOMPARE(server.port(), port);
        const qint64 restartMs = restartClock.elapsed();
        restartMsTotal += restartMs;
        restartMsMax = std::max(restartMsMax, restartMs);
        if (fullCheck || cycle < 3 || cycle % 10 == 0) {
            qInfo("cycle %d: SIGKILL after %d ms; %lld changes acknowledged, %lld unanswered; "
                  "restart %lld ms",
                cycle, killAfterMs, acked, unanswered, restartMs);
        }

        // The file as the crash left it: acknowledged changes there once, nothing partial.
        if (fullCheck) {
            QElapsedTimer checkClock;
            checkClock.start();
            const DbState state = checkDatabase(dbPath, storm.ledger);
            checkMsMax = std::max(checkMsMax, checkClock.elapsed());
            QVERIFY2(state.problems.isEmpty(),
                qPrintable(
                    QStringLiteral("after kill %1:\n").arg(cycle) + state.problems.join(u'\n')));
        }

        // Resume: reconnect, sync from the last applied seq, resend what got no answer.
        for (StormClient &c : storm.clients()) {
            QString problem;
            QVERIFY2(storm.resume(c, server.url(), problem),
                qPrintable(QStringLiteral("client %1: %2").arg(c.index).arg(problem)));
        }
        QStringList problems;
        const QStringList resent = storm.unacknowledgedCreates();
        const QHash<QString, qint64> stored
            = storedIds(dbPath, storm.ledger, resent, storm.clients(), problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        storm.resend(resent);
        QVERIFY2(QTest::qWaitFor([&] { return storm.pendingCount() == 0; }, 30000),
            qPrintable(QStringLiteral("%1 resends unanswered").arg(storm.pendingCount())));
        QVERIFY2(storm.ledger.problems.isEmpty(), qPrintable(storm.ledger.problems.join(u'\n')));
        resentTotal += resent.size();
        resentFound += stored.size();
        // A resend of a create that did commit answers with the original entry.
        for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
            QVERIFY2(idInLedger(storm.ledger, it.key()) == it.value(),
                qPrintable(QStringLiteral("resent %1 answered id %2; stored as %3")
                               .arg(it.key())
                               .arg(idInLedger(storm.ledger, it.key()))
                               .arg(it.value())));
        }

        // Every replica reaches the head and, on check cycles, equals the database.
        const QJsonObject hello = storm.clients()[0].connection->request(
            QStringLiteral("hello"), {{QStringLiteral("protocol"), 1}});
        QVERIFY2(isOk(hello), qPrintable(describe(hello)));
        const qint64 head = intOf(hello, "head");
        for (StormClient &c : storm.clients()) {
            QVERIFY2(QTest::qWaitFor([&] { return c.replica.lastSeq >= head; }, 20000),
                qPrintable(QStringLiteral("client %1 applied up to %2 of %3")
                               .arg(c.index)
                               .arg(c.replica.lastSeq)
                               .arg(head)));
            QVERIFY2(c.replica.problems.isEmpty(), qPrintable(c.replica.problems.join(u'\n')));
        }
        if (fullCheck) {
            const DbState state = checkDatabase(dbPath, storm.ledger);
            QVERIFY2(state.problems.isEmpty(),
                qPrintable(QStringLiteral("after resending, cycle %1:\n").arg(cycle)
                    + state.problems.join(u'\n')));
            QCOMPARE(state.head, head);
            for (StormClient &c : storm.clients()) {
                const QString posts = compareMaps("post", c.replica.posts, state.posts);
                QVERIFY2(posts.isEmpty(), qPrintable(posts));
                const QString messages = compareMaps("message", c.replica.messages, state.messages);
                QVERIFY2(messages.isEmpty(), qPrintable(messages));
            }
        }
    }

    QVERIFY2(server.terminate(), qPrintable(server.diagnostics()));
    QCOMPARE(server.process().exitCode(), 0);
    const DbState final = checkDatabase(dbPath, storm.ledger);
    QVERIFY2(final.problems.isEmpty(), qPrintable(final.problems.join(u'\n')));
    qint64 ackedMin = std::numeric_limits<qint64>::max();
    qint64 ackedMax = 0;
    for (qint64 a : std::as_const(ackedPerCycle)) {
        ackedMin = std::min(ackedMin, a);
        ackedMax = std::max(ackedMax, a);
    }
    qInfo("%d kills: %lld requests, %lld acknowledged (%lld..%lld per cycle); %lld resent, "
          "%lld of them had committed; restart %lld ms average, %lld max; database check "
          "%lld ms max; final: head %lld, %lld posts, %lld reviews, %lld messages",
        kills, storm.ledger.sent, storm.ledger.acked, ackedMin, ackedMax, resentTotal, resentFound,
        restartMsTotal / kills, restartMsMax, checkMsMax, final.head, qint64(final.posts.size()),
        final.reviews, qint64(final.messages.size()));
}

void tst_CrashDurability::sigtermDuringStormKeepsAcknowledged()
{
    Storm storm(testSeed());
    storm.allowShutdownRefusals = true;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString dbPath = dir.filePath(QStringLiteral("hubbub.db"));
    ServerProcess server(serverBinary(), dbPath);
    QVERIFY2(server.start(serverArguments()), qPrintable(server.diagnostics()));
    for (StormClient &c : storm.clients()) {
        QString problem;
        QVERIFY2(storm.registerClient(c, server.url(), problem), qPrintable(problem));
    }
    // A client that only listens: the server holds no unread input from it when it closes.
    TestClient watcher;
    QVERIFY(watcher.open(server.url()));
    QVERIFY2(isOk(watcher.registerUser(QStringLiteral("watcher"))), "register failed");

    const int terminateAfterMs = int(storm.rng().bounded(50, 301));
    QTimer::singleShot(
        terminateAfterMs, &server.process(), [&server] { server.process().terminate(); });
    storm.startCycle();
    QVERIFY2(server.waitForExit(), qPrintable(server.diagnostics()));
    QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.process().exitCode(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(watcher.socket().state(), QAbstractSocket::UnconnectedState, 10000);
    QCOMPARE(watcher.socket().closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    int resetWriters = 0;
    for (StormClient &c : storm.clients()) {
        QTRY_COMPARE_WITH_TIMEOUT(
            c.connection->socket().state(), QAbstractSocket::UnconnectedState, 10000);
        const bool wasWriting = !c.pending.isEmpty();
        if (wasWriting
            && c.connection->socket().closeCode() != QWebSocketProtocol::CloseCodeGoingAway) {
            // The server exits right after sending its close frames, without waiting for the
            // peers' close frames (RFC 6455 7.1.1). A request it never read makes the kernel
            // answer with a reset, and a Qt client whose next write then fails aborts before
            // it has read the close frame. See the report on issue 4 for the fix.
            ++resetWriters;
            QEXPECT_FAIL(
                "", "hubbub-server exits without completing the closing handshake", Continue);
        }
        QCOMPARE(c.connection->socket().closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    }
    storm.active = false;
    const qint64 unanswered = storm.dropUnanswered();
    // Every reply was ok or the documented shutdown refusal.
    QVERIFY2(storm.ledger.problems.isEmpty(), qPrintable(storm.ledger.problems.join(u'\n')));
    QVERIFY2(storm.ledger.acked > 0, "nothing was acknowledged before the SIGTERM");

    // Everything acknowledged before the close frame is in the file; nothing refused is.
    const DbState state = checkDatabase(dbPath, storm.ledger);
    QVERIFY2(state.problems.isEmpty(), qPrintable(state.problems.join(u'\n')));
    qInfo("SIGTERM after %d ms: %lld sent, %lld acknowledged, %lld refused as shutting down, "
          "%lld unanswered; head %lld; %d writing clients got a reset instead of 1001",
        terminateAfterMs, storm.ledger.sent, storm.ledger.acked, storm.ledger.refused, unanswered,
        state.head, resetWriters);
}

QTEST_GUILESS_MAIN(tst_CrashDurability)

#include "tst_crashdurability.moc"
