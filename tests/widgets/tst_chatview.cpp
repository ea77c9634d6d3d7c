// ChatView against a real in-process server and a real signed-in Session: sending with Enter,
// Shift+Enter, live messages and pinning to the bottom, editing the last message with Up, the
// context menu (edit, delete, copy, retry, discard), typing lines, grouping, the length hint and
// loading older history at the top without moving what the user reads.

#include "channelmodel.h"
#include "chatinput.h"
#include "chatmodel.h"
#include "chatview.h"
#include "connection.h"
#include "messagedelegate.h"
#include "outbox.h"
#include "protocollimits.h"
#include "session.h"
#include "testclient.h"
#include "testserver.h"
#include "widgettesting.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QJsonArray>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Hubbub::Test;

namespace {

const QString Password = QStringLiteral("correct horse");

QJsonArray history(TestClient &client, qint64 channelId)
{
    const QJsonObject reply = client.request(QStringLiteral("chat.history"),
        {{QStringLiteral("channelId"), channelId}, {QStringLiteral("limit"), 200}});
    return reply.value(QStringLiteral("messages")).toArray();
}

//! The stored message with `id` in `channelId`, or an empty object.
QJsonObject storedMessage(TestClient &client, qint64 channelId, qint64 id)
{
    for (const QJsonValue &value : history(client, channelId)) {
        if (value.toObject().value(QStringLiteral("id")).toInteger() == id)
            return value.toObject();
    }
    return {};
}

bool sendPipelined(TestClient &client, qint64 channelId, const QStringList &texts)
{
    QList<qint64> ids;
    for (const QString &text : texts) {
        ids.append(client.send(QStringLiteral("chat.send"),
            {{QStringLiteral("channelId"), channelId}, {QStringLiteral("text"), text}}));
    }
    bool ok = true;
    for (qint64 id : std::as_const(ids))
        ok = isOk(client.waitReply(id, 30000)) && ok;
    return ok;
}

//! The row showing `text`, or -1.
int rowWithText(const QAbstractItemModel *model, const QString &text)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(ChatModel::TextRole).toString() == text)
            return row;
    }
    return -1;
}

//! The row showing `text`, acknowledged by the server (not pending), or -1.
int ackedRow(const QAbstractItemModel *model, const QString &text)
{
    const int row = rowWithText(model, text);
    if (row < 0 || model->index(row, 0).data(ChatModel::PendingRole).toBool()
        || model->index(row, 0).data(ChatModel::IdRole).toLongLong() <= 0)
        return -1;
    return row;
}

QAction *actionNamed(QMenu *menu, const QString &name)
{
    return menu ? menu->findChild<QAction *>(name) : nullptr;
}

} // namespace

class tst_ChatView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void enterSends();
    void shiftEnterAddsLine();
    void liveMessagesKeepBottomPinned();
    void upEditsLastOwnMessage();
    void escCancelsEditing();
    void deleteFromContextMenu();
    void noEditOrDeleteForOthers();
    void keyboardOpensContextMenu();
    void typingLine();
    void typingIsSent();
    void groupsQuickMessages();
    void failedSendRetryAndDiscard();
    void lengthHint();
    void olderHistoryLoadsAtTop();
    void headerShowsChannel();

private:
    QAbstractItemModel *model() const { return m_view->listView()->model(); }
    ChatModel *chat() const { return m_session->chat(m_channel); }
    qint64 createChannel(const QString &name, const QString &topic = {});
    //! Types `text` into the box and presses Enter; true when it shows as acknowledged.
    bool typeAndSend(const QString &text);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<TestClient> m_bob;
    std::unique_ptr<ChatView> m_view;
    qint64 m_channel = 0;
};

qint64 tst_ChatView::createChannel(const QString &name, const QString &topic)
{
    const QJsonObject reply = m_bob->request(QStringLiteral("channel.create"),
        {{QStringLiteral("name"), name}, {QStringLiteral("topic"), topic}});
    const qint64 id
        = reply.value(QStringLiteral("channel")).toObject().value(QStringLiteral("id")).toInteger();
    if (id <= 0)
        qWarning("channel.create failed: %s", qPrintable(dump(reply)));
    return id;
}

