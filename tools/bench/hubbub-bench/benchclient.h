#pragma once

#include <QJsonObject>
#include <QObject>
#include <QUrl>
#include <QWebSocket>

#include <deque>
#include <functional>

namespace Hubbub::Bench {

//! One protocol-v1 connection as a real client makes it (QWebSocket, request ids, one reply
//! per request in order), with a cheap path for events: they are handed over as text, not
//! parsed, because a subscriber may receive tens of thousands of them per second.
class BenchClient final : public QObject
{
    Q_OBJECT
public:
    using ReplyHandler = std::function<void(const QJsonObject &reply)>;
    using EventHandler = std::function<void(QStringView frame)>;

    explicit BenchClient(QObject *parent = nullptr);
    ~BenchClient() override;
    Q_DISABLE_COPY_MOVE(BenchClient)

    //! Connects; `done(true)` once the WebSocket is open, `done(false)` on failure.
    void open(const QUrl &url, std::function<void(bool)> done);
    //! Sends a request; `done` gets the reply object (or an error reply made up here when the
    //! connection closes first).
    void request(const QString &type, QJsonObject params, ReplyHandler done);
    //! Anything that is not a reply to a request of ours: events, presence, typing.
    void setEventHandler(EventHandler handler) { m_onEvent = std::move(handler); }
    void setClosedHandler(std::function<void()> handler) { m_onClosed = std::move(handler); }
    bool isOpen() const { return m_open; }
    int pending() const { return int(m_pending.size()); }
    //! When the frame being handled arrived (steady clock, ns), before any JSON parsing: what
    //! a latency figure should end at, so that it measures the server, not our parser.
    qint64 arrivalNs() const { return m_arrivalNs; }
    void abort();

    //! A reply's error code, or an empty string when it is ok.
    static QString errorCode(const QJsonObject &reply);

private:
    void onText(const QString &text);
    void failPending(const QString &why);

    QWebSocket m_socket;
    std::deque<std::pair<qint64, ReplyHandler>> m_pending;
    qint64 m_arrivalNs = 0;
    std::function<void(bool)> m_onOpen;
    std::function<void()> m_onClosed;
    EventHandler m_onEvent;
    qint64 m_nextId = 1;
    bool m_open = false;
};

} // namespace Hubbub::Bench
