#include "session.h"

#include "channelmodel.h"
#include "chatmodel.h"
#include "connection.h"
#include "downloads.h"
#include "eventrouter.h"
#include "feedmodel.h"
#include "imagecache.h"
#include "landiscovery.h"
#include "localcache.h"
#include "logging.h"
#include "outboxprojection.h"
#include "outboxsender.h"
#include "peoplemodel.h"
#include "readstate.h"
#include "reply.h"
#include "typing.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QPointer>

namespace Hubbub::Client {

namespace {

//! The `files` parameter of a create: the ids of uploaded files (part "files").
QJsonArray fileIds(const QList<File> &files)
{
    QJsonArray ids;
    for (const File &file : files)
        ids.append(file.id);
    return ids;
}

constexpr int FeedPageSize = 30;
constexpr int ChatPageSize = 100;

QList<Post> postsOf(const QJsonObject &result)
{
    QList<Post> posts;
    const QJsonArray array = result.value(QStringLiteral("posts")).toArray();
    posts.reserve(array.size());
    for (const QJsonValue &value : array)
        posts.append(Post::fromJson(value.toObject()));
    return posts;
}

QList<Message> messagesOf(const QJsonObject &result)
{
    QList<Message> messages;
    const QJsonArray array = result.value(QStringLiteral("messages")).toArray();
    messages.reserve(array.size());
    for (const QJsonValue &value : array)
        messages.append(Message::fromJson(value.toObject()));
    return messages;
}

} // namespace

Session::Session(Paths paths, QObject *parent)
    : QObject(parent)
    , m_paths(std::move(paths))
    , m_state {{}, new FeedModel(this), new ChannelModel(this), new PeopleModel(this), {}}
    , m_connection(new Connection(this))
    , m_outbox(new Outbox({}, this))
    , m_images(new ImageCache(m_connection,
          m_paths.cacheDir.isEmpty() ? QString() : m_paths.cacheDir + QStringLiteral("/images"),
          96 * 1024 * 1024, this))
    , m_downloads(new Downloads(m_connection, this))
    , m_typing(new Typing(m_connection, m_state, this))
    , m_router(new EventRouter(m_connection, m_state, m_typing, this))
    // The projection before the sender: a new change shows before it goes out.
    , m_projection(new OutboxProjection(m_outbox, m_state, this))
    , m_sender(new OutboxSender(m_outbox, m_connection, m_images, m_projection, this))
    // After the router: its catch-up `sync` goes out first, the server's counts then win.
    , m_read(new ReadState(m_connection, m_state.channels, this))
    , m_discovery(new LanDiscovery(this))
{
    connect(
        m_connection, &Connection::signedIn, this, [this](const User &user, const QString &token) {
            adoptUser(user);
            // Always: after a sign-out another account may sign in, and the queue open now is
            // not theirs to send. (openOutbox() does nothing when it is already the right one.)
            openOutbox(m_deployment.key(), user.id);
            openCache(m_deployment.key(), user.id);
            Q_EMIT signedIn(user, token);
        });
    connect(m_connection, &Connection::signInFailed, this, &Session::signInFailed);
    connect(m_connection, &Connection::userChanged, this, [this](const User &user) {
        adoptUser(user);
        Q_EMIT userChanged(user);
    });
    connect(m_connection, &Connection::reloadRequired, this, &Session::reloadViews);
    connect(m_read, &ReadState::failed, this, &Session::requestFailed);
    connect(m_connection, &Connection::online, this, &Session::onOnline);
    connect(m_connection, &Connection::stateChanged, this, [this](Connection::State state) {
        // Connecting straight after Online: a drop moved on to another address of the
        // deployment at once, without Waiting.
        if (state == Connection::State::Waiting || state == Connection::State::Disconnected
            || state == Connection::State::Connecting) {
            m_state.people->clear();
            m_typing->clear();
        }
    });

    connect(m_state.feed, &FeedModel::fetchMoreRequested, this, [this](qint64 beforeId) {
        m_connection->request(MessageType::FeedPage,
            {{QStringLiteral("before"), beforeId}, {QStringLiteral("limit"), FeedPageSize}}, this,
            [this](const Reply &reply) {
                if (!reply.ok())
                    return m_state.feed->fetchFailed();
                m_state.feed->appendPage(
                    postsOf(reply.result()), reply.result().value(QStringLiteral("more")).toBool());
            });
    });
    connect(m_typing, &Typing::typingChanged, this, &Session::typingChanged);
    connect(m_router, &EventRouter::unreadChanged, this, &Session::unreadChanged);
    connect(m_router, &EventRouter::notify, this, &Session::notify);
    connect(m_sender, &OutboxSender::refused, this, &Session::changeRefused);

    if (!m_paths.dataDir.isEmpty()) {
        m_cache = new LocalCache(this);
        m_cacheTimer.setSingleShot(true);
        m_cacheTimer.setInterval(CacheIntervalMs);
        connect(&m_cacheTimer, &QTimer::timeout, this, &Session::saveCache);
        // What changes the cached state: events, pages, lists, counts.
        connect(m_connection, &Connection::eventReceived, this, &Session::scheduleCacheSave);
        connect(m_router, &EventRouter::unreadChanged, this, &Session::scheduleCacheSave);
        for (QAbstractItemModel *model : std::initializer_list<QAbstractItemModel *> {
                 m_state.feed, m_state.channels, m_state.people}) {
            connect(model, &QAbstractItemModel::modelReset, this, &Session::scheduleCacheSave);
            connect(model, &QAbstractItemModel::rowsInserted, this, &Session::scheduleCacheSave);
            connect(model, &QAbstractItemModel::dataChanged, this, &Session::scheduleCacheSave);
        }
    }
    connect(m_sender, &OutboxSender::lost, this, [this](const Outbox::Entry &entry) {
        const QString notice
            = QCoreApplication::translate("Hubbub::Client::Outbox", entry.kind().lostNotice)
                  .arg(entry.subject);
        Q_EMIT changeLost(
            notice, entry.kind().domain == ChangeDomain::Chat ? entry.channelId() : 0);
    });
}

QString Session::subjectOf(MessageType type, const QJsonObject &params) const
{
    const ChangeKind *kind = changeKind(type);
    if (!kind || !kind->targetKey)
        return {};
    const qint64 target = params.value(QLatin1StringView(kind->targetKey)).toInteger();
    QString subject;
    if (kind->domain == ChangeDomain::Feed) {
        if (const auto post = m_state.feed->post(target))
            subject = post->title;
    } else if (ChatModel *chat
        = m_state.openChat(params.value(QStringLiteral("channelId")).toInteger())) {
        if (const auto message = chat->message(target))
            subject = message->text;
    }
    // One line, short enough for a status bar.
    constexpr int Max = 32;
    subject = subject.simplified();
    return subject.size() <= Max ? subject : subject.left(Max - 1) + QChar(0x2026);
}

Session::~Session()
{
    // The state as the app closes, so the next start begins from here.
    saveCache();
}

ChatModel *Session::chat(qint64 channelId)
{
    if (ChatModel *model = m_state.openChat(channelId))
        return model;
    ChatModel *model = addChat(channelId);
    if (m_connection->isOnline())
        loadChat(model);
    return model;
}

ChatModel *Session::addChat(qint64 channelId)
{
    auto *model = new ChatModel(channelId, this);
    model->setSelfId(m_state.user.id);
    m_state.chats.emplace(channelId, model);
    connect(
        model, &ChatModel::fetchMoreRequested, this, [this, model](qint64 channel, qint64 before) {
            m_connection->request(MessageType::ChatHistory,
                {{QStringLiteral("channelId"), channel}, {QStringLiteral("before"), before},
                    {QStringLiteral("limit"), ChatPageSize}},
                model, [model](const Reply &reply) {
                    if (!reply.ok())
                        return model->fetchFailed();
                    model->prependPage(messagesOf(reply.result()),
                        reply.result().value(QStringLiteral("more")).toBool());
                });
        });
    connect(model, &ChatModel::fetchNewerRequested, this, [this, model](qint64, qint64 after) {
        // The messages after `after`: a chat.around page from it, its older half known.
        m_connection->request(MessageType::ChatAround,
            {{QStringLiteral("messageId"), after}, {QStringLiteral("limit"), 200}}, model,
            [model](const Reply &reply) {
                model->appendNewer(reply.ok() ? messagesOf(reply.result()) : QList<Message>(),
                    reply.ok() ? reply.result().value(QStringLiteral("moreAfter")).toBool() : true);
            });
    });
    if (m_cache) {
        connect(model, &QAbstractItemModel::modelReset, this, &Session::scheduleCacheSave);
        connect(model, &QAbstractItemModel::rowsInserted, this, &Session::scheduleCacheSave);
    }
    m_projection->showChannel(channelId);
    return model;
}

void Session::openOutbox(const QUrl &url, qint64 userId)
{
    if (m_paths.dataDir.isEmpty() || userId == 0)
        return;
    const QString path = m_paths.dataDir + QStringLiteral("/outbox-") + accountFileKey(url, userId)
        + QStringLiteral(".json");
    if (m_outbox->path() == path)
        return;
    if (!m_outbox->open(path))
        qCWarning(lcClient) << "outbox:" << m_outbox->errorString();
}

void Session::signIn(const Deployment &deployment, const QString &username, const QString &password,
    bool createAccount, const QString &invite)
{
    m_deployment = deployment;
    m_connection->signIn(deployment, username, password, createAccount, invite);
}

void Session::resume(const Deployment &deployment, const QString &token, const User &user)
{
    m_deployment = deployment;
    // Its files are the deployment's whichever address is in use: its first one names them.
    const QUrl url = deployment.key();
    adoptUser(user);
    openOutbox(url, user.id);
    qint64 fromSeq = -1;
    if (m_cache && user.id != 0) {
        const CachedState state = m_cache->open(
            LocalCache::fileFor(m_paths.dataDir, url, user.id), url, user.id, FirstScreenPosts);
        if (restoreCache(state)) {
            fromSeq = state.seq;
            if (state.olderPostsCached) {
                // The catch-up waits for them (the connection opens and signs in meanwhile): an
                // event about one of them must find it in the feed, and a snapshot must not
                // leave them out.
                m_olderPostsPending = true;
                m_connection->holdCatchUp(true);
                connect(
                    m_cache, &LocalCache::olderPostsRead, this,
                    [this, more = state.feedMore, generation = m_accountGeneration](
                        const QList<Post> &posts) {
                        if (generation != m_accountGeneration)
                            return; // signed out or switched meanwhile
                        m_olderPostsPending = false;
                        m_state.feed->appendPage(posts, more);
                        m_connection->holdCatchUp(false);
                    },
                    Qt::SingleShotConnection);
            }
        }
    }
    m_connection->resume(deployment, token, fromSeq);
}

void Session::signOut()
{
    m_connection->signOut();
    if (m_cache)
        m_cache->remove();
    forgetAccount();
}

void Session::leave()
{
    // Kept: whoever comes back to this account with resume() starts from it.
    saveCache();
    if (m_cache)
        m_cache->close();
    m_connection->leave();
    forgetAccount();
}

void Session::adoptUser(const User &user)
{
    m_state.user = user;
    m_state.channels->setUserId(user.id);
    // The conversations opened so far stay open across a switch of account: whose mentions
    // and reactions are "mine" changes with it.
    for (const auto &[channelId, chat] : m_state.chats)
        chat->setSelfId(user.id);
}

void Session::forgetAccount()
{
    ++m_accountGeneration;
    m_olderPostsPending = false;
    m_cacheTimer.stop();
    m_fromCache = false;
    m_viewedAt.clear();
    m_state.user = {};
    m_sender->reset();
    m_router->resetUnread();
    m_read->reset();
    // The next account's conversations are not these.
    m_state.channels->setChannels({}, Channel::Kind::Direct);
}

bool Session::mayChange(qint64 authorId) const
{
    const User &user = m_state.user;
    return user.id != 0 && (authorId == user.id || user.isAdmin());
}

void Session::setCurrentView(qint64 channelId)
{
    if (channelId != 0)
        m_viewedAt.insert(channelId, QDateTime::currentMSecsSinceEpoch());
    m_router->setCurrentView(channelId);
}

qint64 Session::currentView() const
{
    return m_router->currentView();
}

void Session::setWindowActive(bool active)
{
    m_router->setWindowActive(active);
}

int Session::feedUnread() const
{
    return m_router->feedUnread();
}

int Session::totalUnread() const
{
    return m_router->totalUnread();
}

UnreadState Session::unreadState() const
{
    return m_router->unreadState();
}

void Session::restoreUnread(const UnreadState &state)
{
    // The cache's counts are those of the seq the connection catches up from: the events after
    // it count themselves as they come. The kept `state` would count them twice.
    if (m_fromCache)
        return;
    m_router->restoreUnread(state);
    // Its catch-up `sync` may have just gone out, after the read.state of going online: ask
    // again, so that the server's counts (when it keeps them) come last and win.
    if (m_connection->isOnline())
        m_read->refresh();
}

// --- loading -------------------------------------------------------------------------------

void Session::reloadViews()
{
    m_viewsNeedReload = false;
    m_fromCache = false;
    m_state.feed->beginReload();
    m_reloadsPending += 3;
    m_connection->request(MessageType::FeedPage, {{QStringLiteral("limit"), FeedPageSize}}, this,
        [this](const Reply &reply) {
            --m_reloadsPending;
            if (!reply.ok()) {
                m_viewsNeedReload = true;
                return;
            }
            m_state.feed->finishReload(
                postsOf(reply.result()), reply.result().value(QStringLiteral("more")).toBool());
        });
    m_connection->request(MessageType::ChannelList, {}, this, [this](const Reply &reply) {
        --m_reloadsPending;
        if (!reply.ok()) {
            m_viewsNeedReload = true;
            return;
        }
        QList<Channel> channels;
        const QJsonArray array = reply.result().value(QStringLiteral("channels")).toArray();
        for (const QJsonValue &value : array)
            channels.append(Channel::fromJson(value.toObject()));
        m_state.channels->setChannels(channels);
    });
    m_connection->request(MessageType::DmList, {}, this, [this](const Reply &reply) {
        --m_reloadsPending;
        // A server without direct messages (no `dm` feature) refuses the verb: none to show.
        if (reply.isTransportFailure()) {
            m_viewsNeedReload = true;
            return;
        }
        QList<Channel> channels;
        const QJsonArray array = reply.result().value(QStringLiteral("channels")).toArray();
        for (const QJsonValue &value : array)
            channels.append(Channel::fromJson(value.toObject()));
        m_state.channels->setChannels(channels, Channel::Kind::Direct);
    });
    for (const auto &[id, model] : m_state.chats)
        loadChat(model);
}

void Session::loadChat(ChatModel *model)
{
    model->beginReload();
    m_connection->request(MessageType::ChatHistory,
        {{QStringLiteral("channelId"), model->channelId()},
            {QStringLiteral("limit"), ChatPageSize}},
        model, [this, model](const Reply &reply) {
            if (!reply.ok()) {
                if (reply.isTransportFailure())
                    m_viewsNeedReload = true;
                else
                    model->finishReload({}, false); // e.g. the channel is gone
                return;
            }
            model->finishReload(
                messagesOf(reply.result()), reply.result().value(QStringLiteral("more")).toBool());
        });
}

// --- the local cache -------------------------------------------------------------------------

void Session::openCache(const QUrl &url, qint64 userId)
{
    if (!m_cache || userId == 0)
        return;
    const QString path = LocalCache::fileFor(m_paths.dataDir, url, userId);
    if (m_cache->path() != path)
        m_cache->open(path, url, userId);
}

bool Session::restoreCache(const CachedState &state)
{
    if (state.seq < 0)
        return false;
    m_state.feed->beginReload();
    m_state.feed->finishReload(state.posts, state.feedMore || state.olderPostsCached);
    QList<Channel> publicChannels;
    QList<Channel> direct;
    for (const Channel &channel : state.channels)
        (channel.kind == Channel::Kind::Direct ? direct : publicChannels).append(channel);
    m_state.channels->setChannels(publicChannels);
    m_state.channels->setChannels(direct, Channel::Kind::Direct);
    QHash<qint64, qint64> positions;
    for (auto it = state.extras.cbegin(); it != state.extras.cend(); ++it) {
        m_state.channels->setCounts(it.key(), it->unread, it->mentions);
        if (!it->level.isEmpty())
            m_state.channels->setNotifyLevel(it.key(), it->level);
        if (it->lastRead >= 0)
            positions.insert(it.key(), it->lastRead);
    }
    m_read->restorePositions(positions);
    UnreadState unread;
    unread.feed = state.feedUnread; // seq -1: nothing to count again
    m_router->restoreUnread(unread);
    m_state.people->setEveryone(state.people);
    for (const CachedState::Chat &cached : state.chats) {
        ChatModel *model = m_state.openChat(cached.channelId);
        if (!model)
            model = addChat(cached.channelId);
        model->beginReload();
        model->finishReload(cached.messages, cached.more);
        m_viewedAt.insert(cached.channelId, cached.viewedAt);
    }
    m_fromCache = true;
    qCInfo(lcClient) << "cache: restored" << state.posts.size() << "posts," << state.channels.size()
                     << "channels," << state.chats.size() << "conversations at seq" << state.seq;
    return true;
}

bool Session::viewsSettled() const
{
    if (m_reloadsPending > 0 || m_olderPostsPending || !m_state.feed->isLoaded()
        || m_state.feed->isReloading())
        return false;
    for (const auto &[id, model] : m_state.chats) {
        if (model->isReloading())
            return false;
    }
    return true;
}

void Session::scheduleCacheSave()
{
    if (m_cache && m_cache->isOpen() && !m_cacheTimer.isActive())
        m_cacheTimer.start();
}

void Session::saveCache()
{
    m_cacheTimer.stop();
    if (!m_cache || !m_cache->isOpen() || m_state.user.id == 0 || m_connection->lastSeq() < 0)
        return;
    if (!viewsSettled()) {
        // Mid-reload the rows are not those of lastSeq(): try again once it has settled.
        m_cacheTimer.start();
        return;
    }
    CachedState state;
    state.seq = m_connection->lastSeq();
    state.user = m_state.user;
    state.posts = m_state.feed->storedPosts(LocalCache::MaxPosts);
    state.feedMore = m_state.feed->hasMore() || state.posts.size() == LocalCache::MaxPosts;
    const UnreadState unread = m_router->unreadState();
    state.feedUnread = unread.feed;
    const QHash<qint64, qint64> positions = m_read->positions();
    for (int row = 0; row < m_state.channels->rowCount(); ++row) {
        const Channel channel = m_state.channels->channelAt(row);
        state.channels.append(channel);
        const QString level = m_state.channels->notifyLevel(channel.id);
        state.extras.insert(channel.id,
            {unread.channels.value(channel.id), m_state.channels->mentions(channel.id),
                level == QLatin1StringView("all") ? QString() : level,
                positions.value(channel.id, -1)});
    }
    // The conversations looked at most recently, each holding its newest messages (one showing
    // an older stretch after a jump is left out: it is not the newest).
    QList<ChatModel *> chats;
    for (const auto &[id, model] : m_state.chats) {
        if (model->isLoaded() && !model->hasMoreAfter())
            chats.append(model);
    }
    std::sort(chats.begin(), chats.end(), [this](ChatModel *a, ChatModel *b) {
        return m_viewedAt.value(a->channelId()) > m_viewedAt.value(b->channelId());
    });
    if (chats.size() > LocalCache::MaxChats)
        chats.resize(LocalCache::MaxChats);
    for (ChatModel *model : std::as_const(chats)) {
        CachedState::Chat chat;
        chat.channelId = model->channelId();
        chat.messages = model->storedMessages(LocalCache::MaxMessages);
        chat.more = model->hasMore() || chat.messages.size() == LocalCache::MaxMessages;
        chat.viewedAt = m_viewedAt.value(chat.channelId);
        state.chats.append(chat);
    }
    state.people = m_state.people->everyone();
    m_cache->save(state);
}

void Session::onOnline()
{
    // Everyone with an account, for mentions (extension "profiles"; a v1 server answers
    // bad_request and only who is online is known).
    m_connection->request(MessageType::UserList, {}, this, [this](const Reply &reply) {
        if (!reply.ok())
            return;
        QList<User> users;
        const QJsonArray array = reply.result().value(QStringLiteral("users")).toArray();
        for (const QJsonValue &value : array)
            users.append(User::fromJson(value.toObject()));
        m_state.people->setEveryone(users);
    });
    if (m_viewsNeedReload) {
        reloadViews();
    } else {
        for (const auto &[id, model] : m_state.chats) {
            if (!model->isLoaded())
                loadChat(model);
        }
    }
    m_sender->resume();
}

void Session::sendTyping(qint64 channelId)
{
    m_typing->send(channelId);
}

QStringList Session::typingIn(qint64 channelId) const
{
    return m_typing->typingIn(channelId);
}

// --- requests that are not queued ----------------------------------------------------------

void Session::createChannel(const QString &name, const QString &topic, QObject *context,
    std::function<void(const Reply &)> done)
{
    QJsonObject params {{QStringLiteral("name"), name}};
    if (!topic.isEmpty())
        params.insert(QStringLiteral("topic"), topic);
    m_connection->request(MessageType::ChannelCreate, params, context,
        [this, done = std::move(done)](const Reply &reply) {
            if (reply.ok()) {
                m_state.channels->upsert(
                    Channel::fromJson(reply.result().value(QStringLiteral("channel")).toObject()));
            }
            if (done)
                done(reply);
        });
}

void Session::openDirect(
    const QList<qint64> &userIds, QObject *context, std::function<void(qint64, const Reply &)> done)
{
    // Known already: no round trip (dm.open would answer the same conversation).
    if (const qint64 known = m_state.channels->directWith(userIds); known != 0) {
        if (done)
            done(known, Reply::success({}));
        return;
    }
    QJsonArray ids;
    for (qint64 id : userIds)
        ids.append(id);
    m_connection->request(MessageType::DmOpen, {{QStringLiteral("userIds"), ids}}, context,
        [this, done = std::move(done)](const Reply &reply) {
            qint64 channelId = 0;
            if (reply.ok()) {
                const Channel channel
                    = Channel::fromJson(reply.result().value(QStringLiteral("channel")).toObject());
                m_state.channels->upsert(channel);
                channelId = channel.id;
            }
            if (done)
                done(channelId, reply);
        });
}

void Session::rename(
    const QString &username, QObject *context, std::function<void(const Reply &)> done)
{
    m_connection->request(MessageType::UserRename, {{QStringLiteral("username"), username}},
        context, std::move(done));
}

void Session::listVersions(
    qint64 messageId, qint64 postId, QObject *context, std::function<void(const Reply &)> done)
{
    if (postId != 0) {
        m_connection->request(MessageType::PostVersions, {{QStringLiteral("postId"), postId}},
            context, std::move(done));
        return;
    }
    m_connection->request(MessageType::ChatVersions, {{QStringLiteral("messageId"), messageId}},
        context, std::move(done));
}

void Session::listReviews(qint64 postId, QObject *context, std::function<void(const Reply &)> done)
{
    m_connection->request(
        MessageType::ReviewList, {{QStringLiteral("postId"), postId}}, context, std::move(done));
}

void Session::setProfile(const QString &displayName, const ImageChange &avatar, QObject *context,
    std::function<void(const Reply &)> done)
{
    QJsonObject params {{QStringLiteral("displayName"), displayName}};
    if (avatar.kind == ImageChange::Kind::Remove)
        params.insert(QStringLiteral("avatarId"), QJsonValue::Null);
    if (avatar.kind != ImageChange::Kind::Replace) {
        m_connection->request(MessageType::UserProfile, params, context, std::move(done));
        return;
    }
    // Not through the outbox: the dialog stays open until the server has answered, so a
    // refusal (too big a picture, a name with control characters) is shown where it was typed.
    QJsonObject upload {{QStringLiteral("data"), QString::fromLatin1(avatar.bytes.toBase64())}};
    if (!avatar.mime.isEmpty())
        upload.insert(QStringLiteral("mime"), avatar.mime);
    QPointer<QObject> guard(context);
    m_connection->request(
        MessageType::ImageUpload, upload, context,
        [this, guard, params, bytes = avatar.bytes, done = std::move(done)](
            const Reply &reply) mutable {
            if (!reply.ok() || !guard)
                return done(reply);
            const QString imageId = reply.result().value(QStringLiteral("imageId")).toString();
            m_images->insert(imageId, bytes);
            params.insert(QStringLiteral("avatarId"), imageId);
            m_connection->request(MessageType::UserProfile, params, guard, std::move(done));
        },
        std::chrono::seconds(180));
}

// --- changes through the outbox ------------------------------------------------------------

QString Session::createPost(const QString &title, const QString &content, const QByteArray &image,
    const QString &mime, const QList<File> &files)
{
    QJsonObject params {{QStringLiteral("title"), title}, {QStringLiteral("content"), content}};
    if (!files.isEmpty())
        params.insert(QStringLiteral("files"), fileIds(files));
    return m_outbox->enqueue(MessageType::PostCreate, params, image, mime);
}

void Session::updatePost(
    qint64 postId, const QString &title, const QString &content, const ImageChange &image)
{
    QJsonObject params {{QStringLiteral("postId"), postId}, {QStringLiteral("title"), title},
        {QStringLiteral("content"), content}};
    if (image.kind == ImageChange::Kind::Remove)
        params.insert(QStringLiteral("imageId"), QJsonValue::Null);
    m_outbox->enqueue(MessageType::PostUpdate, params,
        image.kind == ImageChange::Kind::Replace ? image.bytes : QByteArray(), image.mime,
        subjectOf(MessageType::PostUpdate, params));
}

void Session::deletePost(qint64 postId)
{
    m_outbox->enqueue(MessageType::PostDelete, {{QStringLiteral("postId"), postId}});
}

void Session::createReview(qint64 postId, int rating, const QString &comment)
{
    const QJsonObject params {{QStringLiteral("postId"), postId},
        {QStringLiteral("rating"), rating}, {QStringLiteral("comment"), comment}};
    m_outbox->enqueue(
        MessageType::ReviewCreate, params, {}, {}, subjectOf(MessageType::ReviewCreate, params));
}

QString Session::sendMessage(
    qint64 channelId, const QString &text, qint64 replyTo, const QList<File> &files)
{
    m_typing->messageSent(channelId);
    QJsonObject params {{QStringLiteral("channelId"), channelId}, {QStringLiteral("text"), text}};
    if (replyTo > 0)
        params.insert(QStringLiteral("replyTo"), replyTo);
    if (!files.isEmpty())
        params.insert(QStringLiteral("files"), fileIds(files));
    return m_outbox->enqueue(MessageType::ChatSend, params);
}

void Session::setReaction(qint64 messageId, qint64 postId, const QString &emoji, bool on,
    QObject *context, std::function<void(const Reply &)> done)
{
    QJsonObject params {{QStringLiteral("emoji"), emoji}, {QStringLiteral("on"), on}};
    if (messageId > 0)
        params.insert(QStringLiteral("messageId"), messageId);
    else
        params.insert(QStringLiteral("postId"), postId);
    m_connection->request(MessageType::ReactionSet, params, context ? context : this,
        [this, done = std::move(done)](const Reply &reply) {
            if (reply.ok()) {
                // The answer is the state now, the same the event carries: shown at once.
                const QJsonObject &r = reply.result();
                const QList<Reaction> reactions
                    = reactionsFromJson(r.value(QStringLiteral("reactions")).toArray());
                if (r.contains(QStringLiteral("postId"))) {
                    m_state.feed->setReactions(
                        r.value(QStringLiteral("postId")).toInteger(), reactions);
                } else if (ChatModel *chat
                    = m_state.openChat(r.value(QStringLiteral("channelId")).toInteger())) {
                    chat->setReactions(r.value(QStringLiteral("messageId")).toInteger(), reactions);
                }
            } else {
                // Not queued: a reaction means something now, not hours later. Say it did not
                // happen rather than leave the chip as if nothing had been clicked.
                Q_EMIT requestFailed(
                    tr("The reaction was not saved: %1").arg(reply.error().message));
            }
            if (done)
                done(reply);
        });
}

void Session::loadAround(
    qint64 channelId, qint64 messageId, QObject *context, std::function<void(const Reply &)> done)
{
    ChatModel *model = chat(channelId);
    m_connection->request(MessageType::ChatAround,
        {{QStringLiteral("messageId"), messageId}, {QStringLiteral("limit"), ChatPageSize}},
        context, [model, done = std::move(done)](const Reply &reply) {
            if (reply.ok()) {
                model->showAround(messagesOf(reply.result()),
                    reply.result().value(QStringLiteral("moreBefore")).toBool(),
                    reply.result().value(QStringLiteral("moreAfter")).toBool());
            }
            if (done)
                done(reply);
        });
}

void Session::editMessage(qint64 messageId, qint64 channelId, const QString &text)
{
    const QJsonObject params {{QStringLiteral("messageId"), messageId},
        {QStringLiteral("channelId"), channelId}, {QStringLiteral("text"), text}};
    m_outbox->enqueue(
        MessageType::ChatEdit, params, {}, {}, subjectOf(MessageType::ChatEdit, params));
}

void Session::deleteMessage(qint64 messageId, qint64 channelId)
{
    m_outbox->enqueue(MessageType::ChatDelete,
        {{QStringLiteral("messageId"), messageId}, {QStringLiteral("channelId"), channelId}});
}

bool Session::editPending(const QString &localId, const QString &title, const QString &text)
{
    const auto entry = m_outbox->entry(localId);
    if (!entry || entry->status == Outbox::Status::Sending || entry->kind().op != ChangeOp::Create)
        return false;
    QJsonObject params = entry->params;
    switch (entry->kind().domain) {
    case ChangeDomain::Feed:
        params.insert(QStringLiteral("title"), title);
        params.insert(QStringLiteral("content"), text);
        break;
    case ChangeDomain::Chat:
        params.insert(QStringLiteral("text"), text);
        break;
    }
    const bool ok = m_outbox->updateParams(localId, params);
    m_sender->pump();
    return ok;
}

void Session::retry(const QString &localId)
{
    m_sender->retry(localId);
}

void Session::discard(const QString &localId)
{
    m_sender->discard(localId);
}

} // namespace Hubbub::Client
