// Rich text in the running chat view, against a real server and a signed-in Session, driven
// with real mouse clicks and key presses: a link in a message opens (through the URL handler
// QDesktopServices uses) on a click, "(edited)" opens the edit history dialog with every
// version oldest first, `@` completion (Tab and Enter accept, Esc closes, Enter then sends),
// and the message that mentions the signed-in user says so (ChatModel::MentionsMeRole).

#include "channelmodel.h"
#include "chatinput.h"
#include "chatmodel.h"
#include "chatview.h"
#include "connection.h"
#include "edithistorydialog.h"
#include "mentioncompleter.h"
#include "messagedelegate.h"
#include "outbox.h"
#include "session.h"
#include "testclient.h"
#include "testserver.h"
#include "widgettesting.h"

#include <QDesktopServices>
#include <QImage>
#include <QListView>
#include <QListWidget>
#include <QTest>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

namespace {

const QString Password = u"correct horse"_s;

//! Receives the URLs QDesktopServices::openUrl would hand to the system browser.
class UrlCatcher final : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> urls;
public Q_SLOTS:
    void open(const QUrl &url) { urls.append(url); }
};

} // namespace

class tst_RichTextChat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void clickOpensLink();
    void clickOnEditedOpensHistory();
    void completionWithKeys();
    void completionOffersUsernamesNotDisplayNames();
    void mentionOfMeIsFlagged();

private:
    QListView *list() const { return m_view->listView(); }
    int rowOf(const QString &text) const;
    //! Bob sends `text` to the channel; the row it shows in, -1 if it never does.
    int bobSends(const QString &text);
    //! A point in the row's text where the delegate finds `href` (view port coordinates).
    std::optional<QPoint> pointOf(int row, const QString &href) const;

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<TestClient> m_bob;
    std::unique_ptr<ChatView> m_view;
    qint64 m_channel = 0;
};

int tst_RichTextChat::rowOf(const QString &text) const
{
    const QAbstractItemModel *model = list()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(ChatModel::TextRole).toString() == text)
            return row;
    }
    return -1;
}

int tst_RichTextChat::bobSends(const QString &text)
{
    const QJsonObject reply
        = m_bob->request(u"chat.send"_s, {{u"channelId"_s, m_channel}, {u"text"_s, text}});
    if (!isOk(reply))
        return -1;
    (void)QTest::qWaitFor([&] { return rowOf(text) >= 0; }, 10000);
    return rowOf(text);
}

std::optional<QPoint> tst_RichTextChat::pointOf(int row, const QString &href) const
{
    auto *delegate = qobject_cast<MessageDelegate *>(list()->itemDelegate());
    const QModelIndex index = list()->model()->index(row, 0);
    QStyleOptionViewItem option;
    option.initFrom(list()->viewport());
    option.rect = list()->visualRect(index);
    option.font = list()->font();
    option.fontMetrics = QFontMetrics(option.font);
    option.widget = list();
    for (int y = option.rect.top(); y < option.rect.bottom(); y += 2) {
        for (int x = option.rect.left(); x < option.rect.right(); x += 3) {
            if (delegate->anchorAt(option, index, {x, y}) == href)
                return QPoint(x, y);
        }
    }
    return std::nullopt;
}

void tst_RichTextChat::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY(m_server->start());
    m_bob = std::make_unique<TestClient>();
    QVERIFY(m_bob->open(m_server->url()));
    QVERIFY(isOk(m_bob->registerUser(u"bob"_s, Password)));

    m_session = std::make_unique<Session>(Session::Paths {});
    m_session->signIn(m_server->url(), u"ada"_s, Password, true);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->connection()->isOnline(), 10000);
    const QJsonObject created = m_bob->request(u"channel.create"_s, {{u"name"_s, u"lounge"_s}});
    m_channel = idOf(objectOf(created, "channel"));
    QVERIFY(m_channel > 0);
    QTRY_VERIFY(m_session->channels()->rowOf(m_channel) >= 0);

    m_view = std::make_unique<ChatView>(m_session.get());
    m_view->resize(520, 420);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    m_view->setChannel(m_channel);
    QTRY_VERIFY(m_session->chat(m_channel)->isLoaded());
}

