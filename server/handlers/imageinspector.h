#pragma once

#include "error.h"

#include <QByteArray>
#include <QString>

namespace Hubbub::Server {

struct InspectedImage
{
    QString imageId; //!< lowercase hex SHA-256 of the bytes
    QString mime;
    int width = 0;
    int height = 0;
};

//! Checks uploaded image bytes: type and size from the header before any decode, then a full
//! decode under an allocation limit. CPU-heavy: call it on a worker thread.
Result<InspectedImage> inspectImage(const QByteArray &bytes);

//! Raises Qt's image allocation limit to what the largest allowed image needs. Call once.
void configureImageAllocationLimit();

} // namespace Hubbub::Server
