#pragma once

#include "error.h"

#include <QByteArray>
#include <QString>

#include <chrono>
#include <optional>

namespace Hubbub::Server {

class SqlConnection;
class WriteTx;

//! Images, content-addressed by the SHA-256 of their bytes.
namespace ImageStore {

struct StoredImage
{
    QString mime;
    QByteArray data;
};

//! Stores the bytes once: a second upload of the same bytes changes nothing.
Status store(WriteTx &tx, const QString &imageId, const QString &mime, int width, int height,
    const QByteArray &data);
Result<std::optional<StoredImage>> get(SqlConnection &c, const QString &imageId);
Result<bool> exists(SqlConnection &c, const QString &imageId);
//! Removes images no post and no avatar references that are older than `age`; returns how many.
Result<qint64> collectGarbage(WriteTx &tx, std::chrono::seconds age);

} // namespace ImageStore
} // namespace Hubbub::Server
