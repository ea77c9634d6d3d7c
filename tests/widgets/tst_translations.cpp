// The shipped catalogues: every message finished in every language, placeholders and
// mnemonics kept; the compiled .qm files picked by locale; and a server error shown in the
// user's language in the sign-in dialog, made from its code and field.

#include "clientsettings.h"
#include "session.h"
#include "signindialog.h"
#include "testclient.h"
#include "testserver.h"
#include "translations.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Hubbub::Test;

namespace {

struct CatalogueEntry
{
    QString context;
    QString source;
    QStringList translations; //!< one, or one per plural form
    bool unfinished = false;
};

QList<CatalogueEntry> readCatalogue(const QString &path)
{
    QList<CatalogueEntry> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return messages;
    QXmlStreamReader xml(&file);
    QString context;
    CatalogueEntry message;
    while (xml.readNextStartElement() || !xml.atEnd()) {
        if (xml.isEndElement()) {
            if (xml.name() == "message"_L1)
                messages.append(message);
            continue;
        }
        if (!xml.isStartElement())
            continue;
        if (xml.name() == "name"_L1) {
            context = xml.readElementText();
        } else if (xml.name() == "message"_L1) {
            message = CatalogueEntry {context, {}, {}, false};
        } else if (xml.name() == "source"_L1) {
            message.source = xml.readElementText();
        } else if (xml.name() == "translation"_L1) {
            message.unfinished = xml.attributes().value("type"_L1) == "unfinished"_L1;
            if (xml.readNext() == QXmlStreamReader::Characters && !xml.isWhitespace())
                message.translations.append(xml.text().toString());
        } else if (xml.name() == "numerusform"_L1) {
            message.translations.append(xml.readElementText());
        }
    }
    return messages;
}

//! The %1..%99 markers of a text, sorted and unique.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression marker(u"%(\\d+|n)"_s);
    QStringList found;
    for (const QRegularExpressionMatch &m : marker.globalMatch(text))
        found.append(m.captured());
    found.sort();
    found.removeDuplicates();
    return found;
}

//! How many keyboard mnemonics ("&x", not "&&") a text has.
int mnemonics(const QString &text)
{
    int count = 0;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (text.at(i + 1) == u'&')
            ++i;
        else if (!text.at(i + 1).isSpace())
            ++count;
    }
    return count;
}

QString tsPath(const QString &language)
{
    return QStringLiteral(HUBBUB_TS_DIR "/hubbub_%1.ts").arg(language);
}

} // namespace

class tst_Translations final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void catalogueIsComplete_data();
    void catalogueIsComplete();
    void pickedByLocale_data();
    void pickedByLocale();
    void serverErrorInTheUsersLanguage_data();
    void serverErrorInTheUsersLanguage();
    void qtStringsTranslated_data();
    void qtStringsTranslated();

private:
    void removeTranslators();

    TestServer m_server;
};

void tst_Translations::initTestCase()
{
    QVERIFY(m_server.start());
}

void tst_Translations::cleanup()
{
    removeTranslators();
}

void tst_Translations::removeTranslators()
{
    for (QTranslator *translator : QCoreApplication::instance()->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

void tst_Translations::catalogueIsComplete_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<bool>("pluralsOnly");
    QTest::addRow("de") << u"de"_s << false;
    QTest::addRow("fr") << u"fr"_s << false;
    QTest::addRow("ko") << u"ko"_s << false;
    QTest::addRow("en") << u"en"_s << true;
}

void tst_Translations::catalogueIsComplete()
{
    QFETCH(QString, language);
    QFETCH(bool, pluralsOnly);
    const QList<CatalogueEntry> messages = readCatalogue(tsPath(language));
    QVERIFY2(messages.size() > (pluralsOnly ? 10 : 300), qPrintable(tsPath(language)));
    for (const CatalogueEntry &m : messages) {
        const QString where = m.context + u": "_s + m.source;
        QVERIFY2(!m.unfinished, qPrintable(u"unfinished: "_s + where));
        QVERIFY2(!m.translations.isEmpty(), qPrintable(u"empty: "_s + where));
        for (const QString &t : m.translations) {
            QVERIFY2(!t.isEmpty(), qPrintable(u"empty: "_s + where));
            QCOMPARE(placeholders(t), placeholders(m.source));
            QCOMPARE(mnemonics(t), mnemonics(m.source));
        }
    }
}

void tst_Translations::pickedByLocale_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("signIn"); // "Sign in to Hubbub" in that language
    QTest::addRow("fr_FR") << QLocale(u"fr_FR"_s) << u"Se connecter à Hubbub"_s;
    QTest::addRow("fr_CA") << QLocale(u"fr_CA"_s) << u"Se connecter à Hubbub"_s;
    QTest::addRow("ko_KR") << QLocale(u"ko_KR"_s) << u"Hubbub 로그인"_s;
    QTest::addRow("de_AT") << QLocale(u"de_AT"_s) << u"Bei Hubbub anmelden"_s;
    QTest::addRow("en_GB") << QLocale(u"en_GB"_s) << u"Sign in to Hubbub"_s;
    // Not one of ours: English, with its plural forms.
    QTest::addRow("es_ES") << QLocale(u"es_ES"_s) << u"Sign in to Hubbub"_s;
}

