// Replies and reactions in ChatView (part "react" of issue 12) against a real in-process server
// and a real signed-in Session, driven with real mouse and key events: replying with R and with
// the context menu (the reply bar, Esc and its cancel button), a click on a quote jumping to an
// original that is not loaded (chat.around, marked briefly), toggling a reaction by clicking its
// chip, and the reaction picker.

#include "chatinput.h"
#include "chatmodel.h"
#include "chatview.h"
#include "connection.h"
#include "messagedelegate.h"
#include "outbox.h"
#include "reactionpicker.h"
#include "replybar.h"
#include "session.h"
#include "testclient.h"
#include "testserver.h"
#include "widgettesting.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QJsonArray>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QTest>
#include <QToolButton>

#include <functional>
#include <memory>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

namespace {

const QString Password = u"correct horse"_s;
constexpr qint64 General = 1;

//! The stored message with `id`, read back from the server.
QJsonObject stored(TestClient &client, qint64 id)
{
    const QJsonObject reply
        = client.request(u"chat.around"_s, {{u"messageId"_s, id}, {u"limit"_s, 1}});
    return reply.value("messages"_L1).toArray().first().toObject();
}

//! "👍:2" per reaction of a stored message.
QStringList reactionsOf(TestClient &client, qint64 id)
{
    QStringList list;
    for (const QJsonValue &r : stored(client, id).value("reactions"_L1).toArray())
        list.append(r.toObject().value("emoji"_L1).toString() + u':'
            + QString::number(r.toObject().value("count"_L1).toInt()));
    return list;
}

} // namespace

class tst_ChatReplies : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void replyWithKeyAndSend();
    void replyFromMenuCancelledByEscAndButton();
    void quoteJumpsToAnOriginalNotLoaded();
    void chipClickTogglesOwnReaction();
    void pickerAddsAReaction();

private:
    QListView *list() const { return m_view->listView(); }
    ChatModel *chat() const { return m_session->chat(General); }
    //! The list's row of a message (the view's model index).
    QModelIndex rowOf(qint64 messageId) const;
    //! A point in the list's viewport over the row of `messageId` where `hit` holds.
    QPoint pointWhere(
        qint64 messageId, const std::function<bool(const MessageDelegate::ReactHit &)> &hit);
    qint64 bobSays(const QString &text, qint64 replyTo = 0);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<TestClient> m_bob;
    std::unique_ptr<ChatView> m_view;
};

void tst_ChatReplies::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY(m_server->start());
    m_bob = std::make_unique<TestClient>();
    QVERIFY(m_bob->open(m_server->url()));
    QVERIFY(isOk(m_bob->registerUser(u"bob"_s, Password)));
    m_session = std::make_unique<Session>(Session::Paths {});
    m_session->signIn(m_server->url(), u"ada"_s, Password, true);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->connection()->isOnline(), 10000);
    m_view = std::make_unique<ChatView>(m_session.get());
    m_view->resize(520, 460);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void tst_ChatReplies::cleanup()
{
    closeDialogsAndMenus();
    m_view.reset();
    m_session.reset();
    m_bob.reset();
    m_server.reset();
}

QModelIndex tst_ChatReplies::rowOf(qint64 messageId) const
{
    QAbstractItemModel *model = list()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(ChatModel::IdRole).toLongLong() == messageId)
            return model->index(row, 0);
    }
    return {};
}

QPoint tst_ChatReplies::pointWhere(
    qint64 messageId, const std::function<bool(const MessageDelegate::ReactHit &)> &hit)
{
    const QModelIndex index = rowOf(messageId);
    if (!index.isValid())
        return {-1, -1};
    list()->scrollTo(index);
    const QRect rect = list()->visualRect(index);
    QStyleOptionViewItem option;
    option.initFrom(list());
    option.rect = rect;
    option.widget = list();
    for (int y = rect.top(); y < rect.bottom(); y += 2) {
        for (int x = rect.left(); x < rect.left() + 120; x += 4) {
            if (hit(m_view->delegate()->reactHitAt(option, index, {x, y})))
                return {x, y};
        }
    }
    return {-1, -1};
}

qint64 tst_ChatReplies::bobSays(const QString &text, qint64 replyTo)
{
    QJsonObject params {{u"channelId"_s, General}, {u"text"_s, text}};
    if (replyTo != 0)
        params.insert(u"replyTo"_s, replyTo);
    return idOf(objectOf(m_bob->request(u"chat.send"_s, params), "message"));
}

