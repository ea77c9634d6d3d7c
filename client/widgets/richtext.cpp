#include "richtext.h"

#include "mentiontext.h"

#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextFragment>

namespace Hubbub::Client {

namespace {

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
        float(a.greenF() * (1 - t) + b.greenF() * t), float(a.blueF() * (1 - t) + b.blueF() * t));
}

//! Every image becomes its address as plain text: nothing is fetched, and a reader still sees
//! what was meant.
void replaceImages(QTextDocument &doc)
{
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (!fragment.charFormat().isImageFormat())
                continue;
            const QTextImageFormat image = fragment.charFormat().toImageFormat();
            QTextCursor cursor(&doc);
            cursor.setPosition(fragment.position());
            cursor.setPosition(fragment.position() + fragment.length(), QTextCursor::KeepAnchor);
            QTextCharFormat plain;
            plain.setAnchor(true);
            plain.setAnchorHref(image.name());
            const QString alt = image.property(QTextFormat::ImageAltText).toString();
            cursor.insertText(alt.isEmpty() ? image.name() : alt, plain);
            // The fragments changed under the iterator: start the block again.
            it = block.begin();
            if (it.atEnd())
                break;
        }
    }
}

//! Colours and weights from the palette, over what the importer chose.
void styleFragments(QTextDocument &doc, const RichText::Style &style)
{
    const QPalette &p = style.palette;
    const QColor codeBack = mix(p.color(QPalette::Base), p.color(QPalette::Text), 0.08);
    const QColor mentionBack = mix(p.color(QPalette::Base), p.color(QPalette::Highlight), 0.18);
    const QColor selfBack = mix(p.color(QPalette::Base), p.color(QPalette::Highlight), 0.45);
    QTextCursor cursor(&doc);
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            QTextCharFormat format = fragment.charFormat();
            QTextCharFormat change;
            if (format.isAnchor()) {
                const QUrl url(format.anchorHref());
                if (const qint64 user = MentionText::userIdOf(url)) {
                    change.setForeground(p.color(QPalette::Text));
                    change.setFontUnderline(false);
                    change.setFontWeight(QFont::DemiBold);
                    change.setBackground(user == style.selfId ? selfBack : mentionBack);
                    if (user == style.selfId)
                        change.setFontWeight(QFont::Bold);
                } else {
                    change.setForeground(p.color(QPalette::Link));
                    change.setFontUnderline(true);
                }
            }
            if (format.fontFixedPitch() || block.blockFormat().nonBreakableLines())
                change.setBackground(codeBack);
            if (style.strikeOut)
                change.setFontStrikeOut(true);
            if (change.properties().isEmpty())
                continue;
            cursor.setPosition(fragment.position());
            cursor.setPosition(fragment.position() + fragment.length(), QTextCursor::KeepAnchor);
            cursor.mergeCharFormat(change);
        }
    }
}

//! Whether a line starts a Markdown block of its own (list item, quote, heading, fence, table).
bool startsBlock(QStringView line)
{
    if (line.isEmpty())
        return true;
    const QChar first = line.front();
    if (first == u'>' || first == u'#' || first == u'|' || line.startsWith(u"```")
        || line.startsWith(u"~~~"))
        return true;
    if ((first == u'-' || first == u'*' || first == u'+') && (line.size() == 1 || line[1] == u' '))
        return true;
    qsizetype digits = 0;
    while (digits < line.size() && line[digits].isDigit())
        ++digits;
    return digits > 0 && digits < line.size() && (line[digits] == u'.' || line[digits] == u')');
}