void tst_Translations::pickedByLocale()
{
    QFETCH(QLocale, locale);
    QFETCH(QString, signIn);
    QTranslator *translator = installTranslations(locale, QStringLiteral(HUBBUB_QM_DIR));
    QVERIFY(translator);
    QCOMPARE(
        QCoreApplication::translate("Hubbub::Client::SignInDialog", "Sign in to Hubbub"), signIn);
    if (locale.language() == QLocale::English || locale.language() == QLocale::Spanish) {
        QCOMPARE(QCoreApplication::translate(
                     "Hubbub::Client::ConnectionStatus", "Sending %n change(s)…", nullptr, 1),
            u"Sending 1 change…"_s);
    }
}

void tst_Translations::qtStringsTranslated_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("cancel");
    QTest::addRow("fr_FR") << QLocale(u"fr_FR"_s) << u"Annuler"_s;
    QTest::addRow("ko_KR") << QLocale(u"ko_KR"_s) << u"취소"_s;
    QTest::addRow("de_DE") << QLocale(u"de_DE"_s) << u"Abbrechen"_s;
}

void tst_Translations::qtStringsTranslated()
{
    // Qt's own buttons (QDialogButtonBox, QMessageBox) come from qtbase_*.qm, which Debian
    // ships in qt6-translations-l10n (scripts/deps.sh installs it).
    QFETCH(QLocale, locale);
    QFETCH(QString, cancel);
    QVERIFY(installTranslations(locale, QStringLiteral(HUBBUB_QM_DIR)));
    QDialogButtonBox buttons(QDialogButtonBox::Cancel);
    QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text().remove(u'&'), cancel);
}

void tst_Translations::serverErrorInTheUsersLanguage_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("createButton");
    QTest::addColumn<QString>("taken");
    QTest::addRow("de") << u"de"_s << u"&Konto erstellen"_s
                        << u"Dieser Benutzername ist schon vergeben."_s;
    QTest::addRow("fr") << u"fr"_s << u"&Créer un compte"_s
                        << u"Ce nom d'utilisateur est déjà pris."_s;
    QTest::addRow("ko") << u"ko"_s << u"계정 만들기(&C)"_s
                        << u"이미 사용 중인 사용자 이름이에요."_s;
}

void tst_Translations::serverErrorInTheUsersLanguage()
{
    QFETCH(QString, language);
    QFETCH(QString, createButton);
    QFETCH(QString, taken);
    // Someone already has the name; the server says so in English, with code and field.
    const QString name = u"taken_"_s + language;
    TestClient other;
    QVERIFY(other.open(m_server.url()));
    QVERIFY(isOk(other.registerUser(name)));

    QVERIFY(installTranslations(QLocale(language), QStringLiteral(HUBBUB_QM_DIR)));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ClientSettings settings(dir.filePath(u"hubbub.ini"_s));
    Session session({dir.filePath(u"data"_s), dir.filePath(u"cache"_s)});
    SignInDialog dialog(&session, &settings);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *create = dialog.findChild<QPushButton *>(u"createButton"_s);
    QVERIFY(create);
    QCOMPARE(create->text(), createButton);

    dialog.findChild<QLineEdit *>(u"serverEdit"_s)->setText(m_server.url().toString());
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"usernameEdit"_s), name);
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"passwordEdit"_s), u"correct horse"_s);
    QSignalSpy failed(&session, &Session::signInFailed);
    QTest::mouseClick(create, Qt::LeftButton);
    // The password a second time, then Create account again.
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"confirmEdit"_s), u"correct horse"_s);
    QTest::mouseClick(create, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 15000);
    QCOMPARE(dialog.errorText(), taken);
}

QTEST_MAIN(tst_Translations)
#include "tst_translations.moc"
