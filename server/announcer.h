#pragma once

#include "discovery.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <QUdpSocket>

class QNetworkDatagram;

namespace Hubbub::Server {

//! Tells the local network that this server is here (Discovery): an announcement to the
//! multicast group when it starts, every 30 s, and a last one when it stops; and an answer,
//! sent to the asker alone, to every query: at most one a second per asking socket, five a
//! second per asking address and 20 a second in all. Anything else that arrives (malformed,
//! oversized, other servers' announcements) is read and dropped. Only on the interfaces the server
//! listens on.
class Announcer final : public QObject
{
    Q_OBJECT
public:
    //! `listening` is the address the server listens on (Any: every interface).
    Announcer(Discovery::Announcement announcement, const QHostAddress &listening, quint16 port,
        QObject *parent = nullptr);
    ~Announcer() override;
    Q_DISABLE_COPY_MOVE(Announcer)

    //! Binds and joins the group; false (and a warning) when the port cannot be had.
    bool start();
    //! The "leaving" announcement; nothing is sent after it.
    void stop();
    //! After a certificate reload: the new fingerprint, announced at once.
    void setFingerprint(const QString &fingerprint);

    //! What it read and dropped (malformed, oversized, refused by the rate limit); for tests.
    qint64 dropped() const { return m_dropped; }
    qint64 answered() const { return m_answered; }

private:
    void announce();
    void onReadyRead();
    bool mayAnswer(const QHostAddress &asker, quint16 port);
    bool isLocal(const QNetworkDatagram &datagram) const;

    Discovery::Announcement m_announcement;
    QHostAddress m_listening;
    quint16 m_port;
    QUdpSocket m_socket;
    QList<QNetworkInterface> m_interfaces;
    QTimer m_timer;
    QElapsedTimer m_clock;
    QHash<QString, qint64> m_lastAnswer; //!< "address port" -> when it was last answered
    QHash<QString, int> m_answersTo; //!< address -> answers in this second
    qint64 m_windowStart = -1000; //!< a window starts with the first query after a quiet second
    int m_answersInWindow = 0;
    qint64 m_dropped = 0;
    qint64 m_answered = 0;
    bool m_started = false;
};

} // namespace Hubbub::Server