bool tst_ChatView::typeAndSend(const QString &text)
{
    QTest::keyClicks(m_view->input(), text);
    QTest::keyClick(m_view->input(), Qt::Key_Return);
    // Sent is acknowledged and out of the outbox: the event acknowledges the row, and the entry
    // leaves the outbox with the reply, which may follow the event by a read (the server writes
    // an event to a peer with nothing waiting at once, and the reply after it).
    return QTest::qWaitFor(
        [&] { return ackedRow(model(), text) >= 0 && m_session->outbox()->count() == 0; }, 10000);
}

void tst_ChatView::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY(m_server->start());
    m_bob = std::make_unique<TestClient>();
    QVERIFY(m_bob->open(m_server->url()));
    QVERIFY(isOk(m_bob->registerUser(QStringLiteral("bob"), Password)));

    m_session = std::make_unique<Session>(Session::Paths {});
    m_session->signIn(m_server->url(), QStringLiteral("ada"), Password, true);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->connection()->isOnline(), 10000);

    m_channel = createChannel(QStringLiteral("lounge"), QStringLiteral("Anything goes"));
    QVERIFY(m_channel > 0);
    QTRY_VERIFY(m_session->channels()->rowOf(m_channel) >= 0);

    m_view = std::make_unique<ChatView>(m_session.get());
    m_view->resize(480, 420);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    m_view->setChannel(m_channel);
    QCOMPARE(m_view->channel(), m_channel);
    QTRY_VERIFY(chat()->isLoaded());
}

void tst_ChatView::cleanup()
{
    m_view.reset();
    m_session.reset();
    m_bob.reset();
    m_server.reset();
}

void tst_ChatView::enterSends()
{
    ChatInput *input = m_view->input();
    QCOMPARE(input->objectName(), QStringLiteral("chatInput"));
    QTest::keyClicks(input, QStringLiteral("hello world"));
    QTest::keyClick(input, Qt::Key_Return);
    QCOMPARE(input->toPlainText(), QString());
    // It shows at once, pending, then acknowledged.
    QCOMPARE(rowWithText(model(), QStringLiteral("hello world")), 0);
    QTRY_COMPARE(ackedRow(model(), QStringLiteral("hello world")), 0);
    const qint64 id = model()->index(0, 0).data(ChatModel::IdRole).toLongLong();
    QCOMPARE(storedMessage(*m_bob, m_channel, id).value(QStringLiteral("text")).toString(),
        QStringLiteral("hello world"));

    // Blank input sends nothing and keeps the box as it is.
    QTest::keyClicks(input, QStringLiteral("   "));
    QTest::keyClick(input, Qt::Key_Enter);
    QCOMPARE(model()->rowCount(), 1);
    QCOMPARE(m_session->outbox()->count(), 0);
    QCOMPARE(history(*m_bob, m_channel).size(), 1);
}

void tst_ChatView::shiftEnterAddsLine()
{
    ChatInput *input = m_view->input();
    QTest::keyClicks(input, QStringLiteral("line one"));
    QTest::keyClick(input, Qt::Key_Return, Qt::ShiftModifier);
    QTest::keyClicks(input, QStringLiteral("line two"));
    QCOMPARE(input->toPlainText(), QStringLiteral("line one\nline two"));
    QCOMPARE(model()->rowCount(), 0);
    QCOMPARE(m_session->outbox()->count(), 0);

    QTest::keyClick(input, Qt::Key_Return);
    QTRY_COMPARE(ackedRow(model(), QStringLiteral("line one\nline two")), 0);
    const QJsonArray stored = history(*m_bob, m_channel);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.at(0).toObject().value(QStringLiteral("text")).toString(),
        QStringLiteral("line one\nline two"));
    // Two lines make a taller row than one would.
    QVERIFY(m_view->listView()->visualRect(model()->index(0, 0)).height()
        > 2 * m_view->listView()->fontMetrics().height());
}

