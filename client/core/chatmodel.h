#pragma once

#include "eventtype.h"
#include "pendingchanges.h"
#include "types.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>

#include <optional>

namespace Hubbub::Client {

//! One channel's messages, oldest first, with messages not yet acknowledged at the bottom and
//! "joined"/"left" lines in between. Older history loads on demand (scrolling up).
class ChatModel final : public QAbstractListModel, public PendingModel
{
    Q_OBJECT
public:
    enum Roles {
        IdRole = Qt::UserRole + 1,
        AuthorRole,
        AuthorIdRole,
        TextRole,
        CreatedAtRole, //!< QDateTime, UTC
        EditedRole, //!< bool
        KindRole, //!< Kind
        FirstInGroupRole, //!< bool: shows the author line (new author or a pause)
        PendingRole,
        FailureRole,
        LocalIdRole,
        DeletingRole,
        DayStartRole, //!< bool: the first row of its local day, under a date separator
        AuthorUserRole, //!< User: the author with display name and avatar (profiles)
        // Part "react": replies and reactions.
        ReplyToIdRole, //!< qint64: the message this one replies to, 0 for none
        ReplyAuthorRole, //!< QString: the quoted author ("" when deleted)
        ReplyTextRole, //!< QString: the quoted first line ("" when deleted)
        ReplyDeletedRole, //!< bool: the original is gone ("message deleted")
        ReactionsRole, //!< QVariantList of {emoji, count, userIds} maps, first-reacted order
        // Part "rich": Markdown and mentions.
        MarkdownRole, //!< QString: the text with mentions as links (MentionText)
        MentionsMeRole, //!< bool: the message mentions the signed-in user
        FilesRole, //!< QList<Hubbub::File>: attachments (part "files")
    };
    Q_ENUM(Roles)
    enum class Kind { Message, Joined, Left };
    Q_ENUM(Kind)

    explicit ChatModel(qint64 channelId, QObject *parent = nullptr);

    qint64 channelId() const { return m_channelId; }
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    //! Older history exists: the view asks for it when scrolled to the top.
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    void beginReload();
    void finishReload(const QList<Message> &messages, bool more);
    //! An older page for fetchMoreRequested(), inserted above the loaded rows.
    void prependPage(const QList<Message> &messages, bool more);
    void fetchFailed();
    bool isLoaded() const { return m_loaded; }
    bool hasMore() const { return m_more; }
    //! Between beginReload() and finishReload(): the rows are not the current state yet.
    bool isReloading() const { return m_reloading; }
    //! The newest `max` acknowledged messages, oldest first, without presence lines: what the
    //! local cache keeps.
    QList<Message> storedMessages(qsizetype max) const;

    //! A chat.around page (part "react"): joined to the loaded rows when it reaches them,
    //! otherwise it replaces them and newer messages load on demand (fetchNewer()).
    void showAround(const QList<Message> &messages, bool moreBefore, bool moreAfter);
    //! Newer messages than the loaded ones exist (after a jump back in time).
    bool hasMoreAfter() const { return m_moreAfter; }
    //! Asks for the page after the newest loaded message (fetchNewerRequested) once.
    void fetchNewer();
    //! The answer to fetchNewerRequested: a chat.around page from the newest loaded message.
    void appendNewer(const QList<Message> &messages, bool moreAfter);
    //! Sets a message's reactions (reaction.changed, or the reply to our reaction.set).
    void setReactions(qint64 messageId, const QList<Reaction> &reactions);

    //! message.created/updated/deleted for this channel, user.renamed. Idempotent.
    void applyEvent(EventType type, const QJsonObject &frame);
    void upsert(const Message &message);
    void remove(qint64 messageId) override;
    void renameUser(const User &user);
    //! Who is signed in, for MentionsMeRole.
    void setSelfId(qint64 userId);
    qint64 selfId() const { return m_selfId; }
    //! The usernames of the authors met in this channel (for completing mentions: a mention is
    //! `@username`, whatever name is shown).
    QStringList knownNames() const { return m_usernames.values(); }
    //! A presence line ("Ada joined") at the bottom, or, within PresenceBurstSeconds of the
    //! start of the presence line already there, an update of that one line.
    void addPresenceLine(const User &user, bool joined, const QDateTime &when);

    // Pending changes from the outbox (params as in chat.send and chat.edit).
    void addPending(const QString &localId, const QJsonObject &params, const User &author,
        const QDateTime &created) override;
    void updatePending(
        const QString &localId, const QJsonObject &params, const QString &failure) override;
    void removePending(const QString &localId) override;
    void setOverlay(qint64 messageId, const Overlay &overlay) override;
    //! A reply holding a `message`.
    void applyStored(const QJsonObject &result) override;

    int rowOf(qint64 messageId) const;
    std::optional<Message> message(qint64 messageId) const;
    //! The newest acknowledged message by `userId` (for "Up edits your last message").
    std::optional<Message> lastMessageBy(qint64 userId) const;

    //! Messages within this many seconds of the previous one by the same author are grouped.
    static constexpr int GroupSeconds = 300;
    //! Joins and leaves within this many seconds of the first share one line ("Ada, Bo joined ·
    //! Cy left"), each person shown as they are at the end: reconnects are not news.
    static constexpr int PresenceBurstSeconds = 300;

Q_SIGNALS:
    void fetchMoreRequested(qint64 channelId, qint64 beforeId);
    void fetchNewerRequested(qint64 channelId, qint64 afterId);

private:
    qint64 m_selfId = 0;
    //! Current names of users met in this channel (authors, renames), for mentions.
    QHash<qint64, QString> m_names; //!< shown names, for the mentions in the text
    QHash<qint64, QString> m_usernames;
    struct Item
    {
        Kind kind = Kind::Message;
        Message message;
        QDateTime created;
        QString localId;
        QString failure;
        //! A presence line: who, each with their latest state (joined), in order of arrival.
        QList<std::pair<User, bool>> presence;
        QDateTime burstStart;
    };
    static QString presenceText(const Item &item);
    //! The row of a message; remembers its author's name (the server sends current names).
    Item makeItem(const Message &message);
    int rowCountAll() const { return int(m_items.size() + m_pending.size()); }
    const Item &itemAt(int row) const;
    bool firstInGroup(int row) const;
    bool dayStart(int row) const;
    //! Where a message with this id goes among m_items (after presence lines before it).
    qsizetype insertPosition(qint64 messageId) const;
    int pendingRowOf(const QString &localId) const;
    qint64 oldestId() const;
    void emitRowChanged(int row);
    //! Grouping of the row after `row` may change when `row` changes.
    void emitGroupingAround(int row);
    //! The quotes of replies to `original` follow its edit (or its delete: nullopt).
    void updateQuotesOf(qint64 originalId, const std::optional<Message> &original);
    qint64 newestId() const;

    qint64 m_channelId;
    QList<Item> m_items; //!< messages by ascending id, with presence lines
    PendingChanges<Item> m_pending; //!< creates oldest first, below m_items
    bool m_more = false;
    bool m_loaded = false;
    bool m_fetching = false;
    bool m_reloading = false;
    bool m_moreAfter = false;
    bool m_fetchingNewer = false;
    QList<std::pair<EventType, QJsonObject>> m_journal;
};

} // namespace Hubbub::Client
