// TLS in the real hubbub-server binary: the self-signed certificate it makes and keeps, wss://
// clients, the protocol versions it refuses, renegotiation, plain clients and garbage on the TLS
// port, and a certificate reloaded on SIGHUP under open connections. Raw TLS clients here are
// OpenSSL's, blocking with timeouts: the server runs in its own process.

#include "net/tlscontext.h"
#include "serverprocess.h"
#include "testclient.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <memory>

using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

namespace {

QString serverBinary()
{
    return QStringLiteral(HUBBUB_SERVER_BINARY);
}

//! A blocking OpenSSL client on 127.0.0.1 with 5 s timeouts.
class RawTlsClient
{
public:
    RawTlsClient(int minVersion, int maxVersion)
        : m_context(SSL_CTX_new(TLS_client_method()))
    {
        // Debian's openssl.cnf asks for TLS 1.2 at least; these override it, so that the
        // refusal of an older version is the server's, not our own library's.
        SSL_CTX_set_security_level(m_context, 0);
        SSL_CTX_set_min_proto_version(m_context, minVersion);
        SSL_CTX_set_max_proto_version(m_context, maxVersion);
        SSL_CTX_set_verify(m_context, SSL_VERIFY_NONE, nullptr);
    }
    ~RawTlsClient()
    {
        SSL_free(m_ssl);
        SSL_CTX_free(m_context);
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Q_DISABLE_COPY_MOVE(RawTlsClient)

    bool connectTo(quint16 port)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        timeval timeout {5, 0};
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        ::setsockopt(m_fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        return ::connect(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
    }
    //! The TLS handshake; on failure, failure() says why (OpenSSL's reason).
    bool handshake()
    {
        m_ssl = SSL_new(m_context);
        SSL_set_fd(m_ssl, m_fd);
        ERR_clear_error();
        if (SSL_connect(m_ssl) == 1)
            return true;
        recordFailure();
        return false;
    }
    QString version() const { return QString::fromLatin1(SSL_get_version(m_ssl)); }
    QString failure() const { return m_failure; }
    SSL *ssl() const { return m_ssl; }
    int fd() const { return m_fd; }
    //! Writes `text` over TLS and reads until `marker` arrives, the peer closes or 5 s pass.
    QByteArray exchange(const QByteArray &text, const QByteArray &marker)
    {
        if (SSL_write(m_ssl, text.constData(), int(text.size())) <= 0) {
            recordFailure();
            return {};
        }
        QByteArray received;
        char buffer[4096];
        while (!received.contains(marker)) {
            const int n = SSL_read(m_ssl, buffer, sizeof buffer);
            if (n <= 0) {
                recordFailure();
                break;
            }
            received.append(buffer, n);
        }
        return received;
    }
    void recordFailure()
    {
        char reason[256] = {};
        if (const unsigned long code = ERR_peek_last_error())
            ERR_error_string_n(code, reason, sizeof reason);
        m_failure = QString::fromLatin1(reason);
        ERR_clear_error();
    }

private:
    SSL_CTX *m_context;
    SSL *m_ssl = nullptr;
    int m_fd = -1;
    QString m_failure;
};

const QByteArray UpgradeRequest
    = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
      "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
      "Sec-WebSocket-Version: 13\r\n\r\n";

//! Sends `bytes` on a plain TCP connection and waits for the server to close it; what it sent
//! back, or "(still open)".
QByteArray plainExchange(quint16 port, const QByteArray &bytes, int timeoutMs = 2000)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return "(no connection)";
    socket.write(bytes);
    QByteArray received;
    const bool closed = QTest::qWaitFor(
        [&] {
            received += socket.readAll();
            return socket.state() == QAbstractSocket::UnconnectedState;
        },
        timeoutMs);
    received += socket.readAll();
    return closed ? received : QByteArray("(still open)");
}

} // namespace

class tst_Tls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void certificateMadeOnceAndKept();
    void signInOverWss();
    void unknownCertificateIsNotTrustedByDefault();
    void oldProtocolVersionsRefused();
    void renegotiationRefused();
    void peerCloseNotifyEndsTheConnection();
    void plainClientsAndGarbageDropped_data();
    void plainClientsAndGarbageDropped();
    void reloadOnSighup();
    void givenCertificateProblems();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ServerProcess> m_server;
};

