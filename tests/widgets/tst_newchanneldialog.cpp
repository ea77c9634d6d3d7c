// The new-channel dialog as the main window opens it (the sidebar's + button), in English,
// German and Korean: no label, placeholder, button or title cut, before and after it shows an
// error. It was 200 × 102 px, with the topic's placeholder and the title cut.

#include "clientsettings.h"
#include "mainwindow.h"
#include "session.h"
#include "sidebar.h"
#include "translations.h"
#include "widgettesting.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyleOptionFrame>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTranslator>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Hubbub::Test;

namespace {

//! A mnemonic's '&' takes no room; "&&" is a literal '&'.
QString shown(QString text)
{
    return text.replace(QStringLiteral("&&"), QStringLiteral("\x01"))
        .remove(u'&')
        .replace(u'\x01', u'&');
}

//! Where a line edit draws its text.
int textWidth(const QLineEdit *edit)
{
    QStyleOptionFrame option;
    option.initFrom(edit);
    option.rect = edit->rect();
    option.lineWidth = edit->style()->pixelMetric(QStyle::PM_DefaultFrameWidth, &option, edit);
    option.midLineWidth = 0;
    option.state |= QStyle::State_Sunken;
    const QRect contents
        = edit->style()->subElementRect(QStyle::SE_LineEditContents, &option, edit);
    const QMargins margins = edit->textMargins();
    // QLineEdit keeps 2 px of its own on each side (QLineEditPrivate::horizontalMargin).
    return contents.width() - margins.left() - margins.right() - 4;
}

//! Everything in `dialog` whose text does not fit, one line each; empty when all fits.
QStringList cutTexts(QDialog *dialog)
{
    QStringList cut;
    const auto labels = dialog->findChildren<QLabel *>();
    for (const QLabel *label : labels) {
        if (!label->isVisible() || label->text().isEmpty())
            continue;
        const QFontMetrics metrics = label->fontMetrics();
        if (label->wordWrap()) {
            if (label->heightForWidth(label->contentsRect().width())
                > label->contentsRect().height())
                cut.append(QStringLiteral("wrapped label: ") + label->text());
        } else if (metrics.horizontalAdvance(shown(label->text()))
            > label->contentsRect().width()) {
            cut.append(QStringLiteral("label: ") + label->text());
        }
    }
    const auto edits = dialog->findChildren<QLineEdit *>();
    for (const QLineEdit *edit : edits) {
        if (edit->fontMetrics().horizontalAdvance(edit->placeholderText()) > textWidth(edit))
            cut.append(QStringLiteral("placeholder: ") + edit->placeholderText());
    }
    const auto buttons = dialog->findChildren<QPushButton *>();
    for (const QPushButton *button : buttons) {
        if (button->isVisible()
            && button->fontMetrics().horizontalAdvance(shown(button->text())) > button->width())
            cut.append(QStringLiteral("button: ") + button->text());
    }
    // The window manager draws the title, usually bold, beside an icon and three buttons; Qt
    // adds the app's name to it ("New channel — Hubbub", as main.cpp sets it).
    QFont titleFont = dialog->font();
    titleFont.setBold(true);
    const QFontMetrics metrics(titleFont);
    const QString title = dialog->windowTitle() + QStringLiteral(" — Hubbub");
    if (metrics.horizontalAdvance(title) + metrics.height() * 6 > dialog->width())
        cut.append(QStringLiteral("title: ") + title);
    return cut;
}

} // namespace

class TestNewChannelDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void nothingCut_data();
    void nothingCut();
};

void TestNewChannelDialog::initTestCase()
{
    QApplication::setApplicationDisplayName(QStringLiteral("Hubbub"));
}

void TestNewChannelDialog::cleanup()
{
    closeDialogsAndMenus();
    for (QTranslator *translator : QCoreApplication::instance()->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

void TestNewChannelDialog::nothingCut_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("title"); // "New channel" in that language
    QTest::addRow("en") << QStringLiteral("en_US") << QStringLiteral("New channel");
    QTest::addRow("de") << QStringLiteral("de_DE") << QStringLiteral("Neuer Kanal");
    QTest::addRow("ko") << QStringLiteral("ko_KR") << QStringLiteral("새 채널");
}

void TestNewChannelDialog::nothingCut()
{
    QFETCH(QString, locale);
    QFETCH(QString, title);
    QVERIFY(installTranslations(QLocale(locale), QStringLiteral(HUBBUB_QM_DIR)));

    // No server: the dialog's layout does not need one, and its empty-name error neither.
    QTemporaryDir dir;
    ClientSettings settings(dir.filePath(QStringLiteral("hubbub.ini")));
    Session session(Session::Paths {});
    MainWindow window(&session, &settings);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QString shownTitle;
    QStringList cutAtFirst;
    QStringList cutWithError;
    bool errorShown = false;
    QSize size;
    onNextModal([&](QDialog *dialog) {
        shownTitle = dialog->windowTitle();
        size = dialog->size();
        cutAtFirst = cutTexts(dialog);
        // Create with no name: the dialog says why, and grows rather than cut anything.
        if (auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("channelNameEdit")))
            QTest::keyClick(name, Qt::Key_Return);
        QCoreApplication::processEvents();
        const auto labels = dialog->findChildren<QLabel *>();
        for (const QLabel *label : labels)
            errorShown = errorShown || (label->wordWrap() && label->isVisible());
        cutWithError = cutTexts(dialog);
        dialog->reject();
    });
    QTest::mouseClick(window.sidebar()->addChannelButton(), Qt::LeftButton);

    QCOMPARE(shownTitle, title);
    QVERIFY2(cutAtFirst.isEmpty(), qPrintable(cutAtFirst.join(QStringLiteral("; "))));
    QVERIFY(errorShown);
    QVERIFY2(cutWithError.isEmpty(), qPrintable(cutWithError.join(QStringLiteral("; "))));
    // Not as wide as the screen either.
    QVERIFY2(size.width() < 900, qPrintable(QString::number(size.width())));
}

QTEST_MAIN(TestNewChannelDialog)
#include "tst_newchanneldialog.moc"
