#include "handlers/imagehandler.h"

#include "handlers/imageinspector.h"
#include "protocollimits.h"
#include "store/imagestore.h"
#include "validation.h"

#include <QCoreApplication>

namespace Hubbub::Server {

namespace {

//! The messages of this file, under one context that lupdate can see. The server sends
//! them in English (it knows no reader's language); the client shows its own text.
struct ImageText
{
    Q_DECLARE_TR_FUNCTIONS(Hubbub::Server::ImageHandler)
};

const QStringList AcceptedMimes = {QStringLiteral("image/png"), QStringLiteral("image/jpeg"),
    QStringLiteral("image/gif"), QStringLiteral("image/webp")};

} // namespace

QList<MessageType> ImageHandler::types() const
{
    return {MessageType::ImageUpload, MessageType::ImageGet};
}

void ImageHandler::handle(const Caller &, const Request &request, const Responder &reply)
{
    const Params params(request.params);
    if (request.type == MessageType::ImageUpload)
        return upload(params, reply);
    return get(params, reply);
}

void ImageHandler::upload(const Params &params, const Responder &reply)
{
    const Result<QString> data = params.string(QStringLiteral("data"));
    if (!data)
        return reply.fail(data.error());
    const Result<std::optional<QString>> mime = params.optionalString(QStringLiteral("mime"));
    if (!mime)
        return reply.fail(mime.error());
    if (*mime && !AcceptedMimes.contains(**mime)) {
        return reply.fail(makeError(ErrorCode::Invalid,
            ImageText::tr("The image must be a PNG, JPEG, GIF or WebP file."),
            QStringLiteral("mime")));
    }
    // Base64 of 8 MiB (padding included); anything longer decodes to more than the limit.
    constexpr qsizetype maxEncoded = (Limits::ImageBytesMax + 2) / 3 * 4;
    if (data->size() > maxEncoded) {
        return reply.fail(makeError(ErrorCode::TooLarge,
            ImageText::tr("The image is larger than 8 MiB."), QStringLiteral("data")));
    }
    // No base64 text, padded or not, is one more than a multiple of four characters long: such
    // data was cut off, and Qt's decoder would drop the dangling character silently.
    if (data->size() % 4 == 1) {
        return reply.fail(makeError(ErrorCode::Invalid,
            ImageText::tr("The image data is not valid base64 (it looks cut off)."),
            QStringLiteral("data")));
    }
    onWorker(
        [encoded = *data]() -> Result<std::pair<InspectedImage, QByteArray>> {
            auto decoded = QByteArray::fromBase64Encoding(
                encoded.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded || decoded.decoded.isEmpty()) {
                return makeError(ErrorCode::Invalid,
                    ImageText::tr("The image data is not valid base64."), QStringLiteral("data"));
            }
            Result<InspectedImage> inspected = inspectImage(decoded.decoded);
            if (!inspected)
                return inspected.error();
            return std::pair {*inspected, std::move(decoded.decoded)};
        },
        [this, reply](Result<std::pair<InspectedImage, QByteArray>> checked) {
            if (!checked)
                return reply.fail(checked.error());
            const InspectedImage image = checked->first;
            m_ctx.writer.submit(
                [image, bytes = checked->second](WriteTx &tx) -> Result<QJsonObject> {
                    if (Status s = ImageStore::store(
                            tx, image.imageId, image.mime, image.width, image.height, bytes);
                        !s)
                        return s.error();
                    return QJsonObject {{QStringLiteral("imageId"), image.imageId},
                        {QStringLiteral("width"), image.width},
                        {QStringLiteral("height"), image.height}};
                },
                [reply](const WriteOutcome &outcome) { reply.finish(outcome); });
        });
}

void ImageHandler::get(const Params &params, const Responder &reply)
{
    const Result<QString> imageId = params.string(QStringLiteral("imageId"));
    if (!imageId)
        return reply.fail(imageId.error());
    const Error notFound = makeError(
        ErrorCode::NotFound, ImageText::tr("There is no such image."), QStringLiteral("imageId"));
    if (!Validation::isImageId(*imageId))
        return reply.fail(notFound);
    const Result<std::optional<ImageStore::StoredImage>> image
        = ImageStore::get(m_ctx.reader, *imageId);
    if (!image)
        return reply.fail(image.error());
    if (!*image)
        return reply.fail(notFound);
    reply.ok({{QStringLiteral("data"), QString::fromLatin1((*image)->data.toBase64())},
        {QStringLiteral("mime"), (*image)->mime}});
}

} // namespace Hubbub::Server
