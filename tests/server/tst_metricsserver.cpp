// The metrics port's HTTP side (server/metrics/metricsserver.h): what each path and method is
// answered, hostile request heads (garbage, oversized, slow, more connections than it serves
// at once) answered or dropped within their bounds while the WebSocket clients go on as before,
// and /healthz saying 503 with the reason when the writer or the network thread is stuck. The
// real binary where nothing inside needs reaching; an in-process server to stall its threads.
#include "metricsscrape.h"
#include "serverprocess.h"
#include "store/writer.h"
#include "testclient.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <future>
#include <memory>

using namespace Hubbub;
using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

namespace {

constexpr int ExchangeTimeoutMs = 5000; // ServerConfig::metricsTimeout
constexpr int MaxExchanges = 16; // ServerConfig::metricsMaxConnections

} // namespace

class tst_MetricsServer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void routes_data();
    void routes();
    void headOmitsTheBody();
    void hostileHeads_data();
    void hostileHeads();
    void slowHeadsAndTheConnectionCap();
    void portInUseStopsTheServer();
    void unhealthyWhenTheWriterIsStuck();
    void unhealthyWhenTheNetworkThreadIsStuck();

private:
    bool startBinary();
    //! A signed-in client of the binary, and whether it is answered within 1 s now.
    bool answersPromptly(TestClient &client);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ServerProcess> m_server;
    quint16 m_metricsPort = 0;
};

void tst_MetricsServer::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<ServerProcess>(
        QStringLiteral(HUBBUB_SERVER_BINARY), m_dir->filePath(u"hubbub.db"_s));
}

void tst_MetricsServer::cleanup()
{
    if (m_server && m_server->isRunning())
        QVERIFY2(m_server->terminate(), qPrintable(m_server->diagnostics()));
    m_server.reset();
    m_dir.reset();
}

bool tst_MetricsServer::startBinary()
{
    m_metricsPort = closedPort();
    if (m_metricsPort == 0
        || !m_server->start({u"--metrics-port"_s, QString::number(m_metricsPort)})) {
        qWarning("%s", qPrintable(m_server->diagnostics()));
        return false;
    }
    return true;
}

bool tst_MetricsServer::answersPromptly(TestClient &client)
{
    QElapsedTimer clock;
    clock.start();
    return isOk(client.request(u"ping"_s, {}, 1000)) && clock.elapsed() < 1000;
}

void tst_MetricsServer::routes_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body"); // empty: not compared

    const QByteArray host = "Host: 127.0.0.1\r\n\r\n";
    QTest::addRow("GET /healthz") << "GET /healthz HTTP/1.1\r\n" + host << 200
                                  << QByteArray("ok\n");
    QTest::addRow("GET /metrics") << "GET /metrics HTTP/1.1\r\n" + host << 200 << QByteArray();
    QTest::addRow("HTTP/1.0") << QByteArray("GET /healthz HTTP/1.0\r\n\r\n") << 200
                              << QByteArray("ok\n");
    QTest::addRow("a query is ignored")
        << "GET /metrics?name[]=x HTTP/1.1\r\n" + host << 200 << QByteArray();
    QTest::addRow("unknown path") << "GET /admin HTTP/1.1\r\n" + host << 404 << QByteArray();
    QTest::addRow("root") << "GET / HTTP/1.1\r\n" + host << 404 << QByteArray();
    QTest::addRow("a longer path") << "GET /metrics/x HTTP/1.1\r\n" + host << 404 << QByteArray();
    QTest::addRow("POST /metrics")
        << "POST /metrics HTTP/1.1\r\nContent-Length: 0\r\n" + host << 405 << QByteArray();
    QTest::addRow("POST with a body") << "POST /healthz HTTP/1.1\r\nContent-Length: 5\r\n" + host
            + "hello" << 405 << QByteArray();
    QTest::addRow("DELETE /healthz")
        << "DELETE /healthz HTTP/1.1\r\n" + host << 405 << QByteArray();
    QTest::addRow("a WebSocket upgrade")
        << "GET /metrics HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" + host << 200
        << QByteArray();
}

