// The `search` verb against a real in-process server on loopback: matching, filters, order,
// paging, snippets, edits and deletes seen at once, hostile queries and who may find what.

#include "store/schema.h"
#include "store/sqlconnection.h"
#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Hubbub::Test;
using namespace Qt::StringLiterals;

namespace {

QJsonObject search(TestClient &client, const QString &query, QJsonObject params = {})
{
    params.insert(u"query"_s, query);
    return client.request(u"search"_s, params);
}

QJsonArray resultsOf(const QJsonObject &reply)
{
    return reply.value("results"_L1).toArray();
}

//! The ids of the results, messages as "m<id>" and posts as "p<id>", in order.
QStringList hitsOf(const QJsonObject &reply)
{
    QStringList hits;
    for (const QJsonValue &value : resultsOf(reply)) {
        const QJsonObject result = value.toObject();
        const bool post = stringOf(result, "kind") == "post"_L1;
        const qint64 id = idOf(objectOf(result, post ? "post" : "message"));
        hits.append((post ? u"p%1"_s : u"m%1"_s).arg(id));
    }
    return hits;
}

//! The highlighted parts of a result's snippet.
QStringList highlightedOf(const QJsonObject &result)
{
    const QJsonObject snippet = objectOf(result, "snippet");
    const QString text = stringOf(snippet, "text");
    QStringList parts;
    for (const QJsonValue &range : snippet.value("highlights"_L1).toArray()) {
        const QJsonArray pair = range.toArray();
        parts.append(text.mid(pair.at(0).toInt(), pair.at(1).toInt()));
    }
    return parts;
}

} // namespace

class tst_Search : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void matchesWordsPhrasesAndPrefixes();
    void foldsCaseAndAccentsAndFindsKorean();
    void filters();
    void orders();
    void pages();
    void snippetHighlightsAreUtf16Ranges();
    void editsAndDeletesShowAtOnce();
    void hostileQueriesNeverFailInternally_data();
    void hostileQueriesNeverFailInternally();
    void rejectsBadParameters_data();
    void rejectsBadParameters();
    void nullMeansAbsent();
    void directConversationsOnlyForMembers();
    void featureIsAnnounced();
    void migrationIndexesExistingRows();

private:
    qint64 send(const QString &text, qint64 channelId = 1, TestClient *client = nullptr);
    qint64 post(const QString &title, const QString &content, TestClient *client = nullptr);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_ada;
    std::unique_ptr<TestClient> m_bob;
};

void tst_Search::init()
{
    m_server = std::make_unique<TestServer>();
    m_ada = std::make_unique<TestClient>();
    m_bob = std::make_unique<TestClient>();
    QVERIFY(m_server->start());
    QVERIFY(m_ada->open(m_server->url()));
    QVERIFY(m_bob->open(m_server->url()));
    QVERIFY(isOk(m_ada->registerUser(u"ada"_s)));
    QVERIFY(isOk(m_bob->registerUser(u"bob"_s)));
}

void tst_Search::cleanup()
{
    m_ada.reset();
    m_bob.reset();
    m_server.reset();
}

qint64 tst_Search::send(const QString &text, qint64 channelId, TestClient *client)
{
    const QJsonObject reply
        = (client ? client : m_ada.get())
              ->request(u"chat.send"_s, {{u"channelId"_s, channelId}, {u"text"_s, text}});
    if (!isOk(reply))
        qWarning("chat.send failed: %s", qPrintable(dump(reply)));
    return idOf(objectOf(reply, "message"));
}

qint64 tst_Search::post(const QString &title, const QString &content, TestClient *client)
{
    const QJsonObject reply
        = (client ? client : m_ada.get())
              ->request(u"post.create"_s, {{u"title"_s, title}, {u"content"_s, content}});
    if (!isOk(reply))
        qWarning("post.create failed: %s", qPrintable(dump(reply)));
    return idOf(postOf(reply));
}

