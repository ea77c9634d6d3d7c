#pragma once

#include "richtext.h"

#include <QDate>
#include <QHash>
#include <QStyledItemDelegate>

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

    //! The Markdown link, mention or "(edited)" marker at `pos` (view port coordinates); empty
    //! for none.
    QString anchorAt(
        const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const;
    //! Who is signed in, as the row's ChatModel knows (0 when none).
    static qint64 selfId(const QModelIndex &index);
    //! The documents laid out so far (the paint benchmarks check the cache holds).
    const RichText &richText() const { return m_rich; }

Q_SIGNALS:
    void linkActivated(const QModelIndex &index, Hubbub::Client::MessageDelegate::Link link);
    //! "(edited)" was clicked: show the message's earlier versions.
    void editHistoryRequested(const QModelIndex &index);

protected:
    //! Only for clicks on Retry / Discard; rows are never edited in place.
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
        const QModelIndex &index) override;

private:
    //! Opens a web link in the system browser, or asks for the edit history.
    void activateAnchor(const QModelIndex &index, const QString &href);

    QDate m_today;
    mutable RichText m_rich;
    //! Row heights by everything that decides them: QListView asks for every row's height on
    //! each layout, and wrapping text is the expensive part.
    mutable QHash<QString, int> m_heights;
    mutable QString m_heightsFont;
};

} // namespace Hubbub::Client
