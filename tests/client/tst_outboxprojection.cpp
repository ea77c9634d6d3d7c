// OutboxProjection with a real Outbox and real models: every verb of the change table shows in
// the model it belongs to the way its operation says (a pending row, an overlay, a delete
// marker, or nothing for a review), shows the server's refusal on that row, and gives way to
// the stored row once acknowledged. A verb added to the table without a row here fails.

#include "channelmodel.h"
#include "chatmodel.h"
#include "feedmodel.h"
#include "outbox.h"
#include "outboxprojection.h"
#include "peoplemodel.h"
#include "sessionstate.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 ChannelId = 1;
const QDateTime Epoch = QDateTime(QDate(2026, 1, 1), QTime(10, 0), Qt::UTC);
const User Ada {1, u"ada"_s, Role::Member};

Post storedPost(qint64 id, const QString &title, qint64 ratings = 0)
{
    Post post;
    post.id = id;
    post.author = Ada;
    post.title = title;
    post.createdAt = formatTimestamp(Epoch.addSecs(id));
    post.ratingCount = ratings;
    post.ratingAverage = ratings ? 4 : 0;
    return post;
}

Message storedMessage(qint64 id, const QString &text)
{
    Message message;
    message.id = id;
    message.channelId = ChannelId;
    message.author = Ada;
    message.text = text;
    message.createdAt = formatTimestamp(Epoch.addSecs(id));
    return message;
}

//! How one verb shows, row by row of the test table.
struct Expectation
{
    bool chat = false; //!< the channel's model, else the feed
    qint64 rowId = 0; //!< the stored row it changes; 0 for a create
    QString queuedText; //!< what the row says while queued; empty: the row does not change
    bool deleting = false;
    QJsonObject reply; //!< the server's answer to it
    QString storedText; //!< what the row says once acknowledged; empty: the row is gone
};
using Expectations = QHash<MessageType, Expectation>;

//! One row per verb of the change table; tableCovered() checks none is missing.
Expectations expectations()
{
    Expectations rows;
    rows.insert(MessageType::PostCreate,
        {false, 0, u"draft"_s, false, {{u"post"_s, storedPost(12, u"draft"_s).toJson()}},
            u"draft"_s});
    rows.insert(MessageType::PostUpdate,
        {false, 8, u"edited"_s, false, {{u"post"_s, storedPost(8, u"edited"_s).toJson()}},
            u"edited"_s});
    rows.insert(MessageType::PostDelete, {false, 8, u"post 8"_s, true, {}, {}});
    rows.insert(MessageType::ReviewCreate,
        {false, 8, {}, false, {{u"post"_s, storedPost(8, u"post 8"_s, 1).toJson()}}, u"post 8"_s});
    rows.insert(MessageType::ChatSend,
        {true, 0, u"draft"_s, false, {{u"message"_s, storedMessage(7, u"draft"_s).toJson()}},
            u"draft"_s});
    rows.insert(MessageType::ChatEdit,
        {true, 6, u"edited"_s, false, {{u"message"_s, storedMessage(6, u"edited"_s).toJson()}},
            u"edited"_s});
    rows.insert(MessageType::ChatDelete, {true, 6, u"message 6"_s, true, {}, {}});
    return rows;
}

QJsonObject paramsFor(MessageType type)
{
    switch (type) {
    case MessageType::PostCreate:
        return {{u"title"_s, u"draft"_s}, {u"content"_s, u"body"_s}};
    case MessageType::PostUpdate:
        return {{u"postId"_s, 8}, {u"title"_s, u"edited"_s}, {u"content"_s, u"body"_s}};
    case MessageType::PostDelete:
        return {{u"postId"_s, 8}};
    case MessageType::ReviewCreate:
        return {{u"postId"_s, 8}, {u"rating"_s, 4}, {u"comment"_s, u"good"_s}};
    case MessageType::ChatSend:
        return {{u"channelId"_s, ChannelId}, {u"text"_s, u"draft"_s}};
    case MessageType::ChatEdit:
        return {{u"messageId"_s, 6}, {u"channelId"_s, ChannelId}, {u"text"_s, u"edited"_s}};
    case MessageType::ChatDelete:
        return {{u"messageId"_s, 6}, {u"channelId"_s, ChannelId}};
    default:
        return {};
    }
}

} // namespace

class tst_OutboxProjection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void tableCovered();
    void everyVerbShowsInItsModel_data();
    void everyVerbShowsInItsModel();
    void newestEditShownOldestRefusalReported();
    void closedChannelShowsOnOpening();

