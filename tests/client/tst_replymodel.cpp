// Replies and reactions in the client core (part "react" of issue 12), against a real in-process
// server: ChatModel's reply and reaction roles under QAbstractItemModelTester, live updates on
// reaction.changed and message.deleted (the quote becomes "deleted"), reactions on posts in
// FeedModel, and chat.around pages joined to the loaded rows or shown alone with newer pages
// loading on demand.

#include "chatmodel.h"
#include "connection.h"
#include "feedmodel.h"
#include "session.h"
#include "sessionfixture.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Hubbub;
using namespace Hubbub::Client;
using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

namespace {

int rowOfText(ChatModel *model, const QString &text)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row).data(ChatModel::TextRole).toString() == text)
            return row;
    }
    return -1;
}

QVariant roleOf(ChatModel *model, qint64 messageId, int role)
{
    const int row = model->rowOf(messageId);
    return row < 0 ? QVariant() : model->index(row).data(role);
}

//! The emoji and counts of a ReactionsRole value, e.g. "👍2 🎉1".
QString summary(const QVariant &reactions)
{
    QStringList parts;
    for (const QVariant &r : reactions.toList())
        parts.append(r.toMap().value(u"emoji"_s).toString()
            + QString::number(r.toMap().value(u"count"_s).toInt()));
    return parts.join(u' ');
}

} // namespace

class tst_ReplyModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void replyShowsItsQuoteQueuedAndStored();
    void reactionsAreLive();
    void reactionOfflineSaysItWasNotSaved();
    void reactionsOnPosts();
    void aroundJoinsTheLoadedRows();
    void aroundAcrossAGapLoadsNewerOnDemand();
    void aroundBetweenAnIslandAndTheNewest();

private:
    //! Bob sends "m0" to "m299" to #general; their ids, oldest first.
    QList<qint64> bobSends300();

    SessionFixture m_fx;
};

QList<qint64> tst_ReplyModel::bobSends300()
{
    QList<qint64> ids;
    for (int i = 0; i < 300; ++i)
        ids.append(m_fx.bob->send(
            u"chat.send"_s, {{u"channelId"_s, General}, {u"text"_s, u"m%1"_s.arg(i)}}));
    for (qint64 &id : ids)
        id = idOf(m_fx.bob->waitReply(id), "message");
    return ids;
}

void tst_ReplyModel::init()
{
    QVERIFY(m_fx.setUp());
    QVERIFY(signIn(*m_fx.session, m_fx.server->url(), u"ada"_s));
}

void tst_ReplyModel::cleanup()
{
    m_fx.tearDown();
}

void tst_ReplyModel::replyShowsItsQuoteQueuedAndStored()
{
    Session &session = *m_fx.session;
    // The quote names bob as shown (his display name) and reads as plain text (no Markdown).
    QVERIFY(isOk(m_fx.bob->request(u"user.profile"_s, {{u"displayName"_s, u"Bob B."_s}})));
    const QJsonObject original = m_fx.bob->request(u"chat.send"_s,
        {{u"channelId"_s, General}, {u"text"_s, u"Who takes the **minutes**?\nTomorrow"_s}});
    const qint64 originalId = idOf(original, "message");
    ChatModel *model = session.chat(General);
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(model->rowOf(originalId) >= 0);

    session.sendMessage(General, u"I will"_s, originalId);
    // Queued or stored, the row shows whom it answers.
    const int row = rowOfText(model, u"I will"_s);
    QVERIFY(row >= 0);
    QCOMPARE(model->index(row).data(ChatModel::ReplyToIdRole).toLongLong(), originalId);
    QCOMPARE(model->index(row).data(ChatModel::ReplyAuthorRole).toString(), u"Bob B."_s);
    QCOMPARE(
        model->index(row).data(ChatModel::ReplyTextRole).toString(), u"Who takes the minutes?"_s);
    QTRY_COMPARE(textsOnServer(*m_fx.bob).last(), u"I will"_s);
    QTRY_VERIFY(!model->index(rowOfText(model, u"I will"_s)).data(ChatModel::PendingRole).toBool());
    const qint64 replyId
        = model->index(rowOfText(model, u"I will"_s)).data(ChatModel::IdRole).toLongLong();
    QCOMPARE(roleOf(model, replyId, ChatModel::ReplyToIdRole).toLongLong(), originalId);
    QVERIFY(!roleOf(model, replyId, ChatModel::ReplyDeletedRole).toBool());

    // The original is edited, then deleted: the quote follows, live.
    QVERIFY(isOk(m_fx.bob->request(u"chat.edit"_s,
        {{u"messageId"_s, originalId},
            {u"text"_s, u"[Minutes](https://x.example), `anyone`?"_s}})));
    QTRY_COMPARE(
        roleOf(model, replyId, ChatModel::ReplyTextRole).toString(), u"Minutes, anyone?"_s);
    QVERIFY(isOk(m_fx.bob->request(u"chat.delete"_s, {{u"messageId"_s, originalId}})));
    QTRY_VERIFY(roleOf(model, replyId, ChatModel::ReplyDeletedRole).toBool());
    QCOMPARE(roleOf(model, replyId, ChatModel::ReplyToIdRole).toLongLong(), originalId);
}