void tst_ChatReplies::replyWithKeyAndSend()
{
    const qint64 original = bobSays(u"Lunch at noon?\nor later"_s);
    m_view->setChannel(General);
    QTRY_VERIFY(rowOf(original).isValid());
    QAbstractItemModelTester tester(chat(), QAbstractItemModelTester::FailureReportingMode::QtTest);

    // Click the message, then R: the reply bar quotes it and the box has the focus.
    QTest::mouseClick(
        list()->viewport(), Qt::LeftButton, {}, list()->visualRect(rowOf(original)).center());
    QCOMPARE(list()->currentIndex(), rowOf(original));
    QTest::keyClick(list(), Qt::Key_R);
    QCOMPARE(m_view->replyingTo(), original);
    QVERIFY(m_view->replyBar()->isVisible());
    QCOMPARE(m_view->replyBar()->text(), u"Replying to bob: Lunch at noon?"_s);
    QTRY_VERIFY(m_view->input()->hasFocus());

    QTest::keyClicks(m_view->input(), u"Noon works"_s);
    QTest::keyClick(m_view->input(), Qt::Key_Return);
    QVERIFY(!m_view->replyBar()->isVisible());
    QCOMPARE(m_view->replyingTo(), 0);
    QTRY_COMPARE(m_session->outbox()->count(), 0);
    const QModelIndex last = list()->model()->index(list()->model()->rowCount() - 1, 0);
    QCOMPARE(last.data(ChatModel::TextRole).toString(), u"Noon works"_s);
    QCOMPARE(last.data(ChatModel::ReplyToIdRole).toLongLong(), original);
    const QJsonObject onServer = stored(*m_bob, last.data(ChatModel::IdRole).toLongLong());
    QCOMPARE(idOf(objectOf(onServer, "replyTo")), original);
}

void tst_ChatReplies::replyFromMenuCancelledByEscAndButton()
{
    const qint64 original = bobSays(u"Anyone?"_s);
    m_view->setChannel(General);
    QTRY_VERIFY(rowOf(original).isValid());

    std::unique_ptr<QMenu> menu(m_view->contextMenuFor(rowOf(original)));
    QVERIFY(menu);
    QAction *reply = menu->findChild<QAction *>(u"replyAction"_s);
    QVERIFY(reply);
    reply->trigger();
    QVERIFY(m_view->replyBar()->isVisible());
    QTest::keyClick(m_view->input(), Qt::Key_Escape);
    QVERIFY(!m_view->replyBar()->isVisible());
    QCOMPARE(m_view->replyingTo(), 0);

    reply->trigger();
    QVERIFY(m_view->replyBar()->isVisible());
    QTest::mouseClick(m_view->replyBar()->cancelButton(), Qt::LeftButton);
    QVERIFY(!m_view->replyBar()->isVisible());
    // Sent after a cancel, the message replies to nothing.
    QTest::keyClicks(m_view->input(), u"plain"_s);
    QTest::keyClick(m_view->input(), Qt::Key_Return);
    QTRY_COMPARE(m_session->outbox()->count(), 0);
    const QModelIndex last = list()->model()->index(list()->model()->rowCount() - 1, 0);
    QCOMPARE(last.data(ChatModel::ReplyToIdRole).toLongLong(), 0);
}

void tst_ChatReplies::quoteJumpsToAnOriginalNotLoaded()
{
    // The original, then more than a page of messages, then a reply to the original.
    const qint64 original = bobSays(u"The decision: ship on Friday"_s);
    QList<qint64> requests;
    for (int i = 0; i < 130; ++i)
        requests.append(m_bob->send(
            u"chat.send"_s, {{u"channelId"_s, General}, {u"text"_s, u"filler %1"_s.arg(i)}}));
    for (qint64 id : std::as_const(requests))
        QVERIFY(isOk(m_bob->waitReply(id, 30000)));
    const qint64 reply = bobSays(u"Which decision was that?"_s, original);
    m_view->setChannel(General);
    QTRY_VERIFY(rowOf(reply).isValid());
    QVERIFY(!rowOf(original).isValid());
    QAbstractItemModelTester tester(chat(), QAbstractItemModelTester::FailureReportingMode::QtTest);

    const QPoint onQuote
        = pointWhere(reply, [](const MessageDelegate::ReactHit &hit) { return hit.quote; });
    QVERIFY(onQuote.x() >= 0);
    QTest::mouseClick(list()->viewport(), Qt::LeftButton, {}, onQuote);
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(original).isValid(), 10000);
    QTRY_COMPARE(m_view->delegate()->highlighted(), original);
    QTRY_VERIFY(list()->viewport()->rect().intersects(list()->visualRect(rowOf(original))));
    QCOMPARE(list()->currentIndex(), rowOf(original));
    // The mark goes after a moment.
    QTRY_COMPARE_WITH_TIMEOUT(m_view->delegate()->highlighted(), 0, 5000);
}

