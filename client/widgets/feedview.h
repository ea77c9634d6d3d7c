#pragma once

#include "postdelegate.h"

#include <QMenu>
#include <QPersistentModelIndex>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QListView;

namespace Hubbub::Client {

class Composer;
class FeedListView;
class Session;

//! The feed page: the composer on top of the list of posts, with the dialogs its cards open
//! (review, edit, delete, image). New posts arriving above what the user is reading do not
//! move it; older posts load as the list is scrolled to its end. The list measures only the
//! cards near the viewport, so 100,000 posts cost no more than 100 to update.
class FeedView final : public QWidget
{
    Q_OBJECT
public:
    explicit FeedView(Session *session, QWidget *parent = nullptr);
    ~FeedView() override;
    Q_DISABLE_COPY_MOVE(FeedView)

    Composer *composer() const { return m_composer; }
    QListView *listView() const;
    PostDelegate *delegate() const { return m_delegate; }
    //! Where the card in `row` shows the link for `action`, in the list's viewport
    //! coordinates; empty when the row does not offer it or is not laid out.
    QRect actionRect(int row, PostDelegate::Action action) const;
    //! The context menu opened last, while it is open.
    QMenu *contextMenu() const { return m_menu; }
    //! What the list says while it shows no post: loading, offline, or that there is none.
    QString placeholderText() const;

    void trigger(PostDelegate::Action action, const QModelIndex &index);
    void showContextMenu(const QModelIndex &index, const QPoint &globalPos);

    //! Opens the reaction picker for a post (part "react"); the last one opened, or null.
    void showReactionPicker(qint64 postId, const QPoint &globalPos);
    QWidget *reactionPicker() const { return m_picker; }

private:
    // Part "react" (feedviewreactions.cpp).
    void setupReactions();
    void addReactionAction(QMenu *menu, const QModelIndex &index, const QPoint &globalPos);
    QPointer<QWidget> m_picker;

    void onAction(PostDelegate::Action action, const QPersistentModelIndex &index);
    void setExpanded(const QModelIndex &index, bool expanded);
    void openReview(const QModelIndex &index);
    void openEditor(const QModelIndex &index);
    void confirmDelete(const QModelIndex &index);
    void openImage(const QModelIndex &index);
    //! The outbox entry a row stands for (Outbox::changeShownBy, the rule ChatView uses too).
    QString localIdFor(const QModelIndex &index) const;
    void updatePlaceholder();
    bool eventFilter(QObject *watched, QEvent *event) override;

    Session *m_session;
    Composer *m_composer;
    FeedListView *m_list;
    PostDelegate *m_delegate;
    QPointer<QMenu> m_menu;
    QTimer m_clock;
};

} // namespace Hubbub::Client