void tst_RichTextChat::cleanup()
{
    QDesktopServices::unsetUrlHandler(u"https"_s);
    closeDialogsAndMenus();
    m_view.reset();
    m_session.reset();
    m_bob.reset();
    m_server.reset();
}

void tst_RichTextChat::clickOpensLink()
{
    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(u"https"_s, &catcher, "open");
    const int row = bobSends(u"read **this**: https://example.org/notes and *that*"_s);
    QVERIFY(row >= 0);
    const std::optional<QPoint> at = pointOf(row, u"https://example.org/notes"_s);
    QVERIFY2(at, "the bare URL is no link");
    QTest::mouseClick(list()->viewport(), Qt::LeftButton, {}, *at);
    QTRY_COMPARE(catcher.urls, QList<QUrl> {QUrl(u"https://example.org/notes"_s)});
    // A click on plain words opens nothing.
    const QRect rect = list()->visualRect(list()->model()->index(row, 0));
    QTest::mouseClick(list()->viewport(), Qt::LeftButton, {}, rect.bottomRight() - QPoint(4, 4));
    QTest::qWait(50);
    QCOMPARE(catcher.urls.size(), 1);
}

void tst_RichTextChat::clickOnEditedOpensHistory()
{
    const int sent = bobSends(u"first words"_s);
    QVERIFY(sent >= 0);
    const qint64 id = list()->model()->index(sent, 0).data(ChatModel::IdRole).toLongLong();
    QVERIFY(isOk(m_bob->request(
        u"chat.edit"_s, {{u"messageId"_s, id}, {u"text"_s, u"second ~~words~~ thoughts"_s}})));
    QTRY_VERIFY(rowOf(u"second ~~words~~ thoughts"_s) >= 0);
    const int row = rowOf(u"second ~~words~~ thoughts"_s);
    QVERIFY(list()->model()->index(row, 0).data(ChatModel::EditedRole).toBool());
    const std::optional<QPoint> at = pointOf(row, RichText::markerHref());
    QVERIFY2(at, "no (edited) marker");
    QTest::mouseClick(list()->viewport(), Qt::LeftButton, {}, *at);
    EditHistoryDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = findWindow<EditHistoryDialog>()) != nullptr);
    QTRY_COMPARE(dialog->list()->count(), 2);
    QVERIFY(dialog->list()->item(0)->text().startsWith(u"bob · "_s));
    QVERIFY(dialog->list()->item(0)->text().endsWith(u"\nfirst words"_s));
    QVERIFY(dialog->list()->item(1)->text().endsWith(u"\nsecond ~~words~~ thoughts"_s));
}

void tst_RichTextChat::completionWithKeys()
{
    QVERIFY(bobSends(u"hello"_s) >= 0); // bob is an author seen here
    ChatInput *input = m_view->input();
    auto *completer = input->findChild<MentionCompleter *>();
    QVERIFY(completer);
    input->setFocus();

    QTest::keyClicks(input, u"hi @B"_s);
    QTRY_VERIFY(completer->isOpen());
    QCOMPARE(completer->popup()->currentItem()->text(), u"bob"_s);
    QTest::keyClick(input, Qt::Key_Tab);
    QCOMPARE(input->toPlainText(), u"hi @bob "_s);
    QVERIFY(!completer->isOpen());

    // Esc closes the list and keeps what was typed; typing on does not reopen it for this @.
    QTest::keyClicks(input, u"and @b"_s);
    QTRY_VERIFY(completer->isOpen());
    QTest::keyClick(input, Qt::Key_Escape);
    QVERIFY(!completer->isOpen());
    QCOMPARE(input->toPlainText(), u"hi @bob and @b"_s);
    QTest::keyClick(input, Qt::Key_O);
    QVERIFY(!completer->isOpen());
    QTest::keyClick(input, Qt::Key_Backspace);
    QTest::keyClick(input, Qt::Key_Backspace);
    QTest::keyClick(input, Qt::Key_Backspace);
    QCOMPARE(input->toPlainText(), u"hi @bob and "_s);

    // Enter accepts (and sends nothing); the next Enter sends.
    QTest::keyClicks(input, u"@bo"_s);
    QTRY_VERIFY(completer->isOpen());
    QTest::keyClick(input, Qt::Key_Return);
    QCOMPARE(input->toPlainText(), u"hi @bob and @bob "_s);
    QCOMPARE(rowOf(u"hi @bob and @bob"_s), -1);
    QTest::keyClick(input, Qt::Key_Return);
    QTRY_VERIFY(rowOf(u"hi @bob and @bob"_s) >= 0);
    // The server found both mentions.
    QTRY_VERIFY(list()
                    ->model()
                    ->index(rowOf(u"hi @bob and @bob"_s), 0)
                    .data(ChatModel::MarkdownRole)
                    .toString()
                    .count(u"hubbub-mention:"_s)
        == 2);

    // Nobody starts so: no list.
    QTest::keyClicks(input, u"@zz"_s);
    QTest::qWait(50);
    QVERIFY(!completer->isOpen());
}

