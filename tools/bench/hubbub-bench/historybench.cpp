// history: read latencies on a large (seeded) database: feed.page and chat.history at the
// newest entries and at a deep cursor, and a sync that catches up on many events.
#include "benchoptions.h"
#include "fleet.h"
#include "latencies.h"
#include "modes.h"
#include "report.h"
#include "targetserver.h"
#include "workerpool.h"

#include <QJsonArray>

#include <cmath>

namespace Hubbub::Bench {

namespace {

//! Runs the same request `count` times and records the latencies under `name`.
bool measure(Controller &control, Report &report, const QString &name, const QString &type,
    const QJsonObject &params, int count, const QString &listKey = {})
{
    Latencies latencies;
    qint64 items = 0;
    for (int i = 0; i < count; ++i) {
        const Controller::Answer answer = control.call(type, params, 30000);
        if (!answer.errorCode().isEmpty()) {
            report.setFailed(QStringLiteral("%1: %2").arg(name, answer.errorCode()));
            return false;
        }
        latencies.add(qint64(answer.ms * 1000));
        if (!listKey.isEmpty())
            items = answer.reply.value(listKey).toArray().size();
    }
    latencies.addTo(report.results(), name);
    if (!listKey.isEmpty())
        report.set(name + QStringLiteral("Items"), items);
    return true;
}

} // namespace

void runHistory(const Options &o, TargetServer &server, Report &report)
{
    Q_UNUSED(server);
    WorkerPool pool(1);
    Controller control(pool, 0);
    if (!control.open(o.url, 10000)) {
        report.setFailed(QStringLiteral("cannot connect"));
        return;
    }
    const Controller::Answer hello = control.call(QStringLiteral("hello"),
        {{QStringLiteral("protocol"), 1},
            {QStringLiteral("client"), QStringLiteral("hubbub-bench/1")}},
        10000);
    const qint64 head = hello.reply.value(QLatin1StringView("head")).toInteger();
    if (control
            .registerUser(
                QStringLiteral("hist-%1").arg(QString::number(nowNs() % 1000000007, 36)), 30000)
            .isEmpty()) {
        report.setFailed(QStringLiteral("auth.register failed"));
        return;
    }
    report.set(QStringLiteral("head"), head);

    const Controller::Answer first
        = control.call(QStringLiteral("feed.page"), {{QStringLiteral("limit"), 1}}, 30000);
    const qint64 newestPost = first.reply.value(QLatin1StringView("posts"))
                                  .toArray()
                                  .first()
                                  .toObject()
                                  .value(QLatin1StringView("id"))
                                  .toInteger();
    const Controller::Answer last = control.call(QStringLiteral("chat.history"),
        {{QStringLiteral("channelId"), 1}, {QStringLiteral("limit"), 1}}, 30000);
    const qint64 newestMessage = last.reply.value(QLatin1StringView("messages"))
                                     .toArray()
                                     .last()
                                     .toObject()
                                     .value(QLatin1StringView("id"))
                                     .toInteger();
    report.set(QStringLiteral("newestPostId"), newestPost);
    report.set(QStringLiteral("newestMessageId"), newestMessage);
    // On a database smaller than the deep distance, a tenth of the way in still gives full pages.
    auto deep = [&o](qint64 newest) {
        return newest > o.deepBack + 200 ? newest - o.deepBack : newest / 10 + 1;
    };
    const qint64 deepPost = deep(newestPost);
    const qint64 deepMessage = deep(newestMessage);
    report.set(QStringLiteral("deepPostCursor"), deepPost);
    report.set(QStringLiteral("deepMessageCursor"), deepMessage);
    const QString posts = QStringLiteral("posts");
    const QString messages = QStringLiteral("messages");
    const QString feedPage = QStringLiteral("feed.page");
    const QString chatHistory = QStringLiteral("chat.history");

    if (!measure(control, report, QStringLiteral("feedNewest"), feedPage, {}, o.requests, posts)
        || !measure(control, report, QStringLiteral("feedDeep"), feedPage,
            {{QStringLiteral("before"), deepPost}}, o.requests, posts)
        || !measure(control, report, QStringLiteral("chatNewest"), chatHistory,
            {{QStringLiteral("channelId"), 1}}, o.requests, messages)
        || !measure(control, report, QStringLiteral("chatDeep"), chatHistory,
            {{QStringLiteral("channelId"), 1}, {QStringLiteral("before"), deepMessage}}, o.requests,
            messages))
        return;
    const qint64 since = std::max<qint64>(0, head - o.syncEvents);
    measure(control, report, QStringLiteral("sync"), QStringLiteral("sync"),
        {{QStringLiteral("since"), since}}, std::max(3, o.requests / 5), QStringLiteral("events"));
}

} // namespace Hubbub::Bench
