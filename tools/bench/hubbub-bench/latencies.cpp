#include "latencies.h"

#include <algorithm>
#include <cmath>

namespace Hubbub::Bench {

void Latencies::merge(const Latencies &other)
{
    m_samples.insert(m_samples.end(), other.m_samples.begin(), other.m_samples.end());
    m_sorted = false;
}

double Latencies::ms(double q)
{
    if (m_samples.empty())
        return 0;
    if (!m_sorted) {
        std::sort(m_samples.begin(), m_samples.end());
        m_sorted = true;
    }
    const auto index
        = std::min(m_samples.size() - 1, std::size_t(std::floor(q * double(m_samples.size()))));
    return m_samples[index] / 1000.0;
}

double Latencies::maxMs()
{
    return ms(1.0);
}

void Latencies::addTo(QJsonObject &json, const QString &prefix)
{
    const auto round2 = [](double v) { return std::round(v * 100) / 100; };
    json.insert(prefix + QStringLiteral("P50Ms"), round2(ms(0.5)));
    json.insert(prefix + QStringLiteral("P99Ms"), round2(ms(0.99)));
    json.insert(prefix + QStringLiteral("MaxMs"), round2(maxMs()));
    json.insert(prefix + QStringLiteral("Count"), qint64(count()));
}

} // namespace Hubbub::Bench
