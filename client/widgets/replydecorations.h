#pragma once

#include "reactionlist.h"

#include <QFont>
#include <QList>
#include <QModelIndex>
#include <QRect>

#include <functional>

class QPainter;
class QPalette;

namespace Hubbub::Client {

//! What part "react" draws in a row beside the text: the quote above a reply (chat) and the
//! reaction chips under a message or a post. Shared by MessageDelegate and PostDelegate, which
//! call these from their own layout so that paint, size and hit tests agree.
namespace ReplyDecorations {

//! "Ada: the first line" or "Message deleted" for the quote of the row at `index`.
QString quoteText(const QModelIndex &index);
//! The quote's height for `font`, 0 when the row replies to nothing.
int quoteHeight(const QFont &font, const QModelIndex &index);
//! Draws the quote in `rect` (a bar at the start edge, the author in bold, the text muted).
void paintQuote(QPainter *painter, const QRect &rect, const QFont &font, const QPalette &palette,
    const QModelIndex &index, Qt::LayoutDirection direction);

//! The chips of one row placed in a given width, relative to their top-left corner.
struct Chips
{
    QList<ReactionChip> chips;
    QList<QRect> rects;
    int height = 0; //!< 0 when there are none
};
Chips layoutChips(const QFont &font, const QVariant &reactions, qint64 selfId, int width);
void paintChips(QPainter *painter, const QPoint &origin, const Chips &chips, const QFont &font,
    const QPalette &palette);
//! The chip at `local` (relative to the chips' origin), -1 for none.
int chipAt(const Chips &chips, const QPoint &local);
//! The tooltip of a chip: who reacted with what.
QString chipToolTip(const ReactionChip &chip, const std::function<QString(qint64)> &nameOf);

} // namespace ReplyDecorations
} // namespace Hubbub::Client
