// The feed page's composer against a real server on loopback: the Post button and Ctrl+Enter,
// attaching an image (refused when too big or not an image), posts from others arriving live,
// and a post the server refuses, edited and sent again or discarded.

#include "composer.h"
#include "feedviewfixture.h"
#include "imageviewer.h"
#include "outbox.h"
#include "posteditdialog.h"
#include "widgettesting.h"

#include <QFile>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Hubbub::Test;
using Action = PostDelegate::Action;

class TestFeedComposer final : public FeedViewFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void postButtonNeedsTitle();
    void postFromImageButton();
    void postWithCtrlEnter();
    void attachImage();
    void livePostFromOthers();
    void refusedPostEditedAndSent();
    void refusedPostDiscarded();
};

void TestFeedComposer::initTestCase()
{
    QVERIFY(startFixture());
}

void TestFeedComposer::init()
{
    resetView();
}

void TestFeedComposer::cleanup()
{
    QVERIFY(closeLeftovers());
}

void TestFeedComposer::cleanupTestCase()
{
    stopFixture();
}

void TestFeedComposer::postButtonNeedsTitle()
{
    Composer *composer = m_view->composer();
    QCOMPARE(composer->titleEdit()->objectName(), QStringLiteral("composerTitle"));
    QCOMPARE(composer->titleEdit()->placeholderText(), QStringLiteral("Title"));
    const QString missing = QStringLiteral("Give the post a title first.");
    QVERIFY(composer->errorText().isEmpty()); // nothing to complain about before an attempt

    // Enabled without a title, so that a click can say what is missing; nothing is posted.
    const int rows = m_feed->rowCount();
    QTest::keyClicks(composer->textEdit(), QStringLiteral("Text but no title"));
    QVERIFY(composer->postButton()->isEnabled());
    QTest::mouseClick(composer->postButton(), Qt::LeftButton);
    QCOMPARE(composer->errorText(), missing);
    QVERIFY(composer->titleEdit()->hasFocus());
    QCOMPARE(m_feed->rowCount(), rows);
    QCOMPARE(m_session->outbox()->count(), 0);
    QCOMPARE(composer->textEdit()->toPlainText(), QStringLiteral("Text but no title"));

    // A blank title is no title; Ctrl+Enter says the same, from any part of the composer.
    QTest::keyClicks(composer->titleEdit(), QStringLiteral("   "));
    QCOMPARE(composer->errorText(), missing);
    composer->attachButton()->setFocus();
    QTest::keyClick(composer->attachButton(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(composer->errorText(), missing);
    QCOMPARE(m_session->outbox()->count(), 0);

    // Typing a title takes the message away.
    QTest::keyClicks(composer->titleEdit(), QStringLiteral("x"));
    QVERIFY(composer->errorText().isEmpty());
    composer->clear();
}

void TestFeedComposer::postFromImageButton()
{
    // Ctrl+Enter posts with the focus on the image button, as in the fields.
    Composer *composer = m_view->composer();
    QTest::keyClicks(composer->titleEdit(), QStringLiteral("Posted from the button"));
    composer->attachButton()->setFocus();
    QVERIFY(composer->attachButton()->hasFocus());
    QTest::keyClick(composer->attachButton(), Qt::Key_Enter, Qt::ControlModifier);
    QVERIFY(composer->titleEdit()->text().isEmpty());
    QTRY_VERIFY(!serverPost(QStringLiteral("Posted from the button")).isEmpty());
    QTRY_COMPARE(m_session->outbox()->count(), 0);
}

void TestFeedComposer::postWithCtrlEnter()
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

void TestFeedComposer::attachImage()
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

void TestFeedComposer::livePostFromOthers()
{
    QVERIFY(isOk(m_bob.request(QStringLiteral("post.create"),
        postParams(QStringLiteral("Bob says hi"), QStringLiteral("Hi all")))));
    QTRY_COMPARE(
        m_feed->index(0).data(FeedModel::TitleRole).toString(), QStringLiteral("Bob says hi"));
    QCOMPARE(m_feed->index(0).data(FeedModel::AuthorRole).toString(), QStringLiteral("bob"));
}

void TestFeedComposer::refusedPostEditedAndSent()
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

void TestFeedComposer::refusedPostDiscarded()
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

QTEST_MAIN(TestFeedComposer)
#include "tst_feedcomposer.moc"
