#include "peer.h"

#include "codec.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QSslConfiguration>
#include <QTimer>

#include <algorithm>

namespace Hubbub::Conformance {

Peer::Peer(const Target &target, QObject *parent)
    : QObject(parent)
    , m_target(target)
{
    connect(&m_socket, &QWebSocket::connected, this, [this] {
        m_open = true;
        wake();
    });
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        m_open = false;
        m_closed = true;
        m_closeCode = int(m_socket.closeCode());
        m_closeReason = m_socket.closeReason();
        wake();
    });
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [this] {
        if (m_error.isEmpty())
            m_error = m_socket.errorString();
        wake();
    });
    connect(&m_socket, &QWebSocket::sslErrors, this, &Peer::onSslErrors);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &Peer::onText);
    connect(&m_socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &data) {
        m_malformed.append(QStringLiteral("a binary frame of %1 bytes").arg(data.size()));
        wake();
    });
}

Peer::~Peer()
{
    m_socket.disconnect(this);
    m_socket.abort();
}

bool Peer::open()
{
    m_socket.open(m_target.url);
    if (!waitUntil([this] { return m_open || m_closed || !m_error.isEmpty(); }))
        m_error = QStringLiteral("no WebSocket handshake within %1 ms").arg(m_target.timeoutMs);
    if (m_open)
        return true;
    if (m_error.isEmpty())
        m_error = QStringLiteral("the connection closed during the handshake");
    m_socket.abort();
    return false;
}

void Peer::onSslErrors(const QList<QSslError> &errors)
{
    if (m_target.insecure) {
        m_socket.ignoreSslErrors(errors);
        return;
    }
    // The leaf the handshake proved, never a certificate an error names (the chain is the
    // peer's to fill).
    const QSslCertificate leaf = m_socket.sslConfiguration().peerCertificate();
    const QByteArray digest
        = leaf.isNull() ? QByteArray() : leaf.digest(QCryptographicHash::Sha256).toHex();
    if (!m_target.fingerprint.isEmpty() && digest == m_target.fingerprint) {
        m_socket.ignoreSslErrors(errors);
        return;
    }
    m_error = QStringLiteral("the server's certificate is not trusted (SHA-256 %1): %2; pass "
                             "--fingerprint with the digest the server printed, or --insecure")
                  .arg(QString::fromLatin1(
                           leaf.digest(QCryptographicHash::Sha256).toHex(':').toUpper()),
                      errors.isEmpty() ? QString() : errors.constFirst().errorString());
    wake();
}

qint64 Peer::send(const QString &verb, QJsonObject params)
{
    const qint64 id = m_nextId++;
    params.insert(QStringLiteral("type"), verb);
    params.insert(QStringLiteral("id"), id);
    m_socket.sendTextMessage(Codec::encode(params));
    return id;
}

void Peer::sendText(const QString &text)
{
    m_socket.sendTextMessage(text);
}

void Peer::sendBinary(const QByteArray &data)
{
    m_socket.sendBinaryMessage(data);
}

void Peer::onText(const QString &text)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        m_malformed.append(QStringLiteral("not a JSON object: ") + text.left(200));
        wake();
        return;
    }
    Result<ServerFrame> decoded = decodeServerFrame(document.object());
    if (!decoded) {
        m_malformed.append(decoded.error().message + QStringLiteral(" in ") + text.left(200));
        wake();
        return;
    }
    m_frames.append(Frame {document.object(), std::move(*decoded)});
    wake();
}

void Peer::wake()
{
    if (m_wake)
        m_wake();
}

bool Peer::waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    if (done())
        return true;
    const QDeadlineTimer deadline(timeoutMs < 0 ? m_target.timeoutMs : timeoutMs);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    // Waits nest (a condition may itself make a request), and a failing check throws out of
    // them: whatever happens, the outer wait's wake-up is put back.
    const auto restore = qScopeGuard([this, previous = m_wake] { m_wake = previous; });
    m_wake = [&loop] { loop.quit(); };
    bool result = false;
    while (!(result = done()) && !deadline.hasExpired()) {
        // Frames and state changes wake the loop at once; the condition may also watch other
        // sockets (a raw TCP peer), so it is looked at every 50 ms as well.
        timer.start(int(std::clamp<qint64>(deadline.remainingTime(), 1, 50)));
        loop.exec();
    }
    return result;
}

std::optional<Frame> Peer::waitForReply(qint64 id)
{
    std::optional<Frame> found;
    qsizetype scanned = 0;
    waitUntil([&] {
        for (; scanned < m_frames.size(); ++scanned) {
            const Frame &frame = m_frames.at(scanned);
            if (frame.isReply() && frame.frame.id == id) {
                found = frame;
                return true;
            }
        }
        return m_closed;
    });
    return found;
}

bool Peer::waitForClosed(int timeoutMs)
{
    return waitUntil([this] { return m_closed; }, timeoutMs);
}

void Peer::settle(int ms)
{
    waitUntil([] { return false; }, ms);
}

QList<Frame> Peer::replies() const
{
    QList<Frame> result;
    for (const Frame &frame : m_frames) {
        if (frame.isReply())
            result.append(frame);
    }
    return result;
}

QList<Frame> Peer::events() const
{
    QList<Frame> result;
    for (const Frame &frame : m_frames) {
        if (frame.isEvent())
            result.append(frame);
    }
    return result;
}

void Peer::close()
{
    if (m_open)
        m_socket.close();
    waitForClosed(1000);
}

} // namespace Hubbub::Conformance
