// libFuzzer target over the whole server path: frame -> decode -> rate limits -> auth gate ->
// handler -> store -> reply. A real in-process Server (TestServer: SQLite file in a temporary
// folder, 127.0.0.1) and real QWebSocket clients; each input is one frame, and the target spins
// the event loop until that frame's reply arrives, within a bound.
//
// Input layout: if the first byte is 0x00..0x03 it is a mode byte and is not sent:
//   bit 0: send as a binary frame instead of a text frame;
//   bit 1: send on the guest connection (never logged in on purpose) instead of the member's.
// 0x04..0x07 is raw mode: the rest goes as it is onto a bare TCP connection of its own, so
// that the server's RFC 6455 layer sees what QWebSocket never writes (fragments, control
// frames, close codes, broken headers and handshakes):
//   bit 0: the rest starts with the upgrade request (else the harness sends a valid one first);
//   bit 1: the harness then half-closes (FIN) instead of resetting the connection.
// Any other first byte (JSON whitespace included): the whole input is a text frame on the
// member's connection, so plain JSON seeds work unchanged (and are shared with fuzz_codec).
//
// Findings (abort): a crash or sanitizer report in the server; no reply within the bound; a
// connection closed without a reply; a reply that is not a well-formed reply frame, carries
// another id than the frame's, or says `internal`; a binary frame from the server. In raw mode:
// anything but HTTP back, no 101 to the harness's own request, or the server no longer
// answering the member's ping after the raw connection ended.

#include "fuzztargets.h"

#include "codec.h"
#include "testserver.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>

namespace Hubbub::Fuzz {

namespace {

constexpr int ReplyBoundMs = 20000; // an argon2 hash under ASan on a busy machine is < 2 s
const QString Password = QStringLiteral("fuzzing password");

[[noreturn]] void finding(const char *what, const QByteArray &detail = {})
{
    std::fprintf(stderr, "fuzz_dispatch finding: %s %s\n", what, detail.left(2000).constData());
    std::abort();
}

//! Spins the event loop until `done` or the deadline. A ticking timer wakes the blocking wait.
bool spinUntil(const std::function<bool()> &done, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
        // Outside exec() deferred deletes (closed sessions) are not run by processEvents.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
    return true;
}

QString errorCodeOf(const QJsonObject &reply)
{
    return reply.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

//! Forwards each loopback TCP connection to the server from a source address of its own
//! (127.0.0.2, 127.0.0.3, ...). The server throttles failed sign-ins per address; the fuzzer
//! fails sign-ins all the time, and must not lock the harness's own sign-in out with them.
class Relay final
{
public:
    bool listen(quint16 serverPort)
    {
        m_serverPort = serverPort;
        QObject::connect(&m_listener, &QTcpServer::newConnection, &m_listener, [this] {
            while (QTcpSocket *in = m_listener.nextPendingConnection())
                forward(in);
        });
        return m_listener.listen(QHostAddress::LocalHost, 0);
    }
    QUrl url() const
    {
        return QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(m_listener.serverPort()));
    }

private:
    void forward(QTcpSocket *in)
    {
        auto *out = new QTcpSocket(in);
        if (++m_nextSource >= 0x00fffffe)
            m_nextSource = 2;
        if (!out->bind(QHostAddress(quint32(0x7f000000u + m_nextSource))))
            finding("cannot bind a loopback source address");
        const auto pipe = [](QTcpSocket *from, QTcpSocket *to) {
            QObject::connect(
                from, &QTcpSocket::readyRead, to, [from, to] { to->write(from->readAll()); });
            // A close passes on after the bytes before it (abort() would drop them).
            QObject::connect(from, &QTcpSocket::disconnected, to, [from, to] {
                to->write(from->readAll());
                to->disconnectFromHost();
                from->deleteLater();
            });
        };
        // Nothing is read from the client until the server side is connected.
        QObject::connect(out, &QTcpSocket::connected, in, [in, out, pipe] {
            pipe(in, out);
            pipe(out, in);
            out->write(in->readAll());
        });
        // Connection refused and the like; a remote close also lands here, and goes on through
        // `disconnected` above.
        QObject::connect(out, &QTcpSocket::errorOccurred, in, [in, out] {
            if (out->state() != QAbstractSocket::ConnectedState) {
                in->write(out->readAll());
                in->disconnectFromHost();
            }
        });
        out->connectToHost(QHostAddress::LocalHost, m_serverPort);
    }

    QTcpServer m_listener;
    quint16 m_serverPort = 0;
    quint32 m_nextSource = 1;
};

//! One client connection: counts replies and remembers the last one.
class Link final
{
public:
    bool open(const QUrl &url)
    {
        m_socket = std::make_unique<QWebSocket>();
        m_socket->setOutgoingFrameSize(64 * 1024 * 1024);
        m_socket->setMaxAllowedIncomingMessageSize(64 * 1024 * 1024);
        m_socket->setMaxAllowedIncomingFrameSize(64 * 1024 * 1024);
        QObject::connect(m_socket.get(), &QWebSocket::textMessageReceived, m_socket.get(),
            [this](const QString &text) { onText(text); });
        QObject::connect(m_socket.get(), &QWebSocket::binaryMessageReceived, m_socket.get(),
            [](const QByteArray &data) { finding("the server sent a binary frame", data); });
        QWebSocket *socket = m_socket.get();
        socket->open(url);
        return spinUntil(
            [socket] { return socket->state() == QAbstractSocket::ConnectedState; }, 10000);
    }

