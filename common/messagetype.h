#pragma once

#include "eventtype.h" // the event names lived here before EventType

#include <QString>
#include <QStringView>

#include <array>
#include <optional>

namespace Hubbub {

//! Every request verb of protocol v1. Append only: the order is part of no wire format, but
//! the name table below must stay in step, which tst_messagetype checks for every entry.
enum class MessageType {
    Hello,
    AuthRegister,
    AuthLogin,
    AuthToken,
    AuthLogout,
    UserRename,
    FeedPage,
    PostGet,
    PostCreate,
    PostUpdate,
    PostDelete,
    ReviewCreate,
    ReviewList,
    ImageUpload,
    ImageGet,
    ChannelList,
    ChannelCreate,
    ChatHistory,
    ChatSend,
    ChatEdit,
    ChatDelete,
    ChatTyping,
    PresenceList,
    Sync,
    Ping,
    // Extensions (docs/protocol.md, "Extensions, in one list").
    DmOpen,
    DmList,
    // Part "people": profiles.
    UserProfile,
    UserList,
    // Part "react" (issue 12): replies and reactions.
    ChatAround,
    ReactionSet,
    // Part "rich" (issue 12): edit history.
    ChatVersions,
    PostVersions,
    Search, // part "search"
    // Part "files" (docs/protocol.md, "Files").
    FileBegin,
    FileChunk,
    FileFinish,
    FileCancel,
    FileGet,
    // part "read" (issue 12): read state and notification levels
    ReadMark,
    ReadState,
    ChannelNotify,
    // Issue 13, part "accounts": passwords, devices, and what an admin runs from the app.
    AccountPassword,
    SessionList,
    SessionRevoke,
    SessionRevokeAll,
    AdminUsers,
    AdminRole,
    AdminDisable,
    AdminEnable,
    AdminResetPassword,
    InviteCreate,
    InviteList,
    InviteRevoke,
    AuditList,
};

inline constexpr std::array<const char *, 55> messageTypeNames = {
    "hello",
    "auth.register",
    "auth.login",
    "auth.token",
    "auth.logout",
    "user.rename",
    "feed.page",
    "post.get",
    "post.create",
    "post.update",
    "post.delete",
    "review.create",
    "review.list",
    "image.upload",
    "image.get",
    "channel.list",
    "channel.create",
    "chat.history",
    "chat.send",
    "chat.edit",
    "chat.delete",
    "chat.typing",
    "presence.list",
    "sync",
    "ping",
    "dm.open",
    "dm.list",
    "user.profile",
    "user.list",
    "chat.around",
    "reaction.set",
    "chat.versions",
    "post.versions",
    "search",
    "file.begin",
    "file.chunk",
    "file.finish",
    "file.cancel",
    "file.get",
    "read.mark",
    "read.state",
    "channel.notify",
    "account.password",
    "session.list",
    "session.revoke",
    "session.revoke_all",
    "admin.users",
    "admin.role",
    "admin.disable",
    "admin.enable",
    "admin.reset_password",
    "invite.create",
    "invite.list",
    "invite.revoke",
    "audit.list",
};
static_assert(messageTypeNames.size() == static_cast<std::size_t>(MessageType::AuditList) + 1,
    "messageTypeNames must name every MessageType");

//! The wire name of a verb, e.g. "post.create".
QString messageTypeName(MessageType type);
//! The verb for a wire name; nullopt for an unknown one.
std::optional<MessageType> messageTypeFromName(QStringView name);
//! True for the verbs accepted before a successful auth.* (hello, auth.*, ping).
bool isAllowedBeforeAuth(MessageType type);

} // namespace Hubbub
