#include "crashledger.h"

#include "testclient.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace Hubbub::Test::Crash {

namespace {

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
            const QJsonObject review = objectOf(event, "review");
            const qint64 reviewId = intOf(review, "id");
            // Reviewing again replaces the author's review, keeping its id.
            const bool replaced = event.value(QLatin1StringView("replaced")).toBool();
            if (!m_posts.contains(postId) || m_reviewPost.contains(reviewId) != replaced
                || (replaced && m_reviewPost.value(reviewId) != postId))
                problem(QStringLiteral("event %1: review %2 of post %3")
                            .arg(seq)
                            .arg(reviewId)
                            .arg(postId));
            m_posts[postId].post = replicaPost(post);
            m_reviewPost.insert(reviewId, postId);
            m_reviewEvents.insert(seq, {reviewId, stringOf(review, "comment")});
            m_lastComment.insert(reviewId, stringOf(review, "comment"));
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
        if (!exec(QStringLiteral("SELECT id, post_id, rating, comment FROM reviews")))
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
            if (m_reviewPost.value(id) != postId)
                problem(QStringLiteral("review %1 of post %2 has no matching event")
                            .arg(id)
                            .arg(postId));
            else if (m_query.value(3).toString() != m_lastComment.value(id))
                problem(QStringLiteral("review %1 is not as its last event left it").arg(id));
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
        // Each accepted request left its nonce, naming the event it published; the request's
        // own comment is in that event.
        if (!exec(QStringLiteral("SELECT n.nonce, n.seq, r.id, r.post_id FROM review_nonces n"
                                 " JOIN reviews r ON r.post_id = n.post_id"
                                 " AND r.author_id = n.author_id")))
            return;
        while (m_query.next()) {
            const qint64 seq = m_query.value(1).toLongLong();
            const qint64 id = m_query.value(2).toLongLong();
            const auto event = m_reviewEvents.value(seq);
            if (event.first != id)
                problem(QStringLiteral("review %1: its nonce names seq %2, not its event")
                            .arg(id)
                            .arg(seq));
            addByNonce(m_reviewsByNonce, m_query.value(0).toString(),
                StoredRow {id, QString(), event.second, false, m_query.value(3).toLongLong()});
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
    QHash<qint64, std::pair<qint64, QString>> m_reviewEvents; // seq -> review id, comment
    QHash<qint64, QString> m_lastComment; // review id -> comment, per the events
    QMap<qint64, std::pair<ReplicaMessage, qint64>> m_messages;
    QHash<qint64, qint64> m_ratingSum;
    QHash<QString, QList<StoredRow>> m_postsByNonce;
    QHash<QString, QList<StoredRow>> m_reviewsByNonce;
    QHash<QString, QList<StoredRow>> m_messagesByNonce;
};

template<typename Value>
QString compareValues(
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

} // namespace

QString describe(const QJsonObject &o)
{
    return o.isEmpty() ? QStringLiteral("no reply") : dump(o);
}

void note(QStringList &problems, const QString &problem)
{
    if (problems.size() < MaxProblems)
        problems.append(problem);
}

void Replica::offer(const QJsonObject &event)
{
    if (resuming)
        held.append(event);
    else
        apply(event);
}

void Replica::finishResume(const QJsonArray &events)
{
    for (const QJsonValue &event : events)
        apply(event.toObject());
    resuming = false;
    const QList<QJsonObject> live = std::exchange(held, {});
    for (const QJsonObject &event : live)
        apply(event);
}

void Replica::apply(const QJsonObject &event)
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
            note(problems, QStringLiteral("%1 for post %2 at seq %3").arg(name).arg(id).arg(seq));
        posts.insert(id, replicaPost(post));
    } else if (name == u"post.deleted") {
        if (posts.remove(intOf(event, "postId")) != 1)
            note(problems, QStringLiteral("post.deleted of an unknown post at seq %1").arg(seq));
    } else if (name == u"review.created") {
        const QJsonObject post = objectOf(event, "post");
        if (!posts.contains(intOf(post, "id")))
            note(problems, QStringLiteral("review of an unknown post at seq %1").arg(seq));
        posts.insert(intOf(post, "id"), replicaPost(post));
    } else if (name == u"message.created" || name == u"message.updated") {
        const QJsonObject message = objectOf(event, "message");
        const qint64 id = intOf(message, "id");
        if ((name == u"message.created") == messages.contains(id)) {
            note(
                problems, QStringLiteral("%1 for message %2 at seq %3").arg(name).arg(id).arg(seq));
        }
        messages.insert(id, replicaMessage(message));
    } else {
        note(problems, QStringLiteral("unexpected event %1").arg(dump(event)));
    }
}

void withReadOnlyDatabase(
    const QString &path, QStringList &problems, const std::function<void(QSqlDatabase)> &body)
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

QString compareMaps(
    const char *what, const QMap<qint64, ReplicaPost> &replica, const QMap<qint64, ReplicaPost> &db)
{
    return compareValues(what, replica, db);
}

QString compareMaps(const char *what, const QMap<qint64, ReplicaMessage> &replica,
    const QMap<qint64, ReplicaMessage> &db)
{
    return compareValues(what, replica, db);
}

} // namespace Hubbub::Test::Crash
