// search: full-text search latency on a large database (docs/performance.md "Search"). The
// database is seeded here when the file does not exist yet: messages and posts of Zipf-
// distributed words written with plain INSERTs in big transactions (the FTS triggers index
// them as the server would), far faster than through the writer's jobs. Then the server is
// started on it and each query is asked --requests times through a real WebSocket.
#include "benchoptions.h"
#include "fleet.h"
#include "latencies.h"
#include "modes.h"
#include "report.h"
#include "store/schema.h"
#include "store/sqlconnection.h"
#include "targetserver.h"
#include "types.h"
#include "workerpool.h"

#include <QFileInfo>
#include <QJsonArray>

#include <cmath>
#include <cstdio>
#include <random>

namespace Hubbub::Bench {

using namespace Hubbub::Server;

namespace {

constexpr int Vocabulary = 50000;
constexpr int Channels = 20;
constexpr int Authors = 50;
constexpr qint64 RowsPerTransaction = 50000;
// Planted in every 100,000th row: a word that is rare on purpose.
const QString RareWord = QStringLiteral("zeppelin");

//! Made-up words from syllables, the same for every run; rank 0 is the most frequent.
QStringList vocabulary()
{
    static const char *syllables[] = {"ka", "ri", "mo", "te", "lu", "sa", "ne", "po", "di", "fa",
        "gu", "ha", "ve", "zo", "bi", "ra", "to", "mi", "su", "le"};
    std::mt19937 rng(7);
    QStringList words;
    QSet<QString> seen;
    while (words.size() < Vocabulary) {
        QString word;
        const int length = 1 + int(rng() % 4);
        for (int i = 0; i < length; ++i)
            word += QLatin1StringView(syllables[rng() % 20]);
        if (word.size() > 2 && !seen.contains(word)) {
            seen.insert(word);
            words.append(word);
        }
    }
    return words;
}

class TextMaker
{
public:
    explicit TextMaker(const QStringList &words)
        : m_words(words)
    {
        std::vector<double> weights;
        for (int rank = 1; rank <= words.size(); ++rank)
            weights.push_back(1.0 / rank);
        m_pick = std::discrete_distribution<int>(weights.begin(), weights.end());
    }
    QString text(int minWords, int maxWords)
    {
        const int n = minWords + int(m_rng() % unsigned(maxWords - minWords + 1));
        QString text;
        for (int i = 0; i < n; ++i) {
            if (i)
                text += QLatin1Char(' ');
            text += m_words.at(m_pick(m_rng));
        }
        return text;
    }

private:
    const QStringList &m_words;
    std::mt19937 m_rng {11};
    std::discrete_distribution<int> m_pick;
};

bool exec(SqlConnection &c, const QString &sql, Report &report)
{
    if (Status s = c.execOnce(sql); !s) {
        report.setFailed(QStringLiteral("%1: %2").arg(sql, s.error().message));
        return false;
    }
    return true;
}

bool seed(const Options &o, Report &report)
{
    Result<std::unique_ptr<SqlConnection>> opened
        = SqlConnection::open(o.db, QStringLiteral("search-seed"), Durability::Normal);
    if (!opened || !migrate(**opened).ok()) {
        report.setFailed(QStringLiteral("cannot create %1").arg(o.db));
        return false;
    }
    SqlConnection &c = **opened;
    const QString t0 = QStringLiteral("2025-01-01T00:00:00.000Z");
    if (!exec(c, QStringLiteral("BEGIN"), report))
        return false;
    for (int a = 1; a <= Authors; ++a) {
        if (!c.run(QStringLiteral("INSERT INTO users (id, username, username_key, password_hash,"
                                  " created_at) VALUES (?, ?, ?, 'x', ?)"),
                {a, QStringLiteral("author%1").arg(a), QStringLiteral("author%1").arg(a), t0})) {
            report.setFailed(QStringLiteral("cannot insert users"));
            return false;
        }
    }
    for (int ch = 2; ch <= Channels; ++ch) {
        c.run(QStringLiteral("INSERT INTO channels (id, name, name_key, topic, created_at)"
                             " VALUES (?, ?, ?, '', ?)"),
            {ch, QStringLiteral("channel%1").arg(ch), QStringLiteral("channel%1").arg(ch), t0});
    }
    if (!exec(c, QStringLiteral("COMMIT"), report))
        return false;

    const QStringList words = vocabulary();
    TextMaker maker(words);
    const qint64 start = QDateTime::fromString(t0, Qt::ISODateWithMs).toMSecsSinceEpoch();
    const auto fill = [&](const char *what, qint64 total, auto insertOne) {
        const qint64 began = nowNs();
        for (qint64 done = 0; done < total;) {
            if (!exec(c, QStringLiteral("BEGIN"), report))
                return false;
            const qint64 count = std::min(RowsPerTransaction, total - done);
            for (qint64 i = done; i < done + count; ++i) {
                // A year of traffic, in id order.
                const QString at = formatTimestamp(start + i * (365LL * 86400000 / total));
                if (!insertOne(i, at)) {
                    report.setFailed(
                        QStringLiteral("seeding %1 failed").arg(QLatin1StringView(what)));
                    return false;
                }
            }
            if (!exec(c, QStringLiteral("COMMIT"), report))
                return false;
            done += count;
            std::printf("\r  %s: %lld / %lld", what, done, total);
            std::fflush(stdout);
        }
        const double seconds = double(nowNs() - began) / 1e9;
        std::printf("  (%.1f s)\n", seconds);
        report.set(QStringLiteral("%1SeedSeconds").arg(QLatin1StringView(what)),
            std::round(seconds * 10) / 10);
        return true;
    };
    const bool ok = fill("messages", o.messages, [&](qint64 i, const QString &at) {
        QString text = maker.text(3, 25);
        if (i % 100000 == 50000)
            text += QLatin1Char(' ') + RareWord;
        return bool(c.run(QStringLiteral("INSERT INTO messages (channel_id,"
                                         " author_id, text, created_at,"
                                         " created_seq) VALUES (?, ?, ?, ?, 0)"),
            {1 + i % Channels, 1 + i % Authors, text, at}));
    }) && fill("posts", o.posts, [&](qint64 i, const QString &at) {
        QString content = maker.text(20, 120);
        if (i % 100000 == 50000)
            content += QLatin1Char(' ') + RareWord;
        return bool(c.run(QStringLiteral("INSERT INTO posts (author_id, title, content,"
                                         " created_at, created_seq) VALUES (?, ?, ?, ?, 0)"),
            {1 + i % Authors, maker.text(2, 8), content, at}));
    });
    if (ok)
        exec(c, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), report);
    return ok;
}

} // namespace

