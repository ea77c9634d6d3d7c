#include "protocollimits.h"
#include "validation.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Hubbub;

//! Every field limit of the spec's Limits table (plus the channel/nonce extensions).
class tst_Validation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void limitsMatchSpec();
    void check_data();
    void check();
    void rating_data();
    void rating();
    void imageId_data();
    void imageId();
    void charCount_data();
    void charCount();
    void usernameKey_data();
    void usernameKey();
};

namespace {

const QString okCode;
const QString invalid = u"invalid"_s;
const QString tooLarge = u"too_large"_s;

//! U+1F600, one code point in two UTF-16 units.
const QString emoji = u"\U0001F600"_s;
const QChar loneLowSurrogate(char16_t(0xDC00));
const QChar loneHighSurrogate(char16_t(0xD800));

QString chars(int count, QChar ch = u'a')
{
    return QString(count, ch);
}

QString emojis(int count)
{
    return emoji.repeated(count);
}

std::optional<Error> runCheck(const QString &check, const QString &value, bool *known)
{
    *known = true;
    if (check == u"username")
        return Validation::checkUsername(value);
    if (check == u"password")
        return Validation::checkPassword(value);
    if (check == u"title")
        return Validation::checkTitle(value);
    if (check == u"content")
        return Validation::checkContent(value);
    if (check == u"chat text")
        return Validation::checkChatText(value);
    if (check == u"comment")
        return Validation::checkComment(value);
    if (check == u"channel name")
        return Validation::checkChannelName(value);
    if (check == u"channel topic")
        return Validation::checkChannelTopic(value);
    if (check == u"nonce")
        return Validation::checkNonce(value);
    *known = false;
    return std::nullopt;
}

} // namespace

void tst_Validation::limitsMatchSpec()
{
    // The numbers of protocol-v1.md "Limits"; the rows below test the checks against them.
    QCOMPARE(Limits::UsernameMin, 3);
    QCOMPARE(Limits::UsernameMax, 32);
    QCOMPARE(Limits::PasswordMin, 8);
    QCOMPARE(Limits::PasswordMax, 256);
    QCOMPARE(Limits::TitleMin, 1);
    QCOMPARE(Limits::TitleMax, 200);
    QCOMPARE(Limits::ContentMax, 20000);
    QCOMPARE(Limits::ChatTextMin, 1);
    QCOMPARE(Limits::ChatTextMax, 4000);
    QCOMPARE(Limits::CommentMax, 2000);
    QCOMPARE(Limits::RatingMin, 1);
    QCOMPARE(Limits::RatingMax, 5);
    QCOMPARE(Limits::ImageBytesMax, qint64(8) * 1024 * 1024);
    QCOMPARE(Limits::ImageDimensionMax, 8192);
    QCOMPARE(Limits::FrameBytesMax, qint64(16) * 1024 * 1024);
    QCOMPARE(Limits::FeedPageDefault, 20);
    QCOMPARE(Limits::FeedPageMax, 100);
    QCOMPARE(Limits::HistoryPageDefault, 50);
    QCOMPARE(Limits::HistoryPageMax, 200);
}

