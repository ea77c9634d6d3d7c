#include "benchclient.h"

#include <QSslError>

#include "workerpool.h"

#include <QJsonDocument>

namespace Hubbub::Bench {

namespace {

enum class Kind { Reply, Other, Unknown };

//! Both servers put `type` first or last in a frame, so a look at the two ends classifies
//! almost every frame without parsing it; the rest is parsed.
Kind classify(QStringView text)
{
    constexpr QLatin1StringView replyHead("{\"type\":\"reply\"");
    constexpr QLatin1StringView replyTail("\"type\":\"reply\"}");
    constexpr QLatin1StringView typeHead("{\"type\":\"");
    if (text.startsWith(replyHead) || text.endsWith(replyTail))
        return Kind::Reply;
    if (text.startsWith(typeHead))
        return Kind::Other;
    const qsizetype tail = text.lastIndexOf(QLatin1StringView("\"type\":\""));
    if (tail >= 0 && text.size() - tail < 40 && text.indexOf(u'"', tail + 8) == text.size() - 2)
        return Kind::Other;
    return Kind::Unknown;
}

} // namespace

BenchClient::BenchClient(QObject *parent)
    : QObject(parent)
    , m_socket(QString(), QWebSocketProtocol::VersionLatest)
{
    m_socket.setMaxAllowedIncomingMessageSize(64 * 1024 * 1024);
    m_socket.setMaxAllowedIncomingFrameSize(64 * 1024 * 1024);
    connect(&m_socket, &QWebSocket::connected, this, [this] {
        m_open = true;
        if (auto done = std::exchange(m_onOpen, nullptr))
            done(true);
    });
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        const bool wasOpen = std::exchange(m_open, false);
        failPending(QStringLiteral("connection closed"));
        if (auto done = std::exchange(m_onOpen, nullptr))
            done(false);
        if (wasOpen && m_onClosed)
            m_onClosed();
    });
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [this] {
        if (!m_open) {
            if (auto done = std::exchange(m_onOpen, nullptr))
                done(false);
        }
    });
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &BenchClient::onText);
    // wss:// to a server on loopback the bench started itself: its certificate is taken as is.
    connect(&m_socket, &QWebSocket::sslErrors, this,
        [this](const QList<QSslError> &errors) { m_socket.ignoreSslErrors(errors); });
}

BenchClient::~BenchClient()
{
    m_onClosed = nullptr;
    m_socket.abort();
}

void BenchClient::open(const QUrl &url, std::function<void(bool)> done)
{
    m_onOpen = std::move(done);
    m_socket.open(url);
}

void BenchClient::request(const QString &type, QJsonObject params, ReplyHandler done)
{
    const qint64 id = m_nextId++;
    params.insert(QStringLiteral("type"), type);
    params.insert(QStringLiteral("id"), id);
    if (!m_open) {
        done(QJsonObject {{QStringLiteral("type"), QStringLiteral("reply")},
            {QStringLiteral("id"), id}, {QStringLiteral("ok"), false},
            {QStringLiteral("error"),
                QJsonObject {{QStringLiteral("code"), QStringLiteral("closed")}}}});
        return;
    }
    m_pending.emplace_back(id, std::move(done));
    m_socket.sendTextMessage(
        QString::fromUtf8(QJsonDocument(params).toJson(QJsonDocument::Compact)));
}

void BenchClient::abort()
{
    m_socket.abort();
}

QString BenchClient::errorCode(const QJsonObject &reply)
{
    if (reply.value(QLatin1StringView("ok")).toBool())
        return {};
    const QString code = reply.value(QLatin1StringView("error"))
                             .toObject()
                             .value(QLatin1StringView("code"))
                             .toString();
    return code.isEmpty() ? QStringLiteral("malformed") : code;
}

void BenchClient::onText(const QString &text)
{
    m_arrivalNs = nowNs();
    Kind kind = m_pending.empty() ? Kind::Other : classify(text);
    QJsonObject object;
    if (kind == Kind::Unknown) {
        object = QJsonDocument::fromJson(text.toUtf8()).object();
        kind = object.value(QLatin1StringView("type")) == QLatin1StringView("reply") ? Kind::Reply
                                                                                     : Kind::Other;
    }
    if (kind == Kind::Other) {
        if (m_onEvent)
            m_onEvent(text);
        return;
    }
    if (object.isEmpty())
        object = QJsonDocument::fromJson(text.toUtf8()).object();
    if (m_pending.empty())
        return; // a reply to nothing of ours (id null): nothing waits for it
    auto [id, done] = std::move(m_pending.front());
    m_pending.pop_front();
    if (done)
        done(object);
}

void BenchClient::failPending(const QString &why)
{
    auto pending = std::move(m_pending);
    m_pending.clear();
    for (auto &[id, done] : pending) {
        if (done) {
            done(QJsonObject {{QStringLiteral("type"), QStringLiteral("reply")},
                {QStringLiteral("id"), id}, {QStringLiteral("ok"), false},
                {QStringLiteral("error"),
                    QJsonObject {{QStringLiteral("code"), QStringLiteral("closed")},
                        {QStringLiteral("message"), why}}}});
        }
    }
}

} // namespace Hubbub::Bench
