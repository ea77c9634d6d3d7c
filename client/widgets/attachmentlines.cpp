#include "attachmentlines.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QLocale>
#include <QPainter>

namespace Hubbub::Client::AttachmentLines {

namespace {

//! The messages of this file, under one context that lupdate can see.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Hubbub::Client::AttachmentLines)
};

int lineHeight(const QFontMetrics &metrics)
{
    return metrics.height() + metrics.height() / 4;
}

//! Where line `i`'s link is, and where its name may go.
struct Line
{
    QRect link;
    QRect name;
};

Line lineAt(const QRect &area, const QFontMetrics &metrics, int i)
{
    const QString link = Text::tr("Download");
    const int top = area.top() + i * lineHeight(metrics);
    const int linkWidth = metrics.horizontalAdvance(link);
    const int gap = metrics.averageCharWidth() * 2;
    Line line;
    line.link = QRect(area.right() - linkWidth, top, linkWidth, metrics.height());
    line.name = QRect(area.left(), top, qMax(0, area.width() - linkWidth - gap), metrics.height());
    return line;
}

} // namespace

int height(const QList<File> &files, const QFont &font)
{
    return files.isEmpty() ? 0 : int(files.size()) * lineHeight(QFontMetrics(font));
}

void paint(QPainter *painter, const QRect &area, const QList<File> &files, const QFont &font,
    const QPalette &palette)
{
    const QFontMetrics metrics(font);
    painter->save();
    painter->setFont(font);
    for (int i = 0; i < int(files.size()); ++i) {
        const Line line = lineAt(area, metrics, i);
        const File &file = files.at(i);
        const QString size = QStringLiteral(" · ") + sizeText(file.size);
        const int sizeWidth = metrics.horizontalAdvance(size);
        const QString name = metrics.elidedText(
            file.name, Qt::ElideMiddle, qMax(0, line.name.width() - sizeWidth));
        painter->setPen(palette.color(QPalette::Text));
        painter->drawText(line.name.topLeft() + QPoint(0, metrics.ascent()), name);
        painter->setPen(palette.color(QPalette::PlaceholderText));
        painter->drawText(
            line.name.topLeft() + QPoint(metrics.horizontalAdvance(name), metrics.ascent()), size);
        QFont linkFont = font;
        linkFont.setUnderline(true);
        painter->setFont(linkFont);
        painter->setPen(palette.color(QPalette::Link));
        painter->drawText(line.link.topLeft() + QPoint(0, metrics.ascent()), Text::tr("Download"));
        painter->setFont(font);
    }
    painter->restore();
}

int downloadAt(const QRect &area, const QList<File> &files, const QFont &font, const QPoint &pos)
{
    const QFontMetrics metrics(font);
    for (int i = 0; i < int(files.size()); ++i) {
        if (lineAt(area, metrics, i).link.contains(pos))
            return i;
    }
    return -1;
}

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace Hubbub::Client::AttachmentLines
