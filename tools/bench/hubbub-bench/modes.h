#pragma once

#include <QStringList>
#include <QUrl>

#include <vector>

namespace Hubbub::Bench {

struct Options;
class Report;
class TargetServer;
class WorkerPool;

void runFanout(const Options &options, TargetServer &server, Report &report);
void runWrites(const Options &options, TargetServer &server, Report &report);
void runConnections(const Options &options, TargetServer &server, Report &report);
void runHistory(const Options &options, TargetServer &server, Report &report);
//! search: query latencies on a database of seeded messages and posts.
void runSearch(const Options &options, TargetServer &server, Report &report);
//! Seeds options.db for `search` when the file does not exist yet; false (report failed) on error.
bool seedSearchDatabase(const Options &options, Report &report);
//! Upload and download throughput of one file against `cp` (part "files").
void runFiles(const Options &options, TargetServer &server, Report &report);
//! failover: clients on instance 0 of several on one PostgreSQL database; instance 0 is killed
//! (SIGKILL) and the time until each client is signed in again on instance 1 and its `sync`
//! from its last seq answered is measured.
void runFailover(const Options &options, std::vector<TargetServer *> &servers, Report &report);
//! Writes the seeded database at options.db with the server's own stores.
void runSeed(const Options &options, Report &report);

//! Registers `count` users (one at a time: each costs an argon2id hash on the server, and the
//! server allows only a few at once) and returns their tokens; empty on failure.
QStringList registerUsers(WorkerPool &pool, const QUrl &url, int count, Report &report);

} // namespace Hubbub::Bench
