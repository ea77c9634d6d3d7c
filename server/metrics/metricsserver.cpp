#include "metrics/metricsserver.h"

#include "logging.h"
#include "store/writer.h"

#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace Hubbub::Server {

namespace {

//! What a request head asks for, once its request line is read.
struct Request
{
    QByteArray method;
    QByteArray path; //!< without the query
};

//! One answer; `body` is left out on the wire for HEAD (Content-Length still says its size).
struct Answer
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "text/plain; charset=utf-8";
    QByteArray extraHeaders;
};

const char *statusText(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 431:
        return "Request Header Fields Too Large";
    case 503:
        return "Service Unavailable";
    }
    return "Error";
}

Answer plain(int status, const QByteArray &line)
{
    Answer answer;
    answer.status = status;
    answer.body = line + '\n';
    return answer;
}

//! The request line of a complete head ("GET /metrics HTTP/1.1"); nullopt when it is not one.
std::optional<Request> parseRequestLine(const QByteArray &head)
{
    const qsizetype end = head.indexOf("\r\n");
    const QList<QByteArray> parts = head.left(end).split(' ');
    if (parts.size() != 3 || parts[0].isEmpty() || !parts[1].startsWith('/')
        || !parts[2].startsWith("HTTP/1."))
        return std::nullopt;
    for (char c : parts[0]) {
        if (c < 'A' || c > 'Z')
            return std::nullopt;
    }
    Request request;
    request.method = parts[0];
    const qsizetype query = parts[1].indexOf('?');
    request.path = query < 0 ? parts[1] : parts[1].left(query);
    return request;
}

} // namespace

//! The listening side, on the HTTP thread: at most metricsMaxConnections exchanges at once.
class MetricsServer::Endpoint final : public QObject
{
public:
    Endpoint(MetricsServer &owner, const ServerConfig &config)
        : m_owner(owner)
        , m_config(config)
    { }

    bool listen(const QHostAddress &address, quint16 port, QString *error);
    void exchangeFinished();
    MetricsServer &owner() { return m_owner; }
    const ServerConfig &config() const { return m_config; }
    QTcpServer *server() const { return m_server; }

private:
    void accept();

    MetricsServer &m_owner;
    const ServerConfig &m_config;
    QTcpServer *m_server = nullptr;
    int m_open = 0;
};

//! One request and its answer on one connection, within the head limit and the deadline.
class MetricsServer::Exchange final : public QObject
{
public:
    Exchange(QTcpSocket *socket, Endpoint &endpoint);

    //! The network thread's answer (on the HTTP thread).
    void sampled(const NetworkSample &sample);

private:
    enum class State { Reading, Sampling, Answering, Done };
    void onReadyRead();
    void onHead();
    void answer(const Answer &answer);
    void finish();
    Answer metricsAnswer(const NetworkSample &sample) const;
    Answer healthAnswer(const std::optional<NetworkSample> &sample) const;

    QTcpSocket *m_socket;
    Endpoint &m_endpoint;
    QByteArray m_head;
    Request m_request;
    State m_state = State::Reading;
    QTimer m_deadline;
    QTimer m_sampleBound;
};

bool MetricsServer::Endpoint::listen(const QHostAddress &address, quint16 port, QString *error)
{
    m_server = new QTcpServer(this);
    m_server->setMaxPendingConnections(m_config.metricsMaxConnections);
    connect(m_server, &QTcpServer::newConnection, this, &Endpoint::accept);
    if (!m_server->listen(address, port)) {
        *error = m_server->errorString();
        return false;
    }
    return true;
}

void MetricsServer::Endpoint::accept()
{
    while (m_open < m_config.metricsMaxConnections && m_server->hasPendingConnections()) {
        QTcpSocket *socket = m_server->nextPendingConnection();
        ++m_open;
        new Exchange(socket, *this);
    }
    // The rest wait in the listen backlog until an exchange ends.
    if (m_open >= m_config.metricsMaxConnections)
        m_server->pauseAccepting();
}

void MetricsServer::Endpoint::exchangeFinished()
{
    if (m_open-- == m_config.metricsMaxConnections) {
        m_server->resumeAccepting();
        QTimer::singleShot(0, this, &Endpoint::accept); // any already accepted by Qt
    }
}

MetricsServer::Exchange::Exchange(QTcpSocket *socket, Endpoint &endpoint)
    : QObject(&endpoint)
    , m_socket(socket)
    , m_endpoint(endpoint)
{
    m_socket->setParent(this);
    // Never more than the head limit, and a little beyond to see that it was passed.
    m_socket->setReadBufferSize(endpoint.config().metricsHeadBytes + 1);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        if (m_state == State::Reading)
            answer(plain(408, "The request head did not arrive in time."));
        else
            m_socket->abort(); // it does not read its answer
    });
    m_deadline.start(endpoint.config().metricsTimeout);
    m_sampleBound.setSingleShot(true);
    connect(&m_sampleBound, &QTimer::timeout, this, [this] {
        if (m_state == State::Sampling)
            answer(healthAnswer(std::nullopt));
    });
    connect(m_socket, &QTcpSocket::readyRead, this, &Exchange::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &Exchange::finish);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this] {
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            finish();
    });
    onReadyRead(); // what came with the connection
}

void MetricsServer::Exchange::onReadyRead()
{
    if (m_state != State::Reading) {
        m_socket->readAll(); // a body or more requests: read and dropped, answered once only
        return;
    }
    const int limit = m_endpoint.config().metricsHeadBytes;
    m_head += m_socket->read(limit + 1 - m_head.size());
    if (m_head.contains("\r\n\r\n"))
        onHead();
    else if (m_head.size() > limit)
        answer(plain(431, "The request head is too large."));
}

