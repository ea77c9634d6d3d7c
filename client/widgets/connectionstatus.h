#pragma once

#include <QTimer>
#include <QWidget>

class QLabel;

namespace Hubbub::Client {

class Session;

//! The status bar line: "Connected to HOST as NAME · N online" (HOST:PORT, the address in use,
//! for a server of several addresses), "Reconnecting in 4 s…", and
//! what the outbox still holds ("Offline — 2 changes will be sent…"). Retry now is on the
//! OfflineBanner, which is hard to miss.
class ConnectionStatus final : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionStatus(Session *session, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ConnectionStatus)

    QString text() const;
    QString outboxText() const;

private:
    void update();

    Session *m_session;
    QLabel *m_state;
    QLabel *m_outbox;
    QTimer m_tick;
};

} // namespace Hubbub::Client
