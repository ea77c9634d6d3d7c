#pragma once

#include "net/closecode.h"
#include "net/utf8validator.h"

#include <QByteArray>

namespace Hubbub::Server {

//! Parses what a client sends after the handshake into whole messages and control frames,
//! checking everything RFC 6455 asks a server to check: the mask, the reserved bits and
//! opcodes, control frames (at most 125 bytes, never fragmented), the order of fragments, the
//! size limit, UTF-8 over the whole reassembled text message, and close frame bodies.
//!
//! Bytes go in as they arrive, cut anywhere; next() hands out one message at a time, so the
//! caller decides how many it serves now (the fair share) and the rest waits unparsed.
class FrameReader
{
public:
    enum class Kind : quint8 {
        Text, //!< payload: the whole message, valid UTF-8
        Binary,
        Ping, //!< payload: the ping's body, to be echoed in the pong
        Pong,
        Close, //!< code (NoStatus if none) and payload: the reason, valid UTF-8
        Failed, //!< code: the close code to fail the connection with; payload: why, for logs
    };
    struct Message
    {
        Kind kind = Kind::Failed;
        quint16 code = 0;
        QByteArray payload;
    };

    //! `maxMessageBytes` bounds a frame and a reassembled message alike (1009 beyond it).
    explicit FrameReader(qint64 maxMessageBytes);

    //! Adds received bytes; ignored once the reader is done.
    void append(QByteArray bytes);
    //! The next message or control frame; false when more bytes are needed (or it is done).
    bool next(Message &message);
    //! Bytes appended that next() has not consumed yet.
    bool hasInput() const { return m_offset < m_input.size(); }
    //! After a close frame or a failure nothing more is parsed.
    bool isDone() const { return m_state == State::Done; }

private:
    enum class State : quint8 { Header, Payload, Done };

    //! Parses a frame header once all of it is there: 0 needs more bytes, 1 done, -1 failed.
    int readHeader(Message &failure);
    void readPayload();
    bool finishFrame(Message &message);
    bool fail(Message &message, quint16 code, const char *why);
    void stop();
    void releaseConsumed();

    QByteArray m_input;
    qsizetype m_offset = 0;
    QByteArray m_message; //!< the data message being reassembled
    QByteArray m_control; //!< the control frame being read
    Utf8Validator m_utf8;
    qint64 m_maxMessage;
    quint64 m_remaining = 0; //!< payload bytes of the current frame still to come
    quint32 m_mask = 0;
    quint8 m_maskOffset = 0;
    quint8 m_opcode = 0; //!< of the current frame
    quint8 m_messageOpcode = 0; //!< text or binary while a message is open, else 0
    bool m_fin = false;
    State m_state = State::Header;
};

} // namespace Hubbub::Server
