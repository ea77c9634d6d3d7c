#pragma once

#include <QRandomGenerator>
#include <QString>
#include <QtGlobal>

namespace Hubbub::Test {

//! Whether the long forms of the fault tests run (HUBBUB_LONG_TESTS=1); CI runs the short ones.
inline bool longTests()
{
    return qEnvironmentVariableIntValue("HUBBUB_LONG_TESTS") == 1;
}

//! The seed of a randomised run: HUBBUB_SEED if set, else a fresh one. Printed, so that a failed
//! run can be replayed.
inline quint32 testSeed()
{
    bool ok = false;
    const quint32 fromEnvironment = qEnvironmentVariable("HUBBUB_SEED").toUInt(&ok);
    const quint32 seed = ok ? fromEnvironment : QRandomGenerator::global()->generate();
    qInfo("seed %u (HUBBUB_SEED=%u replays the random choices)", seed, seed);
    return seed;
}

} // namespace Hubbub::Test
