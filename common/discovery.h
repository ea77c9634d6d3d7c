#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHostAddress>
#include <QList>
#include <QNetworkInterface>
#include <QString>

//! Finding Hubbub servers on the local network without typing an address: servers announce
//! themselves in small JSON datagrams to one IPv4 multicast group, and clients ask the group who
//! is there (docs/protocol.md, "Discovery on the LAN"). Shared by the server's announcer and the
//! app's finder, so both read and write exactly one format.
namespace Hubbub::Discovery {

//! UDP port of the group; the server's --discovery-port changes it.
inline constexpr quint16 DefaultPort = 7300;
//! Larger datagrams are ignored unread: an announcement is a few hundred bytes.
inline constexpr qsizetype MaxDatagramBytes = 1024;
//! A server announces itself this often, and when it starts and stops.
inline constexpr int AnnounceIntervalMs = 30000;
//! A client forgets a server it has not heard from for this long (three announcements).
inline constexpr int ForgetAfterMs = 95000;
inline constexpr int NameMax = 63;

//! 239.255.73.0: the IPv4 organisation-local scope (RFC 2365), never routed off the site.
QHostAddress group();

struct Announcement
{
    QString id; //!< random per server start, 8..64 characters: one server however many addresses
    QString name; //!< what people see, 1..63 characters of any script
    quint16 port = 0; //!< the WebSocket port
    bool tls = true;
    QString fingerprint; //!< SHA-256 of its certificate, "AB:CD:…" (empty without TLS); a hint
    bool leaving = false; //!< the server is stopping: forget it now
};

enum class Kind { Invalid, Query, Announcement };

struct Datagram
{
    Kind kind = Kind::Invalid;
    Announcement announcement; //!< for Kind::Announcement
};

//! A server's name: 1..63 UTF-16 units, not blank, printable code points (ZWNJ and ZWJ too).
bool isValidName(const QString &name);

QByteArray encodeQuery();
QByteArray encodeAnnouncement(const Announcement &announcement);
//! Anything malformed, oversized, of another version or with a field out of its range is
//! Kind::Invalid: the caller drops it.
Datagram decode(QByteArrayView bytes);

//! The interfaces to announce and listen on: up, running and able to multicast, and the
//! loopback interface (which Linux lets carry multicast inside the machine). `only`, when not
//! null, keeps those that hold that address (the server listens on it alone); a loopback
//! address keeps the loopback interface only.
QList<QNetworkInterface> interfaces(const QHostAddress &only = {});

} // namespace Hubbub::Discovery
