// The composer's image attachment on its own: a thumbnail of the attached image, sized to a
// few lines of text whatever the image's shape, framed in light and dark palettes, with a way
// to remove it; and the file dialog that starts in a folder that exists (the one last used,
// else ~/Pictures, else home), never in a missing ~/Pictures.

#include "composer.h"
#include "widgettesting.h"

#include <QFileDialog>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Hubbub::Test;

namespace {

//! A PNG of `size`, its left half red and its right half blue, written to `path`.
bool writeImage(const QString &path, const QSize &size)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::blue);
    for (int y = 0; y < size.height(); ++y) {
        for (int x = 0; x < size.width() / 2; ++x)
            image.setPixel(x, y, qRgb(255, 0, 0));
    }
    return image.save(path, "PNG");
}

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    palette.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    palette.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    palette.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    palette.setColor(QPalette::ButtonText, QColor(0xee, 0xee, 0xee));
    palette.setColor(QPalette::Mid, QColor(0x55, 0x55, 0x55));
    return palette;
}

} // namespace

class tst_Composer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void thumbnailOfTheImage_data();
    void thumbnailOfTheImage();
    void thumbnailInLightAndDark();
    void undecodableImageShowsItsName();
    void dialogStartsInAFolderThatExists();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Composer> m_composer;
    QByteArray m_home;
    QByteArray m_config;
};

void tst_Composer::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_composer = std::make_unique<Composer>();
    m_composer->resize(560, 240);
    m_composer->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_composer.get()));
    m_home = qgetenv("HOME");
    m_config = qgetenv("XDG_CONFIG_HOME");
}

void tst_Composer::cleanup()
{
    closeDialogsAndMenus();
    m_composer.reset();
    m_dir.reset();
    qputenv("HOME", m_home);
    if (m_config.isNull())
        qunsetenv("XDG_CONFIG_HOME");
    else
        qputenv("XDG_CONFIG_HOME", m_config);
}

void tst_Composer::thumbnailOfTheImage_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addRow("landscape photo") << QSize(4000, 3000);
    QTest::addRow("panorama") << QSize(3000, 400);
    QTest::addRow("tall") << QSize(300, 2000);
    QTest::addRow("small icon") << QSize(24, 24);
}

void tst_Composer::thumbnailOfTheImage()
{
    QFETCH(QSize, size);
    const QString path = m_dir->filePath(QStringLiteral("picture.png"));
    QVERIFY(writeImage(path, size));
    QWidget *thumbnail = m_composer->thumbnail();
    QVERIFY(!thumbnail->isVisible()); // nothing attached yet

    QVERIFY(m_composer->attachFile(path));
    QTRY_VERIFY(thumbnail->isVisible());
    const int line = m_composer->fontMetrics().height();
    const QSize shown = thumbnail->size() - QSize(2, 2); // inside its frame
    // No higher than four lines of text nor wider than eight, never scaled up, and the
    // image's shape kept (to a pixel of rounding).
    QVERIFY2(shown.height() <= 4 * line && shown.width() <= 8 * line,
        qPrintable(QStringLiteral("%1x%2").arg(shown.width()).arg(shown.height())));
    QVERIFY(shown.width() <= size.width() && shown.height() <= size.height());
    QVERIFY(shown == size || shown.height() == 4 * line || shown.width() == 8 * line);
    const qreal aspect = qreal(size.width()) / size.height();
    QVERIFY2(qAbs(shown.width() - shown.height() * aspect) <= 1.0 + aspect,
        qPrintable(QStringLiteral("%1x%2").arg(shown.width()).arg(shown.height())));
    // Beside it, the file's name and size, and the way to take it off again.
    const auto *name = m_composer->findChild<QLabel *>(QStringLiteral("attachmentName"));
    QVERIFY(name && name->isVisible());
    QVERIFY2(name->text().startsWith(QStringLiteral("picture.png · ")), qPrintable(name->text()));
    QCOMPARE(m_composer->attachButton()->text(), QStringLiteral("Replace image…"));

    QToolButton *remove = m_composer->removeAttachmentButton();
    QVERIFY(remove->isVisible());
    QCOMPARE(remove->accessibleName(), QStringLiteral("Remove the image"));
    QTest::mouseClick(remove, Qt::LeftButton);
    QVERIFY(!m_composer->hasAttachment());
    QVERIFY(!thumbnail->isVisible());
    QVERIFY(!remove->isVisible());
    QCOMPARE(m_composer->attachButton()->text(), QStringLiteral("Attach image…"));
}

