#include "deployment.h"

#include <QRegularExpression>

#include <algorithm>

namespace Hubbub::Client {

namespace {

//! One spelling per address, so that a repeat is seen as one ("ws://h:1" and "ws://h:1/").
QUrl comparable(const QUrl &url)
{
    return url.adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments);
}

} // namespace

Deployment::Deployment(const QUrl &url)
{
    if (!url.isEmpty())
        m_addresses.append(url);
}

Deployment::Deployment(QList<QUrl> addresses)
    : m_addresses(std::move(addresses))
{
    m_addresses.removeIf([](const QUrl &url) { return url.isEmpty(); });
}

QStringList Deployment::split(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

std::optional<Deployment> Deployment::parse(
    const QString &text, const std::function<QUrl(const QString &)> &readOne, QString *bad)
{
    QList<QUrl> addresses;
    QList<QUrl> seen;
    const QStringList parts = split(text);
    for (const QString &part : parts) {
        const QUrl url = readOne(part);
        if (!url.isValid() || url.isEmpty()) {
            if (bad)
                *bad = part;
            return std::nullopt;
        }
        if (seen.contains(comparable(url)))
            continue;
        seen.append(comparable(url));
        addresses.append(url);
    }
    return Deployment(std::move(addresses));
}

std::optional<Deployment> Deployment::fromUrls(const QString &text, QString *bad)
{
    return parse(text, &Deployment::readUrl, bad);
}

QUrl Deployment::readUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    const bool ok = url.isValid() && !url.host().isEmpty()
        && (url.scheme() == QLatin1String("ws") || url.scheme() == QLatin1String("wss"));
    return ok ? url : QUrl();
}

bool Deployment::contains(const QUrl &url) const
{
    const QUrl wanted = comparable(url);
    return std::any_of(m_addresses.cbegin(), m_addresses.cend(),
        [&wanted](const QUrl &address) { return comparable(address) == wanted; });
}

QString Deployment::toString() const
{
    QStringList texts;
    for (const QUrl &url : m_addresses)
        texts.append(url.toString());
    return texts.join(QStringLiteral(", "));
}

QString Deployment::toDisplayString() const
{
    QStringList texts;
    for (const QUrl &url : m_addresses)
        texts.append(displayAddress(url));
    return texts.join(QStringLiteral(", "));
}

QString Deployment::displayAddress(QUrl url)
{
    // The root path is how the URL is stored, not what the user typed or needs to read.
    if (url.path() == QLatin1String("/"))
        url.setPath({});
    return url.toDisplayString();
}

} // namespace Hubbub::Client
