// Outbox: nonces for creates only, the queue saved to a file on every change and read back by a
// new Outbox (an app restart), status changes, editing a queued entry without losing its nonce,
// retry and remove, and switching files; the change table names every queued verb once, and
// the one rule for which queued change a row of a view stands for.

#include "outbox.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Qt::StringLiterals;

namespace {

QString nonceOf(const Outbox::Entry &entry)
{
    return entry.params.value("nonce"_L1).toString();
}

//! The file as saved, entries in order.
QJsonArray savedEntries(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).array();
}

} // namespace

class tst_Outbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noncesForCreatesOnly_data();
    void noncesForCreatesOnly();
    void noncesAreUnique();
    void targetAndChannel();
    void queueOrderAndStatus();
    void persistsAndLoads();
    void sendingBecomesQueuedOnLoad();
    void updateParamsKeepsNonce();
    void retryAndRemove();
    void uploadedImageReplacesBytes();
    void openSwitchesFiles();
    void damagedFile();
    void memoryOnly();
    void changeTableNamesEachVerbOnce();
    void unknownVerbIsNotQueued();
    void changeShownByRow();
    void inFlightAndFaults();
};

void tst_Outbox::noncesForCreatesOnly_data()
{
    QTest::addColumn<MessageType>("type");
    QTest::addColumn<bool>("hasNonce");
    QTest::addRow("post.create") << MessageType::PostCreate << true;
    QTest::addRow("chat.send") << MessageType::ChatSend << true;
    QTest::addRow("post.update") << MessageType::PostUpdate << false;
    QTest::addRow("post.delete") << MessageType::PostDelete << false;
    QTest::addRow("review.create") << MessageType::ReviewCreate << true;
    QTest::addRow("chat.edit") << MessageType::ChatEdit << false;
    QTest::addRow("chat.delete") << MessageType::ChatDelete << false;
}

void tst_Outbox::noncesForCreatesOnly()
{
    QFETCH(MessageType, type);
    QFETCH(bool, hasNonce);
    Outbox outbox;
    QSignalSpy added(&outbox, &Outbox::added);
    QSignalSpy count(&outbox, &Outbox::countChanged);
    const QString localId = outbox.enqueue(type, {{u"postId"_s, 7}});
    QVERIFY(!localId.isEmpty());
    QCOMPARE(added.size(), 1);
    QCOMPARE(count.size(), 1);
    QCOMPARE(count.at(0).at(0).toInt(), 1);
    const auto entry = outbox.entry(localId);
    QVERIFY(entry.has_value());
    QCOMPARE(entry->type, type);
    QCOMPARE(entry->status, Outbox::Status::Queued);
    QCOMPARE(entry->params.contains("nonce"_L1), hasNonce);
    if (hasNonce) {
        QVERIFY(!nonceOf(*entry).isEmpty());
        QVERIFY(nonceOf(*entry).size() <= 128); // the protocol's limit
    }
    QCOMPARE(entry->params.value("postId"_L1).toInteger(), 7);
    QVERIFY(entry->createdAtMs > 0);
    QCOMPARE(added.at(0).at(0).value<Outbox::Entry>().localId, localId);
}

void tst_Outbox::noncesAreUnique()
{
    Outbox outbox;
    QSet<QString> nonces;
    QSet<QString> localIds;
    for (int i = 0; i < 50; ++i) {
        const QString localId = outbox.enqueue(MessageType::ChatSend, {{u"text"_s, u"hi"_s}});
        localIds.insert(localId);
        nonces.insert(nonceOf(*outbox.entry(localId)));
    }
    QCOMPARE(nonces.size(), 50);
    QCOMPARE(localIds.size(), 50);
    QCOMPARE(outbox.count(), 50);
}

void tst_Outbox::targetAndChannel()
{
    Outbox outbox;
    const QString edit = outbox.enqueue(
        MessageType::ChatEdit, {{u"messageId"_s, 12}, {u"channelId"_s, 3}, {u"text"_s, u"x"_s}});
    const QString del = outbox.enqueue(MessageType::PostDelete, {{u"postId"_s, 9}});
    const QString send
        = outbox.enqueue(MessageType::ChatSend, {{u"channelId"_s, 4}, {u"text"_s, u"x"_s}});
    QCOMPARE(outbox.entry(edit)->targetId(), 12);
    QCOMPARE(outbox.entry(edit)->channelId(), 3);
    QCOMPARE(outbox.entry(del)->targetId(), 9);
    QCOMPARE(outbox.entry(send)->targetId(), 0);
    QCOMPARE(outbox.entry(send)->channelId(), 4);
}

