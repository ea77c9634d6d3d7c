// Reviews as a feed user meets them, against a real server on loopback: reviewing a post again
// starts from one's own review and replaces it (the rating still counts once), and the card shows
// the newest comments, updated live when someone else reviews.

#include "feedviewfixture.h"
#include "reviewdialog.h"
#include "widgettesting.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Hubbub::Test;
using Action = PostDelegate::Action;

class TestFeedReviews final : public FeedViewFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void reviewingAgainReplaces();
    void othersReviewsShowOnTheCard();
    void ctrlEnterSends();

private:
    //! Opens the review dialog of row `row` and waits for its list of reviews.
    ReviewDialog *openReview(int row);
    QVariantList recentOf(const QString &title) const;
};

void TestFeedReviews::initTestCase()
{
    QVERIFY(startFixture());
}

void TestFeedReviews::init()
{
    resetView();
}

void TestFeedReviews::cleanup()
{
    QVERIFY(closeLeftovers());
}

void TestFeedReviews::cleanupTestCase()
{
    stopFixture();
}

ReviewDialog *TestFeedReviews::openReview(int row)
{
    if (!clickAction(row, Action::Review))
        return nullptr;
    ReviewDialog *dialog = nullptr;
    if (!QTest::qWaitFor([&] { return (dialog = findWindow<ReviewDialog>()) != nullptr; }))
        return nullptr;
    return QTest::qWaitFor([&] { return dialog->reviewsLoaded(); }) ? dialog : nullptr;
}

QVariantList TestFeedReviews::recentOf(const QString &title) const
{
    return m_feed->index(rowOf(title)).data(FeedModel::RecentReviewsRole).toList();
}

void TestFeedReviews::reviewingAgainReplaces()
{
    const QString title = QStringLiteral("Rate me twice");
    QVERIFY(bobPosts(title, QStringLiteral("Hi all")));
    ReviewDialog *dialog = openReview(rowOf(title));
    QVERIFY(dialog);
    QVERIFY(!dialog->replacesReview());
    auto *note = dialog->findChild<QLabel *>(QStringLiteral("reviewOwnNote"));
    QVERIFY(note && !note->isVisible());
    QTest::keyClick(dialog->starPicker(), Qt::Key_4);
    QTest::keyClicks(dialog->commentEdit(), QStringLiteral("Nice one"));
    QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_COMPARE(m_feed->index(rowOf(title)).data(FeedModel::RatingCountRole).toLongLong(), 1);
    QTRY_VERIFY(!findWindow<ReviewDialog>());

    // Opened again, the dialog starts from ada's review and says it will change it.
    dialog = openReview(rowOf(title));
    QVERIFY(dialog);
    QVERIFY(dialog->replacesReview());
    QCOMPARE(dialog->rating(), 4);
    QCOMPARE(dialog->comment(), QStringLiteral("Nice one"));
    note = dialog->findChild<QLabel *>(QStringLiteral("reviewOwnNote"));
    QVERIFY(note && note->isVisible());
    ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QCOMPARE(ok->text(), QStringLiteral("Update review"));

    QTest::keyClick(dialog->starPicker(), Qt::Key_2);
    dialog->commentEdit()->setPlainText(QStringLiteral("Less nice on reflection"));
    QTest::mouseClick(ok, Qt::LeftButton);

    // Still one vote, now two stars: the card and the server agree.
    const auto index = [&] { return m_feed->index(rowOf(title)); };
    QTRY_COMPARE(index().data(FeedModel::RatingAverageRole).toDouble(), 2.0);
    QCOMPARE(index().data(FeedModel::RatingCountRole).toLongLong(), 1);
    QCOMPARE(PostDelegate::ratingText(index()), QStringLiteral("★ 2.0 (1)"));
    const QJsonArray list
        = m_bob
              .request(QStringLiteral("review.list"),
                  {{QStringLiteral("postId"), index().data(FeedModel::IdRole).toLongLong()}})
              .value(QStringLiteral("reviews"))
              .toArray();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().toObject().value(QStringLiteral("rating")).toInt(), 2);
}

