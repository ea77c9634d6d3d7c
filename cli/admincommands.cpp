// admin users|role|disable|enable|reset-password, invite create|list|revoke, audit: what an
// admin runs (docs/protocol.md, "Accounts an admin runs"), on servers that announce it.

#include "commands.h"
#include "format.h"
#include "output.h"
#include "runner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace Hubbub::Cli {

namespace {

struct AdminText
{
    Q_DECLARE_TR_FUNCTIONS(Hubbub::Cli::AdminCommands)
};

constexpr qint64 MaxId = (qint64(1) << 53) - 1;

QString userName(const QJsonValue &user)
{
    return user.isObject() ? user[QLatin1String("username")].toString() : QStringLiteral("-");
}

//! A user as an admin command names them: an id, or a username (any case).
void resolveUser(Runner &runner, const QString &name, std::function<void(qint64 userId)> done)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,16}$"));
    if (digits.match(name).hasMatch())
        return done(name.toLongLong());
    runner.call(MessageType::AdminUsers, {}, [&runner, name, done](const QJsonObject &result) {
        const QString wanted = name.normalized(QString::NormalizationForm_C);
        for (const QJsonValue &row : result.value(QStringLiteral("users")).toArray()) {
            const QJsonObject user = row[QLatin1String("user")].toObject();
            if (user.value(QStringLiteral("username"))
                    .toString()
                    .normalized(QString::NormalizationForm_C)
                    .compare(wanted, Qt::CaseInsensitive)
                == 0)
                return done(user.value(QStringLiteral("id")).toInteger());
        }
        runner.fail(ExitCode::NotFound, QStringLiteral("not_found"),
            AdminText::tr("There is no user named %1.").arg(name), QStringLiteral("userId"));
    });
}

//! Connects, checks that the server has `feature`, and runs `then`.
void whenAble(
    Runner &runner, const QString &feature, const QString &what, std::function<void()> then)
{
    runner.connectThen([&runner, feature, what, then] {
        if (runner.require(feature, what))
            then();
    });
}

//! Prints the result as JSON, or `text` for people, and ends.
void report(Runner &runner, const QJsonObject &result, const QString &text)
{
    if (runner.output().isJson())
        runner.output().json(result);
    else
        runner.output().text(text);
    runner.finish();
}

Command users()
{
    Command command;
    command.name = QStringLiteral("admin users");
    command.summary = AdminText::tr("List every account.");
    command.run = [](Runner &runner, const QCommandLineParser &, const QStringList &) {
        whenAble(runner, QStringLiteral("admin"), AdminText::tr("admin commands"), [&runner] {
            runner.call(MessageType::AdminUsers, {}, [&runner](const QJsonObject &result) {
                if (runner.output().isJson()) {
                    runner.output().json(result);
                    return runner.finish();
                }
                for (const QJsonValue &row : result.value(QStringLiteral("users")).toArray()) {
                    const QJsonObject user = row[QLatin1String("user")].toObject();
                    QStringList flags {user.value(QStringLiteral("role")).toString()};
                    if (row[QLatin1String("disabled")].toBool())
                        flags.append(AdminText::tr("disabled"));
                    if (row[QLatin1String("mustChangePassword")].toBool())
                        flags.append(AdminText::tr("one-time code"));
                    if (row[QLatin1String("online")].toBool())
                        flags.append(AdminText::tr("online"));
                    runner.output().text(QStringLiteral("%1\t%2\t%3\t%4")
                                             .arg(user.value(QStringLiteral("id")).toInteger())
                                             .arg(user.value(QStringLiteral("username")).toString(),
                                                 flags.join(QStringLiteral(", ")),
                                                 AdminText::tr("%n session(s)", nullptr,
                                                     row[QLatin1String("sessions")].toInt())));
                }
                runner.finish();
            });
        });
    };
    return command;
}

