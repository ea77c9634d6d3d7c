// PeopleModel under QAbstractItemModelTester: who is online, sorted by name ignoring case, with
// single-row inserts, removals and moves for presence frames and renames, and known only from
// a presence list until the connection drops.

#include "peoplemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Qt::StringLiterals;

namespace {

User user(qint64 id, const QString &name, Role role = Role::Member)
{
    return User {id, name, role};
}

QStringList namesOf(const QAbstractItemModel &model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names.append(model.index(row, 0).data(PeopleModel::UsernameRole).toString());
    return names;
}

} // namespace

class tst_PeopleModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listSortedAndDeduplicated();
    void presence_data();
    void presence();
    void renameMoves();
    void clear();
    void everyoneIncludesThoseOffline();
};

void tst_PeopleModel::listSortedAndDeduplicated()
{
    PeopleModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setUsers({user(3, u"carol"_s), user(1, u"Ada"_s, Role::Admin), user(2, u"bob"_s),
        user(3, u"carol"_s)});
    QCOMPARE(reset.size(), 1);
    QCOMPARE(namesOf(model), (QStringList {u"Ada"_s, u"bob"_s, u"carol"_s}));
    QCOMPARE(model.index(0, 0).data(PeopleModel::AdminRole).toBool(), true);
    QCOMPARE(model.index(1, 0).data(PeopleModel::AdminRole).toBool(), false);
    QCOMPARE(model.index(1, 0).data(PeopleModel::IdRole).toLongLong(), qint64(2));
    QCOMPARE(model.index(1, 0).data(Qt::DisplayRole).toString(), u"bob"_s);
    QVERIFY(model.isOnline(2));
    QVERIFY(!model.isOnline(4));
    QCOMPARE(model.roleNames().value(PeopleModel::UsernameRole), QByteArray("username"));
}

void tst_PeopleModel::presence_data()
{
    QTest::addColumn<User>("who");
    QTest::addColumn<bool>("online");
    QTest::addColumn<bool>("changes");
    QTest::addColumn<QStringList>("names");

    QTest::addRow("online, first")
        << user(5, u"aaron"_s) << true << true << QStringList {u"aaron"_s, u"bob"_s, u"dan"_s};
    QTest::addRow("online, middle")
        << user(5, u"Cleo"_s) << true << true << QStringList {u"bob"_s, u"Cleo"_s, u"dan"_s};
    QTest::addRow("online, last") << user(5, u"zed"_s) << true << true
                                  << QStringList {u"bob"_s, u"dan"_s, u"zed"_s};
    QTest::addRow("online, already")
        << user(2, u"bob"_s) << true << false << QStringList {u"bob"_s, u"dan"_s};
    QTest::addRow("offline") << user(2, u"bob"_s) << false << true << QStringList {u"dan"_s};
    QTest::addRow("offline, not listed")
        << user(9, u"eve"_s) << false << false << QStringList {u"bob"_s, u"dan"_s};
}

void tst_PeopleModel::presence()
{
    QFETCH(User, who);
    QFETCH(bool, online);
    QFETCH(bool, changes);
    QFETCH(QStringList, names);

    PeopleModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setUsers({user(2, u"bob"_s), user(4, u"dan"_s)});
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QCOMPARE(model.setOnline(who, online), changes);
    QCOMPARE(namesOf(model), names);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(inserted.size(), changes && online ? 1 : 0);
    QCOMPARE(removed.size(), changes && !online ? 1 : 0);
    if (changes && online)
        QCOMPARE(inserted.at(0).at(1).toInt(), int(names.indexOf(who.username)));
    QCOMPARE(model.isOnline(who.id), online);
}

void tst_PeopleModel::renameMoves()
{
    PeopleModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setUsers({user(1, u"ada"_s), user(2, u"bob"_s), user(3, u"carol"_s)});
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.renameUser(user(1, u"zara"_s));
    QCOMPARE(namesOf(model), (QStringList {u"bob"_s, u"carol"_s, u"zara"_s}));
    QCOMPARE(model.rowOf(1), 2);
    QCOMPARE(reset.size(), 0);
    // Renaming someone offline, or to the same name, changes nothing.
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.renameUser(user(9, u"eve"_s));
    model.renameUser(user(2, u"bob"_s));
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(model.rowCount(), 3);
}

void tst_PeopleModel::everyoneIncludesThoseOffline()
{
    PeopleModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setUsers({user(2, u"bob"_s)});
    // user.list: everyone, bob online among them; the rows stay who is online.
    model.setEveryone({user(1, u"Ada"_s), user(2, u"bob"_s), user(3, u"김민준"_s)});
    QCOMPARE(namesOf(model), QStringList {u"bob"_s});
    QCOMPARE(model.everyonesNames(), (QStringList {u"Ada"_s, u"bob"_s, u"김민준"_s}));
    // A new account comes online before the next user.list; a rename of someone offline.
    QVERIFY(model.setOnline(user(4, u"carol"_s), true));
    model.renameUser(user(1, u"zara"_s));
    QCOMPARE(model.everyonesNames(), (QStringList {u"bob"_s, u"carol"_s, u"zara"_s, u"김민준"_s}));
    // Offline, nobody is online, but the people are still known.
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.everyonesNames().size(), 4);
}

void tst_PeopleModel::clear()
{
    PeopleModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QVERIFY(!model.isKnown());
    model.clear();
    QCOMPARE(reset.size(), 0);
    model.setUsers({user(1, u"ada"_s)});
    QVERIFY(model.isKnown());
    model.clear();
    QCOMPARE(reset.size(), 2);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.isOnline(1));
    QVERIFY(!model.isKnown());
    // An empty list from the server is known (nobody), unlike a cleared one; clearing it tells
    // the views, which must stop showing "0 online".
    model.setUsers({});
    QVERIFY(model.isKnown());
    model.clear();
    QCOMPARE(reset.size(), 4);
    QVERIFY(!model.isKnown());
}

QTEST_GUILESS_MAIN(tst_PeopleModel)
#include "tst_peoplemodel.moc"
