// Long posts fold in the feed: a card shows the first lines of a long text with "Show more",
// the whole text with "Show less", by mouse, by Space and from the context menu, against a real
// server on loopback. Short texts never fold.

#include "feedviewfixture.h"
#include "widgettesting.h"

#include <QListView>
#include <QMenu>
#include <QTest>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Hubbub::Test;
using Action = PostDelegate::Action;

namespace {

QString lines(int count)
{
    QStringList list;
    for (int i = 1; i <= count; ++i)
        list.append(QStringLiteral("Line %1 of the text").arg(i));
    return list.join(u'\n');
}

} // namespace

class TestFeedFold final : public FeedViewFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void longPostFoldsWithShowMore();
    void spaceAndMenuFoldToo();
    void shortPostDoesNotFold();

private:
    int heightOf(int row) const;
    QStringList menuTexts(int row);
};

void TestFeedFold::initTestCase()
{
    QVERIFY(startFixture());
}

void TestFeedFold::init()
{
    resetView();
}

void TestFeedFold::cleanup()
{
    QVERIFY(closeLeftovers());
}

void TestFeedFold::cleanupTestCase()
{
    stopFixture();
}

int TestFeedFold::heightOf(int row) const
{
    QListView *list = m_view->listView();
    list->scrollTo(m_feed->index(row), QAbstractItemView::PositionAtTop);
    return list->visualRect(m_feed->index(row)).height();
}

QStringList TestFeedFold::menuTexts(int row)
{
    QListView *list = m_view->listView();
    list->setFocus();
    list->setCurrentIndex(m_feed->index(row));
    QTest::keyClick(list, Qt::Key_Menu);
    if (!QTest::qWaitFor(
            [this] { return m_view->contextMenu() && m_view->contextMenu()->isVisible(); }))
        return {};
    QStringList texts;
    const QList<QAction *> actions = m_view->contextMenu()->actions();
    for (const QAction *action : actions) {
        if (!action->isSeparator())
            texts << action->text();
    }
    return texts;
}

void TestFeedFold::longPostFoldsWithShowMore()
{
    QVERIFY(adaPosts(QStringLiteral("A long post"), lines(20)));
    const int row = rowOf(QStringLiteral("A long post"));
    QVERIFY(row >= 0);
    const int line = m_view->listView()->fontMetrics().lineSpacing();

    // Folded: a card of a few lines, not twenty.
    const int folded = heightOf(row);
    QVERIFY2(folded < line * 16,
        qPrintable(QStringLiteral("%1 px for %2 px lines").arg(folded).arg(line)));
    QVERIFY(!m_view->actionRect(row, Action::ShowMore).isEmpty());
    QVERIFY(m_view->actionRect(row, Action::ShowLess).isEmpty());

    QVERIFY(clickAction(row, Action::ShowMore));
    QTRY_VERIFY(heightOf(row) >= folded + line * 12);
    QVERIFY(m_view->actionRect(row, Action::ShowMore).isEmpty());
    QVERIFY(clickAction(row, Action::ShowLess));
    QTRY_COMPARE(heightOf(row), folded);

    // A card below it keeps its place relative to it: the list follows the new height.
    QVERIFY(bobPosts(QStringLiteral("After the long one")));
    const int longRow = rowOf(QStringLiteral("A long post"));
    QListView *list = m_view->listView();
    list->scrollTo(m_feed->index(longRow), QAbstractItemView::PositionAtTop);
    QVERIFY(clickAction(longRow, Action::ShowMore));
    QTRY_VERIFY(heightOf(longRow) > folded);
    const QRect card = list->visualRect(m_feed->index(longRow));
    QVERIFY(!card.intersects(list->visualRect(m_feed->index(longRow - 1))));
    m_view->delegate()->setExpanded(m_feed->index(longRow), false);
}

void TestFeedFold::spaceAndMenuFoldToo()
{
    QVERIFY(adaPosts(QStringLiteral("Long, by keyboard"), lines(15)));
    const int row = rowOf(QStringLiteral("Long, by keyboard"));
    QVERIFY(row >= 0);
    const int folded = heightOf(row);
    QListView *list = m_view->listView();

    // Space on the current card shows all of it, and again folds it.
    list->setFocus();
    list->setCurrentIndex(m_feed->index(row));
    QTest::keyClick(list, Qt::Key_Space);
    QTRY_VERIFY(heightOf(row) > folded);
    QVERIFY(m_view->delegate()->isExpanded(m_feed->index(row)));
    QTest::keyClick(list, Qt::Key_Space);
    QTRY_COMPARE(heightOf(row), folded);

    // The menu key offers it first.
    QCOMPARE(menuTexts(row).value(0), QStringLiteral("Show more"));
    m_view->contextMenu()->actions().first()->trigger();
    QTRY_VERIFY(m_view->delegate()->isExpanded(m_feed->index(row)));
    m_view->contextMenu()->close();
    QTRY_VERIFY(!m_view->contextMenu());
    QCOMPARE(menuTexts(row).value(0), QStringLiteral("Show less"));
    m_view->contextMenu()->close();
    m_view->delegate()->setExpanded(m_feed->index(row), false);
}

void TestFeedFold::shortPostDoesNotFold()
{
    QVERIFY(adaPosts(QStringLiteral("Short enough"), lines(PostDelegate::FoldLines + 1)));
    const int row = rowOf(QStringLiteral("Short enough"));
    QVERIFY(row >= 0);
    heightOf(row);
    QVERIFY(m_view->actionRect(row, Action::ShowMore).isEmpty());
    QVERIFY(m_view->actionRect(row, Action::ShowLess).isEmpty());
    QVERIFY(!menuTexts(row).contains(QStringLiteral("Show more")));
    m_view->contextMenu()->close();
}

QTEST_MAIN(TestFeedFold)
#include "tst_feedfold.moc"
