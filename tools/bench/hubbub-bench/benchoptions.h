#pragma once

#include <QList>
#include <QString>
#include <QUrl>

namespace Hubbub::Bench {

//! Everything hubbub-bench was told on its command line; defaults are the documented ones.
struct Options
{
    QString mode;
    QUrl url; //!< set by --url, or by TargetServer after --spawn / --spawn-node
    qint64 serverPid = 0;
    QString spawnServer; //!< path of hubbub-server to start
    QString spawnNode; //!< path of yardstick.js to start with node
    QString db; //!< database file for --spawn
    QString durability = QStringLiteral("full");
    QString jsonPath;
    QString
        tracePath; //!< fanout: every post's send and ack time and every receipt, for breakdown.js
    QString label; //!< names the server in the output ("hubbub", "yardstick")
    bool tls = false; //!< --tls: the spawned server or yardstick serves wss://

    int threads = 2;
    int subscribers = 1000;
    int readQuantumUs = 200; //!< fanout: subscriber threads' pause after a read (RawFleet)
    int subscriberThreads = 0; //!< fanout: epoll threads of the subscribers (0: --threads)
    int writers = 0; //!< 0: enough for the rate (each connection is limited to 100 requests/s)
    double rate = 50; //!< posts/s (fanout) or creates/s offered (writes)
    double seconds = 10;
    bool ramp = false;
    double rampStepSeconds = 5;
    double rampMaxP99Ms = 100;
    int connections = 60; //!< writes: connections; connections mode: idle connections
    int users = 8; //!< registered users whose tokens the connections share
    int requests = 50; //!< history: requests per measurement
    qint64 posts = 1000000; //!< seed
    qint64 messages = 1000000; //!< seed
    qint64 deepBack = 900000; //!< history: how far back the deep cursor is
    qint64 syncEvents = 10000; //!< history: events a sync catches up on
    //! --spawn on PostgreSQL (--db postgresql://...): instances of one fresh database, their
    //! URLs and pids (instance 0 is `url`, the writers'), and the cluster's folder for its CPU.
    int instances = 1;
    QList<QUrl> instanceUrls;
    QList<qint64> instancePids;
    QString pgDir;
    double deadlineSeconds = 0; //!< 0: derived from the mode
    qint64 fileMiB = 100; //!< files: size of the file uploaded and downloaded
};

} // namespace Hubbub::Bench
