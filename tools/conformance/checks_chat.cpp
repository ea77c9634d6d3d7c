// Channels, chat and presence.
#include "spec.h"
#include "suite.h"

#include <QJsonArray>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace Hubbub::Conformance {

namespace {

bool listsUser(const QJsonObject &reply, qint64 userId)
{
    for (const QJsonValue &user : reply.value(u"users"_s).toArray()) {
        if (idOf(user.toObject().value(u"id"_s)) == userId)
            return true;
    }
    return false;
}

void channelList(Context &context)
{
    auto peer = context.signIn(0);
    const QJsonObject reply = ok(*peer, u"channel.list"_s);
    expect(reply.value(u"channels"_s).isArray(), u"channel.list's channels is not an array"_s);
    for (const QJsonValue &channel : reply.value(u"channels"_s).toArray())
        expectChannel(channel, u"channels[]"_s);
}

void channelCreate(Context &context)
{
    auto creator = context.signIn(0);
    auto reader = context.signIn(1);
    const QString name = context.unique(u"ch"_s);
    // `topic` is optional: this one has none (the run's channel has one, checked below).
    const QJsonObject reply = ok(*creator, u"channel.create"_s, {{u"name"_s, name}});
    expectChannel(reply.value(u"channel"_s), u"channel"_s);
    const QJsonObject channel = reply.value(u"channel"_s).toObject();
    expectEqual(channel.value(u"name"_s), name, u"the channel's name"_s);
    const qint64 channelId = idOf(channel.value(u"id"_s));
    const QJsonObject event
        = waitForEvent(*reader, u"channel.created"_s, [&](const QJsonObject &e) {
              return idOf(e.value(u"channel"_s).toObject().value(u"id"_s)) == channelId;
          });
    expectEqual(event.value(u"seq"_s), reply.value(u"seq"_s), u"the event's seq"_s);
    const qint64 kitChannel = context.kitChannel();
    bool listed = false;
    bool kitListed = false;
    for (const QJsonValue &entry : ok(*reader, u"channel.list"_s).value(u"channels"_s).toArray()) {
        const QJsonObject listedChannel = entry.toObject();
        listed = listed || idOf(listedChannel.value(u"id"_s)) == channelId;
        if (idOf(listedChannel.value(u"id"_s)) == kitChannel) {
            kitListed = true;
            expectEqual(listedChannel.value(u"topic"_s),
                QString(u"hubbub-conformance run "_s + context.runId()),
                u"the topic a channel was created with"_s);
        }
    }
    expect(listed && kitListed, u"a new channel is not in channel.list"_s);
    expectError(call(*reader, u"channel.create"_s, {{u"name"_s, name}}), u"conflict"_s);
    expectError(call(*reader, u"channel.create"_s, {{u"name"_s, 17}}), u"bad_request"_s);
    expectErrorOneOf(call(*reader, u"channel.create"_s, {{u"topic"_s, u"no name"_s}}),
        {u"bad_request"_s, u"invalid"_s}, u"name"_s);
}

void chatSend(Context &context)
{
    auto author = context.signIn(0);
    auto reader = context.signIn(1);
    const QString text
        = u"Hello from hubbub-conformance \u2014 \uc548\ub155\ud558\uc138\uc694 \U0001F44B"_s;
    const QJsonObject reply = sendMessage(context, *author, text);
    const QJsonObject message = messageOf(reply);
    expectEqual(message.value(u"text"_s), text, u"the message's text"_s);
    expectEqual(
        message.value(u"channelId"_s), double(context.kitChannel()), u"the message's channelId"_s);
    expectEqual(message.value(u"author"_s).toObject().value(u"id"_s), context.account(0).id,
        u"the message's author"_s);
    expectEqual(message.value(u"editedAt"_s), QJsonValue::Null, u"a new message's editedAt"_s);
    const qint64 messageId = messageIdOf(reply);
    for (Peer *peer : {author.get(), reader.get()}) {
        const QJsonObject event
            = waitForEvent(*peer, u"message.created"_s, aboutMessage(messageId));
        expectEqual(event.value(u"seq"_s), reply.value(u"seq"_s), u"the event's seq"_s);
        expectEqual(event.value(u"message"_s), reply.value(u"message"_s), u"the event's message"_s);
    }
    ok(*reader, u"ping"_s);
    reader->settle(200);
    expectEqual(countEvents(*reader, u"message.created"_s, aboutMessage(messageId)), 1,
        u"message.created events for one message"_s);
}

void textLimits(Context &context)
{
    auto peer = context.signIn(0);
    const QString longest = repeated(u'm', Spec::ChatTextMax);
    expectEqual(messageOf(sendMessage(context, *peer, longest)).value(u"text"_s), longest,
        u"a text of 4,000 characters"_s);
    QString emoji;
    for (int i = 0; i < Spec::ChatTextMax; ++i)
        emoji += u"\U0001F600"_s;
    sendMessage(context, *peer, emoji);
    const QJsonObject channel {{u"channelId"_s, context.kitChannel()}};
    auto withText = [&](const QJsonValue &text) {
        QJsonObject params = channel;
        params.insert(u"text"_s, text);
        return params;
    };
    expectError(call(*peer, u"chat.send"_s, withText(QString(longest + u"m"_s))), u"too_large"_s,
        u"text"_s);
    expectError(call(*peer, u"chat.send"_s, withText(u"  \n "_s)), u"invalid"_s, u"text"_s);
    expectError(call(*peer, u"chat.send"_s, withText(u""_s)), u"invalid"_s, u"text"_s);
    expectError(call(*peer, u"chat.send"_s, withText(42)), u"bad_request"_s);
    expectError(call(*peer, u"chat.send"_s, {{u"channelId"_s, u"1"_s}, {u"text"_s, u"x"_s}}),
        u"bad_request"_s);
}

void chatNotFound(Context &context)
{
    auto peer = context.signIn(0);
    const double nowhere = double(Spec::MaxSafeInteger);
    expectError(call(*peer, u"chat.send"_s, {{u"channelId"_s, nowhere}, {u"text"_s, u"x"_s}}),
        u"not_found"_s, u"channelId"_s);
    expectError(call(*peer, u"chat.history"_s, {{u"channelId"_s, nowhere}}), u"not_found"_s,
        u"channelId"_s);
    const qint64 messageId = messageIdOf(sendMessage(context, *peer, u"short-lived"_s));
    ok(*peer, u"chat.delete"_s, {{u"messageId"_s, messageId}});
    expectError(call(*peer, u"chat.edit"_s, {{u"messageId"_s, messageId}, {u"text"_s, u"x"_s}}),
        u"not_found"_s, u"messageId"_s);
    expectError(call(*peer, u"chat.delete"_s, {{u"messageId"_s, messageId}}), u"not_found"_s,
        u"messageId"_s);
}

void history(Context &context)
{
    auto peer = context.signIn(0);
    // A channel of the check's own would be clean, but channels stay forever: the run's
    // channel it is, so other checks' messages may sit between (never after) these.
    QList<qint64> sent;
    for (int i = 0; i < 5; ++i)
        sent.append(messageIdOf(sendMessage(context, *peer, u"history %1"_s.arg(i))));
    const QJsonObject newest
        = ok(*peer, u"chat.history"_s, {{u"channelId"_s, context.kitChannel()}, {u"limit"_s, 3}});
    QJsonArray messages = newest.value(u"messages"_s).toArray();
    expectEqual(messages.size(), 3, u"chat.history with limit 3"_s);
    for (const QJsonValue &message : messages)
        expectMessage(message, u"messages[]"_s);
    for (int i = 1; i < messages.size(); ++i)
        expect(idOf(messages.at(i - 1).toObject().value(u"id"_s))
                < idOf(messages.at(i).toObject().value(u"id"_s)),
            u"chat.history is not oldest first"_s);
    expectEqual(messages.last().toObject().value(u"id"_s), double(sent.last()),
        u"the last message of the newest page"_s);
    expectEqual(newest.value(u"more"_s), true, u"more, with older messages"_s);
    const qint64 before = idOf(messages.first().toObject().value(u"id"_s));
    const QJsonObject older = ok(*peer, u"chat.history"_s,
        {{u"channelId"_s, context.kitChannel()}, {u"before"_s, before}, {u"limit"_s, 2}});
    messages = older.value(u"messages"_s).toArray();
    expect(!messages.isEmpty(), u"chat.history before %1 is empty"_s.arg(before));
    for (const QJsonValue &message : messages)
        expect(idOf(message.toObject().value(u"id"_s)) < before,
            u"chat.history before %1 gave %2"_s.arg(before).arg(
                show(message.toObject().value(u"id"_s))));
    const QJsonObject channel {{u"channelId"_s, context.kitChannel()}};
    auto withLimit = [&](const QJsonValue &limit) {
        QJsonObject params = channel;
        params.insert(u"limit"_s, limit);
        return params;
    };
    expectError(call(*peer, u"chat.history"_s, withLimit(0)), u"invalid"_s, u"limit"_s);
    expectError(call(*peer, u"chat.history"_s, withLimit(Spec::HistoryLimitMax + 1)), u"invalid"_s,
        u"limit"_s);
    // Back to the channel's first message (it holds only this run's): the last page says
    // there is nothing more.
    qint64 oldest = -1;
    for (int page = 0; page < 50; ++page) {
        QJsonObject params = withLimit(Spec::HistoryLimitMax);
        if (oldest >= 0)
            params.insert(u"before"_s, oldest);
        const QJsonObject reply = ok(*peer, u"chat.history"_s, params);
        const QJsonArray got = reply.value(u"messages"_s).toArray();
        expect(got.size() <= Spec::HistoryLimitMax,
            u"chat.history with limit 200 gave %1 messages"_s.arg(got.size()));
        if (!reply.value(u"more"_s).toBool()) {
            expect(oldest < 0 || !got.isEmpty() || page > 0, u"an empty page said more"_s);
            oldest = -2;
            break;
        }
        expect(!got.isEmpty(), u"chat.history said more with an empty page"_s);
        oldest = idOf(got.first().toObject().value(u"id"_s));
    }
    expect(oldest == -2, u"chat.history never said more: false"_s);
    const QJsonArray byDefault
        = ok(*peer, u"chat.history"_s, channel).value(u"messages"_s).toArray();
    expect(byDefault.size() <= Spec::HistoryLimitDefault,
        u"chat.history without limit gave %1 messages (default 50)"_s.arg(byDefault.size()));
}

void chatEdit(Context &context)
{
    auto author = context.signIn(0);
    auto other = context.signIn(1);
    const qint64 messageId = messageIdOf(sendMessage(context, *author, u"before the edit"_s));
    if (context.account(1).role != u"admin")
        expectError(
            call(*other, u"chat.edit"_s, {{u"messageId"_s, messageId}, {u"text"_s, u"mine now"_s}}),
            u"forbidden"_s);
    const QJsonObject reply = ok(
        *author, u"chat.edit"_s, {{u"messageId"_s, messageId}, {u"text"_s, u"after the edit"_s}});
    expectMessage(reply.value(u"message"_s), u"message"_s);
    expectEqual(messageOf(reply).value(u"text"_s), u"after the edit"_s, u"the edited text"_s);
    expect(isTime(messageOf(reply).value(u"editedAt"_s)),
        u"an edited message's editedAt is not a time"_s);
    const QJsonObject event = waitForEvent(*other, u"message.updated"_s, aboutMessage(messageId));
    expectEqual(event.value(u"seq"_s), reply.value(u"seq"_s), u"the event's seq"_s);
    expectEqual(event.value(u"message"_s).toObject().value(u"text"_s), u"after the edit"_s,
        u"the event's text"_s);
    expectError(call(*author, u"chat.edit"_s, {{u"messageId"_s, messageId}, {u"text"_s, u" "_s}}),
        u"invalid"_s, u"text"_s);
}

void chatDelete(Context &context)
{
    auto author = context.signIn(0);
    auto other = context.signIn(1);
    const qint64 messageId = messageIdOf(sendMessage(context, *author, u"to be deleted"_s));
    if (context.account(1).role != u"admin")
        expectError(call(*other, u"chat.delete"_s, {{u"messageId"_s, messageId}}), u"forbidden"_s);
    const QJsonObject reply = ok(*author, u"chat.delete"_s, {{u"messageId"_s, messageId}});
    expect(isId(reply.value(u"seq"_s)), u"chat.delete gave no seq"_s);
    const QJsonObject event = waitForEvent(*other, u"message.deleted"_s, aboutMessage(messageId));
    expectEqual(event.value(u"seq"_s), reply.value(u"seq"_s), u"the event's seq"_s);
    expectEqual(
        event.value(u"channelId"_s), double(context.kitChannel()), u"the event's channelId"_s);
    for (const QJsonValue &message :
        ok(*other, u"chat.history"_s, {{u"channelId"_s, context.kitChannel()}})
            .value(u"messages"_s)
            .toArray())
        expect(idOf(message.toObject().value(u"id"_s)) != messageId,
            u"a deleted message is still in chat.history"_s);
}

void chatNonce(Context &context)
{
    auto author = context.signIn(0);
    auto reader = context.signIn(1);
    const QJsonObject params {{u"channelId"_s, context.kitChannel()}, {u"text"_s, u"once"_s},
        {u"nonce"_s,
            QString(u"conf-"_s + QString::number(QRandomGenerator::system()->generate64(), 16))}};
    const QJsonObject first = ok(*author, u"chat.send"_s, params);
    const qint64 messageId = messageIdOf(first);
    const QJsonObject second = ok(*author, u"chat.send"_s, params);
    expectEqual(messageOf(second).value(u"id"_s), double(messageId), u"the resent message"_s);
    expectEqual(second.value(u"seq"_s), first.value(u"seq"_s), u"the resent message's seq"_s);
    waitForEvent(*reader, u"message.created"_s, aboutMessage(messageId));
    ok(*reader, u"ping"_s);
    reader->settle(200);
    expectEqual(countEvents(*reader, u"message.created"_s, aboutMessage(messageId)), 1,
        u"message.created events for a message sent twice"_s);
}

void typing(Context &context)
{
    auto typist = context.signIn(0);
    auto reader = context.signIn(1);
    ok(*typist, u"chat.typing"_s, {{u"channelId"_s, context.kitChannel()}});
    const bool arrived = reader->waitUntil([&] {
        for (const Frame &frame : reader->frames()) {
            if (frame.frame.kind == ServerFrame::Kind::Typing
                && frame.frame.channelId == context.kitChannel()
                && frame.frame.user.id == context.account(0).id)
                return true;
        }
        return false;
    });
    expect(arrived, u"no typing frame reached another user"_s);
    for (const Frame &frame : reader->frames()) {
        if (frame.frame.kind == ServerFrame::Kind::Typing)
            expect(!frame.json.contains(u"seq"_s), u"a typing frame carries a seq"_s);
    }
    ok(*typist, u"ping"_s);
    for (const Frame &frame : typist->frames())
        expect(frame.frame.kind != ServerFrame::Kind::Typing,
            u"the typist got its own typing frame"_s);
}

void presenceList(Context &context)
{
    auto peer = context.signIn(0);
    const QJsonObject reply = ok(*peer, u"presence.list"_s);
    for (const QJsonValue &user : reply.value(u"users"_s).toArray())
        expectUser(user, u"users[]"_s);
    expect(listsUser(reply, context.account(0).id), u"presence.list does not list the caller"_s);
}

void presenceOnlineOffline(Context &context)
{
    auto watcher = context.signIn(0);
    const qint64 userId = context.account(2).id;
    // The third account is online nowhere else (earlier checks' connections are closed).
    bool offline = false;
    for (int attempt = 0; attempt < 30 && !offline; ++attempt) {
        offline = !listsUser(ok(*watcher, u"presence.list"_s), userId);
        if (!offline)
            watcher->settle(100);
    }
    if (!offline)
        throw CheckSkipped {u"the third account is online elsewhere"_s};
    auto visitor = context.signIn(2);
    auto seen = [&](bool online) {
        for (const Frame &frame : watcher->frames()) {
            if (frame.frame.kind == ServerFrame::Kind::Presence && frame.frame.online == online
                && frame.frame.user.id == userId)
                return true;
        }
        return false;
    };
    auto presence = [&](bool online) { return watcher->waitUntil([&] { return seen(online); }); };
    expect(presence(true), u"no presence online reached another user"_s);
    for (const Frame &frame : watcher->frames()) {
        if (frame.frame.kind == ServerFrame::Kind::Presence)
            expect(!frame.json.contains(u"seq"_s), u"a presence frame carries a seq"_s);
    }
    expect(listsUser(ok(*watcher, u"presence.list"_s), userId),
        u"presence.list does not list a user who is online"_s);
    // A second connection of the same user: closing one of the two leaves the user online.
    auto second = context.signIn(2);
    visitor->close();
    ok(*second, u"ping"_s);
    ok(*watcher, u"ping"_s);
    watcher->settle(150);
    expect(!seen(false), u"presence offline while the user still has a connection"_s);
    expect(listsUser(ok(*watcher, u"presence.list"_s), userId),
        u"presence.list dropped a user who still has a connection"_s);
    second->close();
    expect(presence(false), u"no presence offline after the user's last connection closed"_s);
    expect(!listsUser(ok(*watcher, u"presence.list"_s), userId),
        u"presence.list still lists a user who went offline"_s);
}

void adminEdits(Context &context)
{
    if (context.account(0).role != u"admin")
        throw CheckSkipped {u"the kit's first account is not an admin (pass one with --account)"_s};
    auto admin = context.signIn(0);
    auto author = context.signIn(1);
    if (context.account(1).role == u"admin")
        throw CheckSkipped {u"the kit's second account is an admin too"_s};
    // "Only the author (or an admin)": the admin edits and deletes someone else's entries.
    const qint64 postId = postIdOf(createPost(*author, context.unique(u"adm"_s)));
    expectEqual(
        postOf(ok(*admin, u"post.update"_s,
                   {{u"postId"_s, postId}, {u"title"_s, u"moderated"_s}, {u"content"_s, u""_s}}))
            .value(u"title"_s),
        u"moderated"_s, u"the title an admin set"_s);
    ok(*admin, u"post.delete"_s, {{u"postId"_s, postId}});
    const qint64 messageId = messageIdOf(sendMessage(context, *author, u"to moderate"_s));
    expectEqual(messageOf(ok(*admin, u"chat.edit"_s,
                              {{u"messageId"_s, messageId}, {u"text"_s, u"moderated"_s}}))
                    .value(u"text"_s),
        u"moderated"_s, u"the text an admin set"_s);
    ok(*admin, u"chat.delete"_s, {{u"messageId"_s, messageId}});
    expectError(call(*author, u"post.get"_s, {{u"postId"_s, postId}}), u"not_found"_s);
}

} // namespace

