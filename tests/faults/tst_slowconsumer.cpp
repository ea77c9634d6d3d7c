// One authenticated client stops reading while everybody else keeps receiving a steady stream
// of events. The slow one must be cut off once its unsent bytes pass the server's bound, the
// server's memory must stay within that bound plus a margin, and the others must receive every
// event, in order, with low latency. tests/server/tst_slowpeers.cpp checks the drop itself on a
// small scale; this measures it at size:
// - inProcessFanOut: 10,000 chat messages of about 200 bytes from writers that respect the rate
//   limit, a 1 MiB bound (so the drop happens inside the run), p99 delivery latency;
// - binaryMemory: the real hubbub-server with its default 24 MiB bound and 20 KB posts, its RSS
//   sampled from /proc while the slow peer's backlog builds up.
// HUBBUB_LONG_TESTS=1 sends more (50,000 messages; 8,000 posts).

#include "processprobe.h"
#include "rawpeer.h"
#include "sanitizers.h"
#include "serverprocess.h"
#include "testclient.h"
#include "testenv.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <vector>

using namespace Hubbub::Test;
using namespace Hubbub::Test::ProcessProbe;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 MiB = 1024 * 1024;

//! A WebSocket client on a bare socket with a tiny kernel receive buffer, so that once it stops
//! reading the bytes really stay in the server: not in this process, and hardly in the kernel.
//! Until stopReading() it reads like any client; it never answers a ping.
RawPeer::Options slowPeer()
{
    RawPeer::Options options;
    options.receiveBufferBytes = 4096;
    options.answerControlFrames = false;
    return options;
}

//! A connection that counts the events it receives without parsing them in full.
class Member final : public QObject
{
    Q_OBJECT
public:
    explicit Member(const QElapsedTimer &clock)
        : m_clock(clock)
    {
        m_socket.setMaxAllowedIncomingMessageSize(64 * MiB);
        m_socket.setMaxAllowedIncomingFrameSize(64 * MiB);
        m_socket.setOutgoingFrameSize(64 * MiB);
        connect(&m_socket, &QWebSocket::textMessageReceived, this, &Member::onText);
    }

    bool open(const QUrl &url, const QString &token)
    {
        m_socket.open(url);
        if (!QTest::qWaitFor(
                [this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, 5000))
            return false;
        send(u"auth.token"_s, {{u"token"_s, token}});
        return QTest::qWaitFor([this] { return m_okReplies == 1; }, 10000);
    }

    void send(const QString &type, QJsonObject params)
    {
        params.insert(u"type"_s, type);
        params.insert(u"id"_s, ++m_sent);
        m_socket.sendTextMessage(
            QString::fromUtf8(QJsonDocument(params).toJson(QJsonDocument::Compact)));
    }

    qint64 outstanding() const { return m_sent - m_okReplies - m_failedReplies; }
    qint64 sent() const { return m_sent; }
    QList<qint64> seqs;
    QList<qint64> latenciesMs;
    QList<QString> failures;
    QList<qint64> offlineUsers;
    //! Send time (ms on the shared clock) of each tagged message, filled by the writers.
    static inline QHash<qint64, qint64> sentAt;
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }

private:
    void onText(const QString &text)
    {
        const qint64 now = m_clock.elapsed();
        if (text.endsWith(u"\"type\":\"event\"}")) {
            // Keys come out sorted: "seq" and "type" are last; the tag starts the text or title.
            const qsizetype at = text.lastIndexOf(u"\"seq\":");
            seqs.append(QStringView(text).mid(at + 6).toString().section(u',', 0, 0).toLongLong());
            const qsizetype tag = text.indexOf(u"\"#");
            if (tag >= 0) {
                const qint64 k = QStringView(text)
                                     .mid(tag + 2, 12)
                                     .toString()
                                     .section(u' ', 0, 0)
                                     .toLongLong();
                if (sentAt.contains(k))
                    latenciesMs.append(now - sentAt.value(k));
            }
            return;
        }
        const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
        const QString type = frame.value("type"_L1).toString();
        if (type == u"reply") {
            if (frame.value("ok"_L1).toBool()) {
                ++m_okReplies;
            } else {
                ++m_failedReplies;
                failures.append(text.left(300));
            }
        } else if (type == u"presence" && frame.value("event"_L1).toString() == u"offline") {
            offlineUsers.append(frame.value("user"_L1).toObject().value("id"_L1).toInteger());
        }
    }

