// The Markdown renderer (RichText) on its own: each construct becomes the right character or
// block format (bold, italic, strikethrough, inline code, code block, quote, list, link, bare
// URL), HTML stays text, an image is never loaded (a real listening socket sees no connection
// while the document is laid out and painted), mentions are styled and the user's own
// stronger, links other than http/https/mailto never open, and the cache returns the same
// laid-out document for the same text, width and style.

#include "mentiontext.h"
#include "plaintext.h"
#include "richtext.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QTcpServer>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QTextList>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Qt::StringLiterals;

namespace {

RichText::Style style(qint64 self = 0)
{
    return {QApplication::font(), QApplication::palette(),
        QApplication::palette().color(QPalette::Text), false, self, {}, false, Qt::LeftToRight};
}

//! The format of the first character of `word` in the document.
QTextCharFormat formatOf(QTextDocument &doc, const QString &word)
{
    const QTextCursor found = doc.find(word);
    if (found.isNull())
        return {};
    QTextCursor at(&doc);
    at.setPosition(found.selectionStart() + 1);
    return at.charFormat();
}

//! Set in a fixed-pitch font (Qt marks code spans fixed-pitch, code blocks "monospace").
bool isCode(const QTextCharFormat &format)
{
    return format.fontFixedPitch() || format.fontFamilies().toStringList().contains(u"monospace"_s);
}

QTextBlock blockOf(QTextDocument &doc, const QString &word)
{
    return doc.find(word).block();
}

} // namespace

class tst_RichText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void inlineFormats();
    void blocks();
    void linksAndBareUrls();
    void htmlStaysText();
    void lineBreaksStay();
    void imagesAreNeverLoaded();
    void mentionsAreStyled();
    void mentionsInCodeStayText();
    void mentionShowsADisplayNameAsPlainText();
    void plainTextOfMarkdown_data();
    void plainTextOfMarkdown();
    void onlyWebAndMailLinksOpen();
    void cacheKeepsLaidOutDocuments();
};

void tst_RichText::inlineFormats()
{
    auto doc
        = RichText::build(u"**strong** and *soft* and ~~gone~~ and `code` plain"_s, 400, style());
    QCOMPARE(doc->toPlainText(), u"strong and soft and gone and code plain"_s);
    QVERIFY(formatOf(*doc, u"strong"_s).fontWeight() >= QFont::Bold);
    QVERIFY(formatOf(*doc, u"soft"_s).fontItalic());
    QVERIFY(formatOf(*doc, u"gone"_s).fontStrikeOut());
    QVERIFY(isCode(formatOf(*doc, u"code"_s)));
    const QTextCharFormat plain = formatOf(*doc, u"plain"_s);
    QVERIFY(plain.fontWeight() < QFont::Bold && !plain.fontItalic() && !plain.fontStrikeOut()
        && !isCode(plain));
}

void tst_RichText::blocks()
{
    auto doc = RichText::build(
        u"> quoted words\n\n- first item\n- second item\n\n```\nint x;\n```\n\nafter"_s, 400,
        style());
    QVERIFY(blockOf(*doc, u"quoted"_s).blockFormat().hasProperty(QTextFormat::BlockQuoteLevel));
    QTextList *list = blockOf(*doc, u"first"_s).textList();
    QVERIFY(list);
    QCOMPARE(list->count(), 2);
    QCOMPARE(blockOf(*doc, u"second"_s).textList(), list);
    const QTextBlock code = blockOf(*doc, u"int x;"_s);
    QVERIFY(code.blockFormat().hasProperty(QTextFormat::BlockCodeFence)
        || code.blockFormat().nonBreakableLines());
    QVERIFY(isCode(formatOf(*doc, u"int"_s)));
    QVERIFY(!blockOf(*doc, u"after"_s).textList());
}

void tst_RichText::linksAndBareUrls()
{
    auto doc = RichText::build(
        u"[the site](https://example.org/a) or https://example.com/b now"_s, 400, style());
    const QTextCharFormat link = formatOf(*doc, u"the site"_s);
    QVERIFY(link.isAnchor());
    QCOMPARE(link.anchorHref(), u"https://example.org/a"_s);
    QCOMPARE(link.foreground().color(), QApplication::palette().color(QPalette::Link));
    const QTextCharFormat bare = formatOf(*doc, u"example.com"_s);
    QVERIFY(bare.isAnchor());
    QCOMPARE(bare.anchorHref(), u"https://example.com/b"_s);
    QVERIFY(!formatOf(*doc, u"now"_s).isAnchor());
}

void tst_RichText::htmlStaysText()
{
    auto doc = RichText::build(
        u"<b>not bold</b> <script>x()</script>\n\n<div>block</div>"_s, 400, style());
    QVERIFY2(doc->toPlainText().contains(u"<b>not bold</b>"_s), qPrintable(doc->toPlainText()));
    QVERIFY(doc->toPlainText().contains(u"<div>block</div>"_s));
    QVERIFY(formatOf(*doc, u"not bold"_s).fontWeight() < QFont::Bold);
}

void tst_RichText::lineBreaksStay()
{
    // Shift+Enter in the chat box is a new line, not a space.
    auto doc = RichText::build(u"one\ntwo\n- item\nmore\n\n```\ncode\nblock\n```"_s, 400, style());
    QCOMPARE(doc->toPlainText(), u"one\ntwo\nitem\nmore\ncode\nblock"_s); // not "one two"
    (void)doc->size(); // laid out
    QCOMPARE(doc->begin().layout()->lineCount(), 2); // one paragraph: no paragraph spacing
    QVERIFY(blockOf(*doc, u"item"_s).textList());
}

