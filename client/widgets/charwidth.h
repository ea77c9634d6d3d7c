#pragma once

#include <QFontMetrics>
#include <QString>

#include <algorithm>

namespace Hubbub::Client {

//! The unit for sizing windows and columns: the font's average character width, but never
//! more than an average Latin letter. A CJK font reports a full-width ideograph as its average,
//! which made the Korean main window twice as wide as the French one (1802 vs 902 px) and
//! wider than a laptop screen.
inline int charWidth(const QFontMetrics &metrics)
{
    const int latin
        = qRound(metrics.horizontalAdvance(QStringLiteral("abcdefghijklmnopqrstuvwxyz")) / 26.0);
    return std::min(metrics.averageCharWidth(), latin);
}

} // namespace Hubbub::Client
