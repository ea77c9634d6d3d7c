#pragma once

// Rows written straight into a test server's SQLite file, for what no verb on this branch
// makes yet: mentions (part "rich" fills message_mentions from `@name`) and direct
// conversations (part "dm"). The server keeps running; SQLite's WAL lets both write.

#include <QList>
#include <QString>
#include <QVariantList>

namespace Hubbub::Test {

//! Runs one statement on the database file; false (with a warning) when it fails.
bool execSql(const QString &databasePath, const QString &sql, const QVariantList &values = {});
//! Records that message `messageId` mentions user `userId`, as part "rich" would.
bool insertMention(const QString &databasePath, qint64 messageId, qint64 userId);
//! Makes a direct conversation of these members, as part "dm" would; its id, or 0.
qint64 insertDirectChannel(const QString &databasePath, const QList<qint64> &members);

} // namespace Hubbub::Test
