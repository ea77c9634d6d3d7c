// ChatModel under QAbstractItemModelTester: history pages (older ones above), events applied as
// single-row changes, idempotence, the journal across a reload, grouping of consecutive
// messages, presence lines, and pending rows and overlays from the outbox.

#include "chatmodel.h"
#include "messagetype.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QLocale>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 ChannelId = 1;
const QDateTime Epoch = QDateTime(QDate(2026, 1, 1), QTime(10, 0), Qt::UTC);

User user(qint64 id)
{
    return User {id, u"user%1"_s.arg(id), Role::Member};
}

//! Message `id` by `authorId`, sent `seconds` after the epoch (by default `id` × 10 minutes, so
//! that each message starts its own group unless a test says otherwise).
Message makeMessage(
    qint64 id, qint64 authorId = 1, qint64 seconds = -1, qint64 channelId = ChannelId)
{
    Message message;
    message.id = id;
    message.channelId = channelId;
    message.author = user(authorId);
    message.text = u"message %1"_s.arg(id);
    message.createdAt = formatTimestamp(Epoch.addSecs(seconds >= 0 ? seconds : id * 600));
    return message;
}

QList<Message> makeMessages(std::initializer_list<qint64> ids)
{
    QList<Message> messages;
    for (qint64 id : ids)
        messages.append(makeMessage(id));
    return messages;
}

QJsonObject textParams(const QString &text)
{
    return {{u"channelId"_s, ChannelId}, {u"text"_s, text}};
}

//! A queued chat.send by user 1, `seconds` after the epoch.
void addDraft(ChatModel &model, const QString &localId, qint64 seconds = 0)
{
    model.addPending(localId, textParams(u"draft"_s), user(1), Epoch.addSecs(seconds));
}

Overlay editOverlay(const QString &text, const QString &failure = {})
{
    Overlay overlay;
    overlay.edit = textParams(text);
    overlay.failure = failure;
    return overlay;
}

Overlay deleteOverlay()
{
    Overlay overlay;
    overlay.deleting = true;
    return overlay;
}

QJsonObject messageEvent(const char *name, const Message &message)
{
    return {{u"type"_s, u"event"_s}, {u"seq"_s, 1}, {u"event"_s, QLatin1String(name)},
        {u"message"_s, message.toJson()}};
}

QJsonObject deletedEvent(qint64 messageId, qint64 channelId = ChannelId)
{
    return {{u"type"_s, u"event"_s}, {u"seq"_s, 1},
        {u"event"_s, QLatin1String(Events::MessageDeleted)}, {u"messageId"_s, messageId},
        {u"channelId"_s, channelId}};
}

QJsonObject renamedEvent(const User &renamed)
{
    return {{u"type"_s, u"event"_s}, {u"seq"_s, 1},
        {u"event"_s, QLatin1String(Events::UserRenamed)}, {u"user"_s, renamed.toJson()}};
}

void askForMore(QAbstractItemModel &model)
{
    // QAbstractItemModelTester may already have asked, as a view would after an insert.
    if (model.canFetchMore({}))
        model.fetchMore({});
}

QList<qint64> idsOf(const QAbstractItemModel &model)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(ChatModel::IdRole).toLongLong());
    return ids;
}

QVariant roleAt(const QAbstractItemModel &model, int row, int role)
{
    return model.index(row, 0).data(role);
}

bool firstInGroup(const QAbstractItemModel &model, int row)
{
    return roleAt(model, row, ChatModel::FirstInGroupRole).toBool();
}

ChatModel::Kind kindAt(const QAbstractItemModel &model, int row)
{
    return roleAt(model, row, ChatModel::KindRole).value<ChatModel::Kind>();
}

//! The roles a row's neighbour changing can change.
const QList<int> GroupingRoles {ChatModel::FirstInGroupRole, ChatModel::DayStartRole};

