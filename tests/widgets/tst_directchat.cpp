// Direct messages in the app, with two app instances in one process against one real server on
// loopback: a conversation started from the people list (double-click, or "Message" in its
// context menu) opens at once and appears live in the other user's sidebar under "Direct
// messages", with an unread count; "Message NAME" on a message in a channel opens one too.

#include "channelmodel.h"
#include "chatinput.h"
#include "chatmodel.h"
#include "chatview.h"
#include "mainwindow.h"
#include "peoplemodel.h"
#include "session.h"
#include "sidebar.h"
#include "twoappsfixture.h"
#include "widgettesting.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QListView>
#include <QMenu>
#include <QTest>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 General = 1;

//! The row of `username` in a sidebar's people list.
QModelIndex personRow(Sidebar *sidebar, const QString &username)
{
    QAbstractItemModel *model = sidebar->peopleList()->model();
    const int row = rowWith(model, PeopleModel::UsernameRole, username);
    return row >= 0 ? model->index(row, 0) : QModelIndex();
}

QAction *actionNamed(QMenu *menu, const QString &name)
{
    for (QAction *action : menu->actions()) {
        if (action->objectName() == name)
            return action;
    }
    return nullptr;
}

//! Types `text` into the open chat's message box and sends it with Enter.
void typeAndSend(MainWindow *window, const QString &text)
{
    ChatInput *input = window->chatView()->input();
    input->setFocus();
    QTest::keyClicks(input, text);
    QTest::keyClick(input, Qt::Key_Return);
}

} // namespace

class tst_DirectChat final : public TwoAppsFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void doubleClickStartsAndOtherSeesItLive();
    void peopleMenuMessageOpensTheSame();
    void messageAuthorFromChat();
};

void tst_DirectChat::init()
{
    QVERIFY(startApps());
}

void tst_DirectChat::cleanup()
{
    closeDialogsAndMenus();
    stopApps();
}

