#include "appcontroller.h"
#include "clientsettings.h"
#include "session.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QIcon>
#include <QLocale>
#include <QStandardPaths>
#include <QTextStream>

#include <cstdio>

using namespace Hubbub::Client;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Hubbub"));
    QApplication::setApplicationName(QStringLiteral("hubbub"));
    QApplication::setApplicationDisplayName(QStringLiteral("Hubbub"));
    QApplication::setApplicationVersion(QStringLiteral(HUBBUB_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("hubbub"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/hubbub.svg")));

    // The .qm files are embedded under :/i18n (client/CMakeLists.txt). QLocale()
    // follows LANGUAGE/LC_ALL/LC_MESSAGES/LANG here, the system's languages on Windows and macOS.
    installTranslations(QLocale(), QStringLiteral(":/i18n"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Hubbub: the feed and chat of your local network."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption serverOption(QStringLiteral("server"),
        QApplication::translate("main", "Connect to the server at <url> (default: the last one)."),
        QStringLiteral("url"));
    const QCommandLineOption userOption(QStringLiteral("user"),
        QApplication::translate(
            "main", "Sign in as <name> without the dialog, creating the account if needed."),
        QStringLiteral("name"));
    const QCommandLineOption passwordFileOption(QStringLiteral("password-file"),
        QApplication::translate("main", "Read the password for --user from <file>."),
        QStringLiteral("file"));
    parser.addOptions({serverOption, userOption, passwordFileOption});
    parser.process(app);

    AppController::Options options;
    if (parser.isSet(serverOption)) {
        options.server = QUrl(parser.value(serverOption), QUrl::StrictMode);
        if (!options.server.isValid() || options.server.host().isEmpty()
            || (options.server.scheme() != QLatin1String("ws")
                && options.server.scheme() != QLatin1String("wss"))) {
            std::fprintf(stderr,
                "hubbub: --server needs a ws:// or wss:// address, e.g. "
                "ws://192.168.1.10:7300\n");
            return 1;
        }
    }
    if (parser.isSet(userOption)) {
        options.username = parser.value(userOption);
        QFile file(parser.value(passwordFileOption));
        if (!parser.isSet(passwordFileOption) || !file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "hubbub: --user needs a readable --password-file\n");
            return 1;
        }
        options.password = QString::fromUtf8(file.readAll()).trimmed();
    }

    Session::Paths paths {QStandardPaths::writableLocation(QStandardPaths::AppDataLocation),
        QStandardPaths::writableLocation(QStandardPaths::CacheLocation)};
    QDir().mkpath(paths.dataDir);
    ClientSettings settings;
    Session session(paths);
    AppController controller(&session, &settings);
    QObject::connect(&controller, &AppController::quitRequested, &app, &QApplication::quit);
    controller.start(options);
    return QApplication::exec();
}
