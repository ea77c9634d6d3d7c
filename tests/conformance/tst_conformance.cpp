// hubbub-conformance run as a third party runs it: a separate process against the real
// hubbub-server binary on 127.0.0.1. Our server must pass every check it announces.

#include "serverprocess.h"
#include "testclient.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr int KitTimeoutMs = 120000;

//! One run of the kit to its end.
struct KitRun
{
    bool finished = false;
    int exitCode = -1;
    QStringList lines; //!< stdout, one check per line
    QString err;

    QString describe() const
    {
        return u"finished %1, exit %2\nstdout:\n%3\nstderr:\n%4"_s.arg(finished).arg(exitCode).arg(
            lines.join(u'\n'), err);
    }
};

KitRun runKit(const QStringList &arguments)
{
    QProcess process;
    process.setProgram(QStringLiteral(HUBBUB_CONFORMANCE_BINARY));
    // A generous wait per answer: the sanitizer builds are several times slower. Waits for
    // something that must not come are fixed and short in the kit, so this costs nothing.
    process.setArguments(QStringList {u"--timeout"_s, u"30000"_s} + arguments);
    process.start();
    KitRun run;
    // Spin the event loop: the server under test is a child of this process too.
    run.finished
        = QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, KitTimeoutMs);
    if (!run.finished)
        process.kill();
    process.waitForFinished(5000);
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.lines = QString::fromUtf8(process.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

//! The names of every check (--list), the same for every server.
QStringList checkNames()
{
    const KitRun list = runKit({u"--list"_s});
    return list.exitCode == 0 ? list.lines : QStringList();
}

} // namespace

class TestConformance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tlsWithFingerprint();
    void openInviteAndClosedRegistration();
    void unreachable();
    void usageErrors();
    void jsonLines();

private:
    //! Every check of `names` (all by default) has one line, in order, PASS or SKIP with a
    //! reason; exit 0. `mayBeSkipped` lists the checks that may skip, any other SKIP fails.
    void expectAllPass(
        const KitRun &run, const QStringList &mayBeSkipped = {}, QStringList names = {});

    QStringList m_names;
};

void TestConformance::initTestCase()
{
    m_names = checkNames();
    QVERIFY2(m_names.size() >= 80, qPrintable(m_names.join(u' ')));
    for (const QString &name : std::as_const(m_names))
        QVERIFY2(
            QRegularExpression(u"^[a-z_]+\\.[a-z_.]+$"_s).match(name).hasMatch(), qPrintable(name));
    QCOMPARE(QSet<QString>(m_names.begin(), m_names.end()).size(), m_names.size());
}

void TestConformance::expectAllPass(
    const KitRun &run, const QStringList &mayBeSkipped, QStringList names)
{
    if (names.isEmpty())
        names = m_names;
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(run.lines.size(), names.size());
    static const QRegularExpression line(u"^(PASS|SKIP)  ([a-z_.]+): (\\S.*)$"_s);
    for (qsizetype i = 0; i < run.lines.size(); ++i) {
        const QRegularExpressionMatch match = line.match(run.lines.at(i));
        QVERIFY2(match.hasMatch(), qPrintable(run.lines.at(i)));
        QCOMPARE(match.captured(2), names.at(i));
        if (match.captured(1) == u"SKIP")
            QVERIFY2(mayBeSkipped.contains(match.captured(2)), qPrintable(run.lines.at(i)));
    }
    QVERIFY2(run.err.contains(u" 0 failed"_s), qPrintable(run.err));
}

