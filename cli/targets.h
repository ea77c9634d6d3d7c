#pragma once

#include <QString>

#include <functional>

namespace Hubbub::Cli {

class Runner;

//! A channel as a command names it: `#general` or `general` (a public channel by name, any
//! case), `12` (a channel or conversation by id), or `@bob` (the direct conversation with
//! bob). `done` gets its id and how to call it ("#general", "@bob"); a name that matches
//! nothing ends the program with 4. `openDirect`: a conversation with @bob that does not exist
//! yet is opened (to send to it) rather than not found (to read it).
void resolveChannel(Runner &runner, const QString &name, bool openDirect,
    std::function<void(qint64 channelId, const QString &label)> done);

} // namespace Hubbub::Cli
