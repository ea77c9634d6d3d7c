// Read state in the desktop app (part "read" of issue 12): two app instances of one user
// against one real server agree on unread counts, live and across a restart; the "New
// messages" line; the notification level from the sidebar's context menu; the same for a
// direct conversation in the "Direct messages" list. Real mouse and key events.

#include "channelmodel.h"
#include "chatmodel.h"
#include "chatview.h"
#include "mainwindow.h"
#include "messagedelegate.h"
#include "readstate.h"
#include "readtracker.h"
#include "reply.h"
#include "sidebar.h"
#include "twoappsfixture.h"
#include "widgettesting.h"

#include <QApplication>
#include <QListView>
#include <QMenu>
#include <QTest>
#include <QToolButton>

using namespace Hubbub::Client;
using namespace Hubbub::Test;

namespace {
constexpr qint64 General = 1;
constexpr int GeneralRow = 0;
} // namespace

class tst_ReadStateWidgets : public TwoAppsFixture
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void readingOnOneDeviceClearsTheOther();
    void countsSurviveAnAppRestart();
    void newMessagesLineStaysWhereReadingStopped();
    void notifyLevelFromTheContextMenu();
    void directConversationInTheDirectList();

private:
    //! Bob sends `text` to general (or `channelId`); its id once stored (0 if it never was).
    qint64 bobSays(const QString &text, qint64 channelId = General);
    //! Opens the feed in an app with a click on its Feed button.
    static void showFeed(TestApp &app);

    std::unique_ptr<QTemporaryDir> m_ada2Dir;
    std::unique_ptr<TestApp> m_ada2; // ada's second device
};

void tst_ReadStateWidgets::init()
{
    QVERIFY(startApps());
    m_ada2Dir = std::make_unique<QTemporaryDir>();
    m_ada2 = startApp(*m_ada2Dir, QStringLiteral("ada"));
    QVERIFY(m_ada2);
    // Both of ada's windows read the feed: nothing in general is read yet.
    showFeed(*m_ada);
    showFeed(*m_ada2);
}

void tst_ReadStateWidgets::cleanup()
{
    m_ada2.reset();
    m_ada2Dir.reset();
    stopApps();
}

qint64 tst_ReadStateWidgets::bobSays(const QString &text, qint64 channelId)
{
    m_bob->session.sendMessage(channelId, text);
    ChatModel *chat = m_bob->session.chat(channelId);
    qint64 id = 0;
    (void)QTest::qWaitFor(
        [&] {
            for (int row = chat->rowCount() - 1; row >= 0; --row) {
                const QModelIndex index = chat->index(row, 0);
                if (index.data(ChatModel::TextRole).toString() == text)
                    id = index.data(ChatModel::IdRole).toLongLong();
            }
            return id > 0;
        },
        10000);
    return id;
}

void tst_ReadStateWidgets::showFeed(TestApp &app)
{
    QTest::mouseClick(app.window()->sidebar()->feedButton(), Qt::LeftButton);
}

void tst_ReadStateWidgets::readingOnOneDeviceClearsTheOther()
{
    QVERIFY(bobSays(QStringLiteral("first")) > 0);
    QVERIFY(bobSays(QStringLiteral("second")) > 0);
    ChannelModel *one = m_ada->session.channels();
    ChannelModel *two = m_ada2->session.channels();
    QTRY_COMPARE(one->unread(General), 2);
    QTRY_COMPARE(two->unread(General), 2);

    // Ada opens general on her first device, its window active: she has read it.
    QVERIFY(activateWindow(m_ada->window()));
    QVERIFY(clickChannel(m_ada->window()->sidebar(), GeneralRow));
    QTRY_COMPARE(one->unread(General), 0);
    // Her second device hears of it from the server, live, and its sidebar says so.
    QTRY_COMPARE(two->unread(General), 0);
    QCOMPARE(m_ada2->window()
                 ->sidebar()
                 ->channelList()
                 ->model()
                 ->index(GeneralRow, 0)
                 .data(ChannelModel::UnreadRole),
        QVariant(0));
    QCOMPARE(m_ada->session.readState()->marksSent(), 1);

    // A new message while she looks at it, the window active: read at once, on both.
    QVERIFY(bobSays(QStringLiteral("third")) > 0);
    QTRY_COMPARE(m_ada->session.readState()->marksSent(), 2);
    QTRY_VERIFY(m_ada2->session.readState()->lastReadId(General)
        == m_ada->session.readState()->lastReadId(General));
    QTRY_COMPARE(two->unread(General), 0);

    // Her other window active instead: the open channel is not being read, so it counts.
    QVERIFY(activateWindow(m_ada2->window()));
    QVERIFY(bobSays(QStringLiteral("fourth")) > 0);
    QTRY_COMPARE(two->unread(General), 1);
    QTRY_COMPARE(one->unread(General), 1);
}

