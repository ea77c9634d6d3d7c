#include "net/tlstransport.h"

#include "logging.h"
#include "net/tlscontext.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

#include <algorithm>

namespace Hubbub::Server {

namespace {

//! Plain text handed out per read(): a few records' worth.
constexpr qint64 ScratchBytes = 64 * 1024;
//! Records taken from the inner transport at a time.
constexpr qint64 RecordReadBytes = 256 * 1024;
thread_local std::unique_ptr<char[]> t_scratch;

} // namespace

//! One BIO_METHOD for every connection, made on first use.
struct TlsTransport::BioMethod
{
    static const BIO_METHOD *get()
    {
        static const BioMethod method;
        return method.m_method;
    }

private:
    BioMethod()
        : m_method(BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "hubbub transport"))
    {
        if (!m_method)
            return;
        BIO_meth_set_write(m_method, &TlsTransport::bioWrite);
        BIO_meth_set_read(m_method, &TlsTransport::bioRead);
        BIO_meth_set_ctrl(m_method, &TlsTransport::bioControl);
        BIO_meth_set_create(m_method, [](BIO *bio) {
            BIO_set_init(bio, 1);
            return 1;
        });
    }
    ~BioMethod() { BIO_meth_free(m_method); }
    Q_DISABLE_COPY_MOVE(BioMethod)

    BIO_METHOD *m_method;
};

TlsTransport::TlsTransport(Transport *inner, const TlsContext &context, QObject *parent)
    : Transport(parent)
    , m_inner(inner)
{
    m_inner->setParent(this);
    connect(m_inner, &Transport::readyRead, this, &Transport::readyRead);
    connect(m_inner, &Transport::disconnected, this, &Transport::disconnected);
    const BIO_METHOD *method = BioMethod::get();
    BIO *bio = method ? BIO_new(method) : nullptr;
    m_ssl = bio ? context.newSession() : nullptr;
    if (!m_ssl) {
        BIO_free(bio);
        m_failed = true;
        return;
    }
    BIO_set_data(bio, this);
    SSL_set_bio(m_ssl, bio, bio); // one reference, taken by the session
    SSL_set_accept_state(m_ssl);
}

TlsTransport::~TlsTransport()
{
    SSL_free(m_ssl);
}

bool TlsTransport::isEstablished() const
{
    return m_ssl && SSL_is_init_finished(m_ssl);
}

bool TlsTransport::isConnected() const
{
    return !m_failed && m_inner->isConnected();
}

QString TlsTransport::peerAddress() const
{
    return m_inner->peerAddress();
}

int TlsTransport::bioWrite(BIO *bio, const char *data, int length)
{
    auto *self = static_cast<TlsTransport *>(BIO_get_data(bio));
    BIO_clear_retry_flags(bio);
    self->m_out.append(data, length);
    return length;
}

int TlsTransport::bioRead(BIO *bio, char *data, int length)
{
    auto *self = static_cast<TlsTransport *>(BIO_get_data(bio));
    BIO_clear_retry_flags(bio);
    const qsizetype available = self->m_in.size() - self->m_inOffset;
    if (available <= 0) {
        BIO_set_retry_read(bio); // more from the inner transport, then try again
        return -1;
    }
    const int taken = int(std::min<qsizetype>(available, length));
    std::copy_n(self->m_in.constData() + self->m_inOffset, taken, data);
    self->m_inOffset += taken;
    if (self->m_inOffset == self->m_in.size()) {
        self->m_in = QByteArray(); // nothing kept while idle
        self->m_inOffset = 0;
    }
    return taken;
}

long TlsTransport::bioControl(BIO *bio, int command, long, void *)
{
    switch (command) {
    case BIO_CTRL_FLUSH:
        return 1; // flushRecords() hands the records on after every call into OpenSSL
    case BIO_CTRL_PENDING: {
        const auto *self = static_cast<const TlsTransport *>(BIO_get_data(bio));
        return long(self->m_in.size() - self->m_inOffset);
    }
    default:
        return 0;
    }
}

qint64 TlsTransport::flushRecords()
{
    if (m_out.isEmpty())
        return m_innerPending;
    const QByteArray records = std::exchange(m_out, QByteArray());
    m_innerPending = m_inner->writeFrames({&records, 1});
    return m_innerPending;
}

void TlsTransport::fail(const char *what)
{
    if (m_failed)
        return;
    m_failed = true;
    char reason[256] = {};
    if (const unsigned long code = ERR_peek_last_error())
        ERR_error_string_n(code, reason, sizeof reason);
    ERR_clear_error();
    qCDebug(lcNet) << "TLS failed for" << peerAddress() << "in" << what << reason;
    flushRecords(); // the alert, if OpenSSL wrote one
    // Later: the caller may be the connection, in the middle of reading.
    QMetaObject::invokeMethod(m_inner, &Transport::disconnectFromHost, Qt::QueuedConnection);
}

