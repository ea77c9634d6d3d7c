#include "clisettings.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QJsonDocument>
#include <QStandardPaths>

namespace Hubbub::Cli {

namespace {

const QString KeychainService = QStringLiteral("hubbub-cli");

//! One spelling per server: "ws://host:7300" whether typed with a trailing slash or not.
QString normalised(const QUrl &server)
{
    return server.adjusted(QUrl::StripTrailingSlash).toString();
}

QString digest(const QString &text)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha1).toHex().left(16));
}

} // namespace

CliSettings::CliSettings(const QString &configDir)
{
    if (configDir.isEmpty()) {
        m_settings = std::make_unique<QSettings>();
        const QString data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        m_secrets = std::make_unique<Client::SecretStore>(KeychainService,
            data + QStringLiteral("/secrets.json"), Client::SecretStore::Backend::Keychain);
    } else {
        QDir().mkpath(configDir);
        m_settings = std::make_unique<QSettings>(
            configDir + QStringLiteral("/hubbub-cli.ini"), QSettings::IniFormat);
        m_secrets = std::make_unique<Client::SecretStore>(KeychainService,
            configDir + QStringLiteral("/secrets.json"), Client::SecretStore::Backend::File);
    }
}

CliSettings::~CliSettings() = default;

QString CliSettings::serverGroup(const QUrl &server)
{
    // Group names must not hold '/' or ':': a digest of the address.
    return QStringLiteral("servers/") + digest(normalised(server));
}

QString CliSettings::tokenKey(const QUrl &server)
{
    // Readable in a keychain manager: "token ws://192.168.1.10:7300".
    return QStringLiteral("token ") + normalised(server);
}

QString CliSettings::endpointGroup(const QUrl &server)
{
    // Per host and port, as the app pins them: ws:// and wss:// on one port are one server.
    const int port = server.port(server.scheme() == QLatin1String("wss") ? 443 : 80);
    return QStringLiteral("certificates/")
        + digest(server.host().toLower() + QLatin1Char(' ') + QString::number(port));
}

Client::Deployment CliSettings::lastServer() const
{
    // One address, as an older version wrote it, or several joined by ", ".
    const Client::Deployment deployment
        = Client::Deployment::fromUrls(m_settings->value(QStringLiteral("lastServer")).toString())
              .value_or(Client::Deployment());
    return deployment.isEmpty() ? Client::Deployment(QUrl(QStringLiteral("wss://localhost:7300")))
                                : deployment;
}

void CliSettings::loadToken(const Client::Deployment &server, std::function<void()> done)
{
    const bool has
        = m_settings->value(serverGroup(server.key()) + QStringLiteral("/hasToken")).toBool();
    m_secrets->load(has ? QStringList {tokenKey(server.key())} : QStringList {}, std::move(done));
}

QString CliSettings::token(const Client::Deployment &server) const
{
    return m_secrets->value(tokenKey(server.key()));
}

User CliSettings::user(const Client::Deployment &server) const
{
    const QByteArray json
        = m_settings->value(serverGroup(server.key()) + QStringLiteral("/user")).toByteArray();
    return User::fromJson(QJsonDocument::fromJson(json).object());
}

void CliSettings::setCredentials(
    const Client::Deployment &server, const User &user, const QString &token)
{
    // The whole list: the next command without --server fails over as this one would.
    QStringList addresses;
    for (const QUrl &url : server.addresses())
        addresses.append(normalised(url));
    m_settings->setValue(QStringLiteral("lastServer"), addresses.join(QStringLiteral(", ")));
    m_secrets->setValue(tokenKey(server.key()), token);
    const QString group = serverGroup(server.key());
    m_settings->setValue(group + QStringLiteral("/hasToken"), true);
    m_settings->setValue(group + QStringLiteral("/address"), normalised(server.key()));
    setUser(server, user);
}

void CliSettings::setUser(const Client::Deployment &server, const User &user)
{
    m_settings->setValue(serverGroup(server.key()) + QStringLiteral("/user"),
        QJsonDocument(user.toJson()).toJson(QJsonDocument::Compact));
    m_settings->sync();
}

void CliSettings::forgetToken(const Client::Deployment &server)
{
    m_secrets->remove(tokenKey(server.key()));
    m_settings->remove(serverGroup(server.key()));
    m_settings->sync();
}

QString CliSettings::pinnedCertificate(const QUrl &server) const
{
    return m_settings->value(endpointGroup(server) + QStringLiteral("/sha256")).toString();
}

void CliSettings::setPinnedCertificate(const QUrl &server, const QString &fingerprint)
{
    const QString group = endpointGroup(server);
    m_settings->setValue(group + QStringLiteral("/sha256"), fingerprint);
    m_settings->setValue(group + QStringLiteral("/host"), server.authority());
    m_settings->sync();
}

QString CliSettings::tokenLocation() const
{
    if (m_secrets->backend() == Client::SecretStore::Backend::Keychain) {
        return QCoreApplication::translate(
            "Hubbub::Cli::CliSettings", "the system's keychain (service \"%1\")")
            .arg(KeychainService);
    }
    return QDir::toNativeSeparators(m_secrets->filePath());
}

} // namespace Hubbub::Cli
