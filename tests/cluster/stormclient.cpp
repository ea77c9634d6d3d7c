#include "stormclient.h"

#include <QJsonArray>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Hubbub::Test::Cluster {

namespace {
constexpr qint64 GeneralChannel = 1;
constexpr qsizetype MaxProblems = 20;
} // namespace

StormClient::StormClient(QString username, int planned, int window, QObject *parent)
    : QObject(parent)
    , m_username(std::move(username))
    , m_planned(planned)
    , m_window(window)
{ }

StormClient::~StormClient() = default;

void StormClient::note(const QString &problem)
{
    if (m_problems.size() < MaxProblems)
        m_problems.append(m_username + u": "_s + problem);
}

void StormClient::connectTo(int instance, const QUrl &url)
{
    m_connection = std::make_unique<TestClient>();
    m_instance = instance;
    m_connectionLast = -1;
    connect(m_connection.get(), &TestClient::frameReceived, this, &StormClient::onFrame);
    (void)m_connection->open(url);
}

bool StormClient::registerOn(int instance, const QUrl &url, QString *problem)
{
    connectTo(instance, url);
    const QJsonObject hello = m_connection->request(u"hello"_s, {{u"protocol"_s, 1}});
    const QJsonObject reply = m_connection->request(
        u"auth.register"_s, {{u"username"_s, m_username}, {u"password"_s, u"correct horse"_s}});
    if (!isOk(hello) || !isOk(reply)) {
        *problem = u"%1 cannot register: %2 %3"_s.arg(m_username, dump(hello), dump(reply));
        return false;
    }
    m_token = stringOf(reply, "token");
    m_userId = idOf(objectOf(reply, "user"));
    m_base = m_lastSeq = intOf(hello, "head");
    return true;
}

bool StormClient::resume(int instance, const QUrl &url, QString *problem)
{
    dropUnanswered();
    connectTo(instance, url);
    m_resuming = true;
    const QJsonObject auth = m_connection->request(u"auth.token"_s, {{u"token"_s, m_token}});
    if (!isOk(auth)) {
        m_resuming = false;
        *problem
            = u"%1: auth.token on instance %2: %3"_s.arg(m_username).arg(instance).arg(dump(auth));
        return false;
    }
    m_resuming = false; // resync() holds them again
    return resync(problem);
}

bool StormClient::resync(QString *problem)
{
    m_resuming = true;
    const qint64 since = m_lastSeq;
    const QJsonObject reply = m_connection->request(u"sync"_s, {{u"since"_s, since}}, 20000);
    m_resuming = false;
    if (!isOk(reply)) {
        *problem = u"%1: sync from %2 on instance %3: %4"_s.arg(m_username)
                       .arg(since)
                       .arg(m_instance)
                       .arg(dump(reply));
        return false;
    }
    const QJsonArray events = reply.value("events"_L1).toArray();
    for (const QJsonValue &event : events)
        apply(event.toObject());
    const QList<QJsonObject> held = std::exchange(m_held, {});
    for (const QJsonObject &event : held)
        apply(event);
    if (m_lastSeq < intOf(reply, "head")) {
        note(u"after sync from %1 on instance %2 applied up to %3 of head %4"_s.arg(since)
                 .arg(m_instance)
                 .arg(m_lastSeq)
                 .arg(intOf(reply, "head")));
    }
    pump();
    return true;
}

void StormClient::setActive(bool active)
{
    m_active = active;
    pump();
}

void StormClient::dropUnanswered()
{
    m_inFlight.clear();
}

void StormClient::resendUnacked()
{
    QSet<qsizetype> flying;
    for (qsizetype index : std::as_const(m_inFlight))
        flying.insert(index);
    for (qsizetype i = 0; i < m_creates.size(); ++i) {
        if (!m_creates.at(i).acked && !flying.contains(i))
            sendCreate(i);
    }
}

void StormClient::pump()
{
    if (!m_active || !isConnected())
        return;
    while (m_inFlight.size() < m_window && m_next < m_planned) {
        Create create;
        create.post = m_next % 2 == 0;
        create.nonce = u"%1-%2"_s.arg(m_username).arg(m_next);
        create.text = u"storm %1 · écrit à %2"_s.arg(create.nonce).arg(m_next);
        m_creates.append(create);
        ++m_next;
        sendCreate(m_creates.size() - 1);
    }
}

void StormClient::sendCreate(qsizetype index)
{
    const Create &c = m_creates.at(index);
    const qint64 id = c.post
        ? m_connection->send(u"post.create"_s,
            {{u"title"_s, c.nonce}, {u"content"_s, c.text}, {u"nonce"_s, c.nonce}})
        : m_connection->send(u"chat.send"_s,
            {{u"channelId"_s, GeneralChannel}, {u"text"_s, c.text}, {u"nonce"_s, c.nonce}});
    m_inFlight.insert(id, index);
}

void StormClient::onFrame(const QJsonObject &frame)
{
    const QString type = stringOf(frame, "type");
    if (type == u"event") {
        const qint64 seq = seqOf(frame);
        m_live.append(seq);
        // One connection's live events: each seq once, in order, no gap.
        if (m_connectionLast >= 0 && seq != m_connectionLast + 1)
            note(u"live seq %1 after %2 on instance %3"_s.arg(seq)
                     .arg(m_connectionLast)
                     .arg(m_instance));
        m_connectionLast = seq;
        if (m_resuming)
            m_held.append(frame);
        else
            apply(frame);
    } else if (type == u"reply") {
        const auto it = m_inFlight.constFind(intOf(frame, "id"));
        if (it == m_inFlight.cend())
            return; // a request() of resume() or the test's
        const qsizetype index = *it;
        m_inFlight.erase(it);
        onReply(index, frame);
    }
}

void StormClient::onReply(qsizetype index, const QJsonObject &reply)
{
    Create &c = m_creates[index];
    if (isOk(reply)) {
        const qint64 id = idOf(objectOf(reply, c.post ? "post" : "message"));
        if (c.acked && (id != c.id || seqOf(reply) != c.seq)) {
            note(u"%1 acknowledged twice: id %2 seq %3, then id %4 seq %5"_s.arg(c.nonce)
                     .arg(c.id)
                     .arg(c.seq)
                     .arg(id)
                     .arg(seqOf(reply)));
        } else if (!c.acked) {
            c.acked = true;
            c.id = id;
            c.seq = seqOf(reply);
            ++m_acked;
        }
    } else if (errorCode(reply) == u"internal") {
        // The database went away under the request: resent later with its nonce.
        ++c.refusals;
        ++m_internalErrors;
    } else {
        note(u"%1 refused: %2"_s.arg(c.nonce, dump(reply)));
    }
    pump();
}

void StormClient::apply(const QJsonObject &event)
{
    const qint64 seq = seqOf(event);
    if (seq <= m_lastSeq)
        return; // both live and in a sync result: applied once
    if (seq != m_lastSeq + 1) {
        note(u"gap: seq %1 after %2"_s.arg(seq).arg(m_lastSeq));
        return;
    }
    m_view.insert(seq, event);
    m_lastSeq = seq;
}

} // namespace Hubbub::Test::Cluster
