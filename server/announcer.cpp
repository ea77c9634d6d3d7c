#include "announcer.h"

#include "logging.h"

#include <QNetworkDatagram>

#ifdef Q_OS_LINUX
#include <netinet/in.h>
#include <sys/socket.h>
#endif

namespace Hubbub::Server {

namespace {

constexpr qint64 PerAskerIntervalMs = 1000; //!< per address and port: one app
constexpr int AnswersPerAddressPerSecond = 5; //!< per address: one machine, however many ports
constexpr int AnswersPerSecond = 20;

} // namespace

Announcer::Announcer(Discovery::Announcement announcement, const QHostAddress &listening,
    quint16 port, QObject *parent)
    : QObject(parent)
    , m_announcement(std::move(announcement))
    , m_listening(listening)
    , m_port(port)
{
    m_timer.setInterval(Discovery::AnnounceIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &Announcer::announce);
    connect(&m_socket, &QUdpSocket::readyRead, this, &Announcer::onReadyRead);
    m_clock.start();
}

Announcer::~Announcer()
{
    stop();
}

bool Announcer::start()
{
    // Shared: the app on this machine listens on the same port for announcements.
    if (!m_socket.bind(QHostAddress::AnyIPv4, m_port,
            QAbstractSocket::ShareAddress | QAbstractSocket::ReuseAddressHint)) {
        qCWarning(lcServer) << "not announcing on the network: UDP port" << m_port
                            << m_socket.errorString();
        return false;
    }
    // Within the machine only when it listens on loopback; nothing leaves it then.
    m_socket.setSocketOption(QAbstractSocket::MulticastTtlOption, 1);
    m_socket.setSocketOption(QAbstractSocket::MulticastLoopbackOption, 1);
#ifdef Q_OS_LINUX
    // Only the groups this socket joined, on the interfaces it joined them on (Linux would
    // otherwise deliver what any socket of the machine joined).
    const int off = 0;
    ::setsockopt(int(m_socket.socketDescriptor()), IPPROTO_IP, IP_MULTICAST_ALL, &off, sizeof off);
#endif
    m_interfaces = Discovery::interfaces(m_listening);
    for (const QNetworkInterface &interface : std::as_const(m_interfaces)) {
        if (!m_socket.joinMulticastGroup(Discovery::group(), interface))
            qCInfo(lcServer) << "cannot join the discovery group on" << interface.name();
    }
    m_started = true;
    m_timer.start();
    announce();
    qCInfo(lcServer) << "announcing" << m_announcement.name << "on" << m_interfaces.size()
                     << "interfaces, UDP port" << m_port;
    return true;
}

void Announcer::stop()
{
    if (!m_started)
        return;
    m_announcement.leaving = true;
    announce();
    m_started = false;
    m_timer.stop();
    m_socket.close();
}

void Announcer::setFingerprint(const QString &fingerprint)
{
    m_announcement.fingerprint = fingerprint;
    if (m_started)
        announce();
}

void Announcer::announce()
{
    const QByteArray bytes = Discovery::encodeAnnouncement(m_announcement);
    for (const QNetworkInterface &interface : std::as_const(m_interfaces)) {
        m_socket.setMulticastInterface(interface);
        m_socket.writeDatagram(bytes, Discovery::group(), m_port);
    }
}

bool Announcer::isLocal(const QNetworkDatagram &datagram) const
{
    // Arrived on one of the interfaces it announces on (the socket is bound to every address),
    // from a neighbour on that interface's own subnet.
    const uint index = datagram.interfaceIndex();
    const QHostAddress sender(datagram.senderAddress().toIPv4Address());
    for (const QNetworkInterface &interface : m_interfaces) {
        if (index != 0 && uint(interface.index()) != index)
            continue;
        const QList<QNetworkAddressEntry> entries = interface.addressEntries();
        for (const QNetworkAddressEntry &entry : entries) {
            if (entry.ip().protocol() == QAbstractSocket::IPv4Protocol
                && sender.isInSubnet(entry.ip(), entry.prefixLength()))
                return true;
        }
        if (interface.flags().testFlag(QNetworkInterface::IsLoopBack) && sender.isLoopback())
            return true;
    }
    return false;
}

bool Announcer::mayAnswer(const QHostAddress &asker, quint16 port)
{
    const qint64 now = m_clock.elapsed();
    if (now - m_windowStart >= 1000) {
        // A new second: the tables start again, so they stay small under a flood of spoofed
        // source addresses.
        m_windowStart = now;
        m_answersInWindow = 0;
        m_answersTo.clear();
        for (auto it = m_lastAnswer.begin(); it != m_lastAnswer.end();)
            it = now - it.value() > PerAskerIntervalMs ? m_lastAnswer.erase(it) : std::next(it);
    }
    // Nothing is stored for a query that is not answered: a flood of spoofed sources grows
    // no table.
    if (m_answersInWindow >= AnswersPerSecond)
        return false;
    const QString address = asker.toString();
    const QString key = address + QLatin1Char(' ') + QString::number(port);
    const auto last = m_lastAnswer.constFind(key);
    if (m_answersTo.value(address) >= AnswersPerAddressPerSecond
        || (last != m_lastAnswer.cend() && now - last.value() < PerAskerIntervalMs))
        return false;
    ++m_answersInWindow;
    ++m_answersTo[address];
    m_lastAnswer.insert(key, now);
    return true;
}

void Announcer::onReadyRead()
{
    // Read everything, whatever it is: unread datagrams would keep the socket readable.
    while (m_socket.hasPendingDatagrams()) {
        if (m_socket.pendingDatagramSize() > Discovery::MaxDatagramBytes) {
            m_socket.readDatagram(nullptr, 0); // dropped unread
            ++m_dropped;
            continue;
        }
        const QNetworkDatagram datagram = m_socket.receiveDatagram(Discovery::MaxDatagramBytes);
        if (!isLocal(datagram)) {
            ++m_dropped; // from beyond the interfaces it announces on
            continue;
        }
        const Discovery::Datagram decoded = Discovery::decode(datagram.data());
        if (decoded.kind == Discovery::Kind::Announcement)
            continue; // another server's (or our own, looped back)
        if (decoded.kind != Discovery::Kind::Query || !m_started
            || !mayAnswer(datagram.senderAddress(), quint16(datagram.senderPort()))) {
            ++m_dropped;
            continue;
        }
        // TTL 1, as the announcements: an answer never crosses a router.
        QNetworkDatagram answer(Discovery::encodeAnnouncement(m_announcement),
            datagram.senderAddress(), quint16(datagram.senderPort()));
        answer.setHopLimit(1);
        m_socket.writeDatagram(answer);
        ++m_answered;
    }
}

} // namespace Hubbub::Server
