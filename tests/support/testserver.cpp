#include "testserver.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

namespace Hubbub::Test {

TestServer::TestServer()
{
    m_config.host = QHostAddress::LocalHost;
    m_config.port = 0;
    m_config.databasePath = QDir(m_dir.path()).filePath(QStringLiteral("hubbub.db"));
    // Plain ws:// unless a test turns TLS on (tst_tls): the other tests are about the rest.
    m_config.tls = false;
    // Silent on the network unless a test listens for it (tst_discovery, on its own port).
    m_config.announce = false;
    // The tests hash hundreds of passwords and are about what is done with a hash, not what it
    // costs: libsodium's minimum cost (the binary's tests, tst_passwords and the race in
    // tst_admin use the shipped one). Durability stays as shipped.
    m_config.passwordCost = Server::Passwords::Cost::Minimum;
}

TestServer::~TestServer()
{
    stop();
}

bool TestServer::start()
{
    m_server = std::make_unique<Server::Server>(m_config);
    if (Status s = m_server->open(); !s) {
        qWarning("TestServer: open failed: %s", qPrintable(s.error().message));
        m_server.reset();
        return false;
    }
    if (Status s = m_server->listen(); !s) {
        qWarning("TestServer: listen failed: %s", qPrintable(s.error().message));
        m_server.reset();
        return false;
    }
    return true;
}

void TestServer::stop()
{
    if (!m_server)
        return;
    m_lastPort = m_server->port();
    m_server->shutdown();
    m_server.reset();
    // Let closing sockets and deferred deletes run.
    QTest::qWait(0);
}

bool TestServer::restart(bool keepPort)
{
    stop();
    if (keepPort)
        m_config.port = m_lastPort;
    const bool ok = start();
    m_config.port = 0;
    return ok;
}

QUrl TestServer::url() const
{
    QUrl url;
    url.setScheme(m_config.tls ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_server ? m_server->port() : 0);
    url.setPath(QStringLiteral("/"));
    return url;
}

qint64 storedRows(const QString &databasePath, const QString &table)
{
    static int connections = 0;
    const QString name = QStringLiteral("test_support_reader_%1").arg(++connections);
    qint64 count = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(databasePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table) && query.next())
                count = query.value(0).toLongLong();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return count;
}

} // namespace Hubbub::Test
