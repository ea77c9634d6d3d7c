#pragma once

#include "error.h"

#include <QString>

#include <optional>

//! Standard input and the terminal, for hubbub-cli: prompts without echo for passwords, and
//! text read from standard input or a file (`-`).
namespace Hubbub::Cli::Terminal {

//! Whether standard input is a terminal someone types at.
bool isInteractive();
//! Shows `prompt` on standard error and reads one line from the terminal without echoing it;
//! nullopt at the end of input.
std::optional<QString> askHidden(const QString &prompt);
//! The same with echo (a yes/no question).
std::optional<QString> ask(const QString &prompt);
//! All of standard input (`path` "-") or of a file, as UTF-8 text; an error (ErrorCode
//! Invalid) when it cannot be read or is not UTF-8.
Result<QString> readText(const QString &path);
//! A secret from a file or standard input: its first line, without the line break.
Result<QString> readSecret(const QString &path);

} // namespace Hubbub::Cli::Terminal