    const QElapsedTimer &m_clock;
    QWebSocket m_socket;
    qint64 m_sent = 0;
    qint64 m_okReplies = 0;
    qint64 m_failedReplies = 0;
};

//! Sends `total` creates spread over the writers, each staying inside the server's request
//! bucket (burst 400, 100/s) with a margin: at most 300 + 90/s, and at most 64 in flight.
//! `make(k)` builds the k-th request. Returns false on timeout.
bool writePaced(std::vector<std::unique_ptr<Member>> &writers, const QElapsedTimer &clock,
    qint64 total, const std::function<QPair<QString, QJsonObject>(qint64)> &make,
    const std::function<bool()> &stopEarly, int timeoutMs)
{
    const qint64 start = clock.elapsed();
    qint64 next = 0;
    return QTest::qWaitFor(
        [&] {
            const double seconds = double(clock.elapsed() - start) / 1000.0;
            const qint64 allowed = 300 + qint64(90 * seconds);
            for (const auto &writer : writers) {
                while (next < total && writer->sent() - 1 < allowed && writer->outstanding() < 64) {
                    const auto [type, params] = make(next);
                    Member::sentAt.insert(next, clock.elapsed());
                    writer->send(type, params);
                    ++next;
                }
            }
            return next >= total || (stopEarly && stopEarly());
        },
        timeoutMs);
}

qint64 percentile(QList<qint64> values, double p)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    return values.at(std::min(values.size() - 1, qsizetype(double(values.size()) * p)));
}

//! Every event from `first` to `first + count - 1`, once each and in order.
QString checkSeqs(const QList<qint64> &seqs, qint64 first, qint64 count)
{
    if (seqs.size() != count)
        return u"received %1 events of %2"_s.arg(seqs.size()).arg(count);
    for (qint64 i = 0; i < count; ++i) {
        if (seqs.at(i) != first + i)
            return u"event %1 has seq %2, expected %3"_s.arg(i).arg(seqs.at(i)).arg(first + i);
    }
    return {};
}

} // namespace

class tst_SlowConsumer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void inProcessFanOut();
    void binaryMemory();
};

