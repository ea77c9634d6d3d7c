#include "csv.h"

#include <QTest>

using namespace Hubbub::Cli;
using namespace Qt::StringLiterals;

class tst_Csv : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void field_data();
    void field();
    void record();
};

void tst_Csv::field_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("written");
    QTest::addRow("plain") << u"hello"_s << "hello"_ba;
    QTest::addRow("empty") << QString() << ""_ba;
    QTest::addRow("comma") << u"a,b"_s << "\"a,b\""_ba;
    QTest::addRow("quote") << u"say \"hi\""_s << "\"say \"\"hi\"\"\""_ba;
    QTest::addRow("lf") << u"one\ntwo"_s << "\"one\ntwo\""_ba;
    QTest::addRow("cr") << u"one\rtwo"_s << "\"one\rtwo\""_ba;
    QTest::addRow("leading space") << u" x"_s << "\" x\""_ba;
    QTest::addRow("hangul") << u"회의는 내일"_s << u"회의는 내일"_s.toUtf8();
    QTest::addRow("only a quote") << u"\""_s << "\"\"\"\""_ba;
}

void tst_Csv::field()
{
    QFETCH(QString, value);
    QFETCH(QByteArray, written);
    QCOMPARE(Csv::field(value), written);
}

void tst_Csv::record()
{
    QCOMPARE(Csv::record({u"1"_s, u"a,b"_s, QString()}), "1,\"a,b\",\r\n"_ba);
    QCOMPARE(Csv::record({}), "\r\n"_ba);
}

QTEST_GUILESS_MAIN(tst_Csv)
#include "tst_csv.moc"
