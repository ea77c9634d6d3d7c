#include "net/listener.h"

#include "logging.h"
#include "net/tlscontext.h"
#include "net/tlstransport.h"
#include "net/transport.h"

#ifdef Q_OS_WIN
#include <winsock2.h>
#else
#include <unistd.h>
#endif

namespace Hubbub::Server {

namespace {

void closeNative(qintptr descriptor)
{
#ifdef Q_OS_WIN
    ::closesocket(SOCKET(descriptor));
#else
    ::close(int(descriptor));
#endif
}

} // namespace

Listener::Listener(const Connection::Services &services, std::chrono::milliseconds handshakeTimeout,
    std::function<bool()> admit, QObject *parent)
    : QTcpServer(parent)
    , m_services(services)
    , m_timeout(handshakeTimeout)
    , m_admit(std::move(admit))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Listener::sweepHandshakes);
}

Listener::~Listener()
{
    // The connections still in their handshake are children: they go first, while the
    // services they refer to are still there.
    qDeleteAll(m_handshaking);
}

void Listener::incomingConnection(qintptr descriptor)
{
    if (!m_admit()) {
        closeNative(descriptor);
        return;
    }
    Transport *transport = Transport::adopt(descriptor, this);
    if (!transport) {
        closeNative(descriptor);
        return;
    }
    if (m_tls) {
        auto *tls = new TlsTransport(transport, *m_tls, this);
        if (!tls->isConnected()) {
            delete tls; // and the socket with it
            return;
        }
        transport = tls;
    }
    auto *connection = new Connection(transport, m_services, this, this);
    m_handshaking.insert(connection);
    // One queue in deadline order and one timer, rather than a timer per connection.
    m_deadlines.push_back({std::chrono::steady_clock::now() + m_timeout, connection});
    if (!m_timer.isActive())
        m_timer.start(m_timeout);
}

void Listener::upgraded(Connection &connection)
{
    m_handshaking.remove(&connection);
    Q_EMIT connectionUpgraded(&connection);
}

void Listener::closed(Connection &connection)
{
    m_handshaking.remove(&connection);
    connection.deleteLater();
}

void Listener::sweepHandshakes()
{
    // A flood of half-open connections times out all at once: abort them a slice at a time, so
    // the sockets of everyone else are served in between.
    constexpr int MaxAbortsPerPass = 64;
    const auto now = std::chrono::steady_clock::now();
    int aborted = 0;
    while (!m_deadlines.empty() && aborted < MaxAbortsPerPass) {
        Deadline &next = m_deadlines.front();
        if (next.connection && m_handshaking.contains(next.connection.data())) {
            if (next.at > now)
                break;
            qCDebug(lcNet) << "handshake timed out for" << next.connection->peerAddress();
            Connection *connection = next.connection.data();
            m_handshaking.remove(connection);
            connection->abort();
            connection->deleteLater();
            ++aborted;
        }
        m_deadlines.pop_front(); // timed out, upgraded meanwhile, or gone
    }
    if (m_deadlines.empty())
        return;
    const auto wait = std::chrono::ceil<std::chrono::milliseconds>(m_deadlines.front().at - now);
    m_timer.start(aborted == MaxAbortsPerPass ? std::chrono::milliseconds(0)
                                              : std::max(wait, std::chrono::milliseconds(0)));
}

void Listener::abortHandshakes()
{
    m_timer.stop();
    m_deadlines.clear();
    const QSet<Connection *> pending = std::exchange(m_handshaking, {});
    for (Connection *connection : pending) {
        connection->abort(); // closed() deletes it later
        connection->deleteLater();
    }
}

} // namespace Hubbub::Server
