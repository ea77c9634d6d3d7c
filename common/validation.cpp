#include "validation.h"

#include "protocollimits.h"

#include <QCoreApplication>
#include <QList>

namespace Hubbub::Validation {

namespace {

//! The messages of this file, under one context that lupdate can see. The server sends
//! them in English (it knows no reader's language); the client shows its own text.
struct ValidationText
{
    Q_DECLARE_TR_FUNCTIONS(Hubbub::Validation)
};

std::optional<Error> checkLength(
    QStringView text, qsizetype min, qsizetype max, const QString &field, const QString &label)
{
    const qsizetype count = charCount(text);
    if (count > max) {
        return makeError(ErrorCode::TooLarge,
            ValidationText::tr("%1 is too long: at most %2 characters, this has %3.")
                .arg(label)
                .arg(max)
                .arg(count),
            field);
    }
    if (count < min) {
        const QString message = min == 1
            ? ValidationText::tr("%1 must not be empty.").arg(label)
            : ValidationText::tr("%1 is too short: at least %2 characters.").arg(label).arg(min);
        return makeError(ErrorCode::Invalid, message, field);
    }
    return std::nullopt;
}

} // namespace

qsizetype charCount(QStringView text)
{
    // A surrogate pair is one character; a lone surrogate (JSON allows "\udc00") counts as one
    // too, so it cannot shrink a text below its limit.
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

QString normalizedUsername(const QString &username)
{
    return username.normalized(QString::NormalizationForm_C);
}

QString usernameKey(const QString &username)
{
    // Unicode's canonical caseless match, NFD(fold(NFD(x))), kept in NFC: the decomposition
    // before folding catches marks that fold differently when composed (U+0345).
    return username.normalized(QString::NormalizationForm_D)
        .toCaseFolded()
        .normalized(QString::NormalizationForm_C);
}

std::optional<Error> checkUsername(const QString &username)
{
    const QString u = QStringLiteral("username");
    // NFC composes at most four code points into one (the longest canonical decomposition), so
    // a value of more than 4 × the limit is over it in any form: it is refused before
    // normalising, which would otherwise run over a whole 16 MiB frame.
    if (const qsizetype raw = charCount(username); raw > 4 * Limits::UsernameMax) {
        return makeError(ErrorCode::TooLarge,
            ValidationText::tr("%1 is too long: at most %2 characters, this has %3.")
                .arg(ValidationText::tr("The username"))
                .arg(Limits::UsernameMax)
                .arg(raw),
            u);
    }
    const QString name = normalizedUsername(username);
    if (auto error = checkLength(
            name, Limits::UsernameMin, Limits::UsernameMax, u, ValidationText::tr("The username")))
        return error;
    for (const char32_t c : name.toUcs4()) {
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
            continue;
        default:
            if (c == U'_' || c == U'.' || c == U'-')
                continue;
            return makeError(ErrorCode::Invalid,
                ValidationText::tr("A username may contain only letters, digits, '_', '.' and "
                                   "'-': no spaces, symbols or emoji."),
                u);
        }
    }
    return std::nullopt;
}

std::optional<Error> checkPassword(const QString &password)
{
    return checkLength(password, Limits::PasswordMin, Limits::PasswordMax,
        QStringLiteral("password"), ValidationText::tr("The password"));
}

QString normalizedCode(QStringView typed)
{
    if (typed.size() > Limits::CodeInputMax)
        return {};
    static constexpr QLatin1StringView Alphabet("0123456789ABCDEFGHJKMNPQRSTVWXYZ");
    QString code;
    for (QChar c : typed) {
        if (c == u'-' || c.isSpace())
            continue;
        c = c.toUpper();
        if (c == u'O')
            c = u'0';
        else if (c == u'I' || c == u'L')
            c = u'1';
        if (!Alphabet.contains(c))
            return {};
        code.append(c);
    }
    return code.size() == Limits::CodeChars ? code : QString();
}

std::optional<Error> checkTitle(const QString &trimmedTitle)
{
    return checkLength(trimmedTitle, Limits::TitleMin, Limits::TitleMax, QStringLiteral("title"),
        ValidationText::tr("The title"));
}

std::optional<Error> checkContent(const QString &content)
{
    return checkLength(
        content, 0, Limits::ContentMax, QStringLiteral("content"), ValidationText::tr("The text"));
}

std::optional<Error> checkChatText(const QString &trimmedText)
{
    return checkLength(trimmedText, Limits::ChatTextMin, Limits::ChatTextMax,
        QStringLiteral("text"), ValidationText::tr("The message"));
}

std::optional<Error> checkComment(const QString &comment)
{
    return checkLength(comment, 0, Limits::CommentMax, QStringLiteral("comment"),
        ValidationText::tr("The comment"));
}

std::optional<Error> checkRating(qint64 rating)
{
    if (rating < Limits::RatingMin || rating > Limits::RatingMax) {
        return makeError(ErrorCode::Invalid,
            ValidationText::tr("The rating must be a whole number of stars from %1 to %2.")
                .arg(Limits::RatingMin)
                .arg(Limits::RatingMax),
            QStringLiteral("rating"));
    }
    return std::nullopt;
}

std::optional<Error> checkChannelName(const QString &trimmedName)
{
    if (auto error = checkLength(trimmedName, Limits::ChannelNameMin, Limits::ChannelNameMax,
            QStringLiteral("name"), ValidationText::tr("The channel name")))
        return error;
    for (const QChar ch : trimmedName) {
        if (ch.category() == QChar::Other_Control || ch == u'\n' || ch == u'\r') {
            return makeError(ErrorCode::Invalid,
                ValidationText::tr("A channel name may not contain line breaks or control "
                                   "characters."),
                QStringLiteral("name"));
        }
    }
    return std::nullopt;
}

std::optional<Error> checkChannelTopic(const QString &topic)
{
    return checkLength(topic, 0, Limits::ChannelTopicMax, QStringLiteral("topic"),
        ValidationText::tr("The topic"));
}

std::optional<Error> checkNonce(const QString &nonce)
{
    return checkLength(
        nonce, 1, Limits::NonceMax, QStringLiteral("nonce"), ValidationText::tr("The nonce"));
}

QString normalizedDisplayName(const QString &displayName)
{
    // Refuse a huge value before normalising it (see checkUsername): the caller checks the
    // length of the result, and NFC at most quarters it.
    if (charCount(displayName) > 4 * Limits::DisplayNameMax)
        return displayName;
    return displayName.trimmed().normalized(QString::NormalizationForm_C);
}

std::optional<Error> checkDisplayName(const QString &normalizedName)
{
    const QString field = QStringLiteral("displayName");
    if (auto error = checkLength(normalizedName, 0, Limits::DisplayNameMax, field,
            ValidationText::tr("The display name")))
        return error;
    for (qsizetype i = 0; i < normalizedName.size(); ++i) {
        // Read by hand: toUcs4() would turn a lone surrogate into U+FFFD and let it through.
        char32_t c = normalizedName.at(i).unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < normalizedName.size()
            && normalizedName.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(normalizedName.at(i), normalizedName.at(i + 1));
            ++i;
        }
        switch (QChar::category(c)) {
        case QChar::Other_Control:
        case QChar::Other_Surrogate:
        case QChar::Other_NotAssigned:
        case QChar::Separator_Line:
        case QChar::Separator_Paragraph:
            break;
        case QChar::Other_Format:
            if (c == 0x200C || c == 0x200D) // ZWNJ, ZWJ
                continue;
            break;
        default:
            continue;
        }
        return makeError(ErrorCode::Invalid,
            ValidationText::tr("A display name may not contain line breaks, control characters "
                               "or invisible formatting characters."),
            field);
    }
    return std::nullopt;
}