private:
    QAbstractItemModel *modelOf(const Expectation &expected) const;
    //! The row a verb shows in: its pending row (create) or the stored row it changes.
    QModelIndex rowOf(const Expectation &expected, const QString &localId) const;

    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<FeedModel> m_feed;
    std::unique_ptr<ChannelModel> m_channels;
    std::unique_ptr<PeopleModel> m_people;
    std::unique_ptr<ChatModel> m_chat;
    SessionState m_state;
    std::unique_ptr<OutboxProjection> m_projection;
};

void tst_OutboxProjection::init()
{
    m_outbox = std::make_unique<Outbox>();
    m_feed = std::make_unique<FeedModel>();
    m_channels = std::make_unique<ChannelModel>();
    m_people = std::make_unique<PeopleModel>();
    m_chat = std::make_unique<ChatModel>(ChannelId);
    m_feed->finishReload({storedPost(10, u"post 10"_s), storedPost(8, u"post 8"_s)}, false);
    m_chat->finishReload(
        {storedMessage(5, u"message 5"_s), storedMessage(6, u"message 6"_s)}, false);
    m_state = SessionState {Ada, m_feed.get(), m_channels.get(), m_people.get(), {}};
    m_state.chats.emplace(ChannelId, m_chat.get());
    m_projection = std::make_unique<OutboxProjection>(m_outbox.get(), m_state);
}

void tst_OutboxProjection::cleanup()
{
    m_projection.reset();
    m_state = {};
    m_chat.reset();
    m_people.reset();
    m_channels.reset();
    m_feed.reset();
    m_outbox.reset();
}

QAbstractItemModel *tst_OutboxProjection::modelOf(const Expectation &expected) const
{
    return expected.chat ? static_cast<QAbstractItemModel *>(m_chat.get()) : m_feed.get();
}

QModelIndex tst_OutboxProjection::rowOf(const Expectation &expected, const QString &localId) const
{
    if (expected.chat) {
        const int row = expected.rowId ? m_chat->rowOf(expected.rowId) : m_chat->rowCount() - 1;
        return m_chat->index(row, 0);
    }
    if (expected.rowId)
        return m_feed->index(m_feed->rowOf(expected.rowId), 0);
    return m_feed->index(0, 0).data(FeedModel::LocalIdRole).toString() == localId
        ? m_feed->index(0, 0)
        : QModelIndex();
}

void tst_OutboxProjection::tableCovered()
{
    const Expectations rows = expectations();
    for (const ChangeKind &kind : changeKinds())
        QVERIFY2(rows.contains(kind.type), qPrintable(messageTypeName(kind.type)));
    QCOMPARE(rows.size(), qsizetype(changeKinds().size()));
}

void tst_OutboxProjection::everyVerbShowsInItsModel_data()
{
    QTest::addColumn<MessageType>("type");
    for (const ChangeKind &kind : changeKinds())
        QTest::addRow("%s", messageTypeNames.at(std::size_t(kind.type))) << kind.type;
}

