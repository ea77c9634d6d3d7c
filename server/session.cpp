#include "session.h"

#include "net/wireframe.h"

namespace Hubbub::Server {

Session::Session(
    Connection *connection, SessionHost &host, const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_host(host)
    , m_requests(config.requestsPerSecond, config.requestBurst)
    , m_bytes(config.bytesPerSecond, config.bytesBurst)
{
    m_connection->setParent(this);
    m_connection->setReceiver(this);
}

Session::~Session() = default;

void Session::setUser(const User &user, const QByteArray &tokenHash, bool mustChangePassword)
{
    m_user = user;
    m_tokenHash = tokenHash;
    m_mustChangePassword = mustChangePassword;
}

void Session::clearUser()
{
    m_user.reset();
    m_tokenHash.clear();
    m_mustChangePassword = false;
}

void Session::updateUser(const User &user)
{
    if (m_user && m_user->id == user.id)
        m_user = user;
}

quint64 Session::openSlot()
{
    return m_nextSlot++;
}

void Session::fillSlot(quint64 slot, const QString &frame)
{
    fillSlotWire(slot, WireFrame::text(frame));
}

void Session::fillSlotWire(quint64 slot, const QByteArray &frame)
{
    if (slot == m_nextToSend && m_ready.empty()) {
        sendWire(frame); // the usual case: replies finish in order
        ++m_nextToSend;
        return;
    }
    m_ready.emplace(slot, frame);
    for (auto it = m_ready.begin(); it != m_ready.end() && it->first == m_nextToSend;
         it = m_ready.erase(it)) {
        sendWire(it->second);
        ++m_nextToSend;
    }
}

void Session::close(quint16 code, const QString &reason)
{
    m_connection->close(code, reason);
}

void Session::received(Connection &, FrameReader::Message &&message)
{
    if (message.kind == FrameReader::Kind::Text)
        m_host.textReceived(*this, QString::fromUtf8(message.payload));
    else
        m_host.binaryReceived(*this, message.payload);
}

void Session::closed(Connection &)
{
    m_host.disconnected(*this);
}

} // namespace Hubbub::Server
