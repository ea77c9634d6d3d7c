#pragma once

#include "connection.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QPushButton;

namespace Hubbub::Client {

//! Asks the user about a server certificate that no CA vouches for (trust on first use). The
//! first time, it shows the fingerprint to compare with the one the server's admin reads out,
//! and "Trust and connect" accepts. When the certificate has changed it warns, names both
//! fingerprints, and accepting (replacing the trusted one) takes an explicit tick first:
//! Enter and Escape both cancel.
class CertificateDialog final : public QDialog
{
    Q_OBJECT
public:
    //! `announced`: the fingerprint the server announced on the network, if it was found there
    //! (a hint, shown as one).
    explicit CertificateDialog(
        const CertificateCheck &check, const QString &announced = {}, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(CertificateDialog)

    const CertificateCheck &check() const { return m_check; }
    QPushButton *trustButton() const { return m_trust; }
    QPushButton *cancelButton() const { return m_cancel; }
    //! Only when the certificate changed: "I have checked…", which enables trustButton().
    QCheckBox *confirmation() const { return m_confirm; }

    //! "AB:CD:…" in two lines of 16 pairs, for reading aloud and comparing.
    static QString grouped(const QString &fingerprint);

private:
    CertificateCheck m_check;
    QPushButton *m_trust;
    QPushButton *m_cancel;
    QCheckBox *m_confirm = nullptr;
};

} // namespace Hubbub::Client
