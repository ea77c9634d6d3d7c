#include "store/searchquery.h"

#include "protocollimits.h"

#include <QCoreApplication>
#include <QStringList>

namespace Hubbub::Server::SearchQuery {

namespace {

//! The messages of this file, under one context that lupdate can see. The server sends
//! them in English (it knows no reader's language); the client shows its own text.
struct SearchQueryText
{
    Q_DECLARE_TR_FUNCTIONS(Hubbub::Server::SearchQuery)
};

//! The characters unicode61 keeps in tokens; a term without any would match nothing.
bool hasTokenCharacter(QStringView text)
{
    for (const QChar c : text) {
        if (c.isLetterOrNumber() || c.isSurrogate())
            return true;
    }
    return false;
}

//! Scripts written without spaces between a word and its particles.
bool gluesParticles(QStringView term)
{
    if (term.isEmpty())
        return false;
    const char16_t c = term.back().unicode();
    return (c >= 0xAC00 && c <= 0xD7A3) // Hangul syllables
        || (c >= 0x1100 && c <= 0x11FF) // Hangul jamo
        || (c >= 0x3040 && c <= 0x30FF) // kana
        || (c >= 0x4E00 && c <= 0x9FFF) // CJK ideographs
        || (c >= 0x3400 && c <= 0x4DBF);
}

int letterCount(QStringView text)
{
    int count = 0;
    for (const QChar c : text)
        count += c.isLetterOrNumber() ? 1 : 0;
    return count;
}

QString quoted(const QString &term)
{
    QString escaped = term;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

Error queryError(ErrorCode code, const QString &message)
{
    return makeError(code, message, QStringLiteral("query"));
}

} // namespace

Result<QString> toFts(const QString &typed)
{
    const Result<QList<Term>> terms = parse(typed);
    if (!terms)
        return terms.error();
    return toFts(*terms);
}

QString toFts(const QList<Term> &terms)
{
    QStringList quotedTerms;
    for (const Term &term : terms)
        quotedTerms.append(quoted(term.text) + (term.prefix ? QStringLiteral("*") : QString()));
    return quotedTerms.join(QLatin1Char(' '));
}

QString toTsQuery(const QList<Term> &terms, bool any)
{
    QStringList operands;
    for (const Term &term : terms) {
        // Inside tsquery quotes a quote is doubled and a backslash escapes.
        QString escaped = term.text;
        escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
        escaped.replace(QLatin1Char('\''), QLatin1String("''"));
        operands.append(QLatin1Char('\'') + escaped + QLatin1Char('\'')
            + (term.prefix ? QStringLiteral(":*") : QString()));
    }
    return operands.join(any ? QStringLiteral(" | ") : QStringLiteral(" & "));
}

Result<QList<Term>> parse(const QString &raw)
{
    if (raw.size() > Limits::SearchQueryMax) {
        return queryError(ErrorCode::TooLarge,
            SearchQueryText::tr("A search is at most %1 characters long.")
                .arg(Limits::SearchQueryMax));
    }
    // FTS5 reads its query as a C string: a NUL would cut it short, mid-quote.
    QString typed = raw;
    for (QChar &c : typed) {
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char(' ');
    }
    QList<Term> terms;
    qsizetype i = 0;
    const qsizetype n = typed.size();
    while (i < n) {
        if (typed.at(i).isSpace()) {
            ++i;
            continue;
        }
        QString term;
        if (typed.at(i) == QLatin1Char('"')) {
            // A phrase runs to the next quote, or to the end when there is none.
            const qsizetype close = typed.indexOf(QLatin1Char('"'), i + 1);
            const qsizetype end = close < 0 ? n : close;
            term = typed.mid(i + 1, end - i - 1);
            i = close < 0 ? n : close + 1;
        } else {
            const qsizetype start = i;
            while (i < n && !typed.at(i).isSpace() && typed.at(i) != QLatin1Char('"'))
                ++i;
            term = typed.mid(start, i - start);
        }
        bool prefix = false;
        while (i < n && typed.at(i) == QLatin1Char('*')) {
            prefix = true;
            ++i;
        }
        while (term.endsWith(QLatin1Char('*'))) {
            prefix = true;
            term.chop(1);
        }
        if (!hasTokenCharacter(term))
            continue;
        // A one-letter prefix matches so many words that it reads most of the index.
        prefix = (prefix && letterCount(term) >= 2) || gluesParticles(term.trimmed());
        terms.append(Term {term, prefix});
    }
    if (terms.isEmpty()) {
        return queryError(ErrorCode::Invalid, SearchQueryText::tr("Type a word to search for."));
    }
    if (terms.size() > Limits::SearchTermsMax) {
        return queryError(ErrorCode::TooLarge,
            SearchQueryText::tr("A search has at most %1 words.").arg(Limits::SearchTermsMax));
    }
    return terms;
}

} // namespace Hubbub::Server::SearchQuery
