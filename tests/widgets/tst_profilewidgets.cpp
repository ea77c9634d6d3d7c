// Display names and avatars in the app, driven with real mouse and key events on two app
// instances (ada and bob) signed in to one real server: "Edit profile…" sets a display name
// and a picture that the other app shows live; a click on a name or avatar in the chat, or on
// a person in the people list, opens their profile card, which follows changes while it shows
// and whose "Message" opens the direct conversation.

#include "avatar.h"
#include "chatmodel.h"
#include "chatview.h"
#include "imagecache.h"
#include "mainwindow.h"
#include "peoplemodel.h"
#include "profilecard.h"
#include "profiledialog.h"
#include "protocollimits.h"
#include "reply.h"
#include "sidebar.h"
#include "twoappsfixture.h"
#include "widgettesting.h"

#include <cstdlib>

#include <QAction>
#include <QImage>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPointer>
#include <QPushButton>
#include <QTest>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

class TestProfileWidgets final : public TwoAppsFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void editProfileReachesTheOtherApp();
    void tooLongNameCannotBeSaved();
    void cardOpensOnAuthorClick();
    void ownCardFromPeopleListEditsProfile();
    void initialsAndColours();

private:
    //! Opens "Edit profile…" from ada's menu and returns the dialog.
    ProfileDialog *openEditProfile();
    //! A point on the author line (avatar or name) of `row` in ada's chat, found with the
    //! delegate's own hit test; null when there is none.
    QPoint authorPoint(int row);
};

void TestProfileWidgets::init()
{
    QVERIFY(startApps());
    QVERIFY(activateWindow(m_ada->window()));
}

void TestProfileWidgets::cleanup()
{
    closeDialogsAndMenus();
    stopApps();
}

ProfileDialog *TestProfileWidgets::openEditProfile()
{
    auto *action = m_ada->window()->findChild<QAction *>(u"editProfileAction"_s);
    if (!action)
        return nullptr;
    action->trigger();
    ProfileDialog *dialog = nullptr;
    if (!QTest::qWaitFor([&] { return (dialog = findWindow<ProfileDialog>()) != nullptr; }, 5000))
        return nullptr;
    return dialog;
}

QPoint TestProfileWidgets::authorPoint(int row)
{
    QListView *list = m_ada->window()->chatView()->listView();
    const QModelIndex index = list->model()->index(row, 0);
    QStyleOptionViewItem option;
    option.initFrom(list);
    option.widget = list;
    option.rect = list->visualRect(index);
    MessageDelegate *delegate = m_ada->window()->chatView()->delegate();
    const QRect visible = option.rect.intersected(list->viewport()->rect());
    for (int y = visible.top(); y <= visible.bottom(); y += 2) {
        for (int x = visible.left(); x <= visible.right(); x += 2) {
            if (delegate->isOnAuthor(option, index, {x, y}))
                return {x + 2, y + 2};
        }
    }
    return {};
}

