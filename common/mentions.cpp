#include "mentions.h"

#include "protocollimits.h"

namespace Hubbub::Mentions {

bool isNameChar(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
        return true;
    default:
        return c == U'_' || c == U'.' || c == U'-';
    }
}

namespace {

//! The code point at `i` and its length in UTF-16 units (a lone surrogate is one unit).
std::pair<char32_t, qsizetype> codePointAt(QStringView text, qsizetype i)
{
    const QChar c = text[i];
    if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
        return {QChar::surrogateToUcs4(c, text[i + 1]), 2};
    return {c.unicode(), 1};
}

bool nameCharBefore(QStringView text, qsizetype i)
{
    if (i == 0)
        return false;
    qsizetype at = i - 1;
    if (text[at].isLowSurrogate() && at > 0 && text[at - 1].isHighSurrogate())
        --at;
    return isNameChar(codePointAt(text, at).first);
}

} // namespace

QList<Token> tokens(QStringView text, qsizetype max)
{
    // A name is at most UsernameMax characters in NFC; NFD may take four units per character.
    constexpr qsizetype longest = 4 * Limits::UsernameMax;
    QList<Token> found;
    for (qsizetype i = 0; i < text.size() && found.size() < max; ++i) {
        if (text[i] != u'@' || nameCharBefore(text, i))
            continue;
        qsizetype end = i + 1;
        while (end < text.size() && end - i - 1 < longest) {
            const auto [c, units] = codePointAt(text, end);
            if (!isNameChar(c))
                break;
            end += units;
        }
        if (end > i + 1)
            found.append({i, end - i});
        i = end - 1;
    }
    return found;
}

QList<QString> candidates(QStringView token)
{
    QStringView name = token.startsWith(u'@') ? token.mid(1) : token;
    QList<QString> names;
    while (!name.isEmpty()) {
        names.append(name.toString());
        const QChar last = name.back();
        if (last != u'.' && last != u'-' && last != u'_')
            break;
        name.chop(1);
    }
    return names;
}

} // namespace Hubbub::Mentions
