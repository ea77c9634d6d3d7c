#include "connectionstatus.h"

#include "connection.h"
#include "outbox.h"
#include "peoplemodel.h"
#include "session.h"

#include <QHBoxLayout>
#include <QLabel>

#include <cmath>

namespace Hubbub::Client {

ConnectionStatus::ConnectionStatus(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_state(new QLabel(this))
    , m_outbox(new QLabel(this))
{
    m_state->setObjectName(QStringLiteral("connectionState"));
    m_state->setAccessibleName(tr("Connection"));
    m_outbox->setObjectName(QStringLiteral("outboxState"));
    m_outbox->setAccessibleName(tr("Changes not yet sent"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_state);
    layout->addSpacing(12);
    layout->addWidget(m_outbox, 1);

    Connection *connection = m_session->connection();
    connect(connection, &Connection::stateChanged, this, &ConnectionStatus::update);
    connect(connection, &Connection::connecting, this, &ConnectionStatus::update);
    connect(connection, &Connection::userChanged, this, &ConnectionStatus::update);
    connect(m_session->outbox(), &Outbox::countChanged, this, &ConnectionStatus::update);
    connect(m_session->outbox(), &Outbox::changed, this, &ConnectionStatus::update);
    PeopleModel *people = m_session->people();
    connect(people, &PeopleModel::rowsInserted, this, &ConnectionStatus::update);
    connect(people, &PeopleModel::rowsRemoved, this, &ConnectionStatus::update);
    connect(people, &PeopleModel::modelReset, this, &ConnectionStatus::update);
    m_tick.setInterval(250); // as often as the OfflineBanner, so that both show the same second
    connect(&m_tick, &QTimer::timeout, this, &ConnectionStatus::update);
    update();
}

QString ConnectionStatus::text() const
{
    return m_state->text();
}

QString ConnectionStatus::outboxText() const
{
    return m_outbox->isVisible() ? m_outbox->text() : QString();
}

void ConnectionStatus::update()
{
    Connection *connection = m_session->connection();
    // A deployment of several addresses: which one is in use (its instances often share a host).
    const bool several = connection->deployment().size() > 1;
    const QString host = several ? connection->url().authority() : connection->url().host();
    QString state;
    bool waiting = false;
    switch (connection->state()) {
    case Connection::State::Online:
        state = tr("Connected to %1 as %2 · %n online", nullptr, m_session->people()->rowCount())
                    .arg(host, connection->user().username);
        break;
    case Connection::State::Connecting:
    case Connection::State::SigningIn:
        state = tr("Connecting to %1…").arg(host);
        break;
    case Connection::State::Syncing:
        state = tr("Catching up with %1…").arg(host);
        break;
    case Connection::State::Waiting: {
        waiting = true;
        const int seconds = int(std::ceil(double(connection->msUntilRetry()) / 1000.0));
        state = tr("Reconnecting in %n s…", nullptr, std::max(seconds, 1));
        break;
    }
    case Connection::State::Disconnected:
        state = connection->lastError().isEmpty() ? tr("Not connected") : connection->lastError();
        break;
    }
    m_state->setText(state);
    if (waiting)
        m_state->setToolTip(connection->lastError());
    else if (several)
        m_state->setToolTip(tr("This server's addresses, tried in turn: %1")
                                .arg(connection->deployment().toDisplayString()));
    else
        m_state->setToolTip(QString());
    if (waiting && !m_tick.isActive())
        m_tick.start();
    else if (!waiting)
        m_tick.stop();

    const Outbox *outbox = m_session->outbox();
    const int failed = outbox->failedCount();
    const int waitingChanges = outbox->count() - failed;
    QStringList parts;
    if (waitingChanges > 0 && !connection->isOnline()) {
        parts.append(tr("Offline — %n change(s) will be sent when the connection is back", nullptr,
            waitingChanges));
    } else if (waitingChanges > 0) {
        parts.append(tr("Sending %n change(s)…", nullptr, waitingChanges));
    }
    if (failed > 0)
        parts.append(tr("%n change(s) could not be sent", nullptr, failed));
    m_outbox->setText(parts.join(QStringLiteral(" · ")));
    m_outbox->setVisible(!parts.isEmpty());
}

} // namespace Hubbub::Client
