#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QString>

#include <deque>
#include <optional>

namespace Hubbub::Server {

//! A token bucket: `burst` tokens, refilled at `rate` per second.
class TokenBucket final
{
public:
    TokenBucket(double rate, double burst);
    //! Takes `cost` tokens; when there are not enough, takes none and returns the wait in ms.
    std::optional<qint64> take(double cost = 1.0);

private:
    double m_rate;
    double m_burst;
    double m_tokens;
    QElapsedTimer m_clock;
    qint64 m_lastMs = 0;
};

//! Failed logins per username and per peer address inside a sliding window. Once a key has
//! too many, further attempts are refused until the oldest failure leaves the window.
class LoginThrottle final
{
public:
    struct Policy
    {
        int perUsername = 5;
        int perAddress = 20;
        qint64 windowMs = 60'000;
        int maxKeys = 50'000;
    };
    LoginThrottle();
    explicit LoginThrottle(Policy policy);

    //! The wait in ms before this username or address may try again, if it must wait.
    std::optional<qint64> retryAfter(const QString &username, const QString &address);
    void recordFailure(const QString &username, const QString &address);
    void recordSuccess(const QString &username);

private:
    using Failures = std::deque<qint64>;
    std::optional<qint64> wait(
        QHash<QString, Failures> &table, const QString &key, int allowed, qint64 now);
    void record(QHash<QString, Failures> &table, const QString &key, qint64 now);

    Policy m_policy;
    QElapsedTimer m_clock;
    QHash<QString, Failures> m_byUsername;
    QHash<QString, Failures> m_byAddress;
};

} // namespace Hubbub::Server
