// A table of hostile frames, sent byte for byte over a hand-made WebSocket connection: invalid
// UTF-8, non-JSON, JSON that is not an object, wrong field types and missing fields for every
// verb, values one past every limit, deep nesting, huge numbers and strings, unknown verbs, bad
// ids, oversized and fragmented messages, binary frames, broken base64 and image headers that
// declare huge sizes. For each row: the code the spec gives (with the id echoed and `field` set
// where docs/protocol.md says so) and a human message, nothing stored, and the connection either
// still usable or closed with the code the spec (or RFC 6455, where the spec is silent) gives.
//
// HUBBUB_DUMP_CORPUS=DIR writes each row's payload bytes to DIR/<row name> (rows up to 1 MiB)
// for the fuzzer's seed corpus, and runs nothing.
//
// The rows are in malformedrows.{h,cpp}; the client that sends them is tests/support/rawpeer.

#include "handshakerows.h"
#include "malformedrows.h"
#include "rawpeer.h"
#include "testclient.h"
#include "testserver.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <optional>

using namespace Hubbub::Test;
using namespace Hubbub::Test::MalformedRows;
using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype DumpLimit = 1024 * 1024;

QString fileName(const QString &rowName)
{
    QString name;
    for (const QChar ch : rowName)
        name += ch.isLetterOrNumber() || ch == u'.' || ch == u'-' ? ch : u'_';
    return name;
}

QString describe(const QJsonObject &object)
{
    return dump(object).left(400);
}

//! Rows in every stored table and the newest seq: what "nothing stored" compares.
QString storedState(const QString &databasePath)
{
    const QString name = u"corpus-snapshot"_s;
    QString state;
    {
        QSqlDatabase db = QSqlDatabase::contains(name)
            ? QSqlDatabase::database(name)
            : QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(databasePath);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (!db.isOpen() && !db.open())
            return u"cannot open: "_s + databasePath;
        QSqlQuery query(db);
        for (const QString &table : {u"users"_s, u"sessions"_s, u"images"_s, u"posts"_s,
                 u"reviews"_s, u"channels"_s, u"messages"_s, u"events"_s}) {
            if (!query.exec(u"SELECT count(*) FROM "_s + table) || !query.next())
                return u"cannot count "_s + table;
            state += table + u'=' + query.value(0).toString() + u' ';
        }
        // Content too, so an edit (same counts) shows.
        if (!query.exec(u"SELECT coalesce(max(seq), 0), (SELECT group_concat(title || content "
                        u"|| coalesce(updated_at, '')) FROM posts), (SELECT group_concat(text) "
                        u"FROM messages), (SELECT group_concat(username) FROM users) FROM events"_s)
            || !query.next())
            return u"cannot read seq"_s;
        state += u"seq="_s + query.value(0).toString() + u' ' + query.value(1).toString() + u' '
            + query.value(2).toString() + u' ' + query.value(3).toString();
    }
    return state;
}

} // namespace

class tst_MalformedCorpus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void hostileFrame_data();
    void hostileFrame();
    void hostileHandshake_data();
    void hostileHandshake();

private:
    TestServer m_server;
    QString m_token;
};

void tst_MalformedCorpus::initTestCase()
{
    const QString dumpDir = qEnvironmentVariable("HUBBUB_DUMP_CORPUS");
    if (!dumpDir.isEmpty()) {
        QVERIFY(QDir().mkpath(dumpDir));
        int written = 0;
        for (const Row &row : corpus()) {
            QByteArray payload;
            for (const RawFrame &frame : row.frames)
                payload += frame.payload;
            if (payload.size() > DumpLimit)
                continue;
            QFile file(QDir(dumpDir).filePath(fileName(row.name)));
            QVERIFY2(
                file.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(file.fileName()));
            QCOMPARE(file.write(payload), payload.size());
            ++written;
        }
        QSKIP(qPrintable(u"wrote %1 corpus files to %2"_s.arg(written).arg(dumpDir)));
    }

    QVERIFY(!fixture(u"tiny.png"_s).isEmpty());
    QVERIFY(m_server.start());
    TestClient seed;
    QVERIFY(seed.open(m_server.url()));
    QVERIFY(isOk(seed.registerUser(u"corpus"_s, Password)));
    m_token = seed.token();
    const QJsonObject post
        = seed.request(u"post.create"_s, {{u"title"_s, u"first"_s}, {u"content"_s, u"c"_s}});
    QCOMPARE(post.value("post"_L1).toObject().value("id"_L1).toInteger(), 1);
    const QJsonObject message
        = seed.request(u"chat.send"_s, {{u"channelId"_s, 1}, {u"text"_s, u"first"_s}});
    QCOMPARE(message.value("message"_L1).toObject().value("id"_L1).toInteger(), 1);
    QVERIFY(isOk(seed.request(u"review.create"_s, {{u"postId"_s, 1}, {u"rating"_s, 5}})));
    seed.close();
}

void tst_MalformedCorpus::cleanupTestCase()
{
    m_server.stop();
    QSqlDatabase::removeDatabase(u"corpus-snapshot"_s);
}

