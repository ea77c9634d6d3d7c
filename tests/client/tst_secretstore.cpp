// Where sign-in tokens are kept (SecretStore, ClientSettings): the file store is readable by its
// owner only from its first byte; without a keychain service the store falls back to the file
// and says so once; tokens an older version left in the settings file move out of it; and,
// run under tests/support/with-keyring.sh (a private D-Bus session and GNOME Keyring), tokens
// go to a real Secret Service and never to a file.

#include "clientsettings.h"
#include "secretstore.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Qt::StringLiterals;

namespace {

bool privateToOwner(const QString &path)
{
    const QFile::Permissions p = QFile::permissions(path);
    return p.testFlags(QFile::ReadOwner | QFile::WriteOwner)
        && !(p
            & (QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther
                | QFile::WriteOther | QFile::ExeOther));
}

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

//! Waits until every write has reached its store.
bool settle(SecretStore &store)
{
    return store.isSettled() || QSignalSpy(&store, &SecretStore::settled).wait(20000);
}

} // namespace

class tst_SecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fileStoreIsPrivate();
    void noKeychainFallsBackToTheFileOnce();
    void tokensLeaveTheSettingsFile();
    void realKeychain();

private:
    bool m_keyring = false; //!< under with-keyring.sh
    std::unique_ptr<QTemporaryDir> m_runtime;
};

void tst_SecretStore::initTestCase()
{
    m_keyring = qEnvironmentVariableIsSet("HUBBUB_TEST_KEYRING");
    if (!m_keyring) {
        // No session bus: QtKeychain finds no service, and a developer's own keychain is
        // never touched by this test (libdbus and GDBus would otherwise fall back to
        // $XDG_RUNTIME_DIR/bus, the desktop's own).
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/hubbub-test-bus");
        m_runtime = std::make_unique<QTemporaryDir>();
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtime->path()));
    }
}

void tst_SecretStore::fileStoreIsPrivate()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"sub/secrets.json"_s);
    {
        SecretStore store(u"Hubbub test"_s, path, SecretStore::Backend::File);
        QVERIFY(!QFile::exists(path)); // nothing to keep, nothing written
        store.setValue(u"token a"_s, u"secret-a"_s);
        store.setValue(u"token b"_s, u"secret-b"_s);
        QVERIFY(privateToOwner(path));
        QVERIFY(contents(path).contains("secret-a"));
        store.remove(u"token a"_s);
        QVERIFY(!contents(path).contains("secret-a"));
    }
    SecretStore again(u"Hubbub test"_s, path, SecretStore::Backend::File);
    QCOMPARE(again.value(u"token b"_s), u"secret-b"_s);
    QVERIFY(again.value(u"token a"_s).isEmpty());
    QVERIFY(privateToOwner(path));
}

void tst_SecretStore::noKeychainFallsBackToTheFileOnce()
{
    if (m_keyring)
        QSKIP("a keychain runs here (with-keyring.sh)");
    QTemporaryDir dir;
    const QString path = dir.filePath(u"secrets.json"_s);
    SecretStore store(u"Hubbub test"_s, path, SecretStore::Backend::Keychain);
    QSignalSpy fellBack(&store, &SecretStore::fellBackToFile);
    bool loaded = false;
    store.load({u"token x"_s}, [&loaded] { loaded = true; });
    QTRY_VERIFY_WITH_TIMEOUT(loaded, 20000);
    store.setValue(u"token x"_s, u"secret-x"_s);
    QVERIFY(settle(store));
    QCOMPARE(fellBack.size(), 1);
    QCOMPARE(fellBack.first().first().toString(), path);
    QCOMPARE(store.backend(), SecretStore::Backend::File);
    QVERIFY(privateToOwner(path));
    QVERIFY(contents(path).contains("secret-x"));

    store.setValue(u"token y"_s, u"secret-y"_s);
    QVERIFY(settle(store));
    QCOMPARE(fellBack.size(), 1); // said once
    QVERIFY(contents(path).contains("secret-y"));
}

void tst_SecretStore::tokensLeaveTheSettingsFile()
{
    QTemporaryDir dir;
    const QString ini = dir.filePath(u"hubbub.conf"_s);
    const QUrl server(u"wss://192.168.1.10:7300/"_s);
    const User user {7, u"ada"_s};
    {
        ClientSettings settings(ini);
        settings.setCredentials(server, user, u"tok-1"_s);
    }
    // What an older version wrote: the token in the settings file.
    QSettings old(ini, QSettings::IniFormat);
    old.beginGroup(u"servers"_s);
    const QString group = old.childGroups().value(0);
    QVERIFY(!group.isEmpty());
    old.setValue(group + u"/token"_s, u"tok-old"_s);
    old.endGroup();
    old.sync();
    QVERIFY(contents(ini).contains("tok-old"));

    ClientSettings settings(ini);
    bool loaded = false;
    settings.loadSecrets([&loaded] { loaded = true; });
    QTRY_VERIFY(loaded);
    QCOMPARE(settings.token(server), u"tok-old"_s);
    QVERIFY(!contents(ini).contains("tok-")); // nothing secret left in the settings
    QVERIFY(contents(dir.filePath(u"secrets.json"_s)).contains("tok-old"));
    settings.forgetToken(server);
    QVERIFY(settings.token(server).isEmpty());
    QVERIFY(!contents(dir.filePath(u"secrets.json"_s)).contains("tok-old"));
}

void tst_SecretStore::realKeychain()
{
    if (!m_keyring)
        QSKIP("runs as tst_secretstore_keychain, under tests/support/with-keyring.sh");
    QTemporaryDir dir;
    const QString path = dir.filePath(u"secrets.json"_s);
    const QString service = u"Hubbub test %1"_s.arg(QCoreApplication::applicationPid());
    {
        SecretStore store(service, path, SecretStore::Backend::Keychain);
        QSignalSpy fellBack(&store, &SecretStore::fellBackToFile);
        bool loaded = false;
        store.load({u"token k"_s}, [&loaded] { loaded = true; });
        QTRY_VERIFY_WITH_TIMEOUT(loaded, 20000);
        QVERIFY(store.value(u"token k"_s).isEmpty());
        store.setValue(u"token k"_s, u"secret-k"_s);
        QVERIFY(settle(store));
        QCOMPARE(fellBack.size(), 0);
        QCOMPARE(store.backend(), SecretStore::Backend::Keychain);
        QVERIFY(!QFile::exists(path)); // in the keychain, nowhere else
    }
    // Another store (the next start of the app) reads it back from the keychain.
    {
        SecretStore store(service, path, SecretStore::Backend::Keychain);
        bool loaded = false;
        store.load({u"token k"_s}, [&loaded] { loaded = true; });
        QTRY_VERIFY_WITH_TIMEOUT(loaded, 20000);
        QCOMPARE(store.value(u"token k"_s), u"secret-k"_s);
        store.remove(u"token k"_s);
        QVERIFY(settle(store));
    }
    SecretStore store(service, path, SecretStore::Backend::Keychain);
    bool loaded = false;
    store.load({u"token k"_s}, [&loaded] { loaded = true; });
    QTRY_VERIFY_WITH_TIMEOUT(loaded, 20000);
    QVERIFY(store.value(u"token k"_s).isEmpty());
}

QTEST_GUILESS_MAIN(tst_SecretStore)
#include "tst_secretstore.moc"
