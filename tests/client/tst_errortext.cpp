// ErrorText: the sentence for a server error comes from its code and field (and, for sign-in,
// the verb), never from the server's English, except for a code this client does not know.

#include "errortext.h"
#include "serverframe.h"

#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Hubbub;
using namespace Hubbub::Client;

Q_DECLARE_METATYPE(std::optional<Hubbub::MessageType>)

namespace {
const QString Server = u"What the server said."_s;
}

class tst_ErrorText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyCodeHasItsOwnSentence();
    void sentence_data();
    void sentence();
    void unknownCodeShowsTheServersMessage();
    void rateLimitedSaysWhenToRetry_data();
    void rateLimitedSaysWhenToRetry();
    void fromServerKeepsCodeFieldAndRetry();
    void fromServerFrameUsesTheCodeAsSent();
};

void tst_ErrorText::initTestCase()
{
    // Numbers in the user's locale: the expectations are written for English, and with no
    // translator loaded a plural reads "second(s)" as in the source.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void tst_ErrorText::everyCodeHasItsOwnSentence()
{
    // Every code of protocol v1 (errorCodeName covers the whole enum), with no field or an
    // unknown one, gets a sentence of ours.
    for (int i = 0; i <= int(ErrorCode::Internal); ++i) {
        const QString code = errorCodeName(ErrorCode(i));
        for (const QString &field : {QString(), u"noSuchField"_s}) {
            const QString text = ErrorText::describe(code, field, Server, 1000);
            QVERIFY2(!text.isEmpty() && text != Server, qPrintable(code));
            QVERIFY2(!text.contains(u'%'), qPrintable(text));
        }
    }
}

void tst_ErrorText::sentence_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    QTest::addColumn<std::optional<MessageType>>("verb");
    QTest::addColumn<QString>("expected");
    const std::optional<MessageType> none;

    QTest::addRow("empty title") << u"invalid"_s << u"title"_s << none
                                 << u"A post needs a title."_s;
    QTest::addRow("long title") << u"too_large"_s << u"title"_s << none
                                << u"A title has at most 200 characters."_s;
    QTest::addRow("long post") << u"too_large"_s << u"content"_s << none
                               << u"A post has at most 20,000 characters."_s;
    QTest::addRow("long message") << u"too_large"_s << u"text"_s << none
                                  << u"A message has at most 4,000 characters."_s;
    QTest::addRow("rating") << u"invalid"_s << u"rating"_s << none
                            << u"Choose from 1 to 5 stars."_s;
    QTest::addRow("username") << u"invalid"_s << u"username"_s << none
                              << u"A username has 3 to 32 letters, digits, '_', '.' or '-'."_s;
    QTest::addRow("password") << u"invalid"_s << u"password"_s << none
                              << u"Choose a password of at least 8 characters."_s;
    QTest::addRow("name taken") << u"conflict"_s << u"username"_s << none
                                << u"This username is already taken."_s;
    QTest::addRow("channel taken")
        << u"conflict"_s << u"name"_s << none << u"A channel with this name already exists."_s;
    QTest::addRow("image too large")
        << u"too_large"_s << u"data"_s << none
        << u"This image is too large: at most 8 MiB and 8,192 × 8,192 pixels."_s;
    QTest::addRow("post gone") << u"not_found"_s << u"postId"_s << none
                               << u"This post no longer exists."_s;
    QTest::addRow("image gone") << u"not_found"_s << u"imageId"_s << none
                                << u"The image is no longer on the server. Attach it again."_s;
    // The verb decides between sentences of the same code; a field row wins over a verb row.
    QTest::addRow("wrong password")
        << u"unauthorized"_s << QString() << std::optional(MessageType::AuthLogin)
        << u"Wrong username or password."_s;
    QTest::addRow("token expired")
        << u"unauthorized"_s << QString() << std::optional(MessageType::AuthToken)
        << u"Your session has expired or was signed out. Please sign in again."_s;
    QTest::addRow("not signed in")
        << u"unauthorized"_s << QString() << std::optional(MessageType::ChatSend)
        << u"You are not signed in. Please sign in again."_s;
    QTest::addRow("registration closed")
        << u"forbidden"_s << QString() << std::optional(MessageType::AuthRegister)
        << u"This server does not accept new accounts. Ask its admin for one."_s;
    QTest::addRow("someone else's post")
        << u"forbidden"_s << QString() << std::optional(MessageType::PostUpdate)
        << u"Only its author or an admin may change this."_s;
    QTest::addRow("register, name taken")
        << u"conflict"_s << u"username"_s << std::optional(MessageType::AuthRegister)
        << u"This username is already taken."_s;
}