void tst_Outbox::queueOrderAndStatus()
{
    Outbox outbox;
    QVERIFY(!outbox.nextQueued().has_value());
    const QString a = outbox.enqueue(MessageType::PostCreate, {{u"title"_s, u"a"_s}});
    const QString b = outbox.enqueue(MessageType::PostCreate, {{u"title"_s, u"b"_s}});
    QCOMPARE(outbox.nextQueued()->localId, a);
    QSignalSpy changed(&outbox, &Outbox::changed);
    outbox.setStatus(a, Outbox::Status::Sending);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<Outbox::Entry>().status, Outbox::Status::Sending);
    // The one being sent is not offered again.
    QCOMPARE(outbox.nextQueued()->localId, b);
    outbox.setStatus(a, Outbox::Status::Sending);
    QCOMPARE(changed.size(), 1);
    outbox.setStatus(a, Outbox::Status::Failed, u"No."_s);
    QCOMPARE(outbox.failedCount(), 1);
    QCOMPARE(outbox.entry(a)->error, u"No."_s);
    outbox.setStatus(b, Outbox::Status::Sending);
    QVERIFY(!outbox.nextQueued().has_value());
    // A dropped connection: what was being sent is queued again; failures stay failed.
    outbox.requeueSending();
    QCOMPARE(outbox.entry(b)->status, Outbox::Status::Queued);
    QCOMPARE(outbox.entry(a)->status, Outbox::Status::Failed);
    outbox.setStatus(u"unknown"_s, Outbox::Status::Failed);
    QCOMPARE(outbox.failedCount(), 1);
}

void tst_Outbox::persistsAndLoads()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // The folder does not exist yet: saving makes it.
    const QString path = dir.filePath(u"sub/outbox.json"_s);
    QString post;
    QString message;
    QString nonce;
    {
        Outbox outbox(path);
        QVERIFY(outbox.load());
        QCOMPARE(outbox.count(), 0);
        post = outbox.enqueue(MessageType::PostCreate,
            {{u"title"_s, u"Hello"_s}, {u"content"_s, u"ünïcode ✓"_s}}, QByteArray("\x89PNG", 4),
            u"image/png"_s);
        message
            = outbox.enqueue(MessageType::ChatSend, {{u"channelId"_s, 1}, {u"text"_s, u"hi"_s}});
        outbox.enqueue(MessageType::PostDelete, {{u"postId"_s, 3}}, {}, {}, u"Lunch ✓"_s);
        outbox.setStatus(message, Outbox::Status::Failed, u"Too long."_s);
        nonce = nonceOf(*outbox.entry(post));
        QCOMPARE(savedEntries(path).size(), 3);
    }
    Outbox reopened(path);
    QSignalSpy added(&reopened, &Outbox::added);
    QSignalSpy count(&reopened, &Outbox::countChanged);
    QVERIFY(reopened.load());
    QCOMPARE(added.size(), 3);
    QCOMPARE(count.size(), 1);
    QCOMPARE(count.at(0).at(0).toInt(), 3);
    QCOMPARE(reopened.count(), 3);
    // In the order they were made.
    QCOMPARE(reopened.entries().at(0).localId, post);
    QCOMPARE(reopened.entries().at(1).localId, message);
    QCOMPARE(reopened.entries().at(2).type, MessageType::PostDelete);
    const auto entry = reopened.entry(post);
    QCOMPARE(entry->params.value("content"_L1).toString(), u"ünïcode ✓"_s);
    QCOMPARE(nonceOf(*entry), nonce);
    QCOMPARE(entry->image, QByteArray("\x89PNG", 4));
    QCOMPARE(entry->imageMime, u"image/png"_s);
    QCOMPARE(reopened.entry(message)->status, Outbox::Status::Failed);
    QCOMPARE(reopened.entry(message)->error, u"Too long."_s);
    QCOMPARE(reopened.entries().at(2).targetId(), 3);
    // What the change was for, named for a notice should it be gone by then; never sent.
    QCOMPARE(reopened.entries().at(2).subject, u"Lunch ✓"_s);
    QVERIFY(!reopened.entries().at(2).params.contains("subject"_L1));
    QCOMPARE(entry->subject, QString());
}

