#include "relativetime.h"

#include <QCoreApplication>
#include <QLocale>

namespace Hubbub::Client {

QString relativeTime(const QDateTime &utc, const QDateTime &now)
{
    if (!utc.isValid())
        return {};
    const qint64 secs = utc.secsTo(now);
    if (secs < 60)
        return QCoreApplication::translate("RelativeTime", "just now");
    // (Counts are computed apart from the translate() calls: Qt 6.4's lupdate hangs on a '/'
    // inside their arguments.)
    const int minutes = int(secs / 60);
    const int hours = int(secs / 3600);
    if (secs < 60 * 60)
        return QCoreApplication::translate("RelativeTime", "%n min ago", nullptr, minutes);
    // Days are counted in local time so that "yesterday" means what the user expects.
    const QDateTime local = utc.toLocalTime();
    const QDateTime localNow = now.toLocalTime();
    const qint64 days = local.date().daysTo(localNow.date());
    if (days == 0)
        return QCoreApplication::translate("RelativeTime", "%n h ago", nullptr, hours);
    if (days == 1)
        return QCoreApplication::translate("RelativeTime", "yesterday");
    const QLocale locale;
    // Within the year the year is noise in a list: "23 Nov".
    if (local.date().year() == localNow.date().year())
        return locale.toString(local.date(), QStringLiteral("d MMM"));
    return locale.toString(local.date(), QLocale::ShortFormat);
}

} // namespace Hubbub::Client
