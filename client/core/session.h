#pragma once

#include "deployment.h"
#include "error.h"
#include "outbox.h"
#include "sessionstate.h"
#include "types.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <functional>

namespace Hubbub::Client {

class ChannelModel;
class ChatModel;
class Connection;
class Downloads;
class EventRouter;
class FeedModel;
class ImageCache;
class LanDiscovery;
class LocalCache;
struct CachedState;
class OutboxProjection;
class OutboxSender;
class PeopleModel;
class ReadState;
class Reply;
class Typing;

//! What a post edit does with the post's image.
struct ImageChange
{
    enum class Kind { Keep, Remove, Replace } kind = Kind::Keep;
    QByteArray bytes; //!< for Replace
    QString mime;
};

//! Everything one signed-in user sees and does, without any widget: the facade the widgets
//! talk to. It owns the connection, the models, the outbox and the parts that do the work:
//! OutboxSender (changes to the server), OutboxProjection (queued changes in the models),
//! EventRouter (the server's events to the models, unread counts, notifications) and Typing.
class Session final : public QObject
{
    Q_OBJECT
public:
    struct Paths
    {
        //! outboxes and the local cache live here; empty keeps them in memory, with no cache
        QString dataDir;
        QString cacheDir; //!< images; empty keeps them in memory
    };

    explicit Session(Paths paths, QObject *parent = nullptr);
    ~Session() override;
    Q_DISABLE_COPY_MOVE(Session)

    Connection *connection() const { return m_connection; }
    FeedModel *feed() const { return m_state.feed; }
    ChannelModel *channels() const { return m_state.channels; }
    PeopleModel *people() const { return m_state.people; }
    Outbox *outbox() const { return m_outbox; }
    ImageCache *images() const { return m_images; }
    //! Attachments being downloaded (part "files").
    Downloads *downloads() const { return m_downloads; }
    //! Read positions and notification levels, kept on the server (part "read").
    ReadState *readState() const { return m_read; }
    //! Servers found on the local network; started while the sign-in dialog shows.
    LanDiscovery *discovery() const { return m_discovery; }
    //! The model of a channel, created and loaded on first use.
    ChatModel *chat(qint64 channelId);

    //! `invite`: the code for a server that takes new accounts by invitation (createAccount).
    //! The account's outbox and local cache are the deployment's (Deployment::key()), whichever
    //! of its addresses is in use.
    void signIn(const Deployment &deployment, const QString &username, const QString &password,
        bool createAccount, const QString &invite = {});
    //! Opens with a remembered token; the outbox of that account shows at once, even offline,
    //! and so does everything its local cache kept: the connection then catches up from the
    //! cache's seq instead of reloading the views.
    void resume(const Deployment &deployment, const QString &token, const User &user);
    //! auth.logout; this account's local cache is deleted.
    void signOut();
    //! Like signOut() but the token stays valid on the server: to sign in elsewhere and come
    //! back with resume() if that is cancelled.
    void leave();

    User user() const { return m_state.user; }
    //! Whether the signed-in user may edit or delete an entry by `authorId`.
    bool mayChange(qint64 authorId) const;

    //! What the user is looking at: 0 the feed, else a channel. Clears its unread count.
    void setCurrentView(qint64 channelId);
    qint64 currentView() const;
    void setWindowActive(bool active);
    //! New posts since the feed was last looked at.
    int feedUnread() const;
    int totalUnread() const;
    //! The unread counts to keep until the next run, and to show again then (EventRouter).
    UnreadState unreadState() const;
    //! Ignored when resume() found the counts in the local cache (they are those of its seq).
    void restoreUnread(const UnreadState &state);
    //! The local cache (nullptr without a data folder).
    LocalCache *cache() const { return m_cache; }
    //! Whether the views shown came from the local cache at resume() (until a reload).
    bool isFromCache() const { return m_fromCache; }
    //! Writes the local cache now (it is written at most every CacheIntervalMs otherwise).
    void saveCache();
    static constexpr int CacheIntervalMs = 2000;
    //! The posts of the cache shown before the rest is read (in the background): a screenful
    //! or three, for a quick first paint.
    static constexpr qsizetype FirstScreenPosts = 100;

    // Changes: each goes through the outbox and shows as pending until acknowledged.
    QString createPost(const QString &title, const QString &content, const QByteArray &image = {},
        const QString &mime = {}, const QList<File> &files = {});
    void updatePost(
        qint64 postId, const QString &title, const QString &content, const ImageChange &image = {});
    void deletePost(qint64 postId);
    void createReview(qint64 postId, int rating, const QString &comment);
    //! `replyTo`: the message this one answers (0: none). `files` are uploaded already
    //! (Uploads); the text may then be empty.
    QString sendMessage(
        qint64 channelId, const QString &text, qint64 replyTo = 0, const QList<File> &files = {});
    void editMessage(qint64 messageId, qint64 channelId, const QString &text);
    void deleteMessage(qint64 messageId, qint64 channelId);
    //! Edits the text of a change still in the outbox (a queued post or message).
    bool editPending(const QString &localId, const QString &title, const QString &text);
    void retry(const QString &localId);
    void discard(const QString &localId);

