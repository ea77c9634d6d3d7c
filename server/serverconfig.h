#pragma once

#include "passwords.h"

#include <QHostAddress>
#include <QString>

#include <chrono>
#include <optional>

namespace Hubbub::Server {

enum class Durability { Full, Normal };

//! Who may create an account (auth.register): anyone, nobody, or whoever holds an invite.
enum class Registration { Open, Closed, Invite };

//! Everything the server can be told at start-up; defaults are the documented ones.
struct ServerConfig
{
    QHostAddress host = QHostAddress::Any;
    quint16 port = 7300;
    //! SQLite: the database file. PostgreSQL: the base of the files kept beside the database
    //! (the self-signed certificate, uploaded files), under --data-dir.
    QString databasePath;
    //! Empty: SQLite at databasePath. Else a PostgreSQL URL,
    //! postgresql://USER@HOST:PORT/DBNAME[?KEYWORD=VALUE...] (libpq keywords such as sslmode or
    //! options; never a password: libpq reads PGPASSFILE or PGPASSWORD).
    QString databaseUrl;
    //! wss:// (TLS 1.2 or newer) unless off. Without a certificate and key the server makes a
    //! self-signed certificate beside the database on first start and keeps using it.
    bool tls = true;
    QString tlsCertificatePath; //!< PEM; empty: <database>.cert.pem, made when missing
    QString tlsKeyPath; //!< PEM; empty: <database>.key.pem (mode 0600), made when missing
    //! The server's display name: in its self-signed certificate and its LAN announcement.
    //! Empty: the host name.
    QString name;
    //! Announce the server on the local network (Discovery), on the interfaces it listens on.
    bool announce = true;
    quint16 discoveryPort = 7300; //!< UDP
    Durability durability = Durability::Full;
    //! What hashing a password spends (Passwords::Cost): Minimum only for in-process tests.
    Passwords::Cost passwordCost = Passwords::Cost::Interactive;
    Registration registration = Registration::Open;
    qint64 eventRetention = 100000;
    //! The operator's HTTP port for /metrics and /healthz (MetricsServer); none while unset.
    std::optional<quint16> metricsPort;
    QHostAddress metricsHost = QHostAddress::LocalHost;

    //! PostgreSQL: how often an instance looks for other instances' events when no
    //! notification woke it (a lost NOTIFY delays events by this much at most).
    std::chrono::milliseconds followerPoll {500};

    int maxConnections = 20000; //!< further capped below RLIMIT_NOFILE
    int listenBacklog = 1024;
    std::chrono::milliseconds handshakeTimeout {10000};
    std::chrono::milliseconds pingInterval {30000};
    //! How long a shutdown waits for peers to answer the close frame before dropping them.
    std::chrono::milliseconds shutdownGrace {2000};
    qint64 maxOutgoingBufferBytes = 24 * 1024 * 1024; //!< above the largest single reply
    double requestsPerSecond = 100; //!< per connection, token bucket refill
    double requestBurst = 400; //!< per connection, token bucket size
    double bytesPerSecond = 8.0 * 1024 * 1024;
    double bytesBurst = 40.0 * 1024 * 1024;
    int maxPendingHashes = 32; //!< password hashes queued at once, server-wide
    qint64 syncMaxBytes = 12 * 1024 * 1024; //!< a larger catch-up answers too_old
    qint64 tokenLifetimeDays = 30;
    std::chrono::milliseconds imageGcInterval {10 * 60 * 1000};
    std::chrono::seconds imageGcAge {3600};
    //! Part "files": how long a finished upload nobody attached is kept (the collector runs on
    //! imageGcInterval), and how long an upload may go without a chunk before it is removed.
    std::chrono::seconds fileGraceAge {24 * 3600};
    std::chrono::seconds uploadAbandonAge {24 * 3600};
    //! The metrics port's bounds: connections at once (more wait in the listen backlog), the
    //! request head, and the time one exchange may take from accept to the last byte out.
    int metricsMaxConnections = 16;
    int metricsHeadBytes = 8 * 1024;
    std::chrono::milliseconds metricsTimeout {5000};
    //! /healthz answers 503 when the network thread does not answer a scrape within the first,
    //! or the writer has been in one transaction for longer than the second.
    std::chrono::milliseconds healthNetworkBound {2000};
    std::chrono::milliseconds healthWriterBound {10000};
};

} // namespace Hubbub::Server