void tst_Tls::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<ServerProcess>(serverBinary(), m_dir->filePath(u"hubbub.db"_s));
}

void tst_Tls::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

void tst_Tls::certificateMadeOnceAndKept()
{
    QVERIFY2(m_server->start({u"--tls"_s, u"on"_s, u"--name"_s, u"office-hub"_s}),
        qPrintable(m_server->diagnostics()));
    QVERIFY(m_server->isTls());
    QCOMPARE(m_server->url().scheme(), u"wss"_s);
    const QString certificatePath = m_dir->filePath(u"hubbub.db.cert.pem"_s);
    const QString keyPath = m_dir->filePath(u"hubbub.db.key.pem"_s);
    QVERIFY(QFile::exists(certificatePath));
    QVERIFY(QFile::exists(keyPath));
    // The key is its owner's only; the certificate is public.
    const QFile::Permissions keyPermissions = QFile::permissions(keyPath);
    QVERIFY(keyPermissions.testFlags(QFile::ReadOwner | QFile::WriteOwner));
    QVERIFY2(!(keyPermissions
                 & (QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther
                     | QFile::WriteOther | QFile::ExeOther)),
        qPrintable(QString::number(int(keyPermissions), 16)));
    QVERIFY(!QFile::exists(keyPath + u".partial"_s));

    // What it printed is the certificate it serves and the one in the file.
    const QList<QSslCertificate> stored = QSslCertificate::fromPath(certificatePath);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(fingerprintOf(stored.first()), m_server->fingerprint());
    QVERIFY(stored.first().subjectInfo(QSslCertificate::CommonName).contains(u"office-hub"_s));
    QVERIFY(stored.first().expiryDate() > QDateTime::currentDateTimeUtc().addYears(19));
    QVERIFY(stored.first().effectiveDate() <= QDateTime::currentDateTimeUtc());
    const QStringList names = stored.first().subjectAlternativeNames().values(QSsl::DnsEntry);
    QVERIFY2(names.contains(u"office-hub"_s) && names.contains(u"localhost"_s),
        qPrintable(names.join(u',')));
    QVERIFY(stored.first()
                .subjectAlternativeNames()
                .values(QSsl::IpAddressEntry)
                .contains(u"127.0.0.1"_s));

    const QString first = m_server->fingerprint();
    QVERIFY(m_server->terminate());
    QVERIFY2(m_server->start({u"--tls"_s, u"on"_s}), qPrintable(m_server->diagnostics()));
    QCOMPARE(m_server->fingerprint(), first);
}

void tst_Tls::signInOverWss()
{
    QVERIFY2(m_server->start({u"--tls"_s, u"on"_s}), qPrintable(m_server->diagnostics()));
    TestClient alice;
    alice.trust(m_server->fingerprint());
    QVERIFY(alice.open(m_server->url()));
    QVERIFY(isOk(alice.registerUser(u"alice"_s)));
    TestClient bob;
    bob.trust(m_server->fingerprint());
    QVERIFY(bob.open(m_server->url()));
    QVERIFY(isOk(bob.registerUser(u"bob"_s)));

    // A message larger than a TLS record (16 KiB) both ways, and the event to the other.
    const QString text = QString(20000, u'é');
    const QJsonObject reply
        = alice.request(u"post.create"_s, {{u"title"_s, u"Über TLS"_s}, {u"content"_s, text}});
    QVERIFY2(isOk(reply), qPrintable(dump(reply)));
    const QJsonObject event = bob.waitEventNamed(u"post.created"_s);
    QCOMPARE(postOf(event).value(u"content"_s).toString(), text);
    const QJsonObject page = bob.request(u"feed.page"_s);
    QVERIFY(isOk(page));
    QVERIFY(dump(page).contains(text));
}

