#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace Hubbub::Cli {

class Runner;

//! One hubbub-cli command ("post", or "admin role" under its group): what `--help` says about
//! it, its options, and what it does. Everything in it is in the user's language, so the
//! tables are built after the translators are installed.
struct Command
{
    struct Argument
    {
        QString syntax; //!< "TITLE", "[TEXT|-]"
        QString description;
    };
    using Run = std::function<void(
        Runner &runner, const QCommandLineParser &parser, const QStringList &arguments)>;

    QString name;
    QString summary; //!< one line, for the list of commands
    QString details; //!< more, for the command's own help; may be empty
    QList<Argument> arguments;
    QList<QCommandLineOption> options;
    qsizetype minArguments = 0;
    qsizetype maxArguments = 0;
    //! Runs once the command line is checked; it ends with Runner::finish() or fail(). The
    //! parser and the arguments live only during the call: keep copies of what is needed.
    Run run;
};

QList<Command> accountCommands();
QList<Command> contentCommands();
Command exportCommand();
Command tailCommand();
QList<Command> adminCommands();

//! A whole number in [min, max] from an option (`fallback` when it is absent) or an argument;
//! otherwise a usage error (2) ends the program and the result is nullopt.
std::optional<qint64> integerOption(Runner &runner, const QCommandLineParser &parser,
    const QCommandLineOption &option, qint64 min, qint64 max, qint64 fallback);
std::optional<qint64> integerArgument(
    Runner &runner, const QString &text, const QString &name, qint64 min, qint64 max);
//! Ends the program with a usage error (2).
void usageError(Runner &runner, const QString &message);
//! A nonce for an idempotent create: a resend after a dropped connection is stored once.
QString newNonce();

} // namespace Hubbub::Cli
