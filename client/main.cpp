#include "appcontroller.h"
#include "clientsettings.h"
#include "session.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QIcon>
#include <QLocale>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

using namespace Hubbub::Client;

namespace {

//! The app's options, described in the user's language (the translators are installed first).
struct CommandLine
{
    CommandLine();

    QCommandLineParser parser;
    const QCommandLineOption server {QStringLiteral("server"),
        QCoreApplication::translate("main",
            "Connect to the server at <url> (default: the last one). A server with several "
            "addresses: all of them, separated by commas, tried in turn."),
        QStringLiteral("url")};
    const QCommandLineOption user {QStringLiteral("user"),
        QCoreApplication::translate(
            "main", "Sign in as <name> without the dialog, creating the account if needed."),
        QStringLiteral("name")};
    const QCommandLineOption passwordFile {QStringLiteral("password-file"),
        QCoreApplication::translate("main", "Read the password for --user from <file>."),
        QStringLiteral("file")};
    const QCommandLineOption trustFingerprint {QStringLiteral("trust-fingerprint"),
        QCoreApplication::translate("main",
            "Trust the certificate of the --server whose SHA-256 fingerprint is <sha256>, as "
            "hubbub-server prints it, without asking."),
        QStringLiteral("sha256")};
};

CommandLine::CommandLine()
{
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Hubbub: the feed and chat of your local network."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({server, user, passwordFile, trustFingerprint});
}

void identify()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Hubbub"));
    QCoreApplication::setApplicationName(QStringLiteral("hubbub"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HUBBUB_VERSION));
    // The .qm files are embedded under :/i18n (client/CMakeLists.txt). QLocale()
    // follows LANGUAGE/LC_ALL/LC_MESSAGES/LANG here, the system's languages on Windows and macOS.
    installTranslations(QLocale(), QStringLiteral(":/i18n"));
}

//! Whether the command line asks only for text (help or version), which needs no display.
bool onlyPrints(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--")
            break;
        if (arg == "-h" || arg == "--help" || arg == "-?" || arg == "--help-all" || arg == "-v"
            || arg == "--version")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    if (onlyPrints(argc, argv)) {
        // QApplication aborts without a display, and printing help needs none: a
        // QCoreApplication prints it and exits.
        QCoreApplication app(argc, argv);
        identify();
        CommandLine commandLine;
        commandLine.parser.process(app);
        return 0;
    }

    QApplication app(argc, argv);
    identify();
    QApplication::setApplicationDisplayName(QStringLiteral("Hubbub"));
    QApplication::setDesktopFileName(QStringLiteral("hubbub"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/hubbub.svg")));

    CommandLine commandLine;
    QCommandLineParser &parser = commandLine.parser;
    const QCommandLineOption &serverOption = commandLine.server;
    const QCommandLineOption &userOption = commandLine.user;
    const QCommandLineOption &passwordFileOption = commandLine.passwordFile;
    parser.process(app);

    AppController::Options options;
    if (parser.isSet(serverOption)) {
        // One address, or several of one deployment separated by commas and/or spaces.
        options.server = Deployment::fromUrls(parser.value(serverOption)).value_or(Deployment());
        if (options.server.isEmpty()) {
            std::fprintf(stderr,
                "hubbub: --server needs a wss:// or ws:// address, e.g. "
                "wss://192.168.1.10:7300\n");
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
    if (parser.isSet(commandLine.trustFingerprint)) {
        // scripts/run.sh passes what the server it just started printed: the app trusts the
        // local server without asking.
        const QString fingerprint = parser.value(commandLine.trustFingerprint).trimmed().toUpper();
        static const QRegularExpression sha256(QStringLiteral("^([0-9A-F]{2}:){31}[0-9A-F]{2}$"));
        if (!parser.isSet(serverOption) || !sha256.match(fingerprint).hasMatch()) {
            std::fprintf(stderr,
                "hubbub: --trust-fingerprint needs --server and a SHA-256 fingerprint, "
                "32 hex pairs joined by colons\n");
            return 1;
        }
        // Pinned for the first address; the others of the deployment take it from there.
        settings.setPinnedCertificate(options.server.key(), fingerprint);
    }
    Session session(paths);
    AppController controller(&session, &settings);
    QObject::connect(&controller, &AppController::quitRequested, &app, &QApplication::quit);
    // The tokens come from the keychain first (a round trip), then the app decides whether
    // it can resume or must ask.
    settings.loadSecrets([&controller, options] { controller.start(options); });
    const int status = QApplication::exec();
    // A token written or removed just before quitting still reaches the keychain (3 s at most).
    if (!settings.secrets()->isSettled()) {
        QEventLoop wait;
        QObject::connect(settings.secrets(), &SecretStore::settled, &wait, &QEventLoop::quit);
        QTimer::singleShot(3000, &wait, &QEventLoop::quit);
        wait.exec();
    }
    return status;
}
