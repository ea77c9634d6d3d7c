#pragma once

#include "error.h"
#include "eventtype.h"
#include "store/sqlconnection.h"
#include "store/writer.h"

#include <QJsonObject>
#include <QSqlQuery>

#include <functional>
#include <optional>

namespace Hubbub::Server {

//! An entry as stored by an earlier create under a nonce, with the seq of the event that
//! created it: what a repeat of that create answers with.
template<typename Entry>
struct Earlier
{
    Entry entry;
    qint64 seq = 0;
};

//! The steps of a create that a nonce makes idempotent (post.create, review.create,
//! chat.send); createOnce() runs them in the one order every kind shares.
template<typename Entry>
struct CreateOnce
{
    EventType event;
    //! What the new entry needs (its image, channel or post), checked without writing.
    std::function<Status()> check;
    //! Stores the entry; nullopt, having written nothing, when the author's nonce is taken.
    std::function<Result<std::optional<Entry>>()> insert;
    //! The entry the author created earlier under the nonce, if any.
    std::function<Result<std::optional<Earlier<Entry>>>()> findEarlier;
    //! The event's payload for an entry; with `seq` added it is also the reply, to the create
    //! and to its repeats alike (built from the entry as it is now).
    std::function<Result<QJsonObject>(const Entry &)> payload;
    //! Who the event is for (WriteTx::publish), read after `check`; unset: everyone.
    std::function<Audience()> audience = {};
};

//! Creates an entry once per author and nonce. The first request stores it and publishes its
//! event; a repeat (same author, same nonce) publishes nothing and answers with the earlier
//! entry and its seq, even when what the create needs has gone since (docs/protocol.md,
//! "Idempotent creates"). An empty nonce creates every time. The nonce is looked up only when
//! the create cannot go ahead, so a first create costs no extra statement.
template<typename Entry>
Result<QJsonObject> createOnce(WriteTx &tx, const QString &nonce, const CreateOnce<Entry> &steps)
{
    // The reply for a repeat, or nullopt when nothing was created under this nonce.
    const auto repeat = [&]() -> Result<std::optional<QJsonObject>> {
        if (nonce.isEmpty())
            return std::optional<QJsonObject>();
        Result<std::optional<Earlier<Entry>>> earlier = steps.findEarlier();
        if (!earlier)
            return earlier.error();
        if (!*earlier)
            return std::optional<QJsonObject>();
        Result<QJsonObject> reply = steps.payload((*earlier)->entry);
        if (!reply)
            return reply.error();
        reply->insert(QStringLiteral("seq"), (*earlier)->seq);
        return std::optional<QJsonObject>(*reply);
    };
    if (Status needs = steps.check(); !needs) {
        Result<std::optional<QJsonObject>> original = repeat();
        if (!original)
            return original.error();
        return *original ? Result<QJsonObject>(**original) : Result<QJsonObject>(needs.error());
    }
    Result<std::optional<Entry>> entry = steps.insert();
    if (!entry)
        return entry.error();
    if (!*entry) {
        Result<std::optional<QJsonObject>> original = repeat();
        if (!original)
            return original.error();
        if (!*original)
            return databaseError(QStringLiteral("nonce conflict without an entry"), nonce);
        return **original;
    }
    Result<QJsonObject> payload = steps.payload(**entry);
    if (!payload)
        return payload.error();
    return tx.publish(steps.event, *payload, steps.audience ? steps.audience() : Audience());
}

//! The one row an earlier create stored under (author, nonce): `select` ends in a WHERE that
//! binds the author and then the nonce, `read` turns the row into the entry, and column
//! `seqColumn` holds its created_seq.
template<typename Entry>
Result<std::optional<Earlier<Entry>>> findEarlier(SqlConnection &c, const QString &select,
    qint64 authorId, const QString &nonce, Entry (*read)(const QSqlQuery &), int seqColumn)
{
    Result<QSqlQuery *> q = c.run(select, {authorId, nonce});
    if (!q)
        return q.error();
    if (!(*q)->next())
        return std::optional<Earlier<Entry>>();
    Earlier<Entry> earlier {read(**q), (*q)->value(seqColumn).toLongLong()};
    (*q)->finish();
    return std::optional<Earlier<Entry>>(std::move(earlier));
}

} // namespace Hubbub::Server