void tst_MetricsServer::routes()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(QByteArray, body);

    QVERIFY(startBinary());
    const HttpAnswer answer = httpExchange(m_metricsPort, request);
    QCOMPARE(answer.status, status);
    QVERIFY2(answer.closed, "the server keeps the connection open");
    QCOMPARE(answer.headers.value("connection"), QByteArray("close"));
    QCOMPARE(answer.headers.value("content-length").toLongLong(), answer.body.size());
    if (!body.isEmpty())
        QCOMPARE(answer.body, body);
    if (status == 405)
        QCOMPARE(answer.headers.value("allow"), QByteArray("GET, HEAD"));
    if (status == 200 && request.contains("/metrics")) {
        QString error;
        QVERIFY2(Exposition::parse(answer.body, &error), qPrintable(error));
    }
}

void tst_MetricsServer::headOmitsTheBody()
{
    QVERIFY(startBinary());
    for (const QByteArray path : {"/healthz", "/metrics"}) {
        const HttpAnswer get = httpRequest(m_metricsPort, "GET", path);
        const HttpAnswer head = httpRequest(m_metricsPort, "HEAD", path);
        QCOMPARE(head.status, 200);
        QVERIFY(head.closed);
        QVERIFY2(head.body.isEmpty(), head.body.constData());
        QCOMPARE(head.headers.value("content-type"), get.headers.value("content-type"));
        QVERIFY(head.headers.value("content-length").toLongLong() > 0);
    }
}

void tst_MetricsServer::hostileHeads_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");

    QTest::addRow("not HTTP") << QByteArray("hello there\r\n\r\n") << 400;
    QTest::addRow("no version") << QByteArray("GET /metrics\r\n\r\n") << 400;
    QTest::addRow("HTTP/2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") << 400;
    QTest::addRow("lower-case method") << QByteArray("get /metrics HTTP/1.1\r\n\r\n") << 400;
    QTest::addRow("absolute target") << QByteArray("GET http://x/metrics HTTP/1.1\r\n\r\n") << 400;
    QTest::addRow("binary") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n",
        16) << 400;
    QTest::addRow("a TLS ClientHello, never a blank line")
        << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11) + QByteArray(9000, 'x')
        << 431;
    QTest::addRow("a header of 9 KiB")
        << "GET /metrics HTTP/1.1\r\nX-Padding: " + QByteArray(9 * 1024, 'a') + "\r\n\r\n"
        << 431;
    QTest::addRow("100 KiB without an end")
        << "GET /metrics HTTP/1.1\r\n" + QByteArray(100 * 1024, 'b') << 431;
    QTest::addRow("8 KiB exactly, then the end")
        << "GET /healthz HTTP/1.1\r\nX-Padding: " + QByteArray(8 * 1024 - 38, 'c') + "\r\n\r\n"
        << 200;
}

void tst_MetricsServer::hostileHeads()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);

    QVERIFY(startBinary());
    TestClient client;
    QVERIFY(client.open(m_server->url()));
    QVERIFY(isOk(client.registerUser(u"ada"_s)));

    const HttpAnswer answer = httpExchange(m_metricsPort, request);
    QCOMPARE(answer.status, status);
    QVERIFY2(answer.closed, "the server keeps the connection open");
    QVERIFY(answer.elapsedMs < ExchangeTimeoutMs); // answered at once, not timed out
    QVERIFY(answersPromptly(client));
    QCOMPARE(httpRequest(m_metricsPort, "GET", "/healthz").status, 200);
}

