// Reactions on posts in the feed (part "react" of issue 12), against a real server and a real
// signed-in Session, with real mouse and key events: chips under a card, a click on a chip
// toggling one's own reaction, and "Add reaction…" in the card's menu with the picker.

#include "feedlistview.h"
#include "feedviewfixture.h"
#include "reactionpicker.h"
#include "widgettesting.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QMenu>
#include <QTest>
#include <QToolButton>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

class TestPostReactions final : public FeedViewFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void chipClickTogglesOwnReaction();
    void menuAddsAReaction();

private:
    //! "🎉:2" per reaction of the post on the server.
    QStringList reactionsOnServer(const QString &title);
    //! A point over row `row` where a chip matching `match` is drawn, or (-1, -1).
    QPoint chipPoint(int row, const std::function<bool(const ReactionChip &)> &match);
};

void TestPostReactions::initTestCase()
{
    QVERIFY(startFixture());
}

void TestPostReactions::init()
{
    resetView();
}

void TestPostReactions::cleanup()
{
    QVERIFY(closeLeftovers());
}

void TestPostReactions::cleanupTestCase()
{
    stopFixture();
}

QStringList TestPostReactions::reactionsOnServer(const QString &title)
{
    QStringList list;
    for (const QJsonValue &r : serverPost(title).value("reactions"_L1).toArray())
        list.append(r.toObject().value("emoji"_L1).toString() + u':'
            + QString::number(r.toObject().value("count"_L1).toInt()));
    return list;
}

QPoint TestPostReactions::chipPoint(int row, const std::function<bool(const ReactionChip &)> &match)
{
    auto *list = static_cast<FeedListView *>(m_view->listView());
    const QModelIndex index = m_feed->index(row);
    list->scrollTo(index);
    const QStyleOptionViewItem option = list->optionFor(index);
    const QRect rect = list->visualRect(index);
    for (int y = rect.top(); y < rect.bottom(); y += 2) {
        for (int x = rect.left(); x < rect.left() + 200; x += 4) {
            const auto chip = m_view->delegate()->chipAt(option, index, {x, y});
            if (chip && match(*chip))
                return {x, y};
        }
    }
    return {-1, -1};
}

void TestPostReactions::chipClickTogglesOwnReaction()
{
    QVERIFY(bobPosts(u"Team lunch on Friday"_s));
    const qint64 postId = serverPost(u"Team lunch on Friday"_s).value("id"_L1).toInteger();
    QAbstractItemModelTester tester(m_feed, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(isOk(m_bob.request(
        u"reaction.set"_s, {{u"postId"_s, postId}, {u"emoji"_s, u"🎉"_s}, {u"on"_s, true}})));
    const int row = rowOf(u"Team lunch on Friday"_s);
    QTRY_COMPARE(m_feed->index(row).data(FeedModel::ReactionsRole).toList().size(), 1);

    const auto party = [](const ReactionChip &chip) { return chip.emoji == u"🎉"_s; };
    QPoint chip = chipPoint(row, party);
    QVERIFY(chip.x() >= 0);
    QTest::mouseClick(m_view->listView()->viewport(), Qt::LeftButton, {}, chip);
    QTRY_COMPARE(reactionsOnServer(u"Team lunch on Friday"_s), QStringList {u"🎉:2"_s});
    QTRY_VERIFY(
        chipPoint(row, [](const ReactionChip &c) { return c.mine && c.count == 2; }).x() >= 0);
    chip = chipPoint(row, party);
    QTest::mouseClick(m_view->listView()->viewport(), Qt::LeftButton, {}, chip);
    QTRY_COMPARE(reactionsOnServer(u"Team lunch on Friday"_s), QStringList {u"🎉:1"_s});
}

void TestPostReactions::menuAddsAReaction()
{
    QVERIFY(bobPosts(u"New coffee machine"_s));
    const int row = rowOf(u"New coffee machine"_s);
    QListView *list = m_view->listView();
    list->setCurrentIndex(m_feed->index(row));
    QTest::keyClick(list, Qt::Key_Menu);
    QTRY_VERIFY(m_view->contextMenu() && m_view->contextMenu()->isVisible());
    QAction *react = m_view->contextMenu()->findChild<QAction *>(u"reactAction"_s);
    QVERIFY(react);
    react->trigger();
    QTRY_VERIFY(m_view->reactionPicker() && m_view->reactionPicker()->isVisible());
    auto *thumbs = m_view->reactionPicker()->findChild<QToolButton *>(u"emoji0"_s);
    QVERIFY(thumbs);
    QTest::mouseClick(thumbs, Qt::LeftButton);
    QTRY_COMPARE(reactionsOnServer(u"New coffee machine"_s), QStringList {u"👍:1"_s});
    QTRY_VERIFY(!m_view->reactionPicker());
}

QTEST_MAIN(TestPostReactions)
#include "tst_postreactions.moc"
