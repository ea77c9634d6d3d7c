#include "postgres.h"

#include "targetserver.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <unistd.h>

namespace Hubbub::Bench {

namespace {

//! Runs one statement on the maintenance connection to `url`'s cluster; an error's text, or
//! an empty string.
QString runOnCluster(const QUrl &url, const QString &statement)
{
    const QString name = QStringLiteral("hubbub-bench-admin");
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setDatabaseName(url.path().mid(1));
        if (!db.open()) {
            error = db.lastError().text();
        } else {
            QSqlQuery query(db);
            if (!query.exec(statement))
                error = query.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}

//! utime + stime (+ cutime + cstime with `children`) of one process, in clock ticks.
qint64 statTicks(const QString &pid, bool children, qint64 *parent = nullptr)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = file.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 15)
        return -1;
    if (parent)
        *parent = fields.at(1).toLongLong();
    qint64 ticks = fields.at(11).toLongLong() + fields.at(12).toLongLong();
    if (children)
        ticks += fields.at(13).toLongLong() + fields.at(14).toLongLong();
    return ticks;
}

} // namespace

QUrl createScratchDatabase(const QUrl &url, QString &error)
{
    static int counter = 0;
    const QString name = QStringLiteral("hubbub_bench_%1_%2")
                             .arg(QCoreApplication::applicationPid())
                             .arg(++counter);
    error = runOnCluster(url, QStringLiteral("CREATE DATABASE %1").arg(name));
    if (!error.isEmpty())
        return {};
    QUrl scratch = url;
    scratch.setPath(QLatin1Char('/') + name);
    return scratch;
}

void dropScratchDatabase(const QUrl &url)
{
    QUrl admin = url;
    admin.setPath(QStringLiteral("/postgres"));
    runOnCluster(
        admin, QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(url.path().mid(1)));
}

qint64 postgresCpuMicros(const QString &clusterDir)
{
    QFile pidFile(QDir(clusterDir).filePath(QStringLiteral("data/postmaster.pid")));
    if (clusterDir.isEmpty() || !pidFile.open(QIODevice::ReadOnly))
        return -1;
    const QString postmaster = QString::fromLatin1(pidFile.readLine().trimmed());
    qint64 ticks = statTicks(postmaster, true);
    if (ticks < 0)
        return -1;
    const qint64 postmasterPid = postmaster.toLongLong();
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        if (entry.isEmpty() || !entry.at(0).isDigit() || entry == postmaster)
            continue;
        qint64 parent = 0;
        const qint64 child = statTicks(entry, false, &parent);
        if (child > 0 && parent == postmasterPid)
            ticks += child;
    }
    return ticks * 1000000 / sysconf(_SC_CLK_TCK);
}

} // namespace Hubbub::Bench
