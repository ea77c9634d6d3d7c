#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace Hubbub::Test {

//! What an HTTP server answered on one connection, read until it closed it.
struct HttpAnswer
{
    int status = 0; //!< 0: no status line arrived
    QMap<QByteArray, QByteArray> headers; //!< names lower-cased
    QByteArray body;
    bool closed = false; //!< the server closed the connection
    qint64 elapsedMs = 0; //!< from connecting to the close
};

//! Sends `request` (raw bytes, sent as they are) to 127.0.0.1:`port` and reads the answer until
//! the server closes the connection or `timeoutMs` passes; spins the event loop meanwhile.
HttpAnswer httpExchange(quint16 port, const QByteArray &request, int timeoutMs = 10000);
//! `GET path HTTP/1.1` (or another method) with a Host header.
HttpAnswer httpRequest(
    quint16 port, const QByteArray &method, const QByteArray &path, int timeoutMs = 10000);

//! One scrape in the Prometheus text format (0.0.4), parsed strictly: every sample belongs to a
//! family with one # HELP and one # TYPE before its samples, names and labels are well formed,
//! no series repeats, a counter's name ends in _total and its values are not negative, and a
//! histogram has ascending `le` buckets ending in +Inf, cumulative counts that never decrease,
//! a _sum, and a _count equal to its +Inf bucket.
class Exposition
{
public:
    //! Nullopt, with the first problem in `error`, when the text breaks a rule.
    static std::optional<Exposition> parse(const QByteArray &text, QString *error);

    //! A series' value, e.g. value("hubbub_requests_total", {{"type", "ping"}}); nullopt when
    //! there is no such series.
    std::optional<double> value(
        const QString &name, const QList<std::pair<QString, QString>> &labels = {}) const;
    //! value() or 0 when absent (error series appear with their first error).
    double valueOr0(
        const QString &name, const QList<std::pair<QString, QString>> &labels = {}) const;
    //! The family's type ("counter", "gauge", "histogram"); empty when there is no such family.
    QString type(const QString &family) const { return m_types.value(family); }
    //! Every series of the families of type counter or histogram, which only ever grow.
    QHash<QString, double> growingSeries() const;

    //! A series key: the name, then the labels sorted by name.
    static QString key(const QString &name, QList<std::pair<QString, QString>> labels);

private:
    QHash<QString, QString> m_types; //!< family -> type
    QHash<QString, QString> m_familyOf; //!< series key -> family
    QHash<QString, double> m_values; //!< series key -> value
};

//! The first series that is lower in `after` than in `before` (a counter going back), or one
//! that went missing; empty when none did.
QString firstDecrease(const Exposition &before, const Exposition &after);

//! The TCP ports a process listens on with their addresses (Linux: its socket descriptors
//! matched against /proc/net/tcp and tcp6); nullopt where that cannot be read.
std::optional<QList<std::pair<QHostAddress, quint16>>> listeningSockets(qint64 pid);

} // namespace Hubbub::Test