void tst_ReadStateWidgets::countsSurviveAnAppRestart()
{
    QVERIFY(bobSays(QStringLiteral("one")) > 0);
    QVERIFY(bobSays(QStringLiteral("two")) > 0);
    QTRY_COMPARE(m_ada2->session.channels()->unread(General), 2);
    // Mentions come from message_mentions (part "rich"); here the count of plain messages.
    m_ada2.reset();
    QVERIFY(bobSays(QStringLiteral("three while away")) > 0);
    m_ada2 = startApp(*m_ada2Dir, QStringLiteral("ada"));
    QVERIFY(m_ada2);
    QTRY_COMPARE(m_ada2->session.channels()->unread(General), 3);

    // Read on the first device, then the second restarted: still read.
    QVERIFY(activateWindow(m_ada->window()));
    QVERIFY(clickChannel(m_ada->window()->sidebar(), GeneralRow));
    QTRY_COMPARE(m_ada2->session.channels()->unread(General), 0);
    m_ada2.reset();
    m_ada2 = startApp(*m_ada2Dir, QStringLiteral("ada"));
    QVERIFY(m_ada2);
    QVERIFY(QTest::qWaitFor([&] { return m_ada2->session.readState()->lastReadId(General) > 0; }));
    QCOMPARE(m_ada2->session.channels()->unread(General), 0);
}

void tst_ReadStateWidgets::newMessagesLineStaysWhereReadingStopped()
{
    QVERIFY(activateWindow(m_ada->window()));
    const qint64 first = bobSays(QStringLiteral("unread at first"));
    QVERIFY(first > 0);
    QVERIFY(clickChannel(m_ada->window()->sidebar(), GeneralRow));
    ChatView *view = m_ada->window()->chatView();
    QTRY_COMPARE(view->readTracker()->lineAbove(), first);
    QTRY_COMPARE(m_ada->session.channels()->unread(General), 0);

    // Away on the feed, two messages come; back in the channel, the line is above the first.
    showFeed(*m_ada);
    const qint64 firstNew = bobSays(QStringLiteral("new one"));
    QVERIFY(bobSays(QStringLiteral("new two")) > 0);
    QTRY_COMPARE(m_ada->session.channels()->unread(General), 2);
    QVERIFY(clickChannel(m_ada->window()->sidebar(), GeneralRow));
    QTRY_COMPARE(view->readTracker()->lineAbove(), firstNew);
    QCOMPARE(view->delegate()->newMessagesAbove(), firstNew);
    // The line takes room above that row, and only that row.
    QListView *list = view->listView();
    QAbstractItemModel *model = list->model();
    int lineRow = -1;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(ChatModel::IdRole).toLongLong() == firstNew)
            lineRow = row;
    }
    QVERIFY(lineRow > 0);
    QStyleOptionViewItem option;
    option.initFrom(list);
    option.rect = QRect(0, 0, list->viewport()->width(), 0);
    const int lineHeight = view->delegate()->newMessagesHeight(option);
    QVERIFY(lineHeight > 0);
    QTRY_VERIFY(list->visualRect(model->index(lineRow, 0)).height()
        >= list->visualRect(model->index(lineRow + 1, 0)).height() + lineHeight);

    // A newer message while she reads: the line stays where it was.
    const int marks = m_ada->session.readState()->marksSent();
    const qint64 newer = bobSays(QStringLiteral("newer still"));
    QVERIFY(newer > 0);
    QTRY_COMPARE(m_ada->session.readState()->marksSent(), marks + 1);
    QCOMPARE(view->readTracker()->lineAbove(), firstNew);
    // Sent is read for this device, answered or not: leaving and coming back at once must not
    // show the line again.
    QCOMPARE(m_ada->session.readState()->lastReadId(General), newer);

    // She leaves and comes back: everything was read, so no line.
    showFeed(*m_ada);
    QVERIFY(clickChannel(m_ada->window()->sidebar(), GeneralRow));
    QCOMPARE(view->readTracker()->lineAbove(), 0);
    QCOMPARE(view->delegate()->newMessagesAbove(), 0);
}

