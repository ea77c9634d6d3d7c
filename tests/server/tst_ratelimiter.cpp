// Unit tests for TokenBucket and LoginThrottle (server/ratelimiter.h), through their public API.
#include "ratelimiter.h"

#include <QTest>

#include <optional>

using namespace Hubbub::Server;
using namespace Qt::StringLiterals;

namespace {

QString address(int n)
{
    return u"10.0.%1.%2"_s.arg(n / 250).arg(n % 250 + 1);
}

QString describe(const std::optional<qint64> &wait)
{
    return wait ? u"wait %1 ms"_s.arg(*wait) : u"no wait"_s;
}

} // namespace

class tst_RateLimiter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bucketBurstThenRefusal();
    void bucketRefills();
    void bucketRefusalTakesNothing();

    void throttlePerUsername();
    void throttlePerAddress();
    void throttleWindowExpires();
    void throttleSuccessClearsUsername();
    void throttleEmptyUsernameByAddressOnly();
    void throttleMemoryIsBounded();
};

void tst_RateLimiter::bucketBurstThenRefusal()
{
    // 2 tokens a second: within this test's few milliseconds less than one token comes back.
    TokenBucket bucket(2.0, 5.0);
    for (int i = 0; i < 5; ++i) {
        const std::optional<qint64> wait = bucket.take();
        QVERIFY2(!wait, qPrintable(u"take %1: "_s.arg(i) + describe(wait)));
    }
    const std::optional<qint64> refused = bucket.take();
    QVERIFY(refused);
    QVERIFY2(*refused > 0, qPrintable(describe(refused)));
    // One token at 2/s is at most 500 ms away.
    QVERIFY2(*refused <= 500, qPrintable(describe(refused)));
    // Still refused right after.
    QVERIFY(bucket.take());
}

void tst_RateLimiter::bucketRefills()
{
    // 50 tokens a second: one is back 20 ms after the burst is spent.
    TokenBucket bucket(50.0, 3.0);
    for (int i = 0; i < 3; ++i)
        QVERIFY(!bucket.take());
    const std::optional<qint64> refused = bucket.take();
    QVERIFY(refused);
    QVERIFY2(*refused > 0 && *refused <= 20, qPrintable(describe(refused)));
    // take() has a side effect and QTRY evaluates its condition more than once: latch it.
    bool tokenBack = false;
    QTRY_VERIFY_WITH_TIMEOUT(tokenBack || (tokenBack = !bucket.take()), 2000);
    // The whole burst comes back with time, one token at a time.
    bool burstBack = false;
    QTRY_VERIFY_WITH_TIMEOUT(burstBack || (burstBack = !bucket.take(3.0)), 2000);
}

void tst_RateLimiter::bucketRefusalTakesNothing()
{
    // 1 token a second: far slower than this test.
    TokenBucket bucket(1.0, 10.0);
    QVERIFY(!bucket.take(8.0));
    const std::optional<qint64> refused = bucket.take(5.0);
    QVERIFY(refused);
    // About 3 tokens are missing at 1 token/s.
    QVERIFY2(*refused > 2000 && *refused <= 3000, qPrintable(describe(refused)));
    // The refused take cost nothing: the 2 remaining tokens are still there.
    QVERIFY(!bucket.take(2.0));
    QVERIFY(bucket.take(1.0));
}

void tst_RateLimiter::throttlePerUsername()
{
    LoginThrottle throttle; // 5 per username, 20 per address, 60 s
    const QString ada = u"ada"_s;
    for (int i = 0; i < 4; ++i) {
        throttle.recordFailure(ada, address(i));
        QVERIFY2(!throttle.retryAfter(ada, address(100)), qPrintable(QString::number(i)));
    }
    throttle.recordFailure(ada, address(4));
    const std::optional<qint64> wait = throttle.retryAfter(ada, address(100));
    QVERIFY(wait);
    QVERIFY2(*wait > 0 && *wait <= 60000, qPrintable(describe(wait)));
    // Usernames are unique ignoring case, so the limit is too.
    QVERIFY(throttle.retryAfter(u"ADA"_s, address(101)));
    // Another username from the same addresses is not held back.
    QVERIFY(!throttle.retryAfter(u"bob"_s, address(0)));
    QVERIFY(!throttle.retryAfter(u"bob"_s, address(100)));
}

void tst_RateLimiter::throttlePerAddress()
{
    LoginThrottle throttle;
    const QString attacker = u"192.0.2.7"_s;
    for (int i = 0; i < 19; ++i) {
        throttle.recordFailure(u"user"_s + QString::number(i), attacker);
        QVERIFY2(!throttle.retryAfter(u"fresh"_s, attacker), qPrintable(QString::number(i)));
    }
    throttle.recordFailure(u"user19"_s, attacker);
    const std::optional<qint64> wait = throttle.retryAfter(u"fresh"_s, attacker);
    QVERIFY(wait);
    QVERIFY2(*wait > 0 && *wait <= 60000, qPrintable(describe(wait)));
    // Another address may still try the same username.
    QVERIFY(!throttle.retryAfter(u"fresh"_s, u"192.0.2.8"_s));
    // And none of those usernames reached its own limit.
    QVERIFY(!throttle.retryAfter(u"user0"_s, u"192.0.2.8"_s));
}

