#include "session.h"

#include "channelmodel.h"
#include "chatmodel.h"
#include "connection.h"
#include "feedmodel.h"
#include "imagecache.h"
#include "logging.h"
#include "peoplemodel.h"
#include "reply.h"

#include <QCryptographicHash>
#include <QJsonArray>

#include <chrono>

using namespace std::chrono_literals;

namespace Hubbub::Client {

namespace {

constexpr int FeedPageSize = 30;
constexpr int ChatPageSize = 100;
constexpr int TypingShownSeconds = 6;
constexpr int TypingSendSeconds = 3;

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

QString elide(const QString &text, int max = 140)
{
    const QString simple = text.simplified();
    return simple.size() <= max ? simple : simple.left(max - 1) + QChar(0x2026);
}

} // namespace

Session::Session(Paths paths, QObject *parent)
    : QObject(parent)
    , m_paths(std::move(paths))
    , m_connection(new Connection(this))
    , m_feed(new FeedModel(this))
    , m_channels(new ChannelModel(this))
    , m_people(new PeopleModel(this))
    , m_outbox(new Outbox({}, this))
    , m_images(new ImageCache(m_connection,
          m_paths.cacheDir.isEmpty() ? QString() : m_paths.cacheDir + QStringLiteral("/images"),
          96 * 1024 * 1024, this))
{
    connect(
        m_connection, &Connection::signedIn, this, [this](const User &user, const QString &token) {
            m_user = user;
            // Always: after a sign-out another account may sign in, and the queue open now is
            // not theirs to send. (openOutbox() does nothing when it is already the right one.)
            openOutbox(m_url, user.id);
            Q_EMIT signedIn(user, token);
        });
    connect(m_connection, &Connection::signInFailed, this, &Session::signInFailed);
    connect(m_connection, &Connection::userChanged, this, [this](const User &user) {
        m_user = user;
        Q_EMIT userChanged(user);
    });
    connect(m_connection, &Connection::reloadRequired, this, &Session::reloadViews);
    connect(m_connection, &Connection::eventReceived, this, &Session::onEvent);
    connect(m_connection, &Connection::online, this, &Session::onOnline);
    connect(m_connection, &Connection::presenceListed, m_people, &PeopleModel::setUsers);
    connect(m_connection, &Connection::presenceChanged, this, &Session::onPresence);
    connect(m_connection, &Connection::typing, this, &Session::onTyping);
    connect(m_connection, &Connection::stateChanged, this, [this](Connection::State state) {
        if (state == Connection::State::Waiting || state == Connection::State::Disconnected) {
            m_people->clear();
            const QList<qint64> channels = m_typing.keys();
            m_typing.clear();
            for (qint64 channelId : channels)
                Q_EMIT typingChanged(channelId);
        }
    });

    connect(m_feed, &FeedModel::fetchMoreRequested, this, [this](qint64 beforeId) {
        m_connection->request(MessageType::FeedPage,
            {{QStringLiteral("before"), beforeId}, {QStringLiteral("limit"), FeedPageSize}}, this,
            [this](const Reply &reply) {
                if (!reply.ok())
                    return m_feed->fetchFailed();
                m_feed->appendPage(
                    postsOf(reply.result()), reply.result().value(QStringLiteral("more")).toBool());
            });
    });
    connect(m_channels, &ChannelModel::totalUnreadChanged, this,
        [this] { Q_EMIT unreadChanged(totalUnread()); });

    connect(m_outbox, &Outbox::added, this, &Session::onOutboxAdded);
    connect(m_outbox, &Outbox::changed, this, &Session::onOutboxChanged);
    connect(m_outbox, &Outbox::removed, this, &Session::onOutboxRemoved);

    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &Session::pump);
    m_typingTimer.setInterval(1000);
    connect(&m_typingTimer, &QTimer::timeout, this, &Session::pruneTyping);
}

Session::~Session() = default;

ChatModel *Session::chat(qint64 channelId)
{
    if (auto it = m_chats.find(channelId); it != m_chats.end())
        return it->second;
    auto *model = new ChatModel(channelId, this);
    m_chats.emplace(channelId, model);
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
    const QList<Outbox::Entry> entries = m_outbox->entries();
    for (const Outbox::Entry &entry : entries) {
        if (entry.channelId() == channelId)
            applyMarkers(entry);
    }
    if (m_connection->isOnline())
        loadChat(model);
    return model;
}

