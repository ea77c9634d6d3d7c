#include "plaintext.h"

#include <QTextBlock>
#include <QTextDocument>
#include <QTextFragment>
#include <QTextImageFormat>

namespace Hubbub::Client::PlainText {

QString fromMarkdown(const QString &markdown)
{
    // Parsed only: the document is never laid out or painted, so no resource is ever loaded.
    QTextDocument doc;
    doc.setMarkdown(markdown,
        QTextDocument::MarkdownFeatures(
            QTextDocument::MarkdownDialectGitHub | QTextDocument::MarkdownNoHTML));
    QString out;
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        if (!out.isEmpty())
            out += u' ';
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.charFormat().isImageFormat()) {
                out += fragment.charFormat().stringProperty(QTextFormat::ImageAltText);
                continue;
            }
            out += fragment.text();
        }
    }
    return out.simplified();
}

} // namespace Hubbub::Client::PlainText
