#include "error.h"
#include "messagetype.h"

#include <QSet>
#include <QTest>

#include <cstddef>
#include <iterator>

using namespace Qt::StringLiterals;
using namespace Hubbub;

//! Checks the append-only verb and error-code tables against protocol v1.
class tst_MessageType : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyTypeRoundTrips();
    void specVerbIsKnown_data();
    void specVerbIsKnown();
    void tableMatchesSpec();
    void unknownNameIsRejected_data();
    void unknownNameIsRejected();
    void allowedBeforeAuth_data();
    void allowedBeforeAuth();

    void everyErrorCodeRoundTrips();
    void specErrorCodeIsKnown_data();
    void specErrorCodeIsKnown();
    void unknownErrorCodeIsRejected();
    void errorJsonRoundTrips();
};

namespace {

// The "Verbs" table of protocol-v1.md, in the spec's order.
const QStringList specVerbs = {
    u"hello"_s,
    u"auth.register"_s,
    u"auth.login"_s,
    u"auth.token"_s,
    u"auth.logout"_s,
    u"user.rename"_s,
    u"feed.page"_s,
    u"post.get"_s,
    u"post.create"_s,
    u"post.update"_s,
    u"post.delete"_s,
    u"review.create"_s,
    u"review.list"_s,
    u"image.upload"_s,
    u"image.get"_s,
    u"channel.list"_s,
    u"channel.create"_s,
    u"chat.history"_s,
    u"chat.send"_s,
    u"chat.edit"_s,
    u"chat.delete"_s,
    u"chat.typing"_s,
    u"presence.list"_s,
    u"sync"_s,
    u"ping"_s,
};

// The `error.code` table of protocol-v1.md, in the spec's order.
const QStringList specErrorCodes = {
    u"bad_request"_s,
    u"invalid"_s,
    u"unauthorized"_s,
    u"forbidden"_s,
    u"not_found"_s,
    u"conflict"_s,
    u"too_large"_s,
    u"rate_limited"_s,
    u"too_old"_s,
    u"unsupported_protocol"_s,
    u"internal"_s,
};

constexpr std::size_t errorCodeCount = static_cast<std::size_t>(ErrorCode::Internal) + 1;

} // namespace

void tst_MessageType::everyTypeRoundTrips()
{
    QSet<QString> seen;
    for (std::size_t i = 0; i < messageTypeNames.size(); ++i) {
        const auto type = static_cast<MessageType>(i);
        const QString name = messageTypeName(type);
        QVERIFY2(!name.isEmpty(), qPrintable(u"entry %1 has no name"_s.arg(i)));
        QCOMPARE(name, QString::fromLatin1(messageTypeNames[i]));
        const std::optional<MessageType> back = messageTypeFromName(name);
        QVERIFY2(back.has_value(), qPrintable(name));
        QCOMPARE(static_cast<int>(*back), static_cast<int>(i));
        QVERIFY2(!seen.contains(name), qPrintable(u"duplicate name "_s + name));
        seen.insert(name);
    }
    QCOMPARE(seen.size(), qsizetype(messageTypeNames.size()));
}

void tst_MessageType::specVerbIsKnown_data()
{
    QTest::addColumn<QString>("verb");
    QTest::addColumn<int>("type");
    // The enum follows the spec's table order, so each spec verb names the enum entry at its
    // position; this catches two names swapped in messageTypeNames.
    const MessageType types[] = {
        MessageType::Hello,
        MessageType::AuthRegister,
        MessageType::AuthLogin,
        MessageType::AuthToken,
        MessageType::AuthLogout,
        MessageType::UserRename,
        MessageType::FeedPage,
        MessageType::PostGet,
        MessageType::PostCreate,
        MessageType::PostUpdate,
        MessageType::PostDelete,
        MessageType::ReviewCreate,
        MessageType::ReviewList,
        MessageType::ImageUpload,
        MessageType::ImageGet,
        MessageType::ChannelList,
        MessageType::ChannelCreate,
        MessageType::ChatHistory,
        MessageType::ChatSend,
        MessageType::ChatEdit,
        MessageType::ChatDelete,
        MessageType::ChatTyping,
        MessageType::PresenceList,
        MessageType::Sync,
        MessageType::Ping,
    };
    QCOMPARE(specVerbs.size(), qsizetype(std::size(types)));
    for (qsizetype i = 0; i < specVerbs.size(); ++i) {
        QTest::addRow("%s", qPrintable(specVerbs.at(i)))
            << specVerbs.at(i) << static_cast<int>(types[i]);
    }
}

