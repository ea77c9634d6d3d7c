#include "serverprocess.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

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
    QStringList arguments {QStringLiteral("--host"), QStringLiteral("127.0.0.1"),
        QStringLiteral("--port"), QString::number(port), QStringLiteral("--db"), m_databasePath};
    if (!extraArguments.contains(u"--tls"_s) && !extraArguments.contains(u"--tls-cert"_s))
        arguments << u"--tls"_s << u"off"_s;
    // No announcements unless a test listens for them on a port of its own.
    if (!extraArguments.contains(u"--discovery-port"_s))
        arguments << u"--no-announce"_s;
    arguments += extraArguments;
    const qsizetype tlsAt = arguments.lastIndexOf(u"--tls"_s);
    m_tls = !(tlsAt >= 0 && tlsAt + 1 < arguments.size() && arguments.at(tlsAt + 1) == u"off");
    m_fingerprint.clear();
    m_process->start(m_binary, arguments);
    if (!m_process->waitForStarted(StartTimeoutMs))
        return false;
    // "Listening on", and with TLS the certificate's fingerprint on the next line.
    const qsizetype lines = m_tls ? 2 : 1;
    (void)QTest::qWaitFor(
        [this, lines] {
            drain();
            return m_stdout.count('\n') >= lines || m_process->state() == QProcess::NotRunning;
        },
        StartTimeoutMs);
    drain();
    static const QRegularExpression listening(QStringLiteral(
        "^Listening on (wss?)://127\\.0\\.0\\.1:(\\d+)\n"
        "(?:Certificate SHA-256 fingerprint: ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})\n)?$"));
    const QRegularExpressionMatch match = listening.match(QString::fromUtf8(m_stdout));
    if (!match.hasMatch() || (match.captured(1) == u"wss") != m_tls
        || match.hasCaptured(3) != m_tls)
        return false;
    m_fingerprint = match.captured(3);
    bool ok = false;
    const uint listeningPort = match.captured(2).toUInt(&ok);
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
    return QUrl(QStringLiteral("%1://127.0.0.1:%2/").arg(m_tls ? u"wss"_s : u"ws"_s).arg(m_port));
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