void runSearch(const Options &o, TargetServer &server, Report &report)
{
    const QStringList words = vocabulary();
    WorkerPool pool(1);
    Controller control(pool, 0);
    if (!control.open(o.url, 10000)) {
        report.setFailed(QStringLiteral("cannot connect"));
        return;
    }
    if (control
            .registerUser(
                QStringLiteral("search-%1").arg(QString::number(nowNs() % 1000000007, 36)), 30000)
            .isEmpty()) {
        report.setFailed(QStringLiteral("auth.register failed"));
        return;
    }
    struct Case
    {
        const char *name;
        QJsonObject params;
    };
    const auto q = [](const QString &query, QJsonObject more = {}) {
        more.insert(QStringLiteral("query"), query);
        return more;
    };
    const QString common = words.at(0); // in about half the rows
    const QString middle = words.at(300); // in about 1 row in 250
    const QString relevance = QStringLiteral("relevance");
    const QString order = QStringLiteral("order");
    const std::vector<Case> cases {
        {"common", q(common)},
        {"middle", q(middle)},
        {"rare", q(RareWord)},
        {"twoWords", q(words.at(1) + QLatin1Char(' ') + words.at(40))},
        {"phrase",
            q(QLatin1Char('"') + words.at(0) + QLatin1Char(' ') + words.at(1) + QLatin1Char('"'))},
        {"prefix", q(words.at(5).left(3) + QLatin1Char('*'))},
        {"channel", q(middle, {{QStringLiteral("channelId"), 7}})},
        {"author", q(middle, {{QStringLiteral("authorId"), 9}})},
        {"lastWeek",
            q(middle, {{QStringLiteral("after"), QStringLiteral("2025-12-24T00:00:00Z")}})},
        {"relevanceMiddle", q(middle, {{order, relevance}})},
        {"relevanceRare", q(RareWord, {{order, relevance}})},
        {"relevanceCommon", q(common, {{order, relevance}})},
        {"deepPage", q(middle, {{QStringLiteral("offset"), 500}})},
        {"none", q(QStringLiteral("nosuchwordanywhere"))},
    };
    for (const Case &c : cases) {
        Latencies latencies;
        qint64 results = 0;
        for (int i = 0; i < o.requests; ++i) {
            const Controller::Answer answer
                = control.call(QStringLiteral("search"), c.params, 60000);
            if (!answer.errorCode().isEmpty() || answer.ms < 0) {
                report.setFailed(QStringLiteral("%1: %2").arg(QLatin1StringView(c.name),
                    answer.errorCode().isEmpty() ? QStringLiteral("timeout") : answer.errorCode()));
                return;
            }
            latencies.add(qint64(answer.ms * 1000));
            results = answer.reply.value(QLatin1StringView("results")).toArray().size();
        }
        latencies.addTo(report.results(), QLatin1StringView(c.name));
        report.set(QLatin1StringView(c.name) + QStringLiteral("Results"), results);
        std::printf("  %-16s p50 %7.2f ms  p99 %7.2f ms  (%lld results)\n", c.name,
            latencies.ms(0.5), latencies.ms(0.99), results);
        std::fflush(stdout);
    }
    Q_UNUSED(server);
}

bool seedSearchDatabase(const Options &o, Report &report)
{
    if (QFileInfo::exists(o.db))
        return true;
    return seed(o, report);
}

} // namespace Hubbub::Bench
