// ChatView's geometry against a real server and a real signed-in Session: rows never overlap
// after the pane gets narrower (or a scroll bar appears), whatever the wrapping does; a short
// conversation sits at the bottom of the pane; days are separated.

#include "channelmodel.h"
#include "chatmodel.h"
#include "chatview.h"
#include "connection.h"
#include "messagedelegate.h"
#include "session.h"
#include "testclient.h"
#include "testserver.h"

#include <QListView>
#include <QLocale>
#include <QScrollBar>
#include <QTest>

#include <memory>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Hubbub::Test;

namespace {

const QString Password = QStringLiteral("correct horse");

bool sendAll(TestClient &client, qint64 channelId, const QStringList &texts)
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

//! The first pair of rows whose rectangles overlap, or whose row is shorter than its text
//! needs at the current width, as text; empty when the layout is sound.
QString layoutFault(QListView *list)
{
    const QAbstractItemModel *model = list->model();
    QStyleOptionViewItem option;
    option.initFrom(list);
    option.widget = list;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        const QRect rect = list->visualRect(index);
        const int needed = list->itemDelegate()->sizeHint(option, index).height();
        if (rect.height() < needed)
            return QStringLiteral("row %1 is %2 px high, its text needs %3 px at width %4")
                .arg(row)
                .arg(rect.height())
                .arg(needed)
                .arg(list->viewport()->width());
        if (row + 1 < model->rowCount()) {
            const QRect next = list->visualRect(model->index(row + 1, 0));
            if (rect.intersects(next))
                return QStringLiteral("rows %1 and %2 overlap: %3,%4 %5x%6 and %7,%8 %9x%10")
                    .arg(row)
                    .arg(row + 1)
                    .arg(rect.x())
                    .arg(rect.y())
                    .arg(rect.width())
                    .arg(rect.height())
                    .arg(next.x())
                    .arg(next.y())
                    .arg(next.width())
                    .arg(next.height());
        }
    }
    return {};
}

QString longText()
{
    QStringList words;
    for (int i = 0; i < 60; ++i)
        words.append(QStringLiteral("word%1").arg(i));
    return words.join(QLatin1Char(' '));
}

} // namespace

class tst_ChatViewLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void narrowerKeepsRowsApart();
    void scrollBarKeepsRowsApart();
    void shortChatSitsAtBottom();
    void daySeparator();

private:
    QListView *list() const { return m_view->listView(); }

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<TestClient> m_bob;
    std::unique_ptr<ChatView> m_view;
    qint64 m_channel = 0;
};

void tst_ChatViewLayout::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY(m_server->start());
    m_bob = std::make_unique<TestClient>();
    QVERIFY(m_bob->open(m_server->url()));
    QVERIFY(isOk(m_bob->registerUser(QStringLiteral("bob"), Password)));

    m_session = std::make_unique<Session>(Session::Paths {});
    m_session->signIn(m_server->url(), QStringLiteral("ada"), Password, true);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->connection()->isOnline(), 10000);

    const QJsonObject reply = m_bob->request(
        QStringLiteral("channel.create"), {{QStringLiteral("name"), QStringLiteral("lounge")}});
    m_channel
        = reply.value(QStringLiteral("channel")).toObject().value(QStringLiteral("id")).toInteger();
    QVERIFY(m_channel > 0);
    QTRY_VERIFY(m_session->channels()->rowOf(m_channel) >= 0);

    m_view = std::make_unique<ChatView>(m_session.get());
    m_view->resize(640, 420);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    m_view->setChannel(m_channel);
    QTRY_VERIFY(m_session->chat(m_channel)->isLoaded());
}

void tst_ChatViewLayout::cleanup()
{
    m_view.reset();
    m_session.reset();
    m_bob.reset();
    m_server.reset();
}

void tst_ChatViewLayout::narrowerKeepsRowsApart()
{
    QVERIFY(sendAll(*m_bob, m_channel,
        {longText(), QStringLiteral("short one"), QStringLiteral("short two"),
            QStringLiteral("short three")}));
    QTRY_COMPARE(list()->model()->rowCount(), 4);
    QTRY_VERIFY2(layoutFault(list()).isEmpty(), qPrintable(layoutFault(list())));

    // Narrower in steps, as a user dragging the window edge: the long message wraps to more
    // lines each time, and the rows below it move down at once.
    for (int width : {520, 400, 300, 240}) {
        m_view->resize(width, m_view->height());
        QCoreApplication::processEvents();
        QVERIFY2(layoutFault(list()).isEmpty(), qPrintable(layoutFault(list())));
        // Also once the view has settled (the list relays out after a delay).
        QTest::qWait(150);
        QVERIFY2(layoutFault(list()).isEmpty(), qPrintable(layoutFault(list())));
    }
    // And wider again: the rows close up, no gaps of stale height either.
    m_view->resize(640, m_view->height());
    QTest::qWait(150);
    const QRect first = list()->visualRect(list()->model()->index(0, 0));
    QStyleOptionViewItem option;
    option.initFrom(list());
    option.widget = list();
    QCOMPARE(first.height(),
        list()->itemDelegate()->sizeHint(option, list()->model()->index(0, 0)).height());
}

