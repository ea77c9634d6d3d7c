// A reaction storm against the real hubbub-server binary with --durability full, SIGKILLed at
// a random moment, then restarted on the same file and port (part "react" of issue 12). Every
// reaction.set that was acknowledged must hold after the restart: the state of each (user,
// entry, emoji) is the one its last acknowledged request set, unless a later request for it got
// no answer (then either state is right, and the next cycle starts from what the server has).
//
// Short form: 4 kills. HUBBUB_LONG_TESTS=1: 40. HUBBUB_SEED=N replays the random choices.

#include "serverprocess.h"
#include "testclient.h"
#include "testenv.h"

#include <QHash>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <array>
#include <memory>

using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

namespace {

constexpr int Users = 3;
constexpr int Window = 8; //!< requests in flight per client
constexpr int MaxSendsPerCycle = 200; //!< under a fresh connection's burst: no rate_limited
constexpr qint64 General = 1;
const QStringList Emoji {u"👍"_s, u"🎉"_s, u"👀"_s, u"❤️"_s};

//! A message (postId 0) or a post (messageId 0).
struct Entry
{
    qint64 messageId = 0;
    qint64 postId = 0;
};

struct Known
{
    bool on = false;
    bool uncertain = false; //!< a request for it got no answer before the kill
};

struct Sent
{
    QString key;
    bool on = false;
};

struct Client
{
    QString name;
    qint64 userId = 0;
    std::unique_ptr<TestClient> connection;
    QHash<qint64, Sent> pending; //!< request id -> what it set
    int sent = 0;
};

QString keyOf(qint64 userId, int entry, const QString &emoji)
{
    return u"%1/%2/%3"_s.arg(userId).arg(entry).arg(emoji);
}

} // namespace

class tst_ReactionStorm : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sigkillDuringReactionStormLosesNothingAcknowledged();

private:
    void pump(Client &c);
    //! Each key's state as the server has it now, read through chat.history and feed.page.
    QHash<QString, bool> stateOnServer(TestClient &reader);

    QRandomGenerator m_rng;
    QList<Entry> m_entries;
    std::array<Client, Users> m_clients;
    QHash<QString, Known> m_known;
    bool m_active = false;
    qint64 m_acked = 0;
};

void tst_ReactionStorm::pump(Client &c)
{
    while (m_active && c.connection->isConnected() && c.pending.size() < Window
        && c.sent < MaxSendsPerCycle) {
        const int entry = int(m_rng.bounded(qsizetype(m_entries.size())));
        const QString emoji = Emoji.at(int(m_rng.bounded(qsizetype(Emoji.size()))));
        const bool on = m_rng.bounded(3) != 0;
        QJsonObject params {{u"emoji"_s, emoji}, {u"on"_s, on}};
        if (m_entries.at(entry).messageId != 0)
            params.insert(u"messageId"_s, m_entries.at(entry).messageId);
        else
            params.insert(u"postId"_s, m_entries.at(entry).postId);
        const qint64 id = c.connection->send(u"reaction.set"_s, params);
        c.pending.insert(id, Sent {keyOf(c.userId, entry, emoji), on});
        // Sent and not yet answered: until the answer comes, either state may be stored.
        m_known[keyOf(c.userId, entry, emoji)].uncertain = true;
        ++c.sent;
    }
}

QHash<QString, bool> tst_ReactionStorm::stateOnServer(TestClient &reader)
{
    QHash<QString, bool> state;
    const QJsonObject history
        = reader.request(u"chat.history"_s, {{u"channelId"_s, General}, {u"limit"_s, 200}});
    const QJsonObject feed = reader.request(u"feed.page"_s, {{u"limit"_s, 100}});
    QHash<qint64, QJsonArray> onMessage;
    QHash<qint64, QJsonArray> onPost;
    for (const QJsonValue &m : history.value("messages"_L1).toArray())
        onMessage.insert(idOf(m.toObject()), m.toObject().value("reactions"_L1).toArray());
    for (const QJsonValue &p : feed.value("posts"_L1).toArray())
        onPost.insert(idOf(p.toObject()), p.toObject().value("reactions"_L1).toArray());
    for (int entry = 0; entry < m_entries.size(); ++entry) {
        const Entry &e = m_entries.at(entry);
        const QJsonArray reactions
            = e.messageId != 0 ? onMessage.value(e.messageId) : onPost.value(e.postId);
        for (const QJsonValue &r : reactions) {
            for (const QJsonValue &user : r.toObject().value("userIds"_L1).toArray()) {
                state.insert(
                    keyOf(user.toInteger(), entry, r.toObject().value("emoji"_L1).toString()),
                    true);
            }
        }
    }
    return state;
}

