#include "handlers/authhandler.h"

#include "logging.h"
#include "passwords.h"
#include "protocollimits.h"
#include "ratelimiter.h"
#include "store/accountstore.h"
#include "store/sqlconnection.h"
#include "store/userstore.h"
#include "validation.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>

namespace Hubbub::Server {

namespace {

//! The messages of this file, under one context that lupdate can see. The server sends
//! them in English (it knows no reader's language); the client shows its own text.
struct AuthText
{
    Q_DECLARE_TR_FUNCTIONS(Hubbub::Server::AuthHandler)
};

Error wrongCredentials()
{
    return makeError(ErrorCode::Unauthorized, AuthText::tr("Wrong username or password."));
}

Error accountDisabled()
{
    return makeError(
        ErrorCode::Forbidden, AuthText::tr("This account has been disabled; ask an admin."));
}

const QString InviteField = QStringLiteral("invite");
const QString MustChangeField = QStringLiteral("mustChangePassword");

Error badInvite()
{
    return makeError(ErrorCode::Forbidden,
        AuthText::tr("This invite code is not valid: it is mistyped, used, withdrawn or "
                     "expired."),
        InviteField);
}

//! The SHA-256 of an invite code in its stored form; empty when it cannot be a code.
QByteArray codeHash(const QString &typed)
{
    const QString code = Validation::normalizedCode(typed);
    return code.isEmpty() ? QByteArray()
                          : QCryptographicHash::hash(code.toLatin1(), QCryptographicHash::Sha256);
}

} // namespace

QList<MessageType> AuthHandler::types() const
{
    return {MessageType::AuthRegister, MessageType::AuthLogin, MessageType::AuthToken,
        MessageType::AuthLogout};
}

void AuthHandler::handle(const Caller &caller, const Request &request, const Responder &reply)
{
    const Params params(request.params);
    switch (request.type) {
    case MessageType::AuthRegister:
        return registerUser(caller, params, reply);
    case MessageType::AuthLogin:
        return login(caller, params, reply);
    case MessageType::AuthToken:
        return resume(caller, params, reply);
    case MessageType::AuthLogout:
        return logout(caller, reply);
    default:
        return reply.fail(makeError(ErrorCode::BadRequest, AuthText::tr("Not an auth request.")));
    }
}

bool AuthHandler::reserveHash(const Responder &reply)
{
    if (m_ctx.pendingHashes >= m_ctx.config.maxPendingHashes) {
        reply.fail(rateLimited(
            AuthText::tr("The server is busy signing people in; try again shortly."), 1000));
        return false;
    }
    ++m_ctx.pendingHashes;
    return true;
}

void AuthHandler::registerUser(const Caller &caller, const Params &params, const Responder &reply)
{
    const Result<QString> username = params.string(QStringLiteral("username"));
    if (!username)
        return reply.fail(username.error());
    const Result<QString> password = params.string(QStringLiteral("password"));
    if (!password)
        return reply.fail(password.error());
    const Result<std::optional<QString>> invite = params.optionalString(InviteField);
    if (!invite)
        return reply.fail(invite.error());
    const Registration registration = m_ctx.config.registration;
    if (registration == Registration::Closed) {
        return reply.fail(makeError(ErrorCode::Forbidden,
            AuthText::tr("Registration is closed on this server; ask its admin "
                         "for an account.")));
    }
    if (registration == Registration::Invite && (!*invite || (*invite)->trimmed().isEmpty())) {
        return reply.fail(makeError(ErrorCode::Forbidden,
            AuthText::tr("This server takes new accounts by invitation: ask an admin for an "
                         "invite code."),
            InviteField));
    }
    if (auto error = Validation::checkUsername(*username))
        return reply.fail(*error);
    if (auto error = Validation::checkPassword(*password))
        return reply.fail(*error);
    // An address that is over its failed-login limit may not register either, so it cannot
    // switch to keeping the hashing workers busy with new accounts, nor guess invite codes.
    if (auto wait = m_ctx.throttle.retryAfter(QString(), caller.peerAddress()))
        return reply.fail(rateLimited(
            AuthText::tr("Too many attempts from this address; wait a moment."), *wait));
    QByteArray inviteHash;
    if (registration == Registration::Invite) {
        // Checked before the password is hashed (a wrong code costs no hashing) and again
        // when the account is created (two people racing for one code: one wins).
        inviteHash = codeHash(**invite);
        Result<bool> usable = inviteHash.isEmpty()
            ? Result<bool>(false)
            : AccountStore::inviteUsable(m_ctx.reader, inviteHash);
        if (!usable)
            return reply.fail(usable.error());
        if (!*usable) {
            m_ctx.throttle.recordFailure(QString(), caller.peerAddress());
            return reply.fail(badInvite());
        }
    }
    if (!reserveHash(reply))
        return;

    onWorker([password = *password] { return Passwords::hash(password); },
        [this, reply, username = Validation::normalizedUsername(*username), inviteHash,
            client = caller.client, address = caller.peerAddress()](QByteArray hash) {
            --m_ctx.pendingHashes;
            if (hash.isEmpty()) {
                return reply.fail(makeError(
                    ErrorCode::Internal, AuthText::tr("The password could not be hashed.")));
            }
            const QString token = Passwords::newToken();
            const QByteArray tokenHash = Passwords::tokenHash(token);
            const qint64 lifetime = m_ctx.config.tokenLifetimeDays;
            m_ctx.writer.submit(
                [username, hash, tokenHash, lifetime, inviteHash, client, address](
                    WriteTx &tx) -> Result<QJsonObject> {
                    Result<User> user = UserStore::create(tx, username, hash);
                    if (!user)
                        return user.error();
                    if (!inviteHash.isEmpty()) {
                        Result<bool> used = AccountStore::useInvite(tx, inviteHash, user->id);
                        if (!used)
                            return used.error();
                        if (!*used)
                            return badInvite(); // the job's changes are rolled back
                    }
                    Result<QString> session = AccountStore::addSession(
                        tx, user->id, tokenHash, lifetime, client, address);
                    if (!session)
                        return session.error();
                    return QJsonObject {{QStringLiteral("user"), user->toJson()}};
                },
                [this, reply, token, tokenHash](const WriteOutcome &outcome) {
                    if (outcome.result)
                        qCInfo(lcAuth) << "registered a new account";
                    finishSignIn(outcome, token, tokenHash, false, reply);
                });
        });
}

void AuthHandler::login(const Caller &caller, const Params &params, const Responder &reply)
{
    const Result<QString> username = params.string(QStringLiteral("username"));
    if (!username)
        return reply.fail(username.error());
    const Result<QString> password = params.string(QStringLiteral("password"));
    if (!password)
        return reply.fail(password.error());
    // Longer than any name or password can be (in UTF-16 units, whatever the normal form):
    // refused before it is normalised, throttled or looked up.
    if (username->size() > 8 * Limits::UsernameMax || password->size() > 4 * Limits::PasswordMax)
        return reply.fail(wrongCredentials());
    if (auto wait = m_ctx.throttle.retryAfter(*username, caller.peerAddress())) {
        return reply.fail(
            rateLimited(AuthText::tr("Too many failed logins; wait before trying again."), *wait));
    }
    Result<std::optional<UserStore::Credentials>> found
        = UserStore::findCredentials(m_ctx.reader, *username);
    if (!found)
        return reply.fail(found.error());
    if (!reserveHash(reply))
        return;

    const QString address = caller.peerAddress();
    onWorker(
        [credentials = *found, password = *password] {
            if (!credentials || credentials->passwordHash.isEmpty()) {
                Passwords::burnEquivalentTime(password);
                return false;
            }
            // A one-time code is compared in its stored form, however it was typed.
            if (credentials->mustChangePassword) {
                const QString code = Validation::normalizedCode(password);
                if (code.isEmpty()) {
                    // As long as a real check: a reset account is not told apart by time.
                    Passwords::burnEquivalentTime(password);
                    return false;
                }
                return Passwords::verify(credentials->passwordHash, code);
            }
            return Passwords::verify(credentials->passwordHash, password);
        },
        [this, reply, credentials = *found, username = *username, address, client = caller.client](
            bool verified) {
            --m_ctx.pendingHashes;
            if (!verified) {
                m_ctx.throttle.recordFailure(username, address);
                qCInfo(lcAuth) << "failed login from" << address;
                return reply.fail(wrongCredentials());
            }
            m_ctx.throttle.recordSuccess(username);
            // Said only to whoever knows the password: nobody learns from a guess whether an
            // account is disabled.
            if (credentials->disabled)
                return reply.fail(accountDisabled());
            if (credentials->mustChangePassword
                && parseTimestamp(credentials->codeExpiresAt) <= QDateTime::currentDateTimeUtc()) {
                return reply.fail(makeError(ErrorCode::Unauthorized,
                    AuthText::tr("This one-time code has expired; ask an admin for a new one."),
                    QStringLiteral("code")));
            }
            startSession(*credentials, client, address, reply);
        });
}

void AuthHandler::startSession(const UserStore::Credentials &credentials, const QString &client,
    const QString &address, const Responder &reply)
{
    const QString token = Passwords::newToken();
    const QByteArray tokenHash = Passwords::tokenHash(token);
    const qint64 lifetime = m_ctx.config.tokenLifetimeDays;
    const bool oneTimeCode = credentials.mustChangePassword;
    m_ctx.writer.submit(
        [credentials, tokenHash, lifetime, client, address](WriteTx &tx) -> Result<QJsonObject> {
            const User &user = credentials.user;
            // The account was read before the password was verified, on a worker, which
            // takes a while: an admin.disable, admin.reset_password or account.password that
            // committed meanwhile ended every session, and must not be undone by this one.
            Result<std::optional<AccountStore::SignInState>> state
                = AccountStore::signInState(tx.sql(), user.id);
            if (!state)
                return state.error();
            if (!*state || (*state)->passwordHash != credentials.passwordHash)
                return wrongCredentials();
            if ((*state)->disabled)
                return accountDisabled();
            // A one-time code is not used up here but by the password chosen with it
            // (account.password): a client that cannot choose one (a v1 client) leaves the code
            // for the next attempt instead of locking the user out. Its sessions can do nothing
            // else, and only until the code expires.
            Result<QString> session
                = AccountStore::addSession(tx, user.id, tokenHash, lifetime, client, address);
            if (!session)
                return session.error();
            // The name and role as stored now, in case they changed since the read.
            Result<std::optional<User>> current = UserStore::findById(tx.sql(), user.id);
            if (!current)
                return current.error();
            return QJsonObject {{QStringLiteral("user"), current->value_or(user).toJson()}};
        },
        [this, reply, token, tokenHash, oneTimeCode](const WriteOutcome &outcome) {
            finishSignIn(outcome, token, tokenHash, oneTimeCode, reply);
        });
}

void AuthHandler::finishSignIn(const WriteOutcome &outcome, const QString &token,
    const QByteArray &tokenHash, bool mustChangePassword, const Responder &reply)
{
    if (!outcome.result)
        return reply.fail(outcome.result.error());
    const User user = User::fromJson(outcome.result->value(QLatin1StringView("user")).toObject());
    m_ctx.hub.authenticate(reply.connection(), user, tokenHash, mustChangePassword);
    QJsonObject result = *outcome.result;
    result.insert(QStringLiteral("token"), token);
    if (mustChangePassword)
        result.insert(MustChangeField, true);
    reply.ok(result);
}

void AuthHandler::resume(const Caller &caller, const Params &params, const Responder &reply)
{
    const Result<QString> token = params.string(QStringLiteral("token"));
    if (!token)
        return reply.fail(token.error());
    if (auto wait = m_ctx.throttle.retryAfter(QString(), caller.peerAddress()))
        return reply.fail(
            rateLimited(AuthText::tr("Too many failed attempts; wait a moment."), *wait));
    const QByteArray tokenHash = Passwords::tokenHash(*token);
    Result<std::optional<UserStore::SessionUser>> found
        = UserStore::findBySession(m_ctx.reader, tokenHash);
    if (!found)
        return reply.fail(found.error());
    if (!*found) {
        m_ctx.throttle.recordFailure(QString(), caller.peerAddress());
        return reply.fail(makeError(ErrorCode::Unauthorized,
            AuthText::tr("This sign-in has expired or was ended; log in again.")));
    }
    const UserStore::SessionUser &session = **found;
    m_ctx.hub.authenticate(reply.connection(), session.user, tokenHash, session.mustChangePassword);
    // "Last used" for the list of devices, to the hour: a reconnecting fleet costs no write
    // per reconnect. Not waited for: the reply does not depend on it.
    const QDateTime used = parseTimestamp(session.lastUsedAt);
    if (!used.isValid() || used.secsTo(QDateTime::currentDateTimeUtc()) >= 3600) {
        m_ctx.writer.submit(
            [tokenHash, address = caller.peerAddress()](WriteTx &tx) -> Result<QJsonObject> {
                if (Status s = AccountStore::touchSession(tx, tokenHash, address); !s)
                    return s.error();
                return QJsonObject();
            },
            [](const WriteOutcome &) {});
    }
    QJsonObject result {{QStringLiteral("user"), session.user.toJson()}};
    if (session.mustChangePassword)
        result.insert(MustChangeField, true);
    reply.ok(result);
}

void AuthHandler::logout(const Caller &caller, const Responder &reply)
{
    if (!caller.user)
        return reply.fail(
            makeError(ErrorCode::Unauthorized, AuthText::tr("You are not logged in.")));
    const QByteArray tokenHash = caller.tokenHash;
    // Stop the connection's events at once; the token is revoked when the delete commits.
    m_ctx.hub.deauthenticate(reply.connection());
    m_ctx.writer.submit(
        [tokenHash](WriteTx &tx) -> Result<QJsonObject> {
            if (Status s = UserStore::removeSession(tx, tokenHash); !s)
                return s.error();
            return QJsonObject();
        },
        [reply](const WriteOutcome &outcome) { reply.finish(outcome); });
}

} // namespace Hubbub::Server
