#pragma once

#include "types.h"

#include <QDate>
#include <QHash>
#include <QStyledItemDelegate>

#include <optional>

namespace Hubbub::Client {

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
    //! Which link of a failure line is at `pos` (view port coordinates, inside option.rect).
    Link linkAt(
        const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const;

    //! The attachment whose Download link is at `pos` (part "files").
    std::optional<Hubbub::File> downloadAt(
        const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const;

Q_SIGNALS:
    void linkActivated(const QModelIndex &index, Hubbub::Client::MessageDelegate::Link link);
    //! The Download link of an attachment was clicked.
    void downloadRequested(const Hubbub::File &file);

protected:
    //! Only for clicks on Retry / Discard; rows are never edited in place.
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
        const QModelIndex &index) override;

private:
    QDate m_today;
    //! Row heights by everything that decides them: QListView asks for every row's height on
    //! each layout, and wrapping text is the expensive part.
    mutable QHash<QString, int> m_heights;
    mutable QString m_heightsFont;
};

} // namespace Hubbub::Client
