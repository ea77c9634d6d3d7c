#include "store/chatstore.h"

#include "store/filestore.h"
#include "store/mentionstore.h"
#include "store/reactionstore.h"
#include "store/sqlconnection.h"
#include "store/sqldialect.h"
#include "store/userstore.h"
#include "store/writer.h"

#include <QCoreApplication>
#include <QSqlQuery>

#include <algorithm>
#include <limits>

namespace Hubbub::Server::ChatStore {

namespace {

//! The messages of this file, under one context that lupdate can see. The server sends
//! them in English (it knows no reader's language); the client shows its own text.
struct ChatStoreText
{
    Q_DECLARE_TR_FUNCTIONS(Hubbub::Server::ChatStore)
};

// Columns 11-18: the original a reply quotes, read at read time (LEFT JOIN) so that an edit or
// a delete of the original shows in every reply at once; gone, it quotes {id, deleted: true}.
const QString MessageColumns = QStringLiteral(
    "SELECT m.id, m.channel_id, m.text, m.created_at, m.edited_at, u.id, u.username, u.role, "
    "u.display_name, u.avatar_image_id, m.created_seq, m.reply_to_id, o.id, o.text, ou.id, "
    "ou.username, ou.role, ou.display_name, ou.avatar_image_id "
    "FROM messages m JOIN users u ON u.id = m.author_id "
    "LEFT JOIN messages o ON o.id = m.reply_to_id LEFT JOIN users ou ON ou.id = o.author_id ");

Message messageFrom(const QSqlQuery &q)
{
    Message m;
    m.id = q.value(0).toLongLong();
    m.channelId = q.value(1).toLongLong();
    m.text = q.value(2).toString();
    m.createdAt = q.value(3).toString();
    m.editedAt = q.value(4).toString();
    m.author = UserStore::userFrom(q, 5);
    if (!q.value(11).isNull()) {
        ReplyQuote quote;
        quote.id = q.value(11).toLongLong();
        quote.deleted = q.value(12).isNull();
        if (!quote.deleted) {
            quote.text = ReplyQuote::quoteOf(q.value(13).toString());
            quote.author = UserStore::userFrom(q, 14);
        }
        m.replyTo = quote;
    }
    return m;
}

//! Fills what is read apart from the message's row: its mentions, reactions and files.
Status fillExtras(SqlConnection &c, QList<Message> &messages)
{
    if (Status s = MentionStore::fillMessages(c, messages); !s)
        return s;
    if (Status s = ReactionStore::fill(c, messages); !s)
        return s;
    return FileStore::loadFiles(c, messages);
}

//! One message with its mentions, reactions and files, or nullopt.
Result<std::optional<Message>> withExtras(SqlConnection &c, std::optional<Message> message)
{
    if (!message)
        return message;
    QList<Message> one {*message};
    if (Status s = fillExtras(c, one); !s)
        return s.error();
    return std::optional<Message>(one.first());
}

Error messageNotFound()
{
    return makeError(ErrorCode::NotFound,
        ChatStoreText::tr("This message does not exist (it may have been deleted)."),
        QStringLiteral("messageId"));
}

Result<Message> mustGet(SqlConnection &c, qint64 messageId)
{
    Result<std::optional<Message>> m = message(c, messageId);
    if (!m)
        return m.error();
    if (!*m)
        return messageNotFound();
    return **m;
}

} // namespace

Result<QList<Channel>> channels(SqlConnection &c)
{
    Result<QSqlQuery *> q
        = c.run(QStringLiteral("SELECT id, name, topic FROM channels WHERE kind = 'public' "
                               "ORDER BY name_key%1, id")
                    .arg(c.isPostgres() ? SqlDialect::PostgresBinaryOrder : QString()));
    if (!q)
        return q.error();
    QList<Channel> list;
    while ((*q)->next())
        list.append(Channel {
            (*q)->value(0).toLongLong(), (*q)->value(1).toString(), (*q)->value(2).toString()});
    return list;
}

Result<std::optional<Channel>> channel(SqlConnection &c, qint64 channelId)
{
    Result<QSqlQuery *> q = c.run(
        QStringLiteral("SELECT id, name, topic, kind FROM channels WHERE id = ?"), {channelId});
    if (!q)
        return q.error();
    if (!(*q)->next())
        return std::optional<Channel>();
    Channel channel {
        (*q)->value(0).toLongLong(), (*q)->value(1).toString(), (*q)->value(2).toString()};
    const bool direct = (*q)->value(3).toString() == QLatin1StringView("direct");
    (*q)->finish();
    if (direct) {
        channel.kind = Channel::Kind::Direct;
        Result<QList<User>> list = members(c, channelId);
        if (!list)
            return list.error();
        channel.members = *list;
    }
    return std::optional<Channel>(channel);
}

Result<bool> mayRead(SqlConnection &c, qint64 userId, qint64 channelId)
{
    Result<QSqlQuery *> q = c.run(
        QStringLiteral("SELECT 1 FROM channels ch WHERE ch.id = ? AND (ch.kind = 'public' OR "
                       "EXISTS (SELECT 1 FROM channel_members m WHERE m.channel_id = ch.id AND "
                       "m.user_id = ?))"),
        {channelId, userId});
    if (!q)
        return q.error();
    const bool may = (*q)->next();
    (*q)->finish();
    return may;
}

Result<Audience> audienceOf(SqlConnection &c, qint64 channelId)
{
    // Public channels have no members rows, so this is one index probe for them.
    Result<QSqlQuery *> q = c.run(
        QStringLiteral("SELECT user_id FROM channel_members WHERE channel_id = ? ORDER BY user_id"),
        {channelId});
    if (!q)
        return q.error();
    Audience audience;
    while ((*q)->next())
        audience.append((*q)->value(0).toLongLong());
    return audience;
}

Result<std::optional<Audience>> readerAudience(SqlConnection &c, qint64 userId, qint64 channelId)
{
    Result<QSqlQuery *> q
        = c.run(QStringLiteral("SELECT kind FROM channels WHERE id = ?"), {channelId});
    if (!q)
        return q.error();
    if (!(*q)->next())
        return std::optional<Audience>();
    const bool direct = (*q)->value(0).toString() == QLatin1StringView("direct");
    (*q)->finish();
    if (!direct)
        return std::optional<Audience>(Audience());
    Result<Audience> audience = audienceOf(c, channelId);
    if (!audience)
        return audience.error();
    if (!std::binary_search(audience->cbegin(), audience->cend(), userId))
        return std::optional<Audience>();
    return std::optional<Audience>(*audience);
}

Result<QList<User>> members(SqlConnection &c, qint64 channelId)
{
    Result<QSqlQuery *> q
        = c.run(QStringLiteral("SELECT u.id, u.username, u.role, u.display_name, "
                               "u.avatar_image_id FROM channel_members m "
                               "JOIN users u ON u.id = m.user_id WHERE m.channel_id = ? "
                               "ORDER BY u.id"),
            {channelId});
    if (!q)
        return q.error();
    QList<User> list;
    while ((*q)->next())
        list.append(UserStore::userFrom(**q, 0));
    return list;
}

Result<Channel> createChannel(WriteTx &tx, const QString &name, const QString &topic)
{
    const QString key = name.toCaseFolded();
    Result<QSqlQuery *> taken
        = tx.sql().run(QStringLiteral("SELECT 1 FROM channels WHERE name_key = ?"), {key});
    if (!taken)
        return taken.error();
    const bool exists = (*taken)->next();
    (*taken)->finish();
    if (exists) {
        return makeError(ErrorCode::Conflict,
            ChatStoreText::tr("A channel named '%1' already exists.").arg(name),
            QStringLiteral("name"));
    }
    Result<QSqlQuery *> q = tx.sql().run(
        QStringLiteral("INSERT INTO channels (name, name_key, topic, created_at, created_seq) "
                       "VALUES (?, ?, ?, ?, ?) RETURNING id"),
        {name, key, topic, nowTimestamp(), tx.head() + 1});
    if (!q)
        return q.error();
    Result<qint64> id = SqlDialect::insertedId(**q);
    if (!id)
        return id.error();
    return Channel {*id, name, topic};
}

Result<History> history(SqlConnection &c, qint64 channelId, std::optional<qint64> before, int limit)
{
    Result<QSqlQuery *> q = c.run(MessageColumns
            + QStringLiteral("WHERE m.channel_id = ? AND m.id < ? ORDER BY m.id DESC LIMIT ?"),
        {channelId, before.value_or(std::numeric_limits<qint64>::max()), limit + 1});
    if (!q)
        return q.error();
    History result;
    while ((*q)->next()) {
        if (result.messages.size() == limit) {
            result.more = true;
            break;
        }
        result.messages.append(messageFrom(**q));
    }
    (*q)->finish();
    std::reverse(result.messages.begin(), result.messages.end());
    if (Status s = fillExtras(c, result.messages); !s)
        return s.error();
    return result;
}

Result<Around> around(SqlConnection &c, const Message &middle, int limit)
{
    // The given message in the middle: as many older as newer ones, the odd one newer.
    const int older = (limit - 1) / 2;
    const int newer = limit - 1 - older;
    Around result;
    Result<QSqlQuery *> q = c.run(MessageColumns
            + QStringLiteral("WHERE m.channel_id = ? AND m.id < ? ORDER BY m.id DESC LIMIT ?"),
        {middle.channelId, middle.id, older + 1});
    if (!q)
        return q.error();
    while ((*q)->next()) {
        if (result.messages.size() == older) {
            result.moreBefore = true;
            break;
        }
        result.messages.prepend(messageFrom(**q));
    }
    (*q)->finish();
    result.messages.append(middle);
    q = c.run(MessageColumns
            + QStringLiteral("WHERE m.channel_id = ? AND m.id > ? ORDER BY m.id ASC LIMIT ?"),
        {middle.channelId, middle.id, newer + 1});
    if (!q)
        return q.error();
    int taken = 0;
    while ((*q)->next()) {
        if (taken == newer) {
            result.moreAfter = true;
            break;
        }
        result.messages.append(messageFrom(**q));
        ++taken;
    }
    (*q)->finish();
    for (Message &m : result.messages)
        m.reactions.clear(); // the middle one came with its own; all are filled once below
    if (Status s = fillExtras(c, result.messages); !s)
        return s.error();
    return result;
}

Result<std::optional<Message>> message(SqlConnection &c, qint64 messageId)
{
    Result<QSqlQuery *> q = c.run(MessageColumns + QStringLiteral("WHERE m.id = ?"), {messageId});
    if (!q)
        return q.error();
    if (!(*q)->next())
        return std::optional<Message>();
    std::optional<Message> m = messageFrom(**q);
    (*q)->finish();
    return withExtras(c, m);
}

Result<std::optional<Earlier<Message>>> findByNonce(
    SqlConnection &c, qint64 authorId, const QString &nonce)
{
    Result<std::optional<Earlier<Message>>> earlier
        = findEarlier(c, MessageColumns + QStringLiteral("WHERE m.author_id = ? AND m.nonce = ?"),
            authorId, nonce, messageFrom, 10);
    if (!earlier || !*earlier)
        return earlier;
    Result<std::optional<Message>> filled = withExtras(c, (*earlier)->entry);
    if (!filled)
        return filled.error();
    (*earlier)->entry = **filled;
    return earlier;
}

Result<std::optional<Message>> insert(WriteTx &tx, qint64 channelId, qint64 authorId,
    const QString &text, const QString &nonce, const std::optional<ReplyQuote> &replyTo)
{
    // The message is built from what was stored rather than read back: this runs once per chat
    // message on the writer thread, where every statement counts.
    Message message;
    message.channelId = channelId;
    message.text = text;
    message.createdAt = nowTimestamp();
    message.replyTo = replyTo;
    Result<QSqlQuery *> q = tx.sql().run(
        QStringLiteral("INSERT INTO messages (channel_id, author_id, text, created_at, nonce, "
                       "created_seq, reply_to_id) VALUES (?, ?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT (author_id, nonce) DO NOTHING RETURNING id"),
        {channelId, authorId, text, message.createdAt,
            nonce.isEmpty() ? QVariant() : QVariant(nonce), tx.head() + 1,
            replyTo ? QVariant(replyTo->id) : QVariant()});
    if (!q)
        return q.error();
    Result<qint64> id = SqlDialect::insertedId(**q);
    if (!id)
        return id.error();
    message.id = *id;
    if (message.id == 0)
        return std::optional<Message>(); // a repeat of an earlier message
    Result<User> author = UserStore::mustFindById(tx.sql(), authorId);
    if (!author)
        return author.error();
    message.author = *author;
    return std::optional<Message>(std::move(message));
}

Result<Message> edit(WriteTx &tx, qint64 messageId, const QString &text)
{
    Result<QSqlQuery *> q
        = tx.sql().run(QStringLiteral("UPDATE messages SET text = ?, edited_at = ? WHERE id = ?"),
            {text, nowTimestamp(), messageId});
    if (!q)
        return q.error();
    if ((*q)->numRowsAffected() != 1)
        return messageNotFound();
    return mustGet(tx.sql(), messageId);
}

Status remove(WriteTx &tx, qint64 messageId)
{
    Result<QSqlQuery *> q
        = tx.sql().run(QStringLiteral("DELETE FROM messages WHERE id = ?"), {messageId});
    if (!q)
        return q.error();
    if ((*q)->numRowsAffected() != 1)
        return messageNotFound();
    return Ok {};
}

} // namespace Hubbub::Server::ChatStore