void tst_ReplyModel::reactionOfflineSaysItWasNotSaved()
{
    Session &session = *m_fx.session;
    const QJsonObject sent = m_fx.bob->request(
        u"chat.send"_s, {{u"channelId"_s, General}, {u"text"_s, u"react to me"_s}});
    const qint64 messageId = idOf(sent, "message");
    QVERIFY(messageId > 0);
    QSignalSpy failed(&session, &Session::requestFailed);
    session.connection()->disconnectFromServer();
    QTRY_VERIFY(!session.connection()->isOnline());
    session.setReaction(messageId, 0, u"👍"_s, true);
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY2(failed.at(0).at(0).toString().startsWith(u"The reaction was not saved: "_s),
        qPrintable(failed.at(0).at(0).toString()));
    // And nothing was stored.
    const QJsonObject around = m_fx.bob->request(u"chat.around"_s, {{u"messageId"_s, messageId}});
    bool found = false;
    for (const QJsonValue &m : around.value("messages"_L1).toArray()) {
        if (m.toObject().value("id"_L1).toInteger() == messageId) {
            found = true;
            QCOMPARE(m.toObject().value("reactions"_L1).toArray().size(), 0);
        }
    }
    QVERIFY(found);
}

void tst_ReplyModel::reactionsAreLive()
{
    Session &session = *m_fx.session;
    const qint64 messageId = idOf(
        m_fx.bob->request(u"chat.send"_s, {{u"channelId"_s, General}, {u"text"_s, u"Release?"_s}}),
        "message");
    ChatModel *model = session.chat(General);
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(model->rowOf(messageId) >= 0);
    QCOMPARE(summary(roleOf(model, messageId, ChatModel::ReactionsRole)), QString());

    // Bob's reaction arrives as an event.
    QVERIFY(isOk(m_fx.bob->request(
        u"reaction.set"_s, {{u"messageId"_s, messageId}, {u"emoji"_s, u"👍"_s}, {u"on"_s, true}})));
    QTRY_COMPARE(summary(roleOf(model, messageId, ChatModel::ReactionsRole)), u"👍1"_s);

    // Ours shows from the answer; off again, it goes.
    session.setReaction(messageId, 0, u"👍"_s, true);
    QTRY_COMPARE(summary(roleOf(model, messageId, ChatModel::ReactionsRole)), u"👍2"_s);
    const QVariantList users = roleOf(model, messageId, ChatModel::ReactionsRole)
                                   .toList()
                                   .first()
                                   .toMap()
                                   .value(u"userIds"_s)
                                   .toList();
    QCOMPARE(users, (QVariantList {m_fx.bob->userId(), session.user().id}));
    session.setReaction(messageId, 0, u"👍"_s, false);
    QTRY_COMPARE(summary(roleOf(model, messageId, ChatModel::ReactionsRole)), u"👍1"_s);
}