void tst_ChatReplies::chipClickTogglesOwnReaction()
{
    const qint64 message = bobSays(u"Release today?"_s);
    QVERIFY(isOk(m_bob->request(
        u"reaction.set"_s, {{u"messageId"_s, message}, {u"emoji"_s, u"👍"_s}, {u"on"_s, true}})));
    m_view->setChannel(General);
    QTRY_VERIFY(rowOf(message).isValid());
    QAbstractItemModelTester tester(chat(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(rowOf(message).data(ChatModel::ReactionsRole).toList().size(), 1);

    const auto onThumbs = [](const MessageDelegate::ReactHit &hit) {
        return hit.chip && hit.chip->emoji == u"👍"_s;
    };
    QPoint chip = pointWhere(message, onThumbs);
    QVERIFY(chip.x() >= 0);
    QTest::mouseClick(list()->viewport(), Qt::LeftButton, {}, chip);
    QTRY_COMPARE(reactionsOf(*m_bob, message), QStringList {u"👍:2"_s});
    QTRY_VERIFY(pointWhere(message,
                    [](const MessageDelegate::ReactHit &hit) {
                        return hit.chip && hit.chip->mine && hit.chip->count == 2;
                    })
                    .x()
        >= 0);

    chip = pointWhere(message, onThumbs);
    QTest::mouseClick(list()->viewport(), Qt::LeftButton, {}, chip);
    QTRY_COMPARE(reactionsOf(*m_bob, message), QStringList {u"👍:1"_s});
    QTRY_VERIFY(pointWhere(message,
                    [](const MessageDelegate::ReactHit &hit) {
                        return hit.chip && !hit.chip->mine && hit.chip->count == 1;
                    })
                    .x()
        >= 0);
}

void tst_ChatReplies::pickerAddsAReaction()
{
    const qint64 message = bobSays(u"Cake in the kitchen"_s);
    m_view->setChannel(General);
    QTRY_VERIFY(rowOf(message).isValid());

    std::unique_ptr<QMenu> menu(m_view->contextMenuFor(rowOf(message)));
    QAction *react = menu->findChild<QAction *>(u"reactAction"_s);
    QVERIFY(react);
    react->trigger();
    ReactionPicker *picker = m_view->reactionPicker();
    QVERIFY(picker);
    QTRY_VERIFY(picker->isVisible());
    QToolButton *party = picker->findChild<QToolButton *>(u"emoji3"_s);
    QVERIFY(party);
    QCOMPARE(party->text(), u"🎉"_s);
    QTest::mouseClick(party, Qt::LeftButton);
    QTRY_COMPARE(reactionsOf(*m_bob, message), QStringList {u"🎉:1"_s});
    QTRY_VERIFY(!m_view->reactionPicker());

    // Free input: a word is refused in place, a symbol is taken.
    menu.reset(m_view->contextMenuFor(rowOf(message)));
    menu->findChild<QAction *>(u"reactAction"_s)->trigger();
    picker = m_view->reactionPicker();
    QVERIFY(picker);
    QLineEdit *field = picker->customField();
    QTest::keyClicks(field, u"lol"_s);
    QTest::keyClick(field, Qt::Key_Return);
    QVERIFY(m_view->reactionPicker());
    field->clear();
    QTest::keyClicks(field, u"+1"_s);
    QTest::keyClick(field, Qt::Key_Return);
    QTRY_COMPARE(reactionsOf(*m_bob, message), (QStringList {u"🎉:1"_s, u"+1:1"_s}));
}

QTEST_MAIN(tst_ChatReplies)
#include "tst_chatreplies.moc"
