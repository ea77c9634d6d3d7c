#include "backoff.h"

#include <algorithm>

namespace Hubbub::Client {

Backoff::Backoff(std::chrono::milliseconds initial, std::chrono::milliseconds cap)
    : m_initial(initial)
    , m_cap(cap)
    , m_random(QRandomGenerator::securelySeeded())
{ }

std::chrono::milliseconds Backoff::next()
{
    const int shift = std::min(m_attempts, 16);
    const qint64 base = std::min<qint64>(m_initial.count() << shift, m_cap.count());
    ++m_attempts;
    const double jitter = 0.8 + 0.4 * m_random.generateDouble();
    const qint64 delay = std::min<qint64>(qint64(double(base) * jitter), m_cap.count());
    return std::chrono::milliseconds(std::max<qint64>(delay, 1));
}

void Backoff::reset()
{
    m_attempts = 0;
}

} // namespace Hubbub::Client
