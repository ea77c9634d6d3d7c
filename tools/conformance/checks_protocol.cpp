// Transport, hello, accounts and users: the contract's "Transport", "Three kinds of frames",
// the hello and auth verbs and the username and password limits.
#include "spec.h"
#include "suite.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QSslSocket>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace Hubbub::Conformance {

namespace {

//! Sends something that is not a request through `send` and returns the one reply it gets.
QJsonObject replyTo(Peer &peer, const std::function<void()> &send)
{
    const qsizetype before = peer.replies().size();
    send();
    peer.waitUntil([&] { return peer.replies().size() > before || peer.isClosed(); });
    if (!peer.malformed().isEmpty())
        fail(
            u"the server sent a frame that is not protocol v1: "_s + peer.malformed().constFirst());
    const QList<Frame> replies = peer.replies();
    if (replies.size() <= before)
        fail(peer.isClosed()
                ? u"the server closed the connection (code %1) instead of replying"_s.arg(
                    peer.closeCode())
                : u"no reply within %1 ms"_s.arg(peer.target().timeoutMs));
    return replies.at(before).json;
}

//! A bad frame answers bad_request with `id` (null when none could be read), and the
//! connection stays open: a ping after it is answered.
void expectBadFrame(Peer &peer, const std::function<void()> &send, const QJsonValue &id)
{
    const QJsonObject reply = replyTo(peer, send);
    expectError(reply, u"bad_request"_s);
    expectEqual(reply.value(u"id"_s), id, u"the error reply's id"_s);
    ok(peer, u"ping"_s);
}

void requireOpenRegistration(Context &context)
{
    if (!context.registrationOpen())
        throw CheckSkipped {
            u"registration on this server is \"%1\", not open"_s.arg(context.registration())};
}

QJsonObject credentials(const QString &username, const QString &password)
{
    return {{u"username"_s, username}, {u"password"_s, password}};
}

//! A password of the right length nobody uses.
QString aPassword()
{
    return u"pw-"_s + QString::number(QRandomGenerator::system()->generate64(), 36);
}

// Transport and frames

void notJson(Context &context)
{
    auto peer = context.connectRaw();
    expectBadFrame(
        *peer, [&] { peer->sendText(u"{\"type\": \"ping\", \"id\": 1"_s); }, QJsonValue::Null);
    expectBadFrame(
        *peer, [&] { peer->sendText(u"hello"_s); }, QJsonValue::Null);
}

void notObject(Context &context)
{
    auto peer = context.connectRaw();
    for (const QString &frame :
        {u"[{\"type\":\"ping\",\"id\":1}]"_s, u"\"ping\""_s, u"42"_s, u"null"_s})
        expectBadFrame(
            *peer, [&] { peer->sendText(frame); }, QJsonValue::Null);
}

void binaryFrame(Context &context)
{
    auto peer = context.connectRaw();
    expectBadFrame(
        *peer, [&] { peer->sendBinary(QByteArrayLiteral("{\"type\":\"ping\",\"id\":1}")); },
        QJsonValue::Null);
}

void missingType(Context &context)
{
    auto peer = context.connectRaw();
    expectBadFrame(
        *peer, [&] { peer->sendText(u"{\"id\": 5}"_s); }, 5);
    expectBadFrame(
        *peer, [&] { peer->sendText(u"{\"type\": 7, \"id\": 6}"_s); }, 6);
}

void unknownType(Context &context)
{
    auto peer = context.connectRaw();
    expectBadFrame(
        *peer, [&] { peer->sendText(u"{\"type\": \"conformance.nothing\", \"id\": 6}"_s); }, 6);
}

void missingId(Context &context)
{
    auto peer = context.connectRaw();
    expectBadFrame(
        *peer, [&] { peer->sendText(u"{\"type\": \"ping\"}"_s); }, QJsonValue::Null);
}

void badId(Context &context)
{
    auto peer = context.connectRaw();
    for (const QString &id : {u"-1"_s, u"1.5"_s, u"\"7\""_s, u"null"_s, u"9007199254740992"_s}) {
        const QString frame = u"{\"type\": \"ping\", \"id\": %1}"_s.arg(id);
        const QJsonObject reply = replyTo(*peer, [&] { peer->sendText(frame); });
        if (errorCode(reply) != u"bad_request" || !reply.value(u"id"_s).isNull())
            fail(u"%1: expected bad_request with id null, got %2"_s.arg(frame, show(reply)));
    }
    ok(*peer, u"ping"_s);
}

void largestId(Context &context)
{
    auto peer = context.connectRaw();
    const QJsonObject reply = replyTo(
        *peer, [&] { peer->sendText(u"{\"type\": \"ping\", \"id\": 9007199254740991}"_s); });
    expectEqual(reply.value(u"ok"_s), true, u"ping with id 2^53-1"_s);
    expectEqual(reply.value(u"id"_s), double(Spec::MaxSafeInteger), u"the echoed id"_s);
}

void replyOrder(Context &context)
{
    auto peer = context.connectRaw();
    // Requests that take different paths through a server: fine, refused, malformed.
    QList<qint64> ids;
    for (int round = 0; round < 10; ++round) {
        ids.append(peer->send(u"ping"_s));
        ids.append(peer->send(u"feed.page"_s));
        ids.append(peer->send(u"hello"_s, {{u"protocol"_s, u"one"_s}}));
        ids.append(peer->send(u"auth.token"_s, {{u"token"_s, 12}}));
    }
    peer->waitUntil([&] { return peer->replies().size() >= ids.size() || peer->isClosed(); });
    peer->settle(100); // a second reply to any of them would arrive now
    const QList<Frame> replies = peer->replies();
    expect(replies.size() == ids.size(),
        u"expected %1 replies to %1 requests, got %2"_s.arg(ids.size()).arg(replies.size()));
    for (qsizetype i = 0; i < ids.size(); ++i)
        expectEqual(replies.at(i).json.value(u"id"_s), double(ids.at(i)),
            u"reply %1 answers request %1"_s.arg(i + 1));
}

void burst(Context &context)
{
    auto peer = context.connectRaw();
    // However a server limits requests, each gets one reply in order, and a refusal is
    // rate_limited with retryAfterMs.
    constexpr int Count = 1000;
    QList<qint64> ids;
    for (int i = 0; i < Count; ++i)
        ids.append(peer->send(u"ping"_s));
    peer->waitUntil([&] { return peer->replies().size() >= Count || peer->isClosed(); },
        qMax(peer->target().timeoutMs, 10000));
    const QList<Frame> replies = peer->replies();
    expect(replies.size() == Count,
        u"%1 pipelined pings got %2 replies"_s.arg(Count).arg(replies.size()));
    for (int i = 0; i < Count; ++i) {
        const QJsonObject &reply = replies.at(i).json;
        expectEqual(reply.value(u"id"_s), double(ids.at(i)), u"reply %1's id"_s.arg(i + 1));
        if (!reply.value(u"ok"_s).toBool())
            expectError(reply, u"rate_limited"_s);
    }
    // A client that waits as told is served again.
    const QJsonObject last = replies.constLast().json;
    const qint64 wait = idOf(last.value(u"error"_s).toObject().value(u"retryAfterMs"_s));
    if (wait > 0)
        peer->settle(int(qMin<qint64>(wait, 5000)) + 50);
    ok(*peer, u"ping"_s);
}

void ping(Context &context)
{
    auto peer = context.connectRaw();
    const QJsonObject reply = ok(*peer, u"ping"_s);
    expect(isTime(reply.value(u"time"_s)),
        u"ping's time is not an ISO 8601 UTC time with milliseconds (got %1)"_s.arg(
            show(reply.value(u"time"_s))));
}

//! A request of exactly `size` bytes of UTF-8: chat.send with a text that fills it.
QString frameOfSize(qint64 channelId, qint64 size)
{
    const QString head
        = u"{\"type\":\"chat.send\",\"id\":1,\"channelId\":%1,\"text\":\""_s.arg(channelId);
    const QString tail = u"\"}"_s;
    return head + repeated(u'x', size - head.size() - tail.size()) + tail;
}

void frameAtLimit(Context &context)
{
    const qint64 channel = context.kitChannel();
    auto peer = context.signIn(0);
    const QString frame = frameOfSize(channel, Spec::FrameMaxBytes);
    const QJsonObject reply = replyTo(*peer, [&] { peer->sendText(frame); });
    // The frame is within its limit, so it is read and the field over its own is refused.
    expectError(reply, u"too_large"_s, u"text"_s);
    ok(*peer, u"ping"_s);
}

void frameOverLimit(Context &context)
{
    auto bystander = context.connectRaw();
    auto peer = context.connectRaw();
    peer->sendText(frameOfSize(1, Spec::FrameMaxBytes + 1));
    // Either a too_large reply or the close RFC 6455 has for it (1009, message too big).
    peer->waitUntil([&] { return !peer->replies().isEmpty() || peer->isClosed(); },
        qMax(peer->target().timeoutMs, 10000));
    if (!peer->replies().isEmpty())
        expectError(peer->replies().constFirst().json, u"too_large"_s);
    else if (peer->isClosed())
        expectEqual(peer->closeCode(), 1009, u"the close code for an oversized message"_s);
    else
        fail(u"a frame of 16 MiB + 1 byte got neither too_large nor a close"_s);
    ok(*bystander, u"ping"_s);
}

void garbageIsolated(Context &context)
{
    auto writer = context.signIn(0);
    auto reader = context.signIn(1);
    auto garbage = context.connectRaw();
    // A WebSocket peer sending junk gets one bad_request per frame...
    for (int i = 0; i < 20; ++i) {
        garbage->sendBinary(QByteArray(64, char(0xff)));
        garbage->sendText(u"\u0000\u0001 }{ not json"_s);
    }
    // ...and a TCP peer that is not speaking HTTP at all is refused or dropped.
    QTcpSocket raw;
    raw.connectToHost(context.options().target.url.host(),
        quint16(context.options().target.url.port(
            context.options().target.url.scheme() == u"wss" ? 443 : 80)));
    raw.waitForConnected(context.options().target.timeoutMs);
    raw.write(QByteArray("GARBAGE \x00\x01\x02\xff\r\n\r\n", 16));
    raw.flush();
    // Meanwhile the others are served as before.
    const QJsonObject created = ok(*writer, u"post.create"_s,
        {{u"title"_s, u"conformance: garbage nearby"_s}, {u"content"_s, QString()}});
    const qint64 postId = idOf(created.value(u"post"_s).toObject().value(u"id"_s));
    waitForEvent(*reader, u"post.created"_s, [&](const QJsonObject &event) {
        return idOf(event.value(u"post"_s).toObject().value(u"id"_s)) == postId;
    });
    ok(*reader, u"ping"_s);
    garbage->waitUntil([&] { return garbage->replies().size() >= 40 || garbage->isClosed(); });
    expect(garbage->replies().size() == 40 || garbage->isClosed(),
        u"40 junk frames got %1 replies and no close"_s.arg(garbage->replies().size()));
    for (const Frame &reply : garbage->replies())
        expectError(reply.json, u"bad_request"_s);
    // Events go to authenticated connections only.
    expect(garbage->events().isEmpty(), u"a connection that never signed in received an event"_s);
    QByteArray answer;
    const bool refused = garbage->waitUntil(
        [&] {
            answer += raw.readAll();
            return raw.state() == QAbstractSocket::UnconnectedState || answer.contains("\r\n");
        },
        qMax(context.options().target.timeoutMs, 12000));
    expect(refused, u"a TCP peer sending garbage was neither answered nor dropped"_s);
    expect(answer.isEmpty() || answer.startsWith("HTTP/1.1 4") || answer.startsWith("HTTP/1.0 4"),
        u"garbage got an answer other than an HTTP 4xx: %1"_s.arg(
            QString::fromLatin1(answer.left(60))));
    raw.abort();
}

// hello

void helloReply(Context &context)
{
    auto peer = context.connectRaw();
    const QJsonObject reply = ok(*peer, u"hello"_s,
        {{u"protocol"_s, Spec::Protocol},
            {u"client"_s, u"hubbub-conformance/" HUBBUB_VERSION ""_s}});
    expectEqual(reply.value(u"protocol"_s), Spec::Protocol, u"hello's protocol"_s);
    static const QRegularExpression nameVersion(u"^[^/\\s]+/\\S+$"_s);
    expect(nameVersion.match(reply.value(u"server"_s).toString()).hasMatch(),
        u"hello's server is not \"name/version\" (got %1)"_s.arg(show(reply.value(u"server"_s))));
    expect(isId(reply.value(u"head"_s)),
        u"hello's head is not a seq (got %1)"_s.arg(show(reply.value(u"head"_s))));
}

void helloFeatures(Context &context)
{
    auto peer = context.connectRaw();
    const QJsonObject reply = ok(*peer, u"hello"_s, {{u"protocol"_s, Spec::Protocol}});
    const QJsonValue features = reply.value(u"features"_s);
    if (features.isUndefined())
        return; // a server without the field has no extension
    expect(features.isArray(), u"hello's features is not an array (got %1)"_s.arg(show(features)));
    for (const QJsonValue &name : features.toArray())
        expect(name.isString() && !name.toString().isEmpty(),
            u"hello's features holds %1, not a name"_s.arg(show(name)));
}

void helloUnsupported(Context &context)
{
    auto peer = context.connectRaw();
    expectError(call(*peer, u"hello"_s, {{u"protocol"_s, 2}}), u"unsupported_protocol"_s);
    // "a server may answer unsupported_protocol and close": either way, nothing else.
}

void helloBadProtocol(Context &context)
{
    auto peer = context.connectRaw();
    expectError(call(*peer, u"hello"_s, {{u"protocol"_s, u"1"_s}}), u"bad_request"_s);
    expectErrorOneOf(call(*peer, u"hello"_s), {u"bad_request"_s, u"invalid"_s}, u"protocol"_s);
    ok(*peer, u"hello"_s, {{u"protocol"_s, Spec::Protocol}});
}

// auth

void beforeLogin(Context &context)
{
    auto peer = context.connect();
    const QList<std::pair<QString, QJsonObject>> requests {{u"feed.page"_s, {}},
        {u"post.get"_s, {{u"postId"_s, 1}}},
        {u"post.create"_s, {{u"title"_s, u"x"_s}, {u"content"_s, u""_s}}}, {u"channel.list"_s, {}},
        {u"chat.send"_s, {{u"channelId"_s, 1}, {u"text"_s, u"x"_s}}}, {u"presence.list"_s, {}},
        {u"sync"_s, {{u"since"_s, 0}}}, {u"user.rename"_s, {{u"username"_s, u"nobody"_s}}}};
    for (const auto &[verb, params] : requests) {
        const QJsonObject reply = call(*peer, verb, params);
        if (errorCode(reply) != u"unauthorized")
            fail(u"%1 before auth: expected unauthorized, got %2"_s.arg(verb, show(reply)));
    }
    ok(*peer, u"ping"_s);
    peer->settle(50);
    expect(peer->events().isEmpty(), u"a connection that never signed in received an event"_s);
}

void registerAccount(Context &context)
{
    requireOpenRegistration(context);
    auto peer = context.connect();
    const QString name = context.unique(u"r"_s);
    const QJsonObject reply = ok(*peer, u"auth.register"_s, credentials(name, aPassword()));
    expectUser(reply.value(u"user"_s), u"user"_s);
    const QJsonObject user = reply.value(u"user"_s).toObject();
    expectEqual(user.value(u"username"_s), name, u"the registered username"_s);
    expectEqual(user.value(u"role"_s), u"member"_s, u"a new account's role"_s);
    expect(reply.value(u"token"_s).isString() && !reply.value(u"token"_s).toString().isEmpty(),
        u"auth.register gave no token (got %1)"_s.arg(show(reply.value(u"token"_s))));
    // The connection is signed in now.
    ok(*peer, u"feed.page"_s, {{u"limit"_s, 1}});
    ok(*peer, u"auth.logout"_s);
}

void registerConflict(Context &context)
{
    requireOpenRegistration(context);
    auto peer = context.connect();
    const QString taken = context.account(0).username;
    expectError(call(*peer, u"auth.register"_s, credentials(taken, aPassword())), u"conflict"_s);
    expectError(
        call(*peer, u"auth.register"_s, credentials(taken.toUpper(), aPassword())), u"conflict"_s);
    expectError(call(*peer, u"feed.page"_s), u"unauthorized"_s);
}

void usernameLimits(Context &context)
{
    requireOpenRegistration(context);
    auto peer = context.connect();
    const QString base = context.unique(u"u"_s);
    const QString tooLong = base + repeated(u'x', Spec::UsernameMax + 1 - base.size());
    expectError(call(*peer, u"auth.register"_s, credentials(u"ab"_s, aPassword())), u"invalid"_s,
        u"username"_s);
    expectError(call(*peer, u"auth.register"_s, credentials(tooLong, aPassword())), u"too_large"_s,
        u"username"_s);
    for (const QString &bad :
        QStringList {base + u" x"_s, base + u"\t"_s, base + u"@x"_s, base + u"/x"_s}) {
        const QJsonObject reply = call(*peer, u"auth.register"_s, credentials(bad, aPassword()));
        if (errorCode(reply) != u"invalid")
            fail(u"username %1: expected invalid, got %2"_s.arg(show(bad), show(reply)));
        expectError(reply, u"invalid"_s, u"username"_s);
    }
}

void passwordLimits(Context &context)
{
    requireOpenRegistration(context);
    auto peer = context.connect();
    expectError(call(*peer, u"auth.register"_s,
                    credentials(context.unique(u"p"_s), repeated(u'p', Spec::PasswordMin - 1))),
        u"invalid"_s, u"password"_s);
    expectError(call(*peer, u"auth.register"_s,
                    credentials(context.unique(u"p"_s), repeated(u'p', Spec::PasswordMax + 1))),
        u"too_large"_s, u"password"_s);
}

void registerTypes(Context &context)
{
    auto peer = context.connect();
    expectError(
        call(*peer, u"auth.register"_s, {{u"username"_s, 42}, {u"password"_s, aPassword()}}),
        u"bad_request"_s);
    expectError(call(*peer, u"auth.login"_s, {{u"username"_s, u"x"_s}, {u"password"_s, true}}),
        u"bad_request"_s);
    expectErrorOneOf(call(*peer, u"auth.login"_s, {{u"username"_s, u"nobody"_s}}),
        {u"bad_request"_s, u"invalid"_s}, u"password"_s);
    expectError(call(*peer, u"auth.token"_s, {{u"token"_s, 5}}), u"bad_request"_s);
}

void limitsAccepted(Context &context)
{
    if (!context.options().accounts.isEmpty())
        throw CheckSkipped {u"the kit did not make its accounts (--account)"_s};
    // B's password has 256 characters, C's name 32 and its password 8.
    for (int index : {1, 2}) {
        auto peer = context.connect();
        const Account &account = context.account(index);
        const QJsonObject reply
            = ok(*peer, u"auth.login"_s, credentials(account.username, account.password));
        expectEqual(
            reply.value(u"user"_s).toObject().value(u"id"_s), account.id, u"the user signed in"_s);
        ok(*peer, u"auth.logout"_s);
    }
}

void login(Context &context)
{
    auto peer = context.connect();
    const Account &account = context.account(0);
    const QJsonObject reply
        = ok(*peer, u"auth.login"_s, credentials(account.username, account.password));
    expectUser(reply.value(u"user"_s), u"user"_s);
    expectEqual(reply.value(u"user"_s).toObject().value(u"id"_s), account.id, u"the user's id"_s);
    expectEqual(reply.value(u"user"_s).toObject().value(u"username"_s), account.username,
        u"the user's name"_s);
    const QString token = reply.value(u"token"_s).toString();
    expect(!token.isEmpty(), u"auth.login gave no token"_s);
    // The new token resumes on another connection.
    auto other = context.connect();
    expectEqual(ok(*other, u"auth.token"_s, {{u"token"_s, token}})
                    .value(u"user"_s)
                    .toObject()
                    .value(u"id"_s),
        account.id, u"auth.token with the login's token"_s);
    ok(*peer, u"auth.logout"_s);
}

void loginWrongPassword(Context &context)
{
    auto peer = context.connect();
    const Account &account = context.account(0);
    expectError(
        call(*peer, u"auth.login"_s, credentials(account.username, account.password + u"x"_s)),
        u"unauthorized"_s);
    expectError(call(*peer, u"feed.page"_s), u"unauthorized"_s);
}

void loginUnknownUser(Context &context)
{
    auto peer = context.connect();
    expectError(call(*peer, u"auth.login"_s, credentials(context.unique(u"nobody"_s), aPassword())),
        u"unauthorized"_s);
    expectError(call(*peer, u"feed.page"_s), u"unauthorized"_s);
}

void tokenResume(Context &context)
{
    auto peer = context.connect();
    const QJsonObject reply = ok(*peer, u"auth.token"_s, {{u"token"_s, context.account(1).token}});
    expectUser(reply.value(u"user"_s), u"user"_s);
    expectEqual(reply.value(u"user"_s).toObject().value(u"id"_s), context.account(1).id,
        u"the token's user"_s);
    ok(*peer, u"feed.page"_s, {{u"limit"_s, 1}});
}

void tokenBad(Context &context)
{
    auto peer = context.connect();
    QString token;
    for (int i = 0; i < 43; ++i)
        token.append(QLatin1Char(
            "abcdefghijklmnopqrstuvwxyz0123456789"[QRandomGenerator::system()->bounded(36)]));
    expectError(call(*peer, u"auth.token"_s, {{u"token"_s, token}}), u"unauthorized"_s);
    expectError(call(*peer, u"feed.page"_s), u"unauthorized"_s);
}

void logout(Context &context)
{
    auto peer = context.connect();
    const Account &account = context.account(0);
    ok(*peer, u"auth.login"_s, credentials(account.username, account.password));
    ok(*peer, u"feed.page"_s, {{u"limit"_s, 1}});
    ok(*peer, u"auth.logout"_s);
    expectError(call(*peer, u"feed.page"_s), u"unauthorized"_s);
    ok(*peer, u"ping"_s);
    // Events go to authenticated connections only: once another client has seen a change,
    // the signed-out connection must not have.
    const qsizetype before = peer->events().size();
    auto writer = context.signIn(1);
    const QJsonObject created = ok(*writer, u"post.create"_s,
        {{u"title"_s, u"conformance: after a logout"_s}, {u"content"_s, QString()}});
    const qint64 postId = idOf(created.value(u"post"_s).toObject().value(u"id"_s));
    waitForEvent(*writer, u"post.created"_s, [&](const QJsonObject &event) {
        return idOf(event.value(u"post"_s).toObject().value(u"id"_s)) == postId;
    });
    ok(*peer, u"ping"_s);
    expect(peer->events().size() == before, u"a signed-out connection still receives events"_s);
}

// user.rename

void rename(Context &context)
{
    auto peer = context.signIn(2);
    auto watcher = context.signIn(0);
    const QString original = context.account(2).username;
    const QString renamed = context.unique(u"n"_s);
    const QJsonObject reply = ok(*peer, u"user.rename"_s, {{u"username"_s, renamed}});
    expectUser(reply.value(u"user"_s), u"user"_s);
    expectEqual(reply.value(u"user"_s).toObject().value(u"username"_s), renamed, u"the new name"_s);
    const QJsonObject event = waitForEvent(*watcher, u"user.renamed"_s, [&](const QJsonObject &e) {
        return idOf(e.value(u"user"_s).toObject().value(u"id"_s)) == context.account(2).id;
    });
    expectEqual(event.value(u"user"_s).toObject().value(u"username"_s), renamed,
        u"the name in user.renamed"_s);
    ok(*peer, u"user.rename"_s, {{u"username"_s, original}});
}

void renameLimits(Context &context)
{
    auto peer = context.signIn(2);
    const QString base = context.unique(u"n"_s);
    expectError(
        call(*peer, u"user.rename"_s, {{u"username"_s, u"ab"_s}}), u"invalid"_s, u"username"_s);
    expectError(
        call(*peer, u"user.rename"_s,
            {{u"username"_s, QString(base + repeated(u'x', Spec::UsernameMax + 1 - base.size()))}}),
        u"too_large"_s, u"username"_s);
    expectError(call(*peer, u"user.rename"_s, {{u"username"_s, QString(base + u" x"_s)}}),
        u"invalid"_s, u"username"_s);
    expectError(
        call(*peer, u"user.rename"_s, {{u"username"_s, context.account(0).username.toUpper()}}),
        u"conflict"_s);
    // Letters of any script are valid (the spec's widened rule).
    const QString unicode = base + u"_H\u00e9l\u00e8ne_\uae40\ubbfc\uc900"_s;
    expectEqual(ok(*peer, u"user.rename"_s, {{u"username"_s, unicode}})
                    .value(u"user"_s)
                    .toObject()
                    .value(u"username"_s),
        unicode, u"a name in other scripts"_s);
    // Stored NFC-normalised: the decomposed form comes back composed.
    const QString decomposed = base + u"_He\u0301le\u0300ne"_s;
    expectEqual(ok(*peer, u"user.rename"_s, {{u"username"_s, decomposed}})
                    .value(u"user"_s)
                    .toObject()
                    .value(u"username"_s),
        QString(base + u"_H\u00e9l\u00e8ne"_s), u"a decomposed name, NFC-normalised"_s);
    ok(*peer, u"user.rename"_s, {{u"username"_s, context.account(2).username}});
}

} // namespace

