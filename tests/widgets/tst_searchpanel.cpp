// Search in the main window, driven with real key and mouse events against a real server:
// Ctrl+K and Ctrl+F focus the field, typing shows the results (more as the list scrolls),
// Enter or a double-click opens a message in its channel or a post in the feed, Escape gives
// the page back.

#include "chatmodel.h"
#include "chatview.h"
#include "feedmodel.h"
#include "feedview.h"
#include "mainwindow.h"
#include "searchdelegate.h"
#include "searchmodel.h"
#include "searchpanel.h"
#include "testclient.h"
#include "twoappsfixture.h"
#include "widgettesting.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QListView>
#include <QPoint>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTest>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

namespace {
constexpr qint64 General = 1; //!< the channel every server starts with
constexpr int DeliveryTimeout = 20000;
} // namespace

class TestSearchPanel final : public TwoAppsFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void shortcutsFocusTheField_data();
    void shortcutsFocusTheField();
    void typingShowsResultsAndEnterOpensMessage();
    void arrowsAndEnterOpenPost();
    void openingAnOldMessageLoadsAroundIt();
    void doubleClickOpens();
    void scrollingLoadsMore();
    void escapeGivesThePageBack();

private:
    MainWindow *window() const { return m_ada->window(); }
    SearchPanel *panel() const { return window()->searchPanel(); }
    //! Sends through bob's bare connection; the id of what was made.
    qint64 say(const QString &text, qint64 channelId = General);
    qint64 publish(const QString &title, const QString &content);
    //! Ctrl+K, then types `text` into the focused widget, and waits for the results.
    bool searchFor(const QString &text, int expectedRows);

    std::unique_ptr<TestClient> m_carol;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestSearchPanel::init()
{
    QVERIFY(startApps());
    QVERIFY(activateWindow(window()));
    // A third user writes what ada searches for, through a bare connection.
    m_carol = std::make_unique<TestClient>();
    QVERIFY(m_carol->open(m_server->url()));
    QVERIFY(isOk(m_carol->registerUser(u"carol"_s, Password)));
    m_tester = std::make_unique<QAbstractItemModelTester>(
        panel()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestSearchPanel::cleanup()
{
    m_tester.reset();
    m_carol.reset();
    stopApps();
}

qint64 TestSearchPanel::say(const QString &text, qint64 channelId)
{
    const QJsonObject reply
        = m_carol->request(u"chat.send"_s, {{u"channelId"_s, channelId}, {u"text"_s, text}});
    return idOf(objectOf(reply, "message"));
}

qint64 TestSearchPanel::publish(const QString &title, const QString &content)
{
    const QJsonObject reply
        = m_carol->request(u"post.create"_s, {{u"title"_s, title}, {u"content"_s, content}});
    return idOf(postOf(reply));
}

bool TestSearchPanel::searchFor(const QString &text, int expectedRows)
{
    QTest::keyClick(window(), Qt::Key_K, Qt::ControlModifier);
    if (QApplication::focusWidget() != panel()->field())
        return false;
    QTest::keyClicks(QApplication::focusWidget(), text);
    return QTest::qWaitFor(
        [&] {
            return panel()->model()->state() == SearchModel::State::Done
                && panel()->model()->query() == text
                && panel()->model()->rowCount() == expectedRows;
        },
        DeliveryTimeout);
}

void TestSearchPanel::shortcutsFocusTheField_data()
{
    QTest::addColumn<QKeySequence>("keys");
    QTest::newRow("Ctrl+K") << QKeySequence(Qt::CTRL | Qt::Key_K);
    QTest::newRow("Ctrl+F") << QKeySequence(Qt::CTRL | Qt::Key_F);
}

void TestSearchPanel::shortcutsFocusTheField()
{
    QFETCH(QKeySequence, keys);
    // From the message box of a channel: the shortcut is the window's, not the field's.
    window()->showChannel(General);
    QTRY_VERIFY(window()->chatView()->isVisible());
    QVERIFY(QApplication::focusWidget() != panel()->field());
    QTest::keySequence(QApplication::focusWidget(), keys);
    QCOMPARE(QApplication::focusWidget(), panel()->field());
    QVERIFY(window()->chatView()->isVisible()); // nothing typed yet: the page stays
}

void TestSearchPanel::typingShowsResultsAndEnterOpensMessage()
{
    const qint64 wanted = say(u"the budget meeting moved to friday"_s);
    say(u"unrelated chatter"_s);
    QVERIFY(wanted > 0);
    QVERIFY(searchFor(u"budget"_s, 1));
    QVERIFY(panel()->isVisible());
    const QModelIndex first = panel()->model()->index(0, 0);
    QCOMPARE(panel()->delegate()->headerText(first).section(u" · "_s, 0, 1), u"#general · carol"_s);
    // The match is marked for bold: "budget" in the snippet.
    const QString snippet = first.data(SearchModel::SnippetRole).toString();
    const QPoint range = first.data(SearchModel::HighlightsRole).toList().value(0).toPoint();
    QCOMPARE(snippet.mid(range.x(), range.y()), u"budget"_s);

    QTest::keyClick(panel()->field(), Qt::Key_Return);
    QTRY_VERIFY(window()->chatView()->isVisible());
    QCOMPARE(window()->chatView()->channel(), General);
    QTRY_COMPARE(
        window()->chatView()->listView()->currentIndex().data(ChatModel::IdRole).toLongLong(),
        wanted);
}

void TestSearchPanel::arrowsAndEnterOpenPost()
{
    const qint64 post = publish(u"Garden party"_s, u"Bring plants for the swap"_s);
    say(u"who is coming to the garden party?"_s);
    QVERIFY(post > 0);
    QVERIFY(searchFor(u"garden"_s, 2));
    // Newest first: the message, then the post. Down selects the post without leaving the field.
    QCOMPARE(panel()->model()->index(1, 0).data(SearchModel::KindRole).value<SearchModel::Kind>(),
        SearchModel::Kind::Post);
    QTest::keyClick(panel()->field(), Qt::Key_Down);
    QCOMPARE(panel()->resultList()->currentIndex().row(), 1);
    QCOMPARE(QApplication::focusWidget(), panel()->field());
    QTest::keyClick(panel()->field(), Qt::Key_Return);
    QTRY_VERIFY(window()->feedView()->isVisible());
    QTRY_COMPARE(
        window()->feedView()->listView()->currentIndex().data(FeedModel::IdRole).toLongLong(),
        post);
}

void TestSearchPanel::openingAnOldMessageLoadsAroundIt()
{
    // The match, then more than two pages of newer messages: the channel's first page misses it,
    // and so does the page around it (ChatPageSize 100).
    const qint64 wanted = say(u"the archive key is in the blue drawer"_s);
    QList<qint64> requests;
    for (int i = 0; i < 250; ++i)
        requests.append(m_carol->send(
            u"chat.send"_s, {{u"channelId"_s, General}, {u"text"_s, u"filler %1"_s.arg(i)}}));
    for (qint64 id : std::as_const(requests))
        QVERIFY(isOk(m_carol->waitReply(id, 30000)));
    QVERIFY(searchFor(u"drawer"_s, 1));
    QTest::keyClick(panel()->field(), Qt::Key_Return);
    QTRY_VERIFY(window()->chatView()->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(
        window()->chatView()->listView()->currentIndex().data(ChatModel::IdRole).toLongLong(),
        wanted, DeliveryTimeout);
    // Loaded with chat.around (MainWindow::jumpToMessage), not page after page of older history:
    // the messages between it and the first page are still to come, and it is marked a moment.
    QTRY_COMPARE(window()->chatView()->delegate()->highlighted(), wanted);
    QVERIFY(m_ada->session.chat(General)->hasMoreAfter());
}

void TestSearchPanel::doubleClickOpens()
{
    const qint64 wanted = say(u"kettle is broken again"_s);
    QVERIFY(searchFor(u"kettle"_s, 1));
    QListView *list = panel()->resultList();
    const QRect rect = list->visualRect(panel()->model()->index(0, 0));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    QTRY_VERIFY(window()->chatView()->isVisible());
    QTRY_COMPARE(
        window()->chatView()->listView()->currentIndex().data(ChatModel::IdRole).toLongLong(),
        wanted);
}

void TestSearchPanel::scrollingLoadsMore()
{
    for (int i = 0; i < 27; ++i)
        QVERIFY(say(u"standup note %1"_s.arg(i)) > 0);
    QVERIFY(searchFor(u"standup"_s, 20));
    QVERIFY(panel()->model()->hasMore());
    QListView *list = panel()->resultList();
    QTRY_VERIFY(list->verticalScrollBar()->maximum() > 0);
    list->verticalScrollBar()->setValue(list->verticalScrollBar()->maximum());
    QTRY_COMPARE_WITH_TIMEOUT(panel()->model()->rowCount(), 27, DeliveryTimeout);
    QVERIFY(!panel()->model()->hasMore());
    QCOMPARE(panel()->model()->index(26, 0).data(SearchModel::SnippetRole).toString(),
        u"standup note 0"_s);
}

void TestSearchPanel::escapeGivesThePageBack()
{
    say(u"lunch order"_s);
    QVERIFY(window()->feedView()->isVisible());
    QVERIFY(searchFor(u"lunch"_s, 1));
    QVERIFY(panel()->isVisible());
    QTest::keyClick(panel()->field(), Qt::Key_Escape);
    QVERIFY(panel()->field()->text().isEmpty());
    QVERIFY(window()->feedView()->isVisible());

    // Nothing found says so, in words.
    QVERIFY(searchFor(u"zebra"_s, 0));
    QVERIFY2(panel()->statusText().contains(u"zebra"_s), qPrintable(panel()->statusText()));
}

QTEST_MAIN(TestSearchPanel)
#include "tst_searchpanel.moc"
