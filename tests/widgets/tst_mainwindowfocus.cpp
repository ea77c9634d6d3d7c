// Where the keyboard goes in the main window: opening a channel by any means (a click, Enter or
// Space on it, Ctrl+2…, a notification) puts the cursor in its message box, and moving the
// focus through the sidebar (Tab, arrow keys) never changes what the window shows.

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

    void openingChannelFocusesMessageBox_data();
    void openingChannelFocusesMessageBox();
    void tabThroughSidebarChangesNothing();

private:
    MainWindow *window() const { return m_ada->window(); }
    //! Types `text` where the keyboard focus of the window is, as a user would.
    void typeHere(const QString &text);
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

void TestMainWindowFocus::typeHere(const QString &text)
{
    QWidget *target = window()->focusWidget();
    QVERIFY(target);
    QTest::keyClicks(target, text);
}

void TestMainWindowFocus::openingChannelFocusesMessageBox_data()
{
    QTest::addColumn<QString>("how");
    for (const char *how : {"click", "enter", "space", "shortcut", "notification"})
        QTest::newRow(how) << QString::fromLatin1(how);
}

void TestMainWindowFocus::openingChannelFocusesMessageBox()
{
    QFETCH(QString, how);
    const qint64 channel = createChannel(QStringLiteral("lounge"));
    QVERIFY(channel > 0);
    Sidebar *sidebar = window()->sidebar();
    QListView *list = sidebar->channelList();
    const int row = m_ada->session.channels()->rowOf(channel);
    QVERIFY(row >= 0 && row < 8);
    QVERIFY(window()->feedView()->isVisible());

    if (how == QLatin1String("click")) {
        QVERIFY(clickChannel(sidebar, row));
    } else if (how == QLatin1String("enter") || how == QLatin1String("space")) {
        list->setFocus(Qt::TabFocusReason);
        list->setCurrentIndex(list->model()->index(row, 0));
        QVERIFY(window()->feedView()->isVisible()); // only the current row moved
        QTest::keyClick(list, how == QLatin1String("enter") ? Qt::Key_Return : Qt::Key_Space);
    } else if (how == QLatin1String("shortcut")) {
        sidebar->feedButton()->setFocus();
        QTest::keyClick(window(), Qt::Key(Qt::Key_2 + row), Qt::ControlModifier);
    } else {
        Q_EMIT window()->notifier()->activated(channel);
    }
    QTRY_COMPARE(window()->chatView()->channel(), channel);
    QVERIFY(window()->chatView()->isVisible());
    QCOMPARE(window()->focusWidget(), window()->chatView()->input());
    typeHere(QStringLiteral("hello"));
    QCOMPARE(window()->chatView()->input()->toPlainText(), QStringLiteral("hello"));
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
