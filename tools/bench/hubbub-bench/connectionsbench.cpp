// connections: N idle authenticated connections; server RSS per connection and accept time.
#include "benchoptions.h"
#include "fleet.h"
#include "modes.h"
#include "rawfleet.h"
#include "report.h"
#include "targetserver.h"
#include "workerpool.h"

#include <QThread>

#include <cmath>

namespace Hubbub::Bench {

void runConnections(const Options &o, TargetServer &server, Report &report)
{
    WorkerPool pool(o.threads);
    const QStringList tokens = registerUsers(pool, o.url, o.users, report);
    if (tokens.isEmpty())
        return;
    // Let the registration's allocations settle before the baseline.
    QThread::msleep(500);
    const qint64 before = server.rssKb();
    // Plain sockets: the generator's own cost per connection stays small at 10,000.
    RawFleet fleet(o.threads, o.url, tokens, [](int, int, const char *, std::size_t) {});
    TargetServer::perfCounters(true); // the connect phase alone

    const qint64 cpu0 = server.cpuMicros();
    const qint64 start = nowNs();
    const bool ok = fleet.open(o.connections, 300000, 128);
    const double seconds = double(nowNs() - start) / 1e9;
    const qint64 cpu1 = server.cpuMicros();
    TargetServer::perfCounters(false);
    // Idle means idle: give the server a moment to finish what the logins set off.
    QThread::msleep(1000);
    const qint64 after = server.rssKb();
    report.set(QStringLiteral("connections"), fleet.authenticated());
    report.set(QStringLiteral("connectionsFailed"), fleet.failed());
    report.set(QStringLiteral("connectSeconds"), std::round(seconds * 1000) / 1000);
    report.set(QStringLiteral("connectionsPerSec"), std::round(fleet.authenticated() / seconds));
    if (cpu0 >= 0 && cpu1 >= 0 && fleet.authenticated() > 0) {
        // utime + stime in 10 ms ticks: over a second or more, about 1 % of the figure.
        report.set(QStringLiteral("serverCpuUsPerConnection"),
            std::round(double(cpu1 - cpu0) / fleet.authenticated() * 100) / 100);
    }
    report.set(QStringLiteral("serverRssBeforeKb"), before);
    report.set(QStringLiteral("serverRssAfterKb"), after);
    report.set(QStringLiteral("serverPeakRssKb"), server.peakRssKb());
    if (before >= 0 && fleet.authenticated() > 0) {
        report.set(QStringLiteral("rssKbPerConnection"),
            std::round(double(after - before) / fleet.authenticated() * 100) / 100);
    }
    report.set(QStringLiteral("closedByServer"), fleet.closed());
    if (!ok) {
        report.setFailed(QStringLiteral("%1 of %2 connections failed (%3)")
                             .arg(fleet.failed())
                             .arg(o.connections)
                             .arg(fleet.firstError()));
    }
}

} // namespace Hubbub::Bench
