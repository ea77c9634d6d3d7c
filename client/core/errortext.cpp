#include "errortext.h"

#include "protocollimits.h"

#include <QCoreApplication>
#include <QLocale>

#include <array>
#include <cmath>

namespace Hubbub::Client::ErrorText {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Hubbub::Client::ErrorText)
};

//! One sentence: for a code, optionally narrowed to a field or to the verb it answers.
//! `%1` and `%2` take `arg1` and `arg2` as numbers in the user's locale; `%n` (rate_limited
//! only) the seconds to wait.
struct Row
{
    ErrorCode code;
    const char *field; //!< "" when the row does not depend on the field
    std::optional<MessageType> verb;
    const char *text;
    qint64 arg1 = -1;
    qint64 arg2 = -1;
};

using enum ErrorCode;
using M = MessageType;
constexpr const char *Any = "";

// Lookup order: a row for the code and the field, then for the code and the verb, then the
// code's own row (field and verb empty). Every code has its own row; tst_errortext checks it.
// clang-format off
const std::array rows {
    Row {BadRequest, Any, {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "The server did not understand this request. A newer version of Hubbub may help.")},
    Row {BadRequest, "rating", {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "Choose from %1 to %2 stars."), Limits::RatingMin, Limits::RatingMax},

    Row {Invalid, Any, {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "The server refused a value in this request as not valid.")},
    Row {Invalid, "title", {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "A post needs a title.")},
    Row {Invalid, "text", {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "A message cannot be empty.")},
    Row {Invalid, "username", {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "A username has %1 to %2 letters, digits, '_', '.' or '-'."),
        Limits::UsernameMin, Limits::UsernameMax},
    Row {Invalid, "password", {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "Choose a password of at least %1 characters."), Limits::PasswordMin},
    Row {Invalid, "newPassword", {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "Choose a password of at least %1 characters."), Limits::PasswordMin},
    Row {Invalid, "rating", {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "Choose from %1 to %2 stars."), Limits::RatingMin, Limits::RatingMax},
    Row {Invalid, "name", {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "A channel name has %1 to %2 characters and no line breaks."),
        Limits::ChannelNameMin, Limits::ChannelNameMax},
    Row {Invalid, "query", {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "Type a word or a phrase to search for.")},
    Row {Invalid, "imageId", {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "The attached image is not valid. Attach it again.")},
    Row {Invalid, "data", {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "This image cannot be read. Use a PNG, JPEG, GIF or WebP file.")},
    Row {Invalid, "mime", {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "This image cannot be read. Use a PNG, JPEG, GIF or WebP file.")},

    Row {Unauthorized, Any, {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "You are not signed in. Please sign in again.")},
    Row {Unauthorized, Any, M::AuthLogin, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "Wrong username or password.")},
    Row {Unauthorized, Any, M::AuthToken, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "Your session has expired or was signed out. Please sign in again.")},
    Row {Unauthorized, "password", {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "The current password is not right.")},
    Row {Unauthorized, "code", {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "This one-time code has expired. Ask an admin for a new one.")},

    Row {Forbidden, Any, {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "Only its author or an admin may change this.")},
    Row {Forbidden, Any, M::AuthRegister, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "This server does not accept new accounts. Ask its admin for one.")},
    Row {Forbidden, "invite", {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "This server takes new accounts by invitation. Type a valid invite code from an admin: "
        "each code works once, until it expires.")},
    Row {Forbidden, Any, M::AuthLogin, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "This account has been disabled. Ask an admin.")},
    Row {Forbidden, "userId", {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "You cannot do this to your own account. Ask another admin.")},
    Row {Forbidden, Any, M::AdminUsers, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "Only an admin can do this.")},
    Row {Forbidden, Any, M::AdminRole, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "Only an admin can do this.")},
    Row {Forbidden, Any, M::AdminDisable, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "Only an admin can do this.")},
    Row {Forbidden, Any, M::AdminEnable, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "Only an admin can do this.")},
    Row {Forbidden, Any, M::AdminResetPassword, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "Only an admin can do this.")},
    Row {Forbidden, Any, M::InviteCreate, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "Only an admin can do this.")},
    Row {Forbidden, Any, M::InviteList, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "Only an admin can do this.")},
    Row {Forbidden, Any, M::InviteRevoke, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "Only an admin can do this.")},
    Row {Forbidden, Any, M::AuditList, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "Only an admin can do this.")},

    Row {NotFound, Any, {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "This no longer exists on the server.")},
    Row {NotFound, "postId", {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "This post no longer exists.")},
    Row {NotFound, "messageId", {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "This message no longer exists.")},
    Row {NotFound, "channelId", {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "This channel no longer exists.")},
    Row {NotFound, "imageId", {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "The image is no longer on the server. Attach it again.")},
    Row {NotFound, "userId", {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "This account no longer exists.")},

    Row {Conflict, Any, {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "This name is already taken.")},
    Row {Conflict, "username", {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "This username is already taken.")},
    Row {Conflict, "name", {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "A channel with this name already exists.")},

    Row {TooLarge, Any, {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "This is too large for the server.")},
    Row {TooLarge, "title", {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "A title has at most %1 characters."), Limits::TitleMax},
    Row {TooLarge, "content", {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "A post has at most %1 characters."), Limits::ContentMax},
    Row {TooLarge, "text", {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "A message has at most %1 characters."), Limits::ChatTextMax},
    Row {TooLarge, "comment", {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "A review comment has at most %1 characters."), Limits::CommentMax},
    Row {TooLarge, "username", {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "A username has %1 to %2 letters, digits, '_', '.' or '-'."),
        Limits::UsernameMin, Limits::UsernameMax},
    Row {TooLarge, "password", {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "A password has at most %1 characters."), Limits::PasswordMax},
    Row {TooLarge, "newPassword", {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "A password has at most %1 characters."), Limits::PasswordMax},
    Row {TooLarge, "name", {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "A channel name has %1 to %2 characters and no line breaks."),
        Limits::ChannelNameMin, Limits::ChannelNameMax},
    Row {TooLarge, "topic", {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "A topic has at most %1 characters."), Limits::ChannelTopicMax},
    Row {TooLarge, "query", {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "A search has at most %1 characters and %2 words."),
        Limits::SearchQueryMax, Limits::SearchTermsMax},
    Row {TooLarge, "data", {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "This image is too large: at most %1 MiB and %2 × %2 pixels."),
        Limits::ImageBytesMax / (1024 * 1024), Limits::ImageDimensionMax},

    Row {RateLimited, Any, {}, QT_TRANSLATE_N_NOOP("Hubbub::Client::ErrorText",
        "Too many requests. Try again in %n second(s).")},
    Row {RateLimited, Any, M::AuthLogin, QT_TRANSLATE_N_NOOP("Hubbub::Client::ErrorText",
        "Too many attempts to sign in. Try again in %n second(s).")},
    Row {RateLimited, Any, M::AuthRegister, QT_TRANSLATE_N_NOOP("Hubbub::Client::ErrorText",
        "Too many attempts to sign in. Try again in %n second(s).")},
    Row {RateLimited, Any, M::AuthToken, QT_TRANSLATE_N_NOOP("Hubbub::Client::ErrorText",
        "Too many attempts to sign in. Try again in %n second(s).")},

    Row {TooOld, Any, {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "Hubbub was away too long to catch up and loads everything again.")},
    Row {UnsupportedProtocol, Any, {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "This server speaks a different protocol version. Update Hubbub or the server.")},
    Row {Internal, Any, {}, QT_TRANSLATE_NOOP("Hubbub::Client::ErrorText",
        "The server ran into a problem and did not do this. Try again later.")},
};
// clang-format on

