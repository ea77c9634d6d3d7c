// FeedModel under QAbstractItemModelTester: pages and fetchMore, events applied as single-row
// changes (never a reset), idempotence, the journal that keeps events across a reload, pending
// rows and overlays from the outbox.

#include "feedmodel.h"
#include "messagetype.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Qt::StringLiterals;

namespace {

const QDateTime Epoch = QDateTime(QDate(2026, 1, 1), QTime(10, 0), Qt::UTC);

User user(qint64 id)
{
    return User {id, u"user%1"_s.arg(id), Role::Member};
}

//! Post `id` by `authorId`, created `id` minutes after the epoch.
Post makePost(qint64 id, qint64 authorId = 1, const QString &title = {})
{
    Post post;
    post.id = id;
    post.author = user(authorId);
    post.title = title.isEmpty() ? u"post %1"_s.arg(id) : title;
    post.content = u"content of %1"_s.arg(id);
    post.createdAt = formatTimestamp(Epoch.addSecs(id * 60));
    return post;
}

QList<Post> makePosts(std::initializer_list<qint64> ids)
{
    QList<Post> posts;
    for (qint64 id : ids)
        posts.append(makePost(id, id % 2 == 0 ? 2 : 1));
    return posts;
}

//! The parameters of a queued post.create or post.update.
QJsonObject postParams(const QString &title, const QString &content = u"text"_s)
{
    return {{u"title"_s, title}, {u"content"_s, content}};
}

//! A stored post as a queued edit of it shows it.
Overlay editOverlay(const QString &title, const QString &content, const QString &failure = {})
{
    Overlay overlay;
    overlay.edit = postParams(title, content);
    overlay.failure = failure;
    return overlay;
}

Overlay deleteOverlay()
{
    Overlay overlay;
    overlay.deleting = true;
    return overlay;
}

QJsonObject postEvent(const char *name, const Post &post)
{
    return {{u"type"_s, u"event"_s}, {u"seq"_s, 1}, {u"event"_s, QLatin1String(name)},
        {u"post"_s, post.toJson()}};
}

QJsonObject deletedEvent(qint64 postId)
{
    return {{u"type"_s, u"event"_s}, {u"seq"_s, 1},
        {u"event"_s, QLatin1String(Events::PostDeleted)}, {u"postId"_s, postId}};
}

QJsonObject renamedEvent(const User &renamed)
{
    return {{u"type"_s, u"event"_s}, {u"seq"_s, 1},
        {u"event"_s, QLatin1String(Events::UserRenamed)}, {u"user"_s, renamed.toJson()}};
}

QJsonObject reviewEvent(const Post &post)
{
    return {{u"type"_s, u"event"_s}, {u"seq"_s, 1},
        {u"event"_s, QLatin1String(Events::ReviewCreated)},
        {u"review"_s,
            QJsonObject {{u"id"_s, 1}, {u"postId"_s, post.id}, {u"author"_s, user(3).toJson()},
                {u"rating"_s, 5}, {u"comment"_s, u""_s}, {u"createdAt"_s, formatTimestamp(Epoch)}}},
        {u"post"_s, post.toJson()}};
}

QList<qint64> idsOf(const QAbstractItemModel &model)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(FeedModel::IdRole).toLongLong());
    return ids;
}

//! Like a view that scrolled to the end. QAbstractItemModelTester may already have asked (it
//! calls fetchMore() after a reset or an insert), so ask only when the model can give more.
void askForMore(QAbstractItemModel &model)
{
    if (model.canFetchMore({}))
        model.fetchMore({});
}

QVariant roleAt(const QAbstractItemModel &model, int row, int role)
{
    return model.index(row, 0).data(role);
}

//! Every structural and data signal of one model.
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
    QSignalSpy reset;
    QSignalSpy inserted;
    QSignalSpy removed;
    QSignalSpy changed;
};

} // namespace

class tst_FeedModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyModel();
    void reloadSortsNewestFirst();
    void fetchMoreAsksForOlderPages();
    void fetchMoreOnEmptyFeed();
    void fetchFailedAllowsAnotherFetch();
    void events_data();
    void events();
    void updateTouchesOneRowOnly();
    void reviewOfUnloadedPostIsIgnored();
    void outOfRangeInsertIgnoredWhileMorePages();
    void journalReplayDuringReload();
    void journalReplayOnFirstLoad();
    void noFetchWhileReloading();
    void pendingCreate();
    void pendingRowsStayOnTop();
    void pendingEditOverlay();
    void pendingDeleteOverlay();
    void overlaySurvivesReload();
    void upsertUnchangedEmitsNothing();
    void roleNames();
};

