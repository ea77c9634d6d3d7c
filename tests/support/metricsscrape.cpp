#include "metricsscrape.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTcpSocket>
#include <QTest>

#include <cmath>

#ifdef Q_OS_LINUX
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace Hubbub::Test {

HttpAnswer httpExchange(quint16 port, const QByteArray &request, int timeoutMs)
{
    HttpAnswer answer;
    QElapsedTimer clock;
    clock.start();
    QTcpSocket socket;
    QByteArray received;
    QObject::connect(&socket, &QTcpSocket::readyRead, &socket,
        [&socket, &received] { received += socket.readAll(); });
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!QTest::qWaitFor(
            [&socket] { return socket.state() == QAbstractSocket::ConnectedState; }, timeoutMs))
        return answer;
    socket.write(request);
    answer.closed
        = QTest::qWaitFor([&socket] { return socket.state() == QAbstractSocket::UnconnectedState; },
            int(std::max<qint64>(0, timeoutMs - clock.elapsed())));
    received += socket.readAll();
    answer.elapsedMs = clock.elapsed();

    const qsizetype headEnd = received.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return answer;
    const QList<QByteArray> lines = received.left(headEnd).split('\n');
    static const QRegularExpression statusLine(u"^HTTP/1\\.1 (\\d{3}) [^\\r\\n]*\\r$"_s);
    const QRegularExpressionMatch match = statusLine.match(QString::fromLatin1(lines.first()));
    if (!match.hasMatch())
        return answer;
    answer.status = match.captured(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            answer.headers.insert(line.left(colon).toLower(), line.mid(colon + 1).trimmed());
    }
    answer.body = received.mid(headEnd + 4);
    return answer;
}

HttpAnswer httpRequest(
    quint16 port, const QByteArray &method, const QByteArray &path, int timeoutMs)
{
    return httpExchange(port,
        method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port)
            + "\r\nUser-Agent: tst\r\nAccept: */*\r\n\r\n",
        timeoutMs);
}

