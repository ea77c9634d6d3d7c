#pragma once

#include "error.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <memory>

using SSL = struct ssl_st;
using SSL_CTX = struct ssl_ctx_st;

namespace Hubbub::Server {

//! The server's TLS settings and certificate (OpenSSL): TLS 1.2 or newer, no renegotiation, no
//! session tickets (a reconnect after a restart could not use them anyway), and buffers given
//! back while a connection is idle. Immutable once loaded: a reload (SIGHUP) loads a new one,
//! and connections keep the one they started with.
class TlsContext final
{
public:
    ~TlsContext();
    Q_DISABLE_COPY_MOVE(TlsContext)

    //! Loads a PEM certificate (chain) and its private key; the error says what is wrong with
    //! which file.
    static Result<std::shared_ptr<const TlsContext>> load(
        const QString &certificatePath, const QString &keyPath);

    //! Writes a new self-signed certificate for `name` (ECDSA P-256, SHA-256, valid for 20
    //! years, with `name`, "localhost", 127.0.0.1 and ::1 as subject alternative names) and its
    //! key: the key file readable by its owner only, each file written whole or not at all.
    static Status createSelfSigned(
        const QString &certificatePath, const QString &keyPath, const QString &name);

    //! A new connection's TLS state, in server mode; null when OpenSSL cannot allocate one.
    SSL *newSession() const;
    //! SHA-256 of the certificate (DER) as upper-case hex pairs joined by colons.
    QString fingerprint() const { return m_fingerprint; }
    QDateTime expires() const { return m_expires; }
    QString subject() const { return m_subject; }

private:
    TlsContext() = default;

    SSL_CTX *m_context = nullptr;
    QString m_fingerprint;
    QString m_subject;
    QDateTime m_expires;
};

} // namespace Hubbub::Server
