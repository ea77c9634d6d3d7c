#include "store/sqlitetopostgres.h"

#include "logging.h"
#include "store/filestore.h"
#include "store/schema.h"
#include "store/schemapostgres.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

using namespace Qt::StringLiterals;

namespace Hubbub::Server::SqliteToPostgres {

namespace {

//! Every table, parents before children (foreign keys are checked as rows go in).
const QStringList Tables
    = {u"images"_s, u"users"_s, u"sessions"_s, u"posts"_s, u"channels"_s, u"messages"_s,
        u"events"_s, u"reviews"_s, u"review_nonces"_s, u"channel_members"_s, u"message_mentions"_s,
        u"post_mentions"_s, u"reactions"_s, u"message_versions"_s, u"post_versions"_s, u"files"_s,
        u"user_files"_s, u"uploads"_s, u"message_files"_s, u"post_files"_s, u"read_state"_s,
        u"channel_prefs"_s, u"read_floor"_s, u"invites"_s, u"audit"_s};

//! Tables whose `id` is an identity on PostgreSQL: its sequence must go on after the copy.
const QStringList IdentityTables
    = {u"users"_s, u"posts"_s, u"channels"_s, u"messages"_s, u"reviews"_s, u"reactions"_s,
        u"message_versions"_s, u"post_versions"_s, u"invites"_s, u"audit"_s};

Error failure(const QString &what)
{
    return makeError(ErrorCode::Internal, what);
}

struct Columns
{
    QStringList all;
    QStringList key; //!< primary key, in order
};

Result<Columns> columnsOf(SqlConnection &sqlite, const QString &table)
{
    QSqlQuery info(sqlite.database());
    if (!info.exec(u"PRAGMA table_info(%1)"_s.arg(table)))
        return failure(info.lastError().text());
    Columns columns;
    QMap<int, QString> key;
    while (info.next()) {
        const QString name = info.value(1).toString();
        columns.all.append(name);
        if (const int position = info.value(5).toInt(); position > 0)
            key.insert(position, name);
    }
    columns.key = key.values();
    if (columns.all.isEmpty())
        return failure(u"the SQLite database has no table %1"_s.arg(table));
    if (columns.key.isEmpty())
        columns.key = {u"rowid"_s};
    return columns;
}

//! One value as both sides must agree on it: NULL, bytes, or text (numbers as their digits).
QString canonical(const QVariant &value)
{
    if (value.isNull())
        return u"\u0000N"_s;
    if (value.typeId() == QMetaType::QByteArray)
        return u"B"_s + QString::fromLatin1(value.toByteArray().toHex());
    return u"T"_s + value.toString();
}

//! A query over the rows of `table` in primary-key order, with the columns in `columns.all`.
//! Text keys are ordered by bytes on both sides (SQLite's BINARY, PostgreSQL's "C").
Result<std::unique_ptr<QSqlQuery>> orderedRows(
    SqlConnection &c, const QString &table, const Columns &columns)
{
    QStringList order;
    for (const QString &key : columns.key) {
        if (!c.isPostgres()) {
            order.append(key);
            continue;
        }
        // COLLATE on an integer column is an error: only on the text ones.
        QSqlQuery type(c.database());
        if (!type.exec(
                u"SELECT data_type FROM information_schema.columns WHERE table_schema = "
                "current_schema() AND table_name = '%1' AND column_name = '%2'"_s.arg(table, key))
            || !type.next())
            return failure(u"PostgreSQL has no column %1.%2"_s.arg(table, key));
        order.append(type.value(0).toString() == u"text"_s ? key + u" COLLATE \"C\""_s : key);
    }
    auto query = std::make_unique<QSqlQuery>(c.database());
    query->setForwardOnly(true);
    if (!query->exec(u"SELECT %1 FROM %2 ORDER BY %3"_s.arg(
            columns.all.join(u", "_s), table, order.join(u", "_s))))
        return failure(u"cannot read %1: %2"_s.arg(table, query->lastError().text()));
    return query;
}

Result<qint64> copyTable(
    SqlConnection &sqlite, SqlConnection &postgres, const QString &table, const Columns &columns)
{
    QStringList marks;
    for (qsizetype i = 0; i < columns.all.size(); ++i)
        marks.append(u"?"_s);
    QSqlQuery insert(postgres.database());
    if (!insert.prepare(u"INSERT INTO %1 (%2) VALUES (%3)"_s.arg(
            table, columns.all.join(u", "_s), marks.join(u", "_s))))
        return failure(u"cannot write %1: %2"_s.arg(table, insert.lastError().text()));
    QSqlQuery rows(sqlite.database());
    rows.setForwardOnly(true);
    if (!rows.exec(u"SELECT %1 FROM %2"_s.arg(columns.all.join(u", "_s), table)))
        return failure(u"cannot read %1: %2"_s.arg(table, rows.lastError().text()));
    qint64 copied = 0;
    while (rows.next()) {
        for (int i = 0; i < columns.all.size(); ++i)
            insert.bindValue(i, rows.value(i));
        if (!insert.exec()) {
            return failure(u"cannot copy a row of %1: %2"_s.arg(table, insert.lastError().text()));
        }
        ++copied;
    }
    return copied;
}

//! Compares the two sides of `table` row by row, both read in the same order at once; the
//! first difference is the error.
Status compare(
    SqlConnection &sqlite, SqlConnection &postgres, const QString &table, const Columns &columns)
{
    Result<std::unique_ptr<QSqlQuery>> source = orderedRows(sqlite, table, columns);
    if (!source)
        return source.error();
    Result<std::unique_ptr<QSqlQuery>> copied = orderedRows(postgres, table, columns);
    if (!copied)
        return copied.error();
    for (qint64 row = 1;; ++row) {
        const bool inSource = (*source)->next();
        const bool inCopy = (*copied)->next();
        if (!inSource && !inCopy)
            return Ok {};
        if (inSource != inCopy) {
            return failure(u"%1 has %2 rows in PostgreSQL than in SQLite"_s.arg(
                table, inCopy ? u"more"_s : u"fewer"_s));
        }
        for (int i = 0; i < columns.all.size(); ++i) {
            if (canonical((*source)->value(i)) != canonical((*copied)->value(i))) {
                return failure(u"%1 row %2 differs in %3 after the copy"_s.arg(table).arg(row).arg(
                    columns.all.at(i)));
            }
        }
    }
}

Status exec(SqlConnection &c, const QString &sql)
{
    QSqlQuery query(c.database());
    if (!query.exec(sql))
        return failure(query.lastError().text());
    return Ok {};
}

//! Copies `from` to `to`; a `to` that exists must hold the same bytes (an uploaded file is
//! named by its digest; a certificate already there that differs is refused, since the apps
//! pinned the one being copied). False when it could not.
bool copyFile(const QString &from, const QString &to)
{
    if (QFileInfo::exists(to)) {
        QFile a(from);
        QFile b(to);
        return a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly)
            && a.readAll() == b.readAll();
    }
    QDir().mkpath(QFileInfo(to).absolutePath());
    return QFile::copy(from, to) && QFile::setPermissions(to, QFile::permissions(from));
}

} // namespace

