#include "runner.h"

#include "clisettings.h"
#include "connection.h"
#include "output.h"
#include "reply.h"

#include <QTimer>

#include <utility>

namespace Hubbub::Cli {

Runner::Runner(CliSettings *settings, const Output *output, const Client::Deployment &server,
    std::chrono::milliseconds timeout, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_output(output)
    , m_server(server)
    , m_connection(new Client::Connection(this))
{
    // Its own device in the account's list of sign-ins.
    m_connection->setClientName(QStringLiteral("hubbub-cli/" HUBBUB_VERSION));
    m_connection->setRequestTimeout(timeout);
    m_connection->setConnectTimeout(timeout);
    m_connection->setPinLookup(
        [settings](const QUrl &url) { return settings->pinnedCertificate(url); });
}

Runner::~Runner() = default;

User Runner::user() const
{
    return m_connection->user();
}

void Runner::connectThen(std::function<void()> ready, Mode mode, qint64 fromSeq)
{
    m_mode = mode;
    using Client::Connection;
    connect(m_connection, &Connection::signedIn, this,
        [this](const User &user) { m_settings->setUser(m_server, user); });
    connect(m_connection, &Connection::userChanged, this,
        [this](const User &user) { m_settings->setUser(m_server, user); });
    connect(m_connection, &Connection::online, this, [this, ready] {
        if (m_ready || m_finished)
            return;
        m_ready = true;
        ready();
    });
    connect(m_connection, &Connection::signInFailed, this, [this](const Error &error) {
        if (m_finished)
            return;
        if (error.code == ErrorCode::Unauthorized) {
            // Expired, signed out elsewhere, password changed, account disabled: the token
            // is of no further use, as in the app.
            m_settings->forgetToken(m_server);
            fail(ExitCode::NotSignedIn, errorCodeName(error.code),
                tr("%1 Sign in again: hubbub-cli login --user NAME").arg(error.message));
            return;
        }
        fail(exitCodeFor(error), errorCodeName(error.code), error.message, error.field);
    });
    connect(m_connection, &Connection::passwordChangeRequired, this, [this] {
        // A session started with an admin's one-time code can do nothing until a password is
        // chosen, which login does.
        fail(ExitCode::NotSignedIn, QStringLiteral("password_change_required"),
            tr("You signed in with a one-time code and have not chosen a password yet. Sign in "
               "again: hubbub-cli login --user NAME"));
    });
    connect(m_connection, &Connection::certificateUntrusted, this,
        [this](const Client::CertificateCheck &check) {
            explainCertificate(check);
            fail(ExitCode::Untrusted, QStringLiteral("untrusted_certificate"),
                check.changed() ? tr("The certificate of %1 has changed.")
                                      .arg(Connection::displayAddress(check.server))
                                : tr("The certificate of %1 is not trusted.")
                                      .arg(Connection::displayAddress(check.server)));
        });
    connect(m_connection, &Connection::stateChanged, this, [this](Connection::State state) {
        if (state != Connection::State::Waiting || m_finished)
            return;
        if (m_mode == Mode::Once) {
            fail(ExitCode::Unreachable, QStringLiteral("unreachable"), m_connection->lastError());
            return;
        }
        const qint64 seconds = (m_connection->msUntilRetry() + 999) / 1000;
        m_output->notice(
            tr("%1 Trying again in %n s.", nullptr, int(seconds)).arg(m_connection->lastError()));
    });

    m_settings->loadToken(m_server, [this, fromSeq] {
        const QString token = m_settings->token(m_server);
        if (token.isEmpty()) {
            fail(ExitCode::NotSignedIn, QStringLiteral("not_signed_in"),
                tr("Not signed in to %1. Sign in first: hubbub-cli login --user NAME")
                    .arg(m_server.toDisplayString()));
            return;
        }
        m_connection->resume(m_server, token, fromSeq);
    });
}

void Runner::call(
    MessageType type, const QJsonObject &params, std::function<void(const QJsonObject &)> done)
{
    m_connection->request(type, params, this, [this, done](const Client::Reply &reply) {
        if (m_finished)
            return;
        if (!reply.ok())
            return fail(reply);
        done(reply.result());
    });
}

bool Runner::require(const QString &feature, const QString &what)
{
    if (m_connection->hasFeature(feature))
        return true;
    fail(ExitCode::Failure, QStringLiteral("unsupported"),
        tr("The server at %1 cannot do this: %2 (it does not announce \"%3\").")
            .arg(Client::Connection::displayAddress(m_connection->url()), what, feature));
    return false;
}

void Runner::finish(ExitCode code)
{
    if (m_finished)
        return;
    m_finished = true;
    m_connection->disconnectFromServer();
    const int status = int(code);
    auto emitFinished = [this, status] {
        if (!std::exchange(m_exitEmitted, true))
            Q_EMIT finished(status);
    };
    Client::SecretStore *secrets = m_settings->secrets();
    if (secrets->isSettled()) {
        QTimer::singleShot(0, this, emitFinished);
        return;
    }
    // A token just written or removed still reaches the keychain (3 s at most), as in the app.
    connect(secrets, &Client::SecretStore::settled, this, emitFinished, Qt::SingleShotConnection);
    QTimer::singleShot(3000, this, emitFinished);
}

void Runner::fail(
    ExitCode code, const QString &errorCode, const QString &message, const QString &field)
{
    if (m_finished)
        return;
    m_output->error(errorCode, message, field);
    finish(code);
}

void Runner::fail(const Client::Reply &reply)
{
    fail(exitCodeFor(reply), errorCodeOf(reply), reply.error().message, reply.error().field);
}

void Runner::explainCertificate(const Client::CertificateCheck &check) const
{
    m_output->notice(
        tr("The server's certificate has the SHA-256 fingerprint %1.").arg(check.fingerprint));
    if (check.changed())
        m_output->notice(tr("The one trusted before was %1.").arg(check.pinned));
    if (!check.problems.isEmpty())
        m_output->notice(check.problems.join(QLatin1Char(' ')));
    m_output->notice(tr("If hubbub-server printed this fingerprint, trust it with: "
                        "hubbub-cli login --server %1 --trust-fingerprint %2 --user NAME")
                         .arg(Client::Connection::displayAddress(check.server), check.fingerprint));
}

} // namespace Hubbub::Cli
