#pragma once

#include <QByteArrayView>

namespace Hubbub::Server {

//! Checks UTF-8 as it arrives, in pieces cut anywhere (RFC 3629: no overlong forms, no
//! surrogates, nothing above U+10FFFF). A text message may be fragmented inside a character
//! (RFC 6455, 5.6), so validity is a property of the whole message: feed every piece, then ask
//! isComplete(). An invalid byte is reported as soon as it arrives, so a connection sending
//! garbage fails at once rather than after its whole message.
class Utf8Validator
{
public:
    //! False once any byte so far cannot be part of valid UTF-8.
    bool feed(QByteArrayView bytes);
    //! True when everything fed so far is valid and no character is left unfinished.
    bool isComplete() const { return m_needed == 0 && !m_failed; }
    void reset() { *this = Utf8Validator(); }

private:
    unsigned char m_needed = 0; //!< continuation bytes still to come for this character
    unsigned char m_low = 0x80; //!< the range the next continuation byte must be in
    unsigned char m_high = 0xbf;
    bool m_failed = false;
};

} // namespace Hubbub::Server