void tst_Outbox::sendingBecomesQueuedOnLoad()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"outbox.json"_s);
    QString localId;
    {
        Outbox outbox(path);
        localId = outbox.enqueue(MessageType::PostCreate, {{u"title"_s, u"t"_s}});
        outbox.setStatus(localId, Outbox::Status::Sending);
    }
    // A crash while sending: the entry is queued again on the next start.
    Outbox reopened(path);
    QVERIFY(reopened.load());
    QCOMPARE(reopened.entry(localId)->status, Outbox::Status::Queued);
    QCOMPARE(reopened.nextQueued()->localId, localId);
}

void tst_Outbox::updateParamsKeepsNonce()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"outbox.json"_s);
    Outbox outbox(path);
    const QString localId
        = outbox.enqueue(MessageType::PostCreate, {{u"title"_s, u"x"_s}, {u"content"_s, u""_s}});
    const QString nonce = nonceOf(*outbox.entry(localId));
    outbox.setStatus(localId, Outbox::Status::Failed, u"Bad."_s);
    QSignalSpy changed(&outbox, &Outbox::changed);
    // The new parameters come without the nonce, as an edit dialog would build them.
    QVERIFY(outbox.updateParams(localId, {{u"title"_s, u"better"_s}, {u"content"_s, u"c"_s}}));
    QCOMPARE(changed.size(), 1);
    const auto entry = outbox.entry(localId);
    QCOMPARE(nonceOf(*entry), nonce);
    QCOMPARE(entry->params.value("title"_L1).toString(), u"better"_s);
    QCOMPARE(entry->status, Outbox::Status::Queued);
    QVERIFY(entry->error.isEmpty());
    Outbox reopened(path);
    QVERIFY(reopened.load());
    QCOMPARE(reopened.entry(localId)->params.value("title"_L1).toString(), u"better"_s);
    QCOMPARE(nonceOf(*reopened.entry(localId)), nonce);

    // Not while it is being sent, and not for unknown entries.
    outbox.setStatus(localId, Outbox::Status::Sending);
    QVERIFY(!outbox.updateParams(localId, {{u"title"_s, u"late"_s}}));
    QCOMPARE(outbox.entry(localId)->params.value("title"_L1).toString(), u"better"_s);
    QVERIFY(!outbox.updateParams(u"unknown"_s, {}));

    // An entry without a nonce does not gain one.
    const QString del = outbox.enqueue(MessageType::PostDelete, {{u"postId"_s, 1}});
    QVERIFY(outbox.updateParams(del, {{u"postId"_s, 2}}));
    QVERIFY(!outbox.entry(del)->params.contains("nonce"_L1));
}

void tst_Outbox::retryAndRemove()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"outbox.json"_s);
    Outbox outbox(path);
    const QString a = outbox.enqueue(MessageType::ChatSend, {{u"text"_s, u"a"_s}});
    const QString b = outbox.enqueue(MessageType::ChatSend, {{u"text"_s, u"b"_s}});
    QSignalSpy changed(&outbox, &Outbox::changed);
    // Only a failed entry can be retried.
    outbox.retry(a);
    QCOMPARE(changed.size(), 0);
    outbox.setStatus(a, Outbox::Status::Failed, u"No."_s);
    outbox.retry(a);
    QCOMPARE(outbox.entry(a)->status, Outbox::Status::Queued);
    QVERIFY(outbox.entry(a)->error.isEmpty());
    QCOMPARE(changed.size(), 2);

    QSignalSpy removed(&outbox, &Outbox::removed);
    QSignalSpy count(&outbox, &Outbox::countChanged);
    outbox.remove(a);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.at(0).at(0).value<Outbox::Entry>().localId, a);
    QCOMPARE(count.at(0).at(0).toInt(), 1);
    QVERIFY(!outbox.entry(a).has_value());
    outbox.remove(a);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(savedEntries(path).size(), 1);
    QCOMPARE(savedEntries(path).at(0).toObject().value("localId"_L1).toString(), b);
}