void tst_Tls::unknownCertificateIsNotTrustedByDefault()
{
    QVERIFY2(m_server->start({u"--tls"_s, u"on"_s}), qPrintable(m_server->diagnostics()));
    TestClient stranger;
    QList<QSslError> seen;
    connect(&stranger.socket(), &QWebSocket::sslErrors, this,
        [&seen](const QList<QSslError> &errors) { seen = errors; });
    QVERIFY(!stranger.open(m_server->url(), 3000));
    QVERIFY(!seen.isEmpty());
    QCOMPARE(fingerprintOf(seen.first().certificate()), m_server->fingerprint());

    // Trusting another fingerprint is no better.
    TestClient wrong;
    wrong.trust(QString(m_server->fingerprint()).replace(0, 2, u"00"_s));
    QVERIFY(!wrong.open(m_server->url(), 3000));
}

void tst_Tls::oldProtocolVersionsRefused()
{
    QVERIFY2(m_server->start({u"--tls"_s, u"on"_s}), qPrintable(m_server->diagnostics()));
    struct Case
    {
        int version;
        bool accepted;
        const char *name;
    };
    for (const Case &c :
        {Case {TLS1_VERSION, false, "TLSv1"}, Case {TLS1_1_VERSION, false, "TLSv1.1"},
            Case {TLS1_2_VERSION, true, "TLSv1.2"}, Case {TLS1_3_VERSION, true, "TLSv1.3"}}) {
        RawTlsClient client(c.version, c.version);
        QVERIFY(client.connectTo(m_server->port()));
        const bool shookHands = client.handshake();
        QVERIFY2(shookHands == c.accepted,
            qPrintable(u"%1: %2"_s.arg(QLatin1StringView(c.name), client.failure())));
        if (c.accepted) {
            QCOMPARE(client.version(), QLatin1StringView(c.name));
            // And a WebSocket on top of it.
            const QByteArray answer = client.exchange(UpgradeRequest, "\r\n\r\n");
            QVERIFY2(answer.startsWith("HTTP/1.1 101"), answer.constData());
        } else {
            // Refused by the server's alert, not by our own library.
            QVERIFY2(client.failure().contains(u"alert protocol version"_s)
                    || client.failure().contains(u"unsupported protocol"_s),
                qPrintable(client.failure()));
        }
    }
}

void tst_Tls::renegotiationRefused()
{
    QVERIFY2(m_server->start({u"--tls"_s, u"on"_s}), qPrintable(m_server->diagnostics()));
    RawTlsClient client(TLS1_2_VERSION, TLS1_2_VERSION);
    QVERIFY(client.connectTo(m_server->port()));
    QVERIFY2(client.handshake(), qPrintable(client.failure()));
    QVERIFY(SSL_renegotiate(client.ssl()) == 1);
    ERR_clear_error();
    // The client's ClientHello goes out with the next write; the server answers with a
    // no_renegotiation alert instead of a ServerHello.
    const QByteArray answer = client.exchange(UpgradeRequest, "\r\n\r\n");
    const bool renegotiated = SSL_renegotiate_pending(client.ssl()) == 0
        && SSL_num_renegotiations(client.ssl()) > 0 && SSL_total_renegotiations(client.ssl()) > 0;
    QVERIFY2(!renegotiated,
        qPrintable(u"renegotiated; answer %1, %2"_s.arg(
            QString::fromLatin1(answer.left(40)), client.failure())));
    QVERIFY2(SSL_renegotiate_pending(client.ssl()) == 1 || !client.failure().isEmpty(),
        qPrintable(client.failure()));
}