    bool isOpen() const { return m_socket && m_socket->state() == QAbstractSocket::ConnectedState; }
    QWebSocket &socket() { return *m_socket; }
    qint64 replies() const { return m_replies; }
    const QJsonObject &lastReply() const { return m_lastReply; }

    //! Sends a well-formed request with an id of our own and waits for its reply.
    QJsonObject request(const QString &type, QJsonObject params)
    {
        params.insert(QStringLiteral("type"), type);
        params.insert(QStringLiteral("id"), ++m_ownId);
        const qint64 before = m_replies;
        m_socket->sendTextMessage(Codec::encode(params));
        if (!spinUntil([&] { return m_replies > before || !isOpen(); }, ReplyBoundMs))
            finding("no reply to the harness's own request", type.toUtf8());
        return m_replies > before ? m_lastReply : QJsonObject();
    }

private:
    void onText(const QString &text)
    {
        const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
        const QString type = frame.value(QStringLiteral("type")).toString();
        if (type == QLatin1StringView("reply")) {
            ++m_replies;
            m_lastReply = frame;
        } else if (type != QLatin1StringView("event") && type != QLatin1StringView("presence")
            && type != QLatin1StringView("typing")) {
            finding("the server sent a frame of no known kind", text.toUtf8());
        }
    }