struct Spies
{
    explicit Spies(QAbstractItemModel *model)
        : reset(model, &QAbstractItemModel::modelReset)
        , inserted(model, &QAbstractItemModel::rowsInserted)
        , removed(model, &QAbstractItemModel::rowsRemoved)
        , changed(model, &QAbstractItemModel::dataChanged)
    { }
    void clear()
    {
        reset.clear();
        inserted.clear();
        removed.clear();
        changed.clear();
    }
    int total() const
    {
        return int(reset.size() + inserted.size() + removed.size() + changed.size());
    }
    //! Rows for which dataChanged named FirstInGroupRole.
    QList<int> groupingRows() const
    {
        QList<int> rows;
        for (const QList<QVariant> &args : changed) {
            if (args.at(2).value<QList<int>>() == GroupingRoles)
                rows.append(args.at(0).value<QModelIndex>().row());
        }
        return rows;
    }
    QSignalSpy reset;
    QSignalSpy inserted;
    QSignalSpy removed;
    QSignalSpy changed;
};

} // namespace

class tst_ChatModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reloadSortsOldestFirst();
    void olderPagesGoOnTop();
    void fetchFailedAllowsAnotherFetch();
    void events_data();
    void events();
    void otherChannelsAreIgnored();
    void outOfRangeInsertIgnoredWhileMorePages();
    void journalReplayDuringReload();
    void grouping_data();
    void grouping();
    void groupingFollowsInsertAndRemove();
    void presenceLines();
    void presenceBurst();
    void daySeparators();
    void timeTooltipInTheUsersLanguage();
    void pendingMessages();
    void pendingOverlays();
    void lastMessageBy();
};

void tst_ChatModel::reloadSortsOldestFirst()
{
    ChatModel model(ChannelId);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(model.channelId(), ChannelId);
    QVERIFY(!model.isLoaded());
    QVERIFY(!model.canFetchMore({}));
    Spies spies(&model);
    model.finishReload(makeMessages({3, 1, 2}), false);
    QCOMPARE(spies.reset.size(), 1);
    QVERIFY(model.isLoaded());
    QCOMPARE(idsOf(model), (QList<qint64> {1, 2, 3}));
    QCOMPARE(model.rowOf(2), 1);
    QCOMPARE(model.rowOf(9), -1);
    QCOMPARE(model.message(3)->text, u"message 3"_s);
    QCOMPARE(roleAt(model, 0, ChatModel::TextRole).toString(), u"message 1"_s);
    QCOMPARE(roleAt(model, 0, Qt::DisplayRole).toString(), u"message 1"_s);
    QCOMPARE(roleAt(model, 0, ChatModel::AuthorRole).toString(), u"user1"_s);
    QCOMPARE(roleAt(model, 0, ChatModel::CreatedAtRole).toDateTime(), Epoch.addSecs(600));
    QCOMPARE(kindAt(model, 0), ChatModel::Kind::Message);
    QCOMPARE(roleAt(model, 0, ChatModel::PendingRole).toBool(), false);
    QCOMPARE(roleAt(model, 0, ChatModel::EditedRole).toBool(), false);
    QCOMPARE(model.roleNames().value(ChatModel::FirstInGroupRole), QByteArray("firstInGroup"));
}

