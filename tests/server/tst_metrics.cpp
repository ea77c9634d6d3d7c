// The metrics port against the real hubbub-server binary (server/metrics/): off unless
// --metrics-port, on loopback unless --metrics-address, and /metrics scraped during a bounded
// load of real WebSocket clients and after it. Every scrape is parsed strictly (Exposition:
// # HELP and # TYPE for every sample, histograms cumulative with _count = +Inf), counters never
// go back between scrapes, and the numbers are the ones the test caused: requests by type and
// errors by type and code exactly, events and deliveries exactly, connections and sign-ins as
// the clients stand, unsent bytes while a peer stops reading; also over wss://.
#include "metrics/metrics.h"
#include "metricsscrape.h"
#include "rawpeer.h"
#include "serverprocess.h"
#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Hubbub;
using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

namespace {

constexpr int Users = 6;
constexpr int Rounds = 5;
constexpr int PerRound = 3; // posts and as many chat messages per client and round

using Labels = QList<std::pair<QString, QString>>;

} // namespace

class tst_Metrics final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void histogramBuckets();
    void parserRejects_data();
    void parserRejects();
    void offByDefault();
    void loopbackByDefault_data();
    void loopbackByDefault();
    void scrapeDuringLoad();
    void unsentBytesOfASlowReader();
    void overTls();

private:
    bool start(const QStringList &arguments);
    //! GET /metrics, parsed; nullopt (and m_scrapeError says why) when it breaks a rule.
    std::optional<Exposition> scrape();
    double gauge(const char *name);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ServerProcess> m_server;
    quint16 m_metricsPort = 0;
    QString m_scrapeError;
};

void tst_Metrics::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<ServerProcess>(
        QStringLiteral(HUBBUB_SERVER_BINARY), m_dir->filePath(u"hubbub.db"_s));
}

void tst_Metrics::cleanup()
{
    if (m_server && m_server->isRunning())
        QVERIFY2(m_server->terminate(), qPrintable(m_server->diagnostics()));
    m_server.reset();
    m_dir.reset();
}

bool tst_Metrics::start(const QStringList &arguments)
{
    if (!m_server->start(arguments)) {
        qWarning("%s", qPrintable(m_server->diagnostics()));
        return false;
    }
    return true;
}

std::optional<Exposition> tst_Metrics::scrape()
{
    const HttpAnswer answer = httpRequest(m_metricsPort, "GET", "/metrics");
    if (answer.status != 200) {
        m_scrapeError = u"status %1: %2"_s.arg(answer.status).arg(QString::fromUtf8(answer.body));
        return std::nullopt;
    }
    if (answer.headers.value("content-type") != "text/plain; version=0.0.4; charset=utf-8") {
        m_scrapeError
            = u"content type "_s + QString::fromLatin1(answer.headers.value("content-type"));
        return std::nullopt;
    }
    if (answer.headers.value("content-length").toLongLong() != answer.body.size()) {
        m_scrapeError = u"Content-Length does not match the body"_s;
        return std::nullopt;
    }
    return Exposition::parse(answer.body, &m_scrapeError);
}

