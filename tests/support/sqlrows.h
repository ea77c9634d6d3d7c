#pragma once

// Rows written straight into a test server's SQLite file, for what no verb on this branch
// makes yet: mentions (part "rich" fills message_mentions from `@name`). The server keeps
// running; SQLite's WAL lets both write.

#include <QString>
#include <QVariantList>

namespace Hubbub::Test {

//! Runs one statement on the database file; false (with a warning) when it fails.
bool execSql(const QString &databasePath, const QString &sql, const QVariantList &values = {});
//! Records that message `messageId` mentions user `userId`, as part "rich" would.
bool insertMention(const QString &databasePath, qint64 messageId, qint64 userId);

} // namespace Hubbub::Test
