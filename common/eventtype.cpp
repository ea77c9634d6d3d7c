#include "eventtype.h"

#include "nametable.h"

namespace Hubbub {

QString eventTypeName(EventType type)
{
    return nameInTable(eventTypeNames, type);
}

std::optional<EventType> eventTypeFromName(QStringView name)
{
    return valueInTable<EventType>(eventTypeNames, name);
}

} // namespace Hubbub
