// Unit tests for the schema migration (server/store/schema.h) on real SQLite files.
#include "store/schema.h"
#include "store/sqlconnection.h"
#include "store/userstore.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Hubbub;
using namespace Hubbub::Server;
using namespace Qt::StringLiterals;

namespace {

//! A connection name no other test in this process uses.
QString uniqueName()
{
    static int counter = 0;
    return u"tst_schema-"_s + QString::fromLatin1(QTest::currentTestFunction()) + u'-'
        + QString::number(++counter);
}

std::unique_ptr<SqlConnection> openOrNull(const QString &path)
{
    Result<std::unique_ptr<SqlConnection>> opened
        = SqlConnection::open(path, uniqueName(), Durability::Full);
    if (!opened) {
        qWarning() << "open failed:" << opened.error().toString();
        return nullptr;
    }
    return std::move(*opened);
}

//! The first column of the first row of `sql`, or an invalid QVariant.
QVariant scalar(SqlConnection &c, const QString &sql)
{
    QSqlQuery query(c.database());
    if (!query.exec(sql) || !query.next())
        return {};
    return query.value(0);
}

bool tableExists(SqlConnection &c, const QString &table)
{
    QSqlQuery query(c.database());
    if (!query.prepare(u"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?"_s))
        return false;
    query.addBindValue(table);
    return query.exec() && query.next() && query.value(0).toInt() == 1;
}

//! The column names of `table`.
QStringList columnsOf(SqlConnection &c, const QString &table)
{
    QSqlQuery query(c.database());
    QStringList columns;
    if (!query.exec(u"PRAGMA table_info("_s + table + u')'))
        return columns;
    while (query.next())
        columns.append(query.value(1).toString());
    return columns;
}

int generalChannels(SqlConnection &c)
{
    return scalar(c, u"SELECT COUNT(*) FROM channels WHERE name_key = 'general'"_s).toInt();
}

} // namespace

class tst_Schema : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (!qEnvironmentVariableIsEmpty("HUBBUB_TEST_POSTGRES"))
            QSKIP("SQLite only: the SQLite schema and its migrations of old files (the PostgreSQL "
                  "schema is made by every TestServer of the other tests)");
    }
    void freshFile_data();
    void freshFile();
    void pragmasOnFreshFile();
    void migrateTwiceIsNoOp();
    void oldVersionIsMigrated();
    void version2UsersGetFoldKeys();
    void newerVersionIsRefused();
    void notADatabaseIsRefused();
    void oneReviewPerAuthorAndPost();
    void accountColumns_data();
    void accountColumns();
};

void tst_Schema::freshFile_data()
{
    QTest::addColumn<QString>("table");
    for (const char *table : {"users", "sessions", "posts", "reviews", "review_nonces", "images",
             "channels", "messages", "events", "invites", "audit"}) {
        QTest::addRow("%s", table) << QString::fromLatin1(table);
    }
}

void tst_Schema::freshFile()
{
    QFETCH(QString, table);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto c = openOrNull(dir.filePath(u"hubbub.db"_s));
    QVERIFY(c);
    const Status migrated = migrate(*c);
    QVERIFY2(migrated.ok(), qPrintable(migrated.ok() ? QString() : migrated.error().toString()));
    QCOMPARE(scalar(*c, u"PRAGMA user_version"_s).toInt(), SchemaVersion);
    QVERIFY2(tableExists(*c, table), qPrintable(table));
    QCOMPARE(generalChannels(*c), 1);
}

void tst_Schema::pragmasOnFreshFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto c = openOrNull(dir.filePath(u"hubbub.db"_s));
    QVERIFY(c);
    QVERIFY(migrate(*c).ok());
    QCOMPARE(scalar(*c, u"PRAGMA journal_mode"_s).toString().toLower(), u"wal"_s);
    QCOMPARE(scalar(*c, u"PRAGMA foreign_keys"_s).toInt(), 1);
    // foreign_keys really is enforced: a session for a user that does not exist is refused.
    QSqlQuery orphan(c->database());
    QVERIFY(!orphan.exec(u"INSERT INTO sessions (token_hash, user_id, created_at, expires_at) "
                         "VALUES (x'00', 4242, 'a', 'b')"_s));
}

