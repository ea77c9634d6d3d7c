// Handshake (server/net/handshake.h) on its own: the upgrade requests of the hostile-handshake
// rows (tests/support/handshakerows.cpp, run by tst_malformedcorpus against the real server over a
// socket), each delivered whole and one byte at a time, plus what only the parser can show: the
// accept key, the bytes after the request, and that a decision is final.
#include "handshakerows.h"
#include "net/handshake.h"

#include <QTest>

using namespace Hubbub::Server;
using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

class tst_Handshake : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void request_data();
    void request();
    void acceptKeyOfTheRfc();
    void framesAfterTheRequestAreKept();
    void incompleteUntilTheBlankLine();
    void refusalIsFinal();
};

void tst_Handshake::request_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    for (const HandshakeRow &row : handshakeRows())
        QTest::newRow(qPrintable(row.name)) << row.request << row.status;
}

void tst_Handshake::request()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);

    Handshake whole;
    whole.feed(bytes);
    QCOMPARE(whole.status(), status);

    Handshake bytewise;
    for (qsizetype i = 0; i < bytes.size() && bytewise.outcome() == Handshake::Outcome::Incomplete;
         ++i)
        bytewise.feed(bytes.sliced(i, 1));
    QCOMPARE(bytewise.status(), status);

    const QByteArray response = whole.response();
    QVERIFY(response.startsWith(QByteArray("HTTP/1.1 " + QByteArray::number(status) + ' ')));
    QVERIFY(response.endsWith("\r\n\r\n"));
    QCOMPARE(
        whole.outcome(), status == 101 ? Handshake::Outcome::Upgrade : Handshake::Outcome::Refuse);
    QCOMPARE(response.contains("Sec-WebSocket-Accept: "), status == 101);
    QCOMPARE(response.contains("Sec-WebSocket-Version: 13\r\n"), status == 426);
}

void tst_Handshake::acceptKeyOfTheRfc()
{
    // RFC 6455, 1.3.
    QCOMPARE(Handshake::acceptFor("dGhlIHNhbXBsZSBub25jZQ=="), "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="_ba);
    Handshake handshake;
    handshake.feed(handshakeRows().first().request);
    QVERIFY(handshake.response().contains(
        "\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"));
}

void tst_Handshake::framesAfterTheRequestAreKept()
{
    const QByteArray request = handshakeRows().first().request;
    Handshake handshake;
    QCOMPARE(handshake.feed(QByteArray(request + "\x81\x85")), Handshake::Outcome::Upgrade);
    QCOMPARE(handshake.takeRemainder(), "\x81\x85"_ba);
    QCOMPARE(handshake.takeRemainder(), QByteArray());
}

void tst_Handshake::incompleteUntilTheBlankLine()
{
    const QByteArray request = handshakeRows().first().request;
    Handshake handshake;
    QCOMPARE(handshake.feed(request.chopped(2)), Handshake::Outcome::Incomplete);
    QCOMPARE(handshake.status(), 0);
    QCOMPARE(handshake.feed("\r\n"), Handshake::Outcome::Upgrade);
}

void tst_Handshake::refusalIsFinal()
{
    Handshake handshake;
    QCOMPARE(handshake.feed("POST / HTTP/1.1\r\n"), Handshake::Outcome::Refuse);
    QCOMPARE(handshake.feed(handshakeRows().first().request), Handshake::Outcome::Refuse);
    QCOMPARE(handshake.status(), 400);
}

QTEST_GUILESS_MAIN(tst_Handshake)
#include "tst_handshake.moc"
