// Benchmark (not a CTest test): what the app's local cache (LocalCache) saves at a start, with
// the real app parts (ClientSettings, Session, AppController, MainWindow, offscreen) against the
// real hubbub-server binary on loopback, on a database of 10,000 posts (hubbub-bench seed).
// Prints, in milliseconds from the start of the app's parts (not of the process):
//   1. server down, 10,000 posts cached: to the first paint of the feed view with its rows
//      (without a cache the app shows no post at all while the server is down), and to all
//      10,000 in the feed's model;
//   2. server up, 1,000 events missed since the last run (posts and messages by another user):
//      to caught up (online, the last seq applied, the newest post on top) from the cache, and
//      with today's reload-everything start (no cache: the views load fresh pages) on the same
//      1,000 events, in interleaved pairs.
// Run: QT_QPA_PLATFORM=offscreen bench_appcache HUBBUB_SERVER HUBBUB_BENCH [RUNS (default 5)]

#include "appcontroller.h"
#include "chatmodel.h"
#include "clientsettings.h"
#include "connection.h"
#include "feedmodel.h"
#include "feedview.h"
#include "localcache.h"
#include "mainwindow.h"
#include "session.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListView>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace Hubbub;
using namespace Hubbub::Client;

namespace {

constexpr int CachedPosts = 10000;
constexpr int Missed = 1000;
const QString Password = QStringLiteral("a long enough password");

[[noreturn]] void fail(const QString &why)
{
    std::fprintf(stderr, "bench_appcache: %s\n", qPrintable(why));
    std::exit(1);
}

//! A bare protocol client: what another user does while the app is closed.
class Peer
{
public:
    bool open(const QUrl &url)
    {
        m_socket.open(url);
        if (!QTest::qWaitFor(
                [&] { return m_socket.state() == QAbstractSocket::ConnectedState; }, 10000))
            return false;
        QObject::connect(&m_socket, &QWebSocket::textMessageReceived, [this](const QString &text) {
            const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
            if (frame.value(QStringLiteral("type")).toString() == QLatin1StringView("reply"))
                m_replies.insert(frame.value(QStringLiteral("id")).toInteger(), frame);
        });
        return request(QStringLiteral("hello"), {{QStringLiteral("protocol"), 1}})
            .value(QStringLiteral("ok"))
            .toBool();
    }
    qint64 send(const QString &type, QJsonObject params)
    {
        params.insert(QStringLiteral("type"), type);
        params.insert(QStringLiteral("id"), ++m_nextId);
        m_socket.sendTextMessage(
            QString::fromUtf8(QJsonDocument(params).toJson(QJsonDocument::Compact)));
        return m_nextId;
    }
    QJsonObject wait(qint64 id, int timeoutMs = 60000)
    {
        if (!QTest::qWaitFor([&] { return m_replies.contains(id); }, timeoutMs))
            fail(QStringLiteral("no reply to request %1").arg(id));
        return m_replies.take(id);
    }
    QJsonObject request(const QString &type, const QJsonObject &params)
    {
        return wait(send(type, params));
    }

private:
    QWebSocket m_socket;
    QHash<qint64, QJsonObject> m_replies;
    qint64 m_nextId = 0;
};

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n == 0 ? 0 : (n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2);
}

void print(const char *what, const QList<double> &values)
{
    std::printf("  %-58s median %7.1f ms  (min %.1f, max %.1f, %lld runs)\n", what, median(values),
        *std::min_element(values.begin(), values.end()),
        *std::max_element(values.begin(), values.end()), qlonglong(values.size()));
    std::fflush(stdout);
}

