#include "format.h"

#include <QDateTime>
#include <QJsonArray>

namespace Hubbub::Cli::Format {

namespace {

QString indented(const QString &text)
{
    QString lines = text;
    lines.replace(QLatin1Char('\n'), QStringLiteral("\n    "));
    return lines;
}

QString files(const QJsonObject &entry)
{
    QStringList names;
    for (const QJsonValue &file : entry.value(QStringLiteral("files")).toArray())
        names.append(file[QLatin1String("name")].toString());
    return names.isEmpty() ? QString()
                           : QStringLiteral(" [%1]").arg(names.join(QStringLiteral(", ")));
}

} // namespace

QString time(const QString &iso)
{
    const QDateTime at = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return at.isValid() ? at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : iso;
}

QString author(const QJsonObject &user)
{
    const QString username = user.value(QStringLiteral("username")).toString();
    const QString display = user.value(QStringLiteral("displayName")).toString();
    return display.isEmpty() ? username : QStringLiteral("%1 (%2)").arg(display, username);
}

QString message(const QJsonObject &message)
{
    return QStringLiteral("[%1] %2 %3: %4%5")
        .arg(QString::number(message.value(QStringLiteral("id")).toInteger()),
            time(message.value(QStringLiteral("createdAt")).toString()),
            author(message.value(QStringLiteral("author")).toObject()),
            indented(message.value(QStringLiteral("text")).toString()), files(message));
}

QString post(const QJsonObject &post)
{
    QString text = QStringLiteral("[%1] %2 %3 — %4%5")
                       .arg(QString::number(post.value(QStringLiteral("id")).toInteger()),
                           time(post.value(QStringLiteral("createdAt")).toString()),
                           author(post.value(QStringLiteral("author")).toObject()),
                           post.value(QStringLiteral("title")).toString(), files(post));
    const QString content = post.value(QStringLiteral("content")).toString();
    if (!content.isEmpty())
        text += QStringLiteral("\n    ") + indented(content);
    return text;
}

} // namespace Hubbub::Cli::Format
