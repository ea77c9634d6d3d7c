#pragma once

#include "peer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace Hubbub::Conformance {

//! One of the kit's accounts: registered by the kit, or given with --account.
struct Account
{
    QString username;
    QString password;
    QString token;
    qint64 id = -1;
    QString role;
};

struct Options
{
    Target target;
    QRegularExpression only;
    bool json = false;
    //! Invite codes for registering on a server in `invite` mode, used in order.
    QStringList invites;
    //! Accounts made beforehand (--account), used in place of registering.
    QList<Account> accounts;
};

//! Thrown by the expectations below: the running check failed, and why.
struct CheckFailure
{
    QString message;
};

//! Thrown when a check finds it cannot run against this server (said why).
struct CheckSkipped
{
    QString reason;
};

class Context;

//! One line of the report: a named check of one rule of the contract.
struct Check
{
    QString name;
    QString description;
    //! The extension (`hello.features` entry) the check needs; empty for the contract itself.
    QString feature;
    //! How many of the kit's accounts it signs in with (0 to 3).
    int accounts = 0;
    std::function<void(Context &)> run;
};

//! What a check runs with: the options, what `hello` said, the kit's accounts, and the
//! bookkeeping of what the run created so that it can be removed at the end.
class Context
{
public:
    explicit Context(const Options &options);

    const Options &options() const { return m_options; }
    //! A fresh connection that has said `hello` (the spec recommends it first).
    std::unique_ptr<Peer> connect();
    //! A fresh connection that has sent nothing.
    std::unique_ptr<Peer> connectRaw();
    //! A fresh connection signed in as the kit's account `index` with its token.
    std::unique_ptr<Peer> signIn(int index);

    const Account &account(int index) const { return m_accounts.at(index); }
    int accountCount() const { return int(m_accounts.size()); }
    //! A name no other run uses: `conf<run id>_<what><n>` (letters, digits and `_`).
    QString unique(const QString &what);
    QString runId() const { return m_runId; }

    bool announces(const QString &feature) const { return m_features.contains(feature); }
    QStringList features() const { return m_featureList; }
    QString registration() const { return m_registration; }
    //! Whether the kit may register accounts of its own (no invite needed).
    bool registrationOpen() const { return m_registration == QStringLiteral("open"); }
    QString serverName() const { return m_serverName; }

    //! The run's own channel (channels cannot be deleted, so the chat checks share one),
    //! created by the first account on first use.
    qint64 kitChannel();

    //! Entries a check created, deleted at the end of the run by their author. A signIn()
    //! connection notes what call() creates by itself; these are for pipelined requests.
    void createdPost(int account, qint64 postId);
    void createdMessage(int account, qint64 messageId);

    //! Connects and says `hello`; false with `why` when the server cannot be reached.
    bool greet(QString *why);
    //! Registers or signs in the kit's accounts; false with `why` when none could be had.
    bool prepareAccounts(QString *why);
    //! Deletes what the run created and signs the kit's sessions out.
    void cleanUp();

private:
    bool registerAccount(Account &account, QString *why);

    Options m_options;
    QString m_runId;
    int m_uniqueCounter = 0;
    QSet<QString> m_features;
    QStringList m_featureList;
    QString m_registration;
    QString m_serverName;
    QList<Account> m_accounts;
    QList<std::pair<int, qint64>> m_posts;
    QList<std::pair<int, qint64>> m_messages;
    qsizetype m_nextInvite = 0;
    qint64 m_kitChannel = -1;
};

//! Runs the checks and prints one line per check. Returns how many failed.
class Runner
{
public:
    Runner(const Options &options, QList<Check> checks);
    //! The exit status: 0 all passed or skipped, 1 a check failed, 2 the server is unreachable.
    int run();

private:
    void report(const Check &check, const QString &result, const QString &detail, qint64 ms);

    Options m_options;
    QList<Check> m_checks;
    int m_passed = 0;
    int m_failed = 0;
    int m_skipped = 0;
};

