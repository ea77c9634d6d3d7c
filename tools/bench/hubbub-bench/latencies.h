#pragma once

#include <QJsonObject>
#include <QString>

#include <vector>

namespace Hubbub::Bench {

//! Latency samples in microseconds, and their percentiles.
class Latencies final
{
public:
    void add(qint64 micros) { m_samples.push_back(qint32(std::min<qint64>(micros, INT32_MAX))); }
    void merge(const Latencies &other);
    void clear() { m_samples.clear(); }
    std::size_t count() const { return m_samples.size(); }
    //! The q-quantile (0..1) in milliseconds; sorts the samples once.
    double ms(double q);
    double maxMs();
    //! {prefix}P50Ms, P99Ms, MaxMs and Count.
    void addTo(QJsonObject &json, const QString &prefix);

private:
    std::vector<qint32> m_samples;
    bool m_sorted = false;
};

} // namespace Hubbub::Bench
