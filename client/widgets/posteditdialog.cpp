#include "posteditdialog.h"

#include "charwidth.h"
#include "protocollimits.h"

#include <QBoxLayout>
#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QShortcut>

namespace Hubbub::Client {

PostEditDialog::PostEditDialog(
    const QString &title, const QString &content, bool hasImage, bool pending, QWidget *parent)
    : QDialog(parent)
    , m_title(new QLineEdit(title, this))
    , m_text(new QPlainTextEdit(content, this))
    , m_keep(new QRadioButton(hasImage ? tr("Keep the image") : tr("No image"), this))
    , m_remove(new QRadioButton(tr("Remove the image"), this))
    , m_replace(new QRadioButton(hasImage ? tr("Replace the image:") : tr("Add an image:"), this))
    , m_choose(new QPushButton(tr("Choose…"), this))
    , m_fileName(new QLabel(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_hasImage(hasImage)
{
    setObjectName(QStringLiteral("postEditDialog"));
    setWindowTitle(tr("Edit post"));
    m_title->setObjectName(QStringLiteral("editTitle"));
    m_title->setAccessibleName(tr("Title"));
    m_title->setPlaceholderText(tr("Title"));
    m_title->setMaxLength(Limits::TitleMax);
    m_text->setObjectName(QStringLiteral("editText"));
    m_text->setAccessibleName(tr("Text"));
    m_text->setTabChangesFocus(true);
    m_keep->setObjectName(QStringLiteral("keepImage"));
    m_remove->setObjectName(QStringLiteral("removeImage"));
    m_replace->setObjectName(QStringLiteral("replaceImage"));
    m_choose->setObjectName(QStringLiteral("chooseImage"));
    m_choose->setAccessibleName(tr("Choose an image file"));
    m_fileName->setTextFormat(Qt::PlainText);
    m_error->setObjectName(QStringLiteral("editError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Save"));

    auto *group = new QButtonGroup(this);
    group->addButton(m_keep);
    group->addButton(m_remove);
    group->addButton(m_replace);
    m_keep->setChecked(true);
    m_remove->setVisible(hasImage);

    auto *imageBox = new QGroupBox(tr("Image"), this);
    auto *imageLayout = new QVBoxLayout(imageBox);
    imageLayout->addWidget(m_keep);
    imageLayout->addWidget(m_remove);
    auto *replaceRow = new QHBoxLayout;
    replaceRow->addWidget(m_replace);
    replaceRow->addWidget(m_choose);
    replaceRow->addWidget(m_fileName, 1);
    imageLayout->addLayout(replaceRow);
    // The outbox can change a queued post's text, not its upload.
    imageBox->setVisible(!pending);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_text, 1);
    layout->addWidget(imageBox);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    // Ctrl+Enter saves from any field, as it posts in the composer.
    for (const QKeySequence &keys :
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, this);
        connect(shortcut, &QShortcut::activated, this, [this] {
            if (okButton()->isEnabled())
                accept();
            else if (this->title().isEmpty())
                m_title->setFocus();
        });
    }
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_title, &QLineEdit::textChanged, this, &PostEditDialog::updateState);
    connect(m_text, &QPlainTextEdit::textChanged, this, &PostEditDialog::updateState);
    connect(group, &QButtonGroup::buttonToggled, this, &PostEditDialog::updateState);
    connect(m_choose, &QPushButton::clicked, this, &PostEditDialog::chooseFile);
    updateState();
    resize(charWidth(fontMetrics()) * 70, fontMetrics().height() * 24);
    m_title->setFocus();
}

QString PostEditDialog::title() const
{
    return m_title->text().trimmed();
}

QString PostEditDialog::content() const
{
    return m_text->toPlainText();
}

QPushButton *PostEditDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

ImageChange PostEditDialog::imageChange() const
{
    ImageChange change;
    if (m_remove->isChecked() && m_hasImage) {
        change.kind = ImageChange::Kind::Remove;
    } else if (m_replace->isChecked() && !m_file.bytes.isEmpty()) {
        change.kind = ImageChange::Kind::Replace;
        change.bytes = m_file.bytes;
        change.mime = m_file.mime;
    }
    return change;
}

bool PostEditDialog::setReplacementFile(const QString &path)
{
    ImageFile file = ImageFile::load(path);
    const bool ok = file.error.isEmpty();
    m_fileError = file.error;
    if (ok) {
        m_file = std::move(file);
        m_replace->setChecked(true);
    }
    updateState();
    return ok;
}

void PostEditDialog::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Choose an image"), ImageFile::dialogDirectory(), ImageFile::dialogFilter());
    if (path.isEmpty())
        return;
    ImageFile::rememberDirectory(path);
    setReplacementFile(path);
}

void PostEditDialog::updateState()
{
    m_fileName->setText(m_file.fileName);
    const qsizetype length = m_text->toPlainText().size();
    QString error = m_fileError;
    // Said at once: otherwise Save is disabled with no reason given.
    if (title().isEmpty())
        error = tr("A post needs a title.");
    if (length > Limits::ContentMax) {
        error = tr(
            "The text is %n character(s) too long.", nullptr, int(length - Limits::ContentMax));
    }
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    const bool imageReady = !m_replace->isChecked() || !m_file.bytes.isEmpty();
    okButton()->setEnabled(!title().isEmpty() && length <= Limits::ContentMax && imageReady);
}

} // namespace Hubbub::Client
