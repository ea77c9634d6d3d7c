// Part "files" in the chat view, against a real in-process server and a real signed-in Session:
// a file dropped on the composer is uploaded and sent with the next message; an upload goes on
// after the server is stopped and started again mid-way; the Download link of an attachment puts
// the bytes in the Downloads folder without replacing a file there; the Uploads model passes
// QAbstractItemModelTester.

#include "attachmentbar.h"
#include "chatinput.h"
#include "chatmodel.h"
#include "chatview.h"
#include "connection.h"
#include "downloads.h"
#include "feedview.h"
#include "fileupload.h"
#include "messagedelegate.h"
#include "outbox.h"
#include "session.h"
#include "testclient.h"
#include "testserver.h"
#include "uploads.h"

#include <QAbstractItemModelTester>
#include <QAbstractScrollArea>
#include <QApplication>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QJsonArray>
#include <QListView>
#include <QMimeData>
#include <QPushButton>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QUrl>

#include <memory>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

namespace {

const QString Password = u"correct horse"_s;
constexpr qint64 General = 1;
constexpr qint64 MiB = 1024 * 1024;

QByteArray randomBytes(qint64 size)
{
    QByteArray bytes((size + 3) / 4 * 4, Qt::Uninitialized);
    QRandomGenerator random {quint32(size)};
    random.fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    bytes.truncate(size);
    return bytes;
}

//! The newest stored message of the general channel.
QJsonObject newestMessage(TestClient &client)
{
    const QJsonArray messages = client.request(u"chat.history"_s, {{u"channelId"_s, General}})
                                    .value("messages"_L1)
                                    .toArray();
    return messages.isEmpty() ? QJsonObject() : messages.last().toObject();
}

//! The name of the first file of the newest message in #general (empty for none).
QString newestFileName(TestClient &client)
{
    return newestMessage(client)
        .value("files"_L1)
        .toArray()
        .at(0)
        .toObject()
        .value("name"_L1)
        .toString();
}

//! Sends a drag of `paths` onto `target` and drops it there, as a file manager does: on a text
//! box's viewport, where a window system delivers them.
bool dropFiles(QWidget *target, const QStringList &paths)
{
    if (auto *area = qobject_cast<QAbstractScrollArea *>(target))
        target = area->viewport();
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString &path : paths)
        urls.append(QUrl::fromLocalFile(path));
    mime.setUrls(urls);
    const QPoint at = target->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    return drop.isAccepted();
}

} // namespace

class tst_FileAttach : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void dropAttachesAndEnterSends();
    void uploadResumesAfterServerRestart();
    void attachmentsStayWithTheirConversation();
    void downloadLandsInDownloadsWithoutReplacing();
    void feedShowsDownloadsToo();

