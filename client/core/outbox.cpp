#include "outbox.h"

#include "logging.h"
#include "types.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QUuid>

#include <array>

namespace Hubbub::Client {

QString makeNonce()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

namespace {

// A create resent under its nonce is answered with what the server stored first. If the user
// edited the queued create in between, that edit must still reach the server.
std::optional<FollowUp> postFollowUp(const QJsonObject &params, const QJsonObject &result)
{
    const Post stored = Post::fromJson(result.value(QStringLiteral("post")).toObject());
    const QString title = params.value(QStringLiteral("title")).toString();
    const QString content = params.value(QStringLiteral("content")).toString();
    if (stored.id <= 0 || (stored.title == title.trimmed() && stored.content == content))
        return std::nullopt;
    return FollowUp {MessageType::PostUpdate,
        {{QStringLiteral("postId"), stored.id}, {QStringLiteral("title"), title},
            {QStringLiteral("content"), content}}};
}

std::optional<FollowUp> messageFollowUp(const QJsonObject &params, const QJsonObject &result)
{
    const Message stored = Message::fromJson(result.value(QStringLiteral("message")).toObject());
    const QString text = params.value(QStringLiteral("text")).toString();
    if (stored.id <= 0 || stored.text == text.trimmed())
        return std::nullopt;
    return FollowUp {MessageType::ChatEdit,
        {{QStringLiteral("messageId"), stored.id}, {QStringLiteral("channelId"), stored.channelId},
            {QStringLiteral("text"), text}}};
}

constexpr std::array<ChangeKind, 7> ChangeKinds = {{
    {MessageType::PostCreate, ChangeDomain::Feed, ChangeOp::Create, nullptr, &postFollowUp,
        nullptr},
    {MessageType::PostUpdate, ChangeDomain::Feed, ChangeOp::Edit, "postId", nullptr,
        QT_TRANSLATE_NOOP(
            "Hubbub::Client::Outbox", "Your edit to “%1” was not saved: the post was deleted.")},
    {MessageType::PostDelete, ChangeDomain::Feed, ChangeOp::Delete, "postId", nullptr, nullptr},
    {MessageType::ReviewCreate, ChangeDomain::Feed, ChangeOp::Attach, "postId", nullptr,
        QT_TRANSLATE_NOOP(
            "Hubbub::Client::Outbox", "Your review of “%1” was not saved: the post was deleted.")},
    {MessageType::ChatSend, ChangeDomain::Chat, ChangeOp::Create, nullptr, &messageFollowUp,
        nullptr},
    {MessageType::ChatEdit, ChangeDomain::Chat, ChangeOp::Edit, "messageId", nullptr,
        QT_TRANSLATE_NOOP(
            "Hubbub::Client::Outbox", "Your edit to “%1” was not saved: the message was deleted.")},
    {MessageType::ChatDelete, ChangeDomain::Chat, ChangeOp::Delete, "messageId", nullptr, nullptr},
}};

bool carriesNonce(ChangeOp op)
{
    return op == ChangeOp::Create || op == ChangeOp::Attach;
}

QString statusName(Outbox::Status status)
{
    switch (status) {
    case Outbox::Status::Queued:
        return QStringLiteral("queued");
    case Outbox::Status::Sending:
        return QStringLiteral("sending");
    case Outbox::Status::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

} // namespace

std::span<const ChangeKind> changeKinds()
{
    return ChangeKinds;
}

const ChangeKind *changeKind(MessageType type)
{
    for (const ChangeKind &kind : ChangeKinds) {
        if (kind.type == type)
            return &kind;
    }
    return nullptr;
}

const ChangeKind &Outbox::Entry::kind() const
{
    // enqueue() and fromJson() admit only verbs of the table.
    return *changeKind(type);
}

qint64 Outbox::Entry::targetId() const
{
    const char *key = kind().targetKey;
    return key ? params.value(QLatin1StringView(key)).toInteger() : 0;
}

qint64 Outbox::Entry::channelId() const
{
    return params.value(QStringLiteral("channelId")).toInteger();
}

QJsonObject Outbox::Entry::toJson() const
{
    QJsonObject object {{QStringLiteral("localId"), localId},
        {QStringLiteral("type"), messageTypeName(type)}, {QStringLiteral("params"), params},
        {QStringLiteral("status"), statusName(status)}, {QStringLiteral("error"), error},
        {QStringLiteral("createdAtMs"), createdAtMs}};
    if (!image.isEmpty()) {
        object.insert(QStringLiteral("image"), QString::fromLatin1(image.toBase64()));
        object.insert(QStringLiteral("imageMime"), imageMime);
    }
    if (!subject.isEmpty())
        object.insert(QStringLiteral("subject"), subject);
    return object;
}

std::optional<Outbox::Entry> Outbox::Entry::fromJson(const QJsonObject &object)
{
    const auto type = messageTypeFromName(object.value(QStringLiteral("type")).toString());
    const QString localId = object.value(QStringLiteral("localId")).toString();
    if (!type || !changeKind(*type) || localId.isEmpty())
        return std::nullopt;
    Entry entry;
    entry.localId = localId;
    entry.type = *type;
    entry.params = object.value(QStringLiteral("params")).toObject();
    entry.image
        = QByteArray::fromBase64(object.value(QStringLiteral("image")).toString().toLatin1());
    entry.imageMime = object.value(QStringLiteral("imageMime")).toString();
    entry.subject = object.value(QStringLiteral("subject")).toString();
    const QString status = object.value(QStringLiteral("status")).toString();
    // Sending when the app stopped: the server may or may not have it; the nonce (creates)
    // or the nature of the change (edit, delete) makes sending it again safe.
    entry.status = status == QLatin1String("failed") ? Status::Failed : Status::Queued;
    entry.error = object.value(QStringLiteral("error")).toString();
    entry.createdAtMs = object.value(QStringLiteral("createdAtMs")).toInteger();
    return entry;
}

Outbox::Outbox(const QString &path, QObject *parent)
    : QObject(parent)
    , m_path(path)
{ }

bool Outbox::load()
{
    if (m_path.isEmpty())
        return true;
    QFile file(m_path);
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        m_errorString = file.errorString();
        return false;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (!document.isArray()) {
        m_errorString = tr("The saved outbox %1 is damaged: %2")
                            .arg(QDir::toNativeSeparators(m_path), error.errorString());
        return false;
    }
    const QJsonArray array = document.array();
    for (const QJsonValue &value : array) {
        if (const auto entry = Entry::fromJson(value.toObject())) {
            m_entries.append(*entry);
            Q_EMIT added(*entry);
        }
    }
    Q_EMIT countChanged(count());
    return true;
}

bool Outbox::open(const QString &path)
{
    const QList<Entry> old = std::exchange(m_entries, {});
    for (const Entry &entry : old)
        Q_EMIT removed(entry);
    m_path = path;
    m_errorString.clear();
    const bool ok = load();
    if (!old.isEmpty() && m_entries.isEmpty())
        Q_EMIT countChanged(0);
    return ok;
}

void Outbox::save()
{
    if (m_path.isEmpty())
        return;
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        qCWarning(lcClient) << "cannot save the outbox:" << file.errorString();
        return;
    }
    QJsonArray array;
    for (const Entry &entry : std::as_const(m_entries))
        array.append(entry.toJson());
    file.write(QJsonDocument(array).toJson(QJsonDocument::Compact));
    if (!file.commit())
        qCWarning(lcClient) << "cannot save the outbox:" << file.errorString();
}

QString Outbox::enqueue(
    MessageType type, QJsonObject params, QByteArray image, QString imageMime, QString subject)
{
    const ChangeKind *kind = changeKind(type);
    Q_ASSERT_X(kind, "Outbox::enqueue", "a verb missing from the change table");
    if (!kind)
        return {};
    Entry entry;
    entry.localId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    entry.type = type;
    if (carriesNonce(kind->op))
        params.insert(QStringLiteral("nonce"), makeNonce());
    entry.params = std::move(params);
    entry.image = std::move(image);
    entry.imageMime = std::move(imageMime);
    entry.subject = std::move(subject);
    entry.createdAtMs = QDateTime::currentMSecsSinceEpoch();
    m_entries.append(entry);
    save();
    Q_EMIT added(entry);
    Q_EMIT countChanged(count());
    return entry.localId;
}

int Outbox::indexOf(const QString &localId) const
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).localId == localId)
            return int(i);
    }
    return -1;
}

