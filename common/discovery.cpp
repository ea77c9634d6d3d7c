#include "discovery.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace Hubbub::Discovery {

namespace {

const QLatin1StringView Magic("hubbub-discovery");
constexpr int Version = 1;

} // namespace

bool isValidName(const QString &name)
{
    if (name.trimmed().isEmpty() || name.size() > NameMax)
        return false;
    // By code point (an emoji is two UTF-16 units). Format characters are refused, bidi
    // overrides among them, but for ZWNJ and ZWJ, which emoji and some scripts need.
    const QList<uint> codePoints = name.toUcs4();
    return std::all_of(codePoints.cbegin(), codePoints.cend(),
        [](uint c) { return QChar::isPrint(char32_t(c)) || c == 0x200C || c == 0x200D; });
}

QHostAddress group()
{
    return QHostAddress(QStringLiteral("239.255.73.0"));
}

QByteArray encodeQuery()
{
    return QJsonDocument(
        QJsonObject {{Magic, Version}, {QStringLiteral("kind"), QStringLiteral("query")}})
        .toJson(QJsonDocument::Compact);
}

QByteArray encodeAnnouncement(const Announcement &a)
{
    QJsonObject object {{Magic, Version}, {QStringLiteral("kind"), QStringLiteral("announce")},
        {QStringLiteral("id"), a.id}, {QStringLiteral("name"), a.name.left(NameMax)},
        {QStringLiteral("port"), int(a.port)}, {QStringLiteral("tls"), a.tls}};
    if (a.tls)
        object.insert(QStringLiteral("fingerprint"), a.fingerprint);
    if (a.leaving)
        object.insert(QStringLiteral("leaving"), true);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Datagram decode(QByteArrayView bytes)
{
    if (bytes.isEmpty() || bytes.size() > MaxDatagramBytes)
        return {};
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return {};
    const QJsonObject object = document.object();
    if (object.value(Magic) != QJsonValue(Version))
        return {};
    const QString kind = object.value(QLatin1StringView("kind")).toString();
    if (kind == u"query")
        return {Kind::Query, {}};
    if (kind != u"announce")
        return {};

    static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9_-]{8,64}$"));
    static const QRegularExpression sha256(QStringLiteral("^([0-9A-F]{2}:){31}[0-9A-F]{2}$"));
    Announcement a;
    a.id = object.value(QLatin1StringView("id")).toString();
    a.name = object.value(QLatin1StringView("name")).toString();
    const QJsonValue port = object.value(QLatin1StringView("port"));
    const QJsonValue tls = object.value(QLatin1StringView("tls"));
    const double portNumber = port.toDouble(-1);
    if (!idPattern.match(a.id).hasMatch() || !isValidName(a.name) || !port.isDouble()
        || portNumber < 1 || portNumber > 65535 || portNumber != double(int(portNumber))
        || !tls.isBool())
        return {};
    a.port = quint16(portNumber);
    a.tls = tls.toBool();
    a.leaving = object.value(QLatin1StringView("leaving")).toBool(false);
    if (a.tls) {
        a.fingerprint = object.value(QLatin1StringView("fingerprint")).toString();
        if (!sha256.match(a.fingerprint).hasMatch())
            return {};
    }
    return {Kind::Announcement, a};
}

QList<QNetworkInterface> interfaces(const QHostAddress &only)
{
    const bool specific = !only.isNull() && only != QHostAddress::Any
        && only != QHostAddress::AnyIPv4 && only != QHostAddress::AnyIPv6;
    QList<QNetworkInterface> chosen;
    const QList<QNetworkInterface> all = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &interface : all) {
        const auto flags = interface.flags();
        if (!flags.testFlag(QNetworkInterface::IsUp)
            || !flags.testFlag(QNetworkInterface::IsRunning))
            continue;
        const bool loopback = flags.testFlag(QNetworkInterface::IsLoopBack);
        if (!loopback && !flags.testFlag(QNetworkInterface::CanMulticast))
            continue;
        bool hasIpv4 = false;
        bool holds = !specific;
        const QList<QNetworkAddressEntry> entries = interface.addressEntries();
        for (const QNetworkAddressEntry &entry : entries) {
            hasIpv4 = hasIpv4 || entry.ip().protocol() == QAbstractSocket::IPv4Protocol;
            holds = holds || entry.ip().isEqual(only, QHostAddress::ConvertV4MappedToIPv4)
                || (only.isLoopback() && loopback);
        }
        if (hasIpv4 && holds)
            chosen.append(interface);
    }
    return chosen;
}

} // namespace Hubbub::Discovery
