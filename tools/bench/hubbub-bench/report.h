#pragma once

#include <QJsonObject>
#include <QString>

namespace Hubbub::Bench {

//! The results of one run: a flat JSON object (written with --json) and a table on stdout.
class Report final
{
public:
    void set(const QString &key, const QJsonValue &value) { m_results.insert(key, value); }
    QJsonObject &results() { return m_results; }
    void setFailed(const QString &why);
    bool failed() const { return !m_failure.isEmpty(); }
    void print(const QString &title) const;
    bool writeJson(const QString &path, const QJsonObject &header) const;

private:
    QJsonObject m_results;
    QString m_failure;
};

} // namespace Hubbub::Bench
