#include "feedlistview.h"

#include "feedview.h"

#include <QAccessible>
#include <QApplication>
#include <QKeyEvent>
#include <QPainter>
#include <QScopedValueRollback>
#include <QScrollBar>

#include <algorithm>

namespace Hubbub::Client {

FeedListView::FeedListView(QWidget *parent)
    : QListView(parent)
{ }

QStyleOptionViewItem FeedListView::optionFor(const QModelIndex &index) const
{
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = visualRect(index);
    if (currentIndex() == index && hasFocus())
        option.state |= QStyle::State_HasFocus;
    return option;
}

void FeedListView::setModel(QAbstractItemModel *newModel)
{
    if (newModel == model())
        return;
    for (const QMetaObject::Connection &connection : std::as_const(m_modelConnections))
        disconnect(connection);
    m_modelConnections.clear();
    // Before QAbstractItemView's own handlers, which ask for geometry: the heights must already
    // match the rows by then.
    if (newModel) {
        m_modelConnections = {
            connect(
                newModel, &QAbstractItemModel::rowsInserted, this, &FeedListView::onRowsInserted),
            connect(newModel, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                &FeedListView::onRowsAboutToBeRemoved),
            connect(newModel, &QAbstractItemModel::rowsRemoved, this, &FeedListView::onRowsRemoved),
            connect(newModel, &QAbstractItemModel::rowsMoved, this, &FeedListView::rebuild),
            connect(newModel, &QAbstractItemModel::layoutChanged, this, &FeedListView::rebuild),
        };
    }
    QListView::setModel(newModel);
    rebuild();
}

bool FeedListView::isOurs(const QModelIndex &index) const
{
    return index.isValid() && index.model() == model() && index.parent() == rootIndex()
        && index.column() == modelColumn() && index.row() < rowCount();
}

int FeedListView::top(int row) const
{
    if (row > m_validTops) {
        for (int r = m_validTops; r < row; ++r)
            m_tops[r + 1] = m_tops[r] + m_rows[r].height;
        m_validTops = row;
    }
    return m_tops[row];
}

int FeedListView::rowAt(int y) const
{
    const int count = rowCount();
    if (count == 0)
        return -1;
    if (y >= top(m_validTops))
        top(count);
    // The last row starting at or above y, among the tops already summed.
    const auto end = m_tops.cbegin() + std::min(m_validTops + 1, count);
    const int row = int(std::upper_bound(m_tops.cbegin(), end, y) - m_tops.cbegin()) - 1;
    return std::clamp(row, 0, count - 1);
}

int FeedListView::estimate() const
{
    if (m_measuredCount > 0)
        return int(m_measuredSum / m_measuredCount);
    return fontMetrics().height() * 8;
}

bool FeedListView::measure(int row, const QStyleOptionViewItem &option)
{
    Row &r = m_rows[size_t(row)];
    if (r.generation == m_generation)
        return false;
    const QModelIndex index = indexOf(row);
    const int height = std::max(1, itemDelegateForIndex(index)->sizeHint(option, index).height());
    r.generation = m_generation;
    m_measuredSum += height;
    ++m_measuredCount;
    if (height == r.height)
        return false;
    r.height = height;
    heightsChangedFrom(row);
    return true;
}

void FeedListView::remeasureAll()
{
    if (++m_generation == 0) { // after four billion generations: start again
        for (Row &row : m_rows)
            row.generation = 0;
        m_generation = 1;
    }
    m_dirty = true;
}

int FeedListView::wantedOffset() const
{
    const int maximum = std::max(0, top(rowCount()) - viewport()->height());
    if (m_atTop || rowCount() == 0)
        return 0;
    return std::clamp(top(std::min(m_anchorRow, rowCount() - 1)) - m_anchorY, 0, maximum);
}

void FeedListView::invalidate()
{
    m_dirty = true;
    viewport()->update();
}

void FeedListView::ensureLayout() const
{
    if (m_dirty)
        const_cast<FeedListView *>(this)->relayout();
}

void FeedListView::relayout()
{
    // Not while the model is between two signals of one change: the rows are not known yet.
    if (m_inLayout || !model() || model()->rowCount(rootIndex()) != rowCount())
        return;
    const QScopedValueRollback guard(m_inLayout, true);
    m_dirty = false;
    const int width = viewport()->width();
    if (width != m_measuredWidth) {
        m_measuredWidth = width;
        remeasureAll();
        m_dirty = false;
    }
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = QRect(0, 0, width, 0);
    const int height = std::max(0, viewport()->height());
    // Half a viewport each way is measured too, so that scrolling shows rows already measured
    // and the heights that change are the ones out of sight, above the anchor.
    const int margin = height / 2;
    QScrollBar *bar = verticalScrollBar();
    const int before = bar->value();
    const int count = rowCount();
    bool changed = false;
    int offset = wantedOffset();
    // Each round measures at least one more row; a few rounds settle any screen.
    for (int round = 0; round < 16 && count > 0; ++round) {
        bool moved = false;
        for (int row = rowAt(std::max(0, offset - margin));
             row < count && top(row) < offset + height + margin; ++row) {
            moved |= measure(row, option);
        }
        if (m_reestimate && m_measuredCount > 0) {
            // The first rows measured say more about the others than the font does.
            const int guess = estimate();
            for (int row = 0; row < count; ++row) {
                if (m_rows[size_t(row)].generation == 0)
                    m_rows[size_t(row)].height = guess;
            }
            heightsChangedFrom(0);
            m_reestimate = false;
            moved = true;
        }
        if (!moved)
            break;
        changed = true;
        offset = wantedOffset();
    }
    bar->setRange(0, std::max(0, top(count) - height));
    bar->setPageStep(height);
    bar->setValue(offset);
    reanchor();
    if (changed || offset != before)
        viewport()->update();
}

void FeedListView::reanchor()
{
    const int offset = verticalOffset();
    m_atTop = offset == 0;
    if (rowCount() == 0) {
        m_anchorRow = 0;
        m_anchorY = 0;
        return;
    }
    // The row at the top is the one to keep in place; at the very end, the last one, so that
    // the end stays in sight while the rows above it are measured.
    const bool atEnd = offset > 0 && offset >= verticalScrollBar()->maximum();
    m_anchorRow = atEnd ? rowCount() - 1 : rowAt(offset);
    m_anchorY = top(m_anchorRow) - offset;
}

void FeedListView::rebuild()
{
    m_rows.assign(size_t(model() ? model()->rowCount(rootIndex()) : 0), Row {estimate(), 0});
    m_tops.assign(m_rows.size() + 1, 0);
    m_validTops = 0;
    m_anchorRow = 0;
    m_anchorY = 0;
    m_atTop = true;
    m_reestimate = true;
    m_anchorAfterRemoval.reset();
    invalidate();
}

void FeedListView::reset()
{
    QListView::reset();
    rebuild();
}

void FeedListView::doItemsLayout()
{
    // Asked for after a change of delegate, font or style: heights may differ. Only the rows in
    // sight are measured again now.
    remeasureAll();
    QAbstractItemView::doItemsLayout(); // updateGeometries(), then a repaint
}

void FeedListView::updateGeometries()
{
    m_dirty = true;
    relayout();
    QAbstractItemView::updateGeometries();
}

void FeedListView::resizeEvent(QResizeEvent *event)
{
    // Not QListView's, which plans a layout of every row 100 ms later.
    QAbstractItemView::resizeEvent(event);
}

void FeedListView::onRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent != rootIndex() || first < 0 || first > rowCount())
        return;
    const int inserted = last - first + 1;
    const bool wasEmpty = m_rows.empty();
    m_rows.insert(m_rows.begin() + first, size_t(inserted), Row {estimate(), 0});
    m_tops.resize(m_rows.size() + 1);
    heightsChangedFrom(first);
    // Rows above the one being read push it down: it moves with them.
    if (!wasEmpty && first <= m_anchorRow)
        m_anchorRow += inserted;
    invalidate();
}