void tst_Search::matchesWordsPhrasesAndPrefixes()
{
    const qint64 m1 = send(u"the quarterly budget is due friday"_s);
    const qint64 m2 = send(u"friday lunch: budget pizza"_s);
    const qint64 m3 = send(u"budgeting tips for the quarter"_s);
    const qint64 p1 = post(u"Budget review"_s, u"We meet on Friday about the quarterly numbers."_s);

    // Every word must match (AND), in messages and posts alike, newest first.
    QCOMPARE(hitsOf(search(*m_ada, u"budget friday"_s)),
        QStringList({u"p%1"_s.arg(p1), u"m%1"_s.arg(m2), u"m%1"_s.arg(m1)}));
    // A phrase matches its words next to each other only.
    QCOMPARE(hitsOf(search(*m_ada, u"\"quarterly budget\""_s)), QStringList {u"m%1"_s.arg(m1)});
    // A word matches whole words; a trailing * makes it a prefix.
    QCOMPARE(hitsOf(search(*m_ada, u"quarter"_s)), QStringList {u"m%1"_s.arg(m3)});
    QCOMPARE(hitsOf(search(*m_ada, u"quarter*"_s)),
        QStringList({u"p%1"_s.arg(p1), u"m%1"_s.arg(m3), u"m%1"_s.arg(m1)}));
    QCOMPARE(hitsOf(search(*m_ada, u"nothing-like-this"_s)), QStringList());
    // The post's title is searched too.
    QCOMPARE(hitsOf(search(*m_ada, u"review"_s)), QStringList {u"p%1"_s.arg(p1)});
}

void tst_Search::foldsCaseAndAccentsAndFindsKorean()
{
    const qint64 cafe = send(u"Meet at the Café Noir"_s);
    const qint64 korean = send(u"내일 회의는 취소되었습니다"_s);
    QCOMPARE(hitsOf(search(*m_ada, u"cafe"_s)), QStringList {u"m%1"_s.arg(cafe)});
    QCOMPARE(hitsOf(search(*m_ada, u"CAFÉ noir"_s)), QStringList {u"m%1"_s.arg(cafe)});
    // Korean glues particles to the word (회의 + 는): a Hangul word matches as a prefix.
    const QJsonObject reply = search(*m_ada, u"회의"_s);
    QCOMPARE(hitsOf(reply), QStringList {u"m%1"_s.arg(korean)});
    QCOMPARE(highlightedOf(resultsOf(reply).first().toObject()), QStringList {u"회의는"_s});
}

