#include "exitcode.h"

#include "reply.h"

namespace Hubbub::Cli {

ExitCode exitCodeFor(const Error &error)
{
    switch (error.code) {
    case ErrorCode::Unauthorized:
        return ExitCode::NotSignedIn;
    case ErrorCode::NotFound:
        return ExitCode::NotFound;
    case ErrorCode::Forbidden:
        return ExitCode::Forbidden;
    default:
        return ExitCode::Failure;
    }
}

ExitCode exitCodeFor(const Client::Reply &reply)
{
    return reply.isTransportFailure() ? ExitCode::Unreachable : exitCodeFor(reply.error());
}

QString errorCodeOf(const Client::Reply &reply)
{
    switch (reply.outcome()) {
    case Client::Reply::Outcome::Timeout:
        return QStringLiteral("timeout");
    case Client::Reply::Outcome::Disconnected:
        return QStringLiteral("disconnected");
    default:
        return errorCodeName(reply.error().code);
    }
}

} // namespace Hubbub::Cli
