// FeedView's part "react" (issue 12): reaction chips on the cards toggle one's own reaction, and
// "Add reaction…" in a card's menu opens the picker. Kept apart from feedview.cpp so that the two
// grow independently.

#include "feedmodel.h"
#include "feedview.h"
#include "peoplemodel.h"
#include "reactionpicker.h"
#include "session.h"

#include <QLineEdit>
#include <QMenu>

namespace Hubbub::Client {

void FeedView::setupReactions()
{
    connect(m_delegate, &PostDelegate::reactionClicked, this,
        [this](const QModelIndex &index, const QString &emoji, bool on) {
            const qint64 postId = index.data(FeedModel::IdRole).toLongLong();
            if (postId > 0)
                m_session->setReaction(0, postId, emoji, on, this);
        });
    m_delegate->setNameLookup([this](qint64 userId) -> QString {
        if (userId == m_session->user().id)
            return tr("You");
        PeopleModel *people = m_session->people();
        if (const int row = people->rowOf(userId); row >= 0)
            return people->index(row).data(PeopleModel::UsernameRole).toString();
        return {};
    });
}

void FeedView::addReactionAction(QMenu *menu, const QModelIndex &index, const QPoint &globalPos)
{
    const qint64 postId = index.data(FeedModel::IdRole).toLongLong();
    if (postId <= 0 || !index.data(FeedModel::LocalIdRole).toString().isEmpty()
        || index.data(FeedModel::DeletingRole).toBool())
        return;
    menu->addSeparator();
    QAction *react = menu->addAction(tr("Add reaction…"));
    react->setObjectName(QStringLiteral("reactAction"));
    connect(react, &QAction::triggered, this,
        [this, postId, globalPos] { showReactionPicker(postId, globalPos); });
}

void FeedView::showReactionPicker(qint64 postId, const QPoint &globalPos)
{
    if (m_picker)
        m_picker->close();
    auto *picker = new ReactionPicker(this);
    m_picker = picker;
    connect(picker, &ReactionPicker::picked, this, [this, postId](const QString &emoji) {
        m_session->setReaction(0, postId, emoji, true, this);
    });
    picker->move(globalPos);
    picker->show();
    picker->customField()->setFocus();
}

} // namespace Hubbub::Client