void tst_OutboxProjection::everyVerbShowsInItsModel()
{
    QFETCH(MessageType, type);
    const Expectation expected = expectations().value(type);
    QAbstractItemModel *model = modelOf(expected);
    QAbstractItemModel *other
        = expected.chat ? static_cast<QAbstractItemModel *>(m_feed.get()) : m_chat.get();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy otherChanged(other, &QAbstractItemModel::dataChanged);
    QSignalSpy otherInserted(other, &QAbstractItemModel::rowsInserted);
    const int textRole = expected.chat ? int(ChatModel::TextRole) : int(FeedModel::TitleRole);
    const int pendingRole
        = expected.chat ? int(ChatModel::PendingRole) : int(FeedModel::PendingRole);
    const int failureRole
        = expected.chat ? int(ChatModel::FailureRole) : int(FeedModel::FailureRole);
    const int deletingRole
        = expected.chat ? int(ChatModel::DeletingRole) : int(FeedModel::DeletingRole);
    const int rowsBefore = model->rowCount();

    // Queued: shown at once.
    const QString localId = m_outbox->enqueue(type, paramsFor(type));
    QModelIndex row = rowOf(expected, localId);
    QVERIFY(row.isValid());
    const bool marks = !expected.queuedText.isEmpty();
    QCOMPARE(model->rowCount(), rowsBefore + (expected.rowId == 0 ? 1 : 0));
    QCOMPARE(row.data(pendingRole).toBool(), marks);
    if (marks)
        QCOMPARE(row.data(textRole).toString(), expected.queuedText);
    QCOMPARE(row.data(deletingRole).toBool(), expected.deleting);

    // Refused: the row says why (a review marks no row, so there is nothing to say it on).
    m_outbox->setStatus(localId, Outbox::Status::Failed, u"Not allowed."_s);
    row = rowOf(expected, localId);
    QCOMPARE(row.data(failureRole).toString(), marks ? u"Not allowed."_s : QString());
    m_outbox->retry(localId);
    QCOMPARE(rowOf(expected, localId).data(failureRole).toString(), QString());

    // Acknowledged: the stored row, and no marker left.
    const auto entry = m_outbox->entry(localId);
    QVERIFY(entry.has_value());
    m_projection->acknowledge(*entry, expected.reply, false);
    m_outbox->remove(localId);
    QCOMPARE(m_outbox->count(), 0);
    if (expected.storedText.isEmpty()) {
        QCOMPARE(model->rowCount(), rowsBefore - 1);
    } else {
        QCOMPARE(model->rowCount(), rowsBefore + (expected.rowId == 0 ? 1 : 0));
        for (int r = 0; r < model->rowCount(); ++r)
            QVERIFY(!model->index(r, 0).data(pendingRole).toBool());
        const qint64 storedId = expected.rowId
            ? expected.rowId
            : expected.reply.value(expected.chat ? "message"_L1 : "post"_L1)
                  .toObject()
                  .value("id"_L1)
                  .toInteger();
        const int storedRow = expected.chat ? m_chat->rowOf(storedId) : m_feed->rowOf(storedId);
        QVERIFY(storedRow >= 0);
        QCOMPARE(model->index(storedRow, 0).data(textRole).toString(), expected.storedText);
    }
    if (type == MessageType::ReviewCreate)
        QCOMPARE(m_feed->post(8)->ratingCount, qint64(1));
    // The other model heard nothing.
    QCOMPARE(otherChanged.size(), 0);
    QCOMPARE(otherInserted.size(), 0);
}

void tst_OutboxProjection::newestEditShownOldestRefusalReported()
{
    const QString first = m_outbox->enqueue(MessageType::PostUpdate,
        {{u"postId"_s, 8}, {u"title"_s, u"first"_s}, {u"content"_s, u""_s}});
    const QString second = m_outbox->enqueue(MessageType::PostUpdate,
        {{u"postId"_s, 8}, {u"title"_s, u"second"_s}, {u"content"_s, u""_s}});
    const QModelIndex row = m_feed->index(m_feed->rowOf(8), 0);
    QCOMPARE(row.data(FeedModel::TitleRole).toString(), u"second"_s);
    m_outbox->setStatus(second, Outbox::Status::Failed, u"second refused"_s);
    m_outbox->setStatus(first, Outbox::Status::Failed, u"first refused"_s);
    // The row reports the change it stands for, the same one the view's Retry and Discard act on.
    QCOMPARE(m_outbox->changeShownBy(ChangeDomain::Feed, {}, 8), first);
    QCOMPARE(row.data(FeedModel::FailureRole).toString(), u"first refused"_s);
    m_outbox->remove(first);
    QCOMPARE(row.data(FeedModel::FailureRole).toString(), u"second refused"_s);
    QCOMPARE(row.data(FeedModel::TitleRole).toString(), u"second"_s);
    m_outbox->remove(second);
    QCOMPARE(row.data(FeedModel::PendingRole).toBool(), false);
    QCOMPARE(row.data(FeedModel::TitleRole).toString(), u"post 8"_s);
}

void tst_OutboxProjection::closedChannelShowsOnOpening()
{
    // Queued for a channel whose model does not exist yet (not opened since the app started).
    constexpr qint64 Later = 2;
    m_outbox->enqueue(MessageType::ChatSend, {{u"channelId"_s, Later}, {u"text"_s, u"hi"_s}});
    ChatModel later(Later);
    later.finishReload({}, false);
    m_state.chats.emplace(Later, &later);
    QCOMPARE(later.rowCount(), 0);
    m_projection->showChannel(Later);
    QCOMPARE(later.rowCount(), 1);
    QCOMPARE(later.index(0, 0).data(ChatModel::TextRole).toString(), u"hi"_s);
    QCOMPARE(later.index(0, 0).data(ChatModel::AuthorRole).toString(), Ada.username);
    QCOMPARE(m_chat->rowCount(), 2);
    m_state.chats.erase(Later);
}

QTEST_GUILESS_MAIN(tst_OutboxProjection)
#include "tst_outboxprojection.moc"
