#pragma once

#include "eventtype.h"
#include "pendingchanges.h"
#include "types.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>

#include <optional>

namespace Hubbub::Client {

//! The feed, newest first: posts not yet acknowledged (from the outbox) on top, then the
//! server's posts by descending id. Pages load older posts on demand; events update single
//! rows. Lookups are binary searches, so a model of 100,000 posts stays cheap to update.
class FeedModel final : public QAbstractListModel, public PendingModel
{
    Q_OBJECT
public:
    enum Roles {
        IdRole = Qt::UserRole + 1,
        AuthorRole,
        AuthorIdRole,
        TitleRole,
        ContentRole,
        ImageIdRole,
        CreatedAtRole, //!< QDateTime, UTC
        EditedRole, //!< bool
        UpdatedAtRole, //!< QDateTime, invalid when never edited
        RatingAverageRole,
        RatingCountRole,
        PendingRole, //!< bool: a change to this row is not acknowledged yet
        FailureRole, //!< QString: why the server refused the pending change
        LocalIdRole, //!< QString: the outbox entry of a pending row
        DeletingRole, //!< bool: a delete is queued
        //! QVariantList of {author, rating, comment} maps: the newest reviews with a comment,
        //! newest first (the post's recentReviews)
        RecentReviewsRole,
        AuthorUserRole, //!< User: the author with display name and avatar (profiles)
        //! QVariantList of {emoji, count, userIds} maps, first-reacted order (part "react")
        ReactionsRole,
        MarkdownRole, //!< QString: the content with mentions as links (MentionText)
        FilesRole, //!< QList<Hubbub::File>: attachments (part "files")
    };
    Q_ENUM(Roles)

    explicit FeedModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    //! The view is about to be replaced by a fresh first page. Changes applied until
    //! finishReload() are replayed on top of the page, so none is lost in between.
    void beginReload();
    void finishReload(const QList<Post> &posts, bool more);
    //! An older page arrived for fetchMoreRequested().
    void appendPage(const QList<Post> &posts, bool more);
    //! The older page could not be loaded: allow fetchMore() again.
    void fetchFailed();

    //! Applies one stored change (post.*, review.created, user.renamed). Idempotent.
    void applyEvent(EventType type, const QJsonObject &frame);
    //! Inserts or replaces a post (from a reply); ignored when outside the loaded range.
    void upsert(const Post &post);
    //! Sets a post's reactions (reaction.changed, or the reply to our reaction.set).
    void setReactions(qint64 postId, const QList<Reaction> &reactions);
    void remove(qint64 postId) override;
    void renameUser(const User &user);

    // Pending changes from the outbox (params as in post.create and post.update).
    void addPending(const QString &localId, const QJsonObject &params, const User &author,
        const QDateTime &created) override;
    void updatePending(
        const QString &localId, const QJsonObject &params, const QString &failure) override;
    void removePending(const QString &localId) override;
    void setOverlay(qint64 postId, const Overlay &overlay) override;
    //! A reply holding a `post`.
    void applyStored(const QJsonObject &result) override;

    int rowOf(qint64 postId) const; //!< -1 when not loaded
    std::optional<Post> post(qint64 postId) const;
    bool hasMore() const { return m_more; }
    bool isLoaded() const { return m_loaded; }
    //! Between beginReload() and finishReload(): the rows are not the current state yet.
    bool isReloading() const { return m_reloading; }
    //! The server's posts as loaded, newest first, at most `max`: what the local cache keeps
    //! (pending creates and edits are the outbox's).
    QList<Post> storedPosts(qsizetype max) const;
    int pendingCount() const { return int(m_pending.size()); }

Q_SIGNALS:
    //! Load posts older than `beforeId` (0: the newest page) and answer with appendPage().
    void fetchMoreRequested(qint64 beforeId);

private:
    //! Current names of users renamed since the posts came, for mentions.
    QHash<qint64, QString> m_names;
    struct Item
    {
        Post post;
        QDateTime created;
        QDateTime updated;
        QString localId; //!< pending creates only
        QString failure; //!< pending creates only
    };
    struct Journal
    {
        EventType type;
        QJsonObject frame;
    };

    static Item makeItem(const Post &post);
    const Item &itemAt(int row) const;
    int pendingRowOf(const QString &localId) const;
    //! Index among m_posts where `postId` is or would go (descending ids).
    qsizetype lowerBound(qint64 postId) const;
    bool inLoadedRange(qint64 postId) const;
    void emitRowChanged(int row);

    PendingChanges<Item> m_pending; //!< creates newest first; overlays survive a reload
    QList<Item> m_posts; //!< descending id
    bool m_more = false;
    bool m_loaded = false;
    bool m_fetching = false;
    bool m_reloading = false;
    QList<Journal> m_journal;
};

} // namespace Hubbub::Client
