#pragma once

// The crash test's write storm: clients that keep requests in flight against the server and
// record every request and its answer in a Ledger.

#include "crashledger.h"
#include "testclient.h"

#include <QRandomGenerator>
#include <QUrl>

#include <array>
#include <memory>

namespace Hubbub::Test::Crash {

constexpr int Clients = 3;
constexpr int Window = 16; //!< requests in flight per client during a storm
//! Stays well under the 400-request burst a fresh connection gets, so no rate_limited reply.
constexpr int MaxSendsPerCycle = 250;
constexpr qint64 GeneralChannel = 1;

//! The documented answer to a change the server refused because it is shutting down.
QString shutdownMessage();

enum class Op { PostCreate, PostUpdate, PostDelete, ReviewCreate, ChatSend, ChatEdit };

struct Pending
{
    Op op;
    QString nonce;
    qsizetype version = 0;
};

struct StormClient
{
    int index = 0;
    QString username;
    QString token;
    qint64 userId = 0;
    std::unique_ptr<TestClient> connection;
    Replica replica;
    QHash<qint64, Pending> pending; //!< request id -> what it was
    QStringList livePosts; //!< own acknowledged posts not being deleted: update/review targets
    QStringList liveMessages; //!< own acknowledged messages: edit targets
    int sentThisCycle = 0;
    int nextNonce = 0;
};

//! Drives several clients: each keeps `Window` requests in flight while `active`, picking
//! the next change at random, and records every request and its reply in the ledger.
class Storm
{
public:
    explicit Storm(quint32 seed);

    Ledger ledger;
    bool active = false;
    bool allowShutdownRefusals = false;

    std::array<StormClient, Clients> &clients() { return m_clients; }
    QRandomGenerator &rng() { return m_rng; }

    //! A new connection for `c`, with the storm's frame handler.
    void connectClient(StormClient &c);
    bool registerClient(StormClient &c, const QUrl &url, QString &problem);
    //! Reconnects with the token and resumes with sync from the last applied seq.
    bool resume(StormClient &c, const QUrl &url, QString &problem);
    //! Sends until `c` has `Window` requests in flight (while `active`, within the cycle).
    void pump(StormClient &c);
    void startCycle();
    //! Forgets requests that got no reply: they stay unacknowledged in the ledger.
    qint64 dropUnanswered();
    qint64 pendingCount() const;
    //! Nonces of the creates that got no answer (and can be resent: a review of a post whose
    //! deletion may have committed could answer not_found).
    QStringList unacknowledgedCreates() const;
    //! Sends these creates again, same nonce and fields, as a client does after a reconnect.
    void resend(const QStringList &nonces);

private:
    QJsonObject postCreate(const QString &nonce, const Version &v) const;
    QJsonObject reviewCreate(const QString &nonce, const ReviewRecord &r) const;
    QJsonObject chatSend(const QString &nonce, const Version &v) const;
    void track(StormClient &c, Op op, const QString &nonce, qsizetype version, qint64 requestId);
    QString takeRandom(QStringList &list);
    const QString &pickRandom(const QStringList &list);
    void sendOne(StormClient &c);
    QString newNonce(StormClient &c);
    void onFrame(StormClient &c, const QJsonObject &frame);
    void onAcknowledged(StormClient &c, const Pending &p, const QJsonObject &reply);
    void onRefused(StormClient &c, const Pending &p, const QJsonObject &reply);

    QRandomGenerator m_rng;
    QString m_tag;
    std::array<StormClient, Clients> m_clients;
};

//! The id stored for each nonce in `nonces` (absent when not stored), read from the file.
QHash<QString, qint64> storedIds(const QString &path, const Ledger &ledger,
    const QStringList &nonces, const std::array<StormClient, Clients> &clients,
    QStringList &problems);
//! The id the reply to the create with this nonce gave (0 if none).
qint64 idInLedger(const Ledger &ledger, const QString &nonce);
//! Whether every client's connection is closed.
bool allDisconnected(std::array<StormClient, Clients> &clients);

} // namespace Hubbub::Test::Crash