QList<Check> chatChecks()
{
    return {
        {u"channel.list"_s, u"channel.list answers channels {id, name, topic}"_s, {}, 1,
            channelList},
        {u"channel.create"_s,
            u"channel.create answers the channel and a seq, reaches others, a taken name is conflict"_s,
            {}, 2, channelCreate},
        {u"chat.send"_s,
            u"chat.send answers the message and a seq; message.created reaches both exactly once"_s,
            {}, 2, chatSend},
        {u"chat.text_limits"_s,
            u"texts of 4,000 characters (also emoji) pass; 4,001 too_large, blank invalid, ill-typed bad_request"_s,
            {}, 1, textLimits},
        {u"chat.not_found"_s, u"an unknown channel or a deleted message gets not_found"_s, {}, 1,
            chatNotFound},
        {u"chat.history"_s,
            u"chat.history gives the newest page oldest first, pages with before, limit 1..200"_s,
            {}, 1, history},
        {u"chat.edit"_s,
            u"the author's chat.edit sets editedAt and reaches others; another user's is forbidden"_s,
            {}, 2, chatEdit},
        {u"chat.delete"_s,
            u"the author's chat.delete removes the message and reaches others; another user's is forbidden"_s,
            {}, 2, chatDelete},
        {u"chat.nonce"_s, u"chat.send resent with the same nonce sends once (one event)"_s, {}, 2,
            chatNonce},
        {u"chat.typing"_s,
            u"chat.typing sends an ephemeral typing frame (no seq) to the others only"_s, {}, 2,
            typing},
        {u"authz.admin"_s, u"an admin may update and delete another user's post and message"_s, {},
            2, adminEdits},
        {u"presence.list"_s, u"presence.list lists the signed-in caller"_s, {}, 1, presenceList},
        {u"presence.online_offline"_s,
            u"others see presence online at sign-in and offline when the last connection goes"_s,
            {}, 3, presenceOnlineOffline},
    };
}

} // namespace Hubbub::Conformance
