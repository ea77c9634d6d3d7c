#pragma once

#include "discovery.h"

#include <QAbstractListModel>
#include <QElapsedTimer>
#include <QTimer>
#include <QUdpSocket>
#include <QUrl>

namespace Hubbub::Client {

//! The Hubbub servers on the local network, live (Discovery): while started it listens to the
//! group for announcements and asks the group who is there (at once, then every 15 s), and
//! lists each server once, by its announced id, with the address it was heard from. A server
//! that says it is leaving, or has not been heard for 95 s, goes. Malformed, oversized and
//! excess datagrams are dropped; at most 64 servers are listed.
class LanDiscovery final : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        UrlRole, //!< QUrl: wss://address:port/ (ws:// for a server without TLS)
        FingerprintRole, //!< what it announced: a hint, never trusted on its own
        IdRole,
    };

    struct Server
    {
        Discovery::Announcement announcement;
        QHostAddress address;
        QUrl url;
        qint64 heardAt = 0;
    };

    explicit LanDiscovery(QObject *parent = nullptr);
    ~LanDiscovery() override;
    Q_DISABLE_COPY_MOVE(LanDiscovery)

    //! The UDP port of the group (the servers' --discovery-port); before start().
    void setPort(quint16 port) { m_port = port; }
    //! Only the loopback interface: the tests' servers are on this machine and nothing they do
    //! may leave it.
    void setLoopbackOnly(bool only) { m_loopbackOnly = only; }

    //! Listens and asks; false when the port cannot be had (nothing is found then).
    bool start();
    //! Stops listening and forgets what it heard.
    void stop();
    bool isStarted() const { return m_started; }

    const QList<Server> &servers() const { return m_servers; }
    //! The announced fingerprint of the server at `url` (host and port), or empty.
    QString announcedFingerprint(const QUrl &url) const;
    qint64 dropped() const { return m_dropped; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void query();
    void read(QUdpSocket &socket);
    void heard(const Discovery::Announcement &announcement, const QHostAddress &from);
    void expire();

    quint16 m_port = Discovery::DefaultPort;
    bool m_loopbackOnly = false;
    bool m_started = false;
    QUdpSocket m_listener; //!< the group's port: announcements
    QUdpSocket m_asker; //!< a port of its own: the answers to its queries
    QList<QNetworkInterface> m_interfaces;
    QList<Server> m_servers;
    QTimer m_queryTimer;
    QTimer m_expiryTimer;
    QElapsedTimer m_clock;
    qint64 m_dropped = 0;
};

} // namespace Hubbub::Client
