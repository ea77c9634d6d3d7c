#pragma once

#include "error.h"
#include "metrics/metrics.h"
#include "serverconfig.h"

#include <QHostAddress>
#include <QObject>
#include <QThread>

#include <functional>

namespace Hubbub::Server {

class Writer;

//! The operator's HTTP port (off unless --metrics-port): GET or HEAD /metrics answers in the
//! Prometheus text format, /healthz with 200 "ok" or 503 and the reason; 404 and 405 otherwise.
//! A small HTTP/1.1 responder of our own (one request per connection, `Connection: close`) on a
//! thread of its own, so a scrape, its stat calls and whoever talks to the port never take time
//! from the WebSocket network thread. That thread is asked once per request, by a queued call,
//! for what only it can read (NetworkSample); its answer within a bound is the health check of
//! the network thread. This object lives on the network thread; close() or the destructor stops
//! the HTTP thread and waits for it.
class MetricsServer final : public QObject
{
    Q_OBJECT
public:
    struct Sources
    {
        const Metrics &metrics;
        const Writer &writer;
        QString databasePath;
        //! Run on this object's thread (the network thread), once per request.
        std::function<NetworkSample()> sampleNetwork;
    };

    MetricsServer(Sources sources, const ServerConfig &config, QObject *parent = nullptr);
    ~MetricsServer() override;
    Q_DISABLE_COPY_MOVE(MetricsServer)

    //! Starts the HTTP thread and listens there; port 0 picks a free one.
    Status listen(const QHostAddress &address, quint16 port);
    QHostAddress address() const { return m_address; }
    quint16 port() const { return m_port; }
    //! Stops listening, drops the exchanges in progress and ends the thread. Idempotent.
    void close();

private:
    class Endpoint;
    class Exchange;
    friend class Exchange;

    //! From the HTTP thread: samples the network on this thread and hands the sample back.
    void requestSample(Exchange *exchange);

    Sources m_sources;
    const ServerConfig &m_config;
    QThread m_thread;
    Endpoint *m_endpoint = nullptr; //!< lives on m_thread, deleted there when it finishes
    quint64 m_generation = 0; //!< one more at each close()
    QHostAddress m_address;
    quint16 m_port = 0;
};

} // namespace Hubbub::Server
