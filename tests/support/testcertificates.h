#pragma once

#include <QString>

namespace Hubbub::Test {

//! Certificates for tests, made with OpenSSL: a certificate authority of the test's own, and
//! server certificates it signs, each as a PEM certificate and key file.
struct TestCertificateFiles
{
    QString certificate;
    QString key;
};

//! A CA certificate and key in `dir` (ca.crt, ca.key); empty paths on failure.
TestCertificateFiles makeCertificateAuthority(const QString &dir);
//! A server certificate for `host` (a DNS name), signed by `authority`, in `dir` as
//! `<stem>.crt` and `<stem>.key`; empty paths on failure.
TestCertificateFiles makeSignedCertificate(const TestCertificateFiles &authority,
    const QString &dir, const QString &stem, const QString &host);

} // namespace Hubbub::Test
