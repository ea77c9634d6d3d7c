#include "clientsettings.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QJsonDocument>
#include <QStandardPaths>

#include <algorithm>

namespace Hubbub::Client {

ClientSettings::ClientSettings(
    const QString &iniPath, std::optional<SecretStore::Backend> secrets, const QString &secretsFile)
    : m_settings(iniPath.isEmpty() ? std::make_unique<QSettings>()
                                   : std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{
    QString file = secretsFile;
    if (file.isEmpty()) {
        file = iniPath.isEmpty()
            ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                + QStringLiteral("/secrets.json")
            : QFileInfo(iniPath).absolutePath() + QStringLiteral("/secrets.json");
    }
    const SecretStore::Backend backend = secrets.value_or(
        iniPath.isEmpty() ? SecretStore::Backend::Keychain : SecretStore::Backend::File);
    m_secrets = std::make_unique<SecretStore>(QStringLiteral("Hubbub"), file, backend);
}

ClientSettings::~ClientSettings() = default;

QString ClientSettings::tokenKey(const QUrl &server)
{
    // The keychain entry's name: readable in a keychain manager, and one per server.
    return QStringLiteral("token ") + serverKey(server).section(QLatin1Char('/'), 1);
}

void ClientSettings::loadSecrets(std::function<void()> done)
{
    // Which servers have a token (a note, not the secret), and tokens an older version left in
    // the settings file: those move to the secret store and out of the file.
    QStringList keys;
    QList<QPair<QString, QString>> legacy;
    m_settings->beginGroup(QStringLiteral("servers"));
    const QStringList groups = m_settings->childGroups();
    for (const QString &group : groups) {
        const QString key = QStringLiteral("token ") + group;
        const QString old = m_settings->value(group + QStringLiteral("/token")).toString();
        if (!old.isEmpty())
            legacy.append({key, old});
        else if (m_settings->value(group + QStringLiteral("/hasToken")).toBool())
            keys.append(key);
        m_settings->remove(group + QStringLiteral("/token"));
    }
    m_settings->endGroup();
    for (const auto &[key, token] : std::as_const(legacy)) {
        m_secrets->setValue(key, token);
        m_settings->setValue(QStringLiteral("servers/") + key.section(QLatin1Char(' '), 1)
                + QStringLiteral("/hasToken"),
            true);
    }
    m_settings->sync();
    m_secrets->load(keys, std::move(done));
}

QUrl ClientSettings::defaultServer()
{
    return QUrl(QStringLiteral("wss://localhost:7300"));
}

QString ClientSettings::serverKey(const QUrl &server)
{
    // Group names must not contain '/' or ':'; a digest of the normalised URL is stable.
    const QByteArray normal = server.adjusted(QUrl::StripTrailingSlash).toString().toUtf8();
    return QStringLiteral("servers/")
        + QString::fromLatin1(
            QCryptographicHash::hash(normal, QCryptographicHash::Sha1).toHex().left(16));
}

Deployment ClientSettings::lastServer() const
{
    // One address, as an older version wrote it, or several joined by ", ".
    const Deployment deployment
        = Deployment::fromUrls(m_settings->value(QStringLiteral("lastServer")).toString())
              .value_or(Deployment());
    return deployment.isEmpty() ? Deployment(defaultServer()) : deployment;
}

void ClientSettings::setLastServer(const Deployment &deployment)
{
    m_settings->setValue(QStringLiteral("lastServer"), deployment.toString());
}

QString ClientSettings::lastUsername() const
{
    return m_settings->value(QStringLiteral("lastUsername")).toString();
}

QString ClientSettings::endpointKey(const QUrl &server)
{
    // Per host and port: ws:// and wss://, or another path, on one port are one server.
    // The port the connection really uses: a wss:// address without one is 443, not 7300.
    const int port = server.port(server.scheme() == QLatin1String("wss") ? 443 : 80);
    const QByteArray endpoint
        = (server.host().toLower() + QLatin1Char(' ') + QString::number(port)).toUtf8();
    return QStringLiteral("certificates/")
        + QString::fromLatin1(
            QCryptographicHash::hash(endpoint, QCryptographicHash::Sha1).toHex().left(16));
}

QString ClientSettings::pinnedCertificate(const QUrl &server) const
{
    return m_settings->value(endpointKey(server) + QStringLiteral("/sha256")).toString();
}

void ClientSettings::setPinnedCertificate(const QUrl &server, const QString &fingerprint)
{
    const QString key = endpointKey(server);
    m_settings->setValue(key + QStringLiteral("/sha256"), fingerprint);
    m_settings->setValue(key + QStringLiteral("/host"), server.authority());
    m_settings->sync();
}

QString ClientSettings::token(const Deployment &server) const
{
    return m_secrets->value(tokenKey(server.key()));
}

User ClientSettings::user(const Deployment &server) const
{
    const QByteArray json
        = m_settings->value(serverKey(server.key()) + QStringLiteral("/user")).toByteArray();
    return User::fromJson(QJsonDocument::fromJson(json).object());
}

void ClientSettings::setCredentials(
    const Deployment &server, const User &user, const QString &token)
{
    setLastServer(server);
    m_settings->setValue(QStringLiteral("lastUsername"), user.username);
    m_secrets->setValue(tokenKey(server.key()), token);
    m_settings->setValue(serverKey(server.key()) + QStringLiteral("/hasToken"), true);
    m_settings->setValue(serverKey(server.key()) + QStringLiteral("/user"),
        QJsonDocument(user.toJson()).toJson(QJsonDocument::Compact));
    m_settings->sync();
}

void ClientSettings::forgetToken(const Deployment &server)
{
    m_secrets->remove(tokenKey(server.key()));
    m_settings->remove(serverKey(server.key()) + QStringLiteral("/hasToken"));
    m_settings->sync();
}

UnreadState ClientSettings::unread(const Deployment &server, qint64 userId) const
{
    const QString group
        = serverKey(server.key()) + QStringLiteral("/unread-") + QString::number(userId) + u'/';
    UnreadState state;
    bool ok = false;
    state.seq = m_settings->value(group + QStringLiteral("seq"), -1).toLongLong(&ok);
    if (!ok)
        return {};
    state.feed = std::max(0, m_settings->value(group + QStringLiteral("feed")).toInt());
    // "id:count id:count": one readable line rather than a group per channel.
    const QStringList pairs = m_settings->value(group + QStringLiteral("channels"))
                                  .toString()
                                  .split(u' ', Qt::SkipEmptyParts);
    for (const QString &pair : pairs) {
        const qsizetype colon = pair.indexOf(u':');
        bool idOk = false;
        bool countOk = false;
        const qint64 id = pair.left(colon).toLongLong(&idOk);
        const int count = pair.mid(colon + 1).toInt(&countOk);
        if (colon > 0 && idOk && countOk && count > 0)
            state.channels.insert(id, count);
    }
    return state;
}

void ClientSettings::setUnread(const Deployment &server, qint64 userId, const UnreadState &state)
{
    const QString group
        = serverKey(server.key()) + QStringLiteral("/unread-") + QString::number(userId) + u'/';
    QList<qint64> ids = state.channels.keys();
    std::sort(ids.begin(), ids.end());
    QStringList pairs;
    for (qint64 id : ids) {
        if (const int count = state.channels.value(id); count > 0)
            pairs.append(QString::number(id) + u':' + QString::number(count));
    }
    m_settings->setValue(group + QStringLiteral("seq"), state.seq);
    m_settings->setValue(group + QStringLiteral("feed"), state.feed);
    m_settings->setValue(group + QStringLiteral("channels"), pairs.join(u' '));
}

qint64 ClientSettings::lastView(const Deployment &server, qint64 userId) const
{
    bool ok = false;
    const qint64 id
        = m_settings
              ->value(serverKey(server.key()) + QStringLiteral("/view-") + QString::number(userId))
              .toLongLong(&ok);
    return ok && id > 0 ? id : 0;
}

QString ClientSettings::lastViewName(const Deployment &server, qint64 userId) const
{
    return m_settings
        ->value(serverKey(server.key()) + QStringLiteral("/view-name-") + QString::number(userId))
        .toString();
}

void ClientSettings::setLastView(
    const Deployment &server, qint64 userId, qint64 channelId, const QString &channelName)
{
    const QString key = serverKey(server.key()) + QStringLiteral("/view-");
    m_settings->setValue(key + QString::number(userId), channelId);
    m_settings->setValue(key + QStringLiteral("name-") + QString::number(userId), channelName);
}

bool ClientSettings::notificationsEnabled() const
{
    return m_settings->value(QStringLiteral("notifications/enabled"), true).toBool();
}

void ClientSettings::setNotificationsEnabled(bool enabled)
{
    m_settings->setValue(QStringLiteral("notifications/enabled"), enabled);
}

QByteArray ClientSettings::windowGeometry() const
{
    return m_settings->value(QStringLiteral("window/geometry")).toByteArray();
}

void ClientSettings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(QStringLiteral("window/geometry"), geometry);
}

QByteArray ClientSettings::windowState() const
{
    return m_settings->value(QStringLiteral("window/state")).toByteArray();
}

void ClientSettings::setWindowState(const QByteArray &state)
{
    m_settings->setValue(QStringLiteral("window/state"), state);
}

} // namespace Hubbub::Client
