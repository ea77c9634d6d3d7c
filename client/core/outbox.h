#pragma once

#include "messagetype.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>
#include <span>

namespace Hubbub::Client {

//! Which model a queued change shows in.
enum class ChangeDomain { Feed, Chat };
//! What a queued change does to the row it shows in, before and after the server has it.
enum class ChangeOp {
    Create, //!< a row the server does not have yet (nonce)
    Edit, //!< an overlay on a stored row
    Delete, //!< a stored row shown as going away
    Attach, //!< adds to a stored row without marking it (a review: nonce, new rating)
};
//! The edit to queue after an acknowledged create, when the server kept an older text.
struct FollowUp
{
    MessageType type;
    QJsonObject params;
};

//! One row per verb the outbox carries: the only place that says what a queued change is.
//! The outbox reads it (target, nonce), the projection onto the models (operation, domain),
//! the sender (what a not_found answer means, the follow-up edit) and the views (which change
//! stands for a row). A new queued verb is one row here.
struct ChangeKind
{
    MessageType type;
    ChangeDomain domain;
    ChangeOp op;
    const char *targetKey; //!< the parameter naming the changed row; nullptr for Create
    //! After an acknowledged Create: the edit the server has not seen, if any.
    std::optional<FollowUp> (*followUp)(const QJsonObject &params, const QJsonObject &result);
    //! What the user is told when the row this change was for is gone (answered not_found),
    //! with %1 the entry's subject; untranslated (context "Hubbub::Client::Outbox"). nullptr
    //! when losing the change loses nothing (a delete of something deleted meanwhile).
    const char *lostNotice;
};

//! Every verb the outbox carries.
std::span<const ChangeKind> changeKinds();
//! The row for `type`; nullptr for a verb that is never queued.
const ChangeKind *changeKind(MessageType type);

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
        //! What the user calls the changed row (a post's title, a message's text), kept here
        //! for the notice should the row be gone by the time the change is sent; not sent.
        QString subject;
        Status status = Status::Queued;
        QString error; //!< the server's message when Failed
        qint64 createdAtMs = 0;
        //! Server faults (internal) answered to this change in a row; not saved, so a restart
        //! of the app gives it its tries again.
        int faults = 0;

        //! Its row in the change table; never nullptr for an entry in an outbox.
        const ChangeKind &kind() const;
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
    QString enqueue(MessageType type, QJsonObject params, QByteArray image = {},
        QString imageMime = {}, QString subject = {});
    const QList<Entry> &entries() const { return m_entries; }
    std::optional<Entry> entry(const QString &localId) const;
    //! The first Queued entry, if any (entries are sent in the order they were made).
    std::optional<Entry> nextQueued() const;
    int count() const { return int(m_entries.size()); }
    int failedCount() const;
    //! The change on its way to the server (Sending), if any: at most one at a time.
    std::optional<Entry> inFlight() const;
    //! The queued change a row of a view stands for: the row's own create (`localId`), or
    //! among the edits and deletes of row `targetId` in `domain`, the oldest refused one
    //! (the failure the row shows, and the first to fix since changes go in order), else
    //! the newest one (the text the row shows). Empty when none.
    QString changeShownBy(ChangeDomain domain, const QString &localId, qint64 targetId) const;
    //! The edits and deletes of one row, in the order they were made.
    QList<Entry> changesOf(ChangeDomain domain, qint64 targetId) const;

    void setStatus(const QString &localId, Status status, const QString &error = {});
    //! Counts one more server fault for the entry and returns the count.
    int addFault(const QString &localId);
    //! Forgets the fault count of one entry (empty: of every entry, as after a sign-out).
    void resetFaults(const QString &localId = {});
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
