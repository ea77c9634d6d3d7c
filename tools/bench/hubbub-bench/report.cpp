#include "report.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

namespace Hubbub::Bench {

void Report::setFailed(const QString &why)
{
    if (m_failure.isEmpty())
        m_failure = why;
    m_results.insert(QStringLiteral("error"), m_failure);
}

void Report::print(const QString &title) const
{
    std::printf("\n%s\n", qPrintable(title));
    for (auto it = m_results.begin(); it != m_results.end(); ++it) {
        QString value;
        if (it->isDouble())
            value = QString::number(it->toDouble(), 'g', 10);
        else if (it->isBool())
            value = it->toBool() ? QStringLiteral("true") : QStringLiteral("false");
        else if (it->isString())
            value = it->toString();
        else
            value = QStringLiteral("[%1 entries: see --json]").arg(it->toArray().size());
        std::printf("  %-34s %s\n", qPrintable(it.key()), qPrintable(value));
    }
    std::fflush(stdout);
}

bool Report::writeJson(const QString &path, const QJsonObject &header) const
{
    QJsonObject all = header;
    all.insert(QStringLiteral("results"), m_results);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(QJsonDocument(all).toJson()) > 0;
}

} // namespace Hubbub::Bench
