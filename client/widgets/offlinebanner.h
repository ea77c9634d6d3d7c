#pragma once

#include <QFrame>
#include <QTimer>

class QLabel;
class QPushButton;

namespace Hubbub::Client {

class Session;

//! The strip across the top of the window while the connection is down: "Offline. Retrying in
//! 7 s" with a Retry now button that reconnects at once. Hidden while connected; it shows at
//! the first failed attempt and stays through the attempts that follow until one succeeds.
class OfflineBanner final : public QFrame
{
    Q_OBJECT
public:
    explicit OfflineBanner(Session *session, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(OfflineBanner)

    QString text() const;
    QPushButton *retryButton() const { return m_retry; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void refresh();

    Session *m_session;
    QLabel *m_icon;
    QLabel *m_text;
    QPushButton *m_retry;
    QTimer m_tick;
    bool m_offline = false; //!< an attempt failed and none has succeeded since
};

} // namespace Hubbub::Client