void FeedListView::onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent != rootIndex() || first < 0 || last >= rowCount())
        return;
    const int removed = last - first + 1;
    int row = m_anchorRow;
    int y = m_anchorY;
    if (m_anchorRow > last) {
        row -= removed;
    } else if (m_anchorRow >= first) {
        // The row being read goes: the one after it stays where it is (or the one before it,
        // when none is left after it).
        const int kept = last + 1 < rowCount() ? last + 1 : first - 1;
        y += (kept >= 0 ? top(kept) : 0) - top(m_anchorRow);
        row = kept > last ? first : std::max(0, kept);
    }
    m_anchorAfterRemoval = {row, y};
}

void FeedListView::onRowsRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent != rootIndex() || first < 0 || last >= rowCount())
        return;
    m_rows.erase(m_rows.begin() + first, m_rows.begin() + last + 1);
    m_tops.resize(m_rows.size() + 1);
    heightsChangedFrom(first);
    if (m_anchorAfterRemoval) {
        m_anchorRow = m_anchorAfterRemoval->first;
        m_anchorY = m_anchorAfterRemoval->second;
        m_anchorAfterRemoval.reset();
    }
    m_anchorRow = std::clamp(m_anchorRow, 0, std::max(0, rowCount() - 1));
    invalidate();
}

