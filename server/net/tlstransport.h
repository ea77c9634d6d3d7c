#pragma once

#include "net/transport.h"

#include <memory>

using SSL = struct ssl_st;
using BIO = struct bio_st;

namespace Hubbub::Server {

class TlsContext;

//! TLS over another Transport (OpenSSL, server side): what the connection reads and writes is
//! plain text, what the inner transport carries is TLS records. The handshake runs inside the
//! first read()s, so the listener's handshake timeout covers it; garbage instead of a
//! ClientHello, a plain HTTP request or a plain WebSocket ends the connection with an alert.
//! OpenSSL reads and writes through a BIO of our own, straight from and to QByteArrays: one
//! copy less each way than memory BIOs, and nothing kept while the connection is idle.
class TlsTransport final : public Transport
{
    Q_OBJECT
public:
    //! Takes `inner` (a child from now on); `context` must outlive nothing: the session holds
    //! what it needs. Check isConnected(): false when OpenSSL could not make a session.
    TlsTransport(Transport *inner, const TlsContext &context, QObject *parent = nullptr);
    ~TlsTransport() override;
    Q_DISABLE_COPY_MOVE(TlsTransport)

    //! Whether the TLS handshake is done (plain text can flow).
    bool isEstablished() const;

    bool isConnected() const override;
    QString peerAddress() const override;
    QByteArray read(qint64 maxBytes) override;
    void skipAll() override;
    void pauseReading(bool paused) override;
    qint64 writeFrames(std::span<const QByteArray> frames) override;
    qint64 unsentBytes() const override;
    bool closeWrites(const QByteArray &lastBytes) override;
    void disconnectFromHost() override;
    void abort() override;

private:
    struct BioMethod;
    static int bioWrite(BIO *bio, const char *data, int length);
    static int bioRead(BIO *bio, char *data, int length);
    static long bioControl(BIO *bio, int command, long number, void *pointer);

    //! Hands what OpenSSL wrote (records, alerts) to the inner transport; its unsent bytes.
    qint64 flushRecords();
    //! A TLS failure: the alert goes out, then the connection closes.
    void fail(const char *what);

    Transport *m_inner;
    SSL *m_ssl = nullptr;
    QByteArray m_in; //!< records read from the inner transport, not yet consumed by OpenSSL
    qsizetype m_inOffset = 0;
    QByteArray m_out; //!< records OpenSSL wrote, not yet handed to the inner transport
    qint64 m_innerPending = 0;
    bool m_failed = false;
    bool m_peerClosed = false; //!< its close_notify came
    bool m_writesClosed = false;
};

} // namespace Hubbub::Server
