#include "types.h"

#include "protocollimits.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QTimeZone>

namespace Hubbub {

namespace {

QJsonValue nullable(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QString str(const QJsonObject &object, QLatin1StringView key)
{
    return object.value(key).toString();
}

qint64 integer(const QJsonObject &object, QLatin1StringView key)
{
    return object.value(key).toInteger();
}

} // namespace

QString formatTimestamp(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime parseTimestamp(const QString &text)
{
    // Only the protocol's own form: Qt would also read a zone-less time as local time.
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    return time.isValid() && formatTimestamp(time) == text ? time.toUTC() : QDateTime();
}

QString formatTimestamp(qint64 msecsSinceEpoch)
{
    // The same text as formatTimestamp(QDateTime) for years 1970-9999, without QDateTime's
    // time zone machinery: the writer stamps every row with this.
    const qint64 days = msecsSinceEpoch >= 0 ? msecsSinceEpoch / 86400000
                                             : (msecsSinceEpoch - 86399999) / 86400000;
    const qint64 msOfDay = msecsSinceEpoch - days * 86400000;
    // Civil date from days since 1970-01-01 (Howard Hinnant's days_from_civil, inverted).
    const qint64 z = days + 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 dayOfEra = z - era * 146097;
    const qint64 yearOfEra
        = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 mp = (5 * dayOfYear + 2) / 153;
    const qint64 day = dayOfYear - (153 * mp + 2) / 5 + 1;
    const qint64 month = mp < 10 ? mp + 3 : mp - 9;
    const qint64 year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 1970 || year > 9999)
        return formatTimestamp(QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch));

    char text[24];
    const auto put = [&text](int at, qint64 value, int width) {
        for (int i = width - 1; i >= 0; --i, value /= 10)
            text[at + i] = char('0' + value % 10);
    };
    put(0, year, 4);
    text[4] = '-';
    put(5, month, 2);
    text[7] = '-';
    put(8, day, 2);
    text[10] = 'T';
    put(11, msOfDay / 3600000, 2);
    text[13] = ':';
    put(14, msOfDay / 60000 % 60, 2);
    text[16] = ':';
    put(17, msOfDay / 1000 % 60, 2);
    text[19] = '.';
    put(20, msOfDay % 1000, 3);
    text[23] = 'Z';
    return QString::fromLatin1(text, 24);
}

QString nowTimestamp()
{
    return formatTimestamp(QDateTime::currentMSecsSinceEpoch());
}

QString roleName(Role role)
{
    return role == Role::Admin ? QStringLiteral("admin") : QStringLiteral("member");
}

Role roleFromName(QStringView name)
{
    return name == u"admin" ? Role::Admin : Role::Member;
}

QJsonObject User::toJson() const
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("username"), username},
        {QStringLiteral("role"), roleName(role)}, {QStringLiteral("displayName"), displayName},
        {QStringLiteral("avatarId"), nullable(avatarId)}};
}

User User::fromJson(const QJsonObject &object)
{
    return {integer(object, QLatin1StringView("id")), str(object, QLatin1StringView("username")),
        roleFromName(str(object, QLatin1StringView("role"))),
        str(object, QLatin1StringView("displayName")), str(object, QLatin1StringView("avatarId"))};
}

QString User::toString() const
{
    return QStringLiteral("User(%1, %2, %3)").arg(id).arg(username, roleName(role));
}

QJsonObject Post::toJson() const
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("author"), author.toJson()},
        {QStringLiteral("title"), title}, {QStringLiteral("content"), content},
        {QStringLiteral("imageId"), nullable(imageId)}, {QStringLiteral("createdAt"), createdAt},
        {QStringLiteral("updatedAt"), nullable(updatedAt)},
        {QStringLiteral("rating"),
            QJsonObject {{QStringLiteral("average"), ratingAverage},
                {QStringLiteral("count"), ratingCount}}},
        {QStringLiteral("recentReviews"),
            [this] {
                QJsonArray array;
                for (const Review &review : recentReviews)
                    array.append(review.toJson());
                return array;
            }()},
        {QStringLiteral("reactions"), reactionsToJson(reactions)}};
}

Post Post::fromJson(const QJsonObject &object)
{
    Post post;
    post.id = integer(object, QLatin1StringView("id"));
    post.author = User::fromJson(object.value(QLatin1StringView("author")).toObject());
    post.title = str(object, QLatin1StringView("title"));
    post.content = str(object, QLatin1StringView("content"));
    post.imageId = str(object, QLatin1StringView("imageId"));
    post.createdAt = str(object, QLatin1StringView("createdAt"));
    post.updatedAt = str(object, QLatin1StringView("updatedAt"));
    const QJsonObject rating = object.value(QLatin1StringView("rating")).toObject();
    post.ratingAverage = rating.value(QLatin1StringView("average")).toDouble();
    post.ratingCount = rating.value(QLatin1StringView("count")).toInteger();
    const QJsonArray recent = object.value(QLatin1StringView("recentReviews")).toArray();
    for (const QJsonValue &review : recent)
        post.recentReviews.append(Review::fromJson(review.toObject()));
    post.reactions = reactionsFromJson(object.value(QLatin1StringView("reactions")).toArray());
    return post;
}

QString Post::toString() const
{
    return QStringLiteral("Post(%1 by %2: \"%3\", image %4, rating %5/%6)")
        .arg(id)
        .arg(author.username, title, imageId.isEmpty() ? QStringLiteral("none") : imageId)
        .arg(ratingAverage)
        .arg(ratingCount);
}

QJsonObject Review::toJson() const
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("postId"), postId},
        {QStringLiteral("author"), author.toJson()}, {QStringLiteral("rating"), rating},
        {QStringLiteral("comment"), comment}, {QStringLiteral("createdAt"), createdAt},
        {QStringLiteral("updatedAt"), nullable(updatedAt)}};
}