void FeedListView::rowsInserted(const QModelIndex &parent, int first, int last)
{
    // Not QListView's, which forgets its layout of every row.
    QAbstractItemView::rowsInserted(parent, first, last);
}

void FeedListView::rowsAboutToBeRemoved(const QModelIndex &parent, int first, int last)
{
    QAbstractItemView::rowsAboutToBeRemoved(parent, first, last);
}

void FeedListView::dataChanged(
    const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles)
{
    if (topLeft.isValid() && bottomRight.isValid() && topLeft.parent() == rootIndex()) {
        // Measured again when next near the viewport (at once, if it is); until then the old
        // height stands in.
        const int last = std::min(bottomRight.row(), rowCount() - 1);
        for (int row = std::max(0, topLeft.row()); row <= last; ++row)
            m_rows[size_t(row)].generation = 0;
        invalidate();
    }
    QAbstractItemView::dataChanged(topLeft, bottomRight, roles);
}

QRect FeedListView::visualRect(const QModelIndex &index) const
{
    if (!isOurs(index))
        return {};
    ensureLayout();
    const int row = index.row();
    return {0, top(row) - verticalOffset(), viewport()->width(), m_rows[size_t(row)].height};
}

QModelIndex FeedListView::indexAt(const QPoint &point) const
{
    ensureLayout();
    if (!model() || point.x() < 0 || point.x() >= viewport()->width())
        return {};
    const int y = point.y() + verticalOffset();
    if (y < 0 || y >= top(rowCount()))
        return {};
    return indexOf(rowAt(y));
}

void FeedListView::scrollTo(const QModelIndex &index, ScrollHint hint)
{
    if (!isOurs(index))
        return;
    ensureLayout();
    const int row = index.row();
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = QRect(0, 0, viewport()->width(), 0);
    if (measure(row, option)) {
        m_dirty = true;
        relayout(); // the rows below it (or the viewport) moved
    }
    const int height = viewport()->height();
    const int y = top(row) - verticalOffset();
    const int h = m_rows[size_t(row)].height;
    int wanted = 0;
    switch (hint) {
    case EnsureVisible:
        if (y >= 0 && y + h <= height)
            return;
        wanted = y < 0 || h > height ? 0 : height - h;
        break;
    case PositionAtTop:
        wanted = 0;
        break;
    case PositionAtBottom:
        wanted = height - h;
        break;
    case PositionAtCenter:
        wanted = (height - h) / 2;
        break;
    }
    m_anchorRow = row;
    m_anchorY = wanted;
    m_atTop = false;
    invalidate();
    relayout();
}

