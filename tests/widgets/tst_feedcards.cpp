// The cards of the feed page against a real server on loopback: their links (edit, review,
// delete) clicked with the mouse, the dialogs they open, the context menu and Enter from the
// keyboard, and no Edit or Delete on other people's posts. Each test posts the cards it needs.

#include "feedviewfixture.h"
#include "outbox.h"
#include "posteditdialog.h"
#include "reviewdialog.h"
#include "widgettesting.h"

#include <QDialogButtonBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Hubbub::Test;
using Action = PostDelegate::Action;

class TestFeedCards final : public FeedViewFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void editOwnPost();
    void noEditOrDeleteOnOthersPosts();
    void reviewWithStars();
    void keyboardMenuAndEnter();
    void deleteOwnPost();
};

void TestFeedCards::initTestCase()
{
    QVERIFY(startFixture());
}

void TestFeedCards::init()
{
    resetView();
}

void TestFeedCards::cleanup()
{
    QVERIFY(closeLeftovers());
}

void TestFeedCards::cleanupTestCase()
{
    stopFixture();
}

void TestFeedCards::editOwnPost()
{
    QVERIFY(adaPosts(QStringLiteral("Hello from ada"), QStringLiteral("First post, typed.")));
    const int row = rowOf(QStringLiteral("Hello from ada"));
    QVERIFY(row >= 0);
    QVERIFY(clickAction(row, Action::Edit));
    PostEditDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = findWindow<PostEditDialog>()));
    QCOMPARE(dialog->titleEdit()->text(), QStringLiteral("Hello from ada"));
    QCOMPARE(dialog->textEdit()->toPlainText(), QStringLiteral("First post, typed."));
    dialog->titleEdit()->selectAll();
    QTest::keyClick(dialog->titleEdit(), Qt::Key_Backspace);
    QVERIFY(!dialog->okButton()->isEnabled()); // a blank title cannot be saved, and it says so
    auto *error = dialog->findChild<QLabel *>(QStringLiteral("editError"));
    QVERIFY(error && error->isVisible());
    QCOMPARE(error->text(), QStringLiteral("A post needs a title."));
    QTest::keyClick(dialog->textEdit(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->titleEdit()->hasFocus());
    QTest::keyClicks(dialog->titleEdit(), QStringLiteral("Hello, edited"));
    QVERIFY(dialog->okButton()->isEnabled());
    QVERIFY(!error->isVisible());
    // Ctrl+Enter saves from the text field, as it posts in the composer.
    dialog->textEdit()->setFocus();
    QTest::keyClick(dialog->textEdit(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY(!findWindow<PostEditDialog>()); // closed (and deleted), no newline typed

    QTRY_COMPARE(rowOf(QStringLiteral("Hello, edited")), row);
    QTRY_VERIFY(!m_feed->index(row).data(FeedModel::PendingRole).toBool());
    QVERIFY(m_feed->index(row).data(FeedModel::EditedRole).toBool());
    const QJsonObject stored = serverPost(QStringLiteral("Hello, edited"));
    QVERIFY(!stored.isEmpty());
    QCOMPARE(
        stored.value(QStringLiteral("content")).toString(), QStringLiteral("First post, typed."));
    QVERIFY(serverPost(QStringLiteral("Hello from ada")).isEmpty());
}

void TestFeedCards::noEditOrDeleteOnOthersPosts()
{
    QVERIFY(adaPosts(QStringLiteral("Ada's own card")));
    QVERIFY(bobPosts(QStringLiteral("Bob's card")));
    const int bobRow = rowOf(QStringLiteral("Bob's card"));
    const int adaRow = rowOf(QStringLiteral("Ada's own card"));
    QVERIFY(bobRow >= 0 && adaRow >= 0);
    m_view->listView()->scrollToTop();
    QVERIFY(m_view->actionRect(bobRow, Action::Edit).isEmpty());
    QVERIFY(m_view->actionRect(bobRow, Action::Delete).isEmpty());
    QVERIFY(!m_view->actionRect(bobRow, Action::Review).isEmpty());
    QVERIFY(!m_view->actionRect(adaRow, Action::Edit).isEmpty());

    // A click where Edit sits on ada's card, at the same place on bob's, opens nothing.
    QListView *list = m_view->listView();
    list->scrollTo(m_feed->index(adaRow), QAbstractItemView::PositionAtTop);
    const QRect adaCard = list->visualRect(m_feed->index(adaRow));
    const QPoint offset = m_view->actionRect(adaRow, Action::Edit).center() - adaCard.topLeft();
    list->scrollTo(m_feed->index(bobRow), QAbstractItemView::PositionAtTop);
    const QRect bobCard = list->visualRect(m_feed->index(bobRow));
    QVERIFY(bobCard.contains(bobCard.topLeft() + QPoint(offset.x(), 0)));
    const QRect bobReview = m_view->actionRect(bobRow, Action::Review);
    const QPoint where(bobCard.left() + offset.x(), bobReview.center().y());
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, where);
    // Asserting that nothing opens: FeedView runs a link's action from a zero-time timer after
    // the click, and the dialogs it opens show at once (open()). One pass of the event loop runs
    // that timer; the second is margin.
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    QVERIFY(!findWindow<PostEditDialog>());
    QVERIFY(!findWindow<QMessageBox>());
    QVERIFY(!findWindow<ReviewDialog>());
}

void TestFeedCards::reviewWithStars()
{
    QVERIFY(bobPosts(QStringLiteral("Bob says hi"), QStringLiteral("Hi all")));
    const int row = rowOf(QStringLiteral("Bob says hi"));
    QVERIFY(row >= 0);
    QVERIFY(clickAction(row, Action::Review));
    ReviewDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = findWindow<ReviewDialog>()));
    QTRY_VERIFY(dialog->reviewsLoaded());
    QCOMPARE(dialog->reviewList()->count(), 0);
    QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled()); // no stars chosen yet

    // The mouse: the second star. Stars are laid out from font metrics, as the picker does.
    QWidget *stars = dialog->starPicker();
    const QFontMetrics fm = stars->fontMetrics();
    const int starWidth = fm.horizontalAdvance(QChar(0x2605)) * 3 / 2;
    const int padding = fm.height() / 4;
    QTest::mouseClick(stars, Qt::LeftButton, {},
        QPoint(padding + starWidth + starWidth / 2, stars->height() / 2));
    QCOMPARE(dialog->rating(), 2);
    QVERIFY(ok->isEnabled());
    // The keyboard: End (5), then Left (4).
    QTest::keyClick(stars, Qt::Key_End);
    QCOMPARE(dialog->rating(), 5);
    QTest::keyClick(stars, Qt::Key_Left);
    QCOMPARE(dialog->rating(), 4);
    QCOMPARE(stars->accessibleDescription(), QStringLiteral("4 of 5 stars"));
    QTest::keyClicks(dialog->commentEdit(), QStringLiteral("Nice one"));
    QTest::mouseClick(ok, Qt::LeftButton);

    QTRY_COMPARE(m_feed->index(rowOf(QStringLiteral("Bob says hi")))
                     .data(FeedModel::RatingCountRole)
                     .toLongLong(),
        1);
    const QModelIndex index = m_feed->index(rowOf(QStringLiteral("Bob says hi")));
    QCOMPARE(index.data(FeedModel::RatingAverageRole).toDouble(), 4.0);
    QCOMPARE(PostDelegate::ratingText(index), QStringLiteral("★ 4.0 (1)"));
    const QJsonObject reviews = m_bob.request(QStringLiteral("review.list"),
        {{QStringLiteral("postId"), index.data(FeedModel::IdRole).toLongLong()}});
    const QJsonArray list = reviews.value(QStringLiteral("reviews")).toArray();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().toObject().value(QStringLiteral("comment")).toString(),
        QStringLiteral("Nice one"));
    QCOMPARE(list.first().toObject().value(QStringLiteral("rating")).toInt(), 4);

    // Opened again, the dialog lists that review.
    QVERIFY(clickAction(rowOf(QStringLiteral("Bob says hi")), Action::Review));
    QTRY_VERIFY((dialog = findWindow<ReviewDialog>()));
    QTRY_COMPARE(dialog->reviewList()->count(), 1);
    QVERIFY(dialog->reviewList()->item(0)->text().contains(QStringLiteral("Nice one")));
}

