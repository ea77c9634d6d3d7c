#include "commands.h"

#include "runner.h"

#include <QUuid>

namespace Hubbub::Cli {

namespace {

struct CommandsText
{
    Q_DECLARE_TR_FUNCTIONS(Hubbub::Cli::Commands)
};

} // namespace

void usageError(Runner &runner, const QString &message)
{
    runner.fail(ExitCode::Usage, QStringLiteral("usage"), message);
}

std::optional<qint64> integerArgument(
    Runner &runner, const QString &text, const QString &name, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < min || value > max) {
        usageError(runner,
            CommandsText::tr("%1 must be a whole number from %2 to %3, not \"%4\".")
                .arg(name, QString::number(min), QString::number(max), text));
        return std::nullopt;
    }
    return value;
}

std::optional<qint64> integerOption(Runner &runner, const QCommandLineParser &parser,
    const QCommandLineOption &option, qint64 min, qint64 max, qint64 fallback)
{
    if (!parser.isSet(option))
        return fallback;
    return integerArgument(
        runner, parser.value(option), QStringLiteral("--") + option.names().constLast(), min, max);
}

QString newNonce()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace Hubbub::Cli