void tst_ChatModel::olderPagesGoOnTop()
{
    ChatModel model(ChannelId);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy fetch(&model, &ChatModel::fetchMoreRequested);
    QList<Message> page;
    for (qint64 id : {5, 6, 7})
        page.append(makeMessage(id, 1, id * 10)); // one author, seconds apart: one group
    model.finishReload(page, true);
    askForMore(model);
    QCOMPARE(fetch.size(), 1);
    QCOMPARE(fetch.at(0).at(0).toLongLong(), ChannelId);
    QCOMPARE(fetch.at(0).at(1).toLongLong(), 5);
    QVERIFY(!model.canFetchMore({}));
    QVERIFY(firstInGroup(model, 0));

    Spies spies(&model);
    // Includes 5 again (it was the boundary); only older ones go in, above the rest.
    model.prependPage({makeMessage(3, 1, 30), makeMessage(4, 1, 40), makeMessage(5, 1, 50)}, true);
    QCOMPARE(spies.reset.size(), 0);
    QCOMPARE(spies.inserted.size(), 1);
    QCOMPARE(spies.inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(spies.inserted.at(0).at(2).toInt(), 1);
    QCOMPARE(idsOf(model), (QList<qint64> {3, 4, 5, 6, 7}));
    // Message 5 is no longer the first of its group; the view is told.
    QVERIFY(spies.groupingRows().contains(2));
    QVERIFY(firstInGroup(model, 0));
    QVERIFY(!firstInGroup(model, 2));

    askForMore(model);
    QCOMPARE(fetch.size(), 2);
    QCOMPARE(fetch.at(1).at(1).toLongLong(), 3);
    model.prependPage(makeMessages({1, 2}), false);
    QCOMPARE(idsOf(model), (QList<qint64> {1, 2, 3, 4, 5, 6, 7}));
    QVERIFY(!model.hasMore());
    QVERIFY(!model.canFetchMore({}));
}

void tst_ChatModel::fetchFailedAllowsAnotherFetch()
{
    ChatModel model(ChannelId);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy fetch(&model, &ChatModel::fetchMoreRequested);
    model.finishReload(makeMessages({8, 9}), true);
    askForMore(model);
    QCOMPARE(fetch.size(), 1);
    model.fetchFailed();
    QVERIFY(model.canFetchMore({}));
    model.beginReload();
    QVERIFY(!model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(fetch.size(), 1);
    model.finishReload(makeMessages({8, 9}), true);
    askForMore(model);
    QCOMPARE(fetch.size(), 2);
    QCOMPARE(fetch.at(1).at(1).toLongLong(), 8);
}

void tst_ChatModel::events_data()
{
    QTest::addColumn<EventType>("type");
    QTest::addColumn<QJsonObject>("frame");
    QTest::addColumn<QList<qint64>>("ids");
    QTest::addColumn<int>("inserted");
    QTest::addColumn<int>("removed");
    QTest::addColumn<int>("changedRows"); //!< rows whose data changed (not grouping)
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("role");
    QTest::addColumn<QVariant>("value");

    // The page is 2, 4, 6, 8 by user2, no more pages.
    Message edited = makeMessage(4, 2);
    edited.text = u"edited"_s;
    edited.editedAt = formatTimestamp(Epoch.addDays(1));
    const User renamed {2, u"zed"_s, Role::Member};

    QTest::addRow("created, newest")
        << EventType::MessageCreated << messageEvent(Events::MessageCreated, makeMessage(9, 2))
        << QList<qint64> {2, 4, 6, 8, 9} << 1 << 0 << 0 << 4 << int(ChatModel::TextRole)
        << QVariant(u"message 9"_s);
    QTest::addRow("created, in a gap")
        << EventType::MessageCreated << messageEvent(Events::MessageCreated, makeMessage(5, 2))
        << QList<qint64> {2, 4, 5, 6, 8} << 1 << 0 << 0 << 2 << int(ChatModel::IdRole)
        << QVariant(qint64(5));
    QTest::addRow("created, oldest on the last page")
        << EventType::MessageCreated << messageEvent(Events::MessageCreated, makeMessage(1, 2))
        << QList<qint64> {1, 2, 4, 6, 8} << 1 << 0 << 0 << 0 << int(ChatModel::IdRole)
        << QVariant(qint64(1));
    QTest::addRow("updated") << EventType::MessageUpdated
                             << messageEvent(Events::MessageUpdated, edited)
                             << QList<qint64> {2, 4, 6, 8} << 0 << 0 << 1 << 1
                             << int(ChatModel::TextRole) << QVariant(u"edited"_s);
    QTest::addRow("updated marks edited")
        << EventType::MessageUpdated << messageEvent(Events::MessageUpdated, edited)
        << QList<qint64> {2, 4, 6, 8} << 0 << 0 << 1 << 1 << int(ChatModel::EditedRole)
        << QVariant(true);
    QTest::addRow("deleted") << EventType::MessageDeleted << deletedEvent(4)
                             << QList<qint64> {2, 6, 8} << 0 << 1 << 0 << 1
                             << int(ChatModel::IdRole) << QVariant(qint64(6));
    QTest::addRow("deleted, unknown")
        << EventType::MessageDeleted << deletedEvent(5) << QList<qint64> {2, 4, 6, 8} << 0 << 0 << 0
        << 1 << int(ChatModel::IdRole) << QVariant(qint64(4));
    QTest::addRow("rename") << EventType::UserRenamed << renamedEvent(renamed)
                            << QList<qint64> {2, 4, 6, 8} << 0 << 0 << 4 << 3
                            << int(ChatModel::AuthorRole) << QVariant(u"zed"_s);
}

void tst_ChatModel::events()
{
    QFETCH(EventType, type);
    QFETCH(QJsonObject, frame);
    QFETCH(QList<qint64>, ids);
    QFETCH(int, inserted);
    QFETCH(int, removed);
    QFETCH(int, changedRows);
    QFETCH(int, row);
    QFETCH(int, role);
    QFETCH(QVariant, value);

    ChatModel model(ChannelId);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QList<Message> page;
    for (qint64 id : {2, 4, 6, 8})
        page.append(makeMessage(id, 2));
    model.finishReload(page, false);
    Spies spies(&model);

    model.applyEvent(type, frame);
    QCOMPARE(idsOf(model), ids);
    QCOMPARE(spies.reset.size(), 0);
    QCOMPARE(spies.inserted.size(), inserted);
    QCOMPARE(spies.removed.size(), removed);
    for (const QSignalSpy *spy : {&spies.inserted, &spies.removed}) {
        for (const QList<QVariant> &args : *spy) {
            QCOMPARE(args.at(1).toInt(), row);
            QCOMPARE(args.at(2).toInt(), row);
        }
    }
    int dataRows = 0;
    for (const QList<QVariant> &args : std::as_const(spies.changed)) {
        const QModelIndex topLeft = args.at(0).value<QModelIndex>();
        QCOMPARE(topLeft.row(), args.at(1).value<QModelIndex>().row());
        if (args.at(2).value<QList<int>>() != GroupingRoles)
            ++dataRows;
        if (changedRows == 1 && args.at(2).value<QList<int>>().isEmpty())
            QCOMPARE(topLeft.row(), row);
    }
    QCOMPARE(dataRows, changedRows);
    QCOMPARE(roleAt(model, row, role), value);

    spies.clear();
    model.applyEvent(type, frame);
    QCOMPARE(idsOf(model), ids);
    QCOMPARE(spies.total(), 0);
}

void tst_ChatModel::otherChannelsAreIgnored()
{
    ChatModel model(ChannelId);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.finishReload(makeMessages({2, 4}), false);
    Spies spies(&model);
    model.applyEvent(
        EventType::MessageCreated, messageEvent(Events::MessageCreated, makeMessage(5, 1, -1, 2)));
    // Same message id in another channel's delete: not ours.
    model.applyEvent(EventType::MessageDeleted, deletedEvent(4, 2));
    model.upsert(makeMessage(6, 1, -1, 3));
    QCOMPARE(spies.total(), 0);
    QCOMPARE(idsOf(model), (QList<qint64> {2, 4}));
}

void tst_ChatModel::outOfRangeInsertIgnoredWhileMorePages()
{
    ChatModel model(ChannelId);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.finishReload(makeMessages({10, 12}), true);
    Spies spies(&model);
    model.applyEvent(
        EventType::MessageCreated, messageEvent(Events::MessageCreated, makeMessage(7)));
    QCOMPARE(spies.total(), 0);
    model.applyEvent(
        EventType::MessageCreated, messageEvent(Events::MessageCreated, makeMessage(11)));
    QCOMPARE(spies.inserted.size(), 1);
    QCOMPARE(idsOf(model), (QList<qint64> {10, 11, 12}));
    model.prependPage(makeMessages({7, 8}), false);
    QCOMPARE(idsOf(model), (QList<qint64> {7, 8, 10, 11, 12}));
}

void tst_ChatModel::journalReplayDuringReload()
{
    ChatModel model(ChannelId);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.beginReload();
    // Before the first page: nothing shows, but nothing is lost either.
    model.applyEvent(
        EventType::MessageCreated, messageEvent(Events::MessageCreated, makeMessage(4)));
    QCOMPARE(model.rowCount(), 0);
    model.finishReload(makeMessages({1, 2, 3}), false);
    QCOMPARE(idsOf(model), (QList<qint64> {1, 2, 3, 4}));

    model.beginReload();
    Message edited = makeMessage(2);
    edited.text = u"edited"_s;
    model.applyEvent(EventType::MessageUpdated, messageEvent(Events::MessageUpdated, edited));
    model.applyEvent(EventType::MessageDeleted, deletedEvent(3));
    model.applyEvent(
        EventType::MessageCreated, messageEvent(Events::MessageCreated, makeMessage(5)));
    // The page was read before those events.
    model.finishReload(makeMessages({1, 2, 3, 4}), false);
    QCOMPARE(idsOf(model), (QList<qint64> {1, 2, 4, 5}));
    QCOMPARE(model.message(2)->text, u"edited"_s);
}

void tst_ChatModel::grouping_data()
{
    QTest::addColumn<qint64>("previousAuthor");
    QTest::addColumn<qint64>("author");
    QTest::addColumn<qint64>("secondsApart");
    QTest::addColumn<bool>("first");

    QTest::addRow("same author, 1 min") << qint64(1) << qint64(1) << qint64(60) << false;
    QTest::addRow("same author, 0 s") << qint64(1) << qint64(1) << qint64(0) << false;
    QTest::addRow("same author, exactly 5 min") << qint64(1) << qint64(1) << qint64(300) << false;
    QTest::addRow("same author, 5 min 1 s") << qint64(1) << qint64(1) << qint64(301) << true;
    QTest::addRow("same author, 1 h") << qint64(1) << qint64(1) << qint64(3600) << true;
    QTest::addRow("other author, 1 s") << qint64(1) << qint64(2) << qint64(1) << true;
}

void tst_ChatModel::grouping()
{
    QFETCH(qint64, previousAuthor);
    QFETCH(qint64, author);
    QFETCH(qint64, secondsApart);
    QFETCH(bool, first);

    ChatModel model(ChannelId);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.finishReload(
        {makeMessage(1, previousAuthor, 0), makeMessage(2, author, secondsApart)}, false);
    QVERIFY(firstInGroup(model, 0));
    QCOMPARE(firstInGroup(model, 1), first);

    // The same when the second arrives live.
    ChatModel live(ChannelId);
    QAbstractItemModelTester liveTester(
        &live, QAbstractItemModelTester::FailureReportingMode::Fatal);
    live.finishReload({makeMessage(1, previousAuthor, 0)}, false);
    live.applyEvent(EventType::MessageCreated,
        messageEvent(Events::MessageCreated, makeMessage(2, author, secondsApart)));
    QCOMPARE(firstInGroup(live, 1), first);
}

void tst_ChatModel::groupingFollowsInsertAndRemove()
{
    ChatModel model(ChannelId);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    // ada, bob, ada within a minute.
    model.finishReload({makeMessage(1, 1, 0), makeMessage(2, 2, 10), makeMessage(3, 1, 20)}, false);
    QVERIFY(firstInGroup(model, 2));
    Spies spies(&model);
    model.applyEvent(EventType::MessageDeleted, deletedEvent(2));
    QCOMPARE(idsOf(model), (QList<qint64> {1, 3}));
    // Now ada's two messages are one group, and the view hears about the row below.
    QVERIFY(!firstInGroup(model, 1));
    QCOMPARE(spies.groupingRows(), QList<int> {1});

    // A message by bob slipped in between (a late page would do this): the row after it regroups.
    spies.clear();
    model.upsert(makeMessage(2, 2, 10));
    QCOMPARE(spies.inserted.size(), 1);
    QCOMPARE(spies.inserted.at(0).at(1).toInt(), 1);
    QCOMPARE(spies.groupingRows(), QList<int> {2});
    QVERIFY(firstInGroup(model, 2));
}

void tst_ChatModel::presenceLines()
{
    ChatModel model(ChannelId);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    // Not loaded: a presence line would sit above history that comes later.
    model.addPresenceLine(user(3), true, Epoch);
    QCOMPARE(model.rowCount(), 0);

    model.finishReload({makeMessage(1, 1, 0)}, false);
    addDraft(model, u"L1"_s, 30);
    Spies spies(&model);
    model.addPresenceLine(user(3), true, Epoch.addSecs(10));
    QCOMPARE(spies.inserted.size(), 1);
    // Below the messages, above the pending ones.
    QCOMPARE(spies.inserted.at(0).at(1).toInt(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(kindAt(model, 1), ChatModel::Kind::Joined);
    QCOMPARE(roleAt(model, 1, ChatModel::AuthorRole).toString(), u"user3"_s);
    QCOMPARE(roleAt(model, 1, ChatModel::CreatedAtRole).toDateTime(), Epoch.addSecs(10));
    QVERIFY(firstInGroup(model, 1));
    // The pending message after the line starts a new group even though ada wrote the last one.
    QVERIFY(firstInGroup(model, 2));
    QVERIFY(spies.groupingRows().contains(2));

    QCOMPARE(roleAt(model, 1, ChatModel::TextRole).toString(), u"user3 joined"_s);

    // A leave within the burst updates the same line: one row, changed in place.
    spies.clear();
    model.addPresenceLine(user(3), false, Epoch.addSecs(20));
    QCOMPARE(spies.inserted.size(), 0);
    QCOMPARE(spies.changed.size(), 1);
    QCOMPARE(spies.changed.at(0).at(0).value<QModelIndex>().row(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(kindAt(model, 1), ChatModel::Kind::Left);
    QCOMPARE(roleAt(model, 1, ChatModel::TextRole).toString(), u"user3 left"_s);
    QCOMPARE(roleAt(model, 1, ChatModel::CreatedAtRole).toDateTime(), Epoch.addSecs(20));
    // A new message lands after the presence lines, not before them.
    model.applyEvent(
        EventType::MessageCreated, messageEvent(Events::MessageCreated, makeMessage(2, 1, 40)));
    QCOMPARE(model.rowOf(2), 2);
    QCOMPARE(kindAt(model, 2), ChatModel::Kind::Message);
    QVERIFY(firstInGroup(model, 2));
    QCOMPARE(roleAt(model, 3, ChatModel::LocalIdRole).toString(), u"L1"_s);
    // Presence lines are not messages: they never match a message id.
    QCOMPARE(model.rowOf(0), -1);
    // A rename of the user of a presence line updates it.
    spies.clear();
    model.renameUser(User {3, u"carol"_s, Role::Member});
    QCOMPARE(spies.changed.size(), 1);
    QCOMPARE(roleAt(model, 1, ChatModel::AuthorRole).toString(), u"carol"_s);
    QCOMPARE(roleAt(model, 1, ChatModel::TextRole).toString(), u"carol left"_s);
    // After a message, presence starts a line of its own again.
    model.addPresenceLine(user(4), true, Epoch.addSecs(50));
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(roleAt(model, 3, ChatModel::TextRole).toString(), u"user4 joined"_s);
}

void tst_ChatModel::presenceBurst()
{
    ChatModel model(ChannelId);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.finishReload({makeMessage(1, 1, 0)}, false);
    Spies spies(&model);
    // Three people reconnecting, one coming and going, within the burst: one line, each person
    // as they end up.
    const QList<std::pair<qint64, bool>> changes {
        {3, false}, {4, false}, {3, true}, {5, true}, {4, true}, {6, true}, {6, false}};
    int second = 10;
    for (const auto &[id, joined] : changes) {
        model.addPresenceLine(user(id), joined, Epoch.addSecs(second));
        second += 20;
    }
    QCOMPARE(spies.inserted.size(), 1);
    QCOMPARE(model.rowCount(), 2);
    const QString joined = QLocale().createSeparatedList({u"user3"_s, u"user4"_s, u"user5"_s});
    QCOMPARE(
        roleAt(model, 1, ChatModel::TextRole).toString(), u"%1 joined · user6 left"_s.arg(joined));
    QCOMPARE(roleAt(model, 1, ChatModel::CreatedAtRole).toDateTime(), Epoch.addSecs(130));
    // A rename reaches every name in the line.
    model.renameUser(User {5, u"eve"_s, Role::Member});
    QVERIFY(roleAt(model, 1, ChatModel::TextRole).toString().contains(u"eve"_s));

    // Past the burst (counted from its first change), a new line.
    model.addPresenceLine(user(3), false, Epoch.addSecs(10 + ChatModel::PresenceBurstSeconds + 1));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(roleAt(model, 2, ChatModel::TextRole).toString(), u"user3 left"_s);
    QCOMPARE(spies.reset.size(), 0);
}

void tst_ChatModel::pendingMessages()
{
    ChatModel model(ChannelId);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.finishReload({makeMessage(1, 1, 0), makeMessage(2, 1, 10)}, false);
    Spies spies(&model);
    addDraft(model, u"L1"_s, 20);
    QCOMPARE(spies.inserted.size(), 1);
    QCOMPARE(spies.inserted.at(0).at(1).toInt(), 2);
    QCOMPARE(roleAt(model, 2, ChatModel::PendingRole).toBool(), true);
    QCOMPARE(roleAt(model, 2, ChatModel::LocalIdRole).toString(), u"L1"_s);
    QCOMPARE(roleAt(model, 2, ChatModel::IdRole).toLongLong(), qint64(0));
    // Same author, seconds later: grouped with the acknowledged message above.
    QVERIFY(!firstInGroup(model, 2));
    addDraft(model, u"L1"_s, 20);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(roleAt(model, 2, ChatModel::TextRole).toString(), u"draft"_s);
    QCOMPARE(roleAt(model, 2, ChatModel::CreatedAtRole).toDateTime(), Epoch.addSecs(20));
    addDraft(model, u"L2"_s, 25);
    QCOMPARE(roleAt(model, 3, ChatModel::LocalIdRole).toString(), u"L2"_s);

    // Live messages from others go above the pending ones.
    spies.clear();
    model.applyEvent(
        EventType::MessageCreated, messageEvent(Events::MessageCreated, makeMessage(3, 2, 22)));
    QCOMPARE(spies.inserted.size(), 1);
    QCOMPARE(spies.inserted.at(0).at(1).toInt(), 2);
    QCOMPARE(roleAt(model, 3, ChatModel::LocalIdRole).toString(), u"L1"_s);
    // The pending row below bob's message now starts a group, and the view heard it.
    QVERIFY(firstInGroup(model, 3));
    QVERIFY(spies.groupingRows().contains(3));

    spies.clear();
    model.updatePending(u"L1"_s, textParams(u"draft"_s), u"Too long."_s);
    QCOMPARE(spies.changed.size(), 1);
    QCOMPARE(spies.changed.at(0).at(0).value<QModelIndex>().row(), 3);
    QCOMPARE(roleAt(model, 3, ChatModel::FailureRole).toString(), u"Too long."_s);
    model.updatePending(u"L1"_s, textParams(u"shorter"_s), {});
    QCOMPARE(roleAt(model, 3, ChatModel::TextRole).toString(), u"shorter"_s);
    QCOMPARE(roleAt(model, 3, ChatModel::FailureRole).toString(), QString());

    spies.clear();
    model.updatePending(u"nope"_s, textParams(u"x"_s), u"x"_s);
    model.removePending(u"nope"_s);
    QCOMPARE(spies.total(), 0);

    // Acknowledged: the real row comes in above, the pending row goes.
    Message sent = makeMessage(4, 1, 30);
    sent.text = u"shorter"_s;
    model.upsert(sent);
    model.removePending(u"L1"_s);
    QCOMPARE(idsOf(model), (QList<qint64> {1, 2, 3, 4, 0}));
    QCOMPARE(roleAt(model, 3, ChatModel::PendingRole).toBool(), false);
    QCOMPARE(roleAt(model, 4, ChatModel::LocalIdRole).toString(), u"L2"_s);
    // A reload keeps pending rows at the bottom.
    model.beginReload();
    model.finishReload(makeMessages({1, 2, 3, 4, 5}), false);
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(roleAt(model, 5, ChatModel::LocalIdRole).toString(), u"L2"_s);
}

void tst_ChatModel::pendingOverlays()
{
    ChatModel model(ChannelId);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.finishReload(makeMessages({1, 2, 3}), false);
    Spies spies(&model);
    model.setOverlay(2, editOverlay(u"fixed typo"_s));
    QCOMPARE(spies.changed.size(), 1);
    QCOMPARE(spies.changed.at(0).at(0).value<QModelIndex>().row(), 1);
    QCOMPARE(roleAt(model, 1, ChatModel::TextRole).toString(), u"fixed typo"_s);
    QCOMPARE(roleAt(model, 1, ChatModel::PendingRole).toBool(), true);
    QCOMPARE(roleAt(model, 1, ChatModel::EditedRole).toBool(), true);
    QCOMPARE(model.message(2)->text, u"message 2"_s);
    model.setOverlay(2, editOverlay(u"fixed typo"_s, u"Not yours."_s));
    QCOMPARE(roleAt(model, 1, ChatModel::FailureRole).toString(), u"Not yours."_s);
    model.setOverlay(2, {});
    QCOMPARE(roleAt(model, 1, ChatModel::TextRole).toString(), u"message 2"_s);
    QCOMPARE(roleAt(model, 1, ChatModel::PendingRole).toBool(), false);
    QCOMPARE(roleAt(model, 1, ChatModel::FailureRole).toString(), QString());

    model.setOverlay(3, deleteOverlay());
    QCOMPARE(roleAt(model, 2, ChatModel::DeletingRole).toBool(), true);
    QCOMPARE(roleAt(model, 2, ChatModel::PendingRole).toBool(), true);
    // An overlay survives a reload.
    model.beginReload();
    model.finishReload(makeMessages({1, 2, 3}), false);
    QCOMPARE(roleAt(model, 2, ChatModel::DeletingRole).toBool(), true);
    spies.clear();
    model.applyEvent(EventType::MessageDeleted, deletedEvent(3));
    QCOMPARE(spies.removed.size(), 1);
    spies.clear();
    model.setOverlay(3, {});
    QCOMPARE(spies.total(), 0);
}

void tst_ChatModel::timeTooltipInTheUsersLanguage()
{
    // A format string alone names days and months in English whatever the locale: the tooltip
    // must be the user's locale's own long date and time.
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::Korean, QLocale::SouthKorea));
    ChatModel model(ChannelId);
    model.finishReload({makeMessage(1)}, false);
    const QString tip = roleAt(model, 0, Qt::ToolTipRole).toString();
    const QDate day = roleAt(model, 0, ChatModel::CreatedAtRole).toDateTime().toLocalTime().date();
    QLocale::setDefault(before);
    QVERIFY2(tip.contains(QLocale(QLocale::Korean).dayName(day.dayOfWeek())), qPrintable(tip));
    QVERIFY2(!tip.contains(QLocale::c().dayName(day.dayOfWeek())), qPrintable(tip));
}

void tst_ChatModel::daySeparators()
{
    ChatModel model(ChannelId);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    // Local midnight, whatever the time zone of the machine.
    const QDateTime midnight(Epoch.toLocalTime().date().addDays(1), QTime(0, 0));
    const qint64 at = Epoch.secsTo(midnight);
    // One author, a minute apart, but on either side of midnight.
    model.finishReload(
        {makeMessage(1, 1, at - 60), makeMessage(2, 1, at + 30), makeMessage(3, 1, at + 90)},
        false);
    QCOMPARE(model.roleNames().value(ChatModel::DayStartRole), QByteArray("dayStart"));
    QVERIFY(roleAt(model, 0, ChatModel::DayStartRole).toBool());
    QVERIFY(roleAt(model, 1, ChatModel::DayStartRole).toBool());
    QVERIFY(firstInGroup(model, 1)); // a new day starts a new group
    QVERIFY(!roleAt(model, 2, ChatModel::DayStartRole).toBool());
    QVERIFY(!firstInGroup(model, 2));

    // The first message of the day deleted: the next one takes the separator, one row told.
    Spies spies(&model);
    model.remove(2);
    QVERIFY(roleAt(model, 1, ChatModel::DayStartRole).toBool());
    QVERIFY(firstInGroup(model, 1));
    QCOMPARE(spies.groupingRows(), QList<int> {1});
    QCOMPARE(spies.reset.size(), 0);
}

void tst_ChatModel::lastMessageBy()
{
    ChatModel model(ChannelId);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QVERIFY(!model.lastMessageBy(1).has_value());
    model.finishReload(
        {makeMessage(1, 1), makeMessage(2, 2), makeMessage(3, 1), makeMessage(4, 2)}, false);
    model.addPresenceLine(user(1), true, Epoch.addDays(1));
    addDraft(model, u"L1"_s);
    QCOMPARE(model.lastMessageBy(1)->id, qint64(3));
    QCOMPARE(model.lastMessageBy(2)->id, qint64(4));
    // A message being deleted is not offered for editing.
    model.setOverlay(3, deleteOverlay());
    QCOMPARE(model.lastMessageBy(1)->id, qint64(1));
    QVERIFY(!model.lastMessageBy(9).has_value());
}

QTEST_GUILESS_MAIN(tst_ChatModel)
#include "tst_chatmodel.moc"