    std::unique_ptr<QWebSocket> m_socket;
    qint64 m_replies = 0;
    qint64 m_ownId = 1000000000000LL; // far from the small ids seeds use
    QJsonObject m_lastReply;
};

//! Everything that lives for the whole run. Never destroyed: libFuzzer exits with exit(), and
//! tearing a server down from a static destructor after QCoreApplication is gone is not worth it.
struct State
{
    QCoreApplication *app = nullptr;
    Test::TestServer *server = nullptr;
    Link *member = nullptr;
    Link *guest = nullptr;
    Relay *relay = nullptr;
    QTimer *tick = nullptr;
    QString username;
    QString token;
    int accounts = 0;
};

State &state()
{
    static State s;
    return s;
}

//! Opens a new member link (through the relay: a fresh source address, so never throttled)
//! and signs it in as our user; `force` does so even if the current link is still open.
void signInMember(bool force)
{
    State &s = state();
    if (!force && s.member && s.member->isOpen())
        return;
    if (s.member) {
        s.member->socket().abort();
        delete s.member;
    }
    s.member = new Link;
    if (!s.member->open(s.relay->url()))
        finding("cannot connect the member link");
    if (!s.token.isEmpty()) {
        const QJsonObject reply
            = s.member->request(QStringLiteral("auth.token"), {{QStringLiteral("token"), s.token}});
        if (reply.value(QStringLiteral("ok")).toBool())
            return;
    }
    // Our token was revoked (the fuzzer sent auth.logout as our user): a fresh account. Not a
    // login: failed logins the fuzzer sends for our username would throttle that.
    const QString username = QStringLiteral("fuzzer%1").arg(++s.accounts);
    const QJsonObject reply = s.member->request(QStringLiteral("auth.register"),
        {{QStringLiteral("username"), username}, {QStringLiteral("password"), Password}});
    if (!reply.value(QStringLiteral("ok")).toBool())
        finding("cannot register the harness's user", QJsonDocument(reply).toJson());
    s.username = username;
    s.token = reply.value(QStringLiteral("token")).toString();
}

void openGuest()
{
    State &s = state();
    s.guest = new Link;
    if (!s.guest->open(s.server->url()))
        finding("cannot connect the guest link");
}

//! What the reply to a frame must look like, whatever the frame held. `decoded` is what the
//! frame decodes to (nullptr for a binary frame).
void checkReply(const QJsonObject &reply, const DecodedFrame *decoded)
{
    const QJsonValue ok = reply.value(QStringLiteral("ok"));
    if (!ok.isBool() || !reply.contains(QStringLiteral("id")))
        finding("a reply without ok/id", QJsonDocument(reply).toJson());
    if (ok.toBool() && (!decoded || !decoded->request))
        finding("an undecodable or binary frame answered ok", QJsonDocument(reply).toJson());
    const QJsonValue expectedId = decoded ? decoded->id : QJsonValue(QJsonValue::Null);
    if (reply.value(QStringLiteral("id")) != expectedId)
        finding("a reply with another id than the frame's", QJsonDocument(reply).toJson());
    if (!ok.toBool()) {
        const QJsonObject error = reply.value(QStringLiteral("error")).toObject();
        if (!errorCodeFromName(error.value(QStringLiteral("code")).toString()))
            finding("an error reply with an unknown code", QJsonDocument(reply).toJson());
        if (error.value(QStringLiteral("message")).toString().isEmpty())
            finding("an error reply without a message", QJsonDocument(reply).toJson());
        if (errorCodeOf(reply) == QLatin1StringView("internal"))
            finding("the server answered internal", QJsonDocument(reply).toJson());
    }
}

} // namespace

void initDispatch(int *argc, char ***argv)
{
    State &s = state();
    if (s.app)
        return;
    qputenv("QT_QPA_PLATFORM", "offscreen");
    // Quiet: the server logs every dropped peer at info level.
    qputenv("QT_LOGGING_RULES", "hubbub.*.info=false;hubbub.*.debug=false;qt.*=false");
    s.app = new QCoreApplication(*argc, *argv);
    s.tick = new QTimer;
    s.tick->start(50);

    s.server = new Test::TestServer;
    Server::ServerConfig &config = s.server->config();
    // The budgets would soon answer every frame with rate_limited and hide the handlers;
    // tst_robustness covers the limiter itself.
    config.requestsPerSecond = 1e9;
    config.requestBurst = 1e9;
    config.bytesPerSecond = 1e12;
    config.bytesBurst = 1e12;
    config.maxPendingHashes = 1000;
    // Keeps sync {since: 0} cheap as the log grows over millions of inputs.
    config.syncMaxBytes = 256 * 1024;
    config.durability = Server::Durability::Normal;
    if (!s.server->start())
        finding("the server did not start");

    s.relay = new Relay;
    if (!s.relay->listen(s.server->server()->port()))
        finding("the relay did not start");
    signInMember(true);
    openGuest();
}

//! Raw mode: the bytes on a bare TCP connection, then a reset or a half-close; the member's
//! pings around it are the bound (the server has read what was sent, then seen the end).
void sendRaw(quint8 mode, const QByteArray &bytes)
{
    State &s = state();
    signInMember(false);
    QTcpSocket raw;
    raw.connectToHost(QHostAddress::LocalHost, s.server->server()->port());
    if (!spinUntil([&] { return raw.state() == QAbstractSocket::ConnectedState; }, 10000))
        finding("cannot connect the raw link");
    const bool ownRequest = (mode & 1) == 0;
    if (ownRequest) {
        raw.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                  "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                  "Sec-WebSocket-Version: 13\r\n\r\n");
    }
    raw.write(bytes);
    raw.flush();
    const auto pingMember = [&s](const char *when) {
        const QJsonObject reply = s.member->request(QStringLiteral("ping"), {});
        if (!reply.value(QStringLiteral("ok")).toBool())
            finding(when, QJsonDocument(reply).toJson());
    };
    pingMember("no pong to the member after a raw connection sent its bytes");
    const QByteArray answer = raw.readAll();
    if (!answer.isEmpty() && !answer.startsWith("HTTP/1.1 "))
        finding("the server answered a raw connection with something but HTTP", answer.left(64));
    if (ownRequest && !answer.isEmpty() && !answer.startsWith("HTTP/1.1 101 "))
        finding("the server refused a valid upgrade request", answer.left(64));
    if (mode & 2)
        raw.disconnectFromHost();
    else
        raw.abort();
    pingMember("no pong to the member after a raw connection ended");
}

void dispatch(const std::uint8_t *data, std::size_t size)
{
    State &s = state();
    if (size > 0 && data[0] >= 0x04 && data[0] <= 0x07) {
        sendRaw(data[0], QByteArray(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1)));
        return;
    }
    bool binary = false;
    bool onGuest = false;
    if (size > 0 && data[0] <= 0x03) {
        binary = (data[0] & 1) != 0;
        onGuest = (data[0] & 2) != 0;
        ++data;
        --size;
    }
    const QByteArray frame(reinterpret_cast<const char *>(data), qsizetype(size));