void tst_MessageType::specVerbIsKnown()
{
    QFETCH(QString, verb);
    QFETCH(int, type);
    const std::optional<MessageType> parsed = messageTypeFromName(verb);
    QVERIFY2(parsed.has_value(), qPrintable(verb));
    QCOMPARE(static_cast<int>(*parsed), type);
    QCOMPARE(messageTypeName(static_cast<MessageType>(type)), verb);
}

void tst_MessageType::tableMatchesSpec()
{
    QCOMPARE(specVerbs.size(), 25);
    QStringList table;
    for (const char *name : messageTypeNames)
        table.append(QString::fromLatin1(name));
    // The spec's verbs first, no other verb among them; extensions (docs/protocol.md) follow.
    const QStringList extensions {
        u"dm.open"_s, // part "dm" (issue 12)
        u"dm.list"_s,
        u"user.profile"_s, // part "people"
        u"user.list"_s,
        u"chat.around"_s, // part "react"
        u"reaction.set"_s,
        u"chat.versions"_s, // part "rich" (issue 12)
        u"post.versions"_s,
        u"search"_s, // part "search"
        u"file.begin"_s, // part "files"
        u"file.chunk"_s,
        u"file.finish"_s,
        u"file.cancel"_s,
        u"file.get"_s,
        u"read.mark"_s, // part "read"
        u"read.state"_s,
        u"channel.notify"_s,
        u"account.password"_s, // issue 13, part "accounts"
        u"session.list"_s,
        u"session.revoke"_s,
        u"session.revoke_all"_s,
        u"admin.users"_s,
        u"admin.role"_s,
        u"admin.disable"_s,
        u"admin.enable"_s,
        u"admin.reset_password"_s,
        u"invite.create"_s,
        u"invite.list"_s,
        u"invite.revoke"_s,
        u"audit.list"_s,
    };
    QCOMPARE(table.mid(specVerbs.size()), extensions);
    QStringList sortedTable = table.mid(0, specVerbs.size());
    QStringList sortedSpec = specVerbs;
    sortedTable.sort();
    sortedSpec.sort();
    QCOMPARE(sortedTable, sortedSpec);
}

void tst_MessageType::unknownNameIsRejected_data()
{
    QTest::addColumn<QString>("name");
    QTest::addRow("empty") << QString();
    QTest::addRow("nonsense") << u"frobnicate"_s;
    QTest::addRow("upper case") << u"PING"_s;
    QTest::addRow("mixed case") << u"Post.Create"_s;
    QTest::addRow("leading space") << u" ping"_s;
    QTest::addRow("trailing space") << u"ping "_s;
    QTest::addRow("prefix only") << u"auth"_s;
    QTest::addRow("prefix with dot") << u"auth."_s;
    QTest::addRow("event name") << u"post.created"_s;
    QTest::addRow("reply") << u"reply"_s;
    QTest::addRow("event") << u"event"_s;
    QTest::addRow("underscore for dot") << u"auth_login"_s;
    QTest::addRow("embedded nul") << QString(u"ping\0"_s);
}

void tst_MessageType::unknownNameIsRejected()
{
    QFETCH(QString, name);
    const std::optional<MessageType> type = messageTypeFromName(name);
    QVERIFY2(!type.has_value(),
        qPrintable(
            u"'%1' was accepted as %2"_s.arg(name, type ? messageTypeName(*type) : QString())));
}

void tst_MessageType::allowedBeforeAuth_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<bool>("allowed");
    for (std::size_t i = 0; i < messageTypeNames.size(); ++i) {
        const QString name = QString::fromLatin1(messageTypeNames[i]);
        // The spec: before auth.* succeeds only hello, auth.* and ping are accepted.
        const bool allowed = name == u"hello" || name == u"ping" || name.startsWith(u"auth."_s);
        QTest::addRow("%s", messageTypeNames[i]) << int(i) << allowed;
    }
}

void tst_MessageType::allowedBeforeAuth()
{
    QFETCH(int, type);
    QFETCH(bool, allowed);
    QCOMPARE(isAllowedBeforeAuth(static_cast<MessageType>(type)), allowed);
}