void tst_ChatView::liveMessagesKeepBottomPinned()
{
    QStringList texts;
    for (int i = 0; i < 40; ++i)
        texts.append(QStringLiteral("seed %1").arg(i));
    QVERIFY(sendPipelined(*m_bob, m_channel, texts));
    QTRY_COMPARE(model()->rowCount(), 40);
    QScrollBar *bar = m_view->listView()->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum());
    QVERIFY(m_view->isPinnedToBottom());

    // At the bottom: a new message scrolls into view.
    int maximum = bar->maximum();
    QVERIFY(sendPipelined(*m_bob, m_channel, {QStringLiteral("live one")}));
    QTRY_COMPARE(model()->rowCount(), 41);
    QTRY_VERIFY(bar->maximum() > maximum);
    QCOMPARE(bar->value(), bar->maximum());
    const QModelIndex last = model()->index(40, 0);
    QVERIFY(m_view->listView()->viewport()->rect().contains(m_view->listView()->visualRect(last)));

    // Reading history: a new message does not move the view.
    bar->setValue(bar->maximum() / 2);
    QVERIFY(!m_view->isPinnedToBottom());
    const int reading = bar->value();
    const QModelIndex top = m_view->listView()->indexAt(QPoint(0, 0));
    maximum = bar->maximum();
    QVERIFY(sendPipelined(*m_bob, m_channel, {QStringLiteral("live two")}));
    QTRY_COMPARE(model()->rowCount(), 42);
    QTRY_VERIFY(bar->maximum() > maximum);
    QCOMPARE(bar->value(), reading);
    QCOMPARE(m_view->listView()->indexAt(QPoint(0, 0)), top);

    // Sending one's own message goes back to the bottom.
    QVERIFY(typeAndSend(QStringLiteral("mine")));
    QVERIFY(m_view->isPinnedToBottom());
    QTRY_COMPARE(bar->value(), bar->maximum());
}

void tst_ChatView::upEditsLastOwnMessage()
{
    QVERIFY(typeAndSend(QStringLiteral("older one")));
    QVERIFY(typeAndSend(QStringLiteral("first draft")));
    QVERIFY(sendPipelined(*m_bob, m_channel, {QStringLiteral("bob in between")}));
    QTRY_COMPARE(model()->rowCount(), 3);
    const int row = ackedRow(model(), QStringLiteral("first draft"));
    const qint64 id = model()->index(row, 0).data(ChatModel::IdRole).toLongLong();
    QVERIFY(!model()->index(row, 0).data(ChatModel::EditedRole).toBool());

    ChatInput *input = m_view->input();
    QWidget *bar = m_view->findChild<QWidget *>(QStringLiteral("editBar"));
    QVERIFY(bar);
    QVERIFY(!bar->isVisible());
    QTest::keyClick(input, Qt::Key_Up);
    QCOMPARE(m_view->editingMessage(), id);
    QCOMPARE(input->toPlainText(), QStringLiteral("first draft"));
    QVERIFY(bar->isVisible());

    input->selectAll();
    QTest::keyClicks(input, QStringLiteral("final text"));
    QTest::keyClick(input, Qt::Key_Return);
    QCOMPARE(m_view->editingMessage(), 0);
    QVERIFY(!bar->isVisible());
    QCOMPARE(input->toPlainText(), QString());
    QCOMPARE(model()->rowCount(), 3); // an edit, not a new message

    const QModelIndex edited = model()->index(row, 0);
    QCOMPARE(edited.data(ChatModel::TextRole).toString(), QStringLiteral("final text"));
    QVERIFY(edited.data(ChatModel::EditedRole).toBool());
    QTRY_VERIFY(!model()->index(row, 0).data(ChatModel::PendingRole).toBool());
    QVERIFY(model()->index(row, 0).data(ChatModel::EditedRole).toBool());
    const QJsonObject stored = storedMessage(*m_bob, m_channel, id);
    QCOMPARE(stored.value(QStringLiteral("text")).toString(), QStringLiteral("final text"));
    QVERIFY(stored.value(QStringLiteral("editedAt")).isString());
}

