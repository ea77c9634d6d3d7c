#include "handlers/authhandler.h"

#include "logging.h"
#include "passwords.h"
#include "protocollimits.h"
#include "ratelimiter.h"
#include "store/sqlconnection.h"
#include "store/userstore.h"
#include "validation.h"

#include <QCoreApplication>

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
    if (!m_ctx.config.registrationOpen) {
        return reply.fail(makeError(ErrorCode::Forbidden,
            AuthText::tr("Registration is closed on this server; ask its admin "
                         "for an account.")));
    }
    if (auto error = Validation::checkUsername(*username))
        return reply.fail(*error);
    if (auto error = Validation::checkPassword(*password))
        return reply.fail(*error);
    // An address that is over its failed-login limit may not register either, so it cannot
    // switch to keeping the hashing workers busy with new accounts.
    if (auto wait = m_ctx.throttle.retryAfter(QString(), caller.peerAddress()))
        return reply.fail(rateLimited(
            AuthText::tr("Too many attempts from this address; wait a moment."), *wait));
    if (!reserveHash(reply))
        return;

    onWorker([password = *password] { return Passwords::hash(password); },
        [this, reply, username = Validation::normalizedUsername(*username)](QByteArray hash) {
            --m_ctx.pendingHashes;
            if (hash.isEmpty()) {
                return reply.fail(makeError(
                    ErrorCode::Internal, AuthText::tr("The password could not be hashed.")));
            }
            const QString token = Passwords::newToken();
            const QByteArray tokenHash = Passwords::tokenHash(token);
            const qint64 lifetime = m_ctx.config.tokenLifetimeDays;
            m_ctx.writer.submit(
                [username, hash, tokenHash, lifetime](WriteTx &tx) -> Result<QJsonObject> {
                    Result<User> user = UserStore::create(tx, username, hash);
                    if (!user)
                        return user.error();
                    if (Status s = UserStore::addSession(tx, user->id, tokenHash, lifetime); !s)
                        return s.error();
                    return QJsonObject {{QStringLiteral("user"), user->toJson()}};
                },
                [this, reply, token, tokenHash](const WriteOutcome &outcome) {
                    if (outcome.result)
                        qCInfo(lcAuth) << "registered a new account";
                    finishSignIn(outcome, token, tokenHash, reply);
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
            if (!credentials) {
                Passwords::burnEquivalentTime(password);
                return false;
            }
            return Passwords::verify(credentials->passwordHash, password);
        },
        [this, reply, credentials = *found, username = *username, address](bool verified) {
            --m_ctx.pendingHashes;
            if (!verified) {
                m_ctx.throttle.recordFailure(username, address);
                qCInfo(lcAuth) << "failed login from" << address;
                return reply.fail(wrongCredentials());
            }
            m_ctx.throttle.recordSuccess(username);
            startSession(credentials->user, reply);
        });
}

void AuthHandler::startSession(const User &user, const Responder &reply)
{
    const QString token = Passwords::newToken();
    const QByteArray tokenHash = Passwords::tokenHash(token);
    const qint64 lifetime = m_ctx.config.tokenLifetimeDays;
    m_ctx.writer.submit(
        [user, tokenHash, lifetime](WriteTx &tx) -> Result<QJsonObject> {
            if (Status s = UserStore::addSession(tx, user.id, tokenHash, lifetime); !s)
                return s.error();
            // The name and role as stored now, in case they changed since the read.
            Result<std::optional<User>> current = UserStore::findById(tx.sql(), user.id);
            if (!current)
                return current.error();
            return QJsonObject {{QStringLiteral("user"), current->value_or(user).toJson()}};
        },
        [this, reply, token, tokenHash](
            const WriteOutcome &outcome) { finishSignIn(outcome, token, tokenHash, reply); });
}

void AuthHandler::finishSignIn(const WriteOutcome &outcome, const QString &token,
    const QByteArray &tokenHash, const Responder &reply)
{
    if (!outcome.result)
        return reply.fail(outcome.result.error());
    const User user = User::fromJson(outcome.result->value(QLatin1StringView("user")).toObject());
    m_ctx.hub.authenticate(reply.connection(), user, tokenHash);
    QJsonObject result = *outcome.result;
    result.insert(QStringLiteral("token"), token);
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
    Result<std::optional<User>> user = UserStore::findBySession(m_ctx.reader, tokenHash);
    if (!user)
        return reply.fail(user.error());
    if (!*user) {
        m_ctx.throttle.recordFailure(QString(), caller.peerAddress());
        return reply.fail(makeError(ErrorCode::Unauthorized,
            AuthText::tr("This sign-in has expired or was ended; log in again.")));
    }
    m_ctx.hub.authenticate(reply.connection(), **user, tokenHash);
    reply.ok({{QStringLiteral("user"), (*user)->toJson()}});
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