void tst_Metrics::histogramBuckets()
{
    // "le" is inclusive: a value on a bound counts in that bucket; above the last, in +Inf only.
    Server::Metrics metrics;
    for (double jobs : {1.0, 3.0, 4.0, 5000.0})
        metrics.writerBatchJobs.observe(jobs);
    const Server::Histogram::Snapshot snapshot = metrics.writerBatchJobs.snapshot();
    QCOMPARE(snapshot.bounds.size() + 1, snapshot.cumulative.size());
    QCOMPARE(snapshot.bounds.front(), 1.0);
    QCOMPARE(snapshot.bounds.back(), 4096.0);
    QCOMPARE(snapshot.cumulative[0], 1u); // le=1
    QCOMPARE(snapshot.cumulative[1], 1u); // le=2
    QCOMPARE(snapshot.cumulative[2], 3u); // le=4: 3 and 4
    QCOMPARE(snapshot.cumulative[snapshot.bounds.size() - 1], 3u); // le=4096
    QCOMPARE(snapshot.count(), 4u); // +Inf
    QCOMPARE(snapshot.sum, 5008.0);

    // The same numbers in the exposition, which the strict parser accepts.
    QString error;
    const std::optional<Exposition> parsed = Exposition::parse(
        metrics.exposition(Server::NetworkSample(), Server::DiskSample()), &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(parsed->value(u"hubbub_writer_batch_jobs_bucket"_s, {{u"le"_s, u"4"_s}}), 3.0);
    QCOMPARE(parsed->value(u"hubbub_writer_batch_jobs_bucket"_s, {{u"le"_s, u"+Inf"_s}}), 4.0);
    QCOMPARE(parsed->value(u"hubbub_writer_batch_jobs_count"_s), 4.0);
    QCOMPARE(parsed->value(u"hubbub_writer_batch_jobs_sum"_s), 5008.0);
    QCOMPARE(
        parsed->value(u"hubbub_writer_commit_duration_seconds_bucket"_s, {{u"le"_s, u"0.0005"_s}}),
        0.0);
    // Unknown disk figures are left out rather than shown as -1.
    QVERIFY(!parsed->value(u"hubbub_database_size_bytes"_s));
    QVERIFY(!parsed->value(u"hubbub_database_filesystem_free_bytes"_s));
}

void tst_Metrics::parserRejects_data()
{
    // The checker is what the scrapes are held to, so it must catch each broken rule.
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("problem");

    const QByteArray help = "# HELP h_seconds Time.\n# TYPE h_seconds histogram\n";
    QTest::addRow("no HELP") << QByteArray("# TYPE a gauge\na 1\n") << u"HELP"_s;
    QTest::addRow("no TYPE") << QByteArray("# HELP a A.\na 1\n") << u"TYPE"_s;
    QTest::addRow("TYPE after the sample")
        << QByteArray("# HELP a A.\na 1\n# TYPE a gauge\n") << u"TYPE"_s;
    QTest::addRow("counter without _total")
        << QByteArray("# HELP a A.\n# TYPE a counter\na 1\n") << u"_total"_s;
    QTest::addRow("negative counter")
        << QByteArray("# HELP a_total A.\n# TYPE a_total counter\na_total -1\n") << u"below 0"_s;
    QTest::addRow("repeated series")
        << QByteArray("# HELP a A.\n# TYPE a gauge\na{x=\"1\"} 1\na{x=\"1\"} 2\n") << u"repeated"_s;
    QTest::addRow("bad label") << QByteArray("# HELP a A.\n# TYPE a gauge\na{x=1} 1\n")
                               << u"labels"_s;
    QTest::addRow("bad value") << QByteArray("# HELP a A.\n# TYPE a gauge\na one\n") << u"value"_s;
    QTest::addRow("no final line feed")
        << QByteArray("# HELP a A.\n# TYPE a gauge\na 1") << u"line feed"_s;
    QTest::addRow("bucket decreasing") << help
            + "h_seconds_bucket{le=\"1\"} 5\nh_seconds_bucket{le=\"+Inf\"} 4\n"
              "h_seconds_sum 1\nh_seconds_count 4\n"
                                       << u"below"_s;
    QTest::addRow("le not ascending") << help
            + "h_seconds_bucket{le=\"2\"} 1\nh_seconds_bucket{le=\"1\"} 1\n"
              "h_seconds_bucket{le=\"+Inf\"} 1\nh_seconds_sum 1\nh_seconds_count 1\n"
                                      << u"ascending"_s;
    QTest::addRow("no +Inf") << help
            + "h_seconds_bucket{le=\"1\"} 1\nh_seconds_sum 1\nh_seconds_count 1\n"
                             << u"+Inf"_s;
    QTest::addRow("count is not +Inf") << help
            + "h_seconds_bucket{le=\"1\"} 1\nh_seconds_bucket{le=\"+Inf\"} 2\n"
              "h_seconds_sum 1\nh_seconds_count 3\n"
                                       << u"_count"_s;
    QTest::addRow("no _sum") << help + "h_seconds_bucket{le=\"+Inf\"} 2\nh_seconds_count 2\n"
                             << u"_sum"_s;
    QTest::addRow("samples apart")
        << QByteArray("# HELP a A.\n# TYPE a gauge\n# HELP b B.\n# TYPE b gauge\n"
                      "a{x=\"1\"} 1\nb 1\na{x=\"2\"} 1\n")
        << u"together"_s;
}

void tst_Metrics::parserRejects()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, problem);

    QString error;
    QVERIFY(!Exposition::parse(text, &error));
    QVERIFY2(error.contains(problem), qPrintable(error));
    // The same family, well formed, passes.
    QVERIFY(Exposition::parse("# HELP a A.\n# TYPE a gauge\na{x=\"\\\"q\\\"\"} 1\n", &error));
}