void tst_ReadStateWidgets::notifyLevelFromTheContextMenu()
{
    QVERIFY(activateWindow(m_ada->window()));
    QListView *list = m_ada->window()->sidebar()->channelList();
    const QRect rect = list->visualRect(list->model()->index(GeneralRow, 0));
    QVERIFY(!rect.isEmpty());

    // Shift+F10 on the channel opens its menu; "Mentions only" is chosen with the mouse.
    list->setFocus();
    list->setCurrentIndex(list->model()->index(GeneralRow, 0));
    QTest::keyClick(list, Qt::Key_F10, Qt::ShiftModifier);
    QMenu *menu = nullptr;
    QTRY_VERIFY((menu = qobject_cast<QMenu *>(QApplication::activePopupWidget())));
    QAction *all = menu->findChild<QAction *>(QStringLiteral("notifyAll"));
    QAction *mentions = menu->findChild<QAction *>(QStringLiteral("notifyMentions"));
    QVERIFY(all && mentions && menu->findChild<QAction *>(QStringLiteral("notifyNone")));
    QVERIFY(all->isChecked());
    QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(mentions).center());
    QTRY_VERIFY(!QApplication::activePopupWidget());

    // Stored on the server: both of ada's devices show it, bob's does not.
    QTRY_COMPARE(m_ada->session.channels()->notifyLevel(General), QStringLiteral("mentions"));
    QTRY_COMPARE(m_ada2->session.channels()->notifyLevel(General), QStringLiteral("mentions"));
    QCOMPARE(m_ada2->window()
                 ->sidebar()
                 ->channelList()
                 ->model()
                 ->index(GeneralRow, 0)
                 .data(ChannelModel::NotifyRole),
        QVariant(QStringLiteral("mentions")));
    QCOMPARE(m_bob->session.channels()->notifyLevel(General), QStringLiteral("all"));

    // A desktop notification now needs a mention: bob's plain message to a window that is
    // not active raises none; on the level "all", the same raises one.
    QVERIFY(activateWindow(m_bob->window()));
    int notified = 0;
    connect(&m_ada->session, &Session::notify, this, [&notified] { ++notified; });
    QVERIFY(bobSays(QStringLiteral("plain news")) > 0);
    QTRY_COMPARE(m_ada->session.channels()->unread(General), 1);
    QCOMPARE(notified, 0);

    // The menu shows the level now stored, and "All messages" goes back.
    std::unique_ptr<QMenu> again(m_ada->window()->sidebar()->channelMenuFor(GeneralRow));
    QVERIFY(again->findChild<QAction *>(QStringLiteral("notifyMentions"))->isChecked());
    again->findChild<QAction *>(QStringLiteral("notifyAll"))->trigger();
    QTRY_COMPARE(m_ada2->session.channels()->notifyLevel(General), QStringLiteral("all"));
    QVERIFY(bobSays(QStringLiteral("more news")) > 0);
    QTRY_COMPARE(notified, 1);
}

void tst_ReadStateWidgets::directConversationInTheDirectList()
{
    // Bob opens a conversation with ada and writes twice there, once mentioning her.
    qint64 direct = 0;
    m_bob->session.openDirect({m_ada->session.user().id}, this,
        [&direct](qint64 channelId, const Reply &) { direct = channelId; });
    QTRY_VERIFY(direct > 0);
    QVERIFY(bobSays(QStringLiteral("psst"), direct) > 0);
    const qint64 mention = bobSays(QStringLiteral("@ada look"), direct);
    QVERIFY(mention > 0);

    // Ada's second device, restarted, has both counts from read.state, in the Direct messages
    // list.
    m_ada2.reset();
    m_ada2 = startApp(*m_ada2Dir, QStringLiteral("ada"));
    QVERIFY(m_ada2);
    QListView *directs = m_ada2->window()->sidebar()->directList();
    const auto data = [directs](int role) {
        return directs->model()->rowCount() == 1 ? directs->model()->index(0, 0).data(role)
                                                 : QVariant();
    };
    QTRY_COMPARE(data(ChannelModel::IdRole).toLongLong(), direct);
    QTRY_COMPARE(data(ChannelModel::UnreadRole).toInt(), 2);
    QTRY_COMPARE(data(ChannelModel::MentionsRole).toInt(), 1);
    QCOMPARE(m_ada2->window()->sidebar()->channelList()->model()->rowCount(), 1);

    // She reads it on her first device with a click in its Direct messages list: both counts
    // go on the second, live.
    QVERIFY(activateWindow(m_ada->window()));
    QListView *adasDirects = m_ada->window()->sidebar()->directList();
    QTRY_COMPARE(adasDirects->model()->rowCount(), 1);
    QTest::mouseClick(adasDirects->viewport(), Qt::LeftButton, {},
        adasDirects->visualRect(adasDirects->model()->index(0, 0)).center());
    QTRY_COMPARE(m_ada->window()->chatView()->channel(), direct);
    QTRY_COMPARE(data(ChannelModel::UnreadRole).toInt(), 0);
    QTRY_COMPARE(data(ChannelModel::MentionsRole).toInt(), 0);

    // Shift+F10 on the conversation in the second device's list: "Nothing" mutes it on both.
    QVERIFY(activateWindow(m_ada2->window()));
    directs->setFocus();
    directs->setCurrentIndex(directs->model()->index(0, 0));
    QTest::keyClick(directs, Qt::Key_F10, Qt::ShiftModifier);
    QMenu *menu = nullptr;
    QTRY_VERIFY((menu = qobject_cast<QMenu *>(QApplication::activePopupWidget())));
    QAction *none = menu->findChild<QAction *>(QStringLiteral("notifyNone"));
    QVERIFY(none);
    QVERIFY(menu->findChild<QAction *>(QStringLiteral("notifyAll"))->isChecked());
    QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(none).center());
    QTRY_VERIFY(!QApplication::activePopupWidget());
    QTRY_COMPARE(data(ChannelModel::NotifyRole).toString(), QStringLiteral("none"));
    QTRY_COMPARE(m_ada->session.channels()->notifyLevel(direct), QStringLiteral("none"));
    QCOMPARE(m_ada->session.channels()->notifyLevel(General), QStringLiteral("all"));
}

QTEST_MAIN(tst_ReadStateWidgets)
#include "tst_readstatewidgets.moc"
