#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QUrl>
#include <QWebSocket>

#include <functional>

namespace Hubbub::Test {

//! `socket` accepts, over TLS, only the certificate with this SHA-256 fingerprint ("AB:CD:...")
//! when no CA vouches for it; any other certificate error stands.
void trustFingerprint(QWebSocket &socket, const QString &fingerprint);
//! The SHA-256 fingerprint of a certificate as the server prints it.
QString fingerprintOf(const QSslCertificate &certificate);

//! A real QWebSocket client for tests: sends requests with increasing ids, waits for replies
//! by spinning the event loop (never by sleeping), and records every event and ephemeral frame.
class TestClient final : public QObject
{
    Q_OBJECT
public:
    explicit TestClient(QObject *parent = nullptr);
    ~TestClient() override;

    bool open(const QUrl &url, int timeoutMs = 5000);
    //! For wss://: accepts a certificate no CA vouches for if its SHA-256 fingerprint is this
    //! one (as printed by the server), and no other.
    void trust(const QString &fingerprint) { trustFingerprint(m_socket, fingerprint); }
    void close();
    bool isConnected() const;
    QWebSocket &socket() { return m_socket; }

    //! Sends {type, id, ...params} and returns the id.
    qint64 send(const QString &type, const QJsonObject &params = {});
    //! Sends a raw text frame.
    void sendRaw(const QString &text);
    //! The reply to `id`; an empty object if none arrived in time.
    QJsonObject waitReply(qint64 id, int timeoutMs = 10000);
    //! send() then waitReply().
    QJsonObject request(const QString &type, const QJsonObject &params = {}, int timeoutMs = 10000);
    //! The next reply whose id is null (answers to undecodable frames).
    QJsonObject waitNullIdReply(int timeoutMs = 5000);

    //! auth.register (hello first); returns the reply. `user()` and `token()` are set on success.
    QJsonObject registerUser(
        const QString &username, const QString &password = QStringLiteral("correct horse"));
    QJsonObject login(
        const QString &username, const QString &password = QStringLiteral("correct horse"));
    QJsonObject user() const { return m_user; }
    QString token() const { return m_token; }
    qint64 userId() const;

    //! Event frames (type "event") in arrival order.
    const QList<QJsonObject> &events() const { return m_events; }
    //! Presence and typing frames in arrival order.
    const QList<QJsonObject> &ephemeral() const { return m_ephemeral; }
    //! Every reply in arrival order (to check ordering).
    const QList<QJsonObject> &replies() const { return m_replies; }
    void clearEvents();
    //! Waits until an event matches; returns it (empty on timeout).
    QJsonObject waitEvent(
        const std::function<bool(const QJsonObject &)> &match, int timeoutMs = 10000);
    QJsonObject waitEventNamed(const QString &name, int timeoutMs = 10000);
    QJsonObject waitEphemeral(
        const std::function<bool(const QJsonObject &)> &match, int timeoutMs = 10000);
    //! Highest seq seen in events.
    qint64 lastSeq() const;

Q_SIGNALS:
    void frameReceived(const QJsonObject &frame);

private:
    void onText(const QString &text);

    QWebSocket m_socket;
    qint64 m_nextId = 1;
    QHash<qint64, QJsonObject> m_pending;
    QList<QJsonObject> m_nullIdReplies;
    QList<QJsonObject> m_events;
    QList<QJsonObject> m_ephemeral;
    QList<QJsonObject> m_replies;
    QJsonObject m_user;
    QString m_token;
};

//! Error code of a reply ("" when ok or empty).
QString errorCode(const QJsonObject &reply);
//! `error.field` of a reply ("" when none).
QString errorField(const QJsonObject &reply);
//! Whether a reply says ok: true.
bool isOk(const QJsonObject &reply);
//! Compact JSON of an object or array, for failure messages.
QString dump(const QJsonValue &value);
//! o[key] as an integer, a string, an object (0, "" or {} when absent or of another type).
qint64 intOf(const QJsonObject &o, const char *key);
QString stringOf(const QJsonObject &o, const char *key);
QJsonObject objectOf(const QJsonObject &o, const char *key);
//! The fields nearly every protocol test reads: a frame's `seq`, an object's `id`, a frame's
//! `post`, an event frame's `event` name.
inline qint64 seqOf(const QJsonObject &frame)
{
    return intOf(frame, "seq");
}
inline qint64 idOf(const QJsonObject &object)
{
    return intOf(object, "id");
}
inline QJsonObject postOf(const QJsonObject &frame)
{
    return objectOf(frame, "post");
}
inline QString eventName(const QJsonObject &event)
{
    return stringOf(event, "event");
}

//! A loopback port nothing listens on: bound once to be given a free one, then released (0 when
//! even that fails).
quint16 closedPort();

} // namespace Hubbub::Test
