// The feed page's list against a real server on loopback: the reading position kept when posts
// arrive or change above it, paging on scroll, the delegate's heights, the cards re-laid when
// one changes height or the width changes, accessibility, and a feed of 20,000 posts of which
// only the cards near the viewport are measured. The feed starts with 40 posts by bob.

#include "feedviewfixture.h"
#include "relativetime.h"

#include <QAccessible>
#include <QJsonArray>
#include <QListView>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QTest>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Hubbub::Test;
using Action = PostDelegate::Action;

namespace {

//! What is wrong with the layout of the cards in sight, or empty: each as high as the delegate
//! measures it at the list's width, as wide as the viewport, edge to edge with the next one,
//! and found by indexAt() where it is drawn.
QString layoutProblem(QListView *list, const QAbstractItemDelegate *delegate)
{
    QStyleOptionViewItem option;
    option.initFrom(list);
    option.widget = list;
    const QRect viewport = list->viewport()->rect();
    QModelIndex index = list->indexAt(QPoint(viewport.width() / 2, 0));
    if (!index.isValid() && list->model()->rowCount() > 0)
        return QStringLiteral("no card at the top");
    int checked = 0;
    for (; index.isValid() && list->visualRect(index).top() < viewport.height();
         index = index.siblingAtRow(index.row() + 1)) {
        const QRect rect = list->visualRect(index);
        const int measured = delegate->sizeHint(option, index).height();
        if (rect.height() != measured) {
            return QStringLiteral("row %1 is %2 high, its card %3")
                .arg(index.row())
                .arg(rect.height())
                .arg(measured);
        }
        if (rect.width() != viewport.width())
            return QStringLiteral("row %1 is %2 wide").arg(index.row()).arg(rect.width());
        const QModelIndex next = index.siblingAtRow(index.row() + 1);
        if (next.isValid() && list->visualRect(next).top() != rect.bottom() + 1) {
            return QStringLiteral("row %1 ends at %2, the next starts at %3")
                .arg(index.row())
                .arg(rect.bottom())
                .arg(list->visualRect(next).top());
        }
        const QPoint middle(viewport.width() / 2, std::max(0, rect.center().y()));
        if (viewport.contains(middle) && list->indexAt(middle) != index)
            return QStringLiteral("indexAt() misses row %1").arg(index.row());
        ++checked;
    }
    return checked > 0 || list->model()->rowCount() == 0 ? QString()
                                                         : QStringLiteral("no card in sight");
}

//! Passes everything to the feed's delegate and counts how many heights the list asks for.
class CountingDelegate final : public QStyledItemDelegate
{
public:
    explicit CountingDelegate(QAbstractItemDelegate *inner)
        : m_inner(inner)
    { }
    Q_DISABLE_COPY_MOVE(CountingDelegate)

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override
    {
        m_inner->paint(painter, option, index);
    }
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        ++sizeHints;
        return m_inner->sizeHint(option, index);
    }

    mutable int sizeHints = 0;

private:
    QAbstractItemDelegate *m_inner;
};

//! A post of one to five sentences (or none), so that the cards differ in height.
Post makePost(qint64 id)
{
    Post post;
    post.id = id;
    post.author = User {1 + id % 5, QStringLiteral("user%1").arg(id % 5), Role::Member};
    post.title = QStringLiteral("Post number %1").arg(id);
    post.content = QStringLiteral("Some words to wrap over the width of the card, and a few more. ")
                       .repeated(int(id % 6));
    post.createdAt = QStringLiteral("2026-11-22T10:00:00.000Z");
    return post;
}

} // namespace

class TestFeedView final : public FeedViewFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void relativeTimeText_data();
    void relativeTimeText();
    void scrollPositionKeptWhenPostArrives();
    void stayAtTopWhenAtTop();
    void loadsOlderPostsOnScroll();
    void sizeHintGrowsWithLongText();
    void editChangingHeightMovesCardsBelow();
    void editAboveKeepsReadingPosition();
    void removingTheCardReadKeepsTheNext();
    void widthChangeRemeasuresCards();
    void accessibleList();
    void largeFeedMeasuresOnlyRowsInSight();
};

