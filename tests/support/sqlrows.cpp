#include "sqlrows.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace Hubbub::Test {

namespace {

//! Runs `sql` and returns the last inserted row id (0 when none, -1 on failure).
qint64 runOnce(const QString &databasePath, const QString &sql, const QVariantList &values)
{
    const QString name = QStringLiteral("test-rows-") + QUuid::createUuid().toString();
    qint64 rowId = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(databasePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (db.open()) {
            QSqlQuery query(db);
            query.prepare(sql);
            for (const QVariant &value : values)
                query.addBindValue(value);
            if (query.exec())
                rowId = query.lastInsertId().isValid() ? query.lastInsertId().toLongLong() : 0;
            else
                qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        } else {
            qWarning(
                "cannot open %s: %s", qPrintable(databasePath), qPrintable(db.lastError().text()));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return rowId;
}

} // namespace

bool execSql(const QString &databasePath, const QString &sql, const QVariantList &values)
{
    return runOnce(databasePath, sql, values) >= 0;
}

bool insertMention(const QString &databasePath, qint64 messageId, qint64 userId)
{
    return execSql(databasePath,
        QStringLiteral("INSERT INTO message_mentions (message_id, user_id) VALUES (?, ?)"),
        {messageId, userId});
}

qint64 insertDirectChannel(const QString &databasePath, const QList<qint64> &members)
{
    QStringList ids;
    for (qint64 id : members)
        ids.append(QString::number(id));
    // The name key of a direct conversation: its member ids behind a control character
    // (schema step 5), which no channel name may contain.
    const qint64 channelId = runOnce(databasePath,
        QStringLiteral("INSERT INTO channels (name, name_key, topic, created_at, kind)"
                       " VALUES ('', ?, '', '2026-01-01T00:00:00.000Z', 'direct')"),
        QVariantList {QString(QStringLiteral("\x01") + ids.join(u','))});
    if (channelId <= 0)
        return 0;
    for (qint64 id : members) {
        if (!execSql(databasePath,
                QStringLiteral("INSERT INTO channel_members (channel_id, user_id) VALUES (?, ?)"),
                {channelId, id}))
            return 0;
    }
    return channelId;
}

} // namespace Hubbub::Test