void tst_Metrics::offByDefault()
{
    QVERIFY(start({}));
    const auto sockets = listeningSockets(m_server->process().processId());
    if (!sockets)
        QSKIP("listening sockets are read from /proc (Linux)");
    // Only the WebSocket port: nothing else listens.
    QCOMPARE(sockets->size(), 1);
    QCOMPARE(sockets->first().second, m_server->port());
}

void tst_Metrics::loopbackByDefault_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("address");

    QTest::addRow("no address: IPv4 loopback") << QStringList() << u"127.0.0.1"_s;
    QTest::addRow("IPv6 loopback") << QStringList {u"--metrics-address"_s, u"::1"_s} << u"::1"_s;
}

void tst_Metrics::loopbackByDefault()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, address);

    m_metricsPort = closedPort();
    QVERIFY(m_metricsPort != 0);
    QVERIFY(start(QStringList {u"--metrics-port"_s, QString::number(m_metricsPort)} + arguments));
    const auto sockets = listeningSockets(m_server->process().processId());
    if (!sockets)
        QSKIP("listening sockets are read from /proc (Linux)");
    QCOMPARE(sockets->size(), 2);
    QVERIFY2(sockets->contains(std::pair(QHostAddress(address), m_metricsPort)),
        qPrintable(u"the metrics port is not on %1 alone"_s.arg(address)));
    if (address == u"127.0.0.1") {
        const HttpAnswer health = httpRequest(m_metricsPort, "GET", "/healthz");
        QCOMPARE(health.status, 200);
        QCOMPARE(health.body, QByteArray("ok\n"));
    }
}