void tst_ReplyModel::reactionsOnPosts()
{
    Session &session = *m_fx.session;
    const qint64 postId = idOf(
        m_fx.bob->request(u"post.create"_s, {{u"title"_s, u"Offsite"_s}, {u"content"_s, u""_s}}),
        "post");
    FeedModel *feed = session.feed();
    QAbstractItemModelTester tester(feed, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(feed->rowOf(postId) >= 0);
    QVERIFY(isOk(m_fx.bob->request(
        u"reaction.set"_s, {{u"postId"_s, postId}, {u"emoji"_s, u"🎉"_s}, {u"on"_s, true}})));
    QTRY_COMPARE(summary(feed->index(feed->rowOf(postId)).data(FeedModel::ReactionsRole)), u"🎉1"_s);
    session.setReaction(0, postId, u"❤️"_s, true);
    QTRY_COMPARE(summary(feed->index(feed->rowOf(postId)).data(FeedModel::ReactionsRole)),
        u"🎉1 ❤️1"_s);
}

void tst_ReplyModel::aroundJoinsTheLoadedRows()
{
    // 150 messages: the first page holds the newest 100; around the 10th reaches them.
    QList<qint64> ids;
    for (int i = 0; i < 150; ++i)
        ids.append(m_fx.bob->send(
            u"chat.send"_s, {{u"channelId"_s, General}, {u"text"_s, u"m%1"_s.arg(i)}}));
    for (qint64 &id : ids)
        id = idOf(m_fx.bob->waitReply(id), "message");
    ChatModel *model = m_fx.session->chat(General);
    QTRY_VERIFY(model->rowOf(ids.last()) >= 0);
    QCOMPARE(model->rowOf(ids.at(10)), -1);
    // Only now: the tester calls fetchMore(), which would load the older page itself.
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    bool done = false;
    m_fx.session->loadAround(General, ids.at(10), this, [&](const Reply &) { done = true; });
    QTRY_VERIFY(done);
    QVERIFY(model->rowOf(ids.at(10)) >= 0);
    QVERIFY(!model->hasMoreAfter());
    // One run of messages, no gap: every message from the first of the page to the newest.
    QCOMPARE(model->rowCount(), 150);
    QVERIFY(!model->hasMore());
}

void tst_ReplyModel::aroundAcrossAGapLoadsNewerOnDemand()
{
    const QList<qint64> ids = bobSends300();
    ChatModel *model = m_fx.session->chat(General);
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(model->rowOf(ids.last()) >= 0);

    bool done = false;
    m_fx.session->loadAround(General, ids.at(5), this, [&](const Reply &) { done = true; });
    QTRY_VERIFY(done);
    QVERIFY(model->rowOf(ids.at(5)) >= 0);
    QVERIFY(model->hasMoreAfter());
    QCOMPARE(model->rowOf(ids.last()), -1);
    // A message sent meanwhile waits for its page rather than landing after a gap.
    QVERIFY(isOk(
        m_fx.bob->request(u"chat.send"_s, {{u"channelId"_s, General}, {u"text"_s, u"latest"_s}})));
    // Scrolling down loads the newer pages until the newest.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            model->fetchNewer();
            return !model->hasMoreAfter();
        }(),
        20000);
    QTRY_COMPARE(model->rowCount(), 301);
    QCOMPARE(model->index(model->rowCount() - 1).data(ChatModel::TextRole).toString(), u"latest"_s);
}

void tst_ReplyModel::aroundBetweenAnIslandAndTheNewest()
{
    const QList<qint64> ids = bobSends300();
    ChatModel *model = m_fx.session->chat(General);
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(model->rowOf(ids.last()) >= 0);

    // A jump far back leaves an island of old rows; a second jump to a message newer than the
    // island (but far from the newest) must show it, not only what is older than the island.
    for (const int target : {5, 150, 140, 160}) {
        bool done = false;
        m_fx.session->loadAround(
            General, ids.at(target), this, [&](const Reply &) { done = true; });
        QTRY_VERIFY(done);
        QVERIFY2(model->rowOf(ids.at(target)) >= 0, qPrintable(u"m%1"_s.arg(target)));
        // Rows stay in order, each once.
        qint64 previous = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            const qint64 id = model->index(row).data(ChatModel::IdRole).toLongLong();
            QVERIFY(id > previous);
            previous = id;
        }
    }
    QVERIFY(model->hasMoreAfter());
}

QTEST_GUILESS_MAIN(tst_ReplyModel)
#include "tst_replymodel.moc"
