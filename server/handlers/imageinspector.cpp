#include "handlers/imageinspector.h"

#include "protocollimits.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QImage>
#include <QImageReader>

namespace Hubbub::Server {

namespace {

//! The messages of this file, under one context that lupdate can see. The server sends
//! them in English (it knows no reader's language); the client shows its own text.
struct InspectorText
{
    Q_DECLARE_TR_FUNCTIONS(Hubbub::Server::ImageInspector)
};

QString mimeFor(const QByteArray &format)
{
    if (format == "png")
        return QStringLiteral("image/png");
    if (format == "jpeg" || format == "jpg")
        return QStringLiteral("image/jpeg");
    if (format == "gif")
        return QStringLiteral("image/gif");
    if (format == "webp")
        return QStringLiteral("image/webp");
    return {};
}

} // namespace

void configureImageAllocationLimit()
{
    // 8192 x 8192 x 4 bytes = 256 MiB; Qt's default of 128 MiB would refuse a legal image.
    constexpr int megabytes
        = Limits::ImageDimensionMax / 1024 * Limits::ImageDimensionMax / 1024 * 4 + 16;
    QImageReader::setAllocationLimit(megabytes);
}

Result<InspectedImage> inspectImage(const QByteArray &bytes)
{
    if (bytes.size() > Limits::ImageBytesMax) {
        return makeError(ErrorCode::TooLarge, InspectorText::tr("The image is larger than 8 MiB."),
            QStringLiteral("data"));
    }
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setDecideFormatFromContent(true);
    const QString mime = mimeFor(reader.format());
    if (mime.isEmpty()) {
        return makeError(ErrorCode::Invalid,
            InspectorText::tr("The image must be a PNG, JPEG, GIF or WebP file."),
            QStringLiteral("data"));
    }
    const QSize size = reader.size();
    if (!size.isValid() || size.isEmpty()) {
        return makeError(ErrorCode::Invalid, InspectorText::tr("The image has no readable size."),
            QStringLiteral("data"));
    }
    if (size.width() > Limits::ImageDimensionMax || size.height() > Limits::ImageDimensionMax) {
        return makeError(ErrorCode::TooLarge,
            InspectorText::tr("The image is %1 x %2 pixels; at most %3 x %3 are allowed.")
                .arg(size.width())
                .arg(size.height())
                .arg(Limits::ImageDimensionMax),
            QStringLiteral("data"));
    }
    const QImage image = reader.read();
    if (image.isNull()) {
        return makeError(ErrorCode::Invalid,
            InspectorText::tr("The image could not be decoded: %1.").arg(reader.errorString()),
            QStringLiteral("data"));
    }
    InspectedImage result;
    result.imageId
        = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    result.mime = mime;
    result.width = image.width();
    result.height = image.height();
    return result;
}

} // namespace Hubbub::Server
