#pragma once

#include <QtGlobal>

namespace Hubbub::Test {

//! What /proc says of a process (Linux): for tests that bound a server's memory and CPU.
namespace ProcessProbe {

//! Resident memory (VmRSS) in bytes, or -1.
qint64 residentBytes(qint64 pid);
//! User + system CPU time in milliseconds, or -1.
qint64 cpuMs(qint64 pid);

} // namespace ProcessProbe

} // namespace Hubbub::Test