void tst_DirectChat::doubleClickStartsAndOtherSeesItLive()
{
    MainWindow *ada = m_ada->window();
    MainWindow *bob = m_bob->window();
    QAbstractItemModelTester tester(
        m_bob->session.channels(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QListView *bobsDirects = bob->sidebar()->directList();
    QCOMPARE(bobsDirects->model()->rowCount(), 0);

    // Ada double-clicks bob among the people online.
    QListView *people = ada->sidebar()->peopleList();
    const QModelIndex bobRow = personRow(ada->sidebar(), u"bob"_s);
    QVERIFY(bobRow.isValid());
    people->scrollTo(bobRow);
    // As the window system delivers a double-click: a click, then the second press as a
    // double-click (QTest's double-click alone has no first press).
    const QPoint at = people->visualRect(bobRow).center();
    QTest::mouseClick(people->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(people->viewport(), Qt::LeftButton, {}, at);

    // The conversation opens in her window, listed under "Direct messages" as "bob".
    QTRY_COMPARE(m_ada->session.channels()->rowCount(), 2);
    QListView *adasDirects = ada->sidebar()->directList();
    QTRY_COMPARE(adasDirects->model()->rowCount(), 1);
    QCOMPARE(adasDirects->model()->index(0, 0).data(ChannelModel::NameRole).toString(), u"bob"_s);
    const qint64 direct = adasDirects->model()->index(0, 0).data(ChannelModel::IdRole).toLongLong();
    QTRY_COMPARE(ada->chatView()->channel(), direct);
    QVERIFY(ada->chatView()->isVisibleTo(ada));
    QVERIFY(adasDirects->selectionModel()->isSelected(adasDirects->model()->index(0, 0)));
    // Not among the channels, whose rows (and Ctrl+N) stay what they were.
    QCOMPARE(ada->sidebar()->channelList()->model()->rowCount(), 1);
    QVERIFY(!ada->sidebar()->channelList()->selectionModel()->hasSelection());

    // Bob, on the feed, sees it arrive live, named after ada.
    QTRY_COMPARE(bobsDirects->model()->rowCount(), 1);
    QCOMPARE(bobsDirects->model()->index(0, 0).data(ChannelModel::NameRole).toString(), u"ada"_s);

    typeAndSend(ada, u"just between us"_s);
    QTRY_COMPARE(m_bob->session.channels()->unread(direct), 1);
    QVERIFY(m_bob->session.totalUnread() >= 1);

    // He clicks it: the message is there and the count is cleared.
    const QRect rect = bobsDirects->visualRect(bobsDirects->model()->index(0, 0));
    QTest::mouseClick(bobsDirects->viewport(), Qt::LeftButton, {}, rect.center());
    QTRY_COMPARE(bob->chatView()->channel(), direct);
    ChatModel *chat = m_bob->session.chat(direct);
    QTRY_COMPARE(chat->rowCount() > 0
            ? chat->index(chat->rowCount() - 1, 0).data(ChatModel::TextRole).toString()
            : QString(),
        u"just between us"_s);
    QCOMPARE(m_bob->session.channels()->unread(direct), 0);
}

void tst_DirectChat::peopleMenuMessageOpensTheSame()
{
    MainWindow *ada = m_ada->window();
    QListView *people = ada->sidebar()->peopleList();
    // Twice: the first starts the conversation, the second opens the same one.
    qint64 first = 0;
    for (int round = 0; round < 2; ++round) {
        ada->sidebar()->selectFeed();
        people->setFocus();
        people->setCurrentIndex(personRow(ada->sidebar(), u"bob"_s));
        QTest::keyClick(people, Qt::Key_F10, Qt::ShiftModifier);
        QTRY_VERIFY(qobject_cast<QMenu *>(QApplication::activePopupWidget()));
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QCOMPARE(menu->actions().size(), 1);
        menu->setActiveAction(menu->actions().first());
        QTest::keyClick(menu, Qt::Key_Return);
        QTRY_VERIFY(ada->chatView()->channel() != 0 && ada->chatView()->isVisibleTo(ada));
        if (round == 0)
            first = ada->chatView()->channel();
        QCOMPARE(ada->chatView()->channel(), first);
    }
    QCOMPARE(ada->sidebar()->directList()->model()->rowCount(), 1);

    // No "Message" for oneself.
    people->setCurrentIndex(personRow(ada->sidebar(), u"ada"_s));
    QTest::keyClick(people, Qt::Key_F10, Qt::ShiftModifier);
    QTest::qWait(50);
    QVERIFY(!QApplication::activePopupWidget());
}

void tst_DirectChat::messageAuthorFromChat()
{
    MainWindow *ada = m_ada->window();
    MainWindow *bob = m_bob->window();
    bob->sidebar()->selectChannel(General);
    typeAndSend(bob, u"anyone around?"_s);
    ada->sidebar()->selectChannel(General);
    ChatModel *chat = m_ada->session.chat(General);
    QTRY_COMPARE(rowWith(chat, ChatModel::TextRole, u"anyone around?"_s) >= 0, true);

    // Right-click on bob's message (his name is on its first line), "Message bob".
    QListView *list = ada->chatView()->listView();
    const int row = rowWith(list->model(), ChatModel::TextRole, u"anyone around?"_s);
    QVERIFY(row >= 0);
    list->setFocus();
    list->setCurrentIndex(list->model()->index(row, 0));
    QTest::keyClick(list, Qt::Key_F10, Qt::ShiftModifier);
    QTRY_VERIFY(qobject_cast<QMenu *>(QApplication::activePopupWidget()));
    auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
    QAction *message = actionNamed(menu, u"messageAuthorAction"_s);
    QVERIFY(message);
    QCOMPARE(message->text(), u"Message bob"_s);
    menu->setActiveAction(message);
    QTest::keyClick(menu, Qt::Key_Return);

    QTRY_COMPARE(ada->sidebar()->directList()->model()->rowCount(), 1);
    const qint64 direct = ada->sidebar()
                              ->directList()
                              ->model()
                              ->index(0, 0)
                              .data(ChannelModel::IdRole)
                              .toLongLong();
    QTRY_COMPARE(ada->chatView()->channel(), direct);
    // Her own messages offer no "Message ada".
    typeAndSend(ada, u"here"_s);
    ChatModel *directChat = m_ada->session.chat(direct);
    QTRY_VERIFY(rowWith(directChat, ChatModel::TextRole, u"here"_s) >= 0);
    QListView *directList = ada->chatView()->listView();
    const int own = rowWith(directList->model(), ChatModel::TextRole, u"here"_s);
    std::unique_ptr<QMenu> owned(
        ada->chatView()->contextMenuFor(directList->model()->index(own, 0)));
    QVERIFY(owned);
    QVERIFY(!actionNamed(owned.get(), u"messageAuthorAction"_s));
}

QTEST_MAIN(tst_DirectChat)
#include "tst_directchat.moc"
