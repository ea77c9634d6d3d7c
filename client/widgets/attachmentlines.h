#pragma once

#include "types.h"

#include <QFont>
#include <QList>
#include <QPalette>
#include <QRect>

class QPainter;

//! The attachments under a message or a post (part "files"): one line per file, its name and
//! size and a "Download" link. The delegates place the block; paint, height and hit test share
//! one layout so they never disagree.
namespace Hubbub::Client::AttachmentLines {

//! The block's height for `files` in `font` (0 when there are none).
int height(const QList<File> &files, const QFont &font);
void paint(QPainter *painter, const QRect &area, const QList<File> &files, const QFont &font,
    const QPalette &palette);
//! The file whose Download link is at `pos` (in the same coordinates as `area`), or -1.
int downloadAt(const QRect &area, const QList<File> &files, const QFont &font, const QPoint &pos);
//! "2.4 MB" in the user's locale.
QString sizeText(qint64 bytes);

} // namespace Hubbub::Client::AttachmentLines
