// Backoff: the reconnect delays start near 0.5 s, double up to a 30 s cap, carry ±20% jitter
// and start over after reset().

#include "backoff.h"

#include <QSet>
#include <QTest>

#include <chrono>

using namespace std::chrono_literals;
using Hubbub::Client::Backoff;

class tst_Backoff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void delaysDoubleWithinJitter_data();
    void delaysDoubleWithinJitter();
    void capHoldsForever();
    void resetStartsOver();
    void jitterSpreadsDelays();
    void seedMakesJitterReproducible();
    void setters();
};

void tst_Backoff::delaysDoubleWithinJitter_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<qint64>("base");
    const qint64 bases[] = {500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000};
    for (int i = 0; i < int(std::size(bases)); ++i)
        QTest::addRow("attempt %d", i + 1) << i << bases[i];
}

void tst_Backoff::delaysDoubleWithinJitter()
{
    QFETCH(int, attempt);
    QFETCH(qint64, base);
    // Many seeds, so the bounds hold for any jitter and not just one lucky draw.
    for (quint32 seed = 1; seed <= 200; ++seed) {
        Backoff backoff;
        backoff.seed(seed);
        for (int i = 0; i < attempt; ++i)
            backoff.next();
        const qint64 delay = backoff.next().count();
        QVERIFY2(delay >= base * 8 / 10, qPrintable(QString::number(delay)));
        // Never above the cap, even with positive jitter.
        QVERIFY2(
            delay <= std::min<qint64>(base * 12 / 10, 30000), qPrintable(QString::number(delay)));
        QCOMPARE(backoff.attempts(), attempt + 1);
    }
}

void tst_Backoff::capHoldsForever()
{
    Backoff backoff;
    backoff.seed(7);
    for (int i = 0; i < 100; ++i) {
        const qint64 delay = backoff.next().count();
        QVERIFY(delay >= 1);
        QVERIFY(delay <= 30000);
    }
    // Far past the shift limit, the delay still sits in the jitter band below the cap.
    const qint64 late = backoff.next().count();
    QVERIFY(late >= 24000);
    QCOMPARE(backoff.attempts(), 101);
}

void tst_Backoff::resetStartsOver()
{
    Backoff backoff;
    backoff.seed(3);
    for (int i = 0; i < 6; ++i)
        backoff.next();
    QVERIFY(backoff.next().count() >= 16000 * 8 / 10);
    backoff.reset();
    QCOMPARE(backoff.attempts(), 0);
    const qint64 first = backoff.next().count();
    QVERIFY(first >= 400);
    QVERIFY(first <= 600);
}

void tst_Backoff::jitterSpreadsDelays()
{
    // Clients dropped together must not come back together: first delays differ.
    QSet<qint64> firstDelays;
    for (quint32 seed = 1; seed <= 50; ++seed) {
        Backoff backoff;
        backoff.seed(seed);
        firstDelays.insert(backoff.next().count());
    }
    QVERIFY2(firstDelays.size() > 20, qPrintable(QString::number(firstDelays.size())));
    // Both halves of the band are used.
    const auto low
        = std::count_if(firstDelays.cbegin(), firstDelays.cend(), [](qint64 d) { return d < 500; });
    const auto high
        = std::count_if(firstDelays.cbegin(), firstDelays.cend(), [](qint64 d) { return d > 500; });
    QVERIFY(low > 0);
    QVERIFY(high > 0);
}

void tst_Backoff::seedMakesJitterReproducible()
{
    Backoff a;
    Backoff b;
    a.seed(42);
    b.seed(42);
    for (int i = 0; i < 10; ++i)
        QCOMPARE(a.next(), b.next());
}

void tst_Backoff::setters()
{
    Backoff backoff(100ms, 1000ms);
    QCOMPARE(backoff.initial(), 100ms);
    QCOMPARE(backoff.cap(), 1000ms);
    backoff.seed(9);
    QVERIFY(backoff.next().count() <= 120);
    backoff.setInitial(10ms);
    backoff.setCap(50ms);
    backoff.reset();
    const qint64 first = backoff.next().count();
    QVERIFY(first >= 8 && first <= 12);
    for (int i = 0; i < 10; ++i)
        QVERIFY(backoff.next().count() <= 50);
}

QTEST_GUILESS_MAIN(tst_Backoff)
#include "tst_backoff.moc"