void tst_Search::filters()
{
    const QJsonObject created = m_ada->request(u"channel.create"_s, {{u"name"_s, u"ops"_s}});
    QVERIFY2(isOk(created), qPrintable(dump(created)));
    const qint64 ops = idOf(objectOf(created, "channel"));
    const qint64 inGeneral = send(u"deploy tonight"_s);
    const qint64 inOps = send(u"deploy done"_s, ops);
    const qint64 byBob = send(u"deploy failed"_s, ops, m_bob.get());
    const qint64 postByAda = post(u"Deploy notes"_s, u"How we deploy"_s);

    const auto m = [](qint64 id) { return u"m%1"_s.arg(id); };
    QCOMPARE(hitsOf(search(*m_ada, u"deploy"_s, {{u"channelId"_s, ops}})),
        QStringList({m(byBob), m(inOps)}));
    QCOMPARE(hitsOf(search(*m_ada, u"deploy"_s, {{u"authorId"_s, m_bob->userId()}})),
        QStringList {m(byBob)});
    QCOMPARE(hitsOf(search(*m_ada, u"deploy"_s, {{u"in"_s, u"posts"_s}})),
        QStringList {u"p%1"_s.arg(postByAda)});
    QCOMPARE(hitsOf(search(*m_ada, u"deploy"_s, {{u"in"_s, u"messages"_s}})),
        QStringList({m(byBob), m(inOps), m(inGeneral)}));

    // Date bounds are exclusive and compare with the stored times.
    const QJsonObject all = search(*m_ada, u"deploy"_s, {{u"in"_s, u"messages"_s}});
    const QString middle
        = stringOf(objectOf(resultsOf(all).at(1).toObject(), "message"), "createdAt");
    QCOMPARE(hitsOf(search(*m_ada, u"deploy"_s, {{u"in"_s, u"messages"_s}, {u"after"_s, middle}})),
        QStringList {m(byBob)});
    QCOMPARE(hitsOf(search(*m_ada, u"deploy"_s, {{u"in"_s, u"messages"_s}, {u"before"_s, middle}})),
        QStringList {m(inGeneral)});
    QCOMPARE(hitsOf(search(*m_ada, u"deploy"_s, {{u"before"_s, u"2000-01-01T00:00:00Z"_s}})),
        QStringList());
    // Another zone is the same instant.
    QCOMPARE(
        hitsOf(search(*m_ada, u"deploy"_s, {{u"after"_s, u"2000-01-01T09:00:00+09:00"_s}})).size(),
        4);

    const QJsonObject unknownChannel = search(*m_ada, u"deploy"_s, {{u"channelId"_s, 999}});
    QCOMPARE(errorCode(unknownChannel), u"not_found"_s);
    QCOMPARE(errorField(unknownChannel), u"channelId"_s);
    const QJsonObject unknownAuthor = search(*m_ada, u"deploy"_s, {{u"authorId"_s, 999}});
    QCOMPARE(errorCode(unknownAuthor), u"not_found"_s);
    QCOMPARE(errorField(unknownAuthor), u"authorId"_s);
}

void tst_Search::orders()
{
    const qint64 weak = send(u"release notes and more words about many other things"_s);
    const qint64 strong = send(u"release release release"_s);
    const qint64 newest = send(u"the release"_s);
    const auto m = [](qint64 id) { return u"m%1"_s.arg(id); };
    QCOMPARE(hitsOf(search(*m_ada, u"release"_s)), QStringList({m(newest), m(strong), m(weak)}));
    QCOMPARE(hitsOf(search(*m_ada, u"release"_s, {{u"order"_s, u"newest"_s}})),
        QStringList({m(newest), m(strong), m(weak)}));
    const QStringList best = hitsOf(search(*m_ada, u"release"_s, {{u"order"_s, u"relevance"_s}}));
    QCOMPARE(best.size(), 3);
    QCOMPARE(best.first(), m(strong));
    QCOMPARE(best.last(), m(weak));
}

void tst_Search::pages()
{
    QStringList expected;
    for (int i = 0; i < 7; ++i) {
        const qint64 id
            = i % 2 ? post(u"page %1"_s.arg(i), u"standup"_s) : send(u"standup %1"_s.arg(i));
        expected.prepend((i % 2 ? u"p%1"_s : u"m%1"_s).arg(id));
    }
    QStringList seen;
    bool more = true;
    for (int offset = 0; more && offset < 20; offset += 3) {
        const QJsonObject reply
            = search(*m_ada, u"standup"_s, {{u"limit"_s, 3}, {u"offset"_s, offset}});
        QVERIFY2(isOk(reply), qPrintable(dump(reply)));
        seen += hitsOf(reply);
        more = reply.value("more"_L1).toBool();
        QCOMPARE(more, offset + 3 < 7);
    }
    QCOMPARE(seen, expected);
    QCOMPARE(resultsOf(search(*m_ada, u"standup"_s)).size(), 7);
}