    if (onGuest && !s.guest->isOpen()) {
        delete s.guest;
        openGuest();
    }
    if (!onGuest)
        signInMember(false);
    Link &link = onGuest ? *s.guest : *s.member;

    // Text goes out as Qt sends it: invalid UTF-8 becomes U+FFFD on the way.
    const QString text = QString::fromUtf8(frame);
    const qint64 before = link.replies();
    if (binary)
        link.socket().sendBinaryMessage(frame);
    else
        link.socket().sendTextMessage(text);
    if (!spinUntil([&] { return link.replies() > before || !link.isOpen(); }, ReplyBoundMs))
        finding("no reply within the bound", frame);
    if (link.replies() == before)
        finding("the connection closed without a reply", frame);
    const QJsonObject reply = link.lastReply();
    const DecodedFrame decoded = binary ? DecodedFrame() : Codec::decodeRequest(text);
    checkReply(reply, binary ? nullptr : &decoded);

    // `hello` with another protocol answers unsupported_protocol and may close; wait for the
    // close to land so the next input does not race it.
    if (errorCodeOf(reply) == QLatin1StringView("unsupported_protocol"))
        (void)spinUntil([&] { return !link.isOpen(); }, 2000);

    // Keep the links' roles for the next input: the member signed in (only a successful
    // auth.logout ends that; failed sign-ins do not), the guest never signed in.
    const bool signedSomething = reply.value(QStringLiteral("ok")).toBool() && decoded.request
        && (decoded.request->type == MessageType::AuthLogin
            || decoded.request->type == MessageType::AuthRegister
            || decoded.request->type == MessageType::AuthToken
            || decoded.request->type == MessageType::AuthLogout);
    if (signedSomething && onGuest) {
        s.guest->socket().abort();
        delete s.guest;
        openGuest();
    } else if (signedSomething && decoded.request->type == MessageType::AuthLogout) {
        signInMember(true);
    }
}

} // namespace Hubbub::Fuzz

#ifndef HUBBUB_FUZZ_REPLAY
extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    Hubbub::Fuzz::initDispatch(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    Hubbub::Fuzz::dispatch(data, size);
    return 0;
}
#endif
