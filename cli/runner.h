#pragma once

#include "deployment.h"
#include "exitcode.h"
#include "messagetype.h"
#include "types.h"

#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <chrono>
#include <functional>

namespace Hubbub::Client {
class Connection;
class Reply;
struct CertificateCheck;
} // namespace Hubbub::Client

namespace Hubbub::Cli {

class CliSettings;
class Output;

//! One run of a hubbub-cli command: the client core's Connection signed in with the token
//! kept for the server, requests whose failure ends the program with the matching exit code,
//! and the end of the program (finished()) once the keychain has what was written to it.
class Runner final : public QObject
{
    Q_OBJECT
public:
    enum class Mode {
        Once, //!< a command that answers and ends: an unreachable server fails it at once (6)
        Follow, //!< tail: reconnects with backoff for as long as it runs
    };

    Runner(CliSettings *settings, const Output *output, const Client::Deployment &server,
        std::chrono::milliseconds timeout, QObject *parent = nullptr);
    ~Runner() override;
    Q_DISABLE_COPY_MOVE(Runner)

    Client::Connection *connection() const { return m_connection; }
    CliSettings *settings() const { return m_settings; }
    const Output &output() const { return *m_output; }
    //! The server of this run: --server, else the last one signed in to. Its token and user
    //! are kept under its first address (Deployment::key()); connection()->url() is the
    //! address in use.
    Client::Deployment server() const { return m_server; }
    //! Who is signed in (once connected).
    User user() const;

    //! Signs in with the token kept for server() and runs `ready` once caught up. `fromSeq`
    //! >= 0: catch up with every event after it first (Connection::resume()).
    void connectThen(std::function<void()> ready, Mode mode = Mode::Once, qint64 fromSeq = -1);
    //! Sends a request; success calls `done` with the result, a failure ends the program with
    //! its exit code and the error on standard error.
    void call(
        MessageType type, const QJsonObject &params, std::function<void(const QJsonObject &)> done);
    //! Whether the server announced `feature`; when not, ends the program (1) saying that it
    //! cannot do `what`.
    bool require(const QString &feature, const QString &what);

    //! Ends the program with `code` (not at once: from the event loop, after the keychain).
    void finish(ExitCode code = ExitCode::Ok);
    //! Prints an error (its code as scripts read it, a sentence, the field) and finishes.
    void fail(
        ExitCode code, const QString &errorCode, const QString &message, const QString &field = {});
    void fail(const Client::Reply &reply);
    bool isFinished() const { return m_finished; }
    //! Prints what the server's certificate is and how to trust it; the caller fails with 7.
    void explainCertificate(const Client::CertificateCheck &check) const;

Q_SIGNALS:
    void finished(int exitCode);

private:
    CliSettings *m_settings;
    const Output *m_output;
    Client::Deployment m_server;
    Client::Connection *m_connection;
    Mode m_mode = Mode::Once;
    bool m_ready = false;
    bool m_finished = false;
    bool m_exitEmitted = false;
};

} // namespace Hubbub::Cli
