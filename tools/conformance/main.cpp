// hubbub-conformance: the protocol-v1 test suite for any Hubbub server (see docs/conformance.md).
// A developer tool: its output is English only, like hubbub-bench's.
#include "suite.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>

#include <cstdio>

namespace {

[[noreturn]] void usageError(const QString &message)
{
    std::fprintf(stderr, "hubbub-conformance: %s\n", qPrintable(message));
    std::exit(2);
}

//! `NAME:FILE`, the password being the file's first line.
Hubbub::Conformance::Account readAccount(const QString &spec)
{
    const qsizetype colon = spec.indexOf(QLatin1Char(':'));
    if (colon <= 0 || colon == spec.size() - 1)
        usageError(QStringLiteral("--account wants NAME:PASSWORDFILE, got \"%1\"").arg(spec));
    QFile file(spec.mid(colon + 1));
    if (!file.open(QIODevice::ReadOnly))
        usageError(QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
    QString password = QString::fromUtf8(file.readLine());
    while (password.endsWith(QLatin1Char('\n')) || password.endsWith(QLatin1Char('\r')))
        password.chop(1);
    if (password.isEmpty())
        usageError(QStringLiteral("%1 holds no password on its first line").arg(file.fileName()));
    Hubbub::Conformance::Account account;
    account.username = spec.left(colon);
    account.password = password;
    return account;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("hubbub-conformance"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HUBBUB_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Runs the Hubbub protocol-v1 conformance suite against the server at URL and prints one "
        "line per check: PASS, FAIL or SKIP. Exit status: 0 nothing failed, 1 a check failed, "
        "2 usage error or server unreachable."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("URL"), QStringLiteral("ws://HOST:PORT/ or wss://HOST:PORT/"));
    const QCommandLineOption list(
        QStringLiteral("list"), QStringLiteral("Print the names of the checks and exit."));
    const QCommandLineOption only(QStringLiteral("only"),
        QStringLiteral("Run only the checks whose name matches REGEX."), QStringLiteral("REGEX"));
    const QCommandLineOption json(
        QStringLiteral("json"), QStringLiteral("Print one JSON object per check."));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
        QStringLiteral("How long to wait for each answer (default 5000)."), QStringLiteral("MS"),
        QStringLiteral("5000"));
    const QCommandLineOption insecure(QStringLiteral("insecure"),
        QStringLiteral("wss: accept any certificate (a test server on a trusted network)."));
    const QCommandLineOption fingerprint(QStringLiteral("fingerprint"),
        QStringLiteral("wss: accept the certificate with this SHA-256 digest (hex, colons "
                       "optional), e.g. the one hubbub-server prints at start-up."),
        QStringLiteral("SHA256"));
    const QCommandLineOption invite(QStringLiteral("invite"),
        QStringLiteral("An invite code to register one of the kit's three accounts with, on a "
                       "server that takes new accounts by invitation (repeat it)."),
        QStringLiteral("CODE"));
    const QCommandLineOption account(QStringLiteral("account"),
        QStringLiteral("Sign in as an existing account instead of registering one; the password "
                       "is the first line of FILE (repeat it, up to three)."),
        QStringLiteral("NAME:FILE"));
    parser.addOptions({list, only, json, timeout, insecure, fingerprint, invite, account});
    if (!parser.parse(QCoreApplication::arguments()))
        usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();

    const QList<Hubbub::Conformance::Check> checks = Hubbub::Conformance::allChecks();
    Hubbub::Conformance::Options options;
    if (parser.isSet(only)) {
        options.only = QRegularExpression(parser.value(only));
        if (!options.only.isValid())
            usageError(QStringLiteral("--only: %1").arg(options.only.errorString()));
    }
    if (parser.isSet(list)) {
        for (const Hubbub::Conformance::Check &check : checks) {
            if (options.only.pattern().isEmpty() || options.only.match(check.name).hasMatch())
                std::printf("%s\n", qPrintable(check.name));
        }
        return 0;
    }
    if (parser.positionalArguments().size() != 1)
        usageError(
            QStringLiteral("give one URL (ws://HOST:PORT/ or wss://HOST:PORT/); see --help"));
    options.target.url = QUrl(parser.positionalArguments().constFirst(), QUrl::StrictMode);
    const QString scheme = options.target.url.scheme();
    if (!options.target.url.isValid() || (scheme != u"ws" && scheme != u"wss")
        || options.target.url.host().isEmpty())
        usageError(QStringLiteral("not a ws:// or wss:// URL: %1")
                       .arg(parser.positionalArguments().constFirst()));
    if (options.target.url.path().isEmpty())
        options.target.url.setPath(QStringLiteral("/"));
    bool numeric = false;
    options.target.timeoutMs = parser.value(timeout).toInt(&numeric);
    if (!numeric || options.target.timeoutMs < 100 || options.target.timeoutMs > 600000)
        usageError(QStringLiteral("--timeout wants milliseconds from 100 to 600000"));
    options.target.insecure = parser.isSet(insecure);
    if (parser.isSet(fingerprint)) {
        QString digest = parser.value(fingerprint).toLower();
        digest.remove(QLatin1Char(':'));
        static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
        if (!hex.match(digest).hasMatch())
            usageError(QStringLiteral("--fingerprint wants a SHA-256 digest: 64 hex digits"));
        options.target.fingerprint = digest.toLatin1();
    }
    options.json = parser.isSet(json);
    options.invites = parser.values(invite);
    for (const QString &spec : parser.values(account))
        options.accounts.append(readAccount(spec));
    if (options.accounts.size() > 3)
        usageError(QStringLiteral("at most three --account"));

    return Hubbub::Conformance::Runner(options, checks).run();
}
