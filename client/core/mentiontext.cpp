#include "mentiontext.h"

#include <QStringList>

#include <algorithm>

namespace Hubbub::Client::MentionText {

namespace {

//! The [start, end) ranges of code in a Markdown source: fenced blocks (``` or ~~~ lines) and
//! backtick code spans (a run of n backticks up to the next run of exactly n).
QList<std::pair<qsizetype, qsizetype>> codeRanges(const QString &text)
{
    QList<std::pair<qsizetype, qsizetype>> ranges;
    qsizetype lineStart = 0;
    qsizetype fenceStart = -1;
    while (lineStart <= text.size()) {
        qsizetype lineEnd = text.indexOf(u'\n', lineStart);
        if (lineEnd < 0)
            lineEnd = text.size();
        const QStringView line = QStringView(text).mid(lineStart, lineEnd - lineStart).trimmed();
        const bool fence = line.startsWith(u"```") || line.startsWith(u"~~~");
        if (fenceStart >= 0) {
            if (fence) {
                ranges.append({fenceStart, lineEnd});
                fenceStart = -1;
            }
        } else if (fence) {
            fenceStart = lineStart;
        } else {
            for (qsizetype i = lineStart; i < lineEnd;) {
                if (text[i] != u'`') {
                    ++i;
                    continue;
                }
                qsizetype run = i;
                while (run < lineEnd && text[run] == u'`')
                    ++run;
                const QString ticks = text.mid(i, run - i);
                qsizetype close = text.indexOf(ticks, run);
                // The closing run must be exactly as long (and code spans may span lines).
                while (close >= 0 && close + ticks.size() < text.size()
                    && text[close + ticks.size()] == u'`')
                    close = text.indexOf(ticks, close + ticks.size() + 1);
                if (close < 0) {
                    i = run;
                    continue;
                }
                ranges.append({i, close + ticks.size()});
                i = close + ticks.size();
                if (i > lineEnd) {
                    lineEnd = text.indexOf(u'\n', i);
                    if (lineEnd < 0)
                        lineEnd = text.size();
                }
            }
        }
        lineStart = lineEnd + 1;
    }
    if (fenceStart >= 0)
        ranges.append({fenceStart, text.size()});
    return ranges;
}

} // namespace

QString scheme()
{
    return QStringLiteral("hubbub-mention");
}

bool inCode(const QString &markdown, qsizetype offset)
{
    for (const auto &[start, end] : codeRanges(markdown)) {
        if (offset >= start && offset < end)
            return true;
    }
    return false;
}

QString toMarkdown(
    const QString &text, const QList<Mention> &mentions, const QHash<qint64, QString> &names)
{
    if (mentions.isEmpty())
        return text;
    const auto code = codeRanges(text);
    QString out;
    qsizetype done = 0;
    for (const Mention &m : mentions) {
        if (m.start < done || m.length < 2 || m.start + m.length > text.size()
            || text[m.start] != u'@')
            continue;
        const bool isCode = std::any_of(code.cbegin(), code.cend(),
            [&m](const auto &r) { return m.start >= r.first && m.start < r.second; });
        if (isCode)
            continue;
        // The name shown now (a display name, else the username), as plain text: every ASCII
        // punctuation character escaped, so "*Bob* [x]" stays just that inside the link.
        QString name;
        for (const QChar c : names.value(m.userId, text.mid(m.start + 1, m.length - 1))) {
            if (c.unicode() < 128 && (c.isPunct() || c.isSymbol()))
                name += u'\\';
            name += c;
        }
        out += QStringView(text).mid(done, m.start - done);
        out += QStringLiteral("[@%1](%2:%3)").arg(name, scheme()).arg(m.userId);
        done = m.start + m.length;
    }
    out += QStringView(text).mid(done);
    return out;
}

qint64 userIdOf(const QUrl &url)
{
    if (url.scheme() != scheme())
        return 0;
    return url.path().toLongLong();
}

} // namespace Hubbub::Client::MentionText
