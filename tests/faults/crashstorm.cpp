#include "crashstorm.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Hubbub::Test::Crash {

QString shutdownMessage()
{
    return QStringLiteral("The server is shutting down; the change was not stored.");
}

Storm::Storm(quint32 seed)
    : m_rng(seed)
    , m_tag(QString::number(seed, 36))
{
    for (int i = 0; i < Clients; ++i) {
        m_clients[std::size_t(i)].index = i;
        m_clients[std::size_t(i)].username = QStringLiteral("crash%1_%2").arg(i).arg(m_tag);
    }
}

void Storm::connectClient(StormClient &c)
{
    c.connection = std::make_unique<TestClient>();
    c.pending.clear();
    QObject::connect(c.connection.get(), &TestClient::frameReceived, c.connection.get(),
        [this, &c](const QJsonObject &frame) { onFrame(c, frame); });
}

bool Storm::registerClient(StormClient &c, const QUrl &url, QString &problem)
{
    connectClient(c);
    if (!c.connection->open(url)) {
        problem = QStringLiteral("cannot connect");
        return false;
    }
    const QJsonObject reply = c.connection->registerUser(c.username);
    if (!isOk(reply)) {
        problem = describe(reply);
        return false;
    }
    c.token = c.connection->token();
    c.userId = c.connection->userId();
    return true;
}

bool Storm::resume(StormClient &c, const QUrl &url, QString &problem)
{
    connectClient(c);
    if (!c.connection->open(url)) {
        problem = QStringLiteral("cannot reconnect");
        return false;
    }
    // Live events may follow the auth reply in the same read: hold them from the start.
    c.replica.resuming = true;
    const QJsonObject auth
        = c.connection->request(QStringLiteral("auth.token"), {{QStringLiteral("token"), c.token}});
    if (!isOk(auth)) {
        problem = QStringLiteral("auth.token: ") + describe(auth);
        return false;
    }
    const QJsonObject synced = c.connection->request(
        QStringLiteral("sync"), {{QStringLiteral("since"), c.replica.lastSeq}}, 30000);
    if (!isOk(synced)) {
        problem = QStringLiteral("sync since %1: %2").arg(c.replica.lastSeq).arg(describe(synced));
        return false;
    }
    c.replica.finishResume(synced.value(QLatin1StringView("events")).toArray());
    return true;
}

void Storm::pump(StormClient &c)
{
    while (active && c.connection && c.connection->isConnected() && c.pending.size() < Window
        && c.sentThisCycle < MaxSendsPerCycle) {
        sendOne(c);
    }
}

void Storm::startCycle()
{
    for (StormClient &c : m_clients)
        c.sentThisCycle = 0;
    active = true;
    for (StormClient &c : m_clients)
        pump(c);
}

qint64 Storm::dropUnanswered()
{
    qint64 unanswered = 0;
    for (StormClient &c : m_clients) {
        unanswered += c.pending.size();
        c.pending.clear();
    }
    return unanswered;
}

qint64 Storm::pendingCount() const
{
    qint64 count = 0;
    for (const StormClient &c : m_clients)
        count += c.pending.size();
    return count;
}

QStringList Storm::unacknowledgedCreates() const
{
    QStringList nonces;
    for (auto it = ledger.posts.cbegin(); it != ledger.posts.cend(); ++it) {
        if (!it->versions.constFirst().acked && !it->versions.constFirst().refused)
            nonces.append(it.key());
    }
    for (auto it = ledger.reviews.cbegin(); it != ledger.reviews.cend(); ++it) {
        if (!it->acked && !it->refused && !ledger.posts.value(it->postNonce).deleteSent)
            nonces.append(it.key());
    }
    for (auto it = ledger.messages.cbegin(); it != ledger.messages.cend(); ++it) {
        if (!it->versions.constFirst().acked && !it->versions.constFirst().refused)
            nonces.append(it.key());
    }
    return nonces;
}

void Storm::resend(const QStringList &nonces)
{
    for (const QString &nonce : nonces) {
        if (ledger.posts.contains(nonce)) {
            StormClient &c = m_clients[std::size_t(ledger.posts.value(nonce).owner)];
            track(c, Op::PostCreate, nonce, 0,
                c.connection->send(QStringLiteral("post.create"),
                    postCreate(nonce, ledger.posts.value(nonce).versions.constFirst())));
        } else if (ledger.reviews.contains(nonce)) {
            StormClient &c = m_clients[std::size_t(ledger.reviews.value(nonce).owner)];
            track(c, Op::ReviewCreate, nonce, 0,
                c.connection->send(QStringLiteral("review.create"),
                    reviewCreate(nonce, ledger.reviews.value(nonce))));
        } else {
            StormClient &c = m_clients[std::size_t(ledger.messages.value(nonce).owner)];
            track(c, Op::ChatSend, nonce, 0,
                c.connection->send(QStringLiteral("chat.send"),
                    chatSend(nonce, ledger.messages.value(nonce).versions.constFirst())));
        }
    }
}