void FeedListView::scrollContentsBy(int dx, int dy)
{
    // The layout moves the viewport itself and repaints what it must.
    if (m_inLayout)
        return;
    const int offset = verticalOffset();
    const bool atEnd = offset > 0 && offset >= verticalScrollBar()->maximum();
    if (std::abs(dy) <= viewport()->height() && !m_atTop && !atEnd) {
        // The row being read moved with the content.
        m_anchorY += dy;
        m_atTop = offset == 0;
    } else {
        // A jump (the scroll bar dragged, Home, End), or to an end: read from there.
        reanchor();
    }
    m_dirty = true;
    QAbstractItemView::scrollContentsBy(dx, dy);
}

int FeedListView::horizontalOffset() const
{
    return horizontalScrollBar()->value();
}

void FeedListView::setPlaceholderText(const QString &text)
{
    if (text == m_placeholder)
        return;
    m_placeholder = text;
    if (rowCount() == 0)
        viewport()->update();
}

int FeedListView::verticalOffset() const
{
    return verticalScrollBar()->value();
}

QSize FeedListView::viewportSizeHint() const
{
    ensureLayout();
    return {viewport()->width(), top(rowCount())};
}

void FeedListView::paintEvent(QPaintEvent *event)
{
    ensureLayout();
    QPainter painter(viewport());
    if (!model() || rowCount() == 0) {
        // An empty feed says why (not loaded yet, or nothing there) rather than a blank area.
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(viewport()->rect().adjusted(16, 16, -16, -16),
            Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, m_placeholder);
        return;
    }
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    const QStyle::State state = option.state;
    const QModelIndex current = currentIndex();
    const bool focus = (hasFocus() || viewport()->hasFocus()) && current.isValid();
    const QItemSelectionModel *selection = selectionModel();
    const int offset = verticalOffset();
    const QRect area = event->rect();
    const int count = rowCount();
    if (area.top() + offset >= top(count))
        return;
    for (int row = rowAt(std::max(0, area.top() + offset));
         row < count && top(row) - offset <= area.bottom(); ++row) {
        const QModelIndex index = indexOf(row);
        option.rect = QRect(0, top(row) - offset, viewport()->width(), m_rows[size_t(row)].height);
        option.state = state;
        if (selection && selection->isSelected(index))
            option.state |= QStyle::State_Selected;
        if (state.testFlag(QStyle::State_Enabled)) {
            const bool enabled = model()->flags(index).testFlag(Qt::ItemIsEnabled);
            option.state.setFlag(QStyle::State_Enabled, enabled);
            option.palette.setCurrentColorGroup(enabled ? QPalette::Normal : QPalette::Disabled);
        }
        if (focus && index == current)
            option.state |= QStyle::State_HasFocus;
        option.state.setFlag(QStyle::State_MouseOver, index == m_hover);
        itemDelegateForIndex(index)->paint(&painter, option, index);
    }
}

void FeedListView::setHover(const QModelIndex &index)
{
    if (index == m_hover)
        return;
    viewport()->update(visualRect(m_hover));
    m_hover = index;
    viewport()->update(visualRect(m_hover));
}

bool FeedListView::viewportEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::HoverEnter:
    case QEvent::HoverMove:
        setHover(indexAt(static_cast<QHoverEvent *>(event)->position().toPoint()));
        break;
    case QEvent::MouseMove:
        setHover(indexAt(static_cast<QMouseEvent *>(event)->position().toPoint()));
        break;
    case QEvent::HoverLeave:
    case QEvent::Leave:
        setHover({});
        break;
    default:
        break;
    }
    return QListView::viewportEvent(event);
}

void FeedListView::mouseMoveEvent(QMouseEvent *event)
{
    // Not QListView's, which draws a rubber band from its own layout.
    QAbstractItemView::mouseMoveEvent(event);
}

void FeedListView::mouseReleaseEvent(QMouseEvent *event)
{
    QAbstractItemView::mouseReleaseEvent(event);
}

