#include "ratelimiter.h"

#include "validation.h"

#include <algorithm>
#include <cmath>

namespace Hubbub::Server {

TokenBucket::TokenBucket(double rate, double burst)
    : m_rate(rate)
    , m_burst(burst)
    , m_tokens(burst)
{
    m_clock.start();
}

std::optional<qint64> TokenBucket::take(double cost)
{
    const qint64 now = m_clock.elapsed();
    m_tokens = std::min(m_burst, m_tokens + double(now - m_lastMs) * m_rate / 1000.0);
    m_lastMs = now;
    if (m_tokens >= cost) {
        m_tokens -= cost;
        return std::nullopt;
    }
    const double missing = std::min(cost, m_burst) - m_tokens;
    return std::max<qint64>(1, qint64(std::ceil(missing * 1000.0 / m_rate)));
}

LoginThrottle::LoginThrottle()
    : LoginThrottle(Policy {})
{ }

LoginThrottle::LoginThrottle(Policy policy)
    : m_policy(policy)
{
    m_clock.start();
}

std::optional<qint64> LoginThrottle::wait(
    QHash<QString, Failures> &table, const QString &key, int allowed, qint64 now)
{
    auto it = table.find(key);
    if (it == table.end())
        return std::nullopt;
    Failures &failures = *it;
    while (!failures.empty() && failures.front() <= now - m_policy.windowMs)
        failures.pop_front();
    if (failures.empty()) {
        table.erase(it);
        return std::nullopt;
    }
    if (int(failures.size()) < allowed)
        return std::nullopt;
    // Wait until enough failures have left the window for one more attempt.
    const qint64 freeAt = failures[failures.size() - std::size_t(allowed)] + m_policy.windowMs;
    return std::max<qint64>(1, freeAt - now);
}

std::optional<qint64> LoginThrottle::retryAfter(const QString &username, const QString &address)
{
    const qint64 now = m_clock.elapsed();
    // An empty username (token resumes, registrations) is judged by the address alone.
    const std::optional<qint64> a = username.isEmpty()
        ? std::nullopt
        : wait(m_byUsername, Validation::usernameKey(username), m_policy.perUsername, now);
    const std::optional<qint64> b = wait(m_byAddress, address, m_policy.perAddress, now);
    if (a && b)
        return std::max(*a, *b);
    return a ? a : b;
}

void LoginThrottle::record(QHash<QString, Failures> &table, const QString &key, qint64 now)
{
    if (table.size() >= m_policy.maxKeys) {
        // Bounded memory: forget keys whose failures have all left the window; if that is not
        // enough, start afresh rather than grow without bound.
        for (auto it = table.begin(); it != table.end();) {
            if (it->empty() || it->back() <= now - m_policy.windowMs)
                it = table.erase(it);
            else
                ++it;
        }
        if (table.size() >= m_policy.maxKeys)
            table.clear();
    }
    Failures &failures = table[key];
    failures.push_back(now);
    if (failures.size() > 64)
        failures.pop_front();
}

void LoginThrottle::recordFailure(const QString &username, const QString &address)
{
    const qint64 now = m_clock.elapsed();
    if (!username.isEmpty())
        record(m_byUsername, Validation::usernameKey(username), now);
    record(m_byAddress, address, now);
}

void LoginThrottle::recordSuccess(const QString &username)
{
    m_byUsername.remove(Validation::usernameKey(username));
}

} // namespace Hubbub::Server
