#include "reactionlist.h"

#include <QCoreApplication>
#include <QLocale>
#include <QVariantMap>

namespace Hubbub::Client {

namespace {

struct ReactionText
{
    Q_DECLARE_TR_FUNCTIONS(Hubbub::Client::Reactions)
};

} // namespace

QVariantList reactionsToVariant(const QList<Reaction> &reactions)
{
    QVariantList list;
    for (const Reaction &reaction : reactions) {
        QVariantList users;
        for (qint64 id : reaction.userIds)
            users.append(id);
        list.append(QVariantMap {{QStringLiteral("emoji"), reaction.emoji},
            {QStringLiteral("count"), int(reaction.count())}, {QStringLiteral("userIds"), users}});
    }
    return list;
}

QList<ReactionChip> reactionChips(const QVariant &reactions, qint64 selfId)
{
    QList<ReactionChip> chips;
    const QVariantList list = reactions.toList();
    for (const QVariant &value : list) {
        const QVariantMap map = value.toMap();
        ReactionChip chip;
        chip.emoji = map.value(QStringLiteral("emoji")).toString();
        chip.count = map.value(QStringLiteral("count")).toInt();
        const QVariantList users = map.value(QStringLiteral("userIds")).toList();
        for (const QVariant &user : users) {
            chip.userIds.append(user.toLongLong());
            chip.mine = chip.mine || user.toLongLong() == selfId;
        }
        chips.append(chip);
    }
    return chips;
}

QString reactorNames(const QList<qint64> &userIds, const std::function<QString(qint64)> &nameOf)
{
    QStringList names;
    int unknown = 0;
    for (qint64 id : userIds) {
        const QString name = nameOf ? nameOf(id) : QString();
        if (name.isEmpty())
            ++unknown;
        else
            names.append(name);
    }
    if (unknown > 0)
        names.append(ReactionText::tr("%n other(s)", "who reacted", unknown));
    return QLocale().createSeparatedList(names);
}

} // namespace Hubbub::Client
