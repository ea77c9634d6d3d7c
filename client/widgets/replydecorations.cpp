#include "replydecorations.h"

#include "chatmodel.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QPainter>
#include <QPalette>

namespace Hubbub::Client::ReplyDecorations {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Hubbub::Client::ReplyDecorations)
};

QColor mixed(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
        float(a.greenF() * (1 - t) + b.greenF() * t), float(a.blueF() * (1 - t) + b.blueF() * t));
}

QFont chipFont(const QFont &font)
{
    QFont small = font;
    if (font.pointSizeF() > 0)
        small.setPointSizeF(font.pointSizeF() * 0.9);
    return small;
}

} // namespace

QString quoteText(const QModelIndex &index)
{
    if (index.data(ChatModel::ReplyDeletedRole).toBool())
        return Text::tr("Message deleted");
    return index.data(ChatModel::ReplyTextRole).toString();
}

int quoteHeight(const QFont &font, const QModelIndex &index)
{
    if (index.data(ChatModel::ReplyToIdRole).toLongLong() == 0)
        return 0;
    const QFontMetrics fm(font);
    return fm.height() + fm.height() / 2;
}

void paintQuote(QPainter *painter, const QRect &rect, const QFont &font, const QPalette &palette,
    const QModelIndex &index, Qt::LayoutDirection direction)
{
    const QFontMetrics fm(font);
    const int bar = qMax(2, fm.height() / 6);
    const int pad = fm.averageCharWidth();
    const QRect box = rect.adjusted(0, fm.height() / 8, 0, -fm.height() / 4);
    painter->save();
    painter->fillRect(
        box, mixed(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.06));
    const bool rtl = direction == Qt::RightToLeft;
    painter->fillRect(rtl ? QRect(box.right() - bar + 1, box.top(), bar, box.height())
                          : QRect(box.left(), box.top(), bar, box.height()),
        palette.color(QPalette::Highlight));
    const QRect inner = box.adjusted(bar + pad, 0, -(bar + pad), 0);
    const bool deleted = index.data(ChatModel::ReplyDeletedRole).toBool();
    QFont bold = font;
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    int x = 0;
    if (!deleted) {
        const QString author = boldMetrics.elidedText(
            index.data(ChatModel::ReplyAuthorRole).toString(), Qt::ElideRight, inner.width() / 3);
        painter->setFont(bold);
        painter->setPen(palette.color(QPalette::Text));
        painter->drawText(inner, Qt::AlignVCenter | (rtl ? Qt::AlignRight : Qt::AlignLeft), author);
        x = boldMetrics.horizontalAdvance(author) + pad;
    }
    QFont body = font;
    body.setItalic(deleted);
    painter->setFont(body);
    painter->setPen(palette.color(QPalette::PlaceholderText));
    const QRect textRect = rtl ? inner.adjusted(0, 0, -x, 0) : inner.adjusted(x, 0, 0, 0);
    painter->drawText(textRect, Qt::AlignVCenter | (rtl ? Qt::AlignRight : Qt::AlignLeft),
        QFontMetrics(body).elidedText(quoteText(index), Qt::ElideRight, textRect.width()));
    painter->restore();
}

Chips layoutChips(const QFont &font, const QVariant &reactions, qint64 selfId, int width)
{
    Chips result;
    result.chips = reactionChips(reactions, selfId);
    if (result.chips.isEmpty())
        return result;
    const QFontMetrics fm(chipFont(font));
    const int gap = fm.averageCharWidth() / 2 + 2;
    const int chipHeight = fm.height() + fm.height() / 3;
    int x = 0;
    int y = fm.height() / 4;
    for (const ReactionChip &chip : std::as_const(result.chips)) {
        const int w
            = fm.horizontalAdvance(chip.emoji + QLatin1Char(' ') + QString::number(chip.count))
            + 2 * fm.averageCharWidth();
        if (x > 0 && x + w > width) {
            x = 0;
            y += chipHeight + gap;
        }
        result.rects.append(QRect(x, y, w, chipHeight));
        x += w + gap;
    }
    result.height = y + chipHeight + fm.height() / 4;
    return result;
}

void paintChips(QPainter *painter, const QPoint &origin, const Chips &chips, const QFont &font,
    const QPalette &palette)
{
    if (chips.chips.isEmpty())
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setFont(chipFont(font));
    for (qsizetype i = 0; i < chips.chips.size(); ++i) {
        const ReactionChip &chip = chips.chips.at(i);
        const QRectF r
            = QRectF(chips.rects.at(i).translated(origin)).adjusted(0.5, 0.5, -0.5, -0.5);
        // Own reactions stand out: the highlight colour, as a selected toggle would.
        const QColor base = palette.color(QPalette::Base);
        const QColor accent = palette.color(QPalette::Highlight);
        painter->setPen(chip.mine ? accent : mixed(base, palette.color(QPalette::Text), 0.25));
        painter->setBrush(chip.mine ? mixed(base, accent, 0.18)
                                    : mixed(base, palette.color(QPalette::Text), 0.04));
        painter->drawRoundedRect(r, r.height() / 2, r.height() / 2);
        painter->setPen(palette.color(QPalette::Text));
        painter->drawText(
            r, Qt::AlignCenter, chip.emoji + QLatin1Char(' ') + QString::number(chip.count));
    }
    painter->restore();
}

int chipAt(const Chips &chips, const QPoint &local)
{
    for (qsizetype i = 0; i < chips.rects.size(); ++i) {
        if (chips.rects.at(i).contains(local))
            return int(i);
    }
    return -1;
}

QString chipToolTip(const ReactionChip &chip, const std::function<QString(qint64)> &nameOf)
{
    // "Ada and Bo reacted with 👍"
    return Text::tr("%1 reacted with %2").arg(reactorNames(chip.userIds, nameOf), chip.emoji);
}

} // namespace Hubbub::Client::ReplyDecorations
