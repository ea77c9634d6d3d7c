// Where the keyboard goes in the main window: moving the focus through the sidebar (Tab, arrow
// keys) never changes what the window shows.

#include "channelmodel.h"
#include "chatinput.h"
#include "chatview.h"
#include "feedview.h"
#include "mainwindow.h"
#include "notifier.h"
#include "sidebar.h"
#include "twoappsfixture.h"
#include "widgettesting.h"

#include <QApplication>
#include <QListView>
#include <QTest>
#include <QToolButton>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Hubbub::Test;

class TestMainWindowFocus final : public TwoAppsFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void tabThroughSidebarChangesNothing();

private:
    MainWindow *window() const { return m_ada->window(); }
};

void TestMainWindowFocus::init()
{
    QVERIFY(startApps());
    QVERIFY(activateWindow(window()));
}

void TestMainWindowFocus::cleanup()
{
    stopApps();
}

void TestMainWindowFocus::tabThroughSidebarChangesNothing()
{
    QVERIFY(createChannel(QStringLiteral("lounge")) > 0);
    QVERIFY(window()->feedView()->isVisible());
    QListView *list = window()->sidebar()->channelList();
    window()->sidebar()->feedButton()->setFocus(Qt::TabFocusReason);

    // Tab through the whole window and back: the feed stays, whatever takes the focus.
    bool listHadFocus = false;
    for (int i = 0; i < 30; ++i) {
        QTest::keyClick(window()->focusWidget(), Qt::Key_Tab);
        listHadFocus = listHadFocus || list->hasFocus();
        QVERIFY2(window()->feedView()->isVisible(), qPrintable(QString::number(i)));
        QCOMPARE(window()->chatView()->channel(), qint64(0));
    }
    QVERIFY(listHadFocus);

    // Arrow keys in the list move the current row only.
    list->setFocus(Qt::TabFocusReason);
    QTest::keyClick(list, Qt::Key_Down);
    QTest::keyClick(list, Qt::Key_Up);
    QVERIFY(window()->feedView()->isVisible());
    QCOMPARE(window()->chatView()->channel(), qint64(0));
    QVERIFY(list->selectionModel()->selectedIndexes().isEmpty());
}

QTEST_MAIN(TestMainWindowFocus)
#include "tst_mainwindowfocus.moc"
