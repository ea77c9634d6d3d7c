#include "messagetype.h"

namespace Hubbub {

QString messageTypeName(MessageType type)
{
    return QString::fromLatin1(messageTypeNames.at(static_cast<std::size_t>(type)));
}

std::optional<MessageType> messageTypeFromName(QStringView name)
{
    for (std::size_t i = 0; i < messageTypeNames.size(); ++i) {
        if (name == QLatin1StringView(messageTypeNames[i]))
            return static_cast<MessageType>(i);
    }
    return std::nullopt;
}

bool isAllowedBeforeAuth(MessageType type)
{
    switch (type) {
    case MessageType::Hello:
    case MessageType::AuthRegister:
    case MessageType::AuthLogin:
    case MessageType::AuthToken:
    case MessageType::AuthLogout:
    case MessageType::Ping:
        return true;
    default:
        return false;
    }
}

} // namespace Hubbub