void tst_Schema::migrateTwiceIsNoOp()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"hubbub.db"_s);
    {
        auto c = openOrNull(path);
        QVERIFY(c);
        QVERIFY(migrate(*c).ok());
        QVERIFY(migrate(*c).ok());
        QCOMPARE(scalar(*c, u"PRAGMA user_version"_s).toInt(), SchemaVersion);
        QCOMPARE(generalChannels(*c), 1);
        QCOMPARE(scalar(*c, u"SELECT COUNT(*) FROM channels"_s).toInt(), 1);
    }
    // And again through a new connection, as a restarted server would.
    auto reopened = openOrNull(path);
    QVERIFY(reopened);
    QVERIFY(migrate(*reopened).ok());
    QCOMPARE(scalar(*reopened, u"PRAGMA user_version"_s).toInt(), SchemaVersion);
    QCOMPARE(generalChannels(*reopened), 1);
}

void tst_Schema::oldVersionIsMigrated()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"hubbub.db"_s);
    {
        auto c = openOrNull(path);
        QVERIFY(c);
        QVERIFY(c->execOnce(u"CREATE TABLE unrelated (x INTEGER)"_s).ok());
        QVERIFY(c->execOnce(u"INSERT INTO unrelated (x) VALUES (7)"_s).ok());
        QCOMPARE(scalar(*c, u"PRAGMA user_version"_s).toInt(), 0);
    }
    auto c = openOrNull(path);
    QVERIFY(c);
    const Status migrated = migrate(*c);
    QVERIFY2(migrated.ok(), qPrintable(migrated.ok() ? QString() : migrated.error().toString()));
    QCOMPARE(scalar(*c, u"PRAGMA user_version"_s).toInt(), SchemaVersion);
    QVERIFY(tableExists(*c, u"users"_s));
    QVERIFY(tableExists(*c, u"events"_s));
    QCOMPARE(generalChannels(*c), 1);
    // What was there is left alone.
    QCOMPARE(scalar(*c, u"SELECT x FROM unrelated"_s).toInt(), 7);
}

void tst_Schema::version2UsersGetFoldKeys()
{
    // A file the version-2 server wrote (alice and Bob registered through the app), migrated
    // as a server upgraded in place finds it.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fixture = QFINDTESTDATA(u"../data/schema-v2.sqlite"_s);
    QVERIFY(!fixture.isEmpty());
    const QString path = dir.filePath(u"hubbub.db"_s);
    QVERIFY(QFile::copy(fixture, path));
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));
    auto c = openOrNull(path);
    QVERIFY(c);
    QCOMPARE(scalar(*c, u"PRAGMA user_version"_s).toInt(), 2);
    const Status migrated = migrate(*c);
    QVERIFY2(migrated.ok(), qPrintable(migrated.ok() ? QString() : migrated.error().toString()));
    QCOMPARE(scalar(*c, u"PRAGMA user_version"_s).toInt(), SchemaVersion);

    QCOMPARE(scalar(*c, u"SELECT username_key FROM users WHERE username = 'Bob'"_s).toString(),
        u"bob"_s);
    QCOMPARE(scalar(*c, u"SELECT COUNT(*) FROM users WHERE username_key = ''"_s).toInt(), 0);
    // Found by any case, as the login does; the sessions and names are kept.
    Result<std::optional<UserStore::Credentials>> found
        = UserStore::findCredentials(*c, u"ALICE"_s);
    QVERIFY(found && *found);
    QCOMPARE((*found)->user.username, u"alice"_s);
    QCOMPARE(scalar(*c, u"SELECT COUNT(*) FROM sessions"_s).toInt(), 2);
    // Step 13 named each session it found, with an id of its own.
    QCOMPARE(
        scalar(*c, u"SELECT COUNT(DISTINCT id) FROM sessions WHERE length(id) = 24"_s).toInt(), 2);
    // The key is unique: a second "bob" is refused by the file itself.
    QSqlQuery twin(c->database());
    QVERIFY(!twin.exec(u"INSERT INTO users (username, username_key, password_hash, created_at) "
                       "VALUES ('b\u00d6b', 'bob', 'x', 'now')"_s));
}

void tst_Schema::newerVersionIsRefused()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto c = openOrNull(dir.filePath(u"hubbub.db"_s));
    QVERIFY(c);
    QVERIFY(c->execOnce(u"PRAGMA user_version = 99"_s).ok());
    const Status migrated = migrate(*c);
    QVERIFY(!migrated.ok());
    QVERIFY2(migrated.error().message.contains(u"newer"_s, Qt::CaseInsensitive),
        qPrintable(migrated.error().message));
    // Nothing was touched.
    QCOMPARE(scalar(*c, u"PRAGMA user_version"_s).toInt(), 99);
    QVERIFY(!tableExists(*c, u"users"_s));
    QVERIFY(!tableExists(*c, u"channels"_s));
}

