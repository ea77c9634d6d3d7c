// The feed page against a real server on loopback: composing with the keyboard, live posts from
// others, the card links (edit, review, delete) clicked with the mouse, the dialogs they open,
// the context menu, the reading position kept when posts arrive above it, paging on scroll,
// the delegate's heights, and the list's own layout: cards re-laid when one changes height or
// the width changes, accessibility, the keyboard, and a feed of 20,000 posts of which only the
// cards near the viewport are measured.

#include "composer.h"
#include "connection.h"
#include "feedmodel.h"
#include "feedview.h"
#include "imageviewer.h"
#include "outbox.h"
#include "postdelegate.h"
#include "posteditdialog.h"
#include "relativetime.h"
#include "reviewdialog.h"
#include "session.h"
#include "testclient.h"
#include "testserver.h"

#include <QAccessible>
#include <QApplication>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Hubbub::Test;
using Action = PostDelegate::Action;

namespace {

const QString Password = QStringLiteral("correct horse");

//! The visible top-level widget of type T (dialogs opened with open() are top-level windows).
template<class T>
T *findWindow()
{
    const QWidgetList widgets = QApplication::topLevelWidgets();
    for (QWidget *widget : widgets) {
        if (auto *found = qobject_cast<T *>(widget); found && found->isVisible())
            return found;
    }
    return nullptr;
}

//! Closes every dialog and menu a test left open, so the next one starts clean.
void closeWindows()
{
    const QWidgetList widgets = QApplication::topLevelWidgets();
    for (QWidget *widget : widgets) {
        if (qobject_cast<QDialog *>(widget) || qobject_cast<QMenu *>(widget))
            widget->close();
    }
}

QJsonObject postParams(const QString &title, const QString &content = {})
{
    return {{QStringLiteral("title"), title}, {QStringLiteral("content"), content}};
}

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

class TestFeedView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();

    void relativeTimeText_data();
    void relativeTimeText();
    void postButtonNeedsTitle();
    void postWithCtrlEnter();
    void attachImage();
    void livePostFromOthers();
    void refusedPostEditedAndSent();
    void refusedPostDiscarded();
    void editOwnPost();
    void noEditOrDeleteOnOthersPosts();
    void reviewWithStars();
    void keyboardMenuAndEnter();
    void deleteOwnPost();
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

private:
    //! Signs a new Session in as `name` and waits until it is online with the feed loaded.
    std::unique_ptr<Session> signIn(const QString &name, bool create);
    int rowOf(const QString &title) const;
    //! The post titled `title` on the server (via bob's connection); empty when none.
    QJsonObject serverPost(const QString &title);
    //! Scrolls row `row` into view and clicks its `action` link.
    bool clickAction(int row, Action action);
    //! Creates a post as bob and waits until it shows in the view.
    bool bobPosts(const QString &title, const QString &content = {});

    TestServer m_server;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<FeedView> m_view;
    TestClient m_bob;
    FeedModel *m_feed = nullptr;
};

std::unique_ptr<Session> TestFeedView::signIn(const QString &name, bool create)
{
    auto session = std::make_unique<Session>(Session::Paths {});
    session->signIn(m_server.url(), name, Password, create);
    const bool ready = QTest::qWaitFor(
        [&] { return session->connection()->isOnline() && session->feed()->isLoaded(); }, 20000);
    if (!ready)
        return nullptr;
    return session;
}