void tst_RichText::imagesAreNeverLoaded()
{
    QTcpServer listener;
    QVERIFY(listener.listen(QHostAddress::LocalHost));
    const QString url = u"http://127.0.0.1:%1/cat.png"_s.arg(listener.serverPort());
    auto doc = RichText::build(u"look ![a cat](%1) here"_s.arg(url), 400, style());
    // Laid out and painted, as in a row.
    QImage image(400, 200, QImage::Format_ARGB32);
    QPainter painter(&image);
    RichText::draw(&painter, doc.get(), {0, 0}, Qt::black);
    painter.end();
    QVERIFY(!listener.waitForNewConnection(300));
    QCOMPARE(doc->resourceRequests(), 0);
    QVERIFY2(doc->toPlainText().contains(u"a cat"_s), qPrintable(doc->toPlainText()));
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it)
            QVERIFY(!it.fragment().charFormat().isImageFormat());
    }
}

void tst_RichText::mentionsAreStyled()
{
    const QString text = u"hey @bob and @ada"_s;
    const QList<Mention> mentions {{2, 4, 4}, {1, 13, 4}};
    // bob was renamed: his mention shows the new name.
    const QString markdown = MentionText::toMarkdown(text, mentions, {{2, u"robert"_s}});
    auto doc = RichText::build(markdown, 400, style(1));
    QCOMPARE(doc->toPlainText(), u"hey @robert and @ada"_s);
    const QTextCharFormat other = formatOf(*doc, u"@robert"_s);
    const QTextCharFormat self = formatOf(*doc, u"@ada"_s);
    QCOMPARE(MentionText::userIdOf(QUrl(other.anchorHref())), 2);
    QVERIFY(!other.fontUnderline());
    QVERIFY(other.background().style() != Qt::NoBrush);
    QVERIFY(self.fontWeight() > other.fontWeight());
    QVERIFY(self.background().color() != other.background().color());
}

void tst_RichText::mentionsInCodeStayText()
{
    const QString text = u"`@bob` and @bob"_s;
    const QString markdown = MentionText::toMarkdown(text, {{2, 1, 4}, {2, 11, 4}}, {});
    QCOMPARE(markdown, u"`@bob` and [@bob](hubbub-mention:2)"_s);
    // Offsets that do not fit the text (an edit still pending) are left out.
    QCOMPARE(MentionText::toMarkdown(u"hi"_s, {{2, 5, 4}}, {}), u"hi"_s);
}

void tst_RichText::plainTextOfMarkdown_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QString>("plain");
    QTest::newRow("none") << u"just  words"_s << u"just words"_s;
    QTest::newRow("emphasis and code")
        << u"**bold** _it_ `code` ~~gone~~"_s << u"bold it code gone"_s;
    QTest::newRow("link") << u"see [the plan](https://x.example/p)"_s << u"see the plan"_s;
    QTest::newRow("image") << u"![a cat](http://127.0.0.1:9/c.png) here"_s << u"a cat here"_s;
    QTest::newRow("html stays text") << u"<b>hi</b>"_s << u"<b>hi</b>"_s;
    QTest::newRow("list and heading") << u"# Title\n- one\n- two"_s << u"Title one two"_s;
    QTest::newRow("korean") << u"**회의**는 `3시`"_s << u"회의는 3시"_s;
}

void tst_RichText::plainTextOfMarkdown()
{
    QFETCH(QString, markdown);
    QFETCH(QString, plain);
    QCOMPARE(PlainText::fromMarkdown(markdown), plain);
}

void tst_RichText::mentionShowsADisplayNameAsPlainText()
{
    // A display name may hold anything Markdown reads: it shows as typed, inside one link.
    const QString name = u"*Bo* [x](y) `z` <b>é_1</b> \\"_s;
    const QString markdown = MentionText::toMarkdown(u"hi @bob!"_s, {{2, 3, 4}}, {{2, name}});
    auto doc = RichText::build(markdown, 400, style(1));
    QCOMPARE(doc->toPlainText(), u"hi @"_s + name + u"!"_s);
    const QTextCharFormat format = formatOf(*doc, u"@"_s + name);
    QCOMPARE(MentionText::userIdOf(QUrl(format.anchorHref())), 2);
}

void tst_RichText::onlyWebAndMailLinksOpen()
{
    QVERIFY(RichText::isOpenable(QUrl(u"https://example.org"_s)));
    QVERIFY(RichText::isOpenable(QUrl(u"http://example.org"_s)));
    QVERIFY(RichText::isOpenable(QUrl(u"mailto:ada@example.org"_s)));
    QVERIFY(!RichText::isOpenable(QUrl(u"javascript:alert(1)"_s)));
    QVERIFY(!RichText::isOpenable(QUrl(u"file:///etc/passwd"_s)));
    QVERIFY(!RichText::isOpenable(QUrl(u"hubbub-mention:3"_s)));
}

void tst_RichText::cacheKeepsLaidOutDocuments()
{
    RichText rich;
    SafeDocument *first = rich.document(u"**a**"_s, 300, style());
    QCOMPARE(rich.document(u"**a**"_s, 300, style()), first);
    QCOMPARE(rich.cachedCount(), 1);
    QVERIFY(rich.document(u"**a**"_s, 200, style()) != first); // another width
    RichText::Style marked = style();
    marked.marker = u"(edited)"_s;
    QVERIFY(rich.document(u"**a**"_s, 300, marked)->toPlainText().endsWith(u"(edited)"_s));
    QCOMPARE(rich.cachedCount(), 3);
}

QTEST_MAIN(tst_RichText)
#include "tst_richtext.moc"
