// Servers found on the LAN, on the loopback interface only (nothing leaves this machine): the
// real hubbub-server binary announces itself on a UDP port of the test's own, the app's
// LanDiscovery lists it live with its name, address and fingerprint and drops it when it stops;
// --no-announce is silent; queries are answered at most once a second per asker; malformed and
// oversized datagrams change nothing on either side.

#include "discovery.h"
#include "landiscovery.h"
#include "serverprocess.h"

#include <QNetworkDatagram>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include <memory>
#include <vector>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

namespace {

//! A UDP port nothing else in this run uses: bound once to be given one, then released.
quint16 freeUdpPort()
{
    QUdpSocket socket;
    return socket.bind(QHostAddress::LocalHost, 0) ? socket.localPort() : 0;
}

QNetworkInterface loopback()
{
    return Discovery::interfaces(QHostAddress::LocalHost).value(0);
}

//! A raw socket on `from` that writes to the group on loopback and collects what comes back.
class RawPeer
{
public:
    explicit RawPeer(const QHostAddress &from = QHostAddress::LocalHost)
    {
        m_socket.bind(from, 0);
        m_socket.setMulticastInterface(loopback());
        m_socket.setSocketOption(QAbstractSocket::MulticastTtlOption, 0);
    }
    void send(const QByteArray &bytes, quint16 port)
    {
        m_socket.writeDatagram(bytes, Discovery::group(), port);
    }
    //! The announcements that came back within `ms`.
    QList<Discovery::Announcement> answers(int ms)
    {
        QList<Discovery::Announcement> result;
        QTest::qWait(ms);
        while (m_socket.hasPendingDatagrams()) {
            const auto decoded = Discovery::decode(m_socket.receiveDatagram().data());
            if (decoded.kind == Discovery::Kind::Announcement)
                result.append(decoded.announcement);
        }
        return result;
    }

private:
    QUdpSocket m_socket;
};

} // namespace

class tst_ClientDiscovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void serverFoundLiveAndGoneWhenItStops();
    void noAnnounceIsSilent();
    void queriesAnsweredAtMostOncePerSecondPerAsker();
    void malformedDatagramsChangeNothing();

private:
    //! The app's finder on the test's port, loopback only, started.
    std::unique_ptr<LanDiscovery> startFinder();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ServerProcess> m_server;
    quint16 m_port = 0;
};

void tst_ClientDiscovery::init()
{
    if (loopback().name().isEmpty())
        QSKIP("no loopback interface that can carry multicast");
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<ServerProcess>(
        QStringLiteral(HUBBUB_SERVER_BINARY), m_dir->filePath(u"hubbub.db"_s));
    m_port = freeUdpPort();
    QVERIFY(m_port != 0);
}

void tst_ClientDiscovery::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

std::unique_ptr<LanDiscovery> tst_ClientDiscovery::startFinder()
{
    auto finder = std::make_unique<LanDiscovery>();
    finder->setPort(m_port);
    finder->setLoopbackOnly(true);
    if (!finder->start())
        return nullptr;
    return finder;
}

