#include "offlinebanner.h"

#include "connection.h"
#include "session.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QStyle>

#include <cmath>

namespace Hubbub::Client {

namespace {

//! `a` with `amount` (0..1) of `b` mixed in.
QColor mix(const QColor &a, const QColor &b, double amount)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * amount),
        float(a.greenF() + (b.greenF() - a.greenF()) * amount),
        float(a.blueF() + (b.blueF() - a.blueF()) * amount));
}

// Amber: a warning in light and dark palettes alike, mixed into the window's own colour so
// that the palette's text stays readable on it.
const QColor Amber(0xf0, 0xa0, 0x20);

} // namespace

OfflineBanner::OfflineBanner(Session *session, QWidget *parent)
    : QFrame(parent)
    , m_session(session)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_retry(new QPushButton(tr("Retry now"), this))
{
    setObjectName(QStringLiteral("offlineBanner"));
    setAccessibleName(tr("Connection"));
    m_text->setObjectName(QStringLiteral("offlineText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::NoTextInteraction);
    QFont bold = m_text->font();
    bold.setBold(true);
    m_text->setFont(bold);
    m_retry->setObjectName(QStringLiteral("retryButton"));
    connect(m_retry, &QPushButton::clicked, this, [this] { m_session->connection()->retryNow(); });
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(
        style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize));

    auto *layout = new QHBoxLayout(this);
    const int unit = fontMetrics().height();
    layout->setContentsMargins(unit * 3 / 4, unit / 3, unit * 3 / 4, unit / 3);
    layout->setSpacing(unit / 2);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_retry);

    connect(m_session->connection(), &Connection::stateChanged, this, &OfflineBanner::refresh);
    connect(m_session->connection(), &Connection::passwordChangeRequired, this,
        &OfflineBanner::refresh);
    m_tick.setInterval(250); // the countdown shows whole seconds: tick often enough for each
    connect(&m_tick, &QTimer::timeout, this, &OfflineBanner::refresh);
    refresh();
}

QString OfflineBanner::text() const
{
    return m_text->text();
}

void OfflineBanner::refresh()
{
    const Connection *connection = m_session->connection();
    QString text;
    bool canRetry = false;
    switch (connection->state()) {
    case Connection::State::Online:
    case Connection::State::Syncing:
        m_offline = false;
        break;
    case Connection::State::Waiting: {
        m_offline = true;
        canRetry = true;
        const int seconds = int(std::ceil(double(connection->msUntilRetry()) / 1000.0));
        text = tr("Offline. Retrying in %n s", nullptr, std::max(seconds, 1));
        break;
    }
    case Connection::State::Connecting:
    case Connection::State::SigningIn:
        // Signed in with a one-time code: the server waits for a password, not the network.
        if (connection->mustChangePassword()) {
            text = tr("Choose your new password to go on.");
            break;
        }
        // The first attempt at start is not "offline" yet: only one that follows a failure.
        text = tr("Offline. Connecting…");
        break;
    case Connection::State::Disconnected:
        // Given up (an incompatible server, say): no retry. Signed out: nothing to say.
        m_offline = !connection->lastError().isEmpty() && m_session->user().id != 0;
        text = tr("Offline: %1").arg(connection->lastError());
        // A certificate the user was asked about and did not trust: Retry asks again.
        canRetry = connection->isHeldForCertificate();
        break;
    }
    m_text->setText(text);
    m_text->setToolTip(connection->lastError());
    m_retry->setVisible(connection->state() != Connection::State::Disconnected || canRetry);
    m_retry->setEnabled(canRetry);
    setVisible(m_offline);
    // The countdown needs the tick; a held certificate waits for the user, not the clock.
    const bool counting = connection->state() == Connection::State::Waiting;
    if (counting && !m_tick.isActive())
        m_tick.start();
    else if (!counting)
        m_tick.stop();
}

void OfflineBanner::paintEvent(QPaintEvent *event)
{
    QPainter painter(this);
    const QColor window = palette().color(QPalette::Window);
    painter.fillRect(rect(), mix(window, Amber, 0.3));
    painter.fillRect(QRect(0, height() - 1, width(), 1), mix(window, Amber, 0.7));
    QFrame::paintEvent(event);
}

} // namespace Hubbub::Client