class Bench
{
public:
    Bench(QString server, QString bench)
        : m_serverBinary(std::move(server))
        , m_benchBinary(std::move(bench))
    { }
    int run(int runs);

private:
    void startServer();
    void stopServer();
    QUrl url() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(m_port)); }
    //! One start of the app's parts in the app's folder; `ready` says when to stop the clock.
    //! `firstPaint`: also wait for, and give, the first paint of the feed with posts.
    double start(
        const std::function<bool(Session &, MainWindow *)> &ready, double *firstPaint = nullptr);
    //! bob makes `count` changes (2 posts for 1 message) on four connections at once.
    qint64 missEvents(int count);
    QString cacheFile() const;
    //! The title of the newest post on the server.
    QString newestTitle();

    QString m_serverBinary;
    QString m_benchBinary;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_server;
    quint16 m_port = 0;
    QString m_bobToken;
    qint64 m_adaId = 0;
    int m_round = 0;
};

void Bench::startServer()
{
    m_server = std::make_unique<QProcess>();
    m_server->setProcessChannelMode(QProcess::MergedChannels);
    m_server->start(m_serverBinary,
        {QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
            QString::number(m_port), QStringLiteral("--db"),
            m_dir.filePath(QStringLiteral("server.db")), QStringLiteral("--tls"),
            QStringLiteral("off"), QStringLiteral("--no-announce"), QStringLiteral("--durability"),
            QStringLiteral("normal")});
    QByteArray output;
    if (!QTest::qWaitFor(
            [&] {
                output += m_server->readAll();
                return output.contains("Listening on");
            },
            20000))
        fail(QStringLiteral("the server did not start: ") + QString::fromUtf8(output));
    if (m_port == 0) {
        const qsizetype at = output.indexOf("127.0.0.1:");
        m_port = quint16(output.mid(at + 10, 6).split('\n').first().trimmed().toUShort());
        if (m_port == 0)
            fail(QStringLiteral("no port in: ") + QString::fromUtf8(output));
    }
}

void Bench::stopServer()
{
    m_server->terminate();
    if (!m_server->waitForFinished(10000))
        m_server->kill();
    m_server.reset();
}

QString Bench::cacheFile() const
{
    return LocalCache::fileFor(m_dir.filePath(QStringLiteral("app/data")), url(), m_adaId);
}

//! Notes when the feed view first paints with posts in it (an application-wide event filter:
//! the view exists only once the window does).
class FirstPaint final : public QObject
{
public:
    FirstPaint(const QElapsedTimer &clock, Session &session)
        : m_clock(clock)
        , m_session(session)
    {
        qApp->installEventFilter(this);
    }
    ~FirstPaint() override { qApp->removeEventFilter(this); }
    void watch(QWidget *viewport) { m_viewport = viewport; }
    double ms = -1;

    bool eventFilter(QObject *object, QEvent *event) override
    {
        if (ms < 0 && event->type() == QEvent::Paint && object == m_viewport
            && m_session.feed()->rowCount() > 0)
            ms = double(m_clock.nsecsElapsed()) / 1e6;
        return false;
    }

private:
    const QElapsedTimer &m_clock;
    Session &m_session;
    QWidget *m_viewport = nullptr;
};

double Bench::start(const std::function<bool(Session &, MainWindow *)> &ready, double *firstPaint)
{
    QElapsedTimer clock;
    clock.start();
    ClientSettings settings(m_dir.filePath(QStringLiteral("app/hubbub.ini")));
    auto session = std::make_unique<Session>(Session::Paths {
        m_dir.filePath(QStringLiteral("app/data")), m_dir.filePath(QStringLiteral("app/cache"))});
    auto controller = std::make_unique<AppController>(session.get(), &settings);
    session->connection()->backoff().setInitial(std::chrono::milliseconds(20));
    FirstPaint painted(clock, *session);
    controller->start({});
    if (controller->mainWindow())
        painted.watch(controller->mainWindow()->feedView()->listView()->viewport());
    if (qEnvironmentVariableIsSet("BENCH_APPCACHE_DETAIL"))
        std::printf("    start() returned after %.1f ms\n", double(clock.nsecsElapsed()) / 1e6);
    if (!QTest::qWaitFor(
            [&] {
                return ready(*session, controller->mainWindow())
                    && (!firstPaint || painted.ms >= 0);
            },
            60000))
        fail(QStringLiteral("the app did not get ready"));
    const double ms = double(clock.nsecsElapsed()) / 1e6;
    if (firstPaint)
        *firstPaint = painted.ms;
    controller.reset();
    session.reset(); // writes the cache as the app does when it quits
    return ms;
}

