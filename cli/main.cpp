#include "clisettings.h"
#include "commandline.h"
#include "output.h"
#include "runner.h"
#include "translations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QLoggingCategory>
#include <QTimer>

#ifdef Q_OS_WIN
#include <fcntl.h>
#include <io.h>
#include <stdio.h>
#endif

using namespace Hubbub::Cli;

int main(int argc, char *argv[])
{
#ifdef Q_OS_WIN
    // CSV records end with CRLF as written, not CRCRLF.
    _setmode(_fileno(stdout), _O_BINARY);
#endif
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Hubbub"));
    QCoreApplication::setApplicationName(QStringLiteral("hubbub-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HUBBUB_VERSION));
    // The user's language, as the app loads it: Qt's own catalogue for QCommandLineParser's
    // words, then Hubbub's, embedded under :/i18n (cli/CMakeLists.txt).
    Hubbub::Client::installTranslations(QLocale(), QStringLiteral(":/i18n"));

    CommandLine commandLine;
    if (const std::optional<int> status = commandLine.parse(QCoreApplication::arguments()))
        return *status;
    // The client core logs its connection at info level; a script's standard error holds only
    // what went wrong unless asked (QT_LOGGING_RULES still wins).
    if (!commandLine.verbose())
        QLoggingCategory::setFilterRules(QStringLiteral("hubbub.*.info=false"));

    CliSettings settings(commandLine.configDir());
    const Output output(commandLine.json());
    const Hubbub::Client::Deployment server
        = commandLine.server().isEmpty() ? settings.lastServer() : commandLine.server();
    Runner runner(&settings, &output, server, commandLine.timeout());
    QObject::connect(
        &runner, &Runner::finished, &app, [](int status) { QCoreApplication::exit(status); });
    QTimer::singleShot(0, &runner, [&runner, &commandLine] {
        commandLine.command().run(runner, commandLine.parser(), commandLine.arguments());
    });
    return QCoreApplication::exec();
}