void tst_SlowConsumer::inProcessFanOut()
{
    const qint64 total = longTests() ? 50000 : 10000;
    constexpr int Writers = 6;
    constexpr int Readers = 3;

    TestServer server;
    server.config().maxOutgoingBufferBytes = MiB;
    QVERIFY(server.start());
    TestClient setup;
    QVERIFY(setup.open(server.url()));
    QVERIFY(isOk(setup.registerUser(u"sloth"_s)));
    const QString slothToken = setup.token();
    const qint64 slothId = setup.userId();
    QVERIFY(isOk(setup.registerUser(u"crowd"_s)));
    const QString crowdToken = setup.token();
    setup.close();

    QElapsedTimer clock;
    clock.start();
    Member::sentAt.clear();
    std::vector<std::unique_ptr<Member>> writers, readers;
    for (int i = 0; i < Writers; ++i) {
        writers.push_back(std::make_unique<Member>(clock));
        QVERIFY(writers.back()->open(server.url(), crowdToken));
    }
    for (int i = 0; i < Readers; ++i) {
        readers.push_back(std::make_unique<Member>(clock));
        QVERIFY(readers.back()->open(server.url(), crowdToken));
    }
    RawPeer slow(slowPeer());
    QVERIFY(slow.open(server.url()));
    QVERIFY(isOk(slow.request(u"auth.token"_s, {{u"token"_s, slothToken}})));
    QCOMPARE(server.server()->connectionCount(), Writers + Readers + 1);
    slow.stopReading();

    // First about 3 MiB of posts, to fill most of what the kernel buffers for the slow peer (the
    // server's send buffer grows towards tcp_wmem's maximum, 4 MiB by default), so that the
    // bound is passed early in the stream below rather than absorbed by the kernel.
    const QString content(20000, u'c');
    constexpr int FillerPosts = 150;
    QVERIFY(writePaced(
        writers, clock, FillerPosts,
        [&](qint64) {
            return qMakePair(
                u"post.create"_s, QJsonObject {{u"title"_s, u"filler"_s}, {u"content"_s, content}});
        },
        {}, 60000));
    const auto settled = [&] {
        for (const auto *group : {&writers, &readers})
            for (const auto &member : *group)
                if (member->seqs.size() < FillerPosts || member->outstanding() > 0)
                    return false;
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 60000);
    for (const auto *group : {&writers, &readers})
        for (const auto &member : *group)
            member->seqs.clear();
    Member::sentAt.clear();

    // About 200 bytes of text, tagged with its number for the latency measurement.
    const QString filler(180, u'x');
    qint64 droppedAtMessage = server.server()->connectionCount() == Writers + Readers ? 0 : -1;
    const qint64 started = clock.elapsed();
    QVERIFY2(
        writePaced(
            writers, clock, total,
            [&](qint64 k) {
                if (droppedAtMessage < 0 && server.server()->connectionCount() == Writers + Readers)
                    droppedAtMessage = k;
                return qMakePair(u"chat.send"_s,
                    QJsonObject {
                        {u"channelId"_s, 1}, {u"text"_s, QString(u"#%1 "_s.arg(k) + filler)}});
            },
            {}, 300000),
        "the writers did not get their messages out");
    const auto allDelivered = [&] {
        for (const auto &member : writers)
            if (member->seqs.size() < total || member->outstanding() > 0)
                return false;
        for (const auto &member : readers)
            if (member->seqs.size() < total)
                return false;
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(allDelivered(), 60000);
    const qint64 elapsed = clock.elapsed() - started;

    // The slow peer is gone, and everybody saw it leave.
    QTRY_COMPARE(server.server()->connectionCount(), Writers + Readers);
    QCOMPARE(server.server()->authenticatedCount(), Writers + Readers);
    for (const auto &member : readers)
        QTRY_VERIFY(member->offlineUsers.contains(slothId));

    QList<qint64> latencies;
    for (const auto *group : {&writers, &readers}) {
        for (const auto &member : *group) {
            QVERIFY2(member->failures.isEmpty(), qPrintable(member->failures.value(0)));
            const QString gap = checkSeqs(member->seqs, member->seqs.value(0), total);
            QVERIFY2(gap.isEmpty(), qPrintable(gap));
            QVERIFY(member->isConnected());
            latencies += member->latenciesMs;
        }
    }
    QCOMPARE(latencies.size(), total * (Writers + Readers));
    const qint64 p50 = percentile(latencies, 0.50);
    const qint64 p99 = percentile(latencies, 0.99);
    const qint64 max = percentile(latencies, 1.0);
    qInfo("%lld messages to %d members in %lld ms; slow peer dropped around message %lld; "
          "latency p50 %lld ms, p99 %lld ms, max %lld ms",
        total, Writers + Readers, elapsed, droppedAtMessage, p50, p99, max);
    // The in-process server, its clients and the sanitizer's checks share two cores with
    // another test in CI's second stage: 537 ms was seen there once (2026-12-05), so that
    // build allows 1.5 s, as tst_floods does for its ping; the 500 ms bound is asserted in
    // the normal build.
    const qint64 p99Bound = UnderAddressSanitizer ? 1500 : 500;
    QVERIFY2(p99 < p99Bound, qPrintable(u"p99 %1 ms"_s.arg(p99)));
    // The drop came from the bound: by the middle of the stream at the latest.
    QVERIFY2(droppedAtMessage >= 0 && droppedAtMessage < total / 2,
        qPrintable(QString::number(droppedAtMessage)));
}

void tst_SlowConsumer::binaryMemory()
{
#ifndef Q_OS_LINUX
    QSKIP("reads the server's memory from /proc");
#endif
    const qint64 maxPosts = longTests() ? 8000 : 4000;
    constexpr qint64 Bound = 24 * MiB; // ServerConfig::maxOutgoingBufferBytes, not a CLI option
    constexpr int Writers = 4;

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ServerProcess server(QStringLiteral(HUBBUB_SERVER_BINARY), dir.filePath(u"hubbub.db"_s));
    QVERIFY2(server.start(), qPrintable(server.diagnostics()));
    const qint64 pid = server.process().processId();

    TestClient setup;
    QVERIFY(setup.open(server.url()));
    QVERIFY(isOk(setup.registerUser(u"sloth"_s)));
    const QString slothToken = setup.token();
    const qint64 slothId = setup.userId();
    QVERIFY(isOk(setup.registerUser(u"crowd"_s)));
    const QString crowdToken = setup.token();
    setup.close();

    QElapsedTimer clock;
    clock.start();
    Member::sentAt.clear();
    std::vector<std::unique_ptr<Member>> writers;
    for (int i = 0; i < Writers; ++i) {
        writers.push_back(std::make_unique<Member>(clock));
        QVERIFY(writers.back()->open(server.url(), crowdToken));
    }
    Member reader(clock);
    QVERIFY(reader.open(server.url(), crowdToken));
    RawPeer slow(slowPeer());
    QVERIFY(slow.open(server.url()));
    QVERIFY(isOk(slow.request(u"auth.token"_s, {{u"token"_s, slothToken}})));

    // Warm up (SQLite caches, allocator arenas) with the same kind of post, then take the
    // baseline: 100 posts while everybody reads.
    const QString content(20000, u'c');
    const auto post = [&](qint64 k) {
        return qMakePair(u"post.create"_s,
            QJsonObject {{u"title"_s, u"#%1 post"_s.arg(k)}, {u"content"_s, content}});
    };
    QVERIFY(writePaced(writers, clock, 100, post, {}, 60000));
    QTRY_VERIFY2_WITH_TIMEOUT(reader.seqs.size() == 100,
        qPrintable(u"%1 events; writer: %2 sent, %3 outstanding, %4"_s.arg(reader.seqs.size())
                       .arg(writers.front()->sent())
                       .arg(writers.front()->outstanding())
                       .arg(writers.front()->failures.value(0))),
        30000);
    const qint64 before = residentBytes(pid);
    QVERIFY(before > 0);

    slow.stopReading();
    qint64 peak = before;
    QTimer sampler;
    QObject::connect(
        &sampler, &QTimer::timeout, &sampler, [&] { peak = std::max(peak, residentBytes(pid)); });
    sampler.start(20);
    Member::sentAt.clear();
    const qint64 started = clock.elapsed();
    qint64 droppedAfter = -1;
    // Keep going after the drop until well past the bound: without it, the backlog (and the
    // server's memory) would grow with every post.
    QVERIFY2(writePaced(
                 writers, clock, maxPosts,
                 [&](qint64 k) {
                     if (droppedAfter < 0 && reader.offlineUsers.contains(slothId))
                         droppedAfter = k;
                     return post(k);
                 },
                 {}, 300000),
        "the writers did not get their posts out");
    QTRY_VERIFY_WITH_TIMEOUT(reader.seqs.size() == 100 + maxPosts, 120000);
    for (const auto &writer : writers)
        QTRY_VERIFY_WITH_TIMEOUT(
            writer->outstanding() == 0 && writer->seqs.size() == 100 + maxPosts, 60000);
    sampler.stop();
    peak = std::max(peak, residentBytes(pid));
    const qint64 after = residentBytes(pid);
    const qint64 elapsed = clock.elapsed() - started;

    QVERIFY2(reader.offlineUsers.contains(slothId), "the slow peer was never dropped");
    const QString gap = checkSeqs(reader.seqs, reader.seqs.value(0), 100 + maxPosts);
    QVERIFY2(gap.isEmpty(), qPrintable(gap));
    for (const auto &writer : writers) {
        QVERIFY2(writer->failures.isEmpty(), qPrintable(writer->failures.value(0)));
        QVERIFY(checkSeqs(writer->seqs, writer->seqs.value(0), 100 + maxPosts).isEmpty());
    }
    const qint64 eventBytes = maxPosts * 20300;
    qInfo("hubbub-server RSS before %.1f MiB, peak %.1f MiB (+%.1f), after %.1f MiB; %lld posts "
          "(%.0f MiB of events per member) in %lld ms; slow peer dropped around post %lld; "
          "reader latency p50 %lld ms, p99 %lld ms",
        double(before) / MiB, double(peak) / MiB, double(peak - before) / MiB, double(after) / MiB,
        maxPosts, double(eventBytes) / MiB, elapsed, droppedAfter,
        percentile(reader.latenciesMs, 0.5), percentile(reader.latenciesMs, 0.99));
    QVERIFY2(droppedAfter > 0, "dropped before anything was posted: not by the bound");
    // The backlog may reach the bound plus one frame, held once in the socket's buffer; the rest
    // is margin for SQLite, the other connections' transient buffers and the allocator. Without
    // the bound the slow peer alone would hold all the events sent to it, less the few MiB the
    // kernel takes: more than the bound plus the margin.
    QVERIFY(eventBytes > Bound + 24 * MiB + 24 * MiB);
    if (UnderAddressSanitizer) {
        qInfo("memory bound not asserted under AddressSanitizer (see sanitizers.h)");
    } else {
        QVERIFY2(peak - before < Bound + 24 * MiB,
            qPrintable(u"RSS grew by %1 MiB"_s.arg(double(peak - before) / MiB)));
    }
    QVERIFY(server.isRunning());
}

QTEST_GUILESS_MAIN(tst_SlowConsumer)
#include "tst_slowconsumer.moc"
