#include "testcertificates.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>

#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <functional>
#include <memory>

namespace Hubbub::Test {

namespace {

struct Deleter
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
    void operator()(X509 *certificate) const { X509_free(certificate); }
};

bool extend(X509 *certificate, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, issuer, certificate, nullptr, nullptr, 0);
    X509_EXTENSION *extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
    const bool added = extension && X509_add_ext(certificate, extension, -1) == 1;
    X509_EXTENSION_free(extension);
    return added;
}

//! A certificate for `commonName` with `key`, valid from yesterday for a year; issued by
//! `issuer` (null: itself).
std::unique_ptr<X509, Deleter> build(
    const QByteArray &commonName, EVP_PKEY *key, X509 *issuer, EVP_PKEY *issuerKey, bool authority)
{
    std::unique_ptr<X509, Deleter> certificate(X509_new());
    X509 *x = certificate.get();
    // Random: a CA and a leaf made in the same millisecond never share issuer and serial.
    ASN1_INTEGER_set(
        X509_get_serialNumber(x), long(QRandomGenerator::global()->bounded(1, 1 << 30)));
    X509_set_version(x, 2);
    X509_gmtime_adj(X509_getm_notBefore(x), -24L * 3600);
    X509_gmtime_adj(X509_getm_notAfter(x), 365L * 24 * 3600);
    X509_NAME_add_entry_by_txt(X509_get_subject_name(x), "CN", MBSTRING_UTF8,
        reinterpret_cast<const unsigned char *>(commonName.constData()), -1, -1, 0);
    X509_set_issuer_name(x, X509_get_subject_name(issuer ? issuer : x));
    X509_set_pubkey(x, key);
    const bool extended = authority
        ? extend(x, issuer ? issuer : x, NID_basic_constraints, "critical,CA:TRUE")
            && extend(x, issuer ? issuer : x, NID_key_usage, "critical,keyCertSign,cRLSign")
            && extend(x, issuer ? issuer : x, NID_subject_key_identifier, "hash")
        : extend(x, issuer, NID_basic_constraints, "critical,CA:FALSE")
            && extend(x, issuer, NID_ext_key_usage, "serverAuth")
            && extend(x, issuer, NID_subject_alt_name, QByteArray("DNS:" + commonName).constData());
    if (!extended || X509_sign(x, issuerKey ? issuerKey : key, EVP_sha256()) <= 0)
        return nullptr;
    return certificate;
}

bool save(const QString &path, const std::function<int(FILE *)> &write)
{
    FILE *file = std::fopen(QFile::encodeName(path).constData(), "w");
    if (!file)
        return false;
    const bool written = write(file) == 1;
    return std::fclose(file) == 0 && written;
}

TestCertificateFiles write(
    const QString &dir, const QString &stem, X509 *certificate, EVP_PKEY *key)
{
    const TestCertificateFiles files {QDir(dir).filePath(stem + QStringLiteral(".crt")),
        QDir(dir).filePath(stem + QStringLiteral(".key"))};
    if (!certificate || !key
        || !save(files.certificate, [&](FILE *f) { return PEM_write_X509(f, certificate); })
        || !save(files.key, [&](FILE *f) {
               return PEM_write_PrivateKey(f, key, nullptr, nullptr, 0, nullptr, nullptr);
           }))
        return {};
    return files;
}

template<typename T>
std::unique_ptr<T, Deleter> readPem(
    const QString &path, T *(*reader)(FILE *, T **, pem_password_cb *, void *))
{
    FILE *file = std::fopen(QFile::encodeName(path).constData(), "r");
    if (!file)
        return nullptr;
    std::unique_ptr<T, Deleter> object(reader(file, nullptr, nullptr, nullptr));
    std::fclose(file);
    return object;
}

} // namespace

TestCertificateFiles makeCertificateAuthority(const QString &dir)
{
    std::unique_ptr<EVP_PKEY, Deleter> key(EVP_EC_gen("P-256"));
    const auto certificate = build("Hubbub Test CA", key.get(), nullptr, nullptr, true);
    return write(dir, QStringLiteral("ca"), certificate.get(), key.get());
}

TestCertificateFiles makeSignedCertificate(const TestCertificateFiles &authority,
    const QString &dir, const QString &stem, const QString &host)
{
    const auto caCertificate = readPem<X509>(authority.certificate, &PEM_read_X509);
    const auto caKey = readPem<EVP_PKEY>(authority.key, &PEM_read_PrivateKey);
    std::unique_ptr<EVP_PKEY, Deleter> key(EVP_EC_gen("P-256"));
    if (!caCertificate || !caKey || !key)
        return {};
    const auto certificate
        = build(host.toUtf8(), key.get(), caCertificate.get(), caKey.get(), false);
    return write(dir, stem, certificate.get(), key.get());
}

} // namespace Hubbub::Test
