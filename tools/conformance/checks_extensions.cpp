// The extensions of docs/protocol.md, each run only when hello's features announce it.
#include "suite.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace Hubbub::Conformance {

namespace {

bool hasSeq(const Peer &peer, qint64 seq)
{
    for (const QJsonObject &event : eventFrames(peer)) {
        if (seqOf(event) == seq)
            return true;
    }
    return false;
}

//! The one event with `seq` that `peer` receives.
QJsonObject eventWithSeq(Peer &peer, qint64 seq)
{
    if (!peer.waitUntil([&] { return hasSeq(peer, seq); }))
        fail(u"no event of seq %1 arrived"_s.arg(seq));
    for (const QJsonObject &event : eventFrames(peer)) {
        if (seqOf(event) == seq)
            return event;
    }
    return {};
}

// dm

void dmOpen(Context &context)
{
    auto opener = context.signIn(0);
    auto member = context.signIn(1);
    auto outsider = context.signIn(2);
    const QJsonObject reply
        = ok(*opener, u"dm.open"_s, {{u"userIds"_s, QJsonArray {context.account(1).id}}});
    expectChannel(reply.value(u"channel"_s), u"channel"_s);
    const QJsonObject channel = reply.value(u"channel"_s).toObject();
    expectEqual(channel.value(u"kind"_s), u"direct"_s, u"the conversation's kind"_s);
    QList<qint64> members = idsOf(channel.value(u"members"_s).toArray());
    std::sort(members.begin(), members.end());
    QList<qint64> expected {context.account(0).id, context.account(1).id};
    std::sort(expected.begin(), expected.end());
    expect(members == expected,
        u"the conversation's members are not the two users (got %1)"_s.arg(
            show(channel.value(u"members"_s))));
    const qint64 channelId = idOf(channel.value(u"id"_s));
    // Opening it again answers the same conversation and the seq of its creation.
    const QJsonObject again
        = ok(*member, u"dm.open"_s, {{u"userIds"_s, QJsonArray {context.account(0).id}}});
    expectEqual(again.value(u"channel"_s).toObject().value(u"id"_s), double(channelId),
        u"the same pair's conversation"_s);
    expectEqual(
        again.value(u"seq"_s), reply.value(u"seq"_s), u"the seq of a conversation opened again"_s);
    // A message in it: whole to the members, a bare `hidden` stub to everyone else.
    const QJsonObject sent = sendMessage(context, *member, u"just between us"_s, {}, channelId);
    const qint64 seq = seqOf(sent);
    expectEqual(
        eventWithSeq(*opener, seq).value(u"event"_s), u"message.created"_s, u"a member's event"_s);
    const QJsonObject stub = eventWithSeq(*outsider, seq);
    expectEqual(stub.value(u"event"_s), u"hidden"_s, u"an outsider's event"_s);
    expect(!stub.contains(u"message"_s), u"an outsider's hidden event carries the message"_s);
    expectError(call(*outsider, u"chat.history"_s, {{u"channelId"_s, channelId}}), u"not_found"_s,
        u"channelId"_s);
    expectError(
        call(*outsider, u"chat.send"_s, {{u"channelId"_s, channelId}, {u"text"_s, u"hi"_s}}),
        u"not_found"_s, u"channelId"_s);
    expect(idsOf(ok(*opener, u"dm.list"_s).value(u"channels"_s).toArray()).contains(channelId),
        u"dm.list lacks the conversation"_s);
    expect(!idsOf(ok(*outsider, u"dm.list"_s).value(u"channels"_s).toArray()).contains(channelId),
        u"an outsider's dm.list holds the conversation"_s);
}

void dmParams(Context &context)
{
    auto peer = context.signIn(0);
    expectError(call(*peer, u"dm.open"_s, {{u"userIds"_s, u"2"_s}}), u"bad_request"_s);
    expectError(
        call(*peer, u"dm.open"_s, {{u"userIds"_s, QJsonArray {}}}), u"invalid"_s, u"userIds"_s);
    expectError(
        call(*peer, u"dm.open"_s, {{u"userIds"_s, QJsonArray {double((qint64(1) << 53) - 2)}}}),
        u"not_found"_s, u"userIds"_s);
}

// profiles

void profile(Context &context)
{
    auto peer = context.signIn(0);
    auto watcher = context.signIn(1);
    const QString name = u"Conformance \u00c9t\u00e9 \U0001F9EA"_s;
    const QJsonObject reply = ok(*peer, u"user.profile"_s, {{u"displayName"_s, name}});
    expectUser(reply.value(u"user"_s), u"user"_s);
    expectEqual(
        reply.value(u"user"_s).toObject().value(u"displayName"_s), name, u"the display name"_s);
    const QJsonObject event = eventWithSeq(*watcher, seqOf(reply));
    expectEqual(event.value(u"event"_s), u"user.updated"_s, u"the profile change's event"_s);
    bool listed = false;
    for (const QJsonValue &user : ok(*watcher, u"user.list"_s).value(u"users"_s).toArray()) {
        if (idOf(user.toObject().value(u"id"_s)) == context.account(0).id) {
            listed = true;
            expectEqual(
                user.toObject().value(u"displayName"_s), name, u"user.list's display name"_s);
        }
    }
    expect(listed, u"user.list lacks the user"_s);
    expectError(call(*peer, u"user.profile"_s, {{u"displayName"_s, repeated(u'd', 65)}}),
        u"too_large"_s, u"displayName"_s);
    expectError(call(*peer, u"user.profile"_s, {{u"displayName"_s, u"Ada\u202egnp.exe"_s}}),
        u"invalid"_s, u"displayName"_s);
    ok(*peer, u"user.profile"_s, {{u"displayName"_s, u""_s}});
}

// chat.replies

void replies(Context &context)
{
    auto peer = context.signIn(0);
    const QJsonObject original = sendMessage(context, *peer, u"The question\nsecond line"_s);
    const qint64 originalId = messageIdOf(original);
    const QJsonObject reply
        = sendMessage(context, *peer, u"The answer"_s, {{u"replyTo"_s, originalId}});
    const QJsonObject quote = reply.value(u"message"_s).toObject().value(u"replyTo"_s).toObject();
    expectEqual(quote.value(u"id"_s), double(originalId), u"replyTo.id"_s);
    expectEqual(quote.value(u"text"_s), u"The question"_s, u"replyTo.text, the first line"_s);
    expectUser(quote.value(u"author"_s), u"replyTo.author"_s);
    expectEqual(
        sendMessage(context, *peer, u"plain"_s).value(u"message"_s).toObject().value(u"replyTo"_s),
        QJsonValue::Null, u"replyTo of a message that replies to nothing"_s);
    ok(*peer, u"chat.delete"_s, {{u"messageId"_s, originalId}});
    expectError(call(*peer, u"chat.send"_s,
                    {{u"channelId"_s, context.kitChannel()}, {u"text"_s, u"x"_s},
                        {u"replyTo"_s, originalId}}),
        u"not_found"_s, u"replyTo"_s);
    const QJsonObject around
        = ok(*peer, u"chat.around"_s, {{u"messageId"_s, messageIdOf(reply)}, {u"limit"_s, 3}});
    expectEqual(
        around.value(u"channelId"_s), double(context.kitChannel()), u"chat.around's channelId"_s);
    expect(idsOf(around.value(u"messages"_s).toArray()).contains(messageIdOf(reply)),
        u"chat.around lacks its message"_s);
    expect(around.value(u"moreBefore"_s).isBool() && around.value(u"moreAfter"_s).isBool(),
        u"chat.around without moreBefore/moreAfter"_s);
}

// reactions

void reactions(Context &context)
{
    auto peer = context.signIn(0);
    auto watcher = context.signIn(1);
    const qint64 messageId = messageIdOf(sendMessage(context, *peer, u"react to me"_s));
    const QString thumbs = u"\U0001F44D"_s;
    const QJsonObject params {{u"messageId"_s, messageId}, {u"emoji"_s, thumbs}, {u"on"_s, true}};
    const QJsonObject reply = ok(*peer, u"reaction.set"_s, params);
    const QJsonArray reactions = reply.value(u"reactions"_s).toArray();
    expectEqual(reactions.size(), 1, u"reactions after one"_s);
    expectEqual(reactions.at(0).toObject().value(u"emoji"_s), thumbs, u"the reaction's emoji"_s);
    expectEqual(reactions.at(0).toObject().value(u"count"_s), 1, u"the reaction's count"_s);
    expectEqual(reactions.at(0).toObject().value(u"userIds"_s), QJsonArray {context.account(0).id},
        u"the reaction's userIds"_s);
    const QJsonObject event = eventWithSeq(*watcher, seqOf(reply));
    expectEqual(event.value(u"event"_s), u"reaction.changed"_s, u"the reaction's event"_s);
    // A set, not a toggle: the same again changes nothing and emits nothing.
    expectEqual(ok(*peer, u"reaction.set"_s, params).value(u"seq"_s), reply.value(u"seq"_s),
        u"the seq of a reaction set again"_s);
    QJsonObject off = params;
    off.insert(u"on"_s, false);
    expectEqual(ok(*peer, u"reaction.set"_s, off).value(u"reactions"_s), QJsonArray(),
        u"reactions after taking it back"_s);
    ok(*watcher, u"ping"_s);
    watcher->settle(150);
    expectEqual(countEvents(*watcher, u"reaction.changed"_s), 2,
        u"reaction.changed events for on, on again, off"_s);
    QJsonObject word = params;
    word.insert(u"emoji"_s, u"lol"_s);
    expectError(call(*peer, u"reaction.set"_s, word), u"invalid"_s, u"emoji"_s);
    QJsonObject both = params;
    both.insert(u"postId"_s, 1);
    expectError(call(*peer, u"reaction.set"_s, both), u"bad_request"_s);
    const qint64 postId = postIdOf(createPost(*peer, context.unique(u"react"_s)));
    ok(*peer, u"reaction.set"_s, {{u"postId"_s, postId}, {u"emoji"_s, u"+1"_s}, {u"on"_s, true}});
    expectEqual(ok(*peer, u"post.get"_s, {{u"postId"_s, postId}})
                    .value(u"post"_s)
                    .toObject()
                    .value(u"reactions"_s)
                    .toArray()
                    .size(),
        1, u"a post's reactions"_s);
}

// markdown, mentions, edit_history

void markdown(Context &context)
{
    auto peer = context.signIn(0);
    const QString source
        = u"**bold** _it_ `code` <b>not html</b> [link](https://example.org)\n\n- item"_s;
    expectEqual(createPost(*peer, context.unique(u"md"_s), source)
                    .value(u"post"_s)
                    .toObject()
                    .value(u"content"_s),
        source, u"Markdown source, stored as sent"_s);
}

void mentions(Context &context)
{
    auto peer = context.signIn(0);
    const QString name = context.account(1).username;
    const QString text = u"hi @"_s + name + u" and mail@example.org"_s;
    const QJsonObject message = sendMessage(context, *peer, text).value(u"message"_s).toObject();
    const QJsonArray found = message.value(u"mentions"_s).toArray();
    expectEqual(found.size(), 1, u"mentions in \"%1\""_s.arg(text));
    const QJsonObject mention = found.at(0).toObject();
    expectEqual(
        mention.value(u"userId"_s), double(context.account(1).id), u"the mention's userId"_s);
    expectEqual(mention.value(u"start"_s), 3, u"the mention's start (UTF-16)"_s);
    expectEqual(mention.value(u"length"_s), double(name.size() + 1), u"the mention's length"_s);
    expectEqual(sendMessage(context, *peer, u"nobody here"_s)
                    .value(u"message"_s)
                    .toObject()
                    .value(u"mentions"_s),
        QJsonArray(), u"mentions of a text without any"_s);
}

void editHistory(Context &context)
{
    auto peer = context.signIn(0);
    const qint64 messageId = messageIdOf(sendMessage(context, *peer, u"first"_s));
    ok(*peer, u"chat.edit"_s, {{u"messageId"_s, messageId}, {u"text"_s, u"second"_s}});
    const QJsonArray versions = ok(*peer, u"chat.versions"_s, {{u"messageId"_s, messageId}})
                                    .value(u"versions"_s)
                                    .toArray();
    expectEqual(versions.size(), 2, u"versions after one edit"_s);
    expectEqual(versions.at(0).toObject().value(u"text"_s), u"first"_s, u"the oldest version"_s);
    expectEqual(versions.at(1).toObject().value(u"text"_s), u"second"_s, u"the current version"_s);
    const qint64 postId = postIdOf(createPost(*peer, u"v1"_s));
    ok(*peer, u"post.update"_s,
        {{u"postId"_s, postId}, {u"title"_s, u"v2"_s}, {u"content"_s, u""_s}});
    expectEqual(ok(*peer, u"post.versions"_s, {{u"postId"_s, postId}})
                    .value(u"versions"_s)
                    .toArray()
                    .size(),
        2, u"post versions after one edit"_s);
    ok(*peer, u"chat.delete"_s, {{u"messageId"_s, messageId}});
    expectError(call(*peer, u"chat.versions"_s, {{u"messageId"_s, messageId}}), u"not_found"_s,
        u"messageId"_s);
}

// search

void search(Context &context)
{
    auto peer = context.signIn(0);
    const QString word = u"zq"_s + context.runId() + u"word"_s;
    const qint64 postId = postIdOf(createPost(*peer, u"Searchable "_s + word, u"content"_s));
    const QJsonObject reply = ok(*peer, u"search"_s, {{u"query"_s, word}, {u"in"_s, u"posts"_s}});
    const QJsonArray results = reply.value(u"results"_s).toArray();
    expect(reply.value(u"more"_s).isBool(), u"search's more is not a boolean"_s);
    expectEqual(results.size(), 1, u"results for a word only one post has"_s);
    expectEqual(results.at(0).toObject().value(u"kind"_s), u"post"_s, u"the result's kind"_s);
    expectEqual(results.at(0).toObject().value(u"post"_s).toObject().value(u"id"_s), double(postId),
        u"the post found"_s);
    expectError(call(*peer, u"search"_s, {{u"query"_s, u"!!! ???"_s}}), u"invalid"_s, u"query"_s);
    expectError(
        call(*peer, u"search"_s, {{u"query"_s, repeated(u'q', 501)}}), u"too_large"_s, u"query"_s);
    ok(*peer, u"post.delete"_s, {{u"postId"_s, postId}});
    expectEqual(ok(*peer, u"search"_s, {{u"query"_s, word}}).value(u"results"_s), QJsonArray(),
        u"results for a deleted post"_s);
}

// files

QJsonObject beginFile(Peer &peer, const QByteArray &bytes, const QString &name)
{
    return ok(peer, u"file.begin"_s,
        {{u"name"_s, name}, {u"size"_s, double(bytes.size())},
            {u"sha256"_s,
                QString::fromLatin1(
                    QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex())},
            {u"mime"_s, u"text/plain"_s}});
}

void files(Context &context)
{
    auto peer = context.signIn(0);
    QByteArray bytes = "hubbub-conformance " + context.runId().toLatin1() + " ";
    bytes += QByteArray::number(QRandomGenerator::system()->generate64());
    const QJsonObject begun = beginFile(*peer, bytes, u"conformance.txt"_s);
    const QString fileId = begun.value(u"fileId"_s).toString();
    expectEqual(begun.value(u"received"_s), 0, u"a new upload's received"_s);
    const QJsonObject chunk = ok(*peer, u"file.chunk"_s,
        {{u"fileId"_s, fileId}, {u"offset"_s, 0},
            {u"data"_s, QString::fromLatin1(bytes.toBase64())}});
    expectEqual(chunk.value(u"received"_s), double(bytes.size()), u"received after the chunk"_s);
    const QJsonObject file
        = ok(*peer, u"file.finish"_s, {{u"fileId"_s, fileId}}).value(u"file"_s).toObject();
    expectEqual(file.value(u"id"_s), fileId, u"the file's id"_s);
    expectEqual(file.value(u"size"_s), double(bytes.size()), u"the file's size"_s);
    expectEqual(file.value(u"name"_s), u"conformance.txt"_s, u"the file's name"_s);
    const QJsonObject got = ok(*peer, u"file.get"_s, {{u"fileId"_s, fileId}});
    expectEqual(got.value(u"data"_s), QString::fromLatin1(bytes.toBase64()), u"file.get's data"_s);
    const QJsonObject message
        = sendMessage(context, *peer, u""_s, {{u"files"_s, QJsonArray {fileId}}});
    expectEqual(message.value(u"message"_s)
                    .toObject()
                    .value(u"files"_s)
                    .toArray()
                    .at(0)
                    .toObject()
                    .value(u"id"_s),
        fileId, u"the message's file"_s);
    // A wrong digest is caught at the finish.
    QByteArray other = bytes + "!";
    QJsonObject liar = beginFile(*peer, other, u"liar.txt"_s);
    const QString liarId = liar.value(u"fileId"_s).toString();
    other[0] = 'H';
    ok(*peer, u"file.chunk"_s,
        {{u"fileId"_s, liarId}, {u"offset"_s, 0},
            {u"data"_s, QString::fromLatin1(other.toBase64())}});
    expectError(call(*peer, u"file.finish"_s, {{u"fileId"_s, liarId}}), u"invalid"_s, u"sha256"_s);
    ok(*peer, u"file.cancel"_s, {{u"fileId"_s, liarId}});
    expectError(call(*peer, u"file.get"_s, {{u"fileId"_s, QString(64, u'0')}}), u"not_found"_s,
        u"fileId"_s);
}

// read_state, notify_levels

QJsonObject stateOf(Peer &peer, qint64 channelId)
{
    for (const QJsonValue &line : ok(peer, u"read.state"_s).value(u"channels"_s).toArray()) {
        if (idOf(line.toObject().value(u"channelId"_s)) == channelId)
            return line.toObject();
    }
    fail(u"read.state has no line for channel %1"_s.arg(channelId));
}

void readState(Context &context)
{
    auto peer = context.signIn(1);
    auto device = context.signIn(1);
    auto writer = context.signIn(0);
    const qint64 first = messageIdOf(sendMessage(context, *writer, u"unread one"_s));
    const qint64 second = messageIdOf(sendMessage(context, *writer, u"unread two"_s));
    const QJsonObject marked = ok(
        *peer, u"read.mark"_s, {{u"channelId"_s, context.kitChannel()}, {u"messageId"_s, second}});
    expectEqual(marked.value(u"lastReadId"_s), double(second), u"read.mark's lastReadId"_s);
    const bool told = device->waitUntil([&] {
        for (const Frame &frame : device->frames()) {
            if (frame.frame.kind == ServerFrame::Kind::Read
                && frame.frame.channelId == context.kitChannel()
                && idOf(frame.json.value(u"lastReadId"_s)) == second)
                return true;
        }
        return false;
    });
    expect(told, u"the user's other connection got no read frame"_s);
    expectEqual(
        ok(*peer, u"read.mark"_s, {{u"channelId"_s, context.kitChannel()}, {u"messageId"_s, first}})
            .value(u"lastReadId"_s),
        double(second), u"lastReadId after marking an older message"_s);
    const QJsonObject line = stateOf(*peer, context.kitChannel());
    expectEqual(line.value(u"lastReadId"_s), double(second), u"read.state's lastReadId"_s);
    expect(isId(line.value(u"unread"_s)), u"read.state's unread is not a count"_s);
    expectError(call(*peer, u"read.mark"_s,
                    {{u"channelId"_s, context.kitChannel()},
                        {u"messageId"_s, double((qint64(1) << 53) - 2)}}),
        u"not_found"_s, u"messageId"_s);
}

void notifyLevels(Context &context)
{
    auto peer = context.signIn(1);
    auto device = context.signIn(1);
    const qint64 channelId = context.kitChannel();
    expectEqual(
        ok(*peer, u"channel.notify"_s, {{u"channelId"_s, channelId}, {u"level"_s, u"mentions"_s}})
            .value(u"level"_s),
        u"mentions"_s, u"the level set"_s);
    const bool told = device->waitUntil([&] {
        for (const Frame &frame : device->frames()) {
            if (frame.frame.kind == ServerFrame::Kind::Prefs && frame.frame.channelId == channelId)
                return true;
        }
        return false;
    });
    expect(told, u"the user's other connection got no prefs frame"_s);
    expectEqual(
        stateOf(*peer, channelId).value(u"notify"_s), u"mentions"_s, u"read.state's notify"_s);
    expectError(
        call(*peer, u"channel.notify"_s, {{u"channelId"_s, channelId}, {u"level"_s, u"loud"_s}}),
        u"invalid"_s, u"level"_s);
    ok(*peer, u"channel.notify"_s, {{u"channelId"_s, channelId}, {u"level"_s, u"all"_s}});
}

// review.one_per_author, post.recent_reviews

void onePerAuthor(Context &context)
{
    auto author = context.signIn(0);
    auto reviewer = context.signIn(1);
    const qint64 postId = postIdOf(createPost(*author, context.unique(u"once"_s)));
    const QJsonObject first = ok(*reviewer, u"review.create"_s,
        {{u"postId"_s, postId}, {u"rating"_s, 2}, {u"comment"_s, u"meh"_s}});
    expectEqual(first.value(u"replaced"_s), false, u"replaced on a first review"_s);
    const QJsonObject second = ok(*reviewer, u"review.create"_s,
        {{u"postId"_s, postId}, {u"rating"_s, 5}, {u"comment"_s, u"better"_s}});
    expectEqual(second.value(u"replaced"_s), true, u"replaced on a second review"_s);
    expectEqual(second.value(u"review"_s).toObject().value(u"id"_s),
        first.value(u"review"_s).toObject().value(u"id"_s), u"the replaced review's id"_s);
    const QJsonObject rating = second.value(u"post"_s).toObject().value(u"rating"_s).toObject();
    expectEqual(rating.value(u"count"_s), 1, u"the rating count: one per person"_s);
    expectEqual(rating.value(u"average"_s), 5, u"the rating average"_s);
}

void recentReviews(Context &context)
{
    auto author = context.signIn(0);
    auto reviewer = context.signIn(1);
    const QJsonObject created = createPost(*author, context.unique(u"recent"_s));
    expectEqual(created.value(u"post"_s).toObject().value(u"recentReviews"_s), QJsonArray(),
        u"a new post's recentReviews"_s);
    const qint64 postId = postIdOf(created);
    const QJsonObject reply = ok(*reviewer, u"review.create"_s,
        {{u"postId"_s, postId}, {u"rating"_s, 4}, {u"comment"_s, u"Worth it."_s}});
    const QJsonArray recent = reply.value(u"post"_s).toObject().value(u"recentReviews"_s).toArray();
    expectEqual(recent.size(), 1, u"recentReviews after a review with a comment"_s);
    expectReview(recent.at(0), u"recentReviews[0]"_s);
}

// accounts, admin, invites, audit

void sessions(Context &context)
{
    auto peer = context.signIn(0);
    const QJsonArray list = ok(*peer, u"session.list"_s).value(u"sessions"_s).toArray();
    int current = 0;
    for (const QJsonValue &session : list)
        current += session.toObject().value(u"current"_s).toBool() ? 1 : 0;
    expectEqual(current, 1, u"sessions marked current"_s);
    // A second sign-in, ended from the first: its connection closes with 4001.
    auto other = context.connect();
    const Account &account = context.account(0);
    ok(*other, u"auth.login"_s,
        {{u"username"_s, account.username}, {u"password"_s, account.password}});
    QString otherId;
    for (const QJsonValue &session : ok(*other, u"session.list"_s).value(u"sessions"_s).toArray()) {
        if (session.toObject().value(u"current"_s).toBool())
            otherId = session.toObject().value(u"id"_s).toString();
    }
    expect(!otherId.isEmpty(), u"the new session is not in session.list"_s);
    ok(*peer, u"session.revoke"_s, {{u"sessionId"_s, otherId}});
    expect(other->waitForClosed(), u"the revoked session's connection stayed open"_s);
    expectEqual(other->closeCode(), 4001, u"the revoked session's close code"_s);
    expectError(call(*peer, u"session.revoke"_s, {{u"sessionId"_s, otherId}}), u"not_found"_s,
        u"sessionId"_s);
}

void memberForbidden(Context &context, const QString &verb, const QJsonObject &params)
{
    auto peer = context.signIn(1);
    if (context.account(1).role == u"admin")
        throw CheckSkipped {u"the kit's second account is an admin"_s};
    expectError(call(*peer, verb, params), u"forbidden"_s);
}

void adminUsers(Context &context)
{
    memberForbidden(context, u"admin.users"_s, {});
    if (context.account(0).role != u"admin")
        return;
    auto admin = context.signIn(0);
    const QJsonArray users = ok(*admin, u"admin.users"_s).value(u"users"_s).toArray();
    expect(!users.isEmpty(), u"admin.users is empty"_s);
}

void invites(Context &context)
{
    const QString mode = context.registration();
    expect(mode == u"open" || mode == u"invite" || mode == u"closed",
        u"hello's registration is %1, not open, invite or closed"_s.arg(mode));
    memberForbidden(context, u"invite.create"_s, {});
    memberForbidden(context, u"invite.list"_s, {});
}

void audit(Context &context)
{
    memberForbidden(context, u"audit.list"_s, {});
}

} // namespace