void tst_ChatView::escCancelsEditing()
{
    QVERIFY(typeAndSend(QStringLiteral("keep me")));
    ChatInput *input = m_view->input();
    QTest::keyClick(input, Qt::Key_Up);
    QVERIFY(m_view->editingMessage() > 0);
    QTest::keyClicks(input, QStringLiteral(" changed"));
    QTest::keyClick(input, Qt::Key_Escape);
    QCOMPARE(m_view->editingMessage(), 0);
    QCOMPARE(input->toPlainText(), QString());
    QVERIFY(!m_view->findChild<QWidget *>(QStringLiteral("editBar"))->isVisible());
    QCOMPARE(m_session->outbox()->count(), 0);
    QCOMPARE(model()->index(0, 0).data(ChatModel::TextRole).toString(), QStringLiteral("keep me"));

    // Up with text in the box moves the cursor instead of editing.
    QTest::keyClicks(input, QStringLiteral("draft"));
    QTest::keyClick(input, Qt::Key_Up);
    QCOMPARE(m_view->editingMessage(), 0);
    QCOMPARE(input->toPlainText(), QStringLiteral("draft"));
}

void tst_ChatView::deleteFromContextMenu()
{
    QVERIFY(typeAndSend(QStringLiteral("to be deleted")));
    const qint64 id = model()->index(0, 0).data(ChatModel::IdRole).toLongLong();

    // The question is the feed's: Delete or Cancel (not Yes), quoting the message; Cancel keeps
    // the message.
    std::unique_ptr<QMenu> menu(m_view->contextMenuFor(model()->index(0, 0)));
    QVERIFY(actionNamed(menu.get(), QStringLiteral("editAction")));
    QAction *remove = actionNamed(menu.get(), QStringLiteral("deleteAction"));
    QVERIFY(remove);
    remove->trigger();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = findWindow<QMessageBox>()));
    QCOMPARE(box->objectName(), QStringLiteral("deleteConfirmation"));
    QCOMPARE(box->windowTitle(), QStringLiteral("Delete message"));
    QCOMPARE(box->text(), QStringLiteral("Delete this message?"));
    QCOMPARE(
        box->informativeText(), QStringLiteral("“to be deleted” will be deleted for everyone."));
    QStringList buttons;
    const QList<QAbstractButton *> all = box->buttons();
    for (const QAbstractButton *button : all)
        buttons.append(button->text().remove(QLatin1Char('&')));
    buttons.sort();
    QCOMPARE(buttons, (QStringList {QStringLiteral("Cancel"), QStringLiteral("Delete")}));
    QCOMPARE(
        static_cast<QAbstractButton *>(box->defaultButton()), box->button(QMessageBox::Cancel));
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!findWindow<QMessageBox>());
    QCOMPARE(m_session->outbox()->count(), 0);
    QCOMPARE(model()->rowCount(), 1);

    menu.reset(m_view->contextMenuFor(model()->index(0, 0)));
    remove = actionNamed(menu.get(), QStringLiteral("deleteAction"));
    QVERIFY(remove);
    remove->trigger();
    QTRY_VERIFY((box = findWindow<QMessageBox>()));
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    QTRY_COMPARE(model()->rowCount(), 0);
    QTRY_COMPARE(m_session->outbox()->count(), 0);
    QVERIFY(storedMessage(*m_bob, m_channel, id).isEmpty());
    QCOMPARE(history(*m_bob, m_channel).size(), 0);
}

void tst_ChatView::noEditOrDeleteForOthers()
{
    QVERIFY(sendPipelined(*m_bob, m_channel, {QStringLiteral("bob says hi")}));
    QTRY_COMPARE(ackedRow(model(), QStringLiteral("bob says hi")), 0);
    std::unique_ptr<QMenu> menu(m_view->contextMenuFor(model()->index(0, 0)));
    QVERIFY(menu);
    QVERIFY(!actionNamed(menu.get(), QStringLiteral("editAction")));
    QVERIFY(!actionNamed(menu.get(), QStringLiteral("deleteAction")));
    QAction *copy = actionNamed(menu.get(), QStringLiteral("copyAction"));
    QVERIFY(copy);
    copy->trigger();
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("bob says hi"));

    // Up never picks someone else's message.
    QTest::keyClick(m_view->input(), Qt::Key_Up);
    QCOMPARE(m_view->editingMessage(), 0);
    QCOMPARE(m_view->input()->toPlainText(), QString());
}

