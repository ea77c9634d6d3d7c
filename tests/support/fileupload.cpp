#include "fileupload.h"

#include "testclient.h"

#include <QCryptographicHash>

using namespace Qt::StringLiterals;

namespace Hubbub::Test {

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QJsonObject sendChunk(TestClient &client, const QString &fileId, const QByteArray &bytes,
    qint64 offset, qint64 length)
{
    return client.request(u"file.chunk"_s,
        {{u"fileId"_s, fileId}, {u"offset"_s, offset},
            {u"data"_s, QString::fromLatin1(bytes.mid(offset, length).toBase64())}},
        30000);
}

QJsonObject uploadFile(
    TestClient &client, const QByteArray &bytes, const QString &name, qint64 chunkBytes)
{
    const QString fileId = sha256Hex(bytes);
    const QJsonObject begun = client.request(u"file.begin"_s,
        {{u"name"_s, name}, {u"size"_s, qint64(bytes.size())}, {u"sha256"_s, fileId}});
    if (!isOk(begun) || begun.value("complete"_L1).toBool())
        return begun;
    qint64 offset = begun.value("received"_L1).toInteger();
    while (offset < bytes.size()) {
        const QJsonObject sent = sendChunk(client, fileId, bytes, offset, chunkBytes);
        if (!isOk(sent))
            return sent;
        offset = sent.value("received"_L1).toInteger();
    }
    return client.request(u"file.finish"_s, {{u"fileId"_s, fileId}}, 60000);
}

QByteArray downloadFile(TestClient &client, const QString &fileId, qint64 pieceBytes)
{
    QByteArray bytes;
    for (int piece = 0; piece < 1000; ++piece) {
        const QJsonObject got = client.request(u"file.get"_s,
            {{u"fileId"_s, fileId}, {u"offset"_s, qint64(bytes.size())}, {u"length"_s, pieceBytes}},
            30000);
        if (!isOk(got))
            return {};
        const QJsonObject &result = got;
        bytes.append(QByteArray::fromBase64(result.value("data"_L1).toString().toLatin1()));
        if (bytes.size() >= objectOf(result, "file").value("size"_L1).toInteger())
            return bytes;
    }
    return {};
}

} // namespace Hubbub::Test