void Session::openOutbox(const QUrl &url, qint64 userId)
{
    if (m_paths.dataDir.isEmpty() || userId == 0)
        return;
    const QByteArray key = url.adjusted(QUrl::StripTrailingSlash).toString().toUtf8() + '#'
        + QByteArray::number(userId);
    const QString name = QString::fromLatin1(
        QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex().left(16));
    const QString path
        = m_paths.dataDir + QStringLiteral("/outbox-") + name + QStringLiteral(".json");
    if (m_outbox->path() == path)
        return;
    if (!m_outbox->open(path))
        qCWarning(lcClient) << "outbox:" << m_outbox->errorString();
}

void Session::signIn(
    const QUrl &url, const QString &username, const QString &password, bool createAccount)
{
    m_url = url;
    m_connection->signIn(url, username, password, createAccount);
}

void Session::resume(const QUrl &url, const QString &token, const User &user)
{
    m_url = url;
    m_user = user;
    openOutbox(url, user.id);
    m_connection->resume(url, token);
}

void Session::signOut()
{
    m_connection->signOut();
    m_user = {};
    m_retryTimer.stop();
    m_inFlight.clear();
    m_internalFailures.clear();
    // The next account must not inherit this one's unread counts.
    m_feedUnread = 0;
    for (int row = 0; row < m_channels->rowCount(); ++row)
        m_channels->clearUnread(m_channels->channelAt(row).id);
    Q_EMIT unreadChanged(totalUnread());
}

bool Session::mayChange(qint64 authorId) const
{
    return m_user.id != 0 && (authorId == m_user.id || m_user.isAdmin());
}

void Session::setCurrentView(qint64 channelId)
{
    m_currentView = channelId;
    if (channelId == 0) {
        if (m_feedUnread != 0) {
            m_feedUnread = 0;
            Q_EMIT unreadChanged(totalUnread());
        }
    } else {
        m_channels->clearUnread(channelId);
    }
}

void Session::setWindowActive(bool active)
{
    m_windowActive = active;
    if (active)
        setCurrentView(m_currentView);
}

int Session::totalUnread() const
{
    return m_channels->totalUnread() + m_feedUnread;
}

// --- loading -------------------------------------------------------------------------------

void Session::reloadViews()
{
    m_viewsNeedReload = false;
    m_feed->beginReload();
    m_connection->request(MessageType::FeedPage, {{QStringLiteral("limit"), FeedPageSize}}, this,
        [this](const Reply &reply) {
            if (!reply.ok()) {
                m_viewsNeedReload = true;
                return;
            }
            m_feed->finishReload(
                postsOf(reply.result()), reply.result().value(QStringLiteral("more")).toBool());
        });
    m_connection->request(MessageType::ChannelList, {}, this, [this](const Reply &reply) {
        if (!reply.ok()) {
            m_viewsNeedReload = true;
            return;
        }
        QList<Channel> channels;
        const QJsonArray array = reply.result().value(QStringLiteral("channels")).toArray();
        for (const QJsonValue &value : array)
            channels.append(Channel::fromJson(value.toObject()));
        m_channels->setChannels(channels);
    });
    for (const auto &[id, model] : m_chats)
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

void Session::onOnline()
{
    if (m_viewsNeedReload) {
        reloadViews();
    } else {
        for (const auto &[id, model] : m_chats) {
            if (!model->isLoaded())
                loadChat(model);
        }
    }
    m_outbox->requeueSending();
    m_inFlight.clear();
    pump();
}

void Session::onEvent(qint64, const QString &name, const QJsonObject &frame)
{
    const bool live = m_connection->isOnline();
    if (name.startsWith(QLatin1String("post.")) || name == QLatin1String(Events::ReviewCreated)) {
        m_feed->applyEvent(name, frame);
        if (name == QLatin1String(Events::PostCreated)) {
            const Post post = Post::fromJson(frame.value(QStringLiteral("post")).toObject());
            if (post.author.id != m_user.id) {
                if (m_currentView != 0 || !m_windowActive) {
                    ++m_feedUnread;
                    Q_EMIT unreadChanged(totalUnread());
                }
                if (live && !m_windowActive) {
                    Q_EMIT notify(
                        tr("New post by %1").arg(post.author.username), elide(post.title), 0);
                }
            }
        }
        return;
    }
    if (name.startsWith(QLatin1String("message."))) {
        const qint64 channelId = name == QLatin1String(Events::MessageDeleted)
            ? frame.value(QStringLiteral("channelId")).toInteger()
            : frame.value(QStringLiteral("message"))
                  .toObject()
                  .value(QStringLiteral("channelId"))
                  .toInteger();
        if (auto it = m_chats.find(channelId); it != m_chats.end())
            it->second->applyEvent(name, frame);
        if (name == QLatin1String(Events::MessageCreated)) {
            const Message message
                = Message::fromJson(frame.value(QStringLiteral("message")).toObject());
            if (message.author.id != m_user.id) {
                auto typists = m_typing.find(channelId);
                if (typists != m_typing.end() && typists->remove(message.author.id))
                    Q_EMIT typingChanged(channelId);
                if (m_currentView != channelId || !m_windowActive)
                    m_channels->addUnread(channelId);
                if (live && !m_windowActive) {
                    const int row = m_channels->rowOf(channelId);
                    const QString channel
                        = row >= 0 ? m_channels->channelAt(row).name : QString::number(channelId);
                    Q_EMIT notify(tr("%1 in #%2").arg(message.author.username, channel),
                        elide(message.text), channelId);
                }
            }
        }
        return;
    }
    if (name == QLatin1String(Events::ChannelCreated)) {
        m_channels->upsert(Channel::fromJson(frame.value(QStringLiteral("channel")).toObject()));
        return;
    }
    if (name == QLatin1String(Events::UserRenamed)) {
        const User user = User::fromJson(frame.value(QStringLiteral("user")).toObject());
        // Through applyEvent, so that a reload in progress replays it on the fresh page.
        m_feed->applyEvent(name, frame);
        for (const auto &[id, model] : m_chats)
            model->applyEvent(name, frame);
        m_people->renameUser(user);
    }
}

void Session::onPresence(const User &user, bool online)
{
    if (!m_people->setOnline(user, online) || user.id == m_user.id)
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const auto &[id, model] : m_chats)
        model->addPresenceLine(user, online, now);
}