void MetricsServer::Exchange::onHead()
{
    const std::optional<Request> request = parseRequestLine(m_head);
    if (!request) {
        answer(plain(400, "This is not an HTTP/1.x request."));
        return;
    }
    m_request = *request;
    if (m_request.path != "/metrics" && m_request.path != "/healthz") {
        answer(plain(404, "Only /metrics and /healthz are here."));
        return;
    }
    if (m_request.method != "GET" && m_request.method != "HEAD") {
        Answer refused = plain(405, "Only GET and HEAD are allowed.");
        refused.extraHeaders = "Allow: GET, HEAD\r\n";
        answer(refused);
        return;
    }
    m_state = State::Sampling;
    m_sampleBound.start(m_endpoint.config().healthNetworkBound);
    m_endpoint.owner().requestSample(this);
}

void MetricsServer::Exchange::sampled(const NetworkSample &sample)
{
    if (m_state != State::Sampling)
        return;
    m_sampleBound.stop();
    answer(m_request.path == "/metrics" ? metricsAnswer(sample) : healthAnswer(sample));
}

Answer MetricsServer::Exchange::metricsAnswer(const NetworkSample &sample) const
{
    const Sources &sources = m_endpoint.owner().m_sources;
    Answer answer;
    answer.contentType = "text/plain; version=0.0.4; charset=utf-8";
    answer.body = sources.metrics.exposition(sample, DiskSample::read(sources.databasePath));
    return answer;
}

Answer MetricsServer::Exchange::healthAnswer(const std::optional<NetworkSample> &sample) const
{
    const ServerConfig &config = m_endpoint.config();
    if (!sample) {
        // Also what /metrics answers then: a server that cannot serve its clients is down.
        return plain(503,
            QByteArray("the network thread did not answer within ")
                + QByteArray::number(config.healthNetworkBound.count()) + " ms");
    }
    if (!sample->listening)
        return plain(503, "not listening (starting or shutting down)");
    const Writer &writer = m_endpoint.owner().m_sources.writer;
    if (!writer.isRunning())
        return plain(503, "the writer thread is not running");
    if (const qint64 busy = writer.busyForMs(); busy > config.healthWriterBound.count()) {
        return plain(503,
            QByteArray("the writer has been in one transaction for ") + QByteArray::number(busy)
                + " ms");
    }
    return plain(200, "ok");
}

void MetricsServer::Exchange::answer(const Answer &answer)
{
    if (m_state == State::Answering || m_state == State::Done)
        return;
    m_state = State::Answering;
    m_sampleBound.stop();
    QByteArray response = "HTTP/1.1 " + QByteArray::number(answer.status) + ' '
        + statusText(answer.status) + "\r\nContent-Type: " + answer.contentType
        + "\r\nContent-Length: " + QByteArray::number(answer.body.size())
        + "\r\nCache-Control: no-store\r\nConnection: close\r\n" + answer.extraHeaders + "\r\n";
    if (m_request.method != "HEAD")
        response += answer.body;
    m_socket->write(response);
    m_socket->disconnectFromHost(); // once written; the deadline still bounds a slow reader
}

void MetricsServer::Exchange::finish()
{
    if (m_state == State::Done)
        return;
    m_state = State::Done;
    m_deadline.stop();
    m_sampleBound.stop();
    m_endpoint.exchangeFinished();
    deleteLater();
}

MetricsServer::MetricsServer(Sources sources, const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_sources(std::move(sources))
    , m_config(config)
{
    m_thread.setObjectName(QStringLiteral("hubbub-metrics"));
}

MetricsServer::~MetricsServer()
{
    close();
}

Status MetricsServer::listen(const QHostAddress &address, quint16 port)
{
    close();
    m_endpoint = new Endpoint(*this, m_config);
    m_endpoint->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_endpoint, &QObject::deleteLater);
    m_thread.start();
    bool listening = false;
    QString error;
    QMetaObject::invokeMethod(
        m_endpoint,
        [this, &listening, &error, address, port] {
            listening = m_endpoint->listen(address, port, &error);
            if (listening) {
                m_address = m_endpoint->server()->serverAddress();
                m_port = m_endpoint->server()->serverPort();
            }
        },
        Qt::BlockingQueuedConnection);
    if (!listening) {
        close();
        return makeError(ErrorCode::Internal,
            tr("cannot listen for metrics on %1:%2: %3")
                .arg(address.toString())
                .arg(port)
                .arg(error));
    }
    return Ok {};
}

void MetricsServer::close()
{
    if (!m_thread.isRunning())
        return;
    m_thread.quit();
    m_thread.wait(); // the endpoint, its exchanges and sockets are deleted as it finishes
    m_endpoint = nullptr;
    ++m_generation; // samples still queued on this thread are for the endpoint that is gone
    m_port = 0;
}

void MetricsServer::requestSample(Exchange *exchange)
{
    // Called on the HTTP thread, which m_endpoint and m_generation do not change under; the
    // sample is taken on this object's thread, where close() is the only one that ends the
    // endpoint: a sample queued before it finds the generation changed.
    QPointer<Exchange> asker(exchange);
    Endpoint *endpoint = m_endpoint;
    const quint64 generation = m_generation;
    QMetaObject::invokeMethod(
        this,
        [this, asker, endpoint, generation] {
            if (generation != m_generation)
                return;
            const NetworkSample sample = m_sources.sampleNetwork();
            QMetaObject::invokeMethod(
                endpoint,
                [asker, sample] {
                    if (asker)
                        asker->sampled(sample);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace Hubbub::Server
