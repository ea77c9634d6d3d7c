#pragma once

#include <QObject>

class QSystemTrayIcon;
class QWidget;

namespace Hubbub::Client {

//! Desktop notifications through the system tray, for chat messages and posts that arrive
//! while the window is not active. Does nothing where the platform has no tray.
class Notifier final : public QObject
{
    Q_OBJECT
public:
    explicit Notifier(QWidget *window, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(Notifier)

    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }
    bool isAvailable() const;
    //! Shows one notification if enabled and the window is not active.
    void notify(const QString &title, const QString &body, qint64 channelId);
    void setUnread(int count);
    //! How many notifications were shown (for tests and the log).
    int shown() const { return m_shown; }

Q_SIGNALS:
    //! The user clicked a notification: show this channel (0: the feed).
    void activated(qint64 channelId);

private:
    QWidget *m_window;
    QSystemTrayIcon *m_tray = nullptr;
    bool m_enabled = true;
    qint64 m_lastChannel = 0;
    int m_shown = 0;
};

} // namespace Hubbub::Client
