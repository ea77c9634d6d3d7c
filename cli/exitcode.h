#pragma once

#include "error.h"

#include <QString>

namespace Hubbub::Client {
class Reply;
}

namespace Hubbub::Cli {

//! What hubbub-cli's exit status means: a script's contract, listed in `--help` and
//! docs/cli.md. Append only; never renumber.
enum class ExitCode : int {
    Ok = 0,
    Failure = 1, //!< the server refused for another reason (invalid, conflict, internal, …)
    Usage = 2, //!< the command line is wrong, or an input (stdin, a file) cannot be read
    NotSignedIn = 3, //!< no token, or the server refused the token or the password
    NotFound = 4, //!< the channel, user, message or invite does not exist
    Forbidden = 5, //!< signed in but not allowed (an admin verb as a member)
    Unreachable = 6, //!< the server cannot be reached or did not answer in time
    Untrusted = 7, //!< the server's TLS certificate is not trusted (see --trust-fingerprint)
    EventsLost = 8, //!< tail: the server no longer has the events after the state's seq
};

//! The exit status for an error the server sent: unauthorized 3, not_found 4, forbidden 5,
//! anything else 1.
ExitCode exitCodeFor(const Error &error);
//! The same for a reply; a timeout or a dropped connection is 6.
ExitCode exitCodeFor(const Client::Reply &reply);
//! The name a failure goes by on stderr and in `--json` errors: the server's code
//! (`not_found`), or for a reply that never came `timeout` / `disconnected`.
QString errorCodeOf(const Client::Reply &reply);

} // namespace Hubbub::Cli