QList<Check> protocolChecks()
{
    return {
        {u"transport.not_json"_s,
            u"a text frame that is not JSON gets bad_request with id null; the connection stays open"_s,
            {}, 0, notJson},
        {u"transport.not_object"_s,
            u"a JSON array, string, number or null gets bad_request with id null"_s, {}, 0,
            notObject},
        {u"transport.binary"_s,
            u"a binary frame gets bad_request with id null; the connection stays open"_s, {}, 0,
            binaryFrame},
        {u"transport.missing_type"_s,
            u"an object without a string type gets bad_request echoing its id"_s, {}, 0,
            missingType},
        {u"transport.unknown_type"_s, u"an unknown type gets bad_request echoing its id"_s, {}, 0,
            unknownType},
        {u"transport.missing_id"_s, u"a request without an id gets bad_request with id null"_s, {},
            0, missingId},
        {u"transport.bad_id"_s,
            u"an id that is not an integer in 0..2^53-1 gets bad_request with id null"_s, {}, 0,
            badId},
        {u"transport.largest_id"_s, u"the id 2^53-1 is echoed as it is"_s, {}, 0, largestId},
        {u"transport.reply_order"_s,
            u"40 pipelined requests get exactly one reply each, in order"_s, {}, 0, replyOrder},
        {u"transport.burst"_s,
            u"1,000 pipelined pings get one reply each, in order; refusals are rate_limited with retryAfterMs"_s,
            {}, 0, burst},
        {u"transport.ping"_s, u"ping before signing in answers the server's time"_s, {}, 0, ping},
        {u"transport.frame_limit"_s,
            u"a frame of exactly 16 MiB is read (its 16 MiB text is too_large)"_s, {}, 1,
            frameAtLimit},
        {u"transport.frame_over_limit"_s,
            u"a frame of 16 MiB + 1 byte gets too_large or close 1009; others are unaffected"_s, {},
            0, frameOverLimit},
        {u"transport.garbage_isolated"_s,
            u"junk frames and a non-HTTP TCP peer are refused while other clients are served"_s, {},
            2, garbageIsolated},
        {u"hello.reply"_s, u"hello answers protocol 1, server \"name/version\" and head"_s, {}, 0,
            helloReply},
        {u"hello.features"_s, u"hello's features, when present, is an array of names"_s, {}, 0,
            helloFeatures},
        {u"hello.unsupported_protocol"_s, u"hello with protocol 2 gets unsupported_protocol"_s, {},
            0, helloUnsupported},
        {u"hello.bad_protocol"_s,
            u"hello with protocol \"1\" gets bad_request, without protocol an error"_s, {}, 0,
            helloBadProtocol},
        {u"auth.before_login"_s,
            u"before auth.* only hello, auth.* and ping are accepted; the rest is unauthorized"_s,
            {}, 0, beforeLogin},
        {u"auth.register"_s,
            u"a new account gets its user (role member) and a token, and is signed in"_s, {}, 0,
            registerAccount},
        {u"auth.register_conflict"_s, u"a taken username, also in other case, gets conflict"_s, {},
            1, registerConflict},
        {u"auth.username_limits"_s,
            u"usernames of 2 and 33 characters, or with a space, tab, @ or /, are refused"_s, {}, 1,
            usernameLimits},
        {u"auth.password_limits"_s, u"passwords of 7 and 257 characters are refused"_s, {}, 0,
            passwordLimits},
        {u"auth.param_types"_s, u"auth.* with ill-typed or missing params gets bad_request"_s, {},
            0, registerTypes},
        {u"auth.limits_accepted"_s,
            u"a 32-character username and passwords of 8 and 256 characters work"_s, {}, 3,
            limitsAccepted},
        {u"auth.login"_s, u"auth.login answers the user and a token that resumes elsewhere"_s, {},
            1, login},
        {u"auth.login_wrong_password"_s,
            u"a wrong password gets unauthorized and signs nobody in"_s, {}, 1, loginWrongPassword},
        {u"auth.login_unknown_user"_s, u"an unknown username gets unauthorized"_s, {}, 0,
            loginUnknownUser},
        {u"auth.token"_s, u"auth.token on a new connection resumes the token's user"_s, {}, 2,
            tokenResume},
        {u"auth.token_bad"_s, u"an unknown token gets unauthorized"_s, {}, 0, tokenBad},
        {u"auth.logout"_s, u"after auth.logout the connection is no longer signed in"_s, {}, 1,
            logout},
        {u"user.rename"_s, u"user.rename answers the new name and user.renamed reaches others"_s,
            {}, 3, rename},
        {u"user.rename_limits"_s,
            u"user.rename applies the username rules and conflict; other scripts are valid, stored in NFC"_s,
            {}, 3, renameLimits},
    };
}

} // namespace Hubbub::Conformance
