#include "store/versionstore.h"

#include "store/sqlconnection.h"
#include "store/userstore.h"
#include "store/writer.h"

#include <QSqlQuery>

namespace Hubbub::Server::VersionStore {

namespace {

Result<bool> hasVersions(WriteTx &tx, const QString &sql, qint64 id)
{
    Result<QSqlQuery *> q = tx.sql().run(sql, {id});
    if (!q)
        return q.error();
    const bool any = (*q)->next();
    (*q)->finish();
    return any;
}

//! Reads the rows of `sql`: at, the editor (UserStore::userFrom's five columns), then text or
//! title and content.
Result<QList<EntryVersion>> read(SqlConnection &c, const QString &sql, qint64 id, bool isPost)
{
    Result<QSqlQuery *> q = c.run(sql, {id});
    if (!q)
        return q.error();
    QList<EntryVersion> versions;
    while ((*q)->next()) {
        EntryVersion v;
        v.isPost = isPost;
        v.at = (*q)->value(0).toString();
        v.editor = UserStore::userFrom(**q, 1);
        if (isPost) {
            v.title = (*q)->value(6).toString();
            v.content = (*q)->value(7).toString();
        } else {
            v.text = (*q)->value(6).toString();
        }
        versions.append(std::move(v));
    }
    return versions;
}

} // namespace

Status recordMessageEdit(WriteTx &tx, const Message &before, const Message &after, qint64 editorId)
{
    if (before.text == after.text)
        return Ok {};
    Result<bool> any = hasVersions(tx,
        QStringLiteral("SELECT 1 FROM message_versions WHERE message_id = ? LIMIT 1"), before.id);
    if (!any)
        return any.error();
    const QString insert = QStringLiteral(
        "INSERT INTO message_versions (message_id, text, at, editor_id) VALUES (?, ?, ?, ?)");
    if (!*any) {
        // The original, by its author. A message edited before the server kept versions shows
        // its last text from then on, at its last edit time.
        const QString at = before.editedAt.isEmpty() ? before.createdAt : before.editedAt;
        if (Result<QSqlQuery *> q
            = tx.sql().run(insert, {before.id, before.text, at, before.author.id});
            !q)
            return q.error();
    }
    if (Result<QSqlQuery *> q
        = tx.sql().run(insert, {after.id, after.text, after.editedAt, editorId});
        !q)
        return q.error();
    return Ok {};
}

Status recordPostEdit(WriteTx &tx, const Post &before, const Post &after, qint64 editorId)
{
    if (before.title == after.title && before.content == after.content)
        return Ok {}; // only the image changed
    Result<bool> any = hasVersions(
        tx, QStringLiteral("SELECT 1 FROM post_versions WHERE post_id = ? LIMIT 1"), before.id);
    if (!any)
        return any.error();
    const QString insert
        = QStringLiteral("INSERT INTO post_versions (post_id, title, content, at, editor_id)"
                         " VALUES (?, ?, ?, ?, ?)");
    if (!*any) {
        const QString at = before.updatedAt.isEmpty() ? before.createdAt : before.updatedAt;
        if (Result<QSqlQuery *> q
            = tx.sql().run(insert, {before.id, before.title, before.content, at, before.author.id});
            !q)
            return q.error();
    }
    if (Result<QSqlQuery *> q
        = tx.sql().run(insert, {after.id, after.title, after.content, after.updatedAt, editorId});
        !q)
        return q.error();
    return Ok {};
}

Result<QList<EntryVersion>> messageVersions(SqlConnection &c, const Message &message)
{
    Result<QList<EntryVersion>> versions = read(c,
        QStringLiteral("SELECT v.at, u.id, u.username, u.role, u.display_name, u.avatar_image_id,"
                       " v.text FROM message_versions v JOIN users u ON u.id = v.editor_id"
                       " WHERE v.message_id = ? ORDER BY v.id"),
        message.id, false);
    if (versions && versions->isEmpty()) {
        EntryVersion only;
        only.text = message.text;
        only.at = message.editedAt.isEmpty() ? message.createdAt : message.editedAt;
        only.editor = message.author;
        versions->append(only);
    }
    return versions;
}

Result<QList<EntryVersion>> postVersions(SqlConnection &c, const Post &post)
{
    Result<QList<EntryVersion>> versions = read(c,
        QStringLiteral(
            "SELECT v.at, u.id, u.username, u.role, u.display_name, u.avatar_image_id, v.title,"
            " v.content FROM post_versions v JOIN users u ON u.id = v.editor_id"
            " WHERE v.post_id = ? ORDER BY v.id"),
        post.id, true);
    if (versions && versions->isEmpty()) {
        EntryVersion only;
        only.isPost = true;
        only.title = post.title;
        only.content = post.content;
        only.at = post.updatedAt.isEmpty() ? post.createdAt : post.updatedAt;
        only.editor = post.author;
        versions->append(only);
    }
    return versions;
}

} // namespace Hubbub::Server::VersionStore
