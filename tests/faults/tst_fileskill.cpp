// SIGKILL of the real hubbub-server binary during uploads (part "files"). Each cycle sends some
// chunks of an upload, then a chunk or a file.finish that is still on its way, and kills the
// server at once; then it restarts on the same file and port. After each restart: every
// acknowledged chunk is still there (file.begin answers at least as many bytes), every
// acknowledged finish and attachment is there with the right bytes, and every stored file is
// complete (its bytes hash to its id), so no partial file is ever referenced. The upload then
// resumes and finishes. Bounded: Cycles kills, each upload at most 6 MiB.

#include "fileupload.h"
#include "serverprocess.h"
#include "testclient.h"
#include "testenv.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 MiB = 1024 * 1024;

QByteArray randomBytes(QRandomGenerator &random, qint64 size)
{
    QByteArray bytes((size + 3) / 4 * 4, Qt::Uninitialized);
    random.fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    bytes.truncate(size);
    return bytes;
}

//! The ids in the `files` table, read on a connection of our own.
QStringList storedIds(const QString &databasePath)
{
    const QString name = u"tst_fileskill_reader"_s;
    QStringList ids;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(databasePath);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(u"SELECT id FROM files"_s)) {
                while (query.next())
                    ids.append(query.value(0).toString());
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ids;
}

QString hashOfFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return QString::fromLatin1(hash.result().toHex());
}

bool login(TestClient &client, const QUrl &url)
{
    return client.open(url) && isOk(client.login(u"ada"_s));
}

} // namespace

class tst_FilesKill : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sigkillDuringUploadsLosesNothingAcknowledged();
};

void tst_FilesKill::sigkillDuringUploadsLosesNothingAcknowledged()
{
    const int cycles = longTests() ? 40 : 6;
    QRandomGenerator random {quint32(testSeed())};
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString dbPath = dir.filePath(u"hubbub.db"_s);
    ServerProcess server(QStringLiteral(HUBBUB_SERVER_BINARY), dbPath);
    QVERIFY2(server.start({u"--durability"_s, u"full"_s}), qPrintable(server.diagnostics()));
    const quint16 port = server.port();
    TestClient ada;
    QVERIFY(ada.open(server.url()));
    QVERIFY(isOk(ada.registerUser(u"ada"_s)));

    struct Finished
    {
        QByteArray bytes;
        qint64 messageId = 0; //!< 0: finished but not attached
    };
    QList<Finished> finished;

    for (int cycle = 0; cycle < cycles; ++cycle) {
        const QByteArray bytes = randomBytes(random, 2 * MiB + random.bounded(4 * MiB));
        const QString id = sha256Hex(bytes);
        const QJsonObject begun = ada.request(u"file.begin"_s,
            {{u"name"_s, u"f%1.bin"_s.arg(cycle)}, {u"size"_s, qint64(bytes.size())},
                {u"sha256"_s, id}});
        QVERIFY2(isOk(begun), qPrintable(dump(begun)));
        qint64 acked = 0;
        const qint64 chunk = 512 * 1024;
        const int ackedChunks = random.bounded(int(bytes.size() / chunk));
        for (int i = 0; i < ackedChunks; ++i) {
            const QJsonObject sent = sendChunk(ada, id, bytes, acked, chunk);
            QVERIFY2(isOk(sent), qPrintable(dump(sent)));
            acked = sent.value("received"_L1).toInteger();
        }
        // Then something in flight: the rest and a finish (odd cycles) or one more chunk.
        bool finishAcked = false;
        qint64 finishRequest = 0;
        if (cycle % 2 == 1) {
            for (qint64 offset = acked; offset < bytes.size(); offset += chunk) {
                ada.send(u"file.chunk"_s,
                    {{u"fileId"_s, id}, {u"offset"_s, offset},
                        {u"data"_s, QString::fromLatin1(bytes.mid(offset, chunk).toBase64())}});
            }
            finishRequest = ada.send(u"file.finish"_s, {{u"fileId"_s, id}});
            QTest::qWait(random.bounded(200));
        } else {
            ada.send(u"file.chunk"_s,
                {{u"fileId"_s, id}, {u"offset"_s, acked},
                    {u"data"_s, QString::fromLatin1(bytes.mid(acked, chunk).toBase64())}});
        }
        server.kill();
        if (finishRequest != 0) {
            for (const QJsonObject &reply : ada.replies()) {
                if (reply.value("id"_L1).toInteger() == finishRequest && isOk(reply))
                    finishAcked = true;
            }
        }
        ada.close();

        // Nothing stored is partial: every file's bytes hash to its id.
        const QString filesDir = dbPath + u".files"_s;
        for (const QString &stored : storedIds(dbPath)) {
            QCOMPARE(hashOfFile(filesDir + u'/' + stored.left(2) + u'/' + stored), stored);
        }
        if (finishAcked)
            QVERIFY(storedIds(dbPath).contains(id));

        QVERIFY2(
            server.start({u"--durability"_s, u"full"_s}, port), qPrintable(server.diagnostics()));
        QVERIFY(login(ada, server.url()));
        const QJsonObject resumed = ada.request(u"file.begin"_s,
            {{u"name"_s, u"f%1.bin"_s.arg(cycle)}, {u"size"_s, qint64(bytes.size())},
                {u"sha256"_s, id}});
        QVERIFY2(isOk(resumed), qPrintable(dump(resumed)));
        if (finishAcked)
            QVERIFY(resumed.value("complete"_L1).toBool());
        if (!resumed.value("complete"_L1).toBool())
            QVERIFY2(resumed.value("received"_L1).toInteger() >= acked, qPrintable(dump(resumed)));
        const QJsonObject done = uploadFile(ada, bytes, u"f%1.bin"_s.arg(cycle), chunk);
        QVERIFY2(isOk(done), qPrintable(dump(done)));
        Finished entry {bytes, 0};
        if (cycle % 3 == 0) {
            const QJsonObject sent = ada.request(u"chat.send"_s,
                {{u"channelId"_s, 1}, {u"text"_s, u"file %1"_s.arg(cycle)},
                    {u"files"_s, QJsonArray {id}}});
            QVERIFY2(isOk(sent), qPrintable(dump(sent)));
            entry.messageId = objectOf(sent, "message").value("id"_L1).toInteger();
        }
        finished.append(entry);

        // Everything acknowledged in earlier cycles is still there, byte for byte.
        for (const Finished &earlier : std::as_const(finished)) {
            if (earlier.messageId != 0)
                QCOMPARE(downloadFile(ada, sha256Hex(earlier.bytes)), earlier.bytes);
        }
        QCOMPARE(QDir(filesDir + u"/partial"_s).entryList(QDir::Files).size(), 0);
    }
}

QTEST_GUILESS_MAIN(tst_FilesKill)
#include "tst_fileskill.moc"