void TestProfileWidgets::editProfileReachesTheOtherApp()
{
    QTemporaryDir dir;
    const QString picturePath = dir.filePath(u"me.png"_s);
    QImage picture(48, 48, QImage::Format_RGB32);
    picture.fill(Qt::darkCyan);
    QVERIFY(picture.save(picturePath));

    // Closed, the dialog deletes itself (WA_DeleteOnClose): watched through a QPointer, which a
    // deletion clears, instead of a pointer that would dangle.
    QPointer<ProfileDialog> dialog = openEditProfile();
    QVERIFY(dialog);
    QCOMPARE(dialog->nameEdit()->placeholderText(), u"ada"_s);
    QVERIFY(!dialog->removeButton()->isEnabled()); // no picture yet
    QTest::mouseClick(dialog->nameEdit(), Qt::LeftButton);
    QTest::keyClicks(dialog->nameEdit(), u"  "_s);
    // Hangul arrives from an input method as a committed string, not as key presses.
    QInputMethodEvent composed;
    composed.setCommitString(u"김민준"_s);
    QApplication::sendEvent(dialog->nameEdit(), &composed);
    QTest::keyClicks(dialog->nameEdit(), u" "_s);
    // The file dialog is the platform's; what its choice leads to is this.
    QVERIFY(dialog->choosePicture(picturePath));
    QVERIFY(dialog->removeButton()->isEnabled());
    QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), 20000);

    const User ada = m_ada->session.user();
    QCOMPARE(ada.displayName, u"김민준"_s);
    QVERIFY(!ada.avatarId.isEmpty());
    // Bob's app shows it live: in the people list, with the username as the tooltip, and the
    // picture downloaded for the avatar.
    PeopleModel *people = m_bob->session.people();
    QTRY_COMPARE(people->index(people->rowOf(ada.id)).data().toString(), u"김민준"_s);
    QCOMPARE(people->index(people->rowOf(ada.id)).data(Qt::ToolTipRole).toString(), u"ada"_s);
    QListView *list = m_bob->window()->sidebar()->peopleList();
    list->viewport()->repaint(); // asks the cache for the picture
    QTRY_VERIFY(!m_bob->session.images()->thumbnail(ada.avatarId, QSize(32, 32)).isNull());

    // Removing the picture keeps the name.
    dialog = openEditProfile();
    QVERIFY(dialog);
    QCOMPARE(dialog->nameEdit()->text(), u"김민준"_s);
    QVERIFY(dialog->removeButton()->isEnabled());
    QTest::mouseClick(dialog->removeButton(), Qt::LeftButton);
    QVERIFY(!dialog->removeButton()->isEnabled());
    QTest::keyClick(dialog->nameEdit(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), 20000);
    QTRY_COMPARE(
        people->index(people->rowOf(ada.id)).data(PeopleModel::UserRole).value<User>().avatarId,
        QString());
    QCOMPARE(m_ada->session.user().displayName, u"김민준"_s);
}

void TestProfileWidgets::tooLongNameCannotBeSaved()
{
    ProfileDialog *dialog = openEditProfile();
    QVERIFY(dialog);
    QTest::keyClicks(dialog->nameEdit(), u"x"_s.repeated(Limits::DisplayNameMax));
    QVERIFY(dialog->saveButton()->isEnabled());
    QTest::keyClicks(dialog->nameEdit(), u"y"_s);
    QVERIFY(!dialog->saveButton()->isEnabled());
    QTest::keyClick(dialog->nameEdit(), Qt::Key_Backspace);
    QVERIFY(dialog->saveButton()->isEnabled());

    // What the server refuses shows in the dialog, which stays open.
    dialog->nameEdit()->setText(u"Ada\u202Egnp.exe"_s);
    QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->errorLabel()->isVisible(), 20000);
    QVERIFY(dialog->isVisible());
    // Readable on the dialog's own background (BrightText was white on light grey).
    const QColor text = dialog->errorLabel()->palette().color(QPalette::WindowText);
    const QColor back = dialog->palette().color(QPalette::Window);
    QVERIFY2(std::abs(qGray(text.rgb()) - qGray(back.rgb())) > 60,
        qPrintable(u"%1 on %2"_s.arg(text.name(), back.name())));
    QCOMPARE(m_ada->session.user().displayName, QString());
}

