#include "notifier.h"

#include <QApplication>
#include <QSystemTrayIcon>
#include <QWidget>

namespace Hubbub::Client {

Notifier::Notifier(QWidget *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
    m_tray->setToolTip(tr("Hubbub"));
    connect(m_tray, &QSystemTrayIcon::messageClicked, this,
        [this] { Q_EMIT activated(m_lastChannel); });
    connect(m_tray, &QSystemTrayIcon::activated, this,
        [this](QSystemTrayIcon::ActivationReason) { Q_EMIT activated(-1); });
    m_tray->show();
}

bool Notifier::isAvailable() const
{
    return m_tray != nullptr;
}

void Notifier::setEnabled(bool enabled)
{
    m_enabled = enabled;
}

void Notifier::notify(const QString &title, const QString &body, qint64 channelId)
{
    if (!m_enabled || m_window->isActiveWindow())
        return;
    m_lastChannel = channelId;
    ++m_shown;
    if (m_tray)
        m_tray->showMessage(title, body, QApplication::windowIcon(), 6000);
    QApplication::alert(m_window);
}

void Notifier::setUnread(int count)
{
    if (m_tray)
        m_tray->setToolTip(count > 0 ? tr("Hubbub — %n unread", nullptr, count) : tr("Hubbub"));
}

} // namespace Hubbub::Client
