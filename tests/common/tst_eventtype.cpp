#include "eventtype.h"

#include <QTest>

#include <cstddef>

using namespace Qt::StringLiterals;
using namespace Hubbub;

//! Checks the append-only event table against protocol v1.
class tst_EventType : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyTypeRoundTrips();
    void tableMatchesSpec();
    void unknownNameIsUnknown_data();
    void unknownNameIsUnknown();
    void namesFollowTheTable();
};

namespace {

// The events of the "Verbs" table of protocol-v1.md, in the order the enum appends them.
const QStringList specEvents = {
    u"user.renamed"_s,
    u"post.created"_s,
    u"post.updated"_s,
    u"post.deleted"_s,
    u"review.created"_s,
    u"channel.created"_s,
    u"message.created"_s,
    u"message.updated"_s,
    u"message.deleted"_s,
};

} // namespace

void tst_EventType::everyTypeRoundTrips()
{
    for (std::size_t i = 0; i < eventTypeNames.size(); ++i) {
        const auto type = static_cast<EventType>(i);
        const QString name = eventTypeName(type);
        QVERIFY2(!name.isEmpty(), qPrintable(QString::number(i)));
        QCOMPARE(eventTypeFromName(name), std::optional<EventType>(type));
    }
}

void tst_EventType::tableMatchesSpec()
{
    // v1's events come first, in its order; extensions (docs/protocol.md) append after them.
    QStringList names;
    for (const char *name : eventTypeNames)
        names.append(QString::fromLatin1(name));
    QCOMPARE(names.mid(0, specEvents.size()), specEvents);
}

void tst_EventType::unknownNameIsUnknown_data()
{
    QTest::addColumn<QString>("name");
    QTest::addRow("empty") << QString();
    QTest::addRow("a verb") << u"post.create"_s;
    QTest::addRow("other case") << u"Post.Created"_s;
    QTest::addRow("trailing space") << u"post.created "_s;
    QTest::addRow("a later extension") << u"reaction.added"_s;
    QTest::addRow("a prefix of a name") << u"post."_s;
}

void tst_EventType::unknownNameIsUnknown()
{
    QFETCH(QString, name);
    QCOMPARE(eventTypeFromName(name), std::nullopt);
}

void tst_EventType::namesFollowTheTable()
{
    // The Events:: constants are read from the table, so the two cannot drift apart.
    QCOMPARE(QString::fromLatin1(Events::UserRenamed), u"user.renamed"_s);
    QCOMPARE(QString::fromLatin1(Events::PostCreated), u"post.created"_s);
    QCOMPARE(QString::fromLatin1(Events::PostUpdated), u"post.updated"_s);
    QCOMPARE(QString::fromLatin1(Events::PostDeleted), u"post.deleted"_s);
    QCOMPARE(QString::fromLatin1(Events::ReviewCreated), u"review.created"_s);
    QCOMPARE(QString::fromLatin1(Events::ChannelCreated), u"channel.created"_s);
    QCOMPARE(QString::fromLatin1(Events::MessageCreated), u"message.created"_s);
    QCOMPARE(QString::fromLatin1(Events::MessageUpdated), u"message.updated"_s);
    QCOMPARE(QString::fromLatin1(Events::MessageDeleted), u"message.deleted"_s);
    QCOMPARE(QString::fromLatin1(Events::Hidden), u"hidden"_s);
}

QTEST_APPLESS_MAIN(tst_EventType)
#include "tst_eventtype.moc"