void tst_Outbox::uploadedImageReplacesBytes()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"outbox.json"_s);
    Outbox outbox(path);
    const QString localId = outbox.enqueue(
        MessageType::PostCreate, {{u"title"_s, u"t"_s}}, QByteArray(1000, 'x'), u"image/png"_s);
    const QString id(64, u'a');
    outbox.setUploadedImage(localId, id);
    const auto entry = outbox.entry(localId);
    QVERIFY(entry->image.isEmpty());
    QCOMPARE(entry->params.value("imageId"_L1).toString(), id);
    // After a restart the upload is not repeated.
    Outbox reopened(path);
    QVERIFY(reopened.load());
    QVERIFY(reopened.entry(localId)->image.isEmpty());
    QCOMPARE(reopened.entry(localId)->params.value("imageId"_L1).toString(), id);
}

void tst_Outbox::openSwitchesFiles()
{
    QTemporaryDir dir;
    const QString first = dir.filePath(u"ada.json"_s);
    const QString second = dir.filePath(u"bob.json"_s);
    QString adaEntry;
    {
        Outbox bob(second);
        bob.enqueue(MessageType::ChatSend, {{u"text"_s, u"from bob"_s}});
        bob.enqueue(MessageType::ChatSend, {{u"text"_s, u"again"_s}});
    }
    Outbox outbox;
    QVERIFY(outbox.open(first));
    QCOMPARE(outbox.path(), first);
    adaEntry = outbox.enqueue(MessageType::PostCreate, {{u"title"_s, u"from ada"_s}});

    QSignalSpy removed(&outbox, &Outbox::removed);
    QSignalSpy added(&outbox, &Outbox::added);
    QVERIFY(outbox.open(second));
    QCOMPARE(outbox.path(), second);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.at(0).at(0).value<Outbox::Entry>().localId, adaEntry);
    QCOMPARE(added.size(), 2);
    QCOMPARE(outbox.count(), 2);
    QVERIFY(!outbox.entry(adaEntry).has_value());
    QCOMPARE(outbox.entries().at(0).params.value("text"_L1).toString(), u"from bob"_s);
    // ada's entry stayed in her file.
    QCOMPARE(savedEntries(first).size(), 1);
    QVERIFY(outbox.open(first));
    QCOMPARE(outbox.count(), 1);
    QVERIFY(outbox.entry(adaEntry).has_value());

    // A file that does not exist yet is an empty queue.
    QSignalSpy count(&outbox, &Outbox::countChanged);
    QVERIFY(outbox.open(dir.filePath(u"new.json"_s)));
    QCOMPARE(outbox.count(), 0);
    QCOMPARE(count.last().at(0).toInt(), 0);
}

void tst_Outbox::damagedFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"outbox.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{ not json");
    file.close();
    Outbox outbox(path);
    QVERIFY(!outbox.load());
    QVERIFY(outbox.errorString().contains("damaged"_L1));
    QCOMPARE(outbox.count(), 0);
}

void tst_Outbox::memoryOnly()
{
    Outbox outbox;
    QVERIFY(outbox.load());
    const QString localId = outbox.enqueue(MessageType::PostCreate, {{u"title"_s, u"t"_s}});
    QCOMPARE(outbox.count(), 1);
    QVERIFY(outbox.path().isEmpty());
    outbox.remove(localId);
    QCOMPARE(outbox.count(), 0);
}

void tst_Outbox::changeTableNamesEachVerbOnce()
{
    QSet<MessageType> seen;
    for (const ChangeKind &kind : changeKinds()) {
        QVERIFY2(!seen.contains(kind.type), qPrintable(messageTypeName(kind.type)));
        seen.insert(kind.type);
        QCOMPARE(changeKind(kind.type), &kind);
        // Only a create has no row to name; only a create can need a follow-up edit.
        QCOMPARE(kind.targetKey == nullptr, kind.op == ChangeOp::Create);
        QVERIFY(!kind.followUp || kind.op == ChangeOp::Create);
        // Losing an edit or a review to a deletion is news; losing a delete is not.
        QCOMPARE(
            kind.lostNotice != nullptr, kind.op == ChangeOp::Edit || kind.op == ChangeOp::Attach);
    }
    // The seven verbs the Session queues, and no request that needs an answer now.
    QCOMPARE(seen,
        (QSet<MessageType> {MessageType::PostCreate, MessageType::PostUpdate,
            MessageType::PostDelete, MessageType::ReviewCreate, MessageType::ChatSend,
            MessageType::ChatEdit, MessageType::ChatDelete}));
    QCOMPARE(changeKind(MessageType::ChannelCreate), nullptr);
}

