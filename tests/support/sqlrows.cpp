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

} // namespace Hubbub::Test
