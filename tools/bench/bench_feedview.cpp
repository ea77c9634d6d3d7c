// Benchmark (not a CTest test): the desktop feed with 100,000 posts in its model. Prints the
// time to paint the visible rows (QBENCHMARK) and checks that an incoming event updates one
// row and never resets the model. Run: build/.../tools/bench/bench_feedview [-iterations N]

#include "feedmodel.h"
#include "feedview.h"
#include "session.h"

#include <QListView>
#include <QPixmap>
#include <QSignalSpy>
#include <QTest>

using namespace Hubbub;
using namespace Hubbub::Client;

namespace {

constexpr int PostCount = 100000;

QList<Post> makePosts()
{
    QList<Post> posts;
    posts.reserve(PostCount);
    const QString text = QStringLiteral(
        "A post of a realistic length, long enough to wrap over two or three lines in a window "
        "of ordinary width, with a few more words to make the layout do some work. ");
    for (int i = PostCount; i >= 1; --i) {
        Post post;
        post.id = i;
        post.author = User {1 + i % 7, QStringLiteral("user%1").arg(i % 7), Role::Member};
        post.title = QStringLiteral("Post number %1").arg(i);
        post.content = text.repeated(1 + i % 3);
        post.createdAt = QStringLiteral("2026-11-22T10:00:00.000Z");
        post.ratingAverage = double(i % 5) + 0.5;
        post.ratingCount = i % 13;
        posts.append(post);
    }
    return posts;
}

} // namespace

class bench_FeedView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void paintVisibleRows();
    void eventUpdatesOneRow();
    void applyUpdateEvent();
    void cleanupTestCase();

private:
    Session *m_session = nullptr;
    FeedView *m_view = nullptr;
};

void bench_FeedView::initTestCase()
{
    m_session = new Session(Session::Paths {});
    m_session->feed()->beginReload();
    m_session->feed()->finishReload(makePosts(), false);
    QCOMPARE(m_session->feed()->rowCount(), PostCount);
    m_view = new FeedView(m_session);
    m_view->resize(900, 700);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
}

void bench_FeedView::paintVisibleRows()
{
    QWidget *viewport = m_view->listView()->viewport();
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
    Post post = *feed->post(PostCount / 2);
    post.title = QStringLiteral("Edited title %1").arg(reset.size() + changed.size());
    post.updatedAt = QStringLiteral("2026-11-22T11:00:00.000Z");
    feed->applyEvent(QStringLiteral("post.updated"), {{QStringLiteral("post"), post.toJson()}});
    QCOMPARE(reset.size(), 0);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(changed.size(), 1);
    const QModelIndex row = changed.constFirst().at(0).value<QModelIndex>();
    QCOMPARE(row.row(), feed->rowOf(PostCount / 2));
    QCOMPARE(changed.constFirst().at(1).value<QModelIndex>(), row);
}

void bench_FeedView::applyUpdateEvent()
{
    // QBENCHMARK runs this function several times: every iteration changes the title, so that
    // each applies a real change.
    FeedModel *feed = m_session->feed();
    Post post = *feed->post(PostCount / 3);
    int n = 0;
    QBENCHMARK
    {
        post.title = QStringLiteral("Edit %1").arg(++n);
        feed->applyEvent(QStringLiteral("post.updated"), {{QStringLiteral("post"), post.toJson()}});
    }
}

void bench_FeedView::cleanupTestCase()
{
    delete m_view;
    delete m_session;
}

QTEST_MAIN(bench_FeedView)
#include "bench_feedview.moc"
