#include "net/tlscontext.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QTimeZone>

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#ifdef Q_OS_UNIX
#include <cstdio>
#include <unistd.h>
#endif

namespace Hubbub::Server {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(TlsContext)
};

// Owners for OpenSSL's objects, freed on every path out.
struct FreeBio
{
    void operator()(BIO *bio) const { BIO_free_all(bio); }
};
struct FreeKey
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct FreeX509
{
    void operator()(X509 *certificate) const { X509_free(certificate); }
};
struct FreeContext
{
    void operator()(SSL_CTX *context) const { SSL_CTX_free(context); }
};
using BioPtr = std::unique_ptr<BIO, FreeBio>;
using KeyPtr = std::unique_ptr<EVP_PKEY, FreeKey>;
using X509Ptr = std::unique_ptr<X509, FreeX509>;
using ContextPtr = std::unique_ptr<SSL_CTX, FreeContext>;

//! OpenSSL's own reason for the last failure (its queue emptied), or `fallback`.
QString openSslReason(const char *fallback)
{
    QString reason;
    while (const unsigned long code = ERR_get_error()) {
        char text[256];
        ERR_error_string_n(code, text, sizeof text);
        reason = QString::fromLatin1(text); // the last is the most specific
    }
    return reason.isEmpty() ? QString::fromLatin1(fallback) : reason;
}

Error failure(const QString &message)
{
    return makeError(ErrorCode::Invalid, message);
}

QString readableTime(const ASN1_TIME *time, QDateTime *out)
{
    struct tm parts = {};
    if (!time || ASN1_TIME_to_tm(time, &parts) != 1)
        return {};
    const QDateTime at(QDate(parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday),
        QTime(parts.tm_hour, parts.tm_min, parts.tm_sec), QTimeZone::utc());
    *out = at;
    return at.toString(Qt::ISODate);
}

bool addExtension(X509 *certificate, int nid, const char *value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    X509_EXTENSION *extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
    if (!extension)
        return false;
    const bool added = X509_add_ext(certificate, extension, -1) == 1;
    X509_EXTENSION_free(extension);
    return added;
}

//! Writes `bytes` to `path` whole or not at all: a new file beside it with `permissions` from
//! its creation (a key is never readable by others, not even for a moment), then renamed.
Status writeWhole(
    const QString &path, const QByteArray &bytes, QFileDevice::Permissions permissions)
{
    const QString partial = path + QStringLiteral(".partial");
    QFile::remove(partial);
    QFile file(partial);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, permissions)) {
        return failure(
            Tr::tr("cannot write %1: %2").arg(QFileInfo(partial).filePath(), file.errorString()));
    }
    // On the disk before it takes the name: a power cut must not leave an empty key behind.
    bool written = file.write(bytes) == bytes.size() && file.flush();
#ifdef Q_OS_UNIX
    written = written && ::fsync(file.handle()) == 0;
#endif
    file.close();
    // Takes the name in one step where the system can (POSIX rename replaces atomically);
    // QFile::rename() does not replace, so elsewhere what is there goes first.
#ifdef Q_OS_UNIX
    const bool renamed = written
        && ::rename(QFile::encodeName(partial).constData(), QFile::encodeName(path).constData())
            == 0;
#else
    QFile::remove(path);
    const bool renamed = written && QFile::rename(partial, path);
#endif
    if (!renamed) {
        QFile::remove(partial);
        return failure(Tr::tr("cannot write %1").arg(path));
    }
    return Ok {};
}

} // namespace

TlsContext::~TlsContext()
{
    SSL_CTX_free(m_context);
}

Result<std::shared_ptr<const TlsContext>> TlsContext::load(
    const QString &certificatePath, const QString &keyPath)
{
    ERR_clear_error();
    ContextPtr context(SSL_CTX_new(TLS_server_method()));
    if (!context)
        return failure(Tr::tr("TLS is not available: %1").arg(openSslReason("SSL_CTX_new")));
    // TLS 1.2 and 1.3 only; no renegotiation (a TLS 1.2 client asking for one is refused).
    SSL_CTX_set_min_proto_version(context.get(), TLS1_2_VERSION);
    SSL_CTX_set_options(context.get(),
        SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_NO_COMPRESSION
            | SSL_OP_NO_TICKET);
    SSL_CTX_set_num_tickets(context.get(), 0);
    SSL_CTX_set_session_cache_mode(context.get(), SSL_SESS_CACHE_OFF);
    // Forward secrecy and AEAD only on TLS 1.2 (1.3's suites are all of that kind).
    SSL_CTX_set_cipher_list(context.get(),
        "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
        "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
        "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305");
    // An idle connection holds no record buffers (34 KiB each otherwise).
    SSL_CTX_set_mode(context.get(), SSL_MODE_RELEASE_BUFFERS);
    // An encrypted key would make OpenSSL prompt on the terminal, blocking every client (a
    // SIGHUP from a shell): it is refused instead.
    SSL_CTX_set_default_passwd_cb(context.get(), [](char *, int, int, void *) { return 0; });

    const QByteArray certificateFile = QFile::encodeName(certificatePath);
    const QByteArray keyFile = QFile::encodeName(keyPath);
    if (SSL_CTX_use_certificate_chain_file(context.get(), certificateFile.constData()) != 1) {
        return failure(Tr::tr("cannot use the certificate %1: %2")
                           .arg(certificatePath, openSslReason("not a PEM certificate")));
    }
    if (SSL_CTX_use_PrivateKey_file(context.get(), keyFile.constData(), SSL_FILETYPE_PEM) != 1) {
        const unsigned long last = ERR_peek_last_error();
        if (ERR_GET_LIB(last) == ERR_LIB_X509
            && ERR_GET_REASON(last) == X509_R_KEY_VALUES_MISMATCH) {
            ERR_clear_error();
            return failure(Tr::tr("the key %1 does not belong to the certificate %2")
                               .arg(keyPath, certificatePath));
        }
        return failure(Tr::tr("cannot use the key %1: %2")
                           .arg(keyPath, openSslReason("not a PEM private key")));
    }
    if (SSL_CTX_check_private_key(context.get()) != 1) {
        ERR_clear_error();
        return failure(Tr::tr("the key %1 does not belong to the certificate %2")
                           .arg(keyPath, certificatePath));
    }

    X509 *certificate = SSL_CTX_get0_certificate(context.get());
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digestLength = 0;
    if (!certificate || X509_digest(certificate, EVP_sha256(), digest, &digestLength) != 1)
        return failure(Tr::tr("cannot read the certificate %1").arg(certificatePath));

    std::shared_ptr<TlsContext> loaded(new TlsContext);
    loaded->m_context = context.release();
    loaded->m_fingerprint = QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(digest), int(digestLength)).toHex(':').toUpper());
    char subject[256] = {};
    X509_NAME_oneline(X509_get_subject_name(certificate), subject, sizeof subject);
    loaded->m_subject = QString::fromUtf8(subject);
    readableTime(X509_get0_notAfter(certificate), &loaded->m_expires);
    return std::shared_ptr<const TlsContext>(std::move(loaded));
}