void TestFeedView::initTestCase()
{
    QVERIFY(m_server.start());
    QVERIFY(m_bob.open(m_server.url()));
    QVERIFY(isOk(m_bob.registerUser(QStringLiteral("bob"), Password)));
    m_session = signIn(QStringLiteral("ada"), true);
    QVERIFY(m_session);
    m_feed = m_session->feed();
    m_view = std::make_unique<FeedView>(m_session.get());
    m_view->resize(640, 720);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestFeedView::cleanup()
{
    closeWindows();
    QTRY_VERIFY(!findWindow<QDialog>());
}

void TestFeedView::cleanupTestCase()
{
    m_view.reset();
    m_session.reset();
}

int TestFeedView::rowOf(const QString &title) const
{
    for (int row = 0; row < m_feed->rowCount(); ++row) {
        if (m_feed->index(row).data(FeedModel::TitleRole).toString() == title)
            return row;
    }
    return -1;
}

QJsonObject TestFeedView::serverPost(const QString &title)
{
    const QJsonObject reply
        = m_bob.request(QStringLiteral("feed.page"), {{QStringLiteral("limit"), 100}});
    const QJsonArray posts = reply.value(QStringLiteral("posts")).toArray();
    for (const QJsonValue &post : posts) {
        if (post.toObject().value(QStringLiteral("title")).toString() == title)
            return post.toObject();
    }
    return {};
}

bool TestFeedView::clickAction(int row, Action action)
{
    QListView *list = m_view->listView();
    list->scrollTo(m_feed->index(row), QAbstractItemView::PositionAtTop);
    const QRect rect = m_view->actionRect(row, action);
    if (rect.isEmpty() || !list->viewport()->rect().contains(rect.center()))
        return false;
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    return true;
}

bool TestFeedView::bobPosts(const QString &title, const QString &content)
{
    if (!isOk(m_bob.request(QStringLiteral("post.create"), postParams(title, content))))
        return false;
    return QTest::qWaitFor([&] { return rowOf(title) >= 0; }, 10000);
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

void TestFeedView::postButtonNeedsTitle()
{
    Composer *composer = m_view->composer();
    QCOMPARE(composer->titleEdit()->objectName(), QStringLiteral("composerTitle"));
    QCOMPARE(composer->titleEdit()->placeholderText(), QStringLiteral("Title"));
    QVERIFY(!composer->postButton()->isEnabled());
    QTest::keyClicks(composer->titleEdit(), QStringLiteral("   "));
    QVERIFY(!composer->postButton()->isEnabled());
    QTest::keyClicks(composer->titleEdit(), QStringLiteral("x"));
    QVERIFY(composer->postButton()->isEnabled());
    // Ctrl+Enter on a blank title posts nothing.
    composer->clear();
    const int rows = m_feed->rowCount();
    QTest::keyClick(composer->titleEdit(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(m_feed->rowCount(), rows);
    QCOMPARE(m_session->outbox()->count(), 0);
}

void TestFeedView::postWithCtrlEnter()
{
    Composer *composer = m_view->composer();
    QVERIFY(m_view->findChild<QLineEdit *>(QStringLiteral("composerTitle")));
    QVERIFY(m_view->findChild<QPlainTextEdit *>(QStringLiteral("composerText")));
    QVERIFY(m_view->findChild<QPushButton *>(QStringLiteral("postButton")));
    QCOMPARE(m_view->findChild<QListView *>(QStringLiteral("feedList")), m_view->listView());

    QTest::keyClicks(composer->titleEdit(), QStringLiteral("Hello from ada"));
    QTest::keyClicks(composer->textEdit(), QStringLiteral("First post, typed."));
    QTest::keyClick(composer->textEdit(), Qt::Key_Return, Qt::ControlModifier);

    // At once: the composer is empty and the post is on top, pending.
    QVERIFY(composer->titleEdit()->text().isEmpty());
    QVERIFY(composer->textEdit()->toPlainText().isEmpty());
    QCOMPARE(
        m_feed->index(0).data(FeedModel::TitleRole).toString(), QStringLiteral("Hello from ada"));
    QVERIFY(m_feed->index(0).data(FeedModel::PendingRole).toBool());
    QVERIFY(!m_feed->index(0).data(FeedModel::LocalIdRole).toString().isEmpty());
    QVERIFY(m_view->actionRect(0, Action::Review).isEmpty()); // not reviewable before it exists

    // Then acknowledged, and stored on the server.
    QTRY_VERIFY(!m_feed->index(0).data(FeedModel::PendingRole).toBool());
    QVERIFY(m_feed->index(0).data(FeedModel::IdRole).toLongLong() > 0);
    QCOMPARE(m_feed->index(0).data(FeedModel::ContentRole).toString(),
        QStringLiteral("First post, typed."));
    const QJsonObject stored = serverPost(QStringLiteral("Hello from ada"));
    QCOMPARE(
        stored.value(QStringLiteral("content")).toString(), QStringLiteral("First post, typed."));
    QCOMPARE(PostDelegate::ratingText(m_feed->index(0)), QStringLiteral("No reviews yet"));

    // Ctrl+Return from the title field posts too (without text).
    QTest::keyClicks(composer->titleEdit(), QStringLiteral("Title only"));
    QTest::keyClick(composer->titleEdit(), Qt::Key_Enter, Qt::ControlModifier);
    QTRY_VERIFY(!serverPost(QStringLiteral("Title only")).isEmpty());
    QTRY_COMPARE(m_session->outbox()->count(), 0);
    QCOMPARE(rowOf(QStringLiteral("Title only")), 0);
}

void TestFeedView::attachImage()
{
    Composer *composer = m_view->composer();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Too big: refused before anything is sent, with the reason.
    QFile big(dir.filePath(QStringLiteral("big.png")));
    QVERIFY(big.open(QIODevice::WriteOnly));
    QVERIFY(big.resize(8 * 1024 * 1024 + 1));
    big.close();
    QVERIFY(!composer->attachFile(big.fileName()));
    QVERIFY(!composer->hasAttachment());
    QVERIFY2(composer->errorText().contains(QStringLiteral("big.png")),
        qPrintable(composer->errorText()));
    QVERIFY(composer->errorText().contains(QStringLiteral("too large")));
    // Not an image.
    QFile text(dir.filePath(QStringLiteral("notes.txt")));
    QVERIFY(text.open(QIODevice::WriteOnly));
    QVERIFY(text.write("hello") == 5);
    text.close();
    QVERIFY(!composer->attachFile(text.fileName()));

    const QString png = QStringLiteral(HUBBUB_TEST_DATA "/images/tiny.png");
    QVERIFY(composer->attachFile(png));
    QVERIFY(composer->hasAttachment());
    QVERIFY(composer->errorText().isEmpty());
    QTest::keyClicks(composer->titleEdit(), QStringLiteral("With a picture"));
    QTest::mouseClick(composer->postButton(), Qt::LeftButton);
    QVERIFY(!composer->hasAttachment());
    QTRY_VERIFY(!serverPost(QStringLiteral("With a picture"))
                     .value(QStringLiteral("imageId"))
                     .toString()
                     .isEmpty());
    const int row = rowOf(QStringLiteral("With a picture"));
    QVERIFY(row >= 0);
    QTRY_VERIFY(!m_feed->index(row).data(FeedModel::PendingRole).toBool());
    QVERIFY(!m_feed->index(row).data(FeedModel::ImageIdRole).toString().isEmpty());
    QTRY_VERIFY(!m_view->actionRect(row, Action::OpenImage).isEmpty());

    // The thumbnail opens the full image.
    QVERIFY(clickAction(row, Action::OpenImage));
    ImageViewer *viewer = nullptr;
    QTRY_VERIFY((viewer = findWindow<ImageViewer>()));
    QTRY_VERIFY(viewer->hasImage());
    QCOMPARE(viewer->imageId(), m_feed->index(row).data(FeedModel::ImageIdRole).toString());
    QVERIFY(viewer->rect().contains(viewer->imageRect()));
    viewer->close();

    // Edit → remove the image: gone on the server too.
    QVERIFY(clickAction(row, Action::Edit));
    PostEditDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = findWindow<PostEditDialog>()));
    QVERIFY(dialog->removeImageButton()->isVisibleTo(dialog));
    QTest::keyClick(dialog->removeImageButton(), Qt::Key_Space);
    QVERIFY(dialog->removeImageButton()->isChecked());
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QTRY_VERIFY(m_feed->index(rowOf(QStringLiteral("With a picture")))
                    .data(FeedModel::ImageIdRole)
                    .toString()
                    .isEmpty());
    QTRY_COMPARE(m_session->outbox()->count(), 0);
    QVERIFY(serverPost(QStringLiteral("With a picture")).value(QStringLiteral("imageId")).isNull());
}

void TestFeedView::livePostFromOthers()
{
    QVERIFY(isOk(m_bob.request(QStringLiteral("post.create"),
        postParams(QStringLiteral("Bob says hi"), QStringLiteral("Hi all")))));
    QTRY_COMPARE(
        m_feed->index(0).data(FeedModel::TitleRole).toString(), QStringLiteral("Bob says hi"));
    QCOMPARE(m_feed->index(0).data(FeedModel::AuthorRole).toString(), QStringLiteral("bob"));
}

void TestFeedView::refusedPostEditedAndSent()
{
    // Past the composer's limit (it cannot be typed there), so the server refuses it.
    m_session->createPost(QString(300, QLatin1Char('t')), QStringLiteral("too long a title"));
    QTRY_VERIFY(!m_feed->index(0).data(FeedModel::FailureRole).toString().isEmpty());
    QCOMPARE(m_view->delegate()->actions(m_feed->index(0)),
        (QList<Action> {Action::Edit, Action::Retry, Action::Discard}));
    QVERIFY(m_view->actionRect(0, Action::Review).isEmpty());

    QVERIFY(clickAction(0, Action::Edit));
    PostEditDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = findWindow<PostEditDialog>()));
    // The outbox cannot change a queued upload: no image choice for a post not sent yet.
    QVERIFY(!dialog->keepImageButton()->isVisibleTo(dialog));
    dialog->titleEdit()->selectAll();
    QTest::keyClicks(dialog->titleEdit(), QStringLiteral("Fixed title"));
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QTRY_VERIFY(!serverPost(QStringLiteral("Fixed title")).isEmpty());
    QTRY_COMPARE(m_session->outbox()->count(), 0);
    QCOMPARE(serverPost(QStringLiteral("Fixed title")).value(QStringLiteral("content")).toString(),
        QStringLiteral("too long a title"));
    QTRY_VERIFY(rowOf(QStringLiteral("Fixed title")) >= 0);
    QVERIFY(
        !m_feed->index(rowOf(QStringLiteral("Fixed title"))).data(FeedModel::PendingRole).toBool());
}