void Session::onTyping(qint64 channelId, const User &user)
{
    if (user.id == m_user.id)
        return;
    m_typing[channelId].insert(
        user.id, {user.username, QDateTime::currentDateTimeUtc().addSecs(TypingShownSeconds)});
    if (!m_typingTimer.isActive())
        m_typingTimer.start();
    Q_EMIT typingChanged(channelId);
}

void Session::pruneTyping()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (auto channel = m_typing.begin(); channel != m_typing.end();) {
        bool changed = false;
        for (auto typist = channel->begin(); typist != channel->end();) {
            if (typist->until <= now) {
                typist = channel->erase(typist);
                changed = true;
            } else {
                ++typist;
            }
        }
        const qint64 channelId = channel.key();
        channel = channel->isEmpty() ? m_typing.erase(channel) : std::next(channel);
        if (changed)
            Q_EMIT typingChanged(channelId);
    }
    if (m_typing.isEmpty())
        m_typingTimer.stop();
}

QStringList Session::typingIn(qint64 channelId) const
{
    QStringList names;
    const auto typists = m_typing.value(channelId);
    for (const Typist &typist : typists)
        names.append(typist.name);
    names.sort(Qt::CaseInsensitive);
    return names;
}

void Session::sendTyping(qint64 channelId)
{
    if (!m_connection->isOnline())
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime last = m_lastTypingSent.value(channelId);
    if (last.isValid() && last.secsTo(now) < TypingSendSeconds)
        return;
    m_lastTypingSent.insert(channelId, now);
    m_connection->request(
        MessageType::ChatTyping, {{QStringLiteral("channelId"), channelId}}, this, {});
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
                m_channels->upsert(
                    Channel::fromJson(reply.result().value(QStringLiteral("channel")).toObject()));
            }
            if (done)
                done(reply);
        });
}

void Session::rename(
    const QString &username, QObject *context, std::function<void(const Reply &)> done)
{
    m_connection->request(MessageType::UserRename, {{QStringLiteral("username"), username}},
        context, std::move(done));
}

void Session::listReviews(qint64 postId, QObject *context, std::function<void(const Reply &)> done)
{
    m_connection->request(
        MessageType::ReviewList, {{QStringLiteral("postId"), postId}}, context, std::move(done));
}

// --- changes through the outbox ------------------------------------------------------------

QString Session::createPost(
    const QString &title, const QString &content, const QByteArray &image, const QString &mime)
{
    return m_outbox->enqueue(MessageType::PostCreate,
        {{QStringLiteral("title"), title}, {QStringLiteral("content"), content}}, image, mime);
}