qint64 Bench::missEvents(int count)
{
    constexpr int Peers = 4;
    Peer peers[Peers];
    qint64 last[Peers] {};
    for (Peer &peer : peers) {
        if (!peer.open(url())
            || !peer.request(QStringLiteral("auth.token"), {{QStringLiteral("token"), m_bobToken}})
                    .value(QStringLiteral("ok"))
                    .toBool())
            fail(QStringLiteral("bob could not sign in"));
    }
    ++m_round;
    for (int i = 0; i < count; ++i) {
        Peer &peer = peers[i % Peers];
        last[i % Peers] = i % 3 == 2
            ? peer.send(QStringLiteral("chat.send"),
                {{QStringLiteral("channelId"), 1},
                    {QStringLiteral("text"),
                        QStringLiteral("missed message %1.%2").arg(m_round).arg(i)}})
            : peer.send(QStringLiteral("post.create"),
                {{QStringLiteral("title"), QStringLiteral("missed post %1.%2").arg(m_round).arg(i)},
                    {QStringLiteral("content"),
                        QStringLiteral("written while the app was closed")}});
    }
    for (int p = 0; p < Peers; ++p) {
        if (!peers[p].wait(last[p]).value(QStringLiteral("ok")).toBool())
            fail(QStringLiteral("a missed change was refused (rate limit?)"));
    }
    return peers[0]
        .request(QStringLiteral("hello"), {{QStringLiteral("protocol"), 1}})
        .value(QStringLiteral("head"))
        .toInteger();
}

QString Bench::newestTitle()
{
    Peer peer;
    if (!peer.open(url())
        || !peer.request(QStringLiteral("auth.token"), {{QStringLiteral("token"), m_bobToken}})
                .value(QStringLiteral("ok"))
                .toBool())
        fail(QStringLiteral("bob could not sign in"));
    const QJsonObject page
        = peer.request(QStringLiteral("feed.page"), {{QStringLiteral("limit"), 1}});
    return page.value(QStringLiteral("posts"))
        .toArray()
        .at(0)
        .toObject()
        .value(QStringLiteral("title"))
        .toString();
}

