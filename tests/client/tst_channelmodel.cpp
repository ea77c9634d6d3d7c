// ChannelModel under QAbstractItemModelTester: creation order whatever the names or the
// server's order, single-row inserts, replacement in place, loaded or not yet, unread counts
// with their signals, unread counts kept across a reload and counts restored before their
// channel is listed; the server's counts, mentions and notification levels (part "read").

#include "channelmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Qt::StringLiterals;

namespace {

Channel channel(qint64 id, const QString &name, const QString &topic = {})
{
    return Channel {id, name, topic};
}

Channel direct(qint64 id, const QList<User> &members)
{
    Channel channel {id, {}, {}};
    channel.kind = Channel::Kind::Direct;
    channel.members = members;
    return channel;
}

const User Ada {1, u"ada"_s, Role::Member};
const User Bob {2, u"bob"_s, Role::Member};
const User Carol {3, u"carol"_s, Role::Member};

QStringList namesOf(const QAbstractItemModel &model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names.append(model.index(row, 0).data(ChannelModel::NameRole).toString());
    return names;
}

} // namespace

class tst_ChannelModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void creationOrder();
    void upsertInsertsInOrder_data();
    void upsertInsertsInOrder();
    void upsertReplacesInPlace();
    void unreadCounts();
    void reloadKeepsUnread();
    void unreadBeforeListed();
    void serverCountsMentionsAndLevels();
    void directConversations();
};

void tst_ChannelModel::creationOrder()
{
    ChannelModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QVERIFY(!model.isLoaded());
    // In the server's order (by name): the model keeps creation order, which is by id.
    model.setChannels({channel(2, u"Books"_s), channel(4, u"books"_s),
        channel(1, u"general"_s, u"Anything"_s), channel(3, u"random"_s)});
    QCOMPARE(reset.size(), 1);
    QVERIFY(model.isLoaded());
    QCOMPARE(namesOf(model), (QStringList {u"general"_s, u"Books"_s, u"random"_s, u"books"_s}));
    QCOMPARE(model.rowOf(1), 0);
    QCOMPARE(model.rowOf(99), -1);
    const QModelIndex general = model.index(0, 0);
    QCOMPARE(general.data(ChannelModel::IdRole).toLongLong(), qint64(1));
    QCOMPARE(general.data(ChannelModel::TopicRole).toString(), u"Anything"_s);
    QCOMPARE(general.data(Qt::ToolTipRole).toString(), u"Anything"_s);
    QCOMPARE(general.data(Qt::DisplayRole).toString(), u"general"_s);
    QCOMPARE(general.data(ChannelModel::UnreadRole).toInt(), 0);
    QCOMPARE(model.channelAt(1).id, qint64(2));
    QCOMPARE(model.roleNames().value(ChannelModel::UnreadRole), QByteArray("unread"));

    // An empty list from the server is loaded too: there are no channels.
    ChannelModel empty;
    empty.setChannels({});
    QVERIFY(empty.isLoaded());
}

void tst_ChannelModel::upsertInsertsInOrder_data()
{
    // Whatever the name: a channel created after the others goes last, one that was missed
    // (listed by a later reload) where its id puts it.
    QTest::addColumn<qint64>("id");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("row");
    QTest::addRow("new, a name first in the alphabet") << qint64(10) << u"Alpha"_s << 3;
    QTest::addRow("new, a name last in the alphabet") << qint64(11) << u"zoo"_s << 3;
    QTest::addRow("an older id between the others") << qint64(2) << u"help"_s << 1;
}

void tst_ChannelModel::upsertInsertsInOrder()
{
    QFETCH(qint64, id);
    QFETCH(QString, name);
    QFETCH(int, row);
    ChannelModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setChannels({channel(1, u"general"_s), channel(3, u"random"_s), channel(4, u"tea"_s)});
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.upsert(channel(id, name));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), row);
    QCOMPARE(model.rowOf(id), row);
    QCOMPARE(model.rowCount(), 4);
    // The others keep their rows relative to each other.
    QVERIFY(model.rowOf(1) < model.rowOf(3) && model.rowOf(3) < model.rowOf(4));
    // The same channel again (channel.created after our own create's reply) adds nothing.
    model.upsert(channel(id, name));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.rowCount(), 4);
}