namespace {

bool isMetricName(const QString &name)
{
    static const QRegularExpression pattern(u"^[a-zA-Z_:][a-zA-Z0-9_:]*$"_s);
    return pattern.match(name).hasMatch();
}

bool isLabelName(const QString &name)
{
    static const QRegularExpression pattern(u"^[a-zA-Z_][a-zA-Z0-9_]*$"_s);
    return pattern.match(name).hasMatch();
}

std::optional<double> parseValue(const QString &text)
{
    if (text == u"+Inf")
        return std::numeric_limits<double>::infinity();
    if (text == u"-Inf")
        return -std::numeric_limits<double>::infinity();
    if (text == u"NaN")
        return std::numeric_limits<double>::quiet_NaN();
    bool ok = false;
    const double value = text.toDouble(&ok);
    return ok ? std::optional(value) : std::nullopt;
}

//! `{a="1",b="x\"y"}` from `at` (the brace); moves `at` past the closing brace.
std::optional<QList<std::pair<QString, QString>>> parseLabels(const QString &line, qsizetype &at)
{
    QList<std::pair<QString, QString>> labels;
    ++at; // '{'
    if (at < line.size() && line[at] == u'}') {
        ++at;
        return labels;
    }
    while (at < line.size()) {
        const qsizetype equals = line.indexOf(u'=', at);
        if (equals < 0)
            return std::nullopt;
        const QString name = line.mid(at, equals - at);
        if (!isLabelName(name) || equals + 1 >= line.size() || line[equals + 1] != u'"')
            return std::nullopt;
        QString value;
        qsizetype i = equals + 2;
        for (; i < line.size() && line[i] != u'"'; ++i) {
            if (line[i] == u'\\') {
                if (++i >= line.size())
                    return std::nullopt;
                if (line[i] == u'n')
                    value += u'\n';
                else if (line[i] == u'\\' || line[i] == u'"')
                    value += line[i];
                else
                    return std::nullopt;
            } else {
                value += line[i];
            }
        }
        if (i >= line.size())
            return std::nullopt;
        labels.append({name, value});
        at = i + 1;
        if (at < line.size() && line[at] == u',') {
            ++at;
            continue;
        }
        if (at < line.size() && line[at] == u'}') {
            ++at;
            return labels;
        }
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace

QString Exposition::key(const QString &name, QList<std::pair<QString, QString>> labels)
{
    std::sort(labels.begin(), labels.end());
    QString key = name + u'{';
    for (const auto &[label, value] : labels)
        key += label + u"=\"" + value + u"\",";
    return key + u'}';
}

std::optional<Exposition> Exposition::parse(const QByteArray &text, QString *error)
{
    Exposition exposition;
    QSet<QString> helped;
    QSet<QString> finished; //!< families whose samples are over (another family's began)
    QString current; //!< the family of the latest sample
    struct Bucket
    {
        double le;
        double count;
    };
    QHash<QString, QList<Bucket>> buckets; //!< histogram series without `le` -> its buckets
    QHash<QString, QString> bucketFamily;
    const auto fail = [error](qsizetype number, const QString &what) {
        *error = u"line %1: %2"_s.arg(number + 1).arg(what);
        return std::nullopt;
    };
    if (!text.endsWith('\n'))
        return fail(0, u"the text does not end with a line feed"_s);
    const QStringList lines = QString::fromUtf8(text).split(u'\n');
    for (qsizetype n = 0; n + 1 < lines.size(); ++n) {
        const QString &line = lines[n];
        if (line.isEmpty())
            continue;
        if (line.startsWith(u"# HELP ") || line.startsWith(u"# TYPE ")) {
            const QStringList parts = line.mid(7).split(u' ');
            const QString family = parts.value(0);
            if (!isMetricName(family) || parts.size() < 2)
                return fail(n, u"malformed: "_s + line);
            if (line.startsWith(u"# HELP ")) {
                if (helped.contains(family))
                    return fail(n, u"a second # HELP for "_s + family);
                helped.insert(family);
            } else {
                static const QStringList types {
                    u"counter"_s, u"gauge"_s, u"histogram"_s, u"summary"_s, u"untyped"_s};
                if (parts.size() != 2 || !types.contains(parts[1]))
                    return fail(n, u"malformed: "_s + line);
                if (exposition.m_types.contains(family))
                    return fail(n, u"a second # TYPE for "_s + family);
                if (finished.contains(family) || current == family)
                    return fail(n, u"# TYPE after the samples of "_s + family);
                if (parts[1] == u"counter" && !family.endsWith(u"_total"))
                    return fail(n, u"a counter not named *_total: "_s + family);
                exposition.m_types.insert(family, parts[1]);
            }
            continue;
        }
        if (line.startsWith(u'#'))
            continue; // a comment
        qsizetype at = 0;
        while (at < line.size() && line[at] != u'{' && line[at] != u' ')
            ++at;
        const QString name = line.left(at);
        if (!isMetricName(name))
            return fail(n, u"bad metric name in: "_s + line);
        QList<std::pair<QString, QString>> labels;
        if (at < line.size() && line[at] == u'{') {
            const auto parsed = parseLabels(line, at);
            if (!parsed)
                return fail(n, u"bad labels in: "_s + line);
            labels = *parsed;
        }
        if (at >= line.size() || line[at] != u' ')
            return fail(n, u"no value in: "_s + line);
        const QStringList rest = line.mid(at + 1).split(u' ');
        if (rest.size() > 2)
            return fail(n, u"more than a value and a timestamp in: "_s + line);
        const std::optional<double> value = parseValue(rest[0]);
        if (!value)
            return fail(n, u"bad value in: "_s + line);

        // The family: the name itself, or a histogram's with _bucket, _sum or _count.
        QString family = name;
        QString suffix;
        if (!exposition.m_types.contains(family)) {
            for (const QString &s : {u"_bucket"_s, u"_sum"_s, u"_count"_s}) {
                if (name.endsWith(s)
                    && exposition.m_types.value(name.chopped(s.size())) == u"histogram") {
                    family = name.chopped(s.size());
                    suffix = s;
                }
            }
        }
        const QString type = exposition.m_types.value(family);
        if (type.isEmpty())
            return fail(n, u"a sample without # TYPE before it: "_s + name);
        if (!helped.contains(family))
            return fail(n, u"a sample without # HELP before it: "_s + name);
        if (type == u"histogram" && suffix.isEmpty())
            return fail(n, u"a histogram sample without _bucket, _sum or _count: "_s + name);
        if (family != current) {
            if (finished.contains(family))
                return fail(n, u"the samples of "_s + family + u" are not together"_s);
            if (!current.isEmpty())
                finished.insert(current);
            current = family;
        }
        const QString seriesKey = key(name, labels);
        if (exposition.m_values.contains(seriesKey))
            return fail(n, u"a series repeated: "_s + seriesKey);
        if (type == u"counter" && !(*value >= 0))
            return fail(n, u"a counter below 0: "_s + line);
        exposition.m_values.insert(seriesKey, *value);
        exposition.m_familyOf.insert(seriesKey, family);

        if (suffix == u"_bucket") {
            QList<std::pair<QString, QString>> others;
            std::optional<double> le;
            for (const auto &label : std::as_const(labels)) {
                if (label.first == u"le")
                    le = parseValue(label.second);
                else
                    others.append(label);
            }
            if (!le)
                return fail(n, u"a bucket without a valid le: "_s + line);
            const QString series = key(family, others);
            QList<Bucket> &list = buckets[series];
            if (!list.isEmpty() && !(list.last().le < *le))
                return fail(n, u"le not ascending: "_s + line);
            if (!list.isEmpty() && *value < list.last().count)
                return fail(n, u"a bucket below the one before: "_s + line);
            list.append({*le, *value});
            bucketFamily.insert(series, family);
        }
    }
    for (auto it = buckets.cbegin(); it != buckets.cend(); ++it) {
        const QString &family = bucketFamily.value(it.key());
        if (!std::isinf(it->last().le))
            return fail(lines.size() - 1, u"no +Inf bucket in "_s + it.key());
        // The same labels, but for `le`, on _count and _sum.
        const QString labels = it.key().mid(family.size());
        const auto count = exposition.m_values.constFind(family + u"_count" + labels);
        if (count == exposition.m_values.cend())
            return fail(lines.size() - 1, u"no _count for "_s + it.key());
        if (*count != it->last().count)
            return fail(lines.size() - 1, u"_count is not the +Inf bucket in "_s + it.key());
        if (!exposition.m_values.contains(family + u"_sum" + labels))
            return fail(lines.size() - 1, u"no _sum for "_s + it.key());
    }
    for (auto it = exposition.m_types.cbegin(); it != exposition.m_types.cend(); ++it) {
        if (!helped.contains(it.key()))
            return fail(lines.size() - 1, u"# TYPE without # HELP: "_s + it.key());
    }
    return exposition;
}

std::optional<double> Exposition::value(
    const QString &name, const QList<std::pair<QString, QString>> &labels) const
{
    const auto it = m_values.constFind(key(name, labels));
    return it == m_values.cend() ? std::nullopt : std::optional(*it);
}

double Exposition::valueOr0(
    const QString &name, const QList<std::pair<QString, QString>> &labels) const
{
    return value(name, labels).value_or(0);
}

QHash<QString, double> Exposition::growingSeries() const
{
    QHash<QString, double> series;
    for (auto it = m_values.cbegin(); it != m_values.cend(); ++it) {
        const QString type = m_types.value(m_familyOf.value(it.key()));
        if (type == u"counter" || type == u"histogram")
            series.insert(it.key(), *it);
    }
    return series;
}

QString firstDecrease(const Exposition &before, const Exposition &after)
{
    const QHash<QString, double> earlier = before.growingSeries();
    const QHash<QString, double> later = after.growingSeries();
    for (auto it = earlier.cbegin(); it != earlier.cend(); ++it) {
        const auto now = later.constFind(it.key());
        if (now == later.cend())
            return it.key() + u" went missing"_s;
        // A histogram's _sum of durations only grows too; all of these are counts or sums.
        if (*now < *it)
            return u"%1 went from %2 to %3"_s.arg(it.key()).arg(*it).arg(*now);
    }
    return QString();
}

std::optional<QList<std::pair<QHostAddress, quint16>>> listeningSockets(qint64 pid)
{
#ifdef Q_OS_LINUX
    QSet<QByteArray> inodes;
    const QDir fds(u"/proc/%1/fd"_s.arg(pid));
    if (!fds.exists())
        return std::nullopt;
    for (const QString &fd : fds.entryList(QDir::System | QDir::NoDotAndDotDot)) {
        char target[256] = {};
        const ssize_t length = ::readlink(
            QFile::encodeName(fds.filePath(fd)).constData(), target, sizeof target - 1);
        const QByteArray link(target, length > 0 ? length : 0);
        if (link.startsWith("socket:[") && link.endsWith(']'))
            inodes.insert(link.mid(8, link.size() - 9));
    }
    QList<std::pair<QHostAddress, quint16>> listening;
    for (const QString &table : {u"/proc/net/tcp"_s, u"/proc/net/tcp6"_s}) {
        QFile file(table);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        file.readLine(); // the header
        while (!file.atEnd()) {
            const QList<QByteArray> fields = file.readLine().simplified().split(' ');
            // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
            if (fields.size() < 10 || fields[3] != "0A" || !inodes.contains(fields[9]))
                continue;
            const QList<QByteArray> local = fields[1].split(':');
            const QByteArray hex = local.value(0);
            const quint16 port = quint16(local.value(1).toUInt(nullptr, 16));
            // Each 32-bit word in the host's byte order (little-endian here).
            QByteArray bytes;
            for (qsizetype i = 0; i + 8 <= hex.size(); i += 8) {
                const quint32 word = hex.mid(i, 8).toUInt(nullptr, 16);
                for (int b = 0; b < 4; ++b)
                    bytes.append(char((word >> (8 * b)) & 0xff));
            }
            QHostAddress address;
            if (bytes.size() == 4) {
                address
                    = QHostAddress(quint32(quint8(bytes[0])) << 24 | quint32(quint8(bytes[1])) << 16
                        | quint32(quint8(bytes[2])) << 8 | quint32(quint8(bytes[3])));
            } else if (bytes.size() == 16) {
                address = QHostAddress(reinterpret_cast<const quint8 *>(bytes.constData()));
            }
            listening.append({address, port});
        }
    }
    return listening;
#else
    Q_UNUSED(pid);
    return std::nullopt;
#endif
}

} // namespace Hubbub::Test
