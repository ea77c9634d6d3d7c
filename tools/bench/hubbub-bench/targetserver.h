#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace Hubbub::Bench {

//! The server under measurement: one we were given the pid of, or one we started ourselves
//! (hubbub-server or the node yardstick) on 127.0.0.1 with a free port. Reads its CPU time
//! and memory from /proc.
class TargetServer final
{
public:
    TargetServer() = default;
    ~TargetServer();
    Q_DISABLE_COPY_MOVE(TargetServer)

    void attach(qint64 pid) { m_pid = pid; }
    //! Starts `program arguments`, waits for its "Listening on ws://HOST:PORT" line and sets
    //! url(); false (with error()) when it does not come within `timeoutMs`.
    bool spawn(const QString &program, const QStringList &arguments, qint64 timeoutMs);
    //! SIGTERM, then SIGKILL if it has not exited within a few seconds. Only our own child.
    void stop();

    qint64 pid() const { return m_pid; }
    QUrl url() const { return m_url; }
    QString error() const { return m_error; }
    //! Milliseconds from spawn to the "Listening on" line.
    double startupMs() const { return m_startupMs; }
    //! Everything the spawned process wrote so far (stdout and stderr).
    QByteArray log() const;

    //! Switches perf's counters on the server on or off around a measured window, when the
    //! environment names perf's control FIFO: `perf stat -D -1 --control fifo:FIFO -p <pid>`
    //! with HUBBUB_BENCH_PERF_CTL=FIFO counts that window alone (not the set-up, e.g. the
    //! password hashing of the registrations).
    static void perfCounters(bool on);
    //! utime + stime in microseconds; -1 when unknown.
    qint64 cpuMicros() const;
    //! The same for any process.
    static qint64 cpuMicrosOf(qint64 pid);
    //! VmRSS / VmHWM in KiB; -1 when unknown.
    qint64 rssKb() const { return statusField("VmRSS:"); }
    qint64 peakRssKb() const { return statusField("VmHWM:"); }

    //! The pid of a process we may stop from the watchdog (0 when not ours).
    qint64 ownedPid() const { return m_process ? m_pid : 0; }

private:
    qint64 statusField(const char *name) const;

    std::unique_ptr<QProcess> m_process;
    QString m_logPath;
    qint64 m_pid = 0;
    QUrl m_url;
    QString m_error;
    double m_startupMs = 0;
};

} // namespace Hubbub::Bench
