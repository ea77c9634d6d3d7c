// The PostgreSQL fixture itself (scripts/pg-cluster.sh, the CTest fixture hubbub_postgres): the
// cluster the `_pg` variants run against is reachable at HUBBUB_TEST_POSTGRES, is as the tests
// need it (loopback and its socket only, durable, room for many connections), and TestServer
// gives each server a schema of its own and removes it. No Hubbub server is started here.
#include "testserver.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrlQuery>

using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

class tst_PostgresFixture : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void reachedThroughTheSocket();
    void listensOnlyOnLoopbackAndSocket();
    void durable();
    void roomForManyConnections();
    void schemaMadeAndDropped();
    void testServerHasASchemaOfItsOwn();
    void storedDatabaseReadsTheSchema();

private:
    //! SHOW `setting` on a connection of its own to the fixture's database.
    QString show(const QString &setting);
};

namespace {

//! A connection to a postgresql:// URL, closed and removed with it.
class Connection
{
public:
    explicit Connection(const QString &url)
        : m_name(u"tst_postgresfixture_%1"_s.arg(++s_serial))
    {
        m_db = QSqlDatabase::addDatabase(u"QPSQL"_s, m_name);
        if (!m_db.isValid())
            m_error = u"no QPSQL driver"_s;
        else if (setPostgresUrl(m_db, url, &m_error) && !m_db.open())
            m_error = m_db.lastError().text();
    }
    ~Connection()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    Q_DISABLE_COPY_MOVE(Connection)

    bool isOpen() const { return m_db.isOpen(); }
    QString error() const { return m_error; }
    //! The first column of the first row of `sql`; a null QVariant if it failed.
    QVariant value(const QString &sql)
    {
        QSqlQuery query(m_db);
        if (!query.exec(sql) || !query.next()) {
            m_error = sql + u": "_s + query.lastError().text();
            return {};
        }
        return query.value(0);
    }
    bool exec(const QString &sql)
    {
        QSqlQuery query(m_db);
        if (query.exec(sql))
            return true;
        m_error = sql + u": "_s + query.lastError().text();
        return false;
    }

private:
    static inline int s_serial = 0;
    QString m_name;
    QSqlDatabase m_db;
    QString m_error;
};

bool schemaExists(const QString &schema)
{
    Connection db(testPostgresUrl());
    return db.value(u"SELECT count(*) FROM pg_namespace WHERE nspname = '"_s + schema + u"'"_s)
               .toInt()
        == 1;
}

} // namespace

void tst_PostgresFixture::initTestCase()
{
    if (testPostgresUrl().isEmpty())
        QSKIP("HUBBUB_TEST_POSTGRES is not set: this runs as tst_postgresfixture_pg under ctest "
              "(label postgres), against the cluster of scripts/pg-cluster.sh");
    QVERIFY2(QSqlDatabase::isDriverAvailable(u"QPSQL"_s),
        "the Qt driver QPSQL is not installed (Debian: libqt6sql6-psql)");
}

QString tst_PostgresFixture::show(const QString &setting)
{
    Connection db(testPostgresUrl());
    if (!db.isOpen())
        return u"(not connected: "_s + db.error() + u')';
    return db.value(u"SHOW "_s + setting).toString();
}

void tst_PostgresFixture::reachedThroughTheSocket()
{
    Connection db(testPostgresUrl());
    QVERIFY2(db.isOpen(), qPrintable(db.error()));
    QCOMPARE(db.value(u"SELECT current_database()"_s).toString(), u"hubbub"_s);
    QCOMPARE(db.value(u"SELECT current_user"_s).toString(), u"postgres"_s);
    // A unix-socket connection has no server address: the URL's host= item won over its host.
    const QVariant address = db.value(u"SELECT inet_server_addr()"_s);
    QVERIFY2(address.isValid() && address.isNull(), qPrintable(address.toString()));
}

void tst_PostgresFixture::listensOnlyOnLoopbackAndSocket()
{
    QCOMPARE(show(u"listen_addresses"_s), u"127.0.0.1"_s);
    const QString socketDir = QUrlQuery(QUrl(testPostgresUrl())).queryItemValue(u"host"_s);
    QVERIFY2(socketDir.startsWith(u'/'), qPrintable(testPostgresUrl()));
    QCOMPARE(show(u"unix_socket_directories"_s), socketDir);

    // And over TCP on 127.0.0.1 at the port the script chose.
    const QString port = show(u"port"_s);
    QVERIFY2(port.toInt() > 0, qPrintable(port));
    Connection tcp(u"postgresql://postgres@127.0.0.1:"_s + port + u"/hubbub"_s);
    QVERIFY2(tcp.isOpen(), qPrintable(tcp.error()));
    QCOMPARE(tcp.value(u"SELECT host(inet_server_addr())"_s).toString(), u"127.0.0.1"_s);
}

