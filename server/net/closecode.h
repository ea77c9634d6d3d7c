#pragma once

#include <QtGlobal>

namespace Hubbub::Server {

//! Close codes (RFC 6455, 7.4.1) that the server sends or reads. A peer may close with any
//! valid code (isValidCloseCode), so a code travels as a quint16; these name the ones we use.
namespace CloseCode {
enum Code : quint16 {
    Normal = 1000,
    GoingAway = 1001, //!< the server shuts down
    ProtocolError = 1002,
    NoStatus = 1005, //!< a close frame without a code; never sent
    InvalidData = 1007, //!< text that is not UTF-8
    TooBig = 1009,
    //! Application codes (docs/protocol.md, "Accounts an admin runs"): the connection's
    //! session was ended (another device signed it out, the password changed or was reset).
    SignedOut = 4001,
    AccountDisabled = 4003, //!< an admin disabled the account
};
} // namespace CloseCode

//! Whether a peer may put `code` in a close frame: 1000-1003, 1007-1014 (registered with IANA)
//! and 3000-4999 (libraries and applications). 1004-1006 and 1015 must never be sent.
bool isValidCloseCode(quint16 code);

} // namespace Hubbub::Server
