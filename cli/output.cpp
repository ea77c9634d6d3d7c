#include "output.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace Hubbub::Cli {

namespace {

bool writeAll(std::FILE *stream, const QByteArray &bytes)
{
    const bool written = bytes.isEmpty()
        || std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream) == size_t(bytes.size());
    return std::fflush(stream) == 0 && written;
}

} // namespace

Output::Output(bool json)
    : m_json(json)
{ }

void Output::text(const QString &line) const
{
    writeAll(stdout, line.toUtf8() + '\n');
}

void Output::json(const QJsonObject &value) const
{
    writeAll(stdout, QJsonDocument(value).toJson(QJsonDocument::Compact) + '\n');
}

void Output::json(const QJsonArray &value) const
{
    writeAll(stdout, QJsonDocument(value).toJson(QJsonDocument::Compact) + '\n');
}

bool Output::raw(const QByteArray &bytes) const
{
    return writeAll(stdout, bytes);
}

void Output::error(const QString &code, const QString &message, const QString &field) const
{
    if (m_json) {
        QJsonObject error {{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
        if (!field.isEmpty())
            error.insert(QStringLiteral("field"), field);
        writeAll(stderr,
            QJsonDocument(QJsonObject {{QStringLiteral("error"), error}})
                    .toJson(QJsonDocument::Compact)
                + '\n');
        return;
    }
    writeAll(stderr, QStringLiteral("hubbub-cli: %1 (%2)\n").arg(message, code).toUtf8());
}

void Output::notice(const QString &line) const
{
    writeAll(stderr, QStringLiteral("hubbub-cli: %1\n").arg(line).toUtf8());
}

} // namespace Hubbub::Cli