void tst_Validation::check_data()
{
    QTest::addColumn<QString>("check");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("code"); // empty: accepted
    QTest::addColumn<QString>("field");

    const auto row = [](const char *tag, const QString &check, const QString &value,
                         const QString &code, const QString &field) {
        QTest::addRow("%s: %s", qPrintable(check), tag) << check << value << code << field;
    };

    // username: 3..32 code points after NFC of categories L, M, N and _ . -
    const QString u = u"username"_s;
    row("empty", u, QString(), invalid, u);
    row("2 chars", u, chars(2), invalid, u);
    row("3 chars", u, chars(3), okCode, u);
    row("32 chars", u, chars(32), okCode, u);
    row("33 chars", u, chars(33), tooLarge, u);
    row("all allowed characters", u, u"Az09_.-"_s, okCode, u);
    row("only punctuation", u, u"_.-"_s, okCode, u);
    row("upper case", u, u"ALICE"_s, okCode, u);
    row("digits", u, u"123"_s, okCode, u);
    row("space", u, u"ali ce"_s, invalid, u);
    row("leading space", u, u" alice"_s, invalid, u);
    row("at sign", u, u"alice@home"_s, invalid, u);
    row("slash", u, u"a/b"_s, invalid, u);
    row("plus", u, u"a+b"_s, invalid, u);
    row("tab", u, u"a\tb"_s, invalid, u);
    row("newline", u, u"ab\n"_s, invalid, u);
    row("nul", u, QString(u"ab\0"_s), invalid, u);
    row("e acute", u, u"ren\u00e9"_s, okCode, u);
    row("fullwidth digit (No NFKC)", u, u"ab\uff11"_s, okCode, u);
    row("cyrillic a", u, u"b\u0430b"_s, okCode, u);
    row("Hangul", u, u"\uae40\ubbfc\uc900"_s, okCode, u);
    row("Devanagari marks", u, u"\u092a\u094d\u0930\u093f"_s, okCode, u);
    row("letter beyond the BMP", u, u"\U00010330\U00010331\U00010332"_s, okCode, u);
    row("32 beyond the BMP", u, u"\U00010330"_s.repeated(32), okCode, u);
    row("33 beyond the BMP", u, u"\U00010330"_s.repeated(33), tooLarge, u);
    row("32 once composed", u, u"e\u0301"_s.repeated(32), okCode, u);
    row("33 once composed", u, u"e\u0301"_s.repeated(33), tooLarge, u);
    row("2 once composed", u, u"e\u0301"_s.repeated(2), invalid, u);
    row("129 as sent", u, chars(129), tooLarge, u);
    row("emoji", u, u"ab"_s + emoji, invalid, u);
    row("no-break space", u, u"ab\u00a0c"_s, invalid, u);
    row("zero-width joiner", u, u"ab\u200dc"_s, invalid, u);
    row("soft hyphen", u, u"ab\u00adc"_s, invalid, u);
    row("euro sign", u, u"ab\u20ac"_s, invalid, u);
    row("lone surrogate", u, u"ab"_s + loneHighSurrogate, invalid, u);

    // password: 8..256 chars
    const QString p = u"password"_s;
    row("empty", p, QString(), invalid, p);
    row("7 chars", p, chars(7), invalid, p);
    row("8 chars", p, chars(8), okCode, p);
    row("256 chars", p, chars(256), okCode, p);
    row("257 chars", p, chars(257), tooLarge, p);
    row("8 spaces", p, chars(8, u' '), okCode, p);
    row("7 emoji", p, emojis(7), invalid, p);
    row("8 emoji", p, emojis(8), okCode, p);
    row("256 emoji", p, emojis(256), okCode, p);
    row("257 emoji", p, emojis(257), tooLarge, p);

    // post title: 1..200 chars after trimming
    const QString t = u"title"_s;
    row("empty", t, QString(), invalid, t);
    row("whitespace only, trimmed", t, u" \t\n "_s.trimmed(), invalid, t);
    row("1 char", t, chars(1), okCode, t);
    row("200 chars", t, chars(200), okCode, t);
    row("201 chars", t, chars(201), tooLarge, t);
    row("200 emoji", t, emojis(200), okCode, t);
    row("201 emoji", t, emojis(201), tooLarge, t);
    row("199 chars and an emoji", t, chars(199) + emoji, okCode, t);
    row("200 chars and an emoji", t, chars(200) + emoji, tooLarge, t);
    // Known bug, see check(): unpaired low surrogates are not counted at all.
    row("1 char and 1000 lone low surrogates", t, chars(1) + chars(1000, loneLowSurrogate),
        tooLarge, t);

    // post content: 0..20,000 chars
    const QString c = u"content"_s;
    row("empty", c, QString(), okCode, c);
    row("20000 chars", c, chars(20000), okCode, c);
    row("20001 chars", c, chars(20001), tooLarge, c);
    row("20000 emoji", c, emojis(20000), okCode, c);
    row("20001 emoji", c, emojis(20001), tooLarge, c);

    // chat text: 1..4,000 chars after trimming; the request field is `text`.
    const QString x = u"chat text"_s;
    row("empty", x, QString(), invalid, u"text"_s);
    row("1 char", x, chars(1), okCode, u"text"_s);
    row("4000 chars", x, chars(4000), okCode, u"text"_s);
    row("4001 chars", x, chars(4001), tooLarge, u"text"_s);
    row("4000 emoji", x, emojis(4000), okCode, u"text"_s);
    row("4001 emoji", x, emojis(4001), tooLarge, u"text"_s);

    // review comment: 0..2,000 chars
    const QString m = u"comment"_s;
    row("empty", m, QString(), okCode, m);
    row("2000 chars", m, chars(2000), okCode, m);
    row("2001 chars", m, chars(2001), tooLarge, m);
    row("2000 emoji", m, emojis(2000), okCode, m);
    row("2001 emoji", m, emojis(2001), tooLarge, m);

    // channel name (extension): 1..64 chars, no line breaks or control characters;
    // the request field of channel.create is `name`.
    const QString n = u"channel name"_s;
    row("empty", n, QString(), invalid, u"name"_s);
    row("1 char", n, chars(1), okCode, u"name"_s);
    row("ordinary", n, u"general chat"_s, okCode, u"name"_s);
    row("64 chars", n, chars(64), okCode, u"name"_s);
    row("65 chars", n, chars(65), tooLarge, u"name"_s);
    row("64 emoji", n, emojis(64), okCode, u"name"_s);
    row("65 emoji", n, emojis(65), tooLarge, u"name"_s);
    row("newline", n, u"gen\neral"_s, invalid, u"name"_s);
    row("carriage return", n, u"gen\reral"_s, invalid, u"name"_s);
    row("tab", n, u"gen\teral"_s, invalid, u"name"_s);
    row("bell", n, u"gen\aeral"_s, invalid, u"name"_s);
    row("DEL", n, u"gen\u007feral"_s, invalid, u"name"_s);

    // channel topic (extension): 0..500 chars
    const QString o = u"channel topic"_s;
    row("empty", o, QString(), okCode, u"topic"_s);
    row("500 chars", o, chars(500), okCode, u"topic"_s);
    row("501 chars", o, chars(501), tooLarge, u"topic"_s);
    row("500 emoji", o, emojis(500), okCode, u"topic"_s);

    // nonce (extension): 1..128 chars
    const QString e = u"nonce"_s;
    row("empty", e, QString(), invalid, e);
    row("1 char", e, chars(1), okCode, e);
    row("uuid", e, u"0b6f0e7c-2d0c-4d8e-9c1e-2f6d2f5d7a11"_s, okCode, e);
    row("128 chars", e, chars(128), okCode, e);
    row("129 chars", e, chars(129), tooLarge, e);
}

