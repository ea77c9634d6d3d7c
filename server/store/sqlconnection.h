#pragma once

#include "error.h"
#include "serverconfig.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <memory>
#include <unordered_map>

namespace Hubbub::Server {

//! Which database a connection opens: an SQLite file, or a PostgreSQL database by URL.
struct DatabaseTarget
{
    QString path; //!< SQLite: the file; used when url is empty
    QString url; //!< postgresql://USER@HOST:PORT/DBNAME[?KEYWORD=VALUE...]
    Durability durability = Durability::Full;

    bool isPostgres() const { return !url.isEmpty(); }
    //! What log lines and errors name: the file, or the URL (which holds no password).
    QString display() const { return isPostgres() ? url : path; }
    static DatabaseTarget of(const ServerConfig &config)
    {
        return DatabaseTarget {config.databasePath, config.databaseUrl, config.durability};
    }
};

//! A PostgreSQL URL taken apart for the QPSQL driver.
struct PostgresUrl
{
    QString user;
    QString host; //!< empty: libpq's default (the local socket), or a host= keyword
    int port = -1;
    QString database;
    //! libpq conninfo keywords from the query, quoted, joined with ';' (QPSQL's separator).
    QString options;

    //! Accepts postgresql:// and postgres://; refuses a password in the URL (it would show in
    //! the process list: libpq reads PGPASSFILE or PGPASSWORD instead) and unknown keywords.
    static Result<PostgresUrl> parse(const QString &url);
};

//! One named SQLite or PostgreSQL connection with a cache of prepared statements. Used from the
//! thread that opened it only (Qt Sql's rule); the server has one on the network thread for bounded
//! reads and one on the writer thread.
class SqlConnection final
{
public:
    //! SQLite: opens (creating if needed) the file, sets WAL, foreign keys and synchronous.
    //! PostgreSQL: connects, with synchronous_commit off for Durability::Normal.
    static Result<std::unique_ptr<SqlConnection>> open(
        const DatabaseTarget &target, const QString &name);
    static Result<std::unique_ptr<SqlConnection>> open(
        const QString &path, const QString &name, Durability durability)
    {
        return open(DatabaseTarget {path, {}, durability}, name);
    }
    ~SqlConnection();
    Q_DISABLE_COPY_MOVE(SqlConnection)

    //! A prepared statement for `sql`, reused across calls; values must be bound again.
    Result<QSqlQuery *> prepare(const QString &sql);
    //! Runs a prepared statement; a failure is logged and returned as `internal`.
    Status exec(QSqlQuery &query);
    //! Prepares (cached) and runs `sql` with positional values. A null QString binds as '',
    //! an invalid QVariant as NULL.
    Result<QSqlQuery *> run(const QString &sql, const QVariantList &values = {});
    //! Runs a statement that is not worth caching (PRAGMA, BEGIN, DDL).
    Status execOnce(const QString &sql);

    QSqlDatabase database() const { return m_db; }
    QString name() const { return m_name; }
    bool isPostgres() const { return m_postgres; }
    //! The statement for this connection's dialect: most SQL is the same in both.
    const QString &pick(const QString &sqlite, const QString &postgres) const
    {
        return m_postgres ? postgres : sqlite;
    }
    //! Whether the connection still reaches its database (PostgreSQL restarted, network gone).
    //! SQLite files are always reachable. Runs a trivial query.
    bool isAlive();
    //! Closes and opens the connection again (PostgreSQL after isAlive() said no); prepared
    //! statements are dropped.
    Status reopen();
    //! The name of a NOTIFY channel for this database and schema: channels are per database,
    //! and deployments (or test servers) in other schemas of it must not hear each other.
    QString notifyChannel(const QString &base) const
    {
        return QString(base + u'_' + m_schema).left(63);
    }
    //! For connections that only read (the network thread's, the search thread's): when a
    //! statement fails because PostgreSQL went away (restarted, network), connect again and
    //! run it once more. Never for the writer's: a statement of a transaction that is gone
    //! must fail, and the writer begins a new one itself.
    void setReconnects(bool reconnects) { m_reconnects = reconnects; }

private:
    SqlConnection(QSqlDatabase db, QString name, bool postgres);
    static Result<QSqlDatabase> connect(const DatabaseTarget &target, const QString &name);
    Status configure();
    Result<QSqlQuery *> runOnce(const QString &sql, const QVariantList &values);
    //! Whether a failed statement may be tried again: the connection was lost and is back.
    bool reconnectLost();

    QSqlDatabase m_db;
    QString m_name;
    bool m_postgres = false;
    bool m_reconnects = false;
    bool m_inTransaction = false; //!< between execOnce("BEGIN…") and COMMIT/ROLLBACK
    QElapsedTimer m_lastReconnect;
    static constexpr qint64 ReconnectIntervalMs = 3000;
    QString m_schema; //!< PostgreSQL: current_schema(), for notifyChannel()
    DatabaseTarget m_target;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
};

//! The internal error for a failed query; the message names no SQL and no path.
Error databaseError(const QString &context, const QString &detail);

} // namespace Hubbub::Server