void TestProfileWidgets::cardOpensOnAuthorClick()
{
    const qint64 channel = createChannel(u"lounge"_s);
    QVERIFY(channel > 0);
    m_bob->session.sendMessage(channel, u"hello from bob"_s);
    m_ada->window()->showChannel(channel);
    ChatModel *chat = m_ada->session.chat(channel);
    QTRY_COMPARE(chat->rowCount(), 1);
    QTRY_VERIFY(!chat->index(0).data(ChatModel::PendingRole).toBool());

    const QPoint at = authorPoint(0);
    QVERIFY2(!at.isNull(), "no author line");
    QListView *list = m_ada->window()->chatView()->listView();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, at);
    ProfileCard *card = nullptr;
    QTRY_VERIFY((card = findWindow<ProfileCard>()) != nullptr);
    QCOMPARE(card->user().username, u"bob"_s);
    QCOMPARE(card->nameLabel()->text(), u"bob"_s);
    QVERIFY(card->stateLabel()->text().contains(u"Online"_s));
    QVERIFY(!card->editButton()); // not on someone else's card
    QVERIFY(card->messageButton());

    // Bob names himself while ada looks at his card: the card and the chat follow.
    std::optional<Reply> answer;
    m_bob->session.setProfile(
        u"Robert"_s, {}, m_bob->window(), [&](const Reply &reply) { answer = reply; });
    QTRY_VERIFY_WITH_TIMEOUT(answer && answer->ok(), 20000);
    QTRY_COMPARE(card->nameLabel()->text(), u"Robert"_s);
    QTRY_COMPARE(
        chat->index(0).data(ChatModel::AuthorUserRole).value<User>().displayName, u"Robert"_s);

    // Bob signs out: the card says so.
    m_bob->session.signOut();
    QTRY_VERIFY_WITH_TIMEOUT(card->stateLabel()->text().contains(u"Offline"_s), 10000);
    QTest::keyClick(card, Qt::Key_Escape);
    QTRY_VERIFY(!findWindow<ProfileCard>());

    // "Message" on the card opens the direct conversation with him.
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, authorPoint(0));
    QTRY_VERIFY((card = findWindow<ProfileCard>()) != nullptr);
    QTest::mouseClick(card->messageButton(), Qt::LeftButton);
    QTRY_VERIFY(!findWindow<ProfileCard>());
    ChatView *view = m_ada->window()->chatView();
    QTRY_VERIFY_WITH_TIMEOUT(view->channel() != channel && view->channel() > 0, 20000);
}

void TestProfileWidgets::ownCardFromPeopleListEditsProfile()
{
    QListView *list = m_ada->window()->sidebar()->peopleList();
    const int row = m_ada->session.people()->rowOf(m_ada->session.user().id);
    QVERIFY(row >= 0);
    const QModelIndex index = list->model()->index(row, 0);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(index).center());
    ProfileCard *card = nullptr;
    QTRY_VERIFY((card = findWindow<ProfileCard>()) != nullptr);
    QCOMPARE(card->user().id, m_ada->session.user().id);
    QVERIFY(card->editButton());
    QVERIFY(!card->messageButton());
    QTest::mouseClick(card->editButton(), Qt::LeftButton);
    QTRY_VERIFY(findWindow<ProfileDialog>() != nullptr);
    QTRY_VERIFY(!findWindow<ProfileCard>());
}

void TestProfileWidgets::initialsAndColours()
{
    QCOMPARE(Avatar::initialsOf(User {1, u"ada"_s, Role::Member}), u"A"_s);
    QCOMPARE(Avatar::initialsOf(User {1, u"ada"_s, Role::Member, u"Ada Lovelace"_s, {}}), u"AL"_s);
    QCOMPARE(Avatar::initialsOf(User {1, u"minjun"_s, Role::Member, u"김민준"_s, {}}), u"김"_s);
    QCOMPARE(Avatar::initialsOf(User {1, u"hanako"_s, Role::Member, u"山田 花子"_s, {}}), u"山"_s);
    QCOMPARE(
        Avatar::initialsOf(User {1, u"zoe"_s, Role::Member, u"👩\u200D💻 Zoe"_s, {}}), u"👩\u200D💻"_s);
    // The same colour for the same id, different ones for neighbours, and white initials
    // readable on every one (relative luminance <= 0.183: contrast with white >= 4.5).
    QCOMPARE(Avatar::colorOf(7), Avatar::colorOf(7));
    QVERIFY(Avatar::colorOf(7) != Avatar::colorOf(8));
    for (qint64 id = 1; id <= 200; ++id) {
        const QColor c = Avatar::colorOf(id);
        const auto lin = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        const double l
            = 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF());
        QVERIFY2(l <= 0.1834, qPrintable(u"id %1: %2"_s.arg(id).arg(c.name())));
    }
}

QTEST_MAIN(TestProfileWidgets)
#include "tst_profilewidgets.moc"