void tst_Metrics::scrapeDuringLoad()
{
    m_metricsPort = closedPort();
    QVERIFY(m_metricsPort != 0);
    QVERIFY(start({u"--metrics-port"_s, QString::number(m_metricsPort)}));

    std::vector<std::unique_ptr<TestClient>> clients;
    for (int i = 0; i < Users; ++i) {
        clients.push_back(std::make_unique<TestClient>());
        QVERIFY(clients.back()->open(m_server->url()));
        const QJsonObject registered = clients.back()->registerUser(u"user%1"_s.arg(i));
        QVERIFY2(isOk(registered), qPrintable(dump(registered)));
    }
    // A second device of user0, and a stranger who only said hello.
    TestClient second;
    QVERIFY(second.open(m_server->url()));
    QVERIFY(isOk(second.request(u"hello"_s, {{u"protocol"_s, 1}})));
    QVERIFY(isOk(second.login(u"user0"_s)));
    TestClient stranger;
    QVERIFY(stranger.open(m_server->url()));
    QVERIFY(isOk(stranger.request(u"hello"_s, {{u"protocol"_s, 1}})));

    std::optional<Exposition> before = scrape();
    QVERIFY2(before, qPrintable(m_scrapeError));
    QCOMPARE(before->value(u"hubbub_connections"_s), Users + 2.0);
    QCOMPARE(before->value(u"hubbub_authenticated_connections"_s), Users + 1.0);
    QCOMPARE(before->value(u"hubbub_signed_in_users"_s), double(Users));
    QCOMPARE(before->value(u"hubbub_listening"_s), 1.0);
    const Exposition baseline = *before;

    // The load: every client sends its round at once, the scrape goes while the replies and
    // events are on their way, then every reply is checked.
    QHash<QString, int> sent; // request type -> frames sent after the baseline
    int scrapes = 0;
    for (int round = 0; round < Rounds; ++round) {
        QList<std::pair<TestClient *, qint64>> pending;
        for (const auto &client : clients) {
            for (int i = 0; i < PerRound; ++i) {
                pending.append({client.get(),
                    client->send(u"post.create"_s,
                        {{u"title"_s, u"round %1 post %2"_s.arg(round).arg(i)},
                            {u"content"_s, QString()}})});
                pending.append({client.get(),
                    client->send(u"chat.send"_s,
                        {{u"channelId"_s, 1}, {u"text"_s, u"round %1 #%2"_s.arg(round).arg(i)}})});
            }
            sent[u"post.create"_s] += PerRound;
            sent[u"chat.send"_s] += PerRound;
        }
        const std::optional<Exposition> during = scrape();
        QVERIFY2(during, qPrintable(m_scrapeError));
        ++scrapes;
        const QString back = firstDecrease(*before, *during);
        QVERIFY2(back.isEmpty(), qPrintable(back));
        before = during;
        for (const auto &[client, id] : std::as_const(pending)) {
            const QJsonObject reply = client->waitReply(id);
            QVERIFY2(isOk(reply), qPrintable(dump(reply)));
        }
    }
    const int events = Users * Rounds * PerRound * 2;

    // One bad request of each kind; what the replies say is what the metrics must count.
    QHash<std::pair<QString, QString>, int> errors; // (type, code) -> replies
    const auto expectError = [&errors, &sent](const QString &type, const QJsonObject &reply) {
        ++sent[type];
        const QString code = errorCode(reply);
        if (!code.isEmpty())
            ++errors[{type, code}];
        return !code.isEmpty();
    };
    TestClient &ada = *clients.front();
    QVERIFY(expectError(u"post.create"_s,
        stranger.request(u"post.create"_s, {{u"title"_s, u"x"_s}, {u"content"_s, QString()}})));
    QVERIFY(expectError(u"post.create"_s,
        ada.request(u"post.create"_s, {{u"title"_s, QString()}, {u"content"_s, QString()}})));
    QVERIFY(expectError(u"post.delete"_s, ada.request(u"post.delete"_s, {{u"postId"_s, 999999}})));
    QVERIFY(expectError(
        u"channel.create"_s, ada.request(u"channel.create"_s, {{u"name"_s, u"General"_s}})));
    QVERIFY(expectError(u"admin.users"_s, clients.back()->request(u"admin.users"_s)));
    ada.sendRaw(u"this is not JSON"_s);
    QVERIFY(expectError(u"unknown"_s, ada.waitNullIdReply()));
    ada.sendRaw(u"{\"type\":\"no.such.verb\",\"id\":900001}"_s);
    QVERIFY(expectError(u"unknown"_s, ada.waitReply(900001)));
    QSet<QString> codes;
    for (auto it = errors.cbegin(); it != errors.cend(); ++it)
        codes.insert(it.key().second);
    QVERIFY2(codes.size() >= 4, qPrintable(QStringList(codes.cbegin(), codes.cend()).join(u' ')));

    const std::optional<Exposition> after = scrape();
    QVERIFY2(after, qPrintable(m_scrapeError));
    ++scrapes;
    const QString back = firstDecrease(*before, *after);
    QVERIFY2(back.isEmpty(), qPrintable(back));
    QCOMPARE(scrapes, Rounds + 1);

    // Requests by type: exactly what was sent since the baseline.
    for (auto it = sent.cbegin(); it != sent.cend(); ++it) {
        const Labels type {{u"type"_s, it.key()}};
        QCOMPARE(after->valueOr0(u"hubbub_requests_total"_s, type)
                - baseline.valueOr0(u"hubbub_requests_total"_s, type),
            double(*it));
    }
    // Errors by type and code: exactly the replies, and no others.
    double allErrors = 0;
    const QHash<QString, double> growing = after->growingSeries();
    for (auto it = growing.cbegin(); it != growing.cend(); ++it) {
        if (it.key().startsWith(u"hubbub_errors_total{"))
            allErrors += *it;
    }
    int errorReplies = 0;
    for (auto it = errors.cbegin(); it != errors.cend(); ++it) {
        const Labels labels {{u"type"_s, it.key().first}, {u"code"_s, it.key().second}};
        QCOMPARE(after->valueOr0(u"hubbub_errors_total"_s, labels)
                - baseline.valueOr0(u"hubbub_errors_total"_s, labels),
            double(*it));
        errorReplies += *it;
    }
    double baselineErrors = 0;
    const QHash<QString, double> earlier = baseline.growingSeries();
    for (auto it = earlier.cbegin(); it != earlier.cend(); ++it) {
        if (it.key().startsWith(u"hubbub_errors_total{"))
            baselineErrors += *it;
    }
    QCOMPARE(allErrors - baselineErrors, double(errorReplies));

    // Each post and message is one event, sent to each of the Users + 1 signed-in connections.
    QCOMPARE(after->valueOr0(u"hubbub_events_stored_total"_s)
            - baseline.valueOr0(u"hubbub_events_stored_total"_s),
        double(events));
    QCOMPARE(after->valueOr0(u"hubbub_deliveries_total"_s)
            - baseline.valueOr0(u"hubbub_deliveries_total"_s),
        double(events * (Users + 1)));
    // One batch-size and one commit-time observation per writer transaction; every change
    // (and every failed one) was a job in one.
    QCOMPARE(after->value(u"hubbub_writer_batch_jobs_count"_s),
        after->value(u"hubbub_writer_commit_duration_seconds_count"_s));
    QVERIFY(after->valueOr0(u"hubbub_writer_batch_jobs_sum"_s)
            - baseline.valueOr0(u"hubbub_writer_batch_jobs_sum"_s)
        >= events);
    QVERIFY(after->valueOr0(u"hubbub_writer_commit_duration_seconds_sum"_s) > 0);

    QVERIFY(after->valueOr0(u"hubbub_database_size_bytes"_s) > 0);
    QVERIFY(after->valueOr0(u"hubbub_database_filesystem_free_bytes"_s) > 0);
    QVERIFY(after->value(u"hubbub_unsent_bytes"_s).value_or(-1) >= 0);
    QVERIFY(after->valueOr0(u"hubbub_uptime_seconds"_s) > 0);
    QVERIFY(after->valueOr0(u"hubbub_start_time_seconds"_s)
        > double(QDateTime::currentSecsSinceEpoch() - 3600));
    QCOMPARE(after->value(u"hubbub_build_info"_s,
                 {{u"version"_s, QStringLiteral(HUBBUB_VERSION)},
                     {u"qt"_s, QString::fromLatin1(qVersion())}}),
        1.0);

    // Clients leave: the gauges follow.
    clients.back()->close();
    second.close();
    stranger.close();
    std::optional<Exposition> last;
    QTRY_VERIFY_WITH_TIMEOUT(
        (last = scrape()) && last->value(u"hubbub_connections"_s) == Users - 1.0, 10000);
    QCOMPARE(last->value(u"hubbub_authenticated_connections"_s), Users - 1.0);
    QCOMPARE(last->value(u"hubbub_signed_in_users"_s), Users - 1.0);
}