void tst_Search::snippetHighlightsAreUtf16Ranges()
{
    // Emoji before the match take two UTF-16 code units each.
    send(u"🎉🎉 party at Anna's, bring snacks and the Party hats"_s);
    const QJsonObject reply = search(*m_ada, u"party"_s);
    QCOMPARE(resultsOf(reply).size(), 1);
    const QJsonObject result = resultsOf(reply).first().toObject();
    QCOMPARE(stringOf(result, "kind"), u"message"_s);
    QCOMPARE(highlightedOf(result), QStringList({u"party"_s, u"Party"_s}));
    QCOMPARE(objectOf(result, "snippet").value("highlights"_L1).toArray().first().toArray(),
        QJsonArray({5, 5}));

    // A long text is cut around the match, with an ellipsis.
    QString longText;
    for (int i = 0; i < 60; ++i)
        longText += u"filler%1 "_s.arg(i);
    longText += u"needle "_s + longText;
    post(u"Long"_s, longText);
    const QJsonObject cut = resultsOf(search(*m_ada, u"needle"_s)).first().toObject();
    const QString text = stringOf(objectOf(cut, "snippet"), "text");
    QVERIFY2(text.size() < 200, qPrintable(text));
    QVERIFY2(text.startsWith(u"…"_s) && text.endsWith(u"…"_s), qPrintable(text));
    QCOMPARE(highlightedOf(cut), QStringList {u"needle"_s});
    QCOMPARE(stringOf(postOf(cut), "content"), longText);
}

void tst_Search::editsAndDeletesShowAtOnce()
{
    const qint64 message = send(u"the old wording"_s);
    const qint64 postId = post(u"Draft"_s, u"first wording"_s);
    QCOMPARE(hitsOf(search(*m_ada, u"wording"_s)).size(), 2);

    QVERIFY(isOk(m_ada->request(
        u"chat.edit"_s, {{u"messageId"_s, message}, {u"text"_s, u"the new phrasing"_s}})));
    QVERIFY(isOk(m_ada->request(u"post.update"_s,
        {{u"postId"_s, postId}, {u"title"_s, u"Final"_s}, {u"content"_s, u"final phrasing"_s}})));
    // Right after the replies: the old words are gone, the new ones found.
    QCOMPARE(hitsOf(search(*m_ada, u"wording"_s)), QStringList());
    QCOMPARE(hitsOf(search(*m_bob, u"phrasing"_s)),
        QStringList({u"p%1"_s.arg(postId), u"m%1"_s.arg(message)}));
    QCOMPARE(stringOf(objectOf(resultsOf(search(*m_ada, u"new"_s)).first().toObject(), "message"),
                 "text"),
        u"the new phrasing"_s);

    // A rating changes the post row but not its words: it is still found once.
    QVERIFY(isOk(m_bob->request(
        u"review.create"_s, {{u"postId"_s, postId}, {u"rating"_s, 4}, {u"comment"_s, u""_s}})));
    QCOMPARE(hitsOf(search(*m_ada, u"final"_s)), QStringList {u"p%1"_s.arg(postId)});

    QVERIFY(isOk(m_ada->request(u"chat.delete"_s, {{u"messageId"_s, message}})));
    QVERIFY(isOk(m_ada->request(u"post.delete"_s, {{u"postId"_s, postId}})));
    QCOMPARE(hitsOf(search(*m_ada, u"phrasing"_s)), QStringList());
}

void tst_Search::hostileQueriesNeverFailInternally_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("code"); // "" = ok
    const QStringList accepted = {u"\"unbalanced"_s, u"a\"b\"c"_s, u"NEAR(alpha beta"_s,
        u"NEAR(alpha beta, 2)"_s, u"text:alpha"_s, u"title:alpha"_s, u"{title content}: x"_s,
        u"alpha AND beta OR NOT gamma"_s, u"^alpha"_s, u"-alpha +beta"_s, u"(alpha"_s, u"alpha)"_s,
        u"alpha*beta"_s, u"'; DROP TABLE messages; --"_s, u"\"\"\"alpha\"\"\""_s, u"rank:x"_s,
        u"x* * **"_s, u"a*"_s, u"ab*"_s, u"\\\"alpha"_s, u"messages_fts"_s, QChar(0) + u"alpha"_s,
        u"🎉 party"_s, u"αβγ"_s};
    for (const QString &query : accepted)
        QTest::addRow("%s", qPrintable(query)) << query << QString();
    QTest::addRow("empty") << QString() << u"invalid"_s;
    QTest::addRow("spaces") << u"   "_s << u"invalid"_s;
    QTest::addRow("quote only") << u"\""_s << u"invalid"_s;
    QTest::addRow("star only") << u"*"_s << u"invalid"_s;
    QTest::addRow("punctuation") << u"( ) : ^ - + \"\" {}"_s << u"invalid"_s;
    QTest::addRow("too long") << QString(501, u'a') << u"too_large"_s;
    QTest::addRow("too many words") << u"a b c d e f g h i j k l m n o p q"_s << u"too_large"_s;
    QTest::addRow("500 characters") << QString(500, u'a') << QString();
}