void tst_Schema::notADatabaseIsRefused()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"hubbub.db"_s);
    QByteArray noise(64 * 1024, '\0');
    QRandomGenerator generator(20261122);
    for (char &byte : noise)
        byte = static_cast<char>(generator.bounded(256));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(noise), noise.size());
    }

    // Refused either when opening (the pragmas fail) or by migrate(); never a crash, and the
    // error says something.
    Result<std::unique_ptr<SqlConnection>> opened
        = SqlConnection::open(path, uniqueName(), Durability::Full);
    if (!opened) {
        QVERIFY(!opened.error().message.isEmpty());
    } else {
        const Status migrated = migrate(**opened);
        QVERIFY(!migrated.ok());
        QVERIFY(!migrated.error().message.isEmpty());
    }
    opened = Error {};

    // The file was not overwritten.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), noise);
}

void tst_Schema::oneReviewPerAuthorAndPost()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto c = openOrNull(dir.filePath(u"hubbub.db"_s));
    QVERIFY(c);
    QVERIFY(migrate(*c).ok());
    const QStringList setup {
        u"INSERT INTO users (id, username, password_hash, created_at) VALUES (1, 'ada', 'x', 't')"_s,
        u"INSERT INTO posts (id, author_id, title, content, created_at, created_seq)"
        " VALUES (1, 1, 'p', '', 't', 1)"_s,
        u"INSERT INTO reviews (post_id, author_id, rating, comment, created_at)"
        " VALUES (1, 1, 3, '', 't')"_s,
    };
    for (const QString &sql : setup)
        QVERIFY2(c->execOnce(sql).ok(), qPrintable(sql));
    // The database itself refuses a second review, whatever the code above it does.
    QSqlQuery second(c->database());
    QVERIFY(!second.exec(u"INSERT INTO reviews (post_id, author_id, rating, comment, created_at)"
                         " VALUES (1, 1, 5, '', 't')"_s));
    QCOMPARE(scalar(*c, u"SELECT COUNT(*) FROM reviews"_s).toInt(), 1);
}

void tst_Schema::accountColumns_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QStringList>("columns");
    // Step 13: accounts an admin runs (docs/protocol.md).
    QTest::addRow("sessions") << u"sessions"_s
                              << QStringList {u"id"_s, u"client"_s, u"address"_s, u"last_used_at"_s,
                                     u"token_hash"_s, u"expires_at"_s};
    QTest::addRow("users") << u"users"_s
                           << QStringList {u"disabled"_s, u"must_change_password"_s,
                                  u"code_expires_at"_s, u"role"_s, u"password_hash"_s};
    QTest::addRow("invites") << u"invites"_s
                             << QStringList {u"id"_s, u"code_hash"_s, u"created_by"_s,
                                    u"created_at"_s, u"expires_at"_s, u"used_by"_s, u"used_at"_s};
    QTest::addRow("audit") << u"audit"_s
                           << QStringList {u"id"_s, u"at"_s, u"actor_id"_s, u"action"_s,
                                  u"target_id"_s, u"detail"_s};
}

void tst_Schema::accountColumns()
{
    QFETCH(QString, table);
    QFETCH(QStringList, columns);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto c = openOrNull(dir.filePath(u"hubbub.db"_s));
    QVERIFY(c);
    QVERIFY(migrate(*c).ok());
    const QStringList present = columnsOf(*c, table);
    for (const QString &column : std::as_const(columns))
        QVERIFY2(present.contains(column), qPrintable(table + u'.' + column));
    // An invite code is stored once: the file itself refuses a second row with its hash.
    if (table == u"invites") {
        QVERIFY(c->execOnce(u"INSERT INTO users (id, username, password_hash, created_at)"
                            " VALUES (1, 'ada', 'x', 't')"_s)
                    .ok());
        const QString invite = u"INSERT INTO invites (code_hash, created_by, created_at, "
                               "expires_at) VALUES (x'01', 1, 't', 't')"_s;
        QVERIFY(c->execOnce(invite).ok());
        QSqlQuery twin(c->database());
        QVERIFY(!twin.exec(invite));
    }
}

QTEST_GUILESS_MAIN(tst_Schema)
#include "tst_schema.moc"
