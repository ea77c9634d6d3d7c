#pragma once

#include "reactionlist.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QSize>
#include <QStyledItemDelegate>

#include <functional>
#include <optional>

namespace Hubbub::Client {

class Session;

//! Draws a FeedModel row as a card: author, time, title, wrapped text (folded after a few lines
//! with "Show more"), thumbnail, rating, action links and the newest comments. Heights follow
//! the wrapped text at the view's width; colours come from the palette and sizes from the font,
//! so dark mode and HiDPI need nothing special.
class PostDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    enum class Action { None, Review, Edit, Delete, Retry, Discard, OpenImage, ShowMore, ShowLess };
    Q_ENUM(Action)

    explicit PostDelegate(Session *session, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(PostDelegate)

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
        const QModelIndex &index) override;

    //! Where the link for `action` is drawn in a row laid out in `option.rect`; empty when the
    //! row does not offer it (for example Edit on someone else's post).
    QRect actionRect(
        const QStyleOptionViewItem &option, const QModelIndex &index, Action action) const;
    //! The link (or thumbnail) under `pos`, in the same coordinates as `option.rect`.
    Action actionAt(
        const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const;
    //! The actions a row offers, in the order the card shows them.
    QList<Action> actions(const QModelIndex &index) const;
    static QString actionText(Action action);
    //! "★ 4.3 (12)", or "No reviews yet"; empty for a post not sent yet.
    static QString ratingText(const QModelIndex &index);

    //! Text longer than this many lines (and a little more) is folded to them.
    static constexpr int FoldLines = 6;
    //! Whether the row's long text is shown whole; a view state, kept per post.
    bool isExpanded(const QModelIndex &index) const;
    //! Shows the row's long text whole or folded; the row's height changes (sizeHintChanged).
    void setExpanded(const QModelIndex &index, bool expanded);
    //! ShowMore or ShowLess when the row's text is long enough to fold at this width, else None.
    Action foldAction(const QStyleOptionViewItem &option, const QModelIndex &index) const;

    // Part "react": reaction chips under the rating line.
    //! The chip under `pos`, in the same coordinates as `option.rect`.
    std::optional<ReactionChip> chipAt(
        const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const;
    //! Names for the chips' tooltips.
    void setNameLookup(std::function<QString(qint64)> nameOf) { m_nameOf = std::move(nameOf); }

Q_SIGNALS:
    void actionTriggered(Hubbub::Client::PostDelegate::Action action, const QModelIndex &index);
    //! A reaction chip was clicked: `on` is what our reaction should become.
    void reactionClicked(const QModelIndex &index, const QString &emoji, bool on);

protected:
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
        const QModelIndex &index) override;

private:
    struct Layout;
    Layout layout(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    //! The box thumbnails are scaled into: from the font, so it grows with the UI scale.
    QSize thumbnailBound(const QStyleOptionViewItem &option) const;

    //! The key of a row in m_expanded: its post id, or its outbox entry while not sent.
    static QString expandKey(const QModelIndex &index);
    //! What decides the chips' height, for the row height cache.
    static QString reactionsKey(const QModelIndex &index);
    std::function<QString(qint64)> m_nameOf;

    Session *m_session;
    QSet<QString> m_expanded;
    //! The drawn size of each thumbnail seen, so a click just beside a narrow image misses it.
    mutable QHash<QString, QSize> m_thumbnailSizes;
    //! Row heights by what decides them (width, font, texts, image, failure).
    mutable QHash<size_t, int> m_heights;
};

} // namespace Hubbub::Client
