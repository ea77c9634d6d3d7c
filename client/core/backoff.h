#pragma once

#include <QRandomGenerator>

#include <chrono>

namespace Hubbub::Client {

//! Reconnect delays: about 0.5 s doubling to a 30 s cap, each with ±20% jitter so that many
//! clients dropped by one server restart do not all come back in the same millisecond.
class Backoff final
{
public:
    explicit Backoff(std::chrono::milliseconds initial = std::chrono::milliseconds(500),
        std::chrono::milliseconds cap = std::chrono::milliseconds(30000));

    //! The delay before the next attempt; each call doubles the base up to the cap.
    std::chrono::milliseconds next();
    //! After a successful connection: the next delay starts from the initial one again.
    void reset();
    int attempts() const { return m_attempts; }
    std::chrono::milliseconds initial() const { return m_initial; }
    std::chrono::milliseconds cap() const { return m_cap; }
    //! For tests and tuning: takes effect from the next call to next().
    void setInitial(std::chrono::milliseconds initial) { m_initial = initial; }
    void setCap(std::chrono::milliseconds cap) { m_cap = cap; }

    //! For tests: a fixed seed makes the jitter reproducible.
    void seed(quint32 value) { m_random.seed(value); }

private:
    std::chrono::milliseconds m_initial;
    std::chrono::milliseconds m_cap;
    int m_attempts = 0;
    QRandomGenerator m_random;
};

} // namespace Hubbub::Client