void TestFeedView::refusedPostDiscarded()
{
    const int rows = m_feed->rowCount();
    m_session->createPost(QString(300, QLatin1Char('d')), QString());
    QTRY_VERIFY(!m_feed->index(0).data(FeedModel::FailureRole).toString().isEmpty());
    QCOMPARE(m_feed->rowCount(), rows + 1);
    // Retry sends it again; the server refuses it again.
    QList<Outbox::Status> seen;
    const auto watch = connect(m_session->outbox(), &Outbox::changed, this,
        [&seen](const Outbox::Entry &entry) { seen << entry.status; });
    // Also when a check below fails: `seen` dies with this function.
    const auto unwatch = qScopeGuard([&watch] { disconnect(watch); });
    QVERIFY(clickAction(0, Action::Retry));
    QTRY_VERIFY(seen.contains(Outbox::Status::Sending) && seen.last() == Outbox::Status::Failed);
    QVERIFY(!m_feed->index(0).data(FeedModel::FailureRole).toString().isEmpty());
    QVERIFY(clickAction(0, Action::Discard));
    QTRY_COMPARE(m_feed->rowCount(), rows);
    QCOMPARE(m_session->outbox()->count(), 0);
    QVERIFY(serverPost(QString(300, QLatin1Char('d'))).isEmpty());
}