void tst_ChatViewLayout::scrollBarKeepsRowsApart()
{
    // Short messages under a long one, until one more makes the scroll bar appear and the
    // rows narrower by its width.
    m_view->resize(360, 420);
    QVERIFY(sendAll(*m_bob, m_channel, {longText()}));
    QTRY_COMPARE(list()->model()->rowCount(), 1);
    QScrollBar *bar = list()->verticalScrollBar();
    int sent = 0;
    while (!bar->isVisible() && sent < 60) {
        QVERIFY(sendAll(*m_bob, m_channel, {QStringLiteral("filler %1").arg(sent)}));
        ++sent;
        QTRY_COMPARE(list()->model()->rowCount(), 1 + sent);
        QTest::qWait(20);
    }
    QVERIFY(bar->isVisible());
    QCoreApplication::processEvents();
    QVERIFY2(layoutFault(list()).isEmpty(), qPrintable(layoutFault(list())));
    QTest::qWait(150);
    QVERIFY2(layoutFault(list()).isEmpty(), qPrintable(layoutFault(list())));
}

void tst_ChatViewLayout::shortChatSitsAtBottom()
{
    QVERIFY(sendAll(*m_bob, m_channel, {QStringLiteral("one"), QStringLiteral("two")}));
    QTRY_COMPARE(list()->model()->rowCount(), 2);
    const auto bottomGap = [this] {
        const QRect last = list()->visualRect(list()->model()->index(1, 0));
        return list()->height() - list()->viewport()->mapTo(list(), last.bottomLeft()).y() - 1;
    };
    // The newest message sits right above the message box, the space is above the first one.
    QTRY_COMPARE(bottomGap(), 0);
    const QRect first = list()->visualRect(list()->model()->index(0, 0));
    QVERIFY(list()->viewport()->mapTo(list(), first.topLeft()).y() > list()->height() / 2);
    // Still so at another size, and once the rows fill the pane, they fill it from the top.
    m_view->resize(400, 300);
    QTRY_COMPARE(bottomGap(), 0);
    QStringList more;
    for (int i = 0; i < 30; ++i)
        more.append(QStringLiteral("more %1").arg(i));
    QVERIFY(sendAll(*m_bob, m_channel, more));
    QTRY_COMPARE(list()->model()->rowCount(), 32);
    QTRY_COMPARE(list()->viewport()->y(), 0);
    QTRY_VERIFY(list()->verticalScrollBar()->isVisible());
}

void tst_ChatViewLayout::daySeparator()
{
    const QDate today(2026, 3, 14);
    QCOMPARE(MessageDelegate::dayLabel(today, today), QStringLiteral("Today"));
    QCOMPARE(MessageDelegate::dayLabel(today.addDays(-1), today), QStringLiteral("Yesterday"));
    QCOMPARE(MessageDelegate::dayLabel(today.addDays(-2), today),
        QLocale().toString(today.addDays(-2), QLocale::LongFormat));

    // Two one-line messages by two people: the first of the day is taller by its separator.
    QVERIFY(sendAll(*m_bob, m_channel, {QStringLiteral("hi")}));
    m_session->sendMessage(m_channel, QStringLiteral("ho"));
    QTRY_COMPARE(list()->model()->rowCount(), 2);
    const QModelIndex first = list()->model()->index(0, 0);
    const QModelIndex second = list()->model()->index(1, 0);
    QVERIFY(first.data(ChatModel::DayStartRole).toBool());
    QVERIFY(!second.data(ChatModel::DayStartRole).toBool());
    QVERIFY(second.data(ChatModel::FirstInGroupRole).toBool());
    QTRY_VERIFY(list()->visualRect(first).height()
        >= list()->visualRect(second).height() + list()->fontMetrics().height());
}

QTEST_MAIN(tst_ChatViewLayout)
#include "tst_chatviewlayout.moc"
