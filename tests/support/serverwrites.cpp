#include "serverwrites.h"

#include "server.h"
#include "store/accountstore.h"
#include "store/sqlconnection.h"
#include "store/userstore.h"
#include "store/writer.h"
#include "testserver.h"

#include <QSqlQuery>

namespace Hubbub::Test {

bool promote(TestServer &server, const QString &username)
{
    const Server::WriteOutcome outcome = server.server()->writer().runAndWait(
        [username](Server::WriteTx &tx) -> Result<QJsonObject> {
            Result<User> user = Server::UserStore::setRole(tx, username, Role::Admin);
            if (!user)
                return user.error();
            // As server/main.cpp records it.
            if (Status s = Server::AccountStore::record(tx, std::nullopt, QStringLiteral("role"),
                    user->id, {{QStringLiteral("role"), QStringLiteral("admin")}});
                !s)
                return s.error();
            return user->toJson();
        });
    return outcome.result.ok();
}

bool changeStored(TestServer &server, const QString &sql, const QVariantList &values)
{
    const Server::WriteOutcome outcome = server.server()->writer().runAndWait(
        [sql, values](Server::WriteTx &tx) -> Result<QJsonObject> {
            Result<QSqlQuery *> q = tx.sql().run(sql, values);
            if (!q)
                return q.error();
            return QJsonObject {{QStringLiteral("rows"), (*q)->numRowsAffected()}};
        });
    return outcome.result.ok() && outcome.result->value(QLatin1StringView("rows")).toInt() > 0;
}

qint64 createDirect(TestServer &server, const QList<qint64> &memberIds)
{
    const Server::WriteOutcome outcome = server.server()->writer().runAndWait(
        [memberIds](Server::WriteTx &tx) -> Result<QJsonObject> {
            QStringList ids;
            for (const qint64 id : memberIds)
                ids.append(QString::number(id));
            Result<QSqlQuery *> channel = tx.sql().run(
                QStringLiteral("INSERT INTO channels (name, name_key, topic, created_at, kind)"
                               " VALUES ('', ?, '', ?, 'direct')"),
                {QString(QStringLiteral("\x01") + ids.join(u',')), nowTimestamp()});
            if (!channel)
                return channel.error();
            const qint64 channelId = (*channel)->lastInsertId().toLongLong();
            for (const qint64 id : memberIds) {
                Result<QSqlQuery *> member = tx.sql().run(
                    QStringLiteral(
                        "INSERT INTO channel_members (channel_id, user_id) VALUES (?, ?)"),
                    {channelId, id});
                if (!member)
                    return member.error();
            }
            return QJsonObject {{QStringLiteral("id"), channelId}};
        });
    return outcome.result.ok() ? outcome.result->value(QLatin1StringView("id")).toInteger() : 0;
}

} // namespace Hubbub::Test
