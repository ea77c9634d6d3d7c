#pragma once

#include "deployment.h"
#include "secretstore.h"
#include "sessionstate.h"
#include "types.h"

#include <QSettings>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace Hubbub::Client {

//! What the app remembers between runs: the last server, the sign-in token for it, and
//! preferences. The password is never stored. Tokens are in the system's keychain
//! (SecretStore), not with the rest: the settings only note which servers have one. What is
//! kept per server is kept per deployment, under its first address (Deployment::key()).
class ClientSettings final
{
public:
    //! `iniPath` empty: the platform's settings store (registry, plist, ~/.config) and the
    //! keychain, with `secretsFile` (default: the app-data folder) where there is none.
    //! Otherwise the ini file, and secrets in a file beside it unless `secrets` says Keychain.
    explicit ClientSettings(const QString &iniPath = {},
        std::optional<SecretStore::Backend> secrets = std::nullopt,
        const QString &secretsFile = {});
    ~ClientSettings();
    Q_DISABLE_COPY_MOVE(ClientSettings)

    SecretStore *secrets() const { return m_secrets.get(); }
    //! Reads the tokens of the servers that have one into memory (from the keychain: a round
    //! trip), moving any that an older version kept in the settings file into the keychain;
    //! then `done`. Call before the first token().
    void loadSecrets(std::function<void()> done);

    static QUrl defaultServer();

    //! The addresses last signed in to (or typed), in their order.
    Deployment lastServer() const;
    void setLastServer(const Deployment &deployment);
    QString lastUsername() const;

    //! The token remembered for `server`, or empty.
    QString token(const Deployment &server) const;
    User user(const Deployment &server) const;
    void setCredentials(const Deployment &server, const User &user, const QString &token);
    void forgetToken(const Deployment &server);

    //! The unread counts `userId` left on `server` (UnreadState::seq -1 when none).
    UnreadState unread(const Deployment &server, qint64 userId) const;
    void setUnread(const Deployment &server, qint64 userId, const UnreadState &state);

    //! What `userId` last looked at on `server`: 0 the feed (also when nothing is known), else
    //! a channel id.
    qint64 lastView(const Deployment &server, qint64 userId) const;
    //! The name the last viewed channel had, so a start before the channel list has loaded can
    //! still say where the window is ("#general"); empty for the feed or when not known.
    QString lastViewName(const Deployment &server, qint64 userId) const;
    void setLastView(
        const Deployment &server, qint64 userId, qint64 channelId, const QString &channelName = {});

    //! The SHA-256 fingerprint ("AB:CD:…") of the certificate the user trusted for the host and
    //! port of `server` (trust on first use), or empty. Per address, not per deployment: the
    //! connection looks at the deployment's other addresses itself (Connection::PinLookup). Not a
    //! secret: what it guards is that the next certificate is the same.
    QString pinnedCertificate(const QUrl &server) const;
    void setPinnedCertificate(const QUrl &server, const QString &fingerprint);

    bool notificationsEnabled() const;
    void setNotificationsEnabled(bool enabled);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);

    QSettings &raw() { return *m_settings; }

private:
    static QString serverKey(const QUrl &server);
    static QString endpointKey(const QUrl &server);

    static QString tokenKey(const QUrl &server);

    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<SecretStore> m_secrets;
};

} // namespace Hubbub::Client