void TestFeedReviews::othersReviewsShowOnTheCard()
{
    const QString title = QStringLiteral("What do you think?");
    QVERIFY(adaPosts(title, QStringLiteral("Tell me.")));
    const qint64 postId = m_feed->index(rowOf(title)).data(FeedModel::IdRole).toLongLong();
    QListView *list = m_view->listView();
    const auto height = [&] {
        const QModelIndex index = m_feed->index(rowOf(title));
        list->scrollTo(index, QAbstractItemView::PositionAtTop);
        return list->visualRect(index).height();
    };
    const int before = height();
    QVERIFY(recentOf(title).isEmpty());

    // Bob reviews on his own connection: ada's card shows his comment, a line taller.
    QVERIFY(isOk(m_bob.request(QStringLiteral("review.create"),
        {{QStringLiteral("postId"), postId}, {QStringLiteral("rating"), 5},
            {QStringLiteral("comment"), QStringLiteral("Great idea")}})));
    QTRY_COMPARE(recentOf(title).size(), 1);
    QVariantMap first = recentOf(title).first().toMap();
    QCOMPARE(first.value(QStringLiteral("author")).toString(), QStringLiteral("bob"));
    QCOMPARE(first.value(QStringLiteral("comment")).toString(), QStringLiteral("Great idea"));
    QTRY_VERIFY(height() >= before + list->fontMetrics().height());

    // He changes his mind: still one vote, his new comment in place of the old one.
    QVERIFY(isOk(m_bob.request(QStringLiteral("review.create"),
        {{QStringLiteral("postId"), postId}, {QStringLiteral("rating"), 3},
            {QStringLiteral("comment"), QStringLiteral("On second thought, maybe")}})));
    QTRY_COMPARE(recentOf(title).value(0).toMap().value(QStringLiteral("comment")).toString(),
        QStringLiteral("On second thought, maybe"));
    QCOMPARE(recentOf(title).size(), 1);
    const QModelIndex index = m_feed->index(rowOf(title));
    QCOMPARE(index.data(FeedModel::RatingCountRole).toLongLong(), 1);
    QCOMPARE(index.data(FeedModel::RatingAverageRole).toDouble(), 3.0);
}

void TestFeedReviews::ctrlEnterSends()
{
    const QString title = QStringLiteral("Rate me by keyboard");
    QVERIFY(bobPosts(title, QStringLiteral("Keys only")));
    ReviewDialog *dialog = openReview(rowOf(title));
    QVERIFY(dialog);
    dialog->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(dialog));

    // Without a rating, Ctrl+Enter sends nothing and takes the focus to the stars.
    dialog->commentEdit()->setFocus();
    QTest::keyClicks(dialog->commentEdit(), QStringLiteral("Typed first"));
    QTest::keyClick(dialog->commentEdit(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(dialog->isVisible());
    QTRY_COMPARE(QApplication::focusWidget(), dialog->starPicker());
    QCOMPARE(m_feed->index(rowOf(title)).data(FeedModel::RatingCountRole).toLongLong(), 0);

    // With one, Ctrl+Enter in the comment sends it.
    QTest::keyClick(dialog->starPicker(), Qt::Key_5);
    dialog->commentEdit()->setFocus();
    QTest::keyClick(dialog->commentEdit(), Qt::Key_Enter, Qt::ControlModifier);
    QTRY_VERIFY(!findWindow<ReviewDialog>());
    QTRY_COMPARE(m_feed->index(rowOf(title)).data(FeedModel::RatingCountRole).toLongLong(), 1);
    QCOMPARE(m_feed->index(rowOf(title)).data(FeedModel::RatingAverageRole).toDouble(), 5.0);
}

QTEST_MAIN(TestFeedReviews)
#include "tst_feedreviews.moc"