void Session::updatePost(
    qint64 postId, const QString &title, const QString &content, const ImageChange &image)
{
    QJsonObject params {{QStringLiteral("postId"), postId}, {QStringLiteral("title"), title},
        {QStringLiteral("content"), content}};
    if (image.kind == ImageChange::Kind::Remove)
        params.insert(QStringLiteral("imageId"), QJsonValue::Null);
    m_outbox->enqueue(MessageType::PostUpdate, params,
        image.kind == ImageChange::Kind::Replace ? image.bytes : QByteArray(), image.mime);
}

void Session::deletePost(qint64 postId)
{
    m_outbox->enqueue(MessageType::PostDelete, {{QStringLiteral("postId"), postId}});
}

void Session::createReview(qint64 postId, int rating, const QString &comment)
{
    m_outbox->enqueue(MessageType::ReviewCreate,
        {{QStringLiteral("postId"), postId}, {QStringLiteral("rating"), rating},
            {QStringLiteral("comment"), comment}});
}

QString Session::sendMessage(qint64 channelId, const QString &text)
{
    m_lastTypingSent.remove(channelId);
    return m_outbox->enqueue(MessageType::ChatSend,
        {{QStringLiteral("channelId"), channelId}, {QStringLiteral("text"), text}});
}

void Session::editMessage(qint64 messageId, qint64 channelId, const QString &text)
{
    m_outbox->enqueue(MessageType::ChatEdit,
        {{QStringLiteral("messageId"), messageId}, {QStringLiteral("channelId"), channelId},
            {QStringLiteral("text"), text}});
}

void Session::deleteMessage(qint64 messageId, qint64 channelId)
{
    m_outbox->enqueue(MessageType::ChatDelete,
        {{QStringLiteral("messageId"), messageId}, {QStringLiteral("channelId"), channelId}});
}

bool Session::editPending(const QString &localId, const QString &title, const QString &text)
{
    const auto entry = m_outbox->entry(localId);
    if (!entry || entry->status == Outbox::Status::Sending)
        return false;
    QJsonObject params = entry->params;
    if (entry->type == MessageType::PostCreate) {
        params.insert(QStringLiteral("title"), title);
        params.insert(QStringLiteral("content"), text);
    } else if (entry->type == MessageType::ChatSend) {
        params.insert(QStringLiteral("text"), text);
    } else {
        return false;
    }
    const bool ok = m_outbox->updateParams(localId, params);
    pump();
    return ok;
}

void Session::retry(const QString &localId)
{
    m_outbox->retry(localId);
    pump();
}

void Session::discard(const QString &localId)
{
    if (localId == m_inFlight)
        return; // too late: its answer is on the way
    m_outbox->remove(localId);
}

void Session::followUpEdit(const Outbox::Entry &entry, const QJsonObject &result)
{
    // A create resent under its nonce answers with what the server stored first. If the user
    // edited the queued create in between, that edit must still reach the server.
    if (entry.type == MessageType::PostCreate) {
        const Post stored = Post::fromJson(result.value(QStringLiteral("post")).toObject());
        const QString title = entry.params.value(QStringLiteral("title")).toString();
        const QString content = entry.params.value(QStringLiteral("content")).toString();
        if (stored.id > 0 && (stored.title != title.trimmed() || stored.content != content))
            updatePost(stored.id, title, content);
    } else if (entry.type == MessageType::ChatSend) {
        const Message stored
            = Message::fromJson(result.value(QStringLiteral("message")).toObject());
        const QString text = entry.params.value(QStringLiteral("text")).toString();
        if (stored.id > 0 && stored.text != text.trimmed())
            editMessage(stored.id, stored.channelId, text);
    }
}

Post Session::draftPost(const Outbox::Entry &entry) const
{
    Post post;
    post.author = m_user;
    post.title = entry.params.value(QStringLiteral("title")).toString();
    post.content = entry.params.value(QStringLiteral("content")).toString();
    post.imageId = entry.params.value(QStringLiteral("imageId")).toString();
    post.createdAt = formatTimestamp(QDateTime::fromMSecsSinceEpoch(entry.createdAtMs).toUTC());
    return post;
}

Message Session::draftMessage(const Outbox::Entry &entry) const
{
    Message message;
    message.author = m_user;
    message.channelId = entry.channelId();
    message.text = entry.params.value(QStringLiteral("text")).toString();
    message.createdAt = formatTimestamp(QDateTime::fromMSecsSinceEpoch(entry.createdAtMs).toUTC());
    return message;
}

