#pragma once

#include <QString>
#include <QUrl>

namespace Hubbub::Bench {

//! A fresh, empty database next to the one `url` names (postgresql://USER@HOST:PORT/DB), made
//! with CREATE DATABASE over Qt's PostgreSQL driver, so that every run starts from the same
//! empty schema; its URL, or an invalid one with `error` set.
QUrl createScratchDatabase(const QUrl &url, QString &error);
//! Drops a database made by createScratchDatabase() (best effort: the cluster is a throwaway).
void dropScratchDatabase(const QUrl &url);
//! CPU time of a PostgreSQL cluster in microseconds: the postmaster (with the children it has
//! reaped) and every live child (backends, WAL writer, checkpointer...). `clusterDir` is a
//! folder made by scripts/pg-cluster.sh (its postmaster.pid is in DIR/data); -1 when unknown.
qint64 postgresCpuMicros(const QString &clusterDir);

} // namespace Hubbub::Bench