void tst_ChatView::keyboardOpensContextMenu()
{
    QVERIFY(typeAndSend(QStringLiteral("menu by keyboard")));
    QListView *list = m_view->listView();
    list->setFocus();
    list->setCurrentIndex(model()->index(0, 0));
    QTest::keyClick(list, Qt::Key_F10, Qt::ShiftModifier);
    QTRY_VERIFY(qobject_cast<QMenu *>(QApplication::activePopupWidget()));
    auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
    QVERIFY(actionNamed(menu, QStringLiteral("editAction")));
    QVERIFY(actionNamed(menu, QStringLiteral("deleteAction")));
    QVERIFY(!menu->accessibleName().isEmpty());
    menu->close();
    QTRY_VERIFY(!QApplication::activePopupWidget());

    // Edit from the menu loads the message into the box.
    std::unique_ptr<QMenu> owned(m_view->contextMenuFor(model()->index(0, 0)));
    actionNamed(owned.get(), QStringLiteral("editAction"))->trigger();
    QCOMPARE(m_view->editingMessage(), model()->index(0, 0).data(ChatModel::IdRole).toLongLong());
    QCOMPARE(m_view->input()->toPlainText(), QStringLiteral("menu by keyboard"));
}

void tst_ChatView::typingLine()
{
    QLabel *label = m_view->typingLabel();
    QCOMPARE(label->objectName(), QStringLiteral("typingLabel"));
    QCOMPARE(label->text(), QString());

    const QJsonObject params {{QStringLiteral("channelId"), m_channel}};
    QVERIFY(isOk(m_bob->request(QStringLiteral("chat.typing"), params)));
    QTRY_COMPARE(label->text(), QStringLiteral("bob is typing…"));

    TestClient carol;
    QVERIFY(carol.open(m_server->url()));
    QVERIFY(isOk(carol.registerUser(QStringLiteral("carol"), Password)));
    QVERIFY(isOk(carol.request(QStringLiteral("chat.typing"), params)));
    QTRY_VERIFY(label->text() == QStringLiteral("bob and carol are typing…")
        || label->text() == QStringLiteral("carol and bob are typing…"));

    TestClient dave;
    QVERIFY(dave.open(m_server->url()));
    QVERIFY(isOk(dave.registerUser(QStringLiteral("dave"), Password)));
    QVERIFY(isOk(dave.request(QStringLiteral("chat.typing"), params)));
    QTRY_COMPARE(label->text(), QStringLiteral("Several people are typing…"));

    // Typing in another channel is not shown here.
    const qint64 other = createChannel(QStringLiteral("elsewhere"));
    m_view->setChannel(other);
    QCOMPARE(label->text(), QString());
    m_view->setChannel(m_channel);
    QCOMPARE(label->text(), QStringLiteral("Several people are typing…"));

    // A message from bob ends his typing.
    QVERIFY(sendPipelined(*m_bob, m_channel, {QStringLiteral("done typing")}));
    QTRY_VERIFY(label->text() == QStringLiteral("carol and dave are typing…")
        || label->text() == QStringLiteral("dave and carol are typing…"));
}

void tst_ChatView::typingIsSent()
{
    QTest::keyClicks(m_view->input(), QStringLiteral("h"));
    const qint64 adaId = m_session->user().id;
    const QJsonObject frame = m_bob->waitEphemeral([&](const QJsonObject &f) {
        return f.value(QStringLiteral("type")).toString() == QStringLiteral("typing")
            && f.value(QStringLiteral("channelId")).toInteger() == m_channel
            && f.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toInteger()
            == adaId;
    });
    QVERIFY2(!frame.isEmpty(), "bob saw no typing from ada");
}