const Row *find(ErrorCode code, const QString &field, std::optional<MessageType> verb)
{
    const Row *general = nullptr;
    const Row *forVerb = nullptr;
    for (const Row &row : rows) {
        if (row.code != code)
            continue;
        if (*row.field) {
            if (field == QLatin1StringView(row.field))
                return &row;
        } else if (row.verb) {
            if (row.verb == verb)
                forVerb = &row;
        } else {
            general = &row;
        }
    }
    return forVerb ? forVerb : general;
}

} // namespace

QString describe(const QString &code, const QString &field, const QString &serverMessage,
    qint64 retryAfterMs, std::optional<MessageType> verb)
{
    const std::optional<ErrorCode> known = errorCodeFromName(code);
    const Row *row = known ? find(*known, field, verb) : nullptr;
    if (!row) {
        if (!serverMessage.isEmpty())
            return serverMessage;
        return Text::tr("The server refused this (%1).").arg(code);
    }
    if (row->code == ErrorCode::RateLimited) {
        if (retryAfterMs < 0)
            return Text::tr("Too many requests. Try again in a moment.");
        const int seconds = int(std::max<qint64>(1, (retryAfterMs + 999) / 1000));
        return Text::tr(row->text, nullptr, seconds);
    }
    QString text = Text::tr(row->text);
    const QLocale locale;
    if (row->arg1 >= 0)
        text = text.arg(locale.toString(row->arg1));
    if (row->arg2 >= 0)
        text = text.arg(locale.toString(row->arg2));
    return text;
}

Error fromServer(const QJsonObject &error, std::optional<MessageType> verb)
{
    return fromServer(Error::fromJson(error), error.value(QStringLiteral("code")).toString(), verb);
}

Error fromServer(Error error, const QString &code, std::optional<MessageType> verb)
{
    error.message = describe(code, error.field, error.message, error.retryAfterMs, verb);
    return error;
}

} // namespace Hubbub::Client::ErrorText
