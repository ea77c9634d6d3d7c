#pragma once

#include "error.h"
#include "types.h"

#include <QByteArray>

#include <optional>

class QSqlQuery;

namespace Hubbub::Server {

class SqlConnection;
class WriteTx;

//! Users and their login sessions (token hashes only).
namespace UserStore {

struct Credentials
{
    User user;
    QByteArray passwordHash;
};

//! A user read from three columns of a row (id, username, role) starting at `first`.
User userFrom(const QSqlQuery &q, int first);

//! The user whose name matches ignoring case and normal form (Validation::usernameKey).
Result<std::optional<Credentials>> findCredentials(SqlConnection &c, const QString &username);
Result<std::optional<User>> findById(SqlConnection &c, qint64 id);
//! The user, who must exist (a foreign key points at them); `internal` otherwise.
Result<User> mustFindById(SqlConnection &c, qint64 id);
//! The user of an unexpired session token hash.
Result<std::optional<User>> findBySession(SqlConnection &c, const QByteArray &tokenHash);

//! `conflict` when the name is taken, ignoring case and normal form. `username` is stored as
//! given: the handlers pass it NFC-normalised.
Result<User> create(WriteTx &tx, const QString &username, const QByteArray &passwordHash);
Result<User> rename(WriteTx &tx, qint64 userId, const QString &username);
Result<User> setRole(WriteTx &tx, const QString &username, Role role);
Status addSession(WriteTx &tx, qint64 userId, const QByteArray &tokenHash, qint64 lifetimeDays);
Status removeSession(WriteTx &tx, const QByteArray &tokenHash);
Status removeExpiredSessions(WriteTx &tx);
//! The role as stored now (a promotion takes effect without a new login).
Result<Role> currentRole(WriteTx &tx, qint64 userId);

} // namespace UserStore
} // namespace Hubbub::Server