void tst_Search::hostileQueriesNeverFailInternally()
{
    QFETCH(QString, query);
    QFETCH(QString, code);
    send(u"alpha beta gamma"_s);
    const QJsonObject reply = search(*m_ada, query);
    QVERIFY2(!reply.isEmpty(), "no reply");
    QCOMPARE(errorCode(reply), code);
    if (!code.isEmpty())
        QCOMPARE(errorField(reply), u"query"_s);
    // The server is still fine.
    QCOMPARE(hitsOf(search(*m_ada, u"gamma"_s)).size(), 1);
}

void tst_Search::rejectsBadParameters_data()
{
    QTest::addColumn<QJsonObject>("params");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    const QJsonObject q {{u"query"_s, u"alpha"_s}};
    const auto with = [q](const QString &key, const QJsonValue &value) {
        QJsonObject params = q;
        params.insert(key, value);
        return params;
    };
    // A missing or mistyped parameter is a bad request, as for every verb.
    QTest::addRow("no query") << QJsonObject() << u"bad_request"_s << QString();
    QTest::addRow("query number") << QJsonObject {{u"query"_s, 5}} << u"bad_request"_s << QString();
    QTest::addRow("in") << with(u"in"_s, u"files"_s) << u"invalid"_s << u"in"_s;
    QTest::addRow("order") << with(u"order"_s, u"oldest"_s) << u"invalid"_s << u"order"_s;
    QTest::addRow("after") << with(u"after"_s, u"yesterday"_s) << u"invalid"_s << u"after"_s;
    QTest::addRow("before local") << with(u"before"_s, u"2026-01-01T09:00:00"_s) << u"invalid"_s
                                  << u"before"_s;
    QTest::addRow("limit 0") << with(u"limit"_s, 0) << u"invalid"_s << u"limit"_s;
    QTest::addRow("limit 51") << with(u"limit"_s, 51) << u"invalid"_s << u"limit"_s;
    QTest::addRow("offset -1") << with(u"offset"_s, -1) << u"invalid"_s << u"offset"_s;
    QTest::addRow("offset 1001") << with(u"offset"_s, 1001) << u"invalid"_s << u"offset"_s;
    QTest::addRow("channelId text")
        << with(u"channelId"_s, u"1"_s) << u"bad_request"_s << QString();
    QTest::addRow("authorId 0") << with(u"authorId"_s, 0) << u"not_found"_s << u"authorId"_s;
}

void tst_Search::rejectsBadParameters()
{
    QFETCH(QJsonObject, params);
    QFETCH(QString, code);
    QFETCH(QString, field);
    const QJsonObject reply = m_ada->request(u"search"_s, params);
    QCOMPARE(errorCode(reply), code);
    QCOMPARE(errorField(reply), field);
}

void tst_Search::nullMeansAbsent()
{
    send(u"null standup"_s);
    const QJsonObject reply = m_ada->request(u"search"_s,
        {{u"query"_s, u"standup"_s}, {u"offset"_s, QJsonValue()}, {u"limit"_s, QJsonValue()},
            {u"channelId"_s, QJsonValue()}, {u"after"_s, QJsonValue()}});
    QVERIFY2(isOk(reply), qPrintable(dump(reply)));
    QVERIFY(!reply.value("results"_L1).toArray().isEmpty());
}