void tst_MalformedCorpus::hostileFrame_data()
{
    QTest::addColumn<int>("index");
    const QList<Row> rows = corpus();
    for (int i = 0; i < rows.size(); ++i)
        QTest::newRow(qPrintable(rows.at(i).name)) << i;
}

void tst_MalformedCorpus::hostileFrame()
{
    QFETCH(int, index);
    const Row &row = corpus().at(index);
    const Expect &expect = row.expect;
    const QString before = storedState(m_server.databasePath());
    QVERIFY2(before.startsWith(u"users="), qPrintable(before));

    RawPeer peer;
    QVERIFY(peer.open(m_server.url()));
    if (row.login) {
        peer.sendJson({{u"type"_s, u"auth.token"_s}, {u"id"_s, 1}, {u"token"_s, m_token}});
        const QJsonObject reply = peer.nextReply();
        QVERIFY2(isOk(reply), qPrintable(describe(reply)));
    }
    peer.clearFrames();

    for (const RawFrame &frame : row.frames)
        peer.send(frame);

    if (!expect.code.isEmpty()) {
        const QJsonObject reply = peer.nextReply(30000);
        QVERIFY2(!reply.isEmpty(), "no reply");
        QVERIFY2(reply.value("id"_L1) == expect.id,
            qPrintable(
                u"expected id %1: %2"_s.arg(expect.id.toVariant().toString(), describe(reply))));
        if (expect.code == u"ok") {
            QVERIFY2(isOk(reply), qPrintable(describe(reply)));
        } else {
            QCOMPARE(reply.value("ok"_L1), QJsonValue(false));
            QVERIFY2(errorCode(reply) == expect.code, qPrintable(describe(reply)));
            const QJsonObject error = reply.value("error"_L1).toObject();
            QVERIFY2(!error.value("message"_L1).toString().trimmed().isEmpty(),
                qPrintable(describe(reply)));
            if (!expect.field.isEmpty()) {
                QVERIFY2(errorField(reply) == expect.field, qPrintable(describe(reply)));
            } else if (expect.code == u"bad_request") {
                QVERIFY2(!error.contains("field"_L1), qPrintable(describe(reply)));
            }
        }
    }

    if (expect.closeCode != 0) {
        const std::optional<int> code = peer.waitClosed();
        QVERIFY2(peer.socket().state() == QAbstractSocket::UnconnectedState, "still connected");
        QVERIFY2(code.has_value(), "closed without a close frame");
        QCOMPARE(*code, expect.closeCode);
        QVERIFY2(peer.frames().isEmpty() || !expect.code.isEmpty(),
            qPrintable(u"unexpected frame: "_s + describe(peer.frames().value(0))));
    } else {
        // Still usable, and nothing else came back for the hostile frame.
        peer.sendJson({{u"type"_s, u"ping"_s}, {u"id"_s, 2}});
        const QJsonObject pong = peer.nextReply();
        QVERIFY2(isOk(pong) && pong.value("id"_L1).toInteger() == 2, qPrintable(describe(pong)));
        QCOMPARE(peer.socket().state(), QAbstractSocket::ConnectedState);
        for (const QJsonObject &frame : peer.frames())
            QVERIFY2(frame.value("type"_L1).toString() != u"reply", qPrintable(describe(frame)));
    }

    QCOMPARE(storedState(m_server.databasePath()), before);
}

void tst_MalformedCorpus::hostileHandshake_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    for (const HandshakeRow &row : handshakeRows())
        QTest::newRow(qPrintable(row.name)) << row.request << row.status;
}

void tst_MalformedCorpus::hostileHandshake()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    RawPeer peer;
    QVERIFY(peer.connectTcp(m_server.url()));
    QTcpSocket &socket = peer.socket();
    socket.write(request);
    QByteArray response;
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     response += socket.readAll();
                     return response.contains("\r\n\r\n")
                         || socket.state() == QAbstractSocket::UnconnectedState;
                 },
                 10000),
        "no response");
    const QByteArray statusLine = response.left(response.indexOf("\r\n"));
    QVERIFY2(statusLine.startsWith(QByteArray("HTTP/1.1 " + QByteArray::number(status) + ' ')),
        statusLine.constData());
    if (status == 101) {
        QVERIFY(response.contains("Sec-WebSocket-Accept: "));
        socket.write(maskedTextFrame(R"({"type":"ping","id":1})"));
        (void)QTest::qWaitFor(
            [&] {
                response += socket.readAll();
                return response.contains("\"ok\":true")
                    || socket.state() == QAbstractSocket::UnconnectedState;
            },
            10000);
        QVERIFY2(response.contains("\"ok\":true"), response.constData());
        return;
    }
    if (status == 426)
        QVERIFY2(response.contains("\r\nSec-WebSocket-Version: 13\r\n"), response.constData());
    // No upgrade: the server closes the connection, and a frame sent anyway is not answered.
    socket.write(maskedTextFrame(R"({"type":"ping","id":1})"));
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 10000);
    response += socket.readAll();
    QVERIFY2(!response.contains("\"ok\""), response.constData());
    QTRY_COMPARE_WITH_TIMEOUT(m_server.server()->connectionCount(), 0, 5000);
}

QTEST_GUILESS_MAIN(tst_MalformedCorpus)
#include "tst_malformedcorpus.moc"