void TestFeedView::initTestCase()
{
    QVERIFY(startFixture());
    // Enough posts by bob for two pages and for reading far down the list.
    for (int i = 0; i < 40; ++i) {
        const QString title = QStringLiteral("Seed %1").arg(i);
        QVERIFY(isOk(m_bob.request(QStringLiteral("post.create"),
            postParams(title, QStringLiteral("Line one of %1.\nLine two.").arg(i)))));
    }
    QTRY_COMPARE(m_feed->index(0).data(FeedModel::TitleRole).toString(), QStringLiteral("Seed 39"));
}

void TestFeedView::init()
{
    resetView();
}

void TestFeedView::cleanup()
{
    QVERIFY(closeLeftovers());
}

void TestFeedView::cleanupTestCase()
{
    stopFixture();
}

void TestFeedView::relativeTimeText_data()
{
    QTest::addColumn<qint64>("secondsAgo");
    QTest::addColumn<QString>("expected");
    QTest::addRow("now") << qint64(0) << QStringLiteral("just now");
    QTest::addRow("59 s") << qint64(59) << QStringLiteral("just now");
    QTest::addRow("future (skew)") << qint64(-30) << QStringLiteral("just now");
    QTest::addRow("5 min") << qint64(5 * 60 + 10) << QStringLiteral("5 min ago");
    QTest::addRow("2 h") << qint64(2 * 3600 + 5) << QStringLiteral("2 h ago");
    QTest::addRow("yesterday") << qint64(24 * 3600) << QStringLiteral("yesterday");
}

void TestFeedView::relativeTimeText()
{
    QFETCH(qint64, secondsAgo);
    QFETCH(QString, expected);
    // Noon local time keeps "2 h ago" on the same day and "24 h ago" on the day before.
    const QDateTime now = QDateTime(QDate(2026, 6, 15), QTime(12, 0)).toUTC();
    QCOMPARE(relativeTime(now.addSecs(-secondsAgo), now), expected);
    // Older than yesterday: a date, not a relative phrase.
    const QString old = relativeTime(now.addDays(-40), now);
    QVERIFY(!old.isEmpty());
    QVERIFY(!old.contains(QStringLiteral("ago")));
    QVERIFY(relativeTime(QDateTime(), now).isEmpty());
}

void TestFeedView::scrollPositionKeptWhenPostArrives()
{
    QListView *list = m_view->listView();
    QScrollBar *bar = list->verticalScrollBar();
    list->scrollTo(m_feed->index(20), QAbstractItemView::PositionAtTop);
    // Half a card further, so the first visible row is cut at the top like in real reading.
    bar->setValue(bar->value() + list->visualRect(m_feed->index(20)).height() / 2);
    QVERIFY(bar->value() > 0);
    const QModelIndex first = list->indexAt(QPoint(list->viewport()->width() / 2, 0));
    QVERIFY(first.isValid());
    const QString firstTitle = first.data(FeedModel::TitleRole).toString();
    const int firstTop = list->visualRect(first).top();
    QVERIFY(firstTop < 0);

    QVERIFY(bobPosts(
        QStringLiteral("Arrives while reading"), QStringLiteral("Should not move the view.")));
    QCOMPARE(m_feed->index(0).data(FeedModel::TitleRole).toString(),
        QStringLiteral("Arrives while reading"));
    QCoreApplication::processEvents();
    const QModelIndex after = list->indexAt(QPoint(list->viewport()->width() / 2, 0));
    QCOMPARE(after.data(FeedModel::TitleRole).toString(), firstTitle);
    QCOMPARE(list->visualRect(after).top(), firstTop);

    // Several at once (a burst) and one removed above: still in place.
    QVERIFY(bobPosts(QStringLiteral("Burst 1")));
    QVERIFY(bobPosts(QStringLiteral("Burst 2")));
    const qint64 removed
        = m_feed->index(rowOf(QStringLiteral("Burst 1"))).data(FeedModel::IdRole).toLongLong();
    QVERIFY(
        isOk(m_bob.request(QStringLiteral("post.delete"), {{QStringLiteral("postId"), removed}})));
    QTRY_COMPARE(rowOf(QStringLiteral("Burst 1")), -1);
    QCoreApplication::processEvents();
    const QModelIndex later = list->indexAt(QPoint(list->viewport()->width() / 2, 0));
    QCOMPARE(later.data(FeedModel::TitleRole).toString(), firstTitle);
    QCOMPARE(list->visualRect(later).top(), firstTop);
}