void tst_Validation::check()
{
    QFETCH(QString, check);
    QFETCH(QString, value);
    QFETCH(QString, code);
    QFETCH(QString, field);

    bool known = false;
    const std::optional<Error> error = runCheck(check, value, &known);
    QVERIFY2(known, qPrintable(u"no check named "_s + check));

    // Bug in common/validation.cpp charCount(): it subtracts one for every low surrogate, paired
    // or not, so unpaired low surrogates (which JSON "\udc00" escapes deliver) count as zero
    // characters and any text can exceed its limit. Remove when charCount() is fixed.
    QCOMPARE(error ? errorCodeName(error->code) : QString(), code);
    if (!error)
        return;
    QCOMPARE(error->field, field);
    QVERIFY2(!error->message.isEmpty(), "the error needs a human message");
    QCOMPARE(error->retryAfterMs, qint64(-1));
}

void tst_Validation::rating_data()
{
    QTest::addColumn<qint64>("rating");
    QTest::addColumn<bool>("accepted");
    QTest::addRow("-1") << qint64(-1) << false;
    QTest::addRow("0") << qint64(0) << false;
    for (int stars = 1; stars <= 5; ++stars)
        QTest::addRow("%d", stars) << qint64(stars) << true;
    QTest::addRow("6") << qint64(6) << false;
    QTest::addRow("2^32+3") << qint64(4294967299LL) << false;
    QTest::addRow("2^53-1") << Limits::MaxSafeInteger << false;
    QTest::addRow("-(2^53-1)") << -Limits::MaxSafeInteger << false;
}

void tst_Validation::rating()
{
    QFETCH(qint64, rating);
    QFETCH(bool, accepted);
    const std::optional<Error> error = Validation::checkRating(rating);
    QVERIFY2(error.has_value() != accepted, error ? qPrintable(error->toString()) : "accepted");
    if (!error)
        return;
    QCOMPARE(errorCodeName(error->code), invalid);
    QCOMPARE(error->field, u"rating"_s);
    QVERIFY(!error->message.isEmpty());
}

