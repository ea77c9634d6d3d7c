#include "clientsettings.h"

#include <QCryptographicHash>
#include <QJsonDocument>

#include <algorithm>

namespace Hubbub::Client {

ClientSettings::ClientSettings(const QString &iniPath)
    : m_settings(iniPath.isEmpty() ? std::make_unique<QSettings>()
                                   : std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{ }

QUrl ClientSettings::defaultServer()
{
    return QUrl(QStringLiteral("ws://localhost:7300"));
}

QString ClientSettings::serverKey(const QUrl &server)
{
    // Group names must not contain '/' or ':'; a digest of the normalised URL is stable.
    const QByteArray normal = server.adjusted(QUrl::StripTrailingSlash).toString().toUtf8();
    return QStringLiteral("servers/")
        + QString::fromLatin1(
            QCryptographicHash::hash(normal, QCryptographicHash::Sha1).toHex().left(16));
}

QUrl ClientSettings::lastServer() const
{
    const QUrl url(m_settings->value(QStringLiteral("lastServer")).toString());
    return url.isValid() && !url.isEmpty() ? url : defaultServer();
}

void ClientSettings::setLastServer(const QUrl &url)
{
    m_settings->setValue(QStringLiteral("lastServer"), url.toString());
}

QString ClientSettings::lastUsername() const
{
    return m_settings->value(QStringLiteral("lastUsername")).toString();
}

QString ClientSettings::token(const QUrl &server) const
{
    return m_settings->value(serverKey(server) + QStringLiteral("/token")).toString();
}

User ClientSettings::user(const QUrl &server) const
{
    const QByteArray json
        = m_settings->value(serverKey(server) + QStringLiteral("/user")).toByteArray();
    return User::fromJson(QJsonDocument::fromJson(json).object());
}

void ClientSettings::setCredentials(const QUrl &server, const User &user, const QString &token)
{
    setLastServer(server);
    m_settings->setValue(QStringLiteral("lastUsername"), user.username);
    m_settings->setValue(serverKey(server) + QStringLiteral("/token"), token);
    m_settings->setValue(serverKey(server) + QStringLiteral("/user"),
        QJsonDocument(user.toJson()).toJson(QJsonDocument::Compact));
    m_settings->sync();
}

void ClientSettings::forgetToken(const QUrl &server)
{
    m_settings->remove(serverKey(server) + QStringLiteral("/token"));
    m_settings->sync();
}

UnreadState ClientSettings::unread(const QUrl &server, qint64 userId) const
{
    const QString group
        = serverKey(server) + QStringLiteral("/unread-") + QString::number(userId) + u'/';
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

void ClientSettings::setUnread(const QUrl &server, qint64 userId, const UnreadState &state)
{
    const QString group
        = serverKey(server) + QStringLiteral("/unread-") + QString::number(userId) + u'/';
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

qint64 ClientSettings::lastView(const QUrl &server, qint64 userId) const
{
    bool ok = false;
    const qint64 id
        = m_settings->value(serverKey(server) + QStringLiteral("/view-") + QString::number(userId))
              .toLongLong(&ok);
    return ok && id > 0 ? id : 0;
}

void ClientSettings::setLastView(const QUrl &server, qint64 userId, qint64 channelId)
{
    m_settings->setValue(
        serverKey(server) + QStringLiteral("/view-") + QString::number(userId), channelId);
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