Review Review::fromJson(const QJsonObject &object)
{
    Review review;
    review.id = integer(object, QLatin1StringView("id"));
    review.postId = integer(object, QLatin1StringView("postId"));
    review.author = User::fromJson(object.value(QLatin1StringView("author")).toObject());
    review.rating = object.value(QLatin1StringView("rating")).toInt();
    review.comment = str(object, QLatin1StringView("comment"));
    review.createdAt = str(object, QLatin1StringView("createdAt"));
    review.updatedAt = str(object, QLatin1StringView("updatedAt"));
    return review;
}

QString Review::toString() const
{
    return QStringLiteral("Review(%1 on post %2 by %3: %4 stars)")
        .arg(id)
        .arg(postId)
        .arg(author.username)
        .arg(rating);
}

QJsonObject Channel::toJson() const
{
    QJsonObject object {{QStringLiteral("id"), id}, {QStringLiteral("name"), name},
        {QStringLiteral("topic"), topic},
        {QStringLiteral("kind"), isDirect() ? QStringLiteral("direct") : QStringLiteral("public")}};
    if (isDirect()) {
        QJsonArray array;
        for (const User &member : members)
            array.append(member.toJson());
        object.insert(QStringLiteral("members"), array);
    }
    return object;
}

Channel Channel::fromJson(const QJsonObject &object)
{
    Channel channel {integer(object, QLatin1StringView("id")),
        str(object, QLatin1StringView("name")), str(object, QLatin1StringView("topic"))};
    // A v1 server sends no kind: every channel is public there.
    if (str(object, QLatin1StringView("kind")) == QLatin1StringView("direct")) {
        channel.kind = Kind::Direct;
        for (const QJsonValue &member : object.value(QLatin1StringView("members")).toArray())
            channel.members.append(User::fromJson(member.toObject()));
    }
    return channel;
}

QString Channel::toString() const
{
    return QStringLiteral("Channel(%1, #%2)").arg(id).arg(name);
}

QJsonObject Message::toJson() const
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("channelId"), channelId},
        {QStringLiteral("author"), author.toJson()}, {QStringLiteral("text"), text},
        {QStringLiteral("createdAt"), createdAt}, {QStringLiteral("editedAt"), nullable(editedAt)},
        {QStringLiteral("replyTo"),
            replyTo ? QJsonValue(replyTo->toJson()) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("reactions"), reactionsToJson(reactions)}};
}

Message Message::fromJson(const QJsonObject &object)
{
    Message message;
    message.id = integer(object, QLatin1StringView("id"));
    message.channelId = integer(object, QLatin1StringView("channelId"));
    message.author = User::fromJson(object.value(QLatin1StringView("author")).toObject());
    message.text = str(object, QLatin1StringView("text"));
    message.createdAt = str(object, QLatin1StringView("createdAt"));
    message.editedAt = str(object, QLatin1StringView("editedAt"));
    if (const QJsonValue quote = object.value(QLatin1StringView("replyTo")); quote.isObject())
        message.replyTo = ReplyQuote::fromJson(quote.toObject());
    message.reactions = reactionsFromJson(object.value(QLatin1StringView("reactions")).toArray());
    return message;
}

QString Message::toString() const
{
    return QStringLiteral("Message(%1 in %2 by %3: \"%4\")")
        .arg(id)
        .arg(channelId)
        .arg(author.username, text);
}

QJsonArray reactionsToJson(const QList<Reaction> &reactions)
{
    QJsonArray array;
    for (const Reaction &reaction : reactions) {
        QJsonArray users;
        for (qint64 userId : reaction.userIds)
            users.append(userId);
        array.append(QJsonObject {{QStringLiteral("emoji"), reaction.emoji},
            {QStringLiteral("count"), reaction.count()}, {QStringLiteral("userIds"), users}});
    }
    return array;
}

QList<Reaction> reactionsFromJson(const QJsonArray &array)
{
    QList<Reaction> reactions;
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        Reaction reaction {str(object, QLatin1StringView("emoji")), {}};
        const QJsonArray users = object.value(QLatin1StringView("userIds")).toArray();
        for (const QJsonValue &user : users)
            reaction.userIds.append(user.toInteger());
        if (!reaction.emoji.isEmpty())
            reactions.append(reaction);
    }
    return reactions;
}

QJsonObject ReplyQuote::toJson() const
{
    if (deleted)
        return {{QStringLiteral("id"), id}, {QStringLiteral("deleted"), true}};
    return {{QStringLiteral("id"), id}, {QStringLiteral("author"), author.toJson()},
        {QStringLiteral("text"), text}};
}

ReplyQuote ReplyQuote::fromJson(const QJsonObject &object)
{
    ReplyQuote quote;
    quote.id = integer(object, QLatin1StringView("id"));
    quote.deleted = object.value(QLatin1StringView("deleted")).toBool();
    if (!quote.deleted) {
        quote.author = User::fromJson(object.value(QLatin1StringView("author")).toObject());
        quote.text = str(object, QLatin1StringView("text"));
    }
    return quote;
}

QString ReplyQuote::quoteOf(const QString &text)
{
    const qsizetype newline = text.indexOf(QLatin1Char('\n'));
    QStringView line = QStringView(text).first(newline < 0 ? text.size() : newline);
    // Characters as the spec counts them (code points): a surrogate pair is never cut in two.
    qsizetype at = 0;
    for (int count = 0; at < line.size() && count < Limits::ReplyQuoteMax; ++count)
        at += (line[at].isHighSurrogate() && at + 1 < line.size() && line[at + 1].isLowSurrogate())
            ? 2
            : 1;
    return line.first(at).trimmed().toString();
}

} // namespace Hubbub
