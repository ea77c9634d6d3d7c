#pragma once

// What the crash test's clients sent and were told, and the checks against it: each client's
// replica (built from events only) and the database file itself.

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>

namespace Hubbub::Test::Crash {

constexpr qsizetype MaxProblems = 30;

//! Adds `problem` to `problems` unless MaxProblems are already there.
void note(QStringList &problems, const QString &problem);
//! Compact JSON of a reply, "no reply" for an empty one.
QString describe(const QJsonObject &o);

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

    //! Applies `event`, or holds it while resuming.
    void offer(const QJsonObject &event);
    //! Applies the sync result, then the live events held meanwhile.
    void finishResume(const QJsonArray &events);
    void apply(const QJsonObject &event);
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

//! Reads the file at `path` (read-only, one snapshot) and checks it against `ledger`.
DbState checkDatabase(const QString &path, const Ledger &ledger);
//! Runs `body` on a read-only connection of its own to `path`.
void withReadOnlyDatabase(
    const QString &path, QStringList &problems, const std::function<void(QSqlDatabase)> &body);
//! Empty when the replica equals the database, else the first difference.
QString compareMaps(const char *what, const QMap<qint64, ReplicaPost> &replica,
    const QMap<qint64, ReplicaPost> &db);
QString compareMaps(const char *what, const QMap<qint64, ReplicaMessage> &replica,
    const QMap<qint64, ReplicaMessage> &db);

} // namespace Hubbub::Test::Crash