void tst_FeedModel::emptyModel()
{
    FeedModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.isLoaded());
    QVERIFY(!model.canFetchMore({}));
    QSignalSpy fetch(&model, &FeedModel::fetchMoreRequested);
    model.fetchMore({});
    QCOMPARE(fetch.size(), 0);
    // Events before the first page are not rows: the page will bring them.
    model.applyEvent(EventType::PostCreated, postEvent(Events::PostCreated, makePost(1)));
    QCOMPARE(model.rowCount(), 0);
}

void tst_FeedModel::reloadSortsNewestFirst()
{
    FeedModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    Spies spies(&model);
    model.finishReload(makePosts({3, 5, 1, 4}), false);
    QCOMPARE(spies.reset.size(), 1);
    QCOMPARE(spies.inserted.size(), 0);
    QCOMPARE(idsOf(model), (QList<qint64> {5, 4, 3, 1}));
    QVERIFY(model.isLoaded());
    QVERIFY(!model.hasMore());
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(model.rowOf(3), 2);
    QCOMPARE(model.rowOf(2), -1);
    QCOMPARE(model.post(4)->title, u"post 4"_s);
    QVERIFY(!model.post(2).has_value());
    QCOMPARE(roleAt(model, 0, FeedModel::AuthorRole).toString(), u"user1"_s);
    QCOMPARE(roleAt(model, 1, FeedModel::AuthorIdRole).toLongLong(), 2);
    QCOMPARE(roleAt(model, 0, FeedModel::CreatedAtRole).toDateTime(), Epoch.addSecs(5 * 60));
    QCOMPARE(roleAt(model, 0, FeedModel::EditedRole).toBool(), false);
    QCOMPARE(roleAt(model, 0, FeedModel::PendingRole).toBool(), false);
    QCOMPARE(roleAt(model, 0, Qt::DisplayRole).toString(), u"post 5"_s);
}

