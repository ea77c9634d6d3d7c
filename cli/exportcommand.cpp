// export: every message of a channel or conversation, or every post of the feed, as JSON or
// CSV, paging back through the history to the start.

#include "commands.h"
#include "csv.h"
#include "output.h"
#include "runner.h"
#include "targets.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <memory>

namespace Hubbub::Cli {

namespace {

struct ExportText
{
    Q_DECLARE_TR_FUNCTIONS(Hubbub::Cli::ExportCommand)
};

constexpr int FeedPage = 100; // feed.page's largest page
constexpr int HistoryPage = 200; // chat.history's

struct Export
{
    bool feed = false;
    bool csv = false;
    QString outputPath; //!< empty: standard output
    qint64 channelId = 0;
    QString label;
    //! Pages as they come: newest first (each page of history is oldest first within).
    QList<QJsonArray> pages;
};

QString fileNames(const QJsonObject &entry)
{
    QStringList names;
    for (const QJsonValue &file : entry.value(QStringLiteral("files")).toArray())
        names.append(file[QLatin1String("name")].toString());
    return names.join(QLatin1Char('\n'));
}

QString optionalText(const QJsonValue &value)
{
    return value.isString() ? value.toString() : QString();
}

QString number(const QJsonValue &value)
{
    return value.isDouble() ? QString::number(value.toInteger()) : QString();
}

//! The columns (docs/cli.md): stable, added to only at the end.
QByteArray toCsv(const QJsonArray &entries, bool feed)
{
    QByteArray bytes;
    if (feed) {
        bytes += Csv::record({QStringLiteral("id"), QStringLiteral("author_id"),
            QStringLiteral("author"), QStringLiteral("author_display_name"),
            QStringLiteral("created_at"), QStringLiteral("updated_at"), QStringLiteral("title"),
            QStringLiteral("content"), QStringLiteral("rating_average"),
            QStringLiteral("rating_count"), QStringLiteral("image_id"), QStringLiteral("files")});
        for (const QJsonValue &value : entries) {
            const QJsonObject post = value.toObject();
            const QJsonObject author = post.value(QStringLiteral("author")).toObject();
            const QJsonObject rating = post.value(QStringLiteral("rating")).toObject();
            bytes += Csv::record({number(post.value(QStringLiteral("id"))),
                number(author.value(QStringLiteral("id"))),
                author.value(QStringLiteral("username")).toString(),
                optionalText(author.value(QStringLiteral("displayName"))),
                post.value(QStringLiteral("createdAt")).toString(),
                optionalText(post.value(QStringLiteral("updatedAt"))),
                post.value(QStringLiteral("title")).toString(),
                post.value(QStringLiteral("content")).toString(),
                QString::number(rating.value(QStringLiteral("average")).toDouble()),
                number(rating.value(QStringLiteral("count"))),
                optionalText(post.value(QStringLiteral("imageId"))), fileNames(post)});
        }
        return bytes;
    }
    bytes += Csv::record(
        {QStringLiteral("id"), QStringLiteral("channel_id"), QStringLiteral("author_id"),
            QStringLiteral("author"), QStringLiteral("author_display_name"),
            QStringLiteral("created_at"), QStringLiteral("edited_at"), QStringLiteral("reply_to"),
            QStringLiteral("text"), QStringLiteral("files")});
    for (const QJsonValue &value : entries) {
        const QJsonObject message = value.toObject();
        const QJsonObject author = message.value(QStringLiteral("author")).toObject();
        bytes += Csv::record({number(message.value(QStringLiteral("id"))),
            number(message.value(QStringLiteral("channelId"))),
            number(author.value(QStringLiteral("id"))),
            author.value(QStringLiteral("username")).toString(),
            optionalText(author.value(QStringLiteral("displayName"))),
            message.value(QStringLiteral("createdAt")).toString(),
            optionalText(message.value(QStringLiteral("editedAt"))),
            number(message[QLatin1String("replyTo")][QLatin1String("id")]),
            message.value(QStringLiteral("text")).toString(), fileNames(message)});
    }
    return bytes;
}

void write(Runner &runner, const std::shared_ptr<Export> &job)
{
    // Oldest first: the pages came newest first; a feed page is newest first within as well.
    QJsonArray entries;
    for (auto page = job->pages.crbegin(); page != job->pages.crend(); ++page) {
        if (job->feed) {
            for (auto it = page->end(); it != page->begin();)
                entries.append(*--it);
        } else {
            for (const QJsonValue &entry : *page)
                entries.append(entry);
        }
    }
    const QByteArray bytes = job->csv ? toCsv(entries, job->feed)
                                      : QJsonDocument(entries).toJson(QJsonDocument::Indented);
    if (job->outputPath.isEmpty()) {
        if (!runner.output().raw(bytes)) {
            return runner.fail(ExitCode::Failure, QStringLiteral("write_failed"),
                ExportText::tr("Cannot write to standard output."));
        }
        return runner.finish();
    }
    // Whole or not at all: an export cut short never leaves half a file behind.
    QSaveFile file(job->outputPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        return runner.fail(ExitCode::Failure, QStringLiteral("write_failed"),
            ExportText::tr("Cannot write %1: %2")
                .arg(QDir::toNativeSeparators(job->outputPath), file.errorString()));
    }
    if (runner.output().isJson()) {
        runner.output().json(QJsonObject {
            {QStringLiteral("file"), job->outputPath}, {QStringLiteral("count"), entries.size()}});
    } else if (job->feed) {
        runner.output().text(
            ExportText::tr("Exported %n post(s) of the feed to %1.", nullptr, int(entries.size()))
                .arg(QDir::toNativeSeparators(job->outputPath)));
    } else {
        runner.output().text(
            ExportText::tr("Exported %n message(s) of %1 to %2.", nullptr, int(entries.size()))
                .arg(job->label, QDir::toNativeSeparators(job->outputPath)));
    }
    runner.finish();
}

void nextPage(Runner &runner, const std::shared_ptr<Export> &job, qint64 before)
{
    QJsonObject params;
    if (job->feed) {
        params.insert(QStringLiteral("limit"), FeedPage);
    } else {
        params.insert(QStringLiteral("channelId"), job->channelId);
        params.insert(QStringLiteral("limit"), HistoryPage);
    }
    if (before > 0)
        params.insert(QStringLiteral("before"), before);
    runner.call(job->feed ? MessageType::FeedPage : MessageType::ChatHistory, params,
        [&runner, job](const QJsonObject &result) {
            const QJsonArray page
                = result.value(job->feed ? QStringLiteral("posts") : QStringLiteral("messages"))
                      .toArray();
            job->pages.append(page);
            if (!result.value(QStringLiteral("more")).toBool() || page.isEmpty())
                return write(runner, job);
            // The oldest of the page: the last post (newest first), the first message.
            const QJsonValue oldest = job->feed ? page.last() : page.first();
            nextPage(runner, job, oldest[QLatin1String("id")].toInteger());
        });
}

} // namespace

Command exportCommand()
{
    const QCommandLineOption format(QStringLiteral("format"),
        ExportText::tr("json (default) or csv."), QStringLiteral("format"));
    const QCommandLineOption output(QStringLiteral("output"),
        ExportText::tr("Write to <file> (whole or not at all) instead of standard output."),
        QStringLiteral("file"));
    Command command;
    command.name = QStringLiteral("export");
    command.summary = ExportText::tr("Export all of a channel, a conversation or the feed.");
    command.details = ExportText::tr(
        "Oldest first. JSON: an array of the messages or posts as the server sends them. CSV "
        "(RFC 4180, UTF-8): messages have the columns id, channel_id, author_id, author, "
        "author_display_name, created_at, edited_at, reply_to, text, files; posts id, "
        "author_id, author, author_display_name, created_at, updated_at, title, content, "
        "rating_average, rating_count, image_id, files (file names, one per line).");
    command.arguments = {{ExportText::tr("CHANNEL|@user|feed"),
        ExportText::tr("A channel (#name, name or id), the direct conversation with @user, or "
                       "the feed.")}};
    command.options = {format, output};
    command.minArguments = 1;
    command.maxArguments = 1;
    command.run = [format, output](Runner &runner, const QCommandLineParser &parser,
                      const QStringList &arguments) {
        auto job = std::make_shared<Export>();
        const QString kind = parser.isSet(format) ? parser.value(format) : QStringLiteral("json");
        if (kind != u"json" && kind != u"csv")
            return usageError(runner, ExportText::tr("--format must be json or csv."));
        job->csv = kind == u"csv";
        job->outputPath = parser.value(output);
        job->feed = arguments.at(0) == u"feed";
        const QString target = arguments.at(0);
        runner.connectThen([&runner, job, target] {
            if (job->feed)
                return nextPage(runner, job, 0);
            resolveChannel(runner, target, false, [&runner, job](qint64 id, const QString &label) {
                job->channelId = id;
                job->label = label;
                nextPage(runner, job, 0);
            });
        });
    };
    return command;
}

} // namespace Hubbub::Cli
