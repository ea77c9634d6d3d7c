// login, logout, whoami: the sign-in of hubbub-cli, a session of its own on the server.

#include "clisettings.h"
#include "commands.h"
#include "connection.h"
#include "output.h"
#include "reply.h"
#include "runner.h"
#include "terminal.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QProcessEnvironment>
#include <QRegularExpression>

#include <memory>

namespace Hubbub::Cli {

namespace {

struct AccountText
{
    Q_DECLARE_TR_FUNCTIONS(Hubbub::Cli::AccountCommands)
};

using Client::Connection;

//! The password: --password-file (`-` standard input), else HUBBUB_PASSWORD, else a prompt
//! without echo when someone types at a terminal. Never the command line.
std::optional<QString> readPassword(Runner &runner, const QString &file, const QString &variable,
    const QString &prompt, bool confirm)
{
    if (!file.isEmpty()) {
        Result<QString> secret = Terminal::readSecret(file);
        if (!secret) {
            usageError(runner, secret.error().message);
            return std::nullopt;
        }
#ifdef Q_OS_UNIX
        // As ssh says of a key file: a password others can read is no secret. Said, not
        // refused (the file is the user's choice).
        if (file != u"-"
            && (QFileInfo(file).permissions() & (QFile::ReadGroup | QFile::ReadOther)) != 0) {
            runner.output().notice(
                AccountText::tr("%1 can be read by other users of this computer; "
                                "chmod 600 %1 makes it yours alone.")
                    .arg(file));
        }
#endif
        return *secret;
    }
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (environment.contains(variable))
        return environment.value(variable);
    if (!Terminal::isInteractive()) {
        usageError(runner,
            AccountText::tr("No password: standard input is not a terminal to ask at. Set %1 or "
                            "use a password file (\"-\" for standard input).")
                .arg(variable));
        return std::nullopt;
    }
    std::optional<QString> password = Terminal::askHidden(prompt);
    if (password && confirm) {
        const std::optional<QString> again = Terminal::askHidden(AccountText::tr("Once more: "));
        if (again != password) {
            usageError(runner, AccountText::tr("The two passwords differ."));
            return std::nullopt;
        }
    }
    if (!password)
        usageError(runner, AccountText::tr("No password was typed."));
    return password;
}

QString describeUser(const User &user)
{
    QString text = user.username;
    if (!user.displayName.isEmpty())
        text = QStringLiteral("%1 (%2)").arg(user.displayName, user.username);
    if (user.isAdmin())
        text += QLatin1Char(' ') + AccountText::tr("[admin]");
    return text;
}

void printSignedIn(Runner &runner, const User &user)
{
    if (runner.output().isJson()) {
        runner.output().json(QJsonObject {{QStringLiteral("user"), user.toJson()},
            {QStringLiteral("server"), runner.server().toDisplayString()}});
    } else {
        runner.output().text(AccountText::tr("Signed in to %1 as %2.")
                                 .arg(runner.server().toDisplayString(), describeUser(user)));
    }
}

Command login()
{
    const QCommandLineOption user(QStringLiteral("user"),
        AccountText::tr("Sign in as <name> (required)."), QStringLiteral("name"));
    const QCommandLineOption passwordFile(QStringLiteral("password-file"),
        AccountText::tr("Read the password from the first line of <file> (\"-\": standard "
                        "input)."),
        QStringLiteral("file"));
    const QCommandLineOption create(QStringLiteral("create-account"),
        AccountText::tr("Create the account (on a server that lets you) instead of signing in."));
    const QCommandLineOption invite(QStringLiteral("invite"),
        AccountText::tr("The invite code an admin gave you, with --create-account on a server "
                        "that takes new accounts by invitation."),
        QStringLiteral("code"));
    const QCommandLineOption trust(QStringLiteral("trust-fingerprint"),
        AccountText::tr("Trust the server's self-signed certificate whose SHA-256 fingerprint "
                        "is <sha256>, as hubbub-server prints it."),
        QStringLiteral("sha256"));
    const QCommandLineOption newPasswordFile(QStringLiteral("new-password-file"),
        AccountText::tr("After signing in with a one-time code from an admin: read the new "
                        "password from <file> (else HUBBUB_NEW_PASSWORD, else a prompt)."),
        QStringLiteral("file"));

    Command command;
    command.name = QStringLiteral("login");
    command.summary = AccountText::tr("Sign in and keep the token for the next commands.");
    command.details = AccountText::tr(
        "The password comes from the prompt (without echo), the environment variable "
        "HUBBUB_PASSWORD, or --password-file; never from the command line. The token is kept in "
        "the system's keychain (else a file only you can read), or in --config's folder. "
        "hubbub-cli is a session of its own on the server, apart from the app's.");
    command.options = {user, passwordFile, create, invite, trust, newPasswordFile};
    command.run = [=](Runner &runner, const QCommandLineParser &parser, const QStringList &) {
        const QString username = parser.value(user).trimmed();
        if (username.isEmpty())
            return usageError(runner, AccountText::tr("login needs --user NAME."));
        const Client::Deployment server = runner.server();
        // The certificate trusted for this sign-in: remembered once the sign-in succeeds, so
        // that a mistyped fingerprint is not kept.
        auto trusted = std::make_shared<QString>();
        if (parser.isSet(trust)) {
            *trusted = parser.value(trust).trimmed().toUpper();
            static const QRegularExpression sha256(
                QStringLiteral("^([0-9A-F]{2}:){31}[0-9A-F]{2}$"));
            if (!sha256.match(*trusted).hasMatch()) {
                return usageError(runner,
                    AccountText::tr("--trust-fingerprint needs a SHA-256 fingerprint: 32 hex "
                                    "pairs joined by colons."));
            }
        }
        const std::optional<QString> password
            = readPassword(runner, parser.value(passwordFile), QStringLiteral("HUBBUB_PASSWORD"),
                AccountText::tr("Password for %1 on %2: ").arg(username, server.toDisplayString()),
                parser.isSet(create));
        if (!password)
            return;
        const QString newFile = parser.value(newPasswordFile);
        const bool asked = parser.isSet(trust);

        Connection *connection = runner.connection();
        CliSettings *settings = runner.settings();
        connection->setPinLookup([settings, trusted](const QUrl &url) {
            return trusted->isEmpty() ? settings->pinnedCertificate(url) : *trusted;
        });
        auto reached = std::make_shared<bool>(false);
        QObject::connect(
            connection, &Connection::stateChanged, &runner, [reached](Connection::State state) {
                if (state == Connection::State::SigningIn)
                    *reached = true;
            });
        QObject::connect(
            connection, &Connection::signInFailed, &runner, [&runner, reached](const Error &error) {
                if (!*reached) {
                    return runner.fail(
                        ExitCode::Unreachable, QStringLiteral("unreachable"), error.message);
                }
                const bool refused
                    = error.code == ErrorCode::Unauthorized || error.code == ErrorCode::Forbidden;
                runner.fail(refused ? ExitCode::NotSignedIn : exitCodeFor(error),
                    errorCodeName(error.code), error.message, error.field);
            });
        QObject::connect(connection, &Connection::certificateUntrusted, &runner,
            [&runner, connection, asked, trusted](const Client::CertificateCheck &check) {
                runner.explainCertificate(check);
                // Trust on first use, as the app asks: only someone at a terminal can answer,
                // and never about a certificate that changed.
                if (!asked && !check.changed() && Terminal::isInteractive()) {
                    const std::optional<QString> answer
                        = Terminal::ask(AccountText::tr("Trust this certificate? [y/N] "));
                    if (answer
                        && answer->trimmed().startsWith(QLatin1Char('y'), Qt::CaseInsensitive)) {
                        *trusted = check.fingerprint;
                        connection->retryCertificate();
                        return;
                    }
                }
                runner.fail(ExitCode::Untrusted, QStringLiteral("untrusted_certificate"),
                    check.changed() ? AccountText::tr("The certificate of %1 has changed.")
                                          .arg(Connection::displayAddress(check.server))
                                    : AccountText::tr("The certificate of %1 is not trusted.")
                                          .arg(Connection::displayAddress(check.server)));
            });
        QObject::connect(connection, &Connection::signedIn, &runner,
            [&runner, connection, server, newFile, trusted](
                const User &signedIn, const QString &token) {
                // For the address that showed it; the deployment's others take it from there.
                if (!trusted->isEmpty())
                    runner.settings()->setPinnedCertificate(connection->url(), *trusted);
                if (!connection->mustChangePassword()) {
                    runner.settings()->setCredentials(server, signedIn, token);
                    printSignedIn(runner, signedIn);
                    return runner.finish();
                }
                // A one-time code from an admin: nothing works until a password is chosen.
                const std::optional<QString> chosen = readPassword(runner, newFile,
                    QStringLiteral("HUBBUB_NEW_PASSWORD"),
                    AccountText::tr("You signed in with a one-time code. New password: "), true);
                if (!chosen)
                    return;
                connection->choosePassword(*chosen, &runner,
                    [&runner, server, signedIn, token](const Client::Reply &reply) {
                        if (!reply.ok())
                            return runner.fail(reply);
                        runner.settings()->setCredentials(server, signedIn, token);
                        printSignedIn(runner, signedIn);
                        runner.finish();
                    });
            });
        connection->signIn(server, username, *password, parser.isSet(create), parser.value(invite));
    };
    return command;
}

Command logout()
{
    const QCommandLineOption local(QStringLiteral("local"),
        AccountText::tr("Only forget the token here, without telling the server (when it cannot "
                        "be reached; the session stays valid until it expires or is signed out "
                        "from another device)."));
    Command command;
    command.name = QStringLiteral("logout");
    command.summary = AccountText::tr("Sign out: end this session on the server and forget the "
                                      "token.");
    command.options = {local};
    command.run = [local](Runner &runner, const QCommandLineParser &parser, const QStringList &) {
        const Client::Deployment server = runner.server();
        const QString address = server.toDisplayString();
        if (parser.isSet(local)) {
            runner.settings()->loadToken(server, [&runner, server, address] {
                runner.settings()->forgetToken(server);
                if (runner.output().isJson())
                    runner.output().json(QJsonObject {{QStringLiteral("server"), address}});
                else
                    runner.output().text(AccountText::tr("Forgot the token for %1.").arg(address));
                runner.finish();
            });
            return;
        }
        runner.connectThen([&runner, server, address] {
            runner.call(
                MessageType::AuthLogout, {}, [&runner, server, address](const QJsonObject &) {
                    runner.settings()->forgetToken(server);
                    if (runner.output().isJson())
                        runner.output().json(QJsonObject {{QStringLiteral("server"), address}});
                    else
                        runner.output().text(AccountText::tr("Signed out of %1.").arg(address));
                    runner.finish();
                });
        });
    };
    return command;
}

Command whoami()
{
    Command command;
    command.name = QStringLiteral("whoami");
    command.summary = AccountText::tr("Show who is signed in, on which server.");
    command.run = [](Runner &runner, const QCommandLineParser &, const QStringList &) {
        runner.connectThen([&runner] {
            const User user = runner.user();
            // The address that answered, of the several a server may have.
            const QString address = Connection::displayAddress(runner.connection()->url());
            if (runner.output().isJson()) {
                runner.output().json(QJsonObject {{QStringLiteral("user"), user.toJson()},
                    {QStringLiteral("server"), address},
                    {QStringLiteral("features"),
                        QJsonArray::fromStringList(runner.connection()->features())},
                    {QStringLiteral("tokenStore"), runner.settings()->tokenLocation()}});
            } else {
                runner.output().text(AccountText::tr("%1 on %2").arg(describeUser(user), address));
                runner.output().text(
                    AccountText::tr("Token kept in %1.").arg(runner.settings()->tokenLocation()));
            }
            runner.finish();
        });
    };
    return command;
}

} // namespace

QList<Command> accountCommands()
{
    return {login(), logout(), whoami()};
}

} // namespace Hubbub::Cli
