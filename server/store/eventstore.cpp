#include "store/eventstore.h"

#include "serverframe.h"
#include "store/sqlconnection.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace Hubbub::Server::EventStore {

namespace {
//! The messages of this file, under one context that lupdate can see. The server sends
//! them in English (it knows no reader's language); the client shows its own text.
struct EventStoreText
{
    Q_DECLARE_TR_FUNCTIONS(Hubbub::Server::EventStore)
};
} // namespace

Result<qint64> head(SqlConnection &c)
{
    Result<QSqlQuery *> q = c.run(QStringLiteral("SELECT MAX(seq) FROM events"));
    if (!q)
        return q.error();
    (*q)->next();
    const qint64 value = (*q)->value(0).toLongLong();
    (*q)->finish();
    return value;
}

bool audienceHolds(QStringView audience, qint64 userId)
{
    if (audience.isEmpty())
        return true;
    for (QStringView id : audience.tokenize(u','))
        if (id.toLongLong() == userId)
            return true;
    return false;
}

Result<Since> since(SqlConnection &c, qint64 userId, qint64 since, qint64 maxBytes)
{
    // One read transaction, so the bounds and the rows agree with each other.
    // PostgreSQL reads each statement of a READ COMMITTED transaction as of its own start: a
    // commit between the two would leave rows past the bounds.
    if (Status s = c.execOnce(c.pick(QStringLiteral("BEGIN"),
            QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")));
        !s)
        return s.error();
    auto finish = [&c] { c.execOnce(QStringLiteral("COMMIT")); };

    Result<QSqlQuery *> bounds = c.run(QStringLiteral("SELECT MIN(seq), MAX(seq) FROM events"));
    if (!bounds) {
        finish();
        return bounds.error();
    }
    (*bounds)->next();
    const qint64 oldest = (*bounds)->value(0).toLongLong();
    const qint64 newest = (*bounds)->value(1).toLongLong();
    (*bounds)->finish();

    if (since > newest) {
        finish();
        return makeError(ErrorCode::TooOld,
            EventStoreText::tr("This server has no changes after %1 (its latest is %2): reload.")
                .arg(since)
                .arg(newest));
    }
    if (newest > 0 && since < oldest - 1) {
        finish();
        return makeError(ErrorCode::TooOld,
            EventStoreText::tr("Changes before %1 are no longer kept: reload.").arg(oldest));
    }

    // SQLite: as bytes, the frames are stored as UTF-8 and leave as UTF-8, never UTF-16 in
    // between. PostgreSQL has no such cast (a bytea would come as hex): the text, which
    // QVariant::toByteArray() makes UTF-8 again.
    Result<QSqlQuery *> q = c.run(
        c.pick(QStringLiteral("SELECT CAST(frame AS BLOB), seq, audience FROM events "
                              "WHERE seq > ? ORDER BY seq"),
            QStringLiteral("SELECT frame, seq, audience FROM events WHERE seq > ? ORDER BY seq")),
        {since});
    if (!q) {
        finish();
        return q.error();
    }
    Since result;
    result.head = newest;
    qint64 bytes = 0;
    while ((*q)->next()) {
        const QVariant audience = (*q)->value(2);
        QByteArray frame = audience.isNull() || audienceHolds(audience.toString(), userId)
            ? (*q)->value(0).toByteArray()
            : encodeEvent((*q)->value(1).toLongLong(), EventType::Hidden, {});
        bytes += frame.size();
        if (bytes > maxBytes) {
            (*q)->finish();
            finish();
            return makeError(ErrorCode::TooOld,
                EventStoreText::tr("Too much has changed since %1 to send at once: reload.")
                    .arg(since));
        }
        result.frames.append(std::move(frame));
    }
    (*q)->finish();
    finish();
    return result;
}

} // namespace Hubbub::Server::EventStore