void TestFeedCards::keyboardMenuAndEnter()
{
    QVERIFY(adaPosts(QStringLiteral("Ada's card for the menu")));
    QVERIFY(bobPosts(QStringLiteral("Bob's card for the menu")));
    QListView *list = m_view->listView();
    const int row = rowOf(QStringLiteral("Ada's card for the menu"));
    QVERIFY(row >= 0);
    list->setCurrentIndex(m_feed->index(row));
    QTest::keyClick(list, Qt::Key_Menu);
    QTRY_VERIFY(m_view->contextMenu() && m_view->contextMenu()->isVisible());
    QStringList texts;
    const QList<QAction *> actions = m_view->contextMenu()->actions();
    for (const QAction *action : actions) {
        if (!action->isSeparator())
            texts << action->text();
    }
    QCOMPARE(texts,
        (QStringList {QStringLiteral("Review…"), QStringLiteral("Edit"), QStringLiteral("Delete"),
            QStringLiteral("Add reaction…")}));
    m_view->contextMenu()->close();
    QTRY_VERIFY(!m_view->contextMenu());

    // Shift+F10 on someone else's post: no Edit or Delete there.
    list->setCurrentIndex(m_feed->index(rowOf(QStringLiteral("Bob's card for the menu"))));
    QTest::keyClick(list, Qt::Key_F10, Qt::ShiftModifier);
    QTRY_VERIFY(m_view->contextMenu() && m_view->contextMenu()->isVisible());
    // Review…, then (part "react") a separator and Add reaction….
    QCOMPARE(m_view->contextMenu()->actions().size(), 3);
    // Choosing from the menu does what the link does.
    m_view->contextMenu()->actions().first()->trigger();
    QTRY_VERIFY(findWindow<ReviewDialog>());
    closeDialogsAndMenus();
    QTRY_VERIFY(!findWindow<ReviewDialog>());

    // Enter on the current card opens Review….
    QTest::keyClick(list, Qt::Key_Return);
    ReviewDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = findWindow<ReviewDialog>()));
    QCOMPARE(dialog->postId(),
        m_feed->index(rowOf(QStringLiteral("Bob's card for the menu")))
            .data(FeedModel::IdRole)
            .toLongLong());
    QVERIFY(!list->accessibleName().isEmpty());
}