void tst_Tls::peerCloseNotifyEndsTheConnection()
{
    // What TLS health checks and many clients do: upgrade, then close_notify without a
    // WebSocket close frame. The server answers with its own close_notify and closes, at once
    // (not after the ping timeout, spinning on a readable socket meanwhile).
    QVERIFY2(m_server->start({u"--tls"_s, u"on"_s}), qPrintable(m_server->diagnostics()));
    RawTlsClient client(TLS1_2_VERSION, TLS1_3_VERSION);
    QVERIFY(client.connectTo(m_server->port()));
    QVERIFY2(client.handshake(), qPrintable(client.failure()));
    QVERIFY(client.exchange(UpgradeRequest, "\r\n\r\n").startsWith("HTTP/1.1 101"));
    QElapsedTimer clock;
    clock.start();
    QVERIFY(SSL_shutdown(client.ssl()) >= 0); // our close_notify; the socket stays open
    char buffer[256];
    int n = 0;
    while ((n = SSL_read(client.ssl(), buffer, sizeof buffer)) > 0) { }
    QCOMPARE(SSL_get_error(client.ssl(), n), SSL_ERROR_ZERO_RETURN); // the server's close_notify
    QCOMPARE(::recv(client.fd(), buffer, sizeof buffer, 0), ssize_t(0)); // and its FIN
    QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));

    // The server is none the worse: a real client is served.
    TestClient after;
    after.trust(m_server->fingerprint());
    QVERIFY(after.open(m_server->url()));
    QVERIFY(isOk(after.registerUser(u"after"_s)));
}

void tst_Tls::plainClientsAndGarbageDropped_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addRow("plain WebSocket upgrade") << UpgradeRequest;
    QTest::addRow("plain HTTP") << QByteArray("GET / HTTP/1.0\r\n\r\n");
    QByteArray garbage(1024, Qt::Uninitialized);
    QRandomGenerator generator(1729);
    for (char &c : garbage)
        c = char(generator.bounded(256));
    garbage[0] = 0x17; // not a handshake record
    QTest::addRow("random bytes") << garbage;
    // A record header that claims to be a handshake of 64 KiB: more than TLS allows (16 KiB
    // of plain text, 18 KiB encrypted).
    QTest::addRow("oversized record") << QByteArray::fromHex("160301ffff") + QByteArray(64, 'x');
}

void tst_Tls::plainClientsAndGarbageDropped()
{
    QFETCH(QByteArray, bytes);
    QVERIFY2(m_server->start({u"--tls"_s, u"on"_s}), qPrintable(m_server->diagnostics()));
    TestClient bystander;
    bystander.trust(m_server->fingerprint());
    QVERIFY(bystander.open(m_server->url()));
    QVERIFY(isOk(bystander.registerUser(u"bystander"_s)));

    QElapsedTimer clock;
    clock.start();
    const QByteArray answer = plainExchange(m_server->port(), bytes);
    QVERIFY2(answer != "(still open)" && answer != "(no connection)", answer.constData());
    // Closed at once (plainExchange waits 2 s at most, the handshake timeout is 10 s), with at
    // most a TLS alert.
    QVERIFY2(clock.elapsed() < 2500, qPrintable(QString::number(clock.elapsed())));
    QVERIFY2(answer.isEmpty() || answer.startsWith('\x15'), answer.toHex().constData());
    QVERIFY(!answer.contains("HTTP/1.1"));

    // A plain ws:// client gets no WebSocket either.
    QUrl plain = m_server->url();
    plain.setScheme(u"ws"_s);
    TestClient plainClient;
    QVERIFY(!plainClient.open(plain, 3000));

    QVERIFY(isOk(bystander.request(u"ping"_s)));
    QVERIFY(m_server->isRunning());
}

