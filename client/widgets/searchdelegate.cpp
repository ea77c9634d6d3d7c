#include "searchdelegate.h"

#include "relativetime.h"
#include "searchmodel.h"

#include <QApplication>
#include <QPainter>
#include <QPoint>
#include <QTextLayout>

namespace Hubbub::Client {

namespace {

constexpr int SnippetLines = 2;

int padding(const QFontMetrics &metrics)
{
    return metrics.height() / 3;
}

} // namespace

SearchDelegate::SearchDelegate(std::function<QString(qint64)> channelName, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_channelName(std::move(channelName))
{ }

QString SearchDelegate::headerText(const QModelIndex &index) const
{
    const auto kind = index.data(SearchModel::KindRole).value<SearchModel::Kind>();
    QString where;
    if (kind == SearchModel::Kind::Post) {
        where = tr("Post: %1").arg(index.data(SearchModel::TitleRole).toString());
    } else {
        const QString channel = m_channelName(index.data(SearchModel::ChannelIdRole).toLongLong());
        where = channel.isEmpty() ? tr("Message") : QStringLiteral("#") + channel;
    }
    return tr("%1 · %2 · %3")
        .arg(where, index.data(SearchModel::AuthorRole).toString(),
            relativeTime(index.data(SearchModel::CreatedAtRole).toDateTime()));
}

void SearchDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const QFontMetrics metrics(option.font);
    const int pad = padding(metrics);
    const QRect area = option.rect.adjusted(pad * 2, pad, -pad * 2, -pad);
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group
        = option.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;

    painter->save();
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.9);
    painter->setFont(small);
    painter->setPen(option.palette.color(
        group, selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
    const QFontMetrics smallMetrics(small);
    painter->drawText(QRect(area.left(), area.top(), area.width(), smallMetrics.height()),
        Qt::AlignLeft | Qt::AlignVCenter,
        smallMetrics.elidedText(headerText(index), Qt::ElideRight, area.width()));

    // The snippet, the matched words in bold, wrapped on at most two lines.
    const QString snippet = index.data(SearchModel::SnippetRole).toString();
    QList<QTextLayout::FormatRange> formats;
    for (const QVariant &range : index.data(SearchModel::HighlightsRole).toList()) {
        const QPoint p = range.toPoint();
        QTextLayout::FormatRange format;
        format.start = p.x();
        format.length = p.y();
        format.format.setFontWeight(QFont::Bold);
        formats.append(format);
    }
    QTextLayout layout(
        QString(snippet).replace(QLatin1Char('\n'), QChar::LineSeparator), option.font);
    layout.setFormats(formats);
    QTextOption textOption;
    textOption.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(textOption);
    layout.beginLayout();
    qreal y = 0;
    for (int i = 0; i < SnippetLines; ++i) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(area.width());
        line.setPosition(QPointF(0, y));
        y += line.height();
    }
    layout.endLayout();
    painter->setPen(
        option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
    painter->setClipRect(area);
    layout.draw(painter, QPointF(area.left(), area.top() + smallMetrics.height() + pad / 2));
    painter->restore();
}

QSize SearchDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics metrics(option.font);
    const int pad = padding(metrics);
    return {metrics.averageCharWidth() * 40,
        pad * 2 + metrics.height() + pad / 2 + metrics.lineSpacing() * SnippetLines};
}

} // namespace Hubbub::Client
