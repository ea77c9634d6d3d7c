#pragma once

#include <QString>
#include <QStringView>

#include <array>
#include <cstddef>
#include <optional>

namespace Hubbub {

//! Every event of protocol v1 (the `event` of an `event` frame). Append only: the name table
//! below must stay in step, which tst_eventtype checks for every entry. A name not in the
//! table decodes as an unknown event (nullopt), which a v1 client ignores.
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
    //! An event this client may not see (its audience does not hold the user): only its seq.
    Hidden,
    UserUpdated, //!< part "people": a display name or avatar changed
    ReactionChanged, //!< part "react": the reactions on a message or post changed
};

inline constexpr std::array<const char *, 12> eventTypeNames = {
    "user.renamed",
    "post.created",
    "post.updated",
    "post.deleted",
    "review.created",
    "channel.created",
    "message.created",
    "message.updated",
    "message.deleted",
    "hidden",
    "user.updated",
    "reaction.changed",
};
static_assert(eventTypeNames.size() == static_cast<std::size_t>(EventType::ReactionChanged) + 1,
    "eventTypeNames must name every EventType");

//! The wire name of an event, e.g. "post.created".
QString eventTypeName(EventType type);
//! The event for a wire name; nullopt for one this version does not know.
std::optional<EventType> eventTypeFromName(QStringView name);

//! The wire names as C strings, read from the table above, for code that still compares
//! names; new code routes on EventType.
namespace Events {
inline constexpr const char *nameOf(EventType type)
{
    return eventTypeNames[static_cast<std::size_t>(type)];
}
inline constexpr auto UserRenamed = nameOf(EventType::UserRenamed);
inline constexpr auto PostCreated = nameOf(EventType::PostCreated);
inline constexpr auto PostUpdated = nameOf(EventType::PostUpdated);
inline constexpr auto PostDeleted = nameOf(EventType::PostDeleted);
inline constexpr auto ReviewCreated = nameOf(EventType::ReviewCreated);
inline constexpr auto ChannelCreated = nameOf(EventType::ChannelCreated);
inline constexpr auto MessageCreated = nameOf(EventType::MessageCreated);
inline constexpr auto MessageUpdated = nameOf(EventType::MessageUpdated);
inline constexpr auto MessageDeleted = nameOf(EventType::MessageDeleted);
inline constexpr auto Hidden = nameOf(EventType::Hidden);
inline constexpr auto UserUpdated = nameOf(EventType::UserUpdated);
inline constexpr auto ReactionChanged = nameOf(EventType::ReactionChanged);
} // namespace Events

} // namespace Hubbub
