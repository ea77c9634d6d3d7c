#pragma once

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>

namespace Hubbub::Client {

//! Where the app keeps its secrets (the sign-in token of each server): the system's keychain
//! through QtKeychain (Keychain on macOS, Credential Manager on Windows, the Secret Service or
//! KWallet on Linux). Where no keychain service runs, a file only the user can read (mode 0600,
//! written whole or not at all), and fellBackToFile() says so once. Never QSettings.
//!
//! Reads are served from memory: load() fetches the keys asked for once, at start-up, so that
//! the app can decide at once whether it has a token. Writes go to memory at once and to the
//! keychain (or the file) in the background.
class SecretStore final : public QObject
{
    Q_OBJECT
public:
    enum class Backend {
        Keychain, //!< the system's, while it works
        File, //!< the file: no keychain here, or asked for (tests)
    };

    //! `service` names the keychain entries ("Hubbub"); `filePath` is the fallback file, read
    //! at once when the file is the store asked for.
    SecretStore(QString service, QString filePath, Backend preferred = Backend::Keychain,
        QObject *parent = nullptr);
    ~SecretStore() override;
    Q_DISABLE_COPY_MOVE(SecretStore)

    //! Fetches `keys` into memory, then calls `done` (once, from the event loop).
    void load(const QStringList &keys, std::function<void()> done);
    bool isLoaded(const QString &key) const
    {
        return m_values.contains(key) || m_absent.contains(key);
    }
    //! What load() or setValue() left for `key`; empty when there is none.
    QString value(const QString &key) const { return m_values.value(key); }
    void setValue(const QString &key, const QString &secret);
    void remove(const QString &key);

    Backend backend() const { return m_backend; }
    QString filePath() const { return m_filePath; }
    //! Whether every write so far has reached its store.
    bool isSettled() const { return m_pendingJobs == 0; }

Q_SIGNALS:
    //! The keychain could not be used; secrets are in the file from now on. Once.
    void fellBackToFile(const QString &filePath, const QString &reason);
    //! Every write so far has reached its store (for tests and a clean exit).
    void settled();

private:
    void fallBack(const QString &reason);
    QHash<QString, QString> readFile() const;
    bool writeFile(const QHash<QString, QString> &values) const;
    void persist(const QString &key);
    void removeFromFile(const QString &key);
    void jobDone();

    QString m_service;
    QString m_filePath;
    Backend m_backend;
    QHash<QString, QString> m_values;
    QSet<QString> m_absent;
    int m_pendingJobs = 0;
    bool m_keychainAnswered = false; //!< it has worked in this run: later errors are not "none"
};

} // namespace Hubbub::Client
