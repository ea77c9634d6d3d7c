#pragma once

#include "serverframe.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>
#include <QWebSocket>

#include <functional>
#include <optional>

namespace Hubbub::Conformance {

//! Where the kit connects and how it trusts the server's certificate.
struct Target
{
    QUrl url;
    //! Accept any certificate (wss:// only).
    bool insecure = false;
    //! Accept a certificate with this SHA-256 digest (of the DER form), lower-case hex without
    //! separators; empty: only one the system trusts.
    QByteArray fingerprint;
    //! How long one wait for the server may take.
    int timeoutMs = 5000;
};

//! One frame received from the server: the JSON object as sent, and its decoding by common's
//! frame codec (the only part of the project the kit shares with the server it tests).
struct Frame
{
    QJsonObject json;
    ServerFrame frame;

    bool isReply() const { return frame.kind == ServerFrame::Kind::Reply; }
    bool isEvent() const { return frame.kind == ServerFrame::Kind::Event; }
};

//! One WebSocket connection of the kit, driven synchronously: every wait spins a local event
//! loop for at most the target's timeout. Everything the server sends is kept, in order, so a
//! check can look at events and ephemeral frames after the fact.
class Peer final : public QObject
{
    Q_OBJECT
public:
    explicit Peer(const Target &target, QObject *parent = nullptr);
    ~Peer() override;
    Q_DISABLE_COPY_MOVE(Peer)

    //! Connects (TCP, TLS, the WebSocket handshake); false with error() on failure.
    bool open();
    QString error() const { return m_error; }

    //! Sends `{"type": verb, "id": <next id>, ...params}` and returns the id.
    qint64 send(const QString &verb, QJsonObject params = {});
    //! The next request id send() will use.
    qint64 nextId() const { return m_nextId; }
    void sendText(const QString &text);
    void sendBinary(const QByteArray &data);

    //! Waits for the reply to request `id`; nullopt on a timeout or when the connection closed.
    std::optional<Frame> waitForReply(qint64 id);
    //! Waits until `done` holds or the timeout passes (spinning the event loop); `done` is
    //! tested again after every frame and state change.
    bool waitUntil(const std::function<bool()> &done, int timeoutMs = -1);
    //! Waits for the connection to close.
    bool waitForClosed(int timeoutMs = -1);
    //! Lets `ms` pass while frames keep arriving.
    void settle(int ms);

    //! Every frame received, in order.
    const QList<Frame> &frames() const { return m_frames; }
    //! The replies received, in order.
    QList<Frame> replies() const;
    //! The stored events received (kind Event), in order.
    QList<Frame> events() const;
    //! Frames the server sent that common's codec could not read as protocol-v1 frames.
    const QStringList &malformed() const { return m_malformed; }

    bool isOpen() const { return m_open; }
    bool isClosed() const { return m_closed; }
    int closeCode() const { return m_closeCode; }
    QString closeReason() const { return m_closeReason; }
    void close();
    const Target &target() const { return m_target; }

    //! Called with every ok reply to a request sent through call(): lets the kit note what a
    //! check created, also when a check fails after an unexpected success.
    using ReplyObserver = std::function<void(const QString &verb, const QJsonObject &reply)>;
    void setReplyObserver(ReplyObserver observer) { m_observer = std::move(observer); }
    void observeReply(const QString &verb, const QJsonObject &reply) const
    {
        if (m_observer)
            m_observer(verb, reply);
    }

private:
    void onText(const QString &text);
    void onSslErrors(const QList<QSslError> &errors);
    void wake();

    Target m_target;
    QWebSocket m_socket;
    QList<Frame> m_frames;
    QStringList m_malformed;
    QString m_error;
    qint64 m_nextId = 1;
    bool m_open = false;
    bool m_closed = false;
    int m_closeCode = -1;
    QString m_closeReason;
    std::function<void()> m_wake;
    ReplyObserver m_observer;
};

} // namespace Hubbub::Conformance
