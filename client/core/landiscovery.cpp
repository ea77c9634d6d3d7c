#include "landiscovery.h"

#include "logging.h"

#include <QNetworkDatagram>

namespace Hubbub::Client {

namespace {

constexpr int QueryIntervalMs = 15000;
constexpr int MaxServers = 64;
//! Datagrams read per wake-up and socket: a flood cannot hold the event loop.
constexpr int MaxDatagramsPerRead = 256;

} // namespace

LanDiscovery::LanDiscovery(QObject *parent)
    : QAbstractListModel(parent)
{
    m_queryTimer.setInterval(QueryIntervalMs);
    connect(&m_queryTimer, &QTimer::timeout, this, &LanDiscovery::query);
    m_expiryTimer.setInterval(5000);
    connect(&m_expiryTimer, &QTimer::timeout, this, &LanDiscovery::expire);
    connect(&m_listener, &QUdpSocket::readyRead, this, [this] { read(m_listener); });
    connect(&m_asker, &QUdpSocket::readyRead, this, [this] { read(m_asker); });
    m_clock.start();
}

LanDiscovery::~LanDiscovery() = default;

bool LanDiscovery::start()
{
    if (m_started)
        return true;
    m_interfaces = Discovery::interfaces(
        m_loopbackOnly ? QHostAddress(QHostAddress::LocalHost) : QHostAddress());
    // The group's port is shared with a server on this machine (and other apps).
    if (!m_listener.bind(QHostAddress::AnyIPv4, m_port,
            QAbstractSocket::ShareAddress | QAbstractSocket::ReuseAddressHint)
        || !m_asker.bind(QHostAddress::AnyIPv4, 0)) {
        qCInfo(lcClientNet) << "cannot look for servers on the network:" << m_listener.errorString()
                            << m_asker.errorString();
        m_listener.close();
        m_asker.close();
        return false;
    }
    m_asker.setSocketOption(QAbstractSocket::MulticastTtlOption, 1);
    m_asker.setSocketOption(QAbstractSocket::MulticastLoopbackOption, 1);
    for (const QNetworkInterface &interface : std::as_const(m_interfaces))
        m_listener.joinMulticastGroup(Discovery::group(), interface);
    m_started = true;
    m_queryTimer.start();
    m_expiryTimer.start();
    query();
    return true;
}

void LanDiscovery::stop()
{
    if (!m_started)
        return;
    m_started = false;
    m_queryTimer.stop();
    m_expiryTimer.stop();
    m_listener.close();
    m_asker.close();
    // Not listening, nothing known: what was heard would go stale unseen (a fingerprint hint
    // from before a server's restart, a server long gone).
    beginResetModel();
    m_servers.clear();
    endResetModel();
}

void LanDiscovery::query()
{
    const QByteArray bytes = Discovery::encodeQuery();
    for (const QNetworkInterface &interface : std::as_const(m_interfaces)) {
        m_asker.setMulticastInterface(interface);
        m_asker.writeDatagram(bytes, Discovery::group(), m_port);
    }
}

void LanDiscovery::read(QUdpSocket &socket)
{
    for (int n = 0; n < MaxDatagramsPerRead && socket.hasPendingDatagrams(); ++n) {
        if (socket.pendingDatagramSize() > Discovery::MaxDatagramBytes) {
            socket.readDatagram(nullptr, 0);
            ++m_dropped;
            continue;
        }
        const QNetworkDatagram datagram = socket.receiveDatagram(Discovery::MaxDatagramBytes);
        const Discovery::Datagram decoded = Discovery::decode(datagram.data());
        if (decoded.kind == Discovery::Kind::Query)
            continue; // another app asking
        if (decoded.kind != Discovery::Kind::Announcement || datagram.senderAddress().isNull()) {
            ++m_dropped;
            continue;
        }
        heard(decoded.announcement, datagram.senderAddress());
    }
    if (socket.hasPendingDatagrams()) // the rest in a later pass
        QMetaObject::invokeMethod(
            this, [this, &socket] { read(socket); }, Qt::QueuedConnection);
}

void LanDiscovery::heard(const Discovery::Announcement &announcement, const QHostAddress &from)
{
    bool isIpv4 = false;
    const quint32 ipv4 = from.toIPv4Address(&isIpv4);
    const QHostAddress address = isIpv4 ? QHostAddress(ipv4) : from;
    // One row per id and address: anyone can send a known id from elsewhere, and must not
    // move a listed server to his own address (or say it left). The same server heard on
    // loopback and on a LAN address is one row, on loopback (this machine: it always works).
    const auto it = std::find_if(m_servers.begin(), m_servers.end(), [&](const Server &s) {
        return s.announcement.id == announcement.id
            && (s.address == address || s.address.isLoopback() || address.isLoopback());
    });
    if (announcement.leaving) {
        if (it != m_servers.end() && (it->address == address || address.isLoopback())) {
            const int row = int(it - m_servers.begin());
            beginRemoveRows({}, row, row);
            m_servers.removeAt(row);
            endRemoveRows();
        }
        return;
    }
    QUrl url;
    url.setScheme(announcement.tls ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setHost(address.toString());
    url.setPort(announcement.port);
    url.setPath(QStringLiteral("/"));
    Server server {announcement, address, url, m_clock.elapsed()};
    if (it != m_servers.end()) {
        if (it->address.isLoopback() && !address.isLoopback()) {
            it->heardAt = server.heardAt;
            return;
        }
        // Removed and inserted again: a new name takes its place in the order.
        const int row = int(it - m_servers.begin());
        beginRemoveRows({}, row, row);
        m_servers.removeAt(row);
        endRemoveRows();
    } else if (m_servers.size() >= MaxServers) {
        ++m_dropped;
        return;
    }
    // In name order, so that the list does not jump about as answers arrive.
    const auto at = std::lower_bound(
        m_servers.begin(), m_servers.end(), server, [](const Server &a, const Server &b) {
            return QString::localeAwareCompare(a.announcement.name, b.announcement.name) < 0;
        });
    const int row = int(at - m_servers.begin());
    beginInsertRows({}, row, row);
    m_servers.insert(row, std::move(server));
    endInsertRows();
}

void LanDiscovery::expire()
{
    const qint64 now = m_clock.elapsed();
    for (int row = int(m_servers.size()) - 1; row >= 0; --row) {
        if (now - m_servers.at(row).heardAt > Discovery::ForgetAfterMs) {
            beginRemoveRows({}, row, row);
            m_servers.removeAt(row);
            endRemoveRows();
        }
    }
}

QString LanDiscovery::announcedFingerprint(const QUrl &url) const
{
    // Two announcements for one address that disagree: no hint at all.
    QString found;
    for (const Server &server : m_servers) {
        if (server.url.port() == url.port(url.scheme() == QLatin1String("wss") ? 443 : 80)
            && QHostAddress(url.host()).isEqual(server.address, QHostAddress::TolerantConversion)) {
            if (!found.isEmpty() && found != server.announcement.fingerprint)
                return {};
            found = server.announcement.fingerprint;
        }
    }
    return found;
}

int LanDiscovery::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_servers.size());
}

QVariant LanDiscovery::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Server &server = m_servers.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1 (%2)").arg(server.announcement.name, server.url.authority());
    case NameRole:
        return server.announcement.name;
    case Qt::ToolTipRole:
        return server.url.toDisplayString();
    case UrlRole:
        return server.url;
    case FingerprintRole:
        return server.announcement.fingerprint;
    case IdRole:
        return server.announcement.id;
    default:
        return {};
    }
}

QHash<int, QByteArray> LanDiscovery::roleNames() const
{
    return {{NameRole, "name"}, {UrlRole, "url"}, {FingerprintRole, "fingerprint"}, {IdRole, "id"}};
}

} // namespace Hubbub::Client