void TestFeedView::editOwnPost()
{
    const int row = rowOf(QStringLiteral("Hello from ada"));
    QVERIFY(row >= 0);
    QVERIFY(clickAction(row, Action::Edit));
    PostEditDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = findWindow<PostEditDialog>()));
    QCOMPARE(dialog->titleEdit()->text(), QStringLiteral("Hello from ada"));
    QCOMPARE(dialog->textEdit()->toPlainText(), QStringLiteral("First post, typed."));
    dialog->titleEdit()->selectAll();
    QTest::keyClick(dialog->titleEdit(), Qt::Key_Backspace);
    QVERIFY(!dialog->okButton()->isEnabled()); // a blank title cannot be saved
    QTest::keyClicks(dialog->titleEdit(), QStringLiteral("Hello, edited"));
    QVERIFY(dialog->okButton()->isEnabled());
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);

    QTRY_COMPARE(rowOf(QStringLiteral("Hello, edited")), row);
    QTRY_VERIFY(!m_feed->index(row).data(FeedModel::PendingRole).toBool());
    QVERIFY(m_feed->index(row).data(FeedModel::EditedRole).toBool());
    const QJsonObject stored = serverPost(QStringLiteral("Hello, edited"));
    QVERIFY(!stored.isEmpty());
    QCOMPARE(
        stored.value(QStringLiteral("content")).toString(), QStringLiteral("First post, typed."));
    QVERIFY(serverPost(QStringLiteral("Hello from ada")).isEmpty());
}

