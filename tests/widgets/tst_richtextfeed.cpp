// Rich text on the feed's cards, against a real server with ada's FeedView on screen: a post's
// Markdown renders (its link opens on a real click through QDesktopServices' handler), "edited"
// in the header opens the post's edit history on a real click, a mention of ada in a post
// shows under bob's current name after he renames, and `@` completes in the post composer.

#include "composer.h"
#include "connection.h"
#include "edithistorydialog.h"
#include "feedviewfixture.h"
#include "mentioncompleter.h"
#include "peoplemodel.h"
#include "widgettesting.h"

#include <QDesktopServices>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QTest>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Hubbub::Test;
using namespace Qt::StringLiterals;
using Action = PostDelegate::Action;

namespace {

class UrlCatcher final : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> urls;
public Q_SLOTS:
    void open(const QUrl &url) { urls.append(url); }
};

} // namespace

class TestRichTextFeed final : public FeedViewFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(startFixture()); }
    void init() { resetView(); }
    void cleanup()
    {
        QDesktopServices::unsetUrlHandler(u"https"_s);
        QVERIFY(closeLeftovers());
    }
    void cleanupTestCase() { stopFixture(); }

    void linkInPostOpens();
    void editedOpensHistory();
    void mentionFollowsRename();
    void composerCompletes();
    void composerCompletesSomeoneOffline();

private:
    //! A point of row `row`'s text where the card has the link `href`.
    std::optional<QPoint> pointOf(int row, const QString &href) const;
};

std::optional<QPoint> TestRichTextFeed::pointOf(int row, const QString &href) const
{
    QListView *list = m_view->listView();
    const QModelIndex index = list->model()->index(row, 0);
    list->scrollTo(index, QAbstractItemView::PositionAtTop);
    auto *delegate = qobject_cast<PostDelegate *>(list->itemDelegate());
    QStyleOptionViewItem option;
    option.initFrom(list->viewport());
    option.rect = list->visualRect(index);
    option.font = list->font();
    option.fontMetrics = QFontMetrics(option.font);
    option.widget = list;
    for (int y = option.rect.top(); y < option.rect.bottom(); y += 2) {
        for (int x = option.rect.left(); x < option.rect.right(); x += 3) {
            if (delegate->anchorAt(option, index, {x, y}) == href)
                return QPoint(x, y);
        }
    }
    return std::nullopt;
}

void TestRichTextFeed::linkInPostOpens()
{
    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(u"https"_s, &catcher, "open");
    QVERIFY(bobPosts(u"Links"_s, u"The **plan** is [here](https://example.org/plan)."_s));
    const std::optional<QPoint> at = pointOf(rowOf(u"Links"_s), u"https://example.org/plan"_s);
    QVERIFY2(at, "the post's link is not laid out as a link");
    QTest::mouseClick(m_view->listView()->viewport(), Qt::LeftButton, {}, *at);
    QTRY_COMPARE(catcher.urls, QList<QUrl> {QUrl(u"https://example.org/plan"_s)});
}

void TestRichTextFeed::editedOpensHistory()
{
    QVERIFY(bobPosts(u"Draft"_s, u"one"_s));
    const qint64 id = m_feed->index(rowOf(u"Draft"_s)).data(FeedModel::IdRole).toLongLong();
    QVERIFY(isOk(m_bob.request(u"post.update"_s,
        {{u"postId"_s, id}, {u"title"_s, u"Draft"_s}, {u"content"_s, u"two"_s}})));
    QTRY_VERIFY(m_feed->index(rowOf(u"Draft"_s)).data(FeedModel::EditedRole).toBool());
    QVERIFY(clickAction(rowOf(u"Draft"_s), Action::EditHistory));
    EditHistoryDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = findWindow<EditHistoryDialog>()) != nullptr);
    QTRY_COMPARE(dialog->list()->count(), 2);
    QVERIFY(dialog->list()->item(0)->text().endsWith(u"\nDraft\none"_s));
    QVERIFY(dialog->list()->item(1)->text().endsWith(u"\nDraft\ntwo"_s));
}

void TestRichTextFeed::mentionFollowsRename()
{
    QVERIFY(bobPosts(u"Ping"_s, u"cc @ada and @bob"_s));
    const auto markdown = [this] {
        return m_feed->index(rowOf(u"Ping"_s)).data(FeedModel::MarkdownRole).toString();
    };
    QTRY_VERIFY(markdown().contains(u"[@bob](hubbub-mention:"_s));
    QVERIFY(pointOf(rowOf(u"Ping"_s), u"hubbub-mention:%1"_s.arg(m_session->user().id)));
    QVERIFY(isOk(m_bob.request(u"user.rename"_s, {{u"username"_s, u"bobby"_s}})));
    QTRY_VERIFY(markdown().contains(u"[@bobby](hubbub-mention:"_s));
    QVERIFY(isOk(m_bob.request(u"user.rename"_s, {{u"username"_s, u"bob"_s}})));
    QTRY_VERIFY(markdown().contains(u"[@bob](hubbub-mention:"_s));
    // A display name is the name shown, as in the post's byline.
    QVERIFY(isOk(m_bob.request(u"user.profile"_s, {{u"displayName"_s, u"Bob Ó"_s}})));
    QTRY_VERIFY(markdown().contains(u"[@Bob Ó](hubbub-mention:"_s));
}

void TestRichTextFeed::composerCompletes()
{
    QPlainTextEdit *text = m_view->composer()->textEdit();
    auto *completer = text->findChild<MentionCompleter *>();
    QVERIFY(completer);
    text->setFocus();
    QTest::keyClicks(text, u"thanks @b"_s);
    QTRY_VERIFY(completer->isOpen());
    QTest::keyClick(text, Qt::Key_Return);
    QCOMPARE(text->toPlainText(), u"thanks @bob "_s);
    text->clear();
}

void TestRichTextFeed::composerCompletesSomeoneOffline()
{
    // Dana makes an account and leaves while this app is offline: it never sees her online.
    Connection *connection = m_session->connection();
    const QString token = connection->token();
    connection->disconnectFromServer();
    QTRY_VERIFY(!connection->isOnline());
    qint64 dana = 0;
    {
        TestClient client;
        QVERIFY(client.open(m_server.url()));
        QVERIFY(isOk(client.registerUser(u"dana"_s)));
        dana = client.userId();
    }
    QVERIFY(!m_session->people()->everyonesNames().contains(u"dana"_s));
    // Back online, the app asks user.list: she is offered, though not online.
    connection->resume(m_server.url(), token);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->people()->everyonesNames().contains(u"dana"_s), 15000);
    QVERIFY(!m_session->people()->isOnline(dana));
    QPlainTextEdit *text = m_view->composer()->textEdit();
    auto *completer = text->findChild<MentionCompleter *>();
    QVERIFY(completer);
    text->setFocus();
    QTest::keyClicks(text, u"cc @da"_s);
    QTRY_VERIFY(completer->isOpen());
    QTest::keyClick(text, Qt::Key_Return);
    QCOMPARE(text->toPlainText(), u"cc @dana "_s);
    text->clear();
}

QTEST_MAIN(TestRichTextFeed)
#include "tst_richtextfeed.moc"