void tst_Search::directConversationsOnlyForMembers()
{
    TestClient carol;
    QVERIFY(carol.open(m_server->url()));
    QVERIFY(isOk(carol.registerUser(u"carol"_s)));
    const QJsonObject opened
        = m_ada->request(u"dm.open"_s, {{u"userIds"_s, QJsonArray {carol.userId()}}});
    QVERIFY2(isOk(opened), qPrintable(dump(opened)));
    const qint64 dm = idOf(objectOf(opened, "channel"));
    const qint64 secret = send(u"the secret launch date"_s, dm);
    const qint64 open = send(u"the public launch"_s);
    const auto m = [](qint64 id) { return u"m%1"_s.arg(id); };

    QCOMPARE(hitsOf(search(*m_ada, u"launch"_s)), QStringList({m(open), m(secret)}));
    QCOMPARE(hitsOf(search(carol, u"secret"_s)), QStringList {m(secret)});
    QCOMPARE(hitsOf(search(*m_bob, u"launch"_s)), QStringList {m(open)});
    QCOMPARE(hitsOf(search(*m_bob, u"secret"_s)), QStringList());
    QCOMPARE(
        hitsOf(search(*m_bob, u"secret"_s, {{u"authorId"_s, m_ada->userId()}})), QStringList());
    // Naming it does not tell a non-member it exists.
    const QJsonObject named = search(*m_bob, u"secret"_s, {{u"channelId"_s, dm}});
    QCOMPARE(errorCode(named), u"not_found"_s);
    QCOMPARE(errorField(named), u"channelId"_s);
    QCOMPARE(hitsOf(search(carol, u"launch"_s, {{u"channelId"_s, dm}})), QStringList {m(secret)});
}

void tst_Search::featureIsAnnounced()
{
    const QJsonObject hello
        = m_ada->request(u"hello"_s, {{u"protocol"_s, 1}, {u"client"_s, u"tst_search"_s}});
    QVERIFY(hello.value("features"_L1).toArray().contains(u"search"_s));
}

void tst_Search::migrationIndexesExistingRows()
{
    if (m_server->isPostgres())
        QSKIP("SQLite only: the migration of an SQLite file from before the FTS5 tables "
              "(PostgreSQL's search columns are in its schema from the start)");
    using namespace Hubbub::Server;
    QTemporaryDir dir;
    const QString path = dir.filePath(u"v5.sqlite"_s);
    {
        Hubbub::Result<std::unique_ptr<SqlConnection>> c
            = SqlConnection::open(path, u"tst_search_v5"_s, Durability::Normal);
        QVERIFY(c.ok());
        QVERIFY(migrate(**c, 5).ok());
        for (const QString &sql :
            {u"INSERT INTO users (id, username, username_key, password_hash, created_at)"
             " VALUES (1, 'ada', 'ada', 'x', '2026-01-01T00:00:00.000Z')"_s,
                u"INSERT INTO messages (channel_id, author_id, text, created_at, created_seq)"
                " VALUES (1, 1, 'written before the index', '2026-01-01T00:00:00.000Z', 1)"_s,
                u"INSERT INTO posts (author_id, title, content, created_at, created_seq)"
                " VALUES (1, 'Old post', 'also before', '2026-01-02T00:00:00.000Z', 2)"_s})
            QVERIFY((*c)->execOnce(sql).ok());
    }
    // The server migrates the file as it starts; the rows already there are found.
    m_server->stop();
    m_server->config().databasePath = path;
    QVERIFY(m_server->start());
    TestClient ada;
    QVERIFY(ada.open(m_server->url()));
    QVERIFY(isOk(ada.registerUser(u"reader"_s)));
    QCOMPARE(hitsOf(search(ada, u"before"_s)), QStringList({u"p1"_s, u"m1"_s}));
    ada.close();
    m_server->stop(); // before the folder goes
}

QTEST_GUILESS_MAIN(tst_Search)
#include "tst_search.moc"
