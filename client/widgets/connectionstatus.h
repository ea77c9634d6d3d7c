#pragma once

#include <QTimer>
#include <QWidget>

class QLabel;
class QToolButton;

namespace Hubbub::Client {

class Session;

//! The status bar line: "Connected to HOST as NAME · N online", "Reconnecting in 4 s…" with
//! Retry now, and what the outbox still holds ("Offline — 2 changes will be sent…").
class ConnectionStatus final : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionStatus(Session *session, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ConnectionStatus)

    QString text() const;
    QString outboxText() const;
    QToolButton *retryButton() const { return m_retry; }

private:
    void update();

    Session *m_session;
    QLabel *m_state;
    QLabel *m_outbox;
    QToolButton *m_retry;
    QTimer m_tick;
};

} // namespace Hubbub::Client
