#pragma once

#include <QObject>

class QSocketNotifier;
class QTimer;

namespace Hubbub::Cli {

//! SIGINT (Ctrl+C) and SIGTERM as a Qt signal, delivered by the event loop between two events
//! rather than inside whatever the process was doing: `tail` finishes the line it writes and
//! its state file, then exits 0. One instance per process.
class StopSignals final : public QObject
{
    Q_OBJECT
public:
    explicit StopSignals(QObject *parent = nullptr);
    ~StopSignals() override;
    Q_DISABLE_COPY_MOVE(StopSignals)

Q_SIGNALS:
    void stopRequested(int signal);

private:
    void onSignal();

    QSocketNotifier *m_notifier = nullptr; //!< POSIX: the read end of the self-pipe
    QTimer *m_poll = nullptr; //!< elsewhere: a flag looked at every 100 ms
};

} // namespace Hubbub::Cli