Result<Report> copy(
    const QString &sqliteFile, const DatabaseTarget &postgres, const QString &dataBase)
{
    if (!QFileInfo::exists(sqliteFile))
        return failure(u"there is no database at %1"_s.arg(sqliteFile));
    Result<std::unique_ptr<SqlConnection>> sqlite
        = SqlConnection::open(sqliteFile, u"hubbub-migrate-sqlite"_s, Durability::Full);
    if (!sqlite)
        return sqlite.error();
    // As a start of this server on the file would: one numbered step per transaction.
    if (Status s = migrate(**sqlite); !s)
        return s.error();
    Result<std::unique_ptr<SqlConnection>> pg
        = SqlConnection::open(postgres, u"hubbub-migrate-postgres"_s);
    if (!pg)
        return pg.error();
    SqlConnection &target = **pg;
    if (Status s = migratePostgres(target); !s)
        return s.error();

    if (Status s = exec(target, u"BEGIN"_s); !s)
        return s.error();
    const auto fail = [&target](const Error &error) {
        exec(target, u"ROLLBACK"_s);
        return error;
    };
    // No instance writes while the copy runs (they would wait for this lock, as writers do).
    if (Status s = exec(target, u"SELECT pg_advisory_xact_lock(%1)"_s.arg(0x48756262)); !s)
        return fail(s.error());
    for (const QString &table : Tables) {
        if (table == u"channels"_s)
            continue; // a new schema has #general; it goes below, as the copy brings its own
        QSqlQuery any(target.database());
        if (!any.exec(u"SELECT EXISTS (SELECT 1 FROM %1)"_s.arg(table)) || !any.next())
            return fail(failure(any.lastError().text()));
        if (any.value(0).toBool())
            return fail(failure(u"the PostgreSQL database already holds Hubbub data (%1); "
                                "migrate into an empty database"_s.arg(table)));
    }

    if (Status s = exec(target, u"DELETE FROM channels"_s); !s)
        return fail(s.error());

    Report report;
    QHash<QString, Columns> columns;
    for (const QString &table : Tables) {
        Result<Columns> found = columnsOf(**sqlite, table);
        if (!found)
            return fail(found.error());
        columns.insert(table, *found);
        if (table == u"read_floor"_s) {
            // The users' trigger gave each a floor as of now; the copied ones are the truth.
            if (Status s = exec(target, u"DELETE FROM read_floor"_s); !s)
                return fail(s.error());
        }
        Result<qint64> copied = copyTable(**sqlite, target, table, *found);
        if (!copied)
            return fail(copied.error());
        report.rows += *copied;
        ++report.tables;
        qCInfo(lcDb) << "copied" << *copied << "rows of" << table;
    }
    // The next id after every one ever given out: SQLite's AUTOINCREMENT never gives a
    // deleted row's id again (sqlite_sequence keeps the highest), and neither may PostgreSQL,
    // or a reply would quote a new message under a deleted one's id.
    for (const QString &table : IdentityTables) {
        QSqlQuery given((*sqlite)->database());
        if (!given.exec(u"SELECT seq FROM sqlite_sequence WHERE name = '%1'"_s.arg(table)))
            return fail(failure(given.lastError().text()));
        const qint64 highest = given.next() ? given.value(0).toLongLong() : 0;
        if (Status s = exec(target,
                u"SELECT setval(pg_get_serial_sequence('%1', 'id'), GREATEST(COALESCE((SELECT "
                "MAX(id) FROM %1), 0), %2) + 1, false)"_s.arg(table)
                    .arg(highest));
            !s)
            return fail(s.error());
    }
    for (const QString &table : Tables) {
        if (Status s = compare(**sqlite, target, table, columns.value(table)); !s)
            return fail(s.error());
    }

    // Beside the database: uploaded files (content-addressed, so a copy is never stale), and
    // the certificate the apps have pinned. Copied before COMMIT: a failure leaves no rows.
    const QString filesFrom = FileDisk::directoryFor(sqliteFile);
    const QString filesTo = FileDisk::directoryFor(dataBase);
    if (QFileInfo::exists(filesFrom)) {
        QDirIterator it(filesFrom, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString from = it.next();
            const QString relative = QDir(filesFrom).relativeFilePath(from);
            if (relative.startsWith(u"partial/"_s))
                continue; // uploads in progress start again
            if (!copyFile(from, filesTo + u'/' + relative))
                return fail(failure(u"cannot copy %1 to %2"_s.arg(from, filesTo)));
            ++report.files;
        }
    }
    const QString certificate = sqliteFile + u".cert.pem"_s;
    const QString key = sqliteFile + u".key.pem"_s;
    if (QFileInfo::exists(certificate) && QFileInfo::exists(key)) {
        if (!copyFile(certificate, dataBase + u".cert.pem"_s)
            || !copyFile(key, dataBase + u".key.pem"_s))
            return fail(failure(u"%1 holds another certificate or key than %2, or they cannot "
                                "be copied there; the apps pinned the server's, so remove "
                                "those (no instance must be running on them) and copy again"_s.arg(
                                    dataBase + u".cert.pem"_s, certificate)));
        report.certificate = true;
    }
    if (Status s = exec(target, u"COMMIT"_s); !s)
        return fail(s.error());
    return report;
}

} // namespace Hubbub::Server::SqliteToPostgres
