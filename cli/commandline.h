#pragma once

#include "commands.h"
#include "deployment.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QUrl>

#include <chrono>
#include <memory>
#include <optional>

namespace Hubbub::Cli {

//! hubbub-cli's command line: the options every command takes, the command (one word, or a
//! group and a word: "admin role"), its own options and arguments; help and usage errors.
//! Parsing never exits the process; main() does what parse() says.
class CommandLine final
{
    Q_DECLARE_TR_FUNCTIONS(Hubbub::Cli::CommandLine)

public:
    CommandLine();
    ~CommandLine();
    Q_DISABLE_COPY_MOVE(CommandLine)

    //! Reads `arguments` (the program first). nullopt: a command is ready to run; otherwise
    //! the exit status to end with at once, after help (0) or a usage error (2) was printed.
    std::optional<int> parse(const QStringList &arguments);

    const Command &command() const { return *m_command; }
    const QCommandLineParser &parser() const { return *m_parser; }
    //! The command's arguments, after its name.
    QStringList arguments() const { return m_arguments; }

    //! --server's addresses (one, or several of one deployment); empty: the last one signed in to
    Client::Deployment server() const { return m_server; }
    QString configDir() const { return m_configDir; } //!< empty: the platform's places
    bool json() const { return m_json; }
    bool verbose() const { return m_verbose; }
    std::chrono::milliseconds timeout() const { return m_timeout; }

    //! The text of `hubbub-cli --help`: the commands and the exit codes.
    QString generalHelp() const;
    //! The help of a command, or nullopt when there is none of that name.
    std::optional<QString> commandHelp(const QString &name) const;

private:
    QList<QCommandLineOption> globalOptions() const;
    const Command *find(const QString &name) const;
    //! The group ("admin") when `name` is one, listing its commands.
    std::optional<QString> groupHelp(const QString &group) const;
    bool isGroup(const QString &word) const;
    int usage(const QString &message) const;

    QList<Command> m_commands;
    const QCommandLineOption m_serverOption;
    const QCommandLineOption m_configOption;
    const QCommandLineOption m_jsonOption;
    const QCommandLineOption m_timeoutOption;
    const QCommandLineOption m_verboseOption;
    const QCommandLineOption m_helpOption;
    const QCommandLineOption m_versionOption;

    const Command *m_command = nullptr;
    std::unique_ptr<QCommandLineParser> m_parser;
    QStringList m_arguments;
    Client::Deployment m_server;
    QString m_configDir;
    bool m_json = false;
    bool m_verbose = false;
    std::chrono::milliseconds m_timeout {15000};
};

} // namespace Hubbub::Cli