void TestFeedView::stayAtTopWhenAtTop()
{
    QListView *list = m_view->listView();
    list->scrollToTop();
    QCOMPARE(list->verticalScrollBar()->value(), 0);
    QVERIFY(bobPosts(QStringLiteral("Fresh on top")));
    QCoreApplication::processEvents();
    QCOMPARE(list->verticalScrollBar()->value(), 0);
    QCOMPARE(list->indexAt(QPoint(list->viewport()->width() / 2, 2)).row(), 0);
    QCOMPARE(
        m_feed->index(0).data(FeedModel::TitleRole).toString(), QStringLiteral("Fresh on top"));
}

void TestFeedView::loadsOlderPostsOnScroll()
{
    // A second sign-in loads only the first page of the 40-odd posts.
    std::unique_ptr<Session> session = signIn(QStringLiteral("ada"), false);
    QVERIFY(session);
    FeedModel *feed = session->feed();
    QVERIFY(feed->hasMore());
    const int firstPage = feed->rowCount();
    QVERIFY(firstPage >= 20);
    const int total
        = int(m_bob.request(QStringLiteral("feed.page"), {{QStringLiteral("limit"), 100}})
                  .value(QStringLiteral("posts"))
                  .toArray()
                  .size());
    QVERIFY(total > firstPage);

    FeedView view(session.get());
    view.resize(480, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(feed->rowCount(), firstPage); // nothing more until the user scrolls
    QScrollBar *bar = view.listView()->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    bar->setValue(bar->maximum());
    QTRY_COMPARE(feed->rowCount(), total);
    QVERIFY(!feed->hasMore());
}

void TestFeedView::sizeHintGrowsWithLongText()
{
    QStandardItemModel model;
    auto addPost = [&](const QString &content) {
        auto *item = new QStandardItem;
        item->setData(qint64(1), FeedModel::IdRole);
        item->setData(QStringLiteral("ada"), FeedModel::AuthorRole);
        item->setData(QStringLiteral("A title"), FeedModel::TitleRole);
        item->setData(content, FeedModel::ContentRole);
        item->setData(QDateTime::currentDateTimeUtc(), FeedModel::CreatedAtRole);
        model.appendRow(item);
        return model.indexFromItem(item);
    };
    const QModelIndex shortPost = addPost(QStringLiteral("Short."));
    const QModelIndex longPost
        = addPost(QStringLiteral("Quite a lot of words here. ").repeated(40));
    const QModelIndex oneWord = addPost(QString(600, QLatin1Char('x'))); // a long link, say

    PostDelegate delegate(m_session.get());
    delegate.setExpanded(longPost, true); // the whole text, not its first lines
    QStyleOptionViewItem option;
    option.initFrom(m_view->listView());
    option.rect = QRect(0, 0, 500, 100);
    const int shortHeight = delegate.sizeHint(option, shortPost).height();
    const int longHeight = delegate.sizeHint(option, longPost).height();
    QVERIFY2(longHeight > shortHeight + 5 * option.fontMetrics.height(),
        qPrintable(QStringLiteral("%1 vs %2").arg(longHeight).arg(shortHeight)));
    // Wrapped anywhere when one word is wider than the card.
    QVERIFY(
        delegate.sizeHint(option, oneWord).height() > shortHeight + option.fontMetrics.height());
    // Narrower: taller.
    option.rect.setWidth(250);
    QVERIFY(delegate.sizeHint(option, longPost).height() > longHeight);
    QCOMPARE(delegate.sizeHint(option, shortPost).width(), 250);

    // In the real list, heights follow the view's width.
    QListView *list = m_view->listView();
    list->scrollToTop();
    QVERIFY(
        bobPosts(QStringLiteral("Long one"), QStringLiteral("Many words in a row. ").repeated(30)));
    const QModelIndex top = m_feed->index(rowOf(QStringLiteral("Long one")));
    m_view->delegate()->setExpanded(top, true);
    list->doItemsLayout();
    const int wide = list->visualRect(top).height();
    m_view->resize(360, 720);
    QTRY_VERIFY(list->visualRect(top).height() > wide);
    QCOMPARE(list->visualRect(top).width(), list->viewport()->width());
    m_view->resize(640, 720);
    QTRY_COMPARE(list->visualRect(top).height(), wide);
}

void TestFeedView::editChangingHeightMovesCardsBelow()
{
    QListView *list = m_view->listView();
    list->scrollToTop();
    QVERIFY(bobPosts(QStringLiteral("Grows later"), QStringLiteral("Short.")));
    QCoreApplication::processEvents();
    const QPersistentModelIndex card = m_feed->index(rowOf(QStringLiteral("Grows later")));
    const QPersistentModelIndex below = m_feed->index(card.row() + 1);
    QVERIFY(below.isValid());
    const int before = list->visualRect(card).height();
    QCOMPARE(list->visualRect(below).top(), list->visualRect(card).bottom() + 1);
    const qint64 id = card.data(FeedModel::IdRole).toLongLong();

    // Longer: the card grows and the cards below move down with it.
    QVERIFY(isOk(m_bob.request(QStringLiteral("post.update"),
        {{QStringLiteral("postId"), id}, {QStringLiteral("title"), QStringLiteral("Grows later")},
            {QStringLiteral("content"), QStringLiteral("Many words in a row. ").repeated(40)}})));
    QTRY_VERIFY(list->visualRect(card).height() > before + 3 * list->fontMetrics().height());
    QCOMPARE(list->visualRect(below).top(), list->visualRect(card).bottom() + 1);
    QCOMPARE(layoutProblem(list, m_view->delegate()), QString());

    // Short again: back to its first height, and the cards below follow it up.
    QVERIFY(isOk(m_bob.request(QStringLiteral("post.update"),
        {{QStringLiteral("postId"), id}, {QStringLiteral("title"), QStringLiteral("Grows later")},
            {QStringLiteral("content"), QStringLiteral("Short.")}})));
    QTRY_COMPARE(list->visualRect(card).height(), before);
    QCOMPARE(list->visualRect(below).top(), list->visualRect(card).bottom() + 1);
    QCOMPARE(layoutProblem(list, m_view->delegate()), QString());
}

void TestFeedView::editAboveKeepsReadingPosition()
{
    QListView *list = m_view->listView();
    QScrollBar *bar = list->verticalScrollBar();
    // A card of bob's near the top, to be edited while the user reads further down.
    int edited = -1;
    for (int row = 1; row < 6 && edited < 0; ++row) {
        if (m_feed->index(row).data(FeedModel::AuthorRole).toString() == QStringLiteral("bob"))
            edited = row;
    }
    QVERIFY(edited > 0);
    const QString title = m_feed->index(edited).data(FeedModel::TitleRole).toString();
    list->scrollTo(m_feed->index(edited + 12), QAbstractItemView::PositionAtTop);
    bar->setValue(bar->value() + 5);
    const QModelIndex read = list->indexAt(QPoint(list->viewport()->width() / 2, 0));
    QVERIFY(read.isValid() && read.row() > edited);
    const QString readTitle = read.data(FeedModel::TitleRole).toString();
    const int readTop = list->visualRect(read).top();
    QVERIFY(readTop < 0);

    const QString longer = QStringLiteral("Grown while out of sight. ").repeated(30);
    QVERIFY(isOk(m_bob.request(QStringLiteral("post.update"),
        {{QStringLiteral("postId"), m_feed->index(edited).data(FeedModel::IdRole).toLongLong()},
            {QStringLiteral("title"), title}, {QStringLiteral("content"), longer}})));
    QTRY_COMPARE(m_feed->index(rowOf(title)).data(FeedModel::ContentRole).toString(), longer);
    QCoreApplication::processEvents();
    const QModelIndex after = list->indexAt(QPoint(list->viewport()->width() / 2, 0));
    QCOMPARE(after.data(FeedModel::TitleRole).toString(), readTitle);
    QCOMPARE(list->visualRect(after).top(), readTop);

    // Scrolled back to it, the edited card has its new height and the rest follow it.
    const QModelIndex card = m_feed->index(rowOf(title));
    list->scrollTo(card, QAbstractItemView::PositionAtTop);
    QCOMPARE(list->visualRect(card).top(), 0);
    QCOMPARE(layoutProblem(list, m_view->delegate()), QString());
    QVERIFY(list->visualRect(card).height() > 5 * list->fontMetrics().height());
}

void TestFeedView::removingTheCardReadKeepsTheNext()
{
    QListView *list = m_view->listView();
    QScrollBar *bar = list->verticalScrollBar();
    int row = 8;
    while (row < m_feed->rowCount() - 2
        && m_feed->index(row).data(FeedModel::AuthorRole).toString() != QStringLiteral("bob")) {
        ++row;
    }
    QVERIFY(row < m_feed->rowCount() - 2);
    list->scrollTo(m_feed->index(row), QAbstractItemView::PositionAtTop);
    bar->setValue(bar->value() + 7);
    const QModelIndex read = list->indexAt(QPoint(list->viewport()->width() / 2, 0));
    QCOMPARE(read.row(), row);
    const QString readTitle = read.data(FeedModel::TitleRole).toString();
    const QString nextTitle = m_feed->index(row + 1).data(FeedModel::TitleRole).toString();
    const int nextTop = list->visualRect(m_feed->index(row + 1)).top();

    QVERIFY(isOk(m_bob.request(QStringLiteral("post.delete"),
        {{QStringLiteral("postId"), read.data(FeedModel::IdRole).toLongLong()}})));
    QTRY_COMPARE(rowOf(readTitle), -1);
    QCoreApplication::processEvents();
    QCOMPARE(list->visualRect(m_feed->index(rowOf(nextTitle))).top(), nextTop);
    QCOMPARE(layoutProblem(list, m_view->delegate()), QString());
}

void TestFeedView::widthChangeRemeasuresCards()
{
    QListView *list = m_view->listView();
    QScrollBar *bar = list->verticalScrollBar();
    // Reading a long card (its text wraps again at another width), cut at the top.
    QVERIFY(bobPosts(
        QStringLiteral("Wraps again"), QStringLiteral("Many words in a row. ").repeated(30)));
    const int longRow = rowOf(QStringLiteral("Wraps again"));
    QVERIFY(longRow >= 0);
    list->scrollTo(m_feed->index(longRow), QAbstractItemView::PositionAtTop);
    bar->setValue(bar->value() + 9);
    const QPersistentModelIndex read = list->indexAt(QPoint(list->viewport()->width() / 2, 0));
    QCOMPARE(read.row(), longRow);
    QCOMPARE(layoutProblem(list, m_view->delegate()), QString());
    QList<int> heights;
    for (int row = read.row(); row < read.row() + 3; ++row)
        heights << list->visualRect(m_feed->index(row)).height();

    // Narrower: every card in sight is measured again, and the user still reads the same one.
    const int wide = list->viewport()->width();
    m_view->resize(380, 720);
    QTRY_VERIFY(list->viewport()->width() < wide - 200);
    QCOMPARE(layoutProblem(list, m_view->delegate()), QString());
    QCOMPARE(list->indexAt(QPoint(list->viewport()->width() / 2, 0)), QModelIndex(read));
    QVERIFY(list->visualRect(read).height() > heights.constFirst());

    // Back: the same heights as before.
    m_view->resize(640, 720);
    QTRY_COMPARE(list->viewport()->width(), wide);
    QCOMPARE(layoutProblem(list, m_view->delegate()), QString());
    QCOMPARE(list->indexAt(QPoint(list->viewport()->width() / 2, 0)), QModelIndex(read));
    for (int i = 0; i < heights.size(); ++i)
        QCOMPARE(list->visualRect(m_feed->index(read.row() + i)).height(), heights.at(i));
}

void TestFeedView::accessibleList()
{
    QListView *list = m_view->listView();
    list->scrollToTop();
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(list);
    QVERIFY(iface);
    QCOMPARE(iface->role(), QAccessible::List);
    QCOMPARE(iface->text(QAccessible::Name), list->accessibleName());
    QCOMPARE(iface->childCount(), m_feed->rowCount());
    auto checkCell = [&](int row) {
        const QModelIndex index = m_feed->index(row);
        QAccessibleInterface *cell = iface->child(row);
        QVERIFY(cell);
        QVERIFY2(
            cell->text(QAccessible::Name).contains(index.data(FeedModel::TitleRole).toString()),
            qPrintable(cell->text(QAccessible::Name)));
        const QRect rect = list->visualRect(index);
        QVERIFY(list->viewport()->rect().intersects(rect));
        QCOMPARE(cell->rect(), QRect(list->viewport()->mapToGlobal(rect.topLeft()), rect.size()));
        QAccessibleInterface *hit
            = iface->childAt(cell->rect().center().x(), cell->rect().center().y());
        QVERIFY(hit);
        QCOMPARE(hit->text(QAccessible::Name), cell->text(QAccessible::Name));
    };
    checkCell(0);
    checkCell(1);
    // One far down, once scrolled to.
    const int last = m_feed->rowCount() - 1;
    list->scrollTo(m_feed->index(last));
    checkCell(last);
    list->scrollToTop();
}

void TestFeedView::largeFeedMeasuresOnlyRowsInSight()
{
    // No server: a big feed as a long session would load it, page by page.
    constexpr int Count = 20000;
    Session session(Session::Paths {});
    FeedView view(&session);
    view.resize(600, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QListView *list = view.listView();
    QScrollBar *bar = list->verticalScrollBar();
    CountingDelegate counting(view.delegate());
    list->setItemDelegate(&counting);
    FeedModel *feed = session.feed();
    QList<Post> posts;
    for (int id = Count; id >= 1; --id)
        posts << makePost(id);
    feed->beginReload();
    feed->finishReload(posts, false);
    QCOMPARE(feed->rowCount(), Count);
    QTRY_VERIFY(list->indexAt(QPoint(10, 10)).isValid());
    // Far fewer heights asked than rows: only those in and near the viewport.
    constexpr int Bound = 300;
    QVERIFY2(counting.sizeHints < Bound, qPrintable(QString::number(counting.sizeHints)));
    QCOMPARE(list->indexAt(QPoint(10, 2)).row(), 0);
    QCOMPARE(layoutProblem(list, view.delegate()), QString());

    // Dragged to the middle: the rows there are measured and laid out edge to edge.
    counting.sizeHints = 0;
    bar->setValue(bar->maximum() / 2);
    QCoreApplication::processEvents();
    const QModelIndex middle = list->indexAt(QPoint(10, 0));
    QVERIFY(middle.row() > Count / 10 && middle.row() < Count - Count / 10);
    QCOMPARE(layoutProblem(list, view.delegate()), QString());
    QVERIFY2(counting.sizeHints < Bound, qPrintable(QString::number(counting.sizeHints)));

    // Scrolling up into rows not measured before: the content moves by the scroll, no jumps.
    for (int step = 0; step < 30; ++step) {
        const QModelIndex seen = list->indexAt(QPoint(10, list->viewport()->height() / 2));
        const int y = list->visualRect(seen).top();
        bar->setValue(bar->value() - 97);
        QCoreApplication::processEvents();
        QCOMPARE(list->visualRect(seen).top(), y + 97);
    }
    QCOMPARE(layoutProblem(list, view.delegate()), QString());

    // A new post on top and a height-changing edit far below: one insert and one changed row,
    // and what the user reads stays put, to the pixel.
    QSignalSpy reset(feed, &QAbstractItemModel::modelReset);
    QSignalSpy changed(feed, &QAbstractItemModel::dataChanged);
    bar->setValue(bar->value() + 13);
    const QModelIndex read = list->indexAt(QPoint(10, 0));
    const QString readTitle = read.data(FeedModel::TitleRole).toString();
    const int readTop = list->visualRect(read).top();
    QVERIFY(readTop < 0);
    counting.sizeHints = 0;
    feed->applyEvent(
        EventType::PostCreated, {{QStringLiteral("post"), makePost(Count + 1).toJson()}});
    Post far = makePost(3);
    far.content = QStringLiteral("Now much longer than before. ").repeated(40);
    feed->applyEvent(EventType::PostUpdated, {{QStringLiteral("post"), far.toJson()}});
    QCoreApplication::processEvents();
    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.constFirst().at(0).value<QModelIndex>().row(), feed->rowOf(3));
    const QModelIndex after = list->indexAt(QPoint(10, 0));
    QCOMPARE(after.data(FeedModel::TitleRole).toString(), readTitle);
    QCOMPARE(list->visualRect(after).top(), readTop);
    QVERIFY2(counting.sizeHints < Bound, qPrintable(QString::number(counting.sizeHints)));

    // The keyboard reaches both ends of the feed and always shows the current card.
    list->setFocus();
    list->setCurrentIndex(after);
    QTest::keyClick(list, Qt::Key_End);
    QCOMPARE(list->currentIndex().row(), feed->rowCount() - 1);
    QVERIFY(list->viewport()->rect().contains(list->visualRect(list->currentIndex())));
    QCOMPARE(bar->value(), bar->maximum());
    QCOMPARE(layoutProblem(list, view.delegate()), QString());
    // The edited card, down there, has its new height.
    const QModelIndex edited = feed->index(feed->rowOf(3));
    QVERIFY(list->viewport()->rect().intersects(list->visualRect(edited)));
    QVERIFY(list->visualRect(edited).height() > 8 * list->fontMetrics().height());
    QTest::keyClick(list, Qt::Key_Up);
    QCOMPARE(list->currentIndex().row(), feed->rowCount() - 2);
    QVERIFY(list->viewport()->rect().contains(list->visualRect(list->currentIndex())));
    QTest::keyClick(list, Qt::Key_Home);
    QCOMPARE(list->currentIndex().row(), 0);
    QCOMPARE(bar->value(), 0);
    QTest::keyClick(list, Qt::Key_Down);
    QCOMPARE(list->currentIndex().row(), 1);
    QTest::keyClick(list, Qt::Key_PageDown);
    QVERIFY(list->currentIndex().row() > 2);
    QVERIFY(list->viewport()->rect().intersects(list->visualRect(list->currentIndex())));
    QCOMPARE(layoutProblem(list, view.delegate()), QString());

    // Narrower: measured again at the new width, still only the rows near the viewport.
    counting.sizeHints = 0;
    const int wide = list->viewport()->width();
    view.resize(420, 500);
    QTRY_VERIFY(list->viewport()->width() < wide - 100);
    QCOMPARE(layoutProblem(list, view.delegate()), QString());
    QVERIFY2(counting.sizeHints < Bound, qPrintable(QString::number(counting.sizeHints)));
    list->setItemDelegate(view.delegate());
}

QTEST_MAIN(TestFeedView)
#include "tst_feedview.moc"
