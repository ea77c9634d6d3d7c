// tst_fuzzregressions: the standalone replay of the fuzz targets, built with the normal
// compiler as a plain test. Every file under corpus/, corpus-from-tests/, corpus-frames/ and
// regressions/ goes through every target's body (fuzz_codec, fuzz_frames, fuzz_dispatch), so an
// input that once crashed the server, or broke one of the targets' checks, fails CTest if it
// ever does again.
// Usage: tst_fuzzregressions [file or folder ...] (default: the folders above).

#include "fuzztargets.h"

#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace {

QStringList inputFiles(const QStringList &roots)
{
    QStringList files;
    for (const QString &root : roots) {
        if (QFileInfo(root).isFile()) {
            files.append(root);
            continue;
        }
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (!path.endsWith(QLatin1StringView(".md"))
                && !path.endsWith(QLatin1StringView(".gitkeep")))
                files.append(path);
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace

int main(int argc, char **argv)
{
    QStringList roots;
    for (int i = 1; i < argc; ++i)
        roots.append(QString::fromLocal8Bit(argv[i]));
    if (roots.isEmpty()) {
        const QDir fuzz(QStringLiteral(HUBBUB_FUZZ_INPUTS));
        for (const char *folder : {"corpus", "corpus-from-tests", "corpus-frames", "regressions"})
            roots.append(fuzz.filePath(QString::fromLatin1(folder)));
    }
    // initDispatch makes the QCoreApplication; give it no arguments to misread.
    int appArgc = 1;
    Hubbub::Fuzz::initDispatch(&appArgc, &argv);

    const QStringList files = inputFiles(roots);
    if (files.isEmpty()) {
        std::fprintf(stderr, "no inputs found\n");
        return 1;
    }
    QElapsedTimer timer;
    timer.start();
    for (const QString &path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
            return 1;
        }
        const QByteArray data = file.readAll();
        // Printed before running: after a crash the last line names the input.
        std::fprintf(stderr, "replaying %s\n", qPrintable(path));
        const auto *bytes = reinterpret_cast<const std::uint8_t *>(data.constData());
        Hubbub::Fuzz::codec(bytes, std::size_t(data.size()));
        Hubbub::Fuzz::frames(bytes, std::size_t(data.size()));
        Hubbub::Fuzz::dispatch(bytes, std::size_t(data.size()));
    }
    std::printf(
        "replayed %lld inputs through fuzz_codec, fuzz_frames and fuzz_dispatch in %lld ms: "
        "no finding\n",
        static_cast<long long>(files.size()), static_cast<long long>(timer.elapsed()));
    std::fflush(stdout);
    // Like libFuzzer: leave without tearing the in-process server down.
    std::_Exit(0);
}
