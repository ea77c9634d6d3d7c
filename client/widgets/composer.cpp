#include "composer.h"

#include "protocollimits.h"

#include <QBoxLayout>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMimeDatabase>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QToolButton>

namespace Hubbub::Client {

namespace {

// The counters appear only near the limit, where they help, not while typing a short post.
constexpr int TitleHintFrom = Limits::TitleMax * 8 / 10;
constexpr int ContentHintFrom = Limits::ContentMax * 9 / 10;

bool isSubmitKey(const QKeyEvent *key)
{
    return (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
        && (key->modifiers() & Qt::ControlModifier);
}

} // namespace

ImageFile ImageFile::load(const QString &path)
{
    ImageFile file;
    const QFileInfo info(path);
    file.fileName = info.fileName();
    const QLocale locale;
    if (info.size() > Limits::ImageBytesMax) {
        file.error = Composer::tr("%1 is too large (%2); images may be at most %3.")
                         .arg(file.fileName, locale.formattedDataSize(info.size()),
                             locale.formattedDataSize(Limits::ImageBytesMax));
        return file;
    }
    const QString mime = QMimeDatabase().mimeTypeForFile(info).name();
    static const QStringList accepted {QStringLiteral("image/png"), QStringLiteral("image/jpeg"),
        QStringLiteral("image/gif"), QStringLiteral("image/webp")};
    if (!accepted.contains(mime)) {
        file.error = Composer::tr("%1 is not a PNG, JPEG, GIF or WebP image.").arg(file.fileName);
        return file;
    }
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly)) {
        file.error = Composer::tr("Cannot read %1: %2").arg(file.fileName, in.errorString());
        return file;
    }
    file.bytes = in.readAll();
    // The file may have grown between the check above and the read.
    if (file.bytes.size() > Limits::ImageBytesMax) {
        file.bytes.clear();
        file.error = Composer::tr("%1 is too large; images may be at most %2.")
                         .arg(file.fileName, locale.formattedDataSize(Limits::ImageBytesMax));
        return file;
    }
    if (file.bytes.isEmpty()) {
        file.error = Composer::tr("%1 is empty.").arg(file.fileName);
        return file;
    }
    file.mime = mime;
    return file;
}

QString ImageFile::dialogFilter()
{
    return Composer::tr("Images (*.png *.jpg *.jpeg *.gif *.webp)");
}

Composer::Composer(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLineEdit(this))
    , m_text(new QPlainTextEdit(this))
    , m_attach(new QPushButton(tr("Attach image…"), this))
    , m_attachmentName(new QLabel(this))
    , m_removeAttachment(new QToolButton(this))
    , m_counter(new QLabel(this))
    , m_error(new QLabel(this))
    , m_post(new QPushButton(tr("Post"), this))
{
    m_title->setObjectName(QStringLiteral("composerTitle"));
    m_title->setPlaceholderText(tr("Title"));
    m_title->setAccessibleName(tr("Post title"));
    m_title->setMaxLength(Limits::TitleMax);

    m_text->setObjectName(QStringLiteral("composerText"));
    m_text->setPlaceholderText(tr("What's new? (Ctrl+Enter posts)"));
    m_text->setAccessibleName(tr("Post text"));
    m_text->setTabChangesFocus(true);
    // Three lines to start with; the field does not need to be bigger than that to invite text.
    const int lines = 3;
    m_text->setFixedHeight(m_text->fontMetrics().lineSpacing() * lines
        + 2 * (m_text->frameWidth() + int(m_text->document()->documentMargin())));

    m_attach->setObjectName(QStringLiteral("attachButton"));
    m_attach->setAccessibleName(tr("Attach image"));
    m_attachmentName->setObjectName(QStringLiteral("attachmentName"));
    m_attachmentName->setTextFormat(Qt::PlainText);
    m_removeAttachment->setObjectName(QStringLiteral("removeAttachmentButton"));
    m_removeAttachment->setText(QStringLiteral("×"));
    m_removeAttachment->setToolTip(tr("Remove the image"));
    m_removeAttachment->setAccessibleName(tr("Remove the image"));
    m_removeAttachment->setAutoRaise(true);

    m_counter->setObjectName(QStringLiteral("composerCounter"));
    m_error->setObjectName(QStringLiteral("composerError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);

    m_post->setObjectName(QStringLiteral("postButton"));
    m_post->setAccessibleName(tr("Post"));
    m_post->setToolTip(tr("Post (Ctrl+Enter)"));
    m_post->setDefault(false);
    m_post->setAutoDefault(false);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_attach);
    buttons->addWidget(m_attachmentName);
    buttons->addWidget(m_removeAttachment);
    buttons->addStretch(1);
    buttons->addWidget(m_counter);
    buttons->addWidget(m_post);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_text);
    layout->addLayout(buttons);
    layout->addWidget(m_error);

    // From anywhere in the form, the image button included: a filter on every part of it (a
    // QShortcut would also need its window to be the active one).
    const QList<QWidget *> parts = findChildren<QWidget *>();
    for (QWidget *part : parts)
        part->installEventFilter(this);
    connect(m_title, &QLineEdit::textChanged, this, &Composer::updateState);
    connect(m_text, &QPlainTextEdit::textChanged, this, &Composer::updateState);
    connect(m_attach, &QPushButton::clicked, this, &Composer::chooseImage);
    connect(m_removeAttachment, &QToolButton::clicked, this, &Composer::removeAttachment);
    connect(m_post, &QPushButton::clicked, this, &Composer::submit);
    updateState();
}