void TestConformance::tlsWithFingerprint()
{
    QTemporaryDir dir;
    Hubbub::Test::ServerProcess server(
        QStringLiteral(HUBBUB_SERVER_BINARY), dir.filePath(u"hubbub.db"_s));
    QVERIFY2(server.start({u"--tls"_s, u"on"_s}), qPrintable(server.diagnostics()));
    QVERIFY(!server.fingerprint().isEmpty());
    const QString url = u"wss://127.0.0.1:%1/"_s.arg(server.port());
    // A self-signed certificate is not trusted without being told: the server is unreachable.
    const KitRun untrusted = runKit({u"--only"_s, u"^hello"_s, url});
    QVERIFY2(
        untrusted.exitCode == 2 && untrusted.lines.isEmpty(), qPrintable(untrusted.describe()));
    QVERIFY2(untrusted.err.contains(u"--fingerprint"_s), qPrintable(untrusted.err));
    // Another certificate's digest is no better.
    const KitRun wrong
        = runKit({u"--fingerprint"_s, QString(64, u'a'), u"--only"_s, u"^hello"_s, url});
    QVERIFY2(wrong.exitCode == 2, qPrintable(wrong.describe()));
    expectAllPass(runKit({u"--fingerprint"_s, server.fingerprint(), url}), {u"authz.admin"_s});
}

void TestConformance::openInviteAndClosedRegistration()
{
    QTemporaryDir dir;
    const QString database = dir.filePath(u"hubbub.db"_s);
    Hubbub::Test::ServerProcess server(QStringLiteral(HUBBUB_SERVER_BINARY), database);
    QVERIFY2(server.start(), qPrintable(server.diagnostics()));
    // Open registration, plain ws: our server announces every extension, so nothing may skip
    // but what needs an admin (the kit's own accounts are members).
    const QStringList needsAdmin {u"authz.admin"_s};
    expectAllPass(runKit({u"ws://127.0.0.1:%1/"_s.arg(server.port())}), needsAdmin);

    // Three accounts made beforehand, the first an admin.
    const QStringList names {u"keeper_a"_s, u"keeper_b"_s, u"keeper_c"_s};
    const QStringList passwords {u"first password"_s, u"second password"_s, u"third password"_s};
    for (qsizetype i = 0; i < names.size(); ++i) {
        Hubbub::Test::TestClient client;
        QVERIFY(client.open(server.url()));
        QVERIFY2(Hubbub::Test::isOk(client.registerUser(names.at(i), passwords.at(i))),
            qPrintable(names.at(i)));
    }
    QVERIFY(server.terminate());
    QProcess promote;
    promote.setProcessEnvironment(Hubbub::Test::ServerProcess::quietEnvironment());
    promote.start(
        QStringLiteral(HUBBUB_SERVER_BINARY), {u"--db"_s, database, u"--promote"_s, names.at(0)});
    QVERIFY(promote.waitForFinished(20000));
    QCOMPARE(promote.exitCode(), 0);

    // By invitation, on the same data (so also a second run against one server's data: the
    // run's names, nonces and channel are its own): the kit registers with the admin's codes.
    QVERIFY2(server.start({u"--registration"_s, u"invite"_s}), qPrintable(server.diagnostics()));
    QStringList inviteArguments;
    {
        Hubbub::Test::TestClient admin;
        QVERIFY(admin.open(server.url()));
        QVERIFY(Hubbub::Test::isOk(admin.login(names.at(0), passwords.at(0))));
        for (int i = 0; i < 3; ++i) {
            const QJsonObject invite = admin.request(u"invite.create"_s);
            QVERIFY2(Hubbub::Test::isOk(invite), qPrintable(Hubbub::Test::dump(invite)));
            inviteArguments << u"--invite"_s << invite.value(u"code"_s).toString();
        }
    }
    const QString url = u"ws://127.0.0.1:%1/"_s.arg(server.port());
    // Registration is not open, so the checks that register accounts of their own skip. The
    // checks of frames and images do not depend on the accounts and ran already.
    const QStringList registering {u"auth.register"_s, u"auth.register_conflict"_s,
        u"auth.username_limits"_s, u"auth.password_limits"_s};
    const QString withoutFrames = u"^(?!transport\\.|image\\.)"_s;
    const QStringList accountChecks = m_names.filter(QRegularExpression(withoutFrames));
    expectAllPass(runKit(inviteArguments + QStringList {u"--only"_s, withoutFrames, url}),
        registering + needsAdmin, accountChecks);
    // Without codes the kit says what it needs, and skips what needs an account.
    const KitRun noCodes = runKit({u"--only"_s, u"^(hello\\.reply|post\\.create)$"_s, url});
    QVERIFY2(noCodes.exitCode == 1 && noCodes.lines.size() == 3, qPrintable(noCodes.describe()));
    QVERIFY2(noCodes.lines.at(0).startsWith(u"FAIL  setup: "_s)
            && noCodes.lines.at(0).contains(u"--invite"_s),
        qPrintable(noCodes.describe()));
    QVERIFY2(
        noCodes.lines.at(1).startsWith(u"PASS  hello.reply: "_s), qPrintable(noCodes.describe()));
    QVERIFY2(
        noCodes.lines.at(2).startsWith(u"SKIP  post.create: "_s), qPrintable(noCodes.describe()));

    // Closed: the kit signs in with the accounts made beforehand (the first is an admin).
    QVERIFY(server.terminate());
    QVERIFY2(server.start({u"--registration"_s, u"closed"_s}), qPrintable(server.diagnostics()));
    QStringList arguments {u"--only"_s, withoutFrames};
    for (qsizetype i = 0; i < names.size(); ++i) {
        QFile file(dir.filePath(names.at(i)));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(passwords.at(i).toUtf8() + '\n');
        file.close();
        arguments << u"--account"_s << names.at(i) + u':' + file.fileName();
    }
    arguments << u"ws://127.0.0.1:%1/"_s.arg(server.port());
    expectAllPass(
        runKit(arguments), registering + QStringList {u"auth.limits_accepted"_s}, accountChecks);
}