void tst_RateLimiter::throttleWindowExpires()
{
    LoginThrottle::Policy policy;
    policy.windowMs = 200;
    LoginThrottle throttle(policy);
    for (int i = 0; i < policy.perUsername; ++i)
        throttle.recordFailure(u"ada"_s, address(i));
    for (int i = 0; i < policy.perAddress; ++i)
        throttle.recordFailure(u"x"_s + QString::number(i), u"192.0.2.1"_s);

    const std::optional<qint64> byName = throttle.retryAfter(u"ada"_s, address(100));
    QVERIFY(byName);
    QVERIFY2(*byName > 0 && *byName <= 200, qPrintable(describe(byName)));
    const std::optional<qint64> byAddress = throttle.retryAfter(u"someone"_s, u"192.0.2.1"_s);
    QVERIFY(byAddress);
    QVERIFY2(*byAddress > 0 && *byAddress <= 200, qPrintable(describe(byAddress)));

    QTRY_VERIFY_WITH_TIMEOUT(!throttle.retryAfter(u"ada"_s, address(100)), 2000);
    QTRY_VERIFY_WITH_TIMEOUT(!throttle.retryAfter(u"someone"_s, u"192.0.2.1"_s), 2000);
}

void tst_RateLimiter::throttleSuccessClearsUsername()
{
    LoginThrottle throttle;
    const QString attacker = u"192.0.2.9"_s;
    for (int i = 0; i < 5; ++i)
        throttle.recordFailure(u"Ada"_s, address(i));
    QVERIFY(throttle.retryAfter(u"ada"_s, address(100)));
    throttle.recordSuccess(u"ADA"_s);
    QVERIFY(!throttle.retryAfter(u"ada"_s, address(100)));
    // The count starts again from zero.
    for (int i = 0; i < 4; ++i)
        throttle.recordFailure(u"ada"_s, address(i));
    QVERIFY(!throttle.retryAfter(u"ada"_s, address(100)));

    // A success for one account does not clear the failures of the address.
    for (int i = 0; i < 20; ++i)
        throttle.recordFailure(u"victim"_s + QString::number(i), attacker);
    QVERIFY(throttle.retryAfter(u"mine"_s, attacker));
    throttle.recordSuccess(u"mine"_s);
    QVERIFY(throttle.retryAfter(u"mine"_s, attacker));
}

void tst_RateLimiter::throttleEmptyUsernameByAddressOnly()
{
    LoginThrottle throttle;
    // Failures without a username (a bad token) count for the address only: more than the
    // per-username limit of them from many addresses holds nobody back.
    for (int i = 0; i < 10; ++i)
        throttle.recordFailure(QString(), address(i));
    QVERIFY(!throttle.retryAfter(QString(), address(100)));
    QVERIFY(!throttle.retryAfter(u"ada"_s, address(100)));

    const QString busy = u"192.0.2.20"_s;
    for (int i = 0; i < 19; ++i)
        throttle.recordFailure(QString(), busy);
    QVERIFY(!throttle.retryAfter(QString(), busy));
    throttle.recordFailure(QString(), busy);
    QVERIFY(throttle.retryAfter(QString(), busy));
    QVERIFY(throttle.retryAfter(u"ada"_s, busy));
    QVERIFY(!throttle.retryAfter(QString(), u"192.0.2.21"_s));
}

void tst_RateLimiter::throttleMemoryIsBounded()
{
    LoginThrottle::Policy policy;
    policy.perUsername = 1; // one failure holds a username back while it is remembered
    policy.perAddress = 1000;
    policy.windowMs = 600'000;
    policy.maxKeys = 8;
    LoginThrottle throttle(policy);
    constexpr int Names = 500;
    for (int i = 0; i < Names; ++i)
        throttle.recordFailure(u"name"_s + QString::number(i), u"192.0.2.30"_s);

    // The most recent failure is remembered...
    QVERIFY(throttle.retryAfter(u"name"_s + QString::number(Names - 1), u"192.0.2.31"_s));
    // ...but no more usernames than the bound.
    int remembered = 0;
    for (int i = 0; i < Names; ++i) {
        if (throttle.retryAfter(u"name"_s + QString::number(i), u"192.0.2.31"_s))
            ++remembered;
    }
    QVERIFY2(remembered >= 1 && remembered <= policy.maxKeys,
        qPrintable(u"%1 usernames remembered"_s.arg(remembered)));
}

QTEST_GUILESS_MAIN(tst_RateLimiter)
#include "tst_ratelimiter.moc"
