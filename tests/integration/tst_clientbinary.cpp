// The real `hubbub` binary started as a user does from a terminal with no display at all (no
// DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM): --help and --version print and exit 0.

#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    QProcess::ExitStatus status = QProcess::CrashExit;
    int code = -1;
    QString out;
    QString err;
};

//! Runs the app with `arguments` in an environment without any display, in `locale`.
Run runWithoutDisplay(const QStringList &arguments, const QString &locale = u"C.UTF-8"_s)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name :
        {u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s, u"QT_QPA_PLATFORM"_s, u"LANGUAGE"_s, u"LC_MESSAGES"_s})
        env.remove(name);
    env.insert(u"LANG"_s, locale);
    env.insert(u"LC_ALL"_s, locale);
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(HUBBUB_CLIENT_BINARY), arguments);
    Run run;
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.status = process.exitStatus();
    run.code = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

class tst_ClientBinary : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void helpWithoutDisplay_data();
    void helpWithoutDisplay();
    void versionWithoutDisplay();
    void helpInTheUsersLanguage();
};

void tst_ClientBinary::helpWithoutDisplay_data()
{
    QTest::addColumn<QString>("option");
    QTest::addRow("--help") << u"--help"_s;
    QTest::addRow("-h") << u"-h"_s;
    QTest::addRow("--help-all") << u"--help-all"_s;
    QTest::addRow("after other options") << u"--server=ws://127.0.0.1:1 --help"_s;
}

void tst_ClientBinary::helpWithoutDisplay()
{
    QFETCH(QString, option);
    const Run run = runWithoutDisplay(option.split(u' '));
    QCOMPARE(run.status, QProcess::NormalExit);
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(u"Usage:"_s), qPrintable(run.out));
    for (const QString &name : {u"--server <url>"_s, u"--user <name>"_s, u"--password-file"_s})
        QVERIFY2(run.out.contains(name), qPrintable(run.out));
    QVERIFY2(run.out.contains(u"Hubbub: the feed and chat of your local network."_s),
        qPrintable(run.out));
}

void tst_ClientBinary::versionWithoutDisplay()
{
    const Run run = runWithoutDisplay({u"--version"_s});
    QCOMPARE(run.status, QProcess::NormalExit);
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QCOMPARE(run.out.trimmed(), u"hubbub " HUBBUB_VERSION ""_s);
}

void tst_ClientBinary::helpInTheUsersLanguage()
{
    const Run run = runWithoutDisplay({u"--help"_s}, u"de_DE.UTF-8"_s);
    QCOMPARE(run.status, QProcess::NormalExit);
    QCOMPARE(run.code, 0);
    QVERIFY2(run.out.contains(u"Hubbub: Beiträge und Chat deines lokalen Netzwerks."_s),
        qPrintable(run.out));
}

QTEST_GUILESS_MAIN(tst_ClientBinary)
#include "tst_clientbinary.moc"
