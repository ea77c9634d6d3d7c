#include "messagetype.h"

#include "nametable.h"

namespace Hubbub {

QString messageTypeName(MessageType type)
{
    return nameInTable(messageTypeNames, type);
}

std::optional<MessageType> messageTypeFromName(QStringView name)
{
    return valueInTable<MessageType>(messageTypeNames, name);
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
