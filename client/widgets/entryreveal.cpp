#include "entryreveal.h"

#include <QAbstractItemModel>
#include <QListView>
#include <QPointer>
#include <QTimer>

namespace Hubbub::Client {

namespace {

const QString RevealName = QStringLiteral("entryReveal");

//! One reveal under way; it deletes itself once done or given up.
class Reveal final : public QObject
{
public:
    Reveal(QListView *list, QAbstractItemModel *source, std::function<int()> rowOf, int pages)
        : QObject(list)
        , m_list(list)
        , m_source(source)
        , m_rowOf(std::move(rowOf))
        , m_pages(pages)
    {
        setObjectName(RevealName);
        connect(source, &QAbstractItemModel::rowsInserted, this, &Reveal::attempt,
            Qt::QueuedConnection);
        connect(
            source, &QAbstractItemModel::modelReset, this, &Reveal::attempt, Qt::QueuedConnection);
        connect(source, &QObject::destroyed, this, &QObject::deleteLater);
        QTimer::singleShot(15000, this, &QObject::deleteLater);
    }

    void attempt()
    {
        const int row = m_rowOf();
        if (row >= 0 && m_list->model() && row < m_list->model()->rowCount()) {
            const QModelIndex index = m_list->model()->index(row, 0);
            m_list->setCurrentIndex(index);
            m_list->scrollTo(index, QAbstractItemView::PositionAtCenter);
            deleteLater();
            return;
        }
        // Older rows are asked for only once some are there: the first page is on its way.
        if (m_source->rowCount() > 0 && m_pages > 0 && m_source->canFetchMore({})) {
            --m_pages;
            m_source->fetchMore({});
        }
    }

private:
    QListView *m_list;
    QPointer<QAbstractItemModel> m_source;
    std::function<int()> m_rowOf;
    int m_pages;
};

} // namespace

void revealEntry(QListView *list, QAbstractItemModel *source, std::function<int()> rowOf, int pages)
{
    if (auto *earlier = list->findChild<QObject *>(RevealName, Qt::FindDirectChildrenOnly))
        delete earlier;
    auto *reveal = new Reveal(list, source, std::move(rowOf), pages);
    reveal->attempt();
}

} // namespace Hubbub::Client