void tst_MessageType::everyErrorCodeRoundTrips()
{
    QSet<QString> seen;
    for (std::size_t i = 0; i < errorCodeCount; ++i) {
        const auto code = static_cast<ErrorCode>(i);
        const QString name = errorCodeName(code);
        QVERIFY2(!name.isEmpty(), qPrintable(u"code %1 has no name"_s.arg(i)));
        const std::optional<ErrorCode> back = errorCodeFromName(name);
        QVERIFY2(back.has_value(), qPrintable(name));
        QCOMPARE(static_cast<int>(*back), static_cast<int>(i));
        QVERIFY2(!seen.contains(name), qPrintable(u"duplicate name "_s + name));
        seen.insert(name);
    }
    QCOMPARE(seen.size(), qsizetype(specErrorCodes.size()));
    QCOMPARE(seen, QSet<QString>(specErrorCodes.cbegin(), specErrorCodes.cend()));
}

void tst_MessageType::specErrorCodeIsKnown_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("code");
    const ErrorCode codes[] = {
        ErrorCode::BadRequest,
        ErrorCode::Invalid,
        ErrorCode::Unauthorized,
        ErrorCode::Forbidden,
        ErrorCode::NotFound,
        ErrorCode::Conflict,
        ErrorCode::TooLarge,
        ErrorCode::RateLimited,
        ErrorCode::TooOld,
        ErrorCode::UnsupportedProtocol,
        ErrorCode::Internal,
    };
    QCOMPARE(specErrorCodes.size(), qsizetype(std::size(codes)));
    for (qsizetype i = 0; i < specErrorCodes.size(); ++i) {
        QTest::addRow("%s", qPrintable(specErrorCodes.at(i)))
            << specErrorCodes.at(i) << static_cast<int>(codes[i]);
    }
}

void tst_MessageType::specErrorCodeIsKnown()
{
    QFETCH(QString, name);
    QFETCH(int, code);
    const std::optional<ErrorCode> parsed = errorCodeFromName(name);
    QVERIFY2(parsed.has_value(), qPrintable(name));
    QCOMPARE(static_cast<int>(*parsed), code);
    QCOMPARE(errorCodeName(static_cast<ErrorCode>(code)), name);
}

void tst_MessageType::unknownErrorCodeIsRejected()
{
    QVERIFY(!errorCodeFromName(u"").has_value());
    QVERIFY(!errorCodeFromName(u"BAD_REQUEST").has_value());
    QVERIFY(!errorCodeFromName(u"bad-request").has_value());
    QVERIFY(!errorCodeFromName(u"badRequest").has_value());
    QVERIFY(!errorCodeFromName(u"not found").has_value());
}

void tst_MessageType::errorJsonRoundTrips()
{
    const Error plain = makeError(ErrorCode::Forbidden, u"Only the author can edit this post."_s);
    const QJsonObject plainJson = plain.toJson();
    QCOMPARE(plainJson.keys(), (QStringList {u"code"_s, u"message"_s}));
    QCOMPARE(plainJson.value(u"code").toString(), u"forbidden"_s);
    QCOMPARE(Error::fromJson(plainJson).toString(), plain.toString());
    QVERIFY(Error::fromJson(plainJson) == plain);

    const Error field = makeError(ErrorCode::Invalid, u"Bad title."_s, u"title"_s);
    const QJsonObject fieldJson = field.toJson();
    QCOMPARE(fieldJson.value(u"field").toString(), u"title"_s);
    QVERIFY(!fieldJson.contains(u"retryAfterMs"));
    QVERIFY(Error::fromJson(fieldJson) == field);

    Error limited = makeError(ErrorCode::RateLimited, u"Slow down."_s);
    limited.retryAfterMs = 1500;
    const QJsonObject limitedJson = limited.toJson();
    QCOMPARE(limitedJson.value(u"retryAfterMs").toInteger(), 1500);
    QVERIFY(!limitedJson.contains(u"field"));
    QVERIFY(Error::fromJson(limitedJson) == limited);

    // A code this client does not know reads as internal rather than failing.
    const Error unknown
        = Error::fromJson(QJsonObject {{u"code"_s, u"brand_new"_s}, {u"message"_s, u"x"_s}});
    QCOMPARE(errorCodeName(unknown.code), u"internal"_s);
}

QTEST_GUILESS_MAIN(tst_MessageType)
#include "tst_messagetype.moc"