bool Composer::attachFile(const QString &path)
{
    ImageFile file = ImageFile::load(path);
    if (!file.error.isEmpty()) {
        m_imageError = file.error;
        updateState();
        return false;
    }
    m_image = std::move(file);
    m_imageError.clear();
    updateState();
    return true;
}

void Composer::removeAttachment()
{
    m_image = {};
    m_imageError.clear();
    updateState();
}

QString Composer::errorText() const
{
    return m_error->isVisibleTo(this) ? m_error->text() : QString();
}

void Composer::submit()
{
    if (m_title->text().trimmed().isEmpty()) {
        // A disabled button would not say why; this does, where the title goes.
        m_missing = tr("Give the post a title first.");
        updateState();
        m_title->setFocus();
        return;
    }
    if (!canPost())
        return; // too long: the message is on show already
    Q_EMIT postRequested(
        m_title->text().trimmed(), m_text->toPlainText(), m_image.bytes, m_image.mime);
    clear();
}

void Composer::clear()
{
    m_title->clear();
    m_text->clear();
    m_image = {};
    m_imageError.clear();
    m_missing.clear();
    updateState();
    m_title->setFocus();
}

bool Composer::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress && isSubmitKey(static_cast<QKeyEvent *>(event))) {
        submit();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void Composer::chooseImage()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Attach image"),
        QStandardPaths::writableLocation(QStandardPaths::PicturesLocation),
        ImageFile::dialogFilter());
    if (!path.isEmpty())
        attachFile(path);
}

bool Composer::canPost() const
{
    return !m_title->text().trimmed().isEmpty() && m_title->text().size() <= Limits::TitleMax
        && m_text->toPlainText().size() <= Limits::ContentMax;
}

void Composer::updateState()
{
    const bool attached = hasAttachment();
    m_attachmentName->setVisible(attached);
    m_removeAttachment->setVisible(attached);
    m_attachmentName->setText(m_image.fileName);
    m_attach->setText(attached ? tr("Replace image…") : tr("Attach image…"));

    const QLocale locale;
    const qsizetype titleLength = m_title->text().size();
    const qsizetype contentLength = m_text->toPlainText().size();
    QStringList counts;
    if (titleLength >= TitleHintFrom) {
        counts.append(
            tr("Title %1/%2").arg(locale.toString(titleLength), locale.toString(Limits::TitleMax)));
    }
    if (contentLength >= ContentHintFrom) {
        counts.append(
            tr("Text %1/%2")
                .arg(locale.toString(contentLength), locale.toString(Limits::ContentMax)));
    }
    m_counter->setText(counts.join(QStringLiteral(" · ")));
    m_counter->setVisible(!counts.isEmpty());

    if (!m_title->text().trimmed().isEmpty())
        m_missing.clear();
    QString error = m_missing.isEmpty() ? m_imageError : m_missing;
    if (contentLength > Limits::ContentMax) {
        error = tr("The text is %n character(s) too long.", nullptr,
            int(contentLength - Limits::ContentMax));
    }
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    // Enabled without a title too, so that a click can say what is missing.
    m_post->setEnabled(titleLength <= Limits::TitleMax && contentLength <= Limits::ContentMax);
}

} // namespace Hubbub::Client
