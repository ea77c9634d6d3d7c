// Events and sync: "Event", "Gap-free resume" and "Order" of the contract.
#include "suite.h"

#include <QJsonArray>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Hubbub::Conformance {

namespace {

qint64 headNow(Context &context)
{
    auto peer = context.connect();
    // hello's head is the latest seq.
    return idOf(ok(*peer, u"hello"_s, {{u"protocol"_s, 1}}).value(u"head"_s));
}

//! A handful of changes of every kind as `peer` (account 0); the seqs of their replies.
QList<qint64> makeChanges(Context &context, Peer &peer)
{
    QList<qint64> seqs;
    const QJsonObject post = ok(
        peer, u"post.create"_s, {{u"title"_s, context.unique(u"ev"_s)}, {u"content"_s, u""_s}});
    const qint64 postId = idOf(post.value(u"post"_s).toObject().value(u"id"_s));
    seqs.append(seqOf(post));
    seqs.append(seqOf(ok(peer, u"post.update"_s,
        {{u"postId"_s, postId}, {u"title"_s, u"edited"_s}, {u"content"_s, u""_s}})));
    seqs.append(seqOf(ok(peer, u"review.create"_s,
        {{u"postId"_s, postId}, {u"rating"_s, 5}, {u"comment"_s, u""_s}})));
    const QJsonObject message = ok(
        peer, u"chat.send"_s, {{u"channelId"_s, context.kitChannel()}, {u"text"_s, u"event"_s}});
    const qint64 messageId = idOf(message.value(u"message"_s).toObject().value(u"id"_s));
    seqs.append(seqOf(message));
    seqs.append(
        seqOf(ok(peer, u"chat.edit"_s, {{u"messageId"_s, messageId}, {u"text"_s, u"edited"_s}})));
    seqs.append(seqOf(ok(peer, u"chat.delete"_s, {{u"messageId"_s, messageId}})));
    seqs.append(seqOf(ok(peer, u"post.delete"_s, {{u"postId"_s, postId}})));
    for (qsizetype i = 1; i < seqs.size(); ++i)
        expect(seqs.at(i) > seqs.at(i - 1),
            u"the replies' seqs do not increase: %1 after %2"_s.arg(seqs.at(i))
                .arg(seqs.at(i - 1)));
    return seqs;
}

//! Waits until `peer` has received an event with each of `seqs`, then checks that each came
//! once and that the live stream has no gap.
void expectEachOnce(Peer &peer, const QList<qint64> &seqs, const QString &who)
{
    peer.waitUntil([&] {
        QSet<qint64> seen;
        for (const QJsonObject &event : eventFrames(peer))
            seen.insert(seqOf(event));
        for (const qint64 seq : seqs) {
            if (!seen.contains(seq))
                return false;
        }
        return true;
    });
    ok(peer, u"ping"_s);
    peer.settle(150);
    const QList<QJsonObject> events = eventFrames(peer);
    for (const qint64 seq : seqs) {
        int count = 0;
        for (const QJsonObject &event : events)
            count += seqOf(event) == seq ? 1 : 0;
        if (count != 1)
            fail(
                u"%1 received the event of seq %2 %3 times (expected once)"_s.arg(who).arg(seq).arg(
                    count));
    }
    expectConsecutive(events, who);
}

void liveEvents(Context &context)
{
    auto writer = context.signIn(0);
    auto reader = context.signIn(1);
    const QList<qint64> seqs = makeChanges(context, *writer);
    expectEachOnce(*reader, seqs, u"another client"_s);
    expectEachOnce(*writer, seqs, u"the originator"_s);
}

void eventNames(Context &context)
{
    auto writer = context.signIn(0);
    auto reader = context.signIn(1);
    const QList<qint64> seqs = makeChanges(context, *writer);
    expectEachOnce(*reader, seqs, u"another client"_s);
    const QStringList expected {u"post.created"_s, u"post.updated"_s, u"review.created"_s,
        u"message.created"_s, u"message.updated"_s, u"message.deleted"_s, u"post.deleted"_s};
    for (const QJsonObject &event : eventFrames(*reader)) {
        const qsizetype index = seqs.indexOf(seqOf(event));
        if (index >= 0)
            expectEqual(event.value(u"event"_s), expected.at(index),
                u"the event of seq %1"_s.arg(seqOf(event)));
    }
}

void concurrentOrder(Context &context)
{
    auto first = context.signIn(0);
    auto second = context.signIn(1);
    auto reader = context.signIn(2);
    // Two writers at once, pipelined: the reader still sees one gap-free sequence.
    QList<qint64> ids[2];
    for (int i = 0; i < 10; ++i) {
        int index = 0;
        for (Peer *peer : {first.get(), second.get()}) {
            ids[index++].append(peer->send(u"chat.send"_s,
                {{u"channelId"_s, context.kitChannel()}, {u"text"_s, u"burst %1"_s.arg(i)}}));
        }
    }
    QList<qint64> seqs;
    int index = 0;
    for (Peer *peer : {first.get(), second.get()}) {
        for (const qint64 id : ids[index]) {
            const std::optional<Frame> reply = peer->waitForReply(id);
            expect(reply && reply->frame.ok,
                u"a pipelined chat.send failed: %1"_s.arg(
                    reply ? show(reply->json) : u"no reply"_s));
            seqs.append(seqOf(reply->json));
            context.createdMessage(
                index, idOf(reply->json.value(u"message"_s).toObject().value(u"id"_s)));
        }
        ++index;
    }
    expectEachOnce(*reader, seqs, u"a third client"_s);
    expectEachOnce(*first, seqs, u"the first writer"_s);
}

QJsonObject syncSince(Peer &peer, qint64 since)
{
    return ok(peer, u"sync"_s, {{u"since"_s, since}});
}

void expectSyncFrom(const QJsonObject &reply, qint64 since)
{
    expect(reply.value(u"events"_s).isArray(), u"sync's events is not an array"_s);
    const qint64 head = idOf(reply.value(u"head"_s));
    expect(head >= since, u"sync's head %1 is before since %2"_s.arg(head).arg(since));
    QList<QJsonObject> events;
    for (const QJsonValue &value : reply.value(u"events"_s).toArray()) {
        const QJsonObject event = value.toObject();
        expectEqual(event.value(u"type"_s), u"event"_s, u"a sync event's type"_s);
        expect(event.value(u"event"_s).isString(), u"a sync event without an event name"_s);
        events.append(event);
    }
    if (head == since) {
        expect(events.isEmpty(), u"sync since head gave %1 events"_s.arg(events.size()));
        return;
    }
    expect(!events.isEmpty(), u"sync since %1 with head %2 gave no events"_s.arg(since).arg(head));
    expectEqual(
        events.first().value(u"seq"_s), double(since + 1), u"the first event after since"_s);
    expectEqual(events.last().value(u"seq"_s), double(head), u"the last event, head"_s);
    expectConsecutive(events, u"sync's events"_s);
}

void syncCatchUp(Context &context)
{
    const qint64 since = headNow(context);
    QList<qint64> seqs;
    auto live = context.signIn(1);
    {
        auto writer = context.signIn(0);
        seqs = makeChanges(context, *writer);
    }
    expectEachOnce(*live, seqs, u"a client online during the changes"_s);
    auto late = context.signIn(1);
    const QJsonObject reply = syncSince(*late, since);
    expectSyncFrom(reply, since);
    QSet<qint64> got;
    QJsonArray events = reply.value(u"events"_s).toArray();
    for (const QJsonValue &event : events)
        got.insert(seqOf(event.toObject()));
    for (const qint64 seq : seqs)
        expect(got.contains(seq), u"sync since %1 lacks the event of seq %2"_s.arg(since).arg(seq));
    // The events missed are the ones a client online at the time received.
    for (const QJsonObject &event : eventFrames(*live)) {
        for (const QJsonValue &stored : std::as_const(events)) {
            if (seqOf(stored.toObject()) == seqOf(event))
                expectEqual(stored.toObject().value(u"event"_s), event.value(u"event"_s),
                    u"the event of seq %1 in sync and live"_s.arg(seqOf(event)));
        }
    }
}

void syncAtHead(Context &context)
{
    const qint64 head = headNow(context);
    auto peer = context.signIn(0);
    const QJsonObject reply = ok(*peer, u"sync"_s, {{u"since"_s, head}});
    expectEqual(reply.value(u"events"_s), QJsonArray(), u"sync since head"_s);
    expect(idOf(reply.value(u"head"_s)) >= head, u"head went back"_s);
}

void syncFromZero(Context &context)
{
    auto peer = context.signIn(0);
    const QJsonObject reply = call(*peer, u"sync"_s, {{u"since"_s, 0}});
    // Either every event from seq 1, or too_old when the server no longer holds them all.
    if (errorCode(reply) == u"too_old")
        return;
    expect(reply.value(u"ok"_s).toBool(),
        u"sync since 0: expected ok or too_old, got %1"_s.arg(show(reply)));
    expectSyncFrom(reply, 0);
}

void syncParams(Context &context)
{
    auto peer = context.signIn(0);
    expectError(call(*peer, u"sync"_s, {{u"since"_s, -1}}), u"invalid"_s, u"since"_s);
    expectErrorOneOf(
        call(*peer, u"sync"_s, {{u"since"_s, 1.5}}), {u"invalid"_s, u"bad_request"_s}, u"since"_s);
    expectError(call(*peer, u"sync"_s, {{u"since"_s, u"3"_s}}), u"bad_request"_s);
    expectErrorOneOf(call(*peer, u"sync"_s), {u"bad_request"_s, u"invalid"_s}, u"since"_s);
}

void syncGapFree(Context &context)
{
    const qint64 since = headNow(context);
    auto writer = context.signIn(0);
    auto reader = context.signIn(1);
    // The reader resumes while the writer is writing: sync and live events together must
    // hold every seq after `since`.
    QList<qint64> ids;
    for (int i = 0; i < 8; ++i)
        ids.append(writer->send(u"chat.send"_s,
            {{u"channelId"_s, context.kitChannel()}, {u"text"_s, u"during sync %1"_s.arg(i)}}));
    const QJsonObject reply = syncSince(*reader, since);
    expectSyncFrom(reply, since);
    qint64 last = 0;
    for (const qint64 id : ids) {
        const std::optional<Frame> sent = writer->waitForReply(id);
        expect(sent && sent->frame.ok, u"chat.send failed"_s);
        last = qMax(last, seqOf(sent->json));
        context.createdMessage(0, idOf(sent->json.value(u"message"_s).toObject().value(u"id"_s)));
    }
    QSet<qint64> seen;
    for (const QJsonValue &event : reply.value(u"events"_s).toArray())
        seen.insert(seqOf(event.toObject()));
    reader->waitUntil([&] {
        for (const QJsonObject &event : eventFrames(*reader))
            seen.insert(seqOf(event));
        return seen.contains(last);
    });
    for (qint64 seq = since + 1; seq <= last; ++seq)
        expect(seen.contains(seq),
            u"seq %1 came neither in sync nor live (since %2, last %3)"_s.arg(seq).arg(since).arg(
                last));
    expectConsecutive(eventFrames(*reader), u"the live events"_s);
}

} // namespace

QList<Check> eventChecks()
{
    return {
        {u"events.live"_s,
            u"every change's event reaches the originator and another client once, seq +1 each"_s,
            {}, 2, liveEvents},
        {u"events.names"_s,
            u"the seven changes of the feed and chat emit the events the spec names"_s, {}, 2,
            eventNames},
        {u"events.concurrent"_s,
            u"two writers at once: a third client sees each event once, in seq order without gaps"_s,
            {}, 3, concurrentOrder},
        {u"sync.catch_up"_s,
            u"sync since a seq gives exactly the missed events, in order, up to head"_s, {}, 2,
            syncCatchUp},
        {u"sync.at_head"_s, u"sync since head gives no events"_s, {}, 1, syncAtHead},
        {u"sync.from_zero"_s, u"sync since 0 gives every event from seq 1, or too_old"_s, {}, 1,
            syncFromZero},
        {u"sync.params"_s,
            u"sync since -1 is invalid, 1.5 refused, \"3\" bad_request, none an error"_s, {}, 1,
            syncParams},
        {u"sync.gap_free"_s, u"a sync during writes plus the live events leave no gap"_s, {}, 2,
            syncGapFree},
    };
}

} // namespace Hubbub::Conformance
