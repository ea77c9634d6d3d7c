// Benchmark (not a CTest test): the desktop feed with 100,000 posts in its model, behind a real
// FeedView of 900×700. Prints, in milliseconds, what a user waits for: loading the posts, an
// incoming post.updated (same height and height-changing, on screen and off), a new post on
// top while reading further down, a window resize, scrolling to the middle and by wheel steps;
// each including the event-loop work it sets off (layout and the paint that follows). The
// paint of the visible rows is a QBENCHMARK. Checks that an incoming event updates exactly one
// row (dataChanged, never a reset or an insert) and that the reading position stays put.
// Run (Release or RelWithDebInfo build; BENCH_FEEDVIEW_RUNS=N runs per figure, 5 unless set):
//   QT_QPA_PLATFORM=offscreen build/.../tools/bench/bench_feedview [-iterations N]

#include "feedmodel.h"
#include "feedview.h"
#include "session.h"

#include <QElapsedTimer>
#include <QListView>
#include <QPixmap>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace Hubbub;
using namespace Hubbub::Client;

namespace {

constexpr int PostCount = 100000;

//! Runs per figure (the median is printed): BENCH_FEEDVIEW_RUNS, 5 unless set.
int runs()
{
    static const int count = qEnvironmentVariableIsSet("BENCH_FEEDVIEW_RUNS")
        ? std::max(1, qEnvironmentVariableIntValue("BENCH_FEEDVIEW_RUNS"))
        : 5;
    return count;
}

const QString &text()
{
    static const QString sentence = QStringLiteral(
        "A post of a realistic length, long enough to wrap over two or three lines in a window "
        "of ordinary width, with a few more words to make the layout do some work. ");
    return sentence;
}

Post makePost(qint64 id)
{
    Post post;
    post.id = id;
    post.author = User {1 + id % 7, QStringLiteral("user%1").arg(id % 7), Role::Member};
    post.title = QStringLiteral("Post number %1").arg(id);
    post.content = text().repeated(1 + int(id % 3));
    post.createdAt = QStringLiteral("2026-11-22T10:00:00.000Z");
    post.ratingAverage = double(id % 5) + 0.5;
    post.ratingCount = id % 13;
    return post;
}

QList<Post> makePosts()
{
    QList<Post> posts;
    posts.reserve(PostCount);
    for (int i = PostCount; i >= 1; --i)
        posts.append(makePost(i));
    return posts;
}

void report(const char *what, double ms)
{
    std::printf("bench_feedview: %-58s %10.2f ms\n", what, ms);
    std::fflush(stdout);
}

} // namespace

class bench_FeedView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void paintVisibleRows();
    void eventUpdatesOneRow();
    void updateSameHeight();
    void updateChangingHeight();
    void createdAtTop();
    void resizeWidth();
    void scrollToMiddle();
    void wheelSteps();
    void cleanupTestCase();

private:
    QListView *list() const { return m_view->listView(); }
    QScrollBar *bar() const { return list()->verticalScrollBar(); }
    //! Runs what a change sets off: posted events and timers due now, any layout the list has
    //! put off (QListView delays one by 100 ms after a resize; asking for a row's geometry
    //! does it at once), and the paint of the viewport.
    void settle();
    //! Median wall time in ms of `action` followed by settle(), over runs() runs.
    double timed(const std::function<void(int run)> &action);
    //! The row at the top of the viewport and where its top is.
    std::pair<int, int> readingPosition() const;
    void applyUpdate(qint64 id, const QString &title, const QString &content);

    Session *m_session = nullptr;
    FeedView *m_view = nullptr;
    int m_edits = 0;
};

void bench_FeedView::settle()
{
    QCoreApplication::processEvents();
    (void)list()->visualRect(list()->model()->index(0, 0));
    list()->viewport()->repaint();
    QCoreApplication::processEvents();
}

double bench_FeedView::timed(const std::function<void(int run)> &action)
{
    QList<double> times;
    for (int run = 0; run < runs(); ++run) {
        settle();
        QElapsedTimer timer;
        timer.start();
        action(run);
        settle();
        times.append(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}

std::pair<int, int> bench_FeedView::readingPosition() const
{
    const QModelIndex top = list()->indexAt(QPoint(list()->viewport()->width() / 2, 0));
    return {top.row(), list()->visualRect(top).top()};
}

void bench_FeedView::applyUpdate(qint64 id, const QString &title, const QString &content)
{
    Post post = *m_session->feed()->post(id);
    post.title = title;
    post.content = content;
    post.updatedAt
        = QStringLiteral("2026-11-22T11:00:%1.000Z").arg(++m_edits % 60, 2, 10, QLatin1Char('0'));
    m_session->feed()->applyEvent(
        EventType::PostUpdated, {{QStringLiteral("post"), post.toJson()}});
}

void bench_FeedView::initTestCase()
{
    m_session = new Session(Session::Paths {});
    m_view = new FeedView(m_session);
    m_view->resize(900, 700);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));

    const QList<Post> posts = makePosts();
    QElapsedTimer timer;
    timer.start();
    m_session->feed()->beginReload();
    m_session->feed()->finishReload(posts, false);
    const double model = double(timer.nsecsElapsed()) / 1e6;
    settle();
    report("load 100,000 posts: the model's reset", model);
    report("load 100,000 posts: shown (reset + layout + first paint)",
        double(timer.nsecsElapsed()) / 1e6);
    QCOMPARE(m_session->feed()->rowCount(), PostCount);
    QVERIFY(list()->indexAt(QPoint(10, 10)).isValid());
}

void bench_FeedView::paintVisibleRows()
{
    QWidget *viewport = list()->viewport();
    QPixmap target(viewport->size());
    viewport->render(&target); // lays the visible rows out once
    QBENCHMARK
    {
        viewport->render(&target);
    }
}

