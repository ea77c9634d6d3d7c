#include "postgresscratch.h"

#include "testserver.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUrl>

#include <atomic>

using namespace Qt::StringLiterals;

namespace Hubbub::Test::Cluster {

QString skipReason()
{
    const QString missing = qEnvironmentVariable("HUBBUB_POSTGRES_MISSING");
    if (!missing.isEmpty())
        return u"PostgreSQL is not installed: "_s + missing;
    if (testPostgresUrl().isEmpty())
        return u"HUBBUB_TEST_POSTGRES is not set: this test runs against the CTest fixture "
               "hubbub_postgres (ctest -L postgres)"_s;
    return {};
}

namespace {

std::atomic<int> serial = 0;

//! A connection of its own to `url`, closed and removed when it goes.
class Connection final
{
public:
    explicit Connection(const QString &url)
        : m_name(u"tst_multiinstance_%1"_s.arg(++serial))
    {
        m_db = QSqlDatabase::addDatabase(u"QPSQL"_s, m_name);
        if (!m_db.isValid())
            m_error = u"the Qt driver QPSQL is not installed (Debian: libqt6sql6-psql)"_s;
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

    QString error() const { return m_error; }
    QSqlDatabase &db() { return m_db; }

private:
    QString m_name;
    QSqlDatabase m_db;
    QString m_error;
};

//! `url` naming the database `name` instead of its own, its query items kept.
QString withDatabase(const QString &url, const QString &name)
{
    QUrl result(url);
    result.setPath(u"/"_s + name);
    return result.toString(QUrl::FullyEncoded);
}

} // namespace

bool execOn(const QString &url, const QStringList &statements, QString *error)
{
    Connection connection(withPostgresOptions(url, u"-c client_min_messages=warning"_s));
    if (!connection.error().isEmpty()) {
        *error = connection.error();
        return false;
    }
    QSqlQuery query(connection.db());
    for (const QString &sql : statements) {
        if (!query.exec(sql)) {
            *error = sql + u": "_s + query.lastError().text();
            return false;
        }
    }
    return true;
}

ScratchDatabase::ScratchDatabase(const QString &clusterUrl, Mode mode)
    : m_clusterUrl(clusterUrl)
    , m_name(u"hubbub_mi_%1_%2"_s.arg(QCoreApplication::applicationPid()).arg(++serial))
    , m_url(withDatabase(clusterUrl, m_name))
    , m_mode(mode)
{
    if (m_mode == Mode::Existing) {
        m_url = clusterUrl;
        m_name = QUrl(clusterUrl).path().mid(1);
        return;
    }
    // One left by a killed run that had the same pid goes first.
    if (!execOn(m_clusterUrl,
            {u"DROP DATABASE IF EXISTS "_s + m_name + u" WITH (FORCE)"_s,
                u"CREATE DATABASE "_s + m_name},
            &m_error))
        m_error = u"cannot make the database "_s + m_name + u": "_s + m_error;
}

ScratchDatabase::~ScratchDatabase()
{
    if (m_mode == Mode::Existing)
        return;
    // FORCE: a server still connected (a failed case) cannot keep it.
    QString error;
    if (!execOn(
            m_clusterUrl, {u"DROP DATABASE IF EXISTS "_s + m_name + u" WITH (FORCE)"_s}, &error))
        qWarning("cannot drop the database %s: %s", qPrintable(m_name), qPrintable(error));
}

QList<QVariantList> ScratchDatabase::select(
    const QString &sql, const QVariantList &values, QStringList &problems) const
{
    Connection connection(m_url);
    if (!connection.error().isEmpty()) {
        problems.append(u"cannot open "_s + m_name + u": "_s + connection.error());
        return {};
    }
    QSqlQuery query(connection.db());
    query.setForwardOnly(true);
    bool ok = query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    ok = ok && query.exec();
    if (!ok) {
        problems.append(sql + u": "_s + query.lastError().text());
        return {};
    }
    QList<QVariantList> rows;
    while (query.next()) {
        QVariantList row;
        for (int i = 0; i < query.record().count(); ++i)
            row.append(query.value(i));
        rows.append(row);
    }
    return rows;
}

QList<StoredEvent> ScratchDatabase::events(QStringList &problems) const
{
    QList<StoredEvent> events;
    const QList<QVariantList> rows
        = select(u"SELECT seq, frame FROM events ORDER BY seq"_s, {}, problems);
    for (const QVariantList &row : rows) {
        events.append(StoredEvent {row.at(0).toLongLong(),
            QJsonDocument::fromJson(row.at(1).toString().toUtf8()).object()});
    }
    return events;
}

PrivateCluster::PrivateCluster()
    // The user postgres (under root) must reach it; the socket's path must stay short.
    : m_dir(u"/tmp/hubbub-pg-mi-%1"_s.arg(QCoreApplication::applicationPid()))
{ }

PrivateCluster::~PrivateCluster()
{
    if (m_restart && m_restart->state() != QProcess::NotRunning)
        m_restart->waitForFinished(60000);
    if (!m_started)
        return;
    QProcess stop;
    stop.start(QStringLiteral(HUBBUB_PG_CLUSTER_SCRIPT), {u"stop"_s, m_dir});
    if (!stop.waitForFinished(60000) || stop.exitCode() != 0)
        qWarning("cannot remove the cluster in %s: %s", qPrintable(m_dir),
            stop.readAllStandardError().constData());
}

bool PrivateCluster::start(QString *error)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(HUBBUB_PG_CLUSTER_SCRIPT), {u"start"_s, m_dir});
    m_started = true;
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        *error = QString::fromUtf8(process.readAll());
        return false;
    }
    return true;
}

QProcess &PrivateCluster::restartImmediately()
{
    m_restart = std::make_unique<QProcess>();
    m_restart->setProcessChannelMode(QProcess::MergedChannels);
    m_restart->start(
        QStringLiteral(HUBBUB_PG_CLUSTER_SCRIPT), {u"restart"_s, m_dir, u"immediate"_s});
    return *m_restart;
}

QString PrivateCluster::url() const
{
    return u"postgresql://postgres@localhost:5432/hubbub?host="_s + m_dir;
}

} // namespace Hubbub::Test::Cluster