QModelIndex FeedListView::moveCursor(CursorAction action, Qt::KeyboardModifiers)
{
    ensureLayout();
    const int count = rowCount();
    if (count == 0)
        return {};
    const QModelIndex current = currentIndex();
    if (!isOurs(current))
        return indexOf(rowAt(verticalOffset())); // the first row in sight
    const int from = current.row();
    int row = from;
    int step = 1;
    switch (action) {
    case MoveUp:
    case MoveLeft:
    case MovePrevious:
        row = from - 1;
        step = -1;
        break;
    case MoveDown:
    case MoveRight:
    case MoveNext:
        row = from + 1;
        break;
    case MoveHome:
        row = 0;
        break;
    case MoveEnd:
        row = count - 1;
        step = -1;
        break;
    case MovePageUp:
        row = std::min(from - 1, rowAt(std::max(0, top(from) - viewport()->height())));
        step = -1;
        break;
    case MovePageDown:
        row = std::max(from + 1, rowAt(top(from) + viewport()->height()));
        break;
    }
    row = std::clamp(row, 0, count - 1);
    // Past rows that cannot be current, within bounds.
    for (int tries = 0; tries < count && isIndexHidden(indexOf(row)); ++tries) {
        row += step;
        if (row < 0 || row >= count)
            return current;
    }
    return indexOf(row);
}

void FeedListView::setSelection(const QRect &rect, QItemSelectionModel::SelectionFlags command)
{
    ensureLayout();
    if (!selectionModel() || rowCount() == 0)
        return;
    const QRect area = rect.normalized().translated(0, verticalOffset());
    if (area.bottom() < 0 || area.top() >= top(rowCount())) {
        selectionModel()->select(QItemSelection(), command);
        return;
    }
    const QModelIndex first = indexOf(rowAt(std::max(0, area.top())));
    const QModelIndex last = indexOf(rowAt(area.bottom()));
    selectionModel()->select(QItemSelection(first, last), command);
}

QRegion FeedListView::visualRegionForSelection(const QItemSelection &selection) const
{
    ensureLayout();
    if (rowCount() == 0)
        return {};
    // Only what is in sight matters: the selection may span thousands of rows.
    const int firstShown = rowAt(verticalOffset());
    const int lastShown = rowAt(verticalOffset() + viewport()->height());
    QRegion region;
    for (const QItemSelectionRange &range : selection) {
        if (range.parent() != rootIndex() || range.left() > modelColumn()
            || range.right() < modelColumn()) {
            continue;
        }
        const int first = std::max(range.top(), firstShown);
        const int last = std::min(range.bottom(), lastShown);
        if (first <= last)
            region += visualRect(indexOf(first)).united(visualRect(indexOf(last)));
    }
    return region;
}

void FeedListView::selectionChanged(
    const QItemSelection &selected, const QItemSelection &deselected)
{
    // Not QListView's: its accessibility events number rows by its own layout.
#if QT_CONFIG(accessibility)
    if (QAccessible::isActive()) {
        if (const QModelIndex index = selected.indexes().value(0); isOurs(index)) {
            QAccessibleEvent event(this, QAccessible::SelectionAdd);
            event.setChild(index.row());
            QAccessible::updateAccessibility(&event);
        }
        if (const QModelIndex index = deselected.indexes().value(0); isOurs(index)) {
            QAccessibleEvent event(this, QAccessible::SelectionRemove);
            event.setChild(index.row());
            QAccessible::updateAccessibility(&event);
        }
    }
#endif
    QAbstractItemView::selectionChanged(selected, deselected);
}

void FeedListView::currentChanged(const QModelIndex &current, const QModelIndex &previous)
{
#if QT_CONFIG(accessibility)
    if (QAccessible::isActive() && isOurs(current) && hasFocus()) {
        QAccessibleEvent event(this, QAccessible::Focus);
        event.setChild(current.row());
        QAccessible::updateAccessibility(&event);
    }
#endif
    QAbstractItemView::currentChanged(current, previous);
}
} // namespace Hubbub::Client
