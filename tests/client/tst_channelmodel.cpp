// ChannelModel under QAbstractItemModelTester: sorted by name ignoring case, single-row inserts
// and moves, unread counts with their signals, unread counts kept across a reload and
// counts restored before their channel is listed.

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
    void sortedByName();
    void upsertInsertsInOrder_data();
    void upsertInsertsInOrder();
    void upsertReplacesAndMoves();
    void unreadCounts();
    void reloadKeepsUnread();
    void unreadBeforeListed();
};

void tst_ChannelModel::sortedByName()
{
    ChannelModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setChannels({channel(3, u"random"_s), channel(1, u"general"_s, u"Anything"_s),
        channel(2, u"Books"_s), channel(4, u"books"_s)});
    QCOMPARE(reset.size(), 1);
    // Case-insensitive, ties by id.
    QCOMPARE(namesOf(model), (QStringList {u"Books"_s, u"books"_s, u"general"_s, u"random"_s}));
    QCOMPARE(model.rowOf(1), 2);
    QCOMPARE(model.rowOf(99), -1);
    const QModelIndex general = model.index(2, 0);
    QCOMPARE(general.data(ChannelModel::IdRole).toLongLong(), qint64(1));
    QCOMPARE(general.data(ChannelModel::TopicRole).toString(), u"Anything"_s);
    QCOMPARE(general.data(Qt::ToolTipRole).toString(), u"Anything"_s);
    QCOMPARE(general.data(Qt::DisplayRole).toString(), u"general"_s);
    QCOMPARE(general.data(ChannelModel::UnreadRole).toInt(), 0);
    QCOMPARE(model.channelAt(0).id, qint64(2));
    QCOMPARE(model.roleNames().value(ChannelModel::UnreadRole), QByteArray("unread"));
}

void tst_ChannelModel::upsertInsertsInOrder_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("row");
    QTest::addRow("first") << u"Alpha"_s << 0;
    QTest::addRow("middle") << u"help"_s << 1;
    QTest::addRow("last") << u"zoo"_s << 3;
    QTest::addRow("same name other case, after") << u"General"_s << 1;
}

void tst_ChannelModel::upsertInsertsInOrder()
{
    QFETCH(QString, name);
    QFETCH(int, row);
    ChannelModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setChannels({channel(1, u"general"_s), channel(2, u"random"_s), channel(3, u"tea"_s)});
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.upsert(channel(10, name));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), row);
    QCOMPARE(model.rowOf(10), row);
    QCOMPARE(model.rowCount(), 4);
    // The same channel again (channel.created after our own create's reply) adds nothing.
    model.upsert(channel(10, name));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.rowCount(), 4);
}

void tst_ChannelModel::upsertReplacesAndMoves()
{
    ChannelModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setChannels({channel(1, u"general"_s), channel(2, u"random"_s), channel(3, u"tea"_s)});
    model.addUnread(1, 2);
    model.upsert(channel(1, u"zzz"_s, u"moved"_s));
    QCOMPARE(namesOf(model), (QStringList {u"random"_s, u"tea"_s, u"zzz"_s}));
    QCOMPARE(model.rowOf(1), 2);
    // The unread count moves with it.
    QCOMPARE(model.unread(1), 2);
    QCOMPARE(model.index(2, 0).data(ChannelModel::UnreadRole).toInt(), 2);
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

QTEST_GUILESS_MAIN(tst_ChannelModel)
#include "tst_channelmodel.moc"