void tst_Composer::thumbnailInLightAndDark()
{
    const QString path = m_dir->filePath(QStringLiteral("halves.png"));
    QVERIFY(writeImage(path, QSize(800, 400)));
    QVERIFY(m_composer->attachFile(path));
    QWidget *thumbnail = m_composer->thumbnail();
    QTRY_VERIFY(thumbnail->isVisible());

    for (const bool dark : {false, true}) {
        const QPalette palette = dark ? darkPalette() : QPalette();
        m_composer->setPalette(palette);
        const QImage shot = thumbnail->grab().toImage();
        const int middle = shot.height() / 2;
        // The image itself, left red and right blue, whatever the palette.
        const QColor left = shot.pixelColor(shot.width() / 4, middle);
        const QColor right = shot.pixelColor(shot.width() * 3 / 4, middle);
        QVERIFY2(left.red() > 200 && left.blue() < 60, qPrintable(left.name()));
        QVERIFY2(right.blue() > 200 && right.red() < 60, qPrintable(right.name()));
        // Its frame in the palette's colour: light in light, dark in dark.
        const QColor frame = shot.pixelColor(0, middle);
        QCOMPARE(frame.name(), palette.color(QPalette::Mid).name());
        QVERIFY2(dark == (frame.lightness() < 128), qPrintable(frame.name()));
    }
}

void tst_Composer::undecodableImageShowsItsName()
{
    // PNG by its signature, but broken after it: attached (the server judges), no thumbnail.
    const QString path = m_dir->filePath(QStringLiteral("broken.png"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(64, 'x'));
    file.close();
    QVERIFY(m_composer->attachFile(path));
    QVERIFY(m_composer->hasAttachment());
    QVERIFY(!m_composer->thumbnail()->isVisible());
    const auto *name = m_composer->findChild<QLabel *>(QStringLiteral("attachmentName"));
    QTRY_VERIFY(name && name->isVisible());
    QVERIFY(name->text().startsWith(QStringLiteral("broken.png")));
    QVERIFY(m_composer->removeAttachmentButton()->isVisible());
}

void tst_Composer::dialogStartsInAFolderThatExists()
{
    // A home of our own, without ~/Pictures and without an XDG user-dirs file naming another.
    const QString home = m_dir->filePath(QStringLiteral("home"));
    QVERIFY(QDir().mkpath(home));
    qputenv("HOME", QFile::encodeName(home));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(home + QStringLiteral("/.config")));
    const auto openDialog = [this]() -> QFileDialog * {
        QTest::mouseClick(m_composer->attachButton(), Qt::LeftButton);
        QFileDialog *dialog = nullptr;
        if (!QTest::qWaitFor([&] { return (dialog = findWindow<QFileDialog>()) != nullptr; }))
            return nullptr;
        return dialog;
    };
    const auto startsIn
        = [](QFileDialog *dialog) { return QDir(dialog->directory()).canonicalPath(); };

    // No ~/Pictures: home, not a "Pictures" that is not there.
    QFileDialog *dialog = openDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->objectName(), QStringLiteral("attachDialog"));
    QCOMPARE(startsIn(dialog), QDir(home).canonicalPath());
    dialog->reject();
    QTRY_VERIFY(!findWindow<QFileDialog>());

    // With ~/Pictures: there.
    const QString pictures = home + QStringLiteral("/Pictures");
    QVERIFY(QDir().mkpath(pictures));
    QVERIFY(dialog = openDialog());
    QCOMPARE(startsIn(dialog), QDir(pictures).canonicalPath());

    // An image chosen from elsewhere is attached, and the next dialog starts where it was.
    const QString elsewhere = m_dir->filePath(QStringLiteral("trip"));
    QVERIFY(QDir().mkpath(elsewhere));
    const QString photo = elsewhere + QStringLiteral("/beach.png");
    QVERIFY(writeImage(photo, QSize(64, 48)));
    dialog->selectFile(photo);
    QMetaObject::invokeMethod(dialog, &QDialog::accept);
    QTRY_VERIFY(m_composer->hasAttachment());
    QTRY_VERIFY(!findWindow<QFileDialog>());
    QVERIFY(dialog = openDialog());
    QCOMPARE(startsIn(dialog), QDir(elsewhere).canonicalPath());
    dialog->reject();
    QTRY_VERIFY(!findWindow<QFileDialog>());

    // That folder gone: back to ~/Pictures.
    QVERIFY(QDir(elsewhere).removeRecursively());
    QVERIFY(dialog = openDialog());
    QCOMPARE(startsIn(dialog), QDir(pictures).canonicalPath());
    dialog->reject();
}

QTEST_MAIN(tst_Composer)
#include "tst_composer.moc"
