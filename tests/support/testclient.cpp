#include "testclient.h"

#include "codec.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSslError>
#include <QTcpServer>
#include <QTest>

namespace Hubbub::Test {

TestClient::TestClient(QObject *parent)
    : QObject(parent)
{
    // Above the largest message, so Qt never splits text at a multi-byte boundary (QTBUG: 1007).
    m_socket.setOutgoingFrameSize(64 * 1024 * 1024);
    m_socket.setMaxAllowedIncomingMessageSize(64 * 1024 * 1024);
    m_socket.setMaxAllowedIncomingFrameSize(64 * 1024 * 1024);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &TestClient::onText);
}

TestClient::~TestClient()
{
    m_socket.abort();
}

QString fingerprintOf(const QSslCertificate &certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

void trustFingerprint(QWebSocket &socket, const QString &fingerprint)
{
    QObject::connect(&socket, &QWebSocket::sslErrors, &socket,
        [&socket, fingerprint](const QList<QSslError> &errors) {
            // Self-signed and not issued for this name: what a pinned certificate shows.
            for (const QSslError &error : errors) {
                if (fingerprintOf(error.certificate()) != fingerprint)
                    return;
            }
            socket.ignoreSslErrors(errors);
        });
}

bool TestClient::open(const QUrl &url, int timeoutMs)
{
    m_socket.open(url);
    return QTest::qWaitFor([this] { return isConnected(); }, timeoutMs);
}

void TestClient::close()
{
    m_socket.close();
    (void)QTest::qWaitFor(
        [this] { return m_socket.state() == QAbstractSocket::UnconnectedState; }, 5000);
}

bool TestClient::isConnected() const
{
    return m_socket.state() == QAbstractSocket::ConnectedState;
}

qint64 TestClient::send(const QString &type, const QJsonObject &params)
{
    QJsonObject frame = params;
    const qint64 id = m_nextId++;
    frame.insert(QStringLiteral("type"), type);
    frame.insert(QStringLiteral("id"), id);
    m_socket.sendTextMessage(Codec::encode(frame));
    return id;
}

void TestClient::sendRaw(const QString &text)
{
    m_socket.sendTextMessage(text);
}

QJsonObject TestClient::waitReply(qint64 id, int timeoutMs)
{
    (void)QTest::qWaitFor([this, id] { return m_pending.contains(id); }, timeoutMs);
    return m_pending.take(id);
}

QJsonObject TestClient::request(const QString &type, const QJsonObject &params, int timeoutMs)
{
    return waitReply(send(type, params), timeoutMs);
}

QJsonObject TestClient::waitNullIdReply(int timeoutMs)
{
    (void)QTest::qWaitFor([this] { return !m_nullIdReplies.isEmpty(); }, timeoutMs);
    return m_nullIdReplies.isEmpty() ? QJsonObject() : m_nullIdReplies.takeFirst();
}

QJsonObject TestClient::registerUser(const QString &username, const QString &password)
{
    request(QStringLiteral("hello"),
        {{QStringLiteral("protocol"), 1}, {QStringLiteral("client"), QStringLiteral("test/1")}});
    const QJsonObject reply = request(QStringLiteral("auth.register"),
        {{QStringLiteral("username"), username}, {QStringLiteral("password"), password}});
    if (reply.value(QLatin1StringView("ok")).toBool()) {
        m_user = reply.value(QLatin1StringView("user")).toObject();
        m_token = reply.value(QLatin1StringView("token")).toString();
    }
    return reply;
}

QJsonObject TestClient::login(const QString &username, const QString &password)
{
    const QJsonObject reply = request(QStringLiteral("auth.login"),
        {{QStringLiteral("username"), username}, {QStringLiteral("password"), password}});
    if (reply.value(QLatin1StringView("ok")).toBool()) {
        m_user = reply.value(QLatin1StringView("user")).toObject();
        m_token = reply.value(QLatin1StringView("token")).toString();
    }
    return reply;
}

qint64 TestClient::userId() const
{
    return m_user.value(QLatin1StringView("id")).toInteger();
}

void TestClient::clearEvents()
{
    m_events.clear();
    m_ephemeral.clear();
}

QJsonObject TestClient::waitEvent(
    const std::function<bool(const QJsonObject &)> &match, int timeoutMs)
{
    QJsonObject found;
    (void)QTest::qWaitFor(
        [&] {
            for (const QJsonObject &event : std::as_const(m_events)) {
                if (match(event)) {
                    found = event;
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    return found;
}

QJsonObject TestClient::waitEventNamed(const QString &name, int timeoutMs)
{
    return waitEvent(
        [&name](const QJsonObject &e) {
            return e.value(QLatin1StringView("event")).toString() == name;
        },
        timeoutMs);
}

QJsonObject TestClient::waitEphemeral(
    const std::function<bool(const QJsonObject &)> &match, int timeoutMs)
{
    QJsonObject found;
    (void)QTest::qWaitFor(
        [&] {
            for (const QJsonObject &frame : std::as_const(m_ephemeral)) {
                if (match(frame)) {
                    found = frame;
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    return found;
}

qint64 TestClient::lastSeq() const
{
    qint64 seq = 0;
    for (const QJsonObject &event : m_events)
        seq = std::max(seq, event.value(QLatin1StringView("seq")).toInteger());
    return seq;
}

void TestClient::onText(const QString &text)
{
    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = frame.value(QLatin1StringView("type")).toString();
    if (type == u"reply") {
        m_replies.append(frame);
        const QJsonValue id = frame.value(QLatin1StringView("id"));
        if (id.isNull())
            m_nullIdReplies.append(frame);
        else
            m_pending.insert(id.toInteger(), frame);
    } else if (type == u"event") {
        m_events.append(frame);
    } else {
        m_ephemeral.append(frame);
    }
    Q_EMIT frameReceived(frame);
}

QString errorCode(const QJsonObject &reply)
{
    return reply.value(QLatin1StringView("error"))
        .toObject()
        .value(QLatin1StringView("code"))
        .toString();
}

QString errorField(const QJsonObject &reply)
{
    return reply.value(QLatin1StringView("error"))
        .toObject()
        .value(QLatin1StringView("field"))
        .toString();
}

bool isOk(const QJsonObject &reply)
{
    return reply.value(QLatin1StringView("ok")).toBool();
}

QString dump(const QJsonValue &value)
{
    const QJsonDocument document
        = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    return QString::fromUtf8(document.toJson(QJsonDocument::Compact));
}

qint64 intOf(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1StringView(key)).toInteger();
}

QString stringOf(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1StringView(key)).toString();
}

QJsonObject objectOf(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1StringView(key)).toObject();
}

quint16 closedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace Hubbub::Test
