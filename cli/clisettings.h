#pragma once

#include "deployment.h"
#include "secretstore.h"
#include "types.h"

#include <QSettings>
#include <QUrl>

#include <functional>
#include <memory>

namespace Hubbub::Cli {

//! What hubbub-cli remembers between runs, apart from the app: the last server, the signed-in
//! user and the token for each server, and the certificates trusted. The token is kept as the
//! app keeps its own (Client::SecretStore): in the system's keychain under the service
//! "hubbub-cli", else in a file only the user can read. The CLI is a session of its own on the
//! server, so signing it in or out never touches the app's token, nor the app's the CLI's.
class CliSettings final
{
public:
    //! `configDir` empty: the platform's settings store (Hubbub/hubbub-cli) and the keychain,
    //! with a file in the app-data folder where there is no keychain. Otherwise
    //! `configDir`/hubbub-cli.ini and `configDir`/secrets.json, and no keychain (tests, scripts
    //! that keep their own sign-in).
    explicit CliSettings(const QString &configDir = {});
    ~CliSettings();
    Q_DISABLE_COPY_MOVE(CliSettings)

    //! The server hubbub-cli uses when none is given: the last one signed in to (all its
    //! addresses), else wss://localhost:7300.
    Client::Deployment lastServer() const;

    // What is kept per server is kept under its first address (Deployment::key()): the same
    // whichever of its addresses answers.

    //! Reads the token of `server` into memory (from the keychain: a round trip), then `done`.
    void loadToken(const Client::Deployment &server, std::function<void()> done);
    //! The token of `server` (after loadToken()), or empty.
    QString token(const Client::Deployment &server) const;
    //! Who signed in on `server` last (id 0 when nobody).
    User user(const Client::Deployment &server) const;
    //! Remembers a sign-in on `server`, which becomes the last server.
    void setCredentials(const Client::Deployment &server, const User &user, const QString &token);
    void setUser(const Client::Deployment &server, const User &user);
    void forgetToken(const Client::Deployment &server);

    //! The SHA-256 fingerprint ("AB:CD:…") trusted for the host and port of `server`, or empty.
    QString pinnedCertificate(const QUrl &server) const;
    void setPinnedCertificate(const QUrl &server, const QString &fingerprint);

    Client::SecretStore *secrets() const { return m_secrets.get(); }
    //! Where tokens are kept, for people: the keychain's service, or the file's path.
    QString tokenLocation() const;

private:
    static QString serverGroup(const QUrl &server);
    static QString tokenKey(const QUrl &server);
    static QString endpointGroup(const QUrl &server);

    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<Client::SecretStore> m_secrets;
};

} // namespace Hubbub::Cli
