#include "serverprocess.h"

#include <QRegularExpression>
#include <QTest>

namespace Hubbub::Test {

namespace {

constexpr int StartTimeoutMs = 20000;
constexpr int ExitTimeoutMs = 20000;

} // namespace

ServerProcess::ServerProcess(QString binary, QString databasePath)
    : m_binary(std::move(binary))
    , m_databasePath(std::move(databasePath))
{ }

ServerProcess::~ServerProcess()
{
    kill();
}

QProcessEnvironment ServerProcess::quietEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.info=false"));
    return env;
}

bool ServerProcess::start(const QStringList &extraArguments, quint16 port)
{
    kill();
    m_process = std::make_unique<QProcess>();
    m_stdout.clear();
    m_stderr.clear();
    m_port = 0;
    m_process->setProcessEnvironment(quietEnvironment());
    m_process->start(m_binary,
        QStringList {QStringLiteral("--host"), QStringLiteral("127.0.0.1"),
            QStringLiteral("--port"), QString::number(port), QStringLiteral("--db"), m_databasePath}
            + extraArguments);
    if (!m_process->waitForStarted(StartTimeoutMs))
        return false;
    (void)QTest::qWaitFor(
        [this] {
            drain();
            return m_stdout.contains('\n') || m_process->state() == QProcess::NotRunning;
        },
        StartTimeoutMs);
    drain();
    static const QRegularExpression listening(
        QStringLiteral("^Listening on ws://127\\.0\\.0\\.1:(\\d+)\n$"));
    const QRegularExpressionMatch match = listening.match(QString::fromUtf8(m_stdout));
    if (!match.hasMatch())
        return false;
    bool ok = false;
    const uint listeningPort = match.captured(1).toUInt(&ok);
    if (!ok || listeningPort == 0 || listeningPort > 65535)
        return false;
    m_port = quint16(listeningPort);
    return m_process->state() == QProcess::Running;
}

bool ServerProcess::terminate()
{
    if (!isRunning())
        return false;
    m_process->terminate();
    return waitForExit();
}

bool ServerProcess::waitForExit()
{
    if (!m_process)
        return false;
    const bool finished = QTest::qWaitFor(
        [this] {
            drain();
            return m_process->state() == QProcess::NotRunning;
        },
        ExitTimeoutMs);
    drain();
    return finished;
}

void ServerProcess::kill()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        (void)m_process->waitForFinished(ExitTimeoutMs);
    }
    drain();
}

bool ServerProcess::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QUrl ServerProcess::url() const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(m_port));
}

QString ServerProcess::diagnostics()
{
    drain();
    return QStringLiteral("state %1, exit code %2, error '%3'\nstdout: %4\nstderr: %5")
        .arg(m_process ? int(m_process->state()) : -1)
        .arg(m_process ? m_process->exitCode() : -1)
        .arg(m_process ? m_process->errorString() : QString(), QString::fromUtf8(m_stdout),
            QString::fromUtf8(m_stderr));
}

void ServerProcess::drain()
{
    if (!m_process)
        return;
    m_stdout += m_process->readAllStandardOutput();
    m_stderr += m_process->readAllStandardError();
}

} // namespace Hubbub::Test
