#pragma once

#include "sessionstate.h"
#include "types.h"

#include <QSettings>
#include <QUrl>

#include <memory>

namespace Hubbub::Client {

//! What the app remembers between runs: the last server, the sign-in token for it, and
//! preferences. The password is never stored.
class ClientSettings final
{
public:
    //! `iniPath` empty: the platform's settings store (registry, plist, ~/.config).
    explicit ClientSettings(const QString &iniPath = {});

    static QUrl defaultServer();

    QUrl lastServer() const;
    void setLastServer(const QUrl &url);
    QString lastUsername() const;

    //! The token remembered for `server`, or empty.
    QString token(const QUrl &server) const;
    User user(const QUrl &server) const;
    void setCredentials(const QUrl &server, const User &user, const QString &token);
    void forgetToken(const QUrl &server);

    //! The unread counts `userId` left on `server` (UnreadState::seq -1 when none).
    UnreadState unread(const QUrl &server, qint64 userId) const;
    void setUnread(const QUrl &server, qint64 userId, const UnreadState &state);

    //! What `userId` last looked at on `server`: 0 the feed (also when nothing is known), else
    //! a channel id.
    qint64 lastView(const QUrl &server, qint64 userId) const;
    void setLastView(const QUrl &server, qint64 userId, qint64 channelId);

    bool notificationsEnabled() const;
    void setNotificationsEnabled(bool enabled);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);

    QSettings &raw() { return *m_settings; }

private:
    static QString serverKey(const QUrl &server);

    std::unique_ptr<QSettings> m_settings;
};

} // namespace Hubbub::Client
