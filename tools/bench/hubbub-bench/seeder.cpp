// seed: writes a large database with the server's own stores, so that the schema, the
// indexes and the event frames are the real ones. Many rows go into one writer job: one job
// per row would be a transaction per row.
#include "benchoptions.h"
#include "messagetype.h"
#include "modes.h"
#include "passwords.h"
#include "report.h"
#include "store/chatstore.h"
#include "store/poststore.h"
#include "store/userstore.h"
#include "store/writer.h"
#include "workerpool.h"

#include <cmath>
#include <cstdio>

namespace Hubbub::Bench {

using namespace Hubbub::Server;

namespace {

constexpr qint64 RowsPerJob = 20000;

// The stores' insert() returns the row, or (since nonce repeats are detected there) an optional
// row; seeding uses no nonces, so either way a row comes back.
template<typename T>
const T *row(const T &value)
{
    return &value;
}
template<typename T>
const T *row(const std::optional<T> &value)
{
    return value ? &*value : nullptr;
}

//! Inserts `total` rows with `insertOne(tx, i)`, RowsPerJob per job; false on the first error.
bool seedRows(Writer &writer, qint64 total, const char *what,
    const std::function<Result<QJsonObject>(WriteTx &, qint64)> &insertOne, Report &report)
{
    const qint64 started = nowNs();
    for (qint64 done = 0; done < total;) {
        const qint64 count = std::min(RowsPerJob, total - done);
        WriteOutcome outcome = writer.runAndWait([&](WriteTx &tx) -> Result<QJsonObject> {
            for (qint64 i = 0; i < count; ++i) {
                Result<QJsonObject> row = insertOne(tx, done + i);
                if (!row)
                    return row.error();
            }
            return QJsonObject();
        });
        if (!outcome.result) {
            report.setFailed(QStringLiteral("seeding %1 failed: %2")
                                 .arg(QLatin1StringView(what), outcome.result.error().message));
            return false;
        }
        done += count;
        std::printf("\r  %s: %lld / %lld", what, done, total);
        std::fflush(stdout);
    }
    const double seconds = double(nowNs() - started) / 1e9;
    std::printf("  (%.1f s)\n", seconds);
    report.set(
        QStringLiteral("%1Seconds").arg(QLatin1StringView(what)), std::round(seconds * 10) / 10);
    report.set(QLatin1StringView(what), total);
    return true;
}

} // namespace

void runSeed(const Options &o, Report &report)
{
    if (!Passwords::initialize()) {
        report.setFailed(QStringLiteral("libsodium cannot be used"));
        return;
    }
    // Normal durability: a seed that is interrupted is simply made again.
    Writer writer(o.db, Durability::Normal, 100000);
    if (Status s = writer.start(); !s) {
        report.setFailed(QStringLiteral("cannot open %1: %2").arg(o.db, s.error().message));
        return;
    }
    const QByteArray hash = Passwords::hash(QStringLiteral("seed-password-1"));
    WriteOutcome author = writer.runAndWait([&hash](WriteTx &tx) -> Result<QJsonObject> {
        Result<User> user = UserStore::create(tx, QStringLiteral("seed-author"), hash);
        if (!user)
            return user.error();
        return user->toJson();
    });
    if (!author.result) {
        report.setFailed(QStringLiteral("cannot create the seed author (is %1 seeded already?): %2")
                             .arg(o.db, author.result.error().message));
        return;
    }
    const qint64 authorId = author.result->value(QLatin1StringView("id")).toInteger();
    const QString content = QStringLiteral(
        "Seeded post for the history benchmark. It is about as long as a short note that a "
        "person would write in the feed: a few sentences, no image.");
    const QString text = QStringLiteral("Seeded chat message for the history benchmark.");

    const auto insertPost = [&](WriteTx &tx, qint64 i) -> Result<QJsonObject> {
        auto post = PostStore::insert(
            tx, authorId, QStringLiteral("Seeded post %1").arg(i), content, {}, {});
        if (!post)
            return post.error();
        const Post *stored = row(*post);
        if (!stored)
            return makeError(ErrorCode::Internal, QStringLiteral("post not stored"));
        return tx.publish(EventType::PostCreated, {{QStringLiteral("post"), stored->toJson()}});
    };
    const auto insertMessage = [&](WriteTx &tx, qint64 i) -> Result<QJsonObject> {
        auto message = ChatStore::insert(tx, 1, authorId, text + QString::number(i), {});
        if (!message)
            return message.error();
        const Message *stored = row(*message);
        if (!stored)
            return makeError(ErrorCode::Internal, QStringLiteral("message not stored"));
        return tx.publish(
            EventType::MessageCreated, {{QStringLiteral("message"), stored->toJson()}});
    };
    const bool ok = seedRows(writer, o.posts, "posts", insertPost, report)
        && seedRows(writer, o.messages, "messages", insertMessage, report);
    writer.stop();
    if (ok)
        report.set(QStringLiteral("database"), o.db);
}

} // namespace Hubbub::Bench
