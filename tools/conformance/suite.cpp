#include "suite.h"

#include "spec.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace Hubbub::Conformance {

namespace {

const QString ClientName = QStringLiteral("hubbub-conformance/" HUBBUB_VERSION);

QString randomText(qsizetype length)
{
    static const char alphabet[] = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QString text;
    text.reserve(length);
    for (qsizetype i = 0; i < length; ++i)
        text.append(
            QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof(alphabet) - 1))]));
    return text;
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

void print(const QString &line)
{
    std::fputs(line.toUtf8().append('\n').constData(), stdout);
    std::fflush(stdout);
}

} // namespace

// Expectations

void fail(const QString &message)
{
    throw CheckFailure {message};
}

void expect(bool condition, const QString &what)
{
    if (!condition)
        fail(what);
}

QString show(const QJsonValue &value, int max)
{
    QString text;
    if (value.isUndefined())
        text = QStringLiteral("(absent)");
    else if (value.isObject())
        text = compact(value.toObject());
    else if (value.isArray())
        text = QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    else
        text = compact(QJsonObject {{QStringLiteral("v"), value}}).mid(5).chopped(1);
    if (text.size() > max)
        text = text.left(max) + QStringLiteral("…");
    return text;
}

void expectEqual(const QJsonValue &got, const QJsonValue &expected, const QString &what)
{
    // Numbers compare by value however they were written (2, 2.0).
    const bool same = got.isDouble() && expected.isDouble() ? got.toDouble() == expected.toDouble()
                                                            : got == expected;
    if (!same)
        fail(QStringLiteral("%1 (expected %2, got %3)").arg(what, show(expected), show(got)));
}