void tst_Validation::imageId_data()
{
    QTest::addColumn<QString>("imageId");
    QTest::addColumn<bool>("valid");
    const QString emptySha = u"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"_s;
    QTest::addRow("sha256 of nothing") << emptySha << true;
    QTest::addRow("all digits") << chars(64, u'0') << true;
    QTest::addRow("all f") << chars(64, u'f') << true;
    QTest::addRow("empty") << QString() << false;
    QTest::addRow("63 chars") << emptySha.left(63) << false;
    QTest::addRow("65 chars") << QString(emptySha + u'0') << false;
    QTest::addRow("upper case") << emptySha.toUpper() << false;
    QTest::addRow("one upper case letter") << QString(u"E"_s + emptySha.mid(1)) << false;
    QTest::addRow("letter g") << QString(emptySha.left(63) + u'g') << false;
    QTest::addRow("trailing space") << QString(emptySha.left(63) + u' ') << false;
    QTest::addRow("path traversal") << QString(u"../"_s + emptySha.mid(3)) << false;
    QTest::addRow("fullwidth digit")
        << QString(emptySha.left(63) + QChar(char16_t(0xFF10))) << false;
    QTest::addRow("32 emoji (64 UTF-16 units)") << emojis(32) << false;
}

void tst_Validation::imageId()
{
    QFETCH(QString, imageId);
    QFETCH(bool, valid);
    QCOMPARE(Validation::isImageId(imageId), valid);
}

void tst_Validation::charCount_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qsizetype>("count");
    QTest::addRow("empty") << QString() << qsizetype(0);
    QTest::addRow("a") << u"a"_s << qsizetype(1);
    QTest::addRow("a + emoji") << u"a\U0001F600"_s << qsizetype(2);
    QTest::addRow("two emoji") << emojis(2) << qsizetype(2);
    QTest::addRow("precomposed e acute") << u"\u00e9"_s << qsizetype(1);
    QTest::addRow("e + combining acute") << u"e\u0301"_s << qsizetype(2);
    QTest::addRow("CJK") << u"\u4e2d\u6587"_s << qsizetype(2);
    QTest::addRow("U+10FFFF") << u"\U0010FFFF"_s << qsizetype(1);
    QTest::addRow("lone high surrogate") << QString(loneHighSurrogate) << qsizetype(1);
    QTest::addRow("lone high surrogate then a")
        << QString(QString(loneHighSurrogate) + u'a') << qsizetype(2);
    // Known bug, see charCount(): these are each one code point (U+FFFD when decoded).
    QTest::addRow("lone low surrogate") << QString(loneLowSurrogate) << qsizetype(1);
    QTest::addRow("a + lone low surrogate") << QString(u"a"_s + loneLowSurrogate) << qsizetype(2);
    QTest::addRow("low before high surrogate")
        << QString(QString(loneLowSurrogate) + loneHighSurrogate) << qsizetype(2);
}

void tst_Validation::charCount()
{
    QFETCH(QString, text);
    QFETCH(qsizetype, count);
    // Bug in common/validation.cpp charCount(): unpaired low surrogates count as zero.
    // Remove these when it is fixed.
    QCOMPARE(Validation::charCount(text), count);
}

void tst_Validation::usernameKey_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("same");

    QTest::addRow("ASCII case") << u"Alice"_s << u"aLICE"_s << true;
    QTest::addRow("e acute case") << u"\u00c9LODIE"_s << u"\u00e9lodie"_s << true;
    QTest::addRow("composed and decomposed") << u"\u00e9lodie"_s << u"e\u0301lodie"_s << true;
    QTest::addRow("decomposed capital") << u"E\u0301LODIE"_s << u"\u00e9lodie"_s << true;
    QTest::addRow("final sigma") << u"\u03a3\u03bf\u03c6\u03af\u03b1\u03c2"_s
                                 << u"\u03c3\u03bf\u03c6\u03af\u03b1\u03c3"_s << true;
    QTest::addRow("Deseret") << u"\U00010400"_s << u"\U00010428"_s << true;
    QTest::addRow("accent matters") << u"elodie"_s << u"\u00e9lodie"_s << false;
    QTest::addRow("Hangul") << u"\uae40\ubbfc\uc900"_s << u"\uae40\ubbfc"_s << false;
    // Simple folding maps one code point to one: no sharp s to ss.
    QTest::addRow("sharp s") << u"stra\u00dfe"_s << u"STRASSE"_s << false;
}

void tst_Validation::usernameKey()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, same);
    QCOMPARE(Validation::usernameKey(a) == Validation::usernameKey(b), same);
    // The key is in NFC, and a key is its own key.
    const QString key = Validation::usernameKey(a);
    QCOMPARE(key.normalized(QString::NormalizationForm_C), key);
    QCOMPARE(Validation::usernameKey(key), key);
    QCOMPARE(Validation::normalizedUsername(u"e\u0301"_s), u"\u00e9"_s);
}

QTEST_GUILESS_MAIN(tst_Validation)
#include "tst_validation.moc"
