#include "imageviewer.h"

#include "imagecache.h"

#include <QGuiApplication>
#include <QKeyEvent>
#include <QPainter>
#include <QScreen>

namespace Hubbub::Client {

ImageViewer::ImageViewer(
    ImageCache *images, const QString &imageId, const QString &title, QWidget *parent)
    : QDialog(parent)
    , m_images(images)
    , m_imageId(imageId)
{
    setObjectName(QStringLiteral("imageViewer"));
    setWindowTitle(title.isEmpty() ? tr("Image") : title);
    setAccessibleName(tr("Image of %1").arg(title));
    setBackgroundRole(QPalette::Dark);
    setAutoFillBackground(true);
    setSizeGripEnabled(true);
    connect(m_images, &ImageCache::imageReady, this, [this](const QString &id) {
        if (id == m_imageId)
            load();
    });
    connect(m_images, &ImageCache::imageFailed, this,
        [this](const QString &id, const QString &message) {
            if (id != m_imageId)
                return;
            m_message = tr("The image could not be loaded: %1").arg(message);
            update();
        });
    m_message = tr("Loading image…");
    load();

    // Big enough for the image where the screen allows; the user can resize from there.
    const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1024, 768);
    QSize size = m_image.isNull() ? QSize(640, 480) : m_image.deviceIndependentSize().toSize();
    size = size.boundedTo(available.size() * 8 / 10).expandedTo(QSize(320, 240));
    resize(size);
}

QRect ImageViewer::imageRect() const
{
    if (m_image.isNull())
        return {};
    QSize size = m_image.deviceIndependentSize().toSize();
    if (size.width() > width() || size.height() > height())
        size.scale(this->size(), Qt::KeepAspectRatio);
    QRect rect({}, size);
    rect.moveCenter(this->rect().center());
    return rect;
}

void ImageViewer::load()
{
    const QImage image = m_images->image(m_imageId);
    if (image.isNull())
        return;
    m_image = image;
    m_message.clear();
    update();
}

void ImageViewer::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    if (m_image.isNull()) {
        painter.setPen(palette().color(QPalette::BrightText));
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, m_message);
        return;
    }
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.drawImage(imageRect(), m_image);
}

void ImageViewer::keyPressEvent(QKeyEvent *event)
{
    // Space closes too, as in most image viewers.
    if (event->key() == Qt::Key_Space) {
        accept();
        return;
    }
    QDialog::keyPressEvent(event);
}

} // namespace Hubbub::Client