void tst_FeedModel::fetchMoreAsksForOlderPages()
{
    FeedModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy fetch(&model, &FeedModel::fetchMoreRequested);
    model.finishReload(makePosts({10, 9, 8}), true);
    Spies spies(&model);
    askForMore(model);
    QCOMPARE(fetch.size(), 1);
    QCOMPARE(fetch.at(0).at(0).toLongLong(), 8);
    // One request at a time.
    QVERIFY(!model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(fetch.size(), 1);

    // The page overlaps the loaded rows by one (a post arrived meanwhile); only older ones go in.
    model.appendPage(makePosts({8, 7, 6}), true);
    QCOMPARE(spies.inserted.size(), 1);
    QCOMPARE(spies.inserted.at(0).at(1).toInt(), 3);
    QCOMPARE(spies.inserted.at(0).at(2).toInt(), 4);
    QCOMPARE(spies.reset.size(), 0);
    QCOMPARE(idsOf(model), (QList<qint64> {10, 9, 8, 7, 6}));
    askForMore(model);
    QCOMPARE(fetch.size(), 2);
    QCOMPARE(fetch.at(1).at(0).toLongLong(), 6);
    QVERIFY(!model.canFetchMore({}));
    model.appendPage(makePosts({5}), false);
    QCOMPARE(idsOf(model), (QList<qint64> {10, 9, 8, 7, 6, 5}));
    QVERIFY(!model.hasMore());
    QVERIFY(!model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(fetch.size(), 2);
}

void tst_FeedModel::fetchMoreOnEmptyFeed()
{
    FeedModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy fetch(&model, &FeedModel::fetchMoreRequested);
    model.finishReload({}, true);
    askForMore(model);
    QCOMPARE(fetch.size(), 1);
    QCOMPARE(fetch.at(0).at(0).toLongLong(), 0);
    // An empty page that says "no more" ends the paging without rows.
    Spies spies(&model);
    model.appendPage({}, false);
    QCOMPARE(spies.total(), 0);
    QVERIFY(!model.canFetchMore({}));
}

void tst_FeedModel::fetchFailedAllowsAnotherFetch()
{
    FeedModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy fetch(&model, &FeedModel::fetchMoreRequested);
    model.finishReload(makePosts({4, 3}), true);
    askForMore(model);
    QCOMPARE(fetch.size(), 1);
    QVERIFY(!model.canFetchMore({}));
    model.fetchFailed();
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(fetch.size(), 2);
    QCOMPARE(fetch.at(1).at(0).toLongLong(), 3);
}

void tst_FeedModel::events_data()
{
    QTest::addColumn<EventType>("type");
    QTest::addColumn<QJsonObject>("frame");
    QTest::addColumn<QList<qint64>>("ids");
    QTest::addColumn<int>("inserted");
    QTest::addColumn<int>("removed");
    QTest::addColumn<int>("changed");
    QTest::addColumn<int>("row"); //!< the row inserted, removed or changed first
    QTest::addColumn<int>("role");
    QTest::addColumn<QVariant>("value"); //!< `role` of `row` afterwards

    // The page is 10, 8, 6, 4, 2 (authors: user2 on even ids), and no more pages.
    Post edited = makePost(6, 2, u"edited"_s);
    edited.updatedAt = formatTimestamp(Epoch.addDays(1));
    Post rated = makePost(6, 2);
    rated.ratingAverage = 4.5;
    rated.ratingCount = 2;
    const User renamed {2, u"zed"_s, Role::Member};

    QTest::addRow("created, newest")
        << EventType::PostCreated << postEvent(Events::PostCreated, makePost(11))
        << QList<qint64> {11, 10, 8, 6, 4, 2} << 1 << 0 << 0 << 0 << int(FeedModel::TitleRole)
        << QVariant(u"post 11"_s);
    QTest::addRow("created, in a gap")
        << EventType::PostCreated << postEvent(Events::PostCreated, makePost(7))
        << QList<qint64> {10, 8, 7, 6, 4, 2} << 1 << 0 << 0 << 2 << int(FeedModel::IdRole)
        << QVariant(qint64(7));
    QTest::addRow("created, oldest on the last page")
        << EventType::PostCreated << postEvent(Events::PostCreated, makePost(1))
        << QList<qint64> {10, 8, 6, 4, 2, 1} << 1 << 0 << 0 << 5 << int(FeedModel::IdRole)
        << QVariant(qint64(1));
    QTest::addRow("updated") << EventType::PostUpdated << postEvent(Events::PostUpdated, edited)
                             << QList<qint64> {10, 8, 6, 4, 2} << 0 << 0 << 1 << 2
                             << int(FeedModel::TitleRole) << QVariant(u"edited"_s);
    QTest::addRow("updated marks edited")
        << EventType::PostUpdated << postEvent(Events::PostUpdated, edited)
        << QList<qint64> {10, 8, 6, 4, 2} << 0 << 0 << 1 << 2 << int(FeedModel::EditedRole)
        << QVariant(true);
    QTest::addRow("updated, missed post in range")
        << EventType::PostUpdated << postEvent(Events::PostUpdated, makePost(5))
        << QList<qint64> {10, 8, 6, 5, 4, 2} << 1 << 0 << 0 << 3 << int(FeedModel::IdRole)
        << QVariant(qint64(5));
    QTest::addRow("deleted") << EventType::PostDeleted << deletedEvent(6)
                             << QList<qint64> {10, 8, 4, 2} << 0 << 1 << 0 << 2
                             << int(FeedModel::IdRole) << QVariant(qint64(4));
    QTest::addRow("deleted, unknown")
        << EventType::PostDeleted << deletedEvent(7) << QList<qint64> {10, 8, 6, 4, 2} << 0 << 0
        << 0 << 2 << int(FeedModel::IdRole) << QVariant(qint64(6));
    QTest::addRow("review") << EventType::ReviewCreated << reviewEvent(rated)
                            << QList<qint64> {10, 8, 6, 4, 2} << 0 << 0 << 1 << 2
                            << int(FeedModel::RatingAverageRole) << QVariant(4.5);
    QTest::addRow("review count") << EventType::ReviewCreated << reviewEvent(rated)
                                  << QList<qint64> {10, 8, 6, 4, 2} << 0 << 0 << 1 << 2
                                  << int(FeedModel::RatingCountRole) << QVariant(qint64(2));
    // Every post of user2 (all five) changes its author, one row at a time.
    QTest::addRow("rename") << EventType::UserRenamed << renamedEvent(renamed)
                            << QList<qint64> {10, 8, 6, 4, 2} << 0 << 0 << 5 << 0
                            << int(FeedModel::AuthorRole) << QVariant(u"zed"_s);
    QTest::addRow("unrelated event") << EventType::ChannelCreated << QJsonObject {{u"seq"_s, 1}}
                                     << QList<qint64> {10, 8, 6, 4, 2} << 0 << 0 << 0 << 0
                                     << int(FeedModel::IdRole) << QVariant(qint64(10));
}

void tst_FeedModel::events()
{
    QFETCH(EventType, type);
    QFETCH(QJsonObject, frame);
    QFETCH(QList<qint64>, ids);
    QFETCH(int, inserted);
    QFETCH(int, removed);
    QFETCH(int, changed);
    QFETCH(int, row);
    QFETCH(int, role);
    QFETCH(QVariant, value);

    FeedModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QList<Post> page;
    for (qint64 id : {10, 8, 6, 4, 2})
        page.append(makePost(id, 2));
    model.finishReload(page, false);
    Spies spies(&model);

    model.applyEvent(type, frame);
    QCOMPARE(idsOf(model), ids);
    QCOMPARE(spies.reset.size(), 0);
    QCOMPARE(spies.inserted.size(), inserted);
    QCOMPARE(spies.removed.size(), removed);
    QCOMPARE(spies.changed.size(), changed);
    for (const QSignalSpy *spy : {&spies.inserted, &spies.removed}) {
        for (const QList<QVariant> &args : *spy) {
            QCOMPARE(args.at(1).toInt(), row);
            QCOMPARE(args.at(2).toInt(), row);
        }
    }
    if (changed == 1) {
        const auto topLeft = spies.changed.at(0).at(0).value<QModelIndex>();
        const auto bottomRight = spies.changed.at(0).at(1).value<QModelIndex>();
        QCOMPARE(topLeft.row(), row);
        QCOMPARE(bottomRight.row(), row);
    }
    for (const QList<QVariant> &args : std::as_const(spies.changed)) {
        // One row per signal, never a range.
        QCOMPARE(args.at(0).value<QModelIndex>().row(), args.at(1).value<QModelIndex>().row());
    }
    QCOMPARE(roleAt(model, row, role), value);

    // Applying the same event again changes nothing: events may arrive twice (sync + live).
    spies.clear();
    model.applyEvent(type, frame);
    QCOMPARE(idsOf(model), ids);
    QCOMPARE(spies.total(), 0);
}

void tst_FeedModel::updateTouchesOneRowOnly()
{
    FeedModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QList<Post> page;
    for (qint64 id = 200; id >= 1; --id)
        page.append(makePost(id));
    model.finishReload(page, true);
    Spies spies(&model);
    model.applyEvent(
        EventType::PostUpdated, postEvent(Events::PostUpdated, makePost(57, 1, u"changed"_s)));
    QCOMPARE(spies.changed.size(), 1);
    QCOMPARE(spies.changed.at(0).at(0).value<QModelIndex>().row(), 200 - 57);
    QCOMPARE(spies.reset.size() + spies.inserted.size() + spies.removed.size(), 0);
    QCOMPARE(roleAt(model, 200 - 57, FeedModel::TitleRole).toString(), u"changed"_s);
    QCOMPARE(roleAt(model, 200 - 56, FeedModel::TitleRole).toString(), u"post 56"_s);
}

void tst_FeedModel::reviewOfUnloadedPostIsIgnored()
{
    FeedModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.finishReload(makePosts({10, 8}), false);
    Spies spies(&model);
    // A review only changes a rating; it never brings in a post we do not show.
    model.applyEvent(EventType::ReviewCreated, reviewEvent(makePost(9)));
    QCOMPARE(spies.total(), 0);
    QCOMPARE(idsOf(model), (QList<qint64> {10, 8}));
}

void tst_FeedModel::outOfRangeInsertIgnoredWhileMorePages()
{
    FeedModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.finishReload(makePosts({10, 8, 6}), true);
    Spies spies(&model);
    // Older than the oldest loaded post while older pages exist: it comes with its page.
    model.applyEvent(EventType::PostCreated, postEvent(Events::PostCreated, makePost(5)));
    model.upsert(makePost(3));
    QCOMPARE(spies.total(), 0);
    QCOMPARE(idsOf(model), (QList<qint64> {10, 8, 6}));
    // Inside the loaded range it goes in.
    model.applyEvent(EventType::PostCreated, postEvent(Events::PostCreated, makePost(7)));
    QCOMPARE(spies.inserted.size(), 1);
    QCOMPARE(idsOf(model), (QList<qint64> {10, 8, 7, 6}));
    // And the page brings the skipped one.
    model.fetchMore({});
    model.appendPage(makePosts({5, 3}), false);
    QCOMPARE(idsOf(model), (QList<qint64> {10, 8, 7, 6, 5, 3}));
}

void tst_FeedModel::journalReplayDuringReload()
{
    FeedModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.finishReload(makePosts({3, 2, 1}), false);
    model.beginReload();
    QVERIFY(!model.canFetchMore({}));
    // Events that arrive while the fresh page is on its way; the page was read before them.
    model.applyEvent(EventType::PostCreated, postEvent(Events::PostCreated, makePost(4)));
    model.applyEvent(
        EventType::PostUpdated, postEvent(Events::PostUpdated, makePost(2, 2, u"newer title"_s)));
    model.applyEvent(EventType::PostDeleted, deletedEvent(1));
    Spies spies(&model);
    model.finishReload(makePosts({3, 2, 1}), false);
    QCOMPARE(spies.reset.size(), 1);
    QCOMPARE(idsOf(model), (QList<qint64> {4, 3, 2}));
    QCOMPARE(roleAt(model, model.rowOf(2), FeedModel::TitleRole).toString(), u"newer title"_s);

    // The journal is used once: a later reload without events shows the page as it is.
    model.beginReload();
    model.finishReload(makePosts({3, 2, 1}), false);
    QCOMPARE(idsOf(model), (QList<qint64> {3, 2, 1}));
    QCOMPARE(roleAt(model, 1, FeedModel::TitleRole).toString(), u"post 2"_s);
}

void tst_FeedModel::journalReplayOnFirstLoad()
{
    FeedModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.beginReload();
    model.applyEvent(EventType::PostCreated, postEvent(Events::PostCreated, makePost(9)));
    QCOMPARE(model.rowCount(), 0);
    QSignalSpy fetch(&model, &FeedModel::fetchMoreRequested);
    model.finishReload(makePosts({8, 7}), true);
    QCOMPARE(idsOf(model), (QList<qint64> {9, 8, 7}));
    askForMore(model);
    QCOMPARE(fetch.size(), 1);
    QCOMPARE(fetch.at(0).at(0).toLongLong(), 7);
}

void tst_FeedModel::noFetchWhileReloading()
{
    FeedModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy fetch(&model, &FeedModel::fetchMoreRequested);
    model.finishReload(makePosts({5, 4}), true);
    askForMore(model);
    QCOMPARE(fetch.size(), 1);
    model.fetchFailed();
    model.beginReload();
    QVERIFY(!model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(fetch.size(), 1);
    model.finishReload(makePosts({5, 4}), true);
    askForMore(model);
    QCOMPARE(fetch.size(), 2);
}

void tst_FeedModel::pendingCreate()
{
    FeedModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.finishReload(makePosts({5, 4}), false);
    Spies spies(&model);
    model.addPending(u"L1"_s, postParams(u"draft"_s), user(1), Epoch);
    QCOMPARE(spies.inserted.size(), 1);
    QCOMPARE(spies.inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(model.pendingCount(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(roleAt(model, 0, FeedModel::TitleRole).toString(), u"draft"_s);
    QCOMPARE(roleAt(model, 0, FeedModel::PendingRole).toBool(), true);
    QCOMPARE(roleAt(model, 0, FeedModel::LocalIdRole).toString(), u"L1"_s);
    QCOMPARE(roleAt(model, 0, FeedModel::FailureRole).toString(), QString());
    QCOMPARE(roleAt(model, 1, FeedModel::PendingRole).toBool(), false);
    // The same entry again (the outbox reloaded) adds nothing.
    model.addPending(u"L1"_s, postParams(u"draft"_s), user(1), Epoch);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(roleAt(model, 0, FeedModel::AuthorRole).toString(), user(1).username);
    QCOMPARE(roleAt(model, 0, FeedModel::CreatedAtRole).toDateTime(), Epoch);

    spies.clear();
    model.updatePending(u"L1"_s, postParams(u"draft"_s), u"Too long."_s);
    QCOMPARE(spies.changed.size(), 1);
    QCOMPARE(spies.changed.at(0).at(0).value<QModelIndex>().row(), 0);
    QCOMPARE(roleAt(model, 0, FeedModel::FailureRole).toString(), u"Too long."_s);

    // Editing the queued post clears its failure.
    spies.clear();
    model.updatePending(u"L1"_s, postParams(u"better"_s, u"text"_s), {});
    QCOMPARE(spies.changed.size(), 1);
    QCOMPARE(roleAt(model, 0, FeedModel::TitleRole).toString(), u"better"_s);
    QCOMPARE(roleAt(model, 0, FeedModel::ContentRole).toString(), u"text"_s);
    QCOMPARE(roleAt(model, 0, FeedModel::FailureRole).toString(), QString());

    spies.clear();
    model.updatePending(u"nope"_s, postParams(u"x"_s, u"y"_s), u"x"_s);
    model.removePending(u"nope"_s);
    QCOMPARE(spies.total(), 0);

    model.removePending(u"L1"_s);
    QCOMPARE(spies.removed.size(), 1);
    QCOMPARE(spies.removed.at(0).at(1).toInt(), 0);
    QCOMPARE(model.pendingCount(), 0);
    QCOMPARE(idsOf(model), (QList<qint64> {5, 4}));
}

void tst_FeedModel::pendingRowsStayOnTop()
{
    FeedModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.finishReload(makePosts({5, 4}), false);
    model.addPending(u"L1"_s, postParams(u"first"_s), user(1), Epoch);
    model.addPending(u"L2"_s, postParams(u"second"_s), user(1), Epoch);
    QCOMPARE(roleAt(model, 0, FeedModel::LocalIdRole).toString(), u"L2"_s);
    QCOMPARE(roleAt(model, 1, FeedModel::LocalIdRole).toString(), u"L1"_s);
    QCOMPARE(model.rowOf(5), 2);

    // A new post from the server goes below the pending ones.
    Spies spies(&model);
    model.applyEvent(EventType::PostCreated, postEvent(Events::PostCreated, makePost(6)));
    QCOMPARE(spies.inserted.size(), 1);
    QCOMPARE(spies.inserted.at(0).at(1).toInt(), 2);
    QCOMPARE(model.rowOf(6), 2);
    QCOMPARE(model.rowOf(5), 3);

    // Updates address the right row behind the pending ones.
    spies.clear();
    model.applyEvent(
        EventType::PostUpdated, postEvent(Events::PostUpdated, makePost(4, 2, u"moved"_s)));
    QCOMPARE(spies.changed.size(), 1);
    QCOMPARE(spies.changed.at(0).at(0).value<QModelIndex>().row(), 4);
    QCOMPARE(roleAt(model, 4, FeedModel::TitleRole).toString(), u"moved"_s);

    // A reload keeps them on top.
    model.beginReload();
    model.finishReload(makePosts({7, 6, 5}), false);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(roleAt(model, 0, FeedModel::LocalIdRole).toString(), u"L2"_s);
    QCOMPARE(model.rowOf(7), 2);

    // Removing the first pending row shifts the real rows up by one.
    model.removePending(u"L2"_s);
    QCOMPARE(model.rowOf(7), 1);
}

void tst_FeedModel::pendingEditOverlay()
{
    FeedModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.finishReload(makePosts({10, 8, 6}), false);
    Spies spies(&model);
    model.setOverlay(8, editOverlay(u"new title"_s, u"new content"_s));
    QCOMPARE(spies.changed.size(), 1);
    QCOMPARE(spies.changed.at(0).at(0).value<QModelIndex>().row(), 1);
    QCOMPARE(roleAt(model, 1, FeedModel::TitleRole).toString(), u"new title"_s);
    QCOMPARE(roleAt(model, 1, FeedModel::ContentRole).toString(), u"new content"_s);
    QCOMPARE(roleAt(model, 1, FeedModel::PendingRole).toBool(), true);
    QCOMPARE(roleAt(model, 1, FeedModel::EditedRole).toBool(), true);
    QCOMPARE(roleAt(model, 1, FeedModel::DeletingRole).toBool(), false);
    QCOMPARE(roleAt(model, 0, FeedModel::PendingRole).toBool(), false);
    // The stored post is untouched until the server says so.
    QCOMPARE(model.post(8)->title, u"post 8"_s);

    spies.clear();
    model.setOverlay(8, editOverlay(u"new title"_s, u"new content"_s, u"Not yours."_s));
    QCOMPARE(spies.changed.size(), 1);
    QCOMPARE(roleAt(model, 1, FeedModel::FailureRole).toString(), u"Not yours."_s);
    // The same overlay again changes nothing.
    spies.clear();
    model.setOverlay(8, editOverlay(u"new title"_s, u"new content"_s, u"Not yours."_s));
    QCOMPARE(spies.total(), 0);

    spies.clear();
    model.setOverlay(8, {});
    QCOMPARE(spies.changed.size(), 1);
    QCOMPARE(roleAt(model, 1, FeedModel::TitleRole).toString(), u"post 8"_s);
    QCOMPARE(roleAt(model, 1, FeedModel::PendingRole).toBool(), false);
    QCOMPARE(roleAt(model, 1, FeedModel::FailureRole).toString(), QString());
    spies.clear();
    model.setOverlay(8, {});
    QCOMPARE(spies.total(), 0);
}

void tst_FeedModel::pendingDeleteOverlay()
{
    FeedModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.finishReload(makePosts({10, 8, 6}), false);
    Spies spies(&model);
    model.setOverlay(6, deleteOverlay());
    QCOMPARE(spies.changed.size(), 1);
    QCOMPARE(roleAt(model, 2, FeedModel::DeletingRole).toBool(), true);
    QCOMPARE(roleAt(model, 2, FeedModel::PendingRole).toBool(), true);
    // The server's delete removes the row and the overlay with it.
    spies.clear();
    model.applyEvent(EventType::PostDeleted, deletedEvent(6));
    QCOMPARE(spies.removed.size(), 1);
    QCOMPARE(idsOf(model), (QList<qint64> {10, 8}));
    spies.clear();
    model.setOverlay(6, {});
    QCOMPARE(spies.total(), 0);
    // Re-created with the same id (not possible on a real server, but the overlay is gone).
    model.upsert(makePost(6));
    QCOMPARE(roleAt(model, 2, FeedModel::DeletingRole).toBool(), false);
}

void tst_FeedModel::overlaySurvivesReload()
{
    FeedModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.finishReload(makePosts({10, 8}), true);
    model.setOverlay(8, editOverlay(u"queued edit"_s, u"c"_s));
    // Queued for a post not loaded yet (e.g. the outbox loaded before the first page).
    model.setOverlay(5, deleteOverlay());
    model.beginReload();
    model.finishReload(makePosts({10, 8}), true);
    QCOMPARE(roleAt(model, 1, FeedModel::TitleRole).toString(), u"queued edit"_s);
    model.fetchMore({});
    model.appendPage(makePosts({5}), false);
    QCOMPARE(roleAt(model, 2, FeedModel::DeletingRole).toBool(), true);
}

void tst_FeedModel::upsertUnchangedEmitsNothing()
{
    FeedModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.finishReload(makePosts({3, 2}), false);
    Spies spies(&model);
    model.upsert(makePost(3, 1));
    model.remove(99);
    model.renameUser(user(1));
    QCOMPARE(spies.total(), 0);
    model.remove(3);
    QCOMPARE(spies.removed.size(), 1);
    QCOMPARE(idsOf(model), (QList<qint64> {2}));
}

void tst_FeedModel::roleNames()
{
    FeedModel model;
    const auto names = model.roleNames();
    QCOMPARE(names.value(FeedModel::IdRole), QByteArray("postId"));
    QCOMPARE(names.value(FeedModel::TitleRole), QByteArray("title"));
    QCOMPARE(names.value(FeedModel::PendingRole), QByteArray("pending"));
    QCOMPARE(names.value(Qt::DisplayRole), QByteArray("display"));
    // Every role has a distinct name.
    QCOMPARE(QSet<QByteArray>(names.cbegin(), names.cend()).size(), names.size());
}

QTEST_GUILESS_MAIN(tst_FeedModel)
#include "tst_feedmodel.moc"
