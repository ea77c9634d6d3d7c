#include "commandline.h"

#include "output.h"

#include <QProcessEnvironment>

#include <algorithm>
#include <cstdio>

namespace Hubbub::Cli {

namespace {

const QStringList Groups {QStringLiteral("admin"), QStringLiteral("invite")};

void print(std::FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

//! "  name   summary" lines, the summaries in one column.
QString commandList(const QList<const Command *> &commands)
{
    qsizetype width = 0;
    for (const Command *command : commands)
        width = std::max(width, command->name.size());
    QString list;
    for (const Command *command : commands) {
        list += QStringLiteral("  ") + command->name.leftJustified(width + 3) + command->summary
            + QLatin1Char('\n');
    }
    return list;
}

} // namespace

CommandLine::CommandLine()
    : m_serverOption(QStringLiteral("server"),
        tr("The server, e.g. wss://192.168.1.10:7300 (default: the last one signed in to). A "
           "server with several addresses: all of them, separated by commas, tried in turn."),
        QStringLiteral("url"))
    , m_configOption(QStringLiteral("config"),
          tr("Keep the sign-in and settings in <dir> (hubbub-cli.ini, secrets.json) instead of "
             "the system's settings and keychain; also the environment variable "
             "HUBBUB_CLI_CONFIG."),
          QStringLiteral("dir"))
    , m_jsonOption(QStringLiteral("json"),
          tr("Print results as JSON, one value per line, and errors on standard error as JSON."))
    , m_timeoutOption(QStringLiteral("timeout"),
          tr("Give up when the server does not answer within <seconds> (default 15)."),
          QStringLiteral("seconds"))
    , m_verboseOption(QStringLiteral("verbose"), tr("Log the connection on standard error."))
    , m_helpOption(QStringList {QStringLiteral("h"), QStringLiteral("help")},
          tr("Show the help of hubbub-cli or of a command."))
    , m_versionOption(
          QStringList {QStringLiteral("v"), QStringLiteral("version")}, tr("Show the version."))
{
    m_commands = accountCommands();
    m_commands += contentCommands();
    m_commands.append(exportCommand());
    m_commands.append(tailCommand());
    m_commands += adminCommands();
}

CommandLine::~CommandLine() = default;

QList<QCommandLineOption> CommandLine::globalOptions() const
{
    return {m_serverOption, m_configOption, m_jsonOption, m_timeoutOption, m_verboseOption,
        m_helpOption};
}

const Command *CommandLine::find(const QString &name) const
{
    for (const Command &command : m_commands) {
        if (command.name == name)
            return &command;
    }
    return nullptr;
}

bool CommandLine::isGroup(const QString &word) const
{
    return Groups.contains(word);
}

QString CommandLine::generalHelp() const
{
    QCommandLineParser parser;
    QList<const Command *> all;
    for (const Command &command : m_commands)
        all.append(&command);
    QString description = tr("hubbub-cli: the command-line client of Hubbub, the feed and chat of "
                             "your local network.")
        + QStringLiteral("\n\n") + tr("Commands:") + QLatin1Char('\n') + commandList(all)
        + QLatin1Char('\n') + tr("Exit codes:") + QLatin1Char('\n');
    const QList<QPair<int, QString>> codes {
        {0, tr("done")},
        {1, tr("the server refused (invalid, conflict, rate limited, …) or another error")},
        {2, tr("wrong command line, or input that cannot be read")},
        {3, tr("not signed in, or the sign-in or the token was refused")},
        {4, tr("not found (channel, user, message, invite)")},
        {5, tr("not allowed (e.g. an admin command as a member)")},
        {6, tr("the server cannot be reached or did not answer in time")},
        {7, tr("the server's certificate is not trusted (see login --trust-fingerprint)")},
        {8, tr("tail: the server no longer has the events after the state's seq")},
    };
    for (const auto &[code, meaning] : codes)
        description += QStringLiteral("  %1  %2\n").arg(code).arg(meaning);
    description += QLatin1Char('\n')
        + tr("Run \"hubbub-cli help COMMAND\" for the arguments and options of a command.");
    parser.setApplicationDescription(description);
    parser.addOptions(globalOptions());
    parser.addOption(m_versionOption);
    parser.addPositionalArgument(
        QStringLiteral("command"), tr("One of the commands above."), tr("COMMAND [ARGUMENTS]"));
    return parser.helpText();
}

std::optional<QString> CommandLine::commandHelp(const QString &name) const
{
    if (isGroup(name))
        return groupHelp(name);
    const Command *command = find(name);
    if (!command)
        return std::nullopt;
    QCommandLineParser parser;
    QString description = command->summary;
    if (!command->details.isEmpty())
        description += QStringLiteral("\n\n") + command->details;
    parser.setApplicationDescription(description);
    parser.addOptions(command->options);
    parser.addOptions(globalOptions());
    parser.addPositionalArgument(command->name, QString(), command->name);
    for (const Command::Argument &argument : command->arguments)
        parser.addPositionalArgument(argument.syntax, argument.description, argument.syntax);
    // The command's name is a positional argument only so that the usage line shows it; it is
    // no argument to describe.
    QString text = parser.helpText();
    const QString nameLine = QStringLiteral("  ") + command->name + QLatin1Char('\n');
    if (const qsizetype at = text.lastIndexOf(nameLine); at > 0) {
        text.remove(at, nameLine.size());
        if (command->arguments.isEmpty()) // the heading ("Arguments:") has nothing left under it
            text.truncate(text.lastIndexOf(QLatin1Char('\n'), at - 2) + 1);
    }
    return text.trimmed() + QStringLiteral("\n\n") + tr("Exit codes: see \"hubbub-cli --help\".")
        + QLatin1Char('\n');
}

std::optional<QString> CommandLine::groupHelp(const QString &group) const
{
    QList<const Command *> members;
    for (const Command &command : m_commands) {
        if (command.name.startsWith(group + QLatin1Char(' ')))
            members.append(&command);
    }
    if (members.isEmpty())
        return std::nullopt;
    return tr("Commands of \"%1\":").arg(group) + QLatin1Char('\n') + commandList(members)
        + QLatin1Char('\n')
        + tr("Run \"hubbub-cli help %1 COMMAND\" for the arguments and options of one.").arg(group)
        + QLatin1Char('\n');
}

int CommandLine::usage(const QString &message) const
{
    Output(m_json).error(QStringLiteral("usage"), message);
    return 2;
}

std::optional<int> CommandLine::parse(const QStringList &arguments)
{
    m_json = arguments.contains(QStringLiteral("--json"));
    // Said plainly rather than "unknown option": a password on the command line would show in
    // the shell's history and in every process list.
    for (const QString &argument : arguments.mid(1)) {
        if (argument == u"--")
            break;
        if (argument == u"--password" || argument.startsWith(u"--password=")) {
            return usage(tr("hubbub-cli takes no password on the command line (it would show "
                            "in process lists and the shell's history): type it at the prompt, "
                            "or use HUBBUB_PASSWORD or --password-file FILE."));
        }
    }

    // First the options before the command; what follows the command is read below, with the
    // command's own options.
    QCommandLineParser first;
    first.addOptions(globalOptions());
    first.addOption(m_versionOption);
    first.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    if (!first.parse(arguments))
        return usage(first.errorText());
    if (first.isSet(m_versionOption)) {
        print(stdout, QStringLiteral("hubbub-cli %1\n").arg(QStringLiteral(HUBBUB_VERSION)));
        return 0;
    }
    QStringList words = first.positionalArguments();
    const bool helpFirst = first.isSet(m_helpOption);
    if (words.isEmpty()) {
        print(helpFirst ? stdout : stderr, generalHelp());
        return helpFirst ? 0 : 2;
    }
    if (words.first() == u"help") {
        if (words.size() == 1) {
            print(stdout, generalHelp());
            return 0;
        }
        const std::optional<QString> help = commandHelp(words.mid(1).join(QLatin1Char(' ')));
        if (!help) {
            return usage(tr("There is no command \"%1\". Run \"hubbub-cli --help\" for the list.")
                             .arg(words.mid(1).join(QLatin1Char(' '))));
        }
        print(stdout, *help);
        return 0;
    }
    QString name = words.first();
    qsizetype nameWords = 1;
    if (isGroup(name)) {
        if (words.size() < 2 || words.at(1).startsWith(QLatin1Char('-'))) {
            const bool help = helpFirst || words.contains(QStringLiteral("--help"))
                || words.contains(QStringLiteral("-h"));
            print(help ? stdout : stderr, groupHelp(name).value_or(QString()));
            return help ? 0 : 2;
        }
        name += QLatin1Char(' ') + words.at(1);
        nameWords = 2;
    }
    m_command = find(name);
    if (!m_command) {
        return usage(
            tr("There is no command \"%1\". Run \"hubbub-cli --help\" for the list.").arg(name));
    }
    if (helpFirst) {
        print(stdout, commandHelp(name).value_or(QString()));
        return 0;
    }

    m_parser = std::make_unique<QCommandLineParser>();
    m_parser->addOptions(globalOptions());
    m_parser->addOptions(m_command->options);
    if (!m_parser->parse(arguments))
        return usage(m_parser->errorText());
    if (m_parser->isSet(m_helpOption)) {
        print(stdout, commandHelp(name).value_or(QString()));
        return 0;
    }
    m_arguments = m_parser->positionalArguments().mid(nameWords);
    if (m_arguments.size() < m_command->minArguments
        || m_arguments.size() > m_command->maxArguments) {
        QStringList syntax {QStringLiteral("hubbub-cli"), name};
        for (const Command::Argument &argument : m_command->arguments)
            syntax.append(argument.syntax);
        return usage(tr("Wrong number of arguments. Usage: %1").arg(syntax.join(QLatin1Char(' '))));
    }

    m_json = m_parser->isSet(m_jsonOption);
    m_verbose = m_parser->isSet(m_verboseOption);
    if (m_parser->isSet(m_serverOption)) {
        m_server = Client::Deployment::fromUrls(m_parser->value(m_serverOption))
                       .value_or(Client::Deployment());
        if (m_server.isEmpty()) {
            return usage(tr("--server needs a wss:// or ws:// address, e.g. "
                            "wss://192.168.1.10:7300"));
        }
    }
    m_configDir = m_parser->isSet(m_configOption)
        ? m_parser->value(m_configOption)
        : QProcessEnvironment::systemEnvironment().value(QStringLiteral("HUBBUB_CLI_CONFIG"));
    if (m_parser->isSet(m_timeoutOption)) {
        bool ok = false;
        const int seconds = m_parser->value(m_timeoutOption).toInt(&ok);
        if (!ok || seconds < 1 || seconds > 3600)
            return usage(tr("--timeout needs a whole number of seconds from 1 to 3600."));
        m_timeout = std::chrono::seconds(seconds);
    }
    return std::nullopt;
}

} // namespace Hubbub::Cli
