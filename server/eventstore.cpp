#include "eventstore.h"

#include "sqlconnection.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace Hubbub::Server::EventStore {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Hubbub::Server::EventStore", text);
}
//! What a frame weighs on the wire, without converting it.
qint64 utf8Length(QStringView text)
{
    qint64 bytes = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c < 0x80) {
            bytes += 1;
        } else if (c < 0x800) {
            bytes += 2;
        } else if (QChar::isHighSurrogate(c) && i + 1 < text.size()
            && text[i + 1].isLowSurrogate()) {
            bytes += 4;
            ++i;
        } else {
            bytes += 3;
        }
    }
    return bytes;
}

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

Result<Since> since(SqlConnection &c, qint64 since, qint64 maxBytes)
{
    // One read transaction, so the bounds and the rows agree with each other.
    if (Status s = c.execOnce(QStringLiteral("BEGIN")); !s)
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
            tr("This server has no changes after %1 (its latest is %2): reload.")
                .arg(since)
                .arg(newest));
    }
    if (newest > 0 && since < oldest - 1) {
        finish();
        return makeError(
            ErrorCode::TooOld, tr("Changes before %1 are no longer kept: reload.").arg(oldest));
    }

    Result<QSqlQuery *> q
        = c.run(QStringLiteral("SELECT frame FROM events WHERE seq > ? ORDER BY seq"), {since});
    if (!q) {
        finish();
        return q.error();
    }
    Since result;
    result.head = newest;
    qint64 bytes = 0;
    while ((*q)->next()) {
        QString frame = (*q)->value(0).toString();
        bytes += utf8Length(frame);
        if (bytes > maxBytes) {
            (*q)->finish();
            finish();
            return makeError(ErrorCode::TooOld,
                tr("Too much has changed since %1 to send at once: reload.").arg(since));
        }
        result.frames.append(std::move(frame));
    }
    (*q)->finish();
    finish();
    return result;
}

} // namespace Hubbub::Server::EventStore
