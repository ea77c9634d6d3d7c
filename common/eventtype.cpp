#include "eventtype.h"

namespace Hubbub {

QString eventTypeName(EventType type)
{
    return QString::fromLatin1(eventTypeNames.at(static_cast<std::size_t>(type)));
}

std::optional<EventType> eventTypeFromName(QStringView name)
{
    for (std::size_t i = 0; i < eventTypeNames.size(); ++i) {
        if (name == QLatin1StringView(eventTypeNames[i]))
            return static_cast<EventType>(i);
    }
    return std::nullopt;
}

} // namespace Hubbub
