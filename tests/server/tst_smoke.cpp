#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QTest>

using namespace Hubbub::Test;

class tst_Smoke : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void postReachesOtherClient();
};

void tst_Smoke::postReachesOtherClient()
{
    TestServer server;
    QVERIFY(server.start());
    TestClient ada, bob;
    QVERIFY(ada.open(server.url()));
    QVERIFY(bob.open(server.url()));
    QCOMPARE(ada.registerUser(QStringLiteral("ada")).value(QLatin1StringView("ok")).toBool(), true);
    QCOMPARE(bob.registerUser(QStringLiteral("bob")).value(QLatin1StringView("ok")).toBool(), true);
    const QJsonObject created = ada.request(QStringLiteral("post.create"),
        {{QStringLiteral("title"), QStringLiteral("Hi")}, {QStringLiteral("content"), QString()}});
    QVERIFY2(created.value(QLatin1StringView("ok")).toBool(), qPrintable(errorCode(created)));
    const QJsonObject event = bob.waitEventNamed(QStringLiteral("post.created"));
    QCOMPARE(event.value(QLatin1StringView("seq")).toInteger(),
        created.value(QLatin1StringView("seq")).toInteger());
    QCOMPARE(event.value(QLatin1StringView("post"))
                 .toObject()
                 .value(QLatin1StringView("title"))
                 .toString(),
        QStringLiteral("Hi"));
}

QTEST_GUILESS_MAIN(tst_Smoke)
#include "tst_smoke.moc"
