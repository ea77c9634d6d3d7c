#pragma once

#include <QDialog>
#include <QImage>

class QLabel;

namespace Hubbub::Client {

class ImageCache;

//! A post's image at full size, scaled down to fit the window (never up). Loads it through the
//! image cache if it is not there yet.
class ImageViewer final : public QDialog
{
    Q_OBJECT
public:
    ImageViewer(ImageCache *images, const QString &imageId, const QString &title,
        QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ImageViewer)

    QString imageId() const { return m_imageId; }
    bool hasImage() const { return !m_image.isNull(); }
    //! The rectangle the image is drawn in, in this widget's coordinates.
    QRect imageRect() const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void load();

    ImageCache *m_images;
    QString m_imageId;
    QImage m_image;
    QString m_message;
};

} // namespace Hubbub::Client
