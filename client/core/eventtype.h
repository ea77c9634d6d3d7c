#pragma once

#include "messagetype.h"

#include <QString>
#include <QStringView>

#include <array>
#include <optional>

namespace Hubbub {

// Stand-in for the EventType table that common/ is getting (issue 10, section 2): the same
// names in the same order, so the client switches over by deleting this file.

//! Every event kind a server sends in `event` frames. Append only.
enum class EventType {
    UserRenamed,
    PostCreated,
    PostUpdated,
    PostDeleted,
    ReviewCreated,
    ChannelCreated,
    MessageCreated,
    MessageUpdated,
    MessageDeleted,
};

inline constexpr std::array<const char *, 9> eventTypeNames = {
    Events::UserRenamed,
    Events::PostCreated,
    Events::PostUpdated,
    Events::PostDeleted,
    Events::ReviewCreated,
    Events::ChannelCreated,
    Events::MessageCreated,
    Events::MessageUpdated,
    Events::MessageDeleted,
};
static_assert(eventTypeNames.size() == static_cast<std::size_t>(EventType::MessageDeleted) + 1,
    "eventTypeNames must name every EventType");

inline QString eventTypeName(EventType type)
{
    return QString::fromLatin1(eventTypeNames.at(static_cast<std::size_t>(type)));
}

inline std::optional<EventType> eventTypeFromName(QStringView name)
{
    for (std::size_t i = 0; i < eventTypeNames.size(); ++i) {
        if (name == QLatin1StringView(eventTypeNames[i]))
            return static_cast<EventType>(i);
    }
    return std::nullopt;
}

} // namespace Hubbub