void tst_ReactionStorm::sigkillDuringReactionStormLosesNothingAcknowledged()
{
    const int kills = longTests() ? 40 : 4;
    m_rng.seed(testSeed());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ServerProcess server(QStringLiteral(HUBBUB_SERVER_BINARY), dir.filePath(u"hubbub.db"_s));
    const QStringList arguments {u"--durability"_s, u"full"_s};
    QVERIFY2(server.start(arguments), qPrintable(server.diagnostics()));
    const quint16 port = server.port();

    for (int i = 0; i < Users; ++i) {
        Client &c = m_clients[std::size_t(i)];
        c.name = u"storm%1"_s.arg(i);
        c.connection = std::make_unique<TestClient>();
        QVERIFY(c.connection->open(server.url()));
        QVERIFY(isOk(c.connection->registerUser(c.name)));
        c.userId = c.connection->userId();
    }
    TestClient &author = *m_clients[0].connection;
    for (int i = 0; i < 4; ++i) {
        const QJsonObject m = author.request(
            u"chat.send"_s, {{u"channelId"_s, General}, {u"text"_s, u"react %1"_s.arg(i)}});
        QVERIFY2(isOk(m), qPrintable(dump(m)));
        m_entries.append(Entry {idOf(objectOf(m, "message")), 0});
    }
    const QJsonObject post
        = author.request(u"post.create"_s, {{u"title"_s, u"react"_s}, {u"content"_s, u""_s}});
    QVERIFY2(isOk(post), qPrintable(dump(post)));
    m_entries.append(Entry {0, idOf(postOf(post))});

    for (int cycle = 0; cycle < kills; ++cycle) {
        for (Client &c : m_clients) {
            c.pending.clear();
            c.sent = 0;
            QObject::disconnect(c.connection.get(), &TestClient::frameReceived, this, nullptr);
            connect(c.connection.get(), &TestClient::frameReceived, this,
                [this, &c](const QJsonObject &frame) {
                    if (stringOf(frame, "type") != u"reply"_s)
                        return;
                    const auto it = c.pending.constFind(intOf(frame, "id"));
                    if (it == c.pending.cend())
                        return;
                    const Sent sent = *it;
                    c.pending.erase(it);
                    QVERIFY2(isOk(frame), qPrintable(dump(frame)));
                    // Answers on one connection come in request order: this is the newest
                    // answered state of the key unless a later request for it is in flight.
                    bool later = false;
                    for (const Sent &other : std::as_const(c.pending))
                        later = later || other.key == sent.key;
                    m_known[sent.key] = Known {sent.on, later};
                    ++m_acked;
                    pump(c);
                });
        }
        const int killAfterMs = int(m_rng.bounded(30, 301));
        QTimer::singleShot(killAfterMs, &server.process(), [&server] { server.process().kill(); });
        m_active = true;
        for (Client &c : m_clients)
            pump(c);
        QVERIFY2(QTest::qWaitFor(
                     [&] { return server.process().state() == QProcess::NotRunning; }, 30000),
            "the server did not die");
        server.kill();
        QVERIFY(QTest::qWaitFor(
            [&] {
                for (Client &c : m_clients) {
                    if (c.connection->isConnected())
                        return false;
                }
                return true;
            },
            10000));
        m_active = false;

        bool started = false;
        for (int attempt = 0; attempt < 5 && !started; ++attempt)
            started = server.start(arguments, port);
        QVERIFY2(started, qPrintable(server.diagnostics()));
        for (Client &c : m_clients) {
            c.connection = std::make_unique<TestClient>();
            QVERIFY(c.connection->open(server.url()));
            QVERIFY(isOk(c.connection->login(c.name)));
        }

        // Every acknowledged state is there; the uncertain ones are taken as found.
        const QHash<QString, bool> found = stateOnServer(*m_clients[0].connection);
        int checked = 0;
        for (auto it = m_known.begin(); it != m_known.end(); ++it) {
            if (it->uncertain) {
                *it = Known {found.value(it.key()), false};
                continue;
            }
            QVERIFY2(found.value(it.key()) == it->on,
                qPrintable(u"cycle %1: %2 should be %3"_s.arg(cycle).arg(it.key()).arg(it->on)));
            ++checked;
        }
        qInfo("cycle %d: SIGKILL after %d ms, %lld acknowledged so far, %d states checked", cycle,
            killAfterMs, m_acked, checked);
    }
    QVERIFY2(m_acked > 0, "no reaction was acknowledged: the storm did not run");
}

QTEST_GUILESS_MAIN(tst_ReactionStorm)
#include "tst_reactionstorm.moc"