//! admin disable / enable / reset-password: one user, one verb.
Command userVerb(const QString &name, MessageType type, const QString &summary)
{
    Command command;
    command.name = name;
    command.summary = summary;
    command.arguments = {{AdminText::tr("USER"), AdminText::tr("A username or a user id.")}};
    command.minArguments = 1;
    command.maxArguments = 1;
    command.run = [type](Runner &runner, const QCommandLineParser &, const QStringList &arguments) {
        const QString user = arguments.at(0);
        whenAble(runner, QStringLiteral("admin"), AdminText::tr("admin commands"),
            [&runner, user, type] {
                resolveUser(runner, user, [&runner, type](qint64 userId) {
                    runner.call(type, {{QStringLiteral("userId"), userId}},
                        [&runner, type](const QJsonObject &result) {
                            const QString name = userName(result.value(QStringLiteral("user")));
                            const int signedOut = result.value(QStringLiteral("signedOut")).toInt();
                            QString text;
                            if (type == MessageType::AdminDisable)
                                text = AdminText::tr(
                                    "%1 is disabled; %n session(s) signed out.", nullptr, signedOut)
                                           .arg(name);
                            else if (type == MessageType::AdminEnable)
                                text = AdminText::tr("%1 can sign in again.").arg(name);
                            else
                                text
                                    = AdminText::tr("One-time code for %1: %2 (valid until %3). "
                                                    "Give it to them in person.")
                                          .arg(name,
                                              result.value(QStringLiteral("code")).toString(),
                                              Format::time(result.value(QStringLiteral("expiresAt"))
                                                               .toString()));
                            report(runner, result, text);
                        });
                });
            });
    };
    return command;
}

Command role()
{
    Command command;
    command.name = QStringLiteral("admin role");
    command.summary = AdminText::tr("Make someone an admin or a member.");
    command.arguments = {{AdminText::tr("USER"), AdminText::tr("A username or a user id.")},
        {AdminText::tr("ROLE"), AdminText::tr("admin or member.")}};
    command.minArguments = 2;
    command.maxArguments = 2;
    command.run = [](Runner &runner, const QCommandLineParser &, const QStringList &arguments) {
        const QString user = arguments.at(0);
        const QString role = arguments.at(1);
        if (role != u"admin" && role != u"member")
            return usageError(runner, AdminText::tr("ROLE must be admin or member."));
        whenAble(runner, QStringLiteral("admin"), AdminText::tr("admin commands"),
            [&runner, user, role] {
                resolveUser(runner, user, [&runner, role](qint64 userId) {
                    runner.call(MessageType::AdminRole,
                        {{QStringLiteral("userId"), userId}, {QStringLiteral("role"), role}},
                        [&runner](const QJsonObject &result) {
                            const QJsonValue user = result.value(QStringLiteral("user"));
                            report(runner, result,
                                user[QLatin1String("role")].toString() == u"admin"
                                    ? AdminText::tr("%1 is an admin.").arg(userName(user))
                                    : AdminText::tr("%1 is a member.").arg(userName(user)));
                        });
                });
            });
    };
    return command;
}

Command inviteCreate()
{
    const QCommandLineOption hours(QStringLiteral("hours"),
        AdminText::tr("Valid for <n> hours (1 to 720, default 168: a week)."), QStringLiteral("n"));
    Command command;
    command.name = QStringLiteral("invite create");
    command.summary = AdminText::tr("Make an invite code for a new account.");
    command.options = {hours};
    command.run = [hours](Runner &runner, const QCommandLineParser &parser, const QStringList &) {
        const std::optional<qint64> valid = integerOption(runner, parser, hours, 1, 720, 168);
        if (!valid)
            return;
        whenAble(runner, QStringLiteral("invites"), AdminText::tr("invites"), [&runner, valid] {
            runner.call(MessageType::InviteCreate, {{QStringLiteral("expiresInHours"), *valid}},
                [&runner](const QJsonObject &result) {
                    report(runner, result,
                        AdminText::tr("Invite code: %1 (valid until %2).")
                            .arg(result.value(QStringLiteral("code")).toString(),
                                Format::time(
                                    result[QLatin1String("invite")][QLatin1String("expiresAt")]
                                        .toString())));
                });
        });
    };
    return command;
}

