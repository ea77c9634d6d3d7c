#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Hubbub {

//! ISO 8601 UTC with milliseconds, e.g. 2026-11-22T10:00:00.123Z.
QString formatTimestamp(const QDateTime &time);
//! formatTimestamp() of a time given in milliseconds since 1970-01-01T00:00:00Z.
QString formatTimestamp(qint64 msecsSinceEpoch);
//! Parses formatTimestamp's output; an invalid QDateTime for anything else.
QDateTime parseTimestamp(const QString &text);
//! The current time in the protocol's format.
QString nowTimestamp();

enum class Role { Member, Admin };
QString roleName(Role role);
Role roleFromName(QStringView name);

//! User {id, username, role, displayName, avatarId}; the last two are the "profiles" extension.
struct User
{
    qint64 id = 0;
    QString username;
    Role role = Role::Member;
    // Initialised: `User {id, name, role}` stays free of -Wmissing-field-initializers.
    QString displayName = {}; //!< empty when none
    QString avatarId = {}; //!< an image id; empty means null

    bool isAdmin() const { return role == Role::Admin; }
    //! The display name, else the username: what the app shows as the person's name.
    QString shownName() const { return displayName.isEmpty() ? username : displayName; }
    QJsonObject toJson() const;
    static User fromJson(const QJsonObject &object);
    QString toString() const;
    bool operator==(const User &) const = default;
};

//! One emoji on a message or post and who put it there, in the order they reacted (part
//! "react"); the wire form is {emoji, count, userIds}.
struct Reaction
{
    QString emoji;
    QList<qint64> userIds;

    qsizetype count() const { return userIds.size(); }
    bool operator==(const Reaction &) const = default;
};
//! `reactions` of a Message or Post: in first-reacted order.
QJsonArray reactionsToJson(const QList<Reaction> &reactions);
QList<Reaction> reactionsFromJson(const QJsonArray &array);

//! Message.replyTo (part "react"): {id, author, text} quoting the original's first line, or
//! {id, deleted: true} once the original is gone.
struct ReplyQuote
{
    qint64 id = 0;
    bool deleted = false;
    User author;
    QString text;

    QJsonObject toJson() const;
    static ReplyQuote fromJson(const QJsonObject &object);
    //! The quote of `text`: its first line, at most Limits::ReplyQuoteMax characters.
    static QString quoteOf(const QString &text);
    bool operator==(const ReplyQuote &) const = default;
};

//! Review {id, postId, author, rating, comment, createdAt, updatedAt}; updatedAt (an
//! extension) is set when its author reviewed the post again and this replaced the review.
struct Review
{
    qint64 id = 0;
    qint64 postId = 0;
    User author;
    int rating = 0;
    QString comment;
    QString createdAt;
    QString updatedAt; //!< empty means null: never replaced

    QJsonObject toJson() const;
    static Review fromJson(const QJsonObject &object);
    QString toString() const;
    bool operator==(const Review &) const = default;
};

//! Post {id, author, title, content, imageId, createdAt, updatedAt, rating, recentReviews};
//! recentReviews (an extension) holds the newest reviews with a comment, newest first.
struct Post
{
    qint64 id = 0;
    User author;
    QString title;
    QString content;
    QString imageId; //!< empty means null
    QString createdAt;
    QString updatedAt; //!< empty means null: never edited
    double ratingAverage = 0;
    qint64 ratingCount = 0;
    QList<Review> recentReviews;
    QList<Reaction> reactions; //!< part "react"

    QJsonObject toJson() const;
    static Post fromJson(const QJsonObject &object);
    QString toString() const;
    bool operator==(const Post &) const = default;
};

//! Channel {id, name, topic}
struct Channel
{
    //! Who reads and writes it: every signed-in user, or its members only (docs/protocol.md,
    //! "Direct messages").
    enum class Kind { Public, Direct };

    qint64 id = 0;
    QString name;
    QString topic;
    Kind kind = Kind::Public;
    //! A direct conversation's members, the caller included, by id; empty for a public one.
    QList<User> members = {};

    bool isDirect() const { return kind == Kind::Direct; }

    QJsonObject toJson() const;
    static Channel fromJson(const QJsonObject &object);
    QString toString() const;
    bool operator==(const Channel &) const = default;
};

//! Message {id, channelId, author, text, createdAt, editedAt}
struct Message
{
    qint64 id = 0;
    qint64 channelId = 0;
    User author;
    QString text;
    QString createdAt;
    QString editedAt; //!< empty means null: never edited
    std::optional<ReplyQuote> replyTo; //!< part "react": null when not a reply
    QList<Reaction> reactions; //!< part "react"

    QJsonObject toJson() const;
    static Message fromJson(const QJsonObject &object);
    QString toString() const;
    bool operator==(const Message &) const = default;
};

} // namespace Hubbub
