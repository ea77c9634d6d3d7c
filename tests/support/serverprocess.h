#pragma once

#include <QByteArray>
#include <QProcess>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace Hubbub::Test {

//! A hubbub-server child process on 127.0.0.1. The destructor kills it, so a failing test
//! never leaves a server behind.
class ServerProcess final
{
public:
    ServerProcess(QString binary, QString databasePath);
    ~ServerProcess();
    Q_DISABLE_COPY_MOVE(ServerProcess)

    //! Starts on 127.0.0.1:`port` (0 picks one) and waits for the "Listening on" line (and with
    //! TLS the fingerprint's); false on failure (see diagnostics()). Plain ws:// (`--tls off`)
    //! unless `extraArguments` has --tls or --tls-cert; not announced on the network
    //! (`--no-announce`) unless it has --discovery-port.
    bool start(const QStringList &extraArguments = {}, quint16 port = 0);
    //! SIGTERM, then waitForExit().
    bool terminate();
    //! Waits for the process to end by itself, spinning the event loop (so clients see their
    //! close frames).
    bool waitForExit();
    //! SIGKILL and wait; nothing the server does can delay it.
    void kill();

    bool isRunning() const;
    quint16 port() const { return m_port; }
    bool isTls() const { return m_tls; }
    //! The certificate's SHA-256 fingerprint the server printed (with TLS).
    QString fingerprint() const { return m_fingerprint; }
    QUrl url() const;
    QProcess &process() { return *m_process; }
    QByteArray standardOutput() const { return m_stdout; }
    QByteArray standardError() const { return m_stderr; }
    QString diagnostics();

    //! The environment of every child: info logging off, so that stderr holds only real
    //! problems (and, for start-up errors, exactly the one error line).
    static QProcessEnvironment quietEnvironment();

private:
    void drain();

    QString m_binary;
    QString m_databasePath;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_stdout;
    QByteArray m_stderr;
    quint16 m_port = 0;
    bool m_tls = false;
    QString m_fingerprint;
};

} // namespace Hubbub::Test