void tst_MetricsServer::slowHeadsAndTheConnectionCap()
{
    QVERIFY(startBinary());
    TestClient client;
    QVERIFY(client.open(m_server->url()));
    QVERIFY(isOk(client.registerUser(u"ada"_s)));

    // More silent connections than the port serves at once; one sends half a request line.
    constexpr int Silent = MaxExchanges + 4;
    std::vector<std::unique_ptr<QTcpSocket>> silent;
    std::vector<QByteArray> heard(Silent);
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < Silent; ++i) {
        silent.push_back(std::make_unique<QTcpSocket>());
        QTcpSocket *socket = silent.back().get();
        connect(socket, &QTcpSocket::readyRead, socket,
            [socket, &heard, i] { heard[std::size_t(i)] += socket->readAll(); });
        socket->connectToHost(QHostAddress::LocalHost, m_metricsPort);
        QVERIFY(socket->waitForConnected(5000));
    }
    silent.front()->write("GET /metr");

    // A scrape now waits for a free exchange: the first silent ones are dropped after the
    // exchange timeout, and it is served then. The WebSocket side is unaffected meanwhile.
    QVERIFY(answersPromptly(client));
    const HttpAnswer health = httpRequest(m_metricsPort, "GET", "/healthz", 3 * ExchangeTimeoutMs);
    QCOMPARE(health.status, 200);
    QVERIFY2(
        health.elapsedMs < 2 * ExchangeTimeoutMs, qPrintable(QString::number(health.elapsedMs)));
    QVERIFY(answersPromptly(client));

    // Every silent connection is answered 408 and closed within two timeouts.
    QVERIFY(QTest::qWaitFor(
        [&silent] {
            return std::all_of(silent.cbegin(), silent.cend(), [](const auto &socket) {
                return socket->state() == QAbstractSocket::UnconnectedState;
            });
        },
        3 * ExchangeTimeoutMs));
    QVERIFY(clock.elapsed() >= ExchangeTimeoutMs); // not dropped before their time
    for (std::size_t i = 0; i < silent.size(); ++i) {
        heard[i] += silent[i]->readAll();
        QVERIFY2(heard[i].startsWith("HTTP/1.1 408 "), heard[i].constData());
    }
    QVERIFY(answersPromptly(client));
}

void tst_MetricsServer::portInUseStopsTheServer()
{
    QTcpServer taken;
    QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
    QVERIFY(!m_server->start({u"--metrics-port"_s, QString::number(taken.serverPort())}));
    QVERIFY(m_server->waitForExit());
    QCOMPARE(m_server->process().exitCode(), 1);
    const QByteArray expected = "hubbub-server: cannot listen for metrics on 127.0.0.1:"
        + QByteArray::number(taken.serverPort());
    QVERIFY2(m_server->standardError().contains(expected), m_server->standardError().constData());
}

void tst_MetricsServer::unhealthyWhenTheWriterIsStuck()
{
    TestServer server;
    server.config().metricsPort = 0;
    server.config().healthWriterBound = std::chrono::milliseconds(300);
    QVERIFY(server.start());
    const quint16 port = server.server()->metricsPort();
    QVERIFY(port != 0);
    QCOMPARE(httpRequest(port, "GET", "/healthz").status, 200);

    // A job that holds the writer's transaction until the test lets it go (10 s at most).
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    server.server()->writer().submit(
        [released](Server::WriteTx &) -> Result<QJsonObject> {
            released.wait_for(std::chrono::seconds(10));
            return QJsonObject();
        },
        nullptr);
    HttpAnswer health;
    QTRY_VERIFY_WITH_TIMEOUT((health = httpRequest(port, "GET", "/healthz")).status == 503, 5000);
    QVERIFY2(health.body.startsWith("the writer has been in one transaction for "),
        health.body.constData());
    // /metrics still answers: the writer's numbers are what an operator wants to see now.
    QCOMPARE(httpRequest(port, "GET", "/metrics").status, 200);

    release.set_value();
    QTRY_COMPARE_WITH_TIMEOUT(httpRequest(port, "GET", "/healthz").status, 200, 5000);
}

void tst_MetricsServer::unhealthyWhenTheNetworkThreadIsStuck()
{
    TestServer server;
    server.config().metricsPort = 0;
    server.config().healthNetworkBound = std::chrono::milliseconds(300);
    QVERIFY(server.start());
    const quint16 port = server.server()->metricsPort();
    QCOMPARE(httpRequest(port, "GET", "/healthz").status, 200);

    for (const QByteArray path : {"/healthz", "/metrics"}) {
        // The in-process server's network thread is this one: the request goes out, then this
        // thread stops answering for longer than the bound.
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET " + path + " HTTP/1.1\r\n\r\n");
        QVERIFY(socket.waitForBytesWritten(5000));
        QThread::msleep(1500);
        QVERIFY(socket.waitForDisconnected(5000) || socket.bytesAvailable() > 0);
        const QByteArray answer = socket.readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 503 "), answer.constData());
        QVERIFY2(answer.endsWith("\r\n\r\nthe network thread did not answer within 300 ms\n"),
            answer.constData());
    }
    QCOMPARE(httpRequest(port, "GET", "/healthz").status, 200);
}

QTEST_GUILESS_MAIN(tst_MetricsServer)
#include "tst_metricsserver.moc"
