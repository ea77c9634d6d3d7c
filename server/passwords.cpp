#include "passwords.h"

#include "protocollimits.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <sodium.h>

#include <array>
#include <atomic>
#include <mutex>

namespace Hubbub::Server::Passwords {

namespace {

// libsodium's "interactive" limits: 2 passes over 64 MiB, above OWASP's argon2id minimum
// (19 MiB, 2 passes, 1 lane).
std::atomic<Cost> g_cost {Cost::Interactive};

QByteArray dummyHash()
{
    static std::once_flag once;
    static QByteArray value;
    std::call_once(once, [] { value = hash(QStringLiteral("not a real password, never used")); });
    return value;
}

} // namespace

bool initialize()
{
    return sodium_init() >= 0;
}

void setCost(Cost cost)
{
    g_cost = cost;
}

QByteArray hash(const QString &password)
{
    const QByteArray utf8 = password.toUtf8();
    std::array<char, crypto_pwhash_STRBYTES> out {};
    const bool minimum = g_cost == Cost::Minimum;
    if (crypto_pwhash_str_alg(out.data(), utf8.constData(),
            static_cast<unsigned long long>(utf8.size()),
            minimum ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE,
            minimum ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE,
            crypto_pwhash_ALG_ARGON2ID13)
        != 0) {
        return {};
    }
    return QByteArray(out.data());
}

bool verify(const QByteArray &encodedHash, const QString &password)
{
    if (encodedHash.isEmpty() || encodedHash.size() >= crypto_pwhash_STRBYTES)
        return false;
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_str_verify(encodedHash.constData(), utf8.constData(),
               static_cast<unsigned long long>(utf8.size()))
        == 0;
}

void burnEquivalentTime(const QString &password)
{
    verify(dummyHash(), password);
}

QString newToken()
{
    std::array<quint32, 8> words {};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray bytes(reinterpret_cast<const char *>(words.data()), sizeof(words));
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray tokenHash(const QString &token)
{
    return QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256);
}

QString newCode()
{
    static constexpr char Alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static_assert(sizeof Alphabet == 33);
    std::array<quint32, Limits::CodeChars> words {};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    QString code;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0 && i % 4 == 0)
            code.append(u'-');
        code.append(QLatin1Char(Alphabet[words[i] % 32])); // 32 divides 2^32: no bias
    }
    return code;
}

} // namespace Hubbub::Server::Passwords