void tst_Tls::reloadOnSighup()
{
    using Hubbub::Server::TlsContext;
    const QString certificate = m_dir->filePath(u"server.crt"_s);
    const QString key = m_dir->filePath(u"server.key"_s);
    const QString nextCertificate = m_dir->filePath(u"next.crt"_s);
    const QString nextKey = m_dir->filePath(u"next.key"_s);
    QVERIFY(TlsContext::createSelfSigned(certificate, key, u"hub-a"_s).ok());
    QVERIFY(TlsContext::createSelfSigned(nextCertificate, nextKey, u"hub-b"_s).ok());
    const QString first = fingerprintOf(QSslCertificate::fromPath(certificate).value(0));
    const QString second = fingerprintOf(QSslCertificate::fromPath(nextCertificate).value(0));
    QVERIFY(!first.isEmpty() && first != second);

    QVERIFY2(m_server->start({u"--tls-cert"_s, certificate, u"--tls-key"_s, key}),
        qPrintable(m_server->diagnostics()));
    QCOMPARE(m_server->fingerprint(), first);
    QVERIFY(!QFile::exists(m_dir->filePath(u"hubbub.db.cert.pem"_s))); // none of its own
    TestClient early;
    early.trust(first);
    QVERIFY(early.open(m_server->url()));
    QVERIFY(isOk(early.registerUser(u"early"_s)));

    // New files in place (as certbot renews), then SIGHUP.
    QVERIFY(QFile::remove(certificate) && QFile::copy(nextCertificate, certificate));
    QVERIFY(QFile::remove(key) && QFile::copy(nextKey, key));
    const qsizetype printed = m_server->standardOutput().size();
    QCOMPARE(::kill(pid_t(m_server->process().processId()), SIGHUP), 0);
    const QByteArray expected = "Certificate SHA-256 fingerprint: " + second.toLatin1() + '\n';
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     (void)m_server->diagnostics(); // drains the output
                     return m_server->standardOutput().mid(printed).contains(expected);
                 },
                 10000),
        qPrintable(m_server->diagnostics()));

    // The open connection stays and is served; new ones get the new certificate.
    QVERIFY(early.isConnected());
    QVERIFY(isOk(early.request(u"ping"_s)));
    TestClient late;
    late.trust(second);
    QVERIFY(late.open(m_server->url()));
    QVERIFY(isOk(late.login(u"early"_s)));
    TestClient stale;
    stale.trust(first);
    QVERIFY(!stale.open(m_server->url(), 3000));

    // A broken file is refused and the certificate in use stays.
    QFile broken(certificate);
    QVERIFY(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
    broken.write("-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");
    broken.close();
    QCOMPARE(::kill(pid_t(m_server->process().processId()), SIGHUP), 0);
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     (void)m_server->diagnostics();
                     return m_server->standardError().contains("kept the certificate in use");
                 },
                 10000),
        qPrintable(m_server->diagnostics()));
    TestClient after;
    after.trust(second);
    QVERIFY(after.open(m_server->url()));
    QVERIFY(isOk(after.login(u"early"_s)));
    QVERIFY(isOk(early.request(u"ping"_s)));
}

void tst_Tls::givenCertificateProblems()
{
    using Hubbub::Server::TlsContext;
    const QString certificate = m_dir->filePath(u"a.crt"_s);
    const QString key = m_dir->filePath(u"a.key"_s);
    const QString otherCertificate = m_dir->filePath(u"b.crt"_s);
    const QString otherKey = m_dir->filePath(u"b.key"_s);
    QVERIFY(TlsContext::createSelfSigned(certificate, key, u"a"_s).ok());
    QVERIFY(TlsContext::createSelfSigned(otherCertificate, otherKey, u"b"_s).ok());

    struct Case
    {
        QStringList arguments;
        QString error;
    };
    const QList<Case> cases {
        {{u"--tls-cert"_s, certificate}, u"--tls-cert and --tls-key go together"_s},
        {{u"--tls-cert"_s, m_dir->filePath(u"missing.crt"_s), u"--tls-key"_s, key},
            u"cannot read"_s},
        {{u"--tls-cert"_s, certificate, u"--tls-key"_s, otherKey}, u"does not belong"_s},
        {{u"--tls-cert"_s, key, u"--tls-key"_s, key}, u"cannot use the certificate"_s},
        {{u"--tls"_s, u"off"_s, u"--tls-cert"_s, certificate, u"--tls-key"_s, key},
            u"need TLS on"_s},
        {{u"--tls"_s, u"maybe"_s}, u"--tls must be on or off"_s},
    };
    for (const Case &c : cases) {
        QVERIFY(!m_server->start(c.arguments));
        QVERIFY(m_server->waitForExit());
        QCOMPARE(m_server->process().exitCode(), 1);
        QVERIFY2(m_server->standardError().contains(c.error.toUtf8()),
            qPrintable(
                c.arguments.join(u' ') + u": "_s + QString::fromUtf8(m_server->standardError())));
    }
}

QTEST_GUILESS_MAIN(tst_Tls)
#include "tst_tls.moc"