//! Every line break typed is kept, as in every chat app (CommonMark would join the lines of a
//! paragraph into one): a line followed by more text of the same paragraph ends with U+2028,
//! which QTextDocument breaks the line at inside the block (a Markdown hard break would start
//! a new block, with paragraph spacing). Lines that start blocks and fenced code keep theirs.
QString withLineBreaks(const QString &markdown)
{
    if (!markdown.contains(u'\n'))
        return markdown;
    const QStringList lines = markdown.split(u'\n');
    QString out;
    out.reserve(markdown.size());
    bool fenced = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QStringView line = QStringView(lines.at(i)).trimmed();
        out += lines.at(i);
        if (line.startsWith(u"```") || line.startsWith(u"~~~"))
            fenced = !fenced;
        if (i + 1 == lines.size())
            break;
        const bool join = !fenced && !line.isEmpty() && !line.startsWith(u"```")
            && !line.startsWith(u"~~~") && !line.startsWith(u'#')
            && !startsBlock(QStringView(lines.at(i + 1)).trimmed());
        out += join ? QChar(QChar::LineSeparator) : QChar(u'\n');
    }
    return out;
}

QString keyOf(const QString &markdown, int width, const RichText::Style &style)
{
    return QString::number(width) + QLatin1Char(' ') + style.font.key() + QLatin1Char(' ')
        + QString::number(style.palette.cacheKey()) + QLatin1Char(' ') + style.text.name()
        + (style.strikeOut ? QLatin1Char('s') : QLatin1Char('-'))
        + (style.markerIsLink ? QLatin1Char('l') : QLatin1Char('-'))
        + (style.direction == Qt::RightToLeft ? QLatin1Char('r') : QLatin1Char('-'))
        + QString::number(style.selfId) + QChar(0x1f) + style.marker + QChar(0x1f) + markdown;
}

} // namespace

QVariant SafeDocument::loadResource(int type, const QUrl &name)
{
    Q_UNUSED(type);
    Q_UNUSED(name);
    ++m_requests;
    return {};
}

RichText::RichText()
    : m_cache(2000)
{ }

SafeDocument *RichText::document(const QString &markdown, int width, const Style &style)
{
    const QString key = keyOf(markdown, width, style);
    if (SafeDocument *found = m_cache.object(key))
        return found;
    SafeDocument *doc = build(markdown, width, style).release();
    m_cache.insert(key, doc);
    return doc;
}

std::unique_ptr<SafeDocument> RichText::build(
    const QString &markdown, int width, const Style &style)
{
    auto doc = std::make_unique<SafeDocument>();
    doc->setUndoRedoEnabled(false);
    doc->setDocumentMargin(0);
    doc->setDefaultFont(style.font);
    QTextOption option = doc->defaultTextOption();
    option.setTextDirection(style.direction);
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    doc->setDefaultTextOption(option);
    // GitHub's dialect: strikethrough and autolinks (bare URLs), tables, task lists; never HTML.
    doc->setMarkdown(withLineBreaks(markdown),
        QTextDocument::MarkdownFeatures(
            QTextDocument::MarkdownDialectGitHub | QTextDocument::MarkdownNoHTML));
    replaceImages(*doc);
    styleFragments(*doc, style);
    if (!style.marker.isEmpty()) {
        QTextCursor cursor(doc.get());
        cursor.movePosition(QTextCursor::End);
        QTextCharFormat plain;
        cursor.insertText(QStringLiteral(" "), plain);
        QTextCharFormat marker;
        marker.setForeground(style.palette.color(QPalette::PlaceholderText));
        QFont small = style.font;
        small.setPointSizeF(style.font.pointSizeF() > 0 ? style.font.pointSizeF() * 0.85 : 9);
        marker.setFont(small);
        if (style.markerIsLink) {
            marker.setAnchor(true);
            marker.setAnchorHref(markerHref());
        }
        cursor.insertText(style.marker, marker);
    }
    doc->setTextWidth(width);
    return doc;
}

void RichText::draw(
    QPainter *painter, QTextDocument *document, const QPointF &at, const QColor &text)
{
    painter->save();
    painter->translate(at);
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette.setColor(QPalette::Text, text);
    document->documentLayout()->draw(painter, context);
    painter->restore();
}

QString RichText::anchorAt(QTextDocument *document, const QPointF &pos)
{
    return document->documentLayout()->anchorAt(pos);
}

QString RichText::markerHref()
{
    return QStringLiteral("hubbub-marker:");
}

bool RichText::isOpenable(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return url.isValid() && (scheme == u"http" || scheme == u"https" || scheme == u"mailto");
}

} // namespace Hubbub::Client