void tst_Metrics::unsentBytesOfASlowReader()
{
    // In process, to give the server a small bound and the reader a small buffer.
    TestServer server;
    server.config().metricsPort = 0;
    server.config().requestsPerSecond = 1e6; // the poster pipelines; rates are not under test
    server.config().requestBurst = 1e6;
    QVERIFY(server.start());
    m_metricsPort = server.server()->metricsPort();

    RawPeer::Options options;
    options.receiveBufferBytes = 4096;
    RawPeer slow(options);
    QVERIFY(slow.open(server.url()));
    QVERIFY(isOk(slow.request(
        u"auth.register"_s, {{u"username"_s, u"sloth"_s}, {u"password"_s, u"correct horse"_s}})));
    TestClient poster;
    QVERIFY(poster.open(server.url()));
    QVERIFY(isOk(poster.registerUser(u"poster"_s)));
    QCOMPARE(gauge("hubbub_unsent_bytes"), 0.0);

    // The slow peer stops reading; posts pile up in the kernel's buffers, then in the server.
    slow.stopReading(4096);
    const QString filler(2000, u'x');
    double unsent = 0;
    int posted = 0;
    for (; posted < 4000 && unsent == 0; posted += 100) {
        QList<qint64> ids;
        for (int i = 0; i < 100; ++i) {
            ids.append(poster.send(u"post.create"_s,
                {{u"title"_s, u"p%1"_s.arg(posted + i)}, {u"content"_s, filler}}));
        }
        for (qint64 id : std::as_const(ids))
            QVERIFY(isOk(poster.waitReply(id, 30000)));
        unsent = gauge("hubbub_unsent_bytes");
    }
    QVERIFY2(unsent > 0, "nothing waited in the server for the slow reader");
    qInfo("%.0f bytes waited for the slow reader after %d posts", unsent, posted);
    QVERIFY(unsent <= double(server.config().maxOutgoingBufferBytes));
    QCOMPARE(gauge("hubbub_connections"), 2.0); // not dropped: below its bound

    // Once it reads again, what waited goes out.
    slow.resumeReading();
    QTRY_VERIFY_WITH_TIMEOUT((slow.pump(), gauge("hubbub_unsent_bytes") == 0), 30000);
}