private:
    //! Writes `bytes` to a file named `name` in the scratch folder; returns its path.
    QString scratchFile(const QString &name, const QByteArray &bytes);
    //! Where the Download link of the first attachment of the message in `row` is, or (-1, -1).
    QPoint downloadLink(int row);

    QTemporaryDir m_scratch;
    QTemporaryDir m_downloadsDir;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<TestClient> m_bob;
    std::unique_ptr<ChatView> m_view;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QString tst_FileAttach::scratchFile(const QString &name, const QByteArray &bytes)
{
    const QString path = QDir(m_scratch.path()).filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

QPoint tst_FileAttach::downloadLink(int row)
{
    QListView *list = m_view->listView();
    const QModelIndex index = list->model()->index(row, 0);
    const QRect rect = list->visualRect(index);
    auto *delegate = qobject_cast<MessageDelegate *>(list->itemDelegate());
    QStyleOptionViewItem option;
    option.initFrom(list->viewport());
    option.rect = rect;
    for (int y = rect.bottom(); y >= rect.top(); y -= 2) {
        for (int x = rect.right(); x >= rect.left(); x -= 4) {
            if (delegate->downloadAt(option, index, {x, y}))
                return {x, y};
        }
    }
    return {-1, -1};
}

void tst_FileAttach::init()
{
    QVERIFY(m_scratch.isValid() && m_downloadsDir.isValid());
    m_server = std::make_unique<TestServer>();
    QVERIFY(m_server->start());
    m_bob = std::make_unique<TestClient>();
    QVERIFY(m_bob->open(m_server->url()));
    QVERIFY(isOk(m_bob->registerUser(u"bob"_s, Password)));

    m_session = std::make_unique<Session>(Session::Paths {});
    m_session->signIn(m_server->url(), u"ada"_s, Password, true);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->connection()->isOnline(), 10000);
    m_session->downloads()->setFolder(m_downloadsDir.path());

    m_view = std::make_unique<ChatView>(m_session.get());
    m_view->resize(520, 480);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    m_view->setChannel(General);
    QTRY_VERIFY(m_session->chat(General)->isLoaded());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_view->attachments()->uploads(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void tst_FileAttach::cleanup()
{
    m_tester.reset();
    m_view.reset();
    m_session.reset();
    m_bob.reset();
    m_server.reset();
}

void tst_FileAttach::dropAttachesAndEnterSends()
{
    const QByteArray bytes = randomBytes(300 * 1024);
    const QString path = scratchFile(u"notes.pdf"_s, bytes);
    QVERIFY(!path.isEmpty());
    AttachmentBar *bar = m_view->attachments();
    QVERIFY(!bar->isVisible());

    // Text dragged in is still text: only files are taken.
    QMimeData text;
    text.setText(u"just words"_s);
    QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_view->input(), &enter);
    QCOMPARE(bar->uploads()->rowCount(), 0);

    QVERIFY(dropFiles(m_view->input(), {path}));
    QCOMPARE(bar->uploads()->rowCount(), 1);
    QVERIFY(bar->isVisible());
    QCOMPARE(m_view->input()->toPlainText(), QString()); // attached, not pasted as a path
    QTRY_VERIFY_WITH_TIMEOUT(bar->uploads()->allDone(), 20000);

    QTest::keyClicks(m_view->input(), u"the notes"_s);
    QTest::keyClick(m_view->input(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(
        newestMessage(*m_bob).value("text"_L1).toString(), u"the notes"_s, 10000);
    const QJsonArray files = newestMessage(*m_bob).value("files"_L1).toArray();
    QCOMPARE(files.size(), 1);
    QCOMPARE(files.at(0).toObject().value("name"_L1).toString(), u"notes.pdf"_s);
    QCOMPARE(files.at(0).toObject().value("mime"_L1).toString(), u"application/pdf"_s);
    QCOMPARE(downloadFile(*m_bob, sha256Hex(bytes)), bytes);
    // The composer is empty again, and the message shows its attachment.
    QCOMPARE(bar->uploads()->rowCount(), 0);
    QVERIFY(!bar->isVisible());
    QTRY_VERIFY(m_session->outbox()->count() == 0);
    const QAbstractItemModel *model = m_view->listView()->model();
    QTRY_COMPARE(model->index(model->rowCount() - 1, 0)
                     .data(ChatModel::FilesRole)
                     .value<QList<File>>()
                     .size(),
        1);

    // A file alone is a message too (Enter with no text).
    QVERIFY(dropFiles(m_view->input(), {scratchFile(u"alone.txt"_s, "just this")}));
    QTRY_VERIFY_WITH_TIMEOUT(bar->uploads()->allDone(), 20000);
    QTest::keyClick(m_view->input(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(newestFileName(*m_bob), u"alone.txt"_s, 10000);
}

void tst_FileAttach::attachmentsStayWithTheirConversation()
{
    const QJsonObject opened
        = m_bob->request(u"dm.open"_s, {{u"userIds"_s, QJsonArray {m_session->user().id}}});
    QVERIFY2(isOk(opened), qPrintable(dump(opened)));
    const qint64 direct = idOf(objectOf(opened, "channel"));
    AttachmentBar *bar = m_view->attachments();
    QVERIFY(dropFiles(m_view->input(), {scratchFile(u"salary.pdf"_s, "for #general only")}));
    QTRY_VERIFY_WITH_TIMEOUT(bar->uploads()->allDone(), 20000);

    // In the direct conversation nothing is attached, and a message there carries no file.
    m_view->setChannel(direct);
    QTRY_VERIFY(m_session->chat(direct)->isLoaded());
    QCOMPARE(bar->uploads()->rowCount(), 0);
    QVERIFY(!bar->isVisible());
    QTest::keyClicks(m_view->input(), u"hello bob"_s);
    QTest::keyClick(m_view->input(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->outbox()->count() == 0, 10000);
    const QJsonObject history
        = m_bob->request(u"chat.history"_s, {{u"channelId"_s, direct}, {u"limit"_s, 1}});
    const QJsonArray messages = history.value("messages"_L1).toArray();
    QCOMPARE(messages.size(), 1);
    const QJsonObject sent = messages.first().toObject();
    QCOMPARE(sent.value("text"_L1).toString(), u"hello bob"_s);
    QVERIFY(!sent.contains("files"_L1));

    // Back in #general the file waits in the composer, and goes with the next message there.
    m_view->setChannel(General);
    QCOMPARE(bar->uploads()->rowCount(), 1);
    QVERIFY(bar->isVisible());
    QTest::keyClick(m_view->input(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(newestFileName(*m_bob), u"salary.pdf"_s, 10000);
}

void tst_FileAttach::uploadResumesAfterServerRestart()
{
    const QByteArray bytes = randomBytes(6 * MiB);
    const QString path = scratchFile(u"big.bin"_s, bytes);
    Uploads *uploads = m_view->attachments()->uploads();
    uploads->setChunkBytes(256 * 1024);
    // The server goes down once a third is sent, and comes back a moment later.
    bool stopped = false;
    connect(uploads, &QAbstractItemModel::dataChanged, this, [&] {
        if (!stopped && uploads->rowCount() == 1
            && uploads->index(0).data(Uploads::SentRole).toLongLong() >= 2 * MiB) {
            stopped = true;
            QTimer::singleShot(0, this, [this] { m_server->stop(); });
        }
    });
    QVERIFY(dropFiles(m_view->input(), {path}));
    QTRY_VERIFY_WITH_TIMEOUT(stopped, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(uploads->index(0).data(Uploads::StateRole).value<Uploads::State>(),
        Uploads::State::Waiting, 10000);
    const qint64 sentBefore = uploads->index(0).data(Uploads::SentRole).toLongLong();
    QVERIFY(sentBefore < bytes.size());
    QVERIFY(m_server->restart(true));
    QTRY_VERIFY_WITH_TIMEOUT(uploads->allDone(), 60000);

    QTest::keyClicks(m_view->input(), u"after the restart"_s);
    QTest::keyClick(m_view->input(), Qt::Key_Return);
    QVERIFY(m_bob->open(m_server->url()));
    QVERIFY(isOk(m_bob->login(u"bob"_s, Password)));
    QTRY_COMPARE_WITH_TIMEOUT(
        newestMessage(*m_bob).value("text"_L1).toString(), u"after the restart"_s, 20000);
    QCOMPARE(downloadFile(*m_bob, sha256Hex(bytes)), bytes);
}

void tst_FileAttach::downloadLandsInDownloadsWithoutReplacing()
{
    const QByteArray bytes = randomBytes(5 * MiB + 3);
    QVERIFY(isOk(uploadFile(*m_bob, bytes, u"report.pdf"_s)));
    QVERIFY(isOk(m_bob->request(u"chat.send"_s,
        {{u"channelId"_s, General}, {u"text"_s, u"the report"_s},
            {u"files"_s, QJsonArray {sha256Hex(bytes)}}})));
    const QAbstractItemModel *model = m_view->listView()->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0
            && !model->index(model->rowCount() - 1, 0)
                    .data(ChatModel::FilesRole)
                    .value<QList<File>>()
                    .isEmpty(),
        10000);
    // A file of that name is there already: it stays as it is.
    {
        QFile taken(QDir(m_downloadsDir.path()).filePath(u"report.pdf"_s));
        QVERIFY(taken.open(QIODevice::WriteOnly));
        taken.write("mine");
    }
    const int row = model->rowCount() - 1;
    const QPoint link = downloadLink(row);
    QVERIFY2(link.x() >= 0, "no Download link on the row");
    QTest::mouseClick(m_view->listView()->viewport(), Qt::LeftButton, {}, link);
    const QString landed = QDir(m_downloadsDir.path()).filePath(u"report (1).pdf"_s);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(landed), 20000);
    QFile file(landed);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), bytes);
    QFile mine(QDir(m_downloadsDir.path()).filePath(u"report.pdf"_s));
    QVERIFY(mine.open(QIODevice::ReadOnly));
    QCOMPARE(mine.readAll(), QByteArray("mine"));
    // No partial file left behind, and the bar offers the folder.
    QCOMPARE(QDir(m_downloadsDir.path()).entryList(QDir::Files).size(), 2);
    auto *show = m_view->findChild<QPushButton *>(u"showInFolder"_s);
    QVERIFY(show && show->isVisible());
}

void tst_FileAttach::feedShowsDownloadsToo()
{
    const QByteArray bytes = randomBytes(300 * 1024);
    const QJsonObject uploaded = uploadFile(*m_bob, bytes, u"agenda.pdf"_s);
    QVERIFY2(isOk(uploaded), qPrintable(dump(uploaded)));
    QVERIFY(isOk(m_bob->request(u"post.create"_s,
        {{u"title"_s, u"Agenda"_s}, {u"content"_s, u""_s},
            {u"files"_s, QJsonArray {sha256Hex(bytes)}}})));
    FeedView feed(m_session.get());
    feed.resize(520, 480);
    feed.show();
    QVERIFY(QTest::qWaitForWindowExposed(&feed));
    // What a click on the post's Download link does; the feed, not only the chat, shows it.
    m_session->downloads()->start(File::fromJson(objectOf(uploaded, "file")));
    const QString landed = QDir(m_downloadsDir.path()).filePath(u"agenda.pdf"_s);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(landed), 20000);
    auto *show = feed.findChild<QPushButton *>(u"showInFolder"_s);
    QVERIFY(show);
    QTRY_VERIFY(show->isVisible());
}

QTEST_MAIN(tst_FileAttach)
#include "tst_fileattach.moc"