bool isImageId(const QString &imageId)
{
    if (imageId.size() != 64)
        return false;
    for (const QChar ch : imageId) {
        const char16_t c = ch.unicode();
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

std::optional<Error> checkEmoji(const QString &emoji)
{
    const QString field = QStringLiteral("emoji");
    const qsizetype bytes = emoji.toUtf8().size();
    if (bytes > Limits::EmojiBytesMax) {
        return makeError(ErrorCode::Invalid,
            ValidationText::tr("A reaction is at most %1 bytes long.").arg(Limits::EmojiBytesMax),
            field);
    }
    bool symbol = false;
    const QList<uint> codePoints = emoji.toUcs4();
    for (uint c : codePoints) {
        // A lone surrogate is not a character: toUcs4() gives U+FFFD for it.
        if (QChar::isSpace(c) || QChar::category(c) == QChar::Other_Control || c == 0xFFFD
            || QChar::isSurrogate(c)) {
            return makeError(ErrorCode::Invalid,
                ValidationText::tr("A reaction has no spaces or control characters."), field);
        }
        if (!QChar::isLetterOrNumber(c))
            symbol = true;
    }
    if (bytes == 0 || !symbol) {
        return makeError(ErrorCode::Invalid,
            ValidationText::tr("A reaction is an emoji or a symbol, not a word."), field);
    }
    return std::nullopt;
}

} // namespace Hubbub::Validation