void tst_ErrorText::sentence()
{
    QFETCH(QString, code);
    QFETCH(QString, field);
    QFETCH(std::optional<MessageType>, verb);
    QFETCH(QString, expected);
    QCOMPARE(ErrorText::describe(code, field, Server, -1, verb), expected);
}

void tst_ErrorText::unknownCodeShowsTheServersMessage()
{
    QCOMPARE(ErrorText::describe(u"teapot"_s, QString(), Server), Server);
    QCOMPARE(ErrorText::describe(u"teapot"_s, u"title"_s, Server), Server);
    // Nothing to show at all: say at least which code it was.
    QVERIFY(ErrorText::describe(u"teapot"_s, QString(), QString()).contains(u"teapot"_s));
}

void tst_ErrorText::rateLimitedSaysWhenToRetry_data()
{
    QTest::addColumn<qint64>("retryAfterMs");
    QTest::addColumn<std::optional<MessageType>>("verb");
    QTest::addColumn<QString>("expected");
    QTest::addRow("1 ms") << qint64(1) << std::optional<MessageType>()
                          << u"Too many requests. Try again in 1 second(s)."_s;
    QTest::addRow("2.5 s") << qint64(2500) << std::optional<MessageType>()
                           << u"Too many requests. Try again in 3 second(s)."_s;
    QTest::addRow("login") << qint64(42000) << std::optional(MessageType::AuthLogin)
                           << u"Too many attempts to sign in. Try again in 42 second(s)."_s;
    QTest::addRow("no time") << qint64(-1) << std::optional<MessageType>()
                             << u"Too many requests. Try again in a moment."_s;
}

void tst_ErrorText::rateLimitedSaysWhenToRetry()
{
    QFETCH(qint64, retryAfterMs);
    QFETCH(std::optional<MessageType>, verb);
    QFETCH(QString, expected);
    QCOMPARE(
        ErrorText::describe(u"rate_limited"_s, QString(), Server, retryAfterMs, verb), expected);
}

void tst_ErrorText::fromServerKeepsCodeFieldAndRetry()
{
    const QJsonObject object {
        {u"code"_s, u"rate_limited"_s}, {u"message"_s, Server}, {u"retryAfterMs"_s, 1500}};
    const Error error = ErrorText::fromServer(object);
    QCOMPARE(error.code, ErrorCode::RateLimited);
    QCOMPARE(error.retryAfterMs, 1500);
    QVERIFY(error.message.contains(u'2'));

    const Error taken = ErrorText::fromServer(
        {{u"code"_s, u"conflict"_s}, {u"message"_s, Server}, {u"field"_s, u"name"_s}});
    QCOMPARE(taken.code, ErrorCode::Conflict);
    QCOMPARE(taken.field, u"name"_s);
    QCOMPARE(taken.message, u"A channel with this name already exists."_s);
}

void tst_ErrorText::fromServerFrameUsesTheCodeAsSent()
{
    // A decoded reply reads a code this version does not know as internal; the code as sent,
    // which ServerFrame keeps, still decides: the server's own sentence for an unknown code,
    // ours for a known one.
    const Result<ServerFrame> teapot = decodeServerFrame(
        R"({"type":"reply","id":1,"ok":false,"error":{"code":"teapot","message":"Short and stout."}})"_ba);
    QVERIFY(teapot);
    QCOMPARE(teapot->error.code, ErrorCode::Internal);
    QCOMPARE(
        ErrorText::fromServer(teapot->error, teapot->errorCode).message, u"Short and stout."_s);
    const Result<ServerFrame> taken = decodeServerFrame(
        R"({"type":"reply","id":2,"ok":false,"error":{"code":"conflict","message":"x","field":"name"}})"_ba);
    QVERIFY(taken);
    const Error error = ErrorText::fromServer(taken->error, taken->errorCode);
    QCOMPARE(error.code, ErrorCode::Conflict);
    QCOMPARE(error.message, u"A channel with this name already exists."_s);
}

QTEST_GUILESS_MAIN(tst_ErrorText)
#include "tst_errortext.moc"