void Session::onOutboxAdded(const Outbox::Entry &entry)
{
    applyMarkers(entry);
    pump();
}

void Session::applyMarkers(const Outbox::Entry &entry)
{
    const QString title = entry.params.value(QStringLiteral("title")).toString();
    const QString content = entry.params.value(QStringLiteral("content")).toString();
    const QString text = entry.params.value(QStringLiteral("text")).toString();
    switch (entry.type) {
    case MessageType::PostCreate:
        m_feed->addPendingPost(entry.localId, draftPost(entry));
        break;
    case MessageType::PostUpdate:
        m_feed->setPendingEdit(entry.targetId(), title, content);
        break;
    case MessageType::PostDelete:
        m_feed->setPendingDelete(entry.targetId());
        break;
    case MessageType::ChatSend:
        if (auto it = m_chats.find(entry.channelId()); it != m_chats.end())
            it->second->addPendingMessage(entry.localId, draftMessage(entry));
        break;
    case MessageType::ChatEdit:
        if (auto it = m_chats.find(entry.channelId()); it != m_chats.end())
            it->second->setPendingEdit(entry.targetId(), text);
        break;
    case MessageType::ChatDelete:
        if (auto it = m_chats.find(entry.channelId()); it != m_chats.end())
            it->second->setPendingDelete(entry.targetId());
        break;
    default:
        break;
    }
    if (entry.status == Outbox::Status::Failed)
        onOutboxChanged(entry);
}

void Session::onOutboxChanged(const Outbox::Entry &entry)
{
    const QString failure = entry.status == Outbox::Status::Failed ? entry.error : QString();
    switch (entry.type) {
    case MessageType::PostCreate:
        m_feed->updatePendingPost(entry.localId,
            entry.params.value(QStringLiteral("title")).toString(),
            entry.params.value(QStringLiteral("content")).toString());
        m_feed->setFailure(entry.localId, 0, failure);
        break;
    case MessageType::PostUpdate:
    case MessageType::PostDelete:
        m_feed->setFailure({}, entry.targetId(), failure);
        break;
    case MessageType::ChatSend:
    case MessageType::ChatEdit:
    case MessageType::ChatDelete:
        if (auto it = m_chats.find(entry.channelId()); it != m_chats.end()) {
            if (entry.type == MessageType::ChatSend) {
                it->second->updatePendingMessage(
                    entry.localId, entry.params.value(QStringLiteral("text")).toString());
            }
            it->second->setFailure(entry.type == MessageType::ChatSend ? entry.localId : QString(),
                entry.targetId(), failure);
        }
        break;
    default:
        break;
    }
}

void Session::onOutboxRemoved(const Outbox::Entry &entry)
{
    removeMarkers(entry);
    // Another queued change to the same post or message keeps its own marker.
    if (entry.targetId() != 0) {
        const QList<Outbox::Entry> entries = m_outbox->entries();
        for (const Outbox::Entry &other : entries) {
            if (other.targetId() == entry.targetId() && other.type != MessageType::ReviewCreate
                && (other.channelId() == 0) == (entry.channelId() == 0)) {
                applyMarkers(other);
            }
        }
    }
}

void Session::removeMarkers(const Outbox::Entry &entry)
{
    // Acknowledged or discarded: the real row (if any) is already in place.
    switch (entry.type) {
    case MessageType::PostCreate:
        m_feed->removePendingPost(entry.localId);
        break;
    case MessageType::PostUpdate:
    case MessageType::PostDelete:
        m_feed->clearPending(entry.targetId());
        break;
    case MessageType::ChatSend:
    case MessageType::ChatEdit:
    case MessageType::ChatDelete:
        if (auto it = m_chats.find(entry.channelId()); it != m_chats.end()) {
            if (entry.type == MessageType::ChatSend)
                it->second->removePendingMessage(entry.localId);
            else
                it->second->clearPending(entry.targetId());
        }
        break;
    default:
        break;
    }
}

void Session::pump()
{
    if (!m_inFlight.isEmpty() || !m_connection->isOnline() || m_retryTimer.isActive())
        return;
    const auto next = m_outbox->nextQueued();
    if (!next)
        return;
    m_inFlight = next->localId;
    m_outbox->setStatus(next->localId, Outbox::Status::Sending);
    send(*next);
}

