// channels, post, send, history, search: reading and writing the feed and the chat.

#include "commands.h"
#include "connection.h"
#include "format.h"
#include "output.h"
#include "runner.h"
#include "targets.h"
#include "terminal.h"

#include <QJsonArray>

namespace Hubbub::Cli {

namespace {

struct ContentText
{
    Q_DECLARE_TR_FUNCTIONS(Hubbub::Cli::ContentCommands)
};

//! The text argument: itself, or standard input for "-", without the line breaks it ends
//! with (as the shell's $(...) drops them: `echo` and most programs end their output with one).
std::optional<QString> textArgument(Runner &runner, const QString &argument)
{
    if (argument != u"-")
        return argument;
    Result<QString> text = Terminal::readText(QStringLiteral("-"));
    if (!text) {
        usageError(runner, text.error().message);
        return std::nullopt;
    }
    QString read = *text;
    while (read.endsWith(QLatin1Char('\n')) || read.endsWith(QLatin1Char('\r')))
        read.chop(1);
    return read;
}

QString directName(const QJsonObject &channel, qint64 me)
{
    QStringList names;
    for (const QJsonValue &member : channel.value(QStringLiteral("members")).toArray()) {
        if (member[QLatin1String("id")].toInteger() != me)
            names.append(QLatin1Char('@') + member[QLatin1String("username")].toString());
    }
    return names.join(QStringLiteral(", "));
}

Command channels()
{
    Command command;
    command.name = QStringLiteral("channels");
    command.summary = ContentText::tr("List the channels and your direct conversations.");
    command.run = [](Runner &runner, const QCommandLineParser &, const QStringList &) {
        runner.connectThen([&runner] {
            runner.call(MessageType::ChannelList, {}, [&runner](const QJsonObject &listed) {
                auto show = [&runner, listed](const QJsonArray &direct) {
                    const QJsonArray channels = listed.value(QStringLiteral("channels")).toArray();
                    if (runner.output().isJson()) {
                        runner.output().json(QJsonObject {{QStringLiteral("channels"), channels},
                            {QStringLiteral("direct"), direct}});
                        return runner.finish();
                    }
                    for (const QJsonValue &channel : channels) {
                        runner.output().text(QStringLiteral("%1\t#%2\t%3")
                                                 .arg(channel[QLatin1String("id")].toInteger())
                                                 .arg(channel[QLatin1String("name")].toString(),
                                                     channel[QLatin1String("topic")].toString()));
                    }
                    for (const QJsonValue &channel : direct) {
                        runner.output().text(
                            QStringLiteral("%1\t%2")
                                .arg(channel[QLatin1String("id")].toInteger())
                                .arg(directName(channel.toObject(), runner.user().id)));
                    }
                    runner.finish();
                };
                if (!runner.connection()->hasFeature(QStringLiteral("dm")))
                    return show({});
                runner.call(MessageType::DmList, {}, [show](const QJsonObject &direct) {
                    show(direct.value(QStringLiteral("channels")).toArray());
                });
            });
        });
    };
    return command;
}

Command post()
{
    Command command;
    command.name = QStringLiteral("post");
    command.summary = ContentText::tr("Publish a post in the feed.");
    command.details = ContentText::tr(
        "Example, from cron: df -h | hubbub-cli post \"Disk space on $(hostname)\" -");
    command.arguments = {{ContentText::tr("TITLE"), ContentText::tr("The post's title.")},
        {ContentText::tr("[TEXT|-]"),
            ContentText::tr("Its text (Markdown); \"-\" reads it from standard input.")}};
    command.minArguments = 1;
    command.maxArguments = 2;
    command.run = [](Runner &runner, const QCommandLineParser &, const QStringList &arguments) {
        const QString title = arguments.at(0);
        const std::optional<QString> content
            = arguments.size() > 1 ? textArgument(runner, arguments.at(1)) : QString();
        if (!content)
            return;
        runner.connectThen([&runner, title, content = *content] {
            runner.call(MessageType::PostCreate,
                {{QStringLiteral("title"), title}, {QStringLiteral("content"), content},
                    {QStringLiteral("nonce"), newNonce()}},
                [&runner](const QJsonObject &result) {
                    const QJsonObject post = result.value(QStringLiteral("post")).toObject();
                    if (runner.output().isJson())
                        runner.output().json(result);
                    else
                        runner.output().text(
                            ContentText::tr("Posted [%1] %2.")
                                .arg(post.value(QStringLiteral("id")).toInteger())
                                .arg(post.value(QStringLiteral("title")).toString()));
                    runner.finish();
                });
        });
    };
    return command;
}

Command send()
{
    Command command;
    command.name = QStringLiteral("send");
    command.summary = ContentText::tr("Send a message to a channel or a person.");
    command.arguments = {{ContentText::tr("CHANNEL"),
                             ContentText::tr("#name or name, a channel id, or @user for a "
                                             "direct conversation.")},
        {ContentText::tr("TEXT|-"),
            ContentText::tr("The message (Markdown); \"-\" reads it from standard input.")}};
    command.minArguments = 2;
    command.maxArguments = 2;
    command.run = [](Runner &runner, const QCommandLineParser &, const QStringList &arguments) {
        const QString channel = arguments.at(0);
        const std::optional<QString> text = textArgument(runner, arguments.at(1));
        if (!text)
            return;
        runner.connectThen([&runner, channel, text = *text] {
            resolveChannel(runner, channel, true, [&runner, text](qint64 id, const QString &label) {
                runner.call(MessageType::ChatSend,
                    {{QStringLiteral("channelId"), id}, {QStringLiteral("text"), text},
                        {QStringLiteral("nonce"), newNonce()}},
                    [&runner, label](const QJsonObject &result) {
                        if (runner.output().isJson())
                            runner.output().json(result);
                        else
                            runner.output().text(
                                ContentText::tr("Sent [%1] to %2.")
                                    .arg(result[QLatin1String("message")][QLatin1String("id")]
                                             .toInteger())
                                    .arg(label));
                        runner.finish();
                    });
            });
        });
    };
    return command;
}

Command history()
{
    const QCommandLineOption limit(QStringLiteral("limit"),
        ContentText::tr("Show the <n> newest messages (1 to 200, default 50)."),
        QStringLiteral("n"));
    const QCommandLineOption before(QStringLiteral("before"),
        ContentText::tr("Only messages older than the message <id>: the next page back."),
        QStringLiteral("id"));
    Command command;
    command.name = QStringLiteral("history");
    command.summary = ContentText::tr("Show the latest messages of a channel or conversation.");
    command.arguments = {{ContentText::tr("CHANNEL"),
        ContentText::tr("#name or name, a channel id, or @user for a direct conversation.")}};
    command.options = {limit, before};
    command.minArguments = 1;
    command.maxArguments = 1;
    command.run = [limit, before](Runner &runner, const QCommandLineParser &parser,
                      const QStringList &arguments) {
        const std::optional<qint64> count = integerOption(runner, parser, limit, 1, 200, 50);
        if (!count)
            return;
        const std::optional<qint64> beforeId
            = integerOption(runner, parser, before, 1, (qint64(1) << 53) - 1, 0);
        if (!beforeId)
            return;
        const QString channel = arguments.at(0);
        runner.connectThen([&runner, channel, count = *count, beforeId = *beforeId] {
            resolveChannel(runner, channel, false,
                [&runner, count, beforeId](qint64 id, const QString &label) {
                    QJsonObject params {
                        {QStringLiteral("channelId"), id}, {QStringLiteral("limit"), count}};
                    if (beforeId > 0)
                        params.insert(QStringLiteral("before"), beforeId);
                    runner.call(MessageType::ChatHistory, params,
                        [&runner, id, label](const QJsonObject &result) {
                            const QJsonArray messages
                                = result.value(QStringLiteral("messages")).toArray();
                            const bool more = result.value(QStringLiteral("more")).toBool();
                            if (runner.output().isJson()) {
                                runner.output().json(QJsonObject {{QStringLiteral("channelId"), id},
                                    {QStringLiteral("messages"), messages},
                                    {QStringLiteral("more"), more}});
                                return runner.finish();
                            }
                            for (const QJsonValue &message : messages)
                                runner.output().text(Format::message(message.toObject()));
                            if (messages.isEmpty())
                                runner.output().text(
                                    ContentText::tr("No messages in %1.").arg(label));
                            else if (more)
                                runner.output().text(
                                    ContentText::tr("Older messages: --before %1")
                                        .arg(messages.first()[QLatin1String("id")].toInteger()));
                            runner.finish();
                        });
                });
        });
    };
    return command;
}

Command search()
{
    const QCommandLineOption in(QStringLiteral("in"),
        ContentText::tr("Search <what>: all (default), messages or posts."),
        QStringLiteral("what"));
    const QCommandLineOption channel(QStringLiteral("channel"),
        ContentText::tr("Only messages of <channel>."), QStringLiteral("channel"));
    const QCommandLineOption limit(QStringLiteral("limit"),
        ContentText::tr("At most <n> results (1 to 50, default 20)."), QStringLiteral("n"));
    Command command;
    command.name = QStringLiteral("search");
    command.summary = ContentText::tr("Search messages and posts (on servers that can).");
    command.details = ContentText::tr(
        "All words must match, in any case and with or without accents; \"a phrase\" in quotes "
        "matches the words together; word* matches the beginning of words. The newest first.");
    command.arguments = {{ContentText::tr("QUERY"), ContentText::tr("What to look for.")}};
    command.options = {in, channel, limit};
    command.minArguments = 1;
    command.maxArguments = 1;
    command.run = [in, channel, limit](Runner &runner, const QCommandLineParser &parser,
                      const QStringList &arguments) {
        const QString what = parser.isSet(in) ? parser.value(in) : QStringLiteral("all");
        if (what != u"all" && what != u"messages" && what != u"posts")
            return usageError(runner, ContentText::tr("--in must be all, messages or posts."));
        const std::optional<qint64> count = integerOption(runner, parser, limit, 1, 50, 20);
        if (!count)
            return;
        const QString channelName = parser.value(channel);
        QJsonObject params {{QStringLiteral("query"), arguments.at(0)},
            {QStringLiteral("in"), what}, {QStringLiteral("limit"), *count}};
        runner.connectThen([&runner, channelName, params] {
            if (!runner.require(QStringLiteral("search"), ContentText::tr("search")))
                return;
            auto run = [&runner](const QJsonObject &params) {
                runner.call(MessageType::Search, params, [&runner](const QJsonObject &result) {
                    if (runner.output().isJson()) {
                        runner.output().json(result);
                        return runner.finish();
                    }
                    const QJsonArray results = result.value(QStringLiteral("results")).toArray();
                    for (const QJsonValue &found : results) {
                        const bool isPost = found[QLatin1String("kind")].toString() == u"post";
                        const QJsonObject entry
                            = found[isPost ? QLatin1String("post") : QLatin1String("message")]
                                  .toObject();
                        runner.output().text(
                            QStringLiteral("%1 [%2] %3 %4: %5")
                                .arg(isPost ? ContentText::tr("post") : ContentText::tr("message"))
                                .arg(entry.value(QStringLiteral("id")).toInteger())
                                .arg(Format::time(
                                         entry.value(QStringLiteral("createdAt")).toString()),
                                    Format::author(
                                        entry.value(QStringLiteral("author")).toObject()),
                                    found[QLatin1String("snippet")][QLatin1String("text")]
                                        .toString()));
                    }
                    if (results.isEmpty())
                        runner.output().text(ContentText::tr("Nothing found."));
                    runner.finish();
                });
            };
            if (channelName.isEmpty())
                return run(params);
            resolveChannel(runner, channelName, false, [params, run](qint64 id, const QString &) {
                QJsonObject withChannel = params;
                withChannel.insert(QStringLiteral("channelId"), id);
                run(withChannel);
            });
        });
    };
    return command;
}

} // namespace

QList<Command> contentCommands()
{
    return {channels(), post(), send(), history(), search()};
}

} // namespace Hubbub::Cli
