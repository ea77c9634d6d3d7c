#include "composer.h"

#include "attachmentbar.h"
#include "uploads.h"

#include "charwidth.h"
#include "protocollimits.h"

#include <QBoxLayout>
#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QImageReader>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMimeDatabase>
#include <QPainter>
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

namespace {
//! The folder the last image was chosen from, for as long as the app runs.
QString &lastDirectory()
{
    static QString directory;
    return directory;
}
} // namespace

QString ImageFile::dialogDirectory()
{
    // QStandardPaths names ~/Pictures whether or not it exists: a dialog told to start in a
    // missing folder shows "Pictures" typed in as a file name.
    const QStringList candidates {
        lastDirectory(), QStandardPaths::writableLocation(QStandardPaths::PicturesLocation)};
    for (const QString &candidate : candidates) {
        if (!candidate.isEmpty() && QFileInfo(candidate).isDir())
            return candidate;
    }
    return QDir::homePath();
}

void ImageFile::rememberDirectory(const QString &path)
{
    lastDirectory() = QFileInfo(path).absolutePath();
}

//! The attached image scaled into a box a few lines high, framed so that it stands out from
//! the window in light and dark palettes alike (the frame is drawn from the palette in use).
class Composer::Thumbnail final : public QWidget
{
public:
    explicit Thumbnail(QWidget *parent)
        : QWidget(parent)
    {
        setObjectName(QStringLiteral("attachmentThumbnail"));
        setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    }

    //! False when the bytes do not decode (the name alone shows then).
    bool setImage(const QByteArray &bytes)
    {
        m_image = {};
        if (!bytes.isEmpty()) {
            QBuffer buffer;
            buffer.setData(bytes);
            QImageReader reader(&buffer);
            reader.setAutoTransform(true); // a phone's portrait photo stands upright
            const qreal ratio = devicePixelRatioF();
            QSize box = bound() * ratio;
            if (reader.transformation() & QImageIOHandler::TransformationRotate90)
                box.transpose();
            // Decoded at thumbnail size where the format allows (JPEG): an 8 MB photo is not
            // decoded in full for a 100-pixel preview.
            const QSize size = reader.size();
            if (size.isValid() && (size.width() > box.width() || size.height() > box.height()))
                reader.setScaledSize(size.scaled(box, Qt::KeepAspectRatio).expandedTo({1, 1}));
            m_image = reader.read();
            m_image.setDevicePixelRatio(ratio);
        }
        updateGeometry();
        update();
        return !m_image.isNull();
    }
    bool hasImage() const { return !m_image.isNull(); }
    QSize sizeHint() const override
    {
        if (m_image.isNull())
            return {0, 0};
        return m_image.deviceIndependentSize().toSize() + QSize(2 * Frame, 2 * Frame);
    }
    //! The largest the image is shown: four lines of text high, twice that wide.
    QSize bound() const
    {
        const int unit = fontMetrics().height();
        return {unit * 8, unit * 4};
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        if (m_image.isNull())
            return;
        QPainter painter(this);
        const QRect inside = rect().adjusted(Frame, Frame, -Frame, -Frame);
        // Transparent parts show the text field's colour, as the image will on its card.
        painter.fillRect(inside, palette().color(QPalette::Base));
        painter.drawImage(inside, m_image);
        painter.setPen(palette().color(QPalette::Mid));
        painter.drawRect(rect().adjusted(0, 0, -1, -1));
    }

private:
    static constexpr int Frame = 1;
    QImage m_image;
};

Composer::Composer(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLineEdit(this))
    , m_text(new QPlainTextEdit(this))
    , m_attach(new QPushButton(tr("Attach image…"), this))
    , m_attachment(new QWidget(this))
    , m_thumbnail(new Thumbnail(m_attachment))
    , m_attachmentName(new QLabel(m_attachment))
    , m_removeAttachment(new QToolButton(m_attachment))
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

    m_attachment->setObjectName(QStringLiteral("attachment"));
    auto *attachment = new QHBoxLayout(m_attachment);
    attachment->setContentsMargins(0, 0, 0, 0);
    attachment->addWidget(m_thumbnail);
    attachment->addWidget(m_attachmentName);
    attachment->addWidget(m_removeAttachment);
    attachment->addStretch(1);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_attach);
    buttons->addStretch(1);
    buttons->addWidget(m_counter);
    buttons->addWidget(m_post);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_text);
    layout->addWidget(m_attachment);
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
    m_thumbnail->setImage(m_image.bytes);
    updateState();
    return true;
}

QWidget *Composer::thumbnail() const
{
    return m_thumbnail;
}

void Composer::removeAttachment()
{
    m_image = {};
    m_thumbnail->setImage({});
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
    if (m_attachments && !m_attachments->uploads()->isEmpty()
        && !m_attachments->uploads()->allDone())
        return; // part "files": the attachment rows show what is still uploading
    Q_EMIT postRequested(
        m_title->text().trimmed(), m_text->toPlainText(), m_image.bytes, m_image.mime);
    clear();
}

void Composer::setUploads(Uploads *uploads)
{
    m_attachments = new AttachmentBar(uploads, this);
    auto *layout = static_cast<QVBoxLayout *>(this->layout());
    layout->insertWidget(layout->indexOf(m_attachment) + 1, m_attachments);
    // Beside the image button, in the buttons row that follows.
    if (auto *buttons
        = qobject_cast<QHBoxLayout *>(layout->itemAt(layout->indexOf(m_attachments) + 1)->layout()))
        buttons->insertWidget(1, m_attachments->makeAttachButton(this));
    m_attachments->acceptDropsOn(m_text);
    m_attachments->acceptDropsOn(m_title);
}

QList<File> Composer::files() const
{
    return m_attachments ? m_attachments->uploads()->files() : QList<File>();
}

void Composer::clear()
{
    if (m_attachments)
        m_attachments->uploads()->clear();
    m_title->clear();
    m_text->clear();
    m_image = {};
    m_thumbnail->setImage({});
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
    auto *dialog = new QFileDialog(
        this, tr("Attach image"), ImageFile::dialogDirectory(), ImageFile::dialogFilter());
    dialog->setObjectName(QStringLiteral("attachDialog"));
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        ImageFile::rememberDirectory(path);
        attachFile(path);
    });
    dialog->open();
}

bool Composer::canPost() const
{
    return !m_title->text().trimmed().isEmpty() && m_title->text().size() <= Limits::TitleMax
        && m_text->toPlainText().size() <= Limits::ContentMax;
}

void Composer::updateState()
{
    const bool attached = hasAttachment();
    m_attachment->setVisible(attached);
    m_thumbnail->setVisible(m_thumbnail->hasImage());
    // A long name is cut, not allowed to widen the window; the tooltip has all of it.
    const QString name = attached
        ? tr("%1 · %2").arg(m_image.fileName, QLocale().formattedDataSize(m_image.bytes.size()))
        : QString();
    m_attachmentName->setText(m_attachmentName->fontMetrics().elidedText(
        name, Qt::ElideMiddle, charWidth(m_attachmentName->fontMetrics()) * 36));
    m_attachmentName->setToolTip(name);
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
