#include "session.h"

#include "logging.h"

namespace Hubbub::Server {

Session::Session(QWebSocket *socket, const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_peerAddress(socket->peerAddress().toString())
    , m_maxOutgoing(config.maxOutgoingBufferBytes)
    , m_requests(config.requestsPerSecond, config.requestBurst)
    , m_bytes(config.bytesPerSecond, config.bytesBurst)
{
    m_socket->setParent(this);
    m_lastHeard.start();
}

Session::~Session() = default;

void Session::setUser(const User &user, const QByteArray &tokenHash)
{
    m_user = user;
    m_tokenHash = tokenHash;
}

void Session::clearUser()
{
    m_user.reset();
    m_tokenHash.clear();
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
    m_ready.emplace(slot, frame);
    for (auto it = m_ready.begin(); it != m_ready.end() && it->first == m_nextToSend;
         it = m_ready.erase(it)) {
        send(it->second);
        ++m_nextToSend;
    }
}

void Session::send(const QString &frame)
{
    if (m_dropping)
        return;
    m_socket->sendTextMessage(frame);
    if (m_socket->bytesToWrite() > m_maxOutgoing)
        drop("its unsent data passed the bound (it is not reading)");
}

void Session::drop(const char *reason)
{
    m_dropping = true;
    qCInfo(lcNet) << "dropping" << m_peerAddress << "because" << reason;
    // Deferred: the caller may be iterating over the sessions. abort() discards the backlog;
    // close() would keep it until a peer that does not read reads it.
    QMetaObject::invokeMethod(
        this, [this] { m_socket->abort(); }, Qt::QueuedConnection);
}

} // namespace Hubbub::Server