void TestFeedView::noEditOrDeleteOnOthersPosts()
{
    const int bobRow = rowOf(QStringLiteral("Bob says hi"));
    const int adaRow = rowOf(QStringLiteral("Hello, edited"));
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
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    QVERIFY(!findWindow<PostEditDialog>());
    QVERIFY(!findWindow<QMessageBox>());
    QVERIFY(!findWindow<ReviewDialog>());
}

void TestFeedView::reviewWithStars()
{
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

void TestFeedView::keyboardMenuAndEnter()
{
    QListView *list = m_view->listView();
    const int row = rowOf(QStringLiteral("Hello, edited"));
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
        (QStringList {
            QStringLiteral("Review…"), QStringLiteral("Edit"), QStringLiteral("Delete")}));
    m_view->contextMenu()->close();
    QTRY_VERIFY(!m_view->contextMenu());

    // Shift+F10 on someone else's post: no Edit or Delete there.
    list->setCurrentIndex(m_feed->index(rowOf(QStringLiteral("Bob says hi"))));
    QTest::keyClick(list, Qt::Key_F10, Qt::ShiftModifier);
    QTRY_VERIFY(m_view->contextMenu() && m_view->contextMenu()->isVisible());
    QCOMPARE(m_view->contextMenu()->actions().size(), 1);
    // Choosing from the menu does what the link does.
    m_view->contextMenu()->actions().first()->trigger();
    QTRY_VERIFY(findWindow<ReviewDialog>());
    closeWindows();
    QTRY_VERIFY(!findWindow<ReviewDialog>());

    // Enter on the current card opens Review….
    QTest::keyClick(list, Qt::Key_Return);
    ReviewDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = findWindow<ReviewDialog>()));
    QCOMPARE(dialog->postId(),
        m_feed->index(rowOf(QStringLiteral("Bob says hi"))).data(FeedModel::IdRole).toLongLong());
    QVERIFY(!list->accessibleName().isEmpty());
}

void TestFeedView::deleteOwnPost()
{
    int row = rowOf(QStringLiteral("Title only"));
    QVERIFY(row >= 0);
    const qint64 id = m_feed->index(row).data(FeedModel::IdRole).toLongLong();

    // Cancel keeps it.
    QVERIFY(clickAction(row, Action::Delete));
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = findWindow<QMessageBox>()));
    QCOMPARE(box->text(), QStringLiteral("Delete this post?"));
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

void TestFeedView::scrollPositionKeptWhenPostArrives()
{
    for (int i = 0; i < 40; ++i) {
        const QString title = QStringLiteral("Seed %1").arg(i);
        QVERIFY(isOk(m_bob.request(QStringLiteral("post.create"),
            postParams(title, QStringLiteral("Line one of %1.\nLine two.").arg(i)))));
    }
    QTRY_COMPARE(m_feed->index(0).data(FeedModel::TitleRole).toString(), QStringLiteral("Seed 39"));

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
    // Reading the long card (its text wraps again at another width), cut at the top.
    const int longRow = rowOf(QStringLiteral("Long one"));
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
        QStringLiteral("post.created"), {{QStringLiteral("post"), makePost(Count + 1).toJson()}});
    Post far = makePost(3);
    far.content = QStringLiteral("Now much longer than before. ").repeated(40);
    feed->applyEvent(QStringLiteral("post.updated"), {{QStringLiteral("post"), far.toJson()}});
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
