#pragma once

#include "net/framereader.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>

#include <cstdint>
#include <memory>
#include <span>

namespace Hubbub::Server {

class FairShare;
class FlushScheduler;
class Handshake;
class Transport;

//! One client connection, from the accepted TCP socket through the WebSocket handshake to the
//! closing handshake: it reads frames (FrameReader), answers pings and close frames, serves
//! messages to its receiver within the connection's fair share of each pass of the event
//! loop, and writes frames built once for every peer (WireFrame) with one send() per pass.
class Connection final : public QObject
{
    Q_OBJECT
public:
    //! Whoever serves the connection: the listener during the handshake, then a session.
    class Receiver
    {
    public:
        //! The handshake succeeded; the receiver may hand the connection on (setReceiver).
        virtual void upgraded(Connection &) { }
        //! A whole text (valid UTF-8) or binary message. Never after our close frame.
        virtual void received(Connection &connection, FrameReader::Message &&message) = 0;
        //! The TCP connection is gone; the receiver deletes the connection (deleteLater).
        virtual void closed(Connection &connection) = 0;

    protected:
        ~Receiver() = default;
    };

    //! Shared by every connection of a listener.
    struct Services
    {
        FlushScheduler &flusher;
        FairShare &share;
        qint64 maxOutgoingBytes; //!< unsent bytes beyond which a peer that does not read is dropped
        qint64 maxMessageBytes; //!< incoming frames and messages, 1009 beyond
    };

    //! Takes `transport` (connected, a child from now on) through the handshake first.
    Connection(Transport *transport, const Services &services, Receiver *receiver,
        QObject *parent = nullptr);
    ~Connection() override;
    Q_DISABLE_COPY_MOVE(Connection)

    void setReceiver(Receiver *receiver) { m_receiver = receiver; }
    Transport *transport() const { return m_transport; }
    //! Read from the socket when asked; empty once it has disconnected.
    QString peerAddress() const;

    //! Sends built frames (WireFrame), e.g. events shared by every peer. The first frames of
    //! a pass to a peer with nothing waiting leave at once (one send()); later ones wait for
    //! the end of the pass, then leave together. What is sent while the connection serves what
    //! it read (replies to a pipelined burst) leaves together when it is done. A peer whose
    //! unsent bytes pass the bound is dropped.
    void send(std::span<const QByteArray> frames);
    void send(const QByteArray &frame);
    //! Asks the CPU to fetch what send() reads of this connection, and of its transport, while
    //! it does something else: a broadcast calls it for the peers ahead of the one it sends to.
    void prefetch() const
    {
        const auto *first = reinterpret_cast<const char *>(&m_transport);
        prefetchBytes(first, std::size_t(reinterpret_cast<const char *>(&m_waiting + 1) - first));
    }
    //! The same for the transport (its vtable pointer and what writeFrames() reads: the whole
    //! object, TransportPrefetchBytes at most); reads m_transport, so prefetch() it first.
    void prefetchTransport() const { prefetchBytes(m_transport, TransportPrefetchBytes); }
    static constexpr std::size_t TransportPrefetchBytes = 128;
    //! A ping; the pong (or any other traffic) shows the peer is alive.
    void ping();
    //! Sends what is waiting, then the close frame, and half-closes the connection: the peer
    //! answers with its own close frame and closes, and the connection is gone then (or dropped
    //! as silent). Nothing is sent or served after this.
    void close(quint16 code, const QString &reason);
    //! Ends the connection at once, without a close frame (the peer is gone or hostile).
    void abort();
    //! abort() from the event loop, for callers that may be iterating over connections.
    void drop(const char *reason);

    bool isOpen() const { return m_state == State::Open; }
    bool isClosing() const { return m_state == State::Closing; }
    bool isDropping() const { return m_state == State::Dropping; }
    qint64 silentForMs() const { return m_lastHeard.elapsed(); }

    //! Whether this connection may still have messages served in this pass (FairShare).
    bool withinShare();
    //! Serves what has arrived, as far as the fair share allows; the rest waits, with reading
    //! paused, for a later pass (FairShare calls this again).
    void serve();

    //! Hints the CPU to load `bytes` from `address` into its cache (no-op where unsupported).
    static void prefetchBytes(const void *address, std::size_t bytes)
    {
#if defined(__GNUC__) || defined(__clang__)
        // Every 64-byte line from the first byte to the last, whatever the alignment.
        const auto first = reinterpret_cast<std::uintptr_t>(address) & ~std::uintptr_t(63);
        const auto last = reinterpret_cast<std::uintptr_t>(address) + bytes - 1;
        for (std::uintptr_t line = first; line <= last; line += 64)
            __builtin_prefetch(reinterpret_cast<const void *>(line));
#else
        Q_UNUSED(address);
        Q_UNUSED(bytes);
#endif
    }

private:
    friend class FlushScheduler;
    enum class State : quint8 { Handshake, Open, Closing, Dropping, Gone };

    void onReadyRead();
    void readHandshake();
    void onDisconnected();
    void serveMessages();
    void handle(FrameReader::Message &&message);
    void flush();
    void writeWaiting();
    void pauseReading(bool paused);

    // What send() reads comes first, together (prefetch()): a broadcast touches every peer's
    // connection once per event, and on a cold cache each line is a miss.
    Transport *m_transport;
    const Services &m_services;
    quint64 m_sentPass = ~quint64(0); //!< the pass of the last frames sent at once
    State m_state = State::Handshake;
    bool m_flushQueued = false;
    bool m_serving = false; //!< in serve(): what is sent waits for its end
    bool m_paused = false;
    QList<QByteArray> m_waiting; //!< frames of this pass, shared with the other peers

    Receiver *m_receiver;
    std::unique_ptr<Handshake> m_handshake; //!< only until the upgrade
    FrameReader m_reader;
    std::unique_ptr<FrameReader::Message> m_held; //!< parsed, waiting for the next share
    QElapsedTimer m_lastHeard;
    quint64 m_sharePass = ~quint64(0); //!< no pass yet: the first message always has its share
    qint64 m_shareStartNs = 0;
};

} // namespace Hubbub::Server