// Building the catalogue: one function per area of the contract.
QList<Check> protocolChecks(); // transport, hello, auth, user
QList<Check> feedChecks(); // posts, feed, reviews, images
QList<Check> chatChecks(); // channels, chat, presence
QList<Check> eventChecks(); // events, sync
QList<Check> extensionChecks(); // everything announced in hello.features
QList<Check> allChecks();

// Expectations. Each throws CheckFailure with "expected …, got …".

[[noreturn]] void fail(const QString &message);
void expect(bool condition, const QString &what);
//! Sends a request and waits for its reply (the JSON object as sent). Fails on a timeout, a
//! closed connection, a malformed frame from the server, or a reply to another request.
QJsonObject call(Peer &peer, const QString &verb, const QJsonObject &params = {});
//! call() and expect `ok: true`; the reply object.
QJsonObject ok(Peer &peer, const QString &verb, const QJsonObject &params = {});
//! The reply failed with `code`; when `field` is given, `error.field` is it if present (and must
//! be present for `invalid`, which the spec says names the field).
void expectError(const QJsonObject &reply, const QString &code, const QString &field = {});
//! As expectError(), with any of `codes` (where the spec allows more than one reading).
void expectErrorOneOf(
    const QJsonObject &reply, const QStringList &codes, const QString &field = {});
//! The reply's `error.code`, empty for an ok reply.
QString errorCode(const QJsonObject &reply);
//! Compact JSON of a value, cut to `max` characters, for messages.
QString show(const QJsonValue &value, int max = 160);
void expectEqual(const QJsonValue &got, const QJsonValue &expected, const QString &what);

//! Waits until `peer` has received an event `name` whose payload matches `match`; the frame.
QJsonObject waitForEvent(
    Peer &peer, const QString &name, const std::function<bool(const QJsonObject &)> &match = {});
//! How many events `name` matching `match` `peer` has received so far.
int countEvents(const Peer &peer, const QString &name,
    const std::function<bool(const QJsonObject &)> &match = {});
//! The events `peer` received, in order, as frames.
QList<QJsonObject> eventFrames(const Peer &peer);
//! Fails unless the events `peer` received have seqs that go up by exactly one.
void expectConsecutive(const QList<QJsonObject> &events, const QString &what);

// The objects of the spec's "Objects" section, checked field by field.
bool isId(const QJsonValue &value);
bool isTime(const QJsonValue &value);
void expectUser(const QJsonValue &value, const QString &what);
void expectPost(const QJsonValue &value, const QString &what);
void expectReview(const QJsonValue &value, const QString &what);
void expectChannel(const QJsonValue &value, const QString &what);
void expectMessage(const QJsonValue &value, const QString &what);
qint64 idOf(const QJsonValue &value);

//! `n` copies of `c` (a QString of `n` code points for a BMP character).
QString repeated(QChar c, qsizetype n);

// Helpers the checks share.

//! A reply's or an event's `seq`; -1 when it has none.
qint64 seqOf(const QJsonObject &object);
QJsonObject postOf(const QJsonObject &replyOrEvent);
qint64 postIdOf(const QJsonObject &replyOrEvent);
QJsonObject messageOf(const QJsonObject &replyOrEvent);
qint64 messageIdOf(const QJsonObject &replyOrEvent);
//! The `key` (by default `id`) of every object of an array.
QList<qint64> idsOf(const QJsonArray &objects, const QString &key = QStringLiteral("id"));
//! post.create on `peer` (a Context::signIn() connection: the post is deleted at the end of the
//! run); the reply, its post checked against the spec's Post.
QJsonObject createPost(Peer &peer, const QString &title,
    const QString &content = QStringLiteral("Written by hubbub-conformance."),
    QJsonObject extra = {});
//! chat.send on `peer` to the run's channel (or `channelId`); the reply, its message checked.
QJsonObject sendMessage(Context &context, Peer &peer, const QString &text, QJsonObject extra = {},
    qint64 channelId = -1);
//! Matches an event about the post (`post.id` or `postId`) or message.
std::function<bool(const QJsonObject &)> aboutPost(qint64 postId);
std::function<bool(const QJsonObject &)> aboutMessage(qint64 messageId);

} // namespace Hubbub::Conformance