QByteArray TlsTransport::read(qint64 maxBytes)
{
    if (m_failed || m_peerClosed) {
        // Whatever follows is read and dropped, so that the inner transport finds the end of
        // the stream (and the socket stops being readable: epoll is level-triggered).
        m_inner->skipAll();
        return {};
    }
    if (!t_scratch)
        t_scratch = std::make_unique<char[]>(ScratchBytes);
    const int capacity = int(std::min(maxBytes, ScratchBytes));
    int filled = 0;
    while (filled < capacity) {
        ERR_clear_error();
        const int n = SSL_read(m_ssl, t_scratch.get() + filled, capacity - filled);
        if (n > 0) {
            filled += n;
            continue;
        }
        const int error = SSL_get_error(m_ssl, n);
        flushRecords(); // handshake messages, alerts, key updates
        if (error == SSL_ERROR_WANT_READ) {
            if (filled > 0)
                break; // this first; the next read() takes more from the inner transport
            QByteArray records = m_inner->read(RecordReadBytes);
            if (records.isEmpty())
                break;
            if (m_inOffset == m_in.size()) {
                m_in = std::move(records);
                m_inOffset = 0;
            } else {
                m_in.remove(0, m_inOffset);
                m_inOffset = 0;
                m_in.append(records);
            }
            continue;
        }
        if (error == SSL_ERROR_ZERO_RETURN) {
            // Its close_notify: the end of its stream, as a FIN is over plain TCP. Ours
            // answers it, and the connection ends (from the event loop: we may be inside the
            // connection's read).
            m_peerClosed = true;
            ERR_clear_error();
            SSL_shutdown(m_ssl);
            flushRecords();
            m_writesClosed = true;
            QMetaObject::invokeMethod(
                m_inner, &Transport::disconnectFromHost, Qt::QueuedConnection);
            break;
        }
        fail(isEstablished() ? "SSL_read" : "the handshake");
        break;
    }
    return filled > 0 ? QByteArray(t_scratch.get(), filled) : QByteArray();
}

void TlsTransport::skipAll()
{
    while (!read(ScratchBytes).isEmpty()) { }
    if (m_peerClosed || m_failed)
        m_inner->skipAll(); // whatever follows the TLS stream
}

void TlsTransport::pauseReading(bool paused)
{
    m_inner->pauseReading(paused);
}

qint64 TlsTransport::unsentBytes() const
{
    return m_out.size() + m_inner->unsentBytes();
}

qint64 TlsTransport::writeFrames(std::span<const QByteArray> frames)
{
    if (m_failed || m_writesClosed || !isEstablished())
        return m_innerPending;
    qint64 total = 0;
    for (const QByteArray &frame : frames)
        total += frame.size();
    if (total == 0)
        return flushRecords();
    // Room for the records: 16 KiB of text each, at most 22 bytes of header and tag in TLS 1.3,
    // 29 in TLS 1.2 with AES-GCM; one allocation whatever the burst.
    m_out.reserve(qsizetype(total + (total / 16384 + 1) * 32));
    ERR_clear_error();
    int written = 0;
    if (frames.size() == 1) {
        written = SSL_write(m_ssl, frames.front().constData(), int(total));
    } else {
        // A burst in one go: fewer, fuller records than one per frame.
        QByteArray joined;
        joined.reserve(qsizetype(total));
        for (const QByteArray &frame : frames)
            joined.append(frame);
        written = SSL_write(m_ssl, joined.constData(), int(total));
    }
    if (written <= 0) {
        fail("SSL_write");
        return m_innerPending;
    }
    return flushRecords();
}

bool TlsTransport::closeWrites(const QByteArray &lastBytes)
{
    if (m_writesClosed)
        return true;
    if (m_failed || !m_inner->isConnected())
        return false;
    ERR_clear_error();
    if (isEstablished()) {
        if (!lastBytes.isEmpty()
            && SSL_write(m_ssl, lastBytes.constData(), int(lastBytes.size())) <= 0) {
            fail("SSL_write");
            return false;
        }
        SSL_shutdown(m_ssl); // close_notify: our stream ends here
    }
    m_writesClosed = true;
    const QByteArray records = std::exchange(m_out, QByteArray());
    return m_inner->closeWrites(records);
}

void TlsTransport::disconnectFromHost()
{
    if (!m_failed && !m_writesClosed && isEstablished()) {
        ERR_clear_error();
        SSL_shutdown(m_ssl);
        ERR_clear_error(); // a failed close_notify changes nothing: the socket closes anyway
        flushRecords();
    }
    m_writesClosed = true;
    m_inner->disconnectFromHost();
}

void TlsTransport::abort()
{
    m_inner->abort();
}

} // namespace Hubbub::Server