Command inviteList()
{
    Command command;
    command.name = QStringLiteral("invite list");
    command.summary = AdminText::tr("List the open invites and those used or expired lately.");
    command.run = [](Runner &runner, const QCommandLineParser &, const QStringList &) {
        whenAble(runner, QStringLiteral("invites"), AdminText::tr("invites"), [&runner] {
            runner.call(MessageType::InviteList, {}, [&runner](const QJsonObject &result) {
                if (runner.output().isJson()) {
                    runner.output().json(result);
                    return runner.finish();
                }
                for (const QJsonValue &invite : result.value(QStringLiteral("invites")).toArray()) {
                    const QJsonValue usedBy = invite[QLatin1String("usedBy")];
                    runner.output().text(
                        QStringLiteral("%1\t%2\t%3\t%4")
                            .arg(invite[QLatin1String("id")].toInteger())
                            .arg(AdminText::tr("by %1").arg(
                                     userName(invite[QLatin1String("createdBy")])),
                                AdminText::tr("until %1")
                                    .arg(Format::time(
                                        invite[QLatin1String("expiresAt")].toString())),
                                usedBy.isObject()
                                    ? AdminText::tr("used by %1").arg(userName(usedBy))
                                    : AdminText::tr("open")));
                }
                runner.finish();
            });
        });
    };
    return command;
}

Command inviteRevoke()
{
    Command command;
    command.name = QStringLiteral("invite revoke");
    command.summary = AdminText::tr("Withdraw an unused invite.");
    command.arguments = {{AdminText::tr("ID"), AdminText::tr("The invite's id (invite list).")}};
    command.minArguments = 1;
    command.maxArguments = 1;
    command.run = [](Runner &runner, const QCommandLineParser &, const QStringList &arguments) {
        const std::optional<qint64> id
            = integerArgument(runner, arguments.at(0), AdminText::tr("ID"), 1, MaxId);
        if (!id)
            return;
        whenAble(runner, QStringLiteral("invites"), AdminText::tr("invites"), [&runner, id] {
            runner.call(MessageType::InviteRevoke, {{QStringLiteral("inviteId"), *id}},
                [&runner, id](const QJsonObject &result) {
                    report(runner, result, AdminText::tr("Invite %1 withdrawn.").arg(*id));
                });
        });
    };
    return command;
}

Command audit()
{
    const QCommandLineOption limit(QStringLiteral("limit"),
        AdminText::tr("The <n> newest entries (1 to 500, default 100)."), QStringLiteral("n"));
    const QCommandLineOption before(QStringLiteral("before"),
        AdminText::tr("Only entries older than the entry <id>."), QStringLiteral("id"));
    Command command;
    command.name = QStringLiteral("audit");
    command.summary = AdminText::tr("Show the audit log of what admins changed, newest first.");
    command.options = {limit, before};
    command.run = [limit, before](
                      Runner &runner, const QCommandLineParser &parser, const QStringList &) {
        const std::optional<qint64> count = integerOption(runner, parser, limit, 1, 500, 100);
        if (!count)
            return;
        const std::optional<qint64> beforeId = integerOption(runner, parser, before, 1, MaxId, 0);
        if (!beforeId)
            return;
        whenAble(runner, QStringLiteral("audit"), AdminText::tr("the audit log"),
            [&runner, count, beforeId] {
                QJsonObject params {{QStringLiteral("limit"), *count}};
                if (*beforeId > 0)
                    params.insert(QStringLiteral("before"), *beforeId);
                runner.call(MessageType::AuditList, params, [&runner](const QJsonObject &result) {
                    if (runner.output().isJson()) {
                        runner.output().json(result);
                        return runner.finish();
                    }
                    for (const QJsonValue &entry :
                        result.value(QStringLiteral("entries")).toArray()) {
                        runner.output().text(
                            QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6")
                                .arg(entry[QLatin1String("id")].toInteger())
                                .arg(Format::time(entry[QLatin1String("at")].toString()),
                                    userName(entry[QLatin1String("actor")]),
                                    entry[QLatin1String("action")].toString(),
                                    userName(entry[QLatin1String("target")]),
                                    QString::fromUtf8(
                                        QJsonDocument(entry[QLatin1String("detail")].toObject())
                                            .toJson(QJsonDocument::Compact))));
                    }
                    runner.finish();
                });
            });
    };
    return command;
}

} // namespace

QList<Command> adminCommands()
{
    return {users(), role(),
        userVerb(QStringLiteral("admin disable"), MessageType::AdminDisable,
            AdminText::tr("Disable an account and sign out all its devices.")),
        userVerb(QStringLiteral("admin enable"), MessageType::AdminEnable,
            AdminText::tr("Let a disabled account sign in again.")),
        userVerb(QStringLiteral("admin reset-password"), MessageType::AdminResetPassword,
            AdminText::tr("Replace someone's password with a one-time code.")),
        inviteCreate(), inviteList(), inviteRevoke(), audit()};
}

} // namespace Hubbub::Cli
