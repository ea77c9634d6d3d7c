// The app's side of tests/packaging/test-packages.sh: the client core's Connection, as the
// desktop app uses it, against the server that the installed hubbub-server package runs.
//
//   hubbub-packageprobe create URL FINGERPRINT USER PASSWORD TITLE
//       creates the account, posts TITLE and waits for its post.created event
//   hubbub-packageprobe check URL FINGERPRINT USER PASSWORD TITLE
//       logs in (no new account) and finds TITLE on the first feed page
//   hubbub-packageprobe login URL FINGERPRINT USER PASSWORD -
//       logs in (no new account) and catches up, nothing more
//
// The certificate is trusted by FINGERPRINT alone (the pin the app keeps after the user said
// yes). Prints one line; exit status 0 when it worked, 1 when the server said no or the
// certificate differs, 2 on the 20 s time limit.

#include "connection.h"
#include "eventtype.h"
#include "messagetype.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTimer>
#include <QUuid>

#include <cstdio>

namespace {

void finish(int status, const QString &line)
{
    std::fprintf(status == 0 ? stdout : stderr, "%s\n", qPrintable(line));
    QCoreApplication::exit(status);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 7
        || (args.at(1) != u"create" && args.at(1) != u"check" && args.at(1) != u"login")) {
        std::fprintf(stderr,
            "usage: hubbub-packageprobe create|check|login URL FINGERPRINT USER PASSWORD TITLE\n");
        return 1;
    }
    const bool create = args.at(1) == u"create";
    const bool loginOnly = args.at(1) == u"login";
    const QUrl url(args.at(2));
    const QString fingerprint = args.at(3);
    const QString title = args.at(6);

    using Hubbub::Client::Connection;
    Connection connection;
    connection.setPinLookup([fingerprint](const QUrl &) { return fingerprint; });

    QObject::connect(&connection, &Connection::certificateUntrusted,
        [](const Hubbub::Client::CertificateCheck &check) {
            finish(1,
                QStringLiteral("certificate %1 is not the one the server printed")
                    .arg(check.fingerprint));
        });
    QObject::connect(&connection, &Connection::signInFailed, [](const Hubbub::Error &error) {
        finish(1, QStringLiteral("sign-in failed: %1").arg(error.toString()));
    });
    QObject::connect(&connection, &Connection::eventReceived,
        [&title](qint64 seq, Hubbub::EventType type, const QJsonObject &data) {
            if (type == Hubbub::EventType::PostCreated
                && data.value(u"post").toObject().value(u"title").toString() == title)
                finish(0, QStringLiteral("post.created seq %1: %2").arg(seq).arg(title));
        });
    QObject::connect(&connection, &Connection::online, &connection, [&] {
        if (loginOnly) {
            finish(0, QStringLiteral("signed in as %1").arg(connection.user().username));
            return;
        }
        if (create) {
            const QJsonObject params {{QStringLiteral("title"), title},
                {QStringLiteral("content"), QStringLiteral("Posted by the package test.")},
                {QStringLiteral("nonce"), QUuid::createUuid().toString(QUuid::WithoutBraces)}};
            connection.request(Hubbub::MessageType::PostCreate, params, &connection,
                [](const Hubbub::Client::Reply &reply) {
                    if (!reply.ok())
                        finish(1, QStringLiteral("post.create: %1").arg(reply.error().toString()));
                    // Success: the post.created event ends the run.
                });
            return;
        }
        connection.request(Hubbub::MessageType::FeedPage, {}, &connection,
            [&title](const Hubbub::Client::Reply &reply) {
                if (!reply.ok()) {
                    finish(1, QStringLiteral("feed.page: %1").arg(reply.error().toString()));
                    return;
                }
                for (const auto &post : reply.result().value(u"posts").toArray()) {
                    if (post.toObject().value(u"title").toString() == title) {
                        finish(0, QStringLiteral("feed.page has: %1").arg(title));
                        return;
                    }
                }
                finish(1, QStringLiteral("feed.page does not have: %1").arg(title));
            });
    });

    QTimer::singleShot(20000, &app, [&connection] {
        finish(2,
            QStringLiteral("no answer within 20 s (state %1: %2)")
                .arg(static_cast<int>(connection.state()))
                .arg(connection.lastError()));
    });
    connection.signIn(url, args.at(4), args.at(5), create);
    return QCoreApplication::exec();
}