void tst_ClientDiscovery::serverFoundLiveAndGoneWhenItStops()
{
    // The app is already looking when the server starts: its first announcement is heard.
    std::unique_ptr<LanDiscovery> early = startFinder();
    QVERIFY(early);
    QVERIFY2(m_server->start({u"--tls"_s, u"on"_s, u"--name"_s, u"Büro 3 — 会議室"_s,
                 u"--discovery-port"_s, QString::number(m_port)}),
        qPrintable(m_server->diagnostics()));
    QTRY_COMPARE_WITH_TIMEOUT(early->rowCount(), 1, 5000);

    // One that starts looking later asks, and is answered at once (not in 30 s).
    QElapsedTimer clock;
    clock.start();
    std::unique_ptr<LanDiscovery> late = startFinder();
    QVERIFY(late);
    QTRY_COMPARE_WITH_TIMEOUT(late->rowCount(), 1, 5000);
    qInfo("found by asking after %lld ms", clock.elapsed());
    for (LanDiscovery *finder : {early.get(), late.get()}) {
        const QModelIndex row = finder->index(0);
        QCOMPARE(row.data(LanDiscovery::NameRole).toString(), u"Büro 3 — 会議室"_s);
        QCOMPARE(row.data(LanDiscovery::UrlRole).toUrl(),
            QUrl(u"wss://127.0.0.1:%1/"_s.arg(m_server->port())));
        QCOMPARE(row.data(LanDiscovery::FingerprintRole).toString(), m_server->fingerprint());
        QCOMPARE(finder->announcedFingerprint(m_server->url()), m_server->fingerprint());
    }
    // Heard many times over (answers, announcements), listed once.
    QTest::qWait(500);
    QCOMPARE(late->rowCount(), 1);

    // Stopped, it forgets: nothing it heard goes stale unseen (the sign-in dialog stops it
    // when it closes).
    QSignalSpy reset(late.get(), &QAbstractItemModel::modelReset);
    late->stop();
    QCOMPARE(late->rowCount(), 0);
    QCOMPARE(reset.size(), 1);
    QVERIFY(late->announcedFingerprint(m_server->url()).isEmpty());
    QVERIFY(late->start());
    QTRY_COMPARE_WITH_TIMEOUT(late->rowCount(), 1, 5000);

    // It says goodbye when it stops.
    QVERIFY(m_server->terminate());
    QTRY_COMPARE_WITH_TIMEOUT(early->rowCount(), 0, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(late->rowCount(), 0, 5000);
}

void tst_ClientDiscovery::noAnnounceIsSilent()
{
    // --no-announce with the test's port: nothing announced, no query answered.
    QVERIFY2(m_server->start({u"--discovery-port"_s, QString::number(m_port), u"--no-announce"_s}),
        qPrintable(m_server->diagnostics()));
    std::unique_ptr<LanDiscovery> finder = startFinder();
    QVERIFY(finder);
    RawPeer asker;
    asker.send(Discovery::encodeQuery(), m_port);
    QVERIFY(asker.answers(2000).isEmpty());
    QCOMPARE(finder->rowCount(), 0);
}

void tst_ClientDiscovery::queriesAnsweredAtMostOncePerSecondPerAsker()
{
    QVERIFY2(m_server->start({u"--discovery-port"_s, QString::number(m_port)}),
        qPrintable(m_server->diagnostics()));
    // Apps on one machine are each answered, but no more than five a second from one address,
    // however many ports it asks from.
    std::vector<std::unique_ptr<RawPeer>> sameHost;
    for (int i = 0; i < 8; ++i) {
        sameHost.push_back(std::make_unique<RawPeer>());
        sameHost.back()->send(Discovery::encodeQuery(), m_port);
    }
    QTest::qWait(500); // every answer has arrived by then; all are counted together
    int answeredOnHost = 0;
    for (const auto &peer : sameHost)
        answeredOnHost += int(peer->answers(0).size());
    QCOMPARE(answeredOnHost, 5);
    QTest::qWait(1200); // the next second

    // A burst of 200 queries from one asker gets one answer in the first second.
    RawPeer flooder;
    for (int i = 0; i < 200; ++i)
        flooder.send(Discovery::encodeQuery(), m_port);
    const QList<Discovery::Announcement> answers = flooder.answers(800);
    QCOMPARE(answers.size(), 1);
    QVERIFY(!answers.first().tls); // ServerProcess runs it with --tls off
    QCOMPARE(answers.first().port, m_server->port());

    // Meanwhile another machine (another loopback address) is answered.
    RawPeer other(QHostAddress(u"127.0.0.2"_s));
    other.send(Discovery::encodeQuery(), m_port);
    QCOMPARE(other.answers(800).size(), 1);

    // And the first again, once its second is over.
    QTest::qWait(400);
    flooder.send(Discovery::encodeQuery(), m_port);
    QCOMPARE(flooder.answers(800).size(), 1);
}

void tst_ClientDiscovery::malformedDatagramsChangeNothing()
{
    QVERIFY2(
        m_server->start({u"--discovery-port"_s, QString::number(m_port), u"--name"_s, u"real"_s}),
        qPrintable(m_server->diagnostics()));
    std::unique_ptr<LanDiscovery> finder = startFinder();
    QVERIFY(finder);
    QTRY_COMPARE_WITH_TIMEOUT(finder->rowCount(), 1, 5000);
    const qint64 droppedBefore = finder->dropped();

    // What a hostile or broken peer might send to the group: both sides read it and drop it.
    RawPeer hostile;
    Discovery::Announcement fake;
    fake.id = u"fakefakefake"_s;
    fake.name = u"fake"_s;
    fake.port = 7300;
    fake.tls = true;
    fake.fingerprint = u"00"_s; // not a fingerprint
    const QList<QByteArray> junk {QByteArray("garbage"), QByteArray(2000, '{'),
        Discovery::encodeAnnouncement(fake), QByteArray("{\"hubbub-discovery\":1}"),
        Discovery::encodeAnnouncement(fake).replace("\"port\":7300", "\"port\":0"),
        QByteArray(Discovery::MaxDatagramBytes + 1, 'x')};
    for (const QByteArray &bytes : junk)
        hostile.send(bytes, m_port);
    QTRY_VERIFY_WITH_TIMEOUT(finder->dropped() >= droppedBefore + junk.size(), 5000);
    QCOMPARE(finder->rowCount(), 1);
    QCOMPARE(finder->index(0).data(LanDiscovery::NameRole).toString(), u"real"_s);

    // The server is still there and still answers (asked from another address, so that the
    // finder's own queries of this second do not count).
    RawPeer asker(QHostAddress(u"127.0.0.3"_s));
    asker.send(Discovery::encodeQuery(), m_port);
    QCOMPARE(asker.answers(1000).size(), 1);
    QVERIFY(m_server->isRunning());
}

QTEST_GUILESS_MAIN(tst_ClientDiscovery)
#include "tst_clientdiscovery.moc"