void tst_PostgresFixture::durable()
{
    QCOMPARE(show(u"fsync"_s), u"on"_s);
    QCOMPARE(show(u"synchronous_commit"_s), u"on"_s);
    QCOMPARE(show(u"full_page_writes"_s), u"on"_s);
}

void tst_PostgresFixture::roomForManyConnections()
{
    const int max = show(u"max_connections"_s).toInt();
    QVERIFY2(max >= 200, qPrintable(QString::number(max)));
}

void tst_PostgresFixture::schemaMadeAndDropped()
{
    const QString schema = u"hubbub_t_%1_fixture"_s.arg(QCoreApplication::applicationPid());
    {
        Connection admin(testPostgresUrl());
        QVERIFY2(admin.isOpen(), qPrintable(admin.error()));
        QVERIFY2(admin.exec(u"DROP SCHEMA IF EXISTS "_s + schema + u" CASCADE"_s),
            qPrintable(admin.error()));
        QVERIFY2(admin.exec(u"CREATE SCHEMA "_s + schema), qPrintable(admin.error()));
    }
    {
        // An unqualified name lands in the schema of the URL's search_path.
        Connection inSchema(withPostgresOptions(testPostgresUrl(), u"-c search_path="_s + schema));
        QVERIFY2(inSchema.isOpen(), qPrintable(inSchema.error()));
        QCOMPARE(inSchema.value(u"SHOW search_path"_s).toString(), schema);
        QVERIFY2(inSchema.exec(u"CREATE TABLE t (id bigint PRIMARY KEY)"_s),
            qPrintable(inSchema.error()));
        QVERIFY2(inSchema.exec(u"INSERT INTO t VALUES (1), (2)"_s), qPrintable(inSchema.error()));
        QCOMPARE(inSchema
                     .value(u"SELECT table_schema FROM information_schema.tables "
                            "WHERE table_name = 't'"_s)
                     .toString(),
            schema);
    }
    QVERIFY(schemaExists(schema));
    {
        Connection admin(testPostgresUrl());
        QVERIFY2(admin.exec(u"DROP SCHEMA "_s + schema + u" CASCADE"_s), qPrintable(admin.error()));
    }
    QVERIFY(!schemaExists(schema));
}

void tst_PostgresFixture::testServerHasASchemaOfItsOwn()
{
    QString first, second;
    {
        TestServer a;
        TestServer b;
        QVERIFY(a.isPostgres());
        first = a.schema();
        second = b.schema();
        QVERIFY(first.startsWith(u"hubbub_t_"_s));
        QVERIFY(first != second);
        QVERIFY(schemaExists(first));
        QVERIFY(schemaExists(second));
        // The server's URL is the fixture's with the schema as its search path, and the side
        // files still have a folder.
        QVERIFY2(a.config().databaseUrl.endsWith(u"&options=-c%20search_path%3D"_s + first),
            qPrintable(a.config().databaseUrl));
        const QUrlQuery query(QUrl(a.config().databaseUrl));
        QCOMPARE(
            query.queryItemValue(u"options"_s, QUrl::FullyDecoded), u"-c search_path="_s + first);
        QCOMPARE(query.queryItemValue(u"host"_s, QUrl::FullyDecoded),
            QUrlQuery(QUrl(testPostgresUrl())).queryItemValue(u"host"_s, QUrl::FullyDecoded));
        QVERIFY(a.databasePath().startsWith(a.dir()));
    }
    QVERIFY(!schemaExists(first));
    QVERIFY(!schemaExists(second));
}

void tst_PostgresFixture::storedDatabaseReadsTheSchema()
{
    TestServer server;
    {
        StoredDatabase writer(server, StoredDatabase::Access::ReadWrite);
        QVERIFY2(writer.isOpen(), qPrintable(writer.errorString()));
        QSqlQuery query(writer.database());
        QVERIFY2(query.exec(u"CREATE TABLE users (id bigint PRIMARY KEY)"_s),
            qPrintable(query.lastError().text()));
        QVERIFY2(query.exec(u"INSERT INTO users VALUES (1), (2), (3)"_s),
            qPrintable(query.lastError().text()));
    }
    QCOMPARE(storedRows(server, u"users"_s), 3);
    // The tests written for SQLite pass the path; it reads the same schema.
    QCOMPARE(storedRows(server.databasePath(), u"users"_s), 3);
    QCOMPARE(storedRows(server, u"no_such_table"_s), -1);

    StoredDatabase reader(server);
    QVERIFY2(reader.isOpen(), qPrintable(reader.errorString()));
    QSqlQuery query(reader.database());
    QVERIFY(!query.exec(u"INSERT INTO users VALUES (4)"_s));
    QVERIFY2(
        query.lastError().text().contains(u"read-only"_s), qPrintable(query.lastError().text()));
}

QTEST_GUILESS_MAIN(tst_PostgresFixture)
#include "tst_postgresfixture.moc"