QJsonObject Storm::postCreate(const QString &nonce, const Version &v) const
{
    return {{QStringLiteral("title"), v.title}, {QStringLiteral("content"), v.body},
        {QStringLiteral("nonce"), nonce}};
}

QJsonObject Storm::reviewCreate(const QString &nonce, const ReviewRecord &r) const
{
    return {{QStringLiteral("postId"), ledger.posts.value(r.postNonce).id},
        {QStringLiteral("rating"), 1 + int(r.comment.size() % 5)},
        {QStringLiteral("comment"), r.comment}, {QStringLiteral("nonce"), nonce}};
}

QJsonObject Storm::chatSend(const QString &nonce, const Version &v) const
{
    return {{QStringLiteral("channelId"), GeneralChannel}, {QStringLiteral("text"), v.body},
        {QStringLiteral("nonce"), nonce}};
}

void Storm::track(StormClient &c, Op op, const QString &nonce, qsizetype version, qint64 requestId)
{
    c.pending.insert(requestId, Pending {op, nonce, version});
    ++ledger.sent;
}

QString Storm::takeRandom(QStringList &list)
{
    const qsizetype i = qsizetype(m_rng.bounded(quint32(list.size())));
    const QString taken = list.at(i);
    list.swapItemsAt(i, list.size() - 1);
    list.removeLast();
    return taken;
}

const QString &Storm::pickRandom(const QStringList &list)
{
    return list.at(qsizetype(m_rng.bounded(quint32(list.size()))));
}

void Storm::sendOne(StormClient &c)
{
    ++c.sentThisCycle;
    const int roll = int(m_rng.bounded(100));
    TestClient &t = *c.connection;
    if (roll < 12 && !c.livePosts.isEmpty()) {
        const QString nonce = pickRandom(c.livePosts);
        PostRecord &post = ledger.posts[nonce];
        const qsizetype k = post.versions.size();
        post.versions.append(Version {QStringLiteral("p %1 v%2").arg(nonce).arg(k),
            QStringLiteral("content of %1, version %2").arg(nonce).arg(k)});
        track(c, Op::PostUpdate, nonce, k,
            t.send(QStringLiteral("post.update"),
                {{QStringLiteral("postId"), post.id},
                    {QStringLiteral("title"), post.versions.constLast().title},
                    {QStringLiteral("content"), post.versions.constLast().body}}));
    } else if (roll < 17 && c.livePosts.size() > 4) {
        const QString nonce = takeRandom(c.livePosts);
        PostRecord &post = ledger.posts[nonce];
        post.deleteSent = true;
        track(c, Op::PostDelete, nonce, 0,
            t.send(QStringLiteral("post.delete"), {{QStringLiteral("postId"), post.id}}));
    } else if (roll < 27 && !c.livePosts.isEmpty()) {
        const QString nonce = newNonce(c);
        ReviewRecord review {
            c.index, pickRandom(c.livePosts), QStringLiteral("review %1").arg(nonce)};
        ledger.reviews.insert(nonce, review);
        track(c, Op::ReviewCreate, nonce, 0,
            t.send(QStringLiteral("review.create"), reviewCreate(nonce, review)));
    } else if (roll < 39) {
        const QString nonce = newNonce(c);
        MessageRecord message {c.index, {Version {QString(), QStringLiteral("m %1").arg(nonce)}}};
        ledger.messages.insert(nonce, message);
        track(c, Op::ChatSend, nonce, 0,
            t.send(QStringLiteral("chat.send"), chatSend(nonce, message.versions.constFirst())));
    } else if (roll < 45 && !c.liveMessages.isEmpty()) {
        const QString nonce = pickRandom(c.liveMessages);
        MessageRecord &message = ledger.messages[nonce];
        const qsizetype k = message.versions.size();
        message.versions.append(Version {QString(), QStringLiteral("m %1 v%2").arg(nonce).arg(k)});
        track(c, Op::ChatEdit, nonce, k,
            t.send(QStringLiteral("chat.edit"),
                {{QStringLiteral("messageId"), message.id},
                    {QStringLiteral("text"), message.versions.constLast().body}}));
    } else {
        const QString nonce = newNonce(c);
        PostRecord post {c.index,
            {Version {
                QStringLiteral("p %1").arg(nonce), QStringLiteral("content of %1").arg(nonce)}}};
        ledger.posts.insert(nonce, post);
        track(c, Op::PostCreate, nonce, 0,
            t.send(QStringLiteral("post.create"), postCreate(nonce, post.versions.constFirst())));
    }
}

QString Storm::newNonce(StormClient &c)
{
    return QStringLiteral("%1-%2-%3").arg(m_tag).arg(c.index).arg(c.nextNonce++);
}

void Storm::onFrame(StormClient &c, const QJsonObject &frame)
{
    const QString type = stringOf(frame, "type");
    if (type == u"event") {
        c.replica.offer(frame);
        return;
    }
    if (type != u"reply")
        return;
    const auto it = c.pending.constFind(intOf(frame, "id"));
    if (it == c.pending.cend())
        return; // a request made outside the storm (auth, sync, hello)
    const Pending pending = *it;
    c.pending.erase(it);
    if (isOk(frame))
        onAcknowledged(c, pending, frame);
    else
        onRefused(c, pending, frame);
    pump(c);
}

