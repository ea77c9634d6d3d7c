#pragma once

#include <QLatin1StringView>
#include <QString>
#include <QStringView>

#include <array>
#include <cstddef>
#include <optional>

namespace Hubbub {

// An append-only name table is a std::array of wire names indexed by an enum (MessageType,
// EventType, ErrorCode); these two read it in both directions.

//! The wire name of `value` in `names`.
template<typename Enum, std::size_t N>
QString nameInTable(const std::array<const char *, N> &names, Enum value)
{
    return QString::fromLatin1(names.at(static_cast<std::size_t>(value)));
}

//! The value named `name` in `names`; nullopt when the table has no such name.
template<typename Enum, std::size_t N>
std::optional<Enum> valueInTable(const std::array<const char *, N> &names, QStringView name)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (name == QLatin1StringView(names[i]))
            return static_cast<Enum>(i);
    }
    return std::nullopt;
}

} // namespace Hubbub