void tst_ChatView::groupsQuickMessages()
{
    QVERIFY(typeAndSend(QStringLiteral("one")));
    QVERIFY(typeAndSend(QStringLiteral("two")));
    QVERIFY(sendPipelined(*m_bob, m_channel, {QStringLiteral("three")}));
    QTRY_COMPARE(ackedRow(model(), QStringLiteral("three")), 2);

    const QModelIndex one = model()->index(0, 0);
    const QModelIndex two = model()->index(1, 0);
    const QModelIndex three = model()->index(2, 0);
    QVERIFY(one.data(ChatModel::FirstInGroupRole).toBool());
    QVERIFY(!two.data(ChatModel::FirstInGroupRole).toBool());
    QVERIFY(three.data(ChatModel::FirstInGroupRole).toBool()); // another author

    QListView *list = m_view->listView();
    QStyleOptionViewItem option;
    option.initFrom(list);
    option.rect = QRect();
    option.widget = list;
    QAbstractItemDelegate *delegate = list->itemDelegate();
    const int first = delegate->sizeHint(option, one).height();
    const int second = delegate->sizeHint(option, two).height();
    QVERIFY2(second < first, qPrintable(QStringLiteral("%1 vs %2").arg(second).arg(first)));
    // The view lays the rows out at those heights.
    QTRY_COMPARE(list->visualRect(two).height(), second);
    QCOMPARE(list->visualRect(one).height(), first);
    QVERIFY(list->visualRect(three).height() > second);
}

void tst_ChatView::failedSendRetryAndDiscard()
{
    // The server refuses text over the limit: the row stays, marked as not sent.
    const QString tooLong(Limits::ChatTextMax + 1, QLatin1Char('x'));
    const QString localId = m_session->sendMessage(m_channel, tooLong);
    QTRY_VERIFY(!model()->index(0, 0).data(ChatModel::FailureRole).toString().isEmpty());
    QCOMPARE(model()->index(0, 0).data(ChatModel::LocalIdRole).toString(), localId);

    std::unique_ptr<QMenu> menu(m_view->contextMenuFor(model()->index(0, 0)));
    QVERIFY(!actionNamed(menu.get(), QStringLiteral("editAction")));
    QAction *retry = actionNamed(menu.get(), QStringLiteral("retryAction"));
    QVERIFY(retry);
    QVERIFY(actionNamed(menu.get(), QStringLiteral("discardAction")));
    retry->trigger();
    QVERIFY(m_session->outbox()->entry(localId)->status != Outbox::Status::Failed);
    QTRY_COMPARE(m_session->outbox()->entry(localId)->status, Outbox::Status::Failed);

    // "Discard" on the row itself is a link.
    QListView *list = m_view->listView();
    list->scrollToBottom();
    const QModelIndex index = model()->index(0, 0);
    QStyleOptionViewItem option;
    option.initFrom(list);
    option.widget = list;
    option.rect = list->visualRect(index);
    auto *delegate = qobject_cast<MessageDelegate *>(list->itemDelegate());
    QVERIFY(delegate);
    QPoint discardAt;
    const QRect visible = option.rect.intersected(list->viewport()->rect());
    for (int y = visible.bottom(); y >= visible.top() && discardAt.isNull(); y -= 2) {
        for (int x = visible.left(); x <= visible.right(); x += 2) {
            if (delegate->linkAt(option, index, {x, y}) == MessageDelegate::Link::Discard) {
                discardAt = {x, y};
                break;
            }
        }
    }
    QVERIFY2(!discardAt.isNull(), "no Discard link on the failed row");
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, discardAt);
    QTRY_COMPARE(model()->rowCount(), 0);
    QCOMPARE(m_session->outbox()->count(), 0);
    QCOMPARE(history(*m_bob, m_channel).size(), 0);
}

void tst_ChatView::lengthHint()
{
    ChatInput *input = m_view->input();
    auto *hint = m_view->findChild<QLabel *>(QStringLiteral("lengthHint"));
    QVERIFY(hint);
    QTest::keyClicks(input, QStringLiteral("short"));
    QVERIFY(!hint->isVisible());

    input->setPlainText(QString(Limits::ChatTextMax - 10, QLatin1Char('a')));
    QVERIFY(hint->isVisible());
    QVERIFY2(hint->text().contains(QLatin1String("10")), qPrintable(hint->text()));

    input->setPlainText(QString(Limits::ChatTextMax + 5, QLatin1Char('a')));
    QVERIFY(hint->isVisible());
    QVERIFY2(hint->text().contains(QLatin1String("5")), qPrintable(hint->text()));
    QTest::keyClick(input, Qt::Key_Return);
    QCOMPARE(m_session->outbox()->count(), 0);
    QCOMPARE(model()->rowCount(), 0);
    QCOMPARE(input->toPlainText().size(), Limits::ChatTextMax + 5);

    input->clear();
    QVERIFY(!hint->isVisible());
}

