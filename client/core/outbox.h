#pragma once

#include "messagetype.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace Hubbub::Client {

//! Changes the user made that the server has not acknowledged yet: posts, edits, deletes,
//! reviews and chat messages. Creates carry a nonce chosen once, so sending one again after
//! a dropped connection never creates a second entry. Saved to a file on every change, so
//! the queue survives a restart of the app.
class Outbox final : public QObject
{
    Q_OBJECT
public:
    enum class Status { Queued, Sending, Failed };
    Q_ENUM(Status)

    struct Entry
    {
        QString localId;
        MessageType type = MessageType::PostCreate;
        QJsonObject params; //!< the request's parameters (nonce included for creates)
        QByteArray image; //!< image bytes to upload first (post create/update), or empty
        QString imageMime;
        Status status = Status::Queued;
        QString error; //!< the server's message when Failed
        qint64 createdAtMs = 0;

        //! The post or message this entry changes (0 for creates).
        qint64 targetId() const;
        qint64 channelId() const;
        QJsonObject toJson() const;
        static std::optional<Entry> fromJson(const QJsonObject &object);
    };

    //! `path` empty keeps the queue in memory only.
    explicit Outbox(const QString &path = {}, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(Outbox)

    //! Reads the saved queue; entries left Sending by a crash are Queued again.
    bool load();
    //! Switches to another file (another account or server): the current entries are
    //! dropped from memory (they stay in their own file) and `path` is loaded.
    bool open(const QString &path);
    QString path() const { return m_path; }
    QString errorString() const { return m_errorString; }

    //! Queues a change; a create gets a fresh nonce. Returns its local id.
    QString enqueue(
        MessageType type, QJsonObject params, QByteArray image = {}, QString imageMime = {});
    const QList<Entry> &entries() const { return m_entries; }
    std::optional<Entry> entry(const QString &localId) const;
    //! The first Queued entry, if any (entries are sent in the order they were made).
    std::optional<Entry> nextQueued() const;
    int count() const { return int(m_entries.size()); }
    int failedCount() const;

    void setStatus(const QString &localId, Status status, const QString &error = {});
    //! Changes the parameters of an entry not being sent (editing a queued post).
    bool updateParams(const QString &localId, const QJsonObject &params);
    //! After an image upload: the entry now refers to the stored image.
    void setUploadedImage(const QString &localId, const QString &imageId);
    void remove(const QString &localId);
    //! Failed → Queued.
    void retry(const QString &localId);
    //! After a dropped connection: whatever was being sent goes back to the queue.
    void requeueSending();

Q_SIGNALS:
    void added(const Hubbub::Client::Outbox::Entry &entry);
    void changed(const Hubbub::Client::Outbox::Entry &entry);
    void removed(const Hubbub::Client::Outbox::Entry &entry);
    void countChanged(int count);

private:
    int indexOf(const QString &localId) const;
    void save();

    QString m_path;
    QString m_errorString;
    QList<Entry> m_entries;
};

//! A random nonce for an idempotent create.
QString makeNonce();

} // namespace Hubbub::Client
