// The discovery datagram (common/discovery.h): what the server announces and the app reads
// round-trips, and every malformed, oversized or out-of-range datagram is Invalid.

#include "discovery.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Hubbub;
using namespace Qt::StringLiterals;

class tst_DiscoveryDatagram : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void query();
    void invalid_data();
    void invalid();
    void loopbackListenerKeepsLoopbackOnly();
};

namespace {

const QString Fingerprint = u"AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:"
                            u"AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89"_s;

QJsonObject valid()
{
    return {{u"hubbub-discovery"_s, 1}, {u"kind"_s, u"announce"_s}, {u"id"_s, u"a1b2c3d4e5"_s},
        {u"name"_s, u"Büro 3 — 会議室"_s}, {u"port"_s, 7300}, {u"tls"_s, true},
        {u"fingerprint"_s, Fingerprint}};
}

QByteArray bytesOf(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

void tst_DiscoveryDatagram::roundTrip()
{
    Discovery::Announcement a;
    a.id = u"Zx9_-0123456789"_s;
    a.name = u"المكتب 🏢"_s;
    a.port = 7443;
    a.tls = true;
    a.fingerprint = Fingerprint;
    const QByteArray bytes = Discovery::encodeAnnouncement(a);
    QVERIFY(bytes.size() < Discovery::MaxDatagramBytes);
    const Discovery::Datagram d = Discovery::decode(bytes);
    QCOMPARE(d.kind, Discovery::Kind::Announcement);
    QCOMPARE(d.announcement.id, a.id);
    QCOMPARE(d.announcement.name, a.name);
    QCOMPARE(d.announcement.port, a.port);
    QVERIFY(d.announcement.tls);
    QCOMPARE(d.announcement.fingerprint, Fingerprint);
    QVERIFY(!d.announcement.leaving);

    a.tls = false;
    a.leaving = true;
    const Discovery::Datagram plain = Discovery::decode(Discovery::encodeAnnouncement(a));
    QCOMPARE(plain.kind, Discovery::Kind::Announcement);
    QVERIFY(!plain.announcement.tls);
    QVERIFY(plain.announcement.fingerprint.isEmpty()); // none without TLS
    QVERIFY(plain.announcement.leaving);

    // The longest name allowed, in four-byte characters, still fits a datagram.
    a.tls = true;
    a.id = QString(64, u'x');
    a.name = QString();
    for (int i = 0; i < Discovery::NameMax / 2; ++i)
        a.name += u"😀"_s;
    QVERIFY(Discovery::encodeAnnouncement(a).size() <= Discovery::MaxDatagramBytes);
    QCOMPARE(
        Discovery::decode(Discovery::encodeAnnouncement(a)).kind, Discovery::Kind::Announcement);
}

void tst_DiscoveryDatagram::query()
{
    QCOMPARE(Discovery::decode(Discovery::encodeQuery()).kind, Discovery::Kind::Query);
    QCOMPARE(Discovery::group().toString(), u"239.255.73.0"_s);
    QVERIFY(Discovery::group().isMulticast());
}

void tst_DiscoveryDatagram::invalid_data()
{
    QTest::addColumn<QByteArray>("bytes");
    auto with = [](const QString &key, const QJsonValue &value) {
        QJsonObject o = valid();
        if (value.isUndefined())
            o.remove(key);
        else
            o.insert(key, value);
        return bytesOf(o);
    };
    QTest::addRow("empty") << QByteArray();
    QTest::addRow("not JSON") << QByteArray("hello hubbub");
    QTest::addRow("array") << QByteArray("[1,2,3]");
    QTest::addRow("truncated") << bytesOf(valid()).chopped(3);
    QTest::addRow("no magic") << with(u"hubbub-discovery"_s, QJsonValue::Undefined);
    QTest::addRow("version 2") << with(u"hubbub-discovery"_s, 2);
    QTest::addRow("version as text") << with(u"hubbub-discovery"_s, u"1"_s);
    QTest::addRow("unknown kind") << with(u"kind"_s, u"goodbye"_s);
    QTest::addRow("id too short") << with(u"id"_s, u"abc"_s);
    QTest::addRow("id too long") << with(u"id"_s, QString(65, u'a'));
    QTest::addRow("id with a slash") << with(u"id"_s, u"abcd/efgh"_s);
    QTest::addRow("no name") << with(u"name"_s, QJsonValue::Undefined);
    QTest::addRow("blank name") << with(u"name"_s, u"   "_s);
    QTest::addRow("name too long") << with(u"name"_s, QString(64, u'n'));
    QTest::addRow("name with a control character") << with(u"name"_s, u"a\u0007b"_s);
    QTest::addRow("name with a bidi override") << with(u"name"_s, u"a\u202Eb"_s);
    QTest::addRow("port 0") << with(u"port"_s, 0);
    QTest::addRow("port 65536") << with(u"port"_s, 65536);
    QTest::addRow("port fraction") << with(u"port"_s, 7300.5);
    QTest::addRow("port as text") << with(u"port"_s, u"7300"_s);
    QTest::addRow("tls as text") << with(u"tls"_s, u"yes"_s);
    QTest::addRow("tls without fingerprint") << with(u"fingerprint"_s, QJsonValue::Undefined);
    QTest::addRow("fingerprint lower case") << with(u"fingerprint"_s, Fingerprint.toLower());
    QTest::addRow("fingerprint short") << with(u"fingerprint"_s, Fingerprint.left(92));
    QByteArray oversized = bytesOf(valid());
    oversized.insert(oversized.size() - 1, ",\"pad\":\"" + QByteArray(1024, 'p') + '"');
    QTest::addRow("oversized") << oversized;
}

void tst_DiscoveryDatagram::invalid()
{
    QFETCH(QByteArray, bytes);
    QCOMPARE(Discovery::decode(bytes).kind, Discovery::Kind::Invalid);
}

void tst_DiscoveryDatagram::loopbackListenerKeepsLoopbackOnly()
{
    const QList<QNetworkInterface> chosen = Discovery::interfaces(QHostAddress::LocalHost);
    QCOMPARE(chosen.size(), 1);
    QVERIFY(chosen.first().flags().testFlag(QNetworkInterface::IsLoopBack));
    // An address no interface holds: nowhere to announce.
    QVERIFY(Discovery::interfaces(QHostAddress(u"192.0.2.77"_s)).isEmpty());
}

QTEST_GUILESS_MAIN(tst_DiscoveryDatagram)
#include "tst_discoverydatagram.moc"
