#include "secretstore.h"

#include "logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace Hubbub::Client {

namespace {

//! Errors that mean "no keychain to be had here": none on this platform, or none that ever
//! answered in this run (no D-Bus session: libsecret's "Could not connect" is OtherError). A
//! denied prompt, or a failure after the keychain has answered, is not one: the secret stays
//! in memory for this run and the keychain is asked again next time, rather than every token
//! moving to a file.
bool keychainUnusable(QKeychain::Error error, bool keychainAnswered)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented
        || (error == QKeychain::OtherError && !keychainAnswered);
}

bool keychainAnswered(QKeychain::Error error)
{
    return error == QKeychain::NoError || error == QKeychain::EntryNotFound;
}

} // namespace

SecretStore::SecretStore(QString service, QString filePath, Backend preferred, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
    , m_filePath(std::move(filePath))
    , m_backend(preferred)
{
    if (m_backend == Backend::File)
        m_values = readFile();
}

SecretStore::~SecretStore() = default;

void SecretStore::load(const QStringList &keys, std::function<void()> done)
{
    auto remaining = std::make_shared<qsizetype>(keys.size());
    auto finish = [remaining, done = std::move(done)] {
        if (--*remaining <= 0 && done)
            done();
    };
    if (keys.isEmpty() || m_backend == Backend::File) {
        const QHash<QString, QString> stored = readFile();
        for (const QString &key : keys) {
            if (stored.contains(key))
                m_values.insert(key, stored.value(key));
            else
                m_absent.insert(key);
        }
        *remaining = 1;
        QTimer::singleShot(0, this, finish);
        return;
    }
    for (const QString &key : keys) {
        auto *job = new QKeychain::ReadPasswordJob(m_service, this);
        job->setKey(key);
        connect(job, &QKeychain::Job::finished, this, [this, key, job, finish] {
            m_keychainAnswered = m_keychainAnswered || keychainAnswered(job->error());
            if (job->error() == QKeychain::NoError) {
                m_values.insert(key, job->textData());
                removeFromFile(key); // a copy a run without a keychain left behind
            } else {
                if (keychainUnusable(job->error(), m_keychainAnswered))
                    fallBack(job->errorString());
                // Not in the keychain: perhaps in the file, from a run without a keychain.
                const QHash<QString, QString> stored = readFile();
                if (stored.contains(key)) {
                    m_values.insert(key, stored.value(key));
                    if (m_backend == Backend::Keychain)
                        persist(key); // into the keychain, and out of the file
                } else {
                    m_absent.insert(key);
                }
            }
            finish();
        });
        job->start();
    }
}

void SecretStore::setValue(const QString &key, const QString &secret)
{
    m_values.insert(key, secret);
    m_absent.remove(key);
    persist(key);
}

void SecretStore::remove(const QString &key)
{
    m_values.remove(key);
    m_absent.insert(key);
    persist(key);
}

void SecretStore::persist(const QString &key)
{
    const bool present = m_values.contains(key);
    if (m_backend == Backend::File) {
        QHash<QString, QString> stored = readFile();
        if (present)
            stored.insert(key, m_values.value(key));
        else
            stored.remove(key);
        if (!writeFile(stored))
            qCWarning(lcClient) << "cannot write" << m_filePath;
        return;
    }
    QKeychain::Job *job = nullptr;
    if (present) {
        auto *write = new QKeychain::WritePasswordJob(m_service, this);
        write->setTextData(m_values.value(key));
        job = write;
    } else {
        job = new QKeychain::DeletePasswordJob(m_service, this);
    }
    job->setKey(key);
    ++m_pendingJobs;
    connect(job, &QKeychain::Job::finished, this, [this, key, job] {
        m_keychainAnswered = m_keychainAnswered || keychainAnswered(job->error());
        if (keychainUnusable(job->error(), m_keychainAnswered)) {
            fallBack(job->errorString()); // writes everything to the file
        } else if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound) {
            qCWarning(lcClient) << "the keychain refused" << key << job->errorString();
        } else {
            removeFromFile(key); // in the keychain now: no copy stays in a file
        }
        jobDone();
    });
    job->start();
}

void SecretStore::removeFromFile(const QString &key)
{
    if (!QFileInfo::exists(m_filePath))
        return;
    QHash<QString, QString> stored = readFile();
    if (stored.remove(key) > 0)
        writeFile(stored);
}

void SecretStore::jobDone()
{
    if (--m_pendingJobs == 0)
        Q_EMIT settled();
}

void SecretStore::fallBack(const QString &reason)
{
    if (m_backend == Backend::File)
        return;
    m_backend = Backend::File;
    qCInfo(lcClient) << "no keychain:" << reason << "- secrets go to" << m_filePath;
    QHash<QString, QString> stored = readFile();
    for (auto it = m_values.cbegin(); it != m_values.cend(); ++it)
        stored.insert(it.key(), it.value());
    for (const QString &key : std::as_const(m_absent))
        stored.remove(key);
    writeFile(stored);
    Q_EMIT fellBackToFile(m_filePath, reason);
}

QHash<QString, QString> SecretStore::readFile() const
{
    QFile file(m_filePath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
    QHash<QString, QString> values;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.value().isString())
            values.insert(it.key(), it.value().toString());
    }
    return values;
}

bool SecretStore::writeFile(const QHash<QString, QString> &values) const
{
    if (values.isEmpty() && !QFileInfo::exists(m_filePath))
        return true;
    QDir().mkpath(QFileInfo(m_filePath).absolutePath());
    QSaveFile file(m_filePath);
    // Readable by the user only before a byte is written: never a moment in which it is not.
    if (!file.open(QIODevice::WriteOnly)
        || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return false;
    QJsonObject object;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        object.insert(it.key(), it.value());
    file.write(QJsonDocument(object).toJson(QJsonDocument::Compact));
    return file.commit();
}

} // namespace Hubbub::Client
