#include "stopsignals.h"

#include <QSocketNotifier>
#include <QTimer>

#include <atomic>
#include <csignal>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>
#endif

namespace Hubbub::Cli {

namespace {

std::atomic<int> s_caught {0};
static_assert(std::atomic<int>::is_always_lock_free, "used in a signal handler");

#ifdef Q_OS_UNIX
int s_pipe[2] = {-1, -1};

extern "C" void onStopSignal(int signal)
{
    // Only async-signal-safe calls here: an atomic store and write(2).
    const int saved = errno;
    s_caught.store(signal);
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(s_pipe[1], &byte, 1);
    errno = saved;
}
#else
extern "C" void onStopSignal(int signal)
{
    s_caught.store(signal);
}
#endif

} // namespace

StopSignals::StopSignals(QObject *parent)
    : QObject(parent)
{
#ifdef Q_OS_UNIX
    if (::pipe(s_pipe) == 0) {
        for (int fd : s_pipe)
            ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
        m_notifier = new QSocketNotifier(s_pipe[0], QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, &StopSignals::onSignal);
        struct sigaction action
        { };
        action.sa_handler = onStopSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        sigaction(SIGINT, &action, nullptr);
        sigaction(SIGTERM, &action, nullptr);
        return;
    }
#endif
    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
    m_poll = new QTimer(this);
    m_poll->setInterval(100);
    connect(m_poll, &QTimer::timeout, this, [this] {
        if (s_caught.load() != 0)
            onSignal();
    });
    m_poll->start();
}

StopSignals::~StopSignals()
{
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
#ifdef Q_OS_UNIX
    delete m_notifier;
    m_notifier = nullptr;
    for (int &fd : s_pipe) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
#endif
}

void StopSignals::onSignal()
{
#ifdef Q_OS_UNIX
    char bytes[16];
    while (::read(s_pipe[0], bytes, sizeof bytes) > 0) { }
#endif
    const int signal = s_caught.exchange(0);
    if (signal != 0)
        Q_EMIT stopRequested(signal);
}

} // namespace Hubbub::Cli
