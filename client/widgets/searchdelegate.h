#pragma once

#include <QStyledItemDelegate>

#include <functional>

namespace Hubbub::Client {

//! Paints one search result (SearchModel): what it is and where ("#general · ada · 5 min
//! ago", or the post's title), then the snippet with the matched words in bold.
class SearchDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    //! `channelName` names a channel by id ("" when unknown).
    explicit SearchDelegate(std::function<QString(qint64)> channelName, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(SearchDelegate)

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    //! The first line of a result as painted, for tests and accessibility.
    QString headerText(const QModelIndex &index) const;

private:
    std::function<QString(qint64)> m_channelName;
};

} // namespace Hubbub::Client
