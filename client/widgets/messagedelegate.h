#pragma once

#include "reactionlist.h"
#include "richtext.h"

#include <QDate>
#include <QEvent>
#include <QHash>
#include <QPointer>
#include <QStyledItemDelegate>

#include "types.h"
#include <functional>
#include <optional>

namespace Hubbub::Client {

class ImageCache;

//! Draws one ChatModel row: the author line on the first message of a group, the wrapped
//! text with "(edited)" / "Sending…" markers, a "Not sent — Retry · Discard" line for refused
//! changes, "Ada joined" presence lines, and a date separator above the first row of a day.
//! Heights follow the font and the view's width.
class MessageDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    //! The clickable words on a failure line.
    enum class Link { None, Retry, Discard };
    Q_ENUM(Link)

    explicit MessageDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    //! The date separator's text for `day`: "Today", "Yesterday" or the date in the locale.
    static QString dayLabel(const QDate &day, const QDate &today);
    //! The local date "Today" stands for; the view moves it on at midnight.
    void setToday(const QDate &today) { m_today = today; }
    QDate today() const { return m_today; }
    //! The date separator above the row at `index`, or empty when it starts no day.
    QString daySeparator(const QModelIndex &index) const;
    //! Part "read": a "New messages" line above the message with this id (0: none), where the
    //! user stopped reading.
    void setNewMessagesAbove(qint64 messageId) { m_newMessagesAbove = messageId; }
    qint64 newMessagesAbove() const { return m_newMessagesAbove; }
    //! The height of that line, in the view's font.
    int newMessagesHeight(const QStyleOptionViewItem &option) const;
    //! Which link of a failure line is at `pos` (view port coordinates, inside option.rect).
    Link linkAt(
        const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const;
    //! Where avatars come from (profiles); without it the author line shows initials.
    void setImages(ImageCache *images);
    //! Whether `pos` is on the author's avatar or name (view port coordinates).
    bool isOnAuthor(
        const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const;

    // Part "react": the quote above a reply, reaction chips, a message marked after a jump.
    //! Whose reactions show as one's own.
    void setSelfId(qint64 userId) { m_selfId = userId; }
    //! Names for the chips' tooltips ("Ada and Bo reacted with 👍").
    void setNameLookup(std::function<QString(qint64)> nameOf) { m_nameOf = std::move(nameOf); }
    //! Marks one message (0: none); the view repaints.
    void setHighlighted(qint64 messageId);
    qint64 highlighted() const { return m_highlightId; }
    //! What of the quote and chips is at `pos` (view port coordinates).
    struct ReactHit
    {
        bool quote = false;
        std::optional<ReactionChip> chip;
    };
    ReactHit reactHitAt(
        const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const;

    //! The Markdown link, mention or "(edited)" marker at `pos` (view port coordinates); empty
    //! for none.
    QString anchorAt(
        const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const;
    //! The documents laid out so far (the paint benchmarks check the cache holds).
    const RichText &richText() const { return m_rich; }
    //! The attachment whose Download link is at `pos` (part "files").
    std::optional<Hubbub::File> downloadAt(
        const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const;

Q_SIGNALS:
    void linkActivated(const QModelIndex &index, Hubbub::Client::MessageDelegate::Link link);
    //! "(edited)" was clicked: show the message's earlier versions.
    void editHistoryRequested(const QModelIndex &index);
    //! The author's avatar or name was clicked: show their profile card at `globalPos`.
    void authorActivated(const Hubbub::User &author, const QPoint &globalPos);
    //! The quote of a reply was clicked: go to the original.
    void quoteClicked(const QModelIndex &index);
    //! A reaction chip was clicked: `on` is what our reaction should become.
    void reactionClicked(const QModelIndex &index, const QString &emoji, bool on);
    //! The Download link of an attachment was clicked.
    void downloadRequested(const Hubbub::File &file);

protected:
    //! Only for clicks on Retry / Discard and on the author; rows are never edited in place.
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
        const QModelIndex &index) override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
        const QModelIndex &index) override;

private:
    //! Opens a web link in the system browser, or asks for the edit history.
    void activateAnchor(const QModelIndex &index, const QString &href);
    //! The row's own part of option.rect: below the "New messages" line when it has one.
    QSize rowSizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    QStyleOptionViewItem belowNewMessages(
        const QStyleOptionViewItem &option, const QModelIndex &index) const;
    bool reactEvent(QEvent::Type type, const QStyleOptionViewItem &option, const QModelIndex &index,
        const QPoint &pos);

    QDate m_today;
    qint64 m_newMessagesAbove = 0;
    QPointer<ImageCache> m_images;
    qint64 m_selfId = 0;
    qint64 m_highlightId = 0;
    std::function<QString(qint64)> m_nameOf;
    mutable RichText m_rich;
    //! Row heights by everything that decides them: QListView asks for every row's height on
    //! each layout, and wrapping text is the expensive part.
    mutable QHash<QString, int> m_heights;
    mutable QString m_heightsFont;
};

} // namespace Hubbub::Client
