#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace Hubbub::Server {

//! The server's side of the WebSocket opening handshake (RFC 6455, 4.2): reads the client's
//! HTTP upgrade request as it arrives and decides, strictly, whether to upgrade.
//!
//! Refused, with no upgrade: anything but `GET <target> HTTP/1.1`; header lines that are not
//! `token: value` or that hold NUL or other control characters (request smuggling and header
//! injection start there); folded lines; a missing or repeated Host; Upgrade without
//! `websocket`, Connection without `upgrade`; a Sec-WebSocket-Key that is not exactly 16
//! bytes in base64 (400). A Sec-WebSocket-Version other than 13 gets 426 with the version we
//! speak. A request over MaxRequestBytes or MaxHeaderLines gets 431.
class Handshake
{
public:
    static constexpr qsizetype MaxRequestBytes = 16 * 1024;
    static constexpr int MaxHeaderLines = 100;

    enum class Outcome { Incomplete, Upgrade, Refuse };

    //! Reads more of the request; once decided, the outcome does not change.
    Outcome feed(QByteArrayView bytes);
    Outcome outcome() const { return m_outcome; }
    //! The HTTP status decided on: 101 to upgrade, else the refusal's; 0 while incomplete.
    int status() const { return m_status; }
    //! What to write back: the 101 with Sec-WebSocket-Accept, or the refusal.
    QByteArray response() const;
    //! Bytes that arrived after the request (the client's first frames), once upgraded.
    QByteArray takeRemainder() { return std::exchange(m_remainder, QByteArray()); }

    //! Sec-WebSocket-Accept for a key: base64(SHA-1(key + the RFC's GUID)).
    static QByteArray acceptFor(QByteArrayView key);

private:
    bool readRequestLine(QByteArrayView line);
    bool readHeader(QByteArrayView line);
    void decide();
    Outcome refuse(int status);

    QByteArray m_buffer; //!< the part of a line that has arrived
    QByteArray m_key;
    QByteArray m_remainder;
    qsizetype m_received = 0;
    int m_lines = 0;
    int m_hosts = 0;
    int m_keys = 0;
    int m_versions = 0;
    bool m_versionThirteen = false;
    bool m_upgradeWebSocket = false;
    bool m_connectionUpgrade = false;
    int m_status = 0;
    Outcome m_outcome = Outcome::Incomplete;
};

} // namespace Hubbub::Server
