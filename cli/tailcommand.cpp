// tail: the server's events as JSON lines, for as long as it runs, none missed and none
// repeated across reconnects and, with --state, across restarts of hubbub-cli itself.

#include "commands.h"
#include "connection.h"
#include "eventtype.h"
#include "output.h"
#include "runner.h"
#include "stopsignals.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

#include <memory>

namespace Hubbub::Cli {

namespace {

struct TailText
{
    Q_DECLARE_TR_FUNCTIONS(Hubbub::Cli::TailCommand)
};

constexpr qint64 MaxSeq = (qint64(1) << 53) - 1;

//! The state file: `{"seq":N,"server":"ws://…"}`, the seq of the last line printed.
struct State
{
    QString path;
    QString server;
};

//! The seq a state file holds; -1 when there is no file yet; an error for anything else.
Result<qint64> readState(const State &state)
{
    QFile file(state.path);
    if (!file.exists())
        return qint64(-1);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(ErrorCode::Invalid,
            TailText::tr("Cannot read the state file %1: %2")
                .arg(QDir::toNativeSeparators(state.path), file.errorString()));
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.read(4096), &parseError);
    const QJsonValue seq = document.object().value(QStringLiteral("seq"));
    const qint64 value = seq.toInteger(-1);
    if (parseError.error != QJsonParseError::NoError || !document.isObject() || !seq.isDouble()
        || value < 0 || value > MaxSeq || double(value) != seq.toDouble()) {
        return makeError(ErrorCode::Invalid,
            TailText::tr("The state file %1 is not one hubbub-cli wrote; remove it, or give "
                         "another one.")
                .arg(QDir::toNativeSeparators(state.path)));
    }
    const QString server = document.object().value(QStringLiteral("server")).toString();
    if (server != state.server) {
        return makeError(ErrorCode::Invalid,
            TailText::tr("The state file %1 is for the server %2, not %3.")
                .arg(QDir::toNativeSeparators(state.path), server, state.server));
    }
    return value;
}

//! Replaces the state file at once (a new file renamed over the old one): a crash leaves the
//! old seq or the new one, never a torn file.
bool writeState(const State &state, qint64 seq, QString *error)
{
    QSaveFile file(state.path);
    const QByteArray bytes = QJsonDocument(QJsonObject {{QStringLiteral("seq"), seq},
                                               {QStringLiteral("server"), state.server}})
                                 .toJson(QJsonDocument::Compact)
        + '\n';
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return true;
    *error = file.errorString();
    return false;
}

//! One line: `{"seq":N,"type":"post.created","data":{…}}`, in that order for people reading.
QByteArray eventLine(qint64 seq, EventType type, const QJsonObject &data)
{
    return "{\"seq\":" + QByteArray::number(seq) + ",\"type\":\"" + eventTypeName(type).toUtf8()
        + "\",\"data\":" + QJsonDocument(data).toJson(QJsonDocument::Compact) + "}\n";
}

} // namespace

Command tailCommand()
{
    const QCommandLineOption stateOption(QStringLiteral("state"),
        TailText::tr("Keep the seq of the last line printed in <file>, and start after it: a "
                     "script restarted with the same file misses nothing and repeats nothing."),
        QStringLiteral("file"));
    const QCommandLineOption since(QStringLiteral("since"),
        TailText::tr("Start with the events after <seq> (over the state file's)."),
        QStringLiteral("seq"));
    Command command;
    command.name = QStringLiteral("tail");
    command.summary = TailText::tr("Follow the server's events as JSON lines.");
    command.details = TailText::tr(
        "One line per event, flushed at once: {\"seq\":N,\"type\":\"message.created\","
        "\"data\":{…}}, the data as docs/protocol.md describes each event. Without --since or a "
        "state file it starts with the events from now on. A lost connection is retried (the "
        "server's next address at once, if --server gives several; then with backoff) and "
        "caught up with sync, so no event is missed or repeated. Runs until "
        "SIGINT or SIGTERM (exit 0) or until the server refuses the token (3). Events of "
        "direct conversations of others are not shown (their seq is skipped). Example: "
        "hubbub-cli tail --state ~/.hubbub-tail | jq -r 'select(.type==\"post.created\") | "
        ".data.post.title'");
    command.options = {stateOption, since};
    command.run = [stateOption, since](
                      Runner &runner, const QCommandLineParser &parser, const QStringList &) {
        // The deployment's first address: any of its instances continues the same seqs.
        State state {parser.value(stateOption),
            runner.server().key().adjusted(QUrl::StripTrailingSlash).toString()};
        qint64 fromSeq = -1;
        if (parser.isSet(since)) {
            const std::optional<qint64> seq = integerOption(runner, parser, since, 0, MaxSeq, -1);
            if (!seq)
                return;
            fromSeq = *seq;
        } else if (!state.path.isEmpty()) {
            const Result<qint64> stored = readState(state);
            if (!stored)
                return usageError(runner, stored.error().message);
            fromSeq = *stored;
        }

        auto *stop = new StopSignals(&runner);
        QObject::connect(
            stop, &StopSignals::stopRequested, &runner, [&runner] { runner.finish(); });
        Client::Connection *connection = runner.connection();
        // Starting from now, the connection's first catch-up is a "reload" at hello's head;
        // any other one means the server no longer had our gap (too_old).
        auto reloadExpected = std::make_shared<bool>(fromSeq < 0);
        QObject::connect(connection, &Client::Connection::reloadRequired, &runner,
            [&runner, connection, reloadExpected] {
                if (std::exchange(*reloadExpected, false))
                    return;
                runner.fail(ExitCode::EventsLost, errorCodeName(ErrorCode::TooOld),
                    TailText::tr("The server no longer has all the events after the last one "
                                 "printed, or its database was replaced; its newest is %1. "
                                 "Start again without --since and the state file to follow "
                                 "from now.")
                        .arg(connection->lastSeq()));
            });
        QObject::connect(connection, &Client::Connection::eventReceived, &runner,
            [&runner, state](qint64 seq, EventType type, const QJsonObject &data) {
                if (runner.isFinished())
                    return;
                if (!runner.output().raw(eventLine(seq, type, data))) {
                    return runner.fail(ExitCode::Failure, QStringLiteral("write_failed"),
                        TailText::tr("Cannot write to standard output."));
                }
                QString error;
                if (!state.path.isEmpty() && !writeState(state, seq, &error)) {
                    runner.fail(ExitCode::Failure, QStringLiteral("write_failed"),
                        TailText::tr("Cannot write the state file %1: %2")
                            .arg(QDir::toNativeSeparators(state.path), error));
                }
            });
        // Caught up: the state holds where this run starts, also when nothing was printed (a
        // first run with a new state file starts "from now", and its restart must not start
        // from a later now).
        runner.connectThen(
            [&runner, connection, state] {
                QString error;
                if (!state.path.isEmpty() && !writeState(state, connection->lastSeq(), &error)) {
                    runner.fail(ExitCode::Failure, QStringLiteral("write_failed"),
                        TailText::tr("Cannot write the state file %1: %2")
                            .arg(QDir::toNativeSeparators(state.path), error));
                }
            },
            Runner::Mode::Follow, fromSeq);
    };
    return command;
}

} // namespace Hubbub::Cli