Status TlsContext::createSelfSigned(
    const QString &certificatePath, const QString &keyPath, const QString &name)
{
    ERR_clear_error();
    KeyPtr key(EVP_EC_gen("P-256"));
    X509Ptr certificate(X509_new());
    if (!key || !certificate)
        return failure(Tr::tr("cannot create a key: %1").arg(openSslReason("EVP_EC_gen")));

    // A random 127-bit serial: two certificates made for one name never share one.
    BIGNUM *serial = BN_new();
    const bool serialSet = serial && BN_rand(serial, 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) == 1
        && BN_to_ASN1_INTEGER(serial, X509_get_serialNumber(certificate.get()));
    BN_free(serial);

    // Valid from a day ago (a client whose clock is behind still accepts it), for 20 years.
    constexpr long Day = 24L * 3600;
    const QByteArray commonName = name.left(64).toUtf8();
    X509_NAME *subject = X509_get_subject_name(certificate.get());
    const bool named = serialSet && X509_set_version(certificate.get(), 2) == 1
        && X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -Day)
        && X509_time_adj_ex(X509_getm_notAfter(certificate.get()), 20 * 365 + 5, 0, nullptr)
        && X509_NAME_add_entry_by_txt(subject, "O", MBSTRING_UTF8,
               reinterpret_cast<const unsigned char *>("Hubbub"), -1, -1, 0)
            == 1
        && X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8,
               reinterpret_cast<const unsigned char *>(commonName.constData()), -1, -1, 0)
            == 1
        && X509_set_issuer_name(certificate.get(), subject) == 1
        && X509_set_pubkey(certificate.get(), key.get()) == 1;
    if (!named)
        return failure(Tr::tr("cannot create a certificate: %1").arg(openSslReason("X509")));

    // The name is a DNS name only if it can be one; a display name with spaces is not.
    QByteArray altNames = "DNS:localhost,IP:127.0.0.1,IP:::1";
    const QByteArray dnsName = name.toLower().toLatin1();
    const bool isDnsName = !dnsName.isEmpty() && dnsName.size() <= 253
        && name.toLower() == QString::fromLatin1(dnsName) && dnsName != "localhost"
        && std::all_of(dnsName.begin(), dnsName.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
           });
    if (isDnsName)
        altNames = "DNS:" + dnsName + ',' + altNames;
    const bool extended
        = addExtension(certificate.get(), NID_basic_constraints, "critical,CA:FALSE")
        && addExtension(certificate.get(), NID_key_usage, "critical,digitalSignature")
        && addExtension(certificate.get(), NID_ext_key_usage, "serverAuth")
        && addExtension(certificate.get(), NID_subject_key_identifier, "hash")
        && addExtension(certificate.get(), NID_subject_alt_name, altNames.constData());
    if (!extended || X509_sign(certificate.get(), key.get(), EVP_sha256()) <= 0)
        return failure(Tr::tr("cannot sign the certificate: %1").arg(openSslReason("X509_sign")));

    BioPtr keyPem(BIO_new(BIO_s_mem()));
    BioPtr certificatePem(BIO_new(BIO_s_mem()));
    if (!keyPem || !certificatePem
        || PEM_write_bio_PrivateKey(keyPem.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr)
            != 1
        || PEM_write_bio_X509(certificatePem.get(), certificate.get()) != 1)
        return failure(Tr::tr("cannot write the certificate: %1").arg(openSslReason("PEM")));
    const auto bytesOf = [](BIO *bio) {
        char *data = nullptr;
        const long size = BIO_get_mem_data(bio, &data);
        return QByteArray(data, qsizetype(size));
    };
    // The key first: a certificate without its key is never left behind as if it were whole.
    if (Status s = writeWhole(keyPath, bytesOf(keyPem.get()), QFile::ReadOwner | QFile::WriteOwner);
        !s)
        return s;
    return writeWhole(certificatePath, bytesOf(certificatePem.get()),
        QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
}

SSL *TlsContext::newSession() const
{
    return SSL_new(m_context);
}

} // namespace Hubbub::Server
