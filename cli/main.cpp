#include "clisettings.h"
#include "commandline.h"
#include "output.h"
#include "runner.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QTimer>
#include <QTranslator>

#ifdef Q_OS_WIN
#include <fcntl.h>
#include <io.h>
#include <stdio.h>
#endif

using namespace Hubbub::Cli;

namespace {

//! The user's language, as the app loads it (client/widgets/translations.cpp): Qt's own
//! catalogue for QCommandLineParser's words, then the app's, embedded under :/i18n
//! (cli/CMakeLists.txt). English has a catalogue too, for the plural forms.
void installTranslations()
{
    const QLocale locale;
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    auto *app = new QTranslator(QCoreApplication::instance());
    if (app->load(locale, QStringLiteral("hubbub"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || app->load(QStringLiteral("hubbub_en"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(app);
    else
        delete app;
}

} // namespace

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
    installTranslations();

    CommandLine commandLine;
    if (const std::optional<int> status = commandLine.parse(QCoreApplication::arguments()))
        return *status;
    // The client core logs its connection at info level; a script's standard error holds only
    // what went wrong unless asked (QT_LOGGING_RULES still wins).
    if (!commandLine.verbose())
        QLoggingCategory::setFilterRules(QStringLiteral("hubbub.*.info=false"));

    CliSettings settings(commandLine.configDir());
    const Output output(commandLine.json());
    const QUrl server
        = commandLine.server().isEmpty() ? settings.lastServer() : commandLine.server();
    Runner runner(&settings, &output, server, commandLine.timeout());
    QObject::connect(
        &runner, &Runner::finished, &app, [](int status) { QCoreApplication::exit(status); });
    QTimer::singleShot(0, &runner, [&runner, &commandLine] {
        commandLine.command().run(runner, commandLine.parser(), commandLine.arguments());
    });
    return QCoreApplication::exec();
}