    // Requests that are not queued: they need an answer now.
    void createChannel(const QString &name, const QString &topic, QObject *context,
        std::function<void(const Reply &)> done);
    //! Opens the direct conversation with `userIds` (the others; 1..7) and calls `done` with its
    //! channel id (0 when refused, the reply says why). A conversation already listed is
    //! answered at once; a new one is added to channels() (DirectRole) before `done`.
    void openDirect(const QList<qint64> &userIds, QObject *context,
        std::function<void(qint64 channelId, const Reply &reply)> done);
    void rename(const QString &username, QObject *context, std::function<void(const Reply &)> done);
    void listReviews(qint64 postId, QObject *context, std::function<void(const Reply &)> done);
    //! Sets the display name ("" for none) and changes the picture as `avatar` says (a new one
    //! is uploaded first); `done` gets the user.profile reply, or the upload's failure.
    void setProfile(const QString &displayName, const ImageChange &avatar, QObject *context,
        std::function<void(const Reply &)> done);
    //! Puts (`on`) or takes away our `emoji` on a message (postId 0) or a post (messageId 0);
    //! the model shows the server's answer. Not queued: a reaction made offline fails.
    void setReaction(qint64 messageId, qint64 postId, const QString &emoji, bool on,
        QObject *context = nullptr, std::function<void(const Reply &)> done = {});
    //! Loads the messages around `messageId` into its channel's model (chat.around), then
    //! `done`: to jump to a message that is not loaded.
    void loadAround(qint64 channelId, qint64 messageId, QObject *context,
        std::function<void(const Reply &)> done);
    //! chat.versions (postId 0) or post.versions: the edit history, oldest first.
    void listVersions(
        qint64 messageId, qint64 postId, QObject *context, std::function<void(const Reply &)> done);
    //! Tells the others we are typing (at most once per 3 s per channel).
    void sendTyping(qint64 channelId);
    //! Who is typing in a channel now (not us).
    QStringList typingIn(qint64 channelId) const;

Q_SIGNALS:
    void signedIn(const Hubbub::User &user, const QString &token);
    void signInFailed(const Hubbub::Error &error);
    void userChanged(const Hubbub::User &user);
    void typingChanged(qint64 channelId);
    void unreadChanged(int total);
    //! Something happened the user may want to hear about while looking elsewhere.
    void notify(const QString &title, const QString &body, qint64 channelId);
    //! The server refused a queued change; it stays in the outbox as Failed.
    void changeRefused(const QString &localId, const QString &message);
    //! A queued edit or review was dropped because what it changed was deleted meanwhile:
    //! `notice` says so ("Your edit to “Lunch” was not saved: …"); `channelId` is where it
    //! was (0: the feed).
    void changeLost(const QString &notice, qint64 channelId);
    //! A change that is not queued (a reaction, a notification level) was not saved, offline
    //! or refused: `notice` says so, for the status bar.
    void requestFailed(const QString &notice);

private:
    //! What signOut() and leave() both drop here: the user, the sender's state, the counts.
    void forgetAccount();
    //! `user` is who is signed in now (a sign-in, a resume, a rename).
    void adoptUser(const User &user);
    void setUser(const User &user);
    void openOutbox(const QUrl &url, qint64 userId);
    void reloadViews();
    void loadChat(ChatModel *model);
    //! Creates the model of a channel with its connections, not loaded.
    ChatModel *addChat(qint64 channelId);
    //! Opens the cache of the signed-in account (a new sign-in: its rows are replaced by the
    //! next snapshot).
    void openCache(const QUrl &url, qint64 userId);
    //! Fills the models from the cache; false when it had nothing.
    bool restoreCache(const CachedState &state);
    void scheduleCacheSave();
    //! The views hold the state of lastSeq(): no reload is under way.
    bool viewsSettled() const;
    void onOnline();
    //! What the user calls the row a change of `type` with `params` is for (Entry::subject).
    QString subjectOf(MessageType type, const QJsonObject &params) const;

    Paths m_paths;
    SessionState m_state;
    Connection *m_connection;
    Outbox *m_outbox;
    ImageCache *m_images;
    Downloads *m_downloads;
    Typing *m_typing;
    EventRouter *m_router;
    OutboxProjection *m_projection;
    OutboxSender *m_sender;
    ReadState *m_read;
    LanDiscovery *m_discovery;
    LocalCache *m_cache = nullptr;
    QTimer m_cacheTimer;
    //! When the user last looked at each channel (ms since the epoch): the cache keeps the
    //! conversations looked at most recently.
    QHash<qint64, qint64> m_viewedAt;
    bool m_fromCache = false;
    //! resume() showed the newest cached posts; the older ones are being read.
    bool m_olderPostsPending = false;
    //! Changes with every sign-out or switch of account: what was under way for the last one
    //! is dropped.
    int m_accountGeneration = 0;
    //! Requests of reloadViews() not answered yet.
    int m_reloadsPending = 0;
    Deployment m_deployment;
    bool m_viewsNeedReload = false;
};

} // namespace Hubbub::Client
