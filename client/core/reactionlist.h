#pragma once

#include "types.h"

#include <QStringList>
#include <QVariantList>

#include <functional>

namespace Hubbub::Client {

//! The models' ReactionsRole: one {emoji, count, userIds} map per reaction, in order.
QVariantList reactionsToVariant(const QList<Reaction> &reactions);

//! One reaction chip as a delegate paints it, read back from ReactionsRole.
struct ReactionChip
{
    QString emoji;
    int count = 0;
    QList<qint64> userIds;
    bool mine = false; //!< the signed-in user is among userIds
};
QList<ReactionChip> reactionChips(const QVariant &reactions, qint64 selfId);

//! "Ada, Bo and 2 others" for a tooltip: the names `nameOf` knows, then how many it does not.
QString reactorNames(const QList<qint64> &userIds, const std::function<QString(qint64)> &nameOf);

} // namespace Hubbub::Client