void tst_RichTextChat::completionOffersUsernamesNotDisplayNames()
{
    QVERIFY(isOk(m_bob->request(u"user.profile"_s, {{u"displayName"_s, u"Grace Hopper"_s}})));
    const int row = bobSends(u"hello from Grace"_s);
    QVERIFY(row >= 0);
    QTRY_COMPARE(
        list()->model()->index(row, 0).data(ChatModel::AuthorUserRole).value<User>().shownName(),
        u"Grace Hopper"_s);
    ChatInput *input = m_view->input();
    auto *completer = input->findChild<MentionCompleter *>();
    QVERIFY(completer);
    input->setFocus();
    // "@Grace Hopper" would mention nobody (or someone called grace): not offered.
    QTest::keyClicks(input, u"@Gr"_s);
    QTest::qWait(50);
    QVERIFY(!completer->isOpen());
    input->setTextSilently({});
    QTest::keyClicks(input, u"@bo"_s);
    QTRY_VERIFY(completer->isOpen());
    QCOMPARE(completer->popup()->count(), 1);
    QCOMPARE(completer->popup()->currentItem()->text(), u"bob"_s);
}

void tst_RichTextChat::mentionOfMeIsFlagged()
{
    const int plain = bobSends(u"nothing for you"_s);
    const int row = bobSends(u"@Ada please look"_s);
    QVERIFY(plain >= 0 && row >= 0);
    QVERIFY(!list()->model()->index(plain, 0).data(ChatModel::MentionsMeRole).toBool());
    QVERIFY(list()->model()->index(row, 0).data(ChatModel::MentionsMeRole).toBool());
    QVERIFY(pointOf(row, u"hubbub-mention:%1"_s.arg(m_session->user().id)));

    // And the view shows it so: one's own mention in the stronger colour, another's not.
    const int other = bobSends(u"@bob note to self"_s);
    QVERIFY(other >= 0);
    const QPalette palette = list()->viewport()->palette();
    const QColor base = palette.color(QPalette::Base);
    const QColor high = palette.color(QPalette::Highlight);
    const QRgb selfBack = QColor::fromRgbF(float(base.redF() * (1 - 0.45) + high.redF() * 0.45),
        float(base.greenF() * (1 - 0.45) + high.greenF() * 0.45),
        float(base.blueF() * (1 - 0.45) + high.blueF() * 0.45))
                              .rgb();
    const auto shows = [&](int r) {
        const QRect rect = list()->visualRect(list()->model()->index(r, 0));
        const QImage shot
            = list()->viewport()->grab(rect).toImage().convertToFormat(QImage::Format_RGB32);
        for (int y = 0; y < shot.height(); ++y) {
            for (int x = 0; x < shot.width(); ++x) {
                if (shot.pixel(x, y) == selfBack)
                    return true;
            }
        }
        return false;
    };
    QVERIFY(shows(row));
    QVERIFY(!shows(other));
}

QTEST_MAIN(tst_RichTextChat)
#include "tst_richtextchat.moc"