void Session::send(const Outbox::Entry &entry)
{
    if (!entry.image.isEmpty()) {
        // The image goes first; the entry then names it, so a resend does not upload again.
        QJsonObject params {{QStringLiteral("data"), QString::fromLatin1(entry.image.toBase64())}};
        if (!entry.imageMime.isEmpty())
            params.insert(QStringLiteral("mime"), entry.imageMime);
        const QString localId = entry.localId;
        const QByteArray bytes = entry.image;
        m_connection->request(
            MessageType::ImageUpload, params, this,
            [this, localId, bytes](const Reply &reply) {
                const auto current = m_outbox->entry(localId);
                if (!current)
                    return;
                if (!reply.ok())
                    return onSent(*current, reply);
                const QString imageId = reply.result().value(QStringLiteral("imageId")).toString();
                m_images->insert(imageId, bytes);
                m_outbox->setUploadedImage(localId, imageId);
                send(*m_outbox->entry(localId));
            },
            180s);
        return;
    }
    const QString localId = entry.localId;
    m_connection->request(entry.type, entry.params, this, [this, localId](const Reply &reply) {
        if (const auto current = m_outbox->entry(localId))
            onSent(*current, reply);
        else if (m_inFlight == localId)
            m_inFlight.clear();
    });
}

void Session::onSent(const Outbox::Entry &entry, const Reply &reply)
{
    if (m_inFlight == entry.localId)
        m_inFlight.clear();
    if (reply.isTransportFailure() || reply.error().code == ErrorCode::Unauthorized) {
        // Not known whether it arrived. It goes again after the resync (or, after a timeout
        // on a live connection, in a second); the nonce (creates) or the nature of the change
        // (edits, deletes) makes that safe. Unauthorized: signed out under it; keep it.
        m_outbox->setStatus(entry.localId, Outbox::Status::Queued);
        if (reply.outcome() == Reply::Outcome::Timeout)
            m_retryTimer.start(1000);
        return;
    }
    const QJsonObject result = reply.result();
    // A delete of something already gone did what it was meant to; an edit of something deleted
    // meanwhile has nothing left to change.
    const bool gone = !reply.ok() && reply.error().code == ErrorCode::NotFound
        && (entry.type == MessageType::PostDelete || entry.type == MessageType::ChatDelete
            || entry.type == MessageType::PostUpdate || entry.type == MessageType::ChatEdit);
    if (reply.ok() || gone) {
        switch (entry.type) {
        case MessageType::PostUpdate:
            if (gone)
                break;
            [[fallthrough]];
        case MessageType::PostCreate:
        case MessageType::ReviewCreate:
            m_feed->upsert(Post::fromJson(result.value(QStringLiteral("post")).toObject()));
            break;
        case MessageType::PostDelete:
            m_feed->remove(entry.targetId());
            break;
        case MessageType::ChatSend:
        case MessageType::ChatEdit:
            if (gone)
                break;
            if (auto it = m_chats.find(entry.channelId()); it != m_chats.end())
                it->second->upsert(
                    Message::fromJson(result.value(QStringLiteral("message")).toObject()));
            break;
        case MessageType::ChatDelete:
            if (auto it = m_chats.find(entry.channelId()); it != m_chats.end())
                it->second->remove(entry.targetId());
            break;
        default:
            break;
        }
        m_internalFailures.remove(entry.localId);
        followUpEdit(entry, result);
        m_outbox->remove(entry.localId);
        pump();
        return;
    }
    // A server fault (a full disk, a shutdown in progress) is worth two more tries before the
    // change is shown as not sent.
    if (reply.error().code == ErrorCode::Internal && m_internalFailures[entry.localId]++ < 2) {
        m_outbox->setStatus(entry.localId, Outbox::Status::Queued);
        m_retryTimer.start(2000);
        return;
    }
    m_internalFailures.remove(entry.localId);
    if (reply.error().code == ErrorCode::RateLimited) {
        m_outbox->setStatus(entry.localId, Outbox::Status::Queued);
        const qint64 wait = reply.error().retryAfterMs > 0 ? reply.error().retryAfterMs : 1000;
        m_retryTimer.start(int(std::min<qint64>(wait, 60000)));
        return;
    }
    qCInfo(lcClient) << messageTypeName(entry.type) << "refused:" << reply.error().toString();
    m_outbox->setStatus(entry.localId, Outbox::Status::Failed, reply.error().message);
    Q_EMIT changeRefused(entry.localId, reply.error().message);
    pump();
}

} // namespace Hubbub::Client
