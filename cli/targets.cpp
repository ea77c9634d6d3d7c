#include "targets.h"

#include "commands.h"
#include "runner.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

namespace Hubbub::Cli {

namespace {

struct TargetText
{
    Q_DECLARE_TR_FUNCTIONS(Hubbub::Cli::Targets)
};

//! Names compare as the server keys them: case and normal form do not matter.
bool sameName(const QString &a, const QString &b)
{
    return a.normalized(QString::NormalizationForm_C)
               .compare(b.normalized(QString::NormalizationForm_C), Qt::CaseInsensitive)
        == 0;
}

void resolveDirect(Runner &runner, const QString &username, bool openDirect,
    const std::function<void(qint64, const QString &)> &done)
{
    if (!runner.require(QStringLiteral("dm"), TargetText::tr("direct conversations")))
        return;
    runner.call(MessageType::UserList, {},
        [&runner, username, openDirect, done](const QJsonObject &result) {
            const QJsonArray users = result.value(QStringLiteral("users")).toArray();
            const auto found
                = std::find_if(users.begin(), users.end(), [&](const QJsonValue &user) {
                      return sameName(user[QLatin1String("username")].toString(), username);
                  });
            if (found == users.end()) {
                return runner.fail(ExitCode::NotFound, QStringLiteral("not_found"),
                    TargetText::tr("There is no user named %1.").arg(username));
            }
            const User other = User::fromJson(found->toObject());
            const QString label = QLatin1Char('@') + other.username;
            if (other.id == runner.user().id) {
                return usageError(
                    runner, TargetText::tr("A direct conversation needs someone other than you."));
            }
            if (openDirect) {
                runner.call(MessageType::DmOpen,
                    {{QStringLiteral("userIds"), QJsonArray {other.id}}},
                    [done, label](const QJsonObject &opened) {
                        done(opened[QLatin1String("channel")][QLatin1String("id")].toInteger(),
                            label);
                    });
                return;
            }
            runner.call(
                MessageType::DmList, {}, [&runner, other, label, done](const QJsonObject &listed) {
                    const qint64 me = runner.user().id;
                    for (const QJsonValue &channel :
                        listed.value(QStringLiteral("channels")).toArray()) {
                        const QJsonArray members = channel[QLatin1String("members")].toArray();
                        QList<qint64> ids;
                        for (const QJsonValue &member : members)
                            ids.append(member[QLatin1String("id")].toInteger());
                        std::sort(ids.begin(), ids.end());
                        if (ids == QList<qint64> {std::min(me, other.id), std::max(me, other.id)})
                            return done(channel[QLatin1String("id")].toInteger(), label);
                    }
                    runner.fail(ExitCode::NotFound, QStringLiteral("not_found"),
                        TargetText::tr("You have no direct conversation with %1.").arg(label));
                });
        });
}

} // namespace

void resolveChannel(Runner &runner, const QString &name, bool openDirect,
    std::function<void(qint64 channelId, const QString &label)> done)
{
    if (name.startsWith(QLatin1Char('@')) && name.size() > 1)
        return resolveDirect(runner, name.mid(1), openDirect, done);
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,18}$"));
    const bool byId = digits.match(name).hasMatch();
    const QString wanted = name.startsWith(QLatin1Char('#')) ? name.mid(1) : name;
    if (wanted.isEmpty())
        return usageError(runner, TargetText::tr("No channel named."));
    runner.call(
        MessageType::ChannelList, {}, [&runner, byId, wanted, done](const QJsonObject &result) {
            const qint64 id = byId ? wanted.toLongLong() : 0;
            for (const QJsonValue &channel : result.value(QStringLiteral("channels")).toArray()) {
                const QString channelName = channel[QLatin1String("name")].toString();
                if (byId ? channel[QLatin1String("id")].toInteger() == id
                         : sameName(channelName, wanted))
                    return done(
                        channel[QLatin1String("id")].toInteger(), QLatin1Char('#') + channelName);
            }
            if (byId) // a direct conversation, or one the server will say is not there
                return done(id, TargetText::tr("conversation %1").arg(id));
            runner.fail(ExitCode::NotFound, QStringLiteral("not_found"),
                TargetText::tr("There is no channel #%1.").arg(wanted),
                QStringLiteral("channelId"));
        });
}

} // namespace Hubbub::Cli
