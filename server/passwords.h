#pragma once

#include <QByteArray>
#include <QString>

//! Password hashing with argon2id (libsodium). Both calls are slow by design: run them on a
//! worker thread, never on the network thread.
namespace Hubbub::Server::Passwords {

//! Initialises libsodium; false when it cannot be used.
bool initialize();

//! What hash() spends. Interactive is what ships (libsodium's "interactive" limits); Minimum
//! (libsodium's minimum: one pass over 8 KiB) exists for the in-process test server, whose tests
//! hash hundreds of passwords and are about what is done with the hash, not its cost. There is
//! no command-line option for it. verify() reads the cost from the hash itself.
enum class Cost { Interactive, Minimum };
//! For every hash() from now on, in the whole process.
void setCost(Cost cost);
//! An encoded argon2id hash (libsodium's crypto_pwhash_str format); empty on failure.
QByteArray hash(const QString &password);
bool verify(const QByteArray &encodedHash, const QString &password);
//! Verifies against a fixed hash so that an unknown username costs as much as a known one.
void burnEquivalentTime(const QString &password);

//! A new session token: 32 bytes from the system CSPRNG, base64url without padding.
QString newToken();
//! The SHA-256 of a token, as stored.
QByteArray tokenHash(const QString &token);

//! A new invite or one-time code: Limits::CodeChars characters of Crockford's base32 from the
//! system CSPRNG (5 bits each), in groups of four joined by dashes ("7K2M-...").
QString newCode();

} // namespace Hubbub::Server::Passwords
