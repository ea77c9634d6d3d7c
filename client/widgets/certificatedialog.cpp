#include "certificatedialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace Hubbub::Client {

namespace {

QLabel *fingerprintLabel(const QString &fingerprint, QWidget *parent)
{
    auto *label = new QLabel(CertificateDialog::grouped(fingerprint), parent);
    label->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setAccessibleName(fingerprint);
    // Never narrower than its two lines: a fingerprint cut short cannot be compared (the fixed
    // font is wider than the dialog's in some languages).
    label->setMinimumSize(label->sizeHint());
    return label;
}

QLabel *wrapped(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace

QString CertificateDialog::grouped(const QString &fingerprint)
{
    // 32 pairs: two lines of 16, as a person reads them out and compares them.
    const qsizetype half = fingerprint.size() / 2 + 1;
    if (fingerprint.size() < 48 || fingerprint.at(half - 1) != u':')
        return fingerprint;
    return fingerprint.left(half - 1) + QLatin1Char('\n') + fingerprint.mid(half);
}

CertificateDialog::CertificateDialog(
    const CertificateCheck &check, const QString &announced, QWidget *parent)
    : QDialog(parent)
    , m_check(check)
{
    const QString server = Connection::displayAddress(check.server);
    const bool changed = check.changed();
    setWindowTitle(changed ? tr("Certificate changed") : tr("Trust this server?"));

    auto *icon = new QLabel(this);
    const QStyle::StandardPixmap pixmap
        = changed ? QStyle::SP_MessageBoxWarning : QStyle::SP_MessageBoxQuestion;
    const int size = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(pixmap, nullptr, this).pixmap(size, size));
    icon->setAlignment(Qt::AlignTop);

    auto *text = new QVBoxLayout;
    if (changed) {
        text->addWidget(wrapped(tr("The certificate of %1 is not the one you trusted before. "
                                   "Someone may be listening in on your connection, or the "
                                   "server has been given a new certificate. Ask the server's "
                                   "admin before you go on.")
                                    .arg(server),
            this));
        text->addWidget(wrapped(tr("Trusted before (SHA-256):"), this));
        text->addWidget(fingerprintLabel(check.pinned, this));
        text->addWidget(wrapped(tr("Offered now (SHA-256):"), this));
        text->addWidget(fingerprintLabel(check.fingerprint, this));
    } else {
        text->addWidget(wrapped(tr("%1 has a certificate that no authority known to this "
                                   "computer has signed. A Hubbub server on your own network "
                                   "usually makes its own, so this is expected the first time.")
                                    .arg(server),
            this));
        text->addWidget(wrapped(tr("Check that its fingerprint is the one the server shows "
                                   "(its admin can read it out to you):"),
            this));
        text->addWidget(fingerprintLabel(check.fingerprint, this));
        text->addWidget(wrapped(tr("Once trusted, Hubbub connects without asking, and warns "
                                   "you if the certificate ever changes."),
            this));
    }
    if (!announced.isEmpty()) {
        text->addWidget(wrapped(announced == check.fingerprint
                ? tr("It is also the fingerprint this server announces on your network. Anyone "
                     "on the network could announce one, so compare it all the same.")
                : tr("Careful: the server found on your network announced another fingerprint."),
            this));
    }
    if (!check.problems.isEmpty()) {
        auto *details = wrapped(check.problems.join(QLatin1Char('\n')), this);
        details->setEnabled(false); // secondary: the system's own words
        text->addWidget(details);
    }

    auto *buttons = new QDialogButtonBox(this);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_trust
        = buttons->addButton(changed ? tr("Trust the new certificate") : tr("Trust and connect"),
            QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (changed) {
        m_confirm
            = new QCheckBox(tr("I have checked the new fingerprint with the server's admin"), this);
        text->addWidget(m_confirm);
        m_trust->setEnabled(false);
        m_trust->setAutoDefault(false);
        connect(m_confirm, &QCheckBox::toggled, m_trust, &QPushButton::setEnabled);
        m_cancel->setDefault(true);
        m_cancel->setFocus();
    } else {
        m_trust->setDefault(true);
    }

    auto *row = new QHBoxLayout;
    row->addWidget(icon);
    row->addLayout(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    // Wide enough for a fingerprint line and a readable paragraph in every language.
    setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 36);
}

} // namespace Hubbub::Client