void tst_Outbox::unknownVerbIsNotQueued()
{
    // A saved entry of a verb the table does not carry (a file from a newer app) is skipped.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"outbox.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QJsonArray saved {QJsonObject {{u"localId"_s, u"a"_s}, {u"type"_s, u"channel.create"_s},
                                {u"params"_s, QJsonObject {{u"name"_s, u"x"_s}}}},
        QJsonObject {{u"localId"_s, u"b"_s}, {u"type"_s, u"post.delete"_s},
            {u"params"_s, QJsonObject {{u"postId"_s, 4}}}}};
    file.write(QJsonDocument(saved).toJson());
    file.close();
    Outbox outbox(path);
    QVERIFY(outbox.load());
    QCOMPARE(outbox.count(), 1);
    QCOMPARE(outbox.entries().at(0).kind().op, ChangeOp::Delete);
}

void tst_Outbox::changeShownByRow()
{
    Outbox outbox;
    const QString create = outbox.enqueue(MessageType::PostCreate, {{u"title"_s, u"t"_s}});
    const QString firstEdit
        = outbox.enqueue(MessageType::PostUpdate, {{u"postId"_s, 7}, {u"title"_s, u"a"_s}});
    // Changes to other rows, or of other kinds, with the same number: never this row's.
    outbox.enqueue(MessageType::ReviewCreate, {{u"postId"_s, 7}, {u"rating"_s, 5}});
    const QString chatEdit = outbox.enqueue(
        MessageType::ChatEdit, {{u"messageId"_s, 7}, {u"channelId"_s, 1}, {u"text"_s, u"x"_s}});
    const QString secondEdit
        = outbox.enqueue(MessageType::PostUpdate, {{u"postId"_s, 7}, {u"title"_s, u"b"_s}});
    outbox.enqueue(MessageType::PostDelete, {{u"postId"_s, 8}});

    // A pending create stands for itself.
    QCOMPARE(outbox.changeShownBy(ChangeDomain::Feed, create, 0), create);
    QCOMPARE(outbox.changeShownBy(ChangeDomain::Feed, u"gone"_s, 0), QString());
    // A stored row: the newest of its edits and deletes, whose text it shows.
    QCOMPARE(outbox.changeShownBy(ChangeDomain::Feed, {}, 7), secondEdit);
    QCOMPARE(outbox.changeShownBy(ChangeDomain::Chat, {}, 7), chatEdit);
    QCOMPARE(outbox.changesOf(ChangeDomain::Feed, 7).size(), 2);
    // A refused one comes first: the row reports it, and it is the one to fix.
    outbox.setStatus(firstEdit, Outbox::Status::Failed, u"no"_s);
    QCOMPARE(outbox.changeShownBy(ChangeDomain::Feed, {}, 7), firstEdit);
    outbox.setStatus(secondEdit, Outbox::Status::Failed, u"no"_s);
    QCOMPARE(outbox.changeShownBy(ChangeDomain::Feed, {}, 7), firstEdit);
    outbox.remove(firstEdit);
    QCOMPARE(outbox.changeShownBy(ChangeDomain::Feed, {}, 7), secondEdit);
    QCOMPARE(outbox.changeShownBy(ChangeDomain::Feed, {}, 9), QString());
}

void tst_Outbox::inFlightAndFaults()
{
    Outbox outbox;
    const QString a = outbox.enqueue(MessageType::PostDelete, {{u"postId"_s, 1}});
    const QString b = outbox.enqueue(MessageType::PostDelete, {{u"postId"_s, 2}});
    QVERIFY(!outbox.inFlight());
    outbox.setStatus(b, Outbox::Status::Sending);
    QCOMPARE(outbox.inFlight()->localId, b);
    QCOMPARE(outbox.addFault(b), 1);
    QCOMPARE(outbox.addFault(b), 2);
    QCOMPARE(outbox.addFault(a), 1);
    QCOMPARE(outbox.addFault(u"nope"_s), 0);
    outbox.resetFaults(b);
    QCOMPARE(outbox.entry(b)->faults, 0);
    QCOMPARE(outbox.entry(a)->faults, 1);
    outbox.resetFaults();
    QCOMPARE(outbox.entry(a)->faults, 0);
    outbox.requeueSending();
    QVERIFY(!outbox.inFlight());
}

QTEST_GUILESS_MAIN(tst_Outbox)
#include "tst_outbox.moc"
