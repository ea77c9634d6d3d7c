// files: upload and download throughput of one file (part "files", 100 MiB by default) over
// loopback, in MiB/s of file bytes, against the yardstick of `cp` of the same file on the same
// disk (the folder of --db, where the server keeps its files), fsync included on both sides.
#include "benchoptions.h"
#include "fleet.h"
#include "modes.h"
#include "report.h"
#include "targetserver.h"
#include "workerpool.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QThread>

namespace Hubbub::Bench {

namespace {

constexpr qint64 MiB = 1024 * 1024;
constexpr qint64 Chunk = 4 * MiB;

double mibPerSecond(qint64 bytes, qint64 ns)
{
    return ns > 0 ? double(bytes) / MiB / (double(ns) / 1e9) : 0;
}

//! `cp` of the file to the same folder, then `sync` of the copy: what the upload is held to.
qint64 copyNs(const QString &source, const QString &folder)
{
    const QString target = QDir(folder).filePath(QStringLiteral("bench-copy"));
    QElapsedTimer timer;
    timer.start();
    const int cp = QProcess::execute(QStringLiteral("cp"), {source, target});
    const int sync = QProcess::execute(QStringLiteral("sync"), {target});
    const qint64 ns = timer.nsecsElapsed();
    QFile::remove(target);
    return cp == 0 && sync == 0 ? ns : -1;
}

} // namespace

void runFiles(const Options &o, TargetServer &server, Report &report)
{
    Q_UNUSED(server);
    const qint64 size = o.fileMiB * MiB;
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator random(7);
    random.fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    const QString id
        = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());

    WorkerPool pool(1);
    Controller control(pool, 0);
    if (!control.open(o.url, 10000)) {
        report.setFailed(QStringLiteral("cannot connect"));
        return;
    }
    if (control
            .registerUser(
                QStringLiteral("files-%1").arg(QString::number(nowNs() % 1000000007, 36)), 30000)
            .isEmpty()) {
        report.setFailed(QStringLiteral("auth.register failed"));
        return;
    }
    report.set(QStringLiteral("fileMiB"), o.fileMiB);

    // Upload: one chunk at a time, as the desktop app sends them.
    const qint64 upStart = nowNs();
    Controller::Answer answer = control.call(QStringLiteral("file.begin"),
        {{QStringLiteral("name"), QStringLiteral("bench.bin")}, {QStringLiteral("size"), size},
            {QStringLiteral("sha256"), id}},
        30000);
    if (!answer.errorCode().isEmpty()) {
        report.setFailed(QStringLiteral("file.begin: ") + answer.errorCode());
        return;
    }
    if (answer.reply.value(QLatin1StringView("complete")).toBool()) {
        report.setFailed(QStringLiteral("the file is stored already; use a fresh --db"));
        return;
    }
    qint64 waitedMs = 0;
    for (qint64 offset = 0; offset < size; offset += Chunk) {
        const QString data = QString::fromLatin1(bytes.mid(offset, Chunk).toBase64());
        for (int attempt = 0; attempt < 100; ++attempt) {
            answer = control.call(QStringLiteral("file.chunk"),
                {{QStringLiteral("fileId"), id}, {QStringLiteral("offset"), offset},
                    {QStringLiteral("data"), data}},
                60000);
            if (answer.errorCode() != u"rate_limited")
                break;
            // Over the connection's byte budget: wait as told, as the desktop app does.
            const qint64 retry = answer.reply.value(QLatin1StringView("error"))
                                     .toObject()
                                     .value(QLatin1StringView("retryAfterMs"))
                                     .toInteger(100);
            QThread::msleep(quint64(std::max<qint64>(retry, 1)));
            waitedMs += retry;
        }
        if (!answer.errorCode().isEmpty()) {
            report.setFailed(QStringLiteral("file.chunk: ") + answer.errorCode());
            return;
        }
    }
    answer = control.call(QStringLiteral("file.finish"), {{QStringLiteral("fileId"), id}}, 60000);
    if (!answer.errorCode().isEmpty()) {
        report.setFailed(QStringLiteral("file.finish: ") + answer.errorCode());
        return;
    }
    const qint64 upNs = nowNs() - upStart;
    report.set(QStringLiteral("uploadRateLimitedMs"), waitedMs);
    report.set(QStringLiteral("finishMs"), answer.ms);

    // Download: 4 MiB pieces, one at a time.
    const qint64 downStart = nowNs();
    qint64 received = 0;
    while (received < size) {
        answer = control.call(QStringLiteral("file.get"),
            {{QStringLiteral("fileId"), id}, {QStringLiteral("offset"), received}}, 60000);
        if (!answer.errorCode().isEmpty()) {
            report.setFailed(QStringLiteral("file.get: ") + answer.errorCode());
            return;
        }
        received += QByteArray::fromBase64(
            answer.reply.value(QLatin1StringView("data")).toString().toLatin1())
                        .size();
    }
    const qint64 downNs = nowNs() - downStart;

    // The yardstick: the same bytes copied on the same disk.
    const QString folder = o.db.isEmpty() ? QDir::tempPath() : QFileInfo(o.db).absolutePath();
    const QString source = QDir(folder).filePath(QStringLiteral("bench-source"));
    QFile file(source);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != size) {
        report.setFailed(QStringLiteral("cannot write %1").arg(source));
        return;
    }
    file.close();
    QProcess::execute(QStringLiteral("sync"), {source});
    const qint64 cpNs = copyNs(source, folder);
    QFile::remove(source);

    report.set(QStringLiteral("uploadMiBps"), mibPerSecond(size, upNs));
    report.set(QStringLiteral("downloadMiBps"), mibPerSecond(size, downNs));
    report.set(QStringLiteral("cpMiBps"), mibPerSecond(size, cpNs));
    report.set(QStringLiteral("uploadVsCp"), cpNs > 0 ? double(cpNs) / double(upNs) : 0);
}

} // namespace Hubbub::Bench