int Bench::run(int runs)
{
    if (!m_dir.isValid())
        fail(QStringLiteral("no temporary folder"));
    // 10,000 posts and a few messages through the server's own stores.
    QProcess seed;
    seed.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    seed.start(m_benchBinary,
        {QStringLiteral("seed"), QStringLiteral("--db"),
            m_dir.filePath(QStringLiteral("server.db")), QStringLiteral("--posts"),
            QString::number(CachedPosts), QStringLiteral("--messages"), QStringLiteral("300")});
    if (!seed.waitForFinished(300000) || seed.exitCode() != 0)
        fail(QStringLiteral("hubbub-bench seed failed"));
    startServer();

    Peer bob;
    if (!bob.open(url()))
        fail(QStringLiteral("cannot connect to the server"));
    const QJsonObject registered = bob.request(QStringLiteral("auth.register"),
        {{QStringLiteral("username"), QStringLiteral("bob")},
            {QStringLiteral("password"), Password}});
    m_bobToken = registered.value(QStringLiteral("token")).toString();
    if (m_bobToken.isEmpty())
        fail(QStringLiteral("bob could not register"));

    // The first run: ada signs up, scrolls through the whole feed, opens #general, quits.
    {
        ClientSettings settings(m_dir.filePath(QStringLiteral("app/hubbub.ini")));
        Session session({m_dir.filePath(QStringLiteral("app/data")),
            m_dir.filePath(QStringLiteral("app/cache"))});
        AppController controller(&session, &settings);
        controller.start({url(), QStringLiteral("ada"), Password});
        if (!QTest::qWaitFor(
                [&] { return session.connection()->isOnline() && session.feed()->isLoaded(); },
                60000))
            fail(QStringLiteral("ada could not sign in"));
        while (session.feed()->hasMore()) {
            const int rows = session.feed()->rowCount();
            session.feed()->fetchMore({});
            if (!QTest::qWaitFor(
                    [&] { return session.feed()->rowCount() > rows || !session.feed()->hasMore(); },
                    10000))
                fail(QStringLiteral("the feed stopped loading"));
        }
        ChatModel *general = session.chat(1);
        session.setCurrentView(1);
        if (!QTest::qWaitFor([&] { return general->isLoaded(); }, 10000))
            fail(QStringLiteral("#general did not load"));
        m_adaId = session.user().id;
        std::printf("first run: %d posts in the feed, %d rows in #general\n",
            session.feed()->rowCount(), general->rowCount());
    }
    const QString cache = cacheFile();
    if (!QFile::exists(cache))
        fail(QStringLiteral("no cache was written"));
    std::printf("cache file: %.1f MiB\n",
        double(QFileInfo(cache).size() + QFileInfo(cache + QStringLiteral("-wal")).size())
            / 1048576.0);

    // 1. The server is down.
    stopServer();
    QList<double> offline;
    QList<double> offlineAll;
    for (int i = 0; i < runs; ++i) {
        double painted = 0;
        offlineAll.append(start(
            [](Session &session, MainWindow *window) {
                return window && session.feed()->rowCount() >= CachedPosts;
            },
            &painted));
        offline.append(painted);
    }
    startServer();

    // 2. 1,000 events missed: from the cache, and today's reload, on the same events.
    QList<double> cached;
    QList<double> reloaded;
    QList<double> cachedPaint;
    QList<double> reloadedPaint;
    const QString saved = m_dir.filePath(QStringLiteral("cache-copy"));
    for (int i = 0; i < runs; ++i) {
        const qint64 head = missEvents(Missed);
        const QString newest = newestTitle();
        auto caughtUp = [&](Session &session, MainWindow *window) {
            return window && session.connection()->isOnline()
                && session.connection()->lastSeq() >= head && session.feed()->isLoaded()
                && !session.feed()->isReloading() && session.feed()->rowCount() > 0
                && session.feed()->index(0, 0).data(FeedModel::TitleRole).toString() == newest;
        };
        // Today's start: no cache (moved aside, then back for the cached run).
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            QFile::remove(saved + suffix);
            QFile::rename(cache + suffix, saved + suffix);
        }
        double paint = 0;
        reloaded.append(start(caughtUp, &paint));
        reloadedPaint.append(paint);
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            QFile::remove(cache + suffix);
            QFile::rename(saved + suffix, cache + suffix);
        }
        cached.append(start(caughtUp, &paint));
        cachedPaint.append(paint);
    }

    std::printf(
        "app start (offscreen, loopback, %d posts cached, the app's parts only):\n", CachedPosts);
    print("server down: to the feed painted from the cache", offline);
    print("server down: to all 10,000 cached posts in the feed", offlineAll);
    print("1,000 missed events: to posts painted, from the cache", cachedPaint);
    print("1,000 missed events: to posts painted, reloading (no cache)", reloadedPaint);
    print("1,000 missed events: to caught up from the cache", cached);
    print("1,000 missed events: to caught up, reloading (no cache)", reloaded);
    std::printf("  ratios cached/reload (medians): posts painted %.2f, caught up %.2f\n",
        median(cachedPaint) / median(reloadedPaint), median(cached) / median(reloaded));
    stopServer();
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3)
        fail(QStringLiteral("usage: bench_appcache HUBBUB_SERVER HUBBUB_BENCH [RUNS]"));
    Bench bench(args.at(1), args.at(2));
    return bench.run(args.size() > 3 ? std::max(1, args.at(3).toInt()) : 5);
}
