#pragma once

// One user's client in the multi-instance write storm: it keeps creates in flight (posts and
// chat messages, each with a nonce), records what it was told, and applies every event it
// gets, each seq once and in order, as a client resuming with sync does.

#include "testclient.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace Hubbub::Test::Cluster {

//! A create the client sent under its nonce, and what it was told.
struct Create
{
    bool post = true; //!< post.create, else chat.send
    QString nonce;
    QString text;
    qint64 id = 0; //!< from the ok reply
    qint64 seq = 0; //!< from the ok reply
    bool acked = false;
    int refusals = 0; //!< answered `internal`
};

class StormClient final : public QObject
{
    Q_OBJECT
public:
    //! `planned` creates in all, at most `window` in flight.
    StormClient(QString username, int planned, int window, QObject *parent = nullptr);
    ~StormClient() override;
    Q_DISABLE_COPY_MOVE(StormClient)

    //! hello and auth.register on `instance` (at `url`); applies events from the head then.
    bool registerOn(int instance, const QUrl &url, QString *problem);
    //! A new connection to `instance`: auth.token, then sync from the last applied seq (live
    //! events meanwhile are held, then applied once each).
    bool resume(int instance, const QUrl &url, QString *problem);
    //! sync from the last applied seq on the current connection.
    bool resync(QString *problem);

    //! Sends while active, keeping `window` creates in flight.
    void setActive(bool active);
    //! The connection is gone: what was in flight stays unacknowledged.
    void dropUnanswered();
    //! Sends again every create not acknowledged and not in flight, same nonce and text.
    void resendUnacked();

    int instance() const { return m_instance; }
    bool isConnected() const { return m_connection && m_connection->isConnected(); }
    TestClient &connection() { return *m_connection; }
    QString username() const { return m_username; }
    QString token() const { return m_token; }
    qint64 userId() const { return m_userId; }

    int planned() const { return m_planned; }
    int sentCreates() const { return m_next; }
    qint64 inFlight() const { return m_inFlight.size(); }
    qint64 acked() const { return m_acked; }
    qint64 internalErrors() const { return m_internalErrors; }
    bool finished() const { return m_acked == m_planned && m_inFlight.isEmpty(); }
    const QList<Create> &creates() const { return m_creates; }

    //! The seq the client's view starts after (the head when it registered).
    qint64 base() const { return m_base; }
    qint64 lastSeq() const { return m_lastSeq; }
    //! Every event applied, by seq.
    const QMap<qint64, QJsonObject> &view() const { return m_view; }
    //! The seqs of live events in arrival order, over every connection.
    const QList<qint64> &liveSeqs() const { return m_live; }
    //! Everything that broke a rule (a gap, a repeat on one connection, an unexpected error).
    const QStringList &problems() const { return m_problems; }

private:
    void connectTo(int instance, const QUrl &url);
    void onFrame(const QJsonObject &frame);
    void onReply(qsizetype index, const QJsonObject &reply);
    void apply(const QJsonObject &event);
    void pump();
    void sendCreate(qsizetype index);
    void note(const QString &problem);

    QString m_username;
    int m_planned = 0;
    int m_window = 0;
    int m_instance = -1;
    std::unique_ptr<TestClient> m_connection;
    QString m_token;
    qint64 m_userId = 0;

    bool m_active = false;
    int m_next = 0;
    QList<Create> m_creates;
    QHash<qint64, qsizetype> m_inFlight; //!< request id -> index in m_creates
    qint64 m_acked = 0;
    qint64 m_internalErrors = 0;

    qint64 m_base = 0;
    qint64 m_lastSeq = 0;
    qint64 m_connectionLast = -1; //!< the last live seq on this connection
    bool m_resuming = false;
    QList<QJsonObject> m_held;
    QMap<qint64, QJsonObject> m_view;
    QList<qint64> m_live;
    QStringList m_problems;
};

} // namespace Hubbub::Test::Cluster