QList<Check> extensionChecks()
{
    return {
        {u"dm.open"_s,
            u"dm.open makes one conversation per pair; its events reach members whole and others as hidden"_s,
            u"dm"_s, 3, dmOpen},
        {u"dm.params"_s, u"dm.open with a non-array, no one, or an unknown user is refused"_s,
            u"dm"_s, 1, dmParams},
        {u"profiles.update"_s,
            u"user.profile sets a display name (user.updated, user.list); bidi overrides and 65 characters are refused"_s,
            u"profiles"_s, 2, profile},
        {u"replies.reply_to"_s,
            u"chat.send replyTo quotes the first line; a deleted original is not_found; chat.around"_s,
            u"chat.replies"_s, 1, replies},
        {u"reactions.set"_s,
            u"reaction.set is a set, not a toggle: one event per change; bad emoji refused"_s,
            u"reactions"_s, 2, reactions},
        {u"markdown.source"_s, u"Markdown is stored and sent as typed"_s, u"markdown"_s, 1,
            markdown},
        {u"mentions.found"_s,
            u"@name in a text is a mention with UTF-16 start and length; an address is not"_s,
            u"mentions"_s, 2, mentions},
        {u"edit_history.versions"_s,
            u"chat.versions and post.versions keep the text an edit replaced"_s, u"edit_history"_s,
            1, editHistory},
        {u"search.find"_s,
            u"search finds a post by a word only it has, refuses empty and long queries, forgets deleted posts"_s,
            u"search"_s, 1, search},
        {u"files.upload"_s,
            u"file.begin/chunk/finish stores a file, file.get reads it, a message attaches it; a wrong digest is invalid"_s,
            u"files"_s, 1, files},
        {u"read_state.mark"_s,
            u"read.mark moves forward only, tells the user's other connections, shows in read.state"_s,
            u"read_state"_s, 2, readState},
        {u"notify_levels.set"_s,
            u"channel.notify sets a level, tells the user's other connections; an unknown level is invalid"_s,
            u"notify_levels"_s, 2, notifyLevels},
        {u"review.one_per_author"_s, u"a second review by the same person replaces the first"_s,
            u"review.one_per_author"_s, 2, onePerAuthor},
        {u"post.recent_reviews"_s,
            u"posts carry recentReviews, the newest reviews with a comment"_s,
            u"post.recent_reviews"_s, 2, recentReviews},
        {u"accounts.sessions"_s,
            u"session.list marks the current session; session.revoke closes the other with 4001"_s,
            u"accounts"_s, 1, sessions},
        {u"admin.member_forbidden"_s, u"a member's admin.users is forbidden"_s, u"admin"_s, 2,
            adminUsers},
        {u"invites.member_forbidden"_s,
            u"hello's registration is open, invite or closed; a member's invite.* is forbidden"_s,
            u"invites"_s, 2, invites},
        {u"audit.member_forbidden"_s, u"a member's audit.list is forbidden"_s, u"audit"_s, 2,
            audit},
    };
}

} // namespace Hubbub::Conformance
