#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace Hubbub::Test {

class TestClient;

//! Lowercase hex SHA-256 of `bytes`: a file's id.
QString sha256Hex(const QByteArray &bytes);

//! Uploads `bytes` as `name` with file.begin, file.chunk (of `chunkBytes`, sent one after the
//! other from what file.begin says was received) and file.finish. Returns the last reply: the
//! finish's {file}, a begin that answered `complete`, or the first error.
QJsonObject uploadFile(TestClient &client, const QByteArray &bytes, const QString &name,
    qint64 chunkBytes = 1024 * 1024);

//! file.chunk of bytes [offset, offset + length) of `bytes`.
QJsonObject sendChunk(TestClient &client, const QString &fileId, const QByteArray &bytes,
    qint64 offset, qint64 length);

//! Downloads a file with file.get in pieces of `pieceBytes`; empty on any error.
QByteArray downloadFile(TestClient &client, const QString &fileId, qint64 pieceBytes = 4 << 20);

} // namespace Hubbub::Test