QString errorCode(const QJsonObject &reply)
{
    if (reply.value(QStringLiteral("ok")).toBool())
        return QString();
    return reply.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

namespace {

//! Every error reply: a code of the spec's table and a sentence.
void expectWellFormedError(const QJsonObject &reply)
{
    const QJsonObject error = reply.value(QStringLiteral("error")).toObject();
    const QString code = error.value(QStringLiteral("code")).toString();
    bool known = false;
    for (const char *name : Spec::ErrorCodes)
        known = known || code == QLatin1StringView(name);
    expect(known, QStringLiteral("error.code \"%1\" is not one of the spec's codes").arg(code));
    expect(!error.value(QStringLiteral("message")).toString().trimmed().isEmpty(),
        QStringLiteral("an error without a message: %1").arg(show(reply)));
    if (code == u"rate_limited")
        expect(isId(error.value(QStringLiteral("retryAfterMs"))),
            QStringLiteral("rate_limited without retryAfterMs: %1").arg(show(reply)));
}

} // namespace

QJsonObject call(Peer &peer, const QString &verb, const QJsonObject &params)
{
    const qint64 id = peer.send(verb, params);
    const std::optional<Frame> reply = peer.waitForReply(id);
    if (!peer.malformed().isEmpty())
        fail(QStringLiteral("the server sent a frame that is not protocol v1: %1")
                 .arg(peer.malformed().constFirst()));
    if (!reply) {
        if (peer.isClosed())
            fail(QStringLiteral("%1: the connection closed before the reply (code %2 %3)")
                     .arg(verb)
                     .arg(peer.closeCode())
                     .arg(peer.closeReason()));
        fail(QStringLiteral("%1: no reply within %2 ms").arg(verb).arg(peer.target().timeoutMs));
    }
    if (reply->frame.ok)
        peer.observeReply(verb, reply->json);
    else
        expectWellFormedError(reply->json);
    return reply->json;
}

QJsonObject ok(Peer &peer, const QString &verb, const QJsonObject &params)
{
    const QJsonObject reply = call(peer, verb, params);
    if (!reply.value(QStringLiteral("ok")).toBool()) {
        const QJsonObject error = reply.value(QStringLiteral("error")).toObject();
        fail(QStringLiteral("%1 was refused (expected ok, got %2%3: %4)")
                 .arg(verb, error.value(QStringLiteral("code")).toString(),
                     error.contains(QStringLiteral("field")) ? QStringLiteral(" field ")
                             + error.value(QStringLiteral("field")).toString()
                                                             : QString(),
                     error.value(QStringLiteral("message")).toString()));
    }
    return reply;
}

void expectErrorOneOf(const QJsonObject &reply, const QStringList &codes, const QString &field)
{
    const QString expected = codes.join(QStringLiteral(" or "))
        + (field.isEmpty() ? QString() : QStringLiteral(" field ") + field);
    if (reply.value(QStringLiteral("ok")).toBool())
        fail(QStringLiteral("expected %1, got ok: %2").arg(expected, show(reply)));
    const QJsonObject error = reply.value(QStringLiteral("error")).toObject();
    const QString code = error.value(QStringLiteral("code")).toString();
    if (!codes.contains(code))
        fail(QStringLiteral("expected %1, got %2: %3")
                 .arg(expected, code, error.value(QStringLiteral("message")).toString()));
    if (field.isEmpty())
        return;
    const QJsonValue gotField = error.value(QStringLiteral("field"));
    if (gotField.isUndefined() && code != u"invalid")
        return; // the spec asks for `field` on `invalid` only
    if (gotField != QJsonValue(field))
        fail(QStringLiteral("expected %1, got %2 field %3").arg(expected, code, show(gotField)));
}

void expectError(const QJsonObject &reply, const QString &code, const QString &field)
{
    expectErrorOneOf(reply, {code}, field);
}

QList<QJsonObject> eventFrames(const Peer &peer)
{
    QList<QJsonObject> result;
    for (const Frame &frame : peer.events())
        result.append(frame.json);
    return result;
}

int countEvents(
    const Peer &peer, const QString &name, const std::function<bool(const QJsonObject &)> &match)
{
    int count = 0;
    for (const Frame &frame : peer.events()) {
        if (frame.frame.eventName == name && (!match || match(frame.json)))
            ++count;
    }
    return count;
}

QJsonObject waitForEvent(
    Peer &peer, const QString &name, const std::function<bool(const QJsonObject &)> &match)
{
    QJsonObject found;
    const bool arrived = peer.waitUntil([&] {
        for (const Frame &frame : peer.events()) {
            if (frame.frame.eventName == name && (!match || match(frame.json))) {
                found = frame.json;
                return true;
            }
        }
        return peer.isClosed();
    });
    if (!peer.malformed().isEmpty())
        fail(QStringLiteral("the server sent a frame that is not protocol v1: %1")
                 .arg(peer.malformed().constFirst()));
    if (!arrived || found.isEmpty())
        fail(QStringLiteral("no %1 event reached the connection within %2 ms")
                 .arg(name)
                 .arg(peer.target().timeoutMs));
    return found;
}

void expectConsecutive(const QList<QJsonObject> &events, const QString &what)
{
    for (qsizetype i = 1; i < events.size(); ++i) {
        const qint64 previous = idOf(events.at(i - 1).value(QStringLiteral("seq")));
        const qint64 seq = idOf(events.at(i).value(QStringLiteral("seq")));
        if (seq != previous + 1)
            fail(QStringLiteral("%1: seq %2 followed seq %3 (expected %4)")
                     .arg(what)
                     .arg(seq)
                     .arg(previous)
                     .arg(previous + 1));
    }
}

// Objects

bool isId(const QJsonValue &value)
{
    if (!value.isDouble())
        return false;
    const double number = value.toDouble();
    return number >= 0 && number <= double(Spec::MaxSafeInteger) && std::floor(number) == number;
}

qint64 idOf(const QJsonValue &value)
{
    return isId(value) ? qint64(value.toDouble()) : -1;
}

bool isTime(const QJsonValue &value)
{
    // ISO 8601 UTC with milliseconds: 2026-11-22T10:00:00.123Z
    static const QRegularExpression pattern(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$"));
    return value.isString() && pattern.match(value.toString()).hasMatch();
}

namespace {

QJsonObject objectOf(const QJsonValue &value, const QString &what)
{
    expect(value.isObject(), QStringLiteral("%1 is not an object (got %2)").arg(what, show(value)));
    return value.toObject();
}

void expectField(const QJsonObject &object, const QString &key, bool valid, const QString &what,
    const QString &rule)
{
    if (!valid)
        fail(QStringLiteral("%1.%2 is not %3 (got %4)")
                 .arg(what, key, rule, show(object.value(key))));
}

} // namespace

void expectUser(const QJsonValue &value, const QString &what)
{
    const QJsonObject user = objectOf(value, what);
    expectField(user, QStringLiteral("id"), isId(user.value(QStringLiteral("id"))), what,
        QStringLiteral("an id"));
    expectField(user, QStringLiteral("username"), user.value(QStringLiteral("username")).isString(),
        what, QStringLiteral("a string"));
    const QString role = user.value(QStringLiteral("role")).toString();
    expectField(user, QStringLiteral("role"), role == u"member" || role == u"admin", what,
        QStringLiteral("\"member\" or \"admin\""));
}

void expectPost(const QJsonValue &value, const QString &what)
{
    const QJsonObject post = objectOf(value, what);
    expectField(post, QStringLiteral("id"), isId(post.value(QStringLiteral("id"))), what,
        QStringLiteral("an id"));
    expectUser(post.value(QStringLiteral("author")), what + QStringLiteral(".author"));
    expectField(post, QStringLiteral("title"), post.value(QStringLiteral("title")).isString(), what,
        QStringLiteral("a string"));
    expectField(post, QStringLiteral("content"), post.value(QStringLiteral("content")).isString(),
        what, QStringLiteral("a string"));
    const QJsonValue image = post.value(QStringLiteral("imageId"));
    expectField(post, QStringLiteral("imageId"), image.isString() || image.isNull(), what,
        QStringLiteral("a string or null"));
    expectField(post, QStringLiteral("createdAt"), isTime(post.value(QStringLiteral("createdAt"))),
        what, QStringLiteral("an ISO 8601 UTC time with milliseconds"));
    const QJsonValue updated = post.value(QStringLiteral("updatedAt"));
    expectField(post, QStringLiteral("updatedAt"), updated.isNull() || isTime(updated), what,
        QStringLiteral("a time or null"));
    const QJsonObject rating = objectOf(post.value(QStringLiteral("rating")), what + u".rating");
    expectField(rating, QStringLiteral("average"),
        rating.value(QStringLiteral("average")).isDouble(), what + u".rating",
        QStringLiteral("a number"));
    expectField(rating, QStringLiteral("count"), isId(rating.value(QStringLiteral("count"))),
        what + u".rating", QStringLiteral("a whole number"));
}

void expectReview(const QJsonValue &value, const QString &what)
{
    const QJsonObject review = objectOf(value, what);
    for (const QString &key : {QStringLiteral("id"), QStringLiteral("postId")})
        expectField(review, key, isId(review.value(key)), what, QStringLiteral("an id"));
    expectUser(review.value(QStringLiteral("author")), what + QStringLiteral(".author"));
    const qint64 rating = idOf(review.value(QStringLiteral("rating")));
    expectField(review, QStringLiteral("rating"),
        rating >= Spec::RatingMin && rating <= Spec::RatingMax, what,
        QStringLiteral("a whole number from 1 to 5"));
    expectField(review, QStringLiteral("comment"),
        review.value(QStringLiteral("comment")).isString(), what, QStringLiteral("a string"));
    expectField(review, QStringLiteral("createdAt"),
        isTime(review.value(QStringLiteral("createdAt"))), what, QStringLiteral("a time"));
}

void expectChannel(const QJsonValue &value, const QString &what)
{
    const QJsonObject channel = objectOf(value, what);
    expectField(channel, QStringLiteral("id"), isId(channel.value(QStringLiteral("id"))), what,
        QStringLiteral("an id"));
    for (const QString &key : {QStringLiteral("name"), QStringLiteral("topic")})
        expectField(channel, key, channel.value(key).isString(), what, QStringLiteral("a string"));
}

void expectMessage(const QJsonValue &value, const QString &what)
{
    const QJsonObject message = objectOf(value, what);
    for (const QString &key : {QStringLiteral("id"), QStringLiteral("channelId")})
        expectField(message, key, isId(message.value(key)), what, QStringLiteral("an id"));
    expectUser(message.value(QStringLiteral("author")), what + QStringLiteral(".author"));
    expectField(message, QStringLiteral("text"), message.value(QStringLiteral("text")).isString(),
        what, QStringLiteral("a string"));
    expectField(message, QStringLiteral("createdAt"),
        isTime(message.value(QStringLiteral("createdAt"))), what, QStringLiteral("a time"));
    const QJsonValue edited = message.value(QStringLiteral("editedAt"));
    expectField(message, QStringLiteral("editedAt"), edited.isNull() || isTime(edited), what,
        QStringLiteral("a time or null"));
}

QString repeated(QChar c, qsizetype n)
{
    return QString(n, c);
}

// Helpers

qint64 seqOf(const QJsonObject &object)
{
    return idOf(object.value(QStringLiteral("seq")));
}

QJsonObject postOf(const QJsonObject &replyOrEvent)
{
    return replyOrEvent.value(QStringLiteral("post")).toObject();
}

qint64 postIdOf(const QJsonObject &replyOrEvent)
{
    return idOf(postOf(replyOrEvent).value(QStringLiteral("id")));
}

QJsonObject messageOf(const QJsonObject &replyOrEvent)
{
    return replyOrEvent.value(QStringLiteral("message")).toObject();
}

qint64 messageIdOf(const QJsonObject &replyOrEvent)
{
    return idOf(messageOf(replyOrEvent).value(QStringLiteral("id")));
}

QList<qint64> idsOf(const QJsonArray &objects, const QString &key)
{
    QList<qint64> ids;
    for (const QJsonValue &object : objects)
        ids.append(idOf(object.toObject().value(key)));
    return ids;
}

QJsonObject createPost(Peer &peer, const QString &title, const QString &content, QJsonObject extra)
{
    extra.insert(QStringLiteral("title"), title);
    extra.insert(QStringLiteral("content"), content);
    const QJsonObject reply = ok(peer, QStringLiteral("post.create"), extra);
    expectPost(reply.value(QStringLiteral("post")), QStringLiteral("post"));
    return reply;
}

QJsonObject sendMessage(
    Context &context, Peer &peer, const QString &text, QJsonObject extra, qint64 channelId)
{
    extra.insert(QStringLiteral("channelId"), channelId < 0 ? context.kitChannel() : channelId);
    extra.insert(QStringLiteral("text"), text);
    const QJsonObject reply = ok(peer, QStringLiteral("chat.send"), extra);
    expectMessage(reply.value(QStringLiteral("message")), QStringLiteral("message"));
    return reply;
}

std::function<bool(const QJsonObject &)> aboutPost(qint64 postId)
{
    return [postId](const QJsonObject &event) {
        return postIdOf(event) == postId || idOf(event.value(QStringLiteral("postId"))) == postId;
    };
}

std::function<bool(const QJsonObject &)> aboutMessage(qint64 messageId)
{
    return [messageId](const QJsonObject &event) {
        return messageIdOf(event) == messageId
            || idOf(event.value(QStringLiteral("messageId"))) == messageId;
    };
}

// Context

Context::Context(const Options &options)
    : m_options(options)
    , m_runId(randomText(8).toLower())
{ }

QString Context::unique(const QString &what)
{
    return QStringLiteral("conf%1_%2%3").arg(m_runId, what).arg(++m_uniqueCounter);
}

std::unique_ptr<Peer> Context::connectRaw()
{
    auto peer = std::make_unique<Peer>(m_options.target);
    if (!peer->open())
        fail(QStringLiteral("cannot connect to %1: %2")
                 .arg(m_options.target.url.toDisplayString(), peer->error()));
    return peer;
}

std::unique_ptr<Peer> Context::connect()
{
    std::unique_ptr<Peer> peer = connectRaw();
    ok(*peer, QStringLiteral("hello"),
        {{QStringLiteral("protocol"), Spec::Protocol}, {QStringLiteral("client"), ClientName}});
    return peer;
}

std::unique_ptr<Peer> Context::signIn(int index)
{
    std::unique_ptr<Peer> peer = connect();
    const QJsonObject reply = ok(*peer, QStringLiteral("auth.token"),
        {{QStringLiteral("token"), m_accounts.at(index).token}});
    // Whatever it creates is deleted at the end, also what a failing check did not expect.
    peer->setReplyObserver([this, index](const QString &verb, const QJsonObject &created) {
        if (verb == u"post.create")
            createdPost(index, idOf(created.value(u"post").toObject().value(u"id")));
        else if (verb == u"chat.send")
            createdMessage(index, idOf(created.value(u"message").toObject().value(u"id")));
    });
    expectEqual(reply.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")),
        m_accounts.at(index).id, QStringLiteral("auth.token signs in as the token's user"));
    return peer;
}

qint64 Context::kitChannel()
{
    if (m_kitChannel < 0) {
        std::unique_ptr<Peer> peer = signIn(0);
        const QJsonObject reply = ok(*peer, QStringLiteral("channel.create"),
            {{QStringLiteral("name"), QString(QStringLiteral("conf") + m_runId)},
                {QStringLiteral("topic"),
                    QString(QStringLiteral("hubbub-conformance run ") + m_runId)}});
        expectChannel(reply.value(QStringLiteral("channel")), QStringLiteral("channel"));
        m_kitChannel
            = idOf(reply.value(QStringLiteral("channel")).toObject().value(QStringLiteral("id")));
    }
    return m_kitChannel;
}

void Context::createdPost(int account, qint64 postId)
{
    m_posts.append({account, postId});
}

void Context::createdMessage(int account, qint64 messageId)
{
    m_messages.append({account, messageId});
}

bool Context::greet(QString *why)
{
    try {
        std::unique_ptr<Peer> peer = connectRaw();
        const QJsonObject hello = call(*peer, QStringLiteral("hello"),
            {{QStringLiteral("protocol"), Spec::Protocol}, {QStringLiteral("client"), ClientName}});
        if (!hello.value(QStringLiteral("ok")).toBool()) {
            *why = QStringLiteral("the server refused hello: ") + show(hello);
            return false;
        }
        m_serverName = hello.value(QStringLiteral("server")).toString();
        for (const QJsonValue &feature : hello.value(QStringLiteral("features")).toArray()) {
            m_features.insert(feature.toString());
            m_featureList.append(feature.toString());
        }
        // `registration` is an extension (feature `invites`); a server without it is open.
        m_registration
            = hello.value(QStringLiteral("registration")).toString(QStringLiteral("open"));
        return true;
    } catch (const CheckFailure &failure) {
        *why = failure.message;
        return false;
    }
}

//! What an accepted auth.register or auth.login says of the account: its token, id, name (as
//! the server spells it) and role.
static void takeSignIn(Account &account, const QJsonObject &reply)
{
    account.token = reply.value(QStringLiteral("token")).toString();
    const QJsonObject user = reply.value(QStringLiteral("user")).toObject();
    account.id = idOf(user.value(QStringLiteral("id")));
    account.username = user.value(QStringLiteral("username")).toString();
    account.role = user.value(QStringLiteral("role")).toString();
}

bool Context::registerAccount(Account &account, QString *why)
{
    std::unique_ptr<Peer> peer = connect();
    QJsonObject params {{QStringLiteral("username"), account.username},
        {QStringLiteral("password"), account.password}};
    if (m_registration == u"invite") {
        if (m_nextInvite >= m_options.invites.size()) {
            *why = QStringLiteral("registration on this server needs an invite code: pass "
                                  "--invite CODE (three) or --account NAME:FILE");
            return false;
        }
        params.insert(QStringLiteral("invite"), m_options.invites.at(m_nextInvite++));
    }
    const QJsonObject reply = call(*peer, QStringLiteral("auth.register"), params);
    if (!reply.value(QStringLiteral("ok")).toBool()) {
        *why = QStringLiteral("auth.register of %1 was refused: %2")
                   .arg(account.username, show(reply));
        return false;
    }
    takeSignIn(account, reply);
    return true;
}

bool Context::prepareAccounts(QString *why)
{
    try {
        for (const Account &given : m_options.accounts) {
            Account account = given;
            std::unique_ptr<Peer> peer = connect();
            const QJsonObject reply = call(*peer, QStringLiteral("auth.login"),
                {{QStringLiteral("username"), account.username},
                    {QStringLiteral("password"), account.password}});
            if (!reply.value(QStringLiteral("ok")).toBool()) {
                *why = QStringLiteral("auth.login of %1 was refused: %2")
                           .arg(account.username, show(reply));
                return false;
            }
            takeSignIn(account, reply);
            m_accounts.append(account);
        }
        if (!m_accounts.isEmpty() || m_registration == u"closed") {
            if (m_accounts.isEmpty())
                *why = QStringLiteral("registration on this server is closed: pass --account "
                                      "NAME:FILE for accounts made beforehand");
            return !m_accounts.isEmpty();
        }
        // Three accounts of the kit's own, named after the run. They sit on the limits:
        // B's password is 256 characters, C's name 32 and its password 8.
        const QString base = QStringLiteral("conf") + m_runId;
        Account a {base + QStringLiteral("_a"), randomText(20), {}, -1, {}};
        Account b {base + QStringLiteral("_b"), randomText(Spec::PasswordMax), {}, -1, {}};
        QString longName = base + QStringLiteral("_c_");
        longName += repeated(QLatin1Char('x'), Spec::UsernameMax - longName.size());
        Account c {longName, randomText(Spec::PasswordMin), {}, -1, {}};
        for (Account *account : {&a, &b, &c}) {
            if (!registerAccount(*account, why))
                return false;
            m_accounts.append(*account);
        }
        return true;
    } catch (const CheckFailure &failure) {
        *why = failure.message;
        return false;
    }
}

void Context::cleanUp()
{
    for (QList<std::pair<int, qint64>> *entries : {&m_posts, &m_messages}) {
        std::sort(entries->begin(), entries->end());
        entries->erase(std::unique(entries->begin(), entries->end()), entries->end());
    }
    for (int index = 0; index < m_accounts.size(); ++index) {
        try {
            std::unique_ptr<Peer> peer = signIn(index);
            for (const auto &[account, postId] : std::as_const(m_posts)) {
                if (account == index)
                    peer->send(QStringLiteral("post.delete"), {{QStringLiteral("postId"), postId}});
            }
            for (const auto &[account, messageId] : std::as_const(m_messages)) {
                if (account == index)
                    peer->send(
                        QStringLiteral("chat.delete"), {{QStringLiteral("messageId"), messageId}});
            }
            // Last: ends the session the kit signed in with (not_found for what a check
            // deleted already is expected above and ignored).
            call(*peer, QStringLiteral("auth.logout"));
        } catch (const CheckFailure &failure) {
            std::fprintf(stderr, "cleaning up as %s: %s\n",
                qPrintable(m_accounts.at(index).username), qPrintable(failure.message));
        }
    }
}

// Runner

Runner::Runner(const Options &options, QList<Check> checks)
    : m_options(options)
    , m_checks(std::move(checks))
{ }

void Runner::report(const Check &check, const QString &result, const QString &detail, qint64 ms)
{
    if (result == u"PASS")
        ++m_passed;
    else if (result == u"FAIL")
        ++m_failed;
    else
        ++m_skipped;
    if (m_options.json) {
        QJsonObject line {{QStringLiteral("check"), check.name},
            {QStringLiteral("result"), result.toLower()},
            {QStringLiteral("description"), check.description}, {QStringLiteral("ms"), ms}};
        if (!check.feature.isEmpty())
            line.insert(QStringLiteral("feature"), check.feature);
        if (!detail.isEmpty())
            line.insert(QStringLiteral("detail"), detail);
        print(compact(line));
        return;
    }
    if (result == u"SKIP")
        print(QStringLiteral("SKIP  %1: %2").arg(check.name, detail));
    else if (detail.isEmpty())
        print(QStringLiteral("%1  %2: %3").arg(result, check.name, check.description));
    else
        print(QStringLiteral("%1  %2: %3 (%4)").arg(result, check.name, check.description, detail));
}

int Runner::run()
{
    QList<Check> selected;
    for (const Check &check : std::as_const(m_checks)) {
        if (!m_options.only.isValid() || m_options.only.pattern().isEmpty()
            || m_options.only.match(check.name).hasMatch())
            selected.append(check);
    }
    QElapsedTimer clock;
    clock.start();
    Context context(m_options);
    QString why;
    if (!context.greet(&why)) {
        std::fprintf(stderr, "hubbub-conformance: %s\n", qPrintable(why));
        return 2;
    }
    std::fprintf(stderr, "Server %s at %s, registration %s, features: %s\n",
        qPrintable(context.serverName()), qPrintable(m_options.target.url.toDisplayString()),
        qPrintable(context.registration()),
        qPrintable(context.features().isEmpty() ? QStringLiteral("(none)")
                                                : context.features().join(QStringLiteral(", "))));
    int needed = 0;
    for (const Check &check : std::as_const(selected)) {
        if (check.feature.isEmpty() || context.announces(check.feature))
            needed = qMax(needed, check.accounts);
    }
    QString accountsProblem;
    if (needed > 0 && !context.prepareAccounts(&accountsProblem)) {
        Check setup {QStringLiteral("setup"),
            QStringLiteral("the kit gets accounts to run the checks with"), {}, 0, {}};
        report(setup, QStringLiteral("FAIL"), accountsProblem, 0);
    }
    for (const Check &check : std::as_const(selected)) {
        QElapsedTimer timer;
        timer.start();
        if (!check.feature.isEmpty() && !context.announces(check.feature)) {
            report(check, QStringLiteral("SKIP"),
                QStringLiteral("not announced (feature \"%1\")").arg(check.feature), 0);
            continue;
        }
        if (check.accounts > context.accountCount()) {
            report(check, QStringLiteral("SKIP"),
                accountsProblem.isEmpty()
                    ? QStringLiteral("needs %1 accounts, the kit has %2 (--account)")
                          .arg(check.accounts)
                          .arg(context.accountCount())
                    : QStringLiteral("no accounts (see setup)"),
                0);
            continue;
        }
        try {
            check.run(context);
            report(check, QStringLiteral("PASS"), QString(), timer.elapsed());
        } catch (const CheckFailure &failure) {
            report(check, QStringLiteral("FAIL"), failure.message, timer.elapsed());
        } catch (const CheckSkipped &skipped) {
            report(check, QStringLiteral("SKIP"), skipped.reason, timer.elapsed());
        }
    }
    context.cleanUp();
    std::fprintf(stderr, "%d passed, %d failed, %d skipped in %.1f s\n", m_passed, m_failed,
        m_skipped, double(clock.elapsed()) / 1000.0);
    return m_failed > 0 ? 1 : 0;
}

QList<Check> allChecks()
{
    return protocolChecks() + feedChecks() + chatChecks() + eventChecks() + extensionChecks();
}

} // namespace Hubbub::Conformance