void tst_ChatView::olderHistoryLoadsAtTop()
{
    const qint64 channel = createChannel(QStringLiteral("history"));
    QVERIFY(channel > 0);
    QStringList texts;
    for (int i = 0; i < 250; ++i)
        texts.append(QStringLiteral("history %1").arg(i));
    QVERIFY(sendPipelined(*m_bob, channel, texts));

    m_view->setChannel(channel);
    QAbstractItemModel *rows = model();
    QTRY_VERIFY(rows->rowCount() > 0);
    const int firstPage = rows->rowCount();
    QVERIFY(firstPage < 250);
    QCOMPARE(rows->index(firstPage - 1, 0).data(ChatModel::TextRole).toString(),
        QStringLiteral("history 249"));
    QListView *list = m_view->listView();
    QScrollBar *bar = list->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum());

    // Being at the bottom does not load older history: a live message arrives after any
    // such request would have been answered, and finds the first page alone.
    QVERIFY(sendPipelined(*m_bob, channel, {QStringLiteral("live")}));
    QTRY_COMPARE(ackedRow(rows, QStringLiteral("live")), firstPage);
    QCOMPARE(rows->rowCount(), firstPage + 1);

    // Scrolling to the top loads the page before, and the message at the top stays put.
    bar->setValue(bar->minimum());
    const QPersistentModelIndex top = list->indexAt(QPoint(0, 0));
    const QString topText = top.data(ChatModel::TextRole).toString();
    QCOMPARE(topText, rows->index(0, 0).data(ChatModel::TextRole).toString());
    const int topY = list->visualRect(top).top();
    QTRY_VERIFY(rows->rowCount() > firstPage + 1);
    const int added = rows->rowCount() - firstPage - 1;
    QCOMPARE(top.row(), added);
    QCOMPARE(top.data(ChatModel::TextRole).toString(), topText);
    QCOMPARE(list->visualRect(top).top(), topY);
    QCOMPARE(list->indexAt(QPoint(0, qMax(0, topY) + 1)), QModelIndex(top));
    QVERIFY(bar->value() > bar->minimum());

    // Again up to the very first message; then nothing more is asked for.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            bar->setValue(bar->minimum());
            return rows->rowCount() == 251;
        }(),
        15000);
    QCOMPARE(rows->index(0, 0).data(ChatModel::TextRole).toString(), QStringLiteral("history 0"));
    QVERIFY(!m_session->chat(channel)->hasMore());
}

void tst_ChatView::headerShowsChannel()
{
    auto *name = m_view->findChild<QLabel *>(QStringLiteral("channelName"));
    auto *topic = m_view->findChild<QLabel *>(QStringLiteral("channelTopic"));
    QVERIFY(name && topic);
    QCOMPARE(name->text(), QStringLiteral("# lounge"));
    QCOMPARE(topic->text(), QStringLiteral("Anything goes"));
    QCOMPARE(topic->toolTip(), QStringLiteral("Anything goes"));
    QCOMPARE(m_view->input()->placeholderText(), QStringLiteral("Message #lounge"));

    // A draft stays with its channel.
    QTest::keyClicks(m_view->input(), QStringLiteral("half written"));
    const qint64 other = createChannel(QStringLiteral("random"), QStringLiteral("Off topic"));
    QTRY_VERIFY(m_session->channels()->rowOf(other) >= 0);
    m_view->setChannel(other);
    QCOMPARE(name->text(), QStringLiteral("# random"));
    QCOMPARE(topic->text(), QStringLiteral("Off topic"));
    QCOMPARE(m_view->input()->toPlainText(), QString());
    m_view->setChannel(m_channel);
    QCOMPARE(m_view->input()->toPlainText(), QStringLiteral("half written"));
}

QTEST_MAIN(tst_ChatView)
#include "tst_chatview.moc"