std::optional<Outbox::Entry> Outbox::entry(const QString &localId) const
{
    const int i = indexOf(localId);
    if (i < 0)
        return std::nullopt;
    return m_entries.at(i);
}

std::optional<Outbox::Entry> Outbox::nextQueued() const
{
    for (const Entry &entry : m_entries) {
        if (entry.status == Status::Queued)
            return entry;
    }
    return std::nullopt;
}

int Outbox::failedCount() const
{
    return int(std::count_if(m_entries.cbegin(), m_entries.cend(),
        [](const Entry &e) { return e.status == Status::Failed; }));
}

std::optional<Outbox::Entry> Outbox::inFlight() const
{
    for (const Entry &entry : m_entries) {
        if (entry.status == Status::Sending)
            return entry;
    }
    return std::nullopt;
}

QList<Outbox::Entry> Outbox::changesOf(ChangeDomain domain, qint64 targetId) const
{
    QList<Entry> changes;
    if (targetId <= 0)
        return changes;
    for (const Entry &entry : m_entries) {
        const ChangeKind &kind = entry.kind();
        if (kind.domain == domain && (kind.op == ChangeOp::Edit || kind.op == ChangeOp::Delete)
            && entry.targetId() == targetId)
            changes.append(entry);
    }
    return changes;
}

