#include "profiledialog.h"

#include "avatar.h"
#include "composer.h"
#include "protocollimits.h"
#include "reply.h"
#include "validation.h"

#include <QBoxLayout>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace Hubbub::Client {

ProfileDialog::ProfileDialog(Session *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_avatar(new Avatar(session->images(), fontMetrics().height() * 5, this))
    , m_name(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_choose(new QPushButton(tr("Choose picture…"), this))
    , m_remove(new QPushButton(tr("Remove picture"), this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("profileDialog"));
    setWindowTitle(tr("Edit profile"));
    const User user = session->user();
    m_avatar->setUser(user);
    m_name->setObjectName(QStringLiteral("displayNameEdit"));
    m_name->setText(user.displayName);
    // Empty shows the username, which is what others then see.
    m_name->setPlaceholderText(user.username);
    m_name->setClearButtonEnabled(true);
    m_count->setForegroundRole(QPalette::PlaceholderText);
    m_choose->setObjectName(QStringLiteral("choosePictureButton"));
    m_remove->setObjectName(QStringLiteral("removePictureButton"));
    m_error->setObjectName(QStringLiteral("profileError"));
    m_error->setWordWrap(true);
    // Red as in the sign-in dialog: BrightText is white in light palettes.
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xd0, 0x30, 0x30));
    m_error->setPalette(errorPalette);
    m_error->hide();

    auto *pictureButtons = new QVBoxLayout;
    pictureButtons->addWidget(m_choose);
    pictureButtons->addWidget(m_remove);
    pictureButtons->addStretch(1);
    auto *picture = new QHBoxLayout;
    picture->addWidget(m_avatar);
    picture->addLayout(pictureButtons);
    picture->addStretch(1);
    auto *form = new QFormLayout;
    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(m_name, 1);
    nameRow->addWidget(m_count);
    form->addRow(tr("Display name:"), nameRow);
    auto *column = new QVBoxLayout(this);
    column->addLayout(picture);
    column->addLayout(form);
    column->addWidget(m_error);
    column->addWidget(m_buttons);
    m_name->setMinimumWidth(fontMetrics().averageCharWidth() * 36);

    connect(m_choose, &QPushButton::clicked, this, &ProfileDialog::pickPicture);
    connect(m_remove, &QPushButton::clicked, this, &ProfileDialog::removePicture);
    connect(m_name, &QLineEdit::textChanged, this, &ProfileDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfileDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ProfileDialog::reject);
    updateState();
}

QPushButton *ProfileDialog::saveButton() const
{
    return m_buttons->button(QDialogButtonBox::Save);
}

void ProfileDialog::pickPicture()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Choose picture…"), ImageFile::dialogDirectory(), ImageFile::dialogFilter());
    if (!path.isEmpty())
        choosePicture(path);
}

bool ProfileDialog::choosePicture(const QString &path)
{
    const ImageFile file = ImageFile::load(path);
    const QImage image = file.error.isEmpty() ? QImage::fromData(file.bytes) : QImage();
    if (image.isNull()) {
        m_error->setText(file.error.isEmpty() ? Composer::tr("%1 is not a PNG, JPEG, GIF or "
                                                             "WebP image.")
                                                    .arg(file.fileName)
                                              : file.error);
        m_error->show();
        return false;
    }
    ImageFile::rememberDirectory(path);
    m_picture = {ImageChange::Kind::Replace, file.bytes, file.mime};
    m_avatar->setPreview(image);
    m_error->hide();
    updateState();
    return true;
}

void ProfileDialog::removePicture()
{
    m_picture = {ImageChange::Kind::Remove, {}, {}};
    m_avatar->setPreview({});
    User shown = m_session->user();
    shown.avatarId.clear();
    m_avatar->setUser(shown);
    updateState();
}

void ProfileDialog::updateState()
{
    const qsizetype count = Validation::charCount(m_name->text().trimmed());
    const bool tooLong = count > Limits::DisplayNameMax;
    // Counted only near the limit: most names are far from it.
    m_count->setVisible(count > Limits::DisplayNameMax - 10);
    m_count->setText(QStringLiteral("%1/%2").arg(count).arg(Limits::DisplayNameMax));
    const bool hasPicture = m_picture.kind == ImageChange::Kind::Replace
        || (m_picture.kind == ImageChange::Kind::Keep && !m_session->user().avatarId.isEmpty());
    m_remove->setEnabled(hasPicture && !m_saving);
    m_choose->setEnabled(!m_saving);
    m_name->setReadOnly(m_saving);
    saveButton()->setEnabled(!tooLong && !m_saving);
}

void ProfileDialog::accept()
{
    if (m_saving || !saveButton()->isEnabled())
        return;
    m_saving = true;
    m_error->hide();
    updateState();
    m_session->setProfile(m_name->text().trimmed(), m_picture, this, [this](const Reply &reply) {
        m_saving = false;
        if (reply.ok())
            return QDialog::accept();
        m_error->setText(reply.error().message);
        m_error->show();
        updateState();
    });
}

} // namespace Hubbub::Client
