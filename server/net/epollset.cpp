#include "net/epollset.h"

#include "logging.h"
#include "net/epolltransport.h"

#include <QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <sys/epoll.h>
#include <unistd.h>

namespace Hubbub::Server {

namespace {

//! Events taken per pass; more stay ready (level-triggered) for the next pass, so timers and
//! the listener are served in between.
constexpr int MaxEventsPerPass = 256;

thread_local EpollSet *t_set = nullptr;

} // namespace

EpollSet *EpollSet::forThisThread()
{
    if (!t_set) {
        const int epoll = ::epoll_create1(EPOLL_CLOEXEC);
        if (epoll < 0) {
            qCWarning(lcNet) << "epoll_create1 failed:" << std::strerror(errno);
            return nullptr;
        }
        t_set = new EpollSet(epoll);
    }
    return t_set;
}

EpollSet::EpollSet(int epoll)
    : m_epoll(epoll)
    , m_notifier(new QSocketNotifier(epoll, QSocketNotifier::Read, this))
{
    connect(m_notifier, &QSocketNotifier::activated, this, &EpollSet::dispatch);
}

EpollSet::~EpollSet()
{
    if (t_set == this)
        t_set = nullptr;
    delete m_notifier; // before its descriptor is closed
    ::close(m_epoll);
}

bool EpollSet::add(int descriptor, EpollTransport *transport, std::uint32_t events)
{
    epoll_event event {};
    event.events = events;
    event.data.ptr = transport;
    if (::epoll_ctl(m_epoll, EPOLL_CTL_ADD, descriptor, &event) != 0) {
        qCWarning(lcNet) << "epoll_ctl(ADD) failed:" << std::strerror(errno);
        release();
        return false;
    }
    ++m_count;
    return true;
}

void EpollSet::modify(int descriptor, EpollTransport *transport, std::uint32_t events)
{
    epoll_event event {};
    event.events = events;
    event.data.ptr = transport;
    if (::epoll_ctl(m_epoll, EPOLL_CTL_MOD, descriptor, &event) != 0)
        qCWarning(lcNet) << "epoll_ctl(MOD) failed:" << std::strerror(errno);
}

void EpollSet::remove(int descriptor, EpollTransport *transport)
{
    ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, descriptor, nullptr);
    for (int i = 0; i < m_batchSize; ++i) {
        if (m_batch[i].data.ptr == transport)
            m_batch[i].data.ptr = nullptr;
    }
    --m_count;
    release();
}

void EpollSet::release()
{
    if (m_count != 0 || m_batch || t_set != this)
        return; // in use, or dispatching (dispatch() releases it when it is done)
    t_set = nullptr;
    if (m_inNotifier) {
        m_notifier->setEnabled(false);
        deleteLater(); // not inside the notifier's own signal
    } else {
        delete this;
    }
}

void EpollSet::dispatch()
{
    epoll_event events[MaxEventsPerPass];
    const int ready = ::epoll_wait(m_epoll, events, MaxEventsPerPass, 0);
    if (ready <= 0)
        return;
    m_batch = events;
    m_batchSize = ready;
    for (int i = 0; i < ready; ++i) {
        // Null when the socket was closed by an earlier event of this pass.
        if (auto *transport = static_cast<EpollTransport *>(events[i].data.ptr))
            transport->onEvents(events[i].events);
    }
    m_batch = nullptr;
    m_batchSize = 0;
    m_inNotifier = true;
    release();
    m_inNotifier = false;
}

} // namespace Hubbub::Server