void TestConformance::unreachable()
{
    // A port where nothing listens: one that was free a moment ago.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    const KitRun run = runKit({u"ws://127.0.0.1:%1/"_s.arg(port)});
    QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
    QVERIFY2(run.lines.isEmpty(), qPrintable(run.describe()));
    QVERIFY2(run.err.contains(u"cannot connect"_s), qPrintable(run.err));
}

void TestConformance::usageErrors()
{
    for (const QStringList &arguments : QList<QStringList> {{}, {u"http://127.0.0.1:7300/"_s},
             {u"--timeout"_s, u"soon"_s, u"ws://127.0.0.1:7300/"_s}, {u"--no-such-option"_s},
             {u"--fingerprint"_s, u"AB:CD"_s, u"wss://127.0.0.1:7300/"_s},
             {u"--account"_s, u"nobody"_s, u"ws://127.0.0.1:7300/"_s},
             {u"--only"_s, u"(unclosed"_s, u"ws://127.0.0.1:7300/"_s}}) {
        const KitRun run = runKit(arguments);
        QVERIFY2(run.exitCode == 2 && run.lines.isEmpty(),
            qPrintable(arguments.join(u' ') + u"\n"_s + run.describe()));
    }
}

void TestConformance::jsonLines()
{
    QTemporaryDir dir;
    Hubbub::Test::ServerProcess server(
        QStringLiteral(HUBBUB_SERVER_BINARY), dir.filePath(u"hubbub.db"_s));
    QVERIFY2(server.start(), qPrintable(server.diagnostics()));
    const KitRun run = runKit({u"--json"_s, u"--only"_s, u"^(hello|sync)\\."_s,
        u"ws://127.0.0.1:%1/"_s.arg(server.port())});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(run.lines.size(), m_names.filter(QRegularExpression(u"^(hello|sync)\\."_s)).size());
    for (const QString &line : run.lines) {
        const QJsonObject object = QJsonDocument::fromJson(line.toUtf8()).object();
        QVERIFY2(object.value(u"check"_s).toString().contains(u'.'), qPrintable(line));
        QCOMPARE(object.value(u"result"_s).toString(), u"pass"_s);
        QVERIFY(!object.value(u"description"_s).toString().isEmpty());
        QVERIFY(object.value(u"ms"_s).isDouble());
    }
}

QTEST_GUILESS_MAIN(TestConformance)
#include "tst_conformance.moc"
