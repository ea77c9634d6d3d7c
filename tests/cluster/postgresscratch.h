#pragma once

// PostgreSQL for the multi-instance tests: a database of a test case's own in the fixture's
// cluster, and a cluster of the test's own for the case that restarts PostgreSQL.

#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QVariant>

#include <memory>

namespace Hubbub::Test::Cluster {

//! Why a cluster test cannot run here (PostgreSQL not installed, or not started by the CTest
//! fixture), for its initTestCase() to QSKIP with; empty when it can.
QString skipReason();

//! One row of the events table.
struct StoredEvent
{
    qint64 seq = 0;
    QJsonObject frame;
};

//! A fresh database (CREATE DATABASE) in the cluster of `clusterUrl`, dropped WITH (FORCE) when
//! it goes: the cases of a test, and the tests that run at once, never share one, and a query
//! on pg_stat_activity can name this database's connections alone. With Existing, the
//! database of `clusterUrl` itself, read and left as it is.
class ScratchDatabase final
{
public:
    enum class Mode { Fresh, Existing };
    explicit ScratchDatabase(const QString &clusterUrl, Mode mode = Mode::Fresh);
    ~ScratchDatabase();
    Q_DISABLE_COPY_MOVE(ScratchDatabase)

    bool isValid() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    QString name() const { return m_name; }
    //! What hubbub-server --db takes.
    QString url() const { return m_url; }

    //! The rows of `sql` with `values` bound in order, on a connection of its own (so it works
    //! across a restart of PostgreSQL); appends to `problems` on failure.
    QList<QVariantList> select(
        const QString &sql, const QVariantList &values, QStringList &problems) const;
    //! The events table in seq order.
    QList<StoredEvent> events(QStringList &problems) const;

private:
    QString m_clusterUrl;
    QString m_name;
    QString m_url;
    QString m_error;
    Mode m_mode;
};

//! Runs `statements` in order on a connection of its own to `url`; false (with `error`) at the
//! first that fails.
bool execOn(const QString &url, const QStringList &statements, QString *error);

//! A PostgreSQL cluster of the test's own (scripts/pg-cluster.sh in a folder of its own under
//! /tmp): restarting it disturbs no other test. Stopped and removed when it goes.
class PrivateCluster final
{
public:
    PrivateCluster();
    ~PrivateCluster();
    Q_DISABLE_COPY_MOVE(PrivateCluster)

    //! Makes and starts it (about 2 s); false with the script's output in `error`.
    bool start(QString *error);
    //! Starts `pg-cluster.sh restart DIR immediate` (a crash and recovery) and returns at once:
    //! the caller spins its event loop until the process ends (clients go on meanwhile).
    QProcess &restartImmediately();
    //! The URL of its database `hubbub`.
    QString url() const;

private:
    QString m_dir;
    bool m_started = false;
    std::unique_ptr<QProcess> m_restart;
};

} // namespace Hubbub::Test::Cluster
