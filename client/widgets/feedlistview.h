#pragma once

#include <QList>
#include <QListView>
#include <QPersistentModelIndex>

#include <optional>
#include <utility>
#include <vector>

namespace Hubbub::Client {

//! The list of cards. QListView lays out every row whenever anything changes, asking the
//! delegate for each height: seconds at 100,000 posts. This list keeps each row's height and the
//! running sum of them, measures only the rows near the viewport (the others keep their last or
//! an estimated height until they come near), and keeps the row being read where it is when
//! anything above it changes. It stays a QListView for its callers, but none of QListView's own
//! layout ever runs: everything that would use it is replaced here.
class FeedListView final : public QListView
{
    Q_OBJECT
public:
    explicit FeedListView(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(FeedListView)

    QStyleOptionViewItem optionFor(const QModelIndex &index) const;

    void setModel(QAbstractItemModel *model) override;
    QRect visualRect(const QModelIndex &index) const override;
    void scrollTo(const QModelIndex &index, ScrollHint hint = EnsureVisible) override;
    QModelIndex indexAt(const QPoint &point) const override;
    void doItemsLayout() override;
    void reset() override;
    //! What the list says while it has no rows (it has not loaded, or there is nothing).
    void setPlaceholderText(const QString &text);
    QString placeholderText() const { return m_placeholder; }

protected:
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
        const QList<int> &roles = QList<int>()) override;
    void rowsInserted(const QModelIndex &parent, int first, int last) override;
    void rowsAboutToBeRemoved(const QModelIndex &parent, int first, int last) override;
    void scrollContentsBy(int dx, int dy) override;
    void resizeEvent(QResizeEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    int horizontalOffset() const override;
    int verticalOffset() const override;
    QModelIndex moveCursor(CursorAction action, Qt::KeyboardModifiers modifiers) override;
    void setSelection(const QRect &rect, QItemSelectionModel::SelectionFlags command) override;
    QRegion visualRegionForSelection(const QItemSelection &selection) const override;
    void updateGeometries() override;
    void selectionChanged(
        const QItemSelection &selected, const QItemSelection &deselected) override;
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;
    QSize viewportSizeHint() const override;

private:
    struct Row
    {
        int height;
        quint32 generation; //!< measured in this generation; 0: never, or changed since
    };

    int rowCount() const { return int(m_rows.size()); }
    QModelIndex indexOf(int row) const { return model()->index(row, modelColumn(), rootIndex()); }
    bool isOurs(const QModelIndex &index) const;
    //! Where row `row` starts, from the top of the first row; rowCount() gives the total.
    int top(int row) const;
    //! The row covering `y` (from the top of the first row), clamped to the rows there are.
    int rowAt(int y) const;
    //! The rows from `row` on changed (in height, or in number): where the rows after it start
    //! must be summed again, but not where it starts.
    void heightsChangedFrom(int row) { m_validTops = std::min(m_validTops, row); }
    //! Asks the delegate for the row's height unless it is known; true when it changed.
    bool measure(int row, const QStyleOptionViewItem &option);
    int estimate() const;
    //! Every height is asked again as its row comes near: font, style or width changed.
    void remeasureAll();
    //! Where the viewport should start: the anchor where it was, or the top when at the top.
    int wantedOffset() const;
    void invalidate();
    void ensureLayout() const;
    //! Measures the rows in and near the viewport, places the viewport so that the anchor row
    //! stays where it was on screen, sets the scroll bar, and takes the row now on top as the
    //! anchor. Costs the rows near the viewport plus a pass over a vector of heights.
    void relayout();
    //! Takes the row now at the top (or the last row, at the end) as the one to keep in place.
    void reanchor();
    //! All rows anew (reset, moves): heights unknown, back to the top.
    void rebuild();
    void setHover(const QModelIndex &index);

    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void onRowsRemoved(const QModelIndex &parent, int first, int last);

    std::vector<Row> m_rows;
    //! m_tops[row] is where the row starts; right up to m_validTops, summed on demand past it.
    mutable std::vector<int> m_tops {0};
    mutable int m_validTops = 0;
    quint32 m_generation = 1;
    int m_measuredWidth = -1;
    qint64 m_measuredSum = 0;
    qint64 m_measuredCount = 0;
    //! After a reset: the estimate for the rows not measured yet improves with the first rows.
    bool m_reestimate = true;
    // The reading position: the anchor row's top is m_anchorY pixels below the viewport's top
    // (so usually zero or negative), unless the list is scrolled to the very top.
    int m_anchorRow = 0;
    int m_anchorY = 0;
    bool m_atTop = true;
    std::optional<std::pair<int, int>> m_anchorAfterRemoval;
    bool m_dirty = true;
    bool m_inLayout = false;
    QPersistentModelIndex m_hover;
    QList<QMetaObject::Connection> m_modelConnections;
    QString m_placeholder;
};

} // namespace Hubbub::Client