void Storm::onAcknowledged(StormClient &c, const Pending &p, const QJsonObject &reply)
{
    ++ledger.acked;
    switch (p.op) {
    case Op::PostCreate: {
        PostRecord &post = ledger.posts[p.nonce];
        post.versions.first().acked = true;
        post.id = intOf(objectOf(reply, "post"), "id");
        c.livePosts.append(p.nonce);
        if (stringOf(objectOf(reply, "post"), "title") != post.versions.constFirst().title)
            note(ledger.problems, QStringLiteral("create answered with ") + describe(reply));
        break;
    }
    case Op::PostUpdate:
        ledger.posts[p.nonce].versions[p.version].acked = true;
        break;
    case Op::PostDelete:
        ledger.posts[p.nonce].deleteAcked = true;
        break;
    case Op::ReviewCreate:
        ledger.reviews[p.nonce].acked = true;
        ledger.reviews[p.nonce].id = intOf(objectOf(reply, "review"), "id");
        break;
    case Op::ChatSend: {
        MessageRecord &message = ledger.messages[p.nonce];
        message.versions.first().acked = true;
        message.id = intOf(objectOf(reply, "message"), "id");
        c.liveMessages.append(p.nonce);
        break;
    }
    case Op::ChatEdit:
        ledger.messages[p.nonce].versions[p.version].acked = true;
        break;
    }
}

void Storm::onRefused(StormClient &c, const Pending &p, const QJsonObject &reply)
{
    const QJsonObject error = objectOf(reply, "error");
    if (!allowShutdownRefusals || stringOf(error, "code") != u"internal"
        || stringOf(error, "message") != shutdownMessage()) {
        note(ledger.problems, QStringLiteral("client %1: %2").arg(c.index).arg(describe(reply)));
        return;
    }
    ++ledger.refused;
    switch (p.op) {
    case Op::PostCreate:
    case Op::PostUpdate:
        ledger.posts[p.nonce].versions[p.version].refused = true;
        break;
    case Op::PostDelete:
        ledger.posts[p.nonce].deleteSent = false; // not deleted after all
        break;
    case Op::ReviewCreate:
        ledger.reviews[p.nonce].refused = true;
        break;
    case Op::ChatSend:
    case Op::ChatEdit:
        ledger.messages[p.nonce].versions[p.version].refused = true;
        break;
    }
}

QHash<QString, qint64> storedIds(const QString &path, const Ledger &ledger,
    const QStringList &nonces, const std::array<StormClient, Clients> &clients,
    QStringList &problems)
{
    QHash<QString, qint64> ids;
    withReadOnlyDatabase(path, problems, [&](QSqlDatabase db) {
        QSqlQuery post(db), review(db), message(db);
        const bool prepared
            = post.prepare(QStringLiteral("SELECT id FROM posts WHERE author_id = ? AND nonce = ?"))
            && review.prepare(QStringLiteral(
                "SELECT r.id FROM review_nonces n JOIN reviews r ON r.post_id = n.post_id"
                " AND r.author_id = n.author_id WHERE n.author_id = ? AND n.nonce = ?"))
            && message.prepare(
                QStringLiteral("SELECT id FROM messages WHERE author_id = ? AND nonce = ?"));
        if (!prepared) {
            note(problems, QStringLiteral("prepare failed"));
            return;
        }
        for (const QString &nonce : nonces) {
            QSqlQuery &q = ledger.posts.contains(nonce) ? post
                : ledger.reviews.contains(nonce)        ? review
                                                        : message;
            const int owner = ledger.posts.contains(nonce) ? ledger.posts.value(nonce).owner
                : ledger.reviews.contains(nonce)           ? ledger.reviews.value(nonce).owner
                                                           : ledger.messages.value(nonce).owner;
            q.bindValue(0, clients[std::size_t(owner)].userId);
            q.bindValue(1, nonce);
            if (!q.exec()) {
                note(problems, QStringLiteral("nonce lookup: ") + q.lastError().text());
                return;
            }
            if (q.next())
                ids.insert(nonce, q.value(0).toLongLong());
            q.finish();
        }
    });
    return ids;
}

qint64 idInLedger(const Ledger &ledger, const QString &nonce)
{
    if (ledger.posts.contains(nonce))
        return ledger.posts.value(nonce).id;
    if (ledger.reviews.contains(nonce))
        return ledger.reviews.value(nonce).id;
    return ledger.messages.value(nonce).id;
}

bool allDisconnected(std::array<StormClient, Clients> &clients)
{
    for (StormClient &c : clients) {
        if (c.connection && c.connection->socket().state() != QAbstractSocket::UnconnectedState)
            return false;
    }
    return true;
}

} // namespace Hubbub::Test::Crash