void tst_ChannelModel::upsertReplacesInPlace()
{
    ChannelModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setChannels({channel(1, u"general"_s), channel(2, u"random"_s), channel(3, u"tea"_s)});
    model.addUnread(1, 2);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.upsert(channel(1, u"zzz"_s, u"new topic"_s));
    QCOMPARE(namesOf(model), (QStringList {u"zzz"_s, u"random"_s, u"tea"_s}));
    QCOMPARE(removed.size(), 0);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 0);
    QCOMPARE(model.index(0, 0).data(ChannelModel::TopicRole).toString(), u"new topic"_s);
    QCOMPARE(model.unread(1), 2);
    QCOMPARE(model.totalUnread(), 2);
}

void tst_ChannelModel::unreadCounts()
{
    ChannelModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setChannels({channel(1, u"general"_s), channel(2, u"random"_s)});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy total(&model, &ChannelModel::totalUnreadChanged);

    model.addUnread(2);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 1);
    QCOMPARE(changed.at(0).at(2).value<QList<int>>(), QList<int> {ChannelModel::UnreadRole});
    QCOMPARE(total.size(), 1);
    QCOMPARE(total.at(0).at(0).toInt(), 1);
    model.addUnread(2, 3);
    model.addUnread(1);
    QCOMPARE(model.unread(2), 4);
    QCOMPARE(model.unread(1), 1);
    QCOMPARE(model.totalUnread(), 5);
    QCOMPARE(total.last().at(0).toInt(), 5);

    // Unknown channels and zero counts change nothing.
    changed.clear();
    total.clear();
    model.addUnread(99);
    model.addUnread(1, 0);
    model.clearUnread(99);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(total.size(), 0);
    QCOMPARE(model.unread(99), 0);

    model.clearUnread(2);
    QCOMPARE(model.unread(2), 0);
    QCOMPARE(total.size(), 1);
    QCOMPARE(total.at(0).at(0).toInt(), 1);
    QCOMPARE(changed.size(), 1);
    // Clearing twice is silent.
    model.clearUnread(2);
    QCOMPARE(total.size(), 1);
    QCOMPARE(changed.size(), 1);
}

void tst_ChannelModel::reloadKeepsUnread()
{
    ChannelModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setChannels({channel(1, u"general"_s), channel(2, u"random"_s)});
    model.addUnread(1, 2);
    model.addUnread(2, 5);
    QSignalSpy total(&model, &ChannelModel::totalUnreadChanged);
    // random is gone, a new one came.
    model.setChannels({channel(1, u"general"_s), channel(3, u"new"_s)});
    QCOMPARE(model.unread(1), 2);
    QCOMPARE(model.unread(3), 0);
    QCOMPARE(model.totalUnread(), 2);
    QCOMPARE(total.size(), 1);
    QCOMPARE(total.at(0).at(0).toInt(), 2);
    // The same list again: nothing to report.
    model.setChannels({channel(1, u"general"_s), channel(3, u"new"_s)});
    QCOMPARE(total.size(), 1);
}

void tst_ChannelModel::unreadBeforeListed()
{
    // Counts restored at start come before channel.list answers: they wait for their channel.
    ChannelModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy total(&model, &ChannelModel::totalUnreadChanged);
    model.addUnread(1, 3);
    model.addUnread(2, 1);
    model.addUnread(9, 4);
    QCOMPARE(model.totalUnread(), 0); // nothing listed, nothing shown
    QCOMPARE(model.unreadCounts(), (QHash<qint64, int> {{1, 3}, {2, 1}, {9, 4}}));
    model.clearUnread(2);
    model.setChannels({channel(1, u"general"_s), channel(2, u"random"_s)});
    QCOMPARE(model.unread(1), 3);
    QCOMPARE(model.unread(2), 0);
    QCOMPARE(model.totalUnread(), 3);
    QCOMPARE(total.size(), 1);
    // One created later takes its count too, once.
    model.upsert(channel(9, u"late"_s));
    QCOMPARE(model.unread(9), 4);
    QCOMPARE(model.totalUnread(), 7);
    model.setChannels({channel(1, u"general"_s), channel(2, u"random"_s), channel(9, u"late"_s)});
    QCOMPARE(model.unread(9), 4);
    QCOMPARE(model.unreadCounts(), (QHash<qint64, int> {{1, 3}, {9, 4}}));
}