QString Outbox::changeShownBy(ChangeDomain domain, const QString &localId, qint64 targetId) const
{
    if (!localId.isEmpty())
        return indexOf(localId) >= 0 ? localId : QString();
    const QList<Entry> changes = changesOf(domain, targetId);
    for (const Entry &entry : changes) {
        if (entry.status == Status::Failed)
            return entry.localId;
    }
    return changes.isEmpty() ? QString() : changes.last().localId;
}

int Outbox::addFault(const QString &localId)
{
    const int i = indexOf(localId);
    return i < 0 ? 0 : ++m_entries[i].faults;
}

void Outbox::resetFaults(const QString &localId)
{
    for (Entry &entry : m_entries) {
        if (localId.isEmpty() || entry.localId == localId)
            entry.faults = 0;
    }
}

void Outbox::setStatus(const QString &localId, Status status, const QString &error)
{
    const int i = indexOf(localId);
    if (i < 0)
        return;
    Entry &entry = m_entries[i];
    if (entry.status == status && entry.error == error)
        return;
    entry.status = status;
    entry.error = error;
    // Sending is not worth a disk write: on a restart it counts as Queued anyway.
    if (status != Status::Sending)
        save();
    Q_EMIT changed(entry);
}

bool Outbox::updateParams(const QString &localId, const QJsonObject &params)
{
    const int i = indexOf(localId);
    if (i < 0 || m_entries.at(i).status == Status::Sending)
        return false;
    Entry &entry = m_entries[i];
    const QString nonce = entry.params.value(QStringLiteral("nonce")).toString();
    entry.params = params;
    if (!nonce.isEmpty())
        entry.params.insert(QStringLiteral("nonce"), nonce);
    entry.status = Status::Queued;
    entry.error.clear();
    save();
    Q_EMIT changed(entry);
    return true;
}

void Outbox::setUploadedImage(const QString &localId, const QString &imageId)
{
    const int i = indexOf(localId);
    if (i < 0)
        return;
    Entry &entry = m_entries[i];
    entry.params.insert(QStringLiteral("imageId"), imageId);
    entry.image.clear();
    entry.imageMime.clear();
    save();
    Q_EMIT changed(entry);
}

void Outbox::remove(const QString &localId)
{
    const int i = indexOf(localId);
    if (i < 0)
        return;
    const Entry entry = m_entries.takeAt(i);
    save();
    Q_EMIT removed(entry);
    Q_EMIT countChanged(count());
}

void Outbox::retry(const QString &localId)
{
    const int i = indexOf(localId);
    if (i < 0 || m_entries.at(i).status != Status::Failed)
        return;
    setStatus(localId, Status::Queued);
}

void Outbox::requeueSending()
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).status == Status::Sending) {
            const QString localId = m_entries.at(i).localId;
            setStatus(localId, Status::Queued);
        }
    }
}

} // namespace Hubbub::Client