void TestFeedCards::deleteOwnPost()
{
    QVERIFY(adaPosts(QStringLiteral("Title only")));
    int row = rowOf(QStringLiteral("Title only"));
    QVERIFY(row >= 0);
    const qint64 id = m_feed->index(row).data(FeedModel::IdRole).toLongLong();

    // Cancel keeps it.
    QVERIFY(clickAction(row, Action::Delete));
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = findWindow<QMessageBox>()));
    QCOMPARE(box->text(), QStringLiteral("Delete this post?"));
    // Wide enough for its title, every text at its full size (it was 199 px wide).
    QTRY_VERIFY(box->isVisible());
    QVERIFY2(box->width() >= box->fontMetrics().horizontalAdvance(u'x') * 40,
        qPrintable(QString::number(box->width())));
    const QList<QLabel *> labels = box->findChildren<QLabel *>();
    for (const QLabel *label : labels) {
        if (!label->isVisible() || label->text().isEmpty())
            continue;
        const int wanted = label->hasHeightForWidth() ? label->heightForWidth(label->width())
                                                      : label->sizeHint().height();
        QVERIFY2(label->height() >= wanted && label->width() >= label->minimumSizeHint().width(),
            qPrintable(label->text()));
    }
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!findWindow<QMessageBox>());
    QCOMPARE(rowOf(QStringLiteral("Title only")), row);
    QVERIFY(!m_feed->index(row).data(FeedModel::PendingRole).toBool());

    // Confirming deletes it, here and on the server.
    QVERIFY(clickAction(row, Action::Delete));
    QTRY_VERIFY((box = findWindow<QMessageBox>()));
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    QTRY_COMPARE(rowOf(QStringLiteral("Title only")), -1);
    QVERIFY(m_feed->rowOf(id) == -1);
    QTRY_COMPARE(m_session->outbox()->count(), 0);
    QVERIFY(serverPost(QStringLiteral("Title only")).isEmpty());
    const QJsonObject get
        = m_bob.request(QStringLiteral("post.get"), {{QStringLiteral("postId"), id}});
    QCOMPARE(errorCode(get), QStringLiteral("not_found"));
}

QTEST_MAIN(TestFeedCards)
#include "tst_feedcards.moc"