void tst_ChannelModel::serverCountsMentionsAndLevels()
{
    // Part "read": read.state replaces the counts; mentions and levels are roles of the row.
    ChannelModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setChannels({channel(1, u"general"_s), channel(2, u"random"_s)});
    model.addUnread(1, 5);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy total(&model, &ChannelModel::totalUnreadChanged);
    model.setCounts(1, 2, 1);
    QCOMPARE(model.unread(1), 2);
    QCOMPARE(model.index(0).data(ChannelModel::MentionsRole).toInt(), 1);
    QCOMPARE(total.size(), 1);
    QCOMPARE(changed.size(), 2); // mentions, then unread, each on row 0 only
    for (const QList<QVariant> &args : std::as_const(changed)) {
        QCOMPARE(args.at(0).toModelIndex().row(), 0);
        QCOMPARE(args.at(1).toModelIndex().row(), 0);
    }
    model.addMention(1);
    QCOMPARE(model.mentions(1), 2);
    // The same counts again: nothing to report.
    changed.clear();
    model.setCounts(1, 2, 2);
    QCOMPARE(changed.size(), 0);
    // Reading clears both.
    model.clearUnread(1);
    QCOMPARE(model.unread(1), 0);
    QCOMPARE(model.mentions(1), 0);

    // Levels: "all" unless chosen; a channel not listed yet keeps its level and counts.
    QCOMPARE(model.index(1).data(ChannelModel::NotifyRole).toString(), u"all"_s);
    changed.clear();
    model.setNotifyLevel(2, u"none"_s);
    QCOMPARE(model.index(1).data(ChannelModel::NotifyRole).toString(), u"none"_s);
    QCOMPARE(changed.size(), 1);
    model.setNotifyLevel(2, u"none"_s);
    QCOMPARE(changed.size(), 1);
    model.setNotifyLevel(9, u"mentions"_s);
    model.setCounts(9, 4, 1);
    model.upsert(channel(9, u"late"_s));
    QCOMPARE(model.unread(9), 4);
    QCOMPARE(model.mentions(9), 1);
    QCOMPARE(model.index(model.rowOf(9)).data(ChannelModel::NotifyRole).toString(), u"mentions"_s);
    model.resetNotifyLevels();
    QCOMPARE(model.notifyLevel(2), u"all"_s);
    QCOMPARE(model.notifyLevel(9), u"all"_s);
}

void tst_ChannelModel::directConversations()
{
    ChannelModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setUserId(Ada.id);
    model.setChannels({channel(1, u"general"_s), channel(4, u"random"_s)});
    QVERIFY(!model.isDirectLoaded());
    // dm.list replaces the conversations only; each is named by its members but the user.
    model.setChannels({direct(3, {Ada, Bob}), direct(5, {Ada, Bob, Carol})}, Channel::Kind::Direct);
    QVERIFY(model.isDirectLoaded());
    QCOMPARE(namesOf(model), (QStringList {u"general"_s, u"bob"_s, u"random"_s, u"bob, carol"_s}));
    QCOMPARE(model.index(1, 0).data(ChannelModel::DirectRole).toBool(), true);
    QCOMPARE(model.index(0, 0).data(ChannelModel::DirectRole).toBool(), false);
    QCOMPARE(model.directWith({Bob.id}), 3);
    QCOMPARE(model.directWith({Carol.id, Bob.id, Ada.id}), 5);
    QCOMPARE(model.directWith({Carol.id}), 0);

    // A reload of the public channels keeps the conversations and their counts.
    model.addUnread(3, 2);
    model.setChannels({channel(1, u"general"_s)});
    QCOMPARE(namesOf(model), (QStringList {u"general"_s, u"bob"_s, u"bob, carol"_s}));
    QCOMPARE(model.unread(3), 2);
    QCOMPARE(model.totalUnread(), 2);

    // A rename follows into the names.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.renameUser(User {Bob.id, u"robert"_s, Role::Member});
    QCOMPARE(namesOf(model), (QStringList {u"general"_s, u"robert"_s, u"robert, carol"_s}));
    QCOMPARE(changed.size(), 2);
    // Live, one row at a time.
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.upsert(direct(6, {Ada, Carol}));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.directWith({Carol.id}), 6);
}

QTEST_GUILESS_MAIN(tst_ChannelModel)
#include "tst_channelmodel.moc"