void tst_Metrics::overTls()
{
    // wss:// (the default): the metrics port stays plain HTTP on loopback, and the connection
    // gauges and unsent bytes read through the TLS transport.
    m_metricsPort = closedPort();
    QVERIFY(m_metricsPort != 0);
    QVERIFY(start({u"--tls"_s, u"on"_s, u"--metrics-port"_s, QString::number(m_metricsPort)}));
    QVERIFY(m_server->isTls());
    TestClient client;
    client.trust(m_server->fingerprint());
    QVERIFY(client.open(m_server->url()));
    QVERIFY(isOk(client.registerUser(u"ada"_s)));
    QVERIFY(isOk(client.request(u"post.create"_s, {{u"title"_s, u"Hi"_s}, {u"content"_s, u""_s}})));

    const std::optional<Exposition> scraped = scrape();
    QVERIFY2(scraped, qPrintable(m_scrapeError));
    QCOMPARE(scraped->value(u"hubbub_connections"_s), 1.0);
    QCOMPARE(scraped->value(u"hubbub_authenticated_connections"_s), 1.0);
    QCOMPARE(scraped->value(u"hubbub_unsent_bytes"_s), 0.0);
    QCOMPARE(scraped->value(u"hubbub_requests_total"_s, {{u"type"_s, u"post.create"_s}}), 1.0);
    QCOMPARE(scraped->value(u"hubbub_deliveries_total"_s), 1.0);
}

double tst_Metrics::gauge(const char *name)
{
    const std::optional<Exposition> scraped = scrape();
    if (!scraped) {
        qWarning("scrape: %s", qPrintable(m_scrapeError));
        return -1;
    }
    return scraped->value(QString::fromLatin1(name)).value_or(-1);
}

QTEST_GUILESS_MAIN(tst_Metrics)
#include "tst_metrics.moc"
