#include "targetserver.h"

#include "workerpool.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <csignal>
#include <unistd.h>

namespace Hubbub::Bench {

TargetServer::~TargetServer()
{
    stop();
    if (!m_logPath.isEmpty())
        QFile::remove(m_logPath);
}

bool TargetServer::spawn(const QString &program, const QStringList &arguments, qint64 timeoutMs)
{
    // One log per server: a run may start several (instances of one PostgreSQL database).
    static int spawned = 0;
    m_logPath = QDir::temp().filePath(QStringLiteral("hubbub-bench-server-%1-%2.log")
                                          .arg(QCoreApplication::applicationPid())
                                          .arg(++spawned));
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(m_logPath, QIODevice::Truncate);
    const qint64 started = nowNs();
    m_process->start(program, arguments);
    if (!m_process->waitForStarted(10000)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(program, m_process->errorString());
        m_process.reset();
        return false;
    }
    m_pid = m_process->processId();
    static const QRegularExpression listening(
        QStringLiteral("Listening on (wss?)://[0-9.]+:([0-9]+)"));
    QRegularExpressionMatch match;
    const bool up = waitUntil(
        [&] {
            if (m_process->state() != QProcess::Running)
                return true;
            match = listening.match(QString::fromUtf8(log()));
            return match.hasMatch();
        },
        timeoutMs);
    m_startupMs = double(nowNs() - started) / 1e6;
    if (!up || !match.hasMatch()) {
        m_error = QStringLiteral("%1 did not start listening: %2")
                      .arg(program, QString::fromUtf8(log().right(2000)));
        stop();
        return false;
    }
    // The server listens on whatever --host says; we reach it on loopback either way.
    m_url = QUrl(QStringLiteral("%1://127.0.0.1:%2").arg(match.captured(1), match.captured(2)));
    return true;
}

void TargetServer::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        ::kill(pid_t(m_pid), SIGTERM);
        if (!m_process->waitForFinished(15000)) {
            ::kill(pid_t(m_pid), SIGKILL);
            m_process->waitForFinished(5000);
        }
    }
    m_process.reset();
}

QByteArray TargetServer::log() const
{
    QFile file(m_logPath);
    if (m_logPath.isEmpty() || !file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

void TargetServer::perfCounters(bool on)
{
    const QString path = qEnvironmentVariable("HUBBUB_BENCH_PERF_CTL");
    QFile fifo(path);
    if (!path.isEmpty() && fifo.open(QIODevice::WriteOnly))
        fifo.write(on ? "enable\n" : "disable\n");
}

qint64 TargetServer::cpuMicros() const
{
    return cpuMicrosOf(m_pid);
}

qint64 TargetServer::cpuMicrosOf(qint64 pid)
{
    if (pid <= 0)
        return -1;
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = file.readAll();
    // The command name may hold spaces; fields are counted after its closing parenthesis.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    const qint64 ticks = fields.at(11).toLongLong() + fields.at(12).toLongLong();
    return ticks * 1000000 / sysconf(_SC_CLK_TCK);
}

qint64 TargetServer::statusField(const char *name) const
{
    if (m_pid <= 0)
        return -1;
    QFile file(QStringLiteral("/proc/%1/status").arg(m_pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(name))
            return line.mid(qsizetype(qstrlen(name))).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

} // namespace Hubbub::Bench
