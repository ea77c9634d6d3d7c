#include "net/transport.h"

#include "net/sockettransport.h"

#ifdef Q_OS_LINUX
#include "net/epolltransport.h"
#endif

namespace Hubbub::Server {

Transport::~Transport() = default;

Transport *Transport::adopt(qintptr descriptor, QObject *parent)
{
#ifdef Q_OS_LINUX
    // Read per connection, so that a test can run both kinds in one process.
    if (!qEnvironmentVariableIsSet("HUBBUB_NET_QT_SOCKETS")) {
        auto *transport = new EpollTransport(parent);
        if (transport->adopt(int(descriptor)))
            return transport;
        delete transport;
        return nullptr;
    }
#endif
    auto *transport = new SocketTransport(parent);
    if (transport->setSocketDescriptor(descriptor))
        return transport;
    delete transport;
    return nullptr;
}

QString addressText(const QHostAddress &address)
{
    bool isIPv4 = false;
    const quint32 ipv4 = address.toIPv4Address(&isIPv4);
    return isIPv4 ? QHostAddress(ipv4).toString() : address.toString();
}

} // namespace Hubbub::Server