void bench_FeedView::eventUpdatesOneRow()
{
    FeedModel *feed = m_session->feed();
    QSignalSpy reset(feed, &FeedModel::modelReset);
    QSignalSpy changed(feed, &FeedModel::dataChanged);
    QSignalSpy inserted(feed, &FeedModel::rowsInserted);
    QSignalSpy removed(feed, &FeedModel::rowsRemoved);
    QSignalSpy layout(feed, &FeedModel::layoutChanged);
    const qint64 id = PostCount / 2;
    // Once keeping the height, once changing it.
    applyUpdate(id, QStringLiteral("Edited title %1").arg(id), text());
    applyUpdate(id, QStringLiteral("Edited title %1").arg(id), text().repeated(5));
    settle();
    QCOMPARE(reset.size(), 0);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(layout.size(), 0);
    QCOMPARE(changed.size(), 2);
    for (const QList<QVariant> &signal : std::as_const(changed)) {
        const QModelIndex row = signal.at(0).value<QModelIndex>();
        QCOMPARE(row.row(), feed->rowOf(id));
        QCOMPARE(signal.at(1).value<QModelIndex>(), row);
    }
    std::printf("bench_feedview: an incoming post.updated changes exactly one row "
                "(dataChanged only; no reset, insert, remove or layout change): checked\n");
}

void bench_FeedView::updateSameHeight()
{
    const QModelIndex shown = list()->indexAt(QPoint(10, list()->viewport()->height() / 2));
    QVERIFY(shown.isValid());
    const qint64 onScreen = shown.data(FeedModel::IdRole).toLongLong();
    const int height = list()->visualRect(shown).height();
    const QString content = shown.data(FeedModel::ContentRole).toString();
    // Same length titles, so the card keeps its height.
    report("post.updated, same height, row on screen", timed([&](int run) {
        applyUpdate(onScreen, QStringLiteral("Post numbeR %1").arg(onScreen + run % 2), content);
    }));
    QCOMPARE(list()->visualRect(shown).height(), height);
    const qint64 offScreen = PostCount / 3;
    report("post.updated, same height, row off screen", timed([&](int run) {
        applyUpdate(offScreen, QStringLiteral("Post numbeR %1").arg(offScreen + run % 2),
            m_session->feed()->post(offScreen)->content);
    }));
}

void bench_FeedView::updateChangingHeight()
{
    const QModelIndex shown = list()->indexAt(QPoint(10, list()->viewport()->height() / 3));
    QVERIFY(shown.isValid());
    const qint64 onScreen = shown.data(FeedModel::IdRole).toLongLong();
    const QModelIndex next = list()->model()->index(shown.row() + 1, 0);
    report("post.updated, height changes, row on screen", timed([&](int run) {
        applyUpdate(
            onScreen, QStringLiteral("Grown %1").arg(run), text().repeated(1 + run % 2 * 3));
    }));
    // The cards below follow the changed one.
    QCOMPARE(list()->visualRect(next).top(), list()->visualRect(shown).bottom() + 1);
    const qint64 offScreen = PostCount / 4;
    report("post.updated, height changes, row off screen", timed([&](int run) {
        applyUpdate(
            offScreen, QStringLiteral("Grown %1").arg(run), text().repeated(1 + run % 2 * 3));
    }));
}

void bench_FeedView::createdAtTop()
{
    // Reading in the middle: a new post on top must not move what the user reads.
    bar()->setValue(bar()->maximum() / 2);
    settle();
    bar()->setValue(bar()->value() + 17);
    settle();
    const auto before = readingPosition();
    qint64 id = PostCount + 1000;
    report("post.created on top, reading in the middle", timed([&](int) {
        m_session->feed()->applyEvent(
            EventType::PostCreated, {{QStringLiteral("post"), makePost(++id).toJson()}});
    }));
    const auto after = readingPosition();
    QCOMPARE(after.first, before.first + runs());
    QCOMPARE(after.second, before.second);
    std::printf("bench_feedview: reading position kept to the pixel after %d posts on top: "
                "checked\n",
        runs());
    list()->scrollToTop();
    settle();
    report("post.created on top, at the top", timed([&](int) {
        m_session->feed()->applyEvent(
            EventType::PostCreated, {{QStringLiteral("post"), makePost(++id).toJson()}});
    }));
    QCOMPARE(bar()->value(), 0);
    QCOMPARE(list()->indexAt(QPoint(10, 10)).row(), 0);
}

void bench_FeedView::resizeWidth()
{
    report("window width 900 -> 700 -> 900 (one resize)", timed([&](int run) {
        const int before = list()->viewport()->width();
        m_view->resize(run % 2 ? 900 : 700, 700);
        // The window system delivers the new size: wait for it, within bounds.
        QElapsedTimer wait;
        wait.start();
        while (list()->viewport()->width() == before && wait.elapsed() < 5000)
            QCoreApplication::processEvents();
    }));
    m_view->resize(900, 700);
    settle();
}

void bench_FeedView::scrollToMiddle()
{
    report("scroll bar dragged to the middle",
        timed([&](int run) { bar()->setValue(bar()->maximum() / 2 + run * 9973); }));
}

void bench_FeedView::wheelSteps()
{
    report("one wheel step (3 single steps) down",
        timed([&](int) { bar()->setValue(bar()->value() + 3 * bar()->singleStep()); }));
    report("one page up", timed([&](int) { bar()->setValue(bar()->value() - bar()->pageStep()); }));
}

void bench_FeedView::cleanupTestCase()
{
    delete m_view;
    delete m_session;
}

QTEST_MAIN(bench_FeedView)
#include "bench_feedview.moc"
