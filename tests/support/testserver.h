#pragma once

#include "server.h"
#include "serverconfig.h"

#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace Hubbub::Test {

//! A real Server in this process on 127.0.0.1, port 0, with its SQLite file in a temporary
//! folder that outlives restarts of the server. With HUBBUB_TEST_POSTGRES set (the `_pg`
//! variants of tests/CMakeLists.txt), its database is a fresh schema of its own in that
//! PostgreSQL database instead, dropped with it; the folder still holds the side files.
class TestServer final
{
public:
    TestServer();
    ~TestServer();

    //! The config used by the next start(); host, port and database are filled in.
    Server::ServerConfig &config() { return m_config; }
    const Server::ServerConfig &config() const { return m_config; }
    bool start();
    void stop();
    //! Stops (if running) and starts on the same database; keepPort reuses the port it last had.
    bool restart(bool keepPort = false);

    QUrl url() const;
    //! SQLite: the database file. PostgreSQL: the base name of the side files.
    QString databasePath() const { return m_config.databasePath; }
    bool isPostgres() const { return !m_config.databaseUrl.isEmpty(); }
    //! PostgreSQL: the schema that is this server's database; empty for SQLite.
    QString schema() const { return m_schema; }
    QString dir() const { return m_dir.path(); }
    Server::Server *server() { return m_server.get(); }

private:
    QTemporaryDir m_dir;
    Server::ServerConfig m_config;
    std::unique_ptr<Server::Server> m_server;
    quint16 m_lastPort = 0;
    QString m_schema;
    //! Why the schema could not be made; start() refuses with it.
    QString m_setupError;
};

//! The PostgreSQL database the tests run against, HUBBUB_TEST_POSTGRES (a URL of the form
//! ServerConfig::databaseUrl takes); empty: SQLite.
QString testPostgresUrl();

//! `url` with `options` appended to its libpq `options` item (e.g. "-c search_path=s"),
//! percent-encoded.
QString withPostgresOptions(const QString &url, const QString &options);

//! Points `db` (driver QPSQL) at a postgresql:// URL read as the server reads it: user, host,
//! port and database name from the URL, every query item a libpq keyword. False, with `error`,
//! for a URL that is not one.
bool setPostgresUrl(QSqlDatabase &db, const QString &url, QString *error);

//! A connection of the test's own to a server's database, beside the server's, which may be
//! running: the SQLite file, or the PostgreSQL schema of databaseUrl. Read-only unless asked;
//! closed and removed when it goes (queries on it must go first).
class StoredDatabase final
{
public:
    enum class Access { ReadOnly, ReadWrite };

    explicit StoredDatabase(const TestServer &server, Access access = Access::ReadOnly);
    //! databaseUrl empty: the SQLite file at databasePath, as ServerConfig has them.
    StoredDatabase(
        const QString &databasePath, const QString &databaseUrl, Access access = Access::ReadOnly);
    ~StoredDatabase();
    Q_DISABLE_COPY_MOVE(StoredDatabase)

    bool isOpen() const { return m_db.isOpen(); }
    QString errorString() const { return m_error; }
    QSqlDatabase database() const { return m_db; }

private:
    QString m_name;
    QSqlDatabase m_db;
    QString m_error;
};

//! The rows of `table` in a server's database, read on a read-only connection of our own
//! (beside the server's, which may be running); -1 when it cannot be read. The path of a live
//! TestServer on PostgreSQL reads its schema.
qint64 storedRows(const QString &databasePath, const QString &table);
//! The databaseUrl of the live TestServer whose databasePath this is; empty for SQLite.
QString databaseUrlFor(const QString &databasePath);
qint64 storedRows(const TestServer &server, const QString &table);

} // namespace Hubbub::Test
